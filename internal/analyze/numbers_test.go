package analyze

import "testing"

func TestSpokenNumbers(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"no numbers here", "no numbers here"},
		{"thermometer says thirty eight point four um", "thermometer says 38.4 um"},
		{"twenty nine weeks", "29 weeks"},
		{"thirty-two weeks and forty minutes", "32 weeks and 40 minutes"},
		{"temp thirty seven point eight five now", "temp 37.85 now"},
		{"temp thirty eight point four one hour ago", "temp 38.4 one hour ago"},
		{"spotting at the seven-week scan", "spotting at the 7-week scan"},
		// Below twenty, numbers stay words but before weeks; so do words
		// that only contain a tens word.
		{"lost one at twelve weeks", "lost one at 12 weeks"},
		{"spotting at seven weeks, one week ago", "spotting at 7 weeks, 1 week ago"},
		{"five minutes apart for two days", "five minutes apart for two days"},
		{"one of the weekends", "one of the weekends"},
		{"thirtyish weeks, twentysomething", "thirtyish weeks, twentysomething"},
		{"the point is twenty", "the point is 20"},
		{"twenty point", "20 point"},
	} {
		if got := spokenNumbers(tt.in); got != tt.want {
			t.Errorf("spokenNumbers(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
