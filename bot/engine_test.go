package bot_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/match"
	"github.com/backcare/backcare/knowledge"
)

func newEngine(t testing.TB, opts bot.Options) *bot.Engine {
	t.Helper()
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return bot.NewEngine(kb, match.Must(match.New(kb)), opts)
}

func msg(text string) bot.Message {
	return bot.Message{Platform: "test", ChatID: "c1", UserID: "u1", Addressed: true, Text: text}
}

func TestCommands(t *testing.T) {
	eng := newEngine(t, bot.Options{})
	ctx := context.Background()
	tests := []struct {
		cmd, arg  string
		kind      bot.Kind
		contains  string
		topic     string
		buttonsGE int
	}{
		{bot.CmdStart, "", bot.KindInfo, "not medical advice", "", 3},
		{bot.CmdHelp, "", bot.KindInfo, "in your own words", "", 3},
		{bot.CmdAbout, "", bot.KindInfo, "University Hospitals Birmingham", "", 0},
		{bot.CmdCauses, "", bot.KindAnswer, "Weight gain", "causes-overview", 3},
		{bot.CmdTips, "", bot.KindAnswer, "Ice or heat packs", "relief-overview", 10},
		{bot.CmdDoctor, "", bot.KindAnswer, "chronic, persistent or excruciating", "when-to-see-doctor", 2},
		{bot.CmdAsk, "what helps back spasms", bot.KindAnswer, "", "relief-overview", 1},
		{bot.CmdAsk, "", bot.KindInfo, "/ask", "", 3},
		{"frobnicate", "", bot.KindInfo, "in your own words", "", 3},
	}
	for _, tt := range tests {
		m := bot.Message{Platform: "test", ChatID: "cmd-" + tt.cmd + tt.arg, UserID: "u", Addressed: true, Command: tt.cmd, Arg: tt.arg}
		r := eng.Handle(ctx, m)
		if r.Kind != tt.kind || r.TopicID != tt.topic || !strings.Contains(r.PlainText(), tt.contains) || len(r.Buttons) < tt.buttonsGE {
			t.Errorf("/%s %s: kind %s topic %q buttons %d, text:\n%s", tt.cmd, tt.arg, r.Kind, r.TopicID, len(r.Buttons), r.PlainText())
		}
	}
}

// TestCauseOffersWhatHelps: an answer about why it happens offers what
// helps as a way forward, besides its related topics.
func TestCauseOffersWhatHelps(t *testing.T) {
	eng := newEngine(t, bot.Options{})
	r := eng.Handle(context.Background(), msg("why does my upper back hurt between my shoulder blades"))
	if r.TopicID != "upper-back-causes" {
		t.Fatalf("topic = %q", r.TopicID)
	}
	if !slices.ContainsFunc(r.Buttons, func(b bot.Button) bool { return b.Payload == bot.TopicPayload("relief-overview") }) {
		t.Errorf("what helps not offered after a cause: %+v", r.Buttons)
	}
}

func TestAnswerNamesSourceAndDisclaimerOnce(t *testing.T) {
	eng := newEngine(t, bot.Options{})
	ctx := context.Background()
	kb := eng.Knowledge()
	first := eng.Handle(ctx, msg("can i use a heating pad on my back"))
	if first.TopicID != "ice-and-heat" {
		t.Fatalf("topic = %q", first.TopicID)
	}
	text := first.PlainText()
	disclaimer := kb.Localize(kb.Disclaimer, "")
	if !strings.Contains(text, "Source: Back spasm causes and treatments (pregnancy health article)") || !strings.Contains(text, disclaimer) {
		t.Errorf("first answer lacks source or disclaimer:\n%s", text)
	}
	if len(first.Buttons) == 0 || !strings.HasPrefix(first.Buttons[0].Payload, "topic:") {
		t.Errorf("related topics not offered as buttons: %+v", first.Buttons)
	}
	second := eng.Handle(ctx, msg("is a firm mattress better"))
	if strings.Contains(second.PlainText(), disclaimer) {
		t.Error("disclaimer repeated on the second answer in the same chat")
	}
}

// TestSourcesAreCompact: members see each source's short name, never the
// moderators' notes of where to find it ("source text 1 of the Backcare
// project"), under answers, safety replies and in /about.
func TestSourcesAreCompact(t *testing.T) {
	eng := newEngine(t, bot.Options{})
	ctx := context.Background()
	kb := eng.Knowledge()
	tests := []struct {
		name string
		m    bot.Message
		want string
	}{
		{"topic", msg("what shoes should I wear"), "Sources: Back spasm remedies (pregnancy health article); Back spasm causes and treatments (pregnancy health article)"},
		{"danger sign", msg("I'm bleeding"), "Sources: When to call the midwife (University Hospitals Birmingham NHS); Urgent maternal warning signs (ACOG)"},
		{"about", bot.Message{Command: bot.CmdAbout}, "• Back spasm remedies (pregnancy health article)"},
	}
	for i, tt := range tests {
		m := tt.m
		m.Platform, m.ChatID, m.UserID, m.Addressed = "test", fmt.Sprint("sources-", i), "u", true
		text := eng.Handle(ctx, m).Text()
		if !strings.Contains(text, tt.want) {
			t.Errorf("%s: want %q in:\n%s", tt.name, tt.want, text)
		}
		if strings.Contains(text, "source text") {
			t.Errorf("%s: shows the moderators' notes:\n%s", tt.name, text)
		}
		for _, s := range kb.Sources {
			if strings.Contains(text, s.Where) && !strings.Contains(s.Short, s.Where) {
				t.Errorf("%s: shows where of %s (%q):\n%s", tt.name, s.ID, s.Where, text)
			}
		}
	}
}

