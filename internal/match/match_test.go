package match_test

import (
	"testing"

	"github.com/backcare/backcare/internal/match"
	"github.com/backcare/backcare/knowledge"
)

// TestKnowledgeBaseIsConsistent checks the embedded knowledge base against
// its own matcher: no example question trips a red flag, a safety rule or
// a decline, and nearly every example (99%) is matched to its own topic
// first; the few that are not are listed for editors.
func TestKnowledgeBaseIsConsistent(t *testing.T) {
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	m := match.Must(match.New(kb))
	total, elsewhere := 0, 0
	for _, tp := range kb.Topics {
		for _, ex := range tp.Examples {
			total++
			c := m.Classify(ex, "")
			switch {
			case len(c.Safety) > 0:
				t.Errorf("example %q of %s trips red flags %v", ex, tp.ID, c.Safety)
			case c.Decline != "":
				t.Errorf("example %q of %s trips decline %s", ex, tp.ID, c.Decline)
			case len(c.Candidates) == 0 || c.Candidates[0].TopicID != tp.ID:
				elsewhere++
				t.Logf("example %q of %s is matched to %+v first", ex, tp.ID, c.Candidates)
			}
		}
	}
	if elsewhere*100 > total {
		t.Errorf("%d of %d examples are matched to another topic first (ceiling 1%%)", elsewhere, total)
	}
}

func TestFollowUpsAndContext(t *testing.T) {
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	m := match.Must(match.New(kb))
	for _, s := range []string{"tell me more", "anything else?", "more please", "what else"} {
		if c := m.Classify(s, "ice-and-heat"); !c.FollowUp {
			t.Errorf("%q: not read as a follow-up", s)
		}
	}
	if c := m.Classify("what helps", ""); c.FollowUp {
		t.Error(`"what helps" read as a follow-up`)
	}
	c := m.Classify("what about the upper back?", "lower-back-causes")
	if len(c.Candidates) == 0 || c.Candidates[0].TopicID != "upper-back-causes" {
		t.Errorf("follow-up after lower-back-causes: %+v", c.Candidates)
	}
	if c := m.Classify("  ...  ", ""); !c.Empty {
		t.Errorf("punctuation only: %+v, want Empty", c)
	}
}
