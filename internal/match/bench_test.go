package match_test

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/backcare/backcare/internal/match"
	"github.com/backcare/backcare/knowledge"
	"go.yaml.in/yaml/v4"
)

// benchMessages is a realistic mix: questions in several phrasings, a long
// message, a red flag, a negated one and out-of-scope questions.
var benchMessages = []string{
	"what helps back spasms",
	"I'm 24 weeks and my lower back keeps seizing up, why?",
	"can i put a heatpad on my tummy",
	"is it ok to wear high heels when pregnant",
	"should i sleep on my side or my back",
	"does a belly band help back spasms",
	"no bleeding or fever, just sore",
	"I am bleeding and my back hurts",
	"best pizza in town",
	"how do i cure morning sickness",
	"pain goes down my leg from my lower back",
	"my back is spasming so bad, what helps??",
	"I've been sitting at a desk all day for work and by the evening my lower back is cramping and tight, is there anything I can do about it that is safe when pregnant?",
	"when should i call the doctor about my back",
}

// synthetic returns a knowledge base with n times the real one's topics.
// Each copy keeps the common domain words (back, spasm, pregnant, pain...)
// and gets its own variant of every other word, so vocabulary and postings
// grow the way a bigger real knowledge base's would.
func synthetic(tb testing.TB, n int) *knowledge.Base {
	tb.Helper()
	base, err := knowledge.Embedded()
	if err != nil {
		tb.Fatal(err)
	}
	if n == 1 {
		return base
	}
	common := map[string]bool{"back": true, "spasm": true, "spasms": true, "pregnant": true, "pregnancy": true,
		"pain": true, "help": true, "cause": true, "causes": true, "why": true, "my": true, "i": true, "is": true,
		"what": true, "how": true, "can": true, "do": true, "the": true, "a": true, "when": true, "while": true, "for": true}
	variant := func(s string, k int) string {
		if k == 0 {
			return s
		}
		words := strings.Fields(s)
		for i, w := range words {
			lw := strings.ToLower(strings.Trim(w, "?.,!'"))
			if !common[lw] {
				words[i] = lw + "x" + strings.Repeat(string(rune('a'+k%26)), 1+k/26)
			}
		}
		return strings.Join(words, " ")
	}
	type topic struct {
		ID       string   `yaml:"id"`
		Title    string   `yaml:"title"`
		Category string   `yaml:"category"`
		Examples []string `yaml:"examples"`
		Answer   string   `yaml:"answer"`
		Related  []string `yaml:"related,omitempty"`
		Sources  []string `yaml:"sources"`
	}
	var topics []topic
	for k := 0; k < n; k++ {
		for _, t := range base.Topics {
			nt := topic{ID: fmt.Sprintf("%s-%d", t.ID, k), Title: variant(t.Title, k), Category: string(t.Category),
				Answer: t.Answer, Sources: t.Sources}
			for _, e := range t.Examples {
				nt.Examples = append(nt.Examples, variant(e, k))
			}
			for _, r := range t.Related {
				nt.Related = append(nt.Related, fmt.Sprintf("%s-%d", r, k))
			}
			topics = append(topics, nt)
		}
	}
	data, err := yaml.Marshal(map[string]any{"topics": topics})
	if err != nil {
		tb.Fatal(err)
	}
	var files []string
	fsys := knowledge.EmbeddedFS()
	for _, name := range []string{"kb/about.yaml", "kb/red-flags.yaml", "kb/synonyms.yaml", "kb/declines.yaml"} {
		b, err := fsReadFile(fsys, name)
		if err != nil {
			tb.Fatal(err)
		}
		files = append(files, string(b))
	}
	kb, err := knowledge.Parse("synthetic.yaml", []byte(strings.Join(files, "\n")+"\n"+string(data)))
	if err != nil {
		tb.Fatalf("synthetic knowledge base: %v", err)
	}
	return kb
}

// BenchmarkMatch measures one message's classification (triage, declines,
// ranking). Targets: at most 20 µs and 40 allocations per message on the
// real knowledge base; the 100x one at most 10x slower.
func BenchmarkMatch(b *testing.B) {
	for _, n := range []int{1, 10, 100} {
		name := "real"
		if n > 1 {
			name = fmt.Sprintf("%dx", n)
		}
		b.Run(name, func(b *testing.B) {
			m := match.Must(match.New(synthetic(b, n)))
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				m.Classify(benchMessages[i%len(benchMessages)], "")
			}
		})
	}
}

// BenchmarkStartup measures loading, validating and indexing the embedded
// knowledge base. Target: under 50 ms.
func BenchmarkStartup(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		kb, err := knowledge.Embedded()
		if err != nil {
			b.Fatal(err)
		}
		match.Must(match.New(kb))
	}
}

func fsReadFile(fsys fs.FS, name string) ([]byte, error) { return fs.ReadFile(fsys, name) }
