package report_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/backcare/backcare/internal/report"
)

// browserPath finds Debian's chromium-headless-shell, or the browser named
// by BACKCARE_CHROMIUM.
func browserPath() string {
	if p := os.Getenv("BACKCARE_CHROMIUM"); p != "" {
		return p
	}
	for _, p := range []string{"chromium-headless-shell", "/usr/lib/chromium/chromium-headless-shell"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	return ""
}

// startBrowser starts a headless browser for one test and returns its tab.
// The browser is a phone-sized window with a fresh profile, kept off the
// network: chromedp talks to it over a pipe (--remote-debugging-pipe), so
// it listens on no port at all, not even on loopback; its background
// services (updates, sync, safe browsing, metrics) are off; and every host
// name resolves to nothing. When the test ends the browser is stopped and
// any process still running with its profile is killed, and the test fails
// if one was.
func startBrowser(t *testing.T, listen func(ev any)) context.Context {
	t.Helper()
	exe := browserPath()
	if exe == "" {
		const why = "chromium-headless-shell is not installed " +
			"(apt-get install chromium-headless-shell, as .ci/run does; or set BACKCARE_CHROMIUM to a Chromium binary)"
		if os.Getenv("BACKCARE_REQUIRE_BROWSER") != "" {
			t.Fatal("BACKCARE_REQUIRE_BROWSER is set but " + why)
		}
		t.Skip("skipping the browser test of the HTML report: " + why)
	}
	profile := t.TempDir()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profile),
		chromedp.DisableGPU,
		chromedp.WindowSize(390, 844),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-breakpad", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("disable-client-side-phishing-detection", true),
		chromedp.Flag("safebrowsing-disable-auto-update", true),
		chromedp.Flag("metrics-recording-only", true),
		chromedp.Flag("no-pings", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"),
	}
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox) // Chromium's sandbox refuses to run as root
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx, chromedp.WithListener(listen))
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		cancelTab()
		cancelAlloc()
		t.Fatalf("start %s: %v", exe, err)
	}
	proc := chromedp.FromContext(ctx).Browser.Process()
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc() // kills the browser and waits for it
		if proc != nil && !errors.Is(proc.Signal(syscall.Signal(0)), os.ErrProcessDone) {
			if err := proc.Signal(os.Kill); err == nil {
				t.Errorf("browser process %d was still running; killed it", proc.Pid)
			}
		}
		if pids := killProfileProcesses(profile); len(pids) > 0 {
			t.Errorf("browser processes %v were still running; killed them", pids)
		}
	})
	return ctx
}

// killProfileProcesses kills the processes whose command line names the
// profile directory (the browser's helpers carry --user-data-dir), and
// returns their ids. It finds none where there is no /proc.
func killProfileProcesses(profile string) []int {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	want := []byte("--user-data-dir=" + profile)
	var killed []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid == os.Getpid() {
			continue
		}
		cmdline, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err != nil || !bytes.Contains(cmdline, want) {
			continue
		}
		if p, err := os.FindProcess(pid); err == nil && p.Kill() == nil {
			killed = append(killed, pid)
		}
	}
	return killed
}

