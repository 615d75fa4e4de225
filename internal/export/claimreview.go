package export

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/engine"
)

// The claimreview format gives a fact-checker schema.org Claim items
// (JSON-LD), each ready to be the itemReviewed of a ClaimReview, its text
// ready for claimReviewed:
//
//   - every attributed claim, its author the source: a Person for a person
//     or an anonymous source (anonymous sources are people the article will
//     not name), an Organization for an organisation or a group (there is no
//     schema.org type for "witnesses"; description says which);
//   - every unattributed claim with a check-worthiness above zero, its
//     author the article's byline when known: the article makes it in its
//     own voice.
//
// The items come most check-worthy first (then in text order), so a
// fact-checker starts at the top; their @id keeps the claim's index.
//
// appearance is the article (title, date, byline when the text shows
// them). firstAppearance is left out: the article reports the claim, and
// nothing tells us it appeared there first.

const schemaContext = "https://schema.org"

type schemaDoc struct {
	Context string        `json:"@context"`
	Graph   []schemaClaim `json:"@graph"`
}

type schemaClaim struct {
	Type        string         `json:"@type"`
	ID          string         `json:"@id"`
	Text        string         `json:"text"`
	Author      any            `json:"author,omitempty"` // *schemaAgent or []schemaAgent
	Description string         `json:"description"`
	Appearance  *schemaArticle `json:"appearance"`
}

type schemaAgent struct {
	Type        string `json:"@type"`
	Name        string `json:"name"`
	JobTitle    string `json:"jobTitle,omitempty"` // a person's title or role
	Description string `json:"description,omitempty"`
}

type schemaArticle struct {
	Type          string        `json:"@type"`
	ID            string        `json:"@id"`
	Headline      string        `json:"headline,omitempty"`
	DatePublished string        `json:"datePublished,omitempty"`
	Author        []schemaAgent `json:"author,omitempty"`
}

func claimItems(res *engine.Result) *schemaDoc {
	d := newDoc(res)
	ids := newIRIs(res.Text)
	art := &schemaArticle{Type: "CreativeWork", ID: ids.of(""),
		Headline: res.Meta.Title, DatePublished: res.Meta.Published}
	for _, a := range res.Meta.Authors {
		art.Author = append(art.Author, schemaAgent{Type: "Person", Name: a})
	}
	out := &schemaDoc{Context: schemaContext, Graph: []schemaClaim{}}
	pos := make(map[*engine.Claim]int, len(res.Claims)) // a claim's @id keeps its place in the text
	for i := range res.Claims {
		pos[&res.Claims[i]] = i
	}
	for _, c := range d.ranked() {
		i := pos[c]
		item := schemaClaim{Type: "Claim", ID: ids.of("claim/" + strconv.Itoa(i)),
			Text: d.reviewText(c), Appearance: art}
		switch {
		case c.Attribution != nil:
			item.Description = d.describe(c)
			if name := d.sourceName(c); name != "" {
				item.Author = sourceAgent(name, d.sourceKind(c), d.sourceRole(c))
			}
		case c.Checkworthiness != nil && *c.Checkworthiness > 0:
			item.Description = d.assess(c)
			if len(art.Author) > 0 {
				item.Author = art.Author
			}
		default:
			continue
		}
		out.Graph = append(out.Graph, item)
	}
	return out
}

// reviewText is a claim's content ready for claimReviewed: each part
// without the quotation marks around it or the comma that led into the
// "he said", the parts joined by an ellipsis.
func (d *doc) reviewText(c *engine.Claim) string {
	rs := ranges(c)
	parts := make([]string, 0, len(rs))
	for _, r := range rs {
		t := d.slice(r.Start, r.End)
		if len(c.Parts) == 0 && c.Text != "" {
			t = c.Text
		}
		if t = unquote(t); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " … ")
}

// closingQuote is the closing quotation mark for an opening one.
func closingQuote(open rune) (rune, bool) {
	switch open {
	case '"', '\'':
		return open, true
	case '“':
		return '”', true
	case '„':
		return '“', true
	case '‘':
		return '’', true
	case '«':
		return '»', true
	case '»':
		return '«', true
	case '「':
		return '」', true
	case '『':
		return '』', true
	}
	return 0, false
}

// unquote trims s and removes one pair of quotation marks enclosing all of
// it, with a trailing comma inside or out. Quotation marks that enclose
// only part of s stay.
func unquote(s string) string {
	s = strings.TrimSpace(s)
	open, size := utf8.DecodeRuneInString(s)
	closing, ok := closingQuote(open)
	if !ok {
		return s
	}
	inner := strings.TrimRight(s[size:], " ,")
	if !strings.HasSuffix(inner, string(closing)) {
		return s
	}
	inner = inner[:len(inner)-utf8.RuneLen(closing)]
	if strings.ContainsRune(inner, open) || strings.ContainsRune(inner, closing) {
		return s // "a," he said, "b": not one quotation
	}
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(inner), ","))
}

// sourceAgent is the schema.org author for a source of kind; a person's
// role is its jobTitle.
func sourceAgent(name, kind, role string) *schemaAgent {
	switch kind {
	case engine.KindOrganisation:
		return &schemaAgent{Type: "Organization", Name: name}
	case engine.KindGroup:
		return &schemaAgent{Type: "Organization", Name: name, Description: "a group of people"}
	case engine.KindAnonymous:
		return &schemaAgent{Type: "Person", Name: name, JobTitle: role, Description: "an anonymous source"}
	case engine.KindDocument:
		return &schemaAgent{Type: "CreativeWork", Name: name}
	case engine.KindOther:
		return &schemaAgent{Type: "Thing", Name: name}
	}
	return &schemaAgent{Type: "Person", Name: name, JobTitle: role}
}
