package checkworthy

import (
	"bytes"
	"strings"
	"sync"
)

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

// classOf returns the classes of a lower-cased word (nil for numbers).
func classOf(w []byte) class {
	if h := bytes.IndexByte(w, '-'); h > 0 && classOf(w[:h])&cNumber != 0 {
		return cNumber // "twenty-two"
	}
	return wordClasses()[string(w)]
}

// wordClasses maps the words of every class to it. The lists are data, not
// a switch: a Go switch over strings compiles to a search written out in
// code, 27 KB of the page's wasm code for these words, and as lists the
// page's wasm is 2,792 bytes brotli smaller. (The same change to
// segment's abbreviations, entity's person suffixes and quote's speech
// verbs, 38 KB of code, made the wasm 13 KB smaller raw but no smaller
// after brotli, +1,167 bytes: they stay switches.)
var wordClasses = sync.OnceValue(func() map[string]class {
	m := map[string]class{}
	for _, l := range []struct {
		class class
		words string // separated by white space
	}{
		{cNumber, `one two three four five six seven eight nine ten eleven twelve thirteen
			fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty
			sixty seventy eighty ninety hundred hundreds thousand thousands dozen dozens
			half third quarter`},
		{cNumber | cUnit, `million millions billion billions trillion trillions`},
		{cUnit | cPercent, `percent pct percentage`},
		{cUnit, `dollars dollar euros euro yen yuan rupees cents usd eur gbp`},
		{cSome, `couple several few many`},
		{cMeasure, `miles mile km kilometres kilometers kilometre kilometer pounds metres meters
			feet acres hectares tonnes tons kg kilograms barrels gallons litres liters
			degrees mph`},
		{cComparison, `than most least record twice thrice doubled tripled halved compared increased
			decreased increase decrease surged soared plunged plummeted outnumber
			outnumbered highest lowest fewer rose fell cut raised`},
		{cCausal, `because caused causes causing therefore consequently hence triggered sparked
			thus result resulted`},
		{cTime, `monday tuesday wednesday thursday friday saturday sunday yesterday today
			tonight tomorrow ago century decade decades annually january february march
			april june july august september october november december`},
		{cPeriod, `year years month months week weeks days hours minutes`},
		{cReport, `claimed claims claim denied denies deny according stated reported announced
			admitted insisted alleged confirmed testified acknowledged maintained`},
		{cOpinion, `think believe feel hope wish guess suppose want love agree disagree opinion
			sure should must need`},
		{cNegation, `not n't never no nothing nobody none`},
		{cFirstSing, `i me my mine myself i'm i've i'd i'll`},
		{cFirstPlural, `we us our ours ourselves we're we've we'll`},
		{cSecond, `you your yours yourself you're`},
	} {
		for _, w := range strings.Fields(l.words) {
			m[w] = l.class
		}
	}
	return m
})