func TestButtonPayloadOpensTopic(t *testing.T) {
	eng := newEngine(t, bot.Options{})
	r := eng.Handle(context.Background(), bot.Message{Platform: "test", ChatID: "b", UserID: "u", Addressed: true, Payload: bot.TopicPayload("tens")})
	if r.Kind != bot.KindAnswer || r.TopicID != "tens" || r.Confidence != 1 {
		t.Fatalf("got %s %s %v", r.Kind, r.TopicID, r.Confidence)
	}
	r = eng.Handle(context.Background(), bot.Message{Platform: "test", ChatID: "b", UserID: "u", Addressed: true, Payload: "topic:../../etc/passwd"})
	if r.Kind != bot.KindInfo {
		t.Errorf("forged payload gave %s", r.Kind)
	}
}

func TestUrgentStandsAlone(t *testing.T) {
	eng := newEngine(t, bot.Options{})
	r := eng.Handle(context.Background(), msg("my back spasms and I'm bleeding heavily with clots, also numb legs"))
	if !r.Urgent || r.Kind != bot.KindUrgent || len(r.Buttons) != 0 {
		t.Fatalf("urgent = %v kind %s buttons %d", r.Urgent, r.Kind, len(r.Buttons))
	}
	if r.RedFlags[0] != "heavy-bleeding" && r.RedFlags[0] != "nerve-compression" {
		t.Errorf("emergency-level flags must come first, got %v", r.RedFlags)
	}
	if !strings.Contains(r.Text(), "emergency number") || !strings.Contains(r.Text(), "Source") {
		t.Errorf("urgent text:\n%s", r.Text())
	}
}

func TestFollowUps(t *testing.T) {
	eng := newEngine(t, bot.Options{})
	ctx := context.Background()
	if r := eng.Handle(ctx, msg("why does my lower back keep spasming")); r.TopicID != "lower-back-causes" {
		t.Fatalf("first: %s", r.TopicID)
	}
	if r := eng.Handle(ctx, msg("what about the upper back?")); r.TopicID != "upper-back-causes" {
		t.Errorf("what about the upper back: %s %s", r.Kind, r.TopicID)
	}
	r := eng.Handle(ctx, msg("tell me more"))
	if r.Kind != bot.KindAnswer || r.TopicID == "upper-back-causes" {
		t.Errorf("tell me more: %s %s", r.Kind, r.TopicID)
	}
	// A follow-up in a new chat has nothing to follow.
	other := msg("anything else?")
	other.ChatID = "fresh"
	if r := eng.Handle(ctx, other); r.Kind != bot.KindInfo {
		t.Errorf("follow-up without context: %s", r.Kind)
	}
}

func TestFallbackAndDecline(t *testing.T) {
	eng := newEngine(t, bot.Options{})
	ctx := context.Background()
	r := eng.Handle(ctx, msg("best pizza in town"))
	if !r.Fallback || r.Kind != bot.KindFallback || len(r.Buttons) == 0 {
		t.Errorf("pizza: %s fallback=%v", r.Kind, r.Fallback)
	}
	r = eng.Handle(ctx, msg("how much ibuprofen can I take for back spasms"))
	if r.Kind != bot.KindDecline || !strings.Contains(r.Text(), "pharmacist") || strings.Contains(r.Text(), "mg") {
		t.Errorf("medicine question: %s\n%s", r.Kind, r.Text())
	}
	// Right after a decline, asking what to take instead gets what the
	// decline offers; a question with a subject of its own does not.
	r = eng.Handle(ctx, msg("ok so what can i take then?"))
	if r.Kind != bot.KindAnswer || r.Fallback {
		t.Errorf("what can I take then, after a decline: %s fallback=%v\n%s", r.Kind, r.Fallback, r.Text())
	}
	if r = eng.Handle(ctx, msg("recipe for banana bread please")); r.Kind != bot.KindFallback {
		t.Errorf("banana bread after a decline: %s", r.Kind)
	}
}

