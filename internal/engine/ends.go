package engine

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/whosaid/whosaid/internal/attrib"
	"github.com/whosaid/whosaid/internal/quote"
	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
	"github.com/whosaid/whosaid/internal/text"
	"github.com/whosaid/whosaid/internal/wordset"
	"github.com/whosaid/whosaid/internal/wordshape"
)

// Where a content ends and what joins it. The model runs a content on
// into words of the writer's, which the cuts end (mend runs them before
// the speaker repairs), and claims one of the two quotations a frame
// stands between, which the joins mend (after withLeadIn).
// infinitiveSpeaker, first, gives a passive cue that goes on to a verb
// its subject back as the source; moreRelatives and relativeInSource
// give a content the relative pronoun before its frame. withoutAsked
// and wholeSubject redraw the subject part noPassiveSource made, after
// the speaker repairs; throughIncluding runs a content on through its
// examples; last, closeQuotes gives back the closing marks a content's
// end left out.

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

// maxCoordScan bounds the words of a content the cuts read, so that a
// claim costs the same whatever the text.
const maxCoordScan = 64

// scanned is the token range of a's first content part, cut to
// maxCoordScan tokens; first is -1 when it holds no token.
func scanned(a *attrib.Attribution, seg *segment.Doc) (first, last int) {
	first, last = seg.TokenRange(a.Content[0])
	return first, min(last, first+maxCoordScan)
}

