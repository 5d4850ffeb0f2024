package triage

import (
	"os"
	"slices"
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

// TestAnchorIndex checks that Set.each, which tries at each word only the
// phrases anchored on it (and, for a sequence, on it and the word after),
// finds every match that trying every phrase at every word finds, in the
// same order, on the real knowledge base's danger signs and safety items.
func TestAnchorIndex(t *testing.T) {
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	a := analyze.New(kb)
	s, err := Compile(a, SafetyConfig(kb))
	if err != nil {
		t.Fatal(err)
	}
	messages := []string{
		"I'm bleeding and my waters have gone",
		"can't even straighten up, the pain won't stop",
		"kicks: none since breakfast",
		"baby movements? none today",
		"he hasn't moved since this morning and I can't feel him kick",
		"my temp is 38.5 and I feel shivery",
		"I can't see the point of going on anymore",
		"my partner shoved me into the door frame last night",
		"we lost our baby at 16 weeks and my back aches",
		"no bleeding, no fever, no tightening, just sore",
		"I fell down the stairs and landed on my bump, 32 weeks",
		"there is fluid trickling down my legs and it is not wee",
		"pins and needles between my legs that won't go away",
		"my bump goes rock hard every 5 mins and it hurts",
		"i feel like everyone would be better off without me tbh",
	}
	index := map[*phrase]int32{}
	for i := range s.phrases {
		index[&s.phrases[i]] = int32(i)
	}
	negAnchored := map[int32]bool{}
	for _, pi := range s.negAnch {
		negAnchored[pi] = true
	}
	type found struct {
		phrase     int32
		start, end int
	}
	for _, text := range messages {
		var an analyze.Analysis
		a.Analyze(text, &an)
		tokens := an.Words
		sc := s.pool.Get().(*scratch)
		var got []found
		s.each(tokens, sc, func(p *phrase, m match) bool {
			got = append(got, found{index[p], m.start, m.end})
			return true
		})
		var want []found
		for i, tk := range tokens {
			if tk.Is(analyze.Break) {
				continue
			}
			// The phrases anchored on a word, then those on a negation cue.
			for _, onCue := range []bool{false, true} {
				for pi := range s.phrases {
					p := &s.phrases[pi]
					if negAnchored[int32(pi)] != onCue || onCue && !tk.Is(analyze.Negation) || !onCue && p.match[p.anchor].matches(tokens, sc.tok, i) == 0 {
						continue
					}
					if !sc.mayMatch(p) {
						continue
					}
					if m, ok := s.matchAround(tokens, sc, p, i); ok {
						want = append(want, found{int32(pi), m.start, m.end})
					}
				}
			}
		}
		s.pool.Put(sc)
		if len(want) == 0 {
			t.Errorf("%q: no phrase matches at all", text)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q:\n got %v\nwant %v", text, got, want)
		}
	}
}
