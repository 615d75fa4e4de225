package engine

import (
	"github.com/whosaid/whosaid/internal/attrib"
	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
	"github.com/whosaid/whosaid/internal/text"
	"github.com/whosaid/whosaid/internal/wordset"
	"github.com/whosaid/whosaid/internal/wordshape"
)

// Where a content that follows its cue ends, when the model ran it on
// into words of the writer's. mend runs both before the speaker repairs.

// verbClass groups the tags a coordinated verb shares with the one it
// joins (0 for none): the tagger confuses VBD and VBN, and VBZ and VBP.
func verbClass(t tag.Tag) int {
	switch t {
	case tag.VBD, tag.VBN:
		return 1
	case tag.VBZ, tag.VBP:
		return 2
	case tag.VBG:
		return 3
	}
	return 0
}

// maxCoordScan bounds the words of a content atSecondVerb reads, so that
// a claim costs the same whatever the text.
const maxCoordScan = 64

// atSecondVerb ends a content where "and" brings in a second verb of the
// cue's form ("said that she has released 30 years of tax returns and
// called on Sanders …"; "saying they want a ban and vowing …"): that
// verb shares the cue's subject, and what follows is another act of the
// speaker's, not what was said. Not when a verb of that form comes first
// in the content ("said he lied and cheated": "and" may join the
// content's own verbs), nor between adverbs ("secretly and improperly
// financed"), nor inside a quotation. The verb may not lead a noun ("and
// unsettled weather", "and growing economic inequality"): there it is a
// modifier.
func atSecondVerb(a *attrib.Attribution, seg *segment.Doc, tags []tag.Tag, qi *quoteIndex) {
	if !afterCue(a) {
		return
	}
	cf, cl := seg.TokenRange(a.Cue)
	if cf < 0 {
		return
	}
	class := 0
	for k := cf; k < cl && class == 0; k++ {
		class = verbClass(tags[k])
	}
	if class == 0 {
		return
	}
	f, l := seg.TokenRange(a.Content[0])
	if f < 0 {
		return
	}
	l = min(l, f+maxCoordScan)
	for k := f + 1; k+1 < l; k++ {
		if verbClass(tags[k]) == class {
			return
		}
		if seg.Word(k) != "and" {
			continue
		}
		v := k + 1
		if tags[v] == tag.RB && v+1 < l {
			v++ // "and then", "and also"
		}
		if verbClass(tags[v]) != class || tags[k-1] == tag.RB || qi.around(int(seg.Tokens[k].Start)) {
			continue
		}
		if v+1 < len(tags) {
			if n := tags[v+1]; n == tag.JJ || n == tag.NN || n == tag.NNS || n == tag.CD {
				continue
			}
		}
		cutAt(a, seg, k)
		return
	}
}

// clauseOpeners open an adverbial clause that comes before its
// sentence's main clause ("When the moderator pointed out that …, the
// candidate said …").
var clauseOpeners = wordset.Of("when while if although though as because since after before once unless whereas")

// beforeMainClause ends a content at the comma where its sentence's main
// clause begins, when the cue sits in a clause that leads the sentence:
// one a clause opener or a subordinator brings in ("When the moderator
// pointed out that Trump hadn't answered the question, the candidate
// said …"; "After saying …"), or a participle that opens it ("In
// addition to stating that …, Clinton has vowed …"). The words after the
// comma are the writer's main clause. The content must hold a finite
// verb before the comma, and must not open with a clause of its own
// ("that even in little things, the president was …").
func beforeMainClause(a *attrib.Attribution, seg *segment.Doc, tags []tag.Tag) {
	if !afterCue(a) || a.Kind != attrib.Indirect {
		return
	}
	cf, ce := seg.TokenRange(a.Cue)
	f, _ := seg.TokenRange(a.Content[0])
	if cf < 0 || f < 0 {
		return
	}
	if w := wordshape.Lower(seg.Word(f)); clauseOpeners[w] || w == "even" {
		return
	}
	st, ok := sentenceOf(seg, cf)
	if !ok {
		return
	}
	k := st.First
	for k < cf && (seg.Tokens[k].Kind == segment.Quote || links[wordshape.Lower(seg.Word(k))]) {
		k++
	}
	switch w := wordshape.Lower(seg.Word(k)); {
	case k >= cf:
		if tags[cf] != tag.VBG && wordshape.Lower(seg.Word(cf)) != "having" {
			return
		}
	case clauseOpeners[w]:
	case k+1 == cf && (tags[k] == tag.IN && tags[cf] == tag.VBG || subordinators[w]):
	default:
		return
	}
	j := mainClause(seg, tags, st, ce)
	if j <= f+1 || int(seg.Tokens[j].Start) >= a.Content[0].End {
		return
	}
	if p := tags[j-1]; p == tag.IN || p == tag.CC || p == tag.WRB || p == tag.TO || links[wordshape.Lower(seg.Word(j-1))] {
		return // "because, she said, …"
	}
	if !hasFinite(tags, f, j) {
		return
	}
	cutAt(a, seg, j)
}

// cutAt ends a's one content before token k, if a word is left.
func cutAt(a *attrib.Attribution, seg *segment.Doc, k int) {
	c := clip([]text.Span{{Start: a.Content[0].Start, End: int(seg.Tokens[k].Start)}}, 0, len(seg.Text), seg.Text)
	if len(c) == 1 && hasWord(seg.Text, c) {
		a.Content = c
	}
}
