package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/internal/brat"
	"github.com/whosaid/whosaid/internal/corpus"
	"github.com/whosaid/whosaid/internal/score"
)

// shared is the project's shared material, beside the repository.
const shared = "../../../shared"

func newEngine(t testing.TB) *Engine {
	t.Helper()
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func readShared(t testing.TB, rel string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(shared, rel))
	if err != nil {
		t.Fatalf("%v: the shared material (../shared beside the repository) is missing", err)
	}
	return b
}

type seedExpect struct {
	Text             string `json:"text"`
	GoldAttributions string `json:"gold_attributions"`
	Meta             struct {
		Title     string   `json:"title"`
		Authors   []string `json:"authors"`
		Published string   `json:"published"`
	} `json:"meta"`
	ResolvedMentions []struct {
		Mention    string `json:"mention"`
		Offset     int    `json:"offset"`
		ResolvesTo string `json:"resolves_to"`
	} `json:"resolved_mentions"`
	DistinctSources []string `json:"distinct_sources"`
	NotQuotes       []struct {
		Text string `json:"text"`
	} `json:"not_quotes"`
	UnattributedCheckworthy []string `json:"unattributed_checkworthy"`
	Boilerplate             []string `json:"boilerplate"`
}

// seedKey is a source name as the roster scorer compares it: lower case,
// without a leading article.
func seedKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, det := range []string{"the ", "a ", "an "} {
		s = strings.TrimPrefix(s, det)
	}
	return s
}

