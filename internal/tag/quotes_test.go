package tag

import (
	"strings"
	"testing"
)

// TestSanitizeQuotes holds sanitizeQuotes to the strings.Replacer that
// prose's tokenizer applies.
func TestSanitizeQuotes(t *testing.T) {
	prose := strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'", "&rsquo;", "'")
	for _, w := range []string{
		"", "plain", "’s", "n’t", "“Yes,”", "‘no’", "it&rsquo;s", "&rsquo", "&rsquo;&rsquo;",
		"\u2019\u2019", "a\u201cb\u201dc", "\xe2\x80", "\xe2\x80\x9a", "é’é", "&amp;rsquo;",
	} {
		if got, want := sanitizeQuotes(w), prose.Replace(w); got != want {
			t.Errorf("sanitizeQuotes(%q) = %q, want %q", w, got, want)
		}
	}
}

func FuzzSanitizeQuotes(f *testing.F) {
	prose := strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'", "&rsquo;", "'")
	f.Add("it&rsquo;s “so”")
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := sanitizeQuotes(w), prose.Replace(w); got != want {
			t.Errorf("sanitizeQuotes(%q) = %q, want %q", w, got, want)
		}
	})
}
