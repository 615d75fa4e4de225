package webtest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/whosaid/whosaid/internal/browsertest"
	"github.com/whosaid/whosaid/internal/site"
)

// benchRuns is how many runs each figure of `make bench-web` is the median of.
const benchRuns = 10

// benchWarmup is how long whosaid and compromise run in turns on a text
// before their runs are timed (at least once each).
const benchWarmup = 4 * time.Second

// BenchmarkWeb is `make bench-web`: the page's figures against the goals,
// each the median of benchRuns runs in headless chromium, printed as a
// table and written to .cache/bench-web.json:
//
//	go test ./internal/webtest -run '^$' -bench '^BenchmarkWeb$' -benchtime 1x -timeout 30m
//
// ready: navigation to whosaid.ready resolving, measured in the page
// (performance.now() when the promise settles, since navigation start),
// cold (browser HTTP cache cleared before each visit) and warm (the page's
// files cached). hello_ready: the same for the site built with a Go
// program that only sets whosaidEngine and waits (testdata/hello) in place
// of the engine, served the same way, its visits taking turns with the
// page's: Go's floor, and ready_*_over_hello the ratio to it. parts: where a cold start goes, the worker's steps redone
// on the main thread of a blank same-origin page: fetch of the wasm,
// WebAssembly.compile, instantiate, go.run until the engine's exports
// exist, and the engine's extract called directly (no worker, no JSON
// parse). extract: whosaid.extract in the page (worker round trip and
// JSON.parse included) on the seed, 10,000 and 100,000 words of PolNeAR
// train texts, and compromise's nlp(text).quotations() on the same texts
// in the same page, after warm-up runs in turns for benchWarmup (at least
// one; their number is in texts[].warmup_runs), not counted; the ratios
// compromise_over_whosaid_* divide the medians.
func BenchmarkWeb(b *testing.B) {
	e := mustEnv(b)
	seed := seedText(b)
	w10k, w100k := corpusWords(b, e.root, 10_000), corpusWords(b, e.root, 100_000)
	nlp := compromiseSource(b, e.root)
	for b.Loop() {
		rep := benchReport{
			Runs:    benchRuns,
			Server:  "internal/site.New(dist) (the handler of `whosaid serve`) on 127.0.0.1, dist built by go run ./build",
			Browser: chromiumVersion(b, e),
			Started: time.Now().UTC().Format(time.RFC3339),
			Stats:   map[string]stats{},
		}
		hello := helloSite(b, e)
		rep.Hello = hello.about
		page := readySite{url: e.srv.URL, reqs: e.reqs}
		for _, cold := range []bool{true, false} {
			name := map[bool]string{true: "cold", false: "warm"}[cold]
			st := measureReady(b, e, cold, page, hello.readySite)
			rep.Stats["ready_"+name+"_ms"] = st[0]
			rep.Stats["hello_ready_"+name+"_ms"] = st[1]
		}
		for k, v := range measureParts(b, e, map[string]string{"seed": seed, "10k": w10k, "100k": w100k}) {
			rep.Stats[k] = v
		}
		tb := newTab(b)
		tb.Await(nlp+"\n;typeof nlp === 'function'", nil)
		for _, c := range []struct{ name, text string }{{"seed", seed}, {"10k", w10k}, {"100k", w100k}} {
			ws, cs, info := measureExtract(tb, c.text)
			rep.Stats["extract_"+c.name+"_ms"] = ws
			rep.Stats["compromise_"+c.name+"_ms"] = cs
			rep.Texts = append(rep.Texts, textInfo{Name: c.name, Words: len(strings.Fields(c.text)), Bytes: len(c.text), Claims: info.Claims, Quotes: info.Quotes, Warmup: info.Warmup})
		}
		rep.print(os.Stdout)
		out := filepath.Join(e.root, ".cache", "bench-web.json")
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			b.Fatal(err)
		}
		j, err := json.MarshalIndent(rep, "", "  ")
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(out, append(j, '\n'), 0o644); err != nil {
			b.Fatal(err)
		}
		fmt.Printf("written: %s\n", out)
	}
}

