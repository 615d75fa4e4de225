package site

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEmbedHeaders(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"index.html", "embed.html", "embed.js", "embed-frame.0123456789.js", "engine.abcdef0123.wasm", "app.0123456789.js", "wasm_exec.0123456789.js", "engine-worker.0123456789.js", "offsets.0123456789.js", "sourcelabel.0123456789.js"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		path      string
		allow     []string
		cors      bool
		ancestors string // frame-ancestors value
		workerSrc string
	}{
		{"/", nil, false, "'none'", "'self'"},
		{"/app.0123456789.js", nil, false, "'none'", "'self'"},
		{"/embed.js", nil, true, "'none'", "'self'"},
		{"/embed-frame.0123456789.js", nil, true, "'none'", "'self'"},
		{"/engine.abcdef0123.wasm", nil, true, "'none'", "'self'"},
		{"/wasm_exec.0123456789.js", nil, true, "'none'", "'self'"},
		{"/engine-worker.0123456789.js", nil, true, "'none'", "'self'"},
		{"/offsets.0123456789.js", nil, true, "'none'", "'self'"},
		{"/sourcelabel.0123456789.js", nil, true, "'none'", "'self'"},
		{"/embed.html", nil, false, "*", "blob:"},
		{"/embed.html", []string{"https://a.example", " https://b.example "}, false, "https://a.example https://b.example", "blob:"},
		{"/embed.html", []string{"https://a.example; script-src *"}, false, "*", "blob:"},
		{"/missing.js", nil, false, "'none'", "'self'"},
	}
	for _, tc := range tests {
		h, err := NewWithOptions(dir, Options{EmbedAncestors: tc.allow})
		if err != nil {
			t.Fatal(err)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tc.path, nil))
		hd := rec.Result().Header
		if got := hd.Get("Access-Control-Allow-Origin") == "*"; got != tc.cors {
			t.Errorf("%s: CORS %v, want %v", tc.path, got, tc.cors)
		}
		if got := hd.Get("Access-Control-Expose-Headers") == "Content-Encoding"; got != tc.cors {
			t.Errorf("%s: exposes Content-Encoding %v, want %v", tc.path, got, tc.cors)
		}
		if got := hd.Get("Cross-Origin-Resource-Policy") == "cross-origin"; got != tc.cors {
			t.Errorf("%s: CORP cross-origin %v, want %v", tc.path, got, tc.cors)
		}
		csp := hd.Get("Content-Security-Policy")
		if !strings.HasSuffix(csp, "; frame-ancestors "+tc.ancestors) {
			t.Errorf("%s: CSP %q, want frame-ancestors %s", tc.path, csp, tc.ancestors)
		}
		if !strings.Contains(csp, "worker-src "+tc.workerSrc+";") {
			t.Errorf("%s: CSP %q, want worker-src %s", tc.path, csp, tc.workerSrc)
		}
	}
}

func TestUnhashed(t *testing.T) {
	for in, want := range map[string]string{
		"embed.js":                        "embed.js",
		"engine.abcdef0123.wasm":          "engine.wasm",
		"sub/engine-worker.0123456789.js": "sub/engine-worker.js",
		"embed.notahash00.js":             "embed.notahash00.js",
	} {
		if got := unhashed(in); got != want {
			t.Errorf("unhashed(%q) = %q, want %q", in, got, want)
		}
	}
}
