package main

import (
	"errors"
	"math"

	"github.com/whosaid/whosaid/internal/engine"
	"github.com/whosaid/whosaid/internal/minijson"
)

// decodeResult reads a Result JSON, as Extract returned it, for Format:
// by hand from minijson's tree, so that the page's wasm links no
// encoding/json (internal/minijson says what that saves). Like
// json.Unmarshal it ignores unknown members and takes null for a zero
// value; a member of the wrong type is an error. TestDecodeResult holds
// it to encoding/json on the engine's output.
func decodeResult(data []byte) (*engine.Result, error) {
	v, err := minijson.Parse(data)
	if err != nil {
		return nil, err
	}
	var d decoder
	res := &engine.Result{}
	o := d.object(v, "result")
	d.str(o["version"], &res.Version)
	d.str(o["text"], &res.Text)
	if m := d.object(o["meta"], "meta"); m != nil {
		d.str(m["title"], &res.Meta.Title)
		d.strs(m["authors"], &res.Meta.Authors)
		d.str(m["published"], &res.Meta.Published)
		res.Meta.TitleSpan = d.spanPtr(m["title_span"])
		res.Meta.BylineSpan = d.spanPtr(m["byline_span"])
		res.Meta.PublishedSpan = d.spanPtr(m["published_span"])
	}
	if a, ok := d.array(o["sources"], "sources"); ok {
		res.Sources = make([]engine.Source, len(a))
		for i, sv := range a {
			s := &res.Sources[i]
			so := d.object(sv, "source")
			d.str(so["id"], &s.ID)
			d.str(so["name"], &s.Name)
			d.str(so["role"], &s.Role)
			d.str(so["kind"], &s.Kind)
			d.strs(so["aliases"], &s.Aliases)
			if ma, ok := d.array(so["mentions"], "mentions"); ok {
				s.Mentions = make([]engine.Span, len(ma))
				for j, mv := range ma {
					d.span(mv, &s.Mentions[j])
				}
			}
			if ca, ok := d.array(so["claims"], "claims"); ok {
				s.Claims = make([]int, len(ca))
				for j, cv := range ca {
					d.int(cv, &s.Claims[j])
				}
			}
		}
	}
	if a, ok := d.array(o["claims"], "claims"); ok {
		res.Claims = make([]engine.Claim, len(a))
		for i, cv := range a {
			d.claim(cv, &res.Claims[i])
		}
	}
	if x := d.object(o["extraction"], "extraction"); x != nil {
		res.Extraction = &engine.Extraction{}
		d.int(x["words"], &res.Extraction.Words)
		d.int(x["page_words"], &res.Extraction.PageWords)
		if da, ok := d.array(x["dropped"], "dropped"); ok {
			res.Extraction.Dropped = make([]engine.DroppedBlock, len(da))
			for i, dv := range da {
				b := &res.Extraction.Dropped[i]
				bo := d.object(dv, "dropped block")
				d.str(bo["kind"], &b.Kind)
				d.int(bo["blocks"], &b.Blocks)
				d.int(bo["words"], &b.Words)
			}
		}
	}
	if d.err != nil {
		return nil, d.err
	}
	return res, nil
}

// decoder keeps the first error, so that reading goes on without checks.
type decoder struct{ err error }

func (d *decoder) fail(what string) {
	if d.err == nil {
		d.err = errors.New("cannot read " + what + ": wrong type")
	}
}

// object is v as an object; nil for null (or after an error).
func (d *decoder) object(v any, what string) map[string]any {
	o, ok := v.(map[string]any)
	if !ok && v != nil {
		d.fail(what)
	}
	return o
}

// array is v as an array; ok is false for null.
func (d *decoder) array(v any, what string) ([]any, bool) {
	a, ok := v.([]any)
	if !ok && v != nil {
		d.fail(what)
	}
	return a, ok
}

func (d *decoder) str(v any, dst *string) {
	switch s := v.(type) {
	case string:
		*dst = s
	case nil:
	default:
		d.fail("a string")
	}
}

func (d *decoder) strs(v any, dst *[]string) {
	a, ok := d.array(v, "a list of strings")
	if !ok {
		return
	}
	*dst = make([]string, len(a))
	for i, s := range a {
		d.str(s, &(*dst)[i])
	}
}

// int takes a number without a fraction, as json.Unmarshal into an int.
func (d *decoder) int(v any, dst *int) {
	switch f := v.(type) {
	case float64:
		if f != math.Trunc(f) || f < math.MinInt64 || f > math.MaxInt64 {
			d.fail("an integer")
			return
		}
		*dst = int(f)
	case nil:
	default:
		d.fail("an integer")
	}
}

func (d *decoder) span(v any, s *engine.Span) {
	o := d.object(v, "a span")
	d.int(o["start"], &s.Start)
	d.int(o["end"], &s.End)
	d.str(o["text"], &s.Text)
}

func (d *decoder) spanPtr(v any) *engine.Span {
	if v == nil {
		return nil
	}
	s := &engine.Span{}
	d.span(v, s)
	return s
}

func (d *decoder) claim(v any, c *engine.Claim) {
	o := d.object(v, "a claim")
	d.int(o["start"], &c.Start)
	d.int(o["end"], &c.End)
	d.str(o["text"], &c.Text)
	if pa, ok := d.array(o["parts"], "parts"); ok {
		c.Parts = make([]engine.Range, len(pa))
		for i, pv := range pa {
			po := d.object(pv, "a part")
			d.int(po["start"], &c.Parts[i].Start)
			d.int(po["end"], &c.Parts[i].End)
		}
	}
	if ao := d.object(o["attribution"], "an attribution"); ao != nil {
		a := &engine.Attribution{}
		a.Source = d.spanPtr(ao["source"])
		a.Cue = d.spanPtr(ao["cue"])
		d.str(ao["kind"], &a.Kind)
		d.str(ao["source_id"], &a.SourceID)
		c.Attribution = a
	}
	switch f := o["checkworthiness"].(type) {
	case float64:
		c.Checkworthiness = &f
	case nil:
	default:
		d.fail("a score")
	}
	d.strs(o["reasons"], &c.Reasons)
}
