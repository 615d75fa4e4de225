package learned

import (
	"math/bits"

	"github.com/whosaid/whosaid/internal/perceptron"
)

// Sizes of the values the transition features other than the word take:
// d.tag is a tag.Tag (a byte) or 255 outside the window, spanCtx.pos
// gives one of three positions and a bucket (0 to 7), quoted is 0 or 1.
const (
	numTags    = 256
	numRel     = 3
	numBuckets = 8
)

// transTables holds a compact model's weights of the transition features
// that do not depend on the word, added up ahead for every value they
// take. A token after a label then costs one feature lookup, the word's,
// not six (span) or three (cue): these lookups were most of the labeller's
// and the cue tagger's. The sums are the integers Scores adds, so the
// scores are the same numbers.
type transTables struct {
	emit    spanEmitTables
	cueEmit cueEmitTables

	cue    [numCue][numTags][numCue]int32                // cueTransLabel + cueTransTag
	spanTQ [numSpan][numTags][2][numSpan]int32           // spanTransLabel + spanTransTag + spanTransQuoted
	spanRD [numSpan][numRel][numBuckets][numSpan]int32   // spanTransRel + spanTransDist
	spanNx [numSpan][numCoarse][numCoarse][numSpan]int32 // spanTransNext
}

func newTransTables(cue, span *perceptron.Model) *transTables {
	t := new(transTables)
	for p := range uint64(numCue) {
		for tg := range uint64(numTags) {
			sum := t.cue[p][tg][:]
			cue.AddRow(cueTransLabel(p), sum)
			cue.AddRow(cueTransTag(p, tg), sum)
		}
	}
	for p := range uint64(numSpan) {
		for tg := range uint64(numTags) {
			for q := range uint64(2) {
				sum := t.spanTQ[p][tg][q][:]
				span.AddRow(spanTransLabel(p), sum)
				span.AddRow(spanTransTag(p, tg), sum)
				span.AddRow(spanTransQuoted(p, q, tg), sum)
			}
		}
		for ct := range uint64(numCoarse) {
			for cn := range uint64(numCoarse) {
				span.AddRow(spanTransNext(p, ct, cn), t.spanNx[p][ct][cn][:])
			}
		}
		for rel := range uint64(numRel) {
			for db := range uint64(numBuckets) {
				sum := t.spanRD[p][rel][db][:]
				span.AddRow(spanTransRel(p, rel), sum)
				span.AddRow(spanTransDist(p, rel, db), sum)
			}
		}
	}
	t.emit.fill(span)
	t.cueEmit.fill(cue)
	return t
}

// cueEmitTables holds the cue features that come in groups of few values
// (cueEmitTag, cueEmitShape), added up ahead.
type cueEmitTables struct {
	tag   [numTags][2][2][2][numCue]int32 // cueEmitTag
	shape [numShapes][numCats][numCats][numCue]int32
}

func (e *cueEmitTables) fill(m *perceptron.Model) {
	for t := range uint64(numTags) {
		for q := range uint64(2) {
			for sq := range uint64(2) {
				for col := range uint64(2) {
					f := cueEmitTag(t, q, sq, col)
					m.AddRows(f[:], e.tag[t][q][sq][col][:])
				}
			}
		}
	}
	for sh := range uint64(numShapes) {
		for next := range uint64(numCats) {
			for prev := range uint64(numCats) {
				f := cueEmitShape(sh, next, prev)
				m.AddRows(f[:], e.shape[sh][next][prev][:])
			}
		}
	}
}

// cueEmit writes the scores of Doc.cueFeatures's features into out.
func (s *modelScorer) cueEmit(d *Doc, i, f, l int, sentQuote uint64, feats []uint64, out []float64) []uint64 {
	tk := d.cueTok(i, f, l, sentQuote)
	x := d.cueEmitLookup(i, f, l, &tk)
	var sum [numCue]int32
	s.m.AddRows(x[:], sum[:])
	e := &s.tab.cueEmit
	addCue(&sum, &e.tag[tk.t][tk.q][tk.sq][tk.col])
	addCue(&sum, &e.shape[shape(tk.w)][category(d.word(i+1, f, l))][category(d.word(i-1, f, l))])
	s.finish(sum[:], out)
	return feats
}

