// Package analyze turns a user's message into the tokens that triage and
// matching work on: Unicode normalisation, case folding, contractions,
// spelling fixes, synonyms, stop words and Snowball stemming.
//
// An Analyzer is built once per knowledge base and is safe for concurrent
// use. Analyze allocates little: words the knowledge base knows are
// stemmed from a precomputed table.
package analyze

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/backcare/backcare/knowledge"
)

// MaxBytes bounds how much of a message is analysed. Engines cut messages
// to 4096 characters before this; the bound protects direct callers.
const MaxBytes = 16 << 10

// Flag describes a token's role.
type Flag uint8

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
	// Break marks a clause boundary from punctuation. Its Term is empty.
	Break
)

// Token is one word of an analysed message.
type Token struct {
	// Term is the stemmed, canonical form used for matching.
	Term  string
	Flags Flag
}

// Is reports whether t has all the flags f.
func (t Token) Is(f Flag) bool { return t.Flags&f == f }

// Analyzer analyses text for one knowledge base.
type Analyzer struct {
	stems   map[string]string   // known surface word -> stem
	phrases map[string][]phrase // first word of a synonym variant -> variants, longest first
	typos   typoIndex
	scratch sync.Pool // *[]string
	fold    sync.Pool // transform.Transformer for non-ASCII text
}

type phrase struct {
	words []string
	repl  []string
}

// New builds an Analyzer whose vocabulary, synonyms and spelling fixes come
// from the knowledge base.
func New(kb *knowledge.Base) *Analyzer {
	a := &Analyzer{
		stems:   map[string]string{},
		phrases: map[string][]phrase{},
	}
	a.scratch.New = func() any { s := make([]string, 0, 64); return &s }
	a.fold.New = func() any {
		return transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)), norm.NFC, cases.Fold())
	}

	var vocab []string
	addText := func(s string) {
		for _, w := range a.words(a.normalize(s), nil) {
			if w != "" {
				vocab = append(vocab, w)
			}
		}
	}
	for _, s := range kb.Synonyms {
		repl := a.words(a.normalize(s.Word), nil)
		addText(s.Word)
		for _, v := range s.Variants {
			words := a.words(a.normalize(v), nil)
			if len(words) == 0 {
				continue
			}
			addText(v)
			a.phrases[words[0]] = append(a.phrases[words[0]], phrase{words: words, repl: repl})
		}
	}
	for first, ps := range a.phrases {
		sortLongestFirst(ps)
		a.phrases[first] = ps
	}
	for _, t := range kb.Topics {
		addText(t.Title)
		for _, e := range t.Examples {
			addText(e)
		}
		for _, k := range t.Keywords {
			addText(k)
		}
	}
	for _, f := range kb.RedFlags {
		for _, tr := range f.Triggers {
			addText(tr)
		}
	}
	for _, d := range kb.Declines {
		for _, tr := range d.Triggers {
			addText(tr)
		}
	}
	for w := range stopWords {
		vocab = append(vocab, w)
	}
	for _, w := range vocab {
		if _, ok := a.stems[w]; !ok {
			a.stems[w] = stem(w)
		}
	}
	a.typos = newTypoIndex(vocab)
	return a
}

func sortLongestFirst(ps []phrase) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && len(ps[j].words) > len(ps[j-1].words); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}

// Analyze appends the tokens of text to dst and returns the result.
func (a *Analyzer) Analyze(text string, dst []Token) []Token {
	if len(text) > MaxBytes {
		text = text[:MaxBytes]
	}
	bufp := a.scratch.Get().(*[]string)
	words := a.words(a.normalize(text), (*bufp)[:0])
	for i, w := range words {
		if w != "" {
			words[i] = a.correct(w)
		}
	}
	for i := 0; i < len(words); {
		w := words[i]
		if w == "" {
			dst = append(dst, Token{Flags: Break})
			i++
			continue
		}
		if p, ok := a.phraseAt(words, i); ok {
			for _, r := range p.repl {
				dst = append(dst, a.token(r))
			}
			i += len(p.words)
			continue
		}
		dst = append(dst, a.token(w))
		i++
	}
	clear(words)
	*bufp = words[:0]
	a.scratch.Put(bufp)
	return dst
}

