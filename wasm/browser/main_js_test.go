//go:build js && wasm

package main

import (
	"errors"
	"strings"
	"sync"
	"syscall/js"
	"testing"

	"github.com/whosaid/whosaid/internal/engine"
)

// The JavaScript side of the contract, run under Node:
//
//	GOOS=js GOARCH=wasm go test -exec="$(go env GOROOT)/lib/wasm/go_js_wasm_exec" ./wasm/browser
func TestRegister(t *testing.T) {
	e, err := engine.New()
	if err != nil {
		t.Fatal(err)
	}
	g := js.Global().Get("Object").New()
	register(g, newBridge(e, nil), e.ModelID())
	we := g.Get("whosaidEngine")
	if v := we.Get("version").String(); v != engine.Version {
		t.Errorf("version %q", v)
	}
	if m := we.Get("model").String(); m != e.ModelID() {
		t.Errorf("model %q", m)
	}
	var calls int
	progress := js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 2 || args[0].Type() != js.TypeNumber || args[1].Type() != js.TypeNumber {
			t.Errorf("onProgress(%v)", args)
		}
		calls++
		return nil
	})
	defer progress.Release()
	throws := js.Global().Get("Function").New("throw new Error('the page broke')")
	format := g.Get("whosaidEngineFormat")
	for _, tc := range []struct {
		name string
		call func() js.Value
		want string // a prefix of the answer
	}{
		{"text only", func() js.Value { return we.Call("extract", "He said it.") }, `{"version":`},
		{"type and progress", func() js.Value { return we.Call("extract", "He said it.", "text/plain", progress) }, `{"version":`},
		{"null type", func() js.Value { return we.Call("extract", "He said it.", js.Null()) }, `{"version":`},
		{"progress not a function", func() js.Value { return we.Call("extract", "He said it.", "", 7) }, `{"version":`},
		{"html", func() js.Value { return we.Call("extract", "<p>He said it.</p>", "text/html") }, `{"version":`},
		{"text not a string", func() js.Value { return we.Call("extract", 42) }, `{"error":{"code":"bad_request"`},
		{"no arguments", func() js.Value { return we.Call("extract") }, `{"error":{"code":"bad_request"`},
		{"type not a string", func() js.Value { return we.Call("extract", "x", 1) }, `{"error":{"code":"bad_request"`},
		{"bad input", func() js.Value { return we.Call("extract", "x", "application/pdf") }, `{"error":{"code":"unsupported_type"`},
		{"throwing onProgress", func() js.Value { return we.Call("extract", "He said it.", "", throws) }, `{"error":{"code":"internal"`},
		{"still serving", func() js.Value { return we.Call("extract", "He said it.") }, `{"version":`},
		{"format json", func() js.Value { return format.Invoke(we.Call("extract", "He said it."), "json") }, `{"version":`},
		{"format unknown", func() js.Value { return format.Invoke("{}", "pdf") }, `{"error":{"code":"unsupported_format"`},
		{"format not strings", func() js.Value { return format.Invoke(1, 2) }, `{"error":{"code":"bad_request"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := tc.call()
			if out.Type() != js.TypeString {
				t.Fatalf("answer of type %s, want a string", out.Type())
			}
			if s := out.String(); !strings.HasPrefix(s, tc.want) {
				t.Errorf("answer %s, want it to start with %s", s, tc.want)
			}
		})
	}
	if calls == 0 {
		t.Error("onProgress was never called")
	}
}

// What main registers: the model's ID before anything is loaded, load()
// loading once, and extract answering as the loaded engine does.
func TestRegisterLazy(t *testing.T) {
	e, err := engine.New()
	if err != nil {
		t.Fatal(err)
	}
	loads := 0
	load := sync.OnceValues(func() (*engine.Engine, error) { loads++; return e, nil })
	g := js.Global().Get("Object").New()
	register(g, newLazyBridge(load), engine.DefaultModelID())
	registerLoad(g, load)
	we := g.Get("whosaidEngine")
	if m := we.Get("model").String(); m != e.ModelID() {
		t.Errorf("model %q, want %q", m, e.ModelID())
	}
	if loads != 0 {
		t.Fatal("loaded before any call")
	}
	if out := we.Call("load"); out.String() != "" {
		t.Errorf("load() = %q", out.String())
	}
	if out := we.Call("extract", "He said it.").String(); !strings.HasPrefix(out, `{"version":`) {
		t.Errorf("extract after load: %s", out)
	}
	if loads != 1 {
		t.Errorf("loaded %d times", loads)
	}
	g = js.Global().Get("Object").New()
	fail := func() (*engine.Engine, error) { return nil, errors.New("no model") }
	register(g, newLazyBridge(fail), "")
	registerLoad(g, fail)
	want := `{"error":{"code":"internal","message":"loading the engine: no model"}}` + "\n"
	if out := g.Get("whosaidEngine").Call("load").String(); out != want {
		t.Errorf("failed load() = %q, want %q", out, want)
	}
	if out := g.Get("whosaidEngine").Call("extract", "x").String(); out != want {
		t.Errorf("extract after a failed load = %q, want %q", out, want)
	}
}
