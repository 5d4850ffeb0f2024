package analyze_test

import (
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
		{"Café naïve", "cafe naiv"},           // accents folded
		{"I'M PREGGERS", "pregnant"},          // slang, case
		{"ＴＥＮＳ machine", "ten"},               // full-width letters normalised
		{"it's my baby's kicks", "babi kick"}, // possessives
	}
	for _, tt := range tests {
		if got := strings.Join(a.Terms(tt.in), " "); got != tt.want {
			t.Errorf("Terms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestContractionsAndFlags(t *testing.T) {
	a := newAnalyzer(t)
	toks := a.Analyze("I can't, dont", nil)
	var got []string
	for _, tk := range toks {
		switch {
		case tk.Is(analyze.Break):
			got = append(got, "|")
		case tk.Is(analyze.Negation):
			got = append(got, "NOT")
		default:
			got = append(got, tk.Term)
		}
	}
	if want := "i can NOT | do NOT"; strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
}

func TestHostileInput(t *testing.T) {
	a := newAnalyzer(t)
	huge := strings.Repeat("spasm ", 100000)
	if n := len(a.Analyze(huge, nil)); n > analyze.MaxBytes/2 {
		t.Errorf("huge input gave %d tokens; analysis must be bounded", n)
	}
	for _, s := range []string{"\xff\xfe\xfd", "\x00\x01", strings.Repeat("'", 1000), "🙂🙂🙂", ""} {
		a.Analyze(s, nil) // must not panic
	}
}

func FuzzAnalyze(f *testing.F) {
	f.Add("I'm 24 weeks and my lower back keeps seizing up, why?")
	f.Add("\xff'n't")
	a := newAnalyzer(f)
	f.Fuzz(func(t *testing.T, s string) {
		for _, tk := range a.Analyze(s, nil) {
			if tk.Is(analyze.Break) != (tk.Term == "") {
				t.Fatalf("token %+v: breaks, and only breaks, have no term", tk)
			}
		}
	})
}

func BenchmarkAnalyze(b *testing.B) {
	a := newAnalyzer(b)
	var buf []analyze.Token
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		buf = a.Analyze("I'm 24 weeks and my lower back keeps seizing up, why?", buf[:0])
	}
}
