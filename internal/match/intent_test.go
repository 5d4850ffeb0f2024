package match

import (
	"testing"

	"github.com/backcare/backcare/internal/analyze"
	"github.com/backcare/backcare/knowledge"
)

func TestIntent(t *testing.T) {
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	a := analyze.New(kb)
	in := newIntents(a, kb.Topics)
	tests := []struct {
		text string
		want intent
	}{
		{"how to stand properly with a big bump?", reliefIntent},
		{"any tips for the drive home", reliefIntent},
		{"is the tens any good for sciatica", reliefIntent},
		{"why does my lower back spasm", causeIntent},
		{"could that be what's causing it", causeIntent},
		{"why does it happen and what helps", anyIntent},
		{"is it normal", anyIntent},
	}
	for _, tt := range tests {
		var an analyze.Analysis
		a.Analyze(tt.text, &an)
		if got := in.of(an.Words); got != tt.want {
			t.Errorf("intent of %q = %d, want %d", tt.text, got, tt.want)
		}
	}
}
