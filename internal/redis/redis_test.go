package redis_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/lease"
	"github.com/backcare/backcare/internal/lease/leasetest"
	"github.com/backcare/backcare/internal/match"
	"github.com/backcare/backcare/internal/redis"
	"github.com/backcare/backcare/internal/redis/redistest"
	"github.com/backcare/backcare/internal/telegram"
	"github.com/backcare/backcare/internal/telegram/telegramtest"
	"github.com/backcare/backcare/knowledge"
)

// replica is one Backcare process's state and engine.
type replica struct {
	state  *redis.State
	engine *bot.Engine
	errors atomic.Int64
}

func newReplica(t *testing.T, url string, tweak func(*redis.Options)) *replica {
	t.Helper()
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	r := &replica{}
	o := redis.Options{URL: url, Prefix: "test:" + t.Name() + ":", Logger: slog.New(slog.DiscardHandler),
		Breaker: 200 * time.Millisecond, OnError: func(string) { r.errors.Add(1) }}
	if tweak != nil {
		tweak(&o)
	}
	r.state, err = redis.Open(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.state.Close() })
	r.engine = bot.NewEngine(kb, match.Must(match.New(kb)), bot.Options{
		Contexts: r.state.Contexts(), Limiter: r.state.Limiter(), Locker: r.state.Locker()})
	return r
}

func msg(chat, text string) bot.Message {
	return bot.Message{Platform: "test", ChatID: chat, UserID: "u-" + chat, Addressed: true, Text: text}
}

func TestRateLimitIsShared(t *testing.T) {
	url := redistest.URL(t)
	tweak := func(o *redis.Options) { o.RateBurst, o.RateEvery = 3, time.Hour }
	a, b := newReplica(t, url, tweak), newReplica(t, url, tweak)
	allowed := 0
	for i := 0; i < 10; i++ {
		r := a
		if i%2 == 1 {
			r = b
		}
		ok, err := r.state.Limiter().Allow(context.Background(), "telegram:42")
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			allowed++
		}
	}
	if allowed != 3 {
		t.Errorf("two replicas allowed %d messages of a burst of 3", allowed)
	}
	if ok, _ := a.state.Limiter().Allow(context.Background(), "telegram:43"); !ok {
		t.Error("another user is limited too")
	}
}

func TestFollowUpOnTheOtherReplica(t *testing.T) {
	url := redistest.URL(t)
	a, b := newReplica(t, url, nil), newReplica(t, url, nil)
	ctx := context.Background()
	first := a.engine.Handle(ctx, msg("c1", "why does my lower back keep spasming"))
	if first.TopicID != "lower-back-causes" {
		t.Fatalf("question: %s", first.TopicID)
	}
	more := b.engine.Handle(ctx, msg("c1", "tell me more"))
	if more.Kind != bot.KindAnswer || more.TopicID != "exercise" {
		t.Errorf("follow-up on the other replica: %s %s (want the first related topic, exercise)", more.Kind, more.TopicID)
	}
	if strings.Contains(more.Text(), b.engine.Knowledge().Disclaimer) {
		t.Error("the disclaimer was repeated: the other replica did not see the chat's context")
	}
}

func TestChatLockSerialises(t *testing.T) {
	url := redistest.URL(t)
	a, b := newReplica(t, url, nil), newReplica(t, url, nil)
	ctx := context.Background()
	unlock, err := a.state.Locker().Lock(ctx, "telegram:7")
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan time.Time, 1)
	go func() {
		if u, err := b.state.Locker().Lock(ctx, "telegram:7"); err == nil {
			got <- time.Now()
			u()
		}
	}()
	time.Sleep(150 * time.Millisecond)
	released := time.Now()
	unlock()
	select {
	case at := <-got:
		if at.Before(released) {
			t.Error("the second replica took the lock while the first held it")
		}
	case <-time.After(3 * time.Second):
		t.Fatal("the lock was not handed over")
	}
}

// webhookListener opens a listener on a free loopback port for a webhook
// (see telegram.Webhook.Listener) and returns it with its address.
func webhookListener(t *testing.T) (net.Listener, string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	return ln, ln.Addr().String()
}

// webhookReplica runs a Telegram adapter in webhook mode for r.
func webhookReplica(t *testing.T, r *replica, api *telegramtest.Server) string {
	t.Helper()
	ln, addr := webhookListener(t)
	ad := telegram.New(telegram.Config{Token: api.Token, Endpoint: api.Endpoint(), Leases: r.state.Leases(),
		Logger:  slog.New(slog.DiscardHandler),
		Webhook: &telegram.Webhook{URL: "https://bot.example.org/tg", Listener: ln, Path: "/tg", Secret: "s"}}, r.engine)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ad.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	<-ad.Ready()
	for deadline := time.Now().Add(5 * time.Second); ad.Check() != nil && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond) // the webhook is registered
	}
	return "http://" + addr + "/tg"
}

func post(t *testing.T, url string, u any) {
	t.Helper()
	body, _ := json.Marshal(u)
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	req.Header.Set(telegram.SecretHeader, "s")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("webhook: %d", resp.StatusCode)
	}
}

