package analyze_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/backcare/backcare/internal/analyze"
	"github.com/backcare/backcare/knowledge"
)

func newAnalyzer(t testing.TB) *analyze.Analyzer {
	t.Helper()
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return analyze.New(kb)
}

func TestTerms(t *testing.T) {
	a := newAnalyzer(t)
	tests := []struct{ in, want string }{
		{"What helps BACK spasms?", "relief back spasm"},
		{"hot-water bottle on my tummy", "heat abdomen"},
		{"Heating pads", "heat"},
		{"lumbar cramps", "lower back spasm"},
		{"belly band", "belt"},
		{"matress", "mattress"},               // synonym of a misspelling
		{"accupunture", "acupunctur"},         // one edit from a known word
		{"stretchng", "stretch"},              // a missing letter
		{"I'M PREGGERS", "pregnant"},          // slang, case
		{"ＴＥＮＳ machine", "ten"},               // full-width letters normalised
		{"it's my baby's kicks", "babi kick"}, // possessives
		{"sooo sore", "pain"},                 // a stretched word
		{"putting my feet up", "rest"},        // an inflected verb starts a variant
		{"taking it easy", "rest"},
		{"putting ur feet up", "rest"},                 // the generic "your" stands for "my"
		{"sleep on their tummy", "sleep abdomen"},      // someone else's is not
		{"or is that an old wives tale", ""},           // framing: a synonym of myth, a stop word
		{"put my feet on the stool", "put feet stool"}, // not the whole variant
		{"I fell pregnant in June", "pregnant june"},   // a longer inflected variant over a shorter one as written
	}
	for _, tt := range tests {
		if got := strings.Join(a.Terms(tt.in), " "); got != tt.want {
			t.Errorf("Terms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCompound: the words of a variant of two words or more are marked,
// so that "cat" in "cat cow" is not read as a pet.
func TestCompound(t *testing.T) {
	a := newAnalyzer(t)
	var an analyze.Analysis
	a.Analyze("is cat cow ok for my cat", &an)
	var got []bool
	for _, w := range an.Words {
		got = append(got, w.Is(analyze.Compound))
	}
	want := []bool{false, true, true, false, false, false, false}
	if !slices.Equal(got, want) {
		t.Errorf("Compound flags %v, want %v", got, want)
	}
}

// TestWords: spelling fixes, shorthand and hidden characters, as triage
// reads them.
func TestWords(t *testing.T) {
	a := newAnalyzer(t)
	tests := []struct{ in, want string }{
		// Correctly spelled words are never "corrected" into others.
		{"I'm leaving work early", "i am leaving work early"},
		{"I bashed my bump on the table", "i bashed my bump on the table"},
		{"my new work contract", "my new work contract"},
		// Nor a cue or a scope's end of another language.
		{"wala pong bleeding pero may spotting", "wala pong bleeding pero may spotting"},
		// Misspellings, by one edit or (longer words) two.
		{"bleding and pilow", "bleeding and pillow"},
		{"contractoins", "contractions"},
		// Ties go to the word members write, not to a danger sign's: the
		// triggers' words do not weigh in the ranking.
		{"cn i use a heatd blanky on my bak", "can i use a heated blanky on my back"},
		{"excrutiating", "excruciating"},
		// A member named in a group reply is left out; an @ inside a
		// word is not a mention.
		{"@Sam same here! @jess_88 too", "same here too"},
		{"me@home", "me home"},
		// Dictated marks are marks; a mark named with an article is a thing.
		{"back aching comma what helps question mark", "back aching what helps"},
		{"bent like a question mark", "bent like a question mark"},
		{"he is in command", "he is in command"},
		// Shorthand and phone typing.
		{"hw do i stop my bck spazming", "how do i stop my back spasming"},
		{"wht r gd shoes 4 it", "what are good shoes 4 it"},
		{"28wks", "28 weeks"},
		{"34+6 and 38.4", "34+6 and 38.4"},
		{"33+4 30+6 33+1", "33+4 30+6 33+1"}, // numbers are never corrected
		// A dropped g, but not a word that ends in "in".
		{"goin havin hurtin comin", "going having hurting coming"},
		// A dialect word before a contraction; a checklist's crosses.
		{"whit's the point, ah'd have", "what the point i would have"},
		{"bleeding ❌ leaking ❌", "bleeding no leaking no"},
		{"✅ bleeding ❌ waters", "yes bleeding no waters"},                                   // marks before their items
		{"bleeding ✗✗✗ so scared", "bleeding so scared"},                                    // one run of marks is no checklist
		{"❌❌ can't cope ❌❌", "can not cope"},                                                // marks that only frame the message
		{"at my wit's end", "at my wit end"},                                                // only dialect bases are rewritten
		{"16w 🩸 when i wiped", "16 weeks blood when i wiped"},                               // an emoji that stands for a word
		{"Q: any bleeding? A: no", "any bleeding no"},                                       // a question's and an answer's labels
		{"plan a, b or c", "plan a b or c"},                                                 // an "a" that labels nothing
		{"my wee girl fell, my wee burns", "my little girl fell my wee burns"},              // Scots "wee" before a person
		{"a wee bit of pink when i wipe", "a little bit of pink when i wipe"},               // or a thing
		{"toddler jumped on my wife's belly", "toddler jumped on my belly"},                 // her partner writes her body as she would
		{"my partner's back, my wife's car", "my partner back my wife car"},                 // never his, nor a thing of hers
		{"me babby's not moved, pain down me back", "my babby not moved pain down my back"}, // dialect "me" for "my"
		{"call me back, scan showed me baby", "call me back scan showed me baby"},           // "me" the object
		{"movmnts slowed rly down", "movements slowed really down"},                         // vowels left out
		{"bby nt mvd, hvy bldng", "baby not moved heavy bleeding"},                          // consonants only
		{"had a misscarage today", "had a miscarriage today"},
		{"she normaly kicks, realy quiet today", "she normally kicks really quiet today"},                       // long, vowels and doubles astray
		{"he through me on the floor, went through my phone", "he threw me on the floor went through my phone"}, // voice-to-text
		{"tripd on the step", "tripped on the step"},                                                            // "d" for "ed"
		{"I no fit piss since yesterday", "i can not pee since yesterday"},                                      // Nigerian Pidgin
		{"no fit, no fit at all", "no fit no fit at all"},                                                       // "no" and "fit" of English
		{"🥶🤒🌡️ 38.6 🔙💥", "freezing unwell temperature 38.6 back"},
		{"stressed 24/7 😵 💦 🤫", "stressed 24 7"}, // emoji that mean other things as often stand for none
		{"matagal nakaupo", "matagal nakaupo"},   // never corrected into a sign's word ("napaupo")
		{"ankles swole up outta nowhere", "ankles swollen up out of nowhere"},
		{"hand roon ma neck, cannae dae this anymair", "hand round ma neck can not do this anymore"},
		{"heard a pop an ma joggies were drookit", "heard a pop an ma joggers were soaked"},
		{"25w and w my bump", "25 weeks and with my bump"}, // a number's "w" is weeks
		{"basin cousin within", "basin cousin within"},
		{"does relaxin do that", "does relaxin do that"}, // a synonym's own word
		// A short word is more often a name than a typo of a brand.
		{"Emma and Ella", "emma and ella"}, // not "emla", a cream
		{"can i take paracetomol", "can i take paracetamol"},
		// A brand the knowledge base names is known, not corrected: the
		// Mamaway belt is not Tagalog "mamatay" (to die).
		{"the Mamaway one", "the mamaway one"},
		// Typos that the knowledge base's own examples hold are corrected
		// like a member's, towards a word written far more often; its own
		// rare words are not ("prem" is no "pram": "pram" is rare too).
		{"wat causes back pain in pregancy", "what causes back pain in pregnancy"},
		{"pregnacy pregant bakc", "pregnancy pregnant back"},
		{"a prem baby", "a prem baby"},
		// Invisible characters cannot hide a word.
		{"blee\u200bding", "bleeding"},
		{"blee\u00addi\u200dng", "bleeding"},
		{"\u202ebleeding\u202c", "bleeding"},
		{"Café naïve", "cafe naive"},
		// Words run together by swipe typing are read as the words they
		// are made of (see runon.go).
		{"hepushedmedownthestairs 26wks", "he pushed me down the stairs 26 weeks"},
		{"idontwanttobealiveanymore", "i do not want to be alive any more"},
		{"excruciatingpainbackandbellywontstop27wks", "excruciating pain back and belly will not stop 27 weeks"},
		{"CRAMPSCOMINGANDGOING", "cramps coming and going"},
		{"butnowidoallthelifting", "but now i do all the lifting"},
		{"justwokeupinapuddleofblood", "just woke up in a puddle of blood"},
		// Not run-ons: a long English word, a misspelling of one (see
		// "excrutiating" above), a compound of two ("dead lifts" would be
		// a sign she did not write), a knowledge-base word, foreign words.
		{"uncomfortable", "uncomfortable"},
		{"deadlifts", "deadlift"}, // a knowledge-base word, singular
		{"waterbreaking news", "waterbreaking news"},
		{"physiotherapist", "physiotherapist"},
		{"dolor insoportable", "dolor insoportable"},
		{"alhamdulillah", "alhamdulillah"},
		// A short run of rare words is a name, not a slip of the thumb;
		// a short run of the commonest words is a run-on.
		{"seen them on instagram", "seen them on instagram"},
		{"ifellover", "i fell over"},
		// "No one" is nobody: no negation of what follows.
		{"no one else would want me, calls me fat", "nobody else would want me calls me fat"},
		// "hell", "shell" and "ill" before a verb are "he'll", "she'll"
		// and "I'll"; after "the", "bloody" or "feel" they are words.
		{"if i leave hell kill me", "if i leave he will kill me"},
		{"shell be fine and ill try", "she will be fine and i will try"},
		{"what the hell is going on", "what the hell is going on"},
		{"I feel ill today", "i feel ill today"},
		{"nothings leaking", "nothing is leaking"},
		// A nought counted before a word is none of it.
		{"0 spotting 0 cramps", "zero spotting zero cramps"},
		{"0 mins apart, 0/10", "0 minutes apart nil"}, // a rating of nought is none
	}
	for _, tt := range tests {
		if got := strings.Join(a.Words(tt.in), " "); got != tt.want {
			t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLemmasAndFlags(t *testing.T) {
	a := newAnalyzer(t)
	tests := []struct{ text, want string }{
		{"I can't, dont; contractions? bled", "i can NOT , do NOT | contraction ? bleed"},
		// A full stop or "!" inside a short aside in brackets ends no
		// sentence; a lone bracket (a sad face) opens no aside.
		{"with my first (she's 4 now!) I bled", "with my first , she # now , i bleed"},
		{"no fever :( bled. sore", "NOT fever , bleed | sore"},
		// The group she writes to is "all", as in "hi all": no one else.
		{"girls I'm bleeding", "all i be bleed"},
		{"oh ladies, help", "oh all , help"},
		{"the girls at work bled", "the girl at work bleed"},
	}
	for _, tt := range tests {
		if got := flagged(a, tt.text); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

// flagged writes a text's tokens with their breaks and negations marked.
func flagged(a *analyze.Analyzer, text string) string {
	var an analyze.Analysis
	a.Analyze(text, &an)
	var got []string
	for _, tk := range an.Words {
		switch {
		case tk.Is(analyze.Break | analyze.Weak):
			got = append(got, ",")
		case tk.Is(analyze.Break | analyze.Question):
			got = append(got, "?")
		case tk.Is(analyze.Break):
			got = append(got, "|")
		case tk.Is(analyze.Negation):
			got = append(got, "NOT")
		default:
			got = append(got, tk.Lemma)
		}
	}
	return strings.Join(got, " ")
}

// A negated "stop" or "help" before a verb negates nothing: "can't stop
// thinking about it" keeps thinking; "the pain won't stop" stays negated.
// TestEllipsis: an ellipsis right after "I" and one word is a pause, not
// a sentence's end; after one word, a negation or more words it ends the
// sentence, as a full stop does ("|" marks a strong break).
func TestEllipsis(t *testing.T) {
	a := newAnalyzer(t)
	tests := []struct{ in, want string }{
		{"I fell... in love with my pillow", "i fall in love with my pillow"},
		{"she bled… from her nose", "she bleed from her nose"},
		{"no... bleeding again", "no | bleed again"},
		{"I can't... bleeding", "i can not | bleed"},
		{"my back hurts... bleeding now", "my back hurt | bleed now"},
		{"I fell...", "i fall |"},
		{"I fell...in love", "i fall | in love"},
		// A linking verb ends no sentence: what it links follows the pause.
		{"bump feels... quiet today", "bump feel quiet today"},
		{"I'm fine... bleeding now", "i be fine | bleed now"},
		// A new line opened with an ellipsis or an asterisk before a word
		// carries on the line before; one opened with "*" and a number is
		// a correction.
		{"ok so. fell.\n...asleep on the sofa", "ok so | fall asleep on the sofa"},
		{"numb bum\n*from sitting on a stool", "numb bum from sit on a stool"},
		{"bleeding\n*29 weeks not 39", "bleed | # week not #"},
		{"bleeding\n* from my nose", "bleed | from my nose"},
		{"no pain\n*bleeding since 6am", "no pain | bleed since # be"},
	}
	for _, tt := range tests {
		var an analyze.Analysis
		a.Analyze(tt.in, &an)
		var got []string
		for _, tk := range an.Words {
			switch {
			case tk.Is(analyze.Break) && !tk.Is(analyze.Weak):
				got = append(got, "|")
			case !tk.Is(analyze.Break):
				got = append(got, tk.Lemma)
			}
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("Analyze(%q) = %q, want %q", tt.in, strings.Join(got, " "), tt.want)
		}
	}
}

func TestKeepGoing(t *testing.T) {
	a := newAnalyzer(t)
	tests := []struct{ in, want string }{
		{"can't stop thinking about it", "can keep keep think about it"},
		{"couldn't help crying", "could keep keep cry"},
		{"it won't stop bleeding", "it will keep keep bleed"},
		{"the pain won't stop", "the pain will NOT stop"},
		{"I can't help it", "i can NOT help it"},
		// A negated "stop" before an object and a verb prevents.
		{"it hasn't stopped me working", "it have NOT prevent me work"},
		{"it hasn't stopped me from working", "it have NOT prevent me from work"},
		{"it won't stop you know", "it will NOT stop you know"},
		{"it won't stop them pads are soaked", "it will NOT stop them pad be soak"},
	}
	for _, tt := range tests {
		var an analyze.Analysis
		a.Analyze(tt.in, &an)
		var got []string
		for _, tk := range an.Words {
			if tk.Is(analyze.Negation) {
				got = append(got, "NOT")
			} else if !tk.Is(analyze.Break) {
				got = append(got, tk.Lemma)
			}
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("Analyze(%q) = %q, want %q", tt.in, strings.Join(got, " "), tt.want)
		}
	}
}

func TestHostileInput(t *testing.T) {
	a := newAnalyzer(t)
	var an analyze.Analysis
	a.Analyze(strings.Repeat("spasm ", 100000), &an)
	if n := len(an.Words); n > analyze.MaxBytes/2 {
		t.Errorf("huge input gave %d tokens; analysis must be bounded", n)
	}
	for _, s := range []string{"\xff\xfe\xfd", "\x00\x01", strings.Repeat("'", 1000), "🙂🙂🙂", "", strings.Repeat("a", 5000)} {
		a.Analyze(s, &an) // must not panic
	}
}

func FuzzAnalyze(f *testing.F) {
	f.Add("I'm 24 weeks and my lower back keeps seizing up, why?")
	f.Add("\xff'n't")
	f.Add("28wks 34+6 sooo\u200b")
	a := newAnalyzer(f)
	f.Fuzz(func(t *testing.T, s string) {
		var an analyze.Analysis
		a.Analyze(s, &an)
		for _, tk := range append(an.Words, an.Terms...) {
			if tk.Is(analyze.Break) != (tk.Term == "") {
				t.Fatalf("token %+v: breaks, and only breaks, have no term", tk)
			}
		}
	})
}

func BenchmarkAnalyze(b *testing.B) {
	a := newAnalyzer(b)
	var an analyze.Analysis
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		a.Analyze("I'm 24 weeks and my lower back keeps seizing up, why?", &an)
	}
}

// BenchmarkAnalyzeExamples analyses every example of the knowledge base's
// topics, as the matcher does when it builds its index: per example.
func BenchmarkAnalyzeExamples(b *testing.B) {
	kb, err := knowledge.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	a := analyze.New(kb)
	var texts []string
	for _, t := range kb.Topics {
		texts = append(texts, t.Examples...)
	}
	var an analyze.Analysis
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.Analyze(texts[i%len(texts)], &an)
	}
}

// TestChecklistAnswers checks that what a checklist writes for none reads
// as "nil", that a trimester counted in digits reads as in words, and that
// shorthand with a slash reads as its word.
func TestChecklistAnswers(t *testing.T) {
	a := newAnalyzer(t)
	for _, tt := range []struct{ in, want string }{
		{"Bleeding - N/A", "bleed nil"},
		{"spotting 0/10. kicks 10/10", "spotting nil kick # #"},
		{"n/and", "and and"},
		{"triage w/ pain", "triage with pain"},
		{"lift w/o spasm", "lift without spasm"},
		{"is cat cow ok in 3rd tri", "be cat cow ok in third trimester"},
		{"on my 3rd pad", "on my # rd pad"},
	} {
		var an analyze.Analysis
		a.Analyze(tt.in, &an)
		var got []string
		for _, tk := range an.Words {
			if !tk.Is(analyze.Break) {
				got = append(got, tk.Lemma)
			}
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%q: lemmas %q, want %q", tt.in, strings.Join(got, " "), tt.want)
		}
	}
}

// TestSlashShorthand checks that "w/" and "w/o" are words with no break
// after them: "went to triage w/ pain under my ribs" is one clause, as it
// is with "with".
func TestSlashShorthand(t *testing.T) {
	a := newAnalyzer(t)
	for _, in := range []string{"triage w/ pain", "lift W/O spasm", "went to triage w/pain"} {
		var an analyze.Analysis
		a.Analyze(in, &an)
		for _, tk := range an.Words {
			if tk.Is(analyze.Break) {
				t.Errorf("%q: a break after the shorthand", in)
			}
		}
	}
}

// TestFunctionWords checks that the words that say how a question is
// framed or where to, not what it is about, are function words for
// ranking: the word after "how" in "how long" and "how often" ("a long
// drive" keeps it), and a "back" that says where to ("go back down"; the
// body's back, and the back of "I get back pain", is no function word).
func TestFunctionWords(t *testing.T) {
	a := newAnalyzer(t)
	tests := []struct {
		in, word string
		stop     bool // whether word is a function word
	}{
		{"how long can I leave a heat pack on", "long", true},
		{"how often should I stretch", "often", true},
		{"a long drive to the in-laws", "long", false},
		{"will my feet go back down after", "back", true},
		{"when can I get back to the gym", "back", true},
		{"back to work on Monday", "back", true},
		{"pain in my back from lifting", "back", false},
		{"I get back pain every evening", "back", false},
		{"is back pain normal", "back", false},
		{"my back to the wall all day", "back", false},
		{"my lower back is killing me", "back", false},
		// A title that addresses the reader is no subject.
		{"hello doctor, back paining since morning", "doctor", true},
		{"good evening ma, my waist is paining", "ma", true},
		{"thank you doctor", "doctor", true},
		{"when should I see a doctor", "doctor", false},
		// What the pain does to her temper names no subject.
		{"my back is driving me mad", "mad", true},
		{"my back is doing my head in", "head", true},
		{"my back is done in, help", "do", true},
		{"I feel like I'm going crazy", "crazy", false},
		{"my head hurts", "head", false},
		// Nor the figure she likens herself to.
		{"hobbling like an old lady", "old", true},
		{"waddling like a penguin", "penguin", true},
		{"an old lady at work", "old", false},
	}
	for _, tt := range tests {
		var an analyze.Analysis
		a.Analyze(tt.in, &an)
		for _, tk := range an.Words {
			if tk.Lemma == tt.word {
				if got := tk.Is(analyze.Stop); got != tt.stop {
					t.Errorf("%q: %q is a function word = %v, want %v", tt.in, tk.Lemma, got, tt.stop)
				}
			}
		}
	}
}

// TestLoad: what she lifts or carries is marked, up to the pain; "get
// him to sleep" lifts nothing.
func TestLoad(t *testing.T) {
	a := newAnalyzer(t)
	tests := []struct{ in, want string }{
		{"getting my toddler in and out of her car seat is wrecking my back", "my toddler in and out of her car seat"},
		{"carrying the washing basket up the stairs hurts", "the wash basket up the stair"}, // stems
		{"how do i get my toddler to sleep in his own bed", ""},
	}
	for _, tt := range tests {
		var an analyze.Analysis
		a.Analyze(tt.in, &an)
		var got []string
		for _, w := range an.Words {
			if w.Is(analyze.Load) {
				got = append(got, w.Term)
			}
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%q: load %q, want %q", tt.in, g, tt.want)
		}
	}
}

// TestRulesOut: "ruled out" is a negation cue before what it rules out.
func TestRulesOut(t *testing.T) {
	a := newAnalyzer(t)
	var an analyze.Analysis
	a.Analyze("my OB ruled out contractions", &an)
	var cues []string
	for _, w := range an.Words {
		if w.Is(analyze.Negation) {
			cues = append(cues, w.Lemma)
		}
	}
	if strings.Join(cues, " ") != "out" {
		t.Errorf("negation cues %q, want \"out\"", cues)
	}
}
