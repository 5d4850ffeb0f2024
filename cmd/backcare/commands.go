package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/analyze"
	"github.com/backcare/backcare/internal/config"
	"github.com/backcare/backcare/internal/console"
	"github.com/backcare/backcare/internal/listener"
	"github.com/backcare/backcare/internal/match"
	"github.com/backcare/backcare/internal/ops"
	"github.com/backcare/backcare/internal/startup"
	"github.com/backcare/backcare/internal/triage"
	"github.com/backcare/backcare/knowledge"
)

// newFlags returns a flag set that prints its usage to stderr and returns
// errors instead of exiting.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: backcare %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags; --help exits 0, a bad flag exits 2.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitError{0}
		}
		return exitError{2}
	}
	return nil
}

// loadKB loads the knowledge base at path, or the embedded one.
func loadKB(path string) (*knowledge.Base, error) {
	if path == "" {
		return knowledge.Embedded()
	}
	return knowledge.Load(path)
}

// region resolves the region setting that b bound (flag, environment,
// config file) against kb: "all", or a region kb defines. A bad setting
// is reported on stderr and exits 2, like a bad flag.
func region(b *config.Binding, kb *knowledge.Base, cmd string, stderr io.Writer) (string, error) {
	cfg, err := b.Load()
	if err == nil {
		var r string
		if r, err = kb.SelectRegion(cfg.Region); err == nil {
			return r, nil
		}
	}
	fmt.Fprintf(stderr, "backcare %s: %v\n", cmd, err)
	return "", exitError{2}
}

// newEngine wires a knowledge base, its matcher and the engine.
func newEngine(kb *knowledge.Base, opts bot.Options) (*bot.Engine, error) {
	m, err := match.New(kb)
	if err != nil {
		return nil, err
	}
	return bot.NewEngine(kb, m, opts), nil
}

func cmdChat(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("chat", "chat [--kb PATH] [--region REGION]", stderr)
	kbPath := fs.String("kb", "", "knowledge base `PATH` (a YAML file or a folder); default: the embedded one")
	httpAddr := fs.String("http-addr", "", "serve /healthz, /readyz and /metrics on this address (default: off)")
	settings := config.Bind(fs, os.Getenv, "region")
	if err := parse(fs, args); err != nil {
		return err
	}
	restore := startup.Pace(startup.DefaultLimit)
	defer restore()
	kb, err := loadKB(*kbPath)
	if err != nil {
		return err
	}
	opts := bot.Options{}
	if opts.Region, err = region(settings, kb, "chat", stderr); err != nil {
		return err
	}
	if *httpAddr != "" {
		metrics, health := ops.NewMetrics(version), ops.NewHealth()
		metrics.KnowledgeVersion(kb.Version)
		opts.Observe = metrics.Observe
		ctx2, cancel := context.WithCancel(ctx)
		defer cancel()
		go func() {
			log := slog.New(slog.NewTextHandler(stderr, nil))
			if err := ops.Serve(ctx2, *httpAddr, ops.Handler(metrics, health), listener.Limits{}, log, nil); err != nil {
				log.Error("operations listener", "err", err)
			}
		}()
	}
	eng, err := newEngine(kb, opts)
	restore()
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, "Backcare — type a question, a number to pick a choice, /help for commands, or quit to leave.")
	s := &console.Session{Handler: eng, In: stdin, Out: stdout, Prompt: "> "}
	if err := s.Run(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return nil
}

// askResult is one line of `backcare ask --json`.
type askResult struct {
	Question   string       `json:"question"`
	Intent     string       `json:"intent"`
	Confidence float64      `json:"confidence"`
	Urgent     bool         `json:"urgent"`
	Fallback   bool         `json:"fallback"`
	Kind       bot.Kind     `json:"kind"`
	RedFlags   []string     `json:"red_flags,omitempty"`
	Buttons    []bot.Button `json:"buttons,omitempty"`
	Answer     string       `json:"answer"`
}

