// Package match classifies a user's message against the knowledge base:
// safety triage first (danger signs, crisis, abuse, loss), then decline
// rules (medicine questions), then what the message asks.
//
// The question is found inside the message. The message is cut into
// clauses, and each clause and the whole message are scored against every
// class: the topics, the out-of-scope class (off-topic examples from the
// knowledge base) and the kinds of small talk. A class scores by its
// closest example document, retrieved through a BM25 inverted index: the
// confidence in [0,1] is the harmonic mean of how much of the clause the
// example explains and how much of the example the clause contains, both
// weighted by idf. Words that describe the asker's situation (greetings,
// the week of pregnancy, jobs) are neutral; words the knowledge base has
// never seen count a little against a clause, and the out-of-scope class
// competes with the topics, so that "is it normal to be constipated" is
// turned down rather than answered with "Is it normal?".
package match

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/analyze"
	"github.com/backcare/backcare/internal/screen"
	"github.com/backcare/backcare/internal/triage"
	"github.com/backcare/backcare/knowledge"
)

const (
	// maxQueryTerms bounds the distinct terms scored per message; a bit
	// per term is kept for each touched document.
	maxQueryTerms = 64
	// maxSpans bounds the clauses scored per message (the whole message
	// is scored too).
	maxSpans = 8
	// maxCandidates is how many topics Classify returns.
	maxCandidates = 3
	// unknownWeight is the weight of a word the knowledge base does not
	// know, as a fraction of the mean idf.
	unknownWeight = 0.6
	// smoothing is added to both coverages' denominators, so that an
	// example made only of common words cannot be fully covered by a
	// message made of common words.
	smoothing = 1.0
	// knnWeight is the nearest example's share of a topic's confidence;
	// the naive Bayes posterior has the rest.
	knnWeight = 0.7
)

// Matcher implements bot.Classifier for one knowledge base. It is
// immutable after New and safe for concurrent use.
type Matcher struct {
	an       *analyze.Analyzer
	flags    *triage.Set
	declines *triage.Set
	// hesitation finds doubt of urgent advice ("do I really need to go in?").
	hesitation *triage.Set
	// screens catch the crisis, abuse and loss that triggers do not list.
	screens    *screen.Set
	ix         *index
	scope      scopeModel
	topics     topicModel
	subjects   map[int32]int32 // term id -> the topic it names (see newSubjects)
	pain       map[int32]bool  // term ids of back pain itself (see painWords)
	painLemma  map[string]bool // lemmas of back pain itself (see painFree)
	hasSubject []bool          // per topic: whether it has subject words
	pointers   map[string]bool // terms that point back at an earlier answer (see pointerWords)

	classIDs   []string // topic ids, then "", then small-talk ids
	classKind  []classKind
	anyPlace   []bool // per class: a topic on what helps, wherever the back hurts (see rank)
	topicCount int
	topicOf    map[string]int32
	related    map[string][]string // topic id -> the topics its answer offers next

	followUp map[string]bool // terms a "tell me more" message may consist of
	moreCore map[string]bool // at least one of these must be present

	talk     []smallTalk     // kinds of small talk, in knowledge-base order
	talkWord map[string]bool // every lemma of every small-talk example
	// notCovered maps a lemma of a topic's not-covered subjects to the
	// topics (see knowledge.Topic.NotCovered).
	notCovered map[string][]string
	// afterBirth marks the topics that answer for the time after the
	// birth (see coveredShare), by topic index.
	afterBirth []bool
	whose      whose   // whose body a question is about
	intents    intents // cause or relief questions, and each topic's category

	pool sync.Pool // *scratch
}

type classKind uint8

const (
	topicClass classKind = iota
	offTopicClass
)

// smallTalk is one kind of small talk and the words of its examples.
type smallTalk struct {
	id    string
	words map[string]bool
}

// scratch is per-call working memory, reused through a sync.Pool so that
// Classify allocates almost nothing.
type scratch struct {
	an      analyze.Analysis
	qterms  []int32   // term ids of known query terms
	qweight []float32 // idf of each known query term
	context uint64    // which query terms are context words
	placed  uint64    // which query terms name a part of the back ("upper", "lower")
	load    uint64    // which query terms are only what she lifts, with out-of-scope evidence (see analyze.Load)
	ruled   []bool    // per term of the message: ruled out (see ruledOut)
	named   []uint64  // bitset of the topics the message names a subject word of
	spans   []span
	mask    []uint64 // per doc: which query terms it holds
	touched []int32
	best    []float32 // per span per class: best confidence
	bestDoc []int32   // per span per class: the document that gave it
	post    []float32 // per topic: naive Bayes posterior of one span
}

// span is a clause of the message (or the whole of it): which of the
// message's known terms it holds, and how much it weighs.
type span struct {
	terms   uint64
	weight  float32
	place   float32 // the weight of its terms that name a part of the back
	unknown int     // words the knowledge base has never seen
}

