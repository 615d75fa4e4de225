package engine

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/attrib"
	"github.com/whosaid/whosaid/internal/cue"
	"github.com/whosaid/whosaid/internal/quote"
	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
	"github.com/whosaid/whosaid/internal/text"
)

// TestCombine checks how the model's and the rules' attributions are
// mended into PolNeAR's shapes: one case per repair in combine.go and
// mend.go.
func TestCombine(t *testing.T) {
	cases := []struct {
		name, text string
		content    string // the attributed claim's parts, joined by " … "
		source     string // "" for a null source
		cue, kind  string
	}{
		{"passive: no speaker, the subject is content", "The senator was accused of lying about the budget.",
			"The senator … lying about the budget", "", "was accused of", Indirect},
		{"passive: expected", "Officials are expected to announce the closure of the plant.",
			"Officials … to announce the closure of the plant", "", "are expected", Indirect},
		{"a participle of feeling keeps its subject as the source", "Many Democrats are worried that turnout will fall in November.",
			"that turnout will fall in November", "Many Democrats", "are worried", Indirect},
		{"content starts at that after an adjunct",
			"The mayor told a meeting of business leaders in Toledo, Ohio, that the plant would reopen.",
			"that the plant would reopen", "The mayor", "told", Indirect},
		{"a quotation after the frame joins it",
			"“Here comes the bus,” she said, clapping. “The bus is late again.”",
			"“Here comes the bus,” … “The bus is late again.”", "she", "said", Direct},
		{"a quotation after the frame joins it past what the frame says",
			"“It was very nice,” the tycoon told Reuters when asked if he had met Trump, who leads in the polls. “He was very charming.”",
			"“It was very nice,” … “He was very charming.”", "the tycoon", "told", Direct},
		{"a quotation that opens another speaker's claim is not joined to the frame before it",
			"“This just isn’t right,” Warren said. “You squeezed employees to the breaking point” to drive up the stock price, she said.",
			"“This just isn’t right,”", "Warren", "said", Direct},
		{"a split quotation the rules joined is taken whole",
			"\"That's not even an issue,\" he said to applause. \"I know Bernie, and he's not going to be president.\"",
			"\"That's not even an issue,\" … \"I know Bernie, and he's not going to be president.\"", "he", "said", Direct},
		{"a headline reports speech in the present tense",
			"Cruz Praises Trump’s Tax Plan\n\nBy Ann Lee\n\nThe campaign opened an office in Columbus on Monday.",
			"Trump’s Tax Plan", "Cruz", "Praises", Indirect},
		{"who asked is not said", "Asked about his plans, Trump said he would run again.",
			"his plans", "", "Asked about", Indirect},
		{"content starts after the cue's particle", "The governor warned against any delay in the vote.",
			"any delay in the vote", "The governor", "warned against", Indirect},
		{"a frame inside its content", "The museum, he said, celebrated several of his heroes.",
			"The museum … celebrated several of his heroes", "he", "said", Indirect},
		{"a content ends where another speech verb takes over",
			"Trump touted his vast wealth and said it ensured he was not beholden to special interests.",
			"his vast wealth", "Trump", "touted", Indirect},
		{"a relative pronoun before the frame is the content's", "Bali signed a plea deal, which he said was not a prison sentence.",
			"which … was not a prison sentence", "he", "said", Indirect},
		{"so is \"what\" before the frame", "Trump repeated what he said was a promise to build a wall.",
			"what … was a promise to build a wall", "he", "said", Indirect},
		{"not after a preposition", "He focused his remarks on what he said were the failures of the administration.",
			"were the failures of the administration", "he", "said", Indirect},
		{"nor \"in which\"", "He gave an interview in which he said the plant would close.",
			"the plant would close", "he", "said", Indirect},
		{"a passive cue with \"by\" keeps its source", "The registration issue was first reported by The Washington Post.",
			"The registration issue", "The Washington Post", "was first reported", Indirect},
		{"a content ends at \", according to\"", "The mayor said turnout fell sharply in the eastern districts, according to the county clerk.",
			"turnout fell sharply in the eastern districts", "The mayor", "said", Indirect},
		{"a content ends where another speaker's clause begins",
			"Officials said the road would close, and the police chief warned that delays were likely.",
			"the road would close", "Officials", "said", Indirect},
		{"a content ends at \", but he said\"",
			"The mayor said the plant would reopen in the spring, but he said the timing was unclear.",
			"the plant would reopen in the spring", "The mayor", "said", Indirect},
		{"\"and\" inside a content stays", "The senator said jobs and wages fell last year.",
			"jobs and wages fell last year", "The senator", "said", Indirect},
		{"\"to\" before a noun phrase is the cue's", "The governor responded to criticism of the budget.",
			"criticism of the budget", "The governor", "responded to", Indirect},
		{"the person addressed is not the content", "The senator told his supporters, “We will win this seat back.”",
			"“We will win this seat back.”", "The senator", "told", Direct},
		{"a speaker named after the verb", "“The talks will resume next week,” said the foreign minister.",
			"“The talks will resume next week,”", "the foreign minister", "said", Direct},
		{"a frame in mid-sentence interrupts one content",
			"While turnout is at its highest level in years, he said, \"this has done nothing to lower the deficit.\"",
			"While turnout is at its highest level in years … \"this has done nothing to lower the deficit.\"", "he", "said", Mixed},
		{"a frame after words without a verb takes the rest of the sentence",
			"Fundraising, according to the campaign, has surged in the same period.",
			"Fundraising … has surged in the same period", "the campaign", "according to", Indirect},
		{"an aside splits a clause that goes on with \"but\"",
			"A wall would not only stop the flow of criminals, she said, but also the flow of illegal drugs.",
			"A wall would not only stop the flow of criminals … but also the flow of illegal drugs", "she", "said", Indirect},
		{"a participle's frame describes the words before it, which take no tail",
			"The immigration bill, opposed by House Republicans, never became law.",
			"The immigration bill", "House Republicans", "opposed", Indirect},
		{"nor does a clause before an aside when the rest is the speaker's",
			"Sales were great, he said, wiping sweat off his face.",
			"Sales were great", "he", "said", Indirect},
		{"nor a clause before \"according to\"",
			"Trump has won 758 delegates, according to a CNN tally, but his pathway to victory is narrowing.",
			"Trump has won 758 delegates", "a CNN tally", "according to", Indirect},
		{"a quotation that opens with a capital takes no lead",
			"On Twitter, the senator said, \"Stop lying about the budget.\"",
			"\"Stop lying about the budget.\"", "the senator", "said", Direct},
		{"a link alone is no lead", "But, the senator said, \"they will vote no.\"",
			"\"they will vote no.\"", "the senator", "said", Direct},
		{"the person told is not the content", "And, Kasich tells the crowd, he’s been known to be tough in his home state of Ohio.",
			"he’s been known to be tough in his home state of Ohio", "Kasich", "tells", Indirect},
		{"the person told, and where", "Trump told the audience at the rally they would win.",
			"they would win", "Trump", "told", Indirect},
		{"the person asked is not the question", "The moderator asked Rubio which states he could win in November.",
			"which states he could win in November", "The moderator", "asked", Indirect},
		{"the one who asks is the source of \"asked by\"",
			"When asked by a reporter whether this differed from Nazi Germany requiring Jews to register, Trump asked, \"You tell me.\"",
			"whether this differed from Nazi Germany requiring Jews to register", "a reporter", "asked", Indirect},
		{"the phrase between \"with\" and a participle is its source",
			"Sanders gained ground in Iowa, with recent polls showing a tight race.",
			"a tight race", "recent polls", "showing", Indirect},
		{"a passive cue's agent after \"by\" is its source",
			"Cruz was also endorsed the day before by former rival Carly Fiorina.",
			"Cruz", "former rival Carly Fiorina", "was also endorsed", Indirect},
		{"no one is said to ask in \"when asked\"",
			"“It will be fine,” Trump told the station when asked how ties would fare if he won.",
			"how ties would fare if he won", "", "asked", Indirect},
		{"a participle that opens the sentence speaks for the main clause's subject",
			"Since announcing in October that he would not seek the presidency, Mr. Biden has been a loyal Democrat.",
			"that he would not seek the presidency", "Mr. Biden", "announcing", Indirect},
		{"a relative clause between the speaker and the cue holds no source",
			"Sandy Phillips, who lost her daughter Jessica during the mass shooting in Aurora, Colorado, in July 2012, said that Sanders had treated her family disrespectfully.",
			"that Sanders had treated her family disrespectfully", "Sandy Phillips", "said", Indirect},
		{"\"upon\" after \"called\" is the cue's", "Trump called upon Mayor Bill de Blasio to restart surveillance of the neighborhood.",
			"Mayor Bill de Blasio to restart surveillance of the neighborhood", "Trump", "called upon", Indirect},
		{"content starts after what \"according to\" names",
			"According to early results of exit polls conducted for the Associated Press and television networks, black voters make up a fifth of the electorate.",
			"black voters make up a fifth of the electorate", "early results", "According to", Indirect},
		{"a dash credits a quotation",
			"Readers wrote in.\n\n“Rents will fall next year.” ― Ana Ruiz",
			"“Rents will fall next year.”", "Ana Ruiz", "―", Direct},
	}
	e := newEngine(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := e.Extract(context.Background(), Input{Text: c.text}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			rs := []rune(res.Text)
			var got []string
			for _, cl := range res.Claims {
				a := cl.Attribution
				if a == nil {
					continue
				}
				var parts []string
				if len(cl.Parts) == 0 {
					parts = []string{cl.Text}
				}
				for _, p := range cl.Parts {
					parts = append(parts, string(rs[p.Start:p.End]))
				}
				src := ""
				if a.Source != nil {
					src = a.Source.Text
				}
				content := strings.Join(parts, " … ")
				if content == c.content && src == c.source && a.Cue.Text == c.cue && a.Kind == c.kind {
					return
				}
				got = append(got, content+" | "+src+" | "+a.Cue.Text+" | "+a.Kind)
			}
			t.Errorf("no attribution %q | %q | %q | %s; got:\n%s", c.content, c.source, c.cue, c.kind, strings.Join(got, "\n"))
		})
	}
}

