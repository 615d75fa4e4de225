package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/andybalholm/brotli"
)

// sizeFile is the report the build writes into the output directory.
const sizeFile = "size.json"

// sizes are the bytes of one file, or of all: as is, gzip and brotli.
type sizes struct {
	Raw    int64 `json:"raw"`
	Gzip   int64 `json:"gzip"`
	Brotli int64 `json:"brotli"`
}

// fileReport is one row of size.json.
type fileReport struct {
	Name   string `json:"name"`
	Source string `json:"source"`
	sizes
}

// report is size.json: what each file weighs on the wire, and the totals
// the budget applies to (brotli, which every browser accepts over HTTPS).
type report struct {
	Files  []fileReport `json:"files"`
	Total  sizes        `json:"total"`
	Budget int64        `json:"budget"`
	Goal   int64        `json:"goal"`
	// Worker is the API Worker's wasm, which is not part of the page.
	Worker *workerReport `json:"worker,omitempty"`
	// Models are the model files the wasm embeds, each weighed alone.
	Models []modelReport `json:"models,omitempty"`
	// Parts split engine.wasm (brotli) and the Worker's wasm (gzip) into
	// code by owner, embedded files and the rest: see parts.go.
	Parts []*wasmParts `json:"parts,omitempty"`

	compressed map[string][2][]byte // name → brotli, gzip; nil for stored files
}

// storedAsIs reports whether name is already compressed, so that brotli
// and gzip would only add bytes; it is served and counted as it is.
func storedAsIs(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".woff", ".woff2":
		return true
	}
	return false
}

// compressAll compresses every file with gzip at its best and brotli at
// quality (0: the best).
func compressAll(files []outFile, quality int) (*report, error) {
	if quality == 0 {
		quality = brotli.BestCompression
	}
	rep := &report{Files: []fileReport{}, compressed: map[string][2][]byte{}}
	for _, f := range files {
		raw := int64(len(f.Data))
		row := fileReport{Name: f.Name, Source: f.Source, sizes: sizes{raw, raw, raw}}
		if !storedAsIs(f.Name) {
			br, err := compressBrotli(f.Data, quality)
			if err != nil {
				return nil, fmt.Errorf("brotli %s: %w", f.Name, err)
			}
			gz, err := compressGzip(f.Data)
			if err != nil {
				return nil, fmt.Errorf("gzip %s: %w", f.Name, err)
			}
			rep.compressed[f.Name] = [2][]byte{br, gz}
			row.Brotli, row.Gzip = int64(len(br)), int64(len(gz))
		}
		rep.Files = append(rep.Files, row)
		rep.Total.Raw += row.Raw
		rep.Total.Gzip += row.Gzip
		rep.Total.Brotli += row.Brotli
	}
	return rep, nil
}

// compressBrotli uses the largest window browsers accept (2^24), which
// helps the multi-megabyte wasm.
func compressBrotli(b []byte, quality int) ([]byte, error) {
	var buf bytes.Buffer
	w := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: quality, LGWin: 24})
	return finish(&buf, w, b)
}

// compressGzip writes no name and no time in the header, so the output
// depends on the input only.
func compressGzip(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	return finish(&buf, w, b)
}

