// Package claims finds the statements an article makes with no source, and
// scores how check-worthy each is.
package claims

import (
	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
	"github.com/whosaid/whosaid/internal/text"
)

// Claim is one unattributed statement.
type Claim struct {
	text.Span
	Score   float64  // check-worthiness in [0,1]
	Reasons []string // "number", "quantity", "comparison", "causal", "named_entity", "time"
}

// Unattributed returns the sentences of seg that are statements and that no
// attribution covers. covered holds the byte spans of attributed contents,
// sources and cues; skip the paragraph indices not to read (meta lines).
// Headlines, bylines, date lines and boilerplate ("Like this:", "Share
// this:", "Related") are never claims. PLACEHOLDER.
func Unattributed(seg *segment.Doc, tags []tag.Tag, covered []text.Span, skip []int) []Claim {
	return nil
}
