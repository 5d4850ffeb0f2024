package report_test

import (
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/backcare/backcare/internal/insights"
	"github.com/backcare/backcare/internal/report"
)

// The fixture's knowledge-base versions: A served weeks 2 and 3, then
// ice-and-heat was rewritten and B served week 4. Week 1 comes from the
// older unanswered-questions log, which recorded no version.
const (
	versionA = "5f1c0a9e3b21"
	versionB = "9d4e7b2c6a80"
)

func build(t *testing.T, since time.Time) *report.Report {
	t.Helper()
	f, err := os.Open("testdata/insights.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b := report.NewBuilder(report.Options{Since: since})
	skipped, err := insights.Read(f, b.Add)
	if err != nil || skipped != 0 {
		t.Fatalf("read: %d skipped, %v", skipped, err)
	}
	return b.Report()
}

func topic(t *testing.T, r *report.Report, id string) report.Topic {
	t.Helper()
	for _, tp := range r.Topics {
		if tp.ID == id {
			return tp
		}
	}
	t.Fatalf("no topic %q in the report", id)
	return report.Topic{}
}

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestReport checks the fixture's figures, worked out by hand.
func TestReport(t *testing.T) {
	r := build(t, time.Time{})
	total := report.Counts{Replies: 40, Questions: 26, Answered: 18, LowConfidence: 2, Clarifications: 2, Fallbacks: 4, Up: 7, Down: 4, Comments: 1}
	if r.Total != total || r.Entries != 40 || r.Older != 0 || r.Unanswered != 8 {
		t.Errorf("total %+v (%d entries, %d older, %d unanswered)\nwant  %+v", r.Total, r.Entries, r.Older, r.Unanswered, total)
	}
	if h, _ := r.Total.Helpful(); h != 7.0/11 {
		t.Errorf("helpful rate %v, want 7/11", h)
	}

	weeks := []struct {
		start string
		c     report.Counts
	}{
		{"2026-03-02", report.Counts{Replies: 4, Questions: 4, Answered: 1, LowConfidence: 1, Clarifications: 1, Fallbacks: 2}},
		{"2026-03-09", report.Counts{Replies: 17, Questions: 9, Answered: 7, Fallbacks: 1, Up: 3, Down: 2, Comments: 1}},
		{"2026-03-16", report.Counts{Replies: 6, Questions: 5, Answered: 4, LowConfidence: 1, Clarifications: 1, Down: 1}},
		{"2026-03-23", report.Counts{Replies: 13, Questions: 8, Answered: 6, Fallbacks: 1, Up: 4, Down: 1}},
	}
	if len(r.Weeks) != len(weeks) {
		t.Fatalf("%d weeks, want %d", len(r.Weeks), len(weeks))
	}
	for i, w := range weeks {
		if got := r.Weeks[i]; !got.Start.Equal(day(w.start)) || got.Counts != w.c {
			t.Errorf("week %d: %s %+v\nwant %s %+v", i, got.Start.Format(time.DateOnly), got.Counts, w.start, w.c)
		}
	}

	versions := []struct {
		id          string
		first, last string
		c           report.Counts
	}{
		{"", "2026-03-02", "2026-03-05", weeks[0].c},
		{versionA, "2026-03-09", "2026-03-20", report.Counts{Replies: 23, Questions: 14, Answered: 11, LowConfidence: 1, Clarifications: 1, Fallbacks: 1, Up: 3, Down: 3, Comments: 1}},
		{versionB, "2026-03-23", "2026-03-29", weeks[3].c},
	}
	if len(r.Versions) != len(versions) {
		t.Fatalf("%d versions, want %d", len(r.Versions), len(versions))
	}
	for i, v := range versions {
		got := r.Versions[i]
		if got.ID != v.id || got.First.Format(time.DateOnly) != v.first || got.Last.Format(time.DateOnly) != v.last || got.Counts != v.c {
			t.Errorf("version %d: %q %s–%s %+v\nwant %q %s–%s %+v", i, got.ID, got.First.Format(time.DateOnly), got.Last.Format(time.DateOnly), got.Counts, v.id, v.first, v.last, v.c)
		}
	}

	topics := []struct {
		id       string
		c        report.Counts
		weekly   []int     // answers per week
		helpful  []float64 // helpful rate per version; -1 for no votes
		answered []int     // answers per version
	}{
		{"ice-and-heat", report.Counts{Answered: 11, LowConfidence: 1, Fallbacks: 3, Up: 4, Down: 4, Comments: 1},
			[]int{0, 4, 3, 4}, []float64{-1, 0.25, 0.75}, []int{0, 7, 4}},
		{"relief-overview", report.Counts{Answered: 6, Up: 3},
			[]int{0, 3, 1, 2}, []float64{-1, 1, 1}, []int{0, 4, 2}},
		{"sleep-position", report.Counts{Answered: 1, LowConfidence: 1},
			[]int{1, 0, 0, 0}, []float64{-1, -1, -1}, []int{1, 0, 0}},
		{"exercise", report.Counts{Clarifications: 2}, []int{0, 0, 0, 0}, []float64{-1, -1, -1}, []int{0, 0, 0}},
		{"stretching", report.Counts{Clarifications: 2}, []int{0, 0, 0, 0}, []float64{-1, -1, -1}, []int{0, 0, 0}},
	}
	var order []string
	for _, tp := range r.Topics {
		order = append(order, tp.ID)
	}
	if want := []string{"ice-and-heat", "relief-overview", "sleep-position", "exercise", "stretching"}; !slices.Equal(order, want) {
		t.Errorf("topics in order %v, want %v", order, want)
	}
	for _, tt := range topics {
		tp := topic(t, r, tt.id)
		if tp.Counts != tt.c {
			t.Errorf("%s: %+v\nwant %+v", tt.id, tp.Counts, tt.c)
		}
		var weekly, answered []int
		var helpful []float64
		for _, w := range tp.Weeks {
			weekly = append(weekly, w.Answered)
		}
		for _, v := range tp.Versions {
			answered = append(answered, v.Answered)
			h, ok := v.Helpful()
			if !ok {
				h = -1
			}
			helpful = append(helpful, h)
		}
		if !slices.Equal(weekly, tt.weekly) || !slices.Equal(helpful, tt.helpful) || !slices.Equal(answered, tt.answered) {
			t.Errorf("%s: weekly %v, helpful by version %v, answered by version %v\nwant %v, %v, %v", tt.id, weekly, helpful, answered, tt.weekly, tt.helpful, tt.answered)
		}
	}
	ice := topic(t, r, "ice-and-heat")
	if len(ice.Wanted) != 1 || ice.Wanted[0].Text != "I wanted to know if a hot bath is safe <b>& ok</b>" || ice.Wanted[0].Version != versionA {
		t.Errorf("comments on ice-and-heat: %+v", ice.Wanted)
	}

	type group struct {
		count     int
		first     string
		wordings  int
		closest   string
		confident float64
	}
	var groups []group
	for _, g := range r.Gaps {
		groups = append(groups, group{g.Count, g.Questions[0], len(g.Questions), g.Closest, float64(int(g.Confidence*1000+0.5)) / 1000})
	}
	wantGroups := []group{
		{3, "can i take a warm bath for my back", 3, "ice-and-heat", 0.31},
		{2, "is yoga or swimming better", 1, "exercise", 0.515},
		{1, "best pizza in town", 1, "", 0},
		{1, "hot water bottle on bump?", 1, "ice-and-heat", 0.42},
		{1, "what about sleeping on my front", 1, "sleep-position", 0.41},
	}
	if !slices.Equal(groups, wantGroups) {
		t.Errorf("groups:\n%+v\nwant\n%+v", groups, wantGroups)
	}
}

// TestSince: --since leaves out the earlier weeks, figures and all.
func TestSince(t *testing.T) {
	tests := []struct {
		since            string
		entries, older   int
		weeks            int
		versions         []string
		iceAnswered, up  int
		down, unanswered int
	}{
		{"2026-03-01", 40, 0, 4, []string{"", versionA, versionB}, 11, 4, 4, 8},
		{"2026-03-09", 36, 4, 3, []string{versionA, versionB}, 11, 4, 4, 4},
		{"2026-03-16", 19, 21, 2, []string{versionA, versionB}, 7, 3, 2, 3},
		{"2026-03-23", 13, 27, 1, []string{versionB}, 4, 3, 1, 1},
		{"2026-04-01", 0, 40, 0, nil, 0, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.since, func(t *testing.T) {
			r := build(t, day(tt.since))
			var versions []string
			for _, v := range r.Versions {
				versions = append(versions, v.ID)
			}
			var ice report.Topic
			for _, tp := range r.Topics {
				if tp.ID == "ice-and-heat" {
					ice = tp
				}
			}
			if r.Entries != tt.entries || r.Older != tt.older || len(r.Weeks) != tt.weeks || !slices.Equal(versions, tt.versions) ||
				ice.Answered != tt.iceAnswered || ice.Up != tt.up || ice.Down != tt.down || r.Unanswered != tt.unanswered {
				t.Errorf("%d entries, %d older, %d weeks, versions %q, ice-and-heat %d answered %d up %d down, %d unanswered",
					r.Entries, r.Older, len(r.Weeks), versions, ice.Answered, ice.Up, ice.Down, r.Unanswered)
			}
		})
	}
}

// TestText: the text report shows the figures, split by version, and
// quotes members' words.
func TestText(t *testing.T) {
	var b strings.Builder
	if err := report.WriteText(&b, build(t, time.Time{}), report.TextOptions{Sources: []string{"insights.jsonl"}}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if testing.Verbose() {
		t.Log("\n" + out)
	}
	for _, want := range []string{
		"40 replies from 2026-03-02 to 2026-03-29 (4 weeks).",
		"26 questions: 18 answered (11% of them unsure), 7.7% clarifications, 15% fallbacks.",
		"Feedback: 7 👍, 4 👎 (64% helpful), 1 comment after 👎.",
		"3× \"can i take a warm bath for my back\"",
		"closest topic: ice-and-heat (confidence 0.31)",
		`"I wanted to know if a hot bath is safe <b>& ok</b>"`,
		"not recorded",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q", want)
		}
	}
	// Table rows, as their cells.
	for _, want := range []string{
		// versions: questions, answered, unsure, clarify, fallback, up, down, helpful
		"5f1c0a9e3b21 2026-03-09 – 2026-03-20 14 11 9.1% 7.1% 7.1% 3 3 50%",
		"9d4e7b2c6a80 2026-03-23 – 2026-03-29 8 6 0% 0% 12% 4 1 80%",
		// topics: answered, unsure, up, down, helpful, clarified, missed, comments, per week
		"ice-and-heat 11 1 4 4 50% 0 3 1 ·█▆█",
		"relief-overview 6 0 3 0 100%* 0 0 0 ·█▃▆",
		"exercise 0 0 0 0 — 2 0 0 ····",
		// ice-and-heat before and after its rewrite
		"ice-and-heat 5f1c0a9e3b21 7 14% 1 3 25%*",
		"9d4e7b2c6a80 4 0% 3 1 75%*",
		// weeks
		"2026-03-16 5 4 25% 20% 0% 0 1 0%*",
	} {
		if !hasRow(out, want) {
			t.Errorf("text report lacks the row %q", want)
		}
	}
	if hasRow(out, "ice-and-heat not recorded 0 0% 0 0 —") {
		t.Error("a version without answers or votes is listed under a topic")
	}
}

// hasRow reports whether a line of out has the cells of row.
func hasRow(out, row string) bool {
	want := strings.Fields(row)
	for _, line := range strings.Split(out, "\n") {
		if slices.Equal(strings.Fields(line), want) {
			return true
		}
	}
	return false
}

// TestGroupingMatchesPairwise: the filtered grouping gives the same groups
// as comparing every question with every group, on small and large
// vocabularies.
func TestGroupingMatchesPairwise(t *testing.T) {
	tests := []struct {
		seed      uint64
		vocab     int
		questions int
	}{
		{1, 8, 300},    // few words: many ties and near-duplicates
		{2, 30, 600},   // like the fixture's questions
		{3, 200, 1500}, // a longer tail
		{4, 30, 1500},
	}
	for _, tt := range tests {
		rng := rand.New(rand.NewPCG(tt.seed, 2))
		b := report.NewBuilder(report.Options{})
		var texts []string
		for i := range tt.questions {
			var q []string
			for range 1 + rng.IntN(7) {
				q = append(q, "w"+strconv.Itoa(rng.IntN(tt.vocab)))
			}
			text := strings.Join(q, " ")
			texts = append(texts, text)
			_ = b.Add(insights.Entry{Time: time.Date(2026, 3, 2, 0, 0, i, 0, time.UTC), Kind: "fallback", Text: text})
		}
		got, want := b.Report().Gaps, pairwiseGroups(texts)
		if len(got) != len(want) {
			t.Errorf("seed %d: %d groups, pairwise %d", tt.seed, len(got), len(want))
			continue
		}
		for i := range got {
			if got[i].Count != want[i].Count || !slices.Equal(got[i].Questions, want[i].Questions) {
				t.Errorf("seed %d, group %d: %+v, pairwise %+v", tt.seed, i, got[i], want[i])
				break
			}
		}
	}
}

// pairwiseGroups is the plain quadratic grouping the report must agree with.
func pairwiseGroups(texts []string) []report.Group {
	counts := map[string]int{}
	for _, t := range texts {
		counts[t]++
	}
	distinct := make([]string, 0, len(counts))
	for t := range counts {
		distinct = append(distinct, t)
	}
	slices.SortFunc(distinct, func(a, b string) int {
		if counts[a] != counts[b] {
			return counts[b] - counts[a]
		}
		return strings.Compare(a, b)
	})
	set := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.Fields(s) {
			m[w] = true
		}
		return m
	}
	type cluster struct {
		key map[string]bool
		g   report.Group
	}
	var cs []*cluster
	for _, d := range distinct {
		s := set(d)
		var best *cluster
		bestSim := 0.5
		for _, c := range cs {
			inter := 0
			for w := range s {
				if c.key[w] {
					inter++
				}
			}
			sim := float64(inter) / float64(len(s)+len(c.key)-inter)
			if sim > bestSim || sim == bestSim && best == nil {
				best, bestSim = c, sim
			}
		}
		if best == nil {
			best = &cluster{key: s}
			cs = append(cs, best)
		}
		best.g.Count += counts[d]
		best.g.Questions = append(best.g.Questions, d)
	}
	var out []report.Group
	for _, c := range cs {
		out = append(out, c.g)
	}
	slices.SortStableFunc(out, func(a, b report.Group) int { return b.Count - a.Count })
	return out
}

