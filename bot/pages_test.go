package bot

import (
	"fmt"
	"strings"
	"testing"
)

func TestPaginate(t *testing.T) {
	source := Block{Kind: Notice, Text: "Source: An article (a publisher)"}
	para := func(s string) Block { return Block{Kind: Paragraph, Text: s} }
	list := func(items ...string) Block { return Block{Kind: Bullets, Items: items} }
	sentence := func(n int) string { return "Word" + strings.Repeat(" word", n/5)[:n-5] + "." }
	items := func(n, size int) []string {
		var out []string
		for i := 0; i < n; i++ {
			out = append(out, fmt.Sprintf("item %d %s", i, sentence(size)))
		}
		return out
	}
	tests := []struct {
		name   string
		blocks []Block
		want   string // parts, separated by " | ", each as its blocks' kinds and sizes
	}{
		{"short answer is one part", []Block{para(sentence(200)), list("a", "b")},
			"P1 L2"},
		{"cut between paragraphs", []Block{para(sentence(300)), para(sentence(200)), para(sentence(300))},
			"P1 P1 | P1"},
		{"cut between list items, the intro stays with its list", []Block{para("Things that help:"), list(items(12, 60)...)},
			"P1 L7 | L5"},
		{"a paragraph that introduces a list is never left alone", []Block{para(sentence(450)), para("These:"), list(items(3, 150)...)},
			"P1 | P1 L3"},
		{"cut between sentences only in a paragraph too long for a screen", []Block{para(strings.TrimSpace(strings.Repeat(sentence(100)+" ", 9)))},
			"P5 | P4"},
		{"a sentence too long for a screen stays whole", []Block{para(sentence(900)), para(sentence(100))},
			"P1 | P1"},
		{"a line or two over is shown whole", []Block{para(sentence(500)), para(sentence(40))},
			"P1 P1"},
		{"no crumb of a rest: the cut comes earlier", []Block{para("Things that help:"), list(items(7, 72)...), para(sentence(40))},
			"P1 L6 | L1 P1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts := paginate("A title", tt.blocks, source)
			var got []string
			var all []Block
			for i, p := range parts {
				var kinds []string
				for _, b := range p {
					if b.Kind == Bullets {
						kinds = append(kinds, fmt.Sprint("L", len(b.Items)))
					} else {
						kinds = append(kinds, fmt.Sprint("P", len(sentences(b.Text))))
					}
				}
				got = append(got, strings.Join(kinds, " "))
				if n := screenLen(i, "A title", p, source); len(parts) > 1 && n > FirstScreen && !strings.Contains(tt.name, "too long") {
					t.Errorf("part %d is %d characters on screen", i, n)
				}
				all = append(all, p...)
			}
			if g := strings.Join(got, " | "); g != tt.want {
				t.Errorf("parts %q, want %q", g, tt.want)
			}
			if textOf(all) != textOf(tt.blocks) {
				t.Errorf("the parts do not add up to the answer:\n%s\nwant\n%s", textOf(all), textOf(tt.blocks))
			}
		})
	}
}

// textOf is the words of blocks, so that a paragraph split across parts
// compares equal to the whole.
func textOf(blocks []Block) string {
	var words []string
	for _, b := range blocks {
		words = append(words, strings.Fields(b.Text+" "+strings.Join(b.Items, " "))...)
	}
	return strings.Join(words, " ")
}

func TestSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"One. Two! Three? 4 more.", []string{"One.", "Two!", "Three?", "4 more."}},
		{"About 30% of women, e.g. most. Not all.", []string{"About 30% of women, e.g. most.", "Not all."}},
		{"No end", []string{"No end"}},
		{"Ends with a stop.", []string{"Ends with a stop."}},
	}
	for _, tt := range tests {
		if got := sentences(tt.text); fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("sentences(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestParseMore(t *testing.T) {
	tests := []struct {
		payload string
		topic   string
		part    int
		ok      bool
	}{
		{morePayload("relief-overview", 1, "AbC-_123"), "relief-overview", 1, true},
		{"more:tens:2:", "tens", 2, true},
		{"more:tens:0:abc", "", 0, false},
		{"more:tens:x:abc", "", 0, false},
		{"more:../etc:1:abc", "", 0, false},
		{"more:tens:1:a:b", "", 0, false},
		{"more:tens:1:a b", "", 0, false},
		{"topic:tens", "", 0, false},
	}
	for _, tt := range tests {
		topic, part, _, ok := parseMore(tt.payload)
		if topic != tt.topic || part != tt.part || ok != tt.ok {
			t.Errorf("parseMore(%q) = %q %d %v", tt.payload, topic, part, ok)
		}
		if len(tt.payload) > 64 {
			t.Errorf("%q is longer than Telegram's 64 bytes", tt.payload)
		}
	}
}
