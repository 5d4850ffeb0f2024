package discord_test

import (
	"encoding/json"
	"log/slog"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/discord"
	"github.com/backcare/backcare/internal/discord/discordtest"
	"github.com/backcare/backcare/internal/logtest"
	"github.com/backcare/backcare/internal/match"
	"github.com/backcare/backcare/internal/ops"
	"github.com/backcare/backcare/knowledge"
)

// recorded is an engine whose feedback events the test can read, and
// whose privacy-safe message log goes to log.
type recorded struct {
	*bot.Engine
	log      *logtest.Buffer
	mu       sync.Mutex
	feedback []bot.Feedback
}

func newRecorded(t *testing.T) *recorded {
	t.Helper()
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	r := &recorded{log: &logtest.Buffer{}}
	msgLog := ops.MessageLog(slog.New(slog.NewJSONHandler(r.log, nil)), ops.NewHasher("salt"), false)
	r.Engine = bot.NewEngine(kb, match.Must(match.New(kb)), bot.Options{Limiter: bot.Unlimited{}, HelpContact: "https://example.org/talk-to-us",
		Observe: func(m bot.Message, rep bot.Reply, d time.Duration) {
			msgLog(m, rep, d)
			if rep.Feedback != nil {
				r.mu.Lock()
				r.feedback = append(r.feedback, *rep.Feedback)
				r.mu.Unlock()
			}
		}})
	return r
}

func (r *recorded) votes() []bot.Feedback {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]bot.Feedback(nil), r.feedback...)
}

// ask dispatches /backcare ask and returns the interaction's token.
func ask(channel, user, question string) string {
	p := discordtest.SlashCommand(channel, user, "ask", question)
	fake.Dispatch("INTERACTION_CREATE", p)
	return p["token"].(string)
}

// buttonsOf returns the labels and custom ids of a message's buttons.
func buttonsOf(m discordtest.Posted) map[string]string {
	out := map[string]string{}
	for _, r := range m.Components {
		row, _ := r.(map[string]any)
		comps, _ := row["components"].([]any)
		for _, c := range comps {
			b, _ := c.(map[string]any)
			label, _ := b["label"].(string)
			id, _ := b["custom_id"].(string)
			if id == "" {
				id, _ = b["url"].(string)
			}
			out[label] = id
		}
	}
	return out
}

// answered waits for the original response to the interaction token and
// returns its message.
func answered(t *testing.T, token string) discordtest.Posted {
	t.Helper()
	responded(t, token)
	// Under load a stray response (an earlier test's adapter closing) may
	// come first; the answer follows it.
	var msg discordtest.Posted
	ok := false
	fake.WaitFor(20*time.Second, func() bool {
		msg, ok = fake.Message(fake.Original(token))
		return ok
	})
	if !ok {
		t.Fatalf("no answer to %s: %+v", token, fake.Responses(token))
	}
	return msg
}

func TestRegistrationDeclaresContextsAndInstalls(t *testing.T) {
	before := len(fake.Requests("PUT", "/commands"))
	start(t, engine(t), discord.Config{})
	reqs := fake.WaitRequests("PUT", "/commands", before+1, 5*time.Second)
	if len(reqs) <= before {
		t.Fatal("commands not registered")
	}
	var cmds []struct {
		Contexts         []int `json:"contexts"`
		IntegrationTypes []int `json:"integration_types"`
		Options          []struct {
			Name    string `json:"name"`
			Options []struct {
				Name         string `json:"name"`
				Autocomplete bool   `json:"autocomplete"`
			} `json:"options"`
		} `json:"options"`
	}
	if err := json.Unmarshal(reqs[before].Raw, &cmds); err != nil || len(cmds) != 1 {
		t.Fatalf("payload: %s", reqs[before].Raw)
	}
	if !slices.Equal(cmds[0].Contexts, []int{0, 1, 2}) || !slices.Equal(cmds[0].IntegrationTypes, []int{0, 1}) {
		t.Errorf("contexts %v, integration types %v; want guild, bot DM, private channel and guild and user installs", cmds[0].Contexts, cmds[0].IntegrationTypes)
	}
	for _, o := range cmds[0].Options {
		if o.Name == "ask" && (len(o.Options) != 1 || !o.Options[0].Autocomplete) {
			t.Errorf("ask's question does not autocomplete: %+v", o)
		}
	}
}

