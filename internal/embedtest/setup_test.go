package embedtest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"github.com/whosaid/whosaid/internal/browsertest"
	"github.com/whosaid/whosaid/internal/site"
)

// env is shared by every test: one built site, three servers, one browser.
type env struct {
	root      string
	dist      string
	embedName string // embed.js as the build named it
	whosaid   *httptest.Server
	host      *httptest.Server // the allowed host origin
	other     *httptest.Server // an origin the frame must not answer
	reqs      *browsertest.RequestLog
	browser   context.Context
}

var shared = browsertest.NewShared(setup)

func setup(c *browsertest.Cleanup) (*env, error) {
	e := &env{reqs: &browsertest.RequestLog{}}
	var err error
	if e.root, err = browsertest.RepoRoot(); err != nil {
		return e, err
	}
	// WHOSAID_DIST names a site built already (go run ./build -out DIR).
	if e.dist = os.Getenv("WHOSAID_DIST"); e.dist == "" {
		if e.dist, err = c.TempDir("whosaid-embed-dist-"); err != nil {
			return e, err
		}
		if err := browsertest.BuildSite(e.root, e.dist); err != nil {
			return e, err
		}
	}
	if e.embedName, err = builtName(e.dist, "embed", ".js"); err != nil {
		return e, err
	}
	h, err := site.New(e.dist)
	if err != nil {
		return e, err
	}
	e.whosaid = httptest.NewServer(e.reqs.Wrap(h))
	c.Add(e.whosaid.Close)
	hostHandler := http.HandlerFunc(e.serveHost)
	e.host = httptest.NewServer(hostHandler)
	c.Add(e.host.Close)
	e.other = httptest.NewServer(hostHandler)
	c.Add(e.other.Close)
	e.browser, err = browsertest.StartBrowser(c)
	return e, err
}

func TestMain(m *testing.M) { shared.Main(m) }

// mustEnv returns the environment, or skips only when WHOSAID_SKIP_BROWSER=1.
func mustEnv(t testing.TB) *env {
	t.Helper()
	return shared.Get(t)
}

// builtName finds stem+ext in dist, hashed or not.
func builtName(dist, stem, ext string) (string, error) {
	if _, err := os.Stat(filepath.Join(dist, stem+ext)); err == nil {
		return stem + ext, nil
	}
	m, _ := filepath.Glob(filepath.Join(dist, stem+".*"+ext))
	for _, p := range m {
		if site.IsHashed(filepath.Base(p)) {
			return filepath.Base(p), nil
		}
	}
	return "", fmt.Errorf("the build wrote no %s%s to %s", stem, ext, dist)
}

