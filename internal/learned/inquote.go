package learned

import (
	"github.com/whosaid/whosaid/internal/quote"
	"github.com/whosaid/whosaid/internal/segment"
)

// InQuote marks the tokens inside quotations that are speech (not scare
// quotes), marks included: the model's quote feature. Training and the
// engine must both compute it here, or the feature means different things.
func InQuote(seg *segment.Doc, quotes []quote.Quote) []bool {
	in := make([]bool, len(seg.Tokens))
	t := 0
	for _, q := range quotes {
		if q.Scare {
			continue
		}
		for t < len(seg.Tokens) && int(seg.Tokens[t].End) <= q.Start {
			t++
		}
		for k := t; k < len(seg.Tokens) && int(seg.Tokens[k].Start) < q.End; k++ {
			in[k] = true
		}
	}
	return in
}
