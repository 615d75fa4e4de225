// Package wasmbin reads the parts of a WebAssembly binary that say where
// its bytes go: the sections, every function body of the code section,
// the data segments and the function names of the "name" custom section.
// It knows the binary format (WebAssembly core spec, chapter 5) and
// nothing of Go; the build's size table attributes the parts to packages.
//
// It checks every length against the bytes left, so a truncated or hostile
// binary gets an error, never a panic or a huge allocation.
package wasmbin

import (
	"bytes"
	"errors"
	"fmt"
)

// Section ids (spec 5.5.2).
const (
	SecCustom = 0
	SecImport = 2
	SecCode   = 10
	SecData   = 11
)

// Section is one section of the module. Start and End bound the whole
// section in the binary, id and size included.
type Section struct {
	ID         byte
	Name       string // a custom section's name; "" for the others
	Start, End int
}

// Size is the section's bytes in the binary.
func (s Section) Size() int { return s.End - s.Start }

// Func is one function defined in the module (not imported).
type Func struct {
	Index uint32 // its index in the function space, imports first
	Name  string // from the name section; "" when there is none
	// Start and Size are the function's place in the binary, its size
	// prefix included; Body is the body without that prefix.
	Start, Size int
	Body        []byte
}

// Segment is one active data segment: Data is copied to memory at Addr
// when the module starts. Passive segments have no address and are not
// listed. Data is a slice of the binary Parse read, so a change to its
// bytes (not its length) changes that binary.
type Segment struct {
	Addr uint64
	Data []byte
}

// Module is what Parse reads.
type Module struct {
	Sections      []Section
	ImportedFuncs int // function imports, which come first in the function space
	Funcs         []Func
	Segments      []Segment
}

// ErrNotWasm is returned for input that does not start with the
// WebAssembly magic number and version 1.
var ErrNotWasm = errors.New("not a WebAssembly binary (version 1)")

var header = []byte{0x00, 'a', 's', 'm', 0x01, 0x00, 0x00, 0x00}

// Parse reads b. The Funcs' Body and the Segments' Data share b's memory.
func Parse(b []byte) (*Module, error) {
	if !bytes.HasPrefix(b, header) {
		return nil, ErrNotWasm
	}
	m := &Module{}
	names := map[uint32]string{}
	r := &reader{b: b, off: len(header)}
	for r.off < len(b) {
		start := r.off
		id, err := r.byte()
		if err != nil {
			return nil, err
		}
		size, err := r.u32()
		if err != nil {
			return nil, fmt.Errorf("section %d at %d: %w", id, start, err)
		}
		bodyStart := r.off
		body, err := r.bytes(int(size))
		if err != nil {
			return nil, fmt.Errorf("section %d at %d: %w", id, start, err)
		}
		sec := Section{ID: id, Start: start, End: r.off}
		sr := &reader{b: body}
		switch id {
		case SecCustom:
			if sec.Name, err = sr.name(); err == nil && sec.Name == "name" {
				err = readNames(sr, names)
			}
		case SecImport:
			m.ImportedFuncs, err = readImports(sr)
		case SecCode:
			m.Funcs, err = readCode(sr)
			for i := range m.Funcs {
				m.Funcs[i].Start += bodyStart
			}
		case SecData:
			m.Segments, err = readData(sr)
		}
		if err != nil {
			return nil, fmt.Errorf("section %d at %d: %w", id, start, err)
		}
		m.Sections = append(m.Sections, sec)
	}
	for i := range m.Funcs {
		// Bodies are numbered after the imports (spec 2.5.1).
		m.Funcs[i].Index = uint32(m.ImportedFuncs + i)
		m.Funcs[i].Name = names[m.Funcs[i].Index]
	}
	return m, nil
}

// readImports counts the function imports (spec 5.5.5).
func readImports(r *reader) (int, error) {
	n, err := r.count(4)
	if err != nil {
		return 0, err
	}
	funcs := 0
	for range n {
		if _, err := r.name(); err != nil {
			return 0, err
		}
		if _, err := r.name(); err != nil {
			return 0, err
		}
		kind, err := r.byte()
		if err != nil {
			return 0, err
		}
		switch kind {
		case 0x00: // func: type index
			funcs++
			_, err = r.u32()
		case 0x01: // table: reference type, limits
			if _, err = r.byte(); err == nil {
				err = r.limits()
			}
		case 0x02: // memory: limits
			err = r.limits()
		case 0x03: // global: value type, mutability
			if _, err = r.byte(); err == nil {
				_, err = r.byte()
			}
		case 0x04: // tag (exception handling): attribute, type index
			if _, err = r.byte(); err == nil {
				_, err = r.u32()
			}
		default:
			return 0, fmt.Errorf("import of unknown kind %#x", kind)
		}
		if err != nil {
			return 0, err
		}
	}
	return funcs, nil
}

// readCode reads the function bodies (spec 5.5.13).
func readCode(r *reader) ([]Func, error) {
	n, err := r.count(1)
	if err != nil {
		return nil, err
	}
	fs := make([]Func, 0, n)
	for range n {
		start := r.off
		size, err := r.u32()
		if err != nil {
			return nil, err
		}
		body, err := r.bytes(int(size))
		if err != nil {
			return nil, err
		}
		fs = append(fs, Func{Start: start, Size: r.off - start, Body: body})
	}
	return fs, nil
}

