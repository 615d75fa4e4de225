// Package cue knows the words that introduce reported speech and thought:
// reporting verbs in all their inflections, the verbs that take the hearer
// as an object ("told AFP"), prepositional cues ("according to") and nominal
// cues ("warnings from experts that …"). The lexicon was drawn from the cue
// spans of the PolNeAR training annotations, keeping the verbs whose
// complement is a clause or a quotation. WordClass also knows verbs of
// communication, judgment and thought from VerbNet (related.txt) and more
// nominal cues, which only the trained model reads.
package cue

import (
	_ "embed"
	"strings"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/wordset"
)

// Class is how a cue verb takes its content.
type Class uint8

const (
	None   Class = iota
	Speech       // say, add, claim: content follows the verb
	Tell         // tell, warn, assure: the hearer comes first ("told AFP that …")
	Belief       // think, believe: attribution of thought, weaker evidence
	Ask          // ask: questions
	Stance       // support, oppose, call for: the content is the object
	// The classes below are WordClass's only: the rules do not act on them.
	Noun    // a noun that carries someone's speech or view ("support for", "concerns about")
	Related // a verb of communication, judgment or thought (related.txt)
)

// Form is one inflected form of a cue verb.
type Form struct {
	Class Class
	// Past is true for forms that can be a passive participle ("was
	// told"), so the caller can reject passives.
	Participle bool
	// Bare is true for base forms (say, tell), which are also
	// imperatives and infinitives.
	Bare bool
	// Gerund is true for -ing forms ("saying").
	Gerund bool
	// Weak verbs have other senses too ("found the body", "showed up"):
	// they count only before "that" or a quotation.
	Weak bool
}

// Lexicon maps a lower-cased word to its cue form.
type Lexicon struct {
	forms map[string]Form
	nouns map[string]bool
	// classes is WordClass's answer for every word it knows.
	classes map[string]Class
}

// speech verbs: base form, and irregular forms as "base:past:participle".
var speech = []string{
	"say:said:said", "add", "write:wrote:written", "note", "report", "announce", "suggest",
	"argue", "explain", "insist", "acknowledge", "admit", "confirm", "tweet", "declare",
	"claim", "deny", "state", "stress", "reveal", "recall", "predict", "conclude", "agree",
	"charge", "complain", "contend", "assert", "maintain", "observe", "remark", "testify",
	"emphasize", "emphasise", "allege", "boast", "concede", "counter", "vow", "pledge",
	"speculate", "joke", "quip", "caution", "lament", "retort", "respond", "reply",
	"continue", "estimate", "indicate", "mention", "promise", "propose",
	"recommend", "reiterate", "repeat", "point out", "warn", "write back", "wonder",
	"declare", "proclaim", "announce", "disclose", "affirm", "hint", "signal", "tell:told:told",
	"answer", "shout", "scream", "chant", "cry:cried:cried", "exclaim", "whisper", "sigh",
	"muse", "grumble", "gush", "fume", "rail", "snap:snapped:snapped", "demand", "urge",
	"concur", "object", "protest", "specify", "clarify", "elaborate", "opine", "posit",
	"theorize", "hypothesize", "surmise", "guess", "figure", "calculate", "project",
	"forecast:forecast:forecast", "find:found:found", "show:showed:shown", "conclude",
	"inform", "assure", "remind", "advise", "notify", "convince", "persuade", "brief",
	"ask", "inquire", "query", "question",
	"think:thought:thought", "believe", "feel:felt:felt", "know:knew:known", "fear", "hope",
	"expect", "worry:worried:worried", "suspect", "doubt", "assume", "understand:understood:understood",
	"reckon", "read:read:read", "bark", "interrupt", "laugh", "quote", "acknowledge", "recognize", "recognise", "realize", "realise", "trust",
}

var tell = wordset.Of("tell warn inform assure remind advise notify convince persuade brief promise ask " +
	"urge")

var belief = wordset.Of("think believe feel know fear hope expect worry suspect doubt assume understand " +
	"reckon realize realise recognize recognise trust wonder guess figure")

var weak = wordset.Of("find show continue figure project calculate object understand recognize " +
	"recognise realize realise feel hope expect know trust guess answer post brief " +
	"question query signal counter maintain observe state report rail repeat doubt " +
	"fear worry remind promise urge demand read bark interrupt laugh quote protest " +
	"advise convince persuade chant shout scream cry declare reveal predict estimate " +
	"indicate mention propose recommend hint specify agree charge deny snap gush fume")

var askVerbs = wordset.Of("ask inquire query question wonder")

// stance verbs: PolNeAR attributes their objects to the subject
// ("Trump called for a special prosecutor").
var stance = []string{"call", "criticize", "criticise", "endorse", "accuse", "want", "urge",
	"defend", "support", "propose", "praise", "refuse", "seek:sought:sought", "oppose",
	"denounce", "reject", "dismiss", "blame", "back", "condemn", "slam:slammed:slammed",
	"blast", "mock", "pledge", "vow", "question", "challenge", "welcome", "cite", "describe",
	"decry", "applaud", "tout", "champion", "push", "demand", "favor", "favour", "threaten",
	"plan", "intend", "hope", "lambast", "rip:ripped:ripped", "knock", "fault", "chide",
	"berate", "disparage", "ridicule", "label", "brand", "dub:dubbed:dubbed", "decline",
	"recommend", "advocate", "hail", "thank", "congratulate", "apologize", "apologise",
	"promise", "prefer:preferred:preferred", "embrace", "tweet"}

