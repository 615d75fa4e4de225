package attrib

import (
	"github.com/whosaid/whosaid/internal/cue"
	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
	"github.com/whosaid/whosaid/internal/text"
	"github.com/whosaid/whosaid/internal/wordshape"
)

// indirect attributes reported speech: X said (that) …; …, X said;
// according to X, …; warnings from X that ….
func (s *state) indirect() {
	n := len(s.low)
	for v := 0; v < n; v++ {
		if s.used[v] || s.qOf[v] >= 0 || s.kind(v) != segment.Word && s.low[v] != ":" || s.sent[v] < 0 {
			continue
		}
		lw := s.low[v]
		if lw == ":" && s.kind(v) == segment.Punct {
			s.colon(v)
			continue
		}
		if lw == "according" && v+1 < n && s.low[v+1] == "to" {
			s.accordingTo(v)
			continue
		}
		if s.lex.Noun(lw) {
			s.nominal(v)
			continue
		}
		f, ok := s.cueVerb(v)
		if !ok {
			continue
		}
		lo, hi := s.sentBounds(v)
		if f.Participle && s.passive(v, lo) {
			continue
		}
		if s.postposed(v, f, lo, hi) || s.parenthetical(v, f, lo, hi) {
			continue
		}
		s.preposed(v, f, lo, hi)
	}
}

// postposed handles "CLAUSE, X said." and "CLAUSE, said X."
func (s *state) postposed(v int, f cue.Form, lo, hi int) bool {
	if f.Gerund {
		return false
	}
	var a Attribution
	var comma, tail int
	if s.isPunct(v-1, ",") {
		if f.Bare {
			return false
		}
		e, ok := s.npRight(v+1, hi, true)
		if !ok {
			return false
		}
		comma, tail = v-1, e
		a = Attribution{Source: s.span(v+1, e), SrcFirst: v + 1, SrcLast: e}
	} else {
		e := s.skipBetween(v, lo)
		first, last, ok := s.subjectLeft(e, lo)
		if !ok || !s.isPunct(first-1, ",") && !s.isPunct(first-1, "—") {
			return false
		}
		comma, tail = first-1, v+1
		a = Attribution{Source: s.span(first, last), SrcFirst: first, SrcLast: last}
	}
	// only an object or a short adjunct may follow: "…, he told reporters on Monday."
	k := tail
	for k < hi && !s.sentFinal(k) && !s.isPunct(k, ",") {
		// a colon after the frame introduces its content: "Asked about
		// it, Ruiz continued: …" says nothing of the clause before
		if k-tail > 8 || s.low[k] == "that" || s.kind(k) == segment.Quote || s.isPunct(k, ":") || auxiliaries[s.low[k]] ||
			s.tags[k].IsVerb() && !wordshape.Capitalised(s.word(k)) {
			return false
		}
		if _, isCue := s.cueVerb(k); isCue {
			return false
		}
		k++
	}
	cf, cl := s.trimContent(lo, comma)
	if wordCount(s, cf, cl) < 3 || s.used[cf] || !s.hasVerb(cf, cl) {
		return false // "In a 1963 speech, he declared …" is no content
	}
	if !s.setContent(&a, cf, cl) {
		return false
	}
	a.Cue = s.span(v, v+1)
	s.markUsed(a.SrcFirst, a.SrcLast)
	s.markUsed(v, v+1)
	s.add(a)
	return true
}

