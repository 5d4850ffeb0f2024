package analyze

import "strings"

// minTypoLen is the shortest word the analyzer corrects. Shorter words are
// too easily turned into another real word ("tall" into "fall"); chat
// shorthand ("bk", "gd") is expanded from a table instead.
const minTypoLen = 4

// twoEditLen is the shortest word corrected by two edits.
const twoEditLen = 7

// maxTypoLen bounds the words looked up; longer ones are left alone.
const maxTypoLen = 32

// typoIndex finds the known word nearest to a misspelt one. One edit
// (insertion, deletion, substitution or swap of neighbours) is found with
// a symmetric deletion index: each known word is stored under every way
// of deleting one of its letters, so a lookup costs a few map probes.
// Two edits, for longer words, are found by comparing against the known
// words of about the same length that start with the same letter.
type typoIndex struct {
	words   map[string]int    // known word -> rank (lower is more frequent)
	deletes map[string]string // known word minus one letter -> best known word
	buckets map[bucketKey][]string
	// skeletons maps a known word's consonants (see skeleton) to the
	// commonest known word that has them: "bby" is "baby", "mvng"
	// "moving", "bldng" "bleeding".
	skeletons map[string]string
}

// skeleton returns w without its vowels after the first letter: "baby"
// is "bby", "moving" "mvng", "always" "alwys".
func skeleton(w string) string {
	b := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case 'a', 'e', 'i', 'o', 'u':
			if i > 0 {
				continue
			}
		}
		b = append(b, w[i])
	}
	return string(b)
}

// minSkeleton is the fewest letters a word typed without its vowels must
// have to be looked up by its consonants: three-letter ones are too often
// abbreviations ("ppd", "lmp"), and the common ones are in the shorthand
// table ("bby", "hvy").
const minSkeleton = 4

// consonantsOnly reports whether w has no vowel after its first letter,
// as skeleton would leave it, without building one.
func consonantsOnly(w string) bool {
	for i := 1; i < len(w); i++ {
		switch w[i] {
		case 'a', 'e', 'i', 'o', 'u':
			return false
		}
	}
	return true
}

type bucketKey struct {
	first byte
	n     int
}

// newTypoIndex indexes the known words, given how often each occurs in
// the knowledge base.
func newTypoIndex(count map[string]int) typoIndex {
	ix := typoIndex{words: make(map[string]int, len(count)), buckets: map[bucketKey][]string{}}
	deletes := 0
	for w, n := range count {
		if len(w) < minTypoLen-1 || len(w) > maxTypoLen || !isASCIIWord(w) {
			continue
		}
		ix.words[w] = -n
		deletes += len(w)
		if len(w) >= twoEditLen-2 {
			k := bucketKey{w[0], len(w)}
			ix.buckets[k] = append(ix.buckets[k], w)
		}
	}
	ix.skeletons = make(map[string]string, len(ix.words))
	type skeletonOf struct{ w, k string }
	var doubles []skeletonOf // words with a doubled consonant in their skeleton
	for w := range ix.words {
		if len(w) < minSkeleton || consonantsOnly(w) {
			continue // a word of its own consonants corrects nothing to itself
		}
		k := skeleton(w)
		if len(k) >= minSkeleton {
			if prev, ok := ix.skeletons[k]; !ok || ix.better(w, prev) {
				ix.skeletons[k] = w
			}
		}
		for i := 1; i < len(k); i++ {
			if k[i] == k[i-1] {
				doubles = append(doubles, skeletonOf{w, k})
				break
			}
		}
	}
	// Doubled letters typed once too: "slpd" is "slipped" ("slppd"),
	// unless a word has these very consonants.
	doubled := map[string]string{}
	for _, d := range doubles {
		w, k := d.w, d.k
		if c := collapseAll(k); c != k && len(c) >= minSkeleton && c != w {
			if _, exact := ix.skeletons[c]; exact {
				continue
			}
			if prev, ok := doubled[c]; !ok || ix.better(w, prev) {
				doubled[c] = w
			}
		}
	}
	for c, w := range doubled {
		ix.skeletons[c] = w
	}
	ix.deletes = make(map[string]string, deletes)
	for w := range ix.words {
		// Every way of deleting one letter, in one string: w minus its
		// first letter, then minus its second, and so on.
		n := len(w) - 1
		buf := make([]byte, 0, len(w)*n)
		for i := range w {
			buf = append(append(buf, w[:i]...), w[i+1:]...)
		}
		all := string(buf)
		for i := range w {
			d := all[i*n : (i+1)*n]
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

// lookup returns the best known word within one edit of w, or for longer
// words within two.
func (ix typoIndex) lookup(w string) (string, bool) {
	if len(w) < minTypoLen || len(w) > maxTypoLen || !isASCIIWord(w) {
		return "", false
	}
	best, found := "", false
	consider := func(c string) {
		// Typos rarely hit the first letter; requiring it keeps real words
		// from being "corrected" into others.
		if c != "" && c[0] == w[0] && (!found || ix.better(c, best)) && distance(w, c, 1) <= 1 {
			best, found = c, true
		}
	}
	// w has one letter too many: w minus a letter is a known word.
	var buf [maxTypoLen]byte
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
	if found || len(w) < twoEditLen-2 {
		return best, found
	}
	// A shorter word gets two edits only for vowels left out: "redcd"
	// is "reduced".
	onlyDropped := len(w) < twoEditLen
	// Two edits. A word she typed without its vowels, as phones and
	// hurry have it, wins over any other: "movmnts" is "movements", not
	// the commoner "moments".
	bestDropped := false
	for n := len(w) - 2; n <= len(w)+2; n++ {
		for _, c := range ix.buckets[bucketKey{w[0], n}] {
			dropped := vowelsDropped(w, c)
			if onlyDropped && !dropped || distance(w, c, 2) > 2 {
				continue
			}
			if !found || dropped && !bestDropped || dropped == bestDropped && ix.better(c, best) {
				best, found, bestDropped = c, true, dropped
			}
		}
	}
	if !found && len(w) >= minSkeletonTypo {
		// A long word with its vowels and its doubled letters both
		// astray is three edits from the word, but has its consonants:
		// "misscarage" is "miscarriage" (never "miss car age").
		if c, ok := ix.skeletons[collapseAll(skeleton(w))]; ok && c[0] == w[0] && distance(w, c, 3) <= 3 {
			return c, true
		}
	}
	return best, found
}

// minSkeletonTypo is the fewest letters a misspelling must have to be
// corrected by its consonants alone, doubled ones typed once (see
// typoIndex.lookup): shorter ones share their consonants with too many
// words.
const minSkeletonTypo = 9

// vowelsDropped reports whether w is c with some of its vowels left out:
// "movmnts" of "movements", "strtch" of "stretch".
func vowelsDropped(w, c string) bool {
	i := 0
	for j := 0; j < len(c); j++ {
		if i < len(w) && w[i] == c[j] {
			i++
			continue
		}
		switch c[j] {
		case 'a', 'e', 'i', 'o', 'u':
		default:
			return false
		}
	}
	return i == len(w)
}

// distance returns the optimal string alignment distance between a and b
// (insertions, deletions, substitutions and swaps of neighbours), or
// limit+1 as soon as it must exceed limit.
func distance(a, b string, limit int) int {
	if a == b {
		return 0
	}
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	if strings.HasPrefix(a, b) || strings.HasPrefix(b, a) {
		return abs(len(a) - len(b))
	}
	const max = maxTypoLen + 2
	if len(a) >= max || len(b) >= max {
		return limit + 1
	}
	var rows [3][max + 1]int
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], limit+1)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
