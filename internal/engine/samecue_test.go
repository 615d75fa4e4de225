package engine

import (
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/attrib"
	"github.com/whosaid/whosaid/internal/quote"
	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/text"
)

// TestOneClaimPerCue: the claims of one cue and one source in a paragraph
// become one claim in parts; another source or another paragraph keeps
// them apart.
func TestOneClaimPerCue(t *testing.T) {
	cases := []struct {
		name, doc string
		claims    [][3]string // content, cue, source ("" for none), each at its first occurrence
		want      []string    // each claim's parts, joined by " … "
		kinds     []attrib.Kind
	}{
		{"a frame's words and its quotation",
			`Trump is no conservative, he said. "He is a liberal!"`,
			[][3]string{{"Trump is no conservative", "said", "he"}, {`"He is a liberal!"`, "said", "he"}},
			[]string{`Trump is no conservative … "He is a liberal!"`}, []attrib.Kind{attrib.Mixed}},
		{"three parts, given in any order",
			`"One," she said. "Two." "Three."`,
			[][3]string{{`"Three."`, "said", "she"}, {`"One,"`, "said", "she"}, {`"Two."`, "said", "she"}},
			[]string{`"One," … "Two." … "Three."`}, []attrib.Kind{attrib.Direct}},
		{"another source stays apart",
			`Taxes will rise, he said; they would not, in her view.`,
			[][3]string{{"Taxes will rise", "said", "he"}, {"they would not", "said", "her"}},
			[]string{"Taxes will rise", "they would not"}, []attrib.Kind{attrib.Indirect, attrib.Indirect}},
		{"another paragraph stays apart",
			"Taxes will rise, he said.\n\nSpending will fall.",
			[][3]string{{"Taxes will rise", "said", "he"}, {"Spending will fall", "said", "he"}},
			[]string{"Taxes will rise", "Spending will fall"}, []attrib.Kind{attrib.Indirect, attrib.Indirect}},
		{"another cue stays apart",
			`Taxes will rise, he said, and he added that spending would fall.`,
			[][3]string{{"Taxes will rise", "said", "he"}, {"that spending would fall", "added", "he"}},
			[]string{"Taxes will rise", "that spending would fall"}, []attrib.Kind{attrib.Indirect, attrib.Indirect}},
		{"overlapping parts become one",
			`Taxes will rise and spending will fall, he said.`,
			[][3]string{{"Taxes will rise and spending", "said", "he"}, {"spending will fall", "said", "he"}},
			[]string{"Taxes will rise and spending will fall"}, []attrib.Kind{attrib.Indirect}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			seg := segment.Split(c.doc)
			quotes := quote.Find(seg)
			at := func(s string) text.Span {
				i := strings.Index(c.doc, s)
				if s == "" || i < 0 {
					return text.Span{}
				}
				return text.Span{Start: i, End: i + len(s)}
			}
			var atts []attrib.Attribution
			for _, cl := range c.claims {
				content := []text.Span{at(cl[0])}
				a := attrib.Attribution{Content: content, Cue: at(cl[1]), Source: at(cl[2]), Kind: kindOf(content, quotes)}
				atts = append(atts, a)
			}
			got := oneClaimPerCue(atts, seg, quotes)
			var parts []string
			var kinds []attrib.Kind
			for _, a := range got {
				var ps []string
				for _, s := range a.Content {
					ps = append(ps, c.doc[s.Start:s.End])
				}
				parts = append(parts, strings.Join(ps, " … "))
				kinds = append(kinds, a.Kind)
			}
			if strings.Join(parts, " | ") != strings.Join(c.want, " | ") {
				t.Errorf("claims %q, want %q", parts, c.want)
			}
			for i := range kinds {
				if i < len(c.kinds) && kinds[i] != c.kinds[i] {
					t.Errorf("claim %d kind %v, want %v", i, kinds[i], c.kinds[i])
				}
			}
		})
	}
}
