package checkworthy

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
)

// Keys returns the sorted feature keys of a claim's tokens: what training
// learns from, computed exactly as Score computes them.
func Keys(toks []Token) []uint32 {
	var sc Scratch
	keysOf(toks, &sc)
	k := slices.Clone(sc.keys)
	slices.Sort(k)
	return k
}

// Settings are the training settings build/traincw records in the model.
type Settings struct {
	Epochs int
	Seed   uint64
	Rate   float64 // AdaGrad's learning rate
	L2     float64 // weight decay per update, on the features of the example
	// PosWeight scales the loss of Yes examples (1: none).
	PosWeight float64
}

// Train fits a logistic regression to examples (each its sorted keys) and
// labels, by AdaGrad over the examples in an order shuffled with Seed:
// the same input and settings give the same weights. It returns a dense
// weight per key.
func Train(xs [][]uint32, ys []bool, s Settings) []float64 {
	w := make([]float64, 1<<Bits)
	g2 := make([]float64, 1<<Bits)
	order := make([]int, len(xs))
	for i := range order {
		order[i] = i
	}
	pw := s.PosWeight
	if pw <= 0 {
		pw = 1
	}
	for ep := 0; ep < s.Epochs; ep++ {
		r := rand.New(rand.NewPCG(s.Seed, uint64(ep)))
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			z := 0.0
			for _, k := range xs[i] {
				z += w[k]
			}
			y, c := 0.0, 1.0
			if ys[i] {
				y, c = 1, pw
			}
			g := c * (sigmoid(z) - y)
			for _, k := range xs[i] {
				gk := g + s.L2*w[k]
				g2[k] += gk * gk
				w[k] -= s.Rate * gk / (math.Sqrt(g2[k]) + 1e-8)
			}
		}
	}
	return w
}

// Quantise keeps the weights whose magnitude is at least minAbs, at most
// maxN of them (the largest; ties by key), as int8 with one scale.
func Quantise(w []float64, minAbs float64, maxN int) (keys []uint32, q []int8, scale float64) {
	type kw struct {
		k uint32
		w float64
	}
	var kept []kw
	big := 0.0
	for k, x := range w {
		if math.Abs(x) >= minAbs && x != 0 {
			kept = append(kept, kw{uint32(k), x})
			big = max(big, math.Abs(x))
		}
	}
	if maxN > 0 && len(kept) > maxN {
		slices.SortFunc(kept, func(a, b kw) int {
			if c := cmp.Compare(math.Abs(b.w), math.Abs(a.w)); c != 0 {
				return c
			}
			return cmp.Compare(a.k, b.k)
		})
		kept = kept[:maxN]
		slices.SortFunc(kept, func(a, b kw) int { return cmp.Compare(a.k, b.k) })
	}
	if big == 0 {
		return nil, nil, 1
	}
	scale = big / 127
	for _, x := range kept {
		v := math.Round(x.w / scale)
		if v == 0 {
			continue
		}
		keys = append(keys, x.k)
		q = append(q, int8(max(-127, min(127, v))))
	}
	return keys, q, scale
}

// NewModel makes a model from quantised weights and a header, as Load
// would from the file Encode writes.
func NewModel(h Header, keys []uint32, q []int8) (*Model, error) {
	b, err := Encode(h, keys, q)
	if err != nil {
		return nil, err
	}
	return Load(b)
}

// Raw is the uncalibrated score of sorted keys: the sum of their weights.
func (m *Model) Raw(keys []uint32) float64 {
	z := 0.0
	for _, k := range keys {
		z += m.weight(k)
	}
	return z
}

// Calibrate fits σ(a·z + b) to raw scores and labels (Platt scaling, by
// Newton's method), then moves b so that the threshold with the best F1 of
// the Yes class is 0.5.
func Calibrate(z []float64, y []bool) (a, b float64) {
	a, b = 1, 0
	for it := 0; it < 50; it++ {
		var ga, gb, haa, hab, hbb float64
		for i, x := range z {
			p := sigmoid(a*x + b)
			t := 0.0
			if y[i] {
				t = 1
			}
			d := p - t
			v := max(p*(1-p), 1e-12)
			ga += d * x
			gb += d
			haa += v * x * x
			hab += v * x
			hbb += v
		}
		haa += 1e-9
		hbb += 1e-9
		det := haa*hbb - hab*hab
		if det == 0 {
			break
		}
		da := (hbb*ga - hab*gb) / det
		db := (haa*gb - hab*ga) / det
		a -= da
		b -= db
		if math.Abs(da) < 1e-10 && math.Abs(db) < 1e-10 {
			break
		}
	}
	// the best F1 threshold, halfway between two neighbouring scores
	idx := make([]int, len(z))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(i, j int) int { return cmp.Compare(z[j], z[i]) })
	pos := 0
	for _, v := range y {
		if v {
			pos++
		}
	}
	best, cut := -1.0, 0.0
	tp := 0
	for n, i := range idx {
		if y[i] {
			tp++
		}
		if n+1 < len(idx) && z[idx[n+1]] == z[i] {
			continue
		}
		f1 := 2 * float64(tp) / float64(n+1+pos)
		if f1 > best {
			best = f1
			cut = z[i]
			if n+1 < len(idx) {
				cut = (z[i] + z[idx[n+1]]) / 2
			}
		}
	}
	return a, -a * cut
}

// AP is the average precision of scores against labels, ranking ties in
// their given order (as ../shared/bench/checkworthy.py does).
func AP(scores []float64, y []bool) float64 {
	idx := make([]int, len(scores))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(i, j int) int { return cmp.Compare(scores[j], scores[i]) })
	hits, ap, pos := 0, 0.0, 0
	for n, i := range idx {
		if y[i] {
			hits++
			ap += float64(hits) / float64(n+1)
			pos++
		}
	}
	if pos == 0 {
		return 0
	}
	return ap / float64(pos)
}

// F1 is the F1 of the Yes class with scores at or above th counted Yes.
func F1(scores []float64, y []bool, th float64) (f1, p, r float64) {
	var tp, fp, fn int
	for i, s := range scores {
		switch {
		case s >= th && y[i]:
			tp++
		case s >= th:
			fp++
		case y[i]:
			fn++
		}
	}
	if tp == 0 {
		return 0, 0, 0
	}
	p = float64(tp) / float64(tp+fp)
	r = float64(tp) / float64(tp+fn)
	return 2 * p * r / (p + r), p, r
}

// Calibrated is the calibrated probability of a raw score.
func (m *Model) Calibrated(z float64) float64 { return sigmoid(m.h.A*z + m.h.B) }
