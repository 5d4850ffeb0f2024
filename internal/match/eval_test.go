package match_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/match"
	"github.com/backcare/backcare/knowledge"
)

type labelled struct {
	split, label, text string
	line               int
}

func loadEval(t testing.TB) []labelled {
	t.Helper()
	f, err := os.Open("testdata/eval.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		parts := strings.SplitN(line, "\t", 3)
		if len(parts) != 3 {
			t.Fatalf("eval.tsv:%d: want split<TAB>label<TAB>text", n)
		}
		out = append(out, labelled{parts[0], parts[1], parts[2], n})
	}
	return out
}

// score counts how the bot did on one split.
type score struct {
	inScope, inRight   int
	inClarified        int // in-scope messages answered with a clarification offering the right topic
	ambiguous          int // messages naming two subjects
	ambiguousRight     int // ... that got a clarification offering one of them
	ambiguousHalf      int // ... that got a direct answer about one of them
	flags, flagsCaught int
	notFlag, alarms    int
	out, outRejected   int
	misses             []string
}

func (s *score) add(l labelled, r bot.Reply) {
	urgent := r.Kind == bot.KindUrgent
	if l.label != "urgent" {
		s.notFlag++
		if urgent {
			s.alarms++
			s.misses = append(s.misses, fmt.Sprintf("line %d false alarm %v: %q", l.line, r.RedFlags, l.text))
		}
	}
	switch l.label {
	case "urgent":
		s.flags++
		if urgent {
			s.flagsCaught++
		} else {
			s.misses = append(s.misses, fmt.Sprintf("line %d MISSED RED FLAG (%s %s): %q", l.line, r.Kind, r.TopicID, l.text))
		}
	case "safe":
	case "out":
		s.out++
		if r.Fallback && !urgent {
			s.outRejected++
		} else {
			s.misses = append(s.misses, fmt.Sprintf("line %d out-of-scope answered as %s %s (%.2f): %q", l.line, r.Kind, r.TopicID, r.Confidence, l.text))
		}
	default:
		if want, ok := strings.CutPrefix(l.label, "clarify:"); ok {
			s.ambiguous++
			opts := strings.Split(want, ",")
			offered := r.Kind == bot.KindClarify
			if offered {
				offered = false
				for _, b := range r.Buttons {
					for _, o := range opts {
						offered = offered || b.Payload == bot.TopicPayload(o)
					}
				}
			}
			switch {
			case offered:
				s.ambiguousRight++
			case r.Kind == bot.KindAnswer && (r.TopicID == opts[0] || r.TopicID == opts[1]):
				s.ambiguousHalf++
				s.misses = append(s.misses, fmt.Sprintf("line %d ambiguous, answered %s without asking: %q", l.line, r.TopicID, l.text))
			default:
				s.misses = append(s.misses, fmt.Sprintf("line %d ambiguous, got %s %s: %q", l.line, r.Kind, r.TopicID, l.text))
			}
			return
		}
		s.inScope++
		if r.Kind == bot.KindAnswer && r.TopicID == l.label {
			s.inRight++
		} else {
			for _, b := range r.Buttons {
				if r.Kind == bot.KindClarify && b.Payload == bot.TopicPayload(l.label) {
					s.inClarified++
				}
			}
			s.misses = append(s.misses, fmt.Sprintf("line %d want %s, got %s %s (%.2f): %q", l.line, l.label, r.Kind, r.TopicID, r.Confidence, l.text))
		}
	}
}

func pct(a, b int) float64 {
	if b == 0 {
		return 100
	}
	return 100 * float64(a) / float64(b)
}

func (s *score) String() string {
	return fmt.Sprintf("ambiguous clarified %d/%d, in-scope %d/%d (%.1f%%), red flags %d/%d (%.1f%%), false alarms %d/%d (%.1f%%), out-of-scope rejected %d/%d (%.1f%%)",
		s.ambiguousRight, s.ambiguous, s.inRight, s.inScope, pct(s.inRight, s.inScope), s.flagsCaught, s.flags, pct(s.flagsCaught, s.flags),
		s.alarms, s.notFlag, pct(s.alarms, s.notFlag), s.outRejected, s.out, pct(s.outRejected, s.out))
}

