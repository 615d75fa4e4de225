package embedtest

import (
	"cmp"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/whosaid/whosaid/internal/browsertest"
	"github.com/whosaid/whosaid/internal/engine"
)

// sameJSON compares two JSON documents as values.
func sameJSON(t *testing.T, what string, got, want []byte) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("%s differs from whosaid extract:\n got %s\nwant %s", what, got, want)
	}
}

// TestElementMatchesCLI: both elements of the example page annotate their
// article and fire whosaid:result with what `whosaid extract` gives for the
// same input; the annotated text is in the shadow root, selectable.
func TestElementMatchesCLI(t *testing.T) {
	e := mustEnv(t)
	tb := newTab(t)
	tb.open(e.host.URL + "/host.html")
	// The elements start when first visible: the second is below the fold.
	tb.waitFor(rec+`.events.some(e => e.type === 'whosaid:result' && e.id === 'inline')`, 2*time.Minute)
	tb.Await(`document.getElementById('panel').scrollIntoView()`, nil)
	tb.waitFor(rec+`.events.some(e => e.type === 'whosaid:result' && e.id === 'panel')`, time.Minute)
	roles, pronouns := 0, 0
	for _, c := range []struct{ id, source string }{{"inline", "#inline"}, {"panel", "article.post-body"}} {
		var in struct{ Text, Type string }
		tb.Await(`(() => { const s = document.querySelector('`+c.source+`'); const h = s.children.length > 0;
			return { text: h ? s.innerHTML : s.textContent, type: h ? 'text/html' : 'text/plain' }; })()`, &in)
		var got string
		tb.Await(`JSON.stringify(`+rec+`.events.find(e => e.type === 'whosaid:result' && e.id === '`+c.id+`').detail)`, &got)
		sameJSON(t, c.id, []byte(got), browsertest.ExpectedJSON(t, in.Text, in.Type))

		var res engine.Result
		if err := json.Unmarshal([]byte(got), &res); err != nil {
			t.Fatal(err)
		}
		attributed := 0
		for _, cl := range res.Claims {
			if cl.Attribution != nil && cl.Attribution.SourceID != "" {
				attributed++
			}
		}
		if attributed == 0 {
			t.Errorf("%s: the engine found no attributed claim in the example article", c.id)
		}
		var shadow struct {
			Marks      int
			Text       string
			UserSelect string
		}
		tb.Await(`(() => { const r = document.getElementById('`+c.id+`').shadowRoot; const a = r.querySelector('.art');
			return { marks: r.querySelectorAll('mark').length, text: a ? a.textContent : '', userSelect: a ? getComputedStyle(a).userSelect : '' }; })()`, &shadow)
		if shadow.Marks < attributed {
			t.Errorf("%s: %d marks in the shadow root for %d attributed claims", c.id, shadow.Marks, attributed)
		}
		if shadow.UserSelect == "none" {
			t.Errorf("%s: the annotated text is not selectable", c.id)
		}
		r, p := checkWho(t, tb, c.id, &res)
		roles, pronouns = roles+r, pronouns+p
	}
	if roles == 0 || pronouns == 0 {
		t.Errorf("the examples show %d claims by a source with a role, %d by a mention that is not the name; the tooltip check needs both", roles, pronouns)
	}
	tb.noProblems()
}

