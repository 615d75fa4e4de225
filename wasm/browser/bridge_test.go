package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/engine"
	"github.com/whosaid/whosaid/internal/export"
)

const article = "The minister said the plan would cost £2bn. \"It is a mistake,\" she told AFP.\n\nCritics disagreed.\n"

// errorCode decodes an error JSON; ok is false when out is not one.
func errorCode(t *testing.T, out string) (code string, ok bool) {
	t.Helper()
	var e struct {
		Error *struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}
	if err := json.Unmarshal([]byte(out), &e); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if e.Error == nil {
		return "", false
	}
	if e.Error.Message == "" {
		t.Errorf("error without a message: %s", out)
	}
	return e.Error.Code, true
}

func realBridge(t *testing.T) (*bridge, *engine.Engine) {
	t.Helper()
	e, err := engine.New()
	if err != nil {
		t.Fatal(err)
	}
	return newBridge(e, nil), e
}

// The page must get exactly the bytes the CLI and the API write.
func TestExtractMatchesExport(t *testing.T) {
	b, e := realBridge(t)
	for _, tc := range []struct{ name, text, typ string }{
		{"plain", article, ""},
		{"plain explicit", article, engine.TypePlain},
		{"html", "<p>The minister said it.</p><script>x()</script>", engine.TypeHTML},
		{"empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := e.Extract(context.Background(), engine.Input{Text: tc.text, Type: tc.typ}, engine.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var want bytes.Buffer
			if err := export.Write(&want, res, "json"); err != nil {
				t.Fatal(err)
			}
			got := b.Extract(tc.text, tc.typ, nil)
			if got != want.String() {
				t.Errorf("Extract =\n%s\nwant\n%s", got, want.String())
			}
			if !strings.HasSuffix(got, "}\n") || strings.Count(got, "\n") != 1 {
				t.Errorf("want one compact line with a trailing newline, got %q", got)
			}
		})
	}
}

func TestExtractErrors(t *testing.T) {
	real, _ := realBridge(t)
	for _, tc := range []struct {
		name     string
		b        *bridge
		text     string
		typ      string
		progress func(int, int)
		code     string
	}{
		{"invalid utf-8", real, "a\xffb", "", nil, "invalid_utf8"},
		{"nul byte", real, "a\x00b", "", nil, "nul_byte"},
		{"unknown type", real, "a", "application/pdf", nil, "unsupported_type"},
		{"engine failed to load", newBridge(nil, errors.New("no model")), "a", "", nil, codeInternal},
		{"plain error", &bridge{extract: func(engine.Input, engine.Options) (*engine.Result, error) {
			return nil, errors.New("boom")
		}}, "a", "", nil, codeInternal},
		{"engine panics", &bridge{extract: func(engine.Input, engine.Options) (*engine.Result, error) {
			panic("boom")
		}}, "a", "", nil, codeInternal},
		// A throwing onProgress makes syscall/js panic inside the callback.
		{"progress panics", real, article, "", func(int, int) { panic("JavaScript error: x is not defined") }, codeInternal},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := tc.b.Extract(tc.text, tc.typ, tc.progress)
			code, ok := errorCode(t, out)
			if !ok || code != tc.code {
				t.Errorf("Extract = %s, want error code %q", out, tc.code)
			}
		})
	}
}

// After a panic the same bridge keeps answering.
func TestExtractRecoversAndServes(t *testing.T) {
	b, _ := realBridge(t)
	if code, _ := errorCode(t, b.Extract(article, "", func(int, int) { panic("x") })); code != codeInternal {
		t.Fatalf("code = %q, want internal", code)
	}
	if _, isErr := errorCode(t, b.Extract(article, "", nil)); isErr {
		t.Fatal("the bridge did not recover")
	}
}

func TestExtractProgress(t *testing.T) {
	b, _ := realBridge(t)
	var calls, last, total int
	b.Extract(article, "", func(d, n int) { calls, last, total = calls+1, d, n })
	if calls == 0 || last != total {
		t.Errorf("progress called %d times, last %d/%d; want at least once, ending done", calls, last, total)
	}
}

func TestFormat(t *testing.T) {
	b, e := realBridge(t)
	res, err := e.Extract(context.Background(), engine.Input{Text: article}, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	resultJSON := b.Extract(article, "", nil)
	for _, f := range export.PageFormats() {
		t.Run(f, func(t *testing.T) {
			var want bytes.Buffer
			werr := export.Write(&want, res, f)
			got := Format(resultJSON, f)
			if werr != nil {
				if code, _ := errorCode(t, got); code != codeInternal {
					t.Errorf("export failed (%v) but Format = %s", werr, got)
				}
				return
			}
			if got != want.String() {
				t.Errorf("Format(%s) =\n%s\nwant\n%s", f, got, want.String())
			}
		})
	}
	for _, tc := range []struct{ name, json, format, code string }{
		{"unknown format", resultJSON, "pdf", codeUnsupportedFormat},
		// The JSON-LD formats are the CLI's and the API's, not the page's.
		{"annotation", resultJSON, "annotation", codeUnsupportedFormat},
		{"claimreview", resultJSON, "claimreview", codeUnsupportedFormat},
		{"empty format", resultJSON, "", codeUnsupportedFormat},
		{"not json", "{", "json", codeBadJSON},
		{"truncated", `{"error":{"code":"x"}}`[:5], "csv", codeBadJSON},
		{"wrong shape", `{"claims":"no"}`, "csv", codeBadJSON},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if code, _ := errorCode(t, Format(tc.json, tc.format)); code != tc.code {
				t.Errorf("code = %q, want %q", code, tc.code)
			}
		})
	}
}

func TestErrorJSON(t *testing.T) {
	got := errorJSON("bad_html", `a <b> & "c"`)
	want := `{"error":{"code":"bad_html","message":"a <b> & \"c\""}}` + "\n"
	if got != want {
		t.Errorf("errorJSON = %q, want %q", got, want)
	}
}

// Whatever the page passes, the answer is JSON and nothing panics.
func FuzzExtract(f *testing.F) {
	f.Add(article, "")
	f.Add("<p>x</p>", engine.TypeHTML)
	f.Add("a\xffb", "text/x")
	e, err := engine.New()
	if err != nil {
		f.Fatal(err)
	}
	b := newBridge(e, nil)
	f.Fuzz(func(t *testing.T, text, typ string) {
		out := b.Extract(text, typ, nil)
		if !json.Valid([]byte(out)) {
			t.Fatalf("not JSON: %q", out)
		}
	})
}

func FuzzFormat(f *testing.F) {
	f.Add(`{"version":"0.1.0","text":"a","meta":{},"sources":[],"claims":[{"start":0,"end":1,"text":"a","attribution":null}]}`, "csv")
	f.Add("{", "md")
	f.Add("null", "json")
	f.Fuzz(func(t *testing.T, resultJSON, format string) {
		out := Format(resultJSON, format)
		if format == "json" && !json.Valid([]byte(out)) {
			t.Fatalf("not JSON: %q", out)
		}
	})
}
