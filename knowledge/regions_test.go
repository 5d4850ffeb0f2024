package knowledge_test

import (
	"strings"
	"testing"

	"github.com/backcare/backcare/knowledge"
)

func TestSelectRegion(t *testing.T) {
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		setting, want, err string
	}{
		{"all", knowledge.AllRegions, ""},
		{"", knowledge.AllRegions, ""},
		{"uk", "uk", ""},
		{" US ", "us", ""},
		{"elsewhere", "elsewhere", ""},
		{"fr", "", `region "fr" is not defined in the knowledge base; use one of uk, us, eu, ie, au, elsewhere, or all`},
	}
	for _, tt := range tests {
		got, err := kb.SelectRegion(tt.setting)
		if got != tt.want || (err == nil) != (tt.err == "") || err != nil && err.Error() != tt.err {
			t.Errorf("SelectRegion(%q) = %q, %v; want %q, %q", tt.setting, got, err, tt.want, tt.err)
		}
	}
	none, err := knowledge.Parse("kb.yaml", []byte("disclaimer: d\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := none.SelectRegion("uk"); err == nil || !strings.Contains(err.Error(), "defines no regions") {
		t.Errorf("no regions: %v", err)
	}
}

// TestLocalize: one region shows its own number and helplines only; all
// regions show each, named.
func TestLocalize(t *testing.T) {
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	text := "Call {emergency} now.\n- {crisis-line}"
	tests := []struct {
		region  string
		want    []string
		notWant []string
	}{
		{"uk", []string{"Call 999 now.", "- Samaritans: call 116 123"}, []string{"911", "988", "112", "In the UK"}},
		{"us", []string{"Call 911 now.", "- the 988 Suicide & Crisis Lifeline"}, []string{"999", "Samaritans", "112"}},
		{"au", []string{"Call 000 now.", "- a helpline listed by Befrienders Worldwide"}, []string{"999", "911", "Samaritans"}},
		{knowledge.AllRegions, []string{"999 in the UK", "911 in the US", "- In the UK and Ireland: Samaritans", "- In the US: the 988", "- Elsewhere: a helpline"}, nil},
	}
	quoted := kb.Localize("Talk to someone:\n- \"{crisis-line}\"\n  - '{abuse-line}'", "uk")
	if want := "Talk to someone:\n- Samaritans: call 116 123, free, day or night\n- National Domestic Abuse Helpline"; !strings.HasPrefix(quoted, want) || strings.Contains(quoted, `"`) || strings.Contains(quoted, "'{") {
		t.Errorf("quoted placeholders:\n%s", quoted)
	}
	for _, tt := range tests {
		got := kb.Localize(text, tt.region)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%q: want %q in:\n%s", tt.region, w, got)
			}
		}
		for _, w := range tt.notWant {
			if strings.Contains(got, w) {
				t.Errorf("%q: %q in:\n%s", tt.region, w, got)
			}
		}
	}
}
