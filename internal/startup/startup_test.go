package startup

import (
	"runtime/debug"
	"testing"
)

func TestPaceRestores(t *testing.T) {
	before := debug.SetGCPercent(150)
	defer debug.SetGCPercent(before)
	limit := debug.SetMemoryLimit(1 << 40)
	defer debug.SetMemoryLimit(limit)

	restore := Pace(64 << 20)
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Errorf("while paced: GC percent %d, want -1 (off)", got)
	}
	if got := debug.SetMemoryLimit(-1); got != 64<<20 {
		t.Errorf("while paced: memory limit %d, want %d", got, 64<<20)
	}
	restore()
	restore() // a second call changes nothing
	if got := debug.SetGCPercent(-1); got != 150 {
		t.Errorf("after restore: GC percent %d, want 150", got)
	}
	debug.SetGCPercent(150)
	if got := debug.SetMemoryLimit(-1); got != 1<<40 {
		t.Errorf("after restore: memory limit %d, want %d", got, int64(1<<40))
	}
}

func TestPaceKeepsLowerLimit(t *testing.T) {
	limit := debug.SetMemoryLimit(32 << 20)
	defer debug.SetMemoryLimit(limit)
	percent := debug.SetGCPercent(100)
	defer debug.SetGCPercent(percent)

	restore := Pace(512 << 20)
	defer restore()
	if got := debug.SetMemoryLimit(-1); got != 32<<20 {
		t.Errorf("while paced under GOMEMLIMIT=32MiB: memory limit %d, want %d", got, 32<<20)
	}
}
