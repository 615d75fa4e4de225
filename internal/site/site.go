// Package site serves the built reader's page (dist/): precompressed files
// by Accept-Encoding, immutable caching for content-hashed names, and the
// security headers.
package site

import "net/http"

// New returns a handler serving dir. PLACEHOLDER.
func New(dir string) (http.Handler, error) { return http.FileServer(http.Dir(dir)), nil }
