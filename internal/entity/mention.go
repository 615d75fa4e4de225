package entity

import (
	"strings"

	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
	"github.com/whosaid/whosaid/internal/wordset"
	"github.com/whosaid/whosaid/internal/wordshape"
)

// typ is what a noun phrase is made of.
type typ uint8

const (
	tNone    typ = iota // nothing to name (a stray word)
	tName               // "Hillary Clinton", "FBI Director James Comey", "the IMF"
	tNominal            // "a senior official", "the Clinton campaign", "experts"
	tPronoun            // "he", "they", "I", "which"
	tConj               // "Clinton and Trump": several entities together
)

// np is one noun phrase read: a source mention or a name found in the text.
type np struct {
	typ         typ
	first, last int // the tokens it covers [first, last)
	// the name's tokens [nf, nl) for tName; the description's for tNominal
	nf, nl   int
	rf, rl   int    // the title or role before the name, or an appositive description
	class    string // a kind when the words tell it; "" when they do not
	head     string // lower-cased head noun or pronoun
	gender   byte
	plural   bool
	definite bool   // "the …"
	owner    string // lower-cased name that owns a description ("clinton" in "the Clinton campaign")
	ownerKey string // the owner and the head, for descriptions that name their owner
	label    bool   // a transcript's speaker label (Mention.Label)
}

// doc is the article as this stage reads it.
type doc struct {
	seg   *segment.Doc
	tags  []tag.Tag
	names *Names
	low   []string // lower-cased words
	sent  []int32  // sentence of each token
	// surnames are the last words of the article's full names: a name even
	// where the tagger, at the start of a sentence, says otherwise
	surnames map[string]bool
	titled   []bool          // sentences in title case (headlines)
	bodyCaps map[string]bool // words capitalised inside sentences that are not
	quoted   []bool          // tokens inside quotation marks
	capCache []int8          // capName of each token: 1 yes, -1 no, 0 not yet
}

func newDoc(seg *segment.Doc, tags []tag.Tag, names *Names) *doc {
	d := &doc{seg: seg, tags: tags, names: names, low: make([]string, len(seg.Tokens)),
		sent: make([]int32, len(seg.Tokens)), capCache: make([]int8, len(seg.Tokens))}
	for i := range seg.Tokens {
		d.low[i] = wordshape.Lower(seg.Word(i))
	}
	d.titled = make([]bool, len(seg.Sentences))
	for si, s := range seg.Sentences {
		words, caps := 0, 0
		for k := s.First; k < s.Last && k < len(d.sent); k++ {
			d.sent[k] = int32(si)
			// short function words are lower case in title case too
			if seg.Tokens[k].Kind == segment.Word && !(titleSmall[d.low[k]] && !wordshape.Capitalised(seg.Word(k))) {
				words++
				if wordshape.Capitalised(seg.Word(k)) || seg.Word(k)[0] >= '0' && seg.Word(k)[0] <= '9' {
					caps++
				}
			}
		}
		d.titled[si] = words >= 4 && caps == words
	}
	// inside quotation marks: curly marks say which way they face,
	// straight ones alternate within a paragraph
	d.quoted = make([]bool, len(seg.Tokens))
	for _, p := range seg.Paras {
		if p.First >= p.Last || p.Last > len(seg.Sentences) {
			continue
		}
		in := false
		for k := seg.Sentences[p.First].First; k < seg.Sentences[p.Last-1].Last && k < len(d.quoted); k++ {
			if seg.Tokens[k].Kind == segment.Quote {
				switch d.low[k] {
				case "“", "«", "„":
					in = true
				case "”", "»":
					in = false
				case "\"":
					in = !in
				}
				continue
			}
			d.quoted[k] = in
		}
	}
	d.bodyCaps = map[string]bool{}
	for si, s := range seg.Sentences {
		if d.titled[si] {
			continue
		}
		for k := s.First + 1; k < s.Last && k < len(d.sent); k++ {
			if seg.Tokens[k].Kind == segment.Word && seg.Tokens[k-1].Kind != segment.Quote && wordshape.Capitalised(seg.Word(k)) {
				d.bodyCaps[d.low[k]] = true
			}
		}
	}
	return d
}

func (d *doc) word(k int) string { return d.seg.Word(k) }

// text is the text of tokens [a, b), as the article writes it.
func (d *doc) text(a, b int) string {
	if a >= b {
		return ""
	}
	return d.seg.Text[d.seg.Tokens[a].Start:d.seg.Tokens[b-1].End]
}

func (d *doc) isWord(k int) bool { return d.seg.Tokens[k].Kind == segment.Word }

// sentStart reports a token that opens its sentence (after any quote mark).
func (d *doc) sentStart(k int) bool {
	for j := k - 1; j >= 0; j-- {
		if d.sent[j] != d.sent[k] {
			return true
		}
		if d.seg.Tokens[j].Kind != segment.Quote && d.seg.Tokens[j].Kind != segment.Punct {
			return false
		}
	}
	return true
}