type stats struct {
	Median float64   `json:"median"`
	Min    float64   `json:"min"`
	Max    float64   `json:"max"`
	Runs   []float64 `json:"runs"`
}

func newStats(runs []float64) stats {
	s := slices.Clone(runs)
	slices.Sort(s)
	n := len(s)
	med := s[n/2]
	if n%2 == 0 {
		med = (s[n/2-1] + s[n/2]) / 2
	}
	return stats{Median: med, Min: s[0], Max: s[n-1], Runs: runs}
}

type textInfo struct {
	Name   string `json:"name"`
	Words  int    `json:"words"`
	Bytes  int    `json:"bytes"`
	Claims int    `json:"claims"`
	Quotes int    `json:"compromise_quotations"`
	Warmup int    `json:"warmup_runs"`
}

type benchReport struct {
	Runs    int              `json:"runs"`
	Server  string           `json:"server"`
	Browser string           `json:"browser"`
	Started string           `json:"started"`
	Texts   []textInfo       `json:"texts"`
	Hello   string           `json:"hello"`
	Stats   map[string]stats `json:"stats_ms"`
	Ratios  map[string]float64
}

// print writes the table, the goals and the ratios.
func (r *benchReport) print(w io.Writer) {
	goals := map[string]string{
		"ready_cold_ms":       "<= 300",
		"ready_warm_ms":       "<= 300",
		"extract_seed_ms":     "<= 10",
		"extract_10k_ms":      "<= 100",
		"extract_100k_ms":     "<= 11 x 10k",
		"hello_ready_cold_ms": "Go's floor",
		"hello_ready_warm_ms": "Go's floor",
		"parts_fetch_ms":      "",
		"parts_compile_ms":    "",
	}
	fmt.Fprintf(w, "bench-web: %d runs each, %s, %s\n", r.Runs, r.Browser, r.Server)
	fmt.Fprintf(w, "  hello: %s\n", r.Hello)
	for _, t := range r.Texts {
		fmt.Fprintf(w, "  text %-5s %7d words %8d bytes: %d claims (whosaid), %d quotations (compromise), %d warm-up runs each\n", t.Name, t.Words, t.Bytes, t.Claims, t.Quotes, t.Warmup)
	}
	keys := make([]string, 0, len(r.Stats))
	for k := range r.Stats {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	fmt.Fprintf(w, "%-32s %10s %10s %10s  %s\n", "figure (ms)", "median", "min", "max", "goal")
	for _, k := range keys {
		s := r.Stats[k]
		fmt.Fprintf(w, "%-32s %10.1f %10.1f %10.1f  %s\n", k, s.Median, s.Min, s.Max, goals[k])
	}
	r.Ratios = map[string]float64{}
	med := func(k string) float64 { return r.Stats[k].Median }
	if med("extract_10k_ms") > 0 {
		r.Ratios["extract_100k_over_10k"] = med("extract_100k_ms") / med("extract_10k_ms")
	}
	for _, n := range []string{"seed", "10k", "100k"} {
		if c := med("compromise_" + n + "_ms"); c > 0 {
			r.Ratios["whosaid_over_compromise_"+n] = med("extract_"+n+"_ms") / c
		}
		if w := med("extract_" + n + "_ms"); w > 0 {
			r.Ratios["compromise_over_whosaid_"+n] = med("compromise_"+n+"_ms") / w
		}
	}
	for _, n := range []string{"cold", "warm"} {
		if h := med("hello_ready_" + n + "_ms"); h > 0 {
			r.Ratios["ready_"+n+"_over_hello"] = med("ready_"+n+"_ms") / h
		}
	}
	rk := make([]string, 0, len(r.Ratios))
	for k := range r.Ratios {
		rk = append(rk, k)
	}
	slices.Sort(rk)
	for _, k := range rk {
		goal := map[string]string{
			"extract_100k_over_10k":        "<= 11",
			"ready_cold_over_hello":        "<= 1.3",
			"ready_warm_over_hello":        "<= 1.3",
			"compromise_over_whosaid_seed": ">= 2",
			"compromise_over_whosaid_10k":  ">= 3",
		}[k]
		fmt.Fprintf(w, "%-32s %10.2f  %s\n", "ratio "+k, r.Ratios[k], goal)
	}
}

// corpusWords assembles the first n words (whitespace-separated) of the
// PolNeAR train texts, in name order, paragraphs kept.
func corpusWords(t testing.TB, root string, n int) string {
	t.Helper()
	dir := filepath.Join(root, "..", "shared", "polnear", "train", "text")
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no PolNeAR train texts in %s (%v): the benchmarks need ../shared beside the repository", dir, err)
	}
	slices.Sort(names)
	var b strings.Builder
	words := 0
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatalf("reading %s: %v", name, err)
		}
		s := strings.TrimSpace(string(data))
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		// Cut after the word that makes n.
		in := false
		for i, r := range s {
			sp := r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\v' || r == '\f' || r == 0x85 || r == 0xA0 || r == 0x1680 || (r >= 0x2000 && r <= 0x200a) || r == 0x2028 || r == 0x2029 || r == 0x202f || r == 0x205f || r == 0x3000
			if !sp && !in {
				words++
			}
			if sp && in && words == n {
				b.WriteString(s[:i])
				return b.String()
			}
			in = !sp
		}
		b.WriteString(s)
		if words >= n {
			return b.String()
		}
	}
	t.Fatalf("the PolNeAR train texts in %s hold only %d words, fewer than %d", dir, words, n)
	return ""
}

