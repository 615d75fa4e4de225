// Package entity finds who each source of an article really is. It reads
// the whole article, not only the mentions at cues: every proper-noun run
// (people, organisations, places acting), the source mentions the
// attribution stage found, their titles, roles and appositions. It groups
// them into entities (full name, surname and honorific plus surname;
// acronym and expansion; description and the name it stands for),
// resolves pronouns by gender, number, salience and recency, gives each
// entity a kind and the name a reader would use, and returns the roster.
//
// Every look-back is bounded (a window of recent mentions, map lookups by
// key), so the cost stays linear in the length of the article.
package entity

import (
	"math"
	"sort"
	"strings"

	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
	"github.com/whosaid/whosaid/internal/wordset"
	"github.com/whosaid/whosaid/internal/wordshape"
)

// Kinds of entity.
const (
	Person       = "person"
	Anonymous    = "anonymous"
	Organisation = "organisation"
	Group        = "group"
	Document     = "document"
	Other        = "other"
)

// Mention is a source mention: the token range [First, Last) of the
// segmented article.
type Mention struct {
	First, Last int
	// RefFirst, RefLast is the noun phrase a relative pronoun ("who")
	// stands for, when the attribution stage found it; equal when none.
	RefFirst, RefLast int
	// Speaker is the index of the mention that speaks the quotation this
	// mention stands in ("“I think …,” said Fowler"), or -1.
	Speaker int
	// ContentStart, ContentEnd are the byte offsets of what this source
	// says (first part to last), when known: a name said there ("my
	// counterpart, Mike Pompeo") is not the speaker.
	ContentStart, ContentEnd int
	// Label is set for a transcript's speaker label ("PENCE:", "JAKE
	// TAPPER:"): its capitals are a person's name, not an acronym.
	Label bool
}

// Entity is one real speaker: its display name, role, kind, the other
// names the article gives it and its source mentions.
type Entity struct {
	Name     string
	Role     string   // "FBI Director"; "" when the article gives none
	Kind     string   // Person, Anonymous, Organisation, Group, Document or Other
	Aliases  []string // the other names the article uses for it
	Mentions []int    // indices into the mentions given to Resolve, in order
}

// quotedW weighs a mention inside quotation marks.
const quotedW = 0.25

// window is how many recent mentions a pronoun or description weighs, and
// horizon how many sentences back they count.
const (
	window  = 48
	horizon = 6
)

type ent struct {
	kind      string
	name      string // the best name or description so far
	nameLen   int    // its length in words
	named     bool   // the name is a proper name
	first     string // lower-cased first name of a person
	last      string // lower-cased surname of a person
	gender    byte
	plural    bool
	role      string
	roles     map[string]bool // lower-cased, spelled-out role words
	described map[string]bool // heads of the descriptions that stand for it ("nominee")
	head      string          // a description's head noun
	aliases   []string
	mentions  []int
	count     int
	pronOnly  string // the pronoun that made it, while it has only pronouns
	firstSent int32  // the sentence of its first mention
	// ctx holds the organisations its source mentions name, with their
	// clauses ("Don Fowler, who helmed the DNC" → "dnc")
	ctx map[string]bool
}

type rec struct {
	e    int
	sent int32
	pos  int32 // byte offset of the mention
	w    float32
}

type resolver struct {
	d         *doc
	ents      []*ent
	byKey     map[string]int
	bySurname map[string][]int
	byRole    map[string][]int
	recent    []rec
	entOf     []int  // entity of each source mention, -1 none
	persons   []int  // the people named as sources, in order
	content   [2]int // byte span of what the source being linked says
	guess     bool   // the source being linked went to the salient person
	// genderBonus favours, while a pronoun is resolved, the entities known
	// to have its gender
	genderBonus byte
	guessed     []bool // source mentions that did
}

