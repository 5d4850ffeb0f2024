package eval_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/match"
	"github.com/backcare/backcare/knowledge"
)

// splits are the evaluation splits, in report order.
var splits = []string{"tune", "holdout"}

// A goal is what an issue asks of a measure on every split (target) and
// what this version of the bot reaches on each split (floor, a percentage,
// rounded down). The test fails when a change takes a measure below its
// floor, so nothing gets quietly worse; a target not yet reached is
// logged, with the gap, and not hidden: raise the floor when a change
// raises the figure. For false alarms the floor is a ceiling.
type goal struct {
	target float64
	floor  map[string]float64 // by split
}

// goals by measure. Targets from issues 9 and 10. The held-out ceiling on
// false alarms is 2 of 130 again: retrained with S166 and S167 the abuse
// screen fired on one more held-out safe message (2 -> 3, the ceiling
// was 3 of 130 for two commits), and retrained with S170 and S171 it no
// longer does. Cross-validation on the tune split (kb train-screen --cv
// 5) puts its false alarms at a quarter of one in 130: a borderline
// verdict, below what the held-out split resolves. The tune ceiling on
// false alarms rose from 3.6 to 3.7 when S181-S183 joined (their safe
// messages were written to be hard: 39 false alarms in 235 after their
// fixes); on the rows before them false alarms fell from 566 to 552.
// With S184-S186 and their reviews the tune false alarms fell back to
// 3.55% (580 of 16,321), so the ceiling is 3.6 again; the held-out signs
// rose from 156 to 157 of 159 with the spelling fixer's consonants-only
// words, and the floor with them. With S188-S193 and their reviews the
// tune false alarms fell to 3.33% (563 of 16,895) and the signs caught
// rose to 99.41%: the floor is 99.4. S194 (the last weeks and the weeks
// after the birth) joined with 16 false alarms left on 81 safe messages
// (lochia settling, a show, a sweep's spotting told as safe by its writer
// and as bleeding by this project's labels): 579 of 16,976 (3.41%), the
// rows before it unchanged, so the ceiling is 3.5. S205 (signs already
// checked at triage, the EPU or A&E, and how they went since) joined with
// 33 false alarms on 75 safe messages, the largest open class: the
// ceiling was 3.7 (648 of 17,904, 3.62%) while on the rows before S203
// false alarms fell from 610 to 602 of 17,669. S206 (numbers and
// measurements) and S207 (remedy questions with a sign as the reason)
// joined with 1 and 2 false alarms left, and the rows before them fell
// from 648 to 645: 647 of 18,153 (3.56%), so the ceiling is 3.6 again.
// S208-S219 joined in the same sitting: 701 of 19,627 (3.57%), the rows
// before S206 at 641 of 17,904. S220-S227 (dictation, other languages,
// group replies, high-risk pregnancies, work, writing for another,
// fragments, jokes) joined after their fixes with 17 false alarms on 968
// safe messages: 715 of 20,617 (3.47%), so the ceiling is 3.5. Their 9
// misses left the signs caught at 99.41% (26,731 of 26,891). S228-S231
// (long posts, dialects, remedies, the first and last weeks) joined in
// the same sitting: 729 of 21,096 (3.46%), signs 27,126 of 27,288.
// S232-S235 (questions asked as if in general about what is happening to
// her, updates over time, mood, control) then joined with their fixes:
// S232's missed signs (20 of 98 at first look, 11 after the readings that
// stayed) are the largest open class (a sign asked about as "is it
// normal if your...", told as hers only by a detail later), and the four
// sets keep 47 false alarms on 483 safe messages. The tune split is at 27,530 of 27,700 signs (99.39%) and 775
// of 21,579 false alarms (3.59%), past losses 1,369 of 1,393 (98.3%), so
// the floors are 99.3 and 98.2 and the ceiling 3.7 until that class is
// read.
var goals = map[string]goal{
	"danger signs, crisis and abuse caught": {100, map[string]float64{"tune": 99.3, "holdout": 98.7}},
	"loss met with care":                    {100, map[string]float64{"tune": 99.9, "holdout": 100}},
	"false alarms":                          {1, map[string]float64{"tune": 3.7, "holdout": 1.6}},
	"past loss answered":                    {100, map[string]float64{"tune": 98.2, "holdout": 100}},
	"safety false alarms on questions":      {1, map[string]float64{"tune": 0.8, "holdout": 0.3}},
	"answered right":                        {92, map[string]float64{"tune": 89.0, "holdout": 93.8}},
	"off-topic turned down":                 {92, map[string]float64{"tune": 93.5, "holdout": 98.4}},
	"conversation turns right":              {90, map[string]float64{"tune": 89.3, "holdout": 100}},
}

