package main

import (
	"bytes"
	"compress/gzip"
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
	// 1 is "Tell me more" (the rest of the answer), then 1 is its first related topic.
	code, out, errs := runCmd(t, "what helps back spasms\n1\n1\n/about\nquit\n", "chat")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"I'm Backcare", "Things that can relieve", "[1] Tell me more", "What helps back spasms (continued)",
		"A pregnancy support belt", "Ice and heat packs", "several times a day", "University Hospitals Birmingham"} {
		if !strings.Contains(out, want) {
			t.Errorf("chat output lacks %q", want)
		}
	}
}

func TestUsageAndVersion(t *testing.T) {
	if code, _, _ := runCmd(t, ""); code != 2 {
		t.Errorf("no command: exit %d", code)
	}
	if code, out, _ := runCmd(t, "", "version"); code != 0 || !strings.Contains(out, "backcare") || !strings.Contains(out, "(knowledge base "+embeddedVersion(t)+")") {
		t.Errorf("version: %d %s", code, out)
	}
	for _, c := range [][]string{{"chat", "--help"}, {"ask", "--help"}, {"kb", "validate", "--help"}, {"kb", "report", "--help"}, {"kb", "gaps", "--help"}} {
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

// TestKBReport runs kb report and kb gaps on the report package's fixture
// (its figures are checked there) and on an unanswered-questions log.
func TestKBReport(t *testing.T) {
	const fixture = "../../internal/report/testdata/insights.jsonl"
	const oldLog = "../../internal/insights/testdata/unanswered-v1.jsonl"
	dir := t.TempDir()
	gz := filepath.Join(dir, "insights.jsonl.1.gz")
	raw, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	var zb bytes.Buffer
	zw := gzip.NewWriter(&zb)
	zw.Write(raw)
	zw.Close()
	if err := os.WriteFile(gz, zb.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		args  []string
		stdin string
		code  int
		want  []string // in standard output, or standard error for errors
	}{
		{"text", []string{"kb", "report", fixture}, "", 0,
			[]string{"40 replies from 2026-03-02 to 2026-03-29 (4 weeks).", "ice-and-heat", "9d4e7b2c6a80", "3× \"can i take a warm bath for my back\""}},
		{"since", []string{"kb", "report", "--since", "2026-03-16", fixture}, "", 0,
			[]string{"19 replies from 2026-03-16 to 2026-03-29 (2 weeks), since 2026-03-16, 21 earlier left out."}},
		{"gzip and standard input", []string{"kb", "report", gz, "-"}, string(raw), 0,
			[]string{"80 replies from 2026-03-02"}},
		{"old log", []string{"kb", "report", oldLog}, "", 0,
			[]string{"4 replies from 2026-02-03 to 2026-02-05", "not recorded", `"what about sleeping on my front"`}},
		{"gaps", []string{"kb", "gaps", "--top", "1", fixture, oldLog}, "", 0,
			[]string{"12 unanswered or unsure questions in", "4× \"can i take a warm bath for my back\"", "… and 5 more groups"}},
		{"bad date", []string{"kb", "report", "--since", "last week", fixture}, "", 1, []string{`--since "last week" is not a date`}},
		{"no log", []string{"kb", "report"}, "", 2, []string{"Usage: backcare kb report"}},
		{"missing log", []string{"kb", "report", filepath.Join(dir, "nope.jsonl")}, "", 1, []string{"nope.jsonl"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runCmd(t, tt.stdin, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\n%s%s", code, tt.code, out, errs)
			}
			got := out
			if code != 0 {
				got = errs
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("output lacks %q:\n%s", w, got)
				}
			}
		})
	}
}

func TestKBReportHTML(t *testing.T) {
	page := filepath.Join(t.TempDir(), "report.html")
	code, out, errs := runCmd(t, "", "kb", "report", "--html", page, "../../internal/report/testdata/insights.jsonl")
	if code != 0 || !strings.Contains(out, "wrote "+page+": 40 replies, 5 topics, 5 groups") {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	fi, err := os.Stat(page)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600: the page holds members' words", fi.Mode().Perm())
	}
	html, _ := os.ReadFile(page)
	if !bytes.HasPrefix(html, []byte("<!doctype html>")) || !bytes.Contains(html, []byte(`id="topics-table"`)) {
		t.Errorf("not the report page:\n%.300s", html)
	}
	if entries, _ := os.ReadDir(filepath.Dir(page)); len(entries) != 1 {
		t.Errorf("temporary files left beside the page: %v", entries)
	}
}

// TestKBValidateReviews: review warnings are printed with their positions
// and leave the exit status 0, unless --strict (before or after the
// paths) makes them fail; a broken review is an error either way.
func TestKBValidateReviews(t *testing.T) {
	fixture := func(name string) string { return filepath.Join("testdata", "review", name) }
	overdue := []string{
		fixture("overdue.yaml") + `:14:15: warning: topic "heat" is overdue for review: last reviewed on 2020-01-01 by Jane Doe, midwife, valid until 2021-01-01`,
		fixture("overdue.yaml") + `:22:15: warning: red flag "bleeding" is overdue for review: last reviewed on 2020-01-01 by Jane Doe, midwife, valid until 2021-01-01`,
		fixture("overdue.yaml") + `:30:15: warning: safety item "crisis" is overdue for review`,
		"3 review warning(s)",
	}
	never := []string{
		fixture("unreviewed.yaml") + `:8:5: warning: topic "heat" has never been reviewed`,
		fixture("unreviewed.yaml") + `:15:5: warning: red flag "bleeding" has never been reviewed`,
		fixture("unreviewed.yaml") + `:22:5: warning: safety item "crisis" has never been reviewed`,
	}
	tests := []struct {
		name    string
		args    []string
		code    int
		ok      bool     // "ok: " printed
		stderr  []string // each must appear
		without string   // must not appear in stderr
	}{
		{"reviewed", []string{fixture("reviewed.yaml")}, 0, true, nil, "warning"},
		{"reviewed, strict", []string{"--strict", fixture("reviewed.yaml")}, 0, true, nil, "warning"},
		{"overdue warns", []string{fixture("overdue.yaml")}, 0, true, overdue, "--strict"},
		{"overdue, strict", []string{"--strict", fixture("overdue.yaml")}, 1, false, append(overdue, "--strict: review warnings fail the check"), ""},
		{"overdue, strict after the path", []string{fixture("overdue.yaml"), "--strict"}, 1, false, overdue, ""},
		{"never reviewed warns", []string{fixture("unreviewed.yaml")}, 0, true, never, ""},
		{"never reviewed, strict", []string{"--strict", fixture("unreviewed.yaml")}, 1, false, never, ""},
		{"a future date is an error", []string{fixture("future.yaml")}, 1, false,
			[]string{fixture("future.yaml") + ":14:45: reviewed on 2999-01-01 is in the future", "3 problem(s) found"}, "warning"},
		{"an unknown unit is an error", []string{fixture("bad-unit.yaml")}, 1, false,
			[]string{fixture("bad-unit.yaml") + `:2:15: review_every has an unknown unit "fortnights"`}, "warning"},
		{"the embedded knowledge base warns", nil, 0, true,
			[]string{`: warning: red flag "heavy-bleeding" has never been reviewed`, "review_every (12 months)"}, ""},
		{"the embedded knowledge base is not reviewed yet", []string{"--strict"}, 1, false,
			[]string{`: warning: safety item "crisis" has never been reviewed`}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runCmd(t, "", append([]string{"kb", "validate"}, tt.args...)...)
			if code != tt.code || strings.HasPrefix(out, "ok: ") != tt.ok {
				t.Errorf("exit %d, want %d; stdout:\n%s\nstderr:\n%s", code, tt.code, out, errs)
			}
			for _, w := range tt.stderr {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errs)
				}
			}
			if tt.without != "" && strings.Contains(errs, tt.without) {
				t.Errorf("stderr has %q:\n%s", tt.without, errs)
			}
		})
	}
}

