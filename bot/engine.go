package bot

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/backcare/backcare/knowledge"
)

// MaxInput is the most characters of a message the engine reads; the rest
// is cut before matching.
const MaxInput = 4096

// Button payload prefixes.
const (
	payloadTopic   = "topic:"
	payloadCommand = "cmd:"
)

// TopicPayload returns the button payload that opens a topic.
func TopicPayload(id string) string { return payloadTopic + id }

// Options configure an Engine. Zero fields take sensible defaults.
type Options struct {
	Thresholds Thresholds
	// Contexts keeps per-chat context; default: in memory, 30 minutes.
	Contexts ContextStore
	// Limiter limits messages per user; default: in memory, a burst of 6
	// then one every 3 seconds.
	Limiter Limiter
	// Locker, if set, serialises each chat across replicas.
	Locker ChatLocker
	// Observe, if set, is called after every handled message (metrics).
	Observe func(Message, Reply, time.Duration)
	// Region selects the emergency number and helplines shown (a region id
	// of the knowledge base, such as "uk"); "" shows every region.
	Region string
	// HelpContact, if set, is a person members can turn to: a Telegram
	// username ("@GroupMods"), a URL, or a short text. It is shown in
	// /help, after 👎 and with the fallback (see feedback.go).
	HelpContact string
}

// Engine turns Messages into Replies. It is safe for concurrent use, and
// its knowledge base can be replaced while it runs (Swap).
type Engine struct {
	brain    atomic.Pointer[brain]
	th       Thresholds
	contexts ContextStore
	limiter  Limiter
	locker   ChatLocker
	observe  func(Message, Reply, time.Duration)
	region   string
	contact  string
}

// brain is one knowledge base with its classifier and prepared answers.
// It is replaced whole, never modified.
type brain struct {
	kb         *knowledge.Base
	cls        Classifier
	disclaimer string
	answers    map[string][]Block   // red-flag or safety id -> answer blocks
	parts      map[string][][]Block // topic id -> its answer in parts that fit a phone's screen
	sources    map[string]Block     // topic id -> "Source: ..." notice
	sourceIDs  map[string][]string  // red-flag or safety id -> its source ids
	safety     map[string]safetyInfo
	hesitation []Block // opens the urgent guidance again for a member who doubts it
	reviewed   string  // what /about says about the content's review
	// titleWords are each topic's title words, stemmed, that a member
	// types for its button (see typedButton).
	titleWords map[string][]string
	// history are the safety items' answers to a loss told as history
	// (knowledge.Safety.HistoryAnswer), by id.
	history map[string][]Block
}

// safetyInfo is what the engine needs to know of a red flag or safety item.
type safetyInfo struct {
	title    string
	kind     Kind // KindUrgent, KindCrisis, KindAbuse or KindLoss
	urgent   bool
	severity int // lower comes first
}

// NewEngine returns an engine answering from kb with cls.
func NewEngine(kb *knowledge.Base, cls Classifier, opts Options) *Engine {
	e := &Engine{th: opts.Thresholds, contexts: opts.Contexts, limiter: opts.Limiter, locker: opts.Locker, observe: opts.Observe, region: opts.Region, contact: opts.HelpContact}
	if e.th == (Thresholds{}) {
		e.th = DefaultThresholds()
	}
	if e.contexts == nil {
		e.contexts = NewMemoryContexts(30 * time.Minute)
	}
	if e.limiter == nil {
		e.limiter = NewMemoryLimiter(3*time.Second, 6)
	}
	e.Swap(kb, cls)
	return e
}

// Swap atomically replaces the knowledge base and classifier. Messages
// being handled finish with the old ones.
func (e *Engine) Swap(kb *knowledge.Base, cls Classifier) {
	br := &brain{kb: kb, cls: cls, disclaimer: kb.Localize(kb.Disclaimer, e.region),
		answers: map[string][]Block{}, parts: make(map[string][][]Block, len(kb.Topics)),
		sources: make(map[string]Block, len(kb.Topics)), safety: map[string]safetyInfo{},
		sourceIDs: make(map[string][]string, len(kb.RedFlags)+len(kb.Safety)),
		reviewed:  reviewNote(kb.Reviews()), titleWords: make(map[string][]string, len(kb.Topics)),
		hesitation: ParseBlocks(kb.Localize(kb.Hesitation.Answer, e.region))}
	for _, t := range kb.Topics {
		blocks := ParseBlocks(kb.Localize(t.Answer, e.region))
		br.sources[t.ID] = sourceNotice(kb, t.Sources)
		br.titleWords[t.ID] = titleWords(t.Title)
		if keepWhole(t.Category) {
			br.parts[t.ID] = [][]Block{blocks}
		} else {
			br.parts[t.ID] = paginate(t.Title, blocks, br.sources[t.ID])
		}
	}
	// Safety replies (danger signs, crisis, abuse, loss) are never cut.
	// Severity: crisis, then abuse, then emergency danger signs, then the
	// others, then loss (which acknowledges after any urgent guidance).
	for i, f := range kb.RedFlags {
		br.answers[f.ID] = ParseBlocks(kb.Localize(f.Answer, e.region))
		br.sourceIDs[f.ID] = f.Sources
		sev := 2000 + i
		if f.Level == knowledge.Emergency {
			sev = 1000 + i
		}
		br.safety[f.ID] = safetyInfo{title: f.Title, kind: KindUrgent, urgent: true, severity: sev}
	}
	for i, x := range kb.Safety {
		br.answers[x.ID] = ParseBlocks(kb.Localize(x.Answer, e.region))
		br.sourceIDs[x.ID] = x.Sources
		info := safetyInfo{title: x.Title, urgent: x.Kind.Urgent()}
		switch x.Kind {
		case knowledge.Crisis:
			info.kind, info.severity = KindCrisis, i
		case knowledge.Abuse:
			info.kind, info.severity = KindAbuse, 100+i
		default:
			info.kind, info.severity = KindLoss, 3000+i
		}
		br.safety[x.ID] = info
		if x.HistoryAnswer != "" {
			if br.history == nil {
				br.history = map[string][]Block{}
			}
			br.history[x.ID] = append(ParseBlocks(kb.Localize(x.HistoryAnswer, e.region)), sourceNotice(kb, x.HistorySources))
		}
	}
	e.brain.Store(br)
}

