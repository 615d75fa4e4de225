package webtest

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/chromedp"

	"github.com/whosaid/whosaid/internal/browsertest"
	"github.com/whosaid/whosaid/internal/site"
)

// env is what every test shares: one built site, one server, one browser.
type env struct {
	root    string                  // the repository root
	proxy   *browsertest.RequestLog // requests chromium sent anywhere but loopback
	dist    string                  // the built site
	srv     *httptest.Server
	reqs    *browsertest.RequestLog
	browser context.Context // the first tab, which keeps the browser alive
}

var shared = browsertest.NewShared(setup)

// setup builds and starts everything once, for all tests.
func setup(c *browsertest.Cleanup) (*env, error) {
	e := &env{reqs: &browsertest.RequestLog{}, proxy: &browsertest.RequestLog{}}
	var err error
	if e.root, err = browsertest.RepoRoot(); err != nil {
		return e, err
	}
	if e.dist, err = c.TempDir("whosaid-dist-"); err != nil {
		return e, err
	}
	if err := buildSite(e.root, e.dist); err != nil {
		return e, err
	}
	h, err := site.New(e.dist)
	if err != nil {
		return e, fmt.Errorf("serving the site: %w", err)
	}
	e.srv = httptest.NewServer(e.reqs.Wrap(h)) // listens on 127.0.0.1
	c.Add(e.srv.Close)
	// Every request for another host goes through this proxy, which logs
	// and refuses it: it sees the worker's requests too, which DevTools
	// reports on another target. Loopback bypasses proxies in chromium.
	proxy := httptest.NewServer(e.proxy.Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "whosaid tests: no network", http.StatusForbidden)
	})))
	c.Add(proxy.Close)
	e.browser, err = browsertest.StartBrowser(c, chromedp.ProxyServer(proxy.URL))
	return e, err
}

func TestMain(m *testing.M) { shared.Main(m) }

// mustEnv returns the shared environment or ends the test: skipped only
// when WHOSAID_SKIP_BROWSER=1, failed otherwise.
func mustEnv(t testing.TB) *env {
	t.Helper()
	return shared.Get(t)
}

// buildSite runs the project's build (go run ./build -out DIR). Until the
// build program exists (or with WHOSAID_WEB_UNBUILT=1, to work on the page
// without the build) it stages web/ with a wasm built here: the same files,
// unhashed and unminified.
func buildSite(root, dir string) error {
	if hasGoFiles(filepath.Join(root, "build")) && os.Getenv("WHOSAID_WEB_UNBUILT") != "1" {
		return browsertest.BuildSite(root, dir)
	}
	web := filepath.Join(root, "web")
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
	return browsertest.Run(root, 5*time.Minute, "env", "GOOS=js", "GOARCH=wasm", "go", "build", "-trimpath", "-o", filepath.Join(dir, "engine.wasm"), "./wasm/browser")
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

// tab is one browser tab on the page.
type tab struct {
	*browsertest.Tab
	env *env
}

// newTab opens the page in a fresh tab and waits for whosaid.ready.
func newTab(t testing.TB) *tab {
	t.Helper()
	e := mustEnv(t)
	tb := &tab{Tab: browsertest.NewTab(t, e.browser, browsertest.TabOptions{Asserts: true, LogErrors: true}, cdplog.Enable()), env: e}
	tb.open()
	return tb
}

// open navigates to the page and waits until the engine answers.
func (tb *tab) open() {
	tb.T.Helper()
	if err := chromedp.Run(tb.Ctx, chromedp.Navigate(tb.env.srv.URL+"/")); err != nil {
		tb.T.Fatalf("loading the page: %v", err)
	}
	tb.Await(`new Promise((resolve) => { const f = () => window.whosaid ? resolve() : setTimeout(f, 10); f(); })
		.then(() => window.whosaid.ready).then(() => true)`, nil)
}

// screenshot saves a full-page PNG and returns its path.
func (tb *tab) screenshot(name string) string {
	tb.T.Helper()
	return tb.Screenshot(tb.shotDir(), name)
}

// viewportShot saves what the viewport shows.
func (tb *tab) viewportShot(name string) string {
	tb.T.Helper()
	return tb.ViewportShot(tb.shotDir(), name)
}

// shotDir is WHOSAID_SCREENSHOT_DIR, by default .cache/webtest/.
func (tb *tab) shotDir() string {
	if dir := os.Getenv("WHOSAID_SCREENSHOT_DIR"); dir != "" {
		return dir
	}
	return filepath.Join(tb.env.root, ".cache", "webtest")
}
