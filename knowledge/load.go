package knowledge

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

//go:embed kb
var embedded embed.FS

// MinExamples is the fewest example questions a topic may have.
const MinExamples = 8

// MaxIDLength bounds ids so that they fit in button payloads (Telegram
// allows 64 bytes of callback data).
const MaxIDLength = 40

// Embedded loads the knowledge base built into the binary.
func Embedded() (*Base, error) {
	files, err := readFS(embedded, "kb")
	if err != nil {
		return nil, err
	}
	return parseFiles(files, time.Now())
}

// EmbeddedFS returns the embedded knowledge-base files, rooted at "kb".
func EmbeddedFS() fs.FS { return embedded }

// Load reads a knowledge base from one or more paths on disk. Each path is
// a YAML file or a folder whose .yaml and .yml files (searched recursively)
// are read in name order; together they form one knowledge base. An
// invalid knowledge base returns an ErrorList naming every problem.
func Load(paths ...string) (*Base, error) { return load(time.Now(), paths...) }

// load is Load at a given time: reviews dated after now are errors.
func load(now time.Time, paths ...string) (*Base, error) {
	if len(paths) == 0 {
		return nil, fmt.Errorf("load knowledge base: no path given")
	}
	var files []namedFile
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("load knowledge base: %w", err)
		}
		if !info.IsDir() {
			data, err := os.ReadFile(p)
			if err != nil {
				return nil, fmt.Errorf("load knowledge base: %w", err)
			}
			files = append(files, namedFile{p, data})
			continue
		}
		dir, err := readFS(os.DirFS(p), ".")
		if err != nil {
			return nil, fmt.Errorf("load knowledge base %s: %w", p, err)
		}
		for _, f := range dir {
			files = append(files, namedFile{filepath.Join(p, filepath.FromSlash(f.name)), f.data})
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("load knowledge base %s: no .yaml files found", strings.Join(paths, ", "))
	}
	return parseFiles(files, now)
}

type namedFile struct {
	name string
	data []byte
}

func readFS(fsys fs.FS, root string) ([]namedFile, error) {
	var files []namedFile
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !(path.Ext(p) == ".yaml" || path.Ext(p) == ".yml") {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		files = append(files, namedFile{p, data})
		return nil
	})
	sort.Slice(files, func(i, j int) bool { return files[i].name < files[j].name })
	return files, err
}

// Parse decodes and validates a knowledge base held in memory, as one file
// with the given name. It is meant for tests and tools.
func Parse(name string, data []byte) (*Base, error) {
	return parseFiles([]namedFile{{name, data}}, time.Now())
}

func parseFiles(files []namedFile, now time.Time) (*Base, error) {
	// Files are decoded side by side (YAML decoding is most of the work of
	// loading a big knowledge base), then combined in name order.
	decoded := make([]*decoder, len(files))
	results := make([]*file, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Go(func() {
			for i := range next {
				decoded[i] = &decoder{file: files[i].name, now: now}
				results[i] = decoded[i].parse(files[i].data)
				results[i].keys()
			}
		})
	}
	// Longest first: the biggest file (the learned screens) would
	// otherwise start last and keep one worker busy after the others end.
	order := make([]int, len(files))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return len(files[b].data) - len(files[a].data) })
	for _, i := range order {
		next <- i
	}
	close(next)
	wg.Wait()
	var errs ErrorList
	var parsed []*file
	for i, d := range decoded {
		errs = append(errs, d.errs...)
		if results[i] != nil {
			parsed = append(parsed, results[i])
		}
	}
	b, more := merge(parsed, files)
	errs = append(errs, more...)
	if len(errs) > 0 {
		errs.sort()
		return nil, errs
	}
	b.index()
	b.Version = version(files)
	return b, nil
}

