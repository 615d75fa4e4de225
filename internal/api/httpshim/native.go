//go:build !(js && wasm)

package httpshim

import (
	"io"
	"net/http"
)

// The net/http types the API uses.
type (
	Handler        = http.Handler
	HandlerFunc    = http.HandlerFunc
	Request        = http.Request
	ResponseWriter = http.ResponseWriter
	Header         = http.Header
	MaxBytesError  = http.MaxBytesError
)

// The methods and statuses the API uses, as in net/http.
const (
	MethodGet     = http.MethodGet
	MethodHead    = http.MethodHead
	MethodPost    = http.MethodPost
	MethodPut     = http.MethodPut
	MethodDelete  = http.MethodDelete
	MethodOptions = http.MethodOptions

	StatusOK                    = http.StatusOK
	StatusNoContent             = http.StatusNoContent
	StatusBadRequest            = http.StatusBadRequest
	StatusNotFound              = http.StatusNotFound
	StatusMethodNotAllowed      = http.StatusMethodNotAllowed
	StatusRequestTimeout        = http.StatusRequestTimeout
	StatusRequestEntityTooLarge = http.StatusRequestEntityTooLarge
	StatusUnsupportedMediaType  = http.StatusUnsupportedMediaType
	StatusTooManyRequests       = http.StatusTooManyRequests
	StatusInternalServerError   = http.StatusInternalServerError
	StatusServiceUnavailable    = http.StatusServiceUnavailable
	StatusGatewayTimeout        = http.StatusGatewayTimeout
)

// ErrAbortHandler is net/http's sentinel panic value.
var ErrAbortHandler = http.ErrAbortHandler

// MaxBytesReader is net/http's.
func MaxBytesReader(w ResponseWriter, r io.ReadCloser, n int64) io.ReadCloser {
	return http.MaxBytesReader(w, r, n)
}
