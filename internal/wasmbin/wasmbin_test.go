package wasmbin

import (
	"bytes"
	"errors"
	"testing"
)

// uleb writes v as unsigned LEB128.
func uleb(v uint64) []byte {
	var b []byte
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v != 0 {
			b = append(b, c|0x80)
			continue
		}
		return append(b, c)
	}
}

func name(s string) []byte { return append(uleb(uint64(len(s))), s...) }

func section(id byte, parts ...[]byte) []byte {
	body := bytes.Join(parts, nil)
	return append(append([]byte{id}, uleb(uint64(len(body)))...), body...)
}

// module is a small binary with every section Parse reads: two function
// imports and a memory import, two functions (one named), a data segment
// at 1024 (i32.const 1024 with a two-byte LEB) and a passive one.
func module() []byte {
	imports := section(SecImport, uleb(3),
		name("go"), name("a"), []byte{0x00}, uleb(0),
		name("env"), name("mem"), []byte{0x02, 0x01}, uleb(1), uleb(2),
		name("go"), name("b"), []byte{0x00}, uleb(0))
	code := section(SecCode, uleb(2),
		uleb(2), []byte{0x00, 0x0b},
		uleb(4), []byte{0x00, 0x41, 0x01, 0x0b})
	data := section(SecData, uleb(2),
		uleb(0), []byte{0x41, 0x80, 0x08, 0x0b}, uleb(3), []byte("abc"),
		uleb(1), uleb(2), []byte("zz"))
	names := section(SecCustom, name("name"),
		[]byte{0x00}, uleb(2), name("m"), // module name: skipped
		[]byte{0x01}, uleb(uint64(len(uleb(1))+len(uleb(3))+len(name("main.f")))), uleb(1), uleb(3), name("main.f"))
	return bytes.Join([][]byte{header, section(SecCustom, name("go:buildid"), []byte("id")), imports, code, data, names}, nil)
}

func TestParse(t *testing.T) {
	b := module()
	m, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	if m.ImportedFuncs != 2 {
		t.Errorf("ImportedFuncs = %d, want 2", m.ImportedFuncs)
	}
	if len(m.Funcs) != 2 {
		t.Fatalf("%d funcs, want 2", len(m.Funcs))
	}
	for i, want := range []struct {
		index uint32
		name  string
		body  []byte
	}{{2, "", []byte{0x00, 0x0b}}, {3, "main.f", []byte{0x00, 0x41, 0x01, 0x0b}}} {
		f := m.Funcs[i]
		if f.Index != want.index || f.Name != want.name || !bytes.Equal(f.Body, want.body) {
			t.Errorf("func %d = %+v, want index %d name %q body %x", i, f, want.index, want.name, want.body)
		}
		if f.Size != len(want.body)+1 || !bytes.Equal(b[f.Start+1:f.Start+f.Size], want.body) {
			t.Errorf("func %d at %d size %d does not hold its body", i, f.Start, f.Size)
		}
	}
	if len(m.Segments) != 1 || m.Segments[0].Addr != 1024 || string(m.Segments[0].Data) != "abc" {
		t.Errorf("segments = %+v, want one of abc at 1024", m.Segments)
	}
	var ids []byte
	total := len(header)
	for _, s := range m.Sections {
		ids = append(ids, s.ID)
		total += s.Size()
	}
	if !bytes.Equal(ids, []byte{SecCustom, SecImport, SecCode, SecData, SecCustom}) || m.Sections[0].Name != "go:buildid" || m.Sections[4].Name != "name" {
		t.Errorf("sections = %+v", m.Sections)
	}
	if total != len(b) {
		t.Errorf("sections cover %d bytes, want %d", total, len(b))
	}
}

func TestParseErrors(t *testing.T) {
	full := module()
	for _, tc := range []struct {
		name string
		b    []byte
		want error
	}{
		{"empty", nil, ErrNotWasm},
		{"text", []byte("hello world"), ErrNotWasm},
		{"version 2", []byte{0x00, 'a', 's', 'm', 0x02, 0, 0, 0}, ErrNotWasm},
		{"truncated", full[:len(full)-3], errShort},
		{"section past the end", append(append([]byte{}, header...), SecCode, 0x10, 0x00), errShort},
		{"huge count", append(append([]byte{}, header...), section(SecCode, uleb(1<<30))...), nil},
		{"endless LEB", append(append([]byte{}, header...), SecCode, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff), nil},
		{"bad import kind", append(append([]byte{}, header...), section(SecImport, uleb(1), name("a"), name("b"), []byte{0x09})...), nil},
		{"data offset not constant", append(append([]byte{}, header...), section(SecData, uleb(1), uleb(0), []byte{0x23, 0x00, 0x0b}, uleb(0))...), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.b)
			if err == nil {
				t.Fatal("no error")
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("err = %v, want %v", err, tc.want)
			}
		})
	}
}

// The header alone is a valid, empty module.
func TestParseEmptyModule(t *testing.T) {
	m, err := Parse(header)
	if err != nil || len(m.Sections) != 0 || len(m.Funcs) != 0 {
		t.Errorf("Parse(header) = %+v, %v", m, err)
	}
}

// Whatever the bytes, Parse returns an error or a module whose parts lie
// inside them.
func FuzzParse(f *testing.F) {
	f.Add(module())
	f.Add(header)
	f.Add([]byte("\x00asm\x01\x00\x00\x00\x0b\x07\x01\x00\x41\x00\x0b\x01x"))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Parse(b)
		if err != nil {
			return
		}
		for _, s := range m.Sections {
			if s.Start < len(header) || s.End > len(b) || s.Start >= s.End {
				t.Fatalf("section %+v outside %d bytes", s, len(b))
			}
		}
		for _, fn := range m.Funcs {
			if fn.Start < 0 || fn.Start+fn.Size > len(b) || len(fn.Body) >= fn.Size {
				t.Fatalf("func %+v outside %d bytes", fn, len(b))
			}
		}
	})
}
