package knowledge_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/backcare/backcare/knowledge"
)

// clock is the fixed "now" of these tests: noon UTC on 1 December 2026.
var clock = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)

func date(s string) time.Time {
	t, err := time.Parse(knowledge.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

// reviewKB is a knowledge base with one topic whose review starts on line
// 11; top is line 3 (review_every, or a comment).
func reviewKB(top, reviewed string) string {
	return `disclaimer: d
sources: [{id: s, title: t, where: w}]
` + top + `
topics:
  - id: a
    title: A
    category: general
    examples: [one, two, three, four, five, six, seven, eight]
    answer: x
    sources: [s]
` + reviewed
}

func TestDecodeReview(t *testing.T) {
	tests := []struct {
		name, top, reviewed string
		want                string // an error, or "" for a valid knowledge base
		every               knowledge.Period
		review              *knowledge.Review
	}{
		{name: "never reviewed, default period", top: "# no review_every",
			every: knowledge.Period{N: 12, Unit: knowledge.Months}},
		{name: "block review", top: "review_every: 12 months",
			reviewed: "    reviewed:\n      by: Jane Doe, midwife\n      on: 2026-11-30\n",
			every:    knowledge.Period{N: 12, Unit: knowledge.Months},
			review:   &knowledge.Review{By: "Jane Doe, midwife", On: date("2026-11-30"), Pos: knowledge.Pos{File: "kb.yaml", Line: 12, Column: 7}}},
		{name: "flow review, quoted date", top: "review_every: 1 year",
			reviewed: `    reviewed: {by: "Dr Rao (GP)", on: "2025-01-31"}` + "\n",
			every:    knowledge.Period{N: 1, Unit: knowledge.Years},
			review:   &knowledge.Review{By: "Dr Rao (GP)", On: date("2025-01-31"), Pos: knowledge.Pos{File: "kb.yaml", Line: 11, Column: 15}}},
		{name: "today somewhere east of the server", top: "review_every: 6 Weeks",
			reviewed: "    reviewed: {by: Aroha, on: 2026-12-02}\n",
			every:    knowledge.Period{N: 6, Unit: knowledge.Weeks},
			review:   &knowledge.Review{By: "Aroha", On: date("2026-12-02"), Pos: knowledge.Pos{File: "kb.yaml", Line: 11, Column: 15}}},
		{name: "singular unit", top: "review_every: 90 day", every: knowledge.Period{N: 90, Unit: knowledge.Days}},

		{name: "malformed date", reviewed: "    reviewed:\n      by: Jane\n      on: 30/11/2026\n",
			want: `kb.yaml:13:11: reviewed on "30/11/2026" is not a date: write it as YYYY-MM-DD`},
		{name: "no such day", reviewed: "    reviewed:\n      by: Jane\n      on: 2026-02-30\n",
			want: `kb.yaml:13:11: reviewed on "2026-02-30" is not a date`},
		{name: "date and time", reviewed: "    reviewed:\n      by: Jane\n      on: 2026-11-30T10:00:00Z\n",
			want: `kb.yaml:13:11: reviewed on "2026-11-30T10:00:00Z" is not a date`},
		{name: "empty date", reviewed: "    reviewed:\n      by: Jane\n      on:\n",
			want: `kb.yaml:13:10: reviewed on is empty`},
		{name: "future date", reviewed: "    reviewed:\n      by: Jane\n      on: 2026-12-03\n",
			want: `kb.yaml:13:11: reviewed on 2026-12-03 is in the future (today is 2026-12-01)`},
		{name: "empty by", reviewed: "    reviewed:\n      by: \"\"\n      on: 2026-11-30\n",
			want: `kb.yaml:12:11: reviewed by is empty: name the person or role who reviewed it`},
		{name: "blank by", reviewed: "    reviewed:\n      by:\n      on: 2026-11-30\n",
			want: `kb.yaml:12:10: reviewed by is empty`},
		{name: "missing by", reviewed: "    reviewed:\n      on: 2026-11-30\n",
			want: `kb.yaml:12:7: reviewed is missing "by"`},
		{name: "missing on", reviewed: "    reviewed: {by: Jane}\n",
			want: `kb.yaml:11:15: reviewed is missing "on"`},
		{name: "unknown field", reviewed: "    reviewed:\n      by: Jane\n      on: 2026-11-30\n      note: checked\n",
			want: `kb.yaml:14:7: unknown field "note" in reviewed`},
		{name: "not a mapping", reviewed: "    reviewed: yes\n",
			want: `kb.yaml:11:15: reviewed must be a mapping of by and on`},
		{name: "unknown unit", top: "review_every: 12 fortnights",
			want: `kb.yaml:3:15: review_every has an unknown unit "fortnights" (use days, weeks, months or years)`},
		{name: "number in words", top: "review_every: twelve months",
			want: `kb.yaml:3:15: review_every "twelve months" must start with a whole number of at least 1`},
		{name: "zero", top: "review_every: 0 months",
			want: `kb.yaml:3:15: review_every "0 months" must start with a whole number of at least 1`},
		{name: "no unit", top: "review_every: 12",
			want: `kb.yaml:3:15: review_every "12" must be a number and a unit`},
		{name: "a list", top: "review_every: [12, months]",
			want: `kb.yaml:3:15: review_every must be a number and a unit, such as "12 months", not a list`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kb, err := knowledge.ParseAt("kb.yaml", []byte(reviewKB(tt.top, tt.reviewed)), clock)
			if tt.want != "" {
				var list knowledge.ErrorList
				if !errors.As(err, &list) || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("error = %v\nwant %q", err, tt.want)
				}
				if len(list) != 1 {
					t.Errorf("want one problem, got %d:\n%v", len(list), err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if kb.ReviewEvery != tt.every {
				t.Errorf("ReviewEvery = %v, want %v", kb.ReviewEvery, tt.every)
			}
			if got := kb.Topics[0].Reviewed; !reflect.DeepEqual(got, tt.review) {
				t.Errorf("Reviewed = %+v, want %+v", got, tt.review)
			}
		})
	}
}

// TestReviewEveryOnce: review_every holds for the whole knowledge base, so
// a second file may not set it again.
func TestReviewEveryOnce(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.yaml"), []byte(reviewKB("review_every: 12 months", "")), 0o644)
	os.WriteFile(filepath.Join(dir, "b.yaml"), []byte("# more\nreview_every: 6 months\n"), 0o644)
	_, err := knowledge.LoadAt(clock, dir)
	want := filepath.Join(dir, "b.yaml") + ":2:15: review_every is set twice (first at " + filepath.Join(dir, "a.yaml") + ":3:15)"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("error = %v\nwant %s", err, want)
	}
}

func TestPeriodDue(t *testing.T) {
	tests := []struct {
		p        knowledge.Period
		on, want string
	}{
		{knowledge.Period{N: 12, Unit: knowledge.Months}, "2026-11-30", "2027-11-30"},
		{knowledge.Period{N: 1, Unit: knowledge.Months}, "2026-01-31", "2026-02-28"},
		{knowledge.Period{N: 1, Unit: knowledge.Months}, "2028-01-31", "2028-02-29"},
		{knowledge.Period{N: 14, Unit: knowledge.Months}, "2026-12-15", "2028-02-15"},
		{knowledge.Period{N: 1, Unit: knowledge.Years}, "2024-02-29", "2025-02-28"},
		{knowledge.Period{N: 2, Unit: knowledge.Weeks}, "2026-12-25", "2027-01-08"},
		{knowledge.Period{N: 90, Unit: knowledge.Days}, "2026-01-01", "2026-04-01"},
	}
	for _, tt := range tests {
		if got := tt.p.Due(date(tt.on)).Format(knowledge.DateLayout); got != tt.want {
			t.Errorf("%v after %s: due %s, want %s", tt.p, tt.on, got, tt.want)
		}
	}
	if s := (knowledge.Period{N: 1, Unit: knowledge.Years}).String(); s != "1 year" {
		t.Errorf("String = %q", s)
	}
}

// warningsKB has a topic never reviewed (at 5:5), one reviewed on
// 2025-11-30 (its review at 17:15), one reviewed on 2026-06-01 (24:15), a
// red flag reviewed on 2024-05-10 (32:15) and a safety item never reviewed
// (34:5).
func warningsKB(top string) string {
	return `disclaimer: d
sources: [{id: s, title: t, where: w}]
` + top + `
topics:
  - id: never
    title: Never
    category: general
    examples: [n1, n2, n3, n4, n5, n6, n7, n8]
    answer: x
    sources: [s]
  - id: year-old
    title: Year old
    category: general
    examples: [y1, y2, y3, y4, y5, y6, y7, y8]
    answer: x
    sources: [s]
    reviewed: {by: "Jane Doe, midwife", on: 2025-11-30}
  - id: recent
    title: Recent
    category: general
    examples: [r1, r2, r3, r4, r5, r6, r7, r8]
    answer: x
    sources: [s]
    reviewed: {by: "Dr Rao", on: 2026-06-01}
red_flags:
  - id: bleeding
    title: Bleeding
    level: midwife
    triggers: [bleeding]
    answer: Call.
    sources: [s]
    reviewed: {by: "Jane Doe, midwife", on: 2024-05-10}
safety:
  - id: crisis
    title: Crisis
    kind: crisis
    triggers: [crisis]
    answer: Call.
    sources: [s]
`
}

func TestReviewWarnings(t *testing.T) {
	never := []string{
		`kb.yaml:5:5: warning: topic "never" has never been reviewed`,
		`kb.yaml:34:5: warning: safety item "crisis" has never been reviewed`,
	}
	yearOld := `kb.yaml:17:15: warning: topic "year-old" is overdue for review: last reviewed on 2025-11-30 by Jane Doe, midwife, valid until 2026-11-30`
	flag := func(due string) string {
		return `kb.yaml:32:15: warning: red flag "bleeding" is overdue for review: last reviewed on 2024-05-10 by Jane Doe, midwife, valid until ` + due
	}
	tests := []struct {
		name, top string
		now       time.Time
		want      []string
	}{
		{"the default is 12 months", "# no review_every", clock,
			[]string{never[0], yearOld, flag("2025-05-10"), never[1]}},
		{"12 months, on the last valid day", "review_every: 12 months", time.Date(2026, 11, 30, 23, 59, 0, 0, time.UTC),
			[]string{never[0], flag("2025-05-10"), never[1]}},
		{"the day is the clock's own (still 30 November in UTC)", "review_every: 12 months", time.Date(2026, 12, 1, 8, 0, 0, 0, time.FixedZone("NZDT", 13*3600)),
			[]string{never[0], yearOld, flag("2025-05-10"), never[1]}},
		{"3 years", "review_every: 3 years", clock, never},
		{"26 weeks", "review_every: 26 weeks", clock,
			[]string{never[0], `kb.yaml:17:15: warning: topic "year-old" is overdue for review: last reviewed on 2025-11-30 by Jane Doe, midwife, valid until 2026-05-31`,
				`kb.yaml:24:15: warning: topic "recent" is overdue for review: last reviewed on 2026-06-01 by Dr Rao, valid until 2026-11-30`,
				flag("2024-11-08"), never[1]}},
		{"180 days, the recent one lapses", "review_every: 180 days", date("2026-11-29"),
			[]string{never[0], `kb.yaml:17:15: warning: topic "year-old" is overdue for review: last reviewed on 2025-11-30 by Jane Doe, midwife, valid until 2026-05-29`,
				`kb.yaml:24:15: warning: topic "recent" is overdue for review: last reviewed on 2026-06-01 by Dr Rao, valid until 2026-11-28`,
				flag("2024-11-06"), never[1]}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kb, err := knowledge.ParseAt("kb.yaml", []byte(warningsKB(tt.top)), clock)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range kb.ReviewWarnings(tt.now) {
				got = append(got, w.String())
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestReviews(t *testing.T) {
	tests := []struct {
		name, src string
		want      knowledge.ReviewSummary
	}{
		{"none", reviewKB("", ""), knowledge.ReviewSummary{Total: 1}},
		{"latest of several", warningsKB(""), knowledge.ReviewSummary{Last: date("2026-06-01"), By: []string{"Dr Rao"}, Reviewed: 3, Total: 5}},
		{"two reviewers on the latest day", strings.ReplaceAll(warningsKB(""), "2024-05-10", "2026-06-01"),
			knowledge.ReviewSummary{Last: date("2026-06-01"), By: []string{"Dr Rao", "Jane Doe, midwife"}, Reviewed: 3, Total: 5}},
		{"one reviewer named once", strings.ReplaceAll(strings.ReplaceAll(warningsKB(""), "2024-05-10", "2026-06-01"), "2025-11-30", "2026-06-01"),
			knowledge.ReviewSummary{Last: date("2026-06-01"), By: []string{"Jane Doe, midwife", "Dr Rao"}, Reviewed: 3, Total: 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kb, err := knowledge.ParseAt("kb.yaml", []byte(tt.src), clock)
			if err != nil {
				t.Fatal(err)
			}
			if got := kb.Reviews(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Reviews() = %+v, want %+v", got, tt.want)
			}
		})
	}
}
