package webtest

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// largeBytes is the size of the article TestLargePaste analyses.
const largeBytes = 5_000_000

// corpusBytes assembles at least n bytes of the PolNeAR train texts, in
// name order, starting over when they run out, cut at a paragraph.
func corpusBytes(t testing.TB, root string, n int) string {
	t.Helper()
	dir := filepath.Join(root, "..", "shared", "polnear", "train", "text")
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no PolNeAR train texts in %s (%v): the tests need ../shared beside the repository", dir, err)
	}
	slices.Sort(names)
	var b strings.Builder
	for b.Len() < n {
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatalf("reading %s: %v", name, err)
			}
			b.WriteString(strings.TrimSpace(string(data)))
			b.WriteString("\n\n")
			if b.Len() >= n {
				break
			}
		}
	}
	return b.String()
}

// largeWatch installs, in the page, what TestLargePaste reads: a timer
// ticking every 20 ms (its longest gap shows how long the main thread was
// blocked) and a log of the progress bar's values and the status line.
const largeWatch = `(() => {
	const w = window.__watch = {ticks: [], bar: [], status: []};
	let last = performance.now();
	w.timer = setInterval(() => { const now = performance.now(); w.ticks.push([now, now - last]); last = now; }, 20);
	const bar = document.getElementById('progress'), st = document.getElementById('status-text');
	new MutationObserver(() => w.bar.push([performance.now(), bar.hidden ? -1 : bar.value, bar.max]))
		.observe(bar, {attributes: true});
	new MutationObserver(() => w.status.push([performance.now(), st.textContent]))
		.observe(st, {childList: true, characterData: true, subtree: true});
	return true;
})()`

// largeState is what the page says about a large analysis in progress.
type largeState struct {
	Status    string  `json:"status"`
	Claims    int     `json:"claims"`
	Cancel    bool    `json:"cancel"` // the cancel button shows
	BarHidden bool    `json:"barHidden"`
	Value     float64 `json:"value"`
}

const largeStateJS = `(() => { const b = document.getElementById('progress');
	return {status: document.getElementById('status-text').textContent,
		claims: document.querySelectorAll('#article .claim').length,
		cancel: !document.getElementById('cancel').hidden,
		barHidden: b.hidden, value: b.value}; })()`

// poll reads the page's state every 100 ms until done says so or the time
// is up; each answer also shows the page still answers DevTools.
func (tb *tab) poll(limit time.Duration, done func(largeState) bool) largeState {
	tb.T.Helper()
	deadline := time.Now().Add(limit)
	var st largeState
	for {
		tb.Await(largeStateJS, &st)
		if done(st) {
			return st
		}
		if time.Now().After(deadline) {
			tb.T.Fatalf("after %v the page still says %+v", limit, st)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestLargePaste: a 5 MB article analysed through the page's controls
// shows advancing progress, leaves the main thread free while the worker
// runs, completes and draws its claims; a second run is cancelled mid-way,
// the page returns to idle and a small analysis still works.
func TestLargePaste(t *testing.T) {
	tb := newTab(t)
	big := corpusBytes(t, tb.env.root, largeBytes)
	tb.Await(`window.__big = `+jsString(big)+`, true`, nil)
	tb.Await(largeWatch, nil)

	start := time.Now()
	tb.Await(`document.getElementById('paste').value = window.__big, document.getElementById('analyse').click(), true`, nil)
	st := tb.poll(150*time.Second, func(s largeState) bool { return !strings.HasPrefix(s.Status, "Analys") })
	took := time.Since(start)
	if !strings.HasPrefix(st.Status, "Done") {
		t.Fatalf("the 5 MB analysis ended with %q", st.Status)
	}
	if st.Claims == 0 {
		t.Error("the 5 MB article drew no claim")
	}
	var w struct {
		Bar    [][3]float64 `json:"bar"`
		Ticks  [][2]float64 `json:"ticks"`
		Status [][2]any     `json:"status"`
	}
	tb.Await(`clearInterval(window.__watch.timer), JSON.parse(JSON.stringify(window.__watch))`, &w)
	// The analysis phase is from the click to the last progress value
	// short of the end; drawing comes after the worker's answer.
	values, analysing, lastProgress := progressValues(w.Bar)
	if len(values) < 2 {
		t.Errorf("the progress bar took %d distinct values short of the end during the analysis (%v), want at least 2", len(values), values)
	}
	// Ticks between the first and the last progress value: the engine is
	// working in the worker (setting the textarea's 5 MB before it, and
	// parsing and drawing after it, run on the main thread).
	maxGap, total, n := 0.0, 0.0, 0
	for _, tk := range w.Ticks {
		if tk[0] > analysing && tk[0] <= lastProgress {
			n++
			maxGap = max(maxGap, tk[1])
		}
		total = max(total, tk[1])
	}
	t.Logf("5 MB (%d bytes): done in %v, %d claims drawn; progress values %v; %d timer ticks in the %.0f ms the engine worked, longest main-thread gap then %.0f ms; longest gap overall %.0f ms (paste, parse and drawing)",
		len(big), took.Round(time.Millisecond), st.Claims, values, n, lastProgress-analysing, maxGap, total)
	if n < 5 {
		t.Errorf("the main thread's timer ticked %d times while the engine worked: the page is not responsive", n)
	}
	// The machine is shared: allow a loaded scheduler, not a blocked thread.
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
	res := tb.analyze(`"It still works", the mayor said.`, "text/plain")
	if len(res.Claims) == 0 {
		t.Error("no claim after the cancelled run")
	}
	problems, dialogs := tb.TakeProblems()
	for _, p := range append(problems, dialogs...) {
		t.Errorf("page problem: %s", p)
	}
}

// progressValues reads the progress bar's watch (time, value, max per
// sample): the distinct values short of the end, and the times of the
// first and the last of them.
func progressValues(bar [][3]float64) (values []float64, first, last float64) {
	for _, b := range bar {
		if b[1] > 0 && b[1] < b[2] && !slices.Contains(values, b[1]) {
			values = append(values, b[1])
			last = b[0]
			if first == 0 {
				first = b[0]
			}
		}
	}
	return values, first, last
}
