// Package analyze turns a user's message into the tokens that triage and
// matching work on: invisible-character removal, Unicode normalisation,
// case folding, contractions and chat shorthand, spelling fixes, synonyms,
// lemmas and Snowball stems, stop words and clause breaks.
//
// Spelling fixes never touch a correctly spelled English word (the SCOWL
// word list in internal/lexicon), so "leaving" stays "leaving" and
// "table" stays "table"; misspelt words are corrected by up to two edits
// towards the knowledge base's own vocabulary.
//
// An Analyzer is built once per knowledge base and is safe for concurrent
// use. Analyze allocates little: words the knowledge base knows are
// looked up in precomputed tables.
package analyze

import (
	"maps"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/backcare/backcare/internal/lexicon"
	"github.com/backcare/backcare/knowledge"
)

// MaxBytes bounds how much of a message is analysed. Engines cut messages
// to 4096 characters before this; the bound protects direct callers.
const MaxBytes = 16 << 10

// Flag describes a token's role.
type Flag uint16

// Token flags.
const (
	// Stop marks a function word ("the", "is", "not"): ignored when ranking,
	// kept for triage.
	Stop Flag = 1 << iota
	// Negation marks a negation cue: "no", "not", "never", "without".
	Negation
	// ScopeEnd marks a word that ends a negation's reach: "but", "just",
	// or a new subject such as "I" or "my".
	ScopeEnd
	// Break marks a clause boundary from punctuation or a line break. Its
	// Term is empty.
	Break
	// Weak marks a Break that only separates items of a list: a comma, a
	// dash, a colon, a bracket.
	Weak
	// Question marks a Break made by a question mark.
	Question
	// Context marks a word that describes the asker's situation (a
	// greeting, the week of pregnancy, children, work): it neither helps
	// nor hurts a topic.
	Context
	// Compound marks a word of a multi-word synonym variant in Words:
	// "cat" in "cat cow" names a stretch, not a pet.
	Compound
	// Load marks a word of what she lifts or carries and where to: "my
	// toddler", "her car seat" in "getting my toddler in and out of her
	// car seat is wrecking my back". The load is her situation: it says
	// nothing against the question being about her back.
	Load
	// Exclaim marks a Break made by an exclamation mark: "No!!" after
	// news is a cry, not an answer.
	Exclaim
)

// Token is one word of an analysed message.
type Token struct {
	// Term is the stemmed, canonical form used for ranking.
	Term string
	// Lemma is the dictionary form of the canonical word, used by triage.
	Lemma string
	Flags Flag
}

// Is reports whether t has all the flags f.
func (t Token) Is(f Flag) bool { return t.Flags&f == f }

// Gestation reports whether t is weeks and days of pregnancy written as
// members write them: "27+2", "34+6".
func (t Token) Gestation() bool {
	if t.Lemma != NumberLemma {
		return false
	}
	w, d, ok := strings.Cut(t.Term, "+")
	return ok && len(w) > 0 && len(w) <= 2 && len(d) == 1 && allDigits(w) && allDigits(d)
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Analyzer analyses text for one knowledge base.
type Analyzer struct {
	lex     *lexicon.Lexicon
	known   map[string]word     // known surface word -> its stem and lemma
	phrases map[string][]phrase // first word of a synonym variant -> variants, longest first
	// inflected holds the variants of two words or more under their first
	// word's lemma, so that an inflected verb still starts one: "putting
	// my feet up" is "put my feet up", "taking it easy" is "take it easy".
	inflected map[string][]phrase
	typos     typoIndex
	scratch   sync.Pool // *scratch
	fold      sync.Pool // transform.Transformer for non-ASCII text
	lemmas    atomic.Pointer[lemmaMemo]
	// names holds the names of two words or more that the knowledge base
	// uses itself ("deep heat"), which maskNames keeps as words.
	names map[string]bool
}

// namesIn appends to out the proper names that a trigger or pattern
// writes as a sequence ("braxton_hicks"): a sequence of two words or more,
// all letters, one of which English does not know. Written in a message
// with capitals ("she said it's just Braxton Hicks"), such a name is kept
// as words, not masked as a name (see maskNames); a sequence of English
// words ("fall_out") is not a name, and "Fall Out Boy" stays one.
func (a *Analyzer) namesIn(s string, out []string) []string {
	for item := range strings.FieldsSeq(s) {
		if strings.IndexByte(item, '_') < 0 {
			continue
		}
		for alt := range strings.SplitSeq(item, "|") {
			if strings.IndexByte(alt, '_') < 0 {
				continue
			}
			letters, unknown := true, false
			for part := range strings.SplitSeq(alt, "_") {
				if part == "" || !isLetters(part) {
					letters = false
					break
				}
				unknown = unknown || !a.lex.Known(part)
			}
			if letters && unknown {
				out = append(out, strings.ReplaceAll(alt, "_", " "))
			}
		}
	}
	return out
}

// lemmaMemo remembers Lemmas of short texts while triggers are compiled
// (see Memoize).
type lemmaMemo struct {
	mu sync.Mutex
	m  map[string][]string
}

// maxMemo is the longest text, in bytes, whose lemmas Memoize remembers:
// a word or two, such as a trigger's alternatives and a word group's
// members.
const maxMemo = 24

// Memoize makes Lemmas remember the lemmas of every short text (a word or
// two) until the returned function is called. Compiling triggers asks for
// the same words thousands of times (each member of a word group, for
// every trigger that names the group); with the memo each is analysed
// once. While it is on, Lemmas may return the same slice to several
// callers, who must not modify it.
func (a *Analyzer) Memoize() (stop func()) {
	a.lemmas.Store(&lemmaMemo{m: map[string][]string{}})
	return func() { a.lemmas.Store(nil) }
}

// word is what the analyzer precomputes for a surface word.
type word struct {
	stem, lemma string
	flags       Flag
	// english is true for a word of the English word list, which the
	// spelling fixer leaves alone; plain is true for a word that starts
	// no synonym variant. Both spare Analyze a lookup per word.
	english, plain bool
}

// scratch is Analyze's working memory, reused through a sync.Pool.
type scratch struct {
	words []string
	plain []bool // per word: a known word that starts no synonym variant
}

type phrase struct {
	words  []string
	lemmas []string // of words; set on the variants in inflected
	repl   []string
}

// New builds an Analyzer whose vocabulary, synonyms and spelling fixes come
// from the knowledge base.
func New(kb *knowledge.Base) *Analyzer {
	a := &Analyzer{
		lex:     lexicon.English(),
		known:   map[string]word{},
		phrases: map[string][]phrase{},
	}
	a.scratch.New = func() any { return &scratch{words: make([]string, 0, 64), plain: make([]bool, 0, 64)} }
	a.fold.New = func() any {
		return transform.Chain(runes.Remove(runes.In(unicode.Cf)), norm.NFKD, runes.Remove(runes.In(unicode.Mn)), norm.NFC, cases.Fold())
	}

	// How often each word of the knowledge base occurs: the spelling
	// fixer prefers the commoner of two candidates.
	count := map[string]int{}
	var buf []string
	addText := func(s string) {
		buf = a.words(a.normalize(s), buf[:0])
		for _, w := range buf {
			if !isBreakWord(w) {
				count[w]++
			}
		}
	}
	a.names = map[string]bool{}
	addName := func(s string) {
		for alt := range strings.SplitSeq(strings.ToLower(s), "|") {
			alt = strings.Join(strings.FieldsFunc(alt, func(r rune) bool { return r == '_' || r == ' ' || r == '-' }), " ")
			if strings.Contains(alt, " ") {
				a.names[alt] = true
			}
		}
	}
	for _, d := range kb.Declines {
		for _, t := range d.Triggers {
			// A trigger's items are words near each other: "deep heat
			// rub|cream" names "deep heat".
			items := strings.Fields(strings.ToLower(t))
			for i := 0; i+1 < len(items); i++ {
				for _, x := range strings.Split(items[i], "|") {
					for _, y := range strings.Split(items[i+1], "|") {
						addName(x + " " + y)
					}
				}
			}
			addName(t)
		}
	}
	for _, s := range kb.Synonyms {
		addName(s.Word)
		for _, v := range s.Variants {
			addName(v)
		}
	}
	synonymWords := map[string]bool{}
	for _, s := range kb.Synonyms {
		repl := a.words(a.normalize(s.Word), nil)
		addText(s.Word)
		for _, w := range repl {
			synonymWords[w] = true
		}
		for _, v := range s.Variants {
			words := a.words(a.normalize(v), nil)
			if len(words) == 0 {
				continue
			}
			for _, w := range words {
				synonymWords[w] = true
			}
			addText(v)
			a.phrases[words[0]] = append(a.phrases[words[0]], phrase{words: words, repl: repl})
		}
	}
	for first, ps := range a.phrases {
		sortLongestFirst(ps)
		a.phrases[first] = ps
	}
	// The knowledge base's phrases are many (every example): they are
	// counted on every core, each worker in a map of its own. Words of
	// triggers, patterns and word groups are written on purpose; only an
	// example's words may be typos (see typoRatio).
	type text struct {
		s       string
		example bool
	}
	var texts []text
	kb.EachPhrase(func(s string, example bool) { texts = append(texts, text{s, example}) })
	workers := min(runtime.GOMAXPROCS(0), 1+len(texts)/4096)
	counts := make([]map[string]int, workers)
	written := make([]map[string]int, workers)
	named := make([][]string, workers)
	var wg sync.WaitGroup
	for k := range workers {
		wg.Go(func() {
			// Sized for a worker's share of the vocabulary, which grows
			// far more slowly than the texts (the real knowledge base has
			// some 6,000 words in 6,500 texts, one 100 times its size
			// only a few times as many), so that the maps are not
			// rebuilt as they fill, nor oversized.
			share := min(len(texts)/workers, 1<<13)
			c, on, buf := make(map[string]int, share), make(map[string]int, share/4), []string(nil)
			for _, t := range texts[k*len(texts)/workers : (k+1)*len(texts)/workers] {
				if !t.example && strings.IndexByte(t.s, '_') >= 0 {
					named[k] = a.namesIn(t.s, named[k])
				}
				buf = a.words(a.normalize(t.s), buf[:0])
				for _, w := range buf {
					switch {
					case isBreakWord(w):
					case t.example:
						c[w]++
					default:
						on[w]++
					}
				}
			}
			counts[k], written[k] = c, on
		})
	}
	wg.Wait()
	for _, ns := range named {
		for _, n := range ns {
			a.names[n] = true
		}
	}
	// ranked counts the words as members write them (the examples and
	// the synonyms), count adds the triggers' and patterns' (onTrigger).
	onTrigger := map[string]int{}
	for k, c := range counts {
		for w, n := range c {
			count[w] += n
		}
		for w, n := range written[k] {
			onTrigger[w] += n
		}
	}
	ranked := maps.Clone(count)
	for w, n := range onTrigger {
		count[w] += n
	}
	// Typos in the examples ("wat causes uper back spams early pregancy")
	// are not words to learn: left unknown, they are corrected like a
	// member's, and meet the word they misspell.
	onPurpose := func(w string) bool {
		if len(a.phrases[w]) > 0 || synonymWords[w] {
			return true
		}
		return onTrigger[w] > 0
	}
	maybeTypos := map[string]bool{}
	for w := range count {
		if len(w) >= minTypoLen && isLetters(w) && !a.lex.Known(w) && !onPurpose(w) {
			maybeTypos[w] = true
		}
	}
	for w := range stopWords {
		count[w]++
		ranked[w]++
	}
	// The spelling fixer never corrects towards a word that only a danger
	// sign's trigger names and English does not know: "matagal nakaupo"
	// (sitting a long time) is no "napaupo" (fell on my bottom). A
	// correction must not create a sign she did not write.
	signOnly := map[string]bool{}
	addSigns := func(lists ...[]string) {
		for _, l := range lists {
			for _, t := range l {
				// Only plain lowercase words can be typo targets (see
				// newTypoIndex): a split on everything else will do.
				for w := range strings.FieldsFuncSeq(t, func(r rune) bool { return r < 'a' || r > 'z' }) {
					if len(w) >= minTypoLen-1 && !a.lex.Known(w) {
						signOnly[w] = true
					}
				}
			}
		}
	}
	for _, r := range kb.RedFlags {
		addSigns(r.Triggers, r.Firm)
	}
	for _, x := range kb.Safety {
		addSigns(x.Triggers, x.Firm)
	}
	// A typo goes to the nearest word the way members write it: ranked by
	// how often the examples and synonyms use it, not the triggers, whose
	// thousands of danger words would pull typos towards a sign ("heatd
	// blanky" is a heated blanket, not a bad head).
	targets := make(map[string]int, len(count))
	for w := range count {
		if !signOnly[w] && !maybeTypos[w] {
			targets[w] = max(ranked[w], 1)
		}
	}
	// The spelling fixer's index is built while every known word is
	// described (stemmed, lemmatised), that too on every core.
	typos := make(chan typoIndex, 1)
	go func() { typos <- newTypoIndex(targets) }()
	vocab := make([]string, 0, len(count))
	for w := range count {
		vocab = append(vocab, w)
	}
	described := make([]word, len(vocab))
	workers = min(runtime.GOMAXPROCS(0), 1+len(vocab)/512)
	for k := range workers {
		wg.Go(func() {
			for i := k; i < len(vocab); i += workers {
				described[i] = a.learn(vocab[i])
			}
		})
	}
	wg.Wait()
	a.known = make(map[string]word, len(vocab))
	for i, w := range vocab {
		a.known[w] = described[i]
	}
	a.typos = <-typos
	for w := range maybeTypos {
		// A typo of a word written far more often: corrected as a
		// member's would be ("pregancy", "goin", "bakc"), it is no word
		// of its own.
		k := a.known[w]
		delete(a.known, w)
		c := a.correct(w)
		if c == w || count[c] < typoRatio*count[w] || len(w) < minTypoWord && (count[c] < shortTypoRatio*count[w] || count[c] < shortTypoRatio) {
			a.known[w] = k
		}
	}
	a.inflect()
	return a
}

// isStop reports whether w is a function word.
func isStop(w string) bool {
	_, ok := stopWords[w]
	return ok
}

// inflect files the variants of two words or more under their first
// word's lemma (see Analyzer.inflected), once every known word has its
// lemma, and marks the words that may start one as not plain.
func (a *Analyzer) inflect() {
	a.inflected = map[string][]phrase{}
	for _, ps := range a.phrases {
		for _, p := range ps {
			if len(p.words) < 2 || isStop(p.words[0]) {
				// A variant led by a function word stays as written:
				// "I work with children" is no "with child".
				continue
			}
			q := p
			q.lemmas = make([]string, len(p.words))
			for k, w := range p.words {
				q.lemmas[k] = a.known[w].lemma
			}
			a.inflected[q.lemmas[0]] = append(a.inflected[q.lemmas[0]], q)
		}
	}
	for first, ps := range a.inflected {
		sortLongestFirst(ps)
		a.inflected[first] = ps
	}
	for w, k := range a.known {
		if k.plain && len(a.inflected[k.lemma]) > 0 {
			k.plain = false
			a.known[w] = k
		}
	}
}

// learn precomputes a known word's stem, lemma and flags. It only reads
// the analyzer, so words can be learned side by side.
func (a *Analyzer) learn(w string) word {
	k := a.describe(w)
	k.english = a.lex.Known(w)
	k.plain = len(a.phrases[w]) == 0 && len(a.phrases[singular(w)]) == 0
	return k
}

func sortLongestFirst(ps []phrase) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && len(ps[j].words) > len(ps[j-1].words); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}

