package embedtest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"github.com/whosaid/whosaid/internal/site"
)

const installHint = "install it with: apt-get update && apt-get install -y chromium"

// env is shared by every test: one built site, three servers, one browser.
type env struct {
	root      string
	dist      string
	embedName string // embed.js as the build named it
	whosaid   *httptest.Server
	host      *httptest.Server // the allowed host origin
	other     *httptest.Server // an origin the frame must not answer
	reqs      *requestLog
	browser   context.Context
	closers   []func()
}

func (e *env) close() {
	for i := len(e.closers) - 1; i >= 0; i-- {
		e.closers[i]()
	}
}

var started atomic.Bool

var setup = sync.OnceValues(func() (*env, error) {
	started.Store(true)
	e := &env{reqs: &requestLog{}}
	var err error
	if e.root, err = repoRoot(); err != nil {
		return e, err
	}
	// WHOSAID_DIST names a site built already (go run ./build -out DIR).
	if e.dist = os.Getenv("WHOSAID_DIST"); e.dist == "" {
		if e.dist, err = e.tempDir("whosaid-embed-dist-"); err != nil {
			return e, err
		}
		if err := e.run(5*time.Minute, "go", "run", "./build", "-out", e.dist); err != nil {
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
	e.whosaid = httptest.NewServer(e.reqs.wrap(h))
	e.closers = append(e.closers, e.whosaid.Close)
	hostHandler := http.HandlerFunc(e.serveHost)
	e.host = httptest.NewServer(hostHandler)
	e.closers = append(e.closers, e.host.Close)
	e.other = httptest.NewServer(hostHandler)
	e.closers = append(e.closers, e.other.Close)
	return e, e.startBrowser()
})

func TestMain(m *testing.M) {
	code := m.Run()
	if started.Load() {
		if e, _ := setup(); e != nil {
			e.close()
		}
	}
	os.Exit(code)
}

// mustEnv returns the environment, or skips only when WHOSAID_SKIP_BROWSER=1.
func mustEnv(t testing.TB) *env {
	t.Helper()
	if os.Getenv("WHOSAID_SKIP_BROWSER") == "1" {
		t.Skip("WHOSAID_SKIP_BROWSER=1: browser tests skipped")
	}
	e, err := setup()
	if err != nil {
		t.Fatalf("embed test setup: %v", err)
	}
	return e
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

func repoRoot() (string, error) {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "", errors.New("cannot find the test's source file")
	}
	root := filepath.Join(filepath.Dir(file), "..", "..")
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		return "", fmt.Errorf("repository root not found at %s: %w", root, err)
	}
	return filepath.Abs(root)
}

func (e *env) tempDir(prefix string) (string, error) {
	d, err := os.MkdirTemp("", prefix)
	if err != nil {
		return "", err
	}
	e.closers = append(e.closers, func() { os.RemoveAll(d) })
	return d, nil
}

func (e *env) run(timeout time.Duration, name string, args ...string) error {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = e.root
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, out)
	}
	return nil
}

func (e *env) startBrowser() error {
	path := "/usr/bin/chromium"
	if p := os.Getenv("WHOSAID_CHROMIUM"); p != "" {
		path = p
	}
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("chromium not found at %s: %s", path, installHint)
	}
	profile, err := e.tempDir("whosaid-embed-chromium-")
	if err != nil {
		return err
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.UserDataDir(profile),
		chromedp.Headless,
		chromedp.NoSandbox, // the tests run as root
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	e.closers = append(e.closers, cancelAlloc)
	browser, cancelBrowser := chromedp.NewContext(alloc)
	e.closers = append(e.closers, cancelBrowser)
	if err := chromedp.Run(browser); err != nil {
		return fmt.Errorf("starting %s: %w (%s)", path, err, installHint)
	}
	e.browser = browser
	return nil
}

// requestLog counts the whosaid server's requests by path.
type requestLog struct {
	mu    sync.Mutex
	paths []string
}

func (l *requestLog) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l.mu.Lock()
		l.paths = append(l.paths, r.URL.Path)
		l.mu.Unlock()
		h.ServeHTTP(w, r)
	})
}

