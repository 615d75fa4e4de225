package segment

import "testing"

// TestDateline: a place (and agency) or a subhead in capitals, set off by
// a dash at a paragraph's start, is a dateline; a sentence that is not its
// paragraph's first, a dash with nothing after it and words in small
// letters are not.
func TestDateline(t *testing.T) {
	cases := []struct {
		name, text string
		sentence   int
		want       string // the word after the dateline, "" for none
	}{
		{"a place and an agency", "WASHINGTON (AP) — The Latest on the race.", 0, "The"},
		{"a place and its state", "HEMPSTEAD, N.Y. ― If it worked, it works.", 0, "If"},
		{"a state in small letters", "FAIRVIEW, W.Va. - The coal was piled.", 0, "The"},
		{"two words and a state", "NEWPORT NEWS, Va. - In a tradition he kept.", 0, "In"},
		{"a double hyphen", "WASHINGTON -- President Obama spoke.", 0, "President"},
		{"a subhead", "QUESTIONABLE MEDICAL CLAIMS — For years, Oz has been dogged.", 0, "For"},
		{"an agency in small letters", "JERUSALEM (Reuters) - Israel said no.", 0, "Israel"},
		{"not the paragraph's first sentence", "It rained. WASHINGTON - The city flooded.", 1, ""},
		{"a word in small letters", "Washington - The city flooded.", 0, ""},
		{"one letter", "I - for one - agree.", 0, ""},
		{"no dash", "WASHINGTON The city flooded.", 0, ""},
		{"nothing after the dash", "WASHINGTON —", 0, ""},
		{"too long", "AB CD EF GH IJ KL MN OP - no.", 0, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Split(c.text)
			got := ""
			if k := d.Dateline(c.sentence); k >= 0 {
				got = d.Word(k)
			}
			if got != c.want {
				t.Errorf("Dateline(%d) = %q, want %q", c.sentence, got, c.want)
			}
		})
	}
}
