package segment

import (
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/wordset"
)

// Split segments s, normalised text (internal/text.Doc.Norm). It runs in
// linear time and allocates a handful of slices however long s is: tokens
// are offsets, never strings.
//
// Tokens follow the Penn Treebank conventions the POS tagger was trained on,
// as far as offsets stay exact substrings of s: clitics are split off
// ("do" "n't", "Syria" "’s", "they" "'ll"), abbreviations keep their dot
// ("Mr.", "U.S.", "J."), a sentence-final dot is its own token.
//
// Every quote mark is a token of Kind Quote, except apostrophes: inside a
// word ("O’Malley") or starting a clitic they belong to a Word, as does an
// elided year ("’90s"). A trailing apostrophe after "s" ("officials’
// statement") is a plural possessive, a Word token as in PTB, unless an
// opening single quote earlier on the same line is still unclosed, in
// which case it closes that quotation ("the ‘final officials’ battle").
//
// Sentences end at . ! ? … and dot runs, taking along closing quotes and
// brackets written right after the mark; not when a lower-case word, a
// comma or the like follows (`"Why?" she asked`), and not after a title
// ("Mr.", "Sen.", "vs.", "No. 5"). After an ambiguous abbreviation or an
// initial ("U.S.", "Inc.", "J.") only a typical sentence opener ("The",
// "He", ...) starts a new sentence. Sentences never cross a paragraph, and
// none is longer than MaxSentenceTokens (see capSentences).
//
// Paragraphs break at blank lines. A single line break also breaks a
// paragraph unless the two lines are one hard-wrapped paragraph; see
// lineBreaks for the rule.
func Split(s string) *Doc {
	d := &Doc{Text: s}
	d.Tokens = tokenize(s, make([]Token, 0, len(s)/5+8))
	d.sentences(lineBreaks(s, nil))
	d.capSentences()
	return d
}

// isQuoteMark reports whether r is a quotation mark; every one is a token.
func isQuoteMark(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '„', '‟', '‘', '’', '‚', '‛', '«', '»', '‹', '›', '「', '」', '『', '』', '〝', '〞', '＂', '＇':
		return true
	}
	return false
}

func isApos(r rune) bool { return r == '\'' || r == '’' }

