package engine

import (
	"slices"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/attrib"
)

// TestAskedClaims: a sentence that opens with "Asked" and a question gets
// the question as a claim of its own, and a claim the model gave the
// question gets the answer.
func TestAskedClaims(t *testing.T) {
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
		{"an answer-less claim goes, and the next sentence is read",
			"Asked if he was ever bullied, the candidate said. Asked if she was, the mayor replied no.",
			[]claim{{"said", "Asked if he was ever bullied", "the candidate"}, {"replied", "Asked if she was", "the mayor"}},
			[]claim{{"Asked", "if he was ever bullied", ""}, {"Asked", "if she was", ""}, {"replied", "no", "the mayor"}}},
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
			seg, tags := tagged(t, c.text)
			if got := show(c.text, askedClaims(attsOf(t, seg, c.have), seg, tags)); !slices.Equal(got, c.want) {
				t.Errorf("got %q\nwant %q", got, c.want)
			}
		})
	}
}

// TestPollClaims: a sentence that opens with "In" and a poll gets the
// finding as a claim with the poll for its source.
func TestPollClaims(t *testing.T) {
	cases := []struct {
		name, text           string
		held                 string // a claim's content already there
		cue, source, content string // want; "" for no claim added
	}{
		{"a poll and a finding",
			"In an NBC News poll released Monday, 50 percent of respondents backed Clinton.", "",
			"In", "an NBC News poll released Monday", "50 percent of respondents backed Clinton"},
		{"a participle after the poll",
			"In the latest poll, conducted in May, Clinton led Trump.", "",
			"In", "the latest poll, conducted in May", "Clinton led Trump"},
		{"not a poll named late",
			"In eight of nine states where exit polls were conducted, voters wanted change.", "", "", "", ""},
		{"not without a finite verb",
			"In the polls, anyway.", "", "", "", ""},
		{"not a sentence a claim holds",
			"In the latest poll, Clinton led Trump.", "Clinton led Trump", "", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			seg, tags := tagged(t, c.text)
			var atts []attrib.Attribution
			if c.held != "" {
				atts = append(atts, attOf(t, seg, "led", c.held, ""))
			}
			got := pollClaims(slices.Clone(atts), seg, tags, nil)
			if c.cue == "" {
				if len(got) != len(atts) {
					t.Fatalf("added %d claims, want none", len(got)-len(atts))
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("%d claims, want 1", len(got))
			}
			a := got[0]
			if g := [3]string{c.text[a.Cue.Start:a.Cue.End], c.text[a.Source.Start:a.Source.End], c.text[a.Start():a.End()]}; g != [3]string{c.cue, c.source, c.content} {
				t.Errorf("got %q, want %q", g, [3]string{c.cue, c.source, c.content})
			}
		})
	}
}
