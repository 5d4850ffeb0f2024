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
		if analyze.Postnatal(t.Lemma) {
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