// nouns that carry someone's speech: "warnings from X that …".
var nouns = []string{"warning", "warnings", "claim", "claims", "statement", "statements",
	"assertion", "assertions", "allegation", "allegations", "suggestion", "suggestions",
	"report", "reports", "fears", "fear", "concern", "concerns", "argument", "arguments",
	"insistence", "admission", "acknowledgment", "acknowledgement", "assurance", "assurances",
	"promise", "promises", "prediction", "predictions", "accusation", "accusations",
	"belief", "view", "message", "comments", "comment", "remarks", "remark", "announcement",
	"insinuation", "charge", "charges", "contention", "estimate", "estimates"}

// relatedNouns are nouns that carry someone's speech, view or stance in
// PolNeAR's broad sense ("his support for", "opposition to", "questions
// about"), beyond the rules' nouns (nouns): WordClass's Noun, with them.
var relatedNouns = `support opposition criticism criticisms attack attacks question
questions complaint complaints demand demands call calls plea pleas
appeal appeals threat threats pledge pledges vow vows views opinion
opinions beliefs position stance endorsement endorsements praise
condemnation denunciation rebuke response responses reply answer answers
testimony speech speeches interview interviews tweet tweets letter memo
study survey poll analysis findings projection projections forecast
proposal proposals plan plans idea ideas recommendation recommendations
request requests denial denials hope hopes worry worries doubt doubts
objection objections protest protests rhetoric reaction reactions
verdict assessment judgment judgement critique critiques suspicion
suspicions`

//go:embed related.txt
var relatedVerbs string

// Default builds the lexicon.
func Default() *Lexicon {
	l := &Lexicon{forms: make(map[string]Form, 1024), nouns: make(map[string]bool, len(nouns))}
	for _, n := range nouns {
		l.nouns[n] = true
	}
	for _, e := range stance {
		l.addVerb(e, Stance, false)
	}
	for _, e := range speech {
		base := strings.Split(e, ":")[0]
		c := Speech
		switch {
		case askVerbs[base]:
			c = Ask
		case tell[base]:
			c = Tell
		case belief[base]:
			c = Belief
		}
		l.addVerb(e, c, weak[base])
	}
	l.classes = make(map[string]Class, 4096)
	for _, line := range strings.Split(relatedVerbs, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, b := range strings.Fields(line) {
			for _, f := range [...]string{b, thirdPerson(b), regularPast(b), gerund(b)} {
				l.classes[f] = Related
			}
		}
	}
	for _, n := range strings.Fields(relatedNouns) {
		l.classes[n] = Noun
	}
	for n := range l.nouns {
		l.classes[n] = Noun
	}
	for w, f := range l.forms {
		l.classes[w] = f.Class
	}
	return l
}

// WordClass classes a word, in any case, for the model's features: a cue
// verb's class, Noun, Related, or None. It lower-cases an ASCII word on
// the stack: the model asks for every token of an article.
func (l *Lexicon) WordClass(w string) Class {
	var buf [24]byte
	if len(w) > len(buf) {
		return None // longer than any word the lexicon holds
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return l.classes[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return l.classes[string(buf[:len(w)])]
}

// addVerb adds every form of a verb given as "base" or
// "base:past:participle". Later entries override earlier ones.
func (l *Lexicon) addVerb(e string, c Class, w bool) {
	parts := strings.Split(e, ":")
	base := parts[0]
	if strings.Contains(base, " ") { // phrasal verbs are matched by their verb
		return
	}
	past, part := regularPast(base), regularPast(base)
	if len(parts) == 3 {
		past, part = parts[1], parts[2]
	}
	l.add(base, Form{Class: c, Bare: true, Weak: w})
	l.add(thirdPerson(base), Form{Class: c, Weak: w})
	l.add(gerund(base), Form{Class: c, Gerund: true, Weak: w})
	l.add(past, Form{Class: c, Participle: past == part, Weak: w})
	if part != past {
		l.add(part, Form{Class: c, Participle: true, Weak: w})
	}
}

func (l *Lexicon) add(w string, f Form) {
	l.forms[w] = f
}

// Verb returns the cue form of a lower-cased word.
func (l *Lexicon) Verb(lower string) (Form, bool) {
	f, ok := l.forms[lower]
	return f, ok
}

// Noun reports whether a lower-cased word is a nominal cue.
func (l *Lexicon) Noun(lower string) bool { return l.nouns[lower] }

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

func thirdPerson(b string) string {
	switch {
	case strings.HasSuffix(b, "s"), strings.HasSuffix(b, "sh"), strings.HasSuffix(b, "ch"),
		strings.HasSuffix(b, "x"), strings.HasSuffix(b, "z"), strings.HasSuffix(b, "o"):
		return b + "es"
	case strings.HasSuffix(b, "y") && len(b) > 1 && !isVowel(b[len(b)-2]):
		return b[:len(b)-1] + "ies"
	}
	return b + "s"
}

func regularPast(b string) string {
	switch {
	case strings.HasSuffix(b, "e"):
		return b + "d"
	case strings.HasSuffix(b, "y") && len(b) > 1 && !isVowel(b[len(b)-2]):
		return b[:len(b)-1] + "ied"
	case doubles(b):
		return b + b[len(b)-1:] + "ed"
	}
	return b + "ed"
}

func gerund(b string) string {
	switch {
	case strings.HasSuffix(b, "ee"):
		return b + "ing"
	case strings.HasSuffix(b, "e") && len(b) > 2:
		return b[:len(b)-1] + "ing"
	case doubles(b):
		return b + b[len(b)-1:] + "ing"
	}
	return b + "ing"
}

// doubles is the consonant doubling of short stressed verbs (quip → quipped).
func doubles(b string) bool {
	switch b {
	case "quip", "snap", "admit", "commit", "refer", "concur", "prefer", "regret", "abet":
		return true
	}
	return false
}
