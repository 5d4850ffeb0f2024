package discordtest

import (
	"cmp"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// Deadline is how long Discord waits for the first response to an
// interaction; a later one is refused with 404 Unknown interaction.
const Deadline = 3 * time.Second

// SetDeadline replaces Deadline for this server (tests of the fake
// shorten it).
func (s *Server) SetDeadline(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.deadline = d
}

// Interaction types and response types of the Discord API.
const (
	typeCommand      = 2
	typeComponent    = 3
	typeAutocomplete = 4

	respMessage         = 4 // CHANNEL_MESSAGE_WITH_SOURCE
	respDeferredMessage = 5 // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
	respDeferredUpdate  = 6 // DEFERRED_UPDATE_MESSAGE
	respUpdate          = 7 // UPDATE_MESSAGE
	respAutocomplete    = 8 // APPLICATION_COMMAND_AUTOCOMPLETE_RESULT
)

// interaction is an interaction the fake dispatched.
type interaction struct {
	id, token, channel string
	typ                int
	at                 time.Time
	responded          bool
	message            string // the message a component is on, or the original response
}

// Posted is a message the bot posted, as the fake keeps it.
type Posted struct {
	ID, ChannelID, Content string
	// Components is the message's components as JSON values (rows of
	// buttons), as the bot last set them.
	Components []any
}

// Response is a response the bot gave to an interaction.
type Response struct {
	// Type is the interaction response type (4, 5, 6, 7 or 8).
	Type int
	// Latency is the time from the interaction's dispatch to the response.
	Latency time.Duration
	// Body is the response as sent.
	Body map[string]any
	// Status is the HTTP status the fake answered.
	Status int
}

// record notes a dispatched interaction; s.mu must be held.
func (s *Server) record(d any) {
	raw, _ := json.Marshal(d)
	var p struct {
		ID, Token string
		Type      int
		ChannelID string `json:"channel_id"`
		Message   *struct {
			ID string `json:"id"`
		} `json:"message"`
	}
	if json.Unmarshal(raw, &p) != nil || p.Token == "" {
		return
	}
	in := &interaction{id: p.ID, token: p.Token, channel: p.ChannelID, typ: p.Type, at: time.Now()}
	if p.Message != nil {
		in.message = p.Message.ID
	}
	s.interactions[p.Token] = in
}

// callback answers POST interactions/{id}/{token}/callback as Discord
// does: once per interaction, within Deadline, with a response type that
// fits the interaction's type. s.mu must be held.
func (s *Server) callback(path string, body map[string]any) (int, map[string]any) {
	parts := strings.Split(path, "/") // interactions/{id}/{token}/callback
	in := s.interactions[parts[2]]
	typ, _ := body["type"].(float64)
	resp := Response{Type: int(typ), Body: body}
	defer func() { s.responses[parts[2]] = append(s.responses[parts[2]], resp) }()
	switch {
	case in == nil || time.Since(in.at) > s.deadline:
		resp.Status = http.StatusNotFound
		return resp.Status, map[string]any{"message": "Unknown interaction", "code": 10062}
	case in.responded:
		resp.Status = http.StatusBadRequest
		return resp.Status, map[string]any{"message": "Interaction has already been acknowledged.", "code": 40060}
	}
	resp.Latency = time.Since(in.at)
	data, _ := body["data"].(map[string]any)
	bad := func(msg string) (int, map[string]any) {
		resp.Status = http.StatusBadRequest
		return resp.Status, map[string]any{"message": "Invalid Form Body: " + msg, "code": 50035}
	}
	switch int(typ) {
	case respMessage, respDeferredMessage:
		if in.typ == typeAutocomplete {
			return bad("an autocomplete interaction is answered with choices (type 8)")
		}
		if int(typ) == respMessage {
			content, _ := data["content"].(string)
			comps, _ := data["components"].([]any)
			if len([]rune(content)) > 2000 {
				return bad("content is longer than 2000")
			}
			in.message = s.store(in.channel, content, comps)
		}
	case respDeferredUpdate, respUpdate:
		if in.typ != typeComponent {
			return bad("UPDATE_MESSAGE answers message components only")
		}
		if int(typ) == respUpdate {
			if msg := s.messages[in.message]; msg != nil {
				s.apply(msg, data)
			}
		}
	case respAutocomplete:
		if in.typ != typeAutocomplete {
			return bad("choices (type 8) answer autocomplete interactions only")
		}
		choices, _ := data["choices"].([]any)
		if len(choices) > 25 {
			return bad("choices: at most 25")
		}
		for _, c := range choices {
			ch, _ := c.(map[string]any)
			name, _ := ch["name"].(string)
			value, _ := ch["value"].(string)
			if n := len([]rune(name)); n < 1 || n > 100 || len([]rune(value)) > 100 {
				return bad("choice name must be 1 to 100 characters, its value at most 100")
			}
		}
	default:
		return bad(fmt.Sprintf("unknown response type %v", body["type"]))
	}
	in.responded = true
	resp.Status = http.StatusNoContent
	return resp.Status, nil
}

// store keeps a new message and returns its id; s.mu must be held.
func (s *Server) store(channel, content string, comps []any) string {
	s.nextID++
	id := fmt.Sprint(s.nextID)
	s.messages[id] = &Posted{ID: id, ChannelID: channel, Content: content, Components: comps}
	return id
}

// apply edits a message with the fields present in data.
func (s *Server) apply(msg *Posted, data map[string]any) {
	if c, ok := data["content"].(string); ok {
		msg.Content = c
	}
	if c, ok := data["components"].([]any); ok {
		msg.Components = c
	}
}

// editOriginal answers PATCH webhooks/{app}/{token}/messages/@original:
// the original response, or for a component interaction the message the
// component is on. s.mu must be held.
func (s *Server) editOriginal(path string, body map[string]any) (int, map[string]any) {
	parts := strings.Split(path, "/") // webhooks/{app}/{token}/messages/@original
	in := s.interactions[parts[2]]
	if in == nil || !in.responded || s.messages[in.message] == nil {
		return http.StatusNotFound, map[string]any{"message": "Unknown Message", "code": 10008}
	}
	msg := s.messages[in.message]
	s.apply(msg, body)
	return http.StatusOK, map[string]any{"id": msg.ID, "channel_id": msg.ChannelID, "content": msg.Content, "type": 0,
		"components": msg.Components, "author": map[string]any{"id": BotID, "username": BotName, "bot": true},
		"timestamp": time.Now().Format(time.RFC3339)}
}

// Responses returns the responses given to the interaction with token.
func (s *Server) Responses(token string) []Response {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Response(nil), s.responses[token]...)
}

