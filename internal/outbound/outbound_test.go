package outbound_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/backcare/backcare/internal/outbound"
)

func quiet() *slog.Logger { return slog.New(slog.DiscardHandler) }

func TestParseLimit(t *testing.T) {
	tests := []struct {
		in   string
		want outbound.Limit
		bad  bool
	}{
		{"30/1s", outbound.Limit{N: 30, Per: time.Second}, false},
		{"20/1m", outbound.Limit{N: 20, Per: time.Minute}, false},
		{" 1/250ms ", outbound.Limit{N: 1, Per: 250 * time.Millisecond}, false},
		{"", outbound.Limit{}, false},
		{"0/1s", outbound.Limit{}, true},
		{"30", outbound.Limit{}, true},
		{"30/often", outbound.Limit{}, true},
		{"x/1s", outbound.Limit{}, true},
	}
	for _, tt := range tests {
		var l outbound.Limit
		err := l.UnmarshalText([]byte(tt.in))
		if (err != nil) != tt.bad || l != tt.want {
			t.Errorf("%q: %v, %v", tt.in, l, err)
		}
		if err == nil {
			var back outbound.Limit
			if err := back.UnmarshalText([]byte(l.String())); err != nil || back != l {
				t.Errorf("%q does not round-trip: %q", tt.in, l.String())
			}
		}
	}
}

// recorder is a fake platform that records when each send arrived.
type recorder struct {
	mu    sync.Mutex
	at    map[string][]time.Time
	order map[string][]int
}

func (r *recorder) call(chat string, n int) func(context.Context) error {
	return func(context.Context) error {
		r.mu.Lock()
		defer r.mu.Unlock()
		if r.at == nil {
			r.at, r.order = map[string][]time.Time{}, map[string][]int{}
		}
		r.at[chat] = append(r.at[chat], time.Now())
		r.order[chat] = append(r.order[chat], n)
		return nil
	}
}

// maxIn returns the most sends within any span of per.
func maxIn(times []time.Time, per time.Duration) int {
	best := 0
	for i := range times {
		n := 0
		for j := i; j < len(times) && times[j].Sub(times[i]) < per; j++ {
			n++
		}
		best = max(best, n)
	}
	return best
}

