package readable

import (
	"strings"

	"github.com/whosaid/whosaid/internal/htmltext"
	"github.com/whosaid/whosaid/internal/meta"
	"github.com/whosaid/whosaid/internal/minijson"
	"github.com/whosaid/whosaid/internal/wordset"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Bounds on what metadata is read, whatever the page.
const (
	maxLDBytes   = 1 << 20 // JSON-LD read in all
	maxMetaValue = 1000    // bytes of a title or author
	maxAuthors   = 10
)

// head is what the page says about itself, gathered in one walk.
type head struct {
	metas   map[string]string   // first content of each meta name or property, lower-cased keys
	all     map[string][]string // every content of the author names, when a page lists several
	ld      []string
	title   string   // <title>
	h1      []string // visible <h1> texts, at most a few
	h2      []string
	bylines []byline // the first byline elements, in page order
	tries   int      // byline elements read, named or not
	time    string   // first <time datetime>
}

// byline is one byline element: its lines, and its itemprop="name" part
// when it has one.
type byline struct {
	lines []string
	name  string
}

// maxBylines bounds the byline elements read: the first that names
// someone wins.
const maxBylines = 8

// readMeta reads the page's metadata into a; it reports whether the page
// has a head that says what it is (a <title>, named <meta> tags).
func (a *Article) readMeta(doc *html.Node, p *page) bool {
	h := gather(doc, p)
	var ldTitle, ldDate string
	var ldAuthors []string
	ldBytes := 0
	for _, s := range h.ld {
		if ldBytes += len(s); ldBytes > maxLDBytes {
			break
		}
		s = strings.TrimSpace(s)
		s = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(s, "<![CDATA["), "]]>"))
		// minijson reads what json.Unmarshal into an any reads, without
		// linking encoding/json into the page's wasm.
		v, err := minijson.Parse([]byte(s))
		if err != nil {
			continue
		}
		if obj := findArticle(v, 0); obj != nil {
			// Some sites put their own name in "name": take the headline
			// when it, and not the name, reads like the page's title.
			name, headline := firstString(obj["name"]), firstString(obj["headline"])
			ldTitle = firstNonEmpty(name, headline)
			if name != "" && headline != "" && name != headline {
				t := h.docTitle()
				if similarity(headline, t) > 0.75 && similarity(name, t) <= 0.75 {
					ldTitle = headline
				}
			}
			ldTitle = clip(ldTitle)
			// schema.org's creator is the wider term, some pages use it alone.
			if ldAuthors = names(obj["author"], 0); len(ldAuthors) == 0 {
				ldAuthors = names(obj["creator"], 0)
			}
			ldDate = firstString(obj["datePublished"], obj["dateCreated"])
			break
		}
	}
	m := h.metas
	a.Title = firstNonEmpty(ldTitle, m["dc:title"], m["dcterm:title"], m["og:title"], m["title"],
		m["twitter:title"], m["parsely-title"])
	if a.Title == "" {
		a.Title = h.docTitle()
	}
	a.Title = collapse(a.Title)
	site := firstNonEmpty(m["og:site_name"], m["application-name"])
	a.Authors, _ = pickAuthors(ldAuthors, site)
	if len(a.Authors) == 0 {
		for _, k := range []string{"dc:creator", "dcterm:creator", "author", "parsely-author", "sailthru:author", "article:author", "og:article:author"} {
			if a.Authors, _ = authorNames(h.all[k], site, fromMeta); len(a.Authors) > 0 {
				break
			}
		}
	}
	// The first byline element that names a person wins: an agency's
	// ("AFP") may stand above the reporter's own ("Par Sébastien Farcis"),
	// and is the author only when no byline names anyone else.
	var desk []string
	for _, b := range h.bylines {
		if len(a.Authors) > 0 {
			break
		}
		var names []string
		people := false
		if b.name != "" {
			names, people = authorNames([]string{b.name}, site, fromByline)
		}
		if len(names) == 0 {
			names, people = authorNames(b.lines, site, fromByline)
		}
		if people {
			a.Authors = names
		} else if len(desk) == 0 {
			desk = names
		}
	}
	if len(a.Authors) == 0 {
		a.Authors = desk
	}
	date := firstNonEmpty(ldDate, m["article:published_time"], m["og:published_time"], m["parsely-pub-date"],
		m["dcterms:created"], m["dcterms:issued"], m["dc:date"], m["date"], m["pubdate"], m["publishdate"], h.time)
	a.Published = isoDate(date)
	return h.title != "" || len(h.metas) > 0
}

