package readable

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/htmltext"
)

var update = flag.Bool("update", false, "rewrite the golden .json files in testdata/")

// TestGolden: each testdata/*.html read as an article, against its .json.
func TestGolden(t *testing.T) {
	ins, err := filepath.Glob("testdata/*.html")
	if err != nil || len(ins) == 0 {
		t.Fatalf("no fixtures in testdata/: %v", err)
	}
	for _, in := range ins {
		t.Run(filepath.Base(in), func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			a, err := Extract(string(src), Options{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(a, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(in, ".html") + ".json"
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if string(got)+"\n" != string(want) {
				t.Errorf("Extract(%s) differs from %s (go test ./internal/readable -update rewrites it):\n%s", in, golden, got)
			}
		})
	}
}

// TestPage: the page — menu, cookie notice, article, "Most read",
// comments, footer — gives the article, its headline and byline, and none
// of the rest.
func TestPage(t *testing.T) {
	src, err := os.ReadFile("testdata/page.html")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Extract(string(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Central bank holds rates", "By Jane Roe, Reuters", `"We are not there yet," said`, "paying the price."} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("the article lost %q:\n%s", want, a.Text)
		}
	}
	for _, junk := range []string{"Subscribe now", "cookies", "Ten things", "president said", "Great article", "All rights reserved", "Share on"} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("the article kept %q:\n%s", junk, a.Text)
		}
	}
	if a.Title != "Central bank holds rates as inflation cools" || strings.Join(a.Authors, "|") != "Jane Roe" || a.Published != "2024-03-14" {
		t.Errorf("meta = %q %q %q", a.Title, a.Authors, a.Published)
	}
	if !a.Extracted || a.Words == 0 || a.PageWords <= a.Words {
		t.Errorf("extraction = %v %d of %d", a.Extracted, a.Words, a.PageWords)
	}
	kinds := map[string]bool{}
	for _, d := range a.Dropped {
		kinds[d.Kind] = true
	}
	for _, k := range []string{KindComments, KindNotices, KindSidebars, KindFooters} {
		if !kinds[k] {
			t.Errorf("dropped %v, want %s among them", a.Dropped, k)
		}
	}
	whole, err := Extract(string(src), Options{WholePage: true})
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := htmltext.Extract(string(src)); whole.Text != want || whole.Extracted {
		t.Errorf("WholePage: text %q, extracted %v; want htmltext's text", whole.Text, whole.Extracted)
	}
}

// TestFragment: a selection of an article, share buttons and all, shows no
// page around it and is read whole, exactly as htmltext reads it.
func TestFragment(t *testing.T) {
	for _, src := range []string{
		"<p>\"The pier cannot wait,\" said Tomas Reyes.</p><p>Works start in May.</p>",
		"plain words, no markup at all",
		"<div class=\"share\"><a href=\"#\">Share</a></div><p>It rained.</p>",
		"<header><h1>Title</h1><p class=\"byline\">By Ana Ruiz</p></header><p>It rained all day, she said.</p>",
	} {
		a, err := Extract(src, Options{})
		if err != nil {
			t.Fatal(err)
		}
		want, _ := htmltext.Extract(src)
		if a.Text != want || a.Extracted {
			t.Errorf("Extract(%q) = %q (extracted %v), want %q", src, a.Text, a.Extracted, want)
		}
	}
}

// TestHostile: pages built to be slow or to crash — deep nesting, many
// siblings, huge attributes, broken JSON-LD — come back without error.
// Their cost is measured by BenchmarkHostile.
func TestHostile(t *testing.T) {
	for name, src := range hostile(2000) {
		a, err := Extract(src, Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if len(a.Text) > len(src) {
			t.Errorf("%s: text longer than the page", name)
		}
	}
	if _, err := Extract("<p>\xff</p>", Options{}); err == nil {
		t.Error("invalid UTF-8 was accepted")
	}
}

// hostile builds pages of about n elements each.
func hostile(n int) map[string]string {
	page := func(body string) string {
		return "<html><head><title>t</title></head><body><nav><a href=/>Home</a></nav>" + body + "<footer>f</footer></body></html>"
	}
	para := "<p>Words, words, and more words, in a paragraph long enough to count for something here.</p>"
	return map[string]string{
		"deep divs":      page(strings.Repeat("<div class=content>", n) + para + strings.Repeat("</div>", n)),
		"deep inline":    page("<p>" + strings.Repeat("<span><a href=#>", n) + "text, and more" + strings.Repeat("</a></span>", n) + "</p>"),
		"deep shallow":   page(strings.Repeat("<div>", 120) + strings.Repeat(para, n/10) + strings.Repeat("</div>", 120)),
		"many siblings":  page("<div class=post>" + strings.Repeat(para, n) + "</div>" + strings.Repeat("<div class=related><a href=#>x</a></div>", n)),
		"many sections":  page(strings.Repeat("<section><div><div><div><div><div><div>"+para+"</div></div></div></div></div></div></section>", n/10)),
		"huge attribute": page("<div class=\"" + strings.Repeat("comment content ", n*10) + "\" id=\"" + strings.Repeat("x", n*100) + "\">" + para + "</div>" + para),
		"many metas":     "<head>" + strings.Repeat("<meta name=author content=\"A, B and C\">", n) + "</head><body>" + para + "<nav>n</nav></body>",
		"bad json-ld":    "<script type=application/ld+json>" + strings.Repeat("[", n) + "</script>" + page(para),
		"nested bylines": page(strings.Repeat("<div class=byline>by someone with a rather long name that goes on and on, "+strings.Repeat("<i></i>", 20), n/20) + para + strings.Repeat("</div>", n/20)),
		"nested h1":      page(strings.Repeat("<h1><div>", n/4) + para + strings.Repeat("</div></h1>", n/4)),
		"deep json-ld":   "<script type=application/ld+json>" + strings.Repeat(`{"@graph":[`, n) + strings.Repeat("]}", n) + "</script>" + page(para),
	}
}

// BenchmarkHostile: each hostile page at n and 10n elements; the ratio of
// their ns/op shows the cost stays linear.
func BenchmarkHostile(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		for name, src := range hostile(n) {
			b.Run(name+"/"+itoa(n), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					if _, err := Extract(src, Options{}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func itoa(n int) string {
	if n >= 10000 {
		return "10k"
	}
	return "1k"
}

// FuzzExtract: any input reads without a panic, and a failure is only ever
// invalid UTF-8.
func FuzzExtract(f *testing.F) {
	for _, in := range []string{"", "<p>a</p>", "<nav>x</nav><article><p>Hello, world, again and again.</p></article>",
		`<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","author":{"name":"N"}}</script>`,
		"<title>A | B</title><h1>A</h1><div class=byline>By X and Y</div>"} {
		f.Add(in)
	}
	if src, err := os.ReadFile("testdata/page.html"); err == nil {
		f.Add(string(src))
	}
	bylines, _ := filepath.Glob("testdata/bylines/*.html")
	for _, in := range bylines {
		if src, err := os.ReadFile(in); err == nil {
			f.Add(string(src))
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, whole := range []bool{false, true} {
			a, err := Extract(src, Options{WholePage: whole})
			if err != nil {
				if _, herr := htmltext.Extract(src); herr == nil {
					t.Fatalf("Extract failed where htmltext did not: %v", err)
				}
				continue
			}
			if a.Extracted && (a.Words > a.PageWords || len(a.Dropped) == 0) {
				t.Fatalf("inconsistent extraction: %d of %d words, dropped %v", a.Words, a.PageWords, a.Dropped)
			}
		}
	})
}
