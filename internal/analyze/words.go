package analyze

// contractions expands whole words: contractions typed without an
// apostrophe.
var contractions = map[string][]string{
	"doesnt": {"does", "not"}, "didnt": {"did", "not"},
	"cant": {"can", "not"}, "cannot": {"can", "not"}, "couldnt": {"could", "not"},
	"wont": {"will", "not"}, "wouldnt": {"would", "not"}, "shouldnt": {"should", "not"},
	"isnt": {"is", "not"}, "arent": {"are", "not"}, "wasnt": {"was", "not"},
	"werent": {"were", "not"}, "havent": {"have", "not"}, "havnt": {"have", "not"}, "hasnt": {"has", "not"},
	"hadnt": {"had", "not"}, "aint": {"is", "not"}, "im": {"i", "am"},
	"ive": {"i", "have"}, "youre": {"you", "are"}, "thats": {"that"},
	"whats": {"what"}, "hows": {"how"}, "theres": {"there"}, "shes": {"she"},
	"hes": {"he"}, "theyre": {"they", "are"}, "id": {"i", "would"},
	"gonna": {"going", "to"}, "wanna": {"want", "to"}, "gotta": {"got", "to"},
	"dunno": {"do", "not", "know"}, "innit": {"is", "not", "it"},
	// Scots and other dialects.
	"cannae": {"can", "not"}, "canna": {"can", "not"}, "dinnae": {"do", "not"}, "didnae": {"did", "not"},
	"wisnae": {"was", "not"}, "isnae": {"is", "not"}, "wouldnae": {"would", "not"}, "couldnae": {"could", "not"},
	"willnae": {"will", "not"}, "doesnae": {"does", "not"}, "disnae": {"does", "not"}, "shouldnae": {"should", "not"},
	"widnae": {"would", "not"}, "hasnae": {"has", "not"}, "havnae": {"have", "not"}, "havenae": {"have", "not"},
	"nothings": {"nothing", "is"}, "nobodys": {"nobody", "is"}, "noones": {"no", "one", "is"},
	"nae": {"no"}, "naebody": {"nobody"}, "naethin": {"nothing"}, "nuthin": {"nothing"}, "nothin": {"nothing"},
	"ain": {"is", "not"}, "ion": {"i", "do", "not"}, "dont": {"do", "not"},
	// Jamaican Patois: "baby nuh move fi di whole day", "mi cyaan stand".
	"nuh": {"not"}, "cyaan": {"can", "not"}, "nutten": {"nothing"}, "nuttin": {"nothing"}, "inna": {"in"},
	"pon": {"on"}, "di": {"the"}, "fi": {"to"}, "mi": {"my"}, "likkle": {"little"}, "miself": {"myself"},
	"fada": {"father"}, "seh": {"say"}, "tek": {"take"}, "wah": {"what"}, "mek": {"make"}, "waan": {"want"},
	// Nigerian Pidgin: "she no dey kick like before", "my belle dey pain me".
	"dey": {"is"}, "abeg": {"please"}, "wetin": {"what"}, "pikin": {"child"}, "belle": {"belly"},
	"piss": {"pee"}, "pissing": {"peeing"}, // "e dey pain me when I dey piss"
	// From S186: "hubby sed i look like...", "slowed rly down".
	"sed": {"said"}, "rly": {"really"}, "rlly": {"really"},
	// Contractions typed without their vowels: "cnt feel kcks", "bby hsnt kckd".
	// (Never "cnt", also a kick count: "done my kick cnt, only 3".)
	"dnt": {"do", "not"}, "hsnt": {"has", "not"}, "hvnt": {"have", "not"},
	"dsnt": {"does", "not"}, "ddnt": {"did", "not"}, "wsnt": {"was", "not"}, "nt": {"not"},
	"bldng": {"bleeding"}, "bldn": {"bleeding"}, "bleedn": {"bleeding"},
	// Three consonants, too short for the spelling fixer's consonants.
	"bby": {"baby"}, "hvy": {"heavy"}, "mvd": {"moved"}, "dwn": {"down"}, "vsn": {"vision"}, "lst": {"last"},
	"nyt": {"night"}, "hrt": {"hurt"},
	// Scots: "put his hand roon ma neck", "cannae dae this anymair", "thinkin aboot no gettin oot".
	"roon": {"round"}, "jist": {"just"}, "dae": {"do"}, "anymair": {"anymore"}, "oot": {"out"},
	"doon": {"down"}, "awfy": {"awful"}, "cauld": {"cold"}, "wis": {"was"}, "fir": {"for"}, "aboot": {"about"},
	"afore": {"before"}, "noo": {"now"}, "drookit": {"soaked"}, "joggies": {"joggers"}, "aff": {"off"},
	"heid": {"head"}, "intae": {"into"}, "greetin": {"crying"}, "wi": {"with"}, "masel": {"myself"},
	"himsel": {"himself"}, "hersel": {"herself"},
	// US Southern and AAVE: "ankles done swole up outta nowhere".
	"swole": {"swollen"}, "outta": {"out", "of"}, "las": {"last"},
	// Northern English: "hardly felt owt since dinner time", "nowt all afternoon".
	"owt": {"anything"}, "nowt": {"nothing"}, "summat": {"something"},
}

