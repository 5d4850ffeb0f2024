package match_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"

	"github.com/backcare/backcare/knowledge"
)

// heapsBeta is the exponent of Heaps' law the synthetic knowledge bases
// follow: n times the text has n^heapsBeta times the distinct words. Real
// English text has 0.4 to 0.6; a knowledge base about one subject is at
// the low end of it, so 0.55 is on the generous side.
const heapsBeta = 0.55

// syntheticDir writes a knowledge base n times the size of the real one
// into a temporary folder and returns the folder: the real files, and n-1
// times as many topics again in files of 100 topics, each topic with as
// many example questions as a real one has on average (about 50).
//
// The examples are drawn from a bounded vocabulary as a real, bigger
// knowledge base's would be: the vocabulary has heapsBeta-law many words
// (the real examples' words, most frequent first, then common English
// words from the lexicon's SCOWL list), word frequencies follow Zipf's
// law, each topic has a few words of its own, and each example opens the
// way a real one does ("is it normal to", "what can I do about"). The
// same n gives the same files.
func syntheticDir(tb testing.TB, n int) string {
	tb.Helper()
	dir := tb.TempDir()
	if err := knowledge.WriteEmbedded(dir); err != nil {
		tb.Fatal(err)
	}
	if n == 1 {
		return dir
	}
	real, err := knowledge.Embedded()
	if err != nil {
		tb.Fatal(err)
	}

	// The real examples' words, most frequent first, how they open, and
	// how long they are.
	freq := map[string]int{}
	var openers []string
	examples, tokens := 0, 0
	for _, t := range real.Topics {
		for _, e := range t.Examples {
			words := strings.Fields(strings.ToLower(e))
			tokens += len(words)
			for _, w := range words {
				if w = strings.Trim(w, `?.,!"()`); w != "" {
					freq[w]++
				}
			}
			if len(words) > 3 {
				openers = append(openers, strings.Join(words[:2+examples%2], " "))
			}
			examples++
		}
	}
	vocab := make([]string, 0, len(freq))
	for w := range freq {
		vocab = append(vocab, w)
	}
	slices.SortFunc(vocab, func(a, b string) int {
		if freq[a] != freq[b] {
			return freq[b] - freq[a]
		}
		return strings.Compare(a, b)
	})
	// Heaps' law: the bigger knowledge base's vocabulary.
	size := int(float64(len(vocab)) * math.Pow(float64(n), heapsBeta))
	for _, w := range commonEnglish(tb) {
		if len(vocab) >= size {
			break
		}
		if _, ok := freq[w]; !ok {
			vocab = append(vocab, w)
		}
	}

	rng := rand.New(rand.NewPCG(uint64(n), 2026))
	zipf := rand.NewZipf(rng, 1.07, 2, uint64(len(vocab)-1))
	perTopic := examples / len(real.Topics)
	type topic struct {
		ID       string   `yaml:"id"`
		Title    string   `yaml:"title"`
		Category string   `yaml:"category"`
		Examples []string `yaml:"examples"`
		Keywords []string `yaml:"keywords,omitempty"`
		Answer   string   `yaml:"answer"`
		Related  []string `yaml:"related,omitempty"`
		Sources  []string `yaml:"sources"`
	}
	seen := map[string]bool{}
	var batch []topic
	flush := func(file int) {
		data, err := yaml.Marshal(map[string]any{"topics": batch})
		if err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("synthetic-%03d.yaml", file)), data, 0o644); err != nil {
			tb.Fatal(err)
		}
		batch = batch[:0]
	}
	total := (n - 1) * len(real.Topics)
	for i := 0; i < total; i++ {
		model := real.Topics[i%len(real.Topics)]
		// A topic's own words are rarer than the commonest ones.
		own := make([]string, 3+rng.IntN(3))
		for k := range own {
			own[k] = vocab[100+rng.IntN(len(vocab)-100)]
		}
		t := topic{ID: fmt.Sprintf("synthetic-%d", i), Title: capitalize(strings.Join(own[:2], " ")),
			Category: string(model.Category), Answer: model.Answer, Sources: model.Sources, Keywords: own[2:3]}
		for j := 1; j <= 2; j++ {
			if r := i - i%100 + (i+j)%100; r < total && r != i {
				t.Related = append(t.Related, fmt.Sprintf("synthetic-%d", r))
			}
		}
		for len(t.Examples) < perTopic {
			words := []string{openers[rng.IntN(len(openers))]}
			words = append(words, own[rng.IntN(len(own))])
			if rng.IntN(2) == 0 {
				words = append(words, own[rng.IntN(len(own))])
			}
			// As long as a real example on average: the opener's two or
			// three words, one or two of the topic's own, and the rest.
			for k := 1 + rng.IntN(2*(tokens/examples-4)); k > 0; k-- {
				words = append(words, vocab[zipf.Uint64()])
			}
			rng.Shuffle(len(words)-1, func(a, b int) { words[a+1], words[b+1] = words[b+1], words[a+1] })
			e := strings.Join(words, " ")
			if !seen[e] {
				seen[e] = true
				t.Examples = append(t.Examples, e)
			}
		}
		batch = append(batch, t)
		if len(batch) == 100 {
			flush(i / 100)
		}
	}
	if len(batch) > 0 {
		flush(total / 100)
	}
	return dir
}

