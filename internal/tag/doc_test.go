package tag

import (
	"slices"
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
