// Package hostile makes texts shaped to defeat an engine that is linear
// only on ordinary prose: endless sentences of speech verbs, nested
// relative clauses, thousands of quotations in one paragraph, unclosed and
// straight quotes, names without end, pronoun soups, speaker-colon
// transcripts, dashes and random mixes of their words. The engine's guard
// test and `make bench-hostile` (build/benchhostile) run each of them beside
// an ordinary article of the same size.
//
// Every text is deterministic: the same case and size give the same bytes.
package hostile

import (
	_ "embed"
	"math/rand/v2"
	"strings"
	"unicode/utf8"
)

// Case is one hostile input.
type Case struct {
	Name string
	Type string // media type for the engine: "text/plain" or "text/html"
	// Gen returns a text of about n bytes (never more than n).
	Gen func(n int) string
}

// OrdinaryName is the name Find gives the ordinary article.
const OrdinaryName = "ordinary"

//go:embed testdata/ordinary.txt
var ordinaryText string

// Ordinary returns an ordinary news article of about n bytes: a short
// article of ours repeated, each copy with other names, so the roster grows
// as it would over many real articles.
func Ordinary(n int) string {
	var b strings.Builder
	b.Grow(n + len(ordinaryText))
	for i := 0; b.Len() < n; i++ {
		r := strings.NewReplacer(
			"Tomas Reyes", name(i, 0), "Reyes", last(i, 0),
			"Marta Klein", name(i, 1), "Lena Marsh", name(i, 2),
			"Ines Calder", name(i, 3), "Paul Okafor", name(i, 4))
		b.WriteString(r.Replace(ordinaryText))
		b.WriteString("\n\n")
	}
	return cut(b.String(), n)
}

var (
	firstNames = []string{"Tomas", "Marta", "Lena", "Ines", "Paul", "Amira", "Jonas", "Keiko", "Diego", "Farah", "Oskar", "Nadia", "Emeka", "Sofia", "Ravi", "Helga"}
	lastNames  = []string{"Reyes", "Klein", "Marsh", "Calder", "Okafor", "Haddad", "Berg", "Tanaka", "Morales", "Aziz", "Lund", "Petrova", "Obi", "Russo", "Mehta", "Strand", "Quinn", "Varga"}
)

func last(i, k int) string { return lastNames[(i*5+k*7)%len(lastNames)] }
func name(i, k int) string {
	return firstNames[(i*3+k*5)%len(firstNames)] + " " + last(i, k)
}

// Find returns the case called name (OrdinaryName included) and whether
// there is one.
func Find(name string) (Case, bool) {
	if name == OrdinaryName {
		return Case{Name: OrdinaryName, Type: "text/plain", Gen: Ordinary}, true
	}
	for _, c := range Cases() {
		if c.Name == name {
			return c, true
		}
	}
	return Case{}, false
}

// Cases returns every hostile case, in a fixed order.
func Cases() []Case {
	plain := func(name string, gen func(n int) string) Case { return Case{name, "text/plain", gen} }
	return []Case{
		plain("said-that", repeat("he said that ")),
		plain("speech-verbs", words(1, speechVerbSoup)),
		plain("relative-clauses", repeat("The minister, who said that the official, who said that ")),
		plain("relative-mix", words(2, relativeSoup)),
		plain("quotes-paragraph", words(3, quotesParagraph)),
		plain("quotes-no-stop", repeat(`"We will win," he said, "they lied," she told reporters, `)),
		plain("unclosed-quotes", words(4, unclosedQuotes)),
		plain("straight-quotes", words(5, straightQuotes)),
		plain("names", words(6, names)),
		plain("names-commas", words(7, namesCommas)),
		plain("pronoun-soup", words(8, pronounSoup)),
		plain("transcript", words(9, transcript)),
		plain("transcript-one-line", words(10, transcriptLine)),
		plain("dashes", words(11, dashes)),
		plain("according-to", repeat("according to the minister, according to officials, ")),
		plain("colons", repeat("he said: she told them: ")),
		plain("abbreviations", repeat("Mr. Sen. Dr. U.S. Gov. Lt. Col. No. ")),
		plain("brackets", repeat(`( he said ( "she said ( they told [ `)),
		plain("short-paragraphs", repeat("\"No,\" he said.\n\n")),
		plain("line-breaks", words(12, lineBreaks)),
		plain("one-word", oneWord),
		plain("mix", words(13, mix)),
		plain("mix-punct", words(14, mixPunct)),
		{"html-nested", "text/html", htmlNested},
		{"html-paragraphs", "text/html", words(15, htmlParas)},
	}
}

