package bot

import (
	"strings"
	"unicode"
)

// maxSuggestInput bounds the text Suggest reads: suggestions are for
// what is being typed, not for whole messages.
const maxSuggestInput = 200

// minSubstring is the least text Suggest looks for inside titles;
// shorter text matches the starts of title words only.
const minSubstring = 3

// Suggest returns up to limit titles of topics that fit what a member has
// typed so far, best first: the topics the classifier ranks for text,
// then those with a title word that starts with the last word typed (or
// that contain the text). For empty text it returns the first topics of
// the knowledge base; for text that raises a safety concern (a danger
// sign), none, so that the member's own words are sent and answered. Titles come from the knowledge base only, never
// from what anyone wrote, and Suggest keeps no state: it is meant for
// autocompletion, on every keystroke.
func (e *Engine) Suggest(text string, limit int) []string {
	br := e.brain.Load()
	text = strings.TrimSpace(clip(text, maxSuggestInput))
	var out []string
	seen := map[string]bool{}
	add := func(id string) {
		if len(out) >= limit || seen[id] {
			return
		}
		if t, ok := br.kb.Topic(id); ok {
			seen[id] = true
			out = append(out, t.Title)
		}
	}
	if text == "" {
		for _, t := range br.kb.Topics {
			add(t.ID)
		}
		return out
	}
	c := br.cls.Classify(text, "")
	if len(c.Safety) > 0 {
		// A danger sign or a safety concern: a title picked instead of
		// these words would lose it. The member sends what they wrote.
		return nil
	}
	for _, c := range c.Candidates {
		if c.Confidence > 0 {
			add(c.TopicID)
		}
	}
	lower := strings.ToLower(text)
	words := strings.FieldsFunc(lower, notWordRune)
	last := ""
	if len(words) > 0 {
		last = words[len(words)-1]
	}
	for _, t := range br.kb.Topics {
		title := strings.ToLower(t.Title)
		if len(lower) >= minSubstring && strings.Contains(title, lower) {
			add(t.ID)
			continue
		}
		for _, w := range strings.FieldsFunc(title, notWordRune) {
			if last != "" && strings.HasPrefix(w, last) {
				add(t.ID)
				break
			}
		}
	}
	return out
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
