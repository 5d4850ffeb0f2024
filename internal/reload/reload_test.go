package reload_test

import (
	"context"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/backcare/backcare/internal/reload"
	"github.com/backcare/backcare/knowledge"
)

// copyKB writes the embedded knowledge base to a folder.
func copyKB(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	fsys := knowledge.EmbeddedFS()
	entries, err := fs.ReadDir(fsys, "kb")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, _ := fs.ReadFile(fsys, "kb/"+e.Name())
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

type recorder struct {
	mu      sync.Mutex
	applied []*knowledge.Base
	results []bool
}

func (r *recorder) counts() (int, int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.applied), len(r.results)
}

func TestReloadOnSIGHUPAndOnChange(t *testing.T) {
	dir := copyKB(t)
	rec := &recorder{}
	var logs strings.Builder
	var logMu sync.Mutex
	rl := &reload.Reloader{Path: dir, Debounce: 20 * time.Millisecond,
		Log: slog.New(slog.NewTextHandler(writerFunc(func(p []byte) (int, error) {
			logMu.Lock()
			defer logMu.Unlock()
			return logs.Write(p)
		}), nil)),
		Apply:  func(kb *knowledge.Base) { rec.mu.Lock(); rec.applied = append(rec.applied, kb); rec.mu.Unlock() },
		Result: func(ok bool) { rec.mu.Lock(); rec.results = append(rec.results, ok); rec.mu.Unlock() },
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	hup := make(chan os.Signal, 1)
	done := make(chan error, 1)
	go func() { done <- rl.Run(ctx, hup) }()
	wait := func(what string, cond func() bool) {
		t.Helper()
		for deadline := time.Now().Add(5 * time.Second); !cond(); time.Sleep(10 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s", what)
			}
		}
	}

	hup <- os.Interrupt // any signal value: the channel is the trigger
	wait("SIGHUP reload", func() bool { a, _ := rec.counts(); return a == 1 })

	path := filepath.Join(dir, "about.yaml")
	data, _ := os.ReadFile(path)
	os.WriteFile(path, []byte(strings.Replace(string(data), "title: \"When to call the midwife\"", "title: \"When to call your midwife\"", 1)), 0o644)
	wait("reload on change", func() bool { a, _ := rec.counts(); return a == 2 })
	rec.mu.Lock()
	src, _ := rec.applied[1].Source("uhb-call-midwife")
	rec.mu.Unlock()
	if src.Title != "When to call your midwife" {
		t.Errorf("new title not applied: %q", src.Title)
	}

	os.WriteFile(path, []byte("sources: [\n"), 0o644) // broken
	wait("rejected reload", func() bool { _, r := rec.counts(); return r == 3 })
	if a, _ := rec.counts(); a != 2 {
		t.Error("a broken knowledge base was applied")
	}
	rec.mu.Lock()
	if rec.results[2] {
		t.Error("a broken knowledge base reported as a success")
	}
	rec.mu.Unlock()
	logMu.Lock()
	if !strings.Contains(logs.String(), "about.yaml:2:1") {
		t.Errorf("no positioned error in the log:\n%s", logs.String())
	}
	logMu.Unlock()
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }
