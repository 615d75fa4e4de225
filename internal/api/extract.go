package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"mime"
	"strings"
	"unicode/utf8"

	http "github.com/whosaid/whosaid/internal/api/httpshim"
	"github.com/whosaid/whosaid/internal/engine"
	"github.com/whosaid/whosaid/internal/export"
)

// extractRequest is the JSON body of POST /api/extract.
type extractRequest struct {
	Text   *string `json:"text"` // a pointer, to tell a missing field from ""
	Type   string  `json:"type"`
	Format string  `json:"format"`
	// WholePage analyses all the visible text of an HTML page, not just
	// its article.
	WholePage bool `json:"whole_page"`
}

// apiError is an answer that ends a request early.
type apiError struct {
	status        int
	code, message string
}

func (h *handler) serveExtract(w http.ResponseWriter, r *http.Request) {
	in, format, opt, aerr := readExtract(w, r)
	if aerr == nil {
		format, aerr = chooseFormat(r, format)
	}
	if aerr == nil && strings.TrimSpace(in.Text) == "" {
		aerr = &apiError{http.StatusBadRequest, "empty", "the article text is empty"}
	}
	if aerr != nil {
		writeError(w, aerr.status, aerr.code, aerr.message)
		return
	}
	res, err := h.analyse(r.Context(), in, opt)
	if err != nil {
		var aerr *apiError
		if le := (*limitError)(nil); errors.As(err, &le) {
			aerr = le.apiError
		} else {
			aerr = engineError(err)
		}
		if aerr.status == http.StatusServiceUnavailable && h.bounded() {
			w.Header().Set("Retry-After", h.retryAfter())
		}
		writeError(w, aerr.status, aerr.code, aerr.message)
		return
	}
	// Buffered so a failing writer still yields a clean error answer
	// instead of a truncated 200.
	var buf bytes.Buffer
	if err := export.Write(&buf, res, format); err != nil {
		log.Printf("api: writing %s: %v", format, err)
		writeError(w, http.StatusInternalServerError, "internal", "internal error: cannot write the "+format+" answer")
		return
	}
	ct, _ := export.ContentType(format) // chooseFormat checked it
	writeBody(w, http.StatusOK, ct, buf.Bytes())
}

// readExtract reads the body into an engine input, with the format the
// JSON body asked for ("" when none) and the options: the JSON body's
// whole_page, or ?whole_page=1 for a raw body.
func readExtract(w http.ResponseWriter, r *http.Request) (engine.Input, string, engine.Options, *apiError) {
	in, format, whole, aerr := readExtractBody(w, r)
	if q := r.URL.Query().Get("whole_page"); q == "1" || q == "true" {
		whole = true
	}
	return in, format, engine.Options{WholePage: whole}, aerr
}

func readExtractBody(w http.ResponseWriter, r *http.Request) (engine.Input, string, bool, *apiError) {
	kind, aerr := bodyType(r.Header.Get("Content-Type"))
	if aerr != nil {
		return engine.Input{}, "", false, aerr
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return engine.Input{}, "", false, &apiError{http.StatusRequestEntityTooLarge, "too_large",
				fmt.Sprintf("the request body is over the limit of %d bytes (1 MB)", MaxBody)}
		}
		return engine.Input{}, "", false, &apiError{http.StatusBadRequest, "bad_body", "cannot read the request body: " + err.Error()}
	}
	if len(body) == 0 {
		return engine.Input{}, "", false, &apiError{http.StatusBadRequest, "empty", "the request body is empty"}
	}
	if kind != "application/json" {
		// The engine checks the encoding and says where it breaks.
		return engine.Input{Text: string(body), Type: kind}, "", false, nil
	}
	return parseJSON(body)
}

