// Command loadtest sends a bounded burst of POST /api/extract requests to a
// whosaid API on this machine and reports throughput, latency percentiles,
// errors and memory.
//
//	go run ./cmd/loadtest -file ../shared/seed/text/syria-final-battle.txt            # native handler, in-process
//	go run ./cmd/loadtest -url http://127.0.0.1:8787/api/extract -rss workerd -file … # a running Worker (wrangler dev)
//	go run ./cmd/loadtest -url … -rss workerd -rss-pgid 1234 -oversize -native -warmup 2000 -n 1000 -c 16 -file …   # make loadtest-worker
//
// Without -url it starts the native handler (internal/api) in-process on
// 127.0.0.1 and reports Go memory statistics before and after; with -rss
// (a process name) or -rss-pgid (a process group, e.g. wrangler's) it
// samples the resident memory of those processes (from /proc) and reports
// it before, at the peak, 200 requests before the end and after. -oversize
// sends a body over the API's limit before, in the middle of and after the
// run, each of which must be answered 413; -native then runs the same load
// on the in-process native handler, for a figure from the same run. It only
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
	rssPgid                     int
	n, c, warmup                int
	timeout, maxTime            time.Duration
	oversize, native            bool
}

func run(args []string, out io.Writer) error {
	var cfg config
	fs := flag.NewFlagSet("loadtest", flag.ContinueOnError)
	fs.StringVar(&cfg.url, "url", "", "extract URL to load (loopback only); empty: start the native handler in-process")
	fs.StringVar(&cfg.file, "file", "", "article file to POST (required)")
	fs.StringVar(&cfg.contentType, "type", "text/plain; charset=utf-8", "Content-Type of the body")
	fs.IntVar(&cfg.n, "n", 10000, "number of requests")
	fs.IntVar(&cfg.c, "c", 32, "concurrent requests")
	fs.IntVar(&cfg.warmup, "warmup", 0, "with -url: send this many requests first, unmeasured (the runtime's JIT and heap settle)")
	fs.DurationVar(&cfg.timeout, "timeout", 30*time.Second, "timeout of one request")
	fs.DurationVar(&cfg.maxTime, "max-time", 5*time.Minute, "stop sending after this long, whatever -n says")
	fs.StringVar(&cfg.rss, "rss", "", "report the summed RSS of processes with this name (e.g. workerd)")
	fs.IntVar(&cfg.rssPgid, "rss-pgid", 0, "report the summed RSS of the processes in this process group (e.g. wrangler's)")
	fs.BoolVar(&cfg.oversize, "oversize", false, "send a body over the API's limit before, in the middle of and after the run; each must get 413")
	fs.BoolVar(&cfg.native, "native", false, "with -url: then run the same load on the in-process native handler, for comparison")
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

	if cfg.url == "" {
		return runNative(cfg, body, out)
	}
	if err := loopbackOnly(cfg.url); err != nil {
		return err
	}
	fmt.Fprintf(out, "target: %s\n", cfg.url)
	fmt.Fprintf(out, "body: %s, %d bytes, %s; n=%d c=%d\n", filepath.Base(cfg.file), len(body), cfg.contentType, cfg.n, cfg.c)
	var rss *rssProbe
	if cfg.rss != "" || cfg.rssPgid > 0 {
		what := strings.TrimSpace(strings.Join([]string{strconv.Quote(cfg.rss), fmt.Sprintf("in process group %d", cfg.rssPgid)}, " "))
		switch {
		case cfg.rss == "":
			what = fmt.Sprintf("process group %d", cfg.rssPgid)
		case cfg.rssPgid == 0:
			what = strconv.Quote(cfg.rss)
		}
		rss = newRSSProbe(what, func() procRSS { return readProcs(cfg.rss, cfg.rssPgid) })
	}
	if cfg.warmup > 0 {
		w := cfg
		w.n, w.oversize = cfg.warmup, false
		ws := load(w, cfg.url, body, nil)
		fmt.Fprintf(out, "warm-up: %d requests, %d failed (not counted below)\n", ws.sent, ws.failures())
	}
	st := load(cfg, cfg.url, body, rss)
	st.report(out)
	if rss != nil {
		rss.report(out, st.sent)
	}
	if cfg.native {
		fmt.Fprintln(out, "-- the same load on the native handler, in-process, same run:")
		if err := runNative(cfg, body, out); err != nil {
			return err
		}
	}
	if bad := st.failures(); bad > 0 {
		return fmt.Errorf("%d requests failed", bad)
	}
	return nil
}

