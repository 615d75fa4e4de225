package engine

import (
	"github.com/whosaid/whosaid/internal/attrib"
	"github.com/whosaid/whosaid/internal/cue"
	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/text"
	"github.com/whosaid/whosaid/internal/wordset"
	"github.com/whosaid/whosaid/internal/wordshape"
)

// writerClauses open a clause of the writer's inside a content that ran
// on too far ("…, as he faces a test in South Carolina"): a claim whose
// source follows one is a claim of its own, not part of the content.
var writerClauses = wordset.Of("as when after while")

// withoutInner drops a claim whose source and content both lie inside
// another claim's content, when it reports no speech: in "reports that
// the billionaire wants a ban on Muslims" what he wants is part of
// what the reports say, and PolNeAR's annotators draw one claim there.
// What a reader checks stays: a statement inside ("Trump's claim that
// …", "…, the police chief said", according to another), a claim that
// quotes its speaker, and any claim inside a quotation or a transcript's
// turn, where a speaker's own words report another's. atts need not be
// sorted; their order is kept.
func withoutInner(atts []attrib.Attribution, seg *segment.Doc, lex *cue.Lexicon) []attrib.Attribution {
	// by start, the longer first, so a claim's outer comes before it
	order := orderBy(atts, func(a, b *attrib.Attribution) bool {
		if a.Start() != b.Start() {
			return a.Start() < b.Start()
		}
		return a.End() > b.End()
	})
	drop := make([]bool, len(atts))
	outer := -1 // of the claims so far, the one that reaches furthest
	for _, i := range order {
		a := &atts[i]
		if outer >= 0 {
			o := &atts[outer]
			if o.End() >= a.End() && (o.Start() != a.Start() || o.End() != a.End()) && heldBy(a, o, seg, lex) {
				drop[i] = true
				continue
			}
		}
		if outer < 0 || a.End() > atts[outer].End() {
			outer = i
		}
	}
	return keep(atts, drop)
}

// heldBy reports whether a, whose span lies in o's, is part of what o
// reports (withoutInner's test).
func heldBy(a, o *attrib.Attribution, seg *segment.Doc, lex *cue.Lexicon) bool {
	if a.Source.End <= a.Source.Start || a.Source.Start < o.Start() || a.Source.Start >= o.End() {
		return false
	}
	if opensQuote(seg, o.Content[0]) || o.Turn {
		return false
	}
	if k := seg.TokenAt(a.Source.Start); k > 0 && int(seg.Tokens[k-1].Start) >= o.Start() && writerClauses[wordshape.Lower(seg.Word(k-1))] {
		return false
	}
	f, l := seg.TokenRange(a.Cue)
	for k := max(f, 0); k < l; k++ {
		w := wordshape.Lower(seg.Word(k))
		if v, ok := lex.Verb(w); lex.Noun(w) || ok && (v.Class == cue.Speech || v.Class == cue.Tell) {
			return false
		}
	}
	f, l = seg.TokenRange(text.Span{Start: a.Start(), End: a.End()})
	return f < 0 || !hasQuoteMark(seg, f, l)
}
