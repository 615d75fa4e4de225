package engine

import (
	"strings"
	"testing"
)

// The page reports DefaultModelID before it loads the models: it must be
// the ID of the engine it then loads.
func TestDefaultModelID(t *testing.T) {
	got, want := DefaultModelID(), newEngine(t).ModelID()
	if got != want {
		t.Errorf("DefaultModelID() = %q, New().ModelID() = %q", got, want)
	}
	if !strings.HasPrefix(got, "rules-"+Version+"+attrib-") {
		t.Errorf("DefaultModelID() = %q", got)
	}
}
