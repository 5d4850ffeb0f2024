package insights_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/insights"
)

// Ids that must never reach the log.
const (
	chatID   = "chat-secret-4242"
	userID   = "user-secret-7777"
	threadID = "thread-secret-99"
)

func msg(text string) bot.Message {
	return bot.Message{Platform: "telegram", ChatID: chatID, UserID: userID, Thread: threadID, Text: text, Addressed: true}
}

var guesses = []bot.Candidate{{TopicID: "ice-and-heat", Confidence: 0.3114}, {TopicID: "rest", Confidence: 0.2}, {TopicID: "sleep", Confidence: 0.1}, {TopicID: "exercise", Confidence: 0.05}}

// TestNewEntry: what a line holds for each kind of reply, and that text is
// kept only where a moderator needs it.
func TestNewEntry(t *testing.T) {
	ask := msg("")
	ask.Command, ask.Arg = bot.CmdAsk, "  can I take a warm bath  "
	tests := []struct {
		name     string
		m        bot.Message
		r        bot.Reply
		kind     bot.Kind
		topic    string
		text     string // "" means no text may be recorded
		low      bool
		guesses  int
		feedback *insights.Feedback
	}{
		{name: "confident answer", m: msg("what helps back spasms"),
			r:    bot.Reply{Kind: bot.KindAnswer, TopicID: "relief-overview", Confidence: 0.93, Guesses: guesses},
			kind: bot.KindAnswer, topic: "relief-overview"},
		{name: "low-confidence answer", m: msg("what about sleeping on my front"),
			r:    bot.Reply{Kind: bot.KindAnswer, TopicID: "sleep", Confidence: 0.41, Guesses: guesses},
			kind: bot.KindAnswer, topic: "sleep", text: "what about sleeping on my front", low: true, guesses: 3},
		{name: "fallback", m: msg("best pizza in town"),
			r:    bot.Reply{Kind: bot.KindFallback, Fallback: true, Confidence: 0.31, Guesses: guesses},
			kind: bot.KindFallback, text: "best pizza in town", guesses: 3},
		{name: "fallback to /ask", m: ask,
			r:    bot.Reply{Kind: bot.KindFallback, Fallback: true},
			kind: bot.KindFallback, text: "can I take a warm bath"},
		{name: "clarification", m: msg("is yoga or swimming better"),
			r:    bot.Reply{Kind: bot.KindClarify, Confidence: 0.52, Guesses: guesses[:2]},
			kind: bot.KindClarify, text: "is yoga or swimming better", guesses: 2},
		{name: "urgent", m: msg("I am bleeding and my back hurts"),
			r:    bot.Reply{Kind: bot.KindUrgent, Urgent: true, RedFlags: []string{"bleeding"}, Confidence: 1},
			kind: bot.KindUrgent},
		{name: "decline", m: msg("can I take ibuprofen"),
			r:    bot.Reply{Kind: bot.KindDecline},
			kind: bot.KindDecline},
		{name: "button answer", m: bot.Message{Platform: "discord", ChatID: chatID, UserID: userID, Payload: "topic:rest"},
			r:    bot.Reply{Kind: bot.KindAnswer, TopicID: "rest", Confidence: 1},
			kind: bot.KindAnswer, topic: "rest"},
		{name: "thumbs up", m: bot.Message{Platform: "telegram", ChatID: chatID, UserID: userID, Payload: "fb:up:rest"},
			r:        bot.Reply{Kind: bot.KindFeedback, Feedback: &bot.Feedback{Topic: "rest", Vote: bot.VoteUp}},
			kind:     bot.KindFeedback,
			feedback: &insights.Feedback{Topic: "rest", Vote: bot.VoteUp}},
		{name: "thumbs down pressed again", m: bot.Message{Platform: "telegram", ChatID: chatID, UserID: userID, Payload: "fb:down:rest"},
			r:        bot.Reply{Kind: bot.KindFeedback, Feedback: &bot.Feedback{Topic: "rest", Vote: bot.VoteDown, Repeat: true}},
			kind:     bot.KindFeedback,
			feedback: &insights.Feedback{Topic: "rest", Vote: bot.VoteDown, Repeat: true}},
		{name: "comment after thumbs down", m: msg("I wanted to know about sciatica"),
			r:    bot.Reply{Kind: bot.KindFeedback, Feedback: &bot.Feedback{Topic: "rest", Comment: true}},
			kind: bot.KindFeedback, text: "I wanted to know about sciatica",
			feedback: &insights.Feedback{Topic: "rest", Comment: true}},
		{name: "long question is cut", m: msg(strings.Repeat("ä", 400)),
			r:    bot.Reply{Kind: bot.KindFallback},
			kind: bot.KindFallback, text: strings.Repeat("ä", insights.MaxText/2)},
		{name: "info", m: bot.Message{Platform: "telegram", ChatID: chatID, UserID: userID, Command: bot.CmdHelp},
			r:    bot.Reply{Kind: bot.KindInfo, Confidence: 1},
			kind: bot.KindInfo},
	}
	at := time.Date(2026, 3, 2, 10, 11, 12, 987654321, time.FixedZone("CET", 3600))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.r.KnowledgeVersion = "5f1c0a9e3b21"
			e, ok := insights.NewEntry(tt.m, tt.r, at, 0.5)
			if !ok {
				t.Fatal("not recorded")
			}
			if e.Kind != tt.kind || e.Topic != tt.topic || e.Text != tt.text || e.LowConfidence != tt.low || len(e.Guesses) != tt.guesses {
				t.Errorf("entry %+v\nwant kind %q topic %q text %q low %v, %d guesses", e, tt.kind, tt.topic, tt.text, tt.low, tt.guesses)
			}
			if e.KnowledgeVersion != "5f1c0a9e3b21" || e.Platform != tt.m.Platform || !e.Time.Equal(at.Truncate(time.Second)) || e.Time.Location() != time.UTC {
				t.Errorf("version %q, platform %q, time %v", e.KnowledgeVersion, e.Platform, e.Time)
			}
			switch {
			case tt.feedback == nil && e.Feedback != nil:
				t.Errorf("feedback %+v, want none", e.Feedback)
			case tt.feedback != nil && (e.Feedback == nil || *e.Feedback != *tt.feedback):
				t.Errorf("feedback %+v, want %+v", e.Feedback, tt.feedback)
			}
			line, err := json.Marshal(e)
			if err != nil {
				t.Fatal(err)
			}
			for _, secret := range []string{chatID, userID, threadID} {
				if bytes.Contains(line, []byte(secret)) {
					t.Errorf("line holds an id: %s", line)
				}
			}
			if tt.text == "" && tt.m.Text != "" && bytes.Contains(line, []byte(tt.m.Text)) {
				t.Errorf("line holds the message text: %s", line)
			}
		})
	}
	if _, ok := insights.NewEntry(msg("chatter"), bot.Reply{Kind: bot.KindNone}, at, 0.5); ok {
		t.Error("a silent reply was recorded")
	}
}

