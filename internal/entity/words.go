package entity

import "github.com/whosaid/whosaid/internal/wordset"

// The lexicons: lower-cased words. Function-shaped maps are read only.
// Each list is one string (internal/wordset says what that saves).

// titles are the words of a title or role that may stand before a name
// ("FBI Director James Comey", "Sen. Warren", "psychologist Mary Alvord").
var titles = wordset.Of("mr mr. mrs mrs. ms ms. mx. dr dr. sir dame lord lady prof prof. professor sen " +
	"sen. senator rep rep. representative gov gov. governor president vice " +
	"vice-president pres. president-elect secretary minister prime chancellor premier " +
	"mayor judge justice attorney general gen gen. col col. lt lt. maj maj. sgt sgt. " +
	"capt capt. adm adm. cmdr cmdr. lieutenant commander chief director chairman " +
	"chairwoman chairperson chair speaker leader ambassador congressman congresswoman " +
	"councilman councilwoman councillor councilor commissioner superintendent sheriff " +
	"officer detective pope king queen prince princess rev rev. reverend father " +
	"bishop cardinal rabbi imam sheikh spokesman spokeswoman spokesperson candidate " +
	"nominee democrat republican rival former interim acting deputy assistant " +
	"executive ceo founder co-founder host anchor correspondent reporter editor " +
	"columnist economist analyst strategist adviser advisor aide psychologist " +
	"researcher scientist author lawyer manager coach pastor activist historian " +
	"pollster surrogate gop us senate whip head professor dean provost treasurer " +
	"comptroller auditor ombudsman businessman businesswoman billionaire actor " +
	"actress singer rapper writer novelist director producer physician doctor nurse " +
	"teacher student uncle neighbour organizer organiser director-general " +
	"secretary-general commissioner trooper sergeant captain colonel admiral marshal " +
	"corporal agent spokesmen counsel prosecutor solicitor barrister mp mep rep " +
	"resident hopeful moderate then manager's")

// honorifics carry a gender.
var maleWords = wordset.Of("mr mr. sir lord king prince father congressman councilman chairman spokesman " +
	"businessman son husband brother uncle grandfather actor man boy rev. reverend")

var femaleWords = wordset.Of("mrs mrs. ms ms. miss dame lady queen princess congresswoman councilwoman " +
	"chairwoman spokeswoman businesswoman mother daughter wife sister aunt " +
	"grandmother actress woman girl")

// honorifics come before a name and may stand with a surname alone.
var honorifics = wordset.Of("mr mr. mrs mrs. ms ms. mx. dr dr. sir dame lord lady prof prof. rev rev. sen " +
	"sen. rep rep. gov gov. gen gen. president senator governor judge justice mayor " +
	"secretary minister chancellor speaker ambassador pope king queen prince princess " +
	"congressman congresswoman professor chairman chairwoman chief director col. lt. " +
	"sgt. capt. adm.")

// roleNorm spells abbreviated titles out, so "the Indiana governor" finds
// "Indiana Gov. Mike Pence".
var roleNorm = wordset.Pairs("gov. governor gov governor sen. senator sen senator rep. representative " +
	"rep representative congressman representative congresswoman representative " +
	"gen. general pres. president prof. professor sec. secretary atty. attorney " +
	"chairwoman chairman chair chairman chairperson chairman spokeswoman spokesman " +
	"spokesperson spokesman gop republican dem. democrat democratic democrat " +
	"businesswoman businessman")

// courtesy titles are no role.
var courtesy = wordset.Of("mr mr. mrs mrs. ms ms. mx mx. miss")

// suffixes stay in a person's name.
var suffixes = wordset.Of("jr jr. sr sr. ii iii iv")

// connectors may join the words of an organisation's name ("Bureau of
// Investigation", "Alliance to Reclaim Our Schools").
var connectors = wordset.Of("of for to on and & the de du la del")

// initialsSkip are the words an acronym leaves out.
var initialsSkip = wordset.Of("of for to on and & the de du la del a an in")

// orgHeads end (or hold) an organisation's name, or head a description of
// one ("the campaign").
var orgHeads = wordset.Of("department ministry agency committee commission council party campaign " +
	"administration government court office bureau institute institution university " +
	"college school schools association foundation center centre fund bank " +
	"corporation corp corp. inc inc. company co. ltd ltd. llc network news times post " +
	"journal tribune herald observer magazine press beast daily gazette chronicle " +
	"telegraph guardian independent examiner enquirer republic register sun star " +
	"globe police army navy forces coalition alliance union league federation board " +
	"congress senate parliament assembly cabinet pentagon kremlin service authority " +
	"organisation organization observatory caucus club team firm group group's watch " +
	"agency's network's newspaper paper outlet station channel airline airlines " +
	"industries holdings partners associates society trust council's consortium " +
	"movement front brigade brigades militia ministry's city state county town " +
	"village country nation district prefecture province camp staff house " +
	"commission's policy project initiative program programme lab laboratory system " +
	"exchange reserve treasury fed un nato cia fbi nsa irs epa who imf eu opec gop " +
	"dnc rnc cbo realty properties capital ventures media communications technologies " +
	"enterprises motors energy pharmaceuticals labs studios entertainment productions " +
	"publishing institution's")

