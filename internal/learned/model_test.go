package learned

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"github.com/whosaid/whosaid/internal/cue"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/quote"
	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
	"github.com/whosaid/whosaid/internal/text"
)

// prepare runs the stages the model reads, as the engine does.
func prepare(t testing.TB, s string) (*Doc, int) {
	t.Helper()
	tg, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	d, err := text.New(s)
	if err != nil {
		t.Fatal(err)
	}
	seg := segment.Split(d.Norm)
	words := make([]string, len(seg.Tokens))
	for i := range words {
		words[i] = seg.Word(i)
	}
	tags := make([]tag.Tag, len(words))
	tg.Tag(words, tags)
	return NewDoc(seg, tags, InQuote(seg, quote.Find(seg)), cue.Default()), len(words)
}

func TestDefault(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if m2, _ := Default(); m2 != m {
		t.Fatal("Default loaded twice")
	}
	// The header records the data and settings the model was trained with.
	var h map[string]any
	if err := json.Unmarshal(m.Header(), &h); err != nil {
		t.Fatalf("header %q: %v", m.Header(), err)
	}
	for _, k := range []string{"data", "docs", "sha256", "epochs", "seed", "min_seen", "min_weight", "cue_bias"} {
		if _, ok := h[k]; !ok {
			t.Errorf("header %s has no %q", m.Header(), k)
		}
	}
	if docs, _ := h["docs"].(float64); docs < 800 {
		t.Errorf("trained on %v docs, want the 840 of PolNeAR's train split", h["docs"])
	}
	if !strings.HasPrefix(m.ID(), "attrib-") {
		t.Errorf("ID %q", m.ID())
	}
	tests := []struct {
		text, cue, source, content string
	}{
		{"The senator said on Monday that she would vote against the bill.",
			"said", "The senator", "that she would vote against the bill"},
		{"“We will win this state,” Smith told reporters.",
			"told", "Smith", "“We will win this state,”"},
		// a quotation split by its frame comes back in two parts, without
		// the frame (the engine's aroundFrame repair did this until the
		// model's content groups made it unnecessary)
		{"“It’s a dog whistle,” Rep. Gwen Moore said Friday. “If indeed he is elected, it would be a disaster.”",
			"said", "Rep. Gwen Moore", "“It’s a dog whistle,” … “If indeed he is elected, it would be a disaster.”"},
		// the content is the quotation, not the narrative after its frame
		// (the engine's dropAfterFrame repair did this until the model kept
		// the quoted group)
		{"“He really does love us,” Melanie said, and soon, the balloons were dropping.",
			"said", "Melanie", "“He really does love us,”"},
	}
	for _, tc := range tests {
		d, _ := prepare(t, tc.text)
		as := m.Find(d)
		if len(as) != 1 {
			t.Errorf("%q: %d attributions, want 1", tc.text, len(as))
			continue
		}
		a := as[0]
		s := d.Seg.Text
		var content []string
		for _, c := range a.Content {
			content = append(content, s[c.Start:c.End])
		}
		if got := s[a.Cue.Start:a.Cue.End]; got != tc.cue {
			t.Errorf("%q: cue %q, want %q", tc.text, got, tc.cue)
		}
		if got := s[a.Source.Start:a.Source.End]; got != tc.source {
			t.Errorf("%q: source %q, want %q", tc.text, got, tc.source)
		}
		if got := strings.Join(content, " … "); got != tc.content {
			t.Errorf("%q: content %q, want %q", tc.text, got, tc.content)
		}
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, embedded) {
		t.Fatal("MarshalBinary(Load(b)) != b")
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		b    []byte
	}{
		{"empty", nil},
		{"bad magic", []byte("WSLM\x09rest")},
		{"no parts", []byte(magic)},
		{"truncated length", append([]byte(magic), 1, 2)},
		{"part too long", append([]byte(magic), 0xff, 0xff, 0, 0, 1)},
		{"truncated model", embedded[:len(embedded)/2]},
		{"trailing bytes", append(bytes.Clone(embedded), 0)},
	}
	for _, tc := range tests {
		if _, err := Load(tc.b); !errors.Is(err, ErrFormat) {
			t.Errorf("%s: error %v, want ErrFormat", tc.name, err)
		}
	}
}