// bodyType maps a Content-Type to the body's kind. A missing one means
// plain text, as a bare `curl --data-binary` with -H is the common case; a
// charset other than UTF-8 is refused rather than guessed at.
func bodyType(ct string) (string, *apiError) {
	if strings.TrimSpace(ct) == "" {
		return engine.TypePlain, nil
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return "", &apiError{http.StatusUnsupportedMediaType, "unsupported_media_type",
			fmt.Sprintf("cannot parse the Content-Type %q: %v", ct, err)}
	}
	switch mt {
	case engine.TypePlain, engine.TypeHTML, "application/json":
	default:
		return "", &apiError{http.StatusUnsupportedMediaType, "unsupported_media_type",
			fmt.Sprintf("unsupported Content-Type %q: send text/plain, text/html or application/json", mt)}
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") && !strings.EqualFold(cs, "us-ascii") {
		return "", &apiError{http.StatusUnsupportedMediaType, "unsupported_media_type",
			fmt.Sprintf("unsupported charset %q: send UTF-8", cs)}
	}
	return mt, nil
}

// parseJSON decodes a JSON body, saying where it is broken; the bool is
// its whole_page.
func parseJSON(body []byte) (engine.Input, string, bool, *apiError) {
	// encoding/json would silently turn invalid UTF-8 into U+FFFD, changing
	// the article; JSON must be UTF-8, so refuse it like the engine does.
	if !utf8.Valid(body) {
		i := invalidUTF8At(body)
		line, col := lineCol(body, i)
		return engine.Input{}, "", false, &apiError{http.StatusBadRequest, "invalid_utf8",
			fmt.Sprintf("the request body is not valid UTF-8: byte 0x%02x at line %d, column %d (byte %d)", body[i], line, col, i)}
	}
	var req extractRequest
	if err := json.Unmarshal(body, &req); err != nil {
		return engine.Input{}, "", false, jsonError(body, err)
	}
	if req.Text == nil {
		return engine.Input{}, "", false, &apiError{http.StatusBadRequest, "bad_json",
			`the JSON body has no "text" field: send {"text": "the article..."}`}
	}
	return engine.Input{Text: *req.Text, Type: req.Type}, req.Format, req.WholePage, nil
}

// jsonError explains a decoding error with its line and column.
func jsonError(body []byte, err error) *apiError {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		// Offset counts the bytes read, including the offending one.
		i := max(int(se.Offset)-1, 0)
		line, col := lineCol(body, i)
		return &apiError{http.StatusBadRequest, "bad_json",
			fmt.Sprintf("malformed JSON at line %d, column %d (byte %d): %v", line, col, i, se)}
	case errors.As(err, &te):
		i := max(int(te.Offset)-1, 0)
		line, col := lineCol(body, i)
		what := fmt.Sprintf("field %q must be a string, not %s", te.Field, te.Value)
		if te.Field == "" {
			what = fmt.Sprintf(`the body must be a JSON object like {"text": "..."}, not %s`, te.Value)
		}
		return &apiError{http.StatusBadRequest, "bad_json",
			fmt.Sprintf("%s (line %d, column %d, byte %d)", what, line, col, i)}
	}
	return &apiError{http.StatusBadRequest, "bad_json", "malformed JSON: " + err.Error()}
}

// invalidUTF8At is the byte offset of the first invalid UTF-8 sequence in b,
// or len(b).
func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// lineCol gives the 1-based line and column (in code points) of byte i.
func lineCol(b []byte, i int) (line, col int) {
	i = min(i, len(b))
	before := b[:i]
	line = bytes.Count(before, []byte{'\n'}) + 1
	col = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return line, col
}

// engineError maps an Extract error to an answer. Only the engine's own
// *engine.Error messages reach the client; anything else is logged.
func engineError(err error) *apiError {
	var ee *engine.Error
	switch {
	case errors.As(err, &ee) && ee.Code == "internal":
		return &apiError{http.StatusInternalServerError, "internal", ee.Message}
	case errors.As(err, &ee):
		return &apiError{http.StatusBadRequest, ee.Code, ee.Message}
	case errors.Is(err, context.DeadlineExceeded):
		return &apiError{http.StatusServiceUnavailable, "timeout", "the analysis took too long"}
	case errors.Is(err, context.Canceled):
		return &apiError{http.StatusServiceUnavailable, "canceled", "the request was canceled"}
	}
	log.Printf("api: extract: %v", err)
	return &apiError{http.StatusInternalServerError, "internal", "internal error; the request was not processed"}
}