// capName reports a token that can be part of a proper name: capitalised
// (or an acronym, an initial), and, at the start of a sentence, tagged a
// proper noun.
func (d *doc) capName(k int) bool {
	if c := d.capCache[k]; c != 0 {
		return c > 0
	}
	ok := d.capNameRaw(k)
	d.capCache[k] = -1
	if ok {
		d.capCache[k] = 1
	}
	return ok
}

func (d *doc) capNameRaw(k int) bool {
	if !d.isWord(k) {
		return false
	}
	w := d.word(k)
	if !wordshape.Capitalised(w) || w == "I" {
		return false
	}
	l := d.low[k]
	if calendar[l] {
		return false
	}
	start := d.sentStart(k)
	if d.titled[d.sent[k]] && (!d.tags[k].IsProper() || notNames[l] || !d.bodyCaps[l] && !d.names.Known(l)) && !wordshape.Acronym(w) {
		// a headline in title case: only proper nouns the body writes with
		// a capital too ("Hillary Clinton Goes After …")
		return false
	}
	if notNames[l] && !wordshape.Acronym(w) {
		// "Theresa May", "Alliance to Reclaim Our Schools": inside a run
		if start || k == 0 || !d.isWord(k-1) || !wordshape.Capitalised(d.word(k-1)) && !connectors[d.low[k-1]] {
			return false
		}
		if connectors[d.low[k-1]] && (k < 2 || !wordshape.Capitalised(d.word(k-2))) {
			return false
		}
	}
	nextCap := k+1 < len(d.low) && d.isWord(k+1) && wordshape.Capitalised(d.word(k+1)) && d.tags[k+1].IsProper()
	if start && !d.tags[k].IsProper() && !wordshape.Acronym(w) && !titles[l] && !d.surnames[l] &&
		!(d.names.Known(l) && nextCap) && !(nextCap && d.tags[k] == tag.JJ && !quantifiers[l]) {
		// "New York City Mayor …" opens a sentence as a name too
		return false // "Christian Estrosi" opens a sentence as a name too
	}
	return true
}

// capRun returns where the capitalised run ending at b starts, no
// earlier than a; connectors join capitals ("Alliance to Reclaim Our
// Schools") but never start the run.
func (d *doc) capRun(a, b int) int {
	t := b
	for t > a {
		if d.capName(t - 1) {
			t--
			continue
		}
		if t-2 >= a && connectors[d.low[t-1]] && d.low[t-1] != "and" && d.low[t-1] != "&" && d.capName(t-2) {
			t--
			continue
		}
		break
	}
	for t < b && connectors[d.low[t]] {
		t++
	}
	return t
}

// isInitial reports an initial or a run of them ("H.", "G.K.").
func isInitial(w string) bool {
	if len(w) < 2 || len(w)%2 != 0 {
		return false
	}
	for i := 0; i < len(w); i += 2 {
		if w[i] < 'A' || w[i] > 'Z' || w[i+1] != '.' {
			return false
		}
	}
	return true
}

// personWord is a capitalised token that can be a word of a person's name.
func (d *doc) personWord(k int) bool {
	l := d.low[k]
	w := d.word(k)
	if isInitial(w) && !places[l] && !orgNames[l] || suffixes[l] {
		return true
	}
	return d.capName(k) && !titles[l] && !connectors[l] && !orgHeads[l] && !wordshape.Acronym(w) &&
		!strings.HasSuffix(l, ".")
}

