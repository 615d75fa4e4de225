package tag

import (
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Hashes of the strings prose puts in its context and tag history.
var (
	hStart, hStart2 = hashString("-START-"), hashString("-START2-")
	hEnd, hEnd2     = hashString("-END-"), hashString("-END2-")
	hSufStart       = hashString("RT-") // "-START-"[4:]
	hSufStart2      = hashString("T2-") // "-START2-"[5:]
	hSufEnd         = hashString("ND-") // "-END-"[2:]
	hSufEnd2        = hashString("D2-") // "-END2-"[3:]
	hHyphen, hSufHy = hashString("!HYPHEN"), hashString("HEN")
	hYear, hSufYear = hashString("!YEAR"), hashString("EAR")
	hDigit, hSufDig = hashString("!DIGITS"), hashString("ITS")
	hDash           = hashString("-")
	hNone           = hashString("-NONE-")
	hSYM, hNN       = hashString("SYM"), hashString("NN")
)

// scratch holds per-call buffers, pooled so tagging does not allocate.
type scratch struct {
	word, suf []uint64 // hash of each context word (normalised) and of its last 3 bytes
	lower     []byte
	words     []string // the words with curly quotes made straight, when any has one
	straight  map[string]string
}

// sanitizeQuotes does what prose's tokenizer does to text before
// splitting it (a strings.Replacer of “ ” ‘ ’ and &rsquo;), so prose's
// model has only seen straight quotes. A loop, not a Replacer, whose
// machinery would add 20 KB to the page's wasm; TestSanitizeQuotes holds
// it to prose's Replacer.
func sanitizeQuotes(w string) string {
	var b strings.Builder
	b.Grow(len(w))
	for i := 0; i < len(w); {
		switch r := w[i:]; {
		case strings.HasPrefix(r, "\u201c"), strings.HasPrefix(r, "\u201d"):
			b.WriteByte('"')
			i += len("\u201c")
		case strings.HasPrefix(r, "\u2018"), strings.HasPrefix(r, "\u2019"):
			b.WriteByte('\'')
			i += len("\u2018")
		case strings.HasPrefix(r, "&rsquo;"):
			b.WriteByte('\'')
			i += len("&rsquo;")
		default:
			b.WriteByte(w[i])
			i++
		}
	}
	return b.String()
}

// straighten returns words as prose would see them, copying only if needed.
func (sc *scratch) straighten(words []string) []string {
	for i, w := range words {
		if !hasCurly(w) {
			continue
		}
		out := append(sc.words[:0], words...)
		for j := i; j < len(out); j++ {
			if hasCurly(out[j]) {
				out[j] = sc.straight1(out[j])
			}
		}
		sc.words = out
		return out
	}
	return words
}

// straight1 straightens one word, remembering the answer (a bounded cache,
// since most such words are "’s" and "n’t").
func (sc *scratch) straight1(w string) string {
	if s, ok := sc.straight[w]; ok {
		return s
	}
	if sc.straight == nil || len(sc.straight) >= 4096 {
		sc.straight = make(map[string]string)
	}
	s := sanitizeQuotes(w)
	sc.straight[strings.Clone(w)] = s // do not pin the caller's whole text
	return s
}

// hasCurly reports whether w holds a quote that sanitizeQuotes replaces.
func hasCurly(w string) bool {
	for i := 0; i+2 < len(w); i++ {
		switch {
		case w[i] == 0xe2 && w[i+1] == 0x80 && (w[i+2] == 0x98 || w[i+2] == 0x99 || w[i+2] == 0x9c || w[i+2] == 0x9d):
			return true
		case w[i] == '&' && strings.HasPrefix(w[i:], "&rsquo;"):
			return true
		}
	}
	return false
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// Tag writes the tag of every word into out, which must be as long as words.
// It follows prose's greedy left-to-right perceptron tagger: the same
// features, normalisation and special cases, and curly quotes read as
// straight ones as prose's tokenizer makes them.
func (m *Model) Tag(words []string, out []Tag) { m.tag(words, out, nil) }

// TagTrace is Tag that also calls visit with the index of the word and the
// 32-bit hash (FeatureHash) of every feature it looks up for it, in the
// model or not, but for the bias: build/tagger counts which of prose's
// features a corpus uses. Words that the dictionary or a rule tags have no
// features.
func (m *Model) TagTrace(words []string, out []Tag, visit func(word int, hash uint32)) {
	m.tag(words, out, visit)
}

func (m *Model) tag(words []string, out []Tag, visit func(int, uint32)) {
	if len(out) < len(words) {
		panic("tag: out shorter than words")
	}
	sc := scratchPool.Get().(*scratch)
	defer func() {
		clear(sc.words) // drop references to the caller's strings
		scratchPool.Put(sc)
	}()
	words = sc.straighten(words)
	n := len(words) + 4
	if cap(sc.word) < n {
		sc.word = make([]uint64, n)
		sc.suf = make([]uint64, n)
	}
	cw, cs := sc.word[:n], sc.suf[:n]
	cw[0], cs[0], cw[1], cs[1] = hStart, hSufStart, hStart2, hSufStart2
	cw[n-2], cs[n-2], cw[n-1], cs[n-1] = hEnd, hSufEnd, hEnd2, hSufEnd2
	for i, w := range words {
		cw[i+2], cs[i+2] = sc.normalize(w)
	}

	p1, p2 := hStart, hStart2
	for i, w := range words {
		var t Tag
		var h uint64
		d, inDict := m.dict[w]
		switch {
		case w == "-":
			t, h = Dash, hDash
		case inDict && d == dictSym:
			t, h = SYM, hSYM
		case strings.HasPrefix(w, "@") || isLink(w) || isEmail(w):
			t, h = NN, hNN
		case isTrace(w):
			t, h = None, hNone
		case isBracketTag(w):
			t, h = Parse(w), hashString(w)
		case inDict:
			t, h = m.classes[d], m.classHash[d]
		default:
			var v func(uint32)
			if visit != nil {
				v = func(h uint32) { visit(i, h) }
			}
			c := m.predict(w, cw[i:i+5], cs[i:i+5], p1, p2, v)
			t, h = m.classes[c], m.classHash[c]
		}
		out[i] = t
		p2, p1 = p1, h
	}
}

// predict scores the features of the word at cw[2] (cw and cs hold
// positions i-2..i+2) and returns the best class. Like prose, only classes
// some feature weighs in on are candidates; ties go to the lower class.
func (m *Model) predict(w string, cw, cs []uint64, p1, p2 uint64, visit func(uint32)) int {
	var scores [maxClasses]int32
	var seen uint64
	add := func(slot uint32) {
		v := m.table[slot].val
		start, cnt := v>>8, v&0xff
		cls, wts := m.cls[start:start+cnt], m.wts[start:start+cnt]
		for j, c := range cls {
			scores[c] += int32(wts[j])
			seen |= 1 << c
		}
	}
	look := func(h uint32) {
		if visit != nil {
			visit(h)
		}
		key := keyOf(h, m.keyShift)
		s := key >> m.shift
		for {
			k := m.table[s].key
			if k == key {
				add(s)
				return
			}
			if k == 0 {
				return
			}
			s = (s + 1) & m.mask
		}
	}
	if m.bias != noSlot {
		add(m.bias)
	}
	s := &m.salt
	if len(w) > 0 {
		look(key1(s[kSuffix], hashString(w[max(0, len(w)-3):])))
		look(key1(s[kPref1], hashString(w[:1])))
	}
	look(key1(s[kTag1], p1))
	look(key1(s[kTag2], p2))
	look(key2(s[kTag12], p1, p2))
	look(key1(s[kWord], cw[2]))
	look(key2(s[kTag1Word], p1, cw[2]))
	look(key1(s[kPrevWord], cw[1]))
	look(key1(s[kPrevSuffix], cs[1]))
	look(key1(s[kPrev2Word], cw[0]))
	look(key1(s[kNextWord], cw[3]))
	look(key1(s[kNextSuffix], cs[3]))
	look(key1(s[kNext2Word], cw[4]))

	best, bestScore := 0, int32(math.MinInt32)
	for c := range len(m.classes) {
		if seen&(1<<c) != 0 && scores[c] > bestScore {
			best, bestScore = c, scores[c]
		}
	}
	return best
}

// normalize returns the hashes of prose's normalize(w) and of its last
// three bytes, without building the string when w is ASCII.
func (sc *scratch) normalize(w string) (word, suf uint64) {
	if w == "" {
		h := hashString("")
		return h, h
	}
	switch {
	case w[0] != '-' && strings.IndexByte(w, '-') >= 0:
		return hHyphen, hSufHy
	case isAtoi4(w):
		return hYear, hSufYear
	case w[0] >= '0' && w[0] <= '9':
		return hDigit, hSufDig
	}
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		word = fnvOffset
		suf = fnvOffset
		cut := max(0, len(w)-3)
		for i := 0; i < len(w); i++ {
			c := w[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			word = (word ^ uint64(c)) * fnvPrime
			if i >= cut {
				suf = (suf ^ uint64(c)) * fnvPrime
			}
		}
		return word, suf
	}
	// strings.ToLower: lower each rune; invalid bytes become U+FFFD.
	b := sc.lower[:0]
	for _, r := range w {
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	sc.lower = b
	return hashBytes(b), hashBytes(b[max(0, len(b)-3):])
}

func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h
}

// isAtoi4 reports whether strconv.Atoi accepts w and len(w) == 4 (prose's
// "!YEAR"): an optional sign and digits.
func isAtoi4(w string) bool {
	if len(w) != 4 {
		return false
	}
	d := w
	if d[0] == '+' || d[0] == '-' {
		d = d[1:]
	}
	for i := 0; i < len(d); i++ {
		if d[i] < '0' || d[i] > '9' {
			return false
		}
	}
	return true
}

// isTrace matches prose's treebank "none" pattern
// ^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$.
func isTrace(w string) bool {
	if w == "0" || w == "*" {
		return true
	}
	if len(w) < 3 || w[0] != '*' {
		return false
	}
	if len(w) == 3 && w[2] == '*' && (isWordByte(w[1]) || w[1] == '?') {
		return true
	}
	rest := w[1:]
	if rest[0] != '-' { // \*[A-Z]+\*
		j := 0
		for j < len(rest) && rest[j] >= 'A' && rest[j] <= 'Z' {
			j++
		}
		if j == 0 || j >= len(rest) || rest[j] != '*' {
			return false
		}
		rest = rest[j+1:]
	}
	if len(rest) < 2 || len(rest) > 4 || rest[0] != '-' {
		return false
	}
	for i := 1; i < len(rest); i++ {
		if rest[i] < '0' || rest[i] > '9' {
			return false
		}
	}
	return true
}

func isWordByte(c byte) bool {
	return c == '_' || ('0' <= c && c <= '9') || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

// isBracketTag matches ^\-[A-Z]{3}\-$ ("-LRB-"): prose uses such a word as its own tag.
func isBracketTag(w string) bool {
	if len(w) != 5 || w[0] != '-' || w[4] != '-' {
		return false
	}
	for i := 1; i < 4; i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// isLink reports whether commonregex's LinkPattern (used by prose, unanchored)
// matches somewhere in w: a byte of [a-z0-9.-], a dot, then at least two
// items (runes other than space ()<>, or parenthesised groups) of which a
// later one may end a link.
func isLink(w string) bool {
	for i := 1; i < len(w)-1; i++ {
		if w[i] != '.' {
			continue
		}
		if c := w[i-1]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-') {
			continue
		}
		j, items := i+1, 0
		for j < len(w) {
			r, size := utf8.DecodeRuneInString(w[j:])
			end := false
			switch r {
			case ' ', '\t', '\n', '\f', '\r', ')', '<', '>':
				end = true
			case '(':
				size = parenGroup(w[j:])
				if size < 0 {
					end = true
				} else if items >= 1 {
					return true
				}
			default:
				if items >= 1 && !strings.ContainsRune("!()[]{};:'\".,<>?", r) {
					return true
				}
			}
			if end {
				break
			}
			items++
			j += size
		}
	}
	return false
}

// parenGroup returns the length of \((?:[^\s()<>]+|(?:\([^\s()<>]+\)))*\)
// at the start of s, or -1.
func parenGroup(s string) int {
	depth, inner := 0, 0
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\f', '\r', '<', '>':
			return -1
		case '(':
			if depth == 1 {
				return -1
			}
			depth, inner = 1, 0
		case ')':
			if depth == 0 {
				return i + 1
			}
			if inner == 0 {
				return -1
			}
			depth = 0
		default:
			inner++
		}
	}
	return -1
}

// isEmail reports whether commonregex's EmailPattern matches somewhere in w:
// a local-part byte, '@', a DNS label, '.', and a letter or digit.
func isEmail(w string) bool {
	for p := 1; p < len(w); p++ {
		if w[p] != '@' || !isLocalByte(w[p-1]) {
			continue
		}
		s := w[p+1:]
		d := 0
		for d < len(s) && (isAlnum(s[d]) || s[d] == '-') {
			d++
		}
		if d > 0 && isAlnum(s[0]) && isAlnum(s[d-1]) && d+1 < len(s) && s[d] == '.' && isAlnum(s[d+1]) {
			return true
		}
	}
	return false
}

func isAlnum(c byte) bool {
	return ('0' <= c && c <= '9') || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

func isLocalByte(c byte) bool {
	return isAlnum(c) || strings.IndexByte("!#$%&'*+/=?^_{|.}~-", c) >= 0
}