func newEngine(t testing.TB, th bot.Thresholds) *bot.Engine {
	t.Helper()
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return bot.NewEngine(kb, match.Must(match.New(kb)), bot.Options{Limiter: bot.Unlimited{}, Thresholds: th})
}

// TestEvaluationFloors runs every labelled message through the engine, each
// in a fresh chat. Red flags must all be caught and false alarms stay under
// 2% on every split; the answer-rate floors are asserted on the whole set.
// Both splits are logged, so the held-out figures can be quoted.
func TestEvaluationFloors(t *testing.T) {
	eng := newEngine(t, bot.Thresholds{})
	scores := map[string]*score{"tune": {}, "holdout": {}, "all": {}}
	for i, l := range loadEval(t) {
		s, ok := scores[l.split]
		if !ok {
			t.Fatalf("eval.tsv:%d: unknown split %q", l.line, l.split)
		}
		r := eng.Handle(context.Background(), bot.Message{Platform: "eval", ChatID: fmt.Sprint(i), UserID: "eval", Addressed: true, Text: l.text})
		s.add(l, r)
		scores["all"].add(l, r)
	}
	for _, split := range []string{"tune", "holdout", "all"} {
		s := scores[split]
		t.Logf("%-7s %s", split, s)
		if split != "all" {
			for _, m := range s.misses {
				t.Logf("  %s", m)
			}
		}
		if s.flagsCaught != s.flags {
			t.Errorf("%s: red flags caught %d/%d, floor 100%%", split, s.flagsCaught, s.flags)
		}
		if pct(s.alarms, s.notFlag) > 2 {
			t.Errorf("%s: false alarms %.1f%%, ceiling 2%%", split, pct(s.alarms, s.notFlag))
		}
	}
	all := scores["all"]
	if n := all.inScope + all.flags + all.out + all.notFlag; n < 200 {
		t.Errorf("only %d labelled messages, want at least 200", n)
	}
	if pct(all.inRight, all.inScope) < 95 {
		t.Errorf("in-scope answered correctly %.1f%%, floor 95%%", pct(all.inRight, all.inScope))
	}
	if pct(all.outRejected, all.out) < 90 {
		t.Errorf("out-of-scope rejected %.1f%%, floor 90%%", pct(all.outRejected, all.out))
	}
}

// TestTuneThresholds searches thresholds on the tune split only. It is how
// bot.DefaultThresholds was chosen; run it with BACKCARE_TUNE=1.
func TestTuneThresholds(t *testing.T) {
	if os.Getenv("BACKCARE_TUNE") == "" {
		t.Skip("set BACKCARE_TUNE=1 to search thresholds on the tune split")
	}
	var tune []labelled
	for _, l := range loadEval(t) {
		if l.split == "tune" {
			tune = append(tune, l)
		}
	}
	type result struct {
		th     bot.Thresholds
		errors float64
		s      *score
	}
	var best *result
	for a := 0.20; a <= 0.701; a += 0.02 {
		for m := 0.0; m <= 0.151; m += 0.01 {
			th := bot.Thresholds{Answer: a, Margin: m}
			eng := newEngine(t, th)
			s := &score{}
			for i, l := range tune {
				s.add(l, eng.Handle(context.Background(), bot.Message{Platform: "tune", ChatID: fmt.Sprint(i), UserID: "t", Addressed: true, Text: l.text}))
			}
			// A confident wrong answer to an out-of-scope question costs 2, a
			// wrong or missing answer 1, and a clarification that offers the
			// right topic half of one.
			errs := 2*float64(s.out-s.outRejected) + float64(s.inScope-s.inRight) - 0.5*float64(s.inClarified) +
				float64(s.ambiguous-s.ambiguousRight) - 0.5*float64(s.ambiguousHalf)
			// Among equally good settings prefer the larger margin and then
			// the more cautious threshold.
			if best == nil || errs < best.errors-1e-9 || (errs < best.errors+1e-9 && (m > best.th.Margin+1e-9 || (m > best.th.Margin-1e-9 && a > best.th.Answer))) {
				best = &result{th, errs, s}
			}
		}
	}
	t.Logf("best thresholds on the tune split: answer %.2f, margin %.2f: %s", best.th.Answer, best.th.Margin, best.s)
}
