package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	prose "github.com/jdkato/prose/v2"
	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
	wstext "github.com/whosaid/whosaid/internal/text"
)

var update = flag.Bool("update", false, "rewrite ../../internal/tag/model.bin")

// shared is ../shared from the repository root.
var shared = filepath.Join("..", "..", "..", "shared")

const embeddedPath = "../../internal/tag/model.bin"

// testDefaults are the builder's defaults with the corpus found from this
// directory.
func testDefaults() options {
	o := defaults
	o.corpus = filepath.Join(shared, "polnear", "train", "text") + "," + filepath.Join(shared, "seed", "text")
	o.cwCorpus = filepath.Join(shared, "checkworthy", "train.tsv")
	return o
}

var built = sync.OnceValues(func() ([]byte, error) { return build(testDefaults()) })

func TestDeterministic(t *testing.T) {
	a, err := built()
	if err != nil {
		t.Fatal(err)
	}
	b, err := build(testDefaults())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two builds differ")
	}
}

// TestEmbeddedUpToDate keeps internal/tag/model.bin equal to what the
// builder writes; -update rewrites it.
func TestEmbeddedUpToDate(t *testing.T) {
	b, err := built()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(embeddedPath, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old, err := os.ReadFile(embeddedPath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(old, b) {
		t.Fatal("internal/tag/model.bin is stale: run `go run ./build/tagger` from the repository root")
	}
}

// TestKnownTags tags a few sentences (tokenized by prose, with no repeated
// token: see TestAgreement) and checks hand-checked tags, which prose must
// agree with too.
func TestKnownTags(t *testing.T) {
	m, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ words, tags string }{
		{"The president said on Tuesday that the economy is growing .", "DT NN VBD IN NNP IN DT NN VBZ VBG ."},
		// prose keeps " as is and has no good tag for it.
		{"\u201cWe will win,\u201d she told reporters.", "NN PRP MD VB , VB PRP VBD NNS ."},
		{"According to Reuters, 1,200 people died in 2019 - -LRB- 0 -RRB-", "VBG TO NNP , CD NNS VBD IN CD - -LRB- -NONE- -RRB-"},
		{"Mail bob@example.com or see www.example.org :-)", "NNP NN CC VB NN SYM"},
	} {
		toks := proseTokens(t, c.words)
		words := make([]string, len(toks))
		for i, tk := range toks {
			words[i] = tk.Text
		}
		out := make([]tag.Tag, len(words))
		m.Tag(words, out)
		got := make([]string, len(out))
		for i, t := range out {
			got[i] = t.String()
		}
		if g := strings.Join(got, " "); g != c.tags {
			t.Errorf("%q:\n got %s\nwant %s", c.words, g, c.tags)
		}
		var ref []string
		for _, tk := range toks {
			ref = append(ref, tag.Parse(tk.Tag).String())
		}
		if r := strings.Join(ref, " "); r != c.tags {
			t.Errorf("%q: prose says %s, the table %s", c.words, r, c.tags)
		}
	}
}

var proseModel = sync.OnceValue(func() *prose.Model { return prose.ModelFromData("en") })

// proseTokens tokenizes and tags text with prose itself.
func proseTokens(t testing.TB, text string) []prose.Token {
	doc, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.WithExtraction(false),
		prose.UsingModel(proseModel()))
	if err != nil {
		t.Fatal(err)
	}
	return doc.Tokens()
}

func devTexts(t testing.TB, split string) []string {
	dir := filepath.Join(shared, "polnear", split, "text")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no texts in %s: the shared PolNeAR corpus must be at ../shared from the repository root", dir)
	}
	sort.Strings(files)
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// TestAgreement tags the PolNeAR dev texts with prose and with our model
// on the same tokens and requires >= 98% agreement.
//
// prose v2.0.0's tokenizer caches the *Token pointers of each
// whitespace-separated span, so every repeat of a span shares token objects
// and Tokens() reports the tag of the span's last occurrence. prose's tag
// history used the real tags, so we tag every position and then apply the
// same aliasing to our tags before comparing.
func TestAgreement(t *testing.T) {
	m, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	a := agreement(t, m)
	t.Logf("agreement with prose on %d dev texts: %d/%d tokens = %.3f%% (%.3f%% without undoing prose's span aliasing)",
		a.texts, a.same, a.total, a.pct(), 100*float64(a.raw)/float64(a.total))
	logTop(t, a.confusion)
	if a.pct() < 98 {
		t.Fatalf("agreement %.3f%% < 98%%", a.pct())
	}
}

