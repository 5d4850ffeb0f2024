package analyze_test

import (
	"strings"
	"testing"
)

// The cases of run-on words are in TestWords.

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