// compromiseSource reads compromise's self-contained browser build (UMD:
// it sets globalThis.nlp), installed by npm ci at the repository root.
func compromiseSource(t testing.TB, root string) string {
	t.Helper()
	p := filepath.Join(root, "node_modules", "compromise", "builds", "compromise.js")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("compromise is missing (%v): run npm ci at the repository root (package.json pins compromise 14.17.0)", err)
	}
	return string(b)
}

func chromiumVersion(t testing.TB, e *env) string {
	t.Helper()
	var ua string
	if err := chromedp.Run(e.browser, chromedp.Evaluate(`navigator.userAgent`, &ua)); err != nil {
		return "chromium (version unknown)"
	}
	if i := strings.Index(ua, "Chrome/"); i >= 0 {
		return "headless " + strings.Fields(ua[i:])[0]
	}
	return ua
}

// readyHook runs before the page's scripts: it catches the assignment of
// window.whosaid and records performance.now() (ms since navigation start)
// the moment whosaid.ready settles.
const readyHook = `(() => {
	let v;
	let settle;
	window.__readyAt = new Promise((r) => { settle = r; });
	Object.defineProperty(window, 'whosaid', {
		configurable: true,
		get() { return v; },
		set(x) { v = x; x.ready.then(() => settle(performance.now()), (e) => settle(-1)); },
	});
})();`

// readySite is a built site served on loopback, with its request log.
type readySite struct {
	url  string
	reqs *browsertest.RequestLog
}

// helloServer is the hello site (see helloSite) and what it is.
type helloServer struct {
	readySite
	about string
}

// helloPkg is Go's floor for the time to ready: a Go program that only
// sets whosaidEngine and waits.
const helloPkg = "./internal/webtest/testdata/hello"

