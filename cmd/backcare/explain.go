package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/match"
	"github.com/backcare/backcare/internal/triage"
	"github.com/backcare/backcare/knowledge"
)

// cmdExplain shows how the bot reads messages: the words after spelling
// fixes, every safety and decline trigger that matched and what became of
// it, the topics it considered, and the reply it gives.
func cmdExplain(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("explain", "explain [--kb PATH] [MESSAGE...]\n\nShows how the bot reads each message (the arguments, or each line of standard input):\nits words after spelling fixes, every danger-sign, safety and decline trigger that\nmatched and whether it fired or was negated, the topics it considered, and the reply.", stderr)
	kbPath := fs.String("kb", "", "knowledge base `PATH` (a YAML file or a folder); default: the embedded one")
	if err := parse(fs, args); err != nil {
		return err
	}
	kb, err := loadKB(*kbPath)
	if err != nil {
		return err
	}
	m, err := match.New(kb)
	if err != nil {
		return err
	}
	eng := bot.NewEngine(kb, m, bot.Options{Limiter: bot.Unlimited{}})
	explain := func(n int, text string) {
		fmt.Fprintf(stdout, "%q\n  words: %s\n", text, strings.Join(m.Analyzer().Words(text), " "))
		safety, declines := m.Explain(text)
		printFindings(stdout, kb, safety, false)
		printFindings(stdout, kb, declines, true)
		c := m.Classify(text, "")
		for _, cand := range c.Candidates {
			fmt.Fprintf(stdout, "  topic %s: confidence %.2f\n", cand.TopicID, cand.Confidence)
		}
		r := eng.Handle(ctx, bot.Message{Platform: "cli", ChatID: fmt.Sprint("explain-", n), UserID: "cli", Addressed: true, Text: text})
		fmt.Fprintf(stdout, "  reply: %s", r.Kind)
		if r.TopicID != "" {
			fmt.Fprintf(stdout, " %s (%.2f)", r.TopicID, r.Confidence)
		}
		if len(r.Safety) > 0 {
			fmt.Fprintf(stdout, " %v", r.Safety)
		}
		fmt.Fprintln(stdout)
	}
	if fs.NArg() > 0 {
		explain(0, strings.Join(fs.Args(), " "))
		return nil
	}
	sc := bufio.NewScanner(stdin)
	for n := 0; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) != "" {
			explain(n, sc.Text())
		}
	}
	return sc.Err()
}

// printFindings lists trigger matches with the trigger's text.
func printFindings(w io.Writer, kb *knowledge.Base, fs []triage.Finding, declines bool) {
	for _, f := range fs {
		what, trigger := "safety", ""
		if declines {
			what = "decline"
			for _, d := range kb.Declines {
				if d.ID == f.Rule && f.Trigger < len(d.Triggers) {
					trigger = d.Triggers[f.Trigger]
				}
			}
		} else if r, ok := kb.RedFlag(f.Rule); ok && f.Trigger < len(r.Triggers) {
			what, trigger = "red flag", r.Triggers[f.Trigger]
		} else if x, ok := kb.SafetyRule(f.Rule); ok && f.Trigger < len(x.Triggers) {
			trigger = x.Triggers[f.Trigger]
		}
		fmt.Fprintf(w, "  %s %s: trigger %q (%s) %s\n", what, f.Rule, trigger, strings.Join(f.Words, " "), f.Verdict)
	}
}
