package webtest

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/browsertest"
)

// offsetTexts exercise the code point ↔ UTF-16 conversion: astral emoji
// (two UTF-16 units), CJK, combining accents, CRLF line ends.
var offsetTexts = []struct{ name, text string }{
	{"emoji", "Fans cheered 🎉🎉 in the square. \"We have waited 🏆 forty years for this\", said the mayor, Anna Berg 👩‍🚀.\n\nThe team won 3-1, officials said.\n"},
	{"cjk", "東京の市長は語った。 \"The 東京 budget will rise by 5%\", said Mayor 小池 百合子.\n\nCritics said the plan 計画 would fail.\n"},
	{"combining", "Mayor Zoe\u0308 Mu\u0308ller said the cafe\u0301 would reopen. \"It is a re\u0301sume\u0301 of our work\", she told reporters.\n"},
	{"crlf", "Heavy rain fell on Monday.\r\n\r\n\"The river will rise tonight\", said the fire chief, Tom Reyes.\r\n\r\nHe said roads were closed.\r\n"},
	{"mixed", "𝐁𝐨𝐥𝐝 text 😀 and 中文 and e\u0301.\r\n\"Quote 🎯 here\", said Ms Ōtsuka 🍣.\r\nShe said the plan was \"unworkable 🚫\" and costly.\n"},
}

// TestExtractRawMatchesCLI: the page's engine answers byte for byte what
// the CLI prints for the same text.
func TestExtractRawMatchesCLI(t *testing.T) {
	tb := newTab(t)
	cases := append([]struct{ name, text string }{{"seed", seedText(t)}}, offsetTexts...)
	for _, c := range cases {
		for _, typ := range []string{"text/plain", "text/html"} {
			in := c.text
			if typ == "text/html" {
				in = "<article><h1>Title</h1><p>" + strings.ReplaceAll(c.text, "\n\n", "</p><p>") + "</p></article>"
			}
			var got string
			tb.Await(`window.whosaid.extractRaw(`+jsString(in)+`, {type: `+jsString(typ)+`})`, &got)
			want := string(browsertest.ExpectedJSON(t, in, typ))
			if got != want {
				t.Errorf("%s (%s): the page's JSON differs from the CLI's\npage: %.300q\ncli:  %.300q", c.name, typ, got, want)
			}
		}
	}
}

// TestHighlightOffsets: every highlight covers exactly the characters the
// engine's offsets name, whatever the text's code points.
func TestHighlightOffsets(t *testing.T) {
	tb := newTab(t)
	marks := 0
	for _, c := range offsetTexts {
		res := tb.analyze(c.text, "text/plain")
		var drawn struct {
			Article string
			Claims  map[string]string // claim index → text of its parts, joined by "|"
			Marks   []struct{ Claim, Role, Text string }
		}
		tb.Await(`(() => {
			const a = document.getElementById('article');
			const claims = {};
			for (const e of a.querySelectorAll('[data-claim]:is(mark, .unattr)')) {
				const k = e.dataset.claim;
				claims[k] = claims[k] === undefined ? e.textContent : claims[k] + '|' + e.textContent;
			}
			const marks = [...a.querySelectorAll('.src, .cue')].map((e) => ({Claim: e.dataset.claim, Role: e.classList.contains('src') ? 'src' : 'cue', Text: e.textContent}));
			return {Article: a.textContent, Claims: claims, Marks: marks};
		})()`, &drawn)
		if drawn.Article != res.Text {
			t.Errorf("%s: the article shown differs from the result's text\nshown: %q\ntext:  %q", c.name, drawn.Article, res.Text)
		}
		for i, cl := range res.Claims {
			want := cpSlice(res.Text, cl.Start, cl.End)
			if len(cl.Parts) > 0 {
				var ps []string
				for _, p := range cl.Parts {
					ps = append(ps, cpSlice(res.Text, p.Start, p.End))
				}
				want = strings.Join(ps, "|")
			}
			if got := drawn.Claims[itoa(i)]; got != want {
				t.Errorf("%s: claim %d shown as %q, offsets name %q", c.name, i, got, want)
			}
			if cl.Text != cpSlice(res.Text, cl.Start, cl.End) {
				t.Errorf("%s: claim %d text %q does not match its offsets (engine bug)", c.name, i, cl.Text)
			}
		}
		marks += len(drawn.Marks)
		t.Logf("%s: %d claims, %d source/cue marks", c.name, len(res.Claims), len(drawn.Marks))
		for _, m := range drawn.Marks {
			cl := res.Claims[atoi(t, m.Claim)]
			span := cl.Attribution.Cue
			if m.Role == "src" {
				span = cl.Attribution.Source
			}
			if span == nil || m.Text != cpSlice(res.Text, span.Start, span.End) {
				t.Errorf("%s: %s mark of claim %s shows %q, offsets name %v", c.name, m.Role, m.Claim, m.Text, span)
			}
		}
	}
	if marks == 0 {
		t.Error("the engine found no attribution in the offset texts: source and cue marks went untested")
	}
	problems, dialogs := tb.TakeProblems()
	for _, p := range append(problems, dialogs...) {
		t.Errorf("page problem: %s", p)
	}
}

// cpSlice cuts s by code point offsets, as the engine counts them.
func cpSlice(s string, start, end int) string {
	i, b0, b1 := 0, -1, len(s)
	for bi := range s {
		if i == start {
			b0 = bi
		}
		if i == end {
			b1 = bi
			break
		}
		i++
	}
	if b0 < 0 {
		if start == utf8.RuneCountInString(s) {
			return ""
		}
		return "\x00out of range"
	}
	return s[b0:b1]
}
