package match_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/internal/match"
	"github.com/backcare/backcare/knowledge"
)

// TestKnowledgeBaseIsConsistent checks the embedded knowledge base against
// its own matcher: no example question trips a red flag, a safety rule or
// a decline, and nearly every example (99%) is matched to its own topic
// first; the few that are not are listed for editors.
func TestKnowledgeBaseIsConsistent(t *testing.T) {
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	m := match.Must(match.New(kb))
	total, elsewhere := 0, 0
	for _, tp := range kb.Topics {
		for _, ex := range tp.Examples {
			total++
			c := m.Classify(ex, "")
			switch {
			case len(c.Safety) > 0:
				t.Errorf("example %q of %s trips red flags %v", ex, tp.ID, c.Safety)
			case c.Decline != "":
				t.Errorf("example %q of %s trips decline %s", ex, tp.ID, c.Decline)
			case len(c.Candidates) == 0 || c.Candidates[0].TopicID != tp.ID:
				elsewhere++
				t.Logf("example %q of %s is matched to %+v first", ex, tp.ID, c.Candidates)
			}
		}
	}
	if elsewhere*100 > total {
		t.Errorf("%d of %d examples are matched to another topic first (ceiling 1%%)", elsewhere, total)
	}
}

func TestFollowUpsAndContext(t *testing.T) {
	m := embeddedMatcher(t)
	for _, s := range []string{"tell me more", "anything else?", "more please", "what else"} {
		if c := m.Classify(s, "ice-and-heat"); !c.FollowUp {
			t.Errorf("%q: not read as a follow-up", s)
		}
	}
	if c := m.Classify("what helps", ""); c.FollowUp {
		t.Error(`"what helps" read as a follow-up`)
	}
	// After an overview, a follow-up on one of the ways it lists moves there.
	if c := m.Classify("what about on long car journeys?", "relief-overview"); len(c.Candidates) == 0 || c.Candidates[0].TopicID != "posture-and-sitting" {
		t.Errorf("'what about on long car journeys?' after the relief overview: %+v", c.Candidates)
	}
	c := m.Classify("what about the upper back?", "lower-back-causes")
	if len(c.Candidates) == 0 || c.Candidates[0].TopicID != "upper-back-causes" {
		t.Errorf("follow-up after lower-back-causes: %+v", c.Candidates)
	}
	// A body part names where, not what: "what about for my hips?" after
	// stretches asks for stretches.
	for _, prev := range []string{"stretching", "support-belt"} {
		if c := m.Classify("what about for my hips? they ache too", prev); len(c.Candidates) == 0 || c.Candidates[0].TopicID != prev {
			t.Errorf("'what about for my hips?' after %s: %+v", prev, c.Candidates)
		}
	}
	// A part of the back alone asks the last answer again for that part,
	// unless the last answer was on another part's causes.
	for _, tt := range []struct{ prev, text, want string }{
		{"stretching", "any for the top of my back?", "stretching"},
		{"ice-and-heat", "and for my upper back too?", "ice-and-heat"},
		{"upper-back-causes", "and the lower part?", "lower-back-causes"},
		// A bare "why", with or without its mark, asks the reason behind
		// the last answer.
		{"things-to-avoid", "why", "things-to-avoid"},
		{"upper-back-causes", "why tho", "upper-back-causes"},
		{"lifting", "how come", "lifting"},
	} {
		if c := m.Classify(tt.text, tt.prev); len(c.Candidates) == 0 || c.Candidates[0].TopicID != tt.want {
			t.Errorf("%q after %s: %+v, want %s", tt.text, tt.prev, c.Candidates, tt.want)
		}
	}
	// A sign ruled out, nothing asked, keeps the last subject; a question
	// after it asks its own.
	if c := m.Classify("no bleeding or cramps or anything, just the back", "how-common"); len(c.Candidates) == 0 || c.Candidates[0].TopicID != "how-common" {
		t.Errorf("ruled-out report after how-common: %+v", c.Candidates)
	}
	if c := m.Classify("no tightenings or anything just achy, when should i ring someone", "back-pain-and-labour"); len(c.Candidates) == 0 || c.Candidates[0].TopicID != "when-to-see-doctor" {
		t.Errorf("ruled-out report with a question after back-pain-and-labour: %+v", c.Candidates)
	}
	// "one" points back: "can i wear one at work?" after heat packs.
	if c := m.Classify("can i wear one at work?", "ice-and-heat"); len(c.Candidates) == 0 || c.Candidates[0].TopicID != "ice-and-heat" {
		t.Errorf("'can i wear one at work?' after ice-and-heat: %+v", c.Candidates)
	}
	// A kind of the last answer's thing; the answer's things near the
	// start of a longer message; a question in the order of a statement.
	for _, tt := range []struct{ prev, text, want string }{
		{"exercise", "what sort then, i did heavy weights before", "exercise"},
		{"footwear", "are totally flat ones ok or is that bad too for me", "footwear"},
		{"stress-and-strain", "so what i can do for it then", "relief-overview"},
		// A short question with evidence for the last topic asks about it.
		{"tens", "where should the pads sit?", "tens"},
	} {
		if c := m.Classify(tt.text, tt.prev); len(c.Candidates) == 0 || c.Candidates[0].TopicID != tt.want {
			t.Errorf("%q after %s: %+v, want %s", tt.text, tt.prev, c.Candidates, tt.want)
		}
	}
	// "The difference" is between what the last answer told of.
	if c := m.Classify("how would I tell the difference", "back-pain-and-labour"); len(c.Candidates) == 0 || c.Candidates[0].TopicID != "back-pain-and-labour" {
		t.Errorf("'how would I tell the difference' after back-pain-and-labour: %+v", c.Candidates)
	}
	// A decision after an answer asks nothing: "lol fine flats it is".
	if c := m.Classify("lol fine flats it is", "footwear"); c.SmallTalk.TopicID != "ok" {
		t.Errorf("'lol fine flats it is' after footwear: small talk %q", c.SmallTalk.TopicID)
	}
	// Her plan to try the advice asks nothing either, its subject often
	// left out; "will it help my hips too" asks.
	for _, tt := range []struct {
		text, want string
	}{
		{"will try tonight", "ok"},
		{"thanks ill try some of that", "ok"},
		{"ok gonna give it a go x", "ok"},
		{"ok booking it 👍", "ok"},
		{"ok thanks, ringing the GP now", "ok"},
		{"sorry i dont mean that, just less", ""},
		{"will it help my hips too", ""},
		{"will try that, but what about at night?", ""},
		{"ok so rest in the evening?", ""}, // "rest" names a topic, whatever "puts my mind at rest" says
	} {
		if c := m.Classify(tt.text, "relief-overview"); c.SmallTalk.TopicID != tt.want {
			t.Errorf("%q after relief-overview: small talk %q, want %q", tt.text, c.SmallTalk.TopicID, tt.want)
		}
	}
	// The "it" of "is it better to just rest?" points at nothing: the
	// subject it names after "to" moves the chat.
	c = m.Classify("is it better to just rest?", "relief-overview")
	if len(c.Candidates) == 0 || c.Candidates[0].TopicID != "rest" {
		t.Errorf("'is it better to just rest?' after relief-overview: %+v", c.Candidates)
	}
	// A short follow-up takes the chat's scope when it frames a
	// circumstance of the same question, even with a word that leans
	// off-topic by itself; one that brings an off-topic subject keeps its
	// own scope.
	scoped := []struct {
		text, prev string
		inScope    bool
	}{
		{"what about on long car journeys?", "posture-and-sitting", true},
		{"and at work?", "posture-and-sitting", true},
		{"what about during the night?", "ice-and-heat", true},
		{"for how long each time?", "exercise", true},
		{"and is sushi ok?", "ice-and-heat", false},
		{"what about sushi?", "weight-and-diet", false},
		{"also can i go in the hot tub at the hotel", "footwear", false},
	}
	for _, tt := range scoped {
		c := m.Classify(tt.text, tt.prev)
		if got := c.OffTopic < 0.5+1e-6 && len(c.Candidates) > 0; got != tt.inScope {
			t.Errorf("%q after %s: off-topic %.2f, candidates %+v; want in scope %v", tt.text, tt.prev, c.OffTopic, c.Candidates, tt.inScope)
		}
	}
	// A fragment asked on its own leans on the last topic and is no small
	// talk; "what can I do about it?" after a cause turns to relief.
	leans := []struct{ text, prev, want string }{
		{"all day?", "support-belt", "support-belt"},
		{"every day?", "exercise", "exercise"},
		{"so what can i do about it", "upper-back-causes", "relief-overview"},
		// An adverb of emphasis changes nothing of what it asks.
		{"ok so what can i actually do about it", "lower-back-causes", "relief-overview"},
		// A question after lead-in words is no small talk.
		{"ok and what actually helps", "lower-back-causes", "relief-overview"},
		// A follow-up that names another topic's subject moves there.
		{"what about one of those belly bands, would that help on the drive", "posture-and-sitting", "support-belt"},
		{"and what about a TENS machine, i still have one from my last labour", "acupuncture", "tens"},
		// "it" may be the pain: a question that asks the next step the
		// last answer offered moves there; "one" is the answer's thing.
		{"will it go away?", "how-common", "goes-away"},
		{"does it go away?", "how-common", "goes-away"},
		{"where do i get one", "tens", "tens"},
		// An "it" that stands for an infinitive naming the pain points
		// back to nothing; one with a word pointing back still leans.
		{"is it normal to get back ache this early?", "lifting", "how-common"},
		{"is it ok to do those lying flat on my back?", "stretching", "stretching"},
		// Signs denied in her own words answer the last answer's question.
		{"I don't have fever or bleeding or nothing, only the pain", "when-to-see-doctor", "when-to-see-doctor"},
	}
	for _, tt := range leans {
		c := m.Classify(tt.text, tt.prev)
		if len(c.Candidates) == 0 || c.Candidates[0].TopicID != tt.want || c.SmallTalk.TopicID != "" {
			t.Errorf("%q after %s: %+v, small talk %q; want %s", tt.text, tt.prev, c.Candidates, c.SmallTalk.TopicID, tt.want)
		}
	}
	if c := m.Classify("  ...  ", ""); !c.Empty {
		t.Errorf("punctuation only: %+v, want Empty", c)
	}
}

