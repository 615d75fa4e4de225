package learned

import (
	"github.com/whosaid/whosaid/internal/attrib"
	"github.com/whosaid/whosaid/internal/cue"
	"github.com/whosaid/whosaid/internal/perceptron"
	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
	"github.com/whosaid/whosaid/internal/wordset"
)

// Doc is one article prepared for the model: its segmentation, tags, and
// which tokens lie inside a quotation that is speech.
type Doc struct {
	Seg     *segment.Doc
	Tags    []tag.Tag
	InQuote []bool
	sent    []int32    // sentence index of every token
	runs    [][2]int32 // token ranges of quotations (runs of InQuote)
	run     []int32    // index into runs of every token, -1 outside
	qLeft   []uint8    // tokens back to the nearest quote mark in the sentence, 0 = none
	qRight  []uint8    // tokens on to the nearest quote mark in the sentence, 0 = none
	colon   []bool     // the token's sentence has a colon
	// class is every token's cue.Lexicon.WordClass: a verb rare in the
	// training data borrows what its class learned.
	class []uint8
}

// NewDoc prepares seg for the model. tags and inQuote have one entry per
// token; lex is the cue lexicon the model was trained with (cue.Default).
func NewDoc(seg *segment.Doc, tags []tag.Tag, inQuote []bool, lex *cue.Lexicon) *Doc {
	d := &Doc{Seg: seg, Tags: tags, InQuote: inQuote, sent: make([]int32, len(seg.Tokens)),
		class: make([]uint8, len(seg.Tokens))}
	for i := range d.class {
		if seg.Tokens[i].Kind == segment.Word {
			d.class[i] = uint8(lex.WordClass(seg.Word(i)))
		}
	}
	for si, s := range seg.Sentences {
		for t := s.First; t < s.Last; t++ {
			d.sent[t] = int32(si)
		}
	}
	d.run = make([]int32, len(seg.Tokens))
	for t := range d.run {
		d.run[t] = -1
		if t < len(inQuote) && inQuote[t] {
			if t == 0 || !inQuote[t-1] || d.quoteMeets(t) {
				d.runs = append(d.runs, [2]int32{int32(t), int32(t)})
			}
			d.runs[len(d.runs)-1][1] = int32(t + 1)
			d.run[t] = int32(len(d.runs) - 1)
		}
	}
	d.marks()
	return d
}

// quoteMeets reports whether token t opens a paragraph with a quote mark
// right after one that ends with a quote mark: two quotations that touch,
// not one, though every token between them is quoted. A quotation carried
// over paragraphs leaves the earlier ones open.
func (d *Doc) quoteMeets(t int) bool {
	toks := d.Seg.Tokens
	sens := d.Seg.Sentences
	return toks[t].Kind == segment.Quote && toks[t-1].Kind == segment.Quote &&
		sens[d.sent[t]].Para != sens[d.sent[t-1]].Para
}

// marks finds, for every token, the nearest quote mark on each side in its
// sentence and whether the sentence has a colon: cues sit next to
// quotations and introduce them with colons.
func (d *Doc) marks() {
	n := len(d.Seg.Tokens)
	d.qLeft, d.qRight, d.colon = make([]uint8, n), make([]uint8, n), make([]bool, n)
	for _, s := range d.Seg.Sentences {
		last := -1
		colon := false
		for t := s.First; t < s.Last; t++ {
			if last >= 0 {
				d.qLeft[t] = uint8(min(t-last, 255))
			}
			w := d.Seg.Text[d.Seg.Tokens[t].Start:d.Seg.Tokens[t].End]
			if d.Seg.Tokens[t].Kind == segment.Quote {
				last = t
			}
			colon = colon || w == ":"
		}
		last = -1
		for t := s.Last - 1; t >= s.First; t-- {
			if last >= 0 {
				d.qRight[t] = uint8(min(last-t, 255))
			}
			if d.Seg.Tokens[t].Kind == segment.Quote {
				last = t
			}
			d.colon[t] = colon
		}
	}
}

