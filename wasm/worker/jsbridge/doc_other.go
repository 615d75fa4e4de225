//go:build !(js && wasm)

// Package jsbridge runs an HTTP handler for the Worker's JavaScript glue;
// it exists only on js/wasm.
package jsbridge
