package triage

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/backcare/backcare/internal/analyze"
)

// History holds the patterns that tell a danger sign from the member's
// past, checked and settled, from one happening now. A match of a rule
// with Reports set is settled history, and fires nothing, when no Now
// pattern stands in its clause ("bleeding again now"), no Again pattern
// follows it anywhere ("but it's started again"), and either
//   - its clause places it in an earlier pregnancy ("my waters broke at
//     39 weeks with my first"): an Earlier pattern;
//   - or its clause places it in the past, with a Past pattern ("fell
//     last month", "went to triage last week with tightenings") or a
//     PastAfter pattern right after it ("had spotting at 8 weeks", where
//     "at 8 weeks" before a sign is the present: "I'm at 30 weeks and
//     bleeding"), and a Settled pattern, not negated, follows it in its
//     sentence or the next two, outside a question ("all fine and they
//     discharged me", "nothing since");
//   - or its clause places it in the last few days (a Recent pattern:
//     "yesterday", "on Sunday"), or tells of a visit for it before it (a
//     Visits pattern: "went to triage with", "saw the midwife about"),
//     and what follows says a clinician checked it (a Checked pattern:
//     "they checked everything, all fine"). A fall yesterday that "feels
//     fine" still needs checking.
//
// A Today pattern ("this morning", "2 hours ago") in the clause is now,
// like a Now pattern, unless a Visits pattern stands before the sign in
// its clause: "went to MAU this morning with tightenings" tells when she
// was seen.
//
// Every pattern is ordered: its words in order, at most maxGap tokens
// apart, like an unless pattern.
type History struct {
	Past, PastAfter, Recent, Earlier, Now, Today, Visits, Settled, Checked, Again []string
}

// patterns is a compiled list of ordered patterns with an index by the
// lemma each is anchored on.
type patterns struct {
	name   string   // what the patterns are, for Explain: "past", "frame"
	text   []string // each pattern as written, by phrase.trigger
	list   []phrase
	anchor anchorIndex // vocab number -> patterns anchored on that lemma
}

// add compiles pattern (owned by rule, for unless patterns) into ps,
// numbering the first lemma of each term's alternatives in vocab (see
// compileTerms).
func (ps *patterns) add(x *expander, vocab map[string]int32, rule, index int, pattern string) error {
	expanded, err := x.expand(pattern)
	if err != nil {
		return err
	}
	for len(ps.text) <= index {
		ps.text = append(ps.text, "")
	}
	ps.text[index] = pattern
	for _, terms := range expanded {
		ps.list = append(ps.list, phrase{rule: int32(rule), trigger: int32(index), terms: terms, match: compileTerms(terms, x.terms, vocab), ordered: true,
			aboutOther: strings.HasPrefix(pattern, "{"+OthersGroup+"} ")})
	}
	return nil
}

// index anchors each pattern on its cheapest word to check, by cost.
func (ps *patterns) index(cost func(term string) int) {
	var pairs []anchorPair
	for i := range ps.list {
		p := &ps.list[i]
		best, bestCost := 0, 0
		for k, term := range p.terms {
			if term == negLemma {
				continue
			}
			if c := cost(term); p.terms[best] == negLemma || c < bestCost {
				best, bestCost = k, c
			}
		}
		p.anchor = best
		pairs = anchorPairs(pairs, p, int32(i))
	}
	ps.anchor = newAnchorIndex(pairs)
}

// find calls f with each match of a pattern anchored in tokens[lo:hi],
// until f returns false. Like Set.each, it places only the patterns the
// message has a word for in every term (sc.present).
func (ps *patterns) find(s *Set, tokens []analyze.Token, sc *scratch, lo, hi int, f func(p *phrase, m match) bool) {
	for i := max(lo, 0); i < hi && i < len(tokens); i++ {
		id := sc.tok[i]
		for _, pi := range ps.anchor.get(id) {
			p := &ps.list[pi]
			if !sc.mayMatch(p) {
				continue
			}
			if m, ok := s.matchAround(tokens, sc, p, i); ok {
				if !f(p, m) {
					return
				}
			}
		}
	}
}

// any reports whether a pattern of ps, not negated, lies within
// tokens[lo:hi], starting at or after from.
func (ps *patterns) any(s *Set, tokens []analyze.Token, sc *scratch, lo, hi, from int) bool {
	return ps.anyBut(s, tokens, sc, lo, hi, from, nil)
}

// anyBut is any, not counting a match for which skip reports true.
func (ps *patterns) anyBut(s *Set, tokens []analyze.Token, sc *scratch, lo, hi, from int, skip func(m match) bool) bool {
	found := false
	ps.find(s, tokens, sc, lo, hi, func(p *phrase, m match) bool {
		found = m.start >= from && m.end < hi && !s.negatedUnless(tokens, p, m) && (skip == nil || !skip(m))
		if found {
			sc.because(ps, p)
		}
		return !found
	})
	return found
}

// because records, for Explain, a pattern that decided a verdict.
func (sc *scratch) because(ps *patterns, p *phrase) {
	if sc.explain && int(p.trigger) < len(ps.text) {
		sc.why = append(sc.why, ps.name+" "+strconv.Quote(ps.text[p.trigger]))
	}
}

// history is the compiled History.
type history struct {
	past, pastAfter, recent, earlier, now, today, visits, settled, checked, again patterns
}

// maxSettledSentences is how many sentences, the sign's own included, a
// settled pattern may stand in.
const maxSettledSentences = 3

// again reports whether an Again pattern follows index from: "but it's
// started again". A test that "came back negative" is a result, not a
// sign coming back.
func (s *Set) again(tokens []analyze.Token, sc *scratch, from int) bool {
	found := false
	s.history.again.find(s, tokens, sc, from, len(tokens), func(p *phrase, m match) bool {
		// What a test came back as: one of the answers that mean all is
		// well ("negative", "clear", "normal"), or "all clear".
		result := m.end+1 < len(tokens) && (s.fine[tokens[m.end+1].Lemma] || tokens[m.end+1].Lemma == "all" || tokens[m.end+1].Lemma == "clear")
		// "it's back pain now" names the back, not a sign come back.
		result = result || tokens[m.end].Lemma == "back" && m.end+1 < len(tokens) && backComplaints[tokens[m.end+1].Lemma]
		// "back's been ok since but aching again now" is her back again.
		result = result || m.start > 0 && backComplaints[tokens[m.start-1].Lemma]
		// A check done again is no sign come back: "BP's been lovely, had
		// it done again yesterday", "they tested again".
		result = result || m.start > 0 && checkedAgain[tokens[m.start-1].Lemma]
		// Her back grown worse is no sign grown: "all fine since. my back
		// ache is getting worse".
		result = result || s.backBefore(tokens, m.start)
		// "it" after her back was named since the sign is her back:
		// "fell down the stairs in 2019... my back's never been right
		// since. 24 weeks now and it's so much worse".
		// Only a way a back may grow: worse, more painful ("now it's
		// heavier" after "my back ached" is still the bleeding).
		result = result || slices.ContainsFunc(m.pos[:m.n], func(k int) bool { return tokens[k].Lemma == "it" || tokens[k].Lemma == "its" }) &&
			slices.ContainsFunc(m.pos[:m.n], func(k int) bool { return tokens[k].Lemma == "worse" || tokens[k].Lemma == "painful" }) &&
			s.herBackIn(tokens, from, m.start)
		// "back again" with words between names her back, not a sign that
		// is back: "now 30 weeks and my back is sore again".
		result = result || tokens[m.start].Lemma == "back" && m.end > m.start+1
		// "will it happen again?" asks; it tells of nothing coming back;
		// nor does advice: "ring again anytime", "come back if it changes
		// again".
		found = m.start >= from && !result && !s.negatedUnless(tokens, p, m) && !asked(tokens, m.end) && !advised(tokens, m)
		if found {
			sc.because(&s.history.again, p)
		}
		return !found
	})
	return found
}

