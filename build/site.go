package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"

	"github.com/whosaid/whosaid/internal/site"
)

// outFile is one file of the built site.
type outFile struct {
	Name   string // slash path in the output, hashed when not a page
	Source string // slash path in the sources (or the generated file's name)
	Data   []byte
}

// readWeb reads the page's sources from fsys: every file but those that
// belong to tests and documentation, not to the page — hidden names
// (starting with "." or "_"), testdata/ directories, Go and Markdown files.
func readWeb(fsys fs.FS) (map[string][]byte, error) {
	src := map[string][]byte{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		base := d.Name()
		if p != "." && (strings.HasPrefix(base, ".") || strings.HasPrefix(base, "_") || d.IsDir() && base == "testdata") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || strings.HasSuffix(base, ".go") || strings.HasSuffix(base, ".md") {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		src[p] = b
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the page's sources: %w", err)
	}
	if _, ok := src["index.html"]; !ok {
		return nil, fmt.Errorf("the page's sources have no index.html")
	}
	return src, nil
}

// mediaType is the minifier's media type for a text file the build
// rewrites and minifies; "" for any other file, copied as it is.
func mediaType(name string) string {
	switch path.Ext(name) {
	case ".html":
		return "text/html"
	case ".css":
		return "text/css"
	case ".js", ".mjs":
		return "text/javascript"
	case ".svg":
		return "image/svg+xml"
	case ".json", ".webmanifest":
		return "application/json"
	}
	return ""
}

// hashed reports whether the build gives name a content hash: every file
// but the pages, whose addresses people type and link to, and embed.js,
// which other sites load by name.
func hashed(name string) bool { return path.Ext(name) != ".html" && name != "embed.js" }

// refPattern finds the places a file names another: a quoted string (any
// of the three JavaScript quotes), a CSS url(), an unquoted HTML src or href.
// A match whose value is not the path of a hashed file is left alone.
var refPattern = regexp.MustCompile(`"([^"\s<>\\]+)"|'([^'\s<>\\]+)'|` + "`([^`\\s<>\\\\$]+)`" + `|url\(\s*([^)"'\s]+)\s*\)|\b(?:src|href)=([^\s"'<>=` + "`" + `]+)`)

// ref is one reference: the bytes [start,end) of data are the base name of
// target, to be replaced by its hashed base name.
type ref struct {
	start, end int
	target     string
}

// findRefs lists the references of the text file from to other files.
func findRefs(from string, data []byte, isFile func(string) bool) []ref {
	var refs []ref
	for _, m := range refPattern.FindAllSubmatchIndex(data, -1) {
		vs, ve := -1, -1
		for g := 1; g < len(m)/2; g++ {
			if m[2*g] >= 0 {
				vs, ve = m[2*g], m[2*g+1]
				break
			}
		}
		v := string(data[vs:ve])
		if k := strings.IndexAny(v, "?#"); k >= 0 { // app.js?v=1, icons.svg#quote
			v = v[:k]
		}
		target, ok := resolve(from, v, isFile)
		if !ok {
			continue
		}
		refs = append(refs, ref{start: vs + strings.LastIndex(v, "/") + 1, end: vs + len(v), target: target})
	}
	return refs
}

// resolve finds the file a reference v in from names: relative to from's
// directory, else (as a worker or fetch URL in a module is resolved against
// the page) relative to the root; "/…" is relative to the root.
func resolve(from, v string, isFile func(string) bool) (string, bool) {
	if v == "" || strings.Contains(v, ":") || strings.HasPrefix(v, "//") || strings.HasSuffix(v, "/") {
		return "", false
	}
	cands := []string{path.Join(path.Dir(from), v), path.Clean(v)}
	if strings.HasPrefix(v, "/") {
		cands = []string{path.Clean(v[1:])}
	}
	for _, c := range cands {
		if fs.ValidPath(c) && c != from && isFile(c) {
			return c, true
		}
	}
	return "", false
}

// order sorts the files so that every file comes after those it names, as
// a file's hash covers the hashed names it contains. A cycle among hashed
// files has no such order and is an error.
func order(names []string, deps map[string][]string) ([]string, error) {
	const (
		unseen = iota
		visiting
		done
	)
	state := map[string]int{}
	var out, stack []string
	var visit func(n string) error
	visit = func(n string) error {
		switch state[n] {
		case done:
			return nil
		case visiting:
			i := slices.Index(stack, n)
			return fmt.Errorf("the files name each other in a cycle, %s → %s: a content hash needs an order; break the cycle", strings.Join(stack[i:], " → "), n)
		}
		state[n] = visiting
		stack = append(stack, n)
		for _, d := range deps[n] {
			if err := visit(d); err != nil {
				return err
			}
		}
		stack = stack[:len(stack)-1]
		state[n] = done
		out = append(out, n)
		return nil
	}
	for _, n := range names {
		if err := visit(n); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// newMinifier returns the minifier for the page's text files. The HTML
// minifier keeps <html>, <head> and <body>, which the page's tests look for.
func newMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true})
	m.Add("text/css", &css.Minifier{})
	m.Add("text/javascript", &js.Minifier{})
	m.Add("image/svg+xml", &svg.Minifier{})
	m.Add("application/json", &json.Minifier{})
	return m
}

