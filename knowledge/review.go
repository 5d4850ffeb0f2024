package knowledge

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Review records that someone checked an entry's content, and when.
// Topics, red flags and safety items may carry one.
type Review struct {
	// By names the person or role who reviewed it: "Jane Doe, midwife".
	By string
	// On is the day of the review, at midnight UTC.
	On time.Time
	// Pos is where the review is written (the "reviewed:" value).
	Pos Pos
}

// Unit is the unit of a review period.
type Unit string

// The units a review period may be written in.
const (
	Days   Unit = "days"
	Weeks  Unit = "weeks"
	Months Unit = "months"
	Years  Unit = "years"
)

// Period is how long a review stays valid, such as 12 months.
type Period struct {
	N    int
	Unit Unit
}

// DefaultReviewEvery is how long a review stays valid when the knowledge
// base does not set review_every.
var DefaultReviewEvery = Period{12, Months}

// String formats p as it is written: "12 months", "1 year".
func (p Period) String() string {
	u := string(p.Unit)
	if p.N == 1 {
		u = strings.TrimSuffix(u, "s")
	}
	return fmt.Sprintf("%d %s", p.N, u)
}

// Due returns the last day on which a review made on day stays valid.
// Months and years that overshoot keep to the end of their month: a review
// on 31 January with a period of 1 month is due on 28 (or 29) February.
func (p Period) Due(day time.Time) time.Time {
	y, m, d := day.Date()
	switch p.Unit {
	case Days:
		return day.AddDate(0, 0, p.N)
	case Weeks:
		return day.AddDate(0, 0, 7*p.N)
	case Years:
		y += p.N
	default:
		m += time.Month(p.N)
	}
	first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(d, last), 0, 0, 0, 0, time.UTC)
}

// parsePeriod reads "12 months", "6 weeks", "1 year" or "90 days".
func parsePeriod(s string) (Period, error) {
	fields := strings.Fields(s)
	if len(fields) != 2 {
		return Period{}, fmt.Errorf("review_every %q must be a number and a unit, such as \"12 months\" (units: days, weeks, months, years)", s)
	}
	n, err := strconv.Atoi(fields[0])
	if err != nil || n < 1 {
		return Period{}, fmt.Errorf("review_every %q must start with a whole number of at least 1, such as \"12 months\"", s)
	}
	u := strings.ToLower(fields[1])
	for _, unit := range []Unit{Days, Weeks, Months, Years} {
		if u == string(unit) || u == strings.TrimSuffix(string(unit), "s") {
			return Period{n, unit}, nil
		}
	}
	return Period{}, fmt.Errorf("review_every has an unknown unit %q (use days, weeks, months or years)", fields[1])
}

// DateLayout is how review dates are written.
const DateLayout = "2006-01-02"

// day returns the calendar day of t (in t's location) at midnight UTC.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// latestDay is the latest review date allowed at now: the day it is
// somewhere on Earth (UTC+14), so a reviewer far east of the server can
// record their today.
func latestDay(now time.Time) time.Time { return day(now.UTC().Add(14 * time.Hour)) }

// ReviewWarning is an entry whose content needs a review: it was never
// reviewed, or its last review is older than the knowledge base's
// review_every.
type ReviewWarning struct {
	// Pos is the entry's position when it was never reviewed, and its
	// "reviewed:" when the review is overdue.
	Pos Pos
	// What is "topic", "red flag" or "safety item".
	What string
	ID   string
	// Last is the entry's last review; nil when it was never reviewed.
	Last *Review
	// Due is the last day the review was valid (zero when never reviewed).
	Due time.Time
}

// String formats w as one line: "file:line:column: warning: ...".
func (w ReviewWarning) String() string {
	if w.Last == nil {
		return fmt.Sprintf("%s: warning: %s %q has never been reviewed", w.Pos, w.What, w.ID)
	}
	return fmt.Sprintf("%s: warning: %s %q is overdue for review: last reviewed on %s by %s, valid until %s",
		w.Pos, w.What, w.ID, w.Last.On.Format(DateLayout), w.Last.By, w.Due.Format(DateLayout))
}

// reviewable is an entry that may carry a review.
type reviewable struct {
	what, id string
	pos      Pos
	review   *Review
}

// reviewables lists the entries that may carry a review, in file order
// within each kind: topics, red flags, safety items.
func (b *Base) reviewables() []reviewable {
	var out []reviewable
	for _, t := range b.Topics {
		out = append(out, reviewable{"topic", t.ID, t.Pos, t.Reviewed})
	}
	for _, r := range b.RedFlags {
		out = append(out, reviewable{"red flag", r.ID, r.Pos, r.Reviewed})
	}
	for _, x := range b.Safety {
		out = append(out, reviewable{"safety item", x.ID, x.Pos, x.Reviewed})
	}
	return out
}

// ReviewWarnings returns the topics, red flags and safety items that were
// never reviewed or whose last review is overdue at now: a review on day D
// is valid until D plus ReviewEvery, and overdue the day after. They are
// sorted by position.
func (b *Base) ReviewWarnings(now time.Time) []ReviewWarning {
	today := day(now)
	var out []ReviewWarning
	for _, e := range b.reviewables() {
		switch {
		case e.review == nil:
			out = append(out, ReviewWarning{Pos: e.pos, What: e.what, ID: e.id})
		default:
			if due := b.ReviewEvery.Due(e.review.On); today.After(due) {
				out = append(out, ReviewWarning{Pos: e.review.Pos, What: e.what, ID: e.id, Last: e.review, Due: due})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return posLess(out[i].Pos, out[j].Pos) })
	return out
}

// ReviewSummary says how much of the content has been reviewed, and the
// latest review.
type ReviewSummary struct {
	// Last is the day of the most recent review; zero if none.
	Last time.Time
	// By names who reviewed on that day, each once, in file order.
	By []string
	// Reviewed counts the entries with a review (current or overdue), of
	// Total topics, red flags and safety items.
	Reviewed, Total int
}

// Reviews summarises the reviews recorded in the knowledge base.
func (b *Base) Reviews() ReviewSummary {
	var s ReviewSummary
	for _, e := range b.reviewables() {
		s.Total++
		if e.review == nil {
			continue
		}
		s.Reviewed++
		switch on := e.review.On; {
		case on.After(s.Last):
			s.Last, s.By = on, []string{e.review.By}
		case on.Equal(s.Last):
			if !slices.Contains(s.By, e.review.By) {
				s.By = append(s.By, e.review.By)
			}
		}
	}
	return s
}

func posLess(a, b Pos) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Column < b.Column
}
