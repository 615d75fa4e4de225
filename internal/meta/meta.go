// Package meta reads what an article says about itself: headline, byline,
// publication date.
//
// Only the top of the article is read: the paragraphs before the first one
// that looks like body text (a long line, or one ending with a full stop),
// and at most maxParas of them, so the cost does not grow with the article.
package meta

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/text"
	"github.com/whosaid/whosaid/internal/wordset"
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

const (
	maxParas     = 8   // paragraphs read at the top of the article
	maxLine      = 200 // bytes: a longer line is body text
	maxTitleWord = 30
)

// Find reads the meta of seg.
func Find(seg *segment.Doc) Meta {
	var m Meta
	s := seg.Text
	first := true // at the text's first line
	for p := 0; p < len(seg.Paras) && p < maxParas; p++ {
		ps, pe := seg.Paras[p].Start, seg.Paras[p].End
		if ps < 0 || pe > len(s) || ps >= pe {
			continue
		}
		isMeta, body, kicker := true, false, false
		for ls := ps; ls < pe; {
			le := strings.IndexByte(s[ls:pe], '\n')
			if le < 0 {
				le = pe
			} else {
				le += ls
			}
			sp := trim(s, ls, le)
			ls = le + 1
			if sp.Start >= sp.End {
				continue
			}
			// A headline may end with a full stop ("O’Malley campaign to
			// shift staff, resources to Iowa."): the text's first line
			// still reads as one when a longer paragraph follows it.
			lead := first && !strings.Contains(s[ps:pe], "\n") && longerNext(seg, p)
			kind := m.line(s, sp, lead)
			if kind != lineKicker {
				first = false
			}
			switch kind {
			case lineBody:
				body = true
				isMeta = false
			case lineOther:
				isMeta = false
			case lineKicker:
				kicker = true
			}
		}
		// A kicker counts once a headline was read, so that a label at the
		// very top (a section name) does not stop the title search.
		if isMeta && (!kicker || m.Title != "") {
			m.Paras = append(m.Paras, p)
		}
		if body {
			break
		}
	}
	return m
}

type lineKind uint8

const (
	lineOther lineKind = iota // a short line that is none of these (a section name)
	lineBody
	lineTitle
	lineByline
	lineDate
	lineKicker // a section label in capitals: "ABSTRACT.", "LETTERS"
)

// line classifies the line at sp and records what it finds in m.
func (m *Meta) line(s string, sp text.Span, lead bool) lineKind {
	l := s[sp.Start:sp.End]
	if len(l) > maxLine {
		return lineBody
	}
	if m.Title != "" && strings.EqualFold(l, m.Title) {
		return lineTitle // the headline repeated
	}
	kind := lineOther
	// A byline may share its line with a section name or a date:
	// "World Media | By Cesar Oliver", "By Jane Doe | Feb. 12, 2019".
	for off := 0; off <= len(l); {
		e := nextSep(l, off)
		part := trim(l, off, e)
		ptext := l[part.Start:part.End]
		next := e + sepLen(l, e)
		off = next
		if ptext == "" {
			continue
		}
		abs := text.Span{Start: sp.Start, End: sp.End}
		if names, ok := byline(ptext); ok {
			if m.BylineSpan == (text.Span{}) {
				m.BylineSpan = abs
				m.Authors = names
			}
			kind = lineByline
			continue
		}
		if d, ok := ParseDate(ptext); ok && dateLine(ptext) {
			if m.Published == "" {
				m.Published = d
				m.PublishedSpan = abs
			}
			if kind != lineByline {
				kind = lineDate
			}
		}
	}
	if kind != lineOther {
		return kind
	}
	if kickerLine(l) {
		return lineKicker
	}
	if bodyLike(l) && !(m.Title == "" && (lead || titleCase(l))) {
		return lineBody
	}
	if m.Title == "" && words(l) >= 3 && words(l) <= maxTitleWord {
		m.Title = l
		m.TitleSpan = sp
		return lineTitle
	}
	return lineOther
}

// nextSep finds the end of the part of a line starting at off: parts are
// separated by | • · or a spaced dash.
func nextSep(l string, off int) int {
	for i := off; i < len(l); i++ {
		switch l[i] {
		case '|':
			return i
		case 0xE2: // • U+2022, — U+2014, – U+2013
			if strings.HasPrefix(l[i:], "•") || ((strings.HasPrefix(l[i:], "—") || strings.HasPrefix(l[i:], "–")) && i > 0 && l[i-1] == ' ') {
				return i
			}
		case 0xC2: // · U+00B7
			if strings.HasPrefix(l[i:], "·") {
				return i
			}
		}
	}
	return len(l)
}

func sepLen(l string, e int) int {
	if e >= len(l) {
		return 1
	}
	_, n := utf8.DecodeRuneInString(l[e:])
	return n
}

// dateLine tells a date line from a sentence that mentions a date: it is
// short and does not end like a sentence (a.m./p.m. aside).
func dateLine(l string) bool {
	if len(l) > 100 || words(l) > 10 {
		return false
	}
	return !strings.HasSuffix(l, ".") || strings.HasSuffix(l, "m.")
}

