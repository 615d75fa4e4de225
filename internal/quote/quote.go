// Package quote finds direct quotations: straight, curly and guillemet
// quotes, nested quotes, quotes running over several paragraphs, and tells
// scare quotes (a word or short phrase that is not speech) apart.
//
// The scan reads the text once, paragraph by paragraph, with a small stack
// of open quotes: a quote never outlives its paragraph unless the next
// paragraph reopens it (the journalistic convention for a long quote), so an
// unbalanced mark cannot swallow the rest of the article.
package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/wordset"
	"github.com/whosaid/whosaid/internal/wordshape"
)

// Quote is one quotation.
type Quote struct {
	Start, End int  // byte offsets including the quote marks
	Scare      bool // scare quotes or a title: not speech
	Nested     bool // inside another quotation
	Closed     bool // false when no closing mark came before the paragraph (or text) ended
}

// family groups the marks that pair with each other.
type family uint8

const (
	double      family = iota + 1 // " “ ” „
	single                        // ' ‘ ’ ‚
	guillemet                     // « »
	guillemetSg                   // ‹ ›
)

// bias is what a mark usually is when its position does not decide.
type bias uint8

const (
	neutral   bias = iota // " and ': position and pairing decide
	openBias              // “ „ « ‹ ‘ ‚
	closeBias             // ” » › ’
)

// mark classifies r; fam is 0 when r is no quote mark.
func mark(r rune) (fam family, b bias, low bool) {
	switch r {
	case '"':
		return double, neutral, false
	case '“':
		return double, openBias, false
	case '”':
		return double, closeBias, false
	case '„':
		return double, openBias, true
	case '\'':
		return single, neutral, false
	case '‘':
		return single, openBias, false
	case '’':
		return single, closeBias, false
	case '‚':
		return single, openBias, true
	case '«':
		return guillemet, openBias, false
	case '»':
		return guillemet, closeBias, false
	case '‹':
		return guillemetSg, openBias, false
	case '›':
		return guillemetSg, closeBias, false
	}
	return 0, 0, false
}

// maxDepth bounds the stack; deeper opening marks are ignored, which keeps
// the scan allocation-free and linear on adversarial input.
const maxDepth = 8

type open struct {
	idx int // index of the quote in the output slice
	fam family
	low bool // opened by „ or ‚, so “ or ‘ closes it
	at  int  // byte offset of the opening mark
	// para is where the quote was opened: a quote reopened in a later
	// paragraph is never a scare quote.
	para int
}

