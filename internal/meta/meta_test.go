package meta

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/segment"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func TestFind(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		title     string
		authors   []string
		published string
		paras     []int
	}{
		{"seed top", "Published: Tue, February 12, 2019\nWorld Media | By Cesar Oliver\n\nHeavy Clashes Reported In 'Final Battle' Against IS In Syria\n\nHeavy Clashes Reported In 'Final Battle' Against IS In Syria\n\nThe forces on Saturday launched a final push.",
			"Heavy Clashes Reported In 'Final Battle' Against IS In Syria", []string{"Cesar Oliver"}, "2019-02-12", nil},
		{"two authors", "Storm Hits the Coast\n\nBy Jane Doe and John Roe\n\nFeb. 12, 2019\n\nThe storm hit the coast on Monday.",
			"Storm Hits the Coast", []string{"Jane Doe", "John Roe"}, "2019-02-12", []int{0, 1, 2}},
		{"agency byline", "Storm Hits the Coast\n\nJane Doe, Reuters\n\nThe storm hit the coast on Monday.",
			"Storm Hits the Coast", []string{"Jane Doe"}, "", []int{0, 1}},
		{"byline and date", "Storm Hits the Coast\n\nBy Jane Doe | Updated 3:45 p.m. ET, Jan 5, 2020\n\nThe storm hit the coast on Monday.",
			"Storm Hits the Coast", []string{"Jane Doe"}, "2020-01-05", []int{0, 1}},
		{"byline with role", "Storm Hits the Coast\n\nBy Jane Doe, Staff Writer\n\nThe storm hit the coast on Monday.",
			"Storm Hits the Coast", []string{"Jane Doe"}, "", []int{0, 1}},
		{"arabic name", "Storm Hits the Coast\n\nBy Ahmed al-Masri\n\nThe storm hit the coast.",
			"Storm Hits the Coast", []string{"Ahmed al-Masri"}, "", []int{0, 1}},
		{"wire only", "Storm Hits the Coast\n\nBy Reuters\n\nThe storm hit the coast.",
			"Storm Hits the Coast", nil, "", []int{0, 1}},
		{"no meta", "The storm hit the coast on Monday, officials said.\n\nBy the numbers, it was the worst in years.",
			"", nil, "", nil},
		{"date in body is no date line", "The storm hit the coast on Feb. 12, 2019, killing three people.",
			"", nil, "", nil},
		{"by phrase is no byline", "Storm Hits the Coast\n\nBy the numbers\n\nThe storm hit the coast.",
			"Storm Hits the Coast", nil, "", []int{0}},
		{"empty", "", "", nil, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seg := segment.Split(tt.in)
			m := Find(seg)
			if m.Title != tt.title || !reflect.DeepEqual(m.Authors, tt.authors) || m.Published != tt.published {
				t.Errorf("Find = %q %q %q, want %q %q %q", m.Title, m.Authors, m.Published, tt.title, tt.authors, tt.published)
			}
			if tt.paras != nil && !reflect.DeepEqual(m.Paras, tt.paras) {
				t.Errorf("Paras = %v, want %v", m.Paras, tt.paras)
			}
			if m.Title != "" && tt.in[m.TitleSpan.Start:m.TitleSpan.End] != m.Title {
				t.Errorf("TitleSpan %v is %q", m.TitleSpan, tt.in[m.TitleSpan.Start:m.TitleSpan.End])
			}
		})
	}
}

// TestSeed checks the seed article against its expect.json: both copies of
// the headline, the byline and the date line are meta.
func TestSeed(t *testing.T) {
	dir := "../../../shared/seed/"
	b, err := os.ReadFile(dir + "text/syria-final-battle.txt")
	if err != nil {
		t.Fatalf("the seed article is missing (../shared/seed beside the repository): %v", err)
	}
	e, err := os.ReadFile(dir + "expect.json")
	if err != nil {
		t.Fatalf("the seed expectations are missing: %v", err)
	}
	var want struct {
		Meta struct {
			Title     string   `json:"title"`
			Authors   []string `json:"authors"`
			Published string   `json:"published"`
		} `json:"meta"`
	}
	if err := json.Unmarshal(e, &want); err != nil {
		t.Fatal(err)
	}
	s := string(b)
	seg := segment.Split(s)
	m := Find(seg)
	if m.Title != want.Meta.Title || !reflect.DeepEqual(m.Authors, want.Meta.Authors) || m.Published != want.Meta.Published {
		t.Errorf("Find = %q %q %q, want %+v", m.Title, m.Authors, m.Published, want.Meta)
	}
	meta := map[int]bool{}
	for _, p := range m.Paras {
		meta[p] = true
	}
	for p, para := range seg.Paras {
		l := s[para.Start:para.End]
		isMeta := l == want.Meta.Title || strings.Contains(l, "By Cesar Oliver") || strings.HasPrefix(l, "Published:")
		if isMeta != meta[p] {
			t.Errorf("paragraph %d %q: meta = %v, want %v", p, l, meta[p], isMeta)
		}
	}
}

// TestGolden runs the article tops in testdata/*.txt against the .golden
// JSON beside them (regenerate with -update).
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures in testdata/: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			m := Find(segment.Split(string(b)))
			m.Paras = nil // paragraph numbering belongs to the segmenter
			got, err := json.MarshalIndent(m, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(f, ".txt") + ".golden"
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
				t.Errorf("%s differs from %s:\n%s", f, golden, got)
			}
		})
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"", "By Jane Doe\n\nFeb. 12, 2019", "T i t\n\nBy A B, Reuters | 2019-01-01\n\nBody."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m := Find(segment.Split(s))
		for _, sp := range []struct{ a, b int }{{m.TitleSpan.Start, m.TitleSpan.End}, {m.BylineSpan.Start, m.BylineSpan.End}, {m.PublishedSpan.Start, m.PublishedSpan.End}} {
			if sp.a < 0 || sp.b > len(s) || sp.a > sp.b {
				t.Fatalf("span %v out of the text", sp)
			}
		}
	})
}

// BenchmarkFind reads the top of a long article: the cost must not grow
// with the article.
func BenchmarkFind(b *testing.B) {
	data, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := string(data) + strings.Repeat("\n\nThe Senate passed the budget early Sunday after an all-night session.", 20000)
	seg := segment.Split(s)
	b.ReportAllocs()
	for b.Loop() {
		Find(seg)
	}
}