// backBefore reports whether the clause before tokens[j] names her back
// or its pain: "my back is getting worse", "sciatica's worse now".
func (s *Set) backBefore(tokens []analyze.Token, j int) bool {
	for k := j - 1; k >= 0 && !tokens[k].Is(analyze.Break); k-- {
		if l := tokens[k].Lemma; s.bodyParts[l] || backComplaints[l] {
			return true
		}
	}
	return false
}

// backSince reports whether the "since" at j tells how long her back has
// been bad, her back or a back complaint named in the few words before it
// (not "my head very pain since yesterday"):
// "back trouble ever since", "my back's never been right since".
func (s *Set) backSince(tokens []analyze.Token, j, lo int) bool {
	for k := j - 1; k >= lo && k >= j-6 && !isClauseEnd(tokens[k]); k-- {
		if tokens[k].Lemma == "back" && (k > 0 && tokens[k-1].Lemma == "my" || k+1 < len(tokens) && backComplaints[tokens[k+1].Lemma]) {
			return true
		}
	}
	return false
}

// herBackIn reports whether tokens[lo:hi] name her back or its pain, after
// "my" ("my back's never been right since") or as a complaint ("had back
// trouble ever since").
func (s *Set) herBackIn(tokens []analyze.Token, lo, hi int) bool {
	for k := max(lo, 1); k < hi && k < len(tokens); k++ {
		l := tokens[k].Lemma
		if (s.bodyParts[l] || backComplaints[l]) && tokens[k-1].Lemma == "my" ||
			l == "back" && k+1 < hi && backComplaints[tokens[k+1].Lemma] {
			return true
		}
	}
	return false
}

// checkedAgain are the lemmas of checks that may be done again.
var checkedAgain = map[string]bool{"do": true, "check": true, "test": true, "retest": true, "measure": true,
	"scan": true, "dip": true, "swab": true, "monitor": true, "examine": true}

// advised reports whether the Again pattern match m is advice she was
// given, not the sign coming back: it follows a call ("ring again", "call
// us again"), it comes before an "if" ("come back if anything changes"),
// or it follows an "if" that follows a call or "back" in its clause
// ("come back if it ever happens again"). Never "when": "when I stood up
// it started again" is the sign, and so is "if I stand up it starts
// again".
func advised(tokens []analyze.Token, m match) bool {
	start := m.start
	if m.end+1 < len(tokens) && tokens[m.end+1].Lemma == "if" {
		return true // "come back if anything changes"
	}
	for k := start - 1; k >= 0 && k >= start-3; k-- {
		l := tokens[k].Lemma
		if calls[l] {
			return true
		}
		if l != "us" && l != "them" && l != "back" && l != "in" {
			break
		}
	}
	for k := start - 1; k >= 0 && !tokens[k].Is(analyze.Break); k-- {
		if l := tokens[k].Lemma; l != "if" && l != "unless" && l != "whenever" {
			continue
		}
		// The condition of advice: a call or "come back" before it in
		// its clause. "if I stand up it starts again" is the sign.
		for j := k - 1; j >= 0 && !tokens[j].Is(analyze.Break); j-- {
			if calls[tokens[j].Lemma] || tokens[j].Lemma == "back" {
				return true
			}
		}
		return false
	}
	return false
}

// calls are the ways of getting in touch that advice repeats: "ring
// again anytime".
var calls = map[string]bool{"ring": true, "call": true, "phone": true, "contact": true}

// signClause returns the bounds of a match's clause, between any breaks,
// weak ones included: in "I'm bleeding, had a check last week, all fine"
// the past is the check's. "but" turns to a new clause too: "with my
// first I felt kicks every day but the last 2 days I don't feel much" is
// about now.
func signClause(tokens []analyze.Token, m match) (clo, chi int) {
	clo, chi = m.start, m.end+1
	for clo > 0 && !tokens[clo-1].Is(analyze.Break) && tokens[clo-1].Lemma != "but" && !soNow(tokens, clo-1) {
		clo--
	}
	for chi < len(tokens) && !tokens[chi].Is(analyze.Break) && tokens[chi].Lemma != "but" && !soNow(tokens, chi) {
		chi++
	}
	return clo, chi
}

// soNow reports whether tokens[j] is a "so" that turns to what follows
// from the story: "my contractions with my first started in my back so
// now every twinge I panic". Not "so much", "so bad".
func soNow(tokens []analyze.Token, j int) bool {
	if tokens[j].Lemma != "so" || j+1 >= len(tokens) {
		return false
	}
	switch tokens[j+1].Lemma {
	case "now", "i", "every", "anyway", "yeah", "this", "these":
		return true
	}
	return false
}

// retold reports whether a match tells again of a sign the message has
// settled as history (its match ended at story; -1 for none): it comes
// after it in the same sentence ("thought my waters had gone on Sunday
// (damp knickers, sorry) but the swab test was negative"), or refers
// back to it ("is that the fall or just pregnancy?"), with no Now pattern
// in its clause and no Again pattern after it. "Spotting at 12 weeks,
// all fine since. Bright red on the pad" is a new sign in a new sentence.
func (s *Set) retold(tokens []analyze.Token, sc *scratch, m match, story int) bool {
	if story < 0 || m.start <= story {
		return false
	}
	// "is that the fall", "could that old fall be why", "sore from the
	// fall", "stiff from landing", "from where I landed": "that", "this"
	// or "old" at most two words before, "the" after a word of cause or
	// time, or such a word right before one of its words. Not "the"
	// alone: "all fine. The bleeding is bright red" tells a sign.
	referred, opened, from := false, false, m.start
	for k := m.start - 1; k >= 0 && k >= m.start-3; k-- {
		switch l := tokens[k].Lemma; {
		case (l == "a" || l == "an") && k == m.start-1 && askedOfOthers(tokens, k):
			// "Has anyone had a fall and then back pain for weeks
			// after?", "to anyone worried after a fall, go and get
			// checked": the story's sign, asked of or told to the
			// others, as their own.
			referred = true
		case l == "the" && k == m.start-1 && asked(tokens, m.end):
			// "do I need to mention the fall at my next appt?", "is that
			// pregnancy or the fall?": the story's sign, asked about.
			referred = true
		case (l == "they" || l == "it" || l == "these" || l == "those") && (k == 0 || isClauseEnd(tokens[k-1])):
			// "had braxton hicks checked yesterday, sent home. they're
			// painless tightenings now and then": a sentence opened on
			// the story's sign goes on telling it (its whole clause is
			// read for now: "it's bleeding now" is news).
			opened = true
		case k < m.start-2:
		case l == "that" || l == "this" || l == "old":
			referred = true
		case l == "the" && k > 0 && causeWords[tokens[k-1].Lemma]:
			referred = true
		case l == "the" && k > 0 && modals[tokens[k-1].Lemma] && asked(tokens, m.end):
			referred = true // "could the fall have caused anything?"
		}
	}
	for _, j := range m.pos[:m.n] {
		// "still stiff in my back from landing", "stiff from where I
		// landed": a word of cause right before one of its words, or
		// "where" and its subject.
		switch {
		case j > 0 && (tokens[j-1].Lemma == "from" || tokens[j-1].Lemma == "since" || tokens[j-1].Lemma == "after"):
			referred = true
		case j > 2 && tokens[j-2].Lemma == "where" && causeWords[tokens[j-3].Lemma]:
			referred = true
		case j > 1 && tokens[j-2].Lemma == "where" && (tokens[j-1].Lemma == "i" || tokens[j-1].Lemma == "she"):
			// "still a bit bruised where I landed": the place of the
			// story's fall, whatever names the hurt before it (and is
			// still there).
			referred, from = true, max(from, j-2)
		}
	}
	if !referred && !opened {
		for j := story + 1; j < m.start; j++ {
			if isClauseEnd(tokens[j]) {
				return false
			}
		}
	}
	clo, chi := signClause(tokens, m)
	if referred {
		// "could that old fall be why my back still aches", "still stiff
		// from landing": the rest of the clause tells of something else.
		clo, chi = from, m.end+1
	}
	return !s.nowIn(tokens, sc, clo, chi) && !s.again(tokens, sc, m.end+1)
}

