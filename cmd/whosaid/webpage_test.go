package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/engine"
)

// TestExtractWholePage: a whole page gives its article and says what was
// left out; --whole-page analyses all of it.
func TestExtractWholePage(t *testing.T) {
	page := `<html><head><title>Flood</title></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Flood</h1><p>"We are safe now," said Ana Ruiz, the mayor, on Monday evening.</p>
<p>The river fell by a metre overnight, officials said, and roads reopened.</p></article>
<footer>© The Example. All rights reserved.</footer></body></html>`
	for _, whole := range []bool{false, true} {
		args := []string{"extract", "--type", "html"}
		if whole {
			args = append(args, "--whole-page")
		}
		code, stdout, stderr := runCLI(args, page)
		var res engine.Result
		if code != 0 || json.Unmarshal([]byte(stdout), &res) != nil {
			t.Fatalf("whosaid %s: exit %d, stderr %q", strings.Join(args, " "), code, stderr)
		}
		if got := strings.Contains(res.Text, "All rights reserved"); got != whole {
			t.Errorf("whole page %v: text %q", whole, res.Text)
		}
		if got := res.Extraction != nil; got == whole {
			t.Errorf("whole page %v: extraction %+v", whole, res.Extraction)
		}
		if res.Meta.Title != "Flood" {
			t.Errorf("whole page %v: title %q", whole, res.Meta.Title)
		}
	}
}
