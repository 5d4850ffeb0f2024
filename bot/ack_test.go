package bot

import "testing"

// TestDoingAndAcks: right after an urgent reply, "will" tells what she
// will do ("will ring them"), unless it asks ("will my back hurt the
// whole way through").
func TestDoingAndAcks(t *testing.T) {
	tests := []struct {
		text       string
		doing, ack bool
	}{
		{"ok will ring them now", true, true},
		{"i will call triage", true, true},
		{"will my back hurt the whole way through", false, false},
		{"and if it is labour will it stop after", false, false},
		{"thanks, will do", true, true},
	}
	for _, tt := range tests {
		if got := doing(tt.text); got != tt.doing {
			t.Errorf("doing(%q) = %v, want %v", tt.text, got, tt.doing)
		}
		if got := acks(tt.text); got != tt.ack {
			t.Errorf("acks(%q) = %v, want %v", tt.text, got, tt.ack)
		}
	}
}
