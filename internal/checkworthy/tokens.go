package checkworthy

import (
	"sort"

	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
	"github.com/whosaid/whosaid/internal/text"
)

// AppendTokens appends to dst the tokens of seg that lie inside spans
// (byte spans, sorted by start), in text order, with their tags (tags may
// be nil). This is how the engine hands a claim to Score: the sentence of
// an unattributed claim; the content, cue and source of an attributed one.
func AppendTokens(dst []Token, seg *segment.Doc, tags []tag.Tag, spans []text.Span) []Token {
	if len(tags) != len(seg.Tokens) {
		tags = nil
	}
	for _, sp := range spans {
		i := sort.Search(len(seg.Tokens), func(i int) bool { return int(seg.Tokens[i].Start) >= sp.Start })
		for ; i < len(seg.Tokens) && int(seg.Tokens[i].End) <= sp.End; i++ {
			t := seg.Tokens[i]
			if t.Start < 0 || int(t.End) > len(seg.Text) || t.Start >= t.End {
				continue
			}
			tk := Token{Word: seg.Text[t.Start:t.End], Kind: t.Kind}
			if tags != nil {
				tk.Tag = tags[i]
			}
			dst = append(dst, tk)
			if len(dst) >= maxTokens*4 {
				return dst // features read maxTokens at most anyway
			}
		}
	}
	return dst
}

// TextTokens segments and tags a whole text as the engine does (the
// normalised text, tagged sentence by sentence): how training reads a
// labelled sentence.
func TextTokens(tg *tag.Model, s string) ([]Token, error) {
	doc, err := text.New(s)
	if err != nil {
		return nil, err
	}
	seg := segment.Split(doc.Norm)
	return AppendTokens(nil, seg, tg.TagDoc(seg), []text.Span{{Start: 0, End: len(seg.Text)}}), nil
}