// After a declined diagnosis, "what can I do instead?" gets what helps;
// a message that only puts her weeks right gets the last answer again.
func TestInsteadAndCorrections(t *testing.T) {
	eng := newEngine(t, bot.Options{Limiter: bot.Unlimited{}})
	ctx := context.Background()
	if r := eng.Handle(ctx, msg("can you tell me if its a slipped disc? 29wks")); r.Kind != bot.KindDecline {
		t.Fatalf("diagnosis: %s", r.Kind)
	}
	if r := eng.Handle(ctx, msg("fair enough. so what can i do instead?")); r.TopicID != "relief-overview" {
		t.Errorf("instead, after a declined diagnosis: %s %q", r.Kind, r.TopicID)
	}
	other := newEngine(t, bot.Options{Limiter: bot.Unlimited{}})
	if r := other.Handle(ctx, msg("how much ibuprofen can I take for back spasms")); r.Kind != bot.KindDecline {
		t.Fatalf("medicine: %s", r.Kind)
	}
	if r := other.Handle(ctx, msg("so what am i allowed to do then 🙄")); r.TopicID != "relief-overview" {
		t.Errorf("what am I allowed to do, after a declined medicine: %s %q", r.Kind, r.TopicID)
	}
	fifth := newEngine(t, bot.Options{Limiter: bot.Unlimited{}})
	fifth.Handle(ctx, msg("can i take ibuprofen for back spasms at 20 weeks?"))
	if r := fifth.Handle(ctx, msg("ugh ok. what else can i do then")); r.TopicID != "relief-overview" {
		t.Errorf("ugh ok, what else, after a declined medicine: %s %q", r.Kind, r.TopicID)
	}
	// The tablets named only to ask what else helps; a medicine named
	// instead is declined again.
	third := newEngine(t, bot.Options{Limiter: bot.Unlimited{}})
	third.Handle(ctx, msg("how much paracetamol can i take for back pain"))
	if r := third.Handle(ctx, msg("what else can i do instead of tablets")); r.TopicID != "relief-overview" {
		t.Errorf("instead of tablets, after a declined medicine: %s %q", r.Kind, r.TopicID)
	}
	if r := third.Handle(ctx, msg("can i take ibuprofen instead then")); r.Kind != bot.KindDecline {
		t.Errorf("ibuprofen instead, after a declined medicine: %s", r.Kind)
	}
	// "what else" right after a decline asks what helps instead; asked
	// again after that answer, it asks for more.
	fourth := newEngine(t, bot.Options{Limiter: bot.Unlimited{}})
	fourth.Handle(ctx, msg("is co-codamol ok for my back at 30 weeks"))
	if r := fourth.Handle(ctx, msg("ok what else then")); r.TopicID != "relief-overview" || r.Kind != bot.KindAnswer {
		t.Errorf("what else, after a declined medicine: %s %q", r.Kind, r.TopicID)
	}
	if r := fourth.Handle(ctx, msg("what else")); r.Kind == bot.KindAnswer && r.TopicID == "relief-overview" {
		t.Errorf("what else, after the relief overview: the overview again")
	}
	if r := eng.Handle(ctx, msg("is pilates ok for back pain at 13 weeks?")); r.TopicID != "exercise" {
		t.Fatalf("pilates: %s %q", r.Kind, r.TopicID)
	}
	if r := eng.Handle(ctx, msg("sorry meant 31 weeks not 13, fat fingers 🙈")); r.TopicID != "exercise" || r.Kind != bot.KindAnswer {
		t.Errorf("weeks put right: %s %q", r.Kind, r.TopicID)
	}
	if r := eng.Handle(ctx, msg("sorry 31 weeks, what about swimming?")); r.TopicID == "" {
		t.Errorf("a correction with a question of its own is read as a question: %s", r.Kind)
	}
}

// A tip that did not help gets the other ways to ease the pain, and after
// them when to see a midwife or doctor; a question of its own is answered.
func TestUnhelped(t *testing.T) {
	eng := newEngine(t, bot.Options{Limiter: bot.Unlimited{}})
	ctx := context.Background()
	for _, tt := range []struct{ text, want string }{
		{"is a heat pad ok at 31 weeks?", "ice-and-heat"},
		{"ugh I already do that and it only helps for like an hour", "relief-overview"},
		{"tried all that already, none of it works", "when-to-see-doctor"},
		{"is a tens machine any good?", "tens"},
		{"didn't help, would acupuncture help?", "acupuncture"},
	} {
		r := eng.Handle(ctx, msg(tt.text))
		if r.TopicID != tt.want {
			t.Errorf("%q: %s %q, want %q", tt.text, r.Kind, r.TopicID, tt.want)
		}
	}
}

// A request for the last answer again, or shorter, gets it again; an
// "again" that repeats nothing is read as usual.
func TestAskedAgain(t *testing.T) {
	eng := newEngine(t, bot.Options{Limiter: bot.Unlimited{}})
	ctx := context.Background()
	if r := eng.Handle(ctx, msg("can I wear a support belt all day at work")); r.TopicID != "support-belt" {
		t.Fatalf("belt: %s %q", r.Kind, r.TopicID)
	}
	for _, text := range []string{"too long didn't read, just tell me yes or no", "sorry can you say that again but shorter, I'm half asleep"} {
		if r := eng.Handle(ctx, msg(text)); r.TopicID != "support-belt" || !strings.HasPrefix(r.Text(), "Here it is again") {
			t.Errorf("%q: %s %q", text, r.Kind, r.TopicID)
		}
	}
	if r := eng.Handle(ctx, msg("whats a good tea tonight, the kids want pasta AGAIN lol")); r.TopicID == "support-belt" {
		t.Errorf("pasta again: the belt answer again")
	}
}

