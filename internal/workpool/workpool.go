// Package workpool runs jobs on a fixed number of workers, each job routed
// by a key: jobs with the same key (one chat) run in order on the same
// worker, jobs with different keys run concurrently.
package workpool

import (
	"hash/fnv"
	"sync"
)

// Pool is a keyed worker pool. Close it once no more jobs are dispatched.
type Pool struct {
	queues []chan func()
	wg     sync.WaitGroup
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
// worker's queue is full.
func (p *Pool) Dispatch(key string, job func()) { p.queue(key) <- job }

// TryDispatch queues job unless the worker's queue is full.
func (p *Pool) TryDispatch(key string, job func()) bool {
	select {
	case p.queue(key) <- job:
		return true
	default:
		return false
	}
}

// Close waits for the queued jobs to finish and stops the workers.
func (p *Pool) Close() {
	for _, q := range p.queues {
		close(q)
	}
	p.wg.Wait()
}
