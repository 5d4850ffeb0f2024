package telegram_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/backcare/backcare/internal/lease"
	"github.com/backcare/backcare/internal/listener"
	"github.com/backcare/backcare/internal/logtest"
	"github.com/backcare/backcare/internal/telegram"
	"github.com/backcare/backcare/internal/telegram/telegramtest"
)

// questions and the heading of each one's answer, to check order.
var questions = []struct{ q, heading string }{
	{"what helps back spasms", "What helps back spasms"},
	{"is tens safe", "TENS"},
	{"can i wear heels", "Shoes and high heels"},
	{"what causes back spasms", "What causes back spasms"},
	{"is swimming good for my back", "Exercise"},
}

// maxIn returns the most calls within any span of per.
func maxIn(calls []telegramtest.Call, per time.Duration) int {
	best := 0
	for i := range calls {
		n := 0
		for j := i; j < len(calls) && calls[j].At.Sub(calls[i].At) < per; j++ {
			n++
		}
		best = max(best, n)
	}
	return best
}

// checkChat checks that chat got exactly the answers to qs, in order.
func checkChat(t *testing.T, h *harness, chat int64, qs []int) {
	t.Helper()
	var got []telegramtest.Call
	for _, c := range h.sentTo(chat) {
		if c.OK() {
			got = append(got, c)
		}
	}
	if len(got) != len(qs) {
		t.Errorf("chat %d: %d replies delivered, want %d", chat, len(got), len(qs))
		return
	}
	for i, q := range qs {
		if !strings.Contains(got[i].Params["text"], questions[q].heading) {
			t.Errorf("chat %d: reply %d is not the answer to %q", chat, i, questions[q].q)
		}
	}
}

func TestBurstStaysWithinLimits(t *testing.T) {
	h := start(t, engine(t), func(c *telegram.Config) { c.MaxInFlight = 400 })
	const private, perChat, group, inGroup = 50, 5, -1000, 50
	want := map[int64][]int{}
	began := time.Now()
	for i := 0; i < perChat; i++ {
		for c := int64(1); c <= private; c++ {
			q := int((c + int64(i)) % int64(len(questions)))
			h.srv.Push(telegramtest.Private(3000+c, questions[q].q))
			want[3000+c] = append(want[3000+c], q)
		}
		for k := 0; k < inGroup/perChat; k++ {
			q := (i + k) % len(questions)
			h.srv.Push(telegramtest.Group(group, int64(100+k), "@"+telegramtest.BotUsername+" "+questions[q].q))
			want[group] = append(want[group], q)
		}
	}
	total := private*perChat + inGroup
	h.srv.WaitFor(30*time.Second, func() bool { return len(h.srv.Delivered("sendMessage")) >= total })
	drained := time.Since(began)
	calls := h.srv.Calls("sendMessage")
	limited := 0
	for _, c := range calls {
		if c.Status == http.StatusTooManyRequests {
			limited++
		}
	}
	t.Logf("burst of %d questions (%d chats, one group with %d): drained in %v with Telegram's limits scaled down 50 times "+
		"(≈ %v at the real limits), %d calls, %d answered 429", total, private, inGroup, drained.Round(time.Millisecond),
		(drained * 50).Round(time.Second), len(calls), limited)
	if limited > 0 {
		t.Errorf("the fake answered 429 %d times", limited)
	}
	for chat, qs := range want {
		checkChat(t, h, chat, qs)
		if n := maxIn(h.sentTo(chat), fast.Chat.Per); n > fast.Chat.N {
			t.Errorf("chat %d: %d messages within %v", chat, n, fast.Chat.Per)
		}
	}
	if n := maxIn(h.sentTo(group), fast.Group.Per); n > fast.Group.N {
		t.Errorf("group: %d messages within %v", n, fast.Group.Per)
	}
	if n := maxIn(calls, fast.Global.Per); n > fast.Global.N {
		t.Errorf("overall: %d messages within %v", n, fast.Global.Per)
	}
}

