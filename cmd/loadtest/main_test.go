package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestLoopbackOnly(t *testing.T) {
	tests := []struct {
		url string
		ok  bool
	}{
		{"http://127.0.0.1:8787/api/extract", true},
		{"http://localhost:8080/api/extract", true},
		{"http://[::1]:8080/api/extract", true},
		{"http://127.9.9.9/x", true},
		{"http://10.0.0.1/api/extract", false},
		{"http://192.168.1.2/api/extract", false},
		{"https://example.org/api/extract", false},
	}
	for _, tt := range tests {
		if err := loopbackOnly(tt.url); (err == nil) != tt.ok {
			t.Errorf("loopbackOnly(%q) = %v, want ok=%v", tt.url, err, tt.ok)
		}
	}
}

func TestPct(t *testing.T) {
	var d []time.Duration
	for i := 1; i <= 100; i++ {
		d = append(d, time.Duration(i)*time.Millisecond)
	}
	for p, want := range map[int]time.Duration{50: 50 * time.Millisecond, 99: 99 * time.Millisecond, 100: 100 * time.Millisecond} {
		if got := pct(d, p); got != want {
			t.Errorf("pct(%d) = %v, want %v", p, got, want)
		}
	}
}

// TestRunInProcess runs a tiny load against the in-process native handler.
func TestRunInProcess(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(file, []byte(`"We will rebuild," the mayor said on Monday.`), 0o644); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := run([]string{"-file", file, "-n", "20", "-c", "2"}, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"20 sent", "errors: 0", "p99", "heap in use"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
	if err := run([]string{"-file", file, "-url", "http://10.1.2.3/api/extract"}, &out); err == nil {
		t.Error("a non-loopback target was accepted")
	}
}

// TestOversize: the over-limit bodies are sent and must be refused.
func TestOversize(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(file, []byte(`"We will rebuild," the mayor said on Monday.`), 0o644); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := run([]string{"-file", file, "-n", "10", "-c", "2", "-oversize"}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "statuses [413 413 413]") {
		t.Errorf("report lacks the three 413s:\n%s", out.String())
	}
}