// readName reads the capitalised run [a, b) as a name: a title or role
// before a person's name is split off ("FBI Director James Comey"), and
// the name is classed when its words tell (organisation, person).
func (d *doc) readName(a, b int, p *np) {
	p.typ = tName
	// "Senator Lamar Alexander of Tennessee": without an organisation's
	// word, what follows a connector is where the person is from
	org := false
	for k := a; k < b; k++ {
		if orgHeads[d.low[k]] {
			org = true
			break
		}
	}
	if !org {
		for k := a + 1; k < b; k++ {
			if connectors[d.low[k]] {
				b = k
				break
			}
		}
	}
	// the person's name: the trailing words that are neither titles nor
	// parts of an organisation's name
	t := b
	for t > a && b-t < 6 && d.personWord(t-1) {
		t--
	}
	for t < b && suffixes[d.low[t]] { // a name never starts with "Jr."
		t++
	}
	if t == b && b-a >= 2 && honorifics[d.low[b-2]] && d.capName(b-1) { // "Mr. King"
		t = b - 1
	}
	// a title, an office or an acronym before the person's name is a role
	// ("FBI Director", "Speaker of the House"); a connector makes it one
	// organisation's name ("Bank of America")
	split := t > a && t < b && !connectors[d.low[t-1]]
	orgish := false
	from := a
	if split {
		from = t
	}
	for k := from; k < b; k++ {
		if orgHeads[d.low[k]] && (k > a || b-a == 1) {
			orgish = true
		}
	}
	if split && !orgish && orgThenPerson(d.seg, t) {
		// "the Washington Post Trump said": an organisation's name, then
		// a person's, with no title between them, are two noun phrases
		p.nf, p.nl, p.class = t, b, "person"
	} else if split && !orgish {
		p.nf, p.nl, p.rf, p.rl = t, b, a, t
		p.class = "person"
		for k := a; k < t; k++ {
			if g := honorGender(d.low[k]); g != genderNone {
				p.gender = g
			}
		}
	} else {
		p.nf, p.nl = a, b
	}
	n := p.nl - p.nf
	if n <= 0 {
		p.typ = tNone
		return
	}
	full := strings.ToLower(d.text(p.nf, p.nl))
	last := d.low[p.nl-1]
	switch {
	case p.class == "person":
	case orgNames[full] || places[full] || usStates[full] || orgHeads[last] && !(n == 1 && !orgNames[last]):
		p.class = "organisation"
	case docHeads[last] && n >= 2:
		p.class = "" // "Morning Consult Poll"
	case n == 1 && orgHeads[last] && d.bodyCaps[last] && p.nf > 0 && d.low[p.nf-1] == "the":
		p.class = "organisation" // "the Post", "the Fund": a short name
	case n == 1 && wordshape.Acronym(d.word(p.nf)):
		p.class = "organisation"
	case n > 1 && hasAcronym(d, p.nf, p.nl):
		p.class = "organisation"
	case n >= 2 && places[d.low[p.nf]] && !d.names.Known(d.low[p.nf]) && !split:
		p.class = "organisation" // "Russia Today", "Chicago Police"
	case n == 1 && (personNouns[last] && strings.HasSuffix(last, "s") || strings.HasSuffix(last, "ans") || strings.HasSuffix(last, "ists") || strings.HasSuffix(last, "ites") ||
		d.tags[p.nf] == tag.NNPS && strings.HasSuffix(last, "s") && !d.surnames[last]) && !d.names.Known(last):
		p.class = "group" // "Republicans", "Europeans"
		p.plural = true
	case n == 1 && (personNouns[last] || docHeads[last] || genericOrg(last)) && (!d.tags[p.nf].IsProper() || !d.bodyCaps[last]):
		p.class = "" // "Police", "Witnesses": a common noun with a capital
	case n >= 2 && hasOrgWord(d, p.nf, p.nl):
		p.class = "organisation" // "Trump National Doral", "Associated Press"
	default:
		p.class = "person"
		// the words before: "Mrs." says she; a first name may too
		if p.nf > 0 && honorifics[d.low[p.nf-1]] && p.gender == genderNone {
			p.gender = honorGender(d.low[p.nf-1])
		}
		if n >= 2 && p.gender == genderNone {
			p.gender = d.names.Gender(d.word(p.nf))
		}
		for k := p.nf; k < p.nl; k++ {
			if connectors[d.low[k]] {
				p.class = "organisation"
			}
		}
	}
}

func hasOrgWord(d *doc, a, b int) bool {
	for k := a; k < b; k++ {
		if orgWords[d.low[k]] {
			return true
		}
	}
	return false
}

func hasAcronym(d *doc, a, b int) bool {
	for k := a; k < b; k++ {
		w := d.word(k)
		if wordshape.Acronym(w) && !isInitial(w) && !suffixes[d.low[k]] && len(strings.Trim(w, ".")) > 1 {
			return true
		}
	}
	return false
}

func honorGender(l string) byte {
	switch {
	case maleWords[l]:
		return genderM
	case femaleWords[l]:
		return genderF
	}
	return genderNone
}

// pronounInfo gives a pronoun's gender, number and what it may refer to.
func pronounInfo(l string) (g byte, plural, ok bool) {
	switch l {
	case "he", "him", "his", "himself":
		return genderM, false, true
	case "she", "her", "hers", "herself":
		return genderF, false, true
	case "they", "them", "their", "themselves", "we", "us", "our":
		return genderNone, true, true
	case "it", "its", "i", "me", "my", "you", "who", "which", "that", "whom", "whose", "this":
		return genderNone, false, true
	}
	return genderNone, false, false
}

// maxMention is how many tokens of a source mention are read.
const maxMention = 48

