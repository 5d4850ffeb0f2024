// Package startup paces the garbage collector while a process builds what
// it needs before its first answer.
//
// Building the knowledge base, its analyzer and its triage sets allocates
// some 30 MB, most of it short-lived, from a heap that starts at a few
// megabytes: the collector would run a dozen times and trace the growing
// structures each time, which costs more than the building itself. Pace
// turns collection off for that stretch, under a memory limit that still
// bounds the heap, and restores the settings after.
package startup

import (
	"runtime/debug"
	"sync"
)

// DefaultLimit is the heap size at which the collector runs anyway while
// paced: ten times what the real knowledge base needs to build, so that a
// knowledge base many times its size still builds within bounded memory.
const DefaultLimit = 512 << 20

// Pace turns garbage collection off, collecting only when the heap
// reaches limit bytes (or the process's own memory limit, if lower),
// until restore is called; restore puts back the
// collector's percentage and memory limit as they were, once however
// often it is called (so that it may also be deferred for error paths).
// Both settings are process-wide: call Pace from main, around the
// start-up build, and not while another part of the process relies on
// its own settings.
func Pace(limit int64) (restore func()) {
	memory := debug.SetMemoryLimit(-1) // reads the limit
	// A lower limit set for the process (GOMEMLIMIT) stays: with
	// collection off, a higher one could let a container run out.
	debug.SetMemoryLimit(min(limit, memory))
	percent := debug.SetGCPercent(-1)
	return sync.OnceFunc(func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(memory)
	})
}
