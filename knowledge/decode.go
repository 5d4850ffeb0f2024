package knowledge

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v4"
)

// decoder turns the YAML node tree of one file into knowledge-base values,
// recording every problem with its position instead of stopping at the first.
type decoder struct {
	file string
	errs ErrorList
	// now is the time of loading: a review dated after it is an error.
	now time.Time
	// data is the file; lines its lines, split when a position inside a
	// block of text is first needed.
	data  []byte
	lines []string
}

// positions remembers where the parts of a value were written, so that
// validation can point at the exact example or reference that is wrong.
type positions struct {
	id      Pos
	answer  Pos
	list    map[string][]Pos // field name -> position of each item
	present map[string]bool  // field names that were written
}

func (p *positions) at(field string, i int, fallback Pos) Pos {
	if ps := p.list[field]; i < len(ps) {
		return ps[i]
	}
	return fallback
}

// file holds what one YAML file contributed.
type file struct {
	disclaimer, welcome     string
	disclaimerAt, welcomeAt Pos
	reviewEvery             *Period
	reviewEveryAt           Pos
	sources                 []Source
	topics                  []Topic
	flags                   []RedFlag
	synonyms                []Synonym
	declines                []Decline
	safety                  []Safety
	groups                  []WordGroup
	regions                 []Region
	outOfScope              []string
	outPos                  []Pos
	smallTalk               []SmallTalk
	history                 *History
	historyPos              positions
	asking                  *Asking
	askingPos               positions
	hesitation              *Hesitation
	hesitationPos           positions
	screens                 []Screen
	talkPos                 []positions
	// Duplicate-detection keys (see exampleKey) of each topic's examples
	// and of the out-of-scope examples, made as the file is decoded.
	topicKeys                [][]string
	outKeys                  []string
	sourcePos, topicPos      []positions
	flagPos, synPos, declPos []positions
	safetyPos, regionPos     []positions
}

func (d *decoder) pos(n *yaml.Node) Pos { return Pos{File: d.file, Line: n.Line, Column: n.Column} }

func (d *decoder) errorf(p Pos, format string, args ...any) {
	d.errs = append(d.errs, &Error{Pos: p, Msg: fmt.Sprintf(format, args...)})
}