// BenchmarkReport builds the report of a synthetic year-long log of 100,000
// replies, a quarter of them unanswered questions whose words follow a
// long-tailed (Zipf) distribution, with a few questions asked again and
// again in slightly different words.
func BenchmarkReport(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	vocab := make([]string, 3000)
	for i := range vocab {
		vocab[i] = "w" + strconv.Itoa(i)
	}
	zipf := func() string {
		return vocab[min(len(vocab)-1, int(float64(len(vocab))/(1+rng.Float64()*float64(len(vocab)))))]
	}
	common := strings.Fields("can i take a warm bath for my back is yoga or swimming better what helps back spasms at night")
	start := time.Date(2025, 4, 7, 0, 0, 0, 0, time.UTC)
	entries := make([]insights.Entry, 100_000)
	for i := range entries {
		e := insights.Entry{Time: start.Add(time.Duration(i) * 315 * time.Second), Kind: "topic", Topic: "t" + strconv.Itoa(rng.IntN(40)), KnowledgeVersion: "v" + strconv.Itoa(i*3/len(entries))}
		switch r := rng.Float64(); {
		case r < 0.25:
			var words []string
			for range 3 + rng.IntN(6) {
				if rng.Float64() < 0.6 {
					words = append(words, common[rng.IntN(len(common))])
				} else {
					words = append(words, zipf())
				}
			}
			e.Kind, e.Topic, e.Text = "fallback", "", strings.Join(words, " ")
			e.Guesses = []insights.Guess{{Topic: "t" + strconv.Itoa(rng.IntN(40)), Confidence: 0.3}}
		case r < 0.35:
			e.Kind, e.Topic = "feedback", ""
			e.Feedback = &insights.Feedback{Topic: "t" + strconv.Itoa(rng.IntN(40)), Vote: "up"}
		}
		entries[i] = e
	}
	b.ResetTimer()
	for b.Loop() {
		bl := report.NewBuilder(report.Options{})
		for _, e := range entries {
			_ = bl.Add(e)
		}
		bl.Report()
	}
}

