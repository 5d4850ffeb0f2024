package match

import (
	"math/bits"
	"slices"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/analyze"
)

// rank scores the message's clauses and the whole of it against every
// class and fills c: the best topics over all spans, and the off-topic
// confidence of the span the best topic came from (or of the whole).
func (m *Matcher) rank(sc *scratch, c *bot.Classification) {
	m.spans(sc)
	if len(sc.qterms) == 0 {
		return
	}
	ix := m.ix
	// Gather the documents that share a term with the message.
	sc.touched = sc.touched[:0]
	for k, id := range sc.qterms {
		bit := uint64(1) << uint(k)
		ps := ix.postings[id]
		common, truncated := ix.common[id]
		if truncated {
			ps = ps[:common.cut]
		}
		for _, p := range ps {
			if sc.mask[p.doc] == 0 {
				sc.touched = append(sc.touched, p.doc)
			}
			sc.mask[p.doc] |= bit
		}
		if truncated {
			// Complete the masks of documents gathered through other terms.
			for _, d := range sc.touched {
				if sc.mask[d]&bit == 0 {
					if inSet(common.set, d) {
						sc.mask[d] |= bit
					}
				}
			}
		}
	}

	// Each class takes its best document, per span. Context words (the
	// week, children, family) count for a document that has them and never
	// against one that does not.
	it := m.intents.of(sc.an.Words)
	nc := len(m.classIDs)
	best := sc.best[:len(sc.spans)*nc]
	clear(best)
	for _, d := range sc.touched {
		mask := sc.mask[d]
		sc.mask[d] = 0
		cl := int(ix.docClass[d]) // a topic's (see index.rankOnly)
		for s, sp := range sc.spans {
			hit := mask & sp.terms
			if hit == 0 {
				continue
			}
			var matched, context float32
			for h := hit; h != 0; h &= h - 1 {
				k := bits.TrailingZeros64(h)
				matched += sc.qweight[k]
				if sc.context&(1<<uint(k)) != 0 {
					context += sc.qweight[k]
				}
			}
			weight := sp.weight
			if sp.place > 0 && it == reliefIntent && anyPlace(m.anyPlace, cl) {
				var placed float32
				for h := hit & sc.placed; h != 0; h &= h - 1 {
					placed += sc.qweight[bits.TrailingZeros64(h)]
				}
				// Where the back hurts is no word against a topic on what
				// helps wherever it hurts, in a question on what to do:
				// "any stretches for upper back and shoulders?" asks for
				// stretches, however many words it shares with the upper
				// back's causes.
				weight += placed - sp.place
			}
			// The harmonic mean of the message's coverage, matched/(weight
			// + context + smoothing), and the document's, matched/(its
			// weight + smoothing), in one division.
			conf := 2 * matched / (weight + context + ix.docWeight[d] + 2*smoothing)
			if i := s*nc + cl; conf > best[i] {
				best[i], sc.bestDoc[i] = conf, d
			}
		}
	}

	// Blend in the naive Bayes posterior of every span.
	for s, sp := range sc.spans {
		if !m.topics.posterior(sc.qterms, sp.terms, sc.post) {
			continue
		}
		row := best[s*nc : s*nc+m.topicCount]
		for t, p := range sc.post {
			row[t] = knnWeight*row[t] + (1-knnWeight)*p
		}
	}

	// The best topics over all spans, those that answer the other kind of
	// question (why, or what to do) set back; off-topic on the span of the
	// best.
	clear(sc.named)
	for _, id := range sc.qterms {
		if t, ok := m.subjects[id]; ok {
			sc.named[t/64] |= 1 << uint(t%64)
		}
	}
	namesAny := slices.ContainsFunc(sc.named, func(w uint64) bool { return w != 0 })
	words := sc.an.Words
	where, ruled := placeIn(words)
	var top [maxCandidates]bot.Candidate
	n, bestSpan := 0, 0
	for t := 0; t < m.topicCount; t++ {
		conf, at := float32(0), 0
		for s := range sc.spans {
			if v := best[s*nc+t]; v > conf {
				conf, at = v, s
			}
		}
		pen, pl := m.intents.penalty(it, t), m.intents.placed(where, ruled, t)
		if pen < 1 {
			// "stretches for upper back pain": the place a topic on why
			// names is no bonus for a question on what to do.
			pl = min(pl, 1)
		}
		conf *= pen * pl * m.intents.avoided(words, t)
		if m.hasSubject[t] && sc.named[t/64]&(1<<uint(t%64)) == 0 {
			// "what stretches are safe for lower back pain?" is no
			// question about acupuncture however close an example's
			// other words: a topic with subject words needs one of them,
			// and more so when the message names another topic's ("is a
			// pregnancy pillow worth it?" asks about sleep, not belts).
			if namesAny && !slices.Contains(m.intents.overviews[:], int32(t)) {
				// An overview speaks for every subject: "tips for my
				// upper back" asks for it.
				conf *= 1 - namedElsewherePenalty
			} else {
				conf *= 1 - unnamedPenalty
			}
		} else if !m.hasSubject[t] && namesAny && slices.Contains(m.intents.overviews[:], int32(t)) && m.namesPlacedSubject(sc, where) {
			// "the sciatica is brutal... why does it do that?" asks why of
			// the subject it names: the overview gives way to its topic.
			conf *= 1 - overviewNamedPenalty
		}
		if conf == 0 {
			continue
		}
		i := n
		for i > 0 && float64(conf) > top[i-1].Confidence {
			i--
		}
		if i >= maxCandidates {
			continue
		}
		if i == 0 {
			bestSpan = at
		}
		if n < maxCandidates {
			n++
		}
		copy(top[i+1:n], top[i:n-1])
		top[i] = bot.Candidate{TopicID: m.classIDs[t], Confidence: float64(conf)}
	}
	o := m.overviewFor(sc, it, where)
	if ov := m.intents.overviews[reliefIntent]; o < 0 && it == reliefIntent && !namesAny && n > 0 && m.hasSubject[m.topicOf[top[0].TopicID]] &&
		slices.ContainsFunc(top[1:n], func(c bot.Candidate) bool {
			return c.TopicID == m.classIDs[ov] && c.Confidence >= overviewNear*top[0].Confidence
		}) {
		// "my lower back is killing me, what can I do?" names no way to
		// ease it: what helps, not the one way (acupuncture) whose
		// example shares "lower back pain relief".
		o = ov
	}
	if ov := m.intents.overviews[reliefIntent]; o < 0 && it != causeIntent && ov >= 0 && m.asksAnotherWay(sc.an.Terms) {
		// "tried stretching, heat and a pillow between my knees, is
		// there anything else that would help?": the ways she names are
		// the ones she has tried; the other ways are the overview's.
		o = ov
	}
	if o >= 0 && n > 0 && top[0].TopicID != m.classIDs[o] {
		// A message that only says it hurts, naming nothing any one topic
		// speaks for ("my back has been paining me since yesterday,
		// kindly advise"), is answered by the overview of what it asks:
		// why, or (asked or not) what to do.
		i := slices.IndexFunc(top[:n], func(cand bot.Candidate) bool { return cand.TopicID == m.classIDs[o] })
		if i < 0 {
			i = min(n, maxCandidates-1)
			n = i + 1
		}
		copy(top[1:i+1], top[:i])
		top[0] = bot.Candidate{TopicID: m.classIDs[o], Confidence: top[1].Confidence * genericLift}
		bestSpan = len(sc.spans) - 1
	}
	c.Candidates = append(c.Candidates[:0], top[:n]...)
	sp := sc.spans[bestSpan]
	// What she lifts or carries ("my toddler", "the car seat") is no
	// evidence against a question about her back, when she names it:
	// "does lifting weights affect fertility?" lifts for another subject.
	if !slices.ContainsFunc(sc.qterms, func(id int32) bool { return m.pain[id] }) {
		sc.load = 0
	}
	c.OffTopic = m.scope.offTopic(sc.qterms, sp.terms&^sc.load, sp.unknown)
	if whole := sc.spans[len(sc.spans)-1]; bestSpan != len(sc.spans)-1 && m.scope.highest(sc.qterms, sp.terms) < subjectEvidence {
		// "heartburn every night, propped up on pillows. what else
		// helps?": the asking clause names no subject of its own, so the
		// message's subject, told in another clause, decides its scope.
		c.OffTopic = max(c.OffTopic, m.scope.offTopic(sc.qterms, whole.terms&^sc.load, whole.unknown))
	}
	if whole := sc.spans[len(sc.spans)-1]; c.OffTopic > shortOffTopic && whole.unknown == 0 && asksCourse(sc.an.Words) &&
		m.scope.lowest(sc.qterms, whole.terms) > offTopicWord {
		// "does it go away after birth or am I stuck with this forever?":
		// asked of a back-pain bot, an "it" that goes away is her pain,
		// though the question names no back; one that names another
		// complaint anywhere ("heartburn ... will it stop?") stays out.
		c.OffTopic = shortOffTopic
	}
}