// analyse reads the source mention [a, b).
func (d *doc) analyse(a, b int) np {
	p := np{first: a, last: b, rf: -1, rl: -1}
	if a < 0 || b > len(d.seg.Tokens) || a >= b {
		return p
	}
	b = min(b, a+maxMention) // a source is a noun phrase: its head is near its start
	// a relative pronoun, a conjunction or a stray quote mark at the end is
	// not the source
	for b > a+1 && (relatives[d.low[b-1]] || trailing[d.low[b-1]] || !d.isWord(b-1) && d.seg.Tokens[b-1].Kind != segment.Number) {
		b--
	}
	for a < b-1 && !d.isWord(a) && d.seg.Tokens[a].Kind != segment.Number {
		a++
	}
	// the head part ends at an appositive, an aside or a relative clause
	end, of := b, -1
	for k := a + 1; k < b; k++ {
		l := d.low[k]
		// "Senator John Cornyn of Texas, the No. 2 Republican": a
		// person's name ends at "of" ("Missouri Secretary of State Jason
		// Kander" and "the Department of Education" have no person's
		// name before it)
		if l == "of" && of < 0 && d.capName(k-1) && !titles[d.low[k-1]] && allCap(d, a, k) {
			var n np
			n.rf, n.rl = -1, -1
			d.readName(a, k, &n)
			if n.typ == tName && n.class == "person" && (n.nl-n.nf >= 2 || d.names.Known(d.low[n.nf])) {
				of = k
			}
		}
		if l == "," || l == "(" || l == "—" || l == "–" || l == "--" || l == ";" || l == ":" ||
			relatives[l] && k > a+1 || l == "-" && d.seg.Tokens[k].Start > d.seg.Tokens[k-1].End {
			end = k
			break
		}
		// "Chris Low at FTN Financial", "Comey in June": a person's name ends
		if (l == "at" || l == "in" || l == "from" || l == "on" || l == "with") && d.capName(k-1) && allCap(d, a, k) {
			end = k
			break
		}
	}
	// the appositive: ", a Clinton surrogate," or ", Phil Lovas,"
	af, al := -1, -1
	if end < b && (d.low[end] == "," || d.low[end] == "(" || d.low[end] == "—" || d.low[end] == "–" || d.low[end] == "--") {
		af = end + 1
		al = af
		for al < b && d.low[al] != "," && d.low[al] != ")" && d.low[al] != "—" && d.low[al] != "–" && d.low[al] != "--" && !relatives[d.low[al]] {
			al++
		}
	}
	if of >= 0 && of < end {
		// not in "Sens. Johnny Isakson of Georgia and John Boozman of
		// Arkansas": several people
		conj := false
		for k := of + 1; k < end; k++ {
			conj = conj || d.low[k] == "and" || d.low[k] == "&"
		}
		if !conj {
			end = of
		}
	}
	p.first, p.last = a, end
	if end-a == 1 {
		if g, pl, ok := pronounInfo(d.low[a]); ok {
			p.typ, p.head, p.gender, p.plural = tPronoun, d.low[a], g, pl
			p.nf, p.nl = a, end
			return p
		}
	}
	d.readNP(a, end, &p)
	if af >= 0 && al > af {
		var q np
		q.rf, q.rl = -1, -1
		d.readNP(af, al, &q)
		switch {
		case p.typ == tNominal && (p.class == "anonymous" || p.class == "other" && !p.plural) && q.typ == tName && q.class == "person" &&
			(q.nl-q.nf >= 2 || d.names.Known(d.low[q.nf])) && !d.hasVerb(af, q.nf):
			// "The state's campaign chairman, Phil Lovas", "One Republican
			// presidential hopeful, Carly Fiorina": the name is the
			// appositive; in "the only senator to endorse Sanders" it is
			// the verb's object
			role := [2]int{p.nf, p.nl}
			p = q
			p.first, p.last = a, end
			if p.rf < 0 {
				p.rf, p.rl = role[0], role[1]
			}
		case p.typ == tName && p.class != "organisation" && q.typ == tNominal && p.rf < 0:
			p.rf, p.rl = q.nf, q.nl // "Rendell, a Clinton surrogate"
			if p.class == "" {
				p.class = "person"
			}
		}
	}
	return p
}

// hasVerb reports a verb among tokens [a, b).
func (d *doc) hasVerb(a, b int) bool {
	for k := a; k < b; k++ {
		if isVerb(d.tags[k]) {
			return true
		}
	}
	return false
}

func allCap(d *doc, a, b int) bool {
	for k := a; k < b; k++ {
		if !d.capName(k) && !isInitial(d.word(k)) {
			return false
		}
	}
	return true
}

