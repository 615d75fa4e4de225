package engine

import (
	"github.com/whosaid/whosaid/internal/brat"
	"github.com/whosaid/whosaid/internal/score"
)

// predsOf turns a Result into the scorer's predictions (internal/score
// measures exactly as ../shared/bench/score.py does).
func predsOf(res *Result) []score.Pred {
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
