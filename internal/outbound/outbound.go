// Package outbound paces and retries what a bot sends to a chat platform.
//
// A Scheduler keeps one first-in, first-out queue per destination, so the
// messages of a conversation leave in order, and sends each only when the
// destination's limit, its group's limit and the global limit allow it
// (sliding windows, see Limit). When the platform answers "too many
// requests" (a *RetryAfter error), only what it limited is paused, for the
// whole time it asked: one chat, or every destination when the limit was
// global. Other failures are retried with capped exponential backoff
// until they succeed, fail for good (a Permanent error), or have been
// failing for longer than the retry window.
package outbound

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sync"
	"time"
)

// ErrExpired is returned, wrapped with the last failure, for a send that
// kept failing for longer than Config.RetryWindow.
var ErrExpired = errors.New("retry window expired")

// ErrDropped is returned for a send given up by Drop: its chat is gone
// (the user blocked the bot, or the bot left the group).
var ErrDropped = errors.New("send dropped: the chat is gone")

// RetryAfter is the error a call returns when the platform asked to wait
// before sending again (HTTP 429).
type RetryAfter struct {
	Wait time.Duration
	// Global is true when the limit covers every destination.
	Global bool
	Err    error
}

func (e *RetryAfter) Error() string {
	return fmt.Sprintf("rate limited, retry after %v: %v", e.Wait, e.Err)
}

// Unwrap returns the platform's error.
func (e *RetryAfter) Unwrap() error { return e.Err }

type permanent struct{ err error }

func (e permanent) Error() string { return e.err.Error() }
func (e permanent) Unwrap() error { return e.err }

// Permanent marks err as a failure that retrying cannot fix, such as a
// chat that no longer exists or a user who blocked the bot.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return permanent{err}
}

// IsPermanent reports whether err was marked with Permanent.
func IsPermanent(err error) bool {
	var p permanent
	return errors.As(err, &p)
}

// Dest is where a send goes.
type Dest struct {
	// Key names the queue: a chat, or a chat and a thread. Sends with the
	// same key leave in the order they were submitted. An empty Key is a
	// call bound to no conversation (answering a button, registering
	// commands): it is not queued or limited, but waits out a global pause.
	Key string
	// Chat is the conversation whose limit applies, and the scope of a
	// pause when the platform limits it.
	Chat string
	// Group is true for group chats, which also count against Config.Group.
	Group bool
}

// Config configures a Scheduler. Zero limits are unlimited; other zero
// fields take the defaults noted.
type Config struct {
	// Chat limits each chat; Group each group chat, in addition; Global
	// everything together.
	Chat, Group, Global Limit
	// RetryWindow is how long a send may keep failing (429, 5xx, network
	// errors) before it is given up as expired; default 5 minutes. A
	// platform's retry_after is always waited out in full: a send whose
	// next try would fall after the window expires instead.
	RetryWindow time.Duration
	// Backoff is the first wait after a failure; it doubles up to
	// MaxBackoff, with jitter. Defaults 500 ms and 10 s.
	Backoff, MaxBackoff time.Duration
	// CallTimeout bounds each attempt; default 30 s.
	CallTimeout time.Duration
	// GlobalAfter: this many different chats limited within a second
	// means the limit is global, and everything pauses; default 3.
	GlobalAfter int
	// Logger receives pauses and expiries (never chat ids); default
	// slog.Default().
	Logger *slog.Logger
	// OnExpired, if set, is told about every send given up as expired.
	OnExpired func()
}

// Scheduler sends through per-destination queues. It is safe for
// concurrent use.
type Scheduler struct {
	cfg    Config
	log    *slog.Logger
	global *window

	mu          sync.Mutex
	queues      map[string]*queue
	chats       map[string]*chatState
	groups      map[string]*window
	globalPause time.Time
	limited     []limitedAt // recent per-chat 429s, for telling a global limit
	sends       int
	live        map[string]map[*job]struct{} // by chat: sends not settled yet, for Drop
}

type chatState struct {
	w     *window
	pause time.Time
}

type limitedAt struct {
	chat string
	at   time.Time
}

type queue struct {
	dest Dest
	jobs []*job
}

type job struct {
	ctx    context.Context // ends with ErrDropped as its cause on Drop
	cancel context.CancelCauseFunc
	call   func(context.Context) error
	done   chan error
}

