package quote

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/segment"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// q is an expected quote: its text (marks included) and flags, written
// "text" plus any of " scare", " nested", " open" (unclosed).
type q string

func render(s string, qs []Quote) []string {
	out := make([]string, 0, len(qs))
	for _, x := range qs {
		line := s[x.Start:x.End]
		if x.Scare {
			line += " scare"
		}
		if x.Nested {
			line += " nested"
		}
		if !x.Closed {
			line += " open"
		}
		out = append(out, line)
	}
	return out
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []q
	}{
		{"straight", `"We will win," he said.`, []q{`"We will win,"`}},
		{"curly", `“We will win,” he said.`, []q{`“We will win,”`}},
		{"guillemets", `« Nous allons gagner », a-t-il dit.`, []q{`« Nous allons gagner »`}},
		{"german", `Er sagte: „Wir werden gewinnen.“`, []q{`„Wir werden gewinnen.“`}},
		{"german guillemets", `Er sagte: »Wir werden gewinnen.«`, []q{`»Wir werden gewinnen.«`}},
		{"single guillemets", `Il a dit ‹ jamais de la vie, jamais ›.`, []q{`‹ jamais de la vie, jamais ›`}},
		{"british single", `‘We will fight on,’ the minister said.`, []q{`‘We will fight on,’`}},
		{"straight single", `'We will fight on,' the minister said.`, []q{`'We will fight on,'`}},
		{"apostrophes", `He didn't say Syria’s officials’ plans were the ’90s rock ’n’ roll.`, nil},
		{"apostrophe in quote", `“I don’t know what Syria’s plan is,” he said.`, []q{`“I don’t know what Syria’s plan is,”`}},
		{"possessive inside single", `‘The officials’ plans are wrong,’ she said.`, []q{`‘The officials’ plans are wrong,’`}},
		{"nested", `“He told me ‘never’, she said,” Ali recalled.`, []q{`“He told me ‘never’, she said,”`, `‘never’ nested`}},
		{"nested straight", `"He told me 'never give up on this', then left," Ali said.`, []q{`"He told me 'never give up on this', then left,"`, `'never give up on this' nested`}},
		{"scare word", `They have since retaken the cross-border "caliphate" they declared in 2014.`, []q{`"caliphate" scare`}},
		{"scare compound", `two of its "martyrdom-seekers" attacked SDF fighters.`, []q{`"martyrdom-seekers" scare`}},
		{"scare title", `Heavy Clashes Reported In 'Final Battle' Against IS In Syria`, []q{`'Final Battle' scare`}},
		{"scare jihadi", `the knives of their jihadi "rebel" allies on the ground.`, []q{`"rebel" scare`}},
		{"short speech with cue", `“Denver,” he said.`, []q{`“Denver,”`}},
		{"short speech after verb", `Asked about it, he said "no" and left.`, []q{`"no"`}},
		{"short exclamation", `The crowd chanted “You lie!” at him.`, []q{`“You lie!”`}},
		{"short sentence start", `“Too many.” That was all.`, []q{`“Too many.”`}},
		{"short after colon", `He told AFP: "There are heavy clashes".`, []q{`"There are heavy clashes"`}},
		{"long mid-sentence", `He said the country had "got to come a long way" on ethanol.`, []q{`"got to come a long way"`}},
		{"long title", `He wrote the book “Stealing America: What My Experience With Gangs Taught Me” in prison.`, []q{`“Stealing America: What My Experience With Gangs Taught Me” scare`}},
		{"long title-case speech", `“Make America Great Again,” he said.`, []q{`“Make America Great Again,”`}},
		{"subhead", "\"…,\" Mr. Obama said.\n\n'All Bets Are Off.'\n\nEight years ago, …", []q{`"…,"`, `'All Bets Are Off.' scare`}},
		{"subhead in capitals", "“DIVISIVE, STUPID AND WRONG”\n\nThe speech …", []q{`“DIVISIVE, STUPID AND WRONG” scare`}},
		{"paragraph of speech", "“Coal isn't the villain.”\n\nHe left.", []q{"“Coal isn't the villain.”"}},
		{"paragraph of one word", "“Nooooo!”\n\nHe left.", []q{"“Nooooo!”"}},
		{"two quotes", `"Yes," he said. "No," she said.`, []q{`"Yes,"`, `"No,"`}},
		{"split quote", `"We are ready," he said, "and we will win."`, []q{`"We are ready,"`, `"and we will win."`}},
		{"multi paragraph", "“We will fight on the beaches.\n\n“We will fight in the hills,” he said.\n\nThen he left.",
			[]q{"“We will fight on the beaches.\n\n“We will fight in the hills,”"}},
		{"multi paragraph straight", "\"First part.\n\n\"Second part.\n\n\"Third part,\" he said.",
			[]q{"\"First part.\n\n\"Second part.\n\n\"Third part,\""}},
		{"unclosed", "He said: \"We will win.\n\nThen he left.", []q{`"We will win. open`}},
		{"unclosed then quote", "He said: \"We will win.\n\nThen \"they\" left.", []q{`"We will win. open`, `"they" scare`}},
		{"unclosed multi", "“We will fight.\n\n“We will win.", []q{"“We will fight.\n\n“We will win. open"}},
		{"stray close", `He is 6’2” tall and "fine," she said.`, []q{`"fine,"`}},
		{"empty", ``, nil},
		{"only mark", `"`, []q{`" open`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(tt.in, Find(segment.Split(tt.in)))
			want := make([]string, len(tt.want))
			for i, w := range tt.want {
				want[i] = string(w)
			}
			if strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("Find(%q)\n got %q\nwant %q", tt.in, got, want)
			}
		})
	}
}

