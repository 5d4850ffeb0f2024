package discord_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/discord"
	"github.com/backcare/backcare/internal/discord/discordtest"
	"github.com/backcare/backcare/internal/logtest"
	"github.com/backcare/backcare/internal/match"
	"github.com/backcare/backcare/knowledge"
)

const token = "MTAwMDAw.discord-test-token.abcdefghijklmnop"

// discordgo's endpoints and logger are process-global, so the tests share
// one fake Discord and run one after another.
var (
	fake *discordtest.Server
	logs = &logtest.Buffer{}
)

func TestMain(m *testing.M) {
	fake = discordtest.NewServer(token)
	discord.SetAPIBase(fake.Base())
	discord.InstallLogger(slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})), token)
	code := m.Run()
	fake.Close()
	if strings.Contains(logs.String(), token) {
		os.Stderr.WriteString("the bot token appears in the logs\n")
		code = 1
	}
	os.Exit(code)
}

func engine(t testing.TB) *bot.Engine {
	t.Helper()
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return bot.NewEngine(kb, match.Must(match.New(kb)), bot.Options{Limiter: bot.Unlimited{}})
}

type running struct {
	a      *discord.Adapter
	cancel context.CancelFunc
	done   chan error
	once   sync.Once
}

func start(t *testing.T, h discord.Handler, cfg discord.Config) *running {
	t.Helper()
	cfg.Token = token
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{a: discord.New(cfg, h), cancel: cancel, done: make(chan error, 1)}
	go func() { r.done <- r.a.Run(ctx) }()
	t.Cleanup(func() { r.stop(t) })
	select {
	case <-r.a.Ready():
	case err := <-r.done:
		t.Fatalf("adapter stopped: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("adapter not ready")
	}
	return r
}

func (r *running) stop(t *testing.T) {
	r.once.Do(func() {
		r.cancel()
		select {
		case err := <-r.done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(15 * time.Second):
			t.Error("adapter did not stop")
		}
	})
}

// since returns the requests after the first n.
func since(reqs []discordtest.Request, n int) []discordtest.Request { return reqs[n:] }

// about returns the requests that answer the interaction in payload (an
// INTERACTION_CREATE's data), whatever else an earlier test's late reply
// added to the fake's log.
func about(reqs []discordtest.Request, payload map[string]any) []discordtest.Request {
	var out []discordtest.Request
	for _, r := range reqs {
		if strings.Contains(r.Path, "interactions/"+payload["id"].(string)+"/") {
			out = append(out, r)
		}
	}
	return out
}

func dataOf(t *testing.T, r discordtest.Request) map[string]any {
	t.Helper()
	if d, ok := r.Body["data"].(map[string]any); ok {
		return d
	}
	return r.Body
}

func checkNoMentions(t *testing.T, body map[string]any) {
	t.Helper()
	am, ok := body["allowed_mentions"].(map[string]any)
	if !ok {
		t.Errorf("no allowed_mentions in %v", body)
		return
	}
	if p, _ := am["parse"].([]any); len(p) != 0 {
		t.Errorf("allowed_mentions.parse = %v, want none", am["parse"])
	}
}

func TestCommandRegistration(t *testing.T) {
	before := len(fake.Requests("PUT", "/commands"))
	start(t, engine(t), discord.Config{GuildID: discordtest.GuildID})
	reqs := fake.WaitRequests("PUT", "/commands", before+1, 5*time.Second)
	if len(reqs) <= before {
		t.Fatal("commands not registered")
	}
	r := reqs[before]
	if r.Path != "applications/"+discordtest.AppID+"/guilds/"+discordtest.GuildID+"/commands" {
		t.Errorf("registered at %s", r.Path)
	}
	var cmds []map[string]any
	if err := json.Unmarshal(r.Raw, &cmds); err != nil || len(cmds) != 1 || cmds[0]["name"] != "backcare" {
		t.Fatalf("payload: %s", r.Raw)
	}
	subs := map[string]bool{}
	for _, o := range cmds[0]["options"].([]any) {
		opt := o.(map[string]any)
		subs[opt["name"].(string)] = true
		if opt["name"] == "ask" {
			q := opt["options"].([]any)[0].(map[string]any)
			if q["name"] != "question" || q["required"] != true || q["type"].(float64) != 3 {
				t.Errorf("ask option: %v", q)
			}
		}
	}
	for _, s := range []string{"ask", "causes", "tips", "doctor", "about"} {
		if !subs[s] {
			t.Errorf("subcommand %s missing", s)
		}
	}
	if ids := fake.Identifies(); ids[len(ids)-1]["intents"].(float64) != 1 {
		t.Errorf("intents %v: without DISCORD_MESSAGE_CONTENT only GUILDS is requested", ids[len(ids)-1]["intents"])
	}
}

func TestGlobalRegistrationWithoutGuild(t *testing.T) {
	before := len(fake.Requests("PUT", "/commands"))
	start(t, engine(t), discord.Config{})
	reqs := fake.WaitRequests("PUT", "/commands", before+1, 5*time.Second)
	if len(reqs) <= before || reqs[before].Path != "applications/"+discordtest.AppID+"/commands" {
		t.Fatalf("global registration: %+v", reqs)
	}
}

func TestSlashAskButtonsAndUrgent(t *testing.T) {
	start(t, engine(t), discord.Config{})
	n := len(fake.Requests("POST", "/callback"))
	fake.Dispatch("INTERACTION_CREATE", discordtest.SlashCommand("600000000000000001", "500000000000000001", "ask", "does a belly band help my back?"))
	reqs := since(fake.WaitRequests("POST", "/callback", n+1, 5*time.Second), n)
	if len(reqs) != 1 || reqs[0].Body["type"].(float64) != 4 {
		t.Fatalf("callback: %+v", reqs)
	}
	d := dataOf(t, reqs[0])
	if !strings.Contains(d["content"].(string), "**Support belts**") {
		t.Errorf("content: %v", d["content"])
	}
	comps, _ := d["components"].([]any)
	if len(comps) == 0 {
		t.Fatal("no buttons")
	}
	btn := comps[0].(map[string]any)["components"].([]any)[0].(map[string]any)
	checkNoMentions(t, d)

	n = len(fake.Requests("POST", "/callback"))
	fake.Dispatch("INTERACTION_CREATE", discordtest.ButtonPress("600000000000000001", "500000000000000001", btn["custom_id"].(string)))
	reqs = since(fake.WaitRequests("POST", "/callback", n+1, 5*time.Second), n)
	if len(reqs) != 1 || !strings.Contains(dataOf(t, reqs[0])["content"].(string), "**"+btn["label"].(string)+"**") {
		t.Errorf("button press answered with %+v", reqs)
	}

	n = len(fake.Requests("POST", "/callback"))
	fake.Dispatch("INTERACTION_CREATE", discordtest.SlashCommand("600000000000000001", "500000000000000001", "ask", "I fell down the stairs"))
	reqs = since(fake.WaitRequests("POST", "/callback", n+1, 5*time.Second), n)
	d = dataOf(t, reqs[0])
	if !strings.Contains(d["content"].(string), "midwife") || len(d["components"].([]any)) != 0 {
		t.Errorf("urgent: %v", d)
	}

	n = len(fake.Requests("POST", "/callback"))
	fake.Dispatch("INTERACTION_CREATE", discordtest.SlashCommand("600000000000000001", "500000000000000001", "about", ""))
	reqs = since(fake.WaitRequests("POST", "/callback", n+1, 5*time.Second), n)
	if !strings.Contains(dataOf(t, reqs[0])["content"].(string), "Birmingham") {
		t.Errorf("/backcare about: %v", dataOf(t, reqs[0])["content"])
	}
}

func TestEphemeralAsk(t *testing.T) {
	start(t, engine(t), discord.Config{Ephemeral: true})
	n := len(fake.Requests("POST", "/callback"))
	fake.Dispatch("INTERACTION_CREATE", discordtest.SlashCommand("600000000000000002", "500000000000000002", "ask", "is tens safe"))
	reqs := since(fake.WaitRequests("POST", "/callback", n+1, 5*time.Second), n)
	if f, _ := dataOf(t, reqs[0])["flags"].(float64); int(f)&64 == 0 {
		t.Errorf("ask answer not ephemeral: flags %v", dataOf(t, reqs[0])["flags"])
	}
}

func TestMentionsAndDMs(t *testing.T) {
	start(t, engine(t), discord.Config{MessageContent: true})
	if ids := fake.Identifies(); int(ids[len(ids)-1]["intents"].(float64))&(1<<15) == 0 {
		t.Error("Message Content intent not requested")
	}
	ch := "600000000000000003"
	n := len(fake.Requests("POST", "channels/"+ch))
	fake.Dispatch("MESSAGE_CREATE", discordtest.Message(discordtest.GuildID, ch, "500000000000000003", "hello everyone, my back hurts", false))
	fake.Dispatch("MESSAGE_CREATE", discordtest.Message(discordtest.GuildID, ch, "500000000000000003", "<@"+discordtest.BotID+"> @everyone what helps back spasms", true))
	reqs := since(fake.WaitRequests("POST", "channels/"+ch, n+1, 5*time.Second), n)
	time.Sleep(100 * time.Millisecond)
	if len(fake.Requests("POST", "channels/"+ch)) != n+1 {
		t.Errorf("a channel message without a mention was answered")
	}
	body := reqs[0].Body
	if !strings.Contains(body["content"].(string), "What helps back spasms") || body["message_reference"] == nil {
		t.Errorf("mention reply: %v", body)
	}
	checkNoMentions(t, body)

	dm := "600000000000000004"
	n = len(fake.Requests("POST", "channels/"+dm))
	fake.Dispatch("MESSAGE_CREATE", discordtest.Message("", dm, "500000000000000004", "why does my upper back hurt", false))
	reqs = since(fake.WaitRequests("POST", "channels/"+dm, n+1, 5*time.Second), n)
	if len(reqs) != 1 || !strings.Contains(reqs[0].Body["content"].(string), "Upper back") {
		t.Errorf("DM reply: %+v", reqs)
	}
}

// longReply makes every answer longer than one Discord message.
type longReply struct{ discord.Handler }

func (l longReply) Handle(ctx context.Context, m bot.Message) bot.Reply {
	r := l.Handler.Handle(ctx, m)
	for i := 0; i < 3; i++ {
		r.Blocks = append(r.Blocks, bot.Block{Kind: bot.Paragraph, Text: strings.Repeat("Gentle stretching every day can help. ", 25)})
	}
	return r
}

func TestLongAnswerIsSplit(t *testing.T) {
	start(t, longReply{engine(t)}, discord.Config{})
	n, f := len(fake.Requests("POST", "/callback")), len(fake.Requests("POST", "webhooks/"))
	fake.Dispatch("INTERACTION_CREATE", discordtest.SlashCommand("600000000000000005", "500000000000000005", "tips", ""))
	fake.WaitRequests("POST", "/callback", n+1, 5*time.Second)
	fake.WaitFor(5*time.Second, func() bool { // until the part with the buttons arrives
		for _, r := range since(fake.Requests("POST", "webhooks/"), f) {
			if c, _ := r.Body["components"].([]any); len(c) > 0 {
				return true
			}
		}
		return false
	})
	follow := since(fake.Requests("POST", "webhooks/"), f)
	first := dataOf(t, since(fake.Requests("POST", "/callback"), n)[0])
	total := len([]rune(first["content"].(string)))
	if total > discord.MaxMessageLength || len(follow) == 0 {
		t.Fatalf("first part %d characters, %d follow-ups", total, len(follow))
	}
	for _, r := range follow {
		if c := len([]rune(r.Body["content"].(string))); c > discord.MaxMessageLength {
			t.Errorf("follow-up of %d characters", c)
		}
		checkNoMentions(t, r.Body)
	}
	if comps, _ := follow[len(follow)-1].Body["components"].([]any); len(comps) == 0 {
		t.Error("buttons belong on the last part")
	}
}

// slow makes the engine miss the deferral deadline.
type slow struct{ discord.Handler }

func (s slow) Handle(ctx context.Context, m bot.Message) bot.Reply {
	time.Sleep(400 * time.Millisecond)
	return s.Handler.Handle(ctx, m)
}

func TestDeferredWhenSlow(t *testing.T) {
	start(t, slow{engine(t)}, discord.Config{DeferAfter: 100 * time.Millisecond, Ephemeral: true})
	n, f := len(fake.Requests("POST", "/callback")), len(fake.Requests("POST", "webhooks/"))
	sent := time.Now()
	fake.Dispatch("INTERACTION_CREATE", discordtest.SlashCommand("600000000000000006", "500000000000000006", "ask", "what causes back spasms"))
	cb := since(fake.WaitRequests("POST", "/callback", n+1, 5*time.Second), n)
	if len(cb) != 1 || cb[0].Body["type"].(float64) != 5 || cb[0].At.Sub(sent) > time.Second {
		t.Fatalf("deferred callback: %+v", cb)
	}
	if f, _ := dataOf(t, cb[0])["flags"].(float64); int(f)&64 == 0 {
		t.Error("the deferral must carry the ephemeral flag")
	}
	follow := since(fake.WaitRequests("POST", "webhooks/", f+1, 5*time.Second), f)
	if len(follow) != 1 || !strings.Contains(follow[0].Body["content"].(string), "What causes back spasms") {
		t.Fatalf("follow-up: %+v", follow)
	}
	if !strings.HasPrefix(follow[0].Path, "webhooks/"+discordtest.AppID+"/itoken-") {
		t.Errorf("follow-up path %s", follow[0].Path)
	}
}

func TestReconnectAfterDroppedConnection(t *testing.T) {
	start(t, engine(t), discord.Config{})
	resumes := fake.Resumes()
	identifies := len(fake.Identifies())
	fake.DropConnection()
	if !fake.WaitFor(20*time.Second, func() bool {
		return fake.Connected() && (fake.Resumes() > resumes || len(fake.Identifies()) > identifies)
	}) {
		t.Fatal("did not reconnect")
	}
	n := len(fake.Requests("POST", "/callback"))
	fake.Dispatch("INTERACTION_CREATE", discordtest.SlashCommand("600000000000000007", "500000000000000007", "ask", "can i wear heels"))
	reqs := since(fake.WaitRequests("POST", "/callback", n+1, 5*time.Second), n)
	if len(reqs) != 1 || !strings.Contains(dataOf(t, reqs[0])["content"].(string), "heels") {
		t.Fatalf("after reconnect: %+v", reqs)
	}
}

// exploding panics on one question.
type exploding struct{ discord.Handler }

func (e exploding) Handle(ctx context.Context, m bot.Message) bot.Reply {
	if m.Arg == "boom" {
		panic("handler exploded on purpose")
	}
	return e.Handler.Handle(ctx, m)
}

func TestPanicDoesNotKillTheSession(t *testing.T) {
	start(t, exploding{engine(t)}, discord.Config{})
	boom := discordtest.SlashCommand("600000000000000008", "500000000000000008", "ask", "boom")
	ask := discordtest.SlashCommand("600000000000000008", "500000000000000008", "ask", "what helps back spasms")
	fake.Dispatch("INTERACTION_CREATE", boom)
	fake.Dispatch("INTERACTION_CREATE", ask)
	var reqs []discordtest.Request
	for deadline := time.Now().Add(5 * time.Second); len(reqs) < 2 && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		all := fake.Requests("POST", "/callback")
		reqs = append(about(all, boom), about(all, ask)...)
	}
	if len(reqs) != 2 || !strings.Contains(dataOf(t, reqs[0])["content"].(string), "something went wrong") ||
		!strings.Contains(dataOf(t, reqs[1])["content"].(string), "What helps back spasms") {
		t.Fatalf("after a panic: %+v", reqs)
	}
	if !strings.Contains(logs.String(), "handler panicked") {
		t.Errorf("panic not logged")
	}
}

