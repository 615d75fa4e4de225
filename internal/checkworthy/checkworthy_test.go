package checkworthy

import (
	"bytes"
	"slices"
	"testing"

	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
)

func tokens(t testing.TB, s string) []Token {
	t.Helper()
	tg, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	toks, err := TextTokens(tg, s)
	if err != nil {
		t.Fatal(err)
	}
	return toks
}

// TestScore checks the embedded model on sentences whose order no reader
// would dispute, and the reasons it gives.
func TestScore(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text    string
		worth   bool     // at or above 0.5
		reasons []string // must be among the reasons
	}{
		{"Unemployment rose by 12 percent in the last four years, the highest rate since 1982.", true, []string{"percentage"}},
		{"The Democrats have controlled the Congress for the last twenty-two years.", true, []string{"time"}},
		{"The senator claimed that crime doubled in Chicago last year.", true, []string{"comparison"}},
		{"Thank you very much for having me tonight.", false, nil},
		{"I think we need to do better.", false, nil},
		{"What would you do about it?", false, nil},
	}
	for _, c := range cases {
		s := m.Score(tokens(t, c.text), nil)
		if s.P < 0 || s.P > 1 {
			t.Errorf("%q: score %v out of [0,1]", c.text, s.P)
		}
		if (s.P >= 0.5) != c.worth {
			t.Errorf("%q: score %.3f, want worth checking = %v", c.text, s.P, c.worth)
		}
		for _, r := range c.reasons {
			if !slices.Contains(s.Reasons, r) {
				t.Errorf("%q: reasons %v, want %q among them", c.text, s.Reasons, r)
			}
		}
		if len(s.Reasons) > maxReasons {
			t.Errorf("%q: %d reasons, want at most %d", c.text, len(s.Reasons), maxReasons)
		}
	}
}

// TestSigns checks the signs read from a few sentences.
func TestSigns(t *testing.T) {
	cases := []struct {
		text string
		has  []Sign
		not  []Sign
	}{
		{"We lost 2,000 jobs in March.", []Sign{Number, Quantity, Time, FirstPlural, Past}, []Sign{Percentage, Question}},
		{"Inflation is 13%.", []Sign{Percentage, Number}, []Sign{Time}},
		{"According to the report, taxes went up because of the war.", []Sign{Reported, Causal, Past}, []Sign{Number}},
		{"IS controlled territory the size of Britain.", []Sign{Comparison, NamedEntity}, []Sign{Question}},
		{"Will you raise taxes?", []Sign{Question, SecondPerson, Future}, []Sign{Number}},
		{"I believe we should cut spending.", []Sign{FirstSingular, Opinion, Modal}, []Sign{NamedEntity}},
	}
	for _, c := range cases {
		var sc Scratch
		s := features(tokens(t, c.text), &sc)
		for _, g := range c.has {
			if !s.Has(g) {
				t.Errorf("%q: no sign %s", c.text, g)
			}
		}
		for _, g := range c.not {
			if s.Has(g) {
				t.Errorf("%q: sign %s, want none", c.text, g)
			}
		}
	}
}

// TestKeysShared: the keys training learns from are those Score reads, and
// a typographic apostrophe reads as a straight one.
func TestKeysShared(t *testing.T) {
	a := Keys(tokens(t, "We don't know."))
	b := Keys(tokens(t, "We don’t know."))
	if !slices.Equal(a, b) {
		t.Errorf("keys differ for ' and ’")
	}
	if !slices.IsSorted(a) || len(slices.Compact(slices.Clone(a))) != len(a) {
		t.Errorf("keys not sorted or repeated: %v", a)
	}
	for _, k := range a {
		if k > keyMask {
			t.Errorf("key %d beyond %d bits", k, Bits)
		}
	}
}

// TestBounded: a very long claim is read up to maxTokens.
func TestBounded(t *testing.T) {
	long := bytes.Repeat([]byte("the tax rose 5 percent and "), 200)
	toks := tokens(t, string(long))
	var sc Scratch
	features(toks, &sc)
	if len(sc.keys) > 3*maxTokens+int(nSigns)+2 {
		t.Errorf("%d keys for a long claim, want at most %d", len(sc.keys), 3*maxTokens+int(nSigns)+2)
	}
}

func TestEncodeLoad(t *testing.T) {
	h := Header{Bits: Bits, Scale: 0.5, A: 1, B: -0.25}
	keys := []uint32{3, 10, 70000, keyMask}
	w := []int8{1, -127, 127, 5}
	b, err := Encode(h, keys, w)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Load(b)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(m.keys, keys) || !slices.Equal(m.w, w) || m.h.Scale != 0.5 || m.h.B != -0.25 {
		t.Errorf("round trip changed the model: %+v", m)
	}
	if got := m.weight(10); got != -63.5 {
		t.Errorf("weight(10) = %v, want -63.5", got)
	}
	if _, err := Encode(h, []uint32{2, 1}, []int8{1, 1}); err == nil {
		t.Error("unsorted keys encoded without error")
	}
	bad := [][]byte{
		nil,
		[]byte("not a model at all"),
		b[:len(b)-1],
		append(append([]byte{}, b[:len(b)-5]...), 0, 0, 0, 0, 0),
	}
	for i, d := range bad {
		if _, err := Load(d); err == nil {
			t.Errorf("bad model %d loaded without error", i)
		}
	}
}

// FuzzLoad: no model file, however broken, crashes Load.
func FuzzLoad(f *testing.F) {
	b, _ := Encode(Header{Bits: Bits, Scale: 1, A: 1}, []uint32{1, 2}, []int8{3, -3})
	f.Add(b)
	f.Add([]byte(magic + "{}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Load(data)
		if err == nil {
			m.Score([]Token{{Word: "tax", Kind: segment.Word, Tag: tag.NN}}, nil)
		}
	})
}