// atSecondVerb ends a content where "and" brings in a second verb of the
// cue's form ("said that she will release her tax returns and called on
// Sanders …"; "saying they want a ban and vowing …"): that
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
	f, l := scanned(a, seg)
	if f < 0 {
		return
	}
	for k := f + 1; k+1 < l; k++ {
		if verbClass(tags[k]) == class {
			return
		}
		if seg.Word(k) != "and" {
			continue
		}
		v := pastAdverb(tags, k+1, l) // "and then", "and also"
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
// said …"; "After stating that …, Clinton vowed …"), or a participle cue
// that opens it ("Pointing out that …, the senator said …"). The words
// after the comma are the writer's main clause. The opener may follow a
// comma or a link (`laterOpener`). The content must hold a finite verb
// before the comma or open with "to" ("as technology threatens to change
// the industry …, it's likely …"), and must not open with a clause of its
// own ("that even in little things, the president was …").
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
	if k < cf && !clauseOpeners[wordshape.Lower(seg.Word(k))] {
		k = laterOpener(seg, k, cf)
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
	if !hasFinite(tags, f, j) && tags[f] != tag.TO {
		return
	}
	cutAt(a, seg, j)
}

// laterOpener is the clause opener that brings in the cue's clause after
// a comma or a link later in the sentence ("However, while the RNC says
// …"; "…, and while he said he'd hold a hearing, it's unlikely …"), with
// no comma or quotation between it and cue token cf; k, the sentence's
// first word, when there is none.
func laterOpener(seg *segment.Doc, k, cf int) int {
	for b := cf - 1; b > k; b-- {
		w := seg.Word(b)
		if w == "," || w == ";" || seg.Tokens[b].Kind == segment.Quote {
			break
		}
		if clauseOpeners[wordshape.Lower(w)] && (seg.Word(b-1) == "," || links[wordshape.Lower(seg.Word(b-1))]) {
			return b
		}
	}
	return k
}

// cutAt ends a's one content before token k, if a word is left.
func cutAt(a *attrib.Attribution, seg *segment.Doc, k int) {
	c := clip([]text.Span{{Start: a.Content[0].Start, End: int(seg.Tokens[k].Start)}}, 0, len(seg.Text), seg.Text)
	if len(c) == 1 && hasWord(seg.Text, c) {
		a.Content = c
	}
}

// withQuoteBefore gives a quotation that follows its cue in a sentence of
// its own the sentence before the cue as its first part, when that
// sentence ends in a quotation the frame closes and no claim holds it:
// "Yet Trump is also a “change agent,” Cole said. “That's exactly what
// people want …”" is one content in two parts, as PolNeAR draws it. The
// part runs from the sentence's start (after a label), as the words
// before a quoted fragment are the speaker's too, to the closing mark.
// A quotation that ends in "?" or "!" is a sentence of its own, so there
// the sentence before the frame's is the one ("“Can we win Illinois?”
// Mr. Manafort asked. “I don't know …”"). The closing mark may close a
// quotation inside the quotation too ("… as, ‘He's the ringleader,’”"),
// and the frame may go on after its cue ("Mr. Hedge said from his
// office in Orlando.") when the content opens the next sentence.
func withQuoteBefore(atts []attrib.Attribution, seg *segment.Doc, quotes []quote.Quote) {
	taken := heldWords(atts)
	for i := range atts {
		a := &atts[i]
		if !afterCue(a) {
			continue
		}
		frame := frameOf(a)
		ff, fl := seg.TokenRange(frame)
		cf, _ := seg.TokenRange(a.Content[0])
		if ff < 2 || cf < fl || seg.Tokens[cf].Kind != segment.Quote {
			continue
		}
		marks := true
		for k := fl; k < cf; k++ {
			if kd := seg.Tokens[k].Kind; kd != segment.Punct && kd != segment.Quote {
				marks = false
			}
		}
		if !marks {
			// words after the cue ("said from his office.") when the
			// content opens the next sentence
			fs, ok := sentenceOf(seg, fl-1)
			if !ok || fs.Last != cf {
				continue
			}
		}
		// the quotation that closes right before the frame: its closing
		// marks (one, two apostrophes, or an inner quotation's too) after
		// a comma, or after "?" or "!" (ends: its sentence ended there)
		var qe int
		ends := false
		if seg.Word(ff-1) == "," && seg.Tokens[ff-2].Kind == segment.Quote {
			qe = int(seg.Tokens[ff-2].End)
		} else {
			b := ff - 1 // the word before the closing marks
			for b >= 0 && b >= ff-3 && seg.Tokens[b].Kind == segment.Quote {
				b--
			}
			if b == ff-1 || b < 0 {
				continue
			}
			switch seg.Word(b) {
			case ",":
			case "?", "!":
				ends = true
			default:
				continue
			}
			qe = int(seg.Tokens[ff-1].End)
		}
		k := sort.Search(len(quotes), func(j int) bool { return quotes[j].Start >= qe })
		qs := -1
		for j := k - 1; j >= 0 && j >= k-4; j-- {
			if quotes[j].End == qe && !quotes[j].Nested && !quotes[j].Scare {
				qs = quotes[j].Start
				break
			}
		}
		if qs < 0 {
			continue
		}
		st, ok := sentenceOf(seg, ff)
		if ok && ends && st.First == ff {
			st, ok = sentenceOf(seg, ff-1)
		}
		if !ok || st.Start > qs || seg.SentenceAt(a.Content[0].Start) == seg.SentenceAt(frame.Start) {
			continue
		}
		lead := []text.Span{{Start: afterLabel(seg, st), End: qe}}
		if taken.overlaps(lead) {
			continue
		}
		a.Content = append(lead, a.Content...)
		a.Kind = kindOf(a.Content, quotes)
	}
}

// withLaterLead starts a later part that opens at a quotation mark in
// mid-sentence at its sentence's start ("…,” he said. Then, “I try …”";
// "That makes her “by definition a trustworthy …”"): the words before
// the quotation in the speaker's next sentence are the speaker's too, as
// PolNeAR draws them. Not over words another attribution holds.
func withLaterLead(atts []attrib.Attribution, seg *segment.Doc) {
	taken := heldWords(atts)
	for i := range atts {
		a := &atts[i]
		for p := 1; p < len(a.Content); p++ {
			pf, _ := seg.TokenRange(a.Content[p])
			if pf < 1 || seg.Tokens[pf].Kind != segment.Quote {
				continue
			}
			// the sentence holds at most segment.MaxSentenceTokens, so
			// the look back is bounded
			st, ok := sentenceOf(seg, pf)
			if !ok || st.First >= pf || st.Start < a.Content[p-1].End || hasQuoteMark(seg, st.First, pf) {
				continue
			}
			from := afterLabel(seg, st)
			lead := []text.Span{{Start: from, End: int(seg.Tokens[pf-1].End)}}
			if from >= lead[0].End || taken.overlaps(lead) {
				continue
			}
			startPartAt(a, p, from)
		}
	}
}

// startPartAt starts part p of a's content at byte start, on a copy of
// the parts: another claim may share their array.
func startPartAt(a *attrib.Attribution, p, start int) {
	a.Content = append([]text.Span(nil), a.Content...)
	a.Content[p].Start = start
}

// maxTitleWords is the most words a quotation withoutTitle drops may hold.
const maxTitleWords = 6

// withoutTitle drops a first part that is a short quotation after a
// preposition, a determiner or a possessive: the name of a show or a
// work ("Speaking on ABC's “This Week,” Carson admitted that …", "To a
// question on the “privatization of public sector jobs,” Sanders said
// …"), not words the speaker said, as the quote finder's direct frames
// already read it (attrib's titled).
func withoutTitle(a *attrib.Attribution, seg *segment.Doc, tags []tag.Tag, quotes []quote.Quote) {
	if len(a.Content) < 2 || a.Content[0].End > a.Cue.Start {
		return
	}
	f, l := seg.TokenRange(a.Content[0])
	if f < 1 || l <= f+1 || seg.Tokens[f].Kind != segment.Quote || seg.Tokens[l-1].Kind != segment.Quote ||
		hasWords(seg, f, l, maxTitleWords+1) {
		return
	}
	switch tags[f-1] {
	case tag.IN, tag.POS, tag.DT, tag.PRPS:
		a.Content = a.Content[1:]
		a.Kind = kindOf(a.Content, quotes)
	}
}

// maxAfterFrame is the most words afterFrame gives back to a later part.
const maxAfterFrame = 8

// afterFrame starts a later part right after the comma that closes the
// frame before it: "The difference now, he told me on Friday, is that
// …", "“…,” she said, and “clear consequences …”", "Over the long term,
// according to the budget office, the rise in annual deficits …": the
// words between the comma and the part, which the model left out, go on
// with what was said, as PolNeAR draws them. Only within one sentence,
// when those words are few, hold no quotation mark or other break, and
// do not open with a participle (", noting the nominee “…”" is a frame
// of its own), and no attribution holds them.
func afterFrame(atts []attrib.Attribution, seg *segment.Doc, tags []tag.Tag) {
	taken := heldWords(atts)
	for i := range atts {
		a := &atts[i]
		cf, cl := seg.TokenRange(a.Cue)
		if cf < 0 {
			continue
		}
		for p := 1; p < len(a.Content); p++ {
			_, pl := seg.TokenRange(a.Content[p-1])
			pf, _ := seg.TokenRange(a.Content[p])
			if pl < 0 || pf < 0 || pl > cf || cl > pf {
				continue
			}
			// the comma before the part, past words alone (no quotation
			// mark or other break), at most maxAfterFrame of them
			c := -1
			for k := pf - 1; k >= cl && pf-k <= maxAfterFrame+1; k-- {
				if seg.Word(k) == "," {
					c = k
					break
				}
				if !seg.Tokens[k].Kind.IsWord() {
					break
				}
			}
			if c < 0 || c+1 >= pf || tags[c+1] == tag.VBG || tags[c+1] == tag.VBN {
				continue
			}
			if seg.SentenceAt(int(seg.Tokens[c].Start)) != seg.SentenceAt(a.Content[p].Start) {
				continue
			}
			lead := []text.Span{{Start: int(seg.Tokens[c+1].Start), End: int(seg.Tokens[pf-1].End)}}
			if taken.overlaps(lead) {
				continue
			}
			startPartAt(a, p, lead[0].Start)
		}
	}
}

// twoApostrophes reports the closing mark the New York Times writes as
// two apostrophes: tokens k and k+1, each an apostrophe, side by side.
// The segmenter gives each its own token, and the quote finder takes the
// outer pair for the quotation.
func twoApostrophes(seg *segment.Doc, k int) bool {
	return k >= 0 && k+1 < len(seg.Tokens) && seg.Word(k) == "'" && seg.Word(k+1) == "'" &&
		seg.Tokens[k].End == seg.Tokens[k+1].Start
}

// minQuoteWords is the fewest words a quotation withQuoteAfter joins may
// hold: fewer are a title or a shout ("“Hawaii Five-0,”", "“Nooooo!”").
const minQuoteWords = 4

// withQuoteAfter gives a quotation its frame follows the quotation that
// opens the next sentence as its second part, when no claim holds that
// one: "“…turbulence,” Clinton said. “And that's why steady, experienced
// leadership is so important …”" is one content in two parts, as PolNeAR
// draws it. Not when the frame's sentence goes on to another verb ("…,”
// she told a cheering crowd, then referred to Trump's slogan. “But …”":
// that quotation is what she referred to).
func withQuoteAfter(atts []attrib.Attribution, seg *segment.Doc, tags []tag.Tag, quotes []quote.Quote) {
	taken := heldWords(atts)
	for i := range atts {
		a := &atts[i]
		if len(a.Content) != 1 || a.Content[0].End > a.Cue.Start || a.Kind != attrib.Direct {
			continue
		}
		frame := frameOf(a)
		_, fl := seg.TokenRange(frame)
		if fl < 0 {
			continue
		}
		st, ok := sentenceOf(seg, fl-1)
		if !ok || st.Last >= len(seg.Tokens) {
			continue
		}
		verb := false
		for j := fl; j+1 < st.Last && j-fl < maxCoordScan; j++ {
			if seg.Word(j) == "," {
				verb = verb || tags[pastAdverb(tags, j+1, st.Last)].IsFinite()
			}
		}
		if verb {
			continue
		}
		nx := st.Last
		if seg.Tokens[nx].Kind != segment.Quote {
			continue
		}
		qs := int(seg.Tokens[nx].Start)
		k := sort.Search(len(quotes), func(j int) bool { return quotes[j].Start >= qs })
		if k >= len(quotes) || quotes[k].Start != qs || quotes[k].Scare || quotes[k].Nested || !quotes[k].Closed {
			continue
		}
		tail := []text.Span{{Start: qs, End: quotes[k].End}}
		if qf, ql := seg.TokenRange(tail[0]); !hasWords(seg, qf, ql, minQuoteWords) {
			continue
		}
		if taken.overlaps(tail) {
			continue
		}
		a.Content = append(a.Content, tail...)
		a.Kind = kindOf(a.Content, quotes)
	}
}

// beforeWhen ends a content that names a thing, not a clause, before the
// date that closes it: "announced his endorsement of Ted Cruz on
// Sunday", "criticized the NRA in February": the date is when the
// speaker acted, and PolNeAR leaves it out. Only a phrase a preposition
// opens ("on", "in", "since", "during", "until") with a calendar word
// ("Sunday", "July", "today") or "last week" and the like, a year
// perhaps after it, and only when the content has no verb ("dismissed
// the claim to have conducted the test on Wednesday": there the date is
// the content's).
func beforeWhen(a *attrib.Attribution, seg *segment.Doc, tags []tag.Tag) {
	if !afterCue(a) || a.Kind != attrib.Indirect {
		return
	}
	f, l := seg.TokenRange(a.Content[0])
	if f < 0 || l-f > maxCoordScan {
		return
	}
	e := lastWord(seg, f, l)
	// k walks back over the date: calendar words, "last week", years
	k, date := e, false
	for ; k > f; k-- {
		w := wordshape.Lower(seg.Word(k))
		if attrib.Date(w) {
			date = true
		} else if whenWords[w] && whenLeads[wordshape.Lower(seg.Word(k-1))] {
			date = true
			k--
		} else if tags[k] != tag.CD {
			break
		}
	}
	if !date || k <= f || !whenPreps[wordshape.Lower(seg.Word(k))] {
		return
	}
	if slices.ContainsFunc(tags[f:k], tag.Tag.IsVerbOrModal) {
		return
	}
	cutAt(a, seg, k)
}

// whenWords, after one of whenLeads, end a date: "last week", "this year".
var (
	whenWords = wordset.Of("week month year night morning evening afternoon weekend")
	whenLeads = wordset.Of("last this next earlier")
)

// whenPreps open the date beforeWhen cuts.
var whenPreps = wordset.Of("on in since during until")

// beforeAndClause ends a content that names a thing, not a clause,
// where "and" or "but" brings in a clause of its own, a pronoun and its
// verb: "called him a “nice guy” and he didn't provide any descriptions
// for John Kasich", "knows the gritty specifics of health care policy,
// and she gained …". A thing and a clause do not join into one content;
// the clause is the writer's. Not after a pronoun ("she and they can
// get under his skin": one subject), nor inside a quotation. A verb in
// the past or third person right after "and" or "but" ends it too: the
// cue's subject goes on to do something else ("rejected the science of
// climate change and criticized the Paris agreement"). Not a modal or a
// plain present ("… and would leave …", "to raise her voice and say …"):
// gold runs on across those.
func beforeAndClause(a *attrib.Attribution, seg *segment.Doc, tags []tag.Tag, qi *quoteIndex) {
	if !afterCue(a) || a.Kind == attrib.Direct {
		return
	}
	f, l := scanned(a, seg)
	if f < 0 {
		return
	}
	for k := f + 1; k+2 < l; k++ {
		if tags[k].IsFinite() {
			return
		}
		w := wordshape.Lower(seg.Word(k))
		if w != "and" && w != "but" || qi.around(int(seg.Tokens[k].Start)) {
			continue
		}
		s := k + 1
		if j := pastAdverb(tags, s, l); tags[j] == tag.VBD && !modifies(tags, j, l) || tags[j] == tag.VBZ {
			cutAt(a, seg, k) // the cue's own verb phrase goes on
			return
		}
		if tags[s] != tag.PRP || tags[k-1] == tag.PRP {
			continue
		}
		if !tags[pastAdverb(tags, s+1, l)].IsFinite() {
			continue
		}
		cutAt(a, seg, k)
		return
	}
}

// beforeSharedCue ends a reported clause where "and" or "but" brings in
// another claim's cue in the same tense as its own: "said she had
// released 30 years of tax returns and called on Sanders to …",
// "praised the deal as a hero but insisting that …" — the cue's subject
// goes on to do something else, and the claim after "and" is its own.
// A verb in another tense most often goes on with what was said ("said
// he's proud of his campaign and expects to leave …"). beforeAndClause
// reads a content with no finite verb; this one reads the rest, and only
// at another claim's cue.
func beforeSharedCue(atts []attrib.Attribution, seg *segment.Doc, tags []tag.Tag, qi *quoteIndex) {
	cues := make(map[int]int, len(atts)) // a cue's first byte → its attribution
	for i := range atts {
		cues[atts[i].Cue.Start] = i
	}
	for i := range atts {
		a := &atts[i]
		if !afterCue(a) || a.Kind == attrib.Direct || len(a.Content) != 1 {
			continue
		}
		own := cueTense(a.Cue, seg, tags)
		f, l := seg.TokenRange(a.Content[0])
		if f < 0 || own == tag.Unknown {
			continue
		}
		for k := f + 1; k+1 < l; k++ {
			w := seg.Word(k)
			if !strings.EqualFold(w, "and") && !strings.EqualFold(w, "but") || qi.around(int(seg.Tokens[k].Start)) {
				continue
			}
			j, ok := cues[int(seg.Tokens[k+1].Start)]
			if ok && j != i && cueTense(atts[j].Cue, seg, tags) == own {
				cutAt(a, seg, k)
				break
			}
		}
	}
}

// cueTense is the tag of a cue's last verb ("has sharply criticized":
// "criticized"), past participles read as past and the present's persons
// as one; Unknown when it has no verb.
func cueTense(cue text.Span, seg *segment.Doc, tags []tag.Tag) tag.Tag {
	f, l := seg.TokenRange(cue)
	for k := l - 1; k >= max(f, 0); k-- {
		switch t := tags[k]; t {
		case tag.VBD, tag.VBN:
			return tag.VBD
		case tag.VBZ, tag.VBP:
			return tag.VBZ
		case tag.VB, tag.VBG:
			return t
		}
	}
	return tag.Unknown
}

// modifies reports a past form before a common noun: "unsettled
// weather", "paid family leave" modify the noun (the tagger gives them
// VBD), where a verb takes an object ("criticized the agreement").
func modifies(tags []tag.Tag, j, l int) bool {
	return j+1 < l && (tags[j+1] == tag.NN || tags[j+1] == tag.NNS)
}

// maxCloseGap bounds the marks between a content's end and the closing
// mark closeQuotes takes in (",”", ".”", "”").
const maxCloseGap = 8

// closeQuotes ends a content part that stops inside a quotation it opens
// at the quotation's closing mark, when only marks stand between: the
// model and the cuts leave "titled “Arrogant" where the reader should
// see "titled “Arrogant,”". PolNeAR's scorer reads words alone, so the
// figures do not move; the claim's text and its kind (a quoted fragment
// makes it mixed) do.
func closeQuotes(atts []attrib.Attribution, seg *segment.Doc, quotes []quote.Quote) {
	for i := range atts {
		a := &atts[i]
		changed := false
		for p := range a.Content {
			c := &a.Content[p]
			k := sort.Search(len(quotes), func(j int) bool { return quotes[j].Start >= c.End })
			for j := k - 1; j >= 0 && j >= k-4; j-- {
				q := quotes[j]
				if q.Start < c.Start || q.End <= c.End || q.End-c.End > maxCloseGap || !q.Closed {
					continue
				}
				if strings.IndexFunc(seg.Text[c.End:q.End], func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsSpace(r) }) >= 0 {
					continue
				}
				if p+1 < len(a.Content) && a.Content[p+1].Start < q.End {
					continue
				}
				c.End = q.End
				changed = true
				break
			}
		}
		if changed {
			a.Kind = kindOf(a.Content, quotes)
		}
	}
}

