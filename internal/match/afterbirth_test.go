package match

import (
	"testing"

	"github.com/backcare/backcare/internal/analyze"
	"github.com/backcare/backcare/knowledge"
)

func TestAfterBirthIn(t *testing.T) {
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	a := analyze.New(kb)
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"will my back go back to normal after the birth?", true},
		{"does it stop once the baby arrives", true},
		{"postnatal pilates, when?", true},
		{"back pain after my c-section", true},
		{"what helps after a long shift?", false},
		{"my back hurts once a day", false},
	} {
		var an analyze.Analysis
		a.Analyze(tt.text, &an)
		if got := afterBirthIn(an.Words); got != tt.want {
			t.Errorf("%q: %v, want %v", tt.text, got, tt.want)
		}
	}
}
