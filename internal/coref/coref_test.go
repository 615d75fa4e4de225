package coref

import (
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
)

// mentions finds the token ranges of the given mention texts, in order.
func mentions(t *testing.T, seg *segment.Doc, texts []string) []Mention {
	var out []Mention
	from := 0
	for _, m := range texts {
		n := len(strings.Fields(m))
		found := false
		for k := from; k < len(seg.Tokens); k++ {
			var ws []string
			for j := k; j < len(seg.Tokens) && len(ws) < n; j++ {
				ws = append(ws, seg.Word(j))
			}
			if strings.Join(ws, " ") == m {
				out = append(out, Mention{First: k, Last: k + n})
				from = k + n
				found = true
				break
			}
		}
		if !found {
			t.Fatalf("mention %q not found", m)
		}
	}
	return out
}

func TestResolve(t *testing.T) {
	cases := []struct {
		text     string
		mentions []string
		want     []string // entity name of each mention
	}{
		{"Bali said it. But he said more.", []string{"Bali", "he"}, []string{"Bali", "Bali"}},
		{"Hillary Clinton spoke. Later Clinton said no.", []string{"Hillary Clinton", "Clinton"}, []string{"Hillary Clinton", "Hillary Clinton"}},
		{"Mr Abdel-Rahman said so. He said more.", []string{"Mr Abdel-Rahman", "He"}, []string{"Abdel-Rahman", "Abdel-Rahman"}},
		{"The officials said no. The minister said yes.", []string{"The officials", "The minister"}, []string{"The officials", "The minister"}},
	}
	m, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		seg := segment.Split(c.text)
		words := make([]string, len(seg.Tokens))
		for i := range words {
			words[i] = seg.Word(i)
		}
		tags := make([]tag.Tag, len(words))
		m.Tag(words, tags)
		ms := mentions(t, seg, c.mentions)
		ents := Resolve(seg, tags, ms)
		nameOf := make([]string, len(ms))
		for _, e := range ents {
			for _, mi := range e.Mentions {
				nameOf[mi] = e.Name
			}
		}
		for i, w := range c.want {
			if nameOf[i] != w {
				t.Errorf("%q: mention %q → %q, want %q", c.text, c.mentions[i], nameOf[i], w)
			}
		}
	}
}
