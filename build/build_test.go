package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/js"

	"github.com/whosaid/whosaid/internal/site"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// The stand-ins for the two generated files, so these tests need no
// compiler.
var (
	fakeWasm     = "\x00asm\x01\x00\x00\x00 the engine"
	fakeWasmExec = "\"use strict\";\n(() => {\n  globalThis.Go = class { constructor() { this.importObject = {}; } };\n})();\n"
)

// testSources reads a testdata tree and adds the generated files.
func testSources(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	src, err := readWeb(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	src[wasmName] = []byte(fakeWasm)
	src[wasmExecName] = []byte(fakeWasmExec)
	return src
}

func testSite(t *testing.T) []outFile {
	t.Helper()
	files, err := buildSite(testSources(t, "testdata/web"))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// listing renders the built site for the golden file: text files in full,
// others by their hash.
func listing(files []outFile) string {
	var b strings.Builder
	for _, f := range files {
		fmt.Fprintf(&b, "== %s (from %s)\n", f.Name, f.Source)
		if mediaType(f.Source) != "" {
			b.Write(f.Data)
			b.WriteString("\n")
		} else {
			fmt.Fprintf(&b, "sha256 %x\n", sha256.Sum256(f.Data))
		}
	}
	return b.String()
}

func TestBuildSiteGolden(t *testing.T) {
	got := listing(testSite(t))
	golden := "testdata/golden/site.txt"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./build -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("the built site differs from %s (go test ./build -update rewrites it); got:\n%s", golden, got)
	}
}

func TestReadWebSkips(t *testing.T) {
	src, err := readWeb(os.DirFS("testdata/web"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for n := range src {
		names = append(names, n)
	}
	slices.Sort(names)
	want := []string{"app.js", "data/cues.json", "embed.html", "engine-worker.js", "img/bg.png", "img/logo.svg", "index.html", "lib/util.js", "manifest.webmanifest", "style.css"}
	if !slices.Equal(names, want) {
		t.Errorf("read %v\nwant %v", names, want)
	}
	if _, err := readWeb(os.DirFS("testdata/web/lib")); err == nil || !strings.Contains(err.Error(), "index.html") {
		t.Errorf("sources without index.html: err = %v", err)
	}
}

// Every hashed name is the hash of the file's final bytes, every reference
// in the output names a file of the output, and no reference to a source
// name survives.
func TestHashesAndReferences(t *testing.T) {
	files := testSite(t)
	src := testSources(t, "testdata/web")
	out := map[string]bool{}
	for _, f := range files {
		out[f.Name] = true
	}
	for _, f := range files {
		if hashed(f.Source) {
			sum := sha256.Sum256(f.Data)
			if want := site.HashedName(f.Source, hex.EncodeToString(sum[:])[:site.HashLen]); f.Name != want {
				t.Errorf("%s: named %s, want %s", f.Source, f.Name, want)
			}
			if !site.IsHashed(path.Base(f.Name)) {
				t.Errorf("the server will not see %s as hashed", f.Name)
			}
		} else if f.Name != f.Source {
			t.Errorf("page %s renamed %s", f.Source, f.Name)
		}
		if mediaType(f.Source) == "" {
			continue
		}
		isSource := func(n string) bool { _, ok := src[n]; return ok && hashed(n) }
		if refs := findRefs(f.Name, f.Data, isSource); len(refs) > 0 {
			t.Errorf("%s still names %s", f.Name, f.Data[refs[0].start:refs[0].end])
		}
		// What the file names now must exist.
		for _, r := range findRefs(f.Name, f.Data, func(n string) bool { return site.IsHashed(path.Base(n)) || out[n] }) {
			if !out[r.target] {
				t.Errorf("%s names %s, which the build did not write", f.Name, r.target)
			}
		}
	}
	// Spot checks of the ways a file names another.
	byName := map[string]string{}
	for _, f := range files {
		byName[f.Source] = f.Name
	}
	find := func(source string) string {
		for _, f := range files {
			if f.Source == source {
				return string(f.Data)
			}
		}
		t.Fatalf("no output for %s", source)
		return ""
	}
	for _, tc := range []struct{ in, want string }{
		{"index.html", "./" + byName["app.js"]},                                    // quoted, ./
		{"index.html", "src=" + byName["img/logo.svg"]},                            // unquoted attribute
		{"index.html", "/" + byName["manifest.webmanifest"]},                       // root-relative
		{"index.html", "embed.html"},                                               // pages keep their names
		{"index.html", "https://example.org/app.js"},                               // not ours
		{"app.js", "./" + byName["lib/util.js"]},                                   // module import
		{"app.js", path.Base(byName["engine-worker.js"])},                          // new URL(…, import.meta.url)
		{"app.js", byName["data/cues.json"] + "?v=1"},                              // template literal, query kept
		{"app.js", "app.js is the page"},                                           // a sentence is not a reference
		{"lib/util.js", "../" + byName["img/logo.svg"]},                            // up the tree
		{"engine-worker.js", byName[wasmExecName]},                                 // importScripts
		{"engine-worker.js", byName[wasmName]},                                     // fetch
		{"style.css", byName["img/bg.png"]},                                        // url("…")
		{"style.css", "url(" + byName["img/logo.svg"] + ")"},                       // url(…)
		{"manifest.webmanifest", byName["img/logo.svg"]},                           // JSON
		{"data/cues.json", "../" + byName["img/logo.svg"]},                         // JSON in a subdirectory
		{"embed.html", byName["app.js"]},                                           // a second page
		{"style.css", "#333"},                                                      // minified
		{"img/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"16\""}, // minified, comment gone
	} {
		if got := find(tc.in); !strings.Contains(got, tc.want) {
			t.Errorf("%s: want %q in\n%s", tc.in, tc.want, got)
		}
	}
}

// The minified scripts must still parse as what they are: ES modules (the
// page's) and classic scripts (the worker).
func TestScriptsStayValid(t *testing.T) {
	for _, f := range testSite(t) {
		if mediaType(f.Source) != "text/javascript" {
			continue
		}
		if _, err := js.Parse(parse.NewInputBytes(f.Data), js.Options{}); err != nil {
			t.Errorf("%s does not parse after minifying: %v\n%s", f.Name, err, f.Data)
		}
	}
	files := map[string]string{}
	for _, f := range testSite(t) {
		files[f.Source] = string(f.Data)
	}
	if s := files["app.js"]; !strings.Contains(s, "import{greet}from") || !strings.Contains(s, "export const worker") || !strings.Contains(s, "import.meta.url") {
		t.Errorf("app.js lost its module syntax:\n%s", s)
	}
}

func TestCycle(t *testing.T) {
	_, err := buildSite(testSources(t, "testdata/cycle"))
	if err == nil || !strings.Contains(err.Error(), "a.js → b.js → a.js") {
		t.Fatalf("err = %v, want the cycle a.js → b.js → a.js", err)
	}
}

func TestOrder(t *testing.T) {
	for _, tc := range []struct {
		name  string
		deps  map[string][]string
		want  []string
		cycle string
	}{
		{"chain", map[string][]string{"a": {"b"}, "b": {"c"}}, []string{"c", "b", "a"}, ""},
		{"diamond", map[string][]string{"a": {"b", "c"}, "b": {"d"}, "c": {"d"}}, []string{"d", "b", "c", "a"}, ""},
		{"self", map[string][]string{"a": {"a"}}, nil, "a → a"},
		{"long cycle", map[string][]string{"a": {"b"}, "b": {"c"}, "c": {"b"}}, nil, "b → c → b"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := order([]string{"a", "b", "c", "d"}, tc.deps)
			if tc.cycle != "" {
				if err == nil || !strings.Contains(err.Error(), tc.cycle) {
					t.Fatalf("err = %v, want cycle %s", err, tc.cycle)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got[:len(tc.want)], tc.want) {
				t.Errorf("order = %v, want it to start %v", got, tc.want)
			}
		})
	}
}

// Two builds of the same sources write the same bytes.
func TestDeterministic(t *testing.T) {
	var trees [2]map[string][]byte
	for i := range trees {
		files := testSite(t)
		rep, err := compressAll(files, 0)
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(t.TempDir(), "dist")
		if err := writeOut(out, files, rep); err != nil {
			t.Fatal(err)
		}
		trees[i] = readTree(t, out)
	}
	if len(trees[0]) != len(trees[1]) {
		t.Fatalf("%d files, then %d", len(trees[0]), len(trees[1]))
	}
	for name, b := range trees[0] {
		if !bytes.Equal(b, trees[1][name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
	// Every file but the already compressed image has its two copies.
	for name := range trees[0] {
		if strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz") || name == sizeFile {
			continue
		}
		_, br := trees[0][name+".br"]
		_, gz := trees[0][name+".gz"]
		if want := !storedAsIs(name); br != want || gz != want {
			t.Errorf("%s: .br %v, .gz %v, want %v", name, br, gz, want)
		}
	}
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	tree := map[string][]byte{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(filepath.Join(dir, p))
		tree[p] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

func TestCompressedCopiesDecode(t *testing.T) {
	files := testSite(t)
	rep, err := compressAll(files, 0)
	if err != nil {
		t.Fatal(err)
	}
	var total sizes
	for i, f := range files {
		row := rep.Files[i]
		if row.Name != f.Name || row.Raw != int64(len(f.Data)) {
			t.Errorf("row %d = %+v for %s", i, row, f.Name)
		}
		total.Raw += row.Raw
		total.Gzip += row.Gzip
		total.Brotli += row.Brotli
		c, ok := rep.compressed[f.Name]
		if !ok {
			continue
		}
		zr, err := gzip.NewReader(bytes.NewReader(c[1]))
		if err != nil {
			t.Fatal(err)
		}
		for enc, r := range map[string]io.Reader{"brotli": brotli.NewReader(bytes.NewReader(c[0])), "gzip": zr} {
			if got, err := io.ReadAll(r); err != nil || !bytes.Equal(got, f.Data) {
				t.Errorf("%s of %s does not decode to the file (err %v)", enc, f.Name, err)
			}
		}
		if row.Brotli != int64(len(c[0])) || row.Gzip != int64(len(c[1])) {
			t.Errorf("%s: row %+v for copies of %d and %d bytes", f.Name, row, len(c[0]), len(c[1]))
		}
	}
	if total != rep.Total {
		t.Errorf("total %+v, rows add up to %+v", rep.Total, total)
	}
}

func TestBudget(t *testing.T) {
	rep, err := compressAll(testSite(t), 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		budget int64
		fail   bool
	}{
		{rep.Total.Brotli, false},
		{rep.Total.Brotli - 1, true},
		{10, true},
	} {
		rep.Budget, rep.Goal = tc.budget, tc.budget
		err := rep.check()
		if (err != nil) != tc.fail {
			t.Errorf("budget %d for %d bytes: err = %v", tc.budget, rep.Total.Brotli, err)
		}
		if err != nil && (!errors.Is(err, errBudget) || !strings.Contains(err.Error(), fmt.Sprint(tc.budget))) {
			t.Errorf("the error should name the budget: %v", err)
		}
	}
	var table bytes.Buffer
	rep.print(&table)
	if !strings.Contains(table.String(), "total") || !strings.Contains(table.String(), fmt.Sprint(rep.Total.Brotli)) {
		t.Errorf("the table lacks the totals:\n%s", table.String())
	}
}

// TestWorkerLimit: the report names the Worker's size, and the build fails
// when the Worker is over Cloudflare's limit, whatever the page weighs.
func TestWorkerLimit(t *testing.T) {
	for _, tc := range []struct {
		gzip int64
		fail bool
	}{
		{workerGzipLimit, false},
		{workerGzipLimit + 1, true},
	} {
		rep := &report{Budget: 1000, Goal: 1000,
			Worker: &workerReport{Package: "./wasm/worker", Raw: 3 * tc.gzip, Gzip: tc.gzip, Limit: workerGzipLimit}}
		err := rep.check()
		if (err != nil) != tc.fail || err != nil && !errors.Is(err, errBudget) {
			t.Errorf("Worker of %d bytes gzip: err = %v", tc.gzip, err)
		}
		var table bytes.Buffer
		rep.print(&table)
		if !strings.Contains(table.String(), fmt.Sprintf("%d gzip", tc.gzip)) {
			t.Errorf("the table does not give the Worker's size:\n%s", table.String())
		}
	}
}

func TestCheckOut(t *testing.T) {
	dir := t.TempDir()
	mk := func(name string, files ...string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if err := os.WriteFile(filepath.Join(p, f), nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return p
	}
	web := mk("web", "index.html")
	for _, tc := range []struct {
		name, out string
		ok        bool
	}{
		{"missing", filepath.Join(dir, "nope"), true},
		{"empty", mk("empty"), true},
		{"previous build", mk("prev", sizeFile, "index.html"), true},
		{"someone's files", mk("docs", "notes.txt"), false},
		{"the sources", web, false},
		{"above the sources", dir, false},
	} {
		if err := checkOut(tc.out, web); (err == nil) != tc.ok {
			t.Errorf("%s: err = %v", tc.name, err)
		}
	}
}

func TestRunNeedsWeb(t *testing.T) {
	err := run(config{web: filepath.Join(t.TempDir(), "web"), out: t.TempDir(), goBin: "go", pkg: "./testdata/hello"}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "no page sources") {
		t.Errorf("err = %v", err)
	}
}

func TestCheckDepsNoProse(t *testing.T) {
	for _, tc := range []struct {
		deps []string
		fail bool
	}{
		{[]string{"fmt", "github.com/whosaid/whosaid/internal/engine"}, false},
		{[]string{"fmt", "github.com/jdkato/prose/v2"}, true},
		{[]string{"github.com/jdkato/prose/v2/internal/model"}, true},
		{[]string{"github.com/jdkato/prosemirror"}, false},
	} {
		if err := checkDepsNoProse("./x", tc.deps); (err != nil) != tc.fail {
			t.Errorf("%v: err = %v", tc.deps, err)
		}
	}
}

func TestCheckBinaryNoProse(t *testing.T) {
	info := func(deps ...string) []byte {
		s := "path\tgithub.com/whosaid/whosaid/wasm/browser\nmod\tgithub.com/whosaid/whosaid\t(devel)\t\n"
		for _, d := range deps {
			s += "dep\t" + d + "\tv1.0.0\th1:AAAA\n"
		}
		return []byte("\x00asm junk" + modinfoStart + s + modinfoEnd + "more junk")
	}
	for _, tc := range []struct {
		name string
		bin  []byte
		fail bool
	}{
		{"clean", info("golang.org/x/net"), false},
		{"prose", info("golang.org/x/net", "github.com/jdkato/prose/v2"), true},
		{"no build info", []byte("\x00asm"), true},
		{"truncated", []byte("\x00asm" + modinfoStart + "path\tx\n"), true},
	} {
		if err := checkBinaryNoProse(tc.bin); (err != nil) != tc.fail {
			t.Errorf("%s: err = %v", tc.name, err)
		}
	}
}

// The real go command: listing finds prose without compiling anything, and
// a tiny program builds to wasm whose build information reads clean.
func TestGoCommand(t *testing.T) {
	g := goTool{bin: "go"}
	if err := g.checkNoProse("./testdata/proseuser"); err == nil || !strings.Contains(err.Error(), proseModule) {
		t.Errorf("checkNoProse(proseuser) = %v, want a prose error", err)
	}
	if err := g.checkNoProse("./testdata/hello"); err != nil {
		t.Error(err)
	}
	if testing.Short() {
		t.Skip("compiling to wasm is slow; -short skips it")
	}
	bin, err := g.buildWasm("./testdata/hello")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(bin, []byte("\x00asm")) {
		t.Errorf("not a wasm module: % x", bin[:8])
	}
	if err := checkBinaryNoProse(bin); err != nil {
		t.Error(err)
	}
	js, err := g.wasmExecJS()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(js, []byte("globalThis.Go")) {
		t.Error("wasm_exec.js does not define globalThis.Go")
	}
}

// Whatever a file holds, the references found lie inside it, in order.
func FuzzFindRefs(f *testing.F) {
	for _, s := range []string{`import './a.js'`, `url(img/x.svg)`, `<img src=a.js>`, "`a.js?v=1`", `"a.js#x" 'b.js'`, `"../a.js"`, `'/a.js'`} {
		f.Add(s)
	}
	known := func(n string) bool { return n == "a.js" || n == "img/x.svg" || n == "d/b.js" }
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, r := range findRefs("d/b.js", []byte(s), known) {
			if r.start < last || r.end <= r.start || r.end > len(s) {
				t.Fatalf("bad ref %+v in %q", r, s)
			}
			if !known(r.target) || r.target == "d/b.js" {
				t.Fatalf("ref to %q", r.target)
			}
			last = r.end
		}
	})
}

// The whole build with the real toolchain, on the test page and the tiny
// program: it writes the site, then fails over budget with the site
// written, so size.json shows why.
func TestRun(t *testing.T) {
	if testing.Short() {
		t.Skip("compiling to wasm is slow; -short skips it")
	}
	out := filepath.Join(t.TempDir(), "dist")
	c := config{web: "testdata/web", out: out, pkg: "./testdata/hello", goBin: "go", budget: 50_000_000, quality: 1, parts: true}
	var table bytes.Buffer
	if err := run(c, &table); err != nil {
		t.Fatal(err)
	}
	tree := readTree(t, out)
	for _, name := range []string{"index.html", "index.html.br", "index.html.gz", "embed.html", sizeFile} {
		if _, ok := tree[name]; !ok {
			t.Errorf("no %s in the output", name)
		}
	}
	var wasm, execJS int
	for name := range tree {
		switch {
		case strings.HasPrefix(name, "engine.") && strings.HasSuffix(name, ".wasm"):
			wasm++
		case strings.HasPrefix(name, "wasm_exec.") && strings.HasSuffix(name, ".js"):
			execJS++
		}
	}
	if wasm != 1 || execJS != 1 {
		t.Errorf("%d engine wasm and %d wasm_exec.js in the output, want one each", wasm, execJS)
	}
	if !strings.Contains(table.String(), "total") || !strings.Contains(table.String(), wasmName+" by part") {
		t.Errorf("no size table, or no table of the wasm's parts:\n%s", table.String())
	}
	c.budget = 1000
	err := run(c, &bytes.Buffer{})
	if !errors.Is(err, errBudget) {
		t.Fatalf("err = %v, want over budget", err)
	}
	if _, err := os.Stat(filepath.Join(out, sizeFile)); err != nil {
		t.Errorf("the failed build left no %s: %v", sizeFile, err)
	}
}

// The worker's placeholder for the engine's size becomes the number, in
// any quote, and a file without it is left alone.
func TestWasmSizeInjected(t *testing.T) {
	src := map[string][]byte{
		"index.html":       []byte(`<script src="engine-worker.js"></script>`),
		"engine-worker.js": []byte("const a = Number('__WHOSAID_WASM_BYTES__'), b = \"__WHOSAID_WASM_BYTES__\", c = `__WHOSAID_WASM_BYTES__`; fetch('engine.wasm');"),
		"other.js":         []byte(`const x = 'not the placeholder';`),
		wasmName:           []byte(fakeWasm),
	}
	files, err := buildSite(src)
	if err != nil {
		t.Fatal(err)
	}
	n := strconv.Itoa(len(fakeWasm))
	for _, f := range files {
		switch f.Source {
		case "engine-worker.js":
			if bytes.Contains(f.Data, []byte("__WHOSAID")) || bytes.Count(f.Data, []byte(n)) != 3 {
				t.Errorf("worker not injected with %s: %s", n, f.Data)
			}
		case "other.js":
			if !bytes.Contains(f.Data, []byte("not the placeholder")) {
				t.Errorf("other.js changed: %s", f.Data)
			}
		}
	}
	if !strings.Contains(string(src["engine-worker.js"]), "__WHOSAID_WASM_BYTES__") {
		t.Error("the sources were changed in place")
	}
}
