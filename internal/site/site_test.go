package site

import (
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// distTree copies testdata/dist to a temporary directory and adds the
// precompressed variants: both for index.html and app.js, gzip only for the
// worker, brotli only for the wasm, none for the stylesheet. It also plants
// a symbolic link pointing outside the tree.
func distTree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/dist")); err != nil {
		t.Fatal(err)
	}
	for name, encs := range map[string][]string{
		"index.html":                  {"br", "gz"},
		"app.0123456789.js":           {"br", "gz"},
		"engine-worker.9876543210.js": {"gz"},
		"engine.aaaaaaaaaa.wasm":      {"br"},
		"sub/index.html":              {"gz"},
	} {
		raw, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		for _, enc := range encs {
			var buf bytes.Buffer
			var w io.WriteCloser
			if enc == "br" {
				w = brotli.NewWriter(&buf)
			} else {
				w = gzip.NewWriter(&buf)
			}
			if _, err := w.Write(raw); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name+"."+enc), buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	outside := filepath.Join(t.TempDir(), "secret.js")
	if err := os.WriteFile(outside, []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "escape.js")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func decode(t *testing.T, enc string, body []byte) []byte {
	t.Helper()
	var r io.Reader
	switch enc {
	case "":
		return body
	case "br":
		r = brotli.NewReader(bytes.NewReader(body))
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	default:
		t.Fatalf("unexpected Content-Encoding %q", enc)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("decoding %s: %v", enc, err)
	}
	return out
}

const (
	immutable = "public, max-age=31536000, immutable"
	noCache   = "no-cache"
	wantCSP   = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)

func TestServe(t *testing.T) {
	dir := distTree(t)
	h, err := New(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		method   string // GET when empty
		path     string
		accept   string // Accept-Encoding
		status   int
		file     string // the file whose bytes the decoded body must be
		ctype    string
		encoding string
		cache    string
	}{
		{"root is index.html", "", "/", "", 200, "index.html", "text/html; charset=utf-8", "", noCache},
		{"index.html by name", "", "/index.html", "", 200, "index.html", "text/html; charset=utf-8", "", noCache},
		{"brotli preferred", "", "/", "gzip, deflate, br, zstd", 200, "index.html", "text/html; charset=utf-8", "br", noCache},
		{"gzip when asked", "", "/", "gzip", 200, "index.html", "text/html; charset=utf-8", "gzip", noCache},
		{"x-gzip alias", "", "/", "x-gzip", 200, "index.html", "text/html; charset=utf-8", "gzip", noCache},
		{"q-values decide", "", "/", "br;q=0.5, gzip;q=0.9", 200, "index.html", "text/html; charset=utf-8", "gzip", noCache},
		{"br refused", "", "/", "br;q=0, gzip", 200, "index.html", "text/html; charset=utf-8", "gzip", noCache},
		{"star", "", "/", "*", 200, "index.html", "text/html; charset=utf-8", "br", noCache},
		{"star minus br", "", "/", "*, br;q=0", 200, "index.html", "text/html; charset=utf-8", "gzip", noCache},
		{"unreadable q refuses", "", "/", "br;q=x", 200, "index.html", "text/html; charset=utf-8", "", noCache},
		{"identity only", "", "/", "identity", 200, "index.html", "text/html; charset=utf-8", "", noCache},
		{"HEAD", "HEAD", "/", "br", 200, "index.html", "text/html; charset=utf-8", "br", noCache},
		{"hashed js immutable", "", "/app.0123456789.js", "br", 200, "app.0123456789.js", "text/javascript; charset=utf-8", "br", immutable},
		{"gzip only variant, br asked too", "", "/engine-worker.9876543210.js", "br, gzip", 200, "engine-worker.9876543210.js", "text/javascript; charset=utf-8", "gzip", immutable},
		{"gzip only variant, br asked alone", "", "/engine-worker.9876543210.js", "br", 200, "engine-worker.9876543210.js", "text/javascript; charset=utf-8", "", immutable},
		{"wasm", "", "/engine.aaaaaaaaaa.wasm", "gzip, br", 200, "engine.aaaaaaaaaa.wasm", "application/wasm", "br", immutable},
		{"css without variants", "", "/style.abcdef0123.css", "gzip, br", 200, "style.abcdef0123.css", "text/css; charset=utf-8", "", immutable},
		{"unhashed json", "", "/size.json", "", 200, "size.json", "application/json", "", noCache},
		{"unhashed txt", "", "/notes.txt", "", 200, "notes.txt", "text/plain; charset=utf-8", "", noCache},
		{"unknown extension not sniffed", "", "/unknownext.bin", "", 200, "unknownext.bin", "application/octet-stream", "", noCache},
		{"subdirectory index", "", "/sub/", "gzip", 200, "sub/index.html", "text/html; charset=utf-8", "gzip", noCache},
		{"directory without slash", "", "/sub", "", 404, "", "", "", ""},
		{"no listing", "", "/emptydir/", "", 404, "", "", "", ""},
		{"missing", "", "/nope.js", "", 404, "", "", "", ""},
		{"dotfile", "", "/.env", "", 404, "", "", "", ""},
		{"dot directory file", "", "/emptydir/.keep", "", 404, "", "", "", ""},
		{"traversal", "", "/../site.go", "", 404, "", "", "", ""},
		{"encoded traversal", "", "/%2e%2e/site.go", "", 404, "", "", "", ""},
		{"inner traversal", "", "/sub/../index.html", "", 404, "", "", "", ""},
		{"double slash", "", "//index.html", "", 404, "", "", "", ""},
		{"backslash", "", "/sub\\index.html", "", 404, "", "", "", ""},
		{"symlink out of the tree", "", "/escape.js", "", 404, "", "", "", ""},
		{"precompressed file directly", "", "/index.html.br", "", 404, "", "", "", ""},
		{"POST", "POST", "/", "", 405, "", "", "", ""},
		{"DELETE", "DELETE", "/index.html", "", 405, "", "", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			method := tc.method
			if method == "" {
				method = http.MethodGet
			}
			req := httptest.NewRequest(method, "http://example.test/", nil)
			req.URL.Path = tc.path // as the server's parser would leave it, unescaped
			req.URL.RawPath = ""
			if tc.accept != "" {
				req.Header.Set("Accept-Encoding", tc.accept)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			res := rec.Result()
			body, _ := io.ReadAll(res.Body)
			if res.StatusCode != tc.status {
				t.Fatalf("status %d, want %d (body %q)", res.StatusCode, tc.status, body)
			}
			hd := res.Header
			for k, v := range map[string]string{
				"Content-Security-Policy":    wantCSP,
				"X-Content-Type-Options":     "nosniff",
				"Referrer-Policy":            "no-referrer",
				"Cross-Origin-Opener-Policy": "same-origin",
			} {
				if got := hd.Get(k); got != v {
					t.Errorf("%s = %q, want %q", k, got, v)
				}
			}
			if tc.status == 405 && hd.Get("Allow") != "GET, HEAD" {
				t.Errorf("Allow = %q", hd.Get("Allow"))
			}
			if tc.status != 200 {
				if strings.Contains(string(body), "secret") {
					t.Errorf("leaked: %q", body)
				}
				return
			}
			for k, v := range map[string]string{
				"Content-Type":     tc.ctype,
				"Content-Encoding": tc.encoding,
				"Cache-Control":    tc.cache,
				"Vary":             "Accept-Encoding",
			} {
				if got := hd.Get(k); got != v {
					t.Errorf("%s = %q, want %q", k, got, v)
				}
			}
			served := tc.file
			if tc.encoding != "" {
				served += map[string]string{"br": ".br", "gzip": ".gz"}[tc.encoding]
			}
			onDisk, err := os.ReadFile(filepath.Join(dir, served))
			if err != nil {
				t.Fatal(err)
			}
			if got := hd.Get("Content-Length"); got != strconv.Itoa(len(onDisk)) {
				t.Errorf("Content-Length = %s, want %d", got, len(onDisk))
			}
			if method == http.MethodHead {
				if len(body) != 0 {
					t.Errorf("HEAD answered with a body of %d bytes", len(body))
				}
				return
			}
			want, err := os.ReadFile(filepath.Join(dir, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if got := decode(t, tc.encoding, body); !bytes.Equal(got, want) {
				t.Errorf("body %q, want %q", got, want)
			}
		})
	}
}

func TestFrameAncestorsOption(t *testing.T) {
	h, err := NewWithOptions(distTree(t), Options{FrameAncestors: func(name string) string {
		if name == "sub/index.html" {
			return "*"
		}
		return ""
	}})
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{"/sub/": "frame-ancestors *", "/": "frame-ancestors 'none'", "/missing": "frame-ancestors 'none'"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if csp := rec.Header().Get("Content-Security-Policy"); !strings.HasSuffix(csp, "; "+want) {
			t.Errorf("%s: CSP %q, want it to end with %q", path, csp, want)
		}
	}
}

// A conditional request for the page revalidates instead of downloading.
func TestNotModified(t *testing.T) {
	h, err := New(distTree(t))
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	lm := rec.Header().Get("Last-Modified")
	if lm == "" {
		t.Fatal("no Last-Modified")
	}
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("If-Modified-Since", lm)
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusNotModified {
		t.Errorf("status %d, want 304", rec.Code)
	}
}

func TestNewErrors(t *testing.T) {
	empty := t.TempDir()
	for name, dir := range map[string]string{
		"missing dir":   filepath.Join(empty, "nope"),
		"no index.html": empty,
	} {
		if _, err := New(dir); err == nil {
			t.Errorf("%s: New succeeded", name)
		}
	}
	if _, err := New(empty); err == nil || !strings.Contains(err.Error(), "go run ./build") {
		t.Errorf("the error should say how to build the site: %v", err)
	}
	file := filepath.Join(empty, "f")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := New(file); err == nil {
		t.Error("New on a file succeeded")
	}
}

func TestNames(t *testing.T) {
	for _, tc := range []struct {
		name, hashed string
	}{
		{"app.js", "app.0123456789.js"},
		{"engine-worker.js", "engine-worker.0123456789.js"},
		{"wasm_exec.js", "wasm_exec.0123456789.js"},
		{"img/logo.svg", "img/logo.0123456789.svg"},
		{"lib.min.js", "lib.min.0123456789.js"},
		{"LICENSE", "LICENSE.0123456789"},
	} {
		if got := HashedName(tc.name, "0123456789"); got != tc.hashed {
			t.Errorf("HashedName(%q) = %q, want %q", tc.name, got, tc.hashed)
		}
		if base := filepath.Base(tc.hashed); !IsHashed(base) && filepath.Ext(tc.name) != "" {
			t.Errorf("IsHashed(%q) = false", base)
		}
	}
	for _, base := range []string{"index.html", "app.js", "app.012345678.js", "app.0123456789a.js", "app.ABCDEF0123.js", ".0123456789.js", "size.json"} {
		if IsHashed(base) {
			t.Errorf("IsHashed(%q) = true", base)
		}
	}
}

func TestContentType(t *testing.T) {
	for name, want := range map[string]string{
		"a.wasm": "application/wasm", "a.js": "text/javascript; charset=utf-8", "a.MJS": "text/javascript; charset=utf-8",
		"a.css": "text/css; charset=utf-8", "a.html": "text/html; charset=utf-8", "a.svg": "image/svg+xml",
		"a.json": "application/json", "a.webmanifest": "application/manifest+json", "a": "application/octet-stream",
	} {
		if got := ContentType(name); got != want {
			t.Errorf("ContentType(%q) = %q, want %q", name, got, want)
		}
	}
}

func FuzzFileName(f *testing.F) {
	for _, s := range []string{"/", "/a/../b", "/.env", "/a.br", "/sub/", "//x", "/a\\b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		name, ok := fileName(p)
		if !ok {
			return
		}
		if !fs.ValidPath(name) || strings.Contains(name, "..") && strings.Contains("/"+name+"/", "/../") {
			t.Fatalf("fileName(%q) = %q, not a clean path inside the root", p, name)
		}
		for _, seg := range strings.Split(name, "/") {
			if strings.HasPrefix(seg, ".") {
				t.Fatalf("fileName(%q) = %q reaches a dot segment", p, name)
			}
		}
	})
}

func FuzzAcceptedCodings(f *testing.F) {
	for _, s := range []string{"gzip, br", "br;q=0.5, gzip;q=0.9", "*;q=0", "br;q=x", ";;,,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, header string) {
		cs := acceptedCodings(header)
		if len(cs) > 2 {
			t.Fatalf("%q: %d codings", header, len(cs))
		}
	})
}

// Ranges apply to unencoded files; an encoded answer is always whole, so its
// Content-Length stays true.
func TestRange(t *testing.T) {
	dir := distTree(t)
	h, err := New(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		accept string
		status int
	}{
		{"", http.StatusPartialContent},
		{"br", http.StatusOK},
	} {
		req := httptest.NewRequest("GET", "/index.html", nil)
		req.Header.Set("Range", "bytes=0-3")
		if tc.accept != "" {
			req.Header.Set("Accept-Encoding", tc.accept)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != tc.status {
			t.Errorf("Accept-Encoding %q: status %d, want %d", tc.accept, rec.Code, tc.status)
		}
		if cl := rec.Header().Get("Content-Length"); cl != strconv.Itoa(rec.Body.Len()) {
			t.Errorf("Accept-Encoding %q: Content-Length %s for a body of %d", tc.accept, cl, rec.Body.Len())
		}
	}
}
