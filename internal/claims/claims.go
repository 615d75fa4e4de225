// Package claims finds the statements an article makes with no source, and
// scores how check-worthy each is.
//
// A claim is a sentence that states something (it has a verb, is no
// question, no headline and no boilerplate) and that attributions cover
// less than half of. Its check-worthiness adds up weighted signs that a
// fact-checker could verify it: numbers, quantities, comparisons, causes,
// named entities and times.
package claims

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
	"github.com/whosaid/whosaid/internal/text"
)

// Claim is one unattributed statement.
type Claim struct {
	text.Span
	Score   float64  // check-worthiness in [0,1]
	Reasons []string // "number", "quantity", "comparison", "causal", "named_entity", "time"
}

const (
	// maxCovered is the share of a sentence's bytes that attributions may
	// cover before it counts as attributed: "…, he said" covers nearly all
	// of a sentence, while a sentence that only mentions an announcement in
	// a subordinate clause stays the author's claim.
	maxCovered = 0.5
	// minWords: shorter sentences are fragments ("Thank you.").
	minWords = 4
	// maxHeadWords: a paragraph of one sentence without final punctuation
	// and no longer than this is a headline or subhead.
	maxHeadWords = 20
)

// Unattributed returns the sentences of seg that are statements and that no
// attribution covers. covered holds the byte spans of attributed contents,
// sources and cues; skip the paragraph indices not to read (meta lines).
// Headlines, bylines, date lines and boilerplate ("Like this:", "Share
// this:", "Related") are never claims. tags, one per token of seg, may be
// nil: the scorer then falls back on spelling (capitals for names).
func Unattributed(seg *segment.Doc, tags []tag.Tag, covered []text.Span, skip []int) []Claim {
	if len(tags) != len(seg.Tokens) {
		tags = nil
	}
	skipped := make([]bool, len(seg.Paras))
	for _, p := range skip {
		if p >= 0 && p < len(skipped) {
			skipped[p] = true
		}
	}
	cov := merge(covered)
	s := seg.Text
	var out []Claim
	j := 0 // first merged span that may overlap the current sentence
	lastPara, skipPara := -1, false
	for si, sen := range seg.Sentences {
		if sen.Start < 0 || sen.End > len(s) || sen.Start >= sen.End || sen.First < 0 || sen.Last > len(seg.Tokens) || sen.First >= sen.Last {
			continue
		}
		for j < len(cov) && cov[j].End <= sen.Start {
			j++
		}
		if sen.Para >= 0 && sen.Para < len(seg.Paras) {
			if sen.Para != lastPara {
				// judge each paragraph once, not once per sentence
				lastPara = sen.Para
				pr := seg.Paras[sen.Para]
				skipPara = skipped[sen.Para] || pr.Start < 0 || pr.End > len(s) || pr.Start > pr.End ||
					headline(seg, sen.Para) || boilerplate(s[pr.Start:pr.End])
			}
			if skipPara {
				continue
			}
		}
		st := s[sen.Start:sen.End]
		if boilerplate(st) || question(st) {
			continue
		}
		if coveredBytes(cov[j:], sen.Start, sen.End) > maxCovered*float64(sen.End-sen.Start) {
			continue
		}
		f, ok := features(seg, tags, si)
		if !ok {
			continue
		}
		score, reasons := f.score()
		out = append(out, Claim{Span: text.Span{Start: sen.Start, End: sen.End}, Score: score, Reasons: reasons})
	}
	return out
}

// merge sorts and joins the covered spans (on a copy: the caller's slice is
// left alone).
func merge(covered []text.Span) []text.Span {
	if len(covered) == 0 {
		return nil
	}
	c := make([]text.Span, 0, len(covered))
	for _, sp := range covered {
		if sp.Start < sp.End {
			c = append(c, sp)
		}
	}
	if !slices.IsSortedFunc(c, byStart) { // the engine passes them sorted
		slices.SortFunc(c, byStart)
	}
	k := 0
	for _, sp := range c {
		if k > 0 && sp.Start <= c[k-1].End {
			c[k-1].End = max(c[k-1].End, sp.End)
			continue
		}
		c[k] = sp
		k++
	}
	return c[:k]
}

func byStart(a, b text.Span) int { return a.Start - b.Start }

// coveredBytes counts the bytes of [start, end) inside the merged spans,
// which begin with the first that can overlap it.
func coveredBytes(cov []text.Span, start, end int) float64 {
	n := 0
	for _, c := range cov {
		if c.Start >= end {
			break
		}
		n += max(0, min(c.End, end)-max(c.Start, start))
	}
	return float64(n)
}

// headline reports a paragraph of one short sentence with no final
// punctuation: a headline, a subhead, a caption label.
func headline(seg *segment.Doc, p int) bool {
	para := seg.Paras[p]
	if para.Last-para.First != 1 || para.Start < 0 || para.End > len(seg.Text) || para.Start >= para.End {
		return false
	}
	l := seg.Text[para.Start:para.End]
	r, _ := utf8.DecodeLastRuneInString(l)
	switch r {
	case '.', '!', '?', '…', '"', '”', '’', '\'', ')', ':', ';', ',':
		return false
	}
	return countWords(l, maxHeadWords+1) <= maxHeadWords
}