// Resolve groups the source mentions into entities, in order of first
// mention. names tells first names' genders (DefaultNames()).
func Resolve(seg *segment.Doc, tags []tag.Tag, names *Names, ms []Mention) []Entity {
	if len(ms) == 0 || len(tags) != len(seg.Tokens) {
		return nil
	}
	d := newDoc(seg, tags, names)
	r := &resolver{d: d, byKey: map[string]int{}, bySurname: map[string][]int{},
		byRole: map[string][]int{}, entOf: make([]int, len(ms)), guessed: make([]bool, len(ms))}
	// read every source mention; its head part hides the name runs in it
	// the surnames of the article's full names first: they are names even
	// at the start of a sentence ("Sanders told MSNBC")
	d.surnames = map[string]bool{}
	for _, rn := range d.runs(make([]bool, len(seg.Tokens))) {
		var p np
		d.readName(rn[0], rn[1], &p)
		if p.typ == tName && p.class == Person && p.nl-p.nf >= 2 {
			d.surnames[d.low[p.nl-1]] = true
		}
	}
	clear(d.capCache) // the surnames change what is a name
	nps := make([]np, len(ms))
	order := make([]int, len(ms))
	for i, m := range ms {
		nps[i] = d.analyse(m.First, m.Last)
		if m.Label && m.First >= 0 && m.Last <= len(seg.Tokens) && m.First < m.Last {
			nps[i] = np{typ: tName, class: Person, first: m.First, last: m.Last, nf: m.First, nl: m.Last, rf: -1, rl: -1, label: true}
		}
		order[i] = i
		r.entOf[i] = -1
	}
	sort.SliceStable(order, func(x, y int) bool { return ms[order[x]].First < ms[order[y]].First })
	// a source that is a name hides the runs in it; the names inside a
	// description ("an analysis by Lily Batchelder") are read as runs
	covered := make([]bool, len(seg.Tokens))
	for _, p := range nps {
		if p.typ != tName {
			continue
		}
		for k := max(p.first, 0); k < p.last && k < len(covered); k++ {
			covered[k] = true
		}
	}
	runs := d.runs(covered)
	// one pass in text order over the runs and the source mentions
	ri, oi := 0, 0
	for ri < len(runs) || oi < len(order) {
		if oi >= len(order) || ri < len(runs) && runs[ri][0] < ms[order[oi]].First {
			r.run(runs[ri][0], runs[ri][1])
			ri++
			continue
		}
		i := order[oi]
		oi++
		r.source(i, ms[i], nps[i])
	}
	// a quotation's "I" is its speaker
	for i, m := range ms {
		if m.Speaker < 0 || m.Speaker >= len(ms) || r.entOf[m.Speaker] < 0 || nps[i].typ != tPronoun {
			continue
		}
		switch nps[i].head {
		case "i", "me", "my", "we", "us", "our":
			if e := r.entOf[i]; e >= 0 {
				r.ents[e].mentions = remove(r.ents[e].mentions, i)
			}
			to := r.entOf[m.Speaker]
			r.entOf[i] = to
			r.ents[to].mentions = append(r.ents[to].mentions, i)
		}
	}
	r.signatures(ms, nps)
	r.cataphora(ms, nps)
	return r.roster(ms)
}

// cataphora gives a description that comes before the name it stands for
// to that name, when the name's role repeats the description's title
// ("The New York state attorney general is confirming …" … "Attorney
// General Eric Schneiderman"), a few sentences on.
func (r *resolver) cataphora(ms []Mention, nps []np) {
	d := r.d
	for i, p := range nps {
		e := r.entOf[i]
		if e < 0 || p.typ != tNominal || !p.definite || !r.guessed[i] && (r.ents[e].kind != Anonymous || r.ents[e].named) {
			continue
		}
		head := roleOf(p.head)
		var words []string
		for k := p.nf; k < p.nl; k++ {
			l := roleOf(d.low[k])
			if titles[l] && l != head {
				words = append(words, l)
			}
		}
		for _, c := range r.byRole[head] {
			x := r.ents[c]
			if x.kind != Person || c == e || x.firstSent < d.sent[ms[i].First] || x.firstSent-d.sent[ms[i].First] > horizon {
				continue
			}
			all := true
			for _, w := range words {
				if !x.roles[w] {
					all = false
				}
			}
			if !all {
				continue
			}
			if r.guessed[i] {
				// only this mention moves: the guess was the salient person
				r.ents[e].mentions = remove(r.ents[e].mentions, i)
				r.entOf[i] = c
				x.mentions = append(x.mentions, i)
				break
			}
			for _, mi := range r.ents[e].mentions {
				r.entOf[mi] = c
				x.mentions = append(x.mentions, mi)
			}
			x.aliases = append(x.aliases, r.ents[e].name)
			r.ents[e].mentions = nil
			break
		}
	}
	r.ledeCataphora(ms, nps)
}

// ledeCataphora gives a description of a person that names an
// organisation ("A former DNC chairman says …") to the first person named
// a few sentences on whose mention names that organisation too ("said Don
// Fowler, who helmed the DNC"): the lede's way of introducing a speaker.
func (r *resolver) ledeCataphora(ms []Mention, nps []np) {
	d := r.d
	// the people by the sentence they first come up in, for a bounded scan
	byFirst := append([]int(nil), r.persons...)
	sort.SliceStable(byFirst, func(a, b int) bool { return r.ents[byFirst[a]].firstSent < r.ents[byFirst[b]].firstSent })
	for i, p := range nps {
		e := r.entOf[i]
		if e < 0 || p.typ != tNominal || r.ents[e].kind != Anonymous || r.ents[e].named || r.ents[e].plural ||
			len(r.ents[e].mentions) == 0 || r.ents[e].mentions[0] != i {
			continue
		}
		head := roleOf(p.head)
		if !titles[head] && !describesPerson[head] {
			continue
		}
		keys := r.orgKeys(p.nf, p.nl)
		if len(keys) == 0 {
			continue
		}
		from := d.sent[ms[i].First]
		best := -1
		j := sort.Search(len(byFirst), func(j int) bool { return r.ents[byFirst[j]].firstSent > from })
		for n := 0; j < len(byFirst) && n < maxSame && r.ents[byFirst[j]].firstSent-from <= horizon; j, n = j+1, n+1 {
			c := byFirst[j]
			x := r.ents[c]
			if x.kind != Person || !x.named || c == e || len(x.mentions) == 0 {
				continue
			}
			all := true
			for _, k := range keys {
				if !x.ctx[k] {
					all = false
				}
			}
			if all {
				best = c
				break // the first named
			}
		}
		if best < 0 {
			continue
		}
		x := r.ents[best]
		for _, mi := range r.ents[e].mentions {
			r.entOf[mi] = best
			x.mentions = append(x.mentions, mi)
		}
		x.aliases = append(x.aliases, r.ents[e].name)
		r.ents[e].mentions = nil
	}
}

