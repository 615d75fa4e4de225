// Package attrib links cues, sources and contents into attributions with
// hand-written rules: direct quotes ("…," X said / X said: "…"), split
// quotes, indirect speech (X said (that) …; …, X said; according to X, …),
// mixed speech (indirect with a quoted fragment) and nominal cues
// ("warnings from experts that …"). Sources are drawn as PolNeAR draws them:
// the whole noun phrase, appositive included.
package attrib

import (
	"slices"
	"sort"

	"github.com/whosaid/whosaid/internal/wordshape"

	"github.com/whosaid/whosaid/internal/cue"
	"github.com/whosaid/whosaid/internal/quote"
	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
	"github.com/whosaid/whosaid/internal/text"
)

// Kind is how the content is reported.
type Kind uint8

const (
	Direct   Kind = iota // the content is a quotation
	Indirect             // reported speech
	Mixed                // reported speech with a quoted fragment
)

func (k Kind) String() string {
	return [...]string{"direct", "indirect", "mixed"}[k]
}

// Attribution is one content with its cue and source.
type Attribution struct {
	Content []text.Span // byte spans, in order; more than one for a split quote
	Cue     text.Span
	Source  text.Span // empty (Start == End) when no source is given
	Kind    Kind
	// SrcFirst, SrcLast are the source's token range [First, Last); both
	// -1 when there is no source.
	SrcFirst, SrcLast int
	// RefFirst, RefLast is the noun phrase a relative-pronoun source
	// ("officials, who said") stands for; equal when none.
	RefFirst, RefLast int
	// Inherited is set when the source is taken from an earlier attribution
	// of the same sentence ("…, adding that …"): Source is then that
	// attribution's source.
	Inherited bool
	// Turn is set for a transcript's turn (Turns): its source is a speaker
	// label in capitals.
	Turn bool
}

// DropSource leaves a without a source (the engine's repairs and the
// source model both do).
func (a *Attribution) DropSource() {
	a.Source, a.SrcFirst, a.SrcLast, a.RefFirst, a.RefLast = text.Span{}, -1, -1, 0, 0
}

// Start is where the content begins.
func (a *Attribution) Start() int { return a.Content[0].Start }

// End is where the content ends.
func (a *Attribution) End() int { return a.Content[len(a.Content)-1].End }

// Finder holds the lexicon; it is safe for concurrent use.
type Finder struct {
	lex *cue.Lexicon
}

// New returns a Finder with the default cue lexicon.
func New(lex *cue.Lexicon) *Finder { return &Finder{lex: lex} }

// state is the per-document working memory of Find.
type state struct {
	lex    *cue.Lexicon
	seg    *segment.Doc
	tags   []tag.Tag
	low    []string // lower-cased words ("" for non-words)
	sent   []int32  // sentence of each token
	para   []int32  // paragraph of each token
	qOf    []int32  // speech quote containing each token (outermost), -1 when none
	used   []bool   // tokens already part of an attribution's cue or source
	quotes []tq
	out    []Attribution
	// afterLabel maps the first token of a transcript's speaker label to
	// the token after its colon, where the speaker's sentence begins
	afterLabel map[int]int
}

// tq is a quotation in token indices: open mark at Open, close mark at
// Close (inclusive); Close is the last token inside when unclosed.
type tq struct {
	quote.Quote
	Open, Close int
	done        bool
}

