// Package wordshape answers questions about a word's letters that several
// stages ask: is it capitalised, an acronym, what is it in lower case.
package wordshape

import (
	"unicode"
	"unicode/utf8"
)

// Lower returns w in lower case, without allocating when w is already
// lower-case ASCII (most words of an article).
func Lower(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			b := make([]rune, 0, len(w))
			for _, r := range w {
				b = append(b, unicode.ToLower(r))
			}
			return string(b)
		}
	}
	return w
}

// Capitalised reports a word starting with an upper-case letter.
func Capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// Acronym reports a word of two or more letters with none in lower case
// ("IS", "AFP", "U.S."): a name even when it spells a function word.
func Acronym(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

// HasAlnum reports whether s holds a letter or a digit.
func HasAlnum(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
