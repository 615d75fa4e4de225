package perceptron

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"testing"
)

// toy is a linearly separable problem: class = which of three marker
// features is present, with noise features around it.
func toy(n int, seed uint64) (feats [][]uint64, labels []int) {
	r := rand.New(rand.NewPCG(seed, 1))
	for i := 0; i < n; i++ {
		c := r.IntN(3)
		f := []uint64{Int(Hash(1), uint64(c)), Int(Hash(2), uint64(r.IntN(50)))}
		feats = append(feats, f)
		labels = append(labels, c)
	}
	return feats, labels
}

func train(feats [][]uint64, labels []int) *Model {
	t := NewTrainer(3)
	scratch := make([]float64, 3)
	for epoch := 0; epoch < 5; epoch++ {
		for i, f := range feats {
			t.Update(f, labels[i], t.Predict(f, scratch))
		}
	}
	return t.Compact(Options{Header: []byte(`{"data":"toy"}`)})
}

func TestLearnsAndRoundTrips(t *testing.T) {
	feats, labels := toy(600, 7)
	m := train(feats, labels)
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	m2, err := Load(b)
	if err != nil {
		t.Fatal(err)
	}
	if string(m2.Header()) != `{"data":"toy"}` {
		t.Errorf("header = %q", m2.Header())
	}
	test, want := toy(200, 8)
	scratch := make([]float32, 3)
	for i, f := range test {
		if got := m2.Predict(f, scratch); got != want[i] {
			t.Fatalf("instance %d: got class %d, want %d", i, got, want[i])
		}
	}
}

func TestDeterministic(t *testing.T) {
	feats, labels := toy(600, 7)
	a, _ := train(feats, labels).MarshalBinary()
	b, _ := train(feats, labels).MarshalBinary()
	if !bytes.Equal(a, b) {
		t.Fatal("two trainings on the same data gave different bytes")
	}
}

// TestCompactFormat checks the file's columns: keys of the bits asked for,
// the zero-sum rows that Update makes stored one weight short, and the
// same scores after a round trip.
func TestCompactFormat(t *testing.T) {
	feats, labels := toy(600, 7)
	tr := NewTrainer(3)
	// A feature moved by Add alone does not sum to zero.
	tr.Tick()
	tr.Add([]uint64{Hash(9)}, 1, 100)
	scratch := make([]float64, 3)
	for i, f := range feats {
		tr.Update(f, labels[i], tr.Predict(f, scratch))
	}
	for _, bits := range []int{0, 16, 20, 32} {
		m := tr.Compact(Options{KeyBits: bits})
		want := bits
		if bits == 0 {
			want = DefaultKeyBits
		}
		zs := 0
		for i, k := range m.keys {
			if k>>want != 0 {
				t.Fatalf("%d bits: key %#x too wide", want, k)
			}
			row := m.w[i*m.nclass : (i+1)*m.nclass]
			sum := 0
			for _, v := range row {
				sum += int(v)
			}
			if m.zeroSum[i] {
				zs++
				if sum != 0 {
					t.Fatalf("zero-sum row %d sums to %d", i, sum)
				}
			}
		}
		if zs == 0 || zs == len(m.keys) {
			t.Errorf("%d bits: %d of %d rows zero-sum, want some but not all", want, zs, len(m.keys))
		}
		b, err := m.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		m2, err := Load(b)
		if err != nil {
			t.Fatal(err)
		}
		b2, _ := m2.MarshalBinary()
		if !bytes.Equal(b, b2) {
			t.Fatalf("%d bits: MarshalBinary(Load(b)) != b", want)
		}
		a, c := make([]float32, 3), make([]float32, 3)
		for _, f := range append(feats, []uint64{Hash(9)}) {
			m.Scores(f, a)
			m2.Scores(f, c)
			if a[0] != c[0] || a[1] != c[1] || a[2] != c[2] {
				t.Fatalf("%d bits: scores %v after a round trip, %v before", want, c, a)
			}
		}
	}
}

func TestLoadErrors(t *testing.T) {
	feats, labels := toy(100, 1)
	good, _ := train(feats, labels).MarshalBinary()
	// the key bits follow the magic, the header, the class count, the key count and the scale
	kb := len(magic) + 4 + len(`{"data":"toy"}`) + 12
	badBits := bytes.Clone(good)
	badBits[kb] = 40
	fewBits := bytes.Clone(good)
	fewBits[kb] = 8
	for _, b := range [][]byte{nil, []byte("nope"), good[:len(good)-1], good[:9], append(append([]byte{}, good...), 0), badBits, fewBits, good[:kb+1]} {
		if _, err := Load(b); !errors.Is(err, ErrFormat) {
			t.Errorf("Load(%d bytes) error = %v, want ErrFormat", len(b), err)
		}
	}
}

func FuzzLoad(f *testing.F) {
	feats, labels := toy(100, 1)
	good, _ := train(feats, labels).MarshalBinary()
	f.Add(good)
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Load(b)
		if err != nil {
			return
		}
		out := make([]float32, m.Classes())
		m.Scores([]uint64{1, 2, 3}, out)
	})
}

func BenchmarkScores(b *testing.B) {
	feats, labels := toy(2000, 3)
	m := train(feats, labels)
	out := make([]float32, 3)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		m.Scores(feats[i%len(feats)], out)
	}
}

// TestLowerValues pins Lower's hashes: every model file holds features
// hashed with it, so a change here silently empties the models.
func TestLowerValues(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want uint64
	}{
		{"said", 0x64390b31bd47953a},
		{"SAID", 0x64390b31bd47953a},
		{"Said", 0x64390b31bd47953a},
		{"", 0xa5394526f57afe11},
		{"“", 0x182630e2c8902d83}, // bytes beyond ASCII as they are
	} {
		if got := Lower(Hash(2), tc.s); got != tc.want {
			t.Errorf("Lower(Hash(2), %q) = %#x, want %#x", tc.s, got, tc.want)
		}
	}
	if Lower(Lower(Hash(1), "ab"), "c") == Lower(Lower(Hash(1), "a"), "bc") {
		t.Error(`("ab", "c") and ("a", "bc") hash alike`)
	}
}

// TestLowerMany checks that Lower2, Lower3 and Lower5 give Lower's hash
// under each of their seeds: the features that use them must keep the
// models' hashes.
func TestLowerMany(t *testing.T) {
	seeds := [5]uint64{Hash(1), Hash(2), 0, ^uint64(0), Lower(Hash(9), "x")}
	for _, s := range []string{"", "said", "SAID", "McCain's", "“quoted”", "a\x00Z@[`{", "<s>"} {
		want := func(i int) uint64 { return Lower(seeds[i], s) }
		a, b := Lower2(seeds[0], seeds[1], s)
		if a != want(0) || b != want(1) {
			t.Errorf("Lower2(%q) = %#x, %#x, want %#x, %#x", s, a, b, want(0), want(1))
		}
		a, b, c := Lower3(seeds[2], seeds[3], seeds[4], s)
		if a != want(2) || b != want(3) || c != want(4) {
			t.Errorf("Lower3(%q) differs from Lower", s)
		}
		var got [5]uint64
		got[0], got[1], got[2], got[3], got[4] = Lower5(seeds[0], seeds[1], seeds[2], seeds[3], seeds[4], s)
		for i := range got {
			if got[i] != want(i) {
				t.Errorf("Lower5(%q)[%d] = %#x, want %#x", s, i, got[i], want(i))
			}
		}
	}
}
