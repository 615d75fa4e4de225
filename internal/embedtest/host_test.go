package embedtest

import (
	"context"
	"fmt"
	"os"
	"slices"

	"github.com/chromedp/cdproto/domdebugger"
	"github.com/chromedp/cdproto/network"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// styleProbe returns the computed styles that matter, for the host
// elements listed and for pieces of each element's shadow root.
const hostStyles = `(() => {
  const props = ['color', 'font-family', 'font-size', 'letter-spacing', 'line-height', 'background-color', 'border-top-width', 'margin-top'];
  const out = {};
  for (const sel of ['body', '#masthead p', '#masthead h1', 'h2', '#post p', '#post', '#colophon p']) {
    const cs = getComputedStyle(document.querySelector(sel));
    out[sel] = props.map((p) => p + ':' + cs.getPropertyValue(p)).join(';');
  }
  return out;
})()`

// TestStylesDoNotLeak: the host's loud CSS does not reach the shadow root,
// and the element changes no computed style of the host page.
func TestStylesDoNotLeak(t *testing.T) {
	e := mustEnv(t)
	control := newTab(t)
	control.open(e.host.URL + "/host.html?noembed")
	var want map[string]string
	control.Await(hostStyles, &want)

	tb := newTab(t)
	tb.open(e.host.URL + "/host.html")
	tb.waitFor(rec+`.events.some(e => e.type === 'whosaid:result' && e.id === 'inline')`, 2*time.Minute)
	var got map[string]string
	tb.Await(hostStyles, &got)
	for sel, w := range want {
		if got[sel] != w {
			t.Errorf("host style of %s changed by the embed:\n got %s\nwant %s", sel, got[sel], w)
		}
	}

	var in struct {
		WrapColor, WrapBorder, PColor, PFont, PSize, PSpacing, MarkBg, MarkColor, SupColor, SupSize string
	}
	tb.Await(`(() => {
  const r = document.getElementById('inline').shadowRoot;
  const cs = (s) => getComputedStyle(r.querySelector(s));
  return { wrapColor: cs('.w').color, wrapBorder: cs('.w').borderTopWidth, pColor: cs('.art p').color, pFont: cs('.art p').fontFamily,
    pSize: cs('.art p').fontSize, pSpacing: cs('.art p').letterSpacing, markBg: cs('mark').backgroundColor, markColor: cs('mark').color,
    supColor: cs('sup').color, supSize: cs('sup').fontSize };
})()`, &in)
	bad := map[string]string{
		"wrapper colour":       in.WrapColor + "|rgb(255, 128, 0)",
		"wrapper border":       in.WrapBorder + "|3px",
		"paragraph colour":     in.PColor + "|rgb(120, 0, 0)",
		"paragraph size":       in.PSize + "|18px",
		"paragraph spacing":    in.PSpacing + "|0.5px",
		"mark background":      in.MarkBg + "|rgb(0, 255, 0)",
		"mark colour":          in.MarkColor + "|rgb(0, 0, 255)",
		"source number colour": in.SupColor + "|rgb(200, 0, 200)",
		"source number size":   in.SupSize + "|30px",
	}
	for what, pair := range bad {
		g, host, _ := strings.Cut(pair, "|")
		if g == host {
			t.Errorf("the host's CSS reached the shadow root: %s is %s", what, g)
		}
	}
	if strings.Contains(in.PFont, "Georgia") {
		t.Errorf("the host's font reached the shadow root: %s", in.PFont)
	}
	tb.noProblems()
}

// TestHostUntouched: with the embed, the page has the same globals (but
// for nothing: the custom element registry is not a global) and the same
// DOM outside the elements' shadow roots, and the same event listeners on
// window, document, <html> and <body>, as without it.
// listeners lists the event listeners devtools sees on the object the
// JavaScript expression obj names, as "type capture?".
func (tb *tab) listeners(obj string) []string {
	tb.T.Helper()
	var out []string
	err := chromedp.Run(tb.Ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		ro, exc, err := cdpruntime.Evaluate(obj).Do(ctx)
		if err != nil {
			return err
		}
		if exc != nil {
			return fmt.Errorf("evaluating %s: %s", obj, exc.Text)
		}
		ls, err := domdebugger.GetEventListeners(ro.ObjectID).Do(ctx)
		if err != nil {
			return err
		}
		for _, l := range ls {
			out = append(out, fmt.Sprintf("%s capture=%v", l.Type, l.UseCapture))
		}
		return nil
	}))
	if err != nil {
		tb.T.Fatalf("listing the listeners of %s: %v", obj, err)
	}
	slices.Sort(out)
	return out
}

