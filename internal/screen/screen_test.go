package screen_test

import (
	"bufio"
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/backcare/backcare/internal/analyze"
	"github.com/backcare/backcare/internal/screen"
	"github.com/backcare/backcare/knowledge"
)

// fixture loads testdata/kb.yaml and the labelled toy messages of
// testdata/train.tsv.
func fixture(t *testing.T) (*analyze.Analyzer, []screen.Example) {
	t.Helper()
	data, err := os.ReadFile("testdata/kb.yaml")
	if err != nil {
		t.Fatal(err)
	}
	kb, err := knowledge.Parse("kb.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	a := analyze.New(kb)
	f, err := os.Open("testdata/train.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var examples []screen.Example
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != 3 {
			continue
		}
		examples = append(examples, screen.Example{Tokens: words(a, cols[2]), Positive: cols[0] == "crisis"})
	}
	return a, examples
}

func words(a *analyze.Analyzer, text string) []analyze.Token {
	var an analyze.Analysis
	a.Analyze(text, &an)
	return an.Words
}

func TestTrainAndMatch(t *testing.T) {
	a, examples := fixture(t)
	x := screen.Train("crisis", examples, screen.Options{Seed: 1})
	if x.Safety != "crisis" || len(x.Weights) == 0 || !strings.Contains(x.TrainedOn, "6 of them crisis") {
		t.Fatalf("Train = %+v", x)
	}
	set := screen.New([]knowledge.Screen{x})
	tests := []struct {
		text        string
		found, held []string
		want        []string
	}{
		// Said in other words than any message it learned from.
		{"wrote letters for everyone and gave the dog away, won't need him", nil, nil, []string{"crisis"}},
		{"any stretches for my sore back after work", nil, nil, nil},
		// Triggers found it already: not twice.
		{"letters to the kids just in case", []string{"crisis"}, nil, []string{"crisis"}},
		// A trigger matched and was judged not to apply: the screen does
		// not overrule it.
		{"letters to the kids just in case", nil, []string{"crisis"}, nil},
		// What it adds comes after what the triggers found.
		{"letters to the kids just in case, gave the dog away", []string{"fall"}, nil, []string{"fall", "crisis"}},
	}
	for _, tt := range tests {
		got := set.Match(words(a, tt.text), slices.Clone(tt.found), tt.held)
		if !slices.Equal(got, tt.want) {
			t.Errorf("Match(%q, found %v, held %v) = %v, want %v", tt.text, tt.found, tt.held, got, tt.want)
		}
	}
	scores := set.Explain(words(a, "letters to the kids just in case"))
	if len(scores) != 1 || !scores[0].Fired || len(scores[0].Words) == 0 || scores[0].Words[0].Weight <= 0 {
		t.Errorf("Explain = %+v, want one fired score led by a positive word", scores)
	}
}

func TestTrainIsDeterministic(t *testing.T) {
	_, examples := fixture(t)
	var a, b bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		x := screen.Train("crisis", examples, screen.Options{Seed: 7})
		if err := screen.Write(buf, []knowledge.Screen{x}, "test"); err != nil {
			t.Fatal(err)
		}
	}
	if a.String() != b.String() {
		t.Error("two trainings on the same examples and seed wrote different files")
	}
}

// A written screen is a knowledge-base file: it loads back with the same
// weights, and its item must exist.
func TestWriteLoadsBack(t *testing.T) {
	_, examples := fixture(t)
	x := screen.Train("crisis", examples, screen.Options{Threshold: 0.5})
	var buf bytes.Buffer
	if err := screen.Write(&buf, []knowledge.Screen{x}, "generated\nby a test"); err != nil {
		t.Fatal(err)
	}
	kbData, err := os.ReadFile("testdata/kb.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, data := range map[string][]byte{"kb.yaml": kbData, "screens.yaml": buf.Bytes()} {
		if err := os.WriteFile(dir+"/"+name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	kb, err := knowledge.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(kb.Screens) != 1 {
		t.Fatalf("loaded %d screens, want 1", len(kb.Screens))
	}
	got := kb.Screens[0]
	if got.Safety != x.Safety || got.Bias != x.Bias || got.Threshold != 0.5 || len(got.Weights) != len(x.Weights) {
		t.Errorf("loaded %+v, wrote %+v", got, x)
	}
	for f, w := range x.Weights {
		if got.Weights[f] != w {
			t.Errorf("weight %q: loaded %v, wrote %v", f, got.Weights[f], w)
		}
	}
}

// TestCrossValidate: every labelled message is scored once, by a screen
// that did not learn from it. In two folds, the toy data's two ways of
// saying a crisis fall one to each fold, so neither is learned before it
// is scored, and none is caught: what cross-validation is for. In three,
// each fold's way is learned from the others.
func TestCrossValidate(t *testing.T) {
	a, _ := fixture(t)
	f, err := os.Open("testdata/train.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, err := screen.ReadLabelled("train.tsv", f, a)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ folds, minCaught, maxCaught int }{{2, 0, 0}, {3, 4, 6}} {
		got := screen.CrossValidate(data, []string{"crisis"}, map[string]float64{"crisis": 0}, tt.folds)
		if len(got) != 1 {
			t.Fatalf("CrossValidate = %+v, want one measure", got)
		}
		m := got[0]
		if m.Safety != "crisis" || m.Positives != 6 || m.Safe != 8 {
			t.Errorf("%d folds: counted %+v, want 6 crisis and 8 safe messages, each once", tt.folds, m)
		}
		if m.Caught < tt.minCaught || m.Caught > tt.maxCaught || m.Fired > 2 {
			t.Errorf("%d folds: caught %d of 6 (want %d-%d), fired on %d of 8 safe (want at most 2)",
				tt.folds, m.Caught, tt.minCaught, tt.maxCaught, m.Fired)
		}
	}
}
