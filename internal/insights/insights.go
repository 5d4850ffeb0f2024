// Package insights is the insights log: one JSON line per reply the bot
// sends, so that moderators can see which answers are used, which ones
// members find helpful, and which questions the knowledge base is missing.
//
// A line records when, on which platform, what kind of reply, the topic
// and its confidence, the knowledge-base version, and any feedback (a
// press of 👍 or 👎, or the comment written after 👎). It never records a
// user or chat id. It records what a member wrote only where a moderator
// needs the words: questions the bot could not answer, asked to clarify or
// answered with low confidence, and comments after 👎; and then at most
// MaxText bytes of it.
//
// Read also reads the files of the older unanswered-questions log, whose
// lines are a subset of Entry.
package insights

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/backcare/backcare/bot"
)

// MaxText bounds the text recorded for one reply, in bytes.
const MaxText = 500

// maxID bounds a topic id. Ids come from the knowledge base, or from a
// button payload a client could forge; either way a line stays small.
const maxID = 64

// maxGuesses is how many of the matcher's guesses a line keeps.
const maxGuesses = 3

// Entry is one line of the insights log: one reply.
type Entry struct {
	// Time is when the reply was sent, in UTC, to the second.
	Time time.Time `json:"time"`
	// Platform is the adapter: "telegram", "discord", "console".
	Platform string `json:"platform,omitempty"`
	// Kind is the reply kind: topic, clarification, fallback, feedback…
	Kind bot.Kind `json:"kind"`
	// Topic is the topic answered, if any.
	Topic string `json:"topic,omitempty"`
	// Confidence is the matcher's confidence in Topic, or in its best
	// guess for a clarification or fallback.
	Confidence float64 `json:"confidence,omitempty"`
	// KnowledgeVersion is the version of the knowledge base that replied.
	KnowledgeVersion string `json:"kb_version,omitempty"`
	// LowConfidence is true for a topic answer below the recorder's
	// low-confidence mark; its question is in Text.
	LowConfidence bool `json:"low_confidence,omitempty"`
	// Feedback is a member's verdict on an answer, if the message was one.
	Feedback *Feedback `json:"feedback,omitempty"`
	// Text is what the member wrote, for unanswered questions (see
	// Unanswered) and comments after 👎 only; "" otherwise.
	Text string `json:"text,omitempty"`
	// Guesses are the matcher's best topics for an unanswered question.
	Guesses []Guess `json:"guesses,omitempty"`
}

// Feedback is a feedback event: a vote, or the comment after 👎.
type Feedback struct {
	// Topic is the topic of the answer rated.
	Topic string `json:"topic"`
	// Vote is "up" or "down"; "" for a comment.
	Vote bot.Vote `json:"vote,omitempty"`
	// Comment is true for the message written after 👎; it is in
	// Entry.Text.
	Comment bool `json:"comment,omitempty"`
	// Repeat is true when the answer had been rated already; reports do
	// not count it.
	Repeat bool `json:"repeat,omitempty"`
}

// Guess is a topic the matcher considered, with its confidence.
type Guess struct {
	Topic      string  `json:"topic"`
	Confidence float64 `json:"confidence"`
}

// Unanswered reports whether the entry is a question the bot could not
// answer well: a fallback, a clarification or a low-confidence answer.
func (e Entry) Unanswered() bool {
	return e.Kind == bot.KindFallback || e.Kind == bot.KindClarify || e.Kind == bot.KindAnswer && e.LowConfidence
}

// Vote returns the entry's vote, or "" when it carries none that counts
// (no feedback, a comment, or a repeated press).
func (e Entry) Vote() bot.Vote {
	if e.Feedback == nil || e.Feedback.Repeat {
		return ""
	}
	return e.Feedback.Vote
}

