package telegramtest

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// Update is an update as the fake sends it: the library's Update, and the
// fields of forum supergroups that go-telegram-bot-api v5.5.1 cannot
// carry. They are written into the JSON of the update's message (message,
// edited_message, or callback_query.message).
type Update struct {
	tgbotapi.Update
	// Topic is the forum topic the message is in: sent as
	// message_thread_id with is_topic_message true. 0 is the General topic
	// (or no forum), whose messages carry neither.
	Topic int
	// Forum marks the message's chat as a forum supergroup (is_forum).
	Forum bool
}

// MarshalJSON writes the update as Telegram does.
func (u Update) MarshalJSON() ([]byte, error) {
	raw, err := json.Marshal(u.Update)
	if err != nil || u.Topic == 0 && !u.Forum {
		return raw, err
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, err
	}
	for _, k := range []string{"message", "edited_message"} {
		if msg, ok := m[k]; ok {
			if m[k], err = u.patch(msg); err != nil {
				return nil, err
			}
		}
	}
	if cq, ok := m["callback_query"]; ok {
		var q map[string]json.RawMessage
		if err := json.Unmarshal(cq, &q); err != nil {
			return nil, err
		}
		if msg, ok := q["message"]; ok {
			if q["message"], err = u.patch(msg); err != nil {
				return nil, err
			}
		}
		if m["callback_query"], err = json.Marshal(q); err != nil {
			return nil, err
		}
	}
	return json.Marshal(m)
}

// patch adds the topic fields to a message's JSON.
func (u Update) patch(msg json.RawMessage) (json.RawMessage, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(msg, &m); err != nil {
		return nil, err
	}
	if u.Topic != 0 {
		m["message_thread_id"] = json.RawMessage(strconv.Itoa(u.Topic))
		m["is_topic_message"] = json.RawMessage("true")
	}
	if u.Forum {
		var chat map[string]json.RawMessage
		if err := json.Unmarshal(m["chat"], &chat); err != nil {
			return nil, err
		}
		chat["is_forum"] = json.RawMessage("true")
		raw, err := json.Marshal(chat)
		if err != nil {
			return nil, err
		}
		m["chat"] = raw
	}
	return json.Marshal(m)
}

// message returns msg's JSON with u's topic fields.
func (u Update) message(msg tgbotapi.Message) json.RawMessage {
	raw, _ := json.Marshal(msg)
	if u.Topic == 0 && !u.Forum {
		return raw
	}
	out, _ := u.patch(raw)
	return out
}

// chat returns the chat of the update's message, if any.
func (u Update) chat() *tgbotapi.Chat {
	switch {
	case u.Message != nil:
		return u.Message.Chat
	case u.EditedMessage != nil:
		return u.EditedMessage.Chat
	case u.CallbackQuery != nil && u.CallbackQuery.Message != nil:
		return u.CallbackQuery.Message.Chat
	}
	return nil
}

// InTopic returns a message update (from Group, ReplyToBot or the like)
// posted in topic of a forum supergroup; topic 0 is the General topic.
func InTopic(u tgbotapi.Update, topic int) Update {
	return Update{Update: u, Topic: topic, Forum: true}
}

// Forum makes chat a forum supergroup with the given topics.
func (s *Server) Forum(chat int64, topics ...int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.forums[chat] == nil {
		s.forums[chat] = map[int]bool{}
	}
	for _, t := range topics {
		s.forums[chat][t] = true
	}
}

// member returns a my_chat_member update: the bot's status in chat
// changed from old to new, by user.
func member(chat tgbotapi.Chat, user int64, old, new string) tgbotapi.Update {
	bot := &tgbotapi.User{ID: BotID, IsBot: true, FirstName: "Backcare", UserName: BotUsername}
	return tgbotapi.Update{MyChatMember: &tgbotapi.ChatMemberUpdated{
		Chat: chat, From: tgbotapi.User{ID: user, FirstName: "User"}, Date: int(time.Now().Unix()),
		OldChatMember: tgbotapi.ChatMember{User: bot, Status: old},
		NewChatMember: tgbotapi.ChatMember{User: bot, Status: new},
	}}
}

