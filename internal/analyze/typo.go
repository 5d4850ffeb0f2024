package analyze

// minTypoLen is the shortest word the analyzer corrects. Shorter words are
// too easily turned into another real word ("tall" into "fall").
const minTypoLen = 5

// typoIndex finds a known word one edit (insertion, deletion, substitution
// or swap of neighbours) away from a misspelt one. It is a symmetric
// deletion index: each known word is stored under every way of deleting
// one of its letters, so a lookup costs a few map probes, not a scan of
// the vocabulary.
type typoIndex struct {
	words   map[string]int    // known word -> rank (lower is more frequent)
	deletes map[string]string // known word minus one letter -> best known word
}

func newTypoIndex(vocab []string) typoIndex {
	count := map[string]int{}
	for _, w := range vocab {
		count[w]++
	}
	ix := typoIndex{words: map[string]int{}, deletes: map[string]string{}}
	for w, n := range count {
		if len(w) < minTypoLen-1 || !isASCIIWord(w) {
			continue
		}
		ix.words[w] = -n
	}
	buf := make([]byte, 0, 64)
	for w := range ix.words {
		for i := 0; i < len(w); i++ {
			buf = append(append(buf[:0], w[:i]...), w[i+1:]...)
			d := string(buf)
			if prev, ok := ix.deletes[d]; !ok || ix.better(w, prev) {
				ix.deletes[d] = w
			}
		}
	}
	return ix
}

// better orders candidates: more frequent first, then alphabetical, so
// corrections do not depend on map iteration order.
func (ix typoIndex) better(a, b string) bool {
	ra, rb := ix.words[a], ix.words[b]
	if ra != rb {
		return ra < rb
	}
	return a < b
}

// lookup returns the best known word within one edit of w.
func (ix typoIndex) lookup(w string) (string, bool) {
	if len(w) < minTypoLen || len(w) > 32 || !isASCIIWord(w) {
		return "", false
	}
	best, found := "", false
	consider := func(c string) {
		// Typos rarely hit the first letter; requiring it keeps real words
		// from being "corrected" into others ("pushing" into "gushing").
		if c != "" && c[0] == w[0] && (!found || ix.better(c, best)) && withinOneEdit(w, c) {
			best, found = c, true
		}
	}
	// w has one letter too many: w minus a letter is a known word.
	var buf [32]byte
	for i := 0; i < len(w); i++ {
		b := append(append(buf[:0], w[:i]...), w[i+1:]...)
		if _, ok := ix.words[string(b)]; ok {
			consider(string(b))
		}
		// substitution or swap: both lose a letter and meet.
		if c, ok := ix.deletes[string(b)]; ok {
			consider(c)
		}
	}
	// w misses a letter: a known word minus a letter is w.
	if c, ok := ix.deletes[w]; ok {
		consider(c)
	}
	return best, found
}

// withinOneEdit reports whether a and b differ by at most one insertion,
// deletion, substitution or swap of two neighbouring letters.
func withinOneEdit(a, b string) bool {
	if a == b {
		return true
	}
	la, lb := len(a), len(b)
	if la < lb {
		a, b, la, lb = b, a, lb, la
	}
	switch la - lb {
	case 0:
		i := 0
		for i < la && a[i] == b[i] {
			i++
		}
		if a[i+1:] == b[i+1:] {
			return true // substitution
		}
		return i+1 < la && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case 1:
		i := 0
		for i < lb && a[i] == b[i] {
			i++
		}
		return a[i+1:] == b[i:]
	}
	return false
}
