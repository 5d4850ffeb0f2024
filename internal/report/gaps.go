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
// So only groups that share such a term are compared, and of those only
// the ones where the terms after the first shared one leave room for a
// better similarity than the best so far (positional filtering). This
// keeps large logs fast, and the result is the same as comparing every
// question with every group.
func (s *gapSet) groups(terms func(string) []string) []Group {
	texts := make([]*gapText, 0, len(s.texts))
	for _, t := range s.texts {
		texts = append(texts, t)
	}
	slices.SortFunc(texts, func(a, b *gapText) int { return cmp.Or(b.count-a.count, strings.Compare(a.text, b.text)) })

	// Number the terms rarest first, so that a set of term numbers in
	// increasing order starts with its rarest terms.
	words := make([][]string, len(texts))
	df := map[string]int{}
	for i, t := range texts {
		words[i] = slices.Compact(slices.Sorted(slices.Values(terms(t.text))))
		for _, w := range words[i] {
			df[w]++
		}
	}
	byRarity := make([]string, 0, len(df))
	for w := range df {
		byRarity = append(byRarity, w)
	}
	slices.SortFunc(byRarity, func(a, b string) int { return cmp.Or(df[a]-df[b], strings.Compare(a, b)) })
	id := make(map[string]int32, len(byRarity))
	for i, w := range byRarity {
		id[w] = int32(i)
	}

	type cluster struct {
		key     []int32 // the first question's terms
		members []*gapText
	}
	type posting struct{ cluster, pos int32 }
	var clusters []*cluster
	var empty *cluster             // the group of questions without terms
	index := map[int32][]posting{} // prefix term → the groups with it, and where
	var seen []int                 // seen[c] == i+1: group c was considered for question i
	for i, t := range texts {
		if len(words[i]) == 0 {
			if empty == nil {
				empty = &cluster{}
				clusters = append(clusters, empty)
				seen = append(seen, 0)
			}
			empty.members = append(empty.members, t)
			continue
		}
		set := make([]int32, len(words[i]))
		for j, w := range words[i] {
			set[j] = id[w]
		}
		slices.Sort(set)
		prefix := set[:prefixLen(len(set))]
		best, bestSim := -1, similarity
		for at, term := range prefix {
			for _, p := range index[term] {
				c := int(p.cluster)
				if seen[c] == i+1 {
					continue
				}
				seen[c] = i + 1
				// This is the first term the question and the group
				// share, so they share at most 1 + the fewer terms after
				// it. Skip the groups that cannot beat the best so far.
				key := clusters[c].key
				most := 1 + min(len(set)-at-1, len(key)-int(p.pos)-1)
				if bound := float64(most) / float64(len(set)+len(key)-most); bound < bestSim || bound == bestSim && best >= 0 && c > best {
					continue
				}
				sim := jaccard(set, key)
				if sim > bestSim || sim == bestSim && (best < 0 || c < best) {
					best, bestSim = c, sim
				}
			}
		}
		if best < 0 {
			best = len(clusters)
			clusters = append(clusters, &cluster{key: set})
			seen = append(seen, 0)
			for at, term := range prefix {
				index[term] = append(index[term], posting{int32(best), int32(at)})
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

// jaccard returns |a∩b| / |a∪b| for two sets of term numbers in
// increasing order.
func jaccard(a, b []int32) float64 {
	inter := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			inter++
			i++
			j++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}
