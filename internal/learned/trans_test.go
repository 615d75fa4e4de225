package learned

import (
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/perceptron"
	"github.com/whosaid/whosaid/internal/text"
)

// oneByOne scores feats as the model's Scores does, feature by feature.
func oneByOne(m *perceptron.Model, feats []uint64, out []float64) {
	tmp := make([]float32, len(out))
	m.Scores(feats, tmp)
	for c := range out {
		out[c] = float64(tmp[c])
	}
}

// The scores added up ahead (transTables) must be the very numbers that
// scoring the features one by one gives, for every token, label and
// position: the labels, and so the engine's output, depend on them.
func TestTransTablesMatchFeatures(t *testing.T) {
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	const s = "“We will not stop,” the minister told reporters on Monday, adding: “Never.”\n\n" +
		"Critics, who asked not to be named, said the plan was a mistake. It wasn't, \"she\" said."
	d, n := prepare(t, s)
	for _, c := range []struct {
		name string
		m    *Model
	}{{"default", def}, {"boundary", boundaryModel(t, d)}} {
		t.Run(c.name, func(t *testing.T) { transTablesMatch(t, c.m, d, n) })
	}
}

// boundaryModel trains a small model with the boundary features on d, whose
// text is the minister's, so that they have weights to add up.
func boundaryModel(t *testing.T, d *Doc) *Model {
	at := func(w string) text.Span {
		i := strings.Index(d.Seg.Text, w)
		if i < 0 {
			t.Fatalf("no %q in the text", w)
		}
		return text.Span{Start: i, End: i + len(w)}
	}
	gold := []Gold{
		{Cue: []text.Span{at("told")}, Source: []text.Span{at("the minister")}, Content: []text.Span{at("We will not stop,")}},
		{Cue: []text.Span{at("adding")}, Source: []text.Span{at("the minister")}, Content: []text.Span{at("Never.")}},
		{Cue: []text.Span{at("said the")}, Source: []text.Span{at("Critics")}, Content: []text.Span{at("the plan was a mistake")}},
	}
	gold[2].Cue[0].End = gold[2].Cue[0].Start + len("said")
	tr := Train([]*Doc{d}, [][]Gold{gold}, TrainOptions{Epochs: 3, Seed: 1, Boundary: true})
	m := tr.Compact(perceptron.Options{Header: []byte(`{"boundary":true}`)})
	if !m.bound {
		t.Fatal("the header's boundary was not read")
	}
	return m
}

func transTablesMatch(t *testing.T, m *Model, d *Doc, n int) {
	sc := &modelScorer{m: m.cue, tmp: make([]float32, numSpan), tab: m.trans}
	var feats []uint64
	for i := range n {
		for _, fl := range [][2]int{{0, n}, {i, n}, {0, i + 1}, {i + 1, n}} {
			f, l := fl[0], fl[1]
			var a, b [numCue]float64
			sq := sentQuote(d, f, l)
			sc.cueEmit(d, i, f, l, sq, feats, a[:])
			oneByOne(m.cue, d.cueFeatures(nil, i, f, l, sq), b[:])
			if a != b {
				t.Fatalf("cue token %d in [%d,%d): %v, one by one %v", i, f, l, a, b)
			}
			var tr, one [numCue][numCue]float64
			sc.cueTrans(d, i, f, l, 1<<numCue-1, feats, &tr)
			for p := range numCue {
				// one label alone takes cueTrans's other path
				sc.cueTrans(d, i, f, l, 1<<p, feats, &one)
				oneByOne(m.cue, d.cueTrans(nil, i, f, l, p), b[:])
				if tr[p] != b || one[p] != b {
					t.Fatalf("cue token %d in [%d,%d) after %d: %v and alone %v, one by one %v", i, f, l, p, tr[p], one[p], b)
				}
			}
		}
	}
	sc.m = m.span
	for cs := range n {
		wf, wl := d.window(cs)
		c := d.newSpanCtx(cs, min(cs+2, wl), wf, wl, m.bound)
		for i := wf; i < wl; i++ {
			var a, b [numSpan]float64
			sc.spanEmit(d, c, i, feats, a[:])
			oneByOne(m.span, d.spanEmit(nil, c, i), b[:])
			if a != b {
				t.Fatalf("span token %d, cue at %d: %v, one by one %v", i, cs, a, b)
			}
			var tr, one [numSpan][numSpan]float64
			sc.spanTrans(d, c, i, 1<<numSpan-1, feats, &tr)
			for p := range numSpan {
				sc.spanTrans(d, c, i, 1<<p, feats, &one)
				oneByOne(m.span, d.spanTrans(nil, c, i, p), b[:])
				if tr[p] != b || one[p] != b {
					t.Fatalf("span token %d, cue at %d, after %d: %v and alone %v, one by one %v", i, cs, p, tr[p], one[p], b)
				}
			}
		}
	}
}
