package site

import (
	"path"
	"strings"
)

// HashLen is the number of lowercase hex digits of the content hash in a
// hashed file name.
const HashLen = 10

// HashedName puts hash before the last extension of name:
// "engine-worker.js" → "engine-worker.0123456789.js". A name without an
// extension gets the hash appended after a dot.
func HashedName(name, hash string) string {
	dir, base := path.Split(name)
	ext := path.Ext(base)
	if ext == base { // ".env" and the like: no stem
		ext = ""
	}
	return dir + strings.TrimSuffix(base, ext) + "." + hash + ext
}

// IsHashed reports whether the base name carries a content hash as
// HashedName writes it, so it may be cached for ever.
func IsHashed(base string) bool {
	ext := path.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	h := path.Ext(stem)
	if len(h) != HashLen+1 || len(stem) == len(h) {
		return false
	}
	for _, c := range h[1:] {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// ContentType is the media type served for name, from its extension. The
// table is explicit, not the operating system's, so a server behaves the
// same everywhere (browsers insist on application/wasm and a JavaScript
// type for modules and workers).
func ContentType(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm":
		return "text/html; charset=utf-8"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".wasm":
		return "application/wasm"
	case ".json", ".map":
		return "application/json"
	case ".webmanifest":
		return "application/manifest+json"
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".gif":
		return "image/gif"
	case ".webp":
		return "image/webp"
	case ".avif":
		return "image/avif"
	case ".ico":
		return "image/vnd.microsoft.icon"
	case ".woff2":
		return "font/woff2"
	case ".woff":
		return "font/woff"
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".xml":
		return "application/xml"
	case ".pdf":
		return "application/pdf"
	}
	return "application/octet-stream"
}