func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsMark(r)
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// decode is utf8.DecodeRuneInString with an ASCII fast path; past the end
// it returns (-1, 0).
func decode(s string, i int) (rune, int) {
	if i >= len(s) {
		return -1, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// lastRune returns the rune that ends s[:i], or -1.
func lastRune(s string, i int) rune {
	r, _ := lastRuneN(s, i)
	return r
}

// lastRuneN returns the rune that ends s[:i] and its size, or (-1, 0).
func lastRuneN(s string, i int) (rune, int) {
	if i <= 0 {
		return -1, 0
	}
	if c := s[i-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

func tokenize(s string, toks []Token) []Token {
	add := func(a, b int, k Kind) { toks = append(toks, Token{int32(a), int32(b), k}) }
	// singleOpen: an opening single quote is waiting for its closing mark
	// on this line; a trailing apostrophe after "s" then closes it rather
	// than marking a plural possessive ("officials’ statement").
	singleOpen := false
	i := 0
	for i < len(s) {
		r, n := decode(s, i)
		switch {
		case r == '\n':
			singleOpen = false
			i += n
		case isSpace(r):
			i += n
		case isAlnum(r):
			i = word(s, i, add)
		case isQuoteMark(r):
			prev, next := lastRune(s, i), rune(-1)
			next, _ = decode(s, i+n)
			if (isApos(r) || r == '‘') && isDigit(next) {
				// ’90s, '20s: an elided century, a word of its own.
				if e := elidedYear(s, i+n); e > 0 {
					add(i, e, Word)
					i = e
					continue
				}
			}
			if isApos(r) && prev != -1 && !isSpace(prev) {
				// A clitic after a word that kept its dot: "e.v.’s".
				if e := clitic(s, i+n); e > 0 {
					add(i, e, Word)
					i = e
					continue
				}
			}
			k := Quote
			opens := prev == -1 || isSpace(prev) || prev == '(' || prev == '[' || prev == '"' || prev == '“'
			switch {
			case (r == '\'' || r == '‘' || r == '‚') && opens && isAlnum(next):
				singleOpen = true
			case isApos(r) && !opens && !isAlnum(next):
				if singleOpen {
					singleOpen = false
				} else if prev == 's' || prev == 'S' {
					k = Word // plural possessive, PTB POS
				}
			}
			add(i, i+n, k)
			i += n
		case r == '.':
			j := i + 1
			for j < len(s) && s[j] == '.' {
				j++
			}
			add(i, j, Punct)
			i = j
		case r == '-':
			j := i + 1
			for j < len(s) && s[j] == '-' {
				j++
			}
			add(i, j, Punct)
			i = j
		default:
			k := Symbol
			if unicode.IsPunct(r) {
				k = Punct
			}
			j := i + n
			if k == Symbol {
				// Keep an emoji with its modifiers, joiners and variation
				// selectors in one token.
				for j < len(s) {
					r2, n2 := decode(s, j)
					if !(unicode.IsMark(r2) || r2 == 0x200D || unicode.Is(unicode.Variation_Selector, r2) || r2 >= 0x1F3FB && r2 <= 0x1F3FF) {
						break
					}
					j += n2
					if r2 == 0x200D {
						if r3, n3 := decode(s, j); n3 > 0 && !isSpace(r3) && !isAlnum(r3) && !isQuoteMark(r3) {
							j += n3
						}
					}
				}
			}
			add(i, j, k)
			i = j
		}
	}
	return toks
}

// elidedYear returns the end of "90s" or "99" starting at i (after an
// apostrophe), or 0.
func elidedYear(s string, i int) int {
	if i+2 > len(s) || !isDigit(rune(s[i])) || !isDigit(rune(s[i+1])) {
		return 0
	}
	j := i + 2
	if j < len(s) && s[j] == 's' {
		j++
	}
	if r, _ := decode(s, j); r != -1 && isAlnum(r) {
		return 0
	}
	return j
}

// clitic returns the end of "s", "ll", "re", "m", "ve", "d" starting at i
// and ending a word, or 0.
func clitic(s string, i int) int {
	j := i
	for j < len(s) && j-i < 3 && ('a' <= s[j] && s[j] <= 'z' || 'A' <= s[j] && s[j] <= 'Z') {
		j++
	}
	if r, _ := decode(s, j); r != -1 && isAlnum(r) {
		return 0
	}
	switch suffixLower(s[i:j]) {
	case "s", "ll", "re", "m", "ve", "d":
		return j
	}
	return 0
}

// word scans the word or number starting at i, adds its token(s) and
// returns where it ends.
func word(s string, i int, add func(a, b int, k Kind)) int {
	j := i
	seg := 0           // letters in the current dot-separated segment
	dotted := false    // an inner dot ("U.S", "a.m", "3.5")
	letters := false   // any letter: not a Number
	lastApos := -1     // offset of the last inner apostrophe
	prevDigit := false // rune before j is a digit
	for j < len(s) {
		r, n := decode(s, j)
		if isAlnum(r) {
			d := isDigit(r) || r >= utf8.RuneSelf && unicode.IsDigit(r)
			if !d {
				letters = true
				seg++
			}
			prevDigit = d
			j += n
			continue
		}
		next, _ := decode(s, j+n)
		ok := false
		switch r {
		case '-', '‐', '‑':
			ok = isAlnum(next)
		case '.':
			ok = isAlnum(next) && (prevDigit && isDigit(next) || seg > 0 && seg <= 2 && !prevDigit && isLetter(next))
			if ok {
				dotted = true
				seg = 0
			}
		case ',':
			ok = prevDigit && isDigit(next)
		case '\'', '’':
			ok = !prevDigit && isLetter(next)
			if ok {
				lastApos = j
			}
		case '&':
			ok = unicode.IsUpper(lastRune(s, j)) && unicode.IsUpper(next)
		}
		if !ok {
			break
		}
		j += n
	}
	if j < len(s) {
		switch s[j] {
		case '.':
			if (j+1 >= len(s) || s[j+1] != '.') && keepsDot(s, i, j, dotted && letters) {
				j++
			}
		case '%':
			if !letters {
				j++
			}
		}
	}
	k := Word
	if !letters {
		k = Number
	}
	// Split a clitic off like PTB: "do" "n't", "Syria" "’s", "we" "'ll".
	if lastApos > i && s[j-1] != '.' {
		switch suffixLower(s[lastApos+aposLen(s, lastApos) : j]) {
		case "s", "ll", "re", "m", "ve", "d":
			add(i, lastApos, k)
			add(lastApos, j, Word)
			return j
		case "t":
			if n := lastApos - 1; n > i && (s[n] == 'n' || s[n] == 'N') {
				add(i, n, k)
				add(n, j, Word)
				return j
			}
		}
	}
	add(i, j, k)
	return j
}

func aposLen(s string, i int) int {
	if s[i] == '\'' {
		return 1
	}
	return len("’")
}

// suffixLower lowercases a short ASCII suffix without allocating for the
// cases that matter; anything longer than two bytes cannot be a clitic.
func suffixLower(x string) string {
	switch x {
	case "s", "S":
		return "s"
	case "ll", "LL", "Ll":
		return "ll"
	case "re", "RE":
		return "re"
	case "m", "M":
		return "m"
	case "ve", "VE":
		return "ve"
	case "d", "D":
		return "d"
	case "t", "T":
		return "t"
	}
	return ""
}

// keepsDot decides whether the dot after s[i:j] belongs to the word: an
// abbreviation or an initial keeps it, as in PTB.
func keepsDot(s string, i, j int, dotted bool) bool {
	w := s[i:j]
	if dotted {
		return true
	}
	if len(w) == 1 && 'A' <= w[0] && w[0] <= 'Z' {
		return true
	}
	switch w {
	case "No", "no", "Nos", "nos", "Art", "art":
		// "No. 5" but "He said no."
		k := j + 1
		for k < len(s) && s[k] == ' ' {
			k++
		}
		return k < len(s) && isDigit(rune(s[k]))
	}
	return abbrev(w) != notAbbrev
}

type abbrevKind uint8

const (
	notAbbrev abbrevKind = iota
	title                // never ends a sentence: "Mr.", "Sen.", "vs."
	mayEnd               // ends one before a typical sentence opener: "Inc.", "Jan."
)

// abbrev classifies a word that may carry an abbreviation's dot.
func abbrev(w string) abbrevKind {
	switch {
	case titleAbbrevs[w]:
		return title
	case endAbbrevs[w]:
		return mayEnd
	}
	return notAbbrev
}

// The abbreviations of abbrev, one string each (internal/wordset says
// why). Read only.
var (
	titleAbbrevs = wordset.Of("Mr Mrs Ms Messrs Mme Dr Drs Prof Sen Sens Rep Reps Gov Govs Gen Gens Lt Col Maj " +
		"Capt Cmdr Adm Sgt Cpl Pvt Rev Hon Pres Supt Insp Det Atty Amb Fr Sr Sra Mt Ft vs " +
		"Vs v cf approx Approx ca Fig fig Vol vol pp Op No no Nos nos Art art")
	endAbbrevs = wordset.Of("Jr Inc Corp Co Ltd Bros Ave Blvd Rd St Ste Dept Univ Jan Feb Mar Apr Jun Jul Aug " +
		"Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun etc al est " +
		"Calif Fla Mass Ariz Penn Ill Wash Mich Minn Conn Tenn Okla Ore Wis Colo Ky Md Va " +
		"Ga Ala Miss Nev")
)

// opener reports whether w often starts a sentence; after an ambiguous
// abbreviation ("in the U.S. He said") such a word is taken to start one.
func opener(w string) bool { return openers[w] }

var openers = wordset.Of("The A An He She It They We I You His Her Its Their Our My Your This That These " +
	"Those There Here But And Or So Yet In On At As If When While After Before Since " +
	"Although Though However Meanwhile Also Still Now Then What Who Why How Where " +
	"Which Some Many Most All Not Both Each Such Last Earlier Later According Despite " +
	"During For From To With Without Under Over Even Only Just Mr. Mrs. Ms. Dr. " +
	"Officials Police Authorities")

// sentences groups the tokens into sentences and paragraphs; brk holds the
// sorted byte offsets of paragraph breaks.
func (d *Doc) sentences(brk []int32) {
	toks := d.Tokens
	if len(toks) == 0 {
		return
	}
	d.Sentences = make([]Sentence, 0, len(toks)/20+1)
	d.Paras = make([]Para, 0, len(brk)+1)
	b := 0 // next break
	first, pfirst := 0, 0
	// paraEnd reports whether a paragraph ends between token t-1 and t.
	paraEnd := func(t int) bool {
		if t >= len(toks) {
			return true
		}
		found := false
		for b < len(brk) && brk[b] < toks[t].Start {
			found = true
			b++
		}
		return found
	}
	endSentence := func(last int) { // last: index of the sentence's final token
		d.Sentences = append(d.Sentences, Sentence{
			Start: int(toks[first].Start), End: int(toks[last].End),
			First: first, Last: last + 1, Para: len(d.Paras),
		})
		first = last + 1
	}
	endPara := func() {
		d.Paras = append(d.Paras, Para{
			Start: d.Sentences[pfirst].Start, End: d.Sentences[len(d.Sentences)-1].End,
			First: pfirst, Last: len(d.Sentences),
		})
		pfirst = len(d.Sentences)
	}
	for t := 0; t < len(toks); t++ {
		end, stop := t, false
		if d.endsAt(t) {
			// Closing quotes and brackets right after the terminal
			// punctuation belong to the sentence. They are adjacent, so no
			// paragraph break falls among them.
			j := t + 1
			for j < len(toks) && toks[j].Start == toks[j-1].End && d.closer(j) {
				j++
			}
			end = j - 1
			stop = j >= len(toks) || d.sentenceStart(t, j)
		}
		pe := paraEnd(end + 1)
		if stop || pe {
			endSentence(end)
			if pe {
				endPara()
			}
		}
		t = end
	}
}

// endsAt reports whether token t may end a sentence.
func (d *Doc) endsAt(t int) bool {
	tok := d.Tokens[t]
	w := d.Text[tok.Start:tok.End]
	switch tok.Kind {
	case Punct:
		switch w {
		case "!", "?", "…", "‼", "⁇", "⁈", "⁉", "。", "！", "？":
			return true
		}
		return w[0] == '.'
	case Word:
		if w[len(w)-1] != '.' || len(w) < 2 {
			return false
		}
		// "Mr." never ends a sentence; "Inc.", "U.S.", "J." may.
		return abbrev(w[:len(w)-1]) != title
	}
	return false
}

// closer reports whether token j (adjacent to the one before) closes a
// quotation or bracket, or is more terminal punctuation ("?!", `."`).
func (d *Doc) closer(j int) bool {
	tok := d.Tokens[j]
	w := d.Text[tok.Start:tok.End]
	switch tok.Kind {
	case Quote:
		// Followed by space, the end, or punctuation: it closes. Followed
		// directly by a letter it opens the next sentence.
		if j+1 < len(d.Tokens) {
			nt := d.Tokens[j+1]
			return nt.Start > tok.End || nt.Kind == Punct || nt.Kind == Quote
		}
		return true
	case Punct:
		switch w {
		case ")", "]", "}", "!", "?", "…":
			return true
		}
		return w[0] == '.'
	case Word:
		return w == "'" || w == "’"
	}
	return false
}

// sentenceStart decides whether token j starts a new sentence after the
// terminal token t.
func (d *Doc) sentenceStart(t, j int) bool {
	tok := d.Tokens[t]
	tw := d.Text[tok.Start:tok.End]
	nt := d.Tokens[j]
	nw := d.Text[nt.Start:nt.End]
	r, _ := utf8.DecodeRuneInString(nw)
	abbr := tok.Kind == Word // "U.S.", "Inc.", "J."
	switch nt.Kind {
	case Word:
		if unicode.IsLower(r) {
			return false
		}
		if abbr || tw[0] == '.' && len(tw) > 1 { // after an ellipsis, too
			return !abbr && unicode.IsUpper(r) || opener(nw)
		}
		return true
	case Number:
		return !abbr
	case Quote:
		return true
	case Punct:
		switch nw {
		case "(", "[", "{", "•", "¿", "¡", "#", "@":
			return !abbr
		case "-", "--", "—", "–":
			// "a tremendous plan!”—is wearing thin": a dash right after
			// the mark goes on with the sentence; one after a space is a
			// list item or dialogue.
			return !abbr && nt.Start > d.Tokens[j-1].End
		}
		return false // , ; : and friends continue the sentence
	}
	return !abbr
}

// line is one line of text, trimmed.
type line struct {
	start, end int32 // trimmed byte range
	width      int32 // in code points, untrimmed of inner space
}

// lineBreaks returns the offsets at which paragraphs break: at every blank
// line, and at single line breaks that separate blocks rather than wrap a
// paragraph. The rule, per block of non-blank lines:
//
//   - A block is hard-wrapped when it has at least three lines, its longest
//     line is 50 to 100 code points and at least 3/4 of the lines but the
//     last are at least 60% of that. In a wrapped block a line break is a
//     paragraph break only where the line ends with terminal punctuation and
//     the next line's first word would have fitted on it (the line ended
//     early, so a paragraph ended there).
//   - Otherwise each line is its own paragraph (headline, byline, date line,
//     one paragraph per line as in many pasted articles), except that a line
//     ending without terminal punctuation (. ! ? … : ; or one of them then a
//     closing quote or bracket) followed by a line starting with a
//     lower-case letter continues the same paragraph.
func lineBreaks(s string, brk []int32) []int32 {
	var block []line // lines of the current block; reused
	flush := func() {
		brk = blockBreaks(s, block, brk)
		block = block[:0]
	}
	for i := 0; i <= len(s); {
		e := i
		for e < len(s) && s[e] != '\n' {
			e++
		}
		a, b := trim(s, i, e)
		if a == b {
			if len(block) > 0 {
				flush()
				brk = append(brk, int32(i))
			}
		} else {
			block = append(block, line{int32(a), int32(b), int32(utf8.RuneCountInString(s[a:b]))})
		}
		i = e + 1
	}
	flush()
	return brk
}

func trim(s string, a, b int) (int, int) {
	for a < b {
		r, n := decode(s, a)
		if !isSpace(r) {
			break
		}
		a += n
	}
	for b > a {
		r, n := lastRuneN(s, b)
		if !isSpace(r) {
			break
		}
		b -= n
	}
	return a, b
}

func blockBreaks(s string, block []line, brk []int32) []int32 {
	if len(block) < 2 {
		return brk
	}
	var widest int32
	for _, l := range block {
		widest = max(widest, l.width)
	}
	long := 0
	for _, l := range block[:len(block)-1] {
		if l.width*10 >= widest*6 {
			long++
		}
	}
	wrapped := len(block) >= 3 && widest >= 50 && widest <= 100 && long*4 >= (len(block)-1)*3
	for k := 0; k+1 < len(block); k++ {
		a, b := block[k], block[k+1]
		var join bool
		if wrapped {
			join = !terminal(s, a) || a.width+1+firstWordWidth(s, b) > widest
		} else {
			r, _ := decode(s, int(b.start))
			join = !terminal(s, a) && unicode.IsLower(r)
		}
		if !join {
			brk = append(brk, a.end)
		}
	}
	return brk
}

func firstWordWidth(s string, l line) int32 {
	var w int32
	for i := int(l.start); i < int(l.end); {
		r, n := decode(s, i)
		if isSpace(r) {
			break
		}
		w++
		i += n
	}
	return w
}

// terminal reports whether line l ends like a sentence or a heading with a
// colon.
func terminal(s string, l line) bool {
	e := int(l.end)
	for e > int(l.start) {
		r, n := lastRuneN(s, e)
		switch r {
		case '.', '!', '?', '…', ':', ';':
			return true
		case ')', ']', '"', '\'', '”', '’', '»', '›':
			e -= n
			continue
		}
		return false
	}
	return false
}
