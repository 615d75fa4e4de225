// Command loadtest sends a bounded burst of POST /api/extract requests to a
// whosaid API on this machine and reports throughput, latency percentiles,
// errors and memory.
//
//	go run ./cmd/loadtest -file ../shared/seed/text/syria-final-battle.txt            # native handler, in-process
//	go run ./cmd/loadtest -url http://127.0.0.1:8787/api/extract -rss workerd -file … # a running Worker (wrangler dev)
//
// Without -url it starts the native handler (internal/api) in-process on
// 127.0.0.1 and reports Go memory statistics before and after; with -rss it
// reports the resident memory of the named processes (from /proc). It only
// targets loopback addresses, and stops after -n requests or -max-time.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/whosaid/whosaid/internal/api"
	"github.com/whosaid/whosaid/internal/engine"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

type config struct {
	url, file, contentType, rss string
	n, c                        int
	timeout, maxTime            time.Duration
}

func run(args []string, out io.Writer) error {
	var cfg config
	fs := flag.NewFlagSet("loadtest", flag.ContinueOnError)
	fs.StringVar(&cfg.url, "url", "", "extract URL to load (loopback only); empty: start the native handler in-process")
	fs.StringVar(&cfg.file, "file", "", "article file to POST (required)")
	fs.StringVar(&cfg.contentType, "type", "text/plain; charset=utf-8", "Content-Type of the body")
	fs.IntVar(&cfg.n, "n", 10000, "number of requests")
	fs.IntVar(&cfg.c, "c", 32, "concurrent requests")
	fs.DurationVar(&cfg.timeout, "timeout", 30*time.Second, "timeout of one request")
	fs.DurationVar(&cfg.maxTime, "max-time", 5*time.Minute, "stop sending after this long, whatever -n says")
	fs.StringVar(&cfg.rss, "rss", "", "report the summed RSS of processes with this name (e.g. workerd) before and after")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if cfg.file == "" || cfg.n < 1 || cfg.c < 1 {
		return errors.New("need -file, and -n and -c of at least 1")
	}
	body, err := os.ReadFile(cfg.file)
	if err != nil {
		return err
	}

	target := cfg.url
	var mem *memProbe
	if target == "" {
		e, err := engine.New()
		if err != nil {
			return err
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return err
		}
		srv := &http.Server{Handler: api.New(e), ReadHeaderTimeout: 10 * time.Second}
		go srv.Serve(ln) //nolint:errcheck // ends with Close below
		defer srv.Close()
		target = "http://" + ln.Addr().String() + api.PathExtract
		mem = &memProbe{}
		fmt.Fprintf(out, "target: %s (native handler in-process, GOMAXPROCS=%d)\n", target, runtime.GOMAXPROCS(0))
	} else {
		if err := loopbackOnly(target); err != nil {
			return err
		}
		fmt.Fprintf(out, "target: %s\n", target)
	}
	fmt.Fprintf(out, "body: %s, %d bytes, %s; n=%d c=%d\n", filepath.Base(cfg.file), len(body), cfg.contentType, cfg.n, cfg.c)

	var rssBefore procRSS
	if cfg.rss != "" {
		rssBefore = readRSS(cfg.rss)
	}
	if mem != nil {
		mem.before()
	}
	st := load(cfg, target, body)
	if mem != nil {
		mem.after()
	}
	st.report(out)
	if mem != nil {
		mem.report(out)
	}
	if cfg.rss != "" {
		after := readRSS(cfg.rss)
		fmt.Fprintf(out, "rss of %q: %s before, %s after (%d → %d processes)\n", cfg.rss,
			mb(rssBefore.bytes), mb(after.bytes), rssBefore.procs, after.procs)
	}
	return nil
}

// loopbackOnly refuses any target that is not this machine.
func loopbackOnly(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return err
	}
	host := u.Hostname()
	if ip := net.ParseIP(host); (ip != nil && ip.IsLoopback()) || host == "localhost" {
		return nil
	}
	return fmt.Errorf("refusing to load %q: only loopback addresses (127.0.0.1, ::1, localhost) may be targeted", host)
}

// stats are the outcome of a run.
type stats struct {
	sent      int
	lat       []time.Duration // of successful requests
	status    map[int]int
	transport int
	firstErr  string
	firstBad  string // status and body of the first non-200 answer
	elapsed   time.Duration
	stopped   bool // by -max-time
}

