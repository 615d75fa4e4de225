package engine

import (
	"strings"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/readable"
)

// Extraction says what was read out of a whole web page: the words of the
// article analysed (Text), of the whole page, and the blocks left out by
// kind (menus, headers, footers, sidebars, comments, related, share,
// notices, forms, other).
type Extraction struct {
	Words     int            `json:"words"`
	PageWords int            `json:"page_words"`
	Dropped   []DroppedBlock `json:"dropped"`
}

// DroppedBlock counts the blocks of one kind left out of the article.
type DroppedBlock struct {
	Kind   string `json:"kind"`
	Blocks int    `json:"blocks"`
	Words  int    `json:"words"`
}

// withPage puts what the page says about itself (its metadata, what was
// left out) into res. The page's own title, authors and date win over those
// read from the text; a span stays only where the text shows that value.
func withPage(res *Result, art *readable.Article) {
	if art.Extracted {
		x := &Extraction{Words: art.Words, PageWords: art.PageWords, Dropped: []DroppedBlock{}}
		for _, d := range art.Dropped {
			x.Dropped = append(x.Dropped, DroppedBlock{Kind: d.Kind, Blocks: d.Blocks, Words: d.Words})
		}
		res.Extraction = x
	}
	m := &res.Meta
	if art.Title != "" && art.Title != m.Title {
		m.Title = art.Title
		m.TitleSpan = findSpan(res.Text, art.Title)
	}
	if len(art.Authors) > 0 {
		m.Authors = art.Authors
		if m.BylineSpan != nil && !strings.Contains(m.BylineSpan.Text, art.Authors[0]) {
			m.BylineSpan = nil
		}
	}
	if art.Published != "" && art.Published != m.Published {
		m.Published = art.Published
		m.PublishedSpan = nil
	}
}

// findSpan is the first place near the top of text that holds s as a line
// of its own, in code points; nil when there is none.
func findSpan(text, s string) *Span {
	const top = 4000 // bytes: a headline is at the top
	head := text
	if len(head) > top {
		head = head[:top]
	}
	for from := 0; from < len(head); {
		i := strings.Index(head[from:], s)
		if i < 0 {
			return nil
		}
		i += from
		j := i + len(s)
		if (i == 0 || head[i-1] == '\n') && (j == len(text) || text[j] == '\n') {
			start := utf8.RuneCountInString(text[:i])
			return &Span{Start: start, End: start + utf8.RuneCountInString(s), Text: s}
		}
		from = j
	}
	return nil
}
