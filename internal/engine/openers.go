package engine

import (
	"slices"
	"sort"

	"github.com/whosaid/whosaid/internal/attrib"
	"github.com/whosaid/whosaid/internal/quote"
	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/sources"
	"github.com/whosaid/whosaid/internal/tag"
	"github.com/whosaid/whosaid/internal/text"
	"github.com/whosaid/whosaid/internal/wordset"
	"github.com/whosaid/whosaid/internal/wordshape"
)

// askedClaims adds the question a sentence opens with: "Asked if he was
// ever bullied, the Republican presidential candidate said no", "When
// asked whom she supported, Ms. Sherry smiled". PolNeAR draws the
// question as a claim of its own, cue "Asked" and no source
// (askedNoOne), and the answer as the main verb's ("no"); the cue tagger
// found 38 of train's 55, and the model gave four of the others to the
// main verb. The question runs from its first question word ("if",
// "whether", "about", "why" …, after an adverbial such as "on Fox News"
// or "Tuesday") to the comma the main clause follows (a noun phrase and
// a finite verb). A sentence whose words
// another claim holds is left alone, unless that claim is the main
// verb's with the question for content: it gets the answer instead
// (answers). atts are sorted by start; so is the result.
func askedClaims(atts []attrib.Attribution, seg *segment.Doc, tags []tag.Tag) []attrib.Attribution {
	var held, contents *spanSet
	var drop []bool // of atts[:n], claims answers left with no words
	n := len(atts)
	for _, st := range seg.Sentences {
		c := st.First
		if c+1 < st.Last && seg.Word(c) == "When" {
			c++
		}
		// compared as written: lower-casing every sentence's first word
		// would cost an allocation each
		if w := seg.Word(c); c+1 >= st.Last || !(w == "Asked" || c > st.First && w == "asked") {
			continue
		}
		f := c + 1
		for f < st.Last && f-c <= maxAskedLead && !questionWords[wordshape.Lower(seg.Word(f))] {
			if !seg.Tokens[f].Kind.IsWord() || seg.Word(f) == "by" {
				f = st.Last // a mark, or an asker (askedBy): not this shape
			}
			f++
		}
		if f >= st.Last || f-c > maxAskedLead {
			continue
		}
		l := mainClause(seg, tags, st, f)
		if l < 0 {
			continue
		}
		a := attrib.Attribution{
			Cue:     text.Span{Start: int(seg.Tokens[c].Start), End: int(seg.Tokens[c].End)},
			Content: []text.Span{{Start: int(seg.Tokens[f].Start), End: int(seg.Tokens[l-1].End)}},
			Kind:    attrib.Indirect,
		}
		a.DropSource()
		if held == nil {
			held, contents, drop = heldWords(atts[:n]), newSpanSet(atts[:n]), make([]bool, n)
		}
		if held.overlaps([]text.Span{{Start: int(seg.Tokens[st.First].Start), End: a.End()}}) && !answers(atts[:n], drop, held, contents, seg, st, l) {
			continue
		}
		atts = append(atts, a)
	}
	if len(atts) > n {
		kept := atts[:0]
		for i, a := range atts {
			if i >= n || !drop[i] {
				kept = append(kept, a)
			}
		}
		atts = kept
		sortByStart(atts)
	}
	return atts
}

// answers gives the claims whose content is the question, the words of
// sentence st before the comma at token l, and whose cue and source
// follow it, what follows their cue for content, to the next words
// another claim holds or the sentence's end ("no"; a claim left with no
// words is marked in drop, for askedClaims to drop: its content stays,
// as the next sentence's search reads it). It reports false, and
// changes nothing, unless every claim that holds words of the question
// is such a claim. atts are sorted by start; held and contents are
// heldWords and newSpanSet of atts.
func answers(atts []attrib.Attribution, drop []bool, held, contents *spanSet, seg *segment.Doc, st segment.Sentence, l int) bool {
	from, to := int(seg.Tokens[st.First].Start), int(seg.Tokens[l].Start)
	if from > 0 && contents.overlaps([]text.Span{{Start: from - 1, End: from}}) {
		return false // a content from before the sentence runs into it
	}
	k := sort.Search(len(atts), func(i int) bool { return atts[i].Start() >= from })
	first := k
	for ; k < len(atts) && atts[k].Start() < to; k++ {
		a := &atts[k]
		if a.End() > to || a.Cue.Start < to || a.SrcFirst >= 0 && a.Source.Start < to {
			return false
		}
	}
	if k == first {
		return false // what holds the question's words is a cue or a source
	}
	e := lastWord(seg, l, st.Last)
	for i := first; i < k; i++ {
		a := &atts[i]
		end := int(seg.Tokens[e].End)
		if j := sort.Search(len(held.spans), func(j int) bool { return held.spans[j].Start >= a.Cue.End }); j < len(held.spans) {
			end = min(end, held.spans[j].Start)
		}
		if c := clip([]text.Span{{Start: a.Cue.End, End: end}}, a.Cue.End, end, seg.Text); hasWord(seg.Text, c) {
			a.Content, a.Kind = c, attrib.Indirect
		} else {
			drop[i] = true
		}
	}
	return true
}