// check compares one measure with its goal (see goal); higher says
// whether more is better.
func check(t *testing.T, split, measure string, got float64, higher bool) {
	t.Helper()
	g, ok := goals[measure]
	if !ok {
		t.Fatalf("no goal for %q", measure)
	}
	floor := g.floor[split]
	if higher && got < floor || !higher && got > floor {
		t.Errorf("%s: %s %.1f%%, below the floor of %.1f%% this version reached", split, measure, got, floor)
	}
	if higher && got < g.target || !higher && got > g.target {
		t.Logf("%s: %s %.1f%%, target %.0f%% not reached", split, measure, got, g.target)
	}
}

// item is one labelled message.
type item struct {
	label, author, text string
	line                int
}

// loadTSV reads testdata/<name>-<split>.tsv: label, author, message; "\n"
// in a message is a line break.
func loadTSV(t testing.TB, name, split string) []item {
	t.Helper()
	path := fmt.Sprintf("testdata/%s-%s.tsv", name, split)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []item
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, "\t", 3)
		if len(parts) != 3 {
			t.Fatalf("%s:%d: want label<TAB>author<TAB>message", path, n)
		}
		out = append(out, item{parts[0], parts[1], strings.ReplaceAll(parts[2], `\n`, "\n"), n})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func newEngine(t testing.TB) *bot.Engine {
	t.Helper()
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return bot.NewEngine(kb, match.Must(match.New(kb)), bot.Options{Limiter: bot.Unlimited{}})
}

// ask sends one message in a fresh chat.
func ask(eng *bot.Engine, chat, text string) bot.Reply {
	return eng.Handle(context.Background(), bot.Message{Platform: "eval", ChatID: chat, UserID: chat, Addressed: true, Text: text})
}

func pct(a, b int) float64 {
	if b == 0 {
		return 100
	}
	return 100 * float64(a) / float64(b)
}

// misses collects what went wrong on a split, for the tune split's log.
type misses []string

func (m *misses) add(format string, args ...any) { *m = append(*m, fmt.Sprintf(format, args...)) }

// logMisses prints the misses of the tune split only: the holdout split's
// messages are never shown, so that nobody tunes on them.
func logMisses(t *testing.T, split string, m misses) {
	if split != "tune" {
		return
	}
	for _, s := range m {
		t.Log("  " + s)
	}
}

// safetyIDs are the urgent safety categories besides the red flags.
var urgentKinds = map[string]bool{"crisis": true, "abuse": true}

// safetyScore counts one split of the safety set.
type safetyScore struct {
	signs, caught   int // red flags, crisis and abuse messages
	loss, lossCared int
	safe, alarms    int
	past, pastOK    int
	perLabel        map[string][2]int // label -> caught, total
	misses          misses
}

