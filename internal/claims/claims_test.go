package claims

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/meta"
	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
	"github.com/whosaid/whosaid/internal/text"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// tagged segments s and tags it with the default model.
func tagged(t testing.TB, s string) (*segment.Doc, []tag.Tag) {
	t.Helper()
	seg := segment.Split(s)
	m, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	words := make([]string, len(seg.Tokens))
	for i := range seg.Tokens {
		words[i] = seg.Word(i)
	}
	tags := make([]tag.Tag, len(words))
	m.Tag(words, tags)
	return seg, tags
}

// span finds sub in s.
func span(t *testing.T, s, sub string) text.Span {
	t.Helper()
	i := strings.Index(s, sub)
	if i < 0 {
		t.Fatalf("%q not in the text", sub)
	}
	return text.Span{Start: i, End: i + len(sub)}
}

func TestUnattributed(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		covered []string // substrings attributed
		want    []string // claim texts
	}{
		{"plain", "The town fell on Monday. Civilians fled.", nil, []string{"The town fell on Monday."}},
		{"attributed", "The town fell on Monday, the army said. Prices rose by 3% last year.",
			[]string{"The town fell on Monday", "the army", "said"}, []string{"Prices rose by 3% last year."}},
		{"partly attributed", "In December Washington announced it would pull out its troops, sending Kurdish authorities scrambling to mend fences with the regime.",
			[]string{"Washington", "announced", "it would pull out its troops"},
			[]string{"In December Washington announced it would pull out its troops, sending Kurdish authorities scrambling to mend fences with the regime."}},
		{"question", "Will the town fall before winter comes? The town will fall.", nil, []string{"The town will fall."}},
		{"headline", "Town Falls To Rebels After Siege\n\nThe town fell to the rebels on Monday.", nil, []string{"The town fell to the rebels on Monday."}},
		{"boilerplate", "The town fell to the rebels on Monday.\n\nLike this:\n\nShare this:\n\nRelated\n\nClick here to subscribe to our newsletter.\n\nCopyright 2019 World Media. All rights reserved.\n\nAdvertisement\n\nFollow us on Twitter for the latest news.\n\nRead more: Town falls to rebels\n\nSoldiers guard the gate. Photo: John Doe/AFP via Getty Images",
			nil, []string{"The town fell to the rebels on Monday."}},
		{"label words in a sentence", "Related talks stalled on Monday.\n\nComments made by the minister angered the unions.", nil,
			[]string{"Related talks stalled on Monday.", "Comments made by the minister angered the unions."}},
		{"a dateline", "BEIRUT (AFP) — The town fell to the rebels on Monday.\n\nThe army retreated to the south. DAMASCUS - the capital stayed calm.", nil,
			[]string{"The town fell to the rebels on Monday.", "The army retreated to the south.", "DAMASCUS - the capital stayed calm."}},
		{"no verb", "A town in ruins, its people in flight and its future unclear.\n\nThe town fell.", nil, nil},
		{"empty", "", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seg, tags := tagged(t, tt.in)
			var cov []text.Span
			for _, c := range tt.covered {
				cov = append(cov, span(t, tt.in, c))
			}
			var got []string
			for _, c := range Unattributed(seg, tags, cov, nil) {
				got = append(got, tt.in[c.Start:c.End])
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestStatement: a sentence with a verb and enough words is one claim,
// whatever it is about; fragments are none.
func TestStatement(t *testing.T) {
	tests := []struct {
		sentence string
		claims   int
	}{
		{"Before the assault began, civilians fled the town.", 1},
		{"Unemployment rose to 5.2% in March, the highest level since 2010.", 1},
		{"The bridge collapsed because of the flood that hit the valley.", 1},
		{"The delays led to a shortage of medicine in the region.", 1},
		{"The company paid $4 million to settle the case last week.", 1},
		{"Prices in the city have doubled over the past three years.", 1},
		{"The army moved into Raqqa and Deir ez-Zor on Tuesday.", 1},
		{"Twelve workers were sent home after the strike.", 1},
		{"Kurds are looking down the barrels of the Turkish army.", 1},
		{"The pocket is now a couple of miles wide.", 1},
		{"What's hanging in the balance is the fate of the Kurds who live there.", 1},
		{"Thank you all.", 0},
	}
	for _, tt := range tests {
		seg, tags := tagged(t, tt.sentence)
		if cs := Unattributed(seg, tags, nil, nil); len(cs) != tt.claims {
			t.Errorf("%q: %d claims, want %d", tt.sentence, len(cs), tt.claims)
		}
		if cs := Unattributed(seg, nil, nil, nil); len(cs) != tt.claims {
			t.Errorf("%q without tags: %d claims, want %d", tt.sentence, len(cs), tt.claims)
		}
	}
}

// readAnn returns the byte spans of the Source, Cue and Content lines of a
// brat file whose offsets count code points in s.
func readAnn(t *testing.T, path, s string) []text.Span {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("the seed annotations are missing (../shared/seed beside the repository): %v", err)
	}
	defer f.Close()
	// code point offset -> byte offset
	bytesAt := make([]int, 0, len(s)+1)
	for i := range s {
		bytesAt = append(bytesAt, i)
	}
	bytesAt = append(bytesAt, len(s))
	var out []text.Span
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		parts := strings.Split(sc.Text(), "\t")
		if len(parts) < 2 || !strings.HasPrefix(parts[0], "T") {
			continue
		}
		head := strings.SplitN(parts[1], " ", 2)
		if head[0] == "Attribution" || len(head) < 2 {
			continue
		}
		for _, r := range strings.Split(head[1], ";") {
			var a, b int
			if _, err := fmt.Sscan(r, &a, &b); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			out = append(out, text.Span{Start: bytesAt[a], End: bytesAt[b]})
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSeed runs the seed article with its gold attributions as covered
// spans and the meta paragraphs skipped, as the engine does.
func TestSeed(t *testing.T) {
	dir := "../../../shared/seed/"
	b, err := os.ReadFile(dir + "text/syria-final-battle.txt")
	if err != nil {
		t.Fatalf("the seed article is missing (../shared/seed beside the repository): %v", err)
	}
	s := string(b)
	e, err := os.ReadFile(dir + "expect.json")
	if err != nil {
		t.Fatalf("the seed expectations are missing: %v", err)
	}
	var want struct {
		Checkworthy []string `json:"unattributed_checkworthy"`
		Boilerplate []string `json:"boilerplate"`
		Meta        struct {
			Title string `json:"title"`
		} `json:"meta"`
	}
	if err := json.Unmarshal(e, &want); err != nil {
		t.Fatal(err)
	}
	cov := readAnn(t, dir+"attributions/syria-final-battle_gold.ann", s)
	seg, tags := tagged(t, s)
	cs := Unattributed(seg, tags, cov, meta.Find(seg).Paras)
	got := map[string]bool{}
	for _, c := range cs {
		got[s[c.Start:c.End]] = true
	}
	for _, w := range want.Checkworthy {
		if !got[w] {
			t.Errorf("missing claim %q", w)
		}
	}
	for txt := range got {
		for _, bp := range append(want.Boilerplate, want.Meta.Title) {
			if strings.Contains(txt, bp) {
				t.Errorf("claim %q holds meta or boilerplate %q", txt, bp)
			}
		}
		if strings.HasSuffix(txt, "said.") || strings.Contains(txt, "the officials say") {
			t.Errorf("claim %q is attributed", txt)
		}
	}
}

// TestGolden runs testdata/*.txt (no attributions) against the .golden
// files beside them (regenerate with -update).
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
			s := string(b)
			seg, tags := tagged(t, s)
			var sb strings.Builder
			for _, c := range Unattributed(seg, tags, nil, meta.Find(seg).Paras) {
				fmt.Fprintf(&sb, "%s\n", strconv.Quote(s[c.Start:c.End]))
			}
			golden := strings.TrimSuffix(f, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(sb.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if sb.String() != string(want) {
				t.Errorf("%s differs from %s:\n%s", f, golden, sb.String())
			}
		})
	}
}

func FuzzUnattributed(f *testing.F) {
	for _, s := range []string{"", "The town fell on Monday.", "Like this:\n\nA B C D 20 men were.", "5% rose 2019 than because"} {
		f.Add(s, 0, 5)
	}
	f.Fuzz(func(t *testing.T, s string, a, b int) {
		if !utf8.ValidString(s) {
			return
		}
		seg, tags := tagged(t, s)
		prev := -1
		for _, c := range Unattributed(seg, tags, []text.Span{{Start: a, End: b}, {Start: b, End: a}}, []int{a, -b}) {
			if c.Start < 0 || c.End > len(s) || c.Start >= c.End || c.Start < prev {
				t.Fatalf("bad claim %+v", c)
			}
			prev = c.End
		}
	})
}

func BenchmarkUnattributed(b *testing.B) {
	data, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := strings.Repeat(string(data)+"\n\n", 100)
	seg, tags := tagged(b, s)
	words := len(strings.Fields(s))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Unattributed(seg, tags, nil, nil)
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
