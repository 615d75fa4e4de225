package learned

import (
	"math/rand/v2"
	"sync"

	"github.com/whosaid/whosaid/internal/perceptron"
	"github.com/whosaid/whosaid/internal/text"
)

// Gold is one annotated attribution in byte offsets of the document's text.
type Gold struct {
	Cue     []text.Span
	Source  []text.Span
	Content []text.Span
}

// TrainOptions are the settings of a training run.
type TrainOptions struct {
	Epochs int
	Seed   uint64
	// KeyBits and SpanKeyBits, when not 0, hash the cue tagger's and the
	// span labeller's features to the model's key size already in training
	// (perceptron.NewHashedTrainer), so they learn around the keys they
	// will share.
	KeyBits, SpanKeyBits int
	// Boundary adds the span labeller's boundary features (spanEmitBound
	// and the others that read spanCtx.bound); build/train records it in
	// the model's header, which tells Load.
	Boundary bool
	// Runs, when more than 1, trains that many times side by side, with
	// the shuffling seeds Seed, Seed+1, …, and averages the weights
	// (perceptron.Merge). What a perceptron learns depends on the order it
	// reads the articles in; the average of several orders generalises
	// better than any one of them.
	Runs int
	// CueCost and SpanCost, when not 0, make training cost-augmented: the
	// decoder that finds the weights' best labelling adds the cost to every
	// label that is not gold's, so a step is taken until gold wins by a
	// margin of the labels it gets wrong, not just wins.
	CueCost, SpanCost float64
	// Progress, when set, is told each finished epoch of the first run.
	Progress func(epoch int)
}

// Trained holds the full-precision weights of a training run, to be made
// compact with one or several pruning settings.
type Trained struct {
	cue, span *perceptron.Trainer
}

// Compact prunes and quantises the trained weights into a Model.
func (t *Trained) Compact(opt perceptron.Options) *Model { return t.CompactSplit(opt, opt) }

// CompactSplit is Compact with separate pruning for the cue tagger, whose
// many word features make up most of the model, and the span labeller.
// The model's header is cue's.
func (t *Trained) CompactSplit(cue, span perceptron.Options) *Model {
	opt := cue
	m := &Model{cue: t.cue.Compact(cue), span: t.span.Compact(span), cueBias: headerBias(opt.Header), srcMargin: DefaultSourceMargin,
		bound: headerBound(opt.Header)}
	m.trans = newTransTables(m.cue, m.span)
	return m
}

// Train learns both models from docs and their gold attributions. The same
// inputs and options give the same weights.
func Train(docs []*Doc, gold [][]Gold, opt TrainOptions) *Trained {
	runs := make([]*Trained, max(opt.Runs, 1))
	var wg sync.WaitGroup
	for r := range runs {
		o := opt
		o.Seed += uint64(r)
		if r > 0 {
			o.Progress = nil
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			runs[r] = trainRun(docs, gold, o)
		}()
	}
	wg.Wait()
	if len(runs) == 1 {
		return runs[0]
	}
	cue := make([]*perceptron.Trainer, len(runs))
	span := make([]*perceptron.Trainer, len(runs))
	for r, t := range runs {
		cue[r], span[r] = t.cue, t.span
	}
	return &Trained{cue: perceptron.Merge(cue...), span: perceptron.Merge(span...)}
}

// trainRun is one training run of Train; it only reads docs, so runs can
// share them.
func trainRun(docs []*Doc, gold [][]Gold, opt TrainOptions) *Trained {
	cueT, spanT := perceptron.NewTrainer(numCue), perceptron.NewTrainer(numSpan)
	if opt.KeyBits != 0 {
		cueT = perceptron.NewHashedTrainer(numCue, opt.KeyBits)
	}
	if opt.SpanKeyBits != 0 {
		spanT = perceptron.NewHashedTrainer(numSpan, opt.SpanKeyBits)
	}
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	r := rand.New(rand.NewPCG(opt.Seed, 0x5eed))
	feats := make([]uint64, 0, 64)
	for epoch := 0; epoch < opt.Epochs; epoch++ {
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, di := range order {
			d := docs[di]
			cueGold := cueLabels(d, gold[di])
			for _, sen := range d.Seg.Sentences {
				trainCue(cueT, d, sen.First, sen.Last, cueGold, feats, opt.CueCost)
			}
			for _, g := range gold[di] {
				cs, ce, ok := tokenRange(d, g.Cue)
				if !ok {
					continue
				}
				trainSpan(spanT, d, g, cs, ce, opt.Boundary, feats, opt.SpanCost)
			}
		}
		if opt.Progress != nil {
			opt.Progress(epoch + 1)
		}
	}
	return &Trained{cue: cueT, span: spanT}
}

// overlaps reports whether token t overlaps any of spans.
func overlaps(d *Doc, t int, spans []text.Span) bool {
	tok := d.Seg.Tokens[t]
	for _, s := range spans {
		if int(tok.Start) < s.End && s.Start < int(tok.End) {
			return true
		}
	}
	return false
}