func TestTwoWebhookReplicasAnswerOnce(t *testing.T) {
	url := redistest.URL(t)
	api := telegramtest.NewServer("1:replicas")
	defer api.Close()
	a, b := newReplica(t, url, nil), newReplica(t, url, nil)
	urlA, urlB := webhookReplica(t, a, api), webhookReplica(t, b, api)

	// Telegram retries an update on another replica: answered once.
	u := telegramtest.Private(31, "what helps back spasms")
	u.UpdateID = 9001
	var wg sync.WaitGroup
	for _, url := range []string{urlA, urlB, urlA} {
		wg.Add(1)
		go func() { defer wg.Done(); post(t, url, u) }()
	}
	wg.Wait()
	api.WaitDelivered("sendMessage", 1, 5*time.Second)
	time.Sleep(300 * time.Millisecond)
	if n := len(api.Delivered("sendMessage")); n != 1 {
		t.Fatalf("a duplicated update was answered %d times", n)
	}

	// The follow-up reaches the other replica and uses the context.
	q := telegramtest.Private(32, "why does my lower back keep spasming")
	q.UpdateID = 9002
	post(t, urlA, q)
	api.WaitDelivered("sendMessage", 2, 5*time.Second)
	f := telegramtest.Private(32, "tell me more")
	f.UpdateID = 9003
	post(t, urlB, f)
	calls := api.WaitDelivered("sendMessage", 3, 5*time.Second)
	if len(calls) != 3 || !strings.Contains(calls[2].Params["text"], "<b>Exercise</b>") {
		t.Errorf("follow-up on the other replica: %q", calls[len(calls)-1].Params["text"])
	}
}

func TestRedisOutageFallsBackAndRecovers(t *testing.T) {
	srv := redistest.Start(t)
	a, b := newReplica(t, srv.URL(), nil), newReplica(t, srv.URL(), nil)
	ctx := context.Background()
	a.engine.Handle(ctx, msg("c9", "can i wear heels"))

	srv.Stop()
	for i, q := range []string{"what helps back spasms", "is tens safe", "I'm bleeding", "tell me more"} {
		start := time.Now()
		r := b.engine.Handle(ctx, msg("c9", q))
		if r.Silent() || len(r.Text()) == 0 {
			t.Errorf("message %d during the outage: no reply", i)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("message %d took %v during the outage", i, d)
		}
	}
	if b.errors.Load() == 0 {
		t.Error("Redis errors were not counted")
	}

	srv.Restart()
	time.Sleep(300 * time.Millisecond) // the breaker closes
	deadline := time.Now().Add(5 * time.Second)
	for {
		first := a.engine.Handle(ctx, msg("c10", "why does my lower back keep spasming"))
		more := b.engine.Handle(ctx, msg("c10", "tell me more"))
		if first.TopicID == "lower-back-causes" && more.TopicID == "exercise" {
			break // shared context works again
		}
		if time.Now().After(deadline) {
			t.Fatalf("shared state did not resume: %s then %s", first.TopicID, more.TopicID)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func TestLeasesInRedis(t *testing.T) {
	url := redistest.URL(t)
	t.Run("with fallback", func(t *testing.T) { leasetest.Contract(t, newReplica(t, url, nil).state.Leases()) })
	t.Run("strict", func(t *testing.T) { leasetest.Contract(t, newReplica(t, url, nil).state.StrictLeases()) })
}

// TestStrictLeasesDuringAnOutage: while Redis is down, the leases on
// updates answer from this process's memory, and the strict ones (the
// lock on polling) fail, so that a standby replica does not take the lock
// from its own memory and poll alongside the one polling.
func TestStrictLeasesDuringAnOutage(t *testing.T) {
	srv := redistest.Start(t)
	r := newReplica(t, srv.URL(), nil)
	ctx := context.Background()
	if st, err := r.state.StrictLeases().Acquire(ctx, "poller", "a", time.Minute); err != nil || st != lease.Acquired {
		t.Fatalf("before the outage: %v, %v", st, err)
	}
	srv.Stop()
	if st, err := r.state.StrictLeases().Acquire(ctx, "poller", "b", time.Minute); err == nil {
		t.Errorf("strict lease during the outage: %v, want an error", st)
	}
	if ok, err := r.state.StrictLeases().Renew(ctx, "poller", "a", time.Minute); err == nil {
		t.Errorf("strict renew during the outage: %v, want an error", ok)
	}
	if st, err := r.state.Leases().Acquire(ctx, "update:1", "b", time.Minute); err != nil || st != lease.Acquired {
		t.Errorf("lease with fallback during the outage: %v, %v; want acquired from memory", st, err)
	}
	srv.Restart()
	deadline := time.Now().Add(5 * time.Second)
	for {
		// The restarted Redis kept nothing: the lock is free.
		st, err := r.state.StrictLeases().Acquire(ctx, "poller", "b", time.Minute)
		if err == nil {
			if st != lease.Acquired {
				t.Errorf("after the outage: %v, want acquired", st)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("strict leases did not resume: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestForgetOnEveryReplica: a chat forgotten on one replica (its member
// blocked the bot) has no context on the other.
func TestForgetOnEveryReplica(t *testing.T) {
	url := redistest.URL(t)
	a, b := newReplica(t, url, nil), newReplica(t, url, nil)
	ctx := context.Background()
	if r := a.engine.Handle(ctx, msg("forget", "why does my lower back keep spasming")); r.TopicID != "lower-back-causes" {
		t.Fatalf("first: %s", r.TopicID)
	}
	if err := b.engine.Forget(ctx, msg("forget", "")); err != nil {
		t.Fatal(err)
	}
	if r := a.engine.Handle(ctx, msg("forget", "tell me more")); r.Kind != bot.KindInfo {
		t.Errorf("after Forget on the other replica: %s %s, want the no-context prompt", r.Kind, r.TopicID)
	}
}
