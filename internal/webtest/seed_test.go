package webtest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/engine"
)

// seedText reads the seed article from ../shared, failing clearly when the
// shared material is missing.
func seedText(t testing.TB) string {
	t.Helper()
	e := mustEnv(t)
	p := filepath.Join(e.root, "..", "shared", "seed", "text", "syria-final-battle.txt")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("the seed article is missing (%v): the tests need ../shared beside the repository", err)
	}
	return string(b)
}

// analyze draws text on the page through window.whosaid.analyze and
// returns the result the page drew.
func (tb *tab) analyze(text, typ string) *engine.Result {
	tb.T.Helper()
	var raw string
	tb.Await(`window.whosaid.analyze(`+jsString(text)+`, {type: `+jsString(typ)+`}).then((r) => JSON.stringify(r))`, &raw)
	var res engine.Result
	if err := json.Unmarshal([]byte(raw), &res); err != nil {
		tb.T.Fatalf("decoding the page's result: %v", err)
	}
	return &res
}

func jsString(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err) // a string always encodes
	}
	return string(b)
}

// drawnClaim is one highlighted claim as the page shows it.
type drawnClaim struct {
	Claim    int    `json:"claim"`
	Text     string `json:"text"`
	SourceID string `json:"sourceId"`
	Label    string `json:"label"`
	Tip      string `json:"tip"`
}

// drawnClaims focuses every attributed claim on the page and reads its
// text and the tooltip that focus shows.
func (tb *tab) drawnClaims() []drawnClaim {
	tb.T.Helper()
	var out []drawnClaim
	tb.Await(`(() => {
		const out = [];
		for (const m of document.querySelectorAll('#article mark.claim[data-part="0"]')) {
			m.focus();
			const tip = document.getElementById('tip');
			out.push({claim: Number(m.dataset.claim), text: m.textContent, sourceId: m.dataset.sourceId || '',
				label: m.dataset.label || '', tip: tip.hidden ? '' : tip.textContent});
		}
		document.activeElement.blur();
		return out;
	})()`, &out)
	return out
}

// TestSeedArticle: the seed article shows its claims, the pronouns resolved,
// the scare quote left alone, the unattributed list and the meta.
func TestSeedArticle(t *testing.T) {
	tb := newTab(t)
	res := tb.analyze(seedText(t), "text/plain")
	tb.screenshot("seed")

	claims := tb.drawnClaims()
	if len(claims) != 12 {
		t.Errorf("the page highlights %d attributed claims, want 12 (the seed's gold attributions)", len(claims))
	}
	for _, c := range claims {
		if c.Label == "" || c.Tip == "" {
			t.Errorf("claim %d %q has label %q and tip %q: every claim needs a text label and a tip", c.Claim, c.Text, c.Label, c.Tip)
		}
	}
	// The pronoun claims name the person, not "he".
	for _, want := range []struct{ content, who string }{
		{"But landmines, IS snipers", "Bali"},
		{"They are in a pocket now", "Abdel-Rahman"},
	} {
		found := false
		for _, c := range claims {
			if strings.Contains(c.Text, want.content) {
				found = true
				if !strings.Contains(c.Tip, want.who) {
					t.Errorf("claim %q: tip %q does not name %s", want.content, c.Tip, want.who)
				}
			}
		}
		if !found {
			t.Errorf("no highlighted claim contains %q", want.content)
		}
	}
	// The scare quote is not a claim of anyone.
	var inClaim bool
	tb.Await(`[...document.querySelectorAll('#article mark.claim')].some((m) => m.textContent.includes('"caliphate"'))`, &inClaim)
	if inClaim {
		t.Error(`the scare quote "caliphate" is highlighted as an attributed claim`)
	}

	// Unattributed list, ranked.
	var unattr []string
	tb.Await(`[...document.querySelectorAll('#unattributed .unattr-text')].map((e) => e.textContent)`, &unattr)
	if len(unattr) == 0 {
		t.Error("the unattributed list is empty")
	}
	for _, want := range []string{
		"At the height of its rule, IS controlled territory the size of Britain.",
		"Coalition forces stood over about 20 men who were crouching on the ground.",
	} {
		if !containsString(unattr, want) {
			t.Errorf("the unattributed list lacks %q", want)
		}
	}
	if want := countUnattributed(res); len(unattr) != want {
		t.Errorf("the unattributed list has %d items, the result %d", len(unattr), want)
	}

	// Meta and summary.
	var meta struct{ Title, Byline, Date, Summary string }
	tb.Await(`(() => { const t = (id) => { const e = document.getElementById(id); return e.hidden ? '' : e.textContent; };
		return {Title: t('meta-title'), Byline: t('meta-byline'), Date: t('meta-date'), Summary: t('summary')}; })()`, &meta)
	if meta.Title != "Heavy Clashes Reported In 'Final Battle' Against IS In Syria" {
		t.Errorf("title shown = %q", meta.Title)
	}
	if !strings.Contains(meta.Byline, "Cesar Oliver") {
		t.Errorf("byline shown = %q", meta.Byline)
	}
	if !strings.Contains(meta.Date, "2019-02-12") {
		t.Errorf("date shown = %q", meta.Date)
	}
	if !strings.HasPrefix(meta.Summary, "12 attributed claims from ") {
		t.Errorf("summary = %q", meta.Summary)
	}
	problems, dialogs := tb.TakeProblems()
	for _, p := range append(problems, dialogs...) {
		t.Errorf("page problem: %s", p)
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func countUnattributed(res *engine.Result) int {
	n := 0
	for _, c := range res.Claims {
		if c.Attribution == nil {
			n++
		}
	}
	return n
}
