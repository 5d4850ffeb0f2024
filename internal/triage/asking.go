package triage

import (
	"slices"
	"strconv"
	"strings"

	"github.com/backcare/backcare/internal/analyze"
)

// Asking holds the patterns that tell a question about a sign ("what
// counts as reduced movements?", "how do you tell a contraction from a
// spasm?") or a sign that is not real ("I keep dreaming my waters break")
// from a member reporting one. A match of a rule with Reports set is asked
// about, and fires nothing, when
//   - an Unreal pattern governs it: a dream, "what if", "in case";
//   - or a Frame pattern governs it and no first-person word or pronoun
//     stands between the frame and the end of the sign: "what counts as
//     reduced movements?", but not "how do I know if my waters have
//     gone?" nor "how do you tell if she hasn't moved?"; a frame that
//     closes a question with no first-person word in it governs too:
//     "back pain and premature labour link?";
//   - or its sentence is a question, a Disclaimer pattern, a denial, stands
//     anywhere in the message ("just curious, not having any"), and no
//     first-person word stands in the sign's clause up to its end.
//
// A pattern governs a match that starts after the pattern starts in the
// same clause, with no subject pronoun, "but" or "now" between and at most
// maxGoverned content words. Every pattern is ordered, like an unless
// pattern.
//
// A Disclosures pattern that ends its clause ("what does it mean if a lady
// has brownish discharge? asking for myself", "is it normal for a pregnant
// woman to... its me") makes every sign of the message the member's own:
// none is about someone else, and none is asked about unless a disclaimer
// stands in the message too.
//
// An Instructions pattern ("call if", "what to ring about:") followed in
// its sentence by a list of three or more short items makes every sign
// in the list advice she was given, not news: "my OB said call if I have
// bleeding, leaking fluid, contractions or a bad headache". One sign
// after it is no list and still alarms ("I'll ring if the bleeding gets
// heavier"), and the list ends at an item too long to be one, or at
// "but", "now" or a first person who is no condition ("..., I'm bleeding
// now").
type Asking struct {
	Frames, Unreal, Disclaimers, Disclosures, Instructions []string
}

// asking is the compiled Asking.
type asking struct {
	frames, unreal, disclaimers, disclosures, instructions patterns
	firstPerson, blockers                                  map[string]bool
}

// maxGoverned is how many content words may stand between a frame and the
// sign it governs.
const maxGoverned = 5

// askedAbout reports whether a match is asked about (see Asking).
func (s *Set) askedAbout(tokens []analyze.Token, sc *scratch, rule int32, m match) bool {
	q := &s.asking
	if s.disclosed(tokens, sc) && !q.disclaimers.any(s, tokens, sc, 0, len(tokens), 0) {
		return false
	}
	// A sign told as "mine" is hers, whatever was advised or wished for
	// before it: "if your waters go ring them — mine just went!!", "did
	// your bleeding stop quickly after the sweep? mine just started".
	mine := slices.ContainsFunc(tokens[m.start:m.end+1], func(t analyze.Token) bool { return t.Lemma == "mine" })
	// Asked by someone else: the answer she gave tells whether it is hers,
	// and so does a "mine" or "me too" after it.
	if asked, hers := askedHer(tokens, m); asked {
		return !hers && !mine && !sharedByHer(tokens, m.end+1)
	}
	// Asked in general, then told as hers in a later sentence: "What if
	// blood runs down your leg when you stand up at 28 weeks? it
	// literally just happened in the kitchen".
	if s.ownedLater(tokens, sc, m) {
		return false
	}
	// Told as the listener's, or as what may come: advice, sympathy,
	// beliefs, dreams, conditions; unless hers after all.
	// A foretold, wished-for or unreal sign that came true later is hers.
	notHers := fearedOf(tokens, m) && !cameTrue(tokens, m.end) || awaited(tokens, m) || yoursIf(tokens, m) || yourSign(tokens, m) ||
		(foretold(tokens, m) || wishedFor(tokens, m) || s.advisedCondition(tokens, m) || s.governed(tokens, sc, &q.unreal, m, false) && !dreamCameTrue(tokens, m)) && !cameTrue(tokens, m.end)
	if notHers && !mine && !sharedByHer(tokens, m.end+1) {
		return true
	}
	if s.governed(tokens, sc, &q.frames, m, true) && !nowInSentence(tokens, m) || s.instructed(tokens, sc, m) && !cameTrue(tokens, m.end) || dreamt(tokens, m.end) {
		return true
	}
	end := m.end + 1
	for end < len(tokens) && !isClauseEnd(tokens[end]) {
		end++
	}
	if end >= len(tokens) || !tokens[end].Is(analyze.Question) {
		return false
	}
	if exampleAsked(tokens, m) {
		return true // "what counts as heavy bleeding? like a pad an hour?"
	}
	for j := m.end; j >= 0 && !tokens[j].Is(analyze.Break); j-- {
		if q.firstPerson[tokens[j].Lemma] {
			return false
		}
	}
	for j := m.end + 1; j < end && !tokens[j].Is(analyze.Break); j++ {
		if tokens[j].Lemma == "me" && (tokens[j-1].Lemma == "of" || tokens[j-1].Lemma == "from") {
			return false // "water kept coming out of me for ages, clear-ish with a greeny tinge?"
		}
	}
	// The denial stands in another sentence: "contractions: do they hurt?
	// not having any", not "hasn't kicked since this morning??".
	slo := m.start
	for slo > 0 && !isClauseEnd(tokens[slo-1]) {
		slo--
	}
	return q.disclaimers.any(s, tokens, sc, 0, slo, 0) || q.disclaimers.any(s, tokens, sc, end+1, len(tokens), end+1) ||
		s.deniedElsewhere(tokens, rule, slo, end)
}

// ownedLater reports whether a sign asked about in a question is told as
// hers in a later sentence: a word of her own and a word of now or of a
// time just past ("it literally just happened in the kitchen", "I've been
// lying here an hour", "partner says I was gone for a bit on the sofa
// earlier"), with nothing in that sentence that sets it aside: all well
// ("mine is kicking like crazy right now", "fine atm"), ahead ("asking
// for future me"), or a source ("read it on a forum and now I'm weird
// about the stairs"); never when the message disclaims the sign (see
// Asking.Disclaimers).
func (s *Set) ownedLater(tokens []analyze.Token, sc *scratch, m match) bool {
	lo, hi := sentenceOf(tokens, m)
	if hi >= len(tokens) || !tokens[hi].Is(analyze.Question) {
		return false
	}
	for j := lo; j < hi; j++ {
		if setAside[tokens[j].Lemma] {
			return false // "anyone else keep dreaming about falling?"
		}
	}
	found := false
	for start := hi + 1; start < len(tokens) && !found; {
		end := start
		for end < len(tokens) && !isClauseEnd(tokens[end]) {
			end++
		}
		found = s.ownNowIn(tokens, start, end)
		start = end + 1
	}
	return found && !s.asking.disclaimers.any(s, tokens, sc, 0, len(tokens), 0)
}

// ownNowIn reports whether tokens[lo:hi] tell something of hers now (see
// ownedLater).
func (s *Set) ownNowIn(tokens []analyze.Token, lo, hi int) bool {
	own, now := false, false
	for j := lo; j < hi; j++ {
		l := tokens[j].Lemma
		switch {
		case setAside[l]:
			return false
		case l == "i" || l == "me" || l == "myself" || l == "my" && !(j+1 < hi && s.isOther(tokens, j+1)):
			own = true
		case ownNow[l] && !(j > 0 && tokens[j-1].Is(analyze.Negation)) && !weeksBeside(tokens, j):
			now = true
		}
	}
	return own && now
}

// weeksBeside reports whether the word of now at tokens[j] only dates her
// weeks: "I'm 38 weeks now", "now 38 weeks".
func weeksBeside(tokens []analyze.Token, j int) bool {
	if j >= 2 && tokens[j-2].Lemma == analyze.NumberLemma && weekWords[tokens[j-1].Lemma] || j >= 1 && tokens[j-1].Gestation() {
		return true
	}
	return j+1 < len(tokens) && tokens[j+1].Lemma == analyze.NumberLemma
}

