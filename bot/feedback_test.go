package bot_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/backcare/backcare/bot"
)

// votes returns the reply's 👍 and 👎 buttons.
func votes(r bot.Reply) []bot.Button {
	var out []bot.Button
	for _, b := range r.Buttons {
		if bot.IsVotePayload(b.Payload) {
			out = append(out, b)
		}
	}
	return out
}

func TestFeedbackButtonsOnTopicAnswersOnly(t *testing.T) {
	eng := newEngine(t, bot.Options{})
	ctx := context.Background()
	tests := []struct {
		name string
		m    bot.Message
		kind bot.Kind
		want bool
	}{
		{"topic answer", msg("can i use a heating pad on my back"), bot.KindAnswer, true},
		{"category", bot.Message{Command: bot.CmdTips}, bot.KindAnswer, true},
		{"related-topic button", bot.Message{Payload: bot.TopicPayload("tens")}, bot.KindAnswer, true},
		{"urgent", msg("my waters broke and my back hurts"), bot.KindUrgent, false},
		{"crisis", msg("wish i could just go to sleep and not wake up ngl 36 wks"), bot.KindCrisis, false},
		{"abuse", msg("he punched the wall right next to my head last night. he didnt touch me. im 24 weeks and i cant stop shaking"), bot.KindAbuse, false},
		{"loss", msg("miscarried at home last week at 8wks. still getting lower backache. does that go away"), bot.KindLoss, false},
		{"small talk", msg("thank you so much"), bot.KindSmallTalk, false},
		{"fallback", msg("best pizza in town"), bot.KindFallback, false},
		{"help", bot.Message{Command: bot.CmdHelp}, bot.KindInfo, false},
	}
	for i, tt := range tests {
		m := tt.m
		m.Platform, m.ChatID, m.UserID, m.Addressed = "test", "fb-kinds-"+string(rune('a'+i)), "u", true
		r := eng.Handle(ctx, m)
		if r.Kind != tt.kind {
			t.Errorf("%s: kind %s, want %s", tt.name, r.Kind, tt.kind)
			continue
		}
		vs := votes(r)
		if !tt.want {
			if len(vs) != 0 {
				t.Errorf("%s: feedback buttons on a %s reply: %+v", tt.name, r.Kind, vs)
			}
			continue
		}
		if len(vs) != 2 || vs[0].Row != bot.RowFeedback || vs[1].Row != bot.RowFeedback ||
			!strings.HasPrefix(vs[0].Label, "👍") || !strings.HasPrefix(vs[1].Label, "👎") {
			t.Fatalf("%s: feedback buttons %+v", tt.name, vs)
		}
		if last := r.Buttons[len(r.Buttons)-2:]; !slices.Equal(last, vs) {
			t.Errorf("%s: the feedback buttons must come last, under the related topics: %+v", tt.name, r.Buttons)
		}
		for _, b := range vs {
			if len(b.Payload) > 64 || !strings.Contains(b.Payload, r.TopicID) {
				t.Errorf("%s: payload %q (%d bytes) does not name the topic within 64 bytes", tt.name, b.Payload, len(b.Payload))
			}
		}
	}
	a := eng.Handle(ctx, msg("what helps back spasms"))
	b := eng.Handle(ctx, msg("what helps back spasms"))
	if votes(a)[0].Payload == votes(b)[0].Payload {
		t.Error("two answers share a feedback payload: their ratings could not be told apart")
	}
}