// withoutFramedQuote drops the last part of a content when it is a
// quotation in a sentence after the cue's that ends in a comma and
// goes on: "“America is great! Trump is disgusting,” read one.
// “Anybody but Trump,” was another." That quotation has a frame of its
// own, which PolNeAR gives it; the model joins it to the one before.
func withoutFramedQuote(a *attrib.Attribution, seg *segment.Doc, quotes []quote.Quote) {
	n := len(a.Content)
	if n < 2 {
		return
	}
	last := a.Content[n-1]
	if last.Start < a.Cue.End {
		return
	}
	f, l := seg.TokenRange(last)
	if f < 0 || l-f < 3 || seg.Tokens[f].Kind != segment.Quote || seg.Tokens[l-1].Kind != segment.Quote {
		return
	}
	if seg.Word(l-2) != "," && !(l-f >= 4 && twoApostrophes(seg, l-2) && seg.Word(l-3) == ",") {
		return
	}
	st, ok := sentenceOf(seg, l-1)
	if !ok || seg.SentenceAt(a.Cue.Start) == seg.SentenceAt(last.Start) || l >= st.Last || !seg.Tokens[l].Kind.IsWord() {
		return
	}
	a.Content = a.Content[:n-1]
	a.Kind = kindOf(a.Content, quotes)
}

