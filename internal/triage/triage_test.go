package triage_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/backcare/backcare/internal/analyze"
	"github.com/backcare/backcare/internal/triage"
	"github.com/backcare/backcare/knowledge"
)

// compile builds a Set from testdata/rules.yaml, a small knowledge base
// whose rules exercise the mechanism, independent of the real triggers.
func compile(t testing.TB) (*analyze.Analyzer, *triage.Set) {
	t.Helper()
	data, err := os.ReadFile("testdata/rules.yaml")
	if err != nil {
		t.Fatal(err)
	}
	kb, err := knowledge.Parse("rules.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	a := analyze.New(kb)
	set, err := triage.Compile(a, triage.SafetyConfig(kb))
	if err != nil {
		t.Fatal(err)
	}
	return a, set
}

// logExplain logs why each of set's rules fired or not on text, for a
// failing case.
func logExplain(t *testing.T, a *analyze.Analyzer, set *triage.Set, text string) {
	t.Helper()
	var an analyze.Analysis
	a.Analyze(text, &an)
	for _, f := range set.Explain(an.Words) {
		t.Logf("  %+v", f)
	}
}

func match(a *analyze.Analyzer, set *triage.Set, text string) []string {
	var an analyze.Analysis
	a.Analyze(text, &an)
	return set.Match(an.Words)
}

func TestMatch(t *testing.T) {
	a, set := compile(t)
	tests := []struct {
		text string
		want string // the rule that must fire; "" for none at all
	}{
		// Lemmas: every form meets, other words do not.
		{"I'm bleeding", "bleeding"},
		{"bled a little this morning", "bleeding"},
		{"she bleeds", "bleeding"},
		{"contractions every few minutes", "contractions"},
		{"my contractions started", "contractions"},
		{"my new work contract means sitting all day", ""},
		{"I'm leaving work early because of my back", ""},
		// Quotation marks break nothing: an unless pattern reads through them.
		{"my boss keeps saying \"contractions\" at work", ""},
		// Word groups, alternatives and numbers.
		{"some brown on the tissue", "bleeding"},
		{"pinkish when I wiped", "bleeding"},
		{"pains every 5 minutes", "contractions"},
		{"pains every now and then", ""},
		{"39 degrees", "fever"},
		{"38.5c this morning", "fever"},
		{"38,5c this morning", "fever"}, // a decimal comma
		{"10,000 degrees of annoyed", ""},
		{"30 degrees in the office", ""},
		// A cue with a verb of its own reaches no clause after "and".
		{"can't walk and bleeding since lunch", "bleeding"},
		{"can't sleep and no bleeding", ""},
		// A wish undoes nothing: "wish I hadn't" tells what happened.
		{"wish i hadn't slipped on the ice", "fall"},
		{"i haven't slipped on the ice", ""},
		{"wish it wasn't bleeding so much", "bleeding"},
		// Labour's start wished for is no sign; a sign wished away is.
		{"I'd give anything for a contraction at this point", ""},
		{"so ready for my contractions to start", ""},
		{"praying for the contractions to stop", "contractions"},
		{"praying my contraction starts tonight", ""},
		{"praying the contractions stop", "contractions"},
		{"come on contractions", ""},
		{"i wish my contraction would start already", ""},
		{"i wish the contractions would stop", "contractions"},
		{"any tips to get contractions going", ""},
		{"the stress has brought on a contraction", "contractions"},
		{"brought on a contraction with a hot curry", "contractions"},
		{"hoping the contractions start to settle", "contractions"},
		// The condition of advice she was given tells of no change, unless
		// it came true, her own case follows it, or it is a sign she has
		// growing.
		{"midwife said ring if there's any blood on the pad, noted", ""},
		{"midwife said ring if there's any blood on the pad. there's blood on it tonight", "bleeding"},
		{"midwife told me to call if there's any blood. this isn't spotting, it's a lot", "bleeding"},
		{"midwife said call if there's any blood but there's some now", "bleeding"},
		{"midwife said call if there's pink on the tissue, fine so far", ""},
		{"midwife said call if there's pink on the tissue. there was pink this morning", "bleeding"},
		{"midwife said call if there's any blood. it's a lot.", "bleeding"},
		{"midwife said call if there's any blood. this is way more.", "bleeding"},
		{"midwife said call if there's any blood and there was some this morning", "bleeding"},
		{"scared of falling on the ice and today I actually did, landed on my side", "fall"},
		{"scared of falling on the ice, what would I actually do?", ""},
		{"midwife said ring if the bleeding gets heavier", "bleeding"},
		{"there's blood on the pad, ring if it comes again i guess", "bleeding"},
		// An event she fears is none; the sign she has is hers.
		{"terrified of my waters going on the bus lol", ""},
		{"my waters went on the bus", "waters"},
		{"bleeding is my worst nightmare, touch wood", ""},
		{"bleeding is my worst symptom today", "bleeding"},
		// An example offered to a question in general is asked too.
		{"what counts as bleeding? like blood on the tissue?", ""},
		{"is this normal? like blood on the tissue? 30 weeks", "bleeding"},
		// What a midwife said is fine, named before it.
		{"midwife said a bit of blood after a sweep is normal, so I'm prepped", ""},
		{"midwife said a bit of blood after a sweep is not normal", "bleeding"},
		// A recent time that leads into the sign's clause dates it.
		{"had a scare on sunday - some blood on the tissue. they checked me, all fine", ""},
		{"had a scare on sunday - some blood on the tissue. no idea why", "bleeding"},
		// Her case after the advice told as fine is no report.
		{"midwife said phone if baby not moved, he's been kicking loads today", ""},
		{"midwife said phone if baby not moved, and today baby not moved at all", "movements"},
		// A scare is history once a settled pattern follows.
		{"had a bleeding scare last week, they checked me, all fine", ""},
		{"having a bleeding scare right now, blood on the tissue", "bleeding"},
		// A cue that denies a harmless name affirms the sign after it.
		{"definitely not braxton hicks anymore 🫠 pains every 5 minutes", "contractions"},
		{"not braxton hicks or contractions, just sore", ""},
		// A score that went down is an easing.
		{"the pain went from a 7 to a 4 after the bath", ""},
		{"the pain went from a 4 to an 8 in an hour", "pain"},
		{"the pain went from a 4 to an 8 over the last few weeks as the bump grew", ""},
		{"the pain went from a 3 to a 5 today", ""},
		{"the pain went from a 3 out of 10 last month to an 8 out of 10 now", ""},
		// A midwife or doctor who said it is fine, after the sign, settles
		// it, unless the message turns back to her case.
		{"some blood on the tissue, midwife had a look and said it's normal", ""},
		{"some blood on the tissue. day 3. nurse said it's the uterus shrinking", ""},
		{"some blood on the tissue, midwife said it's normal but it's heavier now", "bleeding"},
		{"some blood on the tissue, midwife said to come in and check it's fine", "bleeding"},
		{"some blood on the tissue, the midwife said it's not normal", "bleeding"},
		// So does a check found clear; her back's "still" is no turn.
		{"some blood on the tissue this morning, speculum all clear. back still sore though", ""},
		{"some blood on the tissue this morning, speculum all clear but it's heavier now", "bleeding"},
		{"some blood on the tissue, is the baby ok if the trace was fine", "bleeding"},
		// A condition she asked about that came true is hers.
		{"if i bleed do i call?", ""},
		{"if i bleed do i call? i think i just did", "bleeding"},
		// Advice on when to call tells of no change: the save holds.
		{"braxton hicks, irregular, midwife said ring if they come every 5 minutes", ""},
		{"braxton hicks, irregular, now they come every 5 minutes", "contractions"},
		// A settled story's sign asked about again as "the" sign, or told
		// to the others as "a" sign, is the story's; a new sentence that
		// tells "the" sign is news.
		{"slipped on sunday, they checked me, all fine. do I need to mention the fall at my next appt?", ""},
		{"slipped on sunday, they checked me, all fine. the fall was today though", "fall"},
		{"slipped on sunday, they checked me, all fine. to anyone worried after a fall, get checked", ""},
		// A settled recent fall is reopened by a new sign after it.
		{"slipped on sunday, they checked me, all fine. today some blood on the tissue", "fall"},
		{"slipped on sunday, they checked me, all fine. my back is sore", ""},
		{"slipped last week, they checked me, all fine. today some blood on the tissue", "fall"},
		{"slipped last month, they checked me, all fine, today some blood on the tissue", "bleeding"},
		// With a child somewhere is no earlier pregnancy; with a child
		// named as a pregnancy is.
		{"at the park with my eldest and slipped", "fall"},
		{"slipped with my eldest, all fine", ""},
		// A cue's own verb of a day kept up, then "and having": a clause
		// of its own.
		{"not sleeping and having some bleeding", "bleeding"},
		{"not sleeping and no bleeding", ""},
		// A birth days ago makes the other the one whose sign it is; the
		// night of a birth story does not.
		{"my sister had her baby 9 days ago and she's bleeding a lot", "bleeding"},
		{"my sister had her baby last night and she's bleeding a lot", "bleeding"},
		{"my sister had her baby 2 days ago, bleeding a lot at the time, both home and doing great", ""},
		{"my sister had her baby last night, she bled a lot but she's fine now", ""},
		{"my sister had her baby 9 days ago, she's bleeding a lot, she says it's fine", "bleeding"},
		{"my sister had her baby at 30 weeks and she bled a lot", ""},
		{"my sister had her baby 4 days before, now she's bleeding a lot", "bleeding"},
		// A baby's age in a clause of its own dates her news.
		{"my baby is 1 week old, bleeding a lot again", "bleeding"},
		{"my son is 1 week old, he's bleeding from his cord", ""},
		// A plot opened inside the match is the story's, not done to her.
		{"reading a thriller where the husband checks everything", ""},
		{"we were watching a film when he pushed me", "abuse"},
		// A save that runs on to now, and a part that belongs to it.
		{"she was quiet this morning but kicking like mad since lunch", ""},
		{"she was kicking like mad this morning but quiet since lunch", "movements"},
		{"baby was calm all day. kicking loads since", ""},
		{"baby was calm all day. kicking loads yesterday", "movements"},
		{"baby was calm yesterday but kicking loads since last night", ""},
		{"she was quiet first thing, kicking loads since lunch", ""},
		{"she was quiet first thing but kicking loads, quiet again since lunch", "movements"},
		{"baby was calm today. kicking loads since monday until this morning", "movements"},
		{"scan tomorrow wish me luck no bleeding", ""},
		{"braxton hicks, irregular, i'll ring if they come every 5 minutes", ""},
		{"period pain, got my scan at 38 weeks", "contractions"},
		{"she was calm first thing, kicking loads yesterday", "movements"},
		{"baby was calm today but kicking loads last night", "movements"},
		// At term, tightenings timed as irregular and far apart are labour
		// not yet under way; closing in, or before term, they are a sign.
		{"39 weeks, pains every 10 minutes then 30 minutes then nothing", ""},
		{"39 weeks, pains every 20 minutes, then 15, now every 10 minutes", "contractions"},
		{"33 weeks, pains every 10 minutes then 30 minutes then nothing", "contractions"},
		{"39 weeks, pains every 10 minutes then 30 minutes, now much worse", "contractions"},
		{"39 weeks, pains every 8 minutes, 40 minutes ago they started", "contractions"},
		// A week and its days at term after "at" is hers today.
		{"period pain at 38+2", ""},
		{"period pain, 33 weeks, my first came at 38+2", "contractions"},
		{"period pains at 39 weeks", ""},
		{"my friend went into labour at 38 weeks, now I've got period pains", "contractions"},
		// Negation before, in a list, inside, and answered after.
		{"no bleeding", ""},
		{"not looking for sympathy 🙂 bleeding since this morning", "bleeding"}, // the cue's object ends its reach
		{"Q: any bleeding? A: no", ""},                                         // an answer under its label
		{"haven't had any bleeding at all", ""},
		{"no bleeding or contractions, just sore", ""},
		{"no blood, no contractions, just sore", ""},
		{"no pain, bleeding or contractions", ""},
		{"bleeding? no", ""},
		{"bleeding? don't think so, just sore", ""},
		{"contractions? no way, just back spasms", ""},
		{"bleeding - nope", ""},
		{"bleeding? not a drop. contractions? not a single one", ""},
		{"bleeding, pink wipes, contractions: none", ""},
		// Fragments are one clause: "pain. every few minutes." is a list;
		// a question's answer and a negated fragment keep their break.
		{"pain. every few minutes.", "contractions"},
		// A message told wholly in bursts is one clause; one with a longer
		// sentence or a question keeps its breaks.
		{"back pain. it came on sudden. will not stop.", "pain"},
		{"back pain since i carried the shopping home from town. it came on sudden. will not stop.", ""},
		{"pain? every few minutes", ""},
		{"no pain. every few minutes it tightens", ""},
		// A preterm trigger fires unless she gives her weeks today as 37
		// or more; a week told as the time of something else is not today's.
		{"period pains on and off, 33 weeks", "contractions"},
		{"period pains on and off", "contractions"},
		{"39+4 and period pains on and off", ""},
		{"period pains on and off, 38 weeks tomorrow", ""},
		{"period pains on and off, 38 weeks, was 30 weeks last month", "contractions"},
		{"period pains on and off, had my first at 38 weeks", "contractions"},
		{"38 weeks and contractions every 5 minutes", "contractions"},
		// A week and its days is her week today wherever it stands, unless
		// told as another's.
		{"can't sleep 🥲 40+2 and sick of it. period pains on and off", ""},
		{"DS was 38+5, period pains on and off", "contractions"},
		// Early, her weeks today under 20 beyond doubt, a period-like pain
		// is no preterm labour; a time gone by, how long, a count to go or
		// a lost pregnancy's weeks are not her weeks.
		{"6+2 and period pains on and off", ""},
		{"maybe 5 weeks? period pains on and off", "contractions"},
		{"6 weeks to go and period pains on and off", "contractions"},
		{"after losses (6+5 and 9+1), period pains on and off", "contractions"},
		{"period pains on and off for 2 weeks", "contractions"},
		{"period pains on and off, started 3 weeks ago", "contractions"},
		{"at 12 weeks I had period pains, now 28 weeks and period pains on and off", "contractions"},
		{"38+2 been getting period pains on and off", ""},
		// At term, a save of one word right before the sign qualifies it;
		// before 37 weeks it does not, nor does one of another sign.
		{"39+1, irregular braxton hicks all day", ""},
		{"irregular braxton hicks all day, 30 weeks", "contractions"},
		{"braxton hicks all day, stopped when I had a bath", ""},
		{"random pains every 5 minutes", "contractions"},
		{"braxton hicks all day", "contractions"},
		{"Husband away. Bleeding since lunch.", "bleeding"},   // a fragment naming someone else stays apart
		{"bleeding. no one home", "bleeding"},                 // "no one" is nobody, not an answer
		{"cant sleep bub not moving like usual", "movements"}, // a cue further back is a clause of its own
		// A week named before the sign in its clause, months before her
		// weeks today, is history; her weeks today are not.
		{"at 8 weeks I had some bleeding. now 24 weeks", ""},
		// An earlier pregnancy that opens the sentence leads it past a
		// comma or an aside; not once the sentence turns to now.
		{"with my first (years ago), I had some bleeding", ""},
		{"with my first I was fine but now I'm bleeding", "bleeding"},
		// Her weeks today may be weeks and days alone.
		{"at 8 weeks I had some bleeding. 24+3 now", ""},
		// Or a bare number right after "now", or "I'm N now"; never an age.
		{"at 8 weeks I had some bleeding. now 24", ""},
		{"at 8 weeks I had some bleeding. I'm 24 now", ""},
		{"at 23 weeks I had some bleeding. now 24", "bleeding"},
		{"at 8 weeks I had some bleeding. she's now 24", "bleeding"},
		{"at 24 weeks I had some bleeding. 24+3 now", "bleeding"},
		{"at 24 weeks and I have some bleeding", "bleeding"},
		// Her weeks today well short of the sign's put it in an earlier
		// pregnancy; a year between is a date, not a count.
		{"had bleeding in 2018 at 39 weeks, now 22 weeks", ""},
		{"had bleeding at 39 weeks, now 22 weeks", ""},
		{"had bleeding at 23 weeks, now 22 weeks", "bleeding"},
		{"now 22 weeks and bleeding", "bleeding"},
		// A part of a trigger whose sibling is an absence is not negated by
		// that absence: it is the sign's own.
		{"bub usually kicks all evening and tonight... nothing", "movements"},
		{"bleeding? nada. fever? nope", ""},
		{"bleeding nil", ""},
		{"bleeding? no more than usual", ""},
		{"bleeding? no more than a few spots", "bleeding"},
		// Explained by what stands before it in its sentence, unless the
		// member speaks of herself between or in the sign.
		{"on the butchers counter all day, blood everywhere", ""},
		{"blood everywhere on the butchers counter", "bleeding"},
		{"on the butchers counter all day, then I saw blood", "bleeding"},
		{"on the butchers counter all day. blood on my pad", "bleeding"},
		// Or named for what it was right after its sentence; a likeness
		// or a later mention explains nothing.
		{"blood on the floor... it's paint", ""},
		{"blood on the floor. turned out to be paint lol", ""},
		{"blood on the floor and I panicked, turned out it was paint", ""},
		{"blood on the floor turned out to be paint", ""},
		{"blood on the floor and I panicked, turned out it's like paint", "bleeding"},
		{"blood on the floor. it's like paint", "bleeding"},
		{"blood on the floor. we were painting and then it's paint", "bleeding"},
		{"like paint, blood on my pad", "bleeding"},
		{"looked like someone had dabbed some paint on it, blood on my pad", "bleeding"},
		// A list, or one sign, denied after it: "none of those".
		{"things to ring about (bleeding, pink wipes, contractions etc) and i have none of those thankfully", ""},
		{"bleeding, i have none of those", ""},
		{"bleeding and none of the pads are enough", "bleeding"},
		{"bleeding, I have none of those pads so using towels", "bleeding"},
		{"bleeding, none of that is normal right?", "bleeding"},
		{"bleeding, contractions: no idea why", "bleeding"},
		{"bleeding: not much", "bleeding"},
		{"bleeding? fine. contractions: normal", ""},
		{"bleeding? fine, just a little", "bleeding"},
		{"the pain is not sudden or sharp", ""},
		{"bleeding at all? no", ""},
		{"bleeding at all? yes, loads", "bleeding"},
		{"it did not come on as a sudden sharp pain", ""},
		{"aching under my ribs, not my back. bleeding too", "bleeding"},
		// Hedges, new clauses and new subjects keep the sign.
		{"not sure if I'm bleeding", "bleeding"},
		{"no idea why I'm bleeding", "bleeding"},
		{"not bleeding a lot", "bleeding"},
		{"no fever but I'm bleeding", "bleeding"},
		{"no, I'm bleeding", "bleeding"},
		{"no contractions. bleeding though", "bleeding"},
		{"no fever, bleeding since this morning", "bleeding"},
		{"bleeding? no idea why", "bleeding"},
		{"sudden sharp pain", "pain"},
		// Unless patterns cancel the triggers they overlap, never the
		// firm ones; negation still reaches those.
		{"sudden sharp back pain when I bend", ""},
		{"sudden sharp back pain, it will not stop", "pain"},
		// "Even" after a sequence's negation is passed over; nothing else is.
		{"sudden back pain and it will not even stop", "pain"},
		{"sudden back pain and it will not really stop", ""},
		{"no sudden back pain and it has not stopped me working", ""},
		// A sign that is an absence fires on its own cue, and only when
		// the cue governs it.
		{"haven't felt her kick since breakfast", "movements"},
		{"she hasn't moved all day", "movements"},
		{"no kicks today", "movements"},
		{"hiccups yes but no actual kicks today", "movements"},
		{"I'm bleeding, no obvious sign of what caused it", "bleeding"},
		{"no real kicks today", "movements"},
		{"no pain kicks today", ""},
		{"no pain and she hasn't moved", "movements"},
		// An "if" that a doubt opens means "whether": the sign may be
		// real, and a hedge keeps it. Not a plain "if".
		{"what do I do if I bleed at work", ""},
		{"not sure if I bled last night or if it's discharge", "bleeding"},
		{"don't know if I bled, the pad looks pinkish", "bleeding"},
		// An unless pattern does not reach across a blow told as what
		// happened next.
		{"the stairs are so hard now", ""},
		{"missed the bottom stair and it's hard to walk", ""},
		{"missed the bottom stair and landed hard", "fall"},
		// A bare number in a trigger that names no weeks is a count, never
		// her weeks.
		{"bump tightens, only 2 today", "contractions"},
		{"bump tightens when I walk, 27+2, only thing that bothers me", ""},
		// A frame that closes the sign's sentence asks about it, after a
		// comma and without a question mark too; not when she tells of
		// herself in it.
		{"contracting or just back ache, how do you tell", ""},
		{"i think i'm contracting, how do you tell", "contractions"},
		// An unless pattern that names someone else as the doer does not
		// reach across a subject pronoun: the pronoun did it.
		{"my toddler hurt me with his truck", ""},
		{"i told him to be quiet for my son and he hurt me", "threat"},
		// The place of a settled fall, told later, is the same story,
		// whatever she feels there now.
		{"slipped on the stairs last week, all fine. today it aches where I slipped", ""},
		{"slipped on the stairs last week, all fine. today I slipped again", "fall"},
		// A sentence opened on the story's sign goes on telling it; a
		// sentence of her own news does not.
		{"slipped on the stairs last week, all fine. it was the wet leaves", ""},
		{"slipped on the stairs last week, all fine. today I slipped on the ice", "fall"},
		// "Now and then" is once in a while, not now.
		{"slipped on the stairs last week, all fine. it slipped now and then", ""},
		{"slipped on the stairs last week, all fine. it slipped now", "fall"},
		// "OH" opening what he did is her other half; "oh" the
		// interjection is not.
		{"OH slipped on ice and did his back in", ""},
		{"my OH slipped on the ice", ""},
		{"oh no, slipped on the ice", "fall"},
		{"oh and I slipped on the stairs", "fall"},
		// "Free" right after a sign is its absence.
		{"bleeding free for a week now, back aches", ""},
		{"the bleeding is free flowing", "bleeding"},
		// The plot of a drama she watched is nobody's news; her own sign
		// while watching is hers.
		{"watching a drama where the nurse is bleeding everywhere", ""},
		{"I was watching a film when I started bleeding", "bleeding"},
		{"watching tv and there's blood on the toilet paper", "bleeding"},
		// A list of three or more after what she was told to ring about
		// is advice, not news; one sign after it is no list, and the
		// list ends at her own news.
		{"midwife said call if bleeding, a temperature or a fall", ""},
		{"what to ring about: bleeding, fever, slipped on ice. none so far", ""},
		{"my OB said ring if I have bleeding, a high temperature, or if I fall", ""},
		{"midwife said ring if the bleeding gets heavier", "bleeding"},
		{"call if bleeding, a temperature or a fall, but I'm bleeding now", "bleeding"},
		{"I called about bleeding, a temperature and a fall", "bleeding"},
		{"midwife said call if bleeding, a temperature or a fall. well now I have all three", "bleeding"},
		// A time gone by leads into an aside or a later clause of its
		// sentence, with a settled pattern after; not past "but" or now.
		{"went to the clinic last week for a scan (slipped on the stairs, all fine)", ""},
		{"went to the clinic last week for a scan, today I slipped on the stairs, all fine", "fall"},
		{"last week was fine but I slipped on the stairs, all fine", "fall"},
		{"went to the clinic last week for a scan (slipped on the stairs)", "fall"},
		// A "he" or "she" right after a carer, joined to her by a comma or
		// an "and", is the carer; not when the carer is told of him, nor
		// across a contrast, a full stop, or another person before her.
		{"went to the GP about my back, she checked everything", ""},
		{"I asked my OB about the pain and she checked everything", ""},
		{"I told the midwife he checks everything", "abuse"},
		{"I told my midwife, he checks everything", "abuse"},
		{"the midwife asked if he checks everything", "abuse"},
		{"my midwife is lovely but he checks everything", "abuse"},
		{"went to the GP. he checks everything I do", "abuse"},
		{"told my husband I'd see the GP and he pushed me", "abuse"},
		{"saw the midwife, my husband checks everything", "abuse"},
		// A checklist's item answered at the end of its line: a few more
		// words, a dash, colon or slash, and a bare answer. Not an answer
		// that insists, nor a question that goes on.
		{"slipped over on ice - nope", ""},
		{"bleeding down there / anywhere — no, all normal", ""},
		{"I slipped on the stairs - no, really", "fall"},
		{"I'm bleeding?? is that normal", "bleeding"},
		// A checklist's label and its bare answer, across a colon, a
		// dash or a question mark: the absence fires. Not after a word
		// that qualifies the label, not across a full stop, and not when
		// the answer goes on to say something else.
		{"kicks: none since breakfast", "movements"},
		{"baby movements? none", "movements"},
		{"movements - no, not since lunch", "movements"},
		{"reduced movements? no. just back ache", ""},
		{"movements. no idea what is normal", ""},
		{"movements? no idea how many to count", ""},
		// A doubted reassurance reassures nobody.
		{"baby still kicking", ""},
		{"i don't think i've felt the baby still kicking today", "movements"},
		// A doubting adverb leaves the cue denying the reassurance.
		{"not really felt the baby still kicking today", "movements"},
		// A stranger inside the pattern does what it says, not the baby.
		{"does my bump protect the baby if someone kicks it", "blow"},
		{"no contractions, no reduced kicks, all fine", ""},
		// A sign told with its own cue is no item of the list before it.
		{"nothing for hours, not even hiccups", "movements"},
		// Only "not" and "never" before a raising verb pass on ("don't
		// think I've felt the baby", above): "nothing" is the object of the
		// clause before "and think".
		{"i feel nothing and think i am bleeding", "bleeding"},
		{"I can't sit without someone kicking", ""},
		// Unless patterns: idioms and reassurance.
		{"I fell pregnant in March", ""},
		{"i keep falling asleep on the sofa", ""},
		{"I had a fall", "fall"},
		// A near miss told with its save, in its sentence, is averted;
		// a fall or blow told of its own, or a blow after the save, is not.
		{"slipped on the mat but grabbed the rail and stayed upright", ""},
		{"almost fell down the stairs but caught myself", ""},
		{"slipped on the mat. grabbed the rail later", "fall"},
		{"slipped on the mat. didn't fall", ""}, // a denial in the next sentence
		{"slipped and had a fall, caught myself at the bottom", "fall"},
		{"slipped, grabbed the rail but hit my bump on it", "fall"},
		{"slipped, caught myself but my hip hit the tray", "fall"},
		{"slipped and didn't manage to grab anything", "fall"},
		{"slipped, hit my bump on the door, then caught myself", "fall"},
		{"slipped, grabbed the counter but ended up on the floor", "fall"},
		{"slipped and grabbed the rail but went down anyway", "fall"},
		{"slipped, my mum grabbed me but too late", "fall"},
		{"I slipped hit my bump on the counter but grabbed the chair", "fall"},
		{"my toddler fell off the slide", ""},
		{"knocked over by my toddler, I had a fall", "fall"},
		{"I was tripped by the dog and had a fall", "fall"},
		{"my sister (not pregnant) had a fall", ""},
		{"my sister (30 weeks) had a fall", "fall"},
		// "my" in a phrase about the other person is not the subject; a
		// week that is not counted is no pregnancy.
		{"husband from my work had a fall last week and he's fine now", ""},
		{"my toddler in my arms had a fall", ""},
		{"fell on my bump last week", "fall"},
		{"she is still kicking", ""},
		{"a blood test", ""},
		// Asked about, not reported: a question framed about the sign, a
		// dream, a question with a disclaimer; not a question about "my".
		{"what counts as bleeding?", ""},
		{"how do you tell the difference between a back spasm and a contraction?", ""},
		{"I keep having dreams about bleeding", ""},
		{"I was bleeding in my dream last night, woke up and checked, nothing", ""},
		{"I was bleeding in my sleep, it was on the sheets", "bleeding"},
		// A joke after the sentence that tells the sign takes it back;
		// "jokes aside" does not.
		{"I was bleeding all over my jeans... jk it was red paint", ""},
		{"I'm bleeding a lot. jokes aside, what do I do", "bleeding"},
		{"contractions: do they hurt your back? just curious, not having any", ""},
		{"how do you tell if she hasn't moved?", "movements"},
		{"what counts as bleeding? I'm bleeding now", "bleeding"},
		{"contractions every 5 minutes, do they hurt your back? just curious", "contractions"},
		{"what do I do, I'm bleeding", "bleeding"},
		// Parts joined by " & " match anywhere in one sentence.
		{"she usually kicks like mad after dinner but I've felt only a couple of tiny ones tonight", "movements"},
		{"she usually kicks like mad after dinner. I've felt only a couple of tiny ones tonight", "movements"},
		// Its reach: the next sentence, past a short fragment ("my back
		// hurts."), but not past a sentence of its own.
		{"she usually kicks like mad after dinner. my back hurts. I've felt only a couple of tiny ones tonight", "movements"},
		{"she usually kicks like mad after dinner. my back has hurt all day at work. I've felt only a couple of tiny ones tonight", ""},
		// A habit reassures about nothing now.
		{"usually she is still kicking at night, today not felt her kick", "movements"},
		// Settled history: past, checked and over; but not if it is now,
		// came back, was only asked about, or "at 30 weeks" comes first.
		{"had some bleeding at 8 weeks, scan was all fine. now 22 weeks", ""},
		{"fell last month, all fine and they discharged me", ""},
		{"contractions 3 weeks ago, haven't had one since", ""},
		{"went in last week with contractions, they said braxton hicks", ""},
		{"had some bleeding at 8 weeks, all fine, but it came back", "bleeding"},
		{"had some bleeding at 8 weeks, all fine. bleeding again now", "bleeding"},
		{"bleeding today, had a scan at 8 weeks, all fine", "bleeding"},
		{"I'm at 30 weeks and bleeding, all fine last week", "bleeding"},
		{"I'm bleeding, had a check last week, all fine", "bleeding"},
		{"I bled a lot with my first, now 30 weeks", ""},
		// An update line tells what came of the sign since, as a visit
		// does; "update" as a word in a sentence tells nothing.
		{"bleeding\nupdate: they checked me, all fine", ""},
		{"bleeding\nupdate: still waiting for them to call back", "bleeding"},
		{"bleeding\nupdate: they checked me and are keeping me in", "bleeding"},
		{"bleeding, no update from the hospital, they checked me, all fine", "bleeding"},
		// Someone named before the sign is not its subject when the sign
		// has its own ("the baby") or is a "she" he cannot be.
		{"my son fell off the slide, the baby hasn't moved since lunch", "movements"},
		{"my son is 4 and she hasn't moved since lunch", "movements"},
		{"my sister's baby hasn't moved since lunch", ""},
		{"my little girl fell off the slide", ""},
		{"my baby girl hasn't moved since lunch", "movements"},
		// A contrast right after a sign keeps it against a cue before it.
		{"no fever, bleeding though", "bleeding"},
		{"no fever bleeding tho", "bleeding"},
		// "not the usual" sets what follows against the usual: no list.
		{"not the usual ache - bleeding and cramps", "bleeding"},
		{"no bleeding though", ""},
		// The pregnancy she is in is no earlier one.
		{"I'm pregnant with my first and I'm bleeding", "bleeding"},
		{"30 weeks with my first and bleeding", "bleeding"},
		// A child's age is no "now"; a check done again is no sign again.
		{"I bled a lot with my first (she's 4 now)", ""},
		{"I bled a lot with my first, had a check again yesterday", ""},
		{"my son fell off the slide", ""},
		{"my daughter had a fall, she's 28 weeks", "fall"},
		{"this is my first pregnancy and I'm bleeding", "bleeding"},
		{"fell yesterday, all fine I think", "fall"},
		{"fell on Sunday, went in and they checked me and baby, all fine", ""},
		{"had some bleeding at 8 weeks, is it all fine?", "bleeding"},
		{"fell last month, not all fine", "fall"},
		{"fell last month", "fall"},
		{"had some bleeding at 8 weeks, haven't felt her kick since", "movements"},
		{"haven't felt him kick since lunch, said braxton", "movements"},
		// An unless pattern that names its own cue holds, and only where the
		// cue stands next to its word: "I can't move" is her, "I haven't
		// felt her move" is the baby.
		{"I can't move, my back has gone", ""},
		{"I haven't felt her move since lunch", "movements"},
		// "but" turns from an earlier pregnancy to now.
		{"with my first she did not move for a day", ""},
		{"with my first she kicked loads but today she has not moved", "movements"},
		// A negation inside a trigger's own sequence is its own word.
		{"everyone would be better if i wasn't here", "pain"},
		// A long sequence counts as one word of a trigger's width.
		{"gusto ko na lang mawala", "pain"},
		// A result that "came back" is no sign coming back.
		{"some bleeding last week, the test came back all fine", ""},
		// A time past, and an earlier time in an aside of its sentence.
		{"some bleeding last week (with first) and the back pain was bad", ""},
		{"some bleeding last week and the back pain was bad", "bleeding"},
		{"some bleeding, with first it was fine", "bleeding"},
		{"some bleeding last week, all fine, but it came back", "bleeding"},
		// Advice is no sign coming back: "ring again", "come back if it
		// happens again"; "if I stand up it starts again" is the sign.
		{"fell on Sunday, they checked me, all fine, ring again if it happens again", ""},
		{"fell on Sunday, they checked me, all fine, come back if anything changes again", ""},
		{"bleeding yesterday, they checked me, all fine, but if I stand up it starts again", "bleeding"},
		// Today is now, unless a visit before the sign was then; a sign
		// grown since it was checked is now, her back grown worse is not.
		{"bleeding this morning", "bleeding"},
		{"went to triage this morning with bleeding, they checked me, all fine", ""},
		{"went to triage this morning with bleeding, they checked me, all fine, but now it is heavier", "bleeding"},
		{"bleeding yesterday, they checked me, all fine, my back aches and now it is worse", ""},
		// "no more" is none at all; a save she asks about saves nothing.
		{"no more bleeding since sunday", ""},
		{"slipped on the stairs, i think i caught myself?", "fall"},
		// A save stands when the landing was on her feet, or the blow is
		// denied through "or"; "aching again" is her back, not the sign.
		{"slipped but caught myself, landed on my feet", ""},
		{"slipped but caught myself, didn't fall or hit anything", ""},
		{"slipped but caught myself, then hit the floor", "fall"},
		{"fell last month and they discharged me. my back is aching again", ""},
		// A settled sign told again in its sentence, or referred back to,
		// is the same story; a new sentence tells a new sign.
		{"fell last month (slipped on wet leaves) and they discharged me", ""},
		{"fell last month and they discharged me. is my back sore from the fall?", ""},
		{"fell last month and they discharged me. my back is still stiff from where i fell", ""},
		{"fell last month and they discharged me. i fell again today", "fall"},
		{"had some bleeding at 8 weeks, all fine. bleeding on the tissue", "bleeding"},
		{"had some bleeding at 8 weeks, all fine. the bleeding is bright red", "bleeding"},
		{"had some bleeding at 8 weeks, all fine. the bleeding is back now", "bleeding"},
		// A sign taken back at once.
		{"everyone thought I had a fall (I didn't)", ""},
		{"I had a fall, I did", "fall"},
		// Someone who saw it and tells: the sign is hers.
		{"my husband says there's a lot of blood on the car seat", "bleeding"},
		{"my husband noticed blood on the sheets", "bleeding"},
		{"my husband says his nose is bleeding", ""},
		// An observer who found, timed or was frightened by it; an age
		// and a resumptive "she" may stand between.
		{"my husband found blood on the sheets this morning", "bleeding"},
		{"my husband found blood on his pillow", ""},
		{"my husband is freaking out because there is blood on the seat", "bleeding"},
		{"my husband is freaking out because his nose is bleeding", ""},
		{"my daughter (6) she saw blood in the toilet after i went", "bleeding"},
		{"my sister timed her contractions", ""},
		// A story told to her: helpers before "tell" keep it the teller's.
		{"my husband keeps telling me about when he was bleeding", ""},
		// A "he" shown to be a person is no baby.
		{"he promised it won't happen again but I get scared when he has not moved from the sofa", ""},
		{"he usually kicks at night, tonight he has not moved", "movements"},
		// A comparative turns a reassurance round, after a "but" too.
		{"baby still kicking", ""},
		{"baby still kicking less than usual", "movements"},
		{"baby still kicking but much much less than last week", "movements"},
		{"baby still kicking but my back is much worse", ""},
		// A question put to the group as the message opens is hers.
		{"ladies is bleeding ever ok?", ""},
		{"question for the ladies: is bleeding ever ok? it is on the tissue now", "bleeding"},
		// Asked how theirs went, the others' sign; hers told after it.
		{"did your bleeding stop quickly after the sweep?", ""},
		{"did your bleeding stop quickly after the sweep? mine just started", "bleeding"},
		// She agrees with the one who told it: it is hers.
		{"my son said the baby is quiet", ""},
		{"my son said the baby is quiet and he's right, she has not moved today", "movements"},
		// An absence whose word holds the cue ("weren't_there").
		{"her kicks were not there today", "movements"},
		{"her kicks were there today", ""},
		// "contracting" keeps its form: not a work contract.
		{"contracting on and off since lunch", "contractions"},
		{"signed my new work contract", ""},
		// A frame that closes a question about the sign, with no number.
		{"back pain and contraction link?", ""},
		{"contraction every 5 minutes link?", "contractions"},
		// Someone writing for her: the signs are hers.
		{"husband writing: she had a fall", "fall"},
		{"my husband had a fall", ""},
		// Owning up that it is hers, at the end of a clause: "it's me".
		{"what if a pregnant woman had a fall? its me", "fall"},
		{"my sister slipped", ""},
		{"my sister slipped. asking for myself lol", "fall"},
		{"what counts as bleeding? that woman is me", "bleeding"},
		{"is it me or has my sister slipped", ""},
		{"what counts as bleeding? asking for myself, not having any", ""},
		// Another's pregnancy makes her the one, unless the member tells
		// of her own.
		{"my sister is 28 weeks and bleeding", "bleeding"},
		{"my sister is 34 weeks and bleeding, I'm 20 weeks", ""},
		// Weeks and days are a pregnancy too; "at 37+2" is when.
		{"my sister is 37+2 and says she is bleeding", "bleeding"},
		{"my sister is 37+2 and says she is bleeding, I'm 20+1", ""},
		// An unless pattern about another person ("{others} fell") yields
		// when her own sentence gives her the pregnancy, as "she".
		{"my sister fell in the garden, she's 31 weeks", "fall"},
		{"my sister fell in the garden, I'm 31 weeks", ""},
		{"my sister fell in the garden with a 31 week bump to carry", ""},
		{"my friend fell at the 20 week scan", ""},
		{"my sister fell shes fine 31 wks here", ""},
		{"my friend fell off the sofa, she's 40 weeks old", ""},
		{"my sister fell when she was 32 weeks with her first", ""},
		{"my pregnant sister fell in the car park", "fall"},
		// "anyway" turns from the others to her own news.
		{"my sister rang, she slipped on the stairs", ""},
		{"my sister rang about her wedding, anyway slipped on the stairs", "fall"},
		{"my sister rang, anyway she says she slipped on the stairs", ""},
		// A sign that counts from 20 weeks is none when her weeks today
		// are told as fewer.
		{"16 weeks and not felt the baby move yet", ""},
		// Not felt "yet" has not begun: a sign only from 24 weeks.
		{"22 weeks and not felt the baby move yet", ""},
		{"26 weeks and not felt the baby move yet", "movements"},
		{"22 weeks and not felt the baby move since yesterday", "movements"},
		{"26 weeks and not felt the baby move today", "movements"},
		{"not felt the baby move today", "movements"},
		{"16 weeks and not felt the baby move since yesterday, felt her every day before", "movements"},
		// A person she was with is no subject of what follows, unless a
		// pronoun takes it up.
		{"after a walk with my husband some bleeding", "bleeding"},
		{"out with my friend, she started bleeding", ""},
		// A person in a comparison is nobody else: the sign is hers.
		{"I'm 29 weeks and it's like someone gave me a sudden sharp pain", "pain"},
		{"I'm 29 weeks and someone at work has a sudden sharp pain", ""},
		{"I'm 29 weeks, it feels as if a friend is kicking the bump", "blow"},
		{"my sister is 30 weeks and her baby not moved. mine's kicking away", ""},
		{"a colleague of mine had a fall", ""},
		// A greeting to the group names nobody else.
		{"hey ladies quick one, had some bleeding earlier", "bleeding"},
		{"my friend had some bleeding earlier", ""},
		// Weeks right after her are her pregnancy's.
		{"my friend at 32 weeks had a fall", "fall"},
		{"my friend at the shop had a fall", ""},
		// Cancelled by an unless pattern ("he kicked my bump" is the baby),
		// but revived when a rule named in also_with fires.
		{"he kicked my bump", ""},
		{"he kicked my bump and said he will hurt me", "blow"},
		// A thing that fell is no fall of hers (see ThingsGroup), unless it
		// came down on her; she may fall after it.
		{"phone fell in the toilet", ""},
		{"the mug fell off the shelf", ""},
		{"the mug fell off the shelf onto my bump", "fall"},
		{"a frame fell and hit me", "fall"},
		{"my phone fell and then I fell too", "fall"},
		// A sign with no time of its own, in the story of a visit that
		// found it fine (see checkedStory); not when the message turns
		// back to her case after, nor after a check at the roadside.
		{"slipped in the kitchen. went to triage with it, all fine, nothing since", ""},
		{"slipped in the kitchen. went to triage with it, all fine. now my tummy hurts", "fall"},
		{"slipped in the kitchen. the midwife checked my bp, all fine", ""},
		{"slipped in the kitchen. paramedics checked my bp at the scene, all fine", "fall"},
		// A group's member is the word it names: "none" in a group is not
		// any negation.
		{"nobody wants me", "threat"},
		{"none of them want me", "threat"},
		{"don't want to give up my walks, they keep me sane", ""},
		// A bare "no" after a sign answers it, unless some is left.
		{"bleeding no just back ache", ""},
		{"bleeding no", ""},
		{"bleeding no just a bit", "bleeding"},
		{"bleeding no just a backache", ""},
		{"bleeding no just loads", "bleeding"},
		{"bleeding no stop", "bleeding"},
		// A sign "at N weeks" is over when her weeks today lie months on.
		{"had some bleeding at 8 weeks, now 24 weeks, what helps my back", ""},
		{"had some bleeding at 22 weeks, now 24 weeks", "bleeding"},
		{"had some bleeding at 8 weeks, 24 weeks now and bleeding again", "bleeding"},
		{"had some bleeding at 8 weeks, I'm 24 weeks, what helps my back", ""},
		{"had some bleeding at 8 weeks, been off work for 12 weeks", "bleeding"},
		{"had some bleeding at 8 weeks, baby measuring 24 weeks", "bleeding"},
		// A pattern that names a habit tells her baby's usual pattern,
		// unless today stands against it.
		{"she's always calm in the mornings", ""},
		{"she's usually calm in the mornings but today nothing", "movements"},
		{"she's always calm in the mornings, same since 25 weeks", ""},
		{"she's calm today", "movements"},
		// Her own fear of a fall to come is no fall; a fall told is.
		{"scared im gonna fall on the ice", ""},
		{"so scared of falling with my bump", ""},
		{"I fell this morning and now I'm scared of falling again", "fall"},
		// A save in the sentence after a question of the sign's own
		// saves it; after a plain sentence, it does not.
		{"anyone get braxton hicks? they stopped when I sat down", ""},
		{"braxton hicks. stopped when I sat down", "contractions"},
		// A birth that tells when is no one else's sign.
		{"3 weeks after my son was born there is blood everywhere", "bleeding"},
		{"my son is bleeding from his knee", ""},
		// Fears of her own, told with "of"; never "about" or "of my".
		{"terrified of contractions starting early", ""},
		{"so scared of bleeding again", ""},
		{"so worried about bleeding, it's bright red", "bleeding"},
		{"I'm scared of my bleeding", "bleeding"},
		// A swelling waited on to go down is one going on.
		{"waiting for the contractions to go away", "contractions"},
		// A story dated before this pregnancy goes on in the past in
		// the next sentence; "that was" dates the clause before it.
		{"with my first I bled loads. I had bleeding for weeks", ""},
		{"with my first I bled loads. Now I'm bleeding", "bleeding"},
		{"I bled a lot, that was with my first", ""},
		{"I bled a lot, that was scary", "bleeding"},
		// "She had" after another woman is hers.
		{"my sister had a bad time. She had bleeding for days", ""},
		{"my sister is 38 weeks. She had bleeding this morning", "bleeding"},
		// A list she owns some of after all.
		{"call if you get bleeding, fever or pain. I've got two of them", "bleeding"},
		// "not my" denies, unless a worried tag asks.
		{"at least it's not my contractions starting", ""},
		{"it's not my contractions starting, is it?", "contractions"},
		// A denial of the fall may wait one sentence more.
		{"slipped on the stairs. sat down on the step. I didn't fall", ""},
		{"slipped on the stairs. sat down on the step. landed hard", "fall"},
		// A count of something else owns none of a list.
		{"call if bleeding, fever or pain. I've got three weeks left at work", ""},
		{"call if bleeding, fever or pain. I've got two of them", "bleeding"},
		// Another's sign, then hers "too".
		{"my sister is bleeding and mine feels like it is starting too", "bleeding"},
		{"my sister is bleeding, mine is fine too", ""},
		// What she waits for to begin is no sign; what she waits for to
		// end is.
		{"still waiting for contractions to start, 41 weeks", ""},
		{"waiting for the contractions to stop", "contractions"},
		// What someone asked her is no sign, unless she answers yes.
		{"midwife asked if I'd had any bleeding, all fine", ""},
		{"she went through the checklist: bleeding? all no", ""},
		{"the 111 lady asked if I was bleeding, I said yes", "bleeding"},
		{"midwife asked if I had any bleeding and I said a bit", "bleeding"},
		{"I asked the midwife about the bleeding", "bleeding"},
		{"feel silly asking, bleeding since lunch", "bleeding"},
		{"she asked about the weather and I'm bleeding", "bleeding"},
		// A habit governs the reassurance only close by.
		{"usually contractions at work", "contractions"},
		{"my boss always goes on and on about how contractions at work are the worst", ""},
		{"always tired and usually her kicks slow down but she not moved today", "movements"},
		// Her weeks are a fact no cue negates.
		{"tightening, can't stand up, 35 weeks", "contractions"},
		{"tightening can't talk 35 weeks", "contractions"},
		{"tightening", ""},
		// A retraction may come after a laugh and a "but", with an adverb.
		{"feels like contractions lol but they're definitely not", ""},
		{"feels like contractions lol but they're definitely strong", "contractions"},
		// Or another sense named: "not those ones", never a kind of the sign.
		{"contractions at work lol, not those ones", ""},
		{"contractions, not those ones, proper ones this time", "contractions"},
		{"contractions again, not the ones from last week", "contractions"},
		{"bleeding? nah lol", ""},
		// Bleeding that stopped still needs checking, and "stops" is no end
		// ("stops when I lie down"); "it's back" brings a sign back, "back
		// pain" is the body's back.
		{"the bleeding has stopped", "bleeding"},
		{"the bleeding stops when I lie down", "bleeding"},
		{"the bleeding hasn't stopped", "bleeding"},
		{"the bleeding stopped but now it's back", "bleeding"},
		{"had some bleeding last week, all fine. now it's back pain", ""},
		{"had some bleeding last week, all fine. now it's back", "bleeding"},
		// A child's age makes "old" a person; "the old scar" and "new year"
		// name nobody.
		{"my 2 yr old had a fall", ""},
		{"the old scar is bleeding", "bleeding"},
		{"happy new year, bleeding since this morning", "bleeding"},
		// A near miss told after a blow does not take the blow back.
		{"he kicked my bump and said he will hurt me, didn't fall though", "blow"},
	}
	for _, tt := range tests {
		got := match(a, set, tt.text)
		switch {
		case tt.want == "" && len(got) > 0:
			t.Errorf("%q: false alarm %v", tt.text, got)
		case tt.want != "" && !slices.Contains(got, tt.want):
			t.Errorf("%q: got %v, want %s", tt.text, got, tt.want)
		}
	}
}

// TestReopened checks that a recent fall checked and found fine fires
// again with a new sign after it, and one months back does not.
func TestReopened(t *testing.T) {
	a, set := compile(t)
	tests := []struct {
		text string
		want []string
	}{
		{"slipped last week, they checked me, all fine. today some blood on the tissue", []string{"bleeding", "fall"}},
		{"slipped on sunday, they checked me, all fine, today some blood on the tissue", []string{"bleeding", "fall"}},
		{"slipped last month, they checked me, all fine, today some blood on the tissue", []string{"bleeding"}},
		{"slipped last week, they checked me, all fine. my back is sore", nil},
	}
	for _, tt := range tests {
		got := match(a, set, tt.text)
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: got %v, want %v", tt.text, got, tt.want)
			logExplain(t, a, set, tt.text)
		}
	}
}

