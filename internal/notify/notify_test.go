package notify_test

import (
	"sync/atomic"
	"testing"
	"time"

	"github.com/backcare/backcare/internal/notify"
)

func TestWaitFor(t *testing.T) {
	var n notify.Notifier
	var v atomic.Int32
	go func() {
		for i := 0; i < 3; i++ {
			time.Sleep(5 * time.Millisecond)
			v.Add(1)
			n.Notify()
		}
	}()
	if !n.WaitFor(5*time.Second, func() bool { return v.Load() == 3 }) {
		t.Fatal("condition not seen")
	}
	start := time.Now()
	if n.WaitFor(30*time.Millisecond, func() bool { return false }) || time.Since(start) < 30*time.Millisecond {
		t.Error("WaitFor must time out on a condition that never holds")
	}
}
