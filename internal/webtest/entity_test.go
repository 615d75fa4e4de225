package webtest

import (
	"strings"
	"testing"
)

// TestRoleAndPronoun: the sources panel shows a person's role, and the tip
// of a claim made by "he" reads "he → James Comey (FBI Director)".
func TestRoleAndPronoun(t *testing.T) {
	tb := newTab(t)
	tb.analyze("FBI Director James Comey informed lawmakers on Friday that the bureau had found new emails.\n\n"+
		"\"We are reviewing them carefully,\" he said.\n", "text/plain")
	var panel struct {
		Names, Roles, Kinds []string
	}
	tb.Await(`(() => ({
		Names: [...document.querySelectorAll('#sources .source-name')].map((e) => e.textContent),
		Roles: [...document.querySelectorAll('#sources .source-role')].map((e) => e.textContent),
		Kinds: [...document.querySelectorAll('#sources .source-kind')].map((e) => e.textContent),
	}))()`, &panel)
	if len(panel.Names) != 1 || panel.Names[0] != "James Comey" || len(panel.Roles) != 1 || panel.Roles[0] != "FBI Director" {
		t.Errorf("sources panel: names %q, roles %q; want James Comey, FBI Director", panel.Names, panel.Roles)
	}
	if len(panel.Kinds) != 1 || panel.Kinds[0] != "named person" {
		t.Errorf("sources panel kinds %q, want named person", panel.Kinds)
	}
	found := false
	for _, c := range tb.drawnClaims() {
		if strings.Contains(c.Text, "reviewing them") {
			found = true
			if !strings.Contains(c.Tip, "he → James Comey (FBI Director)") {
				t.Errorf("tip of the claim after \"he said\" = %q, want it to read he → James Comey (FBI Director)", c.Tip)
			}
		}
	}
	if !found {
		t.Error("no highlighted claim holds \"We are reviewing them carefully\"")
	}
}