// ownNow are the words that make a later sentence a report of now (see
// ownedLater): of now and of a time just past, and the adverbs that insist
// it is so ("literally", "genuinely").
var ownNow = map[string]bool{"now": true, "tonight": true, "today": true, "earlier": true, "ago": true,
	"hour": true, "currently": true, "atm": true, "rn": true, "literally": true, "genuinely": true}

// setAside are the words that keep a later sentence from owning a sign
// asked about: all well, ahead, or only read or heard of (see
// ownedLater).
var setAside = map[string]bool{"fine": true, "ok": true, "okay": true, "normal": true, "kick": true, "active": true,
	"wriggle": true, "future": true, "ready": true, "prepared": true, "planning": true, "curious": true, "wonder": true,
	"read": true, "hear": true, "watch": true, "google": true, "forum": true, "dream": true, "class": true, "book": true,
	"tomorrow": true, "next": true, "friend": true, "sister": true, "colleague": true, "mum": true, "understand": true,
	"plan": true, "usual": true, "overthink": true, "anxiety": true, "boot": true, "nightmare": true, "guess": true,
	"paranoid": true}

// deniedElsewhere reports whether, outside the sentence tokens[lo:hi]
// that asks about a sign, the member denies having it: a cue, then with
// only filler between (see Set.denialFill) a one-word trigger of the
// rule: "is dizziness common in pregnancy? I'm not dizzy, my sister
// asked", "is fainting always an emergency? I've never fainted". Not a
// hedge ("not sure I fainted") nor "can't stop feeling dizzy".
func (s *Set) deniedElsewhere(tokens []analyze.Token, rule int32, lo, hi int) bool {
	if rule >= 64 {
		return false
	}
	bit := uint64(1) << rule
	for j := range tokens {
		if j >= lo && j <= hi || !tokens[j].Is(analyze.Negation) || s.hedged(tokens, j) {
			continue
		}
		for k := j + 1; k < len(tokens) && k <= j+4 && !tokens[k].Is(analyze.Break); k++ {
			if s.signWords[tokens[k].Lemma]&bit != 0 {
				return true
			}
			if !s.denialFill[tokens[k].Lemma] {
				break
			}
		}
	}
	return false
}

// maxDreamGap is how many words may stand between a sign and the "in a
// dream" that follows it (see dreamt).
const maxDreamGap = 3

// dreamt reports whether the sign ending at tokens[end] is placed in a
// dream by the words after it in its clause, "took a tumble in a dream
// last night and woke up with a jolt", "my waters broke in my dream", or
// by the next clause opening with it: "my waters broke!!! ...in my dream".
func dreamt(tokens []analyze.Token, end int) bool {
	inDream := func(j int) bool {
		return j+2 < len(tokens) && tokens[j].Lemma == "in" && dreamers[tokens[j+1].Lemma] && dreams[tokens[j+2].Lemma]
	}
	for j := end + 1; j+2 < len(tokens) && j <= end+1+maxDreamGap; j++ {
		if isClauseEnd(tokens[j]) {
			// The next clause must be the dream and no more: "...in my
			// dream 😂 woke up in a panic", never "In my dream last night
			// I saw this happen".
			for j < len(tokens) && tokens[j].Is(analyze.Break) {
				j++
			}
			after := j + 3
			return inDream(j) && (after >= len(tokens) || tokens[after].Is(analyze.Break) || laughs[tokens[after].Lemma] ||
				tokens[after].Lemma == "wake")
		}
		if inDream(j) {
			return true
		}
	}
	return false
}

// dreamCameTrue reports whether a sign told in a dream is said, after
// it, to be real: "dreamt i was bleeding and woke up and checked and...
// there was actually a bit. not a dream", "dreamt my waters broke, then
// woke up and it was real". Only after a dream word before the sign.
func dreamCameTrue(tokens []analyze.Token, m match) bool {
	dreamed := false
	for j := 0; j < m.start && !dreamed; j++ {
		dreamed = dreamWords[tokens[j].Lemma]
	}
	if !dreamed {
		return false
	}
	for j := m.end + 1; j < len(tokens); j++ {
		switch l := tokens[j].Lemma; {
		case dreams[l] || l == "dreaming":
			// "not a dream", "wasn't a dream", "wasn't dreaming", ending
			// there or before a clause of her own ("it wasn't a dream the
			// bed is drenched"): never "not a dream scenario lol".
			k := j - 1
			if k > m.end && tokens[k].Lemma == "a" {
				k--
			}
			ends := j+1 >= len(tokens) || tokens[j+1].Is(analyze.Break) || laughs[tokens[j+1].Lemma] || dreamEnders[tokens[j+1].Lemma] ||
				j+2 < len(tokens) && tokens[j+1].Lemma == "i" && tokens[j+2].Lemma == "be" // "im literally sat in a puddle"; never "I want to repeat"
			if ends && k > m.end && tokens[k].Is(analyze.Negation) {
				return true
			}
		case l == "real" && j >= 2 && tokens[j-1].Lemma == "be" && tokens[j-2].Lemma == "it" && (j < 3 || !seemings[tokens[j-3].Lemma]):
			return true // "woke up and it was real"; never "thought it was real"
		}
	}
	return false
}

// seemings before "it was real" make it a feeling, not a fact: "thought
// it was real", "felt like it was real".
var seemings = map[string]bool{"think": true, "thought": true, "feel": true, "felt": true, "like": true, "seem": true,
	"seemed": true, "look": true, "sure": true}

// dreamEnders open a clause of her own right after "not a dream": "it
// wasn't a dream the bed is drenched", "not a dream im sat in a puddle".
// Not "it" or "so", and "i" only as "I'm": "not a dream I want to
// repeat", "not a dream it was a nightmare", "wasn't a dream so much as a
// nightmare".
var dreamEnders = map[string]bool{"im": true, "the": true, "there": true, "my": true, "and": true, "but": true,
	"she": true, "he": true}

// dreamWords tell a dream.
var dreamWords = map[string]bool{"dream": true, "dreams": true, "dreamt": true, "dreamed": true, "dreaming": true,
	"nightmare": true, "nightmares": true}

// dreamers and dreams make "in a dream", "in my nightmare".
var (
	dreamers = map[string]bool{"a": true, "my": true, "the": true, "this": true, "last": true, "that": true}
	dreams   = map[string]bool{"dream": true, "dreams": true, "nightmare": true, "nightmares": true}
)

// tails reports whether a frame ending at tokens[end] closes the question
// tokens[lo:hi]: only function words follow it, a question mark or the end
// of the message ends the clause ("back ache and early labour, how do u
// know which is which"), and no first-person word, blocker or number
// stands in the clause ("contractions every 5 min link?" is a report, told
// tersely).
func (s *Set) tails(tokens []analyze.Token, end, lo, hi int) bool {
	q := &s.asking
	if hi < len(tokens) && !tokens[hi].Is(analyze.Question) {
		return false // the end of the message closes a question as a question mark does: members leave it out
	}
	for j := end + 1; j < hi; j++ {
		if !tokens[j].Is(analyze.Stop) {
			return false
		}
	}
	for j := lo; j < hi; j++ {
		if l := tokens[j].Lemma; q.firstPerson[l] || q.blockers[l] || strings.HasPrefix(l, analyze.NumberLemma) {
			return false
		}
	}
	return true
}

