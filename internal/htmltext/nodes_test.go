package htmltext

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestNext: Next enters every node once in document order, leaves every
// element it entered the children of once, innermost first, skips the
// children of what the caller does not descend into, and stays inside root.
func TestNext(t *testing.T) {
	tests := []struct{ in, skip, want string }{
		{"", "", "#doc <html> <head> <body> /html"}, // a childless element is not left: its caller closes it,
		{"<p>a<b>b</b>c</p><p>d</p>", "", "#doc <html> <head> <body> <p> a <b> b /b c /p <p> d /p /body /html"},
		{"<p>a<b>b</b>c</p><p>d</p>", "b", "#doc <html> <head> <body> <p> a <b> c /p <p> d /p /body /html"},
		{"<div><div><div>x</div></div></div><i>y</i>", "", "#doc <html> <head> <body> <div> <div> <div> x /div /div /div <i> y /i /body /html"},
		{"<div><div><div>x</div></div></div><i>y</i>", "div", "#doc <html> <head> <body> <div> <i> y /i /body /html"},
		{"<br><img>z", "", "#doc <html> <head> <body> <br> <img> z /body /html"},
	}
	for _, tt := range tests {
		doc, err := html.Parse(strings.NewReader(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		leave := func(n *html.Node) { got = append(got, "/"+n.Data) }
		for n := doc; n != nil; {
			switch n.Type {
			case html.DocumentNode:
				got = append(got, "#doc")
			case html.ElementNode:
				got = append(got, "<"+n.Data+">")
			case html.TextNode:
				got = append(got, n.Data)
			}
			n = Next(doc, n, n.Type != html.ElementNode || n.Data != tt.skip, leave)
		}
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("%q skipping %q:\ngot  %s\nwant %s", tt.in, tt.skip, s, tt.want)
		}
	}
	// Within a subtree: the walk ends at its root, whose siblings it never
	// reaches, and the root itself is left like any element.
	doc, _ := html.Parse(strings.NewReader("<p>a<b>b</b></p><p>after</p>"))
	root := doc.FirstChild.LastChild.FirstChild // the first <p>
	var got []string
	for n := root; n != nil; n = Next(root, n, true, func(n *html.Node) { got = append(got, "/"+n.Data) }) {
		got = append(got, n.Data)
	}
	if s := strings.Join(got, " "); s != "p a b b /b /p" {
		t.Errorf("subtree walk: got %s", s)
	}
}
