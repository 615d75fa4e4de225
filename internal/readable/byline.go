package readable

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/htmltext"
	"github.com/whosaid/whosaid/internal/wordshape"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxBylineChars bounds a byline element's text once its white space is
// collapsed: a longer element is an author's note or bio, not a byline.
const maxBylineChars = 100

// bylineLines is the visible text of a byline element as the reader sees
// its lines: a <br> or a block element starts a new one ("By Kelli Miller"
// above "WebMD Health News" are a name and a desk, not one name). ok is
// false when the text is longer than maxBylineChars, or too deep or wide to
// read within a bounded number of nodes.
func bylineLines(n *html.Node) (lines []string, ok bool) {
	var cur strings.Builder
	total := 0
	space := false
	budget := 8 * maxBylineChars
	brk := func() {
		if cur.Len() > 0 {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		space = false
	}
	var walk func(*html.Node, int) bool
	walk = func(n *html.Node, depth int) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if budget--; budget < 0 || depth > 32 {
				return false
			}
			switch c.Type {
			case html.TextNode:
				for _, r := range c.Data {
					if unicode.IsSpace(r) {
						space = true
						continue
					}
					if space && cur.Len() > 0 {
						cur.WriteByte(' ')
						total++
					}
					space = false
					cur.WriteRune(r)
					if total++; total > maxBylineChars {
						return false
					}
				}
			case html.ElementNode:
				if htmltext.Hidden(c) {
					continue
				}
				if c.DataAtom == atom.Br {
					brk()
					continue
				}
				block := blockish(c.DataAtom)
				if block {
					brk()
				}
				if !walk(c, depth+1) {
					return false
				}
				if block {
					brk()
				}
			}
		}
		return true
	}
	if !walk(n, 0) {
		return nil, false
	}
	brk()
	return lines, true
}

// How a text holds names: a byline element's line, an author meta tag or
// JSON-LD string (either may be "Jane Roe and John Doe", or a catalogue's
// "Roe, Jane"), or a JSON-LD person's or organisation's name (one name,
// "Centers for Disease Control and Prevention" among them).
type nameSource int

const (
	fromByline nameSource = iota
	fromMeta
	fromRecord
)

// authorNames reads author names out of texts of one source: the lines
// of a byline element, or the values of author meta tags. It keeps the
// names a reader would want, whole, and drops what bylines hold around
// them: "By" and the like, dates and times ("Nolan22 Dec 2016" is Nolan),
// "Last Updated:" and other labels, credentials ("MA", "PhD"), links,
// reviewers, and buttons ("Follow Author"). A desk, an outlet or a news
// agency ("WebMD Health News", "Reuters", the site's own name) is kept only
// when no person is named; a job title ("Games Editor") never.
// people is false when the names are only an agency's or a desk's.
func authorNames(texts []string, site string, src nameSource) (names []string, people bool) {
	var all []string
	for _, t := range texts {
		all = append(all, namePieces(t, src)...)
	}
	return pickAuthors(all, site)
}

// namePieces are the candidate names in one text, cleaned.
func namePieces(text string, src nameSource) []string {
	text = dropLinks(collapse(text))
	var sub []string
	switch src {
	case fromRecord:
		// One name, unless a credential, a job title or a desk follows
		// it: "Jane Roe, Senior Correspondent".
		if name, ok := lastFirst(text); ok {
			return []string{cleanName(name)}
		}
		parts := strings.Split(text, ",")
		for _, p := range parts[1:] {
			if p = cleanName(p); p != "" && !jobTitle(p) && !outlet(p) && !agencies[strings.ToLower(p)] {
				return []string{cleanName(cutDate(text))}
			}
		}
		return []string{cleanName(cutDate(parts[0]))}
	case fromMeta:
		// "Roe, Jane; Doe, John" is two people, each surname first (in a
		// byline, the comma separates two people).
		for _, l := range strings.Split(text, ";") {
			if name, ok := lastFirst(l); ok {
				l = name
			}
			sub = append(sub, l)
		}
	default:
		sub = []string{text}
	}
	var out []string
	for _, l := range sub {
		for _, chunk := range roleChunks(l) {
			chunk, ok := dropLabel(cutDate(chunk))
			if !ok {
				continue
			}
			for _, piece := range splitNames(chunk, src) {
				if name := cleanName(cutPlace(piece)); src != fromByline || !sentence(name) {
					out = append(out, name)
				}
			}
		}
	}
	return out
}

