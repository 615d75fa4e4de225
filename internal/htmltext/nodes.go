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

// Next is the node after n in a walk of root's subtree in document order,
// nil when the walk is over: n's first child when descend is true and n
// has one, otherwise the next sibling of n or of its nearest ancestor below
// root that has one. leave, when not nil, is called with each element the
// walk climbs out of, innermost first (n itself is not left: the caller
// knows it has no children to wait for). The walk is a loop, not
// recursion: a paste can nest elements thousands deep, and the parser's
// tree is linked both ways, so each node is entered once and left once.
func Next(root, n *html.Node, descend bool, leave func(*html.Node)) *html.Node {
	if descend && n.FirstChild != nil {
		return n.FirstChild
	}
	for n != root && n.NextSibling == nil {
		n = n.Parent
		if leave != nil && n.Type == html.ElementNode {
			leave(n)
		}
	}
	if n == root {
		return nil
	}
	return n.NextSibling
}