// TestAskAndChatRegion: ask and chat take the region setting from the
// flag, the environment or serve's config file, and refuse a region the
// knowledge base does not define, naming the valid ones.
func TestAskAndChatRegion(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "backcare.yaml")
	if err := os.WriteFile(file, []byte("region: ie\ntelegram-token: \"123:abc\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const urgent = "I'm bleeding heavily with clots"
	tests := []struct {
		name    string
		env     map[string]string
		args    []string
		code    int
		want    string
		notWant []string
	}{
		{"all by default", nil, []string{"ask", urgent}, 0, "999 in the UK, 911 in the US", nil},
		{"flag", nil, []string{"ask", "--region", "uk", urgent}, 0, "Call 999 now", []string{"911", "112"}},
		{"environment", map[string]string{"BACKCARE_REGION": "us"}, []string{"ask", urgent}, 0, "Call 911 now", []string{"999", "112"}},
		{"flag over environment", map[string]string{"BACKCARE_REGION": "us"}, []string{"ask", "--region", "au", urgent}, 0, "Call 000 now", []string{"999", "911"}},
		{"config file", nil, []string{"ask", "--config", file, urgent}, 0, "Call 112 now", []string{"999", "911"}},
		{"config file from the environment", map[string]string{"BACKCARE_CONFIG": file}, []string{"ask", urgent}, 0, "Call 112 now", []string{"999", "911"}},
		{"chat", map[string]string{"BACKCARE_REGION": "uk"}, []string{"chat"}, 0, "Call 999 now", []string{"911"}},
		{"unknown region", nil, []string{"ask", "--region", "fr", urgent}, 2, `backcare ask: region "fr" is not defined in the knowledge base; use one of uk, us, eu, ie, au, elsewhere, or all`, nil},
		{"not a region", map[string]string{"BACKCARE_REGION": "the moon"}, []string{"chat"}, 2, `backcare chat: region "the moon" is not a region id`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, k := range []string{"BACKCARE_REGION", "BACKCARE_CONFIG"} {
				t.Setenv(k, tt.env[k])
			}
			code, out, errs := runCmd(t, urgent+"\nquit\n", tt.args...)
			if code != tt.code || !strings.Contains(out+errs, tt.want) {
				t.Fatalf("exit %d (want %d), want %q in:\n%s%s", code, tt.code, tt.want, out, errs)
			}
			for _, w := range tt.notWant {
				if strings.Contains(out, w) {
					t.Errorf("%q in:\n%s", w, out)
				}
			}
		})
	}
}

