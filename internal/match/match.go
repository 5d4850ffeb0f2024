// Package match classifies a user's message against the knowledge base:
// red-flag triage first, then decline rules (medicine questions), then
// intent matching over the topics' examples, titles and keywords.
//
// Intent matching ranks example "documents" (each example question, the
// title, the keywords) with BM25 over an inverted index, so the cost of a
// message grows with the postings of its words, not with the number of
// examples; a topic ranks by its best document. Its confidence in [0,1] is
// the harmonic mean of two coverages, weighted by the terms' idf: how much
// of the message the topic's closest example explains, and how much of that
// example the message contains. Words the knowledge base has never seen
// count heavily against the message's coverage, which is what rejects
// "best pizza in town" and "can I eat sushi while pregnant".
package match

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/analyze"
	"github.com/backcare/backcare/internal/triage"
	"github.com/backcare/backcare/knowledge"
)

// BM25 parameters.
const (
	k1 = 1.2
	b  = 0.75
	// maxQueryTerms bounds the distinct terms scored per message; a bit
	// per term is kept for each touched document.
	maxQueryTerms = 64
	// maxCandidates is how many topics Classify returns.
	maxCandidates = 3
	// unknownWeight is the weight of a word the knowledge base does not
	// know, as a fraction of the largest idf.
	unknownWeight = 2.0
	// smoothing is added to both coverages' denominators, so that an
	// example made only of common words ("just a spasm") cannot be fully
	// covered by a message made of common words.
	smoothing = 1.0
	// contextBoost is added to topics related to the chat's previous topic
	// when a short message follows it ("what about the upper back?").
	contextBoost = 0.15
	// shortQuery is the most terms a message may have to be read as a
	// follow-up of the previous topic.
	shortQuery = 4
	// contextCeiling: context only helps messages that match no topic this
	// well on their own, so repeating a question never turns into a
	// clarification.
	contextCeiling = 0.7
	// maxPostings bounds how many documents are gathered per term. Postings
	// are sorted by BM25 impact (short documents first), so the documents
	// cut off are the ones a common word contributes least to; every
	// gathered document is still scored exactly on all the message's terms.
	// No term of the real knowledge base has this many postings.
	maxPostings = 256
)

// Matcher implements bot.Classifier for one knowledge base. It is
// immutable after New and safe for concurrent use.
type Matcher struct {
	an       *analyze.Analyzer
	flags    *triage.Set
	declines *triage.Set
	flagIDs  []string

	terms    map[string]int32
	idf      []float32
	postings [][]posting
	maxIDF   float32

	docTopic  []int32
	docTerms  [][]int32   // sorted term ids of each document
	docTF     [][]float32 // their frequencies
	docLen    []float32
	docWeight []float32 // sum of idf over the document's distinct terms
	avgLen    float32

	topicIDs []string
	topicCat []knowledge.Category
	topicOf  map[string]int32
	near     []map[int32]bool // per topic: related topics and same category

	followUp map[string]bool // terms a "tell me more" message may consist of
	moreCore map[string]bool // at least one of these must be present

	pool sync.Pool // *scratch
}

type posting struct {
	doc int32
	tf  float32
}

// scratch is per-call working memory, reused through a sync.Pool so that
// Classify allocates almost nothing.
type scratch struct {
	an      analyze.Analysis
	qterms  []int32   // term ids of known query terms
	qweight []float32 // weight of every distinct query term
	qseen   []string
	score   []float32 // per doc
	mask    []uint64  // per doc: which query terms matched
	touched []int32
	tscore  []float32 // per topic: best confidence
	tbm25   []float32 // per topic: best BM25, for ties
	ttouch  []int32
}

