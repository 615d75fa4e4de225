package htmltext

import (
	"strings"

	"golang.org/x/net/html"
)

// Parse parses src with the tree parser when it nests shallowly enough for
// it (see Extract); it returns nil when the document is too deep, and the
// caller should then fall back to Extract, which streams.
func Parse(src string) *html.Node {
	if depth(src) > maxTreeDepth {
		return nil
	}
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return nil
	}
	return doc
}

// Hidden reports whether an element and everything in it is invisible or
// not part of the article, by the same rule as Extract.
func Hidden(n *html.Node) bool { return n.Type == html.ElementNode && skip(n) }

// Text is the visible text of root as Extract writes it, leaving out every
// element for which drop returns true (and what it holds).
func Text(root *html.Node, drop func(*html.Node) bool) string {
	w := writer{}
	walk(root, &w, drop)
	return strings.Trim(w.b.String(), " \n")
}
