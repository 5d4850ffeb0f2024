package analyze_test

import (
	"strings"
	"testing"
)

// TestRunOns: words run together by swipe typing are read as the words
// they are made of; a word of its own, a misspelling, a compound of two
// and a foreign word stay as written.
func TestRunOns(t *testing.T) {
	a := newAnalyzer(t)
	tests := []struct{ in, want string }{
		{"hepushedmedownthestairs 26wks", "he pushed me down the stairs 26 weeks"},
		{"idontwanttobealiveanymore", "i do not want to be alive any more"},
		{"excruciatingpainbackandbellywontstop27wks", "excruciating pain back and belly will not stop 27 weeks"},
		{"CRAMPSCOMINGANDGOING", "cramps coming and going"},
		{"butnowidoallthelifting", "but now i do all the lifting"},
		{"justwokeupinapuddleofblood", "just woke up in a puddle of blood"},
		// Not run-ons: a long English word, a misspelling of one, a
		// compound of two ("dead lifts" would be a sign she did not
		// write), a knowledge-base word, foreign words.
		{"uncomfortable", "uncomfortable"},
		{"excrutiating", "excruciating"},
		{"deadlifts", "deadlift"}, // a knowledge-base word, singular
		{"waterbreaking news", "waterbreaking news"},
		{"physiotherapist", "physiotherapist"},
		{"dolor insoportable", "dolor insoportable"},
		{"alhamdulillah", "alhamdulillah"},
		// "No one" is nobody: no negation of what follows.
		{"no one else would want me, calls me fat", "nobody else would want me calls me fat"},
		// A nought counted before a word is none of it.
		{"0 spotting 0 cramps", "zero spotting zero cramps"},
		{"0 mins apart, 0/10", "0 minutes apart 0 10"},
	}
	for _, tt := range tests {
		if got := strings.Join(a.Words(tt.in), " "); got != tt.want {
			t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// BenchmarkRunOn measures a message that is one long run-on word, the
// worst case of the split.
func BenchmarkRunOn(b *testing.B) {
	a := newAnalyzer(b)
	msg := strings.Repeat("mybackhurtssomuch", 5)
	b.ReportAllocs()
	for b.Loop() {
		a.Words(msg)
	}
}