// keepWhole reports whether answers of a category are shown whole,
// however long: "when to see a doctor" answers list the danger signs and
// say when to call the emergency number, which must never wait behind a
// button.
func keepWhole(c knowledge.Category) bool { return c == knowledge.Doctor }

// Knowledge returns the knowledge base in use.
func (e *Engine) Knowledge() *knowledge.Base { return e.brain.Load().kb }

// sourceNotice names the sources of an answer the way members see them:
// each source's short name (knowledge.Source.Name), never the moderators'
// notes of where to find it.
func sourceNotice(kb *knowledge.Base, ids []string) Block {
	var names []string
	for _, id := range ids {
		if s, ok := kb.Source(id); ok {
			names = append(names, s.Name())
		}
	}
	label := "Source: "
	if len(names) > 1 {
		label = "Sources: "
	}
	return Block{Kind: Notice, Text: label + strings.Join(names, "; ")}
}

// Handle answers one message. It never returns an error: state-store
// failures degrade to a reply without context, and a Reply of KindNone
// means the adapter should stay silent.
func (e *Engine) Handle(ctx context.Context, m Message) Reply {
	start := time.Now()
	var comment *Feedback
	r := e.handle(ctx, m, &comment)
	e.decorate(m, &r, comment)
	r.KnowledgeVersion = e.brain.Load().kb.Version
	if e.observe != nil {
		e.observe(m, r, time.Since(start))
	}
	return r
}

