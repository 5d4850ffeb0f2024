package match

import "github.com/backcare/backcare/internal/analyze"

// The sources answer for pregnancy. A question about the time after the
// birth ("how do I lift the pram into the boot after the birth?", "when can
// I start postnatal pilates?") is out of their scope, except where a topic
// answers for that time itself: whether the back pain goes away after the
// birth. A topic answers for it when enough of its examples name the time
// after the birth (coveredShare).

// coveredShare is the share of a topic's examples that must name the time
// after the birth for the topic to answer questions about it.
const coveredShare = 0.1

// postnatal are words that name the time after the birth by themselves.
var postnatal = map[string]bool{"postnatal": true, "postnatally": true, "postpartum": true}

// birthWords name the birth after "after" or "once": "after the birth",
// "once the baby is born", "after my c-section".
var birthWords = map[string]bool{"birth": true, "delivery": true, "deliver": true, "born": true, "bear": true,
	"section": true, "caesarean": true, "cesarean": true, "csection": true, "arrive": true}

// askedAfterBirth reports whether the question sentence of words asks
// about the time after the birth (see afterBirthIn).
func askedAfterBirth(words []analyze.Token) bool {
	start, end, _ := questionSentence(words)
	return afterBirthIn(words[start:end])
}

// afterBirthIn reports whether words name the time after the birth,
// without allocating: "postnatal", or "after" or "once" with a word of
// the birth at most four words on. The index counts the examples that do
// (see Matcher.index).
func afterBirthIn(words []analyze.Token) bool {
	for i, t := range words {
		if postnatal[t.Lemma] {
			return true
		}
		if t.Lemma != "after" && t.Lemma != "once" {
			continue
		}
		for k := i + 1; k < len(words) && k <= i+4; k++ {
			if birthWords[words[k].Lemma] {
				return true
			}
		}
	}
	return false
}

// delivered reports whether the member tells that she has had her baby
// and names no pregnancy now: "gave birth 5 weeks ago", "had my baby 3
// weeks ago", "my 8 week old", "3 weeks pp". Her back then is no
// pregnancy back: "Gave birth 5 weeks ago and my lower back aches when I
// lift the baby out of the cot" is asked after the birth, whatever the
// question sentence says. "My 2 year old" is an older child; "had my
// first 3 years ago, now 20 weeks" is pregnant again.
func delivered(words []analyze.Token) bool {
	told := false
	for i, t := range words {
		switch l := t.Lemma; {
		case (l == "pregnant" || l == "expecting") && i > 0 && (words[i-1].Term == "was" || words[i-1].Term == "were"):
			// "worse than when I was pregnant"
		case l == "pregnant" || l == "pregnancy" || l == "expecting" || l == "trimester" || l == "bump" || t.Gestation():
			return false
		case l == analyze.NumberLemma && i+1 < len(words):
			next := words[i+1].Lemma
			after := ""
			if i+2 < len(words) {
				after = words[i+2].Lemma
			}
			switch {
			case (next == "week" || next == "day") && (after == "old" || after == "ago" || after == "pp" || postnatal[after]):
				told = true // "my 8 week old", "3 weeks pp"
			case next == "week" || next == "wk":
				return false // "I'm 30 weeks": pregnant now
			}
		case (l == "give" || l == "have") && i+1 < len(words) && (words[i+1].Lemma == "birth" || i+2 < len(words) &&
			(words[i+1].Lemma == "my" || words[i+1].Lemma == "the" || words[i+1].Lemma == "our") && babyWords[words[i+2].Lemma]):
			for k := i + 2; k < len(words) && k <= i+6 && !words[k].Is(analyze.Break); k++ {
				if words[k].Lemma == "ago" {
					told = true // "gave birth 5 weeks ago", "had my baby 3 weeks ago"
				}
			}
		}
	}
	return told
}

// babyWords name the baby she has had.
var babyWords = map[string]bool{"baby": true, "son": true, "daughter": true, "lo": true, "boy": true, "girl": true, "twins": true}