// askedOfOthers reports whether the sentence of tokens[j] asks the others,
// before j: "has anyone had", "did any of you get".
func askedOfOthers(tokens []analyze.Token, j int) bool {
	for k := j - 1; k >= 0 && !isClauseEnd(tokens[k]); k-- {
		switch tokens[k].Lemma {
		case "anyone", "anybody", "everyone", "everybody":
			return true
		case "any":
			if k+2 < len(tokens) && tokens[k+1].Lemma == "of" && tokens[k+2].Lemma == "you" {
				return true
			}
		}
	}
	return false
}

// modals ask about a sign told before: "could the fall have caused it?".
var modals = map[string]bool{"could": true, "can": true, "would": true, "will": true, "might": true, "do": true, "be": true}

// isYear reports whether a number token is a year ("in 2018"): a date,
// not a count.
func isYear(t analyze.Token) bool {
	return len(t.Term) == 4 && (strings.HasPrefix(t.Term, "19") || strings.HasPrefix(t.Term, "20"))
}

// causeWords put "the" sign back in a story: "sore from the fall", "since
// the bleed".
var causeWords = map[string]bool{"from": true, "since": true, "after": true, "of": true, "because": true}

// settled reports whether a match is settled history (see History).
func (s *Set) settled(tokens []analyze.Token, sc *scratch, m match) bool {
	h := &s.history
	clo, chi := signClause(tokens, m)
	// A visit before the sign in its clause is when she was seen for it:
	// "went to MAU this morning with tightenings" tells of this morning's
	// visit, and the sign is as recent as yesterday's.
	visited := h.visits.any(s, tokens, sc, clo, m.start, clo)
	if s.timeIn(&h.now, tokens, sc, clo, chi) || s.again(tokens, sc, m.end+1) {
		return false
	}
	if clinicianSaidFine(tokens, m) {
		if sc.explain {
			sc.why = append(sc.why, "a midwife or doctor said it is fine")
		}
		return true
	}
	if !visited && s.timeIn(&h.today, tokens, sc, clo, chi) {
		return false
	}
	if h.earlier.anyBut(s, tokens, sc, clo, chi, clo, func(em match) bool {
		if s.accompanied(tokens, em.start, clo) {
			return true // "at the playground with my eldest"
		}
		if comparedWith(tokens, clo, em.start) {
			return true // "feels like it did in labour with my first": now, set beside then
		}
		// The pregnancy she is in: "pregnant with my first", "36 weeks
		// with my third", "pregnant again with my second".
		// Not the week a sign came at: "my waters broke at 39 weeks with
		// my first".
		for k := em.start - 1; k >= clo && k >= em.start-2; k-- {
			if s.pregnancy[tokens[k].Lemma] {
				return k < 2 || !atWeek[tokens[k-2].Lemma]
			}
		}
		return false
	}) {
		return true
	}
	if s.earlierLead(tokens, sc, m) || s.thatWasEarlier(tokens, sc, chi) || s.storyGoesOn(tokens, sc, m) {
		return true
	}
	evidence := &h.settled
	past := h.past.any(s, tokens, sc, clo, chi, clo)
	if past {
		// A time past, and before this pregnancy in an aside of its
		// sentence: "last year I had a kidney infection (before I was
		// pregnant)".
		lo, hi := sentenceOf(tokens, m)
		if h.earlier.any(s, tokens, sc, lo, hi, lo) {
			return true
		}
	}
	if !past {
		past = s.pastLead(tokens, sc, m, clo)
	}
	pastAt := match{start: -1, end: -1}
	// "spotting at 8 weeks", "fainted once at 12 weeks": right after
	// the sign, with at most one content word between; or within it,
	// between its words, with no number ("bump went tight once after
	// the stairs then went soft").
	h.pastAfter.find(s, tokens, sc, m.start+1, chi, func(p *phrase, pm match) bool {
		if pm.start <= m.start || pm.end >= chi || lasted(tokens, pm) {
			return true
		}
		if pm.start <= m.end {
			if pm.end > m.end || pm.spans(tokens, isNumber) {
				return true
			}
			sc.because(&h.pastAfter, p)
			past, pastAt = true, pm
			return false
		}
		content, counted := 0, false
		for j := m.end + 1; j < pm.start; j++ {
			if !tokens[j].Is(analyze.Stop) {
				content++
			}
			counted = counted || tokens[j].Lemma == analyze.NumberLemma && !isYear(tokens[j])
		}
		// A little further ("a high temperature with a chest
		// infection at 14 weeks") when her weeks today are months on.
		// Not past a count: "peeing every 5 min at 10 weeks" may still be.
		// Looked for even when a time past stands in the clause: its
		// weeks may tell which pregnancy ("in 2018 at 39 weeks, now
		// 22 weeks").
		ok := content <= 1
		if !ok && content <= maxPastAfterWords && !counted {
			since, before := s.weeksApart(tokens, pm)
			ok = since >= minWeeksSince || before >= minWeeksSince
		}
		if ok {
			sc.because(&h.pastAfter, p)
			past, pastAt = true, pm
		}
		return !ok
	})
	if !past {
		// "At 12 weeks I had a little bleeding, doctor said it was normal.
		// Now 25 weeks": the week named before the sign in its clause,
		// months before her weeks today.
		h.pastAfter.find(s, tokens, sc, clo, m.start, func(p *phrase, pm match) bool {
			if since, _ := s.weeksApart(tokens, pm); pm.end >= m.start || since < minWeeksSince || lasted(tokens, pm) {
				return true
			}
			past, pastAt = true, pm
			sc.because(&h.pastAfter, p)
			return false
		})
	}
	since, before := 0, 0
	if past {
		since, before = s.weeksApart(tokens, pastAt)
	}
	if since >= minWeeksSince {
		// "spotting at 8 weeks, ok now, 24 weeks": the member's weeks
		// today, months past the sign's, say it is over.
		if sc.explain {
			sc.why = append(sc.why, fmt.Sprintf("her weeks today %d past the sign's", since))
		}
		return true
	}
	if before >= minWeeksSince {
		// "my waters broke at 39 weeks, now 22 weeks with number 2": her
		// weeks today, well short of the sign's, put it in a pregnancy
		// before this one.
		if sc.explain {
			sc.why = append(sc.why, fmt.Sprintf("her weeks today %d short of the sign's", before))
		}
		return true
	}
	if !past {
		// Every recent time of the clause, and whether each is what the
		// sign has lasted since.
		recent, lasting := false, true
		h.recent.find(s, tokens, sc, clo, chi, func(p *phrase, rm match) bool {
			if rm.start >= clo && rm.end < chi && !s.negatedUnless(tokens, p, rm) {
				recent = true
				lasting = lasting && lastsSince(tokens, rm, clo)
				sc.because(&h.recent, p)
			}
			return true
		})
		if !recent {
			// A recent time earlier in the sentence that leads into the
			// sign's clause, as a time past does (see pastLead): "Had a
			// bit of a scare on Tuesday — thought my waters had gone".
			lo, _ := sentenceOf(tokens, m)
			h.recent.find(s, tokens, sc, lo, clo, func(p *phrase, rm match) bool {
				if rm.end < clo && !s.negatedUnless(tokens, p, rm) && !s.turnsToNow(tokens, sc, rm.end+1, m) {
					recent, lasting = true, false
					sc.because(&h.recent, p)
					return false
				}
				return true
			})
		}
		switch {
		case recent && lasting && !visited:
			// "haven't been able to wee since the birth yesterday, they
			// discharged me": a sign told as lasting since a recent time
			// goes on now, whoever saw her since.
			return false
		case visited || recent:
			evidence = &h.checked
		case updateAfter(tokens, m.end+1):
			// An update tells what came of it; only a result settles it
			// ("update: went to triage, trace perfect, all fine"), not a
			// check still going on ("update: at triage now, on the
			// monitor", "they want to keep me in").
		default:
			return s.checkedSince(tokens, sc, m) || s.checkedStory(tokens, sc, m)
		}
	}
	// The evidence in this sentence or the next ones, not in a question.
	found := false
	end := settledWindow(tokens, m.end+1)
	evidence.find(s, tokens, sc, m.end+1, end, func(p *phrase, sm match) bool {
		found = sm.start > m.end && sm.end < end && !s.negatedUnless(tokens, p, sm) && !asked(tokens, sm.end) && !s.guessed(tokens, sm)
		if found {
			sc.because(evidence, p)
		}
		return !found
	})
	return found
}