func (e *Engine) handle(ctx context.Context, m Message, comment **Feedback) Reply {
	if !m.Addressed {
		return Reply{Kind: KindNone}
	}
	br := e.brain.Load()
	key := conversationKey(m)
	if e.locker != nil {
		if unlock, err := e.locker.Lock(ctx, key); err == nil {
			defer unlock()
		}
	}
	cc, _ := e.contexts.Load(ctx, key) // a failing store means no context, not no answer
	*comment = e.takeComment(ctx, key, &cc, m)

	switch {
	case m.Edited && (m.Payload != "" || m.Command != "" && m.Command != CmdAsk || m.NonText):
		return Reply{Kind: KindNone} // only an edit's words are read, for danger signs
	case m.Payload != "":
		return e.payload(ctx, br, key, &cc, m)
	case m.Command != "" && m.Command != CmdAsk:
		return e.command(ctx, br, key, &cc, m.Command, m.Arg)
	case m.NonText:
		return info(Block{Kind: Paragraph, Text: "I can only read text messages. Type your question about back spasms in pregnancy, or use /help."})
	}
	text := m.Text
	if m.Command == CmdAsk {
		text = m.Arg
	}
	text = clip(text, MaxInput)
	if strings.TrimSpace(text) == "" {
		return e.help(br, m.Command == CmdAsk)
	}

	c := br.cls.Classify(text, cc.LastTopic)
	c.Continues = cc.LastTopic != "" && cc.LossAt.IsZero()
	if len(c.Safety) == 1 && br.safety[c.Safety[0]].kind == KindLoss && recent(cc.LossAt) {
		// She told of her loss a moment ago and was met with care: her
		// next words ("thank you, I'll ring the bereavement midwife") are
		// answered as they are, not met with the same reply again.
		c.Safety = nil
	}
	if len(c.Safety) > 0 {
		r := e.safety(br, c.Safety)
		if m.Edited && !r.Urgent {
			return Reply{Kind: KindNone} // an edit is read for danger signs only
		}
		if r.Urgent {
			cc.UrgentAt, cc.Urgent = time.Now(), r.RedFlags
		}
		for _, id := range r.Safety {
			if br.safety[id].kind == KindLoss {
				cc.LossAt = time.Now()
			}
		}
		_ = e.contexts.Save(ctx, key, cc)
		return r // never rate-limited: safety first
	}
	if m.Edited {
		return Reply{Kind: KindNone} // an edit without a danger sign was answered already
	}
	if !e.allow(ctx, m) {
		if time.Since(cc.WarnedAt) < time.Minute {
			return Reply{Kind: KindNone}
		}
		cc.WarnedAt = time.Now()
		_ = e.contexts.Save(ctx, key, cc)
		return Reply{Kind: KindRateLimited, Blocks: []Block{{Kind: Paragraph,
			Text: "You're sending messages faster than I can keep up with. Please wait a few seconds and ask again. If you have bleeding, leaking fluid, regular tightenings or your baby is moving less, contact your midwife or maternity unit now."}}}
	}
	if hesitates(c, cc) {
		// "do I really need to go in?", "I feel fine though": the urgent
		// guidance again, never a cheerful "you're doing the right thing".
		return e.remind(ctx, br, key, &cc)
	}
	smallTalk := func(id string) Reply {
		if urgentBefore(cc) && !doing(text) && !acks(text) && hasWords(text) {
			// "im only 33 weeks", "he says it's my fault": right after
			// an urgent reply, a statement that is no acknowledgement
			// tells more of her situation. The guidance again, never
			// "you're doing the right thing".
			return e.retell(ctx, br, key, &cc)
		}
		return e.smallTalk(br, id, &cc)
	}
	switch {
	case c.Empty && hasSymbols(text):
		if hasWords(text) {
			return smallTalk(listening) // "37 weeks btw"
		}
		return e.smallTalk(br, "ok", &cc) // "👍"
	case c.Empty:
		return e.help(br, false)
	case c.Decline != "" && !(recent(cc.DeclinedAt) && asksInstead(text)):
		// (Right after a decline, "what else can I do instead of tablets"
		// names the tablets only to ask for what helps: see below.)
		return e.decline(ctx, br, key, &cc, c.Decline)
	case acknowledges(text, c, cc):
		if c.SmallTalk.Confidence > 0 {
			return smallTalk(c.SmallTalk.TopicID)
		}
		return smallTalk(listening)
	case c.FollowUp && !(recent(cc.DeclinedAt) && cc.More == "" && asksInstead(text)):
		// (Right after a decline, "ok what else then" asks what helps
		// instead, not for the next topic: see below. After that answer,
		// which leaves more to tell, it asks for more.)
		return e.followUp(ctx, br, key, &cc)
	}
	if id, ok := typedButton(br, &cc, text); ok && !urgentBefore(cc) && !(c.SmallTalk.TopicID == "thanks" && c.SmallTalk.Confidence >= 1 && !c.Asks) {
		// "sleeping", "the belt one": she typed a button's words
		// instead of pressing it. Not thanks that asks nothing: "ok
		// that helps" names no "What helps" button.
		return e.answer(ctx, br, key, &cc, id, 1)
	}
	if c.Asks && !c.Shares && recent(cc.DeclinedAt) && cc.LastTopic != "" && !cc.LossAt.After(cc.DeclinedAt) && !urgentBefore(cc) && asksInstead(text) {
		// "ok so what can I take then?", "fine, what would help without
		// pills" right after a medicine was declined: what helps (the
		// relief overview), whatever the question's few words lean to;
		// after a declined diagnosis too ("can you tell me if it's a
		// slipped disc?" ... "fair enough. so what can I do instead?").
		instead := cc.LastTopic
		if ts := br.kb.TopicsIn(knowledge.Relief); len(ts) > 0 {
			instead = ts[0].ID
		}
		r := e.answer(ctx, br, key, &cc, instead, 0)
		r.Guesses = c.Candidates
		return r
	}
	if c.Unhelped && !c.Shares && cc.LossAt.IsZero() && !urgentBefore(cc) && !(c.Question && len(c.Candidates) > 0 &&
		c.Candidates[0].Confidence >= e.th.Answer && c.Candidates[0].TopicID != cc.LastTopic) {
		// "ugh I already tried that", "it only helps for an hour" after
		// a way to ease the pain: the other ways (the relief overview);
		// after the overview itself, when to see her midwife or doctor.
		// Not when she asks about something else ("tried heat, didn't
		// help, what about a TENS?").
		if next, ok := afterUnhelped(br.kb, cc.LastTopic); ok {
			r := e.answer(ctx, br, key, &cc, next, 0)
			r.Blocks = append([]Block{{Kind: Paragraph, Text: unhelpedLead}}, r.Blocks...)
			r.Guesses = c.Candidates
			return r
		}
	}
	if cc.LastTopic != "" && cc.LossAt.IsZero() && !urgentBefore(cc) && asksAgain(text) &&
		!(e.th.Decide(c) == DecideAnswer && c.Candidates[0].TopicID != cc.LastTopic) {
		// "sorry can you say that again but shorter, I'm half asleep",
		// "tldr? yes or no": the last answer's first screen again, never
		// "Sorry, I don't have an answer".
		r := e.answer(ctx, br, key, &cc, cc.LastTopic, 0)
		r.Blocks = append([]Block{{Kind: Paragraph, Text: againLead}}, r.Blocks...)
		return r
	}
	if cc.LastTopic != "" && cc.LossAt.IsZero() && !urgentBefore(cc) && correctsWeeks(text) {
		// "sorry meant 31 weeks not 13, fat fingers": she put her weeks
		// right; the last answer again (the answers do not depend on the
		// weeks), never "Sorry" or a chat reply.
		return e.answer(ctx, br, key, &cc, cc.LastTopic, 0)
	}
	if c.SmallTalk.Confidence > 0 && c.SmallTalk.Confidence < 1 && !strings.Contains(text, "?") &&
		(len(c.Candidates) == 0 || c.Candidates[0].Confidence < ackMaxConfidence) {
		// A short statement with small talk in it and no clear topic
		// ("haha same 😂", "back from my midwife appt, all good"): reply in
		// kind, never with a guess or "Sorry, I don't have an answer".
		if r, ok := afterLoss(br, c, cc); ok {
			return r // "after my miscarriage last year I'm terrified every twinge means something. 14 weeks"
		}
		return smallTalk(c.SmallTalk.TopicID)
	}
	var r Reply
	switch e.th.Decide(c) {
	case DecideSmallTalk:
		if r, ok := afterLoss(br, c, cc); ok {
			return r
		}
		return smallTalk(c.SmallTalk.TopicID)
	case DecideAnswer:
		id := c.Candidates[0].TopicID
		again := id == cc.LastTopic
		r = e.answer(ctx, br, key, &cc, id, c.Candidates[0].Confidence)
		if lead, ok := afterLoss(br, c, cc); ok && len(lead.Blocks) > 0 {
			// "we lost our first at 20 weeks and I'm so scared, my back
			// aches": a kind word first, then her answer.
			r.Blocks = append([]Block{lead.Blocks[0]}, r.Blocks...)
		}
		if t, ok := br.kb.Topic(id); ok && t.NotCoveredNote != "" && slices.Contains(c.NotCovered, id) {
			// "is a massage ok?": the sources say nothing of massage, and
			// the answer says so before what they do recommend.
			r.Blocks = append([]Block{{Kind: Paragraph, Text: t.NotCoveredNote}}, r.Blocks...)
		} else if again {
			// "for how long each time?" right after the heat-pack answer:
			// say so rather than repeat it as if it were new.
			r.Blocks = append([]Block{{Kind: Paragraph, Text: sameAgain}}, r.Blocks...)
		}
	case DecideClarify:
		r = e.clarify(br, c.Candidates)
	default:
		if urgentBefore(cc) {
			// A question the bot cannot answer, a moment after an urgent
			// reply, is most likely about the emergency ("what if they
			// send me home again"): the guidance again, not "Sorry"; a
			// statement tells more of it ("been like that an hour and
			// getting stronger").
			if !c.Asks {
				return e.retell(ctx, br, key, &cc)
			}
			return e.remind(ctx, br, key, &cc)
		}
		if r, ok := afterLoss(br, c, cc); ok {
			// Pregnant again after a loss, and worried, with nothing
			// the bot answers: care, never "Sorry" or a passing word.
			return r
		}
		if !c.Asks && c.OffTopic < listenMaxOffTopic || c.Shares {
			// A statement that asks nothing and names no other subject
			// ("happy Friday all 🎉", "my cat is asleep on my bump"):
			// a friendly word and what the bot can do, never "Sorry".
			return smallTalk(listening)
		}
		r = e.fallback(br, c.Candidates)
	}
	r.Guesses = c.Candidates
	return r
}

