// Package tag assigns Penn Treebank part-of-speech tags to tokens with a
// compact averaged-perceptron model derived from prose's English tagger
// (see build/tagger), without importing prose.
package tag

// Tag is a part-of-speech tag.
type Tag uint8

// The tag set of prose's English model (Penn Treebank, OntoNotes flavour).
const (
	Unknown Tag = iota
	CC
	CD
	DT
	EX
	FW
	IN
	JJ
	JJR
	JJS
	LS
	MD
	NN
	NNP
	NNPS
	NNS
	PDT
	POS
	PRP
	PRPS // PRP$
	RB
	RBR
	RBS
	RP
	SYM
	TO
	UH
	VB
	VBD
	VBG
	VBN
	VBP
	VBZ
	WDT
	WP
	WPS // WP$
	WRB
	Comma      // ,
	Period     // .
	Colon      // :
	OpenQuote  // ``
	CloseQuote // ''
	LRB        // -LRB- / (
	RRB        // -RRB- / )
	Hash       // #
	Dollar     // $
	NFP
	HYPH
	ADD
	AFX
	XX
	GW
	Dash // -: prose's tag for a lone hyphen
	None // -NONE-: prose's tag for "0", "*" and other treebank traces
	numTags
)

var names = [numTags]string{"?", "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD",
	"NN", "NNP", "NNPS", "NNS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO",
	"UH", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB", ",", ".", ":", "``",
	"''", "-LRB-", "-RRB-", "#", "$", "NFP", "HYPH", "ADD", "AFX", "XX", "GW", "-", "-NONE-"}

func (t Tag) String() string {
	if t < numTags {
		return names[t]
	}
	return "?"
}

// Parse returns the tag named s, or Unknown.
func Parse(s string) Tag {
	switch s {
	case "(":
		return LRB
	case ")":
		return RRB
	}
	for i, n := range names {
		if n == s {
			return Tag(i)
		}
	}
	return Unknown
}

// IsNoun reports NN, NNS, NNP, NNPS.
func (t Tag) IsNoun() bool { return t == NN || t == NNS || t == NNP || t == NNPS }

// IsVerb reports VB, VBD, VBG, VBN, VBP, VBZ.
func (t Tag) IsVerb() bool { return t >= VB && t <= VBZ }

// IsVerbOrModal reports a verb's tag, finite or not, or MD ("will"):
// any word that can head a clause's verb phrase.
func (t Tag) IsVerbOrModal() bool { return t.IsVerb() || t == MD }

// IsFinite reports the tags of a verb that can follow its subject: VBD,
// VBZ, VBP ("said", "says", "say") and MD ("will").
func (t Tag) IsFinite() bool { return t == VBD || t == VBZ || t == VBP || t == MD }

// IsProper reports NNP, NNPS.
func (t Tag) IsProper() bool { return t == NNP || t == NNPS }