// Find returns the attributions of seg, sorted by content start. tags has
// one tag per token of seg; quotes are the quotations of seg.
func (f *Finder) Find(seg *segment.Doc, tags []tag.Tag, quotes []quote.Quote) []Attribution {
	n := len(seg.Tokens)
	if n == 0 {
		return nil
	}
	s := &state{lex: f.lex, seg: seg, tags: tags, low: make([]string, n), sent: make([]int32, n),
		para: make([]int32, n), qOf: make([]int32, n), used: make([]bool, n)}
	for i, t := range seg.Tokens {
		if t.Kind.IsWord() {
			s.low[i] = wordshape.Lower(seg.Text[t.Start:t.End])
		} else {
			s.low[i] = seg.Text[t.Start:t.End]
		}
		s.sent[i] = -1
		s.qOf[i] = -1
	}
	for si, st := range seg.Sentences {
		for k := st.First; k < st.Last && k < n; k++ {
			s.sent[k] = int32(si)
			s.para[k] = int32(st.Para)
		}
	}
	if len(quotes) == 0 {
		quotes = fallbackQuotes(seg)
	}
	s.mapQuotes(quotes)
	// a transcript's speaker labels are no headline's source ("PENCE:
	// Well, look, …"); the engine adds the turns themselves (Turns) so
	// that they do not hide what is said inside them
	for _, t := range Turns(seg) {
		s.markUsed(t.SrcFirst, t.SrcLast+1)
		if s.afterLabel == nil {
			s.afterLabel = map[int]int{}
		}
		s.afterLabel[t.SrcFirst] = t.SrcLast + 1
	}
	s.direct()
	s.indirect()
	s.orphans()
	s.out = slices.DeleteFunc(s.out, func(a Attribution) bool { return NotSpeech(seg, a.Cue) })
	sort.SliceStable(s.out, func(i, j int) bool { return s.out[i].Start() < s.out[j].Start() })
	return s.out
}

// mapQuotes converts the speech quotations to token indices.
func (s *state) mapQuotes(quotes []quote.Quote) {
	toks := s.seg.Tokens
	for _, q := range quotes {
		if q.Nested || q.End <= q.Start {
			continue
		}
		o := sort.Search(len(toks), func(i int) bool { return int(toks[i].Start) >= q.Start })
		c := sort.Search(len(toks), func(i int) bool { return int(toks[i].End) > q.End }) - 1
		if o >= len(toks) || c <= o {
			continue
		}
		idx := int32(len(s.quotes))
		s.quotes = append(s.quotes, tq{Quote: q, Open: o, Close: c})
		if q.Scare {
			continue // not speech: its words stay free for the other rules
		}
		for k := o; k <= c; k++ {
			if s.qOf[k] < 0 {
				s.qOf[k] = idx
			}
		}
	}
}

// quoteIn returns the index in s.quotes of the first quotation, speech or
// scare, whose marks both lie in tokens [first, last), or -1.
func (s *state) quoteIn(first, last int) int {
	i := sort.Search(len(s.quotes), func(i int) bool { return s.quotes[i].Open >= first })
	if i < len(s.quotes) && s.quotes[i].Close < last {
		return i
	}
	return -1
}

// closesWithin reports whether token k closes a quotation that opens at or
// after token first: the closing mark of a quoted fragment ("painful but
// unavoidable") belongs to the content, unlike a stray mark.
func (s *state) closesWithin(k, first int) bool {
	q := s.quoteIn(first, k+1)
	for q >= 0 && q < len(s.quotes) && s.quotes[q].Open <= k {
		if s.quotes[q].Close == k {
			return true
		}
		q++
	}
	return false
}

// isDate reports a time word: "Tuesday", "hours", but not the name "Day".
func (s *state) isDate(i int) bool {
	lw := s.low[i]
	return dates[lw] && (calendar[lw] || !wordshape.Capitalised(s.word(i)))
}

// joins reports a preposition inside a noun phrase: "head of the agency",
// "Paths to Peace".
func (s *state) joins(k int) bool {
	if k <= 0 || k+1 >= len(s.low) || s.kind(k) != segment.Word {
		return false
	}
	if joiners[s.low[k]] {
		return true
	}
	return s.low[k] == "to" && wordshape.Capitalised(s.word(k-1)) && wordshape.Capitalised(s.word(k+1))
}

// isDash reports a dash that sets off an aside.
func (s *state) isDash(i int) bool {
	return s.isPunct(i, "—") || s.isPunct(i, "–") || s.isPunct(i, "--")
}

func (s *state) word(i int) string {
	t := s.seg.Tokens[i]
	return s.seg.Text[t.Start:t.End]
}