// Find returns the quotations of seg, sorted by Start.
func Find(seg *segment.Doc) []Quote {
	s := seg.Text
	var out []Quote
	var stack [maxDepth]open
	n := 0 // stack depth
	dropped := false

	paras := seg.Paras
	if len(paras) == 0 && len(s) > 0 {
		paras = []segment.Para{{Start: 0, End: len(s)}}
	}
	for p, para := range paras {
		start, end := clamp(para.Start, len(s)), clamp(para.End, len(s))
		if end < start {
			end = start
		}
		i := start
		// A quote still open from the previous paragraph continues only
		// when this paragraph opens with a mark of its family.
		if n > 0 {
			if r, size := utf8.DecodeRuneInString(s[i:end]); size > 0 {
				if fam, b, _ := mark(r); fam == stack[0].fam && b != closeBias && !closePos(s, i+size, end) {
					i += size
				}
			}
			if i == start {
				// not reopened: it ended with the previous paragraph
				n = 0
			}
		}
		lastSingle := lastSingleClose(s, start, end)
		for i < end {
			c := s[i]
			if c < utf8.RuneSelf && c != '"' && c != '\'' {
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:end])
			fam, b, low := mark(r)
			if fam == 0 {
				i += size
				continue
			}
			before := openPos(s, start, i)
			after := closePos(s, i+size, end)
			top := -1 // innermost open quote of the same family
			for k := n - 1; k >= 0; k-- {
				if stack[k].fam == fam {
					top = k
					break
				}
			}
			act := decide(s, i, size, end, fam, b, before, after, top >= 0, top >= 0 && stack[top].low, lastSingle)
			switch act {
			case actClose:
				for k := n - 1; k > top; k-- {
					// an inner quote left open when its parent closes
					// was most likely an apostrophe: drop it
					out[stack[k].idx].End = -1
					dropped = true
				}
				q := &out[stack[top].idx]
				q.End, q.Closed = i+size, true
				if stack[top].para == p {
					q.Scare = scare(s, start, end, stack[top].at, i, i+size)
				}
				n = top
			case actOpen:
				if n < maxDepth {
					stack[n] = open{idx: len(out), fam: fam, low: low, at: i, para: p}
					n++
					out = append(out, Quote{Start: i, End: end})
				}
			}
			i += size
		}
		// Close what is still open at the paragraph's end, provisionally:
		// the outermost quote may be continued by the next paragraph.
		for k := n - 1; k >= 0; k-- {
			q := &out[stack[k].idx]
			q.End = end
			// An unclosed single mark inside a paragraph is usually an
			// apostrophe; keep it only when it opens the paragraph
			// (British style long quotes).
			if stack[k].fam == single && stack[k].at != start && stack[k].para == p {
				q.End = -1
				dropped = true
			}
		}
		if n > 0 && (out[stack[0].idx].End < 0 || !reopens(seg, paras, p+1, stack[0].fam)) {
			n = 0
		}
		n = min(n, 1)
	}
	if dropped {
		k := 0
		for _, q := range out {
			if q.End >= 0 {
				out[k] = q
				k++
			}
		}
		out = out[:k]
	}
	// Nesting from the final spans, which are sorted by Start and properly
	// nested or disjoint by construction.
	var ends [maxDepth + 1]int
	d := 0
	for k := range out {
		for d > 0 && ends[d-1] <= out[k].Start {
			d--
		}
		out[k].Nested = d > 0
		if d < len(ends) {
			ends[d] = out[k].End
			d++
		}
	}
	return out
}

// reopens reports whether paragraph p starts with an opening mark of fam.
func reopens(seg *segment.Doc, paras []segment.Para, p int, fam family) bool {
	if p >= len(paras) {
		return false
	}
	s := seg.Text
	start, end := clamp(paras[p].Start, len(s)), clamp(paras[p].End, len(s))
	if start >= end {
		return false
	}
	r, size := utf8.DecodeRuneInString(s[start:end])
	f, b, _ := mark(r)
	return f == fam && b != closeBias && !closePos(s, start+size, end)
}

func clamp(x, n int) int { return max(0, min(x, n)) }

type action uint8

const (
	actNone action = iota
	actOpen
	actClose
)

// decide tells whether the mark at s[i:i+size] opens, closes or is neither
// (an apostrophe, a stray mark). before: the mark follows space or an
// opening bracket; after: it is followed by space or punctuation.
func decide(s string, i, size, end int, fam family, b bias, before, after, canClose, lowOpen bool, lastSingle int) action {
	if fam == single {
		next, _ := utf8.DecodeRuneInString(s[i+size : end])
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		if letterOrDigit(prev) && letterOrDigit(next) {
			return actNone // don't, Syria’s, rock’n’roll
		}
		if before && !after && (unicode.IsDigit(next) || elision(s[i+size:end])) {
			return actNone // ’90s, ’em, ’tis
		}
		if canClose && after && !before && possessive(s, i, size, end, lastSingle) {
			return actNone // the officials’ plans, inside a quote closed later
		}
		if !canClose && after && !before {
			return actNone // officials’, with no quote to close
		}
	}
	switch b {
	case openBias:
		// “ closes a „ quote (German) and, when clearly in closing
		// position, any open quote of its family.
		if canClose && (lowOpen || (after && !before)) {
			return actClose
		}
		if !before && !after && fam == single {
			return actNone
		}
		return actOpen
	case closeBias:
		if canClose && (after || !before) {
			return actClose
		}
		if before && !after {
			return actOpen // »German« or a misused mark
		}
		return actNone
	}
	switch {
	case before && !after:
		return actOpen
	case !before && after:
		if canClose {
			return actClose
		}
		return actNone
	case before && after:
		if canClose {
			return actClose
		}
		return actOpen
	}
	if canClose {
		return actClose
	}
	return actNone
}

