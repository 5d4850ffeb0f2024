package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/backcare/backcare/internal/discord/discordtest"
	"github.com/backcare/backcare/internal/logtest"
	"github.com/backcare/backcare/internal/redis/redistest"
	"github.com/backcare/backcare/internal/telegram"
	"github.com/backcare/backcare/internal/telegram/telegramtest"
	"github.com/backcare/backcare/knowledge"
)

const testToken = "987654:serve-test-token-xyz"

// serve runs `backcare serve` with args until the returned stop is called.
func serve(t *testing.T, args ...string) (stop func() (int, string)) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr logtest.Buffer
	done := make(chan int, 1)
	go func() { done <- run(ctx, append([]string{"serve"}, args...), strings.NewReader(""), &stdout, &stderr) }()
	return func() (int, string) {
		cancel()
		select {
		case code := <-done:
			return code, stderr.String()
		case <-time.After(15 * time.Second):
			t.Fatal("serve did not stop")
			return -1, ""
		}
	}
}

func TestServeTelegramLongPolling(t *testing.T) {
	srv := telegramtest.NewServer(testToken)
	defer srv.Close()
	t.Setenv("TELEGRAM_BOT_TOKEN", testToken)
	t.Setenv("TELEGRAM_API_ENDPOINT", srv.Endpoint())
	stop := serve(t, "--http-addr", "")
	srv.Push(telegramtest.Private(42, "what causes back spasms"))
	calls := srv.WaitCalls("sendMessage", 1, 10*time.Second)
	code, logs := stop()
	if len(calls) != 1 || !strings.Contains(calls[0].Params["text"], "What causes back spasms") {
		t.Fatalf("sendMessage calls: %+v\nlogs:\n%s", calls, logs)
	}
	if code != 0 {
		t.Errorf("exit %d after SIGTERM-like cancel\n%s", code, logs)
	}
	if strings.Contains(logs, testToken) || strings.Contains(logs, "what causes back spasms") {
		t.Errorf("token or message text in logs:\n%s", logs)
	}
}

func TestServeTelegramWebhook(t *testing.T) {
	srv := telegramtest.NewServer(testToken)
	defer srv.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	t.Setenv("TELEGRAM_BOT_TOKEN", testToken)
	t.Setenv("TELEGRAM_API_ENDPOINT", srv.Endpoint())
	t.Setenv("BACKCARE_TELEGRAM_WEBHOOK_SECRET", "hook_secret")
	stop := serve(t, "--http-addr", "", "--telegram-webhook-url", "https://example.org/tg", "--telegram-webhook-listen", addr)
	if c := srv.WaitCalls("setWebhook", 1, 10*time.Second); len(c) != 1 || c[0].Params["secret_token"] != "hook_secret" {
		t.Fatalf("setWebhook: %+v", c)
	}
	u := telegramtest.Private(43, "is swimming ok for my back")
	u.UpdateID = 77
	body, _ := json.Marshal(u)
	req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/telegram", bytes.NewReader(body))
	req.Header.Set(telegram.SecretHeader, "hook_secret")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	calls := srv.WaitCalls("sendMessage", 1, 10*time.Second)
	code, logs := stop()
	if resp.StatusCode != http.StatusOK || len(calls) != 1 || !strings.Contains(calls[0].Params["text"], "Exercise") {
		t.Fatalf("status %d, calls %+v\n%s", resp.StatusCode, calls, logs)
	}
	if code != 0 {
		t.Errorf("exit %d", code)
	}
}

func TestServeNeedsAToken(t *testing.T) {
	t.Setenv("TELEGRAM_BOT_TOKEN", "")
	t.Setenv("DISCORD_BOT_TOKEN", "")
	code, _, errs := runCmd(t, "", "serve")
	if code != 2 || !strings.Contains(errs, "TELEGRAM_BOT_TOKEN") || !strings.Contains(errs, "DISCORD_BOT_TOKEN") {
		t.Errorf("exit %d: %s", code, errs)
	}
}

