package attrib

import (
	"sort"

	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
	"github.com/whosaid/whosaid/internal/text"
	"github.com/whosaid/whosaid/internal/wordshape"
)

// direct attributes the speech quotations whose frame ("…," X said / X
// said: "…") is next to them.
func (s *state) direct() {
	for qi := range s.quotes {
		q := &s.quotes[qi]
		if q.done {
			continue
		}
		if q.Scare {
			// a short quotation is speech only in a frame that says so:
			// "Go back to Univision," Trump barked.
			if (s.isPunct(q.Close-1, ",") || s.isPunct(q.Close+1, ",") || s.isPunct(q.Close-1, "!") || s.isPunct(q.Close-1, "?")) &&
				!s.titled(q.Open) {
				s.after(qi, true)
			}
			// or after a colon or comma, ending the sentence: told AFP simply, "We lost."
			if !q.done && (s.isPunct(q.Open-1, ",") || s.isPunct(q.Open-1, ":")) && (s.sentFinal(q.Close-1) || s.sentFinal(q.Close+1)) {
				s.before(qi)
			}
			continue
		}
		if !s.after(qi, false) && !s.before(qi) && !s.after(qi, true) {
			s.credit(qi)
		}
	}
}

// titled reports a short quotation opening at token open after a
// preposition, a determiner or a possessive: the name of a show or a work
// ("said on “Fox News Sunday,” …", "CBS's "Face the Nation," …"), not
// words someone said.
func (s *state) titled(open int) bool {
	if open == 0 {
		return false
	}
	switch s.tags[open-1] {
	case tag.IN, tag.POS, tag.DT, tag.PRPS:
		return true
	}
	return false
}

// credit attributes a quotation credited by a dash and a name that end
// its paragraph, as in vox pops and epigraphs: “…” ― Jane Doe, or
// “…” — Jane Doe, a nurse.
func (s *state) credit(qi int) bool {
	q := &s.quotes[qi]
	i := q.Close + 1
	if !q.Closed || i >= len(s.low) || s.para[i] != s.para[q.Close] || !(s.isDash(i) || s.isPunct(i, "―")) {
		return false
	}
	p := s.para[i]
	hi := i + 1
	for hi < len(s.low) && s.para[hi] == p && hi-i <= 24 {
		hi++
	}
	if hi < len(s.low) && s.para[hi] == p {
		return false // more than a credit follows the dash
	}
	first := i + 1
	if first >= hi || s.kind(first) != segment.Word || !wordshape.Capitalised(s.word(first)) || pronouns[s.low[first]] {
		return false
	}
	e, ok := s.npRight(first, hi, true)
	if !ok || !s.hasName(first, e) {
		return false
	}
	if e < hi && !(e+1 == hi && s.isPunct(e, ".")) {
		return false
	}
	s.markUsed(i, e)
	q.done = true
	s.add(Attribution{Kind: Direct, Content: []text.Span{s.quoteSpan(q)}, Cue: s.span(i, i+1),
		Source: s.span(first, e), SrcFirst: first, SrcLast: e})
	return true
}

