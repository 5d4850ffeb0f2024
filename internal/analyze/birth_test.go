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
		{"LO is 2 weeks old and my wrist hurts", true},
		{"my 8 week old son wants carrying everywhere", true},
		// A birth story told after the birth, the baby's age given.
		{"birth story! waters went at 2am at 39+1, clear. he's 3 weeks old now and I'm healed up", true},
		{"Now he's 6 weeks old I can finally write this. Labour was quick", true},
		{"my niece is here! she's 10 days old. I'm 30 weeks and my waters have gone", false},
		{"he's 3 weeks old and I'm pregnant again, waters gone", false},
		{"my son is 3 weeks old, labour was fast, waters broke in Tesco!", true},
		{"LO is 28 weeks today and hasn't moved since this morning", false},
		{"Had my son 2 years ago, this is my second and I think my waters have gone", false},
		{"My sister had the baby 5 days ago and now my waters have gone!", false},
		{"My friend is 3 weeks pp and now I'm having contractions every 5 mins", false},
		{"Had my baby shower 2 weeks ago and since yesterday the baby has barely moved", false},
		{"my 6 week old nephew was round and then a gush", false},
		{"since the birth of my first I get tightenings every 10 minutes", false},
		{"since my section the wound has gone red", true},
		{"think my waters went 2 days ago and now i'm shivery", false},
		{"IVF transfer was 4 weeks ago, brownish stuff on my pantyliner", false},
		{"My daughter is 38 weeks and she says the baby went quiet", false},
		{"had my first 3 years ago, now 20 weeks", false},
		{"5 weeks pp and pregnant again?!", false},
		{"cramp when feeding, 5 days after c-section", true},
		{"2 weeks after the birth and soaking pads", true},
		{"3 days after the fall I'm bleeding", false},
		{"the afterpains when baby latches are no joke", true},
		{"after pains when I feed, 1 week", true},
		{"post birth bleeding going down nicely, 4 weeks in", true},
		{"bleeding after delivery has tapered off, 6 weeks now", true},
		{"bleeding after the birth is getting less, mostly pinky brown", true},
		{"still bleeding 3 weeks after having a baby, is that normal", true},
		{"after the birth of my first I bled a lot, now 30 weeks", false},
		{"my sister's bleeding after the birth is heavy", false},
		{"20 weeks in and after the birth I'll need help", false},
	}
	for _, tt := range tests {
		var an analyze.Analysis
		a.Analyze(tt.text, &an)
		if got := analyze.Born(an.Words); got != tt.want {
			t.Errorf("Born(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
