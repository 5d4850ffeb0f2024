package bot

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"net/url"
	"slices"
	"strings"
)

// Feedback on answers: every topic answer carries 👍 and 👎 buttons whose
// payload names the topic and a nonce for that one answer,
// "fb:<vote>:<topic>:<nonce>" (at most 8+40+1+8 bytes, within Telegram's
// 64). A press is answered with a KindFeedback reply carrying
// Reply.Feedback; the chat's context remembers the nonces rated, so a
// second press on the same answer is acknowledged and marked Repeat.
// After 👎, the next message of the member who pressed it is answered as
// usual and marked as a comment on that answer.

// payloadFeedback starts every feedback payload.
const payloadFeedback = "fb:"

// FeedbackDonePayload is the payload of the note that replaces the
// feedback buttons once one was pressed (FeedbackThanks). Platforms
// without disabled buttons send it when the note is pressed; the engine
// answers it with silence.
const FeedbackDonePayload = payloadFeedback + "done"

// FeedbackThanks labels the note that replaces the feedback buttons once
// one was pressed.
const FeedbackThanks = "✓ Thanks for telling me"

// RowFeedback is the Row of the 👍 and 👎 buttons.
const RowFeedback = "feedback"

// maxRated bounds ChatContext.Rated.
const maxRated = 32

// IsFeedbackPayload reports whether a button payload belongs to the
// feedback buttons: a vote, or the note left after one. Adapters answer
// such presses in place (see KindFeedback).
func IsFeedbackPayload(p string) bool { return strings.HasPrefix(p, payloadFeedback) }

// IsVotePayload reports whether a button payload is a 👍 or 👎 button,
// which adapters drop from a message once it was pressed.
func IsVotePayload(p string) bool {
	_, _, _, ok := parseFeedback(p)
	return ok
}

// feedbackButtons returns the 👍 and 👎 buttons for one answer on topic;
// n identifies the answer (every part of an answer shown in parts has the
// same n, so that the answer counts one rating).
func feedbackButtons(topic, n string) []Button {
	return []Button{
		{Label: "👍 Helpful", Payload: payloadFeedback + string(VoteUp) + ":" + topic + ":" + n, Row: RowFeedback},
		{Label: "👎 Not helpful", Payload: payloadFeedback + string(VoteDown) + ":" + topic + ":" + n, Row: RowFeedback},
	}
}

// nonce returns 8 random URL-safe characters that identify one answer.
func nonce() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// parseFeedback reads "fb:<vote>:<topic>:<nonce>". A payload may be
// forged, so every part is checked: a known vote, an id-shaped topic and
// a short nonce.
func parseFeedback(p string) (vote Vote, topic, nonce string, ok bool) {
	rest, ok := strings.CutPrefix(p, payloadFeedback)
	if !ok {
		return "", "", "", false
	}
	parts := strings.Split(rest, ":")
	if len(parts) != 3 {
		return "", "", "", false
	}
	vote, topic, nonce = Vote(parts[0]), parts[1], parts[2]
	if vote != VoteUp && vote != VoteDown || !idLike(topic, 40) || !nonceLike(nonce) {
		return "", "", "", false
	}
	return vote, topic, nonce, true
}

