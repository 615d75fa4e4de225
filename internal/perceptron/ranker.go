package perceptron

import (
	"fmt"
	"math"

	"github.com/whosaid/whosaid/internal/minijson"
)

// Ranker is a one-class model that picks one of several places by their
// features, where any place but the first (the one things stand at) must
// outscore the first by a margin, which the model's header records
// ("margin", chosen when it was trained). internal/edges and
// internal/sources rank with it.
type Ranker struct {
	m      *Model
	margin float32
}

// LoadRanker reads a ranker written by MarshalBinary. An empty file is
// the ranker that always keeps the first place.
func LoadRanker(b []byte) (*Ranker, error) {
	if len(b) == 0 {
		return &Ranker{}, nil
	}
	m, err := Load(b)
	if err != nil {
		return nil, err
	}
	return NewRanker(m)
}

// NewRanker makes a ranker of a trained one-class model.
func NewRanker(m *Model) (*Ranker, error) {
	if m.Classes() != 1 {
		return nil, fmt.Errorf("%d classes, want 1", m.Classes())
	}
	return &Ranker{m: m, margin: headerMargin(m.Header())}, nil
}

// headerMargin is the margin a model's header records, 0 when none.
func headerMargin(header []byte) float32 {
	// minijson, not encoding/json, keeps the latter out of the page's wasm.
	v, err := minijson.Parse(header)
	h, _ := v.(map[string]any)
	m, ok := h["margin"].(float64)
	if err != nil || !ok || math.IsInf(m, 0) || math.IsNaN(m) || m < 0 || m > 1e6 {
		return 0
	}
	return float32(m)
}

// Trained reports whether the ranker has a model (LoadRanker of an empty
// file has none).
func (r *Ranker) Trained() bool { return r != nil && r.m != nil }

// Margin is the margin the model's header records.
func (r *Ranker) Margin() float32 {
	if r == nil {
		return 0
	}
	return r.margin
}

// MarshalBinary writes the ranker's model; an untrained ranker writes
// nothing.
func (r *Ranker) MarshalBinary() ([]byte, error) {
	if !r.Trained() {
		return nil, nil
	}
	return r.m.MarshalBinary()
}

// Pick is the index of the place the model picks among n, whose features
// feats gives, when a place other than the first must outscore it by
// margin; ties go to the earlier place.
func (r *Ranker) Pick(n int, margin float32, feats func(i int) []uint64) int {
	if !r.Trained() {
		return 0
	}
	bi, bs := 0, float32(0)
	var out [1]float32
	for i := 0; i < n; i++ {
		r.m.Scores(feats(i), out[:])
		if i > 0 {
			out[0] -= margin
		}
		if i == 0 || out[0] > bs {
			bi, bs = i, out[0]
		}
	}
	return bi
}
