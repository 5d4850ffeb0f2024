package triage

import (
	"cmp"
	"slices"
)

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

// seqAnchorIndex maps the first two words of a sequence ("be_gone",
// "my_waters") to the phrases anchored on a term with that sequence, so
// that a phrase anchored on "be" is tried only where the message has the
// word its sequence goes on with. Most sequences begin with a common word
// ("be", "my", "i", "the"), and a message has it many times.
type seqAnchorIndex struct {
	off  []int32         // off[first]..off[first+1] is first's stretch of list
	list []seqAnchorPair // sorted by second word, then phrase
}

// seqAnchorPair is one phrase anchored on a sequence that begins with the
// words numbered first and second.
type seqAnchorPair struct{ first, second, phrase int32 }

// newSeqAnchorIndex builds the index of pairs.
func newSeqAnchorIndex(pairs []seqAnchorPair) seqAnchorIndex {
	slices.SortFunc(pairs, func(a, b seqAnchorPair) int {
		if c := cmp.Compare(a.first, b.first); c != 0 {
			return c
		}
		if c := cmp.Compare(a.second, b.second); c != 0 {
			return c
		}
		return cmp.Compare(a.phrase, b.phrase)
	})
	pairs = slices.Compact(pairs)
	var n int32
	for _, p := range pairs {
		n = max(n, p.first+1)
	}
	off := make([]int32, n+1)
	for _, p := range pairs {
		off[p.first+1]++
	}
	for i := 1; i < len(off); i++ {
		off[i] += off[i-1]
	}
	return seqAnchorIndex{off: off, list: pairs}
}

// get returns the phrases anchored on a sequence that begins with the
// words numbered first and second, in phrase order.
func (x seqAnchorIndex) get(first, second int32) []seqAnchorPair {
	if first < 0 || second < 0 || int(first)+1 >= len(x.off) {
		return nil
	}
	run := x.list[x.off[first]:x.off[first+1]]
	lo, _ := slices.BinarySearchFunc(run, second, func(p seqAnchorPair, s int32) int { return cmp.Compare(p.second, s) })
	hi := lo
	for hi < len(run) && run[hi].second == second {
		hi++
	}
	return run[lo:hi]
}

// phraseAnchors appends to words one pair for each alternative of p's
// anchor term that is a word or a number range, and to seqs one for each
// that is a sequence of words, keyed by its first two. number is the
// vocab number of a number, which a range stands for.
func phraseAnchors(words []anchorPair, seqs []seqAnchorPair, p *phrase, i, number int32) ([]anchorPair, []seqAnchorPair) {
	t := &p.match[p.anchor]
	for _, id := range t.ids {
		if slices.Contains(t.words, id) || !slices.Contains(t.firsts, id) || id == number && len(t.ranges) > 0 {
			words = append(words, anchorPair{id, i})
		}
	}
	for _, q := range t.seqs {
		if len(q.ids) < 2 {
			words = append(words, anchorPair{q.ids[0], i})
			continue
		}
		seqs = append(seqs, seqAnchorPair{q.ids[0], q.ids[1], i})
	}
	return words, seqs
}
