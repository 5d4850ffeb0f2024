package analyze

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// NameWord replaces the words of a proper name (see maskNames): a word
// no trigger, pattern or example names ("watching someplace" for
// "watching Fall Out Boy").
const NameWord = "someplace"

// maskNames returns text with the proper names of things written in it
// replaced by NameWord, so that their words are not read as signs: "Fall
// Out Boy gig last night", "lunch at Bleeding Heart Yard", "'Fever' by
// Peggy Lee", "Breathless by The Corrs". A name is a run of capitalised
// words in a message written mostly in lower case: at least two words
// inside a sentence, three at its start (where the first is capitalised
// anyway), never opened by a possessive or "I" ("then My Waters Broke"
// is hers), and never a word in capitals ("PV", "BP"). A single
// capitalised word before "by" and a name is a title too, quoted or
// before a name of two words. A message in title case or in capitals has
// no names: every word is capitalised there. Names the knowledge base
// uses itself (known: two words or more, in lower case, "deep heat") are
// kept as words.
func maskNames(text string, known map[string]bool) string {
	if !mayName(text) {
		return text // most messages: no two capitalised words in a row
	}
	fields := strings.Fields(text)
	if len(fields) < 6 {
		return text
	}
	lower := 0
	for _, f := range fields {
		if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(f, "'\"‘“(")); unicode.IsLower(r) || unicode.IsDigit(r) || opensOwn(f) {
			lower++ // "I" is written in capitals whatever the style
		}
	}
	if lower*10 < len(fields)*7 {
		return text
	}
	masked := make([]bool, len(fields))
	found := false
	for i := 0; i < len(fields); {
		j := i
		for j < len(fields) && capitalised(fields[j]) && (j == i || !endsSentence(fields[j-1])) {
			j++
		}
		start := i == 0 || endsSentence(fields[i-1])
		n := j - i
		if n >= 2 && (!start || n >= 3) && !opensOwn(fields[i]) && !knownName(fields[i:j], known) {
			for k := i; k < j; k++ {
				masked[k] = true
			}
			found = true
		}
		if n == 1 && j+1 < len(fields) && strings.EqualFold(fields[j], "by") && capitalised(fields[j+1]) &&
			(quoted(fields[i]) || j+2 < len(fields) && capitalised(fields[j+2])) {
			// "'Fever' by Peggy Lee", "Breathless by The Corrs": a title
			// quoted, or before a name of two words.
			masked[i] = true
			found = true
		}
		if j == i {
			j++
		}
		i = j
	}
	if !found {
		return text
	}
	out := make([]string, 0, len(fields))
	for i, f := range fields {
		switch {
		case !masked[i]:
			out = append(out, f)
		case i > 0 && masked[i-1]:
			// one NameWord a name; its last word keeps its mark
			if p := trailingMarks(f); p != "" {
				out[len(out)-1] += p
			}
		default:
			out = append(out, NameWord+trailingMarks(f))
		}
	}
	return strings.Join(out, " ")
}

// mayName reports, without allocating, whether text has two words in a
// row that begin with a capital and go on in lower case (a name's least),
// or a capitalised word before " by " (a title's). One pass over its
// bytes: it is asked of every message and every example.
func mayName(text string) bool {
	prev, start := false, true // the last word was capitalised; at a word's start
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == ' ' || c == '\n' || c == '\t' {
			start = true
			continue
		}
		if !start {
			continue
		}
		start = false
		j := i
		for j < len(text) && (text[j] == '\'' || text[j] == '"' || text[j] == '(') {
			j++ // an opening quote or bracket
		}
		cap := j+1 < len(text) && (text[j] >= 'A' && text[j] <= 'Z' && text[j+1] >= 'a' && text[j+1] <= 'z' || text[j] >= 0x80)
		if cap && prev || prev && j+2 < len(text) && text[j] == 'b' && text[j+1] == 'y' && text[j+2] == ' ' {
			return true
		}
		prev = cap
	}
	return false
}

// knownName reports whether a capitalised run is a name the knowledge
// base uses itself ("Deep Heat", a medicine it declines to dose): it is
// read as words.
func knownName(run []string, known map[string]bool) bool {
	words := make([]string, len(run))
	for i, f := range run {
		words[i] = strings.ToLower(strings.Trim(f, "'\"‘’“”()[].,!?:;"))
	}
	for lo := range words {
		for hi := lo + 2; hi <= len(words); hi++ {
			if known[strings.Join(words[lo:hi], " ")] {
				return true
			}
		}
	}
	return false
}

// capitalised reports whether a word (quotes and brackets aside) begins
// with a capital and goes on in lower case: "Peggy", "Café"; not "PV", "I"
// or "3pm".
func capitalised(f string) bool {
	w := strings.Trim(f, "'\"‘’“”()[].,!?:;")
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || size == len(w) {
		return false
	}
	for _, r := range w[size:] {
		if unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// quoted reports whether a word stands in quotes: "'Fever'".
func quoted(f string) bool {
	return strings.ContainsAny(f[:1], "'\"‘“") && strings.ContainsAny(f[len(f)-1:], "'\"’”")
}

// endsSentence reports whether a word ends its sentence.
func endsSentence(f string) bool {
	return strings.ContainsAny(f[len(f)-1:], ".!?\n")
}

// opensOwn reports whether a capitalised run opens with a word that
// makes it the member's own words, not a name: "My Waters", "I".
func opensOwn(f string) bool {
	switch strings.ToLower(strings.Trim(f, "'\"‘’“”()")) {
	case "my", "i", "i'm", "im", "her", "his", "our", "your", "me", "we", "she", "he", "it", "its", "it's", "baby", "bump":
		return true
	}
	return false
}

// trailingMarks returns the punctuation that ends a word: "Yard," gives
// ",".
func trailingMarks(f string) string {
	w := strings.TrimRight(f, "'\"’”)")
	return strings.Trim(w[len(strings.TrimRight(w, ".,!?:;")):], " ")
}