// New builds a Matcher for kb. It fails only if a trigger cannot be
// compiled, which a knowledge base that passed validation never causes.
func New(kb *knowledge.Base) (*Matcher, error) {
	docs := len(kb.OutOfScope)
	for _, t := range kb.Topics {
		// The examples and the keywords. Not the title: it names the
		// subject ("Lower back spasms") and matched every message about it,
		// whatever it asked.
		docs += 1 + len(t.Examples)
	}
	m := &Matcher{an: analyze.New(kb), ix: newIndex(docs), topicOf: make(map[string]int32, len(kb.Topics))}
	stopMemo := m.an.Memoize() // triggers name the same words over and over
	defer stopMemo()
	groups := kb.Groups()
	// The safety triggers expand into many thousands of phrases: they are
	// compiled on another core while the rest is built (the analyzer is
	// safe for concurrent use).
	var flagsErr error
	flagsDone := make(chan struct{})
	go func() {
		defer close(flagsDone)
		m.flags, flagsErr = triage.Compile(m.an, triage.SafetyConfig(kb))
	}()
	drules := make([]triage.Rule, len(kb.Declines))
	for i, d := range kb.Declines {
		drules[i] = triage.Rule{ID: d.ID, Triggers: d.Triggers, Unless: d.Unless}
	}
	var declinesErr, hesitationErr error
	m.declines, declinesErr = triage.Compile(m.an, triage.Config{Rules: drules, Groups: groups})
	m.hesitation, hesitationErr = triage.Compile(m.an, triage.Config{Groups: groups,
		Rules: []triage.Rule{{ID: "hesitation", Triggers: kb.Hesitation.Triggers}}})

	texts := make([]classText, 0, docs)
	classOf := make([]int32, len(kb.Topics))
	for ti, t := range kb.Topics {
		c := m.addClass(t.ID, topicClass)
		classOf[ti] = c
		m.topicOf[t.ID] = int32(ti)
		for _, e := range t.Examples {
			texts = append(texts, classText{c, e})
		}
		if len(t.Keywords) > 0 {
			texts = append(texts, classText{c, strings.Join(t.Keywords, " ")})
		}
	}
	m.topicCount = len(kb.Topics)
	m.notCovered = map[string][]string{}
	for _, t := range kb.Topics {
		for _, w := range t.NotCovered {
			for _, l := range m.an.Lemmas(w) {
				m.notCovered[l] = append(m.notCovered[l], t.ID)
			}
		}
	}
	m.related = make(map[string][]string, len(kb.Topics))
	for _, t := range kb.Topics {
		m.related[t.ID] = t.Related
	}
	m.intents = newIntents(m.an, kb.Topics)
	for ti, t := range kb.Topics {
		if t.Category == knowledge.Relief && m.intents.place[ti] == anywhere {
			if int(classOf[ti]) >= len(m.anyPlace) {
				m.anyPlace = append(m.anyPlace, make([]bool, int(classOf[ti])+1-len(m.anyPlace))...)
			}
			m.anyPlace[classOf[ti]] = true
		}
	}
	off := m.addClass("", offTopicClass)
	for _, e := range kb.OutOfScope {
		texts = append(texts, classText{off, e})
	}
	born := m.index(texts)
	m.afterBirth = make([]bool, len(kb.Topics))
	for i, t := range kb.Topics {
		m.afterBirth[i] = len(t.Examples) > 0 && float64(born[classOf[i]]) >= coveredShare*float64(len(t.Examples))
	}
	m.talkWord = map[string]bool{}
	for _, st := range kb.SmallTalk {
		t := smallTalk{id: st.ID, words: map[string]bool{}}
		for _, e := range st.Examples {
			for _, l := range m.an.Lemmas(e) {
				t.words[l], m.talkWord[l] = true, true
			}
		}
		m.talk = append(m.talk, t)
	}
	m.screens = screen.New(kb.Screens)
	m.whose = newWhose(m.an, kb.Groups()[triage.OthersGroup])
	m.ix.finish()
	m.scope = newScopeModel(m.ix, func(c int32) bool { return m.classKind[c] == offTopicClass })
	m.ix.rankOnly(func(c int32) bool { return m.classKind[c] == topicClass })
	// How a member asks ("any tips", "can you recommend", "advice
	// please") says nothing about what she asks about: off-topic examples
	// ask for recommendations as often as topic ones, and must not make
	// "any tips for my back in the car?" off-topic.
	// Nor do an apology or a correction: "sorry, I meant exercises to
	// avoid" is as much in scope as "exercises to avoid". (How a message
	// was written, "voice to text", is context: see analyze.)
	neutral := []string{"sorry", "apologies", "meant", "mean"}
	for w := range requestWords {
		neutral = append(neutral, w)
	}
	for _, w := range neutral {
		for _, term := range m.allTerms(w) {
			if id, ok := m.ix.terms[term]; ok {
				m.scope.logOdds[id] = 0
			}
		}
	}
	m.topics = newTopicModel(m.ix, m.topicCount)
	named := make([]map[string]bool, m.topicCount)
	for i, t := range kb.Topics {
		named[i] = map[string]bool{}
		for _, w := range append([]string{t.Title}, t.Keywords...) {
			for _, term := range m.allTerms(w) {
				named[i][term] = true
			}
		}
	}
	m.subjects = newSubjects(m.ix, m.topics, named)
	m.painLemma = map[string]bool{}
	for _, l := range m.an.Lemmas(painLemmas) {
		m.painLemma[l] = true
	}
	m.pain = map[int32]bool{}
	for _, term := range m.allTerms(painWords) {
		if id, ok := m.ix.terms[term]; ok {
			m.pain[id] = true
		}
	}
	m.hasSubject = make([]bool, m.topicCount)
	for _, t := range m.subjects {
		m.hasSubject[t] = true
	}
	m.pointers = map[string]bool{}
	for _, term := range m.allTerms(pointerWords) {
		m.pointers[term] = true
	}

	m.followUp, m.moreCore = map[string]bool{}, map[string]bool{}
	for _, w := range m.allTerms("ok okay so right then well alright hmm tell me more please and what else anything else other go on continue about that this it explain detail details info information elaborate further next another something") {
		m.followUp[w] = true
	}
	for _, w := range m.allTerms("more else continue go on explain detail elaborate further next another") {
		m.moreCore[w] = true
	}
	<-flagsDone
	if flagsErr != nil {
		return nil, fmt.Errorf("compile safety triggers: %w", flagsErr)
	}
	if hesitationErr != nil {
		return nil, fmt.Errorf("compile hesitation triggers: %w", hesitationErr)
	}
	if declinesErr != nil {
		return nil, fmt.Errorf("compile decline triggers: %w", declinesErr)
	}
	nd, nc, nt := len(m.ix.docClass), len(m.classIDs), m.topicCount
	m.pool.New = func() any {
		return &scratch{mask: make([]uint64, nd), best: make([]float32, (maxSpans+1)*nc),
			bestDoc: make([]int32, (maxSpans+1)*nc), post: make([]float32, nt), named: make([]uint64, (nt+63)/64)}
	}
	return m, nil
}

// classText is a document to index: an example, title or keyword list,
// and its class.
type classText struct {
	class int32
	text  string
}

// indexBatch is how many documents are analysed side by side before they
// are indexed, in order.
const indexBatch = 1024

