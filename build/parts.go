package main

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"github.com/whosaid/whosaid/internal/wasmbin"
)

// The parts of a wasm binary the size table tells apart (partReport.Kind).
const (
	kindCode    = "code"    // function bodies of a group of packages
	kindPackage = "package" // function bodies of one of our packages (within "code: our code")
	kindEmbed   = "embed"   // a //go:embed file, found in the data section
	kindData    = "data"    // the rest of the data section
	kindOther   = "other"   // every other section the browser loads
	kindWhole   = "total"   // the whole file, as served
)

// Names of the code groups besides the dependencies' modules.
const (
	groupStd     = "Go runtime and standard library"
	groupUnnamed = "functions without a name"
)

// partReport is one part of a wasm binary. Each part is compressed on its
// own, so the parts' compressed sizes do not add up exactly to the whole
// file's: compressing parts apart loses what they share, and brotli's
// window holds only part of the file anyway. They show which part grew.
type partReport struct {
	Kind   string `json:"kind"`
	Name   string `json:"name"`
	Raw    int64  `json:"raw"`
	Brotli int64  `json:"brotli,omitempty"`
	Gzip   int64  `json:"gzip,omitempty"`
}

// wasmParts is the size table of one wasm binary.
type wasmParts struct {
	File        string       `json:"file"`
	Main        string       `json:"main_module"` // the code group that is ours
	Compression string       `json:"compression"` // "brotli" or "gzip": the field each row fills
	Parts       []partReport `json:"parts"`
}

// partsInput is what the table needs about one binary: the bytes served,
// the same program linked with its function names (the shipped one is
// stripped of them; the code and data are the same), and the files its
// packages embed, relative to the repository where possible.
type partsInput struct {
	shipped, named []byte
	embeds         []string
}

// measureParts links pkg again with its function names and splits
// shipped, its binary as served, into parts named file.
func (g goTool) measureParts(file, pkg string, shipped []byte, compress func([]byte) ([]byte, error), useGzip bool) (*wasmParts, error) {
	named, err := g.buildWasmNamed(pkg)
	if err != nil {
		return nil, err
	}
	embeds, err := g.embeddedFiles(pkg)
	if err != nil {
		return nil, err
	}
	return splitParts(file, partsInput{shipped: shipped, named: named, embeds: embeds}, compress, useGzip)
}

// splitParts splits in.named into its parts and compresses each with
// compress (brotli for the page, gzip for the Worker, whose limit is in
// gzip); the "total" row is the shipped file, its compressed size left to
// setWhole.
func splitParts(file string, in partsInput, compress func([]byte) ([]byte, error), useGzip bool) (*wasmParts, error) {
	m, err := wasmbin.Parse(in.named)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", file, err)
	}
	bi, err := readBuildInfo(in.named)
	if err != nil {
		return nil, err
	}
	type part struct {
		partReport
		data []byte
	}
	var parts []*part
	add := func(kind, name string, data []byte) {
		parts = append(parts, &part{partReport{Kind: kind, Name: name, Raw: int64(len(data))}, data})
	}

	// Code, by the package of each function.
	groups, order := groupCode(m, in.named, bi)
	for _, g := range order {
		add(kindCode, g, groups[g])
	}
	pkgs, pkgOrder := ourPackages(m, in.named, bi.Main.Path)
	for _, p := range pkgOrder {
		add(kindPackage, p, pkgs[p])
	}

	// Data: the embedded files, then the rest.
	found, rest, err := splitData(m.Segments, in.embeds)
	if err != nil {
		return nil, err
	}
	for _, e := range in.embeds {
		if b, ok := found[e]; ok {
			add(kindEmbed, e, b)
		}
	}
	add(kindData, "other data (type information, function tables, strings, static tables)", rest)

	// Every other section, without the names the shipped file does not carry.
	var other []byte
	for _, s := range m.Sections {
		if s.ID != wasmbin.SecCode && s.ID != wasmbin.SecData && !(s.ID == wasmbin.SecCustom && s.Name == "name") {
			other = append(other, in.named[s.Start:s.End]...)
		}
	}
	add(kindOther, "other sections (types, imports, exports, function table, build id)", other)
	add(kindWhole, file, in.shipped)

	var wg sync.WaitGroup
	errs := make([]error, len(parts))
	for i, p := range parts {
		if p.Kind == kindWhole {
			continue // the caller has it compressed already: setWhole
		}
		wg.Go(func() {
			c, err := compress(p.data)
			if err != nil {
				errs[i] = err
				return
			}
			if useGzip {
				p.Gzip = int64(len(c))
			} else {
				p.Brotli = int64(len(c))
			}
		})
	}
	wg.Wait()
	out := &wasmParts{File: file, Main: bi.Main.Path, Compression: "brotli", Parts: []partReport{}}
	if useGzip {
		out.Compression = "gzip"
	}
	for i, p := range parts {
		if errs[i] != nil {
			return nil, fmt.Errorf("compressing %s of %s: %w", p.Name, file, errs[i])
		}
		out.Parts = append(out.Parts, p.partReport)
	}
	return out, nil
}