// orgKeys are the organisations a stretch of text names, as lower-cased
// acronyms ("Democratic National Committee" and "DNC" are both "dnc").
func (r *resolver) orgKeys(a, b int) []string {
	d := r.d
	var keys []string
	for k := a; k < b; {
		w := d.word(k)
		if wordshape.Acronym(w) && !isInitial(w) && len(w) > 1 {
			keys = append(keys, d.low[k])
			k++
			continue
		}
		if d.capName(k) {
			j := k
			for j < b && d.capName(j) && !wordshape.Acronym(d.word(j)) {
				j++
			}
			if j-k >= 2 && (orgHeads[d.low[j-1]] || hasOrgWord(d, k, j)) {
				if acr := r.initials(k, j); acr != "" {
					keys = append(keys, acr)
				}
			}
			if j > k {
				k = j
				continue
			}
		}
		k++
	}
	return keys
}

// signatures gives an "I" that no quotation or speaker explains to the
// name signed below it: a paragraph that is only a person's name, within
// a few paragraphs after (letters to the editor, opinion pieces).
func (r *resolver) signatures(ms []Mention, nps []np) {
	d := r.d
	for i, m := range ms {
		if nps[i].typ != tPronoun || m.Speaker >= 0 {
			continue
		}
		switch nps[i].head {
		case "i", "me", "my":
		default:
			continue
		}
		e := r.entOf[i]
		if e < 0 || r.ents[e].pronOnly == "" {
			continue
		}
		pi := d.seg.ParaAt(int(d.seg.Tokens[m.First].Start))
		for pj := pi + 1; pj < len(d.seg.Paras) && pj <= pi+6; pj++ {
			a, b, ok := d.signature(pj)
			if !ok {
				continue
			}
			var p np
			p.rf, p.rl = -1, -1
			d.readName(a, b, &p)
			if p.typ != tName || p.class != Person {
				continue
			}
			to := r.findPerson(&p, true)
			r.ents[e].mentions = remove(r.ents[e].mentions, i)
			r.entOf[i] = to
			r.ents[to].mentions = append(r.ents[to].mentions, i)
			break
		}
	}
}

// signature reports a paragraph that is one person's name and nothing
// else ("Chris Smith."), and the name's tokens.
func (d *doc) signature(pj int) (int, int, bool) {
	p := d.seg.Paras[pj]
	if p.Last-p.First != 1 {
		return 0, 0, false
	}
	s := d.seg.Sentences[p.First]
	a, b := s.First, s.Last
	for b > a && !d.isWord(b-1) {
		b--
	}
	if b-a < 2 || b-a > 4 {
		return 0, 0, false
	}
	for k := a; k < b; k++ {
		if !wordshape.Capitalised(d.word(k)) {
			return 0, 0, false
		}
	}
	return a, b, true
}

// maxSame is how many entities one surname or role word keeps, the most
// recent: a lookup stays bounded whatever the text.
const maxSame = 16

func capped(xs []int) []int {
	if len(xs) > maxSame {
		return xs[len(xs)-maxSame:]
	}
	return xs
}

func remove(xs []int, x int) []int {
	for j, y := range xs {
		if y == x {
			return append(xs[:j], xs[j+1:]...)
		}
	}
	return xs
}

// runs finds the proper-noun runs of the article outside the source
// mentions' heads: maximal capitalised sequences, joined by "of", "for",
// "to", "on", "the" when more capitals follow.
func (d *doc) runs(covered []bool) [][2]int {
	var out [][2]int
	n := len(d.seg.Tokens)
	for k := 0; k < n; {
		if covered[k] || !d.capName(k) {
			k++
			continue
		}
		a := k
		for k < n && !covered[k] && d.sent[k] == d.sent[a] {
			if d.capName(k) || isInitial(d.word(k)) && k > a {
				k++
				continue
			}
			if connectors[d.low[k]] && d.low[k] != "and" && d.low[k] != "&" && k+1 < n && !covered[k+1] && d.capName(k+1) && d.sent[k+1] == d.sent[a] {
				k++
				continue
			}
			break
		}
		b := k
		for b > a && connectors[d.low[b-1]] {
			b--
		}
		if b > a {
			out = append(out, [2]int{a, b})
		}
		if k == a {
			k++
		}
	}
	return out
}

