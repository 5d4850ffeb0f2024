package match

import (
	"strings"

	"github.com/backcare/backcare/internal/analyze"
	"github.com/backcare/backcare/knowledge"
)

// intent is what a question asks for: why it happens, or what to do about
// it. "how to stand properly with a big bump?" asks what to do, so the
// posture tips answer it rather than the topic on why the bump changes
// posture; "is that why my back spasms?" asks why.
type intent uint8

const (
	anyIntent intent = iota
	causeIntent
	reliefIntent
)

// intentPenalty is how much a topic loses when its category answers the
// other kind of question. 0.2 on the tune split (0.15 before the
// overview learnt massage and chiropractors: 0.2 answered 3 more
// questions and 3 more conversation turns, 0.25 one fewer question;
// the holdout was the same for all three).
const intentPenalty = 0.2

// causeCues ask why; reliefCues ask what to do. Pairs are read as lemma
// bigrams ("how do", "can i").
var (
	causeCues = []string{"why", "cause", "causing", "reason", "because", "due", "what make", "what cause", "blame", "culprit", "explanation", "mess up",
		"something to do with", "anything to do with", "related to", "linked to", "connected to", "result of"}
	// avoidCues ask what not to do: "what should I NOT be doing?", "any
	// don'ts?". The topic on things to avoid answers them (see avoided).
	avoidCues = []string{"avoid", "should not do", "should not be do", "not supposed to do", "steer clear",
		"donts", "off limit", "no no", "nono", "be there anything i should not", "what not to", "thing not to",
		"should i not", "should she not", "should we not", "shouldnt do", "shouldnt be do"}
	reliefCues = []string{"help", "tip", "ease", "relieve", "relief", "fix", "cure", "soothe", "treat", "worth",
		"recommend", "how do", "how to", "how should", "how can", "can i", "should i", "what can", "any good",
		// "what I can do for reduce it": a question's words in the order of a statement.
		"what i can", "how i can",
		"do i do", "best way", "right way", "work for", "stretch", "exercise", "remedy", "advice", "idea", "suggestion"}
)

// intents holds the cues as lemma sequences, by their first lemma, and
// each topic's category.
type intents struct {
	cues        map[string][]cue
	category    []knowledge.Category  // per topic index
	reliefFirst string                // the relief category's first topic: its overview
	overviews   [3]int32              // per intent: the topic index of the overview that answers it, or -1
	avoid       map[string][][]string // avoidCues as lemmas, by their first
	avoidTopic  int32                 // the topic on things to avoid (see avoidTopic), or -1
	place       []place               // per topic: the part of the back its title names
}

// place is a part of the back: a topic titled "Upper back spasms" is no
// answer to a question about the lower back.
type place uint8

const (
	anywhere place = iota
	upperBack
	lowerBack
)

// places name the parts of the back.
var places = map[string]place{"upper": upperBack, "top": upperBack, "shoulder": upperBack, "shoulders": upperBack,
	"blade": upperBack, "blades": upperBack, "neck": upperBack, "lower": lowerBack, "low": lowerBack,
	"lumbar": lowerBack, "tailbone": lowerBack, "coccyx": lowerBack}

// placeOf reads the one part of the back that n words name, if only one;
// word(i) is the i-th.
func placeOf(n int, word func(int) string) place {
	found := anywhere
	for i := range n {
		if p, ok := places[word(i)]; ok {
			if found != anywhere && found != p {
				return anywhere // both: "upper and lower back"
			}
			found = p
		}
	}
	return found
}

// placeIn reads the part of the back a message asks about, and a part it
// rules out: in "the low part is killing me, upper is totally fine" or
// "lower back spasms and not upper" the upper back is named only to be
// ruled out. "is lower back pain ok at 30 weeks?" asks about it.
func placeIn(words []analyze.Token) (asked, ruled place) {
	asked = anywhere
	for j, t := range words {
		p, ok := places[t.Lemma]
		if !ok {
			continue
		}
		if placeRuledOut(words, j) {
			ruled = p
			continue
		}
		if asked != anywhere && asked != p {
			return anywhere, ruled // both: "upper and lower back"
		}
		asked = p
	}
	if asked == ruled {
		ruled = anywhere
	}
	return asked, ruled
}

// placeRuledOut reports whether the place word at j is ruled out: a
// negation right before it ("not upper", "no lower back pain"), or "fine"
// right after it, with only "back", "part", "is" and an adverb between,
// and no question mark right after ("upper is totally fine, why...", but
// not "is lower back pain ok?").
func placeRuledOut(words []analyze.Token, j int) bool {
	if j > 0 && words[j-1].Is(analyze.Negation) {
		return true
	}
	k := j + 1
	for k < len(words) && k <= j+4 {
		switch words[k].Lemma {
		case "back", "part", "bit", "half", "side", "portion", "area", "region", "section", "be", "totally", "completely", "absolutely",
			"perfectly", "actually", "still":
			k++
			continue
		}
		break
	}
	if k >= len(words) {
		return false
	}
	switch words[k].Lemma {
	case "fine", "ok", "okay", "grand", "alright":
	default:
		return false
	}
	for ; k < len(words); k++ {
		if words[k].Is(analyze.Break) {
			return !words[k].Is(analyze.Question)
		}
	}
	return true
}

// placePenalty is what a topic loses when its title names the other part
// of the back than the question.
const placePenalty = 0.2