// A question about what the sources do not cover (massage) is told so
// before what they do recommend; a question that names none is not.
func TestNotCovered(t *testing.T) {
	eng := newEngine(t, bot.Options{Limiter: bot.Unlimited{}})
	ctx := context.Background()
	r := eng.Handle(ctx, msg("is a pregnancy massage ok for my back?"))
	if r.TopicID != "relief-overview" || len(r.Blocks) == 0 || !strings.HasPrefix(r.Blocks[0].Text, "My sources don't cover massage") {
		t.Errorf("massage: %s %q, first block %+v", r.Kind, r.TopicID, r.Blocks[0])
	}
	r = eng.Handle(ctx, msg("what helps back spasms"))
	if r.TopicID != "relief-overview" || strings.Contains(r.Text(), "don't cover") {
		t.Errorf("what helps: %s %q says what is not covered", r.Kind, r.TopicID)
	}
}

// A request to name a condition is declined; a statement gets a reply in
// kind, a request without a question mark the fallback.
func TestDiagnosisAndStatements(t *testing.T) {
	eng := newEngine(t, bot.Options{Limiter: bot.Unlimited{}})
	ctx := context.Background()
	r := eng.Handle(ctx, msg("is this a slipped disc? it hurts when I cough"))
	if r.Kind != bot.KindDecline || !strings.Contains(r.Text(), "examine") {
		t.Errorf("diagnosis: %s\n%s", r.Kind, r.Text())
	}
	// A statement that asks nothing and has no topic is answered in kind
	// too, with what the bot can do, never "Sorry".
	for _, text := range []string{"haha same 😂", "back from my midwife appt, all good 😊", "back from the scan, it's a girl!! 💕",
		// Saying she only shares makes it a statement, whatever it tells.
		"just needed to vent, toddler is feral, husband useless and it's raining. that's all 😂"} {
		if r = eng.Handle(ctx, msg(text)); r.Kind != bot.KindSmallTalk || strings.Contains(r.Text(), "Sorry") {
			t.Errorf("%q: %s, want small talk\n%s", text, r.Kind, r.Text())
		}
	}
	for _, text := range []string{"recipe for banana bread please", "piles in 3rd tri 😭 what helps"} {
		if r = eng.Handle(ctx, msg(text)); r.Kind != bot.KindFallback {
			t.Errorf("%q: %s, want the fallback", text, r.Kind)
		}
	}
}

func TestBoundedAndSafeOnHostileInput(t *testing.T) {
	eng := newEngine(t, bot.Options{})
	ctx := context.Background()
	for name, text := range map[string]string{
		"10k characters": strings.Repeat("my back hurts ", 750),
		"invalid utf-8":  "\xff\xfe\xfd back \xc3\x28 spasm",
		"only emoji":     "😭😭😭",
		"whitespace":     " \n\t ",
	} {
		start := time.Now()
		r := eng.Handle(ctx, msg(text))
		if r.Silent() || len(r.Text()) == 0 || len(r.Text()) > 8000 {
			t.Errorf("%s: kind %s, %d bytes", name, r.Kind, len(r.Text()))
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("%s took %v", name, d)
		}
	}
	if r := eng.Handle(ctx, bot.Message{Platform: "t", ChatID: "x", UserID: "u", Addressed: true, NonText: true}); !strings.Contains(r.Text(), "text") {
		t.Errorf("sticker: %q", r.Text())
	}
	if r := eng.Handle(ctx, bot.Message{Platform: "t", ChatID: "x", UserID: "u", Text: "hello"}); !r.Silent() {
		t.Error("a message not addressed to the bot must get no reply")
	}
}

func TestRateLimitIsPoliteAndNeverBlocksDangerSigns(t *testing.T) {
	eng := newEngine(t, bot.Options{Limiter: bot.NewMemoryLimiter(time.Hour, 2)})
	ctx := context.Background()
	for i := 0; i < 2; i++ {
		if r := eng.Handle(ctx, msg("what helps back spasms")); r.Kind != bot.KindAnswer {
			t.Fatalf("message %d: %s", i, r.Kind)
		}
	}
	r := eng.Handle(ctx, msg("what helps back spasms"))
	if r.Kind != bot.KindRateLimited || !strings.Contains(r.Text(), "wait") {
		t.Fatalf("third message: %s", r.Kind)
	}
	if r := eng.Handle(ctx, msg("what helps back spasms")); !r.Silent() {
		t.Errorf("the slow-down note is sent once a minute, got %s", r.Kind)
	}
	if r := eng.Handle(ctx, msg("I'm bleeding")); !r.Urgent {
		t.Errorf("a danger sign must be answered even when rate-limited, got %s", r.Kind)
	}
	other := msg("what helps back spasms")
	other.UserID = "u2"
	if r := eng.Handle(ctx, other); r.Kind != bot.KindAnswer {
		t.Errorf("another user is limited too: %s", r.Kind)
	}
}

