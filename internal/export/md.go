package export

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/whosaid/whosaid/internal/engine"
)

// writeMarkdown writes a readable report: the article's title, byline and
// date, a one-line summary, a table of sources, the claims grouped by
// source, every claim ranked by check-worthiness ("Worth checking"), then
// the unattributed statements, most check-worthy first. The
// article's text is data: every piece of it is escaped.
func writeMarkdown(b *bytes.Buffer, res *engine.Result) {
	d := newDoc(res)
	m := res.Meta
	if m.Title != "" {
		fmt.Fprintf(b, "# %s\n\n", mdInline(m.Title))
	} else {
		b.WriteString("# Who said what\n\n")
	}
	var byline []string
	if len(m.Authors) > 0 {
		byline = append(byline, "By "+mdInline(strings.Join(m.Authors, ", ")))
	}
	if m.Published != "" {
		byline = append(byline, mdInline(m.Published))
	}
	if len(byline) > 0 {
		fmt.Fprintf(b, "%s\n\n", strings.Join(byline, " · "))
	}
	b.WriteString(summary(d.counts()))

	groups := d.bySource()
	if len(groups) > 0 {
		b.WriteString("\n## Sources\n\n| Source | Role | Kind | Claims |\n| --- | --- | --- | ---: |\n")
		for _, g := range groups {
			kind, role := g.kind, g.role
			if kind == "" {
				kind = "–"
			}
			if role == "" {
				role = "–"
			}
			fmt.Fprintf(b, "| %s | %s | %s | %d |\n", mdCell(g.name), mdCell(role), mdCell(kind), len(g.claims))
		}
		b.WriteString("\n## Claims by source\n")
		for _, g := range groups {
			fmt.Fprintf(b, "\n### %s", mdInline(g.name))
			if g.kind != "" {
				fmt.Fprintf(b, " (%s)", mdInline(g.kind))
			}
			b.WriteString("\n")
			for _, c := range g.claims {
				b.WriteString("\n")
				b.WriteString(mdQuote(d.claimText(c)))
				a := c.Attribution
				var how []string
				if a.Cue != nil {
					how = append(how, "cue “"+mdInline(a.Cue.Text)+"”")
				}
				if a.Source != nil && !strings.EqualFold(a.Source.Text, g.name) {
					how = append(how, "as “"+mdInline(a.Source.Text)+"”")
				}
				if a.Kind != "" {
					how = append(how, mdInline(a.Kind))
				}
				if len(how) > 0 {
					fmt.Fprintf(b, ">\n> — %s\n", strings.Join(how, ", "))
				}
			}
		}
	}

	if ranked := d.ranked(); len(ranked) > 0 {
		b.WriteString("\n## Worth checking\n\nEvery claim, most check-worthy first (0.50 and above: worth checking).\n\n")
		for _, c := range ranked {
			who := "no source"
			if c.Attribution != nil {
				who = "source not named"
				if name := d.sourceName(c); name != "" {
					who = name
				}
			}
			fmt.Fprintf(b, "- **%s** %s — %s", scoreText(c), mdInline(oneLine(d.claimText(c))), mdInline(who))
			if len(c.Reasons) > 0 {
				fmt.Fprintf(b, " (%s)", mdInline(strings.Join(c.Reasons, ", ")))
			}
			b.WriteString("\n")
		}
	}

	un := d.unattributed()
	if len(un) > 0 {
		b.WriteString("\n## Unattributed statements\n\nMost check-worthy first.\n\n")
		for _, c := range un {
			fmt.Fprintf(b, "- **%s** %s", scoreText(c), mdInline(oneLine(d.claimText(c))))
			if len(c.Reasons) > 0 {
				fmt.Fprintf(b, " (%s)", mdInline(strings.Join(c.Reasons, ", ")))
			}
			b.WriteString("\n")
		}
	}
}

