package analyze

// Run-on words: swipe typing and a thumb that misses the space bar join
// whole messages into one word ("hepushedmedownthestairs",
// "excruciatingpainbackandbellywontstop27wks"). Such a word is split
// back into the words it is made of, the split that uses the fewest and
// most common words winning, before anything else reads it.

// minRunOn is the fewest letters a run of letters must have to be read as
// several words run together: shorter unknown words are typos, names or
// slang.
const minRunOn = 8

// maxRunOn is the most letters a run is split (a bound on the work a
// hostile message can ask for); longer runs stay as written.
const maxRunOn = 96

// minPieces is the fewest words a run must split into. Two words run
// together are as often a compound the word lists lack ("deadlifts",
// "hottub", "waterbreaking") as a slip of the thumb, and reading them as
// two could make a danger sign she did not write ("dead lifts").
const minPieces = 3

// shortRunOn is the fewest letters a run needs to be split into words of
// which one is rare (see pieceCost and rarePiece).
const shortRunOn = 12

// rarePiece is the cost at which a word of a split is rare.
const rarePiece = 18

// maxPiece is the longest word a run is split into.
const maxPiece = 24

// splitRunOns returns words with every run-on word replaced by the words
// it is made of (see splitRunOn). It returns words itself, unchanged,
// when there is none, which is nearly always.
func (a *Analyzer) splitRunOns(words []string) []string {
	var out []string
	for i, w := range words {
		pieces := a.splitRunOn(w)
		if pieces == nil {
			if out != nil {
				out = append(out, w)
			}
			continue
		}
		if out == nil {
			out = append(make([]string, 0, len(words)+len(pieces)), words[:i]...)
		}
		for _, p := range pieces {
			out = expand(p, out)
		}
	}
	if out == nil {
		return words
	}
	return out
}

// splitRunOn returns the words that w runs together, or nil when w is a
// word of its own: known to the knowledge base or to English, a
// misspelling the spelling fixer corrects, or a run of letters that no
// split into real words explains. Numbers inside stay words of their own:
// "fell27wks" is "fell", "27", "wks".
func (a *Analyzer) splitRunOn(w string) []string {
	if len(w) < minRunOn || isBreakWord(w) || !isASCIIWord(w) {
		return nil
	}
	if _, ok := a.known[w]; ok || a.lex.Known(w) {
		return nil
	}
	var out []string
	split := false
	for start := 0; start < len(w); {
		end := start + 1
		digits := isDigit(w[start])
		for end < len(w) && isDigit(w[end]) == digits {
			end++
		}
		run := w[start:end]
		if !digits && len(run) >= minRunOn {
			if pieces := a.segment(run); pieces != nil {
				out, split = append(out, pieces...), true
				start = end
				continue
			}
		}
		out = append(out, run)
		start = end
	}
	if !split {
		return nil
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// segment splits a run of lower-case letters into known words, choosing
// the split of least cost (see pieceCost), or returns nil when no split
// into at least minPieces words exists or the run is a misspelling of one
// word.
func (a *Analyzer) segment(run string) []string {
	if len(run) > maxRunOn {
		return nil
	}
	if _, ok := a.known[run]; ok || a.lex.Known(run) {
		return nil
	}
	if _, ok := a.typos.lookup(run); ok {
		return nil // "excrutiating" is one word misspelled, not several
	}
	const none = -1
	var cost, from [maxRunOn + 1]int
	for i := 1; i <= len(run); i++ {
		cost[i], from[i] = none, none
		for j := max(0, i-maxPiece); j < i; j++ {
			if cost[j] == none {
				continue
			}
			if c := a.pieceCost(run[j:i]); c >= 0 && (cost[i] == none || cost[j]+c < cost[i]) {
				cost[i], from[i] = cost[j]+c, j
			}
		}
	}
	if cost[len(run)] == none {
		return nil // no split into known words
	}
	var pieces []string
	for i := len(run); i > 0; i = from[i] {
		pieces = append(pieces, run[from[i]:i])
	}
	if len(pieces) < minPieces {
		return nil
	}
	if len(run) < shortRunOn {
		// A short run of a few rare words is more often a name the word
		// lists lack ("instagram" is no "in stag ram") than a slip of the
		// thumb, whose words are the commonest ("ifellover").
		for _, p := range pieces {
			if a.pieceCost(p) >= rarePiece {
				return nil
			}
		}
	}
	for l, r := 0, len(pieces)-1; l < r; l, r = l+1, r-1 {
		pieces[l], pieces[r] = pieces[r], pieces[l]
	}
	return pieces
}

// pieceCost returns what a word costs in a split, or -1 when it may not
// be one of its words. Every word costs something, so that fewer, longer
// words win ("alive anymore", not "a live any more"); rarer words cost
// more, so that common readings win ("now theres", not "nowt heres"). A
// word of one letter must be "a" or "i"; one of two or three letters must
// be common, or a contraction typed without its apostrophe ("im",
// "dont"): rare short words ("ab", "ult") would split anything.
func (a *Analyzer) pieceCost(p string) int {
	if len(p) == 1 {
		switch p {
		case "i":
			return 12 // the commonest word of a run-on: "nowidoallthelifting"
		case "a":
			return 15
		}
		return -1
	}
	if _, ok := contractions[p]; ok {
		if len(p) == 2 {
			return 16 // "im", but not Scots "wi" in "now i"
		}
		return 12
	}
	if tier, ok := a.lex.Tier(p); ok {
		switch {
		case len(p) == 2 && tier > 20, len(p) == 3 && tier > 35:
			return -1
		case tier <= 10:
			return 10
		case tier <= 20:
			return 13
		case tier <= 35:
			return 18
		case tier <= 50:
			return 28
		}
		return 45
	}
	if _, ok := shorthand[p]; ok && len(p) >= 3 {
		return 15 // "wks", "pls", "hrs"
	}
	if _, ok := a.known[p]; ok && len(p) >= 4 {
		return 20 // the knowledge base's own words: "backache", "tens"
	}
	return -1
}
