package engine

import (
	"context"
	"encoding/json"
	"io"
	"testing"
	"time"

	"github.com/whosaid/whosaid/internal/hostile"
)

// hostileSize is the size of every text TestHostileLinear analyses, and
// hostileRatio how many times the ordinary article's time a hostile text
// may take.
const (
	hostileSize  = 100_000
	hostileRatio = 10.0
)

// TestHostileLinear guards against the engine turning quadratic on text
// shaped unlike prose (internal/hostile: endless speech verbs, nested
// relative clauses, thousands of quotations in a paragraph, …): each
// hostile text of 100 KB must run within 10 times the time of an ordinary
// article of the same size, measured side by side in this run, so the
// guard holds on a slow or loaded machine. Times are the fastest of a few
// runs (a slow run is noise, a fast one is not); a case is run again only
// when it looks too slow. `make bench-hostile` measures the same cases at
// 100 KB and 1 MB with peak memory.
func TestHostileLinear(t *testing.T) {
	e := newEngine(t)
	run := func(txt, typ string) time.Duration {
		start := time.Now()
		res, err := e.Extract(context.Background(), Input{Text: txt, Type: typ}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		// the answer is part of the cost: overlapping claims made it
		// quadratic in size
		if err := json.NewEncoder(io.Discard).Encode(res); err != nil {
			t.Fatal(err)
		}
		return time.Since(start)
	}
	ordinary := hostile.Ordinary(hostileSize)
	base := run(ordinary, TypePlain)
	for range 2 {
		base = min(base, run(ordinary, TypePlain))
	}
	t.Logf("ordinary article, %d bytes: %v", len(ordinary), base.Round(time.Millisecond))
	for _, c := range hostile.Cases() {
		txt := c.Gen(hostileSize)
		took := run(txt, c.Type)
		for try := 0; try < 3 && float64(took) > hostileRatio*float64(base); try++ {
			base = min(base, run(ordinary, TypePlain))
			took = min(took, run(txt, c.Type))
		}
		ratio := float64(took) / float64(base)
		t.Logf("%-20s %v (%.1f×)", c.Name, took.Round(time.Millisecond), ratio)
		if ratio > hostileRatio {
			t.Errorf("%s (%d bytes) took %v, %.1f times the ordinary article's %v (at most %.0f×): a stage is no longer linear on it",
				c.Name, len(txt), took, ratio, base, hostileRatio)
		}
	}
}
