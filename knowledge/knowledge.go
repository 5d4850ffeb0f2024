// Package knowledge holds Backcare's knowledge base: the topics it can
// answer, the red flags that override every answer, the sources they come
// from, and the synonyms the matcher uses. The default knowledge base is
// embedded in the binary (see Embedded); Load reads one from disk.
//
// A knowledge base is written in YAML by people who are not programmers, so
// every problem is reported with file:line:column (see Error).
package knowledge

import (
	"fmt"
	"slices"
)

// Category groups topics the way users ask about them.
type Category string

// The categories a topic may have.
const (
	Cause  Category = "cause"
	Relief Category = "relief"
	Doctor Category = "when-to-see-a-doctor"
	// General covers everything else: how common spasms are, whether they
	// go away, overviews.
	General Category = "general"
)

// Categories returns the valid categories in the order they are presented.
func Categories() []Category { return []Category{Cause, Relief, Doctor, General} }

// Level says whom a red flag tells the user to contact.
type Level string

// The red-flag levels.
const (
	// Midwife: contact the midwife, maternity unit or doctor now.
	Midwife Level = "midwife"
	// Emergency: call the emergency number now.
	Emergency Level = "emergency"
)

// Pos is a position in a knowledge-base file. Line and Column are 1-based.
type Pos struct {
	File   string
	Line   int
	Column int
}

// String formats p as file:line:column.
func (p Pos) String() string { return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column) }

// Base is a loaded, validated knowledge base. It is never modified after
// Load returns, so it is safe to share between goroutines.
type Base struct {
	// Disclaimer is shown on /start, /about and with the first answer in a chat.
	Disclaimer string
	// Welcome introduces the bot on /start.
	Welcome  string
	Sources  []Source
	Topics   []Topic
	RedFlags []RedFlag
	Synonyms []Synonym
	// Declines are questions the bot deliberately does not answer
	// (medicines and doses, for example), with the reply it gives instead.
	Declines []Decline
	// Safety holds the situations beyond danger signs that must be met
	// with care before any topic: crisis, abuse and pregnancy loss.
	Safety []Safety
	// WordGroups name lists of words that triggers refer to in braces,
	// such as {baby} for "baby, she, he, bub, little one".
	WordGroups []WordGroup
	// Regions hold each region's emergency number and helplines, which
	// answers refer to as {emergency} and {helpline-name}.
	Regions []Region
	// OutOfScope are questions the bot must not answer with a topic, above
	// all pregnancy questions that share words with the topics ("is it
	// normal to be constipated"). A message closer to one of these than
	// to any topic gets the fallback.
	OutOfScope []string
	// SmallTalk are greetings, thanks and the like, each with a short reply.
	SmallTalk []SmallTalk
	// History tells a danger sign from the member's past that was checked
	// and settled from one happening now.
	History History
	// Asking tells a question about a danger sign from a report of one.
	Asking Asking
	// Hesitation recognises, right after an urgent reply, a message that
	// doubts or puts off its advice ("do I really need to go in?").
	Hesitation Hesitation
	// Screens are learned models that catch, for a safety item, what its
	// triggers do not list (see Screen).
	Screens []Screen
	// ReviewEvery is how long a review stays valid (review_every;
	// DefaultReviewEvery when the knowledge base does not set it).
	ReviewEvery Period
	// Version identifies the content: a short hash of every file's name
	// and bytes. Reports use it to compare knowledge-base versions.
	Version string

	topics  map[string]int
	sources map[string]int
	flags   map[string]int
}

// Source is where an answer comes from.
type Source struct {
	ID    string
	Title string
	// Where tells a reader how to find the source: a publisher, a web
	// address, or a description. It is for moderators: members see Name.
	Where string
	// Short is how members see the source, under answers and in /about:
	// the title, shortened if need be, and who published it when that
	// helps ("When to call the midwife (University Hospitals Birmingham
	// NHS)"). Optional; the title stands in for it.
	Short string
	Pos   Pos
}