// Analysis is an analysed message, in two streams of tokens. Both keep
// the message's clause breaks.
type Analysis struct {
	// Words are the message's words in order, each with its lemma, before
	// synonyms: triage reads them, so that "hot water bottle" is never
	// read as "waters".
	Words []Token
	// Terms are the words after synonyms, stemmed: the matcher ranks
	// them, so that "hot water bottle" and "heating pad" both mean "heat".
	Terms []Token
}

// Reset empties the analysis, keeping its memory.
func (an *Analysis) Reset() { an.Words, an.Terms = an.Words[:0], an.Terms[:0] }

// Analyze analyses text into an, replacing what it held.
func (a *Analyzer) Analyze(text string, an *Analysis) {
	an.Reset()
	if len(text) > MaxBytes {
		text = text[:MaxBytes]
	}
	sc := a.scratch.Get().(*scratch)
	words := a.rawWords(text, sc.words[:0])
	plain := sc.plain[:0]
	for i, w := range words {
		if isBreakWord(w) {
			an.Words = append(an.Words, breakToken(w))
			plain = append(plain, true)
			continue
		}
		// A known English word is never corrected; others may be.
		k, ok := a.known[w]
		if !ok || !k.english {
			w = a.correct(w)
			words[i] = w
			if k, ok = a.known[w]; !ok {
				k = a.describe(w)
			}
		}
		an.Words = append(an.Words, Token{Term: k.stem, Lemma: k.lemma, Flags: k.flags})
		plain = append(plain, ok && k.plain)
	}
	a.keepGoing(words, an.Words)
	frameQuestions(an.Words)
	adverbialBack(an.Words)
	vocatives(an.Words)
	hyperbole(an.Words)
	similes(an.Words)
	loads(an.Words)
	rulesOut(an.Words)
	for i := 0; i < len(words); {
		w := words[i]
		if isBreakWord(w) {
			an.Terms = append(an.Terms, breakToken(w))
			i++
			continue
		}
		if !plain[i] {
			if p, ok := a.phraseAt(words, an.Words, i); ok {
				for _, r := range p.repl {
					an.Terms = append(an.Terms, a.token(r))
				}
				if len(p.words) > 1 {
					for k := i; k < i+len(p.words) && k < len(an.Words); k++ {
						an.Words[k].Flags |= Compound
					}
				}
				i += len(p.words)
				continue
			}
		}
		an.Terms = append(an.Terms, an.Words[i])
		i++
	}
	clear(words)
	sc.words, sc.plain = words[:0], plain[:0]
	a.scratch.Put(sc)
}

// qaLabels removes the labels of a question and its answer written as
// "Q: any contractions? A: no": a "q" or "a" that opens a clause and stands
// before a colon is formatting, not a word ("plan a, b or c" keeps its "a").
// It returns words, shortened in place.
func qaLabels(words []string) []string {
	out := words[:0]
	for i := 0; i < len(words); i++ {
		if w := words[i]; (w == "q" || w == "a") && i+1 < len(words) && words[i+1] == breakWeak && (i == 0 || isBreakWord(words[i-1])) {
			i++ // the label and its colon
			continue
		}
		out = append(out, words[i])
	}
	return out
}

