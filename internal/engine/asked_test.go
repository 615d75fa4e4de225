package engine

import (
	"slices"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/attrib"
	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
	"github.com/whosaid/whosaid/internal/text"
)

// TestAskedClaims: a sentence that opens with "Asked" and a question gets
// the question as a claim of its own, and a claim the model gave the
// question gets the answer.
func TestAskedClaims(t *testing.T) {
	m, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	// a claim as "cue | content | source"
	type claim struct{ cue, content, source string }
	cases := []struct {
		name string
		text string
		have []claim
		want []claim
	}{
		{"a question no claim has",
			"Asked if he was ever bullied, the candidate laughed.", nil,
			[]claim{{"Asked", "if he was ever bullied", ""}}},
		{"after an adverbial",
			"Asked on Fox News who leads the party, Trump laughed.", nil,
			[]claim{{"Asked", "who leads the party", ""}}},
		{"when asked",
			"When asked whom she supported, Ms. Sherry smiled.", nil,
			[]claim{{"asked", "whom she supported", ""}}},
		{"the main verb's claim gets the answer",
			"Asked if he was ever bullied, the candidate said no.",
			[]claim{{"said", "Asked if he was ever bullied", "the candidate"}},
			[]claim{{"Asked", "if he was ever bullied", ""}, {"said", "no", "the candidate"}}},
		{"and goes when there is none",
			"Asked if he was ever bullied, the candidate said.",
			[]claim{{"said", "Asked if he was ever bullied", "the candidate"}},
			[]claim{{"Asked", "if he was ever bullied", ""}}},
		{"a question the tagger found stays",
			"Asked if he was ever bullied, the candidate laughed.",
			[]claim{{"Asked", "if he was ever bullied", ""}},
			[]claim{{"Asked", "if he was ever bullied", ""}}},
		{"not an asker's question (askedBy)",
			"Asked by Starnes if he agreed, Carson said no.", nil, nil},
		{"not without a question word",
			"Asked Tuesday for a comment, she declined.", nil, nil},
		{"not without a main clause",
			"Asked if he was ever bullied, and why.", nil, nil},
	}
	show := func(s string, atts []attrib.Attribution) []claim {
		var out []claim
		for _, a := range atts {
			var content []string
			for _, c := range a.Content {
				content = append(content, s[c.Start:c.End])
			}
			out = append(out, claim{s[a.Cue.Start:a.Cue.End], strings.Join(content, " | "), s[a.Source.Start:a.Source.End]})
		}
		return out
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			seg := segment.Split(c.text)
			tags := m.TagDoc(seg)
			var atts []attrib.Attribution
			for _, h := range c.have {
				a := attrib.Attribution{Cue: spanOf(t, c.text, h.cue), Content: []text.Span{spanOf(t, c.text, h.content)}}
				a.DropSource()
				if h.source != "" {
					a.Source = spanOf(t, c.text, h.source)
					a.SrcFirst, a.SrcLast = seg.TokenRange(a.Source)
				}
				atts = append(atts, a)
			}
			if got := show(c.text, askedClaims(atts, seg, tags)); !slices.Equal(got, c.want) {
				t.Errorf("got %q\nwant %q", got, c.want)
			}
		})
	}
}
