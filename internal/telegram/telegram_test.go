package telegram_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/logtest"
	"github.com/backcare/backcare/internal/match"
	"github.com/backcare/backcare/internal/outbound"
	"github.com/backcare/backcare/internal/telegram"
	"github.com/backcare/backcare/internal/telegram/telegramtest"
	"github.com/backcare/backcare/knowledge"
)

const token = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz"

func engine(t testing.TB) *bot.Engine {
	t.Helper()
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return bot.NewEngine(kb, match.Must(match.New(kb)), bot.Options{Limiter: bot.Unlimited{}})
}

type harness struct {
	a      *telegram.Adapter
	srv    *telegramtest.Server
	logs   *logtest.Buffer
	cancel context.CancelFunc
	done   chan error
}

// fast are Telegram's limits scaled down 50 times, for the fake and the
// adapter alike, so tests run fast.
var fast = telegramtest.Limits{
	Chat:   telegramtest.Window{N: 1, Per: 20 * time.Millisecond},
	Group:  telegramtest.Window{N: 20, Per: 1200 * time.Millisecond},
	Global: telegramtest.Window{N: 30, Per: 20 * time.Millisecond},
}

// sendConfig returns the adapter's scheduler configuration for limits l.
func sendConfig(l telegramtest.Limits) outbound.Config {
	return outbound.Config{
		Chat:    outbound.Limit{N: l.Chat.N, Per: l.Chat.Per},
		Group:   outbound.Limit{N: l.Group.N, Per: l.Group.Per},
		Global:  outbound.Limit{N: l.Global.N, Per: l.Global.Per},
		Backoff: 20 * time.Millisecond, MaxBackoff: 200 * time.Millisecond,
	}
}

// start runs the adapter against a fake Bot API until the test ends.
func start(t *testing.T, h telegram.Handler, tweak func(*telegram.Config)) *harness {
	t.Helper()
	return startOn(t, telegramtest.NewServer(token), h, tweak)
}

// startOn is start with a fake Bot API the test prepared.
func startOn(t *testing.T, srv *telegramtest.Server, h telegram.Handler, tweak func(*telegram.Config)) *harness {
	t.Helper()
	srv.SetLimits(fast)
	t.Cleanup(srv.Close)
	logs := &logtest.Buffer{}
	cfg := telegram.Config{
		Token: token, Endpoint: srv.Endpoint(), PollTimeout: time.Second,
		Retry:  telegram.Retry{Base: 20 * time.Millisecond, Max: 200 * time.Millisecond},
		Send:   sendConfig(fast),
		Logger: slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	}
	if tweak != nil {
		tweak(&cfg)
	}
	ctx, cancel := context.WithCancel(context.Background())
	a := telegram.New(cfg, h)
	hs := &harness{a: a, srv: srv, logs: logs, cancel: cancel, done: make(chan error, 1)}
	go func() { hs.done <- a.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-hs.done:
		case <-time.After(15 * time.Second):
			t.Error("adapter did not stop")
		}
		if strings.Contains(logs.String(), token) {
			t.Errorf("the bot token appears in the logs:\n%s", logs.String())
		}
	})
	select {
	case <-a.Ready():
	case err := <-hs.done:
		t.Fatalf("adapter stopped: %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("adapter did not connect")
	}
	return hs
}

// sentTo returns the texts sent to chat.
func (h *harness) sentTo(chat int64) []telegramtest.Call {
	var out []telegramtest.Call
	for _, c := range h.srv.Calls("sendMessage") {
		if c.Params["chat_id"] == strconv.FormatInt(chat, 10) {
			out = append(out, c)
		}
	}
	return out
}

func (h *harness) waitSent(t *testing.T, chat int64, n int) []telegramtest.Call {
	t.Helper()
	h.srv.WaitFor(10*time.Second, func() bool { return len(h.sentTo(chat)) >= n })
	got := h.sentTo(chat)
	if len(got) < n {
		t.Fatalf("chat %d: %d messages sent, want %d", chat, len(got), n)
	}
	return got
}

func keyboard(t *testing.T, c telegramtest.Call) tgbotapi.InlineKeyboardMarkup {
	t.Helper()
	var kb tgbotapi.InlineKeyboardMarkup
	if rm := c.Params["reply_markup"]; rm != "" {
		if err := json.Unmarshal([]byte(rm), &kb); err != nil {
			t.Fatal(err)
		}
	}
	return kb
}

