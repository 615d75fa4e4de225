// Command traincw learns whosaid's check-worthiness model from the
// CheckThat! 2024 Task 1 English training data and writes
// internal/checkworthy/model.bin:
//
//	go run ./build/traincw [-data ../shared/checkworthy/train.tsv] [-out internal/checkworthy/model.bin] [-cv]
//
// The sentences come from U.S. presidential debates; their ids run in
// blocks, one debate after another. -cuts splits the ids into folds of
// whole debates (cut after each id given). The calibration that makes 0.5
// the threshold is fit on out-of-fold scores over those folds; -cv also
// reports average precision and F1 at 0.5 on each fold with a model
// trained and calibrated without it, each sentence scored whole and
// through the engine (the highest of its claims, as the extractor is
// scored), which is how the settings were chosen. -holdout LO-HI leaves those ids out of training altogether and
// writes them to -holdout-tsv, for scoring the whole extractor on unseen
// debates with ../shared/bench/checkworthy.py. The same data and settings
// give the same bytes.
package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/andybalholm/brotli"

	"github.com/whosaid/whosaid/internal/checkworthy"
	"github.com/whosaid/whosaid/internal/engine"
	"github.com/whosaid/whosaid/internal/tag"
)

type config struct {
	data, out, cuts, holdout, holdoutTSV, dev string
	set                                       checkworthy.Settings
	minWeight                                 float64
	maxFeatures                               int
	cv                                        bool
	calibrateOn                               string
	limit, minSeen                            int
}

// shipped is the configuration make train writes
// internal/checkworthy/model.bin with: the flags' defaults, so that
// TestShippedModel can train it again and compare the bytes.
func shipped() config {
	return config{
		data:        "../shared/checkworthy/train.tsv",
		out:         "internal/checkworthy/model.bin",
		cuts:        "4415,7538,13544,17918,22500,26856,30463",
		set:         checkworthy.Settings{Epochs: 16, Seed: 1, Rate: 0.02, L2: 0, PosWeight: 1},
		minWeight:   0.02,
		maxFeatures: 36000,
		minSeen:     1,
		calibrateOn: "engine",
	}
}

func main() {
	d := shipped()
	var c config
	flag.StringVar(&c.data, "data", d.data, "training data (Sentence_id, Text, class_label)")
	flag.StringVar(&c.out, "out", d.out, "model file to write")
	flag.StringVar(&c.cuts, "cuts", d.cuts, "fold boundaries: the last id of each fold but the last (between debates)")
	flag.StringVar(&c.holdout, "holdout", "", "LO-HI: leave these ids out of training")
	flag.StringVar(&c.holdoutTSV, "holdout-tsv", "", "write the -holdout rows here, as TSV")
	flag.IntVar(&c.set.Epochs, "epochs", d.set.Epochs, "training epochs")
	flag.Uint64Var(&c.set.Seed, "seed", d.set.Seed, "shuffling seed")
	flag.Float64Var(&c.set.Rate, "rate", d.set.Rate, "AdaGrad learning rate")
	flag.Float64Var(&c.set.L2, "l2", d.set.L2, "L2 weight decay")
	flag.Float64Var(&c.set.PosWeight, "pos-weight", d.set.PosWeight, "loss weight of Yes examples")
	flag.Float64Var(&c.minWeight, "min-weight", d.minWeight, "drop weights smaller than this")
	flag.IntVar(&c.maxFeatures, "max-features", d.maxFeatures, "keep at most this many weights")
	flag.IntVar(&c.minSeen, "min-seen", d.minSeen, "drop the weights of features seen in fewer training sentences")
	flag.StringVar(&c.dev, "dev", "", "also report the model's figures on this TSV (e.g. ../shared/checkworthy/dev.tsv), sentence by sentence as a whole")
	flag.IntVar(&c.limit, "limit", 0, "use only the first N sentences by id (0: all)")
	flag.StringVar(&c.calibrateOn, "calibrate-on", d.calibrateOn, "calibrate on the scores the engine gives (engine: the highest of a sentence's claims, as the extractor is scored) or on whole sentences (sentence)")
	flag.BoolVar(&c.cv, "cv", false, "report cross-validated figures, fold by fold")
	flag.Parse()
	if err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "traincw:", err)
		os.Exit(1)
	}
}

type row struct {
	id   int
	text string
	yes  bool
}

