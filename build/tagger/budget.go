package main

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/whosaid/whosaid/internal/tag"
)

// pruneBudget drops weights, the least used first (|w| times the count of
// their feature), tracking the exact score of every class for every word
// of the traced corpus: a weight goes when its loss changes no word's tag
// (first pass), and then (second pass) when the words whose tag moves away
// from the reference tag stay within o.budget (a fraction of the corpus's
// scored words) and none of the moves involves a tag of o.protect (the
// nouns, verbs and pronouns the attribution model and the entity stage
// read). Tags that feed the next words' features may move a few more
// words; build checks the whole corpus after.
func pruneBudget(spec *tag.Spec, tr *traced, hashOf map[string]uint32, counts map[uint32]int, o options) {
	C := len(spec.Classes)
	classIdx := map[string]int{}
	protected := make([]bool, C)
	prot := map[string]bool{}
	for _, p := range strings.Split(o.protect, ",") {
		prot[p] = true
	}
	tagClass := map[tag.Tag]int{}
	for i, c := range spec.Classes {
		classIdx[c] = i
		protected[i] = prot[c]
		tagClass[tag.Parse(c)] = i
	}
	type weight struct {
		feat, label string
		h           uint32
		class       int
		q           int32
		mass        float64
	}
	rows := map[uint32][]weight{}
	var all []weight
	for f, ws := range spec.Weights {
		h := hashOf[f]
		for c, w := range ws {
			x := weight{f, c, h, classIdx[c], int32(math.Round(w * 1000 / float64(o.scale))), math.Abs(w) * float64(counts[h])}
			rows[h] = append(rows[h], x)
			all = append(all, x)
		}
	}
	biasHash := hashOf["bias"]

	// Words with the same features and reference tag are one, counted
	// mult times.
	index := map[string]int32{}
	var mult []int32
	var ref []int
	var feats [][]uint32
	var key []byte
	for t, fs := range tr.feats {
		r := tagClass[tr.ref[t]]
		key = key[:0]
		for _, h := range fs {
			key = append(key, byte(h), byte(h>>8), byte(h>>16), byte(h>>24))
		}
		key = append(key, byte(r))
		if i, ok := index[string(key)]; ok {
			mult[i]++
			continue
		}
		index[string(key)] = int32(len(mult))
		mult = append(mult, 1)
		ref = append(ref, r)
		feats = append(feats, fs)
	}
	N := len(mult)
	scores := make([]int32, N*C)
	seen := make([]uint8, N*C)
	best := make([]int, N)
	second := make([]int32, N) // the best score of the other candidates
	margin0 := make([]int32, N)
	tokens := map[uint32][]int32{}
	var argmax func(t int, skip int) int
	rescore := func(t int) {
		b := argmax(t, -1)
		best[t] = b
		s2 := int32(math.MinInt32)
		if o2 := argmax(t, b); o2 != b && seen[t*C+o2] > 0 {
			s2 = scores[t*C+o2]
		}
		second[t] = s2
	}
	argmax = func(t int, skip int) int {
		s, n := scores[t*C:(t+1)*C], seen[t*C:(t+1)*C]
		b := -1
		for c := range C {
			if n[c] > 0 && c != skip && (b < 0 || s[c] > s[b]) {
				b = c
			}
		}
		return max(b, 0) // no candidate: class 0, as the tagger's predict
	}
	for t, fs := range feats {
		s, n := scores[t*C:(t+1)*C], seen[t*C:(t+1)*C]
		for _, x := range rows[biasHash] {
			s[x.class] += x.q
			n[x.class]++
		}
		for _, h := range fs {
			for _, x := range rows[h] {
				s[x.class] += x.q
				n[x.class]++
			}
			tokens[h] = append(tokens[h], int32(t))
		}
		rescore(t)
		margin0[t] = scores[t*C+best[t]] - second[t]
	}
	wrong := 0
	total := 0
	for t := range N {
		total += int(mult[t])
		if best[t] != ref[t] {
			wrong += int(mult[t])
		}
	}
	limit := int(o.budget * float64(total))

	slices.SortFunc(all, func(a, b weight) int {
		if c := cmp.Compare(a.mass, b.mass); c != 0 {
			return c
		}
		if c := strings.Compare(a.feat, b.feat); c != 0 {
			return c
		}
		return a.class - b.class
	})
	// after returns the word's best class without x.
	after := func(x weight, t int) int {
		b, i := best[t], t*C+x.class
		if x.class == b {
			if seen[i] == 1 {
				return argmax(t, b)
			}
			if x.q <= 0 {
				return b
			}
			scores[i] -= x.q
			nb := argmax(t, -1)
			scores[i] += x.q
			return nb
		}
		if x.q >= 0 {
			return b
		}
		ns := scores[i] - x.q
		if bs := scores[t*C+b]; ns > bs || ns == bs && x.class < b {
			return x.class
		}
		return b
	}
	// lowMargin reports whether losing weight q of class c leaves word t
	// less than o.safety of the margin its tag first won by.
	lowMargin := func(c int, q int32, t int) bool {
		b := best[t]
		sb := scores[t*C+b]
		m := sb - second[t]
		switch {
		case c == b && q > 0:
			m -= q
		case c != b && q < 0:
			m = min(m, sb-(scores[t*C+c]-q))
		default:
			return false
		}
		return float64(m) < o.safety*float64(margin0[t])
	}
	// A word's own feature's strongest weight is its lexical prior: with
	// o.keepWordTop it stays, so a word seen in the corpus keeps leaning to
	// its usual tag in contexts the corpus lacks.
	top := map[uint32]int{}
	if o.keepWordTop {
		for h, ws := range rows {
			b := -1
			for i, x := range ws {
				if strings.HasPrefix(x.feat, "i word ") && x.q > 0 && (b < 0 || x.q > ws[b].q || x.q == ws[b].q && x.class < ws[b].class) {
					b = i
				}
			}
			if b >= 0 {
				top[h] = ws[b].class
			}
		}
	}
	done := make([]bool, len(all))
	// Three passes that change no tag (a pass's losses and gains let some
	// weights go in the next), then one within the budget.
	passes := 3
	if o.budget > 0 {
		passes = 4
	}
	for pass := range passes {
		for wi, x := range all {
			if done[wi] || x.h == biasHash {
				continue
			}
			if c, ok := top[x.h]; ok && c == x.class && strings.HasPrefix(x.feat, "i word ") {
				continue
			}
			ts := tokens[x.h]
			delta, ok := 0, true
			for _, t := range ts {
				nb := after(x, int(t))
				if nb == best[t] {
					if o.safety > 0 && pass < 3 && lowMargin(x.class, x.q, int(t)) {
						ok = false
						break
					}
					continue
				}
				if pass < 3 || (nb != ref[t] && (protected[ref[t]] || protected[nb] || protected[best[t]])) {
					ok = false
					break
				}
				if nb == ref[t] {
					delta -= int(mult[t])
				} else if best[t] == ref[t] {
					delta += int(mult[t])
				}
			}
			if !ok || wrong+delta > limit {
				continue
			}
			wrong += delta
			done[wi] = true
			for _, t := range ts {
				i := int(t)*C + x.class
				scores[i] -= x.q
				seen[i]--
				rescore(int(t))
			}
			delete(spec.Weights[x.feat], x.label)
			if len(spec.Weights[x.feat]) == 0 {
				delete(spec.Weights, x.feat)
			}
		}
	}
	if o.round < 2 {
		return
	}
	// Round the weights left to multiples of o.round units where no word
	// comes near to changing tag (its best must stay strictly best), so
	// the weight column holds fewer distinct values.
	unit := float64(o.scale) / 1000
	R := int32(o.round)
	for wi, x := range all {
		if done[wi] || x.h == biasHash {
			continue
		}
		r := int32(math.Round(float64(x.q)/float64(R))) * R
		d := x.q - r
		if d == 0 || r == 0 {
			continue
		}
		ok := true
		for _, t := range tokens[x.h] {
			b, i := best[t], int(t)*C+x.class
			if x.class == b && d > 0 && scores[i]-d <= second[t] ||
				x.class != b && d < 0 && scores[i]-d >= scores[int(t)*C+b] {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		for _, t := range tokens[x.h] {
			scores[int(t)*C+x.class] -= d
			rescore(int(t))
		}
		spec.Weights[x.feat][x.label] = float64(r) * unit
	}
}
