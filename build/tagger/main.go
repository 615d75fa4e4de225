// Command tagger converts prose's averaged-perceptron POS model into the
// compact model that internal/tag embeds, so the engine tags like prose
// without linking prose's 7 MB of models. Run from the repository root
// (it reads ../shared/polnear/train/text):
//
//	go run ./build/tagger
//
// The model ships inside the page's wasm, so it is pruned hard: features
// that never fire on the PolNeAR train texts go, and so does every weight
// whose magnitude times the number of times its feature fires there is
// under 25 (the texts tagged by the model itself). Weights are kept in
// units of 0.25 and feature keys in 22 bits. Against prose's full model
// that keeps 99.07% agreement on the dev texts (TestAgreement; TestSweep
// with -sweep compares settings) in 96 KB of brotli instead of 312 KB.
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
)

// options control pruning and quantisation.
type options struct {
	minWeight float64 // drop weights with |w| below this
	minFeat   float64 // drop features whose largest |w| is below this
	scale     int     // weight unit, in thousandths
	keyBits   int     // bits of a feature key
	minCount  int     // drop features that fire fewer times on the corpus
	minMass   float64 // drop weights whose |w| times their feature's count on the corpus is smaller
	corpus    string  // directory of .txt files the features are counted on
	// wordMin spares the current word's own features ("i word ...") from
	// the corpus counts: they drop only the weights smaller than this.
	// They carry what the model knows of a word the corpus lacks.
	wordMin float64
}

var defaults = options{minFeat: 1, scale: 250, keyBits: 22, minCount: 1, minMass: 25, corpus: filepath.Join("..", "shared", "polnear", "train", "text")}

func main() {
	out := flag.String("o", "internal/tag/model.bin", "output file")
	flag.Float64Var(&defaults.minWeight, "min", defaults.minWeight, "drop weights smaller than this in magnitude")
	flag.Float64Var(&defaults.minFeat, "minfeat", defaults.minFeat, "drop features whose largest weight is smaller than this in magnitude")
	flag.IntVar(&defaults.scale, "scale", defaults.scale, "weight unit in thousandths")
	flag.IntVar(&defaults.keyBits, "keybits", defaults.keyBits, "bits of a feature key (16..32)")
	flag.IntVar(&defaults.minCount, "mincount", defaults.minCount, "drop features that fire fewer times than this on -corpus")
	flag.Float64Var(&defaults.minMass, "minmass", defaults.minMass, "drop weights whose magnitude times their feature's count on -corpus is smaller than this")
	flag.Float64Var(&defaults.wordMin, "wordmin", defaults.wordMin, "keep the current word's features whatever -corpus says, but for their weights smaller than this (0: count them like the rest)")
	flag.StringVar(&defaults.corpus, "corpus", defaults.corpus, "directory of .txt files for -mincount")
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
	spec := &tag.Spec{Scale: o.scale, KeyBits: o.keyBits}
	var weights map[string]map[string]float64
	for _, a := range []struct {
		name string
		v    any
	}{{"classes.gob", &spec.Classes}, {"tags.gob", &spec.Dict}, {"weights.gob", &weights}} {
		b, err := prose.Asset("model/AveragedPerceptron/" + a.name)
		if err != nil {
			return nil, err
		}
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(a.v); err != nil {
			return nil, fmt.Errorf("%s: %w", a.name, err)
		}
	}
	emo, err := emoticons()
	if err != nil {
		return nil, err
	}
	spec.Emoticons = emo
	spec.Weights = prune(weights, o)
	if o.minCount > 0 || o.minMass > 0 {
		if err := pruneUnused(spec, o); err != nil {
			return nil, err
		}
	}
	return tag.Encode(spec)
}

// pruneUnused drops the features of spec that fire fewer than o.minCount
// times when the model tags the texts of o.corpus, and the weights whose
// magnitude times that count is under o.minMass: most of prose's word
// features are for words news text hardly uses.
func pruneUnused(spec *tag.Spec, o options) error {
	full := *spec
	full.KeyBits = 32
	b, err := tag.Encode(&full)
	if err != nil {
		return err
	}
	m, err := tag.Load(b)
	if err != nil {
		return err
	}
	tr, err := traceCorpus(m, o.corpus)
	if err != nil {
		return err
	}
	counts := map[uint32]int{}
	for _, fs := range tr.feats {
		for _, h := range fs {
			counts[h]++
		}
	}
	for f := range spec.Weights {
		h, err := m.FeatureHash(f)
		if err != nil {
			return err
		}
		if f == "bias" {
			continue // scored for every word
		}
		if strings.HasPrefix(f, "i word ") && o.wordMin > 0 {
			for c, w := range spec.Weights[f] {
				if math.Abs(w) < o.wordMin {
					delete(spec.Weights[f], c)
				}
			}
			if len(spec.Weights[f]) == 0 {
				delete(spec.Weights, f)
			}
			continue
		}
		n := counts[h]
		if n < o.minCount {
			delete(spec.Weights, f)
			continue
		}
		for c, w := range spec.Weights[f] {
			if math.Abs(w)*float64(n) < o.minMass {
				delete(spec.Weights[f], c)
			}
		}
		if len(spec.Weights[f]) == 0 {
			delete(spec.Weights, f)
		}
	}
	return nil
}

// traced is a corpus as the full model tags it: for every word it scores,
// the hashes of the features it looks up (the bias apart).
type traced struct {
	feats [][]uint32
}

// traceCorpus tags the .txt files of dir, sentence by sentence as the
// engine's segmenter splits them, with m.
func traceCorpus(m *tag.Model, dir string) (*traced, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no texts in %s to count features on (-corpus; the shared corpus must be at ../shared)", dir)
	}
	slices.Sort(files)
	tr := &traced{}
	var out []tag.Tag
	var feats [][]uint32
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		doc := segment.Split(string(text))
		for _, s := range doc.Sentences {
			words := make([]string, 0, s.Last-s.First)
			for i := s.First; i < s.Last; i++ {
				words = append(words, doc.Word(i))
			}
			out = slices.Grow(out[:0], len(words))[:len(words)]
			feats = slices.Grow(feats[:0], len(words))[:len(words)]
			clear(feats)
			m.TagTrace(words, out, func(i int, h uint32) { feats[i] = append(feats[i], h) })
			for _, fs := range feats {
				if fs != nil {
					tr.feats = append(tr.feats, fs)
				}
			}
		}
	}
	return tr, nil
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