// version hashes the files' names (without folders, so a copy of the same
// files elsewhere has the same version) and contents.
func version(files []namedFile) string {
	h := sha256.New()
	for _, f := range files {
		fmt.Fprintf(h, "%s\x00%d\x00", path.Base(filepath.ToSlash(f.name)), len(f.data))
		h.Write(f.data)
	}
	return hex.EncodeToString(h.Sum(nil)[:6])
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// merge combines the files into one Base and checks everything that spans
// items: ids, references, duplicates.
func merge(files []*file, names []namedFile) (*Base, ErrorList) {
	v := &validator{}
	b := &Base{}
	var disclaimerAt, welcomeAt, reviewEveryAt Pos
	b.ReviewEvery = DefaultReviewEvery
	for _, f := range files {
		if f.reviewEvery != nil {
			if reviewEveryAt.File != "" {
				v.errorf(f.reviewEveryAt, "review_every is set twice (first at %s): one definition holds for the whole knowledge base", reviewEveryAt)
			}
			b.ReviewEvery, reviewEveryAt = *f.reviewEvery, f.reviewEveryAt
		}
		if f.disclaimer != "" {
			if b.Disclaimer != "" {
				v.errorf(f.disclaimerAt, "disclaimer is set twice (first at %s)", disclaimerAt)
			}
			b.Disclaimer, disclaimerAt = f.disclaimer, f.disclaimerAt
		}
		if f.welcome != "" {
			if b.Welcome != "" {
				v.errorf(f.welcomeAt, "welcome is set twice (first at %s)", welcomeAt)
			}
			b.Welcome, welcomeAt = f.welcome, f.welcomeAt
		}
	}
	first := Pos{File: "knowledge base", Line: 1, Column: 1}
	if len(names) > 0 {
		first.File = names[0].name
	}
	if b.Disclaimer == "" {
		v.errorf(first, "the knowledge base has no disclaimer: add a top-level \"disclaimer:\" to one file")
	}

	sourceAt := map[string]Pos{}
	for _, f := range files {
		for i, s := range f.sources {
			p := f.sourcePos[i]
			v.require(s.Pos, "source", p, "id", "title", "where")
			if n := utf8.RuneCountInString(s.Short); n > MaxShortSource || strings.ContainsAny(s.Short, "\n") {
				v.errorf(p.at("short", 0, s.Pos), "short name of source %q must be one line of at most %d characters (it has %d): members see it under answers", s.ID, MaxShortSource, n)
			} else if p.present["short"] && strings.TrimSpace(s.Short) == "" {
				v.errorf(p.at("short", 0, s.Pos), "short name of source %q is empty: leave it out to show the title", s.ID)
			}
			if v.id(s.ID, p.id, "source", sourceAt) {
				b.Sources = append(b.Sources, s)
			}
		}
	}
	topicAt := map[string]Pos{}
	for _, f := range files {
		for i, t := range f.topics {
			if v.id(t.ID, f.topicPos[i].id, "topic", topicAt) {
				b.Topics = append(b.Topics, t)
			}
		}
	}
	// Red flags and safety situations share one id space: both are named
	// in replies' red_flags and in metrics.
	flagAt := map[string]Pos{}
	for _, f := range files {
		for i, r := range f.flags {
			if v.id(r.ID, f.flagPos[i].id, "red flag", flagAt) {
				b.RedFlags = append(b.RedFlags, r)
			}
		}
		for i, x := range f.safety {
			if v.id(x.ID, f.safetyPos[i].id, "safety item", flagAt) {
				b.Safety = append(b.Safety, x)
			}
		}
	}
	groupAt := map[string]Pos{}
	for _, f := range files {
		for _, g := range f.groups {
			if prev, dup := groupAt[g.Name]; dup {
				v.errorf(g.Pos, "word group %q is defined twice (first at %s)", g.Name, prev)
				continue
			}
			if !idPattern.MatchString(g.Name) {
				v.errorf(g.Pos, "word group name %q must be lower-case letters, digits and dashes", g.Name)
			}
			if len(g.Words) == 0 {
				v.errorf(g.Pos, "word group %q is empty", g.Name)
			}
			groupAt[g.Name] = g.Pos
			b.WordGroups = append(b.WordGroups, g)
		}
	}
	regionAt := map[string]Pos{}
	helplines := map[string]bool{"emergency": true}
	for _, f := range files {
		for i, r := range f.regions {
			p := &f.regionPos[i]
			v.require(r.Pos, "region", *p, "id", "name", "emergency", "sources")
			if v.id(r.ID, p.id, "region", regionAt) {
				b.Regions = append(b.Regions, r)
			}
			for name := range r.Helplines {
				helplines[name] = true
			}
		}
	}

	examples := 0
	for _, f := range files {
		examples += len(f.outOfScope)
		for _, t := range f.topics {
			examples += len(t.Examples)
		}
	}
	// Every example's first owner, to report a repeated one; a map of
	// small values, as a big knowledge base has a great many examples.
	exampleAt := make(map[string]exampleRef, examples)
	var owners []exampleOwner
	for _, f := range files {
		for i, t := range f.topics {
			p := &f.topicPos[i]
			owner := int32(len(owners))
			owners = append(owners, exampleOwner{t.ID, p.list["examples"], t.Pos})
			v.require(t.Pos, "topic", *p, "id", "title", "category", "examples", "answer", "sources")
			if p.present["category"] && !validCategory(t.Category) {
				v.errorf(p.at("category", 0, t.Pos), "category %q is not one of %s", t.Category, categoryList())
			}
			if p.present["answer"] && t.Answer == "" {
				v.errorf(p.answer, "topic %q has an empty answer", t.ID)
			}
			if p.present["examples"] && len(t.Examples) < MinExamples {
				v.errorf(t.Pos, "topic %q has %d example questions; it needs at least %d, phrased in different ways", t.ID, len(t.Examples), MinExamples)
			}
			for j, ex := range t.Examples {
				at := p.at("examples", j, t.Pos)
				key := f.topicKeys[i][j]
				if key == "" {
					v.errorf(at, "empty example question")
					continue
				}
				if ref, dup := exampleAt[key]; dup {
					prev := owners[ref.owner]
					if prev.name == t.ID {
						v.errorf(at, "example %q is repeated in topic %q (first at %s)", ex, t.ID, prev.at(ref.index))
					} else {
						v.errorf(at, "example %q is under two topics, %q (at %s) and %q: the matcher cannot tell them apart", ex, prev.name, prev.at(ref.index), t.ID)
					}
					continue
				}
				exampleAt[key] = exampleRef{owner, int32(j)}
			}
			for j, r := range t.Related {
				if _, ok := topicAt[r]; !ok {
					v.errorf(p.at("related", j, t.Pos), "related topic %q is not defined", r)
				} else if r == t.ID {
					v.errorf(p.at("related", j, t.Pos), "topic %q lists itself as related", r)
				}
			}
			v.sources(t.Sources, p, t.Pos, sourceAt)
			switch {
			case len(t.NotCovered) > 0 && t.NotCoveredNote == "":
				v.errorf(p.at("not_covered", 0, t.Pos), "topic %q lists what its sources do not cover but has no not_covered_note to say so", t.ID)
			case len(t.NotCovered) == 0 && t.NotCoveredNote != "":
				v.errorf(p.at("not_covered_note", 0, t.Pos), "topic %q has a not_covered_note but lists nothing in not_covered", t.ID)
			}
			for j, w := range t.NotCovered {
				if strings.ContainsAny(w, " _") {
					v.errorf(p.at("not_covered", j, t.Pos), "not_covered %q has several words; list each word a question may name (\"osteopath\", \"osteo\")", w)
				}
			}
		}
	}

	var historyAt, askingAt, hesitationAt Pos
	for _, f := range files {
		for i, r := range f.flags {
			p := &f.flagPos[i]
			v.require(r.Pos, "red flag", *p, "id", "title", "level", "triggers", "answer", "sources")
			if p.present["level"] && r.Level != Midwife && r.Level != Emergency {
				v.errorf(p.at("level", 0, r.Pos), "level %q is not %q or %q", r.Level, Midwife, Emergency)
			}
			if p.present["answer"] && r.Answer == "" {
				v.errorf(p.answer, "red flag %q has an empty answer", r.ID)
			}
			v.triggers(r.Triggers, p, r.Pos)
			v.groupRefs(r.Triggers, "triggers", p, r.Pos, groupAt)
			v.groupRefs(r.Unless, "unless", p, r.Pos, groupAt)
			v.patterns(r.Unless, "unless", p, r.Pos)
			v.groupRefs(r.Firm, "firm", p, r.Pos, groupAt)
			v.patterns(r.Firm, "firm", p, r.Pos)
			v.groupRefs(r.Preterm, "preterm", p, r.Pos, groupAt)
			v.patterns(r.Preterm, "preterm", p, r.Pos)
			v.groupRefs(r.Averted, "averted", p, r.Pos, groupAt)
			v.patterns(r.Averted, "averted", p, r.Pos)
			v.groupRefs(r.Explained, "explained", p, r.Pos, groupAt)
			v.patterns(r.Explained, "explained", p, r.Pos)
			for j, a := range r.Averted {
				if near, save, ok := strings.Cut(a, " & "); !ok || strings.TrimSpace(near) == "" || strings.TrimSpace(save) == "" || strings.Contains(save, " & ") {
					v.errorf(p.at("averted", j, r.Pos), "averted %q is not \"near & save\": two parts joined by \" & \"", a)
				}
			}
			for _, f := range [...]struct {
				name string
				ids  []string
			}{{"also_with", r.AlsoWith}, {"reopened_by", r.ReopenedBy}} {
				for j, id := range f.ids {
					if _, ok := flagAt[id]; !ok || id == r.ID {
						v.errorf(p.at(f.name, j, r.Pos), "%s %q is not another red flag or safety item", f.name, id)
					}
				}
			}
			v.placeholders(r.Answer, p.answer, helplines)
			v.sources(r.Sources, p, r.Pos, sourceAt)
		}
		for i, x := range f.safety {
			p := &f.safetyPos[i]
			v.require(x.Pos, "safety item", *p, "id", "title", "kind", "triggers", "answer", "sources")
			if p.present["kind"] && !slices.Contains(SafetyKinds(), x.Kind) {
				v.errorf(p.at("kind", 0, x.Pos), "kind %q is not one of crisis, abuse, loss", x.Kind)
			}
			if p.present["answer"] && x.Answer == "" {
				v.errorf(p.answer, "safety item %q has an empty answer", x.ID)
			}
			v.triggers(x.Triggers, p, x.Pos)
			v.groupRefs(x.Triggers, "triggers", p, x.Pos, groupAt)
			v.groupRefs(x.Firm, "firm", p, x.Pos, groupAt)
			v.patterns(x.Firm, "firm", p, x.Pos)
			v.groupRefs(x.Unless, "unless", p, x.Pos, groupAt)
			v.patterns(x.Unless, "unless", p, x.Pos)
			v.groupRefs(x.Past, "past", p, x.Pos, groupAt)
			v.patterns(x.Past, "past", p, x.Pos)
			v.groupRefs(x.History, "history", p, x.Pos, groupAt)
			v.patterns(x.History, "history", p, x.Pos)
			v.groupRefs(x.ScreenUnless, "screen_unless", p, x.Pos, groupAt)
			v.patterns(x.ScreenUnless, "screen_unless", p, x.Pos)
			v.placeholders(x.Answer, p.answer, helplines)
			if p.present["history_answer"] {
				at := p.at("history_answer", 0, x.Pos)
				switch {
				case x.Kind != Loss:
					v.errorf(at, "safety item %q: history_answer is for a loss only", x.ID)
				case x.HistoryAnswer == "":
					v.errorf(at, "safety item %q has an empty history_answer", x.ID)
				case len(x.HistorySources) == 0:
					v.errorf(at, "safety item %q: history_answer needs history_sources: every answer must name where it comes from", x.ID)
				}
				v.placeholders(x.HistoryAnswer, at, helplines)
			}
			for j, s := range x.HistorySources {
				if _, ok := sourceAt[s]; !ok {
					v.errorf(p.at("history_sources", j, x.Pos), "source %q is not defined in any sources list", s)
				}
			}
			v.sources(x.Sources, p, x.Pos, sourceAt)
		}
		for i, r := range f.regions {
			v.sources(r.Sources, &f.regionPos[i], r.Pos, sourceAt)
		}
		if q := f.asking; q != nil {
			p := &f.askingPos
			for _, field := range []struct {
				name     string
				patterns []string
			}{{"frames", q.Frames}, {"unreal", q.Unreal}, {"disclaimers", q.Disclaimers}, {"disclosures", q.Disclosures}, {"instructions", q.Instructions}} {
				v.groupRefs(field.patterns, field.name, p, q.Pos, groupAt)
				for j, t := range field.patterns {
					if exampleKey(t) == "" {
						v.errorf(p.at(field.name, j, q.Pos), "empty %s pattern", field.name)
					}
				}
			}
			if askingAt.File != "" {
				v.errorf(q.Pos, "asking is defined twice (first at %s)", askingAt)
			} else {
				askingAt, b.Asking = q.Pos, *q
			}
		}
		if h := f.hesitation; h != nil {
			p := &f.hesitationPos
			v.require(h.Pos, "hesitation", *p, "triggers", "answer")
			if p.present["answer"] && h.Answer == "" {
				v.errorf(p.answer, "hesitation has an empty answer")
			}
			v.triggers(h.Triggers, p, h.Pos)
			v.groupRefs(h.Triggers, "triggers", p, h.Pos, groupAt)
			v.placeholders(h.Answer, p.answer, helplines)
			if hesitationAt.File != "" {
				v.errorf(h.Pos, "hesitation is defined twice (first at %s)", hesitationAt)
			} else {
				hesitationAt, b.Hesitation = h.Pos, *h
			}
		}
		if h := f.history; h != nil {
			p := &f.historyPos
			v.require(h.Pos, "history", *p, "past", "settled")
			for _, field := range []struct {
				name     string
				patterns []string
			}{{"past", h.Past}, {"past_after", h.PastAfter}, {"recent", h.Recent}, {"earlier", h.Earlier}, {"now", h.Now},
				{"today", h.Today}, {"visits", h.Visits},
				{"settled", h.Settled}, {"checked", h.Checked}, {"again", h.Again}} {
				v.groupRefs(field.patterns, field.name, p, h.Pos, groupAt)
				for j, t := range field.patterns {
					if exampleKey(t) == "" {
						v.errorf(p.at(field.name, j, h.Pos), "empty %s pattern", field.name)
					}
				}
			}
			if historyAt.File != "" {
				v.errorf(h.Pos, "history is defined twice (first at %s)", historyAt)
			} else {
				historyAt, b.History = h.Pos, *h
			}
		}
		for i, t := range f.topics {
			v.placeholders(t.Answer, f.topicPos[i].answer, helplines)
		}
		for i, c := range f.declines {
			p := &f.declPos[i]
			v.require(c.Pos, "decline", *p, "id", "triggers", "answer")
			if p.present["answer"] && c.Answer == "" {
				v.errorf(p.answer, "decline %q has an empty answer", c.ID)
			}
			v.triggers(c.Triggers, p, c.Pos)
			v.patterns(c.Unless, "unless", p, c.Pos)
			v.placeholders(c.Answer, p.answer, helplines)
			for j, r := range c.Related {
				if _, ok := topicAt[r]; !ok {
					v.errorf(p.at("related", j, c.Pos), "related topic %q is not defined", r)
				}
			}
			b.Declines = append(b.Declines, c)
		}
	}

	// Out-of-scope and small-talk examples share the examples' key space:
	// one wording cannot be both a topic and off-topic.
	for _, f := range files {
		owner := int32(len(owners))
		owners = append(owners, exampleOwner{"out of scope", f.outPos, Pos{}})
		for j, ex := range f.outOfScope {
			at := f.outPos[j]
			key := f.outKeys[j]
			if key == "" {
				v.errorf(at, "empty out-of-scope example")
				continue
			}
			if ref, dup := exampleAt[key]; dup {
				prev := owners[ref.owner]
				v.errorf(at, "out-of-scope example %q is also an example of %q (at %s)", ex, prev.name, prev.at(ref.index))
				continue
			}
			exampleAt[key] = exampleRef{owner, int32(j)}
			b.OutOfScope = append(b.OutOfScope, ex)
		}
	}
	talkAt := map[string]Pos{}
	for _, f := range files {
		for i, x := range f.smallTalk {
			p := &f.talkPos[i]
			v.require(x.Pos, "small talk", *p, "id", "examples", "answer")
			if !v.id(x.ID, p.id, "small talk", talkAt) {
				continue
			}
			owner := int32(len(owners))
			owners = append(owners, exampleOwner{"small talk " + x.ID, p.list["examples"], x.Pos})
			for j, ex := range x.Examples {
				at := p.at("examples", j, x.Pos)
				key := exampleKey(ex)
				if ref, dup := exampleAt[key]; dup && key != "" {
					prev := owners[ref.owner]
					v.errorf(at, "small-talk example %q is also an example of %q (at %s)", ex, prev.name, prev.at(ref.index))
					continue
				}
				exampleAt[key] = exampleRef{owner, int32(j)}
			}
			v.placeholders(x.Answer, p.answer, helplines)
			b.SmallTalk = append(b.SmallTalk, x)
		}
	}

	variantAt := map[string]Pos{}
	for _, f := range files {
		for i, s := range f.synonyms {
			p := &f.synPos[i]
			v.require(s.Pos, "synonym", *p, "word", "also")
			for j, variant := range s.Variants {
				key := exampleKey(variant)
				at := p.at("also", j, s.Pos)
				if key == "" {
					v.errorf(at, "empty synonym")
				} else if prev, dup := variantAt[key]; dup {
					v.errorf(at, "synonym %q is listed twice (first at %s)", variant, prev)
				} else {
					variantAt[key] = at
				}
			}
			b.Synonyms = append(b.Synonyms, s)
		}
	}
	// A screen adds a safety item: it names one, at most once.
	screenAt := map[string]Pos{}
	for _, f := range files {
		for _, x := range f.screens {
			switch _, known := b.SafetyRule(x.Safety); {
			case x.Safety == "":
			case !known:
				v.errorf(x.Pos, "screen names safety item %q, which does not exist", x.Safety)
			case screenAt[x.Safety] != Pos{}:
				v.errorf(x.Pos, "a screen for %q is defined twice (first at %s)", x.Safety, screenAt[x.Safety])
			default:
				screenAt[x.Safety] = x.Pos
				b.Screens = append(b.Screens, x)
			}
		}
	}
	return b, v.errs
}

// exampleOwner is what holds examples: a topic, a file's out-of-scope
// list or a kind of small talk, with where each example was written.
type exampleOwner struct {
	name     string // the topic id, "out of scope" or "small talk <id>"
	pos      []Pos
	fallback Pos
}

// exampleRef is one example: its owner and its place in the owner's list.
type exampleRef struct{ owner, index int32 }

func (o exampleOwner) at(i int32) Pos {
	if int(i) < len(o.pos) {
		return o.pos[i]
	}
	return o.fallback
}

type validator struct{ errs ErrorList }

func (v *validator) errorf(p Pos, format string, args ...any) {
	v.errs = append(v.errs, &Error{Pos: p, Msg: fmt.Sprintf(format, args...)})
}

// require reports each missing field at the item's position.
func (v *validator) require(at Pos, what string, p positions, fields ...string) {
	for _, f := range fields {
		if !p.present[f] {
			v.errorf(at, "%s is missing %q", what, f)
		}
	}
}

// id checks one id and records it; it reports false for a duplicate.
func (v *validator) id(id string, at Pos, what string, seen map[string]Pos) bool {
	if id == "" {
		return true // reported by require
	}
	if !idPattern.MatchString(id) {
		v.errorf(at, "%s id %q must be lower-case letters, digits and dashes, like \"heat-and-ice\"", what, id)
	}
	if len(id) > MaxIDLength {
		v.errorf(at, "%s id %q is longer than %d characters", what, id, MaxIDLength)
	}
	if prev, dup := seen[id]; dup {
		v.errorf(at, "duplicate %s id %q (first defined at %s)", what, id, prev)
		return false
	}
	seen[id] = at
	return true
}

func (v *validator) sources(ids []string, p *positions, at Pos, known map[string]Pos) {
	if p.present["sources"] && len(ids) == 0 {
		v.errorf(at, "sources is empty: every answer must name where it comes from")
	}
	for j, s := range ids {
		if _, ok := known[s]; !ok {
			v.errorf(p.at("sources", j, at), "source %q is not defined in any sources list", s)
		}
	}
}

func (v *validator) triggers(ts []string, p *positions, at Pos) {
	if p.present["triggers"] && len(ts) == 0 {
		v.errorf(at, "triggers is empty")
	}
	for j, t := range ts {
		if exampleKey(t) == "" {
			v.errorf(p.at("triggers", j, at), "empty trigger")
		}
	}
}

// patterns reports every empty pattern of a list such as unless (a
// comment written as a list item, "- # ...", is one).
func (v *validator) patterns(ps []string, field string, p *positions, at Pos) {
	for j, t := range ps {
		if exampleKey(t) == "" {
			v.errorf(p.at(field, j, at), "empty %s pattern", field)
		}
	}
}

// groupRefs reports every {name} in patterns that names no word group.
func (v *validator) groupRefs(patterns []string, field string, p *positions, at Pos, groups map[string]Pos) {
	for j, t := range patterns {
		for _, name := range braced(t) {
			if _, ok := groups[name]; !ok {
				v.errorf(p.at(field, j, at), "word group {%s} is not defined in any word_groups", name)
			}
		}
	}
}

// placeholders reports every {name} in an answer that is neither
// {emergency} nor a helpline some region defines.
func (v *validator) placeholders(answer string, at Pos, helplines map[string]bool) {
	for _, name := range braced(answer) {
		if !helplines[name] {
			v.errorf(at, "{%s} is not {emergency} or a helpline defined in regions", name)
		}
	}
}

// braced returns the names written in braces in s: "{baby} not moving"
// gives ["baby"].
func braced(s string) []string {
	var out []string
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return out
		}
		out = append(out, s[i+1:i+j])
		s = s[i+j+1:]
	}
}

