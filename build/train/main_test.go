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
// reproducible from the data and the settings in its header.
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
	opt := Options{Data: "test", Docs: len(arts), SHA256: sum, Epochs: 2, Seed: 1, MinSeen: 2, MinWeight: 2, CueBias: 20}
	var runs [2][]byte
	for i := range runs {
		_, _, _, b, err := Build(arts, opt)
		if err != nil {
			t.Fatal(err)
		}
		runs[i] = b
	}
	if !bytes.Equal(runs[0], runs[1]) {
		t.Fatalf("two trainings on the same data gave different models (%d and %d bytes)", len(runs[0]), len(runs[1]))
	}
	m, err := learned.Load(runs[0])
	if err != nil {
		t.Fatalf("trained model does not load: %v", err)
	}
	if !bytes.Contains(m.Header(), []byte(`"sha256":"`+sum+`"`)) || !bytes.Contains(m.Header(), []byte(`"cue_bias":20`)) {
		t.Errorf("header %s does not record the data and settings", m.Header())
	}
}