// helloSite builds the site with helloPkg in place of the engine (the
// same go run ./build, so the same page, worker, wasm_exec.js, flags and
// compression) and serves it with the same handler on another loopback
// port, so that its cache entries never mix with the page's.
func helloSite(b *testing.B, e *env) helloServer {
	b.Helper()
	dir := b.TempDir()
	if err := browsertest.Run(e.root, 5*time.Minute, "go", "run", "./build", "-pkg", helloPkg, "-worker", "", "-out", dir); err != nil {
		b.Fatalf("building the hello site: %v", err)
	}
	h, err := site.New(dir)
	if err != nil {
		b.Fatal(err)
	}
	reqs := &browsertest.RequestLog{}
	srv := httptest.NewServer(reqs.Wrap(h))
	b.Cleanup(srv.Close)
	about := helloPkg + " as the engine"
	if fi, err := os.Stat(filepath.Join(dir, builtFile(b, &env{dist: dir}, "engine.", ".wasm"))); err == nil {
		about += fmt.Sprintf(" (%d bytes of wasm)", fi.Size())
	}
	return helloServer{readySite{srv.URL, reqs}, about}
}

// measureReady opens each site benchRuns times in fresh tabs, taking turns
// (so that both see the same load on the machine), and returns each one's
// times from navigation to ready; cold clears the HTTP cache first.
func measureReady(b *testing.B, e *env, cold bool, sites ...readySite) []stats {
	b.Helper()
	runs := make([][]float64, len(sites))
	for i := 0; i <= benchRuns; i++ {
		for k, s := range sites {
			at := visitReady(b, e, s, cold, i > 0)
			if i > 0 || cold { // the first warm visit fills the cache
				runs[k] = append(runs[k], at)
			}
		}
		if len(runs[0]) == benchRuns {
			break
		}
	}
	out := make([]stats, len(sites))
	for k := range runs {
		out[k] = newStats(runs[k])
	}
	return out
}

// visitReady opens s in a fresh tab and returns the time from navigation
// to whosaid.ready; cached says whether a warm visit must find the engine
// in the cache.
func visitReady(b *testing.B, e *env, s readySite, cold, cached bool) float64 {
	b.Helper()
	ctx, cancel := chromedp.NewContext(e.browser)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelT()
	tb := &tab{Tab: &browsertest.Tab{T: b, Ctx: ctx}, env: e}
	err := chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		if cold {
			if err := network.ClearBrowserCache().Do(ctx); err != nil {
				return err
			}
		}
		_, err := page.AddScriptToEvaluateOnNewDocument(readyHook).Do(ctx)
		return err
	}))
	if err != nil {
		b.Fatal(err)
	}
	before := len(s.reqs.Since(time.Time{}))
	if err := chromedp.Run(ctx, chromedp.Navigate(s.url+"/")); err != nil {
		b.Fatalf("loading the page: %v", err)
	}
	var at float64
	tb.Await(`window.__readyAt`, &at)
	if at < 0 {
		b.Fatal("whosaid.ready rejected")
	}
	fetched := hasSuffix(s.reqs.Since(time.Time{})[before:], ".wasm")
	if cold && !fetched {
		b.Fatalf("cold start of %s: the engine came from a cache", s.url)
	}
	if !cold && cached && fetched {
		b.Fatalf("warm start of %s: the engine was downloaded again", s.url)
	}
	return at
}