// mainClause is the comma after token f, within sources.Reach tokens of
// sentence st and before any quotation, that a noun phrase and a finite
// verb follow: where the main clause begins after a leading adverbial
// clause. -1 when there is none.
func mainClause(seg *segment.Doc, tags []tag.Tag, st segment.Sentence, f int) int {
	for j := f + 1; j < st.Last && j-f < sources.Reach; j++ {
		if seg.Tokens[j].Kind == segment.Quote {
			return -1
		}
		if seg.Word(j) != "," {
			continue
		}
		e, ok := phraseFrom(seg, tags, j+1)
		if ok && e < st.Last && tags[pastAdverb(tags, e, st.Last)].IsFinite() {
			return j
		}
	}
	return -1
}

// lastWord is the last token before token last and after token k that
// is not a mark, or k: a claim that runs to its sentence's end stops
// before its full stop.
func lastWord(seg *segment.Doc, k, last int) int {
	e := last - 1
	for e > k && seg.Tokens[e].Kind == segment.Punct {
		e--
	}
	return e
}

// maxAskedLead bounds the words between "Asked" and its question word
// ("Asked during a January debate why …").
const maxAskedLead = 6

// questionWords open the question after "Asked".
var questionWords = wordset.Of("if whether about why what how who whom which when where")

// pollClaims adds the finding a sentence reports from a poll it opens
// with: "In an NBC News/Wall Street Journal poll released Monday, 50
// percent of respondents chose Clinton", cue "In", the poll its source
// and the rest of the sentence its content, as PolNeAR draws it. The
// cue tagger, which saw "In" as a cue too seldom, missed all 15 in
// train. The poll's phrase must name a poll or survey among its first
// words (not "In eight of nine states where exit polls were
// conducted"), may go on after it ("released Monday", ", conducted in
// May,"), and be followed by a clause with a verb. A sentence whose
// words another claim holds is left alone. atts are sorted by start; so
// is the result.
func pollClaims(atts []attrib.Attribution, seg *segment.Doc, tags []tag.Tag, quotes []quote.Quote) []attrib.Attribution {
	var held *spanSet
	n := len(atts)
	for _, st := range seg.Sentences {
		c := st.First
		if c+2 >= st.Last || seg.Word(c) != "In" {
			continue
		}
		p := c + 1
		for p < st.Last && p-c <= maxPollLead && !pollWords[wordshape.Lower(seg.Word(p))] && (phraseTag(tags[p]) || tags[p] == tag.JJS || tags[p] == tag.JJR || ofIn[wordshape.Lower(seg.Word(p))] || seg.Word(p) == "/" || seg.Word(p) == "-") {
			p++
		}
		if p >= st.Last || !pollWords[wordshape.Lower(seg.Word(p))] {
			continue
		}
		// the phrase runs to a comma that a clause follows, not a
		// participle's ("poll, conducted in May, Clinton led")
		j := p + 1
		for ; j < st.Last && j-p < sources.Reach; j++ {
			if seg.Tokens[j].Kind == segment.Quote {
				j = st.Last
				break
			}
			if seg.Word(j) == "," && j+1 < st.Last && tags[j+1] != tag.VBN {
				break
			}
		}
		e := lastWord(seg, j, st.Last)
		// any verb, not only a finite one: the pruned tagger takes some
		// past tenses for participles ("respondents backed")
		if j >= st.Last || j-p >= sources.Reach || e <= j || !slices.ContainsFunc(tags[j+1:e+1], tag.Tag.IsVerbOrModal) {
			continue
		}
		a := attrib.Attribution{
			Cue:     text.Span{Start: int(seg.Tokens[c].Start), End: int(seg.Tokens[c].End)},
			Source:  text.Span{Start: int(seg.Tokens[c+1].Start), End: int(seg.Tokens[j-1].End)},
			Content: []text.Span{{Start: int(seg.Tokens[j+1].Start), End: int(seg.Tokens[e].End)}},
		}
		a.SrcFirst, a.SrcLast, a.RefFirst, a.RefLast = c+1, j, c+1, c+1
		a.Kind = kindOf(a.Content, quotes)
		if held == nil {
			held = heldWords(atts[:n])
		}
		if held.overlaps([]text.Span{{Start: a.Cue.Start, End: a.End()}}) {
			continue
		}
		atts = append(atts, a)
	}
	if len(atts) > n {
		sortByStart(atts)
	}
	return atts
}

// maxPollLead bounds the words between "In" and the poll's noun ("In
// early results of the exit poll").
const maxPollLead = 8

// pollWords name a poll.
var pollWords = wordset.Of("poll polls survey surveys")
