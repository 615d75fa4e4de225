package pclntab

import (
	"bytes"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/wasmbin"
)

// synth is a function table of two functions in the runtime's layout:
// names, one compile unit, one file, a pctab whose pcsp table the two
// share and whose file table the second shares with the first, and each
// function's record with one pcdata table.
func synth() []byte {
	names := []byte("main.a\x00main.b\x00")
	cus := []byte{0, 0, 0, 0}
	files := []byte("a.go\x00")
	pctab := []byte{
		0,       // offset 0: "no table"
		2, 5, 0, // 1: pcsp, both functions
		0, 5, 0, // 4: pcfile, both
		20, 5, 0, // 7: pcln of main.a
		1, 5, 0, // 10: pcdata of main.a
		22, 3, 4, 2, 0, // 13: pcln of main.b
	}
	rec := func(entry, name, pcln, pcdata uint32) []byte {
		r := make([]byte, funcSize+4)
		for off, v := range map[int]uint32{fEntry: entry, fName: name, fPCSP: 1, fPCFile: 4, fPCLine: pcln, fNPCData: 1, fCU: 0, fStartLine: 7} {
			binary.LittleEndian.PutUint32(r[off:], v)
		}
		binary.LittleEndian.PutUint32(r[funcSize:], pcdata)
		return r
	}
	r0, r1 := rec(0, 0, 7, 10), rec(5, 7, 13, 0)
	var ftab []byte
	ftab = binary.LittleEndian.AppendUint32(ftab, 0)
	ftab = binary.LittleEndian.AppendUint32(ftab, 24)
	ftab = binary.LittleEndian.AppendUint32(ftab, 5)
	ftab = binary.LittleEndian.AppendUint32(ftab, 24+uint32(len(r0)))
	ftab = binary.LittleEndian.AppendUint32(ftab, 8) // the end entry
	ftab = binary.LittleEndian.AppendUint32(ftab, 0)
	pcln := append(append(ftab, r0...), r1...)

	h := append([]byte(nil), magic...)
	off := uint64(headerSize)
	for _, v := range []uint64{2, 1, 0} { // nfunc, nfiles, unused
		h = binary.LittleEndian.AppendUint64(h, v)
	}
	for _, part := range [][]byte{names, cus, files, pctab} {
		h = binary.LittleEndian.AppendUint64(h, off)
		off += uint64(len(part))
	}
	h = binary.LittleEndian.AppendUint64(h, off)
	for _, part := range [][]byte{names, cus, files, pctab, pcln} {
		h = append(h, part...)
	}
	return h
}

func TestClear(t *testing.T) {
	h := synth()
	tab, err := read(h)
	if err != nil {
		t.Fatal(err)
	}
	st := tab.clear()
	if want := (Stats{Funcs: 2, Names: 14, Files: 9, Lines: 11}); st != want {
		t.Errorf("stats %+v, want %+v", st, want)
	}
	if !bytes.Equal(tab.names, make([]byte, 14)) || !bytes.Equal(tab.files, make([]byte, 5)) {
		t.Errorf("names %q files %q: want zeros", tab.names, tab.files)
	}
	wantPC := []byte{0, 2, 5, 0, 0, 0, 0, 0, 0, 0, 1, 5, 0, 0, 0, 0, 0, 0}
	if !bytes.Equal(tab.pctab, wantPC) {
		t.Errorf("pctab %v, want %v", tab.pctab, wantPC)
	}
	for i, f := range tab.funcs {
		for _, c := range []struct {
			field int
			want  uint32
		}{{fEntry, []uint32{0, 5}[i]}, {fName, 0}, {fPCSP, 1}, {fPCFile, 0}, {fPCLine, 0}, {fNPCData, 1}, {fStartLine, 0}} {
			if got := binary.LittleEndian.Uint32(f[c.field:]); got != c.want {
				t.Errorf("function %d field %d = %d, want %d", i, c.field, got, c.want)
			}
		}
	}
}