// TestExplainSaysWhy checks that explain shows a moderator why a message
// fired, was negated, or was turned down.
func TestExplainSaysWhy(t *testing.T) {
	code, out, errs := runCmd(t, "no bleeding, just sore\nwhat helps with leg cramps\nI fell pregnant in March\n", "explain")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"negated by a cue before it",
		"out of scope: another complaint of pregnancy",
		"cancelled by an unless pattern",
		"reply: fallback",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("explain output lacks %q:\n%s", want, out)
		}
	}
}

// TestKBTrainScreenCV: --cv measures the screens out of fold and writes
// none; a single fold is refused.
func TestKBTrainScreenCV(t *testing.T) {
	data := filepath.Join("..", "..", "internal", "screen", "testdata", "train.tsv")
	kb := filepath.Join("..", "..", "internal", "screen", "testdata", "kb.yaml")
	out := filepath.Join(t.TempDir(), "screens.yaml")
	code, stdout, stderr := runCmd(t, "", "kb", "train-screen", "--kb", kb, "--safety", "crisis=0", "--cv", "3", "--out", out, data)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "crisis at 0, out of fold: caught ") || !strings.Contains(stdout, " of 6 (") || !strings.Contains(stdout, " of 8 safe messages") {
		t.Errorf("stdout = %q, want one line measuring crisis on 6 crisis and 8 safe messages", stdout)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("--cv wrote the screens")
	}
	if code, _, stderr := runCmd(t, "", "kb", "train-screen", "--kb", kb, "--safety", "crisis=0", "--cv", "1", data); code == 0 || !strings.Contains(stderr, "want 2 folds or more") {
		t.Errorf("--cv 1: exit %d, stderr %q", code, stderr)
	}
}