func cmdAsk(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("ask", "ask [--json] [--kb PATH] [--region REGION] [QUESTION...]\n\nWith no QUESTION, answers each line of standard input.", stderr)
	asJSON := fs.Bool("json", false, "print one JSON object per answer")
	kbPath := fs.String("kb", "", "knowledge base `PATH` (a YAML file or a folder); default: the embedded one")
	settings := config.Bind(fs, os.Getenv, "region")
	if err := parse(fs, args); err != nil {
		return err
	}
	restore := startup.Pace(startup.DefaultLimit)
	defer restore()
	kb, err := loadKB(*kbPath)
	if err != nil {
		return err
	}
	reg, err := region(settings, kb, "ask", stderr)
	if err != nil {
		return err
	}
	eng, err := newEngine(kb, bot.Options{Limiter: bot.Unlimited{}, Region: reg})
	restore()
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	n := 0
	answer := func(q string) error {
		n++
		r := eng.Handle(ctx, bot.Message{Platform: "cli", ChatID: fmt.Sprint("ask-", n), UserID: "cli", Addressed: true, Text: q, Time: time.Now()})
		if !*asJSON {
			_, err := fmt.Fprintf(stdout, "%s\n\n", r.PlainText())
			return err
		}
		return enc.Encode(askResult{Question: q, Intent: r.TopicID, Confidence: round(r.Confidence), Urgent: r.Urgent,
			Fallback: r.Fallback, Kind: r.Kind, RedFlags: r.RedFlags, Buttons: r.Buttons, Answer: r.PlainText()})
	}
	if fs.NArg() > 0 {
		return answer(strings.Join(fs.Args(), " "))
	}
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		if err := answer(sc.Text()); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read questions: %w", err)
	}
	return nil
}

func round(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

func cmdKB(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "report" {
		return cmdReport(args[1:], stdin, stdout, stderr)
	}
	if len(args) > 0 && args[0] == "gaps" {
		return cmdGaps(args[1:], stdin, stdout, stderr)
	}
	if len(args) > 0 && args[0] == "train-screen" {
		return cmdTrainScreen(args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "export" {
		fs := newFlags("kb export", "kb export DIR\n\nWrites the built-in knowledge base's YAML files into DIR, to edit and use with --kb.", stderr)
		if err := parse(fs, args[1:]); err != nil {
			return err
		}
		if fs.NArg() != 1 {
			fs.Usage()
			return exitError{2}
		}
		if err := knowledge.WriteEmbedded(fs.Arg(0)); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote the built-in knowledge base to %s; check your edits with: backcare kb validate %s\n", fs.Arg(0), fs.Arg(0))
		return nil
	}
	if len(args) == 0 || args[0] != "validate" {
		fmt.Fprint(stderr, "Usage: backcare kb validate [--strict] [PATH...]\n       backcare kb export DIR\n       backcare kb train-screen [--safety ID=THRESHOLD,...] [--out FILE] DATA.tsv...\n       backcare kb report [--since DATE] [--html FILE] LOG...\n       backcare kb gaps [--top N] [--since DATE] LOG...\n")
		if len(args) > 0 && (args[0] == "--help" || args[0] == "-h") {
			return exitError{0}
		}
		return exitError{2}
	}
	fs := newFlags("kb validate", "kb validate [--strict] [PATH...]\n\nChecks a knowledge base (the embedded one when no PATH is given). PATHs, files\nor folders of .yaml files, are read together as one knowledge base. Every problem\nis reported as file:line:column; the exit status is 1 if there is any.\n\nTopics, red flags and safety items never reviewed, or whose review is older\nthan review_every, are warnings: printed, but the exit status stays 0 unless\n--strict is given.", stderr)
	strict := fs.Bool("strict", false, "fail (exit 1) on review warnings too: entries never reviewed or overdue")
	paths, err := parseInterspersed(fs, args[1:])
	if err != nil {
		return err
	}
	var kb *knowledge.Base
	if len(paths) == 0 {
		kb, err = knowledge.Embedded()
	} else {
		kb, err = knowledge.Load(paths...)
	}
	var list knowledge.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Fprintln(stderr, e)
		}
		fmt.Fprintf(stderr, "%d problem(s) found\n", len(list))
		return exitError{1}
	}
	if err != nil {
		return err
	}
	// Triggers are compiled only by the matcher: a trigger that expands
	// into too many phrases is found here, not at the next reload.
	if _, err := match.New(kb); err != nil {
		fmt.Fprintln(stderr, err)
		return exitError{1}
	}
	a := analyze.New(kb)
	loose := append(looseWarnings(kb, a), patternWarnings(kb, a)...)
	for _, w := range loose {
		fmt.Fprintln(stderr, w)
	}
	if len(loose) > 0 {
		fmt.Fprintf(stderr, "%d pattern warning(s): a word read as a common word, a number in digits or a word the compiler leaves out matches other than it seems to\n", len(loose))
		if *strict {
			fmt.Fprintln(stderr, "--strict: pattern warnings fail the check")
			return exitError{1}
		}
	}
	warnings := kb.ReviewWarnings(time.Now())
	for _, w := range warnings {
		fmt.Fprintln(stderr, w)
	}
	if len(warnings) > 0 {
		fmt.Fprintf(stderr, "%d review warning(s): entries never reviewed, or last reviewed longer ago than review_every (%v)\n", len(warnings), kb.ReviewEvery)
		if *strict {
			fmt.Fprintln(stderr, "--strict: review warnings fail the check")
			return exitError{1}
		}
	}
	fmt.Fprintf(stdout, "ok: %d topics, %d red flags, %d sources, %d synonyms\n", len(kb.Topics), len(kb.RedFlags), len(kb.Sources), len(kb.Synonyms))
	return nil
}

// parseInterspersed parses flags that may stand before, between or after
// the other arguments ("kb validate my-kb --strict"), and returns the others.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := parse(fs, args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return rest, nil
		}
		if args = fs.Args(); len(args) > 0 && args[0] == "--" {
			return append(rest, args[1:]...), nil
		}
		rest, args = append(rest, args[0]), args[1:]
	}
}