// New returns a Scheduler.
func New(cfg Config) *Scheduler {
	if cfg.RetryWindow <= 0 {
		cfg.RetryWindow = 5 * time.Minute
	}
	if cfg.Backoff <= 0 {
		cfg.Backoff = 500 * time.Millisecond
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = 10 * time.Second
	}
	if cfg.CallTimeout <= 0 {
		cfg.CallTimeout = 30 * time.Second
	}
	if cfg.GlobalAfter <= 0 {
		cfg.GlobalAfter = 3
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	return &Scheduler{cfg: cfg, log: cfg.Logger, global: newWindow(cfg.Global),
		queues: map[string]*queue{}, chats: map[string]*chatState{}, groups: map[string]*window{},
		live: map[string]map[*job]struct{}{}}
}

// Send queues call behind the earlier sends to d and waits until it
// succeeded (nil), failed for good (the Permanent error), expired (an
// error wrapping ErrExpired and the last failure), was dropped (an error
// wrapping ErrDropped), or ctx ended (ctx's error). call gets a context
// bounded by CallTimeout.
func (s *Scheduler) Send(ctx context.Context, d Dest, call func(context.Context) error) error {
	jctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	j := &job{ctx: jctx, cancel: cancel, call: call, done: make(chan error, 1)}
	if d.Chat != "" {
		s.track(d.Chat, j)
		defer s.untrack(d.Chat, j)
	}
	if d.Key == "" {
		return s.deliver(d, j)
	}
	s.mu.Lock()
	q, running := s.queues[d.Key]
	if !running {
		q = &queue{dest: d}
		s.queues[d.Key] = q
	}
	q.jobs = append(q.jobs, j)
	s.mu.Unlock()
	if !running {
		go s.run(q)
	}
	return <-j.done
}

// Drop gives up every send to chat not settled yet, queued or being
// retried: each returns an error wrapping ErrDropped, and a call in
// progress has its context cancelled. It reports how many were dropped.
// Sends submitted afterwards are made as usual.
func (s *Scheduler) Drop(chat string) int {
	s.mu.Lock()
	jobs := s.live[chat]
	delete(s.live, chat)
	s.mu.Unlock()
	for j := range jobs {
		j.cancel(ErrDropped)
	}
	if n := len(jobs); n > 0 {
		s.log.Info("sends to a chat that is gone were dropped", "count", n)
	}
	return len(jobs)
}

// Pending reports how many sends to chat are not settled yet.
func (s *Scheduler) Pending(chat string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.live[chat])
}

func (s *Scheduler) track(chat string, j *job) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.live[chat] == nil {
		s.live[chat] = map[*job]struct{}{}
	}
	s.live[chat][j] = struct{}{}
}

func (s *Scheduler) untrack(chat string, j *job) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if m := s.live[chat]; m != nil {
		delete(m, j)
		if len(m) == 0 {
			delete(s.live, chat)
		}
	}
}

// ended is the error of a job whose context ended: ErrDropped (wrapped)
// after Drop, the caller's context error otherwise, with the last
// failure if there was one.
func ended(j *job, last error) error {
	cause := context.Cause(j.ctx)
	if last == nil {
		return cause
	}
	return fmt.Errorf("%w (last error: %w)", cause, last)
}

// run sends a queue's jobs in order, and ends when the queue is empty.
func (s *Scheduler) run(q *queue) {
	for {
		s.mu.Lock()
		if len(q.jobs) == 0 {
			delete(s.queues, q.dest.Key)
			s.mu.Unlock()
			return
		}
		j := q.jobs[0]
		q.jobs[0] = nil
		q.jobs = q.jobs[1:]
		s.mu.Unlock()
		j.done <- s.deliver(q.dest, j)
	}
}

// deliver tries one job until it is settled.
func (s *Scheduler) deliver(d Dest, j *job) error {
	var failingSince time.Time
	for attempt := 0; ; attempt++ {
		if j.ctx.Err() != nil {
			return ended(j, nil)
		}
		release, err := s.turn(j.ctx, d)
		if err != nil {
			return ended(j, nil)
		}
		cctx, cancel := context.WithTimeout(j.ctx, s.cfg.CallTimeout)
		err = j.call(cctx)
		cancel()
		release()
		if err == nil {
			return nil
		}
		if j.ctx.Err() != nil {
			return ended(j, err)
		}
		if IsPermanent(err) {
			return err
		}
		now := time.Now()
		if failingSince.IsZero() {
			failingSince = now
		}
		next := now
		var ra *RetryAfter
		if errors.As(err, &ra) {
			next = s.pause(d, ra, now)
		} else {
			next = now.Add(s.backoff(attempt))
		}
		if next.After(failingSince.Add(s.cfg.RetryWindow)) {
			if s.cfg.OnExpired != nil {
				s.cfg.OnExpired()
			}
			s.log.Warn("send expired: still failing at the end of the retry window", "attempts", attempt+1,
				"window", s.cfg.RetryWindow, "err", err)
			return fmt.Errorf("%w after %d attempts: %w", ErrExpired, attempt+1, err)
		}
		if !sleepUntil(j.ctx, next) {
			return ended(j, err)
		}
	}
}

