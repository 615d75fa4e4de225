package edges

import (
	"github.com/whosaid/whosaid/internal/attrib"
	"github.com/whosaid/whosaid/internal/perceptron"
	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/wordshape"
)

// The features of one place for an edge. Training (Edges) and run time
// (Adjust) both call these, so they cannot drift apart. Each is a hash of
// a template number and values.

func h(template uint64) uint64 { return perceptron.Hash(template) }

func mix(x, v uint64) uint64 { return perceptron.Int(x, v) }

// word is token i's text hashed lower-case, or a marker outside the
// paragraphs.
func (d *Doc) word(c *claim, i int) uint64 {
	if i < c.paraFirst {
		return 1
	}
	if i >= c.paraLast {
		return 2
	}
	// Each word is hashed once a document: the places of one edge share
	// most of their words, and hashing them anew was a third of the
	// ranker's time.
	if d.wordHash == nil {
		d.wordHash = make([]uint64, len(d.Seg.Tokens))
	}
	if d.wordHash[i] == 0 { // 0: not hashed yet (or a hash of 0, hashed again)
		d.wordHash[i] = perceptron.Lower(h(2), d.Seg.Word(i))
	}
	return d.wordHash[i]
}

func (d *Doc) tag(c *claim, i int) uint64 {
	if i < c.paraFirst || i >= c.paraLast {
		return 255
	}
	if d.Seg.Tokens[i].Kind == segment.Quote {
		return 254
	}
	return uint64(d.Tags[i])
}

// delta buckets a move of n words (signed).
func delta(n int) uint64 {
	a := abs(n)
	var b uint64
	switch {
	case a <= 3:
		b = uint64(a)
	case a <= 6:
		b = 4
	case a <= 10:
		b = 5
	default:
		b = 6
	}
	if n < 0 {
		b += 8
	}
	return b
}

// dist buckets a distance in tokens.
func dist(n int) uint64 {
	switch {
	case n < 0:
		return 15
	case n <= 4:
		return uint64(n)
	case n <= 8:
		return 5
	case n <= 16:
		return 6
	}
	return 7
}

// crossing describes what lies between tokens a and b (either order):
// a sentence edge, a quote mark, commas, another claim's cue.
func (d *Doc) crossing(c *claim, a, b int) uint64 {
	if a > b {
		a, b = b, a
	}
	cue := perceptron.Flag(d.cueIn(a, b, c.cueFirst))
	var sent, quote, comma uint64
	seg := d.Seg
	for i := a; i < b; i++ {
		switch seg.Tokens[i].Kind {
		case segment.Quote:
			quote = 1
		case segment.Punct:
			switch seg.Word(i) {
			case ",", ";", "—", "–", "--":
				comma = min(comma+1, 2)
			case ".", "?", "!", ":":
				sent = 1
			}
		}
	}
	return sent | quote<<1 | comma<<2 | cue<<4
}

// firstWord reports whether word t is the first word of its sentence.
// Like every look here it goes at most Window tokens: a run of marks
// without end costs no more.
func (d *Doc) firstWord(t int) bool {
	toks := d.Seg.Tokens
	sf := d.Seg.Sentences[d.Seg.SentenceAt(int(toks[t].Start))].First
	for i := t - 1; i >= sf; i-- {
		if toks[i].Kind.IsWord() || t-i > Window {
			return false
		}
	}
	return true
}

// lastWord reports whether word t is the last word of its sentence.
func (d *Doc) lastWord(t int) bool {
	toks := d.Seg.Tokens
	sl := d.Seg.Sentences[d.Seg.SentenceAt(int(toks[t].Start))].Last
	for i := t + 1; i < sl; i++ {
		if toks[i].Kind.IsWord() || i-t > Window {
			return false
		}
	}
	return true
}

// quoted reports whether token i lies inside a quotation.
func (d *Doc) quoted(i int) uint64 {
	return perceptron.Flag(i >= 0 && i < len(d.InQuote) && d.InQuote[i])
}

