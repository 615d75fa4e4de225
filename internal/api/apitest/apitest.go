// Package apitest holds the request table of the HTTP API, shared by the
// native handler tests (internal/api) and the Worker tests (wasm/worker) so
// both surfaces are held to exactly the same answers. It is used by tests
// only.
package apitest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/whosaid/whosaid/internal/engine"
	"github.com/whosaid/whosaid/internal/export"
)

// Article is a short made-up news text with a direct quote, an indirect
// one and an unattributed claim.
const Article = `Flooding forces thousands from homes

Rescue teams evacuated more than 3,000 people on Monday, officials said.

"The water rose faster than anyone expected," Mayor Ana Ruiz told reporters.

She said the city would open two more shelters by nightfall. Schools will stay closed until Thursday.
`

// maxBody mirrors api.MaxBody; apitest cannot import api (api's tests
// import apitest), and the boundary cases must hit it exactly.
const maxBody = 1 << 20

// Case is one request and what the answer must be.
type Case struct {
	Name   string
	Method string
	Path   string // with the query
	Header http.Header
	Body   []byte

	Status int
	// Code is the error code of an error answer ("" for success).
	Code string
	// MsgHas is a substring the error message must contain.
	MsgHas string
	// Format is the export format of a successful extract answer, and
	// Input what the engine must have been given for it.
	Format string
	Input  *engine.Input
	// Options are those the engine must have been given (whole_page).
	Options engine.Options
	// Allow is the Allow header of a 405 or OPTIONS answer.
	Allow string
}

func hdr(kv ...string) http.Header {
	h := http.Header{}
	for i := 0; i+1 < len(kv); i += 2 {
		h.Add(kv[i], kv[i+1])
	}
	return h
}

// jsonBody marshals v without HTML escaping.
func jsonBody(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err) // only literal maps of strings reach here
	}
	return b.Bytes()
}

