// Package redis keeps Backcare's shared state in Redis, so that several
// replicas behave as one bot: per-chat context, per-user rate limits
// (GCRA, atomic in a Lua script, via github.com/go-redis/redis_rate),
// leases on updates and on polling (internal/lease: in progress until a
// time, or done; atomic in Lua scripts), and per-chat locks.
//
// Every call has a short timeout and is tried twice. When Redis still
// fails or is slow, the call falls back to in-process state, the failure
// is logged and counted, and Redis is left alone for a moment (a small
// circuit breaker) so that replies do not each wait for a timeout; after
// that, calls go to Redis again, and shared state resumes by itself when
// Redis is back. The lock on polling has no fallback (StrictLeases): a
// replica that cannot reach Redis does not take it.
package redis

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/go-redis/redis_rate/v10"
	goredis "github.com/redis/go-redis/v9"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/lease"
)

// Options configure the shared state.
type Options struct {
	// URL is a redis:// or rediss:// URL.
	URL string
	// Prefix namespaces every key; default "backcare:".
	Prefix string
	// CallTimeout bounds each call; default 150 ms.
	CallTimeout time.Duration
	// Breaker is how long Redis is skipped after a failure; default 1 s.
	Breaker time.Duration
	// ContextTTL is how long a chat's context lives; default 30 min.
	ContextTTL time.Duration
	// RateEvery and RateBurst: a burst of RateBurst messages, then one per
	// RateEvery; defaults 3 s and 6.
	RateEvery time.Duration
	RateBurst int
	// LockTTL bounds how long a chat lock is held if its holder dies;
	// LockWait how long a message waits for it. Defaults 10 s and 3 s.
	LockTTL, LockWait time.Duration
	Logger            *slog.Logger
	// OnError, if set, is told which store fell back (metrics).
	OnError func(store string)
}

// State is Backcare's state in Redis, with local fallbacks.
type State struct {
	o       Options
	rdb     *goredis.Client
	rate    *redis_rate.Limiter
	down    atomic.Int64 // unix nanoseconds until which Redis is skipped
	lastLog atomic.Int64

	localContexts *bot.MemoryContexts
	localLimiter  *bot.MemoryLimiter
	localLeases   *lease.Memory
}

