package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/whosaid/whosaid/internal/checkworthy"
)

// TestDeterministic trains twice on the first sentences of the training
// data and wants the same model bytes: the model in the repository must be
// reproducible from the data and the settings in its header.
func TestDeterministic(t *testing.T) {
	data := filepath.Join("..", "..", "..", "shared", "checkworthy", "train.tsv")
	if _, err := os.Stat(data); err != nil {
		t.Fatalf("%v: this test needs the shared check-worthiness data at ../shared beside the repository", err)
	}
	dir := t.TempDir()
	var runs [2][]byte
	for i := range runs {
		out := filepath.Join(dir, "model.bin")
		c := config{data: data, out: out, cuts: "4415,7538", limit: 3000, calibrateOn: "engine", minWeight: 0.02, maxFeatures: 5000,
			set: checkworthy.Settings{Epochs: 3, Seed: 1, Rate: 0.02, PosWeight: 1}}
		if err := run(c); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := checkworthy.Load(b); err != nil {
			t.Fatalf("the written model does not load: %v", err)
		}
		runs[i] = b
		os.Remove(out)
	}
	if !bytes.Equal(runs[0], runs[1]) {
		t.Fatalf("two trainings on the same data gave different models (%d and %d bytes)", len(runs[0]), len(runs[1]))
	}
}

// TestShippedModel trains the model as make train does and wants the
// repository's bytes. The calibration reads the engine's claims, so a
// change to the engine changes the model: retrain it then (make
// train-checkworthy, eight seconds) and commit it with the change, so
// that make train stays the model's one source.
func TestShippedModel(t *testing.T) {
	data := filepath.Join("..", "..", "..", "shared", "checkworthy", "train.tsv")
	if _, err := os.Stat(data); err != nil {
		t.Fatalf("%v: this test needs the shared check-worthiness data at ../shared beside the repository", err)
	}
	c := shipped()
	c.data, c.out = data, filepath.Join(t.TempDir(), "model.bin")
	if err := run(c); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(c.out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "internal", "checkworthy", "model.bin"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("make train-checkworthy writes a model of %d bytes that differs from internal/checkworthy/model.bin (%d bytes): run it and commit the model", len(got), len(want))
	}
}

func TestUnquote(t *testing.T) {
	for in, want := range map[string]string{
		`"He said ""no"" twice."`: `He said "no" twice.`,
		`plain`:                   `plain`,
		`"`:                       `"`,
	} {
		if got := Unquote(in); got != want {
			t.Errorf("Unquote(%q) = %q, want %q", in, got, want)
		}
	}
}
