// Package discordtest is an in-process fake of Discord for tests: REST
// routes on an httptest server (gateway URL, command registration,
// channel messages, direct-message channels, interaction callbacks,
// follow-up webhooks and edits of the original response) and a gateway on
// gorilla/websocket that speaks HELLO (op 10), IDENTIFY (op 2), RESUME
// (op 6), heartbeats (op 1/11) and dispatches (op 0) with Discord's
// payload shapes: string ids, member.roles as a list of ids.
//
// It enforces what Discord enforces on interactions: one response each,
// within three seconds (Deadline), of a type that fits the interaction
// (choices for autocomplete, UPDATE_MESSAGE for components only), at most
// 25 choices of at most 100 characters; command registrations with valid
// contexts and integration types; and it keeps the messages the bot
// creates, so that presses of their buttons (Press) and updates of their
// components can be checked.
package discordtest

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"

	"github.com/backcare/backcare/internal/notify"
)

// Ids of the fake application and bot user.
const (
	AppID     = "900000000000000001"
	BotID     = "900000000000000001"
	GuildID   = "800000000000000001"
	BotName   = "Backcare"
	apiPrefix = "/api/v9/"
)

// Request is one REST call the bot made.
type Request struct {
	Method, Path string
	Body         map[string]any
	Raw          []byte
	At           time.Time
}

// Server is a fake Discord.
type Server struct {
	*httptest.Server
	Token string

	mu         sync.Mutex
	requests   []Request
	conn       *websocket.Conn
	connWrite  sync.Mutex
	seq        int
	sent       []frame // dispatched events, replayed on RESUME as Discord does
	identifies []map[string]any
	resumes    int
	nextID     int
	changed    notify.Notifier
	failNext   map[string][]int // path prefix -> statuses to return
	closeWith  int              // close code for the next IDENTIFY

	interactions map[string]*interaction // by token
	responses    map[string][]Response   // by interaction token
	messages     map[string]*Posted
	dmChannels   map[string]string // user -> DM channel
	closedDMs    map[string]bool
	deadline     time.Duration
}

// NewServer starts a fake Discord accepting token ("Bot " + token).
func NewServer(token string) *Server {
	s := &Server{Token: token, nextID: 1000, failNext: map[string][]int{},
		interactions: map[string]*interaction{}, responses: map[string][]Response{}, messages: map[string]*Posted{},
		dmChannels: map[string]string{}, closedDMs: map[string]bool{}, deadline: Deadline}
	mux := http.NewServeMux()
	mux.HandleFunc("/gateway", s.gateway)
	mux.HandleFunc("/gateway/", s.gateway)
	mux.HandleFunc("/", s.rest)
	s.Server = httptest.NewServer(mux)
	return s
}

// Base is the DISCORD_API_BASE for this server.
func (s *Server) Base() string { return s.URL + "/" }

// WaitFor waits until cond holds or timeout passes, and reports which.
func (s *Server) WaitFor(timeout time.Duration, cond func() bool) bool {
	return s.changed.WaitFor(timeout, cond)
}

// Requests returns the REST calls whose path contains sub.
func (s *Server) Requests(method, sub string) []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Request
	for _, r := range s.requests {
		if (method == "" || r.Method == method) && strings.Contains(r.Path, sub) {
			out = append(out, r)
		}
	}
	return out
}

// WaitRequests waits for at least n matching requests and returns them.
func (s *Server) WaitRequests(method, sub string, n int, timeout time.Duration) []Request {
	s.WaitFor(timeout, func() bool { return len(s.Requests(method, sub)) >= n })
	return s.Requests(method, sub)
}

// Fail makes the next requests whose path contains sub fail with statuses.
func (s *Server) Fail(sub string, statuses ...int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failNext[sub] = append(s.failNext[sub], statuses...)
}

// Identifies returns the IDENTIFY payloads received.
func (s *Server) Identifies() []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]map[string]any(nil), s.identifies...)
}

// Resumes counts RESUME payloads received.
func (s *Server) Resumes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.resumes
}

// CloseNextIdentify makes the gateway close with code (such as 4014,
// disallowed intents) when the next IDENTIFY arrives.
func (s *Server) CloseNextIdentify(code int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closeWith = code
}