// question reports a sentence that asks rather than states.
func question(st string) bool {
	st = strings.TrimRight(st, "\"”’')» ")
	return strings.HasSuffix(st, "?")
}

// boilerplate reports the lines sites add around an article. A line counts
// only when short, so that a sentence that happens to start "Related" is
// still read.
func boilerplate(l string) bool {
	if strings.Contains(l, "©") || containsFold(l, "all rights reserved") {
		return true
	}
	w := countWords(l, 21)
	if w > 20 {
		return false
	}
	for _, pre := range boilerPrefixes {
		if len(l) >= len(pre) && strings.EqualFold(l[:len(pre)], pre) {
			return true
		}
	}
	// Ordinary words that are boilerplate only as a label: "Related",
	// "Comments: 12", but not "Related talks stalled on Monday."
	for _, pre := range boilerLabels {
		if len(l) >= len(pre) && strings.EqualFold(l[:len(pre)], pre) && (w <= 3 || strings.HasPrefix(l[len(pre):], ":")) {
			return true
		}
	}
	if w <= 12 {
		for _, sub := range creditWords {
			if containsFold(l, sub) {
				return true
			}
		}
	}
	return false
}

var boilerPrefixes = [...]string{
	"like this", "share this", "share on", "share:", "click here", "advertisement",
	"subscribe to", "subscribe now", "subscribe for", "follow us", "follow @", "read more", "read also", "see also", "more:", "copyright",
	"(c) ", "photo:", "photo by", "photo credit", "photograph:", "image:", "image credit", "picture:",
	"credit:", "sign up", "leave a comment", "tags:",
	"filed under", "email this", "print this", "watch:", "listen:",
	"this article was", "this story was", "this article originally", "editor's note",
	"editor’s note", "we use cookies", "download the app", "join our newsletter", "skip to",
}

var boilerLabels = [...]string{"related", "comments", "loading", "sponsored", "recommended", "tweet", "share",
	"subscribe", "newsletter", "advertisement", "print", "email", "tags", "trending", "most read", "popular"}

var creditWords = [...]string{"getty images", "/afp", "/reuters", "/ap photo", "ap photo", "afp photo", "reuters/", "file photo", "via getty"}

// containsFold is a case-insensitive strings.Contains for an ASCII,
// lower-case needle, without allocating.
func containsFold(s, needle string) bool {
	for i := 0; i+len(needle) <= len(s); i++ {
		if (s[i]|0x20) == needle[0] && strings.EqualFold(s[i:i+len(needle)], needle) {
			return true
		}
	}
	return false
}

// countWords counts the words of l, stopping at limit.
func countWords(l string, limit int) int {
	n, in := 0, false
	for _, r := range l {
		switch {
		case unicode.IsSpace(r):
			in = false
		case !in && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			n++
			in = true
			if n >= limit {
				return n
			}
		}
	}
	return n
}

// Reasons, in the order they are reported, and their weights. Tuned on the
// seed article: a sentence with a number and what it counts, or a name and
// a comparison, reaches 0.5; a sentence with none of these scores 0.
const (
	rNumber = iota
	rQuantity
	rComparison
	rCausal
	rNamedEntity
	rTime
	nReasons
)

var reasonNames = [nReasons]string{"number", "quantity", "comparison", "causal", "named_entity", "time"}

var weights = [nReasons]float64{0.35, 0.2, 0.25, 0.2, 0.25, 0.2}

// extraEntity is added per named entity beyond the first, up to
// maxExtraEntities: a sentence naming several actors is more specific.
const (
	extraEntity      = 0.05
	maxExtraEntities = 2
)

type feats struct {
	has      [nReasons]bool
	entities int
}

func (f *feats) score() (float64, []string) {
	sc := 0.0
	n := 0
	for r, h := range f.has {
		if h {
			sc += weights[r]
			n++
		}
	}
	if f.entities > 1 {
		sc += extraEntity * float64(min(f.entities-1, maxExtraEntities))
	}
	sc = math.Round(min(sc, 1)*100) / 100
	reasons := make([]string, 0, n)
	for r, h := range f.has {
		if h {
			reasons = append(reasons, reasonNames[r])
		}
	}
	return sc, reasons
}