// pickAuthors keeps the names among the pieces, once each, people first;
// people is false when there are none but an agency's or a desk's.
func pickAuthors(pieces []string, site string) (names []string, people bool) {
	var out, desks []string
	seen := map[string]bool{}
	add := func(list *[]string, name string) {
		if k := strings.ToLower(name); !seen[k] && len(*list) < maxAuthors {
			seen[k] = true
			*list = append(*list, clip(name))
		}
	}
	site = strings.TrimPrefix(strings.ToLower(collapse(site)), "the ")
	for _, name := range pieces {
		if !isName(name) || jobTitle(name) {
			continue
		}
		// People's names do not start with "The": "The New York Times".
		if low := strings.ToLower(name); outlet(name) || agencies[low] || strings.TrimPrefix(low, "the ") == site ||
			strings.HasPrefix(low, "the ") {
			add(&desks, name)
		} else {
			add(&out, name)
		}
	}
	// After a full name, a lone word is where the writer works, not who
	// wrote ("Jane Roe, CNN", "Jane Roe, Washington").
	full := false
	for _, name := range out {
		full = full || strings.Contains(name, " ")
	}
	if full {
		kept := out[:0]
		for _, name := range out {
			if strings.Contains(name, " ") {
				kept = append(kept, name)
			}
		}
		out = kept
	}
	if len(out) == 0 {
		return desks, false
	}
	return out, true
}

// dropLinks removes links, e-mail addresses and handles: a parenthesis
// holding one goes with it ("Bradley M. Kuhn (http://ebb.org/bkuhn/)"),
// and a name in parentheses after an address stays ("jane@x.org (Jane Roe)").
func dropLinks(s string) string {
	if !strings.ContainsAny(s, ":@.") {
		return s
	}
	isLink := func(w string) bool {
		w = strings.Trim(w, "()<>[],;")
		return strings.Contains(w, "://") || strings.HasPrefix(strings.ToLower(w), "www.") ||
			strings.HasPrefix(w, "@") && len(w) > 1 || strings.Contains(w, "@") && strings.Contains(w, ".")
	}
	var keep []string
	inParen, parenLink := false, false
	var paren []string
	// A separator after what is dropped stays: "Jane Roe (@jr), Reuters".
	tail := func(w string) {
		if sep := w[len(strings.TrimRight(w, ",;|")):]; sep != "" {
			keep = append(keep, sep)
		}
	}
	for _, w := range strings.Fields(s) {
		switch {
		case inParen:
			paren = append(paren, w)
			parenLink = parenLink || isLink(w)
			if strings.Contains(w, ")") {
				if !parenLink {
					keep = append(keep, paren...)
				} else {
					tail(w)
				}
				inParen, paren = false, nil
			}
		case strings.HasPrefix(w, "(") && !strings.Contains(w, ")"):
			inParen, parenLink, paren = true, isLink(w), []string{w}
		case isLink(w):
			tail(w)
		default:
			keep = append(keep, w)
		}
	}
	if inParen && !parenLink {
		keep = append(keep, paren...)
	}
	out := strings.Join(keep, " ")
	// What is left of "jane@x.org (Jane Roe)" is "(Jane Roe)".
	if strings.HasPrefix(out, "(") && strings.HasSuffix(out, ")") {
		out = out[1 : len(out)-1]
	}
	return out
}

// dropLabel removes a leading label ("By:", "Author:") and reports false
// for a line whose label says it holds no author ("Last Updated:",
// "Published:", "Source:").
func dropLabel(s string) (string, bool) {
	i := strings.IndexByte(s, ':')
	if i < 0 {
		return s, true
	}
	label := strings.ToLower(strings.TrimSpace(s[:i]))
	if label == "" || strings.ContainsAny(label, "0123456789") || len(strings.Fields(label)) > 3 {
		return s, true // a time, "10:30", or a colon inside a longer text
	}
	if in(authorLabels, label) {
		return strings.TrimSpace(s[i+1:]), true
	}
	return "", false
}