// checkWho: the element says who each source is as the page does (web/
// sourcelabel.js): a claim's tooltip starts "He → Tomas Reyes (council's
// transport chair)", and the sources list shows each source's name, role and
// kind (in English for an element without lang).
// It returns how many claims it checked whose source has a role and whose
// mention is not the name.
func checkWho(t *testing.T, tb *tab, id string, res *engine.Result) (roles, pronouns int) {
	t.Helper()
	var ui struct {
		Titles []string
		Panel  []string
		Worth  []string
		Mode   string
		Lang   string
	}
	tb.Await(`(() => { const h = document.getElementById('`+id+`'); const r = h.shadowRoot;
		return { titles: [...r.querySelectorAll('mark')].map((m) => m.title),
			panel: [...r.querySelectorAll('.side ul li')].map((l) => l.textContent),
			worth: [...r.querySelectorAll('.side ol.worth li')].map((l) => l.textContent),
			mode: h.getAttribute('mode') || '', lang: h.getAttribute('lang') || '' }; })()`, &ui)
	byID := map[string]engine.Source{}
	for _, s := range res.Sources {
		byID[s.ID] = s
	}
	for _, cl := range res.Claims {
		a := cl.Attribution
		if a == nil || a.Source == nil || a.SourceID == "" {
			continue
		}
		s := byID[a.SourceID]
		want := s.Name
		if s.Role != "" {
			want += " (" + s.Role + ")"
			roles++
		}
		if bare(a.Source.Text) != bare(s.Name) {
			want = a.Source.Text + " → " + want
			pronouns++
		}
		if !slices.ContainsFunc(ui.Titles, func(x string) bool { return strings.HasPrefix(x, want+"\n") }) {
			t.Errorf("%s: no tooltip starts %q; tooltips %q", id, want, ui.Titles)
		}
	}
	checkWorth(t, id, ui.Mode, ui.Worth, res)
	kinds := map[string]string{"person": "named person", "organisation": "organisation", "group": "group",
		"anonymous": "anonymous", "document": "document", "other": "other"}
	if len(ui.Panel) != len(res.Sources) {
		t.Errorf("%s: %d sources listed, want %d", id, len(ui.Panel), len(res.Sources))
		return roles, pronouns
	}
	for i, s := range res.Sources {
		li := ui.Panel[i]
		if !strings.Contains(li, s.Name) || !strings.Contains(li, s.Role) || ui.Lang == "" && !strings.Contains(li, kinds[s.Kind]) {
			t.Errorf("%s: source %d listed as %q, want its name %q, role %q and kind %q", id, i+1, li, s.Name, s.Role, s.Kind)
		}
	}
	return roles, pronouns
}

// checkWorth: outside inline mode the side lists the claims scored worth
// checking (0.5 and above), at most five, most check-worthy first, each
// with its source's name or, unattributed, none.
func checkWorth(t *testing.T, id, mode string, worth []string, res *engine.Result) {
	t.Helper()
	var want []engine.Claim
	for _, c := range res.Claims {
		if c.Checkworthiness != nil && *c.Checkworthiness >= 0.5 {
			want = append(want, c)
		}
	}
	slices.SortStableFunc(want, func(a, b engine.Claim) int { return cmp.Compare(*b.Checkworthiness, *a.Checkworthiness) })
	want = want[:min(len(want), 5)]
	if mode == "inline" {
		want = nil
	} else if len(want) == 0 {
		t.Errorf("%s: the example has no claim worth checking, so the list goes untested", id)
	}
	if len(worth) != len(want) {
		t.Fatalf("%s (%s): %d claims listed worth checking, want %d: %q", id, mode, len(worth), len(want), worth)
	}
	names := map[string]string{}
	for _, s := range res.Sources {
		names[s.ID] = s.Name
	}
	for i, c := range want {
		if !strings.HasPrefix(worth[i], c.Text) {
			t.Errorf("%s: worth checking %d is %q, want the claim %q", id, i+1, worth[i], c.Text)
		}
		if a := c.Attribution; a != nil && a.SourceID != "" && !strings.Contains(worth[i][len(c.Text):], names[a.SourceID]) {
			t.Errorf("%s: worth checking %d is %q, want its source %q", id, i+1, worth[i], names[a.SourceID])
		}
	}
}

// bare is a mention as web/sourcelabel.js compares it with the name: no
// leading article, no punctuation around it, any case.
func bare(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) })
	for _, a := range []string{"the ", "a ", "an "} {
		if len(s) > len(a) && strings.EqualFold(s[:len(a)], a) {
			s = s[len(a):]
			break
		}
	}
	return strings.ToLower(strings.TrimSpace(s))
}