// cut trims s to at most n bytes, at a rune boundary.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func repeat(unit string) func(int) string {
	return func(n int) string { return cut(strings.Repeat(unit, n/len(unit)+1), n) }
}

// words builds a text of n bytes by calling step with a seeded random
// source until it is long enough.
func words(seed uint64, step func(r *rand.Rand, b *strings.Builder)) func(int) string {
	return func(n int) string {
		r := rand.New(rand.NewPCG(seed, 0x5eed))
		var b strings.Builder
		b.Grow(n + 256)
		for b.Len() < n {
			step(r, &b)
		}
		return cut(b.String(), n)
	}
}

func pick(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }

var (
	speechVerbs = []string{"said", "says", "told reporters", "claimed", "denied", "warned", "insisted", "added", "argued", "announced", "believes", "suggested", "acknowledged", "according to", "asked", "stated", "wrote", "tweeted", "noted", "explained"}
	subjects    = []string{"he", "she", "they", "the minister", "officials", "a spokesman", "the president", "Smith", "Ana Ruiz", "the police", "critics", "sources", "the company", "analysts", "it"}
	pronouns    = []string{"he", "she", "they", "him", "her", "it", "his", "them", "their", "we", "I", "you", "He", "She", "They", "It", "himself", "herself", "who", "which", "that"}
	fillers     = []string{"the", "a", "plan", "would", "fail", "was", "not", "true", "and", "but", "because", "of", "in", "on", "new", "tax", "on", "Tuesday", "2,000", "people", "war", "city", "is", "will", "be", "over"}
)

func speechVerbSoup(r *rand.Rand, b *strings.Builder) {
	b.WriteString(pick(r, subjects))
	b.WriteByte(' ')
	b.WriteString(pick(r, speechVerbs))
	b.WriteString(pick(r, []string{" that ", " ", ", ", " "}))
}

func relativeSoup(r *rand.Rand, b *strings.Builder) {
	b.WriteString(pick(r, []string{"The minister", "the official", "a spokesman", "Ana Ruiz", "the man", "officials", "the council"}))
	b.WriteString(pick(r, []string{", who said that ", ", who told reporters that ", " who claimed ", ", which warned that ", ", whom they said ", " that said ", ", whose aide said that "}))
}

func quotesParagraph(r *rand.Rand, b *strings.Builder) {
	q := pick(r, []string{`"`, `“`})
	c := map[string]string{`"`: `"`, `“`: `”`}[q]
	switch r.IntN(4) {
	case 0:
		b.WriteString(q + pick(r, fillers) + " " + pick(r, fillers) + "," + c + " " + pick(r, speechVerbs) + " " + pick(r, subjects) + ". ")
	case 1:
		b.WriteString(pick(r, subjects) + " " + pick(r, speechVerbs) + ": " + q + pick(r, fillers) + " " + pick(r, fillers) + "." + c + " ")
	case 2:
		b.WriteString(q + pick(r, fillers) + "," + c + " " + pick(r, subjects) + " " + pick(r, speechVerbs) + ", " + q + pick(r, fillers) + " " + pick(r, fillers) + "." + c + " ")
	default:
		b.WriteString(pick(r, subjects) + " called it " + q + pick(r, fillers) + c + " and " + pick(r, speechVerbs) + " ")
	}
}

func unclosedQuotes(r *rand.Rand, b *strings.Builder) {
	b.WriteString(pick(r, subjects) + " " + pick(r, speechVerbs) + " " + pick(r, []string{`"`, `“`, `«`, `'`, `‘`, `„`}) + pick(r, fillers) + " " + pick(r, fillers) + " ")
}

