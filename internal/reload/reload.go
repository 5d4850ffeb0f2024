// Package reload watches a knowledge base on disk and swaps a new version in
// when it changes (or on demand, for SIGHUP). An invalid new version is
// rejected with the loader's file:line:column errors, and the last good one
// stays in service. A change that does not load is tried again a moment
// later before it counts as a failure: an editor may still be writing it.
// Review warnings (content never reviewed, or overdue) never stop a reload:
// they are counted in its log line, and `backcare kb validate` lists them.
package reload

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/backcare/backcare/knowledge"
)

// Reloader reloads one knowledge-base path.
type Reloader struct {
	// Path is a YAML file or a folder, as for knowledge.Load.
	Path string
	// Apply installs a newly loaded, valid knowledge base.
	Apply func(*knowledge.Base)
	// Check, if set, rejects a valid knowledge base that does not suit the
	// running bot (one that no longer defines the region it is set to); a
	// rejected one counts as a failed reload.
	Check func(*knowledge.Base) error
	// Result, if set, is told whether each reload succeeded (metrics).
	Result func(ok bool)
	Log    *slog.Logger
	// Debounce groups the several events of one save; default 250 ms.
	Debounce time.Duration
	// Settle is how long after a change that does not load it is tried
	// again, before it counts as a failed reload; default 1 s.
	Settle time.Duration
	// Watching, if set, is called once the watcher is registered: changes
	// made after it are seen.
	Watching func()

	mu sync.Mutex // one reload at a time
}

// Reload loads the path and applies it if valid. It returns the load error,
// an ErrorList for an invalid knowledge base.
func (r *Reloader) Reload() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.report(knowledge.Load(r.Path))
}

// tryReload loads the path and applies it if valid; a failure is not
// reported. It reports whether the load succeeded.
func (r *Reloader) tryReload() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	kb, err := knowledge.Load(r.Path)
	if err != nil {
		r.Log.Debug("knowledge base does not load yet; trying again shortly", "err", err)
		return false
	}
	_ = r.report(kb, nil)
	return true
}

// report applies kb, or logs and counts err.
func (r *Reloader) report(kb *knowledge.Base, err error) error {
	if err == nil && r.Check != nil {
		err = r.Check(kb)
	}
	if err != nil {
		if r.Result != nil {
			r.Result(false)
		}
		var list knowledge.ErrorList
		if errors.As(err, &list) {
			for _, e := range list {
				r.Log.Error("knowledge base rejected; keeping the last good one", "problem", e.Error())
			}
		} else {
			r.Log.Error("knowledge base reload failed; keeping the last good one", "err", err)
		}
		return err
	}
	r.Apply(kb)
	if r.Result != nil {
		r.Result(true) // after Apply: a reported success is in service
	}
	r.Log.Info("knowledge base reloaded", "path", r.Path, "topics", len(kb.Topics), "red_flags", len(kb.RedFlags),
		"review_warnings", len(kb.ReviewWarnings(time.Now())))
	return nil
}

// Run watches Path until ctx ends, and reloads on every change and on
// every value received from hup.
func (r *Reloader) Run(ctx context.Context, hup <-chan os.Signal) error {
	if r.Debounce == 0 {
		r.Debounce = 250 * time.Millisecond
	}
	if r.Settle == 0 {
		r.Settle = time.Second
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watch knowledge base: %w", err)
	}
	defer w.Close()
	if err := r.watch(w); err != nil {
		return err
	}
	if r.Watching != nil {
		r.Watching()
	}

	var timer *time.Timer
	var fire <-chan time.Time
	retrying := false // the last change did not load; the next try counts
	arm := func(d time.Duration) {
		if timer == nil {
			timer = time.NewTimer(d)
		} else {
			timer.Stop()
			timer.Reset(d)
		}
		fire = timer.C
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-hup:
			r.Log.Info("SIGHUP: reloading the knowledge base")
			_ = r.Reload()
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if !relevant(ev) {
				continue
			}
			// New folders must be watched too; editors may also replace
			// the watched file, so the watch list is refreshed.
			_ = r.watch(w)
			if retrying {
				arm(max(r.Debounce, r.Settle))
			} else {
				arm(r.Debounce)
			}
		case <-fire:
			fire = nil
			switch {
			case retrying:
				retrying = false
				_ = r.Reload()
			case !r.tryReload():
				retrying = true
				arm(r.Settle)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			r.Log.Warn("knowledge-base watcher error", "err", err)
		}
	}
}

// watch adds the path's folders to w. A single file is watched through
// its folder, which survives editors that save by renaming.
func (r *Reloader) watch(w *fsnotify.Watcher) error {
	info, err := os.Stat(r.Path)
	if err != nil {
		return fmt.Errorf("watch knowledge base: %w", err)
	}
	if !info.IsDir() {
		return w.Add(filepath.Dir(r.Path))
	}
	return filepath.WalkDir(r.Path, func(p string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		return w.Add(p)
	})
}

func relevant(ev fsnotify.Event) bool {
	if ev.Has(fsnotify.Chmod) && !ev.Has(fsnotify.Write) && !ev.Has(fsnotify.Create) {
		return false
	}
	switch filepath.Ext(ev.Name) {
	case ".yaml", ".yml", "":
		return true
	}
	return false
}
