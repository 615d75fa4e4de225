package api

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/whosaid/whosaid/internal/api/apitest"
	"github.com/whosaid/whosaid/internal/engine"
	"github.com/whosaid/whosaid/internal/hostile"
)

// answer is one finished request.
type answer struct {
	status     int
	retryAfter string
	code       string // the JSON error's code, "" for a result
	err        error
}

func post(ctx context.Context, srv *httptest.Server, body string) answer {
	req, err := http.NewRequestWithContext(ctx, "POST", srv.URL+PathExtract, strings.NewReader(body))
	if err != nil {
		return answer{err: err}
	}
	req.Header.Set("Content-Type", "text/plain")
	resp, err := srv.Client().Do(req)
	if err != nil {
		return answer{err: err}
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	a := answer{status: resp.StatusCode, retryAfter: resp.Header.Get("Retry-After"), err: err}
	if resp.StatusCode != http.StatusOK {
		var eb Error
		if err := json.Unmarshal(b, &eb); err != nil {
			a.err = errors.New("the error answer is not JSON: " + string(b))
		}
		a.code = eb.Error.Code
	}
	return a
}

// blocking is an extract that holds its slot until release is closed or
// its context ends, and tells started when it begins and ended how.
type blocking struct {
	started chan struct{}
	ended   chan error
	release chan struct{}
}

func newBlocking() *blocking {
	return &blocking{started: make(chan struct{}, 16), ended: make(chan error, 16), release: make(chan struct{})}
}

func (b *blocking) extract(ctx context.Context, in engine.Input, o engine.Options) (*engine.Result, error) {
	b.started <- struct{}{}
	select {
	case <-b.release:
		b.ended <- nil
		return &engine.Result{Version: engine.Version, Sources: []engine.Source{}, Claims: []engine.Claim{}}, nil
	case <-ctx.Done():
		b.ended <- ctx.Err()
		return nil, ctx.Err()
	}
}

func wait[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(10 * time.Second):
		t.Fatalf("timed out waiting for %s", what)
	}
	var zero T
	return zero
}

// TestClientLeaves: a client that goes away cancels its analysis, and the
// slot it held serves the next request.
func TestClientLeaves(t *testing.T) {
	b := newBlocking()
	srv := httptest.NewServer(newHandlerOptions(b.extract, "m", Options{MaxAnalyses: 1}))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan answer, 1)
	go func() { done <- post(ctx, srv, "an article") }()
	wait(t, b.started, "the analysis to start")
	cancel()
	if err := wait(t, b.ended, "the analysis to end"); !errors.Is(err, context.Canceled) {
		t.Fatalf("the analysis ended with %v after the client left, want context.Canceled", err)
	}
	if a := wait(t, done, "the client"); a.err == nil {
		t.Errorf("the client that left got an answer: %+v", a)
	}
	close(b.release)
	if a := post(context.Background(), srv, "an article"); a.status != http.StatusOK {
		t.Errorf("the next request: %+v, want 200: the slot was not given back", a)
	}
}

// TestOverloaded: with one analysis at a time, a second request waits
// for the queue timeout and gets a JSON 503 "overloaded" with
// Retry-After; one that finds a slot within the timeout is served.
func TestOverloaded(t *testing.T) {
	b := newBlocking()
	srv := httptest.NewServer(newHandlerOptions(b.extract, "m", Options{MaxAnalyses: 1, QueueTimeout: 100 * time.Millisecond}))
	defer srv.Close()
	first := make(chan answer, 1)
	go func() { first <- post(context.Background(), srv, "an article") }()
	wait(t, b.started, "the first analysis")

	start := time.Now()
	a := post(context.Background(), srv, "another article")
	if a.err != nil || a.status != http.StatusServiceUnavailable || a.code != "overloaded" || a.retryAfter != "1" {
		t.Fatalf("second request while the first runs: %+v, want 503 overloaded with Retry-After 1", a)
	}
	if waited := time.Since(start); waited < 100*time.Millisecond {
		t.Errorf("the second request was refused after %v, before the queue timeout", waited)
	}
	select {
	case <-b.started:
		t.Fatal("the refused request was analysed")
	default:
	}

	close(b.release)
	if a := wait(t, first, "the first answer"); a.status != http.StatusOK {
		t.Errorf("first request: %+v, want 200", a)
	}

	// A request that waits while the slot frees up is served.
	b = newBlocking()
	srv2 := httptest.NewServer(newHandlerOptions(b.extract, "m", Options{MaxAnalyses: 1, QueueTimeout: time.Minute}))
	defer srv2.Close()
	go func() { first <- post(context.Background(), srv2, "an article") }()
	wait(t, b.started, "the first analysis")
	queued := make(chan answer, 1)
	go func() { queued <- post(context.Background(), srv2, "a queued article") }()
	time.Sleep(50 * time.Millisecond)
	select {
	case <-b.started:
		t.Fatal("a second analysis started while the only slot was taken")
	default:
	}
	close(b.release)
	if a := wait(t, first, "the first answer"); a.status != http.StatusOK {
		t.Errorf("first request: %+v, want 200", a)
	}
	if a := wait(t, queued, "the queued answer"); a.status != http.StatusOK {
		t.Errorf("a request queued while the slot freed up: %+v, want 200", a)
	}
}

// TestTimeout: an analysis past the deadline ends with a JSON 503
// "timeout" and Retry-After, for a stub and for the real engine on a
// hostile megabyte.
func TestTimeout(t *testing.T) {
	b := newBlocking()
	srv := httptest.NewServer(newHandlerOptions(b.extract, "m", Options{Timeout: 50 * time.Millisecond}))
	defer srv.Close()
	a := post(context.Background(), srv, "an article")
	if a.err != nil || a.status != http.StatusServiceUnavailable || a.code != "timeout" || a.retryAfter == "" {
		t.Fatalf("an analysis past the deadline: %+v, want 503 timeout with Retry-After", a)
	}
	if err := wait(t, b.ended, "the analysis to end"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("the analysis ended with %v, want context.DeadlineExceeded", err)
	}

	// The real engine stops within its long stages, not only between them.
	e := newEngine(t)
	real := httptest.NewServer(NewWithOptions(e, Options{MaxAnalyses: 2, Timeout: 100 * time.Millisecond}))
	defer real.Close()
	c, _ := hostile.Find("said-that")
	start := time.Now()
	a = post(context.Background(), real, c.Gen(MaxBody-1024))
	took := time.Since(start)
	if a.err != nil || a.status != http.StatusServiceUnavailable || a.code != "timeout" {
		t.Fatalf("1 MB of hostile text with a 100 ms deadline: %+v, want 503 timeout", a)
	}
	t.Logf("answered 503 timeout after %v", took)
	// normal requests are unchanged
	resp, err := real.Client().Post(real.URL+PathExtract, "text/plain", strings.NewReader(apitest.Article))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Retry-After") != "" {
		t.Errorf("an ordinary article: status %d, Retry-After %q", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
}
