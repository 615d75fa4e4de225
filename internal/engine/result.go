package engine

// Version is the version of the engine's JSON format and rules. It changes
// whenever the output for the same input may change.
const Version = "0.2.0"

// Result is the engine's whole answer for one article. It is the contract of
// the project: the CLI, the page, the HTTP API and the embed all emit it as
// JSON unchanged. Every offset counts Unicode code points into Text, end
// exclusive.
type Result struct {
	Version string   `json:"version"`
	Text    string   `json:"text"`
	Meta    Meta     `json:"meta"`
	Sources []Source `json:"sources"`
	Claims  []Claim  `json:"claims"`
	// Extraction is set when the input was a whole web page and only its
	// article was analysed: what was kept and what was left out.
	Extraction *Extraction `json:"extraction,omitempty"`
}

// Span is a stretch of Text.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Range is a stretch of Text without its text, for the parts of a
// discontinuous claim.
type Range struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Meta is what the article says about itself, when the text shows it.
type Meta struct {
	Title     string   `json:"title,omitempty"`
	Authors   []string `json:"authors,omitempty"`
	Published string   `json:"published,omitempty"` // ISO 8601 date or date-time
	// Spans of the lines the meta was read from (headline, byline, date line).
	TitleSpan     *Span `json:"title_span,omitempty"`
	BylineSpan    *Span `json:"byline_span,omitempty"`
	PublishedSpan *Span `json:"published_span,omitempty"`
}

// Source kinds.
const (
	KindPerson       = "person"
	KindOrganisation = "organisation"
	KindGroup        = "group"
	KindAnonymous    = "anonymous"
	KindDocument     = "document" // a report, statement, ad, poll, tweet …
	KindOther        = "other"    // anything else: "the news", a generic "you"
)

// Source is one entity that says things in the article: all its mentions,
// grouped, and the claims attributed to it.
type Source struct {
	ID   string `json:"id"`   // "s1", "s2", … in order of first mention
	Name string `json:"name"` // the fullest name the article gives
	// Role is the title or role the article gives ("FBI Director"),
	// omitted when none.
	Role     string   `json:"role,omitempty"`
	Kind     string   `json:"kind"`    // person, organisation, group, anonymous, document, other
	Aliases  []string `json:"aliases"` // the other names the article uses for it
	Mentions []Span   `json:"mentions"`
	Claims   []int    `json:"claims"` // indices into Result.Claims
}

// Attribution kinds.
const (
	Direct   = "direct"   // the content is a quotation
	Indirect = "indirect" // reported speech, no quotation marks
	Mixed    = "mixed"    // reported speech with a quoted fragment
)

// Attribution says who made a claim and how.
type Attribution struct {
	Source   *Span  `json:"source"` // the mention at the cue; null when none is given
	Cue      *Span  `json:"cue"`
	Kind     string `json:"kind"`      // direct, indirect, mixed
	SourceID string `json:"source_id"` // Source.ID of the entity; "" when Source is null
}

// Claim is one statement of the article: attributed content, or an
// unattributed sentence; each with its check-worthiness.
type Claim struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Parts is set when the content is discontinuous (a quote split by
	// "he said"); the claim is then the union of the parts.
	Parts       []Range      `json:"parts,omitempty"`
	Attribution *Attribution `json:"attribution"`
	// Checkworthiness is set for every claim, attributed or not: a score
	// in [0,1] from the trained model (internal/checkworthy), 0.5 and above
	// worth checking, and the strongest reasons behind it ("number",
	// "comparison", …, "reported" for a cue such as "claimed" or
	// "according to").
	Checkworthiness *float64 `json:"checkworthiness,omitempty"`
	Reasons         []string `json:"reasons"`
}