// TestOneContentPerCue: a frame inside its content makes one claim of two
// parts, not that claim and its first part besides (the model's first
// part and the rules' two around the frame share a cue: oneClaimPerCue
// makes them one).
func TestOneContentPerCue(t *testing.T) {
	e := newEngine(t)
	for _, s := range []string{
		"To understand the real Dred Scott, Chief Justice Roberts said, one should visit this museum.",
	} {
		res, err := e.Extract(context.Background(), Input{Text: s}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		parts := 0
		for _, cl := range res.Claims {
			if cl.Attribution != nil {
				got = append(got, cl.Text)
				parts = len(cl.Parts)
			}
		}
		if len(got) != 1 || parts != 2 {
			t.Errorf("%s: claims %q, want one of two parts", s, got)
		}
	}
}

// TestOneCuePerContent: of two cues that claim one content, the nearer
// keeps it; other contents are left alone.
func TestOneCuePerContent(t *testing.T) {
	sp := func(a, b int) text.Span { return text.Span{Start: a, End: b} }
	quote := []text.Span{sp(0, 30)}
	atts := []attrib.Attribution{
		{Content: quote, Cue: sp(60, 64)},                  // "…," one Democrat familiar with it said
		{Content: quote, Cue: sp(42, 46)},                  // "…," the people said
		{Content: []text.Span{sp(0, 12)}, Cue: sp(70, 74)}, // another content from the same start
		{Content: []text.Span{sp(80, 90)}, Cue: sp(92, 96)},
	}
	got := oneCuePerContent(atts, segment.Split(strings.Repeat("x", 100)))
	var cues []int
	for _, a := range got {
		cues = append(cues, a.Cue.Start)
	}
	if want := []int{42, 70, 92}; !slices.Equal(cues, want) {
		t.Errorf("kept the cues at %v, want %v", cues, want)
	}
}

// TestOneCuePerContentOwnSentence: a cue in the content's own sentence
// keeps it from an as near one in the sentence before, which has its own
// content.
func TestOneCuePerContentOwnSentence(t *testing.T) {
	doc := `The stakes are high, Becerra said. "Nevada is close," he said.`
	seg := segment.Split(doc)
	quote := []text.Span{spanOf(t, doc, `"Nevada is close,"`)}
	before := spanOf(t, doc, "said")
	after := text.Span{Start: strings.LastIndex(doc, "said"), End: strings.LastIndex(doc, "said") + len("said")}
	for _, order := range [][2]text.Span{{before, after}, {after, before}} {
		atts := []attrib.Attribution{{Content: quote, Cue: order[0]}, {Content: quote, Cue: order[1]}}
		got := oneCuePerContent(atts, seg)
		if len(got) != 1 || got[0].Cue != after {
			t.Errorf("cues in order %v: kept %v, want only the cue at %v", order, got, after)
		}
	}
}

// TestLabelsNoSpeakers: an interview's "Q:" and "A:" and a live blog's
// "Update:" name no one.
func TestLabelsNoSpeakers(t *testing.T) {
	e := newEngine(t)
	text := "Q: Have you talked to her?\n\nA: It’s been about a month. I am surprised.\n\nQ: Does Ted Cruz?\n\nA: No!\n\nUpdate: The vote was moved to Friday."
	res, err := e.Extract(context.Background(), Input{Text: text}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, cl := range res.Claims {
		if a := cl.Attribution; a != nil && a.Source != nil {
			switch a.Source.Text {
			case "Q", "A", "Update":
				t.Errorf("%q is attributed to the label %q", cl.Text, a.Source.Text)
			}
		}
	}
}

// TestInfinitiveTo: a cue's final "to" before a verb is its content's, and
// before a noun phrase stays the cue's.
func TestInfinitiveTo(t *testing.T) {
	m, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ text, cue, content, wantCue, wantContent string }{
		{"The campaign refused to answer the question.", "refused to", "answer the question", "refused", "to answer the question"},
		{"The mayor responded to questions about the budget.", "responded to", "questions about the budget", "responded to", "questions about the budget"},
	}
	for _, c := range cases {
		seg := segment.Split(c.text)
		tags := m.TagDoc(seg) // as the engine tags
		a := attrib.Attribution{Cue: spanOf(t, c.text, c.cue), Content: []text.Span{spanOf(t, c.text, c.content)}}
		infinitiveTo(&a, seg, tags)
		if cue, content := c.text[a.Cue.Start:a.Cue.End], c.text[a.Start():a.End()]; cue != c.wantCue || content != c.wantContent {
			t.Errorf("%s: cue %q content %q, want %q and %q", c.text, cue, content, c.wantCue, c.wantContent)
		}
	}
}

// TestSourceRepairs: mend's repairs of a claim's source, each given the
// model's claim ("" for no source) and the source it should end with.
func TestSourceRepairs(t *testing.T) {
	m, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	type repair func(*attrib.Attribution, *segment.Doc, []tag.Tag)
	cases := []struct {
		name               string
		fix                repair
		text, cue, content string
		source, want       string
	}{
		{"a name after the verb", namedAfter,
			"The paradox of Nancy, says Carl Anthony, a historian, is that she was powerful.", "says", "that she was powerful",
			"The paradox of Nancy", "Carl Anthony"},
		{"not a date after the verb", namedAfter,
			"The plan, said Tuesday, would fail.", "said", "would fail", "", ""},
		{"nor when the model took a name after it", namedAfter,
			"The plan, said the mayor, would fail.", "said", "would fail", "the mayor", "the mayor"},
		{"no noun phrase", noPhrase,
			"“Call the roll,” came shouts from the crowd.", "shouts", "Call the roll", "came", ""},
		{"a name the tagger may miss", noPhrase,
			"The plan failed. (Trump writes that fees would rise.)", "writes", "fees would rise", "Trump", "Trump"},
		{"the asker", askedBy,
			"Asked by Matt Lauer whether she had practiced, Clinton laughed.", "Asked", "whether she had practiced", "Clinton", "Matt Lauer"},
		{"no one asks", func(a *attrib.Attribution, seg *segment.Doc, _ []tag.Tag) { askedNoOne(a, seg) },
			"Asked about the polls, Trump said he was winning.", "Asked", "the polls", "Trump", ""},
		{"a passive's agent", byAgent,
			"Cruz was endorsed on Monday by Carly Fiorina.", "was endorsed", "Cruz", "", "Carly Fiorina"},
		{"an agent the content started on", byAgent,
			"Yellen has been criticized by many bankers for not raising rates.", "has been criticized", "many bankers for not raising rates", "Yellen", "many bankers"},
		{"the phrase after \"with\"", withSubject,
			"The poll was close, with three in 10 saying they were undecided.", "saying", "they were undecided", "The poll", "three in 10"},
		{"the main clause's subject", leadingParticiple,
			"After thanking the crowd, which chanted his name, he touted his record.", "thanking", "the crowd", "", "he"},
		{"the phrase a relative clause describes", pastRelative,
			"Sandy Phillips, who lives in Aurora, Colorado, said the call was rude.", "said", "the call was rude", "Colorado", "Sandy Phillips"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			seg := segment.Split(c.text)
			tags := m.TagDoc(seg)
			a := attOf(t, seg, c.cue, c.content, c.source)
			c.fix(&a, seg, tags)
			if got := c.text[a.Source.Start:a.Source.End]; got != c.want {
				t.Errorf("source %q, want %q", got, c.want)
			}
		})
	}
}

