package telegram

import (
	"strconv"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/backcare/backcare/bot"
)

// knownCommands are the commands answered in groups without an @mention;
// other bots' commands are left alone.
var knownCommands = map[string]bool{
	bot.CmdStart: true, bot.CmdHelp: true, bot.CmdCauses: true, bot.CmdTips: true,
	bot.CmdDoctor: true, bot.CmdAbout: true, bot.CmdAsk: true,
}

// toMessage converts an update. ok is false when the bot should do nothing
// (a group message not meant for it, a channel post). replyTo is the
// message to reply to in groups, so the answer is attached to the question.
func (a *Adapter) toMessage(u tgbotapi.Update) (m bot.Message, chatID int64, replyTo int, ok bool) {
	m.Platform = Platform
	switch {
	case u.CallbackQuery != nil:
		cq := u.CallbackQuery
		if cq.Message == nil || cq.Message.Chat == nil || cq.From == nil {
			return m, 0, 0, false // a button on an inline message: nothing to reply to
		}
		m.ChatID = strconv.FormatInt(cq.Message.Chat.ID, 10)
		m.UserID = strconv.FormatInt(cq.From.ID, 10)
		m.Group = !cq.Message.Chat.IsPrivate()
		m.Addressed = true
		m.Payload = cq.Data
		m.Time = time.Now()
		return m, cq.Message.Chat.ID, 0, true

	case u.Message != nil:
		return a.fromMessage(u.Message, false)

	case u.EditedMessage != nil:
		return a.fromMessage(u.EditedMessage, true)
	}
	return m, 0, 0, false // channel posts and everything else
}

func (a *Adapter) fromMessage(msg *tgbotapi.Message, edited bool) (m bot.Message, chatID int64, replyTo int, ok bool) {
	if msg.Chat == nil || msg.From == nil || msg.From.IsBot {
		return m, 0, 0, false
	}
	m.Platform = Platform
	m.ChatID = strconv.FormatInt(msg.Chat.ID, 10)
	m.UserID = strconv.FormatInt(msg.From.ID, 10)
	m.Group = !msg.Chat.IsPrivate()
	m.Time = time.Unix(int64(msg.Date), 0)
	chatID = msg.Chat.ID
	if m.Group {
		replyTo = msg.MessageID
	}
	if !msg.Chat.IsPrivate() && !msg.Chat.IsGroup() && !msg.Chat.IsSuperGroup() {
		return m, 0, 0, false // channels
	}

	// An edit is read like a new message where the bot would answer one;
	// the engine answers it only if it now describes a danger sign.
	m.Edited = edited
	text := msg.Text
	if text == "" {
		// Stickers, photos, voice notes: a short note in private chats,
		// silence in groups.
		if m.Group {
			return m, 0, 0, false
		}
		m.Addressed, m.NonText = true, true
		return m, chatID, 0, true
	}

	if cmd, at, arg, isCmd := parseCommand(text); isCmd {
		forUs := at == "" || strings.EqualFold(at, a.api.Self.UserName)
		if !forUs || (m.Group && at == "" && !knownCommands[cmd]) {
			return m, 0, 0, false
		}
		m.Addressed, m.Command, m.Arg = true, cmd, a.stripMention(arg)
		return m, chatID, replyTo, true
	}

	stripped := a.stripMention(text)
	mentioned := stripped != strings.TrimSpace(text)
	repliedToBot := msg.ReplyToMessage != nil && msg.ReplyToMessage.From != nil && msg.ReplyToMessage.From.ID == a.api.Self.ID
	if m.Group && !mentioned && !repliedToBot {
		return m, 0, 0, false
	}
	m.Addressed = true
	m.Text = stripped
	return m, chatID, replyTo, true
}

// parseCommand reads "/cmd@bot arg". It does not trust entity offsets,
// which Telegram counts in UTF-16 units.
func parseCommand(text string) (cmd, at, arg string, ok bool) {
	if !strings.HasPrefix(text, "/") || len(text) < 2 {
		return "", "", "", false
	}
	head, rest, _ := strings.Cut(text[1:], " ")
	if i := strings.IndexAny(head, "\n\t"); i >= 0 {
		head, rest = head[:i], head[i+1:]+" "+rest
	}
	cmd, at, _ = strings.Cut(head, "@")
	if cmd == "" {
		return "", "", "", false
	}
	for _, r := range cmd {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_') {
			return "", "", "", false
		}
	}
	return strings.ToLower(cmd), at, strings.TrimSpace(rest), true
}

// stripMention removes "@botname" (any case) from text.
func (a *Adapter) stripMention(text string) string {
	name := "@" + a.api.Self.UserName
	if len(name) < 2 {
		return strings.TrimSpace(text)
	}
	lower := strings.ToLower(text)
	lname := strings.ToLower(name)
	var b strings.Builder
	for {
		i := strings.Index(lower, lname)
		if i < 0 {
			b.WriteString(text)
			break
		}
		end := i + len(lname)
		if end < len(lower) && isNameByte(lower[end]) {
			// "@backcare_botty" is another user
			b.WriteString(text[:end])
			text, lower = text[end:], lower[end:]
			continue
		}
		b.WriteString(text[:i])
		text, lower = text[end:], lower[end:]
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func isNameByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
}
