package sources

import (
	"github.com/whosaid/whosaid/internal/attrib"
	"github.com/whosaid/whosaid/internal/perceptron"
	"github.com/whosaid/whosaid/internal/tag"
)

// Candidate is a source the ranker may choose: tokens [First, Last), or
// none when First < 0.
type Candidate struct{ First, Last int }

// Reach is how many tokens either side of the cue candidates come from;
// MaxCandidates caps how many a claim has.
const (
	Reach         = 40
	MaxCandidates = 24
)

// inPhrase reports a tag a noun phrase may hold.
func inPhrase(t tag.Tag) bool {
	switch t {
	case tag.PRP, tag.CD, tag.DT, tag.JJ, tag.JJR, tag.JJS, tag.PRPS, tag.POS, tag.WP:
		return true
	}
	return t.IsNoun()
}

// isHead reports a tag a noun phrase may end on.
func isHead(t tag.Tag) bool { return t.IsNoun() || t == tag.PRP || t == tag.WP || t == tag.CD }

// Candidates lists claim a's candidate sources and their features: the
// current source (or none) first, then none, then the noun phrases of the
// cue's sentence within Reach of the cue, outside the cue and the content,
// and each phrase's last run of nouns alone ("the head of [the
// agency]"). A claim without a cue, a transcript's turn or an inherited
// source has none.
func (d *Doc) Candidates(a *attrib.Attribution) ([]Candidate, [][]uint64) {
	seg, tags := d.Seg, d.Tags
	if a.Turn || a.Inherited || a.Cue.End <= a.Cue.Start {
		return nil, nil
	}
	cf, cl := seg.TokenRange(a.Cue)
	if cf < 0 || cl <= cf {
		return nil, nil
	}
	s := seg.Sentences[seg.SentenceAt(int(seg.Tokens[cf].Start))]
	inContent := func(t int) bool {
		for _, sp := range a.Content {
			if int(seg.Tokens[t].Start) >= sp.Start && int(seg.Tokens[t].End) <= sp.End {
				return true
			}
		}
		return false
	}
	var cands []Candidate
	add := func(c Candidate) {
		if len(cands) >= MaxCandidates {
			return
		}
		for _, o := range cands {
			if o == c {
				return
			}
		}
		cands = append(cands, c)
	}
	if a.SrcFirst >= 0 && a.SrcLast > a.SrcFirst {
		add(Candidate{a.SrcFirst, a.SrcLast})
	} else {
		add(Candidate{-1, -1})
	}
	add(Candidate{-1, -1})
	lo, hi := max(s.First, cf-Reach), min(s.Last, cl+Reach)
	ok := func(t int) bool {
		return (t < cf || t >= cl) && inPhrase(tags[t]) && !inContent(t) && (seg.Tokens[t].Kind.IsWord() || tags[t] == tag.POS)
	}
	for t := lo; t < hi && len(cands) < MaxCandidates; {
		if !ok(t) || !seg.Tokens[t].Kind.IsWord() {
			t++
			continue
		}
		f := t
		for t < hi && ok(t) {
			t++
		}
		// a phrase that ends on a date ("Tuesday", "last month") names
		// when, not who: no gold source is one
		if l := t; isHead(tags[l-1]) && !attrib.Date(seg.Word(l-1)) {
			add(Candidate{f, l})
			k := l - 1
			for k > f && tags[k-1].IsNoun() {
				k--
			}
			if k > f {
				add(Candidate{k, l})
			}
		}
	}
	feats := make([][]uint64, len(cands))
	for i, c := range cands {
		feats[i] = d.features(a, c, i == 0, cf, cl)
	}
	return cands, feats
}

// bucket groups a count of tokens.
func bucket(n int) uint64 {
	switch {
	case n <= 3:
		return uint64(n)
	case n <= 6:
		return 4
	case n <= 10:
		return 5
	case n <= 20:
		return 6
	}
	return 7
}