// buildSite turns the sources into the site: in dependency order, each
// text file gets the hashed names of the files it names, is minified, and
// then (unless a page) named by the hash of its final bytes.
func buildSite(src map[string][]byte) ([]outFile, error) {
	src = injectWasmSize(src)
	names := make([]string, 0, len(src))
	for n := range src {
		names = append(names, n)
	}
	slices.Sort(names)
	isHashed := func(n string) bool { _, ok := src[n]; return ok && hashed(n) }
	refs := map[string][]ref{}
	deps := map[string][]string{}
	for _, n := range names {
		if mediaType(n) == "" {
			continue
		}
		refs[n] = findRefs(n, src[n], isHashed)
		for _, r := range refs[n] {
			if !slices.Contains(deps[n], r.target) {
				deps[n] = append(deps[n], r.target)
			}
		}
	}
	ordered, err := order(names, deps)
	if err != nil {
		return nil, err
	}
	m := newMinifier()
	final := map[string]string{} // source name → output name
	var out []outFile
	for _, n := range ordered {
		data := src[n]
		if mt := mediaType(n); mt != "" {
			data = rewrite(data, refs[n], final)
			min, err := m.Bytes(mt, data)
			if err != nil {
				return nil, fmt.Errorf("minifying %s: %w", n, err)
			}
			data = min
		}
		name := n
		if hashed(n) {
			sum := sha256.Sum256(data)
			name = site.HashedName(n, hex.EncodeToString(sum[:])[:site.HashLen])
		}
		final[n] = name
		out = append(out, outFile{Name: name, Source: n, Data: data})
	}
	slices.SortFunc(out, func(a, b outFile) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// rewrite replaces the base names of refs by those of their hashed files.
func rewrite(data []byte, refs []ref, final map[string]string) []byte {
	var b bytes.Buffer
	last := 0
	for _, r := range refs {
		b.Write(data[last:r.start])
		b.WriteString(path.Base(final[r.target]))
		last = r.end
	}
	b.Write(data[last:])
	return b.Bytes()
}

// wasmSizePlaceholder is the string literal (either quote) a script holds
// where it wants the engine's uncompressed size: the worker's download bar
// needs a total, and a precompressed response's Content-Length counts the
// compressed bytes.
const wasmSizePlaceholder = "__WHOSAID_WASM_BYTES__"

// injectWasmSize returns src with every quoted wasmSizePlaceholder in a
// script replaced by the number of bytes of the wasm, before the
// references are rewritten, so the script's hash covers the number.
func injectWasmSize(src map[string][]byte) map[string][]byte {
	wasm, ok := src[wasmName]
	if !ok {
		return src
	}
	n := []byte(strconv.Itoa(len(wasm)))
	out := make(map[string][]byte, len(src))
	for name, data := range src {
		if mediaType(name) == "text/javascript" && bytes.Contains(data, []byte(wasmSizePlaceholder)) {
			for _, q := range []string{`"`, "'", "`"} {
				data = bytes.ReplaceAll(data, []byte(q+wasmSizePlaceholder+q), n)
			}
		}
		out[name] = data
	}
	return out
}