func TestServePrintConfigMasksSecrets(t *testing.T) {
	t.Setenv("TELEGRAM_BOT_TOKEN", testToken)
	code, out, errs := runCmd(t, "", "serve", "--print-config")
	if code != 0 || strings.Contains(out, testToken) || !strings.Contains(out, "telegram-token:") || !strings.Contains(out, "******") {
		t.Errorf("exit %d\n%s%s", code, out, errs)
	}
}

// serveOps runs serve with an operations listener on a free port and
// returns its base URL.
func serveOps(t *testing.T, args ...string) (base string, logs *logtest.Buffer, stop func() int) {
	t.Helper()
	return serveOpsHooks(t, serveHooks{}, args...)
}

// serveOpsHooks is serveOps with hooks (its opsListening is replaced).
func serveOpsHooks(t *testing.T, hooks serveHooks, args ...string) (base string, logs *logtest.Buffer, stop func() int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	logs = &logtest.Buffer{}
	addrc := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() {
		hooks.opsListening = func(a net.Addr) { addrc <- a }
		done <- serveWith(ctx, append([]string{"--http-addr", "127.0.0.1:0"}, args...), io.Discard, logs, hooks)
	}()
	select {
	case a := <-addrc:
		base = "http://" + a.String()
	case err := <-done:
		t.Fatalf("serve stopped: %v\n%s", err, logs.String())
	case <-time.After(10 * time.Second):
		t.Fatal("operations listener did not start")
	}
	var once sync.Once
	code := 0
	return base, logs, func() int {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("serve: %v", err)
					code = 1
				}
			case <-time.After(15 * time.Second):
				t.Error("serve did not stop")
				code = -1
			}
		})
		return code
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestServeOperationsEndpoints(t *testing.T) {
	srv := telegramtest.NewServer(testToken)
	defer srv.Close()
	t.Setenv("TELEGRAM_BOT_TOKEN", testToken)
	t.Setenv("TELEGRAM_API_ENDPOINT", srv.Endpoint())
	base, logs, stop := serveOps(t, "--log-format", "json")
	defer stop()

	if code, body := get(t, base+"/healthz"); code != 200 || !strings.Contains(body, "ok") {
		t.Errorf("/healthz: %d %s", code, body)
	}
	waitUntil(t, "/readyz", func() bool { code, _ := get(t, base+"/readyz"); return code == 200 })

	srv.Push(telegramtest.Private(50, "can i wear high heels"))
	srv.Push(telegramtest.Private(50, "best pizza in town"))
	srv.WaitCalls("sendMessage", 2, 10*time.Second)
	srv.Fail("sendMessage", telegramtest.Fault{Status: 429, RetryAfter: 1})
	srv.Push(telegramtest.Private(51, "i am bleeding"))
	srv.WaitCalls("sendMessage", 4, 10*time.Second)

	waitUntil(t, "metrics", func() bool {
		_, m := get(t, base+"/metrics")
		return strings.Contains(m, `backcare_messages_received_total{platform="telegram"} 3`)
	})
	_, m := get(t, base+"/metrics")
	for _, want := range []string{
		`backcare_replies_total{kind="topic",platform="telegram"} 1`,
		`backcare_replies_total{kind="fallback",platform="telegram"} 1`,
		`backcare_replies_total{kind="urgent",platform="telegram"} 1`,
		`backcare_answers_total{topic="footwear"} 1`,
		`backcare_reply_duration_seconds_count{platform="telegram"} 3`,
		`backcare_platform_errors_total{method="sendMessage",platform="telegram",status="429"} 1`,
		`backcare_kb_reloads_total{result="failure"} 0`,
		`backcare_build_info{goversion=`,
		`backcare_kb_info{version="` + embeddedVersion(t) + `"} 1`,
	} {
		if !strings.Contains(m, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	// The container's HEALTHCHECK command.
	if code, out, errs := runCmd(t, "", "healthcheck", "--addr", strings.TrimPrefix(base, "http://"), "--ready"); code != 0 {
		t.Errorf("healthcheck: exit %d %s %s", code, out, errs)
	}
	if code := stop(); code != 0 {
		t.Errorf("exit %d", code)
	}
	for _, line := range strings.Split(logs.String(), "\n") {
		if strings.Contains(line, testToken) || strings.Contains(line, "high heels") || strings.Contains(line, `"50"`) {
			t.Errorf("private data in log line: %s", line)
		}
	}
	if !strings.Contains(logs.String(), `"chat":"`) {
		t.Error("per-message log lines (with hashed ids) missing")
	}
}

func TestServeTokenNeverLoggedOnLibraryErrors(t *testing.T) {
	srv := telegramtest.NewServer(testToken)
	defer srv.Close()
	t.Setenv("TELEGRAM_BOT_TOKEN", testToken)
	t.Setenv("TELEGRAM_API_ENDPOINT", srv.Endpoint())
	srv.Fail("sendMessage", telegramtest.Fault{Drop: true}, telegramtest.Fault{Drop: true})
	srv.Fail("setMyCommands", telegramtest.Fault{Drop: true}, telegramtest.Fault{Drop: true}, telegramtest.Fault{Drop: true},
		telegramtest.Fault{Drop: true}, telegramtest.Fault{Drop: true})
	_, logs, stop := serveOps(t, "--log-format", "json", "--log-level", "debug")
	srv.Push(telegramtest.Private(60, "what helps back spasms"))
	srv.WaitCalls("sendMessage", 3, 20*time.Second)
	stop()
	out := logs.String()
	if !strings.Contains(out, "<redacted>") {
		t.Fatalf("expected a redacted library error in the logs:\n%s", out)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, testToken) {
			t.Errorf("token in log line: %s", line)
		}
	}
}

func TestServeHotReload(t *testing.T) {
	srv := telegramtest.NewServer(testToken)
	defer srv.Close()
	t.Setenv("TELEGRAM_BOT_TOKEN", testToken)
	t.Setenv("TELEGRAM_API_ENDPOINT", srv.Endpoint())
	dir := t.TempDir()
	if code, out, errs := runCmd(t, "", "kb", "export", dir); code != 0 {
		t.Fatalf("kb export: %d %s %s", code, out, errs)
	}
	relief := filepath.Join(dir, "relief.yaml")
	original, _ := os.ReadFile(relief)
	watching := make(chan struct{})
	base, logs, stop := serveOpsHooks(t, serveHooks{kbWatching: func() { close(watching) }}, "--kb", dir)
	defer stop()
	select { // edits made before the watcher is registered would go unseen
	case <-watching:
	case <-time.After(10 * time.Second):
		t.Fatal("the knowledge-base watcher did not start")
	}

	ask := func(chat int64) string {
		n := len(srv.Calls("sendMessage"))
		srv.Push(telegramtest.Private(chat, "can i wear high heels"))
		calls := srv.WaitCalls("sendMessage", n+1, 10*time.Second)
		return calls[len(calls)-1].Params["text"]
	}
	if got := ask(70); !strings.Contains(got, "<b>Shoes and high heels</b>") {
		t.Fatalf("before: %s", got)
	}

	// A valid edit, written the way editors do: a new file renamed over the old.
	edited := strings.Replace(string(original), "title: Shoes and high heels", "title: Shoes, heels and your back", 1)
	tmp := relief + ".tmp"
	os.WriteFile(tmp, []byte(edited), 0o644)
	if err := os.Rename(tmp, relief); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "reload", func() bool {
		_, m := get(t, base+"/metrics")
		return strings.Contains(m, `backcare_kb_reloads_total{result="success"} 1`)
	})
	if _, m := get(t, base+"/metrics"); strings.Count(m, "backcare_kb_info{") != 1 || strings.Contains(m, `backcare_kb_info{version="`+embeddedVersion(t)+`"}`) {
		t.Errorf("backcare_kb_info after an edit should name one new version:\n%s", grepLines(m, "backcare_kb_info"))
	}
	if got := ask(71); !strings.Contains(got, "<b>Shoes, heels and your back</b>") {
		t.Errorf("after a valid edit: %s\n%s", got, logs.String())
	}

	// A broken edit: rejected with positions, and answers stay as they were.
	broken := strings.Replace(edited, "  - id: footwear\n", "  - id: footwear\n    colour: red\n", 1)
	if err := os.WriteFile(relief, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "failed reload", func() bool {
		_, m := get(t, base+"/metrics")
		return strings.Contains(m, `backcare_kb_reloads_total{result="failure"} 1`)
	})
	if !strings.Contains(logs.String(), "relief.yaml:") || !strings.Contains(logs.String(), `unknown field \"colour\" in topic`) {
		t.Errorf("positioned error not logged:\n%s", logs.String())
	}
	if got := ask(72); !strings.Contains(got, "<b>Shoes, heels and your back</b>") {
		t.Errorf("after a broken edit: %s", got)
	}
	if code, _ := get(t, base+"/readyz"); code != 200 {
		t.Errorf("not ready after a rejected reload: %d", code)
	}
}