// TestRevive checks that a rule whose match an unless pattern cancelled
// fires with a rule of its also_with found by another reading (a learned
// screen), and not without one.
func TestRevive(t *testing.T) {
	a, set := compile(t)
	var an analyze.Analysis
	a.Analyze("he kicked my bump", &an)
	rd := set.Read(an.Words)
	if len(rd.Fired) != 0 {
		t.Fatalf("fired %v, want none: the baby kicks", rd.Fired)
	}
	if got := rd.Revive([]string{"threat"}); !slices.Equal(got, []string{"threat", "blow"}) {
		t.Errorf("Revive(threat) = %v, want [threat blow]", got)
	}
	if got := rd.Revive([]string{"fall"}); !slices.Equal(got, []string{"fall"}) {
		t.Errorf("Revive(fall) = %v, want [fall]: fall revives no blow", got)
	}
	if got := rd.Revive(nil); len(got) != 0 {
		t.Errorf("Revive(nil) = %v, want none", got)
	}
}

func TestExplain(t *testing.T) {
	a, set := compile(t)
	var an analyze.Analysis
	a.Analyze("no bleeding, but contractions", &an)
	var verdicts []string
	for _, f := range set.Explain(an.Words) {
		if f.Verdict != triage.Partial {
			verdicts = append(verdicts, f.Rule+": "+f.Verdict.String())
		}
	}
	got := strings.Join(verdicts, "; ")
	if want := "bleeding: negated by a cue before it; contractions: fired"; got != want {
		t.Errorf("Explain: %s, want %s", got, want)
	}
}