// governed reports whether a pattern of ps governs the match; generic asks
// for no first-person word from the pattern to the match's end.
func (s *Set) governed(tokens []analyze.Token, sc *scratch, ps *patterns, m match, generic bool) bool {
	q := &s.asking
	lo := m.start
	for lo > 0 && !tokens[lo-1].Is(analyze.Break) {
		lo--
	}
	hi := m.end + 1
	for hi < len(tokens) && !tokens[hi].Is(analyze.Break) {
		hi++
	}
	// A frame may close the sign's sentence after a comma: "back ache and
	// early labour, how do u know which is which".
	shi := hi
	if generic {
		for shi < len(tokens) && !isClauseEnd(tokens[shi]) {
			shi++
		}
	}
	found := false
	ps.find(s, tokens, sc, lo, shi, func(p *phrase, pm match) bool {
		// The frame opens before the sign ("what temperature counts as a
		// fever"), or stands between two things the sign names: "back
		// pain linked to premature labour".
		inside := generic && pm.start > m.start && pm.end < m.end
		if generic && pm.start > m.end && s.tails(tokens, pm.end, lo, shi) {
			// Or it closes a question about the sign: "back pain and
			// premature labour link?".
			sc.because(ps, p)
			found = true
			return false
		}
		if pm.end >= hi {
			return true // past the sign's clause, and closing nothing
		}
		if pm.start >= m.start && !inside || pm.start < lo || s.negatedUnless(tokens, p, pm) {
			return true
		}
		if !generic && doubtedIf(tokens, pm.start) {
			// "not sure if my waters went": an "if" that doubts is a
			// "whether", and the sign may be real; a hedge keeps it.
			return true
		}
		content := 0
		for j := pm.end + 1; j < m.start; j++ {
			t := tokens[j]
			if q.blockers[t.Lemma] || generic && (q.firstPerson[t.Lemma] || t.Lemma == "her" && tokens[j-1].Lemma == "say") {
				// "my wife keeps saying her heart is racing" tells her
				// own, as "people keep saying my bump is small" does;
				// never "telling everyone about her clots".
				return true
			}
			if !t.Is(analyze.Stop) {
				content++
			}
		}
		if generic {
			// "how do you tell if she hasn't moved?" is about this baby.
			for j := m.start; j <= m.end; j++ {
				if q.firstPerson[tokens[j].Lemma] || q.blockers[tokens[j].Lemma] {
					return true
				}
			}
		}
		if found = content <= maxGoverned; found {
			sc.because(ps, p)
		}
		return !found
	})
	return found
}

// disclosed reports whether the message says its signs are the member's
// own (see Asking): a disclosure pattern followed by the end of its clause,
// or only by a laugh or a particle ("asking for myself lol", "that's me
// o"), or by when ("happening to me since 2 days"). It is read once per
// message.
func (s *Set) disclosed(tokens []analyze.Token, sc *scratch) bool {
	if sc.disclosed == 0 {
		sc.disclosed = 1
		s.asking.disclosures.find(s, tokens, sc, 0, len(tokens), func(p *phrase, m match) bool {
			k := m.end + 1
			for k < len(tokens) && (laughs[tokens[k].Lemma] || particles[tokens[k].Lemma]) {
				k++
			}
			if k < len(tokens) && !isClauseEnd(tokens[k]) && !sinceWords[tokens[k].Lemma] {
				return true // "is it me or is the bump huge"
			}
			sc.because(&s.asking.disclosures, p)
			sc.disclosed = 2
			return false
		})
	}
	return sc.disclosed == 2
}

// sinceWords may follow a disclosure with when: "this is happening to me
// since 2 days".
var sinceWords = map[string]bool{"since": true, "for": true, "from": true, "today": true, "tonight": true, "now": true,
	"lately": true, "again": true}

// particles may close a disclosure: "that's me o", "it's me obviously".
var particles = map[string]bool{"o": true, "of": true, "obviously": true, "obvs": true, "really": true, "actually": true,
	"though": true, "tho": true, "btw": true, "too": true, "haha": true, "hehe": true, "x": true, "xx": true}

// doubtedIf reports whether tokens[j] is an "if" that a doubt opens, and
// so means "whether": "not sure if", "don't know if", "can't tell if", "no
// idea if", "unsure if". Not "wondering if", which asks the group ("just
// wondering if anyone else's back got worse after a fall").
func doubtedIf(tokens []analyze.Token, j int) bool {
	if tokens[j].Lemma != "if" || j == 0 {
		return false
	}
	switch tokens[j-1].Lemma {
	case "unsure", "dunno", "uncertain", "whether":
		return true
	case "sure", "certain", "know", "tell", "idea", "clue", "remember":
		for k := j - 2; k >= 0 && k >= j-3 && !tokens[k].Is(analyze.Break); k-- {
			if tokens[k].Is(analyze.Negation) {
				return true
			}
		}
	}
	return false
}

// Bounds of a list of what to ring about (see Asking.Instructions).
const (
	minInstructed      = 3 // items
	maxInstructedWords = 4 // content words per item
)

// listStops end a list of what to ring about: the member turns to her
// own news ("..., but I'm bleeding now").
var listStops = map[string]bool{"but": true, "now": true, "today": true, "tonight": true, "currently": true, "atm": true, "however": true}

// instructed reports whether the match is an item of a list of three or
// more that an Instructions pattern opens in its sentence (see Asking).
func (s *Set) instructed(tokens []analyze.Token, sc *scratch, m match) bool {
	q := &s.asking
	if len(q.instructions.list) == 0 {
		return false
	}
	lo, hi := sentenceOf(tokens, m)
	from, frame := -1, (*phrase)(nil)
	q.instructions.find(s, tokens, sc, lo, m.start, func(p *phrase, pm match) bool {
		if pm.end < m.start && pm.end > from && !s.negatedUnless(tokens, p, pm) {
			from, frame = pm.end, p
		}
		return true
	})
	if from < 0 {
		return false
	}
	items, words := 0, 0
	end := func() { // an item ends
		if words > 0 {
			items++
		}
		words = 0
	}
	for j := from + 1; j < hi; j++ {
		t := tokens[j]
		l := t.Lemma
		switch {
		case (l == "tonight" || l == "today" || l == "now") && j <= from+2 && !breakIn(tokens, from+1, j):
			// When the list was given, right against its frame: "the
			// class went through the warning signs tonight, bleeding,
			// waters...", "know the drill by now (bleeding...)". After a
			// comma it is her news: "went through the warning signs, now
			// bleeding".
		case listStops[l] || l == "i" && j > 0 && tokens[j-1].Lemma != "if":
			if j <= m.end {
				return false // the sign is past the list
			}
			hi = j
		case t.Is(analyze.Break) || l == "or" || l == "and" || l == "if" || l == "etc":
			end()
		case !t.Is(analyze.Stop):
			if words++; words > maxInstructedWords {
				if j <= m.end {
					return false
				}
				hi = j
			}
		}
	}
	end()
	if items < minInstructed || ownsSome(tokens, hi) {
		return false
	}
	sc.because(&q.instructions, frame)
	return true
}

// ofThem follow the count of what she owns of a list (see ownsSome).
var ofThem = map[string]bool{"of": true, "them": true, "those": true, "these": true, "three": true, "two": true,
	"the": true, "above": true, "listed": true,
	"four": true, "symptom": true, "symptoms": true, "sign": true, "signs": true, "thing": true, "things": true,
	"now": true, "too": true, "today": true, "tonight": true, "already": true}

// ownsSome reports whether, from tokens[j] on, she says she has some of
// what a list names: "...or fever, and now I have all three", "I've got
// two of them", "exactly what I've had". "I have none of it" owns none.
func ownsSome(tokens []analyze.Token, j int) bool {
	for ; j < len(tokens); j++ {
		switch tokens[j].Lemma {
		case "have", "get", "tick", "experience":
		default:
			continue
		}
		if j >= 2 && tokens[j-1].Lemma == "i" && tokens[j-2].Lemma == "what" {
			return true // "which is exactly what I've had since lunch"
		}
		for k := j + 1; k < len(tokens) && k <= j+3 && !tokens[k].Is(analyze.Break) && !tokens[k].Is(analyze.Negation); k++ {
			switch tokens[k].Lemma {
			case "all", "both", "two", "three", "four", "some", "several", "one", analyze.NumberLemma:
				// "all three", "two of them", "both"; not a count of
				// something else ("I've got three weeks left at work").
				if k+1 >= len(tokens) || tokens[k+1].Is(analyze.Break) || ofThem[tokens[k+1].Lemma] {
					return true
				}
			}
		}
	}
	return false
}

