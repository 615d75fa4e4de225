package engine

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/attrib"
	"github.com/whosaid/whosaid/internal/quote"
	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/text"
)

// TestLimitDepth: claims nested without end ("he said that he said that
// …") keep at most maxDepth over any offset, the outer ones whole.
func TestLimitDepth(t *testing.T) {
	s := strings.Repeat("he said that ", 40)
	seg := segment.Split(s)
	claims := func() []attrib.Attribution {
		var atts []attrib.Attribution
		for i := 0; i < 40; i++ {
			start := i*13 + 13 // after "said that ": every claim runs to the end
			if start >= len(s) {
				break
			}
			atts = append(atts, attrib.Attribution{Content: []text.Span{{Start: start, End: len(s) - 1}},
				Cue: text.Span{Start: i*13 + 3, End: i*13 + 7}, SrcFirst: -1, SrcLast: -1})
		}
		return atts
	}
	out := limitDepth(claims(), seg)
	for b := 0; b < len(s); b++ {
		depth := 0
		for _, a := range out {
			if a.Start() <= b && b < a.End() {
				depth++
			}
		}
		if depth > maxDepth {
			t.Fatalf("offset %d lies under %d claims, want at most %d", b, depth, maxDepth)
		}
	}
	for i := 0; i < maxDepth-1; i++ {
		if out[i].End() != len(s)-1 {
			t.Errorf("claim %d was cut to end at %d: the outer claims stay whole", i, out[i].End())
		}
	}
	// nesting within the bound is left alone
	atts := claims()
	few := limitDepth(atts[len(atts)-maxDepth:], seg)
	if len(few) != maxDepth {
		t.Fatalf("%d claims %d deep: %d left", maxDepth, maxDepth, len(few))
	}
	for i, a := range few {
		if a.End() != len(s)-1 {
			t.Errorf("claim %d of %d nested ones was cut", i, maxDepth)
		}
	}
}

// TestQuoteIndex: around agrees with asking every quotation.
func TestQuoteIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		var qs []quote.Quote
		pos := 0
		for range r.IntN(20) {
			pos += r.IntN(10)
			q := quote.Quote{Start: pos, End: pos + 1 + r.IntN(30)}
			qs = append(qs, q)
			// a nested one now and then
			if r.IntN(3) == 0 && q.End-q.Start > 3 {
				qs = append(qs, quote.Quote{Start: q.Start + 1, End: q.Start + 2})
			}
			pos = q.End + r.IntN(5)
		}
		idx := newQuoteIndex(qs)
		for b := 0; b < pos+5; b++ {
			want := false
			for _, q := range qs {
				if q.Start < b && b < q.End {
					want = true
				}
			}
			if got := idx.around(b); got != want {
				t.Fatalf("around(%d) = %v, want %v, quotes %v", b, got, want, qs)
			}
		}
	}
}
