package api

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/whosaid/whosaid/internal/api/apitest"
	"github.com/whosaid/whosaid/internal/engine"
)

// testEngine loads the models once for all tests.
var testEngine = sync.OnceValues(engine.New)

func newEngine(t testing.TB) *engine.Engine {
	t.Helper()
	e, err := testEngine()
	if err != nil {
		t.Fatalf("engine.New: %v", err)
	}
	return e
}

// TestRoutes sends the shared request table (the Worker test sends the same
// one) to the handler over a real HTTP connection.
func TestRoutes(t *testing.T) {
	e := newEngine(t)
	srv := httptest.NewServer(New(e))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	for _, c := range apitest.Cases() {
		t.Run(c.Name, func(t *testing.T) {
			a, err := c.Do(ctx, srv.Client(), srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			if err := c.Check(e, a); err != nil {
				t.Errorf("%s %s:\n\t%v", c.Method, c.Path, err)
			}
		})
	}
}

// TestPanic checks a panic becomes a JSON 500 and the next request is
// served normally.
func TestPanic(t *testing.T) {
	e := newEngine(t)
	var calls int
	var mu sync.Mutex
	h := newHandler(func(ctx context.Context, in engine.Input, o engine.Options) (*engine.Result, error) {
		mu.Lock()
		calls++
		n := calls
		mu.Unlock()
		if n == 1 {
			panic("boom at line 42")
		}
		return e.Extract(ctx, in, o)
	}, e.ModelID())
	srv := httptest.NewServer(h)
	defer srv.Close()

	post := func() (*http.Response, []byte) {
		resp, err := srv.Client().Post(srv.URL+PathExtract, "text/plain", strings.NewReader(apitest.Article))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var b bytes.Buffer
		if _, err := b.ReadFrom(resp.Body); err != nil {
			t.Fatal(err)
		}
		return resp, b.Bytes()
	}
	resp, body := post()
	var eb Error
	if resp.StatusCode != 500 || json.Unmarshal(body, &eb) != nil || eb.Error.Code != "internal" {
		t.Fatalf("panic: status %d body %q, want a 500 JSON error", resp.StatusCode, body)
	}
	if strings.Contains(string(body), "boom") || strings.Contains(string(body), "goroutine") {
		t.Errorf("panic details leaked to the client: %q", body)
	}
	if resp.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("500 lacks the CORS header")
	}
	resp, body = post()
	if resp.StatusCode != 200 {
		t.Fatalf("request after the panic: status %d body %q", resp.StatusCode, body)
	}
}

// TestEngineErrors maps the errors Extract may return.
func TestEngineErrors(t *testing.T) {
	tests := []struct {
		err    error
		status int
		code   string
	}{
		{&engine.Error{Code: "bad_html", Message: "x"}, 400, "bad_html"},
		{&engine.Error{Code: "internal", Message: "internal error: x"}, 500, "internal"},
		{context.DeadlineExceeded, 503, "timeout"},
		{context.Canceled, 503, "canceled"},
		{errString("disk on fire"), 500, "internal"},
	}
	for _, tt := range tests {
		h := newHandler(func(context.Context, engine.Input, engine.Options) (*engine.Result, error) {
			return nil, tt.err
		}, "m")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("POST", PathExtract, strings.NewReader("a text")))
		var eb Error
		if err := json.Unmarshal(rec.Body.Bytes(), &eb); err != nil || rec.Code != tt.status || eb.Error.Code != tt.code {
			t.Errorf("%v: %d %s, want %d %s", tt.err, rec.Code, rec.Body, tt.status, tt.code)
		}
		if strings.Contains(rec.Body.String(), "disk on fire") {
			t.Errorf("an unexpected error leaked to the client: %s", rec.Body)
		}
	}
}

type errString string

func (e errString) Error() string { return string(e) }

// FuzzExtractJSON: any JSON body gets a 200 or a JSON error, never a 500.
func FuzzExtractJSON(f *testing.F) {
	for _, s := range []string{
		`{"text": "The mayor said it was fine."}`,
		`{"text": "<p>\"Hi,\" she said.</p>", "type": "text/html", "format": "csv"}`,
		`{"text": 5}`, `[]`, `{"text": "a"} x`, "{\"text\": \"\xff\"}", `{"text": "\u0000"}`,
		`{"text": "a", "format": "md"}`, `{"text": "a", "type": "x"}`, ``, `null`, `{"text": null}`,
		// the sentence openers the engine adds claims for (openers.go)
		`{"text": "Asked if he was bullied, Lee said. When asked why, Kim replied no, he added."}`,
		`{"text": "In a CNN poll released Monday, 50 percent backed Clinton. In the polls, anyway."}`,
		// where ends.go ends contents and joins a quotation before a frame
		`{"text": "When he said that she lied, the crowd booed. Lee said she won and called on him, \u201cno,\u201d Kim said. \u201cYes.\u201d"}`,
		// the later repairs: a joined quotation with a frame of its own, the
		// one asked, a raising cue's subject, an occasion, and a paste that
		// ends inside ", including …"
		`{"text": "\u201cYes, go,\u201d read one. \u201cNo more of it,\u201d was another. Even the whole Lee clan was asked to go and seemed to win."}`,
		`{"text": "She praised Lee at a rally in Ohio. He accused China of hacking agencies, including the theft of records"}`,
		// relative pronouns before a frame, and a passive cue that goes on
		// to a verb, each at the paste's end
		`{"text": "It is a job that economists say is the future, under what he called a plan, which officials said will"}`,
		`{"text": "The Times is expected to endorse"}`,
		// a claim inside another's content, and a participle after a
		// quotation's frame whose source was in the quoted words, each at
		// the paste's end
		`{"text": "Aides said the governor backs the plan. \u201cHe won,\u201d Lee said, suggesting"}`,
	} {
		f.Add([]byte(s))
	}
	e := newEngine(f)
	h := New(e)
	f.Fuzz(func(t *testing.T, body []byte) {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("POST", PathExtract, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		h.ServeHTTP(rec, req)
		switch {
		case rec.Code == 200:
		case rec.Code == 400 || rec.Code == 413:
			var eb Error
			if err := json.Unmarshal(rec.Body.Bytes(), &eb); err != nil || eb.Error.Code == "" || eb.Error.Message == "" {
				t.Fatalf("status %d with a body that is not a JSON error: %q", rec.Code, rec.Body)
			}
		default:
			t.Fatalf("body %q: status %d %s", body, rec.Code, rec.Body)
		}
	})
}
