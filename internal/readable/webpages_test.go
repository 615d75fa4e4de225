package readable

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	// Test only: Mozilla Readability's Go port, run beside ours on the
	// same pages. It never links into a binary (see README).
	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// webpagesFlag holds Readability's test pages (source.html, expected.html,
// expected-metadata.json per folder), beside the project by default.
var webpagesFlag = flag.String("webpages", "../../../shared/webpages", "directory of Readability-style test pages")

type webpage struct {
	name, src, expected string
	title, byline       string
}

func loadWebpages(tb testing.TB) []webpage {
	webpagesDir := *webpagesFlag
	ents, err := os.ReadDir(webpagesDir)
	if err != nil {
		tb.Fatalf("the web pages corpus is missing: %v (it lives in ../shared/webpages beside the project)", err)
	}
	var out []webpage
	for _, e := range ents {
		d := filepath.Join(webpagesDir, e.Name())
		src, err1 := os.ReadFile(filepath.Join(d, "source.html"))
		exp, err2 := os.ReadFile(filepath.Join(d, "expected.html"))
		mj, err3 := os.ReadFile(filepath.Join(d, "expected-metadata.json"))
		if err1 != nil || err2 != nil || err3 != nil {
			continue
		}
		var m struct{ Title, Byline string }
		if err := json.Unmarshal(mj, &m); err != nil {
			tb.Fatalf("%s: %v", e.Name(), err)
		}
		out = append(out, webpage{e.Name(), string(src), string(exp), m.Title, m.Byline})
	}
	if len(out) == 0 {
		tb.Fatalf("no pages in %s", webpagesDir)
	}
	return out
}

// scoreWords splits like the scorer (../shared/bench/webpage.py): runs of
// word characters, case-folded.
func scoreWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !isWordRune(r) })
}

// goldText is the text of expected.html, all of it (scripts and styles
// aside), as the scorer reads it.
func goldText(src string) string {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return ""
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template:
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return b.String()
}

// overlap is the bag-of-words precision and recall of got against gold.
func overlap(got, gold string) (p, r float64) {
	bag := map[string]int{}
	ng := 0
	for _, w := range scoreWords(gold) {
		bag[w]++
		ng++
	}
	ov, n := 0, 0
	for _, w := range scoreWords(got) {
		n++
		if bag[w] > 0 {
			bag[w]--
			ov++
		}
	}
	return float64(ov) / float64(max(1, n)), float64(ov) / float64(max(1, ng))
}

type figures struct {
	p, r, title, byline float64
	bylines             int
	times               []time.Duration
}

func (f *figures) add(pg webpage, text, title string, authors []string, d time.Duration) {
	p, r := overlap(text, goldText(pg.expected))
	f.p += p
	f.r += r
	if strings.Join(scoreWords(title), " ") == strings.Join(scoreWords(pg.title), " ") {
		f.title++
	}
	if want := scoreWords(pg.byline); len(want) > 0 {
		f.bylines++
		have := map[string]bool{}
		for _, w := range scoreWords(strings.Join(authors, " ")) {
			have[w] = true
		}
		ok := true
		for _, w := range want {
			ok = ok && have[w]
		}
		if ok {
			f.byline++
		}
	}
	f.times = append(f.times, d)
}

func (f *figures) median() time.Duration {
	t := append([]time.Duration(nil), f.times...)
	sort.Slice(t, func(i, j int) bool { return t[i] < t[j] })
	return t[len(t)/2]
}

// TestWebpages scores our extractor and go-readability on the same pages in
// the same run, as ../shared/bench/webpage.py does, and holds ours to the
// issue's floors. Run with -v to see both.
func TestWebpages(t *testing.T) {
	pages := loadWebpages(t)
	var ours, theirs figures
	kept := 0.0
	worstKept, worstName := 1.0, ""
	for _, pg := range pages {
		start := time.Now()
		a, err := Extract(pg.src, Options{})
		d := time.Since(start)
		if err != nil {
			t.Errorf("%s: %v", pg.name, err)
			continue
		}
		ours.add(pg, a.Text, a.Title, a.Authors, d)

		start = time.Now()
		art, err := readability.FromReader(strings.NewReader(pg.src), nil)
		d = time.Since(start)
		var buf bytes.Buffer
		if err == nil && art.Node != nil {
			_ = art.RenderText(&buf)
		}
		theirs.add(pg, buf.String(), art.Title(), []string{art.Byline()}, d)

		// The article alone, pasted back: nothing of it is lost.
		b, err := Extract(pg.expected, Options{})
		if err != nil {
			t.Errorf("%s expected.html: %v", pg.name, err)
			continue
		}
		_, r := overlap(b.Text, goldText(pg.expected))
		kept += r
		if r < worstKept {
			worstKept, worstName = r, pg.name
		}
	}
	n := float64(len(pages))
	for _, row := range []struct {
		name string
		f    *figures
	}{{"whosaid/readable", &ours}, {"go-readability v2.1.3", &theirs}} {
		f := row.f
		t.Logf("%-22s pages %d  text P %.3f R %.3f  title %.3f  byline %.3f (of %d)  median %v per page",
			row.name, len(pages), f.p/n, f.r/n, f.title/n, f.byline/float64(max(1, f.bylines)), f.bylines, f.median())
	}
	t.Logf("expected.html pasted back: mean %.4f of its words kept, least %.3f (%s)", kept/n, worstKept, worstName)
	if p, r, ti := ours.p/n, ours.r/n, ours.title/n; p < 0.95 || r < 0.97 || ti < 0.90 {
		t.Errorf("below the floors: text P %.3f (0.95) R %.3f (0.97) title %.3f (0.90)", p, r, ti)
	}
	if kept/n < 0.99 {
		t.Errorf("pasting an article back kept %.4f of its words, want ≥ 0.99", kept/n)
	}
}

// BenchmarkWebpages reads every page once per iteration, with ours and with
// go-readability: compare their ns/op.
func BenchmarkWebpages(b *testing.B) {
	pages := loadWebpages(b)
	b.Run("readable", func(b *testing.B) {
		for b.Loop() {
			for _, pg := range pages {
				if _, err := Extract(pg.src, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("go-readability", func(b *testing.B) {
		for b.Loop() {
			for _, pg := range pages {
				art, err := readability.FromReader(strings.NewReader(pg.src), nil)
				if err == nil && art.Node != nil {
					_ = art.RenderText(&bytes.Buffer{})
				}
			}
		}
	})
}
