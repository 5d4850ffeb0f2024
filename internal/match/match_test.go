package match_test

import (
	"testing"

	"github.com/backcare/backcare/internal/match"
	"github.com/backcare/backcare/knowledge"
)

// TestKnowledgeBaseIsConsistent checks the embedded knowledge base against
// its own matcher: no example question trips a red flag or a decline, and
// each example is matched to its own topic first.
func TestKnowledgeBaseIsConsistent(t *testing.T) {
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	m := match.Must(match.New(kb))
	for _, tp := range kb.Topics {
		for _, ex := range tp.Examples {
			c := m.Classify(ex, "")
			switch {
			case len(c.Safety) > 0:
				t.Errorf("example %q of %s trips red flags %v", ex, tp.ID, c.Safety)
			case c.Decline != "":
				t.Errorf("example %q of %s trips decline %s", ex, tp.ID, c.Decline)
			case len(c.Candidates) == 0 || c.Candidates[0].TopicID != tp.ID:
				t.Errorf("example %q of %s matched %+v", ex, tp.ID, c.Candidates)
			}
		}
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
