// Package triage finds danger signs (and other trigger phrases) in an
// analysed message, honouring negation: "no bleeding or fever, just sore"
// triggers nothing, "not sure if my waters broke" does.
//
// A trigger is a short phrase. It matches when all its terms appear, in any
// order, within a window of len(terms)+Slack tokens. A match is negated
// when a negation cue ("no", "not", "without", "never") stands at most
// Reach tokens before it in the same clause, or when it continues a list
// that a cue negated ("no bleeding or fever"). Safety wins ties: a cue
// followed by a hedge ("not sure", "not much") negates nothing, and
// neither does a cue separated from the trigger by punctuation, "but",
// "just", or a new subject ("I", "my", "there").
package triage

import (
	"slices"
	"sync"

	"github.com/backcare/backcare/internal/analyze"
)

const (
	// Slack is how many other tokens may stand among a trigger's terms.
	Slack = 3
	// Reach is how far, in tokens, a negation cue reaches forward.
	Reach = 4
	// maxTerms bounds trigger length so that windows stay small.
	maxTerms = 8
)

// Rule is one owner of triggers, such as a red flag.
type Rule struct {
	ID       string
	Triggers []string
}

// Set is a compiled collection of rules. It is safe for concurrent use.
type Set struct {
	ids     []string
	phrases []phrase
	byTerm  map[string][]int // term -> phrases containing it
	hedges  map[string]bool  // terms that turn a negation cue into a hedge
	pool    sync.Pool        // *scratch
}

type phrase struct {
	rule  int
	terms []string
}

type scratch struct {
	seen []bool // per rule
}

// Compile analyses each trigger with a, so that triggers and messages go
// through the same spelling, synonym and stemming steps.
func Compile(a *analyze.Analyzer, rules []Rule) *Set {
	s := &Set{byTerm: map[string][]int{}, hedges: map[string]bool{}}
	for ri, r := range rules {
		s.ids = append(s.ids, r.ID)
		for _, t := range r.Triggers {
			terms := a.AllTerms(t)
			if len(terms) == 0 {
				continue
			}
			if len(terms) > maxTerms {
				terms = terms[:maxTerms]
			}
			pi := len(s.phrases)
			s.phrases = append(s.phrases, phrase{rule: ri, terms: terms})
			for k, term := range terms {
				if !slices.Contains(terms[:k], term) {
					s.byTerm[term] = append(s.byTerm[term], pi)
				}
			}
		}
	}
	for _, h := range []string{"sure", "certain", "idea", "clear", "doubt", "much", "many", "lot",
		"lots", "very", "too", "heavy", "heavily", "more", "longer", "really", "that", "only", "just",
		"tell", "know", "knowing", "think"} {
		for _, t := range a.AllTerms(h) {
			s.hedges[t] = true
		}
	}
	n := len(rules)
	s.pool.New = func() any { return &scratch{seen: make([]bool, n)} }
	return s
}

// Match returns the ids of the rules whose triggers appear, not negated, in
// tokens, in rule order. It returns nil when none do.
func (s *Set) Match(tokens []analyze.Token) []string {
	sc := s.pool.Get().(*scratch)
	defer s.pool.Put(sc)
	clear(sc.seen)
	found := 0
	negEnd := -1 // end of the last negated match, for lists ("no bleeding or fever")
	for i := range tokens {
		for _, pi := range s.byTerm[tokens[i].Term] {
			p := &s.phrases[pi]
			if sc.seen[p.rule] {
				continue
			}
			end, ok := matchAt(tokens, i, p.terms)
			if !ok {
				continue
			}
			if s.negated(tokens, i, end, negEnd) {
				negEnd = end
				continue
			}
			sc.seen[p.rule] = true
			found++
		}
	}
	if found == 0 {
		return nil
	}
	out := make([]string, 0, found)
	for r, ok := range sc.seen {
		if ok {
			out = append(out, s.ids[r])
		}
	}
	return out
}

// matchAt reports whether all terms occur in the window that starts at
// tokens[start] (which must hold one of them), and where the match ends.
func matchAt(tokens []analyze.Token, start int, terms []string) (end int, ok bool) {
	limit := min(len(tokens), start+len(terms)+Slack)
	var used uint32
	end = start
	for _, term := range terms {
		found := false
		for j := start; j < limit; j++ {
			bit := uint32(1) << uint(j-start)
			if used&bit == 0 && tokens[j].Term == term {
				used |= bit
				end = max(end, j)
				found = true
				break
			}
		}
		if !found {
			return 0, false
		}
	}
	return end, used&1 == 1
}

// negated reports whether the match tokens[start:end+1] is negated.
func (s *Set) negated(tokens []analyze.Token, start, end, negEnd int) bool {
	// A quantity right after the match means some is present: "not
	// bleeding a lot".
	for j := end + 1; j < len(tokens) && j <= end+2; j++ {
		if s.hedges[tokens[j].Term] {
			return false
		}
		if tokens[j].Term != "a" {
			break
		}
	}
	for j := start - 1; j >= 0 && start-j <= Reach; j-- {
		t := tokens[j]
		if t.Flags&(analyze.Break|analyze.ScopeEnd) != 0 {
			return false
		}
		if j == negEnd && start-j <= Slack {
			return true // continues a negated list
		}
		if t.Is(analyze.Negation) {
			return !(j+1 < len(tokens) && s.hedges[tokens[j+1].Term])
		}
	}
	return false
}