// TestHTMLInBrowser opens the fixture's report in headless Chromium, phone
// sized: the figures are on the page, members' words appear as text (not
// markup), the table sorts when a column's name is pressed, the page fits
// the phone's width, and it asks the network for nothing.
func TestHTMLInBrowser(t *testing.T) {
	var (
		mu       sync.Mutex
		requests []string
		problems []string
	)
	ctx := startBrowser(t, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			requests = append(requests, ev.Request.URL)
		case *log.EventEntryAdded: // CSP violations are reported here
			if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
				problems = append(problems, string(ev.Entry.Source)+": "+ev.Entry.Text)
			}
		case *runtime.EventExceptionThrown:
			problems = append(problems, "exception: "+ev.ExceptionDetails.Text)
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
				problems = append(problems, "console "+string(ev.Type))
			}
		}
	})
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()

	path := filepath.Join(t.TempDir(), "report.html")
	var page bytes.Buffer
	if err := report.WriteHTML(&page, build(t, time.Time{}), report.HTMLOptions{Sources: []string{"insights.jsonl"}}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, page.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	url := "file://" + filepath.ToSlash(path)
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitReady(chromedp.ID("topics-table"))); err != nil {
		t.Fatal(err)
	}
	eval := func(js string) []string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return v
	}
	cells := func(sel string) []string {
		t.Helper()
		return eval(`Array.from(document.querySelectorAll(` + strconv.Quote(sel) + `)).map(e => e.textContent.replace(/\s+/g, " ").trim())`)
	}

	// The figures of the fixture (see TestReport).
	title, err := chromedp.Run(ctx, chromedp.Title())
	if err != nil || !strings.HasPrefix(title, "Backcare knowledge-base report, 2 Mar 2026 to 29 Mar 2026") {
		t.Errorf("title %q, %v", title, err)
	}
	figures := []struct {
		sel  string
		want []string
	}{
		{"#cards b", []string{"26", "69%", "64%", "7.7%", "15%"}},
		// topic, answered, unsure, 👍, 👎, helpful, clarified, missed, comments, per week
		{`#topics-table tr[data-topic="ice-and-heat"] > :not(:last-child)`, []string{"ice-and-heat", "11", "1", "4", "4", "50%", "0", "3", "1"}},
		{`#topics-table tr[data-topic="relief-overview"] > :not(:last-child)`, []string{"relief-overview", "6", "0", "3", "0", "100%*", "0", "0", "0"}},
		// versions: helpful rate before and after the edit
		{"#versions-table tbody th", []string{"not recorded", "5f1c0a9e3b21", "9d4e7b2c6a80"}},
		{"#versions-table tbody td:last-child", []string{"—", "50%", "80%"}},
		// ice-and-heat under each version: 25% helpful, then 75%
		{"#by-version-table tbody tr:nth-child(1) > *", []string{"ice-and-heat", "5f1c0a9e3b21", "7", "14%", "1", "3", "25%*"}},
		{"#by-version-table tbody tr:nth-child(2) > *", []string{"ice-and-heat", "9d4e7b2c6a80", "4", "0%", "3", "1", "75%*"}},
		// the weekly trend
		{"#weeks-table tbody th", []string{"2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23"}},
		{"#weeks-table tbody td:nth-child(6)", []string{"50%", "11%", "0%", "12%"}},
		{`#topic-weeks-table tbody tr:first-child > *`, []string{"ice-and-heat", "0", "4", "3", "4"}},
		{"#chart svg.weeks g", nil}, // checked by count below
		{"ol.gaps > li > b", []string{"3×", "2×", "1×", "1×", "1×"}},
		{"#wanted q", []string{"I wanted to know if a hot bath is safe <b>& ok</b>"}},
	}
	for _, f := range figures {
		got := cells(f.sel)
		if f.want == nil {
			if len(got) != 4 {
				t.Errorf("%s: %d bars, want one per week (4)", f.sel, len(got))
			}
			continue
		}
		if !slices.Equal(got, f.want) {
			t.Errorf("%s:\n got %q\nwant %q", f.sel, got, f.want)
		}
	}
	if n := eval(`Array.from(document.querySelectorAll("#wanted b, #gaps q b"))`); len(n) != 0 {
		t.Errorf("a member's words became markup: %d elements", len(n))
	}

	// Sorting: press a column's name, then again.
	order := func() []string {
		return eval(`Array.from(document.querySelectorAll("#topics-table tbody tr")).map(r => r.dataset.topic)`)
	}
	sorts := []struct {
		column   int
		wantSort string
		want     []string
	}{
		// helpful: largest first; topics without votes stay last
		{6, "descending", []string{"relief-overview", "ice-and-heat", "sleep-position", "exercise", "stretching"}},
		{6, "ascending", []string{"ice-and-heat", "relief-overview", "sleep-position", "exercise", "stretching"}},
		// clarified, largest first, ties in their order before
		{7, "descending", []string{"exercise", "stretching", "ice-and-heat", "relief-overview", "sleep-position"}},
		// topic names, A to Z
		{1, "ascending", []string{"exercise", "ice-and-heat", "relief-overview", "sleep-position", "stretching"}},
		{2, "descending", []string{"ice-and-heat", "relief-overview", "sleep-position", "exercise", "stretching"}},
	}
	for _, s := range sorts {
		head := "#topics-table thead th:nth-child(" + strconv.Itoa(s.column) + ")"
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(head+" button"))); err != nil {
			t.Fatalf("click %s: %v", head, err)
		}
		got := order()
		sorted := eval(`[document.querySelector(` + strconv.Quote(head) + `).getAttribute("aria-sort")]`)
		if !slices.Equal(got, s.want) || sorted[0] != s.wantSort {
			t.Errorf("after pressing column %d: %q (%s)\nwant %q (%s)", s.column, got, sorted[0], s.want, s.wantSort)
		}
	}

	// Readable on a phone: the page itself does not scroll sideways (wide
	// tables scroll in their own box), and the type is at least 16px.
	layout := eval(`[String(document.documentElement.scrollWidth), String(window.innerWidth), getComputedStyle(document.body).fontSize]`)
	width, _ := strconv.Atoi(layout[0])
	inner, _ := strconv.Atoi(layout[1])
	size, _ := strconv.ParseFloat(strings.TrimSuffix(layout[2], "px"), 64)
	if inner != 390 || width > inner || size < 16 {
		t.Errorf("page %dpx wide in a %dpx window, type %vpx", width, inner, size)
	}
	// Topic names stay readable in the column that stays put while the
	// table scrolls: at least 6em wide, at most two lines.
	for _, box := range eval(`Array.from(document.querySelectorAll("#topics-table tbody th")).map(e => { const r = e.getBoundingClientRect(); return r.width / parseFloat(getComputedStyle(e).fontSize) + " " + r.height / parseFloat(getComputedStyle(e).lineHeight); })`) {
		var ems, lines float64
		if _, err := fmt.Sscan(box, &ems, &lines); err != nil || ems < 6 || lines > 3 {
			t.Errorf("a topic name's cell is %s (width in em, height in lines)", box)
		}
	}

	mu.Lock()
	defer mu.Unlock()
	for _, u := range requests {
		if u != url {
			t.Errorf("the page made a request: %s", u)
		}
	}
	if len(problems) > 0 {
		t.Errorf("the browser reported problems (a Content-Security-Policy violation shows here):\n%s", strings.Join(problems, "\n"))
	}
}
