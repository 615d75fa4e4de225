package engine

import (
	"cmp"
	"sort"
	"strconv"
	"strings"

	"github.com/whosaid/whosaid/internal/attrib"
	"github.com/whosaid/whosaid/internal/checkworthy"
	"github.com/whosaid/whosaid/internal/claims"
	"github.com/whosaid/whosaid/internal/edges"
	"github.com/whosaid/whosaid/internal/entity"
	"github.com/whosaid/whosaid/internal/learned"
	"github.com/whosaid/whosaid/internal/meta"
	"github.com/whosaid/whosaid/internal/quote"
	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/sources"
	"github.com/whosaid/whosaid/internal/tag"
	"github.com/whosaid/whosaid/internal/text"
	"github.com/whosaid/whosaid/internal/wordshape"
)

// Progress units: the stages share 100 steps, tagging (the costly stage)
// the most.
const (
	stepSegment = 10
	stepTag     = 55
	stepQuote   = 60
	stepAttrib  = 75
	stepCoref   = 80
	stepClaims  = 95
	stepTotal   = 100
)

// analysis is what the stages found, in byte offsets of Norm.
type analysis struct {
	seg      *segment.Doc
	atts     []attrib.Attribution
	mentOf   []int // mention index of each attribution, -1 when it has no source
	mentions []entity.Mention
	roster   []entity.Entity
	meta     meta.Meta
	claims   []text.Span // the unattributed statements
	// attScores and claimScores are the check-worthiness of each
	// attribution's content and of each unattributed statement.
	attScores, claimScores []checkworthy.Score
}

// analyze runs the stages on a checked text.
func (e *Engine) analyze(ctx stopper, doc *text.Doc, opt Options) (*Result, error) {
	report := func(done int) {
		if opt.Progress != nil {
			opt.Progress(done, stepTotal)
		}
	}
	report(0)
	var a analysis
	a.seg = segment.Split(doc.Norm)
	report(stepSegment)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	tags, err := e.tagAll(ctx, a.seg, report)
	if err != nil {
		return nil, err
	}
	quotes := quote.Find(a.seg)
	report(stepQuote)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	a.meta = meta.Find(a.seg)
	a.atts = e.finder.Find(a.seg, tags, quotes)
	var inQuote []bool // per token; the model and the edge model both read it
	if !opt.RulesOnly {
		inQuote = learned.InQuote(a.seg, quotes)
		found, err := cmp.Or(opt.Attribution, e.model).FindContext(ctx, learned.NewDoc(a.seg, tags, inQuote, e.lex))
		if err != nil {
			return nil, err
		}
		a.atts = combine(a.atts, found, a.seg, tags, quotes, a.meta.Paras, e.lex)
	}
	a.atts = withTurns(a.atts, a.seg)
	a.atts = statements(a.atts, a.seg)
	if !opt.RulesOnly {
		ed := &edges.Doc{Seg: a.seg, Tags: tags, InQuote: inQuote}
		if opt.EdgeTrace != nil {
			opt.EdgeTrace(ed, a.atts)
		}
		if !opt.NoEdges {
			// every edge lands on a word, so each content keeps one
			a.atts = cmp.Or(opt.Edges, e.edges).Adjust(ed, a.atts)
		}
		sd := &sources.Doc{Seg: a.seg, Tags: tags, InQuote: inQuote}
		if opt.SourceTrace != nil {
			opt.SourceTrace(sd, a.atts)
		}
		if !opt.NoSources {
			cmp.Or(opt.Sources, e.srcs).Rerank(sd, a.atts)
		}
		a.atts = quoteGoesOn(a.atts, a.seg)
		a.atts = oneClaimPerCue(a.atts, a.seg, quotes)
		mend(a.atts, a.seg, tags, quotes)
		a.atts = atSecondCue(a.atts, a.seg, quotes)
		a.atts = askedClaims(a.atts, a.seg, tags)
		a.atts = pollClaims(a.atts, a.seg, tags, quotes)
		a.atts = withoutInner(a.atts, a.seg, e.lex)
	}
	report(stepAttrib)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	a.link(tags, e.names)
	report(stepCoref)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	covered := make([]text.Span, 0, 3*len(a.atts))
	for _, at := range a.atts {
		covered = append(covered, at.Content...)
		covered = append(covered, at.Cue)
		if at.Source.End > at.Source.Start {
			covered = append(covered, at.Source)
		}
	}
	sort.Slice(covered, func(i, j int) bool { return covered[i].Start < covered[j].Start })
	a.claims = claims.Unattributed(a.seg, tags, covered, a.meta.Paras)
	e.scoreClaims(&a, tags, opt.Checkworthy)
	report(stepClaims)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res := assemble(doc, &a)
	report(stepTotal)
	return res, nil
}

