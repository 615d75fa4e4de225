package learned

import "github.com/whosaid/whosaid/internal/perceptron"

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
	cue    [numCue][numTags][numCue]int32              // cueTransLabel + cueTransTag
	spanTQ [numSpan][numTags][2][numSpan]int32         // spanTransLabel + spanTransTag + spanTransQuoted
	spanRD [numSpan][numRel][numBuckets][numSpan]int32 // spanTransRel + spanTransDist
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
		for rel := range uint64(numRel) {
			for db := range uint64(numBuckets) {
				sum := t.spanRD[p][rel][db][:]
				span.AddRow(spanTransRel(p, rel), sum)
				span.AddRow(spanTransDist(p, rel, db), sum)
			}
		}
	}
	return t
}

// cueTrans writes the scores of Doc.cueTrans's features into out.
func (s *modelScorer) cueTrans(d *Doc, i, f, l, p int, feats []uint64, out []float64) []uint64 {
	if s.tab == nil {
		feats = d.cueTrans(feats[:0], i, f, l, p)
		s.scores(feats, out)
		return feats
	}
	sum := s.tab.cue[p][d.tag(i, f, l)]
	s.m.AddRow(cueTransWord(uint64(p), d.word(i, f, l)), sum[:])
	s.finish(sum[:], out)
	return feats
}

// spanTrans writes the scores of Doc.spanTrans's features into out.
func (s *modelScorer) spanTrans(d *Doc, c *spanCtx, i, p int, feats []uint64, out []float64) []uint64 {
	if s.tab == nil {
		feats = d.spanTrans(feats[:0], c, i, p)
		s.scores(feats, out)
		return feats
	}
	rel, db := c.pos(d, i)
	sum := s.tab.spanTQ[p][d.tag(i, c.wf, c.wl)][d.quoted(i)]
	rd := &s.tab.spanRD[p][rel][db]
	for k := range sum {
		sum[k] += rd[k]
	}
	s.m.AddRow(spanTransWord(uint64(p), d.word(i, c.wf, c.wl)), sum[:])
	s.finish(sum[:], out)
	return feats
}

func (s *modelScorer) finish(sum []int32, out []float64) {
	tmp := s.tmp[:len(sum)]
	s.m.Finish(sum, tmp)
	for c := range out {
		out[c] = float64(tmp[c])
	}
}

func (s trainerScorer) cueTrans(d *Doc, i, f, l, p int, feats []uint64, out []float64) []uint64 {
	feats = d.cueTrans(feats[:0], i, f, l, p)
	s.t.Scores(feats, out)
	return feats
}

func (s trainerScorer) spanTrans(d *Doc, c *spanCtx, i, p int, feats []uint64, out []float64) []uint64 {
	feats = d.spanTrans(feats[:0], c, i, p)
	s.t.Scores(feats, out)
	return feats
}
