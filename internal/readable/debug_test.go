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

// TestDebugPage explains one page: the chosen container and its ancestors
// with their scores, then every block left out with its kind.
//
//	go test ./internal/readable -run TestDebugPage -v -debugpage page.html
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
