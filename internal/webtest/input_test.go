package webtest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestExample: one click on the example shows each case the example was
// written for.
func TestExample(t *testing.T) {
	tb := newTab(t)
	tb.Await(`document.getElementById('status-text').textContent = '', document.getElementById('example').click(), true`, nil)
	tb.waitIdle()
	tb.screenshot("example")
	claims := tb.drawnClaims()
	kinds := map[string]bool{}
	var got struct {
		Kinds     []string
		Anonymous int
		Scare     bool
	}
	tb.Await(`(() => ({
		Kinds: [...document.querySelectorAll('#article mark.claim')].map((m) => m.dataset.kind),
		Anonymous: [...document.querySelectorAll('#sources .source-kind')].filter((e) => e.textContent === 'anonymous').length,
		Scare: [...document.querySelectorAll('#article mark.claim')].some((m) => m.textContent.includes('"temporary"')),
	}))()`, &got)
	for _, k := range got.Kinds {
		kinds[k] = true
	}
	for _, k := range []string{"direct", "indirect", "mixed"} {
		if !kinds[k] {
			t.Errorf("the example shows no %s claim (kinds %v)", k, got.Kinds)
		}
	}
	if got.Anonymous == 0 {
		t.Error("the example shows no anonymous source")
	}
	if got.Scare {
		t.Error(`the scare quote "temporary" is highlighted as a claim`)
	}
	pronoun := false
	for _, c := range claims {
		if strings.Contains(c.Text, "painful but unavoidable") {
			pronoun = strings.Contains(c.Tip, "Ruiz")
		}
	}
	if !pronoun {
		t.Error(`the claim after "She said" is not labelled with Ruiz`)
	}
	var unattr int
	tb.Await(`document.querySelectorAll('#unattributed .unattr-item').length`, &unattr)
	if unattr == 0 {
		t.Error("the example shows no unattributed claim")
	}
}

// TestOpenFile: a .txt and an .html file opened with the file button are
// analysed, the HTML through the engine's HTML input.
func TestOpenFile(t *testing.T) {
	tb := newTab(t)
	dir := t.TempDir()
	files := map[string]string{
		"story.txt":  "\"The bridge is safe\", said the engineer, Maria Lopez.\n",
		"story.html": "<!doctype html><title>Bridge</title><p>&quot;The bridge is safe&quot;, said the engineer, <b>Maria Lopez</b>.</p><script>window.__xss=1</script>",
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		tb.Await(`document.getElementById('status-text').textContent = '', true`, nil)
		if err := chromedp.Run(tb.Ctx, chromedp.SetUploadFiles(`#file`, []string{p}, chromedp.ByQuery)); err != nil {
			t.Fatal(err)
		}
		tb.waitIdle()
		var shown struct{ Article, Note string }
		tb.Await(`({Article: document.getElementById('article').textContent, Note: document.getElementById('paste-note').textContent})`, &shown)
		if !strings.Contains(shown.Article, `"The bridge is safe", said the engineer, Maria Lopez.`) {
			t.Errorf("%s: article shown = %q", name, shown.Article)
		}
		if strings.Contains(shown.Article, "<") || strings.Contains(shown.Article, "__xss") {
			t.Errorf("%s: markup reached the article: %q", name, shown.Article)
		}
		if !strings.Contains(shown.Note, name) {
			t.Errorf("%s: note = %q", name, shown.Note)
		}
	}
	var xss bool
	tb.Await(`window.__xss !== undefined`, &xss)
	if xss {
		t.Error("the HTML file's script ran")
	}
}
