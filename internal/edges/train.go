package edges

import (
	"math/rand/v2"

	"github.com/whosaid/whosaid/internal/perceptron"
)

// Example is one edge with the place the gold content puts it: Edge.Places
// holds it at Gold.
type Example struct {
	Edge Edge
	Gold int
}

// TrainOptions control Train.
type TrainOptions struct {
	Epochs int
	// Seed orders the examples in each epoch (deterministically).
	Seed uint64
	// Runs trains that many models, each with its own order (seeds Seed,
	// Seed+1, …), and averages them: one run's result depends on its
	// order as much as on most settings.
	Runs    int
	Compact perceptron.Options // its Header should record "margin"
	// LogLinear trains a conditional log-linear ranker (a softmax over an
	// edge's places, maximum likelihood) instead of a perceptron, by
	// FTRL-Proximal: per-feature rates and an L1 penalty that leaves most
	// weights at exactly zero, so the small model is chosen by training
	// rather than by pruning afterwards.
	LogLinear bool
	Rate      float64 // FTRL's alpha
	L1, L2    float64
}

// Train learns a ranker from examples: for each, the gold place should
// score above every other.
func Train(ex []Example, opt TrainOptions) *Model {
	runs := make([]*perceptron.Trainer, max(opt.Runs, 1))
	for r := range runs {
		if opt.LogLinear {
			runs[r] = trainLogLinear(ex, opt, opt.Seed+uint64(r))
		} else {
			runs[r] = trainRun(ex, opt.Epochs, opt.Seed+uint64(r))
		}
	}
	r, err := perceptron.NewRanker(perceptron.Merge(runs...).Compact(opt.Compact))
	if err != nil {
		panic(err) // one class, as trained here
	}
	return &Model{r: r}
}

func trainRun(ex []Example, epochs int, seed uint64) *perceptron.Trainer {
	t := perceptron.NewTrainer(1)
	order := make([]int, len(ex))
	for i := range order {
		order[i] = i
	}
	r := rand.New(rand.NewPCG(seed, 0x5eed)) // as the other trainers: deterministic for a seed
	var out [1]float64
	for e := 0; e < epochs; e++ {
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			x := &ex[k]
			if e == 0 {
				for _, f := range x.Edge.Feats {
					t.Saw(f)
				}
			}
			bi, bs := -1, 0.0
			for i, f := range x.Edge.Feats {
				t.Scores(f, out[:])
				if bi < 0 || out[0] > bs {
					bi, bs = i, out[0]
				}
			}
			t.Tick()
			if bi != x.Gold {
				t.Add(x.Edge.Feats[x.Gold], 0, 1)
				t.Add(x.Edge.Feats[bi], 0, -1)
			}
		}
	}
	return t
}

// PickMargin is the index in e.Places of the place the model picks when a
// move must beat staying by more than margin (build/trainedges tries
// several).
func (m *Model) PickMargin(e *Edge, margin float32) int {
	return m.r.Pick(len(e.Feats), margin, func(i int) []uint64 { return e.Feats[i] })
}

func trainLogLinear(ex []Example, opt TrainOptions, seed uint64) *perceptron.Trainer {
	rx := make([]perceptron.RankExample, len(ex))
	for i, x := range ex {
		rx[i] = perceptron.RankExample{Feats: x.Edge.Feats, Gold: x.Gold}
	}
	return perceptron.TrainLogLinear(rx, perceptron.LogLinearOptions{Epochs: opt.Epochs, Seed: seed, Rate: opt.Rate, L1: opt.L1, L2: opt.L2})
}
