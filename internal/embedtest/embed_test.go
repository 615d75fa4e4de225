package embedtest

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

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
	}
	tb.noProblems()
}
