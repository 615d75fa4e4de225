package attrib

import (
	"github.com/whosaid/whosaid/internal/quote"
	"github.com/whosaid/whosaid/internal/segment"
)

// fallbackQuotes pairs double quote marks within each paragraph. It stands
// in only when the quote stage found nothing in a text that has quote
// marks; quote.Find is the real finder.
func fallbackQuotes(seg *segment.Doc) []quote.Quote {
	var out []quote.Quote
	for _, p := range seg.Paras {
		if p.First >= p.Last || p.First < 0 || p.Last > len(seg.Sentences) {
			continue
		}
		first, last := seg.Sentences[p.First].First, seg.Sentences[p.Last-1].Last
		open := -1
		for k := first; k < last && k < len(seg.Tokens); k++ {
			t := seg.Tokens[k]
			if t.Kind != segment.Quote {
				continue
			}
			w := seg.Text[t.Start:t.End]
			switch {
			case w == "“" || w == "«" || w == "„" || w == "\"" && open < 0:
				if open < 0 {
					open = k
				}
			case w == "”" || w == "»" || w == "\"":
				if open >= 0 {
					out = append(out, fallbackQuote(seg, open, k))
					open = -1
				}
			}
		}
		if open >= 0 {
			q := fallbackQuote(seg, open, last-1)
			q.Closed = false
			out = append(out, q)
		}
	}
	return out
}

func fallbackQuote(seg *segment.Doc, open, close int) quote.Quote {
	words, stops := 0, 0
	for k := open + 1; k < close; k++ {
		t := seg.Tokens[k]
		switch t.Kind {
		case segment.Word, segment.Number:
			words++
		case segment.Punct:
			switch seg.Text[t.Start:t.End] {
			case ".", "!", "?", ",":
				stops++
			}
		}
	}
	return quote.Quote{Start: int(seg.Tokens[open].Start), End: int(seg.Tokens[close].End),
		Scare: words <= 4 && stops == 0, Closed: true}
}
