package eval_test

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestSignsInContext checks that context does not change what a message
// says about danger: a plain danger sign (testdata/context-signs.tsv)
// raises its flag alone and inside every everyday wrapper of
// testdata/context-wrappers.txt ("pregnant with my first and ...", "hubby
// is at work, ...", "no fever, ... though"), and a safe message
// (testdata/context-safe.txt) raises nothing, alone or wrapped. Each
// message is asked in a chat of its own.
func TestSignsInContext(t *testing.T) {
	eng := newEngine(t)
	wrappers := readLines(t, "testdata/context-wrappers.txt")
	n := 0
	for _, line := range readLines(t, "testdata/context-signs.tsv") {
		label, sign, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("context-signs.tsv: %q: want label<TAB>sign", line)
		}
		for _, w := range wrappers {
			text := wrap(w, sign)
			n++
			r := ask(eng, fmt.Sprint("context-", n), text)
			if !slices.Contains(r.RedFlags, label) && !slices.Contains(r.Safety, label) {
				t.Errorf("%q: got %s %v, want %s", text, r.Kind, r.RedFlags, label)
			}
		}
	}
	for _, safe := range readLines(t, "testdata/context-safe.txt") {
		for _, w := range wrappers {
			text := wrap(w, safe)
			n++
			if r := ask(eng, fmt.Sprint("context-", n), text); r.Urgent || len(r.Safety) > 0 {
				t.Errorf("%q: false alarm %s %v", text, r.Kind, r.Safety)
			}
		}
	}
}

// wrap puts a message in a wrapper's place of "{s}", lowering its first
// letter when it does not open the wrapper (except "I").
func wrap(wrapper, text string) string {
	if !strings.HasPrefix(wrapper, "{s}") && !strings.HasPrefix(text, "I ") && !strings.HasPrefix(text, "I'") {
		r, size := utf8.DecodeRuneInString(text)
		text = string(unicode.ToLower(r)) + text[size:]
	}
	return strings.ReplaceAll(wrapper, "{s}", text)
}

// readLines reads a fixture's lines, without blank lines and "#" comments.
func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