func TestServeDiscord(t *testing.T) {
	const token = "discord.serve.test-token"
	fake := discordtest.NewServer(token)
	defer fake.Close()
	t.Setenv("TELEGRAM_BOT_TOKEN", "")
	t.Setenv("DISCORD_BOT_TOKEN", token)
	t.Setenv("DISCORD_API_BASE", fake.Base())
	t.Setenv("DISCORD_GUILD_ID", discordtest.GuildID)
	base, logs, stop := serveOps(t)
	defer stop()
	if reqs := fake.WaitRequests("PUT", "/guilds/"+discordtest.GuildID+"/commands", 1, 10*time.Second); len(reqs) != 1 {
		t.Fatalf("commands not registered:\n%s", logs.String())
	}
	waitUntil(t, "/readyz", func() bool { code, _ := get(t, base+"/readyz"); return code == 200 })
	fake.Dispatch("INTERACTION_CREATE", discordtest.SlashCommand("600000000000000100", "500000000000000100", "ask", "what helps back spasms"))
	reqs := fake.WaitRequests("POST", "/callback", 1, 10*time.Second)
	if len(reqs) != 1 {
		t.Fatalf("no interaction callback:\n%s", logs.String())
	}
	if d, _ := reqs[0].Body["data"].(map[string]any); !strings.Contains(fmt.Sprint(d["content"]), "What helps back spasms") {
		t.Errorf("answer: %v", reqs[0].Body)
	}
	waitUntil(t, "metrics", func() bool {
		_, m := get(t, base+"/metrics")
		return strings.Contains(m, `backcare_messages_received_total{platform="discord"} 1`)
	})
	if code := stop(); code != 0 {
		t.Errorf("exit %d", code)
	}
	if strings.Contains(logs.String(), token) {
		t.Error("token in logs")
	}
}

