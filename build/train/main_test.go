package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/whosaid/whosaid/internal/learned"
	"github.com/whosaid/whosaid/internal/tag"
)

// TestDeterministic trains twice on a small part of PolNeAR's train split
// and wants the same model bytes: the model in the repository must be
// reproducible from the data and the settings in its header, also when
// features are hashed to short keys in training (-key-bits) and when
// several runs, trained side by side, are averaged (-runs).
func TestDeterministic(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "polnear", "train")
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("%v: this test needs the shared PolNeAR corpus at ../shared beside the repository", err)
	}
	tg, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	arts, sum, err := Load(dir, tg, 20)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ keyBits, runs int }{{0, 1}, {18, 1}, {0, 3}} {
		keyBits := c.keyBits
		opt := Options{Data: "test", Docs: len(arts), SHA256: sum, Epochs: 2, Seed: 1, Runs: c.runs, MinSeen: 2, MinWeight: 2, CueBias: 20, KeyBits: keyBits, SpanKeyBits: keyBits}
		var runs [2][]byte
		for i := range runs {
			_, _, _, b, err := Build(arts, opt)
			if err != nil {
				t.Fatal(err)
			}
			runs[i] = b
		}
		if !bytes.Equal(runs[0], runs[1]) {
			t.Fatalf("key bits %d, runs %d: two trainings on the same data gave different models (%d and %d bytes)", keyBits, c.runs, len(runs[0]), len(runs[1]))
		}
		m, err := learned.Load(runs[0])
		if err != nil {
			t.Fatalf("key bits %d: trained model does not load: %v", keyBits, err)
		}
		if !bytes.Contains(m.Header(), []byte(`"sha256":"`+sum+`"`)) || !bytes.Contains(m.Header(), []byte(`"cue_bias":20`)) {
			t.Errorf("header %s does not record the data and settings", m.Header())
		}
		if hashed := bytes.Contains(m.Header(), []byte(`"key_bits":18,"span_key_bits":18`)); hashed != (keyBits == 18) {
			t.Errorf("key bits %d: header %s", keyBits, m.Header())
		}
		if averaged := bytes.Contains(m.Header(), []byte(`"runs":3`)); averaged != (c.runs == 3) {
			t.Errorf("runs %d: header %s", c.runs, m.Header())
		}
	}
}
