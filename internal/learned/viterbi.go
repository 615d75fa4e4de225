package learned

import (
	"math"

	"github.com/whosaid/whosaid/internal/perceptron"
)

// scorer gives class scores for features: the compact model at run time,
// the trainer's current weights while training.
type scorer interface {
	// cueTrans and spanTrans write into out[p] the scores of the
	// transition features of token i after label p (Doc.cueTrans,
	// Doc.spanTrans), for each p whose bit is set in need; feats is
	// scratch, returned for reuse.
	cueTrans(d *Doc, i, f, l int, need uint8, feats []uint64, out *[numCue][numCue]float64) []uint64
	// cueEmit and spanEmit write the scores of Doc.cueFeatures's and
	// Doc.spanEmit's features of token i.
	cueEmit(d *Doc, i, f, l int, sentQuote uint64, feats []uint64, out []float64) []uint64
	spanEmit(d *Doc, c *spanCtx, i int, feats []uint64, out []float64) []uint64
	spanTrans(d *Doc, c *spanCtx, i int, need uint8, feats []uint64, out *[numSpan][numSpan]float64) []uint64
}

type modelScorer struct {
	m   *perceptron.Model
	tmp []float32
	tab *transTables
}

type trainerScorer struct{ t *perceptron.Trainer }

// allowed says whether label c may follow label p: an inside label only
// continues its own kind.
func allowed(p, c int) bool {
	switch c {
	case spIS:
		return p == spBS || p == spIS
	case spIC:
		return p == spBC || p == spIC
	}
	return true
}

// viterbi finds the best labelling of the window of c under sc, with the
// cue's own tokens forced to O. It returns one label a window token.
func (d *Doc) viterbi(c *spanCtx, sc scorer, feats []uint64) []int {
	labels, _ := d.decode(c, sc, feats, false, nil)
	return labels
}

// decode is viterbi that also returns the path's score; with needSrc it
// finds the best path that has a source. The trained labeller leaves out a
// source it is unsure of, though nearly every PolNeAR attribution has one,
// so Find compares the two paths.
func (d *Doc) decode(c *spanCtx, sc scorer, feats []uint64, needSrc bool, b *lattice) ([]int, float64) {
	n := c.wl - c.wf
	if b == nil {
		b = new(lattice)
	}
	layers := 1
	if needSrc {
		layers = 2 // state l+numSpan: a source has been started on the path
	}
	ns := numSpan * layers
	v, back := grow(&b.sv, n), grow(&b.sb, n)
	emit, trs := &b.semit, &b.strs
	neg := math.Inf(-1)
	for k := 0; k < n; k++ {
		i := c.wf + k
		for l := range v[k] {
			v[k][l] = neg
		}
		if i >= c.cs && i < c.ce {
			for layer := 0; layer < layers; layer++ {
				best, arg := neg, 0
				if k == 0 {
					if layer == 0 {
						best = 0
					}
				} else {
					for p := 0; p < numSpan; p++ {
						if x := v[k-1][layer*numSpan+p]; x > best {
							best, arg = x, layer*numSpan+p
						}
					}
				}
				v[k][layer*numSpan+spO], back[k][layer*numSpan+spO] = best, int8(arg)
			}
			continue
		}
		feats = sc.spanEmit(d, c, i, feats, emit[:])
		need := uint8(1 << spO) // the window starts after an O
		if k > 0 {
			need = 0
			for ps := 0; ps < ns; ps++ {
				if v[k-1][ps] != neg {
					need |= 1 << (ps % numSpan)
				}
			}
		}
		feats = sc.spanTrans(d, c, i, need, feats, trs)
		// the source constraints (spanCtx), read once a token
		noSrc := i >= c.noSrcF && i < c.noSrcL
		noStart := noSrc || c.noSourceStart(d, i)
		for ps := 0; ps < ns; ps++ {
			p := ps % numSpan
			prev := 0.0
			if k > 0 {
				prev = v[k-1][ps]
				if prev == neg {
					continue
				}
			} else if ps != spO {
				continue // the window starts after an O
			}
			tr := &trs[p]
			for l := 0; l < numSpan; l++ {
				if !allowed(p, l) || l == spIS && noSrc || l == spBS && noStart {
					continue
				}
				to := l
				if needSrc && (ps >= numSpan || l == spBS) {
					to += numSpan
				}
				if s := prev + emit[l] + tr[l]; s > v[k][to] {
					v[k][to], back[k][to] = s, int8(ps)
				}
			}
		}
	}
	if n == 0 {
		return []int{}, neg
	}
	labels := grow(&b.labels, n)
	lo := 0
	if needSrc {
		lo = numSpan
	}
	best := lo
	for l := lo + 1; l < ns; l++ {
		if v[n-1][l] > v[n-1][best] {
			best = l
		}
	}
	score := v[n-1][best]
	if score == neg {
		return nil, neg
	}
	for k := n - 1; k >= 0; k-- {
		labels[k] = best % numSpan
		best = int(back[k][best])
	}
	return labels, score
}

