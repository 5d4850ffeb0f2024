package bot

import (
	"context"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// ChatContext is what the engine remembers about a conversation, so that
// follow-ups ("tell me more", "what about the upper back?") work.
type ChatContext struct {
	// LastTopic is the topic answered last.
	LastTopic string
	// Shown lists topics already answered, oldest first (bounded).
	Shown []string
	// DisclaimerShown is true once the disclaimer went with an answer.
	DisclaimerShown bool
	// WarnedAt is when the chat was last told to slow down.
	WarnedAt time.Time
	// UrgentAt is when the chat last got an urgent reply, so that an
	// acknowledgement ("ok, calling them now") gets a short, kind answer.
	UrgentAt time.Time
	// Urgent are the ids of the danger signs or situations of that
	// reply, repeated to a member who doubts its advice.
	Urgent []string `json:",omitempty"`
	// DeclinedAt is when the chat last got a decline (a medicine), so that
	// "what can I take then?" gets what the decline offers instead.
	DeclinedAt time.Time `json:",omitzero"`
	// LossAt is when the chat told of a pregnancy loss. While the context
	// lasts, no pregnancy tips or topic buttons are pushed unless asked.
	LossAt time.Time
	// Rated lists the answers already rated, by the nonce in their
	// feedback buttons, oldest first (bounded), so that a second press on
	// the same answer counts nothing.
	Rated []string `json:",omitempty"`
	// CommentTopic is the topic last rated 👎, and CommentFrom the user
	// who rated it, until that user writes again: that message is marked
	// as a comment on the answer ("what were you looking for?").
	CommentTopic string `json:",omitempty"`
	CommentFrom  string `json:",omitempty"`
	// More is the topic last answered in part, MorePart the part "tell
	// me more" shows next (from 1; 0 when it was all shown) and
	// MoreRating the answer's feedback nonce, which every part carries.
	More       string `json:",omitempty"`
	MorePart   int    `json:",omitempty"`
	MoreRating string `json:",omitempty"`
}

// ContextStore keeps ChatContexts with an expiry. Implementations must be
// safe for concurrent use. A missing or expired context is the zero value
// with a nil error.
type ContextStore interface {
	Load(ctx context.Context, key string) (ChatContext, error)
	Save(ctx context.Context, key string, c ChatContext) error
	// Delete forgets key's context at once, as if it had expired.
	Delete(ctx context.Context, key string) error
}

// Limiter decides whether a user may send another message now.
// Implementations must be safe for concurrent use.
type Limiter interface {
	Allow(ctx context.Context, key string) (bool, error)
}

// maxShown bounds ChatContext.Shown.
const maxShown = 16

// MemoryContexts is an in-process ContextStore. Entries expire after the
// TTL and are swept as new ones are saved, so memory stays bounded by the
// number of chats active within one TTL.
type MemoryContexts struct {
	ttl   time.Duration
	now   func() time.Time
	mu    sync.Mutex
	m     map[string]memoryContext
	saves int
}

type memoryContext struct {
	c       ChatContext
	expires time.Time
}

// NewMemoryContexts returns a ContextStore that forgets a chat ttl after
// its last message.
func NewMemoryContexts(ttl time.Duration) *MemoryContexts {
	return &MemoryContexts{ttl: ttl, now: time.Now, m: map[string]memoryContext{}}
}

// Load implements ContextStore.
func (s *MemoryContexts) Load(_ context.Context, key string) (ChatContext, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.m[key]
	if !ok || s.now().After(e.expires) {
		return ChatContext{}, nil
	}
	return e.c, nil
}

// Save implements ContextStore.
func (s *MemoryContexts) Save(_ context.Context, key string, c ChatContext) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	s.m[key] = memoryContext{c: c, expires: now.Add(s.ttl)}
	if s.saves++; s.saves%1024 == 0 {
		for k, e := range s.m {
			if now.After(e.expires) {
				delete(s.m, k)
			}
		}
	}
	return nil
}

// Delete implements ContextStore.
func (s *MemoryContexts) Delete(_ context.Context, key string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, key)
	return nil
}

// MemoryLimiter is an in-process Limiter: a token bucket per key
// (golang.org/x/time/rate). Idle buckets are swept.
type MemoryLimiter struct {
	limit rate.Limit
	burst int
	now   func() time.Time
	mu    sync.Mutex
	m     map[string]*bucket
	calls int
}

type bucket struct {
	l    *rate.Limiter
	last time.Time
}

// NewMemoryLimiter allows each key burst messages at once and then one
// every per.
func NewMemoryLimiter(per time.Duration, burst int) *MemoryLimiter {
	return &MemoryLimiter{limit: rate.Every(per), burst: burst, now: time.Now, m: map[string]*bucket{}}
}

// Allow implements Limiter.
func (l *MemoryLimiter) Allow(_ context.Context, key string) (bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b, ok := l.m[key]
	if !ok {
		b = &bucket{l: rate.NewLimiter(l.limit, l.burst)}
		l.m[key] = b
	}
	b.last = now
	if l.calls++; l.calls%1024 == 0 {
		idle := time.Duration(float64(l.burst)/float64(l.limit)*float64(time.Second)) + time.Minute
		for k, v := range l.m {
			if now.Sub(v.last) > idle {
				delete(l.m, k)
			}
		}
	}
	return b.l.AllowN(now, 1), nil
}

// UpdateLog records which platform updates were already handled, so that an
// update delivered twice (a webhook retried by the platform) is answered
// once. Implementations must be safe for concurrent use.
type UpdateLog interface {
	// Claim records key and reports whether this caller is the first to
	// claim it within the log's retention.
	Claim(ctx context.Context, key string) (bool, error)
}

// MemoryUpdateLog is an in-process UpdateLog that remembers keys for a
// retention period.
type MemoryUpdateLog struct {
	keep  time.Duration
	now   func() time.Time
	mu    sync.Mutex
	m     map[string]time.Time
	calls int
}

// NewMemoryUpdateLog remembers claimed keys for keep.
func NewMemoryUpdateLog(keep time.Duration) *MemoryUpdateLog {
	return &MemoryUpdateLog{keep: keep, now: time.Now, m: map[string]time.Time{}}
}

// Claim implements UpdateLog.
func (l *MemoryUpdateLog) Claim(_ context.Context, key string) (bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if l.calls++; l.calls%1024 == 0 {
		for k, t := range l.m {
			if now.Sub(t) > l.keep {
				delete(l.m, k)
			}
		}
	}
	if t, ok := l.m[key]; ok && now.Sub(t) <= l.keep {
		return false, nil
	}
	l.m[key] = now
	return true, nil
}

// ChatLocker serialises the handling of one chat's messages across
// replicas, so that a follow-up sees the context its question left. In a
// single process the adapters' workers already keep each chat in order,
// and no locker is needed.
type ChatLocker interface {
	// Lock waits (boundedly) for the chat's lock. A locker that cannot
	// lock returns an error, and the engine goes on without the lock.
	Lock(ctx context.Context, key string) (unlock func(), err error)
}

// Unlimited is a Limiter that allows everything: for `backcare ask`, which
// answers a file of questions, and for tests and benchmarks.
type Unlimited struct{}

// Allow implements Limiter.
func (Unlimited) Allow(context.Context, string) (bool, error) { return true, nil }
