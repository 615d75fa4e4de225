package wasmbin

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
)

// secDataCount is the id of the section that holds the number of data
// segments (spec 5.5.16), which a merge must keep true.
const secDataCount = 12

// MergeData returns b with each data segment joined to the one before it
// when the gap between them is under maxGap bytes, the gap written as
// zeros. Memory is zero before the segments are copied into it, so the
// module starts with the same memory; every other section is kept byte
// for byte.
//
// Go's linker starts a new segment at every run of eight zeros or more,
// which leaves the zeros out of the raw file but gives the page's engine
// some 56,000 segments, each with an address and a length that brotli
// and gzip can do little with: about 60 KB of the brotli file, where
// the zeros compress to almost nothing.
//
// Only what Go writes is merged: active segments of memory 0 at an
// i32.const address that do not overlap. A passive segment, one at a
// 64-bit address or two that overlap are an error.
func MergeData(b []byte, maxGap int) ([]byte, error) {
	m, err := Parse(b)
	if err != nil {
		return nil, err
	}
	var data *Section
	for i, s := range m.Sections {
		if s.ID == SecData {
			data = &m.Sections[i]
		}
	}
	if data == nil {
		return b, nil
	}
	// Parse lists active segments only: count them all to find passive ones.
	r := &reader{b: b[data.Start:data.End]}
	if _, err := r.byte(); err != nil { // the section id
		return nil, err
	}
	if _, err := r.u32(); err != nil { // the section size
		return nil, err
	}
	n, err := r.u32()
	if err != nil {
		return nil, err
	}
	if int(n) != len(m.Segments) {
		return nil, errors.New("passive data segments: only active ones are merged")
	}
	// Go writes each section's segments in order of address, but not the
	// sections (the function tables come after higher addresses). The
	// order of segments that do not overlap does not matter: sort them,
	// so that a gap's zeros fall on no other segment's bytes.
	segs := slices.Clone(m.Segments)
	slices.SortStableFunc(segs, func(a, b Segment) int { return cmp.Compare(a.Addr, b.Addr) })
	var merged []Segment
	for i, s := range segs {
		if s.Addr+uint64(len(s.Data)) > math.MaxUint32 {
			return nil, fmt.Errorf("data segment at %d: beyond 32-bit memory", s.Addr)
		}
		if i > 0 && s.Addr < segs[i-1].Addr+uint64(len(segs[i-1].Data)) {
			return nil, fmt.Errorf("data segments overlap at %d", s.Addr)
		}
		if k := len(merged) - 1; k >= 0 {
			last := &merged[k]
			end := last.Addr + uint64(len(last.Data))
			if s.Addr-end < uint64(maxGap) {
				last.Data = append(append(last.Data, make([]byte, s.Addr-end)...), s.Data...)
				continue
			}
		}
		merged = append(merged, Segment{Addr: s.Addr, Data: append([]byte(nil), s.Data...)})
	}
	body := appendULEB(nil, uint64(len(merged)))
	for _, s := range merged {
		body = append(body, 0x00, 0x41) // active, memory 0; i32.const
		body = appendSLEB(body, int64(int32(uint32(s.Addr))))
		body = append(body, 0x0b) // end
		body = appendULEB(body, uint64(len(s.Data)))
		body = append(body, s.Data...)
	}
	out := append([]byte(nil), header...)
	for _, s := range m.Sections {
		switch s.ID {
		case SecData:
			out = appendSection(out, SecData, body)
		case secDataCount:
			out = appendSection(out, secDataCount, appendULEB(nil, uint64(len(merged))))
		default:
			out = append(out, b[s.Start:s.End]...)
		}
	}
	return out, nil
}

func appendSection(b []byte, id byte, body []byte) []byte {
	b = append(b, id)
	b = appendULEB(b, uint64(len(body)))
	return append(b, body...)
}

func appendULEB(b []byte, v uint64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v == 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

func appendSLEB(b []byte, v int64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}
