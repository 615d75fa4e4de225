package webtest

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

func readPayloads(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("testdata/xss.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, strings.ReplaceAll(line, `\n`, "\n"))
	}
	if len(out) < 50 {
		t.Fatalf("only %d payloads in testdata/xss.txt, want at least 50", len(out))
	}
	return out
}

// checkDOM lists what is wrong with the page after a payload: the sentinel
// set, an element the renderer never makes, an attribute it never sets.
const checkDOM = `(() => {
	const bad = [];
	if (window.__xss !== undefined) bad.push('the sentinel window.__xss was set');
	const regions = [
		['#article', ['MARK', 'SPAN'], ['class', 'tabindex', 'aria-describedby', 'data-label', 'data-source-id', 'data-kind', 'data-claim', 'data-part']],
		['#sources, #unattributed', ['LI', 'BUTTON', 'SPAN'], ['class', 'type', 'data-source-id', 'data-claim', 'aria-pressed', 'aria-label', 'aria-hidden']],
		['#worth', ['LI', 'BUTTON', 'SPAN', 'A'], ['class', 'type', 'id', 'hidden', 'data-worth', 'data-attributed', 'href', 'target', 'rel', 'aria-label']],
		['#tip', ['DL', 'DT', 'DD'], []],
	];
	for (const [sel, tags, attrs] of regions) {
		for (const e of document.querySelectorAll(sel.split(', ').map((s) => s + ' *').join(', '))) {
			if (!tags.includes(e.tagName)) bad.push(sel + ': unexpected <' + e.tagName + '>');
			for (const a of e.attributes) if (!attrs.includes(a.name)) bad.push(sel + ': unexpected attribute ' + a.name + ' on <' + e.tagName + '>');
		}
	}
	for (const e of document.querySelectorAll('*')) {
		for (const a of e.attributes) {
			const n = a.name.toLowerCase();
			if (n.startsWith('on') || n === 'srcdoc' || n === 'formaction' || (n === 'style' && e.id !== 'tip')) bad.push('attribute ' + n + ' on <' + e.tagName + '>');
			if (/^\s*(javascript|data|vbscript):/i.test(a.value) && !(e.tagName === 'LINK' && a.value === 'data:,')) bad.push('script URL in ' + n + ' on <' + e.tagName + '>');
		}
	}
	return bad;
})()`

// outsideDOM describes every element outside the regions the renderer fills.
const outsideDOM = `[...document.querySelectorAll('*')].filter((e) => !e.closest('#article, #sources, #unattributed, #worth, #tip'))
	.map((e) => e.tagName + (e.id ? '#' + e.id : '')).join(',')`

// TestXSSPayloads: pasted payloads, as plain text and as rich HTML, run
// nothing, open no dialog, and add nothing but the expected rendering.
func TestXSSPayloads(t *testing.T) {
	tb := newTab(t)
	ready := time.Now()
	payloads := readPayloads(t)
	tb.analyze("Warm-up.", "text/plain")
	var baseline string
	tb.Await(outsideDOM, &baseline)

	check := func(how, p string) {
		t.Helper()
		// Let anything a payload might have scheduled (timers, image
		// errors, autofocus) fire before looking.
		tb.Await(`new Promise((r) => setTimeout(() => r(true), 30))`, nil)
		var bad []string
		tb.Await(checkDOM, &bad)
		var outside string
		tb.Await(outsideDOM, &outside)
		if outside != baseline {
			bad = append(bad, "elements outside the rendering changed: "+outside)
		}
		problems, dialogs := tb.TakeProblems()
		bad = append(bad, problems...)
		for _, d := range dialogs {
			bad = append(bad, "a dialog opened: "+d)
		}
		for _, b := range bad {
			t.Errorf("%s %q: %s", how, p, b)
		}
	}
	for _, p := range payloads {
		// The API, as plain text and as HTML.
		for _, typ := range []string{"text/plain", "text/html"} {
			if err := tb.Try(`window.whosaid.analyze(`+jsString(p)+`, {type: `+jsString(typ)+`}).then(() => true, () => true)`, nil); err != nil {
				t.Errorf("analyze(%q, %s): %v", p, typ, err)
			}
			check("analyze "+typ, p)
		}
		// A rich paste, as the clipboard delivers it.
		tb.Await(`(() => {
			const ta = document.getElementById('paste');
			document.getElementById('status-text').textContent = '';
			const dt = new DataTransfer();
			dt.setData('text/html', `+jsString(p)+`);
			dt.setData('text/plain', `+jsString(p)+`);
			ta.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));
			return true;
		})()`, nil)
		tb.waitIdle()
		check("rich paste", p)
		// Typed into the box and analysed with the button.
		tb.Await(`(() => { const ta = document.getElementById('paste'); ta.value = ''; ta.focus(); return true; })()`, nil)
		if err := chromedp.Run(tb.Ctx, input.InsertText(p)); err != nil {
			t.Fatal(err)
		}
		tb.Await(`document.getElementById('status-text').textContent = '', document.getElementById('analyse').click(), true`, nil)
		tb.waitIdle()
		check("typed", p)
	}
	// A payload that became an element would have fetched its src.
	for _, p := range tb.env.reqs.Since(ready) {
		t.Errorf("the server saw a request while payloads were pasted: %s", p)
	}
	for _, p := range leftPage(t, tb.env.proxy.Since(ready)) {
		t.Errorf("a request left for another host while payloads were pasted: %s", p)
	}
}

