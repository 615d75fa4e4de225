package tag

import "github.com/whosaid/whosaid/internal/segment"

// A DocTagger tags the tokens of a segmented text as the engine reads it:
// sentence by sentence, so the tagger's context never crosses a sentence
// boundary, with the tokens between two sentences tagged as a run of their
// own. Overlapping or odd sentences are passed over: no token is tagged
// twice. The engine and training (checkworthy.TextTokens) both tag this
// way, so both see the same tags.
type DocTagger struct {
	Tags []Tag // one per token of the text; complete once Next says ok = false

	m          *Model
	seg        *segment.Doc
	words      []string
	done, next int
}

// NewDocTagger readies the tagging of seg.
func (m *Model) NewDocTagger(seg *segment.Doc) *DocTagger {
	d := &DocTagger{m: m, seg: seg, Tags: make([]Tag, len(seg.Tokens)), words: make([]string, len(seg.Tokens))}
	for i := range seg.Tokens {
		d.words[i] = seg.Word(i)
	}
	return d
}

// Next tags the next sentence, and the tokens before it, and returns its
// index and end (Last); ok is false when no sentence is left, once the
// tokens after the last sentence are tagged too. The caller may stop
// between sentences (the engine looks at its context there).
func (d *DocTagger) Next() (si, last int, ok bool) {
	for d.next < len(d.seg.Sentences) {
		si, s := d.next, d.seg.Sentences[d.next]
		d.next++
		if s.First < d.done || s.Last > len(d.words) || s.First > s.Last {
			continue
		}
		if d.done < s.First { // tokens between sentences
			d.m.Tag(d.words[d.done:s.First], d.Tags[d.done:s.First])
		}
		d.m.Tag(d.words[s.First:s.Last], d.Tags[s.First:s.Last])
		d.done = s.Last
		return si, s.Last, true
	}
	if d.done < len(d.words) {
		d.m.Tag(d.words[d.done:], d.Tags[d.done:])
		d.done = len(d.words)
	}
	return 0, 0, false
}

// TagDoc tags every token of seg as a DocTagger does, in one go.
func (m *Model) TagDoc(seg *segment.Doc) []Tag {
	d := m.NewDocTagger(seg)
	for {
		if _, _, ok := d.Next(); !ok {
			return d.Tags
		}
	}
}