// runNative loads the native handler, started in-process on 127.0.0.1.
func runNative(cfg config, body []byte, out io.Writer) error {
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
	target := "http://" + ln.Addr().String() + api.PathExtract
	fmt.Fprintf(out, "target: %s (native handler in-process, GOMAXPROCS=%d)\n", target, runtime.GOMAXPROCS(0))
	fmt.Fprintf(out, "body: %s, %d bytes, %s; n=%d c=%d\n", filepath.Base(cfg.file), len(body), cfg.contentType, cfg.n, cfg.c)
	mem := &memProbe{}
	mem.before()
	st := load(cfg, target, body, nil)
	mem.after()
	st.report(out)
	mem.report(out)
	if bad := st.failures(); bad > 0 {
		return fmt.Errorf("%d requests failed", bad)
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
	// oversize are the statuses of the over-limit requests (before, middle,
	// after), 0 for a network error.
	oversize []int
}

// failures counts the requests that did not get the answer they should.
func (s *stats) failures() int {
	bad := s.transport
	for code, n := range s.status {
		if code != http.StatusOK {
			bad += n
		}
	}
	for _, code := range s.oversize {
		if code != http.StatusRequestEntityTooLarge {
			bad++
		}
	}
	return bad
}

func load(cfg config, target string, body []byte, rss *rssProbe) *stats {
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
	var oversize []byte
	var overStatus []int
	var overMu sync.Mutex
	refuse := func() {
		status, _, _ := post(ctx, client, target, "text/plain; charset=utf-8", oversize)
		overMu.Lock()
		overStatus = append(overStatus, status)
		overMu.Unlock()
	}
	if cfg.oversize {
		oversize = bytes.Repeat([]byte("a"), api.MaxBody+100<<10)
		refuse()
	}
	if rss != nil {
		rss.start()
	}
	var done atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for range cfg.c {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= cfg.n || ctx.Err() != nil {
					return
				}
				if cfg.oversize && i == cfg.n/2 {
					refuse()
				}
				t0 := time.Now()
				status, note, err := post(ctx, client, target, cfg.contentType, body)
				results[i] = result{time.Since(t0), status, note, err}
				if d := done.Add(1); rss != nil && int(d) == cfg.n-200 {
					rss.mark()
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	if rss != nil {
		rss.stop()
	}
	if cfg.oversize {
		refuse()
	}
	st := &stats{status: map[int]int{}, elapsed: elapsed, stopped: ctx.Err() != nil, oversize: overStatus}
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
	if len(s.oversize) > 0 {
		fmt.Fprintf(w, "over-limit bodies (before, middle, after): statuses %v (want 413; 0 is a network error)\n", s.oversize)
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
	cpu   time.Duration // user and system time so far
}

// rssProbe samples the resident memory of some processes during a run.
type rssProbe struct {
	what string
	read func() procRSS

	before, at, after procRSS // at: 200 requests before the end
	peak              int64
	mu                sync.Mutex
	stopCh, doneCh    chan struct{}
}

func newRSSProbe(what string, read func() procRSS) *rssProbe {
	return &rssProbe{what: what, read: read, at: procRSS{bytes: -1}}
}

// start records the memory before the run and samples it every 50 ms.
func (p *rssProbe) start() {
	p.before = p.read()
	p.peak = p.before.bytes
	p.stopCh, p.doneCh = make(chan struct{}), make(chan struct{})
	go func() {
		defer close(p.doneCh)
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-p.stopCh:
				return
			case <-tick.C:
				r := p.read()
				p.mu.Lock()
				p.peak = max(p.peak, r.bytes)
				p.mu.Unlock()
			}
		}
	}()
}

// mark records the memory when all but the last 200 requests are done.
func (p *rssProbe) mark() {
	r := p.read()
	p.mu.Lock()
	p.at = r
	p.peak = max(p.peak, r.bytes)
	p.mu.Unlock()
}

func (p *rssProbe) stop() {
	close(p.stopCh)
	<-p.doneCh
	p.after = p.read()
	p.peak = max(p.peak, p.after.bytes)
}

func (p *rssProbe) report(w io.Writer, requests int) {
	fmt.Fprintf(w, "rss of %s: %s before, %s peak, %s after (%d → %d processes)\n",
		p.what, mb(p.before.bytes), mb(p.peak), mb(p.after.bytes), p.before.procs, p.after.procs)
	if cpu := p.after.cpu - p.before.cpu; requests > 0 && cpu > 0 {
		per := cpu / time.Duration(requests)
		fmt.Fprintf(w, "cpu time of %s: %s for %d requests, %s a request (%.0f req/s if they had a core to themselves)\n",
			p.what, cpu.Round(10*time.Millisecond), requests, per.Round(10*time.Microsecond), float64(time.Second)/float64(per))
	}
	if p.at.bytes >= 0 {
		fmt.Fprintf(w, "rss over the last 200 requests: %s → %s (%+.1f MB)\n",
			mb(p.at.bytes), mb(p.after.bytes), float64(p.after.bytes-p.at.bytes)/1e6)
	}
}

// readProcs sums VmRSS and CPU time over the processes whose command name
// is name ("": any) in process group pgid (0: any).
func readProcs(name string, pgid int) procRSS {
	dirs, err := filepath.Glob("/proc/[0-9]*")
	if err != nil || len(dirs) == 0 {
		return procRSS{bytes: -1}
	}
	var r procRSS
	for _, d := range dirs {
		stat, err := os.ReadFile(filepath.Join(d, "stat"))
		if err != nil {
			continue
		}
		// "pid (comm) state ppid pgrp ... utime stime ...": comm may hold
		// spaces, so split after its closing parenthesis.
		open, end := bytes.IndexByte(stat, '('), bytes.LastIndexByte(stat, ')')
		if open < 0 || end < open {
			continue
		}
		f := strings.Fields(string(stat[end+1:]))
		if len(f) < 13 || (name != "" && string(stat[open+1:end]) != name) || (pgid > 0 && f[2] != strconv.Itoa(pgid)) {
			continue
		}
		if rss := statusRSS(filepath.Join(d, "status")); rss > 0 {
			r.bytes += rss
			r.procs++
			ut, _ := strconv.ParseInt(f[11], 10, 64)
			st, _ := strconv.ParseInt(f[12], 10, 64)
			r.cpu += time.Duration(ut+st) * time.Second / clockTicks
		}
	}
	return r
}

// clockTicks is USER_HZ, the unit of CPU times in /proc/PID/stat: 100 on
// every Linux platform Go supports.
const clockTicks = 100
