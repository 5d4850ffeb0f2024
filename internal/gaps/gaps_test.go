package gaps_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/gaps"
)

func TestRecordAndReport(t *testing.T) {
	path := filepath.Join(t.TempDir(), "unanswered.jsonl")
	rec, err := gaps.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	fallback := bot.Reply{Kind: bot.KindFallback, Fallback: true, Guesses: []bot.Candidate{{TopicID: "ice-and-heat", Confidence: 0.3}}}
	for _, q := range []string{"can I take a warm bath", "can i take a warm bath?", "is a warm bath ok", "morning sickness help"} {
		rec.Observe(bot.Message{Platform: "telegram", ChatID: "secret-chat-42", UserID: "secret-user-7", Text: q}, fallback, 0)
	}
	rec.Observe(bot.Message{Platform: "telegram", Text: "what helps back spasms"}, bot.Reply{Kind: bot.KindAnswer, Confidence: 0.9}, 0)
	rec.Observe(bot.Message{Platform: "telegram", Text: "I'm bleeding"}, bot.Reply{Kind: bot.KindUrgent}, 0)
	if err := rec.Close(); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	if strings.Contains(string(raw), "secret-") {
		t.Fatal("user or chat ids in the unanswered log")
	}
	f, _ := os.Open(path)
	defer f.Close()
	entries, skipped, err := gaps.Read(f)
	if err != nil || skipped != 0 || len(entries) != 4 {
		t.Fatalf("read %d entries, %d skipped, %v", len(entries), skipped, err)
	}
	groups := gaps.Report(entries, strings.Fields)
	if len(groups) < 2 || groups[0].Count < 2 || groups[0].Closest != "ice-and-heat" {
		t.Fatalf("groups: %+v", groups)
	}
	var b strings.Builder
	gaps.Print(&b, groups, 10)
	if !strings.Contains(b.String(), "closest topic: ice-and-heat (confidence 0.30)") {
		t.Errorf("report:\n%s", b.String())
	}
}