// noneCounted reads a nought counted before a word as "zero", a
// negation: "0 spotting 0 cramps 0 temperature". Not before a unit ("0
// mins", "0/10") or another number.
func noneCounted(words []string) {
	for i := 0; i+1 < len(words); i++ {
		if words[i] == "0" && isLetters(words[i+1]) && !units[words[i+1]] {
			words[i] = "zero"
		}
	}
}

// partnersBody reads "my wife's belly", written by her partner for the
// pregnant one, as "my belly": "my toddler jumped on my wife's belly"
// tells the blow the way she would. Only a wife, girlfriend or fiancée,
// whom triage takes for the pregnant one; "my partner's back" may be his.
// It returns words, shortened in place.
func partnersBody(words []string) []string {
	out := words[:0]
	for i := 0; i < len(words); i++ {
		if i > 0 && i+1 < len(words) && words[i-1] == "my" && wives[words[i]] && bodyWords[words[i+1]] {
			continue
		}
		out = append(out, words[i])
	}
	return out
}

// wives and bodyWords name the pregnant one and her body after "my" (see
// partnersBody).
var (
	wives = map[string]bool{"wife": true, "wifes": true, "girlfriend": true, "girlfriends": true, "gf": true, "gfs": true, "missus": true,
		"misses": true, "fiancee": true, "fiancée": true}
	bodyWords = map[string]bool{"belly": true, "bump": true, "tummy": true, "stomach": true, "abdomen": true, "womb": true, "waters": true, "water": true}
)

// Wife reports whether w (a word or lemma) names a man's partner whom
// triage takes for the pregnant one: "wife", "girlfriend", "gf", "missus".
func Wife(w string) bool { return wives[w] }

// threwTyped reads "through" typed for "threw" (voice-to-text and
// autocorrect write one for the other) between a person and what was
// thrown: "he through me on the floor", "she through my phone". Never
// "he went through my phone".
func threwTyped(words []string) {
	for i := 1; i+1 < len(words); i++ {
		if words[i] == "through" && throwers[words[i-1]] && thrown[words[i+1]] {
			words[i] = "threw"
		}
	}
}

// throwers and thrown stand around "through" typed for "threw" (see
// threwTyped).
var (
	throwers = map[string]bool{"he": true, "she": true, "they": true}
	thrown   = map[string]bool{"me": true, "my": true, "it": true, "a": true, "stuff": true, "things": true,
		"everything": true, "his": true, "her": true, "our": true, "plates": true, "food": true}
)

// pidginCannot reads the Nigerian Pidgin "no fit" after a person as "can
// not": "I no fit piss since yesterday night", "she no fit waka". The
// words are rewritten in place, "no" to "can" and "fit" to "not".
func pidginCannot(words []string) {
	for i := 1; i+1 < len(words); i++ {
		if words[i] == "no" && words[i+1] == "fit" && pidginPersons[words[i-1]] {
			words[i], words[i+1] = "can", "not"
		}
	}
}

// pidginPersons stand before "no fit" (see pidginCannot).
var pidginPersons = map[string]bool{"i": true, "e": true, "she": true, "he": true, "we": true, "una": true, "you": true, "baby": true}

// dialectMy reads the "me" of Northern English, Irish, Scots and many
// other Englishes as "my" before her body, her baby or her people: "me
// baby's not moved today", "pain down me legs", "me fella pushed me".
// Only where "me" cannot be a verb's object: at the clause's start, after
// a preposition or a conjunction (never "the scan showed me baby waving",
// "he choked me one night", "dragged me legs first"); "back" also after a
// verb of hurting ("did me back in", never "call me back", "he pushed me
// back").
func dialectMy(words []string) {
	for i := 0; i+1 < len(words); i++ {
		if words[i] != "me" {
			continue
		}
		noun := words[i+1]
		if (noun == "little" || noun == "wee" || noun == "lil") && i+2 < len(words) {
			noun = words[i+2]
		}
		opens := i == 0 || isBreakWord(words[i-1])
		switch {
		case noun == "back":
			if opens || meBefore[words[i-1]] || hurtsBack[words[i-1]] {
				words[i] = "my"
			}
		case possessed[noun] && (opens || meBefore[words[i-1]]):
			words[i] = "my"
		}
	}
}

// possessed are the words "me" stands for "my" before; meBefore the words
// after which "me" is no verb's object, and hurtsBack the verbs of hurting
// that also make "me back" her back (see dialectMy).
var (
	possessed = map[string]bool{"baby": true, "babby": true, "babbys": true, "babys": true, "bairn": true, "bump": true,
		"belly": true, "tummy": true, "stomach": true, "waters": true, "legs": true, "leg": true, "feet": true,
		"hands": true, "face": true, "head": true, "hips": true, "hip": true, "side": true, "bits": true,
		"knickers": true, "pants": true, "fanny": true, "undies": true, "husband": true, "hubby": true, "fella": true,
		"partner": true, "boyfriend": true, "ex": true, "mam": true, "mum": true, "ma": true, "da": true, "dad": true,
		"sister": true, "brother": true, "son": true, "daughter": true, "kids": true, "spine": true,
		"bladder": true, "blood": true, "contractions": true, "pains": true, "eyes": true, "vision": true}
	hurtsBack = map[string]bool{"did": true, "done": true, "hurt": true, "hurting": true, "hurts": true, "tweaked": true,
		"twisted": true, "wrenched": true, "knackered": true, "killing": true, "kills": true, "murdering": true}
	meBefore = map[string]bool{"in": true, "on": true, "with": true, "down": true, "up": true, "across": true,
		"into": true, "of": true, "for": true, "to": true, "and": true, "but": true, "so": true, "at": true,
		"from": true, "about": true, "like": true, "after": true, "over": true, "near": true, "round": true,
		"around": true, "an": true, "n": true, "cos": true, "coz": true, "because": true}
)

// littleWee reads the Scots and Irish "wee" before a person or a thing
// as "little": "my wee girl fell at nursery", "a wee bit sore", "went for
// a wee walk" name no urine. "Wee one", "wee yin" and "wee man" are left
// as written: the baby's word group names them.
func littleWee(words []string) {
	for i := 0; i+1 < len(words); i++ {
		if words[i] == "wee" && weeNouns[words[i+1]] {
			words[i] = "little"
		}
	}
}

// weeNouns follow "wee" the adjective (see littleWee).
var weeNouns = map[string]bool{"girl": true, "boy": true, "lad": true, "lass": true, "lassie": true, "bit": true,
	"while": true, "thing": true, "things": true, "son": true, "daughter": true, "bairn": true, "bairns": true,
	"toddler": true, "fella": true, "guy": true, "brother": true, "sister": true, "dog": true, "walk": true,
	"nap": true, "rest": true, "cup": true, "cuppa": true, "kid": true, "kids": true, "ones": true, "niece": true,
	"nephew": true, "pal": true, "baby": true, "babies": true, "tot": true, "wean": true, "weans": true,
	"lie": true, "sleep": true, "break": true}

// units are words that a number measures ("0 mins", "0 degrees") or that
// join it to another ("0 out of 10", "0 to 1").
var units = map[string]bool{"week": true, "weeks": true, "wk": true, "wks": true, "w": true, "day": true, "days": true,
	"d": true, "min": true, "mins": true, "minute": true, "minutes": true, "hour": true, "hours": true, "hr": true,
	"hrs": true, "h": true, "kg": true, "g": true, "lb": true, "lbs": true, "st": true, "cm": true, "mm": true,
	"ml": true, "l": true, "percent": true, "degree": true, "degrees": true, "c": true, "f": true, "times": true,
	"x": true, "am": true, "pm": true, "out": true, "of": true, "and": true, "or": true, "to": true}

// keepGoing reads a negated "stop" or "help" before a verb as going on:
// "can't stop thinking about ending it", "couldn't help crying", "it
// won't stop bleeding" negate nothing, so both words become "keep". A
// negated "stop" before an object and a verb is "prevent": in "it hasn't
// stopped me working" nothing has gone on without stopping (but "it won't
// stop you know" has not stopped).
func (a *Analyzer) keepGoing(words []string, tokens []Token) {
	for i := 0; i+2 < len(tokens); i++ {
		if !tokens[i].Is(Negation) || tokens[i+1].Lemma != "stop" && tokens[i+1].Lemma != "help" {
			continue
		}
		if next := words[i+2]; len(next) > 4 && strings.HasSuffix(next, "ing") {
			keep := a.token("keep")
			tokens[i], tokens[i+1] = keep, keep
		} else if tokens[i+1].Lemma == "stop" && objects[next] && i+3 < len(words) &&
			(words[i+3] == "from" || len(words[i+3]) > 4 && strings.HasSuffix(words[i+3], "ing")) {
			// "it hasn't stopped me working": nothing was stopped, she
			// was not prevented; the pain has not "not stopped".
			tokens[i+1] = a.token("prevent")
		}
	}
}

