// Package screen catches the safety situations that members describe in
// more ways than triggers can list. Thoughts of suicide come as metaphor
// ("the tide taking me"), as logistics (letters written to the children,
// a cat given to a sister) or as a plan stated flatly; a loss comes
// without the word. Each screen is a small logistic model over a
// message's lemmas and pairs of adjacent lemmas, learned from labelled
// messages (Train) and kept in the knowledge base (knowledge.Screen).
//
// A screen only adds its safety item to what the triggers found; it never
// takes one away, so a moderator's trigger always fires.
package screen

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/backcare/backcare/internal/analyze"
	"github.com/backcare/backcare/knowledge"
)

// key is one feature: a lemma (b empty) or two adjacent lemmas of one
// clause, and whether a negation cue governs it (see features). A struct
// key keeps lookups free of allocation.
type key struct {
	a, b    string
	negated bool
}

// negMark opens a negated feature as written in the knowledge base:
// "~hope" is "hope" after "no" or "not" in its clause.
const negMark = "~"

func (k key) String() string {
	s := k.a
	if k.b != "" {
		s += " " + k.b
	}
	if k.negated {
		s = negMark + s
	}
	return s
}

func parseKey(s string) key {
	s, negated := strings.CutPrefix(s, negMark)
	a, b, _ := strings.Cut(s, " ")
	return key{a, b, negated}
}

type model struct {
	safety          string
	bias, threshold float64
}

// maxScreens bounds the screens of a Set (there are three safety items),
// so that scoring keeps its sums on the stack.
const maxScreens = 8

// Set is the knowledge base's screens, ready to score messages. It is
// safe for concurrent use.
type Set struct {
	models []model
	// index maps a feature to its row in weights, which holds one weight
	// per model: a message's features are looked up once for all screens.
	index   map[key]int32
	weights []float64
}

// New prepares screens for scoring; screens beyond the eighth are left
// out.
func New(screens []knowledge.Screen) *Set {
	screens = screens[:min(len(screens), maxScreens)]
	n, size := len(screens), 0
	for _, x := range screens {
		size += len(x.Weights)
	}
	// Most features are in every screen: sized for the largest share, the
	// index is not rebuilt as it fills. Each feature is parsed once, its
	// weights gathered by row as its first sight numbers it.
	s := &Set{index: make(map[key]int32, size/max(n, 1)+size/4)}
	s.weights = make([]float64, n, n*(size/max(n, 1)+1))
	for i, x := range screens {
		s.models = append(s.models, model{safety: x.Safety, bias: x.Bias, threshold: x.Threshold})
		for f, w := range x.Weights {
			k := parseKey(f)
			row, ok := s.index[k]
			if !ok {
				row = int32(len(s.index) + 1)
				s.index[k] = row
				s.weights = append(s.weights, make([]float64, n)...)
			}
			s.weights[int(row)*n+i] = w
		}
	}
	return s
}

// weight is what feature k adds to model i's log-odds.
func (s *Set) weight(i int, k key) float64 {
	return s.weights[int(s.index[k])*len(s.models)+i]
}

// logOdds scores tokens with every model at once.
func (s *Set) logOdds(tokens []analyze.Token) (sums [maxScreens]float64) {
	n := len(s.models)
	for i, m := range s.models {
		sums[i] = m.bias
	}
	features(tokens, func(k key) {
		if row := int(s.index[k]) * n; row > 0 {
			for i := range n {
				sums[i] += s.weights[row+i]
			}
		}
	})
	return sums
}

// lemma is the form a token takes in a feature: every number is one word.
func lemma(t analyze.Token) string {
	if t.Lemma != "" && t.Lemma[0] >= '0' && t.Lemma[0] <= '9' {
		return "#"
	}
	return t.Lemma
}

// negScope is how many words after a negation cue it governs in a
// feature (see features).
const negScope = 3

// opensScope reports whether the negation cue at tokens[j] governs the
// features after it: a pronoun ("nobody cares if I'm here") and "don't
// know" ("don't know how much longer I can keep pretending") deny nothing
// that follows.
func opensScope(tokens []analyze.Token, j int) bool {
	switch tokens[j].Lemma {
	case "nobody", "noone", "nothing", "none", "neither", "nor":
		return false
	}
	return !(j+1 < len(tokens) && tokens[j+1].Lemma == "know")
}

