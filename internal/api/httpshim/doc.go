// Package httpshim is the part of net/http that the API handler
// (internal/api) uses, so the handler can be compiled without net/http.
//
// Natively every name is net/http's own (type aliases, the same constants),
// so `whosaid serve` runs net/http unchanged. On js/wasm (the Cloudflare
// Worker) the package is a small implementation of its own: importing
// net/http links its TLS client, X.509 and the FIPS crypto module through
// package initialisers, 1.6 MB of wasm (480 KB gzip) that a Worker, which
// never dials or serves a socket, does not need. The Worker's equality
// test (wasm/worker) holds both builds to the same answers.
package httpshim