// gather walks the whole document once.
func gather(doc *html.Node, p *page) head {
	h := head{metas: map[string]string{}, all: map[string][]string{}}
	for n := doc; n != nil; {
		descend := true
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				// "DC.Title" and "dc:title" are one name.
				key := strings.ReplaceAll(strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop"))), ".", ":")
				if v := strings.TrimSpace(attr(n, "content")); key != "" && v != "" && len(key) < 64 {
					for _, k := range strings.Fields(key) { // property="og:title twitter:title"
						if _, ok := h.metas[k]; !ok {
							h.metas[k] = clip(v)
						}
						if strings.HasSuffix(k, "creator") || strings.HasSuffix(k, "author") {
							if len(h.all[k]) < maxAuthors {
								h.all[k] = append(h.all[k], clip(v))
							}
						}
					}
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
					h.ld = append(h.ld, n.FirstChild.Data)
				}
				descend = false
			case atom.Title:
				if h.title == "" && n.FirstChild != nil {
					h.title = clip(collapse(n.FirstChild.Data))
				}
				descend = false
			case atom.Time:
				if h.time == "" {
					h.time = attr(n, "datetime")
				}
			case atom.H1, atom.H2:
				if _, visible := p.idx[n]; visible {
					if n.DataAtom == atom.H1 && len(h.h1) < 4 {
						h.h1 = append(h.h1, clip(collapse(innerText(n, maxMetaValue))))
					} else if n.DataAtom == atom.H2 && len(h.h2) < 8 {
						h.h2 = append(h.h2, clip(collapse(innerText(n, maxMetaValue))))
					}
				}
			}
			// Only a visible byline outside the page's boilerplate (a login
			// box named "author-…" is none); visibility, a map look-up, is
			// asked first: the name test splits class and id.
			if i, visible := p.idx[n]; visible && len(h.bylines) < maxBylines && h.tries < 4*maxBylines &&
				isBylineElement(n) && !p.inJunkOf(i, bylineFree) {
				h.tries++
				if lines, ok := bylineLines(n); ok && len(lines) > 0 {
					h.bylines = append(h.bylines, byline{lines: lines, name: itempropName(n)})
				}
			}
		}
		n = htmltext.Next(doc, n, descend, nil)
	}
	return h
}

// isBylineElement: a link to the author, an author property, or an element
// named byline or author.
func isBylineElement(n *html.Node) bool {
	if strings.EqualFold(attr(n, "rel"), "author") || strings.Contains(strings.ToLower(attr(n, "itemprop")), "author") {
		return true
	}
	s := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	if len(s) > 256 {
		s = s[:256]
	}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' }) {
		if containsAny(w, []string{"byline", "writtenby", "dateline", "p-author"}) ||
			strings.Contains(w, "author") && !containsAny(w, []string{"authoriz", "authoris", "comment", "authors-list", "author-bio", "authorbio", "about-author"}) {
			return true
		}
	}
	return false
}

// itempropName is the text of the first itemprop="name" inside n, looked
// for among a bounded number of elements.
func itempropName(n *html.Node) string {
	budget := 200
	var found string
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil && found == "" && depth < 16 && budget > 0; c = c.NextSibling {
			budget--
			if c.Type == html.ElementNode {
				if strings.EqualFold(attr(c, "itemprop"), "name") {
					found = collapse(innerText(c, 200))
					return
				}
				walk(c, depth+1)
			}
		}
	}
	walk(n, 0)
	return found
}

// findArticle finds the first article-like object in parsed JSON-LD: the
// object itself, an element of an array, or a member of an @graph.
func findArticle(v any, depth int) map[string]any {
	if depth > 8 {
		return nil
	}
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			if o := findArticle(e, depth+1); o != nil {
				return o
			}
		}
	case map[string]any:
		if articleType(v["@type"]) {
			return v
		}
		if g, ok := v["@graph"]; ok {
			return findArticle(g, depth+1)
		}
	}
	return nil
}

func articleType(t any) bool {
	switch t := t.(type) {
	case string:
		return strings.HasSuffix(t, "Article") || strings.HasSuffix(t, "Posting") || t == "Report" || t == "APIReference"
	case []any:
		for _, e := range t {
			if articleType(e) {
				return true
			}
		}
	}
	return false
}