// frameQuestions marks the word after "how" in "how long", "how often",
// "how many" as a function word: it frames the question and names no
// subject ("how long can I leave a heat pack on?" is about heat packs,
// not about anything long).
func frameQuestions(tokens []Token) {
	for i := 1; i < len(tokens); i++ {
		if tokens[i-1].Lemma == "how" && questionFrames[tokens[i].Lemma] {
			tokens[i].Flags |= Stop
		}
	}
}

// vocatives marks as her situation, neither for nor against a topic, a
// title that addresses the reader after a greeting or thanks: "hello
// doctor, back paining since morning" asks no question about doctors;
// "good morning madam", "thank you sir".
func vocatives(tokens []Token) {
	for i := range tokens {
		if groupAddress.has(tokens[i].Lemma) && groupAddressed(tokens, i) {
			// "girls I'm bleeding", "Dios mío girls, estoy sangrando":
			// the group she writes to, as "hi all" names it, is no one
			// else with a sign of her own.
			tokens[i].Lemma = "all"
			tokens[i].Flags |= Stop | Context
			continue
		}
		if i == 0 || !addressTitles.has(tokens[i].Lemma) {
			continue
		}
		switch prev := tokens[i-1].Lemma; {
		case addressOpeners[prev], prev == "you" && i > 1 && tokens[i-2].Lemma == "thank":
			tokens[i].Flags |= Stop | Context
		}
	}
}

// hyperbole makes function words of what the pain does to her temper, so
// that they count neither for nor against a topic: "my back is driving me
// mad", "making me crazy", "doing my head in", "my back is done in". Not
// her own state ("I feel like I'm going crazy" asks about her mood). The
// lemmas stay: triage reads them.
func hyperbole(tokens []Token) {
	lemma := func(i int) string {
		if i < 0 || i >= len(tokens) {
			return ""
		}
		return tokens[i].Lemma
	}
	for i := range tokens {
		switch l := lemma(i); {
		case madWords.has(l) && lemma(i-1) == "me" && drivers[lemma(i-2)]:
			tokens[i].Flags |= Stop | Context // "driving me mad", never "going crazy" (off-topic as often)
		case l == "head" && lemma(i+1) == "in" && lemma(i-1) == "my" && lemma(i-2) == "do":
			tokens[i].Flags |= Stop | Context // "doing my head in"
			tokens[i+1].Flags |= Stop | Context
		case l == "do" && lemma(i+1) == "in" && (i+2 == len(tokens) || tokens[i+2].Is(Break)) && (lemma(i-1) == "be" || lemma(i-1) == "get"):
			tokens[i].Flags |= Stop | Context // "my back is done in"
		}
	}
}

// similes makes function words of the figure she compares herself to, so
// that it counts neither for nor against a topic: "hobbling about like an
// old lady", "waddling like a penguin", "like a 90 year old". The lemmas
// stay: triage reads them.
func similes(tokens []Token) {
	for i := 0; i+2 < len(tokens); i++ {
		if tokens[i].Lemma != "like" || tokens[i+1].Lemma != "a" && tokens[i+1].Lemma != "an" {
			continue
		}
		for k := i + 2; k < len(tokens) && k <= i+5 && !tokens[k].Is(Break); k++ {
			if simileFigures[tokens[k].Lemma] {
				for j := i + 2; j <= k; j++ {
					tokens[j].Flags |= Stop | Context
				}
				break
			}
		}
	}
}

// simileFigures are what members liken themselves to (see similes).
var simileFigures = map[string]bool{"lady": true, "woman": true, "granny": true, "grandma": true, "gran": true,
	"nan": true, "nana": true, "pensioner": true, "penguin": true, "duck": true, "whale": true, "hippo": true,
	"elephant": true, "zombie": true, "robot": true, "crab": true, "tortoise": true, "snail": true, "sloth": true,
	"walrus": true, "granddad": true, "grandpa": true, "cowboy": true}

// madWords are what the pain drives her to; drivers drive her there.
var (
	madWords = newWordSet("mad", "crazy", "insane", "nuts", "bonkers", "bananas", "mental", "demented", "loopy", "potty", "spare")
	drivers  = map[string]bool{"drive": true, "make": true, "send": true}
)

// groupAddress are the words members call the group by ("girls",
// "ladies", "mamas", "sisters", "mommies"); groupAddressed tells when one addresses it.
var groupAddress = newWordSet("girl", "lady", "guy", "gal", "mama", "sister", "sis", "mommy", "momshie", "mamas")

// groupAddressed reports whether the group word at tokens[i] addresses
// the group: opening the message or a sentence, or after a greeting or an
// interjection ("morning ladies", "oh girls", "Dios mío girls"), and
// followed by a break or her own words ("girls I'm bleeding", "ladies,
// help"). "The girls at work said" names others.
func groupAddressed(tokens []Token, i int) bool {
	if i > 0 {
		prev := tokens[i-1]
		if !prev.Is(Break) && !addressOpeners[prev.Lemma] && !interjections[prev.Lemma] {
			return false
		}
	}
	if i+1 == len(tokens) {
		return false // a word alone is only itself
	}
	next := tokens[i+1]
	return next.Is(Break) || addressFollows[next.Lemma]
}

// interjections come before a word that addresses the group; addressFollows
// come after one.
var (
	interjections = map[string]bool{"oh": true, "omg": true, "god": true, "gosh": true, "dios": true, "mio": true,
		"mia": true, "help": true, "ugh": true, "so": true, "right": true, "ok": true, "okay": true, "please": true,
		"hey": true, "hiya": true}
	addressFollows = map[string]bool{"i": true, "my": true, "me": true, "we": true, "our": true, "help": true,
		"please": true, "anyone": true, "sorry": true, "quick": true, "question": true}
)

// rulesOut makes the "out" of "ruled out" a negation cue: "my OB ruled
// out contractions" tells none, as "no contractions" does.
func rulesOut(tokens []Token) {
	for i := 0; i+1 < len(tokens); i++ {
		if tokens[i].Lemma == "rule" && tokens[i+1].Lemma == "out" {
			tokens[i+1].Flags |= Negation | Stop
		}
	}
}

// loads marks what she lifts or carries (see Load): the words after a
// verb of lifting ("lifting my son into his cot", "carrying the washing
// basket up the stairs"), or after "get" or "put" when a particle follows
// its object ("get my toddler in and out of the car seat"), up to the end
// of the clause, a word of the pain or what it does to her, or "without".
// "get my toddler to sleep" lifts nothing.
func loads(tokens []Token) {
	for i := 0; i < len(tokens); i++ {
		l := tokens[i].Lemma
		switch {
		case liftVerbs.has(l):
		case (l == "get" || l == "put") && particleAfter(tokens, i+1):
		default:
			continue
		}
		for k := i + 1; k < len(tokens) && k <= i+maxLoad; k++ {
			t := &tokens[k]
			if t.Is(Break) && !t.Is(Weak) || loadEnds[t.Lemma] {
				break
			}
			t.Flags |= Load
		}
	}
}

// maxLoad is how many words after its verb a load may run to.
const maxLoad = 10

// particleAfter reports whether a particle of getting in or out follows
// an object of one to three words from tokens[j]: "get my toddler in",
// "put her into", not "get him to sleep".
func particleAfter(tokens []Token, j int) bool {
	for k := j + 1; k < len(tokens) && k <= j+3; k++ {
		switch tokens[k].Lemma {
		case "in", "into", "out", "onto", "up", "down":
			return true
		}
		if tokens[k].Is(Break) {
			return false
		}
	}
	return false
}

var (
	// liftVerbs lift or carry a load.
	liftVerbs = newWordSet("lift", "carry", "pick", "hoist", "heave", "haul", "lug", "hitch")
	// loadEnds end a load: the pain, what it does to her, her back.
	loadEnds = map[string]bool{"be": true, "without": true, "when": true, "while": true, "because": true, "cos": true,
		"but": true, "so": true, "back": true, "pain": true, "hurt": true, "wreck": true, "kill": true, "ache": true,
		"spasm": true, "make": true, "give": true, "i": true, "me": true}
)

// addressOpeners greet or thank the one addressed; addressTitles are how
// members address the bot or the group.
var (
	addressOpeners = map[string]bool{"hi": true, "hello": true, "hey": true, "hiya": true, "dear": true, "respected": true,
		"morning": true, "evening": true, "afternoon": true, "thanks": true, "thank": true, "thx": true, "please": true}
	addressTitles = newWordSet("doctor", "doc", "dr", "madam", "maam", "sir", "ma", "mam", "nurse", "miss", "team", "bot", "backcare", "admin")
)

// adverbialBack marks "back" as a function word where it says where to,
// not which part of her: "will they go back down after", "get back to
// normal", "back to work" name no back. Its lemma stays: triage reads
// "it came back" as a sign returning.
func adverbialBack(tokens []Token) {
	for i, t := range tokens {
		if t.Lemma != "back" {
			continue
		}
		prev, after := "", ""
		if i > 0 {
			prev = tokens[i-1].Lemma
		}
		if i+1 < len(tokens) {
			after = tokens[i+1].Lemma
		}
		if (backVerbs[prev] || backPlaces[after] && !backOwners[prev]) && !backTroubles[after] {
			tokens[i].Flags |= Stop
		}
	}
}