// afterLoss returns the reply to a member who tells of an earlier loss
// (a safety item with a history answer, told as history: see
// Classification.History), unless the chat already told of a loss now.
func afterLoss(br *brain, c Classification, cc ChatContext) (Reply, bool) {
	if !cc.LossAt.IsZero() {
		return Reply{}, false
	}
	for _, id := range c.History {
		if blocks, ok := br.history[id]; ok {
			return Reply{Kind: KindAfterLoss, Blocks: slices.Clip(blocks), Confidence: 1}, true
		}
	}
	return Reply{}, false
}

// unhelpedLead opens the answer to a member whose last tip did not help.
const unhelpedLead = "I'm sorry that hasn't helped enough."

// afterUnhelped returns the topic to offer when what the last topic
// suggested did not help: the relief overview after a way to ease the
// pain, the first topic on when to see a doctor after the overview
// itself. ok is false after any other topic.
func afterUnhelped(kb *knowledge.Base, last string) (string, bool) {
	relief := kb.TopicsIn(knowledge.Relief)
	if len(relief) == 0 || !slices.ContainsFunc(relief, func(t *knowledge.Topic) bool { return t.ID == last }) {
		return "", false
	}
	if last != relief[0].ID {
		return relief[0].ID, true
	}
	if doctor := kb.TopicsIn(knowledge.Doctor); len(doctor) > 0 {
		return doctor[0].ID, true
	}
	return "", false
}

// sameAgain opens an answer to a follow-up that the last answer already
// covers as far as the sources go.
const sameAgain = "My sources don't go further than this on it, so here it is again. Your midwife or doctor can tell you more for your own situation."

// conversationKey identifies a conversation: a chat, or one thread of it.
func conversationKey(m Message) string {
	if m.Thread != "" {
		return m.Platform + ":" + m.ChatID + "/" + m.Thread
	}
	return m.Platform + ":" + m.ChatID
}

func (e *Engine) allow(ctx context.Context, m Message) bool {
	ok, err := e.limiter.Allow(ctx, m.Platform+":"+m.UserID)
	return ok || err != nil // a failing limiter must not silence the bot
}

// clip cuts s to at most n characters (runes), on a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

func (e *Engine) payload(ctx context.Context, br *brain, key string, cc *ChatContext, m Message) Reply {
	switch {
	case strings.HasPrefix(m.Payload, payloadTopic):
		id := strings.TrimPrefix(m.Payload, payloadTopic)
		if _, ok := br.kb.Topic(id); ok {
			return e.answer(ctx, br, key, cc, id, 1)
		}
	case strings.HasPrefix(m.Payload, payloadMore):
		if id, part, n, ok := parseMore(m.Payload); ok {
			if part < len(br.parts[id]) {
				return e.more(ctx, br, key, cc, id, part, n)
			}
			if _, ok := br.kb.Topic(id); ok { // the answer changed since: show it afresh
				return e.answer(ctx, br, key, cc, id, 1)
			}
		}
	case strings.HasPrefix(m.Payload, payloadCommand):
		return e.command(ctx, br, key, cc, strings.TrimPrefix(m.Payload, payloadCommand), "")
	case strings.HasPrefix(m.Payload, payloadFeedback):
		return e.feedback(ctx, br, key, cc, m)
	}
	// A button from an older knowledge base, or a forged payload.
	return e.help(br, false)
}

func info(blocks ...Block) Reply { return Reply{Kind: KindInfo, Blocks: blocks} }

func (e *Engine) command(ctx context.Context, br *brain, key string, cc *ChatContext, cmd, arg string) Reply {
	switch cmd {
	case CmdStart:
		if _, ok := br.kb.Topic(arg); ok { // a deep link ("Continue privately") opens its topic
			return e.answer(ctx, br, key, cc, arg, 1)
		}
		r := info(Block{Kind: Paragraph, Text: br.kb.Welcome}, Block{Kind: Notice, Text: br.disclaimer})
		r.Buttons = categoryButtons()
		cc.DisclaimerShown = true
		_ = e.contexts.Save(ctx, key, *cc)
		return r
	case CmdAbout:
		var items []string
		for i := range br.kb.Sources {
			items = append(items, br.kb.Sources[i].Name())
		}
		return info(
			Block{Kind: Paragraph, Text: "Backcare answers questions about back spasms in pregnancy from these sources:"},
			Block{Kind: Bullets, Items: items},
			Block{Kind: Paragraph, Text: br.reviewed},
			Block{Kind: Notice, Text: br.disclaimer},
		)
	case CmdCauses:
		return e.category(ctx, br, key, cc, knowledge.Cause)
	case CmdTips:
		return e.category(ctx, br, key, cc, knowledge.Relief)
	case CmdDoctor:
		return e.category(ctx, br, key, cc, knowledge.Doctor)
	case CmdHello:
		return e.hello(br, arg)
	default:
		return e.help(br, false)
	}
}