// lattice holds the Viterbi tables one Find call reuses.
type lattice struct {
	cv [][numCue]float64
	cb [][numCue]int8
	sv [][2 * numSpan]float64
	sb [][2 * numSpan]int8
	// The scores of one token, here and not on the stack, where passing
	// them to the scorer's methods would allocate them on every call.
	cemit  [numCue]float64
	ctrs   [numCue][numCue]float64
	semit  [numSpan]float64
	strs   [numSpan][numSpan]float64
	labels []int // decode's answer, valid until its next call
}

// grow returns (*buf)[:n], reallocating only when it is too small.
func grow[T any](buf *[]T, n int) []T {
	if cap(*buf) < n {
		*buf = make([]T, n, n+n/2)
	}
	return (*buf)[:n]
}

// cueAllowed says whether cue label c may follow p.
func cueAllowed(p, c int) bool { return c != cueI || p != cueO }

// tagCueSent finds the best cue labelling of the sentence [f, l) under sc,
// adding bias to every cue start.
func (d *Doc) tagCueSent(f, l int, sc scorer, bias float64, feats []uint64, labels []int, b *lattice) []int {
	n := l - f
	labels = labels[:0]
	if n <= 0 {
		return labels
	}
	if b == nil {
		b = new(lattice)
	}
	v, back := grow(&b.cv, n), grow(&b.cb, n)
	emit, trs := &b.cemit, &b.ctrs
	neg := math.Inf(-1)
	sq := sentQuote(d, f, l)
	for k := 0; k < n; k++ {
		i := f + k
		feats = sc.cueEmit(d, i, f, l, sq, feats, emit[:])
		emit[cueB] += bias
		v[k] = [numCue]float64{neg, neg, neg}
		need := uint8(1 << cueO)
		if k > 0 {
			need = 0
			for p := 0; p < numCue; p++ {
				if v[k-1][p] != neg {
					need |= 1 << p
				}
			}
		}
		feats = sc.cueTrans(d, i, f, l, need, feats, trs)
		for p := 0; p < numCue; p++ {
			prev := 0.0
			if k > 0 {
				prev = v[k-1][p]
				if prev == neg {
					continue
				}
			} else if p != cueO {
				continue
			}
			tr := &trs[p]
			for c := 0; c < numCue; c++ {
				if !cueAllowed(p, c) {
					continue
				}
				if s := prev + emit[c] + tr[c]; s > v[k][c] {
					v[k][c], back[k][c] = s, int8(p)
				}
			}
		}
	}
	for range n {
		labels = append(labels, 0)
	}
	best := 0
	for c := 1; c < numCue; c++ {
		if v[n-1][c] > v[n-1][best] {
			best = c
		}
	}
	for k := n - 1; k >= 0; k-- {
		labels[k] = best
		best = int(back[k][best])
	}
	return labels
}
