// Command benchhostile runs the engine on every hostile input of
// internal/hostile, and on an ordinary article of the same size, and prints
// the time and the peak memory of each:
//
//	go run ./build/benchhostile [-sizes 100000,1000000] [-cases said-that,mix] [-timeout 120s] [-json FILE]
//	go run ./build/benchhostile -child said-that:100000 -profile /tmp/said   # one case, with pprof profiles
//
// `make bench-hostile` builds it and runs it on one core (taskset -c 0).
// Every case runs in a process of its own — this program started again
// with -child — so that the peak resident memory the kernel reports for
// that process (getrusage's ru_maxrss) belongs to that case alone; it
// includes the loaded models and the generated text, as a real run would.
// The time is the engine's Extract and the writing of its JSON answer (to
// nowhere), measured in the child: wall-clock, and the CPU time (user and
// system, all threads: the garbage collector's too) that a loaded machine
// does not inflate; the ratio to the ordinary article and the bounds are
// judged on CPU time where it is known. Each case
// is marked "over" when it exceeds the bounds the engine is held to: 1 s
// and 200 MB at 100 KB, 10 s and 400 MB at 1 MB (scaled linearly between).
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/whosaid/whosaid/internal/engine"
	"github.com/whosaid/whosaid/internal/export"
	"github.com/whosaid/whosaid/internal/hostile"
)

// childResult is what a child prints on stdout.
type childResult struct {
	Seconds float64 `json:"seconds"`
	CPU     float64 `json:"cpu_seconds"` // user and system time, all threads
	Bytes   int     `json:"bytes"`
	Output  int     `json:"output"` // bytes of the JSON result
	Claims  int     `json:"claims"`
	Sources int     `json:"sources"`
}

// row is one measured case.
type row struct {
	Case    string  `json:"case"`
	Size    int     `json:"size"`
	Seconds float64 `json:"seconds"`
	CPU     float64 `json:"cpu_seconds"`
	PeakMB  float64 `json:"peak_mb"`
	OutMB   float64 `json:"output_mb"`
	Ratio   float64 `json:"ratio"` // time() over the ordinary article's
	Claims  int     `json:"claims"`
	Sources int     `json:"sources"`
	Over    bool    `json:"over"`
	Error   string  `json:"error,omitempty"`
}

