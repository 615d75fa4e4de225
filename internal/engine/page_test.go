package engine

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// TestWebPage: the issue's page — a menu with "Subscribe now for $1 a
// week", a cookie notice, the article, a "Most read" list — gives the
// article's headline and byline, no claim from around it, and the
// extraction object; the whole page on request.
func TestWebPage(t *testing.T) {
	e := newEngine(t)
	page := `<!doctype html><html><head><title>Rates on hold as inflation cools | The Daily Example</title></head><body>
<nav><a href="/">Home</a> <a href="/subscribe">Subscribe now for $1 a week</a></nav>
<div class="cookie-notice"><p>We use cookies, and our policy says why. You agree to our policy by reading on.</p></div>
<article><h1>Rates on hold as inflation cools</h1><p class="byline">By Jane Roe, Reuters</p>
<p>The central bank kept its main rate unchanged on Thursday, saying inflation had slowed for a third month.</p>
<p>"We are not there yet," said the governor, Maria Lopez, at a press conference in the capital.</p></article>
<aside><h2>Most read</h2><ul><li><a href="/a">Ten things about the budget</a></li><li><a href="/b">The president said rates would fall</a></li></ul></aside>
</body></html>`
	res, err := e.Extract(context.Background(), Input{Text: page, Type: TypeHTML}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Meta.Title != "Rates on hold as inflation cools" || strings.Join(res.Meta.Authors, "|") != "Jane Roe" {
		t.Errorf("meta = %+v", res.Meta)
	}
	if sp := res.Meta.TitleSpan; sp == nil || sp.Text != res.Meta.Title {
		t.Errorf("title span = %+v", sp)
	}
	for _, c := range res.Claims {
		for _, junk := range []string{"Subscribe", "cookies", "policy", "Ten things", "president"} {
			if strings.Contains(c.Text, junk) {
				t.Errorf("a claim from outside the article: %q", c.Text)
			}
		}
	}
	x := res.Extraction
	if x == nil || x.Words == 0 || x.PageWords <= x.Words || len(x.Dropped) == 0 {
		t.Fatalf("extraction = %+v", x)
	}
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"extraction":{"words":`) {
		t.Errorf("JSON: %s", b)
	}
	whole, err := e.Extract(context.Background(), Input{Text: page, Type: TypeHTML}, Options{WholePage: true})
	if err != nil {
		t.Fatal(err)
	}
	if whole.Extraction != nil || !strings.Contains(whole.Text, "Subscribe now") {
		t.Errorf("whole page: extraction %+v, text %q", whole.Extraction, whole.Text)
	}
	plain, err := e.Extract(context.Background(), Input{Text: "It rained, the mayor said."}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if plain.Extraction != nil {
		t.Errorf("plain text has an extraction: %+v", plain.Extraction)
	}
}
