package engine

import (
	"sort"

	"github.com/whosaid/whosaid/internal/attrib"
	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/sources"
	"github.com/whosaid/whosaid/internal/tag"
	"github.com/whosaid/whosaid/internal/text"
	"github.com/whosaid/whosaid/internal/wordset"
	"github.com/whosaid/whosaid/internal/wordshape"
)

// speakers makes mend's repairs of who speaks, after the source model:
// each changes a claim's source where a sentence's shape names the
// speaker that the model, reading token by token, missed ("asked by …",
// "with three in 10 saying", "…, who …, said"). Each was measured on the
// held-out train folds (see mend). A transcript's turn and a source
// taken from an earlier claim are left alone.
func speakers(a *attrib.Attribution, seg *segment.Doc, tags []tag.Tag) {
	if a.Turn || a.Inherited {
		return
	}
	noPhrase(a, seg, tags)
	askedBy(a, seg, tags)
	withSubject(a, seg, tags)
	byAgent(a, seg, tags)
	askedNoOne(a, seg)
	leadingParticiple(a, seg, tags)
	pastRelative(a, seg, tags)
	namedAfter(a, seg, tags)
}

// setSpeaker makes tokens [f, l) a's source, unless a's content holds
// them: words cannot be both what is said and who says it.
func setSpeaker(a *attrib.Attribution, seg *segment.Doc, f, l int) {
	src := text.Span{Start: int(seg.Tokens[f].Start), End: int(seg.Tokens[l-1].End)}
	for _, c := range a.Content {
		if c.Start < src.End && src.Start < c.End {
			return
		}
	}
	a.Source, a.SrcFirst, a.SrcLast, a.RefFirst, a.RefLast = src, f, l, f, f
}

// sentenceOf is the sentence that holds token k.
func sentenceOf(seg *segment.Doc, k int) (segment.Sentence, bool) {
	si := seg.SentenceAt(int(seg.Tokens[k].Start))
	if si >= len(seg.Sentences) {
		return segment.Sentence{}, false
	}
	return seg.Sentences[si], true
}

// askedBy makes the one who asks the source of "asked by": in "Sanders
// was asked by host Bill Maher whether …" and "When asked by a reporter
// if …" PolNeAR names the asker (12 of 12 in train), where the model
// takes the one asked, or no one. The source is the noun phrase after
// "by"; the content, if it starts there, starts after it.
func askedBy(a *attrib.Attribution, seg *segment.Doc, tags []tag.Tag) {
	_, ce := seg.TokenRange(a.Cue)
	if ce < 1 {
		return
	}
	k := -1
	switch {
	case ce >= 2 && seg.Word(ce-1) == "by" && wordshape.Lower(seg.Word(ce-2)) == "asked":
		k = ce
	case ce < len(tags) && wordshape.Lower(seg.Word(ce-1)) == "asked" && seg.Word(ce) == "by":
		k = ce + 1
	}
	if k < 0 {
		return
	}
	j, ok := phraseFrom(seg, tags, k)
	if !ok {
		return
	}
	startsAfter(a, seg, k, j)
	setSpeaker(a, seg, k, j)
}

// withSubject makes the noun phrase between "with" and a participle cue
// its source: "with three in 10 saying …", "with recent polls showing
// …", "with Lewandowski taking to Twitter to call …" (in train, 35 of
// 44 participle cues after "with" and a phrase have that phrase for
// their source, and the others are phrases that are none: "this crowd
// after questioning"). The model, or the participle's constraint,
// takes the subject of the clause the "with" hangs on.
func withSubject(a *attrib.Attribution, seg *segment.Doc, tags []tag.Tag) {
	cf, _ := seg.TokenRange(a.Cue)
	if cf < 2 || tags[cf] != tag.VBG || !(tags[cf-1].IsNoun() || tags[cf-1] == tag.CD || tags[cf-1] == tag.PRP) {
		return
	}
	k := cf - 1
	for k > 0 && cf-k < hearerWords && seg.Tokens[k-1].Kind.IsWord() && (phraseTag(tags[k-1]) || ofIn[wordshape.Lower(seg.Word(k-1))]) {
		k--
	}
	if k < 1 || wordshape.Lower(seg.Word(k-1)) != "with" || ofIn[wordshape.Lower(seg.Word(k))] {
		return
	}
	setSpeaker(a, seg, k, cf)
}