func main() {
	child := flag.String("child", "", "internal: run one case (NAME:SIZE) and print its figures")
	sizes := flag.String("sizes", "100000,1000000", "comma-separated sizes in bytes")
	cases := flag.String("cases", "", "comma-separated case names (default: all)")
	timeout := flag.Duration("timeout", 120*time.Second, "kill a case that runs longer")
	jsonOut := flag.String("json", "", "also write the rows as JSON to this file")
	profile := flag.String("profile", "", "with -child: write CPU and heap profiles to this prefix (.cpu, .heap)")
	flag.Parse()
	if *child != "" {
		if err := runChild(*child, *profile); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	if err := runAll(*sizes, *cases, *timeout, *jsonOut); err != nil {
		fmt.Fprintln(os.Stderr, "benchhostile:", err)
		os.Exit(1)
	}
}

func runChild(spec, profile string) error {
	name, sz, ok := strings.Cut(spec, ":")
	n, err := strconv.Atoi(sz)
	if !ok || err != nil {
		return fmt.Errorf("bad -child %q: want NAME:SIZE", spec)
	}
	c, ok := hostile.Find(name)
	if !ok {
		return fmt.Errorf("no case %q", name)
	}
	e, err := engine.New()
	if err != nil {
		return err
	}
	txt := c.Gen(n)
	if profile != "" {
		f, err := os.Create(profile + ".cpu")
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
		runtime.MemProfileRate = 64 << 10
		defer func() {
			if h, err := os.Create(profile + ".heap"); err == nil {
				_ = pprof.Lookup("allocs").WriteTo(h, 0)
				h.Close()
			}
		}()
	}
	start, cpu0 := time.Now(), cpuTime()
	res, err := e.Extract(context.Background(), engine.Input{Text: txt, Type: c.Type}, engine.Options{})
	if err != nil {
		return err
	}
	// The JSON answer is part of the cost: the CLI and the API write it.
	var cw countWriter
	if err := export.Write(&cw, res, "json"); err != nil {
		return err
	}
	took, cpu := time.Since(start), cpuTime()-cpu0
	return json.NewEncoder(os.Stdout).Encode(childResult{took.Seconds(), cpu.Seconds(), len(txt), cw.n, len(res.Claims), len(res.Sources)})
}

func runAll(sizeList, caseList string, timeout time.Duration, jsonOut string) error {
	var sizes []int
	for _, s := range strings.Split(sizeList, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			return fmt.Errorf("bad size %q", s)
		}
		sizes = append(sizes, n)
	}
	names := []string{}
	if caseList != "" {
		for _, s := range strings.Split(caseList, ",") {
			if _, ok := hostile.Find(s); !ok {
				return fmt.Errorf("no case %q", s)
			}
			if s != hostile.OrdinaryName {
				names = append(names, s)
			}
		}
	} else {
		for _, c := range hostile.Cases() {
			names = append(names, c.Name)
		}
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	var rows []row
	fmt.Printf("%-22s %9s %9s %8s %8s %9s %8s %7s %7s  %s\n", "case", "bytes", "time(s)", "cpu(s)", "ratio", "peak(MB)", "out(MB)", "claims", "sources", "")
	for _, n := range sizes {
		maxSec, maxMB := bounds(n)
		base := measure(self, hostile.OrdinaryName, n, timeout)
		base.Ratio = 1
		rows = append(rows, base)
		print(base, maxSec, maxMB)
		for _, name := range names {
			r := measure(self, name, n, timeout)
			if t, b := r.time(), base.time(); b > 0 && r.Error == "" {
				r.Ratio = t / b
			}
			r.Over = r.Error != "" || r.time() > maxSec || r.PeakMB > maxMB
			rows = append(rows, r)
			print(r, maxSec, maxMB)
		}
	}
	if jsonOut != "" {
		b, _ := json.MarshalIndent(rows, "", "  ")
		if err := os.MkdirAll(filepath.Dir(jsonOut), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(jsonOut, append(b, '\n'), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// time is the CPU time when known, the wall-clock time otherwise: on a
// machine shared with other work the wall clock counts their time too.
func (r row) time() float64 {
	if r.CPU > 0 {
		return r.CPU
	}
	return r.Seconds
}

// bounds are the time and memory the engine must stay within at n bytes:
// 1 s and 200 MB at 100 KB, 10 s and 400 MB at 1 MB, linear between and
// beyond.
func bounds(n int) (sec, mb float64) {
	x := float64(n-100_000) / 900_000
	return max(1, 1+9*x), max(200, 200+200*x)
}

func print(r row, maxSec, maxMB float64) {
	mark := ""
	if r.Over {
		mark = fmt.Sprintf("OVER (bounds %.0f s, %.0f MB)", maxSec, maxMB)
	}
	if r.Error != "" {
		mark += " " + r.Error
	}
	fmt.Printf("%-22s %9d %9.3f %8.3f %8.2f %9.1f %8.2f %7d %7d  %s\n", r.Case, r.Size, r.Seconds, r.CPU, r.Ratio, r.PeakMB, r.OutMB, r.Claims, r.Sources, mark)
}

// measure runs one case in a child process and reads its peak RSS.
func measure(self, name string, n int, timeout time.Duration) row {
	r := row{Case: name, Size: n}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, self, "-child", fmt.Sprintf("%s:%d", name, n))
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	r.PeakMB = peakMB(cmd.ProcessState)
	if ctx.Err() != nil {
		r.Error = fmt.Sprintf("killed after %v", timeout)
		r.Seconds, r.PeakMB = timeout.Seconds(), 0 // the peak so far says little
		return r
	}
	if err != nil {
		r.Error = strings.TrimSpace(err.Error() + ": " + errb.String())
		return r
	}
	var c childResult
	if err := json.Unmarshal(out.Bytes(), &c); err != nil {
		r.Error = "bad child output: " + err.Error()
		return r
	}
	r.Size, r.Seconds, r.CPU, r.Claims, r.Sources = c.Bytes, c.Seconds, c.CPU, c.Claims, c.Sources
	r.OutMB = float64(c.Output) / (1 << 20)
	return r
}

// countWriter counts what is written to it and keeps nothing.
type countWriter struct{ n int }

func (w *countWriter) Write(p []byte) (int, error) { w.n += len(p); return len(p), nil }
