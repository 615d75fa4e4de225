package readable

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/htmltext"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// page holds what the passes learn about each visible element, by its
// index in document order (0 is the document node).
type page struct {
	nodes  []*html.Node
	idx    map[*html.Node]int
	parent []int

	// Totals over the element's visible text (subtree).
	words, chars, linkChars, commas []int
	headChars                       []int // in headings
	paras, items, imgs, inputs      []int // descendant counts
	// Text owned by the element as a paragraph: its inline text, not
	// inside a nested block.
	ownChars, ownCommas []int
	paraChars           []int  // owned by paragraphs in the subtree
	size                []int  // elements in the subtree, itself included
	strong              []bool // holds an <article>, <main> or articleBody
	junk                []string
	hint                []int // class and id weight
	score               []float64
	scored              []bool

	top       int    // the chosen container
	title     string // the page's headline, to know it in the text
	drop      []bool
	droppedBy map[string]Dropped
	pageLike  bool
}

func newPage(doc *html.Node) *page {
	p := &page{idx: map[*html.Node]int{}}
	p.add(doc, -1)
	// Hidden elements are not visited, as they are never shown.
	for n := doc.FirstChild; n != nil; {
		descend := false
		switch n.Type {
		case html.ElementNode:
			if !htmltext.Hidden(n) {
				p.add(n, p.idx[n.Parent])
				descend = true
			}
		case html.TextNode:
			p.text(n)
		}
		n = htmltext.Next(doc, n, descend, nil)
	}
	// Totals, children before parents.
	for i := len(p.nodes) - 1; i > 0; i-- {
		q := p.parent[i]
		if p.ownChars[i] >= minPara {
			p.paraChars[i] += p.ownChars[i]
		}
		p.paraChars[q] += p.paraChars[i]
		p.size[q] += p.size[i]
		p.words[q] += p.words[i]
		p.chars[q] += p.chars[i]
		p.linkChars[q] += p.linkChars[i]
		p.commas[q] += p.commas[i]
		p.headChars[q] += p.headChars[i]
		p.paras[q] += p.paras[i]
		p.items[q] += p.items[i]
		p.imgs[q] += p.imgs[i]
		p.inputs[q] += p.inputs[i]
		p.strong[q] = p.strong[q] || p.strong[i]
	}
	p.markJunk()
	return p
}

func (p *page) add(n *html.Node, parent int) {
	i := len(p.nodes)
	p.nodes = append(p.nodes, n)
	p.idx[n] = i
	p.parent = append(p.parent, parent)
	for _, s := range []*[]int{&p.words, &p.chars, &p.linkChars, &p.commas, &p.headChars,
		&p.paras, &p.items, &p.imgs, &p.inputs, &p.ownChars, &p.ownCommas, &p.paraChars, &p.size} {
		*s = append(*s, 0)
	}
	p.size[i] = 1
	p.strong = append(p.strong, false)
	p.junk = append(p.junk, "")
	p.hint = append(p.hint, 0)
	p.score = append(p.score, 0)
	p.scored = append(p.scored, false)
	p.drop = append(p.drop, false)
	if n.Type != html.ElementNode {
		return
	}
	switch n.DataAtom {
	case atom.P:
		p.paras[i]++
	case atom.Li:
		p.items[i]++
	case atom.Img, atom.Picture:
		p.imgs[i]++
	case atom.Input, atom.Select, atom.Textarea, atom.Button:
		p.inputs[i]++
	case atom.Article, atom.Main:
		p.strong[i] = true
	}
	if strings.EqualFold(attr(n, "itemprop"), "articleBody") {
		p.strong[i] = true
	}
	p.junk[i], p.hint[i] = classify(n)
}

