package segment

import (
	"strings"
	"testing"
)

// TestCapSentences: a sentence longer than MaxSentenceTokens is cut at its
// strongest clause boundary in the second half of each stretch, closing
// quote marks kept before the cut, or at the cap where there is none.
func TestCapSentences(t *testing.T) {
	words := func(n int) string { return strings.Repeat("w ", n) }
	tests := []struct {
		name string
		text string
		// the first piece's last words
		wantEnd string
		pieces  int
	}{
		{"no boundary", words(600), "w", 3},
		{"comma", words(200) + "x, " + words(200), "x,", 2},
		{"semicolon beats comma", words(150) + "y; " + words(50) + "x, " + words(200), "y;", 2},
		{"colon beats comma", words(150) + "y: " + words(50) + "x, " + words(200), "y:", 2},
		{"comma too early is ignored", "x, " + words(400), "w", 2},
		{"closing quote stays", words(200) + `"x," ` + words(200), `x,"`, 2},
		{"short sentence untouched", words(100) + ".", "w .", 1},
	}
	for _, tt := range tests {
		d := Split(tt.text)
		checkInvariants(t, d)
		if len(d.Sentences) != tt.pieces {
			t.Errorf("%s: %d sentences, want %d", tt.name, len(d.Sentences), tt.pieces)
			continue
		}
		s := d.Sentences[0]
		if got := d.Text[s.Start:s.End]; !strings.HasSuffix(strings.ReplaceAll(got, " ", ""), strings.ReplaceAll(tt.wantEnd, " ", "")) {
			t.Errorf("%s: the first piece ends %q, want it to end %q", tt.name, got[max(0, len(got)-12):], tt.wantEnd)
		}
	}
}

// TestCapParagraphs: paragraphs keep their sentences in order when long
// ones are cut.
func TestCapParagraphs(t *testing.T) {
	d := Split(strings.Repeat("w ", 700) + "\n\nShort one. The " + strings.Repeat("v ", 300))
	checkInvariants(t, d)
	if len(d.Paras) != 2 || d.Paras[0].Last-d.Paras[0].First != 3 || d.Paras[1].Last-d.Paras[1].First != 3 {
		t.Fatalf("paragraphs %+v, want 3 sentences each", d.Paras)
	}
}
