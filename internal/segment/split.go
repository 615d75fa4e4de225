package segment

import (
	"unicode"
	"unicode/utf8"
)

// Split segments s. PLACEHOLDER: a naive splitter so that later stages can be
// written against the types; it is being replaced.
func Split(s string) *Doc {
	d := &Doc{Text: s}
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !(unicode.IsLetter(r2) || unicode.IsDigit(r2)) {
					break
				}
				j += n2
			}
			k := Word
			if unicode.IsDigit(r) {
				k = Number
			}
			d.Tokens = append(d.Tokens, Token{int32(i), int32(j), k})
			i = j
		default:
			k := Punct
			switch r {
			case '"', '\'', '“', '”', '‘', '’', '«', '»':
				k = Quote
			}
			d.Tokens = append(d.Tokens, Token{int32(i), int32(i + n), k})
			i += n
		}
	}
	// sentences end at . ! ? ; paragraphs at blank lines
	first := 0
	para := 0
	pstart := 0
	for t := range d.Tokens {
		tok := d.Tokens[t]
		end := false
		w := s[tok.Start:tok.End]
		if w == "." || w == "!" || w == "?" {
			end = true
		}
		if t+1 < len(d.Tokens) && blankLine(s[tok.End:d.Tokens[t+1].Start]) {
			end = true
		}
		if t == len(d.Tokens)-1 {
			end = true
		}
		if end {
			d.Sentences = append(d.Sentences, Sentence{int(d.Tokens[first].Start), int(tok.End), first, t + 1, para})
			first = t + 1
			if t+1 == len(d.Tokens) || blankLine(s[tok.End:d.Tokens[t+1].Start]) {
				d.Paras = append(d.Paras, Para{d.Sentences[pstart].Start, int(tok.End), pstart, len(d.Sentences)})
				pstart = len(d.Sentences)
				para++
			}
		}
	}
	return d
}

func blankLine(gap string) bool {
	n := 0
	for _, r := range gap {
		if r == '\n' {
			n++
		}
	}
	return n >= 1
}