// comparedWith reports whether an earlier pregnancy named at tokens[at]
// is what the sign is set beside, not when it came: a "than", "like it
// did", "same as" or "as with" before it in the clause from lo ("movements
// feel weaker than with my first", "my back feels like it did early in
// labour with my first", "the same as with my son").
func comparedWith(tokens []analyze.Token, lo, at int) bool {
	for j := at - 1; j >= lo; j-- {
		switch tokens[j].Lemma {
		case "than", "same", "similar":
			return true
		case "like":
			// "like it did", "like I had", "like with", "like before";
			// never a filler ("I was like, my waters went with my first").
			if j+1 < at {
				switch tokens[j+1].Lemma {
				case "it", "i", "with", "before", "last", "they", "she", "he", "this":
					return true
				}
			}
		case "as":
			if j+1 < at && tokens[j+1].Lemma == "with" {
				return true
			}
		}
	}
	return false
}

// accompanied reports whether the "with" at j tells who was with her
// somewhere, not an earlier pregnancy: "was at the playground with my
// eldest", "out shopping with my eldest". A place before it within four
// words of its clause (from lo): "at", "to", "in" or "out" and no week
// after them ("my waters went at 39 weeks with my first" is one).
func (s *Set) accompanied(tokens []analyze.Token, j, lo int) bool {
	if tokens[j].Lemma != "with" {
		return false
	}
	// A child who goes with her: "with my eldest", not "with my first"
	// (a pregnancy: "my waters broke in Asda with my first").
	child := false
	for k := j + 1; k < len(tokens) && k <= j+2; k++ {
		child = child || companions[tokens[k].Lemma]
	}
	if !child {
		return false
	}
	for k := j - 1; k >= lo && k >= j-4; k-- {
		switch tokens[k].Lemma {
		case "at", "to", "in", "into", "out", "round", "around":
			// Nothing of a pregnancy or its weeks between: "in
			// pregnancy with my eldest", "at twenty weeks with her first".
			return !slices.ContainsFunc(tokens[k+1:j], func(t analyze.Token) bool {
				return t.Lemma == analyze.NumberLemma || t.Gestation() || weekWords[t.Lemma] || s.pregnancy[t.Lemma] || spelledNumbers[t.Lemma]
			})
		}
	}
	return false
}

// companions are children who may go somewhere with her (see
// accompanied).
var companions = map[string]bool{"eldest": true, "oldest": true, "toddler": true, "kids": true, "son": true, "daughter": true}

// spelledNumbers are counts written out, as weeks are: "at twenty weeks".
var spelledNumbers = map[string]bool{"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true, "thirteen": true, "fourteen": true, "fifteen": true,
	"sixteen": true, "seventeen": true, "eighteen": true, "nineteen": true, "twenty": true, "thirty": true, "forty": true}

// clinicianSaidFine reports whether, after the sign in its sentence or
// the next two, a midwife, nurse or doctor is told as having said it is fine
// or named something harmless: "passed a couple of small clots, midwife
// on the ward had a look and said totally normal for day 1", "told the MW
// and she said it's just where it pooled overnight and it's fine", "Nurse
// said it's the uterus shrinking back", "Doctor say ligament"; or a check
// found clear: "speculum all clear and sent home". Never
// advice ("said to come in"), a question ("midwife said that's normal?"),
// a denial ("said it's not normal"), nor when the message turns back to
// her case after it ("... but it's heavier now").
func clinicianSaidFine(tokens []analyze.Token, m match) bool {
	if clinicianCalledFine(tokens, m) {
		return true
	}
	end := settledWindow(tokens, m.end+1)
	for k := m.end + 1; k < end; k++ {
		if isClauseEnd(tokens[k]) {
			continue
		}
		if k > 0 && (ifBefore(tokens, k) || tokens[k-1].Lemma == "whether") {
			continue // "is the baby ok if the trace was fine": a condition, not a result
		}
		if examNouns[tokens[k].Lemma] {
			// A check's result, with or without a verb: "speculum all
			// clear", "speculum showed nothing else". Never a check
			// denied: "no sex no exam nothing" (from S215).
			if k > 0 && tokens[k-1].Is(analyze.Negation) {
				continue
			}
			for f := k + 1; f < len(tokens) && f <= k+4 && !isClauseEnd(tokens[f]); f++ {
				if harmless[tokens[f].Lemma] || tokens[f].Lemma == "clear" {
					if tokens[f-1].Is(analyze.Negation) || asked(tokens, f) || turnsBackAfter(tokens, f) {
						return false
					}
					return true
				}
			}
			continue
		}
		if !clinicians[tokens[k].Lemma] {
			continue
		}
		for j := k + 1; j < len(tokens) && j <= k+6 && !isClauseEnd(tokens[j]); j++ {
			if !saidOrLooked[tokens[j].Lemma] {
				continue
			}
			if j+2 < len(tokens) && tokens[j+1].Lemma == "to" && tokens[j+2].Lemma == "expect" {
				// "brown discharge after the sweep, which the midwife
				// said to expect": what she was told would come.
				return !turnsBackAfter(tokens, j+2)
			}
			if j+1 < len(tokens) && tokens[j+1].Lemma == "to" {
				break // advice: "said to come in and check it's fine"
			}
			for f := j + 1; f < len(tokens) && f <= j+8 && !isClauseEnd(tokens[f]); f++ {
				if !harmless[tokens[f].Lemma] || tokens[f-1].Is(analyze.Negation) || asked(tokens, f) {
					continue
				}
				return !turnsBackAfter(tokens, f)
			}
		}
	}
	return false
}

