// Package coref links the source mentions of an article into entities:
// pronouns ("he", "they") to the nearest fitting earlier source, and short
// names ("Clinton", "Mr Abdel-Rahman") to the fullest earlier mention of
// the same name. Look-backs are bounded windows, so the cost stays linear
// in the length of the article.
package coref

import (
	"strings"

	"github.com/whosaid/whosaid/internal/wordshape"

	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
)

// Mention is a source mention: a token range [First, Last) of the segment.
type Mention struct {
	First, Last int
	// RefFirst, RefLast is the noun phrase a relative pronoun ("who")
	// stands for, read instead of the mention when set.
	RefFirst, RefLast int
}

// Type is what a mention is made of.
type Type uint8

const (
	Name    Type = iota // "Hillary Clinton", "Mr Abdel-Rahman", "IS"
	Nominal             // "the minister", "USA military and security experts"
	Pronoun             // "he", "they"
)

// Info is what coref reads from one mention.
type Info struct {
	Type Type
	// Core is the mention without appositive, leading determiner and
	// honorific: the words a display name is made of.
	Core []string
	// Head is the lower-cased last word of Core.
	Head   string
	Plural bool
	Org    bool // an organisation's name or acronym
	Person bool // a person's name, an honorific or a personal pronoun/role
}

// Entity is a group of mentions of one speaker.
type Entity struct {
	Mentions []int  // indices into the mentions, in order
	Name     string // the fullest name found for it
	Info     Info   // of the mention the name was taken from
}

// window is how many earlier entities a pronoun or short name looks back at.
const window = 12

var honorifics = map[string]bool{"mr": true, "mr.": true, "mrs": true, "mrs.": true, "ms": true,
	"ms.": true, "dr": true, "dr.": true, "sen.": true, "sen": true, "rep.": true, "gov.": true,
	"sir": true, "dame": true, "lord": true, "miss": true, "prof.": true, "professor": true,
	"senator": true, "president": true, "governor": true, "gen.": true, "general": true,
	"rev.": true, "mayor": true, "judge": true, "justice": true, "secretary": true,
	"minister": true, "chancellor": true, "ambassador": true, "congressman": true,
	"congresswoman": true, "speaker": true, "leader": true, "chairman": true, "pope": true,
	"king": true, "queen": true, "prince": true, "princess": true, "former": true, "gop": true,
	"democratic": true, "republican": true, "candidate": true, "nominee": true}

var determiners = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true,
	"these": true, "those": true}

var orgWords = map[string]bool{"observatory": true, "ministry": true, "department": true,
	"agency": true, "forces": true, "party": true, "council": true, "committee": true,
	"commission": true, "times": true, "news": true, "post": true, "institute": true,
	"university": true, "association": true, "group": true, "bank": true, "corporation": true,
	"inc": true, "inc.": true, "company": true, "campaign": true, "administration": true,
	"government": true, "court": true, "house": true, "office": true, "army": true,
	"police": true, "foundation": true, "center": true, "centre": true, "network": true,
	"journal": true, "press": true, "reuters": true, "cnn": true, "fbi": true, "state": true,
	"union": true, "organisation": true, "organization": true, "coalition": true, "senate": true,
	"congress": true, "board": true, "service": true, "bureau": true, "magazine": true,
	"tribune": true, "herald": true, "report": true, "fund": true, "alliance": true,
	"command": true, "pentagon": true, "kremlin": true, "statement": true, "poll": true,
	"survey": true, "study": true, "team": true, "club": true, "league": true, "school": true,
	"college": true, "hospital": true, "church": true, "ap": true, "afp": true, "npr": true,
	"nbc": true, "cbs": true, "abc": true, "fox": true, "msnbc": true, "gallup": true}

var personPronouns = map[string]bool{"he": true, "she": true, "him": true, "her": true, "i": true}
var pluralPronouns = map[string]bool{"they": true, "we": true, "them": true}
var allPronouns = map[string]bool{"he": true, "she": true, "him": true, "her": true, "i": true,
	"they": true, "we": true, "them": true, "it": true, "you": true, "who": true}

