package insights_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/insights"
)

// TestStalledDiskDoesNotBlockReplies writes to a named pipe nobody reads,
// a disk that has stopped: once the pipe and the queue are full, Observe
// drops lines after its short wait instead of holding up the reply.
func TestStalledDiskDoesNotBlockReplies(t *testing.T) {
	path := filepath.Join(t.TempDir(), "stalled")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	reader, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	var drops atomic.Int64
	rec, err := insights.Open(path, insights.Options{Queue: 4, Wait: 5 * time.Millisecond, OnDrop: func() { drops.Add(1) }})
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("why does my back hurt ", 25)
	var slowest time.Duration
	for range 1000 { // about 500 KB, far more than a pipe holds
		start := time.Now()
		rec.Observe(msg(long), bot.Reply{Kind: bot.KindFallback}, 0)
		slowest = max(slowest, time.Since(start))
	}
	if rec.Dropped() == 0 || drops.Load() != int64(rec.Dropped()) {
		t.Errorf("dropped %d, OnDrop called %d times", rec.Dropped(), drops.Load())
	}
	if slowest > 500*time.Millisecond {
		t.Errorf("Observe took %v on a stalled disk", slowest)
	}
	// The disk comes back: drain the pipe so Close can finish.
	go func() {
		if err := syscall.SetNonblock(int(reader.Fd()), false); err == nil {
			_, _ = io.Copy(io.Discard, reader)
		}
	}()
	if err := rec.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestWriteErrorsAreReportedOnce writes to /dev/full: every write fails,
// OnError hears of it once, and Close returns the error.
func TestWriteErrorsAreReportedOnce(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full")
	}
	var errs []error
	rec, err := insights.Open("/dev/full", insights.Options{OnError: func(err error) { errs = append(errs, err) }})
	if err != nil {
		t.Skipf("open /dev/full: %v", err)
	}
	for range 3 {
		rec.Observe(msg("hello"), bot.Reply{Kind: bot.KindFallback}, 0)
		time.Sleep(10 * time.Millisecond) // separate batches
	}
	err = rec.Close()
	if !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("Close: %v, want ENOSPC", err)
	}
	if len(errs) != 1 {
		t.Errorf("OnError called %d times: %v", len(errs), errs)
	}
}