// readNP reads [a, b), cut of appositives, as a name or a description.
func (d *doc) readNP(a, b int, p *np) {
	// determiners and quantifiers before
	for a < b-1 {
		l := d.low[a]
		if l == "the" {
			p.definite = true
			a++
			continue
		}
		if l == "a" || l == "an" || l == "another" || l == "both" && b-a > 2 && d.capName(a+1) {
			a++
			continue
		}
		break
	}
	// a conjunction of names or phrases: several entities together; not
	// one organisation's name ("Central and East European Coalition") nor
	// one person's two roles ("the former secretary of state and current
	// nominee")
	for k := a + 1; k < b-1; k++ {
		if (d.low[k] == "and" || d.low[k] == "&") && !(allCap(d, a, k) && allCap(d, k+1, b) && orgHeads[d.low[b-1]]) &&
			!(d.tags[k-1] == tag.NN && d.tags[b-1] == tag.NN) {
			p.typ, p.nf, p.nl, p.class, p.plural = tConj, a, b, "group", true
			p.head = d.low[b-1]
			return
		}
	}
	// a possessive: "Donald Trump's presidential campaign", "Clinton's team"
	poss := -1
	for k := a; k < b; k++ {
		if d.low[k] == "'s" || d.low[k] == "’s" || d.low[k] == "'" || d.low[k] == "’" {
			poss = k
			break
		}
	}
	if poss == b-1 { // "the GOP's", "Tulsa police's": the owner alone
		b--
		poss = -1
	}
	if poss > a && b-poss-1 >= 2 && allCap(d, poss+1, b) {
		// "CNN's Dana Bash": the person, with the owner as role
		var q np
		q.rf, q.rl = -1, -1
		d.readName(poss+1, b, &q)
		if q.typ == tName && q.class == "person" {
			*p = q
			p.first, p.last = a, b
			if p.rf < 0 {
				p.rf, p.rl = a, poss
			}
			return
		}
	}
	if poss < 0 && allCap(d, a, b) {
		d.readName(a, b, p)
		if p.typ == tName && p.definite && b-a == 1 && personNouns[d.low[a]] {
			p.class = "" // "the Republican": a description
		}
		if p.typ == tName && docHeads[d.low[b-1]] && p.class != "person" && p.rf < 0 {
			p.class = "" // "a Morning Consult Poll": a document
		}
		if p.typ == tName && p.class == "" {
			p.typ = tNominal // "Protesters" at the start of a sentence
			p.nf, p.nl = a, b
			d.describe(a, b, p)
		}
		return
	}
	// a name at the end after lower-case words: "psychologist Mary Alvord"
	if poss < 0 {
		t := d.capRun(a, b)
		pre := t - 1
		for pre > a && determiners[d.low[pre]] {
			pre--
		}
		// not after a preposition or a quantifier ("a spokeswoman for
		// Hillary Clinton", "an adviser to both Clintons"), nor a lone
		// "Democrat" ("one senior Democrat")
		if t < b && t > a && !prepositionLike(d.low[pre]) && !quantifiers[d.low[pre]] && d.isWord(t-1) &&
			d.low[pre] != "'s" && d.low[pre] != "’s" && !(b-t == 1 && personNouns[d.low[t]]) {
			d.readName(t, b, p)
			if p.typ == tName && (p.class == "person" || p.class == "") {
				if p.rf < 0 {
					p.rf = a
				} else {
					p.rf = min(p.rf, a)
				}
				p.rl = max(p.rl, p.nf)
				if p.class == "" {
					p.class = "person"
				}
				return
			}
			if p.typ == tName && p.class == "organisation" {
				return // "the event organizer Alliance to Reclaim Our Schools"
			}
		}
	}
	p.typ, p.nf, p.nl = tNominal, a, b
	if poss > a {
		o := poss - 1
		if d.capName(o) || wordshape.Acronym(d.word(o)) {
			p.owner = d.low[o]
		}
	}
	d.describe(a, b, p)
}

// collectives are nouns for a number of people that take their kind from
// whom they number ("a group of senators", "crowds of protesters").
var collectives = wordset.Of("group groups crowd crowds handful number numbers bunch team teams")

func prepositionLike(l string) bool { return prepositionsLike[l] }

var prepositionsLike = wordset.Of("of for at by from with in on to about against like as and or")

// describe finds a description's head and what kind of thing it names.
func (d *doc) describe(a, b int, p *np) {
	// the head: the last word before a preposition or a clause
	h := b - 1
	for k := a + 1; k < b; k++ {
		if prepositionLike(d.low[k]) && d.low[k] != "and" || !d.isWord(k) && d.low[k] != "-" && d.seg.Tokens[k].Kind != segment.Number {
			h = k - 1
			break
		}
	}
	if h > a && (d.tags[h] == tag.JJ || d.tags[h] == tag.RB) && d.tags[h-1].IsNoun() {
		h-- // "a person close to the Clintons"
	}
	// "one of Mr. Obama's advisers", "eight in 10 voters", "small groups
	// of protesters": the quantifier's or the collective's phrase
	if (quantifiers[d.low[h]] || collectives[d.low[h]] || d.tags[h] == tag.CD) && h+1 < b && (d.low[h+1] == "of" || d.low[h+1] == "in") {
		p.plural = d.low[a] != "one" && d.low[a] != "each"
		for k := h + 2; k < b; k++ {
			if d.isWord(k) && d.low[k] != "'s" && d.low[k] != "’s" {
				h = k
			}
			if k+1 < b && prepositionLike(d.low[k+1]) {
				break
			}
		}
	}
	for h > a && (d.low[h] == "'s" || d.low[h] == "’s" || !d.isWord(h)) {
		h--
	}
	head := d.low[h]
	p.head = head
	if calendar[head] || d.tags[h] == tag.CD {
		p.class = "other"
		return
	}
	if head == "percent" || head == "%" || b-a == 1 && quantifiers[head] || head == "those" || head == "others" {
		p.class, p.plural = "group", true // "only 7 percent", "those", "many"
		return
	}
	if !p.plural {
		p.plural = d.tags[h] == tag.NNS || d.tags[h] == tag.NNPS ||
			strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") && !strings.HasSuffix(head, "us") && !strings.HasSuffix(head, "is") && len(head) > 3 && !personNouns[head] && !docHeads[head] ||
			personNouns[head] && strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss")
		if head == "people" || head == "men" || head == "women" || head == "children" || head == "police" && h > a || head == "staff" {
			p.plural = true
		}
	}
	if p.owner != "" {
		p.ownerKey = p.owner + " " + singular(head)
	} else if h > a && d.capName(h-1) && !d.sentStart(h-1) || h > a && wordshape.Acronym(d.word(h-1)) {
		// "the Clinton campaign", "a Donald Trump tweet"
		p.owner = d.low[h-1]
		p.ownerKey = p.owner + " " + singular(head)
	}
	switch {
	case docHeads[head] && !(head == "post" && h > a && d.capName(h-1)) && !(head == "paper" || head == "papers" || head == "publications") && !(p.owner == "" && orgHeads[head] && d.capName(h)):
		p.class = "document"
	case head == "papers" || head == "newspapers" || head == "publications" || head == "outlets":
		p.class = "group"
	case (orgHeads[head] || head == "police" && h > a) && !p.plural || head == "team" || head == "camp":
		p.class = "organisation"
	case personNouns[head] || p.owner != "" && d.tags[h] == tag.NN && personSuffix(head):
		if p.plural {
			p.class = "group"
		} else {
			p.class = "anonymous"
		}
	case p.plural && (personSuffix(singular(head)) || d.tags[h] == tag.NNPS || wordshape.Capitalised(d.word(h))):
		p.class = "group" // "both Clintons"
	case !p.plural && personSuffix(head):
		p.class = "anonymous"
	default:
		p.class = "other"
	}
}

