// Package meta reads what an article says about itself: headline, byline,
// publication date.
package meta

import (
	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/text"
)

// Meta is the article's title, authors and date, and where they were read.
type Meta struct {
	Title     string
	Authors   []string
	Published string // ISO 8601
	// Byte spans of the lines read; zero spans when absent.
	TitleSpan, BylineSpan, PublishedSpan text.Span
	// Paras are the paragraph indices that are headline, byline or date
	// line: not claims.
	Paras []int
}

// Find reads the meta of seg. PLACEHOLDER.
func Find(seg *segment.Doc) Meta { return Meta{} }
