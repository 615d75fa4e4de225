// Package checkworthy scores how worth fact-checking a claim is, with a
// logistic regression trained by build/traincw on the CheckThat! 2024
// Task 1 English data (sentences of U.S. presidential debates from the
// ClaimBuster dataset, labelled Yes or No by annotators).
//
// The features are defined once, here, and used by training and run time
// alike: hashed word unigrams and bigrams, and signs a fact-checker looks
// for (numbers, quantities, percentages, comparisons, causes, named
// entities, times, tense, first person, modality, opinion, reported
// speech, questions), read with the help of part-of-speech tags. Tags and
// sentence length as features of their own were tried and left out: they
// gained nothing across debates and pulled news sentences, shorter and
// more nominal than debate speech, down.
package checkworthy

import (
	"strings"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
)

// Token is one token of a claim, as the segmenter and tagger give it.
type Token struct {
	Word string
	Kind segment.Kind
	Tag  tag.Tag
}

// Sign is one of the signs the scorer reads in a claim, beyond its words.
type Sign uint8

// The signs. The first ones (through Reported) are reasons a reader is
// shown; the others shape the score only.
const (
	Number Sign = iota
	Quantity
	Percentage
	Comparison
	Causal
	NamedEntity
	Time
	Reported
	nReasons // signs before this one are shown as reasons

	Past // a verb in the past tense or a perfect
	Present
	Future
	FirstSingular
	FirstPlural
	SecondPerson
	Modal
	Opinion
	Negation
	Question
	Exclamation
	ManyEntities
	ManyNumbers
	Comparative
	nSigns
)

// Signs is a set of signs.
type Signs uint32

// Has reports whether s holds g.
func (s Signs) Has(g Sign) bool { return s&(1<<g) != 0 }

func (s *Signs) add(g Sign) { *s |= 1 << g }

// signNames are the reasons' names in the JSON (the first nReasons) and
// the signs' names in the model file.
var signNames = [nSigns]string{
	"number", "quantity", "percentage", "comparison", "causal", "named_entity", "time", "reported", "",
	"past", "present", "future", "first_singular", "first_plural", "second_person", "modal",
	"opinion", "negation", "question", "exclamation", "many_entities", "many_numbers",
	"comparative",
}

// String names the sign.
func (g Sign) String() string {
	if g < nSigns {
		return signNames[g]
	}
	return "?"
}

// Feature kinds: each hashed key starts with one, so a word and a tag
// with the same spelling never share a key.
const (
	fUnigram byte = 'u'
	fBigram  byte = 'b'
	fSign    byte = 's'
	fBias    byte = 'z'
)

// Bits is the size of the hashed feature space: 2^Bits keys.
const Bits = 20

const keyMask = 1<<Bits - 1

// maxTokens bounds the work per claim: longer claims are read up to here
// (a debate sentence is rarely longer than 80 tokens).
const maxTokens = 160

// fnv-1a, 32 bits.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

func hashByte(h uint32, b byte) uint32 { return (h ^ uint32(b)) * fnvPrime }

func hashBytes(h uint32, s []byte) uint32 {
	for _, b := range s {
		h = hashByte(h, b)
	}
	return h
}

func finish(h uint32) uint32 {
	// fold the high bits in: fnv's low bits alone mix poorly
	return (h ^ h>>Bits) & keyMask
}

// signKeys are the signs' keys, computed once (never written after).
var signKeys = func() (k [nSigns]uint32) {
	for g := range k {
		k[g] = finish(hashBytes(hashByte(fnvOffset, fSign), []byte(signNames[g])))
	}
	return k
}()

// signKey is the key of sign g.
func signKey(g Sign) uint32 { return signKeys[g] }

// biasKey is the key of the feature every claim has.
var biasKey = finish(hashByte(fnvOffset, fBias))