// shorthand expands chat shorthand and phone typing that no spelling
// fixer could guess: "wht r gd shoes 4 it", "hw do i stop my bck".
var shorthand = map[string][]string{
	"u": {"you"}, "ur": {"your"}, "r": {"are"}, "y": {"why"}, "n": {"and"}, "nd": {"and"},
	"wat": {"what"}, "wot": {"what"}, "wht": {"what"}, "wut": {"what"}, "hw": {"how"},
	"gd": {"good"}, "bk": {"back"}, "bck": {"back"}, "bak": {"back"}, "b4": {"before"},
	"bc": {"because"}, "bcos": {"because"}, "bcoz": {"because"}, "cuz": {"because"},
	"coz": {"because"}, "cos": {"because"}, "tho": {"though"}, "thru": {"through"},
	"abt": {"about"}, "bout": {"about"}, "sth": {"something"}, "smth": {"something"},
	"pls": {"please"}, "plz": {"please"}, "plss": {"please"}, "thx": {"thanks"}, "ty": {"thanks"},
	"tysm": {"thanks"}, "ta": {"thanks"}, "ppl": {"people"}, "shud": {"should"}, "shld": {"should"},
	"wud": {"would"}, "cud": {"could"}, "cn": {"can"}, "w": {"with"}, "wiv": {"with"}, "wit": {"with"},
	"rn": {"now"}, "atm": {"now"}, "tbh": {"honestly"}, "tbf": {"honestly"}, "imo": {"honestly"},
	"idk": {"i", "do", "not", "know"}, "dk": {"do", "not", "know"}, "wk": {"week"}, "wks": {"weeks"},
	"wkz": {"weeks"}, "tri": {"trimester"}, "trimster": {"trimester"}, "mins": {"minutes"},
	"hrs": {"hours"}, "hr": {"hour"}, "yrs": {"years"}, "yr": {"year"}, "k": {"ok"}, "kk": {"ok"},
	"okk": {"ok"}, "okey": {"ok"}, "okie": {"ok"}, "ofc": {"of", "course"}, "def": {"definitely"},
	"prob": {"probably"}, "probs": {"probably"}, "obvs": {"obviously"}, "esp": {"especially"},
	"becuase": {"because"}, "becasue": {"because"}, "wen": {"when"}, "wher": {"where"},
	"hv": {"have"}, "hav": {"have"}, "dat": {"that"}, "dis": {"this"},
	"ya": {"you"}, "yh": {"yes"}, "yep": {"yes"}, "yup": {"yes"}, "ye": {"yes"},
	"nope": {"no"}, "nah": {"no"}, "naw": {"no"},
	"appt": {"appointment"}, "appts": {"appointments"}, "apt": {"appointment"},
	"mw": {"midwife"}, "mws": {"midwives"},
	"gn": {"good", "night"}, "gnight": {"good", "night"}, "nite": {"night"}, "gm": {"good", "morning"},
	// Scots: "a just want it aw tae stop", "it's no easin wi anythin".
	"tae": {"to"}, "aw": {"all"}, "wi": {"with"}, "anythin": {"anything"}, "somethin": {"something"},
	"whit": {"what"}, "heid": {"head"}, "o": {"of"},
	"ahd": {"i", "would"}, "ahm": {"i", "am"}, "ahve": {"i", "have"},
	"alot": {"a", "lot"},
	// From S168: "bb kicks r so soft 2day", "today zilch", "nada".
	"2day": {"today"}, "2nite": {"tonight"}, "2night": {"tonight"}, "tmrw": {"tomorrow"}, "2moro": {"tomorrow"},
	"bb": {"baby"}, "nada": {"nothing"}, "zilch": {"nothing"}, "nowt": {"nothing"},
}