// orphans attributes the speech quotations no frame claimed: to the subject
// of their sentence ("Trump called the plan “a disgrace,”"), or to the
// speaker of the attribution just before ("…," he said. ¶ "…").
func (s *state) orphans() {
	prior := append([]Attribution(nil), s.out...)
	sort.Slice(prior, func(i, j int) bool { return prior[i].Start() < prior[j].Start() })
	var prev *Attribution
	j := 0
	for qi := range s.quotes {
		q := &s.quotes[qi]
		if q.done || wordCount(s, q.Open, q.Close) < 1 {
			continue
		}
		if (q.Scare || wordCount(s, q.Open, q.Close) < 3) && !(q.Open > 0 && s.tags[q.Open-1].IsVerb() && !be[s.low[q.Open-1]]) {
			continue // a short quotation is speech only right after a verb: Some chanted “USA! USA!”
		}
		lo, _ := s.sentBounds(q.Open)
		a := Attribution{Kind: Direct, Content: []text.Span{s.quoteSpan(q)}, SrcFirst: -1, SrcLast: -1}
		found := s.frameBefore(&a, q.Open, lo, true)
		if !found && s.isPunct(q.Open-1, ":") {
			// "More from Jones: “…”"
			if first, ok := s.npLeft(q.Open-1, lo); ok && s.hasName(first, q.Open-1) && !s.used[first] {
				a.Source, a.SrcFirst, a.SrcLast, a.Cue = s.span(first, q.Open-1), first, q.Open-1, s.span(q.Open-1, q.Open)
				s.markUsed(first, q.Open)
				found = true
			}
		}
		if !found && q.Open > 0 && s.isPunct(q.Open-1, ":") && s.para[q.Open-1] != s.para[q.Open] {
			// A block quotation introduced at the end of the paragraph
			// before: "…, Cruz continued:" / "Transcript as follows:".
			plo, _ := s.sentBounds(q.Open - 1)
			found = s.frameBefore(&a, q.Open-1, plo, false)
			if !found {
				if first, ok := s.npLeft(q.Open-1, plo); ok && !s.used[first] && wordCount(s, first, q.Open-1) > 0 {
					a.Source, a.SrcFirst, a.SrcLast, a.Cue = s.span(first, q.Open-1), first, q.Open-1, s.span(q.Open-1, q.Open)
					s.markUsed(first, q.Open)
					found = true
				}
			}
		}
		if found {
			q.done = true
			s.add(a)
			prev = &s.out[len(s.out)-1]
			continue
		}
		if q.Open != lo && !(q.Open == lo+1 && s.kind(lo) != segment.Word) && wordCount(s, q.Open, q.Close) < 4 {
			continue
		}
		// the previous attribution, in this paragraph or the one before
		for j < len(prior) && prior[j].Start() < q.Start {
			if prev == nil || prior[j].Start() > prev.Start() {
				prev = &prior[j]
			}
			j++
		}
		var p Attribution
		switch {
		case prev != nil && prev.SrcFirst >= 0 && s.para[q.Open]-s.para[prev.SrcFirst] <= 1 && prev.SrcFirst <= q.Open:
			p = *prev
		case j < len(prior) && prior[j].SrcFirst >= 0 && s.para[prior[j].SrcFirst] == s.para[q.Close]:
			p = prior[j] // the speaker named later in the paragraph
		default:
			continue
		}
		a.Source, a.SrcFirst, a.SrcLast, a.Cue, a.Inherited = p.Source, p.SrcFirst, p.SrcLast, p.Cue, true
		q.done = true
		s.add(a)
		prev = &s.out[len(s.out)-1]
	}
}

// frameBefore looks left from token end (exclusive) to lo for the nearest
// verb whose subject is a name or pronoun ("Huckabee, for his part, is
// labeling the actions “…”", "Cruz continued:") and, when found, makes them
// a's source and cue. stopAtQuote ends the search at a quotation or a word
// already used.
func (s *state) frameBefore(a *Attribution, end, lo int, stopAtQuote bool) bool {
	for v := end - 1; v >= lo && end-v <= 20; v-- {
		if stopAtQuote && (s.qOf[v] >= 0 || s.used[v]) {
			break
		}
		if s.kind(v) != segment.Word || !s.tags[v].IsVerb() || auxiliaries[s.low[v]] || wordshape.Capitalised(s.word(v)) || s.used[v] {
			continue
		}
		e := s.skipBetween(v, lo)
		first, last, ok := s.subjectLeft(e, lo)
		if !ok {
			if !s.isPunct(e-1, ",") {
				continue
			}
			// "X, for his part, is labeling": the subject before an aside
			c := e - 2
			for c > lo && !s.isPunct(c, ",") && e-c < 8 {
				c--
			}
			if first, ok = s.npLeft(c, lo); !ok || !s.isPunct(c, ",") {
				continue
			}
			last = c
		}
		if !s.hasName(first, last) && !pronouns[s.low[first]] || s.used[first] {
			continue
		}
		a.Source, a.SrcFirst, a.SrcLast, a.Cue = s.span(first, last), first, last, s.span(v, v+1)
		s.markUsed(first, last)
		s.markUsed(v, v+1)
		return true
	}
	return false
}