// NewEntry describes the reply rep to the message m, sent at t, as a log
// line. Topic answers with a confidence below lowConfidence are recorded
// with their question. It returns false for a silent reply (bot.KindNone),
// which is not logged.
func NewEntry(m bot.Message, rep bot.Reply, t time.Time, lowConfidence float64) (Entry, bool) {
	if rep.Kind == bot.KindNone {
		return Entry{}, false
	}
	e := Entry{
		Time:             t.UTC().Truncate(time.Second),
		Platform:         clip(m.Platform, maxID),
		Kind:             bot.Kind(clip(string(rep.Kind), maxID)),
		Topic:            clip(rep.TopicID, maxID),
		Confidence:       round(rep.Confidence),
		KnowledgeVersion: clip(rep.KnowledgeVersion, maxID),
		// Button and command answers carry confidence 1, so only matched
		// questions can fall below the mark.
		LowConfidence: rep.Kind == bot.KindAnswer && rep.Confidence < lowConfidence,
	}
	if f := rep.Feedback; f != nil {
		e.Feedback = &Feedback{Topic: clip(f.Topic, maxID), Vote: bot.Vote(clip(string(f.Vote), maxID)), Comment: f.Comment, Repeat: f.Repeat}
	}
	if e.Unanswered() || e.Feedback != nil && e.Feedback.Comment {
		text := m.Text
		if m.Command == bot.CmdAsk {
			text = m.Arg
		}
		e.Text = clip(strings.TrimSpace(text), MaxText)
		if e.Unanswered() {
			for i, g := range rep.Guesses {
				if i == maxGuesses {
					break
				}
				e.Guesses = append(e.Guesses, Guess{clip(g.TopicID, maxID), round(g.Confidence)})
			}
		}
	}
	return e, true
}

// round keeps three decimals, enough to compare with the thresholds.
func round(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

// clip returns s as valid UTF-8 of at most n bytes, cut at a character
// boundary.
func clip(s string, n int) string {
	s = strings.ToValidUTF8(s, "")
	if len(s) <= n {
		return s
	}
	s = s[:n]
	for !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s
}

// Read calls fn for each entry of a log, in order, and returns how many
// lines it skipped because they are not entries (a torn last line after a
// crash, for example, or a line far longer than any entry). Blank lines
// are passed over. It stops at the first error of fn or of r.
//
// Lines of the older unanswered-questions log are read too. They were
// written for fallbacks, clarifications and low-confidence answers only,
// with their text and guesses; a topic answer among them becomes a
// low-confidence answer to its first guess.
func Read(r io.Reader, fn func(Entry) error) (skipped int, err error) {
	br := bufio.NewReaderSize(r, maxLine)
	for n := 1; ; n++ {
		line, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			// Far longer than any entry: skip to the end of the line.
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			skipped++
			line = nil
		}
		if line = bytes.TrimSpace(line); len(line) > 0 {
			var e Entry
			if json.Unmarshal(line, &e) != nil || e.Time.IsZero() || e.Kind == "" {
				skipped++
			} else {
				upgrade(&e)
				if err := fn(e); err != nil {
					return skipped, err
				}
			}
		}
		switch {
		case errors.Is(err, io.EOF):
			return skipped, nil
		case err != nil:
			return skipped, fmt.Errorf("line %d: %w", n, err)
		}
	}
}

// maxLine bounds a line Read parses; an entry is a few hundred bytes.
const maxLine = 64 << 10

// upgrade fills in what the unanswered-questions log left out. A new line
// is left as it is: it always has a topic for an answer, and a topic
// answer with text but no feedback is always a low-confidence one.
func upgrade(e *Entry) {
	if e.Kind == bot.KindAnswer && e.Text != "" && e.Feedback == nil {
		e.LowConfidence = true
	}
	if len(e.Guesses) == 0 {
		return
	}
	if e.Kind == bot.KindAnswer && e.Topic == "" {
		e.Topic = e.Guesses[0].Topic
	}
	if e.Confidence == 0 {
		e.Confidence = e.Guesses[0].Confidence
	}
}
