// Package pclntab clears what only tracebacks read from the function table
// (the "pclntab") of a Go program compiled to WebAssembly: function names,
// file names and the tables that map code to files and lines. What the
// program needs to run stays byte for byte: the frame sizes (pcsp), the
// stack maps and other pcdata tables, the funcdata, the function ids and
// flags, which the garbage collector, stack growth, panics and defers read.
//
// The linker's -s flag drops the symbol table and -w the DWARF, but a Go
// binary keeps this table whatever the flags, and in the page's engine the
// cleared parts are about a tenth of the brotli file: high-entropy offsets
// and names that compress poorly. Zeros compress to almost nothing, so the
// bytes are zeroed in place rather than removed, and no address changes.
//
// After Strip, a panic that is not recovered prints its value and a
// traceback of empty names without files or lines; runtime.Caller and
// runtime.FuncForPC report no names either. The page only recovers panics
// and reports their values, and the CLI and the Worker, which are not
// stripped, run the same engine to reproduce a fault with its stack.
//
// The table's layout is the Go runtime's (runtime/symtab.go, pcHeader and
// _func, Go 1.20 to at least 1.26). Strip checks every offset it follows
// against the bytes there and that each function's record starts with the
// entry its index gives, so a layout it does not know is an error, never
// a corrupted binary.
package pclntab

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	"github.com/whosaid/whosaid/internal/wasmbin"
)

// Stats says what Strip cleared, in bytes.
type Stats struct {
	Funcs int // functions in the table
	Names int // function names
	Files int // file names and the per-unit file lists
	Lines int // pctab bytes outside the tables the program reads: the pc-to-file and pc-to-line tables
}

// magic starts a pcHeader of Go 1.20 and later: the magic number, two pad
// bytes, the minimum instruction size (1 in wasm) and the pointer size.
var magic = []byte{0xf1, 0xff, 0xff, 0xff, 0, 0, 1, 8}

const (
	headerSize = 72 // the pcHeader: magic, nfunc, nfiles, an unused word, five offsets
	funcSize   = 44 // a _func record without its pcdata and funcdata offsets
	// maxTables bounds a record's pcdata and funcdata counts, each a byte
	// of Go's ids in practice (a handful of kinds); a larger count means
	// the bytes are not a _func record.
	maxTables = 32
)

// Offsets of the fields of a _func record that Strip reads or clears.
const (
	fEntry     = 0
	fName      = 4
	fPCSP      = 16
	fPCFile    = 20
	fPCLine    = 24
	fNPCData   = 28
	fCU        = 32
	fStartLine = 36
	fNFuncData = 43
)

// Strip returns a copy of the wasm binary b with its function table's
// names, files and line tables zeroed (see the package comment). b is not
// changed. The table must lie in one data segment, as it does once
// wasmbin.MergeData has joined the linker's segments.
func Strip(b []byte) ([]byte, Stats, error) {
	out := slices.Clone(b)
	m, err := wasmbin.Parse(out)
	if err != nil {
		return nil, Stats{}, err
	}
	var found []*table
	for _, s := range m.Segments {
		for i := 0; ; {
			k := bytes.Index(s.Data[i:], magic)
			if k < 0 {
				break
			}
			if t, err := read(s.Data[i+k:]); err == nil {
				found = append(found, t)
			}
			i += k + 1
		}
	}
	switch len(found) {
	case 0:
		return nil, Stats{}, errors.New("no Go function table (pcHeader) in the data segments: not a Go wasm binary, a layout this package does not know, or a table split across segments")
	case 1:
		return out, found[0].clear(), nil
	default:
		return nil, Stats{}, fmt.Errorf("%d candidate Go function tables: expected one", len(found))
	}
}

// table is a function table read and checked, ready to clear.
type table struct {
	names, cus, files, pctab []byte
	funcs                    [][]byte // each function's _func record
	keep                     []bool   // the pctab bytes of tables the program reads
}

var le = binary.LittleEndian

