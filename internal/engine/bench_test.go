package engine

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// article assembles an article of about n words from PolNeAR train texts.
func article(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(shared, "polnear", "train", "text")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no train texts in %s: the shared material is missing", dir)
	}
	sort.Strings(files)
	var sb strings.Builder
	words := 0
	for i := 0; words < n; i++ {
		t, err := os.ReadFile(files[i%len(files)])
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(t)
		sb.WriteString("\n\n")
		words += len(strings.Fields(string(t)))
	}
	return sb.String()
}

// BenchmarkExtract runs the whole pipeline; words/s is the figure to watch
// (target: 250,000 on one core), and the 100k article must take at most
// 11 times the 10k one.
func BenchmarkExtract(b *testing.B) {
	seed := string(readShared(b, "seed/text/syria-final-battle.txt"))
	e := newEngine(b)
	for _, c := range []struct {
		name, text string
	}{
		{"seed", seed},
		{"10k", article(b, 10000)},
		{"100k", article(b, 100000)},
	} {
		words := len(strings.Fields(c.text))
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.text)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := e.Extract(context.Background(), Input{Text: c.text}, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
		})
	}
}