// commonEnglish returns the lexicon's commonest English words (SCOWL
// sizes 10 to 35), in a fixed order that mixes their letters.
func commonEnglish(tb testing.TB) []string {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("..", "lexicon", "words.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	type word struct{ w, tier string }
	var words []word
	for _, line := range strings.Split(string(data), "\n") {
		w, tier, ok := strings.Cut(line, " ")
		if !ok || tier > "c" || len(w) < 3 || strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" {
			continue
		}
		words = append(words, word{w, tier})
	}
	// By size, then in a scrambled but fixed order within each size.
	slices.SortFunc(words, func(a, b word) int {
		if a.tier != b.tier {
			return strings.Compare(a.tier, b.tier)
		}
		return strings.Compare(scramble(a.w), scramble(b.w))
	})
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = w.w
	}
	return out
}

func scramble(w string) string {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return fmt.Sprintf("%08x", h)
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// TestSyntheticKnowledgeBase checks the benchmarks' generator: the
// knowledge base loads, has n times the topics, about as many examples
// per topic as the real one, and a vocabulary that grows by Heaps' law,
// not n times.
func TestSyntheticKnowledgeBase(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 10x knowledge base")
	}
	realKB, err := knowledge.Load(syntheticDir(t, 1))
	if err != nil {
		t.Fatal(err)
	}
	const n = 10
	kb, err := knowledge.Load(syntheticDir(t, n))
	if err != nil {
		t.Fatal(err)
	}
	words := func(kb *knowledge.Base) (distinct, examples, tokens int) {
		seen := map[string]bool{}
		for _, tp := range kb.Topics {
			examples += len(tp.Examples)
			for _, e := range tp.Examples {
				for _, w := range strings.Fields(strings.ToLower(e)) {
					seen[strings.Trim(w, `?.,!"()`)] = true
					tokens++
				}
			}
		}
		return len(seen), examples, tokens
	}
	rw, re, rt := words(realKB)
	sw, se, st := words(kb)
	if r := float64(st) / float64(rt); r < n*0.9 || r > n*1.1 {
		t.Errorf("%d words in examples, %.1f times the real %d", st, r, rt)
	}
	if len(kb.Topics) != n*len(realKB.Topics) {
		t.Errorf("%d topics, want %d", len(kb.Topics), n*len(realKB.Topics))
	}
	if r := float64(se) / float64(re); r < n*0.9 || r > n*1.1 {
		t.Errorf("%d examples, %.1f times the real %d", se, r, re)
	}
	growth := float64(sw) / float64(rw)
	if growth < math.Pow(n, heapsBeta-0.15) || growth > math.Pow(n, heapsBeta+0.1) {
		t.Errorf("%d distinct words, %.1f times the real %d; Heaps' law with β=%.2f gives %.1f", sw, growth, rw, heapsBeta, math.Pow(n, heapsBeta))
	}
	t.Logf("real: %d topics, %d examples, %d words, %d distinct; %dx: %d topics, %d examples, %d words, %d distinct (%.1fx)",
		len(realKB.Topics), re, rt, rw, n, len(kb.Topics), se, st, sw, growth)
}
