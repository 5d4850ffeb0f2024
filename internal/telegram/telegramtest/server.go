// Package telegramtest is an in-process fake of the Telegram Bot API for
// tests: an httptest server that speaks the documented HTTP protocol
// (form-encoded requests to /bot<token>/<method>, {"ok":...} JSON answers)
// for getMe, getUpdates with offset and timeout, sendMessage,
// editMessageReplyMarkup, answerCallbackQuery, setMyCommands (with
// scopes), setMyDescription, setMyShortDescription, setWebhook and
// deleteWebhook, and sends updates with the fields go-telegram-bot-api
// v5.5.1 lacks (message_thread_id, is_topic_message, is_forum; see
// Update) and my_chat_member updates.
//
// It enforces what Telegram enforces: the offset confirms and forgets
// earlier updates; a getUpdates made while another is waiting ends the
// older one with 409 Conflict, as does getUpdates while a webhook is set;
// sendMessage beyond the limits (Limits: per chat, per group, overall)
// is answered 429 with retry_after; a message_thread_id must name a topic
// of a forum supergroup (the General topic's id is refused: messages to
// it omit the id); a chat that blocked the bot, or a group it left,
// answers 403; a callback query is answered once; only the bot's own
// messages are edited, and an edit that changes nothing is refused;
// command lists, scopes and descriptions are checked against their
// documented limits. It records what the bot sends, with the status it
// answered, and injects failures: queued faults, outages of a method for
// a while, faults for one chat, slow answers and dropped connections. Run
// in the test process, it outlives a bot process the test kills and
// restarts.
package telegramtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/backcare/backcare/internal/notify"
)

// BotID and BotUsername identify the fake bot (getMe).
const (
	BotID       = 4242
	BotUsername = "backcare_test_bot"
)

// Call is one request the bot made.
type Call struct {
	Method string
	Params map[string]string
	At     time.Time // when it arrived
	Status int       // the HTTP status answered (0 for a dropped connection)
	msgID  int       // the message a successful sendMessage created
}

// OK reports whether the call succeeded.
func (c Call) OK() bool { return c.Status == http.StatusOK }

// Window allows at most N messages in any Per; the zero Window allows
// everything.
type Window struct {
	N   int
	Per time.Duration
}

// Limits are the sending limits the fake enforces on sendMessage.
type Limits struct {
	Chat, Group, Global Window
}

// DocumentedLimits are Telegram's documented limits: about one message a
// second per chat, 20 a minute per group, 30 a second overall.
var DocumentedLimits = Limits{
	Chat:   Window{1, time.Second},
	Group:  Window{20, time.Minute},
	Global: Window{30, time.Second},
}

// Fault makes the next calls of a method fail.
type Fault struct {
	Status     int    // HTTP status and error_code
	RetryAfter int    // seconds, for 429
	RawBody    string // if set, sent instead of the JSON error (an HTML 502 page)
	Delay      time.Duration
	// Drop closes the connection without an answer, so the client sees a
	// network error (whose text, in the library, holds the request URL).
	Drop bool
}

// Server is a fake Bot API.
type Server struct {
	*httptest.Server
	Token string

	mu       sync.Mutex
	calls    []Call
	updates  []Update
	nextID   int
	nextMsg  int
	faults   map[string][]Fault
	delays   map[string]time.Duration
	changed  notify.Notifier
	confirms int // highest offset the bot has confirmed
	onCall   func(Call)

	limits   Limits
	sent     map[string][]time.Time // accepted messages by window key
	outages  map[string]outage
	chatFail map[string][]Fault // chat_id -> faults for its next sendMessage calls
	polls    int                // getUpdates calls
	ended    int                // getUpdates ended by a newer one (409)
	poller   chan struct{}      // closed to end the waiting getUpdates with 409
	webhook  bool

	forums    map[int64]map[int]bool // forum supergroups and their topics
	gone      map[int64]string       // chats that blocked the bot or that it left: the 403 description
	messages  map[int]*sentMessage   // the bot's messages, by id
	answered  map[string]bool        // callback queries answered
	commands  map[string][]tgbotapi.BotCommand
	described map[string]string // setMyDescription, setMyShortDescription
	allowed   []string          // allowed_updates as last set; empty for Telegram's default
}