// bodyLike reports a line that reads as article text: a sentence ending
// with a full stop, or a long run of words.
func bodyLike(l string) bool {
	w := words(l)
	if w > maxTitleWord {
		return true
	}
	if strings.HasSuffix(l, ".") || strings.HasSuffix(l, ".”") || strings.HasSuffix(l, ".\"") {
		return w >= 4
	}
	return false
}

// byline reads "By Jane Doe and John Roe", "Written by Jane Doe, Staff
// Writer", and "Jane Doe, Reuters"; ok is false when p is none of these.
func byline(p string) (names []string, ok bool) {
	lp := strings.ToLower(p)
	rest := ""
	switch {
	case strings.HasPrefix(lp, "by "):
		rest = p[3:]
	case strings.HasPrefix(lp, "by:"):
		rest = p[3:]
	default:
		for _, pre := range []string{"written by ", "words by ", "story by ", "reporting by ", "text by "} {
			if strings.HasPrefix(lp, pre) {
				rest = p[len(pre):]
				break
			}
		}
	}
	if rest == "" {
		// "Jane Doe, Reuters": a name, then an agency or a role
		i := strings.LastIndexByte(p, ',')
		if i < 0 || !(agency(strings.TrimSpace(p[i+1:])) || role(strings.TrimSpace(p[i+1:]))) {
			return nil, false
		}
		for _, n := range splitNames(p[:i]) {
			if !personName(n) {
				return nil, false
			}
		}
		rest = p
	}
	for _, n := range splitNames(rest) {
		if personName(n) {
			names = append(names, n)
		} else if !agency(n) && !role(n) {
			// "By the numbers", "by a wide margin": not a byline
			return nil, false
		}
	}
	return names, true
}

// splitNames cuts a list of names at commas, "and" and "&".
func splitNames(s string) []string {
	var out []string
	for _, a := range strings.Split(s, ",") {
		for _, b := range strings.Split(a, " and ") {
			for _, c := range strings.Split(b, "&") {
				if c = strings.TrimSpace(c); c != "" {
					out = append(out, c)
				}
			}
		}
	}
	return out
}

// personName accepts two to five capitalised words, allowing initials and
// the particles of Arabic, Dutch, French, German, Spanish names.
func personName(n string) bool {
	f := strings.Fields(n)
	if len(f) < 2 || len(f) > 5 || agency(n) || role(n) {
		return false
	}
	caps := 0
	for _, w := range f {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r), strings.HasPrefix(w, "al-"), strings.HasPrefix(w, "el-"):
			caps++
		case particle(w):
		default:
			return false
		}
	}
	return caps >= 2
}

func particle(w string) bool { return particles[strings.ToLower(w)] }

var particles = wordset.Of("de da do dos das del della di van von der den la le al el bin ibn ben y")

// agency lists the wire services and outlets named in bylines.
func agency(n string) bool {
	return agencies[strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(n, "the "), "The "))]
}

var agencies = wordset.Phrases("reuters|ap|afp|associated press|agence france-presse|agence france presse|" +
	"bloomberg|cnn|bbc|bbc news|dpa|efe|upi|xinhua|tass|ansa|pa|press association|" +
	"staff|staff reports|wire services|agencies|news desk|newsroom")

// role lists the job titles that follow a name in a byline.
func role(n string) bool {
	l := strings.ToLower(n)
	for _, r := range []string{"writer", "reporter", "correspondent", "editor", "contributor", "columnist", "staff", "bureau chief", "analyst"} {
		if strings.HasSuffix(l, r) {
			return true
		}
	}
	return false
}

// words counts the space-separated words of l that hold a letter or digit.
func words(l string) int {
	n, in := 0, false
	for _, r := range l {
		switch {
		case unicode.IsSpace(r):
			in = false
		case !in && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			n++
			in = true
		}
	}
	return n
}

// trim returns [i, j) of s without surrounding white space.
func trim(s string, i, j int) text.Span {
	for i < j {
		r, n := utf8.DecodeRuneInString(s[i:j])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	for j > i {
		r, n := utf8.DecodeLastRuneInString(s[i:j])
		if !unicode.IsSpace(r) {
			break
		}
		j -= n
	}
	return text.Span{Start: i, End: j}
}

// titleCase reports a headline in title case: nearly every word but the
// short function words capitalised.
func titleCase(l string) bool {
	caps, all := 0, 0
	for _, w := range strings.Fields(l) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		if smallWords[strings.ToLower(w)] {
			continue
		}
		all++
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return all >= 3 && caps*5 >= all*4
}

// smallWords are the function words titleCase leaves aside. Read only.
var smallWords = wordset.Of("a an the of in on to for and or but at by with from as vs vs.")

// kickerLine reports a section label: up to three words in capitals.
func kickerLine(l string) bool {
	if words(l) > 3 {
		return false
	}
	letters := 0
	for _, r := range l {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// longerNext reports that one of the three paragraphs after p is half as
// long again as p: a headline over its lede, perhaps with a short deck or
// a section label between them.
func longerNext(seg *segment.Doc, p int) bool {
	n := seg.Paras[p].End - seg.Paras[p].Start
	for q := p + 1; q < len(seg.Paras) && q <= p+3; q++ {
		if pq := seg.Paras[q]; pq.End-pq.Start > 3*n/2 {
			return true
		}
	}
	return false
}
