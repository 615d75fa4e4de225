//go:build js && wasm

package main

import (
	"runtime/debug"
	"syscall/js"

	"github.com/whosaid/whosaid/internal/engine"
)

func main() {
	// The engine is the worker's only tenant: collect less often (an
	// article's garbage is a few megabytes), but never let the heap pass
	// a bound a phone's tab can spare.
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(256 << 20)
	e, err := engine.New()
	model := ""
	if err == nil {
		model = e.ModelID()
	}
	register(js.Global(), newBridge(e, err), model)
	// The functions stay callable only while main runs.
	select {}
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
