// Package learned is whosaid's trained attribution model. A cue tagger marks
// the words that introduce speech ("said", "told", "according to"); for
// each cue, a labeller marks its source and its content in the sentences
// around it. Both are structured averaged perceptrons (internal/perceptron,
// Viterbi decoding over BIO labels) trained on
// PolNeAR's train split by build/train; the features in this package are
// shared by training and run time, so they cannot drift apart.
package learned

import (
	"cmp"
	"context"
	_ "embed"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"sync"

	"github.com/whosaid/whosaid/internal/attrib"
	"github.com/whosaid/whosaid/internal/minijson"
	"github.com/whosaid/whosaid/internal/perceptron"
	"github.com/whosaid/whosaid/internal/tag"
	"github.com/whosaid/whosaid/internal/text"
)

// Cue labels.
const (
	cueO = iota
	cueB
	cueI
	numCue
)

// Span labels.
const (
	spO = iota
	spBS
	spIS
	spBC
	spIC
	numSpan
)

// Model is the pair of trained models. It is immutable once loaded.
type Model struct {
	cue, span *perceptron.Model
	// cueBias is added to the score of starting a cue: the trained tagger
	// is conservative (cue precision 0.92, recall 0.55 on dev without it),
	// and a missed cue loses its whole attribution. The model file's
	// header records it.
	cueBias float32
	// srcMargin is how much score the labeller may lose to give a cue a
	// source: it leaves out sources it is unsure of, though PolNeAR gives
	// 95% of attributions one.
	srcMargin float64
	// bound says the span labeller was trained with the boundary features
	// (TrainOptions.Boundary); the model file's header records it.
	bound bool
	id    string       // "attrib-" and the start of the file's SHA-256, when loaded
	trans *transTables // the transition features' sums, shared by the copies
}

// ID names the model file the model was loaded from.
func (m *Model) ID() string { return m.id }

// DefaultCueBias is the cue bias of a model file whose header does not
// give one; build/train records the bias chosen on dev as "cue_bias".
const DefaultCueBias = 0

// headerBias is the cue bias a model's header records.
func headerBias(header []byte) float32 {
	// minijson, not encoding/json, keeps the latter out of the page's wasm.
	v, err := minijson.Parse(header)
	h, _ := v.(map[string]any)
	bias, ok := h["cue_bias"].(float64)
	if err != nil || !ok || math.IsInf(float64(float32(bias)), 0) {
		return DefaultCueBias
	}
	return float32(bias)
}

// headerBound reports whether a model's header says it was trained with
// the boundary features ("boundary": true).
func headerBound(header []byte) bool {
	v, err := minijson.Parse(header)
	h, _ := v.(map[string]any)
	b, _ := h["boundary"].(bool)
	return err == nil && b
}

// DefaultSourceMargin is the source margin chosen on dev (see build/train
// -margin): always take the best labelling with a source; on dev every
// smaller margin scored lower (source accuracy 0.864 with none, 0.890).
const DefaultSourceMargin = 1e9

// WithSourceMargin returns a copy of m that takes the best labelling with a
// source when it scores within margin of the best labelling, for tuning.
func (m *Model) WithSourceMargin(margin float64) *Model {
	c := *m
	c.srcMargin = margin
	return &c
}

// WithCueBias returns a copy of m that adds bias to the score of starting a
// cue, for tuning.
func (m *Model) WithCueBias(bias float32) *Model {
	c := *m
	c.cueBias = bias
	return &c
}

//go:embed model.bin
var embedded []byte

// Default returns the embedded model, loaded once.
var Default = sync.OnceValues(func() (*Model, error) { return Load(embedded) })

const magic = "WSLM\x01"

// ErrFormat is wrapped by every error about a malformed model file.
var ErrFormat = errors.New("not a whosaid attribution model")

// Load reads a model written by MarshalBinary.
func Load(b []byte) (*Model, error) {
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return nil, fmt.Errorf("%w: bad magic", ErrFormat)
	}
	p := b[len(magic):]
	var parts [2]*perceptron.Model
	for i := range parts {
		if len(p) < 4 {
			return nil, fmt.Errorf("%w: truncated", ErrFormat)
		}
		n := binary.LittleEndian.Uint32(p)
		p = p[4:]
		if uint64(n) > uint64(len(p)) {
			return nil, fmt.Errorf("%w: truncated", ErrFormat)
		}
		m, err := perceptron.Load(p[:n])
		if err != nil {
			return nil, fmt.Errorf("%w: part %d: %v", ErrFormat, i, err)
		}
		parts[i] = m
		p = p[n:]
	}
	if len(p) != 0 {
		return nil, fmt.Errorf("%w: %d trailing bytes", ErrFormat, len(p))
	}
	if parts[0].Classes() != numCue || parts[1].Classes() != numSpan {
		return nil, fmt.Errorf("%w: wrong class counts", ErrFormat)
	}
	return &Model{cue: parts[0], span: parts[1], cueBias: headerBias(parts[0].Header()), srcMargin: DefaultSourceMargin,
		bound: headerBound(parts[0].Header()), id: fileID(b), trans: newTransTables(parts[0], parts[1])}, nil
}

