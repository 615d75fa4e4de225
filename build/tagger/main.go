// Command tagger converts prose's averaged-perceptron POS model into the
// compact model that internal/tag embeds, so the engine tags like prose
// without linking prose's 7 MB of models. Run from the repository root
// (it reads ../shared/polnear/train/text):
//
//	go run ./build/tagger
//
// The model ships inside the page's wasm, so it is pruned on the PolNeAR
// train texts and the seed article (-corpus): the features that never fire
// there go, and then, the least used first, every weight whose loss does
// not change the tag of any word there (pruneBudget tracks every class's
// exact score for every word; three passes), and the weights left are
// rounded to multiples of 4 units (0.2) where no word there comes near to
// changing tag. Feature keys are the fewest bits from 20 up (26) under
// which those texts tag as with full keys. The
// train texts are tagged exactly as by the unpruned model
// (TestTrainTagsUnchanged), so the attribution model build/train fits on
// them does not change; against prose the model agrees on 99.34% of the
// dev tokens (99.73% unpruned; TestAgreement, and TestSweep with -sweep
// compares settings), in 119 KB of brotli instead of 312 KB. -budget lets a
// fraction of the words change tag (none to or from a -protect tag);
// -cwcorpus adds the check-worthiness training sentences (the default),
// and -safety keeps the weights a word's margin leans on.
package main

import (
	"bytes"
	"encoding/gob"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/andybalholm/brotli"
	prose "github.com/jdkato/prose/v2"
	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
	"github.com/whosaid/whosaid/internal/text"
)

// options control pruning and quantisation.
type options struct {
	minWeight float64 // drop weights with |w| below this
	minFeat   float64 // drop features whose largest |w| is below this
	scale     int     // weight unit, in thousandths
	keyBits   int     // bits of a feature key: the fewest from here up that tag the corpus the same
	minCount  int     // drop features that fire fewer times on the corpus
	corpus    string  // directories (comma-separated) of .txt files the features are counted on
	cwCorpus  string  // and a check-worthiness table whose sentences are, if not ""
	// keepWordTop spares the largest weight of each word's own feature.
	keepWordTop bool
	// round, when above 1, rounds the weights left to multiples of this
	// many units where no word of the corpus changes tag.
	round int
	// budget is the fraction of the corpus's scored words pruneBudget may
	// change the tag of, none of them to or from a tag of protect
	// (comma-separated).
	budget  float64
	protect string
	// safety, under budget, keeps a weight whose loss would leave a word
	// of the corpus less than this fraction of its tag's first margin.
	safety float64
	// slack is how many more of the corpus's words (a fraction) than at
	// full keys may change tag with the shorter keys build picks.
	slack float64
}

// refScale is the weight unit (in thousandths) of the model whose tags on
// the corpus are the reference that pruneBudget keeps to.
const refScale = 50

// The defaults keep four tenths of every corpus word's margin (safety
// 0.6) and count the check-worthiness training sentences with the corpus:
// the 66 KB model without them tagged unseen text further from prose
// (98.64% of dev tokens, 99.19% now) and cost dev attribution and
// check-worthiness figures. Safety 0.75 (119 KB, 99.34%) gave the same
// dev attribution figures but 15 KB more than the page had room for once
// the boundary model came (see the README's tagger entry).
var defaults = options{minFeat: 1, scale: 50, keyBits: 20, minCount: 1, round: 4, safety: 0.6,
	protect:  "NN,NNS,NNP,NNPS,VB,VBD,VBG,VBN,VBP,VBZ,PRP,PRP$,MD",
	corpus:   filepath.Join("..", "shared", "polnear", "train", "text") + "," + filepath.Join("..", "shared", "seed", "text"),
	cwCorpus: filepath.Join("..", "shared", "checkworthy", "train.tsv")}

