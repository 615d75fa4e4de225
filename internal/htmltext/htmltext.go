// Package htmltext turns pasted HTML (a reader's rich clipboard: a fragment
// or a whole document) into the text a reader sees: blocks become
// paragraphs, white space collapses as in a browser, entities are decoded,
// and scripts, styles, hidden elements and form controls are dropped.
package htmltext

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Extract returns the visible text of an HTML fragment or document, with
// "\n\n" between blocks and "\n" for <br>. It fails only on input that is not
// UTF-8.
func Extract(src string) (string, error) {
	if !utf8.ValidString(src) {
		i := 0
		for i < len(src) {
			r, n := utf8.DecodeRuneInString(src[i:])
			if r == utf8.RuneError && n == 1 {
				break
			}
			i += n
		}
		return "", fmt.Errorf("htmltext: the HTML is not valid UTF-8 (byte 0x%02x at offset %d); save it as UTF-8", src[i], i)
	}
	w := writer{}
	w.b.Grow(len(src) / 2)
	// The tree parser refuses more than 512 open elements and slows down
	// with depth (it scans the open elements for scope); a paste nested
	// that deep is still text, so read it with the tokenizer instead.
	var doc *html.Node
	var err error
	if depth(src) <= maxTreeDepth {
		doc, err = html.Parse(strings.NewReader(src))
	}
	if doc == nil || err != nil {
		w = writer{}
		if err := stream(src, &w); err != nil {
			return "", fmt.Errorf("htmltext: %w", err)
		}
	} else {
		walk(doc, &w, nil)
	}
	return strings.Trim(w.b.String(), " \n"), nil
}

// maxTreeDepth is the deepest nesting handed to the tree parser; real
// articles stay far below it.
const maxTreeDepth = 128

// depth estimates how deep src nests, counting start and end tags.
func depth(src string) int {
	z := html.NewTokenizer(strings.NewReader(src))
	d, deepest := 0, 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return deepest
		case html.StartTagToken:
			name, _ := z.TagName()
			if a := atom.Lookup(name); !void(a) && !optionalEnd(a) {
				d++
				deepest = max(deepest, d)
			}
		case html.EndTagToken:
			d = max(d-1, 0)
		}
	}
}

// stream extracts the text of src token by token, for documents nested too
// deep for the tree parser. End tags close the nearest open element of the
// same name within a bounded look-back, which keeps it linear.
func stream(src string, w *writer) error {
	type open struct {
		n      *html.Node // name and attributes only
		hidden bool
	}
	var stack []open
	hidden := 0 // open elements that hide their content
	z := html.NewTokenizer(strings.NewReader(src))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if err := z.Err(); err != io.EOF {
				return err
			}
			return nil
		case html.TextToken:
			if hidden == 0 {
				w.text(string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			n := &html.Node{Type: html.ElementNode, DataAtom: t.DataAtom, Data: t.Data, Attr: t.Attr}
			h := skip(n)
			if hidden == 0 && !h {
				w.open(n)
			}
			if tt == html.SelfClosingTagToken || void(t.DataAtom) {
				if hidden == 0 && !h {
					w.close(n)
				}
				continue
			}
			stack = append(stack, open{n, h})
			if h {
				hidden++
			}
		case html.EndTagToken:
			t := z.Token()
			for k := len(stack) - 1; k >= 0 && k >= len(stack)-64; k-- {
				if stack[k].n.Data != t.Data {
					continue
				}
				for len(stack) > k {
					o := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					if o.hidden {
						hidden--
					} else if hidden == 0 {
						w.close(o.n)
					}
				}
				break
			}
		}
	}
}

// optionalEnd elements are often left open: the parser closes them
// implicitly, so they do not nest.
func optionalEnd(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Li, atom.Dt, atom.Dd, atom.Option, atom.Optgroup, atom.Tr, atom.Td,
		atom.Th, atom.Tbody, atom.Thead, atom.Tfoot, atom.Colgroup, atom.Caption, atom.Rp,
		atom.Rt, atom.Html, atom.Head, atom.Body:
		return true
	}
	return false
}