// whole holds the contractions and the shorthand in one table, so that
// each word is looked up once; a contraction wins over shorthand.
var whole = func() map[string][]string {
	m := make(map[string][]string, len(contractions)+len(shorthand))
	for w, e := range shorthand {
		m[w] = e
	}
	for w, e := range contractions {
		m[w] = e
	}
	return m
}()

// wholeShapes has a bit for every (length, first letter, last letter) of
// a word in whole: most words have a shape no contraction or shorthand
// has, and need not be looked up.
var wholeShapes = func() (shapes [maxWholeLen + 1][26]uint32) {
	for w := range whole {
		if len(w) > maxWholeLen {
			panic("analyze: " + w + " is longer than maxWholeLen")
		}
		if first, last := w[0]-'a', w[len(w)-1]-'a'; first < 26 && last < 26 {
			shapes[len(w)][first] |= 1 << last
		} // others ("b4") are always looked up
	}
	return shapes
}()

// maxWholeLen is the longest word in whole.
const maxWholeLen = 9

// mayBeWhole reports whether w may be a word of whole: false means it is
// not.
func mayBeWhole(w string) bool {
	if len(w) > maxWholeLen || w == "" {
		return false
	}
	first, last := w[0]-'a', w[len(w)-1]-'a'
	if first >= 26 || last >= 26 {
		return true // not a plain lower-case word: look it up
	}
	return wholeShapes[len(w)][first]&(1<<last) != 0
}

// stopWords carry no topic on their own. Intent words ("why", "when",
// "help", "stop") are deliberately not here.
var stopWords = set(
	// whether it is true frames the question and names nothing: "or is
	// that a myth?", "an old wives' tale" (a synonym of myth).
	"myth", "myths",
	"a", "an", "the", "i", "me", "my", "mine", "myself", "we", "us", "our", "you", "your",
	"yours", "he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their",
	"is", "am", "are", "was", "were", "be", "been", "being", "do", "does", "did", "doing",
	"have", "has", "had", "having", "of", "to", "in", "on", "at", "for", "with", "about",
	"and", "or", "so", "if", "this", "that", "these", "those", "there", "here", "what",
	"which", "who", "whom", "can", "could", "should", "would", "will", "shall",
	"may", "might", "must", "get", "gets", "getting", "got", "any", "some", "just", "really",
	"very", "much", "many", "lot", "lots", "please", "thanks", "thank", "hi", "hello",
	"hey", "also", "too", "still", "from", "by", "as", "into", "up", "out", "down", "over",
	"than", "then", "now", "all", "anyone", "anybody", "someone", "something", "thing",
	"things", "stuff", "kind", "sort", "bit", "little", "quite", "pretty", "lol", "omg",
	"tbh", "haha", "ugh", "ok", "okay", "yes", "yeah", "know", "want", "wondering", "wonder",
	"tell", "say", "said", "ask", "asking", "question", "im", "week", "weeks", "month",
	"months", "day", "days", "today", "yesterday", "lately", "recently", "because",
	"though", "while", "during", "like", "feel", "feels", "feeling", "keep", "keeps",
	"make", "makes", "bot", "backcare", "guys", "ladies", "mama", "mamas", "mum", "mom",
	"no", "not", "never", "without", "nor", "none", "neither", "nothing", "but", "however",
	"although", "yet", "only", "even", "one", "two", "go", "going", "anything", "else", "already",
	"more", "other", "way", "ways", "best", "good", "safe", "bad", "terrible", "awful", "fine", "alright", "grand",
	"horrible", "badly", "properly", "proper", "correctly", "correct", "right", "actually",
	"anyway", "started", "start", "starting", "since", "ever", "always", "often", "sometimes",
	"honestly", "literally", "basically", "probably", "definitely", "maybe", "perhaps", "seriously", "genuinely", "x", "xx",
	"xxx", "hun", "hiya", "morning", "evening", "afternoon", "night", "lovely", "everyone",
	"all", "folks", "girls", "sisters", "po", "hola", "salam", "namaste", "lmao", "lmfao", "hahaha",
	"ooh", "oh", "ah", "ahh", "hmm", "um", "uh", "wow", "yay", "xd", "able", "unable", "yall", "y'all",
)