// sentMessage is a message the bot sent, as the fake keeps it.
type sentMessage struct {
	chat   int64
	thread int
	text   string
	markup tgbotapi.InlineKeyboardMarkup
}

type outage struct {
	until time.Time
	fault Fault
}

// OnCall sets a function told about every recorded call, as it happens
// (load tests measure latency with it).
func (s *Server) OnCall(f func(Call)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.onCall = f
}

// NewServer starts a fake Bot API for token.
func NewServer(token string) *Server {
	s := &Server{Token: token, nextID: 1, nextMsg: 1000, faults: map[string][]Fault{}, delays: map[string]time.Duration{},
		limits: DocumentedLimits, sent: map[string][]time.Time{}, outages: map[string]outage{}, chatFail: map[string][]Fault{},
		forums: map[int64]map[int]bool{}, gone: map[int64]string{}, messages: map[int]*sentMessage{},
		answered: map[string]bool{}, commands: map[string][]tgbotapi.BotCommand{}, described: map[string]string{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// Endpoint is the library's endpoint format for this server.
func (s *Server) Endpoint() string { return s.URL + "/bot%s/%s" }

// Fail queues faults for the next calls of method.
func (s *Server) Fail(method string, faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[method] = append(s.faults[method], faults...)
}

// SetLimits replaces the sending limits (DocumentedLimits by default);
// tests scale them down to run fast.
func (s *Server) SetLimits(l Limits) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.limits = l
}

// FailFor makes every call of method fail with f for the next d (an
// outage), then answer normally again.
func (s *Server) FailFor(method string, d time.Duration, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.outages[method] = outage{until: time.Now().Add(d), fault: f}
}

// FailChat queues faults for the next sendMessage calls to chat.
func (s *Server) FailChat(chat int64, faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	k := strconv.FormatInt(chat, 10)
	s.chatFail[k] = append(s.chatFail[k], faults...)
}

// ClearChat drops the faults still queued for chat.
func (s *Server) ClearChat(chat int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.chatFail, strconv.FormatInt(chat, 10))
}

// Polls counts getUpdates calls.
func (s *Server) Polls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.polls
}

// Conflicts counts the getUpdates calls ended with 409 Conflict by a
// newer one: two processes polling at once.
func (s *Server) Conflicts() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ended
}

// Delay makes every call of method take d before answering.
func (s *Server) Delay(method string, d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.delays[method] = d
}

// Push queues an update and returns its update_id.
func (s *Server) Push(u tgbotapi.Update) int { return s.PushUpdate(Update{Update: u}) }

// PushUpdate queues an update with the fields the library lacks (a
// message in a forum topic) and returns its update_id. A message in a
// topic makes its chat a forum with that topic, as on Telegram, where a
// message can only be posted in a topic that exists.
func (s *Server) PushUpdate(u Update) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c := u.chat(); c != nil && u.Forum {
		if s.forums[c.ID] == nil {
			s.forums[c.ID] = map[int]bool{}
		}
		if u.Topic != 0 {
			s.forums[c.ID][u.Topic] = true
		}
	}
	u.UpdateID = s.nextID
	s.nextID++
	s.updates = append(s.updates, u)
	s.changed.Notify()
	return u.UpdateID
}

// Calls returns the calls of method so far ("" for all).
func (s *Server) Calls(method string) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Call
	for _, c := range s.calls {
		if method == "" || c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

// Delivered returns the successful calls of method so far ("" for all).
func (s *Server) Delivered(method string) []Call {
	var out []Call
	for _, c := range s.Calls(method) {
		if c.OK() {
			out = append(out, c)
		}
	}
	return out
}

// WaitDelivered waits for at least n successful calls of method and
// returns them.
func (s *Server) WaitDelivered(method string, n int, timeout time.Duration) []Call {
	s.WaitFor(timeout, func() bool { return len(s.Delivered(method)) >= n })
	return s.Delivered(method)
}

// Confirmed returns the highest offset the bot acknowledged.
func (s *Server) Confirmed() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.confirms
}