// parse decodes one file. A YAML syntax error stops the file; every other
// problem is recorded and decoding goes on.
func (d *decoder) parse(data []byte) *file {
	d.data = data
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		d.syntaxError(err)
		return nil
	}
	f := &file{}
	if len(doc.Content) == 0 {
		return f // an empty file is allowed
	}
	root := resolve(doc.Content[0])
	if root.Kind != yaml.MappingNode {
		d.errorf(d.pos(root), "the file must be a mapping with keys such as topics, sources and red_flags")
		return f
	}
	d.fields(root, "file", map[string]func(*yaml.Node){
		"disclaimer": func(n *yaml.Node) { f.disclaimer, f.disclaimerAt = d.text(n, "disclaimer"), d.pos(n) },
		"welcome":    func(n *yaml.Node) { f.welcome, f.welcomeAt = d.text(n, "welcome"), d.pos(n) },
		"review_every": func(n *yaml.Node) {
			f.reviewEveryAt = d.pos(n)
			if n.Kind != yaml.ScalarNode {
				d.errorf(d.pos(n), "review_every must be a number and a unit, such as \"12 months\", not a %s", kindName(n))
				return
			}
			p, err := parsePeriod(strings.TrimSpace(n.Value))
			if err != nil {
				d.errorf(d.pos(n), "%s", err)
				return
			}
			f.reviewEvery = &p
		},
		"sources": func(n *yaml.Node) {
			d.each(n, "sources", func(n *yaml.Node) {
				s, p := d.source(n)
				f.sources, f.sourcePos = append(f.sources, s), append(f.sourcePos, p)
			})
		},
		"topics": func(n *yaml.Node) {
			d.each(n, "topics", func(n *yaml.Node) {
				t, p := d.topic(n)
				f.topics, f.topicPos = append(f.topics, t), append(f.topicPos, p)
			})
		},
		"red_flags": func(n *yaml.Node) {
			d.each(n, "red_flags", func(n *yaml.Node) {
				r, p := d.redFlag(n)
				f.flags, f.flagPos = append(f.flags, r), append(f.flagPos, p)
			})
		},
		"synonyms": func(n *yaml.Node) {
			d.each(n, "synonyms", func(n *yaml.Node) {
				s, p := d.synonym(n)
				f.synonyms, f.synPos = append(f.synonyms, s), append(f.synPos, p)
			})
		},
		"declines": func(n *yaml.Node) {
			d.each(n, "declines", func(n *yaml.Node) {
				c, p := d.decline(n)
				f.declines, f.declPos = append(f.declines, c), append(f.declPos, p)
			})
		},
		"safety": func(n *yaml.Node) {
			d.each(n, "safety", func(n *yaml.Node) {
				x, p := d.safety(n)
				f.safety, f.safetyPos = append(f.safety, x), append(f.safetyPos, p)
			})
		},
		"word_groups":  func(n *yaml.Node) { f.groups = d.wordGroups(n) },
		"out_of_scope": func(n *yaml.Node) { f.outOfScope, f.outPos = d.list(n, "out_of_scope") },
		"small_talk": func(n *yaml.Node) {
			d.each(n, "small_talk", func(n *yaml.Node) {
				x, p := d.smallTalk(n)
				f.smallTalk, f.talkPos = append(f.smallTalk, x), append(f.talkPos, p)
			})
		},
		"asking": func(n *yaml.Node) {
			a, p := d.asking(n)
			f.asking, f.askingPos = &a, p
		},
		"hesitation": func(n *yaml.Node) {
			h, p := d.hesitation(n)
			f.hesitation, f.hesitationPos = &h, p
		},
		"screens": func(n *yaml.Node) {
			d.each(n, "screens", func(n *yaml.Node) { f.screens = append(f.screens, d.screen(n)) })
		},
		"history": func(n *yaml.Node) {
			h, p := d.history(n)
			f.history, f.historyPos = &h, p
		},
		"regions": func(n *yaml.Node) {
			d.each(n, "regions", func(n *yaml.Node) {
				r, p := d.region(n)
				f.regions, f.regionPos = append(f.regions, r), append(f.regionPos, p)
			})
		},
	})
	return f
}

func (d *decoder) syntaxError(err error) {
	var le *yaml.LoadError
	var les *yaml.LoadErrors
	switch {
	case errors.As(err, &le):
		d.errorf(Pos{d.file, max(le.Mark.Line, 1), max(le.Mark.Column, 1)}, "YAML syntax: %s", syntaxMessage(le))
	case errors.As(err, &les) && len(les.Errors) > 0:
		for _, le := range les.Errors {
			d.errorf(Pos{d.file, max(le.Mark.Line, 1), max(le.Mark.Column, 1)}, "YAML syntax: %s", syntaxMessage(le))
		}
	default:
		d.errorf(Pos{d.file, 1, 1}, "YAML syntax: %s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
}

func syntaxMessage(le *yaml.LoadError) string {
	if le.ContextMsg != "" && le.ContextMark.Line > 0 {
		return fmt.Sprintf("%s (%s that started at line %d, column %d)", le.Message, le.ContextMsg, le.ContextMark.Line, le.ContextMark.Column)
	}
	return le.Message
}

func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// fields calls known[key] for each key of the mapping n. Unknown and
// repeated keys are errors. It returns the keys that were present.
func (d *decoder) fields(n *yaml.Node, what string, known map[string]func(*yaml.Node)) map[string]bool {
	present := map[string]bool{}
	if n.Kind != yaml.MappingNode {
		d.errorf(d.pos(n), "%s must be a mapping of field: value", what)
		return present
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], resolve(n.Content[i+1])
		set, ok := known[k.Value]
		switch {
		case !ok:
			d.errorf(d.pos(k), "unknown field %q in %s (known fields: %s)", k.Value, what, keyList(known))
		case present[k.Value]:
			d.errorf(d.pos(k), "field %q appears twice in %s", k.Value, what)
		default:
			present[k.Value] = true
			set(v)
		}
	}
	return present
}

func keyList(m map[string]func(*yaml.Node)) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return strings.Join(keys, ", ")
}