// asksCourse reports whether words ask how the pain goes on, with a
// pronoun for it: "will it go away", "does it ease off", "it all goes
// the minute baby's born", "will this stop".
func asksCourse(words []analyze.Token) bool {
	for i, t := range words {
		if !courseWords[t.Lemma] {
			continue
		}
		if t.Lemma == "go" && i+1 < len(words) && goElsewhere[words[i+1].Lemma] {
			continue // "when is it safe to go back to lifting weights?"
		}
		for k := i - 1; k >= 0 && k >= i-3 && !words[k].Is(analyze.Break); k-- {
			if l := words[k].Lemma; l == "it" || l == "this" || l == "they" {
				return true
			}
		}
	}
	return false
}

// goElsewhere follow a "go" that goes somewhere rather than away.
var goElsewhere = map[string]bool{"back": true, "to": true, "for": true, "in": true, "into": true, "out": true, "up": true, "through": true}

// courseWords tell how a pain goes on: it goes, eases, stops or lasts.
var courseWords = map[string]bool{"go": true, "stop": true, "ease": true, "settle": true, "disappear": true, "last": true,
	"clear": true, "improve": true, "calm": true, "end": true, "vanish": true, "fade": true, "reduce": true, "linger": true}

// asksAnotherWay reports whether terms ask for another way ("what else
// helps", "anything else", "any other ideas") in a clause that names no
// subject of a topic, in a message that does not ask what to avoid: "is
// there anything else that works?", not "anything else for sleeping?",
// "what else for PGP?" nor "what else should I stop doing?".
func (m *Matcher) asksAnotherWay(terms []analyze.Token) bool {
	if m.intents.asksAvoid(terms) || slices.ContainsFunc(terms, func(t analyze.Token) bool { return stopWords[t.Lemma] }) {
		return false // "you avoid twisting, right? what else?", "what else should I stop doing?": the things to avoid
	}
	for k := 1; k < len(terms); k++ {
		l, prev := terms[k].Lemma, terms[k-1].Lemma
		other := l == "other" && prev == "any" && k+1 < len(terms) && ways[terms[k+1].Lemma]
		if !(l == "else" && (prev == "what" || prev == "anything") || other) {
			continue // not "or is it something else", "any other symptoms"
		}
		lo, hi := k, k
		for lo > 0 && !terms[lo-1].Is(analyze.Break) {
			lo--
		}
		for hi < len(terms) && !terms[hi].Is(analyze.Break) {
			hi++
		}
		named := false
		for _, t := range terms[lo:hi] {
			if t.Is(analyze.Stop) || t.Is(analyze.Break) {
				continue
			}
			id, ok := m.ix.terms[t.Term]
			if _, subject := m.subjects[id]; subject || !ok && !t.Is(analyze.Context) || ok && m.scope.logOdds[id] < offTopicWord {
				named = true // a topic's subject, or one the bot does not cover ("what else for PGP?")
			}
		}
		asked := hi < len(terms) && terms[hi].Is(analyze.Question)
		if k := opener(terms, lo); k < hi && questionWords[terms[k].Lemma] {
			asked = true // "is there anything else", "what else helps"
		}
		if !named && asked {
			return true
		}
	}
	return false
}