func TestOutageThenEveryReplyOnce(t *testing.T) {
	// Two minutes of 502 and a five-minute retry window, scaled down 60
	// times.
	const scale = 60
	outage := 2 * time.Minute / scale
	h := start(t, engine(t), func(c *telegram.Config) { c.Send.RetryWindow = 5 * time.Minute / scale })
	h.srv.FailFor("sendMessage", outage, telegramtest.Fault{Status: http.StatusBadGateway, RawBody: "<html>502 Bad Gateway</html>"})
	began := time.Now()
	want := map[int64][]int{}
	for i := 0; i < 4; i++ {
		for c := int64(1); c <= 20; c++ {
			q := int(c+int64(i)) % len(questions)
			h.srv.Push(telegramtest.Private(4000+c, questions[q].q))
			want[4000+c] = append(want[4000+c], q)
		}
	}
	if !h.srv.WaitFor(20*time.Second, func() bool { return len(h.srv.Delivered("sendMessage")) >= 80 }) {
		t.Fatalf("%d of 80 replies delivered", len(h.srv.Delivered("sendMessage")))
	}
	last := h.srv.Delivered("sendMessage")[79].At
	time.Sleep(100 * time.Millisecond)
	failed := len(h.srv.Calls("sendMessage")) - len(h.srv.Delivered("sendMessage"))
	t.Logf("502 for %v (2 min scaled 1/%d): all 80 replies delivered %v after the outage ended, %d failed attempts retried",
		outage, scale, last.Sub(began.Add(outage)).Round(time.Millisecond), failed)
	for chat, qs := range want {
		checkChat(t, h, chat, qs)
	}
	if !h.srv.WaitFor(5*time.Second, func() bool { return h.srv.Confirmed() > 80 }) {
		t.Errorf("updates not confirmed after delivery: offset %d", h.srv.Confirmed())
	}
}

func TestOneLimitedChatDoesNotHoldUpOthers(t *testing.T) {
	h := start(t, engine(t), nil)
	const limited = 5000
	h.srv.FailChat(limited, telegramtest.Fault{Status: http.StatusTooManyRequests, RetryAfter: 2})
	h.srv.Push(telegramtest.Private(limited, "what helps back spasms"))
	h.srv.WaitFor(5*time.Second, func() bool { return len(h.sentTo(limited)) > 0 })
	pushed := map[int64]time.Time{}
	for c := int64(1); c <= 60; c++ {
		pushed[5000+c] = time.Now()
		h.srv.Push(telegramtest.Private(5000+c, questions[c%5].q))
		time.Sleep(15 * time.Millisecond)
	}
	h.srv.WaitFor(10*time.Second, func() bool { return len(h.srv.Delivered("sendMessage")) >= 61 })
	var lat []time.Duration
	for chat, at := range pushed {
		if got := h.sentTo(chat); len(got) == 1 && got[0].OK() {
			lat = append(lat, got[0].At.Sub(at))
		} else {
			t.Errorf("chat %d: %d replies", chat, len(got))
		}
	}
	slices.Sort(lat)
	got := h.sentTo(limited)
	if len(got) != 2 || !got[1].OK() || got[1].At.Sub(got[0].At) < 2*time.Second {
		t.Errorf("limited chat: %d calls; retry_after=2 must be waited out in full", len(got))
	}
	if len(lat) == 0 {
		return
	}
	p50, p99 := lat[len(lat)/2], lat[(len(lat)*99)/100]
	t.Logf("other chats while one waits out retry_after=2s: latency p50 %v, p99 %v (%d chats)", p50.Round(time.Millisecond), p99.Round(time.Millisecond), len(lat))
	if p99 > time.Second {
		t.Errorf("other chats held up: p99 %v", p99)
	}
}