// reviewNote says, in a line or two for a phone, when the content was last
// reviewed and by whom, how much of it, or plainly that it never was.
func reviewNote(s knowledge.ReviewSummary) string {
	if s.Reviewed == 0 {
		return "This content has not been reviewed by a midwife or doctor yet."
	}
	by := s.By[0]
	switch {
	case len(s.By) == 2:
		by += " and " + s.By[1]
	case len(s.By) > 2:
		by += ", " + s.By[1] + " and others"
	}
	note := "Last reviewed on " + s.Last.Format("2 January 2006") + " by " + by + "."
	if s.Reviewed < s.Total {
		note += fmt.Sprintf(" %d of %d answers have been reviewed so far.", s.Reviewed, s.Total)
	}
	return note
}

// category answers the category's first topic (its overview) and offers
// the others as buttons, after "Tell me more" if the overview is in parts.
func (e *Engine) category(ctx context.Context, br *brain, key string, cc *ChatContext, c knowledge.Category) Reply {
	topics := br.kb.TopicsIn(c)
	if len(topics) == 0 {
		return e.help(br, false)
	}
	r := e.answer(ctx, br, key, cc, topics[0].ID, 1)
	r.Buttons = slices.DeleteFunc(r.Buttons, func(b Button) bool { return !strings.HasPrefix(b.Payload, payloadMore) })
	for _, t := range topics[1:] {
		r.Buttons = append(r.Buttons, Button{Label: t.Title, Payload: TopicPayload(t.ID)})
	}
	return r
}

func categoryButtons() []Button {
	return []Button{
		{Label: "What causes back spasms", Payload: payloadCommand + CmdCauses},
		{Label: "What helps", Payload: payloadCommand + CmdTips},
		{Label: "When to call a doctor", Payload: payloadCommand + CmdDoctor},
	}
}

func (e *Engine) help(br *brain, ask bool) Reply {
	text := "Ask me about back spasms in pregnancy in your own words, for example \"what helps back spasms?\", \"why does my lower back cramp?\" or \"when should I call my midwife?\". You can also pick a subject below."
	if ask {
		text = "Type your question after /ask, for example: /ask what helps back spasms?"
	}
	r := info(Block{Kind: Paragraph, Text: text})
	r.Buttons = categoryButtons()
	return r
}

// safety answers the danger signs and safety situations found, most
// severe first: crisis, abuse, emergency danger signs, other danger signs,
// and a loss acknowledgement last. Safety replies carry no buttons: a
// member in crisis or grieving is not offered pregnancy topics, and abuse
// is answered discreetly.
func (e *Engine) safety(br *brain, ids []string) Reply {
	ordered := append([]string(nil), ids...)
	slices.SortStableFunc(ordered, func(a, b string) int { return br.safety[a].severity - br.safety[b].severity })
	r := Reply{Kind: KindLoss, Safety: ordered, Confidence: 1}
	for _, id := range ordered {
		info := br.safety[id]
		if info.urgent {
			r.Urgent = true
			r.RedFlags = append(r.RedFlags, id)
			if r.Kind == KindLoss {
				r.Kind = info.kind // the most severe urgent kind
			}
		}
	}
	for _, id := range ordered {
		title := br.safety[id].title
		if br.safety[id].urgent {
			title = "⚠️ " + title
		}
		r.Blocks = append(r.Blocks, Block{Kind: Heading, Text: title})
		r.Blocks = append(r.Blocks, br.answers[id]...)
	}
	// One source line for all of them, each source named once.
	var sources []string
	for _, id := range ordered {
		for _, s := range br.sourceIDs[id] {
			if !slices.Contains(sources, s) {
				sources = append(sources, s)
			}
		}
	}
	r.Blocks = append(r.Blocks, sourceNotice(br.kb, sources))
	return r
}

// remind gives the chat's last urgent guidance again, opened with the
// knowledge base's answer to hesitation, to a member who doubts it or
// asks what the bot cannot answer right after it.
func (e *Engine) remind(ctx context.Context, br *brain, key string, cc *ChatContext) Reply {
	r := e.safety(br, cc.Urgent)
	r.Blocks = append(slices.Clip(br.hesitation), r.Blocks...)
	cc.UrgentAt = time.Now()
	_ = e.contexts.Save(ctx, key, *cc)
	return r
}

// ackWords say "ok" or "thanks" in so many words.
var ackWords = map[string]bool{"ok": true, "okay": true, "okey": true, "k": true, "kk": true, "thanks": true, "thank": true,
	"ta": true, "cheers": true, "thx": true, "ty": true, "right": true, "alright": true, "sure": true, "will": true,
	"bye": true, "yes": true, "yep": true, "understood": true, "noted": true, "hi": true, "hello": true}

// acks reports whether text says "ok" or "thanks" in so many words: the
// small-talk classifier alone finds "thanks" in "it won't ease off at all".
func acks(text string) bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) })
	for i, w := range words {
		if ackWords[w] && !willAsks(words, i) {
			return true
		}
	}
	return false
}

// willAsks reports whether words[i] is a "will" that asks, its subject
// after it: "will my back hurt the whole way through", "will it stop".
func willAsks(words []string, i int) bool {
	return words[i] == "will" && i+1 < len(words) && asksOf[words[i+1]]
}

// retellPreface opens the urgent guidance again when she tells more of
// her situation right after it.
const retellPreface = "Thank you for telling me. What you described still needs help now:"