func TestPrivateQuestionIsAnswered(t *testing.T) {
	h := start(t, engine(t), nil)
	if cmds := h.srv.WaitCalls("setMyCommands", 1, 5*time.Second); len(cmds) == 0 || !strings.Contains(cmds[0].Params["commands"], `"tips"`) {
		t.Errorf("commands not registered: %+v", cmds)
	}
	if len(h.srv.WaitCalls("deleteWebhook", 1, 5*time.Second)) == 0 {
		t.Error("polling must remove any webhook first")
	}
	pushed := time.Now()
	h.srv.Push(telegramtest.Private(100, "can I use a heating pad on my back <script>?"))
	got := h.waitSent(t, 100, 1)
	t.Logf("update to reply: %v (long-poll wake-up, matching and sendMessage)", got[0].At.Sub(pushed))
	c := got[0]
	if c.Params["parse_mode"] != "HTML" || !strings.Contains(c.Params["text"], "<b>Ice and heat packs</b>") {
		t.Errorf("reply: %+v", c.Params)
	}
	kb := keyboard(t, c)
	if len(kb.InlineKeyboard) == 0 || !strings.HasPrefix(*kb.InlineKeyboard[0][0].CallbackData, "topic:") {
		t.Errorf("no related-topic buttons: %+v", kb)
	}
}

func TestGroupRules(t *testing.T) {
	h := start(t, engine(t), nil)
	id := h.srv.Push(telegramtest.Group(-200, 7, "my back hurts what helps"))
	if !h.srv.WaitConfirmed(id, 5*time.Second) {
		t.Fatal("group message not processed")
	}
	if n := len(h.sentTo(-200)); n != 0 {
		t.Fatalf("answered a group message that was not for the bot (%d messages)", n)
	}

	h.srv.Push(telegramtest.Group(-200, 7, "@"+telegramtest.BotUsername+" what helps back spasms"))
	got := h.waitSent(t, -200, 1)
	if !strings.Contains(got[0].Params["text"], "What helps back spasms") || got[0].Params["reply_to_message_id"] == "" {
		t.Errorf("mention: %+v", got[0].Params)
	}

	h.srv.Push(telegramtest.ReplyToBot(-200, 7, "and what about heels?"))
	got = h.waitSent(t, -200, 2)
	if !strings.Contains(got[1].Params["text"], "Shoes and high heels") {
		t.Errorf("reply to bot: %s", got[1].Params["text"])
	}

	h.srv.Push(telegramtest.Group(-200, 7, "/tips@"+telegramtest.BotUsername))
	got = h.waitSent(t, -200, 3)
	if !strings.Contains(got[2].Params["text"], "What helps back spasms") {
		t.Errorf("/tips@bot: %s", got[2].Params["text"])
	}

	id = h.srv.Push(telegramtest.Group(-200, 7, "/tips@some_other_bot"))
	h.srv.Push(telegramtest.Group(-200, 7, "/ask@"+telegramtest.BotUsername+" is tens safe"))
	got = h.waitSent(t, -200, 4)
	if len(got) != 4 || !strings.Contains(got[3].Params["text"], "TENS") {
		t.Errorf("another bot's command was answered, or /ask was not: %d messages", len(got))
	}

	sticker := telegramtest.Group(-200, 7, "")
	sticker.Message.Sticker = &tgbotapi.Sticker{FileID: "x"}
	id = h.srv.Push(sticker)
	h.srv.WaitConfirmed(id, 5*time.Second)
	if n := len(h.sentTo(-200)); n != 4 {
		t.Errorf("sticker in a group answered")
	}
}

func TestPrivateNonTextGetsANote(t *testing.T) {
	h := start(t, engine(t), nil)
	u := telegramtest.Private(300, "")
	u.Message.Voice = &tgbotapi.Voice{FileID: "v"}
	h.srv.Push(u)
	if got := h.waitSent(t, 300, 1); !strings.Contains(got[0].Params["text"], "only read text") {
		t.Errorf("voice note: %s", got[0].Params["text"])
	}
}

func TestButtonPress(t *testing.T) {
	h := start(t, engine(t), nil)
	h.srv.Push(telegramtest.Button(400, 400, bot.TopicPayload("acupuncture")))
	got := h.waitSent(t, 400, 1)
	if !strings.Contains(got[0].Params["text"], "<b>Acupuncture</b>") {
		t.Errorf("button answer: %s", got[0].Params["text"])
	}
	if acks := h.srv.Calls("answerCallbackQuery"); len(acks) != 1 || !strings.HasPrefix(acks[0].Params["callback_query_id"], "cq-") {
		t.Errorf("callback query not answered: %+v", acks)
	}
}

