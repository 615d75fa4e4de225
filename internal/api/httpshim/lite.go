//go:build js && wasm

package httpshim

import (
	"context"
	"errors"
	"io"
	"net/url"
	"strconv"
)

// Handler serves one request, as net/http's.
type Handler interface {
	ServeHTTP(ResponseWriter, *Request)
}

// HandlerFunc is a function used as a Handler.
type HandlerFunc func(ResponseWriter, *Request)

// ServeHTTP calls f(w, r).
func (f HandlerFunc) ServeHTTP(w ResponseWriter, r *Request) { f(w, r) }

// ResponseWriter is what a handler answers through, as net/http's.
type ResponseWriter interface {
	Header() Header
	Write([]byte) (int, error)
	WriteHeader(statusCode int)
}

// Request is the part of net/http's Request the API reads.
type Request struct {
	Method string
	URL    *url.URL
	Header Header
	Body   io.ReadCloser
	ctx    context.Context
}

// NewRequestWithContext is net/http's for a server-side request: a nil
// body reads as empty.
func NewRequestWithContext(ctx context.Context, method, rawURL string, body io.Reader) (*Request, error) {
	if ctx == nil {
		return nil, errors.New("httpshim: nil Context")
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, err
	}
	rc, ok := body.(io.ReadCloser)
	if !ok && body != nil {
		rc = io.NopCloser(body)
	}
	if body == nil {
		rc = io.NopCloser(eofReader{})
	}
	return &Request{Method: method, URL: u, Header: Header{}, Body: rc, ctx: ctx}, nil
}

type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }

// Context is the request's context, never nil.
func (r *Request) Context() context.Context {
	if r.ctx != nil {
		return r.ctx
	}
	return context.Background()
}

// WithContext is a shallow copy of r with ctx.
func (r *Request) WithContext(ctx context.Context) *Request {
	if ctx == nil {
		panic("httpshim: nil context")
	}
	r2 := *r
	r2.ctx = ctx
	return &r2
}

// Header maps canonical header names to their values, as net/http's.
type Header map[string][]string

// Add appends a value to key's.
func (h Header) Add(key, value string) {
	k := CanonicalHeaderKey(key)
	h[k] = append(h[k], value)
}

// Set replaces key's values with value.
func (h Header) Set(key, value string) { h[CanonicalHeaderKey(key)] = []string{value} }

// Get is key's first value, or "".
func (h Header) Get(key string) string {
	if v := h[CanonicalHeaderKey(key)]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// Values are all of key's values.
func (h Header) Values(key string) []string { return h[CanonicalHeaderKey(key)] }

// Del removes key.
func (h Header) Del(key string) { delete(h, CanonicalHeaderKey(key)) }

// CanonicalHeaderKey is net/http's canonical form: the first letter and
// every letter after a hyphen upper case, the rest lower case; a key with
// a byte that is not a token character is left as it is.
func CanonicalHeaderKey(s string) string {
	for i := 0; i < len(s); i++ {
		if !tokenByte(s[i]) {
			return s
		}
	}
	b := []byte(s)
	upper := true
	for i, c := range b {
		switch {
		case upper && 'a' <= c && c <= 'z':
			b[i] = c - ('a' - 'A')
		case !upper && 'A' <= c && c <= 'Z':
			b[i] = c + ('a' - 'A')
		}
		upper = c == '-'
	}
	return string(b)
}

// tokenByte reports whether c may appear in a header name (RFC 9110 token).
func tokenByte(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	switch c {
	case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~':
		return true
	}
	return false
}

// The methods and statuses the API uses.
const (
	MethodGet     = "GET"
	MethodHead    = "HEAD"
	MethodPost    = "POST"
	MethodPut     = "PUT"
	MethodDelete  = "DELETE"
	MethodOptions = "OPTIONS"

	StatusOK                    = 200
	StatusNoContent             = 204
	StatusBadRequest            = 400
	StatusNotFound              = 404
	StatusMethodNotAllowed      = 405
	StatusRequestTimeout        = 408
	StatusRequestEntityTooLarge = 413
	StatusUnsupportedMediaType  = 415
	StatusTooManyRequests       = 429
	StatusInternalServerError   = 500
	StatusServiceUnavailable    = 503
	StatusGatewayTimeout        = 504
)

// ErrAbortHandler is the panic value that aborts a handler without a log
// line, as net/http's.
var ErrAbortHandler = errors.New("net/http: abort Handler")

// MaxBytesError is the error of a MaxBytesReader over its limit.
type MaxBytesError struct {
	Limit int64
}

func (e *MaxBytesError) Error() string {
	return "http: request body too large (limit " + strconv.FormatInt(e.Limit, 10) + " bytes)"
}

// MaxBytesReader reads at most n bytes of r; reading more fails with a
// *MaxBytesError. (net/http's also makes the server close the connection;
// the Worker runtime owns the connection, so there is nothing to close.)
func MaxBytesReader(_ ResponseWriter, r io.ReadCloser, n int64) io.ReadCloser {
	return &maxBytesReader{r: r, left: max(n, 0), limit: max(n, 0)}
}

type maxBytesReader struct {
	r           io.ReadCloser
	left, limit int64
	err         error
}

func (m *maxBytesReader) Read(p []byte) (int, error) {
	if m.err != nil {
		return 0, m.err
	}
	if len(p) == 0 {
		return 0, nil
	}
	// Ask for one byte more than is left, to learn whether the body goes on.
	if int64(len(p)) > m.left+1 {
		p = p[:m.left+1]
	}
	n, err := m.r.Read(p)
	if int64(n) <= m.left {
		m.left -= int64(n)
		m.err = err
		return n, err
	}
	n = int(m.left)
	m.left = 0
	m.err = &MaxBytesError{Limit: m.limit}
	return n, m.err
}

func (m *maxBytesReader) Close() error { return m.r.Close() }