// norm writes the form of w the word features see into buf: lower case,
// a typographic apostrophe as ', digits as shapes ("#num", "#pct",
// "#year") so that "2,000" and "3,500" share their weights.
func norm(buf []byte, w string, k segment.Kind) []byte {
	buf = buf[:0]
	if k == segment.Number || hasDigit(w) {
		switch {
		case strings.HasSuffix(w, "%"):
			return append(buf, "#pct"...)
		case isYear(w):
			return append(buf, "#year"...)
		case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "th") || strings.HasSuffix(w, "st") || strings.HasSuffix(w, "nd") || strings.HasSuffix(w, "rd"):
			return append(buf, "#ord"...)
		}
		return append(buf, "#num"...)
	}
	if acronym(w) && !strings.Contains(w, ".") {
		// "IS", "SDF", "NATO" keep their capitals: lower-cased, "IS"
		// would read as the verb
		return append(buf, w...)
	}
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		switch r {
		case '’', '‘', 'ʼ':
			buf = append(buf, '\'')
		default:
			buf = append(buf, w[i:i+n]...)
		}
		i += n
	}
	return buf
}

// Scratch holds buffers reused across calls (not shared between
// goroutines).
type Scratch struct {
	keys  []uint32
	forms []byte
	set   []uint32 // dedupe's table
}