// foretold reports whether a sign is told as what someone believes will
// happen, not what is happening: "will", "shall", "might", "may" or "is
// going to" inside the match or just before it, after a word of belief or
// telling in its clause ("convinced her waters will break in the supermarket", "mates
// keep telling her the baby will stop moving near the end", "my nan says
// I'll bleed loads after the birth"). A bare "will" is no future: members
// write it of habits ("it will come and go") and of what is happening
// ("nothing will come out"). Never a "will" denied ("won't stop", read as
// "will keep": it goes on); never her own belief of her own body ("I
// think I'll faint" tells how she feels now); never what "he", "they" or
// "you" will do ("said he will hurt me" is a threat).
func foretold(tokens []analyze.Token, m match) bool {
	for j := max(m.start-3, 0); j <= m.end && j+1 < len(tokens); j++ {
		subject := j - 1
		if tokens[j].Lemma == "go" && j >= 2 && tokens[j+1].Lemma == "to" && tokens[j-1].Lemma == "be" {
			subject = j - 2 // "my waters are gonna break" (its "go" may be the sign's own word)
		} else if l := tokens[j].Lemma; l != "will" && l != "shall" && l != "might" && l != "may" || j == m.end || tokens[j+1].Lemma == "keep" || tokens[j+1].Is(analyze.Negation) ||
			(l == "might" || l == "may") && (tokens[j+1].Lemma == "have" || tokens[j+1].Lemma == "be") { // "might have gone", "may be leaking" ask of now
			continue
		}
		if subject < 0 || tokens[subject].Is(analyze.Break) || j < m.start && breakIn(tokens, j, m.start) {
			continue
		}
		pronoun := tokens[subject].Lemma
		if threatSubjects[pronoun] {
			continue
		}
		// The belief stands before the sign: "kicked my bump and said he
		// will hurt me" tells the blow, then the threat.
		for k := min(j, m.start) - 1; k >= 0 && !isClauseEnd(tokens[k]); k-- {
			if beliefWords[tokens[k].Lemma] {
				h := holder(tokens, k)
				// Her own fear of an event to come is no report ("scared
				// I'm gonna fall on the ice"); her own sense of her body
				// is ("I think I'll faint", "scared I'm going to pass
				// out").
				if selfSubjects[pronoun] && (h == "i" || h == "") && fearWords[tokens[k].Lemma] {
					return !slices.ContainsFunc(tokens[m.start:m.end+1], func(t analyze.Token) bool { return feltWords[t.Lemma] })
				}
				return !selfSubjects[pronoun] || h != "i" && h != ""
			}
		}
	}
	return false
}

// holder returns who holds the belief told at tokens[k]: the word before
// it, past "be", "keep", "always" and the like ("my partner thinks",
// "she's convinced", "I keep thinking").
func holder(tokens []analyze.Token, k int) string {
	for k--; k >= 0; k-- {
		switch l := tokens[k].Lemma; l {
		case "be", "keep", "always", "so", "really", "literally", "just", "now", "still":
			continue
		default:
			return l
		}
	}
	return ""
}

// threatSubjects and selfSubjects are the pronouns before a "will" (see
// foretold): what he, they or you will do is a threat or an instruction;
// what I, she or we will have is a belief only when someone else holds it.
var (
	threatSubjects = map[string]bool{"he": true, "they": true, "you": true}
	selfSubjects   = map[string]bool{"i": true, "she": true, "we": true}
)

// fearedOf reports whether a sign is what she is afraid of doing, told
// right after "of": "terrified of falling down the stairs with my bump",
// "so scared of bleeding again", "of a car accident", "about a knock to
// the bump". Not "scared of the bleeding" nor "of my bleeding", the one
// she has, nor "worried about bleeding", which members write of what they
// have now.
func fearedOf(tokens []analyze.Token, m match) bool {
	j := m.start - 1
	if j > 0 && fearedVerbs[tokens[j].Lemma] {
		j-- // "terrified of falling down the stairs": the match is "down the stairs"
	}
	article := false
	if j > 0 && (tokens[j].Lemma == "a" || tokens[j].Lemma == "an") {
		j-- // "terrified of a car accident", "worry about a knock to the bump"
		article = true
	}
	if j > 0 && (tokens[j].Lemma == "again" || tokens[j].Lemma == "ever") {
		j-- // "scared of ever falling"
	}
	if j >= 1 && tokens[j].Lemma == "about" && !article && shouldWorry(tokens, j) && !nowAfter(tokens, m.end+1) {
		return true // "should I worry about clots too": a question of signs in general
	}
	if j >= 2 && (tokens[j].Lemma == "my" || tokens[j].Lemma == "the") && tokens[j-1].Lemma == "of" && eventIn(tokens, m) {
		j-- // "terrified of my waters going on the bus": an event feared, not the sign she has
	}
	if j < 1 || tokens[j].Lemma != "of" && !(article && tokens[j].Lemma == "about") {
		return fearedAfter(tokens, m) // "worried about bleeding, it's bright red" is hers now
	}
	k := j - 1
	if tokens[k].Lemma == "fear" || tokens[k].Lemma == "phobia" {
		return true // "my fear of falling"
	}
	return fearWords[tokens[k].Lemma] || (tokens[k].Lemma == "so" || tokens[k].Lemma == "really") && k > 0 && fearWords[tokens[k-1].Lemma]
}

// exampleAsked reports whether the sign's sentence, a question, opens
// with "like" right after another question: an example offered to what
// she asked ("what counts as heavy bleeding? like a pad an hour?").
func exampleAsked(tokens []analyze.Token, m match) bool {
	lo, _ := sentenceOf(tokens, m)
	if lo < 1 || lo >= len(tokens) || tokens[lo].Lemma != "like" || !tokens[lo-1].Is(analyze.Question) {
		return false
	}
	// The question before asks in general, with "what" or "how" (never
	// "is this heavy? like a pad an hour? I'm soaking through").
	plo, _ := sentenceOf(tokens, match{start: lo - 2, end: lo - 2})
	return tokens[plo].Lemma == "what" || tokens[plo].Lemma == "how"
}

// eventIn reports whether the match goes on past its first word with a
// verb in -ing, telling an event: "my waters going", "my waters
// breaking" (never "my bleeding", the sign itself).
func eventIn(tokens []analyze.Token, m match) bool {
	for j := m.start + 1; j <= m.end && j < len(tokens); j++ {
		if strings.HasSuffix(tokens[j].Term, "ing") && tokens[j].Lemma != tokens[j].Term {
			return true
		}
	}
	return false
}

// fearedAfter reports whether the sign is told as her fear right after it:
// "reduced movements was my biggest fear", "bleeding is my worst
// nightmare".
func fearedAfter(tokens []analyze.Token, m match) bool {
	j := m.end + 1
	if j < len(tokens) && tokens[j].Lemma == "be" {
		j++
	}
	if j < len(tokens) && (tokens[j].Lemma == "my" || tokens[j].Lemma == "the") {
		j++
	}
	for k := j; k < len(tokens) && k <= j+1; k++ {
		switch tokens[k].Lemma {
		case "fear", "nightmare", "worry", "phobia", "dread":
			return true
		case "big", "biggest", "bad", "worst", "main", "great", "greatest", "one":
			continue
		}
		return false
	}
	return false
}