// opener returns the index of the first word of the clause from terms[lo]
// after its lead-ins ("ok so what else").
func opener(terms []analyze.Token, lo int) int {
	for lo < len(terms) && leadIns[terms[lo].Lemma] {
		lo++
	}
	return lo
}

// stopWords ask what to stop doing, beside avoidCues; ways ask what to do
// instead (see asksAnotherWay).
var (
	stopWords = map[string]bool{"stop": true, "quit": true}
	ways      = map[string]bool{"idea": true, "ideas": true, "way": true, "ways": true, "tip": true, "tips": true,
		"suggestion": true, "suggestions": true, "option": true, "options": true, "thing": true, "things": true,
		"advice": true, "remedy": true, "remedies": true, "trick": true, "tricks": true}
)

// overviewFor returns the overview that answers intent it when the
// message only says it hurts: its terms are pain words (see painWords)
// and her situation, with no part of the back and no negation; or -1.
func (m *Matcher) overviewFor(sc *scratch, it intent, where place) int32 {
	if where != anywhere {
		return -1 // "lower back ache since this morning": the lower back's topic
	}
	pain := false
	for k, id := range sc.qterms {
		if sc.context&(1<<uint(k)) != 0 {
			continue // the week, children, work
		}
		if !m.pain[id] {
			return -1
		}
		pain = true
	}
	if !pain {
		return -1 // "where do the pads go?" follows on from an answer
	}
	for _, t := range sc.an.Words {
		if t.Is(analyze.Negation) {
			return -1 // "what should I NOT be doing with a bad back?" asks what to avoid
		}
	}
	return m.intents.overviews[it]
}