func validCategory(c Category) bool {
	for _, k := range Categories() {
		if c == k {
			return true
		}
	}
	return false
}

func categoryList() string {
	var s []string
	for _, c := range Categories() {
		s = append(s, string(c))
	}
	return strings.Join(s, ", ")
}

// keys makes the duplicate-detection keys of f's examples; f may be nil.
func (f *file) keys() {
	if f == nil {
		return
	}
	f.topicKeys = make([][]string, len(f.topics))
	for i, t := range f.topics {
		f.topicKeys[i] = make([]string, len(t.Examples))
		for j, ex := range t.Examples {
			f.topicKeys[i][j] = exampleKey(ex)
		}
	}
	f.outKeys = make([]string, len(f.outOfScope))
	for j, ex := range f.outOfScope {
		f.outKeys[j] = exampleKey(ex)
	}
}

// exampleKey folds an example question for duplicate detection: case,
// punctuation and spacing do not make two examples different.
func exampleKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return exampleKeySlow(s)
		}
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		default:
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteByte(c)
	}
	return b.String()
}

// exampleKeySlow is exampleKey for text that is not all ASCII.
func exampleKeySlow(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else {
			space = true
		}
	}
	return b.String()
}

// WriteEmbedded writes the embedded knowledge base's files into dir (which
// must not hold files of the same names), as a starting point for a
// knowledge base of one's own.
func WriteEmbedded(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("export knowledge base: %w", err)
	}
	files, err := readFS(embedded, "kb")
	if err != nil {
		return err
	}
	for _, f := range files {
		dst := filepath.Join(dir, path.Base(f.name))
		file, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return fmt.Errorf("export knowledge base: %w", err)
		}
		_, werr := file.Write(f.data)
		if cerr := file.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return fmt.Errorf("export knowledge base: %w", werr)
		}
	}
	return nil
}