// personSuffix is the ending of a word for a person ("announcer",
// "economist").
func personSuffix(w string) bool {
	for _, s := range []string{"er", "or", "ist", "ian", "ant", "ent", "ee", "man", "woman"} {
		if strings.HasSuffix(w, s) && len(w) > len(s)+2 {
			return !notPersons[w]
		}
	}
	return false
}

// notPersons end as a person's word does but name a thing ("paper",
// "statement"). Read only.
var notPersons = wordset.Of("paper letter number order matter water power center chapter border corner " +
	"disorder factor sector error mirror terror agreement statement document " +
	"government movement department comment moment element argument event percent " +
	"content intent payment amendment investment environment development management " +
	"treatment settlement announcement assessment judgment judgement endorsement " +
	"achievement committee guarantee plant grant giant restaurant warrant instant " +
	"decor floor door tower answer computer weather cancer summer winter dinner offer")

func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// nameTail continues a name that ends at b through a connector and the
// capitals after it ("the event organizer Alliance | to Reclaim Our
// Schools", "the Center | for American Progress"): the model sometimes
// stops at the connector. Words after it must all be capitalised, up to
// the name's end; a lower-case word or the end of the line stops it.
func nameTail(seg *segment.Doc, b int, adjacent func(x, y int) bool) int {
	n := len(seg.Tokens)
	if b+1 >= n || !adjacent(b-1, b) {
		return b
	}
	switch seg.Word(b) {
	case "to", "for", "of":
	default:
		return b
	}
	e := b + 1
	for e < n && e-b <= 5 && seg.Tokens[e].Kind == segment.Word && wordshape.Capitalised(seg.Word(e)) && adjacent(e-1, e) {
		e++
	}
	if e-b < 2 {
		return b
	}
	return e
}

// NounPhrase trims the source mention [first, last) to a noun phrase: a
// conjunction or subordinator before it ("But", "When"), and a
// conjunction or a verb after it ("excesses of Wall Street and", "Small
// groups of protesters continued"), are not the source. It returns an
// empty range when nothing is left.
func NounPhrase(seg *segment.Doc, tags []tag.Tag, first, last int) (int, int) {
	if first < 0 || last > len(seg.Tokens) || first >= last || len(tags) != len(seg.Tokens) {
		return first, last
	}
	a, b := first, last
	a, b = aside(seg, tags, a, b)
	// never half a name: "New" before "York City Mayor Michael Bloomberg",
	// "Clinton" after "Hillary"
	nameTok := func(k int) bool {
		return seg.Tokens[k].Kind == segment.Word && tags[k].IsProper() && wordshape.Capitalised(seg.Word(k)) &&
			!notNames[wordshape.Lower(seg.Word(k))]
	}
	adjacent := func(x, y int) bool { // tokens x and y with only spaces between
		return !strings.ContainsAny(seg.Text[seg.Tokens[x].End:seg.Tokens[y].Start], "\n\r\t")
	}
	// but an organisation's name right before a person's, with no title
	// between, is another noun phrase ("the Washington Post Trump said")
	if nameTok(a) {
		for n := 0; n < 4 && a > 0 && nameTok(a-1) && adjacent(a-1, a) && !orgThenPerson(seg, a); n++ {
			a--
		}
	}
	if nameTok(b - 1) {
		for n := 0; n < 4 && b < len(seg.Tokens) && nameTok(b) && adjacent(b-1, b) && !orgThenPerson(seg, b); n++ {
			b++
		}
		b = nameTail(seg, b, adjacent)
	}
	a, b = nameAfterOrg(seg, tags, a, b)
	// "A new ad from Donald Trump's presidential campaign is seizing on
	// …": the document is the source, not who it comes from
	a = docOwner(seg, tags, a)
	first, last = a, b
	for a < b && seg.Tokens[a].Kind == segment.Word && (leadingJunk[wordshape.Lower(seg.Word(a))] ||
		b-a > 1 && (isVerb(tags[a]) || tags[a] == tag.IN && !relatives[wordshape.Lower(seg.Word(a))])) {
		a++ // "Looks like someone"
	}
	// a finite verb after the noun ends it, unless a relative clause holds
	// it ("Trump quickly took to Twitter"; "officials who spoke")
	cut := false
	for k := a + 1; k < b; k++ {
		l := wordshape.Lower(seg.Word(k))
		if relatives[l] || l == "," {
			break
		}
		if tags[k] == tag.VBD || tags[k] == tag.VBZ || tags[k] == tag.VBP || tags[k] == tag.MD {
			b, cut = k, true
			for b > a+1 && tags[b-1] == tag.RB {
				b--
			}
			break
		}
	}
	// an aside the verb cut open is not the source ("the Washington
	// Post—even the devil can quote election statistics—observed")
	open := -1
	for k := a; k < b && cut; k++ {
		if isDash(seg.Word(k)) {
			if open < 0 {
				open = k
			} else {
				open = -1
			}
		}
	}
	if open > a {
		b = open
	}
	for b > a && seg.Tokens[b-1].Kind == segment.Word && (trailingJunk[wordshape.Lower(seg.Word(b-1))] ||
		b-a > 1 && isVerb(tags[b-1]) && !relatives[wordshape.Lower(seg.Word(b-2))]) {
		b--
	}
	// a lone adverb, preposition or gerund ("then", "Having") is no source
	lone := ""
	if b-a == 1 {
		lone = wordshape.Lower(seg.Word(a))
	}
	if a == b || lone != "" && !relatives[lone] && (tags[a] == tag.RB || tags[a] == tag.IN || tags[a] == tag.VBG ||
		tags[a] == tag.CC || tags[a] == tag.WRB) {
		return first, first
	}
	return a, toHead(seg, tags, a, b)
}

