package match

import (
	"cmp"
	"math"
	"slices"

	"github.com/backcare/backcare/internal/analyze"
)

// BM25 parameters.
const (
	k1 = 1.2
	b  = 0.75
	// maxPostings bounds how many documents are gathered per term. Postings
	// are sorted by BM25 impact (short documents first), so the documents
	// cut off are the ones a common word contributes least to; every
	// gathered document is still scored exactly on all the message's terms.
	maxPostings = 256
)

// index is an inverted index over documents: every example question,
// title and keyword list, each belonging to a class (a topic, the
// out-of-scope class, or a kind of small talk). Documents are added class
// by class: a class's documents stand one after another.
type index struct {
	terms    map[string]int32
	idf      []float32
	postings [][]posting
	avgIDF   float32

	docClass  []int32
	docText   []string    // the example itself, for explaining
	docTerms  [][]int32   // sorted term ids of each document
	docTF     [][]float32 // their frequencies
	docLen    []float32
	docWeight []float32 // sum of idf over the document's distinct terms
	avgLen    float32
}

type posting struct {
	doc int32
	tf  float32
}

func newIndex() *index { return &index{terms: map[string]int32{}} }

// add indexes one document of class c. Function words are left out.
func (ix *index) add(c int32, text string, an *analyze.Analysis) {
	var ids []int32 // the document's term ids, one per occurrence
	for _, t := range an.Terms {
		if t.Flags&(analyze.Stop|analyze.Break) != 0 {
			continue
		}
		id, ok := ix.terms[t.Term]
		if !ok {
			id = int32(len(ix.postings))
			ix.terms[t.Term] = id
			ix.postings = append(ix.postings, nil)
		}
		if ids == nil {
			ids = make([]int32, 0, len(an.Terms))
		}
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		return
	}
	ix.docClass = append(ix.docClass, c)
	ix.docText = append(ix.docText, text)
	n := float32(len(ids))
	// Sorted, each distinct term once with how often it occurs.
	slices.Sort(ids)
	tfs := make([]float32, 0, len(ids))
	distinct := ids[:0]
	for i, id := range ids {
		if i > 0 && id == distinct[len(distinct)-1] {
			tfs[len(tfs)-1]++
			continue
		}
		distinct = append(distinct, id)
		tfs = append(tfs, 1)
	}
	ix.docLen = append(ix.docLen, n)
	ix.docTerms = append(ix.docTerms, slices.Clip(distinct))
	ix.docTF = append(ix.docTF, slices.Clip(tfs))
}

// finish builds the postings, computes idf and document weights and sorts
// postings by impact.
func (ix *index) finish() {
	// Each term's postings, in document order, cut from one array.
	df := make([]int32, len(ix.postings))
	npost := 0
	for _, ids := range ix.docTerms {
		for _, id := range ids {
			df[id]++
		}
		npost += len(ids)
	}
	all := make([]posting, npost)
	for id := range ix.postings {
		ix.postings[id], all = all[:0:df[id]], all[df[id]:]
	}
	for d, ids := range ix.docTerms {
		for i, id := range ids {
			ix.postings[id] = append(ix.postings[id], posting{doc: int32(d), tf: ix.docTF[d][i]})
		}
	}
	n := float64(len(ix.docClass))
	ix.idf = make([]float32, len(ix.postings))
	var sum float32
	for id, ps := range ix.postings {
		df := float64(len(ps))
		ix.idf[id] = float32(math.Log(1 + (n-df+0.5)/(df+0.5)))
		sum += ix.idf[id]
	}
	ix.avgIDF = sum / float32(max(len(ix.idf), 1))
	var total float32
	for _, l := range ix.docLen {
		total += l
	}
	ix.avgLen = total / float32(max(len(ix.docLen), 1))
	ix.docWeight = make([]float32, len(ix.docClass))
	for d, ids := range ix.docTerms {
		for _, id := range ids {
			ix.docWeight[d] += ix.idf[id]
		}
	}
	// Highest impact first: more occurrences, then shorter documents, then
	// the order documents were added in (postings are appended in it).
	impact := func(p, q posting) int {
		switch {
		case p.tf != q.tf:
			return cmp.Compare(q.tf, p.tf)
		case ix.docLen[p.doc] != ix.docLen[q.doc]:
			return cmp.Compare(ix.docLen[p.doc], ix.docLen[q.doc])
		}
		return cmp.Compare(p.doc, q.doc)
	}
	for _, ps := range ix.postings {
		slices.SortFunc(ps, impact)
	}
}

// bm25 is one term's contribution to one document's score.
func (ix *index) bm25(id int32, tf float32, doc int32) float32 {
	norm := tf + k1*(1-b+b*ix.docLen[doc]/ix.avgLen)
	return ix.idf[id] * tf * (k1 + 1) / norm
}
