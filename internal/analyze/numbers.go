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
	if !strings.Contains(s, "ty") && !strings.Contains(s, " w") {
		return s // most text: no tens word in it, nor a word before weeks
	}
	var b strings.Builder
	last := 0 // s[:last] is written
	for i := 0; i < len(s); {
		if !isLetterByte(s[i]) || i > 0 && isLetterByte(s[i-1]) {
			i++
			continue
		}
		w, end := wordAt(s, i)
		tens, ok := tensWords[w]
		if !ok {
			if n, ok := smallNumbers[w]; ok && weeksAfter(s, end) {
				b.WriteString(s[last:i])
				b.WriteString(strconv.Itoa(n))
				last = end
			}
			i = end
			continue
		}
		n := tens
		if u, uEnd, ok := unitAfter(s, end); ok {
			n, end = n+u, uEnd
		}
		num := strconv.Itoa(n)
		// A spoken decimal point: "thirty eight point four", "thirty
		// seven point eight five".
		if j, ok := after(s, end, "point"); ok {
			digits := ""
			for {
				d, dEnd, ok := digitAt(s, j)
				if !ok {
					break
				}
				digits += d
				end = dEnd
				if j, ok = skipSpace(s, dEnd); !ok {
					break
				}
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

// smallNumbers are the spoken numbers below twenty, written in digits
// only before weeks (see spokenNumbers).
var smallNumbers = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}

// weeksAfter reports whether weeks are named right after s[:i]: " weeks",
// " wks", " week".
func weeksAfter(s string, i int) bool {
	j, ok := skipSpace(s, i)
	if !ok {
		return false
	}
	w, end := wordAt(s, j)
	switch w {
	case "week", "weeks", "wk", "wks", "weeker":
		return end == len(s) || !isLetterByte(s[end])
	}
	return false
}

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
	if u, ok := unitWords[w]; ok && (end == len(s) || !isLetterByte(s[end])) {
		return u, end, true
	}
	return 0, i, false
}

// after reports where the word after the given one starts, when the word
// right after s[:i] is the given one: " point four".
func after(s string, i int, word string) (int, bool) {
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