// contextWords describe the asker's situation rather than the question:
// greetings, the stage of pregnancy, family, work. They do not count
// against a topic that does not mention them.
var contextWords = set(
	"hi", "hello", "hey", "hiya", "morning", "evening", "afternoon", "night", "ladies", "girls",
	"everyone", "all", "folks", "guys", "hun", "lovely", "people", "mamas", "mums", "moms", "sisters",
	"po", "hola", "salam", "namaste", "x", "xx", "xxx", "lol", "haha", "omg", "please", "thanks",
	"thank", "sorry", "week", "weeks", "wk", "wks", "trimester", "tri", "first", "second", "third",
	"month", "months", "pregnant", "pregnancy", "expecting", "twins", "husband", "hubby", "partner",
	"boyfriend", "girlfriend", "wife", "dh", "oh", "mum", "mom", "mother", "mil", "dad", "sister",
	"auntie", "aunt", "nan", "nana", "gran", "grandma", "friend", "cousin", "family", "son", "daughter",
	"kids", "children", "job", "shift", "shifts", "nurse", "teacher", "carer", "cleaner", "lawyer",
	"cashier", "hca", "retail", "warehouse", "nights", "reckons", "says", "swears", "honestly",
	"first", "time", "ftm", "baby", "bump", "today", "tonight", "yesterday", "day", "days",
	// workplaces and jobs, not subjects: "I work in a shop", "on the till"
	"shop", "shops", "store", "supermarket", "till", "tills", "checkout", "factory", "restaurant", "cafe",
	"pub", "salon", "school", "classroom", "hairdresser", "hairdressers", "chef", "receptionist", "waitress",
	"waiter", "accountant", "solicitor", "barista", "nanny", "childminder", "midwifery", "teaching", "coworkers",
	"colleagues", "boss", "manager",
	// how she feels about asking: "will they think I'm moaning", "sorry to whinge"
	"moan", "moaning", "moany", "whinge", "whinging", "whiny", "whining",
	// the hour she writes at: "its late", "2am"; the hour she tells of: "fell asleep at 3pm"
	"late", "midnight", "am", "pm",
	// how the message was written: "voice to text are pelvic tilts safe"
	"voice", "text", "dictation", "dictating", "dictated",
	// more jobs: "farmer here 23 weeks", "delivery driver"
	"farmer", "driver", "courier",
	// waiting for a call back or an appointment: "while I wait, is a hot
	// water bottle ok?"
	"wait", "waiting", "meantime", "meanwhile",
	// when it began: "fell pregnant in jan", "since march" ("may" is a verb
	// as often)
	"january", "february", "march", "april", "june", "july", "august", "september", "october",
	"november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	// where she heard it: "someone at NCT mentioned the cat-cow stretch"
	"nct", "antenatal", "class", "forum", "group",
)

// negations are negation cues for triage.
var negations = set("no", "not", "never", "without", "nor", "none", "neither", "nothing", "zero", "nope", "nah",
	"nada", "nil", "zilch", "nowt", // "Bleeding? nada.", "bleeding nil", "nowt wrong down below"
	"walang", "wala", // Tagalog: "walang bleeding, walang lagnat", "wala naman pong spotting"
	"nahi", "nahin") // Hindi: "koi spotting nahi"

// scopeEnders stop a negation cue from reaching further words: contrast
// words, and new subjects ("no fever and I'm bleeding").
var scopeEnders = set(
	"but", "however", "although", "though", "yet", "except", "just", "only", "still",
	"pero", // Tagalog and Spanish "but": "wala pong bleeding pero may spotting"
	"i", "my", "mine", "we", "she", "he", "they", "it", "its", "there", "someone", "somebody", "now", "today", "suddenly", "yes",
	"tonight", "since", "then", "apart", "besides", "also",
)

func set(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}