func TestDisallowedIntentIsExplained(t *testing.T) {
	fake.CloseNextIdentify(4014)
	cfg := discord.Config{Token: token, MessageContent: true, Logger: slog.New(slog.NewTextHandler(logs, nil))}
	a := discord.New(cfg, engine(t))
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	deadline := time.Now().Add(3 * time.Second)
	for !strings.Contains(logs.String(), "DISCORD_MESSAGE_CONTENT=false") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	<-done
	if !strings.Contains(logs.String(), "close 4014") || !strings.Contains(logs.String(), "DISCORD_MESSAGE_CONTENT=false") {
		t.Errorf("no clear 4014 log line:\n%s", logs.String())
	}
}

func TestShutdownFinishesRepliesInFlight(t *testing.T) {
	r := start(t, slow{engine(t)}, discord.Config{DeferAfter: 2 * time.Second})
	ask := discordtest.SlashCommand("600000000000000009", "500000000000000009", "ask", "what helps back spasms")
	fake.Dispatch("INTERACTION_CREATE", ask)
	time.Sleep(100 * time.Millisecond) // the engine is working on it
	r.stop(t)
	if reqs := about(fake.Requests("POST", "/callback"), ask); len(reqs) != 1 {
		t.Errorf("reply in flight lost or doubled: %d callbacks: %+v", len(reqs), reqs)
	}
}
