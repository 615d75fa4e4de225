package export

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/whosaid/whosaid/internal/engine"
)

// The annotation format follows the W3C Web Annotation Data Model: one
// AnnotationCollection whose first (and only) AnnotationPage holds one
// Annotation per claim. Each target carries a TextPositionSelector (code
// point offsets, as the model and the engine both count) and a
// TextQuoteSelector (the exact text with up to quoteContext code points
// before and after), so a client can re-anchor the annotation even if it
// counts differently.

const (
	annoContext  = "http://www.w3.org/ns/anno.jsonld"
	quoteContext = 32
	generatorIRI = "https://github.com/whosaid/whosaid"
)

type annoCollection struct {
	Context string     `json:"@context"`
	ID      string     `json:"id"`
	Type    string     `json:"type"`
	Label   string     `json:"label"`
	Total   int        `json:"total"`
	First   *annoPage  `json:"first,omitempty"`
	Last    string     `json:"last,omitempty"`
	Creator *annoAgent `json:"creator"`
}

type annoPage struct {
	ID         string       `json:"id"`
	Type       string       `json:"type"`
	StartIndex int          `json:"startIndex"`
	Items      []annotation `json:"items"`
}

type annoAgent struct {
	ID   string `json:"id"`
	Type string `json:"type"`
	Name string `json:"name"`
}

type annotation struct {
	ID         string       `json:"id"`
	Type       string       `json:"type"`
	Motivation string       `json:"motivation"`
	Body       []annoBody   `json:"body"`
	Target     []annoTarget `json:"target"`
}

type annoBody struct {
	Type     string `json:"type"`
	Purpose  string `json:"purpose"`
	Value    string `json:"value"`
	Format   string `json:"format,omitempty"`
	Language string `json:"language,omitempty"`
}

type annoTarget struct {
	Source   string         `json:"source"`
	Selector []annoSelector `json:"selector"`
}

// annoSelector is either selector kind; the two selectors of a target are
// alternative ways to find the same text.
type annoSelector struct {
	Type   string  `json:"type"`
	Start  *int    `json:"start,omitempty"`
	End    *int    `json:"end,omitempty"`
	Exact  *string `json:"exact,omitempty"`
	Prefix *string `json:"prefix,omitempty"`
	Suffix *string `json:"suffix,omitempty"`
}

func annotations(res *engine.Result) *annoCollection {
	d := newDoc(res)
	ids := newIRIs(res.Text)
	label := "Claims and attributions"
	if res.Meta.Title != "" {
		label += ": " + res.Meta.Title
	}
	gen := &annoAgent{ID: generatorIRI, Type: "Software", Name: "whosaid " + res.Version}
	col := &annoCollection{
		Context: annoContext, ID: ids.of("annotations"), Type: "AnnotationCollection",
		Label: label, Total: len(res.Claims), Creator: gen,
	}
	if len(res.Claims) == 0 {
		return col
	}
	page := &annoPage{ID: ids.of("annotations/page1"), Type: "AnnotationPage", Items: []annotation{}}
	source := ids.of("")
	for i := range res.Claims {
		c := &res.Claims[i]
		a := annotation{ID: ids.of("annotation/" + strconv.Itoa(i)), Type: "Annotation"}
		if c.Attribution != nil {
			a.Motivation = "describing"
			a.Body = []annoBody{
				textBody("describing", d.describe(c)),
				{Type: "TextualBody", Purpose: "tagging", Value: c.Attribution.Kind},
			}
		} else {
			a.Motivation = "assessing"
			a.Body = []annoBody{
				textBody("assessing", d.assess(c)),
				{Type: "TextualBody", Purpose: "tagging", Value: "unattributed"},
			}
		}
		for _, r := range ranges(c) {
			a.Target = append(a.Target, d.target(source, r))
		}
		page.Items = append(page.Items, a)
	}
	col.First, col.Last = page, page.ID
	return col
}

func textBody(purpose, value string) annoBody {
	return annoBody{Type: "TextualBody", Purpose: purpose, Value: value, Format: "text/plain", Language: "en"}
}

// target selects r in the article, by position and by quote.
func (d *doc) target(source string, r engine.Range) annoTarget {
	a, b := d.clamp(r.Start, r.End)
	exact := string(d.runes[a:b])
	prefix := string(d.runes[max(a-quoteContext, 0):a])
	suffix := string(d.runes[b:min(b+quoteContext, len(d.runes))])
	return annoTarget{Source: source, Selector: []annoSelector{
		{Type: "TextPositionSelector", Start: &a, End: &b},
		{Type: "TextQuoteSelector", Exact: &exact, Prefix: &prefix, Suffix: &suffix},
	}}
}

// describe says who made an attributed claim and how, in one sentence:
// `Said by James Comey, FBI Director (person) as "he"; cue "said"; direct quote.`
func (d *doc) describe(c *engine.Claim) string {
	a := c.Attribution
	var b strings.Builder
	if name := d.sourceName(c); name != "" {
		fmt.Fprintf(&b, "Said by %s", name)
		if r := d.sourceRole(c); r != "" {
			fmt.Fprintf(&b, ", %s", r)
		}
		if k := d.sourceKind(c); k != "" {
			fmt.Fprintf(&b, " (%s)", k)
		}
		if a.Source != nil && !strings.EqualFold(a.Source.Text, name) {
			fmt.Fprintf(&b, " as “%s”", a.Source.Text)
		}
	} else {
		b.WriteString("Attributed, no source named")
	}
	if a.Cue != nil {
		fmt.Fprintf(&b, "; cue “%s”", a.Cue.Text)
	}
	switch a.Kind {
	case engine.Direct:
		b.WriteString("; direct quote")
	case engine.Indirect:
		b.WriteString("; indirect (reported speech)")
	case engine.Mixed:
		b.WriteString("; mixed (reported speech with a quoted fragment)")
	case "":
	default:
		fmt.Fprintf(&b, "; %s", a.Kind)
	}
	b.WriteString(".")
	return b.String()
}

// assess says why an unattributed claim may be worth checking:
// "Unattributed; check-worthiness 0.72 (number, comparison)."
func (d *doc) assess(c *engine.Claim) string {
	s := "Unattributed"
	if c.Checkworthiness != nil {
		s += "; check-worthiness " + strconv.FormatFloat(*c.Checkworthiness, 'f', 2, 64)
	}
	if len(c.Reasons) > 0 {
		s += " (" + strings.Join(c.Reasons, ", ") + ")"
	}
	return s + "."
}