// MaxShortSource bounds a source's short name, in characters: it is
// shown under answers, on a phone's screen.
const MaxShortSource = 80

// Name returns how members see the source: its short name, or its title.
func (s *Source) Name() string {
	if s.Short != "" {
		return s.Short
	}
	return s.Title
}

// Topic is one answerable question.
type Topic struct {
	ID       string
	Title    string
	Category Category
	// Examples are ways users ask the question; the matcher learns from them.
	Examples []string
	// Keywords are extra words that point to this topic.
	Keywords []string
	// Answer is plain text: paragraphs separated by blank lines, bullet
	// lists as lines starting with "- ".
	Answer string
	// Related lists topic ids offered as follow-up buttons.
	Related []string
	// Sources lists source ids the answer is based on.
	Sources []string
	// NotCovered lists what members ask of the topic that its sources do
	// not cover ("massage", "chiropractor"); NotCoveredNote is what the
	// bot says first when a question names one of them ("My sources don't
	// cover massage..."), before the answer itself.
	NotCovered     []string
	NotCoveredNote string
	// Reviewed is the last review of the topic's content; nil if never.
	Reviewed *Review
	Pos      Pos
}

// History describes a danger sign told as settled history: "had spotting
// at 8 weeks, scans since have all been perfect", "fell last month, went
// to triage, all fine and they discharged me". Such a sign raises no alarm
// when its clause places it in the past, a settled pattern follows it and
// no again pattern does (the triage package has the exact rule). All are
// ordered patterns, written like unless patterns.
type History struct {
	// Past patterns place a sign in the past wherever they stand in its
	// clause: "# weeks ago", "last month", "once".
	Past []string
	// PastAfter patterns place it in the past only right after it: "had
	// spotting at 8 weeks", but "I'm at 30 weeks and bleeding".
	PastAfter []string
	// Recent patterns place it in the last few days ("yesterday", "on
	// Sunday"): then only a Checked pattern settles it.
	Recent []string
	// Earlier patterns place it in an earlier pregnancy ("with my first"):
	// that settles it by itself.
	Earlier []string
	// Now patterns in its clause place it in the present: "now", "again".
	Now []string
	// Today patterns in its clause place it in the present too ("this
	// morning", "2 hours ago"), unless a Visits pattern before the sign in
	// its clause tells when she was seen for it: then it is as recent as
	// yesterday, and settled once checked ("went to MAU this morning with
	// tightenings, monitored 2 hours, all Braxton Hicks").
	Today []string
	// Visits patterns tell of being seen for a sign: "went to triage with",
	// "saw the midwife about".
	Visits []string
	// Settled patterns say it was checked and is over: "checked all fine",
	// "discharged", "nothing since".
	Settled []string
	// Checked patterns say a clinician checked it: "checked everything,
	// all fine", "discharged me".
	Checked []string
	// Again patterns say it has come back: "again", "started again".
	Again []string
	Pos   Pos
}

// Asking describes a danger sign that is asked about, not reported: "what
// counts as reduced movements?", "how do you tell a contraction from a
// spasm?", "I keep dreaming my waters break". All are ordered patterns,
// written like unless patterns; the triage package has the exact rule.
type Asking struct {
	// Frames introduce a question about a sign: "what counts as", "how do
	// you tell", "difference between".
	Frames []string
	// Unreal introduce a sign that is not happening: "dreams about", "what
	// if", "in case".
	Unreal []string
	// Disclaimers say the member has no such sign: "just curious", "not
	// having any", "mine is kicking fine".
	Disclaimers []string
	// Disclosures say that the sign asked about, or told of someone
	// else, is the member's own: "asking for myself", "that mother is
	// me", "ok it's me".
	Disclosures []string
	// Instructions introduce what she was told to ring about: "call if",
	// "what to ring about:", "they gave us a card:". A sign in a list of
	// three or more that follows one is advice, not news.
	Instructions []string
	Pos          Pos
}

