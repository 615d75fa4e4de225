package text

import (
	"errors"
	"slices"
	"testing"
	"unicode/utf8"
)

func TestNew(t *testing.T) {
	tests := []struct {
		name, in, norm string
	}{
		{"ascii", "He said it.", "He said it."},
		{"crlf", "a\r\nb", "a \nb"},
		{"lone cr", "a\rb", "a\nb"},
		{"nbsp", "U.S.\u00a0forces", "U.S. forces"},
		{"curly quotes kept", "“Yes,” she said.", "“Yes,” she said."},
		{"line separator", "a\u2028b", "a\nb"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := New(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if d.Norm != tt.norm {
				t.Errorf("Norm = %q, want %q", d.Norm, tt.norm)
			}
			if d.Len() != utf8.RuneCountInString(tt.in) {
				t.Errorf("Len = %d, want %d", d.Len(), utf8.RuneCountInString(tt.in))
			}
			if d.Slice(0, len(d.Norm)) != tt.in {
				t.Errorf("Slice(all) = %q", d.Slice(0, len(d.Norm)))
			}
		})
	}
}

func TestCP(t *testing.T) {
	d, err := New("é😀 “x”")
	if err != nil {
		t.Fatal(err)
	}
	// bytes: é=2, 😀=4, ' '=1, “=3, x=1, ”=3
	for b, want := range map[int]int{0: 0, 2: 1, 6: 2, 7: 3, 10: 4, 11: 5, 14: 6} {
		if got := d.CP(b); got != want {
			t.Errorf("CP(%d) = %d, want %d", b, got, want)
		}
	}
	if got := d.Slice(10, 11); got != "x" {
		t.Errorf("Slice = %q", got)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		in, code, msg string
	}{
		{"ok\nab\xffc", "invalid_utf8", "the text is not valid UTF-8: byte 0xff at line 2, column 3 (byte 5)"},
		{"a\x00b", "nul_byte", "the text contains a NUL character at line 1, column 2 (byte 1); is it a binary file?"},
	}
	for _, tt := range tests {
		_, err := New(tt.in)
		var te *Error
		if !errors.As(err, &te) {
			t.Fatalf("New(%q) error = %v, want *Error", tt.in, err)
		}
		if te.Code != tt.code || te.Message != tt.msg {
			t.Errorf("New(%q) = %s %q, want %s %q", tt.in, te.Code, te.Message, tt.code, tt.msg)
		}
	}
}

func FuzzNew(f *testing.F) {
	for _, s := range []string{"", "a\r\nb", "é😀 “x”", "\xff", "a\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := New(s)
		if err != nil {
			return
		}
		if d.Len() != utf8.RuneCountInString(s) || utf8.RuneCountInString(d.Norm) != d.Len() {
			t.Fatalf("code point counts differ")
		}
		if d.Slice(0, len(d.Norm)) != s {
			t.Fatalf("Slice(all) != input")
		}
	})
}

func TestByte(t *testing.T) {
	d, _ := New("é😀 “x”")
	for cp, want := range map[int]int{0: 0, 1: 2, 2: 6, 3: 7, 4: 10, 5: 11, 6: 14, 99: 14, -1: 0} {
		if got := d.Byte(cp); got != want {
			t.Errorf("Byte(%d) = %d, want %d", cp, got, want)
		}
	}
}

// TestUnion: spans sorted, overlapping or touching ones made one, empty
// ones dropped, nothing from nothing, and the caller's slice untouched.
func TestUnion(t *testing.T) {
	sp := func(s, e int) Span { return Span{Start: s, End: e} }
	for _, tc := range []struct {
		in, want []Span
	}{
		{nil, nil},
		{[]Span{sp(5, 9)}, []Span{sp(5, 9)}},
		{[]Span{sp(10, 20), sp(0, 4)}, []Span{sp(0, 4), sp(10, 20)}},
		{[]Span{sp(0, 10), sp(10, 12)}, []Span{sp(0, 12)}},
		{[]Span{sp(0, 10), sp(20, 30), sp(5, 25)}, []Span{sp(0, 30)}},
		{[]Span{sp(3, 3), sp(0, 2)}, []Span{sp(0, 2)}},
	} {
		in := slices.Clone(tc.in)
		if got := Union(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("Union(%v) = %v, want %v", in, got, tc.want)
		}
		if !slices.Equal(in, tc.in) {
			t.Errorf("Union changed its argument: %v, was %v", tc.in, in)
		}
	}
}