func TestQuestionsForSomeoneElse(t *testing.T) {
	m := embeddedMatcher(t)
	tests := []struct {
		text  string
		other bool // no topic: the question is for someone else's body
	}{
		// A sister in law who says something is a source, like a sister.
		{"my sister in law says back pain can be a sign of something else and to always get it checked? i just have the usual aches, when should i actually call someone", false},
		{"my husbands back is bad from the gym, what should he do for it", true},
		{"My 7 year old's back hurts from his school bag. What should I do for him?", true},
		{"My mum has sciatica really bad. What can she do for it?", true},
		{"what shoes should my toddler wear when he's learning to walk", true},
		{"what shoes should my 2 year old wear", true},
		{"whats the best sleeping position for a newborn? baby is 2 weeks", true}, // the baby's age, not her weeks
		{"whats the best sleeping position at 30 weeks", false},
		{"my husband hurt his back at the gym. I'm the one who's 30 weeks pregnant lol. what should he do for it, ice or heat?", true},
		{"I'm 30 weeks and my back hurts, my husband says he'll rub it, what should he do?", false},
		{"is it ok to carry my toddler", false},
		{"can i still pick my son up, he's 3", false},
		{"my wife is 30 weeks and her back is killing her, what can she do?", false},
		// A pregnancy denied names none: "(not pregnant obviously)".
		{"my mum (not pregnant obviously, she's 60 lol) keeps getting lower back spasms, what helps her", true},
		{"my sister isn't pregnant but has back spasms from her desk job, what chair should she get?", true},
		// A partner writes for the member, whom the bot is for, even with
		// no pregnancy named; a partner of his own is someone else.
		{"my wife keeps picking up our 3yo even though her back is bad, whats the right way for her to do it", false},
		{"my girlfriend's back is bad and someone at work said sciatica. what can she do for it", false},
		{"my partner hurt his back at the gym, what can he do for it", true},
		// Doing something for a child is her own lifting: "tips for picking him up".
		{"my 2 year old wants carrying everywhere and my back is in pieces, any tips for picking him up", false},
		{"any tips for my son, his back hurts", true},
		// A likeness names no one: "arch your back like a cat".
		{"the stretch on all fours where you arch your back like a cat, is that good for back pain?", false},
		// Her pregnancy named keeps a question hers, unless it asks about his back.
		{"I'm 33 weeks and my husband hurt his back building the cot. What stretches should he do for his back?", true},
		{"I'm 33 weeks and my husband hurt his back building the cot. What stretches can I do for my back?", false},
		{"my toddler is so heavy, how do i lift him without hurting my back?", false},
		// No question mark: the sentence that opens like a question asks.
		{"how do i pick up my son without my back seizing. hes 3 and he wants carrying all day", false},
		{"my husband says heat is bad, is he right?", false},
		// Subjects of their own when the back is not named; anyone's back is hers.
		{"is a hot bath safe when pregnant? I like them proper hot", true},
		{"is an electric blanket safe when pregnant", true},
		{"does spicy food bring on labour? 40+3 and fed up", true},
		{"how much weight will the baby put on in the last month", true},
		{"would a warm bath help my back?", false},
		{"anyone done pilates for their back while preggo? worth it?", false},
		{"carrying my toddler on my hip makes my back spasm, is there a right way to pick him up?", false},
		{"does having a weak bum cause low back pain lol my friend said something about glutes", false},
		{"Is a firm or soft mattress better for a newborn's cot? Trying to order one this week", true},
		{"cot mattress firm or soft for the baby?", true},
		// A back named only to rule it out keeps another complaint out.
		{"cramps in my calves every night, my back is totally fine, what helps", true},
		{"cramps in my calves and back every night, what helps", false},
		// "old" names a child only after an age.
		{"my 4 year old needs carrying everywhere, what should I do for him?", true},
		{"our old mattress sags in the middle, what should I do for my back?", false},
		{"my 5yo keeps saying his back hurts after school, heavy backpack? what should i do", true},
		{"My partner's back is killing him from sleeping on the sofa since my pregnancy pillow took over the bed lol. any tips for HIS back?", true},
		{"my back hurts from lifting my son, what should i do", false},
		// Weeks and days ("27+2") are her pregnancy; someone who swears by
		// something is a source, and "her" in the question is still her.
		{"someone mentioned a support belt earlier. 27+2, back going by the afternoon. do they actually help?", false},
		{"my colleague swears by a cushion behind the back when she sits. does that help or is it just her", false},
		{"my colleague has a bad back. does a cushion help her?", true},
		{"my husband swears by stretching. what should he do for it?", true},
		{"my mum swears by goose fat. what should she do for it?", true},
		{"my toddler climbs on me all day, 27+2, what should i do for him", false},
		// The clause that asks decides: someone else's report after it, or
		// the same thing asked for her too, is context.
		{"is a belly band worth buying, my sister had one with her twins", false},
		{"my sister does yoga for her back, should i try it as well?", false},
		{"my mum has sciatica in her back, what can she do for it?", true},
		{"not pregnant, asking for my sister: does a TENS machine work for period pain?", true},
		{"my partner wants to help with my back pain, what can he do / what actually helps?", false},
		// Her own question first, someone else's back or the baby's
		// things only as context after it.
		{"do hamstring stretches help lower back spasms? my dad does them for his back", false},
		{"is a muscle strain the same as a spasm? think i strained it lifting the pushchair into the boot", false},
		{"what position should a newborn sleep in? back or side? my mum says side", true},
		// Another complaint of pregnancy that never names the back.
		{"calf cramps at night wake me up screaming, what helps with leg cramps?", true},
		{"tired all the time at 8 weeks is that normal", true},
		{"tired all the time and my back spasms every evening, what helps?", false},
		{"how do i carry my 4yo when her legs are tired on the school run, 29 wks", false},
		// A person's word inside a compound names something else.
		{"what stretches are ok for back spasms, is cat cow ok?", false},
		{"what stretches should my cat do for her back?", true},
	}
	for _, tt := range tests {
		c := m.Classify(tt.text, "")
		if got := len(c.Candidates) == 0 && c.OffTopic == 1; got != tt.other {
			t.Errorf("%q: read as someone else's question = %v, want %v (%+v)", tt.text, got, tt.other, c.Candidates)
		}
	}
}

