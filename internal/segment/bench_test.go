package segment

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpus assembles at least words words from the PolNeAR training texts in
// ../shared (relative to the repository root).
func corpus(tb testing.TB, words int) string {
	tb.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "polnear", "train", "text")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("the PolNeAR texts are missing: no %s/*.txt (../shared must sit next to the repository root): %v", dir, err)
	}
	var b strings.Builder
	n := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		b.Write(src)
		b.WriteString("\n\n")
		if n += len(strings.Fields(string(src))); n >= words {
			return b.String()
		}
	}
	tb.Fatalf("only %d words in %s, want %d", n, dir, words)
	return ""
}

func benchSplit(b *testing.B, s string) {
	words := len(strings.Fields(s))
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Split(s)
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkSplit: the pipeline needs >= 250,000 words/s in all, so Split
// should do millions.
func BenchmarkSplit(b *testing.B) { benchSplit(b, corpus(b, 10000)) }

// BenchmarkSplit5MB checks that time stays linear on a long text.
func BenchmarkSplit5MB(b *testing.B) {
	s := corpus(b, 10000)
	benchSplit(b, strings.Repeat(s, 5<<20/len(s)+1)[:5<<20])
}

// BenchmarkSplitPathological: no punctuation, only quote marks.
func BenchmarkSplitPathological(b *testing.B) {
	benchSplit(b, strings.Repeat("word ", 20000)+strings.Repeat(`"“”‘’'«»„‹›`, 10000))
}