type agreed struct {
	texts, same, raw, total int
	confusion               map[string]int // prose's tag->ours
}

func (a agreed) pct() float64 { return 100 * float64(a.same) / float64(a.total) }

// devTokens is prose's tokens of the dev texts, tagged by prose: the
// reference every model is compared with.
func devTokens(t *testing.T) ([]string, [][]prose.Token) {
	devOnce.Do(func() {
		devDocs.texts = devTexts(t, "dev")
		for _, text := range devDocs.texts {
			devDocs.toks = append(devDocs.toks, proseTokens(t, text))
		}
	})
	return devDocs.texts, devDocs.toks
}

var (
	devOnce sync.Once
	devDocs struct {
		texts []string
		toks  [][]prose.Token
	}
)

// agreement tags the PolNeAR dev texts with m on prose's tokens and counts
// the tokens where m and prose agree.
func agreement(t *testing.T, m *tag.Model) agreed {
	texts, docs := devTokens(t)
	if len(texts) != 84 {
		t.Fatalf("want 84 dev texts, found %d", len(texts))
	}
	a := agreed{texts: len(texts), confusion: map[string]int{}}
	spanCount := map[string]int{}
	for d, text := range texts {
		toks := docs[d]
		words := make([]string, len(toks))
		for i, tk := range toks {
			words[i] = tk.Text
		}
		out := make([]tag.Tag, len(words))
		m.Tag(words, out)
		aliased := aliasLikeProse(t, text, words, out, spanCount)
		for i, tk := range toks {
			a.total++
			want := tag.Parse(tk.Tag)
			if want == out[i] {
				a.raw++
			}
			if want == aliased[i] {
				a.same++
			} else {
				a.confusion[tk.Tag+"->"+aliased[i].String()]++
			}
		}
	}
	return a
}

var sweep = flag.String("sweep", "", "build/tagger options to compare, as min:minfeat:scale:keybits:mincount:round:keepwordtop,... where keepwordtop is 0 or 1 (TestSweep)")

// TestSweep builds the model under each option set of -sweep and reports
// its size and agreement with prose, to choose the defaults.
func TestSweep(t *testing.T) {
	if *sweep == "" {
		t.Skip("no -sweep")
	}
	for _, s := range strings.Split(*sweep, ",") {
		o := testDefaults()
		var keep int
		if _, err := fmt.Sscanf(s, "%g:%g:%d:%d:%d:%d:%d", &o.minWeight, &o.minFeat, &o.scale, &o.keyBits, &o.minCount, &o.round, &keep); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		o.keepWordTop = keep == 1
		b, err := build(o)
		if err != nil {
			t.Fatal(err)
		}
		m, err := tag.Load(b)
		if err != nil {
			t.Fatal(err)
		}
		br, err := brotliSize(b)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%-16s %7d raw %7d brotli  agreement %.3f%%", s, len(b), br, agreement(t, m).pct())
	}
}

// TestTrainTagsUnchanged checks what the pruning promises: the embedded
// model tags the PolNeAR train texts exactly as the unpruned one does (the
// same weights, unquantised beyond version 1's units, with 32-bit keys), a
// whole text at once as build/train tags them and a sentence at a time as
// the engine does, so the attribution model trained on them stays the same.
func TestTrainTagsUnchanged(t *testing.T) {
	pruned, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	b, err := buildReference(testDefaults())
	if err != nil {
		t.Fatal(err)
	}
	full, err := tag.Load(b)
	if err != nil {
		t.Fatal(err)
	}
	words, diff, total := 0, 0, 0
	for _, text := range devTexts(t, "train") {
		norm, err := wstext.New(text)
		if err != nil {
			t.Fatal(err)
		}
		doc := segment.Split(norm.Norm)
		all := make([]string, len(doc.Tokens))
		for i := range doc.Tokens {
			all[i] = doc.Word(i)
		}
		words += len(all)
		runs := [][]string{all}
		for _, s := range doc.Sentences {
			runs = append(runs, all[s.First:s.Last])
		}
		for _, ws := range runs {
			a, b := make([]tag.Tag, len(ws)), make([]tag.Tag, len(ws))
			full.Tag(ws, a)
			pruned.Tag(ws, b)
			for i := range a {
				total++
				if a[i] != b[i] {
					diff++
					if diff <= 5 {
						t.Errorf("%q in %q: pruned %s, unpruned %s", ws[i], strings.Join(ws[max(0, i-3):min(len(ws), i+4)], " "), b[i], a[i])
					}
				}
			}
		}
	}
	t.Logf("%d train words; %d of %d tags differ", words, diff, total)
}

