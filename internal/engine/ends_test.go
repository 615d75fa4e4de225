package engine

import (
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/attrib"
	"github.com/whosaid/whosaid/internal/quote"
	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
	"github.com/whosaid/whosaid/internal/text"
)

// TestContentEnds: where atSecondVerb, beforeMainClause, beforeWhen and
// beforeAndClause end a content the model ran on, and where they leave it
// alone.
func TestContentEnds(t *testing.T) {
	cases := []struct {
		name string
		text string
		c    claim
		want string
	}{
		{"a second verb of the cue's form",
			"Clinton said that she will release her tax returns and called on Sanders to do the same.",
			claim{"said", "that she will release her tax returns and called on Sanders to do the same", "Clinton"},
			"that she will release her tax returns"},
		{"two participles",
			"He spoke Monday, saying they want a ban and vowing to build a wall.",
			claim{"saying", "they want a ban and vowing to build a wall", "He"},
			"they want a ban"},
		{"the content's own verbs",
			"Smith said Jones lied and cheated in the race.",
			claim{"said", "Jones lied and cheated in the race", "Smith"},
			"Jones lied and cheated in the race"},
		{"a participle that is a modifier",
			"Forecasters said the heat and unsettled weather could last through the week.",
			claim{"said", "the heat and unsettled weather could last through the week", "Forecasters"},
			"the heat and unsettled weather could last through the week"},
		{"inside a quotation",
			"Kasich said he was “tired of it and ready to go home.”",
			claim{"said", "he was “tired of it and ready to go home.”", "Kasich"},
			"he was “tired of it and ready to go home.”"},
		{"a clause opener",
			"When the moderator pointed out that Trump hadn't answered the question, the candidate changed the subject.",
			claim{"pointed out", "that Trump hadn't answered the question, the candidate changed the subject", "the moderator"},
			"that Trump hadn't answered the question"},
		{"a participle after a subordinator",
			"After stating that unborn babies have no rights, Clinton vowed to repeal the amendment.",
			claim{"stating", "that unborn babies have no rights, Clinton vowed to repeal the amendment", ""},
			"that unborn babies have no rights"},
		{"a clause opener after a link",
			"However, while the RNC says they are well on their way to reaching their goal, they are not receiving help from many companies.",
			claim{"says", "they are well on their way to reaching their goal, they are not receiving help from many companies", "the RNC"},
			"they are well on their way to reaching their goal"},
		{"an infinitive content",
			"But as technology threatens to change the industry ever more quickly, it's likely that the agreement may merely reset the clock.",
			claim{"threatens", "to change the industry ever more quickly, it's likely that the agreement may merely reset the clock", "technology"},
			"to change the industry ever more quickly"},
		{"an occasion",
			"Blackwell thanked supporters at a victory rally in his home state.",
			claim{"thanked", "supporters at a victory rally in his home state", "Blackwell"},
			"supporters"},
		{"an occasion coordinated with another",
			"He praised Mrs. Clinton during campaign stops and in his speech at the convention.",
			claim{"praised", "Mrs. Clinton during campaign stops and in his speech at the convention", "He"},
			"Mrs. Clinton"},
		{"an occasion, then a date",
			"She praised the president's actions in a tweet on Sunday.",
			claim{"praised", "the president's actions in a tweet on Sunday", "She"},
			"the president's actions"},
		{"a medium after on",
			"Bill Clinton posted the comments and video of them on its website.",
			claim{"posted", "the comments and video of them on its website", "Bill Clinton"},
			"the comments and video of them"},
		{"not a topic after on",
			"She commented on the deal.",
			claim{"commented", "on the deal", "She"},
			"on the deal"},
		{"not a clause's occasion",
			"He said that he was working on a book in an interview.",
			claim{"said", "that he was working on a book in an interview", "He"},
			"that he was working on a book in an interview"},
		{"not in the main clause",
			"The senator said that in the end, the bill will pass.",
			claim{"said", "that in the end, the bill will pass", "The senator"},
			"that in the end, the bill will pass"},
		{"not a content with a clause of its own",
			"When asked, he said even if Sanders won the state, he would need more delegates.",
			claim{"said", "even if Sanders won the state, he would need more delegates", "he"},
			"even if Sanders won the state, he would need more delegates"},
		{"a date after a thing",
			"Palin announced her endorsement of Ted Cruz on Sunday.",
			claim{"announced", "her endorsement of Ted Cruz on Sunday", "Palin"},
			"her endorsement of Ted Cruz"},
		{"a month and a year",
			"The group criticized the NRA in February 2015.",
			claim{"criticized", "the NRA in February 2015", "The group"},
			"the NRA"},
		{"a date in a clause",
			"Officials dismissed the claim to have tested a bomb on Wednesday.",
			claim{"dismissed", "the claim to have tested a bomb on Wednesday", "Officials"},
			"the claim to have tested a bomb on Wednesday"},
		{"a date with no preposition",
			"Clinton released her returns last week.",
			claim{"released", "her returns last week", "Clinton"},
			"her returns last week"},
		{"a clause after a thing",
			"Trump called him a nice guy and he didn't mention Kasich.",
			claim{"called", "him a nice guy and he didn't mention Kasich", "Trump"},
			"him a nice guy"},
		{"the cue's subject goes on",
			"Cruz rejected the science of climate change and criticized the Paris agreement.",
			claim{"rejected", "the science of climate change and criticized the Paris agreement", "Cruz"},
			"the science of climate change"},
		{"not before a modal",
			"Clinton proposed a tax on incomes over $5 million and would leave the rest alone.",
			claim{"proposed", "a tax on incomes over $5 million and would leave the rest alone", "Clinton"},
			"a tax on incomes over $5 million and would leave the rest alone"},
		{"not inside an infinitive",
			"He asked the woman to raise her voice and say the word louder.",
			claim{"asked", "the woman to raise her voice and say the word louder", "He"},
			"the woman to raise her voice and say the word louder"},
		{"not a subject of two pronouns",
			"Aides believe she and they can get under his skin.",
			claim{"believe", "she and they can get under his skin", "Aides"},
			"she and they can get under his skin"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			seg, tags := tagged(t, c.text)
			quotes := quote.Find(seg)
			a := attOf(t, seg, c.c.cue, c.c.content, c.c.source)
			a.Kind = kindOf(a.Content, quotes)
			atSecondVerb(&a, seg, tags, newQuoteIndex(quotes))
			beforeMainClause(&a, seg, tags)
			beforeVenue(&a, seg, tags)
			beforeWhen(&a, seg, tags)
			beforeAndClause(&a, seg, tags, newQuoteIndex(quotes))
			if got := c.text[a.Content[0].Start:a.Content[len(a.Content)-1].End]; got != c.want {
				t.Errorf("content %q, want %q", got, c.want)
			}
		})
	}
}