// openPos reports whether the mark at i stands where a quote opens: at the
// paragraph's start or after space, an opening bracket, a dash or another
// quote mark.
func openPos(s string, start, i int) bool {
	if i <= start {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[start:i])
	if unicode.IsSpace(r) {
		return true
	}
	switch r {
	case '(', '[', '{', '—', '–', '-', '/', ':':
		return true
	}
	f, _, _ := mark(r)
	return f != 0
}

// closePos reports whether what follows j (up to end) is where a quote
// closes: the paragraph's end, space, punctuation or another quote mark.
func closePos(s string, j, end int) bool {
	if j >= end {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[j:end])
	if unicode.IsSpace(r) {
		return true
	}
	switch r {
	case '.', ',', ';', ':', '!', '?', ')', ']', '}', '…', '—', '–', '-':
		return true
	}
	f, _, _ := mark(r)
	return f != 0
}

func letterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// elision reports the clipped words that start with an apostrophe.
func elision(rest string) bool {
	w := rest
	for k := 0; k < len(w); k++ {
		c := w[k] | 0x20
		if c < 'a' || c > 'z' {
			w = w[:k]
			break
		}
	}
	switch wordshape.Lower(w) {
	case "em", "tis", "twas", "til", "cause", "bout", "n", "round", "nuff":
		return true
	}
	return false
}

// lastSingleClose is the offset of the paragraph's last single mark in
// closing position (or -1): a plural possessive before it is no closing
// mark, since the quote still has somewhere to close.
func lastSingleClose(s string, start, end int) int {
	p := s[start:end]
	// Each kind of mark is searched for leftwards from where the last
	// search stopped, so the whole scan stays linear.
	kq := strings.LastIndexByte(p, '\'')
	kc := strings.LastIndex(p, "’")
	for kq >= 0 || kc >= 0 {
		k, size := kq, 1
		if kc > kq {
			k, size = kc, len("’")
			kc = strings.LastIndex(p[:kc], "’")
		} else {
			kq = strings.LastIndexByte(p[:kq], '\'')
		}
		if k > 0 && closePos(s, start+k+size, end) {
			prev, _ := utf8.DecodeLastRuneInString(p[:k])
			if !unicode.IsSpace(prev) {
				return start + k
			}
		}
	}
	return -1
}

// possessive reports the "officials’ plans" pattern: an s, the mark, a
// space and a lower-case word, with a later closing mark in the paragraph.
func possessive(s string, i, size, end, lastSingle int) bool {
	if lastSingle <= i || i == 0 || s[i-1] != 's' {
		return false
	}
	j := i + size
	if j+1 >= end || s[j] != ' ' {
		return false
	}
	return s[j+1] >= 'a' && s[j+1] <= 'z'
}

// maxScareWords is the longest quoted phrase still taken for a scare quote
// or title when nothing else marks it as speech.
const maxScareWords = 4

// maxTitleWords is the longest title in title case taken for one.
const maxTitleWords = 12