func TestGuildRegistrationLeavesInstallsOut(t *testing.T) {
	before := len(fake.Requests("PUT", "/commands"))
	start(t, engine(t), discord.Config{GuildID: discordtest.GuildID})
	reqs := fake.WaitRequests("PUT", "/commands", before+1, 5*time.Second)
	if len(reqs) <= before {
		t.Fatal("commands not registered")
	}
	if raw := string(reqs[before].Raw); strings.Contains(raw, "integration_types") || strings.Contains(raw, "contexts") {
		t.Errorf("a server's commands declare installs (Discord reads them on global commands only): %s", raw)
	}
}

func TestAutocomplete(t *testing.T) {
	eng := engine(t)
	start(t, eng, discord.Config{})
	suggest := func(typed string) ([]string, time.Duration) {
		p := discordtest.Autocomplete("600000000000000020", "500000000000000020", typed)
		fake.Dispatch("INTERACTION_CREATE", p)
		resp := responded(t, p["token"].(string))
		if len(resp) != 1 || resp[0].Type != 8 || resp[0].Status != 204 {
			t.Fatalf("%q: responses %+v", typed, resp)
		}
		var names []string
		data, _ := resp[0].Body["data"].(map[string]any)
		choices, _ := data["choices"].([]any)
		for _, c := range choices {
			ch := c.(map[string]any)
			if ch["name"] != ch["value"] {
				t.Errorf("%q: choice %v: the value should be the title", typed, ch)
			}
			names = append(names, ch["name"].(string))
		}
		return names, resp[0].Latency
	}
	title := func(id string) string { tp, _ := eng.Knowledge().Topic(id); return tp.Title }
	tests := []struct {
		typed string
		want  string // a title among the choices; "" for none at all
	}{
		{"", title("causes-overview")},
		{"hea", title("ice-and-heat")},
		{"is tens sa", title("tens")},
		{"what helps back spas", title("relief-overview")},
		{"my back hurts and I'm bleeding", ""},
	}
	var latencies []time.Duration
	for _, tt := range tests {
		names, d := suggest(tt.typed)
		latencies = append(latencies, d)
		switch {
		case tt.want == "" && len(names) != 0:
			t.Errorf("%q: %v, want no suggestion (a danger sign is answered as written)", tt.typed, names)
		case tt.want != "" && !slices.Contains(names, tt.want):
			t.Errorf("%q: %v, want %q among them", tt.typed, names, tt.want)
		}
	}
	// A member typing a question, one keystroke after another.
	q := "why does my lower back spasm at night"
	for i := 1; i <= len(q); i++ {
		_, d := suggest(q[:i])
		latencies = append(latencies, d)
	}
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	p50, worst := latencies[len(latencies)/2], latencies[len(latencies)-1]
	t.Logf("autocomplete, dispatch to response, %d keystrokes: p50 %v, max %v", len(latencies), p50, worst)
	if worst > time.Second {
		t.Errorf("autocomplete took %v; Discord waits %v", worst, discordtest.Deadline)
	}
}