func TestServeTwoReplicasShareRedis(t *testing.T) {
	redisURL := redistest.URL(t)
	api := telegramtest.NewServer(testToken)
	defer api.Close()
	t.Setenv("TELEGRAM_BOT_TOKEN", testToken)
	t.Setenv("TELEGRAM_API_ENDPOINT", api.Endpoint())
	t.Setenv("BACKCARE_TELEGRAM_WEBHOOK_SECRET", "shared_secret")
	t.Setenv("BACKCARE_REDIS_URL", redisURL)
	t.Setenv("DISCORD_BOT_TOKEN", "")
	var hooks []string
	for i := 0; i < 2; i++ {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := ln.Addr().String()
		ln.Close()
		base, _, stop := serveOps(t, "--telegram-webhook-url", "https://bot.example.org/tg", "--telegram-webhook-listen", addr)
		defer stop()
		waitUntil(t, "replica ready", func() bool { code, _ := get(t, base+"/readyz"); return code == 200 })
		hooks = append(hooks, "http://"+addr+"/telegram")
	}
	send := func(hook string, id int, chat int64, text string) {
		u := telegramtest.Private(chat, text)
		u.UpdateID = id
		body, _ := json.Marshal(u)
		req, _ := http.NewRequest(http.MethodPost, hook, bytes.NewReader(body))
		req.Header.Set(telegram.SecretHeader, "shared_secret")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	// An update delivered to both replicas is answered once.
	send(hooks[0], 501, 8801, "can i wear heels")
	send(hooks[1], 501, 8801, "can i wear heels")
	api.WaitCalls("sendMessage", 1, 10*time.Second)
	time.Sleep(300 * time.Millisecond)
	if n := len(api.Calls("sendMessage")); n != 1 {
		t.Fatalf("answered %d times", n)
	}
	// A follow-up on the other replica uses the question's context.
	send(hooks[0], 502, 8802, "why does my lower back keep spasming")
	api.WaitCalls("sendMessage", 2, 10*time.Second)
	send(hooks[1], 503, 8802, "tell me more")
	calls := api.WaitCalls("sendMessage", 3, 10*time.Second)
	if !strings.Contains(calls[len(calls)-1].Params["text"], "<b>Exercise</b>") {
		t.Errorf("follow-up: %s", calls[len(calls)-1].Params["text"])
	}
}

func embeddedVersion(t *testing.T) string {
	t.Helper()
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return kb.Version
}

func grepLines(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// TestServeInsightsLog runs serve with the insights log under its old
// name: one line per reply, text only for the question it could not
// answer, no ids, a private file, and a report that reads it.
func TestServeInsightsLog(t *testing.T) {
	srv := telegramtest.NewServer(testToken)
	defer srv.Close()
	t.Setenv("TELEGRAM_BOT_TOKEN", testToken)
	t.Setenv("TELEGRAM_API_ENDPOINT", srv.Endpoint())
	path := filepath.Join(t.TempDir(), "insights.jsonl")
	t.Setenv("BACKCARE_UNANSWERED_LOG", path)
	stop := serve(t, "--http-addr", "")
	srv.Push(telegramtest.Private(918273, "best pizza in town"))
	srv.Push(telegramtest.Private(918273, "what causes back spasms"))
	srv.WaitCalls("sendMessage", 2, 10*time.Second)
	code, logs := stop()
	if code != 0 || !strings.Contains(logs, "is now called insights-log") {
		t.Errorf("exit %d, and the old name should bring a warning:\n%s", code, logs)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	raw, _ := os.ReadFile(path)
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2:\n%s", len(lines), raw)
	}
	var fallback, answer map[string]any
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatal(err)
		}
		switch m["kind"] {
		case "fallback":
			fallback = m
		case "topic":
			answer = m
		}
		if strings.Contains(l, "918273") || m["chat"] != nil || m["user"] != nil {
			t.Errorf("an id in the insights log: %s", l)
		}
		if m["kb_version"] != embeddedVersion(t) || m["platform"] != "telegram" {
			t.Errorf("version or platform missing: %s", l)
		}
	}
	if fallback == nil || fallback["text"] != "best pizza in town" || answer == nil || answer["text"] != nil || answer["topic"] == nil {
		t.Errorf("lines:\n%s", raw)
	}
	if code, out, errs := runCmd(t, "", "kb", "report", path); code != 0 || !strings.Contains(out, "2 replies from") {
		t.Errorf("kb report: exit %d\n%s%s", code, out, errs)
	}
}

