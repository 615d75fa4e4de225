package edges

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/attrib"
	"github.com/whosaid/whosaid/internal/perceptron"
	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
	"github.com/whosaid/whosaid/internal/text"
)

var update = flag.Bool("update", false, "rewrite testdata/adjust.golden")

func TestLoad(t *testing.T) {
	two := perceptron.NewTrainer(2)
	two.Update([]uint64{1}, 0, 1)
	twoBytes, err := two.Compact(perceptron.Options{}).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		b       []byte
		wantErr bool
	}{
		{"empty is the model that moves nothing", nil, false},
		{"garbage", []byte("not a model"), true},
		{"two classes", twoBytes, true},
		{"embedded", embedded, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Load(tc.b)
			if tc.wantErr {
				if !errors.Is(err, ErrFormat) {
					t.Fatalf("Load: err %v, want ErrFormat", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if _, err := m.MarshalBinary(); err != nil {
				t.Fatal(err)
			}
		})
	}
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if m.r.Margin() <= 0 {
		t.Errorf("embedded model's margin %v: its header should record the one build/trainedges chose", m.r.Margin())
	}
}

// FuzzLoad: no model file, however broken, crashes Load or Adjust.
func FuzzLoad(f *testing.F) {
	f.Add(embedded[:min(len(embedded), 512)])
	f.Add([]byte{})
	d, atts := prepare(f, adjustCases[0])
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Load(b)
		if err == nil {
			m.Adjust(d, append([]attrib.Attribution(nil), atts...))
		}
	})
}

// adjustCase is one claim: its text and the first occurrences of its
// content, cue and source in it ("" for none); other claims of the text
// may follow in more, three strings each.
type adjustCase struct {
	name, text, content, cue, source string
	more                             []string
}

var adjustCases = []adjustCase{
	{"object before that", "Bush tells reporters outside a polling location in Greenville that he expects to beat expectations.",
		"reporters outside a polling location in Greenville that he expects to beat expectations", "tells", "Bush", nil},
	{"exact stays", "The senator said that the bill would pass next week.",
		"that the bill would pass next week", "said", "The senator", nil},
	{"direct quote", "“We will win this state,” Trump said on Tuesday.",
		"We will win this state", "said", "Trump", nil},
	{"runs past the sentence", "Officials said the plant would close. Workers were told on Friday.",
		"the plant would close. Workers were told on Friday", "said", "Officials", nil},
	{"starts early", "In a statement on Monday, the company said its profits had fallen by half.",
		"on Monday, the company said its profits had fallen by half", "said", "the company", nil},
	{"ends early", "Clinton said she would raise taxes on the wealthy and cut them for the middle class.",
		"she would raise taxes on the wealthy", "said", "Clinton", nil},
	{"no source", "The plan was criticised as too expensive by most economists.",
		"The plan", "was criticised", "", nil},
	{"list tail", "The mayor is stressing that her plan will ease the problems facing families — the cost of childcare, student debt and unpaid leave.",
		"that her plan will ease the problems facing families — the cost of childcare", "is stressing", "The mayor", nil},
	{"second clause", "The governor also said that it was too early to tell whether the fire was set on purpose, and there was no evidence yet that it was arson.",
		"that it was too early to tell whether the fire was set on purpose", "also said", "The governor", nil},
	{"ends on the speaker", "She felt the law was worth examining because “most people don’t know about that loophole,” she said.",
		"She felt the law was worth examining because “most people don’t know about that loophole,” she", "said", "", nil},
	{"clause after a list", "He said he plans to put to good use the $18 million he says he raised for his campaign on the day after the debate.",
		"he plans to put to good use the $18 million he says he", "said", "He", nil},
	{"transcript turn", "Do you think so?\n\nTRUMP: The deaths were very sad, the police chief said.",
		"The deaths were very sad", "said", "the police chief",
		[]string{"The deaths were very sad, the police chief said.", ":", "TRUMP"}},
}

var tagger = func() func(testing.TB) *tag.Model {
	return func(tb testing.TB) *tag.Model {
		tg, err := tag.Default()
		if err != nil {
			tb.Fatal(err)
		}
		return tg
	}
}()

