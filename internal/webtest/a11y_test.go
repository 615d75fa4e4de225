package webtest

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestKeyboardReachesEveryClaim: Tab alone reaches every attributed claim,
// the claim shows its tip and a visible focus ring, and the sources and
// unattributed lists are reachable too.
func TestKeyboardReachesEveryClaim(t *testing.T) {
	tb := newTab(t)
	res := tb.analyze(seedText(t), "text/plain")
	want := map[string]bool{}
	for i, c := range res.Claims {
		if c.Attribution != nil {
			want[itoa(i)] = true
		}
	}
	tb.Await(`document.activeElement.blur(), window.scrollTo(0, 0), true`, nil)
	type focused struct {
		Desc    string
		Claim   string
		Tip     bool
		Outline string
	}
	seen := map[string]bool{}
	reached := map[string]bool{}
	sources, unattr := 0, 0
	for i := 0; i < 400; i++ {
		if err := chromedp.Run(tb.Ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			t.Fatal(err)
		}
		var f focused
		tb.Await(`(() => { const e = document.activeElement;
			const d = e.tagName + (e.id ? '#' + e.id : '') + (e.dataset.claim ? '[' + e.dataset.claim + ']' : '') + (e.dataset.sourceId ? '{' + e.dataset.sourceId + '}' : '');
			const cs = getComputedStyle(e);
			return {Desc: d, Claim: e.matches('mark.claim') ? e.dataset.claim : '', Tip: !document.getElementById('tip').hidden,
				Outline: cs.outlineStyle + ' ' + cs.outlineWidth}; })()`, &f)
		if seen[f.Desc] {
			break // back to the start
		}
		seen[f.Desc] = true
		if strings.HasPrefix(f.Desc, "BUTTON") && strings.Contains(f.Desc, "{") {
			sources++
		}
		if strings.HasPrefix(f.Desc, "BUTTON") && strings.Contains(f.Desc, "[") {
			unattr++
		}
		if f.Claim != "" {
			reached[f.Claim] = true
			if !f.Tip {
				t.Errorf("claim %s focused by keyboard shows no tip", f.Claim)
			}
			if strings.HasPrefix(f.Outline, "none") || strings.HasSuffix(f.Outline, " 0px") {
				t.Errorf("claim %s focused by keyboard has no visible focus (outline %q)", f.Claim, f.Outline)
			}
		}
	}
	for c := range want {
		if !reached[c] {
			t.Errorf("claim %d (%q) is not reachable with Tab", atoi(t, c), res.Claims[atoi(t, c)].Text)
		}
	}
	if sources != len(res.Sources) {
		t.Errorf("Tab reached %d source buttons, the result has %d sources", sources, len(res.Sources))
	}
	if n := countUnattributed(res); unattr != n {
		t.Errorf("Tab reached %d unattributed items, the result has %d", unattr, n)
	}
}

// axeSource finds axe-core: the repository's node_modules, .cache/npm, or
// installs it into .cache/npm with npm.
func axeSource(t testing.TB, root string) string {
	t.Helper()
	cands := []string{
		filepath.Join(root, "node_modules", "axe-core", "axe.min.js"),
		filepath.Join(root, ".cache", "npm", "node_modules", "axe-core", "axe.min.js"),
	}
	for _, p := range cands {
		if b, err := os.ReadFile(p); err == nil {
			return string(b)
		}
	}
	cmd := exec.Command("npm", "install", "--no-audit", "--no-fund", "--prefix", filepath.Join(root, ".cache", "npm"), "axe-core@4.11.0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("installing axe-core (npm install --prefix .cache/npm axe-core@4.11.0): %v\n%s", err, out)
	}
	b, err := os.ReadFile(cands[1])
	if err != nil {
		t.Fatalf("axe-core installed but not found: %v", err)
	}
	return string(b)
}

type axeViolation struct {
	ID    string `json:"id"`
	Help  string `json:"help"`
	Nodes []struct {
		Target  []any  `json:"target"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

// TestAxe: axe-core finds no violation on the seed view, in light and dark
// mode, wide and narrow, with a source chosen and a tip open.
func TestAxe(t *testing.T) {
	tb := newTab(t)
	axe := axeSource(t, tb.env.root)
	tb.analyze(seedText(t), "text/plain")
	tb.Await(axe+"\n;true", nil)
	for _, c := range []struct {
		name   string
		scheme string
		width  int64
		setup  string
	}{
		{"light", "light", 1280, ""},
		{"dark", "dark", 1280, ""},
		{"narrow", "light", 375, ""},
		{"narrow-dark", "dark", 375, ""},
		{"source-chosen", "light", 1280, `document.querySelector('#sources button').click()`},
		{"tip-open", "dark", 1280, `document.querySelector('#article mark.claim').focus()`},
	} {
		err := chromedp.Run(tb.Ctx,
			emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: c.scheme}}),
			chromedp.EmulateViewport(c.width, 900),
		)
		if err != nil {
			t.Fatal(err)
		}
		if c.setup != "" {
			tb.Await(c.setup+";true", nil)
		}
		var raw string
		tb.Await(`axe.run(document, {resultTypes: ['violations']}).then((r) => JSON.stringify(r.violations))`, &raw)
		var vs []axeViolation
		if err := json.Unmarshal([]byte(raw), &vs); err != nil {
			t.Fatal(err)
		}
		for _, v := range vs {
			for _, n := range v.Nodes {
				t.Errorf("%s: axe %s (%s) at %v: %s", c.name, v.ID, v.Help, n.Target, n.Summary)
			}
		}
		var overflow int
		tb.Await(`document.documentElement.scrollWidth - window.innerWidth`, &overflow)
		if overflow > 0 {
			t.Errorf("%s: the page is %dpx wider than the %dpx viewport", c.name, overflow, c.width)
		}
		if c.name == "narrow" || c.name == "dark" {
			tb.screenshot("seed-" + c.name)
		}
		if c.name == "narrow-dark" {
			tb.Await(`document.querySelector('#article mark.claim').scrollIntoView({block: 'center'}), true`, nil)
			tb.viewportShot("seed-narrow-dark-viewport")
		}
	}
}