// features appends the keys of toks' features to sc.keys and returns the
// signs. Training and run time both call it: this is the one definition
// of what the model sees.
func features(toks []Token, sc *Scratch) Signs {
	if len(toks) > maxTokens {
		toks = toks[:maxTokens]
	}
	sc.keys = append(sc.keys[:0], biasKey)
	sc.forms = sc.forms[:0]
	var (
		s                  Signs
		buf                [64]byte
		words, ents, nums  int
		inEnt, first       = false, true
		prevForm           = []byte("<s>")
		lastNum            = -10
		lastSome           = -10
		prevWord, prevPrev []byte // lower-cased words (nil after a number)
	)
	for i, t := range toks {
		switch t.Kind {
		case segment.Quote:
			first = true // a quotation starts with a capital
			inEnt = false
			continue
		case segment.Punct:
			inEnt = false
			switch t.Word {
			case "?":
				s.add(Question)
			case "!":
				s.add(Exclamation)
			}
			continue
		case segment.Symbol:
			inEnt = false
			switch t.Word {
			case "$", "€", "£", "¥", "₹":
				s.add(Quantity)
			case "%":
				s.add(Percentage)
			}
			continue
		}
		words++
		f := norm(buf[:0], t.Word, t.Kind)
		number := t.Kind == segment.Number || hasDigit(t.Word)
		var lw []byte // the lower-cased word, for the word lists
		if !number {
			lw = f
		}
		cls := classOf(lw)
		if number {
			switch string(f) {
			case "#year":
				s.add(Time)
			case "#pct":
				s.add(Percentage)
				s.add(Number)
			default:
				s.add(Number)
				nums++
				lastNum = i
			}
			if strings.ContainsAny(t.Word, "$€£") {
				s.add(Quantity)
			}
		} else if cls&cNumber != 0 {
			s.add(Number)
			nums++
			lastNum = i
		}
		if cls&cSome != 0 {
			lastSome = i
		}
		if cls&cUnit != 0 || (i-lastNum <= 3 && i != lastNum && cls&cPeriod == 0 && (t.Tag == tag.NNS || cls&cMeasure != 0)) || (cls&cMeasure != 0 && i-lastSome <= 3) {
			s.add(Quantity)
		}
		if cls&cPercent != 0 {
			s.add(Percentage)
		}
		if cls&cComparison != 0 || (is(lw, "of") && is(prevWord, "size")) || t.Tag == tag.JJS || t.Tag == tag.RBS {
			s.add(Comparison)
		}
		if t.Tag == tag.JJR || t.Tag == tag.RBR {
			s.add(Comparative) // "better", "more": as often opinion as fact
		}
		if cls&cCausal != 0 || (is(lw, "to") && (is(prevWord, "due") || is(prevWord, "led") || is(prevWord, "leads") || is(prevWord, "lead"))) ||
			(is(lw, "of") && is(prevWord, "because")) || (is(lw, "result") && is(prevWord, "a") && is(prevPrev, "as")) {
			s.add(Causal)
		}
		if cls&cTime != 0 || (cls&cPeriod != 0 && (is(prevWord, "last") || is(prevWord, "past") || is(prevWord, "next") || i-lastNum <= 2)) {
			s.add(Time)
		}
		if cls&cReport != 0 || (is(lw, "to") && is(prevWord, "according")) {
			s.add(Reported)
		}
		switch {
		case t.Tag == tag.VBD || t.Tag == tag.VBN:
			s.add(Past)
		case t.Tag == tag.VBZ || t.Tag == tag.VBP:
			s.add(Present)
		}
		if is(lw, "will") || is(lw, "'ll") || is(lw, "gonna") || (is(lw, "to") && is(prevWord, "going")) {
			s.add(Future)
		}
		switch cls & cPerson {
		case cFirstSing:
			s.add(FirstSingular)
		case cFirstPlural:
			s.add(FirstPlural)
		case cSecond:
			s.add(SecondPerson)
		}
		if t.Tag == tag.MD && !is(lw, "will") && !is(lw, "'ll") {
			s.add(Modal)
		}
		if cls&cOpinion != 0 {
			s.add(Opinion)
		}
		if cls&cNegation != 0 {
			s.add(Negation)
		}
		if entity(t, first, cls) {
			if !inEnt {
				ents++
				s.add(NamedEntity)
			}
			inEnt = true
		} else {
			inEnt = false
		}
		first = false

		// words and tags
		sc.keys = append(sc.keys, finish(hashBytes(hashByte(fnvOffset, fUnigram), f)))
		h := hashByte(fnvOffset, fBigram)
		h = hashBytes(h, prevForm)
		h = hashByte(h, ' ')
		sc.keys = append(sc.keys, finish(hashBytes(h, f)))
		// keep this word's form for the next bigram
		st := len(sc.forms)
		sc.forms = append(sc.forms, f...)
		prevForm = sc.forms[st:]
		prevPrev, prevWord = prevWord, nil
		if !number {
			prevWord = prevForm
		}
	}
	if words > 0 {
		h := hashByte(fnvOffset, fBigram)
		h = hashBytes(h, prevForm)
		h = hashByte(h, ' ')
		sc.keys = append(sc.keys, finish(hashBytes(h, []byte("</s>"))))
	}
	if ents > 1 {
		s.add(ManyEntities)
	}
	if nums > 1 {
		s.add(ManyNumbers)
	}
	for g := Sign(0); g < nSigns; g++ {
		if g != nReasons && s.Has(g) {
			sc.keys = append(sc.keys, signKey(g))
		}
	}
	return s
}

// entity reports a word that names someone or something: a proper noun,
// a capitalised word inside the sentence, an acronym.
func entity(t Token, first bool, cls class) bool {
	if t.Kind != segment.Word || t.Word == "I" {
		return false
	}
	if h := strings.IndexByte(t.Word, '-'); h > 0 && acronym(t.Word[:h]) {
		return true // "US-backed"
	}
	r, _ := utf8.DecodeRuneInString(t.Word)
	if r < 'A' || r > 'Z' {
		return false
	}
	if cls&(cTime|cNumber) != 0 {
		return false
	}
	if first {
		return acronym(t.Word) || t.Tag.IsProper()
	}
	return true
}

// is compares a lower-cased word with s without allocating.
func is(w []byte, s string) bool { return string(w) == s }

func acronym(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if (w[i] < 'A' || w[i] > 'Z') && w[i] != '.' {
			return false
		}
	}
	return true
}

func hasDigit(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= '0' && w[i] <= '9' {
			return true
		}
	}
	return false
}

func isYear(w string) bool {
	if len(w) != 4 || !(strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) {
		return false
	}
	for i := 0; i < 4; i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}
