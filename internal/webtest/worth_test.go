package webtest

import (
	"net/url"
	"sort"
	"strings"
	"testing"
)

// TestWorthChecking: the "Worth checking" list ranks every claim of the
// seed by check-worthiness with who said it, the filter leaves the
// unattributed claims only, and each claim's "Search fact-checks" link
// opens a search for its text in a new tab without an opener or referrer.
func TestWorthChecking(t *testing.T) {
	tb := newTab(t)
	res := tb.analyze(seedText(t), "text/plain")
	type item struct {
		Claim    int
		Text     string
		Who      string
		Score    string
		Hidden   bool
		Href     string
		Target   string
		Rel      string
		LinkText string
	}
	read := func() []item {
		var items []item
		tb.Await(`[...document.querySelectorAll('#worth li.worth-entry')].map((li) => {
			const b = li.querySelector('button.worth-item'), a = li.querySelector('a.factcheck');
			return {Claim: Number(b.dataset.worth), Text: b.querySelector('.worth-text').textContent,
				Who: b.querySelector('.worth-who').textContent, Score: b.querySelector('.worth-score').textContent,
				Hidden: li.hidden || getComputedStyle(li).display === 'none',
				Href: a.href, Target: a.target, Rel: a.rel, LinkText: a.textContent};
		})`, &items)
		return items
	}
	items := read()
	if len(items) != len(res.Claims) {
		t.Fatalf("the list has %d items, the result %d claims", len(items), len(res.Claims))
	}
	names := map[string]string{}
	for _, s := range res.Sources {
		names[s.ID] = s.Name
	}
	prev := 2.0
	seen := map[int]bool{}
	for _, it := range items {
		if it.Claim < 0 || it.Claim >= len(res.Claims) || seen[it.Claim] {
			t.Fatalf("item for claim %d: out of range or repeated", it.Claim)
		}
		seen[it.Claim] = true
		c := res.Claims[it.Claim]
		if c.Checkworthiness == nil {
			t.Errorf("claim %d has no score", it.Claim)
			continue
		}
		if *c.Checkworthiness > prev {
			t.Errorf("claim %d (%.3f) ranks below a lower score (%.3f)", it.Claim, *c.Checkworthiness, prev)
		}
		prev = *c.Checkworthiness
		if it.Text != c.Text {
			t.Errorf("item %d shows %q, the claim is %q", it.Claim, it.Text, c.Text)
		}
		want := "no source"
		if c.Attribution != nil && c.Attribution.SourceID != "" {
			want = "Said by " + names[c.Attribution.SourceID]
		}
		if c.Attribution != nil && c.Attribution.SourceID == "" {
			want = "Said by "
		}
		if !strings.HasPrefix(it.Who, want) {
			t.Errorf("claim %d: who %q, want %q", it.Claim, it.Who, want)
		}
		if !strings.Contains(it.Score, "check-worthiness") {
			t.Errorf("claim %d: score line %q", it.Claim, it.Score)
		}
		if it.Hidden {
			t.Errorf("claim %d hidden with the filter off", it.Claim)
		}
		// the link: a new tab, no opener, no referrer, the claim's text
		if it.Target != "_blank" {
			t.Errorf("claim %d: link target %q, want _blank", it.Claim, it.Target)
		}
		rel := strings.Fields(it.Rel)
		sort.Strings(rel)
		if strings.Join(rel, " ") != "noopener noreferrer" {
			t.Errorf("claim %d: link rel %q, want noopener noreferrer", it.Claim, it.Rel)
		}
		const base = "https://toolbox.google.com/factcheck/explorer/search/"
		if !strings.HasPrefix(it.Href, base) {
			t.Errorf("claim %d: link %q does not search Fact Check Explorer", it.Claim, it.Href)
			continue
		}
		q, err := url.PathUnescape(strings.TrimPrefix(it.Href, base))
		if err != nil {
			t.Errorf("claim %d: link %q: %v", it.Claim, it.Href, err)
		}
		words := strings.Fields(strings.Trim(c.Text, "\"“”"))
		if len(words) > 0 && !strings.Contains(q, words[0]) {
			t.Errorf("claim %d: the search %q lacks the claim's first word %q", it.Claim, q, words[0])
		}
		if it.LinkText != "Search fact-checks" {
			t.Errorf("claim %d: link text %q", it.Claim, it.LinkText)
		}
	}

	// the filter: unattributed claims only, still ranked; and back
	tb.Await(`document.getElementById('worth-unattr').click(), true`, nil)
	shown := 0
	for _, it := range read() {
		attributed := res.Claims[it.Claim].Attribution != nil
		if it.Hidden != attributed {
			t.Errorf("with the filter on, claim %d (attributed %v) hidden = %v", it.Claim, attributed, it.Hidden)
		}
		if !it.Hidden {
			shown++
		}
	}
	if n := countUnattributed(res); shown != n || n == 0 {
		t.Errorf("the filter shows %d claims, the result has %d unattributed", shown, n)
	}
	tb.screenshot("worth-filtered")
	tb.Await(`document.getElementById('worth-unattr').click(), true`, nil)
	for _, it := range read() {
		if it.Hidden {
			t.Errorf("claim %d still hidden with the filter off again", it.Claim)
		}
	}

	// an item's button jumps to its claim in the article
	var focused string
	tb.Await(`document.querySelector('#worth button.worth-item').click(), document.activeElement.dataset.claim || ''`, &focused)
	if focused != itoa(items[0].Claim) {
		t.Errorf("the first item's button focused claim %q, want %d", focused, items[0].Claim)
	}

	// the unattributed list is still there
	var unattr int
	tb.Await(`document.querySelectorAll('#unattributed .unattr-item').length`, &unattr)
	if unattr != countUnattributed(res) {
		t.Errorf("the unattributed list has %d items, want %d", unattr, countUnattributed(res))
	}
}