// TestServeFeedbackAndHelpContact: a 👍 pressed on Telegram reaches the
// insights log (once: a second press is a repeat), the help contact is
// offered with the fallback, and the profile description is the
// knowledge base's welcome.
func TestServeFeedbackAndHelpContact(t *testing.T) {
	srv := telegramtest.NewServer(testToken)
	defer srv.Close()
	t.Setenv("TELEGRAM_BOT_TOKEN", testToken)
	t.Setenv("TELEGRAM_API_ENDPOINT", srv.Endpoint())
	t.Setenv("BACKCARE_HELP_CONTACT", "@GroupMods")
	path := filepath.Join(t.TempDir(), "insights.jsonl")
	stop := serve(t, "--http-addr", "", "--insights-log", path)
	srv.Push(telegramtest.Private(918274, "is tens safe"))
	srv.Push(telegramtest.Private(918275, "best pizza in town"))
	sent := srv.WaitDelivered("sendMessage", 2, 10*time.Second)
	var answer, fallback telegramtest.Call
	for _, c := range sent {
		switch c.Params["chat_id"] {
		case "918274":
			answer = c
		case "918275":
			fallback = c
		}
	}
	if !strings.Contains(fallback.Params["reply_markup"], "https://t.me/GroupMods") {
		t.Errorf("fallback without the help contact: %s", fallback.Params["reply_markup"])
	}
	var kb struct {
		Rows [][]struct {
			Text string `json:"text"`
			Data string `json:"callback_data"`
		} `json:"inline_keyboard"`
	}
	_ = json.Unmarshal([]byte(answer.Params["reply_markup"]), &kb)
	var up string
	for _, row := range kb.Rows {
		for _, b := range row {
			if strings.HasPrefix(b.Text, "👍") {
				up = b.Data
			}
		}
	}
	first, ok := srv.Press(answer.MessageID(), 918274, up)
	second, _ := srv.Press(answer.MessageID(), 918274, up)
	if !ok {
		t.Fatalf("no 👍 under the answer: %s", answer.Params["reply_markup"])
	}
	srv.PushUpdate(first)
	srv.WaitConfirmed(srv.PushUpdate(second), 10*time.Second)
	srv.WaitDelivered("answerCallbackQuery", 2, 5*time.Second)
	srv.WaitDelivered("setMyDescription", 1, 5*time.Second)
	description, _ := srv.Description()
	code, logs := stop()
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, logs)
	}
	if description != embeddedWelcome(t) {
		t.Errorf("description %q", description)
	}
	raw, _ := os.ReadFile(path)
	var votes, repeats int
	for _, l := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		if strings.Contains(l, "918274") || strings.Contains(l, "918275") {
			t.Errorf("an id in the insights log: %s", l)
		}
		switch {
		case strings.Contains(l, `"feedback":{"topic":"tens","vote":"up"}`):
			votes++
		case strings.Contains(l, `"feedback":{"topic":"tens","vote":"up","repeat":true}`):
			repeats++
		}
	}
	if votes != 1 || repeats != 1 {
		t.Errorf("%d votes and %d repeats logged, want 1 and 1:\n%s", votes, repeats, raw)
	}
	for _, line := range strings.Split(logs, "\n") {
		if strings.Contains(line, "918274") {
			t.Errorf("an id in the log: %s", line)
		}
	}
}

