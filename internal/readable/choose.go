package readable

import (
	"strings"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/htmltext"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// choose finds the article and marks everything else dropped. It reports
// false when the page shows no sign of anything around an article (a
// selection, a fragment) or has no paragraph to go by: then all of it is
// the article.
func (p *page) choose() bool {
	if !p.pageLike {
		return false
	}
	n := len(p.nodes)
	inJunk := make([]bool, n)
	for i := 1; i < n; i++ {
		inJunk[i] = inJunk[p.parent[i]] || p.junk[i] != ""
	}
	for i := 1; i < n; i++ {
		if inJunk[i] || p.ownChars[i] < minPara || !scoredTag(p.nodes[i].DataAtom) {
			continue
		}
		s := 1 + float64(p.ownCommas[i]) + min(float64(p.ownChars[i])/100, 3)
		q := p.parent[i]
		for level := 0; q > 0 && level < 5; level++ {
			if p.nodes[q].Type != html.ElementNode || p.nodes[q].DataAtom == atom.Html {
				break
			}
			p.initScore(q)
			div := 1.0
			if level == 1 {
				div = 2
			} else if level > 1 {
				div = float64(level * 3)
			}
			p.score[q] += s / div
			q = p.parent[q]
		}
	}
	// Five best candidates, scaled by how much of each is links.
	var best [5]int
	for i := range best {
		best[i] = -1
	}
	for i := 1; i < n; i++ {
		if !p.scored[i] {
			continue
		}
		p.score[i] *= 1 - p.linkDensity(i)
		for k := range best {
			if best[k] < 0 || p.score[i] > p.score[best[k]] {
				copy(best[k+1:], best[k:len(best)-1])
				best[k] = i
				break
			}
		}
	}
	if best[0] < 0 {
		return false
	}
	top := p.climb(best)
	p.top = top
	p.keep(top)
	return true
}

func scoredTag(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Pre, atom.Td, atom.Blockquote, atom.Div, atom.Section, atom.Article,
		atom.Main, atom.Dd, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// initScore gives a container its first score, by its tag and name.
func (p *page) initScore(i int) {
	if p.scored[i] {
		return
	}
	p.scored[i] = true
	n := p.nodes[i]
	s := float64(p.hint[i])
	switch n.DataAtom {
	case atom.Div:
		s += 5
	case atom.Article:
		s += 10
	case atom.Pre, atom.Td, atom.Blockquote:
		s += 3
	case atom.Address, atom.Ol, atom.Ul, atom.Dl, atom.Dd, atom.Dt, atom.Li, atom.Form:
		s -= 3
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Th:
		s -= 5
	}
	if strings.EqualFold(attr(n, "itemprop"), "articleBody") {
		s += 25
	}
	p.score[i] = s
}

// climb moves from the best candidate to the container that holds the
// whole article: an ancestor of several near-best candidates, an ancestor
// that scores nearly as well, or an ancestor with nothing else in it.
func (p *page) climb(best [5]int) int {
	top := best[0]
	topScore := p.score[top]
	var alts []map[int]bool
	for _, c := range best[1:] {
		if c >= 0 && p.score[c] >= 0.75*topScore {
			anc := map[int]bool{}
			for q := p.parent[c]; q > 0; q = p.parent[q] {
				anc[q] = true
			}
			alts = append(alts, anc)
		}
	}
	if len(alts) >= 3 {
		for q := p.parent[top]; q > 0 && !p.isBody(q); q = p.parent[q] {
			k := 0
			for _, a := range alts {
				if a[q] {
					k++
				}
			}
			if k >= 3 {
				top = q
				p.initScore(top)
				break
			}
		}
	}
	last := p.score[top]
	threshold := last / 3
	for q := p.parent[top]; q > 0 && !p.isBody(q); q = p.parent[q] {
		if !p.scored[q] {
			continue
		}
		if p.score[q] < threshold {
			break
		}
		if p.score[q] > last {
			top = q
			break
		}
		last = p.score[q]
	}
	for q := p.parent[top]; q > 0 && !p.isBody(q) && p.onlyChild(top); q = p.parent[q] {
		top = q
		p.initScore(top)
	}
	// The page's own word for the article (<article>, articleBody) holds
	// what the scoring split in parts, when it is not much larger.
	for q, k := p.parent[top], 0; q > 0 && k < 4 && !p.isBody(q); q, k = p.parent[q], k+1 {
		n := p.nodes[q]
		if (n.DataAtom == atom.Article || strings.EqualFold(attr(n, "itemprop"), "articleBody")) && p.junk[q] == "" {
			if p.paraChars[q] <= 2*p.paraChars[top] {
				top = q
				p.initScore(top)
			}
			break
		}
	}
	return top
}

func (p *page) isBody(i int) bool {
	a := p.nodes[i].DataAtom
	return a == atom.Body || a == atom.Html || p.nodes[i].Type != html.ElementNode
}

// onlyChild reports whether element i is its parent's only visible child
// element.
func (p *page) onlyChild(i int) bool {
	for c := p.nodes[i].Parent.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c != p.nodes[i] {
			if _, ok := p.idx[c]; ok {
				return false
			}
		}
	}
	return true
}

// keep marks what stays: top and its siblings that score nearly as well or
// read as body text, minus the boilerplate inside them. Everything else is
// dropped and counted by kind.
func (p *page) keep(top int) {
	n := len(p.nodes)
	p.droppedBy = map[string]Dropped{}
	onPath := make([]bool, n)
	parent := p.parent[top]
	for q := parent; q >= 0; q = p.parent[q] {
		onPath[q] = true
	}
	included := make([]bool, n)
	threshold := max(10, p.score[top]*0.2)
	class := attr(p.nodes[top], "class")
	for c := p.nodes[parent].FirstChild; c != nil; c = c.NextSibling {
		s, ok := p.idx[c]
		if !ok {
			continue
		}
		if s == top {
			included[s] = true
			continue
		}
		if p.junk[s] != "" {
			continue
		}
		bonus := 0.0
		if class != "" && attr(c, "class") == class {
			bonus = p.score[top] * 0.2
		}
		ld := p.linkDensity(s)
		switch {
		case p.scored[s] && p.score[s]+bonus >= threshold:
			included[s] = true
		case (c.DataAtom == atom.H1 || c.DataAtom == atom.H2 || c.DataAtom == atom.H3) && p.title != "" && similarity(p.title, innerText(c, 400)) > 0.75:
			// the article's own headline, just outside its body
			included[s] = true
		case !p.scored[s] && p.paraChars[s] >= max(500, p.paraChars[top]/5) && ld < 0.25 && p.hint[s] >= 0 && 10*p.headChars[s] < p.chars[s]:
			// body text the scoring did not reach (deeply nested), not a
			// list of teasers (a heading to each paragraph)
			included[s] = true
		case c.DataAtom == atom.P || p.ownChars[s] == p.chars[s] && p.chars[s] > 0 && blockish(c.DataAtom):
			text := strings.TrimSpace(innerText(c, 400))
			if p.chars[s] > 80 && ld < 0.25 ||
				p.chars[s] <= 80 && p.chars[s] > 0 && ld == 0 && (strings.Contains(text, ". ") || strings.HasSuffix(text, ".")) {
				included[s] = true
			}
		}
	}
	// In document order, a parent before its children: drop the largest
	// subtrees not kept.
	inside := make([]bool, n) // within an included sibling and kept
	for i := 1; i < n; i++ {
		q := p.parent[i]
		switch {
		case onPath[i]:
		case included[i]: // kept whatever its name: the scoring chose it
			inside[i] = true
		case onPath[q]:
			p.dropTree(i)
		case inside[q]:
			if k := p.clean(i); k != "" {
				p.drop[i] = true
				if p.words[i] > 0 {
					p.count(k, p.words[i])
				}
				continue
			}
			inside[i] = true
		}
	}
}

// dropTree drops the subtree at i, counting the boilerplate inside it by
// kind and the rest as one other block.
func (p *page) dropTree(i int) {
	p.drop[i] = true
	if p.words[i] == 0 {
		return
	}
	if p.junk[i] != "" {
		p.count(p.junk[i], p.words[i])
		return
	}
	rest := p.words[i]
	end := p.subtreeEnd(i)
	for j := i + 1; j < end; {
		if p.junk[j] != "" && p.words[j] > 0 {
			p.count(p.junk[j], p.words[j])
			rest -= p.words[j]
			j = p.subtreeEnd(j)
			continue
		}
		j++
	}
	if rest > 0 {
		p.count(KindOther, rest)
	}
}

// subtreeEnd is the index after the last descendant of i: nodes are in
// pre-order, so a subtree is a run.
func (p *page) subtreeEnd(i int) int { return i + p.size[i] }

func (p *page) count(kind string, words int) {
	d := p.droppedBy[kind]
	d.Blocks++
	d.Words += words
	p.droppedBy[kind] = d
}

// clean says why an element inside the article is boilerplate ("" when it
// is not): its kind, or "other" for a block that is mostly links, images
// or form controls.
func (p *page) clean(i int) string {
	if p.junk[i] != "" {
		return p.junk[i]
	}
	a := p.nodes[i].DataAtom
	switch a {
	case atom.Div, atom.Section, atom.Ul, atom.Ol, atom.Table, atom.Form, atom.Fieldset, atom.Aside, atom.Dl:
	default:
		return ""
	}
	w := float64(p.hint[i])
	if w < 0 {
		return KindOther
	}
	if p.commas[i] >= 10 {
		return ""
	}
	list := a == atom.Ul || a == atom.Ol || a == atom.Dl
	ld := p.linkDensity(i)
	paras, imgs := p.paras[i], p.imgs[i]
	hd := 0.0
	if p.chars[i] > 0 {
		hd = float64(p.headChars[i]) / float64(p.chars[i])
	}
	switch {
	case imgs > 1 && float64(paras)/float64(imgs) < 0.5 && !p.inFigure(i):
	case p.inputs[i] > paras/3:
	case !list && hd < 0.9 && p.chars[i] < 25 && (imgs == 0 || imgs > 2) && ld > 0:
	case !list && w < 25 && ld > 0.2:
	case w >= 25 && ld > 0.5:
	default:
		return ""
	}
	return KindOther
}

func (p *page) inFigure(i int) bool {
	for q, k := i, 0; q > 0 && k < 8; q, k = p.parent[q], k+1 {
		if p.nodes[q].DataAtom == atom.Figure {
			return true
		}
	}
	return false
}

// isDropped is the filter handed to htmltext.Text.
func (p *page) isDropped(n *html.Node) bool {
	i, ok := p.idx[n]
	return ok && p.drop[i]
}

// innerText is the text in n, at most limit bytes of it, read from a
// bounded number of nodes so that calls on nested elements stay cheap.
func innerText(n *html.Node, limit int) string {
	var b strings.Builder
	budget := 4 * limit
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil && b.Len() < limit && depth < 32 && budget > 0; c = c.NextSibling {
			budget--
			switch c.Type {
			case html.TextNode:
				b.WriteString(c.Data)
			case html.ElementNode:
				if !htmltext.Hidden(c) {
					walk(c, depth+1)
				}
			}
		}
	}
	walk(n, 0)
	s := b.String()
	if len(s) > limit {
		s = s[:limit]
		for k := 0; k < 3 && !utf8.ValidString(s); k++ { // a cut rune
			s = s[:len(s)-1]
		}
	}
	return s
}