// TestWithoutLink: a content that opens its sentence with a link and a
// comma starts after them; words of time, other openers and a link inside
// the sentence stay. One that opens its paragraph with a dateline starts
// after it (afterDateline).
func TestWithoutLink(t *testing.T) {
	cases := []struct {
		name, text string
		c          claim
		want       string
	}{
		{"a dateline",
			"WASHINGTON (AP) — Trump's obsession is an insult, lawmakers said.",
			claim{"said", "WASHINGTON (AP) — Trump's obsession is an insult", "lawmakers"},
			"Trump's obsession is an insult"},
		{"not a dateline inside a paragraph",
			"It rained. WASHINGTON — the city flooded, officials said.",
			claim{"said", "WASHINGTON — the city flooded", "officials"},
			"WASHINGTON — the city flooded"},
		{"a link",
			"Still, though trade may be good, the case is weaker, Mr. Autor said.",
			claim{"said", "Still, though trade may be good, the case is weaker", "Mr. Autor"},
			"though trade may be good, the case is weaker"},
		{"a link of two words",
			"In fact, neither plan would matter, analysts say.",
			claim{"say", "In fact, neither plan would matter", "analysts"},
			"neither plan would matter"},
		{"a link of four words",
			"At the same time, the tax has not hurt growth, the report found.",
			claim{"found", "At the same time, the tax has not hurt growth", "the report"},
			"the tax has not hurt growth"},
		{"a word of time stays",
			"Now, half of the troops are at home, officials said.",
			claim{"said", "Now, half of the troops are at home", "officials"},
			"Now, half of the troops are at home"},
		{"not a link",
			"In all, hackers hit 12 computers, the report said.",
			claim{"said", "In all, hackers hit 12 computers", "the report"},
			"In all, hackers hit 12 computers"},
		{"not at the sentence's start",
			"The report said that, however, the plan would fail.",
			claim{"said", "however, the plan would fail", "The report"},
			"however, the plan would fail"},
		{"a link without a comma",
			"Still the plan would fail, the report said.",
			claim{"said", "Still the plan would fail", "the report"},
			"Still the plan would fail"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			seg, _ := tagged(t, c.text)
			a := attOf(t, seg, c.c.cue, c.c.content, c.c.source)
			withoutLink(&a, seg)
			afterDateline(&a, seg)
			if got := c.text[a.Content[0].Start:a.Content[len(a.Content)-1].End]; got != c.want {
				t.Errorf("content %q, want %q", got, c.want)
			}
		})
	}
}