// Open connects to Redis. An unreachable Redis is not an error: the state
// starts on its local fallbacks and uses Redis once it answers.
func Open(o Options) (*State, error) {
	if o.Prefix == "" {
		o.Prefix = "backcare:"
	}
	if o.CallTimeout <= 0 {
		o.CallTimeout = 150 * time.Millisecond
	}
	if o.Breaker <= 0 {
		o.Breaker = time.Second
	}
	if o.ContextTTL <= 0 {
		o.ContextTTL = 30 * time.Minute
	}
	if o.RateEvery <= 0 {
		o.RateEvery = 3 * time.Second
	}
	if o.RateBurst <= 0 {
		o.RateBurst = 6
	}
	if o.LockTTL <= 0 {
		o.LockTTL = 10 * time.Second
	}
	if o.LockWait <= 0 {
		o.LockWait = 3 * time.Second
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	opt, err := goredis.ParseURL(o.URL)
	if err != nil {
		return nil, fmt.Errorf("redis url: %w", errors.New("not a valid redis:// URL")) // the URL may hold a password
	}
	opt.DialTimeout = o.CallTimeout * 2
	opt.ReadTimeout = o.CallTimeout
	opt.WriteTimeout = o.CallTimeout
	opt.PoolTimeout = o.CallTimeout
	opt.MaxRetries = -1 // the fallback is the retry
	rdb := goredis.NewClient(opt)
	s := &State{
		o: o, rdb: rdb, rate: redis_rate.NewLimiter(rdb),
		localContexts: bot.NewMemoryContexts(o.ContextTTL),
		localLimiter:  bot.NewMemoryLimiter(o.RateEvery, o.RateBurst),
		localLeases:   lease.NewMemory(),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := rdb.Ping(ctx).Err(); err != nil {
		o.Logger.Warn("Redis is not answering; using local state until it does", "err", err)
	} else {
		o.Logger.Info("shared state in Redis", "addr", opt.Addr, "prefix", o.Prefix)
	}
	return s, nil
}

// Close closes the connection pool.
func (s *State) Close() error { return s.rdb.Close() }

// do runs f against Redis unless the breaker is open. It reports false
// when the caller should fall back to local state.
func (s *State) do(ctx context.Context, store string, f func(context.Context) error) bool {
	if time.Now().UnixNano() < s.down.Load() {
		return false
	}
	err := s.call(ctx, f)
	if err == nil {
		return true
	}
	if ctx.Err() == nil { // else the caller gave up; not Redis's fault
		s.failed(store, err)
	}
	return false
}

// call runs f with the call timeout, and once more if that failed: one
// slow answer (a moment's load, a connection Redis closed) must not send
// shared state to the local fallback, where a replica would answer an
// update another one already answered. A missing key is no failure.
func (s *State) call(ctx context.Context, f func(context.Context) error) error {
	var err error
	for range 2 {
		cctx, cancel := context.WithTimeout(ctx, s.o.CallTimeout)
		err = f(cctx)
		cancel()
		if err == nil || errors.Is(err, goredis.Nil) {
			return nil
		}
		if ctx.Err() != nil {
			return err
		}
	}
	return err
}

// failed opens the breaker, so that Redis is left alone for a moment,
// counts the failure, and logs it once per breaker period.
func (s *State) failed(store string, err error) {
	s.down.Store(time.Now().Add(s.o.Breaker).UnixNano())
	if s.o.OnError != nil {
		s.o.OnError(store)
	}
	if now := time.Now().UnixNano(); now-s.lastLog.Load() > int64(s.o.Breaker) {
		s.lastLog.Store(now)
		s.o.Logger.Warn("Redis call failed; using local state", "store", store, "err", err)
	}
}

// Contexts returns the shared ContextStore.
func (s *State) Contexts() bot.ContextStore { return contexts{s} }

// Limiter returns the shared Limiter.
func (s *State) Limiter() bot.Limiter { return limiter{s} }

// Leases returns the shared lease.Store. When Redis fails, leases fall
// back to this process's memory: an update may then be handled by two
// replicas.
func (s *State) Leases() lease.Store { return leases{s: s} }

// StrictLeases returns the shared lease.Store without the fallback: when
// Redis fails, every call returns an error. It is for the lock on
// polling, where a standby replica that took the lock from its own memory
// would poll, and answer, alongside the one polling. Its calls skip the
// breaker (they are few), and a failure opens it for the other stores.
func (s *State) StrictLeases() lease.Store { return leases{s: s, strict: true} }

// Locker returns the shared ChatLocker.
func (s *State) Locker() bot.ChatLocker { return locker{s} }

type contexts struct{ s *State }

func (c contexts) Load(ctx context.Context, key string) (bot.ChatContext, error) {
	var cc bot.ChatContext
	var raw []byte
	if !c.s.do(ctx, "contexts", func(ctx context.Context) (err error) {
		raw, err = c.s.rdb.Get(ctx, c.s.o.Prefix+"ctx:"+key).Bytes()
		return err
	}) {
		return c.s.localContexts.Load(ctx, key)
	}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &cc); err != nil {
			return bot.ChatContext{}, nil // a malformed entry is no context
		}
	}
	return cc, nil
}

func (c contexts) Save(ctx context.Context, key string, cc bot.ChatContext) error {
	raw, err := json.Marshal(cc)
	if err != nil {
		return err
	}
	if !c.s.do(ctx, "contexts", func(ctx context.Context) error {
		return c.s.rdb.Set(ctx, c.s.o.Prefix+"ctx:"+key, raw, c.s.o.ContextTTL).Err()
	}) {
		return c.s.localContexts.Save(ctx, key, cc)
	}
	return nil
}

// Delete forgets a context in Redis and in the local fallback, so that
// it is gone whichever of them answers next.
func (c contexts) Delete(ctx context.Context, key string) error {
	_ = c.s.localContexts.Delete(ctx, key)
	if !c.s.do(ctx, "contexts", func(ctx context.Context) error {
		return c.s.rdb.Del(ctx, c.s.o.Prefix+"ctx:"+key).Err()
	}) {
		return errors.New("redis: context not deleted (Redis unavailable); it expires with its TTL")
	}
	return nil
}

type limiter struct{ s *State }

func (l limiter) Allow(ctx context.Context, key string) (bool, error) {
	limit := redis_rate.Limit{Rate: 1, Period: l.s.o.RateEvery, Burst: l.s.o.RateBurst}
	var res *redis_rate.Result
	if !l.s.do(ctx, "limiter", func(ctx context.Context) (err error) {
		res, err = l.s.rate.Allow(ctx, l.s.o.Prefix+"user:"+key, limit)
		return err
	}) {
		return l.s.localLimiter.Allow(ctx, key)
	}
	return res.Allowed > 0, nil
}

