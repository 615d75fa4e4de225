//go:build js && wasm

// Command worker is the whosaid HTTP API (internal/api) as a Cloudflare
// Worker: build it with build.sh, run it with `wrangler dev`, ship it with
// `wrangler deploy`.
//
// The glue (worker.mjs) instantiates this program once per isolate; main
// loads the engine once and hands the API to the glue through jsbridge,
// and the one instance then serves every request of the isolate, each in
// a goroutine of its own.
package main

import (
	"encoding/json"

	"github.com/whosaid/whosaid/internal/api"
	http "github.com/whosaid/whosaid/internal/api/httpshim"
	"github.com/whosaid/whosaid/internal/engine"
	"github.com/whosaid/whosaid/wasm/worker/jsbridge"
)

func main() {
	jsbridge.Serve(handler(), jsbridge.Options{
		MaxBody:  api.MaxBody,
		Fallback: internalError("internal error; the request was not processed"),
	})
}

// handler is the API, or a JSON 500 for every request if the engine cannot
// load (a broken build), so the failure is visible rather than a hang.
func handler() http.Handler {
	e, err := engine.New()
	if err != nil {
		return internalError("the engine failed to load: " + err.Error())
	}
	return api.New(e)
}

// internalError answers every request with the API's JSON 500 and its
// common headers.
func internalError(message string) http.Handler {
	msg, _ := json.Marshal(map[string]map[string]string{"error": {"code": "internal", "message": message}})
	msg = append(msg, '\n')
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("Access-Control-Allow-Origin", "*")
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.WriteHeader(http.StatusInternalServerError)
		w.Write(msg) //nolint:errcheck // a recorder; nothing fails
	})
}