func straightQuotes(r *rand.Rand, b *strings.Builder) {
	switch r.IntN(5) {
	case 0:
		b.WriteString(`" `)
	case 1:
		b.WriteString(` "`)
	case 2:
		b.WriteString(`'`)
	case 3:
		b.WriteString(pick(r, speechVerbs) + " ")
	default:
		b.WriteString(pick(r, fillers) + " ")
	}
}

func names(r *rand.Rand, b *strings.Builder) {
	b.WriteString(pick(r, firstNames) + " " + pick(r, lastNames) + " ")
}

func namesCommas(r *rand.Rand, b *strings.Builder) {
	b.WriteString(pick(r, []string{"Mr. ", "Sen. ", "", "", "President "}) + pick(r, firstNames) + " " + pick(r, lastNames) + pick(r, []string{", ", " and ", ", ", " of ", " said "}))
}

func pronounSoup(r *rand.Rand, b *strings.Builder) {
	b.WriteString(pick(r, pronouns))
	if r.IntN(4) == 0 {
		b.WriteString(" " + pick(r, speechVerbs))
	}
	b.WriteString(pick(r, []string{" ", " ", ", ", " "}))
}

func transcript(r *rand.Rand, b *strings.Builder) {
	b.WriteString(strings.ToUpper(pick(r, lastNames)) + ": ")
	for k := 3 + r.IntN(12); k > 0; k-- {
		b.WriteString(pick(r, append(fillers, pronouns...)) + " ")
	}
	b.WriteString("\n")
}

func transcriptLine(r *rand.Rand, b *strings.Builder) {
	b.WriteString(pick(r, []string{strings.ToUpper(pick(r, lastNames)), pick(r, firstNames), "Q", "A"}) + ": ")
	for k := 1 + r.IntN(6); k > 0; k-- {
		b.WriteString(pick(r, append(fillers, speechVerbs...)) + " ")
	}
}

func dashes(r *rand.Rand, b *strings.Builder) {
	b.WriteString(pick(r, []string{"— ", "-- ", " - ", "–", "—"}) + pick(r, subjects) + " " + pick(r, speechVerbs) + " ")
}

func lineBreaks(r *rand.Rand, b *strings.Builder) {
	for k := 1 + r.IntN(8); k > 0; k-- {
		b.WriteString(pick(r, append(fillers, speechVerbs...)) + " ")
	}
	b.WriteString(pick(r, []string{"\n", "\n", "\n\n", ".\n", ":\n"}))
}

func oneWord(n int) string { return strings.Repeat("a", n) }

// mix draws from every vocabulary above, punctuation included.
func mix(r *rand.Rand, b *strings.Builder) {
	vocab := [][]string{speechVerbs, subjects, pronouns, fillers, firstNames, lastNames,
		{`"`, `“`, `”`, `'`, `’`, `‘`, `«`, `»`, ",", ":", "—", "-", "(", ")", ";", "that", "who", "according to"}}
	b.WriteString(pick(r, vocab[r.IntN(len(vocab))]))
	b.WriteByte(' ')
}

// mixPunct is mix with sentence ends and paragraph breaks now and then, the
// shape of a badly pasted transcript or PDF.
func mixPunct(r *rand.Rand, b *strings.Builder) {
	mix(r, b)
	switch r.IntN(40) {
	case 0:
		b.WriteString(". ")
	case 1:
		b.WriteString("\n")
	case 2:
		b.WriteString("\n\n")
	case 3:
		b.WriteString("? ")
	}
}

func htmlNested(n int) string {
	const open, close = `<div><span>he said that `, `</span></div>`
	k := n / (len(open) + len(close))
	return cut(strings.Repeat(open, k)+strings.Repeat(close, k), n)
}

func htmlParas(r *rand.Rand, b *strings.Builder) {
	b.WriteString(pick(r, []string{"<p>", "<p>", "<blockquote>", "<li>", "<br>", "<h2>", "<b>"}))
	speechVerbSoup(r, b)
	quotesParagraph(r, b)
	b.WriteString(pick(r, []string{"</p>", "", "</blockquote>", "</li>", "</b>"}))
}
