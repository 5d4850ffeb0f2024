package analyze

import (
	"slices"
	"testing"

	"github.com/backcare/backcare/internal/lexicon"
)

func TestMaskNames(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Fall Out Boy gig last night at 27 weeks, back is ruined", "someplace gig last night at 27 weeks, back is ruined"},
		{"had lunch at Bleeding Heart Yard with the girls, my back hurts", "had lunch at someplace with the girls, my back hurts"},
		{"'Fever' by Peggy Lee is my daughter's favourite song, back sore", "someplace by someplace is my daughter's favourite song, back sore"},
		{"Breathless by The Corrs came on in the car and I sang along", "someplace by someplace came on in the car and I sang along"},
		{"Bleeding by Tuesday evening and my back is sore", "Bleeding by Tuesday evening and my back is sore"},
		{"can I rub some Deep Heat on my lower back when pregnant", "can I rub some Deep Heat on my lower back when pregnant"},
		// Her own words, capitalised: never a name.
		{"then My Waters Broke in the kitchen at 34 weeks", "then My Waters Broke in the kitchen at 34 weeks"},
		{"Bleeding Heavily. Soaked Two Pads. 30 Weeks Pregnant", "Bleeding Heavily. Soaked Two Pads. 30 Weeks Pregnant"},
		{"Bleeding since this morning, 22 weeks, back aches", "Bleeding since this morning, 22 weeks, back aches"},
		{"no PV bleed, no SROM, all fine at MAU today", "no PV bleed, no SROM, all fine at MAU today"},
	} {
		if got := maskNames(tt.in, map[string]bool{"deep heat": true}); got != tt.want {
			t.Errorf("maskNames(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A name a trigger writes as a sequence, with a word English does not know,
// is the knowledge base's own; a sequence of English words is not a name.
func TestNamesIn(t *testing.T) {
	a := &Analyzer{lex: lexicon.English()}
	got := a.namesIn("braxton_hicks|bh & every|fall_out of_bed {lately}|on_find_my", nil)
	if want := []string{"braxton hicks"}; !slices.Equal(got, want) {
		t.Errorf("namesIn = %q, want %q", got, want)
	}
}