// Hesitation is what, right after an urgent reply, doubts or puts off its
// advice: "do I really need to go in?", "I feel fine though", "can it
// wait till the morning?". Such a message gets Answer and the urgent
// guidance again, instead of a cheerful acknowledgement. Triggers work
// like red-flag triggers; they are read only right after an urgent reply.
type Hesitation struct {
	Triggers []string
	Answer   string
	Pos      Pos
}

// Screen is a small learned model for one safety item: a logistic
// regression over a message's lemmas and pairs of adjacent lemmas, learned
// from labelled messages by "backcare kb train-screen". Triggers name what
// moderators know; a screen catches what members say in other words
// ("I've written letters to each of the kids, just in case"). A screen
// only adds its item to a message; it never takes one away.
type Screen struct {
	// Safety is the id of the safety item (crisis, abuse, loss) it adds.
	Safety string
	// Bias is the log-odds before any word is read; the screen fires when
	// the log-odds reach Threshold.
	Bias, Threshold float64
	// Weights map one lemma ("hopeless") or two adjacent lemmas of one
	// clause, space-separated ("not wake"), to what each adds to the
	// log-odds.
	Weights map[string]float64
	// TrainedOn says what the model was learned from.
	TrainedOn string
	Pos       Pos
}

// RedFlag is a danger sign. When a message describes one, its answer is
// given at once, before and instead of anything else.
type RedFlag struct {
	ID    string
	Title string
	Level Level
	// Triggers are short phrases. A message triggers the flag when all the
	// words of one phrase appear close together and are not negated
	// ("no bleeding"). Words are compared after stemming and synonyms, so
	// "bleeding" also catches "bleed" and "bled" needs its own trigger.
	Triggers []string
	// Unless lists patterns that cancel a trigger match they overlap:
	// idioms ("fell pregnant"), reassurances ("{baby} still kicking"),
	// other people ("{others} fell").
	Unless []string
	// Firm are triggers that no unless pattern cancels: a sign told so
	// fully that none of the flag's idioms or other senses can explain it
	// away ("sudden stabbing pain in my back that won't stop", where
	// "back pain" alone is ordinary). Negation, history and someone
	// else's sign still count, as for every trigger.
	Firm []string
	// Preterm are triggers for a sign only before 37 weeks: a new dull
	// low backache, a period-like ache or pressure in the pelvis can be
	// preterm labour, and at term they are how the body gets ready
	// (RED_FLAGS.md). They fire nothing when the message gives her weeks,
	// as today's, only as 37 or more ("39+4 and period-type aches on and
	// off"); with no weeks given, or any under 37, they fire as triggers.
	Preterm []string
	// From20Weeks marks a sign that counts only from 20 weeks, when the
	// baby's movements are felt: it fires nothing when the message gives
	// her weeks today, beyond doubt, only as under 20 ("16 weeks and
	// haven't felt the baby move yet"), as preterm triggers do, unless it
	// tells of movements that had begun and changed ("felt her every day
	// but since yesterday nothing").
	From20Weeks bool
	// BeforeBirth marks a sign of the pregnancy itself (her waters,
	// contractions, the baby's movements): it fires nothing when the
	// message tells that she has had her baby and names no pregnancy now
	// ("5 weeks pp, the cramps when LO latches are like mini contractions",
	// "my LO kicked me right on the scar"; see analyze.Born).
	BeforeBirth bool
	// Lochia marks the bleeding sign: after the birth, bleeding told with
	// nothing fresh about it (no red, clots, heaviness or return: "4 weeks
	// pp and my bleeding is mostly brown and light now") is the lochia of
	// every birth, no sign.
	Lochia bool
	// Show marks the bleeding sign: at term (her weeks 37 or more) or
	// after a sweep or an internal examination, with no weeks or months
	// under 37 weeks told, mucus tinged pink or brown with nothing fresh
	// about it ("pinkish-brown mucus after my sweep, midwife said to
	// expect that") is a show, no sign; fresh red, bleeding, a period's
	// flow, pads, clots or more still fire.
	Show bool
	// Averted lists near misses told with their save, as "near & save":
	// "slipped|tripped|stumbled & caught_myself|stayed_upright". A match
	// that the near part overlaps, or that follows it at once ("almost
	// fell | down the stairs"), fires nothing when the save follows later
	// in its sentence: "my foot slipped on the bath mat but I grabbed the
	// towel rail". A blow, a landing or a kept time told anywhere else in
	// the sentence undoes the save ("grabbed the counter but went down
	// anyway"; see triage.Set.impactIn), and a part of a " & " trigger is
	// never averted.
	Averted []string
	// Explained lists what explains a sign away when it is named before
	// the sign in its sentence, even where it does not overlap it: "the
	// ceiling is leaking into the bathroom and there's water dripping
	// everywhere", "burst pipe in the loft, water pouring through the
	// light". The member's own words end it: a first person between the
	// two, or in the sign ("the tap was running and I felt a gush", "the
	// roof is leaking and my waters went"), keep the sign. It also
	// explains a sign when it names what the sign was at the start of the
	// next sentence: "red all over my hands and the floor... it's paint",
	// "turned out to be beetroot"; never a likeness ("like paint").
	Explained []string
	// AlsoWith names red flags or safety items that, when they fire, make
	// this flag's matches that an unless pattern cancelled fire too: "he
	// kicked me in the stomach" in a message about abuse is no baby's kick.
	AlsoWith []string
	// ReopenedBy names red flags that, when one fires after a recent match
	// of this flag that was checked and settled, make this flag fire
	// again: "rear ended on Tuesday, checked, all fine. Today I've started
	// spotting" is the accident's sign too.
	ReopenedBy []string
	Answer     string
	Sources    []string
	// Reviewed is the last review of the red flag; nil if never.
	Reviewed *Review
	Pos      Pos
}