// byAgent makes the agent of a passive cue its source: "He was
// recommended for the job by Roger Stone", "Scenes from the film were
// described to him by a Post reporter" (in train, passive cues with
// "by" within four words after them have what follows "by" for their
// source 61 times in 75). The model often takes the subject, which
// noPassiveSource drops. A content the model started on the agent
// ("criticized by many bankers for not raising rates") starts after it.
func byAgent(a *attrib.Attribution, seg *segment.Doc, tags []tag.Tag) {
	if !sourceless(seg.Text[a.Cue.Start:a.Cue.End]) {
		return
	}
	_, ce := seg.TokenRange(a.Cue)
	if ce < 0 {
		return
	}
	k := ce
	for k < len(tags) && k-ce <= maxByGap && seg.Tokens[k].Kind.IsWord() && seg.Word(k) != "by" && !tags[k].IsVerb() {
		k++
	}
	if k >= len(tags) || seg.Word(k) != "by" {
		return
	}
	if a.SrcFirst > k {
		return // the model's source is after "by" already
	}
	f := k + 1
	j, ok := phraseFrom(seg, tags, f)
	if !ok {
		return
	}
	if j < len(tags) && tags[j] == tag.IN { // "criticized by X for …", not "by X and Y"
		startsAfter(a, seg, f, j)
	}
	setSpeaker(a, seg, f, j)
}

// startsAfter starts a one-part content that starts on the speaker's
// tokens [f, l) after them: a content that holds its speaker cannot be
// given it (setSpeaker).
func startsAfter(a *attrib.Attribution, seg *segment.Doc, f, l int) {
	if end := int(seg.Tokens[l-1].End); len(a.Content) == 1 && a.Content[0].Start == int(seg.Tokens[f].Start) && a.Content[0].End > end {
		a.Content = clip([]text.Span{{Start: end, End: a.Content[0].End}}, 0, len(seg.Text), seg.Text)
	}
}

// pastAdverb is token v, or the token after it when v is an adverb and
// one follows before token last: the verb of "he then said", "and also
// vowed".
func pastAdverb(tags []tag.Tag, v, last int) int {
	if v+1 < last && tags[v] == tag.RB {
		return v + 1
	}
	return v
}

// phraseFrom finds the noun phrase that starts at token f ("host Bill
// Maher", "30 percent of voters"): it ends before token l, and ok is
// false when there is none.
func phraseFrom(seg *segment.Doc, tags []tag.Tag, f int) (l int, ok bool) {
	l = f
	noun := false
	for l < len(tags) && l-f < hearerWords && seg.Tokens[l].Kind.IsWord() && (phraseTag(tags[l]) || ofIn[wordshape.Lower(seg.Word(l))]) {
		noun = noun || tags[l].IsNoun() || tags[l] == tag.PRP
		l++
	}
	for l > f && ofIn[wordshape.Lower(seg.Word(l-1))] {
		l--
	}
	return l, noun && l > f
}

// maxByGap bounds the words between a passive cue and "by".
const maxByGap = 4

// phraseTag reports a tag of a noun phrase's word, prepositions aside.
func phraseTag(t tag.Tag) bool {
	return t.IsNoun() || t == tag.DT || t == tag.PRPS || t == tag.JJ || t == tag.CD || t == tag.POS || t == tag.PRP
}

// ofIn are the prepositions a quantity's phrase holds: "three in 10",
// "30 percent of voters".
var ofIn = wordset.Of("of in")

// askedNoOne drops the source of "asked" when no one is said to ask:
// "Asked about the polls, Trump said …", "…, she said when asked whether
// …". In train, 38 of 38 such cues opening a sentence and 29 of 30 after
// "when" have no source; the model gives them the one who answers.
// "asked by …" names the asker (askedBy).
func askedNoOne(a *attrib.Attribution, seg *segment.Doc) {
	cf, ce := seg.TokenRange(a.Cue)
	if cf < 0 || ce != cf+1 || wordshape.Lower(seg.Word(cf)) != "asked" || a.SrcFirst < 0 {
		return
	}
	if ce < len(seg.Tokens) && seg.Word(ce) == "by" {
		return
	}
	st, ok := sentenceOf(seg, cf)
	if !ok {
		return
	}
	if opens := st.First == cf; !opens && !(cf > 0 && wordshape.Lower(seg.Word(cf-1)) == "when") {
		return
	}
	a.DropSource()
}