func (s *Server) rest(w http.ResponseWriter, r *http.Request) {
	path, ok := strings.CutPrefix(r.URL.Path, apiPrefix)
	if !ok {
		http.NotFound(w, r)
		return
	}
	raw, _ := io.ReadAll(r.Body)
	var body map[string]any
	_ = json.Unmarshal(raw, &body)
	s.mu.Lock()
	status := 0
	for sub, st := range s.failNext {
		if strings.Contains(path, sub) && len(st) > 0 {
			status, s.failNext[sub] = st[0], st[1:]
			break
		}
	}
	if path != "gateway" {
		s.requests = append(s.requests, Request{Method: r.Method, Path: path, Body: body, Raw: raw, At: time.Now()})
		s.changed.Notify()
	}
	s.nextID++
	id := fmt.Sprint(s.nextID)
	s.mu.Unlock()

	// Interaction callbacks and follow-ups are authorised by the
	// interaction token in the path; everything else needs the bot token.
	if !strings.HasPrefix(path, "interactions/") && !strings.HasPrefix(path, "webhooks/") &&
		r.Header.Get("Authorization") != "Bot "+s.Token {
		writeJSON(w, http.StatusUnauthorized, map[string]any{"message": "401: Unauthorized", "code": 0})
		return
	}
	if status != 0 {
		if status == http.StatusTooManyRequests {
			writeJSON(w, status, map[string]any{"message": "You are being rate limited.", "retry_after": 0.2, "global": false})
			return
		}
		writeJSON(w, status, map[string]any{"message": http.StatusText(status), "code": 0})
		return
	}
	switch {
	case r.Method == http.MethodGet && path == "gateway":
		writeJSON(w, 200, map[string]any{"url": "ws" + strings.TrimPrefix(s.URL, "http") + "/gateway"})
	case r.Method == http.MethodPut && strings.HasPrefix(path, "applications/") && strings.HasSuffix(path, "/commands"):
		var cmds []map[string]any
		_ = json.Unmarshal(raw, &cmds)
		if msg := checkCommands(cmds); msg != "" {
			writeJSON(w, 400, map[string]any{"message": "Invalid Form Body: " + msg, "code": 50035})
			return
		}
		for _, c := range cmds {
			c["id"], c["application_id"], c["version"] = id, AppID, "1"
		}
		writeJSON(w, 200, cmds)
	case r.Method == http.MethodPost && strings.HasPrefix(path, "interactions/") && strings.HasSuffix(path, "/callback"):
		s.mu.Lock()
		status, resp := s.callback(path, body)
		s.changed.Notify()
		s.mu.Unlock()
		if resp == nil {
			w.WriteHeader(status)
			return
		}
		writeJSON(w, status, resp)
	case r.Method == http.MethodPatch && strings.HasPrefix(path, "webhooks/") && strings.HasSuffix(path, "/messages/@original"):
		s.mu.Lock()
		status, resp := s.editOriginal(path, body)
		s.changed.Notify()
		s.mu.Unlock()
		writeJSON(w, status, resp)
	case r.Method == http.MethodPost && path == "users/@me/channels":
		user, _ := body["recipient_id"].(string)
		s.mu.Lock()
		ch := s.dmChannels[user]
		if ch == "" {
			ch = "61" + id
			s.dmChannels[user] = ch
		}
		s.mu.Unlock()
		writeJSON(w, 200, map[string]any{"id": ch, "type": 1, "recipients": []any{map[string]any{"id": user, "username": "member"}}})
	case r.Method == http.MethodPost && (strings.HasPrefix(path, "channels/") && strings.HasSuffix(path, "/messages") || strings.HasPrefix(path, "webhooks/")):
		content, _ := body["content"].(string)
		comps, _ := body["components"].([]any)
		if len([]rune(content)) > 2000 {
			writeJSON(w, 400, map[string]any{"message": "Invalid Form Body", "code": 50035})
			return
		}
		channel := strings.TrimSuffix(strings.TrimPrefix(path, "channels/"), "/messages")
		s.mu.Lock()
		for user, ch := range s.dmChannels {
			if ch == channel && s.closedDMs[user] {
				s.mu.Unlock()
				writeJSON(w, http.StatusForbidden, map[string]any{"message": "Cannot send messages to this user", "code": 50007})
				return
			}
		}
		if strings.HasPrefix(path, "webhooks/") {
			if in := s.interactions[strings.Split(path, "/")[2]]; in != nil {
				channel = in.channel
			}
		}
		msgID := s.store(channel, content, comps)
		s.changed.Notify()
		s.mu.Unlock()
		writeJSON(w, 200, map[string]any{"id": msgID, "channel_id": channel, "content": content, "type": 0, "components": comps,
			"author": map[string]any{"id": BotID, "username": BotName, "bot": true}, "timestamp": time.Now().Format(time.RFC3339)})
	default:
		writeJSON(w, 404, map[string]any{"message": "404: Not Found", "code": 0})
	}
}

