package match

import (
	"slices"
	"strings"

	"github.com/backcare/backcare/internal/analyze"
)

// A question for someone else is out of scope however close its words are
// to a topic: "my husband's back is bad from the gym, what should he do
// for it?", "my mum has sciatica, what can she do?", "what shoes should my
// toddler wear?", "what should I do for him?". The bot answers about the
// member's own pregnant back. A partner asking for the pregnant member ("my
// wife is 30 weeks, what can she do?") is in scope: a wife is not in the
// others group, and a pregnancy named in the message keeps it in scope.

// elsewhere reports whether a message is about another complaint of
// pregnancy and never names the back: "what helps with leg cramps?",
// "tired all the time at 8 weeks, is that normal", "acupuncture for morning
// sickness". The bot answers about back spasms only.
func (w whose) elsewhere(words []analyze.Token) bool {
	other := false
	for j, t := range words {
		switch {
		case w.backWords[t.Lemma] && backIsFine(words, j):
			// "back is totally fine", "not my back at all": named to be
			// ruled out.
		case w.backWords[t.Lemma] || w.strains[t.Lemma]:
			return false // the back, or what strains it: "how do I carry my 4yo when her legs are tired"
		case w.complaints[t.Lemma] || w.subjects[t.Lemma]:
			other = true
		case t.Lemma == "blanket" && j > 0 && words[j-1].Lemma == "electric",
			t.Lemma == "belt" && j > 0 && words[j-1].Lemma == "seat",
			t.Lemma == "induce" || t.Lemma == "induction",
			t.Lemma == "bring" && j+2 < len(words) && words[j+1].Lemma == "on" && (words[j+2].Lemma == "labour" || words[j+2].Lemma == "labor"):
			// Overheating under an electric blanket; bringing labour on
			// ("does spicy food bring on labour?"): subjects of their own.
			other = true
		case (t.Lemma == "bath" || t.Lemma == "baths" || t.Lemma == "tub") && j > 0 && words[j-1].Lemma == "hot":
			// "is a hot bath safe?" asks about overheating; "would a warm
			// bath help?" and "leaning over the bath" are the back's.
			other = true
		case t.Lemma == "leg" && j+1 < len(words) && (words[j+1].Lemma == "cramp" || words[j+1].Lemma == "cramps"):
			other = true
		case growth[t.Lemma] && babysGrowth(words, j):
			other = true
		}
	}
	return other
}

// growth and babies are the words of a question about the baby's size.
var (
	growth = map[string]bool{"weight": true, "weigh": true, "size": true, "grow": true, "growth": true, "big": true, "bigger": true}
	babies = map[string]bool{"baby": true, "babies": true, "bub": true, "bubs": true}
)

// babysGrowth reports whether the growth word at j is the baby's: a baby
// word stands within four words of it in its sentence and no "I", "me" or
// "my" does ("how much weight will the baby put on in the last month?",
// not "how much weight should I put on for the baby?").
func babysGrowth(words []analyze.Token, j int) bool {
	baby := false
	for k := j - 1; k >= 0 && k >= j-4 && !words[k].Is(analyze.Break); k-- {
		if l := words[k].Lemma; l == "i" || l == "me" || l == "my" {
			return false
		}
		baby = baby || babies[words[k].Lemma]
	}
	for k := j + 1; k < len(words) && k <= j+4 && !words[k].Is(analyze.Break); k++ {
		if l := words[k].Lemma; l == "i" || l == "me" || l == "my" {
			return false
		}
		baby = baby || babies[words[k].Lemma]
	}
	return baby
}

// backIsFine reports whether the back word at j is ruled out: "back is
// totally fine", "not my back at all", "no back pain".
func backIsFine(words []analyze.Token, j int) bool {
	if j > 0 && words[j-1].Is(analyze.Negation) || j > 1 && words[j-2].Is(analyze.Negation) && words[j-1].Lemma == "my" {
		return true
	}
	for k := j + 1; k < len(words) && k <= j+4 && !words[k].Is(analyze.Break); k++ {
		switch words[k].Lemma {
		case "fine", "ok", "okay", "grand", "alright":
			return true
		}
	}
	return false
}

