package webtest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/whosaid/whosaid/internal/browsertest"
)

// downloadHook runs before the page's scripts and logs every change to the
// progress bar and the status line while the engine downloads.
const downloadHook = `(() => {
	const log = window.__download = [];
	new MutationObserver(() => {
		const bar = document.getElementById('progress'), st = document.getElementById('status-text');
		if (!bar || !st) return;
		log.push({status: st.textContent, value: bar.value, max: bar.max, determinate: bar.hasAttribute('value'), hidden: bar.hidden});
	}).observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
})();`

type downloadStep struct {
	Status      string  `json:"status"`
	Value       float64 `json:"value"`
	Max         float64 `json:"max"`
	Determinate bool    `json:"determinate"`
}

// TestDownloadProgress: on a first visit the engine's download bar has a
// real total, the engine's uncompressed size, even though the wasm is
// served compressed, and it reaches that total.
func TestDownloadProgress(t *testing.T) {
	e := mustEnv(t)
	ctx, cancel := chromedp.NewContext(e.browser)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelT()
	tb := &tab{Tab: &browsertest.Tab{T: t, Ctx: ctx}, env: e}
	err := chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		if err := network.ClearBrowserCache().Do(ctx); err != nil {
			return err
		}
		_, err := page.AddScriptToEvaluateOnNewDocument(downloadHook).Do(ctx)
		return err
	}), chromedp.Navigate(e.srv.URL+"/"))
	if err != nil {
		t.Fatal(err)
	}
	tb.Await(`new Promise((resolve) => { const f = () => window.whosaid ? resolve() : setTimeout(f, 10); f(); })
		.then(() => window.whosaid.ready).then(() => true)`, nil)
	var steps []downloadStep
	tb.Await(`window.__download.filter((s) => s.status.startsWith('Downloading'))`, &steps)

	wasm := builtFile(t, e, "engine", ".wasm")
	fi, err := os.Stat(filepath.Join(e.dist, wasm))
	if err != nil {
		t.Fatal(err)
	}
	size := float64(fi.Size())
	var enc string
	tb.Await(`fetch(`+jsString("/"+wasm)+`).then((r) => r.headers.get('Content-Encoding') || 'identity')`, &enc)
	t.Logf("%s: %d bytes, served with Content-Encoding %s; %d download steps", wasm, fi.Size(), enc, len(steps))
	if len(steps) == 0 {
		t.Fatal("the page never showed the download")
	}
	reached := false
	for _, s := range steps {
		if !s.Determinate || s.Max != size || !strings.Contains(s.Status, " of ") {
			t.Errorf("download step %+v: want a bar with max %v (the engine's size) and a status saying of how much", s, size)
		}
		if s.Value == s.Max {
			reached = true
		}
	}
	if !reached {
		t.Errorf("the download bar never reached its max: %+v", steps)
	}
}
