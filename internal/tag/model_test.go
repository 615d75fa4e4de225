package tag

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/mingrammer/commonregex"
)

func TestDefault(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	m2, _ := Default()
	if m != m2 {
		t.Fatal("Default loaded twice")
	}
	words := strings.Fields("The senator said on Monday that she would vote against the bill .")
	want := "DT NN VBD IN NNP IN PRP MD VB IN DT NN ."
	out := make([]Tag, len(words))
	m.Tag(words, out)
	var got []string
	for _, t := range out {
		got = append(got, t.String())
	}
	if g := strings.Join(got, " "); g != want {
		t.Errorf("got  %s\nwant %s", g, want)
	}
	// Curly quotes read as the straight ones prose's tokenizer makes of them.
	straight, curly := make([]Tag, 4), make([]Tag, 4)
	m.Tag([]string{"Clinton", "'s", "team", "didn't"}, straight)
	m.Tag([]string{"Clinton", "\u2019s", "team", "didn\u2019t"}, curly)
	if !slices.Equal(straight, curly) {
		t.Errorf("curly quotes: %v, straight: %v", curly, straight)
	}
	m.Tag(nil, nil) // no words: no panic
	m.Tag([]string{"", "\xff\xfe", "İSTANBUL", "-", "0", "-LRB-", ":)"}, make([]Tag, 7))
}

func TestLoadErrors(t *testing.T) {
	good := embedded
	resum := func(b []byte) []byte {
		b = bytes.Clone(b[:len(b)-4])
		return binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
	}
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "too short"},
		{"magic", append([]byte("XXXX"), good[4:]...), "bad magic"},
		{"crc", append(bytes.Clone(good[:len(good)-1]), good[len(good)-1]^1), "checksum"},
		{"version", resum(append([]byte("WSPT\x09"), good[5:]...)), "version"},
		{"truncated", resum(append(bytes.Clone(good[:len(good)/2]), 0, 0, 0, 0)), "tag:"},
		{"trailing", resum(append(bytes.Clone(good[:len(good)-4]), 1, 0, 0, 0, 0)), "trailing"},
		// the seed is one byte, then the key bits
		{"keybits", resum(append(append(bytes.Clone(good[:6]), 40), good[7:]...)), "key bits"},
		{"few keybits", resum(append(append(bytes.Clone(good[:6]), 16), good[7:]...)), "tag:"},
	} {
		_, err := Load(c.data)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
	}
}

func FuzzLoad(f *testing.F) {
	f.Add(embedded)
	f.Add([]byte("WSPT\x02"))
	small, err := Encode(&Spec{Classes: []string{"NN", "VB"}, Dict: map[string]string{"the": "NN"},
		Emoticons: []string{":)"}, Weights: map[string]map[string]float64{"bias": {"NN": 1, "VB": -1}, "i word run": {"VB": 2}}, Scale: 10, KeyBits: 20})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(small)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 64<<10 {
			data = data[:64<<10] // the CRC rejects nearly all mutations; keep runs quick
		}
		// Re-checksum so the fuzzer reaches the decoder, not only the CRC.
		if len(data) >= 4 {
			data = binary.LittleEndian.AppendUint32(bytes.Clone(data[:len(data)-4]), crc32.ChecksumIEEE(data[:len(data)-4]))
		}
		m, err := Load(data)
		if err != nil {
			return
		}
		out := make([]Tag, 3)
		m.Tag([]string{"a", "run", "."}, out)
	})
}

func TestEncodeRoundTrip(t *testing.T) {
	spec := &Spec{Classes: []string{"NN", "VB", "DT"}, Dict: map[string]string{"the": "DT"},
		Weights: map[string]map[string]float64{"bias": {"NN": 0.5}, "i word run": {"VB": 2, "NN": -1},
			"i-1 tag+i word DT run": {"NN": 4}}, Scale: 10, KeyBits: 24}
	b, err := Encode(spec)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Load(b)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ words, want string }{
		{"run", "VB"}, {"the run", "DT NN"}, {"they run", "NN VB"}, {"walk", "NN"},
	} {
		words := strings.Fields(c.words)
		out := make([]Tag, len(words))
		m.Tag(words, out)
		var got []string
		for _, t := range out {
			got = append(got, t.String())
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("%q: got %s want %s", c.words, g, c.want)
		}
	}
}

// The hand-written matchers must agree with the regexps prose uses.
var matcherCases = []string{"a.m.", "3.50", "3.5", "U.S.", "e.g.", "www.example.org", "example.com",
	"http://x.y", "foo.bar)", "a.(b)", "a.b(c)", "a.b(c", "x.(y(z))", "..a", "-.ab", "A.bc", "é.ab", "a.b.",
	"a.,,x", "bob@example.com", "a@b.c", "a@b", "@b.c", "a@-b.c", "a@b-.c", "a@b.-c", "x!@y.z", "a@b..c",
	"a@b.c.d", "A@B.C", "a@@b.c", "0", "*", "*?*", "*a*", "**", "*-1", "*-1234", "*T*-12", "*-", "*T*", "*TT*-1",
	"-LRB-", "-lrb-", "-ABCD-", ""}

// prose's patterns for treebank traces and bracket tags.
var (
	traceRE   = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	bracketRE = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

func FuzzMatchers(f *testing.F) {
	for _, s := range matcherCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.ContainsAny(s, " \t\n\f\r\v") || strings.ContainsRune(s, 'ſ') || strings.ContainsRune(s, '\u212a') {
			return // tokens have no spaces; (?i) folds ſ and the Kelvin sign, which we ignore
		}
		if got, want := isLink(s), commonregex.LinkRegex.MatchString(s); got != want {
			t.Errorf("isLink(%q) = %v, regexp %v", s, got, want)
		}
		if got, want := isEmail(s), commonregex.EmailRegex.MatchString(s); got != want {
			t.Errorf("isEmail(%q) = %v, regexp %v", s, got, want)
		}
		if got, want := isTrace(s), traceRE.MatchString(s); got != want {
			t.Errorf("isTrace(%q) = %v, regexp %v", s, got, want)
		}
		if got, want := isBracketTag(s), bracketRE.MatchString(s); got != want {
			t.Errorf("isBracketTag(%q) = %v, regexp %v", s, got, want)
		}
	})
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(embedded); err != nil {
			b.Fatal(err)
		}
	}
}
