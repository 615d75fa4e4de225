package engine

import (
	"sort"

	"github.com/whosaid/whosaid/internal/attrib"
	"github.com/whosaid/whosaid/internal/quote"
	"github.com/whosaid/whosaid/internal/segment"
)

// quoteIndex answers "does a quotation run across this offset?" in
// O(log n): asking every quotation for every attribution made a paragraph
// of thousands of quotations quadratic.
type quoteIndex struct {
	quotes []quote.Quote // sorted by Start
	maxEnd []int         // maxEnd[i] is the largest End of quotes[:i+1]
}

func newQuoteIndex(quotes []quote.Quote) *quoteIndex {
	q := &quoteIndex{quotes: quotes, maxEnd: make([]int, len(quotes))}
	m := 0
	for i, x := range quotes {
		m = max(m, x.End)
		q.maxEnd[i] = m
	}
	return q
}

// around reports whether a quotation starts before b and ends after it.
func (q *quoteIndex) around(b int) bool {
	k := sort.Search(len(q.quotes), func(i int) bool { return q.quotes[i].Start >= b })
	return k > 0 && q.maxEnd[k-1] > b
}

// holding is the quotation, not a scare quote, that holds byte b.
func (q *quoteIndex) holding(b int) (quote.Quote, bool) {
	k := sort.Search(len(q.quotes), func(i int) bool { return q.quotes[i].Start > b }) - 1
	// a nested quotation lies inside the one before it: a few steps back
	for step := 0; k >= 0 && step < 4; k, step = k-1, step+1 {
		if x := q.quotes[k]; x.Start <= b && b < x.End {
			return x, !x.Scare
		}
	}
	return quote.Quote{}, false
}

// maxDepth is how many claims may cover one stretch of text. Nested
// attributions are real ("X said that Y claimed that Z"), but a text of
// nothing but speech verbs nests one in another without end, and every
// claim carries its own text: the answer grew with the square of the
// input. PolNeAR's train and dev articles nest four deep at most.
const maxDepth = 6

// limitDepth ends a claim where one more would make the text under it
// deeper than maxDepth: the innermost of the claims open there gives way,
// as a claim does in disjoint when a later one crosses it, and goes when
// no word of it is left. atts are sorted by Start; so is the result.
func limitDepth(atts []attrib.Attribution, seg *segment.Doc) []attrib.Attribution {
	drop := make([]bool, len(atts))
	var open []int // claims covering the current start, in order of start
	for i := range atts {
		a := &atts[i]
		k := 0
		for _, j := range open {
			if atts[j].End() > a.Start() {
				open[k] = j
				k++
			}
		}
		open = open[:k]
		if len(open) >= maxDepth {
			inner := open[len(open)-1]
			atts[inner].Content = clip(atts[inner].Content, 0, a.Start(), seg.Text)
			if !hasWord(seg.Text, atts[inner].Content) {
				drop[inner] = true
			}
			open = open[:len(open)-1]
		}
		open = append(open, i)
	}
	return keep(atts, drop)
}