// features reads the sentence's tokens once; ok is false when the sentence
// is a fragment (too short or without a verb).
func features(seg *segment.Doc, tags []tag.Tag, si int) (f feats, ok bool) {
	sen := seg.Sentences[si]
	var (
		buf                         [24]byte
		prev, prev2                 word // the two words before
		inEntity, verb, wantCounted bool
		words                       int
		lastNumber                  = -10 // token index of the last number
	)
	first := true // at the sentence's first word (or after an opening quote)
	for t := sen.First; t < sen.Last; t++ {
		tok := seg.Tokens[t]
		if tok.Start < 0 || int(tok.End) > len(seg.Text) || tok.Start >= tok.End {
			continue
		}
		w := seg.Text[tok.Start:tok.End]
		var tg tag.Tag
		if tags != nil {
			tg = tags[t]
		}
		switch tok.Kind {
		case segment.Punct, segment.Quote:
			inEntity = false
			wantCounted = false
			if tok.Kind == segment.Quote || w == ":" {
				first = true // a quoted sentence starts with a capital too
			}
			continue
		case segment.Symbol:
			inEntity = false
			switch w {
			case "$", "€", "£", "¥", "%", "₹":
				f.has[rQuantity] = true
			}
			continue
		}
		words++
		lw := string(lowerInto(&buf, w)) // short, does not escape: no allocation
		cls := classOf(lw)
		isNum := tok.Kind == segment.Number || hasDigit(w) || cls&cNumber != 0
		switch {
		case tok.Kind == segment.Number && year(w):
			f.has[rTime] = true
		case isNum:
			f.has[rNumber] = true
			lastNumber = t
			wantCounted = true
		}
		if tok.Kind != segment.Word && strings.ContainsAny(w, "%$€£") {
			f.has[rQuantity] = true
		}
		if cls&cVerb != 0 || tg.IsVerb() || tg == tag.MD || (tags == nil && strings.HasSuffix(lw, "ed") && len(lw) > 4) {
			verb = true
		}
		if cls&cUnit != 0 || (cls&cMeasure != 0 && (t-lastNumber <= 3 || prev.c&cSome != 0 || prev2.c&cSome != 0)) {
			f.has[rQuantity] = true
		}
		if wantCounted && !isNum && cls&cPeriod == 0 && t-lastNumber <= 2 && (tg == tag.NNS || cls&cCounted != 0 || (tags == nil && plural(lw))) {
			f.has[rQuantity] = true // "20 men", "2,000 US troops"
		}
		if cls&cComparison != 0 || tg == tag.JJS || tg == tag.RBS {
			f.has[rComparison] = true
		}
		if lw == "of" && prev.is("size") {
			f.has[rComparison] = true // "the size of Britain"
		}
		if cls&cCausal != 0 || (lw == "to" && (prev.is("due") || prev.is("led") || prev.is("leading") || prev.is("owing") || prev.is("thanks") || prev.is("contributed"))) ||
			(lw == "in" && (prev.is("resulted") || prev.is("result") || prev.is("resulting"))) ||
			(lw == "result" && prev.is("a") && prev2.is("as")) {
			f.has[rCausal] = true
		}
		if cls&cTime != 0 || (lw == "may" && (t-lastNumber <= 1 || nextIsNumber(seg, t, sen.Last))) {
			f.has[rTime] = true // "May" is a month only next to a number
		}
		if cls&cPeriod != 0 && (prev.c&(cNumber|cRelTime) != 0 || prev2.c&(cNumber|cRelTime) != 0 || t-lastNumber <= 2) {
			f.has[rTime] = true // "the last four years", "three weeks"
		}
		if entity(w, cls, tg, tags != nil, first) {
			if !inEntity {
				f.entities++
				f.has[rNamedEntity] = true
			}
			inEntity = true
		} else {
			inEntity = false
		}
		first = false
		prev2, prev = prev, word{c: cls}
		prev.n = copy(prev.b[:], lw)
	}
	return f, verb && words >= minWords
}

// word keeps a lower-cased word without allocating.
type word struct {
	b [24]byte
	n int
	c class
}

func (w *word) is(s string) bool { return string(w.b[:w.n]) == s }

// entity reports a word that names someone or something: a capitalised
// word inside the sentence (a tagger's NN/NNP choice for "Kurds" or
// "Turkish" is less reliable than the capital). The first word is
// capitalised anyway, so there only an acronym ("IS", "SDF") or a word the
// tagger calls a proper noun counts.
func entity(w string, cls class, tg tag.Tag, tagged, first bool) bool {
	if cls&(cMonth|cTime|cNumber) != 0 || w == "I" {
		return false
	}
	if h := strings.IndexByte(w, '-'); h > 0 && acronym(w[:h]) {
		return true // "US-backed", "SDF-held"
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	if first {
		return acronym(w) || (tagged && tg.IsProper())
	}
	return true
}

func acronym(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if (w[i] < 'A' || w[i] > 'Z') && w[i] != '.' {
			return false
		}
	}
	return true
}

func hasDigit(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= '0' && w[i] <= '9' {
			return true
		}
	}
	return false
}

// year reports a four-digit number that reads as a year.
func year(w string) bool {
	if len(w) != 4 || !(strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) {
		return false
	}
	return !strings.ContainsFunc(w, func(r rune) bool { return r < '0' || r > '9' })
}

// plural guesses a plural noun from its spelling when there are no tags.
func plural(lw string) bool {
	return len(lw) > 3 && strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ss") && !strings.HasSuffix(lw, "us")
}

func nextIsNumber(seg *segment.Doc, t, last int) bool {
	return t+1 < last && seg.Tokens[t+1].Kind == segment.Number
}

// lowerInto lower-cases w into buf (ASCII only); longer words than buf
// come back empty, and match no list.
func lowerInto(buf *[24]byte, w string) []byte {
	if len(w) > len(buf) {
		return nil
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(w)]
}
