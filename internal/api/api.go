// Package api is the whosaid HTTP API as one net/http handler, run natively
// by `whosaid serve` and on Cloudflare Workers by wasm/worker.
//
// Routes (the handler expects the full path, so mount it at "/api/" without
// stripping the prefix):
//
//	POST    /api/extract  an article (text/plain, text/html or JSON) → the engine's result
//	GET     /api/health   status, engine version and model identity
//	OPTIONS /api/…        CORS preflight
//
// Every answer is JSON unless another export format was asked for, carries
// CORS headers for any origin (the API holds no cookies or secrets), and is
// never cached. Errors are {"error": {"code": "...", "message": "..."}}.
package api

import (
	"context"
	"strings"
	"time"

	http "github.com/whosaid/whosaid/internal/api/httpshim"
	"github.com/whosaid/whosaid/internal/engine"
	"github.com/whosaid/whosaid/internal/export"
)

// MaxBody is the largest request body accepted, in bytes: a long article is
// well under 200 KB, so anything bigger is a mistake or an abuse.
const MaxBody = 1 << 20

// Route paths.
const (
	PathExtract = "/api/extract"
	PathHealth  = "/api/health"
)

// extractFunc is Engine.Extract; tests swap it to reach the panic path.
type extractFunc func(context.Context, engine.Input, engine.Options) (*engine.Result, error)

// handler serves the routes; it holds nothing mutable, so one value serves
// any number of requests at once.
type handler struct {
	extract extractFunc
	modelID string
	limit   *limiter      // nil: no limit on analyses at once
	timeout time.Duration // 0: no deadline for an analysis
}

// New returns the handler for /api/… routes.
func New(e *engine.Engine) http.Handler {
	return newHandler(e.Extract, e.ModelID())
}

func newHandler(extract extractFunc, modelID string) http.Handler {
	return newHandlerOptions(extract, modelID, Options{})
}

func newHandlerOptions(extract extractFunc, modelID string, opt Options) http.Handler {
	h := &handler{extract: extract, modelID: modelID, limit: newLimiter(opt), timeout: max(opt.Timeout, 0)}
	return recoverer(commonHeaders(http.HandlerFunc(h.route)))
}

// route dispatches by path, then by method. It does not use ServeMux method
// patterns because their 404 and 405 answers are plain text, and every
// answer of the API must be JSON.
func (h *handler) route(w http.ResponseWriter, r *http.Request) {
	var allow string
	var serve http.HandlerFunc
	switch r.URL.Path {
	case PathExtract:
		allow, serve = "POST, OPTIONS", h.serveExtract
		if r.Method != http.MethodPost {
			serve = nil
		}
	case PathHealth:
		allow, serve = "GET, HEAD, OPTIONS", h.serveHealth
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			serve = nil
		}
	default:
		writeError(w, http.StatusNotFound, "not_found",
			"no such route: "+r.URL.Path+" (the API has POST "+PathExtract+" and GET "+PathHealth+")")
		return
	}
	switch {
	case serve != nil:
		serve(w, r)
	case r.Method == http.MethodOptions:
		preflight(w, r, allow)
	default:
		w.Header().Set("Allow", allow)
		writeError(w, http.StatusMethodNotAllowed, "method_not_allowed",
			"method "+r.Method+" is not allowed on "+r.URL.Path+"; use "+strings.TrimSuffix(allow, ", OPTIONS"))
	}
}

// commonHeaders adds the headers every API answer carries. Any origin may
// call the API because it holds no credentials; answers depend on the
// request body, so caching them would only serve stale or wrong results.
func commonHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Access-Control-Allow-Origin", "*")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}

// preflight answers a CORS preflight (or a plain OPTIONS) for one route.
func preflight(w http.ResponseWriter, r *http.Request, allow string) {
	h := w.Header()
	h.Set("Allow", allow)
	h.Set("Access-Control-Allow-Methods", allow)
	// Content-Type is the only non-simple header a client needs to send
	// (application/json); Accept is listed for format negotiation.
	h.Set("Access-Control-Allow-Headers", "Content-Type, Accept")
	h.Set("Access-Control-Max-Age", "86400")
	w.WriteHeader(http.StatusNoContent)
}

// health is the body of GET /api/health.
type health struct {
	Status  string   `json:"status"`
	Version string   `json:"version"`
	Model   string   `json:"model"`
	Formats []string `json:"formats"`
	MaxBody int      `json:"max_body_bytes"`
}

func (h *handler) serveHealth(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, health{
		Status: "ok", Version: engine.Version, Model: h.modelID,
		Formats: supportedFormats(), MaxBody: MaxBody,
	})
}

// supportedFormats lists the export formats that have a media type, in the
// export package's order.
func supportedFormats() []string {
	var fs []string
	for _, f := range export.Formats() {
		if _, ok := export.ContentType(f); ok {
			fs = append(fs, f)
		}
	}
	return fs
}
