package match

import (
	"strings"
	"unicode"

	"github.com/backcare/backcare/internal/analyze"
)

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
var postnatal = map[string]bool{"postnatal": true, "postnatally": true, "postpartum": true, "post-partum": true}

// birthWords name the birth after "after" or "once": "after the birth",
// "once the baby is born", "after my c-section".
var birthWords = map[string]bool{"birth": true, "delivery": true, "deliver": true, "born": true, "bear": true,
	"section": true, "caesarean": true, "cesarean": true, "csection": true, "arrive": true}

// namesAfterBirth reports whether the text of an example names the time
// after the birth, as askedAfterBirth does for a message's lemmas, from its
// words as written and without allocating: examples are many (a hundred
// times as many in the largest knowledge bases benchmarked), and
// analysing each again at start cost megabytes.
func namesAfterBirth(text string) bool {
	since := -1 // words since the last "after" or "once"; -1 for none
	for w := range strings.FieldsFuncSeq(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		for p := range postnatal {
			if strings.EqualFold(w, p) {
				return true
			}
		}
		if strings.EqualFold(w, "after") || strings.EqualFold(w, "once") {
			since = 0
			continue
		}
		if since < 0 {
			continue
		}
		if since++; since > 4 {
			since = -1
			continue
		}
		for _, b := range birthStems {
			if len(w) >= len(b) && strings.EqualFold(w[:len(b)], b) {
				return true
			}
		}
	}
	return false
}

// birthStems begin the words of birthWords as written: "delivered",
// "arrives", "c" "section".
var birthStems = []string{"birth", "deliver", "born", "section", "caesarean", "cesarean", "csection", "arriv"}

// askedAfterBirth reports whether the question sentence of words asks
// about the time after the birth, without allocating: "postnatal", or
// "after" or "once" with a word of the birth at most four words on.
func askedAfterBirth(words []analyze.Token) bool {
	start, end, _ := questionSentence(words)
	for i := start; i < end; i++ {
		l := words[i].Lemma
		if postnatal[l] {
			return true
		}
		if l != "after" && l != "once" {
			continue
		}
		for k := i + 1; k < end && k <= i+4; k++ {
			if birthWords[words[k].Lemma] {
				return true
			}
		}
	}
	return false
}
