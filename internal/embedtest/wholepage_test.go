package embedtest

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/whosaid/whosaid/internal/engine"
	"github.com/whosaid/whosaid/internal/export"
)

// TestFrameWholePage: a whole page sent to the frame as text/html is read
// for its article, or all of it with wholePage: true, each answer the
// bytes `whosaid extract` gives (with --whole-page for the second); a
// wholePage that is not a boolean gets no answer.
func TestFrameWholePage(t *testing.T) {
	e := mustEnv(t)
	src, err := os.ReadFile(filepath.Join(e.root, "internal", "readable", "testdata", "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	page, _ := json.Marshal(string(src))
	tb := newTab(t)
	tb.open(e.host.URL + "/host.html")
	tb.Await(`document.getElementById('frame').scrollIntoView()`, nil)
	tb.waitFor(frameMessages+`.some(m => m.data.type === 'whosaid:result' && m.data.id === 'post-1')`, 2*time.Minute)
	tb.Await(`(() => {
  const w = document.getElementById('frame').contentWindow;
  const page = `+string(page)+`;
  w.postMessage({ type: 'whosaid:analyze', id: 'whole', text: page, mediaType: 'text/html', wholePage: true }, '*');
  w.postMessage({ type: 'whosaid:analyze', id: 'bad', text: page, mediaType: 'text/html', wholePage: 'yes' }, '*');
  w.postMessage({ type: 'whosaid:analyze', id: 'article', text: page, mediaType: 'text/html' }, '*');
})()`, nil)
	tb.waitFor(frameMessages+`.some(m => m.data.id === 'article')`, time.Minute)
	for _, c := range []struct {
		id    string
		whole bool
	}{{"whole", true}, {"article", false}} {
		var got string
		tb.Await(`JSON.stringify(`+frameMessages+`.find(m => m.data.id === '`+c.id+`').data.result)`, &got)
		sameJSON(t, "the frame's result for "+c.id, []byte(got), expectedHTML(t, string(src), c.whole))
	}
	var bad int
	tb.Await(frameMessages+`.filter(m => m.data.id === 'bad').length`, &bad)
	if bad != 0 {
		t.Errorf("a wholePage that is not a boolean was answered")
	}
	tb.noProblems()
}

// expectedHTML is what `whosaid extract --type text/html` writes for src,
// with --whole-page when whole.
func expectedHTML(t *testing.T, src string, whole bool) []byte {
	t.Helper()
	eng, err := engine.New()
	if err != nil {
		t.Fatal(err)
	}
	res, err := eng.Extract(context.Background(), engine.Input{Text: src, Type: "text/html"}, engine.Options{WholePage: whole})
	if err != nil {
		t.Fatalf("engine: %v", err)
	}
	var buf bytes.Buffer
	if err := export.Write(&buf, res, "json"); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
