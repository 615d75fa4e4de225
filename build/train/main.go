// Command train learns whosaid's attribution model from PolNeAR's train
// split and writes internal/learned/model.bin:
//
//	go run ./build/train [-data ../shared/polnear/train] [-dev ../shared/polnear/dev] [-out internal/learned/model.bin]
//
// The same data, seed and settings give the same bytes. With -dev it also
// prints the scorer's figures on dev for the model alone (cue → source and
// content, no rules), which is how its settings were chosen; the flag
// defaults are those settings (12 epochs, cue pruning 6:7, span pruning
// 8:8, cue bias 20), recorded in the model's JSON header with the data's
// SHA-256; make train adds five averaged runs, the boundary features and
// cost-augmented cue training (-cue-cost 30, with cue bias 28). -load
// evaluates a written model on -dev without training, with -bias and
// -margin to tune what happens after training, and -debug NAME
// prints one dev article's sentences and attributions. -fold K/N trains
// without the articles whose index is K modulo N and, without -dev, reports
// the figures on them: settings are chosen by cross-validation on train.
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/andybalholm/brotli"

	"github.com/whosaid/whosaid/internal/brat"
	"github.com/whosaid/whosaid/internal/corpus"
	"github.com/whosaid/whosaid/internal/cue"
	"github.com/whosaid/whosaid/internal/learned"
	"github.com/whosaid/whosaid/internal/perceptron"
	"github.com/whosaid/whosaid/internal/quote"
	"github.com/whosaid/whosaid/internal/score"
	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
	"github.com/whosaid/whosaid/internal/text"
)

