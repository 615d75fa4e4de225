package main

import (
	"errors"
	"testing"

	"github.com/whosaid/whosaid/internal/engine"
)

// The lazy bridge answers exactly as the loaded one, loads the engine on
// its first extract and never again, and reports a failure to load in the
// same words.
func TestLazyBridge(t *testing.T) {
	eager, e := realBridge(t)
	loads := 0
	lazy := newLazyBridge(func() (*engine.Engine, error) { loads++; return e, nil })
	if loads != 0 {
		t.Fatal("the engine was loaded before any request")
	}
	for i := range 2 {
		if got, want := lazy.Extract(article, "", nil), eager.Extract(article, "", nil); got != want {
			t.Errorf("call %d: lazy bridge answered\n%s\nwant\n%s", i, got, want)
		}
	}
	if loads != 2 {
		t.Errorf("load called %d times, want once a call (the caller's load remembers)", loads)
	}
	fail := errors.New("no model")
	got := newLazyBridge(func() (*engine.Engine, error) { return nil, fail }).Extract("a", "", nil)
	if want := newBridge(nil, fail).Extract("a", "", nil); got != want {
		t.Errorf("failed load: lazy bridge answered %s, want %s", got, want)
	}
}
