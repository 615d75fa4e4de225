package edges

import (
	"bytes"
	"testing"

	"github.com/whosaid/whosaid/internal/perceptron"
)

// toyEdges are edges of three places whose gold place carries feature
// "good" and the others "bad", with a feature shared by all: a ranker
// must learn to pick the gold one whatever its index.
func toyEdges(n int) []Example {
	good, bad, shared := perceptron.Hash(1), perceptron.Hash(2), perceptron.Hash(3)
	var ex []Example
	for i := 0; i < n; i++ {
		g := i % 3
		var e Edge
		for p := 0; p < 3; p++ {
			f := bad
			if p == g {
				f = good
			}
			e.Places = append(e.Places, p)
			e.Feats = append(e.Feats, []uint64{f, shared, perceptron.Int(perceptron.Hash(4), uint64(i%7))})
		}
		ex = append(ex, Example{Edge: e, Gold: g})
	}
	return ex
}

func TestTrain(t *testing.T) {
	for _, tc := range []struct {
		name string
		opt  TrainOptions
	}{
		{"perceptron", TrainOptions{Epochs: 3, Seed: 1, Runs: 2}},
		{"log-linear", TrainOptions{Epochs: 3, Seed: 1, Runs: 2, LogLinear: true, Rate: 0.2, L1: 0.5}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ex := toyEdges(60)
			a, b := Train(ex, tc.opt), Train(ex, tc.opt)
			ba, err := a.MarshalBinary()
			if err != nil {
				t.Fatal(err)
			}
			bb, _ := b.MarshalBinary()
			if !bytes.Equal(ba, bb) {
				t.Fatal("the same examples and options gave different models")
			}
			for i, x := range toyEdges(9) {
				if got := a.PickMargin(&x.Edge, 0); got != x.Gold {
					t.Errorf("edge %d: picked place %d, want %d", i, got, x.Gold)
				}
			}
		})
	}
}
