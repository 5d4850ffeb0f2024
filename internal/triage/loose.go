package triage

import (
	"slices"
	"strings"

	"github.com/backcare/backcare/internal/analyze"
)

// A Loose word is a word of an unless pattern that is compared as a
// common word under another form: "doing" is read as "do", so it also
// meets "don't", "did" and "does"; "weeing" is read as "wee", and meets
// Scots "wee tightenings". Such a word cancels far more than its writer
// meant, and a cancelled match is a danger sign missed.
type Loose struct {
	Word, Lemma string
}

// looseLemmas are the common words whose other forms an unless pattern
// rarely means.
var looseLemmas = map[string]bool{"do": true, "be": true, "have": true, "get": true, "go": true, "say": true,
	"think": true, "wee": true}

// LooseWords returns the loose words of an unless pattern (see Loose).
// Words in a sequence ("doing_my") are compared in their place and are
// not loose, and nor is a word whose alternatives name its common form
// too ("do|did|doing": every form is meant); group names and numbers are
// skipped.
func LooseWords(a *analyze.Analyzer, pattern string) []Loose {
	var out []Loose
	for _, item := range strings.Fields(pattern) {
		alts := strings.Split(strings.ToLower(item), altSep)
		for _, alt := range alts {
			if alt == "" || strings.Contains(alt, "_") || strings.HasPrefix(alt, "{") || strings.HasPrefix(alt, analyze.NumberLemma) || alt == "&" {
				continue
			}
			lemmas := a.Lemmas(alt)
			if len(lemmas) == 1 && lemmas[0] != alt && looseLemmas[lemmas[0]] && !slices.Contains(alts, lemmas[0]) {
				out = append(out, Loose{alt, lemmas[0]})
			}
		}
	}
	return out
}

// DashedWords returns the alternatives of a trigger or pattern written
// with a dash ("shoulder-tip"). The analyzer splits a message's
// "shoulder-tip" into two words, and so such an alternative stands for
// two loose words anywhere near each other ("between my shoulders,
// posture tips"), not for the two in order: write "shoulder_tip".
func DashedWords(pattern string) []string {
	var out []string
	for _, item := range strings.Fields(pattern) {
		for _, alt := range strings.Split(item, altSep) {
			if strings.Contains(alt, "-") && !strings.Contains(alt, "_") && !strings.HasPrefix(alt, analyze.NumberLemma) && !strings.HasPrefix(alt, "{") {
				out = append(out, alt)
			}
		}
	}
	return out
}

// NumberWords returns the numbers written in digits in a trigger or
// pattern ("my_10", "10_kicks"). Words are compared as lemmas and every
// number's lemma is "#", so a number stands for any number: "my_10" meets
// "my 2 year old". Write "#" to mean any number, or the number in words
// ("ten_kicks") to mean that one.
func NumberWords(pattern string) []string {
	var out []string
	for _, item := range strings.Fields(pattern) {
		for _, alt := range strings.Split(item, altSep) {
			if strings.HasPrefix(alt, analyze.NumberLemma) && !strings.Contains(alt, "_") {
				continue // "#", "#37.8-43": a number or a range, as meant
			}
			for _, part := range strings.Split(alt, "_") {
				if part != "" && part[0] >= '0' && part[0] <= '9' {
					out = append(out, alt)
					break
				}
			}
		}
	}
	return out
}

// SkippedWords returns the alternatives of a trigger or pattern that
// stand among others and read as skipped words only ("be|am", "is|feel",
// "the|my"). The compiler leaves "be", "a", "an" and "the" out of every
// pattern, since contractions make them unreliable ("she's been", "baby's
// not"), so such an alternative never matches: "is|feel sore" is "feel
// sore", and "be|am" is no item at all. A lone skipped word ("she be
// tired") is meant to be left out and is not returned.
func SkippedWords(a *analyze.Analyzer, pattern string) []string {
	var out []string
	for _, item := range strings.Fields(pattern) {
		alts := strings.Split(strings.ToLower(item), altSep)
		if len(alts) < 2 {
			continue
		}
		for _, alt := range alts {
			if alt == "" || strings.Contains(alt, "_") || strings.HasPrefix(alt, "{") || strings.HasPrefix(alt, analyze.NumberLemma) || alt == "&" {
				continue
			}
			lemmas := a.Lemmas(alt)
			if len(lemmas) > 0 && !slices.ContainsFunc(lemmas, func(l string) bool { return !skipped[l] }) {
				out = append(out, alt)
			}
		}
	}
	return out
}