// tokenRange is the token range covering spans (first to last token that
// overlaps them), -1, -1 and false when they overlap none.
func tokenRange(d *Doc, spans []text.Span) (f, l int, ok bool) {
	if len(spans) == 0 {
		return 0, 0, false
	}
	lo, hi := spans[0].Start, spans[0].End
	for _, s := range spans[1:] {
		lo, hi = min(lo, s.Start), max(hi, s.End)
	}
	f, l = d.Seg.TokenRange(text.Span{Start: lo, End: hi})
	return f, l, f >= 0
}

func cueLabels(d *Doc, gold []Gold) []int {
	labels := make([]int, len(d.Seg.Tokens))
	for _, g := range gold {
		f, l, ok := tokenRange(d, g.Cue)
		if !ok {
			continue
		}
		labels[f] = cueB
		for t := f + 1; t < l; t++ {
			labels[t] = cueI
		}
	}
	return labels
}

// trainCue makes one structured-perceptron step on the cue labelling of
// the sentence [f, l).
func trainCue(t *perceptron.Trainer, d *Doc, f, l int, want []int, feats []uint64, cost float64) {
	var sc scorer = trainerScorer{t}
	if cost != 0 {
		sc = costScorer{trainerScorer: trainerScorer{t}, cue: want, cueCost: cost}
	}
	got := d.tagCueSent(f, l, sc, 0, feats, nil, nil)
	t.Tick()
	sq := sentQuote(d, f, l)
	for k := range got {
		i := f + k
		gp, pp := cueO, cueO
		if k > 0 {
			gp, pp = want[i-1], got[k-1]
		}
		feats = d.cueFeatures(feats[:0], i, f, l, sq)
		t.Saw(feats)
		if want[i] != got[k] {
			t.Add(feats, want[i], 1)
			t.Add(feats, got[k], -1)
		}
		feats = d.cueTrans(feats[:0], i, f, l, gp)
		t.Saw(feats)
		if want[i] != got[k] || gp != pp {
			t.Add(feats, want[i], 1)
			feats = d.cueTrans(feats[:0], i, f, l, pp)
			t.Add(feats, got[k], -1)
		}
	}
}

// trainSpan makes one structured-perceptron step on the labelling of one
// gold attribution's window: decode with the current weights, then move the
// weights of every position where the best path and the gold path differ.
func trainSpan(t *perceptron.Trainer, d *Doc, g Gold, cs, ce int, bound bool, feats []uint64, cost float64) {
	wf, wl := d.window(cs)
	ctx := d.newSpanCtx(cs, ce, wf, wl, bound)
	want := spanLabels(d, g, cs, ce, wf, wl)
	var sc scorer = trainerScorer{t}
	if cost != 0 {
		sc = costScorer{trainerScorer: trainerScorer{t}, span: want, spanCost: cost}
	}
	got := d.viterbi(ctx, sc, feats)
	t.Tick()
	for k := range want {
		i := wf + k
		if i >= cs && i < ce {
			continue
		}
		gp, pp := spO, spO
		if k > 0 {
			gp, pp = want[k-1], got[k-1]
		}
		feats = d.spanEmit(feats[:0], ctx, i)
		t.Saw(feats)
		if want[k] != got[k] {
			t.Add(feats, want[k], 1)
			t.Add(feats, got[k], -1)
		}
		feats = d.spanTrans(feats[:0], ctx, i, gp)
		t.Saw(feats)
		if want[k] != got[k] || gp != pp {
			t.Add(feats, want[k], 1)
			feats = d.spanTrans(feats[:0], ctx, i, pp)
			t.Add(feats, got[k], -1)
		}
	}
}

func spanLabels(d *Doc, g Gold, cs, ce, wf, wl int) []int {
	want := make([]int, wl-wf)
	prev := spO
	for i := wf; i < wl; i++ {
		c := spO
		switch {
		case i >= cs && i < ce: // the cue itself
		case overlaps(d, i, g.Source):
			c = spIS
			if prev != spBS && prev != spIS {
				c = spBS
			}
		case overlaps(d, i, g.Content):
			c = spIC
			if prev != spBC && prev != spIC {
				c = spBC
			}
		}
		want[i-wf] = c
		prev = c
	}
	return want
}

// costScorer is the trainer's scorer with a cost added to every label that
// is not gold's (TrainOptions.CueCost): cue is indexed by the document's
// tokens, span by the window's.
type costScorer struct {
	trainerScorer
	cue, span         []int
	cueCost, spanCost float64
}

func (s costScorer) cueEmit(d *Doc, i, f, l int, sentQuote uint64, feats []uint64, out []float64) []uint64 {
	feats = s.trainerScorer.cueEmit(d, i, f, l, sentQuote, feats, out)
	for c := range out[:numCue] {
		if c != s.cue[i] {
			out[c] += s.cueCost
		}
	}
	return feats
}

func (s costScorer) spanEmit(d *Doc, c *spanCtx, i int, feats []uint64, out []float64) []uint64 {
	feats = s.trainerScorer.spanEmit(d, c, i, feats, out)
	for l := range out[:numSpan] {
		if l != s.span[i-c.wf] {
			out[l] += s.spanCost
		}
	}
	return feats
}