// Cases returns the table. Successful answers in a format the export
// package does not (yet) offer are expected as unsupported_format errors,
// so the table holds whatever formats exist.
func Cases() []Case {
	const (
		plain = "text/plain; charset=utf-8"
		js    = "application/json"
		ex    = "/api/extract"
	)
	html := "<html><head><title>Flood</title></head><body><p>\"We are safe now,\" said Ana Ruiz.</p><script>x=1</script></body></html>"
	// A whole page: its article is analysed, unless whole_page asks for all of it.
	page := "<html><head><title>Flood</title></head><body><nav><a href=/>Home</a> <a href=/world>World</a></nav>" +
		"<article><h1>Flood</h1><p>\"We are safe now,\" said Ana Ruiz, the mayor, on Monday evening.</p>" +
		"<p>The river fell by a metre overnight, officials said, and roads reopened.</p></article>" +
		"<aside class=most-read><a href=/a>The president said rates would fall</a></aside><footer>© The Example</footer></body></html>"
	whole := func(c Case) Case {
		c.Options = engine.Options{WholePage: true}
		return c
	}
	in := func(text, typ string) *engine.Input { return &engine.Input{Text: text, Type: typ} }
	ok := func(c Case, format string, input *engine.Input) Case {
		if _, has := export.ContentType(format); !has {
			c.Status, c.Code, c.MsgHas = 400, "unsupported_format", format
			return c
		}
		c.Status, c.Format, c.Input = 200, format, input
		return c
	}
	bad := func(c Case, status int, code, msgHas string) Case {
		c.Status, c.Code, c.MsgHas = status, code, msgHas
		return c
	}
	post := func(name, path, ct string, body []byte) Case {
		c := Case{Name: name, Method: "POST", Path: path, Body: body, Header: http.Header{}}
		if ct != "" {
			c.Header.Set("Content-Type", ct)
		}
		return c
	}
	padded := func(obj string, size int) []byte { // obj padded with spaces to size bytes
		return []byte(obj + strings.Repeat(" ", size-len(obj)))
	}
	bigText := bytes.Repeat([]byte("a"), maxBody+1)
	preflight := hdr("Origin", "https://example.org", "Access-Control-Request-Method", "POST",
		"Access-Control-Request-Headers", "content-type")

	return []Case{
		// health
		{Name: "health", Method: "GET", Path: "/api/health", Status: 200},
		{Name: "health HEAD", Method: "HEAD", Path: "/api/health", Status: 200},
		bad(Case{Name: "health POST", Method: "POST", Path: "/api/health", Allow: "GET, HEAD, OPTIONS"}, 405, "method_not_allowed", "POST"),
		{Name: "health preflight", Method: "OPTIONS", Path: "/api/health", Header: preflight, Status: 204, Allow: "GET, HEAD, OPTIONS"},

		// extract, text bodies
		ok(post("plain", ex, plain, []byte(Article)), "json", in(Article, "text/plain")),
		ok(post("plain no content type", ex, "", []byte(Article)), "json", in(Article, "text/plain")),
		ok(post("plain format=csv", ex+"?format=csv", plain, []byte(Article)), "csv", in(Article, "text/plain")),
		ok(post("plain format=md", ex+"?format=md", "text/plain", []byte(Article)), "md", in(Article, "text/plain")),
		ok(post("plain format=json", ex+"?format=json", "text/plain", []byte(Article)), "json", in(Article, "text/plain")),
		func() Case {
			c := post("plain Accept csv", ex, plain, []byte(Article))
			c.Header.Set("Accept", "text/csv")
			return ok(c, "csv", in(Article, "text/plain"))
		}(),
		func() Case {
			c := post("plain Accept q-values", ex, plain, []byte(Article))
			c.Header.Set("Accept", "text/html;q=1, text/csv;q=0.5, text/markdown;q=0.9")
			return ok(c, "md", in(Article, "text/plain"))
		}(),
		func() Case {
			c := post("plain Accept browser", ex, plain, []byte(Article))
			c.Header.Set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			return ok(c, "json", in(Article, "text/plain"))
		}(),
		func() Case {
			c := post("plain query beats Accept", ex+"?format=json", plain, []byte(Article))
			c.Header.Set("Accept", "text/csv")
			return ok(c, "json", in(Article, "text/plain"))
		}(),
		ok(post("html body", ex, "text/html; charset=UTF-8", []byte(html)), "json", in(html, "text/html")),
		bad(post("plain unknown format", ex+"?format=xml", plain, []byte(Article)), 400, "unsupported_format", `"xml"`),
		bad(post("plain empty", ex, plain, nil), 400, "empty", "empty"),
		bad(post("plain blank", ex, plain, []byte(" \n\t \n")), 400, "empty", "empty"),
		bad(post("plain invalid utf8", ex, plain, []byte("Mayor said\nhi \xff there")), 400, "invalid_utf8", "line 2, column 4"),
		bad(post("plain NUL", ex, plain, []byte("Mayor\x00said")), 400, "nul_byte", "NUL"),
		bad(post("plain too large", ex, plain, bigText), 413, "too_large", "1048576"),
		ok(post("plain at limit", ex, plain, padded("x", maxBody)), "json", in("x"+strings.Repeat(" ", maxBody-1), "text/plain")),

		// extract, JSON bodies
		ok(post("json", ex, js, jsonBody(map[string]string{"text": Article})), "json", in(Article, "")),
		ok(post("json charset", ex, js+"; charset=utf-8", jsonBody(map[string]string{"text": Article, "type": "text/plain"})), "json", in(Article, "text/plain")),
		ok(post("json format csv", ex, js, jsonBody(map[string]string{"text": Article, "format": "csv"})), "csv", in(Article, "")),
		ok(post("json format md", ex, js, jsonBody(map[string]string{"text": Article, "format": "md"})), "md", in(Article, "")),
		ok(post("json body format beats query", ex+"?format=csv", js, jsonBody(map[string]string{"text": Article, "format": "json"})), "json", in(Article, "")),
		ok(post("json html", ex, js, jsonBody(map[string]string{"text": html, "type": "text/html"})), "json", in(html, "text/html")),
		ok(post("html page", ex, "text/html", []byte(page)), "json", in(page, "text/html")),
		whole(ok(post("html page whole_page=1", ex+"?whole_page=1", "text/html", []byte(page)), "json", in(page, "text/html"))),
		whole(ok(post("json page whole_page", ex, js, jsonBody(map[string]any{"text": page, "type": "text/html", "whole_page": true, "format": "md"})), "md", in(page, "text/html"))),
		ok(post("json unicode", ex, js, []byte(`{"text": "\u00c9lodie said \"caf\u00e9 \ud83d\ude00\" is open."}`)), "json", in("Élodie said \"café 😀\" is open.", "")),
		ok(post("json at limit", ex, js, padded(`{"text": "x"}`, maxBody)), "json", in("x", "")),
		bad(post("json unknown type", ex, js, []byte(`{"text": "a", "type": "application/pdf"}`)), 400, "unsupported_type", "application/pdf"),
		bad(post("json unknown format", ex, js, []byte(`{"text": "a", "format": "pdf"}`)), 400, "unsupported_format", `"pdf"`),
		bad(post("json syntax", ex, js, []byte("{\"text\": \"a\",\n  \"type\": x}")), 400, "bad_json", "line 2, column 11 (byte 24)"),
		bad(post("json truncated", ex, js, []byte(`{"text": "a"`)), 400, "bad_json", "unexpected end"),
		bad(post("json trailing", ex, js, []byte(`{"text": "a"} x`)), 400, "bad_json", "line 1, column 15"),
		bad(post("json array", ex, js, []byte(`["a"]`)), 400, "bad_json", "JSON object"),
		bad(post("json text number", ex, js, []byte(`{"text": 5}`)), 400, "bad_json", `"text" must be a string`),
		bad(post("json no text", ex, js, []byte(`{"format": "json"}`)), 400, "bad_json", `no "text"`),
		bad(post("json null text", ex, js, []byte(`{"text": null}`)), 400, "bad_json", `no "text"`),
		bad(post("json empty text", ex, js, []byte(`{"text": ""}`)), 400, "empty", "empty"),
		bad(post("json blank text", ex, js, []byte(`{"text": "  \n "}`)), 400, "empty", "empty"),
		bad(post("json empty body", ex, js, nil), 400, "empty", "body is empty"),
		bad(post("json invalid utf8", ex, js, []byte("{\"text\": \"caf\xe9\"}")), 400, "invalid_utf8", "byte 13"),
		bad(post("json NUL", ex, js, []byte(`{"text": "a\u0000b"}`)), 400, "nul_byte", "NUL"),
		bad(post("json too large", ex, js, padded(`{"text": "x"}`, maxBody+1)), 413, "too_large", "1 MB"),

		// extract, content types
		bad(post("form body", ex, "application/x-www-form-urlencoded", []byte("text=a")), 415, "unsupported_media_type", "application/x-www-form-urlencoded"),
		bad(post("latin1 body", ex, "text/plain; charset=iso-8859-1", []byte("caf\xe9")), 415, "unsupported_media_type", "iso-8859-1"),
		bad(post("broken content type", ex, "text/", []byte("a")), 415, "unsupported_media_type", "cannot parse"),

		// extract, methods
		bad(Case{Name: "extract GET", Method: "GET", Path: ex, Allow: "POST, OPTIONS"}, 405, "method_not_allowed", "use POST"),
		bad(Case{Name: "extract PUT", Method: "PUT", Path: ex, Body: []byte("a"), Header: hdr("Content-Type", "text/plain"), Allow: "POST, OPTIONS"}, 405, "method_not_allowed", "PUT"),
		bad(Case{Name: "extract DELETE", Method: "DELETE", Path: ex, Allow: "POST, OPTIONS"}, 405, "method_not_allowed", "DELETE"),
		{Name: "extract preflight", Method: "OPTIONS", Path: ex, Header: preflight, Status: 204, Allow: "POST, OPTIONS"},
		{Name: "extract plain OPTIONS", Method: "OPTIONS", Path: ex, Status: 204, Allow: "POST, OPTIONS"},

		// elsewhere
		bad(Case{Name: "api root", Method: "GET", Path: "/api/"}, 404, "not_found", "/api/"),
		bad(Case{Name: "unknown route", Method: "GET", Path: "/api/nope?x=1"}, 404, "not_found", "/api/nope"),
		bad(post("extract trailing slash", ex+"/", plain, []byte(Article)), 404, "not_found", "/api/extract/"),
		bad(Case{Name: "unknown preflight", Method: "OPTIONS", Path: "/api/nope", Header: preflight}, 404, "not_found", "/api/nope"),
		bad(Case{Name: "outside api", Method: "GET", Path: "/index.html"}, 404, "not_found", "/index.html"),
	}
}