// claim is an attribution as its words: cue, content and source ("" for
// none).
type claim struct{ cue, content, source string }

// attOf is an indirect attribution of seg's text with that cue, content
// and source ("" for none), each where it first stands.
func attOf(t testing.TB, seg *segment.Doc, cue, content, source string) attrib.Attribution {
	t.Helper()
	a := attrib.Attribution{Cue: spanOf(t, seg.Text, cue), Content: []text.Span{spanOf(t, seg.Text, content)}, Kind: attrib.Indirect}
	a.DropSource()
	if source != "" {
		a.Source = spanOf(t, seg.Text, source)
		a.SrcFirst, a.SrcLast = seg.TokenRange(a.Source)
	}
	return a
}

// attsOf is attOf of each claim, in order.
func attsOf(t testing.TB, seg *segment.Doc, claims []claim) []attrib.Attribution {
	t.Helper()
	var atts []attrib.Attribution
	for _, c := range claims {
		atts = append(atts, attOf(t, seg, c.cue, c.content, c.source))
	}
	return atts
}

// tagged is doc split and tagged as the engine does it.
func tagged(t testing.TB, doc string) (*segment.Doc, []tag.Tag) {
	t.Helper()
	m, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	seg := segment.Split(doc)
	return seg, m.TagDoc(seg)
}

