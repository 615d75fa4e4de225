package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/whosaid/whosaid/internal/engine"
	"github.com/whosaid/whosaid/internal/export"
)

// runCLI runs the command in-process.
func runCLI(args []string, stdin string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestErrors checks every usage and input error: its exit status and its
// one line on stderr, with nothing on stdout.
func TestErrors(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"unknown command", []string{"bogus"}, 2, `whosaid: unknown command "bogus" (run 'whosaid help')`},
		{"unknown top flag", []string{"--bogus"}, 2, `whosaid: flag provided but not defined: --bogus (run 'whosaid help')`},
		{"help for unknown", []string{"help", "bogus"}, 2, `whosaid: no help for unknown command "bogus" (run 'whosaid help')`},
		{"unknown format", []string{"extract", "--format", "xml", "testdata/article.txt"}, 2,
			`whosaid: unknown format "xml" (want json, csv, md, annotation, claimreview)`},
		{"unknown flag", []string{"extract", "--bogus"}, 2,
			`whosaid: extract: flag provided but not defined: -bogus (run 'whosaid help extract')`},
		{"flag without value", []string{"extract", "--format"}, 2,
			`whosaid: extract: flag needs an argument: -format (run 'whosaid help extract')`},
		{"unknown type", []string{"extract", "--type", "text/rtf", "testdata/article.txt"}, 2,
			`whosaid: unknown type "text/rtf" (want text/plain or text/html)`},
		{"missing file", []string{"extract", "testdata/missing.txt"}, 2,
			`whosaid: testdata/missing.txt: no such file or directory`},
		{"directory as file", []string{"extract", "testdata"}, 2,
			`whosaid: testdata is a directory, not an article`},
		{"two files", []string{"extract", "a.txt", "b.txt"}, 2,
			`whosaid: extract takes one FILE, got 2: a.txt b.txt`},
		{"invalid UTF-8", []string{"extract", "testdata/bad-utf8.txt"}, 1,
			`whosaid: testdata/bad-utf8.txt: the text is not valid UTF-8: byte 0xff at line 1, column 16 (byte 15)`},
		{"NUL byte", []string{"extract", "testdata/nul.txt"}, 1,
			`whosaid: testdata/nul.txt: the text contains a NUL character at line 1, column 10 (byte 9); is it a binary file?`},
		{"eval without dir", []string{"eval"}, 2,
			`whosaid: eval takes one corpus DIR, got 0 (run 'whosaid help eval')`},
		{"eval missing dir", []string{"eval", "testdata/missing"}, 2,
			`whosaid: eval: stat testdata/missing: no such file or directory`},
		{"eval no text dir", []string{"eval", "testdata/corpus-notext"}, 2,
			`whosaid: eval: testdata/corpus-notext: not a corpus directory: no text/ subdirectory; want text/NAME.txt and attributions/NAME_*.ann`},
		{"eval no txt files", []string{"eval", "testdata/corpus-empty"}, 2,
			`whosaid: eval: testdata/corpus-empty: not a corpus directory: no .txt files in text/`},
		{"eval no gold", []string{"eval", "testdata/corpus-nogold"}, 2,
			`whosaid: eval: testdata/corpus-nogold: no attributions/ subdirectory: the scorer needs the gold annotations`},
		{"eval scorer flag missing", []string{"eval", "--scorer", "testdata/nope.py", "testdata/corpus"}, 2,
			`whosaid: eval: --scorer testdata/nope.py: no such file`},
		{"eval scorer not found", []string{"eval", "testdata/corpus"}, 2,
			`whosaid: eval: scorer not found (tried ../shared/bench/score.py, bench/score.py, testdata/bench/score.py); pass --scorer PATH`},
		{"eval no python", []string{"eval", "--python", "no-such-python-3", "--scorer", "testdata/fakescore.sh", "testdata/corpus"}, 1,
			`whosaid: eval: no-such-python-3 not found: the scorer needs it (install it or pass --python)`},
		{"eval bad errors", []string{"eval", "--errors", "many", "testdata/corpus"}, 2,
			`whosaid: eval: invalid value "many" for flag -errors: parse error (run 'whosaid help eval')`},
		{"serve missing dir", []string{"serve", "--dir", "testdata/nodist"}, 2,
			`whosaid: serve: testdata/nodist: no such directory; build the site first or pass --dir`},
		{"serve argument", []string{"serve", "now"}, 2,
			`whosaid: serve takes no arguments, got "now" (run 'whosaid help serve')`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(tt.args, "")
			if code != tt.code || stderr != tt.stderr+"\n" || stdout != "" {
				t.Errorf("whosaid %s\n got %d, stderr %q, stdout %q\nwant %d, stderr %q",
					strings.Join(tt.args, " "), code, stderr, stdout, tt.code, tt.stderr+"\n")
			}
		})
	}
}

