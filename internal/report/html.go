package report

import (
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
	"time"
)

//go:embed page
var pageFiles embed.FS

// The page's template, style sheet and sorting script never change, so
// they are parsed once. They are read-only after this.
var (
	pageTemplate = template.Must(template.New("page.html").ParseFS(pageFiles, "page/page.html"))
	pageCSS      = mustRead("page/page.css")
	pageJS       = mustRead("page/sort.js")
)

func mustRead(name string) string {
	b, err := pageFiles.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// HTMLOptions tune WriteHTML.
type HTMLOptions struct {
	// Sources names the logs read, for the heading.
	Sources []string
	// Generated is when the page was made; zero leaves it out.
	Generated time.Time
	// Top is how many groups of unanswered questions to list; default 50.
	Top int
}

// WriteHTML writes the report as one self-contained HTML page: inline
// style sheet, inline sorting script and inline SVG charts, no request for
// anything else (its Content-Security-Policy forbids any). Every text from
// the log, members' words and topic ids alike, is escaped by html/template.
func WriteHTML(w io.Writer, r *Report, opts HTMLOptions) error {
	if opts.Top <= 0 {
		opts.Top = 50
	}
	p := newPage(r, opts)
	if err := pageTemplate.Execute(w, p); err != nil {
		return fmt.Errorf("write HTML report: %w", err)
	}
	return nil
}

// page is what the template shows. Every figure is formatted here, so the
// template only lays it out.
type page struct {
	Title, Summary, Generated string
	Sources                   []string
	CSP                       string
	CSS                       template.CSS
	JS                        template.JS
	Empty                     bool
	Cards                     []card
	Chart                     weekChart
	Weeks                     []weekRow
	Versions                  []versionRow
	OldLogNote                string
	Topics                    []topicRow
	ByVersion                 []byVersionRow
	WeekHeads                 []string
	TopicWeeks                []topicWeeksRow
	Unanswered                string
	Gaps                      []gapView
	MoreGaps                  int
	Wanted                    []wantedView
	FewVotes                  int
}

type card struct{ Label, Value, Detail string }

// figure is a table cell: the text shown and the key it sorts by.
type figure struct {
	Text, Sort string
	Zero       bool
}

// rateCell is a helpful rate with its bar; Sort is "" without votes.
type rateCell struct {
	Text, Sort, Title string
	Few               bool
	Bar               float64 // width of the bar's fill, 0–60
}

type weekRow struct {
	Label, Sort                   string
	Questions, Answered, Up, Down figure
	Unsure, Clarify, Fallback     figure
	Helpful                       rateCell
}

type versionRow struct {
	Label, Service, ServiceSort   string
	Questions, Answered, Up, Down figure
	Unsure, Clarify, Fallback     figure
	Helpful                       rateCell
}

type topicRow struct {
	ID                                                      string
	Answered, Unsure, Up, Down, Clarified, Missed, Comments figure
	Helpful                                                 rateCell
	Spark                                                   spark
}

type byVersionRow struct {
	Topic, Version             string
	Answered, Unsure, Up, Down figure
	Helpful                    rateCell
}

type topicWeeksRow struct {
	ID    string
	Weeks []figure
}

type spark struct {
	Points, Title string
	LastX, LastY  float64
	Width, Height int
	Base          float64
}

type weekChart struct {
	Width       int
	Bars        []bar
	First, Last string
	Label       string
}

type bar struct {
	Title string
	Rects []rect
}

type rect struct {
	Class      string
	X, Y, W, H float64
}

type gapView struct {
	Count          int
	First, Closest string
	Others         []string
}

type wantedView struct {
	Topic    string
	Comments []commentView
	More     int
}

type commentView struct{ Date, Version, Text string }

func newPage(r *Report, opts HTMLOptions) page {
	p := page{
		Title:    "Backcare knowledge-base report",
		Summary:  summaryLine(r),
		Sources:  opts.Sources,
		CSS:      template.CSS(pageCSS),
		JS:       template.JS(pageJS),
		Empty:    r.Entries == 0,
		FewVotes: FewVotes,
	}
	p.CSP = "default-src 'none'; style-src " + hash(pageCSS) + "; script-src " + hash(pageJS) + "; img-src data:; base-uri 'none'; form-action 'none'"
	if !opts.Generated.IsZero() {
		p.Generated = opts.Generated.UTC().Format("2006-01-02 15:04 UTC")
	}
	if r.Entries > 0 {
		p.Title += ", " + longDay(r.First) + " to " + longDay(r.Last)
	}
	t := r.Total
	h, _ := t.Helpful()
	p.Cards = []card{
		{"Questions", num(t.Questions), "of " + num(t.Replies) + " replies in all"},
		{"Answered", pct(share(t.Answered, t.Questions)), num(t.Answered) + ", " + pct(t.LowConfidenceRate()) + " of them unsure"},
		{"Helpful", dashIf(t.Votes() == 0, pct(h)), num(t.Up) + " 👍, " + num(t.Down) + " 👎"},
		{"Clarifications", pct(t.ClarificationRate()), num(t.Clarifications) + " asked which topic"},
		{"Fallbacks", pct(t.FallbackRate()), num(t.Fallbacks) + " not answered"},
	}
	p.Chart = newWeekChart(r.Weeks)
	for _, wk := range r.Weeks {
		p.Weeks = append(p.Weeks, weekRow{
			Label: day(wk.Start), Sort: day(wk.Start),
			Questions: count(wk.Questions), Answered: count(wk.Answered), Up: count(wk.Up), Down: count(wk.Down),
			Unsure: percent(wk.LowConfidenceRate(), wk.Answered), Clarify: percent(wk.ClarificationRate(), wk.Questions),
			Fallback: percent(wk.FallbackRate(), wk.Questions), Helpful: newRate(wk.Counts),
		})
	}
	for _, v := range r.Versions {
		if v.ID == "" {
			p.OldLogNote = OldLogNote
		}
		p.Versions = append(p.Versions, versionRow{
			Label: VersionLabel(v.ID), Service: day(v.First) + " – " + day(v.Last), ServiceSort: v.First.UTC().Format(time.RFC3339),
			Questions: count(v.Questions), Answered: count(v.Answered), Up: count(v.Up), Down: count(v.Down),
			Unsure: percent(v.LowConfidenceRate(), v.Answered), Clarify: percent(v.ClarificationRate(), v.Questions),
			Fallback: percent(v.FallbackRate(), v.Questions), Helpful: newRate(v.Counts),
		})
	}
	for _, tp := range r.Topics {
		p.Topics = append(p.Topics, topicRow{
			ID: tp.ID, Answered: count(tp.Answered), Unsure: count(tp.LowConfidence), Up: count(tp.Up), Down: count(tp.Down),
			Clarified: count(tp.Clarifications), Missed: count(tp.Fallbacks), Comments: count(tp.Comments),
			Helpful: newRate(tp.Counts), Spark: newSpark(r.Weeks, tp.Weeks),
		})
	}
	for _, tp := range multiVersion(r) {
		for i, c := range tp.Versions {
			if c.Answered+c.Votes() == 0 {
				continue
			}
			p.ByVersion = append(p.ByVersion, byVersionRow{
				Topic: tp.ID, Version: VersionLabel(r.Versions[i].ID),
				Answered: count(c.Answered), Unsure: percent(c.LowConfidenceRate(), c.Answered), Up: count(c.Up), Down: count(c.Down),
				Helpful: newRate(c),
			})
		}
	}
	weeks := r.Weeks[max(0, len(r.Weeks)-RecentWeeks):]
	off := len(r.Weeks) - len(weeks)
	for _, wk := range weeks {
		p.WeekHeads = append(p.WeekHeads, wk.Start.Format("2 Jan"))
	}
	for _, tp := range r.Topics {
		row := topicWeeksRow{ID: tp.ID}
		for i := range weeks {
			row.Weeks = append(row.Weeks, count(tp.Weeks[off+i].Answered))
		}
		p.TopicWeeks = append(p.TopicWeeks, row)
	}
	p.Unanswered = fmt.Sprintf("%s unanswered or unsure questions, in %s groups.", num(r.Unanswered), num(len(r.Gaps)))
	for i, g := range r.Gaps {
		if i == opts.Top {
			p.MoreGaps = len(r.Gaps) - opts.Top
			break
		}
		v := gapView{Count: g.Count, First: g.Questions[0], Others: g.Questions[1:min(len(g.Questions), 21)]}
		if g.Closest != "" {
			v.Closest = fmt.Sprintf("%s (confidence %.2f)", g.Closest, g.Confidence)
		}
		p.Gaps = append(p.Gaps, v)
	}
	for _, tp := range r.Topics {
		if len(tp.Wanted) == 0 {
			continue
		}
		v := wantedView{Topic: tp.ID}
		for i, c := range tp.Wanted {
			if i == 20 {
				v.More = len(tp.Wanted) - 20
				break
			}
			v.Comments = append(v.Comments, commentView{day(c.Time), VersionLabel(c.Version), c.Text})
		}
		p.Wanted = append(p.Wanted, v)
	}
	return p
}

// hash is the Content-Security-Policy source for an inline script or
// style sheet.
func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

func longDay(t time.Time) string { return t.UTC().Format("2 Jan 2006") }

func dashIf(none bool, s string) string {
	if none {
		return "—"
	}
	return s
}

func count(n int) figure { return figure{Text: num(n), Sort: strconv.Itoa(n), Zero: n == 0} }

// percent is a rate cell; without a base (of) it shows a dash and sorts
// last.
func percent(f float64, of int) figure {
	if of == 0 {
		return figure{Text: "—", Zero: true}
	}
	return figure{Text: pct(f), Sort: strconv.FormatFloat(f, 'f', 4, 64), Zero: f == 0}
}

func newRate(c Counts) rateCell {
	h, ok := c.Helpful()
	if !ok {
		return rateCell{Text: "—", Title: "no votes"}
	}
	text := pct(h)
	if c.Votes() < FewVotes {
		text += "*"
	}
	return rateCell{
		Text: text, Sort: strconv.FormatFloat(h, 'f', 4, 64), Few: c.Votes() < FewVotes, Bar: round1(60 * h),
		Title: fmt.Sprintf("%d of %d votes helpful", c.Up, c.Votes()),
	}
}

func round1(f float64) float64 { return float64(int(f*10+0.5)) / 10 }

// newSpark draws a topic's answers per week, the last RecentWeeks*2 weeks.
func newSpark(weeks []Week, counts []Counts) spark {
	n := min(len(counts), RecentWeeks*2)
	weeks, counts = weeks[len(weeks)-n:], counts[len(counts)-n:]
	const w, h, pad = 96, 24, 3.0
	s := spark{Width: w, Height: h, Base: h - pad}
	top := 1
	for _, c := range counts {
		top = max(top, c.Answered)
	}
	var pts, title []string
	for i, c := range counts {
		x := float64(w) / 2
		if n > 1 {
			x = pad + float64(i)*(w-2*pad)/float64(n-1)
		}
		y := h - pad - (h-2*pad)*float64(c.Answered)/float64(top)
		x, y = round1(x), round1(y)
		pts = append(pts, strconv.FormatFloat(x, 'f', -1, 64)+","+strconv.FormatFloat(y, 'f', -1, 64))
		s.LastX, s.LastY = x, y
		title = append(title, weeks[i].Start.Format("2 Jan")+": "+strconv.Itoa(c.Answered))
	}
	s.Points = strings.Join(pts, " ")
	s.Title = "Answers per week, " + strings.Join(title, ", ")
	return s
}

// newWeekChart stacks each week's questions: confident answers, unsure
// answers, clarifications, fallbacks and the rest (declines, urgent).
func newWeekChart(weeks []Week) weekChart {
	const barW, gap, height = 10.0, 2.0, 100.0
	c := weekChart{Width: max(1, len(weeks)) * int(barW+gap)}
	if len(weeks) == 0 {
		return c
	}
	c.First, c.Last = "week of "+longDay(weeks[0].Start), "week of "+longDay(weeks[len(weeks)-1].Start)
	top := 1
	for _, wk := range weeks {
		top = max(top, wk.Questions)
	}
	for i, wk := range weeks {
		x := float64(i)*(barW+gap) + gap/2
		y := height
		b := bar{Title: fmt.Sprintf("Week of %s: %d questions, %d answered (%d unsure), %d clarifications, %d fallbacks",
			longDay(wk.Start), wk.Questions, wk.Answered, wk.LowConfidence, wk.Clarifications, wk.Fallbacks)}
		other := wk.Questions - wk.Answered - wk.Clarifications - wk.Fallbacks
		for _, part := range []struct {
			class string
			n     int
		}{{"ans", wk.Answered - wk.LowConfidence}, {"low", wk.LowConfidence}, {"cla", wk.Clarifications}, {"fal", wk.Fallbacks}, {"oth", other}} {
			if part.n <= 0 {
				continue
			}
			hgt := height * float64(part.n) / float64(top)
			y -= hgt
			b.Rects = append(b.Rects, rect{part.class, x, round1(y), barW, round1(hgt)})
		}
		c.Bars = append(c.Bars, b)
	}
	c.Label = fmt.Sprintf("Questions per week, %s to %s", c.First, c.Last)
	return c
}