// checkCommands checks a command registration as Discord does, and
// returns what is wrong, or "".
func checkCommands(cmds []map[string]any) string {
	within := func(v any, max float64) bool {
		list, ok := v.([]any)
		if v == nil {
			return true
		}
		if !ok || len(list) == 0 {
			return false
		}
		for _, x := range list {
			if n, ok := x.(float64); !ok || n < 0 || n > max || n != float64(int(n)) {
				return false
			}
		}
		return true
	}
	for _, c := range cmds {
		if !within(c["contexts"], 2) {
			return "contexts must be a list of 0 (guild), 1 (bot DM) and 2 (private channel)"
		}
		if !within(c["integration_types"], 1) {
			return "integration_types must be a list of 0 (guild install) and 1 (user install)"
		}
		var walk func(opts []any) string
		walk = func(opts []any) string {
			for _, o := range opts {
				opt, _ := o.(map[string]any)
				if choices, _ := opt["choices"].([]any); opt["autocomplete"] == true && len(choices) > 0 {
					return "an option cannot have both autocomplete and choices"
				}
				if sub, _ := opt["options"].([]any); len(sub) > 0 {
					if msg := walk(sub); msg != "" {
						return msg
					}
				}
			}
			return ""
		}
		opts, _ := c["options"].([]any)
		if msg := walk(opts); msg != "" {
			return msg
		}
	}
	return ""
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

type frame struct {
	Op int             `json:"op"`
	D  json.RawMessage `json:"d,omitempty"`
	S  *int            `json:"s,omitempty"`
	T  string          `json:"t,omitempty"`
}

func (s *Server) gateway(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	s.send(conn, 10, "", map[string]any{"heartbeat_interval": 41250})
	for {
		_, data, err := conn.ReadMessage()
		if err != nil {
			return
		}
		var f frame
		if json.Unmarshal(data, &f) != nil {
			continue
		}
		switch f.Op {
		case 1: // heartbeat
			s.send(conn, 11, "", nil)
		case 2: // identify
			var d map[string]any
			_ = json.Unmarshal(f.D, &d)
			if d["token"] != "Bot "+s.Token {
				s.closeConn(conn, 4004, "Authentication failed.")
				return
			}
			s.mu.Lock()
			s.identifies = append(s.identifies, d)
			code := s.closeWith
			s.closeWith = 0
			s.changed.Notify()
			s.mu.Unlock()
			if code != 0 {
				s.closeConn(conn, code, "Disallowed intent(s).")
				return
			}
			s.establish(conn, "READY", map[string]any{
				"v": 9, "session_id": "session-1", "resume_gateway_url": "ws" + strings.TrimPrefix(s.URL, "http") + "/gateway",
				"user":        map[string]any{"id": BotID, "username": BotName, "discriminator": "0", "bot": true},
				"application": map[string]any{"id": AppID, "flags": 0},
				"guilds":      []any{map[string]any{"id": GuildID, "unavailable": true}},
				"shard":       d["shard"],
			})
		case 6: // resume: replay the events after the client's seq, then RESUMED
			var d struct {
				Seq int `json:"seq"`
			}
			_ = json.Unmarshal(f.D, &d)
			s.mu.Lock()
			s.resumes++
			var missed []frame
			for _, e := range s.sent {
				if e.S != nil && *e.S > d.Seq {
					missed = append(missed, e)
				}
			}
			s.changed.Notify()
			s.mu.Unlock()
			s.connWrite.Lock()
			for _, e := range missed {
				_ = conn.WriteJSON(e)
			}
			s.connWrite.Unlock()
			s.establish(conn, "RESUMED", map[string]any{})
		}
	}
}

func (s *Server) closeConn(conn *websocket.Conn, code int, text string) {
	s.connWrite.Lock()
	defer s.connWrite.Unlock()
	_ = conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, text), time.Now().Add(time.Second))
	conn.Close()
}

// establish makes conn the one Dispatch writes to and sends it t (READY or
// RESUMED), holding the write lock throughout: a concurrent Dispatch is
// written after it, as on Discord, where no event precedes READY.
func (s *Server) establish(conn *websocket.Conn, t string, d any) {
	s.connWrite.Lock()
	defer s.connWrite.Unlock()
	s.mu.Lock()
	s.conn = conn
	s.seq++
	seq := s.seq
	s.changed.Notify()
	s.mu.Unlock()
	raw, _ := json.Marshal(d)
	_ = conn.WriteJSON(frame{Op: 0, T: t, S: &seq, D: raw})
}

