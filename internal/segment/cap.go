package segment

// MaxSentenceTokens is the longest sentence Split makes, in tokens. Every
// later stage reads a cue's sentence (and the model its neighbours), so a
// text with no full stop — a transcript, a PDF copy, "he said that …"
// repeated — must not make one sentence of everything: that made the
// engine quadratic. The longest sentence of PolNeAR's train and dev
// splits has 220 tokens (a list of names), so no real sentence is cut.
const MaxSentenceTokens = 256

// capSentences splits every sentence longer than MaxSentenceTokens into
// pieces of at most that many tokens, each ending at the strongest clause
// boundary in the second half of its stretch (a semicolon, then a colon or
// a dash, then a comma), or at the cap where there is none. It is linear:
// each piece looks back over at most MaxSentenceTokens/2 tokens.
func (d *Doc) capSentences() {
	long := false
	for _, s := range d.Sentences {
		if s.Last-s.First > MaxSentenceTokens {
			long = true
			break
		}
	}
	if !long {
		return
	}
	out := make([]Sentence, 0, len(d.Sentences)+len(d.Tokens)/MaxSentenceTokens+1)
	for _, s := range d.Sentences {
		for s.Last-s.First > MaxSentenceTokens {
			cut := d.clauseCut(s.First, s.First+MaxSentenceTokens)
			out = append(out, Sentence{Start: s.Start, End: int(d.Tokens[cut-1].End), First: s.First, Last: cut, Para: s.Para})
			s.First, s.Start = cut, int(d.Tokens[cut].Start)
		}
		out = append(out, s)
	}
	d.Sentences = out
	for i := range d.Paras {
		d.Paras[i].First, d.Paras[i].Last = -1, -1
	}
	for i, s := range out {
		p := &d.Paras[s.Para]
		if p.First < 0 {
			p.First = i
		}
		p.Last = i + 1
	}
}

// clauseCut returns where to end a piece of a long sentence that starts at
// token first and may not reach limit: the token after the strongest
// clause boundary in [first+(limit-first)/2, limit), with the closing
// quote marks written right after it, or limit.
func (d *Doc) clauseCut(first, limit int) int {
	lo := first + (limit-first)/2
	for _, strong := range [...]func(string) bool{
		func(w string) bool { return w == ";" },
		func(w string) bool { return w == ":" || w == "—" || w == "–" || w == "--" || w == "-" },
		func(w string) bool { return w == "," },
	} {
		for k := limit - 2; k >= lo; k-- {
			t := d.Tokens[k]
			if t.Kind != Punct || !strong(d.Text[t.Start:t.End]) {
				continue
			}
			c := k + 1
			for c < limit && d.Tokens[c].Kind == Quote && d.Tokens[c].Start == d.Tokens[c-1].End {
				c++
			}
			return c
		}
	}
	return limit
}