// whose holds the words that tell whose body a question is about.
type whose struct {
	others     map[string]bool // people who are not the member (the knowledge base's others group)
	pronouns   map[string]bool // he, him, his, she, her, they, them
	selves     map[string]bool // I, me, myself, we, us
	for_       map[string]bool // "for"
	pregnancy  map[string]bool // weeks, pregnant, bump: the member's pregnancy
	weeks      map[string]bool // week, wk: a pregnancy only after a number
	actions    map[string]bool // do, take, wear: what a question asks someone to do
	reporting  map[string]bool // say, swear, reckon: what a source does
	body       map[string]bool // back, spine, hips: whose body a question is about
	theirs     map[string]bool // his, her, their: someone else's body
	babyItems  map[string]bool // cot, crib, pram: the baby's things, not her back
	backWords  map[string]bool // back, spine, sciatica: the bot's subject
	complaints map[string]bool // heartburn, nausea, tiredness: other complaints of pregnancy
	subjects   map[string]bool // saunas, seatbelts, fertility, rashes: questions of their own when the back is not named
	strains    map[string]bool // carry, lift, bend: what strains the back
	hefts      map[string]bool // carry, lift, pick (up): what she does to someone she lifts
	partners   map[string]bool // wife, girlfriend, partner: with "she", the member someone writes for
}

// reports reports whether the person at j is followed by a verb of saying:
// "my mum says", "my nan swears by", "my friend reckons", "my sister in
// law says".
func (w whose) reports(words []analyze.Token, j, end int) bool {
	last := j + 2
	if j+2 < end && words[j+1].Lemma == "in" && words[j+2].Lemma == "law" {
		last += 2 // "my sister in law says"
	} else if j+1 < end && wherePeople[words[j+1].Lemma] {
		last += 2 // "someone at NCT mentioned", "a friend from work said"
	}
	for k := j + 1; k < end && k <= last; k++ {
		if w.reporting[words[k].Lemma] {
			return true
		}
	}
	return false
}

func newWhose(an *analyze.Analyzer, others []string) whose {
	set := func(words ...string) map[string]bool {
		m := map[string]bool{}
		for _, w := range words {
			for _, l := range an.Lemmas(w) {
				m[l] = true
			}
		}
		return m
	}
	var people []string
	for _, o := range others {
		// One word each: "yr_old" is read by aged, not as "old" (the
		// knowledge base rejects a member with a space in it).
		if !strings.ContainsAny(o, "_ ") {
			people = append(people, o)
		}
	}
	w := whose{others: set(append(people, "newborn", "newborns", "infant", "infants")...),
		pronouns:  set("he", "him", "his", "she", "her", "they", "them"),
		selves:    set("i", "me", "myself", "we", "us"),
		for_:      set("for"),
		pregnancy: set("pregnant", "pregnancy", "week", "weeks", "wk", "wks", "trimester", "bump", "expecting", "due"),
		weeks:     set("week", "weeks", "wk", "wks"),
		actions:   set("do", "take", "use", "wear", "put", "get", "try", "buy", "sleep", "lift", "carry", "stretch", "help"),
		body:      set("back", "spine", "hip", "hips", "shoulders", "neck"),
		theirs:    set("his", "their"),
		babyItems: set("cot", "crib", "bassinet", "moses", "pram", "stroller", "buggy", "pushchair", "newborn", "newborns"),
		backWords: set("back", "backache", "spine", "spinal", "lumbar", "sciatica", "sciatic", "spasm", "spasms",
			"spasming", "tailbone", "coccyx", "bk", "backs"),
		strains:  set("carry", "carrying", "lift", "lifting", "bend", "bending", "posture"),
		hefts:    set("carry", "lift", "pick", "hoist", "heave", "haul", "hitch"),
		partners: set("wife", "wifey", "missus", "missis", "mrs", "girlfriend", "gf", "fiancee", "fiancée", "partner", "dp"),
		subjects: set("sauna", "saunas", "jacuzzi", "jacuzzis", "hottub", "spa", "steam", "seatbelt", "seatbelts",
			"fertility", "ivf", "conceive", "conceiving", "ttc", "glucose", "rash", "rashes", "eczema", "brain"),
		complaints: set("nausea", "nauseous", "sickness", "vomiting", "heartburn", "reflux", "indigestion", "constipation",
			"constipated", "piles", "haemorrhoids", "hemorrhoids", "headache", "headaches", "migraine", "migraines",
			"calf", "calves", "insomnia", "tired", "tiredness", "exhausted", "swollen", "swelling", "carpal", "acne",
			"itchy", "itching", "thrush", "nosebleed", "nosebleeds", "gums", "varicose", "hiccups",
			"plantar", "fasciitis", "restless", "snoring", "snore", "breech", "wrist", "wrists"),
		reporting: set("say", "said", "says", "swear", "swears", "reckon", "reckons", "think", "thinks", "tell", "told",
			"mention", "mentioned", "recommend", "recommended", "suggest", "suggested", "insist", "insists", "keep")}
	return w
}

