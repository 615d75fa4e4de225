package readable

import (
	"strings"
	"testing"
)

// TestMonth: the byline rules know the months meta.ParseDate knows, in any
// case and with an abbreviation dot.
func TestMonth(t *testing.T) {
	for _, w := range strings.Fields("january jan february feb march mar april apr may june jun july jul " +
		"august aug september sep sept october oct november nov december dec JAN Sept. Dec. MAY") {
		if !month(w) {
			t.Errorf("month(%q) = false", w)
		}
	}
	for _, w := range strings.Fields("janu ju sept.. mays monday st 12 . ''") {
		if month(w) {
			t.Errorf("month(%q) = true", w)
		}
	}
}
