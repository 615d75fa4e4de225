// Package browsertest is the machinery the browser test suites
// (internal/webtest, internal/embedtest) share: finding the repository and
// Debian's chromium, building the site, one environment per test binary
// torn down in TestMain, one headless browser, a request log for the test
// servers, and a tab that records what the page reported as wrong.
//
// Only _test.go files import it, so it (and chromedp) never reaches a
// shipped binary. What is particular to one suite (its servers, proxies,
// probes, screenshot policy) stays in that suite.
package browsertest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// RepoRoot returns the repository root, found from this source file so it
// does not depend on the test's working directory.
func RepoRoot() (string, error) {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "", errors.New("cannot find browsertest's source file")
	}
	root := filepath.Join(filepath.Dir(file), "..", "..")
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		return "", fmt.Errorf("repository root not found at %s: %w", root, err)
	}
	return filepath.Abs(root)
}

// Run runs a command in dir, killed after timeout; a failure's error
// carries the command's output.
func Run(dir string, timeout time.Duration, name string, args ...string) error {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, out)
	}
	return nil
}

// BuildSite builds the site as it ships (go run ./build -out out),
// without the size table's parts, which the tests do not read and which
// cost a second link and brotli of every part.
func BuildSite(root, out string) error {
	return Run(root, 5*time.Minute, "go", "run", "./build", "-out", out, "-parts=false")
}

// Cleanup is a stack of teardowns, run last first.
type Cleanup struct {
	mu  sync.Mutex
	fns []func()
}

// Add pushes f.
func (c *Cleanup) Add(f func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.fns = append(c.fns, f)
}

// TempDir makes a temporary directory removed by Run.
func (c *Cleanup) TempDir(prefix string) (string, error) {
	d, err := os.MkdirTemp("", prefix)
	if err != nil {
		return "", err
	}
	c.Add(func() { os.RemoveAll(d) })
	return d, nil
}

// Run calls the teardowns, last added first, and forgets them.
func (c *Cleanup) Run() {
	c.mu.Lock()
	fns := c.fns
	c.fns = nil
	c.mu.Unlock()
	for i := len(fns) - 1; i >= 0; i-- {
		fns[i]()
	}
}

// Shared is an environment (servers, a browser) built once for all the
// tests of a binary, on first use, and torn down by Main.
type Shared[E any] struct {
	get     func() (E, error)
	cleanup Cleanup
}

// NewShared returns the environment setup builds; setup registers its
// teardowns on the Cleanup it is given, which run even when it fails.
func NewShared[E any](setup func(*Cleanup) (E, error)) *Shared[E] {
	s := &Shared[E]{}
	s.get = sync.OnceValues(func() (E, error) { return setup(&s.cleanup) })
	return s
}

// Get returns the environment or ends the test: skipped only when
// WHOSAID_SKIP_BROWSER=1, failed when the setup failed (a missing chromium
// is a failure, so CI cannot pass without running the tests).
func (s *Shared[E]) Get(t testing.TB) E {
	t.Helper()
	if os.Getenv("WHOSAID_SKIP_BROWSER") == "1" {
		t.Skip("WHOSAID_SKIP_BROWSER=1: browser tests skipped")
	}
	e, err := s.get()
	if err != nil {
		t.Fatalf("browser test setup: %v", err)
	}
	return e
}

// Main runs the tests, then the environment's teardowns: call it from
// TestMain.
func (s *Shared[E]) Main(m *testing.M) {
	code := m.Run()
	s.cleanup.Run()
	os.Exit(code)
}
