package main

import (
	"flag"
	"maps"
	"testing"

	"github.com/whosaid/whosaid/build/internal/heldout"
	"github.com/whosaid/whosaid/internal/attrib"
	"github.com/whosaid/whosaid/internal/edges"
	"github.com/whosaid/whosaid/internal/engine"
)

func set(ts ...int) map[int]bool {
	s := map[int]bool{}
	for _, t := range ts {
		s[t] = true
	}
	return s
}

// TestMoveTo: the words a claim holds once its edges move, which decide
// whether a move made it exact.
func TestMoveTo(t *testing.T) {
	// words 0..9; the claim holds 3..6 (one part), its places 1..8
	c := claimEx{
		start: edges.Edge{Places: []int{3, 1, 2, 4, 5}},
		end:   edges.Edge{End: true, Places: []int{6, 4, 5, 7, 8}},
		pred:  set(3, 4, 5, 6),
		words: []int{1, 2, 3, 4, 5, 6, 7, 8},
	}
	for _, tc := range []struct {
		name string
		f, l int
		want map[int]bool
	}{
		{"stays", 3, 6, set(3, 4, 5, 6)},
		{"grows both ways", 1, 8, set(1, 2, 3, 4, 5, 6, 7, 8)},
		{"shrinks both ways", 4, 5, set(4, 5)},
		{"start later, end later", 5, 7, set(5, 6, 7)},
	} {
		if got := moveTo(c, tc.f, tc.l); !maps.Equal(got, tc.want) {
			t.Errorf("%s: moveTo(%d, %d) = %v, want %v", tc.name, tc.f, tc.l, got, tc.want)
		}
	}
}

// TestExamples: an edge whose gold place is among its places teaches the
// ranker; one whose gold place is out of reach does not.
func TestExamples(t *testing.T) {
	c := claimEx{
		start: edges.Edge{Places: []int{3, 1, 2}},
		end:   edges.Edge{End: true, Places: []int{6, 7}},
		gold:  [2]int{2, 9},
	}
	ex := examples([]claimEx{c})
	if len(ex) != 1 || ex[0].Edge.End || ex[0].Gold != 2 {
		t.Fatalf("examples = %+v, want the start alone with gold index 2", ex)
	}
}

var update = flag.Bool("update", false, "rewrite testdata/claims.txt")

// TestClaimsLearntFrom guards the shipped edge model against drift: it
// learns from the claims the engine makes before the edges move, and
// when those change (a rule, the tagger, the attribution model) make
// train makes another model than the repository holds.
func TestClaimsLearntFrom(t *testing.T) {
	err := heldout.CheckClaims(*update, func(record func([]attrib.Attribution)) engine.Options {
		return engine.Options{NoEdges: true, EdgeTrace: func(_ *edges.Doc, atts []attrib.Attribution) { record(atts) }}
	})
	if err != nil {
		t.Fatalf("%v\nThe claims the edge model learns from have changed: retrain the edge, source and check-worthiness models as make train does (make train-edges train-sources train-checkworthy), then go test ./build/trainedges ./build/trainsources -update", err)
	}
}