// WaitFor waits until cond holds or the timeout passes, and reports which.
func (s *Server) WaitFor(timeout time.Duration, cond func() bool) bool {
	return s.changed.WaitFor(timeout, cond)
}

// WaitCalls waits for at least n calls of method and returns them.
func (s *Server) WaitCalls(method string, n int, timeout time.Duration) []Call {
	s.WaitFor(timeout, func() bool { return len(s.Calls(method)) >= n })
	return s.Calls(method)
}

// WaitConfirmed waits until the bot has acknowledged update id (polled
// past it).
func (s *Server) WaitConfirmed(id int, timeout time.Duration) bool {
	return s.WaitFor(timeout, func() bool { return s.Confirmed() > id })
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	rest, ok := strings.CutPrefix(r.URL.Path, "/bot")
	token, method, ok2 := strings.Cut(rest, "/")
	if !ok || !ok2 || r.Method != http.MethodPost {
		writeError(w, http.StatusNotFound, "Not Found", 0)
		return
	}
	if token != s.Token {
		writeError(w, http.StatusUnauthorized, "Unauthorized", 0)
		return
	}
	if err := r.ParseForm(); err != nil {
		writeError(w, http.StatusBadRequest, "Bad Request: "+err.Error(), 0)
		return
	}
	params := map[string]string{}
	for k, v := range r.PostForm {
		params[k] = v[0]
	}

	s.mu.Lock()
	delay := s.delays[method]
	var fault *Fault
	if o, ok := s.outages[method]; ok && time.Now().Before(o.until) {
		f := o.fault
		fault = &f
	} else if fs := s.chatFail[params["chat_id"]]; method == "sendMessage" && len(fs) > 0 {
		fault = &fs[0]
		s.chatFail[params["chat_id"]] = fs[1:]
	} else if fs := s.faults[method]; len(fs) > 0 {
		fault = &fs[0]
		s.faults[method] = fs[1:]
	}
	idx := -1
	if method != "getUpdates" {
		s.calls = append(s.calls, Call{Method: method, Params: params, At: time.Now()})
		idx = len(s.calls) - 1
	} else {
		s.polls++
		s.changed.Notify()
	}
	s.mu.Unlock()
	rec := &recorder{ResponseWriter: w}
	w = rec
	msgID := 0
	defer func() {
		if idx < 0 {
			return
		}
		s.mu.Lock()
		s.calls[idx].Status = rec.status
		s.calls[idx].msgID = msgID
		c := s.calls[idx]
		f := s.onCall
		s.changed.Notify()
		s.mu.Unlock()
		if f != nil {
			f(c)
		}
	}()

	if fault != nil {
		time.Sleep(fault.Delay)
		if fault.Drop {
			if hj, ok := rec.ResponseWriter.(http.Hijacker); ok {
				if conn, _, err := hj.Hijack(); err == nil {
					conn.Close()
					return
				}
			}
		}
		if fault.RawBody != "" {
			w.WriteHeader(fault.Status)
			fmt.Fprint(w, fault.RawBody)
			return
		}
		writeError(w, fault.Status, http.StatusText(fault.Status), fault.RetryAfter)
		return
	}
	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		}
	}

	switch method {
	case "getMe":
		writeOK(w, tgbotapi.User{ID: BotID, IsBot: true, FirstName: "Backcare", UserName: BotUsername})
	case "getUpdates":
		s.getUpdates(w, r, params)
	case "sendMessage":
		msgID = s.sendMessage(w, params)
	case "editMessageReplyMarkup":
		s.editReplyMarkup(w, params)
	case "answerCallbackQuery":
		s.answerCallback(w, params)
	case "setMyCommands":
		s.setCommands(w, params)
	case "setMyDescription":
		s.setDescription(w, params, "description", 512)
	case "setMyShortDescription":
		s.setDescription(w, params, "short_description", 120)
	case "setWebhook":
		s.mu.Lock()
		s.webhook = params["url"] != ""
		s.setAllowed(params)
		s.mu.Unlock()
		writeOK(w, true)
	case "deleteWebhook":
		s.mu.Lock()
		s.webhook = false
		s.mu.Unlock()
		writeOK(w, true)
	default:
		writeError(w, http.StatusNotFound, "Not Found: method not found", 0)
	}
}