// tagAll tags the words sentence by sentence (tag.DocTagger), reporting progress and
// honouring ctx every few thousand sentences.
func (e *Engine) tagAll(ctx stopper, seg *segment.Doc, report func(int)) ([]tag.Tag, error) {
	ns := len(seg.Sentences)
	const every = 2000
	// and every so many tokens, for text whose sentences are all long
	const everyTokens = 1 << 16
	checked := 0
	d := e.tagger.NewDocTagger(seg)
	for {
		si, last, ok := d.Next()
		if !ok {
			break
		}
		if si%every == every-1 || last-checked >= everyTokens {
			checked = last
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			report(stepSegment + (stepTag-stepSegment)*si/ns)
		}
	}
	report(stepTag)
	return d.Tags, ctx.Err()
}

// link makes the source mentions, links them into entities and builds the
// roster.
func (a *analysis) link(tags []tag.Tag, names *entity.Names) {
	a.mentOf = make([]int, len(a.atts))
	byFirst := map[int]int{}
	// mentions must come in text order for the entity stage
	order := make([]int, 0, len(a.atts))
	for i := range a.atts {
		at := &a.atts[i]
		a.mentOf[i] = -1
		if at.SrcFirst >= 0 && at.SrcLast > at.SrcFirst {
			// a source is a noun phrase: "But", "When" or a trailing "and"
			// are not part of it
			f, l := entity.NounPhrase(a.seg, tags, at.SrcFirst, at.SrcLast)
			// never into the cue: a headline's capitals run on ("Retired
			// General Reveals …")
			if cf, cl := a.seg.TokenRange(at.Cue); cf >= 0 {
				if f < cf && l > cf {
					l = cf
				} else if f >= cf && f < cl {
					f = min(cl, l)
				}
			}
			if f != at.SrcFirst || l != at.SrcLast {
				at.SrcFirst, at.SrcLast = f, l
				at.Source = text.Span{}
				if l > f {
					at.Source = text.Span{Start: int(a.seg.Tokens[f].Start), End: int(a.seg.Tokens[l-1].End)}
				} else {
					at.SrcFirst, at.SrcLast = -1, -1
				}
			}
		}
		if at.SrcFirst >= 0 && at.SrcLast > at.SrcFirst {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(x, y int) bool { return a.atts[order[x]].SrcFirst < a.atts[order[y]].SrcFirst })
	for _, i := range order {
		at := a.atts[i]
		m, ok := byFirst[at.SrcFirst]
		if !ok {
			m = len(a.mentions)
			a.mentions = append(a.mentions, entity.Mention{First: at.SrcFirst, Last: at.SrcLast,
				RefFirst: at.RefFirst, RefLast: at.RefLast, Speaker: -1,
				ContentStart: at.Start(), ContentEnd: at.End(), Label: at.Turn})
			byFirst[at.SrcFirst] = m
		}
		a.mentOf[i] = m
	}
	a.speakers()
	a.roster = entity.Resolve(a.seg, tags, names, a.mentions)
}

// speakers marks the first-person source mentions that stand inside a
// quotation with the mention that speaks it: a quotation's "I" is its
// speaker. Contents are searched by position, a few back at most.
func (a *analysis) speakers() {
	type content struct{ start, end, mention int }
	var cs []content
	for i, at := range a.atts {
		if a.mentOf[i] < 0 || at.Kind == attrib.Indirect {
			continue
		}
		for _, c := range at.Content {
			cs = append(cs, content{c.Start, c.End, a.mentOf[i]})
		}
	}
	if len(cs) == 0 {
		return
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].start < cs[j].start })
	for mi := range a.mentions {
		m := &a.mentions[mi]
		if m.Last-m.First != 1 {
			continue
		}
		switch wordshape.Lower(a.seg.Word(m.First)) {
		case "i", "me", "we", "us", "my", "our":
		default:
			continue
		}
		b := int(a.seg.Tokens[m.First].Start)
		j := sort.Search(len(cs), func(j int) bool { return cs[j].start > b }) - 1
		for n := 0; j >= 0 && n < 8; j, n = j-1, n+1 {
			if cs[j].end > b && cs[j].mention != mi {
				m.Speaker = cs[j].mention
				break
			}
		}
	}
}

// conv converts byte offsets of Norm to code points and texts of Orig.
type conv struct{ doc *text.Doc }

func (c conv) cp(b int) int { return c.doc.CP(b) }

func (c conv) span(sp text.Span) *Span {
	s, e := c.cp(sp.Start), c.cp(sp.End)
	return &Span{Start: s, End: e, Text: c.doc.SliceCP(s, e)}
}

