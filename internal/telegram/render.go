package telegram

import (
	"html"
	"strings"
	"unicode/utf16"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/backcare/backcare/bot"
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
	type piece struct {
		html string
		n    int // visible length in UTF-16 units
	}
	var pieces []piece
	add := func(style, text string) {
		for _, chunk := range splitText(text, MaxMessageLength) {
			esc := html.EscapeString(chunk)
			switch style {
			case "b":
				esc = "<b>" + esc + "</b>"
			case "i":
				esc = "<i>" + esc + "</i>"
			}
			pieces = append(pieces, piece{esc, utf16Len(chunk)})
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
	var cur strings.Builder
	n := 0
	for _, p := range pieces {
		if n > 0 && n+2+p.n > MaxMessageLength {
			parts = append(parts, Part{HTML: cur.String()})
			cur.Reset()
			n = 0
		}
		if n > 0 {
			cur.WriteString("\n\n")
			n += 2
		}
		cur.WriteString(p.html)
		n += p.n
	}
	if n > 0 || len(parts) == 0 {
		parts = append(parts, Part{HTML: cur.String()})
	}
	if kb := keyboard(r.Buttons); kb != nil && !r.Urgent {
		parts[len(parts)-1].Keyboard = kb
	}
	return parts
}

// keyboard lays buttons out one per row, so long titles stay readable.
func keyboard(buttons []bot.Button) *tgbotapi.InlineKeyboardMarkup {
	var rows [][]tgbotapi.InlineKeyboardButton
	for _, b := range buttons {
		if len(b.Payload) > maxCallbackData || b.Payload == "" {
			continue // cannot be sent; the knowledge base validator keeps ids short
		}
		rows = append(rows, tgbotapi.NewInlineKeyboardRow(tgbotapi.NewInlineKeyboardButtonData(b.Label, b.Payload)))
	}
	if len(rows) == 0 {
		return nil
	}
	kb := tgbotapi.NewInlineKeyboardMarkup(rows...)
	return &kb
}

// splitText cuts text into chunks of at most limit UTF-16 units, preferring
// to cut at line breaks, then spaces.
func splitText(text string, limit int) []string {
	if utf16Len(text) <= limit {
		return []string{text}
	}
	var out []string
	for utf16Len(text) > limit {
		cut, n := 0, 0
		lastNL, lastSpace := -1, -1
		for i, r := range text {
			w := utf16.RuneLen(r)
			if w < 0 {
				w = 1
			}
			if n+w > limit {
				break
			}
			n += w
			cut = i + len(string(r))
			switch r {
			case '\n':
				lastNL = i
			case ' ':
				lastSpace = i
			}
		}
		switch {
		case lastNL > 0:
			cut = lastNL
		case lastSpace > 0:
			cut = lastSpace
		}
		out = append(out, strings.TrimSpace(text[:cut]))
		text = strings.TrimSpace(text[cut:])
	}
	if text != "" {
		out = append(out, text)
	}
	return out
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if w := utf16.RuneLen(r); w > 0 {
			n += w
		} else {
			n++
		}
	}
	return n
}
