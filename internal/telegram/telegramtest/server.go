// Package telegramtest is an in-process fake of the Telegram Bot API for
// tests: an httptest server that speaks the documented HTTP protocol
// (form-encoded requests to /bot<token>/<method>, {"ok":...} JSON answers)
// for getMe, getUpdates with offset and timeout, sendMessage,
// answerCallbackQuery, setMyCommands, setWebhook and deleteWebhook. It
// records what the bot sends and can inject failures.
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
	At     time.Time
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
	updates  []tgbotapi.Update
	nextID   int
	nextMsg  int
	faults   map[string][]Fault
	delays   map[string]time.Duration
	changed  notify.Notifier
	confirms int // highest offset the bot has confirmed
	onCall   func(Call)
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
	s := &Server{Token: token, nextID: 1, nextMsg: 1000, faults: map[string][]Fault{}, delays: map[string]time.Duration{}}
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

// Delay makes every call of method take d before answering.
func (s *Server) Delay(method string, d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.delays[method] = d
}

// Push queues an update and returns its update_id.
func (s *Server) Push(u tgbotapi.Update) int {
	s.mu.Lock()
	defer s.mu.Unlock()
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
	if fs := s.faults[method]; len(fs) > 0 {
		fault = &fs[0]
		s.faults[method] = fs[1:]
	}
	var notifyCall func()
	if method != "getUpdates" {
		c := Call{Method: method, Params: params, At: time.Now()}
		s.calls = append(s.calls, c)
		if f := s.onCall; f != nil {
			notifyCall = func() { f(c) }
		}
		defer s.changed.Notify()
	}
	s.mu.Unlock()
	if notifyCall != nil {
		defer notifyCall()
	}

	if fault != nil {
		time.Sleep(fault.Delay)
		if fault.Drop {
			if hj, ok := w.(http.Hijacker); ok {
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
		s.sendMessage(w, params)
	case "answerCallbackQuery", "setMyCommands", "setWebhook", "deleteWebhook":
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
		var out []tgbotapi.Update
		for _, u := range s.updates {
			if u.UpdateID >= offset && len(out) < limit {
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
			writeOK(w, []tgbotapi.Update{})
			return
		case <-r.Context().Done():
			return
		}
	}
}

func (s *Server) sendMessage(w http.ResponseWriter, params map[string]string) {
	chatID, err := strconv.ParseInt(params["chat_id"], 10, 64)
	text := params["text"]
	if err != nil || text == "" {
		writeError(w, http.StatusBadRequest, "Bad Request: chat_id and text are required", 0)
		return
	}
	if n := len([]rune(text)); n > 4096 {
		writeError(w, http.StatusBadRequest, "Bad Request: message is too long", 0)
		return
	}
	if rm := params["reply_markup"]; rm != "" {
		var kb tgbotapi.InlineKeyboardMarkup
		if json.Unmarshal([]byte(rm), &kb) != nil {
			writeError(w, http.StatusBadRequest, "Bad Request: can't parse reply keyboard markup JSON object", 0)
			return
		}
		for _, row := range kb.InlineKeyboard {
			for _, b := range row {
				if b.CallbackData != nil && len(*b.CallbackData) > 64 {
					writeError(w, http.StatusBadRequest, "Bad Request: BUTTON_DATA_INVALID", 0)
					return
				}
			}
		}
	}
	s.mu.Lock()
	s.nextMsg++
	id := s.nextMsg
	s.mu.Unlock()
	writeOK(w, tgbotapi.Message{MessageID: id, Date: int(time.Now().Unix()), Text: text,
		From: &tgbotapi.User{ID: BotID, IsBot: true, UserName: BotUsername}, Chat: &tgbotapi.Chat{ID: chatID}})
}

func writeOK(w http.ResponseWriter, result any) {
	raw, _ := json.Marshal(result)
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(tgbotapi.APIResponse{Ok: true, Result: raw})
}

func writeError(w http.ResponseWriter, status int, desc string, retryAfter int) {
	resp := tgbotapi.APIResponse{Ok: false, ErrorCode: status, Description: desc}
	if retryAfter > 0 {
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