// frameEnd is the first token after i that ends a frame: a sentence end, a
// quote mark, or the paragraph's end; at most max tokens on.
func (s *state) frameEnd(i, max int) int {
	n := len(s.low)
	p := int32(-1)
	if i < n {
		p = s.para[i]
	}
	k := i
	for k < n && k-i < max {
		if s.sentFinal(k) || s.kind(k) == segment.Quote || s.para[k] != p || s.isPunct(k, ":") || s.isPunct(k, ";") {
			break
		}
		k++
	}
	return k
}

// after tries the frame following quotation qi.
func (s *state) after(qi int, generic bool) bool {
	q := &s.quotes[qi]
	if generic && s.sentFinal(q.Close-1) {
		return false // "We lost." T-shirts appeared: a new sentence
	}
	n := len(s.low)
	i := q.Close + 1
	for skip := 0; i < n && skip < 2 && (s.isPunct(i, ",") || s.isPunct(i, "—") || s.isPunct(i, "–") || s.isPunct(i, "-")); skip++ {
		i++
	}
	if i >= n || s.para[i] != s.para[q.Close] || s.used[i] {
		return false
	}
	hi := s.frameEnd(i, 40)
	var a Attribution
	var fe int
	inverted := false
	if f, ok := s.lex.Verb(s.low[i]); ok && !f.Gerund && s.kind(i) == segment.Word && !wordshape.Capitalised(s.word(i)) || s.low[i] == "said" || s.low[i] == "says" {
		inverted = true
	} else if generic && s.kind(i) == segment.Word && s.tags[i] == tag.VBD && !wordshape.Capitalised(s.word(i)) && i+1 < len(s.low) && wordshape.Capitalised(s.word(i+1)) {
		inverted = true // "This is fantastic!" beamed Donald Hartley
	}
	if inverted {
		// "…," said the minister
		e, ok := s.npRight(i+1, hi, true)
		if !ok {
			return false
		}
		a = Attribution{Cue: s.span(i, i+1), Source: s.span(i+1, e), SrcFirst: i + 1, SrcLast: e}
		fe = e
	} else {
		// "…," Bali said / he told AFP
		e, ok := s.npRight(i, hi, true)
		if !ok {
			return false
		}
		// the tagger may take the verb for a noun: "Bozell answers."
		for k := i + 1; k < e; k++ {
			if f, isCue := s.lex.Verb(s.low[k]); isCue && !f.Gerund && !wordshape.Capitalised(s.word(k)) && s.hasHead(i, k) {
				e = k
				break
			}
		}
		srcEnd := e
		if s.isPunct(e, ",") {
			// "…," Trump, the 2016 GOP frontrunner, said
			srcEnd = -1
			for k := e; k < len(s.low) && k-e < 25 && s.para[k] == s.para[i]; k++ {
				if s.sentFinal(k) || s.kind(k) == segment.Quote && s.qOf[k] >= 0 {
					break
				}
				if s.isPunct(k, ",") && s.frameVerb(k+1, generic) {
					srcEnd, e = k, k+1
					break
				}
			}
			if srcEnd < 0 {
				return false
			}
		}
		v := e
		for v < len(s.low) && between[s.low[v]] && v-e < 3 {
			v++
		}
		if !s.frameVerb(v, generic) {
			return false
		}
		a = Attribution{Cue: s.span(v, v+1), Source: s.span(i, srcEnd), SrcFirst: i, SrcLast: srcEnd}
		fe = v + 1
	}
	if s.sentFinal(q.Close - 1) {
		// after a full stop the frame must end soon: "…." He said he
		// would go is a new sentence, not a frame
		k := fe
		for k < len(s.low) && k-fe < 6 && !s.sentFinal(k) && !s.isPunct(k, ",") && s.kind(k) != segment.Quote {
			if s.low[k] == "that" || s.kind(k) == segment.Word && s.tags[k].IsVerb() {
				return false
			}
			k++
		}
		if k-fe >= 6 {
			return false
		}
	}
	s.markUsed(i, fe)
	a.Kind = Direct
	a.Content = []text.Span{s.quoteSpan(q)}
	q.done = true
	// a split quote: "…," he said, "…" — or "…," he said. "…"
	j := s.frameEnd(fe, 12)
	if j < n && (s.isPunct(j, ",") || s.isPunct(j, ".") || s.isPunct(j, ":")) {
		j++
	}
	if nq := s.quoteAt(j); nq >= 0 && s.para[j] == s.para[q.Close] && !s.quotes[nq].done {
		a.Content = append(a.Content, s.quoteSpan(&s.quotes[nq]))
		s.quotes[nq].done = true
	}
	s.add(a)
	return true
}