func TestHostUntouched(t *testing.T) {
	e := mustEnv(t)
	// The host's own script sizes the frame; that attribute is the host's.
	const snapshot = `(() => {
  const d = document.documentElement.cloneNode(true);
  d.querySelector('#frame').removeAttribute('style');
  return { keys: Object.keys(window).filter((k) => !` + rec + `.keys.includes(k)), html: d.outerHTML, defined: !!customElements.get('who-said') };
})()`
	type snap struct {
		Keys    []string
		HTML    string
		Defined bool
	}
	control := newTab(t)
	control.open(e.host.URL + "/host.html?noembed")
	var want snap
	control.Await(snapshot, &want)

	tb := newTab(t)
	tb.open(e.host.URL + "/host.html")
	tb.waitFor(rec+`.events.some(e => e.type === 'whosaid:result' && e.id === 'inline')`, 2*time.Minute)
	tb.Await(`document.getElementById('panel').scrollIntoView()`, nil)
	tb.waitFor(rec+`.events.some(e => e.type === 'whosaid:result' && e.id === 'panel')`, time.Minute)
	var got snap
	tb.Await(snapshot, &got)
	if !got.Defined || want.Defined {
		t.Errorf("who-said defined: %v with the embed, %v without", got.Defined, want.Defined)
	}
	// Frames are window's indexed properties ("0" is the iframe): the same
	// with and without the embed.
	if strings.Join(got.Keys, ",") != strings.Join(want.Keys, ",") {
		t.Errorf("new globals: %q with the embed, %q without", got.Keys, want.Keys)
	}
	// The control lacks the embed's script tag, and only that.
	wantHTML := strings.Replace(want.HTML, "</title>", "</title>", 1)
	gotHTML := got.HTML
	tag := `<script type="module" src="` + e.whosaid.URL + "/" + e.embedName + `"></script>`
	if !strings.Contains(gotHTML, tag) {
		t.Fatalf("the page has no %s", tag)
	}
	gotHTML = strings.Replace(gotHTML, tag, "", 1)
	if gotHTML != wantHTML {
		t.Errorf("the DOM outside the elements changed:\n got %s\nwant %s", gotHTML, wantHTML)
	}
	for _, obj := range []string{"window", "document", "document.documentElement", "document.body"} {
		if g, w := tb.listeners(obj), control.listeners(obj); !slices.Equal(g, w) {
			t.Errorf("event listeners on %s: %q with the embed, %q without", obj, g, w)
		}
	}
	tb.noProblems()
}

// TestEngineFetchedOnce: five elements on a page share one worker, so the
// engine's bytes cross the network once, and all five get a result.
func TestEngineFetchedOnce(t *testing.T) {
	e := mustEnv(t)
	// An earlier test's tab may still be fetching the engine as it closes
	// (seen once on a loaded machine): wait for the server to go quiet.
	for range 10 {
		since := time.Now()
		time.Sleep(time.Second)
		if !slices.ContainsFunc(e.reqs.Since(since), func(p string) bool { return strings.HasSuffix(p, ".wasm") }) {
			break
		}
	}
	before := e.reqs.Count(".wasm")
	// With the HTTP cache emptied and off, every fetch of the engine
	// reaches the server.
	tb := newTab(t)
	if err := chromedp.Run(tb.Ctx, network.ClearBrowserCache(), network.SetCacheDisabled(true)); err != nil {
		t.Fatal(err)
	}
	tb.open(e.host.URL + "/five.html")
	tb.waitFor(rec+`.events.filter(e => e.type === 'whosaid:result').length === 5`, 2*time.Minute)
	if n := e.reqs.Count(".wasm") - before; n != 1 {
		t.Errorf("the server saw %d requests for the engine, want 1", n)
	}
	var started int
	tb.Await(rec+`.workers`, &started)
	if started != 1 {
		t.Errorf("the page started %d workers, want 1", started)
	}
	// A dedicated worker's requests belong to the worker's target, not the
	// page's (Chrome's PlzDedicatedWorker), and the worker fetches the
	// engine before a session could attach and enable Network there. So
	// the devtools count is the worker targets chromedp attached to, and in
	// each the engine fetches its resource timing recorded.
	tb.mu.Lock()
	pageWasm, workers := tb.wasm, slices.Clone(tb.workers)
	tb.mu.Unlock()
	if pageWasm > 1 {
		t.Errorf("the page's network events show %d requests for the engine, want 1", pageWasm)
	}
	if len(workers) != 1 {
		t.Fatalf("devtools saw %d worker targets, want 1", len(workers))
	}
	wctx, cancel := chromedp.NewContext(tb.Ctx, chromedp.WithTargetID(workers[0]))
	defer cancel()
	var fetched []string
	if err := chromedp.Run(wctx, chromedp.Evaluate(`performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n.endsWith('.wasm'))`, &fetched)); err != nil {
		t.Fatalf("evaluating in the worker: %v", err)
	}
	if len(fetched) != 1 {
		t.Errorf("the worker fetched the engine %d times (%q), want 1", len(fetched), fetched)
	}
	var readies int
	tb.Await(rec+`.events.filter(e => e.type === 'whosaid:ready').length`, &readies)
	if readies != 5 {
		t.Errorf("%d of 5 elements fired whosaid:ready", readies)
	}
	tb.noProblems()
}

// TestEmbedSize reports the embed's own transfer size, beyond the engine
// and the files the page shares with the reader's page: embed.js,
// embed-frame.js and embed.html, minified and brotli, from the build.
func TestEmbedSize(t *testing.T) {
	e := mustEnv(t)
	const budget = 15 * 1024
	total := 0
	for _, f := range []struct{ stem, ext string }{{"embed", ".js"}, {"embed-frame", ".js"}, {"embed", ".html"}, {"offsets", ".js"}, {"sourcelabel", ".js"}} {
		name, err := builtName(e.dist, f.stem, f.ext)
		if err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(filepath.Join(e.dist, name+".br"))
		if err != nil {
			t.Fatalf("no brotli copy of %s: %v", name, err)
		}
		raw, _ := os.Stat(filepath.Join(e.dist, name))
		t.Logf("%-28s %6d bytes minified, %6d brotli", name, raw.Size(), fi.Size())
		total += int(fi.Size())
	}
	t.Logf("embed total: %d bytes brotli (budget %d)", total, budget)
	if total > budget {
		t.Errorf("the embed is %d bytes brotli, over its %d budget", total, budget)
	}
}
