package discord

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/chunk"
)

// MaxMessageLength is Discord's limit on a message's content.
const MaxMessageLength = 2000

// Part is one Discord message of a rendered reply.
type Part struct {
	Content    string
	Components []discordgo.MessageComponent
}

// Render turns a reply into Discord messages: Markdown with every dynamic
// string escaped, split between blocks to respect the 2,000-character
// limit, with buttons (five to a row) on the last message. Urgent replies
// get no buttons.
func Render(r bot.Reply) []Part {
	var pieces []chunk.Piece
	add := func(prefix, suffix, text string) {
		for _, c := range chunk.Split(text, MaxMessageLength-len(prefix)-len(suffix)) {
			s := prefix + Escape(c) + suffix
			pieces = append(pieces, chunk.Piece{Text: s, Len: chunk.Len(s)})
		}
	}
	for _, b := range r.Blocks {
		switch b.Kind {
		case bot.Heading:
			add("**", "**", b.Text)
		case bot.Notice:
			add("*", "*", b.Text)
		case bot.Bullets:
			for _, it := range b.Items {
				add("- ", "", it)
			}
		default:
			add("", "", b.Text)
		}
	}
	// Bullets join with single newlines; other blocks with blank lines.
	var parts []Part
	for _, text := range chunk.Pack(joinBullets(pieces), "\n\n", MaxMessageLength) {
		// An empty list, not null: no buttons on this part.
		parts = append(parts, Part{Content: text, Components: []discordgo.MessageComponent{}})
	}
	if b := buttons(r.Buttons); !r.Urgent && len(b) > 0 {
		parts[len(parts)-1].Components = b
	}
	return parts
}

// joinBullets merges consecutive bullet lines into one piece when they fit.
func joinBullets(ps []chunk.Piece) []chunk.Piece {
	var out []chunk.Piece
	for _, p := range ps {
		if n := len(out); n > 0 && strings.HasPrefix(p.Text, "- ") && strings.Contains("\n"+out[n-1].Text, "\n- ") &&
			out[n-1].Len+1+p.Len <= MaxMessageLength {
			out[n-1] = chunk.Piece{Text: out[n-1].Text + "\n" + p.Text, Len: out[n-1].Len + 1 + p.Len}
			continue
		}
		out = append(out, p)
	}
	return out
}

// Discord's limits on a message's components.
const (
	maxRows       = 5
	maxRowButtons = 5
)

// buttons lays out up to 25 buttons in up to five rows, five to a row,
// except that buttons sharing a Row (👍 and 👎) get a row of their own.
// Link buttons open their URL. When there are more rows than Discord
// allows, rows of related topics give way, so the feedback and link rows
// stay.
func buttons(bs []bot.Button) []discordgo.MessageComponent {
	type row struct {
		discordgo.ActionsRow
		topics bool // only related-topic buttons: may give way
	}
	var rows []row
	cur := row{topics: true}
	name := ""
	flush := func() {
		if len(cur.Components) > 0 {
			rows = append(rows, cur)
		}
		cur = row{topics: true}
	}
	for _, b := range bs {
		btn, ok := button(b)
		if !ok {
			continue
		}
		if b.Row != name || len(cur.Components) == maxRowButtons {
			flush()
		}
		name = b.Row
		cur.topics = cur.topics && b.Row == "" && b.URL == "" && strings.HasPrefix(b.Payload, "topic:")
		cur.Components = append(cur.Components, btn)
	}
	flush()
	for len(rows) > maxRows {
		i := len(rows) - 1
		for i >= 0 && !rows[i].topics {
			i--
		}
		if i < 0 {
			i = len(rows) - 1
		}
		rows = append(rows[:i], rows[i+1:]...)
	}
	out := make([]discordgo.MessageComponent, 0, len(rows))
	for _, r := range rows {
		out = append(out, r.ActionsRow)
	}
	return out
}

// button renders one button; ok is false when it cannot be sent.
func button(b bot.Button) (discordgo.Button, bool) {
	label := b.Label
	if len([]rune(label)) > 80 {
		label = string([]rune(label)[:79]) + "…"
	}
	switch {
	case b.URL != "":
		return discordgo.Button{Label: label, Style: discordgo.LinkButton, URL: b.URL}, true
	case b.Payload != "" && len(b.Payload) <= 100:
		return discordgo.Button{Label: label, Style: discordgo.SecondaryButton, CustomID: b.Payload}, true
	}
	return discordgo.Button{}, false
}

// withoutVotes returns a message's components with the row of 👍 and 👎
// buttons replaced by a disabled note of thanks, and reports whether
// there was such a row.
func withoutVotes(comps []discordgo.MessageComponent) ([]discordgo.MessageComponent, bool) {
	out := make([]discordgo.MessageComponent, 0, len(comps))
	found := false
	for _, c := range comps {
		var row *discordgo.ActionsRow
		switch r := c.(type) {
		case *discordgo.ActionsRow:
			row = r
		case discordgo.ActionsRow:
			row = &r
		}
		votes := false
		if row != nil {
			for _, b := range row.Components {
				switch btn := b.(type) {
				case *discordgo.Button:
					votes = votes || bot.IsVotePayload(btn.CustomID)
				case discordgo.Button:
					votes = votes || bot.IsVotePayload(btn.CustomID)
				}
			}
		}
		if !votes {
			out = append(out, c)
			continue
		}
		found = true
		out = append(out, discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: bot.FeedbackThanks, Style: discordgo.SecondaryButton, CustomID: bot.FeedbackDonePayload, Disabled: true},
		}})
	}
	return out, found
}

var markdown = strings.NewReplacer(
	`\`, `\\`, `*`, `\*`, `_`, `\_`, "~", `\~`, "`", "\\`", `|`, `\|`, `>`, `\>`, `#`, `\#`,
	`-`, `\-`, `[`, `\[`, `]`, `\]`, `(`, `\(`, `)`, `\)`, `<`, `\<`,
	"@everyone", "@\u200beveryone", "@here", "@\u200bhere",
)

// Escape makes text display literally in Discord Markdown, and breaks
// @everyone and @here (allowed mentions already stop the ping).
func Escape(s string) string { return markdown.Replace(s) }

// retry retries a REST call on 5xx and network errors, three times with
// backoff. discordgo itself waits out 429s and retries 502s.
func retry(ctx context.Context, f func() error) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = f(); err == nil {
			return nil
		}
		var re *discordgo.RESTError
		if errors.As(err, &re) && re.Response != nil && re.Response.StatusCode < http.StatusInternalServerError {
			return err // permanent
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(time.Duration(250<<attempt) * time.Millisecond):
		}
	}
	return err
}
