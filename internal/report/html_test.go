package report_test

import (
	"crypto/sha256"
	"encoding/base64"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/insights"
	"github.com/backcare/backcare/internal/report"
)

// TestHTMLIsSelfContainedAndEscaped renders a report of hostile log lines
// (a log is untrusted: members write its text, and a forged button can
// name any topic) and checks that nothing from them becomes markup, that
// the page loads nothing, and that its policy allows exactly its own
// inline script and style sheet.
func TestHTMLIsSelfContainedAndEscaped(t *testing.T) {
	const (
		evilTopic = `"><img src=x onerror=alert(1)>`
		evilText  = `</script><script>alert(1)</script>`
		evilGuess = `x" onmouseover="alert(1)`
	)
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	b := report.NewBuilder(report.Options{})
	for _, e := range []insights.Entry{
		{Time: at, Kind: bot.KindAnswer, Topic: evilTopic, KnowledgeVersion: `<b>v1</b>`},
		{Time: at, Kind: bot.KindFeedback, Feedback: &insights.Feedback{Topic: evilTopic, Comment: true}, Text: evilText},
		{Time: at, Kind: bot.KindFallback, Text: `<svg onload=alert(1)>`, Guesses: []insights.Guess{{Topic: evilGuess, Confidence: 0.2}}},
	} {
		if err := b.Add(e); err != nil {
			t.Fatal(err)
		}
	}
	var out strings.Builder
	if err := report.WriteHTML(&out, b.Report(), report.HTMLOptions{Sources: []string{`<i>log</i>.jsonl`}, Generated: at}); err != nil {
		t.Fatal(err)
	}
	page := out.String()
	for _, bad := range []string{"<img", "<script>alert", "<svg onload", `onmouseover="alert`, "<b>v1", "<i>log", "http://", "https://", "@import", "url("} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	// No tag loads anything, runs an event handler or carries a style
	// attribute (which the policy would block).
	quoted := regexp.MustCompile(`"[^"]*"`)
	for _, tag := range regexp.MustCompile(`<[a-zA-Z][^>]*>`).FindAllString(page, -1) {
		if regexp.MustCompile(`\s(src|on[a-z]+|style|srcset|action|formaction)=`).MatchString(quoted.ReplaceAllString(tag, `""`)) {
			t.Errorf("tag %s", tag)
		}
	}
	if n := strings.Count(page, "<script"); n != 1 {
		t.Errorf("%d script elements, want 1", n)
	}
	for _, href := range regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		if !strings.HasPrefix(href[1], "#") {
			t.Errorf("link out of the page: %s", href[1])
		}
	}
	// The policy names the hashes of the inline script and style sheet.
	csp := regexp.MustCompile(`http-equiv="Content-Security-Policy" content="([^"]*)"`).FindStringSubmatch(page)
	script := regexp.MustCompile(`(?s)<script>(.*)</script>`).FindStringSubmatch(page)
	style := regexp.MustCompile(`(?s)<style>(.*)</style>`).FindStringSubmatch(page)
	if csp == nil || script == nil || style == nil {
		t.Fatal("no policy, script or style sheet")
	}
	policy := html.UnescapeString(csp[1])
	for name, body := range map[string]string{"script-src": script[1], "style-src": style[1]} {
		sum := sha256.Sum256([]byte(body))
		want := name + " 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
		if !strings.Contains(policy, want) {
			t.Errorf("policy %q lacks %q", policy, want)
		}
	}
	if !strings.HasPrefix(policy, "default-src 'none'") {
		t.Errorf("policy %q does not start by forbidding everything", policy)
	}
}

func TestHTMLEmptyReport(t *testing.T) {
	var out strings.Builder
	if err := report.WriteHTML(&out, report.NewBuilder(report.Options{}).Report(), report.HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "There is nothing to report yet") {
		t.Errorf("empty page:\n%s", out.String())
	}
}