func TestGetUpdatesRefused(t *testing.T) {
	t.Run("401 stops the adapter", func(t *testing.T) {
		t.Parallel()
		h := start(t, engine(t), nil)
		h.srv.FailFor("getUpdates", time.Hour, telegramtest.Fault{Status: http.StatusUnauthorized})
		h.srv.Push(telegramtest.Private(6000, "hello")) // wakes the long poll
		select {
		case err := <-h.done:
			h.done <- err
			if err != nil {
				t.Errorf("Run: %v (other adapters must keep running)", err)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("the adapter did not stop on 401")
		}
		polls := h.srv.Polls()
		time.Sleep(500 * time.Millisecond)
		lines := strings.Count(h.logs.String(), "401 Unauthorized")
		t.Logf("401 on getUpdates: %d getUpdates calls, %d log lines about it", h.srv.Polls(), lines)
		if h.srv.Polls() != polls || lines != 1 {
			t.Errorf("after 401: %d more calls, %d log lines", h.srv.Polls()-polls, lines)
		}
		if err := h.a.Check(); err == nil || !strings.Contains(err.Error(), "401") {
			t.Errorf("readiness after 401: %v", err)
		}
	})
	t.Run("409 backs off", func(t *testing.T) {
		t.Parallel()
		h := start(t, engine(t), func(c *telegram.Config) { c.Retry.Refused = 0 }) // the default, 10 s
		before := h.srv.Polls()
		window := 10 * time.Second
		h.srv.FailFor("getUpdates", window, telegramtest.Fault{Status: http.StatusConflict})
		h.srv.Push(telegramtest.Private(6001, "what helps back spasms"))
		time.Sleep(window)
		calls := h.srv.Polls() - before
		warns := strings.Count(h.logs.String(), "level=WARN") - strings.Count(h.logs.String(), "level=WARN msg=\"the platform")
		t.Logf("409 on getUpdates for %v: %d getUpdates calls, %d warnings", window, calls, warns)
		if calls > 6 || warns > 3 {
			t.Errorf("409 for %v: %d calls and %d warnings; want a handful", window, calls, warns)
		}
		h.waitSent(t, 6001, 1) // polling resumes once the conflict ends
	})
}

func TestRestartMidRetryWithSharedLeases(t *testing.T) {
	// Replica one cannot deliver chat A's reply (502 until it stops); the
	// other chats' updates are settled above it. A second process sharing
	// the lease store (as with Redis) answers A and skips the rest.
	srv := telegramtest.NewServer(token)
	srv.SetLimits(fast)
	defer srv.Close()
	leases := lease.NewMemory()
	run := func(logs *logtest.Buffer) (stop func()) {
		cfg := telegram.Config{Token: token, Endpoint: srv.Endpoint(), PollTimeout: time.Second,
			ShutdownTimeout: 500 * time.Millisecond, Leases: leases, LeaseTTL: 300 * time.Millisecond,
			Retry: telegram.Retry{Base: 20 * time.Millisecond, Max: 100 * time.Millisecond}, Send: sendConfig(fast),
			Logger: slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))}
		a := telegram.New(cfg, engine(t))
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { _ = a.Run(ctx); close(done) }()
		<-a.Ready()
		return func() {
			stopped := time.Now()
			cancel()
			<-done
			if d := time.Since(stopped); d > cfg.ShutdownTimeout+200*time.Millisecond {
				t.Errorf("shutdown took %v, budget %v", d, cfg.ShutdownTimeout)
			}
		}
	}
	srv.FailChat(7000, slices.Repeat([]telegramtest.Fault{{Status: http.StatusBadGateway}}, 1000)...)
	stop := run(&logtest.Buffer{})
	a := srv.Push(telegramtest.Private(7000, "what helps back spasms"))
	for c := int64(1); c <= 5; c++ {
		srv.Push(telegramtest.Private(7000+c, "is tens safe"))
	}
	srv.WaitFor(5*time.Second, func() bool { return len(srv.Delivered("sendMessage")) >= 5 })
	if srv.Confirmed() > a {
		t.Fatalf("update %d confirmed before its reply was delivered", a)
	}
	stop()
	srv.ClearChat(7000)
	logs := &logtest.Buffer{}
	stop = run(logs)
	defer stop()
	srv.WaitFor(5*time.Second, func() bool { return len(srv.Delivered("sendMessage")) >= 6 })
	srv.WaitFor(2*time.Second, func() bool { return srv.Confirmed() > a+5 })
	for c := int64(0); c <= 5; c++ {
		n := 0
		for _, call := range srv.Delivered("sendMessage") {
			if call.Params["chat_id"] == strconv.FormatInt(7000+c, 10) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("chat %d answered %d times", 7000+c, n)
		}
	}
	if !strings.Contains(logs.String(), "update already handled") {
		t.Error("the second process did not skip the settled updates")
	}
}