// Analyse reads one mention.
func Analyse(seg *segment.Doc, tags []tag.Tag, m Mention) Info {
	var in Info
	if m.RefLast > m.RefFirst {
		m.First, m.Last = m.RefFirst, m.RefLast
	}
	if m.First < 0 || m.Last > len(seg.Tokens) || m.First >= m.Last {
		return in
	}
	ws := make([]string, 0, m.Last-m.First)
	for k := m.First; k < m.Last; k++ {
		w := seg.Word(k)
		if w == "," || w == "(" || w == "—" || w == "–" { // appositive or aside
			break
		}
		ws = append(ws, w)
	}
	if len(ws) == 1 && allPronouns[strings.ToLower(ws[0])] {
		lw := strings.ToLower(ws[0])
		in.Type, in.Core, in.Head = Pronoun, ws, lw
		in.Person = personPronouns[lw]
		in.Plural = pluralPronouns[lw]
		in.Org = lw == "it"
		return in
	}
	for len(ws) > 1 && (determiners[strings.ToLower(ws[0])] && wordshape.Capitalised(ws[1]) ||
		strings.ToLower(ws[0]) == "a" || strings.ToLower(ws[0]) == "an") {
		ws = ws[1:]
	}
	for len(ws) > 1 && honorifics[strings.ToLower(ws[0])] && wordshape.Capitalised(ws[1]) {
		in.Person = true
		ws = ws[1:]
	}
	// possessive: "Clinton's" names Clinton
	if n := len(ws); n > 0 {
		w := ws[n-1]
		for _, suf := range []string{"'s", "’s"} {
			if strings.HasSuffix(w, suf) && len(w) > len(suf) {
				ws[n-1] = w[:len(w)-len(suf)]
			}
		}
		if ws[n-1] == "'s" || ws[n-1] == "’s" {
			ws = ws[:n-1]
		}
	}
	if len(ws) == 0 {
		return in
	}
	in.Core = ws
	in.Head = strings.ToLower(ws[len(ws)-1])
	names := 0
	for i, w := range ws {
		lw := strings.ToLower(w)
		if wordshape.Capitalised(w) && !(i == 0 && determiners[lw]) {
			names++
		}
		if orgWords[lw] || wordshape.Acronym(w) {
			in.Org = true
		}
	}
	if names == len(ws) {
		in.Type = Name
		if !in.Org && len(ws) <= 4 {
			in.Person = true
		}
	} else {
		in.Type = Nominal
		last := m.First + len(ws) - 1
		for k := m.First; k < m.Last && k <= last; k++ {
			if seg.Word(k) == ws[len(ws)-1] && (tags[k] == tag.NNS || tags[k] == tag.NNPS) {
				in.Plural = true
			}
		}
		if strings.HasSuffix(in.Head, "s") && !strings.HasSuffix(in.Head, "ss") {
			in.Plural = true
		}
		if !in.Plural && !in.Org {
			in.Person = true // "the minister", "an SDF field commander"
		}
	}
	return in
}

// Resolve groups the mentions, given in text order, into entities, in
// order of first mention.
func Resolve(seg *segment.Doc, tags []tag.Tag, ms []Mention) []Entity {
	var ents []Entity
	infos := make([]Info, len(ms))
	nameOf := map[string]int{} // lower-cased name key → entity
	runs := newRuns(seg)
	var recent []int // entities in order of last mention, most recent last
	touch := func(e int) {
		for i, r := range recent {
			if r == e {
				recent = append(recent[:i], recent[i+1:]...)
				break
			}
		}
		recent = append(recent, e)
		if len(recent) > window {
			recent = recent[1:]
		}
	}
	for mi, m := range ms {
		in := Analyse(seg, tags, m)
		infos[mi] = in
		e := -1
		switch in.Type {
		case Pronoun:
			for i := len(recent) - 1; i >= 0; i-- {
				ei := ents[recent[i]].Info
				if ei.Type == Pronoun {
					continue
				}
				if in.Person && ei.Person || in.Plural && (ei.Plural || ei.Org) || in.Org && ei.Org {
					e = recent[i]
					break
				}
			}
			if e < 0 && in.Person {
				// the nearest full name before it, source or not
				if full, ok := runs.before(int(seg.Tokens[m.First].Start)); ok {
					key := strings.ToLower(full)
					if x, ok := nameOf[key]; ok {
						e = x
					} else {
						ents = append(ents, Entity{Name: full, Info: Info{Type: Name, Person: true, Core: strings.Fields(full)}})
						e = len(ents) - 1
						nameOf[key] = e
						nameOf[lastWord(key)] = e
					}
				}
			}
			if e < 0 {
				key := "pronoun:" + in.Head
				if x, ok := nameOf[key]; ok {
					e = x
				} else {
					ents = append(ents, Entity{Name: strings.Join(in.Core, " "), Info: in})
					e = len(ents) - 1
					nameOf[key] = e
				}
			}
		case Name:
			full := strings.Join(in.Core, " ")
			key := strings.ToLower(full)
			if x, ok := nameOf[key]; ok {
				e = x
			} else if len(in.Core) > 0 { // a name of titles or marks alone has no last word
				if x, ok := nameOf[strings.ToLower(in.Core[len(in.Core)-1])]; ok && in.Person && ents[x].Info.Person {
					e = x // "Clinton" after "Hillary Clinton"
				}
			}
			if e < 0 {
				name := full
				if len(in.Core) == 1 && !in.Org {
					if r, ok := runs.ending(in.Head, int(seg.Tokens[m.First].Start)); ok {
						name = r // "Clinton" → "Hillary Clinton", said earlier
					}
				}
				ents = append(ents, Entity{Name: name, Info: in})
				e = len(ents) - 1
			}
			nameOf[key] = e
			nameOf[strings.ToLower(lastWord(ents[e].Name))] = e
			nameOf[strings.ToLower(ents[e].Name)] = e
		default:
			key := "nominal:" + strings.ToLower(strings.Join(in.Core, " "))
			if x, ok := nameOf[key]; ok {
				e = x
			} else {
				ents = append(ents, Entity{Name: strings.Join(in.Core, " "), Info: in})
				e = len(ents) - 1
				nameOf[key] = e
			}
		}
		ent := &ents[e]
		ent.Mentions = append(ent.Mentions, mi)
		// the fullest name wins: more words, and a name over a pronoun
		if in.Type != Pronoun && (ent.Info.Type == Pronoun || in.Type == Name && ent.Info.Type == Name && len(in.Core) > len(strings.Fields(ent.Name))) {
			ent.Name, ent.Info = strings.Join(in.Core, " "), in
		}
		touch(e)
	}
	return ents
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}
