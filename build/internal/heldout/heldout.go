// Package heldout runs the engine over PolNeAR train the way the models
// that learn from its claims need it (build/trainedges,
// build/trainsources): each article with the attribution model trained
// without it, so that the claims show the mistakes the engine makes on
// text its model never saw.
package heldout

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/whosaid/whosaid/internal/brat"
	"github.com/whosaid/whosaid/internal/corpus"
	"github.com/whosaid/whosaid/internal/engine"
	"github.com/whosaid/whosaid/internal/learned"
	"github.com/whosaid/whosaid/internal/text"
)

// Folds is how many thirds train is cut into: article i belongs to fold
// i modulo Folds, as build/train -fold K/3 cuts it.
const Folds = 3

// Article is one annotated article, read.
type Article struct {
	Path string
	Fold int // the fold it belongs to: the one whose models did not see it
	Raw  string
	Text *text.Doc
	Gold []brat.Attribution
}

// Run calls fn for every annotated article of the corpus at data with the
// engine and the fold model that did not see it (dir/fK.bin), on every
// core, and returns what fn returned grouped by fold, each fold in the
// corpus's order (so the result does not depend on scheduling).
func Run[T any](data, dir string, fn func(eng *engine.Engine, m *learned.Model, a Article) ([]T, error)) ([Folds][]T, error) {
	var byFold [Folds][]T
	if dir == "" {
		return byFold, fmt.Errorf("-folds is required")
	}
	c, err := corpus.Open(data)
	if err != nil {
		return byFold, fmt.Errorf("%w (is ../shared/ beside the project?)", err)
	}
	eng, err := engine.New()
	if err != nil {
		return byFold, err
	}
	var models [Folds]*learned.Model
	for k := range models {
		if models[k], err = Load(dir, "f", k, learned.Load, "make train-edges"); err != nil {
			return byFold, err
		}
	}
	per := make([][]T, len(c.Docs))
	errs := make([]error, len(c.Docs))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				per[i], errs[i] = article(eng, models[i%Folds], i%Folds, c.Docs[i], fn)
			}
		}()
	}
	for i, d := range c.Docs {
		if d.Ann != "" {
			next <- i
		}
	}
	close(next)
	wg.Wait()
	for i := range c.Docs {
		if errs[i] != nil {
			return byFold, errs[i]
		}
		byFold[i%Folds] = append(byFold[i%Folds], per[i]...)
	}
	return byFold, nil
}

func article[T any](eng *engine.Engine, m *learned.Model, fold int, d corpus.Doc, fn func(*engine.Engine, *learned.Model, Article) ([]T, error)) ([]T, error) {
	raw, err := d.Read()
	if err != nil {
		return nil, err
	}
	gold, err := d.ReadGold()
	if err != nil {
		return nil, err
	}
	td, err := text.New(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", d.Path, err)
	}
	out, err := fn(eng, m, Article{Path: d.Path, Fold: fold, Raw: raw, Text: td, Gold: gold})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", d.Path, err)
	}
	return out, nil
}

// Load reads fold k's model DIR/PREFIXk.bin with the model's loader; a
// missing file's error names the make target (maker) that writes it.
func Load[M any](dir, prefix string, k int, loader func([]byte) (*M, error), maker string) (*M, error) {
	p := filepath.Join(dir, fmt.Sprintf("%s%d.bin", prefix, k))
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, fmt.Errorf("%w (%s writes it)", err, maker)
	}
	m, err := loader(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	return m, nil
}
