// Package claims finds the statements an article makes with no source.
//
// A claim is a sentence that states something (it has a verb, is no
// question, no headline and no boilerplate) and that attributions cover
// less than half of. How check-worthy each is, is internal/checkworthy's
// to say.
package claims

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
	"github.com/whosaid/whosaid/internal/text"
)

const (
	// maxCovered is the share of a sentence's bytes that attributions may
	// cover before it counts as attributed: "…, he said" covers nearly all
	// of a sentence, while a sentence that only mentions an announcement in
	// a subordinate clause stays the author's claim.
	maxCovered = 0.5
	// minWords: shorter sentences are fragments ("Thank you.").
	minWords = 4
	// maxHeadWords: a paragraph of one sentence without final punctuation
	// and no longer than this is a headline or subhead.
	maxHeadWords = 20
)

// Unattributed returns the sentences of seg that are statements and that no
// attribution covers. covered holds the byte spans of attributed contents,
// sources and cues; skip the paragraph indices not to read (meta lines).
// Headlines, bylines, date lines and boilerplate ("Like this:", "Share
// this:", "Related") are never claims, and a paragraph's first sentence
// starts after its dateline ("WASHINGTON (AP) —", segment.Dateline).
// tags, one per token of seg, may be nil: verbs are then told by spelling
// alone.
func Unattributed(seg *segment.Doc, tags []tag.Tag, covered []text.Span, skip []int) []text.Span {
	if len(tags) != len(seg.Tokens) {
		tags = nil
	}
	skipped := make([]bool, len(seg.Paras))
	for _, p := range skip {
		if p >= 0 && p < len(skipped) {
			skipped[p] = true
		}
	}
	cov := text.Union(covered)
	s := seg.Text
	var out []text.Span
	j := 0 // first merged span that may overlap the current sentence
	lastPara, skipPara := -1, false
	for si, sen := range seg.Sentences {
		if sen.Start < 0 || sen.End > len(s) || sen.Start >= sen.End || sen.First < 0 || sen.Last > len(seg.Tokens) || sen.First >= sen.Last {
			continue
		}
		for j < len(cov) && cov[j].End <= sen.Start {
			j++
		}
		if sen.Para >= 0 && sen.Para < len(seg.Paras) {
			if sen.Para != lastPara {
				// judge each paragraph once, not once per sentence
				lastPara = sen.Para
				pr := seg.Paras[sen.Para]
				skipPara = skipped[sen.Para] || pr.Start < 0 || pr.End > len(s) || pr.Start > pr.End ||
					headline(seg, sen.Para) || boilerplate(s[pr.Start:pr.End])
			}
			if skipPara {
				continue
			}
		}
		st := s[sen.Start:sen.End]
		if boilerplate(st) || question(st) {
			continue
		}
		if coveredBytes(cov[j:], sen.Start, sen.End) > maxCovered*float64(sen.End-sen.Start) {
			continue
		}
		if !statement(seg, tags, si) {
			continue
		}
		start := sen.Start
		if k := seg.Dateline(si); k >= 0 {
			start = int(seg.Tokens[k].Start) // the place it was filed from is no claim
		}
		out = append(out, text.Span{Start: start, End: sen.End})
	}
	return out
}

// coveredBytes counts the bytes of [start, end) inside the merged spans,
// which begin with the first that can overlap it.
func coveredBytes(cov []text.Span, start, end int) float64 {
	n := 0
	for _, c := range cov {
		if c.Start >= end {
			break
		}
		n += max(0, min(c.End, end)-max(c.Start, start))
	}
	return float64(n)
}

// headline reports a paragraph of one short sentence with no final
// punctuation: a headline, a subhead, a caption label.
func headline(seg *segment.Doc, p int) bool {
	para := seg.Paras[p]
	if para.Last-para.First != 1 || para.Start < 0 || para.End > len(seg.Text) || para.Start >= para.End {
		return false
	}
	l := seg.Text[para.Start:para.End]
	r, _ := utf8.DecodeLastRuneInString(l)
	switch r {
	case '.', '!', '?', '…', '"', '”', '’', '\'', ')', ':', ';', ',':
		return false
	}
	return countWords(l, maxHeadWords+1) <= maxHeadWords
}