func (s *Server) getUpdates(w http.ResponseWriter, r *http.Request, params map[string]string) {
	offset, _ := strconv.Atoi(params["offset"])
	timeout, _ := strconv.Atoi(params["timeout"])
	limit, _ := strconv.Atoi(params["limit"])
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	deadline := time.After(time.Duration(timeout) * time.Second)
	s.mu.Lock()
	s.setAllowed(params)
	if s.webhook {
		s.mu.Unlock()
		writeError(w, http.StatusConflict, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first", 0)
		return
	}
	// Only one getUpdates at a time: a newer one ends the one waiting.
	if s.poller != nil {
		close(s.poller)
	}
	mine := make(chan struct{})
	s.poller = mine
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		if s.poller == mine {
			s.poller = nil
		}
		s.mu.Unlock()
	}()
	for {
		s.mu.Lock()
		// An offset confirms every update before it: they are forgotten.
		if offset > s.confirms {
			s.confirms = offset
			kept := s.updates[:0]
			for _, u := range s.updates {
				if u.UpdateID >= offset {
					kept = append(kept, u)
				}
			}
			s.updates = kept
			s.changed.Notify()
		}
		var out []Update
		for _, u := range s.updates {
			if u.UpdateID >= offset && len(out) < limit && s.allows(u) {
				out = append(out, u)
			}
		}
		ch := s.changed.Changed()
		s.mu.Unlock()
		if len(out) > 0 || timeout == 0 {
			writeOK(w, out)
			return
		}
		select {
		case <-ch:
		case <-deadline:
			writeOK(w, []Update{})
			return
		case <-mine:
			s.mu.Lock()
			s.ended++
			s.mu.Unlock()
			writeError(w, http.StatusConflict, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running", 0)
			return
		case <-r.Context().Done():
			return
		}
	}
}

// sendMessage sends a message and returns its id, 0 if it was refused.
func (s *Server) sendMessage(w http.ResponseWriter, params map[string]string) int {
	chatID, err := strconv.ParseInt(params["chat_id"], 10, 64)
	text := params["text"]
	if err != nil || text == "" {
		writeError(w, http.StatusBadRequest, "Bad Request: chat_id and text are required", 0)
		return 0
	}
	if n := len([]rune(text)); n > 4096 {
		writeError(w, http.StatusBadRequest, "Bad Request: message is too long", 0)
		return 0
	}
	kb, desc := parseMarkup(params["reply_markup"])
	if desc != "" {
		writeError(w, http.StatusBadRequest, desc, 0)
		return 0
	}
	thread := 0
	if t, ok := params["message_thread_id"]; ok {
		if thread, err = strconv.Atoi(t); err != nil {
			writeError(w, http.StatusBadRequest, "Bad Request: invalid message_thread_id", 0)
			return 0
		}
	}
	s.mu.Lock()
	if desc := s.gone[chatID]; desc != "" {
		s.mu.Unlock()
		writeError(w, http.StatusForbidden, desc, 0)
		return 0
	}
	if _, ok := params["message_thread_id"]; ok && !s.forums[chatID][thread] {
		// Not a forum, not one of its topics, or the General topic,
		// whose messages must omit the id.
		s.mu.Unlock()
		writeError(w, http.StatusBadRequest, "Bad Request: message thread not found", 0)
		return 0
	}
	if wait := s.admit(params["chat_id"], chatID < 0, time.Now()); wait > 0 {
		s.mu.Unlock()
		writeError(w, http.StatusTooManyRequests, "", int((wait+time.Second-1)/time.Second))
		return 0
	}
	s.nextMsg++
	id := s.nextMsg
	s.messages[id] = &sentMessage{chat: chatID, thread: thread, text: text, markup: kb}
	forum := s.forums[chatID] != nil
	s.mu.Unlock()
	writeOK(w, Update{Topic: thread, Forum: forum}.message(tgbotapi.Message{MessageID: id, Date: int(time.Now().Unix()), Text: text,
		From: &tgbotapi.User{ID: BotID, IsBot: true, UserName: BotUsername}, Chat: &tgbotapi.Chat{ID: chatID}}))
	return id
}

// parseMarkup reads an inline keyboard and checks its buttons as
// Telegram does; desc is the error description, "" if it is valid.
func parseMarkup(rm string) (kb tgbotapi.InlineKeyboardMarkup, desc string) {
	if rm == "" {
		return kb, ""
	}
	if json.Unmarshal([]byte(rm), &kb) != nil {
		return kb, "Bad Request: can't parse reply keyboard markup JSON object"
	}
	for _, row := range kb.InlineKeyboard {
		if len(row) == 0 || len(row) > 8 {
			return kb, "Bad Request: BUTTON_ROW_INVALID"
		}
		for _, b := range row {
			switch {
			case b.Text == "":
				return kb, "Bad Request: text buttons are unallowed in the inline keyboard"
			case b.CallbackData != nil && b.URL != nil:
				return kb, "Bad Request: can't parse inline keyboard button: a button has more than one action"
			case b.CallbackData != nil && (len(*b.CallbackData) == 0 || len(*b.CallbackData) > 64):
				return kb, "Bad Request: BUTTON_DATA_INVALID"
			case b.URL != nil && !strings.HasPrefix(*b.URL, "https://") && !strings.HasPrefix(*b.URL, "http://") && !strings.HasPrefix(*b.URL, "tg://"):
				return kb, "Bad Request: BUTTON_URL_INVALID"
			case b.CallbackData == nil && b.URL == nil:
				return kb, "Bad Request: can't parse inline keyboard button: a button needs an action"
			}
		}
	}
	return kb, ""
}

// setAllowed records allowed_updates, which persists until it is given
// again; s.mu must be held.
func (s *Server) setAllowed(params map[string]string) {
	var allowed []string
	if raw, ok := params["allowed_updates"]; ok && json.Unmarshal([]byte(raw), &allowed) == nil {
		s.allowed = allowed
	}
}

// allows reports whether u is of a type the bot asked for: Telegram does
// not deliver the others. By default every type but chat_member (and
// reactions) is delivered. s.mu must be held.
func (s *Server) allows(u Update) bool {
	t := updateType(u.Update)
	if len(s.allowed) == 0 {
		return t != "chat_member"
	}
	for _, a := range s.allowed {
		if a == t {
			return true
		}
	}
	return false
}

// AllowedUpdates returns the allowed_updates the bot set last (by
// getUpdates or setWebhook).
func (s *Server) AllowedUpdates() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.allowed...)
}

