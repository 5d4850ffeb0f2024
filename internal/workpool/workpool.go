// Package workpool runs jobs on a fixed number of workers, each job routed
// by a key: jobs with the same key (one chat) run in order on the same
// worker, jobs with different keys run concurrently.
package workpool

import (
	"hash/fnv"
	"sync"
)

// Pool is a keyed worker pool. It is safe to Close while other goroutines
// are still dispatching: their jobs are then refused.
type Pool struct {
	queues []chan func()
	wg     sync.WaitGroup
	mu     sync.RWMutex // held for reading while queueing, for writing to close
	closed bool
}

// New starts n workers, each with a queue of depth jobs.
func New(n, depth int) *Pool {
	p := &Pool{queues: make([]chan func(), n)}
	for i := range p.queues {
		q := make(chan func(), depth)
		p.queues[i] = q
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			for job := range q {
				job()
			}
		}()
	}
	return p
}

func (p *Pool) queue(key string) chan func() {
	h := fnv.New64a()
	h.Write([]byte(key))
	return p.queues[h.Sum64()%uint64(len(p.queues))]
}

// Dispatch queues job behind the other jobs of key, waiting while the
// worker's queue is full. It reports false, without running job, once the
// pool is closed.
func (p *Pool) Dispatch(key string, job func()) bool {
	p.mu.RLock()
	defer p.mu.RUnlock()
	if p.closed {
		return false
	}
	p.queue(key) <- job
	return true
}

// TryDispatch queues job unless the worker's queue is full or the pool is
// closed.
func (p *Pool) TryDispatch(key string, job func()) bool {
	p.mu.RLock()
	defer p.mu.RUnlock()
	if p.closed {
		return false
	}
	select {
	case p.queue(key) <- job:
		return true
	default:
		return false
	}
}

// Close refuses new jobs, waits for the queued ones to finish and stops
// the workers. Calling it again does nothing.
func (p *Pool) Close() {
	p.mu.Lock()
	if !p.closed {
		p.closed = true
		for _, q := range p.queues {
			close(q)
		}
	}
	p.mu.Unlock()
	p.wg.Wait()
}