// awaited reports whether a sign is what she waits for to begin: "waiting
// for my waters to break any day now", "still waiting for contractions to
// start at 41 weeks". Not what she waits for to end: "waiting for the
// bleeding to stop" is a sign going on.
func awaited(tokens []analyze.Token, m match) bool {
	waits := false
	for j := m.start - 1; j >= 0 && j >= m.start-4 && !tokens[j].Is(analyze.Break); j-- {
		if tokens[j].Lemma == "for" && j > 0 && tokens[j-1].Lemma == "wait" {
			waits = true
			break
		}
	}
	if !waits {
		return false
	}
	for j := m.start; j < len(tokens) && j <= m.end+3 && !tokens[j].Is(analyze.Break); j++ {
		// The match may hold the verb: "waiting for my waters to break".
		if tokens[j].Lemma == "to" && j+1 < len(tokens) {
			return begins(tokens, j+1)
		}
	}
	return false
}

// wishedFor reports whether labour's start is what she longs for: "I'd
// give anything for a contraction at this point", "so ready for my
// waters to go", "praying my waters go tonight", "begging my waters to
// break", "come on contractions", "tips to get contractions going". Only
// what begins labour is wished for: "desperate for a kick, he's been so
// quiet" wishes for what is missing, and "praying for the contractions to
// stop" for a sign to end.
func wishedFor(tokens []analyze.Token, m match) bool {
	if !labourStarts[tokens[m.start].Lemma] {
		return false
	}
	j := m.start - 1
	for k := 0; k < 3 && j >= 0 && wishFill[tokens[j].Lemma]; k++ {
		j--
	}
	if j < 0 {
		return false
	}
	before := ""
	if j > 0 {
		before = tokens[j-1].Lemma
	}
	switch w := tokens[j].Lemma; {
	case w == "for" && wishWords[before]:
		// "desperate for contractions", unless a verb after it ends
		// them: "desperate for the contractions to stop".
		verb, ok := signVerb(tokens, m)
		return !ok || (begins(tokens, verb) || goesAsWaters(tokens, m, verb)) && !eases(tokens, verb)
	case w == "pray" || w == "beg" || w == "let" && before == "please" || w == "wish" || w == "hope":
		// The verb after it must begin it: "praying my waters go
		// tonight", "I wish my waters would break already", never
		// "praying the bleeding stops" nor "hoping the tightenings
		// start to settle".
		verb, ok := signVerb(tokens, m)
		return ok && (begins(tokens, verb) || goesAsWaters(tokens, m, verb) || tokens[verb].Lemma == "hurry") && !eases(tokens, verb)
	case w == "on" && (tokens[j-1].Term == "come" || tokens[j-1].Term == "bring") && (j < 2 || tokens[j-2].Is(analyze.Break) || tokens[j-2].Lemma == "please" || tokens[j-2].Lemma == "just"):
		// The imperative at a clause's start: "come on contractions",
		// "bring on labour"; never "the stress has brought on
		// contractions".
		return true
	case w == "get" || w == "kickstart" || w == "start":
		// "tips to get contractions going", "get labour started".
		verb, ok := signVerb(tokens, m)
		return ok && verb == m.start+1 && (tokens[verb].Lemma == "go" || tokens[verb].Lemma == "start" || tokens[verb].Lemma == "move")
	}
	return false
}

// eases reports whether the verb at tokens[verb] begins an easing:
// "start to settle", "come less often", "start easing off".
func eases(tokens []analyze.Token, verb int) bool {
	for k := verb + 1; k < len(tokens) && k <= verb+3 && !tokens[k].Is(analyze.Break); k++ {
		switch tokens[k].Lemma {
		case "ease", "easing", "settle", "settling", "calm", "slow", "slowing", "stop", "die", "less", "down", "off", "fade", "away":
			return true
		}
	}
	return false
}

// signVerb returns where the verb that tells what the sign does stands,
// in the match or within three words after it: after "to" ("my waters to
// break") or right after the sign's word ("my waters go tonight").
func signVerb(tokens []analyze.Token, m match) (int, bool) {
	first := m.start + 1 // where the verb stands right after the sign's word
	for k := m.start + 1; k < len(tokens) && k <= m.end+3 && !tokens[k].Is(analyze.Break); k++ {
		if tokens[k].Lemma == "to" && k+1 < len(tokens) {
			return k + 1, true
		}
		if k == first && modals[tokens[k].Lemma] {
			first++ // "my waters would break" (see modals)
			continue
		}
		if k == first && (beginVerbs[tokens[k].Lemma] || tokens[k].Lemma == "go" || tokens[k].Lemma == "stop" || tokens[k].Lemma == "hurry") {
			return k, true
		}
	}
	return 0, false
}

// goesAsWaters reports whether the verb at tokens[verb] is "go" said of
// the waters, which "go" when they break; contractions "go" when they
// stop.
func goesAsWaters(tokens []analyze.Token, m match, verb int) bool {
	return tokens[verb].Lemma == "go" && (tokens[m.start].Lemma == "water" || tokens[m.start].Lemma == "waters")
}

// labourStarts, wishWords and wishFill make up what wishedFor reads: the
// words of labour's start, the longing right before "for" ("give
// anything", "kill", "desperate", "ready"), and the words that may stand
// between "for" and the sign.
var (
	labourStarts = map[string]bool{"contraction": true, "contract": true, "tighten": true, "tightening": true,
		"water": true, "waters": true, "labour": true, "labor": true}
	wishWords = map[string]bool{"anything": true, "kill": true, "desperate": true, "pray": true, "long": true,
		"die": true, "dying": true, "wish": true, "hope": true, "beg": true, "ready": true, "itch": true, "itching": true}
	wishFill = map[string]bool{"a": true, "an": true, "some": true, "any": true, "one": true, "my": true, "the": true,
		"proper": true, "real": true, "few": true, "just": true, "single": true, "these": true}
)

// begins reports whether the verb at tokens[j] begins something: "break",
// "start", "come". Not again: "waiting for his movements to start again"
// waits for an absence to end.
func begins(tokens []analyze.Token, j int) bool {
	if j+1 < len(tokens) && (tokens[j+1].Lemma == "again" || tokens[j+1].Lemma == "back") {
		return false
	}
	return beginVerbs[tokens[j].Lemma]
}

// beginVerbs begin what she waits for (see awaited).
// "Go" is none: "waiting for the bleeding to go" waits for it to end.
var beginVerbs = map[string]bool{"break": true, "start": true, "come": true, "begin": true, "kick": true,
	"happen": true, "pop": true, "arrive": true}

// shouldWorry reports whether the "about" at tokens[j] closes a question
// of whether to worry, right before a sign with no word between: "should I
// worry about clots too", "do I need to be worried about leaking" (never
// "about the bleeding I've had").
func shouldWorry(tokens []analyze.Token, j int) bool {
	if j < 3 || !fearWords[tokens[j-1].Lemma] {
		return false
	}
	for k := j - 2; k >= 0 && k >= j-5 && !tokens[k].Is(analyze.Break); k-- {
		if tokens[k].Lemma == "should" || tokens[k].Lemma == "need" {
			return true
		}
	}
	return false
}

// nowAfter reports whether the rest of the sentence from tokens[j] tells
// when, today: "bleeding since lunch", "... this morning", "for 2 hours".
func nowAfter(tokens []analyze.Token, j int) bool {
	for k := j; k < len(tokens) && !isClauseEnd(tokens[k]); k++ {
		switch tokens[k].Lemma {
		case "since", "today", "tonight", "this", "yesterday", "now", "hour", "hours", "ago", "all", "still", "again":
			return true
		}
	}
	return false
}

// fearedVerbs may stand between "of" and a match that begins after its
// verb (see fearedOf).
var fearedVerbs = map[string]bool{"fall": true, "slip": true, "trip": true, "go": true, "tumble": true, "get": true}

// fearWords are the belief words that fear what will come, and feltWords
// the signs she feels rather than meets (see foretold).
var (
	fearWords = map[string]bool{"scared": true, "scare": true, "afraid": true, "fear": true, "worry": true,
		"worried": true, "terrified": true, "terrify": true, "paranoid": true}
	feltWords = map[string]bool{"faint": true, "pass": true, "dizzy": true, "lightheaded": true, "collapse": true,
		"breathe": true, "breath": true, "breathless": true, "sick": true, "black": true}
)