func (s *state) span(first, last int) text.Span {
	return text.Span{Start: int(s.seg.Tokens[first].Start), End: int(s.seg.Tokens[last-1].End)}
}

func (s *state) kind(i int) segment.Kind { return s.seg.Tokens[i].Kind }

func (s *state) isPunct(i int, p string) bool {
	return i >= 0 && i < len(s.low) && !s.kind(i).IsWord() && s.low[i] == p
}

// sentEnd reports whether token i ends a sentence or lies outside one.
func (s *state) sentFinal(i int) bool {
	if i >= len(s.low) {
		return true
	}
	w := s.low[i]
	if w == "." && i+1 < len(s.low) && s.isPunct(i+1, ")") {
		return false // "(D-Ore.)"
	}
	return s.kind(i) == segment.Punct && (w == "." || w == "!" || w == "?" || w == "…")
}

// cueVerb returns the cue form of token i when it is used as a verb.
func (s *state) cueVerb(i int) (cue.Form, bool) {
	if i < 0 || i >= len(s.low) || s.kind(i) != segment.Word {
		return cue.Form{}, false
	}
	f, ok := s.lex.Verb(s.low[i])
	if !ok {
		return f, false
	}
	if i > 0 && (s.low[i-1] == "-" || s.low[i-1] == "–") && s.seg.Tokens[i-1].End == s.seg.Tokens[i].Start {
		return f, false // "U.S.-backed": part of an adjective
	}
	if newsVerbs[s.low[i]] {
		return f, true // seldom anything but verbs in news
	}
	t := s.tags[i]
	if t.IsVerb() || t == tag.Unknown {
		return f, true
	}
	return f, false
}

// npWord reports whether token i can be part of a noun phrase.
func (s *state) npWord(i int) bool {
	if i < 0 || i >= len(s.low) {
		return false
	}
	k := s.kind(i)
	if k == segment.Number {
		return true
	}
	if k != segment.Word {
		w := s.low[i]
		return w == "-" || w == "&" || w == "’s" || w == "'s" || w == "." && i > 0 && s.kind(i-1) == segment.Word && len(s.low[i-1]) <= 3
	}
	w := s.word(i)
	if wordshape.Acronym(w) {
		return true
	}
	lw := s.low[i]
	if stops[lw] || joiners[lw] {
		return false
	}
	if _, isCue := s.lex.Verb(lw); isCue && !wordshape.Capitalised(w) && !nounTag(s.tags[i]) {
		return false
	}
	if wordshape.Capitalised(w) {
		return true
	}
	if determiners[lw] || pronouns[lw] {
		return true
	}
	if (s.tags[i] == tag.VBG || s.tags[i] == tag.VBN) && i > 0 && (determiners[s.low[i-1]] || s.tags[i-1] == tag.PRPS) {
		return true // "its acting chairman"
	}
	return nounTag(s.tags[i])
}

// subjectLeft finds the noun phrase ending just before token end (exclusive),
// not reaching before lo, appositive included ("The Observatory, a UK-based
// monitor,"). It returns the token range, or ok false.
func (s *state) subjectLeft(end, lo int) (first, last int, ok bool) {
	last = end
	if s.isPunct(end-1, ",") || s.isDash(end-1) { // NP1 , NP2 , verb
		f2, ok2 := s.npLeft(end-1, lo)
		if ok2 && (s.isPunct(f2-1, ",") || s.isDash(f2-1)) {
			f1, ok1 := s.npLeft(f2-1, lo)
			if ok1 && (s.hasName(f1, f2-1) || s.hasName(f2, end-1)) {
				return f1, end - 1, true
			}
		}
		// a longer aside: "Oliver Hedge, who appraises golf courses for a
		// brokerage firm, said"; the name starts the sentence or clause
		for c := end - 2; c > lo && end-c <= 40; c-- {
			if s.sentFinal(c) || s.kind(c) == segment.Quote {
				break
			}
			if !s.isPunct(c, ",") {
				continue
			}
			f1, ok1 := s.npLeft(c, lo)
			if ok1 && s.hasName(f1, c) && (f1 == lo || s.isPunct(f1-1, ",") || s.low[f1-1] == "and" || s.low[f1-1] == "but") {
				return f1, end - 1, true
			}
		}
		return 0, 0, false
	}
	if s.isPunct(end-1, ")") {
		// "Paul Ryan (R-WI) said": the aside belongs to the name
		k := end - 2
		for k > lo && end-k < 8 && !s.isPunct(k, "(") && !s.isPunct(k, ")") {
			k--
		}
		if s.isPunct(k, "(") {
			if f, ok := s.npLeft(k, lo); ok {
				return f, end, true
			}
		}
	}
	first, ok = s.npLeft(end, lo)
	if !ok {
		return 0, 0, false
	}
	return first, last, true
}

