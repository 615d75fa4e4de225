// Command browser is the whosaid engine compiled to WebAssembly for the
// reader's page. It runs inside a Web Worker (web/engine-worker.js) and
// exposes two synchronous functions on globalThis:
//
//	whosaidEngine = {version, model, extract(text, type, onProgress, {wholePage}) → string, load() → string}
//	whosaidEngineFormat(resultJSON, format) → string
//
// The engine's models are loaded on the first extract, or by load(), which
// the worker calls once it has reported ready; load returns "" or the
// error JSON. extract and whosaidEngineFormat return either the engine's output exactly as internal/export writes
// it or the error JSON of the HTTP API: {"error":{"code":…,"message":…}}.
//
// Build with GOOS=js GOARCH=wasm (go run ./build does). This file holds the
// logic, free of syscall/js so that it is tested natively; main_js.go is the
// thin JavaScript glue.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/whosaid/whosaid/internal/engine"
	"github.com/whosaid/whosaid/internal/export"
	"github.com/whosaid/whosaid/internal/minijson"
)

// Error codes this package adds to the engine's own (engine.Error.Code).
const (
	codeInternal          = "internal"
	codeBadRequest        = "bad_request" // a call with arguments of the wrong types
	codeBadJSON           = "bad_json"    // as the HTTP API calls a body it cannot decode
	codeUnsupportedFormat = "unsupported_format"
)

// extractFunc is engine.Engine.Run; tests substitute their own.
type extractFunc func(engine.Input, engine.Options) (*engine.Result, error)

// bridge turns calls from JavaScript into engine calls and their answers
// into JSON strings. It never panics.
type bridge struct {
	extract extractFunc
	loadErr error // set when the engine failed to load: every call reports it
}

// newBridge wraps a loaded engine, or the error loading it.
func newBridge(e *engine.Engine, err error) *bridge {
	if err != nil {
		return &bridge{loadErr: err}
	}
	return &bridge{extract: e.Run}
}

// newLazyBridge loads the engine with load on the first call that needs it
// (load must remember its answer: sync.OnceValues), so that the worker can
// report ready before the models are read; a failure to load is reported
// by every call as newBridge reports it.
func newLazyBridge(load func() (*engine.Engine, error)) *bridge {
	return &bridge{extract: func(in engine.Input, opt engine.Options) (*engine.Result, error) {
		e, err := load()
		if err != nil {
			return nil, fmt.Errorf("loading the engine: %w", err)
		}
		return e.Run(in, opt)
	}}
}

// Extract analyses text of media type typ ("" means text/plain) and returns
// the Result JSON or an error JSON. progress may be nil. A panic anywhere
// below — the engine, the export, the progress callback calling into
// JavaScript — becomes an "internal" error so the worker keeps serving.
func (b *bridge) Extract(text, typ string, progress func(done, total int)) (out string) {
	return b.ExtractWith(text, typ, false, progress)
}

// ExtractWith is Extract with the options: wholePage analyses all the
// visible text of an HTML page, not just its article.
func (b *bridge) ExtractWith(text, typ string, wholePage bool, progress func(done, total int)) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = errorJSON(codeInternal, fmt.Sprintf("internal error: %v", r))
		}
	}()
	if b.loadErr != nil {
		return errorJSON(codeInternal, "loading the engine: "+b.loadErr.Error())
	}
	// The worker is terminated to cancel a run, so no context is needed
	// (engine.Run: a context would link time's formatting).
	res, err := b.extract(engine.Input{Text: text, Type: typ}, engine.Options{Progress: progress, WholePage: wholePage})
	if err != nil {
		return errorFor(err)
	}
	return write(res, "json")
}

// Format re-exports a Result JSON (as Extract returned it) in format, for
// the page's CSV and Markdown downloads: one of export.PageFormats. The
// JSON-LD formats stay with the CLI and the API, out of the page's wasm.
func Format(resultJSON, format string) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = errorJSON(codeInternal, fmt.Sprintf("internal error: %v", r))
		}
	}()
	if !slices.Contains(export.PageFormats(), format) {
		return errorJSON(codeUnsupportedFormat, fmt.Sprintf("unsupported format %q: use one of %s", format, strings.Join(export.PageFormats(), ", ")))
	}
	res, err := decodeResult([]byte(resultJSON))
	if err != nil {
		return errorJSON(codeBadJSON, "the result to export is not valid result JSON: "+err.Error())
	}
	return write(res, format)
}

// write exports res, turning a failure into an error JSON.
func write(res *engine.Result, format string) string {
	var buf bytes.Buffer
	if err := export.WritePage(&buf, res, format); err != nil {
		return errorJSON(codeInternal, fmt.Sprintf("writing %s: %v", format, err))
	}
	return buf.String()
}

// errorFor maps an engine error to its error JSON: the engine's code for
// bad input, "internal" for anything else.
func errorFor(err error) string {
	var ee *engine.Error
	if errors.As(err, &ee) {
		return errorJSON(ee.Code, ee.Message)
	}
	return errorJSON(codeInternal, err.Error())
}

// errorJSON is the HTTP API's error body, one line with a trailing newline
// like every other JSON the engine writes, as encoding/json writes it
// (TestErrorJSON): minijson keeps encoding/json out of the page's wasm.
func errorJSON(code, message string) string {
	b := append([]byte(`{"error":{"code":`), minijson.AppendString(nil, code)...)
	b = append(b, `,"message":`...)
	b = minijson.AppendString(b, message)
	return string(append(b, "}}\n"...))
}
