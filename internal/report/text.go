package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"
)

// FewVotes is the number of votes under which a helpful rate is marked as
// too few to judge by.
const FewVotes = 5

// RecentWeeks is how many of the latest weeks the per-topic weekly
// figures show.
const RecentWeeks = 12

// TextOptions tune WriteText.
type TextOptions struct {
	// Top is how many groups of unanswered questions to list; default 20.
	Top int
	// Sources names the logs read, for the heading.
	Sources []string
}

// WriteText writes the report as plain text, in columns, for a terminal.
// What members wrote is quoted with Go escapes, so no control character
// from a message reaches the terminal.
func WriteText(w io.Writer, r *Report, opts TextOptions) error {
	if opts.Top <= 0 {
		opts.Top = 20
	}
	ew := &errWriter{w: w}
	fmt.Fprintln(ew, "Backcare knowledge-base report")
	if len(opts.Sources) > 0 {
		fmt.Fprintf(ew, "from %s\n", strings.Join(opts.Sources, ", "))
	}
	fmt.Fprintln(ew, summaryLine(r))
	if r.Entries == 0 {
		return ew.err
	}
	t := r.Total
	fmt.Fprintf(ew, "\n%s questions: %s answered (%s of them unsure), %s clarifications, %s fallbacks.\n",
		num(t.Questions), num(t.Answered), pct(t.LowConfidenceRate()), pct(t.ClarificationRate()), pct(t.FallbackRate()))
	fmt.Fprintf(ew, "Feedback: %s 👍, %s 👎 (%s helpful), %s after 👎.\n",
		num(t.Up), num(t.Down), helpful(t), plural(t.Comments, "comment"))

	section(ew, "Knowledge-base versions, oldest first")
	tw := table(ew, "VERSION", "IN SERVICE", "QUESTIONS", "ANSWERED", "UNSURE", "CLARIFY", "FALLBACK", "UP", "DOWN", "HELPFUL")
	for _, v := range r.Versions {
		row(tw, printable(VersionLabel(v.ID)), day(v.First)+" – "+day(v.Last), num(v.Questions), num(v.Answered), pct(v.LowConfidenceRate()),
			pct(v.ClarificationRate()), pct(v.FallbackRate()), num(v.Up), num(v.Down), helpful(v.Counts))
	}
	tw.Flush()
	if len(r.Versions) > 0 && r.Versions[0].ID == "" {
		fmt.Fprintln(ew, OldLogNote)
	}

	section(ew, "Topics, most answered first")
	tw = table(ew, "TOPIC", "ANSWERED", "UNSURE", "UP", "DOWN", "HELPFUL", "CLARIFIED", "MISSED", "COMMENTS", "PER WEEK")
	for _, tp := range r.Topics {
		row(tw, printable(tp.ID), num(tp.Answered), num(tp.LowConfidence), num(tp.Up), num(tp.Down), helpful(tp.Counts),
			num(tp.Clarifications), num(tp.Fallbacks), num(tp.Comments), sparkline(tp.Weeks))
	}
	tw.Flush()
	fmt.Fprintln(ew, "UP, DOWN: 👍 and 👎. UNSURE: answered with low confidence. CLARIFIED: offered in a clarification.")
	fmt.Fprintln(ew, "MISSED: the closest topic to a question the bot could not answer. PER WEEK: answers, one mark a week (· for none).")
	fmt.Fprintf(ew, "A rate marked * rests on fewer than %d votes.\n", FewVotes)

	if changed := multiVersion(r); len(changed) > 0 {
		section(ew, "Topics under more than one knowledge-base version")
		tw = table(ew, "TOPIC", "VERSION", "ANSWERED", "UNSURE", "UP", "DOWN", "HELPFUL")
		for _, tp := range changed {
			first := true
			for i, c := range tp.Versions {
				if c.Answered+c.Votes() == 0 {
					continue
				}
				name := ""
				if first {
					name, first = printable(tp.ID), false
				}
				row(tw, name, printable(VersionLabel(r.Versions[i].ID)), num(c.Answered), pct(c.LowConfidenceRate()), num(c.Up), num(c.Down), helpful(c))
			}
		}
		tw.Flush()
	}

	weeks := r.Weeks[max(0, len(r.Weeks)-RecentWeeks):]
	if len(r.Topics) > 0 {
		title := "Answers per topic, week by week"
		if len(weeks) < len(r.Weeks) {
			title += fmt.Sprintf(" (the last %d weeks)", len(weeks))
		}
		section(ew, title)
		head := []string{"TOPIC"}
		for _, wk := range weeks {
			head = append(head, wk.Start.Format("02 Jan"))
		}
		tw = table(ew, head...)
		off := len(r.Weeks) - len(weeks)
		for _, tp := range r.Topics {
			cells := []string{printable(tp.ID)}
			for i := range weeks {
				cells = append(cells, num(tp.Weeks[off+i].Answered))
			}
			row(tw, cells...)
		}
		tw.Flush()
	}

	section(ew, "Week by week (from Monday, UTC; the first and last weeks may be partial)")
	tw = table(ew, "WEEK OF", "QUESTIONS", "ANSWERED", "UNSURE", "CLARIFY", "FALLBACK", "UP", "DOWN", "HELPFUL")
	for _, wk := range r.Weeks {
		row(tw, day(wk.Start), num(wk.Questions), num(wk.Answered), pct(wk.LowConfidenceRate()), pct(wk.ClarificationRate()),
			pct(wk.FallbackRate()), num(wk.Up), num(wk.Down), helpful(wk.Counts))
	}
	tw.Flush()

	section(ew, fmt.Sprintf("Unanswered or unsure questions: %s, in %s groups", num(r.Unanswered), num(len(r.Gaps))))
	WriteGaps(ew, r.Gaps, opts.Top)

	var commented []Topic
	for _, tp := range r.Topics {
		if len(tp.Wanted) > 0 {
			commented = append(commented, tp)
		}
	}
	if len(commented) > 0 {
		section(ew, "What members were looking for, written after 👎")
		for _, tp := range commented {
			fmt.Fprintf(ew, "%s (%d)\n", printable(tp.ID), len(tp.Wanted))
			for i, c := range tp.Wanted {
				if i == 5 {
					fmt.Fprintf(ew, "   … %d more\n", len(tp.Wanted)-5)
					break
				}
				fmt.Fprintf(ew, "   %s  %s  %q\n", day(c.Time), printable(VersionLabel(c.Version)), c.Text)
			}
		}
	}
	return ew.err
}

