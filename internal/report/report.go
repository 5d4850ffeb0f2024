// Package report turns insights logs into the report moderators read to
// keep the knowledge base good: per topic, how often it was answered and
// how members rated it; week by week, how often the bot had to ask or
// could not answer; all of it split by knowledge-base version, so that the
// effect of an edit shows; and the questions it could not answer, grouped.
//
// Build a Report with a Builder, then write it as text (WriteText) or as a
// self-contained HTML page (WriteHTML).
package report

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/insights"
)

// Counts are the figures of a set of replies: the whole log, a week, a
// knowledge-base version, or a topic.
type Counts struct {
	// Replies counts every reply.
	Replies int
	// Questions counts the replies to a question: answers, clarifications,
	// fallbacks, declines and urgent replies.
	Questions int
	// Answered counts topic answers, including those reached by a button
	// or a command; LowConfidence those of them below the recorder's mark.
	Answered      int
	LowConfidence int
	// Clarifications counts replies that asked which topic was meant; for
	// a topic, the clarifications that offered it first or second.
	Clarifications int
	// Fallbacks counts questions the bot could not answer; for a topic,
	// the fallbacks whose closest topic it was.
	Fallbacks int
	// Up and Down count 👍 and 👎, and Comments the messages written
	// after 👎; feedback on an answer rated already is not counted.
	Up, Down, Comments int
}

// Votes returns Up + Down.
func (c Counts) Votes() int { return c.Up + c.Down }

// Helpful returns the share of votes that were 👍, and false when there
// were none.
func (c Counts) Helpful() (float64, bool) {
	if c.Votes() == 0 {
		return 0, false
	}
	return float64(c.Up) / float64(c.Votes()), true
}

// ClarificationRate returns the share of questions answered with a
// clarification.
func (c Counts) ClarificationRate() float64 { return share(c.Clarifications, c.Questions) }

// FallbackRate returns the share of questions the bot could not answer.
func (c Counts) FallbackRate() float64 { return share(c.Fallbacks, c.Questions) }

// LowConfidenceRate returns the share of answers given with low confidence.
func (c Counts) LowConfidenceRate() float64 { return share(c.LowConfidence, c.Answered) }