func embeddedWelcome(t *testing.T) string {
	t.Helper()
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return kb.Welcome
}

// TestServeRegion: the region setting reaches the engine end to end (a
// danger sign on Telegram is answered with the US number only); a region
// the knowledge base does not define stops serve with the valid ones
// named; --print-config shows it.
func TestServeRegion(t *testing.T) {
	srv := telegramtest.NewServer(testToken)
	defer srv.Close()
	t.Setenv("TELEGRAM_BOT_TOKEN", testToken)
	t.Setenv("TELEGRAM_API_ENDPOINT", srv.Endpoint())
	t.Setenv("BACKCARE_REGION", "us")
	if code, out, errs := runCmd(t, "", "serve", "--print-config"); code != 0 || !strings.Contains(out, `region:                  "us"`) {
		t.Errorf("print-config: exit %d\n%s%s", code, out, errs)
	}
	code, _, errs := runCmd(t, "", "serve", "--region", "narnia", "--http-addr", "")
	if code != 2 || !strings.Contains(errs, `region "narnia" is not defined in the knowledge base; use one of uk, us, eu, ie, au, elsewhere, or all`) {
		t.Errorf("unknown region: exit %d: %s", code, errs)
	}

	stop := serve(t, "--http-addr", "")
	srv.Push(telegramtest.Private(4242, "I'm bleeding heavily with clots"))
	calls := srv.WaitCalls("sendMessage", 1, 10*time.Second)
	code, logs := stop()
	if code != 0 || len(calls) != 1 {
		t.Fatalf("exit %d, calls %+v\n%s", code, calls, logs)
	}
	if text := calls[0].Params["text"]; !strings.Contains(text, "911") || strings.Contains(text, "999") || strings.Contains(text, "112") {
		t.Errorf("urgent reply with region us:\n%s", text)
	}
	if !strings.Contains(logs, "region=us") {
		t.Errorf("the start-up log does not name the region:\n%s", logs)
	}
}