// New builds a Matcher for kb. It fails only if a trigger cannot be
// compiled, which a knowledge base that passed validation never causes.
func New(kb *knowledge.Base) (*Matcher, error) {
	m := &Matcher{
		an:      analyze.New(kb),
		terms:   map[string]int32{},
		topicOf: map[string]int32{},
	}
	groups := kb.Groups()
	rules := make([]triage.Rule, 0, len(kb.RedFlags)+len(kb.Safety))
	for _, f := range kb.RedFlags {
		rules = append(rules, triage.Rule{ID: f.ID, Triggers: f.Triggers, Unless: f.Unless})
	}
	for _, x := range kb.Safety {
		rules = append(rules, triage.Rule{ID: x.ID, Triggers: x.Triggers, Unless: x.Unless})
	}
	var err error
	if m.flags, err = triage.Compile(m.an, rules, groups); err != nil {
		return nil, fmt.Errorf("compile safety triggers: %w", err)
	}
	drules := make([]triage.Rule, len(kb.Declines))
	for i, d := range kb.Declines {
		drules[i] = triage.Rule{ID: d.ID, Triggers: d.Triggers}
	}
	if m.declines, err = triage.Compile(m.an, drules, groups); err != nil {
		return nil, fmt.Errorf("compile decline triggers: %w", err)
	}

	for ti, t := range kb.Topics {
		m.topicIDs = append(m.topicIDs, t.ID)
		m.topicCat = append(m.topicCat, t.Category)
		m.topicOf[t.ID] = int32(ti)
		m.addDoc(int32(ti), t.Title)
		for _, e := range t.Examples {
			m.addDoc(int32(ti), e)
		}
		if len(t.Keywords) > 0 {
			m.addDoc(int32(ti), strings.Join(t.Keywords, " "))
		}
	}
	m.near = make([]map[int32]bool, len(kb.Topics))
	for ti, t := range kb.Topics {
		near := map[int32]bool{}
		for _, r := range t.Related {
			near[m.topicOf[r]] = true
		}
		for tj, u := range kb.Topics {
			if u.Category == t.Category && tj != ti {
				near[int32(tj)] = true
			}
		}
		m.near[ti] = near
	}
	m.finish()

	m.followUp, m.moreCore = map[string]bool{}, map[string]bool{}
	for _, w := range m.allTerms("tell me more please and what else anything else other go on continue about that this it explain detail details info information elaborate further next another something") {
		m.followUp[w] = true
	}
	for _, w := range m.allTerms("more else continue go on explain detail elaborate further next another") {
		m.moreCore[w] = true
	}
	nd, nt := len(m.docTopic), len(m.topicIDs)
	m.pool.New = func() any {
		return &scratch{
			score: make([]float32, nd), mask: make([]uint64, nd),
			tscore: make([]float32, nt), tbm25: make([]float32, nt),
		}
	}
	return m, nil
}

// allTerms returns the ranking terms of text, stop words included.
func (m *Matcher) allTerms(text string) []string {
	var an analyze.Analysis
	m.an.Analyze(text, &an)
	var out []string
	for _, t := range an.Terms {
		if !t.Is(analyze.Break) {
			out = append(out, t.Term)
		}
	}
	return out
}

// addDoc indexes one example (or title, or keyword) of topic ti.
func (m *Matcher) addDoc(ti int32, text string) {
	terms := m.an.Terms(text)
	if len(terms) == 0 {
		return
	}
	doc := int32(len(m.docTopic))
	m.docTopic = append(m.docTopic, ti)
	m.docLen = append(m.docLen, float32(len(terms)))
	tf := map[string]float32{}
	for _, t := range terms {
		tf[t]++
	}
	// deterministic order
	keys := make([]string, 0, len(tf))
	for t := range tf {
		keys = append(keys, t)
	}
	sort.Strings(keys)
	ids := make([]int32, 0, len(keys))
	for _, t := range keys {
		id, ok := m.terms[t]
		if !ok {
			id = int32(len(m.postings))
			m.terms[t] = id
			m.postings = append(m.postings, nil)
		}
		m.postings[id] = append(m.postings[id], posting{doc: doc, tf: tf[t]})
		ids = append(ids, id)
	}
	slices.Sort(ids)
	tfs := make([]float32, len(ids))
	for i, id := range ids {
		for _, t := range keys {
			if m.terms[t] == id {
				tfs[i] = tf[t]
			}
		}
	}
	m.docTerms = append(m.docTerms, ids)
	m.docTF = append(m.docTF, tfs)
}

