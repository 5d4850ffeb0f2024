package match_test

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/match"
	"github.com/backcare/backcare/internal/startup"
	"github.com/backcare/backcare/knowledge"
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

// BenchmarkMatch measures one message's classification (triage, declines,
// ranking) on the real knowledge base and on synthetic ones with 10x and
// 100x its topics (see syntheticDir). Targets: at most 20 µs and 40
// allocations per message on the real knowledge base; the 100x one at
// most 10x slower.
func BenchmarkMatch(b *testing.B) {
	for _, n := range []int{1, 10, 100} {
		b.Run(scale(n), func(b *testing.B) {
			kb, err := knowledge.Load(syntheticDir(b, n))
			if err != nil {
				b.Fatal(err)
			}
			m := match.Must(match.New(kb))
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				m.Classify(benchMessages[i%len(benchMessages)], "")
			}
		})
	}
}

// BenchmarkStartup measures loading, validating and indexing the embedded
// knowledge base.
func BenchmarkStartup(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		kb, err := knowledge.Embedded()
		if err != nil {
			b.Fatal(err)
		}
		bot.NewEngine(kb, match.Must(match.New(kb)), bot.Options{})
	}
}

// BenchmarkStartupFiles measures what a start costs before the first
// answer: loading the knowledge base from its files and validating it
// (knowledge.Load), building the matcher (match.New) and the engine
// (bot.NewEngine, which prepares every answer), for the real knowledge
// base and for one 100x its size (see syntheticDir). Targets: under 50 ms
// for the real one, and at most 15x that for 100x. The English word list
// is built once per process, before the first of these (see
// lexicon.English); BenchmarkBuild in internal/lexicon measures it. Like
// a process that starts, each start begins with the garbage of the one
// before collected, and paces the collector as main does (see
// internal/startup): the build's garbage is collected after it, while the
// bot already answers. The "unpaced" runs collect as the build goes, for
// comparison.
func BenchmarkStartupFiles(b *testing.B) {
	for _, n := range []int{1, 100} {
		for _, paced := range []bool{true, false} {
			name := scale(n)
			if !paced {
				name += "-unpaced"
			}
			b.Run(name, func(b *testing.B) {
				dir := syntheticDir(b, n)
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					b.StopTimer()
					runtime.GC()
					b.StartTimer()
					restore := func() {}
					if paced {
						restore = startup.Pace(startup.DefaultLimit)
					}
					kb, err := knowledge.Load(dir)
					if err != nil {
						b.Fatal(err)
					}
					bot.NewEngine(kb, match.Must(match.New(kb)), bot.Options{})
					restore()
				}
			})
		}
	}
}

func scale(n int) string {
	if n == 1 {
		return "real"
	}
	return fmt.Sprintf("%dx", n)
}
