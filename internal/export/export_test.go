package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/engine"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// fixtures are hand-written engine Results: every attribution kind, a
// discontinuous quote, unattributed claims, emoji, CJK and combining
// accents (code point slicing), Markdown and HTML specials, and nothing.
var fixtures = []string{"basic", "unicode", "unattributed", "empty"}

func loadFixture(t testing.TB, name string) *engine.Result {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var res engine.Result
	if err := json.Unmarshal(b, &res); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return &res
}

func goldenPath(fixture, format string) string {
	name := fixture + Extension(format) // basic.csv
	if Extension(format) != "."+format {
		name = fixture + "." + format + Extension(format) // basic.annotation.jsonld
	}
	return filepath.Join("testdata", "golden", name)
}

// TestWrite compares every format of every fixture with its golden file.
func TestWrite(t *testing.T) {
	for _, fx := range fixtures {
		res := loadFixture(t, fx)
		for _, format := range Formats() {
			t.Run(fx+"/"+format, func(t *testing.T) {
				var buf bytes.Buffer
				if err := Write(&buf, res, format); err != nil {
					t.Fatal(err)
				}
				path := goldenPath(fx, format)
				if *update {
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test -update to create it)", err)
				}
				if !bytes.Equal(buf.Bytes(), want) {
					t.Errorf("%s differs from %s:\n--- got\n%s\n--- want\n%s", format, path, buf.Bytes(), want)
				}
				if !utf8.Valid(buf.Bytes()) {
					t.Errorf("output is not valid UTF-8")
				}
			})
		}
	}
}

// TestJSON checks the contract of the json format: compact, one line, a
// trailing newline, <, > and & unescaped, and a faithful round trip.
func TestJSON(t *testing.T) {
	for _, fx := range fixtures {
		res := loadFixture(t, fx)
		var buf bytes.Buffer
		if err := Write(&buf, res, "json"); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if strings.Count(out, "\n") != 1 || !strings.HasSuffix(out, "\n") {
			t.Errorf("%s: want one line ending in a newline, got %q", fx, out)
		}
		if strings.Contains(out, `\u003c`) || strings.Contains(out, `\u0026`) {
			t.Errorf("%s: HTML characters escaped: %s", fx, out)
		}
		var back engine.Result
		if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
			t.Fatal(err)
		}
		again, _ := json.Marshal(&back)
		first, _ := json.Marshal(res)
		if !bytes.Equal(again, first) {
			t.Errorf("%s: round trip changed the result", fx)
		}
	}
}

// TestCSV checks the shape: a header and one row per claim, every row as
// wide as the header.
func TestCSV(t *testing.T) {
	for _, fx := range fixtures {
		res := loadFixture(t, fx)
		var buf bytes.Buffer
		if err := Write(&buf, res, "csv"); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", fx, err)
		}
		if len(rows) != len(res.Claims)+1 {
			t.Errorf("%s: %d rows, want %d", fx, len(rows), len(res.Claims)+1)
		}
		for i, c := range res.Claims {
			if rows[i+1][2] != c.Text {
				t.Errorf("%s row %d: claim_text %q, want %q", fx, i+1, rows[i+1][2], c.Text)
			}
		}
	}
}

// TestAnnotationSelectors checks that every target's position selector
// counts code points: slicing the text there gives the quote selector's
// exact text, with its prefix and suffix around it.
func TestAnnotationSelectors(t *testing.T) {
	for _, fx := range fixtures {
		res := loadFixture(t, fx)
		checkAnnotations(t, res)
	}
}