// leftPage drops, from what the proxy saw, chromium's own calls to Google's
// services (sign-in, autofill: not the page's doing, and not silenced by
// any flag) and logs them.
func leftPage(t *testing.T, seen []string) []string {
	var out []string
	for _, p := range seen {
		host, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(p, "CONNECT "), "GET "), ":")
		host, _, _ = strings.Cut(host, "/")
		switch {
		case host == "google.com", strings.HasSuffix(host, ".google.com"), strings.HasSuffix(host, ".googleapis.com"),
			strings.HasSuffix(host, ".gstatic.com"), strings.HasSuffix(host, ".gvt1.com"):
			t.Logf("chromium's own request (ignored): %s", p)
		default:
			out = append(out, p)
		}
	}
	return out
}

// waitIdle waits until the analysis the page's own controls started has
// finished (the status line says how it ended).
func (tb *tab) waitIdle() {
	tb.T.Helper()
	tb.Await(`new Promise((resolve) => {
		const t0 = Date.now();
		const f = () => {
			const s = document.getElementById('status-text').textContent;
			if (/^(Done|The analysis failed|Cancelled)/.test(s) || Date.now() - t0 > 20000) resolve(s);
			else setTimeout(f, 10);
		};
		f();
	})`, nil)
}

// TestNoNetworkAfterReady: the page loads only its own files, and once the
// engine is ready nothing leaves it, whatever is pasted and exported.
func TestNoNetworkAfterReady(t *testing.T) {
	tb := newTab(t) // a first load, so the second can be watched from the start
	type req struct {
		url string
		at  time.Time
	}
	var reqs []req
	done := make(chan struct{})
	chromedp.ListenTarget(tb.Ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			select {
			case <-done:
			default:
				reqs = append(reqs, req{e.Request.URL, time.Now()})
			}
		}
	})
	if err := chromedp.Run(tb.Ctx, network.Enable(), network.SetCacheDisabled(true)); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	tb.open()
	ready := time.Now()
	tb.analyze(seedText(t), "text/plain")
	for _, p := range readPayloads(t) {
		tb.analyze(p, "text/html")
	}
	tb.Await(`window.whosaid.extractRaw('"It works", she said.').then((j) => Promise.all([window.whosaid.format(j, 'csv'), window.whosaid.format(j, 'md')])).then(() => true)`, nil)
	tb.Await(`document.getElementById('example').click(), true`, nil)
	tb.waitIdle()
	tb.Await(`document.querySelector('#sources button').click(), document.querySelector('#article mark.claim').focus(), true`, nil)
	// the "Worth checking" list and its filter: its links leave only when followed
	tb.Await(`document.getElementById('worth-unattr').click(), document.querySelector('#worth button.worth-item').click(), true`, nil)
	tb.Await(`new Promise((r) => setTimeout(() => r(true), 300))`, nil)
	if err := chromedp.Run(tb.Ctx, network.Disable()); err != nil {
		t.Fatal(err)
	}
	close(done)

	origin := tb.env.srv.URL + "/"
	for _, r := range reqs {
		if !strings.HasPrefix(r.url, origin) && !strings.HasPrefix(r.url, "data:") {
			t.Errorf("request to another origin: %s", r.url)
		}
		if r.at.After(ready) {
			t.Errorf("request after the engine was ready: %s", r.url)
		}
	}
	if len(reqs) == 0 {
		t.Error("no request seen at all: the network listener is not working")
	}
	for _, p := range leftPage(t, tb.env.proxy.Since(start)) {
		t.Errorf("a request left for another host: %s", p)
	}
	// The proxy does see what leaves: a navigation elsewhere reaches it.
	probeStart := time.Now()
	probe, cancel := chromedp.NewContext(tb.env.browser)
	defer cancel()
	_ = chromedp.Run(probe, chromedp.Navigate("http://proxy-check.whosaid.invalid/"))
	if len(tb.env.proxy.Since(probeStart)) == 0 {
		t.Error("the logging proxy saw no request for another host: the check of what leaves the page is not working")
	}
	for _, p := range tb.env.reqs.Since(ready) {
		t.Errorf("the server saw a request after ready: %s", p)
	}
	// The server's log also covers the worker's own requests, whichever
	// DevTools target they are reported on (the worker's files may come
	// from the HTTP cache: the built names are immutable).
	loaded := tb.env.reqs.Since(start)
	if len(loaded) == 0 {
		t.Error("the server saw no request for the page load")
	}
	t.Logf("page load: %d requests seen by DevTools, %d by the server", len(reqs), len(loaded))
}

// TestCancel: Cancel stops a running analysis; the page then works again.
func TestCancel(t *testing.T) {
	tb := newTab(t)
	long := strings.Repeat(seedText(t)+"\n\n", 40)
	var code string
	tb.Await(`(() => { const p = window.whosaid.analyze(`+jsString(long)+`); window.whosaid.cancel();
		return p.then(() => 'finished', (e) => e.code); })()`, &code)
	if code != "canceled" {
		t.Errorf("analyze then cancel ended with %q, want canceled", code)
	}
	var status string
	tb.Await(`document.getElementById('status-text').textContent`, &status)
	if !strings.HasPrefix(status, "Cancelled") {
		t.Errorf("status after cancel = %q", status)
	}
	res := tb.analyze(`"It still works", the mayor said.`, "text/plain")
	if len(res.Claims) == 0 {
		t.Error("no claim after the restart")
	}
	problems, dialogs := tb.TakeProblems()
	for _, p := range append(problems, dialogs...) {
		t.Errorf("page problem: %s", p)
	}
}
