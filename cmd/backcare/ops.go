package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/backcare/backcare/internal/analyze"
	"github.com/backcare/backcare/internal/gaps"
	"github.com/backcare/backcare/internal/ops"
)

// cmdGaps prints the unanswered-questions report.
func cmdGaps(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("kb gaps", "kb gaps [--top N] [--kb PATH] FILE\n\nGroups the questions recorded with --unanswered-log and lists the most frequent,\nwith the topic each came closest to.", stderr)
	top := fs.Int("top", 20, "how many groups to list")
	kbPath := fs.String("kb", "", "knowledge base `PATH` used to compare questions (default: the embedded one)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitError{2}
	}
	kb, err := loadKB(*kbPath)
	if err != nil {
		return err
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	entries, skipped, err := gaps.Read(f)
	if err != nil {
		return fmt.Errorf("read %s: %w", fs.Arg(0), err)
	}
	if skipped > 0 {
		fmt.Fprintf(stderr, "skipped %d lines that are not entries\n", skipped)
	}
	an := analyze.New(kb)
	fmt.Fprintf(stdout, "%d unanswered or unsure questions in %s\n\n", len(entries), fs.Arg(0))
	gaps.Print(stdout, gaps.Report(entries, an.Terms), *top)
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
