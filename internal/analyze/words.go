package analyze

// contractions expands whole words, mostly contractions typed without an
// apostrophe, and a little chat slang.
var contractions = map[string][]string{
	"dont": {"do", "not"}, "doesnt": {"does", "not"}, "didnt": {"did", "not"},
	"cant": {"can", "not"}, "cannot": {"can", "not"}, "couldnt": {"could", "not"},
	"wont": {"will", "not"}, "wouldnt": {"would", "not"}, "shouldnt": {"should", "not"},
	"isnt": {"is", "not"}, "arent": {"are", "not"}, "wasnt": {"was", "not"},
	"werent": {"were", "not"}, "havent": {"have", "not"}, "hasnt": {"has", "not"},
	"hadnt": {"had", "not"}, "aint": {"is", "not"}, "im": {"i", "am"},
	"ive": {"i", "have"}, "youre": {"you", "are"}, "thats": {"that"},
	"whats": {"what"}, "hows": {"how"}, "theres": {"there"},
	"gonna": {"going", "to"}, "wanna": {"want", "to"}, "gotta": {"got", "to"},
	"u": {"you"}, "ur": {"your"}, "r": {"are"}, "y": {"why"}, "wat": {"what"},
	"wut": {"what"}, "pls": {"please"}, "plz": {"please"}, "bc": {"because"},
	"cuz": {"because"}, "coz": {"because"}, "cos": {"because"}, "tho": {"though"},
	"rn": {"now"}, "n": {"and"}, "&": {"and"}, "w": {"with"}, "b4": {"before"},
}

// stopWords carry no topic on their own. Intent words ("why", "when",
// "help", "stop") are deliberately not here.
var stopWords = set(
	"a", "an", "the", "i", "me", "my", "mine", "myself", "we", "us", "our", "you", "your",
	"yours", "he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their",
	"is", "am", "are", "was", "were", "be", "been", "being", "do", "does", "did", "doing",
	"have", "has", "had", "having", "of", "to", "in", "on", "at", "for", "with", "about",
	"and", "or", "so", "if", "this", "that", "these", "those", "there", "here", "what",
	"which", "who", "whom", "how", "can", "could", "should", "would", "will", "shall",
	"may", "might", "must", "get", "gets", "getting", "got", "any", "some", "just", "really",
	"very", "much", "many", "lot", "lots", "please", "thanks", "thank", "hi", "hello",
	"hey", "also", "too", "still", "from", "by", "as", "into", "up", "out", "down", "over",
	"than", "then", "now", "all", "anyone", "anybody", "someone", "something", "thing",
	"things", "stuff", "kind", "sort", "bit", "little", "quite", "pretty", "lol", "omg",
	"tbh", "haha", "ugh", "ok", "okay", "yes", "yeah", "know", "want", "wondering", "wonder",
	"tell", "say", "said", "ask", "asking", "question", "im", "week", "weeks", "month",
	"months", "day", "days", "today", "yesterday", "lately", "recently", "because",
	"though", "while", "during", "when", "like", "feel", "feels", "feeling", "keep", "keeps",
	"make", "makes", "bot", "backcare", "guys", "ladies", "mama", "mamas", "mum", "mom",
	"no", "not", "never", "without", "nor", "none", "neither", "nothing", "but", "however",
	"although", "yet", "only", "even", "one", "two", "go", "going", "anything", "else",
	"more", "other", "way", "ways", "best", "good", "safe", "bad", "so", "terrible", "awful",
	"horrible", "badly", "properly", "proper", "correctly", "correct", "right", "actually",
	"anyway", "started", "start", "starting", "since", "ever", "always", "often", "sometimes",
)

// negations are negation cues for triage.
var negations = set("no", "not", "never", "without", "nor", "none", "neither", "nothing", "zero")

// scopeEnders stop a negation cue from reaching further words: contrast
// words, and new subjects ("no fever and I'm bleeding").
var scopeEnders = set(
	"but", "however", "although", "though", "yet", "except", "just", "only", "still",
	"i", "my", "we", "she", "he", "they", "it", "there", "now", "today", "suddenly",
)

func set(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}