// TestExtract checks that every format, from a file or stdin, with flags
// before or after the file, prints exactly what the exporter writes for the
// engine's result.
func TestExtract(t *testing.T) {
	article, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	e, err := engine.New()
	if err != nil {
		t.Fatal(err)
	}
	res, err := e.Extract(context.Background(), engine.Input{Text: string(article)}, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range export.Formats() {
		var want bytes.Buffer
		if err := export.Write(&want, res, format); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			args  []string
			stdin string
		}{
			{[]string{"extract", "--format", format, "testdata/article.txt"}, ""},
			{[]string{"extract", "testdata/article.txt", "--format=" + format}, ""},
			{[]string{"extract", "--format", format}, string(article)},
			{[]string{"extract", "--format", format, "-"}, string(article)},
			{[]string{"extract", "--format", format, "--", "-"}, string(article)},
		} {
			code, stdout, stderr := runCLI(tc.args, tc.stdin)
			if code != 0 || stderr != "" || stdout != want.String() {
				t.Errorf("whosaid %s: exit %d, stderr %q\n got %q\nwant %q", strings.Join(tc.args, " "), code, stderr, stdout, want.String())
			}
		}
	}
	// json is the default.
	if _, stdout, _ := runCLI([]string{"extract", "testdata/article.txt"}, ""); !json.Valid([]byte(stdout)) {
		t.Errorf("default format is not json: %q", stdout)
	}
}

// TestExtractType checks the input type: html by extension, plain
// otherwise, and --type overriding both.
func TestExtractType(t *testing.T) {
	tests := []struct {
		args     []string
		stdin    string
		wantTags bool // the result's text still has the markup
	}{
		{[]string{"extract", "testdata/article.html"}, "", false},
		{[]string{"extract", "--type", "text/plain", "testdata/article.html"}, "", true},
		{[]string{"extract"}, "<p>\"Hi,\" she said.</p>", true},
		{[]string{"extract", "--type", "html"}, "<p>\"Hi,\" she said.</p>", false},
		{[]string{"extract", "--type", "text/html", "-"}, "<p>\"Hi,\" she said.</p>", false},
	}
	for _, tt := range tests {
		code, stdout, stderr := runCLI(tt.args, tt.stdin)
		var res engine.Result
		if code != 0 || json.Unmarshal([]byte(stdout), &res) != nil {
			t.Fatalf("whosaid %s: exit %d, stderr %q, stdout %q", strings.Join(tt.args, " "), code, stderr, stdout)
		}
		if got := strings.Contains(res.Text, "<p>"); got != tt.wantTags {
			t.Errorf("whosaid %s: text %q, want markup kept: %v", strings.Join(tt.args, " "), res.Text, tt.wantTags)
		}
	}
}

func TestHelpAndVersion(t *testing.T) {
	tests := []struct {
		args []string
		code int
		out  string // a line stdout (or stderr, for status 2) must contain
	}{
		{[]string{"help"}, 0, "whosaid finds who said what"},
		{[]string{"-h"}, 0, "whosaid finds who said what"},
		{[]string{"--help"}, 0, "Exit status: 0 success"},
		{[]string{"help", "extract"}, 0, "Usage: whosaid extract"},
		{[]string{"help", "eval"}, 0, "Usage: whosaid eval"},
		{[]string{"help", "serve"}, 0, "Usage: whosaid serve"},
		{[]string{"extract", "-h"}, 0, "Usage: whosaid extract"},
		{[]string{"eval", "--help"}, 0, "Usage: whosaid eval"},
		{[]string{"serve", "-h"}, 0, "Usage: whosaid serve"},
		{[]string{"version"}, 0, "whosaid " + engine.Version + " (go"},
		{[]string{"--version"}, 0, "whosaid " + engine.Version},
		{nil, 2, "Usage:"},
	}
	for _, tt := range tests {
		code, stdout, stderr := runCLI(tt.args, "")
		got := stdout
		if tt.code == 2 {
			got = stderr
		}
		if code != tt.code || !strings.Contains(got, tt.out) {
			t.Errorf("whosaid %s: exit %d, stdout %q, stderr %q; want %d and %q",
				strings.Join(tt.args, " "), code, stdout, stderr, tt.code, tt.out)
		}
	}
}

// TestEval runs eval over the tiny corpus with a fake scorer (a shell
// script, so no Python is needed) and checks what the scorer was given.
func TestEval(t *testing.T) {
	code, stdout, stderr := runCLI([]string{"eval", "--python", "sh", "--scorer", "testdata/fakescore.sh",
		"--errors", "3", "--workers", "2", "testdata/corpus"}, "")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	wantOut := "fake scorer: gold testdata/corpus, extra args: --errors 3\n" +
		"a.json {\"version\"\n" +
		"b.json {\"version\"\n"
	if stdout != wantOut {
		t.Errorf("stdout %q, want %q", stdout, wantOut)
	}
	wantErr := regexp.MustCompile(`^whosaid: eval: 1/2 documents\nwhosaid: eval: 2/2 documents\n` +
		`whosaid: eval: 2 documents in [0-9.]+s \([0-9.]+/s, 2 workers\), 0 failed\n$`)
	if !wantErr.MatchString(stderr) {
		t.Errorf("stderr %q, want %s", stderr, wantErr)
	}
}

