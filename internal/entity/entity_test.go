package entity

import (
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
)

// mentionsOf finds the token ranges of the given mention texts, in order.
func mentionsOf(t *testing.T, seg *segment.Doc, texts []string) []Mention {
	t.Helper()
	var out []Mention
	from := 0
	for _, m := range texts {
		// tokens split "state's" into "state" "'s": compare without spaces
		want := strings.Join(strings.Fields(m), "")
		found := false
		for k := from; k < len(seg.Tokens) && !found; k++ {
			got := ""
			for j := k; j < len(seg.Tokens) && len(got) < len(want); j++ {
				got += seg.Word(j)
				if got == want {
					out = append(out, Mention{First: k, Last: j + 1, Speaker: -1})
					from, found = j+1, true
				}
			}
		}
		if !found {
			t.Fatalf("mention %q not found in %q", m, seg.Text)
		}
	}
	return out
}

type want struct{ name, role, kind string }

// resolveText resolves the mentions of text and returns, for each, its
// entity.
func resolveText(t *testing.T, text string, mentions []string, speakers map[int]int) ([]want, []Entity) {
	t.Helper()
	m, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	seg := segment.Split(text)
	words := make([]string, len(seg.Tokens))
	for i := range words {
		words[i] = seg.Word(i)
	}
	tags := make([]tag.Tag, len(words))
	m.Tag(words, tags)
	ms := mentionsOf(t, seg, mentions)
	for i, s := range speakers {
		ms[i].Speaker = s
	}
	ents := Resolve(seg, tags, DefaultNames(), ms)
	got := make([]want, len(ms))
	for _, e := range ents {
		for _, mi := range e.Mentions {
			got[mi] = want{e.Name, e.Role, e.Kind}
		}
	}
	return got, ents
}

