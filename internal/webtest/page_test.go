package webtest

import (
	"strings"
	"testing"
)

// TestPageLoads: the page loads, the engine gets ready, nothing is logged
// as an error, and the server sends the security headers.
func TestPageLoads(t *testing.T) {
	tb := newTab(t)
	var title string
	tb.Await(`document.title`, &title)
	if !strings.Contains(title, "whosaid") {
		t.Errorf("title = %q", title)
	}
	var status string
	tb.Await(`document.getElementById('status-text').textContent`, &status)
	if !strings.HasPrefix(status, "Ready") {
		t.Errorf("status after ready = %q", status)
	}
	problems, dialogs := tb.TakeProblems()
	for _, p := range problems {
		t.Errorf("page problem: %s", p)
	}
	for _, d := range dialogs {
		t.Errorf("dialog opened: %s", d)
	}
}