func share(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// Week is the figures of one week, Monday to Sunday, in UTC.
type Week struct {
	Start time.Time
	Counts
}

// Version is the figures of one knowledge-base version.
type Version struct {
	// ID is the version (knowledge.Base.Version); "" for lines that did
	// not record one (the older unanswered-questions log).
	ID string
	// First and Last are the first and last replies seen from it.
	First, Last time.Time
	Counts
}

// Topic is the figures of one topic.
type Topic struct {
	ID string
	Counts
	// Weeks are the topic's figures in each of Report.Weeks.
	Weeks []Counts
	// Versions are its figures under each of Report.Versions.
	Versions []Counts
	// Wanted are the comments members wrote after 👎 on this topic, what
	// they were looking for, newest first.
	Wanted []Comment
}

// Comment is a message written after 👎.
type Comment struct {
	Time    time.Time
	Version string
	Text    string
}

// Report is the figures of one or more insights logs.
type Report struct {
	// Since is the --since date; zero when every entry was kept.
	Since time.Time
	// First and Last are the first and last replies kept.
	First, Last time.Time
	// Entries counts the replies kept, Older those left out for being
	// before Since.
	Entries, Older int
	Total          Counts
	// Weeks are every week from First to Last, oldest first.
	Weeks []Week
	// Versions are the knowledge-base versions, in the order they came
	// into service.
	Versions []Version
	// Topics are the topics, most answered first.
	Topics []Topic
	// Unanswered counts the unanswered questions with their text, and
	// Gaps groups them, most frequent first.
	Unanswered int
	Gaps       []Group
}

// Options tune a Builder.
type Options struct {
	// Since leaves out the entries before it; zero keeps every entry.
	Since time.Time
	// Terms turns a question into the words compared when grouping
	// similar questions, such as the bot's own analyzer gives; default:
	// the lower-cased words.
	Terms func(string) []string
}

// Builder collects entries into a Report. Entries may come in any order,
// from any number of logs.
type Builder struct {
	opts     Options
	r        Report
	weeks    map[time.Time]*Counts
	versions map[string]*Version
	topics   map[string]*topicAcc
	gaps     *gapSet
}

type topicAcc struct {
	Counts
	weeks    map[time.Time]*Counts
	versions map[string]*Counts
	comments []Comment
}

// NewBuilder returns an empty Builder.
func NewBuilder(opts Options) *Builder {
	if opts.Terms == nil {
		opts.Terms = func(s string) []string { return strings.Fields(strings.ToLower(s)) }
	}
	return &Builder{
		opts:     opts,
		r:        Report{Since: opts.Since},
		weeks:    map[time.Time]*Counts{},
		versions: map[string]*Version{},
		topics:   map[string]*topicAcc{},
		gaps:     newGapSet(),
	}
}

// weekOf returns the Monday 00:00 UTC that starts t's week.
func weekOf(t time.Time) time.Time {
	t = t.UTC()
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return d.AddDate(0, 0, -(int(d.Weekday())+6)%7)
}

// Add counts one entry; it fits insights.Read.
func (b *Builder) Add(e insights.Entry) error {
	if e.Time.Before(b.opts.Since) {
		b.r.Older++
		return nil
	}
	b.r.Entries++
	if b.r.First.IsZero() || e.Time.Before(b.r.First) {
		b.r.First = e.Time
	}
	if e.Time.After(b.r.Last) {
		b.r.Last = e.Time
	}
	week := weekOf(e.Time)
	v := b.versions[e.KnowledgeVersion]
	if v == nil {
		v = &Version{ID: e.KnowledgeVersion, First: e.Time, Last: e.Time}
		b.versions[e.KnowledgeVersion] = v
	}
	v.First, v.Last = minTime(v.First, e.Time), maxTime(v.Last, e.Time)
	wc := counter(b.weeks, week)
	// Every figure of the entry goes to the whole log, its week and its
	// version; a topic's figures also go to the topic's week and version.
	all := []*Counts{&b.r.Total, wc, &v.Counts}
	count := func(f func(*Counts)) {
		for _, c := range all {
			f(c)
		}
	}
	topic := func(id string, f func(*Counts)) {
		if id == "" {
			return
		}
		t := b.topic(id)
		f(&t.Counts)
		f(counter(t.weeks, week))
		f(counter(t.versions, e.KnowledgeVersion))
	}

	count(func(c *Counts) { c.Replies++ })
	switch e.Kind {
	case bot.KindAnswer, bot.KindClarify, bot.KindFallback, bot.KindDecline, bot.KindUrgent:
		count(func(c *Counts) { c.Questions++ })
	}
	switch e.Kind {
	case bot.KindAnswer:
		inc := func(c *Counts) {
			c.Answered++
			if e.LowConfidence {
				c.LowConfidence++
			}
		}
		count(inc)
		topic(e.Topic, inc)
	case bot.KindClarify:
		count(func(c *Counts) { c.Clarifications++ })
		for i, g := range e.Guesses {
			if i == 2 {
				break
			}
			topic(g.Topic, func(c *Counts) { c.Clarifications++ })
		}
	case bot.KindFallback:
		count(func(c *Counts) { c.Fallbacks++ })
		if len(e.Guesses) > 0 {
			topic(e.Guesses[0].Topic, func(c *Counts) { c.Fallbacks++ })
		}
	}
	if f := e.Feedback; f != nil && !f.Repeat {
		var inc func(*Counts)
		switch {
		case e.Vote() == bot.VoteUp:
			inc = func(c *Counts) { c.Up++ }
		case e.Vote() == bot.VoteDown:
			inc = func(c *Counts) { c.Down++ }
		case f.Comment:
			inc = func(c *Counts) { c.Comments++ }
			if e.Text != "" && f.Topic != "" {
				t := b.topic(f.Topic)
				t.comments = append(t.comments, Comment{Time: e.Time, Version: e.KnowledgeVersion, Text: e.Text})
			}
		}
		if inc != nil {
			count(inc)
			topic(f.Topic, inc)
		}
	}
	if e.Unanswered() && strings.TrimSpace(e.Text) != "" {
		b.r.Unanswered++
		b.gaps.add(e)
	}
	return nil
}

func (b *Builder) topic(id string) *topicAcc {
	t := b.topics[id]
	if t == nil {
		t = &topicAcc{weeks: map[time.Time]*Counts{}, versions: map[string]*Counts{}}
		b.topics[id] = t
	}
	return t
}

// counter returns m[k], adding it if absent.
func counter[K comparable](m map[K]*Counts, k K) *Counts {
	c := m[k]
	if c == nil {
		c = &Counts{}
		m[k] = c
	}
	return c
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// Report returns the report of the entries added so far.
func (b *Builder) Report() *Report {
	r := b.r
	if r.Entries > 0 {
		for w := weekOf(r.First); !w.After(r.Last); w = w.AddDate(0, 0, 7) {
			wk := Week{Start: w}
			if c := b.weeks[w]; c != nil {
				wk.Counts = *c
			}
			r.Weeks = append(r.Weeks, wk)
		}
	}
	for _, v := range b.versions {
		r.Versions = append(r.Versions, *v)
	}
	slices.SortFunc(r.Versions, func(a, b Version) int {
		return cmp.Or(a.First.Compare(b.First), strings.Compare(a.ID, b.ID))
	})
	for id, t := range b.topics {
		topic := Topic{ID: id, Counts: t.Counts, Wanted: slices.Clone(t.comments)}
		for _, w := range r.Weeks {
			topic.Weeks = append(topic.Weeks, value(t.weeks[w.Start]))
		}
		for _, v := range r.Versions {
			topic.Versions = append(topic.Versions, value(t.versions[v.ID]))
		}
		slices.SortStableFunc(topic.Wanted, func(a, b Comment) int {
			return cmp.Or(b.Time.Compare(a.Time), strings.Compare(a.Text, b.Text))
		})
		r.Topics = append(r.Topics, topic)
	}
	slices.SortFunc(r.Topics, func(a, b Topic) int {
		return cmp.Or(b.Answered-a.Answered, b.Votes()-a.Votes(), strings.Compare(a.ID, b.ID))
	})
	r.Gaps = b.gaps.groups(b.opts.Terms)
	return &r
}

func value(c *Counts) Counts {
	if c == nil {
		return Counts{}
	}
	return *c
}