func updateType(u tgbotapi.Update) string {
	switch {
	case u.Message != nil:
		return "message"
	case u.EditedMessage != nil:
		return "edited_message"
	case u.ChannelPost != nil:
		return "channel_post"
	case u.EditedChannelPost != nil:
		return "edited_channel_post"
	case u.CallbackQuery != nil:
		return "callback_query"
	case u.MyChatMember != nil:
		return "my_chat_member"
	case u.ChatMember != nil:
		return "chat_member"
	case u.InlineQuery != nil:
		return "inline_query"
	}
	return "other"
}

// admit checks a message against the limits and records it if allowed;
// otherwise it returns how long until it would be. s.mu must be held.
func (s *Server) admit(chat string, group bool, now time.Time) time.Duration {
	type check struct {
		key string
		w   Window
	}
	checks := []check{{"chat:" + chat, s.limits.Chat}, {"global", s.limits.Global}}
	if group {
		checks = append(checks, check{"group:" + chat, s.limits.Group})
	}
	var wait time.Duration
	for _, c := range checks {
		if c.w.N <= 0 {
			continue
		}
		times := s.sent[c.key]
		for len(times) > 0 && now.Sub(times[0]) >= c.w.Per {
			times = times[1:]
		}
		s.sent[c.key] = times
		if len(times) >= c.w.N {
			wait = max(wait, times[len(times)-c.w.N].Add(c.w.Per).Sub(now))
		}
	}
	if wait > 0 {
		return wait
	}
	for _, c := range checks {
		if c.w.N > 0 {
			s.sent[c.key] = append(s.sent[c.key], now)
		}
	}
	return 0
}

