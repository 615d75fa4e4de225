package checkworthy

import "testing"

// BenchmarkScore scores one news sentence: the cost per claim.
func BenchmarkScore(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	toks := tokens(b, "The SDF, spearheaded by the Kurdish YPG militia, has driven Islamic State out of a swathe of territory in northern and eastern Syria over the last four years.")
	var sc Scratch
	b.ReportAllocs()
	for b.Loop() {
		m.Score(toks, &sc)
	}
}

// BenchmarkLoad decodes the embedded model: part of the page's time to ready.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(embedded); err != nil {
			b.Fatal(err)
		}
	}
}