// TestQuoteJoins: the quotation before a frame joins the one after it
// (withQuoteBefore, withQuoteAfter) when no claim holds it.
func TestQuoteJoins(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		c     claim
		other string // a claim's content that holds words before the frame, or ""
		want  string // the content's parts, joined by " | "
	}{
		{"a fragment and a quotation",
			"Yet Trump is also a “change agent,” Cole said. “That’s exactly what people want.”",
			claim{"said", "“That’s exactly what people want.”", "Cole"}, "",
			"Yet Trump is also a “change agent,” | “That’s exactly what people want.”"},
		{"a fragment between two apostrophes",
			"Members may pay more if necessary ''because they expect a level of service,'' Mr. Chipok said. ''But public courses may not have the money.''",
			claim{"said", "''But public courses may not have the money.''", "Mr. Chipok"}, "",
			"Members may pay more if necessary ''because they expect a level of service,'' | ''But public courses may not have the money.''"},
		{"a question before the frame",
			"“Can we win Illinois?” Mr. Manafort asked. “I don’t know. But we can make her spend money there.”",
			claim{"asked", "“I don’t know. But we can make her spend money there.”", "Mr. Manafort"}, "",
			"“Can we win Illinois?” | “I don’t know. But we can make her spend money there.”"},
		{"a question between two apostrophes",
			"''Can we win Illinois?'' Mr. Manafort asked. ''I don't know. But we can make her spend money there.''",
			claim{"asked", "''I don't know. But we can make her spend money there.''", "Mr. Manafort"}, "",
			"''Can we win Illinois?'' | ''I don't know. But we can make her spend money there.''"},
		{"a quotation inside the quotation",
			"The movement is about “people telling leaders, ‘this is not what we want,’” Wilcox said. “What we’re seeing is a revolt.”",
			claim{"said", "“What we’re seeing is a revolt.”", "Wilcox"}, "",
			"The movement is about “people telling leaders, ‘this is not what we want,’” | “What we’re seeing is a revolt.”"},
		{"words after the cue",
			"Still, golf clubs are “just scratching out a profit,” Mr. Hedge said from his office in Orlando. “Golf is a razor-thin industry.”",
			claim{"said", "“Golf is a razor-thin industry.”", "Mr. Hedge"}, "",
			"Still, golf clubs are “just scratching out a profit,” | “Golf is a razor-thin industry.”"},
		{"after a label",
			"Update: Trump is a “change agent,” Cole said. “That’s what people want.”",
			claim{"said", "“That’s what people want.”", "Cole"}, "",
			"Trump is a “change agent,” | “That’s what people want.”"},
		{"held by another claim",
			"Critics argued Trump is a “change agent,” Cole said. “That’s what people want.”",
			claim{"said", "“That’s what people want.”", "Cole"}, "Trump is a “change agent,”",
			"“That’s what people want.”"},
		{"no quotation before the frame",
			"Trump is a change agent, Cole said. “That’s what people want.”",
			claim{"said", "“That’s what people want.”", "Cole"}, "",
			"“That’s what people want.”"},
		{"the next sentence's quotation",
			"“It can cause more turbulence,” Clinton said. “And that’s why steady leadership is so important.” She left.",
			claim{"said", "“It can cause more turbulence,”", "Clinton"}, "",
			"“It can cause more turbulence,” | “And that’s why steady leadership is so important.”"},
		{"after a frame with more words",
			"“It can cause more turbulence,” Clinton said as she accepted the award. “And that’s why we need leadership.”",
			claim{"said", "“It can cause more turbulence,”", "Clinton"}, "",
			"“It can cause more turbulence,” | “And that’s why we need leadership.”"},
		{"not after another verb",
			"“We know we have work to do,” she told the crowd, then mocked his slogan. “But that work is not to make America great again.”",
			claim{"told", "“We know we have work to do,”", "she"}, "",
			"“We know we have work to do,”"},
		{"not a shout",
			"“Do we make promises we cannot keep?” he asked. “Nooooo!”",
			claim{"asked", "“Do we make promises we cannot keep?”", "he"}, "",
			"“Do we make promises we cannot keep?”"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			seg, tags := tagged(t, c.text)
			quotes := quote.Find(seg)
			atts := []attrib.Attribution{attOf(t, seg, c.c.cue, c.c.content, c.c.source)}
			atts[0].Kind = kindOf(atts[0].Content, quotes)
			if c.other != "" {
				atts = append(atts, attOf(t, seg, "argued", c.other, "Critics"))
			}
			withQuoteBefore(atts, seg, quotes)
			withQuoteAfter(atts, seg, tags, quotes)
			if got := partsOf(c.text, atts[0].Content); got != c.want {
				t.Errorf("content %q, want %q", got, c.want)
			}
		})
	}
}

