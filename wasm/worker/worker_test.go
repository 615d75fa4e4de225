//go:build !js

package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/whosaid/whosaid/internal/api"
	"github.com/whosaid/whosaid/internal/api/apitest"
	"github.com/whosaid/whosaid/internal/engine"
)

// WranglerVersion is the wrangler the tests and the Makefile install.
const WranglerVersion = "4.86.0"

// installHint tells how to get wrangler, from the repository root.
// `make deps` runs npm ci, which installs the version package-lock.json pins.
const installHint = "make deps   (npm ci: wrangler@" + WranglerVersion + " from package-lock.json)"

// TestWorkerMatchesNative builds the Worker, serves it with `wrangler dev`
// (workerd, offline) and sends the API's whole request table to it and to
// the native handler: status, Content-Type, the API's own headers and the
// body must be byte for byte the same. Nothing is normalised.
func TestWorkerMatchesNative(t *testing.T) {
	e, err := engine.New()
	if err != nil {
		t.Fatalf("engine.New: %v", err)
	}
	base, logs := startWorker(t)
	native := httptest.NewServer(api.New(e))
	defer native.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	client := &http.Client{Timeout: time.Minute}
	for _, c := range apitest.Cases() {
		t.Run(c.Name, func(t *testing.T) {
			want, err := c.Do(ctx, client, native.URL)
			if err != nil {
				t.Fatalf("native: %v", err)
			}
			got, err := c.Do(ctx, client, base)
			if err != nil {
				t.Fatalf("worker: %v", err)
			}
			if got.Status != want.Status {
				t.Errorf("status: worker %d, native %d (worker body %.300q)", got.Status, want.Status, got.Body)
			}
			for _, h := range []string{
				"Content-Type", "Allow", "Cache-Control", "X-Content-Type-Options",
				"Access-Control-Allow-Origin", "Access-Control-Allow-Methods",
				"Access-Control-Allow-Headers", "Access-Control-Max-Age", "Access-Control-Allow-Credentials",
			} {
				if g, w := got.Header.Get(h), want.Header.Get(h); g != w {
					t.Errorf("%s: worker %q, native %q", h, g, w)
				}
			}
			if !bytes.Equal(got.Body, want.Body) {
				t.Errorf("body:\nworker %.400q\nnative %.400q", got.Body, want.Body)
			}
			if err := c.Check(e, got); err != nil {
				t.Errorf("worker answer: %v", err)
			}
		})
	}
	if t.Failed() {
		t.Logf("wrangler output:\n%s", logs.String())
	}
}

// startWorker builds the Worker into a temporary folder and serves it with
// `wrangler dev` until t ends. WHOSAID_SKIP_WORKER=1 skips the test, for
// quick local runs only: CI never sets it.
func startWorker(t *testing.T) (base string, logs *syncBuffer) {
	t.Helper()
	if os.Getenv("WHOSAID_SKIP_WORKER") == "1" {
		t.Skip("WHOSAID_SKIP_WORKER=1: not testing the Worker")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	wrangler := findWrangler(root)
	if wrangler == "" {
		t.Fatalf("wrangler is missing; install it from the repository root with\n\t%s\n(or set WHOSAID_WRANGLER to a wrangler binary; WHOSAID_SKIP_WORKER=1 skips this test for quick local runs)", installHint)
	}
	dir := t.TempDir()
	build := exec.Command("bash", filepath.Join(root, "wasm/worker/build.sh"), filepath.Join(dir, "build"))
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the worker: %v\n%s", err, out)
	} else {
		t.Logf("%s", bytes.TrimSpace(out))
	}
	toml, err := os.ReadFile("wrangler.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "wrangler.toml"), toml, 0o644); err != nil {
		t.Fatal(err)
	}
	return startWrangler(t, wrangler, dir)
}

// findWrangler looks in $WHOSAID_WRANGLER, the project-local install, then
// $PATH.
func findWrangler(root string) string {
	if p := os.Getenv("WHOSAID_WRANGLER"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return ""
		}
		return p
	}
	local := filepath.Join(root, "node_modules/.bin/wrangler")
	if _, err := os.Stat(local); err == nil {
		return local
	}
	if p, err := exec.LookPath("wrangler"); err == nil {
		return p
	}
	return ""
}

// startWrangler runs `wrangler dev` for the Worker in dir on a free port
// and waits until it answers. It is stopped (with workerd) when t ends.
func startWrangler(t *testing.T, wrangler, dir string) (base string, logs *syncBuffer) {
	t.Helper()
	port, inspector := freePort(t), freePort(t)
	cmd := exec.Command(wrangler, "dev", "--ip", "127.0.0.1", "--port", strconv.Itoa(port),
		"--inspector-port", strconv.Itoa(inspector), "--config", filepath.Join(dir, "wrangler.toml"))
	cmd.Dir = dir
	// Metrics off and config/logs in the temp folder: nothing leaves the
	// machine or lands in the user's home.
	cmd.Env = append(os.Environ(), "WRANGLER_SEND_METRICS=false", "XDG_CONFIG_HOME="+filepath.Join(dir, ".config"))
	logs = &syncBuffer{}
	cmd.Stdout, cmd.Stderr = logs, logs
	ownGroup(cmd)
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting wrangler: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		stopGroup(cmd, syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
		}
		stopGroup(cmd, syscall.SIGKILL) // workerd may outlive wrangler
		waitGroupGone(cmd, 5*time.Second)
	})

	base = "http://127.0.0.1:" + strconv.Itoa(port)
	deadline := time.Now().Add(2 * time.Minute)
	for {
		select {
		case err := <-exited:
			t.Fatalf("wrangler dev exited before it was ready: %v\n%s", err, logs.String())
		default:
		}
		if err := ping(base); err == nil {
			return base, logs
		} else if time.Now().After(deadline) {
			t.Fatalf("wrangler dev not ready after 2 minutes: %v\n%s", err, logs.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func ping(base string) error {
	c := http.Client{Timeout: 5 * time.Second}
	resp, err := c.Get(base + api.PathHealth)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		return fmt.Errorf("health: %s", resp.Status)
	}
	return nil
}

// freePort asks the kernel for a port that is free now.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	addr, ok := l.Addr().(*net.TCPAddr)
	if !ok {
		t.Fatalf("unexpected address %v", l.Addr())
	}
	return addr.Port
}

// syncBuffer collects wrangler's output from two pipes at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