func main() {
	out := flag.String("o", "internal/tag/model.bin", "output file")
	flag.Float64Var(&defaults.minWeight, "min", defaults.minWeight, "drop weights smaller than this in magnitude")
	flag.Float64Var(&defaults.minFeat, "minfeat", defaults.minFeat, "drop features whose largest weight is smaller than this in magnitude")
	flag.IntVar(&defaults.scale, "scale", defaults.scale, "weight unit in thousandths")
	flag.IntVar(&defaults.keyBits, "keybits", defaults.keyBits, "bits of a feature key (16..32)")
	flag.IntVar(&defaults.minCount, "mincount", defaults.minCount, "drop features that fire fewer times than this on -corpus")
	flag.IntVar(&defaults.round, "round", defaults.round, "round the weights left to multiples of this many units where no word of -corpus changes tag")
	flag.BoolVar(&defaults.keepWordTop, "keepwordtop", defaults.keepWordTop, "spare the largest weight of the word's own feature")
	flag.Float64Var(&defaults.budget, "budget", defaults.budget, "the fraction of -corpus's scored words that may change tag")
	flag.StringVar(&defaults.protect, "protect", defaults.protect, "tags no word may change to or from under -budget")
	flag.Float64Var(&defaults.safety, "safety", defaults.safety, "under -budget, keep weights whose loss leaves a word less than this fraction of its margin")
	flag.Float64Var(&defaults.slack, "slack", defaults.slack, "fraction of -corpus's words that shorter keys may change more")
	flag.StringVar(&defaults.cwCorpus, "cwcorpus", defaults.cwCorpus, "a check-worthiness table (TSV) whose sentences count with -corpus (\"\": none)")
	flag.StringVar(&defaults.corpus, "corpus", defaults.corpus, "directories (comma-separated) of .txt files the model is pruned on")
	flag.Parse()
	b, err := build(defaults)
	if err != nil {
		fmt.Fprintln(os.Stderr, "tagger:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "tagger:", err)
		os.Exit(1)
	}
	br, err := brotliSize(b)
	if err != nil {
		fmt.Fprintln(os.Stderr, "tagger:", err)
		os.Exit(1)
	}
	fmt.Printf("%s: %d bytes raw, %d bytes brotli (q11)\n", *out, len(b), br)
}

// build reads prose's model and encodes it pruned and quantised.
func build(o options) ([]byte, error) {
	spec, weights, err := readProse(o)
	if err != nil {
		return nil, err
	}
	return buildBudget(spec, weights, o)
}

// buildReference encodes the reference model with 32-bit keys: the
// model whose tags pruning keeps to.
func buildReference(o options) ([]byte, error) {
	spec, weights, err := readProse(o)
	if err != nil {
		return nil, err
	}
	full := reference(spec, weights, o)
	full.KeyBits = 32
	return tag.Encode(&full)
}

// reference is spec with prose's weights unpruned (beyond -min and
// -minfeat), in units of refScale.
func reference(spec *tag.Spec, weights map[string]map[string]float64, o options) tag.Spec {
	ro := o
	ro.scale = refScale
	full := *spec
	full.Weights, full.Scale = prune(weights, ro), refScale
	bake(&full, ro)
	return full
}

// readProse reads prose's model: the spec of o without its weights, and
// the weights.
func readProse(o options) (*tag.Spec, map[string]map[string]float64, error) {
	spec := &tag.Spec{Scale: o.scale, KeyBits: o.keyBits}
	var weights map[string]map[string]float64
	for _, a := range []struct {
		name string
		v    any
	}{{"classes.gob", &spec.Classes}, {"tags.gob", &spec.Dict}, {"weights.gob", &weights}} {
		b, err := prose.Asset("model/AveragedPerceptron/" + a.name)
		if err != nil {
			return nil, nil, err
		}
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(a.v); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", a.name, err)
		}
	}
	emo, err := emoticons()
	if err != nil {
		return nil, nil, err
	}
	spec.Emoticons = emo
	return spec, weights, nil
}

