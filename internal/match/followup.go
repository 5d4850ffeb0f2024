package match

import (
	"slices"
	"strings"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/analyze"
)

// A follow-up leans on the previous answer: "what about on long car
// journeys?", "is that ok early on?", "for how long each time?", "does
// that help my hips too?". Its words name an aspect, not a new subject, so
// it is read as the chat's last topic unless it names a clear new subject
// (another topic at newSubject or more).
const (
	followUpBoost = 0.35
	newSubject    = 0.6
	// relatedSubject is newSubject for a topic the previous answer offered
	// as a next step: "will it go away?" after "is it normal?" (whose
	// answer offers "Do they go away?") asks that, not about normal again.
	relatedSubject = 0.4
	// overviewPart is the confidence at which a follow-up of an overview
	// moves to one of the topics it offers (see leanOn). 0.25, 0.3 and
	// 0.35 gave 4902, 4902 and 4903 tune turns of 5505 and the same
	// holdout; at 0.35 the issue's own "what about on long car
	// journeys?" (0.31) stayed on the overview.
	overviewPart  = 0.3
	relatedMargin = 0.15
	// maxFollowUpWords: longer messages stand on their own.
	maxFollowUpWords = 14
	// maxShortFollowUp: a follow-up this short is read within the chat's
	// scope; its own words are too few to say it is off-topic.
	maxShortFollowUp = 6
	// shortOffTopic caps the off-topic probability of a short follow-up
	// whose words are all known and none says off-topic by itself (a
	// log-odds below offTopicWord, such as "sushi").
	shortOffTopic = 0.5
	offTopicWord  = -1.5
)

// openers are the lemma sequences a follow-up starts with, after fillers
// such as "ok", "so", "right".
var openers = [][]string{
	{"and"}, {"but"}, {"also"}, {"even"}, {"what", "about"}, {"how", "about"}, {"what", "if"},
	{"be", "that"}, {"be", "it"}, {"be", "this"}, {"would", "that"}, {"will", "that"}, {"do", "that"},
	{"do", "it"}, {"do", "this"}, {"can", "that"}, {"could", "that"}, {"for", "how"}, {"how", "long"},
	{"how", "many"}, {"how", "often"}, {"same"}, {"what", "else"}, {"any", "other"}, {"which", "one"}, {"which", "be"}, {"how", "far"},
	{"which", "of"}, {"back", "to"}, {"go", "back", "to"}, // "back to the heat thing", "going back to the belt"
	// A kind of the last answer's thing: "what kind tho, i used to lift heavy", "which type".
	{"what", "kind"}, {"which", "kind"}, {"what", "type"}, {"which", "type"}, {"what", "sort"},
	// The same again for another place: "any for upper back?" after stretches.
	{"any", "for"}, {"anything", "for"}, {"some", "for"},
}

// situations are the prepositions that, right after an opener, frame a
// circumstance of the same question rather than a new subject: "what
// about on long car journeys?", "and at work?", "how about during the
// night?". Such a follow-up takes the chat's scope even when a word of it
// leans off-topic by itself ("journey").
var situations = map[string]bool{"on": true, "in": true, "at": true, "during": true, "while": true, "when": true,
	"for": true, "after": true, "before": true, "whilst": true, "if": true}

// maxEarlyPointer is how far into a follow-up longer than eight words,
// past its fillers, a word for the last answer's things (answerThings)
// still makes it one.
const maxEarlyPointer = 4

// answerThings point back at the things an answer named: "flat ones",
// "those shoes".
var answerThings = map[string]bool{"one": true, "ones": true, "those": true, "these": true, "them": true}

// maxFragment is the most words a question fragment ("every day?") has.
const maxFragment = 3

// emphasis are the adverbs that stress a follow-up without changing what
// it asks; they are passed over after its first word.
var emphasis = map[string]bool{"actually": true, "really": true, "honestly": true, "literally": true, "seriously": true,
	"genuinely": true, "truly": true}

// fillers may stand before an opener.
var fillers = map[string]bool{"ok": true, "okay": true, "so": true, "right": true, "oh": true, "ah": true,
	"hmm": true, "thanks": true, "thank": true, "you": true, "cool": true, "great": true, "yes": true, "and": false}

// anaphora point back at the previous answer; so do words that ask for
// more of the same or for an alternative.
var anaphora = map[string]bool{"that": true, "it": true, "this": true, "those": true, "these": true, "them": true, "one": true, "ones": true, "both": true,
	"they": true, "instead": true, "else": true, "too": true, "either": true, "alternative": true, "difference": true}