func TestFeedbackPresses(t *testing.T) {
	eng := newEngine(t, bot.Options{})
	ctx := context.Background()
	chat := func(user, payload string) bot.Reply {
		return eng.Handle(ctx, bot.Message{Platform: "test", ChatID: "fb-press", UserID: user, Addressed: true, Payload: payload})
	}
	answer := eng.Handle(ctx, bot.Message{Platform: "test", ChatID: "fb-press", UserID: "u", Addressed: true, Text: "is tens safe"})
	up, down := votes(answer)[0].Payload, votes(answer)[1].Payload
	other := votes(eng.Handle(ctx, bot.Message{Platform: "test", ChatID: "fb-press", UserID: "u", Addressed: true, Text: "can i wear heels"}))[0].Payload

	tests := []struct {
		name    string
		user    string
		payload string
		want    *bot.Feedback
		kind    bot.Kind
	}{
		{"first press", "u", up, &bot.Feedback{Topic: answer.TopicID, Vote: bot.VoteUp}, bot.KindFeedback},
		{"same button again", "u", up, &bot.Feedback{Topic: answer.TopicID, Vote: bot.VoteUp, Repeat: true}, bot.KindFeedback},
		{"the other button of the same answer", "u", down, &bot.Feedback{Topic: answer.TopicID, Vote: bot.VoteDown, Repeat: true}, bot.KindFeedback},
		{"another member, same answer", "u2", up, &bot.Feedback{Topic: answer.TopicID, Vote: bot.VoteUp, Repeat: true}, bot.KindFeedback},
		{"another answer", "u", other, &bot.Feedback{Topic: "footwear", Vote: bot.VoteUp}, bot.KindFeedback},
		{"the note left after a press", "u", bot.FeedbackDonePayload, nil, bot.KindNone},
		{"forged: unknown vote", "u", "fb:maybe:tens:abcdefgh", nil, bot.KindNone},
		{"forged: odd topic", "u", "fb:up:<script>:abcdefgh", nil, bot.KindNone},
		{"forged: no nonce", "u", "fb:up:tens", nil, bot.KindNone},
	}
	for _, tt := range tests {
		r := chat(tt.user, tt.payload)
		if r.Kind != tt.kind {
			t.Errorf("%s: kind %s, want %s", tt.name, r.Kind, tt.kind)
		}
		switch {
		case tt.want == nil && r.Feedback != nil:
			t.Errorf("%s: feedback %+v, want none", tt.name, r.Feedback)
		case tt.want != nil && (r.Feedback == nil || *r.Feedback != *tt.want):
			t.Errorf("%s: feedback %+v, want %+v", tt.name, r.Feedback, tt.want)
		}
		if tt.kind == bot.KindFeedback && (len(r.Blocks) == 0 || len(r.Blocks[0].Text) > 200) {
			t.Errorf("%s: the acknowledgement must be one short block: %+v", tt.name, r.Blocks)
		}
	}
}

func TestCommentAfterThumbsDown(t *testing.T) {
	eng := newEngine(t, bot.Options{})
	ctx := context.Background()
	say := func(user string, m bot.Message) bot.Reply {
		m.Platform, m.ChatID, m.UserID, m.Addressed, m.Group = "test", "fb-comment", user, true, true
		return eng.Handle(ctx, m)
	}
	answer := say("u", bot.Message{Text: "is tens safe"})
	r := say("u", bot.Message{Payload: votes(answer)[1].Payload})
	if r.Kind != bot.KindFeedback || r.Feedback.Vote != bot.VoteDown || !strings.Contains(r.Text(), "What were you looking for?") {
		t.Fatalf("👎: %s %+v\n%s", r.Kind, r.Feedback, r.Text())
	}
	if r := say("u2", bot.Message{Text: "can i wear heels"}); r.Feedback != nil {
		t.Errorf("another member's message marked as the comment: %+v", r.Feedback)
	}
	r = say("u", bot.Message{Command: bot.CmdAsk, Arg: "i wanted to know about tens in labour"})
	if r.Kind == bot.KindNone || r.Kind == bot.KindFeedback || r.Feedback == nil || !r.Feedback.Comment || r.Feedback.Topic != answer.TopicID {
		t.Errorf("the comment: kind %s feedback %+v; want an ordinary reply marked as a comment on %s", r.Kind, r.Feedback, answer.TopicID)
	}
	if r := say("u", bot.Message{Text: "what helps back spasms"}); r.Feedback != nil {
		t.Errorf("only the next message is the comment: %+v", r.Feedback)
	}

	// Moving on with a button ends the wait without a comment; so does a
	// message raising a safety concern, which is not recorded.
	for _, next := range []bot.Message{{Payload: bot.TopicPayload("rest")}, {Text: "I'm bleeding"}} {
		answer := say("u", bot.Message{Text: "is tens safe"})
		say("u", bot.Message{Payload: votes(answer)[1].Payload})
		if r := say("u", next); r.Feedback != nil {
			t.Errorf("%+v marked as a comment: %+v", next, r.Feedback)
		}
		if r := say("u", bot.Message{Text: "can i wear heels"}); r.Feedback != nil {
			t.Errorf("after %+v the wait should be over: %+v", next, r.Feedback)
		}
	}
}