// stem strips the common inflection endings ("saying", "claimed",
// "warns" → "say", "claim", "warn"), so rare forms share their verb's
// weights.
func stem(w string) string {
	for _, suf := range [...]string{"ing", "ed", "es", "s"} {
		if len(w) > len(suf)+2 && hasSuffixFold(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

func hasSuffixFold(w, suf string) bool {
	w = w[len(w)-len(suf):]
	for i := 0; i < len(suf); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != suf[i] {
			return false
		}
	}
	return true
}

// isAux reports whether w is an auxiliary or adverb that starts a cue
// ("is warning", "has also said"); the cue's head is the word after them.
func isAux(w string) bool { return auxiliaries[w] }

// auxiliaries are isAux's words: one string, not a switch
// (internal/wordset says why). Read only.
var auxiliaries = wordset.Of("is are was were be been being has have had will would could can may might " +
	"should did does do also not never then later once again first just still " +
	"Is Are Was Were Has Have Had Also Then ’s 's")

// prefix is the first n bytes of s, lower-cased in the hash.
func prefix(h uint64, s string, n int) uint64 {
	if len(s) > n {
		s = s[:n]
	}
	return lower(h, s)
}

// word returns token i's text, or a boundary marker outside [f, l).
func (d *Doc) word(i, f, l int) string {
	if i < f {
		return "<s>"
	}
	if i >= l {
		return "</s>"
	}
	return d.Seg.Text[d.Seg.Tokens[i].Start:d.Seg.Tokens[i].End]
}

func (d *Doc) tag(i, f, l int) uint64 {
	if i < f || i >= l {
		return 255
	}
	return uint64(d.Tags[i])
}

// quoted reports whether token i lies inside a quotation.
func (d *Doc) quoted(i int) uint64 {
	return perceptron.Flag(i >= 0 && i < len(d.InQuote) && d.InQuote[i])
}

// lower is perceptron.Lower, short for the many word features.
func lower(h uint64, s string) uint64 { return perceptron.Lower(h, s) }

// suffix is the last n bytes of s, lower-cased in the hash.
func suffix(h uint64, s string, n int) uint64 {
	if len(s) > n {
		s = s[len(s)-n:]
	}
	return lower(h, s)
}

// shape classes a word by its letters: Xxx, xxx, XXX, digits, mark, other.
func shape(s string) uint64 {
	if s == "" {
		return 0
	}
	c := s[0]
	switch {
	case 'A' <= c && c <= 'Z':
		if len(s) > 1 && 'A' <= s[1] && s[1] <= 'Z' {
			return 3
		}
		return 1
	case 'a' <= c && c <= 'z':
		return 2
	case '0' <= c && c <= '9':
		return 4
	case c == '"' || c == '\'' || c >= 0x80 && isQuoteMark(s):
		return 5
	case c == ',' || c == '.' || c == ':' || c == ';' || c == '!' || c == '?':
		return 6
	}
	return 7
}

func isQuoteMark(s string) bool {
	switch s {
	case "“", "”", "‘", "’", "«", "»", "„", "‹", "›":
		return true
	}
	return false
}

// category of a neighbouring word for the cue features: that, a quote mark,
// a colon, a comma, other.
func category(w string) uint64 {
	switch w {
	case "that", "That":
		return 1
	case ":":
		return 3
	case ",":
		return 4
	}
	if shape(w) == 5 {
		return 2
	}
	return 0
}

func bucket(n int) uint64 {
	switch {
	case n <= 0:
		return 0
	case n <= 3:
		return uint64(n)
	case n <= 5:
		return 4
	case n <= 10:
		return 5
	case n <= 20:
		return 6
	}
	return 7
}

// h is perceptron.Hash as a function, not a variable holding it, so that
// it inlines and h(1), h(2), … fold to constants.
func h(template uint64) uint64 { return perceptron.Hash(template) }

// cueFeatures appends the features of token i of the sentence [f, l) for
// the cue tagger that do not depend on the previous token's label.
func (d *Doc) cueFeatures(buf []uint64, i, f, l int, sentQuote uint64) []uint64 {
	tk := d.cueTok(i, f, l, sentQuote)
	x := d.cueEmitLookup(i, f, l, &tk)
	g := cueEmitTag(tk.t, tk.q, tk.sq, tk.col)
	sh := cueEmitShape(shape(tk.w), category(d.word(i+1, f, l)), category(d.word(i-1, f, l)))
	return append(buf,
		g[0], x[0], x[1], g[1], x[2], x[3], x[4], x[5], x[6], x[7],
		g[2], sh[0], sh[1], sh[2], g[3], x[8], x[9], x[10], g[4], g[5],
		x[11], x[12], x[13], x[19], x[14], x[15], x[16], g[6],
		x[20], x[21], x[17], x[18], x[22], x[23], x[24],
	)
}

// cueTok is what the cue features read of token i besides its neighbours.
type cueTok struct {
	w, stm                string
	t, q, sq, ql, qr, col uint64
}

func (d *Doc) cueTok(i, f, l int, sentQuote uint64) cueTok {
	tk := cueTok{w: d.word(i, f, l), t: d.tag(i, f, l), q: d.quoted(i), sq: sentQuote}
	tk.stm = stem(tk.w)
	if i >= f && i < l {
		tk.ql, tk.qr = bucket(int(d.qLeft[i])), bucket(int(d.qRight[i]))
		if d.colon[i] {
			tk.col = 1
		}
	}
	return tk
}

// cueEmitLookup gives the cue features that the model looks up one by
// one: those of the token's words and neighbouring tags, which take too
// many values to add up ahead, and those that stand alone (see
// spanEmitLookup). The others come in groups of the few values they read,
// which the model adds up ahead (cueEmitTables).
func (d *Doc) cueEmitLookup(i, f, l int, tk *cueTok) [25]uint64 {
	in := perceptron.Int
	w, t, stm := tk.w, tk.t, tk.stm
	prev, next := d.word(i-1, f, l), d.word(i+1, f, l)
	prevTag, nextTag := d.tag(i-1, f, l), d.tag(i+1, f, l)
	var lc uint64
	if i >= f && i < l {
		lc = uint64(d.class[i])
	}
	// Each word once under all the templates that read it
	// (perceptron.Lower5 says why): prev before w, which chains on it,
	// and next last, which chains on w and stm.
	l7, l10p := perceptron.Lower2(h(7), h(10), prev)
	l2, l9, l18, l25, l10 := perceptron.Lower5(h(2), h(9), h(18), h(25), l10p, w)
	l23, l28, l29, l63, l64 := perceptron.Lower5(h(23), h(28), h(29), h(63), h(64), stm)
	l8, l9n, l64n := perceptron.Lower3(h(8), l9, l64, next)
	return [25]uint64{
		l2, // the word
		suffix(h(3), w, 3),
		in(in(h(5), prevTag), t),
		in(in(h(6), t), nextTag),
		l7,         // the previous word
		l8,         // the next word
		l9n,        // the word and the next
		l10,        // the previous word and the word
		in(l18, t), // the word and its tag
		lower(h(19), d.word(i+2, f, l)),
		lower(h(20), d.word(i-2, f, l)),
		l23, // the stem
		prefix(h(24), w, 4),
		in(l25, nextTag), // the word and the next tag
		in(in(in(h(27), tk.ql), tk.qr), t),
		in(l28, tk.ql),   // the stem and the quotation to the left
		in(l29, tk.qr),   // and to the right
		in(l63, prevTag), // the stem and the previous tag
		l64n,             // the stem and the next word
		in(in(h(26), tk.ql), tk.qr),
		in(in(h(61), bucket(i-f)), t),
		in(in(h(62), bucket(l-1-i)), t),
		// the word's class in the cue lexicon, alone, with its tag and
		// with what follows
		in(h(90), lc),
		in(in(h(91), lc), t),
		in(in(h(92), lc), category(next)),
	}
}

// cueEmitTag: the bias, the tag, quotedness (the token's, its sentence's)
// and whether the sentence has a colon.
func cueEmitTag(t, q, sq, col uint64) [7]uint64 {
	in := perceptron.Int
	return [7]uint64{
		h(1),
		in(h(4), t),
		in(h(13), q),
		in(h(17), sq),
		in(in(h(21), q), t),
		in(in(h(22), sq), t),
		in(in(h(60), col), t),
	}
}

// cueEmitShape: the word's shape and its neighbours' categories.
func cueEmitShape(sh, next, prev uint64) [3]uint64 {
	in := perceptron.Int
	return [3]uint64{in(h(14), sh), in(h(15), next), in(h(16), prev)}
}

// cueTrans appends the features of token i of the sentence [f, l) that
// pair it with the previous token's label.
func (d *Doc) cueTrans(buf []uint64, i, f, l, prev int) []uint64 {
	p := uint64(prev)
	return append(buf,
		cueTransLabel(p),
		cueTransWord(p, d.word(i, f, l)),
		cueTransTag(p, d.tag(i, f, l)),
	)
}

// The cue transition features one by one: the model adds up ahead those
// that take few values (newTransTables), for every label and tag.
func cueTransLabel(p uint64) uint64          { return perceptron.Int(h(11), p) }
func cueTransWord(p uint64, w string) uint64 { return lower(perceptron.Int(h(12), p), w) }
func cueTransTag(p, t uint64) uint64         { return perceptron.Int(perceptron.Int(h(65), p), t) }

// cueTransWords is cueTransWord for every label at once, in one pass over w.
func cueTransWords(w string) (x [numCue]uint64) {
	in := perceptron.Int
	x[cueO], x[cueB], x[cueI] = perceptron.Lower3(in(h(12), cueO), in(h(12), cueB), in(h(12), cueI), w)
	return x
}

// spanCtx is what the span labeller knows about one cue and its window.
type spanCtx struct {
	cs, ce  int // cue tokens [cs, ce)
	wf, wl  int // window tokens [wf, wl)
	cueSent int32
	bound   bool   // the model has the boundary features (Model.bound)
	headAt  int    // the cue's first token past its auxiliaries and adverbs
	head    string // the cue's first word
	// head41, head42 and head73 are head hashed under those templates,
	// once for the window rather than for each of its tokens.
	head41, head42, head73 uint64
	headTag                uint64
	next                   uint64 // category of the word after the cue
	prevCat                uint64 // category of the word before the cue
	commas                 []int32
	quotes                 []int32 // prefix counts over the window
	finite                 []int32 // and of finite verbs (VBD, VBZ, VBP, MD)
	clauses                []int32 // prefix counts of clause breaks (isClauseBreak)
	strong                 []int32 // prefix counts of colons, semicolons and dashes
	verbs                  []int32 // prefix counts of speech verbs (isSpeechVerb)
	// cueSums are spanEmitCue's weights for every position and
	// quotedness, added up on the window's first token (modelScorer).
	cueSums   [numRel][2][numSpan]int32
	cueSumsOK bool
	// farSums are spanEmitNear's weights for the tokens far from the cue
	// (farGap, not next to it), for every position; filled with cueSums.
	farSums [numRel][numSpan]int32
	// Decoding constraints on the source, set at run time only
	// (Model.label): training decodes without them, so the model file
	// stays what make train writes. noSrcF and noSrcL bound the tokens
	// that may not be the source (participleSubject); wordStart starts
	// a source on a word or number only, never on a quote mark, comma
	// or dash (the engine would drop a source that is only marks, and
	// the labeller's next choice is often the speaker: held-out train
	// folds e2e 0.7047 → 0.7057, source accuracy 0.8933 → 0.8943; no
	// change on dev).
	noSrcF, noSrcL int
	wordStart      bool
}

// noSourceStart reports whether a source may not start at token i.
func (c *spanCtx) noSourceStart(d *Doc, i int) bool {
	k := d.Seg.Tokens[i].Kind
	return c.wordStart && k != segment.Word && k != segment.Number
}

func (d *Doc) newSpanCtx(cs, ce, wf, wl int, bound bool) *spanCtx {
	c := &spanCtx{cs: cs, ce: ce, wf: wf, wl: wl, cueSent: d.sent[cs], bound: bound}
	hd := cs
	for hd+1 < ce && isAux(d.word(hd, wf, wl)) {
		hd++
	}
	c.headAt = hd
	c.head = stem(d.word(hd, wf, wl))
	c.head41, c.head42, c.head73 = perceptron.Lower3(h(41), h(42), h(73), c.head)
	c.headTag = d.tag(hd, wf, wl)
	c.next = category(d.word(ce, wf, wl))
	c.prevCat = category(d.word(cs-1, wf, wl))
	// prefix counts over the window, in one pass; the clause breaks, strong
	// marks and speech verbs only for the boundary features
	n := wl - wf
	c.commas = make([]int32, n+1)
	c.quotes = make([]int32, n+1)
	c.finite = make([]int32, n+1)
	if bound {
		c.clauses = make([]int32, n+1)
		c.strong = make([]int32, n+1)
		c.verbs = make([]int32, n+1)
	}
	for k := 0; k < n; k++ {
		w, t := d.word(wf+k, wf, wl), d.Tags[wf+k]
		c.commas[k+1] = c.commas[k]
		c.quotes[k+1] = c.quotes[k]
		c.finite[k+1] = c.finite[k]
		if t.IsFinite() {
			c.finite[k+1]++
		}
		if w == "," {
			c.commas[k+1]++
		}
		if shape(w) == 5 {
			c.quotes[k+1]++
		}
		if !bound {
			continue
		}
		c.clauses[k+1] = c.clauses[k]
		c.strong[k+1] = c.strong[k]
		c.verbs[k+1] = c.verbs[k]
		if attrib.SpeechVerb(w) {
			c.verbs[k+1]++
		}
		if w == "," && isClauseOpener(tag.Tag(d.tag(wf+k+1, wf, wl))) {
			c.clauses[k+1]++
		}
		if t == tag.Colon || t == tag.Dash || w == ";" {
			c.strong[k+1]++
		}
	}
	return c
}

// coarse groups the tags for the span transition features that read the
// current and next token's tags: 22 classes, not 54.
func coarse(t uint64) uint64 {
	switch tag.Tag(t) {
	case tag.NN, tag.NNS:
		return 1
	case tag.NNP, tag.NNPS:
		return 2
	case tag.PRP, tag.PRPS:
		return 3
	case tag.DT, tag.PDT:
		return 4
	case tag.IN:
		return 5
	case tag.TO:
		return 6
	case tag.CC:
		return 7
	case tag.VB, tag.VBP, tag.VBZ, tag.VBD:
		return 8
	case tag.VBG:
		return 9
	case tag.VBN:
		return 10
	case tag.WDT, tag.WP, tag.WPS, tag.WRB:
		return 11
	case tag.JJ, tag.JJR, tag.JJS:
		return 12
	case tag.RB, tag.RBR, tag.RBS:
		return 13
	case tag.MD:
		return 14
	case tag.Comma:
		return 15
	case tag.Period:
		return 16
	case tag.Colon, tag.Dash, tag.HYPH:
		return 17
	case tag.OpenQuote, tag.CloseQuote:
		return 18
	case tag.CD:
		return 19
	case tag.POS:
		return 20
	}
	if t == 255 {
		return 21
	}
	return 0
}

// numCoarse is the number of coarse's classes.
const numCoarse = 22

// isClauseOpener reports the tags that open a new clause or a trailing
// phrase after a comma (", adding …", ", while …", ", which …", ", but …"):
// contents often stop there.
func isClauseOpener(t tag.Tag) bool {
	switch t {
	case tag.CC, tag.IN, tag.WDT, tag.WP, tag.WRB, tag.VBG, tag.VBN:
		return true
	}
	return false
}

// gapTags hashes the tags of the tokens between token i and the cue when
// there are at most maxGap of them ("told [reporters] that", "asked [him]
// to"): whether i is the first word after the cue's object. Farther tokens
// all get one value.
func (d *Doc) gapTags(c *spanCtx, i int) uint64 {
	const maxGap = 3
	a, b := i+1, c.cs
	if i >= c.ce {
		a, b = c.ce, i
	}
	if b-a > maxGap || a > b {
		return farGap
	}
	g := uint64(0x100)
	for k := a; k < b; k++ {
		g = g<<6 | d.tag(k, c.wf, c.wl)&63
	}
	return g
}

// farGap is gapTags's value for the tokens more than maxGap from the cue.
const farGap = 0xfff

// between counts marks strictly between token i and the cue.
func (c *spanCtx) between(pre []int32, i int) int {
	a, b := i+1, c.cs
	if i >= c.ce {
		a, b = c.ce, i
	}
	if a >= b {
		return 0
	}
	return int(pre[b-c.wf] - pre[a-c.wf])
}

// spanPos is where token i stands relative to the cue.
func (c *spanCtx) pos(d *Doc, i int) (rel uint64, db uint64) {
	rel = 1 // inside the cue
	dist := 0
	switch {
	case i < c.cs:
		rel, dist = 0, c.cs-i
	case i >= c.ce:
		rel, dist = 2, i-c.ce+1
	}
	return rel, bucket(dist)
}

// spanEmit appends the features of token i for the source/content labeller
// that do not depend on the previous label.
func (d *Doc) spanEmit(buf []uint64, c *spanCtx, i int) []uint64 {
	tk := d.spanTok(c, i)
	x := d.spanEmitLookup(c, i, &tk)
	p := spanEmitPos(tk.rel, tk.db, tk.q, tk.first)
	s := spanEmitSent(tk.sr, tk.rel, tk.q, tk.first)
	k := spanEmitCue(c, tk.rel, tk.q)
	buf = append(buf,
		p[0], p[1], x[9], x[0], x[10], p[2], s[0],
		k[0], x[1], x[2], x[3], x[4], x[5], x[11], x[12],
		p[3], k[1], k[2], p[4], x[6], s[1], k[3], x[7], x[13], x[14],
		x[8], s[2], x[15],
	)
	if !c.bound {
		return buf
	}
	bx := d.spanEmitBound(c, i, &tk)
	nr := d.spanEmitNear(c, i, tk.rel, tk.gap)
	b := spanEmitBreaks(tk.rel, tk.q, tk.cb, tk.sb, tk.vb)
	return append(buf, bx[0], bx[1], nr[0], b[0], b[1], bx[2], bx[3], nr[1])
}

// spanTok is what the span features read of token i besides its
// neighbours.
type spanTok struct {
	w                        string
	t, rel, db, sr, q, first uint64
	gap                      uint64 // gapTags
	cb, sb, vb               uint64 // buckets of clause breaks, strong marks, speech verbs to the cue
}

func (d *Doc) spanTok(c *spanCtx, i int) spanTok {
	tk := spanTok{w: d.word(i, c.wf, c.wl), t: d.tag(i, c.wf, c.wl), q: d.quoted(i)}
	tk.rel, tk.db = c.pos(d, i)
	tk.sr = uint64(int64(d.sent[i]-c.cueSent) + 2)
	if i == c.wf || d.sent[i] != d.sent[i-1] {
		tk.first = 1
	}
	if c.bound {
		tk.gap = d.gapTags(c, i)
		tk.cb = bucket(c.between(c.clauses, i))
		tk.sb = bucket(c.between(c.strong, i))
		tk.vb = bucket(c.between(c.verbs, i))
	}
	return tk
}

// spanEmitLookup gives the emission features that the model looks up one
// by one: those of the token's words and tags, which take too many values
// to add up ahead, and those that stand alone, where a table would save
// one lookup for its code. The others come in groups of the few values
// they read, which the model adds up ahead (spanEmitTables).
func (d *Doc) spanEmitLookup(c *spanCtx, i int, tk *spanTok) [numSpanLookup]uint64 {
	in := perceptron.Int
	f, l := c.wf, c.wl
	rel, t, w := tk.rel, tk.t, tk.w
	prev := d.word(i-1, f, l)
	// prev once for both its templates, then w for both of its
	// (perceptron.Lower5 says why).
	l45, l66p := perceptron.Lower2(in(h(45), rel), in(h(66), rel), prev)
	l33, l66 := perceptron.Lower2(in(h(33), rel), l66p, w)
	return [numSpanLookup]uint64{
		l33, // the word
		in(in(c.head42, rel), t),
		in(in(in(h(43), rel), d.tag(i-1, f, l)), t),
		in(in(in(h(44), rel), t), d.tag(i+1, f, l)),
		l45, // the previous word
		lower(in(h(46), rel), d.word(i+1, f, l)),
		in(in(in(h(53), c.headTag), rel), t),
		l66, // the previous word and the word
		in(in(in(h(69), rel), t), d.tag(i+2, f, l)),
		in(in(h(32), rel), t),
		in(in(h(34), rel), shape(w)),
		in(in(h(47), rel), bucket(c.between(c.commas, i))),
		in(in(h(48), rel), bucket(c.between(c.quotes, i))),
		in(in(h(67), rel), bucket(d.Seg.Sentences[d.sent[i]].Last-1-i)),
		in(in(h(68), rel), category(prev)),
		// A participle cue (", saying") takes the subject before its
		// clause's finite verb, not the object after it.
		in(in(in(h(80), rel), bucket(c.between(c.finite, i))), c.prevCat),
	}
}

// spanEmitBound gives the boundary features (Model.bound) that the model
// looks up one by one: the tags between the cue and a nearby token, with
// its tag and the next and with its word; the word and the next; the tag
// and the clause breaks to the cue. spanEmitNear and spanEmitBreaks have
// the others.
func (d *Doc) spanEmitBound(c *spanCtx, i int, tk *spanTok) [4]uint64 {
	in := perceptron.Int
	f, l := c.wf, c.wl
	rel, t, w, gap := tk.rel, tk.t, tk.w, tk.gap
	l72, l77 := perceptron.Lower2(in(in(h(72), rel), gap), in(h(77), rel), w)
	return [4]uint64{
		in(in(in(in(h(71), rel), gap), t), d.tag(i+1, f, l)),
		l72,
		lower(l77, d.word(i+1, f, l)),
		in(in(in(in(h(78), rel), t), tk.q), tk.cb),
	}
}

// spanEmitNear gives the features that read the cue's head with the tags
// between the cue and the token, and with the word next to the cue
// (nextToCue). Beyond maxGap tokens of the cue they take one value for
// its whole window, which the model adds up ahead (spanCtx.farSums).
func (d *Doc) spanEmitNear(c *spanCtx, i int, rel, gap uint64) [2]uint64 {
	return [2]uint64{
		perceptron.Int(perceptron.Int(c.head73, rel), gap),
		d.nextToCue(c, i),
	}
}

// spanEmitFar is spanEmitNear for a token far from the cue and not next
// to it.
func (c *spanCtx) spanEmitFar(rel uint64) [2]uint64 {
	return [2]uint64{perceptron.Int(perceptron.Int(c.head73, rel), farGap), h(79)}
}

// spanEmitBreaks: the clause breaks, strong marks and speech verbs between
// the cue and the token.
func spanEmitBreaks(rel, q, cb, sb, vb uint64) [2]uint64 {
	in := perceptron.Int
	return [2]uint64{
		in(in(in(in(h(74), rel), q), cb), sb),
		in(in(in(h(75), rel), q), vb),
	}
}

// nextToCue pairs the cue's head with the word right after or before it
// ("told reporters", "urged Congress", "said Tuesday"); the other tokens
// share one feature.
func (d *Doc) nextToCue(c *spanCtx, i int) uint64 {
	if i != c.ce && i != c.cs-1 {
		return h(79)
	}
	rel, _ := c.pos(d, i)
	return lower(lower(perceptron.Int(h(79), rel), c.head), d.word(i, c.wf, c.wl))
}

// numSpanLookup is the number of spanEmitLookup's features.
const numSpanLookup = 16

// spanEmitPos: the position, distance bucket, quotedness and sentence start.
func spanEmitPos(rel, db, q, first uint64) [5]uint64 {
	in := perceptron.Int
	return [5]uint64{
		in(h(30), rel),
		in(in(h(31), rel), db),
		in(in(h(35), rel), q),
		in(in(h(49), rel), first),
		in(in(in(h(52), rel), q), db),
	}
}

// spanEmitSent: the sentence relative to the cue's (sr, 1 to 3 in a window).
func spanEmitSent(sr, rel, q, first uint64) [3]uint64 {
	in := perceptron.Int
	return [3]uint64{
		in(in(h(36), sr), rel),
		in(in(in(h(55), sr), rel), q),
		in(in(in(h(70), rel), sr), first),
	}
}

// spanEmitCue: the cue's head and neighbours, the same for all its window.
func spanEmitCue(c *spanCtx, rel, q uint64) [4]uint64 {
	in := perceptron.Int
	return [4]uint64{
		in(c.head41, rel),
		in(in(h(50), c.next), rel),
		in(in(h(51), c.prevCat), rel),
		in(in(in(h(56), c.next), rel), q),
	}
}

// spanTrans appends the features of token i that pair it with the previous
// token's label.
func (d *Doc) spanTrans(buf []uint64, c *spanCtx, i, prev int) []uint64 {
	w := d.word(i, c.wf, c.wl)
	t := d.tag(i, c.wf, c.wl)
	rel, db := c.pos(d, i)
	p := uint64(prev)
	buf = append(buf,
		spanTransLabel(p),
		spanTransTag(p, t),
		spanTransRel(p, rel),
		spanTransWord(p, w),
		spanTransDist(p, rel, db),
		spanTransQuoted(p, d.quoted(i), t),
	)
	if c.bound {
		buf = append(buf, spanTransNext(p, coarse(t), coarse(d.tag(i+1, c.wf, c.wl))))
	}
	return buf
}

// The span transition features one by one: the model adds up ahead those
// that take few values (newTransTables), for every label, tag, position
// and quotedness.
func spanTransLabel(p uint64) uint64          { return perceptron.Int(h(37), p) }
func spanTransTag(p, t uint64) uint64         { return perceptron.Int(perceptron.Int(h(38), p), t) }
func spanTransRel(p, rel uint64) uint64       { return perceptron.Int(perceptron.Int(h(39), p), rel) }
func spanTransWord(p uint64, w string) uint64 { return lower(perceptron.Int(h(40), p), w) }
func spanTransDist(p, rel, db uint64) uint64 {
	return perceptron.Int(perceptron.Int(perceptron.Int(h(54), p), rel), db)
}

// spanTransWords is spanTransWord for every label at once, in one pass
// over w.
func spanTransWords(w string) (x [numSpan]uint64) {
	in := perceptron.Int
	x[spO], x[spBS], x[spIS], x[spBC], x[spIC] = perceptron.Lower5(
		in(h(40), spO), in(h(40), spBS), in(h(40), spIS), in(h(40), spBC), in(h(40), spIC), w)
	return x
}

// spanTransNext pairs the label change with the token's and the next
// token's coarse tags: where a content stops (", adding", "while") or starts.
func spanTransNext(p, ct, cn uint64) uint64 {
	return perceptron.Int(perceptron.Int(perceptron.Int(h(76), p), ct), cn)
}
func spanTransQuoted(p, q, t uint64) uint64 {
	return perceptron.Int(perceptron.Int(perceptron.Int(h(57), p), q), t)
}
