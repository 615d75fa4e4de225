package attrib

import (
	"sort"

	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/text"
	"github.com/whosaid/whosaid/internal/wordset"
	"github.com/whosaid/whosaid/internal/wordshape"
)

// NotSpeech reports a cue word that, where it stands, reports no one's
// words: a name given in passing (namedInPassing) or someone showing up
// (showsUp). Find leaves such cues out; the engine drops the model's.
func NotSpeech(seg *segment.Doc, cue text.Span) bool {
	k, ok := oneToken(seg, cue)
	return ok && (namedInPassing(seg, k) || showsUp(seg, k))
}

// oneToken is the index of the token that cue spans, if it spans one.
func oneToken(seg *segment.Doc, cue text.Span) (int, bool) {
	k := tokenAt(seg, cue.Start)
	return k, k < len(seg.Tokens) && int(seg.Tokens[k].Start) == cue.Start && int(seg.Tokens[k].End) == cue.End
}

// tokenAt is the index of the first token that ends after byte b.
func tokenAt(seg *segment.Doc, b int) int {
	toks := seg.Tokens
	return sort.Search(len(toks), func(i int) bool { return int(toks[i].End) > b })
}

// namedInPassing reports a cue at token first that gives the name of
// what an indefinite noun phrase stands for ("a group called Color of
// Change", "a worker named Antonio Arroyo"): no one speaks (in PolNeAR's
// train split 6 of 42 such words are cues). "a group called on
// Congress", "called for" and "called him" speak.
func namedInPassing(seg *segment.Doc, first int) bool {
	toks := seg.Tokens
	if first < 1 || first+1 >= len(toks) || !naming[wordshape.Lower(seg.Word(first))] || notNamed[wordshape.Lower(seg.Word(first+1))] {
		return false
	}
	// "a" or "an" at most four words back, with only words between
	for k := first - 1; k >= 0 && k >= first-5 && toks[k].Kind == segment.Word; k-- {
		if w := wordshape.Lower(seg.Word(k)); w == "a" || w == "an" {
			return true
		}
	}
	return false
}

// showsUp reports "appear" followed by where or with whom ("appeared on
// Sunday interview shows", "appears before reporters"): someone shows up
// (in train, 4 of 66 such are cues), where "appears to" and "appeared
// deferential" say how something seems.
func showsUp(seg *segment.Doc, k int) bool {
	return k+1 < len(seg.Tokens) && appearVerb[wordshape.Lower(seg.Word(k))] && showPlace[wordshape.Lower(seg.Word(k+1))]
}

// LabelOpens reports a colon cue after a label that opens its sentence
// ("Q:", "The Latest:", "Contributing:"), which names no one.
func LabelOpens(seg *segment.Doc, cue text.Span) bool {
	if seg.Text[cue.Start:cue.End] != ":" {
		return false
	}
	k := tokenAt(seg, cue.Start)
	st := seg.SentenceAt(cue.Start)
	if k < 1 || k >= len(seg.Tokens) || st >= len(seg.Sentences) || !Label(seg.Word(k-1)) {
		return false
	}
	first := seg.Sentences[st].First
	return k-1 == first || k-2 == first && wordshape.Lower(seg.Word(first)) == "the"
}

var (
	naming     = wordset.Of("called named dubbed")
	notNamed   = wordset.Of("on for upon it him her them me us you")
	appearVerb = wordset.Of("appear appears appeared appearing")
	showPlace  = wordset.Of("on at in before with alongside together onstage live")
)
