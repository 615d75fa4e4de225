// Package brat reads attribution annotations in brat standoff format, as the
// PolNeAR corpus ships them: T lines are labelled spans (possibly
// discontinuous), E lines link one attribution's Content, Cue and Source.
//
// It reads exactly what ../shared/bench/score.py reads, so that training,
// the dev-floor test and the scorer agree on the gold data: the events whose
// Content span exists, with their Source and Cue when present.
package brat

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Range is a span of code points, end exclusive.
type Range struct{ Start, End int }

// Attribution is one gold attribution relation.
type Attribution struct {
	Content  []Range // one range, or several for discontinuous content
	Source   []Range // nil when the event has no Source
	Cue      []Range // nil when the event has no Cue
	NoSource bool    // an Attribution-no-source event
}

// Parse reads a .ann file. Lines that are not T or E lines (comments,
// notes, continuation lines of multi-line span texts) are skipped as the
// scorer skips them; a T or E line that is malformed is an error naming its
// line number.
func Parse(r io.Reader) ([]Attribution, error) {
	type span struct {
		label  string
		ranges []Range
	}
	spans := map[string]span{}
	type event struct {
		kind string
		args map[string]string
	}
	var events []event
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		id, rest, ok := strings.Cut(line, "\t")
		if !ok || !isID(id) {
			continue
		}
		if id[0] == 'T' {
			head, _, _ := strings.Cut(rest, "\t")
			label, offs, ok := strings.Cut(head, " ")
			if !ok {
				return nil, fmt.Errorf("line %d: span %s has no offsets", n, id)
			}
			var ranges []Range
			for _, part := range strings.Split(offs, ";") {
				f := strings.Fields(part)
				if len(f) != 2 {
					return nil, fmt.Errorf("line %d: span %s: bad offsets %q", n, id, part)
				}
				a, err1 := strconv.Atoi(f[0])
				b, err2 := strconv.Atoi(f[1])
				if err1 != nil || err2 != nil || a < 0 || b < a {
					return nil, fmt.Errorf("line %d: span %s: bad offsets %q", n, id, part)
				}
				ranges = append(ranges, Range{a, b})
			}
			spans[id] = span{label, ranges}
			continue
		}
		args := map[string]string{}
		kind := ""
		for i, f := range strings.Fields(rest) {
			k, v, ok := strings.Cut(f, ":")
			if !ok {
				return nil, fmt.Errorf("line %d: event %s: argument %q is not ROLE:ID", n, id, f)
			}
			if i == 0 {
				kind = k
			}
			args[k] = v
		}
		events = append(events, event{kind, args})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	var out []Attribution
	for _, ev := range events {
		content, ok := spans[ev.args["Content"]]
		if !ok {
			continue
		}
		a := Attribution{Content: content.ranges, NoSource: strings.HasPrefix(ev.kind, "Attribution-no-source")}
		if s, ok := spans[ev.args["Source"]]; ok {
			a.Source = s.ranges
		}
		if c, ok := spans[ev.args["Cue"]]; ok {
			a.Cue = c.ranges
		}
		out = append(out, a)
	}
	return out, nil
}

// isID reports whether s is a T or E line id: T or E followed by digits.
func isID(s string) bool {
	if len(s) < 2 || (s[0] != 'T' && s[0] != 'E') {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