// retell gives the urgent guidance again, after a statement that tells
// more of her situation (see handle).
func (e *Engine) retell(ctx context.Context, br *brain, key string, cc *ChatContext) Reply {
	r := e.safety(br, cc.Urgent)
	r.Blocks = append([]Block{{Kind: Paragraph, Text: retellPreface}}, r.Blocks...)
	cc.UrgentAt = time.Now()
	_ = e.contexts.Save(ctx, key, *cc)
	return r
}

// decline answers a question the bot will not answer (a medicine) and
// offers the decline's related topics; a follow-up is read against the
// first of them.
func (e *Engine) decline(ctx context.Context, br *brain, key string, cc *ChatContext, id string) Reply {
	for _, d := range br.kb.Declines {
		if d.ID != id {
			continue
		}
		r := Reply{Kind: KindDecline, Fallback: true, Blocks: ParseBlocks(br.kb.Localize(d.Answer, e.region))}
		for _, rel := range d.Related {
			if t, ok := br.kb.Topic(rel); ok {
				r.Buttons = append(r.Buttons, Button{Label: t.Title, Payload: TopicPayload(rel)})
			}
		}
		if len(d.Related) > 0 {
			cc.LastTopic = d.Related[0]
			cc.DeclinedAt = time.Now()
			cc.More, cc.MorePart, cc.MoreRating = "", 0, "" // no answer before the decline to go on with
			_ = e.contexts.Save(ctx, key, *cc)
		}
		if len(r.Buttons) == 0 {
			r.Buttons = categoryButtons()
		}
		return r
	}
	return e.help(br, false)
}

// answer shows a topic's answer, or its first part when it is too long
// for a phone's first screen (see FirstScreen), with a "Tell me more"
// button to the next part before the related topics.
func (e *Engine) answer(ctx context.Context, br *brain, key string, cc *ChatContext, id string, conf float64) Reply {
	t, _ := br.kb.Topic(id)
	parts := br.parts[id]
	r := Reply{Kind: KindAnswer, TopicID: id, Confidence: conf}
	r.Blocks = append(r.Blocks, Block{Kind: Heading, Text: t.Title})
	r.Blocks = append(r.Blocks, parts[0]...)
	r.Blocks = append(r.Blocks, br.sources[id])
	cc.More, cc.MorePart, cc.MoreRating = "", 0, ""
	if len(parts) > 1 {
		r.rating = nonce()
		r.Buttons = append(r.Buttons, Button{Label: MoreLabel, Payload: morePayload(id, 1, r.rating)})
		cc.More, cc.MorePart, cc.MoreRating = id, 1, r.rating
	}
	e.finishAnswer(ctx, br, key, cc, t, &r)
	return r
}

// more shows part of a topic's answer (part ≥ 1), after "Tell me more";
// n is the answer's feedback nonce, which this part's 👍 and 👎 share.
func (e *Engine) more(ctx context.Context, br *brain, key string, cc *ChatContext, id string, part int, n string) Reply {
	t, _ := br.kb.Topic(id)
	parts := br.parts[id]
	r := Reply{Kind: KindMore, TopicID: id, Confidence: 1, rating: n}
	r.Blocks = append(r.Blocks, Block{Kind: Heading, Text: continuedTitle(t.Title)})
	r.Blocks = append(r.Blocks, parts[part]...)
	r.Blocks = append(r.Blocks, br.sources[id])
	cc.More, cc.MorePart, cc.MoreRating = "", 0, ""
	if part+1 < len(parts) {
		r.Buttons = append(r.Buttons, Button{Label: MoreLabel, Payload: morePayload(id, part+1, n)})
		cc.More, cc.MorePart, cc.MoreRating = id, part+1, n
	}
	e.finishAnswer(ctx, br, key, cc, t, &r)
	return r
}

// finishAnswer adds what every part of an answer carries (the disclaimer
// with a chat's first answer, the related topics) and remembers the topic.
func (e *Engine) finishAnswer(ctx context.Context, br *brain, key string, cc *ChatContext, t *knowledge.Topic, r *Reply) {
	if !cc.DisclaimerShown {
		r.Blocks = append(r.Blocks, Block{Kind: Notice, Text: br.disclaimer})
		cc.DisclaimerShown = true
	}
	if cc.LossAt.IsZero() { // after a loss, answer what she asks, and push nothing more
		for _, rel := range related(br.kb, t) {
			if rt, ok := br.kb.Topic(rel); ok {
				r.Buttons = append(r.Buttons, Button{Label: rt.Title, Payload: TopicPayload(rel)})
			}
		}
	}
	cc.LastTopic = t.ID
	if i := slices.Index(cc.Shown, t.ID); i < 0 || r.Kind == KindAnswer {
		cc.Shown = append(cc.Shown, t.ID)
	}
	if len(cc.Shown) > maxShown {
		cc.Shown = cc.Shown[len(cc.Shown)-maxShown:]
	}
	_ = e.contexts.Save(ctx, key, *cc)
}

// followUp answers "tell me more": the rest of the last answer if it was
// shown in part, else the next related topic not yet shown.
func (e *Engine) followUp(ctx context.Context, br *brain, key string, cc *ChatContext) Reply {
	if cc.More != "" && cc.More == cc.LastTopic && cc.MorePart > 0 && cc.MorePart < len(br.parts[cc.More]) {
		return e.more(ctx, br, key, cc, cc.More, cc.MorePart, cc.MoreRating)
	}
	if t, ok := br.kb.Topic(cc.LastTopic); ok {
		for _, rel := range t.Related {
			if _, ok := br.kb.Topic(rel); ok && !slices.Contains(cc.Shown, rel) {
				return e.answer(ctx, br, key, cc, rel, 1)
			}
		}
		r := info(Block{Kind: Paragraph, Text: "That's everything I have on " + lowerFirst(t.Title) + ". You can ask something else, or pick a subject below."})
		r.Buttons = categoryButtons()
		return r
	}
	r := info(Block{Kind: Paragraph, Text: "What would you like to know more about? Ask me a question, or pick a subject below."})
	r.Buttons = categoryButtons()
	return r
}