// TestSeed checks everything ../shared/seed/expect.json asks of the seed
// article, and a perfect attribution score against its gold annotation.
func TestSeed(t *testing.T) {
	var ex seedExpect
	if err := json.Unmarshal(readShared(t, "seed/expect.json"), &ex); err != nil {
		t.Fatal(err)
	}
	txt := string(readShared(t, filepath.Join("seed", ex.Text)))
	res, err := newEngine(t).Extract(context.Background(), Input{Text: txt}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// attribution_e2e F1 as score.py computes it
	gold, err := brat.Parse(bytes.NewReader(readShared(t, filepath.Join("seed", ex.GoldAttributions))))
	if err != nil {
		t.Fatal(err)
	}
	var tl score.Tally
	tl.Add(txt, gold, ScorePreds(res))
	if f := tl.E2EPRF().F1; f < 1 {
		t.Errorf("attribution_e2e F1 = %.3f, want 1.000 (gold %d, predicted %d, matched with source %d)", f, tl.Gold, tl.Predicted, tl.E2E)
	}
	// and every content drawn exactly as the gold draws it: a claim that
	// runs on past its content misleads the reader even when it matches
	if f := tl.ExactPRF().F1; f < 1 {
		t.Errorf("content_exact F1 = %.3f, want 1.000 (exact %d of gold %d)", f, tl.Exact, tl.Gold)
	}
	// meta
	if res.Meta.Title != ex.Meta.Title {
		t.Errorf("meta title = %q, want %q", res.Meta.Title, ex.Meta.Title)
	}
	if strings.Join(res.Meta.Authors, "|") != strings.Join(ex.Meta.Authors, "|") {
		t.Errorf("meta authors = %q, want %q", res.Meta.Authors, ex.Meta.Authors)
	}
	if !strings.HasPrefix(res.Meta.Published, ex.Meta.Published) {
		t.Errorf("meta published = %q, want %q", res.Meta.Published, ex.Meta.Published)
	}
	byID := map[string]Source{}
	byName := map[string]Source{}
	for _, s := range res.Sources {
		byID[s.ID] = s
		// a source answers to its name and its aliases, as the roster
		// scorer reads them (a leading "the" aside)
		byName[seedKey(s.Name)] = s
		for _, a := range s.Aliases {
			if _, ok := byName[seedKey(a)]; !ok {
				byName[seedKey(a)] = s
			}
		}
	}
	// pronouns resolve to the named source
	for _, rm := range ex.ResolvedMentions {
		found := false
		for _, c := range res.Claims {
			a := c.Attribution
			if a == nil || a.Source == nil || a.Source.Start != rm.Offset {
				continue
			}
			found = true
			if a.Source.Text != rm.Mention {
				t.Errorf("source at %d is %q, want %q", rm.Offset, a.Source.Text, rm.Mention)
			}
			if got := byID[a.SourceID].Name; got != rm.ResolvesTo {
				t.Errorf("%q at %d resolves to %q, want %q", rm.Mention, rm.Offset, got, rm.ResolvesTo)
			}
		}
		if !found {
			t.Errorf("no attribution has the source %q at %d", rm.Mention, rm.Offset)
		}
	}
	// one source per speaker
	ids := map[string]string{}
	for _, name := range ex.DistinctSources {
		s, ok := byName[seedKey(name)]
		if !ok {
			t.Errorf("no source named %q; sources: %s", name, sourceNames(res))
			continue
		}
		if other, dup := ids[s.ID]; dup {
			t.Errorf("%q and %q are the same source %s", other, name, s.ID)
		}
		ids[s.ID] = name
		if len(s.Claims) == 0 {
			t.Errorf("source %q has no claims", name)
		}
	}
	// scare quotes are not speech
	for _, nq := range ex.NotQuotes {
		for _, c := range res.Claims {
			if c.Attribution != nil && strings.Trim(c.Text, "\"“” ") == strings.Trim(nq.Text, "\"“” ") {
				t.Errorf("scare quote %s became attributed content", nq.Text)
			}
		}
	}
	// every claim has a check-worthiness score and reasons (maybe none)
	var scores []float64
	for _, c := range res.Claims {
		if c.Checkworthiness == nil || *c.Checkworthiness < 0 || *c.Checkworthiness > 1 || c.Reasons == nil {
			t.Errorf("claim %q has no check-worthiness score or reasons", c.Text)
			continue
		}
		scores = append(scores, *c.Checkworthiness)
	}
	// check-worthy unattributed sentences, ranked in the top half of all
	// the claims
	sort.Sort(sort.Reverse(sort.Float64Slice(scores)))
	for _, want := range ex.UnattributedCheckworthy {
		found := false
		for _, c := range res.Claims {
			if strings.TrimSpace(c.Text) == want {
				found = true
				if c.Attribution != nil {
					t.Errorf("%q is attributed, want unattributed", want)
				}
				if c.Checkworthiness == nil || *c.Checkworthiness <= 0 {
					t.Errorf("%q has no check-worthiness score", want)
					continue
				}
				// rank: 1 + the claims scored strictly higher
				rank := 1 + sort.Search(len(scores), func(i int) bool { return scores[i] <= *c.Checkworthiness })
				if rank > len(scores)/2 {
					t.Errorf("%q ranks %d of %d claims by check-worthiness (%.3f), want the top half", want, rank, len(scores), *c.Checkworthiness)
				}
			}
		}
		if !found {
			t.Errorf("unattributed claim %q not found", want)
		}
	}
	// boilerplate and meta lines are not claims
	for _, bp := range ex.Boilerplate {
		for _, c := range res.Claims {
			if strings.Contains(c.Text, bp) {
				t.Errorf("boilerplate %q is part of claim %q", bp, c.Text)
			}
		}
	}
	checkOffsets(t, res)
}

func sourceNames(res *Result) string {
	var ns []string
	for _, s := range res.Sources {
		ns = append(ns, s.Name)
	}
	return strings.Join(ns, "; ")
}

// checkOffsets checks that every span's text is the text at its offsets.
func checkOffsets(t *testing.T, res *Result) {
	t.Helper()
	rs := []rune(res.Text)
	ok := func(s, e int, txt, what string) {
		if s < 0 || e < s || e > len(rs) {
			t.Errorf("%s: bad offsets %d..%d", what, s, e)
			return
		}
		if string(rs[s:e]) != txt {
			t.Errorf("%s: text %q at %d..%d, want %q", what, string(rs[s:e]), s, e, txt)
		}
	}
	for i, c := range res.Claims {
		ok(c.Start, c.End, c.Text, "claim")
		if i > 0 && res.Claims[i-1].Start > c.Start {
			t.Errorf("claims not sorted by start at %d", i)
		}
		if a := c.Attribution; a != nil {
			if a.Source != nil {
				ok(a.Source.Start, a.Source.End, a.Source.Text, "source")
			}
			if a.Cue != nil {
				ok(a.Cue.Start, a.Cue.End, a.Cue.Text, "cue")
			}
		}
	}
	for _, s := range res.Sources {
		for _, m := range s.Mentions {
			ok(m.Start, m.End, m.Text, "mention")
		}
		for _, ci := range s.Claims {
			if ci < 0 || ci >= len(res.Claims) || res.Claims[ci].Attribution == nil || res.Claims[ci].Attribution.SourceID != s.ID {
				t.Errorf("source %s lists claim %d that is not its own", s.ID, ci)
			}
		}
	}
}

// Dev floors: issue 15's targets less 0.01 (e2e F1 0.75, content_exact
// F1 0.61, direct-quote recall 0.96, source accuracy on matched
// attributions 0.91), or the figures reached on PolNeAR dev by the trained
// model and the rules together less 0.01 where that is higher
// (direct-quote recall 0.9793). Dev meets all four targets (e2e 0.7603,
// content_exact 0.6206, source accuracy 0.9269): content_exact with one
// exact content to spare, e2e with none. The repairs in combine.go
// and mend.go were found by error analysis on dev and train, so these dev
// figures flatter them (the held-out train folds, make cv, are the fairer
// measure).
const (
	devF1Floor           = 0.750
	devDirectRecallFloor = 0.969
	devExactFloor        = 0.610
	devSourceFloor       = 0.910
)

// TestDevFloor runs the engine over PolNeAR dev and scores it as
// ../shared/bench/score.py does.
func TestDevFloor(t *testing.T) {
	dir := filepath.Join(shared, "polnear", "dev")
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("%v: the shared material (../shared/polnear/dev) is missing", err)
	}
	c, err := corpus.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != 84 {
		t.Fatalf("%d dev texts, want 84", len(c.Docs))
	}
	e := newEngine(t)
	var tl score.Tally
	for _, d := range c.Docs {
		txt, err := d.Read()
		if err != nil {
			t.Fatal(err)
		}
		gold, err := d.ReadGold()
		if err != nil {
			t.Fatal(err)
		}
		res, err := e.Extract(context.Background(), Input{Text: txt}, Options{})
		if err != nil {
			t.Fatalf("%s: %v", d.Name, err)
		}
		tl.Add(txt, gold, ScorePreds(res))
		for _, src := range res.Sources {
			if !strings.ContainsFunc(src.Name, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
				t.Errorf("%s: source %s is named %q: a reader needs a name", d.Name, src.ID, src.Name)
			}
		}
	}
	t.Logf("dev: gold %d predicted %d e2e %d: attribution_e2e F1 %.3f, direct-quote recall %.3f, content_exact F1 %.3f, source accuracy %.3f",
		tl.Gold, tl.Predicted, tl.E2E, tl.E2EPRF().F1, tl.DirectRecall(), tl.ExactPRF().F1, tl.SourceAccuracy())
	if f := tl.E2EPRF().F1; f < devF1Floor {
		t.Errorf("attribution_e2e F1 %.3f < floor %.3f", f, devF1Floor)
	}
	if r := tl.DirectRecall(); r < devDirectRecallFloor {
		t.Errorf("direct-quote recall %.3f < floor %.3f", r, devDirectRecallFloor)
	}
	if f := tl.ExactPRF().F1; f < devExactFloor {
		t.Errorf("content_exact F1 %.3f < floor %.3f", f, devExactFloor)
	}
	if a := tl.SourceAccuracy(); a < devSourceFloor {
		t.Errorf("source accuracy on matched %.3f < floor %.3f", a, devSourceFloor)
	}
}