// index analyses texts, on every core, and indexes them in order.
// It returns, by class, how many of its texts name the time after the
// birth (see afterBirthIn).
func (m *Matcher) index(texts []classText) []int {
	born := make([]int, len(m.classIDs))
	workers := runtime.GOMAXPROCS(0)
	if workers == 1 {
		var an analyze.Analysis
		for _, t := range texts {
			m.an.Analyze(t.text, &an)
			m.ix.add(t.class, t.text, &an)
			if afterBirthIn(an.Words) {
				born[t.class]++
			}
		}
		return born
	}
	// Two batches in flight: while one is indexed, in order, the next is
	// analysed on every core.
	var analyses [2][]analyze.Analysis
	var postnatal [2][]bool // per text: it names the time after the birth
	for i := range analyses {
		analyses[i] = make([]analyze.Analysis, min(indexBatch, len(texts)))
		postnatal[i] = make([]bool, len(analyses[i]))
	}
	analyse := func(from int) *sync.WaitGroup {
		var wg sync.WaitGroup
		batch := texts[from:min(from+indexBatch, len(texts))]
		an, pn := analyses[from/indexBatch%2], postnatal[from/indexBatch%2]
		for w := range workers {
			wg.Go(func() {
				for i := w; i < len(batch); i += workers {
					m.an.Analyze(batch[i].text, &an[i])
					pn[i] = afterBirthIn(an[i].Words)
				}
			})
		}
		return &wg
	}
	pending := analyse(0)
	for from := 0; from < len(texts); from += indexBatch {
		pending.Wait()
		if next := from + indexBatch; next < len(texts) {
			pending = analyse(next)
		}
		an, pn := analyses[from/indexBatch%2], postnatal[from/indexBatch%2]
		for i, t := range texts[from:min(from+indexBatch, len(texts))] {
			m.ix.add(t.class, t.text, &an[i])
			if pn[i] {
				born[t.class]++
			}
		}
	}
	return born
}

func (m *Matcher) addClass(id string, k classKind) int32 {
	m.classIDs = append(m.classIDs, id)
	m.classKind = append(m.classKind, k)
	return int32(len(m.classIDs) - 1)
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
	rd := m.flags.Read(sc.an.Words)
	c.Safety = rd.Revive(m.screens.Match(sc.an.Words, rd.Fired, rd.Held))
	if len(c.Safety) > 0 {
		return c // triage wins over everything
	}
	c.History = rd.Settled
	c.Hesitant = len(m.hesitation.Match(sc.an.Words)) > 0
	c.Question = question(sc.an.Words) || opensQuestion(sc.an.Words)
	c.Asks = c.Question || asks(sc.an.Words)
	c.Shares = !c.Question && shares(sc.an.Words)
	c.Unhelped = unhelped(sc.an.Words)
	for _, t := range sc.an.Words {
		for _, id := range m.notCovered[t.Lemma] {
			if !slices.Contains(c.NotCovered, id) {
				c.NotCovered = append(c.NotCovered, id)
			}
		}
	}
	if ds := m.declines.Match(sc.an.Words); len(ds) > 0 {
		c.Decline = ds[0]
		return c
	}
	c.FollowUp = m.isFollowUp(sc.an.Terms)
	c.SmallTalk = m.smallTalk(sc.an.Words)
	if prev != "" && question(sc.an.Words) && !slices.ContainsFunc(sc.an.Words, func(t analyze.Token) bool { return greetings[t.Lemma] }) {
		c.SmallTalk = bot.Candidate{} // "at night?", "all day?" ask on about the last topic
	}
	if prev != "" && m.hasTalk(okTalk) && (decided(sc.an.Words) || willTry(sc.an.Words)) {
		// "lol fine, flats it is", "thanks ill try some of that": she has
		// decided, and asks nothing.
		c.SmallTalk = bot.Candidate{TopicID: okTalk, Confidence: 1}
	}
	m.rank(sc, &c)
	if m.whose.forSomeoneElse(sc.an.Words) || m.whose.elsewhere(sc.an.Words) {
		c.Candidates, c.OffTopic = nil, 1 // no topic answers for someone else's body
	}
	if painFree(sc.an.Words, m.painLemma, m.whose.others) {
		c.Candidates, c.OffTopic = nil, 1 // "no pains anywhere... is running safe?"
	}
	if len(c.Candidates) > 0 && (askedAfterBirth(sc.an.Words) || analyze.Delivered(sc.an.Words)) {
		kept, top := c.Candidates[:0], c.Candidates[0].Confidence
		if !askedAfterBirth(sc.an.Words) {
			// She has had her baby, and asks what the question says:
			// only a topic for that time that comes first answers it.
			top *= 2
		}
		for _, cand := range c.Candidates {
			// A topic for that time a good way behind the first is no
			// answer: "how do I lift the pram after the birth?"
			if i, ok := m.topicOf[cand.TopicID]; ok && m.afterBirth[i] && cand.Confidence >= top/2 {
				kept = append(kept, cand)
			}
		}
		if c.Candidates = kept; len(kept) == 0 {
			c.OffTopic = 1 // the sources answer for pregnancy, not after the birth
		}
	}
	if prev != "" && !c.FollowUp {
		follows, short, situation, anaphoric := followsOn(sc.an.Words)
		onTopic := false
		if !follows && shortQuestion(sc.an.Words) && hasCandidate(c.Candidates, prev, prevEvidence) {
			// "where do u put the pads" after TENS: a short question with
			// evidence for the last topic asks about its things, and a
			// subject word in it ("where should the pads sit?") is theirs.
			follows, short, onTopic = true, true, true
		}
		if follows {
			lean := m.intents.turn(prev, m.intents.of(sc.an.Words), m.topicOf)
			if t, ok := m.namedSubject(sc.an.Terms, prev); ok && !onTopic {
				// "what about one of those belly bands?" after the posture
				// answer moves to the subject it names.
				lean = t
			}
			if t, ok := m.otherPlace(sc.an.Words, prev); ok && lean == prev {
				// "and the lower part?" after the upper back's causes asks
				// the lower back's.
				lean = t
			}
			if own := c.Candidates; lean == prev && asksAlternative(sc.an.Words) && len(own) > 0 && own[0].TopicID != prev && own[0].Confidence >= alternativeMin {
				// "what else could I try?" after the swimming answer asks
				// for another way than the last answer's: the message's
				// own reading (what helps) answers it.
				c.FollowsOn = true
			} else {
				m.leanOn(&c, lean, anaphoric && lean == prev)
				if t, ok := m.topicOf[lean]; ok && lean == prev && m.intents.place[t] == anywhere &&
					m.intents.category[t] != knowledge.Cause && onlyPlace(sc.an.Words, m.painLemma) {
					// "any for upper back?" after stretches asks for
					// stretches there, however strongly "upper back" names
					// the topic on its causes; after the causes, it asks
					// those of that place.
					m.keepFirst(&c, lean)
				}
			}
			if question(sc.an.Words) || opensQuestion(sc.an.Words) || short && framesQuestion(sc.an.Words) {
				c.SmallTalk = bot.Candidate{} // "and at night?", "for how long" ask on
			}
			whole := sc.spans[len(sc.spans)-1]
			if short && whole.unknown == 0 && (situation || m.scope.lowest(sc.qterms, whole.terms) > offTopicWord) {
				// "for how long each time?" and "what about on long car
				// journeys?" take the chat's scope; "and is sushi ok?"
				// brings an off-topic word and keeps its own.
				c.OffTopic = min(c.OffTopic, shortOffTopic)
			}
		}
	}
	return c
}