func (s *Server) send(conn *websocket.Conn, op int, t string, d any) {
	f := frame{Op: op, T: t}
	if d != nil {
		f.D, _ = json.Marshal(d)
	}
	if op == 0 {
		s.mu.Lock()
		s.seq++
		seq := s.seq
		f.S = &seq
		s.sent = append(s.sent, f)
		s.mu.Unlock()
	}
	s.connWrite.Lock()
	defer s.connWrite.Unlock()
	_ = conn.WriteJSON(f)
}

// Dispatch sends an event (op 0) on the current gateway connection. An
// INTERACTION_CREATE starts the interaction's three seconds.
func (s *Server) Dispatch(t string, d any) bool {
	s.mu.Lock()
	conn := s.conn
	if t == "INTERACTION_CREATE" && conn != nil {
		s.record(d)
	}
	s.mu.Unlock()
	if conn == nil {
		return false
	}
	s.send(conn, 0, t, d)
	return true
}

// DropConnection closes the gateway connection without a close frame, as
// a network failure would.
func (s *Server) DropConnection() {
	s.mu.Lock()
	conn := s.conn
	s.conn = nil
	s.mu.Unlock()
	if conn != nil {
		conn.UnderlyingConn().Close()
	}
}

// Connected reports whether a gateway session is established (READY or
// RESUMED sent) on an open connection.
func (s *Server) Connected() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.conn != nil
}

// newID returns a random snowflake-like id.
func newID() string { return fmt.Sprint(700000000000000000 + rand.Int64N(100000000000000000)) }

func member(userID string) map[string]any {
	return map[string]any{
		"user":      map[string]any{"id": userID, "username": "member" + userID[len(userID)-3:], "discriminator": "0"},
		"roles":     []string{"810000000000000001", "810000000000000002"},
		"joined_at": "2026-01-01T00:00:00.000000+00:00", "deaf": false, "mute": false,
		"permissions": "2147483647",
	}
}

// SlashCommand returns an INTERACTION_CREATE payload for
// /backcare <sub> [question:<question>] in a guild channel.
func SlashCommand(channelID, userID, sub, question string) map[string]any {
	opt := map[string]any{"name": sub, "type": 1}
	if question != "" {
		opt["options"] = []any{map[string]any{"name": "question", "type": 3, "value": question}}
	}
	return map[string]any{
		"id": newID(), "application_id": AppID, "type": 2, "token": "itoken-" + newID(), "version": 1,
		"guild_id": GuildID, "channel_id": channelID, "member": member(userID), "locale": "en-GB",
		"data": map[string]any{"id": "910000000000000001", "name": "backcare", "type": 1, "options": []any{opt}},
	}
}

// ButtonPress returns an INTERACTION_CREATE payload for a button.
func ButtonPress(channelID, userID, customID string) map[string]any {
	return map[string]any{
		"id": newID(), "application_id": AppID, "type": 3, "token": "itoken-" + newID(), "version": 1,
		"guild_id": GuildID, "channel_id": channelID, "member": member(userID),
		"message": map[string]any{"id": newID(), "channel_id": channelID, "content": "", "type": 0,
			"author": map[string]any{"id": BotID, "username": BotName, "bot": true}, "timestamp": "2026-01-01T00:00:00+00:00"},
		"data": map[string]any{"custom_id": customID, "component_type": 2},
	}
}

// Message returns a MESSAGE_CREATE payload. guildID "" makes it a DM;
// mentionBot adds the bot to the mentions, as Discord does for <@id>.
func Message(guildID, channelID, userID, content string, mentionBot bool) map[string]any {
	m := map[string]any{
		"id": newID(), "channel_id": channelID, "content": content, "type": 0, "tts": false,
		"author":    map[string]any{"id": userID, "username": "user" + userID[len(userID)-3:], "discriminator": "0"},
		"timestamp": time.Now().Format(time.RFC3339), "mention_everyone": false,
		"mentions": []any{}, "mention_roles": []string{}, "attachments": []any{}, "embeds": []any{},
	}
	if guildID != "" {
		m["guild_id"] = guildID
		m["member"] = map[string]any{"roles": []string{"810000000000000001"}, "joined_at": "2026-01-01T00:00:00.000000+00:00"}
	}
	if mentionBot {
		m["mentions"] = []any{map[string]any{"id": BotID, "username": BotName, "bot": true}}
	}
	return m
}
