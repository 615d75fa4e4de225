package perceptron

import (
	"bytes"
	"math"
	"testing"
)

func trainer(feats [][]uint64, labels []int, order []int) *Trainer {
	t := NewTrainer(3)
	scratch := make([]float64, 3)
	for epoch := 0; epoch < 5; epoch++ {
		for _, i := range order {
			t.Update(feats[i], labels[i], t.Predict(feats[i], scratch))
		}
	}
	return t
}

// averaged is a trainer's averaged weights of feature f, as Compact reads them.
func averaged(t *Trainer, f uint64) []float64 {
	out := make([]float64, t.nclass)
	for c := range out {
		out[c] = t.averaged(t.rows[f], c)
	}
	return out
}

func TestMerge(t *testing.T) {
	feats, labels := toy(300, 7)
	fwd := make([]int, len(feats))
	back := make([]int, len(feats))
	for i := range fwd {
		fwd[i], back[i] = i, len(feats)-1-i
	}
	a, b := trainer(feats, labels, fwd), trainer(feats, labels, back)
	m := Merge(a, b)
	if len(m.rows) < len(a.rows) || len(m.rows) < len(b.rows) {
		t.Fatalf("merged %d features, from %d and %d", len(m.rows), len(a.rows), len(b.rows))
	}
	for f := range a.rows {
		got, wa := averaged(m, f), averaged(a, f)
		wb := make([]float64, 3)
		if b.rows[f] != nil {
			wb = averaged(b, f)
		}
		for c := range got {
			if want := (wa[c] + wb[c]) / 2; math.Abs(got[c]-want) > 1e-9 {
				t.Fatalf("feature %x class %d: merged %v, want %v", f, c, got[c], want)
			}
		}
	}
	// The merged model still classifies, and merging is deterministic.
	test, want := toy(200, 8)
	mod := m.Compact(Options{})
	scratch := make([]float32, 3)
	for i, f := range test {
		if got := mod.Predict(f, scratch); got != want[i] {
			t.Fatalf("instance %d: got class %d, want %d", i, got, want[i])
		}
	}
	x, _ := mod.MarshalBinary()
	y, _ := Merge(a, b).Compact(Options{}).MarshalBinary()
	if !bytes.Equal(x, y) {
		t.Error("two merges of the same trainers differ")
	}
}

// FromWeights hands weights learned elsewhere to Compact as they are.
func TestFromWeights(t *testing.T) {
	w := map[uint64][]float64{Hash(1): {2, -1}, Hash(2): {-0.5, 0.25}, Hash(3): {0.01, 0}}
	seen := map[uint64]int{Hash(1): 5, Hash(2): 5, Hash(3): 1}
	m := FromWeights(2, w, seen).Compact(Options{MinSeen: 2})
	if m.Features() != 2 {
		t.Fatalf("%d features, want 2 (one seen too rarely)", m.Features())
	}
	out := make([]float32, 2)
	for f, want := range w {
		if seen[f] < 2 {
			continue
		}
		m.Scores([]uint64{f}, out)
		for c := range want {
			if math.Abs(float64(out[c])-want[c]) > 2.0/127 {
				t.Errorf("feature %x class %d: %v, want %v", f, c, out[c], want[c])
			}
		}
	}
}
