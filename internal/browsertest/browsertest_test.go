package browsertest

import (
	"bufio"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestRepoRoot(t *testing.T) {
	root, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "internal", "browsertest", "browsertest.go")); err != nil {
		t.Errorf("RepoRoot() = %s, not the repository: %v", root, err)
	}
}

func TestCleanupRunsLastFirst(t *testing.T) {
	var c Cleanup
	var order []int
	for i := range 3 {
		c.Add(func() { order = append(order, i) })
	}
	dir, err := c.TempDir("browsertest-")
	if err != nil {
		t.Fatal(err)
	}
	c.Run()
	if want := []int{2, 1, 0}; !reflect.DeepEqual(order, want) {
		t.Errorf("order %v, want %v", order, want)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("%s still there after Run: %v", dir, err)
	}
	c.Run() // a second Run has nothing left to do
	if len(order) != 3 {
		t.Errorf("a second Run ran teardowns again: %v", order)
	}
}

func TestRequestLog(t *testing.T) {
	var l RequestLog
	h := l.Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	start := time.Now()
	time.Sleep(time.Millisecond) // Since is strict: later than start
	tests := []struct {
		method, target, want string
	}{
		{http.MethodGet, "/", "/"},
		{http.MethodGet, "/engine.abc123.wasm?x=1", "/engine.abc123.wasm"},
		{http.MethodGet, "http://example.com/a?b", "GET example.com/a?b"},   // as a proxy sees it
		{http.MethodConnect, "example.com:443", "CONNECT example.com:443/"}, // an HTTPS tunnel
	}
	var want []string
	for _, tc := range tests {
		// Parsed as a server parses the wire form, which a CONNECT needs.
		raw := tc.method + " " + tc.target + " HTTP/1.1\r\nHost: example.com\r\n\r\n"
		if tc.method == http.MethodConnect {
			raw = tc.method + " " + tc.target + " HTTP/1.1\r\nHost: " + tc.target + "\r\n\r\n"
		}
		r, err := http.ReadRequest(bufio.NewReader(strings.NewReader(raw)))
		if err != nil {
			t.Fatalf("%s: %v", raw, err)
		}
		h.ServeHTTP(httptest.NewRecorder(), r)
		want = append(want, tc.want)
	}
	if got := l.Since(start); !reflect.DeepEqual(got, want) {
		t.Errorf("Since = %q, want %q", got, want)
	}
	if got := l.Since(time.Now()); len(got) != 0 {
		t.Errorf("Since(now) = %q, want none", got)
	}
	if n := l.Count(".wasm"); n != 1 {
		t.Errorf("Count(.wasm) = %d, want 1", n)
	}
}
