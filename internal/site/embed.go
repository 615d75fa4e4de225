package site

import (
	"net/http"
	"path"
	"slices"
	"strings"
)

// The embed (web/embed.js, web/embed.html) runs on other sites' pages, so a
// few files must be readable from any origin, and embed.html must be
// framable. Only those files get wider headers: everything else keeps the
// site's same-origin policy.

// EmbedPage is the page sites put in a sandboxed iframe.
const EmbedPage = "embed.html"

// embedCORSFiles are the files, by unhashed name, that pages on other
// origins load: the module and its imports, the frame's module (a sandboxed
// frame has an opaque origin, so even our own page loads it cross-origin),
// the worker, the Go glue and the engine. They hold no secrets.
var embedCORSFiles = []string{"embed.js", "embed-frame.js", "offsets.js", "sourcelabel.js", "engine-worker.js", "wasm_exec.js", "engine.wasm"}

// embedPolicy is the CSP of embed.html: basePolicy, but the engine runs in
// a blob: worker (the sandboxed frame's opaque origin may not start a
// worker from a URL), which imports the worker script from 'self'.
const embedPolicy = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src blob:; connect-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'"

// unhashed is name without the content hash HashedName put in it.
func unhashed(name string) string {
	dir, base := path.Split(name)
	if !IsHashed(base) {
		return name
	}
	ext := path.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	return dir + strings.TrimSuffix(stem, path.Ext(stem)) + ext
}

// EmbedFrameAncestors is the frame-ancestors source list for embed.html
// given the sites allowed to frame it: "*" when allow is empty (the frame
// holds no data of its own and answers only the origins in its own
// allow-origins query), else the list joined by spaces. Sources that could
// break out of the directive (';' ',' or spaces inside one) are dropped.
func EmbedFrameAncestors(allow []string) string {
	var ok []string
	for _, a := range allow {
		a = strings.TrimSpace(a)
		if a == "" || strings.ContainsAny(a, "; ,\t\r\n") {
			continue
		}
		ok = append(ok, a)
	}
	if len(ok) == 0 {
		return "*"
	}
	return strings.Join(ok, " ")
}

// EmbedHeaders adds the embed's headers for the file served at name (a
// slash path as the handler resolves it, hashed or not) to h, after the
// site's security headers are set: CORS and a cross-origin resource policy
// on the embed's files, and embed.html's own CSP with frame-ancestors from
// allowFrameAncestors (see EmbedFrameAncestors). Any other name is left
// alone.
func EmbedHeaders(name string, h http.Header, allowFrameAncestors []string) {
	if name == EmbedPage {
		h.Set("Content-Security-Policy", embedPolicy+"; frame-ancestors "+EmbedFrameAncestors(allowFrameAncestors))
		return
	}
	if slices.Contains(embedCORSFiles, unhashed(name)) {
		h.Set("Access-Control-Allow-Origin", "*")
		// The worker reads the coding to size its download progress.
		h.Set("Access-Control-Expose-Headers", "Content-Encoding")
		h.Set("Cross-Origin-Resource-Policy", "cross-origin")
	}
}
