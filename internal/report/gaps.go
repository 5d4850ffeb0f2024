package report

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/backcare/backcare/internal/insights"
)

// Group is a set of similar unanswered questions.
type Group struct {
	// Count is how many times they were asked.
	Count int
	// Questions are the distinct wordings (lower-cased), most frequent
	// first.
	Questions []string
	// Closest is the topic most often guessed first, and Confidence its
	// mean confidence then; "" when the matcher had no guess.
	Closest    string
	Confidence float64
}

// gapSet collects unanswered questions by wording.
type gapSet struct {
	texts map[string]*gapText
}

type gapText struct {
	text    string
	count   int
	guesses map[string][]float64 // first guess → its confidences
}

func newGapSet() *gapSet { return &gapSet{texts: map[string]*gapText{}} }

func (s *gapSet) add(e insights.Entry) {
	key := strings.ToLower(strings.TrimSpace(e.Text))
	t := s.texts[key]
	if t == nil {
		t = &gapText{text: key, guesses: map[string][]float64{}}
		s.texts[key] = t
	}
	t.count++
	if len(e.Guesses) > 0 {
		g := e.Guesses[0]
		t.guesses[g.Topic] = append(t.guesses[g.Topic], g.Confidence)
	}
}

// similarity is the least share of their combined terms two questions
// must have in common to be grouped (Jaccard similarity).
const similarity = 0.5

// groups groups similar questions, most frequent group first. terms turns
// a question into its terms; a question joins the group whose first
// question it is most similar to, if the similarity is at least
// similarity, and starts a new group otherwise. Questions are taken most
// frequent first, so the most asked wording leads its group.
//
// Candidate groups are found by prefix filtering: with every term set
// ordered rarest term first, two sets whose similarity reaches the
// threshold share a term among the first n - ⌈similarity·n⌉ + 1 of each.
// So only groups that share such a term are compared, which keeps large
// logs fast, and the result is the same as comparing every pair.
func (s *gapSet) groups(terms func(string) []string) []Group {
	texts := make([]*gapText, 0, len(s.texts))
	for _, t := range s.texts {
		texts = append(texts, t)
	}
	slices.SortFunc(texts, func(a, b *gapText) int { return cmp.Or(b.count-a.count, strings.Compare(a.text, b.text)) })

	sets := make([][]string, len(texts))
	df := map[string]int{}
	for i, t := range texts {
		set := slices.Compact(slices.Sorted(slices.Values(terms(t.text))))
		sets[i] = set
		for _, term := range set {
			df[term]++
		}
	}
	type cluster struct {
		key     map[string]bool
		members []*gapText
	}
	var clusters []*cluster
	var empty *cluster          // the group of questions without terms
	index := map[string][]int{} // prefix term → clusters
	seen := map[int]bool{}
	for i, t := range texts {
		set := sets[i]
		slices.SortFunc(set, func(a, b string) int { return cmp.Or(df[a]-df[b], strings.Compare(a, b)) })
		if len(set) == 0 {
			if empty == nil {
				empty = &cluster{key: map[string]bool{}}
				clusters = append(clusters, empty)
			}
			empty.members = append(empty.members, t)
			continue
		}
		prefix := set[:prefixLen(len(set))]
		best, bestSim := -1, similarity
		clear(seen)
		for _, term := range prefix {
			for _, c := range index[term] {
				if seen[c] {
					continue
				}
				seen[c] = true
				sim := jaccard(set, clusters[c].key)
				if sim > bestSim || sim == bestSim && (best < 0 || c < best) {
					best, bestSim = c, sim
				}
			}
		}
		if best < 0 {
			key := make(map[string]bool, len(set))
			for _, term := range set {
				key[term] = true
			}
			best = len(clusters)
			clusters = append(clusters, &cluster{key: key})
			for _, term := range prefix {
				index[term] = append(index[term], best)
			}
		}
		clusters[best].members = append(clusters[best].members, t)
	}

	groups := make([]Group, 0, len(clusters))
	for _, c := range clusters {
		g := Group{}
		guesses := map[string][]float64{}
		for _, m := range c.members { // most frequent first already
			g.Count += m.count
			g.Questions = append(g.Questions, m.text)
			for topic, confs := range m.guesses {
				guesses[topic] = append(guesses[topic], confs...)
			}
		}
		for topic, confs := range guesses {
			if n, best := len(confs), len(guesses[g.Closest]); n > best || n == best && topic < g.Closest {
				g.Closest = topic
			}
		}
		if confs := guesses[g.Closest]; len(confs) > 0 {
			var sum float64
			for _, x := range confs {
				sum += x
			}
			g.Confidence = sum / float64(len(confs))
		}
		groups = append(groups, g)
	}
	slices.SortStableFunc(groups, func(a, b Group) int { return b.Count - a.Count })
	return groups
}

// prefixLen is how many of a set's rarest terms are indexed and probed.
func prefixLen(n int) int {
	return n - int(math.Ceil(similarity*float64(n))) + 1
}

// jaccard returns |a∩b| / |a∪b| for a set of distinct terms and a key.
func jaccard(set []string, key map[string]bool) float64 {
	inter := 0
	for _, t := range set {
		if key[t] {
			inter++
		}
	}
	return float64(inter) / float64(len(set)+len(key)-inter)
}
