package tag

import (
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/segment"
)

// TestNames: a capitalised word the model calls a verb form, adverb or
// adjective before a finite verb is a name when the dictionary does not
// know it; the words it knows keep their tags.
func TestNames(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text, word string
		want       Tag
	}{
		{"Schilling told WEEI: ''I replied to the post.'' ESPN fired Schilling.", "Schilling", NNP},
		{"Moore thanked him for “stepping up.” Rep. Moore left.", "Moore", NNP},
		{"Schilling told WEEI: ''I replied to the post.''", "Schilling", VBG}, // no other mention
		{"Schilling told WEEI. Then schilling coins fell.", "Schilling", VBG},
		{"Running is hard work. Mr. Running left.", "Running", NNP},
		{"Here’s what he said.", "Here", RB},
		{"Many were angry.", "Many", JJ},
		{"Then came the vote.", "Then", RB},
		{"Running is hard work.", "Running", VBG},
		{"Fundraising was slow.", "Fundraising", VBG},
		{"Having announced that, he left.", "Having", VBG},
	} {
		seg := segment.Split(c.text)
		tags := m.TagDoc(seg)
		found := false
		for i := range seg.Tokens {
			if seg.Word(i) != c.word {
				continue
			}
			found = true
			if tags[i] != c.want {
				var b strings.Builder
				for j := range seg.Tokens {
					b.WriteString(seg.Word(j) + "/" + tags[j].String() + " ")
				}
				t.Errorf("%q: %s is %s, want %s (%s)", c.text, c.word, tags[i], c.want, b.String())
			}
		}
		if !found {
			t.Errorf("%q: no token %q", c.text, c.word)
		}
	}
}