func TestLimitsAndOrder(t *testing.T) {
	cfg := outbound.Config{
		Chat:   outbound.Limit{N: 1, Per: 40 * time.Millisecond},
		Group:  outbound.Limit{N: 3, Per: 200 * time.Millisecond},
		Global: outbound.Limit{N: 10, Per: 100 * time.Millisecond},
		Logger: quiet(),
	}
	s := outbound.New(cfg)
	rec := &recorder{}
	var wg sync.WaitGroup
	start := time.Now()
	for c := 0; c < 6; c++ {
		chat := fmt.Sprint(c)
		d := outbound.Dest{Key: chat, Chat: chat, Group: c == 0}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; n < 5; n++ {
				if err := s.Send(context.Background(), d, rec.call(chat, n)); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	t.Logf("30 sends in %v", time.Since(start))
	var all []time.Time
	for chat, times := range rec.at {
		if got := maxIn(times, cfg.Chat.Per); got > 1 {
			t.Errorf("chat %s: %d sends within %v", chat, got, cfg.Chat.Per)
		}
		for i, n := range rec.order[chat] {
			if n != i {
				t.Errorf("chat %s: order %v", chat, rec.order[chat])
				break
			}
		}
		all = append(all, times...)
	}
	if got := maxIn(rec.at["0"], cfg.Group.Per); got > 3 {
		t.Errorf("group: %d sends within %v", got, cfg.Group.Per)
	}
	sortTimes(all)
	if got := maxIn(all, cfg.Global.Per); got > 10 {
		t.Errorf("global: %d sends within %v", got, cfg.Global.Per)
	}
}

func sortTimes(ts []time.Time) {
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && ts[j].Before(ts[j-1]); j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}

func TestRetryAfterPausesOnlyThatChat(t *testing.T) {
	s := outbound.New(outbound.Config{Logger: quiet(), Backoff: time.Millisecond})
	var tries atomic.Int32
	limited := make(chan time.Time, 1)
	go func() {
		err := s.Send(context.Background(), outbound.Dest{Key: "a", Chat: "a"}, func(context.Context) error {
			if tries.Add(1) == 1 {
				return &outbound.RetryAfter{Wait: 300 * time.Millisecond, Err: errors.New("429")}
			}
			return nil
		})
		if err != nil {
			t.Error(err)
		}
		limited <- time.Now()
	}()
	for tries.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	start := time.Now()
	// Another chat is not held up.
	if err := s.Send(context.Background(), outbound.Dest{Key: "b", Chat: "b"}, func(context.Context) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 100*time.Millisecond {
		t.Errorf("another chat waited %v", d)
	}
	// A second message to the limited chat waits behind the first.
	second := time.Now()
	if err := s.Send(context.Background(), outbound.Dest{Key: "a", Chat: "a"}, func(context.Context) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(second); d < 200*time.Millisecond {
		t.Errorf("the limited chat sent again after %v", d)
	}
	if at := <-limited; at.Sub(start) < 250*time.Millisecond {
		t.Errorf("retry_after not waited out: %v", at.Sub(start))
	}
}

func TestManyChatsLimitedMeansGlobal(t *testing.T) {
	s := outbound.New(outbound.Config{Logger: quiet(), GlobalAfter: 2})
	ra := func(context.Context) error {
		return &outbound.RetryAfter{Wait: 300 * time.Millisecond, Err: errors.New("429")}
	}
	var wg sync.WaitGroup
	for _, c := range []string{"a", "b"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			first := true
			_ = s.Send(context.Background(), outbound.Dest{Key: c, Chat: c}, func(ctx context.Context) error {
				if first {
					first = false
					return ra(ctx)
				}
				return nil
			})
		}()
	}
	time.Sleep(50 * time.Millisecond)
	start := time.Now()
	if err := s.Send(context.Background(), outbound.Dest{Key: "c", Chat: "c"}, func(context.Context) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 150*time.Millisecond {
		t.Errorf("two chats limited at once, but a third sent after %v", d)
	}
	wg.Wait()
}

func TestOutcomes(t *testing.T) {
	tests := []struct {
		name      string
		fails     int
		err       error
		wantTries int
		want      func(error) bool
	}{
		{"ok", 0, nil, 1, func(err error) bool { return err == nil }},
		{"transient then ok", 3, errors.New("502"), 4, func(err error) bool { return err == nil }},
		{"permanent", 100, outbound.Permanent(errors.New("403")), 1, outbound.IsPermanent},
		{"expired", 1000, errors.New("502"), -1, func(err error) bool { return errors.Is(err, outbound.ErrExpired) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expired := 0
			s := outbound.New(outbound.Config{Logger: quiet(), Backoff: 5 * time.Millisecond, MaxBackoff: 20 * time.Millisecond,
				RetryWindow: 200 * time.Millisecond, OnExpired: func() { expired++ }})
			tries := 0
			err := s.Send(context.Background(), outbound.Dest{Key: "k", Chat: "k"}, func(context.Context) error {
				tries++
				if tries <= tt.fails {
					return tt.err
				}
				return nil
			})
			if !tt.want(err) || (tt.wantTries > 0 && tries != tt.wantTries) {
				t.Errorf("err %v after %d tries", err, tries)
			}
			if (expired == 1) != errors.Is(err, outbound.ErrExpired) {
				t.Errorf("expired counted %d times", expired)
			}
		})
	}
}

func TestRetryAfterLongerThanTheWindowExpires(t *testing.T) {
	s := outbound.New(outbound.Config{Logger: quiet(), RetryWindow: 100 * time.Millisecond})
	tries := 0
	start := time.Now()
	err := s.Send(context.Background(), outbound.Dest{Key: "k", Chat: "k"}, func(context.Context) error {
		tries++
		return &outbound.RetryAfter{Wait: time.Hour, Err: errors.New("429")}
	})
	if !errors.Is(err, outbound.ErrExpired) || tries != 1 || time.Since(start) > time.Second {
		t.Errorf("err %v, %d tries in %v: a retry_after is never cut short", err, tries, time.Since(start))
	}
}

func TestCancelStopsWaiting(t *testing.T) {
	s := outbound.New(outbound.Config{Logger: quiet(), Backoff: time.Hour, MaxBackoff: time.Hour, RetryWindow: 2 * time.Hour})
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(50 * time.Millisecond); cancel() }()
	err := s.Send(ctx, outbound.Dest{Key: "k", Chat: "k"}, func(context.Context) error { return errors.New("502") })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
}

// TestDrop: Drop gives up a chat's sends, the one being retried and those
// queued behind it (in every thread of the chat), and leaves other chats
// alone.
func TestDrop(t *testing.T) {
	s := outbound.New(outbound.Config{Logger: quiet(), Backoff: 20 * time.Millisecond, MaxBackoff: 20 * time.Millisecond})
	ctx := context.Background()
	var calls atomic.Int32
	counting := func(context.Context) error { calls.Add(1); return nil }
	results := make(chan error, 3)
	tried := make(chan struct{}, 100)
	failing := func(context.Context) error { tried <- struct{}{}; return errors.New("502") }
	go func() { results <- s.Send(ctx, outbound.Dest{Key: "9", Chat: "9"}, failing) }()
	<-tried // the first send is being retried
	go func() { results <- s.Send(ctx, outbound.Dest{Key: "9", Chat: "9"}, counting) }()
	go func() { results <- s.Send(ctx, outbound.Dest{Key: "9/7", Chat: "9"}, failing) }()
	for s.Pending("9") < 3 {
		time.Sleep(time.Millisecond)
	}
	if err := s.Send(ctx, outbound.Dest{Key: "8", Chat: "8"}, counting); err != nil {
		t.Fatalf("another chat: %v", err)
	}
	if n := s.Drop("9"); n != 3 {
		t.Errorf("dropped %d sends, want 3", n)
	}
	for i := 0; i < 3; i++ {
		select {
		case err := <-results:
			if !errors.Is(err, outbound.ErrDropped) {
				t.Errorf("send %d: %v, want ErrDropped", i, err)
			}
		case <-time.After(2 * time.Second):
			t.Fatal("a dropped send is still waiting")
		}
	}
	if calls.Load() != 1 {
		t.Errorf("%d calls made; the queued send to the dropped chat must not be made", calls.Load())
	}
	if err := s.Send(ctx, outbound.Dest{Key: "9", Chat: "9"}, counting); err != nil || calls.Load() != 2 {
		t.Errorf("a send after Drop: %v", err)
	}
	if n := s.Drop("nobody"); n != 0 {
		t.Errorf("Drop of a chat without sends: %d", n)
	}
}
