package telegram

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/chunk"
)

func TestRenderEscapesAndFormats(t *testing.T) {
	r := bot.Reply{Blocks: []bot.Block{
		{Kind: bot.Heading, Text: "Heat & <ice>"},
		{Kind: bot.Paragraph, Text: `Use "packs" <b>not</b> on the tummy`},
		{Kind: bot.Bullets, Items: []string{"one", "two & three"}},
		{Kind: bot.Notice, Text: "Source: A"},
	}, Buttons: []bot.Button{{Label: "More <x>", Payload: "topic:x"}, {Label: "too long", Payload: strings.Repeat("p", 65)}}}
	parts := Render(r)
	if len(parts) != 1 {
		t.Fatalf("%d parts", len(parts))
	}
	want := "<b>Heat &amp; &lt;ice&gt;</b>\n\nUse &#34;packs&#34; &lt;b&gt;not&lt;/b&gt; on the tummy\n\n• one\n• two &amp; three\n\n<i>Source: A</i>"
	if parts[0].HTML != want {
		t.Errorf("got\n%s\nwant\n%s", parts[0].HTML, want)
	}
	if kb := parts[0].Keyboard; kb == nil || len(kb.InlineKeyboard) != 1 || kb.InlineKeyboard[0][0].Text != "More <x>" {
		t.Errorf("keyboard: %+v (a payload over 64 bytes must be dropped)", kb)
	}
	r.Urgent = true
	if Render(r)[0].Keyboard != nil {
		t.Error("urgent replies carry no buttons")
	}
}

func TestRenderSplitsLongReplies(t *testing.T) {
	para := strings.Repeat("Back spasms are common in pregnancy. ", 60) // ~2,200 characters
	emoji := strings.Repeat("🙂", 3000)                                  // 6,000 UTF-16 units
	r := bot.Reply{Blocks: []bot.Block{{Text: para}, {Text: para}, {Text: para}, {Text: emoji}},
		Buttons: []bot.Button{{Label: "B", Payload: "topic:b"}}}
	parts := Render(r)
	if len(parts) < 4 {
		t.Fatalf("%d parts", len(parts))
	}
	for i, p := range parts {
		if n := chunk.Len(p.HTML); n > MaxMessageLength {
			t.Errorf("part %d has %d UTF-16 units", i, n)
		}
		if !utf8.ValidString(p.HTML) {
			t.Errorf("part %d cut inside a character", i)
		}
		if (p.Keyboard != nil) != (i == len(parts)-1) {
			t.Errorf("part %d keyboard %v: buttons go on the last part only", i, p.Keyboard != nil)
		}
	}
	if !strings.HasPrefix(parts[1].HTML, "Back spasms") {
		t.Errorf("split not on a paragraph boundary: %.40q", parts[1].HTML)
	}
}

func TestParseCommand(t *testing.T) {
	tests := []struct{ in, cmd, at, arg string }{
		{"/start", "start", "", ""},
		{"/Tips@Backcare_Bot", "tips", "Backcare_Bot", ""},
		{"/ask  what helps ", "ask", "", "what helps"},
		{"/ask\nwhat helps", "ask", "", "what helps"},
	}
	for _, tt := range tests {
		cmd, at, arg, ok := parseCommand(tt.in)
		if !ok || cmd != tt.cmd || at != tt.at || arg != tt.arg {
			t.Errorf("parseCommand(%q) = %q %q %q %v", tt.in, cmd, at, arg, ok)
		}
	}
	for _, in := range []string{"/", "/ hi", "hello", "/😀"} {
		if _, _, _, ok := parseCommand(in); ok {
			t.Errorf("parseCommand(%q) accepted", in)
		}
	}
}
