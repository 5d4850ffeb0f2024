package analyze

import "testing"

func TestUnquote(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"no quote here, 30 weeks", "no quote here, 30 weeks"},
		{"pain > 8 out of 10 since lunch", "pain > 8 out of 10 since lunch"},
		// Another member's post quoted: only her own words are hers.
		{"> has anyone had a fall in pregnancy?\nnot me thankfully, back tips?", "not me thankfully, back tips?"},
		{"> Jess wrote: my waters just went!!!\n> off to hospital\ngood luck jess!! 37 wks here", "good luck jess!! 37 wks here"},
		// Taken up as hers, or nothing else written: the quote stays.
		{"> my waters just went\nsame here!! 37 weeks", "> my waters just went\nsame here!! 37 weeks"},
		{"> bleeding at 20 weeks", "> bleeding at 20 weeks"},
		{"> has anyone had their waters go?\nhappening right now", "> has anyone had their waters go?\nhappening right now"},
		// Agreement opens a reply, or is a phrase that means nothing else;
		// a "same" or "also" deep in a reply about something else is not.
		{"> my bleeding started at 20 weeks\nyes but mine is bright red, 22 weeks", "> my bleeding started at 20 weeks\nyes but mine is bright red, 22 weeks"},
		{"> I fainted at work\nomg hope you're ok!! it happened to me too an hour ago", "> I fainted at work\nomg hope you're ok!! it happened to me too an hour ago"},
		{"> I think my waters went?\nSarah go in!! they'll do a swab. (also same, my knickers are always damp, midwife checked)", "Sarah go in!! they'll do a swab. (also same, my knickers are always damp, midwife checked)"},
		{"> I fainted at work today\nomg hope you're ok! did you ring maternity? Also for me: is it ok to stand all day?", "omg hope you're ok! did you ring maternity? Also for me: is it ok to stand all day?"},
		// A ">" before an emoticon or a number quotes nothing.
		{">:( bleeding heavily\nnobody at triage answering", ">:( bleeding heavily\nnobody at triage answering"},
		{"30 weeks\n> 1 pad soaked an hour", "30 weeks\n> 1 pad soaked an hour"},
	} {
		if got := unquote(tt.in); got != tt.want {
			t.Errorf("unquote(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
