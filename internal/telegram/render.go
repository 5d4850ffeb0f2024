package telegram

import (
	"html"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/chunk"
)

// MaxMessageLength is Telegram's limit on a message's text, in characters
// after entity parsing. Telegram counts UTF-16 code units.
const MaxMessageLength = 4096

// maxCallbackData is Telegram's limit on a button's callback_data, in bytes.
const maxCallbackData = 64

// Part is one Telegram message of a rendered reply: HTML text and, on the
// last part only, the inline keyboard.
type Part struct {
	HTML     string
	Keyboard *tgbotapi.InlineKeyboardMarkup
}

// Render turns a reply into Telegram messages in HTML parse mode. Every
// dynamic string is escaped; long replies are split between blocks (or,
// for a block that is itself too long, between lines and words) so that no
// part exceeds MaxMessageLength.
func Render(r bot.Reply) []Part {
	var pieces []chunk.Piece
	add := func(style, text string) {
		for _, c := range chunk.Split(text, MaxMessageLength) {
			esc := html.EscapeString(c)
			switch style {
			case "b":
				esc = "<b>" + esc + "</b>"
			case "i":
				esc = "<i>" + esc + "</i>"
			}
			// Telegram counts the text after entity parsing: tags and
			// escapes do not count.
			pieces = append(pieces, chunk.Piece{Text: esc, Len: chunk.Len(c)})
		}
	}
	for _, b := range r.Blocks {
		switch b.Kind {
		case bot.Heading:
			add("b", b.Text)
		case bot.Notice:
			add("i", b.Text)
		case bot.Bullets:
			lines := make([]string, len(b.Items))
			for i, it := range b.Items {
				lines[i] = "• " + it
			}
			add("", strings.Join(lines, "\n"))
		default:
			add("", b.Text)
		}
	}

	var parts []Part
	for _, text := range chunk.Pack(pieces, "\n\n", MaxMessageLength) {
		parts = append(parts, Part{HTML: text})
	}
	if kb := keyboard(r.Buttons); kb != nil && !r.Urgent {
		parts[len(parts)-1].Keyboard = kb
	}
	return parts
}

// keyboard lays buttons out one per row, so long titles stay readable,
// except buttons that share a Row (👍 and 👎), which sit side by side.
// Link buttons open their URL; buttons whose payload cannot be sent are
// left out.
func keyboard(buttons []bot.Button) *tgbotapi.InlineKeyboardMarkup {
	var rows [][]tgbotapi.InlineKeyboardButton
	row := ""
	for _, b := range buttons {
		var btn tgbotapi.InlineKeyboardButton
		switch {
		case b.URL != "":
			btn = tgbotapi.NewInlineKeyboardButtonURL(b.Label, b.URL)
		case b.Payload != "" && len(b.Payload) <= maxCallbackData:
			btn = tgbotapi.NewInlineKeyboardButtonData(b.Label, b.Payload)
		default:
			continue // cannot be sent; the knowledge base validator keeps ids short
		}
		if n := len(rows); n > 0 && b.Row != "" && b.Row == row && len(rows[n-1]) < maxRowButtons {
			rows[n-1] = append(rows[n-1], btn)
		} else {
			rows = append(rows, tgbotapi.NewInlineKeyboardRow(btn))
		}
		row = b.Row
	}
	if len(rows) == 0 {
		return nil
	}
	kb := tgbotapi.NewInlineKeyboardMarkup(rows...)
	return &kb
}

// maxRowButtons is Telegram's limit on the buttons of one keyboard row.
const maxRowButtons = 8

// withoutVotes returns kb with the row of 👍 and 👎 buttons replaced by a
// note saying thanks (a button whose payload, bot.FeedbackDonePayload,
// the engine answers with silence: Telegram has no disabled buttons). It
// reports false when kb has no such buttons.
func withoutVotes(kb *tgbotapi.InlineKeyboardMarkup) (tgbotapi.InlineKeyboardMarkup, bool) {
	var out tgbotapi.InlineKeyboardMarkup
	if kb == nil {
		return out, false
	}
	found := false
	for _, row := range kb.InlineKeyboard {
		votes := false
		for _, b := range row {
			if b.CallbackData != nil && bot.IsVotePayload(*b.CallbackData) {
				votes = true
			}
		}
		if !votes {
			out.InlineKeyboard = append(out.InlineKeyboard, row)
			continue
		}
		found = true
		out.InlineKeyboard = append(out.InlineKeyboard,
			tgbotapi.NewInlineKeyboardRow(tgbotapi.NewInlineKeyboardButtonData(bot.FeedbackThanks, bot.FeedbackDonePayload)))
	}
	return out, found
}
