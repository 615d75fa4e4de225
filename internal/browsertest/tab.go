package browsertest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Tab is one browser tab, closed when the test ends, recording what the
// page reported as wrong: console errors, uncaught exceptions, what
// TabOptions adds, and dialogs, which it dismisses.
type Tab struct {
	T   testing.TB
	Ctx context.Context // the tab's, with a 3 minute limit

	opts     TabOptions
	mu       sync.Mutex
	problems []string
	dialogs  []string
}

// TabOptions fits a Tab to a suite. What else counts as a problem differs:
// e.g. a host page without a favicon logs a failed load that is not the
// embed's.
type TabOptions struct {
	Asserts   bool // failed console.assert calls
	LogErrors bool // the browser's error log entries: failed loads, CSP violations
	// Listen, if set, gets every event of the tab too, from before the
	// enable actions run: for what a suite watches itself.
	Listen func(ev any)
}

// NewTab opens a blank tab in browser (from StartBrowser) and enables the
// runtime domain and whatever enable runs, ending the test on failure.
func NewTab(t testing.TB, browser context.Context, opts TabOptions, enable ...chromedp.Action) *Tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(cancelT)
	tb := &Tab{T: t, Ctx: ctx, opts: opts}
	chromedp.ListenTarget(ctx, tb.onEvent)
	if opts.Listen != nil {
		chromedp.ListenTarget(ctx, opts.Listen)
	}
	if err := chromedp.Run(ctx, append([]chromedp.Action{cdpruntime.Enable()}, enable...)...); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	return tb
}

func (tb *Tab) onEvent(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	switch ev := ev.(type) {
	case *cdpruntime.EventConsoleAPICalled:
		if ev.Type == cdpruntime.APITypeError || (ev.Type == cdpruntime.APITypeAssert && tb.opts.Asserts) {
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
		if ev.Entry.Level == cdplog.LevelError && tb.opts.LogErrors {
			tb.problems = append(tb.problems, "log: "+ev.Entry.Text+" "+ev.Entry.URL)
		}
	case *page.EventJavascriptDialogOpening:
		tb.dialogs = append(tb.dialogs, string(ev.Type)+": "+ev.Message)
		// Close it, or the page stays blocked.
		go func() {
			_ = chromedp.Run(tb.Ctx, page.HandleJavaScriptDialog(false))
		}()
	}
}

// Problems returns what the page reported so far.
func (tb *Tab) Problems() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return append([]string(nil), tb.problems...)
}

// TakeProblems returns the problems and dialogs so far and forgets them.
func (tb *Tab) TakeProblems() (problems, dialogs []string) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	problems, dialogs = tb.problems, tb.dialogs
	tb.problems, tb.dialogs = nil, nil
	return problems, dialogs
}

// Await evaluates a JavaScript expression, waiting for its promise, and
// decodes the value into res (nil: ignore it); it ends the test on error.
func (tb *Tab) Await(js string, res any) {
	tb.T.Helper()
	if err := tb.Try(js, res); err != nil {
		tb.T.Fatalf("%v\nin: %s", err, js)
	}
}

// Try is Await returning the error, for scripts expected to fail.
func (tb *Tab) Try(js string, res any) error {
	var sink []byte
	if res == nil {
		res = &sink
	}
	return chromedp.Run(tb.Ctx, chromedp.Evaluate(js, res, func(p *cdpruntime.EvaluateParams) *cdpruntime.EvaluateParams {
		return p.WithAwaitPromise(true)
	}))
}

// Screenshot saves the full page as dir/name.png and returns its path.
func (tb *Tab) Screenshot(dir, name string) string {
	tb.T.Helper()
	return tb.capture(dir, name, chromedp.FullScreenshot)
}

// ViewportShot saves what the viewport shows as dir/name.png.
func (tb *Tab) ViewportShot(dir, name string) string {
	tb.T.Helper()
	return tb.capture(dir, name, func(res *[]byte, _ int) chromedp.EmulateAction { return chromedp.CaptureScreenshot(res) })
}

func (tb *Tab) capture(dir, name string, shot func(*[]byte, int) chromedp.EmulateAction) string {
	tb.T.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.T.Fatal(err)
	}
	var png []byte
	if err := chromedp.Run(tb.Ctx, shot(&png, 100)); err != nil {
		tb.T.Fatalf("screenshot: %v", err)
	}
	path := filepath.Join(dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		tb.T.Fatal(err)
	}
	tb.T.Logf("screenshot: %s", path)
	return path
}