// clinicianCalledFine reports whether the sign is what a midwife or
// doctor, before it in its sentence, said is fine: "Midwife said a bit of
// spotting after a sweep is normal, so I'm prepped" (never "midwife said
// the bleeding is not normal").
func clinicianCalledFine(tokens []analyze.Token, m match) bool {
	said := false
	for k := m.start - 1; k >= 0 && k >= m.start-5 && !isClauseEnd(tokens[k]); k-- {
		if saidOrLooked[tokens[k].Lemma] && k > 0 && (clinicians[tokens[k-1].Lemma] || k > 1 && clinicians[tokens[k-2].Lemma]) {
			said = true
			break
		}
	}
	if !said {
		return false
	}
	for f := m.end + 1; f < len(tokens) && f <= m.end+6 && !isClauseEnd(tokens[f]); f++ {
		if harmless[tokens[f].Lemma] {
			return !tokens[f-1].Is(analyze.Negation) && !asked(tokens, f) && !turnsBackAfter(tokens, f)
		}
	}
	return false
}

// turnsBackAfter reports whether the message turns back to her case after
// a reassurance at tokens[f]: "... but it's heavier now".
func turnsBackAfter(tokens []analyze.Token, f int) bool {
	for t := f + 1; t < len(tokens); t++ {
		if tokens[t].Lemma == "long" && (tokens[t-1].Lemma == "this" || tokens[t-1].Lemma == "so") && t+1 < len(tokens) && tokens[t+1].Lemma == "after" {
			return true // "the midwife said some numbness is normal after birth. Is it normal this long after?"
		}
		if !herCase[tokens[t].Lemma] && !turnsBack[tokens[t].Lemma] {
			continue
		}
		if tokens[t].Lemma == "now" && overNow[tokens[t-1].Lemma] {
			continue // "it's stopped now", "all fine now": over, not back
		}
		// Her back's, not the sign's: "back still killing me though",
		// "now back to moaning about my back".
		backs := false
		for k := max(f+1, t-3); k < len(tokens) && k <= t+2; k++ {
			backs = backs || tokens[k].Lemma == "back" || backComplaints[tokens[k].Lemma]
		}
		if !backs {
			return true
		}
	}
	return false
}

// examNouns name a check whose result may follow (see clinicianSaidFine).
var examNouns = map[string]bool{"speculum": true, "swab": true, "ctg": true, "trace": true, "exam": true, "examination": true, "bloods": true}

// clinicians, saidOrLooked and harmless make a clinician's reassurance
// (see clinicianSaidFine); turnsBack tell the sign come back or grown
// after it.
var (
	clinicians   = map[string]bool{"midwife": true, "mw": true, "doctor": true, "dr": true, "doc": true, "gp": true, "nurse": true, "ob": true, "obgyn": true, "consultant": true}
	saidOrLooked = map[string]bool{"say": true, "tell": true, "reassure": true, "look": true, "check": true, "examine": true}
	harmless     = map[string]bool{"fine": true, "normal": true, "ok": true, "okay": true, "expected": true, "common": true, "nothing": true,
		"ligament": true, "uterus": true, "womb": true, "pooled": true, "pool": true, "healthy": true, "perfect": true, "braxton": true, "bh": true}
	turnsBack = map[string]bool{"again": true, "worse": true, "heavier": true, "more": true, "since": true}
)

// lastsSince reports whether the recent time rm is what a sign has lasted
// since: "since" stands at most three words before it in the clause ("since
// yesterday", "since the birth yesterday", "ever since this morning").
func lastsSince(tokens []analyze.Token, rm match, clo int) bool {
	for j := rm.start - 1; j >= clo && j >= rm.start-3; j-- {
		if tokens[j].Is(analyze.Break) {
			return false
		}
		if tokens[j].Lemma == "since" {
			return true
		}
	}
	return false
}

// storyGoesOn reports whether the match's sentence goes on with a story
// the sentence before it dated before this pregnancy, told in the past
// by her ("I had", "I got", "I was") and with nothing of now: "with my
// first I got pre-eclampsia at 36 weeks. I had a terrible headache,
// flashing lights, my face puffed up".
func (s *Set) storyGoesOn(tokens []analyze.Token, sc *scratch, m match) bool {
	lo, hi := sentenceOf(tokens, m)
	if lo < 2 {
		return false
	}
	plo, _ := sentenceOf(tokens, match{start: lo - 2, end: lo - 2})
	told := false
	for k := lo; k < hi; k++ {
		switch tokens[k].Lemma {
		case "now", "today", "tonight", "again", "currently", "still", "atm", "rn", "ago", "yesterday", "last",
			"night", "morning", "afternoon", "evening", "just", "after", "since", "when", "monday", "tuesday",
			"wednesday", "thursday", "friday", "saturday", "sunday", "weekend":
			return false // a time of its own: "I had a terrible headache last night"
		case "this":
			if k+1 < hi && tokens[k+1].Lemma == "time" {
				return false // "this time"
			}
		}
		if k > lo && k <= m.start && tokens[k-1].Lemma == "i" && storyTerms[tokens[k].Term] {
			told = true
		}
	}
	if !told || s.timeIn(&s.history.now, tokens, sc, lo, hi) || s.timeIn(&s.history.today, tokens, sc, lo, hi) {
		return false
	}
	// The sentence before tells of then only: "went to the pumpkin patch
	// today with my older two. About an hour ago I got this sudden
	// tearing pain" is today's.
	for k := plo; k < lo-1; k++ {
		switch tokens[k].Lemma {
		case "now", "today", "tonight", "currently", "hour", "hours", "ago", "yesterday":
			return false
		}
	}
	return s.history.earlier.any(s, tokens, sc, plo, lo-1, plo)
}

// likened follow "it was" when it likens rather than dates (see
// thatWasEarlier).
var likened = map[string]bool{"like": true, "same": true, "the": true, "just": true, "exactly": true, "what": true,
	"how": true, "similar": true, "as": true}