// void elements have no end tag.
func void(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

// walk visits the tree in document order (see Next), leaving out hidden
// elements and those drop, when set, returns true for.
func walk(root *html.Node, w *writer, drop func(*html.Node) bool) {
	for n := root; n != nil; {
		descend := false
		switch n.Type {
		case html.TextNode:
			w.text(n.Data)
		case html.ElementNode:
			if !skip(n) && (drop == nil || !drop(n)) {
				w.open(n)
				descend = n.FirstChild != nil
				if !descend {
					w.close(n)
				}
			}
		case html.DocumentNode:
			descend = true
		}
		n = Next(root, n, descend, func(n *html.Node) { w.close(n) })
	}
}

// skip reports whether an element and everything in it is invisible or not
// part of the article (scripts, metadata, form controls).
func skip(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Head, atom.Title,
		atom.Meta, atom.Link, atom.Base, atom.Iframe, atom.Object, atom.Embed, atom.Svg,
		atom.Canvas, atom.Video, atom.Audio, atom.Map, atom.Input, atom.Select,
		atom.Textarea, atom.Button, atom.Datalist, atom.Rp:
		return true
	}
	for _, a := range n.Attr {
		if a.Namespace != "" {
			continue
		}
		switch strings.ToLower(a.Key) {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "style":
			if hiddenStyle(a.Val) {
				return true
			}
		}
	}
	return false
}

// hiddenStyle reports whether an inline style hides the element.
func hiddenStyle(v string) bool {
	var b strings.Builder
	for _, r := range v {
		switch r {
		case ' ', '\t', '\n', '\r', '\f':
			continue
		}
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	s := b.String()
	return strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden")
}

// block reports whether an element starts and ends a paragraph.
func block(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body, atom.Caption,
		atom.Center, atom.Dd, atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Dt,
		atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Form, atom.H1, atom.H2,
		atom.H3, atom.H4, atom.H5, atom.H6, atom.Header, atom.Hgroup, atom.Hr, atom.Html,
		atom.Legend, atom.Li, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Pre,
		atom.Section, atom.Summary, atom.Table, atom.Tbody, atom.Tfoot, atom.Thead, atom.Tr,
		atom.Ul, atom.Img, atom.Picture, atom.Frameset, atom.Frame:
		return true
	}
	return false
}

// writer accumulates text, collapsing white space like a browser: breaks
// and spaces are held back until more text comes, so none lead or trail.
type writer struct {
	b      strings.Builder
	breaks int  // newlines owed before the next text (at most 2)
	space  bool // a space owed before the next text
	pre    int  // depth of <pre>: white space kept as is
}

func (w *writer) open(n *html.Node) {
	switch {
	case n.DataAtom == atom.Br:
		w.breaks = min(w.breaks+1, 2)
	case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
		w.space = true // cells side by side
	case block(n.DataAtom):
		w.breaks = 2
	}
	if n.DataAtom == atom.Pre || n.DataAtom == atom.Listing || n.DataAtom == atom.Plaintext || n.DataAtom == atom.Xmp {
		w.pre++
	}
}

func (w *writer) close(n *html.Node) {
	switch {
	case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
		w.space = true
	case block(n.DataAtom):
		w.breaks = 2
	}
	if n.DataAtom == atom.Pre || n.DataAtom == atom.Listing || n.DataAtom == atom.Plaintext || n.DataAtom == atom.Xmp {
		w.pre--
	}
}

// flush writes the breaks or space owed, unless nothing was written yet.
func (w *writer) flush() {
	if w.b.Len() > 0 {
		switch {
		case w.breaks > 0:
			w.b.WriteString("\n\n"[:w.breaks])
		case w.space:
			w.b.WriteByte(' ')
		}
	}
	w.breaks, w.space = 0, false
}

func (w *writer) text(s string) {
	if w.pre > 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		if s != "" {
			w.flush()
			w.b.WriteString(s)
		}
		return
	}
	for len(s) > 0 {
		// A run of HTML white space becomes one space.
		i := 0
		for i < len(s) && isWhite(s[i]) {
			i++
		}
		if i > 0 {
			w.space = true
			s = s[i:]
			continue
		}
		for i < len(s) && !isWhite(s[i]) {
			i++
		}
		w.flush()
		w.b.WriteString(s[:i])
		s = s[i:]
	}
}

// isWhite is HTML's ASCII white space; a no-break space is not.
func isWhite(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}
