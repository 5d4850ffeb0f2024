package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/match"
	"github.com/backcare/backcare/internal/triage"
	"github.com/backcare/backcare/knowledge"
)

// cmdExplain shows how the bot reads messages: the words after spelling
// fixes, every safety and decline trigger that matched and what became of
// it, the topics it considered with their closest examples, and the reply.
func cmdExplain(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("explain", "explain [--kb PATH] [MESSAGE...]\n\nShows how the bot reads each message (the arguments as one message, or each line of\nstandard input): its words after spelling fixes, every danger-sign, safety and decline\ntrigger that matched and whether it fired or was negated, the topics it considered\nwith their closest examples, and the reply.", stderr)
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
		e := m.Explain(text)
		fmt.Fprintf(stdout, "%q\n  words: %s\n  lemmas: %s\n  terms: %s\n", text, strings.Join(e.Words, " "),
			strings.Join(e.Lemmas, " "), strings.Join(e.Terms, " "))
		printFindings(stdout, kb, e.Safety, "safety")
		printFindings(stdout, kb, e.Declines, "decline")
		printFindings(stdout, kb, e.Hesitation, "hesitation")
		for _, sc := range e.Screens {
			verdict := "below"
			if sc.Fired {
				verdict = "FIRED at"
			}
			if sc.Held {
				verdict = "held by the triggers' verdict (a trigger that did not fire, or screen_unless), though over"
			}
			var ws []string
			for _, w := range sc.Words {
				ws = append(ws, fmt.Sprintf("%q %+.2f", w.Feature, w.Weight))
			}
			fmt.Fprintf(stdout, "  screen %s: log-odds %+.2f, %s threshold %+.2f (strongest: %s)\n", sc.Safety, sc.LogOdds, verdict, sc.Threshold, strings.Join(ws, ", "))
		}
		for _, t := range e.Topics {
			fmt.Fprintf(stdout, "  topic %s %.2f, closest example %q\n", t.Topic, t.Confidence, t.Example)
		}
		var scope []string
		for _, w := range e.Scope {
			scope = append(scope, fmt.Sprintf("%s %+.1f", w.Term, w.LogOdds))
		}
		fmt.Fprintf(stdout, "  off-topic %.2f (in-scope evidence: %s)\n", e.OffTopic, strings.Join(scope, ", "))
		if e.OutOfScope != "" {
			fmt.Fprintf(stdout, "  out of scope: %s\n", e.OutOfScope)
		}
		if e.SmallTalk != "" {
			fmt.Fprintf(stdout, "  small talk: %s\n", e.SmallTalk)
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
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 0; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) != "" {
			explain(n, sc.Text())
		}
	}
	return sc.Err()
}

// printFindings lists trigger matches of one kind of rule ("safety",
// "decline" or "hesitation") with the trigger's text, and the unless
// pattern that cancelled a match.
func printFindings(w io.Writer, kb *knowledge.Base, fs []triage.Finding, kind string) {
	for _, f := range fs {
		what, triggers, unless := kind, []string(nil), []string(nil)
		switch {
		case kind == "hesitation":
			what, triggers = "hesitation (heeded right after an urgent reply)", kb.Hesitation.Triggers
		case kind == "decline":
			for _, d := range kb.Declines {
				if d.ID == f.Rule {
					triggers = d.Triggers
				}
			}
		default:
			if r, ok := kb.RedFlag(f.Rule); ok {
				what, triggers, unless = "red flag", r.AllTriggers(), r.Unless
			} else if x, ok := kb.SafetyRule(f.Rule); ok {
				triggers, unless = x.AllTriggers(), append(slices.Clip(x.Unless), x.History...) // history patterns are numbered after the unless ones
			}
		}
		trigger := ""
		if f.Trigger < len(triggers) {
			trigger = triggers[f.Trigger]
		}
		part := ""
		if f.Part > 0 {
			part = fmt.Sprintf(" part %d", f.Part)
		}
		fmt.Fprintf(w, "  %s %s: trigger %q%s on %q %s", what, f.Rule, trigger, part, f.At, f.Verdict)
		if f.Unless >= 0 && f.Unless < len(unless) {
			fmt.Fprintf(w, " %q", unless[f.Unless])
		}
		if len(f.Because) > 0 {
			fmt.Fprintf(w, " (%s)", strings.Join(f.Because, ", "))
		}
		fmt.Fprintln(w)
	}
}