func (s *safetyScore) add(it item, r bot.Reply) {
	quote := fmt.Sprintf("line %d: %q", it.line, it.text)
	raised := r.Safety
	if len(raised) == 0 {
		raised = r.RedFlags
	}
	switch it.label {
	case "safe":
		s.safe++
		if len(raised) > 0 {
			s.alarms++
			s.misses.add("FALSE ALARM %v (%s) %s", raised, r.Kind, quote)
		}
		return
	}
	for _, want := range strings.Split(it.label, "+") {
		tally := s.perLabel[want]
		tally[1]++
		ok := false
		if want == "pastloss" {
			// Pregnant now, with an earlier loss: never met as a new loss,
			// and not alarmed unless a sign of today is told with it
			// ("stillborn two years ago... really quiet today", labelled
			// with that sign too, which is counted on its own).
			s.past++
			ok = r.Kind != bot.KindLoss && (it.label != "pastloss" || !r.Urgent)
			if ok {
				s.pastOK++
				tally[0]++
			} else {
				s.misses.add("past loss got %s %v %s", r.Kind, raised, quote)
			}
			s.perLabel[want] = tally
			continue
		}
		if want == "loss" {
			s.loss++
			// A kind acknowledgement: the loss reply, or an urgent reply
			// that also acknowledges the loss, never a fallback.
			ok = !r.Fallback && slices.Contains(raised, "loss")
			if ok {
				s.lossCared++
			}
		} else {
			s.signs++
			ok = r.Urgent && slices.Contains(r.RedFlags, want)
			if ok {
				s.caught++
			}
		}
		if ok {
			tally[0]++
		} else {
			s.misses.add("MISSED %s, got %s %v %s", want, r.Kind, raised, quote)
		}
		s.perLabel[want] = tally
	}
}

// TestSafety measures the safety set: danger signs, crisis and abuse
// caught, loss met with care, false alarms on safe messages, past losses
// answered without alarm. The targets (every sign caught, every loss met
// with care, at most 1% false alarms) are logged with their gap; the test
// fails when a measure falls below the floor this version reached (see
// goals).
func TestSafety(t *testing.T) {
	eng := newEngine(t)
	for _, split := range splits {
		s := &safetyScore{perLabel: map[string][2]int{}}
		for i, it := range loadTSV(t, "safety", split) {
			s.add(it, ask(eng, fmt.Sprintf("safety-%s-%d", split, i), it.text))
		}
		t.Logf("%-7s signs caught %d/%d (%.1f%%), loss met with care %d/%d, false alarms %d/%d (%.2f%%), past loss answered %d/%d",
			split, s.caught, s.signs, pct(s.caught, s.signs), s.lossCared, s.loss, s.alarms, s.safe, pct(s.alarms, s.safe), s.pastOK, s.past)
		var labels []string
		for l := range s.perLabel {
			labels = append(labels, l)
		}
		slices.Sort(labels)
		var per []string
		for _, l := range labels {
			per = append(per, fmt.Sprintf("%s %d/%d", l, s.perLabel[l][0], s.perLabel[l][1]))
		}
		t.Logf("        %s", strings.Join(per, ", "))
		logMisses(t, split, s.misses)
		check(t, split, "danger signs, crisis and abuse caught", pct(s.caught, s.signs), true)
		check(t, split, "loss met with care", pct(s.lossCared, s.loss), true)
		check(t, split, "false alarms", pct(s.alarms, s.safe), false)
		check(t, split, "past loss answered", pct(s.pastOK, s.past), true)
	}
}

// verdict says whether a reply is right for a label of the messages set or
// a conversation turn. prev is the reply before it in the conversation.
func verdict(label string, r, prev bot.Reply) bool {
	if alts := strings.Split(label, "|"); len(alts) > 1 {
		// Either is right: "sciatica|stretching", "heavy-bleeding|bleeding".
		return slices.ContainsFunc(alts, func(l string) bool { return verdict(l, r, prev) })
	}
	switch label {
	case "out":
		return r.Kind == bot.KindFallback || r.Kind == bot.KindDecline
	case "decline":
		return r.Kind == bot.KindDecline
	case "chat":
		return string(r.Kind) == "smalltalk"
	case "ack":
		return string(r.Kind) == "smalltalk" && !r.Urgent
	case "after-loss":
		// Pregnant again after an earlier loss: met with care, not urgency.
		return r.Kind == bot.KindAfterLoss
	case "more":
		// The rest of an answer shown in part, or the next related topic.
		return r.Kind == bot.KindMore && r.TopicID == prev.TopicID || r.Kind == bot.KindAnswer && r.TopicID != prev.TopicID
	}
	if isSafetyLabel(label) {
		for _, want := range strings.Split(label, "+") {
			// A loss is met with care, not urgency; crisis, abuse and loss
			// are named in Safety, danger signs in RedFlags.
			if !r.Urgent && want != "loss" || !slices.Contains(r.RedFlags, want) && !slices.Contains(r.Safety, want) {
				return false
			}
		}
		return true
	}
	return r.Kind == bot.KindAnswer && slices.Contains(strings.Split(label, "|"), r.TopicID)
}

