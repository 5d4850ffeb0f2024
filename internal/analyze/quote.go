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
// A word of agreement does so where a reply puts it: at its opening ("same
// here!! 37 weeks", "yes but mine burns now too", "this is literally me
// rn"), in its first sentence ("thats what my nan said but mine's gone to
// tiny twitches"), or anywhere in a short reply; further on, only a phrase
// that cannot mean anything else does ("me too", "same here"). A "same"
// or an "also" in a later sentence about something else leaves the quote
// another's: "Sarah go in!! keep us updated. (also same, my knickers are
// always damp with discharge, midwife checked)".
func takesUp(own string) bool {
	var words []string
	notWord := func(r rune) bool { return !(unicode.IsLetter(r) || r == '+' || r == '1') }
	for w := range strings.FieldsFuncSeq(own, notWord) {
		words = append(words, strings.ToLower(w))
	}
	first, _, _ := strings.Cut(strings.TrimSpace(own), "\n")
	if k := strings.IndexAny(first, ".!?("); k >= 0 {
		first = first[:k]
	}
	opening := max(agreeingOpening, len(strings.FieldsFunc(first, notWord)))
	for i, w := range words {
		if agreeing[w] && (i < opening || len(words) <= 2*agreeingOpening) {
			return true
		}
		if i+1 < len(words) && agreeingPhrases[[2]string{w, words[i+1]}] {
			return true
		}
	}
	return false
}

// agreeingOpening is how many words open a reply, its first sentence
// aside: a word of agreement among them takes the quoted post up (see
// takesUp).
const agreeingOpening = 4

// agreeingPhrases take a quoted post up wherever they stand.
var agreeingPhrases = map[[2]string]bool{{"me", "too"}: true, {"same", "here"}: true, {"me", "aswell"}: true,
	{"me", "rn"}: true, {"me", "currently"}: true, {"happening", "now"}: true, {"is", "me"}: true}

// agreeing are the words that make another's post her own, or tell that
// it is happening to her: "same here", "this is me right now".
var agreeing = map[string]bool{"same": true, "too": true, "snap": true, "ditto": true, "also": true, "mine": true,
	"+1": true, "exactly": true, "aswell": true, "well": true, "this": true, "happening": true,
	"yes": true, "currently": true}
