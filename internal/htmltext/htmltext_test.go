package htmltext

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden .txt files in testdata/")

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
			got, err := Extract(string(src))
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(in, ".html") + ".txt"
			if *update {
				if err := os.WriteFile(golden, []byte(got+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got+"\n" != string(want) {
				t.Errorf("Extract(%s) differs from %s (go test -update rewrites it):\ngot:\n%s", in, golden, got)
			}
		})
	}
}

func TestExtract(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain text", "plain text"},
		{"<p>One</p><p>Two</p>", "One\n\nTwo"},
		{"<h1>Head</h1>By <b>Ann</b><div>Body&nbsp;text &amp; more</div>", "Head\n\nBy Ann\n\nBody\u00a0text & more"},
		{"a<br>b<br><br>c", "a\nb\n\nc"},
		{"  lots   of\n\t white   space  ", "lots of white space"},
		{"<span>in</span><span>line</span> <i>words</i>", "inline words"},
		{"a<script>alert(1)</script><style>p{}</style>b", "ab"},
		{"<p hidden>x</p><p aria-hidden=\"true\">y</p><p style=\"DISPLAY: None\">z</p><p style='visibility:hidden'>w</p><p>v</p>", "v"},
		{"<input type=hidden value=secret><p onclick=\"evil()\">ok</p>", "ok"},
		{"<title>Page</title><p>Body</p>", "Body"},
		{"<ul><li>one<li>two</ul>", "one\n\ntwo"},
		{"<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\n\nc"},
		{"<pre>x  y\n  z</pre>", "x  y\n  z"},
		{"<blockquote>“Quote,” he said.</blockquote>", "“Quote,” he said."},
		{"&lt;b&gt; &#8220;x&#8221; &eacute;", "<b> “x” é"},
	}
	for _, tt := range tests {
		got, err := Extract(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("Extract(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestInvalidUTF8(t *testing.T) {
	if _, err := Extract("<p>caf\xe9</p>"); err == nil || !strings.Contains(err.Error(), "offset 6") {
		t.Errorf("want an error naming offset 6, got %v", err)
	}
}

func TestDeepNesting(t *testing.T) {
	for _, tag := range []string{"div", "span", "b", "blockquote", "table", "a", "p", "li"} {
		src := strings.Repeat("<"+tag+">", 10000) + "deep" + strings.Repeat("</"+tag+">", 10000)
		got, err := Extract(src)
		if err != nil || !strings.Contains(got, "deep") {
			t.Errorf("%d nested <%s>: got %.40q, %v", 10000, tag, got, err)
		}
	}
	// Past the parser's limit the streaming reader still drops what is hidden.
	src := "<p>before</p>" + strings.Repeat("<div>", 1000) + "<script>x()</script><p hidden>h<b>i</b></p><p>deep</p>" + strings.Repeat("</div>", 1000) + "<p>after</p>"
	if got, err := Extract(src); err != nil || got != "before\n\ndeep\n\nafter" {
		t.Errorf("deep document with hidden parts: got %q, %v", got, err)
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{"<p>a</p>b<br>c", "<div hidden>x</div>", "<pre>\r\n x</pre>", "<table><td>a<td>b", "&amp;&#0;&#xD800;", "<svg><p>x</svg>", "<<>>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := Extract(s)
		if err != nil {
			if utf8.ValidString(s) {
				t.Fatalf("error on valid UTF-8: %v", err)
			}
			return
		}
		if !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 output %q", got)
		}
		if strings.Contains(got, "\n\n\n") {
			t.Fatalf("more than one blank line in a row: %q", got)
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	src := strings.Repeat("<p>The <b>council</b> said on <a href=\"/x\">Tuesday</a> that the bridge &amp; road would close.</p>\n", 2000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Extract(src); err != nil {
			b.Fatal(err)
		}
	}
}
