package analyze

import "testing"

// TestMayBeWhole: the shape filter lets every contraction and shorthand
// through, and keeps most other words from the table.
func TestMayBeWhole(t *testing.T) {
	for w := range whole {
		if !mayBeWhole(w) {
			t.Errorf("%q is in the table but the filter says no", w)
		}
	}
	tests := []struct {
		w    string
		want bool
	}{
		{"back", false},
		{"spasms", false},
		{"pregnancy", false},
		{"dont", true},
		{"b4", true},
		{"café", true}, // not plain ASCII at its end: looked up
		{"", false},
		{"uncomfortable", false}, // longer than any table word
	}
	for _, tt := range tests {
		if got := mayBeWhole(tt.w); got != tt.want {
			t.Errorf("mayBeWhole(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}
