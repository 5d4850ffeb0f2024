// Package leasetest checks that a lease.Store behaves as the interface
// says; internal/lease runs it on Memory, internal/redis on Redis.
package leasetest

import (
	"context"
	"testing"
	"time"

	"github.com/backcare/backcare/internal/lease"
)

// Contract checks the behaviour every lease.Store must have, with a short
// lease so that a lapse is tested too.
func Contract(t *testing.T, s lease.Store) {
	t.Helper()
	ctx := context.Background()
	ttl := 150 * time.Millisecond
	steps := []struct {
		name string
		do   func() (any, error)
		want any
	}{
		{"a takes k", func() (any, error) { return s.Acquire(ctx, "k", "a", ttl) }, lease.Acquired},
		{"b finds it held", func() (any, error) { return s.Acquire(ctx, "k", "b", ttl) }, lease.Held},
		{"a takes it again", func() (any, error) { return s.Acquire(ctx, "k", "a", ttl) }, lease.Acquired},
		{"a renews", func() (any, error) { return s.Renew(ctx, "k", "a", ttl) }, true},
		{"b cannot renew", func() (any, error) { return s.Renew(ctx, "k", "b", ttl) }, false},
		{"b cannot release", func() (any, error) { return nil, s.Release(ctx, "k", "b") }, nil},
		{"still held", func() (any, error) { return s.Acquire(ctx, "k", "b", ttl) }, lease.Held},
		{"a releases", func() (any, error) { return nil, s.Release(ctx, "k", "a") }, nil},
		{"b takes it", func() (any, error) { return s.Acquire(ctx, "k", "b", ttl) }, lease.Acquired},
		{"lapses", func() (any, error) { time.Sleep(2 * ttl); return s.Acquire(ctx, "k", "c", ttl) }, lease.Acquired},
		{"b lost it", func() (any, error) { return s.Renew(ctx, "k", "b", ttl) }, false},
		{"c finishes", func() (any, error) { return nil, s.Finish(ctx, "k", "c", time.Minute) }, nil},
		{"done for c", func() (any, error) { return s.Acquire(ctx, "k", "c", ttl) }, lease.Done},
		{"done for a", func() (any, error) { return s.Acquire(ctx, "k", "a", ttl) }, lease.Done},
		{"other keys free", func() (any, error) { return s.Acquire(ctx, "k2", "a", ttl) }, lease.Acquired},
	}
	for _, st := range steps {
		got, err := st.do()
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if got != st.want {
			t.Fatalf("%s: got %v, want %v", st.name, got, st.want)
		}
	}
}