// names are the candidate author names in a JSON-LD author value: a
// string may hold several, a person's or organisation's "name" is one.
func names(v any, depth int) []string {
	if depth > 4 {
		return nil
	}
	var out []string
	switch v := v.(type) {
	case string:
		out = namePieces(clip(v), fromMeta)
	case map[string]any:
		if s, ok := v["name"].(string); ok {
			out = namePieces(clip(s), fromRecord)
		}
	case []any:
		for _, e := range v {
			out = append(out, names(e, depth+1)...)
			if len(out) >= maxAuthors {
				break
			}
		}
	}
	if len(out) > maxAuthors {
		out = out[:maxAuthors]
	}
	return out
}

// docTitle is the <title> without the site's name around it, or the
// page's <h1> when the title says too little or too much.
func (h head) docTitle() string {
	orig := h.title
	cur := orig
	const seps = "|-–—\\/>»"
	sepAt := func(s string, last bool) int { // index of " X " with X a separator
		best := -1
		for i := 1; i+1 < len(s); i++ {
			if s[i-1] != ' ' {
				continue
			}
			r, size := decodeRune(s[i:])
			if strings.ContainsRune(seps, r) && i+size < len(s) && s[i+size] == ' ' {
				best = i
				if !last {
					return i
				}
			}
		}
		return best
	}
	hierarchical := false
	if i := sepAt(cur, true); i >= 0 {
		hierarchical = strings.ContainsAny(orig, "\\/>»")
		cur = strings.TrimSpace(orig[:i])
		if countWords(cur) < 3 {
			j := sepAt(orig, false)
			_, size := decodeRune(orig[j:])
			cur = strings.TrimSpace(orig[j+size:])
		}
	} else if strings.Contains(cur, ": ") {
		match := false
		for _, t := range append(append([]string{}, h.h1...), h.h2...) {
			if t == strings.TrimSpace(cur) {
				match = true
			}
		}
		if !match {
			cur = strings.TrimSpace(orig[strings.LastIndex(orig, ":")+1:])
			if countWords(cur) < 3 {
				cur = strings.TrimSpace(orig[strings.Index(orig, ":")+1:])
			} else if countWords(orig[:strings.Index(orig, ":")]) > 5 {
				cur = orig
			}
		}
	} else if (len(cur) > 150 || len(cur) < 15) && len(h.h1) == 1 {
		cur = h.h1[0]
	}
	if cur == "" && len(h.h1) > 0 {
		cur = h.h1[0]
	}
	if n := countWords(cur); n <= 4 && (!hierarchical || n != countWords(orig)-1) && orig != "" {
		cur = orig
	}
	return cur
}

func decodeRune(s string) (rune, int) {
	for i, r := range s {
		if i == 0 {
			n := len(string(r))
			return r, n
		}
	}
	return 0, 1
}

// isoDate turns a page's date into ISO 8601 (the date only), or "".
func isoDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' && allDigits(s[:4]) && allDigits(s[5:7]) && allDigits(s[8:10]) {
		return s[:10]
	}
	if iso, ok := meta.ParseDate(clip(s)); ok {
		return iso
	}
	return ""
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func firstString(vs ...any) string {
	for _, v := range vs {
		if s, ok := v.(string); ok && strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// collapse turns every run of white space into one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// clip bounds a metadata value, at a rune boundary.
func clip(s string) string {
	if len(s) <= maxMetaValue {
		return s
	}
	i := maxMetaValue
	for i > 0 && s[i]&0xC0 == 0x80 {
		i--
	}
	return s[:i]
}

// similarity is the share of b's text made of words that a has too.
func similarity(a, b string) float64 {
	words := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !isWordRune(r) })
	}
	inA := map[string]bool{}
	for _, w := range words(a) {
		inA[w] = true
	}
	wb := words(b)
	if len(wb) == 0 || len(inA) == 0 {
		return 0
	}
	var uniq []string
	for _, w := range wb {
		if !inA[w] {
			uniq = append(uniq, w)
		}
	}
	return 1 - float64(len(strings.Join(uniq, " ")))/float64(len(strings.Join(wb, " ")))
}

// month reports whether w is an English month name or its abbreviation.
func month(w string) bool {
	return meta.MonthNumber(strings.TrimSuffix(strings.ToLower(w), ".")) > 0
}

// bylineFree are the kinds of boilerplate a byline is never in; an
// article's header is where it usually is.
var bylineFree = map[string]bool{KindMenus: true, KindFooters: true, KindComments: true,
	KindRelated: true, KindNotices: true, KindForms: true}

// agencies are news agencies a byline names after the reporter ("By Jane
// Roe, Reuters"): the source of the copy, not an author.
var agencies = wordset.Phrases("reuters|ap|afp|associated press|the associated press|agence france-presse|" +
	"bloomberg|dpa|upi|xinhua|efe|ansa|pa|pa media|press association")