// recorder remembers the status written.
type recorder struct {
	http.ResponseWriter
	status int
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

func writeOK(w http.ResponseWriter, result any) {
	raw, _ := json.Marshal(result)
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(tgbotapi.APIResponse{Ok: true, Result: raw})
}

func writeError(w http.ResponseWriter, status int, desc string, retryAfter int) {
	resp := tgbotapi.APIResponse{Ok: false, ErrorCode: status, Description: desc}
	if status == http.StatusTooManyRequests {
		retryAfter = max(retryAfter, 1)
		resp.Description = fmt.Sprintf("Too Many Requests: retry after %d", retryAfter)
		resp.Parameters = &tgbotapi.ResponseParameters{RetryAfter: retryAfter}
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(resp)
}

// Private returns an update with a text message in a private chat.
func Private(chatID int64, text string) tgbotapi.Update {
	return tgbotapi.Update{Message: message(chatID, "private", chatID, text)}
}

// Group returns an update with a text message in a supergroup.
func Group(chatID, userID int64, text string) tgbotapi.Update {
	return tgbotapi.Update{Message: message(chatID, "supergroup", userID, text)}
}

// ReplyToBot returns a group message that replies to one of the bot's.
func ReplyToBot(chatID, userID int64, text string) tgbotapi.Update {
	u := Group(chatID, userID, text)
	u.Message.ReplyToMessage = &tgbotapi.Message{MessageID: 1, From: &tgbotapi.User{ID: BotID, IsBot: true, UserName: BotUsername}, Chat: u.Message.Chat}
	return u
}

// Edited turns a message update into the update Telegram sends when the
// message is edited.
func Edited(u tgbotapi.Update) tgbotapi.Update {
	m := u.Message
	m.EditDate = int(time.Now().Unix())
	return tgbotapi.Update{EditedMessage: m}
}

// Button returns a callback query for a button pressed under a bot message.
func Button(chatID, userID int64, data string) tgbotapi.Update {
	return tgbotapi.Update{CallbackQuery: &tgbotapi.CallbackQuery{
		ID:      "cq-" + strconv.FormatInt(time.Now().UnixNano(), 36),
		From:    &tgbotapi.User{ID: userID, FirstName: "User"},
		Message: &tgbotapi.Message{MessageID: 77, Chat: &tgbotapi.Chat{ID: chatID, Type: "private"}, From: &tgbotapi.User{ID: BotID, IsBot: true}},
		Data:    data,
	}}
}

func message(chatID int64, chatType string, userID int64, text string) *tgbotapi.Message {
	m := &tgbotapi.Message{
		MessageID: int(time.Now().UnixNano() % 1e9),
		Date:      int(time.Now().Unix()),
		From:      &tgbotapi.User{ID: userID, FirstName: "User"},
		Chat:      &tgbotapi.Chat{ID: chatID, Type: chatType},
		Text:      text,
	}
	if strings.HasPrefix(text, "/") {
		n := strings.IndexAny(text, " \n")
		if n < 0 {
			n = len(text)
		}
		m.Entities = []tgbotapi.MessageEntity{{Type: "bot_command", Offset: 0, Length: n}}
	}
	return m
}
