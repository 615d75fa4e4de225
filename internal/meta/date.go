package meta

import (
	"strconv"

	"github.com/whosaid/whosaid/internal/wordshape"
)

// A date line is short: only its first maxDateTokens tokens are read, which
// bounds the work on any input.
const maxDateTokens = 48

type tokKind uint8

const (
	tWord tokKind = iota + 1
	tNum
	tPunct
)

type tok struct {
	kind       tokKind
	start, end int
}

// ParseDate finds the first calendar date in s and returns it as ISO 8601
// (YYYY-MM-DD). It reads "February 12, 2019", "Feb. 12 2019", "12th of
// February 2019", "2019-02-12", "2019/02/12", "12.02.2019" (day first) and
// "02/12/2019" (month first, as in American papers, unless the first number
// cannot be a month); weekdays, times and labels around the date are
// skipped. ok is false when s holds no valid date between 1900 and 2100.
func ParseDate(s string) (iso string, ok bool) {
	var buf [maxDateTokens]tok
	toks := tokenize(s, buf[:0])
	for i := range toks {
		if y, m, d, ok := dateAt(s, toks, i); ok {
			return format(y, m, d), true
		}
	}
	return "", false
}

// tokenize splits s into words, digit runs and single punctuation marks,
// skipping spaces.
func tokenize(s string, toks []tok) []tok {
	for i := 0; i < len(s) && len(toks) < cap(toks); {
		c := s[i]
		j := i + 1
		var k tokKind
		switch {
		case c == ' ' || c == '\t' || c == '\n':
			i++
			continue
		case c >= '0' && c <= '9':
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			k = tNum
		case isLetter(c):
			for j < len(s) && isLetter(s[j]) {
				j++
			}
			k = tWord
		default:
			// a multi-byte character is one punctuation token
			for j < len(s) && s[j]&0xC0 == 0x80 {
				j++
			}
			k = tPunct
		}
		toks = append(toks, tok{k, i, j})
		i = j
	}
	return toks
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// dateAt tries every pattern at token i.
func dateAt(s string, t []tok, i int) (y, m, d int, ok bool) {
	txt := func(k int) string { return s[t[k].start:t[k].end] }
	is := func(k int, kind tokKind) bool { return k < len(t) && t[k].kind == kind }
	punct := func(k int, p string) bool { return is(k, tPunct) && txt(k) == p }
	num := func(k int) int {
		if !is(k, tNum) || t[k].end-t[k].start > 4 {
			return -1
		}
		n, _ := strconv.Atoi(txt(k))
		return n
	}
	year := func(k int) int {
		if !is(k, tNum) || t[k].end-t[k].start != 4 {
			return -1
		}
		return num(k)
	}
	// a day number may carry an ordinal suffix: 12th
	day := func(k int) (int, int) {
		n := num(k)
		if n < 1 || t[k].end-t[k].start > 2 {
			return -1, k
		}
		if is(k+1, tWord) && t[k+1].start == t[k].end {
			switch wordshape.Lower(txt(k + 1)) {
			case "st", "nd", "rd", "th":
				k++
			}
		}
		return n, k
	}
	// a month name may be followed by an abbreviation dot
	month := func(k int) (int, int) {
		if !is(k, tWord) {
			return -1, k
		}
		mo := MonthNumber(wordshape.Lower(txt(k)))
		if mo > 0 && punct(k+1, ".") {
			k++
		}
		return mo, k
	}
	switch t[i].kind {
	case tNum:
		if y = year(i); y > 0 && (punct(i+1, "-") || punct(i+1, "/")) && punct(i+3, txt(i+1)) {
			// 2019-02-12, 2019/02/12
			m, d = num(i+2), num(i+4)
			if t[i+2].end-t[i+2].start <= 2 && is(i+4, tNum) && t[i+4].end-t[i+4].start <= 2 {
				return y, m, d, valid(y, m, d)
			}
			return 0, 0, 0, false
		}
		a, k := day(i)
		if a < 0 {
			return 0, 0, 0, false
		}
		if (punct(k+1, "/") || punct(k+1, ".")) && punct(k+3, txt(k+1)) && k == i {
			// 02/12/2019 (month first unless impossible), 12.02.2019 (day first)
			b, y := num(k+2), year(k+4)
			if y < 0 || t[k+2].end-t[k+2].start > 2 {
				return 0, 0, 0, false
			}
			if txt(k+1) == "." || a > 12 {
				return y, b, a, valid(y, b, a)
			}
			return y, a, b, valid(y, a, b)
		}
		// 12 February 2019, 12th of Feb. 2019
		if is(k+1, tWord) && wordshape.Lower(txt(k+1)) == "of" {
			k++
		}
		mo, k := month(k + 1)
		if mo < 0 {
			return 0, 0, 0, false
		}
		if punct(k+1, ",") {
			k++
		}
		if y = year(k + 1); y > 0 {
			return y, mo, a, valid(y, mo, a)
		}
	case tWord:
		// February 12, 2019; Feb. 12 2019
		mo, k := month(i)
		if mo < 0 {
			return 0, 0, 0, false
		}
		a, k := day(k + 1)
		if a < 0 {
			return 0, 0, 0, false
		}
		if punct(k+1, ",") {
			k++
		}
		if y = year(k + 1); y > 0 {
			return y, mo, a, valid(y, mo, a)
		}
	}
	return 0, 0, 0, false
}

// MonthNumber is the number (1 to 12) of a full or abbreviated English
// month name in lower case ("february", "feb", "sept"), -1 for any other
// word: the one month list, which readable's byline rules share. A loop,
// not a switch, and not inlined: both would add a kilobyte or two of wasm
// at each call site.
//
//go:noinline
func MonthNumber(w string) int {
	if len(w) < 3 {
		return -1
	}
	for m, name := range [...]string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"} {
		if w[0] == name[0] && (w == name || w == name[:3] || m == 8 && w == "sept") {
			return m + 1
		}
	}
	return -1
}

func valid(y, m, d int) bool {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m]
	if m == 2 && y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		days = 29
	}
	return d <= days
}

func format(y, m, d int) string {
	b := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-', byte('0' + d/10), byte('0' + d%10)}
	return string(b[:])
}
