// Command trainedges trains the edge model (internal/edges) on the engine's
// own claims for PolNeAR train articles that its attribution model did not
// see: each third of train is run with the model build/train made without
// it (-fold K/3), so the ranker learns the edges the engine gets wrong on
// new text.
//
//	go run ./build/trainedges -folds DIR -out internal/edges/model.bin
//
// DIR holds f0.bin, f1.bin, f2.bin from `go run ./build/train -fold K/3
// -out DIR/fK.bin` (make train does both). With -cv it also trains on two
// thirds and reports on the third, for each third, before the final model.
package main

import (
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
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
	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/text"
)

func main() {
	data := flag.String("data", "../shared/polnear/train", "the training corpus")
	dir := flag.String("folds", "", "directory of the fold models f0.bin … f2.bin")
	out := flag.String("out", "internal/edges/model.bin", "where to write the model")
	epochs := flag.Int("epochs", 10, "training epochs")
	runs := flag.Int("runs", 5, "models trained in different orders and averaged")
	minSeen := flag.Int("min-seen", 12, "drop features seen in fewer examples")
	minWeight := flag.Int("min-weight", 8, "drop features whose quantised weights are all smaller")
	keyBits := flag.Int("key-bits", 18, "bits of a feature's hash the model keeps")
	weightBits := flag.Int("weight-bits", 4, "bits of a quantised weight")
	margin := flag.Float64("margin", 8, "how much more than staying a move must score")
	cv := flag.Bool("cv", false, "report 3-fold cross-validation first, at -margins")
	margins := flag.String("margins", "4,8,12", "the margins -cv reports")
	cvOut := flag.String("cv-out", "", "with -cv, write each fold's model to DIR/eK.bin")
	logLinear := flag.Bool("loglinear", false, "train a log-linear ranker (FTRL-Proximal with L1) instead of a perceptron")
	rate := flag.Float64("rate", 0.1, "with -loglinear, FTRL's learning rate (alpha)")
	l1 := flag.Float64("l1", 1, "with -loglinear, the L1 penalty")
	seed := flag.Uint64("seed", 1, "the first run's shuffling seed")
	l2 := flag.Float64("l2", 0, "with -loglinear, the L2 penalty")
	flag.Parse()
	var ms []float32
	for _, f := range strings.Split(*margins, ",") {
		v, err := strconv.ParseFloat(f, 32)
		if err != nil {
			fmt.Fprintln(os.Stderr, "trainedges: -margins:", err)
			os.Exit(2)
		}
		ms = append(ms, float32(v))
	}
	opt := edges.TrainOptions{Epochs: *epochs, Seed: *seed, Runs: *runs, LogLinear: *logLinear, Rate: *rate, L1: *l1, L2: *l2, Compact: perceptron.Options{MinSeen: *minSeen, MinWeight: *minWeight, KeyBits: *keyBits, WeightBits: *weightBits,
		Header: []byte(fmt.Sprintf(`{"runs":%d,"epochs":%d,"min_seen":%d,"min_weight":%d,"key_bits":%d,"weight_bits":%d,"margin":%g%s}`, *runs, *epochs, *minSeen, *minWeight, *keyBits, *weightBits, *margin, loglinearHeader(*logLinear, *rate, *l1, *l2)))}}
	if err := run(*data, *dir, *out, *cvOut, opt, *cv, ms); err != nil {
		fmt.Fprintln(os.Stderr, "trainedges:", err)
		os.Exit(1)
	}
}

// loglinearHeader records a log-linear ranker's settings in the model's
// header; a perceptron's header stays as it was, so make train's bytes do.
func loglinearHeader(on bool, rate, l1, l2 float64) string {
	if !on {
		return ""
	}
	return fmt.Sprintf(`,"loglinear":true,"rate":%g,"l1":%g,"l2":%g`, rate, l1, l2)
}

// claimEx is one matched claim's two edges.
type claimEx struct {
	start, end    edges.Edge
	gold          [2]int       // the gold first and last words
	pred, goldSet map[int]bool // the word tokens of the claim and of the gold
	words         []int        // the word tokens from the first place to the last
}

func run(data, dir, out, cvOut string, opt edges.TrainOptions, cv bool, margins []float32) error {
	byFold, err := heldout.Run(data, dir, article)
	if err != nil {
		return err
	}
	if cv {
		tot := make([][5]int, len(margins))
		for k := 0; k < heldout.Folds; k++ {
			var train []edges.Example
			for j := 0; j < heldout.Folds; j++ {
				if j != k {
					train = append(train, examples(byFold[j])...)
				}
			}
			m := edges.Train(train, opt)
			if cvOut != "" {
				b, err := m.MarshalBinary()
				if err != nil {
					return err
				}
				if err := os.WriteFile(filepath.Join(cvOut, fmt.Sprintf("e%d.bin", k)), b, 0o644); err != nil {
					return err
				}
			}
			for mi, mg := range margins {
				r := evaluate(m, byFold[k], mg)
				fmt.Printf("fold %d margin %g: claims %d, exact before %d, after %d (moved %d, reachable %d)\n", k, mg, r[0], r[1], r[2], r[3], r[4])
				for i := range r {
					tot[mi][i] += r[i]
				}
			}
		}
		for mi, mg := range margins {
			r := tot[mi]
			fmt.Printf("all folds margin %g: claims %d, exact before %d, after %d (moved %d, reachable %d)\n", mg, r[0], r[1], r[2], r[3], r[4])
		}
	}
	var all []claimEx
	for _, f := range byFold {
		all = append(all, f...)
	}
	m := edges.Train(examples(all), opt)
	b, err := m.MarshalBinary()
	if err != nil {
		return err
	}
	fmt.Printf("%s: %d bytes\n", out, len(b))
	return os.WriteFile(out, b, 0o644)
}