func (m *Matcher) finish() {
	n := float64(len(m.docTopic))
	m.idf = make([]float32, len(m.postings))
	for id, ps := range m.postings {
		df := float64(len(ps))
		m.idf[id] = float32(math.Log(1 + (n-df+0.5)/(df+0.5)))
		m.maxIDF = max(m.maxIDF, m.idf[id])
	}
	var total float32
	for _, l := range m.docLen {
		total += l
	}
	m.avgLen = total / float32(max(len(m.docLen), 1))
	m.docWeight = make([]float32, len(m.docTopic))
	for id, ps := range m.postings {
		for _, p := range ps {
			m.docWeight[p.doc] += m.idf[id]
		}
		// Highest impact first: more occurrences, then shorter documents.
		sort.SliceStable(ps, func(i, j int) bool {
			if ps[i].tf != ps[j].tf {
				return ps[i].tf > ps[j].tf
			}
			return m.docLen[ps[i].doc] < m.docLen[ps[j].doc]
		})
	}
}

// bm25 is one term's contribution to one document's score.
func (m *Matcher) bm25(id int32, tf float32, doc int32) float32 {
	norm := tf + k1*(1-b+b*m.docLen[doc]/m.avgLen)
	return m.idf[id] * tf * (k1 + 1) / norm
}

// Analyzer returns the analyzer the matcher uses.
func (m *Matcher) Analyzer() *analyze.Analyzer { return m.an }

// Classify implements bot.Classifier.
func (m *Matcher) Classify(text, prev string) bot.Classification {
	sc := m.pool.Get().(*scratch)
	defer m.pool.Put(sc)
	m.an.Analyze(text, &sc.an)
	var c bot.Classification
	words := 0
	for _, t := range sc.an.Words {
		if !t.Is(analyze.Break) {
			words++
		}
	}
	if words == 0 {
		c.Empty = true
		return c
	}
	if c.Safety = m.flags.Match(sc.an.Words); len(c.Safety) > 0 {
		return c // triage wins over everything
	}
	if ds := m.declines.Match(sc.an.Words); len(ds) > 0 {
		c.Decline = ds[0]
		return c
	}
	c.FollowUp = m.isFollowUp(sc.an.Terms)
	c.Candidates = m.rank(sc, prev)
	return c
}

// Explain returns every safety and decline trigger match in text with its
// verdict, for moderators checking why a message fired or did not.
func (m *Matcher) Explain(text string) (safety, declines []triage.Finding) {
	var an analyze.Analysis
	m.an.Analyze(text, &an)
	return m.flags.Explain(an.Words), m.declines.Explain(an.Words)
}

func (m *Matcher) isFollowUp(tokens []analyze.Token) bool {
	core := false
	for _, t := range tokens {
		if t.Is(analyze.Break) {
			continue
		}
		if !m.followUp[t.Term] {
			return false
		}
		core = core || m.moreCore[t.Term]
	}
	return core
}

