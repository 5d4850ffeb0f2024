package triage

import (
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/backcare/backcare/internal/analyze"
)

// minAhead is the fewest patterns worth expanding ahead on other cores:
// below it (a decline list, the hesitation triggers), the goroutines
// cost more than they save.
const minAhead = 256

// aheadChunk is how many patterns a worker expands before it publishes
// them: Compile waits on a chunk, not on each pattern.
const aheadChunk = 32

// ahead expands a Config's patterns on other cores while Compile walks
// them in order, compiling each into phrases: expanding (analysing every
// alternative of every item) is about half of a compile, and the two
// halves run side by side. Each worker has an expander of its own; the
// analyzer they share is safe for concurrent use and memoizes its lemmas.
//
// The patterns are listed in the order Compile meets them, so that the
// workers keep ahead of it. A pattern is taken once: one written twice
// (the same unless pattern in two rules) is expanded again the second
// time, so that no two phrases share the slices of one expansion.
type ahead struct {
	at       map[string]int // pattern -> its place in list, first occurrence
	list     []string
	out      []expansion
	taken    []bool
	ready    []chan struct{} // closed when its chunk is expanded
	quit     chan struct{}   // closed by stop: the workers give up
	stopOnce sync.Once
}

// newAhead starts expanding c's patterns on up to GOMAXPROCS-1 workers
// (at least one), each with an expander of its own over a and groups. It
// returns nil for a Config too small to be worth it.
func newAhead(a *analyze.Analyzer, groups map[string][]string, c Config) *ahead {
	list := patternsOf(c)
	if len(list) < minAhead {
		return nil
	}
	h := &ahead{at: make(map[string]int, len(list)), list: list, out: make([]expansion, len(list)),
		taken: make([]bool, len(list)), quit: make(chan struct{})}
	for i, p := range list {
		if _, ok := h.at[p]; !ok {
			h.at[p] = i
		}
	}
	chunks := (len(list) + aheadChunk - 1) / aheadChunk
	h.ready = make([]chan struct{}, chunks)
	for i := range h.ready {
		h.ready[i] = make(chan struct{})
	}
	workers := min(max(runtime.GOMAXPROCS(0)-1, 1), 3)
	for w := range workers {
		go func() {
			wx := newExpander(a, groups, len(list)/workers, 0)
			for k := w; k < chunks; k += workers {
				select {
				case <-h.quit:
					return
				default:
				}
				for i := k * aheadChunk; i < min((k+1)*aheadChunk, len(list)); i++ {
					if h.at[list[i]] == i {
						bags, err := wx.expandNow(list[i])
						h.out[i] = expansion{bags, err}
					}
				}
				close(h.ready[k])
			}
		}()
	}
	return h
}

// expansion is what expander.expand returns for one pattern.
type expansion struct {
	bags [][]string
	err  error
}

// take returns the expansion of pattern, waiting for its chunk, or false
// if pattern is not listed or was taken before.
func (h *ahead) take(pattern string) (expansion, bool) {
	i, ok := h.at[pattern]
	if !ok || h.taken[i] {
		return expansion{}, false
	}
	h.taken[i] = true
	<-h.ready[i/aheadChunk]
	return h.out[i], true
}

// stop tells the workers to give up the chunks they have not begun.
func (h *ahead) stop() {
	h.stopOnce.Do(func() { close(h.quit) })
}

// patternsOf lists every pattern that Compile expands, in the order it
// expands them: per rule its triggers' parts, firm triggers, unless,
// history, averted (near, then save), past, screen_unless and explained
// patterns; then the history patterns, then the asking ones.
func patternsOf(c Config) []string {
	list := make([]string, 0, c.size()+c.size()/4)
	for _, r := range c.Rules {
		for _, t := range r.Triggers {
			list = append(list, strings.Split(t, " & ")...)
		}
		for _, t := range slices.Concat(r.Firm, r.Preterm) {
			list = append(list, strings.Split(t, " & ")...)
		}
		list = append(list, r.Unless...)
		list = append(list, r.History...)
		for _, pat := range r.Averted {
			if near, save, ok := strings.Cut(pat, " & "); ok {
				list = append(list, near, save)
			}
		}
		list = append(list, r.Past...)
		list = append(list, r.ScreenUnless...)
		list = append(list, r.Explained...)
	}
	h, q := c.History, c.Asking
	for _, l := range [][]string{h.Past, h.PastAfter, h.Recent, h.Earlier, h.Now, h.Today, h.Visits, h.Settled, h.Checked, h.Again,
		q.Frames, q.Unreal, q.Disclaimers, q.Disclosures, q.Instructions} {
		list = append(list, l...)
	}
	return list
}