func TestFeedbackOnDiscord(t *testing.T) {
	eng := newRecorded(t)
	start(t, eng, discord.Config{})
	const ch, user = "600000000000000021", "500000000000000021"
	answer := answered(t, ask(ch, user, "is tens safe"))
	btns := buttonsOf(answer)
	up, down := btns["👍 Helpful"], btns["👎 Not helpful"]
	if up == "" || down == "" {
		t.Fatalf("no feedback buttons: %v", btns)
	}

	// A double click: both presses leave before the message changes.
	first, _ := fake.Press(answer.ID, user, up)
	second, _ := fake.Press(answer.ID, user, down)
	fake.Dispatch("INTERACTION_CREATE", first)
	resp := responded(t, first["token"].(string))
	if len(resp) != 1 || resp[0].Type != 7 || resp[0].Status != 204 {
		t.Fatalf("👍: %+v", resp)
	}
	after, _ := fake.Message(answer.ID)
	now := buttonsOf(after)
	if _, ok := now[bot.FeedbackThanks]; !ok || now["👍 Helpful"] != "" || after.Content != answer.Content || len(now) != len(btns)-1 {
		t.Errorf("after 👍 the message is %q with %v", after.Content, now)
	}
	if _, ok := fake.Press(answer.ID, user, bot.FeedbackDonePayload); ok {
		t.Error("the note of thanks can be pressed: it should be disabled")
	}
	fake.Dispatch("INTERACTION_CREATE", second)
	resp = responded(t, second["token"].(string))
	if len(resp) != 1 || resp[0].Status != 204 {
		t.Fatalf("second press: %+v", resp)
	}
	if again, _ := fake.Message(answer.ID); !slices.Equal(keys(buttonsOf(again)), keys(now)) || again.Content != after.Content {
		t.Errorf("the second press changed the message: %v", buttonsOf(again))
	}
	fake.WaitFor(5*time.Second, func() bool { return len(eng.votes()) == 2 })
	if fb := eng.votes(); len(fb) != 2 || fb[0] != (bot.Feedback{Topic: "tens", Vote: bot.VoteUp}) || !fb[1].Repeat {
		t.Errorf("feedback: %+v", fb)
	}

	// 👎 on another answer: the message updates, and an invitation to say
	// what was missing follows, for the member only, with the contact.
	other := answered(t, ask(ch, user, "can i wear heels"))
	press, _ := fake.Press(other.ID, user, buttonsOf(other)["👎 Not helpful"])
	n := len(fake.Requests("POST", "webhooks/"))
	fake.Dispatch("INTERACTION_CREATE", press)
	follow := since(fake.WaitRequests("POST", "webhooks/", n+1, 5*time.Second), n)
	if len(follow) != 1 || !strings.Contains(follow[0].Body["content"].(string), "What were you looking for?") ||
		int(follow[0].Body["flags"].(float64))&64 == 0 || !strings.Contains(string(follow[0].Raw), "https://example.org/talk-to-us") {
		t.Errorf("after 👎: %+v", follow)
	}
	if resp := fake.Responses(press["token"].(string)); len(resp) != 1 || resp[0].Type != 7 {
		t.Errorf("👎: %+v", resp)
	}
	for _, line := range strings.Split(strings.TrimSpace(eng.log.String()), "\n") {
		if strings.Contains(line, user) || strings.Contains(line, ch) {
			t.Errorf("log line with an id: %s", line)
		}
	}

	urgent := answered(t, ask(ch, user, "I fell down the stairs"))
	if len(urgent.Components) != 0 {
		t.Errorf("an urgent answer with buttons: %v", buttonsOf(urgent))
	}
}

// responded waits for the first response to the interaction with token,
// and stops the test if none comes: a slow machine under load may take a
// few seconds, a missing response is a failure, not an index panic.
func responded(t *testing.T, token string) []discordtest.Response {
	t.Helper()
	resp := fake.WaitResponses(token, 1, 20*time.Second)
	if len(resp) == 0 {
		t.Fatalf("no response to interaction %s", token)
	}
	return resp
}

func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestSendPrivately(t *testing.T) {
	start(t, engine(t), discord.Config{})
	const ch, user, closed = "600000000000000022", "500000000000000022", "500000000000000023"
	answer := answered(t, ask(ch, user, "is tens safe"))
	dm := buttonsOf(answer)["Send me this privately"]
	if dm != "dm:tens" {
		t.Fatalf("no button to continue privately: %v", buttonsOf(answer))
	}
	before := len(fake.DMs(user))
	press, _ := fake.Press(answer.ID, user, dm)
	fake.Dispatch("INTERACTION_CREATE", press)
	resp := responded(t, press["token"].(string))
	data, _ := resp[0].Body["data"].(map[string]any)
	if resp[0].Type != 4 || int(data["flags"].(float64))&64 == 0 || !strings.Contains(data["content"].(string), "direct message") {
		t.Errorf("press: %+v", resp)
	}
	fake.WaitFor(5*time.Second, func() bool { return len(fake.DMs(user)) > before })
	if dms := fake.DMs(user)[before:]; len(dms) != 1 || !strings.Contains(dms[0].Content, "**TENS") || buttonsOf(dms[0])["Send me this privately"] != "" {
		t.Errorf("direct messages: %+v", dms)
	}

	fake.CloseDMs(closed)
	press, _ = fake.Press(answer.ID, closed, dm)
	fake.Dispatch("INTERACTION_CREATE", press)
	resp = responded(t, press["token"].(string))
	data, _ = resp[0].Body["data"].(map[string]any)
	if !strings.Contains(data["content"].(string), "couldn't send you a direct message") {
		t.Errorf("DMs closed: %+v", resp)
	}

	// In a direct message with the bot, the answer is private already.
	p := discordtest.SlashCommand("600000000000000024", user, "ask", "is tens safe")
	delete(p, "guild_id")
	delete(p, "member")
	p["user"], p["context"] = map[string]any{"id": user, "username": "member"}, 1
	fake.Dispatch("INTERACTION_CREATE", p)
	if msg := answered(t, p["token"].(string)); buttonsOf(msg)["Send me this privately"] != "" {
		t.Errorf("a DM answer offers to continue privately: %v", buttonsOf(msg))
	}
}
