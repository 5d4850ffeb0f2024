package knowledge

import (
	"sort"
	"strings"
)

// Error is one problem in a knowledge-base file, at a position.
type Error struct {
	Pos Pos
	Msg string
}

// Error formats e as "file:line:column: message".
func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// ErrorList is every problem found in a knowledge base, sorted by position.
// Load returns one when the knowledge base is invalid.
type ErrorList []*Error

// Error lists the problems one per line.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

func (l ErrorList) sort() {
	sort.SliceStable(l, func(i, j int) bool { return posLess(l[i].Pos, l[j].Pos) })
}
