package lexicon

// Build builds a fresh lexicon, for the build benchmark.
func Build() *Lexicon { return build(words) }
