package knowledge_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/backcare/backcare/knowledge"
)

func TestEmbeddedIsValid(t *testing.T) {
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatalf("embedded knowledge base: %v", err)
	}
	if kb.Disclaimer == "" || kb.Welcome == "" {
		t.Error("embedded knowledge base needs a disclaimer and a welcome text")
	}
	if want := (knowledge.Period{N: 12, Unit: knowledge.Months}); kb.ReviewEvery != want {
		t.Errorf("embedded review_every = %v, want %v", kb.ReviewEvery, want)
	}
	for _, tp := range kb.Topics {
		if len(tp.Examples) < knowledge.MinExamples {
			t.Errorf("topic %s has %d examples", tp.ID, len(tp.Examples))
		}
	}
}

// TestEmbeddedCoversTheArticles checks that every cause and relief tip the
// source articles name has its own topic, and every red-flag group of
// RED_FLAGS.md its own red flag.
func TestEmbeddedCoversTheArticles(t *testing.T) {
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	topics := []string{"causes-overview", "lower-back-causes", "upper-back-causes", "weight-and-posture-cause",
		"stress-and-strain", "how-common", "goes-away", "ice-and-heat", "posture-and-sitting", "lifting",
		"sleep-and-mattress", "footwear", "exercise", "stretching", "rest", "weight-and-diet", "support-belt",
		"acupuncture", "tens", "things-to-avoid", "sciatica", "when-to-see-doctor", "back-pain-and-labour", "relief-overview"}
	for _, id := range topics {
		if _, ok := kb.Topic(id); !ok {
			t.Errorf("no topic %q", id)
		}
	}
	flags := []string{"bleeding", "heavy-bleeding", "waters", "contractions", "infection", "nerve-compression",
		"fall", "baby-movements", "sudden-severe-pain", "pre-eclampsia", "faint-breathless"}
	for _, id := range flags {
		f, ok := kb.RedFlag(id)
		if !ok {
			t.Errorf("no red flag %q", id)
			continue
		}
		if len(f.Sources) == 0 {
			t.Errorf("red flag %q names no source", id)
		}
	}
}

func TestLoadValidFolder(t *testing.T) {
	kb, err := knowledge.Load(filepath.Join("testdata", "valid"))
	if err != nil {
		t.Fatal(err)
	}
	tp, ok := kb.Topic("heat")
	if !ok || tp.Related[0] != "sitting" || !strings.Contains(tp.Answer, "- not on your tummy") {
		t.Fatalf("topic heat = %+v", tp)
	}
	if tp.Pos.Line != 7 || tp.Pos.Column != 5 {
		t.Errorf("topic position = %v, want line 7 column 5", tp.Pos)
	}
}

// TestLoadReportsEveryProblem checks each kind of mistake is reported with
// file:line:column.
func TestLoadReportsEveryProblem(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"syntax.yaml", []string{
			"syntax.yaml:5:1: YAML syntax: found unexpected end of stream (while scanning a quoted scalar that started at line 3, column 12)",
		}},
		{"semantic.yaml", []string{
			`semantic.yaml:12:15: related topic "nowhere" is not defined`,
			`semantic.yaml:13:20: source "missing-source" is not defined in any sources list`,
			`semantic.yaml:14:5: unknown field "colour" in topic`,
			`semantic.yaml:15:9: duplicate topic id "heat" (first defined at `,
			`semantic.yaml:21:5: topic "few" has 2 example questions; it needs at least 8`,
			`semantic.yaml:23:15: category "feelings" is not one of cause, relief, when-to-see-a-doctor, general`,
			`semantic.yaml:24:16: example "Heat one!" is under two topics, "heat" (at `,
			`semantic.yaml:25:13: topic "few" has an empty answer`,
			`semantic.yaml:28:5: triggers is empty`,
			`semantic.yaml:30:12: level "sometimes" is not "midwife" or "emergency"`,
			`semantic.yaml:38:9: triggers item "through" is followed by the comment "#|two pads": if the # belongs to it, quote the item`,
			`semantic.yaml:46:8: empty unless pattern`,
			`semantic.yaml:54:17: also_with "nowhere" is not another red flag or safety item`,
			`semantic.yaml:55:19: reopened_by "revived" is not another red flag or safety item`,
			`semantic.yaml:59:3: hesitation is missing "answer"`,
			`semantic.yaml:61:21: word group others: "older one" has several words`,
		}},
		{"notcovered.yaml", []string{
			`notcovered.yaml:13:19: topic "heat" lists what its sources do not cover but has no not_covered_note to say so`,
			`notcovered.yaml:13:28: not_covered "sports massage" has several words`,
			`notcovered.yaml:20:23: topic "ice" has a not_covered_note but lists nothing in not_covered`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", "broken", tt.file)
			_, err := knowledge.Load(path)
			var list knowledge.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("Load(%s) error = %v, want an ErrorList", path, err)
			}
			got := err.Error()
			for _, w := range tt.want {
				if !strings.Contains(got, filepath.Join("testdata", "broken", w)) {
					t.Errorf("missing %q in:\n%s", w, got)
				}
			}
		})
	}
}