// features are candidate c's features for claim a, whose cue is tokens
// [cf, cl). Training (build/trainsources) and run time (Rerank) both call
// it, so they cannot drift apart. Each is a template number and up to
// three values, hashed in one loop: a table keeps the page's code small.
func (d *Doc) features(a *attrib.Attribution, c Candidate, current bool, cf, cl int) []uint64 {
	seg, tags := d.Seg, d.Tags
	cur := perceptron.Flag(current)
	cueW := perceptron.Lower(perceptron.Hash(900), seg.Word(cl-1))
	// a passive or raising cue ("was criticized", "seemed") often has no
	// source: its subject is the content's
	passive := uint64(0)
	for t := cf + 1; t < cl; t++ {
		if tags[t] == tag.VBN {
			passive = 1
		}
	}
	cueTags := uint64(tags[cf])<<16 | uint64(tags[cl-1])<<8 | passive
	// the cue's first word: "Asked", "According", "has"
	cueF := perceptron.Lower(perceptron.Hash(904), seg.Word(cf))
	var f [][4]uint64
	if c.First < 0 {
		f = [][4]uint64{{1, cur}, {2, cueW}, {3, uint64(tags[cf])}, {4, cueTags}, {5, cur, passive}, {6, cueF}, {7, cueF, cur}}
	} else {
		side, dist := uint64(0), cf-c.Last
		from, to := c.Last, cf
		if c.First >= cl {
			side, dist = 1, c.First-cl
			from, to = cl, c.First
		}
		// what lies between the candidate and the cue
		var verb, comma, rel, phrases uint64
		for t := from; t < to; t++ {
			switch {
			case tags[t].IsFinite():
				verb = 1
			case seg.Word(t) == ",":
				comma = min(comma+1, 2)
			case tags[t] == tag.WDT || tags[t] == tag.WP || seg.Word(t) == "that":
				rel = 1
			}
			if isHead(tags[t]) && (t+1 >= to || !isHead(tags[t+1])) {
				phrases = min(phrases+1, 3)
			}
		}
		ht := uint64(tags[c.Last-1])
		hw := perceptron.Lower(perceptron.Hash(901), seg.Word(c.Last-1))
		fw := perceptron.Lower(perceptron.Hash(902), seg.Word(c.First))
		before, after, pw := uint64(255), uint64(255), uint64(0)
		if c.First > 0 {
			before = uint64(tags[c.First-1])
			pw = perceptron.Lower(perceptron.Hash(903), seg.Word(c.First-1))
		}
		if c.Last < len(tags) {
			after = uint64(tags[c.Last])
		}
		// the candidate is a clause's subject: a finite verb follows it,
		// perhaps after an adverb ("Ryan said"; "she also urged"), which
		// with the cue's tag tells a participle's speaker ("…, saying")
		subj := uint64(0)
		if v := c.Last; v < len(tags) && (tags[v].IsFinite() || tags[v] == tag.RB && v+1 < len(tags) && tags[v+1].IsFinite()) {
			subj = 1
		}
		db := bucket(dist)
		quoted := perceptron.Flag(c.First < len(d.InQuote) && d.InQuote[c.First])
		overlap := perceptron.Flag(a.SrcFirst >= 0 && c.First < a.SrcLast && a.SrcFirst < c.Last)
		f = [][4]uint64{
			{10, cur}, {11, side, db}, {12, side, phrases}, {13, side, verb, comma}, {14, side, rel}, {15, ht}, {16, hw}, {17, fw},
			{18, before, side}, {19, after, side}, {20, pw}, {21, cueW, side}, {22, cueW, side, db}, {23, uint64(tags[cf]), side, phrases},
			{24, quoted}, {25, overlap, cur}, {26, bucket(c.Last - c.First)}, {27, side, db, ht}, {28, cur, side, phrases}, {29, before, ht},
			{30, cueTags, side, phrases}, {31, passive, side, db}, {32, cueF, side}, {33, cueF, cur}, {34, uint64(tags[cf]), side, subj},
		}
	}
	out := make([]uint64, len(f))
	for i, v := range f {
		out[i] = perceptron.Int(perceptron.Int(perceptron.Int(perceptron.Hash(v[0]), v[1]), v[2]), v[3])
	}
	return out
}