// TestBadInput feeds inputs that must give a result or a clear error, never
// a panic.
func TestBadInput(t *testing.T) {
	long := strings.Repeat("word ", 20000) // 100,000 characters without punctuation
	var big, flat strings.Builder
	for flat.Len() < 5<<20 {
		flat.WriteString("“We will not stop,” the minister said. Officials said the talks had failed, according to Reuters. ")
	}
	for big.Len() < 5<<20 {
		big.WriteString("“We will not stop,” the minister said. Officials said the talks had failed, according to Reuters.\n\n")
	}
	cases := []struct {
		name, text string
		code       string // expected *Error code, "" for success
	}{
		{"empty", "", ""},
		{"whitespace", " \n\t \r\n  ", ""},
		{"nul", "He said\x00 no.", "nul_byte"},
		{"invalid utf-8", "He said \xff no.", "invalid_utf8"},
		{"only quote marks", `"""" “” ‘’ « » '' "`, ""},
		{"unbalanced quotes", `“We will win, he said. "And then “ they said ” "`, ""},
		{"no punctuation", long, ""},
		{"colon only", ":", ""},
		{"lone cue", "said", ""},
		{"cue at start", "said the minister", ""},
		{"according to end", "according to", ""},
		// a source the entity stage leaves off the roster ("Let's" → "'s")
		{"source off the roster", "Let's vow to work together to do something about it.", ""},
		{"5 MB", big.String(), ""},
		{"5 MB one paragraph", flat.String(), ""},
	}
	e := newEngine(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := e.Extract(context.Background(), Input{Text: c.text}, Options{})
			if c.code != "" {
				var ee *Error
				if !errors.As(err, &ee) || ee.Code != c.code {
					t.Fatalf("error %v, want code %s", err, c.code)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(c.text) < 1<<20 {
				checkOffsets(t, res)
			}
			if !utf8.ValidString(res.Text) {
				t.Fatal("result text is not valid UTF-8")
			}
		})
	}
}

// TestCancel checks that a cancelled context stops the pipeline.
func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := newEngine(t).Extract(ctx, Input{Text: "Officials said the talks had failed."}, Options{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
}

// TestProgress checks that progress is reported and ends at the total.
func TestProgress(t *testing.T) {
	var calls, last, total int
	_, err := newEngine(t).Extract(context.Background(), Input{Text: strings.Repeat("Officials said the talks had failed. ", 5000)},
		Options{Progress: func(d, tot int) { calls++; last, total = d, tot }})
	if err != nil {
		t.Fatal(err)
	}
	if calls < 5 || last != total {
		t.Fatalf("progress called %d times, last %d/%d", calls, last, total)
	}
}