// setWhole sets the compressed sizes of the "total" row, the whole file
// as served, which the build compresses anyway.
func (p *wasmParts) setWhole(gzip, brotli int64) {
	for i := range p.Parts {
		if p.Parts[i].Kind == kindWhole {
			p.Parts[i].Gzip, p.Parts[i].Brotli = gzip, brotli
		}
	}
}

// linkerName is how the Go linker spells a package path in the name
// section (cmd/link/internal/wasm): every character but letters, digits,
// '_' and '.' becomes '_'.
var linkerName = regexp.MustCompile(`[^\w.]`)

func mangle(path string) string { return linkerName.ReplaceAllString(path, "_") }

// codeOwner names the group of a function: our code, the module of a
// dependency, or the Go runtime and standard library (everything else,
// including the compiler's type equality functions of standard types).
// mods are mangled module paths, longest first.
func codeOwner(name, main string, mods []string) string {
	if name == "" {
		return groupUnnamed
	}
	// type:.eq.T compares values of T: it belongs to T's package.
	name = strings.TrimPrefix(name, "type_.eq.")
	if strings.HasPrefix(name, "main.") {
		return main
	}
	for _, m := range mods {
		if rest, ok := strings.CutPrefix(name, mangle(m)); ok && (rest == "" || rest[0] == '_' || rest[0] == '.') {
			return m
		}
	}
	return groupStd
}

// groupCode gathers the function bodies by owner, in the order of
// codeOwner's groups: the standard library, our code, then the
// dependencies by size.
func groupCode(m *wasmbin.Module, bin []byte, bi *debug.BuildInfo) (map[string][]byte, []string) {
	mods := []string{bi.Main.Path}
	for _, d := range bi.Deps {
		mods = append(mods, d.Path)
	}
	// The longest first, so that a module inside another's path wins.
	slices.SortFunc(mods, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	groups := map[string][]byte{}
	for _, f := range m.Funcs {
		g := codeOwner(f.Name, bi.Main.Path, mods)
		groups[g] = append(groups[g], funcBytes(bin, f)...)
	}
	var order []string
	for g := range groups {
		order = append(order, g)
	}
	rank := func(g string) int {
		switch g {
		case groupStd:
			return 0
		case bi.Main.Path:
			return 1
		}
		return 2
	}
	slices.SortFunc(order, func(a, b string) int {
		return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(len(groups[b]), len(groups[a])), cmp.Compare(a, b))
	})
	return groups, order
}

// ourPackages gathers our functions by package, the largest first: the
// rows under "our code".
func ourPackages(m *wasmbin.Module, bin []byte, main string) (map[string][]byte, []string) {
	prefix := mangle(main) + "_"
	pkgs := map[string][]byte{}
	for _, f := range m.Funcs {
		name := strings.TrimPrefix(f.Name, "type_.eq.")
		var pkg string
		if rest, ok := strings.CutPrefix(name, prefix); ok {
			// The package path's '/' became '_' too: the package is
			// what comes before the first '.', which a path here never has.
			dot := strings.IndexByte(rest, '.')
			if dot < 0 {
				continue
			}
			pkg = strings.ReplaceAll(rest[:dot], "_", "/")
		} else if strings.HasPrefix(name, "main.") {
			pkg = "main"
		} else {
			continue
		}
		pkgs[pkg] = append(pkgs[pkg], funcBytes(bin, f)...)
	}
	var order []string
	for p := range pkgs {
		order = append(order, p)
	}
	slices.SortFunc(order, func(a, b string) int {
		return cmp.Or(cmp.Compare(len(pkgs[b]), len(pkgs[a])), cmp.Compare(a, b))
	})
	return pkgs, order
}

// funcBytes is a function as the code section holds it, its size prefix
// included.
func funcBytes(bin []byte, f wasmbin.Func) []byte { return bin[f.Start : f.Start+f.Size] }

