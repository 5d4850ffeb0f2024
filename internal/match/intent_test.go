package match

import (
	"testing"

	"github.com/backcare/backcare/internal/analyze"
	"github.com/backcare/backcare/knowledge"
)

func TestIntent(t *testing.T) {
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	a := analyze.New(kb)
	in := newIntents(a, kb.Topics)
	tests := []struct {
		text string
		want intent
	}{
		{"how to stand properly with a big bump?", reliefIntent},
		{"any tips for the drive home", reliefIntent},
		{"is the tens any good for sciatica", reliefIntent},
		{"stretches for upper back pain pregnancy", reliefIntent},
		{"does stretching cause the pain", anyIntent},
		{"why does my lower back spasm", causeIntent},
		{"could that be what's causing it", causeIntent},
		{"why does it happen and what helps", anyIntent},
		{"is it normal", anyIntent},
	}
	for _, tt := range tests {
		var an analyze.Analysis
		a.Analyze(tt.text, &an)
		if got := in.of(an.Words); got != tt.want {
			t.Errorf("intent of %q = %d, want %d", tt.text, got, tt.want)
		}
	}
}

func TestIntentPenalty(t *testing.T) {
	in := intents{category: []knowledge.Category{knowledge.Cause, knowledge.Relief, knowledge.General, knowledge.Doctor}}
	tests := []struct {
		it    intent
		topic int
		want  float32
	}{
		{reliefIntent, 0, 1 - intentPenalty}, // "what can I do?" is not why
		{reliefIntent, 1, 1},
		{reliefIntent, 2, 1 - intentPenalty}, // nor whether it is normal
		{reliefIntent, 3, 1},
		{causeIntent, 1, 1 - intentPenalty}, // "why?" is not what helps
		{causeIntent, 2, 1},
		{anyIntent, 0, 1},
	}
	for _, tt := range tests {
		if got := in.penalty(tt.it, tt.topic); got != tt.want {
			t.Errorf("penalty(%d, %v) = %v, want %v", tt.it, in.category[tt.topic], got, tt.want)
		}
	}
}

func TestPlace(t *testing.T) {
	in := intents{place: []place{anywhere, upperBack, lowerBack}}
	tests := []struct {
		words []string
		topic int
		want  float32
	}{
		{[]string{"my", "lower", "back", "spasm"}, 1, 1 - placePenalty}, // not the upper back topic
		{[]string{"my", "lower", "back", "spasm"}, 2, 1 + placeBonus},   // the lower back topic
		{[]string{"between", "my", "shoulder", "blade"}, 2, 1 - placePenalty},
		{[]string{"between", "my", "shoulder", "blade"}, 1, 1 + placeBonus},
		{[]string{"upper", "and", "lower", "back"}, 1, 1 - unplacedPenalty}, // both named: as if none
		{[]string{"my", "back"}, 1, 1 - unplacedPenalty},                    // none named: back pain in general
		{[]string{"my", "lower", "back"}, 0, 1},
	}
	for _, tt := range tests {
		p := placeOf(len(tt.words), func(i int) string { return tt.words[i] })
		if got := in.placed(p, anywhere, tt.topic); got != tt.want {
			t.Errorf("%v on topic %d: %v, want %v", tt.words, tt.topic, got, tt.want)
		}
	}
}

func TestPlaceRuledOut(t *testing.T) {
	a := analyze.New(&knowledge.Base{})
	in := intents{place: []place{anywhere, upperBack, lowerBack}}
	tests := []struct {
		text  string
		topic int
		want  float32
	}{
		{"its the low part that's killing me, upper is totally fine. why?", 1, 1 - ruledPenalty},
		{"its the low part that's killing me, upper is totally fine. why?", 2, 1 + placeBonus},
		{"y lower bk spasms and not upper", 1, 1 - ruledPenalty},
		{"why does my upper back hurt, lower is fine", 1, 1 + placeBonus},
		{"my upper back is fine, why?", 1, 1 - ruledPenalty}, // ruled out, nothing asked
		{"my upper back is fine, why?", 0, 1},
		{"upper and lower back both ache", 1, 1 - unplacedPenalty},
		{"is lower back pain ok at 30 weeks?", 2, 1 + placeBonus}, // asked, not ruled out
		{"the top area is ok, its the low region that spasms. why", 1, 1 - ruledPenalty},
	}
	for _, tt := range tests {
		var an analyze.Analysis
		a.Analyze(tt.text, &an)
		asked, ruled := placeIn(an.Words)
		if got := in.placed(asked, ruled, tt.topic); got != tt.want {
			t.Errorf("%q on topic %d: %v, want %v", tt.text, tt.topic, got, tt.want)
		}
	}
}