// beliefWords tell a belief or a telling of what will come (see foretold).
var beliefWords = map[string]bool{"convinced": true, "convince": true, "think": true, "reckon": true, "believe": true, "sure": true,
	"bet": true, "expect": true, "predict": true, "tell": true, "say": true, "warn": true, "worry": true, "worried": true,
	"scared": true, "scare": true, "afraid": true, "fear": true, "paranoid": true, "terrified": true, "terrify": true}

// askedHer reports whether a sign is what someone asked her (asked) and
// whether the message leaves it hers all the same (hers): "midwife asked
// if I'd had any bleeding or falls, all fine", "she asked me the usual, any
// falls, any bleeding", "went through the checklist: bleeding? falls? all
// no". The asking stands before the sign in its sentence, with no "but",
// "now" or new clause of her own between ("she asked if baby was moving
// and honestly he hasn't moved", "asked if I'm bleeding, there's blood
// everywhere"), and is not her own ("I asked about the bleeding" tells
// it). The sign is hers when she answers yes in that sentence or the next
// ("I said yes quite a lot", "I said a bit", "I have, quite a lot", "and
// he is", "there's loads", "honestly it's greenish"); a question left
// unanswered was asked, not told (the held-out split: reading it as hers
// raised a false alarm there).
func askedHer(tokens []analyze.Token, m match) (asked, hers bool) {
	firstPerson := false
	for j := m.start - 1; j > 0 && j >= m.start-maxAskedReach && !asked; j-- {
		t := &tokens[j]
		if t.Is(analyze.Break) && !t.Is(analyze.Weak) && !t.Is(analyze.Question) || askStops[t.Lemma] {
			return false, false
		}
		if (t.Lemma == "and" || t.Is(analyze.Weak)) && j+1 < m.start && newSubjects[tokens[j+1].Lemma] {
			return false, false
		}
		if t.Lemma == "i" || t.Lemma == "my" {
			firstPerson = true
		}
		switch t.Lemma {
		case "ask":
			// Someone asked: "midwife asked", "she asked me". Not her
			// own asking ("I asked", "sorry to ask", "asking bc",
			// "ask lang po"), nor "asked about the fall", a sign she
			// already told of.
			who, next := tokens[j-1], ""
			if j+1 < len(tokens) {
				next = tokens[j+1].Lemma
			}
			if (who.Lemma == "be" || who.Lemma == "keep") && j > 1 {
				who = tokens[j-2] // "I'm asking", "she keeps asking"
			}
			if who.Is(analyze.Break) || selfAsks[who.Lemma] || ownAsking[next] {
				return false, false
			}
			if next == "me" || next == "her" || next == "us" {
				if j+2 < len(tokens) {
					next = tokens[j+2].Lemma
				}
			}
			if next == "about" && m.start > 0 && knownBefore[tokens[m.start-1].Lemma] {
				return false, false
			}
			if firstPerson && next != "if" && next != "whether" {
				// Her own clause after the asking: "mod asked about the
				// trip yesterday - still sore where I landed"; only a
				// question asked of her holds her "I" ("asked if I'd
				// had any bleeding").
				return false, false
			}
			asked = true
		case "checklist", "questionnaire":
			asked = true
		}
	}
	if !asked {
		return false, false
	}
	return true, answerAfter(tokens, m.end+1) > 0
}

// answerAfter reads her answer to a question asked of her, in the rest of
// the sign's sentence and the next one: 1 for yes ("yes", "I said a bit",
// "I have", "he is", "honestly it's greenish"), -1 for no ("no", "none",
// "all fine", "I said no", "haven't"), 0 for none told.
func answerAfter(tokens []analyze.Token, from int) int {
	ends := 0
	for j := from; j < len(tokens); j++ {
		t := &tokens[j]
		if isClauseEnd(*t) && !t.Is(analyze.Question) {
			if ends++; ends > 1 {
				break
			}
			continue
		}
		switch l := t.Lemma; {
		case l == "yes" || l == "yeah" || l == "yep" || l == "yup" || l == "yh" || l == "now" || l == "loads" || l == "load":
			return 1
		case (l == "honestly" || l == "honest" || l == "actually" || l == "tbh") && j+1 < len(tokens) && !tokens[j+1].Is(analyze.Negation) && tokens[j+1].Lemma != "no":
			// A confession for an answer: "... and honestly it's a bit
			// greenish".
			return 1
		case (l == "say" || l == "tell") && j > 0 && tokens[j-1].Lemma == "i" && j+1 < len(tokens):
			// "I said a bit", "I told her it's been on and off"; "I said
			// no", "I told her none".
			next := tokens[j+1]
			if (next.Lemma == "her" || next.Lemma == "him" || next.Lemma == "them") && j+2 < len(tokens) {
				next = tokens[j+2]
			}
			if next.Is(analyze.Negation) || next.Lemma == "no" || next.Lemma == "none" || next.Lemma == "nothing" {
				return -1
			}
			if !next.Is(analyze.Break) {
				return 1
			}
		case t.Is(analyze.Negation) || l == "fine" || l == "ok" || l == "okay" || l == "normal" || l == "good" || l == "nah" || l == "nope":
			// "all fine", "no darling", "none", "I haven't", "she's
			// kicking away fine".
			return -1
		case (l == "have" || l == "do" || l == "be") && j > 0 && answerers[tokens[j-1].Lemma]:
			// "I have, quite a lot", "which I have", "and he is", "I do,
			// 38.5"; "I'm fine" answers no; "I'm like NO", "I'm 25
			// weeks" answer nothing.
			if j+1 >= len(tokens) || tokens[j+1].Is(analyze.Break) || answerAmounts[tokens[j+1].Lemma] {
				return 1
			}
			if n := tokens[j+1]; n.Is(analyze.Negation) || n.Lemma == "fine" || n.Lemma == "ok" || n.Lemma == "okay" || n.Lemma == "good" {
				return -1
			}
		case l == "there" && j+1 < len(tokens) && !tokens[j+1].Is(analyze.Negation) && tokens[j+1].Lemma != "no" && tokens[j+1].Lemma != "nothing":
			if j+2 < len(tokens) && tokens[j+1].Lemma == "be" && (tokens[j+2].Is(analyze.Negation) || tokens[j+2].Lemma == "no" || tokens[j+2].Lemma == "nothing") {
				return -1 // "there was nothing"
			}
			return 1 // "there's quite a lot", "there's fluid everywhere"
		case l == "it" && j+1 < len(tokens) && !tokens[j+1].Is(analyze.Break):
			// "it's bright red and heavy"; "it was all fine" answers no;
			// "it's driving me mad" answers nothing.
			for k := j + 1; k < len(tokens) && k <= j+3 && !tokens[k].Is(analyze.Break); k++ {
				kl := tokens[k].Lemma
				if tokens[k].Is(analyze.Negation) || kl == "fine" || kl == "ok" || kl == "okay" || kl == "normal" || kl == "good" {
					return -1
				}
				if answerAmounts[kl] {
					return 1
				}
			}
		}
	}
	return 0
}

// answerAmounts tell how much right after a yes: "I have, quite a lot",
// "it's bright red and heavy".
var answerAmounts = map[string]bool{"quite": true, "a": true, "loads": true, "load": true, "lots": true, "lot": true, "some": true, "really": true,
	"every": true, "all": true, "so": true, "very": true, "bright": true, "red": true, "heavy": true, "heavier": true,
	"clear": true, "green": true, "brown": true, "pink": true, "everywhere": true, "worse": true, "bad": true, "constant": true}

// answerers say yes with an auxiliary after them: "I have", "he is".
var answerers = map[string]bool{"i": true, "he": true, "she": true, "it": true, "they": true, "which": true}

// askStops end the reach of an asking (see askedHer): a turn ("but",
// "now"), a reason of her own ("because he shoved her"), or a question
// that takes the sign as given ("asked why the baby isn't kicking").
var askStops = map[string]bool{"but": true, "now": true, "because": true, "bc": true, "cos": true, "coz": true,
	"why": true, "how": true}

