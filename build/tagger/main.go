// Command tagger converts prose's averaged-perceptron POS model into the
// compact model that internal/tag embeds, so the engine tags like prose
// without linking prose's 7 MB of models. Run from the repository root:
//
//	go run ./build/tagger
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
	"strconv"
	"strings"

	"github.com/andybalholm/brotli"
	prose "github.com/jdkato/prose/v2"
	"github.com/whosaid/whosaid/internal/tag"
)

// options control pruning and quantisation.
type options struct {
	minWeight float64 // drop weights with |w| below this
	minFeat   float64 // drop features whose largest |w| is below this
	scale     int     // weight unit, in thousandths
}

var defaults = options{minFeat: 1, scale: 50}

func main() {
	out := flag.String("o", "internal/tag/model.bin", "output file")
	flag.Float64Var(&defaults.minWeight, "min", defaults.minWeight, "drop weights smaller than this in magnitude")
	flag.Float64Var(&defaults.minFeat, "minfeat", defaults.minFeat, "drop features whose largest weight is smaller than this in magnitude")
	flag.IntVar(&defaults.scale, "scale", defaults.scale, "weight unit in thousandths")
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
	spec := &tag.Spec{Scale: o.scale}
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
	return tag.Encode(spec)
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