// prepare segments and tags a case's text and makes its claim.
func prepare(tb testing.TB, tc adjustCase) (*Doc, []attrib.Attribution) {
	seg := segment.Split(tc.text)
	words := make([]string, len(seg.Tokens))
	for i := range words {
		words[i] = seg.Word(i)
	}
	tags := make([]tag.Tag, len(words))
	tagger(tb).Tag(words, tags)
	span := func(s string) text.Span {
		if s == "" {
			return text.Span{}
		}
		i := strings.Index(tc.text, s)
		if i < 0 {
			tb.Fatalf("%s: %q is not in the text", tc.name, s)
		}
		return text.Span{Start: i, End: i + len(s)}
	}
	atts := []attrib.Attribution{{Content: []text.Span{span(tc.content)}, Cue: span(tc.cue), Source: span(tc.source), SrcFirst: -1, SrcLast: -1}}
	for i := 0; i+2 < len(tc.more); i += 3 {
		atts = append(atts, attrib.Attribution{Content: []text.Span{span(tc.more[i])}, Cue: span(tc.more[i+1]), Source: span(tc.more[i+2]), SrcFirst: -1, SrcLast: -1})
	}
	return &Doc{Seg: seg, Tags: tags, InQuote: make([]bool, len(seg.Tokens))}, atts
}

// TestAdjust runs the embedded model on the cases: the golden file records
// where it puts each content (go test -update rewrites it after make
// train), and every result keeps the rules that hold whatever the model.
func TestAdjust(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	for _, tc := range adjustCases {
		d, atts := prepare(t, tc)
		before := atts[0]
		out := m.Adjust(d, atts)
		if len(out) != 1+len(tc.more)/3 {
			t.Fatalf("%s: %d claims out of %d", tc.name, len(out), 1+len(tc.more)/3)
		}
		for _, a := range out {
			if a.Cue == before.Cue {
				checkClaim(t, tc.name, d, before, a)
				fmt.Fprintf(&got, "%s: [%s]\n", tc.name, tc.text[a.Start():a.End()])
			}
		}
	}
	golden := filepath.Join("testdata", "adjust.golden")
	if *update {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("contents differ from %s (go test -update after make train):\ngot:\n%s\nwant:\n%s", golden, got.Bytes(), want)
	}
}

// checkClaim holds what Adjust promises: content with a word, parts in
// order, no part over the claim's own cue or source when none was before,
// and each edge within reach of where it was.
func checkClaim(t *testing.T, name string, d *Doc, before, a attrib.Attribution) {
	t.Helper()
	if len(a.Content) == 0 || a.Start() >= a.End() {
		t.Fatalf("%s: empty content", name)
	}
	// the engine keeps Adjust's claims without asking again
	if f, _ := d.words(text.Span{Start: a.Start(), End: a.End()}); f < 0 {
		t.Errorf("%s: content %v holds no word", name, a.Content)
	}
	for i := 1; i < len(a.Content); i++ {
		if a.Content[i].Start < a.Content[i-1].End {
			t.Errorf("%s: parts out of order: %v", name, a.Content)
		}
	}
	over := func(c []text.Span, s text.Span) bool {
		for _, p := range c {
			if s.End > s.Start && p.Start < s.End && s.Start < p.End {
				return true
			}
		}
		return false
	}
	for _, s := range []text.Span{a.Cue, a.Source} {
		if over(a.Content, s) && !over(before.Content, s) {
			t.Errorf("%s: content %v grew over %q", name, a.Content, d.Seg.Text[s.Start:s.End])
		}
	}
	if a.Cue != before.Cue || a.Source != before.Source {
		t.Errorf("%s: Adjust changed the cue or source", name)
	}
	reach := func(b0, b1 int) {
		t0, t1 := d.Seg.TokenAt(b0), d.Seg.TokenAt(b1)
		if n := max(t0-t1, t1-t0); n > farthest+2 {
			t.Errorf("%s: an edge moved %d tokens", name, n)
		}
	}
	reach(before.Start(), a.Start())
	reach(before.End()-1, a.End()-1)
}