// storyTerms are the past forms in which she tells a story (see
// storyGoesOn).
var storyTerms = map[string]bool{"had": true, "got": true, "was": true, "went": true, "ended": true, "felt": true, "needed": true}

// thatWasEarlier reports whether the clause right after the sign's, which
// ends at tokens[chi], dates it before this pregnancy with "that was",
// "it was", "this was": "my ex used to hit me but that was 5 years ago",
// "had a big bleed, that was years ago though", "fainted at work. this was
// before I was pregnant". Never a likeness ("it was like this with my
// first", "it was the same with my first").
func (s *Set) thatWasEarlier(tokens []analyze.Token, sc *scratch, chi int) bool {
	k := chi
	for k < len(tokens) && (tokens[k].Is(analyze.Break) || tokens[k].Lemma == "but" || tokens[k].Lemma == "and" || tokens[k].Lemma == "though") {
		k++
	}
	if k+1 >= len(tokens) || k-chi > 3 {
		return false
	}
	switch tokens[k].Lemma {
	case "that", "this", "it", "which":
	default:
		return false
	}
	if tokens[k+1].Term != "was" && tokens[k+1].Term != "were" || k+2 < len(tokens) && likened[tokens[k+2].Lemma] {
		return false // "it was like this with my first", "this is what happened last time": a likeness, no date
	}
	end := k + 2
	for end < len(tokens) && !isClauseEnd(tokens[end]) {
		end++
	}
	return s.history.earlier.any(s, tokens, sc, k+2, end, k+2)
}

// updateAfter reports whether an update ("update:", "edit:", between
// breaks) stands after tokens[from]: what follows it tells what came of the
// sign since ("cant feel her\nupdate: went to triage, trace perfect, all
// fine").
func updateAfter(tokens []analyze.Token, from int) bool {
	for j := max(from, 1); j+1 < len(tokens); j++ {
		if updates[tokens[j].Lemma] && tokens[j-1].Is(analyze.Break) && tokens[j+1].Is(analyze.Break) {
			return true
		}
	}
	return false
}

// updates are the words that open an update to a post.
var updates = map[string]bool{"update": true, "edit": true, "upd8": true}

// guessed reports whether the evidence sm is only her guess, not a
// check: "slipped on the ice at 26 weeks and landed hard... baby seems ok
// but im shaken" settles nothing.
func (s *Set) guessed(tokens []analyze.Token, sm match) bool {
	for j := max(sm.start-2, 0); j <= sm.end; j++ {
		if guesses[tokens[j].Lemma] && !(j > 0 && s.checker(tokens[j-1].Lemma) || j > 1 && s.checker(tokens[j-2].Lemma)) {
			return true
		}
	}
	return false
}

// checker reports whether a word before a guess makes it a clinician's
// word after a check, not hers: one of her carers (see CarerGroup), or
// "they" of a unit: "day unit monitored her for hours and they think
// she's fine".
func (s *Set) checker(l string) bool {
	return s.carers[l] || l == "they" || l == "hospital" || l == "unit" || l == "triage"
}

// guesses are the words of a guess (see guessed).
var guesses = map[string]bool{"seem": true, "think": true, "hope": true, "hopefully": true, "probably": true,
	"guess": true, "reckon": true, "suppose": true, "maybe": true, "assume": true}

// earlierLead reports whether an earlier pregnancy opens the sign's
// sentence and leads it, past a comma or an aside: "In my first pregnancy
// (2019) I had a UTI", "with my first, my waters went at 39 weeks". Not
// when the sentence turns to now between them ("with my first I was fine
// but now I'm bleeding"), nor "pregnant with my first".
func (s *Set) earlierLead(tokens []analyze.Token, sc *scratch, m match) bool {
	h := &s.history
	lo, _ := sentenceOf(tokens, m)
	found := false
	h.earlier.find(s, tokens, sc, lo, m.start, func(p *phrase, em match) bool {
		if em.start > lo+1 || em.end >= m.start || em.start > lo && s.pregnancy[tokens[lo].Lemma] || s.turnsToNow(tokens, sc, em.end+1, m) {
			return true
		}
		found = true
		sc.because(&h.earlier, p)
		return false
	})
	return found
}

// turnsToNow reports whether the sentence turns to now between
// tokens[from] and the match: a "but", a "so now", or a Now pattern up to
// the match's end ("with my first I was fine but now I'm bleeding"). A
// lead (see earlierLead, pastLead) does not reach past such a turn.
func (s *Set) turnsToNow(tokens []analyze.Token, sc *scratch, from int, m match) bool {
	for j := from; j < m.start; j++ {
		if tokens[j].Lemma == "but" || soNow(tokens, j) {
			return true
		}
	}
	return s.nowIn(tokens, sc, from, m.end+1)
}

// pastLead reports whether a time gone by, earlier in the sign's sentence
// than its clause (which starts at clo), leads into it past a comma or an
// aside: "went to A&E back in the summer for my ankle (tripped on a kerb,
// baby checked and all fine)". Not when the sentence turns to now between
// them ("last month I was fine but today I'm bleeding"). Like a time in
// the sign's own clause, it makes the sign history only with a settled
// pattern after it.
func (s *Set) pastLead(tokens []analyze.Token, sc *scratch, m match, clo int) bool {
	h := &s.history
	lo, _ := sentenceOf(tokens, m)
	if clo <= lo {
		return false
	}
	found := false
	h.past.find(s, tokens, sc, lo, clo, func(p *phrase, pm match) bool {
		if pm.end >= clo || s.turnsToNow(tokens, sc, pm.end+1, m) {
			return true
		}
		found = true
		sc.because(&h.past, p)
		return false
	})
	return found
}

// checkedSince reports whether a sign told with no time of its own was
// checked since it began, lately, and found fine: "puffy fingers at night,
// midwife checked my wee and BP yesterday, all normal". The check's own
// clause names when (a recent pattern, or today), and a settled pattern
// follows it; neither is negated or asked.
func (s *Set) checkedSince(tokens []analyze.Token, sc *scratch, m match) bool {
	h := &s.history
	end := settledWindow(tokens, m.end+1)
	found := false
	h.checked.find(s, tokens, sc, m.end+1, end, func(p *phrase, cm match) bool {
		if cm.start <= m.end || cm.end >= end || !namesTest(tokens, cm) || s.negatedUnless(tokens, p, cm) || asked(tokens, cm.end) {
			return true
		}
		clo, chi := signClause(tokens, cm)
		if !h.recent.any(s, tokens, sc, clo, chi, clo) && !sayToday(tokens, clo, chi) {
			return true
		}
		h.settled.find(s, tokens, sc, cm.end+1, end, func(q *phrase, sm match) bool {
			found = sm.start > cm.end && sm.end < end && !s.negatedUnless(tokens, q, sm) && !asked(tokens, sm.end)
			if found {
				sc.because(&h.checked, p)
				sc.because(&h.settled, q)
			}
			return !found
		})
		return !found
	})
	return found
}

// settledWindow returns the end of the stretch after a sign, from
// tokens[from], in which its evidence may stand: the rest of its sentence
// and up to maxSettledSentences-1 more.
func settledWindow(tokens []analyze.Token, from int) int {
	end := from
	for sentences := 1; end < len(tokens) && sentences <= maxSettledSentences; end++ {
		if isClauseEnd(tokens[end]) {
			sentences++
		}
	}
	return end
}