func TestRedFlagIsUrgentAndAlone(t *testing.T) {
	h := start(t, engine(t), nil)
	h.srv.Push(telegramtest.Private(500, "my waters broke and my back hurts"))
	got := h.waitSent(t, 500, 1)
	if !strings.Contains(got[0].Params["text"], "Contact your midwife or maternity unit now") || got[0].Params["reply_markup"] != "" {
		t.Errorf("urgent reply: %+v", got[0].Params)
	}
}

func TestRetries(t *testing.T) {
	h := start(t, engine(t), nil)

	h.srv.Fail("sendMessage", telegramtest.Fault{Status: 429, RetryAfter: 1})
	pushed := time.Now()
	h.srv.Push(telegramtest.Private(600, "what helps back spasms"))
	got := h.waitSent(t, 600, 2)
	if waited := got[1].At.Sub(got[0].At); waited < time.Second {
		t.Errorf("retried %v after a 429 with retry_after=1", waited)
	}
	t.Logf("429: delivered %v after the update", got[1].At.Sub(pushed))

	h.srv.Fail("sendMessage", telegramtest.Fault{Status: 502, RawBody: "<html>Bad Gateway</html>"}, telegramtest.Fault{Status: 500})
	h.srv.Push(telegramtest.Private(601, "what helps back spasms"))
	got = h.waitSent(t, 601, 3)
	if len(got) != 3 {
		t.Errorf("5xx: %d attempts, want 3", len(got))
	}
	if !strings.Contains(h.logs.String(), "retrying") {
		t.Error("retries not logged")
	}

	// A permanent error (403: the user blocked the bot) is not retried and
	// does not stop the loop.
	h.srv.Fail("sendMessage", telegramtest.Fault{Status: 403})
	h.srv.Push(telegramtest.Private(602, "what helps"))
	last := h.srv.Push(telegramtest.Private(603, "what helps"))
	h.srv.WaitConfirmed(last, 10*time.Second) // acknowledged only after both were handled
	h.waitSent(t, 603, 1)
	if n := len(h.sentTo(602)); n != 1 {
		t.Errorf("403 tried %d times, want 1", n)
	}
}

func TestHostileMessages(t *testing.T) {
	h := start(t, engine(t), nil)
	h.srv.Push(telegramtest.Private(700, strings.Repeat("my back hurts so much ", 455)+"!"))
	h.srv.Push(telegramtest.Private(701, "\xff\xfe back \xc3\x28 spasm <b>&"))
	for _, chat := range []int64{700, 701} {
		got := h.waitSent(t, chat, 1)
		if n := len([]rune(got[0].Params["text"])); n == 0 || n > telegram.MaxMessageLength {
			t.Errorf("chat %d: reply of %d characters", chat, n)
		}
	}
}

// panicky panics on one message, to check a poisoned update is skipped.
type panicky struct{ telegram.Handler }

func (p panicky) Handle(ctx context.Context, m bot.Message) bot.Reply {
	if m.Text == "poison" {
		panic("handler exploded on purpose")
	}
	return p.Handler.Handle(ctx, m)
}

func TestPoisonedUpdateIsSkipped(t *testing.T) {
	h := start(t, panicky{engine(t)}, nil)
	h.srv.Push(telegramtest.Private(800, "poison"))
	h.srv.Push(telegramtest.Private(800, "what helps back spasms"))
	h.waitSent(t, 800, 1)
	logs := h.logs.String()
	if !strings.Contains(logs, "panicked") || strings.Contains(logs, "poison\"") {
		t.Errorf("panic not logged, or logged with the message text:\n%s", logs)
	}
}

func TestShutdownDeliversRepliesInFlight(t *testing.T) {
	h := start(t, engine(t), nil)
	h.srv.Delay("sendMessage", 700*time.Millisecond)
	id := h.srv.Push(telegramtest.Private(900, "what helps back spasms"))
	h.srv.WaitFor(5*time.Second, func() bool { return len(h.srv.Calls("sendMessage")) > 0 })
	h.cancel()
	select {
	case err := <-h.done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return")
	}
	h.done <- nil // for the cleanup
	if len(h.sentTo(900)) != 1 {
		t.Fatal("reply lost")
	}
	if !strings.Contains(h.logs.String(), "stopped") {
		t.Error("no stop log")
	}
	if h.srv.Confirmed() <= id {
		t.Errorf("update %d not acknowledged on the way out (confirmed %d): it would be answered again after a restart", id, h.srv.Confirmed())
	}
}