// withoutAsked drops the first part of a content that `noPassiveSource`
// made of the subject of a passive "asked" ("Clinton has been asked to
// release the transcripts", "Trump was asked what he thought …"): the
// subject is the one asked, not part of the question; in train's gold
// 92 such contents leave it out, 7 keep it. It runs after the speaker
// repairs, which would otherwise take that subject as the source.
func withoutAsked(a *attrib.Attribution, seg *segment.Doc, quotes []quote.Quote) {
	if subjectPart(a) && slices.Contains(strings.Fields(wordshape.Lower(seg.Text[a.Cue.Start:a.Cue.End])), "asked") {
		a.Content = a.Content[1:]
		a.Kind = kindOf(a.Content, quotes)
	}
}

// subjectPart reports a sourceless content whose first part stands
// before the cue and the rest after it: the shape noPassiveSource gives
// a passive or raising cue's content, its subject first.
func subjectPart(a *attrib.Attribution) bool {
	return len(a.Content) >= 2 && a.SrcFirst < 0 && a.Content[0].End <= a.Cue.Start && a.Content[1].Start >= a.Cue.End
}

// wholeSubject starts the first part of a raising or passive cue's
// content ("is expected", "seemed", "appears") at the start of the
// subject's phrase: `noPassiveSource` made that part of the source the
// source model found, a name or a head noun ("Clinton" in "The birth of
// the newest Clinton is expected to coincide …"; "Britain" in "the
// special relationship between America and Britain appears to be alive
// and well"), where PolNeAR takes the whole subject. The phrase runs
// from its clause's start, past a clause opener, "that" or "despite",
// then links and adverbs ("Even", "Despite the fact that …"), when the
// words between hold no finite verb, no quotation, no comma or other
// break, and do not open with a participle ("Following an outcry …"). A
// relative pronoun ("which is expected to …") stays as it is.
func wholeSubject(a *attrib.Attribution, seg *segment.Doc, tags []tag.Tag) {
	if !subjectPart(a) || !sourceless(seg.Text[a.Cue.Start:a.Cue.End]) {
		return
	}
	toHead(a, seg, tags)
	f, _ := seg.TokenRange(a.Content[0])
	if f < 0 || relPronouns[wordshape.Lower(seg.Word(f))] {
		return
	}
	st, ok := sentenceOf(seg, f)
	if !ok {
		return
	}
	k := max(st.First, f-maxCoordScan)
	for b := f - 1; b >= k; b-- {
		if w := wordshape.Lower(seg.Word(b)); clauseOpeners[w] || w == "that" || w == "despite" {
			k = b + 1
			break
		}
	}
	for k < f && (seg.Tokens[k].Kind == segment.Quote || links[wordshape.Lower(seg.Word(k))] || tags[k] == tag.RB || tags[k] == tag.RBR) {
		k++
	}
	if k == f || tags[k] == tag.VBG || tags[k] == tag.VBN {
		return
	}
	for j := k; j < f; j++ {
		if tags[j].IsFinite() || seg.Tokens[j].Kind == segment.Quote || subjectBreaks[seg.Word(j)] {
			return
		}
	}
	a.Content[0].Start = int(seg.Tokens[k].Start)
}

