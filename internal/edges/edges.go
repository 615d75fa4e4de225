// Package edges re-places where each claim's content begins and ends. The
// labeller and the repairs after it get the content roughly right far more
// often than exactly right (PolNeAR dev: most matched claims that are not
// exact start or end a few words off). A trained ranker looks at the words
// around each edge and the few places it could move to instead (within a
// window of words, and its sentence's edge) and keeps the one it scores
// best, where a move must beat staying by a margin; the place it was is
// one of them, with its own features, so the ranker moves an edge only
// where training showed moving pays.
//
// The ranker is an averaged perceptron (internal/perceptron) trained by
// build/trainedges on the engine's own output for articles its attribution
// model did not see (held-out folds of PolNeAR train): it learns the errors
// the engine makes, not the ones a model makes on its training data.
//
// Work is bounded per claim: at most 2*Window+2 places per edge, each a
// fixed number of features, and no look goes further than farthest tokens.
// A move keeps most of the content (it takes away at most half, adds at
// most as much again): a content that moved further was often another
// claim's in the scorer's one-to-one pairing.
package edges

import (
	_ "embed"
	"errors"
	"fmt"
	"sort"
	"sync"

	"github.com/whosaid/whosaid/internal/attrib"
	"github.com/whosaid/whosaid/internal/perceptron"
	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
	"github.com/whosaid/whosaid/internal/text"
)

// Window is how many tokens an edge may move either way, but to the edge
// of its sentence, which may be up to farthest tokens away.
const (
	Window   = 6
	farthest = 4 * Window
)

// Model is a trained ranker. It is immutable and safe for concurrent use.
// A move must outscore staying by the margin its file's header records
// ("margin"), chosen by cross-validation.
type Model struct{ r *perceptron.Ranker }

//go:embed model.bin
var embedded []byte

// Default is the embedded model, loaded once.
var Default = sync.OnceValues(func() (*Model, error) { return Load(embedded) })

// ErrFormat is wrapped by every error about a malformed model file.
var ErrFormat = errors.New("not a whosaid edge model")

// Load reads a model written by MarshalBinary. An empty file is the model
// that moves nothing: build/trainedges starts from it.
func Load(b []byte) (*Model, error) {
	r, err := perceptron.LoadRanker(b)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	return &Model{r: r}, nil
}

// MarshalBinary writes the model.
func (m *Model) MarshalBinary() ([]byte, error) { return m.r.MarshalBinary() }

// Doc is what the ranker reads of an article.
type Doc struct {
	Seg     *segment.Doc
	Tags    []tag.Tag
	InQuote []bool // per token, inside a quotation (learned.InQuote)
	// cues holds the first token of every claim's cue, sorted: an edge
	// that would leave another claim's cue out of (or take it into) the
	// content says so in its features.
	cues     []int
	wordHash []uint64 // each token's word hash, filled as features need them
	commas   []int32  // commas before each token (contentCommas)
}

func (d *Doc) index(atts []attrib.Attribution) {
	d.cues = d.cues[:0]
	for i := range atts {
		if f, _ := d.tokens(atts[i].Cue); f >= 0 {
			d.cues = append(d.cues, f)
		}
	}
	sort.Ints(d.cues)
}

// cueIn reports whether a cue other than the one at token own starts in
// tokens [a, b).
func (d *Doc) cueIn(a, b, own int) bool {
	k := sort.SearchInts(d.cues, a)
	for ; k < len(d.cues) && d.cues[k] < b; k++ {
		if d.cues[k] != own {
			return true
		}
	}
	return false
}

// Edge is one edge of one claim and the places it could be.
type Edge struct {
	End    bool  // the content's end (its last word) rather than its start
	Places []int // word token indices; Places[0] is where the edge is now
	Feats  [][]uint64
}

// Edges lists the two edges of claim atts[i] among atts, or ok false when
// its content has no word.
func (d *Doc) Edges(atts []attrib.Attribution, i int) (start, end Edge, ok bool) {
	d.index(atts)
	c, ok := d.claim(&atts[i])
	if !ok {
		return Edge{}, Edge{}, false
	}
	start = Edge{Places: d.places(&c, false)}
	end = Edge{End: true, Places: d.places(&c, true)}
	for _, p := range start.Places {
		start.Feats = append(start.Feats, d.features(nil, &c, p, false))
	}
	for _, p := range end.Places {
		end.Feats = append(end.Feats, d.features(nil, &c, p, true))
	}
	return start, end, true
}

