package bot_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/backcare/backcare/bot"
	"github.com/backcare/backcare/knowledge"
)

// button returns the first button of r whose label is label.
func button(r bot.Reply, label string) (bot.Button, bool) {
	i := slices.IndexFunc(r.Buttons, func(b bot.Button) bool { return b.Label == label })
	if i < 0 {
		return bot.Button{}, false
	}
	return r.Buttons[i], true
}

// bodyWords is the words of a reply's answer text: without its heading,
// source line and disclaimer.
func bodyWords(r bot.Reply) []string {
	var words []string
	for _, b := range r.Blocks {
		if b.Kind == bot.Paragraph || b.Kind == bot.Bullets {
			words = append(words, strings.Fields(b.Text+" "+strings.Join(b.Items, " "))...)
		}
	}
	return words
}

// TestTopicAnswersFitAPhone opens every topic of the real knowledge base
// and follows its "Tell me more" buttons: each part fits FirstScreen
// before its buttons (answers about when to see a doctor, which carry the
// urgent guidance, are shown whole), the parts add up to the answer, and
// every part ends at the end of a sentence or a list item.
func TestTopicAnswersFitAPhone(t *testing.T) {
	eng := newEngine(t, bot.Options{Limiter: bot.Unlimited{}})
	ctx := context.Background()
	kb := eng.Knowledge()
	for _, tp := range kb.Topics {
		chat := "fit-" + tp.ID
		eng.Handle(ctx, bot.Message{Platform: "test", ChatID: chat, UserID: "u", Addressed: true, Command: bot.CmdStart})
		r := eng.Handle(ctx, bot.Message{Platform: "test", ChatID: chat, UserID: "u", Addressed: true, Payload: bot.TopicPayload(tp.ID)})
		var lengths []int
		var words []string
		for part := 0; ; part++ {
			n := utf8.RuneCountInString(r.Text())
			lengths = append(lengths, n)
			if n > bot.FirstScreen && tp.Category != knowledge.Doctor {
				t.Errorf("%s part %d: %d characters before the buttons:\n%s", tp.ID, part, n, r.Text())
			}
			if last := r.Blocks[len(r.Blocks)-2]; last.Kind == bot.Paragraph && !strings.ContainsAny(last.Text[len(last.Text)-1:], ".!?") {
				t.Errorf("%s part %d ends mid-sentence: %q", tp.ID, part, last.Text)
			}
			words = append(words, bodyWords(r)...)
			more, ok := button(r, bot.MoreLabel)
			if !ok {
				break
			}
			if part > 5 {
				t.Fatalf("%s: too many parts", tp.ID)
			}
			r = eng.Handle(ctx, bot.Message{Platform: "test", ChatID: chat, UserID: "u", Addressed: true, Payload: more.Payload})
			if r.Kind != bot.KindMore || r.TopicID != tp.ID || r.Blocks[0].Text != tp.Title+" (continued)" {
				t.Fatalf("%s part %d: kind %s topic %s heading %q", tp.ID, part+1, r.Kind, r.TopicID, r.Blocks[0].Text)
			}
		}
		want := strings.Fields(strings.NewReplacer("\n- ", " ", "\n", " ").Replace("\n" + kb.Localize(tp.Answer, "")))
		if strings.Join(words, " ") != strings.Join(want, " ") {
			t.Errorf("%s: the parts do not add up to the answer:\n%s\nwant\n%s", tp.ID, strings.Join(words, " "), strings.Join(want, " "))
		}
		t.Logf("%-26s answer %3d characters; on screen %v", tp.ID, utf8.RuneCountInString(tp.Answer), lengths)
	}
}

// TestTellMeMoreShowsTheRest: the rest of an answer shown in part comes
// with the "Tell me more" button, or when the member types "tell me
// more" or "more"; after it, "tell me more" moves on to a related topic.
func TestTellMeMoreShowsTheRest(t *testing.T) {
	tests := []struct {
		name  string
		first bot.Message
		more  func(first bot.Reply) bot.Message
	}{
		{"button", msg("what helps back spasms"), func(r bot.Reply) bot.Message {
			b, _ := button(r, bot.MoreLabel)
			return bot.Message{Payload: b.Payload}
		}},
		{"typed tell me more", msg("what helps back spasms"), func(bot.Reply) bot.Message { return msg("tell me more") }},
		{"typed more", msg("what causes back spasms in pregnancy"), func(bot.Reply) bot.Message { return msg("more") }},
		{"typed anything else", msg("what causes back spasms in pregnancy"), func(bot.Reply) bot.Message { return msg("anything else?") }},
		{"/tips keeps the button first", bot.Message{Command: bot.CmdTips}, func(r bot.Reply) bot.Message {
			return bot.Message{Payload: r.Buttons[0].Payload}
		}},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eng := newEngine(t, bot.Options{Limiter: bot.Unlimited{}})
			ctx := context.Background()
			send := func(m bot.Message) bot.Reply {
				m.Platform, m.ChatID, m.UserID, m.Addressed = "test", fmt.Sprint("more-", i), "u", true
				return eng.Handle(ctx, m)
			}
			first := send(tt.first)
			if first.Kind != bot.KindAnswer || first.Buttons[0].Label != bot.MoreLabel {
				t.Fatalf("first: kind %s buttons %+v", first.Kind, first.Buttons)
			}
			rest := send(tt.more(first))
			if rest.Kind != bot.KindMore || rest.TopicID != first.TopicID {
				t.Fatalf("rest: kind %s topic %s", rest.Kind, rest.TopicID)
			}
			if slices.ContainsFunc(bodyWords(rest), func(w string) bool { return slices.Contains(bodyWords(first), w) && len(w) > 12 }) {
				t.Errorf("the rest repeats the first part:\n%s\n---\n%s", first.Text(), rest.Text())
			}
			if _, ok := button(rest, bot.MoreLabel); ok {
				t.Errorf("the last part offers more: %+v", rest.Buttons)
			}
			next := send(msg("tell me more"))
			if next.Kind != bot.KindAnswer || next.TopicID == first.TopicID {
				t.Errorf("after the rest, tell me more: kind %s topic %s, want a related topic", next.Kind, next.TopicID)
			}
		})
	}
}

