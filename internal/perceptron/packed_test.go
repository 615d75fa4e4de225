package perceptron

import (
	"math/rand/v2"
	"testing"
)

// The packed rows give exactly the scores of the plain ones, for every
// class count they serve and with weights of every sign and size.
func TestScoresPacked(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for nclass := 1; nclass <= 9; nclass++ {
		m := &Model{nclass: nclass, scale: 0.037}
		for k := uint32(1); k <= 500; k++ {
			m.keys = append(m.keys, fold(Int(Hash(9), uint64(k))))
			for range nclass {
				m.w = append(m.w, int8(r.IntN(256)-128))
			}
		}
		sortKeys(m)
		m.index()
		if (m.packed != nil) != (nclass <= 8) {
			t.Fatalf("%d classes: packed %v", nclass, m.packed != nil)
		}
		plain := *m
		plain.packed = nil
		for trial := range 200 {
			var feats []uint64
			for range r.IntN(60) {
				feats = append(feats, Int(Hash(9), uint64(r.IntN(700)))) // some absent
			}
			got, want := make([]float32, nclass), make([]float32, nclass)
			m.Scores(feats, got)
			plain.Scores(feats, want)
			for c := range want {
				if got[c] != want[c] {
					t.Fatalf("%d classes, trial %d: class %d scores %v, want %v", nclass, trial, c, got[c], want[c])
				}
			}
		}
	}
}

// sortKeys sorts the model's keys with their rows, as Compact leaves them.
func sortKeys(m *Model) {
	n := m.nclass
	for i := 1; i < len(m.keys); i++ {
		for j := i; j > 0 && m.keys[j] < m.keys[j-1]; j-- {
			m.keys[j], m.keys[j-1] = m.keys[j-1], m.keys[j]
			for c := range n {
				m.w[j*n+c], m.w[(j-1)*n+c] = m.w[(j-1)*n+c], m.w[j*n+c]
			}
		}
	}
}