// orgWords anywhere in a name make it an organisation's.
var orgWords = wordset.Of("national international federal global royal associated united council " +
	"association foundation institute university county")

// outlets and other organisations known by one word.
var orgNames = wordset.Of("reuters cnn msnbc fox nbc abc cbs npr pbs bbc ap afp bloomberg politico axios " +
	"gallup politifact breitbart huffpost vox slate salon buzzfeed twitter facebook " +
	"google apple amazon microsoft netflix youtube instagram pentagon kremlin " +
	"congress senate parliament nato hamas hezbollah taliban isis isil al-qaeda " +
	"interpol quinnipiac rasmussen ipsos yougov pew rt wikileaks moody's fitch nasa " +
	"unicef unesco opec gop")

// places are countries and capitals that act as organisations ("Russia
// said", "Washington warned").
var places = wordset.Phrases("russia|china|iran|iraq|syria|israel|turkey|egypt|india|pakistan|afghanistan|" +
	"japan|germany|france|britain|england|ukraine|mexico|canada|cuba|venezuela|brazil|" +
	"italy|spain|poland|greece|libya|yemen|lebanon|jordan|qatar|korea|north korea|" +
	"south korea|saudi arabia|united states|america|united kingdom|europe|washington|" +
	"moscow|beijing|tehran|baghdad|damascus|jerusalem|ankara|cairo|london|paris|" +
	"berlin|tokyo|kiev|kyiv|brussels|ottawa|havana|riyadh|kabul|islamabad|seoul|" +
	"pyongyang|beirut|tripoli|new york|chicago|phoenix|charlotte|los angeles|" +
	"baltimore|ferguson|u.s.|us|uk|u.k.|usa|eu|the united states|california|texas|" +
	"florida|ohio|virginia|georgia|michigan|pennsylvania|arizona|australia|" +
	"netherlands|sweden|norway|denmark|finland|estonia|latvia|lithuania|belarus|" +
	"hungary|romania|bulgaria|serbia|nigeria|kenya|ethiopia|sudan|somalia|vietnam|" +
	"indonesia|philippines|thailand|malaysia|singapore|taiwan|hong kong|switzerland|" +
	"austria|belgium|portugal|ireland|scotland|wales|argentina|chile|colombia|peru")

// usStates act as governments ("Utah voted").
var usStates = wordset.Phrases("alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|" +
	"georgia|hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|" +
	"maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|" +
	"nevada|new hampshire|new jersey|new mexico|new york|north carolina|north dakota|" +
	"ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|south dakota|" +
	"tennessee|texas|utah|vermont|virginia|washington|west virginia|wisconsin|wyoming")

// docHeads head a description of a document or recording.
var docHeads = wordset.Of("report reports survey surveys statement statements ad ads advertisement poll " +
	"polls email emails e-mail e-mails tweet tweets records record study studies book " +
	"books video videos transcript transcripts document documents letter letters memo " +
	"memos analysis analyses data research article articles editorial editorials " +
	"op-ed commentary column release filing filings complaint lawsuit indictment " +
	"ruling rules bylaws law laws bill accord agreement treaty proposal budget " +
	"forecast forecasts estimate estimates figures numbers assessment literature " +
	"speech remarks interview message messages note notes petition website blog " +
	"footage recording recordings tape tapes resolution guidance guidelines manifesto " +
	"outlook post posts paper papers publication publications endorsement " +
	"endorsements story stories dossier cable cables text texts map chart graph table " +
	"index census audit review reviews summary brief briefing testimony affidavit " +
	"verdict opinion textbook documentary film program programme show broadcast " +
	"podcast episode clip photo photos image images page pages website's biography " +
	"memoir novel chapter quote comments comment response reply tally count results " +
	"model models projection projections questionnaire platform plan plans policy " +
	"order orders warning notice announcement declaration communique communiqué " +
	"charter constitution act amendment regulation regulations findings evidence " +
	"documents' sign signs banner leaflet flyer poster headline headlines caption " +
	"slogan database spreadsheet minutes log logs")