// forSomeoneElse reports whether the message's question is about someone
// other than the member: someone else is named, no pregnancy is named
// anywhere, and the question (its last sentence with a question mark, or
// its last sentence) asks what to do "for him", or what he or she should
// do, wear or use without a word of "I". "My husband says heat is bad, is
// he right?" asks nothing for him.
// ageIn reports whether the weeks at words[j] ("2 weeks") are someone's
// age, not her pregnancy: "2 weeks old", or "baby is 2 weeks" in a
// message about a newborn. "My daughter is 22 weeks" is her daughter's
// pregnancy.
func ageIn(words []analyze.Token, j int) bool {
	if j+1 < len(words) && words[j+1].Lemma == "old" {
		return true
	}
	if j < 3 || words[j-2].Lemma != "be" || !ofAge[words[j-3].Lemma] {
		return false
	}
	return slices.ContainsFunc(words, func(t analyze.Token) bool { return t.Lemma == "newborn" || t.Lemma == "newborns" })
}

// ofAge are who may be some weeks old (see ageIn).
var ofAge = map[string]bool{"baby": true, "newborn": true, "lo": true, "bub": true, "bubba": true, "he": true, "she": true}

// wherePeople open where a source is from: "someone at NCT", "a lady in
// my group".
var wherePeople = map[string]bool{"at": true, "in": true, "from": true, "on": true}

// judged follow the source's pronoun when a member asks whether what she
// was told holds: "is she right", "is he wrong".
var judged = map[string]bool{"right": true, "correct": true, "wrong": true}