// npLeft walks left from end (exclusive) over one noun phrase.
func (s *state) npLeft(end, lo int) (first int, ok bool) {
	if lo < 0 {
		lo = 0
	}
	k := end - 1
	if k < lo || !s.npWord(k) {
		return 0, false
	}
	if pronouns[s.low[k]] && s.low[k] != "who" {
		return k, true
	}
	if s.low[k] == "who" {
		return 0, false
	}
	first = k
	for k--; k >= lo && end-k <= 12; k-- {
		lw := s.low[k]
		if determiners[lw] && s.kind(k) == segment.Word && !wordshape.Capitalised(s.word(first)) || pronouns[lw] {
			if pronouns[lw] {
				break
			}
		}
		if s.npWord(k) {
			if pronouns[lw] {
				break
			}
			first = k
			if determiners[lw] && !(k-1 >= lo && joiners[s.low[k-1]] && s.npWord(k-2)) {
				break
			}
			continue
		}
		if s.joins(k) && s.npWord(k-1) && k-1 >= lo {
			continue // "of", "for": keep walking; first moves when a word is taken
		}
		break
	}
	// drop leading joiners and dates ("In December Washington said")
	for first < end && (joiners[s.low[first]] || s.kind(first) == segment.Punct || s.isDate(first) && first+1 < end) {
		first++
	}
	if first >= end || s.isDate(first) {
		return 0, false
	}
	if first >= end || !s.hasHead(first, end) {
		return 0, false
	}
	return first, true
}

// hasHead reports a noun, name or pronoun in [first, last).
func (s *state) hasHead(first, last int) bool {
	if last-first == 1 && quantifiers[s.low[first]] {
		return true // "Some chanted …", "Many say …"
	}
	if last-first >= 2 && (s.low[first] == "the" || s.low[first] == "a" || s.low[first] == "an") && s.tags[last-1] != tag.DT {
		return true // "the 46-year-old"
	}
	for k := first; k < last; k++ {
		w := s.word(k)
		lw := s.low[k]
		if s.kind(k) != segment.Word {
			continue
		}
		if wordshape.Capitalised(w) || pronouns[lw] || s.tags[k].IsNoun() || s.tags[k] == tag.PRP {
			if !determiners[lw] {
				return true
			}
		}
	}
	return false
}

// hasName reports a capitalised word in [first, last) or a determiner start.
func (s *state) hasName(first, last int) bool {
	for k := first; k < last; k++ {
		if s.kind(k) == segment.Word && wordshape.Capitalised(s.word(k)) {
			return true
		}
	}
	return false
}

