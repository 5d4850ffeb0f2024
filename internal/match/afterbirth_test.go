package match

import "testing"

func TestNamesAfterBirth(t *testing.T) {
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
		if got := namesAfterBirth(tt.text); got != tt.want {
			t.Errorf("%q: %v, want %v", tt.text, got, tt.want)
		}
	}
}