// summary is the one-line count: "14 attributed claims from 10 sources, 3
// of them anonymous; 9 unattributed statements."
func summary(n counts) string {
	if n.attributed == 0 && n.unattributed == 0 {
		return "No claims found.\n"
	}
	s := plural(n.attributed, "attributed claim", "attributed claims")
	if n.sources > 0 {
		s += " from " + plural(n.sources, "source", "sources")
		if n.anonymous > 0 {
			s += fmt.Sprintf(", %d of them anonymous", n.anonymous)
		}
	}
	return s + "; " + plural(n.unattributed, "unattributed statement", "unattributed statements") + ".\n"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// group is one source's claims, for the report.
type group struct {
	name, kind, role string
	claims           []*engine.Claim
}

// bySource groups the attributed claims by source, sources in order of
// first mention (the order of Result.Sources), then any source the list
// lacks, then claims that name no source, each group in text order.
func (d *doc) bySource() []group {
	var groups []group
	index := map[string]int{}
	for _, s := range d.res.Sources {
		index["id:"+s.ID] = len(groups)
		groups = append(groups, group{name: s.Name, kind: s.Kind, role: s.Role})
	}
	for i := range d.res.Claims {
		c := &d.res.Claims[i]
		if c.Attribution == nil {
			continue
		}
		key, name := "id:"+c.Attribution.SourceID, d.sourceName(c)
		if _, ok := d.sources[c.Attribution.SourceID]; !ok {
			key = "mention:" + strings.ToLower(name)
			if name == "" {
				key, name = "none", "No source given"
			}
		}
		gi, ok := index[key]
		if !ok {
			gi = len(groups)
			index[key] = gi
			groups = append(groups, group{name: name})
		}
		groups[gi].claims = append(groups[gi].claims, c)
	}
	out := groups[:0]
	for _, g := range groups {
		if len(g.claims) > 0 {
			sort.SliceStable(g.claims, func(i, j int) bool { return g.claims[i].Start < g.claims[j].Start })
			out = append(out, g)
		}
	}
	return out
}

// scoreText is a claim's check-worthiness with two decimals, "–" when it
// has none.
func scoreText(c *engine.Claim) string {
	if c.Checkworthiness == nil {
		return "–"
	}
	return strconv.FormatFloat(*c.Checkworthiness, 'f', 2, 64)
}

// ranked is every claim, highest check-worthiness first, then in text
// order; claims without a score come last.
func (d *doc) ranked() []*engine.Claim {
	out := make([]*engine.Claim, 0, len(d.res.Claims))
	for i := range d.res.Claims {
		out = append(out, &d.res.Claims[i])
	}
	sortByScore(out)
	return out
}

// sortByScore orders claims by check-worthiness, highest first, then by
// position.
func sortByScore(cs []*engine.Claim) {
	score := func(c *engine.Claim) float64 {
		if c.Checkworthiness == nil {
			return -1
		}
		return *c.Checkworthiness
	}
	sort.SliceStable(cs, func(i, j int) bool {
		if si, sj := score(cs[i]), score(cs[j]); si != sj {
			return si > sj
		}
		return cs[i].Start < cs[j].Start
	})
}

// unattributed are the claims with no attribution, highest score first,
// then in text order.
func (d *doc) unattributed() []*engine.Claim {
	var out []*engine.Claim
	for i := range d.res.Claims {
		if d.res.Claims[i].Attribution == nil {
			out = append(out, &d.res.Claims[i])
		}
	}
	sortByScore(out)
	return out
}

// mdQuote renders text as a block quote, each line escaped.
func mdQuote(text string) string {
	var b strings.Builder
	for line := range strings.SplitSeq(strings.TrimSpace(text), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			b.WriteString(">\n")
			continue
		}
		b.WriteString("> " + mdInline(line) + "\n")
	}
	return b.String()
}

// mdCell renders text for a table cell: one line, pipes escaped.
func mdCell(text string) string { return mdInline(oneLine(text)) }

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// mdInline escapes text so Markdown shows it literally: every character
// that can start inline markup, and whatever at the start would make the
// line a heading, list item, block quote or rule. Newlines become spaces:
// callers that keep lines split them first.
func mdInline(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r", " "), "\n", " ")
	// lead is where the first non-space character is: the only place a
	// block marker can be.
	lead := len(s) - len(strings.TrimLeft(s, " \t"))
	digits := lead + countDigits(s[lead:])
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '{', '}':
			b.WriteByte('\\')
		case '&':
			// Only where it could start an entity such as &amp;.
			if i+1 < len(s) && (s[i+1] == '#' || isASCIILetter(s[i+1])) {
				b.WriteByte('\\')
			}
		case '#', '-', '+', '=':
			if i == lead {
				b.WriteByte('\\')
			}
		case '.', ')':
			// "1. " or "1) " at the start would begin an ordered list.
			if i == digits && digits > lead {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func countDigits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}
