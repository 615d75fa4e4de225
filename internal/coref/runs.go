package coref

import (
	"sort"
	"strings"

	"github.com/whosaid/whosaid/internal/wordshape"

	"github.com/whosaid/whosaid/internal/segment"
)

// run is a person-like sequence of capitalised words ("Hillary Clinton").
type run struct {
	pos  int // byte offset of its start
	name string
}

// runs indexes the name runs of a text, found once in one pass.
type runs struct {
	all  []run
	byLW map[string][]int // lower-cased last word → indices into all
}

// notName are capitalised words that begin sentences or name no one.
var notName = map[string]bool{"the": true, "a": true, "an": true, "in": true, "on": true, "at": true,
	"but": true, "and": true, "if": true, "when": true, "it": true, "he": true, "she": true,
	"they": true, "we": true, "i": true, "this": true, "that": true, "for": true, "as": true,
	"after": true, "before": true, "while": true, "his": true, "her": true, "their": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "may": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true, "of": true, "to": true, "by": true,
	"with": true, "from": true, "so": true, "there": true, "what": true, "who": true, "why": true,
	"how": true, "some": true, "more": true, "u.s.": true, "us": true, "new": true}

// maxGap is how far back (in bytes) a pronoun looks for a name outside the
// sources.
const maxGap = 1500

func newRuns(seg *segment.Doc) *runs {
	r := &runs{byLW: map[string][]int{}}
	flush := func(ws []int) {
		for len(ws) > 0 && honorifics[strings.ToLower(seg.Word(ws[0]))] {
			ws = ws[1:]
		}
		if len(ws) < 2 || len(ws) > 4 {
			return
		}
		parts := make([]string, len(ws))
		for i, k := range ws {
			parts[i] = seg.Word(k)
			if orgWords[strings.ToLower(parts[i])] || wordshape.Acronym(parts[i]) {
				return
			}
		}
		r.all = append(r.all, run{pos: int(seg.Tokens[ws[0]].Start), name: strings.Join(parts, " ")})
		lw := strings.ToLower(parts[len(parts)-1])
		r.byLW[lw] = append(r.byLW[lw], len(r.all)-1)
	}
	var cur []int
	for k, t := range seg.Tokens {
		w := seg.Word(k)
		if t.Kind == segment.Word && wordshape.Capitalised(w) && !notName[strings.ToLower(w)] {
			cur = append(cur, k)
			continue
		}
		flush(cur)
		cur = cur[:0]
	}
	flush(cur)
	return r
}

// before returns the nearest name run starting before pos, within maxGap.
func (r *runs) before(pos int) (string, bool) {
	i := sort.Search(len(r.all), func(i int) bool { return r.all[i].pos >= pos }) - 1
	if i < 0 || pos-r.all[i].pos > maxGap {
		return "", false
	}
	return r.all[i].name, true
}

// ending returns the latest name run before pos whose last word is lw.
func (r *runs) ending(lw string, pos int) (string, bool) {
	idx := r.byLW[lw]
	j := sort.Search(len(idx), func(j int) bool { return r.all[idx[j]].pos >= pos }) - 1
	if j < 0 {
		return "", false
	}
	return r.all[idx[j]].name, true
}
