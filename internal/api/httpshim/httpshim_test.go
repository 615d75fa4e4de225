package httpshim

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// The same expectations hold natively (net/http's own) and on js/wasm (the
// package's implementation): run under both with make test-wasm.

func TestHeader(t *testing.T) {
	h := Header{}
	h.Add("content-type", "text/plain")
	h.Add("ACCEPT", "text/csv")
	h.Add("accept", "text/markdown")
	h.Set("x-api-key", "1")
	h.Add("bad key", "kept as is")
	for _, tc := range []struct{ key, want string }{
		{"Content-Type", "text/plain"}, {"CONTENT-TYPE", "text/plain"}, {"Accept", "text/csv"},
		{"X-Api-Key", "1"}, {"bad key", "kept as is"}, {"Missing", ""},
	} {
		if got := h.Get(tc.key); got != tc.want {
			t.Errorf("Get(%q) = %q, want %q", tc.key, got, tc.want)
		}
	}
	if got := strings.Join(h.Values("accept"), "|"); got != "text/csv|text/markdown" {
		t.Errorf("Values(accept) = %q", got)
	}
	if _, ok := h["Content-Type"]; !ok {
		t.Errorf("keys are not canonical: %v", h)
	}
	h.Del("ACCEPT")
	if h.Get("Accept") != "" {
		t.Error("Del left the key")
	}
}

type recorder struct{ h Header }

func (r *recorder) Header() Header              { return r.h }
func (r *recorder) Write(b []byte) (int, error) { return len(b), nil }
func (r *recorder) WriteHeader(int)             {}

func TestMaxBytesReader(t *testing.T) {
	for _, tc := range []struct {
		body     string
		n        int64
		want     string
		tooLarge bool
	}{
		{"", 10, "", false},
		{"0123456789", 10, "0123456789", false},
		{"0123456789a", 10, "0123456789", true},
		{strings.Repeat("x", 5000), 4096, strings.Repeat("x", 4096), true},
		{"a", 0, "", true},
	} {
		got, err := io.ReadAll(MaxBytesReader(&recorder{Header{}}, io.NopCloser(strings.NewReader(tc.body)), tc.n))
		var mbe *MaxBytesError
		if isMax := errors.As(err, &mbe); isMax != tc.tooLarge || (err != nil && !isMax) {
			t.Errorf("%d bytes, limit %d: err %v, want too large %v", len(tc.body), tc.n, err, tc.tooLarge)
		} else if isMax && mbe.Limit != tc.n {
			t.Errorf("Limit = %d, want %d", mbe.Limit, tc.n)
		}
		if string(got) != tc.want {
			t.Errorf("%d bytes, limit %d: read %d bytes, want %d", len(tc.body), tc.n, len(got), len(tc.want))
		}
	}
}