func TestResolve(t *testing.T) {
	cases := []struct {
		what     string
		text     string
		mentions []string
		speakers map[int]int // mention index → the mention that speaks its quotation
		want     []want      // each mention's entity; role "*" means any
	}{
		// titles and roles
		{"title split off", "FBI Director James Comey said the inquiry was over.",
			[]string{"FBI Director James Comey"}, nil, []want{{"James Comey", "FBI Director", Person}}},
		{"lower-case role", "The change is hard, psychologist Nancy Molitor said.",
			[]string{"psychologist Nancy Molitor"}, nil, []want{{"Nancy Molitor", "psychologist", Person}}},
		{"title with a place", "Former Pennsylvania Gov. Ed Rendell said the party should wait. Rendell said more.",
			[]string{"Former Pennsylvania Gov. Ed Rendell", "Rendell"}, nil,
			[]want{{"Ed Rendell", "Former Pennsylvania Gov.", Person}, {"Ed Rendell", "Former Pennsylvania Gov.", Person}}},
		{"title that looks like a word", "British Prime Minister Theresa May said this week that trade would suffer.",
			[]string{"British Prime Minister Theresa May"}, nil, []want{{"Theresa May", "British Prime Minister", Person}}},
		{"appositive name", "The state's campaign chairman, Phil Lovas, said he had not seen it.",
			[]string{"The state's campaign chairman, Phil Lovas,"}, nil, []want{{"Phil Lovas", "*", Person}}},
		{"role from the text around a name", "Republican presidential nominee Donald Trump spoke on Monday. The Republican presidential nominee said the polls were wrong.",
			[]string{"The Republican presidential nominee"}, nil, []want{{"Donald Trump", "Republican presidential nominee", Person}}},
		{"an outlet's person", "CNN's Dana Bash reported that the meeting was tense.",
			[]string{"CNN's Dana Bash"}, nil, []want{{"Dana Bash", "CNN", Person}}},
		{"an office is not the nominee's", "Donald Trump spoke on Monday. The New York businessman said the polls were wrong. Jeb Bush answered him on Tuesday. The former Florida governor said Trump was wrong.",
			[]string{"The New York businessman", "The former Florida governor"}, nil,
			[]want{{"Donald Trump", "*", Person}, {"Jeb Bush", "*", Person}}},
		{"an outlet before a name is no role", "In a meeting with the Washington Post Donald Trump was blunt. Mr. Trump said NATO costs too much.",
			[]string{"Mr. Trump"}, nil, []want{{"Donald Trump", "", Person}}},
		{"a document from a campaign", "A new ad from Donald Trump's presidential campaign is seizing on her words. The ad uses footage of the debate. It ends with a question.",
			[]string{"A new ad from Donald Trump's presidential campaign", "The ad", "It"}, nil,
			[]want{{"new ad from Donald Trump's presidential campaign", "", Document}, {"new ad from Donald Trump's presidential campaign", "", Document}, {"new ad from Donald Trump's presidential campaign", "", Document}}},
		{"a person from a place", "In fact, some Republicans, including Senator Lamar Alexander of Tennessee, changed their minds. Mr. Alexander said so.",
			[]string{"Mr. Alexander"}, nil, []want{{"Lamar Alexander", "Senator", Person}}},
		// acronyms
		{"acronym after its expansion", "The Federal Bureau of Investigation said it had closed the case. The FBI said more.",
			[]string{"The Federal Bureau of Investigation", "The FBI"}, nil,
			[]want{{"Federal Bureau of Investigation", "", Organisation}, {"Federal Bureau of Investigation", "", Organisation}}},
		{"a short name", "The Washington Post reported the story first. The Post said it had three sources.",
			[]string{"The Washington Post", "The Post"}, nil,
			[]want{{"Washington Post", "", Organisation}, {"Washington Post", "", Organisation}}},
		{"acronym before its expansion", "The IMF said growth would slow. The International Monetary Fund added that trade was weak.",
			[]string{"The IMF", "The International Monetary Fund"}, nil,
			[]want{{"International Monetary Fund", "", Organisation}, {"International Monetary Fund", "", Organisation}}},
		// people who share a surname
		{"two Clintons", "Bill Clinton said the plan was sound. Hillary Clinton said it would pass. Clinton added that it was late.",
			[]string{"Bill Clinton", "Hillary Clinton", "Clinton"}, nil,
			[]want{{"Bill Clinton", "", Person}, {"Hillary Clinton", "", Person}, {"Hillary Clinton", "", Person}}},
		{"Mrs. is not her husband", "Donald Trump said the speech was fine. Melania Trump said she wrote it. Mrs. Trump said more.",
			[]string{"Donald Trump", "Melania Trump", "Mrs. Trump"}, nil,
			[]want{{"Donald Trump", "", Person}, {"Melania Trump", "", Person}, {"Melania Trump", "", Person}}},
		{"surname first, full name later", "Sanders told MSNBC he was tired. Bernie Sanders said he would campaign.",
			[]string{"Sanders", "Bernie Sanders"}, nil, []want{{"Bernie Sanders", "", Person}, {"Bernie Sanders", "", Person}}},
		{"the lede's description and the name after it", "A former DNC chairman says the party needs a plan. \"Now is the time,\" said Don Fowler, who helmed the DNC in the 1990s.",
			[]string{"A former DNC chairman", "Don Fowler, who helmed the DNC in the 1990s"}, nil,
			[]want{{"Don Fowler", "", Person}, {"Don Fowler", "", Person}}},
		{"a description before the name with its title", "The New York state attorney general is confirming the report. But Attorney General Eric Schneiderman is not saying more.",
			[]string{"The New York state attorney general", "Attorney General Eric Schneiderman"}, nil,
			[]want{{"Eric Schneiderman", "Attorney General", Person}, {"Eric Schneiderman", "Attorney General", Person}}},
		// pronouns: gender and number, names that are not sources count
		{"she and he", "Hillary Clinton met Donald Trump on Monday. She said the talks were useful. He said they were not.",
			[]string{"She", "He"}, nil, []want{{"Hillary Clinton", "", Person}, {"Donald Trump", "", Person}}},
		{"a name that is no source", "James Comey informed lawmakers on Friday. He said the review was over.",
			[]string{"He"}, nil, []want{{"James Comey", "", Person}}},
		{"they: plural", "The officials met Mary Jones. They said the deal was done.",
			[]string{"The officials", "They"}, nil, []want{{"officials", "", Group}, {"officials", "", Group}}},
		{"it: an organisation", "The Tax Foundation published its numbers. It said taxes would rise.",
			[]string{"It"}, nil, []want{{"Tax Foundation", "", Organisation}}},
		{"a quotation's I", "\"I think the plan should be ready by six,\" said Don Fowler.",
			[]string{"I", "Don Fowler"}, map[int]int{0: 1}, []want{{"Don Fowler", "", Person}, {"Don Fowler", "", Person}}},
		// relative pronouns
		{"which after an organisation", "The figure came from the Chicago Police Department, which said crime had risen.",
			[]string{"which"}, nil, []want{{"Chicago Police Department", "", Organisation}}},
		{"who after a group", "He spoke to nervous Democrats, who said the race was close.",
			[]string{"who"}, nil, []want{{"nervous Democrats", "", Group}}},
		// kinds
		{"anonymous", "A senior official said the plan was ready.",
			[]string{"A senior official"}, nil, []want{{"senior official", "", Anonymous}}},
		{"group of names", "Clinton and Trump said they would debate.",
			[]string{"Clinton and Trump"}, nil, []want{{"Clinton and Trump", "", Group}}},
		{"group", "Republicans said the bill would fail.",
			[]string{"Republicans"}, nil, []want{{"Republicans", "", Group}}},
		{"document", "A new report from the agency says wages rose.",
			[]string{"A new report from the agency"}, nil, []want{{"new report from the agency", "", Document}}},
		{"organisation: a country acting", "Russia said the talks would resume.",
			[]string{"Russia"}, nil, []want{{"Russia", "", Organisation}}},
		{"organisation: an outlet", "The New York Times reported that the deal was off.",
			[]string{"The New York Times"}, nil, []want{{"New York Times", "", Organisation}}},
		{"other", "The uncertainty suggests that prices will fall.",
			[]string{"The uncertainty"}, nil, []want{{"uncertainty", "", Other}}},
		{"plural outlets are a group", "Far fewer publications endorsed him this year.",
			[]string{"Far fewer publications"}, nil, []want{{"Far fewer publications", "", Group}}},
		{"a collective takes its kind from whom it numbers", "Small groups of protesters said they would march.",
			[]string{"Small groups of protesters"}, nil, []want{{"Small groups of protesters", "", Group}}},
		// long appositive spans: the source is the head, the appositive its role
		{"name, role -- aside --", "Larry King said the show was his. John Dickey, the chief executive of Ora Media -- the production company that owns Mr. King's programming, which is also streamed on Hulu and Ora's site -- told me so. As for the politics, he said, nothing changed.",
			[]string{"Larry King", "John Dickey, the chief executive of Ora Media -- the production company that owns Mr. King's programming, which is also streamed on Hulu and Ora's site --", "he"}, nil,
			[]want{{"Larry King", "", Person}, {"John Dickey", "chief executive of Ora Media", Person}, {"John Dickey", "chief executive of Ora Media", Person}}},
		{"name -- role --", "Brian Fallon -- a spokesman for Hillary Clinton -- said the claim was false.",
			[]string{"Brian Fallon -- a spokesman for Hillary Clinton --"}, nil, []want{{"Brian Fallon", "spokesman for Hillary Clinton", Person}}},
		{"name, role, with a relative clause", "The station was closed, said Jeffrey N. Trimble, a senior official with the Broadcasting Board of Governors that oversees them.",
			[]string{"Jeffrey N. Trimble, a senior official with the Broadcasting Board of Governors that oversees them"}, nil,
			[]want{{"Jeffrey N. Trimble", "senior official with the Broadcasting Board of Governors", Person}}},
		{"description -- name, clause --", "A former Republican presidential candidate -- John McCain, who lost the 2008 election to Obama -- said the plan was weak.",
			[]string{"A former Republican presidential candidate -- John McCain, who lost the 2008 election to Obama --"}, nil,
			[]want{{"John McCain", "*", Person}}},
		{"description, name", "One Republican presidential hopeful, Carly Fiorina, said the parade was fun.",
			[]string{"One Republican presidential hopeful, Carly Fiorina,"}, nil, []want{{"Carly Fiorina", "*", Person}}},
		{"the name after a verb in the appositive is its object", "Bernie Sanders spoke. Sen. Jeff Merkley of Oregon, the only senator to endorse Sanders, said the rules were unfair.",
			[]string{"Sen. Jeff Merkley of Oregon, the only senator to endorse Sanders,"}, nil, []want{{"Jeff Merkley", "*", Person}}},
		// a person's name ends at "of": the place or employer is no part of it
		{"name of place, role", "Senator John Cornyn of Texas, the No. 2 Republican in the Senate, said the vote would wait.",
			[]string{"Senator John Cornyn of Texas, the No. 2 Republican in the Senate,"}, nil, []want{{"John Cornyn", "Senator", Person}}},
		{"name of employer", "Ross Eisenbrey of the Economic Policy Institute said wages were flat.",
			[]string{"Ross Eisenbrey of the Economic Policy Institute"}, nil, []want{{"Ross Eisenbrey", "", Person}}},
		{"two names of places are a group", "Sens. Johnny Isakson of Georgia and John Boozman of Arkansas said no.",
			[]string{"Sens. Johnny Isakson of Georgia and John Boozman of Arkansas"}, nil, []want{{"Sens. Johnny Isakson of Georgia and John Boozman of Arkansas", "", Group}}},
		{"an organisation of a place", "The Department of Education said the rule stands.",
			[]string{"The Department of Education"}, nil, []want{{"Department of Education", "", Organisation}}},
		// a definite description whose earlier namesake is out of view
		{"the network: the named one in view", "The hosts lend legitimacy to a network that has trafficked in conspiracy theories. One. Two. Three. Four. Five. Six. Seven. RT covered the vote as a reunification. The network said it would send her to Crimea.",
			[]string{"that", "RT", "The network"}, nil,
			[]want{{"network", "", Organisation}, {"RT", "", Organisation}, {"RT", "", Organisation}}},
		{"the newspaper: not a place acting", "A newspaper said the floods were bad. One. Two. Three. Four. Five. Six. Seven. Louisiana said it needed help. The newspaper said Clinton should visit.",
			[]string{"A newspaper", "Louisiana", "The newspaper"}, nil,
			[]want{{"newspaper", "", Organisation}, {"Louisiana", "", Organisation}, {"newspaper", "", Organisation}}},
	}
	for _, c := range cases {
		t.Run(c.what, func(t *testing.T) {
			got, _ := resolveText(t, c.text, c.mentions, c.speakers)
			for i, w := range c.want {
				g := got[i]
				if g.name != w.name || g.kind != w.kind || w.role != "*" && g.role != w.role {
					t.Errorf("%q → %q (role %q, %s), want %q (role %q, %s)", c.mentions[i], g.name, g.role, g.kind, w.name, w.role, w.kind)
				}
			}
		})
	}
}