// measureParts redoes the worker's start on the main thread of a blank
// same-origin page (no engine worker competing), benchRuns times in fresh
// tabs with the cache cleared, and times the engine called directly.
func measureParts(b *testing.B, e *env, texts map[string]string) map[string]stats {
	b.Helper()
	wasmURL, execJS := builtFile(b, e, "engine.", ".wasm"), builtFile(b, e, "wasm_exec.", ".js")
	src, err := os.ReadFile(filepath.Join(e.dist, execJS))
	if err != nil {
		b.Fatal(err)
	}
	series := map[string][]float64{}
	for i := 0; i < benchRuns; i++ {
		ctx, cancel := chromedp.NewContext(e.browser)
		ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
		tb := &tab{Tab: &browsertest.Tab{T: b, Ctx: ctx}, env: e}
		if err := chromedp.Run(ctx, network.ClearBrowserCache(), chromedp.Navigate(e.srv.URL+"/"+execJS)); err != nil {
			b.Fatal(err)
		}
		tb.Await(string(src)+"\n;true", nil)
		var parts map[string]float64
		tb.Await(`(async () => {
			const out = {};
			let t = performance.now();
			const resp = await fetch(`+jsString("/"+wasmURL)+`, {cache: 'no-store'});
			const bytes = await resp.arrayBuffer();
			out.parts_fetch_ms = performance.now() - t;
			t = performance.now();
			const mod = await WebAssembly.compile(bytes);
			out.parts_compile_ms = performance.now() - t;
			t = performance.now();
			await WebAssembly.compileStreaming(fetch(`+jsString("/"+wasmURL)+`, {cache: 'no-store'}));
			out.parts_fetch_compile_streaming_ms = performance.now() - t;
			const go = new Go();
			t = performance.now();
			const inst = await WebAssembly.instantiate(mod, go.importObject);
			out.parts_instantiate_ms = performance.now() - t;
			t = performance.now();
			go.run(inst);
			while (!globalThis.whosaidEngine) await new Promise((r) => setTimeout(r, 0));
			out.parts_gorun_to_exports_ms = performance.now() - t;
			return out;
		})()`, &parts)
		for k, v := range parts {
			series[k] = append(series[k], v)
		}
		for name, text := range texts {
			var ms float64
			tb.Await(`(() => { const s = `+jsString(text)+`; whosaidEngine.extract(s, 'text/plain');
				const t = performance.now(); whosaidEngine.extract(s, 'text/plain'); return performance.now() - t; })()`, &ms)
			series["engine_direct_"+name+"_ms"] = append(series["engine_direct_"+name+"_ms"], ms)
		}
		cancelT()
		cancel()
	}
	out := map[string]stats{}
	for k, v := range series {
		out[k] = newStats(v)
	}
	return out
}

// builtFile finds the hashed name of a built file.
func builtFile(t testing.TB, e *env, prefix, suffix string) string {
	t.Helper()
	ents, err := os.ReadDir(e.dist)
	if err != nil {
		t.Fatal(err)
	}
	for _, ent := range ents {
		if n := ent.Name(); strings.HasPrefix(n, prefix) && strings.HasSuffix(n, suffix) {
			return n
		}
	}
	t.Fatalf("no %s*%s in the built site %s", prefix, suffix, e.dist)
	return ""
}

type extractInfo struct {
	Claims int `json:"claims"`
	Quotes int `json:"quotes"`
	Warmup int `json:"warmup"`
}

// measureExtract times whosaid.extract and compromise's quotations on
// text in the tab: first warm-up runs in turns for benchWarmup, then
// benchRuns runs each, taking turns.
func measureExtract(tb *tab, text string) (whosaid, compromise stats, info extractInfo) {
	tb.T.Helper()
	tb.Await(`window.__text = `+jsString(text)+`, true`, nil)
	var res struct {
		W    []float64 `json:"w"`
		C    []float64 `json:"c"`
		Info extractInfo
	}
	tb.Await(`(async () => {
		const s = window.__text, n = `+itoa(benchRuns)+`;
		const w = [], c = [];
		const r = await window.whosaid.extract(s);
		const info = {claims: r.claims.length, quotes: nlp(s).quotations().out('array').length};
		// Warm-up in turns until both have run for the warm-up time: V8
		// compiles both again, optimised, only after they have run a while
		// (whosaid's wasm took some 30 seed articles here), and a reader's
		// engine stays warm from one article to the next.
		let warm = 0, runs = 0;
		while (warm < `+itoa(int(benchWarmup/time.Millisecond))+` || runs < 1) {
			const t = performance.now();
			await window.whosaid.extract(s);
			nlp(s).quotations().out('array');
			warm += performance.now() - t;
			runs++;
		}
		info.warmup = runs;
		// Turns, so that both see the same load on the machine.
		for (let i = 0; i < n; i++) {
			let t = performance.now();
			await window.whosaid.extract(s);
			w.push(performance.now() - t);
			t = performance.now();
			nlp(s).quotations().out('array');
			c.push(performance.now() - t);
		}
		return {w, c, info};
	})()`, &res)
	return newStats(res.W), newStats(res.C), res.Info
}
