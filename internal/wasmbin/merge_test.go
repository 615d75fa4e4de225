package wasmbin

import (
	"bytes"
	"slices"
	"testing"
)

// segModule is a module whose data section holds an active segment at
// each of addrs with the bytes of datas, after a custom section and
// before another, and a data count section when count is set.
func segModule(addrs []uint64, datas []string, count bool) []byte {
	body := uleb(uint64(len(addrs)))
	for i, a := range addrs {
		body = append(body, 0x00, 0x41)
		body = appendSLEB(body, int64(int32(uint32(a))))
		body = append(body, 0x0b)
		body = append(body, uleb(uint64(len(datas[i])))...)
		body = append(body, datas[i]...)
	}
	parts := [][]byte{header, section(SecCustom, name("go:buildid"), []byte("id"))}
	if count {
		parts = append(parts, section(secDataCount, uleb(uint64(len(addrs)))))
	}
	parts = append(parts, section(SecData, body), section(SecCustom, name("after"), []byte{1, 2, 3}))
	return bytes.Join(parts, nil)
}

// memory is the memory the active segments of b initialise.
func memory(t *testing.T, b []byte) []byte {
	t.Helper()
	m, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	var mem []byte
	for _, s := range m.Segments {
		if end := int(s.Addr) + len(s.Data); end > len(mem) {
			mem = append(mem, make([]byte, end-len(mem))...)
		}
		copy(mem[s.Addr:], s.Data)
	}
	return mem
}

func TestMergeData(t *testing.T) {
	for _, c := range []struct {
		name   string
		addrs  []uint64
		datas  []string
		maxGap int
		want   []uint64 // the merged segments' addresses
	}{
		{"none", nil, nil, 64, nil},
		{"one", []uint64{1024}, []string{"abc"}, 64, []uint64{1024}},
		{"small gaps", []uint64{1024, 1035, 1100}, []string{"abc", "de", "f"}, 64, []uint64{1024}},
		{"adjacent", []uint64{8, 11}, []string{"abc", "de"}, 1, []uint64{8}},
		{"a gap too wide", []uint64{1024, 1035, 5000}, []string{"abc", "de", "f"}, 64, []uint64{1024, 5000}},
		{"gap equal to maxGap", []uint64{0, 67}, []string{"abc", "d"}, 64, []uint64{0, 67}},
		{"out of order", []uint64{3000, 1000, 1010, 2000}, []string{"ab", "cd", "e", "f"}, 64, []uint64{1000, 2000, 3000}},
		{"out of order, merged", []uint64{2000, 1000}, []string{"ab", "cd"}, 4096, []uint64{1000}},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, count := range []bool{false, true} {
				in := segModule(c.addrs, c.datas, count)
				out, err := MergeData(in, c.maxGap)
				if err != nil {
					t.Fatal(err)
				}
				m, err := Parse(out)
				if err != nil {
					t.Fatal(err)
				}
				var got []uint64
				for _, s := range m.Segments {
					got = append(got, s.Addr)
				}
				if !slices.Equal(got, c.want) {
					t.Errorf("segments at %v, want %v", got, c.want)
				}
				if !bytes.Equal(memory(t, out), memory(t, in)) {
					t.Error("the memory differs")
				}
				want := segModule(c.want, make([]string, len(c.want)), count)
				mi, _ := Parse(want)
				if len(m.Sections) != len(mi.Sections) {
					t.Fatalf("%d sections, want %d", len(m.Sections), len(mi.Sections))
				}
				for i, s := range m.Sections {
					if s.ID == SecData {
						continue
					}
					if w := mi.Sections[i]; !bytes.Equal(out[s.Start:s.End], want[w.Start:w.End]) {
						t.Errorf("section %d (id %d) changed: % x, want % x", i, s.ID, out[s.Start:s.End], want[w.Start:w.End])
					}
				}
			}
		})
	}
}

// TestMergeDataHighAddress: an address of 2 GiB or more is a negative
// i32.const, which must come back as the same address.
func TestMergeDataHighAddress(t *testing.T) {
	out, err := MergeData(segModule([]uint64{0x80000000}, []string{"ab"}, false), 64)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Segments) != 1 || m.Segments[0].Addr != 0x80000000 || string(m.Segments[0].Data) != "ab" {
		t.Errorf("segments %+v, want one of \"ab\" at 0x80000000", m.Segments)
	}
}

func TestMergeDataRefuses(t *testing.T) {
	if _, err := MergeData(module(), 64); err == nil {
		t.Error("a passive segment was merged")
	}
	if _, err := MergeData([]byte("not wasm"), 64); err == nil {
		t.Error("no error for a non-wasm input")
	}
	for _, addrs := range [][]uint64{{1000, 1001}, {1001, 1000}} {
		if _, err := MergeData(segModule(addrs, []string{"ab", "cd"}, false), 4096); err == nil {
			t.Errorf("overlapping segments at %v were merged", addrs)
		}
	}
}

// FuzzMergeData: whatever Parse accepts, MergeData refuses or returns a
// module Parse accepts, with the same memory at start.
func FuzzMergeData(f *testing.F) {
	f.Add(segModule([]uint64{1024, 1035, 5000}, []string{"abc", "de", "f"}, true), 64)
	f.Add(module(), 16)
	f.Fuzz(func(t *testing.T, b []byte, maxGap int) {
		m, err := Parse(b)
		if err != nil {
			return
		}
		for _, s := range m.Segments {
			if s.Addr+uint64(len(s.Data)) > 1<<24 {
				return // memory would allocate too much to compare
			}
		}
		maxGap = min(max(maxGap, 0), 1<<16)
		out, err := MergeData(b, maxGap)
		if err != nil {
			return
		}
		if _, err := Parse(out); err != nil {
			t.Fatalf("merged module does not parse: %v", err)
		}
		if !bytes.Equal(memory(t, out), memory(t, b)) {
			t.Error("the memory differs")
		}
	})
}
