// Package quote finds direct quotations: straight, curly and guillemet
// quotes, nested quotes, quotes running over several paragraphs, and tells
// scare quotes (a word or short phrase that is not speech) apart.
package quote

import "github.com/whosaid/whosaid/internal/segment"

// Quote is one quotation.
type Quote struct {
	Start, End int  // byte offsets including the quote marks
	Scare      bool // scare quotes or a title: not speech
	Nested     bool // inside another quotation
	Closed     bool // false when no closing mark came before the paragraph (or text) ended
}

// Find returns the quotations of seg, sorted by Start. PLACEHOLDER.
func Find(seg *segment.Doc) []Quote { return nil }