type leases struct {
	s      *State
	strict bool // errors instead of the local fallback
}

// A lease is a key whose value is the owner's id, expiring with the lease,
// or "done", expiring when it need not be remembered any more.
const doneValue = "done"

var (
	acquireScript = goredis.NewScript(`
local v = redis.call("get", KEYS[1])
if v == ARGV[3] then return 2 end
if v and v ~= ARGV[1] then return 1 end
redis.call("set", KEYS[1], ARGV[1], "px", ARGV[2])
return 0`)
	renewScript = goredis.NewScript(`
if redis.call("get", KEYS[1]) == ARGV[1] then
  redis.call("pexpire", KEYS[1], ARGV[2])
  return 1
end
return 0`)
)

func (l leases) key(k string) string { return l.s.o.Prefix + "lease:" + k }

// run runs f in Redis. It reports false when the local fallback must
// answer instead; the strict store returns Redis's error then.
func (l leases) run(ctx context.Context, f func(context.Context) error) (bool, error) {
	if !l.strict {
		return l.s.do(ctx, "leases", f), nil
	}
	err := l.s.call(ctx, f)
	if err != nil && ctx.Err() == nil {
		l.s.failed("leases", err)
	}
	if err != nil {
		return false, fmt.Errorf("redis lease: %w", err)
	}
	return true, nil
}

func (l leases) Acquire(ctx context.Context, key, owner string, ttl time.Duration) (lease.Status, error) {
	var n int64
	ok, err := l.run(ctx, func(ctx context.Context) (err error) {
		n, err = acquireScript.Run(ctx, l.s.rdb, []string{l.key(key)}, owner, ttl.Milliseconds(), doneValue).Int64()
		return err
	})
	switch {
	case err != nil:
		return lease.Held, err
	case !ok:
		return l.s.localLeases.Acquire(ctx, key, owner, ttl)
	}
	return lease.Status(n), nil
}

func (l leases) Renew(ctx context.Context, key, owner string, ttl time.Duration) (bool, error) {
	var n int64
	ok, err := l.run(ctx, func(ctx context.Context) (err error) {
		n, err = renewScript.Run(ctx, l.s.rdb, []string{l.key(key)}, owner, ttl.Milliseconds()).Int64()
		return err
	})
	switch {
	case err != nil:
		return false, err
	case !ok:
		return l.s.localLeases.Renew(ctx, key, owner, ttl)
	}
	return n == 1, nil
}

func (l leases) Finish(ctx context.Context, key, owner string, keep time.Duration) error {
	ok, err := l.run(ctx, func(ctx context.Context) error {
		return l.s.rdb.Set(ctx, l.key(key), doneValue, keep).Err()
	})
	if err == nil && !ok {
		return l.s.localLeases.Finish(ctx, key, owner, keep)
	}
	return err
}

func (l leases) Release(ctx context.Context, key, owner string) error {
	ok, err := l.run(ctx, func(ctx context.Context) error {
		return unlockScript.Run(ctx, l.s.rdb, []string{l.key(key)}, owner).Err()
	})
	if err == nil && !ok {
		return l.s.localLeases.Release(ctx, key, owner)
	}
	return err
}

// unlockScript deletes a lock only if this holder still owns it.
var unlockScript = goredis.NewScript(`if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) end return 0`)

type locker struct{ s *State }

// errNoLock means the lock could not be taken in time (or Redis is down);
// the engine then goes on without it.
var errNoLock = errors.New("chat lock not acquired")

func (l locker) Lock(ctx context.Context, key string) (func(), error) {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	token := hex.EncodeToString(b)
	k := l.s.o.Prefix + "lock:" + key
	deadline := time.Now().Add(l.s.o.LockWait)
	wait := 5 * time.Millisecond
	for {
		var got bool
		if !l.s.do(ctx, "locks", func(ctx context.Context) (err error) {
			got, err = l.s.rdb.SetNX(ctx, k, token, l.s.o.LockTTL).Result()
			return err
		}) {
			return nil, errNoLock
		}
		if got {
			return func() {
				ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), l.s.o.CallTimeout)
				defer cancel()
				_ = unlockScript.Run(ctx, l.s.rdb, []string{k}, token).Err()
			}, nil
		}
		if time.Now().After(deadline) {
			return nil, errNoLock
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(wait):
		}
		wait = min(wait*2, 50*time.Millisecond)
	}
}
