package bot_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/backcare/backcare/bot"
)

func TestDeepLinkOpensTopic(t *testing.T) {
	eng := newEngine(t, bot.Options{})
	ctx := context.Background()
	welcome := eng.Knowledge().Welcome
	tests := []struct {
		arg   string
		kind  bot.Kind
		topic string
	}{
		{"ice-and-heat", bot.KindAnswer, "ice-and-heat"},
		{"tens", bot.KindAnswer, "tens"},
		{"", bot.KindInfo, ""},
		{"no-such-topic", bot.KindInfo, ""},
		{"../../etc/passwd", bot.KindInfo, ""},
		{"ICE-AND-HEAT", bot.KindInfo, ""},
		{strings.Repeat("a", 300), bot.KindInfo, ""},
	}
	for _, tt := range tests {
		r := eng.Handle(ctx, bot.Message{Platform: "test", ChatID: "deep-" + tt.arg, UserID: "u", Addressed: true, Command: bot.CmdStart, Arg: tt.arg})
		if r.Kind != tt.kind || r.TopicID != tt.topic {
			t.Errorf("/start %q: kind %s topic %q", tt.arg, r.Kind, r.TopicID)
		}
		if tt.kind == bot.KindInfo && !strings.Contains(r.Text(), welcome) {
			t.Errorf("/start %q: not the welcome:\n%s", tt.arg, r.Text())
		}
	}
}

func TestHelloWhenAddedToAGroup(t *testing.T) {
	eng := newEngine(t, bot.Options{})
	kb := eng.Knowledge()
	r := eng.Handle(context.Background(), bot.Message{Platform: "test", ChatID: "g", Group: true, Addressed: true, Command: bot.CmdHello, Arg: "@backcare_bot"})
	text := r.Text()
	for _, want := range []string{"/ask", "@backcare_bot", "only read messages meant for me", kb.Localize(kb.Disclaimer, "")} {
		if !strings.Contains(text, want) {
			t.Errorf("hello lacks %q:\n%s", want, text)
		}
	}
	if r.Kind != bot.KindInfo || len(r.Buttons) != 0 || len(text) > 1200 {
		t.Errorf("hello: kind %s, %d buttons, %d bytes: it should be one short message", r.Kind, len(r.Buttons), len(text))
	}
}

func TestForget(t *testing.T) {
	eng := newEngine(t, bot.Options{})
	ctx := context.Background()
	m := msg("why does my lower back keep spasming")
	m.ChatID = "forget"
	if r := eng.Handle(ctx, m); r.Kind != bot.KindAnswer {
		t.Fatalf("first: %s", r.Kind)
	}
	if err := eng.Forget(ctx, m); err != nil {
		t.Fatal(err)
	}
	m.Text = "tell me more"
	if r := eng.Handle(ctx, m); r.Kind != bot.KindInfo {
		t.Errorf("after Forget, a follow-up has nothing to follow: %s %s", r.Kind, r.TopicID)
	}
}

func TestMemoryContextsDelete(t *testing.T) {
	s := bot.NewMemoryContexts(time.Hour)
	ctx := context.Background()
	_ = s.Save(ctx, "k", bot.ChatContext{LastTopic: "tens"})
	_ = s.Save(ctx, "other", bot.ChatContext{LastTopic: "rest"})
	if err := s.Delete(ctx, "k"); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.Load(ctx, "k"); c.LastTopic != "" {
		t.Errorf("deleted context still there: %+v", c)
	}
	if c, _ := s.Load(ctx, "other"); c.LastTopic != "rest" {
		t.Errorf("Delete removed another key: %+v", c)
	}
	if err := s.Delete(ctx, "never-saved"); err != nil {
		t.Errorf("deleting a missing key: %v", err)
	}
}

func TestSuggest(t *testing.T) {
	eng := newEngine(t, bot.Options{})
	titles := map[string]bool{}
	for _, tp := range eng.Knowledge().Topics {
		titles[tp.Title] = true
	}
	title := func(id string) string { tp, _ := eng.Knowledge().Topic(id); return tp.Title }
	tests := []struct {
		typed string
		first string // title expected first; "" for any
		has   string // title expected among the suggestions
		none  bool
	}{
		{typed: "", has: title("causes-overview")},
		{typed: "hea", has: title("ice-and-heat")},
		{typed: "Ice", first: title("ice-and-heat")},
		{typed: "is tens safe", first: title("tens")},
		{typed: "what helps back spasms", first: title("relief-overview")},
		{typed: "sciat", has: title("sciatica")},
		{typed: "zzzzqqq", none: true},
		{typed: "my back hurts and I'm bleeding", none: true},
	}
	for _, tt := range tests {
		got := eng.Suggest(tt.typed, 25)
		for _, s := range got {
			if !titles[s] {
				t.Errorf("%q: suggestion %q is not a topic title", tt.typed, s)
			}
		}
		switch {
		case tt.none && len(got) != 0:
			t.Errorf("%q: %v, want none", tt.typed, got)
		case tt.first != "" && (len(got) == 0 || got[0] != tt.first):
			t.Errorf("%q: %v, want %q first", tt.typed, got, tt.first)
		case tt.has != "" && !slices.Contains(got, tt.has):
			t.Errorf("%q: %v, want %q among them", tt.typed, got, tt.has)
		}
	}
	if got := eng.Suggest("", 3); len(got) != 3 {
		t.Errorf("limit 3: %d suggestions", len(got))
	}
	if got := eng.Suggest(strings.Repeat("back ", 5000), 25); len(got) > 25 {
		t.Errorf("limit: %d", len(got))
	}
}
