package analyze_test

import (
	"testing"

	"github.com/backcare/backcare/internal/analyze"
)

// TestBorn: a birth told as hers and no pregnancy now; never a time gone
// by alone, another's child or her weeks.
func TestBorn(t *testing.T) {
	a := newAnalyzer(t)
	tests := []struct {
		text string
		want bool
	}{
		{"4 weeks pp and my bleeding is mostly brown and light now", true},
		{"had my baby 9 days ago, back aching", true},
		{"LO is 5 wks, sudden agony in my side", true},
		{"my 8 week old wants carrying everywhere", true},
		{"since my section the wound has gone red", true},
		{"think my waters went 2 days ago and now i'm shivery", false},
		{"IVF transfer was 4 weeks ago, brownish stuff on my pantyliner", false},
		{"My daughter is 38 weeks and she says the baby went quiet", false},
		{"had my first 3 years ago, now 20 weeks", false},
		{"5 weeks pp and pregnant again?!", false},
	}
	for _, tt := range tests {
		var an analyze.Analysis
		a.Analyze(tt.text, &an)
		if got := analyze.Born(an.Words); got != tt.want {
			t.Errorf("Born(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