func main() {
	data := flag.String("data", "../shared/polnear/train", "training corpus (PolNeAR layout)")
	dev := flag.String("dev", "", "corpus to report figures on (e.g. ../shared/polnear/dev)")
	out := flag.String("out", "internal/learned/model.bin", "model file to write")
	epochs := flag.Int("epochs", 12, "training epochs")
	seed := flag.Uint64("seed", 1, "shuffling seed")
	runs := flag.Int("runs", 1, "train this many times side by side, with seeds -seed, -seed+1, …, and average the weights")
	minSeen := flag.Int("min-seen", 6, "drop features seen in fewer training instances")
	minWeight := flag.Int("min-weight", 7, "drop features whose largest int8 weight is smaller")
	spanMinSeen := flag.Int("span-min-seen", 8, "-min-seen for the span labeller")
	spanMinWeight := flag.Int("span-min-weight", 8, "-min-weight for the span labeller")
	cueBias := flag.Float64("cue-bias", 20, "added to the score of starting a cue (recorded in the model)")
	biases := flag.String("bias", "", "also try these cue biases on -dev (e.g. 10,20,40)")
	show := flag.Int("show", 0, "print this many inexact content matches on -dev, for error analysis")
	sweep := flag.String("sweep", "", "also try these MINSEEN:MINWEIGHT[:SPANMINSEEN:SPANMINWEIGHT] pruning settings on -dev (e.g. 3:4,5:8:2:2) and print size and figures; the model written uses -min-seen and -min-weight")
	limit := flag.Int("limit", 0, "use only the first N training articles (0: all)")
	load := flag.String("load", "", "evaluate this model file on -dev instead of training")
	margins := flag.String("margin", "", "with -load, also try these source margins on -dev (e.g. 1,2,4)")
	debug := flag.String("debug", "", "with -load, print the sentences and attributions of this -dev article")
	keyBits := flag.Int("key-bits", 0, "hash the cue tagger's features to this many bits already in training and keep keys of that size (16..32; 0: train on full hashes, keep 24-bit keys)")
	spanKeyBits := flag.Int("span-key-bits", 0, "-key-bits for the span labeller")
	boundary := flag.Bool("boundary", false, "give the span labeller the boundary features (clause breaks, the tokens between the cue and a near word; recorded as boundary)")
	cueCost := flag.Float64("cue-cost", 0, "cost-augmented training: add this to every wrong cue label in training's decoding (recorded as cue_cost; 0: off)")
	spanCost := flag.Float64("span-cost", 0, "-cue-cost for the span labeller")
	fold := flag.String("fold", "", "K/N: train without the articles whose index in -data is K modulo N, and report figures on them when -dev is empty (cross-validation)")
	flag.Parse()
	var foldK, foldN int
	if *fold != "" {
		if _, err := fmt.Sscanf(*fold, "%d/%d", &foldK, &foldN); err != nil || foldN < 2 || foldK < 0 || foldK >= foldN {
			fmt.Fprintln(os.Stderr, "train: -fold wants K/N with 0 <= K < N, N >= 2")
			os.Exit(2)
		}
	}
	if *debug != "" {
		if err := debugArticle(*load, *dev, *debug); err != nil {
			fmt.Fprintln(os.Stderr, "train:", err)
			os.Exit(1)
		}
		return
	}
	if *load != "" {
		if err := evalFile(*load, *dev, *show, *biases, *margins); err != nil {
			fmt.Fprintln(os.Stderr, "train:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*data, *dev, *out, *epochs, *seed, *runs, *minSeen, *minWeight, *spanMinSeen, *spanMinWeight, float32(*cueBias), *limit, *sweep, *show, *biases, foldK, foldN, *keyBits, *spanKeyBits, *boundary, *cueCost, *spanCost); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

// Article is one corpus document ready for training or scoring.
type Article struct {
	Name  string
	Index int // in the corpus's name order, counting articles without annotations
	Doc   *text.Doc
	LD    *learned.Doc
	Gold  []brat.Attribution
}

// Options is what a training run is made of; it is recorded in the model.
type Options struct {
	Data   string `json:"data"`
	Docs   int    `json:"docs"`
	SHA256 string `json:"sha256"` // over the names and bytes of the texts and annotations used
	Epochs int    `json:"epochs"`
	Seed   uint64 `json:"seed"`
	// Runs is how many training runs, with seeds Seed, Seed+1, …, were
	// averaged (learned.TrainOptions.Runs); 0 means 1.
	Runs      int     `json:"runs,omitempty"`
	MinSeen   int     `json:"min_seen"`
	MinWeight int     `json:"min_weight"`
	CueBias   float32 `json:"cue_bias"`
	// The span labeller's pruning; the cue tagger's is MinSeen, MinWeight.
	SpanMinSeen   int `json:"span_min_seen"`
	SpanMinWeight int `json:"span_min_weight"`
	// KeyBits is the key size the cue tagger's features were hashed to in
	// training (0: full hashes, cut to the default key size by Compact);
	// SpanKeyBits the span labeller's.
	KeyBits     int `json:"key_bits,omitempty"`
	SpanKeyBits int `json:"span_key_bits,omitempty"`
	// Boundary: the span labeller has the boundary features
	// (learned.TrainOptions.Boundary); the model reads it from here.
	Boundary bool `json:"boundary,omitempty"`
	// CueCost and SpanCost make training cost-augmented
	// (learned.TrainOptions.CueCost).
	CueCost  float64 `json:"cue_cost,omitempty"`
	SpanCost float64 `json:"span_cost,omitempty"`
}

func run(data, dev, out string, epochs int, seed uint64, runs, minSeen, minWeight, spanMinSeen, spanMinWeight int, cueBias float32, limit int, sweep string, show int, biases string, foldK, foldN, keyBits, spanKeyBits int, boundary bool, cueCost, spanCost float64) error {
	tg, err := tag.Default()
	if err != nil {
		return err
	}
	t0 := time.Now()
	arts, sum, err := Load(data, tg, limit)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "read %d articles in %v\n", len(arts), time.Since(t0).Round(time.Millisecond))
	var held []Article
	if foldN > 0 {
		arts, held = splitFold(arts, foldK, foldN)
		fmt.Fprintf(os.Stderr, "fold %d/%d: training on %d articles, %d held out\n", foldK, foldN, len(arts), len(held))
	}
	opt := Options{Data: "PolNeAR v1.0.0 train (Newell, Margolin and Ruths, LREC 2018)", Docs: len(arts), SHA256: sum,
		Epochs: epochs, Seed: seed, Runs: runs, MinSeen: minSeen, MinWeight: minWeight, CueBias: cueBias,
		SpanMinSeen: spanMinSeen, SpanMinWeight: spanMinWeight, KeyBits: keyBits, SpanKeyBits: spanKeyBits, Boundary: boundary,
		CueCost: cueCost, SpanCost: spanCost}
	tr, header, m, b, err := Build(arts, opt)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "trained in %v; wrote %s: %d bytes raw, %d brotli\n", time.Since(t0).Round(time.Millisecond), out, len(b), brotliLen(b))
	devArts := held
	if dev != "" {
		if devArts, _, err = Load(dev, tg, 0); err != nil {
			return err
		}
	} else if foldN == 0 {
		return nil
	}
	report(fmt.Sprintf("%d:%d", minSeen, minWeight), m, devArts, show)
	for _, s := range strings.Split(biases, ",") {
		var b float32
		if _, err := fmt.Sscanf(s, "%g", &b); err != nil {
			continue
		}
		report("bias "+s, m.WithCueBias(b), devArts, 0)
	}
	for _, s := range strings.Split(sweep, ",") {
		var ms, mw int
		if _, err := fmt.Sscanf(s, "%d:%d", &ms, &mw); err != nil {
			continue
		}
		sms, smw := spanMinSeen, spanMinWeight
		fmt.Sscanf(s, "%d:%d:%d:%d", &ms, &mw, &sms, &smw)
		report(s, tr.CompactSplit(perceptron.Options{MinSeen: ms, MinWeight: mw, Header: header, KeyBits: keyBits},
			perceptron.Options{MinSeen: sms, MinWeight: smw, KeyBits: spanKeyBits}), devArts, 0)
	}
	return nil
}

// splitFold parts arts into those whose Index is not k modulo n (to train
// on) and those that are (held out).
func splitFold(arts []Article, k, n int) (train, held []Article) {
	for _, a := range arts {
		if a.Index%n == k {
			held = append(held, a)
		} else {
			train = append(train, a)
		}
	}
	return train, held
}

// evalFile scores a written model on dev without training, for tuning what
// happens after the tagger and labeller.
func evalFile(path, dev string, show int, biases, margins string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	m, err := learned.Load(b)
	if err != nil {
		return err
	}
	tg, err := tag.Default()
	if err != nil {
		return err
	}
	devArts, _, err := Load(dev, tg, 0)
	if err != nil {
		return err
	}
	report("file", m, devArts, show)
	for _, s := range strings.Split(margins, ",") {
		var x float64
		if _, err := fmt.Sscanf(s, "%g", &x); err != nil {
			continue
		}
		report("margin "+s, m.WithSourceMargin(x), devArts, 0)
	}
	for _, s := range strings.Split(biases, ",") {
		var b float32
		if _, err := fmt.Sscanf(s, "%g", &b); err != nil {
			continue
		}
		report("bias "+s, m.WithCueBias(b), devArts, 0)
	}
	return nil
}

// debugArticle prints what the model finds in one article, sentence by
// sentence, for error analysis.
func debugArticle(path, dev, name string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	m, err := learned.Load(b)
	if err != nil {
		return err
	}
	tg, err := tag.Default()
	if err != nil {
		return err
	}
	tb, err := os.ReadFile(filepath.Join(dev, "text", name+".txt"))
	if err != nil {
		return err
	}
	_, ld, err := Prepare(string(tb), tg, cue.Default())
	if err != nil {
		return err
	}
	seg := ld.Seg
	for i, s := range seg.Sentences {
		fmt.Printf("S%d P%d [%s]\n", i, s.Para, seg.Text[s.Start:s.End])
	}
	for _, a := range m.Find(ld) {
		var cs []string
		for _, c := range a.Content {
			cs = append(cs, seg.Text[c.Start:c.End])
		}
		fmt.Printf("CUE [%s] SRC [%s] CONTENT [%s]\n", seg.Text[a.Cue.Start:a.Cue.End], seg.Text[a.Source.Start:a.Source.End], strings.Join(cs, " … "))
	}
	return nil
}

func brotliLen(b []byte) int {
	var br bytes.Buffer
	w := brotli.NewWriterLevel(&br, brotli.BestCompression)
	w.Write(b)
	w.Close()
	return br.Len()
}

func report(setting string, m *learned.Model, devArts []Article, show int) {
	b, _ := m.MarshalBinary()
	t := Evaluate(m, devArts, show)
	e := t.E2EPRF()
	fmt.Printf("  cues: %s\n", cueStats(m, devArts))
	fmt.Printf("prune %-6s %8d raw %7d br  dev (model alone): e2e P %.3f R %.3f F1 %.3f  exact F1 %.3f  overlap F1 %.3f  source acc %.3f  direct recall %.3f\n",
		setting, len(b), brotliLen(b), e.P, e.R, e.F1, t.ExactPRF().F1, t.OverlapPRF().F1, t.SourceAccuracy(), t.DirectRecall())
}

// Build trains on arts with opt and makes the model compact: the model
// file's bytes b, and what they were made from for further pruning.
func Build(arts []Article, opt Options) (tr *learned.Trained, header []byte, m *learned.Model, b []byte, err error) {
	tr, header, err = Train(arts, opt)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	m = tr.CompactSplit(perceptron.Options{MinSeen: opt.MinSeen, MinWeight: opt.MinWeight, Header: header, KeyBits: opt.KeyBits},
		perceptron.Options{MinSeen: opt.SpanMinSeen, MinWeight: opt.SpanMinWeight, KeyBits: opt.SpanKeyBits})
	b, err = m.MarshalBinary()
	return tr, header, m, b, err
}

// Train learns from arts with opt; header is opt as JSON, for the model.
func Train(arts []Article, opt Options) (*learned.Trained, []byte, error) {
	header, err := json.Marshal(opt)
	if err != nil {
		return nil, nil, err
	}
	docs := make([]*learned.Doc, len(arts))
	gold := make([][]learned.Gold, len(arts))
	for i, a := range arts {
		docs[i] = a.LD
		for _, g := range a.Gold {
			gold[i] = append(gold[i], learned.Gold{
				Cue: spans(a.Doc, g.Cue), Source: spans(a.Doc, g.Source), Content: spans(a.Doc, g.Content)})
		}
	}
	return learned.Train(docs, gold, learned.TrainOptions{Epochs: opt.Epochs, Seed: opt.Seed, Runs: opt.Runs, KeyBits: opt.KeyBits, SpanKeyBits: opt.SpanKeyBits, Boundary: opt.Boundary,
		CueCost: opt.CueCost, SpanCost: opt.SpanCost,
		Progress: func(e int) { fmt.Fprintf(os.Stderr, "epoch %d/%d\n", e, opt.Epochs) }}), header, nil
}

func spans(d *text.Doc, rs []brat.Range) []text.Span {
	var out []text.Span
	for _, r := range rs {
		out = append(out, text.Span{Start: d.Byte(r.Start), End: d.Byte(r.End)})
	}
	return out
}

// Prepare runs the stages the model reads on one text.
func Prepare(s string, tg *tag.Model, lex *cue.Lexicon) (*text.Doc, *learned.Doc, error) {
	d, err := text.New(s)
	if err != nil {
		return nil, nil, err
	}
	seg := segment.Split(d.Norm)
	words := make([]string, len(seg.Tokens))
	for i := range seg.Tokens {
		words[i] = seg.Word(i)
	}
	tags := make([]tag.Tag, len(words))
	tg.Tag(words, tags)
	inQ := learned.InQuote(seg, quote.Find(seg))
	return d, learned.NewDoc(seg, tags, inQ, lex), nil
}

// Load reads a PolNeAR-shaped corpus: DIR/text/NAME.txt and the first
// DIR/attributions/NAME_*.ann in name order, as the scorer reads it. sum is
// a SHA-256 over the files used.
func Load(dir string, tg *tag.Model, limit int) (arts []Article, sum string, err error) {
	c, err := corpus.Open(dir)
	if err != nil {
		return nil, "", fmt.Errorf("%w (is ../shared/ beside the project?)", err)
	}
	h := sha256.New()
	lex := cue.Default()
	for i, doc := range c.Docs {
		if limit > 0 && len(arts) == limit {
			break
		}
		if doc.Ann == "" {
			continue
		}
		tb, err := os.ReadFile(doc.Path)
		if err != nil {
			return nil, "", err
		}
		ab, err := os.ReadFile(doc.Ann)
		if err != nil {
			return nil, "", err
		}
		for _, part := range [][]byte{[]byte(filepath.Base(doc.Path)), tb, []byte(filepath.Base(doc.Ann)), ab} {
			h.Write(part)
			h.Write([]byte{0})
		}
		gold, err := brat.Parse(bytes.NewReader(ab))
		if err != nil {
			return nil, "", fmt.Errorf("%s: %w", doc.Ann, err)
		}
		d, ld, err := Prepare(string(tb), tg, lex)
		if err != nil {
			return nil, "", fmt.Errorf("%s: %w", doc.Path, err)
		}
		arts = append(arts, Article{Name: doc.Name, Index: i, Doc: d, LD: ld, Gold: gold})
	}
	return arts, hex.EncodeToString(h.Sum(nil)), nil
}

// Evaluate scores the model alone on arts.
func Evaluate(m *learned.Model, arts []Article, show int) *score.Tally {
	var t score.Tally
	for _, a := range arts {
		if show > 0 {
			rs := []rune(a.Doc.Orig)
			cut := func(r []brat.Range) string {
				var parts []string
				for _, x := range r {
					parts = append(parts, string(rs[x.Start:x.End]))
				}
				return strings.ReplaceAll(strings.Join(parts, " … "), "\n", " ")
			}
			t.Inexact = func(g brat.Attribution, p score.Pred) {
				if show > 0 && os.Getenv("WHOSAID_SHOW_SOURCES") == "" {
					show--
					fmt.Printf("GOLD [%s]\nPRED [%s]\n\n", cut(g.Content), cut(p.Content))
				}
			}
			t.WrongSource = func(g brat.Attribution, p score.Pred) {
				if show > 0 && os.Getenv("WHOSAID_SHOW_SOURCES") != "" {
					show--
					fmt.Printf("SRC GOLD [%s] PRED [%s] CUE [%s] / [%s]\n", cut(g.Source), cut(p.Source), cut(g.Cue), cut(p.Cue))
				}
			}
		}
		var preds []score.Pred
		for _, at := range m.Find(a.LD) {
			p := score.Pred{Cue: ranges(a.Doc, []text.Span{at.Cue}), Content: ranges(a.Doc, at.Content)}
			if at.HasSource() {
				p.Source = ranges(a.Doc, []text.Span{at.Source})
			}
			preds = append(preds, p)
		}
		t.Add(a.Doc.Orig, a.Gold, preds)
	}
	return &t
}

func ranges(d *text.Doc, ss []text.Span) []brat.Range {
	var out []brat.Range
	for _, s := range ss {
		out = append(out, brat.Range{Start: d.CP(s.Start), End: d.CP(s.End)})
	}
	return out
}

// cueStats is the cue tagger's precision and recall against gold cues, by
// overlap.
func cueStats(m *learned.Model, arts []Article) string {
	var gold, pred, hitG, hitP, raw int
	for _, a := range arts {
		var cues []text.Span
		for _, at := range m.Find(a.LD) {
			cues = append(cues, at.Cue)
		}
		if os.Getenv("WHOSAID_RAW_CUES") != "" {
			cues = cues[:0]
			for _, c := range m.Cues(a.LD) {
				cues = append(cues, text.Span{Start: int(a.LD.Seg.Tokens[c[0]].Start), End: int(a.LD.Seg.Tokens[c[1]-1].End)})
			}
		}
		raw += len(cues)
		var gcs []text.Span
		for _, g := range a.Gold {
			for _, r := range g.Cue {
				gcs = append(gcs, text.Span{Start: a.Doc.Byte(r.Start), End: a.Doc.Byte(r.End)})
				break
			}
		}
		gold += len(gcs)
		pred += len(cues)
		ov := func(x, y text.Span) bool { return x.Start < y.End && y.Start < x.End }
		for _, g := range gcs {
			hit := false
			for _, c := range cues {
				if ov(g, c) {
					hit = true
					break
				}
			}
			if hit {
				hitG++
			} else if os.Getenv("WHOSAID_SHOW_MISSED_CUES") != "" {
				fmt.Printf("MISSED CUE %q\n", strings.ToLower(a.Doc.Norm[g.Start:g.End]))
			}
		}
		for _, c := range cues {
			for _, g := range gcs {
				if ov(g, c) {
					hitP++
					break
				}
			}
		}
	}
	_ = raw
	return fmt.Sprintf("gold %d predicted %d  recall %.3f precision %.3f", gold, pred, float64(hitG)/float64(max(gold, 1)), float64(hitP)/float64(max(pred, 1)))
}