// text reads a scalar as a string.
func (d *decoder) text(n *yaml.Node, what string) string {
	if n.Kind != yaml.ScalarNode {
		d.errorf(d.pos(n), "%s must be text, not a %s", what, kindName(n))
		return ""
	}
	if n.Tag == "!!null" {
		return ""
	}
	return strings.TrimSpace(n.Value)
}

// list reads a sequence of scalars (a single scalar is taken as a list of
// one) and the position of each item.
func (d *decoder) list(n *yaml.Node, what string) ([]string, []Pos) {
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		return []string{strings.TrimSpace(n.Value)}, []Pos{d.pos(n)}
	}
	if n.Kind != yaml.SequenceNode {
		if n.Tag != "!!null" {
			d.errorf(d.pos(n), "%s must be a list", what)
		}
		return nil, nil
	}
	out, ps := make([]string, 0, len(n.Content)), make([]Pos, 0, len(n.Content))
	for _, item := range n.Content {
		item = resolve(item)
		s := d.text(item, what+" item")
		if item.LineComment != "" {
			// "- at # weeks": YAML reads " # weeks" as a comment, and a
			// pattern cut short matches far too much.
			d.errorf(d.pos(item), "%s item %q is followed by the comment %q: if the # belongs to it, quote the item; otherwise put the comment on its own line", what, s, item.LineComment)
		}
		out, ps = append(out, s), append(ps, d.pos(item))
	}
	return out, ps
}

func (d *decoder) each(n *yaml.Node, what string, f func(*yaml.Node)) {
	if n.Kind != yaml.SequenceNode {
		if n.Tag != "!!null" {
			d.errorf(d.pos(n), "%s must be a list (each item starting with \"- \")", what)
		}
		return
	}
	for _, item := range n.Content {
		f(resolve(item))
	}
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	default:
		return "value"
	}
}

func newPositions() positions {
	return positions{list: map[string][]Pos{}, present: map[string]bool{}}
}

func (d *decoder) source(n *yaml.Node) (Source, positions) {
	s, p := Source{Pos: d.pos(n)}, newPositions()
	p.present = d.fields(n, "source", map[string]func(*yaml.Node){
		"id":    func(v *yaml.Node) { s.ID, p.id = d.text(v, "id"), d.pos(v) },
		"title": func(v *yaml.Node) { s.Title = d.text(v, "title") },
		"where": func(v *yaml.Node) { s.Where = d.text(v, "where") },
		"short": func(v *yaml.Node) { s.Short, p.list["short"] = d.text(v, "short"), []Pos{d.pos(v)} },
	})
	return s, p
}

func (d *decoder) topic(n *yaml.Node) (Topic, positions) {
	t, p := Topic{Pos: d.pos(n)}, newPositions()
	lst := func(dst *[]string, name string) func(*yaml.Node) {
		return func(v *yaml.Node) { *dst, p.list[name] = d.list(v, name) }
	}
	p.present = d.fields(n, "topic", map[string]func(*yaml.Node){
		"id":          func(v *yaml.Node) { t.ID, p.id = d.text(v, "id"), d.pos(v) },
		"title":       func(v *yaml.Node) { t.Title = d.text(v, "title") },
		"category":    func(v *yaml.Node) { t.Category = Category(d.text(v, "category")); p.list["category"] = []Pos{d.pos(v)} },
		"examples":    lst(&t.Examples, "examples"),
		"keywords":    lst(&t.Keywords, "keywords"),
		"answer":      func(v *yaml.Node) { t.Answer, p.answer = d.text(v, "answer"), d.pos(v) },
		"related":     lst(&t.Related, "related"),
		"sources":     lst(&t.Sources, "sources"),
		"reviewed":    func(v *yaml.Node) { t.Reviewed = d.review(v) },
		"not_covered": lst(&t.NotCovered, "not_covered"),
		"not_covered_note": func(v *yaml.Node) {
			t.NotCoveredNote, p.list["not_covered_note"] = d.text(v, "not_covered_note"), []Pos{d.pos(v)}
		},
	})
	return t, p
}