// frameVerb reports a verb that can close a quote's frame: any cue verb,
// or any verb at the end of the frame ("…," Trump barked.).
func (s *state) frameVerb(v int, generic bool) bool {
	if v >= len(s.low) || s.kind(v) != segment.Word {
		return false
	}
	if f, ok := s.lex.Verb(s.low[v]); ok {
		return !f.Gerund && !f.Bare || s.low[v] == "say" || s.low[v] == "tell"
	}
	if !generic || wordshape.Capitalised(s.word(v)) || !s.tags[v].IsVerb() || s.tags[v] == tag.VBG {
		return false
	}
	if v+1 < len(s.low) && (s.tags[v+1] == tag.RP || s.low[v+1] == "back") {
		v++ // "Trump shot back."
	}
	return v+1 >= len(s.low) || s.sentFinal(v+1) || s.isPunct(v+1, ",")
}

// quoteAt returns the speech quotation opening at token j, or -1.
func (s *state) quoteAt(j int) int {
	if j < 0 || j >= len(s.low) || s.qOf[j] < 0 {
		return -1
	}
	qi := int(s.qOf[j])
	if s.quotes[qi].Open != j {
		return -1
	}
	return qi
}

// quoteSpan is the content span of a quotation, marks included.
func (s *state) quoteSpan(q *tq) text.Span {
	return text.Span{Start: int(s.seg.Tokens[q.Open].Start), End: int(s.seg.Tokens[q.Close].End)}
}

// before tries the frame preceding quotation qi: X said: "…", X said, "…",
// X: "…".
func (s *state) before(qi int) bool {
	q := &s.quotes[qi]
	o := q.Open
	prev := o - 1
	if prev < 0 || s.para[prev] != s.para[o] {
		return false
	}
	lo, _ := s.sentBounds(prev)
	colon := s.isPunct(prev, ":")
	if !colon && !s.isPunct(prev, ",") {
		if _, ok := s.lex.Verb(s.low[prev]); !ok || s.kind(prev) != segment.Word {
			return false
		}
		prev = o
	}
	// the nearest cue verb before the mark, with only an object or adjunct
	// between them
	for v := prev - 1; v >= lo && prev-v <= 14; v-- {
		if s.used[v] || s.qOf[v] >= 0 {
			break
		}
		f, ok := s.cueVerb(v)
		if !ok && v == prev-1 && s.kind(v) == segment.Word && !wordshape.Capitalised(s.word(v)) {
			f, ok = s.lex.Verb(s.low[v]) // "the headline reads:"
		}
		if !ok {
			if s.tags[v].IsVerb() && !wordshape.Capitalised(s.word(v)) {
				break
			}
			continue
		}
		if f.Participle && s.passive(v, lo) {
			break
		}
		a := Attribution{Cue: s.span(v, v+1), Kind: Direct, Content: []text.Span{s.quoteSpan(q)}, SrcFirst: -1, SrcLast: -1}
		e := s.skipBetween(v, lo)
		if first, last, ok := s.subjectLeft(e, lo); ok {
			a.Source, a.SrcFirst, a.SrcLast = s.span(first, last), first, last
			s.markUsed(first, last)
		} else if !s.inherit(&a, v, lo) {
			return false
		}
		s.markUsed(v, v+1)
		q.done = true
		s.add(a)
		return true
	}
	if colon {
		// Speaker: "…"
		first, ok := s.npLeft(prev, lo)
		if ok && (first == lo || s.allNames(first, prev)) && s.hasName(first, prev) {
			s.markUsed(first, prev+1)
			q.done = true
			s.add(Attribution{Cue: s.span(prev, prev+1), Source: s.span(first, prev), SrcFirst: first, SrcLast: prev,
				Kind: Direct, Content: []text.Span{s.quoteSpan(q)}})
			return true
		}
	}
	return false
}