// leadingParticiple gives a participle cue that opens its sentence,
// alone or after "After", "While", "By" and the like, the main clause's
// subject for its source: "After thanking the raucous crowd, which
// chanted his name, he touted …", "Having announced that he would not
// send me to prison, Judge Berman proceeded …" (in train, 18 of 18 after
// such a word). The subject is the noun phrase after a comma that a
// finite verb follows; the model, finding nothing before the cue, gave
// none, or a phrase inside the participle's own clause.
func leadingParticiple(a *attrib.Attribution, seg *segment.Doc, tags []tag.Tag) {
	cf, ce := seg.TokenRange(a.Cue)
	if cf < 0 || tags[cf] != tag.VBG && wordshape.Lower(seg.Word(cf)) != "having" || wordshape.Lower(seg.Word(cf)) == "according" {
		return
	}
	st, ok := sentenceOf(seg, cf)
	if !ok {
		return
	}
	k := st.First
	for k < cf && seg.Tokens[k].Kind == segment.Quote {
		k++
	}
	if k < cf && subordinators[wordshape.Lower(seg.Word(k))] {
		k++
	}
	if k != cf {
		return
	}
	for j := ce; j < st.Last && j-ce < sources.Reach; j++ {
		if seg.Tokens[j].Kind == segment.Quote {
			return // a quotation: the clause is hard to follow
		}
		if seg.Word(j) != "," {
			continue
		}
		f := j + 1
		e := f
		for e < st.Last && e-f < hearerWords && seg.Tokens[e].Kind.IsWord() && phraseTag(tags[e]) {
			e++
		}
		if e == f || e >= st.Last || !tags[pastAdverb(tags, e, st.Last)].IsFinite() || !(tags[e-1].IsNoun() || tags[e-1] == tag.PRP) {
			continue
		}
		if a.SrcFirst >= f {
			return // the model found it
		}
		setSpeaker(a, seg, f, e)
		return
	}
}

// pastRelative gives a cue that follows a relative clause set off by
// commas the noun phrase the clause describes for its source: "Sandy
// Phillips, who lost her daughter … in Aurora, Colorado, in July 2012,
// said …", "the Huffington Post, which originally said …, said …". The
// model took a phrase inside the clause ("Colorado"), which the source
// is taken from only when the model's is there or missing; a passive or
// raising cue keeps none.
func pastRelative(a *attrib.Attribution, seg *segment.Doc, tags []tag.Tag) {
	cf, _ := seg.TokenRange(a.Cue)
	if cf < 2 || seg.Word(cf-1) != "," || !tags[cf].IsFinite() || sourceless(seg.Text[a.Cue.Start:a.Cue.End]) {
		return
	}
	st, ok := sentenceOf(seg, cf)
	if !ok {
		return
	}
	first := max(st.First, cf-sources.Reach)
	k := cf - 2
	for k > first && !(relPronouns[wordshape.Lower(seg.Word(k))] && seg.Word(k-1) == ",") {
		if seg.Tokens[k].Kind == segment.Quote {
			return
		}
		k--
	}
	if k <= first {
		return
	}
	if a.SrcFirst >= 0 && (a.SrcFirst < k || a.SrcFirst >= cf) {
		return // the model's source is not in the clause
	}
	e := k - 1 // the comma
	f := e
	for f > first && e-f < hearerWords && seg.Tokens[f-1].Kind.IsWord() && phraseTag(tags[f-1]) {
		f--
	}
	if f == e || !(tags[e-1].IsNoun() || tags[e-1] == tag.PRP) {
		return
	}
	setSpeaker(a, seg, f, e)
}

// namedAfter gives a speech verb set off after a comma the name that
// follows it for its source: "Any cleareyed interpretation of Mr.
// Kerry's actions, said Michael Kofman, an expert …, would read …", "The
// paradox of Nancy, says Carl Anthony, …". The model took the phrase
// before the comma, the content's start.
func namedAfter(a *attrib.Attribution, seg *segment.Doc, tags []tag.Tag) {
	cf, ce := seg.TokenRange(a.Cue)
	if cf < 1 || ce != cf+1 || !namingVerbs[wordshape.Lower(seg.Word(cf))] || seg.Word(cf-1) != "," && seg.Tokens[cf-1].Kind != segment.Quote {
		return
	}
	if a.SrcFirst >= ce {
		return // the model took a speaker after the verb already
	}
	j := ce
	for j < len(tags) && j-ce < hearerWords && tags[j].IsProper() && seg.Tokens[j].Kind.IsWord() {
		j++
	}
	if j == ce || attrib.Date(seg.Word(ce)) { // "said Wednesday": when, not who
		return
	}
	setSpeaker(a, seg, ce, j)
}

// namingVerbs are speech verbs that a speaker's name may follow.
var namingVerbs = wordset.Of("said says added adds wrote writes explained explains noted notes argued argues recalled recalls")

// subordinators open an adverbial clause a participle may follow.
var subordinators = wordset.Of("after before since while when by despite upon without")