// TestGolden runs the fixtures in testdata/*.txt and compares with the
// .golden files beside them (regenerate with -update).
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures in testdata/: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			s := string(b)
			var sb strings.Builder
			for _, x := range Find(segment.Split(s)) {
				fmt.Fprintf(&sb, "%d %d scare=%v nested=%v closed=%v %q\n", x.Start, x.End, x.Scare, x.Nested, x.Closed, s[x.Start:x.End])
			}
			golden := strings.TrimSuffix(f, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(sb.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if sb.String() != string(want) {
				t.Errorf("%s differs from %s:\n%s", f, golden, sb.String())
			}
		})
	}
}

// TestSeed checks the seed article: its quotes are speech, its "caliphate"
// is not (../shared is the shared material beside the repository).
func TestSeed(t *testing.T) {
	b, err := os.ReadFile("../../../shared/seed/text/syria-final-battle.txt")
	if err != nil {
		t.Fatalf("the seed article is missing (../shared/seed beside the repository): %v", err)
	}
	s := string(b)
	got := map[string]Quote{}
	for _, x := range Find(segment.Split(s)) {
		got[s[x.Start:x.End]] = x
	}
	for _, w := range []struct {
		text  string
		scare bool
	}{
		{`"caliphate"`, true},
		{`"martyrdom-seekers"`, true},
		{`"rebel"`, true},
		{`'Final Battle'`, true},
		{`"There are heavy clashes at the moment"`, false},
		{`"They are in a pocket now which is a couple of miles by a couple of miles"`, false},
	} {
		x, ok := got[w.text]
		if !ok {
			t.Errorf("quote %s not found", w.text)
			continue
		}
		if x.Scare != w.scare || !x.Closed || x.Nested {
			t.Errorf("%s: %+v, want scare=%v closed", w.text, x, w.scare)
		}
	}
	if len(got) != 9 { // the headline and its quote come twice
		t.Errorf("found %d distinct quotes, want 9: %v", len(got), got)
	}
}

func check(t testing.TB, s string, qs []Quote) {
	t.Helper()
	var ends []int
	for k, x := range qs {
		if x.Start < 0 || x.End > len(s) || x.Start >= x.End {
			t.Fatalf("quote %d %+v out of the text (len %d)", k, x, len(s))
		}
		if k > 0 && qs[k-1].Start >= x.Start {
			t.Fatalf("quotes not sorted: %+v then %+v", qs[k-1], x)
		}
		for len(ends) > 0 && ends[len(ends)-1] <= x.Start {
			ends = ends[:len(ends)-1]
		}
		if len(ends) > 0 && x.End > ends[len(ends)-1] {
			t.Fatalf("quote %+v crosses its parent ending at %d", x, ends[len(ends)-1])
		}
		if x.Nested != (len(ends) > 0) {
			t.Fatalf("quote %+v: Nested wrong", x)
		}
		ends = append(ends, x.End)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"", `"`, `“a ‘b’ c”`, "\"a\n\n\"b\n\n\"c\"", `'tis 'a' b's' "x"y"`, "«»‹›„“‚‘", `"""'''`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		check(t, s, Find(segment.Split(s)))
	})
}

func BenchmarkFind(b *testing.B) {
	data, err := os.ReadFile("testdata/mixed.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := strings.Repeat(string(data)+"\n\n", 200)
	seg := segment.Split(s)
	words := len(strings.Fields(s))
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Find(seg)
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkFindAdversarial runs inputs made to defeat the pairing (runs of
// bare marks, apostrophes, deep nesting): each must stay linear.
func BenchmarkFindAdversarial(b *testing.B) {
	for _, unit := range []string{`"`, `'`, `“‘«‹„`, `a'b `, ` "x`, `"a "`, "’s ", "s’ a ‘", `“”`, "x'"} {
		s := strings.Repeat(unit, 200000/len(unit))
		seg := segment.Split(s)
		b.Run(fmt.Sprintf("%q", unit), func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				check(b, s, Find(seg))
			}
		})
	}
}