// lastFirst turns "Roe, Jane" or "Kooman, F." into "Jane Roe" and
// "F. Kooman": one comma, one word before it, a given name or initials
// after it.
func lastFirst(s string) (string, bool) {
	last, first, ok := strings.Cut(s, ",")
	if !ok || strings.ContainsAny(first, ",;&|/") {
		return "", false
	}
	last, first = strings.TrimSpace(last), strings.TrimSpace(first)
	lf, ff := strings.Fields(last), strings.Fields(first)
	if len(lf) != 1 || len(ff) == 0 || len(ff) > 3 || !wordshape.Capitalised(last) || !wordshape.Capitalised(first) {
		return "", false
	}
	for _, w := range ff {
		if strings.EqualFold(w, "and") || credential(w) || hasDigit(w) {
			return "", false
		}
	}
	if outlet(first) || jobTitle(first) || agencies[strings.ToLower(first)] {
		return "", false
	}
	return first + " " + last, true
}

// roleChunks splits a line at each "by": "Written by Rob Ewaschuk Edited by
// Betsy Beyer" holds two names. The words before a "by" say the role; the
// text after a reviewer's, photographer's or translator's "by" is dropped,
// as is the lead of a line before its first "by" ("Posted on May 3 by").
// "A note from" leads a name as "by" does.
func roleChunks(line string) []string {
	w := strings.Fields(line)
	if len(w) >= 3 && strings.EqualFold(w[0], "a") && strings.EqualFold(w[1], "note") && strings.EqualFold(w[2], "from") {
		w = w[3:]
	}
	var bys []int
	for i, x := range w {
		if x := strings.ToLower(strings.TrimRight(x, ":")); x == "by" || in(byWords, x) {
			bys = append(bys, i)
		}
	}
	if len(bys) == 0 {
		return []string{strings.Join(w, " ")}
	}
	var out []string
	for k, b := range bys {
		end := len(w)
		if k+1 < len(bys) {
			// The role words before the next "by" belong to it.
			end = bys[k+1]
			for end > b+1 && in(roleWords, strings.ToLower(strings.Trim(w[end-1], ",;|/"))) {
				end--
			}
		}
		// The role of this chunk: the word just before its "by".
		if b > 0 && in(otherRoles, strings.ToLower(strings.Trim(w[b-1], ",;|/"))) {
			continue
		}
		if end > b+1 {
			out = append(out, strings.Join(w[b+1:end], " "))
		}
	}
	return out
}

// authorLabels say a name follows ("Author: Jane Roe").
const authorLabels = "|by|author|authors|written by|words|words by|text|story|story by|byline|reporter|reporters|writer|posted by|contributor|contributors|reporting|reporting by|creator|creators|about the author|"

// roleWords lead a "by" ("Edited by"); otherRoles name roles that are not
// the article's authors.
const (
	roleWords  = "|written|edited|reviewed|medically|checked|fact-checked|fact|reported|reporting|photos|photo|photographs|photography|illustrations|illustration|illustrated|translated|compiled|produced|words|story|text|additional|posted|published|images|video|and|"
	otherRoles = "|reviewed|checked|fact-checked|photos|photo|photographs|photography|illustrations|illustration|illustrated|translated|images|video|"
)

// cutDate ends a name where a date or time starts: "Jane Roe May 20, 2019",
// "Lucas Nolan22 Dec 2016", "Joe Wee Monday, February 29", "Jane Roe
// Updated 3 hours ago". A line that starts with one holds no name.
func cutDate(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		bare := strings.Trim(w, ",.;:|()•·")
		low := strings.ToLower(bare)
		switch {
		case hasDigit(w):
			// "Nolan22": the name glued to the date stays whole.
			if i > 0 {
				if j := strings.IndexAny(bare, "0123456789"); j >= 2 && wordshape.Capitalised(bare) && allLetters(bare[:j]) {
					return strings.Join(append(f[:i:i], bare[:j]), " ")
				}
			}
		case i+1 < len(f) && (month(bare) || shortWeekday(low)) && hasDigit(f[i+1]), weekday(low),
			low == "updated" || low == "published" || low == "posted" || low == "last":
		default:
			continue
		}
		return strings.Join(f[:i], " ")
	}
	return s
}