// buildBudget prunes by pruneBudget against the tags the reference model
// (unit refScale, no pruning) gives the corpus.
func buildBudget(spec *tag.Spec, weights map[string]map[string]float64, o options) ([]byte, error) {
	m, tr, counts, err := traceFull(reference(spec, weights, o), o)
	if err != nil {
		return nil, err
	}
	spec.Weights = prune(weights, o)
	bake(spec, o)
	hashOf := make(map[string]uint32, len(spec.Weights))
	for f := range spec.Weights {
		h, err := m.FeatureHash(f)
		if err != nil {
			return nil, err
		}
		if f != "bias" && counts[h] < max(o.minCount, 1) {
			delete(spec.Weights, f)
			continue
		}
		hashOf[f] = h
	}
	pruneBudget(spec, tr, hashOf, counts, o)
	spec.KeyBits = 32
	b, err := tag.Encode(spec)
	if err != nil {
		return nil, err
	}
	if m, err = tag.Load(b); err != nil {
		return nil, err
	}
	// The fewest key bits, and the first of a few hash seeds, under which
	// the corpus tags as at full keys (less o.slack).
	limit := tr.differ(m, -1) + int(o.slack*float64(tr.words()))
	for kb := o.keyBits; kb < 32; kb++ {
		spec.KeyBits = kb
		for seed := range uint32(keySeeds) {
			spec.Seed = &seed
			b, err := tag.Encode(spec)
			if err != nil {
				return nil, err
			}
			m, err := tag.Load(b)
			if err != nil {
				return nil, err
			}
			if tr.differ(m, limit) <= limit {
				return b, nil
			}
		}
	}
	spec.KeyBits, spec.Seed = 32, nil
	return tag.Encode(spec)
}

// traceFull tags the corpus of o with spec at full 32-bit keys and
// counts how often each feature fires there.
func traceFull(spec tag.Spec, o options) (*tag.Model, *traced, map[uint32]int, error) {
	spec.KeyBits = 32
	b, err := tag.Encode(&spec)
	if err != nil {
		return nil, nil, nil, err
	}
	m, err := tag.Load(b)
	if err != nil {
		return nil, nil, nil, err
	}
	tr, err := traceCorpus(m, o.corpus, o.cwCorpus)
	if err != nil {
		return nil, nil, nil, err
	}
	counts := map[uint32]int{}
	for _, fs := range tr.feats {
		for _, h := range fs {
			counts[h]++
		}
	}
	return m, tr, counts, nil
}

// traced is a corpus as the full model tags it: its runs of words (whole
// texts and sentences) with their tags and, for every word the model
// scores, the hashes of the features it looks up (the bias apart).
type traced struct {
	feats [][]uint32
	ref   []tag.Tag // the tag of each word of feats
	runs  [][]string
	tags  [][]tag.Tag
}

// keySeeds is how many hash seeds buildBudget tries at each key length.
const keySeeds = 8

// differ counts the words of the runs that m tags otherwise than the
// full model did, stopping once the count is above stop (if stop >= 0).
func (tr *traced) differ(m *tag.Model, stop int) int {
	var out []tag.Tag
	n := 0
	for i, words := range tr.runs {
		out = slices.Grow(out[:0], len(words))[:len(words)]
		m.Tag(words, out)
		for j, t := range out {
			if t != tr.tags[i][j] {
				n++
			}
		}
		if stop >= 0 && n > stop {
			return n
		}
	}
	return n
}

func (tr *traced) words() int {
	n := 0
	for _, r := range tr.runs {
		n += len(r)
	}
	return n
}

// traceCorpus tags the .txt files of dirs (comma-separated), sentence by sentence as the
// engine's segmenter splits them, with m; and, when tsv is not "", the
// sentences of that check-worthiness table (Sentence_id, Text,
// class_label) as build/traincw tags them.
func traceCorpus(m *tag.Model, dirs, tsv string) (*traced, error) {
	var files []string
	for _, dir := range strings.Split(dirs, ",") {
		fs, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil || len(fs) == 0 {
			return nil, fmt.Errorf("no texts in %s to count features on (-corpus; the shared corpus must be at ../shared)", dir)
		}
		slices.Sort(fs)
		files = append(files, fs...)
	}
	tr := &traced{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		// build/train tags a whole text at once, the engine a sentence at
		// a time: count what fires either way.
		if err := tr.add(m, string(raw), true); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
	}
	if tsv == "" {
		return tr, nil
	}
	b, err := os.ReadFile(tsv)
	if err != nil {
		return nil, fmt.Errorf("%w (-cwcorpus)", err)
	}
	for n, l := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		f := strings.Split(strings.TrimRight(l, "\r"), "\t")
		if n == 0 {
			continue // header
		}
		if len(f) != 3 {
			return nil, fmt.Errorf("%s:%d: want 3 tab-separated columns, got %d", tsv, n+1, len(f))
		}
		if err := tr.add(m, f[1], false); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", tsv, n+1, err)
		}
	}
	return tr, nil
}