func TestEvalScorerFails(t *testing.T) {
	code, _, stderr := runCLI([]string{"eval", "--python", "sh", "--scorer", "testdata/failscore.sh", "testdata/corpus"}, "")
	want := "scorer: boom\nwhosaid: eval: the scorer (sh testdata/failscore.sh) failed: exit status 3\n"
	if code != 1 || !strings.HasSuffix(stderr, want) {
		t.Errorf("exit %d, stderr %q; want 1 and a stderr ending in %q", code, stderr, want)
	}
}

// TestEvalRealScorer runs eval with the real scorer on the seed article:
// ../shared (next to the repository) and python3 must be there.
func TestEvalRealScorer(t *testing.T) {
	seed := filepath.Join("..", "..", "..", "shared", "seed")
	if _, err := os.Stat(filepath.Join(seed, "..", "bench", "score.py")); err != nil {
		t.Fatalf("this test needs ../shared next to the repository (the seed article and bench/score.py): %v", err)
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Fatalf("this test needs python3 to run ../shared/bench/score.py: %v", err)
	}
	code, stdout, stderr := runCLI([]string{"eval", seed}, "")
	if code != 0 {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", code, stdout, stderr)
	}
	if !regexp.MustCompile(`(?m)^docs 1 .* failed docs 0  bad offsets 0 `).MatchString(stdout) ||
		!regexp.MustCompile(`(?m)^attribution_e2e_F1 [0-9.]+$`).MatchString(stdout) {
		t.Errorf("unexpected scorer output:\n%s", stdout)
	}
}

// syncBuffer is a bytes.Buffer safe to read while the server writes.
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

// TestServe starts the server on a free port, fetches the page, then
// stops it with SIGINT as a reader's Ctrl-C would.
func TestServe(t *testing.T) {
	dist := t.TempDir()
	if err := os.WriteFile(filepath.Join(dist, "index.html"), []byte("<!doctype html><title>whosaid</title>"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run([]string{"serve", "--addr", "127.0.0.1:0", "--dir", dist}, strings.NewReader(""), &stdout, &stderr)
	}()

	served := regexp.MustCompile(`whosaid: serving .* at (http://127\.0\.0\.1:\d+/), API at /api/\n`)
	var base string
	for deadline := time.Now().Add(10 * time.Second); base == ""; time.Sleep(20 * time.Millisecond) {
		if m := served.FindStringSubmatch(stderr.String()); m != nil {
			base = m[1]
		}
		select {
		case code := <-done:
			t.Fatalf("serve ended early with %d: %s", code, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("server did not start: %q", stderr.String())
		}
	}
	resp, err := http.Get(base)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "<title>whosaid</title>") {
		t.Errorf("GET %s: %d %q", base, resp.StatusCode, body)
	}

	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != 0 || !strings.Contains(stderr.String(), "whosaid: shutting down\n") {
			t.Errorf("exit %d, stderr %q", code, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("server did not stop on SIGINT")
	}
}

// TestEvalFailedDoc checks that an article the engine rejects is reported,
// the others are still scored, and the exit status says something failed.
func TestEvalFailedDoc(t *testing.T) {
	code, stdout, stderr := runCLI([]string{"eval", "--python", "sh", "--scorer", "testdata/fakescore.sh", "testdata/corpus-bad"}, "")
	wantOut := "fake scorer: gold testdata/corpus-bad, extra args: \na.json {\"version\"\n"
	if code != 1 || stdout != wantOut {
		t.Errorf("exit %d, stdout %q; want 1, %q", code, stdout, wantOut)
	}
	for _, line := range []string{
		"whosaid: eval: bad: the text is not valid UTF-8: byte 0xff at line 1, column 16 (byte 15)\n",
		"whosaid: eval: 1 of 2 documents failed (they score as nothing found)\n",
	} {
		if !strings.Contains(stderr, line) {
			t.Errorf("stderr %q lacks %q", stderr, line)
		}
	}
}

// TestProgress checks both faces of the progress display: a bar redrawn in
// place on a terminal, a line per quarter elsewhere.
func TestProgress(t *testing.T) {
	var plain bytes.Buffer
	p := newProgress(&plain, 8)
	for i := 1; i <= 8; i++ {
		p.update(i)
	}
	p.finish()
	want := "whosaid: eval: 2/8 documents\nwhosaid: eval: 4/8 documents\nwhosaid: eval: 6/8 documents\nwhosaid: eval: 8/8 documents\n"
	if plain.String() != want {
		t.Errorf("plain progress %q, want %q", plain.String(), want)
	}

	var tty bytes.Buffer
	start := time.Now()
	p = &progress{w: &tty, tty: true, total: 4, start: start, now: func() time.Time { return start }}
	p.update(1) // drawn: the first update
	p.update(2) // skipped: too soon after the last
	p.printf("a message\n")
	p.update(4) // drawn: the last
	p.finish()
	want = "\r[=======                       ] 1/4 0s\r\033[Ka message\n\r[==============================] 4/4 0s\n"
	if tty.String() != want {
		t.Errorf("terminal progress %q, want %q", tty.String(), want)
	}
}
