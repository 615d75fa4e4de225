package tag

import (
	"slices"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/segment"
)

// TestDocTagger: each sentence is tagged on its own, the tokens between
// and after sentences as runs of their own, odd sentences are passed over,
// and Next stops after each sentence it tags.
func TestDocTagger(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	seg := segment.Split("The mayor said the bridge would close. \"It is unsafe,\" she told reporters on Tuesday.\n\nPark opens in May.")
	if len(seg.Sentences) != 3 {
		t.Fatalf("want 3 sentences, got %d", len(seg.Sentences))
	}
	words := make([]string, len(seg.Tokens))
	for i := range words {
		words[i] = seg.Word(i)
	}
	// tagRuns tags words run by run, each run [from, to) on its own.
	tagRuns := func(runs ...[2]int) []Tag {
		tags := make([]Tag, len(words))
		for _, r := range runs {
			m.Tag(words[r[0]:r[1]], tags[r[0]:r[1]])
		}
		return tags
	}
	s := seg.Sentences
	tests := []struct {
		name  string
		sents []segment.Sentence
		want  []Tag
		seen  []int
	}{
		{"sentences", s, tagRuns([2]int{s[0].First, s[0].Last}, [2]int{s[1].First, s[1].Last}, [2]int{s[2].First, s[2].Last}), []int{0, 1, 2}},
		// the tokens of a sentence left out: a run between two sentences
		{"gap", []segment.Sentence{s[0], s[2]}, tagRuns([2]int{s[0].First, s[0].Last}, [2]int{s[1].First, s[1].Last}, [2]int{s[2].First, s[2].Last}), []int{0, 1}},
		// an overlapping sentence is passed over; what it held past the
		// last sentence is the final run
		{"overlap", []segment.Sentence{s[0], s[1], {First: s[1].First, Last: s[2].Last}}, tagRuns([2]int{s[0].First, s[0].Last}, [2]int{s[1].First, s[1].Last}, [2]int{s[1].Last, len(words)}), []int{0, 1}},
		{"none", nil, tagRuns([2]int{0, len(words)}), nil},
	}
	for _, tt := range tests {
		doc := *seg
		doc.Sentences = tt.sents
		d := m.NewDocTagger(&doc)
		var seen []int
		for {
			si, last, ok := d.Next()
			if !ok {
				break
			}
			if last != tt.sents[si].Last {
				t.Errorf("%s: Next = %d, %d: sentence %d ends at %d", tt.name, si, last, si, tt.sents[si].Last)
			}
			seen = append(seen, si)
		}
		if !slices.Equal(d.Tags, tt.want) || !slices.Equal(seen, tt.seen) {
			t.Errorf("%s: tags %v after sentences %v; want %v after %v", tt.name, d.Tags, seen, tt.want, tt.seen)
		}
		if got := m.TagDoc(&doc); !slices.Equal(got, tt.want) {
			t.Errorf("%s: TagDoc = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestNames: a capitalised word the model calls a verb form, adverb or
// adjective before a finite verb is a name when the dictionary does not
// know it and the text writes it as a name (after "Mr.", "Rep.", a verb)
// and never in small letters; the words the dictionary knows keep their
// tags, and so does a word with no such mention.
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