// TestUnlessPatternsKeepTheSign checks the knowledge base's unless
// patterns against signs told next to their idioms: "I can't move" is
// her, "I haven't felt her move" is the baby.
func TestUnlessPatternsKeepTheSign(t *testing.T) {
	m := embeddedMatcher(t)
	tests := []struct {
		text, want string // want "" for no safety reply at all
	}{
		{"i haven't felt her move since lunch", "baby-movements"},
		{"i haven't felt her move because i've been so busy, is that ok", "baby-movements"},
		{"I can't move because of my back", ""},
		{"I'm not okay, I think about harming myself", "crisis"},
		{"I have never had thoughts of harming myself, just tired", ""},
		{"our baby didn't make it past 12 weeks", "loss"},
		{"didn't make it to the loo in time lol", ""},
		// "Every 5 minutes" in that order, not "every morning ... 10 mins".
		{"tightenings every five minutes since tea", "contractions"},
		{"every morning my back is stiff, takes me 10 mins to get up", ""},
		// "Gone" reads "go": "if I was gone", not "should I be going back".
		{"nobody would notice if i was gone", "crisis"},
		{"should i be going back to the gym or is rest better", ""},
		{"my back spasms always kick off after a day with my in laws", ""},
		{"the spasm always hits me at night", ""},
		{"he always hits me when he drinks", "abuse"},
		// A back that "doesn't die by lunch" is hyperbole; a member who'd
		// be better off dead is in crisis.
		{"best way to sit so my lower back doesnt die by lunch?", ""},
		{"everyone would be better off if I died", "crisis"},
		// "big" of no headache: "the big shop"; a greeting of "lads".
		{"Hubby had a nasty headache and blurred vision from his migraine today so I did the school run and the big shop alone. 31 weeks", ""},
		{"Ah lads, little one's been awful quiet since last night, 28 weeks", "baby-movements"},
		// A habit voids the reassurance it governs, not an idiom after
		// another verb: "always worn" says nothing of the slip-on shoes.
		{"she usually kicks loads but nothing since breakfast", "baby-movements"},
		{"I've always worn those slip-on clogs everyone on the ward wears", ""},
		// A partner between a child or a pronoun and the blow is the one
		// who strikes: no child's or baby's kick.
		{"My daughter's partner shoved her into the kitchen worktop, she's 30 weeks", "abuse"},
		{"client disclosed her partner kicked her in the stomach two days ago (29+3)", "fall"},
		// Weeks and days name another's pregnancy as weeks do.
		{"my friend fell down the stairs (30+2)", "fall"},
		{"my friend fell down the stairs, she's 8", ""},
		// How much she walks undoes no save; tightenings that grow do.
		{"bump goes hard now and again when i walk a lot but it's random and stops when i rest", ""},
		{"bump goes hard when i walk but it stops when i rest, now every 5 minutes", "contractions"},
		// A rainbow is this pregnancy: lost, it is a loss today; named
		// beside a loss told before, it is history.
		{"our rainbow didn't make it. 8 weeks. found out yesterday", "loss"},
		{"our rainbow baby is gone. 19 weeks", "loss"},
		{"after losing our first, our rainbow is 20 weeks and kicking away, back is sore", ""},
		// A few movements in a day is a count; a burst is not.
		{"she usually goes mad at night and it's been like 2 small flutters all evening", "baby-movements"},
		{"baby kicked me like 5 times in a row today lol", ""},
		// Voice typing is how she wrote, not voices she hears.
		{"sorry voice typing I said heat pad not hit pad lol", ""},
		{"the voices tell me to hurt myself", "crisis"},
		// "be" is never a trigger word: "I'm a burden" needs no feeling.
		{"i'm a burden on everyone, i just feel hopeless", "crisis"},
		// A year two or more back, or her twenties, is before this
		// pregnancy; a fall today beside it is news.
		{"came off my bike in 2018 and hurt my back, 25 weeks now and it aches", ""},
		{"slipped on black ice in my 20s and my back never forgave me", ""},
		{"had a fall in 2019 and another one this morning, 30 weeks", "fall"},
		// A baby born alive is no loss, however much it reads like one.
		{"had my son 4 weeks ago and my back is still sore, when does it settle", ""},
		{"had my son stillborn 4 weeks ago and my back is still sore", "loss"},
		// Love and a match's start are no fall or blow.
		{"fell head over heels for the cot we saw today, 28 weeks", ""},
		{"kick off is at 8 and my partner wants me there, my back will hate those seats", ""},
		// A question about a sign, with the sign denied in another
		// sentence or told as not having happened, asks; a denial that
		// is no denial, or a sign told beside it, alarms.
		{"does dizziness mean low iron in pregnancy? I'm not dizzy myself, my cousin asked", ""},
		{"do you need to go in after a knock to the bump? nothing has happened yet, just a clumsy teacher", ""},
		{"is dizziness normal in pregnancy? I can't stop feeling dizzy", "faint-breathless"},
		{"is dizziness normal in pregnancy? I'm not dizzy now but I fainted this morning", "faint-breathless"},
		// What he keeps from her, in order; not care that shares a window
		// with "eat" of another clause.
		{"he won't let me see my mum or my friends anymore", "abuse"},
		{"hubby won't let me lift a thing, checks I've eaten, total softie", ""},
		// A save she only believed saves nothing; the sign she believed,
		// taken back by the save, does.
		{"my knickers have been wet since this morning, didn't ring cos i thought it was wee, 33 weeks", "waters"},
		{"thought my waters had gone this morning but it was just wee, 33 weeks", ""},
		// A child she lifts is no one else who has the sign; one who does
		// it himself is.
		{"picking up my 2 year old and now my legs have gone numb and weak, 31 weeks", "nerve-compression"},
		{"was lifting my son (4) onto the bed and he fell off the other side, 27 weeks", ""},
		// A sign's word said to be well right after it is no sign; a
		// yardstick ("less than normal") or a question is.
		{"feet puff up by bedtime, hands and face fine, no headache, 30 weeks", ""},
		{"she's moving less than normal today, 30 weeks", "baby-movements"},
		{"is a swollen face and puffy hands normal at 30 weeks", "pre-eclampsia"},
		// The weather named before a temperature explains it; her own
		// temperature beside it does not.
		{"boiling out today, 39 degrees in the garden, 31 weeks and my back is sweaty", ""},
		{"boiling out today and I've got a temperature of 38.6 and the shivers, 31 weeks", "infection"},
		// "Not a bit" answers a question; followed by "full" it corrects
		// the amount upwards.
		{"the toilet is full of blood. not a bit. full. 27 weeks", "heavy-bleeding"},
		{"any bleeding? not a bit. just sore, 27 weeks", ""},
		// From a review of this round's mechanisms: each of these was once
		// missed by a reading meant for another message.
		{"hubby is with me and the waters just went everywhere, what do i do", "waters"},
		{"mum is here with me and the bleeding won't stop", "bleeding"},
		{"bleeding... i mean like a few drops, is that normal? 24 weeks", "bleeding"},
		{"i'm bleeding a lot... i mean it filled half a cup, 30 weeks", "heavy-bleeding"},
		{"my waters broke... i mean a whole bottle's worth came out, 36 weeks", "waters"},
		{"my husband keeps telling me to go to the hospital, heavy bleeding since this morning", "heavy-bleeding"},
		{"my daughter was rear-ended this morning while 30 weeks pregnant, she hit the steering wheel", "fall"},
		{">:( bleeding heavily\nnobody at triage answering, 30 weeks", "heavy-bleeding"},
		{"> has anyone had their waters go?\nhappening right now, what do i do, 37 weeks", "waters"},
		{"My waters just broke. In my dream last night I saw this happen, is it a sign? 38 weeks", "waters"},
		{"reading a book in bed when a gush of water soaked the sheets, 38 weeks", "waters"},
		{"my sister is also pregnant and she's had heavy bleeding all day, 30 weeks, what should she do", "heavy-bleeding"},
		// From S96: a correction that makes the sign a spill; an "I mean"
		// that only says more keeps it. A cousin's accident "when she was
		// pregnant" is hers then; a sister's today is the sign. A fall
		// asked ahead; Taglish swelling and headache; light-headed on
		// standing too quickly; "sorry for the essay ... everything".
		{"broke my waters... i mean knocked a full glass of water all over the bed at 3am trying to get comfy. 32 wks", ""},
		{"my waters broke... i mean it just gushed everywhere, 35 weeks", "waters"},
		{"my cousin got rear-ended when she was pregnant and they kept her in, baby was fine. should the seatbelt go under the bump?", ""},
		{"if i have a fall later in pregnancy do i go to a&e or maternity? 18 weeks", ""},
		{"mga mommy 37 weeks ako, sobrang sakit ng ulo ko tapos biglang namanas mukha at kamay ko today", "pre-eclampsia"},
		{"I get a bit lightheaded if I stand up too quick, GP checked my iron and BP last week. lower back stretches?", ""},
		{"Is this just normal pregnancy back pain? Sorry for the essay, my partner says I overthink everything.", ""},
		// Sick from a pain that bad is sudden severe pain; sickness "so
		// much" in the morning names no pain.
		{"the pain in my side is so intense i threw up, 29 weeks", "sudden-severe-pain"},
		{"Vomiting is so much in morning, what to eat to stop it?", ""},
		// Legs gone dead together, and wetting herself unfelt, are nerve
		// compression; both hands numb at night are not.
		{"had a back spasm and then my left leg just gave way and now both feel dead, 33 weeks", "nerve-compression"},
		{"weird thing, I couldn't tell I was weeing until I looked down. back spasm since yesterday. 26+2", "nerve-compression"},
		{"both my hands go numb and tingly at night, midwife says carpal tunnel. 30 wks", ""},
		// Pads gone in minutes are heavy bleeding; a heat or TENS pad that
		// works in minutes is none.
		{"bleeding, 2 night pads gone already in like 40 mins, back cramping bad. 30+4", "heavy-bleeding"},
		{"stuck the tens pads on and it eased in 10 mins, 30 weeks", ""},
		// From S95: her job at a refuge; contractions of words; a swoon put
		// on; "in case I go into labour"; a "no more" that is no end; what
		// she gave away for good; blood through her pyjamas.
		{"support worker at a women's refuge, 20 weeks. long day, some of the stories. lower back sore, support belt?", ""},
		{"english teacher, 25 wks. writing 'avoid contractions in formal writing' in every margin made me giggle tonight lol", ""},
		{"if one more person tells me 'just wait till the baby arrives' i'm going to stage a dramatic swoon in the middle of Tesco 😂 28 wks", ""},
		{"we share locations on our phones since i started driving on my own at 35 wks in case i go into labour. back pain when driving, seat tips?", ""},
		{"our boxing coach says no more sparring now i'm pregnant so i'm doing pad work with no contact. back aches a bit after. 16 wks", ""},
		{"gave away all the baby stuff today, the pram and the moses basket. don't think i'll be needing them. back's been terrible but i'm past caring now", "crisis"},
		{"is it normal to bleed through your pjs at 33 weeks lol, had to change the sheets and the mattress protector", "heavy-bleeding"},
		{"our kitchen ceiling is leaking because a pipe burst upstairs, i've been on my hands and knees with towels for an hour and now my back is in bits. 31 wks", ""},
		// A story she watched, told with its character as the subject; her
		// own sign while she watched stays hers.
		{"The ending of that drama had me in bits, she lost the baby and I sobbed for an hour. Anyway 29wks, back sore", ""},
		{"watching a drama and the baby hasn't moved all evening, 32 weeks", "baby-movements"},
		{"I was watching a film when my waters went, 36 weeks", "waters"},
		// A quoted post is another member's; taken up as hers, it is hers.
		{"> has anyone had a fall in pregnancy?\nnot me thankfully, but my back's so bad I'm scared of the stairs now. 32wks", ""},
		{"> my waters just went!!! off to hospital\nsame here!! 37 weeks, gush on the kitchen floor", "waters"},
		// A dream told after the sign; a partner who tells how she is after
		// a faint; an old threat of a beating; "bleeding" as an oath.
		{"OMG my waters broke!!! ...in my dream 😂 woke up in a panic, all dry, LO kicking. 33 wks", ""},
		{"my wife passed out on the sofa for a minute, she's awake now but pale, 27 weeks", "faint-breathless"},
		{"he told me if i dont stop moaning about my back he'll give me something to moan about. he's done it before", "abuse"},
		{"Bleedin' back's at me again after the school run. 27 weeks", ""},
		{"bleeding back again, bright red, 20 weeks", "bleeding"},
		// A mother's story of carrying her, or her husband, is not hers.
		{"Mum keeps telling me horror stories about her falls on ice when she was pregnant with me lol. I'm 23 wks and haven't fallen", ""},
		{"my MIL had a fall when she was pregnant with my husband and she won't stop going on about the stairs. i'm 24 wks", ""},
		{"when I was pregnant with my son I fell down the stairs, now 20 weeks again and I just fell off a chair", "fall"},
		// A question someone asked her, answered no in the next sentence;
		// answered yes, the sign stands.
		{"my chiro asked if I'd had a fall because my pelvis was so 'out'. Nope, just 30 weeks of carrying a watermelon", ""},
		{"the physio asked if I'd had a fall because my pelvis was so out. Yes, I slipped on the stairs on Monday, 30 weeks", "fall"},
		// Her back "sore again" is not a settled sign come back; the sign is.
		{"At 20wks I had a UTI, antibiotics sorted it and my retest was clear. Now 30 weeks and my back is sore again, stretches?", ""},
		{"had some spotting at 8 weeks, scans all fine since. now 20 weeks and it's back again, bright red", "bleeding"},
		// A flow of emails, a back that gives up on life, advice quoted.
		{"Heavy flow of emails today and I've been hunched over the laptop all day. Lower back aching", ""},
		{"heavy flow and clots since this morning, 20 weeks", "heavy-bleeding"},
		{"LO kicking like mad tonight, meanwhile my lower back has given up on life. any tips for sleeping", ""},
		{"i have given up on life, my back hurts and i cant go on", "crisis"},
		{"Midwife said 'any bleeding, call us' so I rang about a nosebleed, she was lovely about it. 23 weeks", ""},
		{"midwife said any bleeding call us and now I'm bleeding, 23 weeks", "bleeding"},
		// Breathless on the way up and fine at the top is no sign, nor a
		// stop there a wish to stop breathing; breathlessness told as new is.
		{"get out of breath going up the stairs now, have to stop at the top for a sec then I'm fine. 32 weeks", ""},
		{"so breathless walking up to the bedroom and it's new since this week, 30 weeks", "faint-breathless"},
		{"some days I just want to stop breathing and not wake up", "crisis"},
		// Another measured against her is the one told of: "ahead of me".
		{"coworker (also pregnant, 2 weeks ahead of me) went into labour at work yesterday! she's fine, baby fine", ""},
		// What she handles is not who the sign is about, and an animal's
		// waters are only the ones it owns.
		{"OMG there was a gush!! 38 weeks, I was bending to pick up the dog bowl and water everywhere on the kitchen floor. its a bit greenish??", "waters"},
		{"our dog's waters broke on the sofa this morning, 6 puppies! 28 weeks and my back is sore from cleaning", ""},
		// A name the triggers use is read as words, capitalised or not.
		{"been getting Braxton Hicks all evening and they are getting stronger and closer together, 34 weeks", "contractions"},
		// An assault is a blow as well as abuse; a likeness or an object
		// that hits her is not.
		{"he punched my back last night because I was too slow, 28 weeks", "fall"},
		{"she said the tiredness would hit me like a truck in third tri", ""},
		{"my son threw his cup and it hit my face, he thought it was funny, 22 weeks", ""},
		// A climb to the worst is sudden severe pain; a mood's is not.
		{"my back went from fine to agony in a couple of minutes and it won't settle, 29 weeks", "sudden-severe-pain"},
		{"my patience went from fine to zero in a minute with the toddler today lol, back aching", ""},
		// Found by a review of the S98-S103 round's readings: each of its
		// unless patterns and mechanisms tried against real signs it could
		// silence, and its new triggers against ordinary messages.
		{"bleeding heavily and clots, nosebleed this morning as well 25 weeks", "heavy-bleeding"},
		{"bleeding from down below, cut my hand on a glass earlier too", "bleeding"},
		{"red blood on the tissue when i wipe, nosebleed this morning too", "bleeding"},
		{"started bleeding in the car on the way home from work 24 weeks", "bleeding"},
		{"noticed bleeding in the car park at asda, bright red", "bleeding"},
		{"started bleeding on the phone to my mum", "bleeding"},
		{"he dragged me along the pavement last night", "abuse"},
		{"he pushed me along the landing", "abuse"},
		{"he dragged me around the kitchen", "abuse"},
		{"hubby pushed me around a bit during the argument, back hurts now", "abuse"},
		{"scary thoughts of baby dropping from my arms onto the tiles", "crisis"},
		{"i have images of the baby dropping into the bath and drowning", "crisis"},
		{"intrusive thoughts about the baby dropping over the bannister", "crisis"},
		{"blacked out in the kitchen with the blinds shut", "faint-breathless"},
		{"blacked out near the window in the lounge, 30 weeks", "faint-breathless"},
		{"lost my baby will my back pain go now", "loss"},
		{"lost our boy will the pain ever stop", "loss"},
		{"lost our daughter will i ever feel normal again", "loss"},
		{"baby still today and cramping", "baby-movements"},
		{"lo still today n cramping on and off", "baby-movements"},
		{"baby been still all day bleeding a bit too", "baby-movements"},
		{"so much pressure down below just like the head is coming out, 34 weeks", "contractions"},
		{"pressure down there just like babys head is going to fall out 32 wks", "contractions"},
		{"my bump skin is tight then lets go, keeps happening, 32 weeks", "contractions"},
		{"my skin is so tight then lets go over and over 30 weeks", "contractions"},
		{"new kind of low ache in my back, moving constantly doesnt help, 31 weeks", "contractions"},
		{"knickers soaked after my shower and it keeps coming", "waters"},
		{"knickers wet after my bath and it keeps coming", "waters"},
		{"leaking clear fluid with white bits in it, 37 weeks", "waters"},
		{"been leaking clear fluid with white flecks since last night", "waters"},
		{"my back hurts constantly, i've been on the floor since 6am", "sudden-severe-pain"},
		{"nobody cares if i'm here or not honestly", "crisis"},
		{"don't know how much longer i can keep pretending im ok, i just want it to stop", "crisis"},
		{"cant do this cold dark life anymore", "crisis"},
		{"i cant do this noise in my head anymore", "crisis"},
		{"felt fine before i came off my bike, now my bump hurts", "fall"},
		{"i was fine before i came off the horse but now im cramping", "fall"},
		{"the swing hit different bits of my bump, toddler was on it", "fall"},
		{"donating to refuge at work today, wish i could tell someone what he does to me", "abuse"},
		{"we were sponsored for refuge at work, funny because i probably need them myself, he scares me", "abuse"},
		{"hospital referred me to baby loss services this morning, still in shock", "loss"},
		{"i need baby loss support, it happened yesterday at 19 weeks and my back is killing me", "loss"},
		{"walang tigil ang dugo, 20 weeks po ako", "heavy-bleeding"},
		{"the baby clothes are so little, I cried folding them", ""},
		{"someone reversed into my car in the tesco car park while i was shopping, so annoyed", ""},
		{"Goodbye ladies, baby arrived! thank you for the kindness, look after yourselves x", ""},
		{"bye all, leaving the group now baby is here, look after each other x", ""},
		{"can you tell my husband sorry I was grumpy lol", ""},
		{"if i leave it till after the baby for physio will i regret it", ""},
		{"going to burn it off at the gym, is that ok at 20 weeks", ""},
		{"my toddler hid my car keys so i can't go anywhere lol", ""},
		{"is it safe to use chemical hair dye? did a test patch", ""},
		{"kinunan ako ng dugo para sa blood test kanina", ""},
		// The review's older finds: another's bleeding when she is the
		// pregnant one, advice asked about with a sign of her own, not
		// safe with him (and no baby that is not felt).
		{"my sister is bleeding, she's 20 weeks", "bleeding"},
		{"my mum says bleeding at 30 weeks is normal, is she right? its bright red and still coming", "bleeding"},
		{"i'm not safe when he drinks", "abuse"},
		{"i don't feel safe around him", "abuse"},
		{"haven't felt him since breakfast", "baby-movements"},
		// S105's readings. An oath before what cannot bleed, in either
		// bleeding sign; literal blood on her legs still fires.
		{"bloody nightmare getting my socks on now", ""},
		{"bloody legs and socks, it's everywhere, 30 weeks", "heavy-bleeding"},
		// Blood coughed up is the chest's, not the womb's.
		{"coughed up a bit of blood tonight and my calf is sore, 29 weeks", "faint-breathless"},
		{"coughed so hard i wet myself and now there's blood on my pad, 29 weeks", "bleeding"},
		// The sign cleared, then checked; cleared alone still fires.
		{"the UTI has cleared after the antibiotics, GP retested and it's all good", ""},
		{"the bleeding has cleared up a bit but its still red when i wipe, 20 weeks", "bleeding"},
		{"the spotting last week was after the smear, midwife checked and it stopped completely days ago", ""},
		{"think my waters went 2 days ago and now i'm shivery and it smells off", "waters"},
		// Not pregnant then: history before this pregnancy.
		{"had a kidney infection last year (not pregnant then), no temp now, 17w", ""},
		// Signs a class went through, listed; one reported after them fires.
		{"antenatal class went through the warning signs tonight, bleeding, waters, less movement, headaches and all that", ""},
		{"the class covered the warning signs. bleeding since lunch, bright red, 30 weeks", "bleeding"},
		// What she read, turned from by a "but" to what she reports; a
		// question with no turn stays a question.
		{"i read that movements slow down at the end, but it's been about 5 hours with nothing at all. 37 wks", "baby-movements"},
		{"what do braxton hicks feel like? 28wks and not sure if ive had them", ""},
		// A loss at a week her pregnancy today is months past; the weeks
		// since a loss are grief's, not a new pregnancy's.
		{"3rd pregnancy, lost the 2nd at 14 weeks. 27 weeks now and my back aches at night", ""},
		{"It's been 3 weeks since we lost Noah at 26 weeks and my milk came in", "loss"},
		{"we lost him at 24 weeks on friday, I was 24 weeks", "loss"},
		// A loss at a week beyond her weeks today was another pregnancy's;
		// a week or two short is a slip of the count.
		{"since losing our girl at 37 weeks I panic about everything. 33+2 now, is a tens machine ok?", ""},
		// Numbers read off a timer, a watch or a thermometer.
		{"34w, my timer: avg 7:40 apart, 50s long, since 10pm", "contractions"},
		{"the reels are 45s long and my back hurts watching them", ""},
		{"heart going 140 for half an hour, won't slow down, 31 weeks", "faint-breathless"},
		{"the baby's heart going 140 on the doppler, so relieved", ""},
		{"lightheaded for 3 secs when I got out of the bath, fine after, 24 wks", ""},
		{"lightheaded for 3 hours and can't stand up, 24 wks", "faint-breathless"},
		{"first time my resting hr has hit 95 this pregnancy lol", ""},
		{"first time he hit me was at 20 weeks", "abuse"},
		{"how high does a temperature have to be before you ring? mine's 36.9", ""},
		{"how high does my temp have to be, it's 38.9 and I'm shivering", "infection"},
		// The bowels not felt, like the bladder.
		{"couldn't feel myself poo this morning and my back is awful", "nerve-compression"},
		// A show with red through it.
		{"first baby, is this normal? Mine's got a lot of bright red in it, 34 weeks", "bleeding"},
		// A hard time side by side; a count between is a tightening's.
		{"my bump has gone hard about 4 times an hour since tea, 33 weeks", "contractions"},
		{"having a hard time sleeping, 33 weeks, back aches", ""},
		{"had 5 in the last hour and each one makes my back go tight, 32 weeks", "contractions"},
		// What this is not like; what it is set beside.
		{"this is nothing like when my waters went with my son, just a drip of wee when I sneezed", ""},
		{"it isn't like when I fainted, I just felt a bit off", ""},
		{"30 weeks and my back comes and goes in waves like it did in labour with my first", "contractions"},
		{"my waters broke at 38 weeks with my first, now 20 weeks with my second and my back aches", ""},
		// Told by what it is more than, by the cold with the room warm,
		// by the shoulder's tip, by a dog's paws.
		{"it's more than a period and it's running down my leg, 27 weeks", "heavy-bleeding"},
		{"she's been shaking with cold all evening even though the house is warm, 26 weeks", "infection"},
		{"7 weeks, low in my tummy on the left it hurts, and my shoulder hurts right at the top, positive test last week", "sudden-severe-pain"},
		{"sleeping on my right side makes the top of my shoulder ache, 30 weeks", ""},
		{"the dog's paws got me on the belly when he jumped up, 25 weeks", "fall"},
		// A person likened is no one who hurt her; one told plainly is.
		{"baby kicking me in the kidneys like his brother used to 🙄 are kidney kicks normal", ""},
		{"he kicks me in the ribs like my ex used to, 31 weeks", "abuse"},
		// Labour planned for, or asked about ahead, is no labour now.
		{"my partner works away, if I go into labour who takes me in? 30 weeks", ""},
		{"if I go into labour now at 33 weeks what happens? tightenings every 5 minutes for an hour", "contractions"},
		{"ok silly q but do they let you eat in labour? I get hangry lol", ""},
		// A wound told with "is".
		{"section 9 days ago, wound is hot and red and weeping", "infection"},
		// Crisis told as fear of harming the baby, a method read about,
		// words cut into the skin; her own temper at a phone is none.
		{"she won't stay alone with the baby, she's afraid she'll hurt him, 4 weeks pp", "crisis"},
		{"been reading about the quickest ways and I'm so tired of all of it", "crisis"},
		{"carved sorry into my arm last night, 20 weeks", "crisis"},
		{"I nearly threw my phone at the wall when the doorbell woke her 😤", ""},
		// A headache's cause named after "because".
		{"my head hurts bc i havent had a coffee in weeks lol", ""},
		// From S214 and S215: a misspelt loss, asleep in two words, weak typed
		// "week", a blow caught in time; a check denied, a wife's "she",
		// an aid hidden, medicine withheld, her baseline, ectopic beats.
		{"had a misscarage today at 9 weeks, back cramping", "loss"},
		{"fell a sleep in the bath lol and my back feels better", ""},
		{"both my legs feel week and i nearly went over, 32 wks", "nerve-compression"},
		{"my 2yo tried to headbutt my bump but I caught him in time", ""},
		{"31 weeks, a streak of blood when i wipe today. no sex no exam nothing", "bleeding"},
		{"typing for my wife, paraplegic, 31 weeks. she self caths and they have been cloudy, she's got a temp of 38", "infection"},
		{"my partner hides my cane on purpose so I trip, 28 weeks", "abuse"},
		{"my mum says she will stop giving me my pain medicine if i tell the midwife about her", "abuse"},
		{"my baseline is numb from the waist down (T11 complete) so what checks do other mums do?", ""},
		{"I've had ectopic beats for years, cardiologist knows. 24 wks, back pain lying on my left", ""},
		// The writer not the pregnant one: her own signs are not the
		// member's; the pregnant one's still are, and so are a pregnant
		// writer's beside a friend's weeks.
		{"I'm the friend, not pregnant lol. I fainted at her baby shower from the heat, she's 32 wks and fine", ""},
		{"I've got a temperature of 38.4 and the shivers, my wife (34 wks) is fine but I don't want to give it to her", ""},
		{"my wife (34 wks) is fine but she just fainted in the kitchen", "faint-breathless"},
		{"my friend (30 wks) is fine but I'm 28 weeks and I fainted at work", "faint-breathless"},
		{"my daughter is staying with me tonight. She has just shown me red streaks on the tissue, 20 weeks", "bleeding"},
		// Whom she would call is no one the sign is about; an adverb's
		// doubled l typed once is still the adverb.
		{"should i be calling someone about light spotting since lunch? 17wks", "bleeding"},
		{"my baby normaly very active but today nothing much, 31 week", "baby-movements"},
		// The pregnant one named with her weeks by a writer who tells none
		// of her own: her signs count; a pregnant writer's friend's do not.
		{"my mum slipped on the decking earlier and landed on her bum, now she says there's blood in her knickers. she's 27 weeks. my dad isn't picking up his phone", "bleeding"},
		{"my friend slipped on the ice and landed on her bum, she's 27 weeks. I'm 30 weeks and sore", ""},
		// Her words of crisis reported by a partner; a writer's own wish to
		// be rid of someone is none.
		{"my wife keeps saying we'd be better off without her, 5 weeks pp", "crisis"},
		{"my gf is 5 wks postpartum and keeps saying everyone would be better off if she just vanished", "crisis"},
		{"my sister keeps saying everyone would be better off if she stopped nagging lol", ""},
		{"MIL is awful, honestly we'd be better off without her", ""},
		// From S218 and S219: coded words for self-harm and asking for help,
		// the shorthand as hyperbole; literal translations of a fever, a
		// door on the bump, pressure from below.
		{"sh update: did it again last night, deeper this time. 30 wks", "crisis"},
		{"kms this heartburn lol, 36 weeks", ""},
		{"is there a dv worker here i can dm? cant type much, he's in the next room", "abuse"},
		{"my partner gets handsy in the bad way, throat. 36 weeks", "abuse"},
		{"my body is hot 39 since the morning, 28 weeks", "infection"},
		{"the door of the train close on my belly, 24 weeks, worried", "fall"},
		{"something pressing down from below, like baby want to come out, 32 week", "contractions"},
		// A late loss, or weeks told of this pregnancy: another pregnancy's.
		{"our daughter was stillborn at 23 weeks. this one is 27 weeks and my back aches", ""},
		{"after losing our last embryo transfer at 7 weeks we tried again. This pregnancy is 14 weeks", ""},
		// Told to come back if a sign begins: advice, until it has.
		{"the triage midwife said come back if the contractions start, 33 weeks", ""},
		{"they said come back if the bleeding starts again. it has, bright red", "bleeding"},
		// Weeks past, then well now or not once since.
		{"had a dizzy spell last month, GP checked my bloods, fine now on iron", ""},
		{"went dizzy on monday, ECG normal at A&E", ""},
		{"went dizzy at work a fortnight ago, not one dizzy spell since", ""},
		{"went dizzy at work a fortnight ago and again tonight", "faint-breathless"},
		// A reading told is a fact: a cue of another predicate leaves it
		// standing; one that governs it denies it.
		{"shaking cant get warm temp 39 20wks", "infection"},
		{"no temp of 39, just achy, 20 weeks", ""},
		// A sign matched with a cue in its own words stands after another
		// cue; a plain word of the same term is still denied.
		{"THE PAIN IN MY BACK WONT STOP ITS BEEN CONSTANT FOR AN HOUR NOTHING HELPS CANT EVEN STAND 27 WEEKS", "sudden-severe-pain"},
		{"no saddle numbness, no tingling in both legs, just sciatica down my bum cheek. 33 weeks", ""},
		// The cue told bare: not feeling where she sits.
		{"My wife say she cannot feel the area where she sit, like numb, 26 weeks", "nerve-compression"},
		// Wet explained by a cause named with "from"; not by a bath before.
		{"wet patch all down my top from the ice pack lol", ""},
		{"I put the ice pack on and now my knickers are soaked and it keeps coming, 34 wks", "waters"},
		{"soaked from the waist down and it keeps coming 35 weeks", "waters"},
		{"Slight wetness in my underwear all day that isn't wee, 26 weeks", "waters"},
		// Her own "all clear" checks nothing (a visit's plain result was
		// withdrawn after the review: it settled yesterday's falls).
		{"went to A&E on friday with bleeding, all clear, but today it's started again", "bleeding"},
		// A forecast is no waters; a trickle beside it is.
		{"mi mother say mi waters will bruk soon cause mi carry low, 28 weeks", ""},
		{"think my waters will break soon, there's been a trickle all day that won't stop, 34 weeks", "waters"},
		// What she would not do is no baby doing nothing.
		{"is acupuncture safe? dont want to do anything that could harm baby", ""},
		{"he's not doing anything today, barely a wriggle, 33 weeks", "baby-movements"},
		// A checked post, not a post in the group.
		{"Someone posted in here yesterday about bleeding and she's ok now, they checked her over", ""},
		{"he checks my phone and goes through my post every night", "abuse"},
		// S107's readings, after its review: a news story, an article or
		// "long story short" tell nothing of whose a sign is ("not great
		// news, there's been fresh blood" is hers).
		{"Not great news, there's been fresh blood on the pad since lunch at 30 weeks", "bleeding"},
		{"long story short, I fell down the stairs, 30 weeks", "fall"},
		// A visit's result only as the words side by side: "all week as
		// well" checks nothing.
		{"Had some light bleeding after sex last night, just a few drops on the tissue, 19 weeks. Back's been sore all week as well", "bleeding"},
		// A dose asked with the disclaimer that gives it away; not a
		// limit she will keep.
		{"can you overdose on the iron tablets? not planning anything just curious", "crisis"},
		{"can you overdose on iron tablets in pregnancy? my midwife gave me loads", ""},
		{"Can you overdose on vitamin D? not planning to take more than one a day, just curious", ""},
		{"my dad lives on his own so I've been writing him notes about the baby's routine", ""},
		// A stillbirth told as a birth is a loss.
		{"Our daughter was born on Tuesday at 22 weeks and she didn't make it", "loss"},
		// Goodbye to what pregnancy takes; a birth announced.
		{"Goodbye seeing my feet, goodbye sleep, goodbye dignity. Hello 36 weeks", ""},
		{"Leaving the group now as baby boy arrived on Tuesday! 8lb 2oz, both doing well", ""},
		// A bare denial takes the sign back, also before a new clause of
		// her own; a denial that goes on tells more of the sign.
		{"everyone thought my waters had gone haha they hadn't I'm only twenty weeks anyway my back's sore", ""},
		{"thought my waters went, they haven't stopped leaking since, 33 weeks", "waters"},
		// How the pregnancy is doing today puts a loss at an early week
		// in the past; a loss this week stays one.
		{"lost one twin at 12 weeks, remaining baby doing great at 28 wks. sciatica tips?", ""},
		{"we lost twin B yesterday at 28 weeks, twin A is doing fine", "loss"},
		// A blood clot's leg: one calf swollen and red or sore; calves
		// swollen by evening, or sore after a cramp, are ordinary.
		{"my left calf is swollen, red and really painful to walk on, 29 weeks", "faint-breathless"},
		{"my calves are swollen and sore by the evening", ""},
		{"calf cramp last night and it's still sore and a bit swollen", ""},
		// A dream said after it to be real is no dream; one that only
		// felt real still is.
		{"dreamt i was bleeding and woke up and checked and... there was actually a bit. not a dream. 16 weeks", "bleeding"},
		{"had a dream i was bleeding, it felt so real. back ache today", ""},
		// What she realised it was explains it; realising the sign does not.
		{"was going to ask about some pink on the loo roll but i just realised its the pink toilet paper my mam bought", ""},
		{"pink on the loo roll, i just realised im bleeding, 20 weeks", "bleeding"},
		{"i've been bleeding a bit since last night, i realize the juice thing people say but this isnt juice", "bleeding"},
		{"my dream is a water birth. what if my waters break early at home? not a dream scenario lol", ""},
		// A reassurance she did not perceive is none.
		{"took my usual meds, it went, but now I realise I didn't notice baby moving much at all yesterday or today. 31+4", "baby-movements"},
		{"i can feel him kicking loads, didn't notice it earlier", ""},
		// A cue with "this" for its object says the sign is new, not
		// denied; a list it heads is still denied.
		{"STM and never had this with DS - light red spotting and a dull backache at 28+5. Anyone?", "bleeding"},
		{"haven't had this before - no bleeding, no fluid, just back pain", ""},
		// 💧 reads "fluid".
		{"waters?? 💧 everywhere 31w", "waters"},
		{"no 🩸 no 💧 just 🔙 pain lol. 28+3", ""},
		// "Never ... till tonight" tells when it began; "till now" is
		// none so far.
		{"never had a single tightening all pregnancy till tonight and now they're regular and painful 😟 28 weeks", "contractions"},
		{"No bleeding or spotting till now, no water leak, baby movements regular. back pain at my desk", ""},
		// "Me at 25 weeks" is her pregnancy beside a friend's sign.
		{"my best friend is 38 weeks and her waters just went!! so excited for her 🥹 meanwhile me at 25 weeks with a sore back lol", ""},
		{"had a dream my waters went and woke up soaked, it wasn't a dream the bed is drenched 37 weeks", "waters"},
		{"dreamt my waters broke in Tesco. Not a dream I want to repeat 😂", ""},
		{"haven't had any bleeding up until this point, touch wood, just back ache", ""},
		// An ectopic pregnancy's pain: one-sided and sharp in the first
		// weeks, or with pain at the tip of the shoulder; a ligament's
		// twinge on a sneeze is none.
		{"Woke up with the worst pain in my left side, worse than any period, can't get comfy, back hurts too. positive test 10 days ago", "sudden-severe-pain"},
		{"Weird ache right at the top of my shoulder plus sharp pains low down on one side. 6 weeks", "sudden-severe-pain"},
		{"sharp pain on one side when I sneeze, 12 weeks, is that ligaments?", ""},
		// Her weeks "now at 5 weeks" are early: a period-like ache is no
		// preterm labour.
		{"Chemical in January, positive again now at 5 weeks. Lower back feels tight like before a period. Normal?", ""},
		// "End of a period" only in order.
		{"ache in my lower back by the end of each day, particularly after long periods at my desk. no bleeding", ""},
		{"My partner has on several occasions forced me to have relations when I did not wish to. I am 28 weeks", "abuse"},
		// After the birth, a sign of the pregnancy itself, or lochia with
		// nothing fresh about it, is none; bright red again still fires.
		{"the cramps when LO latches are insane, like mini contractions lol. 5 weeks pp", ""},
		{"4 weeks pp and my bleeding is mostly brown and light now, just needs a liner. that's normal right?", ""},
		{"3 weeks pp, my lochia had gone brownish and now it's bright red again", "bleeding"},
		// Coercive control told in passing; its look-alikes by choice or
		// of another woman.
		{"found an airtag in the lining of my handbag. he says it's in case I lose it. back's awful", "abuse"},
		{"he hides my pregnancy vitamins and my gaviscon when I annoy him. says I need to earn them", "abuse"},
		{"he shook me by the shoulders because I forgot to put the bins out. my upper back is sore", "abuse"},
		{"my friend is in a really controlling relationship and I don't know how to help her. 20wks with pgp", ""},
		// A show at term or after a sweep is none; fresh red, "bloody",
		// or before 37 weeks, it fires.
		{"had my sweep at 11, now some pinkish-brown mucus when I wipe. midwife said to expect that", ""},
		{"pinkish mucus with streaks of fresh red blood after my sweep, 39 weeks", "bleeding"},
		{"35 weeks, I haven't had a sweep or any exam this time and there's pinkish mucus since this afternoon", "bleeding"},
		// Labour's count with what makes it real; a cue on a verb is no
		// list ("haven't eased with a bath or paracetamol, every 6 min").
		{"ok these are NOT braxton hicks anymore. can't walk or talk during them and they're getting closer, 3 in 10 mins", "contractions"},
		{"been having them since tea time and they haven't eased with a bath or paracetamol, every 6 min and stronger each time", "contractions"},
		// Falls at work told by how she went down; near misses and a
		// bump that first showed are none.
		{"Confused patient grabbed my arm mid transfer and pulled me over, I went down against the bed rail bump first. 30 weeks", "fall"},
		{"Stood up from my desk, chair rolled away and I went down on my tailbone. 32w", "fall"},
		{"nearly went over on the ice this morning but grabbed the railing in time, didn't actually fall", ""},
		{"i always go into shops bump first now lol, people move out the way", ""},
		{"a cop pulled me over for speeding on the way to work, back is stiff from the car", ""},
		{"40+2 had my sweep at 10am, now I've filled 2 pads in an hour, some mucus in it", "heavy-bleeding"},
		{"39+3 and bleeding through my pad, is this what they call a show?", "bleeding"},
		// From S220 to S222: "mine" opens a clause of its own, no item of
		// a list a cue denied; an end to bleeding is no loss; a bare
		// "without" is a cue, so it no longer cancels "not wake up"
		// when another cue follows; gone still for hours is a change.
		{"mine's not like Holly's, hers was brown, mine is fresh pinky red but only when I wipe. 12 weeks", "bleeding"},
		{"went to triage about the spotting, baby fine, heartbeat lovely, no more blood since. back is sore", ""},
		{"scan today, baby's heartbeat no more. 11 weeks", "loss"},
		{"I just want to go to sleep and not wake up um not in a dramatic way, I'm just so tired of everything", "crisis"},
		{"I can't get through the night without waking with my back, 30 weeks", ""},
		{"frantic kicking for ages this afternoon and now it's gone totally still for hours", "baby-movements"},
		{"sat totally still for hours at my desk and now my back is locked", ""},
		{"thermometer says thirty eight point four is that high, twenty nine weeks", "infection"},
		// From S221 and S223: a likeness denies nothing without "when" or
		// "the time"; a cue's own verb takes a particle ("can't lie
		// back"), and the sign after "for" or "with" is its cause;
		// labour's count in ten minutes and gaps read off a timer; a
		// knee named in a fall explains no blood.
		{"Woke up gasping, can't lie back without feeling like I'm drowning and breathing is hard sitting up too. 36 weeks with twins", "faint-breathless"},
		{"can't lie down and breathing is hard, 34 weeks", "faint-breathless"},
		{"couldn't even speak for the pain, bump went solid and stayed solid. 36+2, still constant", "sudden-severe-pain"},
		{"I can't sleep for the back pain, 30 weeks", ""},
		{"getting proper waves through my back, 4 in 10 minutes, 39 weeks", "contractions"},
		{"did 3 laps in 10 minutes at the pool, 30 weeks", ""},
		{"hypo this morning 3.2, had jelly babies, back up to 6.1 in 15 mins, feel fine now", ""},
		{"timing these on the app: 6 mins, 5 mins, 7 mins, 5 mins. 38+2", "contractions"},
		{"timing my walk: 20 mins, 30 weeks, back ok", ""},
		{"in shower I feel something warm going down and since then it is keep coming drops drops. I am 30 weeks", "waters"},
		{"I feel my heart going very fast and I am without air, I cannot finish sentence when I talk. 35 weeks", "faint-breathless"},
		{"baby brain is real, I can't finish a sentence lol", ""},
		{"fell down 2 steps onto my knees at 23 wks, now a little bit of pink on the tissue", "bleeding"},
		{"Blister on my heel from new shoes popped and bled, 30 wks, sore back from walking funny", ""},
		// From S220: "he" fell is no baby's sign, and not hers unless he
		// came down on her; weeks spelled out; "only 5 weeks" opens her
		// clause; the words of a crisis only in their order; blood drawn
		// for a test; children's water games; "one week" waited is no
		// week of a new pregnancy.
		{"nursery rang, he fell over in the playground, my back is sore from carrying him home", ""},
		{"he fell onto my bump off the sofa arm, 30 weeks", "fall"},
		{"bestie is 6 months and she just fainted in her chair at the party, what do i do", "faint-breathless"},
		{"I had a bit of spotting at seven weeks but they scanned me and everything was fine and there's been nothing since, can anyone recommend a support belt", ""},
		{"only five weeks and already my lower back aches a bit like before a period no bleeding at all", ""},
		{"my blood pressure was one ten over seventy at the check today so all good just want to know if it's okay to swim", ""},
		{"I just want it all to end", "crisis"},
		{"had my sugar test, she had to try twice to get blood out so my arm's bruised lol, achy shoulder blades", ""},
		{"the kids had a water fight in the garden and I got soaked lol, does standing make back ache worse", ""},
		{"Woke up to a splash, like a water balloon popped in the bed, 33 weeks", "waters"},
		{"doctor say the baby stop growing at 7 weeks, no heart. I am waiting now one week, nothing happen only back pain", "loss"},
		// From S221 and S223: lochia that ended at a week after the
		// birth; a child by age; a visit; the plan for labour to come;
		// injection bruises; a check without "my"; flopping on the sofa.
		{"The bleeding after birth finished at 5 weeks and now my back pain is better too. 7 weeks postpartum. When can I start gym?", ""},
		{"bleeding stopped at 30 weeks and now it's back, bright red", "bleeding"},
		{"My 2 year old hit me with his toy car on the leg, now I have a bruise lol", ""},
		{"My mother in law is coming to live with us after the baby born. I am little nervous", ""},
		{"fainted in the kitchen, came to after a few seconds on the floor, 30 weeks", "faint-breathless"},
		{"VBAC consult today. gonna be on continuous CTG in labour. anyone done a vbac with a bad back?", ""},
		{"I think I'm in labour, 35 weeks, every 5 mins", "contractions"},
		{"clexane bruises all over my tummy, looking like a dalmatian. 20 wks", ""},
		{"had a bad headache yesterday, rang triage, they checked BP 118/76 and urine, all clear. fine today.", ""},
		{"collapsed on the sofa after GD clinic, so tired. back needs a massage", ""},
		{"felt dizzy and collapsed on the sofa, came round and was so tired, 30 weeks", "faint-breathless"},
		// From S223: a loss told as history by her first baby, and by a
		// month after "since".
		{"lost my first to an ectopic, now 10+4 with a heartbeat seen twice. Back aches standing at work", ""},
		{"since the miscarriage in march ive been so anxious. pregnant again 8 weeks, on cyclogest. my lower back aches, normal?", ""},
		{"we lost our first baby to miscarriage yesterday, 9 weeks", "loss"},
		{"6 weeks after accouchement I have again blood, very red, I need to change the serviette every hour since 3 hours", "heavy-bleeding"},
		// From S226: a threat against telling, whatever a midwife's
		// "will kill me" idiom says; a wound that smells; pain never felt
		// like it; all of it passed; a loss with "before" after its weeks.
		{"if i tell mw he'll kill me", "abuse"},
		{"my midwife will kill me if I eat another doughnut lol", ""},
		{"stitches hot n smelly, 8 days pp", "infection"},
		{"was in stitches, the dog smells lol", ""},
		{"never felt pain like it, back n tummy, 36w", "sudden-severe-pain"},
		{"passed everything at home 9w. its over", "loss"},
		{"passed everything in my driving test today lol, 30 weeks", ""},
		{"lost one at 14w before. is this back ache normal?", ""},
		// From S225: one lately delivered, named with the weeks since; a
		// cue does not reach what she says after "and says"; a puddle
		// under her chair; her heart is hers, said or on her watch; the
		// baby's on the doppler.
		{"my daughter (6 wks postpartum, had an epidural) says she can't feel properly when she opens her bowels, she had an accident yesterday, and her legs feel weak", "nerve-compression"},
		{"Husband here. She's 33w and tonight she wet herself without realising and says her bum and inner thighs feel numb", "nerve-compression"},
		{"my bestie is 37+2 and we were at lunch and she stood up and there was a puddle under her chair, it hasn't stopped", "waters"},
		{"toddler spilled his water, puddle under his chair, 30 weeks", ""},
		{"my wife keeps saying her heart is racing, her watch says like 130 sitting down, and she feels like she'll faint whenever she stands up. 29 weeks.", "faint-breathless"},
		{"the lady next to me in the waiting room was telling everyone about her clots. I was only in for my 20wk scan", ""},
		{"her heart rate was 150 on the doppler, midwife happy, 30 weeks", ""},
		// A child by age is no one pregnant; "had our baby" dates the
		// birth; a child's tooth explains blood; what a midwife said to
		// expect is settled, and "stopped now" is over, not back.
		{"My 6yo fell off the trampoline and landed flat on her back, screamed the place down. She's fine now. Wife is 31 weeks and wants to know what to do for her own back", ""},
		{"yo ladies, fell down the stairs at 30 weeks, landed on my bum", "fall"},
		{"Our nanny's 60 and fell off the kerb with my son in the buggy, she's got a sprained ankle. I'm 29 weeks", ""},
		{"My wife had our baby 10 days ago and she's recovering well, bleeding settling down and getting lighter every day", ""},
		{"My 7yo's wobbly tooth came out and bled everywhere lol, tooth fairy drama at 11pm. I'm 33 weeks", ""},
		{"she's 37 weeks: she had a sweep yesterday and a bit of brown discharge after, which the midwife said to expect, it's stopped now", ""},
		{"had some spotting, midwife said it's normal, but now it's bright red", "bleeding"},
		// From S224 and S227: signs told at work or with a joke; the
		// look-alikes of work and of jokes.
		{"Stood up from my desk and the chair was wet. Not water, it's red, lots of it. 35 weeks", "heavy-bleeding"},
		{"kicks have gone from premier league to sunday league lol, definitely less than normal the past two days. 33+4", "baby-movements"},
		{"Monday evening he was a bit quieter than normal, had me worried, but Tuesday morning he was back to kicking me awake at 6. All good", ""},
		{"lol my heart is going like I've had 6 espressos and I've just been lying here. racing and thumping for 20 mins now. 29 weeks", "faint-breathless"},
		{"Usually when I get in the car after a shift she does her little dance. Been sat in the car park 40 mins, radio on, nothing. 34w", "baby-movements"},
		{"lmao my body chose the middle of my son's nativity play to start period type cramps that come and go. 33+5. they're not stopping", "contractions"},
		{"at the end of my sister's party she fainted, she's not pregnant, I'm 30 weeks", ""},
		{"he will die 😂 but serious, pelvis pain 30 week, what help?", ""},
		{"fell asleep in the staff room on my break and woke up with a crick in my neck. 29w", ""},
		{"hairdresser, 30w. my red bled into a client's blonde and then I spent 2 hours fixing it", ""},
		{"cleaner in a hospital. I clean up blood spills for a living lol, is that a risk? 20w", ""},
		{"My coworkers have a sweepstake on when my waters will go. I'm 38 weeks, nothing happening", ""},
		{"Year 9s being feral, one threw a chair (at the wall, nowhere near me). 26w", ""},
		{"someone gave me a foot rub at my baby shower and I've died and gone to heaven", ""},
		{"every time my MIL touches the bump he stops kicking, then goes mental again the second she leaves", ""},
		{"was sure I'd wet myself at work but turns out I sat on a damp chair. all dry. 31 weeks", ""},
		{"hahaha so my waters have gone... jk, it was the kettle I knocked over. 36 wks, all fine", ""},
		{"literally fell about laughing at him lol", ""},
		// From S221, S225 and S226: heavy bleeding told by its speed and
		// the furniture it reached; a board-hard sore bump; a dog's paws
		// into the bump (not one that jumps up at it); a bet on the
		// waters, never a fear that came true.
		{"Sisters please reply fast, 32 weeks, bleeding started suddenly and it is coming very fast, my shalwar is all red and the sofa also", "heavy-bleeding"},
		{"belly hard as a board and so sore", "sudden-severe-pain"},
		{"our dog jumped up at my wife and both his front paws went straight into her belly, she's 30 weeks. she doubled over for a sec", "fall"},
		{"my dog keeps jumping up at my bump, how do i train him out of it", ""},
		{"i'm scared my waters will break on the train. actually i think they just did, I'm soaked", "waters"},
		// From S229 to S231: Northern "owt" and "nowt"; a raspberry leaf
		// tea explains no red; a drip that goes on; a few movements all
		// afternoon; "this morning" opens a time of its own after a cue;
		// water coming "out of me" in a question is hers.
		{"hardly felt owt since dinner time and she's normally a right wriggler. 37 weeks", "baby-movements"},
		{"Been doing the raspberry leaf tea this week lol, 38+1, and tonight a blob of jelly stuff with streaks of red in it", "bleeding"},
		{"Mam said a warm bath would help the back ache. sat there 20 min, got out and theres a constant drip. 27 weeks", "waters"},
		{"the kitchen tap has a constant drip, 27 weeks and my back aches from bending under the sink", ""},
		{"I know they say babies dont slow down before labour but mine has. 40+2, maybe 3 movements all afternoon", "baby-movements"},
		{"7+1, hyperemesis, haven't kept anything down for 2 days and this morning in the shower everything went black and I had to sit on the floor", "faint-breathless"},
		{"got out the bath and water kept coming out of me for ages after, clear-ish with a greeny tinge?", "waters"},
		{"bottom numb and both legs weak since the birth, the midwife said some numbness is normal after birth. Is it normal this long after?", "nerve-compression"},
		{"bottom numb and both legs weak since the birth, the midwife checked on day 3 and said some numbness is normal after birth", ""},
		// From S231: a show seen on the pad, more of the plug; planning
		// for labour not begun.
		{"39+4, after my sweep this morning there's a bit of brownish mucus on the pad, not much. no contractions. the show I'm guessing?", ""},
		{"lost more of the plug this morning, day after my sweep at 40+0, clear with a tiny bit of pink. no cramps", ""},
		{"39+4, soaked a pad with brownish mucus and blood", "bleeding"},
		{"is a birth ball good for back pain in early labour? not in labour, 39+2, just want to be ready", ""},
		// From S235: "keep" twice is no pills kept back.
		{"managing to keep the back pain under control with paracetamol and a hot water bottle so far. how long can I keep taking paracetamol regularly?", ""},
		{"I've been keeping my co-codamol, saving them just in case", "crisis"},
		// From S233 and S234: the people she would leave told as managing
		// without her, therapy cancelled as not needed, wanting to have
		// gone with the baby; a bleed heavier than any period; a show
		// with bloody bits told after it is asked about.
		{"my partner would find someone better. the kids would forget me in a year or two. I keep doing the maths on that", "crisis"},
		{"my husband will find someone better to do the DIY lol, I'm useless at 35 weeks", ""},
		{"Cancelled my midwife appt and my therapy this week, I won't be needing them. just one last thing", "crisis"},
		{"Cancelled my midwife appt, won't be needing it, baby arrived early and we're home! 2 days pp", ""},
		{"a year today since we lost Noah at 38wks. I'm 20 wks with his sister and I can't feel anything for her. I keep thinking I should have gone with him", "crisis"},
		{"it was light this morning, now its more than my heaviest period ever and my lower back is cramping. 31 weeks", "heavy-bleeding"},
		{"think I've had a show? it's got bloody bits in it. 35 weeks", "bleeding"},
		// From S235: a pain that just started and has her crying; the
		// pregnancy thrown at her; a relative she fears who will take
		// the baby.
		{"stabbing pain in my side and back that just started, cant get comfy in any position, im crying with it. 20 weeks", "sudden-severe-pain"},
		{"He keeps saying I trapped him and I should have got rid of it when I had the chance. Is it ok to take paracetamol every day at 27w?", "abuse"},
		{"mil has a key to our flat and lets herself in whenever she wants. she told me when the baby comes she'll be taking him to hers because i'm not capable. i'm honestly a bit scared of her", "abuse"},
		{"my midwife is strict, a bit scared of her lol, she's taking my bloods tomorrow", ""},
		// From S232: a question asked as if in general, hers by its own
		// time or by owning it; a talk about signs today is no one's.
		{"how much bleeding is too much in early pregnancy? like if you've gone through 3 pads since this morning and its bright red is that a go in thing. 9wks", "heavy-bleeding"},
		{"how many kicks are you supposed to feel? like if you've only had 2 all evening is that bad. 30 weeks, he's normally a nutter after tea", "baby-movements"},
		{"Hypothetically if someone was 31 weeks and found brown streaks in her knickers would she ring the midwife or just wait for her appt on thurs. The someone is me obviously", "bleeding"},
		{"what if you get period type cramps plus back pain at 28 weeks?? I don't remember this with my first at all. on and off all afternoon", "contractions"},
		{"retail, 31w. we had to watch a first aid video today about 'severe bleeding' and I nearly fell asleep", ""},
		{"how much bleeding is normal after a sweep? asking for when mine's booked next week", ""},
		// A sign asked about in general, owned in a later sentence told
		// now; never one set aside there as well, ahead or read about.
		{"What if blood runs down your leg when you stand up at 28 weeks? it literally just happened in the kitchen and my back is cramping", "heavy-bleeding"},
		{"Should you worry when your hands swell so much you can't bend your fingers? asking cos I genuinely can't make a fist right now", "pre-eclampsia"},
		{"Is it bad if someone blacks out for a few seconds in pregnancy? partner says I was gone for a bit on the sofa earlier, I don't remember it. 29wks", "faint-breathless"},
		{"what counts as reduced movements? want to know what to look out for, shes booting me right now as I type", ""},
		{"Is it true a fall can cause placental abruption? Read it on a forum and now I'm weird about the stairs", ""},
		{"What happens if I go into labour early while my husband is offshore? I'm 29 weeks with no signs at all, just overthinking at 3am with a sore back", ""},
		{"anyone else keep dreaming about falling? 3 nights in a row now, I wake up with a jolt and my back spasms. 27 weeks", ""},
		{"is it true back pain can mean preterm labour? I'm only 30 weeks and now im second guessing every ache", ""},
		// From the review of the change: her weeks "now" own no sign asked
		// about; a time of today that closes its clause counts.
		{"What should I do if my waters break? I'm 38 weeks now and nervous", ""},
		{"like if you've gone through 3 pads of bleeding today?", "heavy-bleeding"},
		{"should you worry about a few drops of bright red in the toilet at 12 weeks? no cramps, just my usual backache. sorry tmi", "bleeding"},
		{"should you worry about a few drops of bright red in the toilet at 12 weeks? asking for my sister, she's worried", ""},
		// After the birth, "no clots" tells nothing fresh.
		{"Day 5 postpartum and the bleeding has slowed right down to brown, no clots, just checking that's normal?", ""},
		{"5 days postpartum and the bleeding is heavy with clots", "heavy-bleeding"},
		{"If baby moves less should I drink cold water and lie on my side first or ring straight away? I keep reading different things. (He's currently doing somersaults, this is for future reference)", ""},
		{"had a UTI last week, antibiotics done, repeat sample clear, no burning anymore. but the back ache hasn't gone", ""},
	}
	for _, tt := range tests {
		got := m.Classify(tt.text, "").Safety
		if tt.want == "" && len(got) > 0 || tt.want != "" && !slices.Contains(got, tt.want) {
			t.Errorf("%q: safety %v, want %q", tt.text, got, tt.want)
		}
	}
}

