package triage_test

import (
	"slices"
	"testing"

	"github.com/backcare/backcare/internal/analyze"
	"github.com/backcare/backcare/internal/triage"
	"github.com/backcare/backcare/knowledge"
)

func compile(t *testing.T) (*analyze.Analyzer, *triage.Set) {
	t.Helper()
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	a := analyze.New(kb)
	rules := make([]triage.Rule, len(kb.RedFlags))
	for i, f := range kb.RedFlags {
		rules[i] = triage.Rule{ID: f.ID, Triggers: f.Triggers}
	}
	return a, triage.Compile(a, rules)
}

func TestMatch(t *testing.T) {
	a, set := compile(t)
	tests := []struct {
		text string
		want string // a red flag id that must be found; "" for none at all
	}{
		// Danger signs in many phrasings.
		{"I'm bleeding", "bleeding"},
		{"bled a little this morning", "bleeding"},
		{"bleding and back pain", "bleeding"},
		{"spotting and cramps", "bleeding"},
		{"passing big clots", "heavy-bleeding"},
		{"my waters broke", "waters"},
		{"i think my water just broke!!", "waters"},
		{"leaking clear fluid", "waters"},
		{"contractions every 5 minutes", "contractions"},
		{"my bump keeps going hard", "contractions"},
		{"pain comes in waves", "contractions"},
		{"i have a fever", "infection"},
		{"it burns when i pee", "infection"},
		{"my legs are numb", "nerve-compression"},
		{"I can't control my bladder", "nerve-compression"},
		{"i fell over at work", "fall"},
		{"I can’t feel the baby move", "baby-movements"},
		{"the baby hasn't moved all day", "baby-movements"},
		{"baby moving less than usual", "baby-movements"},
		{"sudden severe pain in my side", "sudden-severe-pain"},
		{"blurred vision and a bad headache", "pre-eclampsia"},
		{"I fainted", "faint-breathless"},
		// Hedges and contrasts keep the sign.
		{"not sure if my waters broke", "waters"},
		{"no fever but i am bleeding", "bleeding"},
		{"no, I'm bleeding", "bleeding"},
		{"no i am bleeding", "bleeding"},
		{"not bleeding a lot", "bleeding"},
		{"not much bleeding", "bleeding"},
		{"no pain. bleeding though", "bleeding"},
		{"I don't feel well and there is blood", "bleeding"},
		// Negations, and words that only look like danger signs.
		{"no bleeding or fever, just sore", ""},
		{"not bleeding, not leaking, no contractions", ""},
		{"haven't had any bleeding or spotting", ""},
		{"without any fever", ""},
		{"i can't fall asleep because of my back", ""},
		{"is the baby pushing on my spine", ""},
		{"what helps back spasms", ""},
		{"can i use a hot water bottle", ""},
		{"does crossing my legs affect blood flow", ""},
	}
	for _, tt := range tests {
		got := set.Match(a.Analyze(tt.text, nil))
		switch {
		case tt.want == "" && len(got) > 0:
			t.Errorf("%q: false alarm %v", tt.text, got)
		case tt.want != "" && !slices.Contains(got, tt.want):
			t.Errorf("%q: got %v, want %s", tt.text, got, tt.want)
		}
	}
}

func FuzzMatch(f *testing.F) {
	f.Add("no bleeding or fever, just sore")
	f.Add("\xff\xfe not , , no")
	f.Fuzz(func(t *testing.T, s string) {
		kb, err := knowledge.Embedded()
		if err != nil {
			t.Fatal(err)
		}
		a := analyze.New(kb)
		set := triage.Compile(a, []triage.Rule{{ID: "x", Triggers: []string{"bleeding", "not feel baby"}}})
		set.Match(a.Analyze(s, nil))
	})
}