// Request builds the request against a server at base (scheme://host:port).
func (c Case) Request(ctx context.Context, base string) (*http.Request, error) {
	var body io.Reader
	if c.Body != nil {
		body = bytes.NewReader(c.Body)
	}
	req, err := http.NewRequestWithContext(ctx, c.Method, base+c.Path, body)
	if err != nil {
		return nil, err
	}
	for k, vs := range c.Header {
		req.Header[k] = append([]string(nil), vs...)
	}
	return req, nil
}

// Answer is what came back, read whole.
type Answer struct {
	Status int
	Header http.Header
	Body   []byte
}

// Do sends c to base and reads the answer.
func (c Case) Do(ctx context.Context, client *http.Client, base string) (*Answer, error) {
	req, err := c.Request(ctx, base)
	if err != nil {
		return nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	return &Answer{Status: resp.StatusCode, Header: resp.Header, Body: b}, nil
}

// Check says what is wrong with an answer to c, or nil. e computes the
// expected body of successful extracts.
func (c Case) Check(e *engine.Engine, a *Answer) error {
	var errs []string
	fail := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	if a.Status != c.Status {
		fail("status %d, want %d (body %.300q)", a.Status, c.Status, a.Body)
	}
	for k, v := range map[string]string{
		"Access-Control-Allow-Origin": "*", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store",
	} {
		if got := a.Header.Get(k); got != v {
			fail("%s: %q, want %q", k, got, v)
		}
	}
	if a.Header.Get("Access-Control-Allow-Credentials") != "" {
		fail("Access-Control-Allow-Credentials is set")
	}
	if c.Allow != "" && a.Header.Get("Allow") != c.Allow {
		fail("Allow: %q, want %q", a.Header.Get("Allow"), c.Allow)
	}
	ct := a.Header.Get("Content-Type")
	switch {
	case c.Code != "":
		checkError(c, ct, a.Body, fail)
	case c.Status == 204 || c.Method == "HEAD":
		if len(a.Body) != 0 {
			fail("body %.100q, want none", a.Body)
		}
		if c.Method == "OPTIONS" && !strings.Contains(a.Header.Get("Access-Control-Allow-Methods"), "OPTIONS") {
			fail("Access-Control-Allow-Methods: %q", a.Header.Get("Access-Control-Allow-Methods"))
		}
	case c.Input != nil:
		want, wantCT, err := ExpectedWith(e, *c.Input, c.Options, c.Format)
		if err != nil {
			fail("computing the expected answer: %v", err)
			break
		}
		if ct != wantCT {
			fail("Content-Type %q, want %q", ct, wantCT)
		}
		if !bytes.Equal(a.Body, want) {
			fail("body differs from export.Write(engine.Extract(...)):\n got %.300q\nwant %.300q", a.Body, want)
		}
	default: // health
		var h struct {
			Status, Version, Model string
			Formats                []string
		}
		if err := json.Unmarshal(a.Body, &h); err != nil {
			fail("health body %q: %v", a.Body, err)
		}
		if h.Status != "ok" || h.Version != engine.Version || h.Model != e.ModelID() || len(h.Formats) == 0 {
			fail("health body %s, want version %s and model %s", a.Body, engine.Version, e.ModelID())
		}
		if ct != "application/json; charset=utf-8" {
			fail("Content-Type %q", ct)
		}
	}
	if errs != nil {
		return fmt.Errorf("%s", strings.Join(errs, "\n\t"))
	}
	return nil
}

func checkError(c Case, ct string, body []byte, fail func(string, ...any)) {
	if ct != "application/json; charset=utf-8" {
		fail("Content-Type %q, want JSON", ct)
	}
	var eb struct {
		Error struct{ Code, Message string }
	}
	if err := json.Unmarshal(body, &eb); err != nil {
		fail("error body %.300q is not JSON: %v", body, err)
		return
	}
	if eb.Error.Code != c.Code {
		fail("error code %q (%q), want %q", eb.Error.Code, eb.Error.Message, c.Code)
	}
	if !strings.Contains(eb.Error.Message, c.MsgHas) {
		fail("error message %q does not contain %q", eb.Error.Message, c.MsgHas)
	}
	if strings.Contains(eb.Error.Message, "goroutine ") || strings.Contains(eb.Error.Message, ".go:") {
		fail("error message looks like a stack trace: %q", eb.Error.Message)
	}
}

// Expected is the body and Content-Type a successful extract must answer.
func Expected(e *engine.Engine, in engine.Input, format string) ([]byte, string, error) {
	return ExpectedWith(e, in, engine.Options{}, format)
}

// ExpectedWith is Expected for an extract with options.
func ExpectedWith(e *engine.Engine, in engine.Input, opt engine.Options, format string) ([]byte, string, error) {
	res, err := e.Extract(context.Background(), in, opt)
	if err != nil {
		return nil, "", err
	}
	var b bytes.Buffer
	if err := export.Write(&b, res, format); err != nil {
		return nil, "", err
	}
	ct, _ := export.ContentType(format)
	return b.Bytes(), ct, nil
}
