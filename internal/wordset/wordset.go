// Package wordset builds the engine's fixed word lists from one string
// each. In Go's wasm a list written as literals (a variadic call, a map
// literal, a switch's cases) compiles to code for every word: 40 bytes
// to store each string of a call's list, 150 for each entry of a small
// map literal, 90 for each case of a switch, plus the pc tables of all
// that code. A list in one string costs its bytes and one call.
package wordset

import "strings"

// Of returns the set of the words of list, which white space separates.
func Of(list string) map[string]bool {
	ws := strings.Fields(list)
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// Phrases returns the set of the items of list, which "|" separates, for
// lists whose items hold spaces ("associated press").
func Phrases(list string) map[string]bool {
	items := strings.Split(list, "|")
	m := make(map[string]bool, len(items))
	for _, it := range items {
		m[it] = true
	}
	return m
}

// Pairs returns the map of list's words taken two by two, key then
// value, which white space separates; an odd word out is dropped.
func Pairs(list string) map[string]string {
	ws := strings.Fields(list)
	m := make(map[string]string, len(ws)/2)
	for i := 0; i+1 < len(ws); i += 2 {
		m[ws[i]] = ws[i+1]
	}
	return m
}
