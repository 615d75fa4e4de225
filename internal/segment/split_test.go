package segment

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/whosaid/whosaid/internal/text"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// dump lists paragraphs, sentences and tokens, one sentence a line followed
// by its tokens with their kinds.
func dump(d *Doc) string {
	var b strings.Builder
	for pi, p := range d.Paras {
		b.WriteString("¶ ")
		b.WriteString(strings.Repeat("=", min(pi%3+1, 3)))
		b.WriteByte('\n')
		for _, s := range d.Sentences[p.First:p.Last] {
			b.WriteString("  S: ")
			b.WriteString(d.Text[s.Start:s.End])
			b.WriteString("\n    ")
			for t := s.First; t < s.Last; t++ {
				if t > s.First {
					b.WriteByte(' ')
				}
				b.WriteString(d.Word(t))
				b.WriteByte('/')
				b.WriteByte("WNPQS"[d.Tokens[t].Kind])
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	ins, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(ins) == 0 {
		t.Fatalf("no fixtures in testdata/: %v", err)
	}
	for _, in := range ins {
		t.Run(filepath.Base(in), func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			d := Split(string(src))
			checkInvariants(t, d)
			got := dump(d)
			golden := strings.TrimSuffix(in, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("segmentation of %s differs from %s (go test -update rewrites it):\n%s", in, golden, diff(string(want), got))
			}
		})
	}
}

// diff shows the first differing line.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + itoa(i+1) + ":\nwant " + a + "\ngot  " + b
		}
	}
	return ""
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{`"We will win." He left.`, []string{`"We will win."`, `He left.`}},
		{`"We will win," he said.`, []string{`"We will win," he said.`}},
		{`“We will win!” he said. Then he left.`, []string{`“We will win!” he said.`, `Then he left.`}},
		{`“Why?” she asked.`, []string{`“Why?” she asked.`}},
		{`The U.S. Army left at 5 p.m. on Monday.`, []string{`The U.S. Army left at 5 p.m. on Monday.`}},
		{`He lives in the U.S. He left.`, []string{`He lives in the U.S.`, `He left.`}},
		{`Mr. Smith met Mrs. Jones and Dr. Who.`, []string{`Mr. Smith met Mrs. Jones and Dr. Who.`}},
		{`Sen. Graham, Rep. Ryan, Gov. Brown and Gen. Mattis met.`, []string{`Sen. Graham, Rep. Ryan, Gov. Brown and Gen. Mattis met.`}},
		{`It opened on Jan. 5 at St. Louis, said Acme Inc. spokesman Bob.`, []string{`It opened on Jan. 5 at St. Louis, said Acme Inc. spokesman Bob.`}},
		{`He works for Acme Inc. The firm grew.`, []string{`He works for Acme Inc.`, `The firm grew.`}},
		{`J. K. Rowling wrote it. It sold.`, []string{`J. K. Rowling wrote it.`, `It sold.`}},
		{`Prices rose 3.5% to $2,000. Not bad.`, []string{`Prices rose 3.5% to $2,000.`, `Not bad.`}},
		{`It is No. 5 on the list. He said no. Then left.`, []string{`It is No. 5 on the list.`, `He said no.`, `Then left.`}},
		{`Trump vs. Clinton was close. Really?! Yes.`, []string{`Trump vs. Clinton was close.`, `Really?!`, `Yes.`}},
		{`He paused… Then he spoke. I think... maybe not.`, []string{`He paused…`, `Then he spoke.`, `I think... maybe not.`}},
		{`(He left.) She stayed.`, []string{`(He left.)`, `She stayed.`}},
		{`He said: "They are in a pocket now". Then`, []string{`He said: "They are in a pocket now".`, `Then`}},
		{"One\n\nTwo without stop\n\n\n Three.", []string{"One", "Two without stop", "Three."}},
		{"Published: Tue, February 12, 2019\nWorld Media | By Cesar Oliver\nHeavy Clashes In Syria\nLike this:", []string{"Published: Tue, February 12, 2019", "World Media | By Cesar Oliver", "Heavy Clashes In Syria", "Like this:"}},
		{"The army said it would\nwithdraw soon.", []string{"The army said it would\nwithdraw soon."}},
		{"Line one ends here.\nline two starts lower.", []string{"Line one ends here.", "line two starts lower."}},
		{"“It will be a tremendous plan!”—is wearing thin. “Wow!” — Cruz said.", []string{"“It will be a tremendous plan!”—is wearing thin.", "“Wow!”", "— Cruz said."}},
		{"It was 11:19PM. He spoke at 9 a.m. The end.", []string{"It was 11:19PM.", "He spoke at 9 a.m.", "The end."}},
	}
	for _, tt := range tests {
		d := Split(tt.in)
		checkInvariants(t, d)
		var got []string
		for _, s := range d.Sentences {
			got = append(got, tt.in[s.Start:s.End])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Split(%q) sentences:\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want string // tokens joined by " | ", with kinds
	}{
		{`U.S. a.m. al-Baghdadi 2,000 3.5% e-mail`, `U.S./W a.m./W al-Baghdadi/W 2,000/N 3.5%/N e-mail/W`},
		{`don't Syria’s they'll I'm we've she'd can't O’Malley’s`, `do/W n't/W Syria/W ’s/W they/W 'll/W I/W 'm/W we/W 've/W she/W 'd/W ca/W n't/W O’Malley/W ’s/W`},
		{`"a" “b” ‘c’ «d» „e“ ‹f›`, `"/Q a/W "/Q “/Q b/W ”/Q ‘/Q c/W ’/Q «/Q d/W »/Q „/Q e/W “/Q ‹/Q f/W ›/Q`},
		{`the officials’ statement`, `the/W officials/W ’/W statement/W`},
		{`the ‘final officials’ battle`, `the/W ‘/Q final/W officials/W ’/Q battle/W`},
		{`'Final Battle' Against`, `'/Q Final/W Battle/W '/Q Against/W`},
		{`in the ‘20s and '90s`, `in/W the/W ‘20s/W and/W '90s/W`},
		{`Mr. Mr Dr. J. K. Rowling end.`, `Mr./W Mr/W Dr./W J./W K./W Rowling/W end/W ./P`},
		{`wait... -- — $5 #tag AT&T 👍🏽!`, `wait/W .../P --/P —/P $/S 5/N #/P tag/W AT&T/W 👍🏽/S !/P`},
		{`U.S. -backed`, `U.S./W -/P backed/W`},
		{`314 e.v.’s for the U.S.'s`, `314/N e.v./W ’s/W for/W the/W U.S./W 's/W`},
	}
	for _, tt := range tests {
		d := Split(tt.in)
		checkInvariants(t, d)
		var parts []string
		for i, tok := range d.Tokens {
			parts = append(parts, d.Word(i)+"/"+string("WNPQS"[tok.Kind]))
		}
		if got := strings.Join(parts, " "); got != tt.want {
			t.Errorf("Split(%q) tokens:\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}

// checkInvariants checks what every later stage relies on.
func checkInvariants(t *testing.T, d *Doc) {
	t.Helper()
	prev := int32(0)
	for i, tok := range d.Tokens {
		if tok.Start < prev || tok.End <= tok.Start || int(tok.End) > len(d.Text) {
			t.Fatalf("token %d [%d,%d) out of order, empty or out of range (previous end %d)", i, tok.Start, tok.End, prev)
		}
		prev = tok.End
		for _, r := range d.Word(i) {
			if unicode.IsSpace(r) {
				t.Fatalf("token %d %q spans white space", i, d.Word(i))
			}
		}
	}
	next := 0
	for i, s := range d.Sentences {
		if s.First != next || s.Last <= s.First || s.Last > len(d.Tokens) {
			t.Fatalf("sentence %d tokens [%d,%d) not contiguous after %d", i, s.First, s.Last, next)
		}
		next = s.Last
		if s.Last-s.First > MaxSentenceTokens {
			t.Fatalf("sentence %d has %d tokens, over MaxSentenceTokens", i, s.Last-s.First)
		}
		if s.Start != int(d.Tokens[s.First].Start) || s.End != int(d.Tokens[s.Last-1].End) {
			t.Fatalf("sentence %d bounds [%d,%d) are not its tokens'", i, s.Start, s.End)
		}
		if s.Para < 0 || s.Para >= len(d.Paras) {
			t.Fatalf("sentence %d in paragraph %d of %d", i, s.Para, len(d.Paras))
		}
		p := d.Paras[s.Para]
		if i < p.First || i >= p.Last || s.Start < p.Start || s.End > p.End {
			t.Fatalf("sentence %d not within its paragraph %d", i, s.Para)
		}
	}
	if next != len(d.Tokens) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(d.Tokens))
	}
	nextS := 0
	for i, p := range d.Paras {
		if p.First != nextS || p.Last <= p.First {
			t.Fatalf("paragraph %d sentences [%d,%d) not contiguous", i, p.First, p.Last)
		}
		nextS = p.Last
		// A sentence never crosses a blank line.
		for _, s := range d.Sentences[p.First:p.Last] {
			if strings.Contains(strings.ReplaceAll(d.Text[s.Start:s.End], " ", ""), "\n\n") {
				t.Fatalf("sentence %d crosses a blank line: %q", i, d.Text[s.Start:s.End])
			}
		}
	}
	if nextS != len(d.Sentences) {
		t.Fatalf("paragraphs cover %d of %d sentences", nextS, len(d.Sentences))
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		`"We will win." He left.`, "U.S. a.m. don't officials’ ‘20s", "a\n\nb\nc", "“”‘’'\"«»„‹›",
		"Mr.\n\n\"", "J. K.", "\xff\xfe.", " \t\v\f\r\n", "1,2.3%", "’s", "n't",
		"WASHINGTON (AP) — The", "A, B. (C D) -- e", "AB (",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := Split(s)
		checkInvariants(t, d)
		for si, st := range d.Sentences {
			// a dateline ends inside its sentence, before a word
			if k := d.Dateline(si); k >= 0 && (k <= st.First || k >= st.Last || !d.Tokens[k].Kind.IsWord()) {
				t.Fatalf("Dateline(%d) = %d outside (%d, %d) or not a word", si, k, st.First, st.Last)
			}
		}
	})
}

func TestPathological(t *testing.T) {
	for name, s := range map[string]string{
		"no punctuation": strings.Repeat("word ", 20000),
		"only quotes":    strings.Repeat(`"“”‘’'«»„‹›`, 5000),
		"only dots":      strings.Repeat(".", 100000),
		"only newlines":  strings.Repeat("\n", 100000),
		"one long line":  strings.Repeat("a.b-c,", 20000),
		"short lines":    strings.Repeat("Short line\n", 20000),
	} {
		d := Split(s)
		checkInvariants(t, d)
		_ = name
	}
}

func TestSentenceAtParaAt(t *testing.T) {
	d := Split("One two. Three four.\n\nFive six.")
	cases := []struct{ b, sent, para int }{
		{0, 0, 0},  // "One"
		{7, 0, 0},  // the first full stop
		{8, 1, 0},  // the space between sentences: the next one
		{9, 1, 0},  // "Three"
		{21, 2, 1}, // the blank line: the next paragraph
		{22, 2, 1}, // "Five"
		{99, 3, 2}, // past the end
	}
	for _, c := range cases {
		if got := d.SentenceAt(c.b); got != c.sent {
			t.Errorf("SentenceAt(%d) = %d, want %d", c.b, got, c.sent)
		}
		if got := d.ParaAt(c.b); got != c.para {
			t.Errorf("ParaAt(%d) = %d, want %d", c.b, got, c.para)
		}
	}
}

func TestTokenAtTokenRange(t *testing.T) {
	d := Split("One two. Three four.") // tokens: One two . Three four .
	for _, c := range []struct {
		name        string
		start, end  int
		at          int
		first, last int
	}{
		{"a word", 0, 3, 0, 0, 1},
		{"inside a word", 1, 2, 0, 0, 1},
		{"two words", 0, 7, 0, 0, 2},
		{"the space before a word", 3, 4, 1, -1, -1},
		{"a space and a word", 3, 7, 1, 1, 2},
		{"a sentence", 9, 20, 3, 3, 6},
		{"past the end", 99, 100, 6, -1, -1},
	} {
		if got := d.TokenAt(c.start); got != c.at {
			t.Errorf("%s: TokenAt(%d) = %d, want %d", c.name, c.start, got, c.at)
		}
		if f, l := d.TokenRange(text.Span{Start: c.start, End: c.end}); f != c.first || l != c.last {
			t.Errorf("%s: TokenRange(%d, %d) = %d, %d, want %d, %d", c.name, c.start, c.end, f, l, c.first, c.last)
		}
	}
}
