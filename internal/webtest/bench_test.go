package webtest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/whosaid/whosaid/internal/browsertest"
)

// The hooks for `make bench-web`:
//
//	go test ./internal/webtest -run '^$' -bench . -benchtime 5x
//
// BenchmarkReady is a first visit: a fresh tab after the browser's HTTP
// cache is cleared (the worker's files too), from navigation to
// whosaid.ready (download over loopback, compile, engine start).
func BenchmarkReady(b *testing.B) {
	e := mustEnv(b)
	for b.Loop() {
		b.StopTimer()
		ctx, cancel := chromedp.NewContext(e.browser)
		ctx, cancelT := context.WithTimeout(ctx, 2*time.Minute)
		tb := &tab{Tab: &browsertest.Tab{T: b, Ctx: ctx}, env: e}
		if err := chromedp.Run(ctx, network.ClearBrowserCache()); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		before := len(e.reqs.Since(time.Time{}))
		tb.open()
		if after := e.reqs.Since(time.Time{}); !hasSuffix(after[before:], ".wasm") {
			b.Fatalf("the engine came from a cache: requests %v", after[before:])
		}
		cancelT()
		cancel()
	}
}

// BenchmarkExtractSeed is one engine call on the seed article in the
// page's worker, JSON string included.
func BenchmarkExtractSeed(b *testing.B) {
	tb := newTab(b)
	seed := jsString(seedText(b))
	b.ResetTimer()
	for b.Loop() {
		tb.Await(`window.whosaid.extractRaw(`+seed+`).then((s) => s.length)`, nil)
	}
}

// BenchmarkAnalyzeSeed is what a reader waits for after pasting the seed:
// the engine call and drawing the view.
func BenchmarkAnalyzeSeed(b *testing.B) {
	tb := newTab(b)
	seed := jsString(seedText(b))
	b.ResetTimer()
	for b.Loop() {
		tb.Await(`window.whosaid.analyze(`+seed+`).then(() => true)`, nil)
	}
}

func hasSuffix(list []string, suffix string) bool {
	for _, s := range list {
		if strings.HasSuffix(s, suffix) {
			return true
		}
	}
	return false
}
