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

// afterBirth reports whether lemmas name the time after the birth.
func afterBirth(lemmas []string) bool {
	for i, l := range lemmas {
		if postnatal[l] {
			return true
		}
		if l != "after" && l != "once" {
			continue
		}
		for k := i + 1; k < len(lemmas) && k <= i+4; k++ {
			if birthWords[lemmas[k]] {
				return true
			}
		}
	}
	return false
}

// namesAfterBirth reports whether the text of an example names the time
// after the birth, as afterBirth does for a message's lemmas, from its
// words as written: examples are many, and analysing each again at start
// cost megabytes.
func namesAfterBirth(text string) bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) })
	for i, w := range words {
		if postnatal[w] {
			return true
		}
		if w != "after" && w != "once" {
			continue
		}
		for k := i + 1; k < len(words) && k <= i+4; k++ {
			for _, b := range birthStems {
				if strings.HasPrefix(words[k], b) {
					return true
				}
			}
		}
	}
	return false
}

// birthStems begin the words of birthWords as written: "delivered",
// "arrives", "c" "section".
var birthStems = []string{"birth", "deliver", "born", "section", "caesarean", "cesarean", "csection", "arriv"}

// askedAfterBirth reports whether the question sentence of words asks
// about the time after the birth.
func askedAfterBirth(words []analyze.Token) bool {
	start, end, _ := questionSentence(words)
	lemmas := make([]string, 0, end-start)
	for _, t := range words[start:end] {
		lemmas = append(lemmas, t.Lemma)
	}
	return afterBirth(lemmas)
}
