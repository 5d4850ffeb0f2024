package analyze

// wordSet is a small, fixed set of words that Analyze looks up for every
// word of every message and example. Nearly all words are in none of
// them, and the first letter and the length rule most out without hashing
// the word, which a map look-up always does.
type wordSet struct {
	first [4]uint64 // bit b: a member starts with byte b
	lens  uint64    // bit n: a member is n bytes long (n < 64)
	words map[string]bool
}

// newWordSet returns the set of words.
func newWordSet(words ...string) wordSet {
	s := wordSet{words: make(map[string]bool, len(words))}
	for _, w := range words {
		if w == "" || len(w) >= 64 {
			panic("analyze: a set's word must be 1 to 63 bytes: " + w)
		}
		s.first[w[0]/64] |= 1 << (w[0] % 64)
		s.lens |= 1 << len(w)
		s.words[w] = true
	}
	return s
}

// has reports whether w is in the set.
func (s *wordSet) has(w string) bool {
	if len(w) == 0 || len(w) >= 64 || s.lens&(1<<len(w)) == 0 || s.first[w[0]/64]&(1<<(w[0]%64)) == 0 {
		return false
	}
	return s.words[w]
}