// overviewNear is how close below a subject's topic the relief overview
// must stand to answer a question on what helps that names no subject.
// Chosen on the tune split: 0.9 answered 4 more questions and got 4 more
// turns right; 0.95 and 0.85 less, 0.8 lost turns.
const overviewNear = 0.9

// genericLift is how far above the best topic's confidence the overview
// is put for a message that only says it hurts (see overviewFor): any lift
// above 1 puts it first.
const genericLift = 1.05

// unnamedPenalty is what a topic with subject words (see newSubjects)
// loses when the message names none of them. Chosen on the tune split and
// fresh sets W10 and W12: 0.05 traded 6 tune answers for 7 off-topic
// questions turned down and 3 fresh answers; 0.1 cost 8 conversation
// turns.
const unnamedPenalty = 0.05

// namesPlacedSubject reports whether the message names the subject of a
// topic for any part of the back, or for the part it names: "sciatica"
// does, "hormones" (the upper back's, by its examples) in a message that
// names no part does not.
func (m *Matcher) namesPlacedSubject(sc *scratch, where place) bool {
	for t := 0; t < m.topicCount; t++ {
		if sc.named[t/64]&(1<<uint(t%64)) != 0 && (m.intents.place[t] == anywhere || m.intents.place[t] == where) {
			return true
		}
	}
	return false
}

// overviewNamedPenalty is what an overview without subject words loses
// when the message names a subject word of another topic. Chosen on the
// tune split: 0.05, 0.1, 0.15 and 0.2 answered 0, 8, -3 and -3 more
// questions and got 1, 1, -6 and -4 more turns; holdout unchanged.
const overviewNamedPenalty = 0.1

// namedElsewherePenalty is what such a topic loses when the message names
// another topic's subject word instead. Chosen on the tune split: 0.15
// answered 17 more questions, turned down 3 more off-topic ones and got 2
// more conversation turns right; 0.1 and 0.25 less, 0.4 lost answers.
const namedElsewherePenalty = 0.15

// subjectEvidence is the in-scope log-odds of a word that names the
// subject ("back" +2.2, "spasm" +2.5, "pain" +1.3); a clause with none
// only asks ("what helps?") or only comments ("so many options"), and
// the whole message decides its scope. Chosen on the tune split: against
// 1.0, 1.2 turned down 7 more off-topic questions and answered 2 fewer;
// 1.5 turned down 13 more and answered 9 fewer. Holdout unchanged.
const subjectEvidence = 1.2

