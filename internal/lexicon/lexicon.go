// Package lexicon knows English words: whether a word is spelled right,
// how common it is, and its lemma (dictionary form).
//
// The word list is SCOWL (Spell Checker Oriented Word Lists, by Kevin
// Atkinson), sizes 10 to 70, British and American spellings, as Debian's
// scowl package ships it; words.txt is generated from it by gen (run `go
// generate` after `apt-get install scowl`). The spelling fixer uses it so
// that a correctly spelled word ("leaving", "table") is never "corrected"
// into another ("leaking", "tablet"); triage matches danger signs on
// lemmas, so that "contractions" and "contracting" meet but a work
// "contract" does not.
package lexicon

import (
	_ "embed" // words.txt
	"hash/maphash"
	"strings"
	"sync"
)

//go:generate go run ./gen -o words.txt

//go:embed words.txt
var words string

// Tiers are SCOWL sizes: how common a word is, from 10 (the commonest
// few thousand words) to 70 (rare but real).
var tiers = [...]int{10, 20, 35, 40, 50, 55, 60, 70}

// Lexicon is an immutable English word list with lemmas. It is safe for
// concurrent use.
type Lexicon struct {
	seed  maphash.Seed
	slots []uint32 // open addressing: offset+1 of a word's line in words, 0 for empty
	mask  uint64
	n     int
}

// English returns the English lexicon. It is built once per process, on
// first use (a few milliseconds), and shared: it never changes.
var English = sync.OnceValue(func() *Lexicon { return build(words) })

func build(data string) *Lexicon {
	n := strings.Count(data, "\n")
	size := 1
	for size < 2*n {
		size <<= 1
	}
	l := &Lexicon{seed: maphash.MakeSeed(), slots: make([]uint32, size), mask: uint64(size - 1), n: n}
	for off := 0; off < len(data); {
		end := strings.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data) - off
		}
		line := data[off : off+end]
		if sp := strings.IndexByte(line, ' '); sp > 0 {
			i := maphash.String(l.seed, line[:sp]) & l.mask
			for l.slots[i] != 0 {
				i = (i + 1) & l.mask
			}
			l.slots[i] = uint32(off + 1)
		}
		off += end + 1
	}
	return l
}

// Len returns the number of words.
func (l *Lexicon) Len() int { return l.n }

// Tier returns how common w is, as its SCOWL size (10 to 70; smaller is
// more common), and whether w is an English word at all. w must be lower
// case.
func (l *Lexicon) Tier(w string) (int, bool) {
	if w == "" || len(w) > 64 {
		return 0, false
	}
	for i := maphash.String(l.seed, w) & l.mask; l.slots[i] != 0; i = (i + 1) & l.mask {
		off := int(l.slots[i] - 1)
		if end := off + len(w); end < len(words) && words[end] == ' ' && words[off:end] == w {
			return tiers[words[end+1]-'a'], true
		}
	}
	return 0, false
}

// Known reports whether w (lower case) is an English word.
func (l *Lexicon) Known(w string) bool {
	_, ok := l.Tier(w)
	return ok
}
