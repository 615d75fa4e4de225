package export

import (
	"bytes"
	"strconv"

	"github.com/whosaid/whosaid/internal/engine"
	"github.com/whosaid/whosaid/internal/minijson"
)

// writeResultJSON writes res as encoding/json would, compact, <, > and &
// left alone, with a trailing newline; by hand, field by field, so that
// the page's wasm links no encoding/json (internal/minijson says what that
// saves). TestResultJSON holds it to encoding/json on a Result with every
// field set: a field added to engine.Result must be added here too.
func writeResultJSON(buf *bytes.Buffer, res *engine.Result) error {
	w := resultWriter{b: buf.AvailableBuffer()}
	w.result(res)
	if w.err != nil {
		return w.err
	}
	buf.Write(append(w.b, '\n'))
	return nil
}

type resultWriter struct {
	b   []byte
	err error // the first error: a score JSON cannot hold
}

// raw appends s as it is. Every write goes through a call: appends
// written out inline cost the page's wasm more code than they save time.
func (w *resultWriter) raw(s string) { w.b = append(w.b, s...) }

// key writes a member's name, after a comma unless it is the first.
func (w *resultWriter) key(name string, first bool) {
	if !first {
		w.raw(",")
	}
	w.raw(`"`)
	w.raw(name)
	w.raw(`":`)
}

func (w *resultWriter) str(s string) { w.b = minijson.AppendString(w.b, s) }

func (w *resultWriter) int(n int) { w.b = strconv.AppendInt(w.b, int64(n), 10) }

// list writes a slice as encoding/json does (null when nil), each
// element by each.
func list[T any](w *resultWriter, xs []T, each func(*T)) {
	if xs == nil {
		w.raw("null")
		return
	}
	w.raw("[")
	for i := range xs {
		if i > 0 {
			w.raw(",")
		}
		each(&xs[i])
	}
	w.raw("]")
}

func (w *resultWriter) strings(ss []string) { list(w, ss, func(s *string) { w.str(*s) }) }

func (w *resultWriter) result(r *engine.Result) {
	w.raw("{")
	w.key("version", true)
	w.str(r.Version)
	w.key("text", false)
	w.str(r.Text)
	w.key("meta", false)
	w.meta(&r.Meta)
	w.key("sources", false)
	list(w, r.Sources, w.source)
	w.key("claims", false)
	list(w, r.Claims, w.claim)
	if r.Extraction != nil {
		w.key("extraction", false)
		w.extraction(r.Extraction)
	}
	w.raw("}")
}

func (w *resultWriter) meta(m *engine.Meta) {
	w.raw("{")
	first := true
	if m.Title != "" {
		w.key("title", first)
		w.str(m.Title)
		first = false
	}
	if len(m.Authors) > 0 {
		w.key("authors", first)
		w.strings(m.Authors)
		first = false
	}
	if m.Published != "" {
		w.key("published", first)
		w.str(m.Published)
		first = false
	}
	for _, s := range []struct {
		name string
		span *engine.Span
	}{{"title_span", m.TitleSpan}, {"byline_span", m.BylineSpan}, {"published_span", m.PublishedSpan}} {
		if s.span != nil {
			w.key(s.name, first)
			w.span(s.span)
			first = false
		}
	}
	w.raw("}")
}

// span writes a *Span, null when nil.
func (w *resultWriter) span(s *engine.Span) {
	if s == nil {
		w.raw("null")
		return
	}
	w.raw(`{"start":`)
	w.int(s.Start)
	w.raw(`,"end":`)
	w.int(s.End)
	w.raw(`,"text":`)
	w.str(s.Text)
	w.raw("}")
}

func (w *resultWriter) source(s *engine.Source) {
	w.raw("{")
	w.key("id", true)
	w.str(s.ID)
	w.key("name", false)
	w.str(s.Name)
	if s.Role != "" {
		w.key("role", false)
		w.str(s.Role)
	}
	w.key("kind", false)
	w.str(s.Kind)
	w.key("aliases", false)
	w.strings(s.Aliases)
	w.key("mentions", false)
	list(w, s.Mentions, w.span)
	w.key("claims", false)
	list(w, s.Claims, func(c *int) { w.int(*c) })
	w.raw("}")
}

func (w *resultWriter) claim(c *engine.Claim) {
	w.raw(`{"start":`)
	w.int(c.Start)
	w.raw(`,"end":`)
	w.int(c.End)
	w.raw(`,"text":`)
	w.str(c.Text)
	if len(c.Parts) > 0 {
		w.key("parts", false)
		list(w, c.Parts, func(p *engine.Range) {
			w.raw(`{"start":`)
			w.int(p.Start)
			w.raw(`,"end":`)
			w.int(p.End)
			w.raw("}")
		})
	}
	w.key("attribution", false)
	if a := c.Attribution; a == nil {
		w.raw("null")
	} else {
		w.raw(`{"source":`)
		w.span(a.Source)
		w.raw(`,"cue":`)
		w.span(a.Cue)
		w.raw(`,"kind":`)
		w.str(a.Kind)
		w.raw(`,"source_id":`)
		w.str(a.SourceID)
		w.raw("}")
	}
	if c.Checkworthiness != nil {
		w.key("checkworthiness", false)
		var err error
		if w.b, err = minijson.AppendFloat(w.b, *c.Checkworthiness); err != nil && w.err == nil {
			w.err = err
		}
	}
	w.key("reasons", false)
	w.strings(c.Reasons)
	w.raw("}")
}

func (w *resultWriter) extraction(x *engine.Extraction) {
	w.raw(`{"words":`)
	w.int(x.Words)
	w.raw(`,"page_words":`)
	w.int(x.PageWords)
	w.raw(`,"dropped":`)
	list(w, x.Dropped, func(d *engine.DroppedBlock) {
		w.raw(`{"kind":`)
		w.str(d.Kind)
		w.raw(`,"blocks":`)
		w.int(d.Blocks)
		w.raw(`,"words":`)
		w.int(d.Words)
		w.raw("}")
	})
	w.raw("}")
}
