//go:build js && wasm

// Command hello is Go's floor for the page's time to ready: the smallest Go
// program that the engine's worker (web/engine-worker.js) accepts as an
// engine. It sets whosaidEngine and waits, like wasm/browser, but loads
// nothing. `make bench-web` builds the site with it in place of the engine
// (go run ./build -pkg ./internal/webtest/testdata/hello) and serves both
// sites from the same handler, so the two times to ready differ only by
// what the engine does before it can answer.
package main

import "syscall/js"

func main() {
	extract := js.FuncOf(func(js.Value, []js.Value) any {
		return `{"error":{"code":"internal","message":"hello: no engine"}}`
	})
	js.Global().Set("whosaidEngine", map[string]any{
		"version": "hello",
		"model":   "",
		"extract": extract,
	})
	select {}
}
