package telegram

import (
	"strconv"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/outbound"
)

// knownCommands are the commands answered in groups without an @mention;
// other bots' commands are left alone.
var knownCommands = map[string]bool{
	bot.CmdStart: true, bot.CmdHelp: true, bot.CmdCauses: true, bot.CmdTips: true,
	bot.CmdDoctor: true, bot.CmdAbout: true, bot.CmdAsk: true,
}

// target is where a reply goes: a chat, the forum topic in it, and the
// message to attach the reply to.
type target struct {
	chat    int64
	topic   int  // forum topic (message_thread_id); 0 for none or the General topic
	replyTo int  // the question, in groups
	group   bool // a group chat: its group sending limit applies
}

// dest is the outbound queue of t: one per chat, or per topic of a forum,
// so that a busy topic does not hold up the others. The limits, which
// Telegram counts per chat, apply to the whole chat.
func (t target) dest() outbound.Dest {
	chat := strconv.FormatInt(t.chat, 10)
	key := chat
	if t.topic != 0 {
		key += "/" + strconv.Itoa(t.topic)
	}
	return outbound.Dest{Key: key, Chat: chat, Group: t.group}
}

// toMessage converts an update. ok is false when the bot should do nothing
// (a group message not meant for it, a channel post). The target replies
// in the update's forum topic and, in groups, to the question, so the
// answer is attached to it.
func (a *Adapter) toMessage(u Update) (m bot.Message, to target, ok bool) {
	m.Platform = Platform
	switch {
	case u.CallbackQuery != nil:
		cq := u.CallbackQuery
		if cq.Message == nil || cq.Message.Chat == nil || cq.From == nil {
			return m, to, false // a button on an inline message: nothing to reply to
		}
		m.ChatID = strconv.FormatInt(cq.Message.Chat.ID, 10)
		m.Thread = thread(u.Topic)
		m.UserID = strconv.FormatInt(cq.From.ID, 10)
		m.Group = !cq.Message.Chat.IsPrivate()
		m.Addressed = true
		m.Payload = cq.Data
		m.Time = time.Now()
		return m, target{chat: cq.Message.Chat.ID, topic: u.Topic, group: m.Group}, true

	case u.Message != nil:
		return a.fromMessage(u.Message, u.Topic, false)

	case u.EditedMessage != nil:
		return a.fromMessage(u.EditedMessage, u.Topic, true)
	}
	return m, to, false // channel posts and everything else
}

// thread is the bot.Message.Thread of a forum topic.
func thread(topic int) string {
	if topic == 0 {
		return ""
	}
	return strconv.Itoa(topic)
}

func (a *Adapter) fromMessage(msg *tgbotapi.Message, topic int, edited bool) (m bot.Message, to target, ok bool) {
	if msg.Chat == nil || msg.From == nil || msg.From.IsBot {
		return m, to, false
	}
	m.Platform = Platform
	m.ChatID = strconv.FormatInt(msg.Chat.ID, 10)
	m.Thread = thread(topic)
	m.UserID = strconv.FormatInt(msg.From.ID, 10)
	m.Group = !msg.Chat.IsPrivate()
	m.Time = time.Unix(int64(msg.Date), 0)
	to = target{chat: msg.Chat.ID, topic: topic, group: m.Group}
	if m.Group {
		to.replyTo = msg.MessageID
	}
	if !msg.Chat.IsPrivate() && !msg.Chat.IsGroup() && !msg.Chat.IsSuperGroup() {
		return m, target{}, false // channels
	}

	// An edit is read like a new message where the bot would answer one;
	// the engine answers it only if it now describes a danger sign.
	m.Edited = edited
	text := msg.Text
	if text == "" {
		// Stickers, photos, voice notes: a short note in private chats,
		// silence in groups.
		if m.Group {
			return m, target{}, false
		}
		m.Addressed, m.NonText = true, true
		return m, to, true
	}

	if cmd, at, arg, isCmd := parseCommand(text); isCmd {
		forUs := at == "" || strings.EqualFold(at, a.api.Self.UserName)
		if !forUs || (m.Group && at == "" && !knownCommands[cmd]) {
			return m, target{}, false
		}
		m.Addressed, m.Command, m.Arg = true, cmd, a.stripMention(arg)
		return m, to, true
	}

	stripped := a.stripMention(text)
	mentioned := stripped != strings.TrimSpace(text)
	repliedToBot := msg.ReplyToMessage != nil && msg.ReplyToMessage.From != nil && msg.ReplyToMessage.From.ID == a.api.Self.ID
	if m.Group && !mentioned && !repliedToBot {
		return m, target{}, false
	}
	m.Addressed = true
	m.Text = stripped
	return m, to, true
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
