package main

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/backcare/backcare/internal/analyze"
	"github.com/backcare/backcare/internal/insights"
	"github.com/backcare/backcare/internal/ops"
	"github.com/backcare/backcare/internal/report"
)

// reportFlags are the flags kb report and kb gaps share.
type reportFlags struct {
	since  *string
	kbPath *string
	top    *int
}

func addReportFlags(fs *flag.FlagSet, topDefault string) reportFlags {
	return reportFlags{
		since:  fs.String("since", "", "leave out replies before this `DATE` (2026-03-01, UTC; or an RFC 3339 time)"),
		kbPath: fs.String("kb", "", "knowledge base `PATH` whose words are used to group similar questions (default: the embedded one)"),
		top:    fs.Int("top", 0, "how many groups of unanswered questions to list (default "+topDefault+")"),
	}
}

// buildReport reads the insights logs (or unanswered-questions logs) at
// paths into a report.
func buildReport(f reportFlags, paths []string, stdin io.Reader, stderr io.Writer) (*report.Report, error) {
	var since time.Time
	if *f.since != "" {
		var err error
		if since, err = time.Parse(time.DateOnly, *f.since); err != nil {
			if since, err = time.Parse(time.RFC3339, *f.since); err != nil {
				return nil, fmt.Errorf("--since %q is not a date such as 2026-03-01", *f.since)
			}
		}
	}
	kb, err := loadKB(*f.kbPath)
	if err != nil {
		return nil, err
	}
	b := report.NewBuilder(report.Options{Since: since, Terms: analyze.New(kb).Terms})
	for _, path := range paths {
		skipped, err := readLog(path, stdin, b.Add)
		if err != nil {
			return nil, err
		}
		if skipped > 0 {
			fmt.Fprintf(stderr, "%s: skipped %d line(s) that are not log entries\n", path, skipped)
		}
	}
	return b.Report(), nil
}

// readLog reads one log: a file, a gzip-compressed file (name ending in
// .gz, as log rotation leaves them), or standard input for "-".
func readLog(path string, stdin io.Reader, fn func(insights.Entry) error) (skipped int, err error) {
	var r io.Reader = stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return 0, err
		}
		defer f.Close()
		r = f
	}
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return 0, fmt.Errorf("%s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	skipped, err = insights.Read(r, fn)
	if err != nil {
		return skipped, fmt.Errorf("read %s: %w", path, err)
	}
	return skipped, nil
}

// cmdReport prints the moderators' report, or writes it as an HTML page.
func cmdReport(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("kb report", `kb report [--since DATE] [--html FILE] [--top N] [--kb PATH] LOG...

Reads insights logs (written with --insights-log; older --unanswered-log files
too, and .gz files; - for standard input) and reports, per topic, how often it
was answered and how members rated it, week by week, split by knowledge-base
version, with the questions the bot could not answer grouped. Text goes to
standard output; with --html, one self-contained page is written instead.`, stderr)
	rf := addReportFlags(fs, "20 in text, 50 on the page")
	htmlPath := fs.String("html", "", "write the report as one self-contained HTML page to `FILE` (mode 0600: it holds members' words)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitError{2}
	}
	r, err := buildReport(rf, fs.Args(), stdin, stderr)
	if err != nil {
		return err
	}
	if *htmlPath == "" {
		return report.WriteText(stdout, r, report.TextOptions{Top: *rf.top, Sources: fs.Args()})
	}
	if err := writeFileAtomic(*htmlPath, func(w io.Writer) error {
		return report.WriteHTML(w, r, report.HTMLOptions{Sources: fs.Args(), Generated: time.Now(), Top: *rf.top})
	}); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: %d replies, %d topics, %d groups of unanswered questions\n", *htmlPath, r.Entries, len(r.Topics), len(r.Gaps))
	return nil
}

// writeFileAtomic writes a file readable by its owner only, through a
// temporary file renamed into place, so a reader never sees half a page.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename, there is nothing left to remove
	bw := bufio.NewWriter(tmp)
	if err := write(bw); err != nil {
		tmp.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// cmdGaps prints only the report's unanswered questions, as before the
// insights log; it reads both kinds of log.
func cmdGaps(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("kb gaps", "kb gaps [--top N] [--since DATE] [--kb PATH] LOG...\n\nGroups the unanswered or unsure questions of insights logs (or older\nunanswered-questions logs) and lists the most frequent, with the topic each came\nclosest to. \"backcare kb report\" shows them too.", stderr)
	rf := addReportFlags(fs, "20")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitError{2}
	}
	r, err := buildReport(rf, fs.Args(), stdin, stderr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d unanswered or unsure questions in %s\n\n", r.Unanswered, strings.Join(fs.Args(), ", "))
	report.WriteGaps(stdout, r.Gaps, cmp.Or(*rf.top, 20))
	return nil
}

// cmdHealthcheck queries the operations listener; the container's
// HEALTHCHECK runs it, since the image has no shell or curl.
func cmdHealthcheck(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("healthcheck", "healthcheck [--addr HOST:PORT] [--ready]", stderr)
	addr := fs.String("addr", envOr("BACKCARE_HTTP_ADDR", ops.DefaultAddr), "operations listener address (env BACKCARE_HTTP_ADDR)")
	ready := fs.Bool("ready", false, "check /readyz (every adapter connected) instead of /healthz")
	if err := parse(fs, args); err != nil {
		return err
	}
	host, port, err := net.SplitHostPort(*addr)
	if err != nil {
		return fmt.Errorf("--addr %q: %w", *addr, err)
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	path := "/healthz"
	if *ready {
		path = "/readyz"
	}
	client := &http.Client{Timeout: 3 * time.Second}
	resp, err := client.Get("http://" + net.JoinHostPort(host, port) + path)
	if err != nil {
		fmt.Fprintf(stderr, "unhealthy: %v\n", err)
		return exitError{1}
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if resp.StatusCode != http.StatusOK {
		fmt.Fprintf(stderr, "unhealthy: %s %s\n", resp.Status, strings.TrimSpace(string(body)))
		return exitError{1}
	}
	fmt.Fprint(stdout, string(body))
	return nil
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
