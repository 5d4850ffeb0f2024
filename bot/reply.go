package bot

import (
	"strconv"
	"strings"
)

// Kind says what sort of reply the engine chose.
type Kind string

// Reply kinds. Metrics and logs use these names.
const (
	KindAnswer Kind = "topic"
	// KindMore is a later part of a topic answer too long for one screen,
	// shown after "Tell me more". It is not counted as another answer.
	KindMore   Kind = "more"
	KindUrgent Kind = "urgent" // a danger sign (red flag)
	// KindCrisis meets thoughts of suicide or self-harm. Urgent.
	KindCrisis Kind = "crisis"
	// KindAbuse meets domestic abuse. Urgent.
	KindAbuse Kind = "abuse"
	// KindLoss meets a pregnancy loss with care. Not urgent by itself.
	KindLoss Kind = "loss"
	// KindAfterLoss meets a member pregnant again after an earlier loss,
	// who asks nothing the bot has an answer for, with care. Not urgent.
	KindAfterLoss   Kind = "after-loss"
	KindClarify     Kind = "clarification"
	KindFallback    Kind = "fallback"
	KindDecline     Kind = "decline"
	KindInfo        Kind = "info" // start, help, about, category lists
	KindRateLimited Kind = "rate-limited"
	// KindSmallTalk answers a greeting, thanks, an "ok" or a goodbye.
	KindSmallTalk Kind = "smalltalk"
	// KindFeedback acknowledges a press of a feedback button (👍 or 👎).
	// Its first block is the acknowledgement itself, short enough for a
	// platform's passing notice (Telegram's answerCallbackQuery); any
	// further blocks, with the buttons, are a message to send (after 👎,
	// the invitation to say what was missing).
	KindFeedback Kind = "feedback"
	// KindNone means stay silent: the message was not for the bot.
	KindNone Kind = "none"
)

// BlockKind is the shape of a block of reply text.
type BlockKind int

// Block kinds.
const (
	Paragraph BlockKind = iota
	// Bullets is a list; its items are in Items.
	Bullets
	// Heading is a short title line, such as a topic's title.
	Heading
	// Notice is a side note in smaller or quieter type: the disclaimer,
	// the source line.
	Notice
)

// Block is a piece of reply text. Adapters render each kind in their
// platform's format; Text and Items are plain, unescaped text.
type Block struct {
	Kind  BlockKind
	Text  string
	Items []string
}

// Button is a choice the user can press. Payload goes back to the engine
// as Message.Payload; it is at most 64 bytes. A button with a URL instead
// opens that address (a link button) and has no payload.
type Button struct {
	Label   string `json:"label"`
	Payload string `json:"payload,omitempty"`
	URL     string `json:"url,omitempty"`
	// Row lays buttons out side by side: consecutive buttons with the same
	// non-empty Row share one row (the 👍 and 👎 buttons, RowFeedback).
	// Buttons without one are laid out as the platform sees fit.
	Row string `json:"row,omitempty"`
}

// Reply is the engine's platform-neutral answer to a Message.
type Reply struct {
	Kind    Kind
	Blocks  []Block
	Buttons []Button
	// TopicID is the topic answered, if any.
	TopicID string
	// RedFlags lists the urgent safety categories found (danger signs,
	// crisis, abuse), most urgent first.
	RedFlags []string
	// Safety lists every safety category the message raised, urgent or
	// not (pregnancy loss is not urgent by itself), most urgent first.
	Safety []string
	// Confidence is the matcher's confidence in TopicID, in [0,1].
	Confidence float64
	// Urgent is true when the reply tells the user to get help now.
	// Adapters show it first and alone, without buttons.
	Urgent bool
	// Fallback is true when the bot could not answer the question.
	Fallback bool
	// Guesses are the matcher's best topics for a question, best first,
	// whatever was decided; the gaps report uses them.
	Guesses []Candidate
	// Feedback is set when the message rated an answer or commented on one.
	Feedback *Feedback
	// KnowledgeVersion identifies the knowledge base that produced the
	// reply (knowledge.Base.Version), so that reports can compare versions.
	KnowledgeVersion string

	rating string // the feedback nonce of an answer shown in parts
}

// Vote is a member's verdict on an answer.
type Vote string

// Votes.
const (
	VoteUp   Vote = "up"
	VoteDown Vote = "down"
)

// Feedback is what a member said about one answer: a press of 👍 or 👎,
// or the message they wrote after 👎 ("what were you looking for?").
type Feedback struct {
	// Topic is the topic of the answer rated.
	Topic string
	// Vote is the button pressed; "" for a comment.
	Vote Vote
	// Comment is true for the message written after 👎; its text is in the
	// Message.
	Comment bool
	// Repeat is true when the answer had been rated already: nothing new
	// is counted.
	Repeat bool
}

// Silent reports whether the adapter should send nothing.
func (r Reply) Silent() bool { return r.Kind == KindNone }

// PlainText renders the reply as plain text, with bullets as "•" lines and
// buttons as a numbered list. The console and `backcare ask` use it.
func (r Reply) PlainText() string {
	var b strings.Builder
	r.writeBlocks(&b)
	if len(r.Buttons) > 0 {
		b.WriteString("\n")
		for i, btn := range r.Buttons {
			b.WriteString("\n  [")
			b.WriteString(strconv.Itoa(i + 1))
			b.WriteString("] ")
			b.WriteString(btn.Label)
			if btn.URL != "" {
				b.WriteString(": ")
				b.WriteString(btn.URL)
			}
		}
	}
	return b.String()
}

// Text renders only the reply's text blocks as plain text.
func (r Reply) Text() string {
	var b strings.Builder
	r.writeBlocks(&b)
	return b.String()
}

func (r Reply) writeBlocks(b *strings.Builder) {
	for i, blk := range r.Blocks {
		if i > 0 {
			b.WriteString("\n\n")
		}
		switch blk.Kind {
		case Bullets:
			for j, it := range blk.Items {
				if j > 0 {
					b.WriteByte('\n')
				}
				b.WriteString("• ")
				b.WriteString(it)
			}
		default:
			b.WriteString(blk.Text)
		}
	}
}

// ParseBlocks splits knowledge-base answer text into blocks: paragraphs
// are separated by blank lines, and lines starting with "- " or "* " are
// bullet items.
func ParseBlocks(text string) []Block {
	var blocks []Block
	var para []string
	var items []string
	flushPara := func() {
		if len(para) > 0 {
			blocks = append(blocks, Block{Kind: Paragraph, Text: strings.Join(para, " ")})
			para = nil
		}
	}
	flushItems := func() {
		if len(items) > 0 {
			blocks = append(blocks, Block{Kind: Bullets, Items: items})
			items = nil
		}
	}
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			flushPara()
			flushItems()
		case strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "* "):
			flushPara()
			items = append(items, strings.TrimSpace(line[2:]))
		case len(items) > 0 && len(para) == 0 && !startsSentence(line):
			items[len(items)-1] += " " + line // a wrapped bullet
		default:
			flushItems()
			para = append(para, line)
		}
	}
	flushPara()
	flushItems()
	return blocks
}

func startsSentence(line string) bool {
	return line != "" && line[0] >= 'A' && line[0] <= 'Z'
}
