package bot

import (
	"context"
	"testing"
	"time"
)

// TestMemoryContextsExpire runs on a clock of its own: a real one of a
// millisecond failed under the race detector on a busy machine, where
// Save and the first Load were more than a millisecond apart.
func TestMemoryContextsExpire(t *testing.T) {
	now := time.Date(2026, 12, 1, 20, 0, 0, 0, time.UTC)
	s := NewMemoryContexts(30 * time.Minute)
	s.now = func() time.Time { return now }
	ctx := context.Background()
	if err := s.Save(ctx, "k", ChatContext{LastTopic: "tens"}); err != nil {
		t.Fatal(err)
	}
	now = now.Add(29 * time.Minute)
	if c, _ := s.Load(ctx, "k"); c.LastTopic != "tens" {
		t.Fatalf("load within the TTL: %+v", c)
	}
	now = now.Add(2 * time.Minute)
	if c, _ := s.Load(ctx, "k"); c.LastTopic != "" {
		t.Errorf("context did not expire: %+v", c)
	}
}