// TestReadOldLog: the unanswered-questions log's lines become fallback,
// clarification and low-confidence entries; a torn line is skipped.
func TestReadOldLog(t *testing.T) {
	f, err := os.Open("testdata/unanswered-v1.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var got []insights.Entry
	skipped, err := insights.Read(f, func(e insights.Entry) error { got = append(got, e); return nil })
	if err != nil || skipped != 1 || len(got) != 4 {
		t.Fatalf("read %d entries, skipped %d, err %v", len(got), skipped, err)
	}
	want := []struct {
		kind       bot.Kind
		topic      string
		confidence float64
		low        bool
		text       string
	}{
		{bot.KindFallback, "", 0.31, false, "can i take a warm bath for my back"},
		{bot.KindClarify, "", 0.52, false, "is yoga or swimming better"},
		{bot.KindAnswer, "sleep-position", 0.41, true, "what about sleeping on my front"},
		{bot.KindFallback, "", 0, false, "morning sickness help"},
	}
	for i, w := range want {
		e := got[i]
		if e.Kind != w.kind || e.Topic != w.topic || e.Confidence != w.confidence || e.LowConfidence != w.low || e.Text != w.text || !e.Unanswered() {
			t.Errorf("entry %d: %+v, want %+v", i, e, w)
		}
	}
}

// TestReadSkipsWhatIsNotAnEntry: blank lines are passed over; broken,
// incomplete and over-long lines are counted and skipped, and reading goes
// on after them.
func TestReadSkipsWhatIsNotAnEntry(t *testing.T) {
	good := `{"time":"2026-03-02T10:00:00Z","kind":"topic","topic":"rest"}`
	tests := []struct {
		name          string
		log           string
		read, skipped int
	}{
		{"empty", "", 0, 0},
		{"blank lines", "\n\n" + good + "\r\n\n", 1, 0},
		{"no newline at the end", good + "\n" + good, 2, 0},
		{"not JSON", good + "\nhello\n" + good + "\n", 2, 1},
		{"no time", `{"kind":"topic"}` + "\n" + good + "\n", 1, 1},
		{"no kind", `{"time":"2026-03-02T10:00:00Z"}` + "\n", 0, 1},
		{"over-long line", good + "\n" + `{"text":"` + strings.Repeat("x", 200_000) + `"}` + "\n" + good + "\n", 2, 1},
		{"over-long last line", good + "\n" + strings.Repeat("x", 200_000), 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := 0
			skipped, err := insights.Read(strings.NewReader(tt.log), func(insights.Entry) error { n++; return nil })
			if err != nil || n != tt.read || skipped != tt.skipped {
				t.Errorf("read %d, skipped %d, err %v; want %d and %d", n, skipped, err, tt.read, tt.skipped)
			}
		})
	}
}