// read checks the table whose header starts h and returns what clear
// needs; it changes nothing.
func read(h []byte) (*table, error) {
	if len(h) < headerSize {
		return nil, errShort
	}
	word := func(i int) uint64 { return le.Uint64(h[8+8*i:]) }
	nfunc := word(0)
	offs := []uint64{headerSize, word(3), word(4), word(5), word(6), word(7), uint64(len(h))}
	for i := 1; i < len(offs); i++ {
		if offs[i] < offs[i-1] {
			return nil, errors.New("pcHeader offsets out of order")
		}
	}
	t := &table{
		names: h[offs[1]:offs[2]],
		cus:   h[offs[2]:offs[3]],
		files: h[offs[3]:offs[4]],
		pctab: h[offs[4]:offs[5]],
	}
	pcln := h[offs[5]:]
	// The function index: nfunc+1 pairs of (entry offset, record offset).
	if nfunc == 0 || nfunc >= uint64(len(pcln)/8) {
		return nil, errors.New("pcHeader function count does not fit the table")
	}
	t.keep = make([]bool, len(t.pctab))
	if len(t.keep) > 0 {
		t.keep[0] = true // offset 0, "no table"
	}
	decoded := map[uint32]bool{}
	mark := func(off uint32) error {
		if off == 0 || decoded[off] {
			return nil
		}
		decoded[off] = true
		n, err := tableLen(t.pctab, int(off))
		for i := range n {
			t.keep[int(off)+i] = true
		}
		return err
	}
	prev := uint32(0)
	for k := range int(nfunc) {
		entry, off := le.Uint32(pcln[8*k:]), le.Uint32(pcln[8*k+4:])
		if entry < prev {
			return nil, fmt.Errorf("function %d: entries out of order", k)
		}
		prev = entry
		if uint64(off)+funcSize > uint64(len(pcln)) {
			return nil, fmt.Errorf("function %d: record beyond the table", k)
		}
		f := pcln[off:]
		if le.Uint32(f[fEntry:]) != entry {
			return nil, fmt.Errorf("function %d: record's entry differs from the index's", k)
		}
		npcdata, nfuncdata := le.Uint32(f[fNPCData:]), uint32(f[fNFuncData])
		if npcdata > maxTables || nfuncdata > maxTables || funcSize+4*int(npcdata) > len(f) {
			return nil, fmt.Errorf("function %d: not a _func record of a known layout", k)
		}
		if uint64(le.Uint32(f[fName:])) >= uint64(len(t.names)) {
			return nil, fmt.Errorf("function %d: name beyond the name table", k)
		}
		for _, field := range []int{fPCFile, fPCLine} {
			if uint64(le.Uint32(f[field:])) >= uint64(len(t.pctab)) {
				return nil, fmt.Errorf("function %d: table beyond pctab", k)
			}
		}
		if err := mark(le.Uint32(f[fPCSP:])); err != nil {
			return nil, fmt.Errorf("function %d: pcsp: %w", k, err)
		}
		for j := range int(npcdata) {
			if err := mark(le.Uint32(f[funcSize+4*j:])); err != nil {
				return nil, fmt.Errorf("function %d: pcdata %d: %w", k, j, err)
			}
		}
		t.funcs = append(t.funcs, f[:funcSize])
	}
	return t, nil
}

var errShort = errors.New("table truncated")

// tableLen is the length of the pc-value table at pctab[off:]: pairs of
// varints (value delta, pc delta), ended by a zero value delta after the
// first pair, as the runtime's step reads them.
func tableLen(pctab []byte, off int) (int, error) {
	if off >= len(pctab) {
		return 0, errShort
	}
	p := pctab[off:]
	i := 0
	for first := true; ; first = false {
		v, n := binary.Uvarint(p[i:])
		if n <= 0 {
			return i, errShort
		}
		if v == 0 && !first {
			return i + 1, nil
		}
		i += n
		if _, n = binary.Uvarint(p[i:]); n <= 0 {
			return i, errShort
		}
		i += n
	}
}

// clear zeroes what only tracebacks read. A record's file and line tables
// become offset 0, which the runtime reads as "no table"; its name offset
// 0 reads the zeroed name table as "".
func (t *table) clear() Stats {
	st := Stats{Funcs: len(t.funcs), Names: len(t.names), Files: len(t.files) + len(t.cus)}
	for _, f := range t.funcs {
		for _, field := range []int{fName, fPCFile, fPCLine, fCU, fStartLine} {
			le.PutUint32(f[field:], 0)
		}
	}
	clear(t.names)
	clear(t.cus)
	clear(t.files)
	for i, k := range t.keep {
		if !k {
			t.pctab[i] = 0
			st.Lines++
		}
	}
	return st
}