// Terms returns the stemmed terms of text, without stop words and breaks.
// It is meant for building indexes, not for the per-message path.
func (a *Analyzer) Terms(text string) []string {
	var out []string
	for _, t := range a.Analyze(text, nil) {
		if t.Flags&(Stop|Break) == 0 {
			out = append(out, t.Term)
		}
	}
	return out
}

// AllTerms returns every term of text, stop words included, without breaks.
// Triggers are compiled with it.
func (a *Analyzer) AllTerms(text string) []string {
	var out []string
	for _, t := range a.Analyze(text, nil) {
		if t.Flags&Break == 0 {
			out = append(out, t.Term)
		}
	}
	return out
}

func (a *Analyzer) token(w string) Token {
	s, ok := a.stems[w]
	if !ok {
		s = stem(w)
	}
	return Token{Term: s, Flags: wordFlags(w)}
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
	if isNumber(w) {
		f |= Stop
	}
	return f
}

func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// phraseAt finds the longest synonym variant starting at words[i].
func (a *Analyzer) phraseAt(words []string, i int) (phrase, bool) {
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
			return p, true
		}
	}
	return phrase{}, false
}

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

// correct returns the known word that w is most likely a misspelling of,
// or w itself. Only words of five or more letters that the knowledge base
// does not know are corrected, and only by one edit.
func (a *Analyzer) correct(w string) string {
	if _, ok := a.stems[w]; ok || len(w) < minTypoLen {
		return w
	}
	if _, ok := a.phrases[w]; ok {
		return w
	}
	if c, ok := a.typos.lookup(w); ok {
		return c
	}
	if s := singular(w); s != w {
		if _, ok := a.stems[s]; ok {
			return s
		}
		if c, ok := a.typos.lookup(s); ok {
			return c
		}
	}
	return w
}

func stem(w string) string {
	if !isASCIIWord(w) {
		return w
	}
	return english.Stem(w, false)
}

func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// normalize folds case, strips accents and repairs invalid UTF-8. ASCII
// text, the common case, takes a fast path.
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

// words splits normalised text into words, expanding contractions and
// recording clause breaks as empty strings. It appends to dst.
func (a *Analyzer) words(s string, dst []string) []string {
	start := -1
	flush := func(end int) {
		if start >= 0 {
			dst = expand(strings.Trim(s[start:end], "'"), dst)
			start = -1
		}
	}
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
		case r == '\'' || r == '’' || r == '‘' || r == 'ʼ':
			if start < 0 {
				continue
			}
			// keep apostrophes inside words; normalised below
		default:
			flush(i)
			if isBreak(r) && len(dst) > 0 && dst[len(dst)-1] != "" {
				dst = append(dst, "")
			}
		}
	}
	flush(len(s))
	return dst
}

func isBreak(r rune) bool {
	switch r {
	case '.', ',', '!', '?', ';', ':', '\n', '(', ')', '…', '"':
		return true
	}
	return false
}

// expand appends w to dst, splitting contractions: "can't" becomes "can
// not", "I'm" becomes "i am", "baby's" becomes "baby". Common forms typed
// without an apostrophe ("dont", "im") are expanded too.
func expand(w string, dst []string) []string {
	if w == "" {
		return dst
	}
	if strings.ContainsAny(w, "’‘ʼ") {
		w = strings.NewReplacer("’", "'", "‘", "'", "ʼ", "'").Replace(w)
	}
	if e, ok := contractions[w]; ok {
		return append(dst, e...)
	}
	i := strings.IndexByte(w, '\'')
	if i < 0 {
		return append(dst, w)
	}
	base, suffix := w[:i], w[i+1:]
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