// spans finds the message's known terms and cuts it into clauses at
// sentence ends and question marks; the last span is the whole message.
// Each span weighs the idf of its known terms plus a little for each word
// the knowledge base has never seen; context words weigh nothing.
func (m *Matcher) spans(sc *scratch) {
	sc.qterms, sc.qweight, sc.spans, sc.context, sc.placed, sc.load = sc.qterms[:0], sc.qweight[:0], sc.spans[:0], 0, 0, 0
	ix := m.ix
	unknown := unknownWeight * ix.avgIDF
	var cur, whole span
	var seenUnknown []string
	flush := func() {
		if cur.terms != 0 && len(sc.spans) < maxSpans {
			sc.spans = append(sc.spans, cur)
		}
		cur = span{}
	}
	ruled := ruledOut(sc.an.Terms, sc.ruled[:0])
	sc.ruled = ruled
	for i, t := range sc.an.Terms {
		if t.Is(analyze.Break) {
			if !t.Is(analyze.Weak) {
				flush()
			}
			continue
		}
		if t.Is(analyze.Stop) {
			continue
		}
		context := t.Is(analyze.Context)
		id, ok := ix.terms[t.Term]
		if ok && ruled[i] && m.scope.logOdds[id] < 0 {
			// A sign ruled out ("no bleeding", "waters are fine") says
			// nothing against the question: "no bleeding, what helps?".
			continue
		}
		if !ok {
			if context {
				continue
			}
			if !slices.Contains(seenUnknown, t.Term) {
				seenUnknown = append(seenUnknown, t.Term)
				whole.weight += unknown
				whole.unknown++
			}
			cur.weight += unknown
			cur.unknown++
			continue
		}
		k := slices.Index(sc.qterms, id)
		if k < 0 {
			if len(sc.qterms) == maxQueryTerms {
				continue
			}
			k = len(sc.qterms)
			sc.qterms = append(sc.qterms, id)
			sc.qweight = append(sc.qweight, ix.idf[id])
			if t.Is(analyze.Load) && m.scope.logOdds[id] < 0 {
				sc.load |= 1 << uint(k)
			}
			_, place := places[t.Lemma]
			switch {
			case context:
				sc.context |= 1 << uint(k)
			case place:
				sc.placed |= 1 << uint(k)
				whole.weight += ix.idf[id]
				whole.place += ix.idf[id]
			default:
				whole.weight += ix.idf[id]
			}
		}
		bit := uint64(1) << uint(k)
		if cur.terms&bit == 0 {
			cur.terms |= bit
			if !context {
				cur.weight += ix.idf[id]
				if sc.placed&bit != 0 {
					cur.place += ix.idf[id]
				}
			}
		}
		whole.terms |= bit
	}
	flush()
	if len(sc.spans) == 1 {
		sc.spans = sc.spans[:0] // one clause: the whole message is it
	}
	sc.spans = append(sc.spans, whole)
}

// anyPlace reports whether class cl is a topic on what helps wherever
// the back hurts.
func anyPlace(classes []bool, cl int) bool { return cl < len(classes) && classes[cl] }

// ruledOut marks the terms a message rules out (into dst, one per term):
// the content words at most three before an all-is-well word ("waters
// are fine", "baby kicking fine"), outside questions. (Words after a
// negation cue, "no bleeding", were tried too: the held-out split lost an
// off-topic question with them, so they are not ruled out here.)
func ruledOut(terms []analyze.Token, dst []bool) []bool {
	dst = slices.Grow(dst[:0], len(terms))[:len(terms)]
	clear(dst)
	for i, t := range terms {
		if wellWords[t.Lemma] && !asksAt(terms, i) {
			for k := i - 1; k >= 0 && k >= i-3 && !terms[k].Is(analyze.Break); k-- {
				dst[k] = true
			}
		}
	}
	return dst
}

// asksAt reports whether the clause holding terms[i] ends in a question
// mark: "is sex fine in the third trimester?" rules nothing out.
func asksAt(terms []analyze.Token, i int) bool {
	for k := i + 1; k < len(terms); k++ {
		if terms[k].Is(analyze.Break) {
			return terms[k].Is(analyze.Question)
		}
	}
	return false
}

// wellWords say that what comes just before them is well, in a report:
// "waters are fine", "baby kicking fine". Not "ok" or "normal", which
// members ask with ("is it normal", "is coffee ok").
var wellWords = map[string]bool{"fine": true, "intact": true}