// fileID is the ID of the model read from b. It tells model files apart in
// /api/health and reports; FNV-1a is enough for that, and keeps crypto out
// of the wasm builds.
func fileID(b []byte) string {
	h := fnv.New64a()
	h.Write(b)
	return "attrib-" + hex.EncodeToString(h.Sum(nil)[:6])
}

// DefaultID is Default's ID without loading the model: the page says which
// model it runs as soon as it is ready, before its first request loads it.
func DefaultID() string { return fileID(embedded) }

// MarshalBinary writes both models.
func (m *Model) MarshalBinary() ([]byte, error) {
	b := []byte(magic)
	for _, part := range []*perceptron.Model{m.cue, m.span} {
		pb, err := part.MarshalBinary()
		if err != nil {
			return nil, err
		}
		b = binary.LittleEndian.AppendUint32(b, uint32(len(pb)))
		b = append(b, pb...)
	}
	return b, nil
}

// Header is the JSON the model was trained with: data and settings.
func (m *Model) Header() []byte { return m.cue.Header() }

// Attribution is one found attribution, in byte offsets into the text.
type Attribution struct {
	Cue     text.Span
	Source  text.Span   // zero when the model found none
	Content []text.Span // sorted, non-overlapping; several when discontinuous
}

// HasSource reports whether a source was found.
func (a *Attribution) HasSource() bool { return a.Source.End > a.Source.Start }

// scratch holds the buffers one Find call reuses.
type scratch struct {
	feats  []uint64
	scores []float32
	labels []int
	lat    lattice
	lat2   lattice // for the second decoding, whose labels may be kept
	cueSc  modelScorer
	work   int // window tokens decoded, a decoding with a source counting double
	// cues are the cues found in the document, in order, for
	// contentGroups.
	cues [][2]int
}

// Cues returns the cue spans the cue tagger finds, as token ranges.
func (m *Model) Cues(d *Doc) [][2]int {
	return m.cues(d, &scratch{feats: make([]uint64, 0, 64), scores: make([]float32, numSpan)})
}

// maxCuesPerSentence bounds the cues the labeller takes in one sentence,
// the first ones: each reads a window of up to 2*maxReach tokens, so a
// sentence that is nothing but speech verbs ("he said that he said that
// …") would otherwise cost its length times the window. No sentence of
// PolNeAR's train and dev splits has more than four.
const maxCuesPerSentence = 8

func (m *Model) cues(d *Doc, s *scratch) [][2]int {
	cues, _ := m.cuesContext(context.Background(), d, s)
	return cues
}

func (m *Model) cuesContext(ctx Stopper, d *Doc, s *scratch) ([][2]int, error) {
	var cues [][2]int
	for si, sen := range d.Seg.Sentences {
		if si%checkEvery == checkEvery-1 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		labels := m.tagCues(d, sen.First, sen.Last, s)
		for i, n := 0, 0; i < len(labels) && n < maxCuesPerSentence; i++ {
			if labels[i] != cueB {
				continue
			}
			j := i + 1
			for j < len(labels) && labels[j] == cueI {
				j++
			}
			cues = append(cues, [2]int{sen.First + i, sen.First + j})
			n++
			i = j - 1
		}
	}
	return cues, nil
}

func (m *Model) tagCues(d *Doc, f, l int, s *scratch) []int {
	s.cueSc = modelScorer{m: m.cue, tmp: s.scores, tab: m.trans}
	s.labels = d.tagCueSent(f, l, &s.cueSc, float64(m.cueBias), s.feats, s.labels, &s.lat)
	return s.labels
}

func sentQuote(d *Doc, f, l int) uint64 {
	for i := f; i < l; i++ {
		if d.Seg.Tokens[i].Kind == 3 { // segment.Quote
			return 1
		}
	}
	return 0
}

// window is the token range the labeller reads for a cue: the cue's
// sentence and its neighbours in the same paragraph.
func (d *Doc) window(cs int) (wf, wl int) {
	si := int(d.sent[cs])
	sens := d.Seg.Sentences
	lo, hi := si, si
	if si > 0 && sens[si-1].Para == sens[si].Para {
		lo = si - 1
	}
	if si+1 < len(sens) && sens[si+1].Para == sens[si].Para {
		hi = si + 1
	}
	// A run-on "sentence" (a pasted list, text without punctuation) must not
	// make every cue in it read the whole of it: that is quadratic.
	return max(sens[lo].First, cs-maxReach), min(sens[hi].Last, cs+maxReach)
}