// AllTriggers returns the flag's triggers followed by its firm and its
// preterm ones, in the order triage numbers them (see triage.Finding).
func (r RedFlag) AllTriggers() []string {
	return slices.Concat(r.Triggers, r.Firm, r.Preterm)
}

// AllTriggers returns the item's triggers followed by its firm ones, in
// the order triage numbers them (see triage.Finding).
func (x Safety) AllTriggers() []string {
	return append(slices.Clip(x.Triggers), x.Firm...)
}

// SafetyKind is the kind of a safety situation.
type SafetyKind string

// The safety kinds.
const (
	// Crisis: thoughts of suicide, self-harm or harming the baby. Urgent.
	Crisis SafetyKind = "crisis"
	// Abuse: violence, threats or coercive control at home. Urgent, and
	// answered discreetly: no buttons that repeat the subject.
	Abuse SafetyKind = "abuse"
	// Loss: miscarriage, stillbirth, a baby who has died. Not urgent by
	// itself; met with a kind acknowledgement, and the chat is offered
	// no pregnancy content for a while unless she asks.
	Loss SafetyKind = "loss"
)

// SafetyKinds returns the valid kinds.
func SafetyKinds() []SafetyKind { return []SafetyKind{Crisis, Abuse, Loss} }

// Urgent reports whether replies of this kind tell the user to get help now.
func (k SafetyKind) Urgent() bool { return k == Crisis || k == Abuse }