// readTSV reads the data, ordered by id whatever the file's order.
func readTSV(path string) ([]row, []byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	var rows []row
	for n, l := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		if n == 0 {
			continue // header
		}
		f := strings.Split(strings.TrimRight(l, "\r"), "\t")
		if len(f) != 3 {
			return nil, nil, fmt.Errorf("%s:%d: want 3 tab-separated columns, got %d", path, n+1, len(f))
		}
		id, err := strconv.Atoi(f[0])
		if err != nil {
			return nil, nil, fmt.Errorf("%s:%d: bad id %q", path, n+1, f[0])
		}
		rows = append(rows, row{id: id, text: Unquote(f[1]), yes: strings.TrimSpace(f[2]) == "Yes"})
	}
	if len(rows) == 0 {
		return nil, nil, fmt.Errorf("%s: no rows", path)
	}
	slices.SortStableFunc(rows, func(a, b row) int { return a.id - b.id })
	return rows, b, nil
}

// Unquote strips the CSV-style quoting some texts carry.
func Unquote(t string) string {
	if len(t) > 1 && t[0] == '"' && t[len(t)-1] == '"' {
		return strings.ReplaceAll(t[1:len(t)-1], `""`, `"`)
	}
	return t
}

func parseRange(s string) (lo, hi int, err error) {
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return 0, 0, fmt.Errorf("bad range %q: want LO-HI", s)
	}
	if lo, err = strconv.Atoi(a); err == nil {
		hi, err = strconv.Atoi(b)
	}
	return lo, hi, err
}

// data is the training set as keys, labels and folds.
type data struct {
	xs    [][]uint32
	ys    []bool
	fold  []int
	texts []string
	nf    int
	eng   *engine.Engine // nil: calibrate on whole sentences, not the engine's claims
}

func (d *data) subset(keep func(i int) bool) *data {
	s := &data{nf: d.nf, eng: d.eng}
	for i := range d.xs {
		if keep(i) {
			s.xs = append(s.xs, d.xs[i])
			s.ys = append(s.ys, d.ys[i])
			s.fold = append(s.fold, d.fold[i])
			s.texts = append(s.texts, d.texts[i])
		}
	}
	return s
}