func TestLaterLead(t *testing.T) {
	runJoins(t, []joinCase{
		{"a link",
			"“It is not do or die,” he said outside the building. But “his candidacy is strengthened.”",
			"said", "“It is not do or die,” | “his candidacy is strengthened.”", [2]string{},
			"“It is not do or die,” | But “his candidacy is strengthened.”"},
		{"a subject",
			"“We thought only Trump was insensitive,” said Aida. Biden “kind of misspoke.”",
			"said", "“We thought only Trump was insensitive,” | “kind of misspoke.”", [2]string{},
			"“We thought only Trump was insensitive,” | Biden “kind of misspoke.”"},
		{"the quotation opens its sentence",
			"“It is not do or die,” he said. “His candidacy is strengthened.”",
			"said", "“It is not do or die,” | “His candidacy is strengthened.”", [2]string{},
			"“It is not do or die,” | “His candidacy is strengthened.”"},
		{"held by another claim",
			"“It is not do or die,” he said. Critics argued that “his candidacy is strengthened.”",
			"said", "“It is not do or die,” | “his candidacy is strengthened.”", [2]string{"argued", "Critics argued that"},
			"“It is not do or die,” | “his candidacy is strengthened.”"},
		{"another quotation before it",
			"“It is not do or die,” he said. The “base” knows “his candidacy is strengthened.”",
			"said", "“It is not do or die,” | “his candidacy is strengthened.”", [2]string{},
			"“It is not do or die,” | “his candidacy is strengthened.”"},
	}, func(atts []attrib.Attribution, seg *segment.Doc, _ []tag.Tag, _ []quote.Quote) {
		withLaterLead(atts, seg)
	})
}

// joinCase is a claim in parts (joined by " | ") before and after a
// repair that reads every claim, with another claim's cue and content
// beside it, or none.
type joinCase struct {
	name, text, cue, content string
	other                    [2]string
	want                     string
}

// runJoins runs repair over each case's claims and checks the first
// one's parts.
func runJoins(t *testing.T, cases []joinCase, repair func([]attrib.Attribution, *segment.Doc, []tag.Tag, []quote.Quote)) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			seg, tags := tagged(t, c.text)
			quotes := quote.Find(seg)
			atts := []attrib.Attribution{inParts(t, seg, quotes, c.cue, c.content)}
			if c.other[0] != "" {
				atts = append(atts, attOf(t, seg, c.other[0], c.other[1], ""))
			}
			repair(atts, seg, tags, quotes)
			if got := partsOf(c.text, atts[0].Content); got != c.want {
				t.Errorf("content %q, want %q", got, c.want)
			}
		})
	}
}

// TestWithoutDatePart: a part that is only a date or a time goes, and a
// part with other words, or the only part, stays.
func TestWithoutDatePart(t *testing.T) {
	runParts(t, []partsCase{
		{"the frame's time",
			"The campaign plans to release the records soon, a spokesman announced Monday morning.",
			"announced", "The campaign plans to release the records soon | Monday morning",
			"The campaign plans to release the records soon"},
		{"a year before the frame",
			"In 2008, he wrote, the donation had made his father a sponsor.",
			"wrote", "In 2008 | the donation had made his father a sponsor",
			"the donation had made his father a sponsor"},
		{"not a pronoun",
			"This, he said, is a fine and fair idea.",
			"said", "This | is a fine and fair idea",
			"This | is a fine and fair idea"},
		{"not the only part",
			"He said today.",
			"said", "today",
			"today"},
	}, func(a *attrib.Attribution, seg *segment.Doc, _ []tag.Tag, quotes []quote.Quote) {
		withoutDatePart(a, seg, quotes)
	})
}

