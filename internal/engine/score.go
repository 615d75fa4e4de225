// The page's wasm never scores: the build tag keeps internal/score out of
// it (1.1 KB of brotli, as code moves), as esbuild's serve_other.go keeps a
// native-only path out of its wasm. The tests that score, like build/cv,
// run natively.

//go:build !js

package engine

import (
	"github.com/whosaid/whosaid/internal/brat"
	"github.com/whosaid/whosaid/internal/score"
)

// ScorePreds turns a Result into the scorer's predictions (internal/score
// measures exactly as ../shared/bench/score.py does): the dev-floor tests
// and build/cv measure the engine with it.
func ScorePreds(res *Result) []score.Pred {
	var out []score.Pred
	for _, c := range res.Claims {
		at := c.Attribution
		if at == nil {
			continue
		}
		p := score.Pred{Content: []brat.Range{{Start: c.Start, End: c.End}}}
		if len(c.Parts) > 0 {
			p.Content = p.Content[:0]
			for _, r := range c.Parts {
				p.Content = append(p.Content, brat.Range{Start: r.Start, End: r.End})
			}
		}
		if at.Source != nil {
			p.Source = []brat.Range{{Start: at.Source.Start, End: at.Source.End}}
		}
		if at.Cue != nil {
			p.Cue = []brat.Range{{Start: at.Cue.Start, End: at.Cue.End}}
		}
		out = append(out, p)
	}
	return out
}