// TestSwapWhileHandling replaces the knowledge base while messages flow;
// run with -race.
func TestSwapWhileHandling(t *testing.T) {
	eng := newEngine(t, bot.Options{Limiter: bot.NewMemoryLimiter(time.Nanosecond, 1000)})
	full := eng.Knowledge()
	dir := t.TempDir()
	if err := knowledge.WriteEmbedded(dir); err != nil {
		t.Fatal(err)
	}
	relief := filepath.Join(dir, "relief.yaml")
	data, _ := os.ReadFile(relief)
	if err := os.WriteFile(relief, []byte(strings.Replace(string(data), "title: Ice and heat packs", "title: Ice and heat packs (v2)", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	v2, err := knowledge.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				m := msg("can i put a heat pack on my back")
				m.ChatID = fmt.Sprint(w)
				if r := eng.Handle(context.Background(), m); r.TopicID != "ice-and-heat" {
					t.Errorf("during swaps: %s %s", r.Kind, r.TopicID)
					return
				}
			}
		}(w)
	}
	for i := 0; i < 50; i++ {
		if i%2 == 0 {
			eng.Swap(v2, match.Must(match.New(v2)))
		} else {
			eng.Swap(full, match.Must(match.New(full)))
		}
	}
	wg.Wait()
	eng.Swap(v2, match.Must(match.New(v2)))
	if r := eng.Handle(context.Background(), msg("heat pack")); !strings.Contains(r.Text(), "(v2)") {
		t.Errorf("after swap the new knowledge base is not used:\n%s", r.Text())
	}
}

func TestParseBlocks(t *testing.T) {
	blocks := bot.ParseBlocks("First para\ncontinues.\n\n- one\n- two\n  wrapped\nAfter list.\n")
	want := []bot.Block{
		{Kind: bot.Paragraph, Text: "First para continues."},
		{Kind: bot.Bullets, Items: []string{"one", "two wrapped"}},
		{Kind: bot.Paragraph, Text: "After list."},
	}
	if fmt.Sprint(blocks) != fmt.Sprint(want) {
		t.Errorf("got %+v\nwant %+v", blocks, want)
	}
}

// TestEditedMessages: an edit is read for danger signs only.
func TestEditedMessages(t *testing.T) {
	eng := newEngine(t, bot.Options{})
	ctx := context.Background()
	tests := []struct {
		name string
		m    bot.Message
		want bot.Kind
	}{
		{"edit describing a danger sign", bot.Message{Text: "my back hurts and now I'm bleeding"}, bot.KindUrgent},
		{"edit of an ordinary question", bot.Message{Text: "what helps back spasms"}, bot.KindNone},
		{"edited /ask with a danger sign", bot.Message{Command: bot.CmdAsk, Arg: "I'm bleeding"}, bot.KindUrgent},
		{"edited command", bot.Message{Command: bot.CmdTips}, bot.KindNone},
	}
	for i, tt := range tests {
		m := tt.m
		m.Platform, m.ChatID, m.UserID, m.Addressed, m.Edited = "test", fmt.Sprint("edit-", i), "u", true, true
		if r := eng.Handle(ctx, m); r.Kind != tt.want {
			t.Errorf("%s: kind %s, want %s", tt.name, r.Kind, tt.want)
		}
	}
}

// TestThreadsKeepSeparateContexts: "tell me more" in one forum topic is not
// read in the light of another topic's conversation.
func TestThreadsKeepSeparateContexts(t *testing.T) {
	eng := newEngine(t, bot.Options{})
	ctx := context.Background()
	in := func(thread, text string) bot.Reply {
		return eng.Handle(ctx, bot.Message{Platform: "test", ChatID: "group", Thread: thread, UserID: "u", Group: true, Addressed: true, Text: text})
	}
	if r := in("7", "can i use a heating pad on my back"); r.TopicID != "ice-and-heat" {
		t.Fatalf("topic = %q", r.TopicID)
	}
	if r := in("9", "tell me more"); r.Kind != bot.KindInfo {
		t.Errorf("tell me more in another thread: kind %s topic %q, want the no-context prompt", r.Kind, r.TopicID)
	}
	if r := in("7", "tell me more"); r.Kind != bot.KindAnswer {
		t.Errorf("tell me more in the same thread: kind %s, want a related topic", r.Kind)
	}
}