// TestAliases: an entity lists the other names the text gives it, never
// a bare surname beside the full name.
func TestAliases(t *testing.T) {
	_, ents := resolveText(t, "The Congressional Budget Office said costs would rise. The CBO said so again. Lily Batchelder said the CBO was right. Batchelder added more.",
		[]string{"The Congressional Budget Office", "The CBO", "Lily Batchelder", "Batchelder"}, nil)
	if len(ents) != 2 {
		t.Fatalf("%d entities, want 2: %+v", len(ents), ents)
	}
	if ents[0].Name != "Congressional Budget Office" || len(ents[0].Aliases) != 1 || ents[0].Aliases[0] != "CBO" {
		t.Errorf("first entity %+v, want Congressional Budget Office with alias CBO", ents[0])
	}
	if ents[1].Name != "Lily Batchelder" || len(ents[1].Aliases) != 0 {
		t.Errorf("second entity %+v, want Lily Batchelder and no alias", ents[1])
	}
}

func TestNames(t *testing.T) {
	n := DefaultNames()
	for _, c := range []struct {
		name string
		g    byte
	}{{"Mary", genderF}, {"James", genderM}, {"hillary", genderF}, {"Bill", genderM}, {"Chris", genderNone}, {"Zzyzx", genderNone}} {
		if got := n.Gender(c.name); got != c.g {
			t.Errorf("Gender(%q) = %q, want %q", c.name, got, c.g)
		}
	}
	if !n.Known("Chris") || n.Known("Zzyzx") {
		t.Error("Known: Chris is a first name, Zzyzx is not")
	}
	var nilNames *Names
	if nilNames.Gender("Mary") != genderNone || nilNames.Known("Mary") {
		t.Error("a nil table knows no names")
	}
}

