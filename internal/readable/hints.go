package readable

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/whosaid/whosaid/internal/wordset"
)

// Class and id hints: words in an element's class and id that say what it
// is. They are matched in the lower-cased class and id, as substrings
// (long words, which rarely occur inside others) or as whole words split at
// anything not a letter or digit (short ones: "ad", "nav").
var (
	// Strong hints mark an element as not the article even when its name
	// also says "content" or "article" ("article-comments", "related-content").
	strongHints = []struct{ kind, word string }{
		{KindComments, "comment"}, {KindComments, "disqus"}, {KindComments, "replies"},
		{KindComments, "respond"}, {KindComments, "discuss"},
		{KindRelated, "related"}, {KindRelated, "recommend"}, {KindRelated, "mostread"},
		{KindRelated, "most-read"}, {KindRelated, "most-popular"}, {KindRelated, "mostpopular"},
		{KindRelated, "trending"}, {KindRelated, "outbrain"}, {KindRelated, "taboola"},
		{KindRelated, "more-stories"}, {KindRelated, "read-more"}, {KindRelated, "readmore"},
		{KindRelated, "read-next"}, {KindRelated, "also-read"}, {KindRelated, "more-from"},
		{KindShare, "share"}, {KindShare, "sharing"}, {KindShare, "social"}, {KindShare, "follow-us"},
		{KindNotices, "cookie"}, {KindNotices, "consent"}, {KindNotices, "gdpr"},
		{KindNotices, "subscribe"}, {KindNotices, "subscription"}, {KindNotices, "newsletter"},
		{KindNotices, "signup"}, {KindNotices, "sign-up"}, {KindNotices, "paywall"},
		{KindNotices, "promo"}, {KindNotices, "sponsor"}, {KindNotices, "advert"},
		{KindNotices, "adsbygoogle"}, {KindNotices, "popup"}, {KindNotices, "modal"},
		{KindNotices, "skyscraper"},
	}
	// Weak hints yield to "content", "article" and the like in the same
	// name ("main-header" may hold the article).
	weakHints = []struct{ kind, word string }{
		{KindMenus, "menu"}, {KindMenus, "navbar"}, {KindMenus, "navigation"},
		{KindMenus, "breadcrumb"}, {KindMenus, "pagination"}, {KindMenus, "pager"},
		{KindMenus, "toolbar"}, {KindMenus, "skip-link"},
		{KindHeaders, "header"}, {KindHeaders, "masthead"}, {KindHeaders, "topbar"},
		{KindFooters, "footer"}, {KindFooters, "copyright"},
		{KindSidebars, "sidebar"}, {KindSidebars, "widget"},
		{KindNotices, "banner"}, {KindOther, "combx"}, {KindOther, "community"},
		{KindOther, "shoutbox"}, {KindOther, "supplemental"}, {KindOther, "agegate"},
		{KindOther, "remark"}, {KindOther, "legends"},
	}
	// Short hints match whole words only.
	wordHints = map[string]string{
		"nav": KindMenus, "menu": KindMenus, "tabs": KindMenus,
		"ad": KindNotices, "ads": KindNotices, "advertisement": KindNotices, "dfp": KindNotices,
		"rss": KindOther, "search": KindForms, "login": KindForms,
		"tags": KindOther, "print": KindShare, "rail": KindSidebars, "extra": KindOther, "extras": KindOther,
	}
	// Whole class names of elements shown to screen readers only, or not at all.
	hiddenClasses = wordset.Of("hidden hide sr-only visually-hidden visuallyhidden screen-reader-text " +
		"screenreader-only offscreen")
	maybeWords    = []string{"article", "body", "content", "main", "story", "entry", "post", "text", "column"}
	positiveWords = []string{"article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text", "blog", "story"}
	negativeWords = []string{"hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr",
		"masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox",
		"sidebar", "skyscraper", "sponsor", "shopping", "tags", "widget", "-ad-"}
)

// classify says what kind of boilerplate n is ("" when none) and weighs
// its class and id: positive for article-like names, negative for
// boilerplate-like ones.
func classify(n *html.Node) (kind string, weight int) {
	switch n.DataAtom {
	case atom.Nav, atom.Menu:
		kind = KindMenus
	case atom.Header:
		kind = KindHeaders
	case atom.Footer:
		kind = KindFooters
	case atom.Aside:
		kind = KindSidebars
	case atom.Form:
		kind = KindForms
	case atom.Dialog:
		kind = KindNotices
	}
	switch strings.ToLower(strings.TrimSpace(attr(n, "role"))) {
	case "navigation", "menu", "menubar":
		kind = KindMenus
	case "banner":
		kind = KindHeaders
	case "contentinfo":
		kind = KindFooters
	case "complementary":
		kind = KindSidebars
	case "search":
		kind = KindForms
	case "dialog", "alertdialog":
		kind = KindNotices
	}
	class, id := attr(n, "class"), attr(n, "id")
	if class == "" && id == "" {
		return kind, 0
	}
	for _, c := range strings.Fields(strings.ToLower(class)) {
		if hiddenClasses[c] {
			return KindOther, -25
		}
	}
	s := strings.ToLower(class + " " + id)
	if len(s) > 256 { // a hostile attribute: its head says enough
		s = s[:256]
	}
	if containsAny(s, positiveWords) {
		weight += 25
	}
	if containsAny(s, negativeWords) {
		weight -= 25
	}
	// Only blocks are boilerplate by their name: an inline element
	// ("share" link, a formula's span) sits inside a sentence.
	if kind != "" || !blockish(n.DataAtom) {
		return kind, weight
	}
	for _, h := range strongHints {
		if strings.Contains(s, h.word) {
			return h.kind, weight
		}
	}
	maybe := containsAny(s, maybeWords)
	if !maybe {
		for _, h := range weakHints {
			if strings.Contains(s, h.word) {
				return h.kind, weight
			}
		}
	}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') }) {
		if k, ok := wordHints[w]; ok && !(maybe && k != KindNotices) {
			return k, weight
		}
	}
	return "", weight
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
