// Package text checks the reader's text and gives the later stages a
// normalised copy of it.
//
// The copy has exactly one code point for each code point of the original
// (no-break spaces become spaces, a CR before LF becomes a space, other
// control characters become spaces), so a code point offset means the same
// thing in both and no stage has to carry an offset map. Stages work in byte
// offsets into Norm, which is fast in Go; Doc.CP converts a byte offset to the
// code point offset every output uses, in one place.
package text

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Error is a problem with the input itself, reported to the reader as is.
type Error struct {
	Code    string // "invalid_utf8", "nul_byte"
	Message string
	Offset  int // byte offset of the problem in the input
}

func (e *Error) Error() string { return e.Message }

// Doc is a checked text and its normalised copy.
type Doc struct {
	Orig string // the text exactly as given
	Norm string // same code points count as Orig, normalised
	// starts and ostarts hold the byte offset of every code point in Norm
	// and in Orig, plus their lengths; nil when the text is ASCII (byte
	// offset == code point offset).
	starts, ostarts []int32
}

// New checks s and normalises it. It fails on invalid UTF-8 and on NUL
// characters (a sign of a binary file), saying where.
func New(s string) (*Doc, error) {
	ascii := true
	for i := 0; i < len(s); {
		c := s[i]
		if c == 0 {
			line, col := lineCol(s, i)
			return nil, &Error{Code: "nul_byte", Offset: i,
				Message: fmt.Sprintf("the text contains a NUL character at line %d, column %d (byte %d); is it a binary file?", line, col, i)}
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		ascii = false
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			line, col := lineCol(s, i)
			return nil, &Error{Code: "invalid_utf8", Offset: i,
				Message: fmt.Sprintf("the text is not valid UTF-8: byte 0x%02x at line %d, column %d (byte %d)", c, line, col, i)}
		}
		i += size
	}
	d := &Doc{Orig: s}
	d.Norm = normalise(s)
	if !ascii {
		d.starts = runeStarts(d.Norm)
		d.ostarts = runeStarts(s)
	}
	return d, nil
}

func runeStarts(s string) []int32 {
	st := make([]int32, 0, utf8.RuneCountInString(s)+1)
	for i := range s {
		st = append(st, int32(i))
	}
	return append(st, int32(len(s)))
}

// lineCol gives the 1-based line and column (in code points) of byte i.
func lineCol(s string, i int) (line, col int) {
	before := s[:i]
	line = strings.Count(before, "\n") + 1
	col = utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:]) + 1
	return line, col
}

// CP converts a byte offset in Norm to a code point offset.
func (d *Doc) CP(b int) int {
	if d.starts == nil {
		return b
	}
	return sort.Search(len(d.starts), func(k int) bool { return int(d.starts[k]) >= b })
}

// Len is the length of the text in code points.
func (d *Doc) Len() int {
	if d.starts == nil {
		return len(d.Norm)
	}
	return len(d.starts) - 1
}

// Slice returns the original text between two byte offsets of Norm.
func (d *Doc) Slice(b, e int) string {
	if d.starts == nil {
		return d.Orig[b:e]
	}
	return d.Orig[d.ostarts[d.CP(b)]:d.ostarts[d.CP(e)]]
}

// SliceCP returns the original text between two code point offsets.
func (d *Doc) SliceCP(from, to int) string {
	if d.starts == nil {
		return d.Orig[from:to]
	}
	return d.Orig[d.ostarts[from]:d.ostarts[to]]
}

// normalise maps every code point of s to exactly one code point.
func normalise(s string) string {
	var b *strings.Builder
	for i, r := range s {
		m := mapRune(s, i, r)
		if m == r && b == nil {
			continue
		}
		if b == nil {
			b = &strings.Builder{}
			b.Grow(len(s))
			b.WriteString(s[:i])
		}
		b.WriteRune(m)
	}
	if b == nil {
		return s
	}
	return b.String()
}

func mapRune(s string, i int, r rune) rune {
	switch {
	case r == '\n' || r == '\t':
		return r
	case r == '\r':
		if i+1 < len(s) && s[i+1] == '\n' {
			return ' '
		}
		return '\n' // a lone CR ends a line (old Mac text)
	case r == '\u2028' || r == '\u2029' || r == '\u0085':
		return '\n'
	case r < 0x20 || r == 0x7f:
		return ' '
	case r == '\u00a0' || (r >= '\u2000' && r <= '\u200b') || r == '\u202f' || r == '\u205f' || r == '\u3000' || r == '\ufeff':
		return ' '
	}
	return r
}

// Span is a stretch of Norm in byte offsets, end exclusive; stages pass
// these around and the engine converts them to code points at the end.
type Span struct{ Start, End int }

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Union sorts and joins spans: overlapping or touching ones become one,
// empty ones go. It works on a copy; the caller's slice is left alone.
func Union(spans []Span) []Span {
	if len(spans) == 0 {
		return nil
	}
	c := make([]Span, 0, len(spans))
	for _, sp := range spans {
		if sp.Start < sp.End {
			c = append(c, sp)
		}
	}
	if !slices.IsSortedFunc(c, byStart) { // the engine mostly passes them sorted
		// sort.Slice, which the engine links anyway: slices.SortFunc's
		// instantiation for Span was 17 KB of the page's wasm code.
		sort.Slice(c, func(i, j int) bool { return c[i].Start < c[j].Start })
	}
	k := 0
	for _, sp := range c {
		if k > 0 && sp.Start <= c[k-1].End {
			c[k-1].End = max(c[k-1].End, sp.End)
			continue
		}
		c[k] = sp
		k++
	}
	return c[:k]
}

func byStart(a, b Span) int { return a.Start - b.Start }

// Byte converts a code point offset (0..Len) to a byte offset in Norm; it
// aligns gold annotations, which count code points, with the stages' spans.
func (d *Doc) Byte(cp int) int {
	if d.starts == nil {
		return min(max(cp, 0), len(d.Norm))
	}
	return int(d.starts[min(max(cp, 0), len(d.starts)-1)])
}
