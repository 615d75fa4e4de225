//go:build js && wasm

// Command worker is the whosaid HTTP API (internal/api) as a Cloudflare
// Worker, through github.com/syumai/workers: build it with build.sh, run it
// with `wrangler dev`, ship it with `wrangler deploy`.
//
// The glue (build/worker.mjs) starts a fresh Go instance for every request,
// so main runs once per request: it loads the engine, serves that one
// request and returns.
package main

import (
	"encoding/json"
	"net/http"

	"github.com/syumai/workers"

	"github.com/whosaid/whosaid/internal/api"
	"github.com/whosaid/whosaid/internal/engine"
)

func main() {
	workers.Serve(handler())
}

// handler is the API, or a JSON 500 for every request if the engine cannot
// load (a broken build), so the failure is visible rather than a hang.
func handler() http.Handler {
	e, err := engine.New()
	if err != nil {
		msg, _ := json.Marshal(map[string]map[string]string{"error": {
			"code": "internal", "message": "the engine failed to load: " + err.Error()}})
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			w.Header().Set("Access-Control-Allow-Origin", "*")
			w.Header().Set("Cache-Control", "no-store")
			w.Header().Set("X-Content-Type-Options", "nosniff")
			w.WriteHeader(http.StatusInternalServerError)
			w.Write(append(msg, '\n')) //nolint:errcheck // nothing to tell a gone client
		})
	}
	return api.New(e)
}