func (w whose) forSomeoneElse(words []analyze.Token) bool {
	named, theirs, mine, item := false, false, false, false
	// The question sentence (the last one ending in a question mark): a
	// back named there with no one else's word before it is hers ("do
	// hamstring stretches help lower back spasms? my dad does them for
	// his back"), and a baby's thing told elsewhere is only context.
	start, end, asked := questionSentence(words)
	qBody, qItem, qComplaint := false, false, false
	partner, female := false, false
	pregnant, qTheirs := false, false
	for j, t := range words {
		if w.partners[t.Lemma] && j > 0 && (words[j-1].Lemma == "my" || words[j-1].Lemma == "the") {
			partner = true
		}
		female = female || t.Lemma == "she" || t.Lemma == "her"
		inQ := asked && j >= start && j < end
		qItem = qItem || inQ && w.babyItems[t.Lemma]
		qComplaint = qComplaint || inQ && complaints[t.Lemma]
		if inQ && (w.body[t.Lemma] || t.Lemma == "spasm") && (j == 0 || !w.theirs[words[j-1].Lemma] && !w.others[words[j-1].Lemma]) {
			qBody = true
		}
		modifier := t.Lemma == "pregnancy" && j+1 < len(words) && words[j+1].Flags&(analyze.Stop|analyze.Break) == 0
		denied := j > 0 && words[j-1].Is(analyze.Negation) || j > 1 && words[j-2].Is(analyze.Negation) && !words[j-1].Is(analyze.Break)
		if w.pregnancy[t.Lemma] && !modifier && !denied && (!w.weeks[t.Lemma] || j > 0 && words[j-1].Lemma == analyze.NumberLemma && !ageIn(words, j)) || t.Gestation() {
			pregnant = true // "28 weeks", "27+2", "pregnant"; not "this week", "my pregnancy pillow" or "(not pregnant obviously)"
		}
		if inQ && w.body[t.Lemma] && j > 0 && w.theirs[words[j-1].Lemma] && words[j-1].Lemma != "her" && words[j-1].Lemma != "their" {
			qTheirs = true // "what stretches should he do for his back?"
		}
		named = named || w.other(words, j)
		item = item || w.babyItems[t.Lemma]
		if w.body[t.Lemma] && j > 0 {
			switch p := words[j-1].Lemma; {
			case p == "my" || p == "i":
				mine = true
			case p == "their" && anyoneBefore(words, j):
				// "anyone done pilates for their back?": anyone's, hers too
			case w.theirs[p] || w.others[p]:
				theirs = true // "his back", "mum back" ("mum's back")
			}
		}
	}
	if pregnant {
		// Her pregnancy named makes the question hers, unless it asks
		// about his body: "I'm 33 weeks ... what stretches should he do
		// for his back?", "my husband hurt his back at the gym... I'm the
		// one who's 30 weeks lol. what should he do for it?"
		return !mine && (qTheirs || theirs && heAsks(words, start, end))
	}
	if partner && female {
		// "my wife keeps picking up our 3yo even though her back is bad,
		// what's the right way for her to do it?": a partner writes for
		// the pregnant member, whom the bot is for.
		return false
	}
	switch {
	case mine, qBody && qComplaint && !qItem:
	case theirs && !forHerToo(words, start, end):
		return true // "my 5yo keeps saying his back hurts... what should I do"
	case item:
		return true // "cot mattress firm or soft for the baby?"
	}
	if !named {
		return false
	}
	// Someone who says or swears by something before the question is
	// the source, and a bare "her" or "him" in it (not "for her") is
	// still that source: "my colleague swears by a cushion when she
	// sits. does that help or is it just her?" asks for the member; "what
	// should she do for it?" asks for the source.
	source := false
	for j := 0; j < start; j++ {
		source = source || w.other(words, j) && w.reports(words, j, start)
	}
	// Within the question sentence, someone else doing something counts
	// in the clause that asks: "is a belly band worth buying, my sister
	// had one with her twins" asks for the member, the sister's clause is
	// context. "For her" and "my back" count anywhere in it.
	cs, ce := askingClause(words, start, end)
	other, self, forOther, action, told := false, false, false, false, false
	for j := start; j < end; j++ {
		l := words[j].Lemma
		inAsk := j >= cs && j < ce
		switch {
		case source && (l == "her" || l == "him") && !(j > start && w.for_[words[j-1].Lemma]):
		case (source || told) && w.pronouns[l] && j+1 < end && judged[words[j+1].Lemma]:
			// "my sister swears by her belly band, is she right that it
			// helps the back?": the source's word is what is asked about.
		case (w.other(words, j) || w.pronouns[l]) && w.reports(words, j, end):
			// "my friend said something about glutes", "my auntie swears
			// by goose fat": she is a source, not the one with the back.
			told = true
		case w.other(words, j) || w.pronouns[l]:
			other = other || inAsk
			possessive := j+1 < end && w.body[words[j+1].Lemma] // "for her back" is for the back (see theirs)
			if !possessive && (j > start && w.for_[words[j-1].Lemma] || j > start+1 && w.for_[words[j-2].Lemma] && words[j-1].Is(analyze.Stop)) {
				forOther = true // "for him", "for a newborn"; not "tips for picking him up"
			}
		case w.selves[l], l == "my" && j+1 < end && !w.someoneAt(words, j+1, end):
			self = true // "I", or "my back": her own body, not "my toddler" or "my 2 year old"
		case w.hefts[l] && w.lifted(words, j+1, end):
			self = true // "is it ok to carry my toddler": her back does the lifting

		case w.actions[l] && !(l == "do" && (j == start || words[j-1].Is(analyze.Break))):
			action = action || inAsk // not the "does" that opens a question
		}
	}
	return forOther || other && action && !self
}

