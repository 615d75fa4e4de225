package webtest

import (
	"context"
	"errors"
	"fmt"
	"io"
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

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/whosaid/whosaid/internal/site"
)

const installHint = "install it with: apt-get update && apt-get install -y chromium (or set WHOSAID_CHROMIUM to a Chrome binary)"

// env is what every test shares: one built site, one server, one browser.
type env struct {
	root    string      // the repository root
	proxy   *requestLog // requests chromium sent anywhere but loopback
	dist    string      // the built site
	srv     *httptest.Server
	reqs    *requestLog
	alloc   context.Context // the browser allocator
	browser context.Context // the first tab, which keeps the browser alive
	closers []func()
}

func (e *env) close() {
	for i := len(e.closers) - 1; i >= 0; i-- {
		e.closers[i]()
	}
}

// started tells TestMain whether setup ran, so it only tears down what was built.
var started atomic.Bool

// setup builds and starts everything once, for all tests.
var setup = sync.OnceValues(func() (*env, error) {
	started.Store(true)
	e := &env{reqs: &requestLog{}, proxy: &requestLog{}}
	var err error
	if e.root, err = repoRoot(); err != nil {
		return e, err
	}
	if err := e.buildSite(); err != nil {
		return e, err
	}
	h, err := site.New(e.dist)
	if err != nil {
		return e, fmt.Errorf("serving the site: %w", err)
	}
	e.srv = httptest.NewServer(e.reqs.wrap(h)) // listens on 127.0.0.1
	e.closers = append(e.closers, e.srv.Close)
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

// mustEnv returns the shared environment or ends the test: skipped only
// when WHOSAID_SKIP_BROWSER=1, failed otherwise.
func mustEnv(t testing.TB) *env {
	t.Helper()
	if os.Getenv("WHOSAID_SKIP_BROWSER") == "1" {
		t.Skip("WHOSAID_SKIP_BROWSER=1: browser tests skipped")
	}
	e, err := setup()
	if err != nil {
		t.Fatalf("browser test setup: %v", err)
	}
	return e
}

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

// buildSite runs the project's build (go run ./build -out DIR). Until the
// build program exists (or with WHOSAID_WEB_UNBUILT=1, to work on the page
// without the build) it stages web/ with a wasm built here: the same files,
// unhashed and unminified.
func (e *env) buildSite() error {
	dir, err := e.tempDir("whosaid-dist-")
	if err != nil {
		return err
	}
	e.dist = dir
	if hasGoFiles(filepath.Join(e.root, "build")) && os.Getenv("WHOSAID_WEB_UNBUILT") != "1" {
		return e.run(5*time.Minute, "go", "run", "./build", "-out", dir)
	}
	web := filepath.Join(e.root, "web")
	ents, err := os.ReadDir(web)
	if err != nil {
		return fmt.Errorf("reading web/: %w", err)
	}
	for _, ent := range ents {
		if ent.Type().IsRegular() {
			if err := copyFile(filepath.Join(web, ent.Name()), filepath.Join(dir, ent.Name())); err != nil {
				return err
			}
		}
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return fmt.Errorf("go env GOROOT: %w", err)
	}
	if err := copyFile(filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"), filepath.Join(dir, "wasm_exec.js")); err != nil {
		return err
	}
	return e.run(5*time.Minute, "env", "GOOS=js", "GOARCH=wasm", "go", "build", "-trimpath", "-o", filepath.Join(dir, "engine.wasm"), "./wasm/browser")
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

func hasGoFiles(dir string) bool {
	m, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	return len(m) > 0
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// chromiumPath finds Debian's chromium (or WHOSAID_CHROMIUM).
func chromiumPath() (string, error) {
	if p := os.Getenv("WHOSAID_CHROMIUM"); p != "" {
		return p, nil
	}
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", errors.New("chromium not found at /usr/bin/chromium: " + installHint)
}

func (e *env) startBrowser() error {
	path, err := chromiumPath()
	if err != nil {
		return err
	}
	// Every request for another host goes through this proxy, which logs
	// and refuses it: it sees the worker's requests too, which DevTools
	// reports on another target. Loopback bypasses proxies in chromium.
	proxy := httptest.NewServer(e.proxy.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "whosaid tests: no network", http.StatusForbidden)
	})))
	e.closers = append(e.closers, proxy.Close)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ProxyServer(proxy.URL),
		chromedp.ExecPath(path),
		// No UserDataDir: chromedp makes a fresh profile directory and
		// removes it once chromium has exited.
		chromedp.Headless,
		chromedp.NoSandbox, // the tests run as root
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.WindowSize(1280, 900),
		// The machine's network is closed: keep chromium from calling home.
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-features", "AutofillServerCommunication,Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider"),
		chromedp.Flag("metrics-recording-only", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("password-store", "basic"),
		chromedp.Flag("use-mock-keychain", true),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	e.closers = append(e.closers, cancelAlloc)
	browser, cancelBrowser := chromedp.NewContext(alloc)
	e.closers = append(e.closers, cancelBrowser)
	// The first Run starts the browser, which lives as long as the context
	// given to it: so no timeout here.
	if err := chromedp.Run(browser); err != nil {
		return fmt.Errorf("starting %s: %w (%s)", path, err, installHint)
	}
	e.alloc, e.browser = alloc, browser
	return nil
}

// requestLog records every request the server sees, to check the page asks
// for nothing once ready.
type requestLog struct {
	mu   sync.Mutex
	reqs []loggedRequest
}

type loggedRequest struct {
	at   time.Time
	path string
}

func (l *requestLog) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l.mu.Lock()
		p := r.URL.Path
		if r.Method == http.MethodConnect || r.URL.IsAbs() {
			p = r.Method + " " + r.Host + r.URL.RequestURI()
		}
		l.reqs = append(l.reqs, loggedRequest{time.Now(), p})
		l.mu.Unlock()
		h.ServeHTTP(w, r)
	})
}

