// Package score measures attributions against gold annotations exactly as
// ../shared/bench/score.py does, so the trainer and the dev-floor test see
// the scorer's figures without running Python: contents are compared by the
// word characters they cover, gold and predicted attributions are matched
// one to one by Jaccard overlap (largest first), and a matched pair counts
// end to end when its sources overlap (or both have none).
package score

import (
	"sort"
	"unicode"

	"github.com/whosaid/whosaid/internal/brat"
)

// Pred is one predicted attribution, in code point ranges.
type Pred struct {
	Content []brat.Range
	Source  []brat.Range // nil when none
	Cue     []brat.Range // nil when none
}

// Tally accumulates counts over documents.
type Tally struct {
	Gold, Predicted             int
	Overlap, Exact, Source, Cue int // matched pairs, exact content, right source, right cue
	E2E                         int
	DirectGold, DirectFound     int
	tokTP, tokFP, tokFN         int

	// Inexact, when set, is called for every matched pair whose contents
	// differ, for error analysis.
	Inexact func(gold brat.Attribution, pred Pred)
	// WrongSource, when set, is called for every matched pair whose source
	// is wrong.
	WrongSource func(gold brat.Attribution, pred Pred)
}

// PRF is precision, recall and F1.
type PRF struct{ P, R, F1 float64 }

func prf(m, pred, gold int) PRF {
	var p, r float64
	if pred > 0 {
		p = float64(m) / float64(pred)
	}
	if gold > 0 {
		r = float64(m) / float64(gold)
	}
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{p, r, f}
}

// E2EF1 and friends are the scorer's headline figures.
func (t *Tally) E2EPRF() PRF             { return prf(t.E2E, t.Predicted, t.Gold) }
func (t *Tally) OverlapPRF() PRF         { return prf(t.Overlap, t.Predicted, t.Gold) }
func (t *Tally) ExactPRF() PRF           { return prf(t.Exact, t.Predicted, t.Gold) }
func (t *Tally) SourceAccuracy() float64 { return ratio(t.Source, t.Overlap) }
func (t *Tally) CueAccuracy() float64    { return ratio(t.Cue, t.Overlap) }
func (t *Tally) DirectRecall() float64   { return ratio(t.DirectFound, t.DirectGold) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// isWord is Python's \w on str.
func isWord(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) }

type set map[int]struct{}

func chars(text []rune, rs []brat.Range) set {
	s := set{}
	for _, r := range rs {
		for i := max(r.Start, 0); i < min(r.End, len(text)); i++ {
			if isWord(text[i]) {
				s[i] = struct{}{}
			}
		}
	}
	return s
}

// Match pairs gold and predicted contents one to one as score.py does: by
// the Jaccard overlap of their word characters, largest first, ties going
// to the later gold and then the later prediction. It returns the pairs
// (gold index, prediction index) in that order; contents sharing no word
// character are never paired.
func Match(text []rune, gold, preds [][]brat.Range) [][2]int {
	g := make([]set, len(gold))
	for i, rs := range gold {
		g[i] = chars(text, rs)
	}
	p := make([]set, len(preds))
	for j, rs := range preds {
		p[j] = chars(text, rs)
	}
	return matchSets(g, p)
}

// Overlaps reports whether a and b share a word character of text.
func Overlaps(text []rune, a, b []brat.Range) bool { return inter(chars(text, a), chars(text, b)) > 0 }

func matchSets(g, p []set) [][2]int {
	type pair struct {
		jac  float64
		i, j int
	}
	var pairs []pair
	for i := range g {
		for j := range p {
			if ov := inter(g[i], p[j]); ov > 0 {
				pairs = append(pairs, pair{float64(ov) / float64(len(g[i])+len(p[j])-ov), i, j})
			}
		}
	}
	// Python sorts (jac, i, j) tuples in reverse: ties go to the larger i, j.
	sort.Slice(pairs, func(a, b int) bool {
		x, y := pairs[a], pairs[b]
		if x.jac != y.jac {
			return x.jac > y.jac
		}
		if x.i != y.i {
			return x.i > y.i
		}
		return x.j > y.j
	})
	usedG, usedP := map[int]bool{}, map[int]bool{}
	var out [][2]int
	for _, pr := range pairs {
		if usedG[pr.i] || usedP[pr.j] {
			continue
		}
		usedG[pr.i], usedP[pr.j] = true, true
		out = append(out, [2]int{pr.i, pr.j})
	}
	return out
}

func inter(a, b set) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	n := 0
	for k := range a {
		if _, ok := b[k]; ok {
			n++
		}
	}
	return n
}

// Add scores one document.
func (t *Tally) Add(text string, gold []brat.Attribution, preds []Pred) {
	rs := []rune(text)
	t.Gold += len(gold)
	t.Predicted += len(preds)
	g := make([]set, len(gold))
	p := make([]set, len(preds))
	gall, pall := set{}, set{}
	for i, a := range gold {
		g[i] = chars(rs, a.Content)
		for k := range g[i] {
			gall[k] = struct{}{}
		}
	}
	for j, a := range preds {
		p[j] = chars(rs, a.Content)
		for k := range p[j] {
			pall[k] = struct{}{}
		}
	}
	tp := inter(gall, pall)
	t.tokTP += tp
	t.tokFP += len(pall) - tp
	t.tokFN += len(gall) - tp
	usedG := make([]bool, len(gold))
	for _, pr := range matchSets(g, p) {
		usedG[pr[0]] = true
		ga, pa := gold[pr[0]], preds[pr[1]]
		t.Overlap++
		if len(g[pr[0]]) == len(p[pr[1]]) && inter(g[pr[0]], p[pr[1]]) == len(g[pr[0]]) {
			t.Exact++
		} else if t.Inexact != nil {
			t.Inexact(ga, pa)
		}
		var srcOK bool
		if ga.Source == nil {
			srcOK = pa.Source == nil
		} else {
			srcOK = pa.Source != nil && Overlaps(rs, ga.Source, pa.Source)
		}
		if ga.Cue != nil && pa.Cue != nil {
			a, b := ga.Cue[0], pa.Cue[0]
			if max(a.Start, b.Start) < min(a.End, b.End) {
				t.Cue++
			}
		}
		if srcOK {
			t.Source++
			t.E2E++
		} else if t.WrongSource != nil {
			t.WrongSource(ga, pa)
		}
	}
	for i, a := range gold {
		s := a.Content[0].Start
		if s >= 0 && s < len(rs) {
			switch rs[s] {
			case '"', '“', '”', '\'', '‘':
				t.DirectGold++
				if usedG[i] {
					t.DirectFound++
				}
			}
		}
	}
}