// other reports whether words[j] names someone else: a word of the
// others group, or the "old" of "my 5 year old" (not of "an old wives'
// tale" or "my old mattress"), and not a word of a compound ("cat cow").
func (w whose) other(words []analyze.Token, j int) bool {
	if words[j].Is(analyze.Compound) {
		return false // "is cat cow ok": a stretch
	}
	if j > 1 && words[j-1].Lemma == "a" && words[j-2].Lemma == "like" || j > 0 && words[j-1].Lemma == "like" {
		return false // "arch your back like a cat": a likeness, no one else
	}
	if words[j].Lemma == "old" {
		return j > 0 && aged[words[j-1].Lemma]
	}
	if j > 0 && (quantifiers[words[j-1].Lemma] || words[j-1].Lemma == "of" && j > 1 && quantifiers[words[j-2].Lemma]) {
		return false // "how many women get it", "lots of mums": women in general, her too
	}
	return w.others[words[j].Lemma]
}

// someoneAt reports whether words[j:end] open with someone else: a word
// of the others group or a pronoun ("my toddler", "my him"), or a child's
// age ("my 2 year old", "my 3yo", "my 18 month old").
func (w whose) someoneAt(words []analyze.Token, j, end int) bool {
	if words[j].Lemma == analyze.NumberLemma && j+1 < end {
		j++
		if aged[words[j].Lemma] && j+1 < end && words[j+1].Lemma == "old" {
			return true
		}
	}
	return w.others[words[j].Lemma] || w.pronouns[words[j].Lemma]
}

// lifted reports whether someone is lifted right after a verb of lifting
// that ends at j: "carry my toddler", "pick the 2 year old up", "lift him".
func (w whose) lifted(words []analyze.Token, j, end int) bool {
	for k := j; k < end && k <= j+1; k++ {
		switch l := words[k].Lemma; {
		case w.someoneAt(words, k, end):
			return true
		case l != "my" && l != "the" && l != "our" && l != "up":
			return false
		}
	}
	return false
}

// heAsks reports whether the question sentence words[start:end] asks
// what he should do, with no word of hers: "what should he do for it?".
func heAsks(words []analyze.Token, start, end int) bool {
	he := false
	for _, t := range words[start:end] {
		switch t.Lemma {
		case "he", "him":
			he = true
		case "i", "me", "my", "we", "us":
			return false
		}
	}
	return he
}

// quantifiers make the person after them people in general.
var quantifiers = map[string]bool{"many": true, "most": true, "all": true, "lot": true, "lots": true, "loads": true,
	"some": true, "few": true, "every": true, "plenty": true, "any": true}

// aged are the words before "old" in a child's age: "5 year old".
var aged = map[string]bool{"year": true, "yr": true, "yrs": true, "month": true, "week": true, "day": true, "mo": true}

