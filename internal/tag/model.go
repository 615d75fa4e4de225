package tag

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Model tags words. PLACEHOLDER: a heuristic stand-in with the final API,
// until the compact perceptron model lands.
type Model struct{}

// Default returns the embedded model, loaded once.
func Default() (*Model, error) { return &Model{}, nil }

// Tag writes the tag of every word into out, which must be as long as words.
func (m *Model) Tag(words []string, out []Tag) {
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		lw := strings.ToLower(w)
		switch {
		case unicode.IsDigit(r):
			out[i] = CD
		case w == ",":
			out[i] = Comma
		case w == "." || w == "!" || w == "?":
			out[i] = Period
		case lw == "he" || lw == "she" || lw == "they" || lw == "it" || lw == "i" || lw == "we":
			out[i] = PRP
		case lw == "the" || lw == "a" || lw == "an":
			out[i] = DT
		case strings.HasSuffix(lw, "ed"):
			out[i] = VBD
		case unicode.IsUpper(r):
			out[i] = NNP
		case unicode.IsLetter(r):
			out[i] = NN
		default:
			out[i] = SYM
		}
	}
}