func FuzzLoad(f *testing.F) {
	f.Add(embedded[:200])
	f.Add([]byte(magic + "\x10\x00\x00\x00WSPM\x02"))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Load(b)
		if err != nil {
			return
		}
		d, _ := prepare(t, "Officials said the plan “will not work,” according to the report.")
		m.Find(d) // a malformed but loadable model must not panic
	})
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(embedded); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFind runs the model on 10,000 words of PolNeAR train texts; it
// needs ../shared beside the repository.
func BenchmarkFind(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	dir := filepath.Join("..", "..", "..", "shared", "polnear", "train", "text")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		b.Fatalf("no texts in %s: BenchmarkFind needs the shared PolNeAR corpus beside the repository", dir)
	}
	sort.Strings(files)
	var sb strings.Builder
	words := 0
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(t)
		sb.WriteString("\n\n")
		words += len(strings.Fields(string(t)))
		if words >= 10000 {
			break
		}
	}
	d, _ := prepare(b, sb.String())
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m.Find(d)
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// countdown is a context that ends after its Err has been asked n times.
type countdown struct {
	context.Context
	n int
}

func (c *countdown) Err() error {
	if c.n--; c.n < 0 {
		return context.Canceled
	}
	return nil
}

// TestFindContext: labelling stops soon after its context ends, inside
// the stage and not only before it, and gives the context's error.
func TestFindContext(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	d, _ := prepare(t, strings.Repeat(`"We will win," he said, "they lied," she told reporters. `, 2000))
	all, err := m.FindContext(context.Background(), d)
	if err != nil || len(all) < 2*checkEvery {
		t.Fatalf("FindContext: %d attributions, %v; want at least %d and no error", len(all), err, 2*checkEvery)
	}
	// 0: before anything; 1: while tagging cues; the last: while
	// labelling them, after the cue tagger's looks
	for _, n := range []int{0, 1, len(d.Seg.Sentences)/checkEvery + 1} {
		ctx := &countdown{Context: context.Background(), n: n}
		if got, err := m.FindContext(ctx, d); !errors.Is(err, context.Canceled) || got != nil {
			t.Errorf("context ending after %d looks: %d attributions, %v; want none and context.Canceled", n, len(got), err)
		}
	}
}