// TestRecorder: many goroutines write at once, every line arrives whole, the
// file is private, and Observe after Close does nothing.
func TestRecorder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "insights.jsonl")
	if err := os.WriteFile(path, []byte(`{"time":"2026-02-03T09:14:22Z","platform":"telegram","text":"old line","kind":"fallback"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rec, err := insights.Open(path, insights.Options{})
	if err != nil {
		t.Fatal(err)
	}
	const writers, each = 8, 500
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				r := bot.Reply{Kind: bot.KindAnswer, TopicID: "rest", Confidence: 0.9, KnowledgeVersion: "v1"}
				if i%10 == 0 {
					r = bot.Reply{Kind: bot.KindFallback, Guesses: guesses}
				}
				rec.Observe(msg(strings.Repeat("x", w+i%50)), r, 0)
			}
		})
	}
	wg.Wait()
	if err := rec.Close(); err != nil {
		t.Fatal(err)
	}
	rec.Observe(msg("after close"), bot.Reply{Kind: bot.KindFallback}, 0)
	if rec.Dropped() != 0 {
		t.Errorf("%d lines dropped", rec.Dropped())
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	f, _ := os.Open(path)
	defer f.Close()
	n, fallbacks := 0, 0
	skipped, err := insights.Read(f, func(e insights.Entry) error {
		n++
		if e.Kind == bot.KindFallback && e.Text != "old line" {
			fallbacks++
		}
		return nil
	})
	if err != nil || skipped != 0 || n != 1+writers*each || fallbacks != writers*each/10 {
		t.Errorf("read %d lines (%d fallbacks), skipped %d, err %v", n, fallbacks, skipped, err)
	}
	raw, _ := os.ReadFile(path)
	if bytes.Contains(raw, []byte("secret")) || bytes.Contains(raw, []byte("after close")) {
		t.Error("ids or a line written after Close in the log")
	}
	if err := rec.Close(); err == nil {
		t.Error("second Close succeeded")
	}
}

// BenchmarkObserve measures what the insights log adds to the reply path:
// describing the reply and queueing it (the disk is written elsewhere).
func BenchmarkObserve(b *testing.B) {
	rec, err := insights.Open(filepath.Join(b.TempDir(), "insights.jsonl"), insights.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer rec.Close()
	answer := bot.Reply{Kind: bot.KindAnswer, TopicID: "ice-and-heat", Confidence: 0.9, KnowledgeVersion: "5f1c0a9e3b21", Guesses: guesses}
	fallback := bot.Reply{Kind: bot.KindFallback, Confidence: 0.31, KnowledgeVersion: "5f1c0a9e3b21", Guesses: guesses}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		m := msg("can I take a warm bath for my back")
		for i := 0; pb.Next(); i++ {
			r := answer
			if i%8 == 0 {
				r = fallback
			}
			rec.Observe(m, r, 0)
		}
	})
	b.StopTimer()
	if rec.Dropped() > 0 {
		b.Logf("%d of %d lines dropped", rec.Dropped(), b.N)
	}
}