func idLike(s string, n int) bool {
	if s == "" || len(s) > n {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

func nonceLike(s string) bool {
	if s == "" || len(s) > 16 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// feedback answers a press of a feedback button.
func (e *Engine) feedback(ctx context.Context, br *brain, key string, cc *ChatContext, m Message) Reply {
	vote, topic, n, ok := parseFeedback(m.Payload)
	if !ok {
		return Reply{Kind: KindNone} // the note left after a press, or a forged payload
	}
	r := Reply{Kind: KindFeedback, Feedback: &Feedback{Topic: topic, Vote: vote, Repeat: slices.Contains(cc.Rated, n)}}
	if r.Feedback.Repeat {
		r.Blocks = []Block{{Kind: Paragraph, Text: "You've already rated this answer. Thank you!"}}
		return r
	}
	r.Blocks = []Block{{Kind: Paragraph, Text: "Thanks for telling me."}}
	if vote == VoteDown {
		r.Blocks = append(r.Blocks, Block{Kind: Paragraph,
			Text: "What were you looking for? Tell me in your own words in your next message, and I'll try again."})
		e.offerContact(&r, true)
		cc.CommentTopic, cc.CommentFrom = topic, m.UserID
	}
	cc.Rated = append(cc.Rated, n)
	if len(cc.Rated) > maxRated {
		cc.Rated = cc.Rated[len(cc.Rated)-maxRated:]
	}
	_ = e.contexts.Save(ctx, key, *cc)
	return r
}

// takeComment ends the wait for a comment after 👎 when the member who
// pressed it writes again, and returns the feedback to mark that message
// with: a comment on the answer rated, if the message is one (text, or
// /ask with a question), nil otherwise. Other members' messages, edits
// and further feedback presses leave the wait alone.
func (e *Engine) takeComment(ctx context.Context, key string, cc *ChatContext, m Message) *Feedback {
	if cc.CommentTopic == "" || cc.CommentFrom != m.UserID || m.Edited || IsFeedbackPayload(m.Payload) {
		return nil
	}
	topic := cc.CommentTopic
	cc.CommentTopic, cc.CommentFrom = "", ""
	_ = e.contexts.Save(ctx, key, *cc)
	text := m.Text
	switch {
	case m.Payload != "" || m.NonText || m.Command != "" && m.Command != CmdAsk:
		return nil // a button or a command: the member moved on
	case m.Command == CmdAsk:
		text = m.Arg
	}
	if strings.TrimSpace(text) == "" {
		return nil
	}
	return &Feedback{Topic: topic, Comment: true}
}

// decorate adds to a reply what every reply of its kind carries: the
// feedback buttons under a topic answer and each later part of it, the help contact with the
// fallback and in /help, and the comment mark on the message written
// after 👎 (unless it raised a safety concern: what a member writes
// then is not recorded as a comment).
func (e *Engine) decorate(m Message, r *Reply, comment *Feedback) {
	switch {
	case r.Kind == KindAnswer || r.Kind == KindMore:
		n := r.rating
		if n == "" {
			n = nonce()
		}
		r.Buttons = append(r.Buttons, feedbackButtons(r.TopicID, n)...)
	case r.Kind == KindFallback:
		e.offerContact(r, false)
	case r.Kind == KindInfo && m.Command == CmdHelp:
		e.offerContact(r, true)
	}
	if comment != nil && r.Kind != KindNone && len(r.Safety) == 0 {
		r.Feedback = comment
	}
}

// offerContact adds the help contact to r, if one is set: a "Talk to a
// person" link button where it is a URL or a Telegram username, and a
// line of text when withText is set or there is no link.
func (e *Engine) offerContact(r *Reply, withText bool) {
	if e.contact == "" {
		return
	}
	link := ContactLink(e.contact)
	if withText || link == "" {
		r.Blocks = append(r.Blocks, Block{Kind: Paragraph, Text: "To talk to a person: " + e.contact})
	}
	if link != "" {
		r.Buttons = append(r.Buttons, Button{Label: "Talk to a person", URL: link})
	}
}

// ContactLink returns the address a help contact opens: the contact
// itself when it is an http or https URL, https://t.me/<name> for a
// Telegram username ("@GroupMods"), and "" for anything else (a text
// such as "message the moderators").
func ContactLink(c string) string {
	c = strings.TrimSpace(c)
	if name, ok := strings.CutPrefix(c, "@"); ok && isUsername(name) {
		return "https://t.me/" + name
	}
	u, err := url.Parse(c)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || strings.ContainsAny(c, " \t\n") {
		return ""
	}
	return u.String()
}

// isUsername reports whether s is a Telegram username: 5 to 32 letters,
// digits and underscores.
func isUsername(s string) bool {
	if len(s) < 5 || len(s) > 32 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}
