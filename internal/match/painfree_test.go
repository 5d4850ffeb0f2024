package match_test

import "testing"

// TestPainFree checks that a question from someone whose back does not
// hurt is turned down, and that pain told any other way is not denied.
func TestPainFree(t *testing.T) {
	m := embeddedMatcher(t)
	for _, tt := range []struct {
		text string
		free bool
	}{
		{"16 weeks, feel great, no pains anywhere. is running actually safe in pregnancy?", true},
		{"14 weeks and feeling strong, no pain or niggles anywhere, back is totally fine. can I keep lifting heavy?", true},
		{"18 weeks, no back issues at all luckily. is it ok to do sit ups for my abs?", true},
		// A question, someone else's denial, a denial in time, a denial
		// of something else: the pain is still hers.
		{"is a hot water bottle on my back ok when pregnant?", false},
		{"my friend had zero back pain, am i just unlucky or is it common?", false},
		{"I had zero back pain with my first, now it's constant. Is that common?", false},
		{"my chair at work has no back support at all. what should i be asking for?", false},
		{"how do i lift my toddler without hurting my back?", false},
		{"upper back totally fine, it's all down by my tailbone. why there?", false},
	} {
		c := m.Classify(tt.text, "")
		if free := len(c.Candidates) == 0 && c.OffTopic == 1; free != tt.free {
			t.Errorf("%q: turned down %v (candidates %v), want %v", tt.text, free, c.Candidates, tt.free)
		}
	}
}
