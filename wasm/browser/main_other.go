//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// main exists so the package builds (and vets) natively; the real entry
// point is in main_js.go.
func main() {
	fmt.Fprintln(os.Stderr, "wasm/browser runs in a browser: build it with GOOS=js GOARCH=wasm (go run ./build)")
	os.Exit(2)
}
