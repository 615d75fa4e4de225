package perceptron

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// Whatever layout the table takes for its class count (weights in the
// slots, packed rows, plain rows), Scores gives exactly the scores of the
// rows summed one by one, with weights of every sign and size and rows of
// zeros among them, and keys of full and short size.
func TestScoresLayouts(t *testing.T) {
	for _, shift := range []uint8{0, 32 - DefaultKeyBits} {
		scoresLayouts(t, shift)
	}
}

func scoresLayouts(t *testing.T, shift uint8) {
	r := rand.New(rand.NewPCG(3, 4))
	for nclass := 1; nclass <= 10; nclass++ {
		m := &Model{nclass: nclass, scale: 0.037, keyShift: shift}
		for k := uint32(1); k <= 500; k++ {
			m.keys = append(m.keys, keyOf(Int(Hash(9), uint64(k)), shift))
		}
		slices.Sort(m.keys)
		m.keys = slices.Compact(m.keys)
		for i := range m.keys {
			for range nclass {
				v := int8(r.IntN(256) - 128)
				if i%7 == 0 {
					v = 0
				}
				m.w = append(m.w, v)
			}
		}
		m.index()
		if m.inline != (nclass <= 4) || (m.packed != nil) != (nclass > 4 && nclass <= 8) {
			t.Fatalf("%d classes: inline %v, packed %v", nclass, m.inline, m.packed != nil)
		}
		for trial := range 200 {
			var feats []uint64
			for range r.IntN(60) {
				feats = append(feats, Int(Hash(9), uint64(r.IntN(700)))) // some absent
			}
			want := make([]int32, nclass)
			for _, f := range feats {
				if i, ok := slices.BinarySearch(m.keys, keyOf(f, shift)); ok {
					for c := range nclass {
						want[c] += int32(m.w[i*nclass+c])
					}
				}
			}
			got := make([]float32, nclass)
			m.Scores(feats, got)
			for c := range want {
				if w := float32(want[c]) * m.scale; got[c] != w {
					t.Fatalf("key shift %d, %d classes, trial %d: class %d scores %v, want %v", shift, nclass, trial, c, got[c], w)
				}
			}
		}
	}
}