// TestTextIsPrintable: nothing from the log reaches the terminal as a
// control sequence, and feedback on an answer rated already counts nothing.
func TestTextIsPrintable(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	b := report.NewBuilder(report.Options{})
	for _, e := range []insights.Entry{
		{Time: at, Kind: "topic", Topic: "rest\x1b[2J", KnowledgeVersion: "v\x07"},
		{Time: at, Kind: "feedback", Feedback: &insights.Feedback{Topic: "rest\x1b[2J", Comment: true}, Text: "clear \x1b[2J screen"},
		{Time: at, Kind: "feedback", Feedback: &insights.Feedback{Topic: "rest\x1b[2J", Comment: true, Repeat: true}, Text: "again"},
		{Time: at, Kind: "feedback", Feedback: &insights.Feedback{Topic: "rest\x1b[2J", Vote: "down", Repeat: true}},
		{Time: at, Kind: "fallback", Text: "hi \x1b]0;title\x07", Guesses: []insights.Guess{{Topic: "x\x1b[1m", Confidence: 0.1}}},
	} {
		_ = b.Add(e)
	}
	r := b.Report()
	if r.Total.Comments != 1 || r.Total.Down != 0 {
		t.Errorf("repeats counted: %+v", r.Total)
	}
	var out strings.Builder
	if err := report.WriteText(&out, r, report.TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(out.String(), "\x1b\x07") {
		t.Errorf("a control character reached the text:\n%q", out.String())
	}
}