func TestCompileErrors(t *testing.T) {
	a, _ := compile(t)
	if _, err := triage.Compile(a, triage.Config{Rules: []triage.Rule{{ID: "x", Triggers: []string{"{nope} kick"}}}}); err == nil {
		t.Error("an undefined word group compiled")
	}
	// A negation among alternatives is a phrase of its own, so such
	// items multiply.
	huge := strings.Repeat("not|stop ", 16)
	if _, err := triage.Compile(a, triage.Config{Rules: []triage.Rule{{ID: "x", Triggers: []string{huge}}}}); err == nil {
		t.Error("a trigger expanding into 65536 phrases compiled")
	}
	// Members of several words (from a word group) are phrases, in order:
	// "on and off" is not "on", "and" or "off" anywhere.
	groups := map[string][]string{"pairs": {"red dog", "blue cat"}}
	pairs, err := triage.Compile(a, triage.Config{Rules: []triage.Rule{{ID: "x", Triggers: []string{"{pairs} bark"}}}, Groups: groups})
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]bool{"the red dog began to bark": true, "the dog is red and will bark": false} {
		var an analyze.Analysis
		a.Analyze(text, &an)
		if got := len(pairs.Match(an.Words)) > 0; got != want {
			t.Errorf("%q with {pairs} bark: fired %v, want %v", text, got, want)
		}
	}
	many := strings.Repeat("a|b|c|d|e|f|g|h ", 5)
	if _, err := triage.Compile(a, triage.Config{Rules: []triage.Rule{{ID: "x", Triggers: []string{many}}}}); err != nil {
		t.Errorf("one-word alternatives are one phrase: %v", err)
	}
}