func (d *decoder) redFlag(n *yaml.Node) (RedFlag, positions) {
	r, p := RedFlag{Pos: d.pos(n)}, newPositions()
	p.present = d.fields(n, "red flag", map[string]func(*yaml.Node){
		"id":            func(v *yaml.Node) { r.ID, p.id = d.text(v, "id"), d.pos(v) },
		"title":         func(v *yaml.Node) { r.Title = d.text(v, "title") },
		"level":         func(v *yaml.Node) { r.Level = Level(d.text(v, "level")); p.list["level"] = []Pos{d.pos(v)} },
		"triggers":      func(v *yaml.Node) { r.Triggers, p.list["triggers"] = d.list(v, "triggers") },
		"unless":        func(v *yaml.Node) { r.Unless, p.list["unless"] = d.list(v, "unless") },
		"firm":          func(v *yaml.Node) { r.Firm, p.list["firm"] = d.list(v, "firm") },
		"preterm":       func(v *yaml.Node) { r.Preterm, p.list["preterm"] = d.list(v, "preterm") },
		"from_20_weeks": func(v *yaml.Node) { r.From20Weeks = d.flag(v, "from_20_weeks") },
		"before_birth":  func(v *yaml.Node) { r.BeforeBirth = d.flag(v, "before_birth") },
		"lochia":        func(v *yaml.Node) { r.Lochia = d.flag(v, "lochia") },
		"show":          func(v *yaml.Node) { r.Show = d.flag(v, "show") },
		"averted":       func(v *yaml.Node) { r.Averted, p.list["averted"] = d.list(v, "averted") },
		"explained":     func(v *yaml.Node) { r.Explained, p.list["explained"] = d.list(v, "explained") },
		"also_with":     func(v *yaml.Node) { r.AlsoWith, p.list["also_with"] = d.list(v, "also_with") },
		"reopened_by":   func(v *yaml.Node) { r.ReopenedBy, p.list["reopened_by"] = d.list(v, "reopened_by") },
		"answer":        func(v *yaml.Node) { r.Answer, p.answer = d.text(v, "answer"), d.pos(v) },
		"sources":       func(v *yaml.Node) { r.Sources, p.list["sources"] = d.list(v, "sources") },
		"reviewed":      func(v *yaml.Node) { r.Reviewed = d.review(v) },
	})
	return r, p
}

func (d *decoder) safety(n *yaml.Node) (Safety, positions) {
	x, p := Safety{Pos: d.pos(n)}, newPositions()
	p.present = d.fields(n, "safety item", map[string]func(*yaml.Node){
		"id":       func(v *yaml.Node) { x.ID, p.id = d.text(v, "id"), d.pos(v) },
		"title":    func(v *yaml.Node) { x.Title = d.text(v, "title") },
		"kind":     func(v *yaml.Node) { x.Kind = SafetyKind(d.text(v, "kind")); p.list["kind"] = []Pos{d.pos(v)} },
		"triggers": func(v *yaml.Node) { x.Triggers, p.list["triggers"] = d.list(v, "triggers") },
		"firm":     func(v *yaml.Node) { x.Firm, p.list["firm"] = d.list(v, "firm") },
		"unless":   func(v *yaml.Node) { x.Unless, p.list["unless"] = d.list(v, "unless") },
		"past":     func(v *yaml.Node) { x.Past, p.list["past"] = d.list(v, "past") },
		"history":  func(v *yaml.Node) { x.History, p.list["history"] = d.list(v, "history") },
		"screen_unless": func(v *yaml.Node) {
			x.ScreenUnless, p.list["screen_unless"] = d.list(v, "screen_unless")
		},
		"answer": func(v *yaml.Node) { x.Answer, p.answer = d.text(v, "answer"), d.pos(v) },
		"history_answer": func(v *yaml.Node) {
			x.HistoryAnswer = d.text(v, "history_answer")
			p.list["history_answer"] = []Pos{d.pos(v)}
		},
		"history_sources": func(v *yaml.Node) {
			x.HistorySources, p.list["history_sources"] = d.list(v, "history_sources")
		},
		"sources":  func(v *yaml.Node) { x.Sources, p.list["sources"] = d.list(v, "sources") },
		"reviewed": func(v *yaml.Node) { x.Reviewed = d.review(v) },
	})
	return x, p
}