func finish(buf *bytes.Buffer, w io.WriteCloser, b []byte) ([]byte, error) {
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// workerReport is the API Worker's wasm: Cloudflare limits a Worker's
// upload by its gzip size.
type workerReport struct {
	Package string `json:"package"`
	Raw     int64  `json:"raw"`
	Gzip    int64  `json:"gzip"`
	Limit   int64  `json:"gzip_limit"`
}

// workerGzipLimit is the Workers free plan's limit on a Worker, gzip
// compressed: 3 MiB (paid plans allow 10 MiB).
const workerGzipLimit = 3 << 20

// measureWorker compiles the Worker's main package as the Worker build
// does (wasm/worker/build.sh) and weighs it, and by part when parts is set.
func measureWorker(g goTool, pkg string, parts bool) (*workerReport, *wasmParts, error) {
	wasm, err := g.buildWasm(pkg)
	if err != nil {
		return nil, nil, fmt.Errorf("building the Worker %s: %w", pkg, err)
	}
	gz, err := compressGzip(wasm)
	if err != nil {
		return nil, nil, err
	}
	var wp *wasmParts
	if parts {
		if wp, err = g.measureParts(pkg, pkg, wasm, compressGzip, true); err != nil {
			return nil, nil, err
		}
		wp.setWhole(int64(len(gz)), 0)
	}
	return &workerReport{Package: pkg, Raw: int64(len(wasm)), Gzip: int64(len(gz)), Limit: workerGzipLimit}, wp, nil
}

// print writes the size table: one row a file, then the totals.
func (r *report) print(w io.Writer) {
	width := len("total")
	for _, f := range r.Files {
		width = max(width, len(f.Name))
	}
	row := func(name string, s sizes) {
		fmt.Fprintf(w, "%-*s %10d %10d %10d\n", width, name, s.Raw, s.Gzip, s.Brotli)
	}
	fmt.Fprintf(w, "%-*s %10s %10s %10s\n", width, "file", "raw", "gzip", "brotli")
	for _, f := range r.Files {
		row(f.Name, f.sizes)
	}
	row("total", r.Total)
	fmt.Fprintf(w, "brotli transfer %d bytes: budget %d, goal %d\n", r.Total.Brotli, r.Budget, r.Goal)
	if r.Total.Brotli > r.Goal && r.Total.Brotli <= r.Budget {
		fmt.Fprintf(w, "warning: %d bytes over the goal\n", r.Total.Brotli-r.Goal)
	}
	printModels(w, r.Models)
	for _, p := range r.Parts {
		printParts(w, p)
	}
	if wr := r.Worker; wr != nil {
		fmt.Fprintf(w, "API Worker (%s, not in the page): wasm %d bytes raw, %d gzip; limit %d gzip (%d to spare)\n",
			wr.Package, wr.Raw, wr.Gzip, wr.Limit, wr.Limit-wr.Gzip)
	}
}

// check fails when the page transfers more than the budget, or when the
// Worker is too big to deploy.
func (r *report) check() error {
	if r.Total.Brotli > r.Budget {
		return fmt.Errorf("%w: the page transfers %d bytes brotli-compressed, %d more than the budget of %d (-budget); see %s for the files",
			errBudget, r.Total.Brotli, r.Total.Brotli-r.Budget, r.Budget, sizeFile)
	}
	if wr := r.Worker; wr != nil && wr.Gzip > wr.Limit {
		return fmt.Errorf("%w: the API Worker's wasm is %d bytes gzip-compressed, %d more than Cloudflare's limit of %d for a Worker",
			errBudget, wr.Gzip, wr.Gzip-wr.Limit, wr.Limit)
	}
	return nil
}

// checkOut refuses an output directory that could hold anything but a
// previous build, since the build replaces it: it must not exist, be
// empty, or hold a size.json; and it must not be or contain the sources.
func checkOut(out, web string) error {
	ao, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	aw, err := filepath.Abs(web)
	if err != nil {
		return err
	}
	if rel, err := filepath.Rel(ao, aw); err == nil && (rel == "." || !strings.HasPrefix(rel, "..")) {
		return fmt.Errorf("the output directory %s would contain the sources %s", out, web)
	}
	entries, err := os.ReadDir(out)
	if errors.Is(err, os.ErrNotExist) || err == nil && len(entries) == 0 {
		return nil
	}
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(out, sizeFile)); err != nil {
		return fmt.Errorf("refusing to replace %s: it is not empty and has no %s, so it is not a previous build", out, sizeFile)
	}
	return nil
}

// writeOut replaces the output directory with the files, their compressed
// copies and size.json.
func writeOut(out string, files []outFile, rep *report) error {
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	write := func(name string, data []byte) error {
		p := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, data, 0o644)
	}
	for _, f := range files {
		if err := write(f.Name, f.Data); err != nil {
			return err
		}
		if c, ok := rep.compressed[f.Name]; ok {
			if err := write(f.Name+".br", c[0]); err != nil {
				return err
			}
			if err := write(f.Name+".gz", c[1]); err != nil {
				return err
			}
		}
	}
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return err
	}
	return write(sizeFile, append(b, '\n'))
}