// TestAboutBot: a question that asks what the bot is gets the small talk
// that says so, whatever else it says; a bot named elsewhere does not.
func TestAboutBot(t *testing.T) {
	m := embeddedMatcher(t)
	tests := []struct {
		text string
		want bool
	}{
		{"is this a bot or an actual midwife?", true},
		{"are you a robot lol", true},
		{"which discord bot can play music in voice channels?", false},
		{"can AI tell if my back pain is serious?", false},
		{"r u a real person or sum computer thing", true},
		{"where do you get a tens machine and how much are they", false},
		// Where its answers come from.
		{"where do your answers come from?", true},
		{"is your advice from the NHS?", true},
		{"where does my back pain come from?", false},
		{"can you give me advice on where to sit?", false},
	}
	for _, tt := range tests {
		if got := m.Classify(tt.text, "").SmallTalk.TopicID == "about-bot"; got != tt.want {
			t.Errorf("%q: about the bot %v, want %v", tt.text, got, tt.want)
		}
	}
}

// embeddedMatcher builds the matcher for the embedded knowledge base.
func embeddedMatcher(t testing.TB) *match.Matcher {
	t.Helper()
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return match.Must(match.New(kb))
}

// TestContextNeutral checks that words about the asker's situation (the
// hour, her weeks, her children) do not draw a question to a topic whose
// examples happen to use them.
func TestContextNeutral(t *testing.T) {
	m := embeddedMatcher(t)
	for _, tt := range []struct{ text, not string }{
		{"35+2 and my lower back has been aching all evening, is this normal this late on?", "tens"},
	} {
		c := m.Classify(tt.text, "")
		if len(c.Candidates) > 0 && c.Candidates[0].TopicID == tt.not {
			t.Errorf("%q: answered with %s, a topic only its situation words point to", tt.text, tt.not)
		}
	}
}

