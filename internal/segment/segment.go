// Package segment splits normalised text into paragraphs, sentences and
// tokens, each with byte offsets into that text.
package segment

import (
	"sort"

	"github.com/whosaid/whosaid/internal/text"
)

// Kind is what a token is made of.
type Kind uint8

const (
	Word   Kind = iota // letters, possibly with inner apostrophes, hyphens, dots ("U.S.", "al-Baghdadi")
	Number             // digits, possibly with , . % ("2,000", "3.5%")
	Punct              // . , ; : ! ? ( ) - — …
	Quote              // " “ ” ‘ ’ ' « » ‹ › „ and friends, always a token of its own
	Symbol             // anything else ($, #, emoji, …)
)

// IsWord reports a word or a number: the tokens a claim's words are made of.
func (k Kind) IsWord() bool { return k == Word || k == Number }

// Token is a word, number, punctuation mark or quote mark.
type Token struct {
	Start, End int32 // byte offsets into Doc.Text, end exclusive
	Kind       Kind
}

// Sentence is a run of tokens that ends a statement.
type Sentence struct {
	Start, End  int // byte offsets, trimmed of surrounding space
	First, Last int // token indices [First, Last)
	Para        int // index into Doc.Paras
}

// Para is a block of text between blank lines (or single line breaks
// between lines that look like separate blocks).
type Para struct {
	Start, End  int // byte offsets, trimmed
	First, Last int // sentence indices [First, Last)
}

// Doc is the segmented text.
type Doc struct {
	Text      string
	Tokens    []Token
	Sentences []Sentence
	Paras     []Para
}

// Word returns the text of token i.
func (d *Doc) Word(i int) string { return d.Text[d.Tokens[i].Start:d.Tokens[i].End] }

// SentenceAt returns the index of the sentence that holds byte b, or of
// the first one after it when b lies between sentences; len(d.Sentences)
// when none ends after b. It is a binary search.
func (d *Doc) SentenceAt(b int) int {
	return sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].End > b })
}

// TokenAt returns the index of the first token that ends after byte b
// (the token holding b, or the next one); len(d.Tokens) when none does.
// It is a binary search.
func (d *Doc) TokenAt(b int) int {
	return sort.Search(len(d.Tokens), func(i int) bool { return int(d.Tokens[i].End) > b })
}

// TokenRange is the range of tokens [first, last) that sp overlaps, found
// by binary search; -1, -1 when it overlaps none.
func (d *Doc) TokenRange(sp text.Span) (first, last int) {
	first = d.TokenAt(sp.Start)
	last = sort.Search(len(d.Tokens), func(i int) bool { return int(d.Tokens[i].Start) >= sp.End })
	if first >= last {
		return -1, -1
	}
	return first, last
}

// ParaAt is SentenceAt for paragraphs.
func (d *Doc) ParaAt(b int) int {
	return sort.Search(len(d.Paras), func(i int) bool { return d.Paras[i].End > b })
}
