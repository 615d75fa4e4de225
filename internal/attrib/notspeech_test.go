package attrib

import (
	"slices"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/text"
)

// TestNotSpeech: "a group called X" names and "appeared on" shows up;
// "called on", "called him", "the senator called" and "appears to" speak.
func TestNotSpeech(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"The ad was paid for by a civil rights advocacy group called Color of Change.", true},
		{"He hired a worker named Antonio Arroyo.", true},
		{"A coalition of groups called on Congress to act.", false},
		{"A spokesman called him a liar.", false},
		{"The senator called the plan a disaster.", false},
		{"Trump, a candidate, called the plan a disaster.", false},
		{"Kasich appeared on Sunday news shows.", true},
		{"Mr. Obama appeared before reporters.", true},
		{"The plan appeared to stall.", false},
		{"The vice president appeared deferential.", false},
	} {
		seg := segment.Split(c.text)
		k := slices.IndexFunc(seg.Tokens, func(tk segment.Token) bool {
			w := c.text[tk.Start:tk.End]
			return w == "called" || w == "named" || w == "appeared"
		})
		tk := seg.Tokens[k]
		if got := NotSpeech(seg, text.Span{Start: int(tk.Start), End: int(tk.End)}); got != c.want {
			t.Errorf("NotSpeech(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestLabelOpens: a label opening its line before a colon names no one,
// whether or not the model gave it as the source ("Contributing: Nicole
// Gaudiano." credits a reporter).
func TestLabelOpens(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Contributing: Nicole Gaudiano.", true},
		{"The Latest: Trump urges supporters to watch the polls.", true},
		{"Q: Have you talked to her?", true},
		{"Trump: Cruz has to come a long way on ethanol.", false},
		{"Poll: Clinton leads in Ohio.", false},
		{"The source said the question was: Who pays?", false},
	} {
		i := strings.Index(c.text, ":")
		if got := LabelOpens(segment.Split(c.text), text.Span{Start: i, End: i + 1}); got != c.want {
			t.Errorf("LabelOpens(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
