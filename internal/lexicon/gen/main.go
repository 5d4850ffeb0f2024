// Command gen writes words.txt, Backcare's English word list, from SCOWL
// (Spell Checker Oriented Word Lists) as Debian's scowl package installs
// it in /usr/share/dict/scowl. Run it with `go generate` in the lexicon
// package after `apt-get install scowl`.
//
// Each line of words.txt is a word (ASCII, lower case, accents removed)
// and a letter for the smallest SCOWL size that lists it: a for 10 (the
// most common words) to h for 70. Sizes above 70 are rare and archaic
// words, which are more often someone's typo than what they meant.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

var sizes = []int{10, 20, 35, 40, 50, 55, 60, 70}

// lists are the SCOWL lists read: British and American spellings, their
// common variants, and capitalised words (days, months, languages).
var lists = []string{
	"english-words", "british-words", "american-words", "variant_1-words", "british_variant_1-words",
	"english-upper", "british-upper", "american-upper",
}

func main() {
	dir := flag.String("scowl", "/usr/share/dict/scowl", "folder of SCOWL's final lists")
	out := flag.String("o", "words.txt", "output file")
	flag.Parse()

	fold := transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	tier := map[string]byte{}
	for i, size := range sizes {
		for _, list := range lists {
			f, err := os.Open(filepath.Join(*dir, fmt.Sprintf("%s.%d", list, size)))
			if os.IsNotExist(err) {
				continue
			}
			if err != nil {
				log.Fatal(err)
			}
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				w, _, err := transform.String(fold, strings.TrimSpace(sc.Text()))
				if err != nil || w == "" || !isASCIILetters(w) {
					continue // possessives ("aback's"), hyphens, digits
				}
				w = strings.ToLower(w)
				if _, ok := tier[w]; !ok {
					tier[w] = byte('a' + i)
				}
			}
			if err := sc.Err(); err != nil {
				log.Fatal(err)
			}
			f.Close()
		}
	}
	if len(tier) == 0 {
		log.Fatalf("no SCOWL lists in %s: apt-get install scowl", *dir)
	}
	words := make([]string, 0, len(tier))
	for w := range tier {
		words = append(words, w)
	}
	sort.Strings(words)
	var b strings.Builder
	for _, w := range words {
		b.WriteString(w)
		b.WriteByte(' ')
		b.WriteByte(tier[w])
		b.WriteByte('\n')
	}
	if err := os.WriteFile(*out, []byte(b.String()), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: %d words\n", *out, len(words))
}

func isASCIILetters(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}
