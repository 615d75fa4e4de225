package tag

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/segment"
)

// A DocTagger tags the tokens of a segmented text as the engine reads it:
// sentence by sentence, so the tagger's context never crosses a sentence
// boundary, with the tokens between two sentences tagged as a run of their
// own. Overlapping or odd sentences are passed over: no token is tagged
// twice. The engine and training (checkworthy.TextTokens) both tag this
// way, so both see the same tags. Unlike Tag, it also tags as names the
// capitalised words the model misreads before a finite verb (names).
type DocTagger struct {
	Tags []Tag // one per token of the text; complete once Next says ok = false

	m          *Model
	seg        *segment.Doc
	words      []string
	done, next int
	named      map[uint64]bool // nameWords, once names needs it
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
		d.names(s.First, s.Last)
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

// names tags as a proper noun a capitalised word that the model calls a
// verb form, adverb or adjective right before a finite verb, when the tag
// dictionary knows it in neither case and the text writes it as a name
// (nameWords): with a capital after a word or comma somewhere, and never
// in small letters. The model reads the ending of a name it never saw
// ("Schilling" as -ing, "Moore" as "more") and a sentence's first
// capital says nothing, so "Schilling told WEEI" lost its speaker; a
// gerund ("Fundraising was slow") is never written so. A word the
// dictionary knows ("Here's", "Many were") keeps its tag. The engine's
// tags only: training tags whole texts with Tag.
func (d *DocTagger) names(first, last int) {
	for i := first; i+1 < last; i++ {
		switch d.Tags[i] {
		case VBG, RB, JJ, VB:
		default:
			continue
		}
		w := d.words[i]
		if !d.Tags[i+1].IsFinite() || !capitalised(w) {
			continue
		}
		if _, ok := d.m.dict[w]; ok {
			continue
		}
		if _, ok := d.m.dict[strings.ToLower(w)]; ok {
			continue
		}
		if d.named == nil {
			d.named = d.nameWords()
		}
		if d.named[foldHash(w)] {
			d.Tags[i] = NNP
		}
	}
}

// nameWords finds the words the text writes as names: capitalised after
// a word or a comma, and never in small letters. They are keyed by their
// hash in lower case (foldHash), so that no word is copied. Two passes
// over the text, made the first time names needs them.
func (d *DocTagger) nameWords() map[uint64]bool {
	named := map[uint64]bool{}
	for i, w := range d.words {
		if capitalised(w) && i > 0 && (d.seg.Tokens[i-1].Kind.IsWord() || d.words[i-1] == ",") {
			named[foldHash(w)] = true
		}
	}
	for _, w := range d.words {
		if startsSmall(w) {
			delete(named, foldHash(w))
		}
	}
	return named
}

// foldHash is hashString's FNV-1a over w's runes in lower case.
func foldHash(w string) uint64 {
	h := uint64(fnvOffset)
	for _, r := range w {
		h = (h ^ uint64(unicode.ToLower(r))) * fnvPrime
	}
	return h
}

// startsSmall reports whether w starts with a small letter.
func startsSmall(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// capitalised reports whether w is a capital and then a small letter.
func capitalised(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	r2, _ := utf8.DecodeRuneInString(w[n:])
	return unicode.IsUpper(r) && unicode.IsLower(r2)
}
