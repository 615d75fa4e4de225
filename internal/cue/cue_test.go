package cue

import "testing"

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