// TestAboutSaysWhenReviewed: /about names the latest review and who made
// it, says how much is reviewed when not all of it is, and says plainly
// when nothing has been reviewed.
func TestAboutSaysWhenReviewed(t *testing.T) {
	kbWith := func(topic, flag string) string {
		return `disclaimer: Not medical advice.
review_every: 12 months
sources: [{id: src, title: A source, where: Somewhere}]
topics:
  - id: heat
    title: Heat packs
    category: relief
    examples: [heat one, heat two, heat three, heat four, heat five, heat six, heat seven, heat eight]
    answer: Use heat.
    sources: [src]
` + topic + `
red_flags:
  - id: bleeding
    title: Bleeding
    level: midwife
    triggers: [bleeding]
    answer: Call your midwife now.
    sources: [src]
` + flag + "\n"
	}
	const (
		jane = `    reviewed: {by: "Jane Doe, midwife", on: 2025-11-30}`
		rao  = `    reviewed: {by: "Dr Rao, GP", on: 2025-03-02}`
		both = `    reviewed: {by: "Dr Rao, GP", on: 2025-11-30}`
	)
	tests := []struct {
		name, topic, flag string
		want, not         string
	}{
		{"never reviewed", "", "", "This content has not been reviewed by a midwife or doctor yet.", "Last reviewed"},
		{"partly reviewed", jane, "", "Last reviewed on 30 November 2025 by Jane Doe, midwife. 1 of 2 answers have been reviewed so far.", "not been reviewed"},
		{"all reviewed, the latest counts", rao, jane, "Last reviewed on 30 November 2025 by Jane Doe, midwife.", "so far"},
		{"two reviewers on the latest day", jane, both, "Last reviewed on 30 November 2025 by Jane Doe, midwife and Dr Rao, GP.", "so far"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kb, err := knowledge.Parse("kb.yaml", []byte(kbWith(tt.topic, tt.flag)))
			if err != nil {
				t.Fatal(err)
			}
			eng := bot.NewEngine(kb, match.Must(match.New(kb)), bot.Options{})
			r := eng.Handle(context.Background(), bot.Message{Platform: "test", ChatID: "about", UserID: "u", Addressed: true, Command: bot.CmdAbout})
			text := r.PlainText()
			if !strings.Contains(text, tt.want) || strings.Contains(text, tt.not) {
				t.Errorf("/about:\n%s\nwant %q, not %q", text, tt.want, tt.not)
			}
			if !strings.Contains(text, "A source") || !strings.Contains(text, "Not medical advice.") {
				t.Errorf("/about lost its sources or disclaimer:\n%s", text)
			}
		})
	}
	// The embedded knowledge base has not been reviewed by a clinician.
	r := newEngine(t, bot.Options{}).Handle(context.Background(), bot.Message{Platform: "test", ChatID: "about", UserID: "u", Addressed: true, Command: bot.CmdAbout})
	if !strings.Contains(r.PlainText(), "This content has not been reviewed by a midwife or doctor yet.") {
		t.Errorf("embedded /about:\n%s", r.PlainText())
	}
}

// TestRegion: with a region, urgent and safety replies (and the
// disclaimer) show that region's emergency number and helplines only;
// with every region, each is named.
func TestRegion(t *testing.T) {
	bleeding := "I'm bleeding heavily with clots"
	crisis := "I don't want to be alive anymore"
	abuse := "my boyfriend threatens me and controls my money"
	tests := []struct {
		region  string
		text    string
		want    []string
		notWant []string
	}{
		{"uk", bleeding, []string{"Call 999 now"}, []string{"911", "112", "000"}},
		{"us", bleeding, []string{"Call 911 now"}, []string{"999", "112", "000"}},
		{"ie", bleeding, []string{"Call 112 now"}, []string{"999", "911", "000"}},
		{"au", bleeding, []string{"Call 000 now"}, []string{"999", "911", "112"}},
		{"", bleeding, []string{"999 in the UK, 911 in the US, 112 in the EU and Ireland, 000 in Australia"}, nil},
		{"uk", crisis, []string{"call 999 now", "• Samaritans: call 116 123"}, []string{"911", "988", "Befrienders Worldwide (befrienders.org)"}},
		{"us", crisis, []string{"call 911 now", "• the 988 Suicide & Crisis Lifeline"}, []string{"999", "116 123"}},
		{"au", crisis, []string{"call 000 now", "• a helpline listed by Befrienders Worldwide"}, []string{"999", "911", "116 123", "988"}},
		{"", crisis, []string{"• In the UK and Ireland: Samaritans", "• In the US: the 988", "• Elsewhere: a helpline"}, nil},
		{"uk", abuse, []string{"call 999", "• National Domestic Abuse Helpline"}, []string{"911", "1-800-799-7233"}},
		{"us", abuse, []string{"call 911", "• National Domestic Violence Hotline: call 1-800-799-7233"}, []string{"999", "0808 2000 247"}},
		{"us", "what helps back spasms", []string{"In an emergency call 911."}, []string{"999"}},
	}
	for i, tt := range tests {
		eng := newEngine(t, bot.Options{Region: tt.region})
		m := msg(tt.text)
		m.ChatID = fmt.Sprint("region-", i)
		text := eng.Handle(context.Background(), m).Text()
		for _, w := range tt.want {
			if !strings.Contains(text, w) {
				t.Errorf("region %q, %q: want %q in:\n%s", tt.region, tt.text, w, text)
			}
		}
		for _, w := range tt.notWant {
			if strings.Contains(text, w) {
				t.Errorf("region %q, %q: %q in:\n%s", tt.region, tt.text, w, text)
			}
		}
		if strings.Contains(text, `"`) {
			t.Errorf("region %q, %q: stray quotes:\n%s", tt.region, tt.text, text)
		}
	}
}