// toHead ends a subject part that stops before its noun on that noun:
// the source span it came from can end on a determiner, a possessive or
// a title ("Mr. | Effron is also … mentioned as", "his | decision to
// work for Obama was seen as", "the | Obama administration, under
// growing pressure, is expected"). The part runs on over the phrase's
// words (phraseTag), never past a comma or into the cue.
func toHead(a *attrib.Attribution, seg *segment.Doc, tags []tag.Tag) {
	f, l := seg.TokenRange(a.Content[0])
	cf, _ := seg.TokenRange(a.Cue)
	if f < 0 || l <= f || l >= cf {
		return
	}
	last := tags[l-1]
	if last != tag.DT && last != tag.PRPS && last != tag.PDT && last != tag.POS &&
		!(last == tag.NNP && tags[l] == tag.NNP && strings.HasSuffix(seg.Word(l-1), ".")) {
		return
	}
	j := l
	for j < cf && phraseTag(tags[j]) {
		j++
	}
	if j > l {
		a.Content[0].End = int(seg.Tokens[j-1].End)
	}
}

// subjectBreaks end a phrase before a subject: "In Iowa, …", "(…)".
var subjectBreaks = wordset.Of(", ; : ( ) — – --")

// beforeVenue ends a content that names a thing, not a clause, before
// the occasion the speaker spoke on: "praised her positive reviews of
// the president's actions in a tweet", "criticized tax credits and
// military spending at Tuesday's Republican debate", "thanked supporters
// at a victory rally in his home state", "posted the comments on its
// website". The occasion is a phrase that "in", "at", "on", "during",
// "via" or "through" opens and a venue noun ("tweet", "interview",
// "rally", "debate", "speech", "Twitter", "website" …) ends within five
// words; PolNeAR leaves it out, as it does the date (beforeWhen, which
// runs after it). Not when the content has a verb ("that he was working
// on a book in an interview" keeps its clause whole) or a quotation
// before the phrase.
func beforeVenue(a *attrib.Attribution, seg *segment.Doc, tags []tag.Tag) {
	if !afterCue(a) || a.Kind != attrib.Indirect {
		return
	}
	f, l := seg.TokenRange(a.Content[0])
	if f < 0 || l-f > maxCoordScan || slices.ContainsFunc(tags[f:l], tag.Tag.IsVerbOrModal) {
		return
	}
	for k := f + 1; k < l; k++ {
		if !venuePreps[wordshape.Lower(seg.Word(k))] {
			continue
		}
		if hasQuoteMark(seg, f, k) {
			return
		}
		for j := k + 1; j < l && j-k <= 5; j++ {
			if venueNouns[wordshape.Lower(seg.Word(j))] {
				cutAt(a, seg, venueStart(seg, tags, f, k))
				return
			}
			if !venueTag(tags[j]) {
				break
			}
		}
	}
}