func load(cfg config, target string, body []byte) *stats {
	ctx, cancel := context.WithTimeout(context.Background(), cfg.maxTime)
	defer cancel()
	client := &http.Client{
		Timeout:   cfg.timeout,
		Transport: &http.Transport{MaxIdleConnsPerHost: cfg.c, MaxIdleConns: cfg.c, DisableCompression: true},
	}
	defer client.CloseIdleConnections()

	var next atomic.Int64
	type result struct {
		lat    time.Duration
		status int
		note   string
		err    error
	}
	results := make([]result, cfg.n)
	var wg sync.WaitGroup
	start := time.Now()
	for range cfg.c {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= cfg.n || ctx.Err() != nil {
					return
				}
				t0 := time.Now()
				status, note, err := post(ctx, client, target, cfg.contentType, body)
				results[i] = result{time.Since(t0), status, note, err}
			}
		})
	}
	wg.Wait()
	st := &stats{status: map[int]int{}, elapsed: time.Since(start), stopped: ctx.Err() != nil}
	for _, r := range results {
		switch {
		case r.status == 0 && r.err == nil: // never sent (stopped by -max-time)
		case r.err != nil:
			st.sent++
			st.transport++
			if st.firstErr == "" {
				st.firstErr = r.err.Error()
			}
		default:
			st.sent++
			st.status[r.status]++
			if r.status == http.StatusOK {
				st.lat = append(st.lat, r.lat)
			} else if st.firstBad == "" {
				st.firstBad = fmt.Sprintf("%d %q", r.status, r.note)
			}
		}
	}
	slices.Sort(st.lat)
	return st
}

// post sends one request; the body of a non-200 answer comes back as an
// error-less note for the report.
func post(ctx context.Context, c *http.Client, target, ct string, body []byte) (int, string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		return 0, "", err
	}
	req.Header.Set("Content-Type", ct)
	resp, err := c.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, err := io.ReadAll(io.LimitReader(resp.Body, 300))
		return resp.StatusCode, string(b), err
	}
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return 0, "", err
	}
	return resp.StatusCode, "", nil
}

func (s *stats) report(w io.Writer) {
	errs := s.transport
	var codes []string
	for code, n := range s.status {
		if code != http.StatusOK {
			errs += n
		}
		codes = append(codes, fmt.Sprintf("%d×%d", code, n))
	}
	slices.Sort(codes)
	rate := float64(s.sent) / s.elapsed.Seconds()
	fmt.Fprintf(w, "requests: %d sent in %s, %.1f req/s; errors: %d (statuses %s, transport %d)\n",
		s.sent, s.elapsed.Round(time.Millisecond), rate, errs, strings.Join(codes, " "), s.transport)
	if s.firstErr != "" {
		fmt.Fprintf(w, "first transport error: %s\n", s.firstErr)
	}
	if s.firstBad != "" {
		fmt.Fprintf(w, "first error answer: %s\n", s.firstBad)
	}
	if s.stopped {
		fmt.Fprintln(w, "stopped early by -max-time")
	}
	if len(s.lat) > 0 {
		fmt.Fprintf(w, "latency of 200s: p50 %s, p90 %s, p99 %s, max %s\n",
			pct(s.lat, 50), pct(s.lat, 90), pct(s.lat, 99), s.lat[len(s.lat)-1].Round(time.Microsecond))
	}
}

// pct is the p-th percentile (nearest rank) of sorted durations.
func pct(sorted []time.Duration, p int) time.Duration {
	i := (len(sorted)*p+99)/100 - 1
	return sorted[max(i, 0)].Round(time.Microsecond)
}

// memProbe records the Go heap of this process around the run. The load
// generator shares the process, so the figures include its (small) share.
type memProbe struct {
	b, a       runtime.MemStats
	rssB, rssA int64
}

func (m *memProbe) before() {
	runtime.GC()
	runtime.ReadMemStats(&m.b)
	m.rssB = selfRSS()
}

func (m *memProbe) after() {
	m.rssA = selfRSS()
	runtime.GC()
	runtime.ReadMemStats(&m.a)
}

func (m *memProbe) report(w io.Writer) {
	fmt.Fprintf(w, "go memory (after GC): heap in use %s → %s, sys %s → %s, allocated during the run %s in %d GCs\n",
		mb(int64(m.b.HeapInuse)), mb(int64(m.a.HeapInuse)), mb(int64(m.b.Sys)), mb(int64(m.a.Sys)),
		mb(int64(m.a.TotalAlloc-m.b.TotalAlloc)), m.a.NumGC-m.b.NumGC)
	fmt.Fprintf(w, "process rss: %s before, %s after (server and load generator together)\n", mb(m.rssB), mb(m.rssA))
}

func mb(b int64) string {
	if b < 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.1f MB", float64(b)/1e6)
}

// selfRSS is this process's VmRSS, or -1 where /proc is missing.
func selfRSS() int64 { return statusRSS("/proc/self/status") }

func statusRSS(path string) int64 {
	b, err := os.ReadFile(path)
	if err != nil {
		return -1
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				return -1
			}
			return kb * 1024
		}
	}
	return -1
}

type procRSS struct {
	bytes int64
	procs int
}

// readRSS sums VmRSS over the processes whose command name is name.
func readRSS(name string) procRSS {
	dirs, err := filepath.Glob("/proc/[0-9]*")
	if err != nil || len(dirs) == 0 {
		return procRSS{bytes: -1}
	}
	var r procRSS
	for _, d := range dirs {
		comm, err := os.ReadFile(filepath.Join(d, "comm"))
		if err != nil || strings.TrimSpace(string(comm)) != name {
			continue
		}
		if rss := statusRSS(filepath.Join(d, "status")); rss > 0 {
			r.bytes += rss
			r.procs++
		}
	}
	return r
}