// TestRuledOutSigns checks that signs a report says are well ("waters are
// fine", "baby kicking fine") count for nothing against the question,
// while asking whether something is fine stays a question about it.
func TestRuledOutSigns(t *testing.T) {
	m := embeddedMatcher(t)
	th := bot.DefaultThresholds()
	for _, tt := range []struct {
		text   string
		answer bool
	}{
		{"I'm not bleeding and my waters are fine, what helps back spasms?", true},
		{"38 wks, no bleeding, baby kicking fine, just aching in my back. anything that helps?", true},
		{"is sex fine in the third trimester?", false},
	} {
		c := m.Classify(tt.text, "")
		if got := th.Decide(c) == bot.DecideAnswer; got != tt.answer {
			t.Errorf("%q: answered %v (off-topic %.2f, %v), want %v", tt.text, got, c.OffTopic, c.Candidates, tt.answer)
		}
	}
}

// TestFirstTopic checks the topic a question gets first:
//   - a question on what to do for a part of the back is answered by what
//     helps, not by the topic on why that part hurts (the place a cause
//     topic names is no bonus against the intent);
//   - asking how to sleep ("can I sleep on my back", "best way to sleep")
//     is the sleeping position, a synonym phrase, while getting enough
//     sleep stays with rest.
func TestFirstTopic(t *testing.T) {
	m := embeddedMatcher(t)
	for _, tt := range []struct{ text, want string }{
		{"tips for my upper back pls", "relief-overview"},
		{"any advice for upper back pain", "relief-overview"},
		{"why does my upper back hurt so much, 30 weeks", "upper-back-causes"},
		// A cause asked of a named subject is that subject's topic.
		{"third tri and the sciatica is brutal, shoots down to my calf. why does it do that", "sciatica"},
		// Where it hurts is no word against a way to ease it.
		{"any stretches for upper back and shoulders?", "stretching"},
		{"heat pad on my lower back, how long for?", "ice-and-heat"},
		{"can i sleep on my back", "sleep-and-mattress"},
		{"whats the best way to sleep with a sore back", "sleep-and-mattress"},
		{"does not getting enough sleep make back pain worse", "rest"},
		// Only that it hurts, with nothing a topic speaks for: the
		// overview of what it asks.
		{"hey so my back has been spasming all afternoon, 33 weeks", "relief-overview"},
		{"good evening please my back has been paining me seriously since yesterday. 30 weeks", "relief-overview"},
		{"what should i NOT be doing with a bad back", "things-to-avoid"},
		// Asked what not to do: the topic on things to avoid.
		{"any positions i should avoid with back pain when pregnant", "things-to-avoid"},
		{"is there anything i shouldn't do when my back goes into spasm", "things-to-avoid"},
		// A medicine that is no drug to decline.
		{"there's a chinese medicine clinic near me doing acupuncture, is it safe for my back in pregnancy?", "acupuncture"},
		{"would eating foods high in magnesium help my back cramps? trying to eat better", "weight-and-diet"},
		// Another way asked for after the ways she has tried: what helps;
		// not what else to avoid, nor "something else" as the cause.
		{"ive tried stretching, heat and a pillow between my knees. is there anything else that would help?", "relief-overview"},
		{"ive tried stretching and heat, what else should i avoid", "things-to-avoid"},
		{"is it the weight of the bump making my lower back hurt or something else?", "weight-and-posture-cause"},
	} {
		c := m.Classify(tt.text, "")
		if len(c.Candidates) == 0 || c.Candidates[0].TopicID != tt.want {
			t.Errorf("%q: got %v, want %q first", tt.text, c.Candidates, tt.want)
		}
	}
}

