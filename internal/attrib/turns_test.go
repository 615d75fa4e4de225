package attrib

import (
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/segment"
)

func TestTurns(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string // "source|content" of each turn
	}{
		{"interview", "JAKE TAPPER: Donald Trump released a video. Take a listen.\n\nTRUMP: It was sad.\n\nTAPPER: Do you think so?",
			[]string{"JAKE TAPPER|Donald Trump released a video. Take a listen.", "TRUMP|It was sad.", "TAPPER|Do you think so?"}},
		{"inside quotation marks", "\"WALLACE: Let's start with the news.\n\n\"PENCE: Well, look, it is serious.",
			[]string{"WALLACE|Let's start with the news.", "PENCE|Well, look, it is serious."}},
		{"one speaker is no transcript", "HUFFPOLLSTER: A shift among voters.\n\nHUFFPOLLSTER: Indiana votes.", nil},
		{"page furniture", "CORRECTION: An earlier version misspelled a name.\n\nUPDATE: The vote was moved.", nil},
		{"furniture beside a speaker", "CORRECTION: A name was misspelled.\n\nPENCE: We will win.", nil},
		{"not at a paragraph's start", "He said PENCE: no.\n\nThen WALLACE: yes.", nil},
		{"title case is a headline, not a turn", "Pence: We will win.\n\nWallace: Will you?", nil},
		{"empty turn", "PENCE:\n\nWALLACE: Will you?", []string{"WALLACE|Will you?"}},
	}
	for _, c := range cases {
		seg := segment.Split(c.text)
		var got []string
		for _, a := range Turns(seg) {
			if !a.Turn || a.Kind != Direct || seg.Text[a.Cue.Start:a.Cue.End] != ":" {
				t.Errorf("%s: turn %+v is not a direct turn cued by its colon", c.name, a)
			}
			got = append(got, seg.Text[a.Source.Start:a.Source.End]+"|"+seg.Text[a.Start():a.End()])
		}
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s: got\n%s\nwant\n%s", c.name, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
		}
	}
}

// A turn's speaker label is not also a headline's source ("PENCE: Well,
// look, …" is not the headline rule's), and what the speaker reports inside
// the turn is still attributed.
func TestTurnLabelsNotHeadlines(t *testing.T) {
	as, seg := find(t, "WALLACE: Will Flowers be there?\n\nPENCE: She will not attend, the campaign said.")
	for _, a := range as {
		if src := seg.Text[a.Source.Start:a.Source.End]; src == "PENCE" || src == "WALLACE" {
			t.Errorf("the rules took the label %q as a source", src)
		}
	}
	if len(as) != 1 || seg.Text[as[0].Source.Start:as[0].Source.End] != "the campaign" {
		t.Errorf("got %d attributions, want the campaign's", len(as))
	}
}
