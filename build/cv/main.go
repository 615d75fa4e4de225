// Command cv measures the engine on PolNeAR train by cross-validation:
// every article is analysed with models that never saw it, and the claims
// are scored as ../shared/bench/score.py scores them (internal/score), one
// line a fold and their mean. Issue 15 asks for these figures beside dev's,
// because every setting is chosen on train and dev only confirms.
//
//	make cv
//	go run ./build/cv -folds .cache/folds -models .cache/cv
//
// An article of fold K (its index in the corpus is K modulo 3) is analysed
// with -folds/fK.bin, the attribution model build/train -fold K/3 made
// without it, and with -models/eK.bin and sK.bin, the edge and source
// models that build/trainedges and build/trainsources -cv -cv-out trained
// on the other two folds' claims. The embedded edge and source models saw
// every fold, so they are never used: a fold model missing from -models is
// an error.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/whosaid/whosaid/build/internal/heldout"
	"github.com/whosaid/whosaid/internal/brat"
	"github.com/whosaid/whosaid/internal/edges"
	"github.com/whosaid/whosaid/internal/engine"
	"github.com/whosaid/whosaid/internal/learned"
	"github.com/whosaid/whosaid/internal/score"
	"github.com/whosaid/whosaid/internal/sources"
)

func main() {
	data := flag.String("data", "../shared/polnear/train", "the training corpus (PolNeAR layout)")
	folds := flag.String("folds", ".cache/folds", "directory of the fold attribution models f0.bin … f2.bin")
	models := flag.String("models", ".cache/cv", "directory of the fold edge and source models e0.bin … e2.bin, s0.bin … s2.bin")
	flag.Parse()
	if err := run(os.Stdout, *data, *folds, *models); err != nil {
		fmt.Fprintln(os.Stderr, "cv:", err)
		os.Exit(1)
	}
}

// foldModels are the edge and source models of one fold.
type foldModels struct {
	edges *edges.Model
	srcs  *sources.Model
}

func run(w io.Writer, data, folds, models string) error {
	var fm [heldout.Folds]foldModels
	for k := range fm {
		var err error
		if fm[k].edges, err = heldout.Load(models, "e", k, edges.Load, "make cv"); err != nil {
			return err
		}
		if fm[k].srcs, err = heldout.Load(models, "s", k, sources.Load, "make cv"); err != nil {
			return err
		}
	}
	type doc struct {
		text  string
		gold  []brat.Attribution
		preds []score.Pred
	}
	byFold, err := heldout.Run(data, folds, func(eng *engine.Engine, m *learned.Model, a heldout.Article) ([]doc, error) {
		res, err := eng.Run(engine.Input{Text: a.Raw}, engine.Options{Attribution: m, Edges: fm[a.Fold].edges, Sources: fm[a.Fold].srcs})
		if err != nil {
			return nil, err
		}
		return []doc{{text: a.Raw, gold: a.Gold, preds: engine.ScorePreds(res)}}, nil
	})
	if err != nil {
		return err
	}
	var tallies [heldout.Folds]*score.Tally
	for k, docs := range byFold {
		t := &score.Tally{}
		for _, d := range docs {
			t.Add(d.text, d.gold, d.preds)
		}
		tallies[k] = t
	}
	report(w, tallies[:])
	return nil
}

// figures are the four issue 15 reports, in its order.
type figures [4]float64

func figuresOf(t *score.Tally) figures {
	return figures{t.E2EPRF().F1, t.ExactPRF().F1, t.DirectRecall(), t.SourceAccuracy()}
}

// report prints one line a fold and the folds' mean (each fold weighs the
// same, as the figures quoted in the README are means of the folds).
func report(w io.Writer, tallies []*score.Tally) {
	const row = "%-6s %-8.4f %-13.4f %-8.4f %-8.4f %d\n"
	fmt.Fprintf(w, "%-6s %-8s %-13s %-8s %-8s %s\n", "fold", "e2e", "content_exact", "dq", "source", "gold")
	var mean figures
	for k, t := range tallies {
		f := figuresOf(t)
		fmt.Fprintf(w, row, fmt.Sprint(k), f[0], f[1], f[2], f[3], t.Gold)
		for i := range f {
			mean[i] += f[i] / float64(len(tallies))
		}
	}
	gold := 0
	for _, t := range tallies {
		gold += t.Gold
	}
	fmt.Fprintf(w, row, "mean", mean[0], mean[1], mean[2], mean[3], gold)
}