// venuePreps open the phrase of an occasion; venueNouns end it.
var venuePreps = wordset.Of("in at during via through on")
var venueNouns = wordset.Of("twitter facebook website show shows program television radio tv tweet tweets interview interviews statement speech speeches rally rallies debate debates conference town email e-mail letter post video op-ed appearance event meeting forum hearing remarks message column editorial broadcast ad")

// venueStart is where the venue phrase at token k begins: at an earlier
// one it is coordinated with ("during campaign stops and in his speech").
func venueStart(seg *segment.Doc, tags []tag.Tag, f, k int) int {
	if k-1 <= f || !coordWords[wordshape.Lower(seg.Word(k-1))] {
		return k
	}
	for j := k - 2; j > f && k-j <= 6; j-- {
		if venuePreps[wordshape.Lower(seg.Word(j))] {
			return j
		}
		if !venueTag(tags[j]) {
			break
		}
	}
	return k
}

// venueTag is a tag the words of an occasion's phrase may bear: "his
// home state", "Tuesday's Republican debate", "a planned rally".
func venueTag(t tag.Tag) bool {
	return phraseTag(t) || t == tag.JJS || t == tag.VBN
}

var coordWords = wordset.Of("and or")

// throughIncluding runs a content that stops before ", including …" on
// to its sentence's end: "accused China of hacking computers at a range
// of federal agencies, including the theft of more than 21 million
// records …". The examples belong to what they exemplify; in train's
// gold 50 contents run through ", including" and 2 stop there, where the
// model stopped 10 times. Not when the rest holds a verb of its own
// ("members of his caucus, including his two deputies, have thrown …"),
// a quotation or a colon, or another claim's words.
func throughIncluding(atts []attrib.Attribution, seg *segment.Doc, tags []tag.Tag) {
	taken := heldWords(atts)
	for i := range atts {
		a := &atts[i]
		n := len(a.Content)
		_, l := seg.TokenRange(a.Content[n-1])
		if l < 0 || l+1 >= len(seg.Tokens) || seg.Word(l) != "," || wordshape.Lower(seg.Word(l+1)) != "including" {
			continue
		}
		st, ok := sentenceOf(seg, l)
		if !ok || st.Last-l > maxCoordScan {
			continue
		}
		end := beforeMarks(seg, l+1, st.Last)
		if hasQuoteMark(seg, l, end+1) || seg.Word(end) == ":" {
			continue
		}
		if mainVerb(seg, tags, l, end+1) {
			continue
		}
		tail := []text.Span{{Start: a.Content[n-1].End, End: int(seg.Tokens[end].End)}}
		if taken.overlaps(tail) {
			continue
		}
		a.Content[n-1].End = int(seg.Tokens[end].End)
	}
}

