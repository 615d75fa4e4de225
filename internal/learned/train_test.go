package learned

import (
	"testing"

	"github.com/whosaid/whosaid/internal/perceptron"
)

// Cost-augmented training (TrainOptions.CueCost) adds its cost to every
// label but gold's; with untrained weights the scores are the costs alone.
func TestCostScorer(t *testing.T) {
	d, n := prepare(t, "Critics said the plan was a mistake.")
	cueGold := make([]int, n)
	cueGold[1] = cueB // "said"
	for _, c := range []struct {
		name string
		cost float64
		tok  int
		want [numCue]float64
	}{
		{"outside", 5, 0, [numCue]float64{cueO: 0, cueB: 5, cueI: 5}},
		{"cue", 5, 1, [numCue]float64{cueO: 5, cueB: 0, cueI: 5}},
		{"no cost", 0, 1, [numCue]float64{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			sc := costScorer{trainerScorer: trainerScorer{perceptron.NewTrainer(numCue)}, cue: cueGold, cueCost: c.cost}
			var got [numCue]float64
			sc.cueEmit(d, c.tok, 0, n, sentQuote(d, 0, n), nil, got[:])
			if got != c.want {
				t.Errorf("token %d: %v, want %v", c.tok, got, c.want)
			}
		})
	}
	wf, wl := d.window(1)
	ctx := d.newSpanCtx(1, 2, wf, wl, false)
	spanGold := make([]int, wl-wf)
	spanGold[0-wf] = spBS // "Critics"
	sc := costScorer{trainerScorer: trainerScorer{perceptron.NewTrainer(numSpan)}, span: spanGold, spanCost: 3}
	var got [numSpan]float64
	sc.spanEmit(d, ctx, 0, nil, got[:])
	for l, v := range got {
		if want := map[bool]float64{true: 0, false: 3}[l == spBS]; v != want {
			t.Errorf("span label %d: %v, want %v", l, v, want)
		}
	}
}