// TestWithoutConcession: a content its frame follows starts after the
// concession it opens with, and not without a comma or a frame after it.
func TestWithoutConcession(t *testing.T) {
	runParts(t, []partsCase{
		{"a concession",
			"Despite a month of attacks, Sanders trails by 20 points, according to the poll.",
			"according to", "Despite a month of attacks, Sanders trails by 20 points",
			"Sanders trails by 20 points"},
		{"a clause of concession",
			"Though he has no shot at the nomination, Kasich leads in Ohio, the survey found.",
			"found", "Though he has no shot at the nomination, Kasich leads in Ohio",
			"Kasich leads in Ohio"},
		{"no comma",
			"Though trade may be good -- after all -- the case is weaker, he said.",
			"said", "Though trade may be good -- after all -- the case is weaker",
			"Though trade may be good -- after all -- the case is weaker"},
		{"the frame before it",
			"He said that despite the attacks, Sanders leads.",
			"said", "despite the attacks, Sanders leads",
			"despite the attacks, Sanders leads"},
	}, func(a *attrib.Attribution, seg *segment.Doc, _ []tag.Tag, _ []quote.Quote) {
		withoutConcession(a, seg)
	})
}

// TestAfterFrame: a later part starts right after the comma that closes
// its frame, and not past a participle, a quotation mark, a sentence's
// end or words another claim holds.
func TestAfterFrame(t *testing.T) {
	runJoins(t, []joinCase{
		{"a verb after the frame",
			"The difference now, he told me on Friday, is that he is the anchor.",
			"told", "The difference now | that he is the anchor", [2]string{},
			"The difference now | is that he is the anchor"},
		{"a link after the frame",
			"“It must come with enforcement,” she said, and “clear consequences for any violations.”",
			"said", "“It must come with enforcement,” | “clear consequences for any violations.”", [2]string{},
			"“It must come with enforcement,” | and “clear consequences for any violations.”"},
		{"according to",
			"Over the long term, according to the budget office, the rise in deficits is due to spending.",
			"according to", "Over the long term | is due to spending", [2]string{},
			"Over the long term | the rise in deficits is due to spending"},
		{"a participle's frame",
			"“It is sickening,” Hollande said, noting the nominee “makes you want to retch.”",
			"said", "“It is sickening,” | “makes you want to retch.”", [2]string{},
			"“It is sickening,” | “makes you want to retch.”"},
		{"a quotation mark between",
			"“I will call him,” he promises, and say to him, “Sir, we stay.”",
			"promises", "“I will call him,” | Sir, we stay.", [2]string{},
			"“I will call him,” | Sir, we stay."},
		{"another sentence",
			"“It is over,” he said. Then, in the end, “we won.”",
			"said", "“It is over,” | “we won.”", [2]string{},
			"“It is over,” | “we won.”"},
		{"held by another claim",
			"The difference now, he told me on Friday, critics say is small.",
			"told", "The difference now | is small", [2]string{"say", "critics say"},
			"The difference now | is small"},
	}, func(atts []attrib.Attribution, seg *segment.Doc, tags []tag.Tag, _ []quote.Quote) {
		afterFrame(atts, seg, tags)
	})
}

// TestWithoutTitle: a short quotation after a possessive, preposition or
// determiner is a title, not the first part of what was said.
func TestWithoutTitle(t *testing.T) {
	runParts(t, []partsCase{
		{"a show after a possessive",
			"Speaking on ABC’s “This Week,” Carson admitted that the name was wrong.",
			"admitted", "“This Week,” | that the name was wrong",
			"that the name was wrong"},
		{"a topic after a determiner",
			"To a question on the “privatization of public sector jobs,” Sanders said he opposed it.",
			"said", "“privatization of public sector jobs,” | he opposed it",
			"he opposed it"},
		{"words said",
			"“It is fine,” Trump said of the practice, “and it works.”",
			"said", "“It is fine,” | “and it works.”",
			"“It is fine,” | “and it works.”"},
		{"a long quotation",
			"He read from the “first of many letters he would write to the governor that year,” Smith said, “and it worked.”",
			"said", "“first of many letters he would write to the governor that year,” | “and it worked.”",
			"“first of many letters he would write to the governor that year,” | “and it worked.”"},
	}, withoutTitle)
}

