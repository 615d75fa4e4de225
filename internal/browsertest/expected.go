package browsertest

import (
	"bytes"
	"context"
	"testing"

	"github.com/whosaid/whosaid/internal/engine"
	"github.com/whosaid/whosaid/internal/export"
)

// ExpectedJSON is what `whosaid extract` prints for text of the given type
// (internal/engine plus export.Write(…, "json"), in process): what the
// browser's engine must answer too. It ends the test on error.
func ExpectedJSON(t testing.TB, text, typ string) []byte {
	t.Helper()
	e, err := engine.New()
	if err != nil {
		t.Fatal(err)
	}
	res, err := e.Extract(context.Background(), engine.Input{Text: text, Type: typ}, engine.Options{})
	if err != nil {
		t.Fatalf("engine: %v", err)
	}
	var buf bytes.Buffer
	if err := export.Write(&buf, res, "json"); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