// personNouns head a description of a person ("a senior official").
var personNouns = wordset.Of("official officials source sources witness witnesses people person persons " +
	"resident residents aide aides insider insiders someone somebody observer " +
	"observers diplomat diplomats spokesman spokeswoman spokesperson spokespeople " +
	"spokesmen commander commanders activist activists staffer staffers adviser " +
	"advisers advisor advisors member members others critic critics supporter " +
	"supporters voter voters expert experts analyst analysts man men woman women " +
	"friend friends architect daughter son wife husband mother father parent parents " +
	"child children kid kids student students teacher teachers user users host hosts " +
	"guy guys victim victims officer officers agent agents soldier soldiers general " +
	"generals executive executives narrator questioner colleague colleagues leader " +
	"leaders mayor governor senator senators president minister ministers secretary " +
	"chief chairman chairwoman chair judge judges lawyer lawyers attorney attorneys " +
	"candidate candidates nominee nominees lawmaker lawmakers legislator legislators " +
	"representative representatives congressman congresswoman republicans democrats " +
	"republican democrat protester protesters protestor protestors demonstrators " +
	"scholars scholar scientist scientists researcher researchers economist " +
	"economists journalist journalists reporter reporters readers reader writer " +
	"writers author authors doctor doctors physician nurse nurses police troops " +
	"fighters militants rebels civilians americans europeans africans " +
	"african-americans citizens citizen everyone everybody nobody anyone individual " +
	"individuals insurgents workers worker employee employees owner owners " +
	"businessman businesswoman businessmen investors investor traders trader " +
	"strategists strategist pollster pollsters organizer organizers organiser " +
	"speechwriters speechwriter operatives operative surrogate surrogates defenders " +
	"opponents opponent allies ally partisans historians historian announcer director " +
	"manager coach player players fans fan neighbors neighbours neighbor neighbour " +
	"family families relatives relative correspondent columnist editor editors anchor " +
	"commentator commentators pundit pundits blogger bloggers founder ceo chiefs " +
	"heads head deputy deputies envoy envoys ambassador delegates delegate elders " +
	"clerics cleric priest pastor imam rabbi bishop immigrants immigrant refugees " +
	"refugee survivors survivor mourners onlookers bystanders passengers crowd " +
	"audience panel jury couple both two three many some few most several all one " +
	"conservatives liberals progressives moderates independents libertarians " +
	"economists businessman billionaire physicist psychologist psychologists " +
	"psychiatrist veteran veterans insider consultant consultants therapist counselor " +
	"professor professors analyst's prosecutor prosecutors investigators investigator " +
	"detective detectives sheriff trooper troopers aides' spokesmen's")

// quantifiers lead "one of the aides", "some of the experts".
var quantifiers = wordset.Of("one some many most few several all both each none two three four five dozens " +
	"hundreds thousands millions majority half any much more")

var determiners = wordset.Of("the a an this that these those another other such any every each his her its " +
	"their our my your")

// notNames are capitalised words that start sentences or name no one.
var notNames = wordset.Of("the a an in on at but and or if when it he she they we i you this that these " +
	"those for as after before while his her their its our my your monday tuesday " +
	"wednesday thursday friday saturday sunday january february march april june july " +
	"august september october november december jan. feb. aug. sept. sep. oct. nov. " +
	"dec. of to by with from so there what who why how where which some more not no " +
	"yes also still yet now then here though although because since until unless " +
	"whether once just even only all both each every many most much one two three " +
	"last next first second third today tomorrow yesterday tonight according said " +
	"says mrs ms oh ok okay please thank thanks well like do does did is are was were " +
	"be been being have has had will would can could should may might must let let's " +
	"however meanwhile instead indeed still asked added told read more less other " +
	"such another any none nothing everything something anything everyone someone " +
	"anyone nobody christmas easter thanksgiving halloween ramadan am pm a.m. p.m. " +
	"edt est gmt utc bst pst pdt")

// personPronouns and the rest, with what they agree with.
const (
	genderNone byte = 0
	genderM    byte = 'm'
	genderF    byte = 'f'
)

// titleSmall are the short words a title-case headline leaves in lower
// case.
var titleSmall = wordset.Of("a an the of in on at to for and or by as with but nor via vs vs.")

// calendar words are never names.
var calendar = wordset.Of("monday tuesday wednesday thursday friday saturday sunday january february march " +
	"april june july august september october november december jan. feb. aug. sept. " +
	"sep. oct. nov. dec.")

// describesPerson are the heads of descriptions that newswriting uses
// for someone it has named ("the Indiana governor", "the nominee").
var describesPerson = wordset.Of("nominee candidate senator governor president businessman businesswoman mogul " +
	"billionaire congressman congresswoman lawmaker mayor chairman chairwoman general " +
	"minister leader speaker prosecutor director host secretary chancellor premier " +
	"republican democrat frontrunner front-runner incumbent challenger " +
	"president-elect star actor actress entrepreneur tycoon magnate politician " +
	"veteran")

// locative prepositions put a name in a place.
var locative = wordset.Of("in at near outside inside across throughout from into toward towards")

// leadingJunk and trailingJunk never begin or end a source.
var leadingJunk = wordset.Of("and but or so yet when if while because although though whereas unless until")

var trailingJunk = wordset.Of("and or but nor")

// trailing words end no noun phrase.
var trailing = wordset.Of("and or but nor then also still continued too")

var relatives = wordset.Of("who which that whom whose")
