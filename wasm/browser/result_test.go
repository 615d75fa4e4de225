package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/whosaid/whosaid/internal/engine"
	"github.com/whosaid/whosaid/internal/export"
)

// decodeResult reads what encoding/json reads from the engine's output.
func TestDecodeResult(t *testing.T) {
	_, e := realBridge(t)
	texts := map[string]engine.Input{
		"article": {Text: article},
		"html":    {Text: "<title>T</title><h1>Head</h1><p class=byline>By Ana Ruiz</p><nav><a href=/>Home</a></nav><article><p>\"We are safe,\" said Ana Ruiz. The minister said the plan would cost £2bn, and critics said it would not.</p></article>", Type: engine.TypeHTML},
		"empty":   {},
	}
	seeds, _ := filepath.Glob("../../../shared/seed/text/*.txt")
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts[filepath.Base(p)] = engine.Input{Text: string(b)}
	}
	for name, in := range texts {
		res, err := e.Run(in, engine.Options{})
		if err != nil {
			t.Fatal(name, err)
		}
		var buf bytes.Buffer
		if err := export.Write(&buf, res, "json"); err != nil {
			t.Fatal(name, err)
		}
		got, err := decodeResult(buf.Bytes())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var want engine.Result
		if err := json.Unmarshal(buf.Bytes(), &want); err != nil {
			t.Fatal(name, err)
		}
		if !reflect.DeepEqual(got, &want) {
			t.Errorf("%s: decodeResult =\n%+v\nencoding/json\n%+v", name, got, &want)
		}
	}
	for _, bad := range []string{`{`, `[]`, `{"claims":{}}`, `{"claims":[{"start":1.5}]}`, `{"sources":[{"name":3}]}`, `{"meta":{"title_span":"x"}}`} {
		if _, err := decodeResult([]byte(bad)); err == nil {
			t.Errorf("decodeResult(%s): no error", bad)
		}
	}
}

// errorJSON writes what encoding/json writes.
func TestErrorJSONMatchesEncodingJSON(t *testing.T) {
	type body struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	}
	for _, m := range []string{"", "plain", `"quoted" <b>&amp;</b>`, "line\nbreak \u2028 \xff"} {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(struct {
			Error body `json:"error"`
		}{body{"bad_json", m}}); err != nil {
			t.Fatal(err)
		}
		if got := errorJSON("bad_json", m); got != buf.String() {
			t.Errorf("errorJSON(%q) = %s, encoding/json %s", m, got, buf.String())
		}
	}
}
