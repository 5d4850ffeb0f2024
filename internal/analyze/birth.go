package analyze

// postnatalWords name the time after the birth by themselves.
var postnatalWords = map[string]bool{"postnatal": true, "postnatally": true, "postpartum": true}

// Postnatal reports whether the lemma names the time after the birth by
// itself: "postnatal", "postpartum".
func Postnatal(lemma string) bool { return postnatalWords[lemma] }

// Delivered reports whether the member tells that she has had her baby
// and names no pregnancy now: "gave birth 5 weeks ago", "had my baby 3
// weeks ago", "my 8 week old", "3 weeks pp". Her back then is no
// pregnancy back: "Gave birth 5 weeks ago and my lower back aches when I
// lift the baby out of the cot" is asked after the birth, whatever the
// question sentence says. "My 2 year old" is an older child; "had my
// first 3 years ago, now 20 weeks" is pregnant again.
func Delivered(words []Token) bool {
	told := false
	for i, t := range words {
		switch l := t.Lemma; {
		case (l == "pregnant" || l == "expecting") && i > 0 && (words[i-1].Term == "was" || words[i-1].Term == "were"):
			// "worse than when I was pregnant"
		case l == "pregnant" || l == "pregnancy" || l == "expecting" || l == "trimester" || l == "bump" || t.Gestation():
			return false
		case l == NumberLemma && i+1 < len(words):
			next := words[i+1].Lemma
			after := ""
			if i+2 < len(words) {
				after = words[i+2].Lemma
			}
			switch {
			case (next == "week" || next == "day") && (after == "old" || after == "ago" || after == "pp" || postnatalWords[after]):
				told = true // "my 8 week old", "3 weeks pp"
			case next == "week" || next == "wk":
				return false // "I'm 30 weeks": pregnant now
			}
		case (l == "give" || l == "have") && i+1 < len(words) && (words[i+1].Lemma == "birth" || i+2 < len(words) &&
			(words[i+1].Lemma == "my" || words[i+1].Lemma == "the" || words[i+1].Lemma == "our") && bornWords[words[i+2].Lemma]):
			for k := i + 2; k < len(words) && k <= i+6 && !words[k].Is(Break); k++ {
				if words[k].Lemma == "ago" {
					told = true // "gave birth 5 weeks ago", "had my baby 3 weeks ago"
				}
			}
		}
	}
	return told
}

// Born reports, more strictly than Delivered, whether the member tells
// that she has had her baby and names no pregnancy now: "5 weeks pp",
// "LO is 5 wks", "my 8 week old", "had my baby 9 days ago", "since my
// section". Never a time gone by alone ("my waters went 2 days ago",
// "IVF transfer was 4 weeks ago") nor another's child ("my daughter is
// 38 weeks"). Triage asks it before it reads a sign of the pregnancy
// itself, or lochia, as none.
func Born(words []Token) bool {
	told := false
	for i, t := range words {
		switch l := t.Lemma; {
		case (l == "pregnant" || l == "expecting") && i > 0 && (words[i-1].Term == "was" || words[i-1].Term == "were"):
		case l == "pregnant" || l == "pregnancy" || l == "expecting" || l == "trimester" || l == "bump" || t.Gestation():
			return false
		case l == NumberLemma && i+1 < len(words) && (words[i+1].Lemma == "week" || words[i+1].Lemma == "day" || words[i+1].Lemma == "wk"):
			after := ""
			if i+2 < len(words) {
				after = words[i+2].Lemma
			}
			switch {
			case after == "pp" || postnatalWords[after]:
				told = true // "3 weeks pp"
			case after == "old" && i > 0 && (words[i-1].Lemma == "my" || words[i-1].Lemma == "be" && i > 1 && words[i-2].Lemma == "lo"):
				told = true // "my 8 week old", "LO is 2 weeks old"
			case i > 1 && words[i-1].Lemma == "be" && words[i-2].Lemma == "lo":
				told = true // "LO is 5 wks"
			case after != "ago" && after != "old":
				return false // "I'm 30 weeks": pregnant now
			}
		case l == "since" && sinceBirth(words, i):
			told = true // "since my section", "since the birth"
		case (l == "give" || l == "have") && i+1 < len(words) && (words[i+1].Lemma == "birth" || i+2 < len(words) &&
			(words[i+1].Lemma == "my" || words[i+1].Lemma == "the" || words[i+1].Lemma == "our") && bornWords[words[i+2].Lemma]):
			for k := i + 2; k < len(words) && k <= i+6 && !words[k].Is(Break); k++ {
				if words[k].Lemma == "ago" {
					told = true // "gave birth 5 weeks ago", "had my baby 9 days ago"
				}
			}
		}
	}
	return told
}

// sinceBirth reports whether the "since" at words[i] counts from the
// birth: "since my section", "since the birth", "since having him".
func sinceBirth(words []Token, i int) bool {
	for k := i + 1; k < len(words) && k <= i+3 && !words[k].Is(Break); k++ {
		switch words[k].Lemma {
		case "birth", "section", "csection", "caesarean", "cesarean", "delivery":
			return true
		}
	}
	return false
}

// bornWords name the baby she has had.
var bornWords = map[string]bool{"baby": true, "son": true, "daughter": true, "lo": true, "boy": true, "girl": true, "twins": true}
