package lexicon_test

import (
	"testing"

	"github.com/backcare/backcare/internal/lexicon"
)

func TestKnown(t *testing.T) {
	l := lexicon.English()
	if l.Len() < 100000 {
		t.Fatalf("only %d words", l.Len())
	}
	for _, w := range []string{"leaving", "table", "tablet", "knickers", "haemorrhage", "hemorrhage", "colour", "color",
		"tummy", "loo", "contract", "contraction", "spotting", "monday", "a", "zebra"} {
		if !l.Known(w) {
			t.Errorf("%q is not known", w)
		}
	}
	for _, w := range []string{"matress", "pilow", "stretchs", "spazming", "bck", "wht", "leakig", "", "zzzzz",
		"averyveryveryveryveryveryveryveryveryveryveryveryveryveryverylongword"} {
		if l.Known(w) {
			t.Errorf("%q is known", w)
		}
	}
	common, _ := l.Tier("the")
	rare, _ := l.Tier("haemorrhage")
	if common != 10 || rare <= common {
		t.Errorf("tiers: the=%d haemorrhage=%d", common, rare)
	}
}

func TestLemma(t *testing.T) {
	l := lexicon.English()
	tests := []struct{ in, want string }{
		{"contractions", "contraction"}, {"contraction", "contraction"}, {"contract", "contract"},
		{"contracting", "contracting"}, {"leaving", "leave"}, {"leaking", "leak"}, {"leaked", "leak"},
		{"bleeding", "bleed"}, {"bleeds", "bleed"}, {"bled", "bleed"}, {"bleed", "bleed"},
		{"fell", "fall"}, {"falling", "fall"}, {"falls", "fall"}, {"slipped", "slipped"}, {"slips", "slip"},
		{"tripped", "tripped"}, {"kicks", "kick"}, {"kicked", "kick"}, {"kicking", "kick"},
		{"moving", "move"}, {"moved", "move"}, {"movements", "movement"}, {"feelings", "feel"}, {"babies", "baby"},
		{"tried", "try"}, {"lying", "lie"}, {"aches", "ache"}, {"pushes", "push"}, {"shoes", "shoe"},
		{"spotting", "spotting"}, {"spots", "spot"}, {"morning", "morning"}, {"news", "news"},
		{"pants", "pants"}, {"knickers", "knickers"}, {"waters", "waters"}, {"water", "water"},
		{"left", "left"}, {"tired", "tired"}, {"feet", "foot"}, {"this", "this"}, {"is", "be"},
		{"legs", "legs"}, {"hips", "hip"}, {"tightenings", "tighten"}, {"tightening", "tighten"},
		{"cramping", "cramp"}, {"cramps", "cramp"}, {"numb", "numb"}, {"fainted", "faint"},
		{"lost", "lose"}, {"feeling", "feel"}, {"spazming", "spazming"}, {"a", "a"}, {"", ""},
		// One consonant after one vowel: the word's own "e" was dropped;
		// two would be the shorter word's.
		{"staring", "stare"}, {"stared", "stare"}, {"starring", "star"}, {"caring", "care"}, {"taped", "tape"},
		{"tapping", "tap"}, {"riding", "ride"}, {"hoping", "hope"}, {"hopping", "hop"}, {"opening", "open"},
		{"visiting", "visit"}, {"snowing", "snow"},
	}
	for _, tt := range tests {
		if got := l.Lemma(tt.in); got != tt.want {
			t.Errorf("Lemma(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func BenchmarkBuild(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		lexicon.Build()
	}
}

func BenchmarkLemma(b *testing.B) {
	l := lexicon.English()
	ws := []string{"contractions", "leaving", "bleeding", "the", "matress", "kicked"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		l.Lemma(ws[i%len(ws)])
	}
}
