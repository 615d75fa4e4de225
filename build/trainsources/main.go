// Command trainsources trains the source model (internal/sources) on the
// engine's own claims for PolNeAR train articles that its attribution
// model did not see: each third of train is run with the model
// build/train made without it (-fold K/3), so the ranker learns the
// sources the engine gets wrong on new text.
//
//	go run ./build/trainsources -folds DIR -out internal/sources/model.bin
//
// DIR holds f0.bin, f1.bin, f2.bin (make train-edges makes them). With
// -edges EDIR, each third's claims are placed by the edge model trained
// without that third (EDIR/eK.bin, build/trainedges -cv-out makes them),
// as new text's are at run time; without it, by the embedded edge model,
// which saw every third. With -cv
// it also trains on two thirds and reports on the third, for each third,
// before the final model: how many matched claims have a right source
// (the scorer's end-to-end count) before and after the ranker.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/whosaid/whosaid/build/internal/heldout"
	"github.com/whosaid/whosaid/internal/attrib"
	"github.com/whosaid/whosaid/internal/brat"
	"github.com/whosaid/whosaid/internal/edges"
	"github.com/whosaid/whosaid/internal/engine"
	"github.com/whosaid/whosaid/internal/learned"
	"github.com/whosaid/whosaid/internal/perceptron"
	"github.com/whosaid/whosaid/internal/score"
	"github.com/whosaid/whosaid/internal/sources"
	"github.com/whosaid/whosaid/internal/text"
)

type settings struct {
	epochs, runs, keyBits, weightBits int
	rate, l1, margin                  float64
}

func main() {
	data := flag.String("data", "../shared/polnear/train", "the training corpus")
	dir := flag.String("folds", "", "directory of the fold models f0.bin … f2.bin")
	edgeDir := flag.String("edges", "", "directory of the fold edge models e0.bin … e2.bin (default: the embedded edge model)")
	out := flag.String("out", "internal/sources/model.bin", "where to write the model")
	var s settings
	flag.IntVar(&s.epochs, "epochs", 10, "training epochs")
	flag.IntVar(&s.runs, "runs", 3, "models trained in different orders and averaged")
	flag.IntVar(&s.keyBits, "key-bits", 18, "bits of a feature's hash the model keeps")
	flag.IntVar(&s.weightBits, "weight-bits", 5, "bits of a quantised weight")
	flag.Float64Var(&s.rate, "rate", 0.2, "FTRL's learning rate (alpha)")
	flag.Float64Var(&s.l1, "l1", 8, "the L1 penalty")
	flag.Float64Var(&s.margin, "margin", 0, "how much more than the current source another must score")
	cv := flag.Bool("cv", false, "report 3-fold cross-validation first, at -margins")
	margins := flag.String("margins", "0,0.5,1", "the margins -cv reports")
	cvOut := flag.String("cv-out", "", "with -cv, write each fold's model to DIR/sK.bin")
	flag.Parse()
	var ms []float32
	for _, f := range strings.Split(*margins, ",") {
		v, err := strconv.ParseFloat(f, 32)
		if err != nil {
			fmt.Fprintln(os.Stderr, "trainsources: -margins:", err)
			os.Exit(2)
		}
		ms = append(ms, float32(v))
	}
	if err := run(*data, *dir, *edgeDir, *out, *cvOut, s, *cv, ms); err != nil {
		fmt.Fprintln(os.Stderr, "trainsources:", err)
		os.Exit(1)
	}
}

// claimEx is one matched claim: its candidates' features, which of them
// are right, and whether its cue is the gold one's (only those teach).
type claimEx struct {
	feats [][]uint64
	right []bool
	cueOK bool
}

func run(data, dir, edgeDir, out, cvOut string, s settings, cv bool, margins []float32) error {
	var em [heldout.Folds]*edges.Model
	if edgeDir != "" {
		for k := range em {
			var err error
			if em[k], err = heldout.Load(edgeDir, "e", k, edges.Load, "make train-edges"); err != nil {
				return err
			}
		}
	}
	byFold, err := heldout.Run(data, dir, func(eng *engine.Engine, m *learned.Model, a heldout.Article) ([]claimEx, error) {
		return article(eng, m, em[a.Fold], a)
	})
	if err != nil {
		return err
	}
	if cv {
		tot := make([][4]int, len(margins))
		for k := 0; k < heldout.Folds; k++ {
			var train []claimEx
			for j := 0; j < heldout.Folds; j++ {
				if j != k {
					train = append(train, byFold[j]...)
				}
			}
			m := trainModel(train, s)
			if cvOut != "" {
				b, err := m.MarshalBinary()
				if err != nil {
					return err
				}
				if err := os.WriteFile(filepath.Join(cvOut, fmt.Sprintf("s%d.bin", k)), b, 0o644); err != nil {
					return err
				}
			}
			for mi, mg := range margins {
				r := evaluate(m, byFold[k], mg)
				fmt.Printf("fold %d margin %g: claims %d, right before %d, after %d (changed %d)\n", k, mg, r[0], r[1], r[2], r[3])
				for i := range r {
					tot[mi][i] += r[i]
				}
			}
		}
		for mi, mg := range margins {
			r := tot[mi]
			fmt.Printf("all folds margin %g: claims %d, right before %d, after %d (changed %d)\n", mg, r[0], r[1], r[2], r[3])
		}
	}
	var all []claimEx
	for _, f := range byFold {
		all = append(all, f...)
	}
	b, err := trainModel(all, s).MarshalBinary()
	if err != nil {
		return err
	}
	fmt.Printf("%s: %d bytes\n", out, len(b))
	return os.WriteFile(out, b, 0o644)
}