// inherit gives a gerund cue ("…, adding: …", "…, saying that …") the source
// of the previous attribution of the same sentence, and cuts that
// attribution's content at the comma before the cue.
func (s *state) inherit(a *Attribution, v, lo int) bool {
	f, _ := s.lex.Verb(s.low[v])
	conj := v-1 >= lo && (s.low[v-1] == "and" || s.low[v-1] == "but")
	// "…, saying", "…,” saying", "upon saying"
	afterComma := s.isPunct(v-1, ",") || v-2 >= lo && s.kind(v-1) == segment.Quote && s.isPunct(v-2, ",")
	prep := v-1 >= lo && s.tags[v-1] == tag.IN && s.kind(v-1) == segment.Word
	if !(f.Gerund && (afterComma || prep) || conj) {
		return false
	}
	if len(s.out) == 0 || s.out[len(s.out)-1].SrcFirst < lo {
		// the subject of the sentence: "Cruz was critical, telling …", or
		// after a leading adjunct: "In a statement, Rep. X reacted, saying"
		// the first finite verb's subject: "Silverman, a Sanders supporter, incurred boos upon saying"
		for u := lo + 1; u < v; u++ {
			if t := s.tags[u]; (t == tag.VBD || t == tag.VBZ || t == tag.VBP) && s.kind(u) == segment.Word && !wordshape.Capitalised(s.word(u)) {
				if first, last, ok := s.subjectLeft(s.skipBetween(u, lo), lo); ok && (s.hasName(first, last) || pronouns[s.low[first]]) {
					a.Source, a.SrcFirst, a.SrcLast, a.Inherited = s.span(first, last), first, last, true
					return true
				}
				break
			}
		}
		start := lo
		for tries := 0; tries < 3 && start < v; tries++ {
			e, ok := s.npRight(start, v, false)
			if ok && e < v && (s.tags[e].IsVerb() || between[s.low[e]]) && (s.hasName(start, e) || pronouns[s.low[start]]) {
				a.Source, a.SrcFirst, a.SrcLast, a.Inherited = s.span(start, e), start, e, true
				return true
			}
			for start < v && !s.isPunct(start, ",") {
				start++
			}
			start++
		}
		return false
	}
	p := &s.out[len(s.out)-1]
	if p.SrcFirst < 0 {
		return false
	}
	a.Source, a.SrcFirst, a.SrcLast, a.Inherited = p.Source, p.SrcFirst, p.SrcLast, true
	comma := int(s.seg.Tokens[v-1].Start)
	last := &p.Content[len(p.Content)-1]
	if last.Start < comma && last.End > comma {
		last.End = comma
	}
	return true
}

// allNames reports capitalised words only in [first, last).
func (s *state) allNames(first, last int) bool {
	for k := first; k < last; k++ {
		if s.kind(k) == segment.Word && !wordshape.Capitalised(s.word(k)) {
			return false
		}
	}
	return true
}
