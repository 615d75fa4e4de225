package perceptron

import (
	"testing"
)

// TestHashedTrainer checks that a trainer hashing to k bits shares rows
// between colliding features, that its model keeps k-bit keys and that
// run time, which cuts full hashes to the model's keys, scores as training did.
func TestHashedTrainer(t *testing.T) {
	const bits = MinKeyBits
	shift := uint8(32 - bits)
	// Two hashes with the same key at 16 bits but different full hashes.
	a := Int(Hash(9), 1)
	b := a ^ 1 // differs in a low bit that the 16-bit key drops
	if keyOf(a, shift) != keyOf(b, shift) || a == b {
		t.Fatal("test hashes do not collide")
	}
	tr := NewHashedTrainer(2, bits)
	tr.Update([]uint64{a}, 1, 0)
	scores := make([]float64, 2)
	tr.Scores([]uint64{b}, scores)
	if scores[1] <= scores[0] {
		t.Errorf("colliding feature did not share the row: scores %v", scores)
	}
	if len(tr.rows) != 1 {
		t.Errorf("%d rows, want 1", len(tr.rows))
	}

	feats, labels := toy(600, 7)
	ht := NewHashedTrainer(3, bits)
	scratch := make([]float64, 3)
	for epoch := 0; epoch < 5; epoch++ {
		for i, f := range feats {
			ht.Update(f, labels[i], ht.Predict(f, scratch))
		}
	}
	m := ht.Compact(Options{})
	if m.keyShift != shift {
		t.Errorf("model keeps %d-bit keys, want %d", 32-m.keyShift, bits)
	}
	by, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	m2, err := Load(by)
	if err != nil {
		t.Fatal(err)
	}
	test, want := toy(200, 8)
	out := make([]float32, 3)
	for i, f := range test {
		if got := m2.Predict(f, out); got != want[i] {
			t.Fatalf("instance %d: got class %d, want %d", i, got, want[i])
		}
	}
}