func examples(cs []claimEx) []edges.Example {
	var ex []edges.Example
	for _, c := range cs {
		for i, e := range [2]edges.Edge{c.start, c.end} {
			if j := slices.Index(e.Places, c.gold[i]); j >= 0 {
				ex = append(ex, edges.Example{Edge: e, Gold: j})
			}
		}
	}
	return ex
}

// evaluate counts the matched claims, those exact before, after the
// model's moves, and those moved.
func evaluate(m *edges.Model, cs []claimEx, margin float32) [5]int {
	var r [5]int
	for _, c := range cs {
		r[0]++
		was := maps.Equal(c.pred, c.goldSet)
		if was {
			r[1]++
		}
		if !was && slices.Contains(c.start.Places, c.gold[0]) && slices.Contains(c.end.Places, c.gold[1]) && maps.Equal(moveTo(c, c.gold[0], c.gold[1]), c.goldSet) {
			r[4]++
		}
		f, l := c.start.Places[m.PickMargin(&c.start, margin)], c.end.Places[m.PickMargin(&c.end, margin)]
		if f > l {
			f, l = c.start.Places[0], c.end.Places[0]
		}
		moved := f != c.start.Places[0] || l != c.end.Places[0]
		if moved {
			r[3]++
		}
		if (!moved && was) || (moved && maps.Equal(moveTo(c, f, l), c.goldSet)) {
			r[2]++
		}
	}
	return r
}

// article runs the engine on one article and matches its claims to the
// gold ones.
func article(eng *engine.Engine, m *learned.Model, a heldout.Article) ([]claimEx, error) {
	var out []claimEx
	trace := func(ed *edges.Doc, atts []attrib.Attribution) {
		out = match(ed, a.Text, a.Raw, atts, a.Gold)
	}
	_, err := eng.Run(engine.Input{Text: a.Raw}, engine.Options{Attribution: m, NoEdges: true, EdgeTrace: trace})
	return out, err
}

// wordSet is the word tokens within spans.
func wordSet(seg *segment.Doc, spans []text.Span) map[int]bool {
	s := map[int]bool{}
	for _, sp := range spans {
		f, l := seg.TokenRange(sp)
		for i := max(f, 0); i < l; i++ {
			if t := seg.Tokens[i]; int(t.Start) >= sp.Start && int(t.End) <= sp.End && t.Kind.IsWord() {
				s[i] = true
			}
		}
	}
	return s
}

func bounds(s map[int]bool) (f, l int) {
	f, l = -1, -1
	for i := range s {
		if f < 0 || i < f {
			f = i
		}
		if i > l {
			l = i
		}
	}
	return f, l
}

// moveTo is the claim's words once its edges are at words f and l: the
// words it had between them, and every word a moved edge adds.
func moveTo(c claimEx, f, l int) map[int]bool {
	pf, pl := c.start.Places[0], c.end.Places[0]
	o := map[int]bool{}
	for i := range c.pred {
		if i >= f && i <= l {
			o[i] = true
		}
	}
	for _, p := range c.words {
		if (p >= f && p < pf) || (p <= l && p > pl) {
			o[p] = true
		}
	}
	return o
}

func match(ed *edges.Doc, td *text.Doc, raw string, atts []attrib.Attribution, gold []brat.Attribution) []claimEx {
	seg := ed.Seg
	golds := make([][]brat.Range, len(gold))
	gs := make([]map[int]bool, len(gold))
	for i, g := range gold {
		golds[i] = g.Content
		var sp []text.Span
		for _, r := range g.Content {
			sp = append(sp, text.Span{Start: td.Byte(r.Start), End: td.Byte(r.End)})
		}
		gs[i] = wordSet(seg, sp)
	}
	preds := make([][]brat.Range, len(atts))
	for j, a := range atts {
		for _, sp := range a.Content {
			preds[j] = append(preds[j], brat.Range{Start: td.CP(sp.Start), End: td.CP(sp.End)})
		}
	}
	var out []claimEx
	for _, pr := range score.Match([]rune(raw), golds, preds) {
		i, j := pr[0], pr[1]
		start, end, ok := ed.Edges(atts, j)
		if !ok {
			continue
		}
		gf, gl := bounds(gs[i])
		lo, hi := slices.Min(start.Places), slices.Max(end.Places)
		var words []int
		for t := lo; t <= hi; t++ {
			if seg.Tokens[t].Kind.IsWord() {
				words = append(words, t)
			}
		}
		out = append(out, claimEx{start: start, end: end, gold: [2]int{gf, gl}, pred: wordSet(seg, atts[j].Content), goldSet: gs[i], words: words})
	}
	return out
}
