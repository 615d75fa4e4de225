package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/whosaid/whosaid/internal/pclntab"
	"github.com/whosaid/whosaid/internal/wasmbin"
)

// proseModule is the NLP library whose models weigh 7 MB: the engine in the
// browser must never link it.
const proseModule = "github.com/jdkato/prose"

// goTool runs the go command; gcflags are added to every wasm build, and
// when dataGap is set the binary's data segments less than dataGap bytes
// apart are merged (wasmbin.MergeData) and the function table's
// traceback-only parts are zeroed (pclntab.Strip).
type goTool struct {
	bin     string
	gcflags []string
	dataGap int
}

// pageDataGap merges the page's data segments across any run of zeros
// shorter than a 4 KB page: Go's linker writes 56,000 segments, whose
// addresses and lengths cost 56 KB of the engine's brotli (1,266,291 to
// 1,210,076 bytes; gzip 1,648,683 to 1,554,770) for 550 KB more raw
// zeros. The memory the module starts with is the same. The Worker keeps
// the linker's segments (wasm/worker/build.sh links it).
//
// The same builds then zero the function names, file names and line
// tables of Go's function table (pclntab.Strip), which only tracebacks
// read: 117 KB of the engine's brotli (1,214,567 to 1,097,262 bytes,
// measured on the merged binary). A panic the engine recovers still
// reports its value; a stack with names and lines comes from the CLI or
// the Worker, which run the same engine unstripped.
const pageDataGap = 4096

// pageGCFlags compile some of the page's packages without inlining, which
// in Go's wasm buys little speed for much code and inlining tables. The
// cold ones run once per document (the output's JSON, the metadata), only
// for HTML input (x/net/html, readable, htmltext) or only on errors (fmt),
// and time is linked only for methods nothing calls: 47 KB smaller after
// brotli. attrib and entity run per sentence and per mention, yet showed
// no cost either: 28 KB more. Extract CPU time of 10k words under node,
// medians of five runs: 194.8 ms with inlining everywhere, 193.7 without
// it in the cold packages, 196.4 without it in attrib and entity too (the
// runs spread over ±10%). The other packages keep it: without inlining in
// all of ours, extract takes a third longer. The Worker's build
// (wasm/worker/build.sh) has no such flags. export and minijson (the
// Result's JSON, once per document) came later: 2,733 bytes. Then the
// standard library's packages below the runtime (inlining inside strings
// or sort, not into our calls of them), and engine, checkworthy, claims,
// quote and cue: 13 KB. CPU time of node running Extract 8 times on 10k
// words, three runs each side by side: 1.90 s before, 1.95 after, and 150
// times on the seed 2.09 against 2.08: within the runs' spread (±5%).
// Then segment and tag: 6 KB, and the same CPU time (10k: 1.99 s
// against 1.98; seed: 2.04 against 2.05). Left inlining: the runtime
// (33 KB, but 15% slower), learned (8 KB, 15% slower), text, perceptron
// and wordshape (their small functions run per token: 25% slower). A
// package matching several -gcflags patterns takes the last.
func pageGCFlags(module string) []string {
	var flags []string
	for _, p := range []string{
		"fmt", "time", "reflect", "encoding/json", "golang.org/x/net/...",
		"strings", "strconv", "internal/strconv", "unicode", "unicode/utf8", "sort", "slices",
		"bytes", "sync", "errors", "math", "io", "os", "syscall", "syscall/js", "internal/bisect",
		"internal/godebug", "bufio", "encoding/csv", "internal/fmtsort", "internal/reflectlite",
		module + "/internal/readable", module + "/internal/htmltext", module + "/internal/meta", module + "/wasm/browser",
		module + "/internal/attrib", module + "/internal/entity",
		module + "/internal/export", module + "/internal/minijson",
		module + "/internal/engine", module + "/internal/checkworthy", module + "/internal/claims",
		module + "/internal/quote", module + "/internal/cue", module + "/internal/edges",
		module + "/internal/segment", module + "/internal/tag",
	} {
		flags = append(flags, "-gcflags="+p+"=-l")
	}
	return flags
}

// wasmEnv is the environment of every go command that targets the browser.
func wasmEnv() []string {
	return append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
}

func (g goTool) run(env []string, args ...string) ([]byte, error) {
	cmd := exec.Command(g.bin, args...)
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w\n%s", g.bin, strings.Join(args, " "), err, stderr.Bytes())
	}
	return out, nil
}