func addCue(sum, x *[numCue]int32) {
	for c := range sum {
		sum[c] += x[c]
	}
}

func (s trainerScorer) cueEmit(d *Doc, i, f, l int, sentQuote uint64, feats []uint64, out []float64) []uint64 {
	feats = d.cueFeatures(feats[:0], i, f, l, sentQuote)
	s.t.Scores(feats, out)
	return feats
}

// numSR bounds the sentence of a token relative to its cue's, plus two,
// that the tables hold: 1 to 3 in a window; any other goes one by one.
const numSR = 4

// numShapes and numCats are the values of shape and category.
const (
	numShapes = 8
	numCats   = 5
)

// spanEmitTables holds the span emission features that come in groups of
// few values (spanEmitPos, spanEmitSent), added up ahead; spanCtx holds
// spanEmitCue's.
type spanEmitTables struct {
	pos    [numRel][numBuckets][2][2][numSpan]int32          // spanEmitPos
	sent   [numSR][numRel][2][2][numSpan]int32               // spanEmitSent
	clause [numRel][2][numBuckets][numBuckets][numSpan]int32 // spanEmitBreaks[0]
	verbs  [numRel][2][numBuckets][numSpan]int32             // spanEmitBreaks[1]
}

func (e *spanEmitTables) fill(m *perceptron.Model) {
	for rel := range uint64(numRel) {
		for b := range uint64(numBuckets) {
			for q := range uint64(2) {
				for first := range uint64(2) {
					f := spanEmitPos(rel, b, q, first)
					m.AddRows(f[:], e.pos[rel][b][q][first][:])
				}
			}
		}
		for q := range uint64(2) {
			for cb := range uint64(numBuckets) {
				for sb := range uint64(numBuckets) {
					f := spanEmitBreaks(rel, q, cb, sb, 0)
					m.AddRow(f[0], e.clause[rel][q][cb][sb][:])
				}
				f := spanEmitBreaks(rel, q, 0, 0, cb)
				m.AddRow(f[1], e.verbs[rel][q][cb][:])
			}
		}
		for sr := range uint64(numSR) {
			for q := range uint64(2) {
				for first := range uint64(2) {
					f := spanEmitSent(sr, rel, q, first)
					m.AddRows(f[:], e.sent[sr][rel][q][first][:])
				}
			}
		}
	}
}

// spanEmit writes the scores of Doc.spanEmit's features into out.
func (s *modelScorer) spanEmit(d *Doc, c *spanCtx, i int, feats []uint64, out []float64) []uint64 {
	tk := d.spanTok(c, i)
	x := d.spanEmitLookup(c, i, &tk)
	var sum [numSpan]int32
	s.m.AddRows(x[:], sum[:])
	if !c.cueSumsOK {
		// The cue's features: the same for every token of its window.
		c.cueSumsOK = true
		for rel := range uint64(numRel) {
			for q := range uint64(2) {
				f := spanEmitCue(c, rel, q)
				s.m.AddRows(f[:], c.cueSums[rel][q][:])
			}
			if c.bound {
				f := c.spanEmitFar(rel)
				s.m.AddRows(f[:], c.farSums[rel][:])
			}
		}
	}
	e := &s.tab.emit
	rel := tk.rel
	addSums(&sum, &c.cueSums[rel][tk.q])
	addSums(&sum, &e.pos[rel][tk.db][tk.q][tk.first])
	if c.bound {
		bx := d.spanEmitBound(c, i, &tk)
		s.m.AddRows(bx[:], sum[:])
		addSums(&sum, &e.clause[rel][tk.q][tk.cb][tk.sb])
		addSums(&sum, &e.verbs[rel][tk.q][tk.vb])
		if tk.gap == farGap && i != c.ce && i != c.cs-1 {
			addSums(&sum, &c.farSums[rel])
		} else {
			f := d.spanEmitNear(c, i, rel, tk.gap)
			s.m.AddRows(f[:], sum[:])
		}
	}
	if tk.sr < numSR {
		addSums(&sum, &e.sent[tk.sr][rel][tk.q][tk.first])
	} else {
		f := spanEmitSent(tk.sr, rel, tk.q, tk.first)
		s.m.AddRows(f[:], sum[:])
	}
	s.finish(sum[:], out)
	return feats
}

