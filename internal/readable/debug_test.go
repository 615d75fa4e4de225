package readable

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/htmltext"
)

var debugPage = flag.String("debugpage", "", "print what is dropped from this HTML file")

func TestDebugPage(t *testing.T) {
	if *debugPage == "" {
		t.Skip("no -debugpage")
	}
	src, err := os.ReadFile(*debugPage)
	if err != nil {
		t.Fatal(err)
	}
	doc := htmltext.Parse(string(src))
	p := newPage(doc)
	fmt.Println("chosen:", p.choose())
	for q := p.top; q > 0; q = p.parent[q] {
		n := p.nodes[q]
		fmt.Printf("TOP %s.%s#%s score=%.1f scored=%v words=%d\n", n.Data, attr(n, "class"), attr(n, "id"), p.score[q], p.scored[q], p.words[q])
	}
	for i, n := range p.nodes {
		if p.drop[i] && p.words[i] > 0 {
			k := p.junk[i]
			txt := strings.Join(strings.Fields(htmltext.Text(n, nil)), " ")
			if len(txt) > 100 {
				txt = txt[:100]
			}
			fmt.Printf("DROP %-9s %s.%s#%s score=%.1f words=%d ld=%.2f | %s\n", k, n.Data, attr(n, "class"), attr(n, "id"), p.score[i], p.words[i], p.linkDensity(i), txt)
		}
	}
}

var debugClass = flag.String("debugclass", "", "print nodes whose class contains this")

func TestDebugClass(t *testing.T) {
	if *debugPage == "" || *debugClass == "" {
		t.Skip()
	}
	src, _ := os.ReadFile(*debugPage)
	p := newPage(htmltext.Parse(string(src)))
	p.choose()
	for i, n := range p.nodes {
		if strings.Contains(attr(n, "class")+"#"+attr(n, "id"), *debugClass) {
			fmt.Printf("%d %s.%s#%s junk=%q hint=%d score=%.1f scored=%v words=%d paraChars=%d own=%d drop=%v\n", i, n.Data, attr(n, "class"), attr(n, "id"), p.junk[i], p.hint[i], p.score[i], p.scored[i], p.words[i], p.paraChars[i], p.ownChars[i], p.drop[i])
			for q, k := p.parent[i], 0; q > 0 && k < 12; q, k = p.parent[q], k+1 {
				m := p.nodes[q]
				fmt.Printf("    ^ %d %s.%s#%s junk=%q score=%.1f\n", q, m.Data, attr(m, "class"), attr(m, "id"), p.junk[q], p.score[q])
			}
		}
	}
}

var debugAll = flag.String("debugall", "", "print the boilerplate kinds of every page in this directory")

func TestDebugAll(t *testing.T) {
	if *debugAll == "" {
		t.Skip()
	}
	ents, _ := os.ReadDir(*debugAll)
	kinds := func(src string) string {
		p := newPage(htmltext.Parse(src))
		seen := map[string]int{}
		for i := range p.nodes {
			if p.junk[i] != "" && p.words[i] > 0 {
				seen[p.junk[i]] += p.words[i]
			}
		}
		return fmt.Sprint(seen)
	}
	for _, e := range ents {
		src, err := os.ReadFile(*debugAll + "/" + e.Name() + "/source.html")
		if err != nil {
			continue
		}
		exp, _ := os.ReadFile(*debugAll + "/" + e.Name() + "/expected.html")
		s := string(src)
		if i := strings.Index(strings.ToLower(s), "<body"); i >= 0 {
			s = s[i:]
		}
		fmt.Printf("%-28s EXP %s\n%-28s SRC %s\n", e.Name(), kinds(string(exp)), "", kinds(s))
	}
}