func isSafetyLabel(label string) bool {
	first, _, _ := strings.Cut(label, "+")
	switch first {
	case "bleeding", "heavy-bleeding", "waters", "contractions", "infection", "nerve-compression", "fall",
		"baby-movements", "sudden-severe-pain", "pre-eclampsia", "faint-breathless", "crisis", "abuse", "loss":
		return true
	}
	return false
}

// describe summarises a reply for a miss line.
func describe(r bot.Reply) string {
	s := string(r.Kind)
	if r.TopicID != "" {
		s += " " + r.TopicID
	}
	if len(r.RedFlags) > 0 {
		s += fmt.Sprint(" ", r.RedFlags)
	}
	if r.Kind == bot.KindClarify {
		var opts []string
		for _, b := range r.Buttons {
			opts = append(opts, strings.TrimPrefix(b.Payload, "topic:"))
		}
		s += " " + strings.Join(opts, "/")
	}
	return fmt.Sprintf("%s (%.2f)", s, r.Confidence)
}

// understandingScore counts one split of the messages set.
type understandingScore struct {
	answerable, answered int
	out, rejected        int
	decline, declined    int
	chat, chatted        int
	alarms               int // urgent replies: none of these messages describes a danger sign
	misses               misses
}

func (s *understandingScore) add(it item, r bot.Reply) {
	ok := verdict(it.label, r, bot.Reply{})
	if len(r.Safety) > 0 {
		s.alarms++
	}
	switch it.label {
	case "out":
		s.out++
		if ok {
			s.rejected++
		}
	case "decline":
		s.decline++
		if ok {
			s.declined++
		}
	case "chat":
		s.chat++
		if ok {
			s.chatted++
		}
	default:
		s.answerable++
		if ok {
			s.answered++
		}
	}
	if !ok {
		s.misses.add("want %s, got %s: line %d %q", it.label, describe(r), it.line, it.text)
	}
}

// TestUnderstanding measures the understanding set: answerable questions
// answered with the right topic (a clarification is a miss), off-topic
// ones turned down, and safety false alarms on ordinary questions. The
// target is 92% for each on the holdout split; the test fails below the
// floor this version reached (see goals).
func TestUnderstanding(t *testing.T) {
	eng := newEngine(t)
	for _, split := range splits {
		s := &understandingScore{}
		for i, it := range loadTSV(t, "messages", split) {
			s.add(it, ask(eng, fmt.Sprintf("msg-%s-%d", split, i), it.text))
		}
		n := s.answerable + s.out + s.decline + s.chat
		t.Logf("%-7s answered right %d/%d (%.1f%%), off-topic turned down %d/%d (%.1f%%), medicine declined %d/%d, small talk %d/%d, false alarms %d/%d (%.2f%%)",
			split, s.answered, s.answerable, pct(s.answered, s.answerable), s.rejected, s.out, pct(s.rejected, s.out),
			s.declined, s.decline, s.chatted, s.chat, s.alarms, n, pct(s.alarms, n))
		logMisses(t, split, s.misses)
		check(t, split, "safety false alarms on questions", pct(s.alarms, n), false)
		check(t, split, "answered right", pct(s.answered, s.answerable), true)
		check(t, split, "off-topic turned down", pct(s.rejected, s.out), true)
	}
}

// turn is one step of a conversation: a typed message, or a tap on the
// button that opens a topic.
type turn struct {
	text, tap, label string
	line             int
}

type conversation struct {
	title string
	turns []turn
}

