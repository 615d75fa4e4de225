package engine

import (
	"sort"

	"github.com/whosaid/whosaid/internal/quote"
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