// toHead runs a source of determiners, numbers and adjectives alone ("A",
// "Many", "Small") on to its noun ("A group of doctors", "Many
// Republicans", "Small groups of protesters"): the labeller, made to
// find the speaker before a participle's clause (learned's
// participleSubject), sometimes stops at the phrase's first word. It
// goes through one "of" and stops at anything else, within maxHead
// words.
func toHead(seg *segment.Doc, tags []tag.Tag, a, b int) int {
	for k := a; k < b; k++ {
		if t := tags[k]; t.IsNoun() || t == tag.PRP || t == tag.WP || seg.Tokens[k].Kind != segment.Word {
			return b
		}
	}
	e, of := b, false // b > a: NounPhrase returns an empty phrase before this
	for e < len(tags) && e < b+maxHead && seg.Tokens[e].Kind == segment.Word {
		t := tags[e]
		if t.IsNoun() || t == tag.JJ || t == tag.CD || t == tag.DT && tags[e-1] == tag.IN {
			e++
			continue
		}
		if !of && wordshape.Lower(seg.Word(e)) == "of" && tags[e-1].IsNoun() {
			of = true
			e++
			continue
		}
		break
	}
	for e > b && !tags[e-1].IsNoun() {
		e-- // end on the noun
	}
	return e
}

// maxHead bounds how far toHead runs.
const maxHead = 6

func isDash(l string) bool { return l == "--" || l == "—" || l == "–" }

// aside moves a source that is only the end of an aside between dashes
// ("John Dickey, the chief executive of Ora Media -- the production
// company that …, which is also streamed on Hulu and Ora's site -- told
// me") to the subject before the aside: the sentence's words up to the
// opening dash. The closing dash may be the source's last token or the
// one right after it; it closes an aside when an odd number of dashes
// come before it in the sentence.
func aside(seg *segment.Doc, tags []tag.Tag, a, b int) (int, int) {
	c := b - 1 // the closing dash
	if b-a < 2 || seg.Tokens[c].Kind == segment.Word || !isDash(seg.Word(c)) {
		// a dash after the source closes the aside only when the verb
		// follows it ("… Ora's site -- told me"): in "— often labeled a
		// witch hunt by Democrats — it seems" the source is the aside's
		c = b
		if b >= len(seg.Tokens) || seg.Tokens[c].Kind == segment.Word || !isDash(seg.Word(c)) {
			return a, b
		}
		v := c + 1
		if v < len(tags) && tags[v] == tag.RB {
			v++
		}
		if v >= len(tags) || !tags[v].IsFinite() && tags[v] != tag.VBN {
			return a, b
		}
	}
	for k := a; k < c; k++ {
		if isDash(seg.Word(k)) {
			return a, b
		}
	}
	sent := seg.SentenceAt(int(seg.Tokens[a].Start))
	if seg.SentenceAt(int(seg.Tokens[c].Start)) != sent {
		return a, b
	}
	// "Smith -- a spokesman -- said": a dash opening an aside after the
	// source leaves it alone
	dashes := 0
	for k := a - 1; k >= 0 && a-k <= 2*maxMention && seg.SentenceAt(int(seg.Tokens[k].Start)) == sent; k-- {
		if isDash(seg.Word(k)) {
			dashes++
		}
	}
	if dashes%2 == 0 {
		return a, b
	}
	for k := a - 1; k > 0 && a-k <= maxMention; k-- {
		if seg.SentenceAt(int(seg.Tokens[k].Start)) != sent {
			return a, b
		}
		if !isDash(seg.Word(k)) {
			continue
		}
		// the subject: back to the sentence's start or a comma; past the
		// comma when what follows it is an appositive of a name ("John
		// Dickey, the chief executive of Ora Media --")
		s := k
		for s > 0 && k-s < maxMention && seg.SentenceAt(int(seg.Tokens[s-1].Start)) == sent && seg.Word(s-1) != "," {
			s--
		}
		if s > 1 && s < k && seg.Word(s-1) == "," && determiners[wordshape.Lower(seg.Word(s))] {
			n := s - 1
			for n > 0 && s-1-n < 4 && seg.Tokens[n-1].Kind == segment.Word && wordshape.Capitalised(seg.Word(n-1)) &&
				seg.SentenceAt(int(seg.Tokens[n-1].Start)) == sent {
				n--
			}
			if n < s-1 {
				s = n
			}
		}
		if s < k && seg.Tokens[s].Kind == segment.Word {
			return s, c + 1
		}
		return a, b
	}
	return a, b
}

