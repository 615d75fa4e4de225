package engine

import (
	"sort"

	"github.com/whosaid/whosaid/internal/attrib"
	"github.com/whosaid/whosaid/internal/segment"
)

// withTurns adds a transcript's turns (attrib.Turns) to atts. A turn frames
// everything its speaker says, so the attributions inside it stay (the
// interviewer's "as The Wall Street Journal wrote" is still the Journal's);
// only an attribution that took the turn's label for its own source or
// cue, as the headline rule does with "PENCE: Well, look, …", gives way.
// atts are sorted by start; so is the result.
func withTurns(atts []attrib.Attribution, seg *segment.Doc) []attrib.Attribution {
	turns := attrib.Turns(seg)
	if len(turns) == 0 {
		return atts
	}
	out := atts[:0:0]
	for _, a := range atts {
		if !inTurnLabel(a, turns) {
			out = append(out, a)
		}
	}
	out = append(out, turns...)
	sortByStart(out)
	return limitDepth(out, seg)
}

// inTurnLabel reports whether a's cue or source lies in a turn's label and
// colon.
func inTurnLabel(a attrib.Attribution, turns []attrib.Attribution) bool {
	k := sort.Search(len(turns), func(i int) bool { return turns[i].Cue.End > a.Cue.Start })
	if k < len(turns) && turns[k].Source.Start < a.Cue.End {
		return true
	}
	if a.Source.End <= a.Source.Start {
		return false
	}
	k = sort.Search(len(turns), func(i int) bool { return turns[i].Cue.End > a.Source.Start })
	return k < len(turns) && turns[k].Source.Start < a.Source.End
}
