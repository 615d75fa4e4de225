package segment

import (
	"strings"
	"unicode"

	"github.com/whosaid/whosaid/internal/wordshape"
)

// maxDatelineTokens bounds how far Dateline looks: "NEWPORT NEWS, Va. -"
// and "WASHINGTON (AP) —" take five.
const maxDatelineTokens = 8

// Dateline returns the first token after the dateline that opens sentence
// si, or -1 when it opens none. A dateline is the place (and agency) a
// wire story is filed from, or a subhead in capitals, set off by a dash at
// a paragraph's start: "WASHINGTON (AP) — The Latest …", "HEMPSTEAD, N.Y.
// ― If it worked …", "QUESTIONABLE MEDICAL CLAIMS — For years, …". It is
// the writer's label, not part of any claim. Only the sentence that opens
// its paragraph can open with one, and a word must follow the dash.
func (d *Doc) Dateline(si int) int {
	if si < 0 || si >= len(d.Sentences) {
		return -1
	}
	st := d.Sentences[si]
	if st.Para < 0 || st.Para >= len(d.Paras) || d.Paras[st.Para].First != si {
		return -1
	}
	k := st.First
	if k >= st.Last || d.Tokens[k].Kind != Word || !capitals(d.Word(k), 2) {
		return -1
	}
	comma := false
	for k++; k < st.Last && k-st.First < maxDatelineTokens; k++ {
		w := d.Word(k)
		switch {
		case dash(w):
			if k+1 < st.Last && d.Tokens[k+1].Kind.IsWord() {
				return k + 1
			}
			return -1
		case w == ",":
			comma = true
		case w == "(":
			// the agency: "(AP)", "(Reuters)"
			e := k + 1
			for e < st.Last && e-k <= 3 && d.Tokens[e].Kind == Word && wordshape.Capitalised(d.Word(e)) {
				e++
			}
			if e == k+1 || e >= st.Last || d.Word(e) != ")" {
				return -1
			}
			k = e
		case d.Tokens[k].Kind == Word && (capitals(w, 1) || comma && wordshape.Capitalised(w) && strings.HasSuffix(w, ".")):
			// more of the place, or its state after a comma ("N.Y.", "W.Va.")
		default:
			return -1
		}
	}
	return -1
}

// dash reports whether w is a dash that sets off a dateline.
func dash(w string) bool {
	switch w {
	case "-", "--", "—", "–", "―":
		return true
	}
	return false
}

// capitals reports whether w has at least least letters, all of them
// capitals (wordshape.Acronym also takes letters without case).
func capitals(w string, least int) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= least
}
