// Package sources turns the linked source mentions of an article into its
// roster: one entry per speaker with a display name, a kind (person,
// organisation, group, anonymous) and its mentions, in order of first
// mention.
package sources

import (
	"strconv"
	"strings"

	"github.com/whosaid/whosaid/internal/coref"
)

// Kinds of source.
const (
	Person       = "person"
	Organisation = "organisation"
	Group        = "group"
	Anonymous    = "anonymous"
)

// Source is one speaker.
type Source struct {
	ID       string // "s1", "s2", …
	Name     string
	Kind     string
	Mentions []int // indices into the mentions given to Build
}

// anonymous heads: speakers the article does not name.
var anonymous = map[string]bool{"official": true, "officials": true, "source": true, "sources": true,
	"witness": true, "witnesses": true, "people": true, "person": true, "resident": true,
	"residents": true, "aide": true, "aides": true, "insider": true, "insiders": true,
	"someone": true, "observers": true, "diplomat": true, "diplomats": true, "spokesman": true,
	"spokeswoman": true, "spokesperson": true, "commander": true, "activists": true,
	"activist": true, "staffer": true, "staffers": true, "adviser": true, "advisers": true,
	"advisor": true, "advisors": true, "member": true, "members": true, "others": true,
	"some": true, "many": true, "critics": true, "supporters": true, "voters": true}

// Build makes the roster from coref's entities, which come in order of
// first mention.
func Build(ents []coref.Entity) []Source {
	out := make([]Source, 0, len(ents))
	for i, e := range ents {
		out = append(out, Source{ID: "s" + strconv.Itoa(i+1), Name: e.Name, Kind: Kind(e.Info),
			Mentions: e.Mentions})
	}
	return out
}

// Kind classifies a source from the mention its name came from.
func Kind(in coref.Info) string {
	switch {
	case in.Type == coref.Name && in.Org:
		return Organisation
	case in.Type == coref.Name:
		return Person
	case in.Type == coref.Pronoun && in.Plural:
		return Group
	case in.Type == coref.Pronoun && in.Org:
		return Organisation
	case in.Type == coref.Pronoun:
		return Person
	}
	named := false
	for i, w := range in.Core {
		if i > 0 && w != "" && strings.ToUpper(w[:1]) == w[:1] && strings.ToLower(w) != w {
			named = true
		}
	}
	if anonymous[in.Head] && !named {
		return Anonymous
	}
	if in.Org {
		return Organisation
	}
	if in.Plural {
		return Group
	}
	return Person
}