// spanOf is where s first stands in doc; the test fails when it does not.
func spanOf(t testing.TB, doc, s string) text.Span {
	t.Helper()
	i := strings.Index(doc, s)
	if i < 0 {
		t.Fatalf("%q not in %q", s, doc)
	}
	return text.Span{Start: i, End: i + len(s)}
}

// TestStartAtThat: a content after a cue of speech starts at the "that"
// after an adjunct, and not at one inside the quotation it opens.
func TestStartAtThat(t *testing.T) {
	lex := cue.Default()
	runParts(t, []partsCase{
		{"after an adjunct",
			"The mayor said at a meeting in Toledo that the plant would reopen.",
			"said", "at a meeting in Toledo that the plant would reopen",
			"that the plant would reopen"},
		{"not inside a quotation",
			"Said Victor Cha: “In that sense, it was like pushing on an open door.”",
			"Said", "“In that sense, it was like pushing on an open door.”",
			"“In that sense, it was like pushing on an open door.”"},
	}, func(a *attrib.Attribution, seg *segment.Doc, tags []tag.Tag, _ []quote.Quote) {
		startAtThat(a, seg, tags, lex)
	})
}

// TestNoDummyIt: an empty "it" before a copula or a verb of seeming is no
// source; "it said", a progressive and other words keep theirs.
func TestNoDummyIt(t *testing.T) {
	cases := []struct {
		name, text, cue, content, source string
		keep                             bool
	}{
		{"a copula", "It's not clear that the plan works.", "clear", "that the plan works", "It", false},
		{"an adverb and a verb of seeming", "It now seems inevitable that he runs.", "seems", "that he runs", "It", false},
		{"a modal and seem", "It would seem that he runs.", "seem", "that he runs", "It", false},
		{"has become", "It has become clear that he runs.", "clear", "that he runs", "It", false},
		{"it said", "It said that the plan works.", "said", "that the plan works", "It", true},
		{"a progressive", "It is arguing that the plan works.", "arguing", "that the plan works", "It", true},
		{"has and a verb", "It has argued that the plan works.", "argued", "that the plan works", "It", true},
		{"another word", "This is clear: the plan works.", "clear", "the plan works", "This", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			seg := segment.Split(c.text)
			a := attOf(t, seg, c.cue, c.content, c.source)
			noDummyIt(&a, seg)
			if kept := a.Source.End > a.Source.Start; kept != c.keep {
				t.Errorf("source kept %v, want %v", kept, c.keep)
			}
		})
	}
}