// add tags one text's sentences, the stretches between them and, if
// whole, the whole text as one run.
func (tr *traced) add(m *tag.Model, raw string, whole bool) error {
	norm, err := text.New(raw)
	if err != nil {
		return err
	}
	doc := segment.Split(norm.Norm)
	all := make([]string, len(doc.Tokens))
	for i := range doc.Tokens {
		all[i] = doc.Word(i)
	}
	var runs [][]string
	if whole {
		runs = append(runs, all)
	}
	done := 0
	for _, s := range doc.Sentences {
		if s.First < done || s.Last > len(all) || s.First > s.Last {
			continue
		}
		if done < s.First {
			runs = append(runs, all[done:s.First])
		}
		runs = append(runs, all[s.First:s.Last])
		done = s.Last
	}
	if done < len(all) {
		runs = append(runs, all[done:])
	}
	for _, words := range runs {
		out := make([]tag.Tag, len(words))
		feats := make([][]uint32, len(words))
		m.TagTrace(words, out, func(i int, h uint32) { feats[i] = append(feats[i], h) })
		tr.runs = append(tr.runs, words)
		tr.tags = append(tr.tags, out)
		for i, fs := range feats {
			if fs != nil {
				tr.feats = append(tr.feats, fs)
				tr.ref = append(tr.ref, out[i])
			}
		}
	}
	return nil
}

// bake replaces every weight with the value version 1 of the model file
// stored, which took a feature's quantised weights that summed to ±1 for
// ones that summed to zero (its last weight moved by a unit): the tags
// the engine's models were trained on came from those, and pruneBudget
// keeps them only if it reckons with the same numbers.
func bake(spec *tag.Spec, o options) {
	unit := float64(o.scale) / 1000
	for _, ws := range spec.Weights {
		labels := make([]string, 0, len(ws))
		for c := range ws {
			labels = append(labels, c)
		}
		slices.SortFunc(labels, func(a, b string) int {
			return slices.Index(spec.Classes, a) - slices.Index(spec.Classes, b)
		})
		sum := 0.0
		for i, c := range labels {
			q := math.Round(ws[c] * 1000 / float64(o.scale)) // as Encode rounds
			if i == len(labels)-1 && len(labels) >= 2 && math.Abs(sum+q) <= 1 {
				q = -sum
			}
			sum += q
			ws[c] = q * unit
		}
	}
}

// prune drops small weights (after quantisation) and features left empty.
func prune(w map[string]map[string]float64, o options) map[string]map[string]float64 {
	out := make(map[string]map[string]float64, len(w))
	for f, ws := range w {
		top := 0.0
		for _, v := range ws {
			top = max(top, math.Abs(v))
		}
		if top < o.minFeat {
			continue
		}
		kept := map[string]float64{}
		for c, v := range ws {
			if math.Abs(v) >= o.minWeight && math.Round(v*1000/float64(o.scale)) != 0 {
				kept[c] = v
			}
		}
		if len(kept) > 0 {
			out[f] = kept
		}
	}
	return out
}

// emoticons reads the keys of prose's unexported emoticons map from its
// source: prose tags them SYM before anything else.
func emoticons() ([]string, error) {
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/jdkato/prose/v2").Output()
	if err != nil {
		return nil, fmt.Errorf("locating prose's source: %w", err)
	}
	path := filepath.Join(strings.TrimSpace(string(dir)), "tokenize.go")
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		return nil, err
	}
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || vs.Names[0].Name != "emoticons" || len(vs.Values) != 1 {
			return true
		}
		lit, ok := vs.Values[0].(*ast.CompositeLit)
		if !ok {
			return false
		}
		for _, e := range lit.Elts {
			kv, ok := e.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if bl, ok := kv.Key.(*ast.BasicLit); ok && bl.Kind == token.STRING {
				if s, err := strconv.Unquote(bl.Value); err == nil {
					out = append(out, s)
				}
			}
		}
		return false
	})
	if len(out) == 0 {
		return nil, errors.New("no emoticons found in " + path)
	}
	return out, nil
}

func brotliSize(b []byte) (int, error) {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, brotli.BestCompression)
	if _, err := w.Write(b); err != nil {
		return 0, err
	}
	if err := w.Close(); err != nil {
		return 0, err
	}
	return buf.Len(), nil
}