// features calls f with each feature of tokens, once per occurrence. A
// word that a negation cue governs (up to negScope words on, within its
// clause, before a word such as "but" that ends a cue's scope; see
// opensScope for the cues that govern none) makes a feature of its own:
// "no hope" and "not be here" are not "I hope so" and "dad-to-be here".
func features(tokens []analyze.Token, f func(key)) {
	prev, scope := "", 0
	for j, t := range tokens {
		if t.Is(analyze.Break) || t.Is(analyze.ScopeEnd) {
			scope = 0
		}
		if t.Is(analyze.Break) {
			prev = ""
			continue
		}
		l := lemma(t)
		if l == "" {
			continue
		}
		negated := scope > 0
		f(key{l, "", negated})
		if prev != "" {
			f(key{prev, l, negated})
		}
		prev = l
		switch {
		case t.Is(analyze.Negation) && opensScope(tokens, j):
			scope = negScope
		case scope > 0:
			scope--
		}
	}
}

// Match appends to found the id of each screen that fires on tokens, and
// returns it. It leaves out the items in found already and those in held:
// items whose triggers matched and were judged not to apply (negated,
// settled as history, asked about). The triggers read negation and history;
// a screen does not, and never overrules them.
func (s *Set) Match(tokens []analyze.Token, found, held []string) []string {
	if len(s.models) == 0 {
		return found
	}
	sums := s.logOdds(tokens)
	for i, m := range s.models {
		if sums[i] >= m.threshold && !slices.Contains(found, m.safety) && !slices.Contains(held, m.safety) {
			found = append(found, m.safety)
		}
	}
	return found
}

// Score is how one screen read a message, for moderators who want to know
// why it fired or did not.
type Score struct {
	Safety             string
	LogOdds, Threshold float64
	Fired              bool
	// Held says that the triggers' verdict kept a fired screen silent
	// (see Set.Match): a trigger matched but did not fire, or a pattern
	// told the situation is not this one. Set by the caller.
	Held bool
	// Words are the features that moved the log-odds most, strongest
	// first.
	Words []Weight
}

// Weight is one feature's part in a score.
type Weight struct {
	Feature string
	Weight  float64
}

// Explain scores tokens with every screen, naming the features that
// weighed most.
func (s *Set) Explain(tokens []analyze.Token) []Score {
	var out []Score
	sums := s.logOdds(tokens)
	for i, m := range s.models {
		sc := Score{Safety: m.safety, LogOdds: sums[i], Threshold: m.threshold}
		sc.Fired = sc.LogOdds >= m.threshold
		features(tokens, func(k key) {
			if w := s.weight(i, k); w != 0 {
				sc.Words = append(sc.Words, Weight{k.String(), w})
			}
		})
		slices.SortStableFunc(sc.Words, func(a, b Weight) int { return cmp.Compare(math.Abs(b.Weight), math.Abs(a.Weight)) })
		sc.Words = sc.Words[:min(len(sc.Words), 6)]
		out = append(out, sc)
	}
	return out
}

// Example is one labelled message to learn from.
type Example struct {
	Tokens []analyze.Token
	// Positive says the message is the situation the screen is for.
	Positive bool
}

// Options set how a screen is learned. The zero value of a field means
// its default.
type Options struct {
	// Threshold is the log-odds at which the screen fires (default 0).
	Threshold float64
	// Epochs is how many passes training makes over the examples (15).
	Epochs int
	// Rate is the learning rate (0.2); L2 the weight decay (1e-3), which
	// keeps common words ("our", "they") from carrying a verdict.
	Rate, L2 float64
	// PositiveWeight is how much more a missed positive costs than a
	// false alarm (3): a missed crisis is the worse error.
	PositiveWeight float64
	// MinCount drops features seen in fewer examples (2): a word one
	// message used is that message, not a way of speaking.
	MinCount int
	// Prune drops weights smaller than this in size (0.05) from the model.
	Prune float64
	// Runs is how many trainings, each reading the examples in another
	// order, are averaged into the model (4).
	Runs int
	// Seed orders the passes; the same seed and examples give the same
	// model.
	Seed uint64
}

func (o *Options) defaults() {
	def := func(v *float64, d float64) {
		if *v == 0 {
			*v = d
		}
	}
	def(&o.Rate, 0.2)
	def(&o.L2, 1e-3)
	def(&o.PositiveWeight, 3)
	def(&o.Prune, 0.2)
	if o.Epochs == 0 {
		o.Epochs = 15
	}
	if o.MinCount == 0 {
		o.MinCount = 2
	}
	if o.Runs == 0 {
		o.Runs = 4
	}
}