// nameAfterOrg cuts a source that ends in a person's name written right
// after an organisation's, just before a verb ("the editorial board of the
// Washington Post Trump said") to that name: with no title between them
// they are two noun phrases, and the name is the one that speaks.
func nameAfterOrg(seg *segment.Doc, tags []tag.Tag, a, b int) (int, int) {
	k := b
	for k > a && b-k < 3 && seg.Tokens[k-1].Kind == segment.Word && tags[k-1] == tag.NNP && wordshape.Capitalised(seg.Word(k-1)) {
		l := wordshape.Lower(seg.Word(k - 1))
		if orgHeads[l] || titles[l] || docHeads[l] || notNames[l] {
			break
		}
		k--
	}
	if k == b || k-1 <= a || seg.Tokens[k-1].Kind != segment.Word || !tags[k-1].IsProper() ||
		b >= len(seg.Tokens) || !(tags[b] == tag.VBD || tags[b] == tag.VBZ || tags[b] == tag.VBP || tags[b] == tag.MD) {
		return a, b
	}
	if !orgThenPerson(seg, k) || strings.ContainsAny(seg.Text[seg.Tokens[k-1].End:seg.Tokens[k].Start], "\n\r\t") {
		return a, b
	}
	return k, b
}

// orgThenPerson reports an organisation's name ending just before token k
// and a person's name starting at k, with no title in either ("the
// Washington Post Trump said"): two noun phrases, where "Secretary of
// State John Kerry", "State Department" and "The Daily Caller" are one.
func orgThenPerson(seg *segment.Doc, k int) bool {
	if k < 1 || k >= len(seg.Tokens) || seg.Tokens[k].Kind != segment.Word || seg.Tokens[k-1].Kind != segment.Word {
		return false
	}
	l, w := wordshape.Lower(seg.Word(k-1)), seg.Word(k)
	r := wordshape.Lower(w)
	if !orgHeads[l] || titles[l] || !wordshape.Capitalised(w) || wordshape.Acronym(w) || orgHeads[r] || titles[r] || docHeads[r] || connectors[r] {
		return false
	}
	// the organisation's name: two capitalised words or more after "the"
	// ("The Daily Caller" is one name); a title among them makes them a
	// role ("Secretary of State John Kerry")
	for j := k - 2; j >= 0 && k-j <= 6 && seg.Tokens[j].Kind == segment.Word; j-- {
		lj := wordshape.Lower(seg.Word(j))
		if titles[lj] {
			return false
		}
		if lj == "the" {
			return k-1-j >= 2
		}
		if !wordshape.Capitalised(seg.Word(j)) && !connectors[lj] {
			return false
		}
	}
	return false
}

// docOwner extends a source that follows "from" or "by" after a document
// noun to that document's noun phrase, when the phrase opens a clause: a
// determiner, then at most three adjectives or nouns, then the noun. It
// returns where the source starts.
func docOwner(seg *segment.Doc, tags []tag.Tag, a int) int {
	if a < 2 {
		return a
	}
	if l := wordshape.Lower(seg.Word(a - 1)); l != "from" && l != "by" {
		return a
	}
	h := a - 2
	if seg.Tokens[h].Kind != segment.Word || !docHeads[wordshape.Lower(seg.Word(h))] || !tags[h].IsNoun() {
		return a
	}
	for k := h - 1; k >= 0 && h-k <= 4; k-- {
		if seg.Tokens[k].Kind != segment.Word {
			return a
		}
		l := wordshape.Lower(seg.Word(k))
		if l == "a" || l == "an" || l == "the" || l == "this" || l == "that" {
			if k == 0 || seg.Tokens[k-1].Kind != segment.Word || leadingJunk[wordshape.Lower(seg.Word(k-1))] ||
				seg.SentenceAt(int(seg.Tokens[k-1].Start)) != seg.SentenceAt(int(seg.Tokens[k].Start)) {
				return k
			}
			return a
		}
		if tags[k] != tag.JJ && !tags[k].IsNoun() {
			return a
		}
	}
	return a
}

func isVerb(t tag.Tag) bool {
	switch t {
	case tag.VB, tag.VBD, tag.VBG, tag.VBN, tag.VBP, tag.VBZ, tag.MD:
		return true
	}
	return false
}