func TestTokenNeverLogged(t *testing.T) {
	// An endpoint that refuses connections makes the library fail with an
	// error that embeds the request URL, token included.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	logs := &logtest.Buffer{}
	a := telegram.New(telegram.Config{Token: token, Endpoint: "http://" + addr + "/bot%s/%s",
		Retry:  telegram.Retry{Base: 10 * time.Millisecond, Max: 20 * time.Millisecond},
		Logger: slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))}, engine(t))
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	if err := a.Run(ctx); err != nil {
		t.Fatal(err)
	}
	out := logs.String()
	if !strings.Contains(out, "connection refused") || !strings.Contains(out, "<redacted>") {
		t.Fatalf("expected redacted connection errors in the logs:\n%s", out)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, token) || strings.Contains(line, "TEST-token") {
			t.Errorf("token in log line: %s", line)
		}
	}
}

func TestWrongTokenStopsWithAClearError(t *testing.T) {
	srv := telegramtest.NewServer("the-right-token")
	defer srv.Close()
	a := telegram.New(telegram.Config{Token: token, Endpoint: srv.Endpoint(), Logger: slog.New(slog.DiscardHandler)}, engine(t))
	err := a.Run(context.Background())
	if err == nil || !strings.Contains(err.Error(), "TELEGRAM_BOT_TOKEN") || strings.Contains(err.Error(), token) {
		t.Errorf("err = %v", err)
	}
}

// webhookWait bounds the wait for the adapter's setWebhook call: it comes
// after the engine is built, which under -race on a busy 2-core machine
// (.ci/run testing every package at once) has taken more than 5 s. The
// wait ends as soon as the call arrives.
const webhookWait = 20 * time.Second

// webhookListener opens a listener on a free loopback port for a webhook
// (see Webhook.Listener) and returns it with its address.
func webhookListener(t *testing.T) (net.Listener, string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	return ln, ln.Addr().String()
}

func TestWebhook(t *testing.T) {
	ln, addr := webhookListener(t)
	h := start(t, engine(t), func(c *telegram.Config) {
		c.Webhook = &telegram.Webhook{URL: "https://bot.example.org/telegram", Listener: ln, Path: "/telegram", Secret: "s3cret_value"}
	})
	calls := h.srv.WaitCalls("setWebhook", 1, webhookWait)
	if len(calls) != 1 || calls[0].Params["secret_token"] != "s3cret_value" || calls[0].Params["url"] != "https://bot.example.org/telegram" {
		t.Fatalf("setWebhook: %+v", calls)
	}
	post := func(secret string, body string) int {
		req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/telegram", strings.NewReader(body))
		if secret != "" {
			req.Header.Set(telegram.SecretHeader, secret)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	u := telegramtest.Private(1000, "is swimming good for my back")
	u.UpdateID = 5001
	body, _ := json.Marshal(u)
	if code := post("wrong", string(body)); code != http.StatusUnauthorized {
		t.Errorf("wrong secret: %d", code)
	}
	if code := post("", string(body)); code != http.StatusUnauthorized {
		t.Errorf("no secret: %d", code)
	}
	if code := post("s3cret_value", "{not json"); code != http.StatusBadRequest {
		t.Errorf("malformed body: %d", code)
	}
	start := time.Now()
	if code := post("s3cret_value", string(body)); code != http.StatusOK {
		t.Fatalf("valid update: %d", code)
	}
	if code := post("s3cret_value", string(body)); code != http.StatusOK { // Telegram retrying
		t.Fatalf("repeated update: %d", code)
	}
	got := h.waitSent(t, 1000, 1)
	t.Logf("webhook receipt to sendMessage: %v", got[0].At.Sub(start))
	if !strings.Contains(got[0].Params["text"], "Exercise") {
		t.Errorf("webhook answer: %s", got[0].Params["text"])
	}
	time.Sleep(200 * time.Millisecond)
	if n := len(h.sentTo(1000)); n != 1 {
		t.Errorf("a retried update was answered %d times", n)
	}
}

func TestConcurrentChatsKeepOrder(t *testing.T) {
	h := start(t, engine(t), func(c *telegram.Config) { c.Workers = 4 })
	questions := []string{"what helps back spasms", "is tens safe", "can i wear heels", "what causes back spasms"}
	for chat := int64(1); chat <= 6; chat++ {
		for _, q := range questions {
			h.srv.Push(telegramtest.Private(2000+chat, q))
		}
	}
	for chat := int64(1); chat <= 6; chat++ {
		got := h.waitSent(t, 2000+chat, len(questions))
		want := []string{"What helps back spasms", "TENS", "Shoes and high heels", "What causes back spasms"}
		for i, w := range want {
			if !strings.Contains(got[i].Params["text"], "<b>"+w) {
				t.Errorf("chat %d message %d: %s", chat, i, fmt.Sprint(got[i].Params["text"][:40]))
			}
		}
	}
}