// review reads `reviewed: {by: "Jane Doe, midwife", on: 2026-11-30}`. The
// date must be a real day written YYYY-MM-DD, and not later than today.
func (d *decoder) review(n *yaml.Node) *Review {
	const example = `{by: "Jane Doe, midwife", on: 2026-11-30}`
	if n.Kind != yaml.MappingNode {
		d.errorf(d.pos(n), "reviewed must be a mapping of by and on, such as %s", example)
		return nil
	}
	r := &Review{Pos: d.pos(n)}
	present := d.fields(n, "reviewed", map[string]func(*yaml.Node){
		"by": func(v *yaml.Node) {
			r.By = d.text(v, "reviewed by")
			if r.By == "" && v.Kind == yaml.ScalarNode {
				d.errorf(d.pos(v), "reviewed by is empty: name the person or role who reviewed it, such as \"Jane Doe, midwife\"")
			}
		},
		"on": func(v *yaml.Node) {
			s := d.text(v, "reviewed on")
			if v.Kind != yaml.ScalarNode {
				return
			}
			on, err := time.Parse(DateLayout, s)
			switch {
			case s == "":
				d.errorf(d.pos(v), "reviewed on is empty: write the day of the review as YYYY-MM-DD, such as 2026-11-30")
			case err != nil:
				d.errorf(d.pos(v), "reviewed on %q is not a date: write it as YYYY-MM-DD, such as 2026-11-30", s)
			case on.After(latestDay(d.now)):
				d.errorf(d.pos(v), "reviewed on %s is in the future (today is %s): record the day the review was done", s, day(d.now).Format(DateLayout))
			default:
				r.On = on
			}
		},
	})
	for _, f := range []string{"by", "on"} {
		if !present[f] {
			d.errorf(r.Pos, "reviewed is missing %q: write it as %s", f, example)
		}
	}
	return r
}

// flag decodes a true or false field.
func (d *decoder) flag(v *yaml.Node, name string) bool {
	if v.Kind != yaml.ScalarNode || (v.Value != "true" && v.Value != "false") {
		d.errorf(d.pos(v), "%s must be true or false", name)
	}
	return v.Value == "true"
}

func (d *decoder) smallTalk(n *yaml.Node) (SmallTalk, positions) {
	x, p := SmallTalk{Pos: d.pos(n)}, newPositions()
	p.present = d.fields(n, "small talk", map[string]func(*yaml.Node){
		"id":           func(v *yaml.Node) { x.ID, p.id = d.text(v, "id"), d.pos(v) },
		"examples":     func(v *yaml.Node) { x.Examples, p.list["examples"] = d.list(v, "examples") },
		"answer":       func(v *yaml.Node) { x.Answer, p.answer = d.text(v, "answer"), d.pos(v) },
		"after_urgent": func(v *yaml.Node) { x.AfterUrgent = d.flag(v, "after_urgent") },
		"after_loss":   func(v *yaml.Node) { x.AfterLoss = d.flag(v, "after_loss") },
	})
	return x, p
}

func (d *decoder) history(n *yaml.Node) (History, positions) {
	h, p := History{Pos: d.pos(n)}, newPositions()
	p.present = d.fields(n, "history", map[string]func(*yaml.Node){
		"past":       func(v *yaml.Node) { h.Past, p.list["past"] = d.list(v, "past") },
		"past_after": func(v *yaml.Node) { h.PastAfter, p.list["past_after"] = d.list(v, "past_after") },
		"now":        func(v *yaml.Node) { h.Now, p.list["now"] = d.list(v, "now") },
		"today":      func(v *yaml.Node) { h.Today, p.list["today"] = d.list(v, "today") },
		"visits":     func(v *yaml.Node) { h.Visits, p.list["visits"] = d.list(v, "visits") },
		"recent":     func(v *yaml.Node) { h.Recent, p.list["recent"] = d.list(v, "recent") },
		"earlier":    func(v *yaml.Node) { h.Earlier, p.list["earlier"] = d.list(v, "earlier") },
		"checked":    func(v *yaml.Node) { h.Checked, p.list["checked"] = d.list(v, "checked") },
		"settled":    func(v *yaml.Node) { h.Settled, p.list["settled"] = d.list(v, "settled") },
		"again":      func(v *yaml.Node) { h.Again, p.list["again"] = d.list(v, "again") },
	})
	return h, p
}