// TestReadErrors: bytes that are not a table of the known layout are an
// error, and read changes nothing.
func TestReadErrors(t *testing.T) {
	put32 := func(at int, v uint32) func([]byte) {
		return func(b []byte) { binary.LittleEndian.PutUint32(b[at:], v) }
	}
	h := synth()
	pcln := int(binary.LittleEndian.Uint64(h[64:]))
	rec0 := pcln + 24
	for _, c := range []struct {
		name  string
		spoil func([]byte) []byte
	}{
		{"truncated header", func(b []byte) []byte { return b[:40] }},
		{"truncated function index", func(b []byte) []byte { return b[:pcln+12] }},
		{"no functions", func(b []byte) []byte { binary.LittleEndian.PutUint64(b[8:], 0); return b }},
		{"huge function count", func(b []byte) []byte { binary.LittleEndian.PutUint64(b[8:], 1<<63); return b }},
		{"offsets out of order", func(b []byte) []byte { binary.LittleEndian.PutUint64(b[40:], 1); return b }},
		{"entries out of order", func(b []byte) []byte { put32(pcln+8, 0)(b); put32(pcln, 3)(b); return b }},
		{"record's entry differs", func(b []byte) []byte { put32(rec0+fEntry, 9)(b); return b }},
		{"record beyond the table", func(b []byte) []byte { put32(pcln+4, 1<<30)(b); return b }},
		{"too many pcdata", func(b []byte) []byte { put32(rec0+fNPCData, 1000)(b); return b }},
		{"name beyond the names", func(b []byte) []byte { put32(rec0+fName, 500)(b); return b }},
		{"line table beyond pctab", func(b []byte) []byte { put32(rec0+fPCLine, 500)(b); return b }},
		{"pcsp beyond pctab", func(b []byte) []byte { put32(rec0+fPCSP, 500)(b); return b }},
		{"unterminated table", func(b []byte) []byte { put32(rec0+funcSize, 17)(b); return b }},
	} {
		b := c.spoil(synth())
		before := bytes.Clone(b)
		if _, err := read(b); err == nil {
			t.Errorf("%s: no error", c.name)
		}
		if !bytes.Equal(b, before) {
			t.Errorf("%s: read changed the bytes", c.name)
		}
	}
}

func TestTableLen(t *testing.T) {
	for _, c := range []struct {
		tab  []byte
		want int
		err  bool
	}{
		{[]byte{2, 5, 0}, 3, false},
		{[]byte{0, 5, 0}, 3, false},                   // a zero first delta does not end the table
		{[]byte{0x81, 0x01, 0x82, 0x01, 0}, 5, false}, // multi-byte varints
		{[]byte{4, 1, 6, 2, 0, 9}, 5, false},
		{[]byte{4, 1, 6}, 3, true},
		{[]byte{0x80}, 0, true},
		{nil, 0, true},
	} {
		got, err := tableLen(c.tab, 0)
		if got != c.want || (err != nil) != c.err {
			t.Errorf("tableLen(%v) = %d, %v; want %d, error %v", c.tab, got, err, c.want, c.err)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add(synth())
	f.Add(synth()[:100])
	f.Fuzz(func(t *testing.T, b []byte) {
		if tab, err := read(b); err == nil {
			tab.clear()
		}
	})
}

func TestStripNotGo(t *testing.T) {
	if _, _, err := Strip([]byte("\x00asm\x01\x00\x00\x00")); err == nil {
		t.Error("a module without data: no error")
	}
	if _, _, err := Strip([]byte("not wasm")); err == nil {
		t.Error("not wasm: no error")
	}
}

// TestStripRuns builds testdata/prog for wasm with the toolchain at hand,
// strips it and runs both binaries under Node: the output is the same but
// for what the table no longer says, and an unrecovered panic still
// reports its value. This is what fails first when a Go release changes
// the table's layout.
func TestStripRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a wasm binary")
	}
	if _, err := exec.LookPath("node"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("node is missing: CI must install it (make deps)")
		}
		t.Skip("node is missing")
	}
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain.wasm")
	build := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", plain, "./testdata/prog")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	b, err := os.ReadFile(plain)
	if err != nil {
		t.Fatal(err)
	}
	if b, err = wasmbin.MergeData(b, 4096); err != nil {
		t.Fatal(err)
	}
	stripped, st, err := Strip(b)
	if err != nil {
		t.Fatal(err)
	}
	if st.Funcs < 1000 || st.Names < 10_000 || st.Lines < 10_000 {
		t.Errorf("stats %+v: expected a real program's table", st)
	}
	strippedFile := filepath.Join(dir, "stripped.wasm")
	if err := os.WriteFile(strippedFile, stripped, 0o644); err != nil {
		t.Fatal(err)
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	execJS := filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "go_js_wasm_exec")
	run := func(file string, args ...string) (string, error) {
		out, err := exec.Command(execJS, append([]string{file}, args...)...).CombinedOutput()
		return string(out), err
	}
	want, err := run(plain)
	if err != nil {
		t.Fatalf("plain binary: %v\n%s", err, want)
	}
	got, err := run(strippedFile)
	if err != nil {
		t.Fatalf("stripped binary: %v\n%s", err, got)
	}
	cut := func(s string) (string, string) {
		i := strings.Index(s, "caller:")
		if i < 0 {
			t.Fatalf("no caller line in %q", s)
		}
		return s[:i], s[i:]
	}
	wantBody, wantCaller := cut(want)
	gotBody, gotCaller := cut(got)
	if gotBody != wantBody {
		t.Errorf("stripped output:\n%s\nwant:\n%s", gotBody, wantBody)
	}
	if !strings.Contains(wantCaller, `"main.main"`) || gotCaller != "caller: \"\" \"?\" 0\n" {
		t.Errorf("caller lines: plain %q, stripped %q", wantCaller, gotCaller)
	}
	out, err := run(strippedFile, "panic")
	if err == nil || !strings.Contains(out, "panic: boom") || !strings.Contains(out, "goroutine 1 [running]") {
		t.Errorf("stripped binary's panic: %v\n%s", err, out)
	}
}
