package engine

import (
	"slices"
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
			seg, quotes, atts := claimsOf(c.doc, c.claims)
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

// TestQuoteGoesOn: a quotation whose source is a word of an earlier
// quotation in its paragraph joins that quotation, whose speaker it keeps;
// any other source, paragraph or kind of claim leaves it alone.
func TestQuoteGoesOn(t *testing.T) {
	const goesOn = `"Everything is on the table," Carson told the AP, hinting at changes. "I am looking carefully."`
	cases := []struct {
		name, doc string
		claims    [][3]string // content, cue, source ("" for none), each at its first occurrence
		want      []string    // each claim's parts, joined by " … ", then "<<" and its source
	}{
		{"a source inside the quotation before joins it", goesOn,
			[][3]string{{`"Everything is on the table,"`, "told", "Carson"}, {`"I am looking carefully."`, "hinting", "Everything"}},
			[]string{`"Everything is on the table," … "I am looking carefully." << Carson`}},
		{"a source outside the quotation stays apart", goesOn,
			[][3]string{{`"Everything is on the table,"`, "told", "Carson"}, {`"I am looking carefully."`, "hinting", "the AP"}},
			[]string{`"Everything is on the table," << Carson`, `"I am looking carefully." << the AP`}},
		{"a quotation that holds its own source does not take one in", goesOn,
			[][3]string{{`"Everything is on the table,"`, "told", "table"}, {`"I am looking carefully."`, "hinting", "Everything"}},
			[]string{`"Everything is on the table," << table`, `"I am looking carefully." << Everything`}},
		{"a source in a later quotation stays apart",
			`"I am looking carefully," he said. "Everything is on the table," Carson told the AP.`,
			[][3]string{{`"I am looking carefully,"`, "said", "Everything"}, {`"Everything is on the table,"`, "told", "Carson"}},
			[]string{`"I am looking carefully," << Everything`, `"Everything is on the table," << Carson`}},
		{"another paragraph stays apart",
			"\"Everything is on the table,\" Carson told the AP.\n\n\"I am looking carefully.\"",
			[][3]string{{`"Everything is on the table,"`, "told", "Carson"}, {`"I am looking carefully."`, "told", "Everything"}},
			[]string{`"Everything is on the table," << Carson`, `"I am looking carefully." << Everything`}},
		{"a claim that is not a quotation stays apart", goesOn,
			[][3]string{{`"Everything is on the table,"`, "told", "Carson"}, {"at changes", "hinting", "Everything"}},
			[]string{`"Everything is on the table," << Carson`, "at changes << Everything"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			seg, _, atts := claimsOf(c.doc, c.claims)
			var got []string
			for _, a := range quoteGoesOn(atts, seg) {
				var ps []string
				for _, s := range a.Content {
					ps = append(ps, c.doc[s.Start:s.End])
				}
				got = append(got, strings.Join(ps, " … ")+" << "+c.doc[a.Source.Start:a.Source.End])
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("claims %q, want %q", got, c.want)
			}
		})
	}
}

// TestAtSecondCue: a claim in parts splits where a second cue frames the
// parts after it, which keep the speaker.
func TestAtSecondCue(t *testing.T) {
	cases := []struct {
		name, text, cue, content, source string
		want                             []string // each claim's parts and cue
	}{
		{"adding",
			"“We can’t afford it,” Trump said, adding later, “NATO is costing us a fortune.”",
			"said", "“We can’t afford it,” | “NATO is costing us a fortune.”", "Trump",
			[]string{"“We can’t afford it,” / said", "“NATO is costing us a fortune.” / adding"}},
		{"going on",
			"“We can’t afford it,” Trump said, going on to attack NATO, “it is costing us a fortune.”",
			"said", "“We can’t afford it,” | “it is costing us a fortune.”", "Trump",
			[]string{"“We can’t afford it,” / said", "“it is costing us a fortune.” / going"}},
		{"not going elsewhere",
			"“We can’t afford it,” Trump said, going into the meeting, “it is costing us a fortune.”",
			"said", "“We can’t afford it,” | “it is costing us a fortune.”", "Trump",
			[]string{"“We can’t afford it,” | “it is costing us a fortune.” / said"}},
		{"another participle",
			"“We can’t afford it,” Trump said, referring to NATO, “it is costing us a fortune.”",
			"said", "“We can’t afford it,” | “it is costing us a fortune.”", "Trump",
			[]string{"“We can’t afford it,” | “it is costing us a fortune.” / said"}},
		{"not in the words of a part",
			"“We can’t afford it, adding debt,” Trump said, “and NATO costs a fortune.”",
			"said", "“We can’t afford it, adding debt,” | “and NATO costs a fortune.”", "Trump",
			[]string{"“We can’t afford it, adding debt,” | “and NATO costs a fortune.” / said"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			seg, _ := tagged(t, c.text)
			a := inParts(t, seg, quote.Find(seg), c.cue, c.content)
			a.Source = spanOf(t, c.text, c.source)
			a.SrcFirst, a.SrcLast = seg.TokenRange(a.Source)
			var got []string
			for _, b := range atSecondCue([]attrib.Attribution{a}, seg, quote.Find(seg)) {
				got = append(got, partsOf(c.text, b.Content)+" / "+c.text[b.Cue.Start:b.Cue.End])
				if b.Source != a.Source {
					t.Errorf("source %q, want %q", c.text[b.Source.Start:b.Source.End], c.source)
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(c.want, "\n  "))
			}
		})
	}
}

// claimsOf splits doc and makes its claims, each a content, cue and source
// ("" for none) where they first stand, its kind taken from its content.
func claimsOf(doc string, claims [][3]string) (*segment.Doc, []quote.Quote, []attrib.Attribution) {
	seg := segment.Split(doc)
	quotes := quote.Find(seg)
	at := func(s string) text.Span {
		i := strings.Index(doc, s)
		if s == "" || i < 0 {
			return text.Span{}
		}
		return text.Span{Start: i, End: i + len(s)}
	}
	var atts []attrib.Attribution
	for _, cl := range claims {
		content := []text.Span{at(cl[0])}
		atts = append(atts, attrib.Attribution{Content: content, Cue: at(cl[1]), Source: at(cl[2]), Kind: kindOf(content, quotes)})
	}
	return seg, quotes, atts
}