func checkAnnotations(t *testing.T, res *engine.Result) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, res, "annotation"); err != nil {
		t.Fatal(err)
	}
	var col struct {
		Context string `json:"@context"`
		Type    string `json:"type"`
		Total   int    `json:"total"`
		First   *struct {
			Items []struct {
				ID     string `json:"id"`
				Target []struct {
					Selector []struct {
						Type                  string
						Start, End            int
						Exact, Prefix, Suffix string
					} `json:"selector"`
				} `json:"target"`
			} `json:"items"`
		} `json:"first"`
	}
	if err := json.Unmarshal(buf.Bytes(), &col); err != nil {
		t.Fatal(err)
	}
	if col.Context != annoContext || col.Type != "AnnotationCollection" || col.Total != len(res.Claims) {
		t.Fatalf("collection header: %+v", col)
	}
	if len(res.Claims) == 0 {
		if col.First != nil {
			t.Fatalf("empty collection has a page")
		}
		return
	}
	runes := []rune(res.Text)
	for _, item := range col.First.Items {
		for _, tg := range item.Target {
			pos, quote := tg.Selector[0], tg.Selector[1]
			if pos.Type != "TextPositionSelector" || quote.Type != "TextQuoteSelector" {
				t.Fatalf("%s: selector types %q, %q", item.ID, pos.Type, quote.Type)
			}
			if got := string(runes[pos.Start:pos.End]); got != quote.Exact {
				t.Errorf("%s: text[%d:%d] = %q, exact = %q", item.ID, pos.Start, pos.End, got, quote.Exact)
			}
			if !strings.HasSuffix(string(runes[:pos.Start]), quote.Prefix) || !strings.HasPrefix(string(runes[pos.End:]), quote.Suffix) {
				t.Errorf("%s: prefix %q / suffix %q do not surround the text", item.ID, quote.Prefix, quote.Suffix)
			}
			if n := utf8.RuneCountInString(quote.Prefix); n > quoteContext {
				t.Errorf("%s: prefix of %d code points", item.ID, n)
			}
		}
	}
}

func TestMarkdownEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words", "plain words"},
		{"a | b", `a \| b`},
		{"*bold* and _it_", `\*bold\* and \_it\_`},
		{"`code` [link](x) <b>", "\\`code\\` \\[link\\](x) \\<b\\>"},
		{"# heading", `\# heading`},
		{"  ## indented", `  \## indented`},
		{"issue #5", "issue #5"},
		{"- item", `\- item`},
		{"well-known", "well-known"},
		{"1. first", `1\. first`},
		{"2020) year", `2020\) year`},
		{"in 2020.", "in 2020."},
		{"AT&T &amp; &#38; & co", `AT\&T \&amp; \&#38; & co`},
		{"two\nlines", "two lines"},
		{`back\slash`, `back\\slash`},
		{"café́ 中文 🇸🇾", "café́ 中文 🇸🇾"},
	}
	for _, tt := range tests {
		if got := mdInline(tt.in); got != tt.want {
			t.Errorf("mdInline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSummary(t *testing.T) {
	tests := []struct {
		in   counts
		want string
	}{
		{counts{}, "No claims found.\n"},
		{counts{attributed: 14, sources: 10, anonymous: 3, unattributed: 9},
			"14 attributed claims from 10 sources, 3 of them anonymous; 9 unattributed statements.\n"},
		{counts{attributed: 1, sources: 1, unattributed: 1},
			"1 attributed claim from 1 source; 1 unattributed statement.\n"},
		{counts{unattributed: 2}, "0 attributed claims; 2 unattributed statements.\n"},
	}
	for _, tt := range tests {
		if got := summary(tt.in); got != tt.want {
			t.Errorf("summary(%+v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestContentType(t *testing.T) {
	for _, f := range Formats() {
		ct, ok := ContentType(f)
		if !ok || ct == "" || Extension(f) == "" {
			t.Errorf("%s: content type %q, %v, extension %q", f, ct, ok, Extension(f))
		}
	}
	if _, ok := ContentType("xml"); ok {
		t.Errorf("xml is not a format")
	}
}

func TestWriteBadArguments(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, &engine.Result{}, "xml"); err == nil || !strings.Contains(err.Error(), `unknown format "xml"`) {
		t.Errorf("unknown format: %v", err)
	}
	for _, f := range Formats() {
		if err := Write(&buf, nil, f); !errors.Is(err, ErrNilResult) {
			t.Errorf("%s: nil result: %v", f, err)
		}
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %q on error", buf.String())
	}
}

// failWriter accepts n bytes, then fails.
type failWriter struct{ n int }

var errWrite = errors.New("disk full")

func (w *failWriter) Write(p []byte) (int, error) {
	if len(p) <= w.n {
		w.n -= len(p)
		return len(p), nil
	}
	n := w.n
	w.n = 0
	return n, errWrite
}

// TestWriterErrors proves a failing writer's error reaches the caller, for
// every format, whether it fails at once or part-way.
func TestWriterErrors(t *testing.T) {
	for _, fx := range fixtures {
		res := loadFixture(t, fx)
		for _, format := range Formats() {
			for _, n := range []int{0, 10} {
				if err := Write(&failWriter{n: n}, res, format); !errors.Is(err, errWrite) {
					t.Errorf("%s/%s failing after %d bytes: got %v, want %v", fx, format, n, err, errWrite)
				}
			}
		}
	}
}

// FuzzWrite builds results with arbitrary text and offsets (in range or
// not) and checks every format writes without panicking, and that the
// annotation selectors stay consistent.
func FuzzWrite(f *testing.F) {
	f.Add("\"Hi,\" she said. 中文 🇸🇾 é", 0, 5, -3, 99, true)
	f.Add("", 0, 0, 0, 0, false)
	f.Add("# | * _ ` [ ] < >", 2, 1, 4, 3, true)
	f.Fuzz(func(t *testing.T, text string, start, end, srcStart, srcEnd int, attributed bool) {
		if !utf8.ValidString(text) {
			return // the engine never emits invalid text
		}
		score := 0.5
		c := engine.Claim{Start: start, End: end, Text: text, Checkworthiness: &score, Reasons: []string{"x|y"},
			Parts: []engine.Range{{Start: start, End: end}, {Start: srcStart, End: srcEnd}}}
		if attributed {
			c.Checkworthiness = nil
			c.Attribution = &engine.Attribution{Kind: engine.Mixed, SourceID: "s1",
				Source: &engine.Span{Start: srcStart, End: srcEnd, Text: text}}
		}
		res := &engine.Result{Version: engine.Version, Text: text, Meta: engine.Meta{Title: text, Authors: []string{text}},
			Sources: []engine.Source{{ID: "s1", Name: text, Kind: engine.KindGroup, Claims: []int{0}}},
			Claims:  []engine.Claim{c}}
		for _, format := range Formats() {
			if err := Write(new(bytes.Buffer), res, format); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
		}
		checkAnnotations(t, res)
	})
}

func TestUnquote(t *testing.T) {
	tests := []struct{ in, want string }{
		{`"We will finish this within days,"`, "We will finish this within days"},
		{`  “It is over.”  `, "It is over."},
		{`"but it is nearly over."`, "but it is nearly over."},
		{`“我们会赢。”`, "我们会赢。"},
		{`«Nous gagnerons»,`, "Nous gagnerons"},
		{`it had "no doubt" about it`, `it had "no doubt" about it`},
		{`"a," he said, "b"`, `"a," he said, "b"`},
		{`"unclosed`, `"unclosed`},
		{`"`, `"`},
		{``, ``},
	}
	for _, tt := range tests {
		if got := unquote(tt.in); got != tt.want {
			t.Errorf("unquote(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func BenchmarkWrite(b *testing.B) {
	res := loadFixture(b, "basic")
	for _, format := range Formats() {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				if err := Write(io.Discard, res, format); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestCSVFormulaCells checks that article text that a spreadsheet would run
// as a formula is written as text.
func TestCSVFormulaCells(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+1 more", "'+1 more"},
		{"-5 degrees", "'-5 degrees"},
		{"@user said", "'@user said"},
		{"\tindented", "'\tindented"},
		{"Plain text", "Plain text"},
		{"", ""},
		{"—em dash", "—em dash"},
	}
	for _, tt := range tests {
		if got := cell(tt.in); got != tt.want {
			t.Errorf("cell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
