// Package minijson writes and reads JSON without reflection, for the
// page's wasm. There encoding/json cost 79,357 bytes brotli of engine.wasm
// (its encoder and decoder, and the reflect code and type information
// they keep: the same build with every use of it stubbed out); this
// package, with the Result's writer (internal/export) and reader
// (wasm/browser) written by hand on it, brought back 16,164 of them: the
// page's wasm is 63,193 bytes smaller. It writes exactly the bytes
// encoding/json writes (SetEscapeHTML(false)) and reads what
// json.Unmarshal into an any reads; the tests and FuzzAppendString and
// FuzzParse hold it to both.
package minijson

import (
	"errors"
	"math"
	"strconv"
	"unicode/utf8"
)

const hex = "0123456789abcdef"

// AppendString appends s as a JSON string, as encoding/json writes it
// with SetEscapeHTML(false): ", \ and control characters escaped, U+2028
// and U+2029 escaped, invalid UTF-8 written as \ufffd.
func AppendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// ErrUnsupported is AppendFloat's error for NaN and infinities, which
// JSON cannot hold.
var ErrUnsupported = errors.New("minijson: unsupported value: NaN or infinity")

// AppendFloat appends f as encoding/json writes a float64: the shortest
// decimal that reads back as f, with an exponent below 1e-6 and from 1e21.
func AppendFloat(b []byte, f float64) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return b, ErrUnsupported
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if n := len(b); format == 'e' && n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
		b[n-2] = b[n-1] // e-07 → e-7
		b = b[:n-1]
	}
	return b, nil
}
