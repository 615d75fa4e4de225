// Package api is the whosaid HTTP API as one net/http handler, run natively
// by `whosaid serve` and on Cloudflare Workers by wasm/worker.
package api

import (
	"net/http"

	"github.com/whosaid/whosaid/internal/engine"
)

// New returns the handler for /api/… routes. PLACEHOLDER.
func New(e *engine.Engine) http.Handler { return http.NotFoundHandler() }