// TestNoNamer: a participle that names or expects with no agent gives no
// source; a past tense, a perfect, a subject pronoun or "by" keeps it.
func TestNoNamer(t *testing.T) {
	cases := []struct {
		name, text, cue, content, source string
		keep                             bool
	}{
		{"regarded as", "The death of Justice Scalia, regarded as the court's anchor, left it divided.", "regarded as", "the court's anchor", "Justice Scalia", false},
		{"referred to as", "Kyle, referred to as the deadliest sniper, was killed.", "referred to", "the deadliest sniper", "Kyle", false},
		{"a negated passive", "Trump isn't expected to attend the dinner.", "isn't expected", "to attend the dinner", "Trump", false},
		{"a reduced relative", "A developer known to be bullish on golf is Trump.", "known", "to be bullish on golf", "A developer", false},
		{"a past tense", "Mr. Deese expected that the president would call.", "expected", "that the president would call", "Mr. Deese", true},
		{"a perfect", "Voters have long viewed as weak the plan he offered.", "viewed as", "weak", "Voters", true},
		{"an agent", "Kyle, regarded as a hero by many, was killed.", "regarded as", "a hero", "Kyle", true},
		{"another verb", "Trump called the plan a disaster.", "called", "the plan a disaster", "Trump", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			seg, tags := tagged(t, c.text)
			a := attOf(t, seg, c.cue, c.content, c.source)
			noNamer(&a, seg, tags)
			if kept := a.Source.End > a.Source.Start; kept != c.keep {
				t.Errorf("source kept %v, want %v", kept, c.keep)
			}
		})
	}
}

