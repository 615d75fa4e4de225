// Package embedtest checks the embed (web/embed.js, web/embed.html) in a
// real browser: the whosaid site served on one 127.0.0.1 port with the
// embed's headers, the example host page (examples/) on a second port, and
// a third port as an origin the iframe must not answer. The tests need
// Debian's chromium; WHOSAID_SKIP_BROWSER=1 skips them.
package embedtest