func postUpdate(t *testing.T, url, secret string, u any) (int, time.Duration) {
	t.Helper()
	body, _ := json.Marshal(u)
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	req.Header.Set(telegram.SecretHeader, secret)
	began := time.Now()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode, time.Since(began)
}

func TestWebhookAnswersAfterHandling(t *testing.T) {
	ln, addr := webhookListener(t)
	h := start(t, engine(t), func(c *telegram.Config) {
		c.Webhook = &telegram.Webhook{URL: "https://bot.example.org/tg", Listener: ln, Path: "/tg", Secret: "s", Wait: 300 * time.Millisecond}
	})
	h.srv.WaitCalls("setWebhook", 1, webhookWait)
	url := "http://" + addr + "/tg"
	h.srv.Delay("sendMessage", 200*time.Millisecond)
	u := telegramtest.Private(8000, "what helps back spasms")
	u.UpdateID = 8000
	code, took := postUpdate(t, url, "s", u)
	if code != http.StatusOK || len(h.sentTo(8000)) != 1 || took < 200*time.Millisecond {
		t.Fatalf("status %d after %v with %d replies: the webhook must answer once the reply is sent", code, took, len(h.sentTo(8000)))
	}

	// Slower than Webhook.Wait: 503, so Telegram sends it again; the retry
	// joins the handling, and nothing is sent twice.
	h.srv.Delay("sendMessage", 700*time.Millisecond)
	u = telegramtest.Private(8001, "is tens safe")
	u.UpdateID = 8001
	var codes []int
	for i := 0; i < 4 && (len(codes) == 0 || codes[len(codes)-1] != http.StatusOK); i++ {
		code, _ := postUpdate(t, url, "s", u)
		codes = append(codes, code)
	}
	if codes[0] != http.StatusServiceUnavailable || codes[len(codes)-1] != http.StatusOK || len(h.sentTo(8001)) != 1 {
		t.Errorf("statuses %v, %d replies", codes, len(h.sentTo(8001)))
	}
	t.Logf("slow send: Telegram's deliveries answered %v, the reply sent %d time(s)", codes, len(h.sentTo(8001)))
}

func TestEditedMessages(t *testing.T) {
	h := start(t, engine(t), nil)
	tests := []struct {
		name   string
		u      func() tgbotapi.Update
		chat   int64
		urgent bool
	}{
		{"private edit with a danger sign", func() tgbotapi.Update {
			return telegramtest.Edited(telegramtest.Private(9001, "my back hurts and I am bleeding"))
		}, 9001, true},
		{"private edit without one", func() tgbotapi.Update {
			return telegramtest.Edited(telegramtest.Private(9002, "what helps back spasms"))
		}, 9002, false},
		{"group edit addressed to the bot", func() tgbotapi.Update {
			return telegramtest.Edited(telegramtest.Group(-9003, 5, "@"+telegramtest.BotUsername+" my waters broke"))
		}, -9003, true},
		{"group edit not for the bot", func() tgbotapi.Update { return telegramtest.Edited(telegramtest.Group(-9004, 5, "my waters broke")) }, -9004, false},
	}
	for _, tt := range tests {
		id := h.srv.Push(tt.u())
		h.srv.WaitConfirmed(id, 5*time.Second)
		got := h.sentTo(tt.chat)
		switch {
		case tt.urgent && (len(got) != 1 || !strings.Contains(got[0].Params["text"], "⚠️")):
			t.Errorf("%s: %d replies, want the urgent one", tt.name, len(got))
		case !tt.urgent && len(got) != 0:
			t.Errorf("%s: answered (%d replies), want silence", tt.name, len(got))
		}
	}
	if strings.Contains(h.logs.String(), "only read text") {
		t.Error("an edit got the \"I read text\" note")
	}
}

