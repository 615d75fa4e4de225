package api

import (
	"bytes"
	"encoding/json"
	"log"
	"strconv"

	http "github.com/whosaid/whosaid/internal/api/httpshim"
)

// Error is the body of every error answer: {"error": {...}}.
type Error struct {
	Error ErrorBody `json:"error"`
}

// ErrorBody says what went wrong: Code is stable for programs, Message is
// for people.
type ErrorBody struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// writeJSON writes v as one compact line of JSON, not escaping <, > and &,
// like export's json format.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		// Only our own fixed types reach here, so this is a bug.
		status = http.StatusInternalServerError
		buf.Reset()
		buf.WriteString(`{"error":{"code":"internal","message":"internal error: cannot encode the answer"}}` + "\n")
	}
	writeBody(w, status, "application/json; charset=utf-8", buf.Bytes())
}

// writeBody writes a whole answer at once, with its length so the Worker
// can send a fixed-length stream.
func writeBody(w http.ResponseWriter, status int, contentType string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	w.Write(body) //nolint:errcheck // the client went away; nothing to tell it
}

func writeError(w http.ResponseWriter, status int, code, message string) {
	writeJSON(w, status, Error{ErrorBody{Code: code, Message: message}})
}

// recoverer turns a panic in the handler into a 500 JSON answer, so one bad
// request never takes the server (or the Worker instance) down. The stack
// goes to the log, never to the client.
func recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tw := &trackingWriter{ResponseWriter: w}
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler { //nolint:errorlint // net/http compares it the same way
				panic(v)
			}
			log.Printf("api: panic serving %s %s: %v", r.Method, r.URL.Path, v)
			if tw.wrote {
				return // too late for a clean answer; the client gets a truncated one
			}
			writeError(tw, http.StatusInternalServerError, "internal", "internal error; the request was not processed")
		}()
		next.ServeHTTP(tw, r)
	})
}

// trackingWriter remembers whether the answer has started.
type trackingWriter struct {
	http.ResponseWriter
	wrote bool
}

func (t *trackingWriter) WriteHeader(status int) {
	t.wrote = true
	t.ResponseWriter.WriteHeader(status)
}

func (t *trackingWriter) Write(b []byte) (int, error) {
	t.wrote = true
	return t.ResponseWriter.Write(b)
}

func (t *trackingWriter) Unwrap() http.ResponseWriter { return t.ResponseWriter }