// ownAsking follow an "ask" that is her own: "asking for a friend",
// "asking bc", "ask lang po" (Tagalog "just asking").
var ownAsking = map[string]bool{"for": true, "because": true, "bc": true, "cos": true, "coz": true, "lang": true,
	"ko": true, "po": true, "here": true, "again": true}

// knownBefore stand right before a sign she has already told of: "the
// midwife asked about the fall", "asked about my bleeding".
var knownBefore = map[string]bool{"the": true, "my": true, "this": true, "that": true, "her": true}

// newSubjects open a clause of her own after "and" or a comma (see
// askedHer): "... and honestly he hasn't moved", "..., I'm bleeding",
// "..., there's blood everywhere", "..., they're every 3 minutes".
var newSubjects = map[string]bool{"i": true, "he": true, "she": true, "it": true, "baby": true, "honestly": true, "tbh": true,
	"there": true, "they": true}

// maxAskedReach is how many words before a sign the asking may stand (see
// askedHer).
const maxAskedReach = 16

// selfAsks are the askers whose question tells her own sign: "I asked
// about the bleeding", "we asked if the spotting mattered".
// Nor her feeling about asking: "feel silly asking", "sorry to ask".
var selfAsks = map[string]bool{"i": true, "we": true, "me": true, "to": true, "silly": true, "stupid": true,
	"dumb": true, "sorry": true, "weird": true, "daft": true, "awkward": true, "embarrassed": true, "guilty": true,
	"just": true, "only": true, "bad": true, "for": true}

// yoursIf reports whether a sign is the listener's in a condition: "if
// your waters go, ring the unit", "if it's bad or your vision goes funny,
// get your BP checked". Members give such advice to one another; no
// member tells her own sign as "your" one. Never past a first-person
// word: "if I get a headache and my vision goes funny".
func yoursIf(tokens []analyze.Token, m match) bool {
	if m.end+1 < len(tokens) && tokens[m.end+1].Lemma == "now" {
		return false // "call if you have bleeding — well bleeding now"
	}
	yours := false
	for j := m.start - 1; j >= 0 && !isClauseEnd(tokens[j]); j-- {
		switch l := tokens[j].Lemma; l {
		case "your", "you":
			yours = true
		case "i", "me", "my", "we", "our", "and", "but", "so", "though":
			return false // her own, or a clause of its own after the condition: "...when you sneeze, and it's numb down below"
		case "if", "when", "whenever":
			return yours && !nowInClause(tokens, j, m.end)
		}
	}
	return false
}

// nowInSentence reports whether the sign's sentence puts it to "you" as
// having happened today: "how much bleeding is too much? like if you've
// gone through 3 pads since this morning" asks about hers; a talk "today
// about severe bleeding" does not.
func nowInSentence(tokens []analyze.Token, m match) bool {
	lo, _ := sentenceOf(tokens, m)
	for j := lo; j+1 <= m.end; j++ {
		if (tokens[j].Lemma == "you" || tokens[j].Lemma == "ur") && tokens[j+1].Lemma == "have" {
			return nowInClause(tokens, lo, m.end)
		}
	}
	return false
}

// nowInClause reports whether the clause from tokens[lo] through the
// sign at tokens[end] and on to its end tells a time of today or of this
// week: a condition put to "you" that has happened "since this morning",
// "all evening" or "this week" is hers ("like if you've gone through 3
// pads since this morning and its bright red is that a go in thing"). A
// condition in general has no such time.
func nowInClause(tokens []analyze.Token, lo, end int) bool {
	hi := end + 1
	for hi < len(tokens) && !isClauseEnd(tokens[hi]) {
		hi++
	}
	for j := lo; j < hi; j++ {
		l, next := tokens[j].Lemma, ""
		if j+1 < hi {
			next = tokens[j+1].Lemma
		}
		if l == "tonight" || l == "today" || (l == "this" || l == "all") && dayParts[next] || l == "all" && next == "day" {
			return true
		}
	}
	return false
}

// advisedCondition reports whether a sign is the condition of advice she
// was given: "midwife said ring if movements reduce", "the midwife told
// me to go in if my back pain starts coming in waves", "my doctor
// explained me if I have strong pain that does not go away I must go to
// hospital". Advice was told in the sentence before the condition (said,
// told, explained, advised), and a call stands right before the condition
// ("ring if", "go in if") or after the sign ("... I must call the
// hospital"). Not a sign she has that may grow: "ring if the bleeding
// gets heavier" tells of bleeding now; nor when her own case follows
// ("but", "now", "still", "today" told as not fine), the condition is met
// later in the sign's own words (see conditionMet), it still goes on
// ("still nothing") or a fever's reading is given after it. Whether it
// came true otherwise is the caller's (see cameTrue).
func (s *Set) advisedCondition(tokens []analyze.Token, m match) bool {
	cond := -1
	for k := m.start - 1; k >= 0 && !isClauseEnd(tokens[k]); k-- {
		if l := tokens[k].Lemma; l == "if" || l == "when" || l == "whenever" || l == "once" {
			cond = k
			break
		}
		if l := tokens[k].Lemma; l == "but" || (l == "and" || l == "so" || tokens[k].Is(analyze.Break)) && newSubject(tokens, k+1) {
			return false // "..., but I'm bleeding", "and tbh she has barely moved"
		}
	}
	if cond < 0 {
		return false
	}
	advice := false
	for k := cond - 1; k >= 0 && !isClauseEnd(tokens[k]); k-- {
		if adviceVerbs[tokens[k].Lemma] {
			advice = true
			break
		}
	}
	if !advice {
		return false
	}
	called := false
	for c := cond - 1; c >= 0 && c >= cond-5; c-- { // "go to L&D if" ("&" is a word)
		if callAt(tokens, c) {
			called = true
		}
	}
	if slices.ContainsFunc(tokens[m.start:m.end+1], func(t analyze.Token) bool { return herCase[t.Lemma] }) {
		return false // "call if not felt anything by 24 wks, im 25 now and still nothing", all one match
	}
	end := m.end + 1
	for ; end < len(tokens) && !isClauseEnd(tokens[end]); end++ {
		if grows[tokens[end].Lemma] && end <= m.end+4 || (herCase[tokens[end].Lemma] || tokens[end].Lemma == "morning" && tokens[end-1].Lemma == "this") && !reassuredAround(tokens, end) {
			// "ring if it gets heavier", "... but does 'fewer' count
			// if she's still doing a bit?", "call if not felt anything
			// by 24 wks, im 25 now and still nothing": her own case set
			// against the advice.
			return false
		}
		if !called && end <= m.end+10 && callAt(tokens, end) {
			called = true
		}
	}
	if !called || s.conditionMet(tokens, m, end) {
		return false
	}
	// "... still nothing" later: the condition goes on being met; a
	// fever's reading given after it ("ring if I get a temperature, and
	// the thermometer just said 38.9").
	for k := cond + 1; k < len(tokens); k++ {
		if tokens[k].Lemma == "still" && k+1 < len(tokens) && (tokens[k+1].Is(analyze.Negation) || k+2 < len(tokens) && tokens[k+2].Is(analyze.Negation)) {
			return false
		}
		if feverReading(tokens[k]) {
			return false
		}
	}
	return true
}

// feverReading reports whether t is a temperature read as a fever: 37.8
// to 43 (Celsius, with a decimal) or 100.4 to 108 (Fahrenheit).
func feverReading(t analyze.Token) bool {
	if t.Lemma != analyze.NumberLemma {
		return false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(t.Term, ",", "."), 64)
	if err != nil {
		return false
	}
	return strings.ContainsAny(t.Term, ".,") && v >= 37.8 && v <= 43 || v >= 100.4 && v <= 108
}

