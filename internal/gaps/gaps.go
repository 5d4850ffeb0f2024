// Package gaps records the questions Backcare could not answer well and
// groups them into a report, so knowledge-base editors see which examples
// or topics to add.
//
// The log is opt-in: it holds users' own words (health information), but
// never user or chat ids.
package gaps

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/backcare/backcare/bot"
)

// maxText bounds a recorded question.
const maxText = 500

// Entry is one line of the unanswered-questions log.
type Entry struct {
	Time     time.Time `json:"time"`
	Platform string    `json:"platform"`
	Text     string    `json:"text"`
	Kind     string    `json:"kind"`
	Guesses  []Guess   `json:"guesses,omitempty"`
}

// Guess is a topic the matcher considered, with its confidence.
type Guess struct {
	Topic      string  `json:"topic"`
	Confidence float64 `json:"confidence"`
}

// Recorder appends entries to a JSON-lines file.
type Recorder struct {
	// LowConfidence: answers below it are recorded too; default 0.5.
	LowConfidence float64
	mu            sync.Mutex
	f             *os.File
}

// Open opens (or creates) the log for appending.
func Open(path string) (*Recorder, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open unanswered log: %w", err)
	}
	return &Recorder{LowConfidence: 0.5, f: f}, nil
}

// Observe records fallbacks, clarifications and low-confidence answers;
// it fits bot.Options.Observe.
func (r *Recorder) Observe(m bot.Message, rep bot.Reply, _ time.Duration) {
	// Button and command answers carry confidence 1, so only matched
	// questions can fall below LowConfidence.
	record := rep.Kind == bot.KindFallback || rep.Kind == bot.KindClarify ||
		(rep.Kind == bot.KindAnswer && rep.Confidence < r.LowConfidence)
	if !record {
		return
	}
	text := strings.TrimSpace(m.Text)
	if m.Command == bot.CmdAsk {
		text = strings.TrimSpace(m.Arg)
	}
	if text == "" {
		return
	}
	e := Entry{Time: time.Now().UTC(), Platform: m.Platform, Text: clip(text), Kind: string(rep.Kind)}
	for _, g := range rep.Guesses {
		e.Guesses = append(e.Guesses, Guess{g.TopicID, float64(int(g.Confidence*1000)) / 1000})
	}
	line, err := json.Marshal(e)
	if err != nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	_, _ = r.f.Write(append(line, '\n'))
}

// Close closes the log.
func (r *Recorder) Close() error { return r.f.Close() }

func clip(s string) string {
	s = strings.ToValidUTF8(s, "")
	if len(s) <= maxText {
		return s
	}
	s = s[:maxText]
	for !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s
}

// Read parses a log, skipping lines that are not entries. It returns how
// many were skipped.
func Read(r io.Reader) (entries []Entry, skipped int, err error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		var e Entry
		if json.Unmarshal(sc.Bytes(), &e) != nil || e.Text == "" {
			skipped++
			continue
		}
		entries = append(entries, e)
	}
	return entries, skipped, sc.Err()
}

// Group is a set of similar questions.
type Group struct {
	Count int
	// Questions are the distinct wordings, most frequent first.
	Questions []string
	// Closest is the topic most often guessed first, with its mean confidence.
	Closest    string
	Confidence float64
}

// Report groups similar questions, most frequent group first. terms turns
// a question into its matching terms; two questions are similar when half
// or more of their combined terms are shared.
func Report(entries []Entry, terms func(string) []string) []Group {
	type cluster struct {
		key     map[string]bool
		texts   map[string]int
		guesses map[string][]float64
		count   int
	}
	var cs []*cluster
	for _, e := range entries {
		set := map[string]bool{}
		for _, t := range terms(e.Text) {
			set[t] = true
		}
		var best *cluster
		bestSim := 0.5
		for _, c := range cs {
			if sim := jaccard(set, c.key); sim >= bestSim {
				best, bestSim = c, sim
			}
		}
		if best == nil {
			best = &cluster{key: set, texts: map[string]int{}, guesses: map[string][]float64{}}
			cs = append(cs, best)
		}
		best.count++
		best.texts[strings.ToLower(strings.TrimSpace(e.Text))]++
		if len(e.Guesses) > 0 {
			best.guesses[e.Guesses[0].Topic] = append(best.guesses[e.Guesses[0].Topic], e.Guesses[0].Confidence)
		}
	}
	groups := make([]Group, 0, len(cs))
	for _, c := range cs {
		g := Group{Count: c.count}
		for t := range c.texts {
			g.Questions = append(g.Questions, t)
		}
		sort.Slice(g.Questions, func(i, j int) bool {
			a, b := g.Questions[i], g.Questions[j]
			if c.texts[a] != c.texts[b] {
				return c.texts[a] > c.texts[b]
			}
			return a < b
		})
		for topic, confs := range c.guesses {
			if len(confs) > len(c.guesses[g.Closest]) || (len(confs) == len(c.guesses[g.Closest]) && topic < g.Closest) {
				g.Closest = topic
			}
		}
		if confs := c.guesses[g.Closest]; len(confs) > 0 {
			var sum float64
			for _, x := range confs {
				sum += x
			}
			g.Confidence = sum / float64(len(confs))
		}
		groups = append(groups, g)
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].Count > groups[j].Count })
	return groups
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	inter := 0
	for t := range a {
		if b[t] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// Print writes the top groups for an editor to read.
func Print(w io.Writer, groups []Group, top int) {
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
			closest = fmt.Sprintf("closest topic: %s (confidence %.2f)", g.Closest, g.Confidence)
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
