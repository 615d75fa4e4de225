package webtest

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// TestExports: CSV and Markdown come from the engine's formatter, and the
// copy button puts the chosen export on the clipboard.
func TestExports(t *testing.T) {
	tb := newTab(t)
	res := tb.analyze(seedText(t), "text/plain")
	var out struct{ JSON, CSV, MD string }
	tb.Await(`window.whosaid.extractRaw(`+jsString(res.Text)+`).then(async (j) => ({
		JSON: j, CSV: await window.whosaid.format(j, 'csv'), MD: await window.whosaid.format(j, 'md')}))`, &out)
	if !strings.HasPrefix(out.JSON, `{"version":`) {
		t.Errorf("JSON export starts %.40q", out.JSON)
	}
	if out.CSV == "" || strings.HasPrefix(out.CSV, `{"error"`) || !strings.Contains(out.CSV, ",") {
		t.Errorf("CSV export = %.200q", out.CSV)
	}
	if out.MD == "" || strings.HasPrefix(out.MD, `{"error"`) || !strings.Contains(out.MD, "#") {
		t.Errorf("Markdown export = %.200q", out.MD)
	}
	var bad string
	tb.Await(`window.whosaid.format('{}', 'nonsense').then(() => 'resolved', (e) => e.code || String(e))`, &bad)
	if bad == "resolved" {
		t.Error("an unknown format did not fail")
	}

	// Copy to clipboard, as a reader would: choose Markdown, press Copy.
	err := chromedp.Run(tb.Ctx, browser.GrantPermissions([]browser.PermissionType{
		browser.PermissionTypeClipboardReadWrite, browser.PermissionTypeClipboardSanitizedWrite,
	}).WithOrigin(tb.env.srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	var note, clip string
	if err := chromedp.Run(tb.Ctx,
		chromedp.SetValue(`#format`, "md", chromedp.ByQuery),
		chromedp.Click(`#copy`, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	tb.Await(`new Promise((resolve) => { const f = () => { const s = document.getElementById('export-note').textContent; s ? resolve(s) : setTimeout(f, 10); }; f(); })`, &note)
	if note != "Copied to the clipboard." {
		t.Fatalf("copy: %q", note)
	}
	tb.Await(`navigator.clipboard.readText()`, &clip)
	if clip != out.MD {
		t.Errorf("the clipboard holds %.100q, want the Markdown export", clip)
	}

	// A tap (click) on a claim shows who said it.
	var tip string
	if err := chromedp.Run(tb.Ctx, chromedp.Click(`#article mark.claim`, chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	tb.Await(`(() => { const t = document.getElementById('tip'); return t.hidden ? '' : t.textContent; })()`, &tip)
	if !strings.Contains(tip, "Who") || !strings.Contains(tip, "Cue") {
		t.Errorf("tip after a tap = %q", tip)
	}
}