func (l *requestLog) count(suffix string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, p := range l.paths {
		if strings.HasSuffix(p, suffix) {
			n++
		}
	}
	return n
}

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

// tab is one browser tab.
type tab struct {
	t        testing.TB
	ctx      context.Context
	mu       sync.Mutex
	problems []string
	wasm     int         // requests for a .wasm the tab's network saw
	workers  []target.ID // the worker targets chromedp attached to
}

func newTab(t testing.TB) *tab {
	t.Helper()
	e := mustEnv(t)
	ctx, cancel := chromedp.NewContext(e.browser)
	t.Cleanup(cancel)
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(cancelT)
	tb := &tab{t: t, ctx: ctx}
	chromedp.ListenTarget(ctx, tb.onEvent)
	err := chromedp.Run(ctx, network.Enable(), cdpruntime.Enable(), chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(probe).Do(ctx)
		return err
	}))
	if err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
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
	case *cdpruntime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		tb.problems = append(tb.problems, "exception: "+msg)
	case *cdpruntime.EventConsoleAPICalled:
		if ev.Type == cdpruntime.APITypeError {
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, string(a.Value)+a.Description)
			}
			tb.problems = append(tb.problems, "console.error: "+strings.Join(parts, " "))
		}
	}
}

func (tb *tab) noProblems() {
	tb.t.Helper()
	tb.mu.Lock()
	defer tb.mu.Unlock()
	if len(tb.problems) > 0 {
		tb.t.Errorf("the page reported problems:\n%s", strings.Join(tb.problems, "\n"))
	}
}

func (tb *tab) open(url string) {
	tb.t.Helper()
	if err := chromedp.Run(tb.ctx, chromedp.Navigate(url)); err != nil {
		tb.t.Fatalf("loading %s: %v", url, err)
	}
}

// await evaluates js, waiting for its promise, into res (nil: ignored).
func (tb *tab) await(js string, res any) {
	tb.t.Helper()
	var sink []byte
	if res == nil {
		res = &sink
	}
	err := chromedp.Run(tb.ctx, chromedp.Evaluate(js, res, func(p *cdpruntime.EvaluateParams) *cdpruntime.EvaluateParams {
		return p.WithAwaitPromise(true)
	}))
	if err != nil {
		tb.t.Fatalf("%v\nin: %s", err, js)
	}
}

// rec is the probe's record in JavaScript.
const rec = `window[Symbol.for('whosaid-test')]`

// waitFor polls the JavaScript condition cond for up to d.
func (tb *tab) waitFor(cond string, d time.Duration) {
	tb.t.Helper()
	var ok bool
	tb.await(fmt.Sprintf(`new Promise((resolve) => {
  const end = Date.now() + %d;
  const f = () => { let v = false; try { v = !!(%s); } catch (e) {} if (v || Date.now() > end) resolve(v); else setTimeout(f, 25); };
  f();
})`, d.Milliseconds(), cond), &ok)
	if !ok {
		var events string
		tb.await(`JSON.stringify({events: `+rec+`.events.map(e => [e.type, e.id, e.type === 'whosaid:error' ? e.detail : '']), messages: `+rec+`.messages.map(m => [m.origin, m.data.type])})`, &events)
		tb.mu.Lock()
		probs := strings.Join(tb.problems, "\n")
		tb.mu.Unlock()
		tb.t.Fatalf("timed out after %v waiting for %s\nrecorded: %s\nproblems: %s", d, cond, events, probs)
	}
}

// screenshot saves a full-page PNG when WHOSAID_SCREENSHOT_DIR is set, to
// look at the example page by eye.
func (tb *tab) screenshot(name string) {
	tb.t.Helper()
	dir := os.Getenv("WHOSAID_SCREENSHOT_DIR")
	if dir == "" {
		return
	}
	var png []byte
	if err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(&png, 100)); err != nil {
		tb.t.Fatalf("screenshot: %v", err)
	}
	path := filepath.Join(dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		tb.t.Fatal(err)
	}
	tb.t.Logf("screenshot: %s", path)
}