// TestContentGroups checks how the labeller's content runs become a
// claim's parts, on runs given by hand (what the weights would label).
func TestContentGroups(t *testing.T) {
	tests := []struct {
		name, text string
		cue        string   // this attribution's cue word
		others     []string // other cue words found
		runs       []string // content runs, each a phrase of the text
		want       []string
	}{
		{"runs merge across a gap", "Smith said the plan would fail and costs would rise.",
			"said", nil, []string{"the plan would fail", "costs would rise"},
			[]string{"the plan would fail and costs would rise"}},
		// what follows another cue is that cue's content
		{"another cue blocks the merge", "Smith said the plan would fail, adding that costs would rise.",
			"said", []string{"adding"}, []string{"the plan would fail", "that costs would rise"},
			[]string{"the plan would fail"}},
		{"a split quotation keeps both halves", "“We will win,” Smith said. “We always do.”",
			"said", nil, []string{"We will win", "We always do"},
			[]string{"“We will win,”", "“We always do.”"}},
		// the paragraph after ends a quotation and the next opens one:
		// every token between is quoted, but they are two
		{"a quotation ends at its paragraph", "“We will win,” Smith said, “and soon.”\n\n“Nobody can stop us.”",
			"said", nil, []string{"and soon"},
			[]string{"“and soon.”"}},
		{"side-by-side quotations stay apart",
			"The report was blunt.\n\n“We lost the vote.”\n“We will win the next one,” the minister said.",
			"said", nil, []string{"We will win the next one"},
			[]string{"“We will win the next one,”"}},
		{"a quotation carried over paragraphs is one", "Smith said: “We will win.\n\n“We always do.”",
			"said", nil, []string{"We will win"},
			[]string{"“We will win.\n\n“We always do.”"}},
	}
	for _, tc := range tests {
		d, n := prepare(t, tc.text)
		s := d.Seg.Text
		tok := func(w string) int { // the first token with text w
			for i := range n {
				if d.Seg.Word(i) == w {
					return i
				}
			}
			t.Fatalf("%s: no token %q", tc.name, w)
			return -1
		}
		phrase := func(p string) [2]int { // the tokens of phrase p
			at := strings.Index(s, p)
			if at < 0 {
				t.Fatalf("%s: no phrase %q", tc.name, p)
			}
			f, l := -1, -1
			for i := range n {
				tk := d.Seg.Tokens[i]
				if int(tk.Start) >= at && int(tk.End) <= at+len(p) {
					if f < 0 {
						f = i
					}
					l = i + 1
				}
			}
			return [2]int{f, l}
		}
		cs := tok(tc.cue)
		cues := [][2]int{{cs, cs + 1}}
		for _, o := range tc.others {
			k := tok(o)
			cues = append(cues, [2]int{k, k + 1})
		}
		sort.Slice(cues, func(i, j int) bool { return cues[i][0] < cues[j][0] })
		var runs [][2]int
		for _, r := range tc.runs {
			runs = append(runs, phrase(r))
		}
		var got []string
		for _, g := range d.contentGroups(runs, cs, cs+1, -1, -1, cues) {
			got = append(got, s[d.Seg.Tokens[g[0]].Start:d.Seg.Tokens[g[1]-1].End])
		}
		if strings.Join(got, " | ") != strings.Join(tc.want, " | ") {
			t.Errorf("%s: groups %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestParticipleSubject: a participle cue's source is its clause's subject,
// before the clause's finite verb, unless a name or pronoun stands right
// before the participle (participleSubject).
func TestParticipleSubject(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	checkSources(t, m, []sourceCase{
		// the labeller alone takes "tweets early Friday"
		{"Trump unleashed a series of tweets early Friday saying that Clinton had shown bad judgment.", "saying", "Trump"},
		{"The senator appeared on the show on Tuesday, arguing that the plan would fail.", "arguing", "The senator"},
		// the name before the participle is its subject (the engine's
		// entity.NounPhrase completes the name)
		{"The ad uses footage of Hillary Clinton asking, “Why aren’t I 50 points ahead?”", "asking", "Clinton"},
		// the quotation's verbs are not the clause's
		{"“Promise mama you’ll keep your hands in sight,” Blige sings to Clinton before asking her, “Where do we go from here?”", "asking", "Blige"},
		// a finite auxiliary: the subject is next to it
		{"The mayor is saying that the city will recover.", "is saying", "The mayor"},
	})
}

// TestSourceStartsOnWord: a source starts on a word, never on a dash or
// quote mark before it (spanCtx.wordStart).
func TestSourceStartsOnWord(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	checkSources(t, m, []sourceCase{
		// the labeller alone takes "— Pollster Ann Selzer"
		{"— Pollster Ann Selzer says she is happy.", "says", "Pollster Ann Selzer"},
		{"-Nate Cohn explains why the polls were way off on Donald Trump.", "explains", "Nate Cohn"},
	})
}

type sourceCase struct{ text, cue, source string }

// checkSources finds each case's text's attributions and wants the one with
// the case's cue to have its source.
func checkSources(t *testing.T, m *Model, cases []sourceCase) {
	t.Helper()
	for _, c := range cases {
		d, _ := prepare(t, c.text)
		found := false
		for _, a := range m.Find(d) {
			if c.text[a.Cue.Start:a.Cue.End] != c.cue {
				continue
			}
			found = true
			if got := c.text[a.Source.Start:a.Source.End]; got != c.source {
				t.Errorf("%q: %q has source %q, want %q", c.text, c.cue, got, c.source)
			}
		}
		if !found {
			t.Errorf("%q: no attribution with cue %q", c.text, c.cue)
		}
	}
}