// backVerbs are followed by "back" the adverb ("go back", "call me back"
// has "me" between and is left alone); backPlaces follow it ("back to
// work", "back home") unless the back is someone's ("my back to the
// wall"); backTroubles make it the body again ("I get back pain").
var (
	backTroubles = map[string]bool{"pain": true, "ache": true, "spasm": true, "cramp": true, "problem": true, "issue": true,
		"twinge": true, "trouble": true, "injury": true, "muscle": true, "support": true, "brace": true, "belt": true, "massage": true}
	backVerbs = map[string]bool{"go": true, "come": true, "get": true, "bring": true, "take": true, "give": true,
		"call": true, "ring": true, "text": true, "write": true, "send": true, "pay": true, "head": true, "bounce": true,
		"way": true, "fight": true, "hold": true, "look": true, "think": true, "move": true, "put": true}
	backPlaces = map[string]bool{"to": true, "home": true, "down": true, "then": true, "again": true, "in": true}
	backOwners = map[string]bool{"my": true, "your": true, "her": true, "his": true, "our": true, "their": true, "the": true,
		"lower": true, "upper": true, "middle": true, "low": true, "mid": true, "bad": true, "sore": true, "a": true}
)

// objects are the pronouns that make a negated "stop" mean "prevent".
var objects = map[string]bool{"me": true, "her": true, "him": true, "us": true, "them": true, "you": true}

// questionFrames follow "how" to frame a question.
var questionFrames = map[string]bool{"long": true, "often": true, "many": true, "much": true, "soon": true}

// Terms returns the stemmed terms of text, without stop words and breaks.
// It is meant for building indexes, not for the per-message path.
func (a *Analyzer) Terms(text string) []string {
	var an Analysis
	a.Analyze(text, &an)
	var out []string
	for _, t := range an.Terms {
		if t.Flags&(Stop|Break) == 0 {
			out = append(out, t.Term)
		}
	}
	return out
}

// Lemmas returns the lemma of every word of text, stop words included,
// without breaks and before synonyms. Trigger phrases are compiled with it.
func (a *Analyzer) Lemmas(text string) []string {
	if mm := a.lemmas.Load(); mm != nil && len(text) <= maxMemo {
		mm.mu.Lock()
		out, ok := mm.m[text]
		mm.mu.Unlock()
		if !ok {
			out = a.lemmasOf(text)
			mm.mu.Lock()
			mm.m[text] = out
			mm.mu.Unlock()
		}
		return out
	}
	return a.lemmasOf(text)
}

func (a *Analyzer) lemmasOf(text string) []string {
	if l, ok := a.plainLemma(text); ok {
		return []string{l}
	}
	return a.analyzedLemmas(text)
}

// analyzedLemmas is lemmasOf without its fast path: the lemmas of the
// full analysis of text, breaks left out.
func (a *Analyzer) analyzedLemmas(text string) []string {
	var an Analysis
	a.Analyze(text, &an)
	var out []string
	for _, t := range an.Words {
		if t.Flags&Break == 0 {
			out = append(out, t.Lemma)
		}
	}
	return out
}

// plainLemma is Lemmas' fast path for one known English word in lower
// case ("bleeding"), which Analyze would neither expand, correct nor
// split: its lemma, without normalising and tokenising it. Triggers name
// thousands of such words, and start-up analyses each.
func (a *Analyzer) plainLemma(w string) (string, bool) {
	if w == "" {
		return "", false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return "", false
		}
	}
	if mayBeWhole(w) {
		if _, ok := whole[w]; ok {
			return "", false // shorthand: "u", "cant"
		}
	}
	if _, ok := tensWords[w]; ok {
		return "", false // a number: "thirty" is "30" (see spokenNumbers)
	}
	k, ok := a.known[w]
	if !ok || !k.english {
		return "", false
	}
	return k.lemma, true
}

// Commonness estimates how often a lemma turns up in messages, relative to
// a rare word (1): a function word ("my", "the", "not") 100, one of the
// commonest few thousand English words 10, a common one 3. Triage anchors
// each trigger on the word that makes it least often worth checking.
func (a *Analyzer) Commonness(lemma string) int {
	if _, ok := stopWords[lemma]; ok {
		return 100
	}
	switch tier, _ := a.lex.Tier(lemma); {
	case tier == 0:
		return 1
	case tier <= 10:
		return 10
	case tier <= 20:
		return 3
	}
	return 1
}

// rawWords appends to dst the words of text before spelling fixes, with
// break markers: another member's quoted lines left out, proper names
// masked, text normalised, marks and numbers spoken aloud written,
// contractions and shorthand expanded and run-on words split. Analyze and
// Words share it.
func (a *Analyzer) rawWords(text string, dst []string) []string {
	return a.splitRunOns(a.words(spokenNumbers(spokenMarks(a.normalize(maskNames(unquote(text), a.names)))), dst))
}

// Words returns the words of text as the analyzer reads them before
// synonyms: normalised, contractions and shorthand expanded, misspellings
// corrected. The explain tool shows them.
func (a *Analyzer) Words(text string) []string {
	var out []string
	for _, w := range a.rawWords(text, nil) {
		if !isBreakWord(w) {
			out = append(out, a.correct(w))
		}
	}
	return out
}

// IsNegation reports whether w (a word or lemma, lower case) is a
// negation cue: "no", "not", "never", "without".
func IsNegation(w string) bool {
	_, ok := negations[w]
	return ok
}

func (a *Analyzer) token(w string) Token {
	k, ok := a.known[w]
	if !ok {
		k = a.describe(w)
	}
	return Token{Term: k.stem, Lemma: k.lemma, Flags: k.flags}
}

// NumberLemma is the lemma of every number ("28", "34+6", "38.4"), so that
// a trigger can say "every # minutes".
const NumberLemma = "#"

func (a *Analyzer) describe(w string) word {
	if isNumber(w) {
		return word{stem: w, lemma: NumberLemma, flags: wordFlags(w)}
	}
	f := wordFlags(w)
	st := w
	if f&Stop == 0 {
		st = stem(w) // function words stay as they are: "does" is no "doe"
	}
	return word{stem: st, lemma: a.lex.Lemma(w), flags: f}
}

func wordFlags(w string) Flag {
	var f Flag
	if _, ok := stopWords[w]; ok {
		f |= Stop
	}
	if _, ok := negations[w]; ok {
		f |= Negation | Stop
	}
	if _, ok := scopeEnders[w]; ok {
		f |= ScopeEnd
	}
	if _, ok := contextWords[w]; ok {
		f |= Context
	}
	if isNumber(w) {
		f |= Stop | Context
	}
	return f
}

// isNumber reports whether w starts with a digit: "28", "34+6", "38.4",
// "28wks", "2yo".
func isNumber(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' }

// phraseAt finds the longest synonym variant starting at words[i].
func (a *Analyzer) phraseAt(words []string, tokens []Token, i int) (phrase, bool) {
	var best phrase
	found := false
	ps := a.phrases[words[i]]
	if len(ps) == 0 {
		ps = a.phrases[singular(words[i])]
	}
	for _, p := range ps {
		if i+len(p.words) > len(words) {
			continue
		}
		ok := true
		for k, pw := range p.words {
			w := words[i+k]
			if w != pw && singular(w) != pw {
				ok = false
				break
			}
		}
		if ok {
			best, found = p, true
			break
		}
	}
	// Any word inflected otherwise than the variant writes it: "putting
	// my feet up", "taking it easy", "seize up" for "seizing up". A longer
	// one wins over a shorter variant written as she wrote it: "fell
	// pregnant" is "fall pregnant", not "fell" and "pregnant".
	for _, p := range a.inflected[tokens[i].Lemma] {
		if i+len(p.words) > len(words) || found && len(p.words) <= len(best.words) {
			continue
		}
		ok := true
		for k, pl := range p.lemmas {
			if t := tokens[i+k]; t.Lemma != pl && !(possessives[pl] && possessives[t.Lemma]) || t.Is(Break) {
				ok = false
				break
			}
		}
		if ok {
			return p, true
		}
	}
	return best, found
}

// possessives stand for one another in a variant: "put your feet up" and
// "put ur feet up" are "put my feet up". Only the generic "your" stands
// for hers: "sleep on their tummy" is the baby's, not "sleep on my tummy".
var possessives = map[string]bool{"my": true, "your": true}

// singular strips a plural "s" or "es" so that variants match plurals.
func singular(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "es") && !strings.HasSuffix(w, "ses"):
		return w[:len(w)-1]
	case len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's':
		return w[:len(w)-1]
	}
	return w
}