// scare decides whether the closed quote from the mark at open to the mark
// at [closeAt, closeEnd) is a scare quote or title rather than speech. A
// quote is speech when it is long, ends with ? or !, opens a sentence
// (paragraph start, after . ! ? or :) or sits next to a speech verb ("…,"
// she said; said "no"). What is left — a few words inside a sentence — is
// a scare quote, a title or a quoted fragment (which the attribution stage
// may still count as a mixed quote when it falls inside reported speech).
func scare(s string, pstart, pend, open, closeAt, closeEnd int) bool {
	_, osize := utf8.DecodeRuneInString(s[open:])
	inner := s[open+osize : closeAt]
	words, lower, inWord := 0, 0, false
	var last rune
	for _, r := range inner {
		if unicode.IsSpace(r) {
			inWord = false
			continue
		}
		last = r
		if !inWord && letterOrDigit(r) {
			words++
			inWord = true
			if unicode.IsLower(r) {
				lower++
			}
		}
		if words > maxTitleWords {
			return false
		}
	}
	if last == '?' || last == '!' {
		return false
	}
	// A paragraph of nothing but a quotation in title case is a subhead
	// ('All Bets Are Off.', “DIVISIVE, STUPID AND WRONG”), not speech.
	if strings.TrimSpace(s[pstart:open]) == "" && strings.TrimSpace(s[closeEnd:pend]) == "" && titleCase(inner) {
		return true
	}
	// Longer than a scare quote, it may still be a title in title case:
	// the book “Stealing America: What My Experience Taught Me”.
	if words > maxScareWords && (lower*4 > words || last == '.' || last == ',') {
		return false
	}
	// What comes before the opening mark.
	j := open
	for j > pstart {
		r, size := utf8.DecodeLastRuneInString(s[pstart:j])
		if !unicode.IsSpace(r) {
			break
		}
		j -= size
	}
	if j == pstart {
		return false // opens the paragraph
	}
	prev, _ := utf8.DecodeLastRuneInString(s[pstart:j])
	switch prev {
	case '.', '!', '?', ':', ',':
		return false // opens a sentence or follows its cue: "…, she said, “never.”"
	}
	if f, _, _ := mark(prev); f != 0 {
		return false // right after another quote: part of a quoted passage
	}
	if speechVerb(wordBefore(s, pstart, j)) {
		return false
	}
	// What follows the closing mark: ", she said", "said Bali". Only when
	// punctuation separates the two ("…," she said; ‘never’, she said):
	// the "caliphate" they declared is a scare quote.
	k := closeEnd
	if !(last == ',' || last == '.' || (k < pend && (s[k] == ',' || s[k] == ':'))) {
		return true
	}
	for w := 0; w < 3 && k < pend; w++ {
		for k < pend && (s[k] == ' ' || s[k] == ',' || s[k] == '\n' || s[k] == '\t') {
			k++
		}
		e := k
		for e < pend && (s[e]|0x20 >= 'a' && s[e]|0x20 <= 'z') {
			e++
		}
		if e == k {
			break
		}
		if speechVerb(s[k:e]) {
			return false
		}
		k = e
	}
	return true
}

// wordBefore returns the ASCII word ending at j (skipping a comma).
func wordBefore(s string, pstart, j int) string {
	for j > pstart && (s[j-1] == ',' || s[j-1] == ' ') {
		j--
	}
	b := j
	for b > pstart && (s[b-1]|0x20 >= 'a' && s[b-1]|0x20 <= 'z') {
		b--
	}
	return s[b:j]
}

// speechVerb reports the verbs that introduce or follow direct speech.
func speechVerb(w string) bool {
	return len(w) >= 3 && len(w) <= 12 && speechVerbs[wordshape.Lower(w)]
}

// speechVerbs are speechVerb's words, one string (internal/wordset says
// why). Read only.
var speechVerbs = wordset.Of("said says say saying told tells asked asks added adds replied replies wrote " +
	"writes insisted insists explained explains stated states declared announced " +
	"warned warns claimed claims noted notes shouted yelled tweeted recalled recalls " +
	"continued argued argues admitted admits added: according quipped responded " +
	"responds answered exclaimed whispered cried urged urges concluded acknowledged " +
	"countered read reads reading chanted chanting chants echoing echoed mouthing " +
	"mouthed interjected interjecting tweeting shouting yelling declaring promising " +
	"promised vowed vowing sang singing repeated repeating")

// minorWords stay lower-case in a title.
var minorWords = wordset.Of("a an the of in on for to and or but at by with from as is")

// titleCase reports a phrase of at least two words in which every word
// but the minor ones starts with a capital: "Coal Isn't the Villain.",
// "DIVISIVE, STUPID AND WRONG".
func titleCase(inner string) bool {
	n := 0
	for _, w := range strings.Fields(inner) {
		w = strings.TrimFunc(w, func(r rune) bool { return !letterOrDigit(r) })
		if w == "" {
			continue
		}
		n++
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !minorWords[wordshape.Lower(w)] {
			return false
		}
	}
	return n >= 2
}