// preposed handles "X said (that) CLAUSE", "X told Y (that) CLAUSE".
func (s *state) preposed(v int, f cue.Form, lo, hi int) bool {
	a := Attribution{SrcFirst: -1, SrcLast: -1}
	e := s.skipBetween(v, lo)
	if first, last, ok := s.subjectLeft(e, lo); ok {
		a.Source, a.SrcFirst, a.SrcLast = s.span(first, last), first, last
	} else if e-1 >= lo && (s.low[e-1] == "who" || s.low[e-1] == "which") {
		// "officials, who said …", "the Observatory which said …"
		end := e - 1
		if s.isPunct(end-1, ",") {
			end--
		}
		first, ok := s.npLeft(end, lo)
		if !ok {
			return false
		}
		// PolNeAR draws the relative pronoun as the source; the noun
		// phrase it stands for names the speaker
		a.Source, a.SrcFirst, a.SrcLast = s.span(e-1, e), e-1, e
		a.RefFirst, a.RefLast = first, end
	} else if !s.inherit(&a, v, lo) {
		return false
	}
	if f.Bare && a.Inherited {
		return false
	}
	if f.Class == cue.Stance {
		return s.stance(v, f, a, hi)
	}
	c := v + 1
	if (f.Class == cue.Tell || f.Class == cue.Ask) && c < hi && s.npWord(c) && s.low[c] != "that" {
		if e, ok := s.npRight(c, hi, false); ok {
			c = e
		}
	}
	approx := c+1 < hi && s.low[c] == "about" && (s.kind(c+1) == segment.Number || s.low[c+1] == "half")
	if s.isPunct(c, ",") && c == v+1 && s.quoteAt(c+1) < 0 && s.hasVerb(c+1, hi) && !f.Weak && f.Class != cue.Stance {
		c++ // "Rubio says, win or lose, he's staying in the race"
		approx = true
	}
	if c < hi && !approx && (preps[s.low[c]] || s.isPunct(c, ",")) {
		j := c
		for ; j < hi && j-c < 16; j++ {
			if s.low[j] == "that" && s.kind(j) == segment.Word {
				break
			}
			if s.isPunct(j, ",") && s.quoteAt(j+1) >= 0 {
				j++
				break
			}
			if _, isCue := s.cueVerb(j); isCue || s.sentFinal(j) {
				j = hi
				break
			}
		}
		if j >= hi || j-c >= 16 {
			return false
		}
		c = j
	}
	if s.isPunct(c, ":") {
		c++
	}
	if c >= hi {
		return false
	}
	first := s.low[c]
	switch {
	case first == "that" || s.quoteAt(c) >= 0 || approx:
	case f.Class == cue.Ask && (first == "whether" || first == "if" || first == "why" || first == "how" || first == "what" || first == "when" || first == "who"):
	case f.Weak && !(showVerbs[s.low[v]] && a.SrcLast > a.SrcFirst && evidence[s.low[a.SrcLast-1]]):
		return false // "the poll shows Clinton ahead" needs no "that"
	case badContentStart[first] || s.kind(c) != segment.Word && s.kind(c) != segment.Number:
		return false
	}
	// the content runs to the sentence's end
	cf, cl := s.trimContent(c, hi)
	if wordCount(s, cf, cl) < 3 {
		return false
	}
	if !s.setContent(&a, cf, cl) {
		return false
	}
	a.Cue = s.span(v, v+1)
	if !a.Inherited {
		s.markUsed(a.SrcFirst, a.SrcLast)
	}
	s.markUsed(v, v+1)
	s.add(a)
	return true
}

// setContent sets the content of a to tokens [cf, cl) and its kind, and
// takes the quotations inside it. It fails when the content overlaps a
// quotation already attributed.
func (s *state) setContent(a *Attribution, cf, cl int) bool {
	quoted := false
	for k := cf; k < cl; k++ {
		if qi := s.qOf[k]; qi >= 0 {
			q := &s.quotes[qi]
			if q.done {
				// stop before an attributed quotation
				if k == cf {
					return false
				}
				cf2, cl2 := s.trimContent(cf, k)
				if wordCount(s, cf2, cl2) < 3 {
					return false
				}
				cf, cl = cf2, cl2
				break
			}
			quoted = true
		}
	}
	a.Kind = Indirect
	if !quoted && s.quoteIn(cf, cl) >= 0 {
		// a scare-quoted fragment inside reported speech: the words are the
		// speaker's own, so the report is mixed
		a.Kind = Mixed
	}
	if quoted {
		a.Kind = Mixed
		if qi := s.quoteAt(cf); qi >= 0 && s.quotes[qi].Close >= cl-1 {
			a.Kind = Direct
		}
		for k := cf; k < cl; k++ {
			if qi := s.qOf[k]; qi >= 0 {
				s.quotes[qi].done = true
			}
		}
	}
	a.Content = []text.Span{s.span(cf, cl)}
	return true
}

// accordingTo handles "according to X, …" and "…, according to X."
func (s *state) accordingTo(v int) {
	lo, hi := s.sentBounds(v)
	e, ok := s.npRight(v+2, hi, true)
	if !ok {
		return
	}
	a := Attribution{Source: s.span(v+2, e), SrcFirst: v + 2, SrcLast: e, Cue: s.span(v, v+2)}
	start := lo
	for start < v && (s.kind(start) != segment.Word || s.low[start] == "but" || s.low[start] == "and") {
		start++
	}
	var cf, cl int
	if start == v {
		c := e
		if s.isPunct(c, ",") {
			c++
		}
		cf, cl = s.trimContent(c, hi)
	} else {
		cf, cl = s.trimContent(lo, v)
	}
	if wordCount(s, cf, cl) < 3 || !s.setContent(&a, cf, cl) {
		return
	}
	s.markUsed(v, e)
	s.add(a)
}

// nominal handles "warnings from X that …" and "X's claim that …".
func (s *state) nominal(n int) {
	lo, hi := s.sentBounds(n)
	if s.tags[n].IsVerb() {
		return
	}
	a := Attribution{Cue: s.span(n, n+1)}
	c := -1
	if n+2 < hi && (s.low[n+1] == "from" || s.low[n+1] == "by" || s.low[n+1] == "of") {
		e, ok := s.npRight(n+2, hi, false)
		if !ok || e >= hi || s.low[e] != "that" {
			return
		}
		a.Source, a.SrcFirst, a.SrcLast = s.span(n+2, e), n+2, e
		c = e
	} else if n+1 < hi && s.low[n+1] == "that" && n-1 >= lo {
		w := s.low[n-1]
		if !(hasSuffix(w, "'s") || hasSuffix(w, "’s")) || !wordshape.Capitalised(s.word(n-1)) {
			return
		}
		a.Source, a.SrcFirst, a.SrcLast = s.span(n-1, n), n-1, n
		c = n + 1
	} else {
		return
	}
	cf, cl := s.trimContent(c, hi)
	if wordCount(s, cf, cl) < 4 || !s.setContent(&a, cf, cl) {
		return
	}
	s.markUsed(a.SrcFirst, a.SrcLast)
	s.markUsed(n, n+1)
	s.add(a)
}