// maxReach bounds how far from its cue the labeller looks, in tokens; real
// sentences and their neighbours stay well inside it.
const maxReach = 150

// Find returns the attributions of d.
func (m *Model) Find(d *Doc) []Attribution {
	out, _ := m.FindContext(context.Background(), d)
	return out
}

// The labeller decodes, over the text up to a cue, at most readPerToken
// window tokens per token plus readSlack (a decoding that looks for a
// source counts double: it has twice the states); a cue beyond that budget
// is not labelled. Text dense with speech verbs and quotations ("he said,
// she said, …", thousands of quotations in a paragraph) has a cue every
// few tokens, each decoding a window of up to 2*maxReach: 10 to 23 window
// tokens a token, against 2.3 in an ordinary article. No PolNeAR train or
// dev article comes within 419 tokens of the slack at 4 a token (the
// densest, a short one, decodes 5.0 a token), so the budget leaves every
// one of them unchanged.
const (
	readPerToken = 4
	readSlack    = 1024
)

// checkEvery is how many sentences or cues the model handles between two
// looks at its context: often enough to stop within milliseconds, rarely
// enough to cost nothing.
const checkEvery = 256

// FindContext is Find that stops, with ctx's error, soon after ctx ends:
// labelling is the engine's costliest stage.
func (m *Model) FindContext(ctx Stopper, d *Doc) ([]Attribution, error) {
	s := &scratch{feats: make([]uint64, 0, 64), scores: make([]float32, numSpan)}
	cues, err := m.cuesContext(ctx, d, s)
	if err != nil {
		return nil, err
	}
	s.cues = cues
	var out []Attribution
	for i, c := range cues {
		if i%checkEvery == checkEvery-1 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if wf, wl := d.window(c[0]); s.work+wl-wf > readPerToken*c[1]+readSlack {
			continue // over budget: see readPerToken
		}
		if a, ok := m.label(d, c[0], c[1], s); ok {
			out = append(out, a)
		}
	}
	return out, ctx.Err()
}

func (m *Model) label(d *Doc, cs, ce int, s *scratch) (Attribution, bool) {
	wf, wl := d.window(cs)
	ctx := d.newSpanCtx(cs, ce, wf, wl, m.bound)
	ctx.wordStart = true
	d.participleSubject(ctx)
	sc := &modelScorer{m: m.span, tmp: s.scores, tab: m.trans}
	var score float64
	s.labels, score = d.decode(ctx, sc, s.feats, false, &s.lat)
	s.work += wl - wf
	if m.srcMargin > 0 && !slices.Contains(s.labels, spBS) {
		s.work += 2 * (wl - wf) // twice the states
		if alt, altScore := d.decode(ctx, sc, s.feats, true, &s.lat2); alt != nil && altScore+m.srcMargin >= score {
			s.labels = alt
		}
	}
	toks := d.Seg.Tokens
	a := Attribution{Cue: text.Span{Start: int(toks[cs].Start), End: int(toks[ce-1].End)}}
	best := -1
	srcF, srcL := -1, -1
	var runs [][2]int // content token runs [f, l)
	for i := 0; i < len(s.labels); i++ {
		switch s.labels[i] {
		case spBS:
			j := i + 1
			for j < len(s.labels) && s.labels[j] == spIS {
				j++
			}
			// the source run nearest the cue wins
			dist := min(abs(wf+i-cs), abs(wf+j-1-cs))
			if best < 0 || dist < best {
				best = dist
				srcF, srcL = wf+i, wf+j
			}
			i = j - 1
		case spBC:
			j := i + 1
			for j < len(s.labels) && s.labels[j] == spIC {
				j++
			}
			runs = append(runs, [2]int{wf + i, wf + j})
			i = j - 1
		}
	}
	if srcF >= 0 {
		a.Source = text.Span{Start: int(toks[srcF].Start), End: int(toks[srcL-1].End)}
	}
	for _, g := range d.contentGroups(runs, cs, ce, srcF, srcL, s.cues) {
		a.Content = append(a.Content, text.Span{Start: int(toks[g[0]].Start), End: int(toks[g[1]-1].End)})
	}
	return a, len(a.Content) > 0
}

