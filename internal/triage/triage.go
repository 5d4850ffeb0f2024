// Package triage finds danger signs and other safety situations in an
// analysed message, honouring negation in both directions.
//
// A trigger is a short pattern of words. Each word may be a list of
// alternatives ("brown|pink|red", with "_" joining the words of one
// alternative: "all_the_time|non_stop") or a named word group ("{baby}",
// which the knowledge base defines as baby, she, he, bub, ...), or both
// ("{down-there}|bum"), "#" for any number or "#37.8-43" for a number in
// a range. Words are
// compared as lemmas, after the analyzer's spelling fixes and synonyms,
// so "bled", "bleeds" and "bleeding" meet, while a work "contract" and
// "contractions" do not. A trigger matches when all its words appear, in
// any order, within len(words)+Slack tokens of one clause. A trigger may
// join parts with " & " ("{baby} usually|normally & only|barely today"):
// it matches when every part matches, unnegated, in one sentence or two
// that follow each other, however far apart, for signs that are described
// across a sentence.
//
// A match is negated, and fires nothing, when
//   - a negation cue ("no", "not", "never", "without") stands before it in
//     the same clause, at most Reach content words away ("no bleeding",
//     "haven't had any tightenings");
//   - it is an item of a negated list ("no bleeding, fever or tightening,
//     just sore");
//   - a cue stands inside it ("the pain is not sharp or sudden", "my
//     waters haven't gone");
//   - a bare "no" answers it ("bleeding? no", "contractions? no way").
//
// Safety wins every tie: a hedge keeps the sign ("not sure if my waters
// went", "not much bleeding", "not bleeding a lot"), and so does anything
// that starts a new clause or subject between the cue and the sign ("no
// fever but I'm bleeding", "no, I'm bleeding"). A trigger may itself
// contain a negation for signs that are an absence ("not felt {baby}
// kick"); such a match is not negated by its own cue. A rule's "unless"
// patterns cancel a match they overlap: an idiom ("fell pregnant"), a
// reassurance ("{baby} still kicking", unless it is a habit: "usually she
// is still kicking at night"). A rule may also ask that the sign be the
// member's own (Rule.SelfOnly: "my toddler fell" is not) and reported as
// happening now (Rule.Reports): settled history (History) and questions
// about a sign (Asking) fire nothing.
package triage

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/backcare/backcare/internal/analyze"
	"github.com/backcare/backcare/knowledge"
)

const (
	// Slack is how many other tokens may stand among a trigger's words.
	Slack = 3
	// Reach is how many content words a negation cue reaches forward.
	Reach = 4
	// maxTerms bounds trigger length so that windows stay small.
	maxTerms = 8
	// maxGap is how many tokens may stand between neighbouring words of
	// an ordered pattern (an "unless" pattern).
	maxGap = 2
	// spanFactor times len(terms)+Slack is the most tokens an unordered
	// phrase's span may run to, function words included. Measured on the
	// tune split: 3 and 4 caught 3 more signs (found again with triggers
	// of their own at 2) for 6 and 8 more false alarms.
	spanFactor = 2
	// maxExpansions bounds how many phrases one trigger expands into.
	maxExpansions = 8192
	// maxListItems and maxItemWords bound a negated list.
	maxListItems = 5
	maxItemWords = 3
)

// Rule is one owner of triggers, such as a red flag.
type Rule struct {
	ID       string
	Triggers []string
	// Firm lists triggers that no unless pattern cancels (see
	// knowledge.RedFlag.Firm). They are numbered after Triggers.
	Firm []string
	// Preterm lists triggers that fire only when the message does not
	// give her weeks as 37 or more (see knowledge.RedFlag.Preterm). They
	// are numbered after Firm.
	Preterm []string
	// From20Weeks makes every trigger of the rule fire nothing when the
	// message gives her weeks today, beyond doubt, only as under 20 (see
	// knowledge.RedFlag.From20Weeks).
	From20Weeks bool
	// BeforeBirth makes every trigger of the rule fire nothing when the
	// message tells that she has had her baby (see
	// knowledge.RedFlag.BeforeBirth).
	BeforeBirth bool
	// Lochia makes the rule's bleeding after the birth, with nothing fresh
	// told, no sign (see knowledge.RedFlag.Lochia).
	Lochia bool
	// Show makes the rule's mucus at term or after a sweep, with nothing
	// fresh told, no sign (see knowledge.RedFlag.Show).
	Show bool
	// Unless lists patterns that cancel a trigger match they overlap.
	Unless []string
	// History lists patterns that, like unless patterns, cancel a match
	// they overlap, and tell that it is her own history: a loss before
	// this pregnancy ("after my miscarriage last year", "pregnant again
	// after two losses"). See Reading.Settled.
	History []string
	// Past lists patterns that make a match settled history when they
	// stand anywhere in its sentence: a loss "back in 2020".
	Past []string
	// Averted lists near misses told with their save, "near & save" (see
	// knowledge.RedFlag.Averted): a match the near part covers fires
	// nothing when the save follows in its sentence.
	Averted []string
	// Explained lists what explains a match away when it stands before
	// the match in its sentence, with no first person between them or in
	// the match (see knowledge.RedFlag.Explained).
	Explained []string
	// AlsoWith names rules that, when they fire, make this rule's matches
	// that an unless pattern cancelled fire too: during abuse, "he kicked
	// me in the stomach" is no baby's kick.
	AlsoWith []string
	// ReopenedBy names rules that, when one fires after a recent settled
	// match of this rule, make this rule fire again (see
	// knowledge.RedFlag.ReopenedBy).
	ReopenedBy []string
	// ScreenUnless lists patterns that, anywhere in a message and not
	// negated, hold the rule against a learned screen (see Reading.Held):
	// a loss screen reads no loss into "had my baby 6 weeks ago".
	ScreenUnless []string
	// SelfOnly marks a sign that must be the member's own: "my husband's
	// got a fever" or "my pal's waters went" raise nothing, while "my
	// sister is 30 weeks and bleeding" does (see OthersGroup).
	SelfOnly bool
	// Agents marks a rule whose triggers name who acts ("{abuser}|he|she
	// pushed me"): a "he" or "she" that stands for a carer named just
	// before it ("saw the midwife about my back, she checked everything")
	// is nobody who harms her (see CarerGroup).
	Agents bool
	// Reports marks a sign that fires only when the member reports it as
	// happening now: told as settled history (see History) or asked about
	// (see Asking), it raises no alarm.
	Reports bool
}

// Config is what Compile builds a Set from.
type Config struct {
	Rules []Rule
	// Groups holds the word groups that patterns name in braces.
	Groups map[string][]string
	// History tells settled history from a sign happening now.
	History History
	// Asking tells a question about a sign from a report of one.
	Asking Asking
}

// size returns how many patterns c holds, of every kind.
func (c Config) size() int {
	n := 0
	for _, r := range c.Rules {
		n += len(r.Triggers) + len(r.Firm) + len(r.Preterm) + len(r.Unless) + len(r.Averted) + len(r.Past) + len(r.Explained) + len(r.ScreenUnless)
	}
	h, q := c.History, c.Asking
	for _, l := range [][]string{h.Past, h.PastAfter, h.Recent, h.Earlier, h.Now, h.Today, h.Visits, h.Settled, h.Checked, h.Again,
		q.Frames, q.Unreal, q.Disclaimers, q.Disclosures, q.Instructions} {
		n += len(l)
	}
	return n
}

// OthersGroup names the word group of people who are not the pregnant
// member (toddler, husband, friend...). A SelfOnly rule's match is about
// someone else when, looking back from it in its clause, such a word is
// the subject, with no word of the member's own ("I", "my", "she") or of
// a pregnancy ("30 weeks", "pregnant") in between, and the match itself
// holds none ("my toddler kicked my bump" is the member's).
const OthersGroup = knowledge.OthersGroup

// AbuserGroup names the word group of the people who may harm the member
// (see someoneBetween).
const AbuserGroup = knowledge.AbuserGroup

// CarerGroup names the word group of the member's carers (midwife, GP,
// physio): see Rule.Agents.
const CarerGroup = knowledge.CarerGroup

// ThingsGroup names the word group of things that fall, drop and smash
// (see thingFell).
const ThingsGroup = knowledge.ThingsGroup

// Set is a compiled collection of rules. It is safe for concurrent use.
type Set struct {
	ids      []string
	selfOnly []bool
	agents   []bool
	alsoWith [][]int32 // per rule: the rules that revive its cancelled matches
	reopened [][]int32 // per rule: the rules that reopen its recent settled story
	reports  []bool
	// signWords are the one-word triggers' lemmas, each with the rules
	// (by bit, the first 64) it is a whole trigger of: a denial of one in
	// another sentence ("I'm not dizzy") disclaims a question about it.
	signWords map[string]uint64
	// denialFill are the words that may stand between a denial's cue and
	// the sign it denies: "never actually fainted", "not had any".
	denialFill map[string]bool
	asking     asking
	history    history
	others     map[string]bool // lemmas of people who are not the member
	abusers    map[string]bool // lemmas of the people who may harm her (see AbuserGroup)
	carers     map[string]bool // lemmas of her carers (see CarerGroup)
	things     map[string]bool // lemmas of things that fall and smash (see ThingsGroup)
	bodyParts  map[string]bool // lemmas of a woman's back, hips, legs: "her back" is no baby
	selves     map[string]bool // lemmas of the member and of a pregnancy
	pregnancy  map[string]bool // lemmas of a pregnancy: "weeks", "pregnant"
	weeks      map[string]bool // lemmas of "weeks": a pregnancy only when counted ("28 weeks")
	phrases    []phrase
	anchors    anchorIndex // vocab number -> phrases anchored on that lemma (a word or a range)
	// seqAnchors: a sequence's first two vocab numbers -> phrases anchored
	// on a term with that sequence.
	seqAnchors seqAnchorIndex
	vocab      map[string]int32 // every lemma a phrase's term starts with -> its number
	negAnch    []int32          // phrases anchored on a negation
	unless     patterns         // Rule.Unless, then Rule.History, numbered by rule
	// historyFrom is, per rule, the number of its first history pattern
	// among its unless patterns; histories are its history patterns.
	historyFrom []int32
	histories   [][]string
	past        patterns        // Rule.Past, by rule
	hasPreterm  []bool          // per rule: it has Preterm triggers
	from20      []bool          // per rule: Rule.From20Weeks
	beforeBirth []bool          // per rule: Rule.BeforeBirth
	lochia      []bool          // per rule: Rule.Lochia
	show        []bool          // per rule: Rule.Show
	hasPast     []bool          // per rule: it has Past patterns (see lostWeeksAgo)
	explained   patterns        // Rule.Explained, by rule
	unscreened  patterns        // Rule.ScreenUnless, by rule
	near, save  patterns        // Rule.Averted's two parts, numbered alike across rules
	impacts     map[string]bool // lemmas that undo a save (see impactIn)
	blows       map[string]bool // lemmas of a blow or a landing (see blowWithin)
	hedges      map[string]bool // words that turn a negation cue into a hedge
	enders      map[string]bool // contrast words that close a list item: "just", "but"
	answers     map[string]bool // words that may follow an answering "no"
	fine        map[string]bool // one-word answers that mean all is well: "temperature: normal"
	adverbs     map[string]bool // words that may stand between an absence's cue and its word: "can't even feel"
	insisting   map[string]bool // adjectives that may too, and only there: "no actual kicks" (never "no obvious sign of it" as an answer)
	habits      map[string]bool // words that make what follows a habit: "usually", "normally"
	quantities  map[string]bool // amounts after a negated sign that mean some is there: "not bleeding much"
	joins       map[string]bool // list connectors: or, and, nor
	// possessives begin a noun phrase that "not" corrects rather than
	// answers: "aching under my ribs, not my back".
	possessives map[string]bool
	// subjects are the scope enders that start a new subject: a match that
	// begins with one is not negated by a cue before it, while one that
	// begins with another scope ender is ("did not start suddenly").
	subjects map[string]bool
	pool     sync.Pool // *scratch
}

// phrase is one expansion of a trigger: a bag of lemmas, one of which
// ("" for a negation cue) is the anchor a match is searched from.
type phrase struct {
	rule    int32
	trigger int32 // index into the rule's Triggers (or Unless), for Explain
	terms   []string
	match   []term // terms, compiled
	anchor  int
	absence bool // a term is a negation: the sign is an absence
	// sibling: another part of its " & " trigger is an absence told with
	// a bare cue, and that cue is the negation the message has near this
	// part ("he's usually kicking all evening and tonight... nothing"):
	// this part is not negated. A sibling whose cue stands inside a
	// sequence ("not_in_waves") does not count: "it is not sharp and it
	// did not start suddenly" must still deny its other parts. A part
	// whose alternatives hold a cue of their own ("without_him") is a
	// sibling all the same: "he won't let her keep her money" is not
	// denied by the absence part's "won't".
	sibling bool
	ownCue  bool // a term is a sequence with a negation in it ("if_i_wasn't_alive"): cues inside are its own
	// count: every term is a count ("#_weeks"), a fact no cue negates: in
	// "can't talk through them anymore, 35 weeks" the cue is the
	// contractions', and her weeks stand.
	count bool
	// reading: a term is a number in a range ("temp 39", "BP 150/100"): a
	// measure told is a fact, denied only by a cue that governs it
	// directly (see readingDenied).
	reading bool
	part    int8 // for a trigger of parts joined by " & ", which one (from 1); 0 for others
	parts   int8 // how many parts the trigger has; 0 for a plain trigger
	ordered bool // unless patterns: words in order, close together
	// aboutOther: an unless pattern that opens with the others group
	// ("{others} fell"): it yields when her own sentence makes that person
	// the pregnant one (see herOwnSign).
	aboutOther bool
	firm       bool // a firm trigger: no unless pattern cancels it (see Rule.Firm)
	preterm    bool // a sign only before 37 weeks (see Rule.Preterm)
	habit      bool // unless and save patterns: the pattern names a habit (see markHabits)
}

type scratch struct {
	explain   bool            // record why (see because)
	why       []string        // patterns that decided the last verdict
	seen      []bool          // per rule
	held      []bool          // per rule: a whole match whose verdict was not Fired (see Reading.Held)
	settled   []bool          // per rule: a whole match settled as history (see Reading.Settled)
	story     []int           // per rule: where its last settled match ends, or -1 (see retold)
	firedAt   []int           // per rule: where its first fired match starts (see reopens)
	revive    []bool          // per rule: a match only an unless pattern cancelled (see Rule.AlsoWith)
	unless    []unlessHit     // the message's unless matches, found once (see cancelled)
	unlessOK  bool            // unless holds this message's matches
	jointSpan match           // the span of the last " & " trigger matchJoint found full
	jointHead int             // the end of its part that ends first
	jointTail int             // the start of its part that completed it
	saved     match           // the save averted found last
	proxy     onceBool        // someone writes for her (see proxy)
	early     onceBool        // at term, tightenings timed as irregular (see irregularTimes)
	disclosed int8            // 0 not yet known, 1 no, 2 she says the signs are hers (see disclosed)
	writer    onceBool        // the writer is not the pregnant one (see writerNotPregnant)
	joint     []jointHit      // parts of " & " triggers found so far
	hits      []hit           // the message's phrase matches, in order (see Match)
	parts     map[int32]uint8 // per " & " trigger (rule<<16 | trigger): the parts that matched at all
	sent      []int32         // per token: which sentence it is in
	frag      []analyze.Token // the message with its fragments joined (see joinFragments)
	orig      []analyze.Token // the message as analysed, its sentences unjoined
	used      []bool          // per token, while matching one phrase
	near      [][2]int        // per term, while matching one phrase: its nearest match on each side
	pos       []int           // where each term of the phrase being matched was found
	clause    []clause        // per token: the clause it stands in
	present   []bool          // per vocab number: a token of the message has the lemma
	tok       []int32         // per token: its lemma's vocab number, or -1
	// termAt remembers, per compiled term (term.id), how many tokens it
	// matched at the last position it was tried, for the message numbered
	// gen: the phrases anchored on one word mostly share their anchor term
	// (a group's many alternatives), which is then matched once there.
	termAt []termAt
	gen    uint32
}

// hit is a phrase's match, before its verdict.
type hit struct {
	p *phrase
	m match
}

// unlessHit is an unless pattern's match in a message that is neither
// negated nor habitual: it cancels the rule's matches it overlaps.
type unlessHit struct {
	rule, trigger, start, end int32
	other                     bool // the pattern opens with the others group (see phrase.aboutOther)
}

// clause is the span [lo, hi) of tokens between two clause ends.
type clause struct{ lo, hi int32 }

// maxFragment is the most words a sentence may have to be read as a
// fragment of the next (see joinFragments): "pain 10/10. constant. no
// gaps." and "he pushed me. into the door frame." are one clause each.
const maxFragment = 3

// joinFragments returns tokens with the full stop or line break after a
// fragment of at most maxFragment words read as a comma, so that a sign
// told in fragments is one clause: "pain. constant. lower back and tummy.
// cant stand." and "tonight:\n- back ache\n- headache\n- seeing zigzags"
// read as lists, as "no blood. no fluid. no fever. just back ache" does.
// A question mark stays ("bleeding? no"), and so does the break after an
// answer to one ("temp? normal."), after a fragment that negates ("no
// contractions. bleeding though", "No. Bleeding."), that says all is well
// ("feet fine. head fine.") or that names someone else ("Husband away.
// Bleeding since lunch." is her bleeding). The tokens are copied into
// sc.frag when anything changes; a near miss and its save are still read
// in the sentences as written (see averted).
func (s *Set) joinFragments(sc *scratch, tokens []analyze.Token) []analyze.Token {
	out, words, from, asked := tokens, 0, 0, false
	limit := maxFragment
	if telegraphic(tokens) {
		// Told wholly in bursts: "Pain is a 10/10. Low back and bump.
		// Constant. 33 weeks." Every burst joins the next.
		limit = maxBurst
	}
	keeps := func(frag []analyze.Token) bool {
		for _, t := range frag {
			if t.Is(analyze.Negation) || fineWords[t.Lemma] || s.others[t.Lemma] {
				return true
			}
		}
		return false
	}
	for i, t := range tokens {
		if !t.Is(analyze.Break) {
			words++
			continue
		}
		if isClauseEnd(t) && !t.Is(analyze.Question) && words > 0 && words <= limit && i+1 < len(tokens) && !asked &&
			!keeps(tokens[from:i]) {
			if &out[0] == &tokens[0] {
				sc.frag = append(sc.frag[:0], tokens...)
				out = sc.frag
			}
			out[i].Flags |= analyze.Weak
		}
		if isClauseEnd(t) {
			words, from, asked = 0, i+1, t.Is(analyze.Question)
		}
	}
	return out
}

// maxBurst is the most words every sentence of a message told in bursts
// may have (see telegraphic), and minBursts the fewest sentences.
const (
	maxBurst  = 5
	minBursts = 3
)

// telegraphic reports whether a message is told wholly in short bursts:
// at least minBursts sentences, none longer than maxBurst words, and no
// question among them.
func telegraphic(tokens []analyze.Token) bool {
	n, words := 0, 0
	for _, t := range tokens {
		if !t.Is(analyze.Break) {
			words++
			continue
		}
		if t.Is(analyze.Question) {
			return false
		}
		if isClauseEnd(t) && words > 0 {
			if words > maxBurst {
				return false
			}
			n, words = n+1, 0
		}
	}
	if words > 0 {
		if words > maxBurst {
			return false
		}
		n++
	}
	return n >= minBursts
}

// fineWords end a fragment that says all is well: "head fine.", "temp:
// normal.".
var fineWords = map[string]bool{"fine": true, "normal": true, "ok": true, "okay": true, "good": true, "great": true,
	"none": true, "clear": true, "intact": true, "perfect": true, "grand": true}

// jointHit records which parts of a " & " trigger matched in a sentence:
// reported ones, and ones only asked about (see matchJoint).
type jointHit struct {
	rule, trigger, sentence int32
	reported, asked         uint8    // bit k-1 set: part k matched, reported or asked about
	askedEnd, absentStart   int32    // the last asked part's end, the last start of a reported absence
	start                   int32    // where the first reported part starts
	reportedFrom            int32    // where the earliest reported count or absence starts, or -1
	ends                    [8]int32 // per part, where its first reported match ends (0: none yet)
}

// full reports whether every one of a trigger's n parts matched, at least
// one reported, and any only asked about either before a turn that opens a
// reported absence, or in a question that her count or absence follows
// (see matchJoint).
func (h *jointHit) full(tokens []analyze.Token, n int8) bool {
	all := uint8(1)<<n - 1
	if h.reported == all {
		return true
	}
	if h.reported == 0 || h.reported|h.asked != all {
		return false
	}
	if h.reportedFrom > h.askedEnd {
		if tokens[h.reportedFrom].Lemma == "mine" {
			// "if your waters go ring the unit. mine went 10 mins ago":
			// hers, set against what was asked or advised.
			return true
		}
		// "how many kicks is too few? ive had maybe 3 today", "...?
		// I've had none today": the question names what the count or
		// the absence after it reports.
		for j := h.askedEnd + 1; j < h.reportedFrom; j++ {
			if tokens[j].Is(analyze.Question) {
				return true
			}
		}
	}
	if h.absentStart <= h.askedEnd {
		return false
	}
	for j := h.askedEnd + 1; j < h.absentStart; j++ {
		if turns[tokens[j].Lemma] {
			return true
		}
	}
	return false
}

// turns are the words that turn from what she read or was asked to
// what she reports: "i read that movements slow down, but it's been 5
// hours with nothing".
var turns = map[string]bool{"but": true, "however": true, "though": true, "tho": true, "although": true, "anyway": true, "yet": true}

// countWords are counts told in words, reported after a question as a
// number is (see jointHit.full): "only had two today", "moved twice".
var countWords = map[string]bool{"once": true, "twice": true, "one": true, "two": true, "three": true, "four": true, "none": true, "zero": true}

// hedgeWords make a cue a hedge, not an absence: "not sure", "don't know".
var hedgeWords = map[string]bool{"sure": true, "know": true, "think": true, "idea": true, "tell": true, "certain": true}

// maxParts bounds the parts of a " & " trigger.
const maxParts = 4

// matchJoint records a part of a " & " trigger and reports whether every
// part has now matched in that sentence, one of them reported. A part is
// reported when it fired. One asked about (reported false) still names
// what a reported part tells of when a turn leads from it to that part,
// and the part tells an absence with a cue of its own: in "i read that
// movements slow down at the end, but it's been 5 hours with nothing at
// all" the movements she read of are the ones she reports missing. Parts
// asked about alone fire nothing, nor do they with a reported part and no
// turn between ("what do braxton hicks feel like? not sure if I've had
// them"), nor with a part that is no absence: in "I read that sciatica
// eases after birth, but I'm 38 weeks" her weeks are no temperature.
func (sc *scratch) matchJoint(tokens []analyze.Token, p *phrase, m match, reported bool) bool {
	absent := reported && (p.absence || p.ownCue && slices.ContainsFunc(tokens[m.start:m.end+1], func(t analyze.Token) bool { return t.Is(analyze.Negation) }))
	if len(sc.sent) != len(tokens) {
		// Sentences are numbered in order; one that only tells her
		// situation ("27 wks.", "hi all.") takes the number of the one
		// before it, so that it does not part two sentences of a sign:
		// "worst back pain ever, won't ease. 27 wks. this is different".
		sc.sent = sc.sent[:0]
		n, from, content := int32(0), 0, false
		for i, t := range tokens {
			sc.sent = append(sc.sent, n)
			content = content || !t.Is(analyze.Break) && t.Flags&(analyze.Context|analyze.Stop) == 0
			if isClauseEnd(t) || i == len(tokens)-1 {
				if !content && n > 0 {
					for j := from; j <= i; j++ {
						sc.sent[j] = n - 1
					}
				} else if isClauseEnd(t) {
					n++
				}
				from, content = i+1, false
			}
		}
	}
	// A part counts for its own sentence and the next one, so that "she's
	// normally so active after dinner. Tonight hardly anything." matches.
	full := false
	for _, sent := range [2]int32{sc.sent[m.start], sc.sent[m.start] + 1} {
		key := jointHit{rule: p.rule, trigger: p.trigger, sentence: sent, askedEnd: -1, absentStart: -1, start: int32(m.start), reportedFrom: -1}
		i := slices.IndexFunc(sc.joint, func(h jointHit) bool {
			return h.rule == key.rule && h.trigger == key.trigger && h.sentence == key.sentence
		})
		if i < 0 {
			sc.joint = append(sc.joint, key)
			i = len(sc.joint) - 1
		}
		h := &sc.joint[i]
		if reported {
			h.reported |= 1 << (p.part - 1)
			h.start = min(h.start, int32(m.start))
			// A count, or an absence that is no hedge: "not sure if ive
			// had them" reports nothing.
			counted := absent && !slices.ContainsFunc(tokens[m.start:m.end+1], func(t analyze.Token) bool { return hedgeWords[t.Lemma] }) ||
				slices.ContainsFunc(tokens[m.start:m.end+1], func(t analyze.Token) bool { return t.Lemma == analyze.NumberLemma || countWords[t.Lemma] }) ||
				tokens[m.start].Lemma == "mine" // "...when your water breaks? Mine broke about an hour ago": hers, set against the question's
			if counted && (h.reportedFrom < 0 || int32(m.start) < h.reportedFrom) {
				h.reportedFrom = int32(m.start)
			}
			if e := &h.ends[p.part-1]; *e == 0 || int32(m.end)+1 < *e {
				*e = int32(m.end) + 1
			}
			if absent {
				h.absentStart = max(h.absentStart, int32(m.start))
			}
		} else {
			h.asked |= 1 << (p.part - 1)
			h.askedEnd = max(h.askedEnd, int32(m.end))
		}
		if h.full(tokens, p.parts) && !full {
			// The span a save must follow: each part at its first match,
			// "slow this morning" in "a bit slow this morning but she's
			// made up for it this afternoon".
			full, sc.jointSpan = true, match{start: int(h.start), end: int(slices.Max(h.ends[:p.parts])) - 1, cue: -1}
			sc.jointHead = int(slices.Min(h.ends[:p.parts])) - 1
			sc.jointTail = m.start
		}
	}
	return full
}

// match is one phrase found in a message.
type match struct {
	start, end int // the span, inclusive
	cue        int // the token matched by the phrase's own negation, or -1
	pos        [maxTerms]int
	n          int // terms matched: pos[:n] are their tokens
}

// holds reports whether token j is one of the match's words.
func (m *match) holds(j int) bool { return slices.Contains(m.pos[:m.n], j) }

// negLemma marks a negation cue among a phrase's terms.
const negLemma = ""

// altSep joins the alternatives of one term: "brown|pink|red".
const altSep = "|"

// seqSep joins the lemmas of a term that is a sequence of words ("came_to").
const seqSep = "\x1f"

// firstLemma is the lemma a term is looked up by: the first of a sequence.
func firstLemma(term string) string {
	if strings.HasPrefix(term, analyze.NumberLemma) {
		return analyze.NumberLemma // "#37.8-43" is looked up as a number
	}
	if i := strings.Index(term, seqSep); i >= 0 {
		return term[:i]
	}
	return term
}

// Compile analyses each trigger with a, so that triggers and messages go
// through the same spelling, synonym and lemma steps. groups holds the
// word groups that triggers name in braces; a group name that is not
// defined is an error, and so is a trigger that expands into too many
// phrases.
func Compile(a *analyze.Analyzer, c Config) (*Set, error) {
	return compile(a, c, true)
}

// compile is Compile, expanding patterns ahead on other cores (see
// ahead) when lookAhead is true.
func compile(a *analyze.Analyzer, c Config, lookAhead bool) (*Set, error) {
	rules, groups := c.Rules, c.Groups
	s := &Set{}
	// The maps below grow with the patterns: sized for them from the
	// start, they are not rebuilt as they fill.
	n := c.size()
	freq := make(map[string]int, 4*n)
	var ahead *ahead
	if lookAhead {
		ahead = newAhead(a, groups, c)
	}
	// Expanded ahead, the patterns leave this expander only their terms
	// to compile: its maps of items and alternatives stay small.
	expanding := n
	if ahead != nil {
		defer ahead.stop()
		expanding = 0
	}
	x := newExpander(a, groups, expanding, n)
	x.ahead = ahead
	s.vocab = make(map[string]int32, n+n/2)
	var errs []string
	s.others, s.selves, s.abusers = map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, w := range groups[AbuserGroup] {
		if !strings.ContainsAny(w, "_ ") {
			for _, l := range a.Lemmas(w) {
				s.abusers[l] = true
			}
		}
	}
	s.carers = map[string]bool{}
	for _, w := range groups[CarerGroup] {
		if !strings.ContainsAny(w, "_ ") {
			for _, l := range a.Lemmas(w) {
				s.carers[l] = true
			}
		}
	}
	s.things = map[string]bool{}
	for _, w := range groups[ThingsGroup] {
		for _, l := range a.Lemmas(w) {
			s.things[l] = true
		}
	}
	for _, w := range groups[OthersGroup] {
		// One word each: "yr_old" would make every "year" and "old" a
		// person ("the old scar is bleeding"); a child's age is read by
		// isOther instead.
		if strings.ContainsAny(w, "_ ") {
			continue
		}
		for _, l := range a.Lemmas(w) {
			s.others[l] = true
		}
	}
	// Not "she" or "her": a partner writes "she's bleeding", but in "my
	// daughter (she is 5) fell" the pronoun is the daughter, so pronouns
	// decide nothing. Nor a bare number: "my son (4) fell".
	for _, l := range []string{"i", "me", "my", "mine", "myself", "we", "us", "our", "pregnant",
		"pregnancy", "expecting", "week", "weeks", "wk", "wks", "trimester", "due"} {
		for _, x := range a.Lemmas(l) {
			s.selves[x] = true
		}
		s.selves[l] = true
	}
	s.pregnancy = lemmaSet(a, "pregnant", "pregnancy", "expecting", "week", "weeks", "wk", "wks", "trimester", "due")
	s.weeks = lemmaSet(a, "week", "weeks", "wk", "wks")
	s.alsoWith = make([][]int32, len(rules))
	s.reopened = make([][]int32, len(rules))
	for ri, r := range rules {
		s.reopened[ri] = ruleIndexes(rules, r.ID, "reopened_by", r.ReopenedBy, &errs)
		s.alsoWith[ri] = ruleIndexes(rules, r.ID, "also_with", r.AlsoWith, &errs)
		s.ids = append(s.ids, r.ID)
		s.selfOnly = append(s.selfOnly, r.SelfOnly)
		s.agents = append(s.agents, r.Agents)
		s.reports = append(s.reports, r.Reports)
		for ti, t := range slices.Concat(r.Triggers, r.Firm, r.Preterm) {
			parts := strings.Split(t, " & ")
			if len(parts) > maxParts {
				errs = append(errs, fmt.Sprintf("%s: trigger %q: more than %d parts", r.ID, t, maxParts))
				continue
			}
			first, cued := len(s.phrases), false
			for k, part := range parts {
				ps, err := x.expand(part)
				if err != nil {
					errs = append(errs, fmt.Sprintf("%s: trigger %q: %v", r.ID, t, err))
				}

				for _, terms := range ps {
					p := phrase{rule: int32(ri), trigger: int32(ti), terms: terms, match: compileTerms(terms, x.terms, s.vocab), absence: slices.Contains(terms, negLemma), ownCue: slices.ContainsFunc(terms, holdsCue), count: allCounts(terms), firm: ti >= len(r.Triggers) && ti < len(r.Triggers)+len(r.Firm), preterm: ti >= len(r.Triggers)+len(r.Firm)}
					countsApart(&p)
					p.reading = slices.ContainsFunc(p.match, func(t term) bool { return len(t.ranges) > 0 })
					if len(parts) > 1 {
						p.part, p.parts = int8(k+1), int8(len(parts))
					}
					s.phrases = append(s.phrases, p)
					cued = cued || p.absence && !p.ownCue
					for _, term := range terms {
						for alt := range strings.SplitSeq(term, altSep) {
							freq[alt]++
						}
					}
				}
			}
			if cued && len(parts) > 1 {
				for i := first; i < len(s.phrases); i++ {
					p := &s.phrases[i]
					p.sibling = !p.absence
				}
			}
		}
		for ui, u := range r.Unless {
			if err := s.unless.add(x, s.vocab, ri, ui, u); err != nil {
				errs = append(errs, fmt.Sprintf("%s: unless %q: %v", r.ID, u, err))
			}
		}
		// History patterns are unless patterns numbered after the rule's
		// own: an overlap with one is Earlier, not Cancelled.
		s.hasPast = append(s.hasPast, len(r.Past) > 0)
		s.hasPreterm = append(s.hasPreterm, len(r.Preterm) > 0)
		s.from20 = append(s.from20, r.From20Weeks)
		s.beforeBirth = append(s.beforeBirth, r.BeforeBirth)
		s.lochia = append(s.lochia, r.Lochia)
		s.show = append(s.show, r.Show)
		s.historyFrom = append(s.historyFrom, int32(len(r.Unless)))
		s.histories = append(s.histories, r.History)
		for hi, h := range r.History {
			if err := s.unless.add(x, s.vocab, ri, len(r.Unless)+hi, h); err != nil {
				errs = append(errs, fmt.Sprintf("%s: history %q: %v", r.ID, h, err))
			}
		}
		for _, pat := range r.Averted {
			near, save, ok := strings.Cut(pat, " & ")
			if !ok {
				errs = append(errs, fmt.Sprintf("%s: averted %q: want \"near & save\"", r.ID, pat))
				continue
			}
			i := len(s.near.text)
			if err := s.near.add(x, s.vocab, ri, i, near); err != nil {
				errs = append(errs, fmt.Sprintf("%s: averted %q: %v", r.ID, pat, err))
				continue
			}
			if err := s.save.add(x, s.vocab, ri, i, save); err != nil {
				errs = append(errs, fmt.Sprintf("%s: averted %q: %v", r.ID, pat, err))
				continue
			}
			s.near.text[i], s.save.text[i] = pat, pat
		}
		for _, pat := range r.Past {
			// Numbered across rules, so that Explain can name any of them.
			if err := s.past.add(x, s.vocab, ri, len(s.past.text), pat); err != nil {
				errs = append(errs, fmt.Sprintf("%s: past %q: %v", r.ID, pat, err))
			}
		}
		for _, pat := range r.ScreenUnless {
			if err := s.unscreened.add(x, s.vocab, ri, len(s.unscreened.text), pat); err != nil {
				errs = append(errs, fmt.Sprintf("%s: screen_unless %q: %v", r.ID, pat, err))
			}
		}
		for _, pat := range r.Explained {
			if err := s.explained.add(x, s.vocab, ri, len(s.explained.text), pat); err != nil {
				errs = append(errs, fmt.Sprintf("%s: explained %q: %v", r.ID, pat, err))
			}
		}
	}
	// Anchor each phrase on the word that makes it least often worth
	// checking: rare among the phrases and rare in messages, so that a
	// message's common words ("my", "all", "not") do not each try
	// thousands of phrases.
	costs, common := map[string]int{}, map[string]int{}
	cost := func(term string) int {
		c, ok := costs[term]
		if !ok {
			for alt := range strings.SplitSeq(term, altSep) {
				l := firstLemma(alt)
				k, ok := common[l]
				if !ok {
					k = a.Commonness(l)
					common[l] = k
				}
				c += (freq[alt] + 1) * k
			}
			costs[term] = c
		}
		return c
	}
	var pairs []anchorPair
	var seqPairs []seqAnchorPair
	number, ok := s.vocab[analyze.NumberLemma]
	if !ok {
		number = -1
	}
	anchor := func(p *phrase, i int32) {
		best, bestCost := -1, 0
		for k, term := range p.terms {
			if term == negLemma {
				continue
			}
			if c := cost(term); best < 0 || c < bestCost {
				best, bestCost = k, c
			}
		}
		if best < 0 {
			p.anchor = 0
			s.negAnch = append(s.negAnch, i)
			return
		}
		p.anchor = best
		pairs, seqPairs = phraseAnchors(pairs, seqPairs, p, i, number)
	}
	for i := range s.phrases {
		anchor(&s.phrases[i], int32(i))
	}
	s.anchors, s.seqAnchors = newAnchorIndex(pairs), newSeqAnchorIndex(seqPairs)
	h := &s.history
	for _, l := range []struct {
		name string
		ps   *patterns
		list []string
	}{{"past", &h.past, c.History.Past}, {"past after", &h.pastAfter, c.History.PastAfter},
		{"recent", &h.recent, c.History.Recent}, {"earlier", &h.earlier, c.History.Earlier},
		{"now", &h.now, c.History.Now}, {"today", &h.today, c.History.Today}, {"visits", &h.visits, c.History.Visits}, {"settled", &h.settled, c.History.Settled},
		{"checked", &h.checked, c.History.Checked}, {"again", &h.again, c.History.Again}} {
		for i, pattern := range l.list {
			if err := l.ps.add(x, s.vocab, -1, i, pattern); err != nil {
				errs = append(errs, fmt.Sprintf("history: %s %q: %v", l.name, pattern, err))
			}
		}
		l.ps.name = l.name
		l.ps.index(cost)
	}
	q := &s.asking
	for _, l := range []struct {
		name string
		ps   *patterns
		list []string
	}{{"frame", &q.frames, c.Asking.Frames}, {"unreal", &q.unreal, c.Asking.Unreal}, {"disclaimer", &q.disclaimers, c.Asking.Disclaimers},
		{"disclosure", &q.disclosures, c.Asking.Disclosures}, {"instruction", &q.instructions, c.Asking.Instructions}} {
		for i, pattern := range l.list {
			if err := l.ps.add(x, s.vocab, -1, i, pattern); err != nil {
				errs = append(errs, fmt.Sprintf("asking: %s %q: %v", l.name, pattern, err))
			}
		}
		l.ps.name = l.name
		l.ps.index(cost)
	}
	q.firstPerson = lemmaSet(a, "i", "me", "my", "mine", "myself", "we", "us", "our")
	q.blockers = lemmaSet(a, "i", "we", "she", "he", "they", "but", "however", "although", "now")
	s.unless.index(cost)
	s.past.index(cost)
	s.past.name = "past"
	s.explained.index(cost)
	s.unscreened.index(cost)
	s.unscreened.name = "screen_unless"
	s.explained.name = "explained"
	s.near.index(cost)
	s.save.index(cost)
	s.near.name, s.save.name = "averted", "averted"
	// A blow or a landing: "and landed hard" (see blowWithin). Each also
	// undoes a save: "caught the rail but my hip hit the tray".
	blows := []string{"hit", "land", "bang", "bash", "knock", "smack", "whack", "thump", "slam", "fall", "crash", "smash",
		"shunt", "tumble"}
	s.blows = lemmaSet(a, blows...)
	s.impacts = lemmaSet(a, append(blows,
		"drop", "snap", "onto", "knee",
		// a time kept, or growing: "every 5 minutes", "getting closer",
		// "5 mins apart", "a constant tight band"
		"every", "closer", "stronger", "regular", "apart", "constant", "loads", "lots")...)
	s.possessives = lemmaSet(a, "my", "the", "her", "his", "our", "your", "their")
	s.bodyParts = lemmaSet(a, "back", "hip", "hips", "pelvis", "leg", "legs", "foot", "feet", "neck", "shoulder", "shoulders",
		"knee", "knees", "bum", "butt", "spine", "arm", "arms", "ribs", "joints", "muscles", "sciatica")
	s.subjects = lemmaSet(a, "i", "my", "mine", "we", "she", "he", "they", "it", "its", "there", "someone", "somebody")
	s.hedges = lemmaSet(a, "sure", "certain", "idea", "clue", "clear", "doubt", "much", "many", "lot", "lots",
		"very", "too", "heavy", "heavily", "more", "longer", "really", "that", "only", "just", "tell", "know",
		"knowing", "think", "thought", "remember", "notice", "noticed", "see", "sign", "properly", "normal",
		"usual", "anymore", "enough", "as", "quite", "bad", "worse", "better", "before")
	s.answers = lemmaSet(a, "way", "really", "thankfully", "luckily", "thank", "at", "all", "none", "whatsoever",
		"nothing", "fine", "ok", "okay", "good", "phew", "thankfully", "nah", "nope", "nahi", "nahin", "not", "drop", "one", "trace",
		"bit", "sign", "speck", "thing", "sausage", "peep", "twinge", "hint", "once")
	for l := range laughs {
		s.answers[l] = true // "bleeding? nah lol"
	}
	s.habits = lemmaSet(a, "usually", "normally", "always", "typically", "generally", "ordinarily", "often")
	s.markHabits(&s.unless)
	s.markHabits(&s.save)
	s.quantities = lemmaSet(a, "much", "many", "lot", "lots", "loads", "heavy", "heavily", "more", "as", "too",
		"very", "that", "enough", "badly", "properly", "usual")
	s.adverbs = lemmaSet(a, "even", "hardly", "barely", "really", "properly", "quite", "actually", "literally",
		"honestly", "just", "still", "ever", "always", "yet", "much", "think", "remember", "recall", "able", "sure")
	s.insisting = lemmaSet(a, "actual", "real", "proper", "definite", "noticeable", "obvious", "single", "decent")
	s.fine = lemmaSet(a, "fine", "normal", "ok", "okay", "good", "grand", "intact", "negative", "nil", "zero")
	s.joins = lemmaSet(a, "or", "and", "nor", "no", "any", "nothing")
	s.enders = lemmaSet(a, "but", "just", "only", "though", "however", "although", "yet", "except", "apart", "besides", "still")
	s.signWords = map[string]uint64{}
	for i := range s.phrases {
		p := &s.phrases[i]
		if p.parts > 0 || p.absence || len(p.terms) != 1 || p.rule >= 64 {
			continue
		}
		for alt := range strings.SplitSeq(p.terms[0], altSep) {
			if alt != "" && !strings.Contains(alt, seqSep) {
				s.signWords[alt] |= 1 << p.rule
			}
		}
	}
	s.denialFill = lemmaSet(a, "be", "have", "feel", "get", "any", "ever", "actually", "really", "at", "all", "a", "an", "myself", "yet", "once")
	nr, nt := len(rules), len(x.terms)+1
	s.pool.New = func() any {
		return &scratch{seen: make([]bool, nr), held: make([]bool, nr), settled: make([]bool, nr), revive: make([]bool, nr), story: make([]int, nr), firedAt: make([]int, nr),
			termAt: make([]termAt, nt)}
	}
	if len(errs) > 0 {
		return s, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return s, nil
}

func lemmaSet(a *analyze.Analyzer, words ...string) map[string]bool {
	m := map[string]bool{}
	for _, w := range words {
		for _, l := range a.Lemmas(w) {
			m[l] = true
		}
	}
	return m
}

// allCounts reports whether every term is made of counts: sequences that
// begin with a number ("#_weeks|#_wks").
func allCounts(terms []string) bool {
	for _, t := range terms {
		for alt := range strings.SplitSeq(t, altSep) {
			if !strings.HasPrefix(alt, analyze.NumberLemma+seqSep) {
				return false
			}
		}
	}
	return len(terms) > 0
}

// countsApart marks the bare numbers of a trigger phrase that names no
// weeks as counts (see term.countOnly): in "count kicks & only|barely #"
// the number is how many, and "lost count of the kicks... 35 weeks and the
// only thing bothering me" counts nothing. A phrase that names weeks ("#
// weeks", "#_wks") takes them.
func countsApart(p *phrase) {
	for _, t := range p.match {
		if t.weeks {
			return
		}
	}
	for k := range p.match {
		if p.match[k].bare {
			p.match[k].countOnly = true
		}
	}
}

// weekWords are the lemmas that make a number her weeks: "35 weeks".
var weekWords = map[string]bool{"week": true, "weeks": true, "wk": true, "wks": true, "w": true}

// skipped are trigger words that contractions make unreliable ("she's
// been", "baby's not"): they are left out of the compiled phrase.
var skipped = map[string]bool{"be": true, "a": true, "an": true, "the": true}

// expander expands triggers and patterns into phrases, remembering each
// item's options: the same item ("{baby}", "{hurt}|{severe}") stands in
// hundreds of triggers.
type expander struct {
	a       *analyze.Analyzer
	groups  map[string][]string
	items   map[string][][]string
	alts    map[string]option   // an item's own alternatives, analysed
	members map[string][]option // each group's members, analysed once
	seen    map[string]bool     // options' keys, while one item is expanded
	terms   map[string]term     // compiled terms (see compileTerms), shared by triggers and patterns
	ahead   *ahead              // patterns expanded on other cores, or nil
}

// option is one alternative of an item, analysed: its lemmas, and the key
// that tells it from the item's other alternatives.
type option struct {
	lemmas []string
	key    string
}

// newExpander returns an expander that expands about expanding patterns
// and compiles the terms of about compiling.
func newExpander(a *analyze.Analyzer, groups map[string][]string, expanding, compiling int) *expander {
	return &expander{a: a, groups: groups, items: make(map[string][][]string, 2*expanding), alts: make(map[string]option, 4*expanding),
		members: make(map[string][]option, len(groups)), seen: map[string]bool{}, terms: make(map[string]term, 2*compiling)}
}

// expand turns one trigger into the bags of terms it stands for: one bag
// whose terms hold their one-word alternatives and group members ("brown|
// pink|red"), and one more for each combination of several-word options
// ("go to sleep").
func (x *expander) expand(trigger string) ([][]string, error) {
	if x.ahead != nil {
		if e, ok := x.ahead.take(trigger); ok {
			return e.bags, e.err
		}
	}
	return x.expandNow(trigger)
}

// expandNow is expand without looking ahead.
func (x *expander) expandNow(trigger string) ([][]string, error) {
	out := [][]string{nil}
	for _, item := range strings.Fields(trigger) {
		options, err := x.options(item)
		if err != nil {
			return nil, err
		}
		if len(options) == 0 {
			continue
		}
		if len(options) == 1 {
			// The usual case: every bag grows by the same words, in place
			// (each bag owns its backing array).
			for i := range out {
				out[i] = append(out[i], options[0]...)
			}
			continue
		}
		if len(out)*len(options) > maxExpansions {
			return nil, fmt.Errorf("expands into more than %d phrases; split it", maxExpansions)
		}
		next := make([][]string, 0, len(out)*len(options))
		for _, prefix := range out {
			for _, o := range options {
				next = append(next, append(slices.Clip(prefix), o...))
			}
		}
		out = next
	}
	var res [][]string
	for _, terms := range out {
		if len(terms) > maxTerms {
			terms = terms[:maxTerms]
		}
		if len(terms) > 0 {
			res = append(res, terms)
		}
	}
	return res, nil
}

// options returns the options of one item of a trigger: its alternatives,
// each analysed into lemmas, one-word ones folded into one term (see
// groupAlternatives). The caller must not modify them.
func (x *expander) options(item string) ([][]string, error) {
	if o, ok := x.items[item]; ok {
		return o, nil
	}
	options := make([][]string, 0, strings.Count(item, "|")+1)
	seen := x.seen
	clear(seen)
	add := func(o option) {
		if len(o.lemmas) > 0 && !seen[o.key] {
			seen[o.key] = true
			options = append(options, o.lemmas)
		}
	}
	for alt := range strings.SplitSeq(item, "|") {
		name, ok := strings.CutPrefix(alt, "{")
		if !ok {
			o, ok := x.alts[alt]
			if !ok {
				lemmas, err := x.lemmas(alt, false)
				if err != nil {
					return nil, err
				}
				o = newOption(lemmas)
				x.alts[alt] = o
			}
			add(o)
			continue
		}
		members, err := x.group(strings.TrimSuffix(name, "}"))
		if err != nil {
			return nil, err
		}
		for _, o := range members {
			add(o)
		}
	}
	options = groupAlternatives(options)
	x.items[item] = options
	return options, nil
}

// newOption keys an alternative's lemmas.
func newOption(lemmas []string) option {
	o := option{lemmas: lemmas}
	if len(lemmas) == 1 {
		o.key = lemmas[0]
	} else if len(lemmas) > 1 {
		o.key = strings.Join(lemmas, " ")
	}
	return o
}

// group returns the analysed members of a word group, each once: the same
// group stands in hundreds of items.
func (x *expander) group(name string) ([]option, error) {
	if o, ok := x.members[name]; ok {
		return o, nil
	}
	members, ok := x.groups[name]
	if !ok {
		return nil, fmt.Errorf("word group {%s} is not defined", name)
	}
	var out []option
	seen := map[string]bool{}
	for _, m := range members {
		// A member of several words is a phrase: "on and off" is not
		// "on", "and" or "off" anywhere.
		if strings.Contains(m, " ") {
			m = strings.Join(strings.Fields(m), "_")
		}
		lemmas, err := x.lemmas(m, true)
		if err != nil {
			return nil, err
		}
		if o := newOption(lemmas); len(lemmas) > 0 && !seen[o.key] {
			seen[o.key] = true
			out = append(out, o)
		}
	}
	x.members[name] = out
	return out, nil
}

// lemmas returns the lemmas that one alternative of an item stands for:
// a number or number range, a sequence of words that must stand together
// ("came_to"), or the lemmas of a word, without the skipped ones. A
// negation cue written in a trigger ("not feel") stands for any cue, and
// becomes negLemma; a group's member is the word it names ("none" in a
// group of "nobody" words is not "don't"). The same alternatives recur in
// many items (a group's members in every item that names it): options and
// group keep what it returns, and analyse each once.
func (x *expander) lemmas(alt string, member bool) ([]string, error) {
	a := x.a
	var lemmas []string
	if alt == analyze.NumberLemma {
		lemmas = []string{analyze.NumberLemma}
	} else if r, ok := strings.CutPrefix(alt, analyze.NumberLemma); ok && !strings.Contains(alt, "_") {
		// "#37.8-43": a number in that range.
		if _, _, ok := numberRange(alt); !ok {
			return nil, fmt.Errorf("%q is not a number range such as #37.8-43", r)
		}
		lemmas, alt = []string{alt}, ""
	}
	if strings.Contains(alt, "_") {
		// "came_to", "non_stop": words that must stand together, in order.
		var seq []string
		for part := range strings.SplitSeq(alt, "_") {
			if part == analyze.NumberLemma {
				seq = append(seq, analyze.NumberLemma) // "#_seconds": a number, then "seconds"
			} else {
				seq = append(seq, a.Lemmas(part)...)
			}
		}
		if len(seq) > 0 {
			lemmas = []string{strings.Join(seq, seqSep)}
		}
		alt = ""
	}
	ls := a.Lemmas(alt)
	if lemmas == nil {
		lemmas = make([]string, 0, len(ls))
	}
	for _, l := range ls {
		if skipped[l] {
			continue
		}
		if analyze.IsNegation(l) && !member {
			l = negLemma
		}
		lemmas = append(lemmas, l)
	}
	return lemmas, nil
}

// groupAlternatives folds an item's one-word options (and one-sequence
// options: "non_stop") into one term of alternatives, joined by altSep,
// so that "brown|pink|red {blood}" is one phrase rather than one per
// colour and word for blood. A negation cue stays a term of its own, and
// an option of several words ("go to sleep") a phrase of its own.
func groupAlternatives(options [][]string) [][]string {
	words := make([]string, 0, len(options))
	out := options[:0:0]
	for _, o := range options {
		if len(o) == 1 && o[0] != negLemma {
			words = append(words, o[0])
		} else {
			out = append(out, o)
		}
	}
	if len(words) > 0 {
		out = append(out, []string{strings.Join(words, altSep)})
	}
	return out
}

// Match returns the ids of the rules whose triggers appear, not negated, in
// tokens, in rule order. It returns nil when none do.
func (s *Set) Match(tokens []analyze.Token) []string {
	return s.Read(tokens).Fired
}

// Reading is what Read found in a message, each list in rule order.
type Reading struct {
	// Fired are the rules whose triggers appear, not negated.
	Fired []string
	// Held are the rules that did not fire although a trigger matched
	// whole: negated ("not suicidal"), settled as history ("after a
	// miscarriage in 2019"), asked about, told of someone else or
	// cancelled by an unless pattern (many of which tell a denial: "never
	// had thoughts of harming myself"). What reads the message another
	// way (a learned screen) leaves those to the triggers' verdict.
	Held []string
	// Settled are the rules, not fired, that a whole match of was
	// settled history: "we lost our first at 20 weeks last year".
	Settled []string
	// Revivable are the rules, not fired, that an unless pattern
	// cancelled a match of which one of their also_with rules would have
	// revived (see Revive): "ok so he kicked me... where he got me" is a
	// blow ("he kicked" no baby's kick) once abuse is read, whether its
	// triggers or a learned screen read it.
	Revivable []Revivable
}

// Revivable is a rule a cancelled match of which fires with any of With.
type Revivable struct {
	Rule string
	With []string
}

// Revive appends to found each of rd's revivable rules that one of found
// revives, and returns it: a learned screen that reads abuse revives a
// blow its triggers cancelled.
func (rd Reading) Revive(found []string) []string {
	for _, r := range rd.Revivable {
		if !slices.Contains(found, r.Rule) && slices.ContainsFunc(r.With, func(id string) bool { return slices.Contains(found, id) }) {
			found = append(found, r.Rule)
		}
	}
	return found
}

// Read is Match that also tells which rules were held, and which told as
// history (see Reading).
func (s *Set) Read(tokens []analyze.Token) Reading {
	sc := s.pool.Get().(*scratch)
	defer s.pool.Put(sc)
	sc.orig = tokens
	tokens = s.joinFragments(sc, tokens)
	clear(sc.seen)
	clear(sc.held)
	clear(sc.settled)
	clear(sc.revive)
	for r := range sc.story {
		sc.story[r] = -1
	}
	sc.unlessOK, sc.proxy, sc.disclosed, sc.early, sc.writer = false, 0, 0, 0, 0
	sc.joint, sc.sent = sc.joint[:0], sc.sent[:0]
	found := 0
	// The matches are found first, their verdicts (the costly part) then
	// judged only for a part of a " & " trigger whose every part matched
	// somewhere: most parts ("he", "{baby}") stand alone.
	sc.hits = sc.hits[:0]
	if sc.parts == nil {
		sc.parts = map[int32]uint8{}
	}
	clear(sc.parts)
	s.each(tokens, sc, func(p *phrase, m match) bool {
		sc.hits = append(sc.hits, hit{p, m})
		if p.parts > 0 {
			sc.parts[p.rule<<16|p.trigger] |= 1 << (p.part - 1)
		}
		return true
	})
	for i := range sc.hits {
		p, m := sc.hits[i].p, sc.hits[i].m
		if sc.seen[p.rule] || p.parts > 0 && sc.parts[p.rule<<16|p.trigger] != 1<<p.parts-1 {
			continue
		}
		v := s.verdict(tokens, sc, p, m)
		if v == Settled && p.parts == 0 {
			sc.story[p.rule] = max(sc.story[p.rule], m.end)
		}
		if (v == Settled || v == Earlier) && !s.someoneElse(tokens, sc, m) && !s.othersBefore(tokens, m.start) && !theirs(tokens, m) {
			// Hers: not "my mum lost a baby before she had me", "my
			// friend lost her baby at 20 weeks back in 2019".
			sc.settled[p.rule] = true
		}
		if v == Fired && p.parts == 0 && s.retold(tokens, sc, m, sc.story[p.rule]) {
			v = Settled
		}
		if v != Fired {
			// An unless pattern that tells another sense ("my back hurt",
			// not "he hurt my back") says nothing of the rule: a screen
			// may still read the message as one. One that denies ("never
			// had thoughts of harming myself") holds it, as a cue does.
			if v != Cancelled && v != Earlier || sc.deniedByUnless(tokens, p.rule, m) {
				sc.held[p.rule] = true
			}
			if v == Cancelled && len(s.alsoWith[p.rule]) > 0 && p.parts == 0 && s.judge(tokens, sc, p, m) == Fired {
				sc.revive[p.rule] = true
			}
			// A part an unless pattern cancelled in a question is asked
			// about too: "how do you know if tightenings are BH? I've
			// had 8 in the last hour".
			if (v == Asked || v == Cancelled && inQuestion(tokens, m.end)) && p.parts > 0 && sc.matchJoint(tokens, p, m, false) {
				sc.fire(p.rule, m.start)
				found++
			}
			continue
		}
		if p.parts > 0 && !sc.matchJoint(tokens, p, m, true) {
			continue
		}
		if p.parts > 0 && s.reports[p.rule] && (s.averted(tokens, sc, p.rule, sc.jointSpan, sc.jointSpan.end, true) ||
			s.averted(tokens, sc, p.rule, sc.jointSpan, sc.jointHead, true) && sc.saved.end < sc.jointSpan.end && sc.jointTail <= sc.saved.end+2 && !turnBetween(tokens, sc.saved.end+1, sc.jointSpan.end+1) &&
				!slices.ContainsFunc(tokens[sc.saved.end+1:sc.jointSpan.end+1], isClauseEnd)) {
			// A sign told in parts, its save after all of them and after
			// a turn: "a bit slow this morning but she's made up for it
			// this afternoon"; or after its first part and a turn, the
			// parts after the save its own ("quiet this morning but
			// kicking like mad since lunch": since lunch she kicks). A
			// save before a part it does not hold saves nothing
			// ("slipped, grabbed the counter but went down anyway"), nor
			// one told without a turn ("it's still leaking..., she thinks
			// it's sweat from the hot water bottle").
			continue
		}
		sc.fire(p.rule, m.start)
		found++
	}
	for r := range s.reopened {
		if !sc.seen[r] && s.reopens(tokens, sc, int32(r)) {
			sc.seen[r] = true
			found++
		}
	}
	for r, ok := range sc.revive {
		if ok && !sc.seen[r] && slices.ContainsFunc(s.alsoWith[r], func(k int32) bool { return sc.seen[k] }) {
			sc.seen[r] = true
			found++
		}
	}
	if len(s.unscreened.list) > 0 {
		s.unscreened.find(s, tokens, sc, 0, len(tokens), func(p *phrase, m match) bool {
			if !sc.seen[p.rule] && !s.negatedUnless(tokens, p, m) {
				sc.held[p.rule] = true
			}
			return true
		})
	}
	var rd Reading
	for r, ok := range sc.revive {
		if ok && !sc.seen[r] {
			with := make([]string, len(s.alsoWith[r]))
			for i, k := range s.alsoWith[r] {
				with[i] = s.ids[k]
			}
			rd.Revivable = append(rd.Revivable, Revivable{Rule: s.ids[r], With: with})
		}
	}
	for r, ok := range sc.held {
		if ok && !sc.seen[r] {
			rd.Held = append(rd.Held, s.ids[r])
		}
		if sc.settled[r] && !sc.seen[r] {
			rd.Settled = append(rd.Settled, s.ids[r])
		}
	}
	if found == 0 {
		return rd
	}
	rd.Fired = make([]string, 0, found)
	for r, ok := range sc.seen {
		if ok {
			rd.Fired = append(rd.Fired, s.ids[r])
		}
	}
	return rd
}

// fire records that rule fired on a match starting at start: the first
// such start stays (see reopens).
func (sc *scratch) fire(rule int32, start int) {
	if !sc.seen[rule] {
		sc.firedAt[rule] = start
	}
	sc.seen[rule] = true
}

// ruleIndexes returns the indexes in rules of the rules ids names, for
// the field of rule id; an id that names no rule is an error.
func ruleIndexes(rules []Rule, id, field string, ids []string, errs *[]string) []int32 {
	var out []int32
	for _, other := range ids {
		k := slices.IndexFunc(rules, func(o Rule) bool { return o.ID == other })
		if k < 0 {
			*errs = append(*errs, fmt.Sprintf("%s: %s %q: no such rule", id, field, other))
			continue
		}
		out = append(out, int32(k))
	}
	return out
}

// reopens reports whether rule r's recent settled story (see retold) is
// followed by one of the rules that reopen it (see Rule.ReopenedBy),
// fired after it: "rear ended on Tuesday, got checked, trace was fine.
// Today I've started spotting brown". A story of her recent days only
// (a Recent or Today pattern in its sentence), not one from before this
// pregnancy or months ago.
func (s *Set) reopens(tokens []analyze.Token, sc *scratch, r int32) bool {
	story := sc.story[r]
	if story < 0 || len(s.reopened[r]) == 0 {
		return false
	}
	later := slices.ContainsFunc(s.reopened[r], func(k int32) bool { return sc.seen[k] && sc.firedAt[k] > story })
	if !later {
		return false
	}
	// The story's own time, from its sentence's start to the end of its
	// clause (never a time of the new sign after it: "fell last month,
	// all fine, baby quieter since yesterday").
	lo, _ := sentenceOf(tokens, match{start: story, end: story})
	_, hi := signClause(tokens, match{start: story, end: story})
	h := &s.history
	if h.earlier.any(s, tokens, sc, lo, hi, lo) {
		return false
	}
	if h.recent.any(s, tokens, sc, lo, hi, lo) || h.today.any(s, tokens, sc, lo, hi, lo) || h.visits.any(s, tokens, sc, lo, hi, lo) {
		return true
	}
	// A time gone by of days or a week ("last week", "a few days ago"),
	// never months or years.
	return h.past.any(s, tokens, sc, lo, hi, lo) && !slices.ContainsFunc(tokens[lo:hi], func(t analyze.Token) bool { return longAgoWords[t.Lemma] || isYear(t) })
}

// longAgoWords date a story months or years back (see reopens).
var longAgoWords = map[string]bool{"month": true, "year": true, "yr": true, "january": true, "february": true, "march": true,
	"april": true, "june": true, "july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"summer": true, "winter": true, "spring": true, "autumn": true, "christmas": true, "easter": true}

// each calls f with every phrase match in tokens, until f returns false.
func (s *Set) each(tokens []analyze.Token, sc *scratch, f func(p *phrase, m match) bool) {
	if cap(sc.used) < len(tokens) {
		sc.used = make([]bool, len(tokens))
	}
	sc.used = sc.used[:len(tokens)]
	if cap(sc.clause) < len(tokens) {
		sc.clause = make([]clause, len(tokens))
	}
	sc.clause = sc.clause[:len(tokens)]
	for lo := 0; lo < len(tokens); {
		hi := lo
		for hi < len(tokens) && !isClauseEnd(tokens[hi]) {
			hi++
		}
		for j := lo; j < hi; j++ {
			sc.clause[j] = clause{int32(lo), int32(hi)}
		}
		if hi < len(tokens) {
			sc.clause[hi] = clause{int32(hi), int32(hi)} // a clause end stands in none
		}
		lo = hi + 1
	}
	// A phrase is worth placing only if the message has a word for each
	// of its terms; most of an anchor's phrases fail this cheap check.
	// Only the previous message's words are unmarked, rather than the
	// whole vocabulary cleared: present is false everywhere else.
	if len(sc.present) != len(s.vocab) {
		sc.present = make([]bool, len(s.vocab))
	} else {
		for _, id := range sc.tok {
			if id >= 0 {
				sc.present[id] = false
			}
		}
	}
	sc.tok = sc.tok[:0]
	sc.gen++
	for _, t := range tokens {
		id, ok := s.vocab[t.Lemma]
		if !ok {
			id = -1
		} else {
			sc.present[id] = true
		}
		sc.tok = append(sc.tok, id)
	}
	try := func(pi int32, i int) bool {
		p := &s.phrases[pi]
		if !sc.mayMatch(p) {
			return true
		}
		m, ok := s.matchAround(tokens, sc, p, i)
		return !ok || f(p, m)
	}
	for i, t := range tokens {
		if t.Is(analyze.Break) {
			continue
		}
		if id := sc.tok[i]; id >= 0 {
			// The phrases anchored on this word, and on a sequence that
			// begins with it and goes on with the next word (or the one
			// after an "even" or a checklist's colon; see sequence.at),
			// each once, in phrase order.
			words := s.anchors.get(id)
			var next, after []seqAnchorPair
			if i+1 < len(tokens) {
				next = s.seqAnchors.get(id, sc.tok[i+1])
				if i+2 < len(tokens) && (tokens[i+1].Lemma == "even" || labelBreak(tokens[i+1])) {
					after = s.seqAnchors.get(id, sc.tok[i+2])
				}
			}
			last := int32(-1)
			for len(words)+len(next)+len(after) > 0 {
				pi := int32(math.MaxInt32)
				if len(words) > 0 {
					pi = words[0]
				}
				if len(next) > 0 {
					pi = min(pi, next[0].phrase)
				}
				if len(after) > 0 {
					pi = min(pi, after[0].phrase)
				}
				if len(words) > 0 && words[0] == pi {
					words = words[1:]
				}
				if len(next) > 0 && next[0].phrase == pi {
					next = next[1:]
				}
				if len(after) > 0 && after[0].phrase == pi {
					after = after[1:]
				}
				if pi == last {
					continue
				}
				last = pi
				if !try(pi, i) {
					return
				}
			}
		}
		if t.Is(analyze.Negation) {
			for _, pi := range s.negAnch {
				if !try(pi, i) {
					return
				}
			}
		}
	}
}

// matchAround looks for the phrase's terms within one clause around
// tokens[i], which holds the anchor term. An unordered phrase takes, for
// each term, its nearest match on the side that makes the span shortest
// (see place); the span may run to at most 2*(len(terms)+Slack)+1
// tokens and hold at most len(terms)+Slack content words. An
// ordered phrase needs its terms in order, with at most maxGap tokens
// and no punctuation between neighbours.
func (s *Set) matchAround(tokens []analyze.Token, sc *scratch, p *phrase, i int) (match, bool) {
	terms := p.match
	n0 := sc.anchorAt(tokens, &terms[p.anchor], i)
	if n0 == 0 {
		return match{}, false
	}
	width := len(terms) + Slack
	reach := 2 * width
	c := sc.clause[i]
	lo, hi := max(int(c.lo), i-reach), min(int(c.hi), i+reach+1)
	if cap(sc.pos) < len(terms) {
		sc.pos = make([]int, len(terms))
	}
	pos := sc.pos[:len(terms)]
	pos[p.anchor] = i
	if p.ordered {
		m := match{start: i, end: i + n0 - 1, cue: -1}
		for k := p.anchor - 1; k >= 0; k-- {
			found := false
			for j := pos[k+1] - 1; j >= lo && j >= pos[k+1]-1-maxGap && !tokens[j].Is(analyze.Break); j-- {
				if n := terms[k].matches(tokens, sc.tok, j); n > 0 && j+n <= pos[k+1] {
					pos[k], found = j, true
					break
				}
			}
			if !found {
				return match{}, false
			}
			m.start = pos[k]
		}
		next := i + n0
		for k := p.anchor + 1; k < len(terms); k++ {
			found := false
			for j := next; j < hi && j <= next+maxGap && !tokens[j].Is(analyze.Break); j++ {
				if n := terms[k].matches(tokens, sc.tok, j); n > 0 {
					pos[k], next, found = j, j+n, true
					break
				}
			}
			if !found {
				return match{}, false
			}
			m.end = next - 1
		}
		m.n = copy(m.pos[:], pos)
		return m, true
	}
	// An unordered span may run to spanFactor*width tokens, whichever of
	// its terms is the anchor: its terms are looked for that far on
	// either side.
	maxSpan := spanFactor * width
	lo, hi = max(int(c.lo), i-maxSpan), min(int(c.hi), i+maxSpan+1)
	used := sc.used
	clear(used[lo:hi])
	m := match{start: i, end: i + n0 - 1, cue: -1}
	for j := i; j < i+n0; j++ {
		used[j] = true
	}
	negAt := -1
	// Each other term's nearest match on either side of the anchor, no
	// further than width content words away (a match with more is too
	// long anyway); then the side for each that makes the shortest span.
	// The span is then the same whichever term the phrase is anchored
	// on, so editing one trigger (which moves other phrases' anchors)
	// never changes whether another matches.
	if cap(sc.near) < len(terms) {
		sc.near = make([][2]int, len(terms))
	}
	near := sc.near[:len(terms)]
	for k := range terms {
		near[k] = [2]int{-1, -1}
		if k == p.anchor {
			continue
		}
		if terms[k].neg && p.absence && k+1 < len(terms) {
			negAt = k // placed below, in front of the word it negates
			continue
		}
		near[k] = s.nearest(tokens, sc, &terms[k], i, i+n0, lo, hi, width)
		if near[k][0] < 0 && near[k][1] < 0 {
			return match{}, false
		}
	}
	switch s.place(tokens, sc, terms, near, i, i+n0, negAt, p.anchor, maxSpan, pos, &m) {
	case placeTooLong:
		return match{}, false
	case placeShared:
		if !s.greedy(tokens, sc, terms, i, n0, lo, hi, negAt, p.anchor, pos, &m) {
			return match{}, false
		}
	}
	if negAt >= 0 {
		// A sign that is an absence needs its cue right before the word it
		// negates, with only function words between: "haven't felt", "no
		// kicks", "can't pee"; not "no burning pee" or "no reduced kicks",
		// nor "without someone kicking" (the kicking is there). Adverbs
		// may stand between too: "can't even feel", "haven't really felt".
		next := pos[negAt+1]
		cue := -1
		// At most four words between, not counting the insisting ones
		// ("haven't had a single proper kick").
		reach := next - 4
		for j := next - 1; j >= lo && j >= reach; j-- {
			t := tokens[j]
			if t.Is(analyze.Negation) && !used[j] {
				if t.Lemma != "without" {
					cue = j
				}
				break
			}
			if s.insisting[t.Lemma] {
				reach--
				continue
			}
			if t.Flags&analyze.Stop == 0 && !s.adverbs[t.Lemma] || t.Is(analyze.Break) {
				break
			}
		}
		if cue < 0 {
			// The word may hold its own cue: "wasn't_there" in "the
			// heartbeat was not there" took the "not".
			n := terms[negAt+1].matches(tokens, sc.tok, next)
			for j := next; j < next+n && cue < 0; j++ {
				if tokens[j].Is(analyze.Negation) {
					cue = j
				}
			}
		}
		if cue < 0 {
			return match{}, false
		}
		pos[negAt], m.cue = cue, cue
		m.start, m.end = min(m.start, cue), max(m.end, cue)
	}
	content := 0
	for j := m.start; j <= m.end; j++ {
		if tokens[j].Flags&(analyze.Stop|analyze.Break) == 0 {
			content++
		}
	}
	// A sequence is one term, however many words it runs to: "gusto ko
	// na lang mawala" (I just want to disappear) is one word of width.
	for k := range terms {
		if n := terms[k].matches(tokens, sc.tok, pos[k]); n > 1 {
			for j := pos[k] + 1; j < pos[k]+n; j++ {
				if tokens[j].Flags&(analyze.Stop|analyze.Break) == 0 {
					content--
				}
			}
		}
	}
	m.n = copy(m.pos[:], pos)
	return m, content <= width
}

// nearest returns the start of term's nearest match before the anchor
// (ending before from) and after it (starting at or after to), each -1
// when there is none within width content words of the anchor and the
// clause bounds lo and hi.
func (s *Set) nearest(tokens []analyze.Token, sc *scratch, term *term, from, to, lo, hi, width int) [2]int {
	out := [2]int{-1, -1}
	content := 0
	for j := from - 1; j >= lo && content <= width; j-- {
		if n := term.matches(tokens, sc.tok, j); n > 0 && j+n <= from {
			out[0] = j
			break
		}
		if tokens[j].Flags&(analyze.Stop|analyze.Break) == 0 {
			content++
		}
	}
	content = 0
	for j := to; j < hi && content <= width; j++ {
		if n := term.matches(tokens, sc.tok, j); n > 0 && j+n <= hi {
			out[1] = j
			break
		}
		if tokens[j].Flags&(analyze.Stop|analyze.Break) == 0 {
			content++
		}
	}
	return out
}

// placement is what place made of a phrase's terms.
type placement int

const (
	placed       placement = iota
	placeTooLong           // no choice of sides gives a span of at most maxSpan tokens
	placeShared            // the shortest span puts two terms on one word
)

// place chooses, for each term but the anchor (at from..to-1) and the
// absence's cue (negAt), the side of its nearest match (near) that gives
// the shortest span in tokens, and records the positions in pos and the
// span in m. A span longer than maxSpan tokens does not match, whichever
// term the phrase is anchored on.
func (s *Set) place(tokens []analyze.Token, sc *scratch, terms []term, near [][2]int, from, to, negAt, anchor, maxSpan int, pos []int, m *match) placement {
	// The span's left edge is the anchor or some term's left match; for
	// each, terms whose left match lies inside take it, the others their
	// right one, and the shortest span wins.
	bestLeft, bestLen := -1, 0
	for e := -1; e < len(terms); e++ {
		left := from
		if e >= 0 {
			if near[e][0] < 0 || e == anchor || e == negAt {
				continue
			}
			left = near[e][0]
		}
		right, ok := to-1, true
		for k := range terms {
			if k == anchor || k == negAt {
				continue
			}
			switch l, r := near[k][0], near[k][1]; {
			case l >= 0 && l >= left:
				right = max(right, l+terms[k].matches(tokens, sc.tok, l)-1)
			case r >= 0:
				right = max(right, r+terms[k].matches(tokens, sc.tok, r)-1)
			default:
				ok = false
			}
		}
		if ok && (bestLeft < 0 || right-left < bestLen) {
			bestLeft, bestLen = left, right-left
		}
	}
	if bestLeft < 0 || bestLen > maxSpan {
		return placeTooLong // a span of at most maxSpan+1 tokens
	}
	used := sc.used
	for k := range terms {
		if k == anchor || k == negAt {
			continue
		}
		j := near[k][1]
		if l := near[k][0]; l >= 0 && l >= bestLeft {
			j = l
		}
		n := terms[k].matches(tokens, sc.tok, j)
		for x := j; x < j+n; x++ {
			if used[x] {
				return placeShared // two terms on one word: "pain ... pain" needs two
			}
			used[x] = true
		}
		pos[k] = j
		m.start, m.end = min(m.start, j), max(m.end, j+n-1)
	}
	return placed
}

// greedy places each term but the anchor and the absence's cue on its
// nearest match not yet taken, when the shortest span put two terms on
// one word ("pain ... pain"). Its span stays within lo..hi, up to maxSpan
// tokens either side of the anchor, and may depend on the anchor: it is
// the fallback for that rare case only.
func (s *Set) greedy(tokens []analyze.Token, sc *scratch, terms []term, i, n0, lo, hi, negAt, anchor int, pos []int, m *match) bool {
	used := sc.used
	clear(used[lo:hi])
	for j := i; j < i+n0; j++ {
		used[j] = true
	}
	*m = match{start: i, end: i + n0 - 1, cue: -1}
	reach := max(i-lo, hi-i)
	for k := range terms {
		if k == anchor || k == negAt {
			continue
		}
		term := &terms[k]
		best, bestN := -1, 0
		for d := 1; d <= reach && (i-d >= lo || i+d < hi); d++ {
			if j := i - d; j >= lo && !used[j] {
				if n := term.matches(tokens, sc.tok, j); n > 0 && j+n <= hi && !used[j+n-1] {
					best, bestN = j, n
					break
				}
			}
			if j := i + d; j < hi && !used[j] {
				if n := term.matches(tokens, sc.tok, j); n > 0 && j+n <= hi {
					best, bestN = j, n
					break
				}
			}
		}
		if best < 0 {
			return false
		}
		for j := best; j < best+bestN; j++ {
			used[j] = true
		}
		pos[k] = best
		m.start, m.end = min(m.start, best), max(m.end, best+bestN-1)
	}
	return true
}

// term is one term of a phrase, compiled: a negation cue, or
// alternatives, each a lemma, a sequence of lemmas or a number in a range.
type term struct {
	id     int32      // the term's number among the set's distinct terms, from 1; 0 for a negation cue (see scratch.termAt)
	neg    bool       // any negation cue
	words  []int32    // one-word alternatives, by vocab number
	seqs   []sequence // sorted by first lemma
	firsts []int32    // per sequence: its first lemma's vocab number
	ranges [][2]float64
	ids    []int32 // the vocab numbers of its alternatives' first lemmas
	sorted []int32 // ids, sorted, for a term of many alternatives (see matches)
	// lasts holds each sequence's last lemma's vocab number, and onlySeqs
	// says that every alternative is a sequence: such a term can match
	// only in a message that has one of its last lemmas too ("not_the_face"
	// needs a "face", not just a "not"; see mayMatch).
	lasts    []int32
	onlySeqs bool
	// countOnly: the term's bare number is a count, and never takes her
	// weeks ("35 weeks", "27+2"); see countsApart.
	countOnly bool
	// bare: an alternative is a bare number ("#"); weeks: an alternative
	// names weeks ("#_weeks", "wk"). countsApart reads them.
	bare, weeks bool
}

// manyAlternatives is how many first lemmas a term must have more than to
// be worth a sorted look-up before its alternatives are tried one by one.
const manyAlternatives = 8

// compileTerms compiles a phrase's terms once, so that matching a message
// never parses them. Terms that occur in many phrases are compiled once
// (memo; nil for none), and each alternative's first lemma is numbered
// in vocab, for the check that a message has a word for every term.
func compileTerms(terms []string, memo map[string]term, vocab map[string]int32) []term {
	out := make([]term, len(terms))
	for k, t := range terms {
		if c, ok := memo[t]; ok {
			out[k] = c
			continue
		}
		if t == negLemma {
			out[k].neg = true
			continue
		}
		c := &out[k]
		n := strings.Count(t, altSep) + 1
		c.ids = make([]int32, 0, n)
		if !strings.Contains(t, seqSep) {
			c.words = make([]int32, 0, n)
		}
		for alt := range strings.SplitSeq(t, altSep) {
			if alt == analyze.NumberLemma {
				c.bare = true
			}
			for w := range strings.SplitSeq(alt, seqSep) {
				c.weeks = c.weeks || weekWords[w]
			}
			key := firstLemma(alt)
			id, ok := vocab[key]
			if !ok {
				id = int32(len(vocab))
				vocab[key] = id
			}
			if !slices.Contains(c.ids, id) {
				c.ids = append(c.ids, id)
			}
			switch lo, hi, ok := numberRange(alt); {
			case strings.Contains(alt, seqSep):
				q := compileSequence(strings.Split(alt, seqSep), vocab)
				c.seqs = append(c.seqs, q)
				c.firsts = append(c.firsts, id)
				c.lasts = append(c.lasts, q.ids[len(q.ids)-1])
			case ok:
				c.ranges = append(c.ranges, [2]float64{lo, hi})
			default:
				c.words = append(c.words, id)
			}
		}
		if len(c.ids) > manyAlternatives {
			c.sorted = slices.Sorted(slices.Values(c.ids))
		}
		sortSequences(c)
		c.onlySeqs = len(c.seqs) > 0 && len(c.words) == 0 && len(c.ranges) == 0
		if memo != nil {
			c.id = int32(len(memo)) + 1
			memo[t] = *c
		}
	}
	return out
}

// matches reports how many tokens from tokens[j] the term matches: 1 for
// a word, the sequence's length for a sequence (the longest that
// matches), 0 for none.
func (tm *term) matches(tokens []analyze.Token, tok []int32, j int) int {
	t := &tokens[j]
	if tm.neg {
		if t.Is(analyze.Negation) {
			return 1
		}
		return 0
	}
	if t.Flags&analyze.Break != 0 {
		return 0
	}
	if tm.sorted != nil {
		if _, found := slices.BinarySearch(tm.sorted, tok[j]); !found {
			return 0 // no alternative starts with this word
		}
	}
	n := 0
	k := 0
	if len(tm.firsts) > manyAlternatives {
		k, _ = slices.BinarySearch(tm.firsts, tok[j])
	}
	for ; k < len(tm.firsts) && tm.firsts[k] <= tok[j]; k++ {
		if tm.firsts[k] < tok[j] {
			continue
		}
		if q := &tm.seqs[k]; len(q.ids) > n && j+len(q.ids) <= len(tokens) {
			if l := q.at(tokens, tok, j); l > n {
				n = l
			}
		}
	}
	if n > 0 {
		return n
	}
	if slices.Contains(tm.words, tok[j]) {
		if tm.countOnly && t.Lemma == analyze.NumberLemma && (t.Gestation() || j+1 < len(tokens) && weekWords[tokens[j+1].Lemma]) {
			return 0 // her weeks, not a count
		}
		return 1
	}
	if len(tm.ranges) > 0 && t.Lemma == analyze.NumberLemma && !(j+1 < len(tokens) && notReadings[tokens[j+1].Lemma]) {
		if v, err := strconv.ParseFloat(decimalPoint(t.Term), 64); err == nil {
			for _, r := range tm.ranges {
				if v >= r[0] && v <= r[1] {
					return 1
				}
			}
		}
	}
	return 0
}

// decimalPoint writes a decimal comma as a point, as a reading is written
// in much of Europe: "38,6" is 38.6. Only one digit may follow it, as in a
// reading: "39,95" is a price and "10,000" a thousands separator.
func decimalPoint(n string) string {
	i := strings.IndexByte(n, ',')
	if i <= 0 || i > 3 || len(n)-i-1 != 1 {
		return n
	}
	return n[:i] + "." + n[i+1:]
}

// notReadings are the units after a number that make it no reading of
// temperature or blood pressure: "scales reading 100,4 kg", "38,5 hours".
var notReadings = map[string]bool{"kg": true, "kilo": true, "kilos": true, "lb": true, "lbs": true, "pound": true,
	"stone": true, "g": true, "gram": true, "euro": true, "euros": true, "dollar": true, "dollars": true, "hour": true,
	"hours": true, "hr": true, "hrs": true, "minute": true, "minutes": true, "min": true, "mins": true, "cm": true,
	"mm": true, "ml": true, "percent": true, "%": true, "km": true, "mile": true, "miles": true, "step": true, "steps": true}

// mayMatch reports whether the message has a word for each term of p
// besides its anchor (see each), and the last word of one of its
// sequences for a term made only of sequences, the anchor's included;
// most phrases fail this cheap check.
func (sc *scratch) mayMatch(p *phrase) bool {
	for k := range p.match {
		t := &p.match[k]
		if k != int(p.anchor) && len(t.ids) > 0 && !anyPresent(sc.present, t.ids) {
			return false
		}
		if t.onlySeqs && !anyPresent(sc.present, t.lasts) {
			return false
		}
	}
	return true
}

// termAt is what a term matched at one position of one message (see
// scratch.termAt).
type termAt struct {
	gen uint32
	pos int32
	n   int32
}

// anchorAt returns tm.matches at tokens[i], matching each term once per
// position of a message.
func (sc *scratch) anchorAt(tokens []analyze.Token, tm *term, i int) int {
	if tm.id == 0 || int(tm.id) >= len(sc.termAt) {
		return tm.matches(tokens, sc.tok, i)
	}
	c := &sc.termAt[tm.id]
	if c.gen != sc.gen || c.pos != int32(i) {
		*c = termAt{sc.gen, int32(i), int32(tm.matches(tokens, sc.tok, i))}
	}
	return int(c.n)
}

// anyPresent reports whether any of ids is present.
func anyPresent(present []bool, ids []int32) bool {
	for _, id := range ids {
		if present[id] {
			return true
		}
	}
	return false
}

// sequence is one alternative of several words ("non_stop",
// "can't_feel"), compiled.
type sequence struct {
	ids []int32 // each word's lemma, by vocab number
	// afterCue has bit n set when word n-1 is a negation cue: an "even"
	// may stand before word n (see at).
	afterCue uint64
	// answered has bit n set when word n is a bare answer ("none",
	// "no", "nil"): a checklist may put a colon, a dash or a question
	// mark before it ("kicks: none", "baby movements? none since lunch").
	answered uint64
}

// compileSequence numbers each of seq's lemmas in vocab.
func compileSequence(seq []string, vocab map[string]int32) sequence {
	q := sequence{ids: make([]int32, len(seq))}
	for n, part := range seq {
		id, ok := vocab[part]
		if !ok {
			id = int32(len(vocab))
			vocab[part] = id
		}
		q.ids[n] = id
		if n > 0 && n < 64 && analyze.IsNegation(seq[n-1]) {
			q.afterCue |= 1 << n
		}
		if n > 0 && n < 64 && bareAnswers[part] {
			q.answered |= 1 << n
		}
	}
	return q
}

// sortSequences orders c's sequences by their first lemma's number, for
// the binary search in matches.
func sortSequences(c *term) {
	order := make([]int, len(c.seqs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return int(c.firsts[a]) - int(c.firsts[b]) })
	seqs, firsts := make([]sequence, len(order)), make([]int32, len(order))
	for i, o := range order {
		seqs[i], firsts[i] = c.seqs[o], c.firsts[o]
	}
	c.seqs, c.firsts = seqs, firsts
}

// at returns how many tokens from tokens[j] the sequence's lemmas stand
// in, or 0 if they do not; tok holds each token's vocab number. An "even"
// right after a negation is passed over: "can't even straighten up" is
// "can't straighten up".
func (q *sequence) at(tokens []analyze.Token, tok []int32, j int) int {
	k := j
	for n, id := range q.ids {
		if k >= len(tokens) {
			return 0
		}
		if tok[k] != id {
			switch next := k+1 < len(tokens) && tok[k+1] == id; {
			case next && q.afterCue&(1<<n) != 0 && tokens[k].Lemma == "even":
			case next && q.answered&(1<<n) != 0 && labelBreak(tokens[k]) && asLabel(tokens, j) && answerEnds(tokens, k+2):
			default:
				return 0
			}
			k++
		}
		k++
	}
	return k - j
}

// labelBreak reports whether t may stand between a checklist's label and
// its answer: a colon, a dash or a question mark, not a full stop.
func labelBreak(t analyze.Token) bool {
	return t.Is(analyze.Break) && (t.Is(analyze.Weak) || t.Is(analyze.Question))
}

// asLabel reports whether the words from tokens[j] stand as a checklist's
// label: at the start of the message or of a clause, or after the baby or
// an article ("baby movements? none"); not after a word that qualifies
// them ("reduced movements? no" denies the sign).
func asLabel(tokens []analyze.Token, j int) bool {
	if j == 0 || tokens[j-1].Is(analyze.Break) {
		return true
	}
	switch tokens[j-1].Lemma {
	case "baby", "bub", "bubs", "lo", "her", "his", "the", "any", "fetal", "foetal":
		return true
	}
	return false
}

// answerEnds reports whether a checklist's answer ends before
// tokens[j]: its clause ends there, or a time follows ("none since
// lunch", "none today"). "kicks? no idea how many" answers nothing.
func answerEnds(tokens []analyze.Token, j int) bool {
	if j >= len(tokens) || tokens[j].Is(analyze.Break) {
		return true
	}
	switch tokens[j].Lemma {
	case "since", "today", "tonight", "all", "at", "for", "yet", "this", "in", "felt", "now":
		return true
	}
	return false
}

// numberRange parses a range term: "#37.8-43" is 37.8 to 43.
func numberRange(term string) (lo, hi float64, ok bool) {
	a, b, found := strings.Cut(strings.TrimPrefix(term, analyze.NumberLemma), "-")
	if !found {
		return 0, 0, false
	}
	lo, err1 := strconv.ParseFloat(a, 64)
	hi, err2 := strconv.ParseFloat(b, 64)
	return lo, hi, err1 == nil && err2 == nil && lo <= hi
}

// isClauseEnd reports whether t ends a clause: a full stop, a question
// mark, a line break. Commas and dashes do not.
func isClauseEnd(t analyze.Token) bool { return t.Is(analyze.Break) && !t.Is(analyze.Weak) }

// Verdict says what became of one trigger match.
type Verdict int

// Verdicts, in the order they are checked.
const (
	Fired         Verdict = iota
	NegatedBefore         // a cue before it ("no bleeding")
	NegatedList           // an item of a negated list ("no fever, bleeding or leaking")
	NegatedInside         // a cue inside it ("the pain is not sudden")
	NegatedAfter          // a bare "no" answers it ("bleeding? no")
	Cancelled             // an "unless" pattern overlaps it
	SomeoneElse           // it is about someone else ("my husband's got a fever")
	Settled               // it is settled history ("fell last month, checked, all fine")
	Partial               // one part of a " & " trigger, whose other parts are not in its sentence
	Asked                 // it is asked about, not reported ("what counts as reduced movements?")
	Averted               // a near miss told with its save ("slipped but caught myself")
	Explained             // explained by what stands before it ("the roof is leaking, water everywhere")
	Earlier               // a history pattern overlaps it: her own, before this pregnancy ("after my miscarriage last year")
	AtTerm                // a preterm trigger's match at term, early or after the birth ("39+4, period-type aches", "6+2 and period-like cramps", "10 weeks pp")
	TooEarly              // a sign that counts from 20 weeks, her weeks told as under 20 and no change told ("16 weeks, haven't felt the baby move yet")
	AfterBirth            // a sign of the pregnancy itself, or lochia, after she has had her baby ("LO kicked me right on the scar, 3 weeks pp")
	Show                  // mucus tinged pink or brown at term or after a sweep, nothing fresh ("pinkish mucus after my sweep")
	EarlyLabour           // at term, tightenings told as irregular and far apart ("37+5, 10 min apart then 40 min then nothing for ages")
)

func (v Verdict) String() string {
	return [...]string{"fired", "negated by a cue before it", "negated as an item of a negated list",
		"negated by a cue inside it", "negated by an answer after it", "cancelled by an unless pattern",
		"about someone else", "settled history", "waiting for the other parts of its trigger", "asked about, not reported",
		"averted: a near miss with its save", "explained by what stands before it", "her own history, before this pregnancy",
		"at term, early or after the birth (her weeks 37 or more, under 20, or a time since the birth), when it is no sign",
		"before 20 weeks, when it is no sign", "after the birth, when a sign of the pregnancy itself, or lochia, is none",
		"a show at term or after a sweep: mucus tinged pink or brown, nothing fresh",
		"at term, tightenings told as irregular and far apart: labour not yet under way"}[v]
}

func (s *Set) verdict(tokens []analyze.Token, sc *scratch, p *phrase, m match) Verdict {
	if !p.firm {
		if k := s.cancelled(tokens, sc, p.rule, m.start, m.end, s.writtenForHer(tokens, p, m)); k >= 0 {
			if from := s.historyFrom[p.rule]; int32(k) >= from {
				if sc.explain {
					sc.why = append(sc.why, "history "+strconv.Quote(s.histories[p.rule][int32(k)-from]))
				}
				return Earlier
			}
			return Cancelled
		}
	}
	return s.judge(tokens, sc, p, m)
}

// judge is verdict without the unless patterns.
func (s *Set) judge(tokens []analyze.Token, sc *scratch, p *phrase, m match) Verdict {
	if s.selfOnly[p.rule] && s.someoneElse(tokens, sc, m) && !s.writesForHer(tokens, p, m) ||
		s.herBody(tokens, p, m) || s.agents[p.rule] && s.carerActs(tokens, m) || s.onScreen(tokens, m) {
		return SomeoneElse
	}
	if soundsHeard(tokens, m) {
		return SomeoneElse // "that fall sounds so scary": another member's, as she heard it
	}
	if s.selfOnly[p.rule] && !s.from20[p.rule] && s.personActed(tokens, sc, m) && !s.writesForHer(tokens, p, m) {
		return SomeoneElse // "nursery rang, he fell over in the playground": the baby moves, but falls and faints are another's
	}
	if s.selfOnly[p.rule] && s.writersOwn(tokens, m) && s.writerNotPregnant(tokens, sc) {
		return SomeoneElse // "I'm the friend, not pregnant lol. I fainted at her baby shower"
	}
	if s.likenedAbuser(tokens, m) {
		return SomeoneElse // "baby kicking me in the kidneys like his brother used to"
	}
	if s.reports[p.rule] && unlikeBefore(tokens, m.start) {
		return NegatedBefore // "nothing like when my waters went": what this is not
	}
	if p.preterm && s.pretermOff(tokens) {
		return AtTerm
	}
	if !p.firm && s.hasPreterm[p.rule] && s.earlyLabour(tokens, sc) {
		return EarlyLabour
	}
	if (s.beforeBirth[p.rule] || s.lochia[p.rule] && !freshBleed(tokens)) && analyze.Born(tokens) {
		return AfterBirth
	}
	if s.show[p.rule] && showOnly(tokens) && (s.atTerm(tokens) || sweptTold(tokens) && !s.pretermTold(tokens)) {
		return Show
	}
	if s.from20[p.rule] && !changeTold(tokens) {
		if _, early := s.herWeeks(tokens); early {
			return TooEarly
		}
		// Movements not felt "yet" have not begun: a sign only from 24
		// weeks ("21w, no movement felt yet"; "26 weeks and still no kicks
		// yet" is one).
		if _, early := s.herWeeksBelow(tokens, notYetWeeks); early && yetIn(tokens, m) {
			return TooEarly
		}
	}
	// Abuse long over stays over only while nothing tells it goes on.
	if past, at := s.pastIn(tokens, sc, p.rule, m); past && !(s.agents[p.rule] && s.abuseGoesOn(tokens, sc, m, at)) && !agoRecently(tokens, m) {
		return Settled
	}
	if !p.firm && s.explainedIn(tokens, sc, p.rule, m) {
		return Explained
	}
	if p.parts == 0 && s.averted(tokens, sc, p.rule, m, -1, false) {
		// A part of a " & " trigger is never averted: in "slipped,
		// grabbed the counter but went down anyway" its other part
		// tells the fall.
		return Averted
	}
	if scoreFell(tokens, m) {
		return NegatedInside // "pain went from a 7 to a 4 after the bath"
	}
	// "not bleeding a lot": a quantity after it means some is present.
	if p.absence || !s.hedgedAfter(tokens, m.end) {
		if !p.count && !p.sibling {
			if v := s.negated(tokens, m, p.absence, p.ownCue); v != Fired && (v != NegatedBefore || !p.reading || s.readingDenied(tokens, m.start)) &&
				!(v == NegatedAfter && !s.reports[p.rule] && m.spans(tokens, isNearly)) {
				// A crisis nearly acted on is one whatever answer follows
				// it: "last night I nearly took all my pills. I didn't."
				return v
			}
		}
	}
	if s.reports[p.rule] && !p.absence && s.fineAfter(tokens, m.end) {
		return NegatedAfter // "face and hands fine, no headache"
	}
	if s.reports[p.rule] {
		if s.settled(tokens, sc, m) || s.reassurance(tokens, sc, m) {
			return Settled
		}
		if s.askedAbout(tokens, sc, p.rule, m) {
			return Asked
		}
	}
	return Fired
}

// negated returns how a match is negated, or Fired if it is not. An
// absence ("wish I wasn't here", "no kicks") carries its own cue, so an
// earlier list's cue does not reach it: "can't stop crying, wish I wasn't
// here".
func (s *Set) negated(tokens []analyze.Token, m match, absence, ownCue bool) Verdict {
	// A contrast right after the sign sets it against what came before:
	// "no fever, bleeding though", "no pain bleeding tho" keep the sign;
	// "no bleeding though" is still denied.
	contrast := contrastAfter(tokens, m.end) && !cueRightBefore(tokens, m.start)
	// An absence carries its own cue: another before it is double only
	// right against it ("he's never not moving"); further back it belongs
	// to a clause of its own ("cant sleep bean not moving like usual"). So
	// does a sign matched with a cue in its own words: "nothing helps cant
	// even stand" (not "no saddle numbness", matched by the plain word of
	// a term that also holds "can't_feel").
	cued := ownCue && slices.ContainsFunc(tokens[m.start:m.end+1], func(t analyze.Token) bool { return t.Is(analyze.Negation) })
	// "Never ... till tonight" tells when it began: "never had a single
	// tightening all pregnancy till tonight and now they're regular".
	contrast = contrast || untilNow(tokens, m.end)
	if !contrast && (!absence && !cued || cueRightBefore(tokens, m.start)) && s.negatedBefore(tokens, m.start) {
		return NegatedBefore
	}
	if !contrast && !absence && !ownCue && s.negatedList(tokens, m.start, m.end) {
		// Not a sign told with its own cue: "nothing for hours, not even
		// hiccups" is the absence itself, not an item of the list.
		return NegatedList
	}
	for j := m.start + 1; j < m.end && !ownCue; j++ {
		// A cue inside the match negates it, unless it is a hedge ("not
		// sure"); a cue that negates one of the sign's own words always
		// does ("he hasn't stopped moving").
		if j == m.cue || m.holds(j) || !tokens[j].Is(analyze.Negation) || wishedUndone(tokens, j) {
			continue
		}
		if absence {
			// An absence carries its own cue; another inside it tells
			// more of the same: "I wish I wasn't pregnant and wasn't
			// alive".
			continue
		}
		if !s.hedged(tokens, j) || m.holds(j+1) || m.holds(j+2) {
			return NegatedInside
		}
	}
	// A sign told with its own cue is not answered by another: in "nothing
	// touches it, paracetamol, bath, nothing" the last "nothing" says it
	// again.
	if !ownCue && ((s.answeredNo(tokens, m.end) || itemAnswered(tokens, m.end)) && !toldAsHers(tokens, m) && !triedFirst(tokens, m.start) || s.askedOfHerNo(tokens, m) || slices.ContainsFunc(m.pos[:m.n], func(j int) bool { return freeOf(tokens, j) })) || retracted(tokens, m.end) {
		return NegatedAfter
	}
	return Fired
}

// earlyLabour reports, once per message, whether she is at term and
// times her tightenings as irregular (see atTerm and irregularTimes).
func (s *Set) earlyLabour(tokens []analyze.Token, sc *scratch) bool {
	return sc.early.get(func() bool { return s.atTerm(tokens) && irregularTimes(tokens) })
}

// onceBool is a yes or no read at most once per message: 0 not yet
// known, 1 no, 2 yes.
type onceBool int8

// get returns the answer, reading it first when it is not yet known.
func (b *onceBool) get(read func() bool) bool {
	if *b == 0 {
		*b = 1
		if read() {
			*b = 2
		}
	}
	return *b == 2
}

// irregularTimes reports whether the message times tightenings as
// irregular and far apart: two gaps or more in minutes, each told as a gap
// ("every 10 mins then 20 mins then nothing", "10 min apart then 40 min",
// "8 min, 20 min, 12 min", "20-40 min apart"), not closing in (never "20,
// 15, 10 minutes"), none under minGap, and nothing told as a sign of labour
// under way: regular, closer, stronger, worse, painful, constant, "now",
// "can't talk through them", a count in a span ("3 in 10 minutes"). At
// term that is labour not yet under way (the knowledge base's sources:
// contractions that are regular and painful).
func irregularTimes(tokens []analyze.Token) bool {
	type told struct {
		at, unit int // the number and its unit
		gap      float64
		asGap    bool // told as a gap by the words around it
	}
	var times []told
	for j, t := range tokens {
		switch l := t.Lemma; {
		case l == analyze.NumberLemma:
			k := j + 1
			for k < len(tokens) && tokens[k].Lemma == analyze.NumberLemma {
				k++ // "20-40 min": both ends
			}
			if k >= len(tokens) || !minuteWords[tokens[k].Lemma] {
				if k < len(tokens) && tokens[k].Lemma == "in" {
					return false // "3 in 10 minutes": counted in a span, labour's measure
				}
				if n, ok := number(t); ok && j > 0 && tokens[j-1].Lemma == "every" {
					times = append(times, told{j, j, float64(n), true}) // "today every 4": a gap, its unit left out
				}
				continue
			}
			if j > 0 && spanWords[tokens[j-1].Lemma] || k+1 < len(tokens) && (tokens[k+1].Lemma == "ago" || tokens[k+1].Lemma == "away") {
				continue // "for 45 minutes", "lasting 60", "40 mins ago", "40 mins away"
			}
			if n, ok := number(t); ok {
				asGap := j > 0 && gapWords[tokens[j-1].Lemma] || k+1 < len(tokens) && tokens[k+1].Lemma == "apart"
				times = append(times, told{j, k, float64(n), asGap})
			}
		case l == "then" && j+1 < len(tokens) && stopsAfter(tokens, j+1):
			times = append(times, told{j, j, math.Inf(1), true}) // "then nothing for ages"
		case underWay[l] || l == "talk" && negationWithin(tokens, j-1, 1):
			if !negationWithin(tokens, j-1, 2) || l == "talk" {
				return false
			}
		}
	}
	// A time is a gap when told as one, or listed right beside another
	// ("8 min, 20 min, 12 min").
	var gaps []float64
	for i, t := range times {
		if t.asGap || i > 0 && t.at-times[i-1].unit <= 3 || i+1 < len(times) && times[i+1].at-t.unit <= 3 {
			gaps = append(gaps, t.gap)
		}
	}
	if len(gaps) < 2 {
		return false
	}
	closing, least, most := true, math.Inf(1), 0.0
	for i, g := range gaps {
		if i > 0 && g >= gaps[i-1] {
			closing = false
		}
		least = min(least, g)
		if !math.IsInf(g, 1) {
			most = max(most, g)
		}
	}
	return !closing && least >= minGap && (math.IsInf(gaps[len(gaps)-1], 1) || most >= 1.5*least)
}

// stopsAfter reports whether tightenings stop at tokens[j], after
// "then": "then nothing", "then none", "then (just) stopped".
func stopsAfter(tokens []analyze.Token, j int) bool {
	if tokens[j].Lemma == "just" && j+1 < len(tokens) {
		j++
	}
	l := tokens[j].Lemma
	return l == "nothing" || l == "none" || l == "stop"
}

// minGap is the shortest gap in minutes between tightenings that
// irregularTimes lets pass at term: under seven minutes apart, labour may
// be under way.
const minGap = 7

// The words irregularTimes reads: units of a gap, the words that tell a
// number as a gap ("every", "then"), or as a length or a distance
// ("for 45 minutes", "lasting 60"), and the words of labour under way.
var (
	minuteWords = map[string]bool{"minute": true, "min": true, "mins": true}
	gapWords    = map[string]bool{"every": true, "then": true, "apart": true}
	spanWords   = map[string]bool{"for": true, "last": true, "lasting": true, "lasts": true, "lasted": true}
	underWay    = map[string]bool{"regular": true, "regularly": true, "closer": true, "stronger": true, "strong": true,
		"worse": true, "painful": true, "constant": true, "now": true, "intense": true, "hurt": true, "agony": true, "today": true}
)

// freshBleed reports whether the message tells bleeding after the birth
// as more than lochia: red, fresh, heavy, with clots, worse, more, or
// back again ("it's come back", "started again").
func freshBleed(tokens []analyze.Token) bool {
	for j, t := range tokens {
		if freshWords[t.Lemma] && !negationWithin(tokens, j, 2) || t.Lemma == "come" && j+1 < len(tokens) && tokens[j+1].Lemma == "back" {
			return true // never "no clots"
		}
		if growWords[t.Lemma] && bleedBefore(tokens, j) && !feltBefore(tokens, j) && !(t.Lemma == "more" && j+1 < len(tokens) && paler[tokens[j+1].Lemma]) {
			return true // never "now more brownish and lighter"
		}
	}
	return false
}

// bleedBefore reports whether a word of bleeding stands in the sentence
// of tokens[j]: "bleeding again", "lochia got worse", "worse bleeding
// today", "bleeding was nearly gone but today there's much more"; not
// "lochia nearly stopped. starting to feel human again".
func bleedBefore(tokens []analyze.Token, j int) bool {
	for k := j - 1; k >= 0 && !isClauseEnd(tokens[k]); k-- {
		if bleedWords[tokens[k].Lemma] {
			return true
		}
	}
	for k := j + 1; k < len(tokens) && !isClauseEnd(tokens[k]); k++ {
		if bleedWords[tokens[k].Lemma] && tokens[k].Lemma != "it" {
			return true
		}
	}
	return false
}

// feltBefore reports whether the word at tokens[j] tells how she feels:
// "feel" stands within three words before it in its clause ("feel human
// again", "feeling more like me"), or "to feel" right after it ("starting
// to feel").
func feltBefore(tokens []analyze.Token, j int) bool {
	for k := j - 1; k >= 0 && k >= j-3 && !tokens[k].Is(analyze.Break); k-- {
		if tokens[k].Lemma == "feel" {
			return true
		}
	}
	// "starting to feel human again"; not "got worse and I feel dizzy".
	return j+2 < len(tokens) && tokens[j+1].Lemma == "to" && tokens[j+2].Lemma == "feel"
}

// paler, after "more", tell lochia turning as it should: "more brownish
// and lighter", "more watery".
var paler = map[string]bool{"brown": true, "brownish": true, "pink": true, "pinkish": true, "watery": true, "light": true,
	"lighter": true, "yellow": true, "yellowish": true, "creamy": true, "pale": true}

// growWords tell bleeding after the birth grown again, beside a word of
// bleeding (see bleedBefore); bleedWords are those words.
var (
	growWords  = map[string]bool{"again": true, "worse": true, "more": true, "increase": true, "increased": true, "start": true, "restart": true, "return": true, "returned": true}
	bleedWords = map[string]bool{"bleed": true, "bleeding": true, "blood": true, "lochia": true, "spotting": true, "spot": true, "it": true, "discharge": true, "loss": true, "losses": true}
)

// freshWords tell bleeding after the birth that is more than lochia.
var freshWords = map[string]bool{"red": true, "bright": true, "fresh": true, "heavy": true, "heavier": true,
	"clot": true, "clots": true, "soak": true, "soaked": true, "soaking": true, "gush": true,
	"pour": true, "pouring": true, "flood": true, "flooding": true, "blood": true, "smell": true}

// showOnly reports whether the message tells mucus tinged pink or brown
// (a show, the plug), the mucus undenied, and nothing fresh: no red,
// bleeding, a period's flow, pads, clots or more that no cue denies
// ("nothing fresh or red" is none).
func showOnly(tokens []analyze.Token) bool {
	mucus, tinge := false, false
	for j, t := range tokens {
		switch {
		case showWords[t.Lemma] && !negationWithin(tokens, j, 3):
			mucus = true
		case tinges[t.Lemma]:
			tinge = true
		case showFresh[t.Lemma] && !negationWithin(tokens, j, 3) && !tingeOrPain(tokens, j) && !seenOn(tokens, j) && !morePlug(tokens, j):
			return false
		}
	}
	return mucus && tinge
}

// seenOn reports whether the pad at tokens[j] only says where the mucus
// was seen: "a bit of brownish mucus on the pad, not much" (never "soaked
// a pad", "needing pads").
func seenOn(tokens []analyze.Token, j int) bool {
	l := tokens[j].Lemma
	return (l == "pad" || l == "pads") && j > 1 && tokens[j-1].Lemma == "the" && (tokens[j-2].Lemma == "on" || tokens[j-2].Lemma == "in")
}

// morePlug reports whether the "more" at tokens[j] is more of the plug,
// not more blood: "lost more of the plug this morning".
func morePlug(tokens []analyze.Token, j int) bool {
	if tokens[j].Lemma != "more" || j+1 >= len(tokens) || tokens[j+1].Lemma != "of" {
		return false
	}
	for k := j + 2; k < len(tokens) && k <= j+4; k++ {
		if showWords[tokens[k].Lemma] {
			return true
		}
	}
	return false
}

// tingeOrPain reports whether the word at tokens[j] only colours mucus or
// names a pain: "blood tinged", "period type pains" tell no flow.
func tingeOrPain(tokens []analyze.Token, j int) bool {
	if j+1 >= len(tokens) {
		return false
	}
	next := tokens[j+1].Lemma
	switch tokens[j].Lemma {
	case "blood":
		return next == "tinged" || next == "tinge" || next == "streaked"
	case "period":
		return next == "type" || next == "pain" || next == "pains" || next == "like" || next == "cramp" || next == "cramps" || next == "ache"
	}
	return false
}

// tinges are a show's colours.
var tinges = map[string]bool{"pink": true, "pinkish": true, "pinky": true, "brown": true, "brownish": true, "tinged": true,
	"tinge": true}

// showWords tell a show: the mucus plug, a jelly, the show itself.
var showWords = map[string]bool{"mucus": true, "mucusy": true, "plug": true, "show": true, "jelly": true, "jelly-like": true}

// showFresh tell more than a show.
var showFresh = map[string]bool{"red": true, "bright": true, "fresh": true, "heavy": true, "heavily": true, "clot": true,
	"clots": true, "soak": true, "soaked": true, "soaking": true, "pour": true, "pouring": true, "flow": true, "flowing": true,
	"gush": true, "gushing": true, "running": true, "loads": true, "lots": true, "blood": true, "bloody": true,
	"streak": true, "streaks": true, "streaky": true, // "bloody show", "pinky streaky stuff" are told as bleeding
	"bleed": true, "bleeding": true, "bled": true, "period": true, "pad": true, "pads": true, "more": true, "again": true,
	"heavier": true, "lumps": true, "lump": true, "dripping": true}

// sweptTold reports whether the message tells a sweep or an internal
// examination she has had, after which a show is expected; never "I
// haven't had a sweep".
func sweptTold(tokens []analyze.Token) bool {
	for j, t := range tokens {
		switch t.Lemma {
		case "sweep", "internal":
			if !negationWithin(tokens, j, 3) {
				return true
			}
		}
	}
	return false
}

// pretermTold reports whether the message gives her weeks today as under
// 37 (see herWeeks): a show then may be preterm labour.
func (s *Set) pretermTold(tokens []analyze.Token) bool {
	for j, t := range tokens {
		weeks := -1
		switch {
		case t.Gestation():
			w, _, _ := strings.Cut(t.Term, "+")
			weeks, _ = strconv.Atoi(w)
		case t.Lemma == analyze.NumberLemma && j+1 < len(tokens) && s.weeks[tokens[j+1].Lemma]:
			weeks, _ = strconv.Atoi(t.Term)
		case t.Lemma == analyze.NumberLemma && j+1 < len(tokens) && (tokens[j+1].Lemma == "month" || tokens[j+1].Lemma == "months"):
			if n, err := strconv.Atoi(t.Term); err == nil && n >= 5 && n <= 8 {
				return true // "8 months pregnant"
			}
		}
		if weeks >= 20 && weeks < 37 {
			return true
		}
	}
	return false
}

// untilNow reports whether "till" or "until" and a time of today follow
// the sign in its clause, so that a cue before it tells how long it was
// absent, not that it is: "never had a tightening till tonight".
func untilNow(tokens []analyze.Token, end int) bool {
	for j := end + 1; j+1 < len(tokens) && j <= end+maxUntilGap && !isClauseEnd(tokens[j]); j++ {
		switch tokens[j].Lemma {
		case "till", "until", "til", "untill":
			if tokens[j+1].Lemma == "this" {
				// "till this morning", never "until this point" or "till
				// this pregnancy"
				return j+2 < len(tokens) && dayParts[tokens[j+2].Lemma]
			}
			return nowTimes[tokens[j+1].Lemma]
		}
	}
	return false
}

// maxUntilGap is how many words may stand between a sign and its "till
// tonight".
const maxUntilGap = 5

// nowTimes name a time of today or just before it.
// Not "now": "no bleeding till now" is none so far.
var nowTimes = map[string]bool{"tonight": true, "today": true, "yesterday": true, "this": true,
	"earlier": true, "recently": true, "lately": true}

// dayParts after "this" make a time of today: "till this morning".
var dayParts = map[string]bool{"morning": true, "afternoon": true, "evening": true, "week": true, "weekend": true}

// fineAfter reports whether the sign's word at tokens[end], with at most
// two more words joined by "and" or "or", is said to be well right after
// it, and the clause goes no further: "face and hands fine,", "BP fine.";
// never "hands fine?" nor "is ... normal", which ask.
func (s *Set) fineAfter(tokens []analyze.Token, end int) bool {
	lo := end
	for lo > 0 && !tokens[lo-1].Is(analyze.Break) {
		lo--
	}
	if askOpeners[tokens[lo].Lemma] {
		return false // "is back pain from being shoved into a counter normal"
	}
	words := 0
	for j := end + 1; j < len(tokens) && j <= end+5; j++ {
		t := tokens[j]
		switch {
		case wellNow[t.Lemma] && tokens[j-1].Lemma == "my":
			return false // "way under my normal": her normal, compared with
		case wellNow[t.Lemma]:
			return j+1 >= len(tokens) || tokens[j+1].Is(analyze.Break) && !tokens[j+1].Is(analyze.Question)
		case t.Is(analyze.Break) || t.Is(analyze.Negation) || comparing[t.Lemma]:
			return false // "moving less than normal", "quiet compared to normal"
		case t.Lemma == "and" || t.Lemma == "or" || t.Lemma == "my" || t.Lemma == "be" || t.Lemma == "both" || t.Lemma == "all":
			continue
		}
		if words++; words > 2 {
			return false
		}
	}
	return false
}

// askOpeners open a yes-no question: "is it normal", "does that sound ok".
var askOpeners = map[string]bool{"be": true, "is": true, "are": true, "do": true, "does": true, "can": true, "could": true,
	"should": true, "would": true, "will": true}

// wellNow are the words that say, right after a sign's word, that it is
// well ("hands fine"); comparing words make them a yardstick instead
// ("less than normal").
var (
	wellNow   = map[string]bool{"fine": true, "ok": true, "okay": true, "normal": true, "intact": true, "negative": true}
	comparing = map[string]bool{"than": true, "compare": true, "compared": true, "to": true, "as": true, "like": true,
		"from": true, "usual": true, "before": true, "less": true, "more": true, "fewer": true}
)

// freeOf reports whether "free" right after the sign's word at
// tokens[end] says she is without it: "headache free for the first time
// in weeks", "bleeding-free since Sunday", "fever free now". Not
// "free-flowing": what follows must close it or tell since when.
func freeOf(tokens []analyze.Token, end int) bool {
	j := end + 1
	if j >= len(tokens) || tokens[j].Lemma != "free" {
		return false
	}
	if j+1 >= len(tokens) || tokens[j+1].Is(analyze.Break) {
		return true
	}
	switch tokens[j+1].Lemma {
	case "for", "since", "now", "today", "all", "at", "so", "thankfully", "luckily", "still", "and", "but":
		return true
	}
	return false
}

// retracted reports whether the words after a sign take it back: "the
// office thought my waters broke (they didn't)", "I swore I was bleeding,
// it wasn't".
func retracted(tokens []analyze.Token, end int) bool {
	k := end + 1
	// Breaks, a laugh and a "but" may come first: "feel like contractions
	// lol but they're definitely not".
	laughed := false
	for k < len(tokens) && k <= end+4 && (tokens[k].Is(analyze.Break) || laughs[tokens[k].Lemma] || tokens[k].Lemma == "but") {
		laughed = laughed || laughs[tokens[k].Lemma]
		k++
	}
	// Laughed off as another sense: "contractions at work lol, not those
	// ones, my company..."; never "not the spotting kind", which names a
	// kind of the sign, "not the ones from last week", nor "having
	// contractions, not those ones, proper ones this time".
	if laughed && k+2 < len(tokens) && tokens[k].Lemma == "not" && pointers[tokens[k+1].Lemma] && kinds[tokens[k+2].Lemma] &&
		(k+3 >= len(tokens) || tokens[k+3].Is(analyze.Break)) {
		return true
	}
	if k < len(tokens) && k <= end+3 && joke(tokens, k) {
		return true // "I'm in labour... jk 😂"
	}
	// The joke may follow the rest of the sentence that tells the sign:
	// "i bled through my jeans... jk its red paint".
	for j := end + 1; j < len(tokens) && j <= end+maxJokeTail; j++ {
		if tokens[j].Is(analyze.Break) {
			for j < len(tokens) && (tokens[j].Is(analyze.Break) || laughs[tokens[j].Lemma]) {
				j++
			}
			if j < len(tokens) && (joke(tokens, j) || meantSpill(tokens, j)) {
				return true
			}
			break
		}
	}
	if k+2 >= len(tokens) {
		return false
	}
	switch tokens[k].Lemma {
	case "they", "it", "she", "i":
	default:
		return false
	}
	switch tokens[k+1].Lemma {
	case "do", "have", "be":
	default:
		return false
	}
	k += 2
	if certainly[tokens[k].Lemma] && k+1 < len(tokens) {
		k++ // "they're definitely not"
	}
	// The denial must stand bare: it ends there, or a laugh or a new
	// clause of her own follows ("everyone thought my waters had gone
	// haha they hadn't I'm only twenty weeks"); never "they haven't
	// stopped", which tells more of the sign.
	return tokens[k].Is(analyze.Negation) && (k+1 >= len(tokens) || tokens[k+1].Is(analyze.Break) || laughs[tokens[k+1].Lemma] ||
		bareDenialEnds[tokens[k+1].Lemma] || herselfAfter(tokens, k+1))
}

// bareDenialEnds open a new clause right after a bare denial: "it wasn't
// thank god", "they hadn't anyway".
var bareDenialEnds = map[string]bool{"anyway": true, "thank": true, "thankfully": true, "phew": true, "luckily": true}

// herselfAfter reports whether tokens[j:] open a clause about how she is,
// which a bare denial before it ends: "they hadn't I'm only twenty
// weeks", "it wasn't i'm fine". Never "it isn't I think from sex" nor
// "it isn't I'm sure", which deny a cause, not the sign.
func herselfAfter(tokens []analyze.Token, j int) bool {
	if j+2 >= len(tokens) || tokens[j].Lemma != "i" || tokens[j+1].Lemma != "be" {
		return false
	}
	switch tokens[j+2].Lemma {
	case "only", "just", "fine", "ok", "okay":
		return true
	}
	return false
}

// jokes take back what was just said: "I'm in labour... jk".
var jokes = map[string]bool{"jk": true, "jkjk": true, "kidding": true, "joking": true, "jokes": true, "psych": true}

// maxJokeTail is how many words after a sign its sentence may go on
// before a joke that takes it back (see retracted).
const maxJokeTail = 6

// joke reports whether tokens[k] takes back what was said: a word of
// jokes, not "jokes aside".
func joke(tokens []analyze.Token, k int) bool {
	return jokes[tokens[k].Lemma] && (k+1 >= len(tokens) || tokens[k+1].Lemma != "aside")
}

// meantSpill reports whether tokens[j] opens a correction that turns the
// sign into a spill or an animal's: "broke my waters... i mean knocked a
// full glass of water all over the bed", "waters broke at 2am!! ...the
// cat's, i mean". A measure is no correction: "bleeding... i mean like a
// few drops", "i mean it filled half a cup".
func meantSpill(tokens []analyze.Token, j int) bool {
	switch {
	case j+4 < len(tokens) && tokens[j].Lemma == "the" && animals[tokens[j+1].Lemma] && tokens[j+2].Is(analyze.Break) &&
		tokens[j+3].Lemma == "i" && tokens[j+4].Lemma == "mean":
		return true // "...the cat's, i mean"
	case j+1 < len(tokens) && tokens[j].Lemma == "i" && tokens[j+1].Lemma == "mean":
		for k := j + 2; k < len(tokens) && k <= j+6 && !isClauseEnd(tokens[k]); k++ {
			if spillVerbs[tokens[k].Lemma] || animals[tokens[k].Lemma] {
				return true
			}
		}
	}
	return false
}

// spillVerbs and animals are what a correction names instead of the sign:
// a spill, or an animal whose it was.
var (
	spillVerbs = map[string]bool{"knock": true, "spill": true, "spilt": true, "tip": true}
	animals    = map[string]bool{"cat": true, "dog": true, "cow": true, "horse": true, "sheep": true, "ewe": true, "goat": true,
		"rabbit": true, "bunny": true, "hamster": true, "puppy": true, "kitten": true, "pony": true, "mare": true, "labrador": true}
)

// pointers and kinds name another sense in a retraction: "not those
// ones", "not that kind".
var (
	pointers = map[string]bool{"those": true, "that": true, "the": true, "this": true}
	kinds    = map[string]bool{"one": true, "kind": true, "sort": true, "type": true}
)

// kisses end a message: "x", "xx".
var kisses = map[string]bool{"x": true, "xx": true, "xxx": true}

// laughs are what members write to laugh a worry off: "lol", "haha".
var laughs = map[string]bool{"lol": true, "haha": true, "hahaha": true, "lmao": true, "xd": true}

// certainly are the adverbs that may stand in a retraction: "they're
// definitely not".
var certainly = map[string]bool{"definitely": true, "certainly": true, "really": true, "actually": true,
	"absolutely": true, "honestly": true, "def": true, "defo": true, "deffo": true}

// sharedByHer reports whether, soon after another person's sign (or one
// asked about, advised on or wished away), she says it is hers too:
// "neither can I", "nor do I", "me neither", "same here", "me too", "so
// am I", "I am too", "mine just went".
func sharedByHer(tokens []analyze.Token, j int) bool {
	ends := 0
	for k := j; k < len(tokens) && k < j+12; k++ {
		if isClauseEnd(tokens[k]) {
			if ends++; ends > 1 {
				return false
			}
			continue
		}
		l := tokens[k].Lemma
		switch {
		case (l == "neither" || l == "nor") && k+2 < len(tokens) && auxiliaries[tokens[k+1].Lemma] && tokens[k+2].Lemma == "i":
			return true
		case (l == "me" || l == "mine") && k+1 < len(tokens) && (tokens[k+1].Lemma == "neither" || tokens[k+1].Lemma == "either" || tokens[k+1].Lemma == "too" ||
			tokens[k+1].Lemma == "aswell" || tokens[k+1].Lemma == "as" && k+2 < len(tokens) && tokens[k+2].Lemma == "well"):
			return true // "sorry you're bleeding, me too", "mine too", "me as well"
		case l == "i" && k+2 < len(tokens) && (tokens[k+1].Lemma == "be" || tokens[k+1].Lemma == "have" || tokens[k+1].Lemma == "do") && tokens[k+2].Lemma == "too":
			return true // "I'm sorry you're bleeding, I am too right now"
		case l == "so" && k+2 < len(tokens) && tokens[k+1].Lemma == "be" && tokens[k+2].Lemma == "i":
			return true // "so am I"
		case l == "same" && k+1 < len(tokens) && tokens[k+1].Lemma == "here":
			return true
		case l == "agree" && k > 0 && (tokens[k-1].Lemma == "i" || k > 2 && tokens[k-3].Lemma == "i"):
			return true // "OH reckons bubs is quieter today and I have to agree"
		case l == "mine" && k+1 < len(tokens) && (mineNow[tokens[k+1].Lemma] || tokens[k+1].Lemma == analyze.NumberLemma ||
			tokens[k+1].Lemma == "just" && k+2 < len(tokens) && mineNow[tokens[k+2].Lemma]):
			return true // "ladies did your waters go at home? mine just went", "was your temperature high? mine's 38.9"
		case l == "mine" && tooLater(tokens, k+1):
			return true // "my friend's waters broke and now mine feel like they're leaking too"
		case (l == "have" || l == "get") && k > 0 && tokens[k-1].Lemma == "i" && ownsSome(tokens[:min(len(tokens), k+5)], k):
			return true // "ring if you get bleeding, waters or tightenings. I've got two of them"
		}
	}
	return false
}

// tooLater reports whether the clause that opens at tokens[j] tells a
// sign's happening of hers "too" or "as well", within six words and with
// no denial: "mine feel like they're leaking too", not "mine aren't
// leaking too" nor "mine is fine too".
func tooLater(tokens []analyze.Token, j int) bool {
	happens := false
	for k := j; k < len(tokens) && k < j+6 && !tokens[k].Is(analyze.Break); k++ {
		switch l := tokens[k].Lemma; {
		case tokens[k].Is(analyze.Negation):
			return false
		case sharedHappenings[l]:
			happens = true
		case l == "too" || l == "aswell" || l == "as" && k+1 < len(tokens) && tokens[k+1].Lemma == "well":
			return happens
		}
	}
	return false
}

// sharedHappenings are what "mine" does "too" when a sign is hers as well
// (see tooLater).
var sharedHappenings = map[string]bool{"leak": true, "leaking": true, "trickle": true, "bleed": true, "bleeding": true,
	"go": true, "break": true, "start": true, "pop": true, "tighten": true, "tightening": true, "stop": true, "slow": true}

// mineNow are what follows "mine" when she tells the same of herself
// now: "mine just went", "mine broke an hour ago", "mine have started".
var mineNow = map[string]bool{"go": true, "break": true, "start": true, "pop": true, "burst": true}

// pastAsked reports whether tokens[j] asks how it went for the others:
// "did", "was", "were", "had" opening a question ("did your waters go
// before contractions?"); never "has your baby's pattern changed?", a
// checker's question about now.
func pastAsked(tokens []analyze.Token, j int) bool {
	switch tokens[j].Term {
	case "did", "was", "were", "had":
		return true
	}
	return false
}

// auxiliaries are the verbs of "neither can I", "nor do I".
var auxiliaries = map[string]bool{"can": true, "do": true, "have": true, "be": true, "could": true, "will": true, "would": true}

// someoneElse reports whether a match is about someone other than the
// member (see OthersGroup).
func (s *Set) someoneElse(tokens []analyze.Token, sc *scratch, m match) bool {
	if s.proxied(tokens, sc) {
		return false // "husband writing: she can't feel the toilet seat"
	}
	if s.disclosed(tokens, sc) {
		return false // "if a lady has brownish discharge... asking for myself"
	}
	if s.thingFell(tokens, m) {
		return true // "phone fell in the toilet": no one fell
	}
	if personPronoun(tokens, m) {
		return true // "he says I'd regret it... he just goes silent for days": he is no baby
	}
	for j := max(m.start, 1); j <= m.end; j++ {
		// "my little man (6) has been quiet all day": a pet name with a
		// child's age after it is her child, not the baby.
		if petTail[tokens[j].Lemma] && petHead[tokens[j-1].Lemma] && !petName(tokens, j) {
			return true
		}
	}
	for j := m.start; j <= m.end; j++ {
		// "knocked my mum over": "my" after a verb is hers only when what
		// follows is not someone else ("bleeding and my mum says it's
		// loads" stays hers).
		if s.selves[tokens[j].Lemma] && !(j > m.start && j+1 <= m.end && s.isOther(tokens, j+1) &&
			tokens[j-1].Flags&(analyze.Stop|analyze.Break) == 0) {
			return false
		}
	}
	for j := max(m.start, 1); j <= m.end; j++ {
		// "hubby is at work, the baby hasn't moved": "the baby" or "my
		// bump" of the sign is hers, whoever was named before it.
		if ownBaby[tokens[j].Lemma] && (tokens[j-1].Lemma == "the" || tokens[j-1].Lemma == "my" || tokens[j-1].Lemma == "our") {
			return false
		}
		// "DD headbutted bump": a bare bump right after the blow that is
		// one of the sign's words is hers too.
		if tokens[j].Lemma == "bump" && m.holds(j) && m.holds(j-1) && !collides[tokens[j-1].Lemma] {
			return false
		}
	}
	if s.landsOnBump(tokens, m.end+1) {
		return false
	}
	if sharedByHer(tokens, m.end+1) {
		return false // "husband can't feel anything anymore... and neither can I much"
	}
	for j := m.start - 1; j >= 0; j-- {
		t := tokens[j]
		switch {
		case isClauseEnd(t):
			return s.herEarlier(tokens, j, m)
		case t.Lemma == "mine" && j >= m.start-3 && !(j > 0 && tokens[j-1].Lemma == "of"):
			// "was your temperature really high? mine's 38.9": hers,
			// told right before it (never "a friend of mine").
			return false
		case (t.Lemma == "your" || t.Lemma == "anyone" || t.Lemma == "anybody") && j > 0 && pastAsked(tokens, j-1) && (j == 1 || !s.selves[tokens[j-2].Lemma]):
			// "did your waters go before or after contractions
			// started?", "did anyone get brown discharge after a
			// sweep?": she asks the others how theirs went.
			return true
		case t.Lemma == "right" && agrees(tokens, j):
			// "she said baby's not playing and she's right, he's hardly
			// moved": she agrees with the one who told it; it is hers.
			return false
		case (t.Lemma == "anyway" || t.Lemma == "anyways") && !theirsAfter(tokens, j+1, m.start):
			// "watching the football with my dad, anyway she's usually
			// doing somersaults by now": she turns from the others to
			// her own news (the "she" is the sign's own baby). Not "my
			// friend anyway her waters went": a "her" before the sign
			// is the friend's.
			return false
		case t.Lemma == "but" && (j > m.start-4 && tellsOfHer(tokens, m) || j >= m.start-4 && s.firstPersonAfter(tokens, m)):
			// "my sister had the same last year, but she's been really
			// quiet today": the turn sets her own news against another's.
			return false
		case j >= m.start-6 && j+2 < m.start && (t.Lemma == "but" && (tokens[j+1].Lemma == "this" && tokens[j+2].Lemma == "be" || tokens[j+1].Lemma == "now") ||
			t.Lemma == "and" && tokens[j+1].Lemma == "now") && !thirdPersonIn(tokens, j+1, m.start):
			// "my mum always said cranberry juice for a uti but this is
			// worse, stinging wee": her own case, set against the other's
			// (never "but now she has a fever", still the other's), or
			// "telling women to come in for reduced movements and now baby
			// hasn't moved since lunch".
			return false
		case (t.Lemma == "my" || t.Lemma == "our") && j > 1 && prepositions[tokens[j-1].Lemma] && s.others[tokens[j-2].Lemma]:
			continue // "a friend in my antenatal group had some bleeding": her group, not the subject
		case t.Lemma == "mine" && j > 1 && tokens[j-1].Lemma == "of" && s.others[tokens[j-2].Lemma]:
			continue // "a colleague of mine had a fall": hers, not the member's
		case t.Lemma == "me" && j > 1 && tokens[j-1].Lemma == "of" && (tokens[j-2].Lemma == "ahead" || tokens[j-2].Lemma == "behind"),
			t.Lemma == "me" && j > 0 && toldTo[tokens[j-1].Lemma] && thirdPersonIn(tokens, j+1, m.start):
			// "coworker (also pregnant, 2 weeks ahead of me) went into labour",
			// "Mum keeps telling me horror stories about her falls": the other
			// is the subject.
			continue
		case s.carriedHer(tokens, j) || s.pregnancy[t.Lemma] && s.carriedHer(tokens, j+2):
			// "Mum keeps telling me about her falls when she was pregnant
			// with me": she carried the member, or the member's husband.
			continue
		case s.selves[t.Lemma] && !(s.pregnancy[t.Lemma] && (s.negatedBefore(tokens, j) || s.othersBefore(tokens, j))):
			// "(not pregnant)" names no pregnancy, and "my sister is 34
			// weeks" names hers (see the others case).
			return false
		case s.isOther(tokens, j) && j > 1 && (tokens[j-1].Lemma == "her" || tokens[j-1].Lemma == "his") && (prepositions[tokens[j-2].Lemma] || tokens[j-2].Lemma == "over"):
			continue // "friend tripped over her dog": the dog is hers, not the subject ("her mum says" is)
		case s.isOther(tokens, j) && j > 2 && (tokens[j-1].Lemma == "my" || tokens[j-1].Lemma == "our") && tokens[j-2].Lemma == "of" && placeNouns[tokens[j-3].Lemma] && selfBefore(tokens, j-3):
			// "my body chose the middle of my son's nativity play to
			// start cramps": a time and a place after her own subject
			// (never "at the end of my sister's party she fainted").
			continue
		case s.isOther(tokens, j) && withOther(tokens, j) && !thirdPersonIn(tokens, j+1, m.start):
			continue // "after intimacy with my husband some red blood came": he is no subject
		case s.isOther(tokens, j) && objectOfHers(tokens, j) && !thirdPersonIn(tokens, j+1, m.start):
			continue // "lifting my toddler and now both legs are numb": what she lifted ("lifting my son, he fell" is his)
		case s.isOther(tokens, j) && notHer(tokens, j, m):
			continue // "hubby is at work, she's been really quiet": she is not him
		case s.isOther(tokens, j) && agedAside(tokens, j, m.start):
			continue // "my baby is 1 week old, bleeding has got much heavier": his age dates her news
		case s.isOther(tokens, j) && simile(tokens, j):
			continue // "like someone is pushing a knife in": nobody else is there
		case s.isOther(tokens, j) && vocative(tokens, j):
			continue // "hey ladies, had some spotting": she greets the group
		case s.isOther(tokens, j) && agent(tokens, j):
			return false // "knocked flying by a big dog": the dog did it to her
		case s.isOther(tokens, j) && observer(tokens, j, m):
			continue // "my husband says there's a lot of blood on the car seat": he saw it
		case s.isOther(tokens, j) && toMe(tokens, j, m):
			return false // "someone kicked me in the stomach": done to her
		case s.isOther(tokens, j) && j+1 < m.start && analyze.Wife(tokens[j+1].Lemma):
			// "my son's girlfriend is pregnant and bleeding", "my
			// brother's wife has fainted": the son only names whose
			// she is; a wife or girlfriend, like the writer's own, is
			// the pregnant one unless the writer is, or tells a story
			// ("mate's wife had her baby at 32 weeks after her waters
			// broke").
			return !s.mayBePregnant(tokens, j+1) || storyTold(tokens)
		case s.isOther(tokens, j):
			return !s.pregnantOther(tokens, j, m)
		}
	}
	return false
}

// herEarlier reports, for a sign told as "her" or "their" one in a clause
// that names no one ("my cat is in labour!! you can see her
// contractions"), whether the one last named before that clause, which
// ends at tokens[end], is someone else. The writer never tells her own
// sign as "her" one; a wife or girlfriend named is the pregnant one.
func (s *Set) herEarlier(tokens []analyze.Token, end int, m match) bool {
	her := m.start > 0 && (tokens[m.start-1].Lemma == "her" || tokens[m.start-1].Lemma == "their")
	if !her && !sheHad(tokens, end, m) {
		return false
	}
	for k := end - 1; k >= 0; k-- {
		switch l := tokens[k].Lemma; {
		case l == "me" && k > 0 && tokens[k-1].Lemma == "with":
			// "my mum had placenta previa with me. She had heavy
			// bleeding": the member was the baby then.
		case s.asking.firstPerson[l] || analyze.Wife(l):
			return false
		case s.isOther(tokens, k) && !(tokens[m.start-1].Lemma == "her" && maleOrMany[l]):
			// "her" is never the son she lifted: "my partner's 34
			// weeks, her back went lifting our son... her private area
			// feels numb".
			return !s.pregnantOther(tokens, k, m)
		}
	}
	return false
}

// sheHad reports whether the sign's clause, which opens after tokens[end],
// tells it as what "she had" or "she got": "my sister had an abruption.
// She had sudden awful tummy pain and bleeding". Never "she was" nor "she
// has", which members write of the baby ("she was so quiet today", "she
// hasn't moved").
func sheHad(tokens []analyze.Token, end int, m match) bool {
	k := end + 1
	for k < m.start && tokens[k].Is(analyze.Break) {
		k++
	}
	if k+1 > m.start || tokens[k].Lemma != "she" {
		return false
	}
	switch tokens[k+1].Term {
	case "had", "got", "ended", "went":
		return true
	}
	return false
}

// pregnantOther reports whether the message makes the other person named
// at tokens[j] the pregnant one whose sign m is: a pregnancy told in her
// sentence (see pregnantBeside) or in a later one. Never a man, a boy or
// a small child, nor anyone when the member tells of her own pregnancy.
func (s *Set) pregnantOther(tokens []analyze.Token, j int, m match) bool {
	// "...she landed on her belly. She's 26 weeks.": a later
	// sentence that gives her, by name or as "she", a pregnancy.
	return s.pregnantBeside(tokens, j, m, false) || s.mayBePregnant(tokens, j) && s.herPregnancyLater(tokens, m.end)
}

// mayBePregnant reports whether the other person named at tokens[j] may
// be the pregnant one at all.
func (s *Set) mayBePregnant(tokens []analyze.Token, j int) bool {
	// "my son (4) fell off the sofa, 27 wks": a boy or a small child is
	// never the pregnant one. "my sister-in-law is 34 weeks and
	// bleeding... I'm 20 weeks": the member tells of her own pregnancy,
	// so the other's is another one.
	return !s.writerPregnant(tokens) && !cannotBePregnant(tokens, j)
}

// pregnantBeside is pregnantOther without the later sentences: her
// pregnancy named right before her, between her and the sign, right after
// her, or later in the sign's sentence. When told, a pregnancy later in
// the sentence must be given to "she": "..., she's 35 weeks", not "...with
// a 29 week bump" or "at the 20 week scan", which may be the member's.
func (s *Set) pregnantBeside(tokens []analyze.Token, j int, m match, told bool) bool {
	if !s.mayBePregnant(tokens, j) {
		return false
	}
	if j > 1 && tokens[j-1].Lemma == "pregnant" && (tokens[j-2].Lemma == "my" || tokens[j-2].Lemma == "our") {
		return true // "my pregnant sister slipped", not "a pregnant woman on TV"
	}
	// "the missus (6 months gone) got knocked over": her pregnancy,
	// named between her and the sign, makes her the one.
	for k := j + 1; k < m.start; k++ {
		if s.pregnant(tokens, k) {
			return true
		}
	}
	// "my friend at 32 weeks said she has not felt the baby": the
	// weeks right after her are her pregnancy's.
	if j+3 < m.start && tokens[j+1].Lemma == "at" && tokens[j+2].Lemma == analyze.NumberLemma && s.weeks[tokens[j+3].Lemma] {
		return true
	}
	// "my daughter's got a terrible pain in her tummy... 28 weeks":
	// a pregnancy later in the sentence makes her the one.
	// Not the member's own ("I'm 26 weeks"), not a negated one
	// ("she is not pregnant"), nor when it happened ("at 38 weeks").
	for k := m.end + 1; k < len(tokens) && !isClauseEnd(tokens[k]); k++ {
		t := tokens[k]
		if s.selves[t.Lemma] && !s.pregnancy[t.Lemma] {
			break
		}
		if (s.pregnancy[t.Lemma] || t.Gestation()) && s.pregnant(tokens, k) && !s.carriedHer(tokens, k+2) && !backThen(tokens, k) &&
			(!told || givenToHer(tokens, k, m.end+1)) {
			return true // "28 weeks", "29+3"
		}
	}
	return false
}

// birthJustBefore reports whether the one the sign is told of gave birth
// lately, told before it in its sentence or the one before: "my sister
// had her baby 9 days ago and she's been filling a maternity pad every
// hour", "my sister gave birth on Monday and now she's passing huge
// clots". A sign of the weeks after a birth (never one of the pregnancy
// itself: see Rule.BeforeBirth) is then the one the member writes for.
// Not a birth story that ends well ("both home and doing great", "she
// lost a lot of blood but she's fine now").
func (s *Set) birthJustBefore(tokens []analyze.Token, m match) bool {
	lo, _ := sentenceOf(tokens, m)
	if lo > 0 {
		lo, _ = sentenceOf(tokens, match{start: lo - 1, end: lo - 1})
	}
	found := false
	for k := lo; k < m.start; k++ {
		if s.isOther(tokens, k) {
			for b := k + 1; b < m.start && b <= k+4; b++ {
				if gaveBirth(tokens, b) {
					found = true
				}
			}
		}
	}
	if !found {
		return false
	}
	for k := range tokens {
		if l := tokens[k].Lemma; (l == "both" || l == "she" || l == "they") && k+1 < len(tokens) {
			for j := k + 1; j < len(tokens) && j <= k+3 && !tokens[j].Is(analyze.Break); j++ {
				if tokens[j].Is(analyze.Negation) {
					break // "she's not ok"
				}
				if endedWell[tokens[j].Lemma] {
					return false // "she lost a lot of blood but she's fine now"
				}
				if !wellFill[tokens[j].Lemma] {
					break // "she says it's fine": her word, not how it ended
				}
			}
		}
	}
	return true
}

// wellFill may stand between "she" and how the story ended: "she is now
// doing fine", "both are home".
var wellFill = map[string]bool{"be": true, "do": true, "doing": true, "now": true, "all": true, "both": true, "and": true,
	"really": true, "totally": true, "absolutely": true, "back": true, "at": true}

// endedWell tell a birth story that ended well: "both home and doing great".
var endedWell = map[string]bool{"fine": true, "great": true, "well": true, "home": true, "ok": true, "okay": true, "good": true, "healthy": true}

// gaveBirth reports whether tokens[k] opens a birth told lately: "had her
// baby 9 days ago", "gave birth on Monday", "had twins on thursday",
// "had a c section 5 days ago" (see birthJustBefore).
func gaveBirth(tokens []analyze.Token, k int) bool {
	end := -1
	switch tokens[k].Lemma {
	case "give":
		if k+1 < len(tokens) && tokens[k+1].Lemma == "birth" {
			end = k + 1
		}
	case "deliver":
		end = k
	case "have":
		j := k + 1
		if j < len(tokens) && (tokens[j].Lemma == "her" || tokens[j].Lemma == "a" || tokens[j].Lemma == "the") {
			j++
		}
		if j < len(tokens) && (tokens[j].Lemma == "little" || tokens[j].Lemma == "c") {
			j++
		}
		if j < len(tokens) && (analyze.BornWord(tokens[j].Lemma) || tokens[j].Lemma == "section" || tokens[j].Lemma == "csection") {
			end = j
		}
	}
	if end < 0 {
		return false
	}
	// Lately: days or weeks ago, a day named, last night or last week
	// (never the week it came at: "had her baby at 29 weeks").
	for j := end + 1; j < len(tokens) && j <= end+3 && !isClauseEnd(tokens[j]); j++ {
		switch l := tokens[j].Lemma; {
		case l == "ago", l == "yesterday", l == "night" || l == "week" && j > 0 && tokens[j-1].Lemma == "last",
			// "gave birth 4 days before", as a second language has it.
			l == "before" && j > 0 && (tokens[j-1].Lemma == "day" || tokens[j-1].Lemma == "week"),
			weekdays[l] && j > 0 && tokens[j-1].Lemma == "on":
			return true
		}
	}
	return false
}

// weekdays name the days of the week.
var weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true}

// agedAside reports whether the other named at tokens[j] is given an age
// in days or weeks in a clause of its own, which ends before start: "my
// baby is 1 week old, bleeding has suddenly got much heavier", "LO is 10
// days old and I'm soaking pads". The age dates her news; the baby is not
// its subject.
func agedAside(tokens []analyze.Token, j, start int) bool {
	ageAt := func(k int) bool { // "# week old" ending at k
		return k >= 2 && tokens[k].Lemma == "old" && tokens[k-2].Lemma == analyze.NumberLemma &&
			(tokens[k-1].Lemma == "day" || tokens[k-1].Lemma == "week" || tokens[k-1].Lemma == "wk")
	}
	end := -1
	switch {
	case ageAt(j):
		end = j // "old", read as one of a "5 year old"
	default:
		k := j + 1
		if k < start && tokens[k].Lemma == "be" {
			k++
		}
		if k+2 < start && ageAt(k+2) {
			end = k + 2
		}
	}
	if end < 0 || end+1 >= start || !tokens[end+1].Is(analyze.Break) && tokens[end+1].Lemma != "and" {
		return false
	}
	// Not when the next clause goes on about the baby: "my son is 3
	// weeks old, he's got a temperature".
	for k := end + 1; k < start && k <= end+3; k++ {
		switch tokens[k].Lemma {
		case "he", "she", "they", "him", "her", "his":
			return false
		}
	}
	return true
}

// givenToHer reports whether the pregnancy at tokens[k] is given to "she"
// right before it, after tokens[lo]: "she's 35 weeks", "she is 29+3", not
// "she's fine, 31 wks here".
func givenToHer(tokens []analyze.Token, k, lo int) bool {
	if k-1 >= lo && tokens[k-1].Lemma == analyze.NumberLemma {
		k-- // "35 weeks"
	}
	if k-1 >= lo && tokens[k-1].Lemma == "be" {
		k--
	}
	return k-1 >= lo && tokens[k-1].Lemma == "she"
}

// changeTold reports whether the message tells of a change from before
// ("felt her every day but since 2 days nothing", "been feeling regular
// kicks, nothing for 2 days now"): movements that started and stopped need
// checking before 20 weeks too, unlike movements not felt yet.
func changeTold(tokens []analyze.Token) bool {
	for _, t := range tokens {
		if changeWords[t.Lemma] {
			return true
		}
	}
	return false
}

// changeWords tell of movements that had begun (see changeTold).
var changeWords = map[string]bool{"since": true, "stop": true, "less": true, "anymore": true, "usually": true,
	"normally": true, "before": true, "until": true, "till": true, "lately": true, "regular": true,
	"every": true, "used": true}

// notHer reports whether the other person at tokens[j] cannot be the
// "she" or "her" the sign m is told of: a man or a boy, or several
// ("my son is 4 now and she's been really quiet today", "the kids are
// asleep, she hasn't moved").
func notHer(tokens []analyze.Token, j int, m match) bool {
	return maleOrMany[tokens[j].Lemma] && tellsOfHer(tokens, m)
}

// toMe reports whether the other person at tokens[j] did the sign m to
// the member: "me" stands right after the verb that follows them
// ("someone kicked me in the stomach", "my toddler headbutted me").
func toMe(tokens []analyze.Token, j int, m match) bool {
	if j+2 < len(tokens) && j+2 <= m.end+1 && tokens[j+2].Lemma == "me" && tokens[j+1].Flags&(analyze.Stop|analyze.Break) == 0 {
		return true
	}
	// Aimed at her: "partner threw the remote at my bump", "a kid on a
	// scooter crashed straight into me".
	for k := j + 2; k+1 < len(tokens) && k <= j+7 && !isClauseEnd(tokens[k]); k++ {
		if at := tokens[k].Lemma; (at == "at" || at == "into" || at == "onto") && (tokens[k+1].Lemma == "me" || tokens[k+1].Lemma == "my") {
			return true
		}
	}
	return false
}

// firstPersonAfter reports whether the member speaks of herself in the
// rest of the match's clause: "lugging the toddler round all arvo, but
// also got some pinkish stuff when I went to the dunny".
func (s *Set) firstPersonAfter(tokens []analyze.Token, m match) bool {
	for k := m.end + 1; k < len(tokens) && !isClauseEnd(tokens[k]); k++ {
		if s.asking.firstPerson[tokens[k].Lemma] {
			return true
		}
	}
	return false
}

// tellsOfHer reports whether the sign m is told of a "she" or "her".
func tellsOfHer(tokens []analyze.Token, m match) bool {
	for k := m.start; k <= m.end; k++ {
		if l := tokens[k].Lemma; l == "she" || l == "her" {
			return true
		}
	}
	return false
}

// cannotBePregnant reports whether the other named at tokens[j] cannot be
// the pregnant one: a man, a boy, a group, or a child whose age follows
// ("my daughter (6)", "my daughter, 4,").
func cannotBePregnant(tokens []analyze.Token, j int) bool {
	if maleOrMany[tokens[j].Lemma] {
		return true
	}
	if l := tokens[j].Lemma; (l == "yo" || l == "yos") && j > 0 && tokens[j-1].Lemma == analyze.NumberLemma {
		n, err := strconv.Atoi(tokens[j-1].Term)
		return err == nil && n > 0 && n < 13 // "my 6yo fell off the trampoline"
	}
	for k := j + 1; k < len(tokens) && k <= j+2; k++ {
		t := tokens[k]
		if t.Lemma == analyze.NumberLemma {
			n, err := strconv.Atoi(t.Term)
			return err == nil && n > 0 && n < 13
		}
		if !t.Is(analyze.Break) {
			return false
		}
	}
	return false
}

// maleOrMany are others who are no "she": men, boys, small children and
// groups ("kids" is read as "kid").
var maleOrMany = map[string]bool{"husband": true, "hubby": true, "dh": true, "boyfriend": true, "bf": true,
	"son": true, "sons": true, "boy": true, "boys": true, "dad": true, "father": true, "brother": true,
	"kid": true, "kids": true, "children": true, "toddler": true, "toddlers": true, "twins": true, "grandad": true, "fil": true, "he": true}

// atTerm reports whether the message says how long since she gave birth
// ("10 weeks pp"), or gives her weeks, as today's, only as 37 or more
// ("39+4 and getting period-type aches", "38 weeks tomorrow"). A week told
// as the time of something else ("at 30 weeks", "DS was 38 weeks") is not
// today's; any week of hers under 37 keeps her preterm, and so does a
// message that gives none.
func (s *Set) atTerm(tokens []analyze.Token) bool {
	term, _ := s.herWeeks(tokens)
	return term
}

// pretermOff reports whether a preterm trigger is no sign in the message:
// at term or after the birth (see atTerm), or early, her weeks today told
// only as under 20 and beyond doubt hers (see earlyHers: "6+2 and
// period-like cramps"), long before labour could be preterm.
func (s *Set) pretermOff(tokens []analyze.Token) bool {
	term, early := s.herWeeks(tokens)
	return term || early
}

// onlyWeeks open a clause with her weeks: "only 5 weeks and already my
// back aches", "just 6 weeks and period-like cramps".
var onlyWeeks = map[string]bool{"only": true, "just": true, "barely": true}

// minPretermWeeks is the week from which preterm labour's signs count: a
// period-like ache before it is no labour.
const minPretermWeeks = 20

// earlyHers reports whether a week under 20 at tokens[j], its next word
// at tokens[k], is told as her weeks today beyond doubt: followed by the
// end of its clause, "and", "pregnant", "today", "now" or "here" ("6+2
// and period-like cramps", "I'm 8 weeks, ..."), never a count ("6 weeks to
// go", "8 weeks left", "12 week scan") nor, after a loss, that pregnancy's
// weeks ("after losses (6+5 and 9+1)").
func (s *Set) earlyHers(tokens []analyze.Token, j, k int) bool {
	if k < len(tokens) && !tokens[k].Is(analyze.Break) {
		switch tokens[k].Lemma {
		case "and", "pregnant", "today", "now", "here":
		default:
			return false
		}
	}
	for i := max(0, j-4); i < j; i++ {
		if lossWords[tokens[i].Lemma] {
			return false
		}
	}
	return true
}

// notYetWeeks is the week from which movements not felt yet are a
// reason to call (NHS: "if you're 24 weeks pregnant or more and have not
// felt your baby move").
const notYetWeeks = 24

// yetIn reports whether "yet" stands in the match or right after it:
// "haven't felt any kicks yet".
func yetIn(tokens []analyze.Token, m match) bool {
	for j := m.start; j < len(tokens) && j <= m.end+2 && !isClauseEnd(tokens[j]); j++ {
		if tokens[j].Lemma == "yet" {
			return true
		}
	}
	return false
}

// lossWords before an early week make it a lost pregnancy's (see
// earlyHers).
var lossWords = map[string]bool{"loss": true, "losses": true, "lose": true, "lost": true, "miscarriage": true,
	"miscarriages": true, "miscarry": true, "mc": true, "mmc": true, "chemical": true, "ectopic": true}

// herWeeks reads her weeks today from the message (see atTerm and
// pretermOff). Early needs her weeks told as today's, as term does ("for 2
// weeks" is how long, not her weeks), and no week of hers from 20 on.
func (s *Set) herWeeks(tokens []analyze.Token) (term, early bool) {
	return s.herWeeksBelow(tokens, minPretermWeeks)
}

// herWeeksBelow is herWeeks with early meaning under limit weeks.
func (s *Set) herWeeksBelow(tokens []analyze.Token, limit int) (term, early bool) {
	born, preterm, later := false, false, false
	for j, t := range tokens {
		if t.Lemma == analyze.NumberLemma && j+2 < len(tokens) && s.sinceUnit(tokens[j+1].Lemma) && afterBirth[tokens[j+2].Lemma] {
			born = true // "10 weeks pp", "3 months postpartum": the time since the birth, not her weeks
			continue
		}
		weeks, k := -1, j+1 // k: the token after the week
		switch {
		case t.Gestation():
			w, _, _ := strings.Cut(t.Term, "+")
			weeks, _ = strconv.Atoi(w)
		case t.Lemma == analyze.NumberLemma && j+1 < len(tokens) && s.weeks[tokens[j+1].Lemma]:
			if n, err := strconv.Atoi(t.Term); err == nil {
				weeks, k = n, j+2
			}
		case s.weeks[t.Lemma] && j+1 < len(tokens) && tokens[j+1].Lemma == analyze.NumberLemma && (j == 0 || tokens[j-1].Lemma != analyze.NumberLemma):
			// "week 9", "wk 19": the number after the word.
			if n, err := strconv.Atoi(tokens[j+1].Term); err == nil {
				weeks, k = n, j+2
			}
		}
		if weeks < 4 || weeks > 43 {
			continue
		}
		next := ""
		if k < len(tokens) {
			next = tokens[k].Lemma
		}
		if next == "old" || next == "ago" || next == "later" || next == "apart" {
			continue // a baby's age: "DD is 40 weeks old"; a time gone by: "3 weeks ago"
		}
		timing := j > 0 && timeWords[tokens[j-1].Lemma] || j > 1 && timeWords[tokens[j-2].Lemma]
		if j > 1 && tokens[j-1].Lemma == "at" && (nowWords[tokens[j-2].Lemma] || tokens[j-2].Lemma == "be" || tokens[j-2].Lemma == "me") {
			timing = false // "positive again now at 5 weeks", "I'm at 5 weeks": her weeks today
		}
		if j > 0 && (tokens[j-1].Lemma == "nearly" || tokens[j-1].Lemma == "almost") || next == "tomorrow" {
			weeks-- // "nearly 37 weeks", "37 weeks tomorrow": 36 and some days
		}
		// Her weeks today: at the start of a clause ("39+4 and period-type
		// aches", "Hi all, 38 weeks today"), or after "I'm", "now",
		// "currently"; never "DS was 38 weeks", "make it to 37 weeks",
		// "booked for 38+5", "measuring 38 weeks", "38 weeks is full term".
		anchored := j == 0 || tokens[j-1].Is(analyze.Break) || nowWords[tokens[j-1].Lemma] || !timing && j > 1 && tokens[j-1].Lemma == "at" ||
			j > 1 && tokens[j-2].Lemma == "i" && (tokens[j-1].Term == "am" || tokens[j-1].Term == "m") && !(j > 2 && ifWords[tokens[j-3].Lemma]) ||
			j > 0 && onlyWeeks[tokens[j-1].Lemma] && (j == 1 || tokens[j-2].Is(analyze.Break)) // "only five weeks and already..."
		// A week and its days ("40+2") is how she counts her own weeks
		// today, wherever it stands ("can't sleep 🥲 40+2 and sick of
		// being pregnant"), unless the words before tell it as another's,
		// a birth's, a target or a booking (see notHerWeeks).
		if t.Gestation() && j > 0 && !notHerWeeks[tokens[j-1].Lemma] && !(j > 1 && notHerWeeks[tokens[j-2].Lemma]) && !tokens[j-1].Is(analyze.Negation) {
			anchored = true
		}
		// "38 weeks is full term" tells of the week; "38+2 been getting
		// tightenings" of her.
		if next == "be" && tokens[k].Term != "been" || next == "with" || timing {
			anchored = false
		}
		// A week at term right after "at" is hers today ("period ish
		// ache at 40+3 that comes and goes", "so much pressure in my
		// pelvis at 38 weeks") unless the word before it tells of
		// another's or of a birth ("had her at 38+2", "my first came at
		// 39 weeks", "went into labour at 38 weeks"); a week of hers
		// under 37 elsewhere keeps her preterm.
		if timing && weeks >= 37 && tokens[j-1].Lemma == "at" && j > 1 && !notHerWeeks[tokens[j-2].Lemma] && !notAtWeeks[tokens[j-2].Lemma] && !lastTimeBefore(tokens, j) {
			timing, anchored = false, true
		}
		if weeks < 37 {
			if !timing {
				preterm = true // any week of hers under 37, however told: "about 34 weeks", "35 weeks with baby no2"
				if weeks >= limit {
					later = true
				}
			}
			if weeks < limit && anchored && s.earlyHers(tokens, j, k) {
				early = true
			}
			continue
		}
		if !timing {
			later = true
		}
		if anchored {
			term = true
		}
	}
	return !preterm && (term || born), early && !later && !born
}

// sinceUnit reports whether l, before "pp" or "postpartum", makes a
// number the time since the birth: weeks, months or days (see atTerm).
func (s *Set) sinceUnit(l string) bool { return s.weeks[l] || l == "month" || l == "day" }

// afterBirth are the words that, after a time ("10 weeks pp"), say she has
// had her baby: a preterm trigger's ache is then no labour (see atTerm).
var afterBirth = map[string]bool{"pp": true, "postpartum": true, "postnatal": true, "postnatally": true}

// timeWords before a week make it the time of something else, not today's
// (see atTerm).
var timeWords = map[string]bool{"at": true, "by": true, "until": true, "till": true, "before": true,
	"after": true, "from": true, "since": true}

// ifWords before "I'm" and a week make it a time to come: "till I'm 37
// weeks", "once I'm 38 weeks".
var ifWords = map[string]bool{"till": true, "til": true, "until": true, "when": true, "once": true, "if": true,
	"before": true, "after": true, "by": true, "unless": true}

// notHerWeeks, in the two words before a week and its days, tell it as
// someone else's ("DS 38+5", "my friend's 39+1"), a birth's ("DD was born
// 38+6", "last pregnancy I went 41+5"), a measure ("measuring 39+2"), a
// target ("get to 37+0", "not even 37+0") or a booking ("section booked
// 39+0"), not as her weeks today (see atTerm).
var notHerWeeks = map[string]bool{"be": true, "for": true, "bear": true, "born": true, "come": true, "arrive": true,
	"deliver": true, "go": true, "have": true, "measure": true, "like": true, "book": true, "to": true, "till": true,
	"until": true, "even": true, "reach": true, "make": true, "get": true, "ds": true, "dd": true, "ds1": true,
	"dd1": true, "ds2": true, "dd2": true, "sis": true, "sister": true, "friend": true, "mum": true, "mom": true,
	"hers": true, "his": true, "her": true, "their": true, "she": true, "he": true, "they": true, "everyone": true,
	"baby": true, "son": true, "daughter": true, "cousin": true}

// notAtWeeks, right before "at" and a week, tell of a plan, a birth or
// another pregnancy, not her weeks today (see atTerm): "a growth scan at
// 38 weeks", "got my sweep at 40 weeks", "had him at 38 weeks", "labour
// started at 38 weeks".
var notAtWeeks = map[string]bool{"him": true, "them": true, "twins": true, "scan": true, "scans": true, "sweep": true,
	"appointment": true, "appt": true, "induction": true, "induce": true, "booked": true, "plan": true, "planned": true,
	"see": true, "start": true, "begin": true, "happen": true, "arrive": true, "deliver": true, "labour": true, "labor": true,
	"section": true, "csection": true, "waters": true, "water": true, "break": true, "pop": true, "birth": true,
	"early": true, "late": true, "there": true, "first": true, "one": true, "out": true, "growth": true, "check": true,
	"checkup": true, "review": true, "consultant": true, "clinic": true, "class": true, "leave": true}

// lastTimeBefore reports whether "last time" or "last pregnancy" stands
// in the six words before tokens[j]: "last time labour started at 38
// weeks" tells of another pregnancy.
func lastTimeBefore(tokens []analyze.Token, j int) bool {
	for k := j - 1; k > 0 && k >= j-6; k-- {
		if tokens[k-1].Lemma == "last" && (tokens[k].Lemma == "time" || tokens[k].Lemma == "pregnancy") {
			return true
		}
	}
	return false
}

// nowWords before a week make it hers today (see atTerm).
var nowWords = map[string]bool{"now": true, "currently": true, "officially": true, "im": true}

// landsOnBump reports whether the words from tokens[j] say where a match
// before them landed: on her bump ("hubby braked hard and the seatbelt
// dug right into the bump"), a contact word right before "the", "my" or
// "our" and the bump, with at most an adverb before it. A bump that only
// starts the next clause ("my son has a temperature, my bump is 28
// weeks") is no object of the match.
func (s *Set) landsOnBump(tokens []analyze.Token, j int) bool {
	for k := 0; k < 2 && j < len(tokens) && landAdverbs[tokens[j].Lemma]; k++ {
		j++
	}
	return j+2 < len(tokens) && contactWords[tokens[j].Lemma] &&
		(tokens[j+1].Lemma == "the" || tokens[j+1].Lemma == "my" || tokens[j+1].Lemma == "our") && bumpWords[tokens[j+2].Lemma]
}

// thingFell reports whether a thing is the subject of the match, right
// before it (see ThingsGroup): "phone fell in the toilet", "mug fell out
// of the cupboard", "dropped my phone down the stairs". Not when it came
// down on her, told after it in its clause and not negated: "a box fell
// on my bump", "the shelf came down and hit me".
func (s *Set) thingFell(tokens []analyze.Token, m match) bool {
	j := subjectBefore(tokens, m)
	return j >= 0 && s.things[tokens[j].Lemma] && !s.cameDownOnHer(tokens, m, false)
}

// subjectBefore returns where the subject of the match stands, right
// before it past the adverbs that may come between ("the frame just
// fell"), or -1 at the start of the message.
func subjectBefore(tokens []analyze.Token, m match) int {
	j := m.start - 1
	for j >= 0 && thingAdverbs[tokens[j].Lemma] {
		j--
	}
	return j
}

// cameDownOnHer reports whether the sign's clause tells, from the match
// on and not negated, that it came down on her: "me" or her bump ("a box
// fell on my bump", "he fell onto my bump"), and with mine any "my" too
// ("he tripped and fell against my legs").
func (s *Set) cameDownOnHer(tokens []analyze.Token, m match, mine bool) bool {
	_, chi := signClause(tokens, m)
	for k := m.start; k < chi; k++ {
		if l := tokens[k].Lemma; (l == "me" || mine && l == "my" || bumpWords[l]) && !s.negatedBefore(tokens, k) {
			return true
		}
	}
	return false
}

// proxied reports, once per message, whether a partner writes for the
// pregnant one (see proxy).
func (s *Set) proxied(tokens []analyze.Token, sc *scratch) bool {
	return sc.proxy.get(func() bool { return s.proxy(tokens) })
}

// personActed reports whether "he" is the subject of the match, right
// before it, like a thing in thingFell: "he fell over in the playground",
// "he fainted at work". Only for signs the baby cannot have (the
// caller's): in "he's been so still today" the baby is the subject. A
// "she" or "they" may be a pregnant friend or wife whose sign the member
// tells for her ("bestie is 6 months and she just fainted"), so only "he"
// is read. Not when he came down on her, told after it in its clause and
// not negated ("he fell onto my bump", "he tripped and fell against my
// bump"), nor when a partner writes for her (see proxy).
func (s *Set) personActed(tokens []analyze.Token, sc *scratch, m match) bool {
	j := subjectBefore(tokens, m)
	if j < 0 || tokens[j].Lemma != "he" || j > 0 && !tokens[j-1].Is(analyze.Break) && !clauseJoins[tokens[j-1].Lemma] && tokens[j-1].Lemma != "but" {
		return false // "as he fell", "told me he fainted": another clause's subject, or an object
	}
	if s.proxied(tokens, sc) {
		return false // "husband writing: he says she fell", the writer's "he" for another
	}
	return !s.cameDownOnHer(tokens, m, true)
}

// placeNouns, before "of my" and a person, tell when or where, not who:
// "in the middle of my son's nativity play", "at the end of my daughter's
// party" (see someoneElse).
var placeNouns = map[string]bool{"middle": true, "end": true, "start": true, "beginning": true, "front": true,
	"back": true, "side": true, "house": true, "home": true, "place": true}

// selfBefore reports whether "i" or "my" stands before tokens[j] in its
// clause.
func selfBefore(tokens []analyze.Token, j int) bool {
	for k := j - 1; k >= 0 && !isClauseEnd(tokens[k]); k-- {
		if l := tokens[k].Lemma; l == "i" || l == "my" {
			return true
		}
	}
	return false
}

// thingAdverbs may stand between a thing and what it did: "the frame just
// fell", "phone literally went flying".
var thingAdverbs = map[string]bool{"just": true, "literally": true, "then": true, "suddenly": true, "nearly": true,
	"almost": true, "completely": true, "also": true, "again": true}

// landAdverbs and contactWords, with bumpWords, make up what landsOnBump
// reads.
var (
	landAdverbs  = map[string]bool{"right": true, "straight": true, "hard": true, "really": true, "full": true}
	contactWords = map[string]bool{"into": true, "against": true, "onto": true, "across": true, "on": true, "in": true}
)

// ownBaby are the words of a sign's baby or bump, hers after "the", "my"
// or "our".
var ownBaby = map[string]bool{"baby": true, "bub": true, "bubs": true, "bump": true, "bubba": true}

// isOther reports whether tokens[j] names someone other than the member:
// a word of the others group, or the "old" of a child's age ("my 2 yr
// old fell"), not "the old scar".
func (s *Set) isOther(tokens []analyze.Token, j int) bool {
	switch l := tokens[j].Lemma; {
	case l == "old":
		return j > 0 && ageWords[tokens[j-1].Lemma]
	case l == "yo" || l == "yos":
		// "my 6yo fell off the trampoline": a child by age, never the
		// greeting "yo ladies".
		return j > 0 && tokens[j-1].Lemma == analyze.NumberLemma
	case parents[l] && selfParent(tokens, j):
		return false // "first time mum here", "mum of 2", "I'm a mum": she is the mum
	case l == "oh":
		return otherHalf(tokens, j)
	case (l == "girl" || l == "boy") && j > 0 && tokens[j-1].Lemma == "baby":
		return false // "my baby girl before she move a lot": her baby
	case petName(tokens, j):
		return false // "little man has gone quiet": the baby's pet name
	case l == "lady" && j+1 < len(tokens) && ladyParts[tokens[j+1].Lemma]:
		return false // "my lady bits are bleeding": her own body
	case bornThen(tokens, j):
		return false // "3 weeks after my son was born there's bright red blood": when, not who
	case calledOne(tokens, j):
		return false // "should i be calling someone about light spotting": whom she would call
	}
	return s.others[tokens[j].Lemma]
}

// calledOne reports whether the person at tokens[j] is anyone she would
// call, right after a verb of calling: "calling someone about", "ring
// somebody", "tell anyone".
func calledOne(tokens []analyze.Token, j int) bool {
	switch tokens[j].Lemma {
	case "someone", "somebody", "anyone", "anybody":
		return j > 0 && callVerbs[tokens[j-1].Lemma]
	}
	return false
}

// callVerbs are the verbs after which "someone" is whom she would call
// (see calledOne).
var callVerbs = map[string]bool{"call": true, "ring": true, "phone": true, "contact": true, "text": true, "message": true,
	"tell": true, "ask": true, "see": true}

// bornThen reports whether the person at tokens[j] is the baby whose
// birth tells when: "after my son was born", "since my daughter arrived",
// "once he came".
func bornThen(tokens []analyze.Token, j int) bool {
	k := j + 1
	if k < len(tokens) && tokens[k].Lemma == "be" {
		k++
	}
	if k >= len(tokens) || tokens[k].Lemma != "born" && tokens[k].Lemma != "arrive" && tokens[k].Lemma != "arrived" {
		return false
	}
	for b := j - 1; b >= 0 && b >= j-3; b-- {
		switch tokens[b].Lemma {
		case "after", "since", "once", "when":
			return true
		}
	}
	return false
}

// ladyParts follow "lady" in her own body's name: "lady bits", "lady
// parts", "lady garden".
var ladyParts = map[string]bool{"bit": true, "bits": true, "part": true, "parts": true, "garden": true, "area": true}

// petHead and petTail are the two words of a pet name: "little man".
var (
	petHead = map[string]bool{"little": true, "lil": true, "wee": true}
	petTail = map[string]bool{"man": true, "lady": true, "dude": true, "guy": true}
)

// petName reports whether tokens[j] ends a pet name members give the baby
// they carry ("little man", "lil dude", "wee man"), with no child's age
// after it: "little man (3) fell off the sofa" is a toddler.
func petName(tokens []analyze.Token, j int) bool {
	if j == 0 || !petTail[tokens[j].Lemma] || !petHead[tokens[j-1].Lemma] {
		return false
	}
	for k := j + 1; k < len(tokens) && k <= j+3; k++ {
		if tokens[k].Lemma == analyze.NumberLemma || ageWords[tokens[k].Lemma] {
			return false
		}
	}
	return true
}

// otherHalf reports whether the "oh" at tokens[j] is "OH", her other half,
// rather than the interjection: after "my", "our" or "the", or opening a
// clause with what he does next ("OH slipped on ice and did his back in"),
// never before a comma, "no", "and", "my" and the like ("oh no, slipped
// on the ice", "oh and I fell").
func otherHalf(tokens []analyze.Token, j int) bool {
	if j > 0 {
		switch tokens[j-1].Lemma {
		case "my", "our", "the":
			return true
		}
		if !tokens[j-1].Is(analyze.Break) {
			return false
		}
	}
	return j+1 < len(tokens) && !tokens[j+1].Is(analyze.Break) && !interjected[tokens[j+1].Lemma]
}

// interjected are the words that follow "oh" the interjection.
var interjected = map[string]bool{"no": true, "noo": true, "nooo": true, "dear": true, "and": true, "my": true, "well": true,
	"god": true, "gosh": true, "btw": true, "yeah": true, "yes": true, "wait": true, "ok": true, "okay": true, "so": true,
	"i": true, "but": true, "lol": true, "hell": true, "man": true, "jeez": true, "look": true, "right": true, "the": true,
	"what": true, "how": true, "really": true, "wow": true, "hey": true, "hi": true, "hello": true, "sorry": true,
	"also": true, "just": true, "actually": true, "honestly": true, "shit": true, "crap": true, "damn": true, "bless": true,
	"thank": true, "thanks": true, "lord": true, "it": true, "that": true, "this": true, "there": true, "one": true,
	"forgot": true, "nearly": true, "yay": true, "ffs": true, "fun": true, "great": true, "brilliant": true,
	"oh": true, "ah": true, "if": true, "for": true, "to": true, "sweet": true, "heavens": true, "boy": true}

// parents are the others' words a member also calls herself.
var parents = map[string]bool{"mum": true, "mom": true, "mother": true, "mam": true, "mama": true, "mummy": true, "mommy": true}

// selfParent reports whether the parent word at tokens[j] is the member
// herself: "first time mum", "mum of two", "mum to 3", "I'm a mum", "as a
// mum"; never after "my", "a mum at work" or "the mum".
func selfParent(tokens []analyze.Token, j int) bool {
	if j > 0 {
		switch tokens[j-1].Lemma {
		case "time", "expectant", "ftm":
			return true // "first time mum", "expectant mum"
		case "my", "our", "his", "her", "your", "their", "the", "this", "that", "another", "one":
			return false // "drove my mum to A&E", "a mum at the school gates"
		case "a":
			// "I'm a mum of two", "as a mum", "quick q from a mum of 4",
			// never "a mum at work slipped"
			return j > 1 && (tokens[j-2].Lemma == "be" || tokens[j-2].Lemma == "as" || tokens[j-2].Lemma == "from")
		}
	}
	if j+1 < len(tokens) {
		switch tokens[j+1].Lemma {
		case "of", "to", "here":
			return j == 0 || tokens[j-1].Lemma != "a" // "mum of two here", "single mum of 3"
		}
	}
	return false
}

// ageWords stand before "old" in a child's age: "2 yr old", "3 year old".
var ageWords = map[string]bool{"year": true, "yr": true, "yrs": true, "years": true, "month": true, "months": true,
	"week": true, "weeks": true, "mo": true}

// observer reports whether the other person at tokens[j] tells what they
// saw of her, and the sign is hers: "my husband noticed blood on the
// sheets", "my mum says I look grey", "he says there's a lot of blood",
// "hubby says baby hasn't kicked all evening", but not "my friend said
// her labour started with backache". Helpers and an age may stand
// between: "my husband found the bed wet", "hubby's been timing them",
// "my daughter (6) she saw blood in the toilet". So may a fright whose
// cause follows: "my husband is freaking out bc there's a lot of blood".
// What the observer found or timed is hers unless "her" or "his" tells
// it: "my sister timed her contractions" are the sister's.
func observer(tokens []analyze.Token, j int, m match) bool {
	start := m.start
	k := j + 1
	for aged := false; k < start && (tokens[k].Is(analyze.Weak) || tokens[k].Lemma == "#" && !aged); k++ {
		aged = aged || tokens[k].Lemma == "#" // "my daughter (6)"
	}
	if k < start && (tokens[k].Lemma == "she" || tokens[k].Lemma == "he") {
		k++ // "my daughter she saw", as said in some Englishes
	}
	if k < start && k == j+1 && (tokens[k].Lemma == "say" || tokens[k].Lemma == "think" || tokens[k].Lemma == "reckon" || tokens[k].Lemma == "tell") {
		return k+1 < start && observed[tokens[k+1].Lemma]
	}
	// Helpers only before what they saw or did: "keeps telling me about
	// when she fainted" is a story of hers.
	for k < start && observerHelpers[tokens[k].Lemma] {
		k++
	}
	if k >= start {
		return false
	}
	switch l := tokens[k].Lemma; {
	case l == "notice" || l == "spot" || l == "see":
		return true
	case l == "find" || l == "time" || l == "count" || l == "point":
		// Nor "found blood on his pillow".
		return !ownedByThem(tokens, k+1, start) && !hisAfter(tokens, m)
	case frights[l]:
		for n := k + 1; n < start && n <= k+3; n++ {
			if tokens[n].Lemma == "because" {
				return !ownedByThem(tokens, n+1, start)
			}
		}
	}
	return false
}

// agrees reports whether the "right" at tokens[j] says she agrees with
// another ("she's right", "he is right", "they were right").
func agrees(tokens []analyze.Token, j int) bool {
	k := j - 1
	if k >= 1 && tokens[k].Lemma == "be" {
		k--
	}
	if k < 0 {
		return false
	}
	switch tokens[k].Lemma {
	case "she", "he", "they":
		return true
	}
	return false
}

// personPronoun reports whether the match opens with "he", "she" or
// "they" that the message has shown to be a person, not the baby she
// carries: earlier, the same word did what only a person does ("he
// promised it won't happen again... I get scared when he goes quiet", "he
// says I'd regret it, then he goes silent for days"). What babies do
// ("she was kicking all morning, now she's gone quiet") shows nothing.
func personPronoun(tokens []analyze.Token, m match) bool {
	p := tokens[m.start].Lemma
	if p != "he" && p != "she" && p != "they" {
		return false
	}
	for j := 0; j < m.start; j++ {
		if tokens[j].Lemma != p {
			continue
		}
		k := j + 1
		for k < m.start && k <= j+3 && (observerHelpers[tokens[k].Lemma] || tokens[k].Flags&analyze.Negation != 0 || personAdverbs[tokens[k].Lemma]) {
			k++
		}
		if k < m.start && personActs[tokens[k].Lemma] {
			return true
		}
	}
	return false
}

// personActs are what a person does and an unborn baby does not: "he
// says", "he promised", "she texted".
var personActs = map[string]bool{"say": true, "tell": true, "promise": true, "swear": true, "hit": true, "shout": true,
	"scream": true, "yell": true, "drive": true, "text": true, "call": true, "ring": true, "read": true, "talk": true,
	"speak": true, "drink": true, "rub": true, "massage": true, "cook": true, "apologise": true, "apologize": true,
	"threaten": true, "punch": true, "slap": true, "shove": true, "grab": true, "argue": true, "cheat": true,
	"reckon": true, "think": true, "want": true, "work": true, "snore": true}

// personAdverbs may stand between a person's word and what they do:
// "he just says", "he always shouts".
var personAdverbs = map[string]bool{"always": true, "never": true, "sometimes": true, "often": true, "then": true,
	"still": true, "usually": true}

// ownedByThem reports whether a third person's word stands in
// tokens[lo:hi], as the subject or the owner of what an observer found:
// "timed her contractions", "he's bleeding". "Them" and "it" are the
// things found ("timing them").
func ownedByThem(tokens []analyze.Token, lo, hi int) bool {
	for j := lo; j < hi && j < len(tokens); j++ {
		switch tokens[j].Lemma {
		case "he", "she", "his", "her", "their", "they":
			return true
		}
	}
	return false
}

// hisAfter reports whether "his" or "their" follows the match in its
// clause: "found blood on his pillow".
func hisAfter(tokens []analyze.Token, m match) bool {
	for j := m.end + 1; j < len(tokens) && !isClauseEnd(tokens[j]); j++ {
		if l := tokens[j].Lemma; l == "his" || l == "their" {
			return true
		}
	}
	return false
}

// observed open what an observer tells of her: "there's", "I", "you",
// or the baby she carries ("says baby hasn't kicked").
var observed = map[string]bool{"there": true, "i": true, "me": true, "my": true, "you": true, "your": true, "it": true,
	"baby": true, "bump": true}

// observerHelpers may stand between an observer and the verb: "hubby's
// been timing them", "my husband is freaking out", "mum just noticed".
var observerHelpers = map[string]bool{"be": true, "have": true, "keep": true, "just": true, "also": true, "literally": true,
	"actually": true, "already": true, "even": true, "do": true}

// frights are an observer's alarm at what they saw: "my husband is
// freaking out because there's blood everywhere".
var frights = map[string]bool{"freak": true, "freaking": true, "panic": true, "panicking": true, "worry": true,
	"worried": true, "scare": true, "scared": true, "terrified": true}

// proxy reports whether someone writes for the pregnant member ("husband
// writing:", "hubby here", "writing for my friend", "on behalf of my
// sister"), who is then the one the signs are about, unless she is "not
// pregnant".
func (s *Set) proxy(tokens []analyze.Token) bool {
	found := false
	for j, t := range tokens {
		l := t.Lemma
		switch {
		case s.pregnancy[l] && s.negatedBefore(tokens, j):
			return false
		case s.others[l] && j <= 2 && j+1 < len(tokens) && proxyVerbs[tokens[j+1].Lemma] && tokens[j+1].Lemma != "ask":
			found = true // "husband writing", "hubby here", as the message opens
		case labelWriters[l] && j <= 1 && j+2 < len(tokens) && tokens[j+1].Is(analyze.Break) && (tokens[j+2].Lemma == "she" || tokens[j+2].Lemma == "her" || tokens[j+2].Lemma == "my" || tokens[j+2].Lemma == "wife"):
			found = true // "partner: she went grey and nearly fainted", the writer named as a label
		case proxyVerbs[l] && l != "here" && j+3 < len(tokens) && tokens[j+1].Lemma == "for" &&
			(s.others[tokens[j+2].Lemma] || s.others[tokens[j+3].Lemma]):
			found = true // "writing for my friend"
		case l == "behalf" && j+3 < len(tokens) && (s.others[tokens[j+2].Lemma] || s.others[tokens[j+3].Lemma]):
			found = true // "on behalf of my sister"
		}
	}
	return found
}

// prepositions open a phrase whose "my" is not the subject of what
// follows: "my friend from my NCT group fell".
var prepositions = map[string]bool{"in": true, "at": true, "from": true, "of": true, "with": true, "on": true,
	"to": true, "for": true}

// labelWriters name the writer as a label before what they tell of her:
// "husband: she has been bleeding since lunch" (see proxy).
var labelWriters = map[string]bool{"husband": true, "hubby": true, "partner": true, "boyfriend": true, "bf": true,
	"dh": true, "oh": true, "fiance": true, "dad": true}

// proxyVerbs say who is writing: "husband writing", "asking for my sister".
var proxyVerbs = map[string]bool{"write": true, "post": true, "here": true, "ask": true, "message": true, "type": true}

// greetings open a message addressed to the group.
var greetings = map[string]bool{"hi": true, "hey": true, "hello": true, "hiya": true, "heya": true, "morning": true,
	"evening": true, "afternoon": true, "night": true, "thanks": true, "thank": true, "help": true, "sorry": true,
	"dear": true, "fellow": true, "evenin": true, "mornin": true, "yo": true, "hai": true, "helo": true, "hallo": true}

// vocative reports whether the person word at j addresses the group
// rather than names someone: "hey ladies", "morning all you lovely
// ladies", "help ladies".
func vocative(tokens []analyze.Token, j int) bool {
	if (j == 0 || tokens[j-1].Is(analyze.Break)) && j+2 < len(tokens) && inversions[tokens[j+1].Lemma] && askedOf[tokens[j+2].Lemma] {
		return true // "mate is this normal, ...": she asks a friend, or the group
	}
	// A question put to the group as the message opens: "Question for
	// the experienced mums:", "Quick q ladies".
	for k := j - 1; k >= 0 && j-k <= 5; k-- {
		l := tokens[k].Lemma
		if l == "question" || l == "q" || l == "qs" {
			return k == 0 || tokens[k-1].Is(analyze.Break) || tokens[k-1].Lemma == "quick" || tokens[k-1].Lemma == "random"
		}
		if l == "my" || l == "our" || l == "her" || l == "his" || tokens[k].Is(analyze.Break) {
			break
		}
	}
	for k := j - 1; k >= 0 && j-k <= 3; k-- {
		switch l := tokens[k].Lemma; {
		case greetings[l]:
			return true
		case l == "my" || l == "our" || l == "her" || l == "his" || l == "a" || l == "the":
			return false
		}
	}
	return false
}

// inversions and askedOf open a question put to someone named first:
// "mate is this normal", "girls does anyone else".
var (
	inversions = map[string]bool{"be": true, "do": true, "can": true, "will": true, "should": true, "have": true}
	askedOf    = map[string]bool{"this": true, "it": true, "that": true, "anyone": true, "anybody": true, "you": true, "u": true}
)

// simile reports whether the person at tokens[j] only stands in a
// comparison: "like someone is stabbing me", "as if somebody kicked me".
func simile(tokens []analyze.Token, j int) bool {
	k := j - 1
	if k >= 0 && (tokens[k].Lemma == "a" || tokens[k].Lemma == "some") {
		k-- // "like a man is sitting on my back"
	}
	switch {
	case k >= 0 && tokens[k].Lemma == "like":
		return true
	case k >= 1 && tokens[k-1].Lemma == "as" && (tokens[k].Lemma == "if" || tokens[k].Lemma == "though"):
		return true
	}
	return false
}

// agent reports whether the person or animal at j is the doer of a
// passive ("hit by a car", "knocked over by my toddler"), so the sign is
// the member's.
func agent(tokens []analyze.Token, j int) bool {
	for k := j - 1; k >= 0 && k >= j-3; k-- {
		switch tokens[k].Lemma {
		case "by":
			return true
		case "a", "an", "the", "my", "our", "his", "her", "their", "big", "little", "small", "neighbour", "neighbor":
			continue
		}
		return false
	}
	return false
}

// herPregnancyLater reports whether a clause after index end gives "she"
// a pregnancy, with no "I": "She's 26 weeks", not "is it safe for pregnant
// women?".
func (s *Set) herPregnancyLater(tokens []analyze.Token, end int) bool {
	k := end + 1
	for k < len(tokens) && !isClauseEnd(tokens[k]) {
		k++
	}
	her, self, pregnant := false, false, false
	for ; k < len(tokens); k++ {
		t := tokens[k]
		if isClauseEnd(t) {
			if her && pregnant && !self {
				return true
			}
			her, self, pregnant = false, false, false
			continue
		}
		switch {
		case t.Lemma == "she" || t.Lemma == "her":
			her = true // not "pregnant women" in general
		case (s.pregnancy[t.Lemma] || t.Gestation()) && s.pregnant(tokens, k):
			pregnant = true
		case s.selves[t.Lemma] && !s.pregnancy[t.Lemma]:
			self = true
		}
	}
	return her && pregnant && !self
}

// mineMoves are the movements that make "mine" the member's baby: "mine's
// kicking", "mine move a lot" (1 for each).
var mineMoves = map[string]int{"kick": 1, "kicking": 1, "move": 1, "moving": 1, "wriggle": 1, "active": 1, "wriggling": 1}

// othersBefore reports whether another person is the subject of the
// clause before tokens[j]: "my sister is 34 weeks", not "I'm 34 weeks".
func (s *Set) othersBefore(tokens []analyze.Token, j int) bool {
	for k := j - 1; k >= 0 && !isClauseEnd(tokens[k]); k-- {
		l := tokens[k].Lemma
		switch {
		case s.others[l]:
			return true
		case l == "my" || l == "our":
			continue // "my sister"
		case s.selves[l] && !s.pregnancy[l]:
			return false
		}
	}
	return false
}

// theirs reports whether a match names someone else's baby: "lost her
// baby", "their little boy" (not "we lost her at 20 weeks", the baby).
func theirs(tokens []analyze.Token, m match) bool {
	for j := m.start; j < m.end && j+1 < len(tokens); j++ {
		if l := tokens[j].Lemma; (l == "her" || l == "his" || l == "their") && babyWords[tokens[j+1].Lemma] {
			return true
		}
	}
	return false
}

// babyWords name a baby after a possessive: "her baby", "their son".
var babyWords = map[string]bool{"baby": true, "babies": true, "bub": true, "son": true, "daughter": true, "little": true,
	"pregnancy": true, "bump": true, "one": true, "twins": true, "boy": true, "girl": true}

// writerPregnant reports whether the writer tells of her own pregnancy
// or her own baby's movements: "I'm 20 weeks", "I am pregnant too", "me
// 28 weeks", "mine's kicking my ribs". At most three words stand between
// the first person and the pregnancy, none of them another person ("I'm
// her mum, she's 30 weeks" is the daughter's). Another's pregnancy
// measured against hers ("2 weeks ahead of me") tells hers.
func (s *Set) writerPregnant(tokens []analyze.Token) bool {
	for j, t := range tokens {
		if t.Lemma == "mine" && j+2 < len(tokens) && mineMoves[tokens[j+1].Lemma]+mineMoves[tokens[j+2].Lemma] > 0 {
			return true // "mine's kicking my ribs", "mine move a lot": her own baby
		}
		// Another's pregnancy measured against hers: "coworker (also
		// pregnant, 2 weeks ahead of me)". ("My sister is also pregnant
		// and she's bleeding" tells nothing of the member's.)
		if (t.Lemma == "ahead" || t.Lemma == "behind") && j > 0 && s.weeks[tokens[j-1].Lemma] && j+2 < len(tokens) &&
			tokens[j+1].Lemma == "of" && tokens[j+2].Lemma == "me" {
			return true
		}
		if l := t.Lemma; l != "i" && l != "me" {
			continue
		}
		for k := j + 1; k < len(tokens) && k <= j+4 && !isClauseEnd(tokens[k]); k++ {
			if s.others[tokens[k].Lemma] || tokens[k].Lemma == "she" || tokens[k].Lemma == "her" {
				break
			}
			if (s.pregnancy[tokens[k].Lemma] || tokens[k].Gestation()) && s.pregnant(tokens, k) {
				return true
			}
			if _, ok := weeksAt(tokens, k, s.weeks); ok && k >= 2 && tokens[k-1].Lemma == "at" && (tokens[k-2].Lemma == "me" || tokens[k-2].Lemma == "be") {
				return true // "meanwhile me at 25 weeks", "I'm at 25 weeks": her weeks, not an event's
			}
		}
	}
	return false
}

// pregnant reports whether tokens[k] names a pregnancy: "pregnant", "28
// weeks", "6 months" (a number of months), "37+2", unless negated or when
// something happened ("at 38 weeks").
func (s *Set) pregnant(tokens []analyze.Token, k int) bool {
	l := tokens[k].Lemma
	counted := k > 0 && tokens[k-1].Lemma == analyze.NumberLemma
	months := l == "month" && counted
	if s.weeks[l] && !counted && !(k > 1 && tokens[k-2].Lemma == analyze.NumberLemma) {
		return false // "last week", "a few weeks ago": no pregnancy
	}
	if (s.weeks[l] || months) && k+1 < len(tokens) && notGestation[tokens[k+1].Lemma] {
		return false // "30 weeks old", "6 weeks post op", "2 weeks out from her wedding"
	}
	return (s.pregnancy[l] || months || tokens[k].Gestation()) && !s.negatedBefore(tokens, k) && !(k >= 2 && tokens[k-2].Lemma == "at") &&
		!pregnancyAsTime(tokens, k)
}

// pregnancyAsTime reports whether the pregnancy at tokens[k] tells when,
// in a clause not told as now, not that someone is pregnant now: "my aunt
// had a clot in pregnancy", "had numbness in her legs during her
// pregnancy"; never "is bleeding a lot in her pregnancy".
func pregnancyAsTime(tokens []analyze.Token, k int) bool {
	if tokens[k].Lemma != "pregnancy" || k == 0 {
		return false
	}
	j := k - 1
	if j > 0 && (tokens[j].Lemma == "her" || tokens[j].Lemma == "their" || tokens[j].Lemma == "a") {
		j--
	}
	if tokens[j].Lemma != "in" && tokens[j].Lemma != "during" {
		return false
	}
	// Not told as now: "had a clot in pregnancy", "suffered a fall during
	// her pregnancy"; never "is bleeding a lot in her pregnancy".
	for i := j - 1; i >= 0 && !isClauseEnd(tokens[i]); i-- {
		switch tokens[i].Term {
		case "is", "are", "am", "has", "now", "today":
			return false
		}
	}
	return true
}

// notGestation are the words that make weeks or months after them a time
// other than a pregnancy: an age, since an operation or a birth, until an
// event, or ago.
var notGestation = map[string]bool{"old": true, "post": true, "postpartum": true, "pp": true, "postnatal": true,
	"out": true, "ago": true}

// unlikeUsual reports whether the cue at j sets what follows against the
// usual ("not the usual spasms", "not my normal back pain"): a contrast
// that tells of something new, never a list it denies.
func unlikeUsual(tokens []analyze.Token, j int) bool {
	if j+2 >= len(tokens) {
		return false
	}
	switch tokens[j+1].Lemma {
	case "the", "my", "your", "her":
	default:
		return false
	}
	switch tokens[j+2].Lemma {
	case "usual", "normal", "typical", "regular", "same":
		return true
	}
	return false
}

// hedged reports whether the cue at j is a hedge: "not sure", "no idea".
func (s *Set) hedged(tokens []analyze.Token, j int) bool {
	if tokens[j].Lemma == "no" && j+1 < len(tokens) && (tokens[j+1].Lemma == "more" || tokens[j+1].Lemma == "longer") {
		return false // "no more dizziness" is none at all, unlike "not more than usual"
	}
	for k := j + 1; k < len(tokens) && k <= j+2; k++ {
		t := tokens[k]
		if t.Is(analyze.Break) {
			return false
		}
		if s.hedges[t.Lemma] {
			return true
		}
		if t.Lemma != "a" && t.Lemma != "be" && t.Lemma != "do" && t.Lemma != "have" {
			return false
		}
	}
	return false
}

// hedgedAfter: a quantity right after the match means some is present:
// "not bleeding a lot", "not moving much", "not bleeding that much".
func (s *Set) hedgedAfter(tokens []analyze.Token, end int) bool {
	return s.someAmount(tokens, end+1)
}

// degrees are the quantities that only tell how much of another.
var degrees = map[string]bool{"that": true, "as": true, "too": true, "very": true}

// herBody reports whether a baby word of the match is a possessive
// before a part of a woman's body: in "my wife has basically stopped
// moving bc of her back" the "her" that the baby's group holds ("she's
// not moved") is the wife's, and nobody says the baby stopped moving.
func (s *Set) herBody(tokens []analyze.Token, p *phrase, m match) bool {
	for k := 0; k < m.n && k < len(p.terms); k++ {
		j := m.pos[k]
		if l := tokens[j].Lemma; (l == "her" || l == "his" || l == "their") && j+1 < len(tokens) &&
			s.bodyParts[tokens[j+1].Lemma] && hasAlternative(p.terms[k], "baby") {
			return true
		}
	}
	return false
}

// hasAlternative reports whether term holds alt among its alternatives.
func hasAlternative(term, alt string) bool {
	for a := range strings.SplitSeq(term, altSep) {
		if a == alt {
			return true
		}
	}
	return false
}

// strangers are the indefinite people who, standing inside an unless
// pattern's match, do what its verb says instead of its subject: in "does
// a bump protect the baby if someone punches you?" the baby punches
// nobody.
var strangers = map[string]bool{"someone": true, "somebody": true, "anyone": true, "anybody": true, "stranger": true}

// doings are what she does "a lot" of: walking a lot undoes no save.
var doings = map[string]bool{"walk": true, "move": true, "stand": true, "sit": true, "work": true, "exercise": true,
	"bend": true, "lift": true, "run": true, "clean": true, "drive": true, "travel": true, "carry": true}

// pronouns are the words that may stand for the baby or for someone else
// at the start of an unless match: "her" is the baby in "her kicking",
// not in "her partner kicked her".
var pronouns = map[string]bool{"she": true, "he": true, "her": true, "him": true, "they": true, "them": true}

// someoneBetween reports whether a stranger stands between the words of
// match m (see strangers), or, when the match opens with a person, one
// of the people who may harm her (see AbuserGroup), or, when it opens with
// someone else, a subject pronoun: in "her partner kicked her in the
// stomach" the partner kicks, not the baby, in "my daughter's partner
// shoved her" not the daughter, and in "for the kids he shoved me" not
// the kids.
func (s *Set) someoneBetween(tokens []analyze.Token, m match) bool {
	other := s.isOther(tokens, m.start)
	person := pronouns[tokens[m.start].Lemma] || other
	for j := m.start + 1; j < m.end; j++ {
		if m.holds(j) {
			continue
		}
		l := tokens[j].Lemma
		if strangers[l] || person && s.abusers[l] || other && subjectPronouns[l] {
			// "told him to be quiet for the kids he shoved me": the
			// kids are not who shoved her.
			return true
		}
	}
	return false
}

// carerActs reports whether the match opens with a "he" or "she" that
// stands for a carer: the nearest person named before it in its sentence
// is a carer, with no word of telling between them. "Saw the midwife
// about my back, she checked everything" and "asked my OB about it and
// she checked everything" are the carer's; "the GP asked if he hurts me"
// and "the midwife was lovely but he controls everything" are not, nor is
// "I told the midwife he checks everything", where the pronoun is what
// she told, not the next thing the carer did. Across a full stop the
// pronoun is nobody's: "went to the GP. he checks everything I do".
func (s *Set) carerActs(tokens []analyze.Token, m match) bool {
	if !m.holds(m.start) || !subjectPronouns[tokens[m.start].Lemma] || tokens[m.start].Lemma == "they" {
		return false
	}
	comma, and := false, false // between carer and pronoun
	j := m.start - 1
	for ; j >= 0 && !isClauseEnd(tokens[j]); j-- {
		t := tokens[j]
		l := t.Lemma
		switch {
		case t.Is(analyze.Break):
			comma = true
		case l == "and" || l == "then" || l == "so":
			and = true
		case s.carers[l]:
			// Told, the carer is followed by what she was told unless an
			// "and" brings her next act: "asked my OB about it and she
			// checked everything", "told my midwife, he checks everything".
			if told := toldBefore(tokens, j); told && !and || !told && !and && !comma {
				return false
			}
			// Anyone else named before her in the sentence may be the
			// one: "told my husband I'd see the GP and he pushed me".
			for k := j - 1; k >= 0 && !isClauseEnd(tokens[k]); k-- {
				if l := tokens[k].Lemma; s.others[l] || s.abusers[l] {
					return false
				}
			}
			return true
		case s.others[l] || s.abusers[l] || subjectPronouns[l] || telling[l]:
			return false
		}
	}
	return j > 0 && s.carerExamined(tokens, m, j)
}

// carerExamined reports whether a "he" or "she" opening the match, right
// after the full stop at tokens[stop], is a carer who examined her: the
// match checks or examines, its sentence goes on to what was measured and
// its result, with no word of the member's between ("my OB said it's my
// posture. She checked everything, urine fine, BP fine, baby measuring
// perfect"), and the last person named before it is a carer, with nobody
// else named before her. "Went to the GP. He checks everything I do",
// "Midwife came round, all good. He checks everything, the receipts, the
// mileage, never good enough" and "He controls everything" stay what
// they say.
func (s *Set) carerExamined(tokens []analyze.Token, m match, stop int) bool {
	checks := false
	for k := m.start; k <= m.end; k++ {
		checks = checks || tokens[k].Lemma == "check" || tokens[k].Lemma == "examine"
	}
	if !checks {
		return false // "he controls everything", "he goes through everything"
	}
	measured, result := false, false
	for k := m.end + 1; k < len(tokens) && !isClauseEnd(tokens[k]) && !result; k++ {
		l := tokens[k].Lemma
		if s.asking.firstPerson[l] {
			return false
		}
		if examined[l] {
			measured = true
		} else if measured {
			result = s.fine[l] || examResults[l]
		}
	}
	if !result {
		return false // "he checks everything, the receipts, the mileage, never good enough"
	}
	carer := false
	for j := stop - 1; j >= 0; j-- {
		switch l := tokens[j].Lemma; {
		case s.others[l] || s.abusers[l]:
			return false
		case s.carers[l]:
			carer = true
		case subjectPronouns[l] && !carer:
			return false
		}
	}
	return carer
}

// examined are what a carer measures: "urine fine, BP fine".
var examined = map[string]bool{"urine": true, "wee": true, "bp": true, "pressure": true, "bloods": true, "blood": true,
	"heartbeat": true, "heart": true, "baby": true, "cervix": true, "sample": true, "temperature": true, "temp": true,
	"obs": true, "swab": true, "scan": true, "growth": true, "fluid": true, "sugar": true, "iron": true,
	"hip": true, "hips": true, "pelvis": true, "spine": true, "reflexes": true, "leg": true, "legs": true, "bump": true}

// examResults are words that give an examination's result: "BP
// perfect", "urine clear".
// (with the answers that mean all is well, s.fine).
var examResults = map[string]bool{"perfect": true, "clear": true, "healthy": true, "happy": true}

// onScreen reports whether the match tells the plot of something she
// watched: a drama, film or storyline, then "where", "when", "with" or
// "about", opens its sentence's part before it, with no first-person word
// between ("watching a drama where the husband controls her bank
// account", "that soap storyline with the baby not moving"). "I was
// watching a film when my waters went" is hers, and so is "watching TV and
// the baby hasn't moved", which tells no plot.
//
// Told with a character as its subject ("she", "her", "there was") right
// before it, after something she watched or read earlier in its clause,
// the sign is the story's too: "The ending of that drama had me in bits,
// she lost the baby", "watching One Born Every Minute and her waters just
// went everywhere" (a named show after "watching"). Her own "I", "my" or
// "we" between keeps it hers, and so does a sign with no character:
// "reading a book in bed when a gush of water soaked the sheets".
func (s *Set) onScreen(tokens []analyze.Token, m match) bool {
	if s.toldOfScreen(tokens, m) {
		return true
	}
	if slices.ContainsFunc(tokens[m.start:m.end+1], func(t analyze.Token) bool { return ownWords[t.Lemma] || t.Lemma == "me" }) {
		return false // "we were watching a film when he hit me": done to her
	}
	// A plot opened inside the match: "my husband and there was a scene
	// where a bloke was hitting his wife", "reading a thriller where the
	// husband controls everything".
	for j := m.start + 1; j < m.end; j++ {
		if plotWords[tokens[j].Lemma] && tokens[j].Lemma != "with" && isFiction(tokens, j-1) {
			return true
		}
	}
	for j := m.start - 1; j > 0 && !isClauseEnd(tokens[j]); j-- {
		l := tokens[j].Lemma
		if s.asking.firstPerson[l] {
			return false
		}
		if !plotWords[l] {
			continue
		}
		// "that drama where", "that new drama on bbc where" (a "when"
		// that far is her time: "reading a book in bed when a gush of
		// water soaked the sheets").
		reach := 2
		if l == "where" || l == "about" {
			reach = fictionReach
		}
		for k := j - 1; k >= 0 && k >= j-reach && !tokens[k].Is(analyze.Break) && !ownWords[tokens[k].Lemma]; k-- {
			if isFiction(tokens, k) {
				return true
			}
		}
	}
	return false
}

// toldOfScreen reports whether the match is a character's sign after
// something watched or read earlier in its clause (see onScreen).
func (s *Set) toldOfScreen(tokens []analyze.Token, m match) bool {
	if slices.ContainsFunc(tokens[m.start:m.end+1], func(t analyze.Token) bool { return ownWords[t.Lemma] || t.Lemma == "me" }) {
		return false // "watching a film when someone kicked my bump": done to her
	}
	character := false
	for k := m.start - 1; k >= 0 && k >= m.start-characterReach && !tokens[k].Is(analyze.Break); k-- {
		character = character || characters[tokens[k].Lemma]
	}
	for j := m.start - 1; j >= 0 && !isClauseEnd(tokens[j]); j-- {
		l := tokens[j].Lemma
		if ownWords[l] && !(j > 0 && tokens[j-1].Lemma == "with") {
			return false // "watching it with my wife" is company, not her own news
		}
		watched := l == "watch" && j+1 < m.start && tokens[j+1].Lemma == analyze.NameWord
		if (isFiction(tokens, j) || watched) && character {
			return true
		}
	}
	return false
}

// fictionReach is how many words before "where" or "about" the thing
// watched may stand: "that new drama on bbc where".
const fictionReach = 3

// characters are the subjects of a story's sign: "she lost the baby",
// "there was a stillbirth", "her waters went".
var characters = map[string]bool{"she": true, "he": true, "her": true, "his": true, "they": true, "their": true, "there": true,
	"woman": true, "lady": true, "character": true}

// characterReach is how many words before a sign its character may stand
// (see toldOfScreen).
const characterReach = 2

// ownWords are her own words as a subject or owner: "I", "my", "we".
var ownWords = map[string]bool{"i": true, "my": true, "we": true, "our": true, "us": true, "mine": true, "myself": true}

// fiction are the things she watches or reads whose plot she may tell.
var fiction = map[string]bool{"drama": true, "film": true, "movie": true, "show": true, "episode": true, "series": true,
	"soap": true, "storyline": true, "documentary": true, "programme": true, "program": true, "scene": true,
	"novel": true, "book": true, "sitcom": true, "serial": true, "plot": true, "thriller": true, "podcast": true, "chapter": true, "audiobook": true}

// isFiction reports whether tokens[j] names a thing watched or read (see
// fiction). "Show" is also a verb, and then names nothing watched: "she
// just showed me her pad, there's spotting on it" is hers, not a plot.
// The verb has a subject or helper before it ("she showed", "just show",
// "to show") or someone shown after it ("showed me").
func isFiction(tokens []analyze.Token, j int) bool {
	if !fiction[tokens[j].Lemma] {
		return false
	}
	if tokens[j].Lemma != "show" {
		return true
	}
	if j > 0 && showVerbBefore[tokens[j-1].Lemma] {
		return false
	}
	return j+1 >= len(tokens) || !shownTo[tokens[j+1].Lemma]
}

// showVerbBefore and shownTo stand before and after "show" the verb.
var (
	showVerbBefore = map[string]bool{"she": true, "he": true, "i": true, "we": true, "they": true, "you": true, "it": true,
		"just": true, "to": true, "can": true, "will": true, "would": true, "do": true, "did": true, "also": true, "then": true}
	shownTo = map[string]bool{"me": true, "us": true, "him": true, "her": true, "them": true, "you": true, "it": true}
)

// plotWords open a plot after a word of fiction: "a drama where...".
var plotWords = map[string]bool{"where": true, "when": true, "with": true, "about": true}

// toldBefore reports whether a verb of telling stands just before
// tokens[j] in its clause: "told the midwife", "asked my GP".
func toldBefore(tokens []analyze.Token, j int) bool {
	for k := j - 1; k >= 0 && k >= j-3 && !tokens[k].Is(analyze.Break); k-- {
		if telling[tokens[k].Lemma] {
			return true
		}
	}
	return false
}

// telling are the words that, between a carer and a pronoun, make the
// pronoun someone she tells of ("the GP asked if he...") or bring in
// someone else ("but he..."); before a carer, they make the carer the
// one told ("told the midwife he...").
var telling = map[string]bool{"tell": true, "say": true, "ask": true, "mention": true, "explain": true, "admit": true,
	"confide": true, "disclose": true, "report": true, "warn": true, "show": true, "text": true, "message": true,
	"that": true, "if": true, "whether": true, "because": true, "cos": true, "but": true, "worry": true,
	"scared": true, "afraid": true, "know": true, "think": true}

// subjectPronouns are the pronouns that make themselves the subject of what
// follows them.
var subjectPronouns = map[string]bool{"he": true, "she": true, "they": true}

// doubting are the adverbs that, right after a cue, leave it denying a
// reassurance (see doubted): "not really felt her move much", "not very
// active", where "not really bleeding much" still tells of some blood.
var doubting = map[string]bool{"really": true, "very": true, "too": true, "that": true, "so": true, "quite": true, "properly": true}

// doubted reports whether a cue with a doubting adverb right after it
// stands in the clause before start, within Reach content words: "I've
// not really felt her move much" denies the reassurance "her move much".
func (s *Set) doubted(tokens []analyze.Token, start int) bool {
	content := 0
	for j := start - 1; j >= 0 && content < Reach; j-- {
		t := tokens[j]
		if t.Is(analyze.Break) || t.Is(analyze.ScopeEnd) {
			return false
		}
		if t.Is(analyze.Negation) {
			return j+1 < start && doubting[tokens[j+1].Lemma]
		}
		if !t.Is(analyze.Stop) {
			content++
		}
	}
	return false
}

// negatedBefore looks back from the match for a cue in the same clause.
// A match that starts with a new subject ("she hasn't moved") starts a new
// clause, which no earlier cue reaches.
func (s *Set) negatedBefore(tokens []analyze.Token, start int) bool {
	return s.negationBefore(tokens, start, false)
}

// negationBefore is negatedBefore; with hedges, a cue hedged by a verb
// that passes it on ("I don't think") counts too.
func (s *Set) negationBefore(tokens []analyze.Token, start int, hedges bool) bool {
	if at := start - 1; at > 0 && tokens[at].Lemma == "my" && tokens[at-1].Lemma == "not" &&
		!(at > 1 && tokens[at-2].Lemma == "or") && !hopedNot(tokens, at-1) {
		// "at least it's not my waters breaking": "not" denies her own;
		// not with a worried tag ("it's not my waters, is it?"), nor
		// "whether or not my waters have gone", nor a hope ("I hope
		// it's not my waters going").
		return !s.hedged(tokens, at-1) && !taggedWorry(tokens, start)
	}
	if s.opensClause(tokens, start) {
		return false // a new subject starts the match: "no pain, my waters went"
	}
	content, raised := 0, -1
	for j := start - 1; j >= 0 && start-j <= 2*Reach; j-- {
		t := tokens[j]
		if t.Is(analyze.ScopeEnd) && j > 0 && raising[tokens[j-1].Lemma] && s.subjects[t.Lemma] {
			raised = j - 1
			continue // "don't think I've felt her": the "I" after "think" is no new subject
		}
		if t.Is(analyze.Break) || t.Is(analyze.ScopeEnd) {
			return false
		}
		if t.Lemma == "and" && j+1 < start && tokens[j+1].Lemma == "the" && verbAfter(tokens, j+2) {
			// "and the" opens a clause with a subject and a verb of its
			// own: "pain that won't let up and the baby has stopped
			// moving"; not another object of the cue: "haven't had the
			// headaches and the blurry vision my sister had".
			return false
		}
		if (t.Lemma == "for" || t.Lemma == "from" || t.Lemma == "with") && j > 0 && (ownVerbs[tokens[j-1].Lemma] || listVerbs[tokens[j-1].Lemma]) {
			// "couldn't even speak for the pain", "can't walk with the
			// pain": the cue denies what she can do, and the sign after
			// it is the cause.
			return false
		}
		if t.Lemma == "and" && j+1 < start && sayings[tokens[j+1].Lemma] {
			// "wet herself without realising and says her bum feels numb":
			// what she says is a clause of its own.
			return false
		}
		if soughtThings[t.Lemma] {
			// "not looking for sympathy 🙂 stillbirth at 37 weeks": the
			// cue's object stands before the match, which it does not reach.
			return false
		}
		if benignLabels[t.Lemma] && j+1 < start && !tokens[j+1].Is(analyze.Break) && tokens[j+1].Lemma != "or" && tokens[j+1].Lemma != "and" {
			// "def not braxton hicks anymore 🫠 every 4 mins": the cue
			// denies the harmless name, which tells the sign.
			return false
		}
		if raising[t.Lemma] && raised < 0 {
			raised = j // "feel nothing and think the baby would be better off": a verb of its own
		}
		if raised >= 0 && clauseJoins[t.Lemma] {
			// "feel nothing and think they'd be better off": the cue
			// belongs to the clause before the verb, and is not raised.
			return false
		}
		if t.Is(analyze.Negation) {
			if wishedUndone(tokens, j) {
				return false // "I wish my waters hadn't gone": they have
			}
			and := j + 2
			if and < start && verbParticles[tokens[and].Lemma] {
				and++ // "can't lie back and breathing is hard"
			}
			if and < start && ownVerbs[tokens[j+1].Lemma] && tokens[and].Lemma == "and" && and+1 <= start &&
				(!reportVerbs[tokens[and+1].Lemma] || keptUp[tokens[j+1].Lemma] && (tokens[and+1].Lemma == "have" || tokens[and+1].Lemma == "get")) {
				// "can't poop and numb butt since yesterday": the cue's
				// verb, then a clause of its own; so is what she has on
				// top of a night without sleep: "not sleeping and having
				// dark thoughts", "can't eat and getting panic attacks".
				return false
			}
			if raised >= 0 && t.Lemma != "not" && t.Lemma != "never" {
				return false // only "not" and "never" raise: "nothing" is an object
			}
			if hedges && j+1 < len(tokens) && raising[tokens[j+1].Lemma] {
				return true
			}
			return !s.hedged(tokens, j)
		}
		if !t.Is(analyze.Stop) && !raising[t.Lemma] {
			if content++; content >= Reach {
				return false
			}
		}
	}
	return false
}

// sayings, after "and", open what someone says: a clause of its own
// that a cue before them does not reach (see negationBefore).
var sayings = map[string]bool{"say": true, "tell": true, "mention": true, "complain": true, "report": true}

// benignLabels name a harmless reading of a sign; a cue that denies one
// affirms the sign told after it (see negationBefore).
var benignLabels = map[string]bool{"hick": true, "hicks": true, "bh": true}

// wishedUndone reports whether the cue at tokens[j] undoes, in a wish,
// what is so: "I wish my waters hadn't gone", "if only I hadn't fallen",
// "I wish the baby wasn't so quiet today". Such a cue affirms the sign it
// stands before.
func wishedUndone(tokens []analyze.Token, j int) bool {
	for k := j - 1; k >= 0 && k >= j-4 && !tokens[k].Is(analyze.Break); k-- {
		if l := tokens[k].Lemma; l == "wish" || l == "only" && k > 0 && tokens[k-1].Lemma == "if" {
			// Never a wish of luck: "scan tomorrow wish me luck no bleeding".
			return !(k+1 < len(tokens) && wishedOn[tokens[k+1].Lemma])
		}
	}
	return false
}

// wishedOn are the people a wish of luck is made on (see wishedUndone).
var wishedOn = map[string]bool{"me": true, "you": true, "us": true, "her": true, "him": true, "everyone": true, "them": true}

// hopedNot reports whether a hope or a prayer stands before the "not" at
// tokens[j] in its clause: "I hope it's not my waters going".
func hopedNot(tokens []analyze.Token, j int) bool {
	for k := j - 1; k >= 0 && k >= j-4 && !tokens[k].Is(analyze.Break); k-- {
		switch tokens[k].Lemma {
		case "hope", "hopefully", "pray", "praying", "please", "wish":
			return true
		}
	}
	return false
}

// taggedWorry reports whether the sentence from tokens[j] ends in a tag
// question that asks to be told otherwise: "it's not my waters breaking,
// is it?", "..., right?".
func taggedWorry(tokens []analyze.Token, j int) bool {
	for k := j; k < len(tokens) && k < j+10; k++ {
		if tokens[k].Is(analyze.Question) {
			if k >= 1 {
				switch tokens[k-1].Lemma {
				case "right", "yeah", "no", "innit", "surely", "correct":
					return true
				}
			}
			return k >= 2 && tokens[k-1].Lemma == "it" && tokens[k-2].Lemma == "be"
		}
		if isClauseEnd(tokens[k]) {
			return false
		}
	}
	return false
}

// soughtThings are what a member says she is not after, objects that end
// a cue's reach: "not looking for sympathy", "no drama", "not after
// advice".
var soughtThings = map[string]bool{"sympathy": true, "pity": true, "attention": true, "drama": true, "fuss": true,
	"reassurance": true, "advice": true, "opinions": true, "lecture": true, "judgement": true, "judgment": true}

// verbAfter reports whether an auxiliary or a verb of going on follows
// the subject that opens at tokens[j], within three words: "the baby
// has stopped", "the pain is".
func verbAfter(tokens []analyze.Token, j int) bool {
	for k := j; k < len(tokens) && k <= j+2 && !tokens[k].Is(analyze.Break); k++ {
		switch tokens[k].Lemma {
		case "be", "have", "do", "keep", "seem", "start", "stop", "feel", "will", "can", "could", "would":
			return k > j
		}
	}
	return false
}

// opensClause reports whether tokens[start] is a new subject, which
// starts a clause of its own that no earlier cue reaches.
func (s *Set) opensClause(tokens []analyze.Token, start int) bool {
	return tokens[start].Is(analyze.ScopeEnd) && s.subjects[tokens[start].Lemma]
}

// readingWords may stand between a cue and the reading it denies: "haven't
// measured a temp above 38", "never had high BP over 140", "haven't
// spiked a temp over 38".
var readingWords = map[string]bool{"measure": true, "measured": true, "record": true, "recorded": true, "take": true,
	"high": true, "higher": true, "raised": true, "raise": true, "spike": true, "spiked": true, "see": true, "seen": true,
	"reach": true, "hit": true, "go": true, "above": true, "over": true, "reading": true, "readings": true, "let": true,
	"show": true, "run": true, "running": true}

// readingDenied reports whether a negation cue governs a reading at
// tokens[start] directly: only function words, words that fill a denial
// ("have", "any"), and a verb of thinking with its subject stand between
// them ("no temp of 39", "don't think I have a temp of 38"). A cue of
// another predicate leaves it standing: "shaking cant get warm temp 39".
func (s *Set) readingDenied(tokens []analyze.Token, start int) bool {
	for j := start - 1; j >= 0 && !tokens[j].Is(analyze.Break); j-- {
		t := tokens[j]
		switch {
		case t.Is(analyze.Negation):
			return true
		case t.Is(analyze.Stop) || s.denialFill[t.Lemma] || raising[t.Lemma] || readingWords[t.Lemma]:
		case s.subjects[t.Lemma] && j > 0 && raising[tokens[j-1].Lemma]:
		default:
			return false
		}
	}
	return false
}

// contrasts, right after a sign, set it against what came before.
var contrasts = map[string]bool{"though": true, "tho": true, "however": true, "still": true, "although": true}

// contrastAfter reports whether a contrast word follows tokens[end].
func contrastAfter(tokens []analyze.Token, end int) bool {
	return end+1 < len(tokens) && contrasts[tokens[end+1].Lemma]
}

// cueRightBefore reports whether a negation cue stands right before
// tokens[start], with only function words between: "no bleeding though".
func cueRightBefore(tokens []analyze.Token, start int) bool {
	for j := start - 1; j >= 0 && !tokens[j].Is(analyze.Break); j-- {
		if tokens[j].Is(analyze.Negation) {
			return true
		}
		if !tokens[j].Is(analyze.Stop) {
			return false
		}
	}
	return false
}

// clauseJoins join two clauses: a cue before one does not reach through
// a raising verb after it.
var clauseJoins = map[string]bool{"and": true, "or": true, "so": true, "then": true}

// raising are verbs that pass a negation on to the clause after them:
// "I don't think I've felt her move much" is "I haven't felt her move
// much".
var raising = map[string]bool{"think": true, "believe": true, "reckon": true, "remember": true, "suppose": true, "recall": true}

// negatedList reports whether the match is an item of a list that a cue
// negated: "no bleeding, fever or tightening, just sore". The match must
// end its item, and every item before it must be short, so that "no
// fever, bleeding since this morning" keeps the sign.
func (s *Set) negatedList(tokens []analyze.Token, start, end int) bool {
	if tokens[start].Lemma == analyze.NumberLemma {
		return false // "no break, 28 weeks": her weeks are no item of the list
	}
	if s.opensClause(tokens, start) {
		// A new subject starts a clause of its own, no item: "please
		// don't reply in the group, he goes through my phone".
		return false
	}
	if !s.itemEnds(tokens, end) {
		return false
	}
	items, words := 0, 0
	for j := start - 1; j >= 0; j-- {
		t := tokens[j]
		switch {
		case isClauseEnd(t), t.Is(analyze.ScopeEnd):
			return false
		case (dayParts[t.Lemma] || t.Lemma == "night") && j > 0 && (tokens[j-1].Lemma == "this" || tokens[j-1].Lemma == "last"):
			// "haven't kept anything down for 2 days and this morning in
			// the shower everything went black": a time of its own.
			return false
		case t.Is(analyze.Negation):
			if s.hedged(tokens, j) || j+1 < len(tokens) && listVerbs[tokens[j+1].Lemma] {
				return false // "can't get comfy, back aching in waves": a verb, not a list
			}
			if unlikeUsual(tokens, j) {
				return false // "not the usual spasms - back pain with fever and chills": a contrast, no list
			}
			if novelty(tokens, j) {
				return false // "never had this with DS - light red spotting": new, not denied
			}
			if wishedUndone(tokens, j) {
				return false // "wish my waters hadnt gone, 34 weeks, been leaking since this morning"
			}
			if items > 0 {
				return true
			}
			words = 0
		case t.Is(analyze.Weak) || s.joins[t.Lemma]:
			if words > 0 || t.Is(analyze.Weak) {
				items++
			}
			words = 0
			if items > maxListItems {
				return false
			}
		case items == 0 && correctives[t.Lemma] && correctsOne(tokens, j):
			// "not a little bit of spotting, proper blood, running down my
			// leg": what she sets right is no item of the list.
			return false
		case !t.Is(analyze.Stop):
			if words++; words > maxItemWords {
				return false
			}
		}
	}
	return false
}

// novelty reports whether the cue at tokens[j] says the sign is new to
// her, its object a pointer to what follows: "never had this with DS -
// light red spotting", "never felt that before: sharp and constant".
func novelty(tokens []analyze.Token, j int) bool {
	if j+2 >= len(tokens) || tokens[j].Lemma != "never" && tokens[j].Lemma != "not" {
		return false
	}
	switch tokens[j+1].Lemma {
	case "have", "feel", "get", "experience", "see":
	default:
		return false
	}
	if tokens[j+2].Lemma != "this" && tokens[j+2].Lemma != "that" {
		return false
	}
	// What follows ties "this" to a time or another pregnancy: "this with
	// DS", "that before"; never "that, headaches or swelling".
	return j+3 < len(tokens) && noveltyTies[tokens[j+3].Lemma]
}

// noveltyTies follow "never had this": "with DS", "before", "in my first".
var noveltyTies = map[string]bool{"with": true, "before": true, "since": true, "till": true, "until": true,
	"in": true, "during": true, "last": true, "ever": true}

// correctsOne reports whether the corrective at tokens[j] follows a comma
// that ends the one thing a cue denied: "not spotting, proper blood", never
// "no spotting, headaches, actual contractions" nor "no fever or actual
// bleeding".
func correctsOne(tokens []analyze.Token, j int) bool {
	if j < 2 || !tokens[j-1].Is(analyze.Weak) {
		return false
	}
	for k := j - 2; k >= 0; k-- {
		t := tokens[k]
		switch {
		case t.Is(analyze.Negation):
			return true
		case t.Is(analyze.Break), t.Lemma == "or", t.Lemma == "and", t.Lemma == "nor", t.Lemma == "no":
			return false
		}
	}
	return false
}

// collides are blows that are as often a knock into a thing ("the pram hit
// bump in the pavement", "fist bumped bump", "my friend banged bump").
var collides = map[string]bool{"bump": true, "bumped": true, "hit": true, "bang": true, "banged": true, "knock": true, "knocked": true, "crash": true, "crashed": true}

// correctives open what she sets against a sign she has just denied: "not
// spotting, proper bleeding".
var correctives = map[string]bool{"proper": true, "real": true, "actual": true, "actually": true}

// listVerbs after a negation cue say it negates what she can do, not a
// list of signs: "can't get comfy, back aching in waves", "couldn't
// straighten up, pain in my back that hasn't let up".
var listVerbs = map[string]bool{"get": true, "sleep": true, "stand": true, "walk": true, "move": true, "sit": true,
	"breathe": true, "cope": true, "lie": true, "find": true, "settle": true, "stop": true, "focus": true, "think": true,
	"straighten": true, "type": true, "bend": true, "eat": true, "talk": true, "speak": true, "carry": true,
	"turn": true, "roll": true, "lift": true, "drive": true, "work": true, "hold": true, "reach": true, "climb": true,
	"ease": true, "eased": true, "help": true, "helped": true, "touch": true, "shift": true} // "haven't eased with a bath or paracetamol, every 6 min"

// ownVerbs take no object: a cue before one ("can't poop", "can't sleep")
// denies the verb, and what follows "and" is a clause of its own (see
// negationBefore). Never "didn't get the shivers and the fever", whose
// verb takes both.
var ownVerbs = map[string]bool{"sleep": true, "stand": true, "walk": true, "sit": true, "breathe": true, "cope": true,
	"lie": true, "settle": true, "focus": true, "think": true, "bend": true, "talk": true, "speak": true, "eat": true,
	"move": true, "climb": true, "poop": true, "poo": true, "pee": true, "wee": true, "urinate": true}

// verbParticles complete a cue's own verb (see ownVerbs): "can't lie
// back", "can't sit up", "can't sleep properly".
var verbParticles = map[string]bool{"back": true, "down": true, "up": true, "flat": true, "still": true,
	"properly": true, "straight": true, "comfortably": true, "well": true}

// keptUp are the cue's own verbs of a day kept up, after which "and
// having" or "and getting" tells what she has besides (see
// negationBefore).
var keptUp = map[string]bool{"sleep": true, "eat": true, "cope": true, "focus": true, "settle": true, "breathe": true}

// reportVerbs, after "and" and a cue's own verb, carry the cue on: "I
// haven't sat and felt her move loads today" denies the feeling too.
var reportVerbs = map[string]bool{"feel": true, "felt": true, "notice": true, "see": true, "hear": true, "have": true,
	"get": true, "be": true, "count": true, "move": true, "kick": true, "watch": true, "check": true, "wait": true}

// itemEnds reports whether a list item ends right after index end.
func (s *Set) itemEnds(tokens []analyze.Token, end int) bool {
	if end+1 >= len(tokens) {
		return true
	}
	t := tokens[end+1]
	return t.Is(analyze.Break) || t.Is(analyze.Negation) || s.joins[t.Lemma] || s.enders[t.Lemma]
}

// askedOfHerNo reports whether the match stands in a question someone
// asked her, told in reported speech, or in what she thought (see
// thoughtSo), that the next sentence answers with a bare no: "my chiro
// asked if I'd had a fall because my pelvis was so 'out'. Nope, just 30
// weeks of carrying a watermelon". A yes, or no answer at all, keeps the
// sign.
func (s *Set) askedOfHerNo(tokens []analyze.Token, m match) bool {
	asked, thought := false, false
	for j := m.start - 1; j >= 1 && !isClauseEnd(tokens[j]); j-- {
		if l := tokens[j].Lemma; (l == "if" || l == "whether") &&
			(tokens[j-1].Lemma == "ask" || j >= 2 && tokens[j-1].Lemma == "me" && tokens[j-2].Lemma == "ask") {
			asked = true
			break
		}
		if thoughtSo(tokens, j, m.start) {
			thought = true
			break
		}
	}
	if !asked && !thought {
		return false
	}
	// The answer opens the next sentence. A short one may have been
	// joined to it as a list (see joinFragments): after a thought, any
	// break will do.
	j := m.end + 1
	for j < len(tokens) && !isClauseEnd(tokens[j]) && !(thought && tokens[j].Is(analyze.Break)) {
		j++
	}
	for j < len(tokens) && tokens[j].Is(analyze.Break) {
		j++
	}
	if j >= len(tokens) || !s.bareNo(tokens, j) {
		return false
	}
	if !thought {
		return true
	}
	// What she thought is answered only by a no that takes it back.
	return takesBack(tokens, j+1)
}

// takesBack reports whether a bare "no" right before tokens[k] takes a
// sign she told or thought back: it closes its sentence ("Nope. All
// fine.") or says what it was instead ("Nope, just me being an idiot",
// "No! Just wee, I sneezed"); never "No, it's still coming", nor a cry
// ("My waters have just gone. No!! I'm only 33 weeks", "No!").
func takesBack(tokens []analyze.Token, k int) bool {
	switch {
	case k >= len(tokens):
		return true
	case tokens[k].Is(analyze.Exclaim):
		return k+1 < len(tokens) && insteadAfter(tokens, k)
	case isClauseEnd(tokens[k]):
		return true
	}
	return insteadAfter(tokens, k)
}

// insteadAfter reports whether, after a "no" and the breaks after it,
// tokens[k:] say what it was instead: "nope, just me being an idiot",
// "no, it was just discharge", "no, none at all", "no, thank god". "No,
// it's still coming" and "nope, turns out they really have" insist.
func insteadAfter(tokens []analyze.Token, k int) bool {
	for k < len(tokens) && (tokens[k].Is(analyze.Break) || itWas[tokens[k].Lemma] || certainly[tokens[k].Lemma]) {
		k++
	}
	if k+1 < len(tokens) && tokens[k].Lemma == "turn" && tokens[k+1].Lemma == "out" {
		// "no, turned out I'd sat in spilt water", not "nope, turns out
		// they really have".
		for j := k + 2; j < len(tokens) && j <= k+5 && !tokens[j].Is(analyze.Break); j++ {
			if confirms[tokens[j].Lemma] {
				return false
			}
		}
		return true
	}
	return k >= len(tokens) || insteadWords[tokens[k].Lemma]
}

// someButs, after "not none", say there is some: "not none but less".
var someButs = map[string]bool{"but": true, "just": true, "only": true, "though": true, "tho": true}

// confirms say the sign was real after all: "turns out they really have".
var confirms = map[string]bool{"really": true, "actually": true, "true": true, "right": true, "indeed": true, "yes": true}

// itWas may open what it was instead: "it was", "it's", "that's".
var itWas = map[string]bool{"it": true, "be": true, "that": true, "this": true}

// insteadWords open what a thing turned out to be after a no: "nope, just
// a spilt drink", "no, only sweat", "no, false alarm".
var insteadWords = map[string]bool{"just": true, "only": true, "false": true, "nothing": true, "none": true, "phew": true,
	"lol": true, "haha": true, "thank": true, "thankfully": true, "wee": true, "pee": true, "sweat": true, "discharge": true, "urine": true}

// toldAsHers reports whether the match is told as a statement of her
// own, which a "no" after it cannot answer, for nothing was asked: her
// "I", "my" or "we" before it in its clause, no "if", "whether" or "any"
// that asks (a question someone put to her is answered: "Jess asked if
// I'd had any bleeding - nope"), no question mark after it, and a "no"
// that goes on to insist rather than close: "I'm bleeding. No, not
// spotting, proper bleeding", "my waters went. No, it's still coming". A
// "no" that ends its sentence, or says what it was instead, takes it back
// ("thinking my waters broke 😂 nope.", "my waters went. no, just the
// glass of water").
func toldAsHers(tokens []analyze.Token, m match) bool {
	hers, first := false, m.start
	for j := m.start - 1; j >= 0 && !tokens[j].Is(analyze.Break); j-- {
		switch tokens[j].Lemma {
		case "i", "my", "me", "we", "our":
			hers = true
		case "if", "whether", "any":
			return false
		}
		first = j
	}
	if !hers || askOpeners[tokens[first].Lemma] {
		return false // "are my waters going. No, it's wee": asked, with no question mark
	}
	// A short sentence may have been joined to the next as a list (see
	// joinFragments): any break but a question mark.
	k := m.end + 1
	for ; k < len(tokens) && (tokens[k].Is(analyze.Break) || laughs[tokens[k].Lemma]); k++ {
		if tokens[k].Is(analyze.Question) {
			return false
		}
	}
	if k >= len(tokens) || !bareAnswers[tokens[k].Lemma] {
		return true
	}
	return !takesBack(tokens, k+1)
}

// thoughtSo reports whether tokens[j] is what she thought, told in the
// past by her, a question she put to herself that a bare no may answer:
// "for a second I panicked and thought my waters had gone lol. Nope, just
// a glass of water", "I was convinced I'd wet myself. No, ...". "I think
// my waters have gone" is not past, and stays.
func thoughtSo(tokens []analyze.Token, j, start int) bool {
	if t := tokens[j]; !(t.Lemma == "think" && t.Term == "thought" || t.Lemma == "convince" || t.Lemma == "convinced" ||
		t.Lemma == "worry" || t.Lemma == "worried") {
		return false
	}
	// The sign is what she thought, right after it: "thought my waters
	// had gone", not "thought I'd better ask, my waters went" nor
	// "thought he'd changed but he slapped me".
	if start-j > 3 {
		return false
	}
	for k := j + 1; k < start; k++ {
		if tokens[k].Is(analyze.Break) || tokens[k].Lemma == "but" {
			return false
		}
	}
	for k := j - 1; k >= 0 && k >= j-3 && !isClauseEnd(tokens[k]); k-- {
		if tokens[k].Lemma == "i" {
			return true
		}
	}
	return false
}

// answeredNo reports whether a bare "no" answers the match: "bleeding?
// no", "contractions? no way", "spotting - nope", "bleeding? not a drop",
// or, after a short list, "bleeding, fluid, tightening: none"; or a word
// that ends its sentence and means all is well: "temperature: normal.".
func (s *Set) answeredNo(tokens []analyze.Token, end int) bool {
	// A few words may finish the sign's name before its question mark:
	// "dizzy spells? nope", "bleeding at all? no".
	for k := end + 1; k < len(tokens) && k <= end+3; k++ {
		if tokens[k].Is(analyze.Break) || tokens[k].Is(analyze.Negation) {
			if tokens[k].Is(analyze.Question) {
				if slices.ContainsFunc(tokens[end+1:k], func(t analyze.Token) bool { return easing[t.Lemma] }) {
					return false // "is the tummy pain easing? no, constant for hours": it goes on
				}
				end = k - 1
			}
			break
		}
	}
	j := s.listAfter(tokens, end+1)
	listed, at := j > end+1, j
	for k := 0; k < 2 && j < len(tokens) && tokens[j].Is(analyze.Break); k++ {
		j++
	}
	if j > at && j+1 < len(tokens) && tokens[j].Lemma == "check" && tokens[j+1].Is(analyze.Weak) {
		j, at = j+2, j+2 // "bleeding? checked, none": the check, then the answer
	}
	if j > at && j < len(tokens) && s.fine[tokens[j].Lemma] {
		// "temperature: normal", "waters? intact."; never "headache and
		// blurry vision, normal?", which asks.
		return j+1 >= len(tokens) || isClauseEnd(tokens[j+1]) && !tokens[j+1].Is(analyze.Question) ||
			j+2 < len(tokens) && tokens[j+1].Is(analyze.Weak) && tokens[j+2].Lemma == analyze.NumberLemma // "temperature? normal, 36.8"
	}
	if j > at && dontThinkSo(tokens, j) {
		return true // "contractions? don't think so"
	}
	if noneOfThem(tokens, j, listed) {
		return true // "(bleeding, waters, less movement etc) and I have none of those"
	}
	if j >= len(tokens) || !tokens[j].Is(analyze.Negation) || s.hedged(tokens, j) && !s.bareNo(tokens, j) {
		return false
	}
	if j == at && !listed && s.bareNo(tokens, j) {
		return true
	}
	if j == at && (listed || !s.answers[tokens[j].Lemma] && tokens[j].Lemma != "none") {
		return false // "bleeding not..." reads as a new clause, not an answer
	}
	next := j + 1
	if tokens[j].Lemma == "not" && next < len(tokens) && s.possessives[tokens[next].Lemma] {
		return false // "aching under my ribs, not my back": a correction, not an answer
	}
	if tokens[j].Lemma == "not" && next+1 < len(tokens) && (tokens[next].Lemma == "none" || tokens[next].Lemma == "nothing") &&
		someButs[tokens[next+1].Lemma] {
		return false // "She's moving less. Not none but definitely less": some, not none ("not none at all" denies)
	}
	if asUsual(tokens, next) {
		return true // "breathless? no more than anyone hauling a bump upstairs"
	}
	if s.someAmount(tokens, next) {
		return false // "warm water come out, not so much": some, not none
	}
	if next < len(tokens) && tokens[next].Lemma == "since" && (tokens[j].Lemma == "not" || tokens[j].Lemma == "none") {
		// "kicks - not since lunch": none since, which is the sign; "bleeding?
		// no since this morning" still answers.
		return false
	}
	for next < len(tokens) && (tokens[next].Lemma == "a" || tokens[next].Lemma == "single" || s.adverbs[tokens[next].Lemma]) {
		next++ // "not a drop", "not a single one"
	}
	answered := next >= len(tokens) || tokens[next].Is(analyze.Break) || tokens[next].Is(analyze.ScopeEnd) || s.answers[tokens[next].Lemma] ||
		closesAnswer(tokens[next].Lemma)
	return answered && !s.moreFollows(tokens, next)
}

// triedFirst reports whether the match is a thing she tried, named after
// "tried" in its own clause, perhaps as the last of a list: in "I've tried
// cold water, chocolate, lying on my left... nothing" the "nothing" is what
// came of it, not an answer denying them.
func triedFirst(tokens []analyze.Token, start int) bool {
	for k := start - 1; k >= 0 && k >= start-12 && !isClauseEnd(tokens[k]); k-- {
		if tokens[k].Lemma == "try" {
			return true
		}
	}
	return false
}

// easing are the words of a question whether a sign is getting better,
// which a bare "no" answers by saying it is not.
var easing = map[string]bool{"ease": true, "easing": true, "better": true, "improve": true, "improving": true,
	"settle": true, "settling": true, "stop": true, "stopping": true, "subside": true, "subsiding": true,
	"fade": true, "fading": true, "slow": true, "slowing": true}

// moreFollows reports whether, right after an answering cue, the next
// fragment says how much there is: "the pan is full of blood. not a bit.
// full." corrects "a bit" upwards; it answers nothing.
func (s *Set) moreFollows(tokens []analyze.Token, j int) bool {
	for j < len(tokens) && !tokens[j].Is(analyze.Break) {
		j++ // the rest of the answer: "a bit"
	}
	for j < len(tokens) && tokens[j].Is(analyze.Break) {
		j++
	}
	return j < len(tokens) && (fullness[tokens[j].Lemma] || s.quantities[tokens[j].Lemma] && j+1 < len(tokens) && tokens[j+1].Is(analyze.Break))
}

// fullness words say there is a great deal: "full", "everywhere".
var fullness = map[string]bool{"full": true, "everywhere": true, "pouring": true, "gushing": true, "loads": true,
	"lots": true, "heaps": true, "tons": true, "masses": true, "buckets": true, "soaked": true, "soaking": true}

// asUsual reports whether tokens[j:] open with "more than" and a
// measure of the ordinary: "no more than usual", "no more than anyone".
// "No more than a few spots" is some, and not this.
func asUsual(tokens []analyze.Token, j int) bool {
	if j+2 >= len(tokens) || tokens[j].Lemma != "more" || tokens[j+1].Lemma != "than" {
		return false
	}
	switch tokens[j+2].Lemma {
	case "usual", "normal", "anyone", "anybody", "everyone", "everybody", "before", "ever", "other", "any":
		return true
	}
	return false
}

// someAmount reports whether tokens[j:] open with an amount: "much", "a
// lot", "not so much", "not that much". After a cue it says how much, not
// that there is none. "That", "as", "too" and "very" (degrees) tell an
// amount only before one: "no tightenings that I can tell" tells none.
func (s *Set) someAmount(tokens []analyze.Token, j int) bool {
	for k := 0; k < 3 && j < len(tokens) && !tokens[j].Is(analyze.Break); k, j = k+1, j+1 {
		switch l := tokens[j].Lemma; {
		case degrees[l] || l == "so" || l == "a":
		case s.quantities[l]:
			return true
		default:
			return false
		}
	}
	return false
}

// closesAnswer reports whether a word after a bare "no" closes it as an
// answer: a new clause ("no and my 2 year old won't settle"), a kiss or a
// laugh ("no x", "no lol").
func closesAnswer(l string) bool { return l == "and" || l == "so" || laughs[l] || kisses[l] }

// noneOfThem reports whether tokens[j:] deny the sign or the list it
// ends, with at most a few words of her own first: "(bleeding, waters,
// less movement etc) and I have none of those thankfully", "I've had none
// of them". After a list a bare "none" will do ("etc, none so far"); after
// one sign, only "none of those", "them", "these", "that" or "it". Either
// way the denial must end there ("none of those pads", "none of that is
// normal" deny nothing).
func noneOfThem(tokens []analyze.Token, j int, listed bool) bool {
	// After a list, one full stop may stand before the denial: "bleeding,
	// waters, headaches, swelling. I've got none of them".
	stopOK := listed
	leads := func(t analyze.Token) bool {
		switch {
		case listLead[t.Lemma], t.Is(analyze.Break) && !isClauseEnd(t):
			return true
		case isClauseEnd(t) && stopOK && !t.Is(analyze.Question):
			stopOK = false
			return true
		}
		return false
	}
	for k := 0; k < 6 && j < len(tokens) && leads(tokens[j]); k++ {
		j++
	}
	// What follows the denial must close it: "none of those pads",
	// "none of them at the hospital are answering" deny nothing.
	closes := func(k int) bool {
		if k+1 < len(tokens) && tokens[k].Lemma == "for" && tokens[k+1].Lemma == "me" {
			k += 2 // "none of those for me thankfully"
		}
		return k >= len(tokens) || tokens[k].Is(analyze.Break) || denialTail[tokens[k].Lemma]
	}
	if listed && j+2 < len(tokens) && tokens[j].Lemma == "no" && tokens[j+1].Lemma == "to" && tokens[j+2].Lemma == "all" {
		// "any bleeding, any leaking, any headaches - no to all of them"
		if j+4 < len(tokens) && tokens[j+3].Lemma == "of" && (tokens[j+4].Lemma == "them" || tokens[j+4].Lemma == "those") {
			return closes(j + 5)
		}
		return closes(j + 3)
	}
	if j >= len(tokens) || tokens[j].Lemma != "none" {
		return false
	}
	if j+2 < len(tokens) && tokens[j+1].Lemma == "of" {
		switch tokens[j+2].Lemma {
		case "those", "them", "these", "that", "it":
			return closes(j + 3)
		}
	}
	return listed && closes(j+1)
}

// denialTail may follow a denial: "none of those thankfully", "none so
// far", "none yet".
var denialTail = map[string]bool{"so": true, "thankfully": true, "luckily": true, "yet": true, "whatsoever": true, "here": true,
	"just": true} // "none of them, just the back ache" (an emoji between leaves no comma)

// listLead are the words that may lead from a list to its denial.
var listLead = map[string]bool{"etc": true, "and": true, "i": true, "have": true, "get": true, "thankfully": true,
	"luckily": true, "currently": true, "honestly": true}

// bareNo reports whether the "no" at tokens[j] stands alone, unpunctuated,
// as an answer: "bleeding no just back ache", "spotting no". A word
// after it other than a contrast ("bleeding no stop") reads on.
func (s *Set) bareNo(tokens []analyze.Token, j int) bool {
	if !bareAnswers[tokens[j].Lemma] {
		return false
	}
	if j+1 >= len(tokens) || tokens[j+1].Is(analyze.Break) {
		return true
	}
	// "bleeding? no and my 2 year old won't settle", "bleeding? no x":
	// a new clause, or a kiss or a laugh, closes the answer.
	if closesAnswer(tokens[j+1].Lemma) {
		return true
	}
	// "no just back ache", but not "no just a bit" (some, just a bit).
	return s.enders[tokens[j+1].Lemma] && !someLeft(tokens, j+2) && !(j+2 < len(tokens) && s.quantities[tokens[j+2].Lemma])
}

// itemAnswered reports whether the sign ending at tokens[end] is an item
// of a checklist answered at the end of its line: at most maxItemWords (as
// in a negated list) more words of the item, a dash, colon, slash or
// question mark, and an answer that says none ("no", "nope", "nil",
// "normal", "negative") closing its clause or followed by a comma: "fallen
// over - nope", "numbness around bum/privates — no, all normal", "both legs
// weak or numb — no". Not "no, really", which insists, nor "no idea".
func itemAnswered(tokens []analyze.Token, end int) bool {
	words := 0
	var sep *analyze.Token // the break right before this word, if any
	for j := end + 1; j < len(tokens); j++ {
		t := &tokens[j]
		if isClauseEnd(*t) && !t.Is(analyze.Question) {
			return false
		}
		if t.Is(analyze.Break) {
			sep = t
			continue
		}
		if sep != nil && (bareAnswers[t.Lemma] || itemAnswers[t.Lemma]) {
			k := j + 1
			if k >= len(tokens) || isClauseEnd(tokens[k]) && !tokens[k].Is(analyze.Question) {
				return true
			}
			return tokens[k].Is(analyze.Break) && !tokens[k].Is(analyze.Question) && !(k+1 < len(tokens) && insists[tokens[k+1].Lemma])
		}
		if sep != nil && sep.Is(analyze.Question) {
			return false // "I'm bleeding?? is that normal": a question, not an item
		}
		sep = nil
		if words++; words > maxItemWords || t.Is(analyze.Negation) || easing[t.Lemma] {
			return false // "is the tummy pain easing? no": it goes on
		}
	}
	return false
}

// itemAnswers answer a checklist's item with none besides the bare
// answers (see itemAnswered).
var itemAnswers = map[string]bool{"nope": true, "nah": true, "normal": true, "negative": true}

// insists are the words after a comma that turn a "no" into insistence:
// "I fell - no, really".
var insists = map[string]bool{"really": true, "seriously": true, "honestly": true, "literally": true, "actually": true,
	"joke": true, "kidding": true, "lie": true, "lying": true}

// bareAnswers may answer a sign unpunctuated: "bleeding no", "bleeding
// nil", "spotting zero".
var bareAnswers = map[string]bool{"no": true, "nil": true, "nada": true, "zero": true, "zilch": true, "none": true}

// someLeft reports whether tokens[j:] begin with an amount: "a bit", "a
// little", "some", "slight".
func someLeft(tokens []analyze.Token, j int) bool {
	if j >= len(tokens) {
		return false
	}
	switch tokens[j].Lemma {
	case "some", "little", "slight", "tiny", "bit", "tad":
		return true
	case "a":
		if j+1 < len(tokens) {
			switch tokens[j+1].Lemma {
			case "bit", "little", "tad", "touch", "few", "smidge", "trickle", "drop", "spot", "tiny", "small", "wee":
				return true
			}
		}
	}
	return false
}

// dontThinkSoLemmas are "don't think so", read.
var dontThinkSoLemmas = [...]string{"do", "not", "think", "so"}

// dontThinkSo reports whether "(I) don't think so" begins at tokens[j].
func dontThinkSo(tokens []analyze.Token, j int) bool {
	if j < len(tokens) && tokens[j].Lemma == "i" {
		j++
	}
	if j+len(dontThinkSoLemmas) > len(tokens) {
		return false
	}
	for k, l := range dontThinkSoLemmas {
		if t := tokens[j+k]; t.Lemma != l && !(l == "not" && t.Is(analyze.Negation)) {
			return false
		}
	}
	return true
}

// listAfter skips the short list items that follow index j ("bleeding,
// fluid, tightening"), and returns the index after the last one.
func (s *Set) listAfter(tokens []analyze.Token, j int) int {
	for range maxListItems {
		k := j
		if k >= len(tokens) || tokens[k].Is(analyze.Negation) || !(tokens[k].Is(analyze.Weak) || s.joins[tokens[k].Lemma]) {
			return j
		}
		k++
		words := 0
		for ; k < len(tokens) && !tokens[k].Is(analyze.Break) && !tokens[k].Is(analyze.Negation) && !s.joins[tokens[k].Lemma]; k++ {
			if !tokens[k].Is(analyze.Stop) {
				words++
			}
		}
		if words > 0 && words <= maxItemWords && k < len(tokens) && isClauseEnd(tokens[k]) && !tokens[k].Is(analyze.Question) &&
			!s.fine[tokens[k-1].Lemma] { // "temperature: normal." is an answer, not an item
			// "headache, blurred vision or swelling. I have none of
			// those": the last item ends the sentence.
			return k
		}
		if words == 0 || words > maxItemWords || k >= len(tokens) || !(tokens[k].Is(analyze.Weak) || s.joins[tokens[k].Lemma]) {
			return j // not an item: nothing follows it in a list
		}
		j = k
	}
	return j
}

// cancelled returns the index of one of the rule's unless patterns that
// overlaps the match, or -1. forHer ignores the patterns about others.
func (s *Set) cancelled(tokens []analyze.Token, sc *scratch, rule int32, start, end int, forHer bool) int {
	if !sc.unlessOK {
		// The message's unless matches are found once, not once per
		// trigger match: triggers are many, unless patterns more.
		sc.unless, sc.unlessOK = sc.unless[:0], true
		s.unless.find(s, tokens, sc, 0, len(tokens), func(u *phrase, m match) bool {
			// A habit voids a danger sign's reassurance ("baby usually
			// kicks loads" says nothing of today), not an idiom of crisis
			// or abuse ("my back spasms always kick off"), nor a pattern
			// that names the habit ("she's always quiet in the mornings").
			if !s.negatedUnless(tokens, u, m) && !(s.reports[u.rule] && (s.habitual(tokens, m) && !u.habit || u.habit && contrasted(tokens, m.end, len(tokens)-1) || s.doubted(tokens, m.start))) && !s.someoneBetween(tokens, m) &&
				!s.blowWithin(tokens, u, m) && !s.herOwnSign(tokens, u, m) && !thoughtOfSelf(tokens, m) {
				sc.unless = append(sc.unless, unlessHit{u.rule, u.trigger, int32(m.start), int32(m.end), u.aboutOther})
			}
			return true
		})
	}
	for _, h := range sc.unless {
		if h.rule == rule && int(h.start) <= end && int(h.end) >= start && !(forHer && h.other) {
			return int(h.trigger)
		}
	}
	return -1
}

// thoughtOfSelf reports whether an unless match that ends on "her",
// "she" or "him" is the thought of that very person, told by another:
// "she's been thinking we'd all be better off without her", "my wife keeps
// saying we'd be better off without her", "my partner ... keeps saying
// everyone would be better off if she just disappeared" (her own crisis,
// as her partner writes it), never "we'd be better off without her" of a
// mother-in-law. The thinker stands before a verb of thinking or saying a
// few words before the match: "she" or "he", or for her a wife or
// partner named, with no other person between.
func thoughtOfSelf(tokens []analyze.Token, m match) bool {
	var isThinker func(l string) bool
	switch tokens[m.end].Lemma {
	case "her", "she":
		isThinker = func(l string) bool {
			return l == "she" || analyze.Wife(l) || l == "partner" || l == "gf" || l == "girlfriend"
		}
	case "him":
		isThinker = func(l string) bool { return l == "he" }
	default:
		return false
	}
	for k := m.start - 1; k >= 0 && k >= m.start-6 && !isClauseEnd(tokens[k]); k-- {
		if !thinkingVerbs[tokens[k].Lemma] {
			continue
		}
		if thinkerBefore(tokens, k, isThinker) {
			return true
		}
	}
	return false
}

// thinkerBefore reports whether the nearest person before the verb at
// tokens[k], within maxThinkerWords of its clause, is one isThinker
// accepts.
func thinkerBefore(tokens []analyze.Token, k int, isThinker func(string) bool) bool {
	for j := k - 1; j >= 0 && j >= k-maxThinkerWords && !isClauseEnd(tokens[j]); j-- {
		switch l := tokens[j].Lemma; {
		case isThinker(l):
			return true
		case l == "i" || l == "we" || l == "they" || l == "he" || l == "she":
			return false // another thinker
		}
	}
	return false
}

// maxThinkerWords is how far before a verb of thinking its thinker may
// stand: "my partner is 6 wks postpartum and keeps saying".
const maxThinkerWords = 8

// thinkingVerbs tell a thought or a saying (see thoughtOfSelf).
var thinkingVerbs = map[string]bool{"think": true, "say": true, "feel": true, "believe": true, "tell": true, "convince": true, "keep": true}

// herOwnSign reports whether an unless match that tells of another person
// ("my daughter collapsed at work") is the sign of the pregnant one all
// the same: the message gives that person the pregnancy ("...30 weeks,
// she's home now"), so the general reading of whose sign it is decides
// (see someoneElse), not the pattern.
func (s *Set) herOwnSign(tokens []analyze.Token, u *phrase, m match) bool {
	if u.aboutOther && petName(tokens, m.start) {
		return true // "little man has gone quiet": the baby, not a man
	}
	if !u.aboutOther || !s.isOther(tokens, m.start) {
		return false
	}
	for k := m.start + 1; k < m.end; k++ {
		if tokens[k].Lemma == "i" {
			return true // "my husband says I fainted": he tells it; the faint is hers
		}
	}
	sign := m
	sign.start = m.end
	return s.pregnantBeside(tokens, m.start, sign, true)
}

// deniedByUnless reports whether an unless match of rule that overlaps m
// holds a negation cue: "never had thoughts of harming myself".
func (sc *scratch) deniedByUnless(tokens []analyze.Token, rule int32, m match) bool {
	for _, h := range sc.unless {
		if h.rule != rule || int(h.start) > m.end || int(h.end) < m.start {
			continue
		}
		for j := h.start; j <= h.end; j++ {
			if tokens[j].Is(analyze.Negation) {
				return true
			}
		}
	}
	return false
}

// blowWithin reports whether a blow or a landing, told as what happened
// next ("and landed", "then hit"), stands between the first and last words
// of an unless match, in a gap its pattern leaves: "the stairs are hard"
// describes the stairs, "missed the bottom stair and landed hard" tells a
// fall.
func (s *Set) blowWithin(tokens []analyze.Token, u *phrase, m match) bool {
	if !u.ordered {
		return false
	}
	for j := m.start + 2; j < m.end; j++ {
		if p := tokens[j-1].Lemma; (p == "and" || p == "then") && !m.holds(j) && s.blows[tokens[j].Lemma] {
			return true
		}
	}
	return false
}

// sentenceOf returns the bounds of the match's sentence: tokens[lo:hi],
// between the clause ends around it.
func sentenceOf(tokens []analyze.Token, m match) (lo, hi int) {
	lo, hi = m.start, m.end+1
	for lo > 0 && !isClauseEnd(tokens[lo-1]) {
		lo--
	}
	for hi < len(tokens) && !isClauseEnd(tokens[hi]) {
		hi++
	}
	return lo, hi
}

// pastIn reports whether one of the rule's Past patterns stands in the
// match's sentence (see Rule.Past), not negated and not part of the
// match's subject, and where the pattern stands (the match itself, when
// its weeks tell it).
func (s *Set) pastIn(tokens []analyze.Token, sc *scratch, rule int32, m match) (bool, match) {
	if len(s.past.list) == 0 {
		return false, match{}
	}
	lo, hi := sentenceOf(tokens, m)
	found, at := false, match{}
	s.past.find(s, tokens, sc, lo, hi, func(p *phrase, pm match) bool {
		// A marker that names the match's own subject is no history: "our
		// rainbow baby didn't make it", "we lost our rainbow" are a loss
		// today.
		// Nor a one-word marker that opens the match as its subject: a
		// rainbow (the baby after a loss: this pregnancy) marks history
		// elsewhere in the sentence, but "our rainbow didn't make it",
		// "our rainbow baby is gone" lose this one. ("My angel would've
		// been 3" stays history: its marker is not the match's; nor is
		// a year, "2017 I lost a baby at 23 weeks".)
		opens := pm.start == pm.end && tokens[pm.start].Lemma != "#" &&
			(pm.start == m.start || pm.start == m.start+1 && (tokens[m.start].Lemma == "our" || tokens[m.start].Lemma == "my"))
		names := pm.start == m.start-1 && pm.end == m.start-1 || opens || lostOne(tokens, pm)
		// A marker of one term marks no history for a loss told with a
		// day of this week: "our rainbow baby... gone. stillborn at 38
		// weeks on tuesday", "a miscarriage on Saturday at 9 weeks, my
		// first pregnancy after 4 years of trying" lost this one.
		if !names && len(p.match) == 1 && tokens[pm.start].Lemma != "#" && s.history.recent.any(s, tokens, sc, m.end+1, hi, m.end+1) {
			names = true
		}
		if p.rule == rule && !names && !s.negatedUnless(tokens, p, pm) {
			found, at = true, pm
			sc.because(&s.past, p)
		}
		return !found
	})
	if !found && s.hasPast[rule] {
		found, at = s.lostWeeksAgo(tokens, sc, m, hi), m
	}
	return found, at
}

// writerNotPregnant reports whether the writer tells that the pregnant
// one is someone else: "I'm the friend", "I'm the grandma-to-be", "I am
// mother of pregnant girl", or the pregnant one given her weeks in the
// third person and told to be well ("my wife (34 wks) is fine", "My
// daughter (27 wks) is well", "she's 31 wks and fine"), and the writer
// tells no weeks or pregnancy of her own ("I'm 30 weeks"). It is read
// once a message.
func (s *Set) writerNotPregnant(tokens []analyze.Token, sc *scratch) bool {
	return sc.writer.get(func() bool { return s.writerNamed(tokens) })
}

// writerNamed is writerNotPregnant, read afresh.
func (s *Set) writerNamed(tokens []analyze.Token) bool {
	if s.writerPregnant(tokens) {
		return false // "I'm 30 weeks", "I'm pregnant too"
	}
	named := false
	for j, t := range tokens {
		l := t.Lemma
		if l == "i" || l == "im" {
			if k := j + 2; k < len(tokens) && tokens[j+1].Lemma == "be" {
				if tokens[k].Lemma == "the" || tokens[k].Lemma == "a" {
					k++
				}
				named = named || k < len(tokens) && writerRoles[tokens[k].Lemma] // "I'm the friend", "i am mother of"
			}
			continue
		}
		if (analyze.Wife(l) || l == "she" || s.isOther(tokens, j) && j > 0 && tokens[j-1].Lemma == "my") && s.weeksFollow(tokens, j) && toldFine(tokens, j) {
			named = true // "my wife (34 wks) is fine", "she's 31 wks and fine"
		}
	}
	return named
}

// weeksFollow reports whether a pregnancy's weeks (see pregnant) follow
// the person at tokens[j] within a few words: "wife (34 wks)", "she's 31
// wks", never "3 weeks old" nor "when she was pregnant".
func (s *Set) weeksFollow(tokens []analyze.Token, j int) bool {
	return followedWithin(tokens, j, func(k int) bool {
		return (tokens[k].Gestation() || s.weeks[tokens[k].Lemma]) && s.pregnant(tokens, k)
	})
}

// deliveredFollow reports whether the weeks or days since a birth follow
// the person at tokens[j] within a few words: "(6 wks postpartum", "is 10
// days pp".
func (s *Set) deliveredFollow(tokens []analyze.Token, j int) bool {
	return followedWithin(tokens, j, func(k int) bool {
		return k+2 < len(tokens) && tokens[k].Lemma == analyze.NumberLemma && s.sinceUnit(tokens[k+1].Lemma) && afterBirth[tokens[k+2].Lemma]
	})
}

// weeksOf reports whether the person at tokens[j] is named with her weeks
// of pregnancy or the weeks since a birth (see pregnantOneNamed).
func (s *Set) weeksOf(tokens []analyze.Token, j int) bool {
	return s.weeksFollow(tokens, j) || s.deliveredFollow(tokens, j)
}

// followedWithin reports whether found holds at one of the four words
// after tokens[j], with only a verb of being, "now", "only", "just" or a
// number before it.
func followedWithin(tokens []analyze.Token, j int, found func(k int) bool) bool {
	for k := j + 1; k < len(tokens) && k <= j+4; k++ {
		if found(k) {
			return true
		}
		if l := tokens[k].Lemma; l != "be" && l != "now" && l != "only" && l != "just" && l != analyze.NumberLemma && !tokens[k].Is(analyze.Break) {
			return false
		}
	}
	return false
}

// toldFine reports whether the person at tokens[j] is told to be well
// within a few words: "(34 wks) is fine", "is 26 week and fine", "who is
// perfectly well".
func toldFine(tokens []analyze.Token, j int) bool {
	for k := j + 1; k < len(tokens) && k <= j+maxFineWords && !isClauseEnd(tokens[k]); k++ {
		switch tokens[k].Lemma {
		case "fine", "well", "ok", "okay", "good", "glowing":
			return !tokens[k-1].Is(analyze.Negation)
		}
	}
	return false
}

// maxFineWords is how far after a person "fine" may tell that she is
// well (see toldFine).
const maxFineWords = 8

// writerRoles are who the writer says she or he is, not the pregnant one
// (see writerNotPregnant).
var writerRoles = map[string]bool{"friend": true, "sister": true, "mum": true, "mom": true, "mother": true, "grandma": true,
	"nan": true, "nana": true, "granny": true, "grandmother": true, "husband": true, "hubby": true, "dad": true, "father": true,
	"partner": true, "doula": true, "brother": true, "boyfriend": true, "bf": true, "daughter": true, "son": true, "aunt": true,
	"auntie": true, "neighbour": true, "neighbor": true, "flatmate": true, "roommate": true}

// writersOwn reports whether the sign is told of the writer: "I" or "my"
// nearest before it in its clause, never "she", "her" or another named.
// A clause with no person ("there was a splash on the floor") is not:
// the pregnant one is as likely its subject.
func (s *Set) writersOwn(tokens []analyze.Token, m match) bool {
	clo, _ := signClause(tokens, m)
	for j := m.end; j >= clo; j-- {
		switch l := tokens[j].Lemma; {
		case l == "i" || l == "my" || l == "myself" || l == "im":
			// Never "me" ("she has just shown me red streaks"), nor her
			// words reported: "she's like 'I think I've wet myself'".
			return !s.reportedSpeech(tokens, j)
		case l == "she" || l == "her" || l == "he" || l == "him" || l == "they" || analyze.Wife(l) || s.isOther(tokens, j):
			return false
		}
	}
	return false
}

// reportedSpeech reports whether the first person at tokens[j] speaks in
// another's words: a verb of saying just before it ("she's like", "she
// says", "she goes") with someone else as its subject.
func (s *Set) reportedSpeech(tokens []analyze.Token, j int) bool {
	for k := j - 1; k >= 1 && k >= j-3; k-- {
		if !speechVerbs[tokens[k].Lemma] {
			continue
		}
		for b := k - 1; b >= 0 && b >= k-3; b-- {
			if l := tokens[b].Lemma; l == "she" || l == "he" || l == "they" || analyze.Wife(l) || s.isOther(tokens, b) {
				return true
			}
		}
	}
	return false
}

// speechVerbs report another's words (see reportedSpeech).
var speechVerbs = map[string]bool{"like": true, "say": true, "go": true, "tell": true, "keep": true, "text": true, "shout": true}

// likenedAbuser reports whether every person in the match who may harm
// her is the baby's kin in a likeness: "like his brother used to",
// "like her dad" tell how the baby kicks. Her own ("like my ex used
// to") is not: he may have hurt her too.
func (s *Set) likenedAbuser(tokens []analyze.Token, m match) bool {
	found := false
	for j := m.start; j <= m.end; j++ {
		l := tokens[j].Lemma
		if !s.abusers[l] && !subjectPronouns[l] {
			continue
		}
		if subjectPronouns[l] || j < 2 || !babysKin[tokens[j-1].Lemma] || tokens[j-2].Lemma != "like" {
			return false
		}
		found = true
	}
	return found
}

// babysKin are the possessives that make a person the baby's, after
// "like" (see likenedAbuser).
var babysKin = map[string]bool{"his": true, "her": true, "their": true}

// causeOpeners open the cause of what stands before them (see explainedIn).
var causeOpeners = map[string]bool{"from": true, "off": true, "because": true, "bc": true, "cos": true, "coz": true, "cause": true, "cuz": true}

// unlikeBefore reports whether the sign at tokens[at] is what something
// is told to be unlike: a negation, then "like" and "when" or "the time"
// ("totally not like when my waters went", "nothing like the time I
// fainted", "this isn't like when my waters broke"), with at most
// maxUnlikeWords words of the sign's own clause between "when" and the
// sign ("my", "the", "I had").
func unlikeBefore(tokens []analyze.Token, at int) bool {
	j := at - 1
	for n := 0; j >= 0 && n < maxUnlikeWords && !tokens[j].Is(analyze.Break); j, n = j-1, n+1 {
		if l := tokens[j].Lemma; l == "when" || l == "time" && j > 0 && tokens[j-1].Lemma == "the" {
			break
		}
	}
	if j < 1 || tokens[j].Lemma != "when" && tokens[j].Lemma != "time" {
		// No "when" nor "the time" within reach: "without feeling like
		// I'm drowning and breathing is hard" likens, and denies, nothing.
		return false
	}
	if tokens[j].Lemma == "time" {
		j-- // "the time"
	}
	if j < 1 || tokens[j-1].Lemma != "like" {
		return false
	}
	// The negation right before "like", or before an adverb: "not
	// like", "nothing like", "totally not like", "isn't anything like".
	for k := j - 2; k >= 0 && k >= j-4 && !tokens[k].Is(analyze.Break); k-- {
		if tokens[k].Is(analyze.Negation) {
			return true
		}
	}
	return false
}

// maxUnlikeWords bounds the words between "when" and the sign it tells of
// (see unlikeBefore).
const maxUnlikeWords = 3

// maxLikenessWords is how far before a cause a "like" may stand and make
// it a likeness (see likeness).
const maxLikenessWords = 8

// likeness reports whether the words before tokens[at], in its clause, make
// what stands there a likeness, not a cause: "like strawberry milkshake on
// the tissue", "the paper looked like I'd dabbed a strawberry on it", "it
// was like someone tipped a glass of red wine on the cushion".
// Further back than the word before, only "like I" or "like someone"
// opens one (a filler "like" does not: "we had like a massive spaghetti
// night"), and a cause's own opening word or a new clause's ends the
// search: in "bleeding like a stuck pig from a paper cut" the cause is told
// from "from".
func likeness(tokens []analyze.Token, at int) bool {
	for j := at - 1; j >= 0 && j >= at-maxLikenessWords && !tokens[j].Is(analyze.Break); j-- {
		switch tokens[j].Lemma {
		case "like":
			if j == at-1 {
				return true
			}
			if j+1 < at {
				switch tokens[j+1].Lemma {
				case "i", "someone", "somebody":
					return true
				}
			}
		case "from", "off", "because", "cos", "after", "by", "but", "and", "with", "without", "when", "so", "just":
			return false
		}
	}
	return false
}

// isNearly reports whether t is "nearly" or "almost": a match that holds
// one tells an act nearly done, which a denial after it ("I didn't")
// confirms rather than undoes (see judge).
func isNearly(t analyze.Token) bool { return t.Lemma == "nearly" || t.Lemma == "almost" }

// abuseGoesOn reports whether abuse told as long over (its Past pattern
// at past) may go on, and so is no history. Only words after the abuse
// can end it ("my ex was controlling, but that was 5 years ago", "her ex
// used to hit her, but he's long gone"): told before it, they date
// something else ("went no contact with my mum years ago and my husband
// hits me", "that was 3 years ago and he still hits me"). Nor does it end
// for a partner she has now, named before the end ("my husband used to
// hit me, that was years ago"); nor when it comes back ("that was years
// ago, but last night he did it again", see again), goes on ("still"),
// or he acts after both ("it was years ago, but now he keeps turning
// up").
func (s *Set) abuseGoesOn(tokens []analyze.Token, sc *scratch, m match, past match) bool {
	// (A pattern may share the match's last word: "hit her but he's long
	// gone" is matched as far as "he".)
	lo, hi := sentenceOf(tokens, m)
	if past.start <= m.start && !overBefore(tokens, past.end, m.start) || past.end <= m.end && past.start > m.start || s.again(tokens, sc, m.start) {
		return true
	}
	for j := lo; j < past.start; j++ {
		if partnersNow[tokens[j].Lemma] && !(j > 0 && (formerly[tokens[j-1].Lemma] || tokens[j-1].Lemma == "her" || s.others[tokens[j-1].Lemma])) {
			return true // not "my ex husband", nor "my sister's boyfriend", whose abuse it was
		}
	}
	for j := max(lo, m.start-2); j <= past.end; j++ {
		if l := tokens[j].Lemma; l == "start" || l == "begin" || l == "since" {
			// "the abuse in my marriage started 2 years ago", "he
			// started hitting me 2 years ago", "since": when it began,
			// not ended.
			return true
		}
	}
	for j := past.end + 1; j < hi; j++ {
		l := tokens[j].Lemma
		if s.abusers[l] && j > 0 && kindPartner[tokens[j-1].Lemma] {
			continue // "I'm safe now and with a lovely partner": another man
		}
		if s.abusers[l] && safeWith(tokens, past.end+1, j) {
			continue // "I'm totally safe now with my partner who is a dream"
		}
		if (l == "he" || s.abusers[l]) && s.endsAt(tokens, sc, j, hi) {
			continue // "that was years ago, he's in prison": he is named only to say it is over
		}
		if l == "he" || l == "him" || l == "his" || l == "still" || s.abusers[l] {
			return true
		}
	}
	return false
}

// overBefore reports whether a time gone by, ending at tokens[end] before
// the match at start, tells the abuse as over: "Years ago I was in a really
// abusive relationship" (her "was", no "he" and nothing that began: never
// "2 years ago he started hitting me").
func overBefore(tokens []analyze.Token, end, start int) bool {
	was := false
	for j := end + 1; j < start; j++ {
		switch tokens[j].Lemma {
		case "he", "him", "his", "start", "begin", "since", "still", "now":
			return false
		case "be":
			was = was || j > 0 && (tokens[j-1].Lemma == "i" || tokens[j-1].Lemma == "we")
		}
	}
	return was
}

// endsAt reports whether one of the Past patterns begins at tokens[j]:
// "he's in prison", "he's long gone".
func (s *Set) endsAt(tokens []analyze.Token, sc *scratch, j, hi int) bool {
	found := false
	s.past.find(s, tokens, sc, j, hi, func(_ *phrase, pm match) bool {
		found = pm.start == j
		return !found
	})
	return found
}

// safeWith reports whether she tells herself safe or happy with the
// partner at tokens[j], within the four words before him: "safe now with
// my partner", "happily married to my husband".
func safeWith(tokens []analyze.Token, from, j int) bool {
	for k := j - 1; k >= from && k >= j-4 && !tokens[k].Is(analyze.Break); k-- {
		switch tokens[k].Lemma {
		case "safe", "happy", "happily", "settled":
			return true
		}
	}
	return false
}

// kindPartner are the words that make the partner after an abuse long
// over a new one: "with a lovely partner", "my new husband".
var kindPartner = map[string]bool{"lovely": true, "new": true, "wonderful": true, "amazing": true, "kind": true,
	"great": true, "good": true, "supportive": true, "gentle": true, "sweet": true, "brilliant": true, "fab": true}

// formerly make a partner's word a former one: "my ex husband".
var formerly = map[string]bool{"ex": true, "former": true, "previous": true, "old": true}

// partnersNow name a partner she has now: his abuse is never long over.
var partnersNow = map[string]bool{"husband": true, "hubby": true, "partner": true, "boyfriend": true, "bf": true,
	"fiance": true, "fiancé": true, "dh": true, "oh": true, "fella": true}

// lostWeeksAgo reports whether a match (a loss) is told at a week that
// her pregnancy today lies months past or short of (minLossWeeksApart),
// and no day of this week is named: "lost the 2nd at 14
// weeks. 27 weeks now", "lost one at 20 weeks, now 8 weeks again". The
// week stands in the match or right after it (see History.PastAfter). Her
// weeks today must be told as today's ("27 weeks now", "now 8 weeks", "I'm
// 30 weeks"), never a time since ("it's been 3 weeks since we lost Noah at
// 26 weeks", "2 weeks ago"): after a loss those count the days of grief.
func (s *Set) lostWeeksAgo(tokens []analyze.Token, sc *scratch, m match, hi int) bool {
	then, at := -1, m
	h := &s.history
	h.pastAfter.find(s, tokens, sc, m.start, min(hi, m.end+maxLossWeeksAfter+1), func(p *phrase, pm match) bool {
		if pm.start >= m.start && pm.spans(tokens, isNumber) {
			then, at = s.weeksIn(tokens, pm), pm
		}
		return then < 0
	})
	if then < 0 {
		return false
	}
	if h.recent.any(s, tokens, sc, 0, len(tokens), 0) || h.today.any(s, tokens, sc, 0, len(tokens), 0) {
		return false // "we lost our baby at 20 weeks on Tuesday": this week's
	}
	for j := range tokens {
		v, ok := weeksAt(tokens, j, s.weeks)
		if !ok || v < minWeeksToldNow || j >= min(m.start, at.start) && j <= max(m.end, at.end) || !pregnantNow(tokens, j) || wouldBe(tokens, j) {
			continue
		}
		// A loss found weeks after the baby died is an early one's; a
		// later loss, or her weeks told of "this pregnancy", leaves
		// only a slip of the count.
		apart := minLossWeeksApart
		if then >= minLateLossWeeks || thisPregnancy(tokens, j) {
			apart = minLossWeeksAhead
		}
		if v-then >= apart || then-v >= minLossWeeksAhead {
			if sc.explain {
				sc.why = append(sc.why, fmt.Sprintf("lost at %d weeks, %d weeks today", then, v))
			}
			return true
		}
	}
	return false
}

// minWeeksToldNow is the fewest weeks that tell how far on she is now:
// fewer are how long something has lasted ("waiting now one week" since
// the scan that found no heartbeat).
const minWeeksToldNow = 4

// minLossWeeksApart is how far a loss's weeks and her weeks today must lie
// apart for the loss to be another pregnancy's: a missed miscarriage is
// found weeks after the baby died ("baby died at 7 weeks, I'm 11 weeks").
const minLossWeeksApart = 8

// minLossWeeksAhead is how far a loss's weeks must lie beyond her weeks
// today for the loss to be another pregnancy's: no loss is found before
// the week it came at ("since losing Ella at 37 weeks I panic about
// everything. 33+2 now"), and a week or two allows for a slip of the
// count.
const minLossWeeksAhead = 3

// maxLossWeeksAfter is how many words after a loss its weeks may begin:
// "losing our last transfer at 8w".
const maxLossWeeksAfter = 4

// minLateLossWeeks is the week from which a loss is no longer found weeks
// after it: "my son was born sleeping at 22 weeks. this one is 25 weeks".
const minLateLossWeeks = 14

// thisPregnancy reports whether the count of weeks at tokens[j] is told
// of this pregnancy, set against another: "this one is 25 weeks", "This
// pregnancy is 15 weeks", "this time I'm 12 weeks".
func thisPregnancy(tokens []analyze.Token, j int) bool {
	for k := j - 1; k >= 1 && k >= j-4 && !tokens[k].Is(analyze.Break); k-- {
		if tokens[k-1].Lemma != "this" {
			continue
		}
		switch tokens[k].Lemma {
		case "one", "pregnancy", "time", "baby", "bub":
			return true
		}
	}
	return false
}

// wouldBe reports whether the count of weeks at tokens[j] is what she
// would have been: "I'd have been 24 weeks now", "should be 13 weeks".
func wouldBe(tokens []analyze.Token, j int) bool {
	for k := j - 1; k >= 0 && k >= j-4; k-- {
		switch tokens[k].Lemma {
		case "would", "should", "could", "'d", "d", "wouldve", "shouldve", "supposed":
			return true
		}
		if tokens[k].Is(analyze.Break) {
			break
		}
	}
	return false
}

// pregnantNow reports whether the count of weeks at tokens[j] is told as
// her pregnancy today: "27 weeks now", "now 8 weeks", "currently 20wks",
// "I'm 30 weeks", "this one now is 28 weeks".
func pregnantNow(tokens []analyze.Token, j int) bool {
	for k := j + 1; k < len(tokens) && k <= j+2; k++ {
		switch tokens[k].Lemma {
		case "now", "today", "pregnant", "along":
			return true
		}
	}
	if j == 0 {
		return false
	}
	switch tokens[j-1].Lemma {
	case "now", "currently":
		return true
	case "be":
		// "I'm 30 weeks", "this one now is 28 weeks", "this pregnancy is
		// 20 weeks"; not "my sister in law's one is 33 weeks".
		if j >= 2 {
			switch tokens[j-2].Lemma {
			case "i", "now", "currently":
				return true
			case "one", "pregnancy":
				return j >= 3 && (tokens[j-3].Lemma == "this" || tokens[j-2].Lemma == "pregnancy" && tokens[j-3].Lemma == "my")
			}
		}
	}
	return false
}

// explainedIn reports whether one of the rule's Explained patterns
// begins before the match in its sentence (or with it), not negated,
// with no word of the member's own between them or in the match (see
// Rule.Explained). It may overlap the match: in "burst pipe in the loft,
// water pouring" the pipe's "burst" is the match's too.
func (s *Set) explainedIn(tokens []analyze.Token, sc *scratch, rule int32, m match) bool {
	if len(s.explained.list) == 0 {
		return false
	}
	lo, hi := sentenceOf(tokens, m)
	if s.identifiedAfter(tokens, sc, rule, hi) {
		return true
	}
	// Or right after it, at a "turned out" later in its sentence, or at
	// the start of a later clause after a comma: "the blurry vision turned
	// out to be me needing glasses", "blood on the floor turned out to be
	// paint", "felt something wet on the sofa and panicked, turned out my
	// toddler had tipped his beaker".
	for j := m.end + 1; j < hi; j++ {
		turns := tokens[j].Lemma == "turn" && j+1 < hi && tokens[j+1].Lemma == "out" || // "...turned out to be"
			realises[tokens[j].Lemma] // "...but i just realised its the pink toilet paper"
		// "wet patch all down my top from the ice pack": a cause with
		// "from" a few words on, in the sign's clause.
		// So does "because": "my head hurts bc i havent had proper
		// coffee in 4 months".
		from := causeOpeners[tokens[j].Lemma] && j-m.end <= maxFromWords && !breakIn(tokens, m.end+1, j)
		if (j == m.end+1 || turns || from || tokens[j].Is(analyze.Break)) && s.identifiedAfter(tokens, sc, rule, j) {
			return true
		}
		if tokens[j].Is(analyze.Break) && !isClauseEnd(tokens[j]) && s.explainsFrom(tokens, sc, rule, j+1, hi) {
			// "Blood everywhere in the kitchen, cut my finger chopping
			// onions": the next clause of its sentence opens with the
			// cause.
			return true
		}
	}
	found := false
	s.explained.find(s, tokens, sc, lo, m.end+1, func(p *phrase, pm match) bool {
		if p.rule != rule || pm.start > m.start || s.negatedUnless(tokens, p, pm) || likeness(tokens, pm.start) || pm.spans(tokens, isBelief) {
			return true
		}
		for k := pm.end + 1; k <= m.end; k++ {
			if s.asking.firstPerson[tokens[k].Lemma] {
				return true
			}
		}
		found = true
		sc.because(&s.explained, p)
		return false
	})
	return found
}

// explainsFrom reports whether one of the rule's Explained patterns opens
// the clause at tokens[k], in the sentence that ends at hi.
func (s *Set) explainsFrom(tokens []analyze.Token, sc *scratch, rule int32, k, hi int) bool {
	found := false
	s.explained.find(s, tokens, sc, k, hi, func(p *phrase, pm match) bool {
		if p.rule == rule && pm.start == k && !s.negatedUnless(tokens, p, pm) && !contrastIn(tokens, pm.end+1, hi+3) &&
			!alsoIn(tokens, pm.start, hi) && !pm.spans(tokens, isBelief) {
			found = true
			sc.because(&s.explained, p)
		}
		return !found
	})
	return found
}

// isBelief reports whether t says what someone thinks, not what happened:
// "colleagues think I knocked my drink over" explains nothing.
func isBelief(t analyze.Token) bool {
	switch t.Lemma {
	case "think", "thought", "reckon", "assume", "believe", "guess", "suppose":
		return true
	}
	return false
}

// realises are the words after which she names what a sign really was:
// "i just realised its the pink toilet paper".
var realises = map[string]bool{"realise": true, "realize": true, "realised": true, "realized": true}

// alsoIn reports whether tokens[lo:hi] add the cause to the sign rather
// than explain it: "bleeding heavily, nosebleed this morning as well",
// "bleeding from down below, cut my hand earlier too".
func alsoIn(tokens []analyze.Token, lo, hi int) bool {
	for j := lo; j < hi && j < len(tokens); j++ {
		switch tokens[j].Lemma {
		case "too", "also", "well", "aswell", "earlier", "again", "separately", "plus":
			return true
		}
	}
	return false
}

// contrastIn reports whether a contrast ("but", "though") stands in
// tokens[lo:hi]: "cut my finger earlier but this is from down below"
// explains nothing, nor does it when the next sentence opens with the
// contrast (explainsFrom looks a few words past its sentence).
func contrastIn(tokens []analyze.Token, lo, hi int) bool {
	for j := lo; j < hi && j < len(tokens); j++ {
		if l := tokens[j].Lemma; l == "but" || contrasts[l] {
			return true
		}
	}
	return false
}

// motion are the words after which "from" tells where she came from, not
// a cause (see identifiedAfter).
var motion = map[string]bool{"come": true, "came": true, "back": true, "home": true, "walk": true, "walking": true,
	"get": true, "got": true, "up": true, "out": true, "in": true, "stand": true, "stood": true, "return": true,
	"away": true, "drive": true, "driving": true, "way": true, "run": true, "go": true}

// maxFromWords is how far after a sign its cause may be named with
// "from" (see explainedIn).
const maxFromWords = 6

// breakIn reports whether a break stands in tokens[lo:hi].
func breakIn(tokens []analyze.Token, lo, hi int) bool {
	for j := lo; j < hi && j < len(tokens); j++ {
		if tokens[j].Is(analyze.Break) {
			return true
		}
	}
	return false
}

// identifiedAfter reports whether the sentence or clause after a match's
// (which ends at tokens[hi]) names what it was with one of the rule's Explained
// patterns: "there's red all over my hands and the floor... it's paint",
// "pink everywhere. turned out to be beetroot". It must open with the
// naming ("it's", "that was", "turned out", "just"), so "my waters
// broke. the tap was running too" explains nothing; or, right after the
// match, with a pattern that opens with "from": "soaked from the rain".
func (s *Set) identifiedAfter(tokens []analyze.Token, sc *scratch, rule int32, hi int) bool {
	k := hi
	for k < len(tokens) && tokens[k].Is(analyze.Break) {
		k++
	}
	if k+1 >= len(tokens) {
		return false
	}
	switch tokens[k].Lemma {
	case "it", "that", "this": // "it's" reads "it"
		k++
	case "turn":
		if tokens[k+1].Lemma != "out" {
			return false
		}
		k += 2
	case "just", "only":
		k++
	case "realise", "realize", "realised", "realized":
		// "realised it's the pink toilet paper", "realised that it was
		// the dye"; never "realise the juice thing people say" nor
		// "realise my polish friend said": what it was must follow "it".
		k++
		if (tokens[k].Lemma == "that" || tokens[k].Lemma == "this") && k+1 < len(tokens) && tokens[k+1].Lemma == "be" {
			k += 2 // "realised that's the beetroot", "this is the dye"
			break
		}
		if tokens[k].Lemma == "that" {
			k++
		}
		if k >= len(tokens) || tokens[k].Lemma != "it" && tokens[k].Lemma != "its" {
			return false
		}
		k++
	case "from", "off", "because", "bc", "cos", "coz", "cause", "cuz":
		// The cause right after it, with "from" or "because" (see
		// explainedIn): "wet patch all down my top from the ice pack",
		// "my head hurts bc i havent had proper coffee". The pattern
		// names "from" or "because" itself. Not where she came from: "came in from the
		// rain", "got back from tea at my mum's".
		if hi != k || k > 0 && motion[tokens[k-1].Lemma] {
			return false
		}
	default:
		return false
	}
	at := k
	for k < len(tokens) && k < at+3 && (tokens[k].Lemma == "just" || tokens[k].Lemma == "only" || tokens[k].Lemma == "to" ||
		tokens[k].Lemma == "be" || tokens[k].Lemma == "it" || tokens[k].Lemma == "a" || tokens[k].Lemma == "the" || tokens[k].Lemma == "some" ||
		tokens[k].Lemma == "my" || tokens[k].Lemma == "our" || tokens[k].Lemma == "me" ||
		(tokens[k].Lemma == "i" || tokens[k].Lemma == "we") && tokens[at-1].Lemma == "out") {
		k++ // "turns out I sat on a damp chair"
	}
	end := k
	for end < len(tokens) && !isClauseEnd(tokens[end]) {
		end++
	}
	found := false
	s.explained.find(s, tokens, sc, k, end, func(p *phrase, pm match) bool {
		if p.rule == rule && pm.start == k && !s.negatedUnless(tokens, p, pm) {
			found = true
			sc.because(&s.explained, p)
		}
		return !found
	})
	return found
}

// lostOne reports whether a one-word past marker is what was lost: "we
// lost our rainbow" names the baby, not the loss before it.
func lostOne(tokens []analyze.Token, pm match) bool {
	if pm.start != pm.end {
		return false
	}
	for k := pm.start - 1; k >= 0 && k >= pm.start-2; k-- {
		if tokens[k].Lemma == "lose" {
			return true
		}
	}
	return false
}

// turnBetween reports whether a "but", "then" or "though" stands in
// tokens[from:to].
func turnBetween(tokens []analyze.Token, from, to int) bool {
	for k := max(from, 0); k < to && k < len(tokens); k++ {
		switch tokens[k].Lemma {
		case "but", "then", "though", "tho", "although", "so", "within":
			// "so" and "within": what she did about it, then the save
			// ("quieter than usual so i had a cold drink and within 10
			// min he was booting me").
			return true
		}
	}
	return false
}

// averted reports whether the match is a near miss told with its save
// (see Rule.Averted): the near part of one of the rule's Averted patterns
// overlaps it or ends right before it ("almost fell" | "down the
// stairs"), and the save follows the near part in its sentence, after
// token after, and after a turn ("but", "then") when turn is set. A save
// may also come in the next sentence when it denies ("didn't fall") or
// answers a question of the near part's own sentence, and in the one
// after that when it denies. Neither part may be negated. "Slipped and
// fell down the stairs, caught myself at the bottom" still fires: the
// fall is a match of its own.
func (s *Set) averted(tokens []analyze.Token, sc *scratch, rule int32, m match, after int, turn bool) bool {
	sc.saved = match{start: -1, end: -1, cue: -1}
	if len(s.near.list) == 0 {
		return false
	}
	if len(sc.orig) == len(tokens) {
		// The sentences as she wrote them: "Tightenings. Stop when I lie
		// down. But 6 in the last hour." saves nothing.
		tokens = sc.orig
	}
	lo, hi := sentenceOf(tokens, m)
	// A save that denies the sign may come in the next sentence too:
	// "lost my balance in yoga and put my foot down quick. didnt fall,
	// nothing touched the bump". An impact undoes it in the sentence of
	// the save.
	first, next := hi, hi
	if hi+1 < len(tokens) {
		_, next = sentenceOf(tokens, match{start: hi + 1, end: hi + 1})
	}
	// A denial may wait one sentence more: "my foot went flying. Luckily
	// I had hold of the banister and sat down on the step. I didn't
	// fall, didn't bang anything".
	denied := next
	if next+1 < len(tokens) {
		_, denied = sentenceOf(tokens, match{start: next + 1, end: next + 1})
	}
	found := false
	s.near.find(s, tokens, sc, lo, m.end+1, func(p *phrase, nm match) bool {
		if p.rule != rule || nm.start > m.end || nm.end+1 < m.start || s.negatedUnless(tokens, p, nm) {
			return true
		}
		// At term, a save of one word right before the sign qualifies it:
		// "39+1, irregular tightenings". Only for a rule with preterm
		// triggers (contractions), whose signs at term are labour's:
		// before 37 weeks irregular tightenings are still a sign, and
		// "chocolate brown blood" is never a save.
		if nm.start > lo && s.hasPreterm[rule] && s.atTerm(tokens) {
			s.save.find(s, tokens, sc, nm.start-1, nm.start, func(q *phrase, sm match) bool {
				found = q.trigger == p.trigger && sm.start == nm.start-1 && sm.end == sm.start && !s.negationBefore(tokens, sm.start, false)
				if found {
					sc.because(&s.save, q)
				}
				return !found
			})
			if found {
				return false
			}
		}
		s.save.find(s, tokens, sc, nm.end+1, denied, func(q *phrase, sm match) bool {
			hi := first
			if sm.start > first {
				// The next sentence saves when it denies ("didnt fall") or
				// answers a question of the sign's own: "anyone else get
				// these random tightenings? ... they stop as soon as I
				// sit down"; the one after it only when it denies.
				negated := sm.spans(tokens, isNegation)
				if !negated && !lasting(tokens, sm.end) && !(first < len(tokens) && tokens[first].Is(analyze.Question)) || sm.start > next && !negated {
					return true // "slipped on the mat. grabbed the rail later" saves nothing
				}
				hi = next
				if sm.start > next {
					hi = denied
				}
			}
			// A save she asks about saves nothing: "a trickle ... probs
			// just pee right?".
			found = q.trigger == p.trigger && sm.start > nm.end && sm.start > after && sm.end < hi && (!turn || turnBetween(tokens, nm.end+1, sm.start) || lasting(tokens, sm.end)) && !s.negatedUnless(tokens, q, sm) &&
				!asked(tokens, sm.end) && !believed(tokens, sm.start) && !thenPast(tokens, sm.end) && !otherBetween(tokens, nm.end, sm.start) && !s.impactIn(tokens, lo, hi, m.start, nm, sm) &&
				!(s.reports[rule] && !q.habit && s.habitual(tokens, sm)) && // "normally she goes mad after dinner" saves nothing today
				!backAfter(tokens, sm.end+1) // "heartbeat perfect. quiet again tonight though": the sign back after the save
			if found {
				sc.because(&s.save, q)
				sc.saved = sm
			}
			return !found
		})
		return !found
	})
	return found
}

// lasting reports whether a save ending at tokens[end] runs on to now, a
// "since" right after it or ending it: "been kicking loads since",
// "wriggling ever since", "going non stop since breakfast".
func lasting(tokens []analyze.Token, end int) bool {
	j := end
	if tokens[j].Lemma != "since" {
		j++
		if j < len(tokens) && tokens[j].Lemma == "ever" {
			j++
		}
		if j >= len(tokens) || tokens[j].Lemma != "since" {
			return false
		}
	}
	// Not when it ran only till a time, or is set against today: "kicking
	// loads since monday until this morning", "... but not really today".
	for k := j + 1; k < len(tokens) && !tokens[k].Is(analyze.Break); k++ {
		if l := tokens[k].Lemma; l == "until" || l == "till" || l == "til" || l == "but" || tokens[k].Is(analyze.Negation) {
			return false
		}
	}
	return true
}

// backThen reports whether the pregnancy at tokens[k] is told as a time,
// "when she was pregnant", "while they were expecting": hers then, not a
// pregnancy now that makes the sign hers. "While 30 weeks pregnant" tells
// her weeks now, and is not one.
func backThen(tokens []analyze.Token, k int) bool {
	if k > 0 && tokens[k-1].Lemma == analyze.NumberLemma {
		k-- // "when she was 32 weeks": from the number
	}
	if k < 3 || tokens[k-1].Lemma != "be" {
		return false
	}
	switch tokens[k-2].Lemma {
	case "she", "they", "he":
	default:
		return false
	}
	l := tokens[k-3].Lemma
	return l == "when" || l == "while"
}

// carriedHer reports whether tokens[j] names the member, or one of her
// family grown up, as the baby another carried or laboured with:
// "pregnant with me", "in labour with me", "pregnant with my husband";
// never "hubby is with me".
func (s *Set) carriedHer(tokens []analyze.Token, j int) bool {
	if j < 2 || j >= len(tokens) || tokens[j-1].Lemma != "with" {
		return false
	}
	if l := tokens[j-2].Lemma; !s.pregnancy[l] && l != "labour" && l != "labor" {
		return false
	}
	switch tokens[j].Lemma {
	case "me":
		return true
	case "my":
		return j+1 < len(tokens) && grownFamily[tokens[j+1].Lemma]
	}
	return false
}

// grownFamily are the member's family who were babies long ago.
var grownFamily = map[string]bool{"husband": true, "hubby": true, "partner": true, "brother": true, "sister": true,
	"dad": true, "mum": true, "mom": true, "fiance": true, "boyfriend": true}

// toldTo are the verbs of telling before a "me" who only hears another's
// story, told as hers ("Mum keeps telling me horror stories about her
// falls"); "my husband keeps telling me to go in, heavy bleeding" is the
// member's own.
var toldTo = map[string]bool{"tell": true, "remind": true}

// objectOfHers reports whether the other person at tokens[j] is what the
// member does something to: "lifting my toddler", "picking up my son",
// "chasing after my 3 year old", "bending to pick up the dog bowl".
func objectOfHers(tokens []analyze.Token, j int) bool {
	k := j - 1
	for k >= 0 && tokens[k].Lemma == analyze.NumberLemma || k >= 0 && (tokens[k].Lemma == "year" || tokens[k].Lemma == "old") {
		k-- // "my 3 year old"
	}
	if k < 1 || tokens[k].Lemma != "my" && tokens[k].Lemma != "our" && tokens[k].Lemma != "the" {
		return false
	}
	k--
	if k > 0 && actionParticles[tokens[k].Lemma] {
		k-- // "picking up my son"
	}
	return herActions[tokens[k].Lemma]
}

// withOther reports whether the person at tokens[j] is the company of
// what the member did ("after intimacy with my husband", "out with the
// kids"), and so not the subject of what follows; never when a clause
// about them follows ("with my friend who started bleeding").
func withOther(tokens []analyze.Token, j int) bool {
	if j+1 < len(tokens) && relatives[tokens[j+1].Lemma] {
		return false // "with my friend who started bleeding": hers
	}
	return j >= 2 && tokens[j-2].Lemma == "with" && (tokens[j-1].Lemma == "my" || tokens[j-1].Lemma == "our" || tokens[j-1].Lemma == "the")
}

// relatives open a clause that tells of the person before them (not
// "that" or "which": "with my husband that night", "which was two days
// ago").
var relatives = map[string]bool{"who": true, "whose": true}

// theirsAfter reports whether tokens[lo:hi] give what follows to someone
// named before: a possessive or object pronoun ("anyway her waters went"),
// or a "she" or "he" who says it ("anyway, she says her back..."). A bare
// "she" may be the baby: "anyway she's usually doing somersaults".
func theirsAfter(tokens []analyze.Token, lo, hi int) bool {
	for j := lo; j < hi && j < len(tokens); j++ {
		switch tokens[j].Lemma {
		case "her", "his", "him", "them", "their":
			return true
		case "she", "he", "they":
			if j+1 < len(tokens) && (tokens[j+1].Lemma == "say" || tokens[j+1].Lemma == "tell" || tokens[j+1].Lemma == "reckon") {
				return true
			}
		}
	}
	return false
}

// thirdPersonIn reports whether a third-person pronoun stands in
// tokens[lo:hi].
func thirdPersonIn(tokens []analyze.Token, lo, hi int) bool {
	for j := lo; j < hi && j < len(tokens); j++ {
		switch tokens[j].Lemma {
		case "he", "she", "they", "him", "her", "them", "his":
			return true
		}
	}
	return false
}

// herActions are what a member does to a child or another she looks
// after, or to their things ("grab my son's sneakers": the "'s" is
// dropped, so the verb before "my" decides); particles may follow them
// ("pick up", "run after").
var (
	herActions = map[string]bool{"lift": true, "lifting": true, "carry": true, "carrying": true, "hold": true, "holding": true,
		"pick": true, "picking": true, "chase": true, "chasing": true, "bath": true, "bathe": true, "bathing": true, "feed": true,
		"feeding": true, "change": true, "changing": true, "dress": true, "dressing": true, "cuddle": true, "cuddling": true,
		"rock": true, "rocking": true, "push": true, "pushing": true, "settle": true, "settling": true, "wrestle": true, "wrestling": true,
		"grab": true, "grabbing": true, "fetch": true, "fetching": true, "tie": true, "tying": true, "wash": true, "washing": true,
		"tidy": true, "tidying": true, "collect": true, "collecting": true, "pack": true, "packing": true, "reach": true, "reaching": true}
	actionParticles = map[string]bool{"up": true, "after": true, "round": true, "around": true}
)

// thenPast reports whether a time gone by follows the save: "quiet today,
// kicking loads yesterday" saves nothing today. A time it runs on from
// does not: "kicking loads since last night".
func thenPast(tokens []analyze.Token, end int) bool {
	for k := end + 1; k < len(tokens) && k <= end+3 && !tokens[k].Is(analyze.Break); k++ {
		switch tokens[k].Lemma {
		case "since":
			return false
		case "yesterday", "earlier":
			return true
		case "last":
			if k+1 < len(tokens) && (tokens[k+1].Lemma == "night" || tokens[k+1].Lemma == "week") {
				return true
			}
		}
	}
	return false
}

// otherBetween reports whether another child or a pet between the near
// miss and its save is the save's subject: "baby quiet, my toddler is
// kicking loads" (never the dog she "tripped over but caught myself").
func otherBetween(tokens []analyze.Token, from, to int) bool {
	for k := from + 1; k < to && k < len(tokens); k++ {
		switch tokens[k].Lemma {
		case "toddler", "son", "daughter", "dog", "cat", "kid", "kids", "nephew", "niece", "old":
			if k+1 == to || tokens[k+1].Lemma == "be" || tokens[k+1].Lemma == "have" || tokens[k+1].Lemma == "keep" {
				return true
			}
		}
	}
	return false
}

// believed reports whether the save at tokens[start] is only what she
// thought: "been leaking since, didn't say anything cos i thought it was
// wee, now i'm shivery" doubts the save she believed; "thought my waters
// had gone but it was the bottle" saves (the belief was the sign).
func believed(tokens []analyze.Token, start int) bool {
	for j := start - 1; j >= 0 && j >= start-3; j-- {
		switch tokens[j].Lemma {
		case "think", "thought", "assume", "assumed", "presume", "presumed", "figure", "figured", "reckon", "reckoned":
			return true
		case "it", "that", "this", "be", "just", "only", "i", "was":
			continue
		}
		break
	}
	// Someone else's belief of what she did: "the girls at work think I
	// spilled my water bottle but I didn't".
	for j := start - 1; j >= 2 && j >= start-3 && !tokens[j].Is(analyze.Break); j-- {
		if tokens[j-1].Lemma == "i" && isBelief(tokens[j-2]) {
			return true
		}
	}
	return false
}

// spans reports whether a token within m, from its start to its end, is
// one f accepts.
func (m match) spans(tokens []analyze.Token, f func(analyze.Token) bool) bool {
	for j := m.start; j <= m.end && j < len(tokens); j++ {
		if f(tokens[j]) {
			return true
		}
	}
	return false
}

// isNegation reports whether t is a negation cue; isNumber whether it is
// a number ("didn't fall", "at 8 weeks": see match.spans).
func isNegation(t analyze.Token) bool { return t.Is(analyze.Negation) }
func isNumber(t analyze.Token) bool   { return t.Lemma == analyze.NumberLemma }

// negationWithin reports whether a negation cue stands at tokens[j] or in
// the n tokens before it, with no break between: the cue of "didn't go
// down or bang anything".
func negationWithin(tokens []analyze.Token, j, n int) bool {
	for k := j; k >= 0 && k >= j-n && !tokens[k].Is(analyze.Break); k-- {
		if tokens[k].Is(analyze.Negation) {
			return true
		}
	}
	return false
}

// onFeet reports whether the landing at j was on her feet: "landed on my
// feet", "landed on both feet" undoes no save.
func onFeet(tokens []analyze.Token, j int) bool {
	for k := j + 1; k < len(tokens) && k <= j+3; k++ {
		if l := tokens[k].Lemma; l == "foot" || l == "feet" {
			return true
		}
	}
	return false
}

// impactIn reports whether a word that undoes a save (see Set.impacts),
// not negated, is told in tokens[lo:hi] outside the near miss, the save
// and the sign's own words before the near miss (from sign on) (a "down", "over" or "off" right after the near miss goes on with
// it: "almost fell down the stairs"): the save did not spare her ("sort of caught the rail but my hip
// and side hit the tray"), or the tightenings keep time or grow ("every 5
// minutes, they stop when I lie down", "6 in the last hour").
func (s *Set) impactIn(tokens []analyze.Token, lo, hi, sign int, near, save match) bool {
	for j := lo; j < hi; j++ {
		if j >= near.start && j <= near.end || j >= save.start && j <= save.end {
			continue
		}
		if j >= sign && j < near.start {
			continue // the sign's own words before the near miss: a "banging" headache
		}
		if j == near.end+1 && (tokens[j].Lemma == "down" || tokens[j].Lemma == "over" || tokens[j].Lemma == "off") {
			continue // the near miss goes on: "almost fell | down the stairs"
		}
		if j > save.end && !joinedAfter(tokens, save.end, j) {
			continue // the save goes on: "it was my water bottle leaking in my bag onto my lap"
		}
		// "didn't hit", "didn't even hit", "didn't fall or hit the bump".
		negated := j > 0 && tokens[j-1].Is(analyze.Negation) || j > 1 && tokens[j-2].Is(analyze.Negation) ||
			j > 2 && tokens[j-3].Is(analyze.Negation) && (intensifiers[tokens[j-2].Lemma] || intensifiers[tokens[j-1].Lemma]) || // "didn't actually go down"
			j > 0 && (tokens[j-1].Lemma == "or" || tokens[j-1].Lemma == "nor") && negationWithin(tokens, j-2, 3)
		if !negated && s.impactAt(tokens, j) && !onFeet(tokens, j) && !advisedIf(tokens, j) {
			return true
		}
	}
	return false
}

// postureBefore reports whether a verb of lying, sitting or sleeping
// stands just before tokens[j] ("lay down on my side", "sleeping on my
// front"): a posture, not a landing.
func postureBefore(tokens []analyze.Token, j int) bool {
	for k := j - 1; k >= 0 && k >= j-2 && !tokens[k].Is(analyze.Break); k-- {
		switch tokens[k].Lemma {
		case "lie", "lay", "sit", "sleep", "rest":
			return true
		}
	}
	return false
}

// babyMoves are the baby's movements, counted with "loads" or "lots" as
// no impact (see impactAt).
var babyMoves = map[string]bool{"move": true, "moving": true, "kick": true, "kicking": true, "wriggle": true, "wriggling": true, "roll": true, "rolling": true}

// intensifiers may stand between a cue and the impact it denies: "didn't
// actually go down", "didn't even hit anything".
var intensifiers = map[string]bool{"actually": true, "even": true, "really": true, "quite": true, "fully": true, "completely": true}

// joinedAfter reports whether a new clause starts between tokens[from]
// and tokens[to]: a comma or full stop, or "but", "and", "then" or "so".
// Only then does a word after a save tell what happened despite it:
// "caught the rail but my hip hit the tray".
func joinedAfter(tokens []analyze.Token, from, to int) bool {
	for k := from + 1; k < to; k++ {
		if tokens[k].Is(analyze.Break) || clauseJoins[tokens[k].Lemma] || tokens[k].Lemma == "but" {
			return true
		}
	}
	return false
}

// impactAt reports whether tokens[j] undoes a save (see Set.impacts):
// one of the impacts ("every" only before a count: "every 5 minutes", not
// "every so often"), or a landing told in two words ("went down", "fell
// straight down", "ended up on the floor"), or a time kept by numbers ("6
// in the last hour", "10 mins then 7", "more and more painful").
func (s *Set) impactAt(tokens []analyze.Token, j int) bool {
	l := tokens[j].Lemma
	switch {
	case l == "every":
		return counted(tokens, j+1)
	case l == "lot" && j > 1 && tokens[j-1].Lemma == "a" && doings[tokens[j-2].Lemma]:
		return false // how much she does: "goes hard when I walk a lot", not "tightening loads"
	case (l == "load" || l == "loads" || l == "lot" || l == "lots") && j > 0 && babyMoves[tokens[j-1].Lemma]:
		return false // how much the baby moves: "nothing regular, baby moving loads"
	case s.impacts[l]:
		return true
	case l == "down":
		for k := j - 1; k >= 0 && k >= j-2; k-- {
			if p := tokens[k].Lemma; p == "go" || p == "come" || p == "fall" {
				return true
			}
		}
	case l == "end":
		return j+1 < len(tokens) && tokens[j+1].Lemma == "up"
	case l == "late":
		return j > 0 && tokens[j-1].Lemma == "too" // "grabbed me but too late"
	case l == "side" || l == "front" || l == "bum":
		// a landing: "went over on my side", never a posture: "lay down
		// on my side and he went wild"
		return j > 1 && tokens[j-1].Lemma == "my" && (tokens[j-2].Lemma == "on" || tokens[j-2].Lemma == "onto") && !postureBefore(tokens, j-2)
	case l == "jar":
		// "jarred my bump against the edge"
		return j+2 < len(tokens) && bumpWords[tokens[j+2].Lemma]
	case bumpWords[l]:
		// "caught myself on the table edge with my bump"
		return j > 1 && tokens[j-1].Lemma == "my" && (tokens[j-2].Lemma == "with" || tokens[j-2].Lemma == "against")
	case l == "more":
		return j+2 < len(tokens) && tokens[j+1].Lemma == "and" && tokens[j+2].Lemma == "more"
	case l == "hour":
		// "6 in the last hour", not "maybe 3 in the last 2 hours".
		for k := j - 1; k >= 0 && k >= j-5; k-- {
			if n, ok := number(tokens[k]); ok && n >= 4 {
				return true
			}
		}
	case l == "minute" || l == "min":
		// "10 mins then 7", not "nothing for 40 mins", nor how soon the
		// save came: "within 10 min he was booting me".
		for k := j - 1; k >= 0 && k >= j-2; k-- {
			if n, ok := number(tokens[k]); ok && n <= 20 {
				return k == 0 || !soonWords[tokens[k-1].Lemma]
			}
		}
	}
	return false
}

// backAfter reports whether, in a sentence after tokens[from], the message
// tells the sign back after its save: "again", or "still" before a cue or
// "quiet" ("heartbeat perfect. quiet again tonight though"). An "again" in
// the save's own sentence is the save's: "now moving like normal again".
func backAfter(tokens []analyze.Token, from int) bool {
	later := false
	for j := max(from, 0); j < len(tokens); j++ {
		if isClauseEnd(tokens[j]) {
			later = true
		}
		if !later {
			continue
		}
		switch tokens[j].Lemma {
		case "again":
			if !ifBefore(tokens, j) {
				return true // never "if it happens again"
			}
		case "still":
			for k := j + 1; k < len(tokens) && k <= j+2; k++ {
				if tokens[k].Is(analyze.Negation) || tokens[k].Lemma == "quiet" {
					return true
				}
			}
		}
	}
	return false
}

// agoRecently reports whether the match's sentence dates it days or a few
// weeks ago: "stillborn in October 2025, just weeks ago" is no history
// long past, whatever year it names.
func agoRecently(tokens []analyze.Token, m match) bool {
	lo, hi := sentenceOf(tokens, m)
	for j := lo + 1; j+1 < hi && j+1 < len(tokens); j++ {
		if tokens[j+1].Lemma != "ago" {
			continue
		}
		switch tokens[j].Lemma {
		case "day", "days":
			return true
		case "week", "weeks":
			switch tokens[j-1].Lemma {
			case "just", "only", "few", "couple", "a":
				return true
			}
			if n, ok := number(tokens[j-1]); ok && n <= 6 {
				return true
			}
		}
	}
	return false
}

// partnerBefore reports whether the last person named before a match in
// its sentence is a partner ("my partner's waters went", "dp is having
// contractions"): a sign of the pregnancy itself makes that partner the
// pregnant one, whoever writes.
func (s *Set) partnerBefore(tokens []analyze.Token, m match) bool {
	for j := m.start - 1; j >= 0 && !isClauseEnd(tokens[j]); j-- {
		switch l := tokens[j].Lemma; {
		case l == "partner" || l == "dp" || l == "fiancee" || l == "fiancée":
			return true
		case l == "i" || l == "me" || s.isOther(tokens, j):
			return false // "my partner said his mum's waters broke": his mum's
		}
	}
	return false
}

// writesForHer reports whether a sign told of someone else is written for
// the pregnant one all the same: a sign of the pregnancy itself told of a
// partner or of another woman the writer names as hers (see womanBefore),
// any sign told of a partner alone (see partnerAlone), or a sign of her
// body told of one who gave birth lately (see birthJustBefore), of a wife
// the writer types for (see typingForWife), or of the pregnant one named
// with her weeks (see pregnantOneNamed).
func (s *Set) writesForHer(tokens []analyze.Token, p *phrase, m match) bool {
	if s.beforeBirth[p.rule] && (s.partnerBefore(tokens, m) || s.womanBefore(tokens, m)) || s.partnerAlone(tokens, m) {
		return true
	}
	if s.beforeBirth[p.rule] {
		return false
	}
	if s.birthJustBefore(tokens, m) || typingForWife(tokens) && s.subjectIs(tokens, m, "") {
		return true
	}
	// The pregnant one named with her weeks by a writer who tells none
	// of her own: "my mum slipped on the wet decking ... now she says
	// theres blood in her pants. she's 27 weeks".
	if who := s.pregnantOneNamed(tokens); who != "" {
		return s.subjectIs(tokens, m, who)
	}
	return false
}

// pregnantOneNamed returns the lemma of the person the writer names as
// pregnant, with her weeks ("my mum (32 weeks)", "my mum ... she's 27
// weeks", "friend staying over (she's 36 wks)"), or as lately delivered,
// with the weeks since ("my daughter (6 wks postpartum, had an
// epidural)"), or "" when there is none or the writer tells a pregnancy of
// her own. "she" stands for the person named before her in the message.
func (s *Set) pregnantOneNamed(tokens []analyze.Token) string {
	if s.writerPregnant(tokens) {
		return ""
	}
	named := ""
	for j, t := range tokens {
		l := t.Lemma
		switch {
		case analyze.Wife(l) || s.isOther(tokens, j) && j > 0 && tokens[j-1].Lemma == "my":
			if named == "" {
				named = l
			}
			if s.weeksOf(tokens, j) {
				return l
			}
		case l == "she" && named != "" && s.weeksOf(tokens, j):
			return named
		}
	}
	return ""
}

// subjectIs reports whether the nearest person before the sign in its
// sentence is who, or "she" or "her" standing for her ("she's got a temp
// of 38"), never another named ("her mum has a fever"), nor the writer.
func (s *Set) subjectIs(tokens []analyze.Token, m match, who string) bool {
	lo, _ := sentenceOf(tokens, m)
	for j := m.start; j >= lo; j-- {
		switch l := tokens[j].Lemma; {
		case l == who || l == "she" || l == "her" && (j+1 >= len(tokens) || !s.isOther(tokens, j+1)):
			return true
		case s.isOther(tokens, j) || analyze.Wife(l) || l == "i" || l == "me" || l == "he" || l == "my" && j+1 < len(tokens) && !s.isOther(tokens, j+1) && !analyze.Wife(tokens[j+1].Lemma):
			return false
		}
	}
	return false
}

// typingForWife reports whether the message opens by saying it is written
// for the writer's pregnant wife or partner, and gives her weeks: "typing
// for my wife, T8 paraplegic, 31 weeks. ... she's got a temp of 38". Every
// "she" of such a message is the member (never when it says she is not
// pregnant). Not for the signs of the pregnancy itself, whose "she" is as
// often the baby's ("she must rest and not move"): partnerBefore and
// womanBefore read those.
func typingForWife(tokens []analyze.Token) bool {
	for j := 0; j+2 < len(tokens) && j < maxOpeningWords; j++ {
		if !writingVerbs[tokens[j].Lemma] || tokens[j+1].Lemma != "for" {
			continue
		}
		k := j + 2
		if tokens[k].Lemma == "my" && k+1 < len(tokens) {
			k++
		}
		if !analyze.Wife(tokens[k].Lemma) && tokens[k].Lemma != "partner" && tokens[k].Lemma != "gf" && tokens[k].Lemma != "girlfriend" {
			return false
		}
		if notPregnantTold(tokens) {
			return false
		}
		return slices.ContainsFunc(tokens, func(t analyze.Token) bool { return t.Gestation() || t.Lemma == "week" || t.Lemma == "pregnant" })
	}
	return false
}

// maxOpeningWords is how far into a message the words that say whom it is
// written for may stand (see typingForWife).
const maxOpeningWords = 6

// writingVerbs say a message is written for someone: "typing for my wife".
var writingVerbs = map[string]bool{"type": true, "write": true, "post": true, "ask": true, "message": true}

// womanBefore reports whether a sign of the pregnancy itself is told of a
// woman the writer names as hers ("my daughter's waters went", "my friend
// is having contractions") in a message that is only about her: no elder
// or pet, no "not pregnant", nothing of the writer's own back, bump or
// weeks (see writerTellsOwn), no story (see storyTold), no question of how
// common it is (see generalAsked), and no care already with her (see
// careInHand). Someone writing to a
// pregnancy bot about another woman's waters or contractions is asking
// what to do for her; told beside the writer's own back ("my friend's
// waters broke at her baby shower, now I'm paranoid. 31 weeks") it is a
// story.
func (s *Set) womanBefore(tokens []analyze.Token, m match) bool {
	for j := m.start - 1; j >= 0 && !isClauseEnd(tokens[j]); j-- {
		switch l := tokens[j].Lemma; {
		case l == "me" && j > 0 && toldTo[tokens[j-1].Lemma]:
			continue // "my flatmate just told me her waters broke"
		case l == "i" || l == "me":
			return false
		case s.isOther(tokens, j):
			return s.owned(tokens, j) && !elders[tokens[j].Lemma] && !animals[tokens[j].Lemma] && s.mayBePregnant(tokens, j) &&
				!notPregnantTold(tokens) && !s.writerTellsOwn(tokens) && !storyTold(tokens) && !generalAsked(tokens) && !careInHand(tokens)
		}
	}
	return false
}

// owned reports whether the other person at tokens[j] is named as the
// writer's own: "my sister", "my best friend", "my twin sister", "my
// boyfriend's sister", or opening the message ("sister's waters broke
// help").
func (s *Set) owned(tokens []analyze.Token, j int) bool {
	for k := j - 1; k >= 0; k-- {
		switch l := tokens[k].Lemma; {
		case ownedBy[l]:
			return true
		case ownModifiers[l] || s.isOther(tokens, k) || analyze.Wife(l):
			continue
		default:
			return false
		}
	}
	return true
}

// ownModifiers stand between "my" and the person: "my best friend", "my
// twin sister", "my little sister".
var ownModifiers = map[string]bool{"best": true, "twin": true, "little": true, "big": true, "older": true, "younger": true,
	"eldest": true, "oldest": true, "youngest": true, "step": true, "good": true, "close": true, "old": true}

// writtenForHer reports whether a sign is written for her by someone
// else, so that unless patterns about others do not cancel it: "my
// partner fainted" is not "{others} fainted" (see partnerAlone).
func (s *Set) writtenForHer(tokens []analyze.Token, p *phrase, m match) bool {
	return s.selfOnly[p.rule] && s.partnerAlone(tokens, m)
}

// partnerAlone reports whether any sign is told of "my partner" (see
// partnerBefore) in a message that is only about her: no "he", nothing of
// the writer's own back or pregnancy, no story (see womanBefore). A
// partner writing "my partner is bleeding a lot" or "my partner fell down
// the stairs" writes for the pregnant one; the member whose partner is
// hurt tells "he", or her own back beside it. Unless patterns about
// others ("{others} fainted") do not cancel it.
func (s *Set) partnerAlone(tokens []analyze.Token, m match) bool {
	return s.partnerBefore(tokens, m) && !maleTold(tokens) && !s.writerTellsOwn(tokens) && !storyTold(tokens)
}

// elders are others a sign told alone is not written for, her mother's
// generation: "my mum's waters went when she had me" (pets are animals).
var elders = map[string]bool{"mum": true, "mom": true, "mother": true, "mil": true, "nan": true, "nana": true, "gran": true,
	"grandma": true, "aunt": true, "auntie": true}

// notPregnantTold reports whether the message says someone is "not
// pregnant": "my sister (not pregnant) has contractions... of the bowel".
func notPregnantTold(tokens []analyze.Token) bool {
	for j := 1; j < len(tokens); j++ {
		if tokens[j].Lemma == "pregnant" && tokens[j-1].Is(analyze.Negation) {
			return true
		}
	}
	return false
}

// maleTold reports whether the message tells "he", "him" or "his" of a
// man: never of the baby, named before it ("we're having a boy and he's
// due in May").
func maleTold(tokens []analyze.Token) bool {
	baby := false
	for _, t := range tokens {
		switch t.Lemma {
		case "baby", "boy", "son", "bump", "bub", "lo":
			baby = true
		case "he", "him", "his", "himself":
			if !baby {
				return true
			}
		}
	}
	return false
}

// careInHand reports whether the writer tells that care has come: she is
// at the hospital with her, or the ambulance is called ("with my neighbour
// whose waters just broke, waiting for the ambulance with her"). Never
// "should we go to hospital?".
func careInHand(tokens []analyze.Token) bool {
	for j, t := range tokens {
		switch t.Lemma {
		case "ambulance", "paramedic", "paramedics":
			// "waiting for the ambulance", "paramedics are here", not
			// "do we call an ambulance?".
			for k := max(j-3, 0); k < len(tokens) && k <= j+4; k++ {
				switch tokens[k].Lemma {
				case "wait", "waiting", "here", "arrive", "with":
					return true
				}
			}
		case "hospital", "a&e", "triage", "unit", "ward", "suite":
			// "she's already on the labour ward", never "she's not at
			// the hospital yet".
			for k := j - 1; k >= 0 && k >= j-3; k-- {
				if l := tokens[k].Lemma; l == "at" || l == "in" || l == "on" {
					return k == 0 || !tokens[k-1].Is(analyze.Negation)
				}
			}
		case "midwife", "midwives", "doctor":
			// "the midwife is with her now".
			if j+3 < len(tokens) && tokens[j+1].Lemma == "be" && tokens[j+2].Lemma == "with" && tokens[j+3].Lemma == "her" {
				return true
			}
		}
	}
	return false
}

// ownedBy are the words that make another person the writer's own: "my
// daughter", "our friend", "ma pal".
var ownedBy = map[string]bool{"my": true, "our": true, "ma": true}

// ownTopic are words of the writer's own pregnancy or back, which make
// another woman's sign beside them a story (see womanBefore).
var ownTopic = map[string]bool{"back": true, "backache": true, "sciatica": true, "spasm": true, "hip": true, "pelvis": true,
	"bump": true, "pregnant": true, "pregnancy": true, "trimester": true, "achy": true, "ache": true, "aching": true, "sore": true}

// writerTellsOwn reports whether the message tells of the writer's own
// back or pregnancy: her back, her bump, her weeks.
func (s *Set) writerTellsOwn(tokens []analyze.Token) bool {
	for j, t := range tokens {
		if (ownTopic[t.Lemma] || t.Gestation() || s.weeks[t.Lemma]) && !s.givenToOther(tokens, j) {
			return true
		}
		// "mine's only when I've been on my feet", "asking for when
		// it's my turn": she sets her own beside the other's.
		if t.Lemma == "mine" && (j == 0 || tokens[j-1].Lemma != "of") || t.Lemma == "my" && j+1 < len(tokens) && ownParts[tokens[j+1].Lemma] {
			return true
		}
	}
	return false
}

// ownParts, after "my", are the writer's own body or turn (see
// writerTellsOwn).
var ownParts = map[string]bool{"turn": true, "feet": true, "foot": true, "leg": true, "legs": true, "tummy": true, "belly": true,
	"stomach": true, "baby": true, "body": true, "side": true, "neck": true, "shoulder": true, "bum": true, "due": true}

// givenToOther reports whether the nearest person named before tokens[j]
// in its clause is someone else: "partner's back is agony", "She's 38
// weeks", not "my back" nor "31 weeks, all fine".
func (s *Set) givenToOther(tokens []analyze.Token, j int) bool {
	for k := j - 1; k >= 0 && !isClauseEnd(tokens[k]); k-- {
		switch l := tokens[k].Lemma; {
		case l == "she" || l == "her" && k == j-1 || analyze.Wife(l) || s.isOther(tokens, k):
			return true // "her back", never "get her out from under the bed... back sore"
		case s.asking.firstPerson[l] || l == "you" || l == "anyway" || l == "anyways" || l == "but":
			return false // "my partner went white... anyway what's the best back rub"
		}
	}
	return false
}

// storyTold reports whether a message tells a story rather than asks for
// help: a birth ("had the baby", "she had a little girl", never "we're
// having a boy"), a year or month ("last year", "months ago"), a first
// child, a childhood, "last time", "remember when", good news ("sat with
// my sister whose waters just broke, so exciting"). Not a laugh: members
// laugh when scared ("my daughter's waters went lol I'm shaking").
func storyTold(tokens []analyze.Token) bool {
	for j, t := range tokens {
		switch l := t.Lemma; {
		case l == "year", l == "month", l == "born", l == "birth", l == "psa", newsWords[l]:
			return true
		case l == "remember" && j+1 < len(tokens) && (tokens[j+1].Lemma == "when" || tokens[j+1].Lemma == "that"),
			l == "have" && j+2 < len(tokens) && (tokens[j+1].Lemma == "her" || tokens[j+1].Lemma == "my") && (firstBorn[tokens[j+2].Lemma] || grandWords[tokens[j+2].Lemma]):
			// "remember when my partner fainted at the scan", "when she
			// had her first", "before she had my grandson".
			return true
		case l == "send" && j+2 < len(tokens) && (tokens[j+1].Lemma == "her" || tokens[j+1].Lemma == "them") && sentWishes[tokens[j+2].Lemma],
			l == "send" && j+1 < len(tokens) && sentWishes[tokens[j+1].Lemma] && j+2 < len(tokens) && tokens[j+2].Lemma == "to":
			// Wishes sent her way: the news told to the group, not a
			// call for help ("her waters broke at 32 weeks, sending her
			// love").
			return true
		case l == "last" && j+1 < len(tokens) && (tokens[j+1].Lemma == "time" || tokens[j+1].Lemma == "pregnancy"),
			l == "as" && j+2 < len(tokens) && (tokens[j+1].Lemma == "a" || tokens[j+1].Lemma == "kid") && childWords[tokens[j+2].Lemma],
			l == "arrive" && j > 0 && (analyze.BornWord(tokens[j-1].Lemma) || grandWords[tokens[j-1].Lemma]):
			// "had pre-eclampsia last time", "fell off her bicycle as a
			// child", "my grandson arrived Wednesday".
			return true
		case l == "have" && (j == 0 || tokens[j-1].Lemma != "be") && j+2 < len(tokens) && (tokens[j+1].Lemma == "the" || tokens[j+1].Lemma == "a" || tokens[j+1].Lemma == "her") &&
			(analyze.BornWord(tokens[j+2].Lemma) || j+3 < len(tokens) && analyze.BornWord(tokens[j+3].Lemma)):
			return true
		}
	}
	return false
}

// sentWishes are what members send a woman they write about (see
// storyTold).
var sentWishes = map[string]bool{"love": true, "hug": true, "hugs": true, "prayers": true, "prayer": true, "vibes": true,
	"wishes": true, "thoughts": true, "strength": true}

// childWords and grandWords name a childhood and a grandchild (see
// storyTold).
var (
	childWords = map[string]bool{"child": true, "kid": true, "teenager": true, "teen": true, "girl": true, "baby": true}
	grandWords = map[string]bool{"grandson": true, "granddaughter": true, "grandbaby": true, "niece": true, "nephew": true}
)

// generalAsked reports whether the message asks how common what it told
// is: "is that common?", "is that a thing?", "does that happen a lot?",
// "how would I know?". A sign of another woman told before such a
// question is a story she measures her own pregnancy against.
func generalAsked(tokens []analyze.Token) bool {
	for j := 1; j+1 < len(tokens); j++ {
		l, next := tokens[j].Lemma, tokens[j+1].Lemma
		switch {
		case (l == "that" || l == "this") && (tokens[j-1].Lemma == "be" || tokens[j-1].Lemma == "do") && (generalWords[next] || next == "a" || next == "happen"),
			(l == "that" || l == "this") && next == "happen",
			l == "would" && next == "i" && j+2 < len(tokens) && tokens[j+2].Lemma == "know":
			return true
		}
	}
	return false
}

// generalWords say how common something is (see generalAsked).
var generalWords = map[string]bool{"common": true, "normal": true, "usual": true, "typical": true, "thing": true, "likely": true, "rare": true, "myth": true, "true": true}

// newsWords tell good news (see storyTold).
var newsWords = map[string]bool{"exciting": true, "excited": true, "excite": true, "congrats": true, "congratulations": true, "yay": true, "woohoo": true}

// firstBorn name a child by its place among her children: "when she had
// her first".
var firstBorn = map[string]bool{"first": true, "second": true, "third": true, "eldest": true, "oldest": true, "youngest": true}

// soundsHeard reports whether the sign is another member's that "sounds"
// scary or awful to the writer: "that fall sounds so scary", "your
// bleeding sounds horrible, hope you're ok". Only a sign named as that
// one, hers or theirs: her own may sound silly to her ("my waters broke
// sounds silly but there's a lot of fluid"), and one she shares after it
// is hers ("your bleeding sounds bad hun, mine is heavy too").
func soundsHeard(tokens []analyze.Token, m match) bool {
	if m.start == 0 || !heardOwners[tokens[m.start-1].Lemma] || sharedByHer(tokens, m.end+1) {
		return false
	}
	for k := m.end + 1; k < len(tokens) && k <= m.end+3; k++ {
		switch tokens[k].Lemma {
		case "sound":
			return k+1 < len(tokens) && tokens[k+1].Lemma != "like"
		case "must", "have", "really", "so", "just":
			continue
		}
		return false
	}
	return false
}

// heardOwners name whose a heard sign is (see soundsHeard).
var heardOwners = map[string]bool{"that": true, "your": true, "ur": true, "yr": true, "her": true, "his": true, "their": true}

// inQuestion reports whether the clause of tokens[j] ends with a question
// mark.
func inQuestion(tokens []analyze.Token, j int) bool {
	for ; j < len(tokens); j++ {
		if isClauseEnd(tokens[j]) {
			return tokens[j].Is(analyze.Question)
		}
	}
	return false
}

// advisedIf reports whether tokens[j] stands in the condition of advice
// she was given, which tells of no change: "midwife said ring when
// they're regular and strong", "call us if they get closer".
func advisedIf(tokens []analyze.Token, j int) bool {
	for k := j - 1; k > 0 && !tokens[k].Is(analyze.Break); k-- {
		switch tokens[k].Lemma {
		case "if", "when", "once", "whenever":
			// The call right before it ("ring when", "call us if", "come
			// in if"): never "they come when i walk", "tell me if".
			for c := k - 1; c >= 0 && c >= k-2; c-- {
				if calls[tokens[c].Lemma] || tokens[c].Lemma == "in" && c > 0 && (tokens[c-1].Lemma == "come" || tokens[c-1].Lemma == "go") {
					return true
				}
			}
			return false
		}
	}
	return false
}

// ifBefore reports whether "if" or "when" stands before tokens[j] in its
// clause: "so if it happens again do I have to go again".
func ifBefore(tokens []analyze.Token, j int) bool {
	for k := j - 1; k >= 0 && !tokens[k].Is(analyze.Break); k-- {
		if l := tokens[k].Lemma; l == "if" || l == "when" || l == "whenever" {
			return true
		}
	}
	return false
}

// soonWords, before a count of minutes, tell how soon something came
// (see impactAt).
var soonWords = map[string]bool{"within": true, "in": true, "after": true, "for": true}

// bumpWords name the bump, for a blow told as jarring it.
var bumpWords = map[string]bool{"bump": true, "belly": true, "tummy": true, "stomach": true}

// number returns the value of a number token: "6", "10".
func number(t analyze.Token) (int, bool) {
	if t.Lemma != analyze.NumberLemma {
		return 0, false
	}
	n, err := strconv.Atoi(t.Term)
	return n, err == nil
}

// scoreFell reports whether the match is part of a score that went down
// in its sentence, or rose slowly: "from a 7 to a 4", "from 8 to 3", "from
// a 4 to an 8 over the last few weeks" (a pain easing or growing with the
// bump, never "from a 4 to an 8 in the last hour").
func scoreFell(tokens []analyze.Token, m match) bool {
	lo, hi := sentenceOf(tokens, m)
	numberAt := func(j int) (int, int) { // the number at most two words after j, and where
		for k := j + 1; k < hi && k <= j+2; k++ {
			if n, ok := number(tokens[k]); ok {
				return n, k
			}
		}
		return -1, -1
	}
	for j := lo; j < hi; j++ {
		if tokens[j].Lemma != "from" {
			continue
		}
		from, at := numberAt(j)
		if from < 0 {
			continue
		}
		// "from 3 out of 10 at 20 weeks to 5 out of 10 now": "to" a few
		// words on.
		toAt := -1
		for k := at + 1; k < hi && k <= at+6; k++ {
			if tokens[k].Lemma == "to" {
				toAt = k
				break
			}
		}
		if toAt < 0 {
			continue
		}
		to, end := numberAt(toAt)
		if to >= 0 && (to < from || to < severeScore || slowly(tokens, lo, hi)) && m.start <= end && m.end >= j {
			return true
		}
	}
	return false
}

// severeScore is the least pain score out of ten a rise must reach to be
// sudden severe pain ("from a 3 to a 5" is none).
const severeScore = 7

// slowly reports whether tokens[lo:hi] tell a change over weeks or months,
// or as gradual: "from a 4 to an 8 over the last few weeks" is no sudden
// pain.
func slowly(tokens []analyze.Token, lo, hi int) bool {
	for j := lo; j < hi; j++ {
		switch l := tokens[j].Lemma; l {
		case "gradually", "slowly", "steadily":
			return true
		case "month", "months":
			return true // "from 3 out of 10 last month to 5 now"
		case "over":
			for k := j + 1; k < hi && k <= j+4; k++ {
				if l := tokens[k].Lemma; l == "week" || l == "month" || l == "weeks" || l == "months" {
					return true
				}
			}
		}
	}
	return false
}

// counted reports whether a count of time follows at j: "every 5
// minutes", "every few mins", "every couple of minutes".
func counted(tokens []analyze.Token, j int) bool {
	for k := j; k < len(tokens) && k < j+2; k++ {
		switch tokens[k].Lemma {
		case analyze.NumberLemma, "few", "couple", "minute", "min", "hour", "hr", "ten", "five", "two", "three", "four", "six", "seven", "eight", "nine", "twenty", "fifteen":
			return true
		}
	}
	return false
}

// habitual reports whether the unless match m says what usually happens:
// a habit word inside it or at most habitReach words before it, in its
// clause ("usually she is moving a lot at night", "baby usually kicks
// loads" reassure about nothing today). A habit further back, or with a
// word of its own between, is another verb's: "he's always joking he'll
// kick me out of bed", "I've always worn those slip-on clogs".
func (s *Set) habitual(tokens []analyze.Token, m match) bool {
	for k := m.end - 1; k >= 0 && k >= m.start-habitReach && !tokens[k].Is(analyze.Break); k-- {
		if s.habits[tokens[k].Lemma] || usedTo(tokens, k) {
			return true
		}
		if k < m.start && !tokens[k].Is(analyze.Stop) {
			return false
		}
	}
	return false
}

// usedTo reports whether tokens[k] opens "used to", a habit gone by:
// "baby used to kick a lot after dinner, tonight nothing".
func usedTo(tokens []analyze.Token, k int) bool {
	return (tokens[k].Lemma == "use" || tokens[k].Lemma == "used") && k+2 < len(tokens) && tokens[k+1].Lemma == "to" && !tokens[k+2].Is(analyze.Stop)
}

// contrasted reports whether today stands against a habit that ends at
// tokens[from], later in its sentence and no further than tokens[to]:
// "she's usually quiet in the mornings but today nothing at all",
// "usually quiet in the mornings, this morning not a single kick". The
// habit is then the yardstick of a change, not a reassurance. (The parts
// of a trigger are cancelled one by one, so the whole sentence is looked
// at, not only the match.)
func contrasted(tokens []analyze.Token, from, to int) bool {
	for k := from + 1; k <= to && k < len(tokens); k++ {
		if t := &tokens[k]; t.Is(analyze.Break) && !t.Is(analyze.Weak) {
			return false
		}
		switch tokens[k].Lemma {
		case "but", "today", "tonight", "now", "yesterday":
			return true
		case "since":
			// "since breakfast", "since I woke", "since 7am"; not how
			// long the habit has held ("same pattern since about 25
			// wks", "since I was a teenager").
			if k+1 < len(tokens) && (sinceToday[tokens[k+1].Lemma] || clockTime(tokens, k+1) ||
				tokens[k+1].Lemma == "i" && k+2 < len(tokens) && wakeVerbs[tokens[k+2].Lemma]) {
				return true
			}
		case "this":
			if k+1 < len(tokens) {
				switch tokens[k+1].Lemma {
				case "morning", "afternoon", "evening", "week":
					return true
				}
			}
		}
	}
	return false
}

// sinceToday follow a "since" that counts from today or yesterday (see
// contrasted).
var sinceToday = map[string]bool{"breakfast": true, "lunch": true, "lunchtime": true, "dinner": true, "tea": true,
	"teatime": true, "yesterday": true, "this": true, "last": true, "morning": true, "tonight": true, "today": true,
	"then": true, "waking": true, "brunch": true}

// wakeVerbs follow "since I" when she counts from waking: "since I woke",
// "since I got up".
var wakeVerbs = map[string]bool{"wake": true, "woke": true, "get": true, "got": true}

// clockTime reports whether tokens[j] opens a time of day: "7am" (read
// "7 am"), "5pm", "10:30".
func clockTime(tokens []analyze.Token, j int) bool {
	if tokens[j].Lemma != analyze.NumberLemma {
		return false
	}
	if strings.Contains(tokens[j].Term, ":") {
		return true
	}
	if j+1 < len(tokens) {
		switch tokens[j+1].Term {
		case "am", "pm", "oclock":
			return true
		}
	}
	return false
}

// markHabits marks the patterns of ps that name a habit themselves: one
// of their terms is habit words only ("always|usually|normally"). Marked
// once when the set is compiled, not on every match.
func (s *Set) markHabits(ps *patterns) {
	for i := range ps.list {
		p := &ps.list[i]
		for _, t := range p.terms {
			all := true
			for alt := range strings.SplitSeq(t, altSep) {
				all = all && s.habits[alt]
			}
			if all {
				p.habit = true
				break
			}
		}
	}
}

// habitReach is how many words before an unless match a habit word may
// stand and still govern it.
const habitReach = 3

// negatedUnless reports whether an unless match is itself negated: "she
// hasn't moved much" is no reassurance. Patterns that name a negation
// themselves are taken as written.
func (s *Set) negatedUnless(tokens []analyze.Token, u *phrase, m match) bool {
	if slices.Contains(u.terms, negLemma) || slices.ContainsFunc(u.terms, holdsCue) && m.spans(tokens, isNegation) {
		// The pattern names the cue itself, and the words it matched
		// hold it: "not_move". An alternative without one is read like
		// any other: "didn't manage to grab anything" is no "grabbed".
		return false
	}
	if s.negationBefore(tokens, m.start, true) || perceivedNot(tokens, m.start) {
		return true // "I don't think I've felt her move much" doubts it too
	}
	for j := m.start + 1; j < m.end; j++ {
		if tokens[j].Is(analyze.Negation) && !s.hedged(tokens, j) || minimizers[tokens[j].Lemma] {
			return true // "he's barely moved all day" is no "he moves all day"
		}
	}
	// A comparative right after or before it turns the reassurance round:
	// "baby moves much less than normal", "kicking a lot less", "fewer
	// movements than normal".
	// So does one after a turn against what was before: "baby still
	// moves but much much less than a week ago", "still feel him but
	// fainter". Not a pattern of the day: "moves loads but less at night
	// than in the day".
	turned := false
	for j := m.end + 1; j < len(tokens) && j <= m.end+4; j++ {
		if lessWords[tokens[j].Lemma] {
			if !turned || !againstDay(tokens, j) {
				return true
			}
			break
		}
		if !lessLeadIns[tokens[j].Lemma] {
			break
		}
		turned = turned || tokens[j].Lemma == "but"
	}
	return m.start > 0 && lessWords[tokens[m.start-1].Lemma]
}

// againstDay reports whether the comparative at tokens[j] compares
// times of day or night, not now with before: "less at night than in the
// day".
func againstDay(tokens []analyze.Token, j int) bool {
	for k := j + 1; k < len(tokens) && k <= j+6 && !isClauseEnd(tokens[k]); k++ {
		switch tokens[k].Lemma {
		case "night", "day", "morning", "evening", "afternoon", "daytime", "nighttime":
			return true
		}
	}
	return false
}

// lessLeadIns may stand between a reassurance and the comparative that
// turns it round: "but much much less", "a lot less", "way fewer", "feel
// him but fainter".
var lessLeadIns = map[string]bool{"but": true, "much": true, "way": true, "a": true, "lot": true, "far": true, "so": true,
	"loads": true, "lots": true, "him": true, "her": true, "them": true, "it": true}

// perceivedNot reports whether a reassurance starting at tokens[start] is
// what she did not perceive: "I didn't notice baby moving much", "haven't
// seen him kicking loads today". The denied verb stands right before it.
// Not "never noticed her moving so much" (a superlative), nor when a
// contrast in its sentence turns to what she does feel ("didn't notice
// him moving much this morning but he's kicking loads now").
func perceivedNot(tokens []analyze.Token, start int) bool {
	j := start - 1
	if j < 1 || !perceptions[tokens[j].Lemma] {
		return false
	}
	hi := start
	for hi < len(tokens) && !isClauseEnd(tokens[hi]) {
		hi++
	}
	if c := contrastAt(tokens, start, hi); c >= 0 && movesIn(tokens, c, hi) {
		return false
	}
	for k := j - 1; k >= 0 && k >= j-2 && !tokens[k].Is(analyze.Break); k-- {
		if tokens[k].Is(analyze.Negation) {
			return tokens[k].Lemma != "never"
		}
	}
	return false
}

// contrastAt returns the index of the first contrast ("but", "though") in
// tokens[lo:hi], or -1.
func contrastAt(tokens []analyze.Token, lo, hi int) int {
	for j := lo; j < hi && j < len(tokens); j++ {
		if l := tokens[j].Lemma; l == "but" || contrasts[l] {
			return j
		}
	}
	return -1
}

// movesIn reports whether tokens[lo:hi] tell the baby moving: "but he's
// kicking loads now".
func movesIn(tokens []analyze.Token, lo, hi int) bool {
	for j := lo; j < hi && j < len(tokens); j++ {
		switch tokens[j].Lemma {
		case "kick", "kicking", "move", "moving", "wriggle", "wriggling", "active", "rolling":
			return true
		}
	}
	return false
}

// perceptions are the verbs of noticing a reassurance through.
var perceptions = map[string]bool{"notice": true, "feel": true, "see": true, "hear": true}

// minimizers inside a reassurance turn it round: "barely moved all day".
var minimizers = map[string]bool{"barely": true, "hardly": true, "scarcely": true, "rarely": true, "seldom": true}

// lessWords turn a reassuring amount into a falling one.
var lessWords = map[string]bool{"less": true, "fewer": true, "lesser": true, "weaker": true, "weak": true, "quieter": true,
	"slower": true, "smaller": true, "gentler": true, "softer": true, "rarer": true, "fainter": true, "feebler": true}

// holdsCue reports whether a term has an alternative that is a sequence
// with a negation in it: "not_move|not_moving".
func holdsCue(term string) bool {
	for alt := range strings.SplitSeq(term, altSep) {
		if strings.Contains(alt, seqSep) {
			for part := range strings.SplitSeq(alt, seqSep) {
				if analyze.IsNegation(part) {
					return true
				}
			}
		}
	}
	return false
}

// Finding is one trigger match and what became of it, for explaining a
// message to a moderator.
type Finding struct {
	Rule    string
	Trigger int // index of the trigger in the rule's Triggers, then Firm, then Preterm
	// Words are the matched phrase's terms, each a lemma or its
	// alternatives joined by "|".
	Words   []string
	Verdict Verdict
	// Unless is the index in the rule of the unless pattern that cancelled
	// the match, or -1.
	Unless int
	// Part is which part of a " & " trigger matched (from 1), or 0.
	Part int
	// Because names the history or asking patterns that made a match
	// settled history or asked about: `past "last week"`.
	Because []string
	// At is the message's words the match spans, as the analyzer read
	// them: "was hitting".
	At       string
	sentence int32
}

// Explain returns every trigger match in tokens with its verdict: why a
// message fired a rule, or why a match was negated or cancelled.
func (s *Set) Explain(tokens []analyze.Token) []Finding {
	sc := s.pool.Get().(*scratch)
	defer s.pool.Put(sc)
	sc.orig = tokens
	tokens = s.joinFragments(sc, tokens)
	sc.joint, sc.sent = sc.joint[:0], sc.sent[:0]
	sc.unlessOK, sc.proxy, sc.disclosed, sc.early, sc.writer = false, 0, 0, 0, 0
	for r := range sc.story {
		sc.story[r] = -1
	}
	var out []Finding
	var joint []int // findings that are fired parts of " & " triggers
	seen := map[[3]int]bool{}
	s.each(tokens, sc, func(p *phrase, m match) bool {
		key := [3]int{int(p.rule), int(p.trigger), m.start}
		if seen[key] {
			return true
		}
		seen[key] = true
		sc.explain, sc.why = true, sc.why[:0]
		f := Finding{Rule: s.ids[p.rule], Trigger: int(p.trigger), Words: p.terms,
			Verdict: s.verdict(tokens, sc, p, m), Unless: -1, Part: int(p.part), At: spanText(tokens, m)}
		// As Read judges them: a settled story, and a sign that retells it.
		if f.Verdict == Settled && p.parts == 0 {
			sc.story[p.rule] = max(sc.story[p.rule], m.end)
		}
		if f.Verdict == Fired && p.parts == 0 && s.retold(tokens, sc, m, sc.story[p.rule]) {
			f.Verdict = Settled
			sc.why = append(sc.why, "tells again of a sign settled before it")
		}
		sc.explain = false
		if f.Verdict == Settled || f.Verdict == Asked || f.Verdict == Averted || f.Verdict == Explained || f.Verdict == Earlier {
			f.Because = slices.Clone(sc.why)
		}
		if f.Verdict == Cancelled && !p.firm {
			f.Unless = s.cancelled(tokens, sc, p.rule, m.start, m.end, s.writtenForHer(tokens, p, m))
		}
		if (f.Verdict == Fired || f.Verdict == Asked) && p.parts > 0 {
			sc.matchJoint(tokens, p, m, f.Verdict == Fired)
			f.sentence = sc.sent[m.start]
			joint = append(joint, len(out))
		}
		out = append(out, f)
		return true
	})
	// A part fires only if every part of its trigger matched in its
	// sentence, one of them reported (see matchJoint); a part asked about
	// then fires with them.
	for _, i := range joint {
		f := &out[i]
		complete := slices.ContainsFunc(sc.joint, func(h jointHit) bool {
			return s.ids[h.rule] == f.Rule && int(h.trigger) == f.Trigger && (h.sentence == f.sentence || h.sentence == f.sentence+1) &&
				h.full(tokens, s.partsOf(h.rule, h.trigger))
		})
		switch {
		case complete && f.Verdict == Asked:
			f.Verdict = Fired
			f.Because = append(f.Because, "another part of its trigger is reported")
		case !complete && f.Verdict == Fired:
			f.Verdict = Partial
		}
	}
	return out
}

// spanText returns the words of tokens a match spans, space-separated.
func spanText(tokens []analyze.Token, m match) string {
	var b strings.Builder
	for j := m.start; j <= m.end && j < len(tokens); j++ {
		if tokens[j].Is(analyze.Break) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(tokens[j].Term)
	}
	return b.String()
}

// partsOf returns how many parts a trigger has.
func (s *Set) partsOf(rule, trigger int32) int8 {
	for i := range s.phrases {
		if p := &s.phrases[i]; p.rule == rule && p.trigger == trigger {
			return p.parts
		}
	}
	return 0
}
