package main

import (
	"flag"
	"testing"

	"github.com/whosaid/whosaid/build/internal/heldout"
	"github.com/whosaid/whosaid/internal/attrib"
	"github.com/whosaid/whosaid/internal/engine"
	"github.com/whosaid/whosaid/internal/perceptron"
	"github.com/whosaid/whosaid/internal/sources"
)

// TestEvaluate: a candidate that outscores the current source by more
// than the margin replaces it, and the counts say whether that mended it.
func TestEvaluate(t *testing.T) {
	good, bad := perceptron.Hash(1), perceptron.Hash(2)
	m, err := perceptron.NewRanker(perceptron.FromWeights(1, map[uint64][]float64{good: {2}, bad: {-1}}, map[uint64]int{good: 1, bad: 1}).Compact(perceptron.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	cs := []claimEx{
		{feats: [][]uint64{{bad}, {good}}, right: []bool{false, true}}, // mended
		{feats: [][]uint64{{good}, {bad}}, right: []bool{true, false}}, // kept
		{feats: [][]uint64{{bad}, {good}}, right: []bool{true, false}}, // broken
		{feats: [][]uint64{{good}}, right: []bool{false}},              // one candidate
	}
	for _, tc := range []struct {
		margin float32
		want   [4]int
	}{
		{0, [4]int{4, 2, 2, 2}},
		{5, [4]int{4, 2, 2, 0}}, // a margin above the gap changes nothing
	} {
		if got := evaluate(m, cs, tc.margin); got != tc.want {
			t.Errorf("margin %g: %v, want %v", tc.margin, got, tc.want)
		}
	}
}

// TestTrainModel: only claims whose cue is the gold one's teach.
func TestTrainModel(t *testing.T) {
	f := perceptron.Hash(3)
	cs := []claimEx{{feats: [][]uint64{{}, {f}}, right: []bool{false, true}}}
	s := settings{epochs: 2, runs: 1, keyBits: 20, weightBits: 6, rate: 0.2}
	if b, _ := trainModel(cs, s).MarshalBinary(); features(t, b) != 0 {
		t.Errorf("a wrong cue taught features")
	}
	cs[0].cueOK = true
	if b, _ := trainModel(cs, s).MarshalBinary(); features(t, b) != 1 {
		t.Errorf("a right cue did not teach its one feature")
	}
}

func features(t *testing.T, b []byte) int {
	m, err := perceptron.Load(b)
	if err != nil {
		t.Fatal(err)
	}
	return m.Features()
}

var update = flag.Bool("update", false, "rewrite testdata/claims.txt")

// TestClaimsLearntFrom guards the shipped source model against drift: it
// learns from the claims the engine makes once the edge model has placed
// their contents, and when those change make train makes another model
// than the repository holds.
func TestClaimsLearntFrom(t *testing.T) {
	err := heldout.CheckClaims(*update, func(record func([]attrib.Attribution)) engine.Options {
		return engine.Options{NoSources: true, SourceTrace: func(_ *sources.Doc, atts []attrib.Attribution) { record(atts) }}
	})
	if err != nil {
		t.Fatalf("%v\nThe claims the source model learns from have changed: retrain the source and check-worthiness models as make train does (make train-sources train-checkworthy), then go test ./build/trainsources -update", err)
	}
}