// text adds a text node's words and characters to its element, and to the
// paragraph that owns it.
func (p *page) text(n *html.Node) {
	e, ok := p.idx[n.Parent]
	if !ok {
		return
	}
	chars, words, commas := 0, 0, 0
	in := false
	for _, r := range n.Data {
		w := isWordRune(r)
		if w && !in {
			words++
		}
		in = w
		if !unicode.IsSpace(r) {
			chars++
		}
		if r == ',' || r == '،' || r == '、' || r == '，' {
			commas++
		}
	}
	if chars == 0 {
		return
	}
	p.words[e] += words
	p.chars[e] += chars
	p.commas[e] += commas
	// Climb the inline elements to the owning block. Inline nesting is
	// shallow in real pages; the climb is bounded to keep hostile ones
	// linear.
	owner, link, head := e, false, false
	for k := 0; k < 16 && owner > 0; k++ {
		a := p.nodes[owner].DataAtom
		if a == atom.A {
			link = true
		}
		if heading(a) {
			head = true
		}
		if blockish(a) {
			break
		}
		owner = p.parent[owner]
	}
	if link {
		p.linkChars[e] += chars
	}
	if head {
		p.headChars[e] += chars
	}
	p.ownChars[owner] += chars
	p.ownCommas[owner] += commas
}

func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && (r|0x20 >= 'a' && r|0x20 <= 'z' || r >= '0' && r <= '9' || r == '_') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func heading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// blockish elements own the inline text inside them.
func blockish(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body, atom.Caption,
		atom.Center, atom.Dd, atom.Details, atom.Dialog, atom.Div, atom.Dl, atom.Dt,
		atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Form, atom.H1, atom.H2,
		atom.H3, atom.H4, atom.H5, atom.H6, atom.Header, atom.Hgroup, atom.Html, atom.Li,
		atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Pre, atom.Section, atom.Summary,
		atom.Table, atom.Tbody, atom.Tfoot, atom.Thead, atom.Tr, atom.Td, atom.Th, atom.Ul:
		return true
	}
	return false
}

// minPara is the shortest text that counts as a paragraph, in characters.
const minPara = 25

func (p *page) linkDensity(i int) float64 {
	if p.chars[i] == 0 {
		return 0
	}
	return float64(p.linkChars[i]) / float64(p.chars[i])
}

// markJunk keeps a junk mark only where it cannot be the article: an
// element holding an <article>, <main> or articleBody, or most of the
// page's paragraph text, is not junk whatever its name.
func (p *page) markJunk() {
	total := p.paraChars[0]
	for i := 1; i < len(p.nodes); i++ {
		if p.junk[i] == "" {
			continue
		}
		n := p.nodes[i]
		if n.DataAtom == atom.Body || n.DataAtom == atom.Html {
			p.junk[i] = ""
			continue
		}
		// A wrapper holding most of the page's paragraphs is not
		// boilerplate whatever its name; a list is (a gallery's captions).
		list := n.DataAtom == atom.Ul || n.DataAtom == atom.Ol || n.DataAtom == atom.Dl
		if p.strong[i] || !list && total > 0 && 2*p.paraChars[i] > total {
			p.junk[i] = ""
			continue
		}
		// Share buttons are short: a long block named "sharing…" is a
		// section about sharing.
		if p.junk[i] == KindShare && p.chars[i] >= 500 {
			p.junk[i] = ""
			continue
		}
		if p.words[i] == 0 || p.inJunk(i) {
			continue
		}
		switch p.junk[i] {
		case KindMenus, KindFooters, KindSidebars, KindNotices, KindForms, KindRelated:
			// What surrounds an article on a page; an article's own
			// header, share buttons or even comments can come with a
			// selection of it.
			p.pageLike = true
		}
	}
}

// inJunk reports whether an ancestor of i is junk (at most 64 levels up).
func (p *page) inJunk(i int) bool {
	for q, k := p.parent[i], 0; q > 0 && k < 64; q, k = p.parent[q], k+1 {
		if p.junk[q] != "" {
			return true
		}
	}
	return false
}

// inJunkOf reports whether i or an ancestor (at most 64 levels up) is
// boilerplate of one of the kinds.
func (p *page) inJunkOf(i int, kinds map[string]bool) bool {
	for q, k := i, 0; q > 0 && k < 64; q, k = p.parent[q], k+1 {
		if kinds[p.junk[q]] {
			return true
		}
	}
	return false
}