func run(c config) error {
	rows, raw, err := readTSV(c.data)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(raw)
	if c.limit > 0 && c.limit < len(rows) {
		rows = rows[:c.limit]
	}
	var cuts []int
	for _, f := range strings.Split(c.cuts, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil {
			return fmt.Errorf("bad -cuts: %v", err)
		}
		cuts = append(cuts, n)
	}
	if !slices.IsSorted(cuts) {
		return errors.New("-cuts must ascend")
	}
	lo, hi := 0, -1
	if c.holdout != "" {
		if lo, hi, err = parseRange(c.holdout); err != nil {
			return err
		}
	}
	tg, err := tag.Default()
	if err != nil {
		return err
	}
	d := &data{nf: len(cuts) + 1}
	var held bytes.Buffer
	held.WriteString("Sentence_id\tText\tclass_label\n")
	nheld := 0
	for _, r := range rows {
		if r.id >= lo && r.id <= hi {
			label := "No"
			if r.yes {
				label = "Yes"
			}
			fmt.Fprintf(&held, "%d\t%s\t%s\n", r.id, r.text, label)
			nheld++
			continue
		}
		toks, err := checkworthy.TextTokens(tg, r.text)
		if err != nil {
			return fmt.Errorf("sentence %d: %w", r.id, err)
		}
		f, _ := slices.BinarySearch(cuts, r.id)
		d.xs = append(d.xs, checkworthy.Keys(toks))
		d.ys = append(d.ys, r.yes)
		d.fold = append(d.fold, f)
		d.texts = append(d.texts, r.text)
	}
	if c.calibrateOn == "engine" {
		if d.eng, err = engine.NewWith(nil); err != nil {
			return err
		}
	} else if c.calibrateOn != "sentence" {
		return fmt.Errorf("-calibrate-on %q: want engine or sentence", c.calibrateOn)
	}
	if c.holdoutTSV != "" {
		if err := os.WriteFile(c.holdoutTSV, held.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Printf("held out ids %d-%d: %d sentences, written to %s\n", lo, hi, nheld, c.holdoutTSV)
	}
	if c.cv {
		// The dev sentences come from the same debates as train; scored by
		// the model of the fold their id falls in, they are sentences of
		// debates that model never saw, with dev's cleaner labels.
		var devRows []row
		var devKeys [][]uint32
		if c.dev != "" {
			if devRows, _, err = readTSV(c.dev); err != nil {
				return err
			}
			for _, r := range devRows {
				toks, err := checkworthy.TextTokens(tg, r.text)
				if err != nil {
					return err
				}
				devKeys = append(devKeys, checkworthy.Keys(toks))
			}
		}
		var allS, devS, engS, devE []float64
		var allY, devY []bool
		for f := 0; f < d.nf; f++ {
			test := d.subset(func(i int) bool { return d.fold[i] == f })
			if len(test.xs) == 0 {
				continue
			}
			m, _, err := fit(d.subset(func(i int) bool { return d.fold[i] != f }), c)
			if err != nil {
				return err
			}
			s := make([]float64, len(test.xs))
			for i, x := range test.xs {
				s[i] = m.Calibrated(m.Raw(x))
			}
			f1, p, r := checkworthy.F1(s, test.ys, 0.5)
			fmt.Printf("fold %d (%s): %5d sentences  AP %.3f  F1@0.5 %.3f (P %.3f R %.3f)", f, foldIDs(cuts, f), len(s), checkworthy.AP(s, test.ys), f1, p, r)
			allS = append(allS, s...)
			allY = append(allY, test.ys...)
			if d.eng != nil {
				// as ../shared/bench/checkworthy.py scores the extractor
				es := make([]float64, len(test.texts))
				for i, t := range test.texts {
					if es[i], err = engineP(d.eng, m.Model, t); err != nil {
						return err
					}
				}
				f1, _, _ := checkworthy.F1(es, test.ys, 0.5)
				fmt.Printf("  through the engine: AP %.3f  F1@0.5 %.3f", checkworthy.AP(es, test.ys), f1)
				engS = append(engS, es...)
			}
			fmt.Println()
			for i, r := range devRows {
				if g, _ := slices.BinarySearch(cuts, r.id); g == f {
					devS = append(devS, m.Calibrated(m.Raw(devKeys[i])))
					devY = append(devY, r.yes)
					if d.eng != nil {
						p, err := engineP(d.eng, m.Model, r.text)
						if err != nil {
							return err
						}
						devE = append(devE, p)
					}
				}
			}
		}
		if len(devS) > 0 {
			f1, p, r := checkworthy.F1(devS, devY, 0.5)
			fmt.Printf("dev, each sentence by the model without its debate: %d sentences  AP %.3f  F1@0.5 %.3f (P %.3f R %.3f)\n", len(devS), checkworthy.AP(devS, devY), f1, p, r)
			if len(devE) > 0 {
				f1, p, r := checkworthy.F1(devE, devY, 0.5)
				fmt.Printf("  through the engine: AP %.3f  F1@0.5 %.3f (P %.3f R %.3f)\n", checkworthy.AP(devE, devY), f1, p, r)
			}
		}
		f1, p, r := checkworthy.F1(allS, allY, 0.5)
		fmt.Printf("cv by debate: AP %.3f  F1@0.5 %.3f (P %.3f R %.3f)\n", checkworthy.AP(allS, allY), f1, p, r)
		if len(engS) > 0 {
			f1, p, r := checkworthy.F1(engS, allY, 0.5)
			fmt.Printf("  through the engine: AP %.3f  F1@0.5 %.3f (P %.3f R %.3f)\n", checkworthy.AP(engS, allY), f1, p, r)
		}
	}
	m, h, err := fit(d, c)
	if err != nil {
		return err
	}
	h.DataSHA256 = hex.EncodeToString(sum[:])
	h.Settings = map[string]string{
		"epochs": strconv.Itoa(c.set.Epochs), "seed": strconv.FormatUint(c.set.Seed, 10),
		"rate": fmt.Sprint(c.set.Rate), "l2": fmt.Sprint(c.set.L2), "pos_weight": fmt.Sprint(c.set.PosWeight),
		"min_weight": fmt.Sprint(c.minWeight), "max_features": strconv.Itoa(c.maxFeatures), "min_seen": strconv.Itoa(c.minSeen),
		"cuts": c.cuts, "holdout": c.holdout, "calibrate_on": c.calibrateOn,
	}
	if c.dev != "" {
		if err := evalTSV(m, tg, c.dev); err != nil {
			return err
		}
	}
	b, err := checkworthy.Encode(h, m.keys, m.q)
	if err != nil {
		return err
	}
	if err := os.WriteFile(c.out, b, 0o644); err != nil {
		return err
	}
	var br bytes.Buffer
	w := brotli.NewWriterLevel(&br, brotli.BestCompression)
	w.Write(b)
	w.Close()
	fmt.Printf("wrote %s: %d weights, %d bytes raw, %d brotli, from %d sentences\n", c.out, m.Len(), len(b), br.Len(), len(d.xs))
	return nil
}

func foldIDs(cuts []int, f int) string {
	lo, hi := "start", "end"
	if f > 0 {
		lo = strconv.Itoa(cuts[f-1] + 1)
	}
	if f < len(cuts) {
		hi = strconv.Itoa(cuts[f])
	}
	return "ids " + lo + "-" + hi
}

// fitted is a model with its quantised weights, to write it.
type fitted struct {
	*checkworthy.Model
	h    checkworthy.Header
	keys []uint32
	q    []int8
}

// fit trains on d and calibrates on out-of-fold scores over d's folds.
func fit(d *data, c config) (fitted, checkworthy.Header, error) {
	var oz []float64
	var oy []bool
	for f := 0; f < d.nf; f++ {
		test := d.subset(func(i int) bool { return d.fold[i] == f })
		if len(test.xs) == 0 {
			continue
		}
		m, err := trainQ(d.subset(func(i int) bool { return d.fold[i] != f }), c, checkworthy.Header{Bits: checkworthy.Bits, A: 1})
		if err != nil {
			return fitted{}, checkworthy.Header{}, err
		}
		for i, x := range test.xs {
			z := m.Raw(x)
			if d.eng != nil {
				if z, err = engineRaw(d.eng, m.Model, test.texts[i]); err != nil {
					return fitted{}, checkworthy.Header{}, err
				}
			}
			oz = append(oz, z)
			oy = append(oy, test.ys[i])
		}
	}
	a, b := checkworthy.Calibrate(oz, oy)
	h := checkworthy.Header{Bits: checkworthy.Bits, A: a, B: b}
	m, err := trainQ(d, c, h)
	return m, m.h, err
}

func trainQ(d *data, c config, h checkworthy.Header) (fitted, error) {
	w := checkworthy.Train(d.xs, d.ys, c.set)
	if c.minSeen > 1 {
		// rare words and pairs get weights from a sentence or two: noise
		seen := make([]int32, len(w))
		for _, x := range d.xs {
			for _, k := range x {
				seen[k]++
			}
		}
		for k, n := range seen {
			if int(n) < c.minSeen {
				w[k] = 0
			}
		}
	}
	keys, q, scale := checkworthy.Quantise(w, c.minWeight, c.maxFeatures)
	h.Scale = scale
	m, err := checkworthy.NewModel(h, keys, q)
	return fitted{m, h, keys, q}, err
}

// evalTSV prints the model's figures on a labelled TSV, each text scored
// whole (the extractor's figures come from ../shared/bench/checkworthy.py).
func evalTSV(m fitted, tg *tag.Model, path string) error {
	rows, _, err := readTSV(path)
	if err != nil {
		return err
	}
	s := make([]float64, len(rows))
	y := make([]bool, len(rows))
	for i, r := range rows {
		toks, err := checkworthy.TextTokens(tg, r.text)
		if err != nil {
			return err
		}
		s[i] = m.Calibrated(m.Raw(checkworthy.Keys(toks)))
		y[i] = r.yes
	}
	f1, p, r := checkworthy.F1(s, y, 0.5)
	fmt.Printf("%s: AP %.3f  F1@0.5 %.3f (P %.3f R %.3f)\n", path, checkworthy.AP(s, y), f1, p, r)
	return nil
}

// noClaim is the raw score of a sentence the engine finds no claim in:
// below any a model gives, as the extractor's scorer counts it 0.
const noClaim = -20

// engineP is the score the extractor gives a text with model m: the
// highest over its claims, 0 with none, as ../shared/bench/checkworthy.py
// reads it.
func engineP(e *engine.Engine, m *checkworthy.Model, text string) (float64, error) {
	best, err := engineBest(e, m, text)
	if internalError(err) {
		return 0, nil // the bench counts a failing sentence 0 too
	}
	return max(best, 0), err
}

// engineRaw is the raw score the engine gives a text with model m (whose
// calibration must be the identity, a = 1 and b = 0): the highest over its
// claims, as ../shared/bench/checkworthy.py reads it, turned back from a
// probability rounded to three decimals.
func engineRaw(e *engine.Engine, m *checkworthy.Model, text string) (float64, error) {
	best, err := engineBest(e, m, text)
	if internalError(err) {
		// an engine bug on one sentence: the extractor's scorer counts
		// the sentence 0 too, so calibration sees what it sees
		fmt.Fprintf(os.Stderr, "traincw: warning: the engine fails on %q: %v\n", text, err)
		return noClaim, nil
	}
	if err != nil {
		return 0, err
	}
	if best < 0 {
		return noClaim, nil
	}
	p := min(max(best, 0.0005), 0.9995)
	return math.Log(p / (1 - p)), nil
}

// engineBest is the highest check-worthiness the engine gives the claims
// of text with model m, -1 when it finds none.
func engineBest(e *engine.Engine, m *checkworthy.Model, text string) (float64, error) {
	res, err := e.Extract(context.Background(), engine.Input{Text: text}, engine.Options{Checkworthy: m})
	if err != nil {
		return 0, err
	}
	best := -1.0
	for _, c := range res.Claims {
		if c.Checkworthiness != nil {
			best = max(best, *c.Checkworthiness)
		}
	}
	return best, nil
}

// internalError reports whether err is the engine failing on a text (a
// bug), which the extractor's scorer counts as a score of 0.
func internalError(err error) bool {
	var ee *engine.Error
	return errors.As(err, &ee) && ee.Code == "internal"
}