// TestSmallTalkQuestions checks that a question made only of small talk,
// her situation and fillers aside, is small talk when it greets, thanks
// or hails someone, and that a question with a content word is not.
func TestSmallTalkQuestions(t *testing.T) {
	m := embeddedMatcher(t)
	for _, tt := range []struct {
		text string
		talk bool
	}{
		{"how are u today lol", true},
		{"how are you?", true},
		{"is that safe in first tri?", false},
		// Small-talk words that hail or greet nobody ask about her back.
		{"will it go away?", false},
		{"anyone there?", true},
		{"you still there?", true},
		// Thanks for what she was given asks for nothing.
		{"anyway thanks for the tips", true},
		{"thanks for the tips, what about stretches?", false},
		// What she says she will do asks for nothing, unless she asks it.
		{"ok I'll do that", true},
		{"ok I'll tell her, ta", true},
		{"thanks, I'm going to let my midwife know", true},
		{"I'll try the heat pack, any tips?", false},
		// What the bot can do is small talk about the bot; her back is not.
		{"what can you help with?", true},
		{"what can you do for my back?", false},
		// What she thanks for asks for nothing.
		{"my partner says thanks for the help x", true},
	} {
		if got := m.Classify(tt.text, "").SmallTalk.TopicID != ""; got != tt.talk {
			t.Errorf("%q: small talk %v, want %v", tt.text, got, tt.talk)
		}
	}
	// A question after a sentence of thanks is a question; a statement
	// after a greeting is not.
	for _, tt := range []struct {
		text     string
		question bool
	}{
		{"thank you. is ice ok on the sore bit for now", true},
		{"hi, cant sleep", false},
		{"thanks so much x", false},
		// "OH" before a verb is her other half, not "oh, is it...".
		{"ok OH is phoning L&D now", false},
		{"oh is it normal to ache this much", true},
	} {
		if got := m.Classify(tt.text, "").Question; got != tt.question {
			t.Errorf("%q: question %v, want %v", tt.text, got, tt.question)
		}
	}
}

