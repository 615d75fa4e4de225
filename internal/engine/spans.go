package engine

import (
	"sort"
	"strings"

	"github.com/whosaid/whosaid/internal/attrib"
	"github.com/whosaid/whosaid/internal/quote"
	"github.com/whosaid/whosaid/internal/text"
)

// The span helpers combine's steps share with the rest of the engine:
// clipping and comparing contents, how a content is reported, and which
// tokens a span covers.

// clip keeps the parts of content within [from, to), trimmed of the spaces
// and marks left at the cut.
func clip(content []text.Span, from, to int, s string) []text.Span {
	var kept []text.Span
	for _, c := range content {
		c.Start, c.End = max(c.Start, from), min(c.End, to)
		for c.End > c.Start && strings.ContainsRune(" \t\n\"“”'‘’,;:—–-", rune(s[c.End-1])) {
			c.End--
		}
		for c.End > c.Start && strings.ContainsRune(" \t\n,;:—–-", rune(s[c.Start])) {
			c.Start++
		}
		if c.End > c.Start {
			kept = append(kept, c)
		}
	}
	return kept
}

// union keeps every attribution of first, and those of second whose
// content overlaps none of first's.
func union(first, second []attrib.Attribution) []attrib.Attribution {
	taken := newSpanSet(first)
	out := append([]attrib.Attribution(nil), first...)
	for _, a := range second {
		if !taken.overlaps(a.Content) {
			out = append(out, a)
		}
	}
	return out
}

// spanSet answers "does anything overlap this span?" in O(log n), so
// combining stays linear-ish on a 5 MB article with tens of thousands of
// attributions.
type spanSet struct {
	spans  []text.Span // sorted by Start
	maxEnd []int       // maxEnd[i] is the largest End of spans[:i+1]
}

func newSpanSet(atts []attrib.Attribution) *spanSet {
	s := &spanSet{}
	for i := range atts {
		s.spans = append(s.spans, atts[i].Content...)
	}
	s.sort()
	return s
}

// sort orders the spans and sets maxEnd, after spans are added.
func (s *spanSet) sort() {
	sort.Slice(s.spans, func(i, j int) bool { return s.spans[i].Start < s.spans[j].Start })
	s.maxEnd = s.maxEnd[:0]
	m := 0
	for _, sp := range s.spans {
		m = max(m, sp.End)
		s.maxEnd = append(s.maxEnd, m)
	}
}

// sortByStart orders attributions by where their content starts,
// keeping the order of those that start together. sort.SliceStable, not
// slices.SortStableFunc: an instantiation of its own costs the page
// bytes.
func sortByStart(atts []attrib.Attribution) {
	sort.SliceStable(atts, func(i, j int) bool { return atts[i].Start() < atts[j].Start() })
}

func (s *spanSet) overlaps(content []text.Span) bool {
	for _, c := range content {
		// spans starting before c ends overlap c if one of them ends after c starts
		k := sort.Search(len(s.spans), func(i int) bool { return s.spans[i].Start >= c.End })
		if k > 0 && s.maxEnd[k-1] > c.Start {
			return true
		}
	}
	return false
}

// kindOf says how content is reported: a quotation from mark to mark is
// direct, content holding a quoted fragment is mixed, the rest indirect.
func kindOf(content []text.Span, quotes []quote.Quote) attrib.Kind {
	direct, fragment := true, false
	for _, c := range content {
		whole := false
		// only quotes starting inside c count: start there (by binary
		// search), or a paragraph of quotations is quadratic
		k := sort.Search(len(quotes), func(i int) bool { return quotes[i].Start >= c.Start })
		for _, q := range quotes[k:] {
			if q.Start >= c.End {
				break
			}
			if q.Start == c.Start && q.End == c.End && !q.Scare {
				whole = true
			}
			if q.Start >= c.Start && q.End <= c.End {
				fragment = true
			}
		}
		direct = direct && whole
	}
	switch {
	case direct:
		return attrib.Direct
	case fragment:
		return attrib.Mixed
	}
	return attrib.Indirect
}

// keep returns the attributions of atts not marked in drop, in order,
// reusing atts's array.
func keep(atts []attrib.Attribution, drop []bool) []attrib.Attribution {
	out := atts[:0]
	for i, a := range atts {
		if !drop[i] {
			out = append(out, a)
		}
	}
	return out
}