func (d *decoder) asking(n *yaml.Node) (Asking, positions) {
	a, p := Asking{Pos: d.pos(n)}, newPositions()
	p.present = d.fields(n, "asking", map[string]func(*yaml.Node){
		"frames":      func(v *yaml.Node) { a.Frames, p.list["frames"] = d.list(v, "frames") },
		"unreal":      func(v *yaml.Node) { a.Unreal, p.list["unreal"] = d.list(v, "unreal") },
		"disclaimers": func(v *yaml.Node) { a.Disclaimers, p.list["disclaimers"] = d.list(v, "disclaimers") },
		"disclosures": func(v *yaml.Node) { a.Disclosures, p.list["disclosures"] = d.list(v, "disclosures") },
		"instructions": func(v *yaml.Node) {
			a.Instructions, p.list["instructions"] = d.list(v, "instructions")
		},
	})
	return a, p
}

func (d *decoder) hesitation(n *yaml.Node) (Hesitation, positions) {
	h, p := Hesitation{Pos: d.pos(n)}, newPositions()
	p.present = d.fields(n, "hesitation", map[string]func(*yaml.Node){
		"triggers": func(v *yaml.Node) { h.Triggers, p.list["triggers"] = d.list(v, "triggers") },
		"answer":   func(v *yaml.Node) { h.Answer, p.answer = d.text(v, "answer"), d.pos(v) },
	})
	return h, p
}

// screen reads one learned screen. Its weights are a block of lines, each
// one or two lemmas and a number ("not wake 1.25"): a model of thousands of
// weights reads far faster than as YAML mappings.
func (d *decoder) screen(n *yaml.Node) Screen {
	x := Screen{Pos: d.pos(n), Weights: map[string]float64{}}
	number := func(v *yaml.Node, what string) float64 {
		f, err := strconv.ParseFloat(strings.TrimSpace(v.Value), 64)
		if v.Kind != yaml.ScalarNode || err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			d.errorf(d.pos(v), "screen %s must be a number", what)
		}
		return f
	}
	present := d.fields(n, "screen", map[string]func(*yaml.Node){
		"safety":     func(v *yaml.Node) { x.Safety = d.text(v, "screen safety") },
		"bias":       func(v *yaml.Node) { x.Bias = number(v, "bias") },
		"threshold":  func(v *yaml.Node) { x.Threshold = number(v, "threshold") },
		"trained_on": func(v *yaml.Node) { x.TrainedOn = d.text(v, "trained_on") },
		"weights": func(v *yaml.Node) {
			if v.Kind != yaml.ScalarNode {
				d.errorf(d.pos(v), "screen weights must be a block of lines \"lemma [lemma] weight\", not a %s", kindName(v))
				return
			}
			// A block scalar ("|") starts on the line after its indicator.
			first := v.Line
			if v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
				first++
			}
			lines := strings.Split(strings.TrimRight(v.Value, "\n"), "\n")
			x.Weights = make(map[string]float64, len(lines))
			if d.lines == nil {
				d.lines = strings.Split(string(d.data), "\n")
			}
			for i, line := range lines {
				at := Pos{File: d.file, Line: first + i, Column: 1}
				if l := first + i - 1; l < len(d.lines) {
					at.Column += len(d.lines[l]) - len(strings.TrimLeft(d.lines[l], " "))
				}
				// "lemma [lemma] weight", split by hand: a model has
				// thousands of lines, read at every start and reload.
				line = strings.TrimSpace(line)
				sp := strings.LastIndexByte(line, ' ')
				key := strings.TrimSpace(line[:max(sp, 0)])
				if key == "" || strings.Count(key, " ") > 1 || strings.Contains(key, "  ") {
					d.errorf(at, "screen weight %q must be one or two lemmas and a number", line)
					continue
				}
				w, err := strconv.ParseFloat(line[sp+1:], 64)
				if err != nil || math.IsInf(w, 0) || math.IsNaN(w) {
					d.errorf(at, "screen weight %q must end with a number", line)
					continue
				}
				if _, dup := x.Weights[key]; dup {
					d.errorf(at, "screen weight for %q is given twice", key)
				}
				x.Weights[key] = w
			}
		},
	})
	for _, f := range []string{"safety", "bias", "weights"} {
		if !present[f] {
			d.errorf(x.Pos, "screen has no %s", f)
		}
	}
	return x
}