func addSums(sum, x *[numSpan]int32) {
	for c := range sum {
		sum[c] += x[c]
	}
}

func (s trainerScorer) spanEmit(d *Doc, c *spanCtx, i int, feats []uint64, out []float64) []uint64 {
	feats = d.spanEmit(feats[:0], c, i)
	s.t.Scores(feats, out)
	return feats
}

// cueTrans writes the scores of Doc.cueTrans's features into out.
func (s *modelScorer) cueTrans(d *Doc, i, f, l int, need uint8, feats []uint64, out *[numCue][numCue]float64) []uint64 {
	w, t := d.word(i, f, l), d.tag(i, f, l)
	// the word's feature for every label in one pass, or for the one needed
	var x [numCue]uint64
	if need&(need-1) != 0 {
		x = cueTransWords(w)
	} else if need != 0 {
		p := bits.TrailingZeros8(need)
		x[p] = cueTransWord(uint64(p), w)
	}
	for p := range numCue {
		if need&(1<<p) != 0 {
			sum := s.tab.cue[p][t]
			s.m.AddRow(x[p], sum[:])
			s.finish(sum[:], out[p][:])
		}
	}
	return feats
}

// spanTrans writes the scores of Doc.spanTrans's features into out.
func (s *modelScorer) spanTrans(d *Doc, c *spanCtx, i int, need uint8, feats []uint64, out *[numSpan][numSpan]float64) []uint64 {
	rel, db := c.pos(d, i)
	w, t, q := d.word(i, c.wf, c.wl), d.tag(i, c.wf, c.wl), d.quoted(i)
	var ct, cn uint64 // spanTransNext's, read only with the boundary features
	if c.bound {
		ct, cn = coarse(t), coarse(d.tag(i+1, c.wf, c.wl))
	}
	var x [numSpan]uint64 // as in cueTrans
	if need&(need-1) != 0 {
		x = spanTransWords(w)
	} else if need != 0 {
		p := bits.TrailingZeros8(need)
		x[p] = spanTransWord(uint64(p), w)
	}
	for p := range numSpan {
		if need&(1<<p) != 0 {
			sum := s.tab.spanTQ[p][t][q]
			addSums(&sum, &s.tab.spanRD[p][rel][db])
			if c.bound {
				addSums(&sum, &s.tab.spanNx[p][ct][cn])
			}
			s.m.AddRow(x[p], sum[:])
			s.finish(sum[:], out[p][:])
		}
	}
	return feats
}

func (s *modelScorer) finish(sum []int32, out []float64) {
	tmp := s.tmp[:len(sum)]
	s.m.Finish(sum, tmp)
	for c := range out {
		out[c] = float64(tmp[c])
	}
}

func (s trainerScorer) cueTrans(d *Doc, i, f, l int, need uint8, feats []uint64, out *[numCue][numCue]float64) []uint64 {
	for p := range numCue {
		if need&(1<<p) != 0 {
			feats = d.cueTrans(feats[:0], i, f, l, p)
			s.t.Scores(feats, out[p][:])
		}
	}
	return feats
}

func (s trainerScorer) spanTrans(d *Doc, c *spanCtx, i int, need uint8, feats []uint64, out *[numSpan][numSpan]float64) []uint64 {
	for p := range numSpan {
		if need&(1<<p) != 0 {
			feats = d.spanTrans(feats[:0], c, i, p)
			s.t.Scores(feats, out[p][:])
		}
	}
	return feats
}
