package perceptron

import (
	"math"
	"math/rand/v2"
)

// RankExample is one choice among places: Feats[i] are place i's
// features, Gold the right place.
type RankExample struct {
	Feats [][]uint64
	Gold  int
}

// LogLinearOptions control TrainLogLinear.
type LogLinearOptions struct {
	Epochs int
	Seed   uint64  // orders the examples in each epoch (deterministically)
	Rate   float64 // FTRL's alpha
	L1, L2 float64
}

// ftrl is one feature's FTRL-Proximal state.
type ftrl struct{ z, n float64 }

func (s *ftrl) weight(o *LogLinearOptions) float64 {
	if math.Abs(s.z) <= o.L1 {
		return 0
	}
	return -(s.z - math.Copysign(o.L1, s.z)) / ((1+math.Sqrt(s.n))/o.Rate + o.L2)
}

// TrainLogLinear learns a one-class ranker over examples: a softmax over
// each example's places, maximum likelihood, by FTRL-Proximal (McMahan et
// al., 2013), whose per-feature rates suit sparse features and whose L1
// penalty leaves most weights at exactly zero, so that training rather
// than pruning afterwards chooses what a small model keeps. The result is
// ready for Compact or Merge; the same examples and options give the same
// weights.
func TrainLogLinear(ex []RankExample, o LogLinearOptions) *Trainer {
	st := map[uint64]*ftrl{}
	seen := map[uint64]int{}
	one := map[uint64]bool{}
	for _, x := range ex {
		clear(one)
		for _, fs := range x.Feats {
			for _, f := range fs {
				one[f] = true
			}
		}
		for f := range one {
			seen[f]++
			if st[f] == nil {
				st[f] = &ftrl{}
			}
		}
	}
	order := make([]int, len(ex))
	for i := range order {
		order[i] = i
	}
	r := rand.New(rand.NewPCG(o.Seed, 0x5eed))
	var p []float64
	grad := map[uint64]float64{}
	var keys []uint64
	for e := 0; e < o.Epochs; e++ {
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			x := &ex[k]
			p = p[:0]
			mx := math.Inf(-1)
			for _, fs := range x.Feats {
				s := 0.0
				for _, f := range fs {
					s += st[f].weight(&o)
				}
				p = append(p, s)
				mx = max(mx, s)
			}
			z := 0.0
			for i := range p {
				p[i] = math.Exp(p[i] - mx)
				z += p[i]
			}
			clear(grad)
			keys = keys[:0]
			for i, fs := range x.Feats {
				g := p[i] / z
				if i == x.Gold {
					g--
				}
				for _, f := range fs {
					if _, ok := grad[f]; !ok {
						keys = append(keys, f)
					}
					grad[f] += g
				}
			}
			// in the order first met, so that the result does not depend
			// on map order
			for _, f := range keys {
				g, s := grad[f], st[f]
				sigma := (math.Sqrt(s.n+g*g) - math.Sqrt(s.n)) / o.Rate
				s.z += g - sigma*s.weight(&o)
				s.n += g * g
			}
		}
	}
	w := map[uint64][]float64{}
	for f, s := range st {
		if v := s.weight(&o); v != 0 {
			w[f] = []float64{v}
		}
	}
	return FromWeights(1, w, seen)
}