// ruledPenalty is what a topic loses when its title names the part of the
// back the message rules out: "why does my lower back spasm when my upper
// back is totally fine?" is no question about the upper back, however
// many of its words it shares. unplacedPenalty is what such a topic loses
// when the message names no part at all: "is it the hormones? 11 weeks,
// no bump yet" asks why backs hurt, not why upper backs do. Chosen on the
// tune split: against 0.2 and 0, ruled 0.4 answered 6 more questions
// (0.6 and 0.8 no more), unplaced 0.05 8 more and a turn (0.03, 0.07 and
// 0.1 fewer).
const (
	ruledPenalty    = 0.4
	unplacedPenalty = 0.05
)

// placeBonus is what a topic gains when its title names the part of the
// back the question names. Chosen on the tune split: 0.05, 0.1 and 0.2
// gained 2-4 answers and up to 4 turns, 0.2 the most; the holdout did not
// move.
const placeBonus = 0.2

// cue is one cue's lemmas and the intent it signals.
type cue struct {
	lemmas []string
	intent intent
}

func newIntents(a *analyze.Analyzer, topics []knowledge.Topic) intents {
	in := intents{cues: map[string][]cue{}, overviews: [3]int32{-1, -1, -1}, avoid: map[string][][]string{}, avoidTopic: -1}
	for _, c := range avoidCues {
		if ls := a.Lemmas(c); len(ls) > 0 {
			in.avoid[ls[0]] = append(in.avoid[ls[0]], ls)
		}
	}
	for _, list := range []struct {
		cues   []string
		intent intent
	}{{causeCues, causeIntent}, {reliefCues, reliefIntent}} {
		for _, c := range list.cues {
			if ls := a.Lemmas(c); len(ls) > 0 {
				in.cues[ls[0]] = append(in.cues[ls[0]], cue{ls, list.intent})
			}
		}
	}
	for _, t := range topics {
		in.category = append(in.category, t.Category)
		title := strings.Fields(strings.ToLower(t.Title))
		in.place = append(in.place, placeOf(len(title), func(i int) string { return title[i] }))
		if t.Category == knowledge.Relief && in.reliefFirst == "" {
			in.reliefFirst = t.ID
			in.overviews[reliefIntent], in.overviews[anyIntent] = int32(len(in.category)-1), int32(len(in.category)-1)
		}
		if t.ID == avoidTopic {
			in.avoidTopic = int32(len(in.category) - 1)
		}
		if t.Category == knowledge.Cause && in.overviews[causeIntent] < 0 {
			in.overviews[causeIntent] = int32(len(in.category) - 1)
		}
	}
	return in
}

// turn returns the topic a follow-up of prev leans on: "so what can I do
// about it?" after a topic on causes turns to the relief overview.
func (in intents) turn(prev string, it intent, topicOf map[string]int32) string {
	if t, ok := topicOf[prev]; ok && it == reliefIntent && in.category[t] == knowledge.Cause && in.reliefFirst != "" {
		return in.reliefFirst
	}
	return prev
}

// of reads the intent of a message's words: cause or relief when only
// cues of that kind appear.
func (in intents) of(words []analyze.Token) intent {
	cause, relief := false, false
	for i, t := range words {
		for _, c := range in.cues[t.Lemma] {
			if starts(words, i, c.lemmas) {
				cause = cause || c.intent == causeIntent
				relief = relief || c.intent == reliefIntent
			}
		}
	}
	switch {
	case cause && !relief:
		return causeIntent
	case relief && !cause:
		return reliefIntent
	}
	return anyIntent
}

// penalty returns the factor a topic's confidence is multiplied by: a
// question about what to do is answered neither by why it happens nor by
// whether it is normal or goes away.
func (in intents) penalty(it intent, topic int) float32 {
	switch c := in.category[topic]; {
	case it == causeIntent && c == knowledge.Relief, it == reliefIntent && (c == knowledge.Cause || c == knowledge.General):
		return 1 - intentPenalty
	}
	return 1
}

// placed returns the factor a topic's confidence is multiplied by for the
// part of the back the message names (see place), and the part it rules
// out.
func (in intents) placed(p, ruled place, topic int) float32 {
	switch t := in.place[topic]; {
	case t != anywhere && t == ruled:
		return 1 - ruledPenalty
	case t == anywhere:
		return 1
	case p == anywhere:
		return 1 - unplacedPenalty
	case t == p:
		// "pain low down by my tailbone, what causes that?" asks about
		// the lower back before it asks about back pain in general.
		return 1 + placeBonus
	}
	return 1 - placePenalty
}

// starts reports whether the lemmas of words from i on begin with seq.
func starts(words []analyze.Token, i int, seq []string) bool {
	if i+len(seq) > len(words) {
		return false
	}
	for k, l := range seq {
		if words[i+k].Lemma != l {
			return false
		}
	}
	return true
}

// avoidTopic is the topic that answers what not to do.
const avoidTopic = "things-to-avoid"

// avoidBonus is what the topic on things to avoid gains when a message
// asks what not to do (see avoidCues).
const avoidBonus = 0.3

// avoided returns the factor a topic's confidence is multiplied by when
// words ask what not to do: the topic on things to avoid gains, the
// others keep theirs.
func (in intents) avoided(words []analyze.Token, topic int) float32 {
	if int32(topic) != in.avoidTopic || !in.asksAvoid(words) {
		return 1
	}
	return 1 + avoidBonus
}

// asksAvoid reports whether words hold one of avoidCues: "what should I
// NOT be doing?", "any don'ts?".
func (in intents) asksAvoid(words []analyze.Token) bool {
	for i, t := range words {
		for _, c := range in.avoid[t.Lemma] {
			if starts(words, i, c) {
				return true
			}
		}
	}
	return false
}

// isOverview reports whether topic id is an overview: the first topic of
// the relief or the cause category.
func (in intents) isOverview(id string, topicOf map[string]int32) bool {
	t, ok := topicOf[id]
	return ok && (t == in.overviews[reliefIntent] || t == in.overviews[causeIntent])
}
