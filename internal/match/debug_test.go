package match_test

import (
	"os"
	"strings"
	"testing"

	"github.com/backcare/backcare/internal/match"
	"github.com/backcare/backcare/knowledge"
)

// TestExplain prints how the matcher reads the messages in BACKCARE_EXPLAIN
// (separated by "|"). It is a tool for knowledge-base editors and tuning.
func TestExplain(t *testing.T) {
	q := os.Getenv("BACKCARE_EXPLAIN")
	if q == "" {
		t.Skip("set BACKCARE_EXPLAIN='message|message' to see how messages are matched")
	}
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	m := match.Must(match.New(kb))
	for _, text := range strings.Split(q, "|") {
		c := m.Classify(text, "")
		t.Logf("%q\n  terms %v\n  %+v", text, m.Analyzer().Terms(text), c)
	}
}
