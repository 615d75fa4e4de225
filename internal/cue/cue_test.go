package cue

import (
	"strings"
	"testing"
)

func TestVerb(t *testing.T) {
	l := Default()
	for _, c := range []struct {
		w     string
		class Class
	}{{"said", Speech}, {"says", Speech}, {"saying", Speech}, {"told", Tell}, {"tells", Tell},
		{"warned", Tell}, {"denies", Speech}, {"quipped", Speech}, {"argued", Speech},
		{"thinks", Belief}, {"asked", Ask}, {"tweeted", Speech}, {"acknowledging", Speech}} {
		f, ok := l.Verb(c.w)
		if !ok || f.Class != c.class {
			t.Errorf("%s: %v %v, want class %v", c.w, f, ok, c.class)
		}
	}
	for _, w := range []string{"table", "the", "run"} {
		if _, ok := l.Verb(w); ok {
			t.Errorf("%s is no cue", w)
		}
	}
	if !l.Noun("warnings") {
		t.Error("warnings is a nominal cue")
	}
}

func TestWordClass(t *testing.T) {
	l := Default()
	for _, c := range []struct {
		word string
		want Class
	}{
		{"said", Speech}, {"Said", Speech}, {"TOLD", Tell}, {"believes", Belief},
		{"criticized", Stance}, {"support", Stance}, {"opposition", Noun}, {"concerns", Noun},
		{"chastised", Related}, {"grumbling", Speech}, {"scolds", Related}, {"table", None},
		{"", None}, {"Écrit", None}, {strings.Repeat("a", 40), None},
	} {
		if got := l.WordClass(c.word); got != c.want {
			t.Errorf("WordClass(%q) = %d, want %d", c.word, got, c.want)
		}
	}
	// WordClass lower-cases into a fixed buffer: every word must fit it.
	for w := range l.classes {
		if len(w) > 24 {
			t.Errorf("%q is longer than WordClass's buffer", w)
		}
	}
}

func TestWordClassDoesNotAllocate(t *testing.T) {
	l := Default()
	if n := testing.AllocsPerRun(100, func() { l.WordClass("Chastised") }); n != 0 {
		t.Errorf("WordClass allocates %v times a call", n)
	}
}