// assemble builds the Result: the one place where byte offsets become code
// points.
func assemble(doc *text.Doc, a *analysis) *Result {
	c := conv{doc}
	res := &Result{Version: Version, Text: doc.Orig, Sources: []Source{}, Claims: []Claim{}}
	res.Meta = Meta{Title: a.meta.Title, Authors: a.meta.Authors, Published: a.meta.Published}
	if sp := a.meta.TitleSpan; sp.End > sp.Start {
		res.Meta.TitleSpan = c.span(sp)
	}
	if sp := a.meta.BylineSpan; sp.End > sp.Start {
		res.Meta.BylineSpan = c.span(sp)
	}
	if sp := a.meta.PublishedSpan; sp.End > sp.Start {
		res.Meta.PublishedSpan = c.span(sp)
	}
	// a mention the entity stage left out of the roster (it names nobody)
	// gives its attribution no source
	entOf := make([]int, len(a.mentions))
	for m := range entOf {
		entOf[m] = -1
	}
	for ei, s := range a.roster {
		for _, m := range s.Mentions {
			entOf[m] = ei
		}
	}
	type item struct {
		claim Claim
		ent   int
	}
	items := make([]item, 0, len(a.atts)+len(a.claims))
	for i, at := range a.atts {
		first, last := at.Content[0], at.Content[len(at.Content)-1]
		cl := c.span(text.Span{Start: first.Start, End: last.End})
		claim := Claim{Start: cl.Start, End: cl.End, Text: cl.Text}
		if len(at.Content) > 1 {
			for _, p := range at.Content {
				claim.Parts = append(claim.Parts, Range{Start: c.cp(p.Start), End: c.cp(p.End)})
			}
		}
		att := &Attribution{Cue: c.span(at.Cue), Kind: at.Kind.String()}
		ent := -1
		if m := a.mentOf[i]; m >= 0 && entOf[m] >= 0 {
			att.Source = c.span(at.Source)
			ent = entOf[m]
			att.SourceID = sourceID(ent)
		}
		claim.Attribution = att
		setScore(&claim, a.attScores, i)
		items = append(items, item{claim, ent})
	}
	for i, u := range a.claims {
		sp := c.span(u)
		claim := Claim{Start: sp.Start, End: sp.End, Text: sp.Text}
		setScore(&claim, a.claimScores, i)
		items = append(items, item{claim, -1})
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].claim.Start < items[j].claim.Start })
	for ei, s := range a.roster {
		aliases := s.Aliases
		if aliases == nil {
			aliases = []string{}
		}
		src := Source{ID: sourceID(ei), Name: s.Name, Role: s.Role, Kind: s.Kind, Aliases: aliases,
			Mentions: make([]Span, 0, len(s.Mentions)), Claims: []int{}}
		for _, m := range s.Mentions {
			mt := a.mentions[m]
			src.Mentions = append(src.Mentions, *c.span(text.Span{
				Start: int(a.seg.Tokens[mt.First].Start), End: int(a.seg.Tokens[mt.Last-1].End)}))
		}
		if strings.TrimSpace(src.Name) == "" && len(src.Mentions) > 0 {
			// the entity stage strips titles and marks from names; never show a
			// reader a source without one
			src.Name = src.Mentions[0].Text
		}
		res.Sources = append(res.Sources, src)
	}
	for i, it := range items {
		res.Claims = append(res.Claims, it.claim)
		if it.ent >= 0 {
			res.Sources[it.ent].Claims = append(res.Sources[it.ent].Claims, i)
		}
	}
	return res
}

// setScore gives claim the i-th of scores, when the engine scored claims.
func setScore(claim *Claim, scores []checkworthy.Score, i int) {
	if i >= len(scores) {
		return
	}
	p := scores[i].P
	claim.Checkworthiness = &p
	claim.Reasons = scores[i].Reasons
	if claim.Reasons == nil {
		claim.Reasons = []string{}
	}
}

// sourceID names the roster's entry ei: "s1", "s2", … in order of first
// mention.
func sourceID(ei int) string { return "s" + strconv.Itoa(ei+1) }

// statements keeps the attributions whose content holds a word: a lone
// quote mark claims nothing.
func statements(atts []attrib.Attribution, seg *segment.Doc) []attrib.Attribution {
	out := atts[:0]
	for _, at := range atts {
		if !hasWord(seg.Text, at.Content) {
			continue
		}
		out = append(out, at)
	}
	return out
}

// inParas reports whether byte offset b lies in one of the paragraphs.
func inParas(seg *segment.Doc, b int, paras []int) bool {
	for _, p := range paras {
		if p >= 0 && p < len(seg.Paras) && seg.Paras[p].Start <= b && b < seg.Paras[p].End {
			return true
		}
	}
	return false
}

func hasWord(s string, spans []text.Span) bool {
	for _, sp := range spans {
		if wordshape.HasAlnum(s[sp.Start:sp.End]) {
			return true
		}
	}
	return false
}