// patternWarnings lists the triggers and patterns of red flags and safety
// items that match other than they seem to: a number in digits inside a
// word sequence (triage.NumberWords: "my_10" stands for "my" and any
// number), an alternative with a dash (triage.DashedWords), and an
// alternative the compiler leaves out (triage.SkippedWords: "is|feel
// sore" never meets "is sore").
func patternWarnings(kb *knowledge.Base, a *analyze.Analyzer) []string {
	var out []string
	check := func(pos knowledge.Pos, what, id string, lists ...[]string) {
		for _, l := range lists {
			for _, p := range l {
				for _, w := range triage.NumberWords(p) {
					out = append(out, fmt.Sprintf("%s: warning: %s %q pattern %q: %q stands for any number in place of its digits (write \"#\" for any number, or the number in words)",
						pos, what, id, p, w))
				}
				for _, w := range triage.DashedWords(p) {
					out = append(out, fmt.Sprintf("%s: warning: %s %q pattern %q: %q is read as loose words in any order (write %q)",
						pos, what, id, p, w, strings.ReplaceAll(w, "-", "_")))
				}
				for _, w := range triage.SkippedWords(a, p) {
					out = append(out, fmt.Sprintf("%s: warning: %s %q pattern %q: %q is left out of every pattern and never matches (drop it, or join it to the word it goes with in a sequence, as in \"it_is\")",
						pos, what, id, p, w))
				}
			}
		}
	}
	for _, f := range kb.RedFlags {
		check(f.Pos, "red flag", f.ID, f.Triggers, f.Firm, f.Unless, f.Averted, f.Explained)
	}
	for _, s := range kb.Safety {
		check(s.Pos, "safety item", s.ID, s.Triggers, s.Firm, s.Unless, s.History, s.Past)
	}
	return out
}

// looseWarnings lists the unless patterns of red flags and safety items
// with a loose word (see triage.Loose): "doing" read as "do" cancels a
// match next to "don't".
func looseWarnings(kb *knowledge.Base, a *analyze.Analyzer) []string {
	var out []string
	check := func(pos knowledge.Pos, what, id string, unless []string) {
		for _, u := range unless {
			for _, l := range triage.LooseWords(a, u) {
				out = append(out, fmt.Sprintf("%s: warning: %s %q unless %q: %q is read as %q and meets its every form (write a sequence such as %q)",
					pos, what, id, u, l.Word, l.Lemma, l.Word+"_my"))
			}
		}
	}
	for _, f := range kb.RedFlags {
		check(f.Pos, "red flag", f.ID, f.Unless)
	}
	for _, s := range kb.Safety {
		check(s.Pos, "safety item", s.ID, append(slices.Clip(s.Unless), s.History...))
	}
	return out
}