func TestWebhookClosesIdleConnections(t *testing.T) {
	ln, addr := webhookListener(t)
	h := start(t, engine(t), func(c *telegram.Config) {
		c.Webhook = &telegram.Webhook{URL: "https://bot.example.org/tg", Listener: ln, Path: "/tg", Secret: "s",
			Limits: listener.Limits{IdleTimeout: 200 * time.Millisecond}}
	})
	h.srv.WaitCalls("setWebhook", 1, webhookWait)
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprint(c, "POST /tg HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}")
	buf := make([]byte, 4096)
	if _, err := c.Read(buf); err != nil {
		t.Fatal(err)
	}
	_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, err := c.Read(buf); err != io.EOF {
		t.Errorf("an idle connection was not closed: %v", err)
	}
}

// flakyLocks is a lease.Store that fails while failing is set, as a
// replica's view of Redis does in a network blip.
type flakyLocks struct {
	lease.Store
	failing atomic.Bool
}

var errStoreDown = errors.New("store not answering")

func (f *flakyLocks) Acquire(ctx context.Context, key, owner string, ttl time.Duration) (lease.Status, error) {
	if f.failing.Load() {
		return lease.Held, errStoreDown
	}
	return f.Store.Acquire(ctx, key, owner, ttl)
}

func (f *flakyLocks) Renew(ctx context.Context, key, owner string, ttl time.Duration) (bool, error) {
	if f.failing.Load() {
		return false, errStoreDown
	}
	return f.Store.Renew(ctx, key, owner, ttl)
}

// TestPollerLockWhenItsStoreFails: a standby that cannot reach the lock's
// store never polls (two pollers would answer alike updates twice), and
// the poller that cannot renew stops before its lease lapses, so that the
// standby takes over alone.
func TestPollerLockWhenItsStoreFails(t *testing.T) {
	srv := telegramtest.NewServer(token)
	shared, updates := lease.NewMemory(), lease.NewMemory()
	lockA, lockB := &flakyLocks{Store: shared}, &flakyLocks{Store: shared}
	const ttl = 400 * time.Millisecond
	replica := func(lock lease.Store) func(*telegram.Config) {
		return func(c *telegram.Config) { c.Leases, c.PollerLock, c.LeaseTTL = updates, lock, ttl }
	}
	a := startOn(t, srv, engine(t), replica(lockA))
	srv.WaitFor(5*time.Second, func() bool { return srv.Polls() > 0 })
	lockB.failing.Store(true)
	b := startOn(t, srv, engine(t), replica(lockB))

	ask := func(from, to int64) {
		t.Helper()
		for c := from; c < to; c++ {
			srv.Push(telegramtest.Private(c, "is tens safe"))
		}
		srv.WaitFor(10*time.Second, func() bool { return len(srv.Delivered("sendMessage")) >= int(to-8000) })
	}
	ask(8000, 8010)
	time.Sleep(3 * ttl) // long enough for a standby that took the lock to poll
	if !b.waitLog("not polling until it does") {
		t.Errorf("the standby did not say why it waits:\n%s", b.logs.String())
	}
	if strings.Contains(b.logs.String(), "took over polling") || srv.Conflicts() > 0 {
		t.Fatalf("the standby polled while the lock's store failed (%d conflicts)", srv.Conflicts())
	}

	// Now the poller loses the store and the standby gets it back.
	lockB.failing.Store(false)
	lockA.failing.Store(true)
	if !b.waitLog("took over polling") {
		t.Fatalf("the standby did not take over:\n%s", b.logs.String())
	}
	if !strings.Contains(a.logs.String(), "stopping polling before it lapses") {
		t.Errorf("the poller did not stop:\n%s", a.logs.String())
	}
	ask(8010, 8020)
	for c := int64(8000); c < 8020; c++ {
		if n := len(a.sentTo(c)); n != 1 {
			t.Errorf("chat %d answered %d times", c, n)
		}
	}
	if n := srv.Conflicts(); n > 1 { // the standby's first poll may end the old one's last
		t.Errorf("%d getUpdates conflicts: two pollers at once", n)
	}
}