func hasSuffix(w, suf string) bool { return len(w) >= len(suf) && w[len(w)-len(suf):] == suf }

// stance handles "Trump called for a special prosecutor": the object, up
// to the end of the clause, is the content.
func (s *state) stance(v int, f cue.Form, a Attribution, hi int) bool {
	if f.Gerund && (a.SrcFirst < 0 || !a.Inherited) || a.Inherited && !f.Gerund {
		return false // "…, calling Rubio's plan “a welfare transfer”" takes the sentence's speaker
	}
	c := v + 1
	cueEnd := v + 1
	if c < hi && (s.low[c] == "for" || s.low[c] == "on" || s.low[c] == "at" || s.low[c] == "to") {
		c++
		cueEnd = c
	}
	e := c
	for e < hi && !s.sentFinal(e) && !s.isPunct(e, ",") && !s.isPunct(e, ";") && !s.isPunct(e, "—") &&
		s.low[e] != "because" && s.low[e] != "after" && s.low[e] != "while" {
		e++
	}
	cf, cl := s.trimContent(c, e)
	if wordCount(s, cf, cl) < 2 || badContentStart[s.low[cf]] && s.low[cf] != "to" {
		return false
	}
	if !s.setContent(&a, cf, cl) {
		return false
	}
	a.Cue = s.span(v, cueEnd)
	s.markUsed(a.SrcFirst, a.SrcLast)
	s.markUsed(v, cueEnd)
	s.add(a)
	return true
}

// hasVerb reports a verb or a quotation in [first, last): a clause, not a
// phrase.
func (s *state) hasVerb(first, last int) bool {
	for k := first; k < last; k++ {
		if s.tags[k].IsVerb() && s.tags[k] != tag.VBG || s.qOf[k] >= 0 || s.tags[k] == tag.MD {
			return true
		}
	}
	return false
}

// parenthetical handles "Many of the closures, he said, have involved …":
// the frame sits inside its content, which has two parts.
func (s *state) parenthetical(v int, f cue.Form, lo, hi int) bool {
	if f.Gerund || f.Bare || !s.isPunct(v+1, ",") {
		return false
	}
	e := s.skipBetween(v, lo)
	first, ok := s.npLeft(e, lo)
	if !ok || !s.isPunct(first-1, ",") || first-1 <= lo {
		return false
	}
	c1, c2 := first-1, v+1
	af, al := s.trimContent(lo, c1)
	bf, bl := s.trimContent(c2+1, hi)
	if wordCount(s, af, al) < 2 || wordCount(s, bf, bl) < 2 || s.used[af] || !s.hasVerb(bf, bl) {
		return false
	}
	for k := af; k < bl; k++ {
		if s.qOf[k] >= 0 && s.quotes[s.qOf[k]].done {
			return false
		}
	}
	a := Attribution{Source: s.span(first, e), SrcFirst: first, SrcLast: e, Cue: s.span(v, v+1), Kind: Indirect}
	a.Content = []text.Span{s.span(af, al), s.span(bf, bl)}
	for k := af; k < bl; k++ {
		if qi := s.qOf[k]; qi >= 0 {
			s.quotes[qi].done = true
			a.Kind = Mixed
		}
	}
	s.markUsed(first, v+1)
	s.add(a)
	return true
}

// colon handles headlines and teasers: "Lynch: No outside influence on FBI
// probe." A short name opens the sentence; the clause after the colon is
// its content.
func (s *state) colon(v int) {
	lo, hi := s.sentBounds(v)
	if v-lo < 1 || v-lo > 6 || s.quoteAt(v+1) >= 0 {
		return
	}
	first, ok := s.npLeft(v, lo)
	if !ok || first != lo || !s.allNames(first, v) || labels[s.low[first]] || labels[s.low[v-1]] {
		return
	}
	cf, cl := s.trimContent(v+1, hi)
	words := 0
	for k := cf; k < cl; k++ {
		if s.kind(k) == segment.Word && !s.isDate(k) && !calendar[s.low[k]] && len(s.low[k]) > 3 {
			words++
		}
	}
	if words < 2 {
		return // "Published: Tue, February 12, 2019"
	}
	a := Attribution{Source: s.span(first, v), SrcFirst: first, SrcLast: v, Cue: s.span(v, v+1)}
	if !s.setContent(&a, cf, cl) {
		return
	}
	s.markUsed(first, v+1)
	s.add(a)
}