// TestAfterBirth checks that a question about the time after the birth
// is answered only by a topic that answers for that time (whether the
// back pain goes away), and is otherwise out of scope.
func TestAfterBirth(t *testing.T) {
	m := embeddedMatcher(t)
	for _, tt := range []struct{ text, want string }{
		{"how do I lift the pram into the boot after the birth without hurting my back?", ""},
		{"when can I start postnatal pilates?", ""},
		{"how long after birth does the back pain go?", "goes-away"},
		// The birth told in the story, not asked about.
		{"I had awful back pain after the birth of my first. Now 20 weeks, is a support belt worth it?", "support-belt"},
		// She has had her baby: her back is no pregnancy back, unless she
		// asks whether it goes away; pregnant again, it is.
		{"Gave birth 5 weeks ago and my lower back aches when I lift the baby out of the cot, what helps?", ""},
		{"carrying my 8 week old in the sling all day, my back is worse than when I was pregnant. tips?", ""},
		{"gave birth 3 weeks ago, will my back pain go away?", "goes-away"},
		{"had my first 3 years ago, now 20 weeks and my back hurts when i lift her, any tips?", "lifting"},
		// What she lifts is no evidence against her back.
		{"getting my toddler in and out of her car seat is wrecking my back, any tips?", "lifting"},
		{"which car seat is best for a newborn", ""},
	} {
		c := m.Classify(tt.text, "")
		got := ""
		if len(c.Candidates) > 0 && c.OffTopic < 0.5 {
			got = c.Candidates[0].TopicID
		}
		if got != tt.want {
			t.Errorf("%q: got %q (off-topic %.2f), want %q", tt.text, got, c.OffTopic, tt.want)
		}
	}
}