func loadConversations(t testing.TB, split string) []conversation {
	t.Helper()
	path := fmt.Sprintf("testdata/conversations-%s.txt", split)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []conversation
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "==="):
			out = append(out, conversation{title: strings.TrimSpace(line[3:])})
		default:
			say, label, ok := strings.Cut(line, "=>")
			if !ok || len(out) == 0 {
				t.Fatalf("%s:%d: want \"> message => label\" or \"[tap: topic] => label\"", path, n+1)
			}
			tr := turn{label: strings.TrimSpace(label), line: n + 1}
			say = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(say), ">"))
			if tap, ok := strings.CutPrefix(say, "[tap:"); ok {
				tr.tap = strings.TrimSpace(strings.TrimSuffix(tap, "]"))
			} else {
				tr.text = strings.ReplaceAll(say, `\n`, "\n")
			}
			c := &out[len(out)-1]
			c.turns = append(c.turns, tr)
		}
	}
	return out
}

// TestConversations measures conversation turns: the target is 90% right
// on the holdout split; the test fails below the floor this version
// reached (see goals). A tap is right only if the button was offered.
func TestConversations(t *testing.T) {
	eng := newEngine(t)
	for _, split := range splits {
		var total, right int
		var ms misses
		for ci, c := range loadConversations(t, split) {
			chat := fmt.Sprintf("conv-%s-%d", split, ci)
			var prev bot.Reply
			for _, tr := range c.turns {
				m := bot.Message{Platform: "eval", ChatID: chat, UserID: chat, Addressed: true, Text: tr.text}
				offered := true
				if tr.tap != "" {
					m.Payload = bot.TopicPayload(tr.tap)
					offered = slices.ContainsFunc(prev.Buttons, func(b bot.Button) bool { return b.Payload == m.Payload })
				}
				r := eng.Handle(context.Background(), m)
				total++
				if offered && verdict(tr.label, r, prev) {
					right++
				} else {
					what := tr.text
					if tr.tap != "" {
						what = "[tap " + tr.tap + "]"
						if !offered {
							what += " (not offered)"
						}
					}
					ms.add("%s: line %d %q want %s, got %s", c.title, tr.line, what, tr.label, describe(r))
				}
				prev = r
			}
		}
		t.Logf("%-7s conversation turns right %d/%d (%.1f%%)", split, right, total, pct(right, total))
		logMisses(t, split, ms)
		check(t, split, "conversation turns right", pct(right, total), true)
	}
}

// TestTuneThresholds searches the decision thresholds on the tune split
// only: it is how bot.DefaultThresholds were chosen. Run it with
// BACKCARE_TUNE=1.
func TestTuneThresholds(t *testing.T) {
	if os.Getenv("BACKCARE_TUNE") == "" {
		t.Skip("set BACKCARE_TUNE=1 to search thresholds on the tune split")
	}
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	m := match.Must(match.New(kb))
	items := loadTSV(t, "messages", "tune")
	type result struct {
		th     bot.Thresholds
		errors float64
		s      *understandingScore
	}
	var best *result
	for a := 0.16; a <= 0.5; a += 0.02 {
		for mg := 0.0; mg <= 0.01; mg += 0.02 {
			for off := 0.1; off <= 0.91; off += 0.05 {
				for slope := 0.0; slope <= 3.01; slope += 0.5 {
					th := bot.DefaultThresholds()
					th.Answer, th.Margin, th.OffTopic, th.OffTopicSlope = a, mg, off, slope
					eng := bot.NewEngine(kb, m, bot.Options{Limiter: bot.Unlimited{}, Thresholds: th})
					s := &understandingScore{}
					for i, it := range items {
						s.add(it, ask(eng, fmt.Sprint("tune-", i), it.text))
					}
					// A confident answer to an off-topic question costs 1.5, a
					// missing or wrong answer 1.
					errs := 1.5*float64(s.out-s.rejected) + float64(s.answerable-s.answered)
					if best == nil || errs < best.errors-1e-9 {
						best = &result{th, errs, s}
					}
				}
			}
		}
	}
	t.Logf("best on the tune split: answer %.2f, margin %.2f, off-topic %.2f, slope %.1f: answered %d/%d, off-topic turned down %d/%d",
		best.th.Answer, best.th.Margin, best.th.OffTopic, best.th.OffTopicSlope, best.s.answered, best.s.answerable, best.s.rejected, best.s.out)
}