func TestHelpContact(t *testing.T) {
	ctx := context.Background()
	link := func(r bot.Reply) string {
		for _, b := range r.Buttons {
			if b.Label == "Talk to a person" {
				return b.URL
			}
		}
		return ""
	}
	tests := []struct {
		contact  string
		link     string // of the "Talk to a person" button; "" for none
		fallback string // text the fallback shows
	}{
		{"", "", ""},
		{"@GroupMods", "https://t.me/GroupMods", ""},
		{"https://example.org/talk-to-us", "https://example.org/talk-to-us", ""},
		{"message the moderators in the Help topic", "", "To talk to a person: message the moderators in the Help topic"},
	}
	for _, tt := range tests {
		eng := newEngine(t, bot.Options{HelpContact: tt.contact})
		m := func(chat string, x bot.Message) bot.Message {
			x.Platform, x.ChatID, x.UserID, x.Addressed = "test", chat, "u", true
			return x
		}
		help := eng.Handle(ctx, m("help", bot.Message{Command: bot.CmdHelp}))
		fallback := eng.Handle(ctx, m("fallback", bot.Message{Text: "best pizza in town"}))
		answer := eng.Handle(ctx, m("down", bot.Message{Text: "is tens safe"}))
		down := eng.Handle(ctx, m("down", bot.Message{Payload: votes(answer)[1].Payload}))
		up := eng.Handle(ctx, m("up", bot.Message{Payload: votes(eng.Handle(ctx, m("up", bot.Message{Text: "is tens safe"})))[0].Payload}))
		start := eng.Handle(ctx, m("start", bot.Message{Command: bot.CmdStart}))

		if tt.contact == "" {
			for _, r := range []bot.Reply{help, fallback, down} {
				if strings.Contains(r.PlainText(), "person") {
					t.Errorf("no contact set, yet: %s", r.PlainText())
				}
			}
			continue
		}
		for name, r := range map[string]bot.Reply{"/help": help, "after 👎": down} {
			if !strings.Contains(r.Text(), tt.contact) || link(r) != tt.link {
				t.Errorf("%s with %q: link %q, text:\n%s", name, tt.contact, link(r), r.Text())
			}
		}
		if link(fallback) != tt.link || tt.fallback != "" && !strings.Contains(fallback.Text(), tt.fallback) {
			t.Errorf("fallback with %q: link %q, text:\n%s", tt.contact, link(fallback), fallback.Text())
		}
		for name, r := range map[string]bot.Reply{"answer": answer, "after 👍": up, "/start": start} {
			if strings.Contains(r.PlainText(), "person") {
				t.Errorf("%s shows the contact: %s", name, r.PlainText())
			}
		}
	}
}

func TestContactLink(t *testing.T) {
	tests := map[string]string{
		"@GroupMods":                   "https://t.me/GroupMods",
		"@ab":                          "",
		"https://example.org/help":     "https://example.org/help",
		"http://example.org":           "http://example.org",
		"javascript:alert(1)":          "",
		"message @GroupMods":           "",
		"ftp://example.org/x":          "",
		"https://exa mple.org/x":       "",
		"  @Group_Mods_2  ":            "https://t.me/Group_Mods_2",
		"https://t.me/GroupMods?x=1#y": "https://t.me/GroupMods?x=1#y",
	}
	for in, want := range tests {
		if got := bot.ContactLink(in); got != want {
			t.Errorf("ContactLink(%q) = %q, want %q", in, got, want)
		}
	}
}