// note records a mention of entity e for salience.
func (r *resolver) note(e int, k int, w float32) {
	if r.d.quoted[k] {
		w *= quotedW // a name inside a quotation is the speaker's topic, not the article's
	}
	if r.ents[e].count == 0 {
		r.ents[e].firstSent = r.d.sent[k]
	}
	r.recent = append(r.recent, rec{e: e, sent: r.d.sent[k], pos: r.d.seg.Tokens[k].Start, w: w})
	if len(r.recent) > window {
		r.recent = r.recent[len(r.recent)-window:]
	}
	r.ents[e].count++
}

// salience scores the entities mentioned lately, as of token k, leaving
// out the mentions inside what the source at k says.
func (r *resolver) salience(k int, ok func(*ent) bool) (int, float32) {
	cur := r.d.sent[k]
	cs, ce := r.content[0], r.content[1]
	best, bestS := -1, float32(0)
	// few entities: score each candidate over the window
	var seen [window]int
	ns := 0
	for i := len(r.recent) - 1; i >= 0; i-- {
		e := r.recent[i].e
		dup := false
		for _, x := range seen[:ns] {
			if x == e {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		seen[ns] = e
		ns++
		if !ok(r.ents[e]) {
			continue
		}
		var s float32
		for _, x := range r.recent {
			if x.e != e {
				continue
			}
			dist := cur - x.sent
			if dist > horizon || dist < 0 || int(x.pos) >= cs && int(x.pos) < ce {
				continue
			}
			s += x.w / float32(int(1)<<dist)
		}
		if s == 0 {
			continue
		}
		// the article's main players stay salient
		s += 0.5 * float32(math.Log1p(float64(r.ents[e].count)))
		if r.genderBonus != genderNone && r.ents[e].gender == r.genderBonus {
			s += 0.5 // known to agree beats not known to disagree
		}
		if s > bestS {
			best, bestS = e, s
		}
	}
	return best, bestS
}

func (r *resolver) newEnt(kind string) int {
	r.ents = append(r.ents, &ent{kind: kind})
	return len(r.ents) - 1
}

// norm is a key for a name or a description.
func norm(s string) string {
	s = strings.ReplaceAll(strings.ToLower(s), "’", "'")
	s = strings.TrimSuffix(s, "'s")
	s = strings.TrimSuffix(s, "'")
	for _, det := range []string{"the ", "a ", "an "} {
		s = strings.TrimPrefix(s, det)
	}
	return strings.Join(strings.Fields(s), " ")
}

// run links a proper-noun run that is not a source: it counts for
// salience and gives names, roles and genders.
func (r *resolver) run(a, b int) {
	var p np
	p.rf, p.rl = -1, -1
	r.d.readName(a, b, &p)
	if p.typ != tName {
		return
	}
	if p.class == Person && p.rf < 0 && a > 0 && locative[r.d.low[a-1]] {
		return // "in Fort Pierce": a place, not a person
	}
	switch p.class {
	case Person:
		r.d.runRole(a, b, &p)
		single := p.nl-p.nf == 1
		if single && p.rf < 0 {
			// a lone capitalised word: only a known surname counts, and
			// "Republican" or "Senator" is nobody's
			if personNouns[r.d.low[p.nf]] || titles[r.d.low[p.nf]] {
				return
			}
			e := r.findPerson(&p, false)
			if e >= 0 {
				r.note(e, a, 1)
			}
			return
		}
		e := r.findPerson(&p, true)
		r.addRole(e, &p)
		r.note(e, a, 1)
	case Organisation:
		e := r.findOrg(&p, true)
		r.note(e, a, 0.5)
	}
}

// runRole finds the role written around a person's name that is not a
// source: "Republican presidential nominee Donald Trump", "Donald Trump,
// the Republican nominee,". Six words at most each side.
func (d *doc) runRole(a, b int, p *np) {
	if p.rf >= 0 {
		return
	}
	if a > 0 && (titles[d.low[a-1]] || personNouns[d.low[a-1]]) && !quantifiers[d.low[a-1]] && !wordshape.Capitalised(d.word(a-1)) {
		f := a - 1
		for f > 0 && a-f < 6 && d.sent[f-1] == d.sent[a] && d.isWord(f-1) && !determiners[d.low[f-1]] &&
			(d.tags[f-1] == tag.JJ || d.tags[f-1].IsNoun() || titles[d.low[f-1]]) && !prepositionLike(d.low[f-1]) {
			f--
		}
		p.rf, p.rl = f, a
		return
	}
	if b+2 < len(d.low) && d.low[b] == "," && determiners[d.low[b+1]] {
		e := b + 2
		for e < len(d.low) && e-b < 8 && d.isWord(e) && d.sent[e] == d.sent[b] && !prepositionLike(d.low[e]) && !relatives[d.low[e]] {
			e++
		}
		if e > b+2 && e < len(d.low) && (d.low[e] == "," || d.low[e] == ".") && (titles[d.low[e-1]] || personNouns[d.low[e-1]]) {
			p.rf, p.rl = b+2, e
		}
	}
}

// personKey splits a person's name into first name and surname.
func (r *resolver) personNames(p *np) (first, last string, n int) {
	d := r.d
	nl := p.nl
	for nl > p.nf+1 && suffixes[d.low[nl-1]] {
		nl--
	}
	last = strings.TrimSuffix(strings.TrimSuffix(d.low[nl-1], "'s"), "’s")
	if nl-p.nf >= 2 && !isInitial(d.word(p.nf)) {
		first = d.low[p.nf]
	}
	return first, last, nl - p.nf
}

// findPerson returns the person entity the name p names, making one when
// create is set and none fits.
func (r *resolver) findPerson(p *np, create bool) int {
	d := r.d
	first, last, n := r.personNames(p)
	full := norm(d.text(p.nf, p.nl))
	if e, ok := r.byKey["p:"+full]; ok {
		r.upgradePerson(e, p, first, last, n)
		return e
	}
	best, bestS := -1, -1
	for _, e := range r.bySurname[last] {
		x := r.ents[e]
		if x.gender != genderNone && p.gender != genderNone && x.gender != p.gender {
			continue
		}
		if first != "" && x.first != "" && first != x.first && !strings.HasPrefix(x.first, first) && !strings.HasPrefix(first, x.first) {
			continue
		}
		s := x.count
		if first != "" && first == x.first {
			s += 1000
		}
		if p.gender != genderNone && x.gender == p.gender {
			s += 500
		}
		if s > bestS || s == bestS && e > best {
			best, bestS = e, s
		}
	}
	if best < 0 && first == "" {
		// one name alone may be the first name of someone already named
		// ("Hillary"): never guess; it stays its own person
		if !create {
			return -1
		}
	}
	e := best
	if e < 0 {
		if !create {
			return -1
		}
		e = r.newEnt(Person)
		r.bySurname[last] = capped(append(r.bySurname[last], e))
	}
	r.byKey["p:"+full] = e
	r.upgradePerson(e, p, first, last, n)
	return e
}

func (r *resolver) upgradePerson(e int, p *np, first, last string, n int) {
	x := r.ents[e]
	x.kind = Person
	x.pronOnly = ""
	if x.last == "" {
		x.last = last
	}
	if p.gender != genderNone && x.gender == genderNone {
		x.gender = p.gender
	}
	name := r.d.text(p.nf, p.nl)
	if p.label {
		n = 0 // a name the article writes in lower case too names the speaker better
	}
	if first != "" && x.first == "" {
		x.first = first
	}
	if n > x.nameLen || !x.named {
		if x.name != "" && x.name != name {
			x.aliases = append(x.aliases, x.name)
		}
		x.name, x.nameLen, x.named = name, n, true
	} else if name != x.name && n > 1 {
		x.aliases = append(x.aliases, name)
	}
}

// initials of an organisation's name ("Federal Bureau of Investigation"
// → "fbi").
func (r *resolver) initials(a, b int) string {
	if b-a < 2 {
		return ""
	}
	var sb strings.Builder
	for k := a; k < b; k++ {
		l := r.d.low[k]
		if initialsSkip[l] || !r.d.isWord(k) {
			continue
		}
		if !wordshape.Capitalised(r.d.word(k)) {
			return ""
		}
		sb.WriteString(l[:1])
	}
	return sb.String()
}

// findOrg returns the organisation entity the name p names.
func (r *resolver) findOrg(p *np, create bool) int {
	d := r.d
	key := norm(d.text(p.nf, p.nl))
	if e, ok := r.byKey["o:"+key]; ok {
		r.upgradeOrg(e, p)
		return e
	}
	acr := r.initials(p.nf, p.nl)
	e := -1
	if acr != "" && len(acr) >= 2 {
		if x, ok := r.byKey["o:"+acr]; ok {
			e = x
		}
	}
	last := d.low[p.nl-1]
	if e < 0 && p.nl-p.nf == 1 && orgHeads[last] {
		// "the Post" after "The Washington Post"
		if x, ok := r.byKey["o-last:"+last]; ok {
			e = x
		}
	}
	if e < 0 {
		if !create {
			return -1
		}
		e = r.newEnt(Organisation)
	}
	r.byKey["o:"+key] = e
	if p.nl-p.nf >= 2 && orgHeads[last] {
		r.byKey["o-last:"+last] = e
	}
	if acr != "" && len(acr) >= 2 {
		if _, ok := r.byKey["o:"+acr]; !ok {
			r.byKey["o:"+acr] = e
		}
	}
	r.upgradeOrg(e, p)
	return e
}

func (r *resolver) upgradeOrg(e int, p *np) {
	x := r.ents[e]
	x.kind = Organisation
	x.pronOnly = ""
	a := p.nf
	if r.d.low[a] == "the" {
		a++
	}
	name := r.d.text(a, p.nl)
	n := p.nl - a
	if !x.named || n > x.nameLen {
		if x.name != "" && x.name != name {
			x.aliases = append(x.aliases, x.name)
		}
		x.name, x.nameLen, x.named = name, n, true
	} else if name != x.name {
		x.aliases = append(x.aliases, name)
	}
}

// addRole keeps a person's title or role ("FBI Director").
func (r *resolver) addRole(e int, p *np) {
	if e < 0 || p.rf < 0 || p.rl <= p.rf {
		return
	}
	d := r.d
	a, b := p.rf, p.rl
	for a < b && (determiners[d.low[a]] || !d.isWord(a) || courtesy[d.low[a]]) {
		a++
	}
	for b > a && (!d.isWord(b-1) || d.low[b-1] == "and") {
		b--
	}
	if a >= b {
		return
	}
	x := r.ents[e]
	if x.role == "" {
		x.role = d.text(a, b)
	}
	if x.roles == nil {
		x.roles = map[string]bool{}
	}
	for k := a; k < b; k++ {
		l := roleOf(d.low[k])
		if !x.roles[l] {
			x.roles[l] = true
			if personNouns[l] || titles[l] {
				r.byRole[l] = capped(append(r.byRole[l], e))
			}
		}
	}
}

// source links one source mention.
func (r *resolver) source(i int, m Mention, p np) {
	d := r.d
	r.content, r.guess = [2]int{m.ContentStart, m.ContentEnd}, false
	defer func() { r.content = [2]int{} }()
	e := -1
	at := max(p.first, 0)
	switch p.typ {
	case tName:
		switch p.class {
		case Person:
			e = r.findPerson(&p, true)
			r.addRole(e, &p)
			x := r.ents[e]
			if x.ctx == nil {
				x.ctx = map[string]bool{}
				r.persons = append(r.persons, e)
			}
			for _, k := range r.orgKeys(m.First, min(m.Last, m.First+maxMention)) {
				if len(x.ctx) < 32 {
					x.ctx[k] = true
				}
			}
		case Organisation:
			e = r.findOrg(&p, true)
		default:
			e = r.describe(&p)
		}
	case tNominal, tConj:
		e = r.describe(&p)
	case tPronoun:
		e = r.pronoun(i, m, &p)
	}
	if e < 0 {
		return
	}
	r.entOf[i] = e
	r.guessed[i], r.guess = r.guess, false
	x := r.ents[e]
	x.mentions = append(x.mentions, i)
	if at < len(d.sent) {
		r.note(e, at, 3)
	}
}

// describe links a description: to the name it stands for when the
// article ties them ("the campaign", "the Indiana governor"), else to the
// same description said before, else to a new entity.
func (r *resolver) describe(p *np) int {
	d := r.d
	a := p.nf
	for a < p.nl-1 && (d.low[a] == "the" || d.low[a] == "a" || d.low[a] == "an") {
		a++
	}
	desc := d.text(a, p.nl)
	kind := p.class
	if kind == "" {
		kind = Other
	}
	if p.typ == tConj {
		kind = Group
	}
	key := kind[:1] + ":" + r.descKey(a, p.nl)
	if p.ownerKey != "" && (kind == Organisation || kind == Document) {
		key = kind[:1] + ":" + p.ownerKey
	}
	head := p.head
	fits := func(x *ent) bool {
		return x.kind == kind && (x.head == head || strings.Contains(strings.ToLower(x.name), head) ||
			kind == Organisation && genericOrg(head))
	}
	if e, ok := r.byKey[key]; ok {
		// "lending legitimacy to a network that …", then sentences on
		// "The network said": the named organisation in view, when the
		// one the description made is out of view; a place acting is no
		// network or newspaper
		if p.definite && p.owner == "" && !p.plural && kind == Organisation && !r.ents[e].named {
			old := r.ents[e]
			if o, _ := r.salience(p.first, func(x *ent) bool { return x == old }); o < 0 {
				if n, _ := r.salience(p.first, func(x *ent) bool {
					l := strings.ToLower(x.name)
					return x.named && fits(x) && !places[l] && !usStates[l]
				}); n >= 0 {
					e = n
				}
			}
		}
		r.upgradeDesc(e, p, desc, p.nl-a)
		return e
	}
	e := -1
	if p.definite && (p.owner == "" || kind == Anonymous) && !p.plural {
		switch kind {
		case Organisation, Document:
			var so float32
			e, so = r.salience(p.first, fits)
			if kind == Organisation && personal[head] {
				// "Hillary Clinton plans … The campaign says": the campaign
				// of the person in view, when they are more in view than any
				// campaign
				pe, sp := r.salience(p.first, func(x *ent) bool { return x.kind == Person && x.named && x.last != "" })
				if pe >= 0 && sp > so {
					x := r.ents[pe]
					okey := "o:" + x.last + " " + head
					if oe, ok := r.byKey[okey]; ok {
						e = oe
					} else {
						e = r.newEnt(Organisation)
						r.ents[e].head = head
						r.ents[e].name, r.ents[e].nameLen = x.name+"’s "+head, 3
						r.byKey[okey] = e
					}
				}
			}
		case Anonymous:
			e = r.byDescription(p, a)
			if e < 0 && describesPerson[p.head] {
				e = r.salientPerson(p, a)
				if e >= 0 {
					r.guess = true
				}
			}
			if e >= 0 && describesPerson[p.head] {
				x := r.ents[e]
				if x.described == nil {
					x.described = map[string]bool{}
				}
				if len(x.described) < 16 {
					x.described[roleOf(p.head)] = true
				}
			}
		}
	}
	if e < 0 {
		e = r.newEnt(kind)
		r.ents[e].plural = p.plural
		r.ents[e].head = p.head
	}
	r.byKey[key] = e
	r.upgradeDesc(e, p, desc, p.nl-a)
	return e
}

// descKey is a description's key, an organisation's name in it written as
// its acronym: "former Democratic National Committee chairman" and
// "Former DNC chairman" are one.
func (r *resolver) descKey(a, b int) string {
	d := r.d
	var parts []string
	for k := a; k < b; {
		if d.capName(k) && !wordshape.Acronym(d.word(k)) {
			j := k
			for j < b && d.capName(j) && !wordshape.Acronym(d.word(j)) {
				j++
			}
			if j-k >= 2 {
				if acr := r.initials(k, j); acr != "" {
					parts = append(parts, acr)
					k = j
					continue
				}
			}
		}
		parts = append(parts, d.low[k])
		k++
	}
	return norm(strings.Join(parts, " "))
}

// personal organisations belong to a person ("the campaign").
var personal = wordset.Of("campaign team camp staff")

func genericOrg(head string) bool { return genericOrgs[head] }

var genericOrgs = wordset.Of("agency organization organisation group network newspaper paper outlet company " +
	"firm institute body watchdog broadcaster channel station magazine publication")

// byDescription finds the named person a definite description stands for
// ("the Indiana governor" → Mike Pence): someone whose role the article
// gave with the same head word, the likeliest by modifiers shared, then
// salience.
func (r *resolver) byDescription(p *np, a int) int {
	d := r.d
	head := roleOf(p.head)
	cands := r.byRole[head]
	if len(cands) == 0 {
		return -1
	}
	best, bestS := -1, -1
	for _, e := range cands {
		x := r.ents[e]
		if x.kind != Person {
			continue
		}
		s := 0
		for k := a; k < p.nl; k++ {
			l := roleOf(d.low[k])
			if x.roles[l] {
				s += 10
			}
		}
		s += x.count
		if s > bestS {
			best, bestS = e, s
		}
	}
	return best
}

// salientPerson is the named person a definite description most likely
// stands for when the article gave no role to match: the most salient one
// whose gender and party do not contradict it ("The Republican
// presidential nominee" after "Trump said").
func (r *resolver) salientPerson(p *np, a int) int {
	d := r.d
	g := honorGender(p.head)
	party := ""
	for k := a; k < p.nl; k++ {
		switch d.low[k] {
		case "republican", "gop":
			party = "democrat"
		case "democratic", "democrat":
			party = "republican"
		}
	}
	head := roleOf(p.head)
	e, s := r.salience(p.first, func(x *ent) bool {
		return x.kind == Person && x.named && (g == genderNone || x.gender == genderNone || x.gender == g) &&
			(party == "" || !x.roles[party]) && !otherOffice(x, head)
	})
	if s < minDescSalience {
		return -1 // no one in view: a person the article does not name
	}
	return e
}

// offices are the roles one holds by title: "the Indiana governor" is
// not the person the article calls its nominee or businessman.
var offices = wordset.Of("governor senator mayor secretary congressman congresswoman chancellor premier " +
	"minister prosecutor president representative")

// otherOffice reports a description by an office (head) of a person
// whom other descriptions already stood for, none of them by that office
// nor the person's role: "the Indiana governor" is not the one the
// article has called its nominee and businessman.
func otherOffice(x *ent, head string) bool {
	return offices[head] && len(x.described) > 0 && !x.roles[head] && !x.described[head]
}

func roleOf(w string) string {
	if n, ok := roleNorm[w]; ok {
		return n
	}
	return w
}

// minDescSalience is how salient a named person must be for a
// description to stand for them: mentioned as a source within two
// sentences, or by name in the sentence before.
const minDescSalience = 0.75

func (r *resolver) upgradeDesc(e int, p *np, desc string, n int) {
	x := r.ents[e]
	if x.kind == Person || x.named {
		if desc != x.name {
			x.aliases = append(x.aliases, desc)
		}
		return
	}
	x.pronOnly = ""
	if x.kind == "" || x.kind == Other {
		x.kind = p.class
		if p.typ == tConj {
			x.kind = Group
		}
		if x.kind == "" {
			x.kind = Other
		}
	}
	if n > x.nameLen {
		if x.name != "" {
			x.aliases = append(x.aliases, x.name)
		}
		x.name, x.nameLen = desc, n
	} else if desc != x.name {
		x.aliases = append(x.aliases, desc)
	}
}

// pronoun resolves a pronoun source.
func (r *resolver) pronoun(i int, m Mention, p *np) int {
	d := r.d
	k := p.first
	switch p.head {
	case "who", "which", "that", "whom", "whose":
		// the noun phrase it stands for
		a, b := m.RefFirst, m.RefLast
		if b <= a {
			a, b = d.antecedent(k)
		}
		if b > a {
			q := d.analyse(a, b)
			if q.typ != tPronoun && q.typ != tNone {
				return r.linkNP(&q)
			}
		}
	case "he", "him", "his", "she", "her":
		r.genderBonus = p.gender
		e, _ := r.salience(k, func(x *ent) bool {
			return (x.kind == Person || x.kind == Anonymous && !x.plural) &&
				(x.gender == genderNone || x.gender == p.gender) && x.pronOnly == ""
		})
		r.genderBonus = genderNone
		if e >= 0 {
			if r.ents[e].gender == genderNone {
				r.ents[e].gender = p.gender
			}
			return e
		}
	case "they", "them", "their":
		e, s := r.salience(k, func(x *ent) bool {
			return x.pronOnly == "" && (x.plural || x.kind == Group)
		})
		o, so := r.salience(k, func(x *ent) bool {
			return x.pronOnly == "" && x.kind == Organisation
		})
		if o >= 0 && so > 2*s {
			return o
		}
		if e >= 0 {
			return e
		}
		if o >= 0 {
			return o
		}
	case "it", "its":
		e, _ := r.salience(k, func(x *ent) bool {
			return x.pronOnly == "" && !x.plural && (x.kind == Organisation || x.kind == Document)
		})
		if e >= 0 {
			return e
		}
	case "we", "us", "our":
		if m.Speaker >= 0 {
			break
		}
		e, _ := r.salience(k, func(x *ent) bool {
			return x.pronOnly == "" && x.kind == Organisation
		})
		if e >= 0 {
			return e
		}
	}
	// unresolved: one entity per pronoun
	key := "pron:" + p.head
	if e, ok := r.byKey[key]; ok {
		return e
	}
	kind := Other
	switch p.head {
	case "he", "she", "him", "her", "i", "me", "who", "whom":
		kind = Anonymous
	case "they", "them", "we", "us":
		kind = Group
	}
	e := r.newEnt(kind)
	x := r.ents[e]
	x.name, x.pronOnly, x.gender, x.plural = d.word(k), p.head, p.gender, p.plural
	r.byKey[key] = e
	return e
}

// linkNP links a noun phrase read by analyse, as a source would be.
func (r *resolver) linkNP(q *np) int {
	switch q.typ {
	case tName:
		switch q.class {
		case Person:
			e := r.findPerson(q, true)
			r.addRole(e, q)
			return e
		case Organisation:
			return r.findOrg(q, true)
		}
		return r.describe(q)
	case tNominal, tConj:
		return r.describe(q)
	}
	return -1
}

// antecedent is the noun phrase just before a relative pronoun at k
// ("the Chicago Police Department, which"), at most eight words.
func (d *doc) antecedent(k int) (int, int) {
	b := k
	if b > 0 && d.low[b-1] == "," {
		b--
	}
	a := b
	for a > 0 && b-a < 8 && d.sent[a-1] == d.sent[k] {
		t := d.tags[a-1]
		if t.IsNoun() || t == tag.JJ || t == tag.DT || t == tag.POS || t == tag.CD || t == tag.PRPS || t == tag.NNPS {
			a--
			continue
		}
		break
	}
	if a == b || !d.tags[b-1].IsNoun() {
		return 0, 0
	}
	// "nervous Democrats on Capitol Hill, who": the people the phrase
	// hangs from ("the direction of Hillary Clinton, who" is hers)
	if a >= 2 && d.sent[a-1] == d.sent[k] && d.tags[a-1] == tag.IN && (d.low[k] == "who" || d.low[k] == "whom") &&
		(personNouns[d.low[a-2]] || d.tags[a-2] == tag.NNS || d.tags[a-2] == tag.NNPS) {
		p := a - 1
		for p > 0 && a-p < 6 && d.sent[p-1] == d.sent[k] && (d.tags[p-1].IsNoun() || d.tags[p-1] == tag.JJ || d.tags[p-1] == tag.DT || d.tags[p-1] == tag.PRPS) {
			p--
		}
		a = p
	}
	return a, b
}

// roster turns the entities with source mentions into the result, in
// order of first mention.
func (r *resolver) roster(ms []Mention) []Entity {
	type firstOf struct{ e, first int }
	var order []firstOf
	for e, x := range r.ents {
		if len(x.mentions) == 0 {
			continue
		}
		sort.Ints(x.mentions)
		f := ms[x.mentions[0]].First
		order = append(order, firstOf{e, f})
	}
	sort.SliceStable(order, func(i, j int) bool { return order[i].first < order[j].first })
	out := make([]Entity, 0, len(order))
	for _, o := range order {
		x := r.ents[o.e]
		kind := x.kind
		if kind == "" {
			kind = Other
		}
		name := strings.TrimSpace(x.name)
		seen := map[string]bool{norm(name): true}
		var aliases []string
		for _, a := range x.aliases {
			a = strings.TrimSpace(a)
			k := norm(a)
			if seen[k] || a == "" {
				continue
			}
			if kind == Person && x.nameLen > 1 && !strings.Contains(a, " ") {
				continue // never a bare surname when the full name is known
			}
			seen[k] = true
			aliases = append(aliases, a)
			if len(aliases) == 5 {
				break
			}
		}
		out = append(out, Entity{Name: name, Role: x.role, Kind: kind, Aliases: aliases, Mentions: x.mentions})
	}
	return out
}
