package attrib

import (
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/cue"
	"github.com/whosaid/whosaid/internal/quote"
	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
)

func find(t testing.TB, s string) ([]Attribution, *segment.Doc) {
	seg := segment.Split(s)
	m, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	words := make([]string, len(seg.Tokens))
	for i := range words {
		words[i] = seg.Word(i)
	}
	tags := make([]tag.Tag, len(words))
	m.Tag(words, tags)
	return New(cue.Default()).Find(seg, tags, quote.Find(seg)), seg
}

func TestFind(t *testing.T) {
	cases := []struct {
		text                 string
		content, source, cue string
		kind                 Kind
	}{
		{`"We will win," Bali said.`, `"We will win,"`, "Bali", "said", Direct},
		{`"We will win", said the minister.`, `"We will win"`, "the minister", "said", Direct},
		{`An SDF field commander told AFP: "There are heavy clashes at the moment".`, `"There are heavy clashes at the moment"`, "An SDF field commander", "told", Direct},
		{`The Observatory, a UK-based war monitor, said the alliance had pressed forward.`, "the alliance had pressed forward", "The Observatory, a UK-based war monitor", "said", Indirect},
		{`They could rebound quickly, the officials say.`, "They could rebound quickly", "the officials", "say", Indirect},
		{`IS said in a statement that two fighters attacked the base.`, "that two fighters attacked the base", "IS", "said", Indirect},
		{`According to the police, the man fled the scene.`, "the man fled the scene", "the police", "According to", Indirect},
		{`He said the plan was "dead on arrival and will never pass, ever" in Congress.`, `the plan was "dead on arrival and will never pass, ever" in Congress`, "He", "said", Mixed},
		{"Asked about the budget, Senator Ana Ruiz continued:\n\n\"We cannot cut the schools again. Not this year.\"", `"We cannot cut the schools again. Not this year."`, "Senator Ana Ruiz", "continued", Direct},
		{`She said the closure was "painful but unavoidable".`, `the closure was "painful but unavoidable"`, "She", "said", Mixed},
		{`IS said that two of its "martyrdom-seekers" attacked SDF fighters.`, `that two of its "martyrdom-seekers" attacked SDF fighters`, "IS", "said", Mixed},
		{"Ann asked the town.\n\n“Rents will fall next year.” ― Ana Ruiz.", "“Rents will fall next year.”", "Ana Ruiz", "―", Direct},
		{`Trump ignored warnings from experts that militants could regroup soon.`, "that militants could regroup soon", "experts", "warnings", Indirect},
	}
	for _, c := range cases {
		as, seg := find(t, c.text)
		if len(as) != 1 {
			t.Errorf("%s: %d attributions, want 1", c.text, len(as))
			continue
		}
		a := as[0]
		got := seg.Text[a.Start():a.End()]
		if strings.TrimRight(got, ",") != strings.TrimRight(c.content, ",") {
			t.Errorf("%s: content %q, want %q", c.text, got, c.content)
		}
		if s := seg.Text[a.Source.Start:a.Source.End]; s != c.source {
			t.Errorf("%s: source %q, want %q", c.text, s, c.source)
		}
		if s := seg.Text[a.Cue.Start:a.Cue.End]; !strings.HasPrefix(s, c.cue) {
			t.Errorf("%s: cue %q, want %q", c.text, s, c.cue)
		}
		if a.Kind != c.kind {
			t.Errorf("%s: kind %v, want %v", c.text, a.Kind, c.kind)
		}
	}
}

// TestShortQuotation: a short quotation before a frame is speech, unless
// a preposition, determiner or possessive makes it a name.
func TestShortQuotation(t *testing.T) {
	cases := []struct {
		text   string
		speech bool
	}{
		{`"Go back to Univision," Trump barked.`, true},
		{`On this weekend's broadcast of "Fox News Sunday," Gov. Mike Pence said his running mate would win.`, false},
		{`In an interview on CBS's "Face the Nation," House Speaker Paul Ryan said the police must listen.`, false},
	}
	for _, c := range cases {
		as, seg := find(t, c.text)
		speech := false
		for _, a := range as {
			speech = speech || a.Kind == Direct
		}
		if speech != c.speech {
			var got []string
			for _, a := range as {
				got = append(got, seg.Text[a.Start():a.End()])
			}
			t.Errorf("%s: quotation taken for speech %v, want %v (contents %q)", c.text, speech, c.speech, got)
		}
	}
}

// TestColonHeadline: a short name before a colon opens a headline's
// claim, a label does not.
func TestColonHeadline(t *testing.T) {
	cases := []struct{ text, source string }{
		{"Lynch: No outside influence on FBI probe.", "Lynch"},
		{"The Latest: Trump urges supporters to monitor polling places.", ""},
		{"Update: The bridge reopened on Monday morning.", ""},
		{"CLARIFICATION: The first sentence has been clarified to reflect the chairman's plan.", ""},
	}
	for _, c := range cases {
		as, seg := find(t, c.text)
		got := ""
		for _, a := range as {
			if seg.Text[a.Cue.Start:a.Cue.End] == ":" {
				got = seg.Text[a.Source.Start:a.Source.End]
			}
		}
		if got != c.source {
			t.Errorf("%s: the colon's speaker %q, want %q", c.text, got, c.source)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{`"We will win," he said.`, `X said: "`, `, said`, `according to`, `“a” ‘b’ "c`,
		"warnings from that", `"A," he said, "B." "C"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		as, seg := find(t, s)
		for _, a := range as {
			for _, c := range a.Content {
				if c.Start < 0 || c.End > len(seg.Text) || c.Start > c.End {
					t.Fatalf("bad content span %v", c)
				}
			}
		}
	})
}
