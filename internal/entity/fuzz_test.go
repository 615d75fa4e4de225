package entity

import (
	"testing"

	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
)

// FuzzResolve: any text, with mentions at any token ranges (taken from the
// fuzzer's bytes), gives entities whose mentions are each given once, and
// every entity a kind, and NounPhrase a range inside the text; never a
// panic.
func FuzzResolve(f *testing.F) {
	f.Add("FBI Director James Comey said it. \"I know,\" he said. Mrs. Clinton and the IMF, which said so.", []byte{0, 4, 6, 7, 9, 2, 12, 20})
	f.Add("“ ” \" ' — , which who. They it.", []byte{1, 1, 0, 3, 2, 9})
	f.Add("A new ad from the Washington Post Trump said -- a man, the aide -- told me —", []byte{4, 3, 7, 2, 13, 1, 16, 0})
	m, err := tag.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, spans []byte) {
		seg := segment.Split(text)
		n := len(seg.Tokens)
		if n == 0 {
			return
		}
		words := make([]string, n)
		for i := range words {
			words[i] = seg.Word(i)
		}
		tags := make([]tag.Tag, n)
		m.Tag(words, tags)
		var ms []Mention
		for i := 0; i+1 < len(spans) && len(ms) < 32; i += 2 {
			a := int(spans[i]) % n
			b := a + 1 + int(spans[i+1])%4
			if b > n {
				b = n
			}
			ms = append(ms, Mention{First: a, Last: b, Speaker: int(spans[i+1])%(len(ms)+2) - 1})
		}
		for _, mt := range ms {
			f, l := NounPhrase(seg, tags, mt.First, mt.Last)
			if f < 0 || l > n || f > l {
				t.Fatalf("NounPhrase(%d, %d) = %d, %d of %d tokens", mt.First, mt.Last, f, l, n)
			}
		}
		seen := make([]bool, len(ms))
		for _, e := range Resolve(seg, tags, DefaultNames(), ms) {
			if e.Kind == "" {
				t.Errorf("entity %+v has no kind", e)
			}
			for _, mi := range e.Mentions {
				if mi < 0 || mi >= len(ms) || seen[mi] {
					t.Fatalf("mention %d given twice or out of range", mi)
				}
				seen[mi] = true
			}
		}
	})
}

// FuzzParseNames: any table text parses, never a panic.
func FuzzParseNames(f *testing.F) {
	f.Add("=f\nmary\n=m\njames\n=u\nchris\n")
	f.Add("mary\n=x\n\n=f")
	f.Fuzz(func(t *testing.T, s string) {
		n := ParseNames(s)
		_ = n.Gender("mary")
	})
}