// zeroRelative gives a content that opens on a finite verb right after
// "X said" the noun phrase before the frame as its first part: "a probe
// the agency said was ongoing", "a step party leaders say could help
// unify the party". The frame sits in a relative clause with no pronoun,
// and the noun it follows is the verb's subject.
func zeroRelative(a *attrib.Attribution, seg *segment.Doc, tags []tag.Tag) {
	r := beforeTightFrame(a, seg)
	if r < 1 || len(a.Content) != 1 || !tags[r].IsNoun() || seg.Tokens[r].Kind != segment.Word {
		return
	}
	si := seg.SentenceAt(int(seg.Tokens[r].Start))
	if si >= len(seg.Sentences) || seg.SentenceAt(a.Content[0].Start) != si {
		return
	}
	st := seg.Sentences[si]
	f, _ := seg.TokenRange(a.Content[0])
	if f < 0 || !tags[f].IsFinite() {
		return
	}
	k := r
	for k > st.First && r-k < maxSubject && phraseTag(tags[k-1]) && tags[k-1] != tag.PRP {
		k--
	}
	a.Content = append([]text.Span{{Start: int(seg.Tokens[k].Start), End: int(seg.Tokens[r].End)}}, a.Content...)
}

// mainVerb reports a finite verb among tokens [first, last) that no
// relative pronoun brings in: the stretch holds a clause of its own.
func mainVerb(seg *segment.Doc, tags []tag.Tag, first, last int) bool {
	for k := first; k < last; k++ {
		if w := wordshape.Lower(seg.Word(k)); relPronouns[w] || w == "that" {
			return false
		}
		if tags[k].IsFinite() {
			return true
		}
	}
	return false
}