// TestSharedCue: a reported clause ends where "and" or "but" brings in
// another claim's cue in the same tense as its own, and nowhere else.
func TestSharedCue(t *testing.T) {
	runJoins(t, []joinCase{
		{"the cue's subject goes on",
			"She said she had released 30 years of tax returns and called on Sanders to do the same.",
			"said", "she had released 30 years of tax returns and called on Sanders to do the same", [2]string{"called on", "Sanders to do the same"},
			"she had released 30 years of tax returns"},
		{"a perfect reads as past",
			"Trump has sharply criticized trade deals such as NAFTA and called for steep new tariffs.",
			"has sharply criticized", "trade deals such as NAFTA and called for steep new tariffs", [2]string{"called for", "steep new tariffs"},
			"trade deals such as NAFTA"},
		{"another tense goes on with what was said",
			"He said he is proud of his campaign and expects to leave Nevada with delegates.",
			"said", "he is proud of his campaign and expects to leave Nevada with delegates", [2]string{"expects", "to leave Nevada with delegates"},
			"he is proud of his campaign and expects to leave Nevada with delegates"},
		{"no claim after and",
			"She said she had released her returns and paid her taxes.",
			"said", "she had released her returns and paid her taxes", [2]string{},
			"she had released her returns and paid her taxes"},
		{"inside a quotation",
			"She said that “we were tired and wanted a change.”",
			"said", "that “we were tired and wanted a change.”", [2]string{"wanted", "a change"},
			"that “we were tired and wanted a change.”"},
	}, func(atts []attrib.Attribution, seg *segment.Doc, tags []tag.Tag, quotes []quote.Quote) {
		beforeSharedCue(atts, seg, tags, newQuoteIndex(quotes))
	})
}

func TestFramedQuote(t *testing.T) {
	cases := []struct {
		name, text, cue, content, want string // content and want: parts joined by " | "
		kind                           attrib.Kind
	}{
		{"a quotation with a frame of its own",
			"Signs filled the hall. “America is great! Trump is disgusting,” read one. “Anybody but Trump,” was another.",
			"read", "“America is great! Trump is disgusting,” | “Anybody but Trump,”",
			"“America is great! Trump is disgusting,”", attrib.Direct},
		{"between two apostrophes",
			"Signs filled the hall. ''America is great! Trump is disgusting,'' read one. ''Anybody but Trump,'' was another.",
			"read", "''America is great! Trump is disgusting,'' | ''Anybody but Trump,''",
			"''America is great! Trump is disgusting,''", attrib.Direct},
		{"a quotation after words",
			"He had just welcomed a baby girl, his brother added. “He’s a new dad,” he said.",
			"added", "He had just welcomed a baby girl | “He’s a new dad,”",
			"He had just welcomed a baby girl", attrib.Indirect},
		{"a quotation that ends its sentence",
			"“It can cause more turbulence,” Clinton said. “And that’s why we need leadership.”",
			"said", "“It can cause more turbulence,” | “And that’s why we need leadership.”",
			"“It can cause more turbulence,” | “And that’s why we need leadership.”", attrib.Direct},
		{"the rest of a split quotation",
			"“We know,” she said, “that work is hard,” and left.",
			"said", "“We know,” | “that work is hard,”",
			"“We know,” | “that work is hard,”", attrib.Direct},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			seg, _ := tagged(t, c.text)
			quotes := quote.Find(seg)
			a := inParts(t, seg, quotes, c.cue, c.content)
			withoutFramedQuote(&a, seg, quotes)
			if got := partsOf(c.text, a.Content); got != c.want {
				t.Errorf("content %q, want %q", got, c.want)
			}
			if a.Kind != c.kind {
				t.Errorf("kind %v, want %v", a.Kind, c.kind)
			}
		})
	}
}