// npRight walks right from start over one noun phrase ("the minister",
// "Mr Abdel-Rahman", "AFP news agency"), bounded by hi (exclusive).
func (s *state) npRight(start, hi int, apposition bool) (last int, ok bool) {
	k := start
	if k >= hi || !s.npWord(k) {
		return 0, false
	}
	if pronouns[s.low[k]] {
		if s.low[k] == "who" {
			return 0, false
		}
		return k + 1, true
	}
	for k < hi && k-start < 16 {
		if s.isPunct(k, "(") && k > start {
			// "Rep. Earl Blumenauer (D-Ore.)": the aside belongs to the name
			j := k + 1
			for j < hi && j-k < 8 && !s.isPunct(j, ")") && !s.isPunct(j, "(") {
				j++
			}
			if j < hi && s.isPunct(j, ")") {
				k = j + 1
				continue
			}
			break
		}
		if s.npWord(k) && !pronouns[s.low[k]] && !(k > start && determiners[s.low[k]] && !joiners[s.low[k-1]]) {
			k++
			continue
		}
		if s.joins(k) && s.low[k] != "in" && s.low[k] != "with" && k+1 < hi && s.npWord(k+1) {
			k++
			continue
		}
		break
	}
	for k > start && (joiners[s.low[k-1]] || s.kind(k-1) == segment.Punct && !s.isPunct(k-1, ")") || k-1 > start && s.isDate(k-1)) {
		k-- // "supporters Tuesday"
	}
	if k <= start || !s.hasHead(start, k) {
		return 0, false
	}
	if apposition && s.isPunct(k, ",") {
		if e, ok := s.npRight(k+1, hi, false); ok && (e >= hi || s.sentFinal(e) || s.isPunct(e, ",")) {
			lw := s.low[k+1]
			if determiners[lw] || !wordshape.Capitalised(s.word(k+1)) {
				return e, true
			}
		}
	}
	return k, true
}

// skipBetween moves left from i over auxiliaries and adverbs between a
// subject and its verb; it returns the index after the subject.
func (s *state) skipBetween(i, lo int) int {
	for i-1 >= lo && s.kind(i-1) == segment.Word && between[s.low[i-1]] && !wordshape.Acronym(s.word(i-1)) {
		i--
	}
	return i
}

// passive reports "was told", "is said to".
func (s *state) passive(v, lo int) bool {
	for k := v - 1; k >= lo && k >= v-3; k-- {
		lw := s.low[k]
		if be[lw] && !wordshape.Acronym(s.word(k)) {
			return true
		}
		if !(lw == "also" || lw == "not" || lw == "n't" || lw == "reportedly" || lw == "widely" || lw == "often" || lw == "previously" || lw == "being") {
			return false
		}
	}
	return false
}

func (s *state) add(a Attribution) {
	for _, c := range a.Content {
		if c.End <= c.Start {
			return
		}
	}
	s.out = append(s.out, a)
}

func (s *state) markUsed(first, last int) {
	for k := first; k < last && k < len(s.used); k++ {
		if k >= 0 {
			s.used[k] = true
		}
	}
}

// sentBounds returns the token range of the sentence of token i, or the
// paragraph's when the token is in none.
func (s *state) sentBounds(i int) (int, int) {
	si := s.sent[i]
	if si < 0 {
		return i, i + 1
	}
	st := s.seg.Sentences[si]
	if k, ok := s.afterLabel[st.First]; ok && k <= i {
		return k, st.Last // the speaker's words begin after the label
	}
	if k, ok := s.afterLabel[st.First+1]; ok && k <= i {
		return k, st.Last // after an opening quotation mark
	}
	return st.First, st.Last
}

// contentEnd drops closing punctuation from the content's token range.
func (s *state) trimContent(first, last int) (int, int) {
	for last > first {
		k := last - 1
		w := s.low[k]
		if s.kind(k) == segment.Punct && (w == "." || w == "," || w == ";" || w == ":" || w == "—" || w == "–" || w == "-" || w == "!" && s.qOf[k] < 0) {
			last--
			continue
		}
		if s.kind(k) == segment.Quote && s.qOf[k] < 0 && !s.closesWithin(k, first) {
			last--
			continue
		}
		break
	}
	for first < last && s.kind(first) == segment.Punct {
		first++
	}
	return first, last
}

func wordCount(s *state, first, last int) int {
	n := 0
	for k := first; k < last; k++ {
		if s.kind(k).IsWord() {
			n++
		}
	}
	return n
}