// TestSameTopicAgain: a follow-up that the last answer already covers
// ("for how long each time?") gets that answer again, saying so; a new
// question on another topic does not.
func TestSameTopicAgain(t *testing.T) {
	eng := newEngine(t, bot.Options{})
	ctx := context.Background()
	turns := []struct {
		text, topic string
		again       bool
	}{
		{"can i use a hot water bottle on my back?", "ice-and-heat", false},
		{"for how long each time?", "ice-and-heat", true},
		{"what shoes should i wear for my back", "footwear", false},
	}
	for _, tt := range turns {
		m := msg(tt.text)
		m.ChatID = "same-again"
		r := eng.Handle(ctx, m)
		if r.TopicID != tt.topic {
			t.Fatalf("%q: topic %q, want %q", tt.text, r.TopicID, tt.topic)
		}
		if got := strings.HasPrefix(r.PlainText(), "My sources don't go further than this"); got != tt.again {
			t.Errorf("%q: said it again %v, want %v:\n%s", tt.text, got, tt.again, r.PlainText())
		}
	}
}

// TestAnswersAfterSafety: right after an urgent reply, a short statement
// that names no topic is her answer to it and gets a short, kind reply; a
// question is still answered. Right after a loss, her next words are not
// met with the loss reply again, and small talk is answered gently.
func TestAnswersAfterSafety(t *testing.T) {
	eng := newEngine(t, bot.Options{Limiter: bot.Unlimited{}})
	ctx := context.Background()
	chats := []struct {
		name  string
		turns []string
		want  []bot.Kind
		not   string // must not appear in the last reply
		has   string // must appear in the last reply
	}{
		{"urgent, then on her way", []string{"I'm bleeding heavily with clots", "partners driving me to the assessment unit now"},
			[]bot.Kind{bot.KindUrgent, bot.KindSmallTalk}, "Sorry", ""},
		{"urgent, then a question", []string{"I'm bleeding heavily with clots", "what helps back spasms?"},
			[]bot.Kind{bot.KindUrgent, bot.KindAnswer}, "", ""},
		{"loss, then thanks", []string{"we lost our baby at 19 weeks last week, my back still aches", "thank you. i'll ring the bereavement midwife tomorrow"},
			[]bot.Kind{bot.KindLoss, bot.KindSmallTalk}, "pregnan", ""},
		// Doubting the advice gets it again, with the same danger sign.
		{"urgent, then doubt", []string{"slipped on the wet kitchen floor and landed on my side, 29 wks", "i feel fine otherwise tho, do i really need to go in"},
			[]bot.Kind{bot.KindUrgent, bot.KindUrgent}, "doing the right thing", "fall"},
		{"urgent, then putting it off", []string{"theres pinkish blood when i wipe", "can it wait till my appointment tomorrow"},
			[]bot.Kind{bot.KindUrgent, bot.KindUrgent}, "", "bleeding"},
		{"urgent, then a question it cannot answer", []string{"theres pinkish blood when i wipe", "what if they send me home again"},
			[]bot.Kind{bot.KindUrgent, bot.KindUrgent}, "Sorry", ""},
		// Telling more of her situation is no acknowledgement: the
		// guidance again, with thanks.
		{"urgent, then more of her situation", []string{"it comes and goes every 10 mins and my bump goes tight", "im only 33 weeks"},
			[]bot.Kind{bot.KindUrgent, bot.KindUrgent}, "doing the right thing", "thank you for telling me"},
		{"abuse, then more of it", []string{"my partner pushed me into the kitchen counter last night", "he says its my fault for being clumsy"},
			[]bot.Kind{bot.KindAbuse, bot.KindAbuse}, "doing the right thing", "helpline"},
		{"urgent, then getting the car", []string{"my waters just went, clear fluid everywhere", "hubbys getting the car"},
			[]bot.Kind{bot.KindUrgent, bot.KindSmallTalk}, "", "doing the right thing"},
		{"urgent, then getting stronger", []string{"it comes and goes every 10 mins and my bump goes tight", "been like that an hour and getting stronger"},
			[]bot.Kind{bot.KindUrgent, bot.KindUrgent}, "doing the right thing", "thank you for telling me"},
		{"urgent, then the ambulance", []string{"my waters just went, clear fluid everywhere", "ambulance on the way"},
			[]bot.Kind{bot.KindUrgent, bot.KindSmallTalk}, "", "doing the right thing"},
		// An acknowledgement may run to a longer sentence.
		{"urgent, then a longer plan", []string{"my waters just went, clear fluid everywhere", "right, partner is getting the car, calling the labour ward on the way"},
			[]bot.Kind{bot.KindUrgent, bot.KindSmallTalk}, "", "doing the right thing"},
		{"loss, then a longer thanks", []string{"we lost our baby at 19 weeks last week, my back still aches", "thank you. my husband's here now, the nurse is coming back to talk us through what happens next"},
			[]bot.Kind{bot.KindLoss, bot.KindSmallTalk}, "pregnan", ""},
		{"doubt with no urgent reply before it", []string{"what helps back spasms?", "do i really need to go in for my scan"},
			[]bot.Kind{bot.KindAnswer, bot.KindFallback}, "", ""},
	}
	for i, tt := range chats {
		var r bot.Reply
		for k, text := range tt.turns {
			m := msg(text)
			m.ChatID = fmt.Sprint("after-safety-", i)
			r = eng.Handle(ctx, m)
			if r.Kind != tt.want[k] {
				t.Fatalf("%s, turn %d %q: kind %s, want %s:\n%s", tt.name, k+1, text, r.Kind, tt.want[k], r.PlainText())
			}
		}
		if tt.not != "" && strings.Contains(r.PlainText(), tt.not) {
			t.Errorf("%s: last reply has %q:\n%s", tt.name, tt.not, r.PlainText())
		}
		if tt.has != "" && !strings.Contains(strings.ToLower(r.PlainText()), tt.has) {
			t.Errorf("%s: last reply lacks %q:\n%s", tt.name, tt.has, r.PlainText())
		}
	}
}

