package learned

import (
	"math"

	"github.com/whosaid/whosaid/internal/perceptron"
)

// scorer gives class scores for features: the compact model at run time,
// the trainer's current weights while training.
type scorer interface {
	scores(feats []uint64, out []float64)
}

type modelScorer struct {
	m   *perceptron.Model
	tmp []float32
}

func (s *modelScorer) scores(feats []uint64, out []float64) {
	s.m.Scores(feats, s.tmp[:len(out)])
	for c := range out {
		out[c] = float64(s.tmp[c])
	}
}

type trainerScorer struct{ t *perceptron.Trainer }

func (s trainerScorer) scores(feats []uint64, out []float64) { s.t.Scores(feats, out) }

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
	n := c.wl - c.wf
	v := make([][numSpan]float64, n)
	back := make([][numSpan]int8, n)
	var emit, tr [numSpan]float64
	neg := math.Inf(-1)
	for k := 0; k < n; k++ {
		i := c.wf + k
		for l := range v[k] {
			v[k][l] = neg
		}
		if i >= c.cs && i < c.ce {
			best, arg := 0.0, 0
			if k > 0 {
				best, arg = neg, 0
				for p := 0; p < numSpan; p++ {
					if v[k-1][p] > best {
						best, arg = v[k-1][p], p
					}
				}
			}
			v[k][spO], back[k][spO] = best, int8(arg)
			continue
		}
		feats = d.spanEmit(feats[:0], c, i)
		sc.scores(feats, emit[:])
		for p := 0; p < numSpan; p++ {
			prev := 0.0
			if k > 0 {
				prev = v[k-1][p]
				if prev == neg {
					continue
				}
			} else if p != spO {
				continue // the window starts after an O
			}
			feats = d.spanTrans(feats[:0], c, i, p)
			sc.scores(feats, tr[:])
			for l := 0; l < numSpan; l++ {
				if !allowed(p, l) {
					continue
				}
				if s := prev + emit[l] + tr[l]; s > v[k][l] {
					v[k][l], back[k][l] = s, int8(p)
				}
			}
		}
	}
	labels := make([]int, n)
	if n == 0 {
		return labels
	}
	best := 0
	for l := 1; l < numSpan; l++ {
		if v[n-1][l] > v[n-1][best] {
			best = l
		}
	}
	for k := n - 1; k >= 0; k-- {
		labels[k] = best
		best = int(back[k][best])
	}
	return labels
}
