package analyze

import (
	"strconv"
	"strings"
)

// spokenNumbers writes in digits the numbers a member dictates or spells
// out from twenty up, with their units and a spoken decimal point:
// "thermometer says thirty eight point four" is "38.4", "twenty nine
// weeks" is "29 weeks", "thirty-two" is "32". Readings and weeks are what
// the danger signs' patterns count (see NumberLemma). Below twenty, only
// weeks are written in digits ("spotting at seven weeks", "only five
// weeks"): otherwise "one" is as often a pronoun ("lost one at 12
// weeks"), and patterns name the small ones as words ("five minutes
// apart", "for two days").
func spokenNumbers(s string) string {
	if !strings.Contains(s, "ty") && !strings.Contains(s, "week") && !strings.Contains(s, "wk") {
		return s // most text: no tens word in it, nor weeks for a small number to count
	}
	var b strings.Builder
	last := 0 // s[:last] is written
	for i := 0; i < len(s); {
		if !isLetterByte(s[i]) || i > 0 && isLetterByte(s[i-1]) {
			i++
			continue
		}
		w, end := wordAt(s, i)
		tens, isTens := tensWords[w]
		if !isTens {
			if n, small := smallNumber(w); small && weeksAfter(s, end) {
				b.WriteString(s[last:i])
				b.WriteString(strconv.Itoa(n))
				last = end
			}
			i = end
			continue
		}
		n := tens
		if u, uEnd, hasUnit := unitAfter(s, end); hasUnit {
			n, end = n+u, uEnd
		}
		num := strconv.Itoa(n)
		// A spoken decimal point, at most two digits after it: "thirty
		// eight point four", "thirty seven point eight five", never
		// "thirty eight point four one hour ago" as 38.41.
		if j, pointed := wordThen(s, end, "point"); pointed {
			digits := ""
			for len(digits) < maxSpokenDecimals {
				d, dEnd, isDigit := digitAt(s, j)
				if !isDigit || digits != "" && countsAfter(s, dEnd) {
					break // "point four one hour ago": "one hour" is its own
				}
				digits += d
				end = dEnd
				next, more := skipSpace(s, dEnd)
				if !more {
					break
				}
				j = next
			}
			if digits != "" {
				num += "." + digits
			}
		}
		b.WriteString(s[last:i])
		b.WriteString(num)
		last, i = end, end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// tensWords are the spoken tens.
var tensWords = map[string]int{"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}

// unitWords are the spoken units, and the digits a spoken decimal may
// have.
var unitWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9}

// countsAfter reports whether a unit of time follows s[:i], so that the
// number before it counts that unit: " hour", " minutes", " days".
func countsAfter(s string, i int) bool {
	j, ok := skipSpace(s, i)
	if !ok {
		return false
	}
	switch w, _ := wordAt(s, j); w {
	case "hour", "hours", "hr", "hrs", "minute", "minutes", "min", "mins", "day", "days", "week", "weeks", "time", "times":
		return true
	}
	return false
}

// maxSpokenDecimals is how many spoken digits a decimal point takes.
const maxSpokenDecimals = 2

// teens are the spoken numbers from ten to nineteen (see smallNumber).
var teens = map[string]int{"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}

// smallNumber returns the value of a spoken number below twenty, written
// in digits only before weeks (see spokenNumbers).
func smallNumber(w string) (int, bool) {
	if n, ok := unitWords[w]; ok {
		return n, true
	}
	n, ok := teens[w]
	return n, ok
}

// weeksAfter reports whether weeks are named right after s[:i]: " weeks",
// " week", " wks", " wk", "-weeker".
func weeksAfter(s string, i int) bool {
	j, ok := skipSpace(s, i)
	if !ok {
		return false
	}
	switch w, _ := wordAt(s, j); w {
	case "week", "weeks", "wk", "wks", "weeker":
		return true
	}
	return false
}

// isLetterByte reports whether c is an ASCII lower-case letter: the text
// is normalised to lower case before spokenNumbers reads it.
func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' }

// wordAt returns the word of letters that starts at s[i] and its end.
func wordAt(s string, i int) (string, int) {
	end := i
	for end < len(s) && isLetterByte(s[end]) {
		end++
	}
	return s[i:end], end
}

// skipSpace returns where the next word starts after one space or hyphen
// at s[i].
func skipSpace(s string, i int) (int, bool) {
	if i < len(s) && (s[i] == ' ' || s[i] == '-') && i+1 < len(s) && isLetterByte(s[i+1]) {
		return i + 1, true
	}
	return i, false
}

// unitAfter reads a unit word right after s[:i]: " eight", "-two".
func unitAfter(s string, i int) (int, int, bool) {
	j, ok := skipSpace(s, i)
	if !ok {
		return 0, i, false
	}
	w, end := wordAt(s, j)
	if u, ok := unitWords[w]; ok {
		return u, end, true
	}
	return 0, i, false
}

// wordThen reports where the word after the given one starts, when the
// word right after s[:i] is the given one: " point four".
func wordThen(s string, i int, word string) (int, bool) {
	j, ok := skipSpace(s, i)
	if !ok {
		return i, false
	}
	w, end := wordAt(s, j)
	if w != word {
		return i, false
	}
	return skipSpace(s, end)
}

// digitAt reads one spoken digit at s[i]: "four", "oh", "zero".
func digitAt(s string, i int) (string, int, bool) {
	w, end := wordAt(s, i)
	switch w {
	case "zero", "oh", "nought":
		return "0", end, true
	}
	if u, ok := unitWords[w]; ok {
		return strconv.Itoa(u), end, true
	}
	return "", i, false
}
