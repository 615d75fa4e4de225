package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/brat"
	"github.com/whosaid/whosaid/internal/score"
)

// TestReport: one line a fold, then the unweighted mean of the folds'
// figures (not the figures of the pooled counts).
func TestReport(t *testing.T) {
	txt := "Bali said it rained. Nobody knows."
	said := []brat.Range{{Start: 5, End: 9}}
	bali := []brat.Range{{Start: 0, End: 4}}
	rained := []brat.Range{{Start: 10, End: 20}}
	gold := []brat.Attribution{{Content: rained, Source: bali, Cue: said}}
	right := []score.Pred{{Content: rained, Source: bali, Cue: said}}
	wrongSource := []score.Pred{{Content: rained, Source: []brat.Range{{Start: 22, End: 28}}, Cue: said}}
	for _, tc := range []struct {
		name  string
		folds [][]score.Pred
		want  []string
	}{
		{"all right", [][]score.Pred{right, right}, []string{
			"0      1.0000   1.0000        0.0000   1.0000   1",
			"1      1.0000   1.0000        0.0000   1.0000   1",
			"mean   1.0000   1.0000        0.0000   1.0000   2",
		}},
		{"one fold wrong", [][]score.Pred{right, wrongSource, nil}, []string{
			"0      1.0000   1.0000        0.0000   1.0000   1",
			"1      0.0000   1.0000        0.0000   0.0000   1",
			"2      0.0000   0.0000        0.0000   0.0000   1",
			"mean   0.3333   0.6667        0.0000   0.3333   3",
		}},
	} {
		var ts []*score.Tally
		for _, preds := range tc.folds {
			tl := &score.Tally{}
			tl.Add(txt, gold, preds)
			ts = append(ts, tl)
		}
		var b bytes.Buffer
		report(&b, ts)
		lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
		if !strings.HasPrefix(lines[0], "fold") {
			t.Errorf("%s: header %q", tc.name, lines[0])
		}
		got := lines[1:]
		for i := range got {
			got[i] = strings.TrimRight(got[i], " ")
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s:\n%s\nwant\n%s", tc.name, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}

// TestMissingModels: a fold model that is not there is named, with the
// command that makes it, before any article is read.
func TestMissingModels(t *testing.T) {
	err := run(&bytes.Buffer{}, "no-corpus", t.TempDir(), t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "e0.bin") || !strings.Contains(err.Error(), "make cv") {
		t.Errorf("error %v, want one naming e0.bin and make cv", err)
	}
}

// TestRun runs the whole measure over PolNeAR train with the shipped
// models standing in for every fold's: they saw every article, so the
// figures must be well above the held-out ones the README quotes.
func TestRun(t *testing.T) {
	data := filepath.Join("..", "..", "..", "shared", "polnear", "train")
	if _, err := os.Stat(data); err != nil {
		t.Fatalf("PolNeAR train not found at %s (../shared/ must sit beside the project): %v", data, err)
	}
	if testing.Short() {
		t.Skip("the whole training corpus; skipped with -short")
	}
	dir := t.TempDir()
	for src, prefix := range map[string]string{
		"internal/learned/model.bin": "f",
		"internal/edges/model.bin":   "e",
		"internal/sources/model.bin": "s",
	} {
		b, err := os.ReadFile(filepath.Join("..", "..", src))
		if err != nil {
			t.Fatal(err)
		}
		for k := range 3 {
			if err := os.WriteFile(filepath.Join(dir, prefix+string(rune('0'+k))+".bin"), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	var b bytes.Buffer
	if err := run(&b, data, dir, dir); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 5 {
		t.Fatalf("want a header, three folds and a mean:\n%s", b.String())
	}
	var e2e float64
	if _, err := fmt.Sscanf(lines[4], "mean %f", &e2e); err != nil {
		t.Fatalf("mean line %q: %v", lines[4], err)
	}
	if e2e < 0.75 {
		t.Errorf("in-sample e2e %.4f, want ≥ 0.75:\n%s", e2e, b.String())
	}
}
