package checkworthy

import "bytes"

// class is a set of word classes the signs are read from.
type class uint16

const (
	cNumber      class = 1 << iota // four, dozen, million
	cUnit                          // percent, dollars, million: a quantity by itself
	cMeasure                       // miles, tons: a quantity after a number
	cPercent                       // percent, pct
	cComparison                    // than, most, record, doubled
	cCausal                        // because, caused, therefore
	cTime                          // weekdays, months, yesterday, ago
	cPeriod                        // year(s), week(s): a time with a number or "last"
	cReport                        // said, claimed, denied, according
	cOpinion                       // think, believe, feel
	cNegation                      // not, never
	cFirstSing                     // I, me, my
	cFirstPlural                   // we, us, our
	cSecond                        // you, your
	cSome                          // couple, several: a count before a unit ("a couple of miles")
)

const cPerson = cFirstSing | cFirstPlural | cSecond

// classOf returns the classes of a lower-cased word (nil for numbers). A
// switch keeps the lists immutable and the lookup allocation-free.
func classOf(w []byte) class {
	if h := bytes.IndexByte(w, '-'); h > 0 && classOf(w[:h])&cNumber != 0 {
		return cNumber // "twenty-two"
	}
	switch string(w) {
	case "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
		"nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
		"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "half", "third", "quarter":
		return cNumber
	case "million", "millions", "billion", "billions", "trillion", "trillions":
		return cNumber | cUnit
	case "percent", "pct", "percentage":
		return cUnit | cPercent
	case "dollars", "dollar", "euros", "euro", "yen", "yuan", "rupees", "cents", "usd", "eur", "gbp":
		return cUnit
	case "couple", "several", "few", "many":
		return cSome
	case "miles", "mile", "km", "kilometres", "kilometers", "kilometre", "kilometer", "pounds",
		"metres", "meters", "feet", "acres", "hectares", "tonnes", "tons", "kg", "kilograms",
		"barrels", "gallons", "litres", "liters", "degrees", "mph":
		return cMeasure
	case "than", "most", "least", "record", "twice", "thrice", "doubled", "tripled", "halved",
		"compared", "increased", "decreased", "increase", "decrease", "surged", "soared", "plunged",
		"plummeted", "outnumber", "outnumbered", "highest", "lowest", "fewer", "rose", "fell", "cut", "raised":
		return cComparison
	case "because", "caused", "causes", "causing", "therefore", "consequently", "hence",
		"triggered", "sparked", "thus", "result", "resulted":
		return cCausal
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"yesterday", "today", "tonight", "tomorrow", "ago", "century", "decade", "decades", "annually",
		"january", "february", "march", "april", "june", "july", "august", "september",
		"october", "november", "december":
		return cTime
	case "year", "years", "month", "months", "week", "weeks", "days", "hours", "minutes":
		return cPeriod
	case "claimed", "claims", "claim", "denied", "denies", "deny", "according",
		"stated", "reported", "announced", "admitted", "insisted", "alleged", "confirmed", "testified", "acknowledged", "maintained":
		return cReport
	case "think", "believe", "feel", "hope", "wish", "guess", "suppose", "want", "love", "agree",
		"disagree", "opinion", "sure", "should", "must", "need":
		return cOpinion
	case "not", "n't", "never", "no", "nothing", "nobody", "none":
		return cNegation
	case "i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll":
		return cFirstSing
	case "we", "us", "our", "ours", "ourselves", "we're", "we've", "we'll":
		return cFirstPlural
	case "you", "your", "yours", "yourself", "you're":
		return cSecond
	}
	return 0
}