// features are the features of putting one of c's edges, its start or
// its end, at word t. "Outside" is the way out of the content: the word
// before t for the start, after it for the end. Each feature is a
// template number and up to three values, hashed in one loop: one table
// for both edges keeps the page's code small.
func (d *Doc) features(buf []uint64, c *claim, t int, end bool) []uint64 {
	o, out, base, inside := c.first, -1, uint64(10), perceptron.Flag(c.cueInside)
	if end {
		o, out, base, inside = c.last, 1, 40, perceptron.Flag(c.cueBefore)
	}
	dl := delta(t - o)
	w0, w1, w2 := d.word(c, t), d.word(c, t+out), d.word(c, t+2*out)
	t0, t1, t2 := d.tag(c, t), d.tag(c, t+out), d.tag(c, t+2*out)
	// the cue and source: how far outside the edge, or (16 +) inside
	cue, src := uint64(15), uint64(15)
	var cross, edge uint64
	if end {
		cross = d.crossing(c, t+1, o+1)
		if c.cueFirst > t {
			cue = dist(c.cueFirst - t - 1)
		} else if c.cueFirst >= 0 {
			cue = 16 + dist(t-c.cueLast)
		}
		if c.srcFirst > t {
			src = dist(c.srcFirst - t - 1)
		}
		edge = perceptron.Flag(d.lastWord(t))
	} else {
		cross = d.crossing(c, t, o)
		if c.cueFirst >= 0 && c.cueLast <= t {
			cue = dist(t - c.cueLast)
		} else if c.cueFirst >= 0 {
			cue = 16 + dist(c.cueFirst-t)
		}
		if c.srcFirst >= 0 && c.srcLast <= t {
			src = dist(t - c.srcLast)
		}
		edge = perceptron.Flag(d.firstWord(t))
	}
	// a finite verb within three words beyond the place: the clause goes
	// on there ("…, the report said"; "…, which was signed")
	fin := uint64(0)
	for i := t + 2*out; i != t+5*out && i >= c.paraFirst && i < c.paraLast; i += out {
		if d.Tags[i].IsFinite() && d.Seg.Tokens[i].Kind.IsWord() {
			fin = 1
			break
		}
	}
	// the classes of the words at and beyond the place, which the pruned
	// word features seldom keep: a date ("said Tuesday that …", "… on
	// Monday"), a speech verb (another attribution's frame)
	c0, c1 := d.class(c, t), d.class(c, t+out)
	f := [...][4]uint64{
		{0, dl}, {1, dl, w1}, {2, dl, t1, t0}, {3, w1}, {4, w0}, {5, t1, t0}, {6, t2, t1, t0}, {7, w2, w1},
		{8, edge, dl}, {9, cue, dl}, {10, cue, w1}, {11, c.kind, dl}, {12, cross, dl}, {13, c.cueWord, w1},
		{14, src, dl}, {15, edge, t1, t0}, {16, c.kind, cue, w1}, {17, cross, inside},
		// where the edge is now, with the move: the errors the engine
		// makes follow from where it put the edge
		{18, d.word(c, o+out), dl}, {19, d.word(c, o), dl}, {20, d.tag(c, o+out), d.tag(c, o), dl},
		{21, d.quoted(o), d.quoted(t), dl}, {22, w1, t0},
		{23, fin, w1, dl}, {24, c.kind, t1, t0},
		{25, c0, c1, dl}, {26, c0, t1, cue},
		// the content's commas: one opens an aside the content should
		// close, two close it ("Smith, who …, said")
		{27, asideCommas(d.contentCommas(c, t, end)), t1, t0},
	}
	for _, v := range f {
		buf = append(buf, mix(mix(mix(h(base+v[0]), v[1]), v[2]), v[3]))
	}
	return buf
}

// contentCommas counts the commas the content would hold with its edge
// at word t, from prefix counts made once a document, so that a long
// content costs no more than a short one.
func (d *Doc) contentCommas(c *claim, t int, end bool) int32 {
	if d.commas == nil {
		toks := d.Seg.Tokens
		d.commas = make([]int32, len(toks)+1)
		for i := range toks {
			d.commas[i+1] = d.commas[i]
			if toks[i].Kind == segment.Punct && d.Seg.Word(i) == "," {
				d.commas[i+1]++
			}
		}
	}
	a, b := t, c.last+1
	if end {
		a, b = c.first, t+1
	}
	if a >= b {
		return 0
	}
	return d.commas[b] - d.commas[a]
}

// asideCommas classes a content's comma count: none or two (no aside, or
// one closed) give 0; one, three or more give 1. On the folds this beat
// the count itself and its plain parity (README, "The edge model counts
// a content's commas").
func asideCommas(n int32) uint64 {
	return uint64(min(n, 3) & 1)
}

// class is token i's word class for the features: a calendar word (1),
// another word of time (2), a speech verb (4), outside the paragraphs
// (3), or none (0).
func (d *Doc) class(c *claim, i int) uint64 {
	if i < c.paraFirst || i >= c.paraLast {
		return 3
	}
	// lower-cased once: Lower copies a word with capitals, and the sets
	// below then read it without another copy
	w := wordshape.Lower(d.Seg.Word(i))
	switch {
	case attrib.Date(w):
		return 1
	case attrib.TimeWord(w):
		return 2
	case attrib.SpeechVerb(w):
		return 4
	}
	return 0
}
