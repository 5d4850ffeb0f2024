package bot

// Candidate is a topic the matcher thinks a message is about.
type Candidate struct {
	TopicID string
	// Confidence is in [0,1]: how much of the message the topic explains
	// and how closely it fits one of the topic's examples.
	Confidence float64
}

// Classification is what a Classifier found in one message.
type Classification struct {
	// Safety are the ids of the danger signs (red flags) and safety
	// situations (crisis, abuse, loss) found, in knowledge-base order.
	Safety []string
	// History are the ids of the danger signs and safety situations the
	// message tells as settled history, and that did not fire: "we lost
	// our first at 20 weeks last year", "had a UTI at 16 weeks, all
	// cleared".
	History []string
	// Decline is the id of a decline rule the message hit ("medication").
	Decline string
	// Candidates are the best topics, best first (at most a few).
	Candidates []Candidate
	// OffTopic is the probability, in [0,1], that the part of the message
	// the best topic came from is out of scope (the knowledge base's
	// out-of-scope examples teach what that looks like).
	OffTopic float64
	// SmallTalk is the kind of small talk the whole message is most like
	// (greeting, thanks...), with its confidence.
	SmallTalk Candidate
	// FollowUp is true for "tell me more", "anything else?" and the like.
	FollowUp bool
	// FollowsOn is true when the message leans on the previous answer
	// ("what about at night?", "is that ok early on?") and was read in the
	// light of the chat's last topic.
	FollowsOn bool
	// Continues is true when the message comes in a conversation that
	// answered a topic a moment ago: more of what she asks there is about
	// her back than the words alone show.
	Continues bool
	// Question is true when the message is a question, with a question
	// mark or opening like one ("what if they send me home").
	Question bool
	// Asks is true when the message asks or asks for something: a
	// question, or a request without a question mark ("any tips", "help
	// please"). A message that does neither is a statement ("happy
	// Friday all 🎉"), which the engine answers in kind when it has no
	// topic for it.
	Asks bool
	// Shares is true when a statement says it only shares ("just needed
	// to vent", "getting it off my chest"): the engine answers it in kind
	// whatever else it tells.
	Shares bool
	// NotCovered lists the topics whose not-covered subjects the message
	// names ("is massage ok?" names one of the relief overview's): the
	// engine says so before such a topic's answer.
	NotCovered []string
	// Unhelped is true when the message says that what she tried did not
	// help, or not enough: "ugh I already tried that", "didn't do
	// anything", "it only helps for an hour".
	Unhelped bool
	// Hesitant is true when the message doubts or puts off urgent advice
	// ("do I really need to go in?"); the engine heeds it only right
	// after an urgent reply.
	Hesitant bool
	// Empty is true when the message had no words at all.
	Empty bool
}

// Classifier reads a message. Implementations are built from one
// knowledge base and must be safe for concurrent use.
type Classifier interface {
	// Classify analyses text. prev is the topic the chat last talked
	// about ("" if none); short follow-ups such as "what about the upper
	// back?" are read in its light.
	Classify(text, prev string) Classification
}

// Thresholds decide between answering, asking which topic was meant, and
// admitting the question is out of scope. They were tuned on the tune
// split of the evaluation sets in internal/eval.
type Thresholds struct {
	// Answer is the least confidence with which a topic is answered.
	Answer float64
	// Margin: when the second topic's confidence is within Margin of the
	// first's, and both have real evidence, the bot asks which one was meant.
	Margin float64
	// SmallTalk is the least confidence with which a message is taken as
	// small talk (a greeting, thanks) rather than a question.
	SmallTalk float64
	// OffTopic is the highest off-topic probability at which a question is
	// still answered, for a topic confidence of Answer; it rises by
	// OffTopicSlope for each unit of confidence above Answer, so that a
	// question close to a topic's example is not turned down for a few
	// off-topic-looking words ("how long after the birth...").
	OffTopic      float64
	OffTopicSlope float64
}

// DefaultThresholds returns the tuned thresholds.
func DefaultThresholds() Thresholds {
	return Thresholds{Answer: 0.16, Margin: 0, SmallTalk: 0.5, OffTopic: 0.1, OffTopicSlope: 2}
}

// followOnOffTopic is the off-topic probability a follow-up of the last
// topic may have and still be answered.
const followOnOffTopic = 0.8

// conversationLeeway is how much more off-topic probability a question
// may have, and still be answered, in a conversation about her back
// ("What food mi fi eat den?" after weight gain). Chosen on the tune
// split: 0.05, 0.1, 0.15, 0.2 and 0.3 got 9, 21, 31, 28 and 26 more
// turns right; on fresh X45, 0.15 got 4 more of its 150.
const conversationLeeway = 0.15

// Decision is what to do with a classification.
type Decision int

// Decisions.
const (
	DecideFallback Decision = iota
	DecideAnswer
	DecideClarify
	DecideSmallTalk
)

// Decide applies the thresholds to a classification.
func (t Thresholds) Decide(c Classification) Decision {
	top := 0.0
	if len(c.Candidates) > 0 {
		top = c.Candidates[0].Confidence
	}
	if c.SmallTalk.Confidence >= t.SmallTalk && c.SmallTalk.Confidence >= top {
		return DecideSmallTalk
	}
	offTopic := t.OffTopic + t.OffTopicSlope*max(0, top-t.Answer)
	if c.FollowsOn {
		// A follow-up names an aspect ("after the birth?", "early on?")
		// that may look off-topic on its own.
		offTopic = max(offTopic, followOnOffTopic)
	}
	if c.Continues {
		offTopic += conversationLeeway
	}
	if top < t.Answer || c.OffTopic > offTopic {
		return DecideFallback
	}
	if cs := c.Candidates; len(cs) > 1 && cs[1].Confidence >= t.Answer && cs[0].Confidence-cs[1].Confidence < t.Margin {
		return DecideClarify
	}
	return DecideAnswer
}