// Adjust moves the content edges of every claim in atts where the model
// puts them, and returns atts sorted by content start.
func (m *Model) Adjust(d *Doc, atts []attrib.Attribution) []attrib.Attribution {
	if !m.r.Trained() {
		return atts
	}
	d.index(atts)
	var feats []uint64
	best := func(c *claim, end bool) int {
		ps := d.places(c, end)
		return ps[m.r.Pick(len(ps), m.r.Margin(), func(i int) []uint64 {
			feats = d.features(feats[:0], c, ps[i], end)
			return feats
		})]
	}
	for i := range atts {
		a := &atts[i]
		c, ok := d.claim(a)
		if !ok {
			continue
		}
		f, l := best(&c, false), best(&c, true)
		if f > l || (f == c.first && l == c.last) {
			continue
		}
		d.move(a, &c, f, l)
	}
	sort.SliceStable(atts, func(i, j int) bool { return atts[i].Start() < atts[j].Start() })
	return atts
}

// move puts a's content between word tokens f and l (inclusive). An edge
// that stays keeps its bytes; one that moves takes the quote mark that
// opens or closes at the word with it.
func (d *Doc) move(a *attrib.Attribution, c *claim, f, l int) {
	toks := d.Seg.Tokens
	cont := a.Content
	if f != c.first {
		b := int(toks[f].Start)
		if f > 0 && toks[f-1].Kind == segment.Quote && toks[f-1].End == toks[f].Start {
			b = int(toks[f-1].Start)
		}
		// drop whole parts before the new start
		for len(cont) > 1 && cont[0].End <= b {
			cont = cont[1:]
		}
		cont = append([]text.Span{{Start: b, End: cont[0].End}}, cont[1:]...)
	}
	if l != c.last {
		e := int(toks[l].End)
		if l+1 < len(toks) && toks[l+1].Kind == segment.Quote && toks[l+1].Start == toks[l].End {
			e = int(toks[l+1].End)
		}
		for len(cont) > 1 && cont[len(cont)-1].Start >= e {
			cont = cont[:len(cont)-1]
		}
		n := len(cont) - 1
		cont = append(cont[:n:n], text.Span{Start: cont[n].Start, End: e})
	}
	if cont[0].Start >= cont[len(cont)-1].End {
		return
	}
	a.Content = cont
}

// claim is one claim's tokens.
type claim struct {
	first, last          int // the content's first and last word tokens
	partFirst, partLast  int // the first part's last word, the last part's first word
	cueFirst, cueLast    int // the cue's tokens [cueFirst, cueLast), or -1
	srcFirst, srcLast    int // the source's tokens [srcFirst, srcLast), or -1
	paraFirst, paraLast  int // the tokens of the paragraphs the content spans
	sentFirst, sentLast  int // the sentences of the first and last word
	cueWord, kind        uint64
	cueBefore, cueInside bool
}

// words finds the first and last word tokens within byte span sp, or -1.
func (d *Doc) words(sp text.Span) (f, l int) {
	toks := d.Seg.Tokens
	in := func(i int) bool {
		return int(toks[i].Start) >= sp.Start && int(toks[i].End) <= sp.End && toks[i].Kind.IsWord()
	}
	f, l = -1, -1
	for i := d.Seg.TokenAt(sp.Start); i < len(toks) && int(toks[i].Start) < sp.End; i++ {
		if in(i) {
			f = i
			break
		}
	}
	if f < 0 {
		return -1, -1
	}
	for i := d.Seg.TokenAt(sp.End - 1); i >= f; i-- {
		if i < len(toks) && in(i) {
			l = i
			break
		}
	}
	return f, l
}

// tokens is the token range [f, l) that byte span sp overlaps, or -1, -1;
// an empty span (no source) overlaps none.
func (d *Doc) tokens(sp text.Span) (f, l int) {
	if sp.End <= sp.Start {
		return -1, -1
	}
	return d.Seg.TokenRange(sp)
}

