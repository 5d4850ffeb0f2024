package match

import "github.com/backcare/backcare/internal/analyze"

// painFree reports whether a message says her back does not hurt: it
// names back pain (see painLemmas) only to deny it ("no pains anywhere",
// "no back issues at all", "my back is totally fine"), so whatever it asks
// ("is running safe in pregnancy?", "can I keep lifting heavy?") is no
// question about back pain. A denial limited in time ("no back pain until
// 30 weeks") denies nothing now. It is stricter than backIsFine
// (others.go), which rules out a back named beside another complaint of
// pregnancy: there any negation before the back will do.
func painFree(words []analyze.Token, pain, others map[string]bool) bool {
	denied := false
	for j, t := range words {
		if !pain[t.Lemma] {
			continue
		}
		if !painDenied(words, j, pain, others) {
			return false
		}
		denied = true
	}
	return denied
}

// painDenied reports whether the pain word at j is denied: "no" up to
// three words before it in its clause, or "not (for) any", or "fine" and
// the like right after it ("back is totally fine"), in a clause with no
// limit in time.
func painDenied(words []analyze.Token, j int, pain, others map[string]bool) bool {
	lo, hi := j, j+1
	for lo > 0 && !words[lo-1].Is(analyze.Break) {
		lo--
	}
	for hi < len(words) && !words[hi].Is(analyze.Break) {
		hi++
	}
	if hi < len(words) && words[hi].Is(analyze.Question) {
		return false // "hot water bottle on my back ok?" asks
	}
	for k := lo; k < hi; k++ {
		if l := words[k].Lemma; timeLimits[l] || others[l] {
			// "no back pain until 30 weeks", "back was fine before";
			// "my friend had zero back pain" is not hers to deny.
			return false
		}
	}
	for k := j - 1; k >= lo && k >= j-3; k-- {
		switch l := words[k].Lemma; {
		case l == "no" || l == "zero":
			// "no pains anywhere", "no back issues at all", never "no
			// back support" nor "yes or no for pregnancy back".
			return j+1 >= hi || words[j+1].Is(analyze.Stop) || pain[words[j+1].Lemma] || denialEnds[words[j+1].Lemma]
		case l == "any":
			// "not for any pain", never "without hurting my back" nor
			// "didn't expect back pain this early".
			return k > lo && words[k-1].Is(analyze.Negation) || k-1 > lo && words[k-2].Is(analyze.Negation)
		case pain[l] || denialAdjectives[l] || l == "or" || l == "and" || l == "nor":
			continue // "no real back pain", "no pain or niggles"
		}
		return false
	}
	for k := j + 1; k < hi && k <= j+4; k++ {
		switch l := words[k].Lemma; {
		case fineWords[l]:
			return k > j+1 // "back is fine", "back totally fine", never "back ok?"
		case l == "be" || l == "totally" || l == "actually" || l == "completely" || l == "absolutely" || l == "perfectly" || l == "all":
			continue
		}
		break
	}
	return false
}

// painLemmas name back pain itself: the words a painFree message denies,
// the pain words the overview reads (painWords) and their other forms.
// Parts of the back and the pelvis count: "upper back totally fine, it's
// all by my tailbone" still hurts.
const painLemmas = painWords + " pains aches achy aching spasms hurts cramps niggle niggles twinge twinges stiff agony " +
	"issue issues problem problems spine tailbone coccyx hip hips pelvis pelvic sacrum sciatica shoulder shoulders neck spd pgp bum"

// fineWords say that all is well: "back is fine", "back's ok".
var fineWords = map[string]bool{"fine": true, "ok": true, "okay": true, "great": true, "perfect": true,
	"alright": true, "grand": true}

// denialAdjectives may stand between "no" and the pain it denies: "no
// real back pain".
var denialAdjectives = map[string]bool{"real": true, "actual": true, "major": true, "big": true, "bad": true,
	"proper": true, "serious": true, "other": true}

// denialEnds may follow a denied pain: "no pain anywhere", "no back issues
// whatsoever".
var denialEnds = map[string]bool{"anywhere": true, "whatsoever": true, "luckily": true, "thankfully": true, "yet": true}

// timeLimits bound a denial in time: "no back pain until 30 weeks".
var timeLimits = map[string]bool{"first": true, "previous": true, "last": true, "until": true, "till": true, "til": true, "before": true, "now": true, "anymore": true,
	"usually": true, "normally": true, "morning": true, "day": true, "lie": true, "lying": true, "sit": true, "sitting": true}
