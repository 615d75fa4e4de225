package webtest

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"github.com/whosaid/whosaid/internal/browsertest"
	"github.com/whosaid/whosaid/internal/engine"
	"github.com/whosaid/whosaid/internal/export"
)

// wholePageJSON is the CLI's answer for a page with --whole-page.
func wholePageJSON(t testing.TB, page string) string {
	t.Helper()
	e, err := engine.New()
	if err != nil {
		t.Fatal(err)
	}
	res, err := e.Extract(context.Background(), engine.Input{Text: page, Type: engine.TypeHTML}, engine.Options{WholePage: true})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := export.Write(&buf, res, "json"); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// copiedJSON is what the page's JSON export puts on the clipboard: the
// result drawn now.
func (tb *tab) copiedJSON() string {
	tb.T.Helper()
	if err := chromedp.Run(tb.Ctx, browser.GrantPermissions([]browser.PermissionType{
		browser.PermissionTypeClipboardReadWrite, browser.PermissionTypeClipboardSanitizedWrite,
	}).WithOrigin(tb.env.srv.URL)); err != nil {
		tb.T.Fatal(err)
	}
	tb.Await(`document.getElementById('export-note').textContent = '', true`, nil)
	if err := chromedp.Run(tb.Ctx, chromedp.SetValue(`#format`, "json", chromedp.ByQuery), chromedp.Click(`#copy`, chromedp.ByQuery)); err != nil {
		tb.T.Fatal(err)
	}
	var note, clip string
	tb.Await(`new Promise((resolve) => { const f = () => { const s = document.getElementById('export-note').textContent; s ? resolve(s) : setTimeout(f, 10); }; f(); })`, &note)
	if note != "Copied to the clipboard." {
		tb.T.Fatalf("copy: %q", note)
	}
	tb.Await(`navigator.clipboard.readText()`, &clip)
	return clip
}

// extractionLine is the line that says what was left out, and its control.
type extractionLine struct {
	Hidden       bool
	Text, Button string
}

func (tb *tab) extractionLine() extractionLine {
	var l extractionLine
	tb.Await(`({Hidden: document.getElementById('extraction').hidden,
		Text: document.getElementById('extraction-text').textContent,
		Button: document.getElementById('extraction-toggle').textContent})`, &l)
	return l
}

func readPage(t *testing.T) string {
	b, err := os.ReadFile("testdata/whole-page.html")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestPasteWholePage: a whole page pasted as rich text (select all, copy)
// is read as its article — the result is the CLI's, byte for byte — the
// page says what it left out, and its control analyses the whole page
// instead, again as the CLI does with --whole-page.
func TestPasteWholePage(t *testing.T) {
	tb := newTab(t)
	page := readPage(t)
	tb.Await(`(() => {
		const ta = document.getElementById('paste');
		document.getElementById('status-text').textContent = '';
		const dt = new DataTransfer();
		dt.setData('text/html', `+jsString(page)+`);
		dt.setData('text/plain', 'The Harbour Times News Sport Café owners fear the new pier plan');
		ta.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));
		return true;
	})()`, nil)
	tb.waitIdle()
	if got, want := tb.copiedJSON(), string(browsertest.ExpectedJSON(t, page, "text/html")); got != want {
		t.Errorf("rich paste: the page's JSON differs from the CLI's\npage: %.400q\ncli:  %.400q", got, want)
	}
	l := tb.extractionLine()
	if l.Hidden || !strings.HasPrefix(l.Text, "Read the article: ") || !strings.Contains(l.Text, "left out") || l.Button != "Analyse the whole page instead" {
		t.Errorf("extraction line = %+v", l)
	}
	var shown string
	tb.Await(`document.getElementById('article').textContent`, &shown)
	for _, junk := range []string{"Subscribe now", "cookies", "president said", "never listens"} {
		if strings.Contains(shown, junk) {
			t.Errorf("the article shown holds %q", junk)
		}
	}

	tb.Await(`document.getElementById('status-text').textContent = '', document.getElementById('extraction-toggle').click(), true`, nil)
	tb.waitIdle()
	if got, want := tb.copiedJSON(), wholePageJSON(t, page); got != want {
		t.Errorf("whole page: the page's JSON differs from the CLI's --whole-page\npage: %.400q\ncli:  %.400q", got, want)
	}
	if l := tb.extractionLine(); l.Hidden || l.Text != "Analysed the whole page." || l.Button != "Read only the article" {
		t.Errorf("after the control: extraction line = %+v", l)
	}
	var whole string
	tb.Await(`window.whosaid.extractRaw(`+jsString(page)+`, {type: 'text/html', wholePage: true})`, &whole)
	if whole != wholePageJSON(t, page) {
		t.Error("extractRaw with wholePage differs from the CLI's --whole-page")
	}
}

// TestDropSavedPage: a saved page dropped on the input is read as its
// article, with the CLI's bytes.
func TestDropSavedPage(t *testing.T) {
	tb := newTab(t)
	page := readPage(t)
	tb.Await(`(() => {
		document.getElementById('status-text').textContent = '';
		const dt = new DataTransfer();
		dt.items.add(new File([`+jsString(page)+`], 'pier.html', {type: 'text/html'}));
		const target = document.querySelector('section.input');
		target.dispatchEvent(new DragEvent('dragover', {dataTransfer: dt, bubbles: true, cancelable: true}));
		target.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
		return true;
	})()`, nil)
	tb.waitIdle()
	if got, want := tb.copiedJSON(), string(browsertest.ExpectedJSON(t, page, "text/html")); got != want {
		t.Errorf("dropped page: the page's JSON differs from the CLI's\npage: %.400q\ncli:  %.400q", got, want)
	}
	if l := tb.extractionLine(); l.Hidden || !strings.HasPrefix(l.Text, "Read the article: ") {
		t.Errorf("extraction line = %+v", l)
	}
	var title string
	tb.Await(`document.getElementById('meta-title').textContent`, &title)
	if !strings.Contains(title, "Café owners fear the new pier plan") {
		t.Errorf("title shown = %q", title)
	}
}