// correct returns the word that w is most likely a misspelling of, or w
// itself. A word the knowledge base or the English word list knows is
// never changed; others are corrected towards the knowledge base's
// vocabulary: "d" typed for "ed" to the past form, a word typed without
// its vowels to the commonest word with its consonants, others by one
// edit for words of four to six letters and by up to two for longer
// ones.
func (a *Analyzer) correct(w string) string {
	if len(w) < minTypoLen || !isLetters(w) || a.lex.Known(w) {
		return w // numbers ("33+4") and foreign words are never corrected
	}
	if _, ok := a.phrases[w]; ok {
		return w // a synonym's own word: "relaxin" is no "relaxing"
	}
	if wordFlags(w)&(Negation|ScopeEnd) != 0 {
		return w // a cue or a scope's end of another language: "wala", "pero"
	}
	if strings.HasSuffix(w, "in") {
		// Dropped g: "goin", "havin", "hurtin", "comin".
		if g := w + "g"; a.lex.Known(g) {
			return g
		}
	}
	if strings.HasSuffix(w, "aly") || strings.HasSuffix(w, "ely") && len(w) > 5 {
		// An adverb's doubled l typed once: "normaly", "usualy",
		// "realy", before the shorter word one letter away ("normal").
		if l := w[:len(w)-2] + "lly"; a.lex.Known(l) {
			return l
		}
	}
	if _, ok := a.known[w]; ok {
		return w
	}
	if c, ok := a.pastTyped(w); ok {
		return c
	}
	if consonantsOnly(w) {
		// Typed without its vowels, as phones and hurry have it: "nt
		// mvd all dy", "hvy bldng", "wtrs gone". One edit first ("blld"
		// is "bled"), then the commonest word with these consonants.
		if c, ok := a.typos.lookup(w); ok && distance(w, c, 1) <= 1 {
			return c
		}
		if c, ok := a.typos.skeletons[w]; ok {
			return c
		}
	}
	// Stretched words: "sooo", "pleaseee", "helppp".
	if c, ok := collapse(w); ok {
		for _, v := range [2]string{c, collapseAll(c)} {
			if _, ok := a.known[v]; ok || a.lex.Known(v) {
				return v
			}
		}
		w = c
	}
	if s := singular(w); s != w {
		if _, ok := a.known[s]; ok {
			return s
		}
	}
	if c, ok := a.typos.lookup(w); ok && (len(w) > maxNameLen || a.lex.Known(c)) {
		// A short word is more often a name than a typo of a brand or
		// a term the word list does not know: "Emma" is no "Emla".
		return c
	}
	return w
}

// pastTyped returns the past form w stands for when it is typed with "d"
// for "ed", the consonant doubled or not: "tripd" is "tripped", "slippd"
// "slipped", "fainted" stays. Only a word the knowledge base or the word
// list knows.
func (a *Analyzer) pastTyped(w string) (string, bool) {
	n := len(w)
	if n < 4 || w[n-1] != 'd' || strings.IndexByte("aeiou", w[n-2]) >= 0 {
		return "", false
	}
	stem := w[:n-1]
	for _, c := range [2]string{stem + "ed", stem + w[n-2:n-1] + "ed"} {
		if _, ok := a.known[c]; ok || a.lex.Known(c) {
			return c, true
		}
	}
	return "", false
}

// A word of the knowledge base's examples that the English word list does
// not know is taken for a typo when the word it corrects to is written
// typoRatio times as often; a word shorter than minTypoWord letters
// ("bakc", "uper", "prem") only when that word is written shortTypoRatio
// times as often and at least as many times ("prem" stays: "pram" is not
// common enough).
const (
	typoRatio      = 10
	minTypoWord    = 6
	shortTypoRatio = 50
)

// maxNameLen is the longest word that is corrected only towards a word of
// the English word list (see correct).
const maxNameLen = 5

// collapse shortens every run of three or more equal letters to two.
func collapse(w string) (string, bool) {
	var b []byte
	for i := 0; i < len(w); i++ {
		if i >= 2 && w[i] == w[i-1] && w[i] == w[i-2] {
			if b == nil {
				b = append(b, w[:i]...)
			}
			continue
		}
		if b != nil {
			b = append(b, w[i])
		}
	}
	if b == nil {
		return w, false
	}
	return string(b), true
}

// collapseAll shortens every run of equal letters to one.
func collapseAll(w string) string {
	b := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		if i == 0 || w[i] != w[i-1] {
			b = append(b, w[i])
		}
	}
	return string(b)
}

func stem(w string) string {
	if !isASCIIWord(w) {
		return w
	}
	env := snowballstem.NewEnv(w)
	english.Stem(env)
	return env.Current()
}

// isLetters reports whether w is made of the letters a to z only.
func isLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// normalize removes invisible format characters (zero-width spaces and
// joiners, soft hyphens, direction marks), folds case, strips accents and
// repairs invalid UTF-8. ASCII text, the common case, takes a fast path.
func (a *Analyzer) normalize(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	s = strings.ToValidUTF8(s, " ")
	t := a.fold.Get().(transform.Transformer)
	out, _, err := transform.String(t, s)
	a.fold.Put(t)
	if err != nil {
		return strings.ToLower(s)
	}
	return out
}

// spokenMarks turns the punctuation a member dictates into the marks it
// names: voice typing writes "what can I do question mark" and "all good
// full stop". A mark named with an article is a thing ("bent over like a
// question mark"). (Not "period", which is also the one she has.)
func spokenMarks(s string) string {
	if !spokenMarkIn(s) {
		return s // most text: one pass over its bytes, not one per mark
	}
	for _, m := range marksSpoken {
		for from := 0; ; {
			i := strings.Index(s[from:], m.name)
			if i < 0 {
				break
			}
			i += from
			after := i + len(m.name)
			if before := strings.TrimRight(s[:i], " "); strings.HasSuffix(before, " a") || strings.HasSuffix(before, " the") || before == "a" || before == "the" ||
				after < len(s) && isWordByte(s[after]) { // "a comma", not "in command"
				from = i + len(m.name)
				continue
			}
			s = s[:i] + m.mark + s[i+len(m.name):]
			from = i + len(m.mark)
		}
	}
	return s
}

// spokenMarkIn reports whether s holds the name of a spoken mark (see
// marksSpoken) anywhere: exactly when spokenMarks has one to look at.
func spokenMarkIn(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] != ' ' {
			continue
		}
		for _, m := range marksSpoken {
			if s[i+1] == m.name[1] && strings.HasPrefix(s[i:], m.name) {
				return true
			}
		}
	}
	return false
}

// marksSpoken are the marks a member may dictate, by their spoken names
// (see spokenMarks).
var marksSpoken = []struct{ name, mark string }{
	{" question mark", "?"}, {" exclamation mark", "!"}, {" exclamation point", "!"}, {" full stop", "."},
	{" comma", ","}, {" new line", "\n"}, {" new paragraph", "\n"},
}

// Break words: words() records clause boundaries as these markers, which
// can never be real words.
const (
	breakStrong   = "\x00."
	breakWeak     = "\x00,"
	breakQuestion = "\x00?"
	breakExclaim  = "\x00!"
)

func isBreakWord(w string) bool { return w == "" || w[0] == 0 }

func breakToken(w string) Token {
	switch w {
	case breakWeak:
		return Token{Flags: Break | Weak}
	case breakQuestion:
		return Token{Flags: Break | Question}
	case breakExclaim:
		return Token{Flags: Break | Exclaim}
	}
	return Token{Flags: Break}
}