// TestPartsShareOneRating: 👍 on the first part and 👍 on the rest count
// one rating of the answer.
func TestPartsShareOneRating(t *testing.T) {
	eng := newEngine(t, bot.Options{Limiter: bot.Unlimited{}})
	ctx := context.Background()
	send := func(m bot.Message) bot.Reply {
		m.Platform, m.ChatID, m.UserID, m.Addressed = "test", "rating", "u", true
		return eng.Handle(ctx, m)
	}
	first := send(msg("what helps back spasms"))
	up1, _ := button(first, "👍 Helpful")
	more, _ := button(first, bot.MoreLabel)
	rest := send(bot.Message{Payload: more.Payload})
	up2, ok := button(rest, "👍 Helpful")
	if !ok || up1.Payload != up2.Payload {
		t.Fatalf("the parts' 👍 differ: %q and %q", up1.Payload, up2.Payload)
	}
	if r := send(bot.Message{Payload: up2.Payload}); r.Feedback == nil || r.Feedback.Repeat || r.Feedback.Topic != "relief-overview" {
		t.Fatalf("first press: %+v", r.Feedback)
	}
	if r := send(bot.Message{Payload: up1.Payload}); r.Feedback == nil || !r.Feedback.Repeat {
		t.Errorf("second press on the other part counted again: %+v", r.Feedback)
	}
}

// TestMorePayloads: a "Tell me more" button from an older knowledge base
// (a part that is no more) shows the topic afresh; a forged one gets help.
func TestMorePayloads(t *testing.T) {
	eng := newEngine(t, bot.Options{Limiter: bot.Unlimited{}})
	tests := []struct {
		payload string
		kind    bot.Kind
		topic   string
	}{
		{"more:relief-overview:1:abcdefgh", bot.KindMore, "relief-overview"},
		{"more:footwear:1:abcdefgh", bot.KindAnswer, "footwear"},
		{"more:no-such-topic:1:abcdefgh", bot.KindInfo, ""},
		{"more:relief-overview:1:<script>", bot.KindInfo, ""},
		{"more:relief-overview:99:abc", bot.KindInfo, ""},
	}
	for i, tt := range tests {
		r := eng.Handle(context.Background(), bot.Message{Platform: "test", ChatID: fmt.Sprint("payload-", i), UserID: "u", Addressed: true, Payload: tt.payload})
		if r.Kind != tt.kind || r.TopicID != tt.topic {
			t.Errorf("%q: kind %s topic %q, want %s %q", tt.payload, r.Kind, r.TopicID, tt.kind, tt.topic)
		}
	}
}

// TestSafetyRepliesAreWhole: danger-sign, crisis, abuse and loss replies
// carry every paragraph of their answers, however long, and no "Tell me
// more".
func TestSafetyRepliesAreWhole(t *testing.T) {
	eng := newEngine(t, bot.Options{Limiter: bot.Unlimited{}})
	kb := eng.Knowledge()
	tests := []struct {
		text string
		kind bot.Kind
	}{
		{"I'm bleeding and my back hurts", bot.KindUrgent},
		{"I don't want to be alive anymore", bot.KindCrisis},
		{"my boyfriend threatens me and controls my money", bot.KindAbuse},
		{"I had a miscarriage last week and my back still aches", bot.KindLoss},
	}
	for i, tt := range tests {
		m := msg(tt.text)
		m.ChatID = fmt.Sprint("safety-", i)
		r := eng.Handle(context.Background(), m)
		if r.Kind != tt.kind || len(r.Safety) == 0 {
			t.Errorf("%q: kind %s safety %v, want %s", tt.text, r.Kind, r.Safety, tt.kind)
			continue
		}
		if _, ok := button(r, bot.MoreLabel); ok {
			t.Errorf("%q: a safety reply offers more", tt.text)
		}
		for _, id := range r.Safety {
			answer := ""
			if f, ok := kb.RedFlag(id); ok {
				answer = f.Answer
			} else if x, ok := kb.SafetyRule(id); ok {
				answer = x.Answer
			}
			for _, b := range bot.ParseBlocks(kb.Localize(answer, "")) {
				if !slices.ContainsFunc(r.Blocks, func(rb bot.Block) bool { return rb.Text == b.Text && slices.Equal(rb.Items, b.Items) }) {
					t.Errorf("%q: %s's answer is cut: %+v missing", tt.text, id, b)
				}
			}
		}
	}
}
