package embedtest

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/whosaid/whosaid/internal/browsertest"
)

// frameMessages are the messages the host page got from the frame.
const frameMessages = rec + `.messages.filter(m => m.origin === 'null')`

// TestFrameAnswersAllowedOrigin: the example page (an allowed origin)
// sends the article on whosaid:ready and gets the engine's result for it;
// the frame resizes itself; malformed messages get no answer.
func TestFrameAnswersAllowedOrigin(t *testing.T) {
	e := mustEnv(t)
	tb := newTab(t)
	tb.open(e.host.URL + "/host.html")
	tb.Await(`document.getElementById('frame').scrollIntoView()`, nil)
	tb.waitFor(frameMessages+`.some(m => m.data.type === 'whosaid:result' && m.data.id === 'post-1')`, 2*time.Minute)

	var in, got string
	tb.Await(`document.getElementById('post').innerText`, &in)
	tb.Await(`JSON.stringify(`+frameMessages+`.find(m => m.data.type === 'whosaid:result').data.result)`, &got)
	sameJSON(t, "the frame's result", []byte(got), browsertest.ExpectedJSON(t, in, "text/plain"))

	tb.waitFor(`parseFloat(document.getElementById('frame').style.height) > 200 && `+frameMessages+`.some(m => m.data.type === 'whosaid:resize' && m.data.height > 200)`, 10*time.Second)
	tb.Await(`document.getElementById('panel').scrollIntoView()`, nil)
	tb.waitFor(rec+`.events.some(e => e.type === 'whosaid:result' && e.id === 'panel')`, time.Minute)
	tb.screenshot("embed-host")

	// Malformed messages, then a good one: requests are answered in order,
	// so once "ok-2" is answered any answer to the others would be in.
	tb.Await(`(() => {
  const w = document.getElementById('frame').contentWindow;
  const bad = [
    null, 'whosaid:analyze', 42, [],
    { type: 'whosaid:analyze', id: 'bad-1' },
    { type: 'whosaid:analyze', id: 'bad-2', text: 7 },
    { type: 'whosaid:analyze', id: { x: 1 }, text: 'The mayor said so.' },
    { type: 'whosaid:analyze', id: 'bad-3', text: 'The mayor said so.', mediaType: 'application/pdf' },
    { type: 'whosaid:analyse', id: 'bad-4', text: 'The mayor said so.' },
    { type: 'whosaid:analyze', id: NaN, text: 'The mayor said so.' },
  ];
  for (const m of bad) w.postMessage(m, '*');
  w.postMessage({ type: 'whosaid:analyze', id: 'ok-2', text: '"Rents will fall," the housing minister said.' }, '*');
})()`, nil)
	tb.waitFor(frameMessages+`.some(m => m.data.id === 'ok-2')`, time.Minute)
	var answered []json.RawMessage
	tb.Await(frameMessages+`.filter(m => m.data.type === 'whosaid:result' || m.data.type === 'whosaid:error').map(m => m.data.id)`, &answered)
	if len(answered) != 2 {
		t.Errorf("the frame answered %s, want only post-1 and ok-2", answered)
	}
	var okType string
	tb.Await(frameMessages+`.find(m => m.data.id === 'ok-2').data.type`, &okType)
	if okType != "whosaid:result" {
		t.Errorf("ok-2 answered with %s", okType)
	}
	tb.noProblems()
}

// TestFrameIgnoresOtherOrigin: the same page on another origin, not in
// the frame's allow-origins, gets nothing back, ready included, while the
// frame's engine does run (the frame resizes to show its ready state).
func TestFrameIgnoresOtherOrigin(t *testing.T) {
	e := mustEnv(t)
	tb := newTab(t)
	tb.open(e.other.URL + "/host.html")
	tb.Await(`document.getElementById('frame').scrollIntoView()`, nil)
	// Keep asking for 8 seconds, longer than the engine takes to load here.
	tb.Await(`new Promise((resolve) => {
  const w = document.getElementById('frame').contentWindow;
  const t = setInterval(() => w.postMessage({ type: 'whosaid:analyze', id: 'x', text: '"Rents will fall," the minister said.' }, '*'), 250);
  setTimeout(() => { clearInterval(t); resolve(true); }, 8000);
})`, nil)
	var got []json.RawMessage
	tb.Await(frameMessages+`.map(m => m.data)`, &got)
	if len(got) != 0 {
		t.Errorf("a page on an origin the frame does not allow got %d messages: %s", len(got), got)
	}
	// The allowed page, meanwhile, is answered: the frame was working.
	tb2 := newTab(t)
	tb2.open(e.host.URL + "/host.html")
	tb2.Await(`document.getElementById('frame').scrollIntoView()`, nil)
	tb2.waitFor(frameMessages+`.some(m => m.data.type === 'whosaid:result')`, time.Minute)
}