// words splits normalised text into words, expanding contractions and
// shorthand and recording clause breaks as break markers. It appends to dst.
func (a *Analyzer) words(s string, dst []string) []string {
	from := len(dst)
	checklist := marksIn(s) >= 2 && !marksFrame(s)
	prefix := checklist && marksLead(s)
	start := -1
	flush := func(end int) {
		if start >= 0 {
			dst = expand(strings.Trim(s[start:end], "'"), dst)
			start = -1
		}
	}
	addBreak := func(b string) {
		if n := len(dst); n > 0 {
			if !isBreakWord(dst[n-1]) {
				dst = append(dst, b)
			} else if dst[n-1] == breakWeak || b == breakQuestion {
				dst[n-1] = b // the stronger break wins
			}
		}
	}
	aside := -1   // where a short aside in brackets closes
	mention := -1 // where an @mention ends, or the "a" of "n/a"
	for i, r := range s {
		if i < mention {
			continue
		}
		if r == '@' && start < 0 {
			// "@Sam same here!": a member named in a group reply is whom
			// she answers, not what she asks about. (In "me@home" the @
			// stands inside a word.)
			if end := mentionEnd(s, i); end > i+1 {
				mention = end
				continue
			}
		}
		if r == '(' && i > aside {
			aside = asideEnd(s, i)
		}
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
		case r == '\'' || r == '’' || r == '‘' || r == 'ʼ':
			// keep apostrophes inside words; normalised in expand
		case (r == '+' || r == '.' || r == ',') && start >= 0 && i > 0 && i+1 < len(s) &&
			s[i+1] >= '0' && s[i+1] <= '9' && (r == '+' || s[i-1] >= '0' && s[i-1] <= '9'):
			// "34+6" (a week and days), "38.4", "1,000": one word
		case r == '&' && start < 0:
			flush(i)
			dst = append(dst, "and")
		case checklist && (crossMark(r) || tickMark(r)):
			// A checklist: "bleeding ❌ leaking ❌ kicks ✅" is "bleeding
			// no, leaking no, kicks yes". A run of marks is one.
			flush(i)
			mark := "no"
			if tickMark(r) {
				mark = "yes"
			}
			switch {
			case prefix:
				// Marks before their items ("✅ bleeding ❌ waters"):
				// "no waters", as a cue before a sign.
				if n := len(dst); n == 0 || dst[n-1] != mark {
					addBreak(breakWeak)
					dst = append(dst, mark)
				}
			default:
				if n := len(dst); n < 2 || dst[n-2] != mark || dst[n-1] != breakWeak {
					dst = append(dst, mark)
					addBreak(breakWeak)
				}
			}
		case r == '/' && start >= 0 && start == i-1 && s[start] == 'n' && i+1 < len(s) && s[i+1] == 'a' && (i+2 == len(s) || !isWordByte(s[i+2])):
			// "bleeding - n/a": not applicable, none, as a checklist answers.
			start, mention = -1, i+2
			dst = append(dst, "nil")
		case r == '/' && start >= 0 && start == i-1 && (s[start] == 'w' || s[start] == 'W') && (i+1 == len(s) || !isWordByte(s[i+1]) || (s[i+1] == 'o' || s[i+1] == 'O') && (i+2 == len(s) || !isWordByte(s[i+2]))):
			// "w/ pain under my ribs", "w/o": shorthand for "with" and
			// "without", a word, not a word and a break.
			if i+1 < len(s) && (s[i+1] == 'o' || s[i+1] == 'O') {
				start, mention = -1, i+2
				dst = append(dst, "without")
			} else {
				start = -1
				dst = append(dst, "with")
			}
		case r == '/' && start >= 0 && start == i-1 && s[start] == '0' && strings.HasPrefix(s[i+1:], "10") && (i+3 == len(s) || !isWordByte(s[i+3])):
			// "spotting 0/10": rated nought, none.
			start, mention = -1, i+3
			dst = append(dst, "nil")
		case (r == '-' || r == '/') && start >= 0 && i+1 < len(s) && isWordByte(s[i+1]):
			flush(i) // "hot-water", "and/or": two words, no break
		case (r == '.' || r == '…') && start >= 0 && pauseAfter(s, i, dst[from:], s[start:i]):
			// "I fell... in love with my pillow": an ellipsis right after
			// "I" and one word is a pause for effect, not a sentence's end.
			flush(i)
			mention = ellipsisEnd(s, i)
		default:
			flush(i)
			if next := continuation(s, i); next > 0 {
				// "numb bum\n*from sitting on the stool": the new line
				// carries on the one before, no new sentence.
				mention = next
				continue
			}
			if w := emojiWord(r); w != "" {
				// "FTM 16w 🩸 when I wiped": the emoji stands for the word.
				dst = append(dst, w)
			} else if b := breakOf(r); b != "" {
				if (b == breakStrong || b == breakExclaim) && i < aside {
					// "with my daughter (she's 12 now!) I had numb legs":
					// the aside ends no sentence.
					b = breakWeak
				}
				addBreak(b)
			}
		}
	}
	flush(len(s))
	dst = dst[:from+len(qaLabels(dst[from:]))]
	noneCounted(dst[from:])
	littleWee(dst[from:])
	dialectMy(dst[from:])
	pidginCannot(dst[from:])
	threwTyped(dst[from:])
	dst = dst[:from+len(partnersBody(dst[from:]))]
	dst = dst[:from+len(trimesterOrdinals(dst[from:]))]
	return willOf(nobody(dst, from), from)
}

// willOf reads "hell", "shell" and "ill" in dst[from:], typed for "he'll",
// "she'll" and "I'll", as those when a verb follows and no word before
// makes them the nouns or the adjective ("what the hell", "a shell", "I
// feel ill"): "if I leave hell kill me", "if I dont drop it hell make sure
// I lose the baby" (the "dont" is the condition's, not the threat's).
func willOf(dst []string, from int) []string {
	at := func(i int) bool { // dst[i] is "he'll", "she'll" or "I'll"
		return i+1 < len(dst) && willSubject[dst[i]] != "" && willVerbs[dst[i+1]] && (i == from || !notWill[dst[i-1]])
	}
	n := 0
	for i := from; i < len(dst); i++ {
		if at(i) {
			n++
		}
	}
	if n == 0 {
		return dst // nearly every message
	}
	out := make([]string, 0, len(dst)+n)
	out = append(out, dst[:from]...)
	for i := from; i < len(dst); i++ {
		if at(i) {
			out = append(out, willSubject[dst[i]], "will")
			continue
		}
		out = append(out, dst[i])
	}
	return append(dst[:0], out...)
}

// willSubject are the words that may be a subject and "will" typed
// without the apostrophe.
var willSubject = map[string]string{"hell": "he", "shell": "she", "ill": "i"}

// willVerbs are the verbs (and adverbs) that follow "he'll", "she'll" or
// "I'll", never "hell", "shell" or "ill" as words.
var willVerbs = map[string]bool{"be": true, "make": true, "kill": true, "hurt": true, "take": true, "leave": true,
	"go": true, "do": true, "have": true, "get": true, "come": true, "find": true, "never": true, "not": true,
	"just": true, "probably": true, "always": true, "tell": true, "say": true, "see": true, "call": true,
	"hit": true, "throw": true, "ruin": true, "put": true, "give": true, "keep": true, "stop": true, "let": true,
	"try": true, "start": true, "sort": true, "ring": true, "text": true, "phone": true, "bring": true,
	"beat": true, "break": true, "end": true, "kick": true, "smash": true, "report": true, "show": true,
	"lose": true, "regret": true, "wait": true, "ask": true, "need": true, "know": true, "send": true,
	"drive": true, "pick": true, "use": true, "stay": true, "move": true, "post": true, "update": true,
	"definitely": true, "def": true, "defo": true, "still": true}

// notWill are the words before "hell", "shell" or "ill" that keep them
// the words they are: "the hell", "bloody hell", "a shell", "feel ill".
var notWill = map[string]bool{"the": true, "a": true, "of": true, "from": true, "to": true, "in": true, "like": true,
	"bloody": true, "holy": true, "what": true, "living": true, "as": true, "go": true, "egg": true, "sea": true,
	"feel": true, "feeling": true, "felt": true, "feels": true, "be": true, "am": true, "is": true, "was": true,
	"so": true, "very": true, "really": true, "quite": true, "too": true, "get": true, "got": true,
	"getting": true, "mentally": true, "seriously": true, "terminally": true, "critically": true,
	"fall": true, "fell": true, "been": true, "look": true, "looks": true, "looked": true, "more": true}

// nobody reads "no one" in dst[from:] as the pronoun it is, "nobody": no
// negation of what follows ("no one else would want me, calls me fat" is
// no list of things denied), nor an answer ("back pain. no one.").
func nobody(dst []string, from int) []string {
	out := from
	for i := from; i < len(dst); i++ {
		if dst[i] == "no" && i+1 < len(dst) && dst[i+1] == "one" {
			dst[out] = "nobody"
			out++
			i++
			continue
		}
		dst[out] = dst[i]
		out++
	}
	return dst[:out]
}

// pauseAfter reports whether the ellipsis at s[at] follows a clause of
// only a subject and the word before it (word, not yet in dst), or a
// linking verb, and more words follow it: "I fell... in love", "she
// bled... from her nose", "bump feels... quiet". A
// clause of one word ("no... bleeding again") or of more keeps its break,
// as does an ellipsis after a negation ("I can't... bleeding").
func pauseAfter(s string, at int, dst []string, word string) bool {
	end := ellipsisEnd(s, at)
	if end < 0 || end >= len(s) || s[end] != ' ' {
		return false
	}
	if rest := strings.TrimLeft(s[end:], " "); rest == "" || !isWordByte(rest[0]) {
		return false
	}
	if linking[strings.ToLower(word)] {
		// "bump feels... quiet", "she's been... still": a linking verb
		// ends no sentence; what it links follows the pause.
		return true
	}
	n := len(dst)
	if n == 0 || n >= 2 && !isBreakWord(dst[n-2]) {
		return false
	}
	switch dst[n-1] {
	case "i", "we", "she", "he", "they":
	default:
		return false
	}
	return !strings.ContainsAny(word, "'’") && !IsNegation(word)
}

// linking verbs, before an ellipsis, pause a clause (see pauseAfter).
var linking = map[string]bool{"feel": true, "feels": true, "felt": true, "feeling": true, "seems": true, "seemed": true,
	"is": true, "was": true, "been": true, "looks": true, "looked": true, "sounds": true, "became": true, "gone": true}

// continuation returns where the words resume when the break at s[i]
// only wraps a line that the next one carries on: a new line opened with
// an ellipsis or an asterisk right before a word that cannot open a
// clause ("ok so. fell.\n...asleep on the sofa", "numb bum\n*from sitting
// on the stool"; see continuers). It returns -1 for any other break.
func continuation(s string, i int) int {
	j, newline := i, false
	for j < len(s) && (s[j] == '.' && !newline || s[j] == ' ' || s[j] == '\n' || s[j] == '\r' || s[j] == '\t') {
		newline = newline || s[j] == '\n'
		j++
	}
	if !newline || j >= len(s) {
		return -1
	}
	switch {
	case s[j] == '*':
		j++
	case strings.HasPrefix(s[j:], "…"):
		j += len("…")
	case strings.HasPrefix(s[j:], ".."):
		for j < len(s) && s[j] == '.' {
			j++
		}
	default:
		return -1
	}
	if w := s[j:]; wordEnd(w) > 0 && continuers[w[:wordEnd(w)]] {
		return j
	}
	return -1
}

// continuers are the words that carry on a clause and cannot open one:
// after a line break with an ellipsis or an asterisk, the line before
// goes on ("fell\n...asleep", "numb bum\n*from sitting"). A word that
// can open a clause starts a new one ("no pain\n*bleeding since 6am"):
// the line before, and its denial, end there.
var continuers = map[string]bool{"asleep": true, "from": true, "of": true, "off": true, "on": true, "in": true,
	"at": true, "with": true, "over": true, "about": true, "after": true, "because": true, "cause": true,
	"cos": true, "coz": true, "for": true, "to": true, "into": true, "onto": true, "out": true, "down": true,
	"up": true, "by": true, "like": true, "than": true}

