package eval_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestNamedPhrasings checks, on the real knowledge base, the styles the
// safety issue names one by one: a sign described rather than named, the
// baby as "she", an everyday event for a fall, a hedge, ordinary speech
// that shares a sign's words, and negation before and after. The
// evaluation sets measure the styles at scale; these are the examples a
// new reader of the issue tries first.
func TestNamedPhrasings(t *testing.T) {
	eng := newEngine(t)
	tests := []struct {
		text string
		want string // the safety category that must be raised; "" for none
	}{
		{"some brown on the tissue", "bleeding"},
		{"my leggings are damp and it isn't wee", "waters"},
		{"bump goes rock solid on and off all evening", "contractions"},
		{"she's been really still today", "baby-movements"},
		{"haven't felt her kick since breakfast", "baby-movements"},
		{"I missed the bottom stair and landed hard", "fall"},
		{"pins and needles between my legs that won't go", "nerve-compression"},
		{"I bashed my bump on the table corner", "fall"},
		{"not sure if my waters went", "waters"},
		{"no fever but I'm bleeding", "bleeding"},
		// A question asked in general, then hers.
		{"how do you tell if your waters have gone? mine might have", "waters"},
		{"do people get headaches with vision problems in pregnancy? i have one now", "pre-eclampsia"},
		{"kicks: none since lunch, 31 weeks", "baby-movements"},
		{"I can't see the point of going on", "crisis"},
		{"my family would manage fine without me", "crisis"},
		{"i hope the birth kills me", "crisis"},
		// A cue that is an object ("feel nothing") does not reach the next clause.
		{"i look at the scan and feel nothing and think the baby would be better off if i wasnt around", "crisis"},
		// Her back that hurt does not say the triggers judged the message:
		// the abuse is read in the rest of it.
		{"My husband is angry all the time, he broke my phone and the door when I said my back hurt. I am afraid at home", "abuse"},
		{"my partner shoved me into the door frame", "abuse"},
		{"we lost our baby at 16 weeks and my back aches", "loss"},

		{"I fell pregnant in March, why does my back hurt", ""},
		{"my new work contract means sitting all day", ""},
		{"I'm leaving work early because of my back", ""},
		{"the pain is at its worst at night", ""},
		{"contractions? no way, just back spasms", ""},
		{"bleeding? no", ""},
		{"the pain is not sharp or sudden", ""},
		{"I'm not bleeding and my waters are fine, what helps back spasms?", ""},
		{"baby is kicking like a footballer", ""},
		{"fall asleep on the sofa and wake up sore", ""},
		{"my back is murdering me", ""},
		{"I'd kill for a nap", ""},
		{"kicking myself for lifting that box", ""},
		{"what do I do if my waters go at work?", ""},
		{"reduced movements? no. bleeding? no. just back ache", ""},
	}
	for i, tt := range tests {
		r := ask(eng, fmt.Sprintf("named-%d", i), tt.text)
		raised := r.Safety
		if len(raised) == 0 {
			raised = r.RedFlags
		}
		switch {
		case tt.want == "" && len(raised) > 0:
			t.Errorf("%q raised %v (%s), want no alarm", tt.text, raised, r.Kind)
		case tt.want != "" && !slices.Contains(raised, tt.want):
			t.Errorf("%q raised [%s] (%s), want %s", tt.text, strings.Join(raised, " "), r.Kind, tt.want)
		case tt.want == "" && r.Urgent:
			t.Errorf("%q is urgent (%s), want no alarm", tt.text, r.Kind)
		}
	}
}