// checkedStory reports whether a sign told with no time of its own is
// part of the story of a visit or a check that found it fine, told after
// it: "Went to A&E after I went dizzy in Tesco. ECG normal... Not one
// dizzy spell since", "I rang triage, went in, monitored, baby fine.
// Nothing since". The visit, or a check that names a test (see
// namesTest: "checked me" says nothing found), stands in the sign's
// sentence or the one before it, before the evidence (never a check at
// the roadside: see roadside); the evidence (a settled pattern)
// follows the sign within maxSettledSentences; neither is negated, asked
// or only her guess, and the message does not turn back to her case after
// the evidence ("Midwife checked me yesterday and said everything looked
// ok. Now my tummy is tender": see turnsBackAfter).
func (s *Set) checkedStory(tokens []analyze.Token, sc *scratch, m match) bool {
	h := &s.history
	lo, _ := sentenceOf(tokens, m)
	if lo > 1 {
		lo, _ = sentenceOf(tokens, match{start: lo - 2, end: lo - 2})
	}
	end := settledWindow(tokens, m.end+1)
	found := false
	h.settled.find(s, tokens, sc, m.end+1, end, func(q *phrase, sm match) bool {
		if sm.start <= m.end || sm.end >= end || s.negatedUnless(tokens, q, sm) || asked(tokens, sm.end) || s.guessed(tokens, sm) ||
			turnsBackAfter(tokens, sm.end) {
			return true
		}
		checked := func(ps *patterns, test bool) bool {
			hit := false
			ps.find(s, tokens, sc, lo, sm.start, func(p *phrase, cm match) bool {
				clo, chi := signClause(tokens, cm)
				hit = cm.end < sm.start && (!test || namesTest(tokens, cm)) && !s.negatedUnless(tokens, p, cm) && !asked(tokens, cm.end) &&
					!slices.ContainsFunc(tokens[clo:chi], func(t analyze.Token) bool { return roadside[t.Lemma] })
				if hit {
					sc.because(ps, p)
				}
				return !hit
			})
			return hit
		}
		found = checked(&h.visits, false) || checked(&h.checked, true)
		if found {
			sc.because(&h.settled, q)
		}
		return !found
	})
	return found
}

// roadside are the words of a check at the roadside, which is no
// maternity check: "paramedics checked me at the scene and said I was
// fine" after a crash still needs her midwife.
var roadside = map[string]bool{"paramedic": true, "paramedics": true, "scene": true, "ambulance": true, "roadside": true}

// tests are the checks that rule a sign out, not only look at her: "checked
// my wee and BP" does, "checked me" does not say what was found.
var tests = map[string]bool{"bp": true, "blood_pressure": true, "pressure": true, "urine": true, "wee": true, "pee": true,
	"blood": true, "bloods": true, "swab": true, "scan": true, "ctg": true, "trace": true, "monitor": true, "obs": true,
	"dip": true, "sample": true, "temperature": true, "temp": true}

// namesTest reports whether a check match names a test (see tests).
func namesTest(tokens []analyze.Token, cm match) bool {
	return cm.spans(tokens, func(t analyze.Token) bool { return tests[t.Lemma] })
}

// sayToday reports whether tokens[lo:hi] name today: the check was made
// today ("mentioned it at my appointment today").
func sayToday(tokens []analyze.Token, lo, hi int) bool {
	for j := lo; j < hi; j++ {
		if l := tokens[j].Lemma; l == "today" || l == "2day" || l == "earlier" {
			return true
		}
	}
	return false
}

// backComplaints are the words after "back" that make it the body's
// back ("it's back pain"), not a sign come back ("it's back").
var backComplaints = map[string]bool{"pain": true, "ache": true, "spasm": true, "spasms": true, "problem": true,
	"problems": true, "issue": true, "issues": true, "trouble": true, "twinge": true, "twinges": true, "cramp": true,
	"flare": true, "flaring": true} // "my tailbone is flaring again"

// maxPastAfterWords is how many content words may stand between a sign
// and a past_after pattern when her weeks today are well past it.
const maxPastAfterWords = 3

// minWeeksSince is how many weeks of pregnancy must lie between a sign
// told "at N weeks" and the member's weeks today for it to be over.
const minWeeksSince = 4

// today reports whether the count of weeks at tokens[j] is the member's
// pregnancy today: it opens a sentence ("24 weeks now"), follows "now" or
// "I'm" ("now 24 weeks", "I'm 24wks", "currently 24 weeks"), or is
// followed by "now". Not a time ("at 20 weeks", "since 30 weeks") or a
// duration ("off work for 12 weeks", "baby measuring 24 weeks").
func today(tokens []analyze.Token, j int) bool {
	if j+2 < len(tokens) && tokens[j+2].Lemma == "now" {
		return true
	}
	if j == 0 || tokens[j-1].Is(analyze.Break) {
		return true
	}
	switch tokens[j-1].Lemma {
	case "now", "currently", "be":
		return true
	case "at":
		// How the pregnancy is doing today: "remaining baby doing great
		// at 28 wks"; never "was fine at 20 weeks", a time.
		return j > 2 && doingWell[tokens[j-2].Lemma] && tokens[j-3].Lemma == "do"
	}
	return false
}

// doingWell say how well the pregnancy is doing after "doing": "doing
// great at 28 wks".
var doingWell = map[string]bool{"great": true, "well": true, "fine": true, "good": true, "brilliant": true, "amazing": true,
	"perfect": true, "perfectly": true, "ok": true, "okay": true, "lovely": true, "strong": true}

// weeksApart compares the member's pregnancy today ("now 24 weeks", "I'm
// 24wks") with the weeks in the pattern match at ("at 8 weeks"): since
// is how many weeks today lies past them, the most over the weeks she
// names as today's; before is how many it falls short of them, when
// every such week does ("my waters broke at 39 weeks, now 22 weeks"),
// else 0. Both are 0 when the message does not say.
func (s *Set) weeksApart(tokens []analyze.Token, at match) (since, before int) {
	then := s.weeksIn(tokens, at)
	if then < 0 {
		return 0, 0
	}
	later := false
	for j := range tokens {
		if j >= at.start && j <= at.end {
			continue
		}
		v, ok := weeksAt(tokens, j, s.weeks)
		ok = ok && today(tokens, j)
		if !ok {
			v, ok = bareWeeksNow(tokens, j)
		}
		if ok && !s.negatedBefore(tokens, j) {
			since = max(since, v-then)
			before = max(before, then-v)
			later = later || v >= then // "at 30 weeks ... now 34 weeks": this pregnancy, further on
		}
	}
	if later {
		before = 0
	}
	return since, before
}

