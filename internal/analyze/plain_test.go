package analyze

import (
	"testing"

	"github.com/backcare/backcare/knowledge"
)

// TestPlainLemma checks Lemmas' fast path against the full analysis for
// every word the embedded knowledge base knows.
func TestPlainLemma(t *testing.T) {
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	a := New(kb)
	fast := 0
	for w := range a.known {
		l, ok := a.plainLemma(w)
		if !ok {
			continue
		}
		fast++
		want := a.analyzedLemmas(w)
		if len(want) != 1 || want[0] != l {
			t.Errorf("%q: fast path %q, analysis %q", w, l, want)
		}
	}
	if fast == 0 {
		t.Error("the fast path took no word")
	}
}