// TestNoMentions: nothing to resolve gives nothing, and bad ranges are
// ignored, never a panic.
func TestNoMentions(t *testing.T) {
	seg := segment.Split("Nothing here.")
	tags := make([]tag.Tag, len(seg.Tokens))
	if got := Resolve(seg, tags, nil, nil); got != nil {
		t.Errorf("no mentions gave %+v", got)
	}
	got := Resolve(seg, tags, nil, []Mention{{First: -3, Last: 99, Speaker: 7}, {First: 2, Last: 1, Speaker: -1}})
	for _, e := range got {
		if e.Name == "" && len(e.Mentions) > 0 {
			t.Errorf("an entity without a name: %+v", e)
		}
	}
}

func TestNounPhrase(t *testing.T) {
	m, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, span, want string }{
		{"Small groups of protesters continued to march.", "Small groups of protesters continued", "Small groups of protesters"},
		{"He blamed the excesses of Wall Street and said more.", "the excesses of Wall Street and", "the excesses of Wall Street"},
		{"But officials said no.", "But officials", "officials"},
		{"But said no.", "But", ""},
		{"The minister said no.", "The minister", "The minister"},
		{"Former New York City Mayor Michael Bloomberg said no.", "York City Mayor Michael", "New York City Mayor Michael Bloomberg"},
		{"Said Ellis: no.", "Ellis", "Ellis"},
		// a determiner, quantifier or adjective alone runs on to its noun
		{"A group of doctors sent a letter, calling for his dismissal.", "A", "A group of doctors"},
		{"Many observers were railing against it.", "Many", "Many observers"},
		{"Small groups of protesters marched, chanting.", "Small", "Small groups of protesters"},
		{"Officials who spoke said no.", "Officials who spoke", "Officials who spoke"},
		// the document, not who it comes from
		{"1 p.m.\n\nA new ad from Donald Trump's presidential campaign is seizing on her words.", "Donald Trump's presidential campaign", "A new ad from Donald Trump's presidential campaign"},
		{"He met a man from the campaign.", "the campaign", "the campaign"},
		// an organisation's name, then a person's: two noun phrases
		{"In a meeting with the editorial board of the Washington Post Trump said no.", "the editorial board of the Washington Post Trump", "Trump"},
		{"In a meeting with the Washington Post Trump said no.", "Trump", "Trump"},
		{"Secretary of State John Kerry said no.", "Secretary of State John Kerry", "Secretary of State John Kerry"},
		{"The Daily Caller reported it.", "The Daily Caller", "The Daily Caller"},
		// a name the model stopped at its connector
		{"Teachers walked in, according to the event organizer Alliance to Reclaim Our Schools (AROS).", "the event organizer Alliance", "the event organizer Alliance to Reclaim Our Schools"},
		{"The Center for American Progress said so.", "The Center", "The Center for American Progress"},
		{"Obama to speak on Monday, aides said.", "Obama", "Obama"},
		// the end of an aside between dashes: the subject before it
		// (the aside is kept: it describes the subject, as the annotators mark it)
		{"John Dickey, the chief executive of Ora Media -- the company that owns Ora's site -- told me so.", "Ora's site --", "John Dickey, the chief executive of Ora Media -- the company that owns Ora's site --"},
		{"In the last few days, Democratic leaders — and, in particular, Harry Reid — insisted on it.", "Harry Reid —", "Democratic leaders — and, in particular, Harry Reid —"},
		// the closing dash right after the source, the verb after it
		{"John Dickey, the chief executive of Ora Media -- the company that owns Ora's site -- told me so.", "Ora's site", "John Dickey, the chief executive of Ora Media -- the company that owns Ora's site --"},
		{"A former Republican presidential candidate -- John McCain, who lost the 2008 election to Obama -- said the plan was weak.", "who lost the 2008 election to Obama", "A former Republican presidential candidate -- John McCain, who lost the 2008 election to Obama --"},
		// the source inside the aside, its verb too: left alone
		{"While Republicans have faced criticism for the inquiry — often labeled a witch hunt by Democrats — it seems likely Gowdy is right.", "Democrats", "Democrats"},
		// a dash opening an aside after the source: left alone
		{"Smith -- a spokesman for the campaign -- said no.", "Smith", "Smith"},
		// an aside the verb cut open is cut off
		{"As the Washington Post—even the devil can quote election statistics—observed, Republicans won.", "statistics", "the Washington Post"},
	} {
		seg := segment.Split(c.text)
		words := make([]string, len(seg.Tokens))
		for i := range words {
			words[i] = seg.Word(i)
		}
		tags := make([]tag.Tag, len(words))
		m.Tag(words, tags)
		ms := mentionsOf(t, seg, []string{c.span})
		f, l := NounPhrase(seg, tags, ms[0].First, ms[0].Last)
		got := ""
		if l > f {
			got = seg.Text[seg.Tokens[f].Start:seg.Tokens[l-1].End]
		}
		if got != c.want {
			t.Errorf("%q: %q → %q, want %q", c.text, c.span, got, c.want)
		}
	}
}