func (l *requestLog) since(t time.Time) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for _, r := range l.reqs {
		if r.at.After(t) {
			out = append(out, r.path)
		}
	}
	return out
}

// tab is one browser tab on the page, with what it logged.
type tab struct {
	t   testing.TB
	ctx context.Context
	env *env

	mu       sync.Mutex
	problems []string // console errors, exceptions, log errors
	dialogs  []string
}

// newTab opens the page in a fresh tab and waits for whosaid.ready.
func newTab(t testing.TB) *tab {
	t.Helper()
	e := mustEnv(t)
	ctx, cancel := chromedp.NewContext(e.browser)
	t.Cleanup(cancel)
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(cancelT)
	tb := &tab{t: t, ctx: ctx, env: e}
	chromedp.ListenTarget(ctx, tb.onEvent)
	if err := chromedp.Run(ctx, cdplog.Enable(), cdpruntime.Enable()); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	tb.open()
	return tb
}

// open navigates to the page and waits until the engine answers.
func (tb *tab) open() {
	tb.t.Helper()
	if err := chromedp.Run(tb.ctx, chromedp.Navigate(tb.env.srv.URL+"/")); err != nil {
		tb.t.Fatalf("loading the page: %v", err)
	}
	tb.await(`new Promise((resolve) => { const f = () => window.whosaid ? resolve() : setTimeout(f, 10); f(); })
		.then(() => window.whosaid.ready).then(() => true)`, nil)
}

func (tb *tab) onEvent(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	switch ev := ev.(type) {
	case *cdpruntime.EventConsoleAPICalled:
		if ev.Type == cdpruntime.APITypeError || ev.Type == cdpruntime.APITypeAssert {
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, string(a.Value)+a.Description)
			}
			tb.problems = append(tb.problems, "console."+string(ev.Type)+": "+strings.Join(parts, " "))
		}
	case *cdpruntime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		tb.problems = append(tb.problems, "exception: "+msg)
	case *cdplog.EventEntryAdded:
		if ev.Entry.Level == cdplog.LevelError {
			tb.problems = append(tb.problems, "log: "+ev.Entry.Text+" "+ev.Entry.URL)
		}
	case *page.EventJavascriptDialogOpening:
		tb.dialogs = append(tb.dialogs, string(ev.Type)+": "+ev.Message)
		// Close it, or the page stays blocked.
		go func() {
			_ = chromedp.Run(tb.ctx, page.HandleJavaScriptDialog(false))
		}()
	}
}

func (tb *tab) takeProblems() (problems, dialogs []string) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	problems, dialogs = tb.problems, tb.dialogs
	tb.problems, tb.dialogs = nil, nil
	return problems, dialogs
}

// await evaluates a JavaScript expression, waiting for its promise, and
// decodes the value into res (nil: ignore it).
func (tb *tab) await(js string, res any) {
	tb.t.Helper()
	if err := tb.try(js, res); err != nil {
		tb.t.Fatalf("%v\nin: %s", err, js)
	}
}

func (tb *tab) try(js string, res any) error {
	var sink []byte
	if res == nil {
		res = &sink
	}
	return chromedp.Run(tb.ctx, chromedp.Evaluate(js, res, func(p *cdpruntime.EvaluateParams) *cdpruntime.EvaluateParams {
		return p.WithAwaitPromise(true)
	}))
}

// screenshot saves a full-page PNG and returns its path.
func (tb *tab) screenshot(name string) string {
	tb.t.Helper()
	return tb.capture(name, chromedp.FullScreenshot)
}

// viewportShot saves what the viewport shows.
func (tb *tab) viewportShot(name string) string {
	tb.t.Helper()
	return tb.capture(name, func(res *[]byte, _ int) chromedp.EmulateAction { return chromedp.CaptureScreenshot(res) })
}

func (tb *tab) capture(name string, shot func(*[]byte, int) chromedp.EmulateAction) string {
	tb.t.Helper()
	dir := os.Getenv("WHOSAID_SCREENSHOT_DIR")
	if dir == "" {
		dir = filepath.Join(tb.env.root, ".cache", "webtest")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.t.Fatal(err)
	}
	var png []byte
	if err := chromedp.Run(tb.ctx, shot(&png, 100)); err != nil {
		tb.t.Fatalf("screenshot: %v", err)
	}
	path := filepath.Join(dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		tb.t.Fatal(err)
	}
	tb.t.Logf("screenshot: %s", path)
	return path
}
