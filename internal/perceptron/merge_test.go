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

// TestRanker: a place other than the first must beat it by the margin;
// a ranker without a model keeps the first place; the margin comes from
// the header.
func TestRanker(t *testing.T) {
	good, bad := Hash(1), Hash(2)
	m := FromWeights(1, map[uint64][]float64{good: {2}, bad: {-1}}, map[uint64]int{good: 1, bad: 1}).Compact(Options{Header: []byte(`{"margin":1.5}`)})
	r, err := NewRanker(m)
	if err != nil {
		t.Fatal(err)
	}
	if r.Margin() != 1.5 {
		t.Errorf("margin %v, want the header's 1.5", r.Margin())
	}
	places := [][]uint64{{bad}, {good}}
	feats := func(i int) []uint64 { return places[i] }
	for _, tc := range []struct {
		margin float32
		want   int
	}{{0, 1}, {2.9, 1}, {3.1, 0}} {
		if got := r.Pick(2, tc.margin, feats); got != tc.want {
			t.Errorf("margin %g: picked %d, want %d", tc.margin, got, tc.want)
		}
	}
	empty, err := LoadRanker(nil)
	if err != nil || empty.Trained() || empty.Pick(2, 0, feats) != 0 {
		t.Errorf("LoadRanker(nil): %v, %v: want an untrained ranker that keeps place 0", empty, err)
	}
	var none *Ranker
	if none.Trained() || none.Pick(2, 0, feats) != 0 || none.Margin() != 0 {
		t.Error("a nil ranker should keep place 0")
	}
	if b, err := none.MarshalBinary(); err != nil || b != nil {
		t.Errorf("a nil ranker wrote %v, %v", b, err)
	}
	two := NewTrainer(2)
	two.Update([]uint64{1}, 0, 1)
	if _, err := NewRanker(two.Compact(Options{})); err == nil {
		t.Error("NewRanker took a two-class model")
	}
}
