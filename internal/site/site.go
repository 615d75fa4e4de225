// Package site serves the built reader's page (dist/): precompressed files
// by Accept-Encoding, immutable caching for content-hashed names, and the
// security headers. It also owns the naming of content-hashed files, which
// the build (go run ./build) uses to write dist/.
package site

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Options tune the handler.
type Options struct {
	// FrameAncestors returns the CSP frame-ancestors sources for the file
	// served at name (a slash path such as "index.html"); nil, or "", means
	// 'none': no page may frame this one. The embed widens it for its page.
	FrameAncestors func(name string) string
	// EmbedAncestors lists the sites that may frame embed.html (CSP
	// sources); empty means any. The embed's own files always get the
	// headers they need cross-origin (see EmbedHeaders), nothing wider.
	EmbedAncestors []string
}

// New returns a handler serving dir with the default options.
func New(dir string) (http.Handler, error) { return NewWithOptions(dir, Options{}) }

// NewWithOptions returns a handler serving dir, which must hold a built site
// (an index.html). Files are opened through an os.Root, so no request path,
// symbolic link included, reaches outside dir.
func NewWithOptions(dir string, opt Options) (http.Handler, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	if fi, err := root.Stat("index.html"); err != nil || !fi.Mode().IsRegular() {
		root.Close()
		return nil, fmt.Errorf("site: %s has no index.html: build the site first (go run ./build)", dir)
	}
	return &handler{root: root, opt: opt}, nil
}

// handler serves one directory. Its os.Root stays open for the life of the
// process, like the listener it serves.
type handler struct {
	root *os.Root
	opt  Options
}

// basePolicy is the Content-Security-Policy without frame-ancestors: the
// page may load and run only its own files, compile WebAssembly, and start
// its own workers.
const basePolicy = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'"

func (h *handler) securityHeaders(hd http.Header, name string) {
	fa := ""
	if h.opt.FrameAncestors != nil {
		fa = h.opt.FrameAncestors(name)
	}
	if fa == "" {
		fa = "'none'"
	}
	hd.Set("Content-Security-Policy", basePolicy+"; frame-ancestors "+fa)
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Referrer-Policy", "no-referrer")
	hd.Set("Cross-Origin-Opener-Policy", "same-origin")
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name, ok := fileName(r.URL.Path)
	h.securityHeaders(w.Header(), name)
	if ok {
		EmbedHeaders(name, w.Header(), h.opt.EmbedAncestors)
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		httpError(w, http.StatusMethodNotAllowed)
		return
	}
	if !ok {
		httpError(w, http.StatusNotFound)
		return
	}
	if !h.isFile(name) {
		httpError(w, http.StatusNotFound)
		return
	}
	served, encoding := name, ""
	for _, c := range acceptedCodings(r.Header.Get("Accept-Encoding")) {
		if h.isFile(name + c.suffix) {
			served, encoding = name+c.suffix, c.name
			break
		}
	}
	f, err := h.root.Open(filepath.FromSlash(served))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) { // removed since the Stat
			httpError(w, http.StatusNotFound)
			return
		}
		log.Printf("site: %v", err)
		httpError(w, http.StatusInternalServerError)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		log.Printf("site: %v", err)
		httpError(w, http.StatusInternalServerError)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", ContentType(name))
	hd.Set("Vary", "Accept-Encoding")
	if encoding != "" {
		hd.Set("Content-Encoding", encoding)
		// ServeContent leaves Content-Length out when an encoding is set,
		// for handlers that compress on the fly; these bytes are on disk.
		// Ranges of an encoded body are of no use to a browser, so the
		// whole file is sent and the length is known.
		hd.Set("Content-Length", strconv.FormatInt(fi.Size(), 10))
		r = r.Clone(r.Context())
		r.Header.Del("Range")
	}
	if IsHashed(path.Base(name)) {
		hd.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		hd.Set("Cache-Control", "no-cache")
	}
	// ServeContent answers HEAD without a body and handles conditional
	// requests, and ranges of unencoded files.
	http.ServeContent(w, r, served, fi.ModTime(), f)
}

// isFile reports whether name is a regular file inside the root.
func (h *handler) isFile(name string) bool {
	fi, err := h.root.Stat(filepath.FromSlash(name))
	return err == nil && fi.Mode().IsRegular()
}

// fileName maps a URL path to a slash path inside the root: "/" and
// "/dir/" to their index.html. ok is false for anything that is not a plain
// path to a visible file: empty or dot segments (so no "..", no dotfiles),
// backslashes, NULs, invalid UTF-8, and the precompressed variants, which
// are reached through Accept-Encoding only.
func fileName(urlPath string) (name string, ok bool) {
	p, found := strings.CutPrefix(urlPath, "/")
	if !found || strings.ContainsAny(p, "\\\x00") || !utf8.ValidString(p) {
		return "", false
	}
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == "" || strings.HasPrefix(seg, ".") {
			return "", false
		}
	}
	for _, suffix := range PrecompressedSuffixes() {
		if strings.HasSuffix(p, suffix) {
			return "", false
		}
	}
	return p, true
}

func httpError(w http.ResponseWriter, code int) {
	hd := w.Header()
	hd.Set("Content-Type", "text/plain; charset=utf-8")
	hd.Set("Cache-Control", "no-cache")
	w.WriteHeader(code)
	fmt.Fprintln(w, http.StatusText(code))
}

// codings lists the content codings served, in the server's order of
// preference for ties, with the suffix of their precompressed files.
func codings() []struct{ name, suffix string } {
	return []struct{ name, suffix string }{{"br", ".br"}, {"gzip", ".gz"}}
}

// PrecompressedSuffixes lists the suffixes of the precompressed files the
// build writes beside each file.
func PrecompressedSuffixes() []string { return []string{".br", ".gz"} }

// acceptedCodings returns the codings of codings() that the Accept-Encoding
// header allows, best first: the client's q-values decide, the server's
// order breaks ties. q=0 refuses a coding; "*" stands for every coding not
// named; an unreadable weight counts as a refusal.
func acceptedCodings(header string) []struct{ name, suffix string } {
	named := map[string]float64{}
	star, hasStar := 0.0, false
	for _, part := range strings.Split(header, ",") {
		c, params, _ := strings.Cut(part, ";")
		c = strings.ToLower(strings.TrimSpace(c))
		if c == "" {
			continue
		}
		q := 1.0
		for _, p := range strings.Split(params, ";") {
			k, v, _ := strings.Cut(p, "=")
			if strings.EqualFold(strings.TrimSpace(k), "q") {
				f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
				if err != nil || f < 0 || f > 1 {
					f = 0
				}
				q = f
			}
		}
		switch c {
		case "*":
			star, hasStar = q, true
		case "x-gzip":
			c = "gzip"
			fallthrough
		default:
			named[c] = max(named[c], q)
		}
	}
	weight := func(c string) float64 {
		if q, ok := named[c]; ok {
			return q
		}
		if hasStar {
			return star
		}
		return 0
	}
	var out []struct{ name, suffix string }
	for _, c := range codings() {
		if weight(c.name) > 0 {
			out = append(out, c)
		}
	}
	slices.SortStableFunc(out, func(a, b struct{ name, suffix string }) int {
		return cmp.Compare(weight(b.name), weight(a.name))
	})
	return out
}