// Safety is a situation that must be met with care before any topic is
// answered. Its triggers work like red-flag triggers.
type Safety struct {
	ID       string
	Title    string
	Kind     SafetyKind
	Triggers []string
	// Firm are triggers that no unless pattern cancels, as a red flag's
	// are: a wish to die insisted on ("I'd rather die than go through
	// labour, and I don't mean that in a funny way") is no hyperbole.
	Firm   []string
	Unless []string
	// Past lists patterns that, anywhere in a match's sentence, make it
	// history rather than news: a loss "back in 2020", "two years ago",
	// "pregnant again". Unlike unless patterns they need not overlap it.
	Past []string
	// History lists patterns that, like unless patterns, cancel a match
	// they overlap, and tell that it is the member's own history, before
	// this pregnancy: "after my miscarriage last year", "lost our first",
	// "pregnant again after two losses". For a loss, HistoryAnswer meets
	// her.
	History []string
	// ScreenUnless lists patterns that, anywhere in a message and not
	// negated, tell that it is not this situation whatever a learned
	// screen reads into it: for a loss, a baby born alive ("had my baby 6
	// weeks ago", "my 3 week old"). The screen stays silent; the
	// triggers still fire.
	ScreenUnless []string
	Answer       string
	// HistoryAnswer, for a loss only, is what the bot says to a member
	// pregnant again who tells of an earlier loss (a match settled by a
	// Past pattern) and asks nothing it has an answer for: "after my
	// miscarriage last year I'm terrified every twinge means something".
	// Its first paragraph opens a topic answer to such a member.
	HistoryAnswer string
	// HistorySources name where the history answer comes from.
	HistorySources []string
	Sources        []string
	// Reviewed is the last review of the safety item; nil if never.
	Reviewed *Review
	Pos      Pos
}

// OthersGroup names the word group of people who are not the pregnant
// member (toddler, husband, coworker): triage reads a sign told of one of
// them as theirs, and the matcher a question for one of them as out of
// scope. Each member is one word.
const OthersGroup = "others"

// AbuserGroup names the word group of the people who may harm the member
// (partner, ex, in-laws). Triage reads one of them standing inside an
// unless match, after its subject, as the one who acts: in "her partner
// kicked her" the baby kicks nobody.
const AbuserGroup = "abuser"

// CarerGroup names the word group of the member's carers (midwife, GP,
// physio). Triage reads a "he" or "she" that follows one, with nothing
// told between them, as the carer: "saw the midwife about my back, she
// checked everything" is no partner checking everything. Each member is
// one word.
const CarerGroup = "carer"

// ThingsGroup names the word group of things that fall, drop and smash
// (phone, mug, picture frame): triage reads one of them standing as the
// subject of a sign's words as no sign of hers, "phone fell in the
// toilet", unless it came down on her ("a box fell on my bump"). Each
// member is one word.
const ThingsGroup = "things"

// WordGroup is a named list of words that triggers refer to as {name}.
type WordGroup struct {
	Name  string
	Words []string
	Pos   Pos
}

// Region holds one region's emergency number and helplines.
type Region struct {
	ID string
	// Name is how answers name the region: "the UK", "the US".
	Name string
	// Emergency is the emergency number: "999".
	Emergency string
	// Helplines maps a helpline's name, as answers refer to it in braces
	// ({crisis-line}), to its text: "Samaritans on 116 123, free, day or night".
	Helplines map[string]string
	Sources   []string
	Pos       Pos
}

// SmallTalk is one kind of small talk: greetings, thanks, an "ok", a
// goodbye, or an acknowledgement after an urgent reply.
type SmallTalk struct {
	ID       string
	Examples []string
	Answer   string
	// AfterUrgent marks the acknowledgement of an urgent reply ("ok,
	// calling them now"): it is recognised only right after one.
	AfterUrgent bool
	// AfterLoss marks the answer to small talk right after she told of a
	// pregnancy loss: gentle, with nothing about pregnancy.
	AfterLoss bool
	Pos       Pos
}

// Synonym maps variant words and phrases to one canonical word, so that
// "hot water bottle" and "heating pad" both mean "heat".
type Synonym struct {
	Word     string
	Variants []string
	Pos      Pos
}

// Decline is a kind of question the bot will not answer, such as which
// medicine to take, with the honest reply it gives instead.
type Decline struct {
	ID       string
	Triggers []string
	// Unless lists patterns that cancel a trigger match they overlap, as
	// for red flags: "Chinese medicine clinic" is no medicine to decline.
	Unless []string
	Answer string
	// Related lists topics offered as buttons after the answer; the first
	// is what a follow-up ("so what can I do instead?") is read against.
	Related []string
	Pos     Pos
}

