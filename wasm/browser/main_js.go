//go:build js && wasm

package main

import (
	"fmt"
	"runtime/debug"
	"sync"
	"syscall/js"

	"github.com/whosaid/whosaid/internal/engine"
)

func main() {
	// The engine is the worker's only tenant: collect less often (an
	// article's garbage is a few megabytes), but never let the heap pass
	// a bound a phone's tab can spare.
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(256 << 20)
	// Ready means able to take a request, not loaded: the models are read
	// on the first request, or when the worker calls load() right after it
	// reports ready (web/engine-worker.js), off the page's way to ready.
	load := sync.OnceValues(engine.New)
	register(js.Global(), newLazyBridge(load), engine.DefaultModelID())
	registerLoad(js.Global(), load)
	// The functions stay callable only while main runs.
	select {}
}

// registerLoad adds whosaidEngine.load(): it loads the engine now and
// returns "" or, when the engine cannot load, the error JSON that every
// extract will then answer.
func registerLoad(global js.Value, load func() (*engine.Engine, error)) {
	global.Get("whosaidEngine").Set("load", js.FuncOf(func(js.Value, []js.Value) (out any) {
		defer func() {
			if r := recover(); r != nil {
				out = errorJSON(codeInternal, fmt.Sprintf("internal error: %v", r))
			}
		}()
		if _, err := load(); err != nil {
			return errorJSON(codeInternal, "loading the engine: "+err.Error())
		}
		return ""
	}))
}

// register sets whosaidEngine and whosaidEngineFormat on global. The
// js.Funcs are never released: they live as long as the worker.
func register(global js.Value, b *bridge, model string) {
	extract := js.FuncOf(func(_ js.Value, args []js.Value) any {
		text, ok := stringArg(args, 0)
		if !ok {
			return errorJSON(codeBadRequest, "extract: the text must be a string")
		}
		typ, ok := stringArg(args, 1)
		if !ok && !isNullish(args, 1) {
			return errorJSON(codeBadRequest, "extract: the type must be a string")
		}
		var progress func(done, total int)
		if len(args) > 2 && args[2].Type() == js.TypeFunction {
			cb := args[2]
			progress = func(done, total int) { cb.Invoke(done, total) }
		}
		// An optional fourth argument holds the options: {wholePage: true}.
		whole := len(args) > 3 && args[3].Type() == js.TypeObject && args[3].Get("wholePage").Truthy()
		return b.ExtractWith(text, typ, whole, progress)
	})
	format := js.FuncOf(func(_ js.Value, args []js.Value) any {
		res, ok1 := stringArg(args, 0)
		f, ok2 := stringArg(args, 1)
		if !ok1 || !ok2 {
			return errorJSON(codeBadRequest, "whosaidEngineFormat(resultJSON, format): both must be strings")
		}
		return Format(res, f)
	})
	global.Set("whosaidEngine", map[string]any{
		"version": engine.Version,
		"model":   model,
		"extract": extract,
	})
	global.Set("whosaidEngineFormat", format)
}

// stringArg is args[i] when it is a JavaScript string.
func stringArg(args []js.Value, i int) (string, bool) {
	if i >= len(args) || args[i].Type() != js.TypeString {
		return "", false
	}
	return args[i].String(), true
}

// isNullish reports whether args[i] is missing, undefined or null.
func isNullish(args []js.Value, i int) bool {
	return i >= len(args) || args[i].IsUndefined() || args[i].IsNull()
}
