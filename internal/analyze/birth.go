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
// that she herself has had her baby, days or weeks ago, and names no
// pregnancy now: "5 weeks pp", "my 8 week old", "LO is 2 weeks old", "had
// my baby 9 days ago", "gave birth 2 weeks ago", "since my section", "5
// days after c-section", "the afterpains when baby latches", "bleeding
// after the birth" (never "3 months after the birth").
// Never a time in months or years ("had my son 2 years ago, this is my
// second"), another's birth ("my sister had the baby 5 days ago", "my
// friend is 3 weeks pp"), an event of the pregnancy ("had my baby shower
// 2 weeks ago"), another's or an animal's age ("my 6 week old nephew",
// "puppy"), a time gone by alone ("my waters went 2 days ago") nor a
// past birth ("since the birth of my first"). Triage asks it before it
// reads a sign of the pregnancy itself, or lochia, as none.
func Born(words []Token) bool {
	if agedNow(words) && !pregnantToldNow(words) {
		// A birth story told after the birth, the baby's age given:
		// "waters went at 2am at 39+1 ... he's 3 weeks old now".
		return true
	}
	told := false
	for i, t := range words {
		switch l := t.Lemma; {
		case (l == "pregnant" || l == "expecting") && i > 0 && (words[i-1].Term == "was" || words[i-1].Term == "were"):
		case l == "pregnant" || l == "pregnancy" || l == "expecting" || l == "trimester" || l == "bump" || l == "due" ||
			l == "waters" || t.Gestation() || l == "this" && i+1 < len(words) && (words[i+1].Lemma == "one" || words[i+1].Lemma == "time"):
			return false // pregnant now: "this is my second... my waters have gone"
		case l == NumberLemma && i+2 < len(words) && (words[i+1].Lemma == "week" || words[i+1].Lemma == "day" || words[i+1].Lemma == "wk"):
			after := words[i+2].Lemma
			switch {
			case (after == "pp" || postnatalWords[after]) && selfTold(words, i):
				told = true // "3 weeks pp", "I'm 10 days postpartum"
			case after == "after" && (deliveredAt(words, i+3) || birthAfter(words, i+3)) && selfTold(words, i):
				told = true // "5 days after c-section", "2 weeks after the birth", "3 weeks after having a baby"
			case told && (after == "in" || after == "now" || words[i+2].Is(Break)):
				// The weeks since the birth she has told: "post birth
				// bleeding going down nicely, 4 weeks in".
			case after == "old" && i > 0 && (words[i-1].Lemma == "my" || i > 1 && words[i-1].Lemma == "be" && words[i-2].Lemma == "lo") &&
				(i+3 >= len(words) || words[i+3].Is(Break) || words[i+3].Lemma == "and" || bornWords[words[i+3].Lemma]):
				told = true // "my 8 week old", "my 8 week old son", "LO is 2 weeks old"; never "my 6 week old nephew"
			case after != "ago" && after != "old" && !(i > 1 && words[i-1].Lemma == "at" && endWords[words[i-2].Lemma]):
				// "I'm 30 weeks": pregnant now; not when a thing ended
				// at that week after the birth, told later ("the bleeding
				// after birth finished at 5 weeks ... 7 weeks pp").
				return false
			}
		case (l == "day" || l == "week") && i+2 < len(words) && words[i+1].Lemma == NumberLemma && (words[i+2].Lemma == "pp" || postnatalWords[words[i+2].Lemma]) && selfTold(words, i):
			told = true // "day 10 postpartum", "week 3 pp": the day counted since the birth
		case l == "since" && sinceBirth(words, i):
			told = true // "since my section"
		case (l == "after" || l == "post") && selfTold(words, i) && birthAfter(words, i+1) && !longBefore(words, i):
			told = true // "bleeding after the birth", "post birth", "after having my baby"
		case (l == "afterpains" || l == "afterpain" || l == "after" && i+2 < len(words) && (words[i+1].Lemma == "pains" || words[i+1].Lemma == "pain") && words[i+2].Lemma == "when") &&
			selfTold(words, i):
			told = true // "the afterpains when baby latches"; never "my sister has bad afterpains"
		case (l == "give" && i+1 < len(words) && words[i+1].Lemma == "birth" ||
			l == "have" && i+2 < len(words) && (words[i+1].Lemma == "my" || words[i+1].Lemma == "our") && bornWords[words[i+2].Lemma]) && selfTold(words, i):
			// Then at once "# days|weeks ago": "gave birth 5 weeks ago",
			// "had my baby 9 days ago", "had our baby 10 days ago"; never "had my baby shower 2
			// weeks ago" nor "had my son 2 years ago".
			k := i + 2
			if l == "have" {
				k = i + 3
			}
			if k+2 < len(words) && words[k].Lemma == NumberLemma && (words[k+1].Lemma == "week" || words[k+1].Lemma == "day") && words[k+2].Lemma == "ago" {
				told = true
			}
		}
	}
	return told
}

// endWords tell a thing ending at a week (see Born): "stopped at 5
// weeks", "finished at 6 weeks".
var endWords = map[string]bool{"stop": true, "finish": true, "end": true, "dry": true, "settle": true}