func (e *Engine) clarify(br *brain, cs []Candidate) Reply {
	r := Reply{Kind: KindClarify, Confidence: cs[0].Confidence,
		Blocks: []Block{{Kind: Paragraph, Text: "I'm not sure which of these you mean. Please pick one:"}}}
	for i, c := range cs {
		if i > 0 && (c.Confidence < e.th.Answer || cs[0].Confidence-c.Confidence >= e.th.Margin) {
			break
		}
		t, _ := br.kb.Topic(c.TopicID)
		r.Buttons = append(r.Buttons, Button{Label: t.Title, Payload: TopicPayload(c.TopicID)})
	}
	return r
}

func (e *Engine) fallback(br *brain, cs []Candidate) Reply {
	r := Reply{Kind: KindFallback, Fallback: true, Blocks: []Block{
		{Kind: Paragraph, Text: "Sorry, I don't have an answer to that. I only know about back spasms and back pain in pregnancy: their causes, what relieves them, and when to call a midwife or doctor. For anything else, please ask your midwife or doctor."},
	}}
	if len(cs) > 0 {
		r.Confidence = cs[0].Confidence
	}
	r.Buttons = categoryButtons()
	return r
}

// afterSafety is how long after an urgent or loss reply a short statement
// is read as her answer to it (see acknowledges).
const afterSafety = 10 * time.Minute

// maxAckWords bounds an acknowledgement: "right, partner is getting the car,
// calling the labour ward on the way".
const maxAckWords = 20

// recent reports whether t is within afterSafety of now.
func recent(t time.Time) bool { return !t.IsZero() && time.Since(t) < afterSafety }

// acknowledges reports whether text, right after an urgent or loss reply,
// is her answer to it ("ok dialling 999", "staff are calling someone",
// "thank you, out of hours GP it is") rather than a new question: a short
// statement, no question mark, that names no topic clearly.
func acknowledges(text string, c Classification, cc ChatContext) bool {
	if !recent(cc.UrgentAt) && !recent(cc.LossAt) || c.Question || len(strings.Fields(text)) > maxAckWords {
		return false
	}
	return len(c.Candidates) == 0 || c.Candidates[0].Confidence < ackMaxConfidence || doing(text)
}

// hesitates reports whether a message, right after an urgent reply (not
// a loss), doubts or puts off its advice in the knowledge base's
// hesitation words: "do I really need to go in?", "I feel fine though".
func hesitates(c Classification, cc ChatContext) bool {
	return c.Hesitant && urgentBefore(cc)
}

// urgentBefore reports whether the chat had an urgent reply a moment
// ago, with no loss told since.
func urgentBefore(cc ChatContext) bool {
	return recent(cc.UrgentAt) && len(cc.Urgent) > 0 && !cc.LossAt.After(cc.UrgentAt)
}

// asksInstead reports whether a short question asks only what to do or
// take instead, naming nothing of its own: "ok so what can I take then?",
// "what would help without pills", "what i can do instead of it?"; not
// "piles in 3rd tri, what helps".
func asksInstead(text string) bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	if len(words) == 0 || len(words) > maxInsteadWords {
		return false
	}
	asks := false
	for _, w := range words {
		switch {
		case insteadAsks[w]:
			asks = true
		case !insteadFiller[w]:
			return false
		}
	}
	return asks
}

// correctsWeeks reports whether a short message only puts her weeks right:
// a correction cue, a number, and nothing else but weeks and fillers
// ("sorry meant 31 weeks not 13, fat fingers 🙈", "oops 31 wks*").
func correctsWeeks(text string) bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' })
	if len(words) == 0 || len(words) > maxInsteadWords || strings.Contains(text, "?") {
		return false
	}
	cue, number := strings.Contains(text, "*"), false
	for _, w := range words {
		switch {
		case w[0] >= '0' && w[0] <= '9':
			number = true
		case correctionCues[w]:
			cue = true
		case !weekWords[w] && !insteadFiller[w]:
			return false
		}
	}
	return cue && number
}

// asksAgain reports whether a short message asks for the last answer
// again, or shorter: "say that again but shorter", "tldr? yes or no",
// "too long didn't read".
func asksAgain(text string) bool {
	lower := strings.ToLower(text)
	words := strings.FieldsFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	if len(words) == 0 || len(words) > maxAgainWords {
		return false
	}
	if strings.Contains(lower, "too long") || strings.Contains(lower, "yes or no") || strings.Contains(lower, "tl;dr") {
		return true
	}
	say, again := false, false
	for _, w := range words {
		if againCues[w] {
			return true
		}
		say = say || w == "say" || w == "explain"
		again = again || w == "again"
	}
	return say && again // "say that again", not "pasta AGAIN lol"
}

// maxAgainWords is the longest message asksAgain reads.
const maxAgainWords = 14

// againCues ask for the last answer again or shorter.
var againCues = wordSet("repeat", "shorter", "tldr", "summary", "summarise", "summarize", "simpler", "recap")

// againLead opens the last answer given again (see asksAgain).
const againLead = "Here it is again, the main points first."

// correctionCues say a message puts the last one right; weekWords may
// stand in it with the number.
var (
	correctionCues = wordSet("sorry", "meant", "mean", "typo", "oops", "oopsie", "fingers", "thumbs", "autocorrect", "correction", "sry", "soz")
	weekWords      = wordSet("weeks", "week", "wks", "wk", "w", "not", "fat", "i", "lol", "haha", "x", "obviously", "actually")
)