// TestAdjustBounded: whatever the text, the claims' edges move within
// reach and keep their rules, on a paste without full stops too.
func TestAdjustBounded(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("the officials said that the plant would close and ", 400)
	tc := adjustCase{"no full stops", long, long[len("the officials said "):], "said", "the officials", nil}
	d, atts := prepare(t, tc)
	// one claim per "said", each to the end of the text
	atts = atts[:0]
	for i := 0; ; {
		k := strings.Index(long[i:], "said")
		if k < 0 {
			break
		}
		c := i + k
		atts = append(atts, attrib.Attribution{Content: []text.Span{{Start: c + 5, End: len(long)}}, Cue: text.Span{Start: c, End: c + 4},
			Source: text.Span{Start: c - 14, End: c - 1}, SrcFirst: -1, SrcLast: -1})
		i = c + 4
	}
	before := append([]attrib.Attribution(nil), atts...)
	out := m.Adjust(d, atts)
	if len(out) != len(before) {
		t.Fatalf("%d claims out of %d", len(out), len(before))
	}
	for i := range out {
		checkClaim(t, fmt.Sprint("claim ", i), d, before[i], out[i])
	}
}

// TestClass: the word classes the ranker reads at and beyond a place.
func TestClass(t *testing.T) {
	tc := adjustCase{name: "class", text: "On Monday he said, adding that a week ago the plan was dead.\n\nNext came the vote.",
		content: "a week ago the plan was dead", cue: "said", source: "he"}
	d, c := prepareClaim(t, tc)
	want := map[string]uint64{
		"Monday": 1,           // the calendar
		"week":   2, "ago": 2, // time
		"said": 4, "adding": 4, // speech verbs
		"plan": 0, "dead": 0,
		"Next": 3, // another paragraph
	}
	seen := 0
	for i := range d.Seg.Tokens {
		w := d.Seg.Word(i)
		k, ok := want[w]
		if !ok {
			continue
		}
		seen++
		if got := d.class(&c, i); got != k {
			t.Errorf("class of %q = %d, want %d", w, got, k)
		}
	}
	if seen != len(want) {
		t.Errorf("%d of the %d words found", seen, len(want))
	}
}

// TestContentCommas: the commas a content would hold with one edge at
// each place, and their class, which the ranker reads (template 27).
func TestContentCommas(t *testing.T) {
	tc := adjustCase{name: "commas", text: "Smith, who ran the plant, said the plan, which failed, was dead, and gone.",
		content: "the plan, which failed, was dead", cue: "said", source: "Smith, who ran the plant,"}
	d, c := prepareClaim(t, tc)
	at := func(w string) int {
		for i := range d.Seg.Tokens {
			if d.Seg.Word(i) == w {
				return i
			}
		}
		t.Fatalf("no %q", w)
		return -1
	}
	for _, tt := range []struct {
		word  string
		end   bool
		n     int32
		aside uint64
	}{
		{"plan", true, 0, 0},   // "the plan"
		{"which", true, 1, 1},  // the aside opened
		{"failed", true, 1, 1}, // its comma is beyond "failed"
		{"was", true, 2, 0},    // and closed
		{"and", true, 3, 1},
		{"the", false, 2, 0}, // the content's start
		{"which", false, 1, 1},
		{"was", false, 0, 0},
		{"ran", false, 3, 1}, // back over the comma that closes the source
	} {
		i := at(tt.word)
		if tt.word == "the" {
			i = c.first // the content's "the", not the source's
		}
		n := d.contentCommas(&c, i, tt.end)
		if n != tt.n || asideCommas(n) != tt.aside {
			t.Errorf("%s at %q: %d commas, aside %d; want %d, %d", map[bool]string{false: "start", true: "end"}[tt.end], tt.word, n, asideCommas(n), tt.n, tt.aside)
		}
	}
}

// prepareClaim prepares tc's text and its one claim.
func prepareClaim(t *testing.T, tc adjustCase) (*Doc, claim) {
	t.Helper()
	d, atts := prepare(t, tc)
	c, ok := d.claim(&atts[0])
	if !ok {
		t.Fatal("no claim")
	}
	return d, c
}