// participleSubject keeps the source of a participle cue before the
// finite verb of its clause: in "Trump unleashed a series of tweets
// early Friday saying …" or "Oz appeared on the show, arguing …" the
// participle's subject is the clause's, while the labeller often takes
// the noun phrase next to the cue ("tweets early Friday", "the show").
// It is a constraint on decoding at run time, not a feature: training
// decodes without it, so the model file does not change. Left alone: a
// cue whose auxiliary is finite ("is saying"), and a participle right
// after a name (not a date: "tweets early Friday saying") or a pronoun,
// its own subject. Held-out train folds (the make train recipe): e2e
// 0.7033 → 0.7047, source accuracy 0.8910 → 0.8933, content_exact 0.5527
// → 0.5523, direct-quote recall 0.9737 either way.
func (d *Doc) participleSubject(c *spanCtx) {
	if tag.Tag(c.headTag) != tag.VBG || slices.ContainsFunc(d.Tags[c.cs:c.headAt], tag.Tag.IsFinite) {
		return
	}
	if k := c.cs - 1; k >= 0 && (d.Tags[k].IsProper() && !attrib.Date(d.Seg.Word(k)) || d.Tags[k] == tag.PRP) {
		return // "footage of Hillary Clinton asking": the name is the participle's subject, a date is not
	}
	first := max(d.Seg.Sentences[d.sent[c.cs]].First, c.wf)
	for j := c.cs - 1; j >= first; j-- {
		// a quotation's verbs are not the clause's ("“… you’ll keep …,”
		// Blige sings to Clinton before asking her")
		if d.Tags[j].IsFinite() && !d.InQuote[j] {
			c.noSrcF, c.noSrcL = j+1, c.cs
			return
		}
	}
}

// contentGroups turns the labeller's content runs into the claim's parts.
// Greedy labelling leaves holes and strays; PolNeAR contents are one
// stretch of text, or two when a quotation is split by its cue ("…," he
// said, "…"). So runs merge across any gap without the cue, the source or
// another cue found in it (held-out train folds: content_exact 0.5370 →
// 0.5387, source accuracy 0.8853 → 0.8860, e2e 0.6943 → 0.6940); the
// group kept is a quotation if there is one, and the one nearest the cue
// (keeping the largest cost e2e 0.0014 and direct-quote recall
// 0.004 on held-out train folds), with the group on the cue's other side
// when both are quotations. A group that starts or ends inside a quotation
// takes the whole quotation, marks included, as PolNeAR draws it.
func (d *Doc) contentGroups(runs [][2]int, cs, ce, srcF, srcL int, cues [][2]int) [][2]int {
	if len(runs) == 0 {
		return nil
	}
	// another cue found between two runs ("said the plan would fail,
	// adding that costs would rise") starts an attribution of its own:
	// what lies beyond it is not this cue's. cues are the cues found, in
	// order.
	otherCue := func(f, l int) bool {
		k, _ := slices.BinarySearchFunc(cues, f, func(c [2]int, t int) int { return cmp.Compare(c[0], t) })
		for ; k < len(cues) && cues[k][0] < l; k++ {
			if cues[k][0] != cs {
				return true
			}
		}
		return false
	}
	blocked := func(f, l int) bool { // does [f, l) hold the cue or the source?
		return (f < ce && cs < l) || (srcF >= 0 && f < srcL && srcF < l) || otherCue(f, l)
	}
	groups := [][2]int{runs[0]}
	for _, r := range runs[1:] {
		last := &groups[len(groups)-1]
		if !blocked(last[1], r[0]) {
			last[1] = r[1]
		} else {
			groups = append(groups, r)
		}
	}
	for k := range groups {
		if q := d.run[groups[k][0]]; q >= 0 {
			groups[k][0] = int(d.runs[q][0])
		}
		if q := d.run[groups[k][1]-1]; q >= 0 {
			groups[k][1] = int(d.runs[q][1])
		}
	}
	quoted := func(g [2]int) bool { return d.run[g[0]] >= 0 && d.run[g[1]-1] >= 0 }
	big := 0
	for k, g := range groups {
		if qg, qb := quoted(g), quoted(groups[big]); qg && !qb || qg == qb && gap(g, cs, ce) < gap(groups[big], cs, ce) {
			big = k
		}
	}
	keep := [][2]int{groups[big]}
	if quoted(groups[big]) {
		for _, g := range groups {
			if g == groups[big] || !quoted(g) {
				continue
			}
			// the other half of a quotation split by the cue
			if (g[1] <= cs && groups[big][0] >= ce) || (g[0] >= ce && groups[big][1] <= cs) {
				if g[0] < groups[big][0] {
					keep = [][2]int{g, groups[big]}
				} else {
					keep = append(keep, g)
				}
				break
			}
		}
	}
	return keep
}

// gap is how many tokens lie between the group g and the cue [cs, ce).
func gap(g [2]int, cs, ce int) int {
	if g[1] <= cs {
		return cs - g[1]
	}
	return max(0, g[0]-ce)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