// TestAfterLoss: a member pregnant again after an earlier loss who asks
// nothing the bot answers is met with care, never a passing word or
// "Sorry"; her question is answered, opened with a kind word; a loss now
// is still met with the loss reply.
func TestAfterLoss(t *testing.T) {
	eng := newEngine(t, bot.Options{Limiter: bot.Unlimited{}})
	ctx := context.Background()
	for i, tt := range []struct {
		text string
		want bot.Kind
		has  string
	}{
		{"after my miscarriage last year i panic at every little twinge. 15 weeks now", bot.KindAfterLoss, "midwife"},
		{"pregnant again after my miscarriage in 2022, 20 weeks now. does heat help back spasms?", bot.KindAnswer, "sorry for the loss"},
		{"we lost our baby at 19 weeks last week, my back still aches", bot.KindLoss, ""},
	} {
		m := msg(tt.text)
		m.ChatID = fmt.Sprint("after-loss-", i)
		r := eng.Handle(ctx, m)
		if r.Kind != tt.want || r.Urgent || r.Fallback {
			t.Errorf("%q: %s urgent=%v fallback=%v, want %s", tt.text, r.Kind, r.Urgent, r.Fallback, tt.want)
		}
		if !strings.Contains(strings.ToLower(r.PlainText()), tt.has) {
			t.Errorf("%q: reply lacks %q:\n%s", tt.text, tt.has, r.PlainText())
		}
	}
}

// TestOverviewButton: every topic answer offers its category's overview,
// once, as a way back up; the overview itself does not offer itself.
func TestOverviewButton(t *testing.T) {
	eng := newEngine(t, bot.Options{})
	ctx := context.Background()
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for i, tp := range kb.Topics {
		overview := kb.TopicsIn(tp.Category)[0].ID
		r := eng.Handle(ctx, bot.Message{Platform: "test", ChatID: fmt.Sprint("overview-", i), UserID: "u", Addressed: true,
			Payload: bot.TopicPayload(tp.ID)})
		n := 0
		for _, b := range r.Buttons {
			if b.Payload == bot.TopicPayload(overview) {
				n++
			}
		}
		if want := 1; tp.ID == overview {
			want = 0
			if n != want {
				t.Errorf("%s offers itself", tp.ID)
			}
		} else if n != want {
			t.Errorf("%s offers its overview %s %d times, want once", tp.ID, overview, n)
		}
	}
}

// A member who types a button's words instead of pressing it gets that
// button's topic; words that name several offered buttons, or more than
// a button's words, press nothing.
func TestTypedButtonWords(t *testing.T) {
	eng := newEngine(t, bot.Options{Limiter: bot.Unlimited{}})
	ctx := context.Background()
	tests := []struct {
		first, typed, want string
	}{
		{"what helps back spasms", "sleeping", "sleep-and-mattress"},
		{"what helps back spasms", "the belt one pls", "support-belt"},
		{"what helps back spasms", "Stretches?", "stretching"},
		{"what helps back spasms", "tens", "tens"},
	}
	for i, tt := range tests {
		m := msg(tt.first)
		m.ChatID = fmt.Sprint("typed-", i)
		if r := eng.Handle(ctx, m); r.TopicID != "relief-overview" {
			t.Fatalf("%q: %s %s", tt.first, r.Kind, r.TopicID)
		}
		m.Text = tt.typed
		if r := eng.Handle(ctx, m); r.Kind != bot.KindAnswer || r.TopicID != tt.want {
			t.Errorf("%q after %q: %s %s, want %s", tt.typed, tt.first, r.Kind, r.TopicID, tt.want)
		}
	}
	// Thanks that names a button's word asks for nothing: "ok that
	// helps" after an answer with a "What helps" button.
	m := msg("why does my upper back hurt")
	m.ChatID = "typed-thanks"
	if r := eng.Handle(ctx, m); r.TopicID != "upper-back-causes" {
		t.Fatalf("upper back: %s %s", r.Kind, r.TopicID)
	}
	m.Text = "ok that helps"
	if r := eng.Handle(ctx, m); r.Kind != bot.KindSmallTalk {
		t.Errorf("%q: %s %s, want small talk", m.Text, r.Kind, r.TopicID)
	}
	// In a new chat nothing was offered: the word is read as words.
	m = msg("sleeping")
	m.ChatID = "typed-fresh"
	if r := eng.Handle(ctx, m); r.TopicID == "sleep-and-mattress" && r.Confidence == 1 {
		t.Errorf("sleeping in a new chat pressed a button: %s %s", r.Kind, r.TopicID)
	}
}
