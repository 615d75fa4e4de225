package engine

import (
	"math"
	"sort"
	"strings"

	"github.com/whosaid/whosaid/internal/checkworthy"
	"github.com/whosaid/whosaid/internal/tag"
	"github.com/whosaid/whosaid/internal/text"
)

// scoreClaims gives every claim its check-worthiness from the trained
// model: an unattributed claim is read as its sentence; an attributed one
// as its content with its cue, because what the cue says ("claimed",
// "denied", "according to") weighs too. A named source is left out: who
// speaks does not make a claim more checkable, and names would lift every
// attributed claim above the article's own. A source that is "I", "we" or
// "you" is read with them: "I think …", "I said I would …" are a speaker's
// view or own record, which the model learnt (first person) to rank low;
// without it they ranked higher than their whole sentence did (debate CV
// through the engine: AP 0.716 without, 0.722 with).
func (e *Engine) scoreClaims(a *analysis, tags []tag.Tag, m *checkworthy.Model) {
	if m == nil {
		m = e.cw
	}
	if m == nil {
		return // no model (build/traincw before it passes one): no scores
	}
	var (
		sc    checkworthy.Scratch
		toks  []checkworthy.Token
		spans []text.Span
	)
	a.claimScores = make([]checkworthy.Score, len(a.claims))
	for i, c := range a.claims {
		toks = checkworthy.AppendTokens(toks[:0], a.seg, tags, []text.Span{c})
		s := m.Score(toks, &sc)
		s.P = roundScore(s.P)
		a.claimScores[i] = s
	}
	a.attScores = make([]checkworthy.Score, len(a.atts))
	for i, at := range a.atts {
		spans = append(spans[:0], at.Content...)
		spans = append(spans, at.Cue)
		if personal(a.seg.Text[at.Source.Start:at.Source.End]) {
			spans = append(spans, at.Source)
		}
		// sort.Slice, not slices.SortFunc: an instantiation of its own
		// for Span costs the page's wasm 17 KB of code (claims.merge likewise).
		sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
		toks = checkworthy.AppendTokens(toks[:0], a.seg, tags, mergeSpans(spans))
		s := m.Score(toks, &sc)
		s.P = roundScore(s.P)
		a.attScores[i] = s
	}
}

// mergeSpans merges overlapping sorted spans in place, so that no token is
// read twice.
func mergeSpans(sp []text.Span) []text.Span {
	out := sp[:0]
	for _, s := range sp {
		if n := len(out); n > 0 && s.Start < out[n-1].End {
			out[n-1].End = max(out[n-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

// roundScore keeps three decimals: enough to rank, short to read.
func roundScore(p float64) float64 { return math.Round(p*1000) / 1000 }

// personal reports whether a source is a first- or second-person pronoun.
func personal(src string) bool {
	src = strings.TrimSpace(src)
	return strings.EqualFold(src, "i") || strings.EqualFold(src, "we") || strings.EqualFold(src, "you")
}