// hasQuoteMark reports a quotation mark among tokens [first, last).
func hasQuoteMark(seg *segment.Doc, first, last int) bool {
	return slices.ContainsFunc(seg.Tokens[first:last], func(t segment.Token) bool { return t.Kind == segment.Quote })
}

// moreRelatives gives a content two more relative pronouns before its
// frame as its first part, as withRelative (combine.go) does "which",
// "who", "whom" and "what": PolNeAR counts the pronoun as part of what
// was said. A "that" after a noun, when the content is the clause's verb
// phrase ("the kind of job that many economists say is the future"):
// "that" is then the content's subject, where elsewhere it most often
// opens a clause of its own ("showed that officials knew …"). And "what"
// after a preposition, before a noun phrase ("under what Mr. Hedge
// called the prior economy model"), which withRelative leaves out
// because "in which he said" frames the content; "what" is the object
// itself. Before a verb ("focused on what he said were the failures …")
// the gold leaves it out. They run after the models, which were
// trained without them. Train's gold draws the head noun too in a few
// ("an economic system that he said has favored …"), and some "what"
// clauses whole ("what they call the fraudulent nomination"); both are
// left as they were.
func moreRelatives(a *attrib.Attribution, seg *segment.Doc, tags []tag.Tag) {
	r := beforeTightFrame(a, seg)
	if r < 1 {
		return
	}
	f, l := seg.TokenRange(a.Content[0])
	verb := f >= 0 && f < l && tags[f].IsFinite()
	switch wordshape.Lower(seg.Word(r)) {
	case "what":
		if tags[r-1] == tag.IN && !verb {
			withToken(a, seg, r)
		}
	case "that":
		if tags[r-1].IsNoun() && verb {
			withToken(a, seg, r)
		}
	}
}

// relativeInSource moves a relative pronoun the source model took into
// the source ("which officials said will go into effect …", "whom many
// progressives believed was unfairly tilting …") to the content, as its
// first part: withRelative's shape, which the source model missed. Only
// a source of its own that meets its cue: an inherited one lies
// elsewhere.
func relativeInSource(a *attrib.Attribution, seg *segment.Doc) {
	if !afterCue(a) || a.Inherited || a.SrcFirst < 0 || a.SrcLast-a.SrcFirst < 2 || !sourceMeetsCue(a, seg) {
		return
	}
	r := a.SrcFirst
	if w := seg.Word(r); (w == "which" || w == "whom" || w == "what") && seg.Tokens[r+1].Kind.IsWord() {
		withToken(a, seg, r)
		setSpeaker(a, seg, r+1, a.SrcLast)
	}
}

// infinitiveSpeaker gives back the subject noPassiveSource took from a
// cue that goes on past its participle to a verb of its own: "The New
// York Times is expected to endorse …", "More than half of Clinton's
// address was devoted to criticizing …". The subject does what the last
// verb says, so it is the source (train's gold: 12 of 13 such cues have
// one), not the first part of the content.
func infinitiveSpeaker(a *attrib.Attribution, seg *segment.Doc, quotes []quote.Quote) {
	if !subjectPart(a) || !sourceless(seg.Text[a.Cue.Start:a.Cue.End]) {
		return
	}
	ws := strings.Fields(wordshape.Lower(seg.Text[a.Cue.Start:a.Cue.End]))
	k := slices.Index(ws, "to")
	if k < 2 || k == len(ws)-1 || !participle(ws[k-1]) {
		return
	}
	f, l := seg.TokenRange(a.Content[0])
	if f < 0 || f >= l {
		return
	}
	a.Content = a.Content[1:]
	a.Kind = kindOf(a.Content, quotes)
	setSpeaker(a, seg, f, l)
}
