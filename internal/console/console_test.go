package console_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/console"
	"github.com/backcare/backcare/internal/match"
	"github.com/backcare/backcare/knowledge"
)

func TestParse(t *testing.T) {
	buttons := []bot.Button{{Label: "A", Payload: "topic:a"}, {Label: "B", Payload: "cmd:tips"}}
	tests := []struct {
		line string
		want bot.Message
	}{
		{"2", bot.Message{Payload: "cmd:tips"}},
		{"3", bot.Message{Text: "3"}},
		{"/ask what helps", bot.Message{Command: "ask", Arg: "what helps"}},
		{"/START", bot.Message{Command: "start"}},
		{"why does my back hurt", bot.Message{Text: "why does my back hurt"}},
	}
	for _, tt := range tests {
		got := console.Parse(tt.line, buttons)
		tt.want.Platform, tt.want.ChatID, tt.want.UserID, tt.want.Addressed = "console", "console", "console", true
		if got != tt.want {
			t.Errorf("Parse(%q) = %+v, want %+v", tt.line, got, tt.want)
		}
	}
}

// echo answers every message with its text and one button.
type echo struct{ got []bot.Message }

func (e *echo) Handle(_ context.Context, m bot.Message) bot.Reply {
	e.got = append(e.got, m)
	return bot.Reply{Kind: bot.KindInfo, Blocks: []bot.Block{{Text: "echo " + m.Text + m.Payload}},
		Buttons: []bot.Button{{Label: "Again", Payload: "topic:again"}}}
}

func TestRun(t *testing.T) {
	h := &echo{}
	var out strings.Builder
	s := &console.Session{Handler: h, In: strings.NewReader("hello\n\n1\nexit\nnot read\n"), Out: &out}
	if err := s.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(h.got) != 3 || h.got[0].Command != bot.CmdStart || h.got[1].Text != "hello" || h.got[2].Payload != "topic:again" {
		t.Errorf("messages: %+v", h.got)
	}
	if !strings.Contains(out.String(), "echo hello") || !strings.Contains(out.String(), "[1] Again") {
		t.Errorf("output:\n%s", out.String())
	}
}

// TestFeedbackChoices: on the console, an answer's 👍 and 👎 are numbered
// choices like the others, and choosing one is acknowledged.
func TestFeedbackChoices(t *testing.T) {
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	eng := bot.NewEngine(kb, match.Must(match.New(kb)), bot.Options{HelpContact: "https://example.org/talk-to-us"})
	first := eng.Handle(context.Background(), bot.Message{Platform: "console", ChatID: "probe", UserID: "u", Addressed: true, Text: "is tens safe"})
	down := 0
	for i, b := range first.Buttons {
		if strings.HasPrefix(b.Label, "👎") {
			down = i + 1
		}
	}
	var out strings.Builder
	in := fmt.Sprintf("is tens safe\n%d\n1\n", down)
	s := &console.Session{Handler: eng, In: strings.NewReader(in), Out: &out}
	if err := s.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{"] 👍 Helpful", "] 👎 Not helpful", "Thanks for telling me.", "What were you looking for?",
		"] Talk to a person: https://example.org/talk-to-us", "Open https://example.org/talk-to-us"} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
}
