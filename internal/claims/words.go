package claims

import "github.com/whosaid/whosaid/internal/wordset"

// isVerb reports a lower-case auxiliary or common verb that a missing or
// wrong tag would leave unseen.
func isVerb(w string) bool { return verbs[w] }

// verbs are isVerb's words: one string, not a switch, which compiled to
// 8 KB of the page's wasm (internal/wordset). Read only.
var verbs = wordset.Of("is are was were be been being am has have had having do does did will would can " +
	"could may might must shall should says said told made took went came gave got " +
	"left stood fled began held kept lost won ran saw sent fell rose led fought " +
	"struck hit killed remains remain retains controls continues seems knew built " +
	"brought found paid spent met became grew drove")