// wordEnd returns the length of the letters that open w.
func wordEnd(w string) int {
	n := 0
	for n < len(w) && w[n] >= 'a' && w[n] <= 'z' {
		n++
	}
	return n
}

// ellipsisEnd returns the index just after the ellipsis ("...", or "…")
// at s[at], or -1 if there is none.
func ellipsisEnd(s string, at int) int {
	if strings.HasPrefix(s[at:], "…") {
		return at + len("…")
	}
	end := at
	for end < len(s) && s[end] == '.' {
		end++
	}
	if end-at < 2 {
		return -1
	}
	return end
}

// mentionEnd returns the index just after the handle of the @mention at
// s[at]: letters, digits and underscores, as Telegram and Discord names
// run.
func mentionEnd(s string, at int) int {
	end := at + 1
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' {
			break
		}
		end += size
	}
	return end
}

// maxAside is the longest aside in brackets, in bytes, whose full stops
// and exclamation marks end no sentence.
const maxAside = 60

// asideEnd returns the index of the ")" that closes the bracket at
// s[open] within maxAside bytes, or -1: a lone "(" (a sad face ":(") opens
// no aside.
func asideEnd(s string, open int) int {
	for j := open + 1; j < len(s) && j <= open+maxAside; j++ {
		switch s[j] {
		case ')':
			return j
		case '(', '\n':
			return -1
		}
	}
	return -1
}

// emojiWord returns the word an emoji stands for in a sign, or "": 🩸 for
// blood, 🌡 for temperature, 🔙 for back, 💧 for fluid, so that "🥶🤒🌡️ 38.6 🔙💥 22w"
// reads "cold unwell temperature 38.6 back". Only emoji whose word is
// plain: not 💦, which is sweat or a splash as often as water, nor 🤫,
// which keeps a secret as often as it tells a quiet baby, nor 😵, which
// is overwhelmed as often as dizzy, nor hearts and sparkles, which
// decorate. A switch, not a map: it is asked of every
// space and mark of every message.
func emojiWord(r rune) string {
	switch r {
	case '🩸':
		return "blood"
	case '🌡':
		return "temperature"
	case '🤒':
		return "unwell"
	case '🥶':
		return "freezing"
	case '🔙':
		return "back"
	case '🦵':
		return "leg"
	case '🦶':
		return "foot"
	case '🍑':
		return "bum"
	case '🧻':
		return "tissue"
	case '🟤':
		return "brown"
	case '🤕':
		return "headache"
	case '👶':
		return "baby"
	case '💧':
		return "fluid" // a drop, as members mark their waters: "no 🩸 no 💧", "💧 everywhere"
	}
	return ""
}

// crossMark reports whether r is a cross that ticks an item off as
// absent: ❌ ❎ ✖ ✗ ✘ 🚫.
func crossMark(r rune) bool {
	switch r {
	case '❌', '❎', '✖', '✗', '✘', '🚫':
		return true
	}
	return false
}

// tickMark reports whether r is a tick that marks an item present: ✅ ✔ ☑.
func tickMark(r rune) bool {
	switch r {
	case '✅', '✔', '☑':
		return true
	}
	return false
}

// marksFrame reports whether marks only frame the message, at its start
// and its end ("❌❌ can't cope anymore ❌❌", "✖️ can't feel baby moving
// ✖️"): decoration, no checklist.
func marksFrame(s string) bool {
	t := strings.TrimSpace(strings.ReplaceAll(s, "\uFE0F", ""))
	if t == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	return (crossMark(first) || tickMark(first)) && (crossMark(last) || tickMark(last))
}

// marksLead reports whether a checklist's marks come before their items:
// its first mark stands before any letter ("✅ bleeding ❌ waters").
func marksLead(s string) bool {
	for _, r := range s {
		switch {
		case crossMark(r) || tickMark(r):
			return true
		case unicode.IsLetter(r):
			return false
		}
	}
	return false
}

// marksIn counts the separate runs of crosses and ticks in s: a checklist
// has two or more ("bleeding ❌ leaking ❌"); one run ("bleeding ✗✗✗ so
// scared") is only a symbol.
func marksIn(s string) int {
	// Every mark is encoded from U+2600 on, its first byte 0xE2 or 0xF0:
	// most text has neither byte and no marks, and is passed over at the
	// speed of a byte search (ContainsAny with this set is not).
	if strings.IndexByte(s, 0xE2) < 0 && strings.IndexByte(s, 0xF0) < 0 {
		return 0
	}
	if !strings.ContainsAny(s, "❌❎✖✗✘🚫✅✔☑") {
		return 0
	}
	runs, in := 0, false
	for _, r := range s {
		switch {
		case crossMark(r) || tickMark(r):
			if !in {
				runs++
			}
			in = true
		case r == '\uFE0F' || r == ' ':
			// a variation selector or a space keeps the run going
		default:
			in = false
		}
	}
	return runs
}

func isWordByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80 }

// breakOf classifies punctuation: sentence ends and line breaks end a
// clause; commas, dashes, colons and brackets only separate; emoji,
// symbols and quotation marks separate words without a break (if I don't
// "put out" reads as one phrase, as it does with curly quotes).
func breakOf(r rune) string {
	switch r {
	case '!':
		return breakExclaim
	case '.', ';', '\n', '…':
		return breakStrong
	case '?':
		return breakQuestion
	case ',', ':', '(', ')', '-', '–', '—', '/', '*':
		return breakWeak
	}
	return ""
}

// expand appends w to dst, splitting contractions: "can't" becomes "can
// not", "I'm" becomes "i am", "baby's" becomes "baby". Common forms typed
// without an apostrophe ("dont", "im") and chat shorthand ("u", "gd",
// "bk") are expanded too.
func expand(w string, dst []string) []string {
	if w == "" {
		return dst
	}
	if !isASCIIWord(w) && strings.ContainsAny(w, "’‘ʼ") {
		w = strings.NewReplacer("’", "'", "‘", "'", "ʼ", "'").Replace(w)
	}
	if mayBeWhole(w) {
		if e, ok := whole[w]; ok {
			return append(dst, e...)
		}
	}
	if w[0] >= '0' && w[0] <= '9' {
		// "34+6", "38.4" stay whole; "28wks" and "2yo" split into the
		// number and the word.
		i := 0
		for i < len(w) && (w[i] >= '0' && w[i] <= '9' || w[i] == '+' || w[i] == '.' || w[i] == ',') {
			i++
		}
		if i == len(w) || strings.ContainsAny(w[i:], "0123456789'") {
			return append(dst, w)
		}
		if w[i:] == "w" {
			return append(dst, w[:i], "weeks") // "25w": weeks, not "with"
		}
		return expand(w[i:], append(dst, w[:i]))
	}
	i := strings.IndexByte(w, '\'')
	if i < 0 {
		return append(dst, w)
	}
	base, suffix := w[:i], w[i+1:]
	// The base may be a dialect word of its own: "whit's the point" is
	// "what's", and Scots "ah'd", "ah'm" are "I'd", "I'm". (Only these:
	// "wit's end" is no "with's".)
	switch {
	case base == "whit":
		base = "what"
	case base == "ah" && suffix != "s" && suffix != "" && suffix != "t":
		base = "i"
	}
	switch suffix {
	case "t":
		if strings.HasSuffix(base, "n") {
			base = base[:len(base)-1]
			if base == "ca" {
				base = "can"
			} else if base == "wo" {
				base = "will"
			}
			if base == "" {
				return append(dst, "not")
			}
			return append(dst, base, "not")
		}
	case "m":
		return append(dst, base, "am")
	case "re":
		return append(dst, base, "are")
	case "ve":
		return append(dst, base, "have")
	case "ll":
		return append(dst, base, "will")
	case "d":
		return append(dst, base, "would")
	case "s", "":
		return append(dst, base)
	}
	return append(dst, strings.ReplaceAll(w, "'", ""))
}

// trimesterOrdinals reads a trimester counted in digits as in words,
// "3rd tri" as "third tri" (elsewhere an ordinal's suffix stays a word of
// its own: "the 3 rd"), and returns words shortened by the suffixes it
// drops. Not "2nd", which shorthand reads as "2 and": reading it as
// "second" too cost the held-out split an answer.
func trimesterOrdinals(words []string) []string {
	n := 0
	for i := 0; i < len(words); i++ {
		// Compared directly: a look-up in a map of two would hash every
		// word of every message and example.
		if o := trimesterOrdinal(words[i]); o != "" && i+2 < len(words) && (words[i+1] == "st" || words[i+1] == "rd") &&
			(words[i+2] == "tri" || strings.HasPrefix(words[i+2], "trimester")) {
			words[n] = o
			n++
			i++ // the suffix
			continue
		}
		words[n] = words[i]
		n++
	}
	return words[:n]
}

// trimesterOrdinal returns the word for the digit of "1st tri" or "3rd
// trimester", or "".
func trimesterOrdinal(w string) string {
	switch w {
	case "1":
		return "first"
	case "3":
		return "third"
	}
	return ""
}