// expletive reports whether what follows an "it" makes it announce news
// rather than point back: "it's a girl!" ("it's" is read "it"), "it is
// a boy".
func expletive(next []string) bool {
	if len(next) > 0 && next[0] == "be" {
		next = next[1:]
	}
	return len(next) > 0 && (next[0] == "a" || next[0] == "an")
}

// asksOfPain reports whether what follows an opener's "it" is an
// adjective and an infinitive that names the pain: "(is it) normal to get
// back ache this early", "(is it) common to have spasms at 14 weeks". "Is
// it ok to do that every day?" names no pain and points back, as does a
// clause with a word pointing back.
func asksOfPain(next []string) bool {
	for k := 0; k < len(next) && k < 3; k++ {
		if next[k] == "to" {
			// "is it ok to do those lying flat on my back?" points back.
			if k == 0 || !slices.ContainsFunc(next[k+1:], func(l string) bool { return painLemmaSet[l] }) {
				return false
			}
			for j := k + 1; j < len(next); j++ {
				// "this early", "that late" say how early, not what.
				if anaphora[next[j]] && !(j+1 < len(next) && degrees[next[j+1]] && (next[j] == "this" || next[j] == "that")) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// degrees follow a "this" or "that" that says how much: "this early".
var degrees = map[string]bool{"early": true, "late": true, "soon": true, "far": true, "bad": true, "much": true, "often": true, "young": true}

// painLemmaSet holds painWords, as lemmas.
var painLemmaSet = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(painWords) {
		m[w] = true
	}
	return m
}()

// alternativeMin is the confidence at which an alternative follow-up's
// own reading (see asksAlternative) wins over the last topic.
const alternativeMin = 0.4

// asksAlternative reports whether the first sentence of words asks for
// something other than the last answer: "what else could I try?",
// "anything else that might help?", "any other ideas?".
func asksAlternative(words []analyze.Token) bool {
	prev := ""
	for _, t := range words {
		if t.Is(analyze.Break) {
			if prev != "" && !t.Is(analyze.Weak) {
				return false
			}
			continue
		}
		switch {
		case t.Lemma == "else" && (prev == "what" || prev == "anything" || prev == "something" || prev == "whatever"):
			return true
		case t.Lemma == "other" && (prev == "any" || prev == "some" || prev == "what"):
			return true
		}
		prev = t.Lemma
	}
	return false
}

// onlyPlace reports whether the first sentence of words names a part of
// the back and nothing else besides fillers, function words and the words
// of back pain: "any for upper back?", "what about for between my
// shoulder blades?". Such a follow-up asks the last answer again for that
// place.
func onlyPlace(words []analyze.Token, pain map[string]bool) bool {
	placed := false
	for _, t := range words {
		if t.Is(analyze.Break) {
			if placed && !t.Is(analyze.Weak) {
				break
			}
			continue
		}
		if _, ok := places[t.Lemma]; ok {
			placed = true
			continue
		}
		if t.Is(analyze.Stop) || fillers[t.Lemma] || pain[t.Lemma] || placeNouns[t.Lemma] || t.Lemma == "any" || t.Lemma == "anything" {
			continue
		}
		return false
	}
	return placed
}

// otherPlace returns the topic of prev's category whose title names the
// part of the back a follow-up names, when it names only that (see
// onlyPlace) and prev's title names the other part: "and the lower
// part?" after "Upper back spasms".
func (m *Matcher) otherPlace(words []analyze.Token, prev string) (string, bool) {
	p, ok := m.topicOf[prev]
	if !ok || m.intents.place[p] == anywhere || !onlyPlace(words, m.painLemma) {
		return "", false
	}
	asked, _ := placeIn(words)
	if asked == anywhere || asked == m.intents.place[p] {
		return "", false
	}
	for t, pl := range m.intents.place {
		if pl == asked && m.intents.category[t] == m.intents.category[p] {
			return m.classIDs[t], true // topics are the first classes, in order
		}
	}
	return "", false
}

// placeNouns name a part of the back without saying which: "the upper
// bit", "between the shoulder blades".
var placeNouns = map[string]bool{"back": true, "part": true, "bit": true, "area": true, "side": true, "between": true,
	"one": true, "ones": true, "too": true, "as": true, "well": true}

// prevEvidence is the confidence the last topic must have by a short
// question's own words for the question to be read as a follow-up of it
// (see shortQuestion).
const prevEvidence = 0.25

// shortQuestion reports whether words are one short question: at most
// maxShortFollowUp words, asked (a question mark, or a question word
// first).
func shortQuestion(words []analyze.Token) bool {
	n, asked := 0, false
	for _, t := range words {
		if t.Is(analyze.Break) {
			if t.Is(analyze.Question) {
				asked = true
			}
			continue
		}
		n++
	}
	return n > 0 && n <= maxShortFollowUp && (asked || opensQuestion(words))
}

// hasCandidate reports whether topic id is among cs with at least min
// confidence.
func hasCandidate(cs []bot.Candidate, id string, min float64) bool {
	return slices.ContainsFunc(cs, func(c bot.Candidate) bool { return c.TopicID == id && c.Confidence >= min })
}

// ruledOutOpeners open a report that rules a sign out.
var ruledOutOpeners = map[string]bool{"no": true, "nope": true, "none": true, "nothing": true, "not": true}

// deniedLeads open a denial in her own words, as lemmas: "i don't have",
// "i haven't got", "i have no"; never "i'm not" ("im not really allowed
// out on my own" denies no sign).
var deniedLeads = [][]string{{"i", "do", "not", "have"}, {"i", "have", "not", "get"}, {"i", "have", "no"},
	{"do", "not", "have"}, {"have", "not", "get"}, {"have", "no"}}

// askWords ask something even without a question mark: "no tightenings,
// when should i ring someone".
var askWords = map[string]bool{"what": true, "when": true, "how": true, "why": true, "which": true, "where": true,
	"should": true, "can": true, "could": true, "shall": true, "do": true, "would": true}

// followsOn reports whether words read as a follow-up to a previous
// answer, judging by their first sentence: "what about on long car
// journeys? we're driving 4 hours on saturday" follows on. short reports
// whether that sentence is so short ("for how long each time?") that it
// says nothing about scope by itself: it takes the chat's. situation
// reports whether it frames a circumstance (see situations).
func followsOn(words []analyze.Token) (follows, short, situation, anaphoric bool) {
	var lemmas []string
	asked := false
	for _, t := range words {
		if t.Is(analyze.Break) {
			if len(lemmas) > 0 && !t.Is(analyze.Weak) {
				asked = t.Is(analyze.Question)
				break
			}
			continue
		}
		if emphasis[t.Lemma] && len(lemmas) > 0 {
			continue // "what can I actually do about it" asks what "what can I do about it" asks
		}
		lemmas = append(lemmas, t.Lemma)
	}
	if len(lemmas) == 0 || len(lemmas) > maxFollowUpWords {
		return false, false, false, false
	}
	short = len(lemmas) <= maxShortFollowUp
	i := 0
	for i < len(lemmas) && fillers[lemmas[i]] {
		i++
	}
	rest := lemmas[i:]
	for _, o := range openers {
		if len(rest) >= len(o) && slices.Equal(rest[:len(o)], o) {
			if o[len(o)-1] == "it" && asksOfPain(rest[len(o):]) {
				// "is it normal to get back ache this early?": its "it"
				// stands for the question's own clause, which names the
				// pain; it points back to nothing.
				break
			}
			// "does it go away?", "is it normal?": its "it" may be the pain.
			return true, short, len(rest) > len(o) && situations[rest[len(o)]], o[len(o)-1] == "it"
		}
	}
	denied := rest
	for _, lead := range deniedLeads {
		if len(denied) > len(lead) && slices.Equal(denied[:len(lead)], lead) {
			denied = denied[slices.IndexFunc(lead, func(l string) bool { return ruledOutOpeners[l] }):] // "i don't have fever or bleeding": its "not" opens it
			break
		}
	}
	if len(denied) > 1 && ruledOutOpeners[denied[0]] && !asked && !slices.ContainsFunc(denied, func(l string) bool { return askWords[l] }) {
		// A sign ruled out, and nothing asked: "no bleeding or anything,
		// just sore and stiff", "no headache or vision stuff, i checked".
		// It answers the last answer's question, and keeps its subject.
		return true, true, false, false
	}
	if len(lemmas) > 8 {
		// In a longer message, only a word for the answer's things near
		// its start points back ("are totally flat ones ok or is that bad
		// too"); "it" and "this" may be the pain or her news ("hi this is
		// her husband now...").
		for k := i; k < min(i+maxEarlyPointer, len(lemmas)); k++ {
			// Not "one of them belts": a thing named anew.
			if answerThings[lemmas[k]] && (k+1 >= len(lemmas) || lemmas[k+1] != "of") {
				return true, short, false, false
			}
		}
	}
	if len(lemmas) <= 8 {
		for i, l := range lemmas {
			if l == "it" && expletive(lemmas[i+1:]) {
				continue // "it's a girl!": the news, not the last answer's subject
			}
			if anaphora[l] {
				// "it", "they" may be the pain itself ("will it go
				// away?"); "one", "those", "else" are the answer's.
				return true, short, false, l == "it" || l == "they" || l == "this"
			}
		}
	}
	if bareWhy(rest) {
		// "why", "why tho", "how come": the reason behind the last
		// answer, with or without its question mark.
		return true, true, false, false
	}
	if asked && len(rest) > 0 && len(rest) <= maxFragment {
		// A fragment asked on its own: "all day?", "every day?", "on my
		// left?" are about the last answer.
		return true, true, situations[rest[0]], false
	}
	return false, false, false, false
}

// bareWhy reports whether lemmas ask only why: "why", "why tho", "but
// why though", "how come", "why is that".
func bareWhy(lemmas []string) bool {
	switch {
	case len(lemmas) > 0 && lemmas[0] == "why":
		lemmas = lemmas[1:]
	case len(lemmas) > 1 && lemmas[0] == "how" && lemmas[1] == "come":
		lemmas = lemmas[2:]
	default:
		return false
	}
	for _, l := range lemmas {
		if !whySofteners[l] {
			return false
		}
	}
	return true
}

// whySofteners may follow a bare "why" without asking anything more.
var whySofteners = map[string]bool{"tho": true, "though": true, "then": true, "exactly": true, "so": true, "really": true,
	"be": true, "that": true, "this": true, "lol": true}

// leanOn boosts the previous topic of a follow-up, and re-sorts the
// candidates. anaphoric tells a follow-up known only by a word pointing
// back ("will it go away?"), not by how it opens ("and the car seat?").
func (m *Matcher) leanOn(c *bot.Classification, prev string, anaphoric bool) {
	if _, ok := m.topicOf[prev]; !ok {
		return
	}
	var other, own float64
	otherID := ""
	for _, cand := range c.Candidates {
		if cand.TopicID != prev && cand.Confidence > other {
			other, otherID = cand.Confidence, cand.TopicID
		}
	}
	conf := followUpBoost
	for _, cand := range c.Candidates {
		if cand.TopicID == prev {
			own = cand.Confidence
			conf = min(1, cand.Confidence+followUpBoost)
		}
	}
	switch {
	case anaphoric && other >= relatedSubject && other >= own+relatedMargin && slices.Contains(m.related[prev], otherID):
		// "will it go away?" after "is it normal?": its "it" is the pain,
		// and it asks the next step the answer offered.
		conf = min(conf, other-0.01)
	case m.intents.isOverview(prev, m.topicOf) && other >= overviewPart && other > own && slices.Contains(m.related[prev], otherID):
		// "what about on long car journeys?" after the overview of what
		// helps asks about one of the ways it lists: sitting.
		conf = min(conf, other-0.01)
	case other < newSubject:
		conf = max(conf, other+0.01)
	}
	c.Candidates = slices.DeleteFunc(c.Candidates, func(cand bot.Candidate) bool { return cand.TopicID == prev })
	c.Candidates = append(c.Candidates, bot.Candidate{TopicID: prev, Confidence: conf})
	slices.SortStableFunc(c.Candidates, func(a, b bot.Candidate) int {
		switch {
		case a.Confidence > b.Confidence:
			return -1
		case a.Confidence < b.Confidence:
			return 1
		}
		return 0
	})
	if len(c.Candidates) > maxCandidates {
		c.Candidates = c.Candidates[:maxCandidates]
	}
	c.FollowsOn = true
}

// keepFirst puts topic id first among c's candidates, just above the
// best of the others.
func (m *Matcher) keepFirst(c *bot.Classification, id string) {
	best, at := 0.0, -1
	for i, cand := range c.Candidates {
		if cand.TopicID == id {
			at = i
		} else if cand.Confidence > best {
			best = cand.Confidence
		}
	}
	if at < 0 {
		return
	}
	c.Candidates[at].Confidence = min(1, max(c.Candidates[at].Confidence, best+0.01))
	slices.SortStableFunc(c.Candidates, func(a, b bot.Candidate) int {
		switch {
		case a.Confidence > b.Confidence:
			return -1
		case a.Confidence < b.Confidence:
			return 1
		}
		return 0
	})
}

// Subject words name one topic: they stand in its title or keywords, and
// most of the topic examples that hold them belong to it ("belt" to
// support belts, "tens" to TENS, "mattress" to sleep). A follow-up that
// names the subject of another topic, and points back at no earlier
// answer, moves there.
const (
	subjectShare = 0.7 // of the term's topic examples, at least this share in one topic
	subjectMin   = 3   // and at least this many of them
)

// newSubjects finds the subject words of the topics (see subjectShare)
// from the topic model's counts; named holds, per topic, the terms of its
// title and keywords.
func newSubjects(ix *index, tm topicModel, named []map[string]bool) map[int32]int32 {
	subjects := map[int32]int32{}
	for term, id := range ix.terms {
		var best topicPosting
		var total float32
		for _, tp := range tm.post[id] {
			n := tm.count(tp)
			total += n
			if n > best.w {
				best = topicPosting{tp.topic, n}
			}
		}
		if best.w >= subjectMin && best.w >= subjectShare*total && named[best.topic][term] {
			subjects[id] = best.topic
		}
	}
	return subjects
}

// painWords tell of back pain itself: a message whose terms are these and
// her situation only says that it hurts (see overviewFor).
const painWords = "back backache pain ache spasm hurt sore cramp"

// pointerWords point back at an earlier answer: "would that help my hips
// too?", "can I do them at my desk?". ("those" in "one of those belly
// bands" does not.)
const pointerWords = "that it this them they these"

// namedSubject returns the topic other than prev whose subject word the
// first clause of a follow-up names ("what about a TENS machine, I still
// have one from my last labour"), unless a word pointing back at the
// earlier answer comes first or the clause also names prev's subject.
func (m *Matcher) namedSubject(terms []analyze.Token, prev string) (string, bool) {
	p, ok := m.topicOf[prev]
	if !ok {
		return "", false
	}
	named := int32(-1)
	for i, t := range terms {
		if t.Is(analyze.Break) {
			if named >= 0 {
				break
			}
			continue
		}
		if m.pointers[t.Term] && named < 0 && !extraposed(terms, i) {
			return "", false
		}
		id, ok := m.ix.terms[t.Term]
		if _, place := places[t.Lemma]; !ok || otherParts[t.Lemma] || place && m.intents.place[p] == anywhere {
			// "what about for my hips?" after stretches asks for stretches
			// for the hips: a body part names where, not what, and so does
			// a part of the back ("upper") unless the last topic was
			// another part's ("same for upper back?" after the lower
			// back's causes).
			continue
		}
		s, ok := m.subjects[id]
		switch {
		case !ok:
		case m.offTopicNeighbour(terms, i):
			// "also can I go in the hot tub?": a subject word that an
			// off-topic word qualifies names another thing.
		case s == p:
			return "", false
		case named >= 0 && named != s:
			return "", false // two new subjects: let the ranking decide
		default:
			named = s
		}
	}
	if named < 0 {
		return "", false
	}
	return m.classIDs[named], true
}

// otherParts are the body parts besides the back that a follow-up names
// to ask the same thing of them; they move the chat to no topic.
var otherParts = map[string]bool{"hip": true, "hips": true, "neck": true, "shoulder": true, "shoulders": true,
	"pelvis": true, "leg": true, "legs": true, "thigh": true, "thighs": true, "knee": true, "knees": true,
	"bum": true, "buttock": true, "buttocks": true, "rib": true, "ribs": true, "foot": true, "feet": true}

// extraposed reports whether terms[i] is the "it" of "is it better to
// just rest?": a dummy subject whose real one, the infinitive after
// "to", names the thing asked about.
func extraposed(terms []analyze.Token, i int) bool {
	if terms[i].Lemma != "it" {
		return false
	}
	for k := i + 1; k < len(terms) && k <= i+4 && !terms[k].Is(analyze.Break); k++ {
		if terms[k].Lemma == "to" {
			return true
		}
	}
	return false
}

// offTopicNeighbour reports whether a word next to terms[i] says by itself
// that a message is off-topic (see offTopicWord): "tub" in "hot tub".
func (m *Matcher) offTopicNeighbour(terms []analyze.Token, i int) bool {
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= len(terms) || terms[j].Is(analyze.Break) {
			continue
		}
		if id, ok := m.ix.terms[terms[j].Term]; ok && m.scope.logOdds[id] < offTopicWord {
			return true
		}
	}
	return false
}
