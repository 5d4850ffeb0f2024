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
	maxPostings = 192
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
	docTF     [][]float32 // their frequencies (until finish)
	docLen    []float32
	docWeight []float32 // sum of idf over the document's distinct terms
	avgLen    float32
	// common holds, for each term with more than maxPostings postings,
	// the set of documents that have it, one bit per document: rank
	// completes a gathered document's terms with a bit test.
	common map[int32]commonTerm

	occurrences []int32   // add's working memory
	idArena     []int32   // docTerms are cut from it
	tfArena     []float32 // and docTF from this
}

// commonTerm is a term with more than maxPostings postings: the set of
// documents that have it, and how many of its postings rank gathers (the
// ranked ones among its maxPostings of highest impact; see rankOnly).
type commonTerm struct {
	set []uint64
	cut int
}

type posting struct {
	doc int32
	tf  float32
}

// arenaChunk is how many term ids (and frequencies) are allocated at a
// time for the documents' terms.
const arenaChunk = 1 << 14

// newIndex returns an empty index with room for about docs documents.
func newIndex(docs int) *index {
	return &index{terms: map[string]int32{}, docClass: make([]int32, 0, docs), docText: make([]string, 0, docs),
		docTerms: make([][]int32, 0, docs), docTF: make([][]float32, 0, docs), docLen: make([]float32, 0, docs)}
}

// add indexes one document of class c. Function words are left out.
func (ix *index) add(c int32, text string, an *analyze.Analysis) {
	ids := ix.occurrences[:0] // the document's term ids, one per occurrence
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
		ids = append(ids, id)
	}
	ix.occurrences = ids
	if len(ids) == 0 {
		return
	}
	ix.docClass = append(ix.docClass, c)
	ix.docText = append(ix.docText, text)
	ix.docLen = append(ix.docLen, float32(len(ids)))
	// Sorted, each distinct term once with how often it occurs.
	slices.Sort(ids)
	distinct := 1
	for i := 1; i < len(ids); i++ {
		if ids[i] != ids[i-1] {
			distinct++
		}
	}
	if cap(ix.idArena)-len(ix.idArena) < distinct {
		ix.idArena = make([]int32, 0, max(arenaChunk, distinct))
		ix.tfArena = make([]float32, 0, max(arenaChunk, distinct))
	}
	start := len(ix.idArena)
	for i, id := range ids {
		if i > 0 && id == ids[i-1] {
			ix.tfArena[len(ix.tfArena)-1]++
			continue
		}
		ix.idArena = append(ix.idArena, id)
		ix.tfArena = append(ix.tfArena, 1)
	}
	end := len(ix.idArena)
	ix.docTerms = append(ix.docTerms, ix.idArena[start:end:end])
	ix.docTF = append(ix.docTF, ix.tfArena[start:end:end])
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
	ix.docTF, ix.tfArena, ix.idArena, ix.occurrences = nil, nil, nil, nil
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
	ix.common = map[int32]commonTerm{}
	for id, ps := range ix.postings {
		if len(ps) > maxPostings {
			set := make([]uint64, (len(ix.docClass)+63)/64)
			for _, p := range ps {
				set[p.doc/64] |= 1 << uint(p.doc%64)
			}
			ix.common[int32(id)] = commonTerm{set: set, cut: maxPostings}
		}
	}
	sortByImpact(ix.postings, ix.docLen)
}

// rankOnly keeps in the postings only the documents of the classes rank
// scores (see Matcher.rank), in their order, so that it never gathers a
// document it would pass over. A common term keeps its cut where it was:
// the same documents are gathered as from all its postings. Idf and
// document weights stay those of every document.
func (ix *index) rankOnly(ranked func(class int32) bool) {
	for id, ps := range ix.postings {
		c, common := ix.common[int32(id)]
		kept := ps[:0]
		for i, p := range ps {
			if common && i == c.cut {
				c.cut = len(kept)
			}
			if ranked(ix.docClass[p.doc]) {
				kept = append(kept, p)
			}
		}
		if common {
			ix.common[int32(id)] = c
		}
		ix.postings[id] = kept
	}
}

// inSet reports whether document d is in set, a common term's documents.
func inSet(set []uint64, d int32) bool { return set[d/64]&(1<<uint(d%64)) != 0 }

// sortByImpact orders each term's postings by impact, highest first: more
// occurrences, then shorter documents, then the order documents were
// added in. Postings come in that last order. Occurrences and lengths are
// counts, so a stable counting sort on them gives the order in linear
// time; a comparison sort stands in should they not be small whole numbers.
func sortByImpact(postings [][]posting, docLen []float32) {
	maxTF, maxLen := float32(1), float32(1)
	whole := true
	for _, ps := range postings {
		for _, p := range ps {
			maxTF = max(maxTF, p.tf)
			whole = whole && p.tf == float32(int32(p.tf)) && p.tf >= 1
		}
	}
	for _, l := range docLen {
		maxLen = max(maxLen, l)
		whole = whole && l == float32(int32(l)) && l >= 1
	}
	if !whole || float64(maxTF)*float64(maxLen+1) > 1<<16 {
		impact := func(p, q posting) int {
			switch {
			case p.tf != q.tf:
				return cmp.Compare(q.tf, p.tf)
			case docLen[p.doc] != docLen[q.doc]:
				return cmp.Compare(docLen[p.doc], docLen[q.doc])
			}
			return cmp.Compare(p.doc, q.doc)
		}
		for _, ps := range postings {
			slices.SortFunc(ps, impact)
		}
		return
	}
	lengths := int(maxLen) + 1
	key := func(p posting) int { return int(maxTF-p.tf)*lengths + int(docLen[p.doc]) }
	counts := make([]int32, int(maxTF)*lengths+1)
	var tmp []posting
	for _, ps := range postings {
		if len(ps) <= 16 { // insertion sort, stable
			for i := 1; i < len(ps); i++ {
				p, k := ps[i], key(ps[i])
				j := i
				for ; j > 0 && key(ps[j-1]) > k; j-- {
					ps[j] = ps[j-1]
				}
				ps[j] = p
			}
			continue
		}
		clear(counts)
		for _, p := range ps {
			counts[key(p)+1]++
		}
		for k := 1; k < len(counts); k++ {
			counts[k] += counts[k-1]
		}
		tmp = append(tmp[:0], ps...)
		for _, p := range tmp {
			k := key(p)
			ps[counts[k]] = p
			counts[k]++
		}
	}
}

// bm25 is one term's contribution to one document's score.
func (ix *index) bm25(id int32, tf float32, doc int32) float32 {
	norm := tf + k1*(1-b+b*ix.docLen[doc]/ix.avgLen)
	return ix.idf[id] * tf * (k1 + 1) / norm
}