// rank scores the message's terms against the index and returns the best
// topics with their confidence.
func (m *Matcher) rank(sc *scratch, prev string) []bot.Candidate {
	sc.qterms, sc.qweight, sc.qseen = sc.qterms[:0], sc.qweight[:0], sc.qseen[:0]
	var qtotal float32
	for _, t := range sc.an.Terms {
		if t.Flags&(analyze.Stop|analyze.Break) != 0 || len(sc.qseen) == maxQueryTerms || slices.Contains(sc.qseen, t.Term) {
			continue
		}
		sc.qseen = append(sc.qseen, t.Term)
		if id, ok := m.terms[t.Term]; ok {
			sc.qterms = append(sc.qterms, id)
			qtotal += m.idf[id]
		} else {
			qtotal += unknownWeight * m.maxIDF
		}
	}
	if len(sc.qterms) == 0 {
		return nil
	}

	// Gather and score the documents that share a term with the message.
	sc.touched = sc.touched[:0]
	var truncated uint64
	for k, id := range sc.qterms {
		bit := uint64(1) << uint(k)
		ps := m.postings[id]
		if len(ps) > maxPostings {
			ps, truncated = ps[:maxPostings], truncated|bit
		}
		for _, p := range ps {
			if sc.mask[p.doc] == 0 {
				sc.touched = append(sc.touched, p.doc)
			}
			sc.score[p.doc] += m.bm25(id, p.tf, p.doc)
			sc.mask[p.doc] |= bit
		}
	}
	// Complete the scores for terms whose postings were cut short.
	if truncated != 0 {
		for _, d := range sc.touched {
			for k, id := range sc.qterms {
				bit := uint64(1) << uint(k)
				if truncated&bit != 0 && sc.mask[d]&bit == 0 {
					if i, ok := slices.BinarySearch(m.docTerms[d], id); ok {
						sc.score[d] += m.bm25(id, m.docTF[d][i], d)
						sc.mask[d] |= bit
					}
				}
			}
		}
	}

	// Each topic takes its best document.
	sc.ttouch = sc.ttouch[:0]
	for _, d := range sc.touched {
		var matched float32
		for k, id := range sc.qterms {
			if sc.mask[d]&(1<<uint(k)) != 0 {
				matched += m.idf[id]
			}
		}
		qcov := matched / (qtotal + smoothing)
		dcov := matched / (m.docWeight[d] + smoothing)
		conf := 2 * qcov * dcov / (qcov + dcov)
		t := m.docTopic[d]
		if sc.tscore[t] == 0 && sc.tbm25[t] == 0 {
			sc.ttouch = append(sc.ttouch, t)
		}
		sc.tscore[t] = max(sc.tscore[t], conf)
		sc.tbm25[t] = max(sc.tbm25[t], sc.score[d])
		sc.score[d], sc.mask[d] = 0, 0
	}

	// Short follow-ups that match weakly lean towards topics near the
	// previous one.
	var best float32
	for _, t := range sc.ttouch {
		best = max(best, sc.tscore[t])
	}
	if p, ok := m.topicOf[prev]; ok && len(sc.qseen) <= shortQuery && best < contextCeiling {
		for _, t := range sc.ttouch {
			if m.near[p][t] {
				sc.tscore[t] = min(1, sc.tscore[t]+contextBoost)
			}
		}
	}

	var top [maxCandidates]bot.Candidate
	var topBM [maxCandidates]float32
	n := 0
	for _, t := range sc.ttouch {
		conf, bm := sc.tscore[t], sc.tbm25[t]
		sc.tscore[t], sc.tbm25[t] = 0, 0
		i := n
		for i > 0 && (bm > topBM[i-1] || (bm == topBM[i-1] && conf > float32(top[i-1].Confidence))) {
			i--
		}
		if i >= maxCandidates {
			continue
		}
		if n < maxCandidates {
			n++
		}
		copy(top[i+1:n], top[i:n-1])
		copy(topBM[i+1:n], topBM[i:n-1])
		top[i] = bot.Candidate{TopicID: m.topicIDs[t], Confidence: float64(conf)}
		topBM[i] = bm
	}
	out := make([]bot.Candidate, n)
	copy(out, top[:n])
	return out
}

// Must returns m, and panics if err is not nil. It is for tests and for
// the embedded knowledge base, which is validated when it is built, in the
// manner of template.Must.
func Must(m *Matcher, err error) *Matcher {
	if err != nil {
		panic(err)
	}
	return m
}
