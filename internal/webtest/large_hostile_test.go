package webtest

import (
	"strings"
	"testing"
	"time"

	"github.com/whosaid/whosaid/internal/hostile"
)

// hostileBytes is the size of the hostile text TestLargePasteHostile pastes.
const hostileBytes = 1_000_000

// TestLargePasteHostile is TestLargePaste's companion on text shaped to
// make a careless engine quadratic ("he said that " a megabyte long, one
// paragraph, no full stop; internal/hostile): the analysis shows advancing
// progress, leaves the main thread free, completes, and a second run is
// cancelled mid-way with the page back to idle and still working.
func TestLargePasteHostile(t *testing.T) {
	tb := newTab(t)
	c, ok := hostile.Find("said-that")
	if !ok {
		t.Fatal("no hostile case said-that")
	}
	txt := c.Gen(hostileBytes)
	tb.Await(`window.__hostile = `+jsString(txt)+`, true`, nil)
	tb.Await(largeWatch, nil)

	start := time.Now()
	tb.Await(`document.getElementById('paste').value = window.__hostile, document.getElementById('analyse').click(), true`, nil)
	st := tb.poll(120*time.Second, func(s largeState) bool { return !strings.HasPrefix(s.Status, "Analys") })
	took := time.Since(start)
	if !strings.HasPrefix(st.Status, "Done") {
		t.Fatalf("the hostile 1 MB analysis ended with %q", st.Status)
	}
	var w struct {
		Bar   [][3]float64 `json:"bar"`
		Ticks [][2]float64 `json:"ticks"`
	}
	tb.Await(`clearInterval(window.__watch.timer), JSON.parse(JSON.stringify(window.__watch))`, &w)
	values, first, last := progressValues(w.Bar)
	if len(values) < 2 {
		t.Errorf("the progress bar took %d distinct values short of the end (%v), want at least 2", len(values), values)
	}
	maxGap, n := 0.0, 0
	for _, tk := range w.Ticks {
		if tk[0] > first && tk[0] <= last {
			n++
			maxGap = max(maxGap, tk[1])
		}
	}
	t.Logf("hostile 1 MB (%d bytes): done in %v, %d claims drawn; progress values %v; %d timer ticks while the engine worked, longest main-thread gap then %.0f ms",
		len(txt), took.Round(time.Millisecond), st.Claims, values, n, maxGap)
	if n < 5 {
		t.Errorf("the main thread's timer ticked %d times while the engine worked: the page is not responsive", n)
	}
	if maxGap > 1000 {
		t.Errorf("the main thread was blocked %.0f ms while the engine worked", maxGap)
	}

	// A second run, cancelled once the bar moves.
	tb.Await(`document.getElementById('analyse').click(), true`, nil)
	tb.poll(60*time.Second, func(s largeState) bool { return s.Value > 0 && strings.HasPrefix(s.Status, "Analysing:") })
	tb.Await(`document.getElementById('cancel').click(), true`, nil)
	st = tb.poll(10*time.Second, func(s largeState) bool { return !strings.HasPrefix(s.Status, "Analys") })
	if !strings.HasPrefix(st.Status, "Cancelled") || st.Cancel || !st.BarHidden {
		t.Errorf("after cancel the page shows %+v, want Cancelled with no cancel button and no bar", st)
	}
	if res := tb.analyze(`"It still works", the mayor said.`, "text/plain"); len(res.Claims) == 0 {
		t.Error("no claim after the cancelled run")
	}
	problems, dialogs := tb.TakeProblems()
	for _, p := range append(problems, dialogs...) {
		t.Errorf("page problem: %s", p)
	}
}
