package browsertest

import (
	"net/http"
	"strings"
	"sync"
	"time"
)

// RequestLog records the requests a test server sees, to check what a page
// asked for and when.
type RequestLog struct {
	mu   sync.Mutex
	reqs []request
}

type request struct {
	at   time.Time
	path string
}

// Wrap returns h, logging each request first: its path, or for a proxy's
// request (CONNECT or an absolute URL) "METHOD host/uri".
func (l *RequestLog) Wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if r.Method == http.MethodConnect || r.URL.IsAbs() {
			p = r.Method + " " + r.Host + r.URL.RequestURI()
		}
		l.mu.Lock()
		l.reqs = append(l.reqs, request{time.Now(), p})
		l.mu.Unlock()
		h.ServeHTTP(w, r)
	})
}

// Since lists the paths requested after t, in order.
func (l *RequestLog) Since(t time.Time) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for _, r := range l.reqs {
		if r.at.After(t) {
			out = append(out, r.path)
		}
	}
	return out
}

// Count is how many requested paths end in suffix.
func (l *RequestLog) Count(suffix string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, r := range l.reqs {
		if strings.HasSuffix(r.path, suffix) {
			n++
		}
	}
	return n
}