// maxInsteadWords is the longest question asksInstead reads.
const maxInsteadWords = 10

// insteadAsks ask what to do or take instead; insteadFiller are the other
// words such a question may hold.
var (
	insteadAsks = wordSet("take", "use", "do", "help", "helps", "instead", "else", "then", "without", "alternative", "alternatives",
		"non", "try", "options", "ideas", "tips", "suggestions")
	insteadFiller = wordSet("ok", "okay", "so", "fine", "right", "well", "hmm", "oh", "ugh", "urgh", "argh", "meh", "sigh", "damn",
		"dang", "boo", "bummer", "shame", "oof", "gosh", "i", "i'm", "me", "my", "we", "you", "it",
		"that", "this", "what", "which", "how", "can", "could", "would", "should", "will", "is", "are", "there", "anything",
		"something", "nothing", "at", "all", "of", "for", "the", "a", "an", "to", "understand", "see", "thanks", "thank",
		"pills", "tablets", "medicine", "medicines", "meds", "painkillers", "natural", "naturally", "else", "about", "any",
		"if", "not", "can't", "cant", "just", "really", "safe", "safely", "actually", "lol", "haha", "fair", "enough", "yeah",
		"alright", "medical", "medication", "drug", "drugs", "free", "other", "option", "idea", "ways", "way", "things", "thing",
		"am", "supposed", "meant", "allowed", "permitted", "gonna", "else's", "then", "isnt", "isn't", "aren't", "arent", "dont", "don't", "involve",
		"involves", "involving", "mean", "means", "fair", "enough", "right", "please", "now")
)

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// doing reports whether a statement says what she is doing about it:
// "ok calling the labour ward now", "on our way", "partner's driving me in".
func doing(text string) bool {
	text = strings.ToLower(text)
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	for i, w := range words {
		if i+1 < len(words) && worsening[words[i+1]] {
			continue // "getting stronger", "going worse": news, not what she is doing
		}
		if willAsks(words, i) {
			continue // "will my back hurt the whole way through": a question, not a plan
		}
		switch w {
		case "calling", "ringing", "phoning", "dialling", "dialing", "heading", "driving", "leaving", "going", "called", "rang", "phoned",
			"sitting", "lying", "resting", "waiting", "packing", "getting", "call", "ring", "phone", "go", "contact", "book",
			"will", "ill", "i'll", "we'll", "gonna", "ambulance", "paramedics", "taking", "booked", "en":
			return true
		}
	}
	return strings.Contains(text, "on my way") || strings.Contains(text, "on our way") || strings.Contains(text, "on the way") ||
		strings.Contains(text, "come in") || strings.Contains(text, "coming in") || strings.Contains(text, "going in") ||
		strings.HasSuffix(strings.TrimRight(text, " .!"), " it is") // "out of hours GP it is"
}

// asksOf are the subjects after "will" that make it ask: "will my back
// hurt", "will it stop", "will the baby be ok".
var asksOf = map[string]bool{"my": true, "it": true, "the": true, "this": true, "that": true, "they": true, "she": true,
	"he": true, "baby": true, "there": true, "you": true, "i": true, "her": true, "his": true, "these": true}

// worsening are the words after "getting" or "going" that tell of the
// sign, not of what she is doing about it.
var worsening = map[string]bool{"stronger": true, "worse": true, "closer": true, "more": true, "bigger": true,
	"heavier": true, "longer": true, "harder": true, "sorer": true, "painful": true, "frequent": true, "faster": true}

// listening is the kind of small talk that answers a statement that asks
// nothing (see Classification.Asks).
const listening = "listening"

// listenMaxOffTopic is the highest off-topic probability at which a
// statement is answered in kind; above it, where the off-topic examples
// say plainly what it is about ("heartburn every night"), the bot says
// what it knows about instead. Chosen on the tune split: small talk
// 147 -> 157 of 166, off-topic 548 -> 547 of 584.
const listenMaxOffTopic = 0.95

// ackMaxConfidence: a topic this clear is a question even without a
// question mark ("ok and what helps the back pain").
const ackMaxConfidence = 0.6

// smallTalk answers a greeting, thanks, an "ok" or a goodbye. Right
// after an urgent reply, any of these is an acknowledgement ("ok, calling
// them now"), answered kindly without repeating the urgent guidance;
// right after a loss, gently, with nothing about pregnancy.
func (e *Engine) smallTalk(br *brain, id string, cc *ChatContext) Reply {
	afterLoss := !cc.LossAt.IsZero() && cc.LossAt.After(cc.UrgentAt)
	afterUrgent := !afterLoss && !cc.UrgentAt.IsZero()
	for _, st := range br.kb.SmallTalk {
		switch {
		case afterLoss && st.AfterLoss || afterUrgent && st.AfterUrgent:
			id = st.ID
		case st.ID == id && (st.AfterLoss && !afterLoss || st.AfterUrgent && !afterUrgent):
			id = "ok" // "ok calling them now" with no urgent reply before it
		}
	}
	for _, st := range br.kb.SmallTalk {
		if st.ID == id {
			return Reply{Kind: KindSmallTalk, Blocks: ParseBlocks(br.kb.Localize(st.Answer, e.region))}
		}
	}
	return info(Block{Kind: Paragraph, Text: "OK. Ask me anything about back spasms in pregnancy."})
}

// hasWords reports whether s holds a letter or a digit.
func hasWords(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// hasSymbols reports whether s holds anything but spaces and punctuation,
// such as an emoji.
func hasSymbols(s string) bool {
	for _, r := range s {
		if unicode.IsSymbol(r) || unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || n == 0 {
		return s
	}
	return strings.ToLower(s[:n]) + s[n:]
}