// question reports a sentence that asks rather than states.
func question(st string) bool {
	st = strings.TrimRight(st, "\"”’')» ")
	return strings.HasSuffix(st, "?")
}

// boilerplate reports the lines sites add around an article. A line counts
// only when short, so that a sentence that happens to start "Related" is
// still read.
func boilerplate(l string) bool {
	if strings.Contains(l, "©") || containsFold(l, "all rights reserved") {
		return true
	}
	w := countWords(l, 21)
	if w > 20 {
		return false
	}
	for _, pre := range boilerPrefixes {
		if len(l) >= len(pre) && strings.EqualFold(l[:len(pre)], pre) {
			return true
		}
	}
	// Ordinary words that are boilerplate only as a label: "Related",
	// "Comments: 12", but not "Related talks stalled on Monday."
	for _, pre := range boilerLabels {
		if len(l) >= len(pre) && strings.EqualFold(l[:len(pre)], pre) && (w <= 3 || strings.HasPrefix(l[len(pre):], ":")) {
			return true
		}
	}
	if w <= 12 {
		for _, sub := range creditWords {
			if containsFold(l, sub) {
				return true
			}
		}
	}
	return false
}

var boilerPrefixes = [...]string{
	"like this", "share this", "share on", "share:", "click here", "advertisement",
	"subscribe to", "subscribe now", "subscribe for", "follow us", "follow @", "read more", "read also", "see also", "more:", "copyright",
	"(c) ", "photo:", "photo by", "photo credit", "photograph:", "image:", "image credit", "picture:",
	"credit:", "sign up", "leave a comment", "tags:",
	"filed under", "email this", "print this", "watch:", "listen:",
	"this article was", "this story was", "this article originally", "editor's note",
	"editor’s note", "we use cookies", "download the app", "join our newsletter", "skip to",
}

var boilerLabels = [...]string{"related", "comments", "loading", "sponsored", "recommended", "tweet", "share",
	"subscribe", "newsletter", "advertisement", "print", "email", "tags", "trending", "most read", "popular"}

var creditWords = [...]string{"getty images", "/afp", "/reuters", "/ap photo", "ap photo", "afp photo", "reuters/", "file photo", "via getty"}

// containsFold is a case-insensitive strings.Contains for an ASCII,
// lower-case needle, without allocating.
func containsFold(s, needle string) bool {
	for i := 0; i+len(needle) <= len(s); i++ {
		if (s[i]|0x20) == needle[0] && strings.EqualFold(s[i:i+len(needle)], needle) {
			return true
		}
	}
	return false
}

// countWords counts the words of l, stopping at limit.
func countWords(l string, limit int) int {
	n, in := 0, false
	for _, r := range l {
		switch {
		case unicode.IsSpace(r):
			in = false
		case !in && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			n++
			in = true
			if n >= limit {
				return n
			}
		}
	}
	return n
}

// statement reports whether sentence si states something: at least
// minWords words, one of them a verb. Shorter sentences are fragments
// ("Thank you."), verbless ones labels and captions.
func statement(seg *segment.Doc, tags []tag.Tag, si int) bool {
	sen := seg.Sentences[si]
	var buf [24]byte
	words, verb := 0, false
	for t := sen.First; t < sen.Last; t++ {
		tok := seg.Tokens[t]
		if tok.Start < 0 || int(tok.End) > len(seg.Text) || tok.Start >= tok.End {
			continue
		}
		switch tok.Kind {
		case segment.Punct, segment.Quote, segment.Symbol:
			continue
		}
		words++
		if verb {
			continue
		}
		lw := string(lowerInto(&buf, seg.Text[tok.Start:tok.End])) // short, does not escape: no allocation
		if tags != nil {
			verb = tags[t].IsVerbOrModal()
		} else {
			verb = strings.HasSuffix(lw, "ed") && len(lw) > 4
		}
		verb = verb || isVerb(lw)
	}
	return verb && words >= minWords
}

// lowerInto lower-cases w into buf (ASCII only); longer words than buf
// come back empty, and match no list.
func lowerInto(buf *[24]byte, w string) []byte {
	if len(w) > len(buf) {
		return nil
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(w)]
}