// Train learns a screen for the safety item safety from examples, by
// logistic regression with stochastic gradient descent.
func Train(safety string, examples []Example, o Options) knowledge.Screen {
	o.defaults()
	ids := map[key]int{}
	var keys []key
	docs := make([][]int, len(examples))
	count := map[key]int{}
	for _, ex := range examples {
		seen := map[key]bool{}
		features(ex.Tokens, func(k key) {
			if !seen[k] {
				seen[k] = true
				count[k]++
			}
		})
	}
	for i, ex := range examples {
		features(ex.Tokens, func(k key) {
			if count[k] < o.MinCount {
				return
			}
			id, ok := ids[k]
			if !ok {
				id = len(keys)
				ids[k] = id
				keys = append(keys, k)
			}
			docs[i] = append(docs[i], id)
		})
	}
	positives := 0
	for _, ex := range examples {
		if ex.Positive {
			positives++
		}
	}
	// The model is the average of Runs trainings that differ only in the
	// order they read the examples: a few more labelled messages, or
	// another order, then move a borderline verdict far less.
	w, bias := make([]float64, len(keys)), 0.0
	for run := range o.Runs {
		rw, rb := o.sgd(examples, docs, len(keys), o.Seed+uint64(run))
		for id := range w {
			w[id] += rw[id] / float64(o.Runs)
		}
		bias += rb / float64(o.Runs)
	}
	x := knowledge.Screen{Safety: safety, Bias: round(bias), Threshold: o.Threshold, Weights: map[string]float64{},
		TrainedOn: fmt.Sprintf("%d messages, %d of them %s", len(examples), positives, safety)}
	for id, k := range keys {
		if math.Abs(w[id]) >= o.Prune {
			x.Weights[k.String()] = round(w[id])
		}
	}
	return x
}

// sgd is one training run: logistic regression by stochastic gradient
// descent over docs (each example's feature ids), reading the examples in
// an order drawn from seed. Its weights are the average of those at the
// end of each epoch of the second half of the run, steadier than the last
// epoch's alone.
func (o *Options) sgd(examples []Example, docs [][]int, n int, seed uint64) ([]float64, float64) {
	w, avg := make([]float64, n), make([]float64, n)
	bias, avgBias, snapshots := 0.0, 0.0, 0
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, 0x5c4ee9))
	for epoch := range o.Epochs {
		if epoch >= o.Epochs/2 && epoch > 0 {
			for id := range w {
				avg[id] += w[id]
			}
			avgBias += bias
			snapshots++
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			z := bias
			for _, id := range docs[i] {
				z += w[id]
			}
			p := 1 / (1 + math.Exp(-max(-30, min(30, z))))
			g := p
			if examples[i].Positive {
				g = (p - 1) * o.PositiveWeight
			}
			bias -= o.Rate * g
			for _, id := range docs[i] {
				w[id] -= o.Rate * (g + o.L2*w[id])
			}
		}
	}
	for id := range w {
		avg[id] = (avg[id] + w[id]) / float64(snapshots+1)
	}
	return avg, (avgBias + bias) / float64(snapshots+1)
}

func round(f float64) float64 { return math.Round(f*1000) / 1000 }

// Write writes screens as a knowledge-base YAML file, with note as its
// opening comment.
func Write(w io.Writer, screens []knowledge.Screen, note string) error {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(note), "\n") {
		b.WriteString(strings.TrimRight("# "+line, " ") + "\n")
	}
	b.WriteString("\nscreens:\n")
	for _, x := range screens {
		fmt.Fprintf(&b, "  - safety: %s\n    trained_on: %q\n    bias: %g\n    threshold: %g\n    weights: |\n",
			x.Safety, x.TrainedOn, x.Bias, x.Threshold)
		type fw struct {
			f string
			w float64
		}
		var ws []fw
		for f, v := range x.Weights {
			ws = append(ws, fw{f, v})
		}
		// Strongest first, so that the file reads as what the screen
		// listens for.
		slices.SortFunc(ws, func(a, b fw) int {
			if c := cmp.Compare(b.w, a.w); c != 0 {
				return c
			}
			return strings.Compare(a.f, b.f)
		})
		for _, e := range ws {
			fmt.Fprintf(&b, "      %s %g\n", e.f, e.w)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
