package sources

import (
	"errors"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/attrib"
	"github.com/whosaid/whosaid/internal/perceptron"
	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
	"github.com/whosaid/whosaid/internal/text"
)

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
		{"empty is the model that changes nothing", nil, false},
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
	if m, err := Default(); err != nil || !m.r.Trained() {
		t.Fatalf("Default: %v, %v: the embedded model should be a trained one", m, err)
	}
}

// FuzzLoad: no model file, however broken, crashes Load or Rerank.
func FuzzLoad(f *testing.F) {
	f.Add(embedded[:min(len(embedded), 512)])
	f.Add([]byte{})
	d, atts := prepare(f, cases[0])
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Load(b)
		if err == nil {
			m.Rerank(d, append([]attrib.Attribution(nil), atts...))
		}
	})
}

// rerankCase is one claim: its text, the first occurrences of its
// content, cue and source in it ("" for none), and the source the
// embedded model leaves it ("" for none).
type rerankCase struct {
	name, text, content, cue, source, want string
}

var cases = []rerankCase{
	{"a verb is no source", "Some Republicans were willing to go forward with a more limited bill.",
		"to go forward with a more limited bill", "willing", "were", "Some Republicans"},
	{"the subject stays", "The senator said that the bill would pass next week.",
		"that the bill would pass next week", "said", "The senator", "The senator"},
	{"a speaker after the verb", "“We will win this state,” said Steve Bell, a senior director.",
		"We will win this state", "said", "", "Steve Bell"},
	{"who asked is not said", "Asked about his plans, Trump said he would run again.",
		"his plans", "Asked about", "Trump", ""},
	{"a passive's subject is its content", "The plan was criticized as too expensive.",
		"The plan", "was criticized", "", ""},
}

func tagger(tb testing.TB) *tag.Model {
	tg, err := tag.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return tg
}

// prepare segments and tags a case's text and makes its claim.
func prepare(tb testing.TB, tc rerankCase) (*Doc, []attrib.Attribution) {
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
	a := attrib.Attribution{Content: []text.Span{span(tc.content)}, Cue: span(tc.cue), SrcFirst: -1, SrcLast: -1}
	if tc.source != "" {
		a.Source = span(tc.source)
		a.SrcFirst, a.SrcLast = seg.TokenRange(a.Source)
		a.RefFirst, a.RefLast = a.SrcFirst, a.SrcFirst
	}
	return &Doc{Seg: seg, Tags: tags, InQuote: make([]bool, len(seg.Tokens))}, []attrib.Attribution{a}
}

func TestRerank(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, atts := prepare(t, tc)
			m.Rerank(d, atts)
			a := atts[0]
			got := d.Seg.Text[a.Source.Start:a.Source.End]
			if got != tc.want {
				t.Errorf("source %q, want %q", got, tc.want)
			}
			if (a.SrcFirst < 0) != (got == "") {
				t.Errorf("source %q but tokens [%d, %d)", got, a.SrcFirst, a.SrcLast)
			}
		})
	}
}

// TestCandidates: the current source first, then none, then phrases
// outside the cue and the content; turns and inherited sources have none;
// a sentence without end gives no more than MaxCandidates.
func TestCandidates(t *testing.T) {
	d, atts := prepare(t, cases[1])
	cands, feats := d.Candidates(&atts[0])
	if len(cands) != len(feats) || len(cands) < 2 {
		t.Fatalf("%d candidates, %d feature lists", len(cands), len(feats))
	}
	if c := cands[0]; c.First != atts[0].SrcFirst || c.Last != atts[0].SrcLast {
		t.Errorf("first candidate %v, want the current source", c)
	}
	if cands[1].First >= 0 {
		t.Errorf("second candidate %v, want none", cands[1])
	}
	for _, c := range cands[2:] {
		sp := text.Span{Start: int(d.Seg.Tokens[c.First].Start), End: int(d.Seg.Tokens[c.Last-1].End)}
		if sp.Start < atts[0].Content[0].End && atts[0].Content[0].Start < sp.End {
			t.Errorf("candidate %q overlaps the content", d.Seg.Text[sp.Start:sp.End])
		}
	}
	for _, set := range []func(*attrib.Attribution){
		func(a *attrib.Attribution) { a.Turn = true },
		func(a *attrib.Attribution) { a.Inherited = true },
		func(a *attrib.Attribution) { a.Cue = text.Span{} },
	} {
		a := atts[0]
		set(&a)
		if c, _ := d.Candidates(&a); c != nil {
			t.Errorf("%+v: %d candidates, want none", a, len(c))
		}
	}
	long := "Officials said " + strings.Repeat("the mayor and the city council and the police chief and ", 200) + "the plan"
	d, atts = prepare(t, rerankCase{name: "long", text: long, content: "the plan", cue: "said", source: "Officials"})
	if c, _ := d.Candidates(&atts[0]); len(c) > MaxCandidates {
		t.Errorf("%d candidates, want at most %d", len(c), MaxCandidates)
	}
}
