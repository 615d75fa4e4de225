package engine

import (
	"slices"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/cue"
)

// TestWithoutInner: a claim inside another's content goes when its
// source is there too, unless it reports speech, quotes its speaker, sits
// in a quotation or follows a clause of the writer's; every other claim
// stays, in order.
func TestWithoutInner(t *testing.T) {
	cases := []struct {
		name   string
		text   string
		claims []claim
		want   []string // the contents kept
	}{
		{"an action inside a reported clause",
			"Reports said that the billionaire wants a ban on Muslims.",
			[]claim{{"said", "that the billionaire wants a ban on Muslims", "Reports"}, {"wants", "a ban on Muslims", "the billionaire"}},
			[]string{"that the billionaire wants a ban on Muslims"}},
		{"listed inner first",
			"Reports said that the billionaire wants a ban on Muslims.",
			[]claim{{"wants", "a ban on Muslims", "the billionaire"}, {"said", "that the billionaire wants a ban on Muslims", "Reports"}},
			[]string{"that the billionaire wants a ban on Muslims"}},
		{"a statement inside",
			"The mayor said turnout fell sharply, according to the county clerk.",
			[]claim{{"according to", "The mayor said turnout fell sharply", "the county clerk"}, {"said", "turnout fell sharply", "The mayor"}},
			[]string{"The mayor said turnout fell sharply", "turnout fell sharply"}},
		{"a stance inside",
			"Aides said the governor backs the plan.",
			[]claim{{"said", "the governor backs the plan", "Aides"}, {"backs", "the plan", "the governor"}},
			[]string{"the governor backs the plan"}},
		{"a noun that quotes its speaker",
			"Politifact ruled that Trump's focus on “thousands of shootings” was wrong.",
			[]claim{{"ruled", "that Trump's focus on “thousands of shootings” was wrong", "Politifact"}, {"focus on", "“thousands of shootings”", "Trump's"}},
			[]string{"that Trump's focus on “thousands of shootings” was wrong", "“thousands of shootings”"}},
		{"inside a quotation",
			"“The senator wants a wall,” she said.",
			[]claim{{"said", "“The senator wants a wall,”", "she"}, {"wants", "a wall", "The senator"}},
			[]string{"“The senator wants a wall,”", "a wall"}},
		{"after a clause of the writer's",
			"She said the plan failed after critics called it a disaster.",
			[]claim{{"said", "the plan failed after critics called it a disaster", "She"}, {"called", "it a disaster", "critics"}},
			[]string{"the plan failed after critics called it a disaster", "it a disaster"}},
		{"a source outside",
			"Smith argued that the plan would fail, and warned that taxes would rise.",
			[]claim{{"argued", "that the plan would fail, and warned that taxes would rise", "Smith"}, {"warned", "that taxes would rise", "Smith"}},
			[]string{"that the plan would fail, and warned that taxes would rise", "that taxes would rise"}},
		{"the same span twice",
			"Officials said the vote was delayed.",
			[]claim{{"said", "the vote was delayed", "Officials"}, {"said", "the vote was delayed", "Officials"}},
			[]string{"the vote was delayed", "the vote was delayed"}},
		{"no claims", "Nothing here.", nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			seg, _ := tagged(t, c.text)
			var got []string
			for _, a := range withoutInner(attsOf(t, seg, c.claims), seg, cue.Default()) {
				got = append(got, partsOf(c.text, a.Content))
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("kept\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(c.want, "\n  "))
			}
		})
	}
}
