// Command build builds the reader's page into dist/: it compiles the engine
// to WebAssembly (./wasm/browser), copies the Go toolchain's wasm_exec.js,
// minifies web/, content-hashes every file but the HTML pages and rewrites
// the references to them, writes brotli and gzip copies beside each file,
// and fails when the page would transfer more than the budget or when the
// engine links the prose models. It also compiles the API Worker
// (./wasm/worker), which is not part of the page, to report its size
// against Cloudflare's limit for a Worker, and fails when it is over.
//
// Usage, from the repository root:
//
//	go run ./build [-web web] [-out dist] [-budget 2000000] [-worker ./wasm/worker] [-parts=false]
package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/andybalholm/brotli"
)

// config is one build.
type config struct {
	web     string // the page's sources
	out     string // the output directory, replaced
	pkg     string // the engine's main package
	goBin   string // the go command
	budget  int64  // the most brotli bytes the page may transfer
	quality int    // brotli quality; 0 means the best (tests trade size for speed)
	worker  string // the API Worker's main package, only measured; "" skips it
	models  string // model files to report, comma-separated; "" reports none
	parts   bool   // weigh the wasm binaries' parts (a second link and brotli of each part)
}

// goal is the transfer size the project aims at; over it the build warns.
const goal = 1_200_000

func main() {
	var c config
	flag.StringVar(&c.web, "web", "web", "directory of the page's sources")
	flag.StringVar(&c.out, "out", "dist", "output directory (replaced on every build)")
	flag.StringVar(&c.pkg, "pkg", "./wasm/browser", "the engine's WebAssembly main package")
	flag.StringVar(&c.goBin, "go", "go", "the go command to build with")
	flag.Int64Var(&c.budget, "budget", 2_000_000, "fail when the brotli-compressed page exceeds this many bytes")
	flag.StringVar(&c.worker, "worker", "./wasm/worker", "the API Worker's main package, built to report its size (\"\" skips it)")
	flag.StringVar(&c.models, "models", defaultModels, "the embedded model files to report the size of, comma-separated")
	flag.BoolVar(&c.parts, "parts", true, "report what each wasm is made of (code by owner, embedded files, data); false builds faster")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "build: unexpected arguments:", flag.Args())
		flag.Usage()
		os.Exit(2)
	}
	if err := run(c, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "build:", err)
		os.Exit(1)
	}
}

// run builds the site described by c, printing the size table to w.
func run(c config, w io.Writer) error {
	if fi, err := os.Stat(c.web); err != nil || !fi.IsDir() {
		return fmt.Errorf("no page sources in %s (-web): the reader's page lives in web/", c.web)
	}
	if err := checkOut(c.out, c.web); err != nil {
		return err
	}
	g := goTool{bin: c.goBin}
	if err := g.checkNoProse(c.pkg); err != nil {
		return err
	}
	// The page's engine is compiled with pageGCFlags and its data segments
	// merged, the Worker's as wasm/worker/build.sh does.
	page := goTool{bin: c.goBin, gcflags: pageGCFlags(mainModule), dataGap: pageDataGap}
	wasm, err := page.buildWasm(c.pkg)
	if err != nil {
		return err
	}
	if err := checkBinaryNoProse(wasm); err != nil {
		return err
	}
	execJS, err := g.wasmExecJS()
	if err != nil {
		return err
	}
	src, err := readWeb(os.DirFS(c.web))
	if err != nil {
		return err
	}
	for name, data := range map[string][]byte{wasmName: wasm, wasmExecName: execJS} {
		if _, ok := src[name]; ok {
			return fmt.Errorf("%s/%s exists, but the build makes it: delete it", c.web, name)
		}
		src[name] = data
	}
	files, err := buildSite(src)
	if err != nil {
		return err
	}
	quality := c.quality
	if quality == 0 {
		quality = brotli.BestCompression
	}
	// The engine's parts and the models are weighed while the files
	// compress: all of it is brotli at its slowest, and the parts need a
	// second link first.
	var (
		engineParts       *wasmParts
		models            []modelReport
		partsErr, modsErr error
		done              = make(chan struct{})
	)
	go func() {
		defer close(done)
		if c.parts {
			engineParts, partsErr = page.measureParts(wasmName, c.pkg, wasm, func(b []byte) ([]byte, error) { return compressBrotli(b, quality) }, false)
		}
		models, modsErr = measureModels(c.models, quality)
	}()
	rep, err := compressAll(files, c.quality)
	<-done
	if err = cmp.Or(err, partsErr, modsErr); err != nil {
		return err
	}
	rep.Budget, rep.Goal, rep.Models = c.budget, goal, models
	if engineParts != nil {
		for _, f := range rep.Files {
			if f.Source == wasmName {
				engineParts.setWhole(0, f.Brotli)
			}
		}
		rep.Parts = append(rep.Parts, engineParts)
	}
	if c.worker != "" {
		var wp *wasmParts
		if rep.Worker, wp, err = measureWorker(g, c.worker, c.parts); err != nil {
			return err
		}
		if wp != nil {
			rep.Parts = append(rep.Parts, wp)
		}
	}
	if err := writeOut(c.out, files, rep); err != nil {
		return err
	}
	rep.print(w)
	return rep.check()
}

// The files the build adds to the page's sources, as web/ refers to them.
const (
	wasmName     = "engine.wasm"
	wasmExecName = "wasm_exec.js"
)

// mainModule is this repository's module path, for pageGCFlags.
const mainModule = "github.com/whosaid/whosaid"

// errBudget marks a build over its size budget.
var errBudget = errors.New("over budget")