// bareWeeksNow reads a bare number that tells her weeks today beside a
// sign told at a week: "at 20 weeks I was in a car accident, all fine.
// I'm 34 now", "UTI at 16 weeks, sorted. Now 27". Not an age: "she's now
// 4", "he's 6 now".
func bareWeeksNow(tokens []analyze.Token, j int) (int, bool) {
	if tokens[j].Lemma != analyze.NumberLemma || tokens[j].Gestation() {
		return 0, false
	}
	n := 0
	for _, r := range tokens[j].Term {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	if n < 4 || n > 42 {
		return 0, false
	}
	end := j+1 >= len(tokens) || tokens[j+1].Is(analyze.Break)
	switch {
	case j > 0 && tokens[j-1].Lemma == "now" && end:
		// "now 27", "and now 27": not "she's now 4".
		return n, j < 2 || tokens[j-2].Is(analyze.Break) || tokens[j-2].Lemma == "i" || tokens[j-2].Lemma == "and"
	case j > 1 && j+1 < len(tokens) && tokens[j+1].Lemma == "now" && tokens[j-1].Lemma == "be" && tokens[j-2].Lemma == "i":
		return n, true // "I'm 34 now"
	}
	return 0, false
}

// weeksIn returns the weeks that at names ("at 8 weeks"), or -1.
func (s *Set) weeksIn(tokens []analyze.Token, at match) int {
	for j := max(at.start, 0); j < at.end && j+1 < len(tokens); j++ {
		if v, ok := weeksAt(tokens, j, s.weeks); ok {
			return v
		}
	}
	return -1
}

// weeksAt reads a count of weeks at tokens[j]: a number, then a word of
// weeks ("24 weeks", "24wks", "24+3 weeks"), or weeks and days on their
// own ("33+6 now").
func weeksAt(tokens []analyze.Token, j int, weeks map[string]bool) (int, bool) {
	if tokens[j].Lemma != analyze.NumberLemma || !tokens[j].Gestation() && (j+1 >= len(tokens) || !weeks[tokens[j+1].Lemma]) {
		return 0, false
	}
	n := 0
	for _, r := range tokens[j].Term {
		if r < '0' || r > '9' {
			break
		}
		n = n*10 + int(r-'0')
	}
	return n, n > 0 && n <= 45
}

// overNow are words after which "now" says the sign is over: "it's
// resolved now", "all fine now".
var overNow = map[string]bool{"resolve": true, "resolved": true, "go": true, "good": true, "better": true, "fine": true,
	"ok": true, "okay": true, "sort": true, "sorted": true, "settle": true, "settled": true, "clear": true, "heal": true,
	"healed": true, "normal": true, "well": true, "over": true, "stop": true, "stopped": true}

// atWeek are the words that time an event by her weeks: "at 39 weeks".
var atWeek = map[string]bool{"at": true, "by": true, "around": true, "about": true, "till": true, "until": true}

// agedNow are who may be a number "now": "she's 4 now" is her age.
var agedNow = map[string]bool{"she": true, "he": true, "they": true, "who": true}

// nowIn reports whether a Now or Today pattern stands in tokens[lo:hi], not as
// the end of news that the sign is over ("it's resolved now").
func (s *Set) nowIn(tokens []analyze.Token, sc *scratch, lo, hi int) bool {
	return s.timeIn(&s.history.now, tokens, sc, lo, hi) || s.timeIn(&s.history.today, tokens, sc, lo, hi)
}

// timeIn reports whether a pattern of ps (Now or Today) stands in
// tokens[lo:hi], not as a child's age or an "over now".
func (s *Set) timeIn(ps *patterns, tokens []analyze.Token, sc *scratch, lo, hi int) bool {
	return ps.anyBut(s, tokens, sc, lo, hi, lo, func(m match) bool {
		if m.start == m.end && m.start > lo && tokens[m.start].Lemma == "since" {
			// Her back's since, not the sign's: "fell down the stairs in
			// 2018 and have had back trouble ever since".
			return s.backSince(tokens, m.start, lo)
		}
		if m.start != m.end || m.start <= lo || tokens[m.start].Lemma != "now" {
			return false
		}
		// Nor a child's age: "with my second (she's 4 now)", "she's now
		// a healthy 4yo".
		age := m.start-1 > lo && tokens[m.start-1].Lemma == analyze.NumberLemma && agedNow[tokens[m.start-2].Lemma]
		return age || overNow[tokens[m.start-1].Lemma] || ageAfterNow(tokens, m.start, lo, hi) || nowAndThen(tokens, m.start) || weeksNow(tokens, m.start)
	})
}

// weeksNow reports whether the "now" at j tells her weeks today, not when
// the sign is: "my waters broke at 39 weeks, now 22 weeks with number 2".
func weeksNow(tokens []analyze.Token, j int) bool {
	return j+2 < len(tokens) && tokens[j+1].Lemma == analyze.NumberLemma && weekWords[tokens[j+2].Lemma]
}

// nowAndThen reports whether the "now" at j says "now and then" or "now
// and again": once in a while, not now ("they're painless tightenings now
// and then").
func nowAndThen(tokens []analyze.Token, j int) bool {
	return j+2 < len(tokens) && tokens[j+1].Lemma == "and" && (tokens[j+2].Lemma == "then" || tokens[j+2].Lemma == "again")
}

// ageAfterNow reports whether the "now" at j opens someone's age: "she's
// now a healthy 4yo", "he is now 6": one who may be aged just before it,
// a number a few words after.
func ageAfterNow(tokens []analyze.Token, j, lo, hi int) bool {
	k := j - 1
	if k > lo && tokens[k].Lemma == "be" {
		k--
	}
	if k < lo || !agedNow[tokens[k].Lemma] {
		return false
	}
	for n := j + 1; n < hi && n <= j+3; n++ {
		if tokens[n].Lemma == analyze.NumberLemma {
			return true
		}
	}
	return false
}

// asked reports whether the clause holding tokens[j] ends in a question
// mark: "all fine?" reassures nobody.
func asked(tokens []analyze.Token, j int) bool {
	for j++; j < len(tokens); j++ {
		if tokens[j].Is(analyze.Break) {
			return tokens[j].Is(analyze.Question)
		}
		if whWords[tokens[j].Lemma] {
			// "came back clear 🙌 so what else causes lower back pain?":
			// the question mark closes a question of its own.
			return false
		}
	}
	return false
}

// whWords open a question of their own.
var whWords = map[string]bool{"what": true, "how": true, "why": true, "which": true, "where": true, "when": true}

// reassurance reports whether a match is part of a settled pattern, one
// that names no negation, after a Past pattern: "went to triage last week
// with tightenings, they said Braxton Hicks".
func (s *Set) reassurance(tokens []analyze.Token, sc *scratch, m match) bool {
	h := &s.history
	found := false
	h.settled.find(s, tokens, sc, m.start-maxTerms*(maxGap+1), m.end+maxTerms*(maxGap+1)+1, func(p *phrase, sm match) bool {
		found = sm.start <= m.end && sm.end >= m.start && !slices.Contains(p.terms, negLemma) &&
			!s.negatedUnless(tokens, p, sm) && !asked(tokens, sm.end)
		if found {
			sc.because(&h.settled, p)
		}
		return !found
	})
	return found && h.past.any(s, tokens, sc, 0, m.start, 0)
}

// lasted reports whether a week told after a sign is how long something
// lasted, not when: "feeling regular kicks for about 2 weeks, today
// nothing" tells no sign at 2 weeks.
func lasted(tokens []analyze.Token, pm match) bool {
	return pm.start > 0 && tokens[pm.start-1].Lemma == "for" && (tokens[pm.start].Lemma == "about" || tokens[pm.start].Lemma == "around")
}
