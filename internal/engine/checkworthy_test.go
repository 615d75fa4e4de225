package engine

import "testing"

// TestPersonal: only a first- or second-person pronoun as the source is
// read with an attributed claim's content and cue; names never are.
func TestPersonal(t *testing.T) {
	for _, c := range []struct {
		src  string
		want bool
	}{
		{"I", true},
		{"we", true},
		{" We ", true},
		{"You", true},
		{"", false},
		{"he", false},
		{"Bali", false},
		{"the minister", false},
		{"I.", false},
	} {
		if got := personal(c.src); got != c.want {
			t.Errorf("personal(%q) = %v, want %v", c.src, got, c.want)
		}
	}
}