// WaitResponses waits until the interaction with token has n responses
// and returns them.
func (s *Server) WaitResponses(token string, n int, timeout time.Duration) []Response {
	s.WaitFor(timeout, func() bool { return len(s.Responses(token)) >= n })
	return s.Responses(token)
}

// Original returns the id of the message that answered the interaction
// with token (its original response), or "".
func (s *Server) Original(token string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if in := s.interactions[token]; in != nil && in.typ != typeComponent {
		return in.message
	}
	return ""
}

// Message returns the message id as it is now.
func (s *Server) Message(id string) (Posted, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.messages[id]
	if !ok {
		return Posted{}, false
	}
	return *m, true
}

// CloseDMs makes user refuse direct messages from the bot, as a member
// who turned off direct messages from server members does.
func (s *Server) CloseDMs(user string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closedDMs[user] = true
}

// DMs returns the messages sent to user's direct-message channel, oldest
// first.
func (s *Server) DMs(user string) []Posted {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Posted
	ch := s.dmChannels[user]
	for _, m := range s.messages {
		if ch != "" && m.ChannelID == ch {
			out = append(out, *m)
		}
	}
	slices.SortFunc(out, func(a, b Posted) int { // ids are numbers
		return cmp.Or(cmp.Compare(len(a.ID), len(b.ID)), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// Press returns the INTERACTION_CREATE payload Discord sends when user
// presses the button customID on the message id (in a guild channel), as
// the message is now. ok is false when the message has no such button,
// or it is disabled: Discord sends presses of live buttons only.
func (s *Server) Press(id, user, customID string) (payload map[string]any, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	msg := s.messages[id]
	if msg == nil || !hasButton(msg.Components, customID) {
		return nil, false
	}
	return map[string]any{
		"id": newID(), "application_id": AppID, "type": typeComponent, "token": "itoken-" + newID(), "version": 1,
		"guild_id": GuildID, "channel_id": msg.ChannelID, "member": member(user), "context": 0,
		"message": map[string]any{"id": msg.ID, "channel_id": msg.ChannelID, "content": msg.Content, "type": 0,
			"components": msg.Components, "author": map[string]any{"id": BotID, "username": BotName, "bot": true},
			"timestamp": "2026-01-01T00:00:00+00:00"},
		"data": map[string]any{"custom_id": customID, "component_type": 2},
	}, true
}

// hasButton reports whether rows hold an enabled button customID.
func hasButton(rows []any, customID string) bool {
	for _, r := range rows {
		row, _ := r.(map[string]any)
		comps, _ := row["components"].([]any)
		for _, c := range comps {
			b, _ := c.(map[string]any)
			if b["custom_id"] == customID && b["disabled"] != true {
				return true
			}
		}
	}
	return false
}

// Autocomplete returns the INTERACTION_CREATE payload Discord sends as a
// member types the question of /backcare ask in a guild channel.
func Autocomplete(channelID, userID, typed string) map[string]any {
	opt := map[string]any{"name": "ask", "type": 1, "options": []any{
		map[string]any{"name": "question", "type": 3, "value": typed, "focused": true}}}
	return map[string]any{
		"id": newID(), "application_id": AppID, "type": typeAutocomplete, "token": "itoken-" + newID(), "version": 1,
		"guild_id": GuildID, "channel_id": channelID, "member": member(userID), "locale": "en-GB", "context": 0,
		"data": map[string]any{"id": "910000000000000001", "name": "backcare", "type": 1, "options": []any{opt}},
	}
}
