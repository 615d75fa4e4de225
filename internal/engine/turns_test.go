package engine

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// TestTurns: a transcript's turns are their speakers' direct speech, what
// a speaker reports inside a turn is still attributed, and the speaker
// labels name people, the same people the article names in lower case.
func TestTurns(t *testing.T) {
	text := "Donald Trump spoke to CNN on Sunday.\n\n" +
		"JAKE TAPPER: Donald Trump released a video on Friday. Take a listen.\n\n" +
		"TRUMP: The deaths were very sad, the police chief said.\n\n" +
		"TAPPER: Do you think so?"
	res, err := newEngine(t).Extract(context.Background(), Input{Text: text}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Donald Trump released a video on Friday. Take a listen. | JAKE TAPPER | : | direct",
		"The deaths were very sad, the police chief said. | TRUMP | : | direct",
		"The deaths were very sad | the police chief | said | indirect",
		"Do you think so? | TAPPER | : | direct",
	}
	var got []string
	kinds := map[string]string{}
	for _, s := range res.Sources {
		kinds[s.ID] = s.Name + " (" + s.Kind + ")"
	}
	var speakers []string
	for _, cl := range res.Claims {
		a := cl.Attribution
		if a == nil || a.Source == nil {
			continue
		}
		got = append(got, cl.Text+" | "+a.Source.Text+" | "+a.Cue.Text+" | "+a.Kind)
		if a.Cue.Text == ":" {
			speakers = append(speakers, kinds[a.SourceID])
		}
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("no attribution %q; got:\n%s", w, strings.Join(got, "\n"))
		}
	}
	wantSpeakers := []string{"JAKE TAPPER (person)", "Donald Trump (person)", "JAKE TAPPER (person)"}
	if !slices.Equal(speakers, wantSpeakers) {
		t.Errorf("speakers %q, want %q", speakers, wantSpeakers)
	}
}