// checkNoProse fails when pkg, built for the browser, would import prose.
// It only lists packages, so it answers before the slow build.
func (g goTool) checkNoProse(pkg string) error {
	out, err := g.run(wasmEnv(), "list", "-deps", "-f", "{{.ImportPath}}", pkg)
	if err != nil {
		return err
	}
	return checkDepsNoProse(pkg, strings.Fields(string(out)))
}

// checkDepsNoProse fails when an import path of deps is in the prose module.
func checkDepsNoProse(pkg string, deps []string) error {
	for _, d := range deps {
		if d == proseModule || strings.HasPrefix(d, proseModule+"/") {
			return fmt.Errorf("%s imports %s (through %s): the page must not link prose's 7 MB of models; find the import with: GOOS=js GOARCH=wasm go list -deps -f '{{.ImportPath}}: {{.Imports}}' %s | grep prose", pkg, proseModule, d, pkg)
		}
	}
	return nil
}

// buildWasm compiles pkg for the browser and returns the binary. The flags
// strip the symbol table and DWARF (-s -w), g.gcflags are added, and -trimpath and
// -buildvcs=false make the bytes depend on the sources only, so an
// unchanged engine keeps its hashed name and stays cached.
func (g goTool) buildWasm(pkg string) ([]byte, error) {
	return g.linkWasm(pkg, "-s -w")
}

// buildWasmNamed is buildWasm keeping the function names (-w only), which
// the size table reads to tell whose code is whose; the code and data are
// those of buildWasm's binary.
func (g goTool) buildWasmNamed(pkg string) ([]byte, error) {
	return g.linkWasm(pkg, "-w")
}

func (g goTool) linkWasm(pkg, ldflags string) ([]byte, error) {
	dir, err := os.MkdirTemp("", "whosaid-build-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, wasmName)
	args := append([]string{"build", "-trimpath", "-buildvcs=false", "-ldflags=" + ldflags}, g.gcflags...)
	if _, err := g.run(wasmEnv(), append(args, "-o", out, pkg)...); err != nil {
		return nil, err
	}
	b, err := os.ReadFile(out)
	if err != nil || g.dataGap == 0 {
		return b, err
	}
	if b, err = wasmbin.MergeData(b, g.dataGap); err != nil {
		return nil, err
	}
	stripped, _, err := pclntab.Strip(b)
	if err != nil {
		// A Go release with a new layout: the page still builds and runs,
		// 117 KB heavier (the size goal warns), and pclntab's tests fail.
		fmt.Fprintf(os.Stderr, "warning: %s: function table left whole: %v (internal/pclntab needs this Go's layout)\n", pkg, err)
		return b, nil
	}
	return stripped, nil
}

// wasmExecJS returns the JavaScript support file of the toolchain that
// built the engine: the two must match.
func (g goTool) wasmExecJS() ([]byte, error) {
	out, err := g.run(os.Environ(), "env", "GOROOT")
	if err != nil {
		return nil, err
	}
	root := strings.TrimSpace(string(out))
	// lib/wasm since Go 1.24, misc/wasm before.
	for _, p := range []string{"lib/wasm/wasm_exec.js", "misc/wasm/wasm_exec.js"} {
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p)))
		if err == nil {
			return b, nil
		}
		if !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
	}
	return nil, fmt.Errorf("no wasm_exec.js in GOROOT %s (looked in lib/wasm and misc/wasm)", root)
}

// The markers around the module information the go command embeds in every
// binary (cmd/go/internal/modload). debug/buildinfo cannot read WebAssembly
// files, so the build finds the text between them itself.
const (
	modinfoStart = "\x30\x77\xaf\x0c\x92\x74\x08\x02\x41\xe1\xc1\x07\xe6\xd6\x18\xe6"
	modinfoEnd   = "\xf9\x32\x43\x31\x86\x18\x20\x72\x00\x82\x42\x10\x41\x16\xd8\xf2"
)

var (
	errNoBuildInfo        = errors.New("the wasm has no Go build information")
	errTruncatedBuildInfo = errors.New("the wasm has truncated Go build information")
)

// checkBinaryNoProse fails when the binary's module information lists the
// prose module, or when the binary has none (then nothing can be told).
func checkBinaryNoProse(bin []byte) error {
	bi, err := readBuildInfo(bin)
	if err != nil {
		return fmt.Errorf("%w: cannot check that the engine does not link prose", err)
	}
	for _, m := range bi.Deps {
		if m.Path == proseModule || strings.HasPrefix(m.Path, proseModule+"/") {
			return fmt.Errorf("the engine's wasm links %s %s: the page must not carry prose's 7 MB of models", m.Path, m.Version)
		}
	}
	return nil
}
