package claims

// class is a set of word classes the scorer looks for.
type class uint16

const (
	cNumber     class = 1 << iota // number words: four, dozen, million
	cVerb                         // auxiliaries and common verbs the fallback tagger misses
	cUnit                         // units and money: percent, miles, dollars
	cCounted                      // irregular plurals counted by a number: men, people
	cComparison                   // than, most, record, biggest, doubled
	cCausal                       // because, caused, therefore
	cTime                         // weekdays, months, yesterday, ago
	cMonth                        // month names ("May" only next to a number)
	cPeriod                       // year(s), month(s), week(s): time with a number or "last"
	cRelTime                      // last, past, next: make a period a time
	cMeasure                      // units of measure: a quantity after a number ("20 miles", not "the barrels")
	cSome                         // couple, several: like a number before a unit
)

// classOf returns the classes of a lower-case word. A switch keeps the
// lists immutable and the lookup allocation-free.
func classOf(w string) class {
	switch w {
	case "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
		"nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
		"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "half", "third", "quarter":
		return cNumber
	case "million", "millions", "billion", "billions", "trillion":
		return cNumber | cUnit
	case "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having",
		"do", "does", "did", "will", "would", "can", "could", "may", "might", "must", "shall", "should",
		"says", "said", "told", "made", "took", "went", "came", "gave", "got", "left", "stood", "fled",
		"began", "held", "kept", "lost", "won", "ran", "saw", "sent", "fell", "rose", "led", "fought",
		"struck", "hit", "killed", "remains", "remain", "retains", "controls", "continues", "seems",
		"knew", "built", "brought", "found", "paid", "spent", "met", "became", "grew", "drove":
		return cVerb
	case "percent", "pct", "dollars", "dollar", "euros", "euro", "yen", "yuan", "rupees",
		"cents", "usd", "eur", "gbp":
		return cUnit
	case "miles", "mile", "km", "kilometres", "kilometers", "kilometre", "pounds",
		"kilometer", "metres", "meters", "feet", "foot", "acres", "hectares", "tonnes", "tons", "kg",
		"kilograms", "barrels", "gallons", "litres", "liters", "degrees", "mph", "hour":
		return cMeasure
	case "couple", "several", "few", "many":
		return cSome
	case "men", "women", "people", "children", "police", "troops", "fighters", "civilians", "soldiers":
		return cCounted
	case "than", "most", "least", "record", "twice", "thrice", "doubled", "tripled", "halved",
		"compared", "biggest", "largest", "highest", "lowest", "smallest", "greatest", "worst", "best",
		"deadliest", "longest", "fastest", "richest", "poorest", "strongest", "oldest", "youngest",
		"increased", "decreased", "surged", "soared", "plunged", "plummeted", "outnumber", "outnumbered":
		return cComparison
	case "because", "caused", "causes", "causing", "therefore", "consequently", "hence",
		"triggered", "sparked", "blamed", "thus":
		return cCausal
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"yesterday", "today", "tonight", "tomorrow", "ago", "century", "decade", "decades", "annually":
		return cTime
	case "january", "february", "march", "april", "june", "july", "august", "september",
		"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
		"sep", "sept", "oct", "nov", "dec":
		return cTime | cMonth
	case "year", "years", "month", "months", "week", "weeks", "day", "days", "hours", "minutes":
		return cPeriod
	case "last", "past", "next", "previous", "coming", "recent", "this", "within", "over":
		return cRelTime
	}
	return 0
}