// trainModel learns from the claims whose cue is right and which have a
// right candidate, the current source when it is right.
func trainModel(cs []claimEx, s settings) *perceptron.Ranker {
	var ex []perceptron.RankExample
	for _, c := range cs {
		if !c.cueOK {
			continue
		}
		g := -1
		for i, r := range c.right {
			if r {
				g = i
				break
			}
		}
		if g >= 0 {
			ex = append(ex, perceptron.RankExample{Feats: c.feats, Gold: g})
		}
	}
	runs := make([]*perceptron.Trainer, max(s.runs, 1))
	for r := range runs {
		runs[r] = perceptron.TrainLogLinear(ex, perceptron.LogLinearOptions{Epochs: s.epochs, Seed: 1 + uint64(r), Rate: s.rate, L1: s.l1})
	}
	header := fmt.Sprintf(`{"ranker":"loglinear","runs":%d,"epochs":%d,"rate":%g,"l1":%g,"key_bits":%d,"weight_bits":%d,"margin":%g}`,
		s.runs, s.epochs, s.rate, s.l1, s.keyBits, s.weightBits, s.margin)
	r, err := perceptron.NewRanker(perceptron.Merge(runs...).Compact(perceptron.Options{MinSeen: 1, MinWeight: 1, KeyBits: s.keyBits, WeightBits: s.weightBits, Header: []byte(header)}))
	if err != nil {
		panic(err) // one class, as trained here
	}
	return r
}

// evaluate counts the matched claims, those with a right source before
// and after the ranker, and those whose source it changed.
func evaluate(m *perceptron.Ranker, cs []claimEx, margin float32) [4]int {
	var r [4]int
	for _, c := range cs {
		r[0]++
		if c.right[0] {
			r[1]++
		}
		p := m.Pick(len(c.feats), margin, func(i int) []uint64 { return c.feats[i] })
		if c.right[p] {
			r[2]++
		}
		if p != 0 {
			r[3]++
		}
	}
	return r
}

// article runs the engine on one article and matches its claims to the
// gold ones; e, when not nil, places the contents' edges.
func article(eng *engine.Engine, m *learned.Model, e *edges.Model, a heldout.Article) ([]claimEx, error) {
	var out []claimEx
	trace := func(sd *sources.Doc, atts []attrib.Attribution) {
		out = match(sd, a.Text, a.Raw, atts, a.Gold)
	}
	_, err := eng.Run(engine.Input{Text: a.Raw}, engine.Options{Attribution: m, Edges: e, NoSources: true, SourceTrace: trace})
	return out, err
}

func match(sd *sources.Doc, td *text.Doc, raw string, atts []attrib.Attribution, gold []brat.Attribution) []claimEx {
	seg := sd.Seg
	rs := []rune(raw)
	golds := make([][]brat.Range, len(gold))
	for i, g := range gold {
		golds[i] = g.Content
	}
	cps := func(sp text.Span) []brat.Range { return []brat.Range{{Start: td.CP(sp.Start), End: td.CP(sp.End)}} }
	preds := make([][]brat.Range, len(atts))
	for j, a := range atts {
		for _, sp := range a.Content {
			preds[j] = append(preds[j], cps(sp)[0])
		}
	}
	var out []claimEx
	for _, pr := range score.Match(rs, golds, preds) {
		g, a := gold[pr[0]], &atts[pr[1]]
		cands, feats := sd.Candidates(a)
		if len(cands) == 0 {
			continue
		}
		c := claimEx{feats: feats, cueOK: g.Cue != nil && score.Overlaps(rs, g.Cue, cps(a.Cue))}
		for _, k := range cands {
			if k.First < 0 {
				c.right = append(c.right, g.Source == nil)
				continue
			}
			sp := text.Span{Start: int(seg.Tokens[k.First].Start), End: int(seg.Tokens[k.Last-1].End)}
			c.right = append(c.right, g.Source != nil && score.Overlaps(rs, g.Source, cps(sp)))
		}
		out = append(out, c)
	}
	return out
}
