package analyze

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// unquote returns text without the lines it quotes from another member,
// the lines that open with ">" and a word (how Discord and Telegram users
// quote a post they reply to): "> has anyone had a fall in pregnancy?\nnot
// me thankfully, but my back's so bad I'm scared of the stairs now". What
// another member wrote is not the member's own news. A ">" before a number
// or an emoticon (">:( bleeding heavily", "> 1 pad an hour") quotes
// nothing. The quote stays when nothing else is written, and when her own
// words take it up as hers ("same", "me too", "this is me", "happening
// right now"): "> my waters just went\nsame here!!" tells her own.
func unquote(text string) string {
	if !strings.Contains(text, ">") {
		return text // most messages
	}
	quoted := false
	for line := range strings.Lines(text) {
		quoted = quoted || quotes(line)
	}
	if !quoted {
		return text
	}
	var own strings.Builder
	for line := range strings.Lines(text) {
		if !quotes(line) {
			own.WriteString(line)
		}
	}
	rest := own.String()
	if strings.TrimSpace(rest) == "" || takesUp(rest) {
		return text
	}
	return rest
}

// quotes reports whether a line quotes another's post: ">" (and at most
// one space) before a letter.
func quotes(line string) bool {
	rest, ok := strings.CutPrefix(strings.TrimLeft(line, " \t"), ">")
	if !ok {
		return false
	}
	rest = strings.TrimPrefix(rest, " ")
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsLetter(r)
}

// takesUp reports whether her own words take up a quoted post as hers.
func takesUp(own string) bool {
	for w := range strings.FieldsFuncSeq(own, func(r rune) bool {
		return !(unicode.IsLetter(r) || r == '+' || r == '1')
	}) {
		if agreeing[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// agreeing are the words that make another's post her own, or tell that
// it is happening to her: "same here", "this is me right now".
var agreeing = map[string]bool{"same": true, "too": true, "snap": true, "ditto": true, "also": true, "mine": true,
	"+1": true, "exactly": true, "aswell": true, "well": true, "this": true, "happening": true,
	"yes": true, "currently": true}

// unpaste returns text without a passage it pastes from a leaflet or a
// website, told as such and the source named ("copied from the Tommy's site: \"Pain in the
// upper right part of your tummy ... can be a sign of pre-eclampsia.\"",
// "Pasting from the NHS page:\nCall your maternity unit if you have..."):
// the danger signs a leaflet lists are not the member's news. The passage
// is the quoted span after the source, or all that follows its colon; it
// stays when it speaks in the first person ("the leaflet says \"call if
// you bleed\" and I am bleeding" keeps her words), when it is short, and
// when nothing else is written.
func unpaste(text string) string {
	lower := strings.ToLower(text)
	at := -1
	for _, m := range pasteMarkers {
		if i := strings.Index(lower, m); i >= 0 && (at < 0 || i < at) {
			at = i + len(m)
		}
	}
	if at < 0 {
		return text
	}
	start, end := pastedSpan(text, at)
	if start < 0 || !namesSource(lower[max(at-24, 0):start]) {
		return text
	}
	passage := strings.ToLower(text[start:end])
	words := strings.FieldsFunc(passage, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	if len(words) < minPastedWords {
		return text
	}
	for _, w := range words {
		if firstPersonWords[w] {
			return text
		}
	}
	rest := text[:start] + text[end:]
	if strings.TrimSpace(rest) == "" {
		return text
	}
	return rest
}

// minPastedWords is the shortest passage unpaste takes for a leaflet's.
const minPastedWords = 5

// pasteMarkers tell that what follows is pasted from a source.
var pasteMarkers = []string{"copied from", "copy pasted from", "pasting from", "pasted from", "sharing from",
	"quoting from", "quote from", "leaflet says", "leaflet said", "website says", "site says", "page says",
	"nhs says", "from the leaflet"}

// namesSource reports whether the words that lead to a pasted passage
// name a leaflet or a website, not her own notes ("copied from my notes:
// bleeding since 6am" is hers).
func namesSource(lead string) bool {
	for _, w := range sourceWords {
		if strings.Contains(lead, w) {
			return true
		}
	}
	return false
}

// sourceWords name where a leaflet's words come from.
var sourceWords = []string{"nhs", "tommy", "leaflet", "website", "site", "page", "booklet", "guidance", "rcog",
	"nice ", "acog", "mayo", "babycentre", "baby centre", "bounty", "the app", "pregnancy app", "handout", "poster", "sands"}

// firstPersonWords keep a pasted passage hers.
var firstPersonWords = map[string]bool{"i": true, "i'm": true, "im": true, "i've": true, "ive": true, "my": true,
	"me": true, "mine": true, "myself": true, "we": true, "our": true, "us": true}

// pastedSpan returns the bounds of the passage pasted after text[at:]: a
// span in double quotes that opens there, or else all that follows the
// next colon; or -1 if there is none.
func pastedSpan(text string, at int) (start, end int) {
	rest := text[at:]
	if q := strings.IndexAny(rest, "\"“"); q >= 0 && !strings.Contains(rest[:q], "\n") {
		_, size := utf8.DecodeRuneInString(rest[q:])
		open := at + q + size
		if c := strings.IndexAny(text[open:], "\"”"); c >= 0 {
			return open, open + c
		}
		return open, len(text)
	}
	if c := strings.IndexByte(rest, ':'); c >= 0 && !strings.Contains(rest[:c], ".") {
		return at + c + 1, len(text)
	}
	return -1, -1
}