// serveHost serves examples/ as a site on another origin would: the
// placeholders point at the test's whosaid server and the host's origin.
// ?noembed drops the embed's script tag (the control for the globals and
// DOM checks). /five.html is a page with five elements.
func (e *env) serveHost(w http.ResponseWriter, r *http.Request) {
	var body []byte
	var err error
	p := r.URL.Path
	if p == "/" {
		p = "/host.html"
	}
	switch p {
	case "/five.html":
		body = []byte(fivePage)
	case "/host.html", "/host.css", "/host.js":
		body, err = os.ReadFile(filepath.Join(e.root, "examples", p[1:]))
	default:
		http.NotFound(w, r)
		return
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	s := string(body)
	if r.URL.Query().Has("noembed") {
		s = strings.Replace(s, `<script type="module" src="https://WHOSAID-HOST/embed.js"></script>`, "", 1)
	}
	s = strings.ReplaceAll(s, "https://WHOSAID-HOST/embed.js", e.whosaid.URL+"/"+e.embedName)
	s = strings.ReplaceAll(s, "https://WHOSAID-HOST", e.whosaid.URL)
	s = strings.ReplaceAll(s, "https://HOST-ORIGIN", e.host.URL) // the frame allows only the first host
	w.Header().Set("Content-Type", site.ContentType(p))
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprint(w, s)
}

const fivePage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>five</title>
<script type="module" src="https://WHOSAID-HOST/embed.js"></script></head><body>
<who-said id="a">"The bridge will reopen in May," the mayor said on Friday.</who-said>
<who-said id="b">Prices rose by 4 percent last year, the statistics office said.</who-said>
<who-said id="c">"We are not worried," a spokesperson told reporters.</who-said>
<who-said id="d" mode="summary" theme="dark">According to the union, half the staff will strike on Monday.</who-said>
<who-said id="e" mode="panel" lang="fr">The minister said the budget would be balanced by 2030.</who-said>
</body></html>`

// probe is installed in every document before its scripts run: it keeps
// the window's keys at the start, every whosaid event and every message
// whose type starts with "whosaid:", under a symbol (not a global name).
const probe = `(() => {
  const k = Symbol.for('whosaid-test');
  const rec = { keys: Object.keys(window), events: [], messages: [], workers: 0 };
  const W = window.Worker;
  window.Worker = class extends W { constructor(...a) { super(...a); rec.workers++; } };
  Object.defineProperty(window, k, { value: rec });
  for (const t of ['whosaid:ready', 'whosaid:result', 'whosaid:error']) {
    document.addEventListener(t, (e) => rec.events.push({ type: t, id: e.target.id, detail: e.detail }), true);
  }
  window.addEventListener('message', (e) => {
    if (e.data && typeof e.data.type === 'string' && e.data.type.startsWith('whosaid:')) rec.messages.push({ origin: e.origin, data: e.data });
  }, true);
})()`

// tab is one browser tab, with what its network saw of the engine.
type tab struct {
	*browsertest.Tab
	mu      sync.Mutex
	wasm    int         // requests for a .wasm the tab's network saw
	workers []target.ID // the worker targets chromedp attached to
}

func newTab(t testing.TB) *tab {
	t.Helper()
	e := mustEnv(t)
	tb := &tab{}
	addProbe := chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(probe).Do(ctx)
		return err
	})
	tb.Tab = browsertest.NewTab(t, e.browser, browsertest.TabOptions{Listen: tb.onEvent}, network.Enable(), addProbe)
	return tb
}

func (tb *tab) onEvent(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	switch ev := ev.(type) {
	case *target.EventAttachedToTarget:
		if strings.Contains(ev.TargetInfo.Type, "worker") {
			tb.workers = append(tb.workers, ev.TargetInfo.TargetID)
		}
	case *network.EventRequestWillBeSent:
		if strings.HasSuffix(strings.SplitN(ev.Request.URL, "?", 2)[0], ".wasm") {
			tb.wasm++
		}
	}
}

func (tb *tab) noProblems() {
	tb.T.Helper()
	if problems := tb.Problems(); len(problems) > 0 {
		tb.T.Errorf("the page reported problems:\n%s", strings.Join(problems, "\n"))
	}
}

func (tb *tab) open(url string) {
	tb.T.Helper()
	if err := chromedp.Run(tb.Ctx, chromedp.Navigate(url)); err != nil {
		tb.T.Fatalf("loading %s: %v", url, err)
	}
}

// rec is the probe's record in JavaScript.
const rec = `window[Symbol.for('whosaid-test')]`

// waitFor polls the JavaScript condition cond for up to d.
func (tb *tab) waitFor(cond string, d time.Duration) {
	tb.T.Helper()
	var ok bool
	tb.Await(fmt.Sprintf(`new Promise((resolve) => {
  const end = Date.now() + %d;
  const f = () => { let v = false; try { v = !!(%s); } catch (e) {} if (v || Date.now() > end) resolve(v); else setTimeout(f, 25); };
  f();
})`, d.Milliseconds(), cond), &ok)
	if !ok {
		var events string
		tb.Await(`JSON.stringify({events: `+rec+`.events.map(e => [e.type, e.id, e.type === 'whosaid:error' ? e.detail : '']), messages: `+rec+`.messages.map(m => [m.origin, m.data.type])})`, &events)
		probs := strings.Join(tb.Problems(), "\n")
		tb.T.Fatalf("timed out after %v waiting for %s\nrecorded: %s\nproblems: %s", d, cond, events, probs)
	}
}

// screenshot saves a full-page PNG when WHOSAID_SCREENSHOT_DIR is set, to
// look at the example page by eye.
func (tb *tab) screenshot(name string) {
	tb.T.Helper()
	if dir := os.Getenv("WHOSAID_SCREENSHOT_DIR"); dir != "" {
		tb.Screenshot(dir, name)
	}
}
