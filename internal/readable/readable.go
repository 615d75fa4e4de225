// Package readable reads the article out of a whole web page: the body a
// reader came for, without the menus, headers, footers, sidebars, comment
// threads, cookie notices and "most read" lists around it, and the page's
// own metadata (headline, authors, date).
//
// The body is chosen the way Mozilla's Readability chooses it, in our own
// code on golang.org/x/net/html: paragraphs score their containers by their
// length and commas, links and class or id hints lower a container's score,
// the best container and its worthy siblings are kept, and the blocks in it
// that look like boilerplate are left out. Every pass visits each element a
// bounded number of times (a paragraph scores at most five ancestors), so
// the work stays linear in the size of the page.
//
// A paste that is already only the article (a selection, a fragment) shows
// no sign of a page around it, and is read whole.
package readable

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/htmltext"
	"golang.org/x/net/html"
)

// Options tune one call.
type Options struct {
	// WholePage reads all the visible text, as htmltext does; the metadata
	// is still read from the page.
	WholePage bool
}

// Dropped counts the blocks of one kind left out of the article.
type Dropped struct {
	Kind   string // one of the Kind… constants
	Blocks int
	Words  int
}

// Kinds of blocks left out, in the order they are reported.
const (
	KindMenus    = "menus"
	KindHeaders  = "headers"
	KindFooters  = "footers"
	KindSidebars = "sidebars"
	KindComments = "comments"
	KindRelated  = "related"
	KindShare    = "share"
	KindNotices  = "notices" // cookie, consent, subscription, promotion, ads
	KindForms    = "forms"
	KindOther    = "other"
)

var kindOrder = []string{KindMenus, KindHeaders, KindFooters, KindSidebars, KindComments,
	KindRelated, KindShare, KindNotices, KindForms, KindOther}

// Article is what Extract read.
type Article struct {
	Text      string   // the visible text of what was kept, as htmltext writes it
	Title     string   // the page's headline, "" when it gives none
	Authors   []string // the page's authors
	Published string   // ISO 8601 date, "" when unknown
	// Extracted is true when part of the page was left out; PageWords and
	// Words then count the words of the whole page and of Text, and Dropped
	// what was left out, by kind.
	Extracted        bool
	Words, PageWords int
	Dropped          []Dropped
}

// Extract reads the article out of the HTML src. It fails only where
// htmltext.Extract fails (input that is not UTF-8).
func Extract(src string, opt Options) (Article, error) {
	var doc *html.Node
	if utf8.ValidString(src) {
		doc = htmltext.Parse(src)
	}
	if doc == nil { // too deep for the tree parser, or not UTF-8: read it all
		t, err := htmltext.Extract(src)
		if err != nil {
			return Article{}, err
		}
		return Article{Text: t}, nil
	}
	var a Article
	p := newPage(doc)
	if a.readMeta(doc, p) { // a saved page, not a selection
		p.pageLike = true
	}
	p.title = a.Title
	if opt.WholePage || !p.choose() {
		a.Text = htmltext.Text(doc, nil)
		return a, nil
	}
	a.Text = htmltext.Text(doc, p.isDropped)
	a.Words = countWords(a.Text)
	a.PageWords = p.words[0]
	for _, k := range kindOrder {
		if d := p.droppedBy[k]; d.Blocks > 0 {
			d.Kind = k
			a.Dropped = append(a.Dropped, d)
		}
	}
	a.Extracted = len(a.Dropped) > 0
	if !a.Extracted {
		a.Words, a.PageWords = 0, 0
	}
	return a, nil
}

// countWords counts runs of letters and digits.
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := isWordRune(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

func (d Dropped) String() string { return fmt.Sprintf("%s:%d/%d", d.Kind, d.Blocks, d.Words) }

// attr is the value of n's attribute key ("" when absent).
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}
