// Package chunk splits reply text to fit a platform's message limit,
// counting characters the way the platforms do (UTF-16 code units), and
// preferring to cut between blocks, then lines, then words.
package chunk

import (
	"strings"
	"unicode/utf16"
)

// Len returns the length of s in UTF-16 code units.
func Len(s string) int {
	n := 0
	for _, r := range s {
		if w := utf16.RuneLen(r); w > 0 {
			n += w
		} else {
			n++
		}
	}
	return n
}

// Split cuts text into pieces of at most limit units, cutting at a line
// break or a space where it can.
func Split(text string, limit int) []string {
	if Len(text) <= limit {
		return []string{text}
	}
	var out []string
	for Len(text) > limit {
		cut, n := 0, 0
		lastNL, lastSpace := -1, -1
		for i, r := range text {
			w := utf16.RuneLen(r)
			if w < 0 {
				w = 1
			}
			if n+w > limit {
				break
			}
			n += w
			cut = i + len(string(r))
			switch r {
			case '\n':
				lastNL = i
			case ' ':
				lastSpace = i
			}
		}
		switch {
		case lastNL > 0:
			cut = lastNL
		case lastSpace > 0:
			cut = lastSpace
		}
		if cut == 0 { // a limit smaller than one character
			break
		}
		out = append(out, strings.TrimSpace(text[:cut]))
		text = strings.TrimSpace(text[cut:])
	}
	if text != "" {
		out = append(out, text)
	}
	return out
}

// Piece is formatted text and the length it counts for.
type Piece struct {
	Text string
	Len  int
}

// Pack joins pieces with sep into as few messages as fit in limit units.
func Pack(pieces []Piece, sep string, limit int) []string {
	var out []string
	var cur strings.Builder
	n, seplen := 0, Len(sep)
	for _, p := range pieces {
		if n > 0 && n+seplen+p.Len > limit {
			out = append(out, cur.String())
			cur.Reset()
			n = 0
		}
		if n > 0 {
			cur.WriteString(sep)
			n += seplen
		}
		cur.WriteString(p.Text)
		n += p.Len
	}
	if n > 0 || len(out) == 0 {
		out = append(out, cur.String())
	}
	return out
}
