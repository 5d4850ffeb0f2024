package triage

import (
	"os"
	"testing"

	"github.com/backcare/backcare/internal/analyze"
	"github.com/backcare/backcare/knowledge"
)

// TestAnchorInvariant checks that whether a phrase matches does not depend
// on which of its terms it is anchored on. The anchor is chosen by how
// rare its word is across all triggers, so without this, adding a trigger
// to one rule could change whether another rule's trigger matches.
func TestAnchorInvariant(t *testing.T) {
	data, err := os.ReadFile("testdata/rules.yaml")
	if err != nil {
		t.Fatal(err)
	}
	kb, err := knowledge.Parse("rules.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	a := analyze.New(kb)
	s, err := Compile(a, SafetyConfig(kb))
	if err != nil {
		t.Fatal(err)
	}
	var phrases []phrase
	for _, p := range s.phrases {
		if len(p.terms) >= 3 && !p.ordered && !p.absence {
			phrases = append(phrases, p)
		}
	}
	if len(phrases) == 0 {
		t.Fatal("testdata/rules.yaml has no unordered phrase of three terms")
	}
	messages := []string{
		"sudden sharp pain",
		"a sharp pain, very sudden",
		"pain that was sharp and came on sudden",
		"sudden and i mean really quite sharp sort of pain in my back",
		"sharp pain in my side, it was all of a sudden, sudden like",
		"sudden pain in the hip then a sharp one later in the evening pain",
		"it was sudden, then pain, then after a long long while of nothing at all a sharp twinge",
		"sharp knife sudden noise, no pain at all really just sharp",
		// Nearest first would take the first "sharp" when anchored on
		// "sudden", a span too long; anchored on "pain", the short one.
		"sharp knife sudden noise loud bang sharp pain",
		// A span of many function words: too long from every anchor.
		"sudden it was a pain that is of the sort that is so very very very sharp",
	}
	for _, text := range messages {
		var an analyze.Analysis
		a.Analyze(text, &an)
		tokens := an.Words
		sc := s.pool.Get().(*scratch)
		s.each(tokens, sc, func(*phrase, match) bool { return false }) // prepares sc
		for _, p := range phrases {
			got := map[bool][]int{}
			for k := range p.terms {
				q := p
				q.anchor = k
				found := false
				for i := range tokens {
					if q.match[k].matches(tokens, sc.tok, i) > 0 {
						if _, ok := s.matchAround(tokens, sc, &q, i); ok {
							found = true
							break
						}
					}
				}
				got[found] = append(got[found], k)
			}
			if len(got) > 1 {
				t.Errorf("%q, phrase %v: matches anchored on terms %v, not on %v", text, p.terms, got[true], got[false])
			}
		}
		s.pool.Put(sc)
	}
}
