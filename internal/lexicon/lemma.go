package lexicon

import "strings"

// Lemma returns the dictionary form of w (lower case): "contractions" →
// "contraction", "leaving" → "leave", "bled" → "bleed", "babies" →
// "baby". Regular endings are removed only when what is left is a word
// at least as common as w, so "morning" stays "morning" (not "morn") and
// "pants" stays "pants"; irregular forms come from a table. A word the
// lexicon does not know is returned as it is.
//
// The same function reads trigger phrases and messages, so what matters
// most is that every form of one word meets at one lemma, and that
// different words do not.
func (l *Lexicon) Lemma(w string) string {
	if base, ok := irregular[w]; ok {
		return base
	}
	if keep[w] || len(w) < 4 {
		return w
	}
	tier, known := l.Tier(w)
	if !known {
		tier = 100 // a word we do not know may still be a regular form of one we do
	}
	try := func(base string) bool {
		t, ok := l.Tier(base)
		return ok && t <= tier
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		if b := w[:len(w)-3] + "y"; try(b) {
			return b // babies, tries
		}
	case strings.HasSuffix(w, "ied") && len(w) > 4:
		if b := w[:len(w)-3] + "y"; try(b) {
			return b // tried, worried
		}
	case strings.HasSuffix(w, "ying") && len(w) > 5:
		if b := w[:len(w)-4] + "ie"; try(b) {
			return b // lying, dying
		}
		if b := w[:len(w)-3]; try(b) {
			return b // crying, trying
		}
	case strings.HasSuffix(w, "ing") && len(w) > 5:
		stem := w[:len(w)-3]
		if b := undouble(stem); b != stem && try(b) {
			return b // slipping, stopping
		}
		if b := stem + "e"; cvc(stem) && try(b) {
			return b // staring, caring, taping: "star" would be "starring"
		}
		if try(stem) {
			return stem // kicking, bleeding
		}
		if b := stem + "e"; try(b) {
			return b // leaving, moving
		}
	case strings.HasSuffix(w, "ed") && len(w) > 4:
		stem := w[:len(w)-2]
		if b := undouble(stem); b != stem && try(b) {
			return b // slipped, stopped
		}
		if b := w[:len(w)-1]; cvc(stem) && try(b) {
			return b // stared, timed, taped: "star" would be "starred"
		}
		if try(stem) {
			return stem // kicked, leaked
		}
		if b := w[:len(w)-1]; try(b) {
			return b // moved, bruised
		}
	case strings.HasSuffix(w, "es") && len(w) > 4:
		if b := w[:len(w)-2]; sibilant(b) && try(b) {
			return l.Lemma(b) // pushes, boxes
		}
		if b := w[:len(w)-1]; try(b) {
			return l.Lemma(b) // aches, shoes
		}
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		if b := w[:len(w)-1]; try(b) {
			return l.Lemma(b) // kicks, contractions; "tightenings" goes on to "tighten"
		}
	}
	return w
}

// undouble turns "slipp" into "slip": a doubled final consonant added
// before -ed and -ing.
func undouble(s string) string {
	n := len(s)
	if n >= 3 && s[n-1] == s[n-2] && !strings.ContainsRune("aeiouslz", rune(s[n-1])) {
		return s[:n-1]
	}
	return s
}

func sibilant(s string) bool {
	return strings.HasSuffix(s, "s") || strings.HasSuffix(s, "x") || strings.HasSuffix(s, "z") ||
		strings.HasSuffix(s, "ch") || strings.HasSuffix(s, "sh") || strings.HasSuffix(s, "o")
}

// keep lists words whose regular-looking ending is part of a different
// word: "spotting" (bleeding) is not "spot", "news" is not "new".
var keep = map[string]bool{
	"spotting": true, "news": true, "pants": true, "species": true, "series": true, "lens": true,
	"during": true, "morning": true, "evening": true, "ceiling": true, "wedding": true, "clothing": true,
	"nothing": true, "something": true, "anything": true, "everything": true, "thing": true, "things": true,
	"sling": true, "string": true, "spring": true, "bring": true, "king": true, "ring": true, "sing": true,
	"left": true, "waters": true, "glasses": true, "trousers": true, "knickers": true, "leggings": true,
	"bedding": true, "pudding": true, "building": true, "nursing": true, "ages": true, "means": true,
	"bloody": true, "need": true, "feed": true, "bleed": true, "speed": true, "seed": true, "breed": true,
	"tired": true, "red": true, "bed": true, "wed": true, "shed": true, "hundred": true, "sacred": true,
	"chills": true, "shivers": true, "sweats": true, "legs": true, "tripped": true, "tripping": true,
	"slipped": true, "slipping": true, "heaven": true, "waves": true, "timed": true, "hurting": true, "harming": true,
	"bumped": true, "contracting": true, "bloods": true,
}

// irregular maps irregular forms to their lemma. Only forms that danger
// signs and everyday questions need are listed; ambiguous ones ("left",
// "lay") are left alone or mapped to their commonest sense.
var irregular = map[string]string{
	"am": "be", "is": "be", "are": "be", "was": "be", "were": "be", "been": "be", "being": "be",
	"has": "have", "had": "have", "having": "have",
	"does": "do", "did": "do", "done": "do", "doing": "do",
	"goes": "go", "went": "go", "gone": "go", "going": "go",
	"fell": "fall", "fallen": "fall", "falling": "fall", "falls": "fall",
	"felt": "feel", "bled": "bleed", "broke": "break", "broken": "break",
	"woke": "wake", "woken": "wake", "lying": "lie", "lain": "lie", "lay": "lie", "laying": "lie",
	"sat": "sit", "sitting": "sit", "stood": "stand", "kept": "keep", "slept": "sleep",
	"got": "get", "gotten": "get", "getting": "get", "gave": "give", "given": "give",
	"took": "take", "taken": "take", "came": "come", "coming": "come", "saw": "see", "seen": "see",
	"lost": "lose", "losing": "lose", "found": "find", "told": "tell", "said": "say",
	"thought": "think", "bought": "buy", "brought": "bring", "caught": "catch", "held": "hold",
	"ran": "run", "running": "run", "began": "begin", "begun": "begin", "swam": "swim", "swum": "swim",
	"wore": "wear", "worn": "wear", "threw": "throw", "thrown": "throw", "shook": "shake", "shaken": "shake",
	"drove": "drive", "driven": "drive", "rode": "ride", "ridden": "ride", "wrote": "write", "written": "write",
	"ate": "eat", "eaten": "eat", "drank": "drink", "drunk": "drink", "grew": "grow", "grown": "grow",
	"knew": "know", "known": "know", "tore": "tear", "torn": "tear", "stuck": "stick", "slid": "slide",
	"hit": "hit", "hitting": "hit", "hurt": "hurt", "put": "put", "putting": "put",
	"spat": "spit", "bitten": "bite", "struck": "strike", "fought": "fight", "sought": "seek",
	"children": "child", "feet": "foot", "teeth": "tooth", "women": "woman", "men": "man",
	"lives": "life", "wives": "wife", "knives": "knife", "halves": "half",
}

// cvc reports whether stem ends in one consonant after one vowel after a
// consonant ("star", "tap", "tim"), the shape whose final consonant
// English doubles before -ing and -ed: a single one ("staring", "timed")
// means the word's own "e" was dropped. Not w, x or y ("snowing").
func cvc(stem string) bool {
	n := len(stem)
	if n < 3 {
		return false
	}
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	c1, v, c2 := stem[n-3], stem[n-2], stem[n-1]
	return !vowel(c1) && vowel(v) && !vowel(c2) && strings.IndexByte("wxy", c2) < 0
}
