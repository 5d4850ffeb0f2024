package bot

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FirstScreen is about how much of a topic answer a phone shows before
// its buttons, in characters: the title, the answer's text and its source
// line (the disclaimer that goes with a chat's first answer is not
// counted). A longer answer is shown in parts that each fit, cut between
// paragraphs or list items (between sentences only when one paragraph is
// longer than that), with a "Tell me more" button to the next part.
const FirstScreen = 600

// minRest is the least a later part should hold, in characters: rather
// than a last line or two behind a button, the cut comes earlier, or the
// answer is shown whole if it is at most screenSlack over FirstScreen.
const (
	minRest     = 120
	screenSlack = 60
)

// MoreLabel is the label of the button that shows the next part of an
// answer.
const MoreLabel = "Tell me more"

// payloadMore starts the payload of a "Tell me more" button:
// "more:<topic>:<part>:<nonce>", where nonce is the answer's feedback
// nonce, so that every part of one answer counts one rating (at most
// 5+40+1+2+1+16 bytes, within Telegram's 64).
const payloadMore = "more:"

// maxParts bounds the parts of one answer.
const maxParts = 20

// morePayload returns the payload of the button that shows part of topic.
func morePayload(topic string, part int, nonce string) string {
	return payloadMore + topic + ":" + strconv.Itoa(part) + ":" + nonce
}

// parseMore reads "more:<topic>:<part>:<nonce>". A payload may be forged,
// so every part is checked.
func parseMore(p string) (topic string, part int, nonce string, ok bool) {
	rest, ok := strings.CutPrefix(p, payloadMore)
	if !ok {
		return "", 0, "", false
	}
	fields := strings.Split(rest, ":")
	if len(fields) != 3 || !idLike(fields[0], 40) || fields[2] != "" && !nonceLike(fields[2]) {
		return "", 0, "", false
	}
	part, err := strconv.Atoi(fields[1])
	if err != nil || part < 1 || part >= maxParts {
		return "", 0, "", false
	}
	return fields[0], part, fields[2], true
}

// continuedTitle is the heading of an answer's later parts.
func continuedTitle(title string) string { return title + " (continued)" }

// unit is the smallest piece an answer is cut between: a sentence of a
// paragraph, or an item of a bullet list.
type unit struct {
	block int // index of the block it belongs to
	kind  BlockKind
	text  string
}

// paginate cuts an answer's blocks into parts, each of which fits on
// FirstScreen with its heading and the source line: part 0 under title,
// later parts under continuedTitle(title). An answer that fits is one
// part.
//
// Cuts fall between blocks or between list items, as late as fits; a
// paragraph that ends in a colon stays with the list it introduces.
// Between sentences of one paragraph is a last resort, for a paragraph
// that does not fit alone, and a sentence too long for a screen is never
// cut.
func paginate(title string, blocks []Block, source Block) [][]Block {
	units := unitsOf(blocks)
	if len(units) == 0 {
		return [][]Block{blocks}
	}
	fits := func(part, from, to int) bool {
		return screenLen(part, title, rebuild(units[from:to]), source) <= FirstScreen
	}
	// latest returns the latest cut after from that leaves a part that
	// fits and a rest of at least rest characters, preferring cuts between
	// blocks and items to cuts between sentences; -1 if there is none.
	latest := func(part, from, rest int) int {
		for _, worst := range []int{cutItem, cutSentence} {
			for to := len(units) - 1; to > from; to-- {
				if cutKind(units, to) <= worst && fits(part, from, to) && textLen(rebuild(units[to:])) >= rest {
					return to
				}
			}
		}
		return -1
	}
	var parts [][]Block
	for from := 0; from < len(units); {
		part := len(parts)
		whole := screenLen(part, title, rebuild(units[from:]), source)
		if whole <= FirstScreen || part == maxParts-1 {
			return append(parts, rebuild(units[from:]))
		}
		cut := latest(part, from, minRest)
		if cut < 0 && whole <= FirstScreen+screenSlack {
			return append(parts, rebuild(units[from:])) // a line or two more is not worth a button
		}
		if cut < 0 {
			cut = latest(part, from, 0)
		}
		if cut < 0 { // not even one piece fits: the smallest piece there is
			for cut = from + 1; cut < len(units) && cutKind(units, cut) == cutNever; cut++ {
			}
		}
		parts = append(parts, rebuild(units[from:cut]))
		from = cut
	}
	return parts
}

// Kinds of cut, from the most to the least welcome.
const (
	cutBlock    = iota // between paragraphs or lists
	cutItem            // between items of a list
	cutSentence        // between sentences of a paragraph
	cutNever           // after a paragraph that introduces a list
)

// cutKind says what a cut before units[i] would split.
func cutKind(units []unit, i int) int {
	prev, next := units[i-1], units[i]
	switch {
	case prev.block != next.block && prev.kind == Paragraph && strings.HasSuffix(prev.text, ":"):
		return cutNever
	case prev.block != next.block:
		return cutBlock
	case prev.kind == Bullets:
		return cutItem
	}
	return cutSentence
}

// unitsOf splits blocks into sentences and list items.
func unitsOf(blocks []Block) []unit {
	var units []unit
	for i, b := range blocks {
		switch b.Kind {
		case Bullets:
			for _, it := range b.Items {
				units = append(units, unit{block: i, kind: Bullets, text: it})
			}
		default:
			for _, s := range sentences(b.Text) {
				units = append(units, unit{block: i, kind: b.Kind, text: s})
			}
		}
	}
	return units
}

// rebuild joins units back into blocks.
func rebuild(units []unit) []Block {
	var blocks []Block
	for i, u := range units {
		if i > 0 && units[i-1].block == u.block {
			b := &blocks[len(blocks)-1]
			if u.kind == Bullets {
				b.Items = append(b.Items, u.text)
			} else {
				b.Text += " " + u.text
			}
			continue
		}
		if u.kind == Bullets {
			blocks = append(blocks, Block{Kind: Bullets, Items: []string{u.text}})
		} else {
			blocks = append(blocks, Block{Kind: u.kind, Text: u.text})
		}
	}
	return blocks
}

// sentences splits a paragraph after each ".", "!" or "?" that a space and
// a capital letter or a digit follow.
func sentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i+2 < len(text); i++ {
		if c := text[i]; (c == '.' || c == '!' || c == '?') && text[i+1] == ' ' {
			r, _ := utf8.DecodeRuneInString(text[i+2:])
			if unicode.IsUpper(r) || unicode.IsDigit(r) {
				out = append(out, text[start:i+1])
				start = i + 2
			}
		}
	}
	return append(out, text[start:])
}

// screenLen is the length of a part as a member sees it before the
// buttons: its heading, its text and the source line.
func screenLen(part int, title string, blocks []Block, source Block) int {
	if part > 0 {
		title = continuedTitle(title)
	}
	all := make([]Block, 0, len(blocks)+2)
	all = append(all, Block{Kind: Heading, Text: title})
	all = append(all, blocks...)
	return textLen(append(all, source))
}

// textLen is the length in characters of blocks rendered as Reply.Text does.
func textLen(blocks []Block) int {
	return utf8.RuneCountInString(Reply{Blocks: blocks}.Text())
}
