package triage

import (
	"reflect"
	"testing"

	"github.com/backcare/backcare/internal/analyze"
	"github.com/backcare/backcare/knowledge"
)

// TestAheadCompilesAlike checks that expanding patterns ahead on other
// cores compiles the very Set that expanding them in turn does: the same
// phrases, numbered alike, in the same order.
func TestAheadCompilesAlike(t *testing.T) {
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	an := analyze.New(kb)
	c := SafetyConfig(kb)
	if n := len(patternsOf(c)); n < minAhead {
		t.Fatalf("the real safety config has %d patterns, fewer than minAhead (%d): nothing is looked ahead", n, minAhead)
	}
	want, err := compile(an, c, false)
	if err != nil {
		t.Fatal(err)
	}
	got, err := compile(an, c, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct {
		name      string
		got, want any
	}{
		{"phrases", got.phrases, want.phrases},
		{"vocab", got.vocab, want.vocab},
		{"anchors", got.anchors, want.anchors},
		{"seqAnchors", got.seqAnchors, want.seqAnchors},
		{"negAnch", got.negAnch, want.negAnch},
		{"unless", got.unless, want.unless},
		{"past", got.past, want.past},
		{"explained", got.explained, want.explained},
		{"unscreened", got.unscreened, want.unscreened},
		{"near", got.near, want.near},
		{"save", got.save, want.save},
		{"history", got.history, want.history},
		{"asking", got.asking, want.asking},
		{"signWords", got.signWords, want.signWords},
	} {
		if !reflect.DeepEqual(f.got, f.want) {
			t.Errorf("%s differ when expanded ahead", f.name)
		}
	}
}

// TestAheadReportsErrors checks that an error found while expanding
// ahead is reported as one found in turn is, once per pattern.
func TestAheadReportsErrors(t *testing.T) {
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	an := analyze.New(kb)
	c := SafetyConfig(kb)
	c.Rules = append(c.Rules, Rule{ID: "broken", Triggers: []string{"{no_such_group} pain", "{no_such_group} pain"}})
	_, want := compile(an, c, false)
	_, got := compile(an, c, true)
	if want == nil || got == nil || got.Error() != want.Error() {
		t.Errorf("expanded ahead: error %v, want %v", got, want)
	}
}