// proseSanitizer is the replacer prose's tokenizer applies before splitting.
var proseSanitizer = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'", "&rsquo;", "'")

// aliasLikeProse gives every token the tag of the same token in the last
// occurrence of its whitespace-separated span, as prose's token cache does
// (the text's final span is not cached).
func aliasLikeProse(t *testing.T, text string, words []string, tags []tag.Tag, count map[string]int) []tag.Tag {
	clean := proseSanitizer.Replace(text)
	spans := strings.FieldsFunc(clean, unicode.IsSpace)
	type occ struct{ start, n int }
	var occs []occ
	last := map[string]int{} // span -> index into occs of its last cached occurrence
	pos := 0
	for i, s := range spans {
		// Usually a span's tokens spell it out; otherwise ask prose.
		n, cat := 0, ""
		for pos+n < len(words) && len(cat) < len(s) && strings.HasPrefix(s[len(cat):], words[pos+n]) {
			cat += words[pos+n]
			n++
		}
		ok := cat == s
		if !ok {
			n, ok = count[s]
		}
		if !ok {
			doc, err := prose.NewDocument(s, prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false), prose.UsingModel(proseModel()))
			if err != nil {
				t.Fatal(err)
			}
			n = len(doc.Tokens())
			count[s] = n
		}
		occs = append(occs, occ{pos, n})
		pos += n
		endsText := i == len(spans)-1 && !unicode.IsSpace(lastRune(clean))
		if !endsText {
			last[s] = i
		}
	}
	if pos != len(tags) {
		t.Fatalf("span split gives %d tokens, prose gave %d", pos, len(tags))
	}
	out := make([]tag.Tag, len(tags))
	for i, s := range spans {
		src := occs[i]
		if j, ok := last[s]; ok && !(i == len(spans)-1 && !unicode.IsSpace(lastRune(clean))) {
			src = occs[j]
		}
		copy(out[occs[i].start:occs[i].start+occs[i].n], tags[src.start:src.start+src.n])
	}
	return out
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func logTop(t *testing.T, m map[string]int) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] || m[keys[i]] == m[keys[j]] && keys[i] < keys[j] })
	var b strings.Builder
	for i, k := range keys {
		if i == 12 {
			break
		}
		fmt.Fprintf(&b, " %s:%d", k, m[k])
	}
	t.Logf("top disagreements (prose->ours):%s", b.String())
}

// benchWords splits the PolNeAR train texts into 10,000 tokens: words with
// leading and trailing punctuation split off, roughly as a tokenizer would.
func benchWords(b *testing.B) []string {
	var words []string
	for _, text := range devTexts(b, "train") {
		for _, f := range strings.Fields(text) {
			for len(f) > 1 && strings.IndexByte("\"'(", f[0]) >= 0 {
				words, f = append(words, f[:1]), f[1:]
			}
			var tail []string
			for len(f) > 1 && strings.IndexByte(".,;:!?\"')", f[len(f)-1]) >= 0 {
				tail, f = append(tail, f[len(f)-1:]), f[:len(f)-1]
			}
			words = append(words, f)
			for i := len(tail) - 1; i >= 0; i-- {
				words = append(words, tail[i])
			}
			if len(words) >= 10000 {
				return words[:10000]
			}
		}
	}
	b.Fatalf("train texts give only %d words", len(words))
	return nil
}

func BenchmarkTag(b *testing.B) {
	m, err := tag.Default()
	if err != nil {
		b.Fatal(err)
	}
	words := benchWords(b)
	out := make([]tag.Tag, len(words))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m.Tag(words, out)
	}
	b.ReportMetric(float64(len(words))*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