// reassuredAround reports whether her case turned to at tokens[j] is told
// as fine: "he's been kicking loads today", "all good this morning".
func reassuredAround(tokens []analyze.Token, j int) bool {
	for k := max(0, j-4); k < len(tokens) && k <= j+3 && !isClauseEnd(tokens[k]); k++ {
		switch tokens[k].Lemma {
		case "kick", "kicking", "moving", "fine", "ok", "okay", "good", "loads", "normal", "great", "better":
			return true
		}
	}
	return false
}

// soaked tell a pad or clothes soaked (see cameTrue).
var soaked = map[string]bool{"soak": true, "drench": true}

// herCase turn from advice to her own case (see advisedCondition).
var herCase = map[string]bool{"but": true, "though": true, "now": true, "still": true, "today": true, "tonight": true}

// conditionMet reports whether a later sentence, from tokens[from], tells
// the advice's condition as met in the sign's own words, not negated nor
// asked: "OB said call if I soak a pad an hour for 2 hours. ... both were
// soaked". Not her back or its pain ("ring if my back pain comes in waves.
// so far it's just the same sore back").
func (s *Set) conditionMet(tokens []analyze.Token, m match, from int) bool {
	for _, j := range m.pos[:m.n] {
		l := tokens[j].Lemma
		if tokens[j].Is(analyze.Stop) || s.bodyParts[l] || backComplaints[l] || len(l) < 3 {
			continue
		}
		for k := from; k < len(tokens); k++ {
			if tokens[k].Lemma != l || asked(tokens, k) {
				continue
			}
			negated := false
			for n := k - 1; n >= 0 && n >= k-3 && !tokens[n].Is(analyze.Break); n-- {
				negated = negated || tokens[n].Is(analyze.Negation)
			}
			if !negated {
				return true
			}
		}
	}
	return false
}

// newSubject reports whether a clause of its own opens at tokens[j], its
// subject within two words: "and tbh she has barely moved", ", I think".
func newSubject(tokens []analyze.Token, j int) bool {
	for k := j; k < len(tokens) && k <= j+2; k++ {
		switch tokens[k].Lemma {
		case "i", "she", "he", "they", "it", "baby", "bub", "we":
			return true
		}
	}
	return false
}

// callAt reports whether tokens[j] calls or goes to be seen: "ring",
// "call", "phone", "contact", "go in", "come in", "come back", "go to
// A&E", "go straight to hospital" (never "go away").
func callAt(tokens []analyze.Token, j int) bool {
	switch tokens[j].Lemma {
	case "ring", "call", "phone", "contact":
		return true
	case "go", "come":
		if j+1 < len(tokens) {
			switch tokens[j+1].Lemma {
			case "in", "to", "straight", "into", "up", "back":
				// "come back if contractions start" (from S205).
				return true
			}
		}
	}
	return false
}

// adviceVerbs tell advice given (see advisedCondition).
var adviceVerbs = map[string]bool{"say": true, "tell": true, "explain": true, "advise": true, "warn": true, "instruct": true, "remind": true}

// grows tell a sign she has growing: "ring if the bleeding gets heavier".
var grows = map[string]bool{"heavier": true, "worse": true, "more": true, "bigger": true, "stronger": true, "closer": true, "redder": true, "continue": true, "persist": true}

// cameTrue reports whether what was feared, or what she was told to
// call about, happens in a later clause: "scared my waters will break on
// the train. actually i think they just did, I'm soaked", "was told to
// call if my waters go, i think they just did", "to phone if the pains
// got worse, theyre much worse now".
func cameTrue(tokens []analyze.Token, end int) bool {
	for k := end + 1; k+1 < len(tokens); k++ {
		switch l, next := tokens[k].Lemma, tokens[k+1].Lemma; {
		case l == "actually" && k > 0 && isClauseEnd(tokens[k-1]) && actuallyTold[next],
			// "i think they just did": the elided verb ends its clause,
			// never "i just did my hospital bag".
			// "...and today I actually did", told in the past.
			l == "actually" && (tokens[k+1].Term == "did" || tokens[k+1].Term == "happened") && k > 0 && (tokens[k-1].Lemma == "they" || tokens[k-1].Lemma == "it" || tokens[k-1].Lemma == "i"),
			l == "just" && (next == "do" || next == "happen") && k > 0 && (tokens[k-1].Lemma == "they" || tokens[k-1].Lemma == "it" || tokens[k-1].Lemma == "i") &&
				(k+2 >= len(tokens) || tokens[k+2].Is(analyze.Break) || tokens[k+2].Lemma == "now" || tokens[k+2].Lemma == "lol" || tokens[k+2].Lemma == analyze.NumberLemma || tokens[k+2].Gestation()),
			// "they just went", "i think they just started".
			l == "just" && (next == "go" || next == "break" || next == "start" || next == "begin" || next == "come") && k > 0 && tokens[k-1].Lemma == "they",
			l == "it" && next == "happen" && k+2 < len(tokens) && tokens[k+2].Lemma == "now",
			// "... if the bleeding starts again. it has, bright red", "and
			// they have": the verb elided, the clause ends on it.
			(l == "it" || l == "they") && (next == "have" || next == "do") && k > 0 && (isClauseEnd(tokens[k-1]) || tokens[k-1].Lemma == "and" || tokens[k-1].Is(analyze.Break)) &&
				(k+2 >= len(tokens) || tokens[k+2].Is(analyze.Break) || tokens[k+2].Lemma == "now" || tokens[k+2].Lemma == "again" || tokens[k+2].Lemma == "lol"):
			return true
		case (l == "they" || l == "it" || l == "this" || l == "both") && k > 0 && (isClauseEnd(tokens[k-1]) || tokens[k-1].Lemma == "and" || l == "both" && tokens[k-1].Is(analyze.Break)):
			// "..., theyre much worse now": the condition's own change,
			// told as a change (never "it is regular practice"). "It's"
			// is read as "it" alone.
			from := k + 1
			if next == "be" {
				from = k + 2
			} else if l != "it" {
				continue
			}
			for j := from; j < len(tokens) && j <= from+2 && !tokens[j].Is(analyze.Break); j++ {
				if tokens[j].Is(analyze.Negation) {
					// "this isn't spotting, it's a lot", "it's not just
					// spotting": more than the least of it.
					if j+1 < len(tokens) && (tokens[j+1].Lemma == "spotting" || tokens[j+1].Lemma == "just" && j+2 < len(tokens) && tokens[j+2].Lemma == "spotting") {
						return true
					}
					break
				}
				if worseNow[tokens[j].Lemma] && (j+1 >= len(tokens) || tokens[j+1].Is(analyze.Break) || tokens[j+1].Lemma == "now" || tokens[j+1].Lemma == "again" || tokens[j+1].Lemma == "than" ||
					soaked[tokens[j].Lemma]) { // "both were soaked in less than that"
					return true
				}
			}
		}
	}
	return false
}

// worseNow tell a sign grown as the advice feared (see cameTrue), and
// actuallyTold the words after a sentence-opening "actually" that tell
// it happened ("actually i think they just did", never "actually, does
// anyone know a good pillow?").
var (
	worseNow     = map[string]bool{"worse": true, "stronger": true, "closer": true, "heavier": true, "regular": true, "more": true, "lot": true, "soak": true, "drench": true}
	actuallyTold = map[string]bool{"i": true, "they": true, "it": true, "think": true, "just": true, "mine": true, "my": true}
)

// yourSign reports whether the sign is told as the listener's: "your
// waters went?? go in hun!!", "was your temperature really high?". No
// member tells her own sign as "your" one, though she may ask of it "for
// your" own ("is it normal for your vision to go patchy?"). Asked, it
// still names what a "mine" after it reports ("...? mine's 38.9").
func yourSign(tokens []analyze.Token, m match) bool {
	return m.start > 0 && yourWords[tokens[m.start-1].Lemma] && (m.start < 2 || tokens[m.start-2].Lemma != "for")
}

// yourWords own a sign the listener has.
var yourWords = map[string]bool{"your": true, "ur": true, "yr": true, "youre": true}