// questionWords open a question.
var questionWords = map[string]bool{"what": true, "how": true, "why": true, "when": true, "where": true, "which": true,
	"who": true, "can": true, "could": true, "should": true, "would": true, "do": true, "be": true, "will": true}

// smallTalk recognises a message made only of small talk: every word is
// a word of the small-talk examples (or a function or context word), and
// at least one belongs to a kind of small talk. The kind with most words
// in the message wins, with confidence 1. A short statement (no question)
// that holds small talk among other words leans to that kind, with
// statementConfidence.
func (m *Matcher) smallTalk(words []analyze.Token) bot.Candidate {
	// "ok and what actually helps" asks, after its lead-in words.
	question := opensQuestion(words)
	for i, t := range words {
		if t.Is(analyze.Question) || i == 0 && questionWords[t.Lemma] {
			question = true
		}
	}
	if question && slices.ContainsFunc(words, func(t analyze.Token) bool { return identity[t.Lemma] }) &&
		slices.ContainsFunc(words, func(t analyze.Token) bool { return addressed[t.Lemma] }) &&
		!slices.ContainsFunc(words, func(t analyze.Token) bool { return m.whose.backWords[t.Lemma] }) && m.hasTalk(aboutBot) {
		// (but not "can AI tell if my back pain is serious?", about her back)
		// "is this a bot or an actual midwife?", "who made this bot",
		// "are you a real bot?": whatever else it says.
		return bot.Candidate{TopicID: aboutBot, Confidence: 1}
	}
	if question && m.hasTalk(aboutBot) && asksSources(words) {
		// "where do your answers come from?": the bot's sources.
		return bot.Candidate{TopicID: aboutBot, Confidence: 1}
	}
	if question && m.hasTalk(aboutBot) && asksWhatBotDoes(words) {
		// "what can you help with?", "what do you do?": what the bot is for.
		return bot.Candidate{TopicID: aboutBot, Confidence: 1}
	}
	if !question && m.hasTalk(greetingTalk) && returning(words) {
		// "hi, i was asking about back pain last week": she is back, and
		// has yet to say why; a greeting, not an answer on back pain.
		return bot.Candidate{TopicID: greetingTalk, Confidence: 1}
	}
	if asks(words) && firstPerson(words) {
		return bot.Candidate{} // "so what can i do about it" asks about her, however plain its words
	}
	if p := m.planStart(words); !question && p > 0 && !asks(words[p:]) {
		words = words[:p] // "ok ta, will dig the wheat bag out": the rest is a plan
	}
	// A short statement with small talk in it leans to that kind ("night
	// all, going to attempt sleep 😴", "haha same"): the engine replies in
	// kind where it has no answer. It asks for nothing ("recipe for banana
	// bread please", "heartburn every night what helps") and says little
	// besides.
	content, request := 0, false
	for i, t := range words {
		if t.Is(analyze.Break) {
			continue
		}
		request = request || requestWords[t.Lemma] && !thankedFor(words, i) || i > 0 && questionWords[t.Lemma]
		if question && m.namesSubject(t) {
			// "ok so rest in the evening?" asks about rest, though "puts
			// my mind at rest" and "good evening" are small talk.
			return bot.Candidate{}
		}
		if m.talkWord[t.Lemma] {
			continue
		}
		// A question is small talk only if every word is, her situation
		// and fillers aside ("how are you today lol?"); "is that safe in
		// first tri?" is not.
		if question && t.Flags&analyze.Context == 0 {
			return bot.Candidate{}
		}
		if t.Flags&(analyze.Stop|analyze.Context) == 0 {
			content++
		}
	}
	confidence := 1.0
	if content > 0 {
		if request || content > maxStatementWords || continues(words) {
			return bot.Candidate{}
		}
		confidence = statementConfidence
	}
	if question && !slices.ContainsFunc(words, func(t analyze.Token) bool { return socialWords[t.Lemma] || hailWords[t.Lemma] }) {
		// A question of small-talk words that greets, thanks or hails
		// nobody asks about her back: "will it go away?" (its words are
		// in "ok will give it a go" and "call them straight away").
		return bot.Candidate{}
	}
	// A statement leans on its social words ("haha", "thanks", "good"),
	// never on "he", "me" or "in" alone: "he kicked me in the stomach" is
	// no small talk.
	best, bestN := -1, 0
	for i, st := range m.talk {
		n := 0
		for j, t := range words {
			if st.words[t.Lemma] && !t.Is(analyze.Break) && (content == 0 || social(words, j)) {
				n++
			}
		}
		if n > bestN {
			best, bestN = i, n
		}
	}
	if best < 0 {
		return bot.Candidate{}
	}
	return bot.Candidate{TopicID: m.talk[best].id, Confidence: confidence}
}

// namesSubject reports whether t is a topic's subject word (see subjects):
// "rest", "heat", "belt".
func (m *Matcher) namesSubject(t analyze.Token) bool {
	id, ok := m.ix.terms[t.Term]
	if !ok {
		return false
	}
	_, subject := m.subjects[id]
	return subject
}