// splitData finds each embedded file in the memory the data segments
// initialise and returns its bytes there, and the segments' bytes outside
// every file found. A file not found (empty, or not linked) has no entry.
func splitData(segs []wasmbin.Segment, embeds []string) (map[string][]byte, []byte, error) {
	var size uint64
	for _, s := range segs {
		size = max(size, s.Addr+uint64(len(s.Data)))
	}
	if size > 1<<30 {
		return nil, nil, fmt.Errorf("data segments reach address %d: not a Go wasm", size)
	}
	// The linker leaves runs of zeros out of the segments, so a file can
	// span several: look for it in the memory they make.
	mem := make([]byte, size)
	for _, s := range segs {
		copy(mem[s.Addr:], s.Data)
	}
	type span struct{ start, end uint64 }
	var cut []span
	found := map[string][]byte{}
	for _, e := range embeds {
		b, err := os.ReadFile(e)
		if err != nil {
			return nil, nil, fmt.Errorf("embedded file: %w", err)
		}
		i := bytes.Index(mem, b)
		if len(b) == 0 || i < 0 {
			continue
		}
		found[e] = b
		cut = append(cut, span{uint64(i), uint64(i + len(b))})
	}
	// In order of address, so that a segment holding several files (the
	// page's merged ones) is cut right.
	slices.SortFunc(cut, func(a, b span) int { return cmp.Compare(a.start, b.start) })
	var rest []byte
	for _, s := range segs {
		start, end := s.Addr, s.Addr+uint64(len(s.Data))
		for _, c := range cut {
			if c.end <= start || c.start >= end {
				continue
			}
			if c.start > start {
				rest = append(rest, mem[start:c.start]...)
			}
			start = max(start, c.end)
		}
		if start < end {
			rest = append(rest, mem[start:end]...)
		}
	}
	return found, rest, nil
}

// embeddedFiles lists the //go:embed files of pkg and its dependencies,
// as built for the browser, relative to the working directory when they
// are below it.
func (g goTool) embeddedFiles(pkg string) ([]string, error) {
	out, err := g.run(wasmEnv(), "list", "-deps", "-f", `{{range .EmbedFiles}}{{$.Dir}}{{"\x00"}}{{.}}{{"\n"}}{{end}}`, pkg)
	if err != nil {
		return nil, err
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	var files []string
	for line := range strings.Lines(string(out)) {
		dir, file, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\x00")
		if !ok {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(file))
		if rel, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(rel, "..") {
			p = rel
		}
		files = append(files, filepath.ToSlash(p))
	}
	return files, nil
}

// printParts writes one binary's size table.
func printParts(w io.Writer, p *wasmParts) {
	if p == nil {
		return
	}
	compressed := func(r partReport) int64 { return r.Brotli }
	if p.Compression == "gzip" {
		compressed = func(r partReport) int64 { return r.Gzip }
	}
	width := 0
	name := func(r partReport) string {
		switch r.Kind {
		case kindCode:
			if r.Name == p.Main {
				return "code: " + r.Name + " (ours)"
			}
			return "code: " + r.Name
		case kindPackage:
			return "  " + r.Name
		case kindEmbed:
			return "embed: " + r.Name
		case kindWhole:
			return "whole file"
		}
		return r.Name
	}
	for _, r := range p.Parts {
		width = max(width, len(name(r)))
	}
	fmt.Fprintf(w, "\n%s by part (each part compressed alone: the parts do not add up exactly to the whole)\n", p.File)
	fmt.Fprintf(w, "%-*s %10s %10s\n", width, "part", "raw", p.Compression)
	for _, r := range p.Parts {
		fmt.Fprintf(w, "%-*s %10d %10d\n", width, name(r), r.Raw, compressed(r))
	}
}

// readBuildInfo reads the module information the go command embeds in
// every binary; debug/buildinfo cannot read WebAssembly files, so it finds
// the text between the markers itself.
func readBuildInfo(bin []byte) (*debug.BuildInfo, error) {
	i := bytes.Index(bin, []byte(modinfoStart))
	if i < 0 {
		return nil, errNoBuildInfo
	}
	rest := bin[i+len(modinfoStart):]
	j := bytes.Index(rest, []byte(modinfoEnd))
	if j < 0 {
		return nil, errTruncatedBuildInfo
	}
	bi, err := debug.ParseBuildInfo(string(rest[:j]))
	if err != nil {
		return nil, fmt.Errorf("reading the wasm's build information: %w", err)
	}
	return bi, nil
}
