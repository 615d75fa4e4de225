package wordset

import (
	"maps"
	"testing"
)

func TestOf(t *testing.T) {
	for _, c := range []struct {
		list string
		want map[string]bool
	}{
		{"", map[string]bool{}},
		{"a", map[string]bool{"a": true}},
		{" mr  mr.\n\tn't ’s ", map[string]bool{"mr": true, "mr.": true, "n't": true, "’s": true}},
		{"a b a", map[string]bool{"a": true, "b": true}},
	} {
		if got := Of(c.list); !maps.Equal(got, c.want) {
			t.Errorf("Of(%q) = %v, want %v", c.list, got, c.want)
		}
	}
}

func TestPhrases(t *testing.T) {
	got := Phrases("reuters|associated press|ap")
	want := map[string]bool{"reuters": true, "associated press": true, "ap": true}
	if !maps.Equal(got, want) {
		t.Errorf("Phrases = %v, want %v", got, want)
	}
}

func TestPairs(t *testing.T) {
	got := Pairs("gov. governor\nsen senator odd")
	want := map[string]string{"gov.": "governor", "sen": "senator"}
	if !maps.Equal(got, want) {
		t.Errorf("Pairs = %v, want %v", got, want)
	}
}