// WriteGaps writes the top groups of unanswered questions for an editor
// to read: the most asked wording, the topic it came closest to, and up to
// four other wordings.
func WriteGaps(w io.Writer, groups []Group, top int) {
	if len(groups) == 0 {
		fmt.Fprintln(w, "No unanswered questions recorded.")
		return
	}
	for i, g := range groups {
		if i == top {
			fmt.Fprintf(w, "… and %d more groups\n", len(groups)-top)
			break
		}
		closest := "no topic came close"
		if g.Closest != "" {
			closest = fmt.Sprintf("closest topic: %s (confidence %.2f)", printable(g.Closest), g.Confidence)
		}
		fmt.Fprintf(w, "%3d× %q\n     %s\n", g.Count, g.Questions[0], closest)
		for j, q := range g.Questions[1:] {
			if j == 4 {
				fmt.Fprintf(w, "     … %d more wordings\n", len(g.Questions)-5)
				break
			}
			fmt.Fprintf(w, "     also: %q\n", q)
		}
	}
}

// summaryLine says what the report covers.
func summaryLine(r *Report) string {
	if r.Entries == 0 {
		s := "No replies recorded"
		if !r.Since.IsZero() {
			s += " since " + day(r.Since)
		}
		if r.Older > 0 {
			s += fmt.Sprintf(" (%s earlier left out)", num(r.Older))
		}
		return s + "."
	}
	s := fmt.Sprintf("%s replies from %s to %s (%s)", num(r.Entries), day(r.First), day(r.Last), plural(len(r.Weeks), "week"))
	if !r.Since.IsZero() {
		s += ", since " + day(r.Since)
	}
	if r.Older > 0 {
		s += fmt.Sprintf(", %s earlier left out", num(r.Older))
	}
	return s + "."
}

// multiVersion returns the topics answered or rated under more than one
// version: where a moderator can compare before and after an edit.
func multiVersion(r *Report) []Topic {
	var out []Topic
	for _, tp := range r.Topics {
		n := 0
		for _, c := range tp.Versions {
			if c.Answered+c.Votes() > 0 {
				n++
			}
		}
		if n > 1 {
			out = append(out, tp)
		}
	}
	return out
}

// OldLogNote explains the version "not recorded".
const OldLogNote = `Version "not recorded" is the older unanswered-questions log, which kept only the questions the bot could not answer well: its rates cannot be compared with the others.`

// printable returns s with every character that is not printable (a
// terminal's escape sequences, for example) replaced by "?". Topic ids and
// versions come from the log, and a log is not to be trusted blindly.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsPrint(r) {
			return r
		}
		return '?'
	}, s)
}

// VersionLabel names a knowledge-base version; lines of the older log
// recorded none.
func VersionLabel(id string) string {
	if id == "" {
		return "not recorded"
	}
	return id
}

func section(w io.Writer, title string) {
	fmt.Fprintf(w, "\n%s\n%s\n", title, strings.Repeat("─", len([]rune(title))))
}

func table(w io.Writer, head ...string) *tabwriter.Writer {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	row(tw, head...)
	return tw
}

func row(tw *tabwriter.Writer, cells ...string) { fmt.Fprintln(tw, strings.Join(cells, "\t")) }

// day formats a date.
func day(t time.Time) string { return t.UTC().Format("2006-01-02") }

// num formats a whole number with thousands separators.
func num(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + num(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// pct formats a share as a percentage.
func pct(f float64) string {
	p := f * 100
	if p != 0 && p < 10 {
		return strconv.FormatFloat(p, 'f', 1, 64) + "%"
	}
	return strconv.FormatFloat(p, 'f', 0, 64) + "%"
}

// helpful formats a helpful rate, "—" without votes and marked * on few.
func helpful(c Counts) string {
	h, ok := c.Helpful()
	if !ok {
		return "—"
	}
	if c.Votes() < FewVotes {
		return pct(h) + "*"
	}
	return pct(h)
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return num(n) + " " + what + "s"
}

// sparkline draws weekly answer counts with block characters.
func sparkline(weeks []Counts) string {
	const bars = "▁▂▃▄▅▆▇█"
	levels := []rune(bars)
	weeks = weeks[max(0, len(weeks)-RecentWeeks*2):]
	top := 0
	for _, c := range weeks {
		top = max(top, c.Answered)
	}
	var b strings.Builder
	for _, c := range weeks {
		if c.Answered == 0 {
			b.WriteRune('·')
			continue
		}
		b.WriteRune(levels[(2*c.Answered*(len(levels)-1)+top)/(2*top)])
	}
	return b.String()
}

// errWriter keeps the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}