func TestPassiveSubjects(t *testing.T) {
	runParts(t, []partsCase{
		{"the one asked",
			"Clinton has been asked to release the transcripts of her speeches.",
			"has been asked", "Clinton | to release the transcripts of her speeches",
			"to release the transcripts of her speeches"},
		{"another passive keeps its subject",
			"The candidate is expected to win the state.",
			"is expected", "The candidate | to win the state",
			"The candidate | to win the state"},
		{"the whole subject",
			"The birth of the newest Clinton is expected to coincide with the conventions.",
			"is expected", "Clinton | to coincide with the conventions",
			"The birth of the newest Clinton | to coincide with the conventions"},
		{"after an adverb",
			"Even HBO comedian John Oliver appeared to lose his temper.",
			"appeared", "Oliver | to lose his temper",
			"HBO comedian John Oliver | to lose his temper"},
		{"after a clause opener",
			"Despite the fact that neither contest this year seems to have a genuine race, turnout rose.",
			"seems", "this year | to have a genuine race",
			"neither contest this year | to have a genuine race"},
		{"not past a comma",
			"In Iowa, Clinton is expected to win.",
			"is expected", "Clinton | to win",
			"Clinton | to win"},
		{"not a relative pronoun",
			"The central bank, which is expected to act in December, held rates.",
			"is expected", "which | to act in December",
			"which | to act in December"},
		{"a title runs on to its name",
			"Mr. Effron is a major donor and has been mentioned as a potential Treasury secretary.",
			"has been mentioned as", "Mr. | a potential Treasury secretary",
			"Mr. Effron | a potential Treasury secretary"},
		{"a determiner runs on to its noun, not past a comma",
			"The Obama administration, under growing pressure, is expected to act.",
			"is expected", "The | to act",
			"The Obama administration | to act"},
		{"a whole name stays as it is",
			"Mr. Effron is expected to leave.",
			"is expected", "Mr. Effron | to leave",
			"Mr. Effron | to leave"},
		{"not a participle's phrase",
			"Following an outcry the bill was expected to pass.",
			"was expected", "the bill | to pass",
			"the bill | to pass"},
	}, func(a *attrib.Attribution, seg *segment.Doc, tags []tag.Tag, quotes []quote.Quote) {
		withoutAsked(a, seg, quotes)
		wholeSubject(a, seg, tags)
	})
}

// partsCase is a claim's content before and after a repair, its parts
// joined by " | ".
type partsCase struct{ name, text, cue, content, want string }

// runParts runs repair over each case's claim, alone, and checks its
// parts, as runJoins does.
func runParts(t *testing.T, cases []partsCase, repair func(*attrib.Attribution, *segment.Doc, []tag.Tag, []quote.Quote)) {
	t.Helper()
	joins := make([]joinCase, len(cases))
	for i, c := range cases {
		joins[i] = joinCase{name: c.name, text: c.text, cue: c.cue, content: c.content, want: c.want}
	}
	runJoins(t, joins, func(atts []attrib.Attribution, seg *segment.Doc, tags []tag.Tag, quotes []quote.Quote) {
		repair(&atts[0], seg, tags, quotes)
	})
}

func TestRelatives(t *testing.T) {
	cases := []struct {
		name, text, source, cue, content, want, wantSource string
	}{
		{"that before the content's verb",
			"She has the kind of job that many economists say is the future.",
			"many economists", "say", "is the future",
			"that | is the future", "many economists"},
		{"not that after a verb",
			"The report showed that officials knew the attack was planned.",
			"officials", "knew", "the attack was planned",
			"the attack was planned", "officials"},
		{"not that before a noun phrase",
			"It is a plan that he calls a disaster.",
			"he", "calls", "a disaster",
			"a disaster", "he"},
		{"what after a preposition",
			"In 2009, under what Mr. Hedge called the prior economy model, fees fell.",
			"Mr. Hedge", "called", "the prior economy model",
			"what | the prior economy model", "Mr. Hedge"},
		{"a pronoun the source took",
			"The changes, which officials said will go into effect soon, are big.",
			"which officials", "said", "will go into effect soon",
			"which | will go into effect soon", "officials"},
		{"not a source of one word",
			"The changes, which said nothing, are big.",
			"which", "said", "nothing",
			"nothing", "which"},
		{"no pronoun",
			"Police opened a probe the agency said was ongoing as of this month.",
			"the agency", "said", "was ongoing as of this month",
			"a probe | was ongoing as of this month", "the agency"},
		{"no pronoun, a content with a subject",
			"It was the third time the group said it had set up such an event.",
			"the group", "said", "it had set up such an event",
			"it had set up such an event", "the group"},
		{"no pronoun, not across a sentence",
			"Investigation Into the Foundation\n\nThe agency said was ongoing.",
			"The agency", "said", "was ongoing",
			"was ongoing", "The agency"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			seg, tags := tagged(t, c.text)
			a := attOf(t, seg, c.cue, c.content, c.source)
			moreRelatives(&a, seg, tags)
			zeroRelative(&a, seg, tags)
			relativeInSource(&a, seg)
			checkClaim(t, c.text, &a, c.want, c.wantSource)
		})
	}
}

func TestInfinitiveSpeaker(t *testing.T) {
	cases := []struct {
		name, text, cue, content, want, wantSource string
	}{
		{"a verb after the participle",
			"The New York Times is expected to endorse the Democratic candidate.",
			"is expected to endorse", "The New York Times | the Democratic candidate",
			"the Democratic candidate", "The New York Times"},
		{"a participle's own infinitive",
			"The candidate is expected to win the state.",
			"is expected", "The candidate | to win the state",
			"The candidate | to win the state", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			seg, _ := tagged(t, c.text)
			quotes := quote.Find(seg)
			a := inParts(t, seg, quotes, c.cue, c.content)
			infinitiveSpeaker(&a, seg, quotes)
			checkClaim(t, c.text, &a, c.want, c.wantSource)
		})
	}
}

