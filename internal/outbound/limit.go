package outbound

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Limit allows at most N sends in any Per. The zero Limit allows
// everything.
type Limit struct {
	N   int
	Per time.Duration
}

// Unlimited reports whether l allows everything.
func (l Limit) Unlimited() bool { return l.N <= 0 || l.Per <= 0 }

// String formats l as "N/Per", such as "20/1m0s"; "" when unlimited.
func (l Limit) String() string {
	if l.Unlimited() {
		return ""
	}
	return strconv.Itoa(l.N) + "/" + l.Per.String()
}

// MarshalText implements encoding.TextMarshaler.
func (l Limit) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// UnmarshalText parses "N/duration", such as "30/1s" or "20/1m"; an
// empty text is unlimited.
func (l *Limit) UnmarshalText(text []byte) error {
	s := strings.TrimSpace(string(text))
	if s == "" {
		*l = Limit{}
		return nil
	}
	ns, per, ok := strings.Cut(s, "/")
	n, err := strconv.Atoi(ns)
	if !ok || err != nil || n < 1 {
		return fmt.Errorf("%q is not a limit such as 30/1s (a count of at least 1, a slash and a duration)", s)
	}
	d, err := time.ParseDuration(per)
	if err != nil || d <= 0 {
		return fmt.Errorf("%q is not a limit such as 30/1s (a count of at least 1, a slash and a duration)", s)
	}
	*l = Limit{N: n, Per: d}
	return nil
}

// window enforces a Limit as a sliding window over the times sends
// completed, counting sends still in flight. Because a request reaches
// the server after it starts and before its answer comes back, a sequence
// admitted this way stays within the limit as the server counts it,
// whatever the network delays: no jitter allowance is needed, and a
// token bucket (which admits a full burst on top of the rate) could not
// promise that.
type window struct {
	limit Limit

	mu       sync.Mutex
	inflight int
	done     []time.Time // completion times, oldest first, at most limit.N
	changed  chan struct{}
	last     time.Time // last use, for sweeping idle windows
}

func newWindow(l Limit) *window {
	return &window{limit: l, changed: make(chan struct{})}
}

// acquire waits for a slot; release must follow.
func (w *window) acquire(ctx context.Context) error {
	if w == nil || w.limit.Unlimited() {
		return nil
	}
	for {
		w.mu.Lock()
		now := time.Now()
		w.last = now
		recent := 0
		var oldest time.Time
		for i := len(w.done) - 1; i >= 0; i-- {
			if now.Sub(w.done[i]) >= w.limit.Per {
				break
			}
			recent++
			oldest = w.done[i]
		}
		if w.inflight+recent < w.limit.N {
			w.inflight++
			w.mu.Unlock()
			return nil
		}
		ch := w.changed
		var wake <-chan time.Time
		var t *time.Timer
		if recent > 0 {
			t = time.NewTimer(oldest.Add(w.limit.Per).Sub(now))
			wake = t.C
		}
		w.mu.Unlock()
		select {
		case <-ch:
		case <-wake:
		case <-ctx.Done():
			if t != nil {
				t.Stop()
			}
			return ctx.Err()
		}
		if t != nil {
			t.Stop()
		}
	}
}

// release records that a send admitted by acquire has completed.
func (w *window) release() {
	if w == nil || w.limit.Unlimited() {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	now := time.Now()
	w.inflight--
	w.last = now
	w.done = append(w.done, now)
	if len(w.done) > w.limit.N {
		w.done = append(w.done[:0], w.done[len(w.done)-w.limit.N:]...)
	}
	close(w.changed)
	w.changed = make(chan struct{})
}

// idle reports whether the window holds nothing that still counts.
func (w *window) idle(now time.Time) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.inflight == 0 && now.Sub(w.last) > w.limit.Per
}