// thankedFor reports whether words[i] is what she thanks for: "thanks
// for the tips", "thank you for all the advice" ask for nothing.
func thankedFor(words []analyze.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if words[k].Lemma != "for" {
			continue
		}
		for j := k - 1; j >= 0 && j >= k-2; j-- {
			if l := words[j].Lemma; l == "thank" || l == "thanks" || l == "ta" || l == "cheers" {
				return true
			}
		}
	}
	return false
}

// social reports whether a small-talk word is social in itself: "haha",
// "thanks", "good", "night all"; not "he", "me", "weeks", "baby" or
// "sleep" ("i just want to sleep forever" is no goodnight).
func social(words []analyze.Token, i int) bool {
	if plainWords[words[i].Lemma] {
		return i+1 >= len(words) || words[i+1].Is(analyze.Break) // "all good 😊", not "gd pillow 4 back"
	}
	return socialWords[words[i].Lemma]
}

// plainWords are social only at the end of a clause.
var plainWords = map[string]bool{"good": true, "great": true, "nice": true, "cool": true, "fine": true}

// socialWords greet, thank, agree, laugh or say goodnight.
var socialWords = map[string]bool{"hi": true, "hello": true, "hey": true, "hiya": true, "morning": true,
	"evening": true, "afternoon": true, "night": true, "ladies": true, "everyone": true, "all": true, "folks": true,
	"guys": true, "lol": true, "haha": true, "omg": true, "x": true, "xx": true, "xxx": true, "thanks": true,
	"thank": true, "sorry": true, "ok": true, "okay": true, "ta": true, "cheers": true, "bye": true, "yes": true,
	"yeah": true, "yep": true, "good": true, "great": true, "nice": true, "cool": true, "fine": true, "luck": true,
	"hugs": true, "congrats": true, "congratulations": true, "welcome": true, "helpful": true, "lifesaver": true}

// hailWords call out to the bot or the group: "anyone there?", "you still
// there?".
var hailWords = map[string]bool{"you": true, "u": true, "ya": true, "anyone": true, "anybody": true,
	"someone": true, "somebody": true, "bot": true, "there": true}

// question reports whether words hold a question mark.
func question(words []analyze.Token) bool {
	return slices.ContainsFunc(words, func(t analyze.Token) bool { return t.Is(analyze.Question) })
}

// opensQuestion reports whether words open as a question, after a
// sentence of thanks or greeting if any: "what if they
// send me home", "is it ok to wait", but not "will ring them".
func opensQuestion(words []analyze.Token) bool {
	for i := 0; i < len(words); i++ {
		t := words[i]
		if t.Lemma == "oh" && i+1 < len(words) && partnerActs[words[i+1].Lemma] && !(i+2 < len(words) && inversionSubjects[words[i+2].Lemma]) {
			return false // "ok OH is phoning L&D now": her other half, not "oh, is it ...?"
		}
		if t.Is(analyze.Break) || leadIns[t.Lemma] {
			continue
		}
		// A sentence of thanks or greeting first: "thank you. is ice ok
		// on the sore bit?" opens its question after it.
		j := i
		for j < len(words) && !words[j].Is(analyze.Break) && (socialWords[words[j].Lemma] || words[j].Lemma == "you") {
			j++
		}
		if j > i && j < len(words) && isSentenceEnd(words[j]) {
			i = j
			continue
		}
		if j > i {
			return false // "hi, cant sleep": small talk and a statement
		}
		return asking(t.Lemma) || inverted(words, i) || opensWithVerb(words, i)
	}
	return false
}

// framesQuestion reports whether a short follow-up holds a question
// word (see asking): "for how long", "and which one".
func framesQuestion(words []analyze.Token) bool {
	return slices.ContainsFunc(words, func(t analyze.Token) bool { return asking(t.Lemma) })
}

// isSentenceEnd reports whether t ends a sentence: a full stop, a question
// or exclamation mark or a line break, not a comma.
func isSentenceEnd(t analyze.Token) bool { return t.Is(analyze.Break) && !t.Is(analyze.Weak) }

// opensWithVerb reports whether a message opens with "is" or "does",
// which only a question does: "is bitcoin a good investment", but not
// "don't worry".
func opensWithVerb(words []analyze.Token, i int) bool {
	return questionVerbs[words[i].Term] && i+1 < len(words) && !words[i+1].Is(analyze.Negation) && !words[i+1].Is(analyze.Break)
}

// questionVerbs are the stems of the forms of "be" and "do" that open a
// question: not "been like that an hour", not "be careful".
var questionVerbs = map[string]bool{"is": true, "are": true, "am": true, "was": true, "were": true, "do": true, "does": true, "did": true}

// partnerActs are verbs after "OH" that make it her other half, the
// subject of a statement: "OH is driving", "OH says", "OH has rung".
var partnerActs = map[string]bool{"be": true, "have": true, "say": true, "think": true, "reckon": true, "want": true,
	"keep": true, "call": true, "phone": true, "ring": true, "drive": true, "take": true, "get": true, "work": true}

// inversionSubjects after "oh is" or "oh have" make it a question: "oh
// is it normal", "oh have you got...".
var inversionSubjects = map[string]bool{"it": true, "this": true, "that": true, "there": true, "the": true, "a": true,
	"my": true, "your": true, "you": true, "she": true, "he": true, "they": true, "i": true, "we": true}

// leadIns are the words a question may open with before its question
// word: "ok and what actually helps", "right so how long for".
var leadIns = map[string]bool{"ok": true, "okay": true, "oh": true, "and": true, "so": true, "right": true, "well": true,
	"hmm": true, "um": true, "alright": true, "but": true, "then": true, "also": true}

// asks reports whether words ask for something without a question mark:
// "anything else i should stop doing". A clause in which she says what
// she will do asks for nothing, unless it ends in a question mark: "ok
// I'll do that", "I'll tell her", "gonna let my midwife know".
func asks(words []analyze.Token) bool {
	planned := false
	for i, t := range words {
		if t.Is(analyze.Break) {
			planned = false
			continue
		}
		if !planned && plans(words, i) && !asksAt(words, i) {
			planned = true
		}
		if !planned && (requestWords[t.Lemma] && !thankedFor(words, i) && !helpedBy(words, i) || asking(t.Lemma) || inverted(words, i)) {
			return true // not the help she thanks for: "my partner says thanks for the help"
		}
	}
	return false
}