// Topic returns the topic with the given id.
func (b *Base) Topic(id string) (*Topic, bool) {
	i, ok := b.topics[id]
	if !ok {
		return nil, false
	}
	return &b.Topics[i], true
}

// Source returns the source with the given id.
func (b *Base) Source(id string) (*Source, bool) {
	i, ok := b.sources[id]
	if !ok {
		return nil, false
	}
	return &b.Sources[i], true
}

// RedFlag returns the red flag with the given id.
func (b *Base) RedFlag(id string) (*RedFlag, bool) {
	i, ok := b.flags[id]
	if !ok {
		return nil, false
	}
	return &b.RedFlags[i], true
}

// EachPhrase calls f with every phrase the knowledge base teaches the
// matcher and triage: topic titles, examples and keywords, and trigger
// phrases. Analyzers learn their vocabulary from it. example is true for
// the sentences written as members would write them (topic titles,
// examples and keywords, off-topic and small-talk examples), false for
// triggers, patterns and word groups, which are written on purpose.
func (b *Base) EachPhrase(f func(text string, example bool)) {
	each := func(example bool, lists ...[]string) {
		for _, l := range lists {
			for _, t := range l {
				f(t, example)
			}
		}
	}
	for _, t := range b.Topics {
		f(t.Title, true)
		each(true, t.Examples, t.Keywords)
	}
	each(true, b.OutOfScope)
	for _, st := range b.SmallTalk {
		each(true, st.Examples)
	}
	for _, r := range b.RedFlags {
		each(false, r.Triggers, r.Firm, r.Preterm, r.Unless, r.Averted, r.Explained)
	}
	for _, d := range b.Declines {
		each(false, d.Triggers, d.Unless)
	}
	for _, x := range b.Safety {
		each(false, x.Triggers, x.Firm, x.Unless, x.History, x.Past, x.ScreenUnless)
	}
	for _, g := range b.WordGroups {
		each(false, g.Words)
	}
	h, q := b.History, b.Asking
	each(false, h.Past, h.PastAfter, h.Recent, h.Earlier, h.Now, h.Today, h.Visits, h.Settled, h.Checked, h.Again,
		q.Frames, q.Unreal, q.Disclaimers, q.Disclosures, q.Instructions, b.Hesitation.Triggers)
}

// Groups returns the word groups as a map from name to words.
func (b *Base) Groups() map[string][]string {
	m := make(map[string][]string, len(b.WordGroups))
	for _, g := range b.WordGroups {
		m[g.Name] = g.Words
	}
	return m
}

// SafetyRule returns the safety situation with the given id.
func (b *Base) SafetyRule(id string) (*Safety, bool) {
	for i := range b.Safety {
		if b.Safety[i].ID == id {
			return &b.Safety[i], true
		}
	}
	return nil, false
}

// Region returns the region with the given id.
func (b *Base) Region(id string) (*Region, bool) {
	for i := range b.Regions {
		if b.Regions[i].ID == id {
			return &b.Regions[i], true
		}
	}
	return nil, false
}

// TopicsIn returns the topics of one category in file order.
func (b *Base) TopicsIn(c Category) []*Topic {
	var out []*Topic
	for i := range b.Topics {
		if b.Topics[i].Category == c {
			out = append(out, &b.Topics[i])
		}
	}
	return out
}

func (b *Base) index() {
	b.topics = make(map[string]int, len(b.Topics))
	for i, t := range b.Topics {
		if _, dup := b.topics[t.ID]; !dup {
			b.topics[t.ID] = i
		}
	}
	b.sources = make(map[string]int, len(b.Sources))
	for i, s := range b.Sources {
		if _, dup := b.sources[s.ID]; !dup {
			b.sources[s.ID] = i
		}
	}
	b.flags = make(map[string]int, len(b.RedFlags))
	for i, f := range b.RedFlags {
		if _, dup := b.flags[f.ID]; !dup {
			b.flags[f.ID] = i
		}
	}
}
