// Package notify wakes goroutines that wait for some state to change. The
// fake platform servers use it so that tests (and a long poll) wait for
// events instead of sleeping.
package notify

import (
	"sync"
	"time"
)

// Notifier broadcasts "something changed". The zero value is ready to use.
// It has its own lock, so Notify may be called while holding another.
type Notifier struct {
	mu sync.Mutex
	ch chan struct{}
}

// Changed returns a channel closed at the next Notify.
func (n *Notifier) Changed() <-chan struct{} {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.ch == nil {
		n.ch = make(chan struct{})
	}
	return n.ch
}

// Notify wakes everyone waiting on Changed.
func (n *Notifier) Notify() {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.ch != nil {
		close(n.ch)
	}
	n.ch = make(chan struct{})
}

// WaitFor waits until cond holds, checking it again at every Notify, or
// until timeout passes; it reports whether cond held.
func (n *Notifier) WaitFor(timeout time.Duration, cond func() bool) bool {
	deadline := time.After(timeout)
	for {
		ch := n.Changed() // taken before cond, so no change is missed
		if cond() {
			return true
		}
		select {
		case <-ch:
		case <-deadline:
			return cond()
		}
	}
}