// helpedBy reports whether the "help" at words[i] tells what something
// did, not what she asks for: "ok that helps", "this really helped".
// "does that help?" asks.
func helpedBy(words []analyze.Token, i int) bool {
	if words[i].Lemma != "help" || asksAt(words, i) {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-2 && !words[k].Is(analyze.Break); k-- {
		switch words[k].Lemma {
		case "that", "this", "it", "which":
			return k == 0 || !questionWords[words[k-1].Lemma]
		case "really", "definitely", "actually", "honestly", "totally", "so", "already":
			continue
		}
		return false
	}
	return false
}

// plans reports whether words[i] opens what she says she will do: "I
// will", "we're gonna", "I'm going to".
func plans(words []analyze.Token, i int) bool {
	if l := words[i].Lemma; l != "i" && l != "we" {
		return false
	}
	be := false
	for k := i + 1; k < len(words); k++ {
		switch l := words[k].Lemma; {
		case intentions[l]:
			return true
		case l == "be":
			be = true
		default:
			// "I'm going to", not "I went to"
			return be && l == "go" && k+1 < len(words) && words[k+1].Lemma == "to"
		}
	}
	return false
}

// asksWhatBotDoes reports whether a question asks only what the bot can
// do: every word one of botDoes, "you" among them ("what can you help
// with?", "what do you do exactly?", "what are you for?").
func asksWhatBotDoes(words []analyze.Token) bool {
	you := false
	for _, t := range words {
		if t.Is(analyze.Break) {
			continue
		}
		if !botDoes[t.Lemma] {
			return false
		}
		you = you || t.Lemma == "you" || t.Lemma == "u"
	}
	return you
}

// asksSources reports whether words ask where the bot's answers come
// from: "where do your answers come from?", "what are your sources?".
func asksSources(words []analyze.Token) bool {
	yours, info, whence := false, false, false
	for _, t := range words {
		switch t.Lemma {
		case "your", "ur", "you", "u":
			yours = true
		case "answer", "info", "information", "source", "advice", "fact", "reply":
			info = true
		}
		whence = whence || t.Lemma == "from" || t.Lemma == "source"
	}
	return yours && info && whence
}

// botDoes are the words of a question about what the bot can do.
var botDoes = map[string]bool{"what": true, "how": true, "can": true, "could": true, "do": true, "be": true, "you": true,
	"u": true, "help": true, "with": true, "for": true, "me": true, "exactly": true, "actually": true, "so": true,
	"ok": true, "okay": true, "and": true, "then": true, "here": true, "there": true, "hi": true, "hello": true, "hey": true}

// aboutBot is the small talk that says what the bot is.
const aboutBot = "about-bot"

// identity are the words that ask what the bot is.
var identity = map[string]bool{"bot": true, "robot": true, "chatbot": true, "ai": true, "automated": true,
	"computer": true, "human": true, "person": true}

// addressed are the words that point a question at the bot.
var addressed = map[string]bool{"you": true, "u": true, "this": true, "your": true, "ur": true}

// hasTalk reports whether the knowledge base has the small talk id.
func (m *Matcher) hasTalk(id string) bool {
	return slices.ContainsFunc(m.talk, func(t smallTalk) bool { return t.id == id })
}

// greetingTalk is the small talk that greets.
const greetingTalk = "greeting"

// returning reports whether a message, in one sentence, only tells that
// she has been here before: "hi, I asked about back pain a few weeks
// ago", "i was on here last month asking about sciatica", "I've been
// using this bot the last few weeks".
func returning(words []analyze.Token) bool {
	visit, before, said := false, false, false
	for i, t := range words {
		if t.Is(analyze.Break) && !t.Is(analyze.Weak) && i+1 < len(words) && said {
			return false // a second sentence says more ("hi." opens none)
		}
		said = said || !t.Is(analyze.Break) && !socialWords[t.Lemma]
		switch l := t.Lemma; {
		case asksWith[l] && i > 0:
			return false // "... before I got pregnant, should I keep exercising"
		case visitWords[l] || visitWords[t.Term]: // "using" is its own lemma
			used := i+1 < len(words) && words[i+1].Lemma == "to" // "I used to run 5k"
			visit = visit || !used && i > 0 && (words[i-1].Lemma == "i" || words[i-1].Lemma == "be" || words[i-1].Lemma == "have")
		case l == "here" && i > 0 && (words[i-1].Lemma == "on" || words[i-1].Lemma == "in"):
			visit = true
		case l == "ago" || l == "before" || l == "earlier" || l == "previously" || l == "again",
			l == "last" && i+1 < len(words) && (words[i+1].Lemma == "week" || words[i+1].Lemma == "month" || words[i+1].Lemma == "time" || words[i+1].Lemma == "few"):
			before = true
		}
	}
	return visit && before
}

// asksWith are the words that open a question inside a sentence.
var asksWith = map[string]bool{"should": true, "can": true, "could": true, "would": true, "what": true, "how": true,
	"why": true, "which": true, "will": true, "any": true}

// visitWords tell what she did here before.
var visitWords = map[string]bool{"ask": true, "post": true, "use": true, "message": true, "chat": true, "write": true}

// sharing are the lemmas with which a member says she only shares:
// "just needed to vent", "rant over", "off my chest".
var sharing = map[string]bool{"vent": true, "venting": true, "rant": true, "ranting": true, "moan": true, "moaning": true,
	"chest": true, "sharing": true, "share": true, "whinge": true, "whingeing": true, "whining": true}

// shares reports whether words say they only share (see sharing).
func shares(words []analyze.Token) bool {
	for i, t := range words {
		if sharing[t.Lemma] && (t.Lemma != "chest" || i > 1 && words[i-1].Lemma == "my" && words[i-2].Lemma == "off") {
			return true
		}
	}
	return false
}

// unhelped reports whether words say that what she tried did not help, or
// not enough (see bot.Classification.Unhelped): a helping verb denied
// ("didn't help", "hasn't really worked", "does nothing"), "no
// difference", something "already" tried or done, or "only" helping.
func unhelped(words []analyze.Token) bool {
	for i, t := range words {
		if t.Is(analyze.Break) {
			continue
		}
		switch l := t.Lemma; {
		case helping[l] && (deniedBefore(words, i) || i+1 < len(words) && words[i+1].Lemma == "nothing"):
			return true // "didn't help", "hasn't really worked", "does nothing"
		case l == "do" && i+1 < len(words) && (words[i+1].Lemma == "nothing" || deniedBefore(words, i) && (words[i+1].Lemma == "anything" || words[i+1].Lemma == "much")):
			return true // "did nothing", "didn't do anything"
		case l == "no" && i+1 < len(words) && noUse[words[i+1].Lemma]:
			return true // "no difference", "no joy"
		case l == "already" && (i+1 < len(words) && tried[words[i+1].Lemma] || i > 0 && tried[words[i-1].Lemma] || i > 1 && tried[words[i-2].Lemma]):
			return true // "already tried that", "I already do that", "tried that already"
		case l == "only" && i+1 < len(words) && helping[words[i+1].Lemma]:
			return true // "it only helps for like an hour"
		}
	}
	return false
}

// deniedBefore reports whether a negation cue stands at most three words
// before words[i], in its clause: "didn't help", "hasn't really worked",
// "none of that works".
func deniedBefore(words []analyze.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3 && !words[k].Is(analyze.Break); k-- {
		if words[k].Is(analyze.Negation) {
			return true
		}
	}
	return false
}

// helping are the verbs of a remedy that works; noUse what a remedy that
// does not makes; tried what she has already done.
var (
	helping = map[string]bool{"help": true, "work": true, "touch": true, "ease": true, "last": true}
	noUse   = map[string]bool{"difference": true, "use": true, "good": true, "joy": true, "luck": true, "help": true, "change": true}
	tried   = map[string]bool{"try": true, "do": true, "use": true, "wear": true}
)

// continues reports whether words open with a word that carries on
// from what was said before: "but he still wants carrying up to bed".
func continues(words []analyze.Token) bool {
	for _, t := range words {
		if !t.Is(analyze.Break) {
			return t.Lemma == "but" || t.Lemma == "and" || t.Lemma == "so" || t.Lemma == "though" || t.Lemma == "although"
		}
	}
	return false
}

// statementConfidence is the small-talk confidence of a short statement
// that is not small talk through and through: below any threshold, so a
// topic still wins, but the engine's reply where it has no answer.
// maxStatementWords bounds the other words such a statement may hold.
const (
	statementConfidence = 0.25
	maxStatementWords   = 3
)

// greetings greet, thank or say goodbye: "thanks?" and "hello?" stay small
// talk in a chat.
var greetings = map[string]bool{"hi": true, "hello": true, "hey": true, "hiya": true, "thanks": true, "thank": true,
	"cheers": true, "ta": true, "bye": true, "ok": true, "okay": true, "you": true}

// firstPerson reports whether words speak of the member: "I", "me", "my".
func firstPerson(words []analyze.Token) bool {
	return slices.ContainsFunc(words, func(t analyze.Token) bool {
		return t.Lemma == "i" || t.Lemma == "me" || t.Lemma == "my" || t.Lemma == "myself"
	})
}

// inverted reports whether words[i] opens an inverted question: "will it
// ever end", "is that normal", "do you know".
func inverted(words []analyze.Token, i int) bool {
	if !questionWords[words[i].Lemma] || i+1 >= len(words) {
		return false
	}
	switch words[i+1].Lemma {
	case "it", "i", "you", "he", "she", "they", "we", "this", "that", "there", "my", "your":
		return true
	}
	return false
}

// asking reports whether a question word asks wherever it stands: "how",
// "what", "should", "can"; not "do", "is" or "will", which statements use
// too ("the waddle is real").
func asking(l string) bool { return questionWords[l] && l != "do" && l != "be" && l != "will" }

// requestWords ask for something without a question mark: "what helps",
// "any tips", "recipe please", "yes or no", "is that normal".
var requestWords = map[string]bool{"any": true, "anyone": true, "anybody": true, "anything": true, "help": true,
	"tip": true, "idea": true, "advice": true, "please": true, "pls": true, "plz": true, "recommend": true,
	"suggest": true, "suggestion": true, "or": true, "normal": true, "safe": true, "wonder": true,
	"know": true, "tell": true, "need": true, "best": true, "if": true, "whether": true}

// intentions open the plan that may close a chat after an
// acknowledgement: "ok, will try that tonight", "thanks, gonna ring them".
var intentions = map[string]bool{"will": true, "gonna": true, "going": true, "shall": true, "off": true,
	"let": true, "gotta": true, "must": true}

// okTalk is the small talk that acknowledges: "ok", "will do".
const okTalk = "ok"

// decided reports whether a short message, no question, tells a decision
// ending in "it is": "lol fine flats it is", "ok, side sleeping it is 😴".
func decided(words []analyze.Token) bool {
	if question(words) {
		return false
	}
	n, prev, closed := 0, "", false
	for _, t := range words {
		if t.Is(analyze.Break) {
			continue
		}
		if closed {
			// After "it is", only social words: "flats it is, thanks!",
			// "flats it is. thank you!"
			if !socialWords[t.Lemma] && t.Lemma != "you" {
				return false
			}
			continue
		}
		closed = prev == "it" && t.Lemma == "be" && n <= maxDecisionWords
		prev = t.Lemma
		n++
	}
	return closed
}

// willTry reports whether a message, no question, opens with her plan to
// try what she was told, after nothing but social words, its subject
// often left out: "will try tonight", "thanks ill try some of that",
// "ok gonna give it a go x". What follows the plan is hers to say ("will
// try tonight, the wheat bag is in the loft") as long as it asks nothing.
func willTry(words []analyze.Token) bool {
	if question(words) || opensQuestion(words) {
		return false
	}
	i := 0
	for i < len(words) && (words[i].Is(analyze.Break) || socialWords[words[i].Lemma] || words[i].Lemma == "you") {
		i++
	}
	if i < len(words) && (words[i].Lemma == "i" || words[i].Lemma == "we") {
		i++
	}
	if i >= len(words) {
		return false
	}
	switch l := words[i].Lemma; {
	case l == "will", l == "ill", l == "gonna", l == "shall", l == "def", l == "defo", l == "definitely", l == "deffo":
		i++
	case i > 0 && l != "do" && (tryVerbs[l] || l == "call" || l == "ring" || l == "phone") && !words[0].Is(analyze.Break):
		// After an "ok" or a "thanks", the plan told as done or doing:
		// "ok booking it 👍", "thanks, ringing the GP now" (not the "do"
		// of "sorry i don't mean losing").
		return !asks(words[i:])
	case l == "go":
		if i+1 >= len(words) || words[i+1].Lemma != "to" {
			return false
		}
		i += 2
	default:
		return false
	}
	for i < len(words) && (emphasis[words[i].Lemma] || words[i].Lemma == "definitely" || words[i].Lemma == "def" ||
		words[i].Lemma == "defo" || words[i].Lemma == "go" || words[i].Lemma == "to" || words[i].Lemma == "be") {
		i++ // "will definitely try", "gonna go try", "will be trying"
	}
	return i < len(words) && tryVerbs[words[i].Lemma] && !asks(words[i:])
}

// tryVerbs are what she says she will do with advice: "try", "give it a
// go", "dig out the wheat bag".
var tryVerbs = map[string]bool{"try": true, "give": true, "do": true, "get": true, "use": true, "start": true,
	"order": true, "buy": true, "test": true, "attempt": true, "look": true, "check": true, "dig": true, "grab": true,
	"book": true, "mention": true, "ask": true, "speak": true, "talk": true, "put": true, "invest": true, "see": true}

// maxDecisionWords bounds how far into a message "it is" may close a
// decision.
const maxDecisionWords = 7

// planStart returns where a plan starts after nothing but small talk
// ("ok ta, will dig the wheat bag out 👍" gives the index of "will"), or
// -1.
func (m *Matcher) planStart(words []analyze.Token) int {
	for j, t := range words {
		switch {
		case t.Is(analyze.Break):
		case j > 0 && (intentions[t.Lemma] || plans(words, j)):
			for _, u := range words[j:] {
				if !u.Is(analyze.Break) && !m.talkWord[u.Lemma] {
					return j
				}
			}
			return -1 // "ok will do" is small talk as a whole
		case !m.talkWord[t.Lemma]:
			return -1
		}
	}
	return -1
}

// Explanation is how the matcher read one message, for moderators who
// want to know why a message fired a red flag or got the answer it got.
type Explanation struct {
	// Words are the message's words after spelling fixes, before synonyms.
	Words []string
	// Lemmas are what triggers are compared with: "bled" is "bleed".
	Lemmas []string
	// Terms are what ranking compares: after synonyms and stemming, without
	// function and context words.
	Terms []string
	// Safety, Declines and Hesitation are every trigger match and its
	// verdict.
	Safety, Declines, Hesitation []triage.Finding
	// Screens are the learned screens' scores (see package screen).
	Screens []screen.Score
	// Topics are the best topics, best first, each with its closest example.
	Topics []Evidence
	// OffTopic is the probability that the message is out of scope, with
	// what each word added to the in-scope log-odds.
	OffTopic float64
	Scope    []ScopeWord
	// SmallTalk is the kind of small talk the message is, if it is.
	SmallTalk string
	// OutOfScope says why the message is turned down whatever its words
	// match: "someone else's body" or "another complaint of pregnancy".
	OutOfScope string
}

// ScopeWord is one word's evidence for the message being in scope.
type ScopeWord struct {
	Term    string
	LogOdds float64
}

// Evidence is a class's closest example in a message.
type Evidence struct {
	Topic      string
	Confidence float64
	// Example is the example, title or keyword list that matched best.
	Example string
}

// Explain shows how the matcher reads text.
func (m *Matcher) Explain(text string) Explanation {
	sc := m.pool.Get().(*scratch)
	defer m.pool.Put(sc)
	m.an.Analyze(text, &sc.an)
	e := Explanation{Words: m.an.Words(text), Safety: m.flags.Explain(sc.an.Words), Declines: m.declines.Explain(sc.an.Words),
		Hesitation: m.hesitation.Explain(sc.an.Words), Screens: m.screens.Explain(sc.an.Words)}
	if rd := m.flags.Read(sc.an.Words); len(rd.Held) > 0 {
		for i := range e.Screens {
			e.Screens[i].Held = e.Screens[i].Fired && slices.Contains(rd.Held, e.Screens[i].Safety) && !slices.Contains(rd.Fired, e.Screens[i].Safety)
		}
	}
	for _, t := range sc.an.Words {
		if !t.Is(analyze.Break) {
			e.Lemmas = append(e.Lemmas, t.Lemma)
		}
	}
	for _, t := range sc.an.Terms {
		if t.Flags&(analyze.Stop|analyze.Break|analyze.Context) == 0 {
			e.Terms = append(e.Terms, t.Term)
		}
	}
	var c bot.Classification
	c.SmallTalk = m.smallTalk(sc.an.Words)
	e.SmallTalk = c.SmallTalk.TopicID
	m.rank(sc, &c)
	nc := len(m.classIDs)
	evidence := func(cl int, conf float64) Evidence {
		ev := Evidence{Topic: m.classIDs[cl], Confidence: conf}
		for s := range sc.spans {
			if i := s*nc + cl; float64(sc.best[i]) == conf && conf > 0 {
				ev.Example = m.ix.docText[sc.bestDoc[i]]
			}
		}
		return ev
	}
	for _, cand := range c.Candidates {
		e.Topics = append(e.Topics, evidence(int(m.topicOf[cand.TopicID]), cand.Confidence))
	}
	e.OffTopic = c.OffTopic
	switch {
	case m.whose.forSomeoneElse(sc.an.Words):
		e.OutOfScope = "someone else's body, or the baby's things"
	case m.whose.elsewhere(sc.an.Words):
		e.OutOfScope = "another complaint of pregnancy, and no word of the back"
	}
	terms := map[int32]string{}
	for t, id := range m.ix.terms {
		terms[id] = t
	}
	if len(sc.spans) > 0 {
		for k, id := range sc.qterms {
			if sc.spans[len(sc.spans)-1].terms&(1<<uint(k)) != 0 {
				e.Scope = append(e.Scope, ScopeWord{Term: terms[id], LogOdds: float64(m.scope.logOdds[id])})
			}
		}
	}
	return e
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

// Must returns m, and panics if err is not nil. It is for tests and for
// the embedded knowledge base, which is validated when it is built, in the
// manner of template.Must.
func Must(m *Matcher, err error) *Matcher {
	if err != nil {
		panic(err)
	}
	return m
}
