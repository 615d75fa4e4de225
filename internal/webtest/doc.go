// Package webtest holds the browser tests of the reader's page (web/): they
// build the site, serve it with internal/site on 127.0.0.1, and drive
// Debian's chromium through chromedp. All the code is in _test.go files;
// this file only documents the package.
//
// Run: go test ./internal/webtest (needs /usr/bin/chromium, or
// WHOSAID_CHROMIUM; WHOSAID_SKIP_BROWSER=1 skips, which CI never sets).
// Screenshots go to WHOSAID_SCREENSHOT_DIR, by default .cache/webtest/ at the
// repository root. Benchmarks (page ready time, extract time):
// go test ./internal/webtest -run '^$' -bench . -benchtime 5x
package webtest
