package discord

import (
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/backcare/backcare/bot"
)

func TestEscape(t *testing.T) {
	in := "*bold* _it_ `code` ~x~ |sp| > q # h - l [a](b) <@123> @everyone @here \\"
	out := Escape(in)
	for _, raw := range []string{"*bold*", "_it_", "`code`", "~x~", "|sp|", "[a](b)", "<@123>", "@everyone", "@here"} {
		if strings.Contains(out, raw) {
			t.Errorf("%q left unescaped in %q", raw, out)
		}
	}
}

func TestRenderButtonsAndLimits(t *testing.T) {
	var bs []bot.Button
	for i := 0; i < 30; i++ {
		bs = append(bs, bot.Button{Label: strings.Repeat("L", 90), Payload: "topic:t"})
	}
	parts := Render(bot.Reply{Blocks: []bot.Block{{Kind: bot.Heading, Text: "T"}, {Kind: bot.Bullets, Items: []string{"a", "b"}}}, Buttons: bs})
	if len(parts) != 1 || parts[0].Content != "**T**\n\n- a\n- b" {
		t.Fatalf("parts: %+v", parts)
	}
	rows := parts[0].Components
	if len(rows) != 5 {
		t.Fatalf("%d rows, want 5 (Discord's maximum)", len(rows))
	}
	for _, r := range rows {
		row := r.(discordgo.ActionsRow)
		if len(row.Components) != 5 {
			t.Errorf("row of %d buttons", len(row.Components))
		}
		if l := len([]rune(row.Components[0].(discordgo.Button).Label)); l > 80 {
			t.Errorf("label of %d characters", l)
		}
	}
	urgent := Render(bot.Reply{Urgent: true, Blocks: []bot.Block{{Text: "Call now"}}, Buttons: bs})
	if len(urgent[0].Components) != 0 {
		t.Error("urgent replies carry no buttons")
	}
}

func TestStripMentions(t *testing.T) {
	got := stripMentions("<@123> hi <@!456> <@&789> <#111> @everyone @here what helps")
	if got != "hi what helps" {
		t.Errorf("stripMentions = %q", got)
	}
}

func TestRenderFeedbackRowStays(t *testing.T) {
	var bs []bot.Button
	for i := 0; i < 23; i++ {
		bs = append(bs, bot.Button{Label: "Topic", Payload: "topic:t"})
	}
	bs = append(bs,
		bot.Button{Label: "👍 Helpful", Payload: "fb:up:t:abcdefgh", Row: bot.RowFeedback},
		bot.Button{Label: "👎 Not helpful", Payload: "fb:down:t:abcdefgh", Row: bot.RowFeedback},
		bot.Button{Label: "Talk to a person", URL: "https://example.org/help"},
	)
	rows := buttons(bs)
	if len(rows) != 5 {
		t.Fatalf("%d rows", len(rows))
	}
	labels := func(r discordgo.MessageComponent) (out []string) {
		for _, b := range r.(discordgo.ActionsRow).Components {
			out = append(out, b.(discordgo.Button).Label)
		}
		return out
	}
	if got := labels(rows[3]); strings.Join(got, "|") != "👍 Helpful|👎 Not helpful" {
		t.Errorf("feedback row: %v", got)
	}
	link := rows[4].(discordgo.ActionsRow).Components[0].(discordgo.Button)
	if link.Style != discordgo.LinkButton || link.URL != "https://example.org/help" || link.CustomID != "" {
		t.Errorf("link button: %+v", link)
	}

	edited, ok := withoutVotes(rows)
	if !ok || len(edited) != 5 {
		t.Fatalf("without votes: %v %+v", ok, edited)
	}
	note := edited[3].(discordgo.ActionsRow).Components
	if b := note[0].(discordgo.Button); len(note) != 1 || b.Label != bot.FeedbackThanks || !b.Disabled {
		t.Errorf("the note: %+v", note)
	}
	if _, ok := withoutVotes(edited); ok {
		t.Error("components without votes reported as changed")
	}
}
