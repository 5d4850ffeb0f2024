package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/backcare/backcare/internal/config"
)

func runCmd(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// TestAskJSONAcceptance is the acceptance check from the core issue: a
// relief answer, an urgent answer and a fallback, in that order.
func TestAskJSONAcceptance(t *testing.T) {
	code, out, errs := runCmd(t, "what helps back spasms\nI am bleeding and my back hurts\nbest pizza in town\n", "ask", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("want 3 lines, got %d:\n%s", len(lines), out)
	}
	var got []askResult
	for _, l := range lines {
		var r askResult
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		got = append(got, r)
	}
	if got[0].Intent != "relief-overview" || got[0].Urgent || got[0].Fallback || got[0].Confidence <= 0 || !strings.Contains(got[0].Answer, "heat") {
		t.Errorf("relief: %+v", got[0])
	}
	if !got[1].Urgent || got[1].Intent != "" || !strings.Contains(got[1].Answer, "midwife") {
		t.Errorf("urgent: %+v", got[1])
	}
	if !got[2].Fallback || got[2].Urgent || got[2].Intent != "" {
		t.Errorf("fallback: %+v", got[2])
	}
}

func TestAskArgumentsPlainText(t *testing.T) {
	code, out, _ := runCmd(t, "", "ask", "is", "tens", "safe", "in", "pregnancy")
	if code != 0 || !strings.Contains(out, "TENS") || !strings.Contains(out, "[1]") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func TestKBValidate(t *testing.T) {
	if code, out, _ := runCmd(t, "", "kb", "validate"); code != 0 || !strings.HasPrefix(out, "ok: ") {
		t.Errorf("embedded: exit %d %s", code, out)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("topics:\n  - id: x\n    titel: typo\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runCmd(t, "", "kb", "validate", bad)
	if code != 1 || !strings.Contains(errs, bad+`:3:5: unknown field "titel" in topic`) {
		t.Errorf("exit %d:\n%s", code, errs)
	}
}

func TestChatScript(t *testing.T) {
	code, out, errs := runCmd(t, "what helps back spasms\n1\n/about\nquit\n", "chat")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"I'm Backcare", "Things that can relieve", "Ice and heat packs", "several times a day", "University Hospitals Birmingham"} {
		if !strings.Contains(out, want) {
			t.Errorf("chat output lacks %q", want)
		}
	}
}

func TestUsageAndVersion(t *testing.T) {
	if code, _, _ := runCmd(t, ""); code != 2 {
		t.Errorf("no command: exit %d", code)
	}
	if code, out, _ := runCmd(t, "", "version"); code != 0 || !strings.Contains(out, "backcare") {
		t.Errorf("version: %d %s", code, out)
	}
	for _, c := range [][]string{{"chat", "--help"}, {"ask", "--help"}, {"kb", "validate", "--help"}} {
		if code, _, errs := runCmd(t, "", c...); code != 0 || !strings.Contains(errs, "Usage") {
			t.Errorf("%v: exit %d %s", c, code, errs)
		}
	}
	if code, _, _ := runCmd(t, "", "ask", "--nope"); code != 2 {
		t.Errorf("bad flag: exit %d", code)
	}
}

// TestREADMEDocumentsEverySetting keeps the README's settings table in step
// with the code.
func TestREADMEDocumentsEverySetting(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var c config.Config
	for _, s := range c.Settings() {
		if !strings.Contains(string(readme), "`--"+s.Name+"` | `"+s.Env+"`") {
			t.Errorf("README lacks the setting --%s / %s", s.Name, s.Env)
		}
	}
}