func TestParseRejectsSameExampleInOneTopic(t *testing.T) {
	src := `disclaimer: d
sources: [{id: s, title: t, where: w}]
topics:
  - id: a
    title: A
    category: general
    examples: [one, two, three, four, five, six, seven, "One."]
    answer: x
    sources: [s]
`
	_, err := knowledge.Parse("kb.yaml", []byte(src))
	if err == nil || !strings.Contains(err.Error(), `kb.yaml:7:57: example "One." is repeated in topic "a"`) {
		t.Fatalf("err = %v", err)
	}
}

func TestWriteEmbeddedRoundTrips(t *testing.T) {
	dir := t.TempDir()
	if err := knowledge.WriteEmbedded(dir); err != nil {
		t.Fatal(err)
	}
	kb, err := knowledge.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := knowledge.Embedded()
	if len(kb.Topics) != len(want.Topics) || len(kb.RedFlags) != len(want.RedFlags) {
		t.Errorf("exported %d topics and %d red flags, want %d and %d", len(kb.Topics), len(kb.RedFlags), len(want.Topics), len(want.RedFlags))
	}
	if err := knowledge.WriteEmbedded(dir); err == nil {
		t.Error("export overwrote existing files")
	}
}

// TestVersion: the version follows the content, not where the files are.
func TestVersion(t *testing.T) {
	src := "disclaimer: not medical advice\n"
	a, err := knowledge.Parse("kb.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	b, err := knowledge.Parse("elsewhere/kb.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	c, err := knowledge.Parse("kb.yaml", []byte(src+"welcome: hi\n"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Version == "" || a.Version != b.Version {
		t.Errorf("same content, versions %q and %q", a.Version, b.Version)
	}
	if a.Version == c.Version {
		t.Errorf("different content, same version %q", a.Version)
	}
}

// TestSourceShortName: members see a source's short name, or its title
// when it has none; a short name must fit a phone's line.
func TestSourceShortName(t *testing.T) {
	tests := []struct {
		name, source string
		want         string // Name(), or the error
	}{
		{"title only", `{id: s, title: Back pain in pregnancy, where: a leaflet}`, "Back pain in pregnancy"},
		{"short name", `{id: s, title: "Back pain in pregnancy: a long title", where: notes, short: Back pain (NHS)}`, "Back pain (NHS)"},
		{"too long", `{id: s, title: t, where: w, short: ` + strings.Repeat("x", knowledge.MaxShortSource+1) + `}`,
			`kb.yaml:2:46: short name of source "s" must be one line of at most 80 characters (it has 81)`},
		{"empty", `{id: s, title: t, where: w, short: ""}`, `kb.yaml:2:46: short name of source "s" is empty`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kb, err := knowledge.Parse("kb.yaml", []byte("disclaimer: d\nsources: ["+tt.source+"]\n"))
			if err != nil {
				if !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("error %v, want %q", err, tt.want)
				}
				return
			}
			s, ok := kb.Source("s")
			if !ok || s.Name() != tt.want {
				t.Errorf("Name() = %q, want %q", s.Name(), tt.want)
			}
		})
	}
}

// TestEmbeddedSourcesAreShort: every source of the built-in knowledge base
// has a short name, and none shows members the moderators' notes.
func TestEmbeddedSourcesAreShort(t *testing.T) {
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range kb.Sources {
		if s.Short == "" || strings.Contains(strings.ToLower(s.Short), "source text") {
			t.Errorf("source %s: short name %q", s.ID, s.Short)
		}
	}
}

// TestRepeatedExamples: a wording may stand once in the whole knowledge
// base, under a topic, as out of scope or as small talk; a repeat names
// where it was first.
func TestRepeatedExamples(t *testing.T) {
	head := "disclaimer: d\nsources: [{id: s, title: t, where: w}]\ntopics:\n" +
		"  - id: a\n    title: A\n    category: general\n    answer: x\n    sources: [s]\n" +
		"    examples: [heat pack, two, three, four, five, six, seven, eight]\n"
	tests := []struct {
		name, extra, want string
	}{
		{"in one topic", "  - id: b\n    title: B\n    category: general\n    answer: x\n    sources: [s]\n    examples: [1, 2, 3, 4, 5, 6, 7, 8, \"1!\"]\n",
			`kb.yaml:15:40: example "1!" is repeated in topic "b" (first at kb.yaml:15:16)`},
		{"under two topics", "  - id: b\n    title: B\n    category: general\n    answer: x\n    sources: [s]\n    examples: [1, 2, 3, 4, 5, 6, 7, Heat Pack]\n",
			`kb.yaml:15:37: example "Heat Pack" is under two topics, "a" (at kb.yaml:9:16) and "b"`},
		{"out of scope", "out_of_scope: [best pizza, \"heat pack?\"]\n",
			`kb.yaml:10:28: out-of-scope example "heat pack?" is also an example of "a" (at kb.yaml:9:16)`},
		{"small talk", "out_of_scope: [thanks a lot]\nsmall_talk:\n  - id: thanks\n    examples: [cheers, Thanks a lot!]\n    answer: You're welcome.\n",
			`kb.yaml:13:24: small-talk example "Thanks a lot!" is also an example of "out of scope" (at kb.yaml:10:16)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := knowledge.Parse("kb.yaml", []byte(head+tt.extra))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v\nwant %s", err, tt.want)
			}
		})
	}
}

// TestSafetyFirm: a safety item's firm triggers are read, checked and
// numbered after its triggers, as a red flag's are.
func TestSafetyFirm(t *testing.T) {
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	x, ok := kb.SafetyRule("crisis")
	if !ok || len(x.Firm) == 0 {
		t.Fatalf("crisis has no firm triggers")
	}
	all := x.AllTriggers()
	if len(all) != len(x.Triggers)+len(x.Firm) || all[len(x.Triggers)] != x.Firm[0] {
		t.Errorf("AllTriggers does not number the firm triggers after the others")
	}
	var buf strings.Builder
	buf.WriteString(`sources:
  - id: s
    title: S
    url: https://example.org
safety:
  - id: crisis
    title: T
    kind: crisis
    triggers: [want die]
    firm: ["{nowhere} die"]
    answer: A
    sources: [s]
`)
	_, err = knowledge.Parse("x.yaml", []byte(buf.String()))
	if err == nil || !strings.Contains(err.Error(), "nowhere") {
		t.Errorf("a firm trigger naming an undefined group: error %v, want one naming it", err)
	}
}

// A learned screen's weights are lines of a block: a broken one is reported
// at its own line, and a screen must name a safety item that exists.
func TestParseScreenErrors(t *testing.T) {
	src := `disclaimer: d
sources: [{id: s, title: t, where: w}]
safety:
  - {id: crisis, title: T, kind: crisis, triggers: [x], answer: a, sources: [s]}
screens:
  - safety: crisis
    bias: -1
    weights: |
      hopeless 2.5
      not wake 1.5
      too many words here 1
      letters many
  - safety: nobody
    bias: x
    weights: |
      a 1
`
	_, err := knowledge.Parse("kb.yaml", []byte(src))
	for _, want := range []string{
		`kb.yaml:11:7: screen weight "too many words here 1" must be one or two lemmas and a number`,
		`kb.yaml:12:7: screen weight "letters many" must end with a number`,
		`kb.yaml:14:11: screen bias must be a number`,
		`kb.yaml:13:5: screen names safety item "nobody", which does not exist`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v\nwant it to contain %s", err, want)
		}
	}
	good := strings.Split(src, "  - safety: nobody")[0]
	kb, err := knowledge.Parse("kb.yaml", []byte(strings.ReplaceAll(strings.ReplaceAll(good, "      too many words here 1\n", ""), "      letters many\n", "")))
	if err != nil {
		t.Fatal(err)
	}
	if len(kb.Screens) != 1 || kb.Screens[0].Weights["not wake"] != 1.5 || kb.Screens[0].Bias != -1 {
		t.Errorf("Screens = %+v", kb.Screens)
	}
}