// complaints name what hurts: a back named with one of these asks about
// a back in pain, not a sleeping position ("back or side?").
var complaints = map[string]bool{"spasm": true, "pain": true, "ache": true, "hurt": true, "sore": true,
	"cramp": true, "twinge": true, "strain": true}

// questionSentence returns the bounds of the question: the last sentence
// that ends in a question mark (asked is true), else the last sentence
// that opens like a question ("how should i lift my toddler without
// hurting my back. hes 2 and wants carrying everywhere"), else the last
// sentence.
func questionSentence(words []analyze.Token) (start, end int, asked bool) {
	end = len(words)
	for j := len(words) - 1; j >= 0; j-- {
		if words[j].Is(analyze.Question) {
			end, asked = j, true
			break
		}
	}
	if !asked {
		for e := len(words); e > 0; {
			s := e
			for s > 0 && !isSentenceEnd(words[s-1]) {
				s--
			}
			if k := firstWord(words, s, e); k >= 0 && (asking(words[k].Lemma) || inverted(words, k)) {
				return s, e, false
			}
			e = s - 1
		}
	}
	start = end
	for start > 0 && !isSentenceEnd(words[start-1]) {
		start--
	}
	return start, end, asked
}

// firstWord returns the index of the first word of words[s:e] that is no
// break, or -1.
func firstWord(words []analyze.Token, s, e int) int {
	for k := s; k < e; k++ {
		if !words[k].Is(analyze.Break) {
			return k
		}
	}
	return -1
}

// forHerToo reports whether the question words[start:end] asks for her
// what someone else has or did, as well: "my cousin swears by that belly
// sling for her back, should i get one too", "would it help me as well".
func forHerToo(words []analyze.Token, start, end int) bool {
	me, too := false, false
	for j := start; j < end; j++ {
		switch l := words[j].Lemma; {
		case l == "i" || l == "me" || l == "myself":
			me = true
		case l == "too" || l == "also" || l == "aswell" || l == "well" && j > start && words[j-1].Lemma == "as":
			too = true
		}
	}
	return me && too
}

// askingClause returns the bounds of the clause of words[start:end]
// that opens with a question word ("is", "can", "what", "should"), after
// lead-ins such as "ok" or "so", and names something ("is a belly band
// worth buying", not "what would you say"), when the sentence has more
// than one clause and one of them asks; else start and end.
func askingClause(words []analyze.Token, start, end int) (int, int) {
	lo, clauses := start, 0
	alo, ahi := -1, -1
	for j := start; j <= end; j++ {
		if j < end && !words[j].Is(analyze.Break) {
			continue
		}
		if j > lo {
			clauses++
			k := lo
			for k < j && leadIns[words[k].Lemma] {
				k++
			}
			if k < j && questionWords[words[k].Lemma] && alo < 0 && names(words[k+1:j]) {
				alo, ahi = lo, j
			}
		}
		lo = j + 1
	}
	if clauses < 2 || alo < 0 {
		return start, end
	}
	return alo, ahi
}

// names reports whether words name something: a word that is not a stop
// word nor one of askingVerbs.
func names(words []analyze.Token) bool {
	return slices.ContainsFunc(words, func(t analyze.Token) bool { return !t.Is(analyze.Stop) && !askingVerbs[t.Lemma] })
}

// askingVerbs ask for an opinion without naming what about: "what would
// you say", "what do you think".
var askingVerbs = map[string]bool{"say": true, "think": true, "reckon": true, "suggest": true, "recommend": true,
	"advise": true, "know": true}

// anyoneBefore reports whether the sentence before words[j] asks the group
// ("anyone", "everyone"): its "their" is anyone's, the member's too.
func anyoneBefore(words []analyze.Token, j int) bool {
	for k := j - 1; k >= 0 && (!words[k].Is(analyze.Break) || words[k].Is(analyze.Weak)); k-- {
		switch words[k].Lemma {
		case "anyone", "anybody", "everyone", "everybody", "someone", "somebody":
			return true
		}
	}
	return false
}