// sharedSubject gives a cue that "and" joins to the cue before it in
// its sentence that cue's source: in "Graham called both Trump and
// Clinton “crazy” and said …" the one who calls says, where the model,
// reading token by token, took the nearest noun phrase ("Clinton"). The
// two verbs must be of one form (finite or participle), and the earlier
// claim not a quotation ("“…,” he said, and vowed …": the aside's
// speaker is named again in the main clause) nor its source a relative
// pronoun. In cue order, so that a list of verbs passes its subject
// down.
func sharedSubject(atts []attrib.Attribution, seg *segment.Doc, tags []tag.Tag) {
	order := cueOrder(atts)
	for n := 1; n < len(order); n++ {
		a, p := &atts[order[n]], &atts[order[n-1]]
		if a.Turn || a.Inherited || p.SrcFirst < 0 || p.Kind == attrib.Direct || a.SrcFirst == p.SrcFirst {
			continue
		}
		cf, ce := seg.TokenRange(a.Cue)
		pf, pe := seg.TokenRange(p.Cue)
		if cf < 2 || pf < 0 || pe > cf || cf-pe > sources.Reach {
			continue
		}
		k := cf - 1
		if tags[k] == tag.RB { // "and then said"
			k--
		}
		if seg.Word(k) != "and" {
			continue
		}
		if f := verbForm(tags, cf, ce); f == 0 || f != verbForm(tags, pf, pe) {
			continue
		}
		st, ok := sentenceOf(seg, cf)
		if !ok || pf < st.First {
			continue
		}
		// last, as they build strings
		if relPronouns[wordshape.Lower(seg.Text[p.Source.Start:p.Source.End])] || sourceless(seg.Text[a.Cue.Start:a.Cue.End]) {
			continue
		}
		setSpeaker(a, seg, p.SrcFirst, p.SrcLast)
	}
}

// cueOrder is the indices of atts in the order of their cues.
func cueOrder(atts []attrib.Attribution) []int {
	return orderBy(atts, func(a, b *attrib.Attribution) bool { return a.Cue.Start < b.Cue.Start })
}

// orderBy is the indices of atts sorted stably by less, for the repairs
// that walk claims in an order while keeping atts' own.
func orderBy(atts []attrib.Attribution, less func(a, b *attrib.Attribution) bool) []int {
	order := make([]int, len(atts))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool { return less(&atts[order[x]], &atts[order[y]]) })
	return order
}

// quotedSpeaker gives a participle that follows a quotation's frame
// the frame's speaker, when the source it has lies inside the quotation:
// in "“He performed 100 percent,” Rendell recalled, suggesting the second
// debate erased …" the one who suggests is Rendell, not the "He" the
// source model took from the quoted words (gold's way 7 times in 8 on
// the held-out folds). Only a source of the quotation before the frame,
// whose cue lies after it.
func quotedSpeaker(atts []attrib.Attribution, seg *segment.Doc, tags []tag.Tag, qi *quoteIndex) {
	order := cueOrder(atts)
	for n := 1; n < len(order); n++ {
		a, p := &atts[order[n]], &atts[order[n-1]]
		if a.Turn || a.SrcFirst < 0 || p.SrcFirst < 0 {
			continue
		}
		q, ok := qi.holding(a.Source.Start)
		if !ok || a.Source.End > q.End || p.Cue.Start < q.End || p.Source.Start < q.End {
			continue
		}
		cf, _ := seg.TokenRange(a.Cue)
		_, pe := seg.TokenRange(p.Cue)
		if cf < 1 || pe < 0 || pe > cf || cf-pe > sources.Reach || tags[cf] != tag.VBG || seg.Word(cf-1) != "," {
			continue
		}
		setSpeaker(a, seg, p.SrcFirst, p.SrcLast)
	}
}

// verbForm is 2 for a cue with a participle ("saying", "is noting"), 1
// for one with a finite verb or a past participle, 0 for none.
func verbForm(tags []tag.Tag, f, l int) int {
	form := 0
	for _, t := range tags[f:l] {
		switch {
		case t == tag.VBG:
			return 2
		case t.IsFinite() || t == tag.VBN:
			form = 1
		}
	}
	return form
}

// noPhrase drops a source with no word a noun phrase could hold: the
// model now and then takes a verb, an adverb or a mark ("There are
// fears", "came shouts from the crowd", "most recently defended"). A
// capital past a sentence's start is kept, and so is a VBZ: the tagger,
// pruned, can miss a name ("(Trump writes …") or a plural
// ("environmentalists argue").
func noPhrase(a *attrib.Attribution, seg *segment.Doc, tags []tag.Tag) {
	if a.SrcFirst < 0 {
		return
	}
	for i := a.SrcFirst; i < a.SrcLast; i++ {
		if t := tags[i]; phraseTag(t) || t == tag.WP || t == tag.WPS || t == tag.WDT || t == tag.JJS || t == tag.VBZ {
			return
		}
		if st, ok := sentenceOf(seg, i); ok && i > st.First && wordshape.Capitalised(seg.Word(i)) {
			return
		}
	}
	a.DropSource()
}