func FuzzMatch(f *testing.F) {
	f.Add("no bleeding or fever, just sore")
	f.Add("\xff\xfe not , , no")
	f.Add("bleeding? no")
	a, set := compile(f)
	f.Fuzz(func(t *testing.T, s string) {
		match(a, set, s) // must not panic
	})
}

func BenchmarkMatch(b *testing.B) {
	a, set := compile(b)
	var an analyze.Analysis
	a.Analyze("I'm 24 weeks, no bleeding or contractions, but she hasn't moved much since lunch and my back is sore", &an)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		set.Match(an.Words)
	}
}

// TestPast: a rule's Past patterns make a match history when they stand
// anywhere in its sentence, not only over it; in another sentence they
// do not.
func TestPast(t *testing.T) {
	a, _ := compile(t)
	set, err := triage.Compile(a, triage.Config{Rules: []triage.Rule{{ID: "loss", Triggers: []string{"lost baby", "miscarriage"},
		Past: []string{"#1950-2030", "year|years ago|back"}}}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want bool
	}{
		{"we lost our baby last week", true},
		{"lost a baby at 18 weeks back in 2020, now 22 weeks again", false},
		{"had a miscarriage a few years back and now 16 weeks", false},
		{"had a miscarriage yesterday. we moved house in 2020", true},
	}
	for _, tt := range tests {
		var an analyze.Analysis
		a.Analyze(tt.text, &an)
		if got := len(set.Match(an.Words)) > 0; got != tt.want {
			t.Errorf("%q: fired %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestPastAbuse: abuse told as long over is settled, unless it is told
// to come back or the abuser acts after the words that end it.
func TestPastAbuse(t *testing.T) {
	a, _ := compile(t)
	set, err := triage.Compile(a, triage.Config{
		Groups:  map[string][]string{"abuser": {"ex", "husband"}},
		History: triage.History{Again: []string{"again"}},
		Rules: []triage.Rule{{ID: "abuse", Agents: true, Triggers: []string{"{abuser}|he hit|hits|pushed me|her", "he|{abuser} violent"},
			Past: []string{"that_be|it_be year|years ago", "he|ex long_gone"}}}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want bool
	}{
		{"my husband hit me last night", true},
		{"my ex hit me, but that was years ago and I'm with a lovely guy now", false},
		{"her ex was so violent, but she is happy, he is long gone", false},
		// Told before the abuse, the end dates something else.
		{"that was years ago and he still hits me", true},
		{"no contact with my mum for years, he's long gone, my husband hits me", true},
		// A partner she has now; abuse that comes back or goes on.
		{"my husband hit me, that was years ago", true},
		{"my ex hit me, that was years ago, and last night he did it again", true},
		{"my ex hit me, that was years ago, but still hits me", true},
		{"my ex was violent, it was years ago, but now he keeps turning up", true},
		{"my ex was violent, that was years ago, now my husband pushed me", true},
		// A kind new partner after it is another man; a start is no end.
		{"my ex was violent, that was years ago, I'm with a lovely husband now", false},
		{"my ex was violent since that was years ago", true},
		{"my ex was violent, that started years ago", true},
		// Named again only to say it is over; an ex-husband is no partner now.
		{"my ex was violent, that was years ago, he's long gone", false},
		{"my ex husband was violent but that was years ago, he's long gone", false},
		{"my ex husband was violent but that was years ago, he still hits me", true},
	}
	for _, tt := range tests {
		var an analyze.Analysis
		a.Analyze(tt.text, &an)
		if got := len(set.Match(an.Words)) > 0; got != tt.want {
			t.Errorf("%q: fired %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestNearMiss: a crisis nearly acted on stays one when a denial follows
// it; one told without "nearly" is denied by it.
func TestNearMiss(t *testing.T) {
	a, _ := compile(t)
	set, err := triage.Compile(a, triage.Config{Rules: []triage.Rule{
		{ID: "crisis", Triggers: []string{"nearly_took all_my pills", "swallowed all_my pills"}}}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []string
	}{
		{"last night I nearly took all my pills. I didn't.", []string{"crisis"}},
		{"swallowed all my pills? no.", nil},
	}
	for _, tt := range tests {
		if got := match(a, set, tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("%q: fired %v, want %v", tt.text, got, tt.want)
			logExplain(t, a, set, tt.text)
		}
	}
}

// TestHistory: a rule's History patterns cancel a match they overlap, as
// unless patterns do, and tell it as her own history (Reading.Settled),
// unless the loss is someone else's.
func TestHistory(t *testing.T) {
	a, _ := compile(t)
	set, err := triage.Compile(a, triage.Config{Groups: map[string][]string{triage.OthersGroup: {"friend"}},
		Rules: []triage.Rule{{ID: "loss", Triggers: []string{"lost baby", "miscarriage"},
			Unless: []string{"scared of miscarriage"}, History: []string{"after my|her miscarriage"}}}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text           string
		fired, history bool
	}{
		{"we lost our baby at 16 weeks", true, false},
		{"after my miscarriage I worry about every twinge, 14 weeks", false, true},
		{"pregnant again after my miscarriage", false, true},
		{"so scared of miscarriage", false, false},
		{"my friend is pregnant again after her miscarriage", false, false},
	}
	for _, tt := range tests {
		var an analyze.Analysis
		a.Analyze(tt.text, &an)
		rd := set.Read(an.Words)
		if fired, history := len(rd.Fired) > 0, slices.Contains(rd.Settled, "loss"); fired != tt.fired || history != tt.history {
			t.Errorf("%q: fired %v, history %v; want %v, %v", tt.text, fired, history, tt.fired, tt.history)
		}
	}
}

func TestLooseWords(t *testing.T) {
	a, _ := compile(t)
	tests := []struct {
		pattern string
		want    []string // loose words
	}{
		{"crazy|mad for|doing|going", []string{"doing", "going"}},
		{"do|did|doing it", nil},            // every form is meant
		{"doing_my|going_to exercise", nil}, // sequences keep their place
		{"{others} fall|fell", nil},
		{"wee|weeing every # minutes", nil},
		{"need|weeing every # minutes", []string{"weeing"}},
	}
	for _, tt := range tests {
		var got []string
		for _, l := range triage.LooseWords(a, tt.pattern) {
			got = append(got, l.Word)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: loose %v, want %v", tt.pattern, got, tt.want)
		}
	}
}

func TestNumberWords(t *testing.T) {
	tests := []struct {
		pattern string
		want    []string
	}{
		{"not getting my_10|my_ten|10_kicks", []string{"my_10", "10_kicks"}},
		{"after two|3 losses", []string{"3"}},
		{"every # minutes & #37.8-43 degrees", nil}, // "#" means any number
		{"#_kicks|ten_kicks", nil},
	}
	for _, tt := range tests {
		if got := triage.NumberWords(tt.pattern); !slices.Equal(got, tt.want) {
			t.Errorf("%q: numbers %v, want %v", tt.pattern, got, tt.want)
		}
	}
}

// TestEmbeddedUnlessNotLoose: no unless pattern of the shipped knowledge
// base has a loose word, which would cancel real danger signs ("doing"
// meeting "don't").
func TestEmbeddedUnlessNotLoose(t *testing.T) {
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	a := analyze.New(kb)
	var unless []string
	for _, f := range kb.RedFlags {
		unless = append(unless, f.Unless...)
	}
	for _, s := range kb.Safety {
		unless = append(unless, s.Unless...)
	}
	for _, u := range unless {
		if l := triage.LooseWords(a, u); len(l) > 0 {
			t.Errorf("unless %q: loose words %v", u, l)
		}
	}
	// Nor a number in digits anywhere: "my_10" met "my 2 year old".
	patterns := unless
	for _, f := range kb.RedFlags {
		patterns = slices.Concat(patterns, f.Triggers, f.Firm, f.Averted)
	}
	for _, s := range kb.Safety {
		patterns = slices.Concat(patterns, s.Triggers, s.Past)
	}
	// Nor an alternative the compiler leaves out: "is|feel sore" never
	// meets "is sore".
	for _, f := range kb.RedFlags {
		patterns = slices.Concat(patterns, f.Explained)
	}
	for _, s := range kb.Safety {
		patterns = slices.Concat(patterns, s.Firm)
	}
	for _, p := range patterns {
		if n := triage.NumberWords(p); len(n) > 0 {
			t.Errorf("pattern %q: numbers in digits %v stand for any number", p, n)
		}
		if w := triage.SkippedWords(a, p); len(w) > 0 {
			t.Errorf("pattern %q: alternatives %v are left out and never match", p, w)
		}
	}
}

func TestSkippedWords(t *testing.T) {
	kb, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	a := analyze.New(kb)
	tests := []struct {
		pattern string
		want    []string
	}{
		{"is|feel sore", []string{"is"}},
		{"be|was faint", []string{"be", "was"}},
		{"knocked my|the|a glass", []string{"the", "a"}},
		{"she be tired", nil},                 // a lone skipped word is meant to be left out
		{"it_is|the_baby sore & {baby}", nil}, // in sequences every word counts
		{"di_gumagalaw|hindi gumagalaw", nil},
	}
	for _, tt := range tests {
		if got := triage.SkippedWords(a, tt.pattern); !slices.Equal(got, tt.want) {
			t.Errorf("%q: skipped %v, want %v", tt.pattern, got, tt.want)
		}
	}
}

func TestDashedWords(t *testing.T) {
	tests := []struct {
		pattern string
		want    []string
	}{
		{"shoulder_tip|shoulder-tip pain|ache", []string{"shoulder-tip"}},
		{"rear ended|rear-ended", []string{"rear-ended"}},
		{"{loss-little} die|died & #37.8-43", nil}, // group names and ranges may hold dashes
		{"slip_on|slipon {footwear}", nil},
	}
	for _, tt := range tests {
		if got := triage.DashedWords(tt.pattern); !slices.Equal(got, tt.want) {
			t.Errorf("%q: dashed %v, want %v", tt.pattern, got, tt.want)
		}
	}
}

// TestHeld: a match that a cue negates, or that an unless pattern with a
// cue in it denies, is held for the rule; one that an unless pattern
// reads in another sense is not, and leaves the message to other readers
// (a learned screen). A screen_unless pattern holds the rule anywhere.
func TestHeld(t *testing.T) {
	a, _ := compile(t)
	set, err := triage.Compile(a, triage.Config{Rules: []triage.Rule{{ID: "abuse", Triggers: []string{"he hurt my_back|my_arm"},
		Unless: []string{"my back hurt|hurts", "never hurt my_back|my_arm"}},
		{ID: "loss", Triggers: []string{"lost our baby"}, ScreenUnless: []string{"had my baby # weeks ago"}}}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		held bool
	}{
		{"he hurt my arm", false}, // fired
		{"he has never hurt my arm", true},
		{"he was angry when i said my back hurt", false},
		// A screen_unless pattern holds the rule wherever it stands, unless
		// negated or a trigger fires.
		{"had my baby 6 weeks ago and my back still aches", true},
		{"I haven't had my baby 6 weeks ago, I mean I'm 30 weeks", false},
		{"had my baby 6 weeks ago. we lost our baby", false},
	}
	for _, tt := range tests {
		var an analyze.Analysis
		a.Analyze(tt.text, &an)
		held := set.Read(an.Words).Held
		if got := len(held) > 0; got != tt.held {
			t.Errorf("%q: held %v, want %v", tt.text, got, tt.held)
		}
	}
}

// TestToldOfHer covers readings that keep a sign hers: what she tried,
// then "nothing" (the outcome, not an answer); another's sign she shares
// ("neither can I"); the baby's pet name, which is no other person; and a
// sign told in parts whose save follows all of them after a turn.
func TestToldOfHer(t *testing.T) {
	a, _ := compile(t)
	set, err := triage.Compile(a, triage.Config{
		Groups: map[string][]string{
			"baby":   {"baby", "she", "he", "little man"},
			"others": {"husband", "man", "toddler"},
		},
		Rules: []triage.Rule{{
			ID: "baby-movements", SelfOnly: true, Reports: true,
			Triggers: []string{
				"tried & cold_water|chocolate & nothing",
				"not feel anything_anymore",
				"{baby} gone_quiet",
				"{baby} slow & this_morning",
			},
			Unless:  []string{"{others} quiet"},
			Averted: []string{"slow & made_up_for_it|make_up_for_it"},
		}},
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []string
	}{
		{"I've tried cold water, chocolate, lying on my left... nothing.", []string{"baby-movements"}},
		{"cold water? nothing. just wondering what helps my back", nil},
		{"husband can't feel anything anymore, and neither can I", []string{"baby-movements"}},
		{"husband can't feel anything anymore with his hand on", nil},
		{"little man has gone quiet", []string{"baby-movements"}},
		{"the man next door has gone quiet", nil},
		{"little man (3) has gone quiet", nil},
		{"baby was a bit slow this morning but has made up for it this afternoon", nil},
		{"baby was a bit slow this morning, made up for it with cake", []string{"baby-movements"}},
	}
	for _, tt := range tests {
		if got := match(a, set, tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("%q: fired %v, want %v", tt.text, got, tt.want)
			logExplain(t, a, set, tt.text)
		}
	}
}

// TestBackSince: a "since" or a "now it's worse" after her back is named
// tells of her back, not of the sign, which stays history; after the sign
// itself they tell it goes on.
func TestBackSince(t *testing.T) {
	a, _ := compile(t)
	set, err := triage.Compile(a, triage.Config{
		Rules: []triage.Rule{{ID: "fall", Triggers: []string{"fell down_the_stairs"}, Reports: true}},
		History: triage.History{
			Earlier: []string{"in #1950-2024"},
			Now:     []string{"now", "since"},
			Again:   []string{"now|but_now it|its worse|heavier"},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text  string
		fired bool
	}{
		{"I fell down the stairs in 2018", false},
		{"I fell down the stairs in 2018 and have had back trouble ever since", false},
		{"I fell down the stairs in 2018 and my back's never been right since. now it's worse", false},
		{"I fell down the stairs in 2018 and it has hurt ever since", true},
		{"I fell down the stairs in 2018, my back ached, but now it's heavier", true},
	}
	for _, tt := range tests {
		if fired := len(match(a, set, tt.text)) > 0; fired != tt.fired {
			t.Errorf("%q: fired %v, want %v", tt.text, fired, tt.fired)
			logExplain(t, a, set, tt.text)
		}
	}
}

// TestBelievedCause: a cause someone only believes explains nothing
// ("colleagues think I knocked my drink over"); a cause told as what
// happened does; and a child whose things she grabs is no subject.
func TestBelievedCause(t *testing.T) {
	a, _ := compile(t)
	set, err := triage.Compile(a, triage.Config{
		Groups: map[string][]string{triage.OthersGroup: {"colleague", "son"}},
		Rules: []triage.Rule{{
			ID: "waters", SelfOnly: true, Reports: true,
			Triggers:  []string{"felt gush"},
			Explained: []string{"{others}|i knocked|spilled drink|tea"},
		}},
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []string
	}{
		{"felt a gush at my desk, colleagues think I knocked my drink over", []string{"waters"}},
		{"felt a gush at my desk, I knocked my drink over", nil},
		{"bent down to grab my son's sneakers and felt a gush", []string{"waters"}},
		{"my son felt a gush of wind from the fan", nil},
	}
	for _, tt := range tests {
		if got := match(a, set, tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("%q: fired %v, want %v", tt.text, got, tt.want)
			logExplain(t, a, set, tt.text)
		}
	}
}
