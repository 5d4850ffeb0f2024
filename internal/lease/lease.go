// Package lease records who is handling what: a key (one platform update,
// or the right to poll) is either free, held by an owner until a time
// ("in progress until T", renewed while the work goes on), or done. A
// lease that was not renewed in time, because its holder died, lapses, and
// whoever asks next takes the work over. Done keys are remembered for a
// while, so work delivered twice (a webhook retried, an update fetched
// again after a restart) is done once.
//
// Memory is the in-process Store; internal/redis shares one between
// replicas.
package lease

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"sync"
	"time"
)

// Status is the outcome of Acquire.
type Status int

const (
	// Acquired: the caller holds the lease now.
	Acquired Status = iota
	// Held: another owner holds a live lease.
	Held
	// Done: the work was finished.
	Done
)

func (s Status) String() string {
	switch s {
	case Acquired:
		return "acquired"
	case Held:
		return "held"
	case Done:
		return "done"
	}
	return "unknown"
}

// Store keeps leases. Implementations must be safe for concurrent use.
type Store interface {
	// Acquire takes key for owner until ttl from now, unless it is done
	// or another owner's lease is live. An owner that already holds key
	// acquires it again (and extends it).
	Acquire(ctx context.Context, key, owner string, ttl time.Duration) (Status, error)
	// Renew extends owner's lease; false means owner no longer holds it.
	Renew(ctx context.Context, key, owner string, ttl time.Duration) (bool, error)
	// Finish marks key done, remembered for keep.
	Finish(ctx context.Context, key, owner string, keep time.Duration) error
	// Release frees key if owner holds it, so another may take it at once.
	Release(ctx context.Context, key, owner string) error
}

// NewOwner returns a random owner id, one per process.
func NewOwner() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Memory is an in-process Store. Expired entries are swept as new ones
// are added, so memory is bounded by the keys of one retention period.
type Memory struct {
	now   func() time.Time
	mu    sync.Mutex
	m     map[string]entry
	calls int
}

type entry struct {
	owner string // "" when done
	until time.Time
}

// NewMemory returns an empty in-process Store.
func NewMemory() *Memory { return &Memory{now: time.Now, m: map[string]entry{}} }

// Acquire implements Store.
func (m *Memory) Acquire(_ context.Context, key, owner string, ttl time.Duration) (Status, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	if m.calls++; m.calls%1024 == 0 {
		for k, e := range m.m {
			if now.After(e.until) {
				delete(m.m, k)
			}
		}
	}
	if e, ok := m.m[key]; ok && now.Before(e.until) {
		switch e.owner {
		case "":
			return Done, nil
		case owner:
		default:
			return Held, nil
		}
	}
	m.m[key] = entry{owner: owner, until: now.Add(ttl)}
	return Acquired, nil
}

// Renew implements Store.
func (m *Memory) Renew(_ context.Context, key, owner string, ttl time.Duration) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	if e, ok := m.m[key]; !ok || e.owner != owner || now.After(e.until) {
		return false, nil
	}
	m.m[key] = entry{owner: owner, until: now.Add(ttl)}
	return true, nil
}

// Finish implements Store.
func (m *Memory) Finish(_ context.Context, key, _ string, keep time.Duration) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.m[key] = entry{until: m.now().Add(keep)}
	return nil
}

// Release implements Store.
func (m *Memory) Release(_ context.Context, key, owner string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if e, ok := m.m[key]; ok && e.owner == owner && owner != "" {
		delete(m.m, key)
	}
	return nil
}