func groupChat(chat int64) tgbotapi.Chat {
	return tgbotapi.Chat{ID: chat, Type: "supergroup", Title: "Bumps and backs"}
}

// AddToGroup pushes the my_chat_member update Telegram sends when a member
// (by) adds the bot to the supergroup chat, and lets the bot post there
// again if it had left. It returns the update_id.
func (s *Server) AddToGroup(chat, by int64) int {
	s.mu.Lock()
	delete(s.gone, chat)
	s.mu.Unlock()
	return s.Push(member(groupChat(chat), by, "left", "member"))
}

// RemoveFromGroup pushes the update Telegram sends when the bot is removed
// from the supergroup chat; from then on, messages to it are refused.
func (s *Server) RemoveFromGroup(chat, by int64) int {
	s.mu.Lock()
	s.gone[chat] = "Forbidden: bot was kicked from the supergroup chat"
	s.mu.Unlock()
	return s.Push(member(groupChat(chat), by, "member", "kicked"))
}

// Block makes the user of the private chat block the bot: messages to the
// chat are refused with 403 from now on, and the my_chat_member update
// (status kicked) is pushed. It returns the update_id.
func (s *Server) Block(chat int64) int {
	s.mu.Lock()
	s.gone[chat] = "Forbidden: bot was blocked by the user"
	s.mu.Unlock()
	return s.Push(member(tgbotapi.Chat{ID: chat, Type: "private", FirstName: "User"}, chat, "member", "kicked"))
}

// Unblock lets the bot write to the private chat again and pushes the
// update saying so.
func (s *Server) Unblock(chat int64) int {
	s.mu.Lock()
	delete(s.gone, chat)
	s.mu.Unlock()
	return s.Push(member(tgbotapi.Chat{ID: chat, Type: "private", FirstName: "User"}, chat, "kicked", "member"))
}

// Message returns the bot's message id as it is now (its keyboard after
// any edits): its chat, topic, text and keyboard. ok is false if the bot
// sent no such message.
func (s *Server) Message(id int) (chat int64, topic int, text string, kb tgbotapi.InlineKeyboardMarkup, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.messages[id]
	if !ok {
		return 0, 0, "", kb, false
	}
	return m.chat, m.thread, m.text, m.markup, true
}

// MessageID returns the id the fake gave the message a successful
// sendMessage call created.
func (c Call) MessageID() int { return c.msgID }

// Press returns the callback query Telegram sends when user presses the
// button with callback data under the bot's message id, as the message is
// now. ok is false when there is no such message or button: Telegram
// sends presses of existing buttons only.
func (s *Server) Press(id int, user int64, data string) (u Update, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.messages[id]
	if !ok {
		return u, false
	}
	found := false
	for _, row := range m.markup.InlineKeyboard {
		for _, b := range row {
			if b.CallbackData != nil && *b.CallbackData == data {
				found = true
			}
		}
	}
	if !found {
		return u, false
	}
	chat := tgbotapi.Chat{ID: m.chat, Type: "private"}
	if m.chat < 0 {
		chat.Type = "supergroup"
	}
	kb := m.markup
	s.nextID++ // callback query ids only need to be unique
	return Update{Topic: m.thread, Forum: s.forums[m.chat] != nil, Update: tgbotapi.Update{CallbackQuery: &tgbotapi.CallbackQuery{
		ID:   "cq-press-" + strconv.Itoa(s.nextID),
		From: &tgbotapi.User{ID: user, FirstName: "User"},
		Message: &tgbotapi.Message{MessageID: id, Chat: &chat, Text: m.text, ReplyMarkup: &kb,
			From: &tgbotapi.User{ID: BotID, IsBot: true, UserName: BotUsername}, Date: int(time.Now().Unix())},
		ChatInstance: "ci-" + strconv.FormatInt(m.chat, 10),
		Data:         data,
	}}}, true
}

