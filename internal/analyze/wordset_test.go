package analyze

import "testing"

func TestWordSet(t *testing.T) {
	s := newWordSet("girl", "lady", "a", "mama")
	for _, tc := range []struct {
		w    string
		want bool
	}{
		{"girl", true}, {"lady", true}, {"a", true}, {"mama", true},
		{"", false}, {"girls", false}, {"gal", false}, {"b", false}, {"lads", false},
		{"mamb", false}, {string(make([]byte, 70)), false},
	} {
		if got := s.has(tc.w); got != tc.want {
			t.Errorf("has(%q) = %v, want %v", tc.w, got, tc.want)
		}
	}
}