// TestCourseOfThePain: an "it" whose course she asks about is her pain,
// in scope though no back is named; one that names another complaint is
// not.
func TestCourseOfThePain(t *testing.T) {
	m := embeddedMatcher(t)
	for _, tt := range []struct {
		text    string
		inScope bool
	}{
		{"does it go away after birth or am i stuck with this forever", true},
		{"my nan says it all disappears the minute they're out, true??", true},
		{"heartburn every night, will it stop after the birth?", false},
		{"when is it safe to go back to lifting weights at the gym after baby?", false},
	} {
		c := m.Classify(tt.text, "")
		if got := c.OffTopic <= 0.5 && len(c.Candidates) > 0; got != tt.inScope {
			t.Errorf("%q: off-topic %.2f, candidates %v; want in scope %v", tt.text, c.OffTopic, c.Candidates, tt.inScope)
		}
	}
}

// TestReturning: a member who only tells she has been here before is
// greeted; one who asks something in the same breath is answered.
func TestReturning(t *testing.T) {
	m := embeddedMatcher(t)
	for _, tt := range []struct{ text, want string }{
		{"hello again, I was on here last month asking about my hips", "greeting"},
		{"hi. i used this bot a few weeks ago", "greeting"},
		{"I used to run before I got pregnant, should I keep exercising with back pain", ""},
		{"i asked about heat last week, can i use it every day?", ""},
	} {
		if c := m.Classify(tt.text, ""); c.SmallTalk.TopicID != tt.want {
			t.Errorf("%q: small talk %q, want %q", tt.text, c.SmallTalk.TopicID, tt.want)
		}
	}
}

// TestReviewedReadings runs the messages a review of new readings found
// wrong (testdata/reviewed-readings.tsv): silenced signs, current losses
// read as history, false alarms. Each must stay right.
func TestReviewedReadings(t *testing.T) {
	m := embeddedMatcher(t)
	data, err := os.ReadFile("testdata/reviewed-readings.tsv")
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	for n, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		want, text, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("reviewed-readings.tsv:%d: want id<TAB>message", n+1)
		}
		rows++
		text = strings.ReplaceAll(text, `\n`, "\n") // a line break inside a message is written \n
		got := m.Classify(text, "").Safety
		switch want {
		case "-":
			if len(got) > 0 {
				t.Errorf("line %d %q: safety %v, want none", n+1, text, got)
			}
		case "*":
			if len(got) == 0 {
				t.Errorf("line %d %q: no safety reply, want one", n+1, text)
			}
		default:
			if !slices.Contains(got, want) {
				t.Errorf("line %d %q: safety %v, want %q", n+1, text, got, want)
			}
		}
	}
	if rows < 30 {
		t.Fatalf("only %d rows read", rows)
	}
}
