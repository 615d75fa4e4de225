package learned

import (
	"testing"

	"github.com/whosaid/whosaid/internal/perceptron"
)

// The word features hash several templates in one pass over a word
// (perceptron.Lower5); every model file holds hashes made one template
// at a time, so these must be the very same numbers. The references
// below are the features written one template at a time.
func TestWordHashesOneAtATime(t *testing.T) {
	const s = "“We will not stop,” the Minister told REPORTERS on Monday, adding: “Never.”\n\n" +
		"Critics, who asked not to be named, said the plan was a mistake. It wasn't, \"she\" said."
	d, n := prepare(t, s)
	in := perceptron.Int
	for i := range n {
		for _, fl := range [][2]int{{0, n}, {i, n}, {0, i + 1}, {i + 1, n}} {
			f, l := fl[0], fl[1]
			tk := d.cueTok(i, f, l, sentQuote(d, f, l))
			got := d.cueEmitLookup(i, f, l, &tk)
			w, stm := tk.w, tk.stm
			prev, next := d.word(i-1, f, l), d.word(i+1, f, l)
			want := map[int]uint64{
				0: lower(h(2), w), 4: lower(h(7), prev), 5: lower(h(8), next),
				6: lower(lower(h(9), w), next), 7: lower(lower(h(10), prev), w),
				8: in(lower(h(18), w), tk.t), 11: lower(h(23), stm),
				13: in(lower(h(25), w), d.tag(i+1, f, l)),
				15: in(lower(h(28), stm), tk.ql), 16: in(lower(h(29), stm), tk.qr),
				17: in(lower(h(63), stm), d.tag(i-1, f, l)), 18: lower(lower(h(64), stm), next),
			}
			for k, v := range want {
				if got[k] != v {
					t.Fatalf("cue feature %d of token %d in [%d,%d) = %#x, one at a time %#x", k, i, f, l, got[k], v)
				}
			}
		}
		w := d.word(i, 0, n)
		cw, sw := cueTransWords(w), spanTransWords(w)
		for p := range numCue {
			if cw[p] != cueTransWord(uint64(p), w) {
				t.Fatalf("cueTransWords(%q)[%d] differs", w, p)
			}
		}
		for p := range numSpan {
			if sw[p] != spanTransWord(uint64(p), w) {
				t.Fatalf("spanTransWords(%q)[%d] differs", w, p)
			}
		}
	}
	for cs := range n {
		wf, wl := d.window(cs)
		c := d.newSpanCtx(cs, min(cs+2, wl), wf, wl, true)
		for rel := range uint64(numRel) {
			k := spanEmitCue(c, rel, 0)
			far := c.spanEmitFar(rel)
			if k[0] != in(lower(h(41), c.head), rel) ||
				far[0] != in(in(lower(h(73), c.head), rel), farGap) {
				t.Fatalf("cue at %d: the head's features differ", cs)
			}
		}
		for i := wf; i < wl; i++ {
			tk := d.spanTok(c, i)
			rel, w, prev := tk.rel, tk.w, d.word(i-1, wf, wl)
			got := d.spanEmitLookup(c, i, &tk)
			want := map[int]uint64{
				0: lower(in(h(33), rel), w),
				1: in(in(lower(h(42), c.head), rel), tk.t),
				4: lower(in(h(45), rel), prev),
				7: lower(lower(in(h(66), rel), prev), w),
			}
			for k, v := range want {
				if got[k] != v {
					t.Fatalf("span feature %d of token %d, cue at %d = %#x, one at a time %#x", k, i, cs, got[k], v)
				}
			}
			b := d.spanEmitBound(c, i, &tk)
			if b[1] != lower(in(in(h(72), rel), tk.gap), w) ||
				b[2] != lower(lower(in(h(77), rel), w), d.word(i+1, wf, wl)) {
				t.Fatalf("boundary features of token %d, cue at %d differ", i, cs)
			}
			nr := d.spanEmitNear(c, i, rel, tk.gap)
			if nr[0] != in(in(lower(h(73), c.head), rel), tk.gap) {
				t.Fatalf("near feature of token %d, cue at %d differs", i, cs)
			}
		}
	}
}
