package discordtest_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/backcare/backcare/internal/discord/discordtest"
)

const token = "fake-discord-token"

// connect opens a gateway session, so that Dispatch delivers.
func connect(t *testing.T, s *discordtest.Server) {
	t.Helper()
	conn, _, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(s.URL, "http")+"/gateway", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	if err := conn.WriteJSON(map[string]any{"op": 2, "d": map[string]any{"token": "Bot " + token}}); err != nil {
		t.Fatal(err)
	}
	if !s.WaitFor(5*time.Second, s.Connected) {
		t.Fatal("no session")
	}
	go func() { // drain dispatches
		for {
			if _, _, err := conn.ReadMessage(); err != nil {
				return
			}
		}
	}()
}

func respond(t *testing.T, s *discordtest.Server, p map[string]any, body string) int {
	t.Helper()
	url := s.URL + "/api/v9/interactions/" + p["id"].(string) + "/" + p["token"].(string) + "/callback"
	resp, err := http.Post(url, "application/json", bytes.NewBufferString(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestFakeEnforcesInteractionResponses(t *testing.T) {
	s := discordtest.NewServer(token)
	defer s.Close()
	connect(t, s)
	command := func() map[string]any {
		p := discordtest.SlashCommand("600", "500000000000000001", "ask", "is tens safe")
		s.Dispatch("INTERACTION_CREATE", p)
		return p
	}
	answer := `{"type":4,"data":{"content":"TENS","components":[{"type":1,"components":[{"type":2,"style":2,"label":"👍","custom_id":"fb:up:tens:abc"}]}]}}`
	p := command()
	if got := []int{respond(t, s, p, answer), respond(t, s, p, answer)}; got[0] != 204 || got[1] != 400 {
		t.Errorf("first and second responses: %v", got)
	}
	if got := respond(t, s, command(), `{"type":7,"data":{"components":[]}}`); got != 400 {
		t.Errorf("UPDATE_MESSAGE to a command: %d", got)
	}
	if got := respond(t, s, command(), `{"type":8,"data":{"choices":[]}}`); got != 400 {
		t.Errorf("choices to a command: %d", got)
	}

	ac := discordtest.Autocomplete("600", "500000000000000001", "hea")
	s.Dispatch("INTERACTION_CREATE", ac)
	var many []map[string]string
	for i := 0; i < 26; i++ {
		many = append(many, map[string]string{"name": "x", "value": "x"})
	}
	raw, _ := json.Marshal(map[string]any{"type": 8, "data": map[string]any{"choices": many}})
	if got := []int{respond(t, s, ac, `{"type":4,"data":{"content":"hi"}}`), respond(t, s, ac, string(raw)),
		respond(t, s, ac, `{"type":8,"data":{"choices":[{"name":"Ice and heat packs","value":"Ice and heat packs"}]}}`)}; got[0] != 400 || got[1] != 400 || got[2] != 204 {
		t.Errorf("autocomplete answered with a message, 26 choices, one choice: %v", got)
	}

	// A press updates the message it is on; content not sent stays.
	orig := s.Original(p["token"].(string))
	press, ok := s.Press(orig, "500000000000000001", "fb:up:tens:abc")
	if !ok {
		t.Fatal("no button to press")
	}
	s.Dispatch("INTERACTION_CREATE", press)
	if got := respond(t, s, press, `{"type":7,"data":{"components":[{"type":1,"components":[{"type":2,"style":2,"label":"ok","custom_id":"fb:done","disabled":true}]}]}}`); got != 204 {
		t.Errorf("UPDATE_MESSAGE: %d", got)
	}
	if m, _ := s.Message(orig); m.Content != "TENS" {
		t.Errorf("content after an update of components: %q", m.Content)
	}
	if _, ok := s.Press(orig, "500000000000000001", "fb:done"); ok {
		t.Error("a disabled button was pressed")
	}

	s.SetDeadline(20 * time.Millisecond)
	late := command()
	time.Sleep(40 * time.Millisecond)
	if got := respond(t, s, late, answer); got != 404 {
		t.Errorf("a response after the deadline: %d", got)
	}
}

func TestFakeChecksCommandRegistration(t *testing.T) {
	s := discordtest.NewServer(token)
	defer s.Close()
	put := func(body string) int {
		req, _ := http.NewRequest(http.MethodPut, s.URL+"/api/v9/applications/"+discordtest.AppID+"/commands", strings.NewReader(body))
		req.Header.Set("Authorization", "Bot "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	tests := map[string]int{
		`[{"name":"backcare","contexts":[0,1,2],"integration_types":[0,1]}]`: 200,
		`[{"name":"backcare","contexts":[3]}]`:                               400,
		`[{"name":"backcare","integration_types":[2]}]`:                      400,
		`[{"name":"backcare","options":[{"name":"ask","options":[{"name":"q","autocomplete":true,"choices":[{"name":"a","value":"a"}]}]}]}]`: 400,
	}
	for body, want := range tests {
		if got := put(body); got != want {
			t.Errorf("%s: %d, want %d", body, got, want)
		}
	}
}