func (s *Server) editReplyMarkup(w http.ResponseWriter, params map[string]string) {
	chat, err1 := strconv.ParseInt(params["chat_id"], 10, 64)
	id, err2 := strconv.Atoi(params["message_id"])
	if err1 != nil || err2 != nil {
		writeError(w, http.StatusBadRequest, "Bad Request: chat_id and message_id are required", 0)
		return
	}
	kb, desc := parseMarkup(params["reply_markup"])
	if desc != "" {
		writeError(w, http.StatusBadRequest, desc, 0)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.messages[id]
	switch {
	case !ok || m.chat != chat:
		writeError(w, http.StatusBadRequest, "Bad Request: message to edit not found", 0)
		return
	case markupJSON(m.markup) == markupJSON(kb):
		writeError(w, http.StatusBadRequest, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message", 0)
		return
	}
	m.markup = kb
	s.changed.Notify()
	writeOK(w, Update{Topic: m.thread, Forum: s.forums[chat] != nil}.message(tgbotapi.Message{MessageID: id, Text: m.text,
		Date: int(time.Now().Unix()), Chat: &tgbotapi.Chat{ID: chat}, ReplyMarkup: &kb,
		From: &tgbotapi.User{ID: BotID, IsBot: true, UserName: BotUsername}}))
}

func markupJSON(kb tgbotapi.InlineKeyboardMarkup) string {
	if len(kb.InlineKeyboard) == 0 {
		return ""
	}
	b, _ := json.Marshal(kb)
	return string(b)
}

// answerCallback checks an answer to a callback query: once per query,
// with at most 200 characters of text.
func (s *Server) answerCallback(w http.ResponseWriter, params map[string]string) {
	id := params["callback_query_id"]
	if id == "" {
		writeError(w, http.StatusBadRequest, "Bad Request: callback_query_id is required", 0)
		return
	}
	if n := len([]rune(params["text"])); n > 200 {
		writeError(w, http.StatusBadRequest, "Bad Request: MESSAGE_TOO_LONG", 0)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.answered[id] {
		writeError(w, http.StatusBadRequest, "Bad Request: query is too old and response timeout expired or query ID is invalid", 0)
		return
	}
	s.answered[id] = true
	writeOK(w, true)
}

var commandName = regexp.MustCompile(`^[a-z0-9_]{1,32}$`)

// scopes are the BotCommandScope types Telegram knows.
var scopes = map[string]bool{"default": true, "all_private_chats": true, "all_group_chats": true,
	"all_chat_administrators": true, "chat": true, "chat_administrators": true, "chat_member": true}

func (s *Server) setCommands(w http.ResponseWriter, params map[string]string) {
	var cmds []tgbotapi.BotCommand
	if json.Unmarshal([]byte(params["commands"]), &cmds) != nil || len(cmds) > 100 {
		writeError(w, http.StatusBadRequest, "Bad Request: can't parse commands JSON object", 0)
		return
	}
	for _, c := range cmds {
		if !commandName.MatchString(c.Command) || len([]rune(c.Description)) < 1 || len([]rune(c.Description)) > 256 {
			writeError(w, http.StatusBadRequest, "Bad Request: BOT_COMMAND_INVALID", 0)
			return
		}
	}
	scope := tgbotapi.BotCommandScope{Type: "default"}
	if raw := params["scope"]; raw != "" {
		if json.Unmarshal([]byte(raw), &scope) != nil || !scopes[scope.Type] {
			writeError(w, http.StatusBadRequest, "Bad Request: can't parse BotCommandScope", 0)
			return
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.commands[scope.Type] = cmds
	writeOK(w, true)
}

// Commands returns the command menu registered for a scope type
// ("default", "all_private_chats", "all_group_chats", ...).
func (s *Server) Commands(scope string) []tgbotapi.BotCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.commands[scope]
}

func (s *Server) setDescription(w http.ResponseWriter, params map[string]string, field string, limit int) {
	text := params[field]
	if len([]rune(text)) > limit {
		writeError(w, http.StatusBadRequest, "Bad Request: "+field+" is too long", 0)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.described[field] = text
	writeOK(w, true)
}

// Description returns the bot's description and short description as
// last set.
func (s *Server) Description() (description, short string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.described["description"], s.described["short_description"]
}