// cutPlace ends a name where the place or the outlet it writes from
// starts: "Eleanor Ainge Roy in Dunedin", "Jane Roe for CNN", "Senior
// Editor at Wired". Two words at least stay, so that "Centers for Disease
// Control" is whole.
func cutPlace(s string) string {
	f := strings.Fields(s)
	for i := 2; i+1 < len(f); i++ {
		if in("|in|at|for|from|reporting|", f[i]) && wordshape.Capitalised(f[i+1]) {
			return strings.Join(f[:i], " ")
		}
	}
	return s
}

// connectors join names in other languages ("et", "und", "y"): lower-case
// only, so that an initial stays ("y" is left out: "José Ortega y Gasset"
// is one man). byWords are their "by".
const (
	connectors = "|et|und|avec|con|mit|och|en|"
	byWords    = "|par|por|door|av|"
)

// splitNames splits a byline's run of names at commas, "and", "&",
// slashes, bars, bullets and dashes.
func splitNames(s string, src nameSource) []string {
	// In a byline, a parenthesis at the end holds more names, or an
	// agency: "Martin Untersinger (avec Damien Leloup et Morgane Tual)",
	// "Jane Roe (AP)"; one inside a name is part of it: "Richard (R.J.)
	// Eskow". In metadata it is the name's other form: "藍天 (stevenhgm)".
	if strings.HasSuffix(s, ")") && src == fromByline {
		if i := strings.LastIndexByte(s, '('); i > 0 {
			s = s[:i] + "," + s[i+1:len(s)-1]
		}
	}
	parts := strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune(",;&|/•·–—", r)
	})
	var out []string
	for _, p := range parts {
		for _, q := range strings.Split(p, " - ") {
			w := strings.Fields(q)
			from := 0
			for i, x := range w {
				if strings.EqualFold(x, "and") || strings.EqualFold(x, "with") || in(connectors, x) {
					out = append(out, strings.Join(w[from:i], " "))
					from = i + 1
				}
			}
			out = append(out, strings.Join(w[from:], " "))
		}
	}
	return out
}

// cleanName trims what surrounds a name: punctuation, a leading "By" or
// "With", trailing credentials ("Brenda Goodman MA", "Hansa D. Bhargava,
// MD"), a trailing "on" or "at" left by a date.
func cleanName(s string) string {
	w := strings.Fields(s)
	for len(w) > 0 {
		first := strings.ToLower(strings.Trim(w[0], "():"))
		if first != "by" && first != "with" && first != "and" && !in(connectors, first) && !in(byWords, first) && strings.Trim(w[0], "():-") != "" {
			break
		}
		w = w[1:]
	}
	for len(w) > 0 {
		last := strings.ToLower(w[len(w)-1])
		if !credential(w[len(w)-1]) && !in(trailers, last) && strings.Trim(last, "-:()") != "" {
			break
		}
		w = w[:len(w)-1]
	}
	// An agency glued to the name: "JOHN DOE Associated Press".
	for k := 3; k >= 1; k-- {
		if len(w) >= k+2 && agencies[strings.ToLower(strings.Join(w[len(w)-k:], " "))] {
			w = w[:len(w)-k]
			break
		}
	}
	s = strings.Join(w, " ")
	s = strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != ')' })
	if strings.HasSuffix(s, ")") && !strings.Contains(s, "(") {
		s = strings.TrimRightFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' })
	}
	s = strings.TrimLeft(s, ".")
	// A final full stop ends a sentence, not an initial ("John C.").
	if f := strings.Fields(s); len(f) > 0 {
		if l := f[len(f)-1]; strings.HasSuffix(l, ".") && utf8.RuneCountInString(l) > 2 && !in(suffixes, strings.ToLower(l)) {
			s = strings.TrimSuffix(s, ".")
		}
	}
	return s
}

const (
	// suffixes keep their full stop.
	suffixes = "|jr.|sr.|"
	// trailers end a byline's text after the name: a date's "on", a
	// button, a network.
	trailers = "|on|at|in|follow|unfollow|following|subscribe|email|e-mail|twitter|facebook|linkedin|instagram|bio|profile|"
)

