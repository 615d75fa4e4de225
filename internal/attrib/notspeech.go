package attrib

import (
	"sort"

	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/text"
	"github.com/whosaid/whosaid/internal/wordset"
	"github.com/whosaid/whosaid/internal/wordshape"
)

// NamedInPassing reports a cue that gives the name of what an indefinite
// noun phrase stands for ("a group called Color of Change", "a worker
// named Antonio Arroyo"): no one speaks (in PolNeAR's train split 6 of 42
// such words are cues). "a group called on Congress", "called for" and
// "called him" speak. Find leaves such cues out; the engine drops the
// model's.
func NamedInPassing(seg *segment.Doc, cue text.Span) bool {
	toks := seg.Tokens
	first := sort.Search(len(toks), func(i int) bool { return int(toks[i].End) > cue.Start })
	if first < 1 || first+1 >= len(toks) || int(toks[first].Start) != cue.Start || int(toks[first].End) != cue.End ||
		!naming[wordshape.Lower(seg.Word(first))] || notNamed[wordshape.Lower(seg.Word(first+1))] {
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

// LabelOpens reports a colon cue after a label that opens its sentence
// ("Q:", "The Latest:", "Contributing:"), which names no one.
func LabelOpens(seg *segment.Doc, cue text.Span) bool {
	toks := seg.Tokens
	k := sort.Search(len(toks), func(i int) bool { return int(toks[i].End) > cue.Start })
	st := seg.SentenceAt(cue.Start)
	if k < 1 || k >= len(toks) || st >= len(seg.Sentences) || !Label(seg.Word(k-1)) {
		return false
	}
	first := seg.Sentences[st].First
	return k-1 == first || k-2 == first && wordshape.Lower(seg.Word(first)) == "the"
}

var (
	naming   = wordset.Of("called named dubbed")
	notNamed = wordset.Of("on for upon it him her them me us you")
)
