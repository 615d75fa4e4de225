package export

import (
	"strings"

	"github.com/whosaid/whosaid/internal/engine"
)

// doc is a Result with what every format needs to look up: the text as code
// points (offsets count code points, so slicing bytes would cut characters)
// and the sources by id.
type doc struct {
	res     *engine.Result
	runes   []rune
	sources map[string]*engine.Source
}

func newDoc(res *engine.Result) *doc {
	d := &doc{res: res, runes: []rune(res.Text), sources: make(map[string]*engine.Source, len(res.Sources))}
	for i := range res.Sources {
		d.sources[res.Sources[i].ID] = &res.Sources[i]
	}
	return d
}

// clamp keeps [a, b) inside the text, so a bad offset gives a short slice
// rather than a panic.
func (d *doc) clamp(a, b int) (int, int) {
	n := len(d.runes)
	a = min(max(a, 0), n)
	b = min(max(b, a), n)
	return a, b
}

// slice is the text between code point offsets a and b.
func (d *doc) slice(a, b int) string {
	a, b = d.clamp(a, b)
	return string(d.runes[a:b])
}

// ranges are the stretches a claim covers: its parts when discontinuous,
// else start..end.
func ranges(c *engine.Claim) []engine.Range {
	if len(c.Parts) > 0 {
		return c.Parts
	}
	return []engine.Range{{Start: c.Start, End: c.End}}
}

// claimText is the claim's content as a reader would quote it: the parts
// joined by an ellipsis, without the "he said" between them.
func (d *doc) claimText(c *engine.Claim) string {
	if len(c.Parts) == 0 {
		if c.Text != "" {
			return c.Text
		}
		return d.slice(c.Start, c.End)
	}
	parts := make([]string, 0, len(c.Parts))
	for _, p := range c.Parts {
		parts = append(parts, strings.TrimSpace(d.slice(p.Start, p.End)))
	}
	return strings.Join(parts, " … ")
}

// source is the entity a claim is attributed to; nil when the claim is
// unattributed or names no source.
func (d *doc) source(c *engine.Claim) *engine.Source {
	if c.Attribution == nil || c.Attribution.SourceID == "" {
		return nil
	}
	return d.sources[c.Attribution.SourceID]
}

// sourceName is the resolved name of a claim's source, falling back to the
// mention at the cue when the source list lacks the entity.
func (d *doc) sourceName(c *engine.Claim) string {
	if s := d.source(c); s != nil && s.Name != "" {
		return s.Name
	}
	if c.Attribution != nil && c.Attribution.Source != nil {
		return c.Attribution.Source.Text
	}
	return ""
}

// sourceRole is the title or role of a claim's source ("FBI Director"),
// "" when the article gives none.
func (d *doc) sourceRole(c *engine.Claim) string {
	if s := d.source(c); s != nil {
		return s.Role
	}
	return ""
}

// sourceKind is the kind of a claim's source, "" when unknown.
func (d *doc) sourceKind(c *engine.Claim) string {
	if s := d.source(c); s != nil {
		return s.Kind
	}
	return ""
}

func spanText(s *engine.Span) string {
	if s == nil {
		return ""
	}
	return s.Text
}

// counts summarises a result: attributed claims, the sources they come from
// (anonymous among them), and unattributed claims.
type counts struct {
	attributed, sources, anonymous, unattributed int
}

func (d *doc) counts() counts {
	var n counts
	seen := map[string]bool{}
	for i := range d.res.Claims {
		c := &d.res.Claims[i]
		if c.Attribution == nil {
			n.unattributed++
			continue
		}
		n.attributed++
		key := c.Attribution.SourceID
		if key == "" {
			key = "mention:" + strings.ToLower(spanText(c.Attribution.Source))
			if key == "mention:" {
				continue // no source given at all: not a source
			}
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		n.sources++
		if d.sourceKind(c) == engine.KindAnonymous {
			n.anonymous++
		}
	}
	return n
}
