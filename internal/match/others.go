package match

import "github.com/backcare/backcare/internal/analyze"

// A question for someone else is out of scope however close its words are
// to a topic: "my husband's back is bad from the gym, what should he do
// for it?", "my mum has sciatica, what can she do?", "what shoes should my
// toddler wear?", "what should I do for him?". The bot answers about the
// member's own pregnant back. A partner asking for the pregnant member ("my
// wife is 30 weeks, what can she do?") is in scope: a wife is not in the
// others group, and a pregnancy named in the message keeps it in scope.

// whose holds the words that tell whose body a question is about.
type whose struct {
	others    map[string]bool // people who are not the member (the knowledge base's others group)
	pronouns  map[string]bool // he, him, his, she, her, they, them
	selves    map[string]bool // I, me, myself, we, us
	for_      map[string]bool // "for"
	pregnancy map[string]bool // weeks, pregnant, bump: the member's pregnancy
	weeks     map[string]bool // week, wk: a pregnancy only after a number
	actions   map[string]bool // do, take, wear: what a question asks someone to do
	reporting map[string]bool // say, swear, reckon: what a source does
}

// reports reports whether the person at j is followed by a verb of saying:
// "my mum says", "my nan swears by", "my friend reckons".
func (w whose) reports(words []analyze.Token, j, end int) bool {
	for k := j + 1; k < end && k <= j+2; k++ {
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
	w := whose{others: set(append(others, "newborn", "newborns", "infant", "infants")...),
		pronouns:  set("he", "him", "his", "she", "her", "they", "them"),
		selves:    set("i", "me", "myself", "we", "us"),
		for_:      set("for"),
		pregnancy: set("pregnant", "pregnancy", "week", "weeks", "wk", "wks", "trimester", "bump", "expecting", "due"),
		weeks:     set("week", "weeks", "wk", "wks"),
		actions:   set("do", "take", "use", "wear", "put", "get", "try", "buy", "sleep", "lift", "carry", "stretch", "help"),
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
func (w whose) forSomeoneElse(words []analyze.Token) bool {
	named := false
	for j, t := range words {
		if w.pregnancy[t.Lemma] && (!w.weeks[t.Lemma] || j > 0 && words[j-1].Lemma == analyze.NumberLemma) {
			return false // "28 weeks", "pregnant"; not "this week"
		}
		named = named || w.others[t.Lemma]
	}
	if !named {
		return false
	}
	// The question: the last sentence that ends in a question mark, else
	// the last sentence.
	end := len(words)
	for j := len(words) - 1; j >= 0; j-- {
		if words[j].Is(analyze.Question) {
			end = j
			break
		}
	}
	start := end
	for start > 0 && !(words[start-1].Is(analyze.Break) && !words[start-1].Is(analyze.Weak)) {
		start--
	}
	other, self, forOther, action := false, false, false, false
	for j := start; j < end; j++ {
		l := words[j].Lemma
		switch {
		case (w.others[l] || w.pronouns[l]) && w.reports(words, j, end):
			// "my friend said something about glutes", "my auntie swears
			// by goose fat": she is a source, not the one with the back.
		case w.others[l] || w.pronouns[l]:
			other = true
			if j > start && w.for_[words[j-1].Lemma] || j > start+1 && w.for_[words[j-2].Lemma] {
				forOther = true // "for him", "for a newborn"
			}
		case w.selves[l], l == "my" && j+1 < end && !w.others[words[j+1].Lemma] && !w.pronouns[words[j+1].Lemma]:
			self = true // "I", or "my back": her own body, not "my toddler"
		case w.actions[l] && !(l == "do" && (j == start || words[j-1].Is(analyze.Break))):
			action = true // not the "does" that opens a question
		}
	}
	return forOther || other && action && !self
}