// readData reads the data segments (spec 5.5.14).
func readData(r *reader) ([]Segment, error) {
	n, err := r.count(2)
	if err != nil {
		return nil, err
	}
	var segs []Segment
	for range n {
		flags, err := r.u32()
		if err != nil {
			return nil, err
		}
		var addr uint64
		active := flags != 1
		switch flags {
		case 0:
			addr, err = r.constExpr()
		case 1:
		case 2:
			if _, err = r.u32(); err == nil { // memory index
				addr, err = r.constExpr()
			}
		default:
			return nil, fmt.Errorf("data segment with unknown flags %d", flags)
		}
		if err != nil {
			return nil, err
		}
		size, err := r.u32()
		if err != nil {
			return nil, err
		}
		data, err := r.bytes(int(size))
		if err != nil {
			return nil, err
		}
		if active {
			segs = append(segs, Segment{Addr: addr, Data: data})
		}
	}
	return segs, nil
}

// readNames reads the function names of a "name" section (WebAssembly
// spec appendix 7.4) into names; the other subsections are skipped.
func readNames(r *reader, names map[uint32]string) error {
	for r.off < len(r.b) {
		id, err := r.byte()
		if err != nil {
			return err
		}
		size, err := r.u32()
		if err != nil {
			return err
		}
		sub, err := r.bytes(int(size))
		if err != nil {
			return err
		}
		if id != 1 {
			continue
		}
		sr := &reader{b: sub}
		n, err := sr.count(2)
		if err != nil {
			return err
		}
		for range n {
			idx, err := sr.u32()
			if err != nil {
				return err
			}
			name, err := sr.name()
			if err != nil {
				return err
			}
			names[idx] = name
		}
	}
	return nil
}

// reader reads b from off; every method fails rather than read past b.
type reader struct {
	b   []byte
	off int
}

var errShort = errors.New("unexpected end of the binary")

func (r *reader) byte() (byte, error) {
	if r.off >= len(r.b) {
		return 0, errShort
	}
	c := r.b[r.off]
	r.off++
	return c, nil
}

func (r *reader) bytes(n int) ([]byte, error) {
	if n < 0 || n > len(r.b)-r.off {
		return nil, errShort
	}
	s := r.b[r.off : r.off+n : r.off+n]
	r.off += n
	return s, nil
}

// uleb reads an unsigned LEB128 number of at most bits bits.
func (r *reader) uleb(bits uint) (uint64, error) {
	var v uint64
	for shift := uint(0); ; shift += 7 {
		if shift >= bits {
			return 0, errors.New("LEB128 number too long")
		}
		c, err := r.byte()
		if err != nil {
			return 0, err
		}
		v |= uint64(c&0x7f) << shift
		if c&0x80 == 0 {
			return v, nil
		}
	}
}

func (r *reader) u32() (uint32, error) {
	v, err := r.uleb(35)
	if v > 1<<32-1 {
		return 0, errors.New("LEB128 number over 32 bits")
	}
	return uint32(v), err
}

// sleb reads a signed LEB128 number of at most bits bits.
func (r *reader) sleb(bits uint) (int64, error) {
	var v int64
	var shift uint
	for {
		if shift >= bits {
			return 0, errors.New("LEB128 number too long")
		}
		c, err := r.byte()
		if err != nil {
			return 0, err
		}
		v |= int64(c&0x7f) << shift
		shift += 7
		if c&0x80 == 0 {
			if shift < 64 && c&0x40 != 0 {
				v |= -1 << shift
			}
			return v, nil
		}
	}
}

// count reads a vector's length and checks that the bytes left could hold
// that many items of at least min bytes each, so a bogus length does not
// allocate.
func (r *reader) count(min int) (int, error) {
	n, err := r.u32()
	if err != nil {
		return 0, err
	}
	if uint64(n)*uint64(min) > uint64(len(r.b)-r.off) {
		return 0, fmt.Errorf("%d items do not fit in the %d bytes left", n, len(r.b)-r.off)
	}
	return int(n), nil
}

func (r *reader) name() (string, error) {
	n, err := r.u32()
	if err != nil {
		return "", err
	}
	b, err := r.bytes(int(n))
	return string(b), err
}

// limits reads a table's or memory's limits (spec 5.3.7), 64-bit memories
// included.
func (r *reader) limits() error {
	flags, err := r.byte()
	if err != nil {
		return err
	}
	if _, err := r.uleb(70); err != nil {
		return err
	}
	if flags&1 != 0 {
		_, err = r.uleb(70)
	}
	return err
}

// constExpr reads a data segment's offset: an i32.const or i64.const
// followed by end, which is what toolchains write.
func (r *reader) constExpr() (uint64, error) {
	op, err := r.byte()
	if err != nil {
		return 0, err
	}
	var v int64
	switch op {
	case 0x41: // i32.const
		v, err = r.sleb(35)
		v = int64(uint32(v))
	case 0x42: // i64.const
		v, err = r.sleb(70)
	default:
		return 0, fmt.Errorf("data segment offset is not a constant (opcode %#x)", op)
	}
	if err != nil {
		return 0, err
	}
	if end, err := r.byte(); err != nil || end != 0x0b {
		return 0, errors.New("data segment offset: no end after the constant")
	}
	return uint64(v), nil
}
