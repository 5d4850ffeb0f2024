package triage

// anchorIndex maps a vocab number to the phrases anchored on it. It is
// built once from (vocab number, phrase) pairs into two flat slices, so
// that a compiled set holds no slice per lemma for the garbage collector
// to trace and start-up does not grow thousands of small ones.
type anchorIndex struct {
	off  []int32 // off[id]..off[id+1] is id's stretch of list
	list []int32 // phrase numbers, grouped by vocab number
}

// anchorPair is one phrase anchored on one vocab number.
type anchorPair struct{ id, phrase int32 }

// newAnchorIndex builds the index of pairs, keeping each id's phrases in
// the order of pairs.
func newAnchorIndex(pairs []anchorPair) anchorIndex {
	var n int32
	for _, p := range pairs {
		n = max(n, p.id+1)
	}
	off := make([]int32, n+1)
	for _, p := range pairs {
		off[p.id+1]++
	}
	for i := 1; i < len(off); i++ {
		off[i] += off[i-1]
	}
	list := make([]int32, len(pairs))
	next := make([]int32, n)
	copy(next, off[:n])
	for _, p := range pairs {
		list[next[p.id]] = p.phrase
		next[p.id]++
	}
	return anchorIndex{off: off, list: list}
}

// get returns the phrases anchored on vocab number id.
func (x anchorIndex) get(id int32) []int32 {
	if id < 0 || int(id)+1 >= len(x.off) {
		return nil
	}
	return x.list[x.off[id]:x.off[id+1]]
}

// anchorPairs appends to pairs one pair for each alternative of p's
// anchor term.
func anchorPairs(pairs []anchorPair, p *phrase, i int32) []anchorPair {
	for _, id := range p.match[p.anchor].ids {
		pairs = append(pairs, anchorPair{id, i})
	}
	return pairs
}