// turn waits until d may be sent to: no pause covers it and every limit
// has room. The returned release records the send's completion.
func (s *Scheduler) turn(ctx context.Context, d Dest) (release func(), err error) {
	for {
		if until := s.pausedUntil(d); time.Now().Before(until) {
			if !sleepUntil(ctx, until) {
				return nil, ctx.Err()
			}
			continue
		}
		if d.Key == "" {
			return func() {}, nil
		}
		var held []*window
		release = func() {
			for _, w := range held {
				w.release()
			}
		}
		for _, w := range s.windows(d) {
			if err := w.acquire(ctx); err != nil {
				release()
				return nil, err
			}
			held = append(held, w)
		}
		// A pause may have begun while waiting for room.
		if time.Now().Before(s.pausedUntil(d)) {
			release()
			continue
		}
		return release, nil
	}
}

// windows returns the limits that apply to d, chat first.
func (s *Scheduler) windows(d Dest) []*window {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	if s.sends++; s.sends%1024 == 0 {
		s.sweep(now)
	}
	out := make([]*window, 0, 3)
	if d.Chat != "" {
		out = append(out, s.chat(d.Chat).w)
		if d.Group && !s.cfg.Group.Unlimited() {
			g := s.groups[d.Chat]
			if g == nil {
				g = newWindow(s.cfg.Group)
				s.groups[d.Chat] = g
			}
			out = append(out, g)
		}
	}
	return append(out, s.global)
}

// chat returns the chat's state; s.mu must be held.
func (s *Scheduler) chat(id string) *chatState {
	c := s.chats[id]
	if c == nil {
		c = &chatState{w: newWindow(s.cfg.Chat)}
		s.chats[id] = c
	}
	return c
}

// sweep forgets idle chats and groups, so memory stays bounded by the
// chats active recently; s.mu must be held.
func (s *Scheduler) sweep(now time.Time) {
	for id, c := range s.chats {
		if now.After(c.pause) && (c.w.limit.Unlimited() || c.w.idle(now)) {
			delete(s.chats, id)
		}
	}
	for id, g := range s.groups {
		if g.idle(now) {
			delete(s.groups, id)
		}
	}
}

func (s *Scheduler) pausedUntil(d Dest) time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	until := s.globalPause
	if c, ok := s.chats[d.Chat]; ok && d.Chat != "" && c.pause.After(until) {
		until = c.pause
	}
	return until
}

// pause records a 429 and returns when d may be tried again. The pause
// covers the chat, or everything when the limit is global: when the
// platform says so, when the call had no chat, or when GlobalAfter
// different chats were limited within a second.
func (s *Scheduler) pause(d Dest, ra *RetryAfter, now time.Time) time.Time {
	wait := max(ra.Wait, 0)
	until := now.Add(wait)
	s.mu.Lock()
	defer s.mu.Unlock()
	global := ra.Global || d.Chat == ""
	if !global {
		kept := s.limited[:0]
		chats := map[string]bool{d.Chat: true}
		for _, l := range s.limited {
			if now.Sub(l.at) < time.Second {
				kept = append(kept, l)
				chats[l.chat] = true
			}
		}
		s.limited = append(kept, limitedAt{d.Chat, now})
		global = len(chats) >= s.cfg.GlobalAfter
	}
	if global {
		if until.After(s.globalPause) {
			s.globalPause = until
			s.log.Warn("the platform is limiting the bot: pausing every send", "retry_after", wait)
		}
		return later(until, s.globalPause)
	}
	c := s.chat(d.Chat)
	if until.After(c.pause) {
		c.pause = until
		s.log.Info("the platform is limiting one chat: pausing its sends", "retry_after", wait)
	}
	return later(c.pause, s.globalPause)
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// backoff is exponential with jitter in [d/2, d].
func (s *Scheduler) backoff(attempt int) time.Duration {
	d := s.cfg.Backoff << min(attempt, 20)
	if d > s.cfg.MaxBackoff || d <= 0 {
		d = s.cfg.MaxBackoff
	}
	return d/2 + rand.N(d/2+1)
}

func sleepUntil(ctx context.Context, t time.Time) bool {
	d := time.Until(t)
	if d <= 0 {
		return ctx.Err() == nil
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-ctx.Done():
		return false
	}
}
