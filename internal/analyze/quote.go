package analyze

import "strings"

// unquote returns text without the lines it quotes from another member,
// the lines that open with ">" (how Discord and Telegram users quote a
// post they reply to): "> has anyone had a fall in pregnancy?\nnot me
// thankfully, but my back's so bad I'm scared of the stairs now". What
// another member wrote is not the member's own news. The quote stays when
// nothing else is written, and when her own words take it up as hers or
// as the subject of her question ("same", "me too", "mine did",
// "snap"): "> my waters just went\nsame here!!" tells her own.
func unquote(text string) string {
	if !strings.Contains(text, ">") {
		return text // most messages
	}
	var own strings.Builder
	quoted := false
	for line := range strings.Lines(text) {
		if strings.HasPrefix(strings.TrimSpace(line), ">") {
			quoted = true
			continue
		}
		own.WriteString(line)
	}
	rest := own.String()
	if !quoted || strings.TrimSpace(rest) == "" || takesUp(rest) {
		return text
	}
	return rest
}

// takesUp reports whether her own words take up a quoted post as hers.
func takesUp(own string) bool {
	for w := range strings.FieldsFuncSeq(strings.ToLower(own), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r == '+' || r == '1')
	}) {
		if agreeing[w] {
			return true
		}
	}
	return false
}

// agreeing are the words that make another's post her own.
var agreeing = map[string]bool{"same": true, "too": true, "snap": true, "ditto": true, "also": true, "mine": true,
	"+1": true, "exactly": true, "aswell": true, "well": true}
