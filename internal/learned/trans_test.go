package learned

import (
	"testing"
)

// The scores added up ahead (transTables) must be the very
// numbers scoring the features one by one gives, for every token, label
// and position: the labels, and so the engine's output, depend on them.
func TestTransTablesMatchFeatures(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	d, n := prepare(t, "“We will not stop,” the minister told reporters on Monday, adding: “Never.”\n\n"+
		"Critics, who asked not to be named, said the plan was a mistake. It wasn't, \"she\" said.")
	fast := &modelScorer{m: m.cue, tmp: make([]float32, numSpan), tab: m.trans}
	slow := &modelScorer{m: m.cue, tmp: make([]float32, numSpan)}
	var feats []uint64
	for i := range n {
		for _, fl := range [][2]int{{0, n}, {i, n}, {0, i + 1}, {i + 1, n}} {
			for p := range numCue {
				var a, b [numCue]float64
				if p == 0 {
					sq := sentQuote(d, fl[0], fl[1])
					feats = fast.cueEmit(d, i, fl[0], fl[1], sq, feats, a[:])
					feats = slow.cueEmit(d, i, fl[0], fl[1], sq, feats, b[:])
					if a != b {
						t.Fatalf("cue token %d in [%d,%d): %v, one by one %v", i, fl[0], fl[1], a, b)
					}
				}
				var ta, tb [numCue][numCue]float64
				feats = fast.cueTrans(d, i, fl[0], fl[1], 1<<p, feats, &ta)
				feats = slow.cueTrans(d, i, fl[0], fl[1], 1<<p, feats, &tb)
				if a, b = ta[p], tb[p]; a != b {
					t.Fatalf("cue token %d in [%d,%d) after %d: %v, one by one %v", i, fl[0], fl[1], p, a, b)
				}
			}
		}
	}
	fast.m, slow.m = m.span, m.span
	for cs := range n {
		wf, wl := d.window(cs)
		c := d.newSpanCtx(cs, min(cs+2, wl), wf, wl)
		for i := wf; i < wl; i++ {
			for p := range numSpan {
				var a, b [numSpan]float64
				if p == 0 {
					feats = fast.spanEmit(d, c, i, feats, a[:])
					feats = slow.spanEmit(d, c, i, feats, b[:])
					if a != b {
						t.Fatalf("span token %d, cue at %d: %v, one by one %v", i, cs, a, b)
					}
				}
				var ta, tb [numSpan][numSpan]float64
				feats = fast.spanTrans(d, c, i, 1<<p, feats, &ta)
				feats = slow.spanTrans(d, c, i, 1<<p, feats, &tb)
				if a, b = ta[p], tb[p]; a != b {
					t.Fatalf("span token %d, cue at %d, after %d: %v, one by one %v", i, cs, p, a, b)
				}
			}
		}
	}
}
