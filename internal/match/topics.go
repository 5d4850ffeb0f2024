package match

import (
	"math"
	"math/bits"
)

// topicModel is a multinomial naive Bayes model of the topics, trained at
// start-up from their examples: it weighs all of a topic's examples at
// once, where the nearest example alone can be misled by one lucky word.
// Its posterior over topics is blended with the nearest-example
// confidence.
type topicModel struct {
	post  [][]topicPosting // per term id: the topics whose examples hold it
	denom []float32        // per topic: log(words in its examples + alpha·vocabulary)
	logA  float32          // log(alpha)
}

type topicPosting struct {
	topic int32
	w     float32 // log(count + alpha) - log(alpha)
}

// topicAlpha smooths the word counts; topicTemperature flattens the
// posterior, which naive Bayes makes overconfident.
const (
	topicAlpha       = 0.3
	topicTemperature = 2
)

func newTopicModel(ix *index, topics int) topicModel {
	tm := topicModel{post: make([][]topicPosting, len(ix.postings)), denom: make([]float32, topics),
		logA: float32(math.Log(topicAlpha))}
	// Count, per term, the documents of each topic that hold it. A topic's
	// documents are indexed one after another, so a term's count for the
	// topic being counted is always its last posting.
	total := make([]float32, topics)
	for d, ids := range ix.docTerms {
		t := ix.docClass[d]
		if int(t) >= topics {
			continue
		}
		for _, id := range ids {
			ps := tm.post[id]
			if n := len(ps); n > 0 && ps[n-1].topic == t {
				ps[n-1].w++
			} else {
				tm.post[id] = append(ps, topicPosting{t, 1})
			}
			total[t]++
		}
	}
	v := float64(len(ix.postings))
	for t := range total {
		tm.denom[t] = float32(math.Log(float64(total[t]) + topicAlpha*v))
	}
	for _, ps := range tm.post {
		for i := range ps {
			ps[i].w = float32(math.Log(float64(ps[i].w)+topicAlpha)) - tm.logA
		}
	}
	return tm
}

// count returns how many of its topic's examples hold the term of tp.
func (tm topicModel) count(tp topicPosting) float32 {
	return float32(math.Round(topicAlpha*math.Exp(float64(tp.w)) - topicAlpha))
}

// posterior fills p (one value per topic) with the probability of each
// topic given the span's known terms (selected by mask). It returns false
// when the span holds no known term.
func (tm topicModel) posterior(qterms []int32, mask uint64, p []float32) bool {
	n := float32(0)
	clear(p)
	for h := mask; h != 0; h &= h - 1 {
		k := bits.TrailingZeros64(h)
		for _, tp := range tm.post[qterms[k]] {
			p[tp.topic] += tp.w
		}
		n++
	}
	if n == 0 {
		return false
	}
	best := float32(math.Inf(-1))
	for t := range p {
		p[t] = (p[t] + n*tm.logA - n*tm.denom[t]) / topicTemperature
		best = max(best, p[t])
	}
	var z float32
	for t := range p {
		p[t] = float32(math.Exp(float64(p[t] - best)))
		z += p[t]
	}
	for t := range p {
		p[t] /= z
	}
	return true
}
