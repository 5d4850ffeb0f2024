package reload_test

import (
	"context"
	"fmt"
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
	if err := knowledge.WriteEmbedded(dir); err != nil {
		t.Fatal(err)
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

	// Save the way editors do: write a new file, rename it over the old.
	path := filepath.Join(dir, "about.yaml")
	save := func(content string) {
		tmp := filepath.Join(dir, ".about.yaml.swp")
		if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, path); err != nil {
			t.Fatal(err)
		}
	}
	data, _ := os.ReadFile(path)
	save(strings.Replace(string(data), "title: \"When to call the midwife\"", "title: \"When to call your midwife\"", 1))
	latestTitle := func() string {
		rec.mu.Lock()
		defer rec.mu.Unlock()
		src, _ := rec.applied[len(rec.applied)-1].Source("uhb-call-midwife")
		return src.Title
	}
	wait("reload on change", func() bool { return latestTitle() == "When to call your midwife" })
	applied, _ := rec.counts()

	save("sources: [\n") // broken
	logged := func() bool {
		logMu.Lock()
		defer logMu.Unlock()
		return strings.Contains(logs.String(), "about.yaml:2:1")
	}
	wait("rejected reload with a positioned error", logged)
	if a, _ := rec.counts(); a != applied {
		t.Error("a broken knowledge base was applied")
	}
	if latestTitle() != "When to call your midwife" {
		t.Error("the last good knowledge base is not the one in service")
	}
	rec.mu.Lock()
	if rec.results[len(rec.results)-1] {
		t.Error("a broken knowledge base reported as a success")
	}
	rec.mu.Unlock()
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// TestSlowSaveIsNotAFailure writes a file in two parts with a pause
// longer than the debounce between them, as a slow editor or a copy over
// the network would: the half-written file is not counted as a failure.
func TestSlowSaveIsNotAFailure(t *testing.T) {
	dir := copyKB(t)
	rec := &recorder{}
	watching := make(chan struct{})
	rl := &reload.Reloader{Path: dir, Debounce: 20 * time.Millisecond, Settle: 400 * time.Millisecond,
		Log:      slog.New(slog.DiscardHandler),
		Watching: func() { close(watching) },
		Apply:    func(kb *knowledge.Base) { rec.mu.Lock(); rec.applied = append(rec.applied, kb); rec.mu.Unlock() },
		Result:   func(ok bool) { rec.mu.Lock(); rec.results = append(rec.results, ok); rec.mu.Unlock() },
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- rl.Run(ctx, nil) }()
	<-watching

	path := filepath.Join(dir, "about.yaml")
	data, _ := os.ReadFile(path)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	half := len(data) / 2
	if _, err := f.Write(data[:half]); err != nil {
		t.Fatal(err)
	}
	time.Sleep(150 * time.Millisecond) // several debounce periods
	if _, err := f.Write(data[half:]); err != nil {
		t.Fatal(err)
	}
	f.Close()
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		if a, _ := rec.counts(); a > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the completed file was not reloaded")
		}
	}
	time.Sleep(100 * time.Millisecond)
	rec.mu.Lock()
	defer rec.mu.Unlock()
	for _, ok := range rec.results {
		if !ok {
			t.Errorf("a file still being written was counted as a failed reload: %v", rec.results)
			break
		}
	}
	cancel()
	<-done
}

// TestReviewWarningsNeverBlockAReload: content never reviewed or overdue is
// reloaded and counted in the log line; a review written wrongly (a date
// in the future) is an error like any other, with its position.
func TestReviewWarningsNeverBlockAReload(t *testing.T) {
	dir := copyKB(t)
	relief := filepath.Join(dir, "relief.yaml")
	original, err := os.ReadFile(relief)
	if err != nil {
		t.Fatal(err)
	}
	const anchor = "  - id: footwear\n"
	if !strings.Contains(string(original), anchor) {
		t.Fatalf("relief.yaml has no %q", anchor)
	}
	reviewLine := strings.Count(string(original[:strings.Index(string(original), anchor)]), "\n") + 2
	tests := []struct {
		name     string
		reviewed string
		applied  bool
		log      string
	}{
		{"never reviewed", "", true, "review_warnings=38"},
		{"one overdue review", `    reviewed: {by: "Jane Doe, midwife", on: 2020-01-01}` + "\n", true, "review_warnings=38"},
		{"one current review", `    reviewed: {by: "Jane Doe, midwife", on: ` + time.Now().Format(knowledge.DateLayout) + "}\n", true, "review_warnings=37"},
		{"a review dated in the future", `    reviewed: {by: "Jane Doe, midwife", on: 2999-01-01}` + "\n", false,
			fmt.Sprintf("relief.yaml:%d:45: reviewed on 2999-01-01 is in the future", reviewLine)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			edited := strings.Replace(string(original), anchor, anchor+tt.reviewed, 1)
			if err := os.WriteFile(relief, []byte(edited), 0o644); err != nil {
				t.Fatal(err)
			}
			var logs strings.Builder
			applied := false
			rl := &reload.Reloader{Path: dir, Log: slog.New(slog.NewTextHandler(&logs, nil)),
				Apply: func(*knowledge.Base) { applied = true }}
			err := rl.Reload()
			if applied != tt.applied || (err == nil) != tt.applied {
				t.Errorf("applied %v, error %v; want applied %v", applied, err, tt.applied)
			}
			if !strings.Contains(logs.String(), tt.log) {
				t.Errorf("log lacks %q:\n%s", tt.log, logs.String())
			}
		})
	}
}

// TestCheckRejects: a knowledge base that loads but fails Check is not
// applied, and counts as a failed reload.
func TestCheckRejects(t *testing.T) {
	dir := copyKB(t)
	tests := []struct {
		name    string
		check   func(*knowledge.Base) error
		applied bool
	}{
		{"passes", func(*knowledge.Base) error { return nil }, true},
		{"rejects", func(kb *knowledge.Base) error { _, err := kb.SelectRegion("narnia"); return err }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs strings.Builder
			rec := &recorder{}
			rl := &reload.Reloader{Path: dir, Check: tt.check, Log: slog.New(slog.NewTextHandler(&logs, nil)),
				Apply:  func(kb *knowledge.Base) { rec.applied = append(rec.applied, kb) },
				Result: func(ok bool) { rec.results = append(rec.results, ok) }}
			err := rl.Reload()
			if (len(rec.applied) == 1) != tt.applied || len(rec.results) != 1 || rec.results[0] != tt.applied || (err == nil) != tt.applied {
				t.Errorf("applied %d, results %v, err %v", len(rec.applied), rec.results, err)
			}
			if !tt.applied && !strings.Contains(logs.String(), `region \"narnia\" is not defined`) {
				t.Errorf("log:\n%s", logs.String())
			}
		})
	}
}
