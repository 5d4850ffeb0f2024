package workpool_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/backcare/backcare/internal/workpool"
)

func TestOrderPerKey(t *testing.T) {
	p := workpool.New(4, 8)
	var mu sync.Mutex
	got := map[string][]int{}
	for i := 0; i < 100; i++ {
		key := fmt.Sprint(i % 7)
		p.Dispatch(key, func() {
			mu.Lock()
			got[key] = append(got[key], i)
			mu.Unlock()
		})
	}
	p.Close()
	for key, seq := range got {
		for j := 1; j < len(seq); j++ {
			if seq[j] < seq[j-1] {
				t.Fatalf("key %s out of order: %v", key, seq)
			}
		}
	}
	if len(got) != 7 {
		t.Errorf("%d keys", len(got))
	}
}

func TestTryDispatchWhenFull(t *testing.T) {
	p := workpool.New(1, 1)
	block, running := make(chan struct{}), make(chan struct{})
	p.Dispatch("a", func() { close(running); <-block })
	<-running
	ok := p.TryDispatch("a", func() {}) // fills the queue of depth 1
	full := !p.TryDispatch("a", func() {})
	close(block)
	p.Close()
	if !ok || !full {
		t.Errorf("queue accepted beyond its depth: ok=%v full=%v", ok, full)
	}
}

func TestDispatchAfterClose(t *testing.T) {
	p := workpool.New(2, 2)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ { // dispatchers racing with Close, as event handlers do at shutdown
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				p.Dispatch(fmt.Sprint(j), func() {})
			}
		}()
	}
	p.Close()
	wg.Wait()
	if p.Dispatch("x", func() { t.Error("ran after Close") }) {
		t.Error("Dispatch accepted a job after Close")
	}
	p.Close()
}
