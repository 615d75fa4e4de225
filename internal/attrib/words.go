package attrib

import (
	"github.com/whosaid/whosaid/internal/tag"
	"github.com/whosaid/whosaid/internal/wordset"
	"github.com/whosaid/whosaid/internal/wordshape"
)

// Word lists used by the rules; they back up the tagger where a word's
// class matters more than its tag.
var (
	determiners = wordset.Of("the a an this that these those his her its their our my your some many several " +
		"two three four five other another most few both all one any each no such more")
	pronouns = wordset.Of("he she they it we i you who")
	// auxiliaries and adverbs that may stand between a subject and its verb
	between = wordset.Phrases("has|have|had|also|would|will|'d|’d|did|does|do|later|then|previously|recently|" +
		"once|again|repeatedly|publicly|reportedly|frequently|still|further|just|already|" +
		"often|has also|first|privately|separately|simply|flatly|openly|quickly|initially|" +
		"subsequently|ultimately|finally|long|always|never|even|only|could|might|may|can|" +
		"should|must|is|was|are|were|be|been|not|n't|’ve|'ve|’s|'s|’ll|'ll|actually|" +
		"clearly|explicitly|specifically|correctly|falsely|wrongly|rightly|proudly|" +
		"angrily")
	be = wordset.Of("is was are were be been being 's ’s am get got gets")
	// labels of meta lines and page furniture, not speakers
	labels = wordset.Of("published updated posted by source sources photo image related tags note date " +
		"filed read watch video update correction editor editors credit caption share " +
		"email follow subscribe listen contact copyright location time when where what " +
		"why how who question answer q a summary background transcript warning disclaimer " +
		"ps p.s. story more see also via h/t top breaking live latest clarification contributing byline " +
		"exclusive revealed boom wow look remember notice")
	showVerbs = wordset.Of("show shows showed shown showing find finds found indicate indicates indicated " +
		"suggest suggests suggested reveal reveals revealed")
	evidence = wordset.Of("poll polls survey surveys data study studies report reports results numbers " +
		"figures records analysis research documents emails video footage tape evidence " +
		"polling statistics estimates investigation review audit filings records")
	quantifiers = wordset.Of("some many most several others both all few one another")
	// calendar names stay dates even when capitalised
	calendar = wordset.Of("january february march april june july august september october november " +
		"december monday tuesday wednesday thursday friday saturday sunday yesterday " +
		"today")
	dates = wordset.Of("january february march april may june july august september october november " +
		"december monday tuesday wednesday thursday friday saturday sunday yesterday " +
		"today hours minutes days weeks months years moments later earlier ago hour week " +
		"month year day morning evening night afternoon tonight")
	auxiliaries = wordset.Of("is are was were be been has have had will would can could may might should must " +
		"do does did")
	// function words that end a noun phrase
	stops = wordset.Of("having that which who whom whose when where while as but because if although " +
		"though since after before until unless so than to not is are was were be been " +
		"being has have had will would can could may might should must do does did also " +
		"said says say told there here what how why yet or nor then now just even still " +
		"only about by into over under through during without within against between " +
		"among upon like on in into via per up down out off all however meanwhile instead " +
		"too very already again later")
	// prepositions that may join two parts of one noun phrase
	joiners = wordset.Of("of for at from and & with in")
	// tokens that may start an adjunct between a verb and its content
	preps = wordset.Of("in on at during after before to with from via through last this late earlier " +
		"early on in over since when while yesterday today tonight recently later also " +
		"again repeatedly publicly privately monday tuesday wednesday thursday friday " +
		"saturday sunday then previously flatly simply bluntly frankly separately " +
		"afterward afterwards by under as for of about ,")
	// content may not start with these: the verb has another sense there
	badContentStart = wordset.Of("to about of with by for up out off on in at into goodbye hello thanks nothing " +
		"something anything yes sorry too from as and or ok okay them him me us himself " +
		"herself themselves itself following over back against forward so much")
)

// nounTag reports the tags a noun phrase is made of.
func nounTag(t tag.Tag) bool {
	switch t {
	case tag.NN, tag.NNS, tag.NNP, tag.NNPS, tag.JJ, tag.JJR, tag.JJS, tag.CD, tag.DT, tag.PRP,
		tag.PRPS, tag.POS, tag.HYPH, tag.PDT, tag.FW, tag.AFX:
		return true
	}
	return false
}

// newsVerbs are seldom anything but verbs in news (cueVerb). Read only.
var newsVerbs = wordset.Of("said says told tells saying telling added adds wrote writes tweeted insisted " +
	"explained argued claimed acknowledged warned asked")

// Label reports a label of a meta line, of page furniture or of an
// interview's questions and answers ("Update:", "Photo:", "Q:", "A:"),
// which names no speaker before a colon.
func Label(word string) bool { return labels[wordshape.Lower(word)] }

// Date reports a word of the calendar ("Tuesday", "today"): a date
// standing before a cue ("Paul Ryan, R-Wis., Tuesday said") is no speaker.
func Date(word string) bool { return calendar[wordshape.Lower(word)] }

// TimeWord reports a word of the calendar or of time ("Tuesday", "week",
// "ago", "tonight").
func TimeWord(word string) bool { return dates[wordshape.Lower(word)] }

// speechVerbs are the commonest cue words. Read only.
var speechVerbs = wordset.Of("said say says saying told tells tell added adding according noted " +
	"asked wrote argued claimed explained stated insisted warned suggested")

// SpeechVerb reports one of the commonest cue words, as written (lower
// case): another one near a content's edge ("…, he said, adding …")
// often starts another attribution. The attribution model's boundary
// features and the edge model read it.
func SpeechVerb(word string) bool { return speechVerbs[word] }
