package attrib

import (
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/text"
	"github.com/whosaid/whosaid/internal/wordshape"
)

// MaxLabelWords is how many words a speaker label may have ("KATE
// BOULDUAN", "SEN. TIM KAINE").
const MaxLabelWords = 3

// Turns finds the turns of an interview transcript ("WALLACE: Let's start
// with …" / "PENCE: Well, look, …"): a paragraph that opens with a speaker
// label in capitals and a colon is that speaker's words, as PolNeAR draws
// it (source the label, cue the colon, content the rest of the paragraph).
//
// One label alone is not a transcript: "CORRECTION:", "UPDATE:" or a
// column's "HUFFPOLLSTER:" open paragraphs too. So the turns count only when
// at least two different speakers take turns, and labels of page furniture
// never count. The turns are direct speech and sorted by start.
func Turns(seg *segment.Doc) []Attribution {
	type turn struct {
		first, colon int
		key          string // the label's last word: "JAKE TAPPER" and "TAPPER" are one speaker
	}
	var turns []turn
	speakers := map[string]bool{}
	for _, p := range seg.Paras {
		if p.First >= p.Last {
			continue
		}
		k := seg.Sentences[p.First].First
		end := seg.Sentences[p.Last-1].Last
		if k < end && seg.Tokens[k].Kind == segment.Quote {
			k++ // a transcript pasted inside quotation marks
		}
		first := k
		for k < end && k-first < MaxLabelWords && capsWord(seg.Word(k)) {
			k++
		}
		if k == first || k >= end || seg.Word(k) != ":" || labels[wordshape.Lower(seg.Word(k-1))] {
			continue
		}
		key := wordshape.Lower(seg.Word(k - 1))
		turns = append(turns, turn{first: first, colon: k, key: key})
		speakers[key] = true
	}
	if len(speakers) < 2 {
		return nil
	}
	var out []Attribution
	for _, t := range turns {
		p := seg.Paras[seg.ParaAt(int(seg.Tokens[t.colon].Start))]
		start, end := int(seg.Tokens[t.colon].End), p.End
		for start < end && (seg.Text[start] == ' ' || seg.Text[start] == '\t') {
			start++
		}
		if start >= end {
			continue
		}
		out = append(out, Attribution{
			Content:  []text.Span{{Start: start, End: end}},
			Cue:      text.Span{Start: int(seg.Tokens[t.colon].Start), End: int(seg.Tokens[t.colon].End)},
			Source:   text.Span{Start: int(seg.Tokens[t.first].Start), End: int(seg.Tokens[t.colon-1].End)},
			Kind:     Direct,
			Turn:     true,
			SrcFirst: t.first, SrcLast: t.colon,
			RefFirst: t.first, RefLast: t.first,
		})
	}
	return out
}

// capsWord reports whether w is a word in capitals of two letters or more
// ("PENCE", "O'REILLY", "SEN."): a speaker label's shape.
func capsWord(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.' || r == '\'' || r == '’' || r == '-':
		default:
			return false
		}
	}
	return letters >= 2 || letters == 1 && utf8.RuneCountInString(w) == 2 && w[1] == '.'
}