// selfTold reports whether the words before words[i] in its clause name
// no one but her: "I had my baby", "3 weeks pp"; never "my sister had the
// baby", "my friend is 3 weeks pp", "I was 6 weeks postnatal when...".
func selfTold(words []Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4 && !words[k].Is(Break); k-- {
		switch words[k].Lemma {
		case "she", "her", "he", "they", "friend", "sister", "cousin", "mum", "mom", "colleague", "neighbour", "neighbor",
			"sil", "mate", "bestie", "daughter", "niece", "aunt", "auntie":
			return false
		}
		if words[k].Term == "was" || words[k].Term == "were" {
			return false
		}
	}
	return true
}

// sinceBirth reports whether the "since" at words[i] counts from her own
// recent birth: "since my section", "since my c-section"; never "since the
// birth of my first", "since my section 3 years ago" nor "since the
// delivery of the new sofa".
func sinceBirth(words []Token, i int) bool {
	if i+2 >= len(words) || words[i+1].Lemma != "my" {
		return false
	}
	switch words[i+2].Lemma {
	case "section", "csection", "caesarean", "cesarean", "birth":
	default:
		return false
	}
	for k := i + 3; k < len(words) && k <= i+6 && !words[k].Is(Break); k++ {
		switch words[k].Lemma {
		case "of", "year", "years", "month", "months", "ago":
			return false
		}
	}
	return true
}

// longBefore reports whether months or years stand right before the
// "after" at words[i]: "3 months after having my baby", "a year after
// giving birth" are no weeks after a birth.
func longBefore(words []Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		switch words[k].Lemma {
		case "month", "months", "year", "years", "yr", "yrs":
			return true
		}
	}
	return false
}

// birthAfter reports whether words[k:] name her own birth after "after" or
// "post", with no "of" after it (never "after the birth of my first"):
// "the birth", "birth", "giving birth", "having my baby", "delivery".
func birthAfter(words []Token, k int) bool {
	if k < len(words) && (words[k].Lemma == "the" || words[k].Lemma == "my") {
		k++
	}
	switch {
	case k+1 < len(words) && (words[k].Lemma == "give" && words[k+1].Lemma == "birth"):
		k += 2
	case k+2 < len(words) && words[k].Lemma == "have" && (words[k+1].Lemma == "a" || words[k+1].Lemma == "my" || words[k+1].Lemma == "the") && bornWords[words[k+2].Lemma]:
		k += 3
	case k < len(words) && (words[k].Lemma == "birth" || words[k].Lemma == "delivery"):
		k++
	default:
		return false
	}
	return k >= len(words) || words[k].Lemma != "of"
}

// deliveredAt reports whether words[k] names her delivery, after "#
// days after": "5 days after c-section", "2 weeks after the birth",
// "after giving birth", "after my caesarean" (never "3 days after the
// fall").
func deliveredAt(words []Token, k int) bool {
	if k < len(words) && (words[k].Lemma == "the" || words[k].Lemma == "my" || words[k].Lemma == "give") {
		k++
	}
	return k < len(words) && deliveryWords[words[k].Lemma]
}

// deliveryWords name her baby's delivery (see deliveredAt).
var deliveryWords = map[string]bool{"section": true, "c": true, "csection": true, "cs": true, "caesarean": true, "cesarean": true,
	"birth": true, "delivery": true}

// agedNow reports whether the message gives the baby she has had an age
// in days or weeks: "she's 10 days old now", "now he's 6 weeks old",
// "LO is 2 weeks old", "my son is 3 weeks old" (never "my 6 week old
// nephew": see Born).
func agedNow(words []Token) bool {
	for i, t := range words {
		switch t.Lemma {
		case "he", "she", "lo", "baby", "son", "daughter", "boy", "girl", "twins":
		default:
			continue
		}
		j := i + 1
		if j < len(words) && words[j].Lemma == "be" {
			j++
		}
		if j+2 < len(words) && words[j].Lemma == NumberLemma && (words[j+1].Lemma == "day" || words[j+1].Lemma == "week" || words[j+1].Lemma == "wk") && words[j+2].Lemma == "old" {
			return true
		}
	}
	return false
}

// pregnantToldNow reports whether she tells a pregnancy of her own now:
// "I'm 30 weeks", "pregnant again", "expecting again".
func pregnantToldNow(words []Token) bool {
	for i, t := range words {
		switch {
		case (t.Lemma == "pregnant" || t.Lemma == "expecting") && i+1 < len(words) && words[i+1].Lemma == "again":
			return true
		case t.Lemma == "i" && i+3 < len(words):
			j := i + 1
			if words[j].Lemma == "be" {
				j++
			}
			if j+1 < len(words) && words[j].Lemma == NumberLemma && (words[j+1].Lemma == "week" || words[j+1].Lemma == "wk") &&
				(j+2 >= len(words) || words[j+2].Lemma != "old") {
				return true
			}
		}
	}
	return false
}

// BornWord reports whether the lemma names a baby had: "had the baby",
// "had a little girl", "had my son".
func BornWord(lemma string) bool { return bornWords[lemma] }

// bornWords name the baby she has had.
var bornWords = map[string]bool{"baby": true, "son": true, "daughter": true, "lo": true, "boy": true, "girl": true, "twins": true, "twin": true}