// isName: a name has letters and no digits, at most six words, does not
// start with a button's verb ("Follow Author", "View profile"), and is not
// a lone generic word ("Author", "Staff").
func isName(s string) bool {
	w := strings.Fields(s)
	if len(w) == 0 || len(w) > 6 || hasDigit(s) || strings.ContainsAny(s, ":?!") {
		return false
	}
	letters := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters = true
			break
		}
	}
	if !letters || in(buttons, strings.ToLower(w[0])) {
		return false
	}
	return len(w) > 1 || !in(generic, strings.ToLower(strings.TrimSuffix(w[0], "s")))
}

// sentence: a byline's text that reads as a sentence, not a name: more
// than one lower-case word that is not a particle ("This story was
// updated"; but "Michiel de Jong", "Contributors to Wikimedia projects").
// Metadata is not asked: it says it holds a name.
func sentence(s string) bool {
	w := strings.Fields(s)
	lower := 0
	for i, x := range w {
		if r, _ := utf8.DecodeRuneInString(x); i > 0 && unicode.IsLower(r) && !in(particles, x) {
			lower++
		}
	}
	return lower > 1
}

// buttons start what is no name, generic words are none alone, particles
// are the lower-case words in a name.
const (
	buttons   = "|follow|contact|email|e-mail|view|more|about|see|share|subscribe|read|sign|log|click|visit|send|message|tweet|updated|published|posted|last|special|for|via|from|courtesy|"
	generic   = "|author|admin|administrator|staff|editor|anonymous|unknown|guest|contributor|by|team|user|writer|reporter|"
	particles = "|de|da|di|du|del|della|der|den|van|von|la|le|bin|ibn|al|el|dos|das|y|of|for|to|the|and|on|"
)

// Words that end an outlet's, a job's, or a credential's name.
const outlets = "|news|staff|desk|team|bureau|wire|service|newsroom|report|reports|editors|writers|reporters|correspondents|contributors|"

// outlet: a desk or an outlet's section rather than a person ("WebMD
// Health News", "NPR Staff"); it is kept when no person is named.
func outlet(s string) bool {
	return in(outlets, lastWord(s))
}

const jobTitles = "|editor|writer|reporter|correspondent|contributor|columnist|producer|intern|critic|analyst|"

// jobTitle: a job title rather than a person ("Games Editor", "Staff
// Writer"); it is never an author.
func jobTitle(s string) bool {
	return in(jobTitles, lastWord(s))
}

func lastWord(s string) string {
	w := strings.Fields(strings.ToLower(s))
	if len(w) == 0 {
		return ""
	}
	return w[len(w)-1]
}

const credentials = "|MA|MS|MSc|BA|BS|BSc|PhD|MD|RN|MPH|MBA|JD|DO|DVM|PharmD|DDS|LCSW|CPA|Esq|FACP|MFA|EdD|DrPH|APRN|NP|PA-C|RD|LD|CNM|MSN|BSN|FRCP|MRCP|MBBS|MPhil|DPhil|LLM|CFA|CFP|"

// credential reports whether w is an academic or professional title
// written after a name, as written: "MA" and "Ph.D." are, "Ma" is not.
func credential(w string) bool {
	return in(credentials, strings.ReplaceAll(strings.Trim(w, ",;()"), ".", ""))
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

func allLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// shortWeekday reports whether w (lower-cased) abbreviates a day of the
// week: a date only when a number follows ("Mon 3 May").
func shortWeekday(w string) bool {
	return in("|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|", strings.TrimSuffix(strings.TrimSuffix(w, ","), "."))
}

// weekday reports whether w (lower-cased) is an English day of the week.
func weekday(w string) bool {
	return in("|monday|tuesday|wednesday|thursday|friday|saturday|sunday|", strings.TrimSuffix(w, "."))
}

// in reports whether w is one of the words of list, written "|a|b c|d|":
// a short scan, much smaller in the wasm than a map or a switch.
func in(list, w string) bool {
	if w == "" || strings.IndexByte(w, '|') >= 0 {
		return false
	}
	for i := strings.Index(list, w); i >= 0; {
		if i > 0 && list[i-1] == '|' && i+len(w) < len(list) && list[i+len(w)] == '|' {
			return true
		}
		j := strings.Index(list[i+1:], w)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}
