package insights

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/backcare/backcare/bot"
)

// Options tune a Recorder. The zero value is ready to use.
type Options struct {
	// LowConfidence: topic answers below it are recorded with their
	// question; default 0.5.
	LowConfidence float64
	// Queue is how many lines may wait for the disk; default 4096.
	Queue int
	// Wait is how long Observe waits for room when the queue is full
	// before it drops the line; default 20ms.
	Wait time.Duration
	// OnDrop, if set, is called for each line dropped because the queue
	// was full.
	OnDrop func()
	// OnError, if set, is called when writing to the file fails, once per
	// run of failures (again only after a write has succeeded).
	OnError func(error)
	// Now returns the current time; default time.Now.
	Now func() time.Time
}

// Recorder appends entries to an insights log file. It is safe for
// concurrent use.
//
// Observe, on the reply path, only describes the reply and queues it: one
// goroutine per Recorder owns the file, encodes the queued entries and
// appends them in batches of whole lines, one write each. When the disk
// is so slow that the queue fills, Observe waits at most Options.Wait and
// then drops the line (and counts it) rather than hold up replies; while
// the queue stays full it drops without waiting, for a second at a time.
type Recorder struct {
	opts    Options
	f       *os.File
	queue   chan Entry
	done    chan struct{}
	dropped atomic.Uint64
	// lastDrop is when a line was last dropped, in Unix nanoseconds.
	lastDrop atomic.Int64
	regular  bool // the file is a regular file (so it can be synced)

	mu     sync.RWMutex // guards closed and sending on queue against Close
	closed bool

	werr error // first write error; only the writer goroutine sets it before done
}

// Open opens the log at path for appending, creating it with mode 0600
// (read and write for the owner only). An existing file readable by others
// is narrowed to 0600, since it holds what members wrote about their
// health (a path that is not a regular file, such as a named pipe, is left
// as it is). Open starts the writer goroutine; Close stops it.
func Open(path string, opts Options) (*Recorder, error) {
	if opts.LowConfidence == 0 {
		opts.LowConfidence = 0.5
	}
	if opts.Queue <= 0 {
		opts.Queue = 4096
	}
	if opts.Wait == 0 {
		opts.Wait = 20 * time.Millisecond
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open insights log: %w", err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("open insights log: %w", err)
	}
	if fi.Mode().IsRegular() && fi.Mode().Perm()&0o077 != 0 {
		if err := f.Chmod(0o600); err != nil {
			f.Close()
			return nil, fmt.Errorf("insights log %s is readable by others and cannot be narrowed to 0600: %w", path, err)
		}
	}
	r := &Recorder{opts: opts, f: f, regular: fi.Mode().IsRegular(), queue: make(chan Entry, opts.Queue), done: make(chan struct{})}
	go r.write()
	return r, nil
}

// Observe records one reply; it fits bot.Options.Observe.
func (r *Recorder) Observe(m bot.Message, rep bot.Reply, _ time.Duration) {
	e, ok := NewEntry(m, rep, r.opts.Now(), r.opts.LowConfidence)
	if !ok {
		return
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	if r.closed {
		return
	}
	select {
	case r.queue <- e:
		return
	default:
	}
	// The queue is full. Wait a little for the disk, unless it was
	// already too slow within the last second: then drop at once, so a
	// stalled disk costs the replies one short wait a second at most.
	now := time.Now().UnixNano()
	if now-r.lastDrop.Load() > int64(time.Second) {
		t := time.NewTimer(r.opts.Wait)
		defer t.Stop()
		select {
		case r.queue <- e:
			return
		case <-t.C:
		}
		now = time.Now().UnixNano()
	}
	r.lastDrop.Store(now)
	r.dropped.Add(1)
	if r.opts.OnDrop != nil {
		r.opts.OnDrop()
	}
}

// Dropped returns how many lines were dropped because the queue was full.
func (r *Recorder) Dropped() uint64 { return r.dropped.Load() }

// maxBatch bounds one write.
const maxBatch = 64 << 10

// write is the one goroutine that writes the file. It appends each batch
// of queued lines with a single write, so lines are never torn, even when
// another process appends to the same file.
func (r *Recorder) write() {
	defer close(r.done)
	buf := make([]byte, 0, maxBatch)
	failing := false
	for e := range r.queue {
		buf = appendLine(buf[:0], e)
	batch:
		for len(buf) < maxBatch {
			select {
			case e, ok := <-r.queue:
				if !ok {
					break batch
				}
				buf = appendLine(buf, e)
			default:
				break batch
			}
		}
		_, err := r.f.Write(buf)
		switch {
		case err != nil && !failing:
			failing = true
			if r.werr == nil {
				r.werr = err
			}
			if r.opts.OnError != nil {
				r.opts.OnError(fmt.Errorf("write insights log: %w", err))
			}
		case err == nil:
			failing = false
		}
	}
}

func appendLine(buf []byte, e Entry) []byte {
	line, err := json.Marshal(e)
	if err != nil { // cannot happen: every field encodes
		return buf
	}
	return append(append(buf, line...), '\n')
}

// Close writes the lines still queued, syncs and closes the file. It
// returns the first write error, if any. Observe after Close does nothing.
func (r *Recorder) Close() error {
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return errors.New("insights log already closed")
	}
	r.closed = true
	close(r.queue)
	r.mu.Unlock()
	<-r.done
	var serr error
	if r.regular {
		serr = r.f.Sync()
	}
	cerr := r.f.Close()
	switch {
	case r.werr != nil:
		return fmt.Errorf("write insights log: %w", r.werr)
	case serr != nil:
		return fmt.Errorf("sync insights log: %w", serr)
	case cerr != nil:
		return fmt.Errorf("close insights log: %w", cerr)
	}
	return nil
}
