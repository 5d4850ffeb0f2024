package chunk_test

import (
	"strings"
	"testing"

	"github.com/backcare/backcare/internal/chunk"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		text  string
		limit int
		want  []string
	}{
		{"short", 10, []string{"short"}},
		{"one two three four", 9, []string{"one two", "three", "four"}},
		{"line one\nline two", 12, []string{"line one", "line two"}},
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"🙂🙂🙂", 4, []string{"🙂🙂", "🙂"}}, // each counts 2
	}
	for _, tt := range tests {
		got := chunk.Split(tt.text, tt.limit)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Split(%q, %d) = %q, want %q", tt.text, tt.limit, got, tt.want)
		}
	}
}

func TestPack(t *testing.T) {
	p := func(s string) chunk.Piece { return chunk.Piece{Text: s, Len: chunk.Len(s)} }
	got := chunk.Pack([]chunk.Piece{p("aaaa"), p("bbbb"), p("cccc")}, "\n\n", 10)
	if strings.Join(got, "|") != "aaaa\n\nbbbb|cccc" {
		t.Errorf("Pack = %q", got)
	}
	if got := chunk.Pack(nil, "\n", 10); len(got) != 1 || got[0] != "" {
		t.Errorf("Pack(nil) = %q", got)
	}
}