// checkClaim reports where a's content (parts joined by " | ") or its
// source differ from want and wantSource.
func checkClaim(t *testing.T, doc string, a *attrib.Attribution, want, wantSource string) {
	t.Helper()
	if got := partsOf(doc, a.Content); got != want {
		t.Errorf("content %q, want %q", got, want)
	}
	if got := doc[a.Source.Start:a.Source.End]; got != wantSource {
		t.Errorf("source %q, want %q", got, wantSource)
	}
}

// inParts is an attribution with no source of cue and a content in the
// parts content gives, joined by " | ".
func inParts(t *testing.T, seg *segment.Doc, quotes []quote.Quote, cue, content string) attrib.Attribution {
	t.Helper()
	a := attrib.Attribution{Cue: spanOf(t, seg.Text, cue)}
	a.DropSource()
	for _, p := range strings.Split(content, " | ") {
		a.Content = append(a.Content, spanOf(t, seg.Text, p))
	}
	a.Kind = kindOf(a.Content, quotes)
	return a
}

// partsOf is content's text, its parts joined by " | ".
func partsOf(doc string, content []text.Span) string {
	parts := make([]string, len(content))
	for i, p := range content {
		parts[i] = doc[p.Start:p.End]
	}
	return strings.Join(parts, " | ")
}

// TestCloseQuotes: a content that stops inside a quotation it opens ends
// at the closing mark, and one that stops short of words does not.
func TestThroughIncluding(t *testing.T) {
	cases := []struct {
		name, text, content, other, want string // other: another claim's content, or ""
	}{
		{"the examples",
			"He accused China of hacking federal agencies, including the theft of 21 million records.",
			"China of hacking federal agencies", "",
			"China of hacking federal agencies, including the theft of 21 million records"},
		{"a relative clause in them",
			"She cited several factors, including budget cuts that eliminated federal grants.",
			"several factors", "",
			"several factors, including budget cuts that eliminated federal grants"},
		{"not a subject with a verb of its own",
			"He felt some pressure as members of his caucus, including his deputies, have thrown their support behind him.",
			"some pressure as members of his caucus", "",
			"some pressure as members of his caucus"},
		{"a paste that stops without a full stop",
			"He accused China of hacking federal agencies, including the theft of records",
			"China of hacking federal agencies", "",
			"China of hacking federal agencies, including the theft of records"},
		{"not a list a colon opens",
			"Lawmakers criticized the comments, including Rep. Lacy Clay:",
			"the comments", "",
			"the comments"},
		{"not another claim's words",
			"He criticized the plan, including what aides called a tax hike.",
			"the plan", "a tax hike",
			"the plan"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			seg, tags := tagged(t, c.text)
			atts := []attrib.Attribution{{Content: []text.Span{spanOf(t, c.text, c.content)}}}
			if c.other != "" {
				atts = append(atts, attrib.Attribution{Content: []text.Span{spanOf(t, c.text, c.other)}})
			}
			throughIncluding(atts, seg, tags)
			if got := partsOf(c.text, atts[0].Content); got != c.want {
				t.Errorf("content %q, want %q", got, c.want)
			}
		})
	}
}

func TestCloseQuotes(t *testing.T) {
	cases := []struct {
		name, text, content, want string
	}{
		{"a comma and the mark", `The spot, titled “Arrogant,” ran Monday.`, "The spot, titled “Arrogant", "The spot, titled “Arrogant,”"},
		{"a full stop and the mark", `He called it a “disaster.” Then he left.`, "He called it a “disaster", "He called it a “disaster.”"},
		{"words before the mark", `He called it a “total disaster.”`, "He called it a “total", "He called it a “total"},
		{"a quotation that opens before the content", `“It was a disaster,” he said.`, "It was a disaster", "It was a disaster"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			seg, _ := tagged(t, c.text)
			quotes := quote.Find(seg)
			atts := []attrib.Attribution{{Content: []text.Span{spanOf(t, c.text, c.content)}}}
			closeQuotes(atts, seg, quotes)
			if got := partsOf(c.text, atts[0].Content); got != c.want {
				t.Errorf("content %q, want %q", got, c.want)
			}
		})
	}
}