// TestSourceless: the cues PolNeAR leaves without a source (passives,
// appearances, names given in passing) and those it does not.
func TestSourceless(t *testing.T) {
	cases := []struct {
		cue  string
		want bool
	}{
		{"was accused of", true},
		{"are expected", true},
		{"isn't expected", true}, // "isn't" reads as "isn" and "t"
		{"have often been criticized", true},
		{"seemed", true},
		{"known as", true},
		{"titled", true},
		{"are worried", false}, // a participle of feeling: its subject feels it
		{"were divided on", false},
		{"said", false},
		{"called", false},
		{"known", false},
	}
	for _, c := range cases {
		if got := sourceless(c.cue); got != c.want {
			t.Errorf("sourceless(%q) = %v, want %v", c.cue, got, c.want)
		}
	}
}

// TestDateNoSource: a date before the cue is not who speaks.
func TestDateNoSource(t *testing.T) {
	e := newEngine(t)
	res, err := e.Extract(context.Background(), Input{Text: "House Speaker Paul Ryan, R-Wis., Tuesday said victims “do need to have their day in court.”"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, cl := range res.Claims {
		if a := cl.Attribution; a != nil && a.Source != nil && a.Source.Text == "Tuesday" {
			t.Errorf("%q is attributed to %q", cl.Text, a.Source.Text)
		}
	}
}

// TestInCompound: a participle that ends a hyphenated modifier is no cue.
func TestInCompound(t *testing.T) {
	cases := []struct {
		text, cue string
		want      bool
	}{
		{"The U.S.-backed coalition advanced.", "backed", true},
		{"The U.S. -backed coalition advanced.", "backed", true}, // the seed's spacing
		{"The U.N.-led talks resumed.", "led", true},
		{"The mayor - backed by the council - said no.", "backed", false}, // a dash, not a hyphen
		{"The council backed the plan.", "backed", false},
	}
	for _, c := range cases {
		seg := segment.Split(c.text)
		at := strings.Index(c.text, c.cue)
		cue := text.Span{Start: at, End: at + len(c.cue)}
		if got := inCompound(seg, cue); got != c.want {
			t.Errorf("%q: inCompound(%q) = %v, want %v", c.text, c.cue, got, c.want)
		}
	}
}

// TestQuotedSpeaker: a participle after a quotation's frame speaks with
// the frame's speaker, not with a source in the quoted words.
func TestQuotedSpeaker(t *testing.T) {
	cases := []struct {
		name        string
		text        string
		first, then claim
		want        string
	}{
		{"after the frame",
			"“He performed 100 percent,” Rendell recalled, suggesting the debate erased all memory of it.",
			claim{"recalled", "“He performed 100 percent,”", "Rendell"}, claim{"suggesting", "the debate erased all memory of it", "He"},
			"Rendell"},
		{"not without the comma",
			"“He performed well,” Rendell recalled before suggesting the debate mattered.",
			claim{"recalled", "“He performed well,”", "Rendell"}, claim{"suggesting", "the debate mattered", "He"},
			"He"},
		{"not a frame before the quotation",
			"Rendell recalled “He performed well,” suggesting the debate mattered.",
			claim{"recalled", "“He performed well,”", "Rendell"}, claim{"suggesting", "the debate mattered", "He"},
			"He"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			seg, tags := tagged(t, c.text)
			atts := []attrib.Attribution{attOf(t, seg, c.first.cue, c.first.content, c.first.source), attOf(t, seg, c.then.cue, c.then.content, c.then.source)}
			quotedSpeaker(atts, seg, tags, newQuoteIndex(quote.Find(seg)))
			if got := c.text[atts[1].Source.Start:atts[1].Source.End]; got != c.want {
				t.Errorf("source %q, want %q", got, c.want)
			}
		})
	}
}

// TestSharedSubject: a cue "and" joins to the one before takes that
// one's source, unless the two differ in form or the first is a
// quotation's.
func TestSharedSubject(t *testing.T) {
	cases := []struct {
		name        string
		text        string
		first, then claim
		kind        attrib.Kind // the first claim's
		want        string
	}{
		{"the subject of both verbs",
			"Graham called both Trump and Clinton crazy and said the party would lose.",
			claim{"called", "both Trump and Clinton crazy", "Graham"}, claim{"said", "the party would lose", "Clinton"},
			attrib.Indirect, "Graham"},
		{"after an adverb",
			"Graham criticized the plan and then said it would fail.",
			claim{"criticized", "the plan", "Graham"}, claim{"said", "it would fail", ""},
			attrib.Indirect, "Graham"},
		{"two participles",
			"She is noting the problems Sanders had and saying he could not explain them.",
			claim{"is noting", "the problems Sanders had", "She"}, claim{"saying", "he could not explain them", "Sanders"},
			attrib.Indirect, "She"},
		{"not a participle after a finite verb",
			"Critics vented about Sanders, vowing to fight on, and said they had lost patience.",
			claim{"vowing", "to fight on", "Sanders"}, claim{"said", "they had lost patience", "Critics"},
			attrib.Indirect, "Critics"},
		{"not after a quotation",
			"“I love Oreos,” he said, and vowed to impose a tax.",
			claim{"said", "I love Oreos", "he"}, claim{"vowed", "to impose a tax", ""},
			attrib.Direct, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			seg, tags := tagged(t, c.text)
			atts := []attrib.Attribution{attOf(t, seg, c.first.cue, c.first.content, c.first.source), attOf(t, seg, c.then.cue, c.then.content, c.then.source)}
			atts[0].Kind = c.kind
			sharedSubject(atts, seg, tags)
			if got := c.text[atts[1].Source.Start:atts[1].Source.End]; got != c.want {
				t.Errorf("source %q, want %q", got, c.want)
			}
		})
	}
}