func (d *Doc) claim(a *attrib.Attribution) (claim, bool) {
	var c claim
	if len(a.Content) == 0 {
		return c, false
	}
	var l0 int
	c.first, c.partFirst = d.words(a.Content[0])
	c.partLast, l0 = d.words(a.Content[len(a.Content)-1])
	if c.first < 0 || c.partLast < 0 {
		// a part without words: take the words of the whole
		c.first, l0 = d.words(text.Span{Start: a.Content[0].Start, End: a.Content[len(a.Content)-1].End})
		if c.first < 0 {
			return c, false
		}
		c.partFirst, c.partLast = l0, c.first
	}
	c.last = l0
	c.cueFirst, c.cueLast = d.tokens(a.Cue)
	c.srcFirst, c.srcLast = d.tokens(a.Source)
	seg := d.Seg
	c.sentFirst = seg.SentenceAt(int(seg.Tokens[c.first].Start))
	c.sentLast = seg.SentenceAt(int(seg.Tokens[c.last].Start))
	pf := seg.Paras[seg.Sentences[c.sentFirst].Para]
	pl := seg.Paras[seg.Sentences[c.sentLast].Para]
	c.paraFirst = seg.Sentences[pf.First].First
	c.paraLast = seg.Sentences[pl.Last-1].Last
	if c.cueFirst >= 0 {
		c.cueWord = perceptron.Lower(h(1), seg.Word(c.cueFirst))
		c.cueBefore = c.cueLast <= c.first
		c.cueInside = c.cueFirst > c.first && c.cueLast <= c.last
	}
	c.kind = uint64(a.Kind)
	return c, true
}

// blocked reports whether tokens [i, j) hold a token of the claim's cue or
// source, which the content never swallows.
func (c *claim) blocked(i, j int) bool {
	over := func(f, l int) bool { return f >= 0 && f < j && i < l }
	return over(c.cueFirst, c.cueLast) || over(c.srcFirst, c.srcLast)
}

// places lists where an edge may be: the word where it is now first, then
// the words within Window of it in the content's paragraphs, and the
// first (or last) words of the sentences next to it.
func (d *Doc) places(c *claim, end bool) []int {
	toks := d.Seg.Tokens
	o := c.first
	if end {
		o = c.last
	}
	out := []int{o}
	ok := func(t int) bool {
		if t < c.paraFirst || t >= c.paraLast || !toks[t].Kind.IsWord() {
			return false
		}
		// A move keeps most of the content it had: one that takes away
		// more than half or adds more than twice is another claim's.
		if n, grow := c.last-c.first+1, (t < o) != end; (grow && 2*abs(t-o) > 2*n+2) || (!grow && 2*abs(t-o) > n) {
			return false
		}
		// Content never grows over its own cue or source, nor over
		// another claim's cue (a transcript's "TRUMP:" before a turn).
		if end {
			return t >= c.partLast && (t <= o || !c.blocked(o+1, t+1) && !d.cueIn(o+1, t+1, c.cueFirst))
		}
		return t <= c.partFirst && (t >= o || !c.blocked(t, o) && !d.cueIn(t, o, c.cueFirst))
	}
	for t := o - Window; t <= o+Window; t++ {
		if t != o && ok(t) {
			out = append(out, t)
		}
	}
	// the edge of the sentence, when it lies beyond the window (but not
	// far beyond: a sentence without end costs no more)
	s := c.sentFirst
	if end {
		s = c.sentLast
	}
	if sn := d.Seg.Sentences[s]; end {
		for t := sn.Last - 1; t >= max(sn.First, o+Window+1) && t <= o+farthest; t-- {
			if toks[t].Kind.IsWord() {
				if ok(t) {
					out = append(out, t)
				}
				break
			}
			if sn.Last-1-t > Window {
				break
			}
		}
	} else {
		for t := sn.First; t <= min(sn.Last-1, o-Window-1) && t >= o-farthest; t++ {
			if toks[t].Kind.IsWord() {
				if ok(t) {
					out = append(out, t)
				}
				break
			}
			if t-sn.First > Window {
				break
			}
		}
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