// wordGroups reads a mapping of group name to a list of words.
func (d *decoder) wordGroups(n *yaml.Node) []WordGroup {
	if n.Kind != yaml.MappingNode {
		if n.Tag != "!!null" {
			d.errorf(d.pos(n), "word_groups must be a mapping of name: [word, word, ...]")
		}
		return nil
	}
	var out []WordGroup
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], resolve(n.Content[i+1])
		words, at := d.list(v, "word group "+k.Value)
		if k.Value == OthersGroup || k.Value == CarerGroup || k.Value == ThingsGroup {
			for j, w := range words {
				if strings.Contains(strings.TrimSpace(w), " ") {
					d.errorf(at[j], "word group %s: %q has several words; name each with one word (\"coworker\", \"mug\"), since triage reads a message word by word for them", k.Value, w)
				}
			}
		}
		out = append(out, WordGroup{Name: k.Value, Words: words, Pos: d.pos(k)})
	}
	return out
}

func (d *decoder) region(n *yaml.Node) (Region, positions) {
	r, p := Region{Pos: d.pos(n), Helplines: map[string]string{}}, newPositions()
	p.present = d.fields(n, "region", map[string]func(*yaml.Node){
		"id":        func(v *yaml.Node) { r.ID, p.id = d.text(v, "id"), d.pos(v) },
		"name":      func(v *yaml.Node) { r.Name = d.text(v, "name") },
		"emergency": func(v *yaml.Node) { r.Emergency = d.text(v, "emergency") },
		"helplines": func(v *yaml.Node) {
			if v.Kind != yaml.MappingNode {
				d.errorf(d.pos(v), "helplines must be a mapping of name: text")
				return
			}
			for i := 0; i+1 < len(v.Content); i += 2 {
				k := v.Content[i]
				if _, dup := r.Helplines[k.Value]; dup {
					d.errorf(d.pos(k), "helpline %q appears twice", k.Value)
				}
				r.Helplines[k.Value] = d.text(resolve(v.Content[i+1]), "helpline "+k.Value)
				p.list["helplines"] = append(p.list["helplines"], d.pos(k))
			}
		},
		"sources": func(v *yaml.Node) { r.Sources, p.list["sources"] = d.list(v, "sources") },
	})
	return r, p
}

func (d *decoder) synonym(n *yaml.Node) (Synonym, positions) {
	s, p := Synonym{Pos: d.pos(n)}, newPositions()
	p.present = d.fields(n, "synonym", map[string]func(*yaml.Node){
		"word": func(v *yaml.Node) { s.Word, p.id = d.text(v, "word"), d.pos(v) },
		"also": func(v *yaml.Node) { s.Variants, p.list["also"] = d.list(v, "also") },
	})
	return s, p
}

func (d *decoder) decline(n *yaml.Node) (Decline, positions) {
	c, p := Decline{Pos: d.pos(n)}, newPositions()
	p.present = d.fields(n, "decline", map[string]func(*yaml.Node){
		"id":       func(v *yaml.Node) { c.ID, p.id = d.text(v, "id"), d.pos(v) },
		"triggers": func(v *yaml.Node) { c.Triggers, p.list["triggers"] = d.list(v, "triggers") },
		"unless":   func(v *yaml.Node) { c.Unless, p.list["unless"] = d.list(v, "unless") },
		"answer":   func(v *yaml.Node) { c.Answer, p.answer = d.text(v, "answer"), d.pos(v) },
		"related":  func(v *yaml.Node) { c.Related, p.list["related"] = d.list(v, "related") },
	})
	return c, p
}
