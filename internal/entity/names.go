package entity

import (
	_ "embed"
	"strings"
	"sync"
)

// names.txt is written by build/names from the Moby Word II first-name
// lists (public domain): sections "=f", "=m" and "=u" (in both lists).
//
//go:embed names.txt
var namesTxt string

// Names tells a first name's gender.
type Names struct {
	g map[string]byte // lower-cased first name → genderF, genderM or 'u'
}

// DefaultNames returns the embedded table, parsed once per process.
var DefaultNames = sync.OnceValue(func() *Names { return ParseNames(namesTxt) })

// ParseNames reads a table in the format build/names writes.
func ParseNames(s string) *Names {
	n := &Names{g: make(map[string]byte, 9000)}
	var cur byte
	for line := range strings.SplitSeq(s, "\n") {
		switch {
		case line == "":
		case line == "=f":
			cur = genderF
		case line == "=m":
			cur = genderM
		case line == "=u":
			cur = 'u'
		case cur != 0:
			n.g[line] = cur
		}
	}
	return n
}

// Gender is genderF or genderM for a first name the lists give one
// gender, genderNone otherwise.
func (n *Names) Gender(first string) byte {
	if n == nil {
		return genderNone
	}
	switch g := n.g[strings.ToLower(first)]; g {
	case genderF, genderM:
		return g
	}
	return genderNone
}

// Known reports whether the word is a first name in either list.
func (n *Names) Known(first string) bool {
	if n == nil {
		return false
	}
	_, ok := n.g[strings.ToLower(first)]
	return ok
}
