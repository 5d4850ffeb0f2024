package bot

import (
	"slices"
	"strings"
	"unicode"

	"github.com/backcare/backcare/knowledge"
)

// related returns the topics an answer to t offers as buttons: its
// related topics, the way back up to its category's overview ("What
// helps back spasms" under heat packs) and, from why it happens, the way
// on to what helps.
func related(kb *knowledge.Base, t *knowledge.Topic) []string {
	ids := slices.Clone(t.Related)
	if ts := kb.TopicsIn(t.Category); len(ts) > 0 && ts[0].ID != t.ID && !slices.Contains(ids, ts[0].ID) {
		ids = append(ids, ts[0].ID)
	}
	if ts := kb.TopicsIn(knowledge.Relief); t.Category == knowledge.Cause && len(ts) > 0 && !slices.Contains(ids, ts[0].ID) {
		ids = append(ids, ts[0].ID)
	}
	return ids
}

// offered returns the topics whose buttons the last answer showed (see
// finishAnswer); none after a loss, when none were shown.
func offered(kb *knowledge.Base, cc *ChatContext) []string {
	t, ok := kb.Topic(cc.LastTopic)
	if !ok || !cc.LossAt.IsZero() {
		return nil
	}
	return related(kb, t)
}

// titleWords returns the words of a topic's title that name its subject,
// stemmed (see stem): what a member types for its button.
func titleWords(title string) []string {
	var words []string
	for _, w := range strings.FieldsFunc(strings.ToLower(title), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if !titleFiller[w] {
			words = append(words, stem(w))
		}
	}
	return words
}

// buttonFiller are words a member adds when she types a button's words
// instead of pressing it: "the sleeping one pls".
var buttonFiller = map[string]bool{"the": true, "one": true, "pls": true, "please": true, "plz": true, "ok": true,
	"okay": true, "about": true, "what": true, "and": true, "that": true, "on": true, "more": true, "info": true,
	"some": true, "for": true, "a": true, "yes": true, "yeah": true, "then": true, "maybe": true, "lets": true,
	"let's": true, "try": true, "do": true, "go": true, "with": true}

// titleFiller are the words of a title that name no subject.
var titleFiller = map[string]bool{"and": true, "the": true, "of": true, "to": true, "a": true, "what": true,
	"when": true, "is": true, "it": true, "do": true, "they": true, "back": true, "spasms": true, "pain": true}

// typedButton returns the one topic among those the last answer offered as
// buttons whose title a short message names by its words alone:
// "sleeping" after "What helps back spasms", under whose answer the
// button "Sleeping position and mattress" stood. A message of more than
// three words, or one whose words name several offered titles or
// anything else, presses nothing.
func typedButton(br *brain, cc *ChatContext, text string) (string, bool) {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	var named []string
	for _, w := range words {
		if !buttonFiller[w] {
			named = append(named, stem(w))
		}
	}
	if len(named) == 0 || len(named) > 3 || len(words) > 6 {
		return "", false
	}
	found := ""
	for _, id := range offered(br.kb, cc) {
		if !allIn(named, br.titleWords[id]) {
			continue
		}
		if found != "" {
			return "", false // "heat" under both "Ice and heat packs" and another
		}
		found = id
	}
	return found, found != ""
}

func allIn(words, in []string) bool {
	for _, w := range words {
		if !slices.Contains(in, w) {
			return false
		}
	}
	return true
}

// stem strips the endings that part a typed word from a title's:
// "sleeping" and "sleep", "belts" and "belt", "stretches" and "stretch".
func stem(w string) string {
	for _, suffix := range []string{"ing", "es", "s"} {
		if s, ok := strings.CutSuffix(w, suffix); ok && len(s) >= 3 {
			return s
		}
	}
	return w
}
