package match

import (
	"math"
	"math/bits"
)

// scopeModel decides whether a message is in scope at all, separately
// from which topic it is about: a naive Bayes classifier over the
// knowledge base's words, trained at start-up from the topics' examples
// (in scope) and the out-of-scope examples. Global idf cannot tell that
// "back" marks a question as in scope and "heartburn" or "toddler" as out
// of it; the per-class word counts can.
type scopeModel struct {
	logOdds []float32 // per term id: log P(word | in scope) / P(word | out), at least -scopeClamp
}

// scopeClamp bounds how much out-of-scope evidence one word gives. A word
// seen only in off-topic examples ("room" of the nursery, "seat" of the
// car seat) would otherwise outweigh the back and the remedy the member
// names around it ("any easy stretches I can do in my room for my
// back?"). Chosen on the tune split: 3.0, 2.5, 2.25, 2.0 and 1.5 answered
// 1, 3, 6, 8 and 13 more questions and turned down 0, 0, 1, 2 and 12
// fewer off-topic ones; 2.5 is the tightest that costs none.
const scopeClamp = 2.5

// scopeSmoothing is the Laplace smoothing of the word counts.
const scopeSmoothing = 0.5

// newScopeModel counts, per term, the in-scope and out-of-scope documents
// that hold it.
func newScopeModel(ix *index, out func(class int32) bool) scopeModel {
	in, off := make([]float32, len(ix.postings)), make([]float32, len(ix.postings))
	var nIn, nOut float32
	for d, ids := range ix.docTerms {
		counts, n := in, &nIn
		if out(ix.docClass[d]) {
			counts, n = off, &nOut
		}
		*n++
		for _, id := range ids {
			counts[id]++
		}
	}
	s := scopeModel{logOdds: make([]float32, len(ix.postings))}
	for id := range s.logOdds {
		pin := (in[id] + scopeSmoothing) / (nIn + 2*scopeSmoothing)
		pout := (off[id] + scopeSmoothing) / (nOut + 2*scopeSmoothing)
		s.logOdds[id] = max(float32(math.Log(float64(pin/pout))), -scopeClamp)
	}
	// No prior: how many examples moderators wrote of each kind says
	// nothing about how often members ask off-topic questions; the
	// thresholds, tuned on real questions, set the balance.
	return s
}

// unknownLogOdds is what each word the knowledge base has never seen adds
// to a span's log-odds of being in scope: questions the bot can answer use
// its words, and off-topic ones bring their own.
const unknownLogOdds = -0.8

// offTopic returns the probability that a span whose known terms are
// qterms (selected by mask), with unknown words the knowledge base has
// never seen, is out of scope.
func (s scopeModel) offTopic(qterms []int32, mask uint64, unknown int) float64 {
	score := float32(unknown) * unknownLogOdds
	for h := mask; h != 0; h &= h - 1 {
		score += s.logOdds[qterms[bits.TrailingZeros64(h)]]
	}
	return 1 / (1 + math.Exp(float64(score)))
}

// lowest returns the most out-of-scope evidence a single known term of the
// span gives (its lowest log-odds), or 0.
func (s scopeModel) lowest(qterms []int32, mask uint64) float32 {
	var low float32
	for h := mask; h != 0; h &= h - 1 {
		low = min(low, s.logOdds[qterms[bits.TrailingZeros64(h)]])
	}
	return low
}

// highest returns the most in-scope evidence a single known term of the
// span gives (its highest log-odds), or 0.
func (s scopeModel) highest(qterms []int32, mask uint64) float32 {
	var high float32
	for h := mask; h != 0; h &= h - 1 {
		high = max(high, s.logOdds[qterms[bits.TrailingZeros64(h)]])
	}
	return high
}
