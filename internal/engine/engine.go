// Package engine runs the whole pipeline on one article: text → segment →
// tag → quote → attrib → entity → claims, and assembles the Result.
//
// Usage: make one Engine (it holds the loaded models; loading is the costly
// part) and call Extract for every article, from any number of goroutines.
package engine

import (
	"errors"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/whosaid/whosaid/internal/attrib"
	"github.com/whosaid/whosaid/internal/checkworthy"
	"github.com/whosaid/whosaid/internal/cue"
	"github.com/whosaid/whosaid/internal/edges"
	"github.com/whosaid/whosaid/internal/entity"
	"github.com/whosaid/whosaid/internal/learned"
	"github.com/whosaid/whosaid/internal/readable"
	"github.com/whosaid/whosaid/internal/sources"
	"github.com/whosaid/whosaid/internal/tag"
	"github.com/whosaid/whosaid/internal/text"
)

// Media types Extract accepts.
const (
	TypePlain = "text/plain"
	TypeHTML  = "text/html"
)

// Input is one article.
type Input struct {
	Text string
	Type string // TypePlain (the default when empty) or TypeHTML
}

// Options tune one call.
type Options struct {
	// Progress, when set, is called now and then with the work done so far
	// and the total (in arbitrary units), for a progress bar.
	Progress func(done, total int)
	// RulesOnly leaves the trained model out: the hand-written rules alone,
	// for comparison (whosaid eval --rules-only).
	RulesOnly bool
	// WholePage reads all the visible text of an HTML page instead of
	// its article (see internal/readable).
	WholePage bool
	// Checkworthy, when set, scores the claims instead of the embedded
	// check-worthiness model: build/traincw calibrates a model on the
	// scores the engine gives with it.
	Checkworthy *checkworthy.Model
	// Attribution, when set, is the trained attribution model instead of
	// the embedded one: build/trainedges runs the engine with models that
	// did not see the articles it learns from.
	Attribution *learned.Model
	// Edges, when set, re-places content edges instead of the embedded
	// edge model; NoEdges leaves them where the earlier stages put them.
	Edges   *edges.Model
	NoEdges bool
	// EdgeTrace, when set, is given each article's claims as they reach
	// the edge model (build/trainedges learns from them).
	EdgeTrace func(d *edges.Doc, atts []attrib.Attribution)
	// Sources, when set, re-chooses sources instead of the embedded
	// source model; NoSources keeps the earlier stages' choice.
	Sources   *sources.Model
	NoSources bool
	// SourceTrace, when set, is given each article's claims as they reach
	// the source model (build/trainsources learns from them).
	SourceTrace func(d *sources.Doc, atts []attrib.Attribution)
}

// Error is a problem with the input, to be shown to the reader as is.
type Error struct {
	Code    string // "invalid_utf8", "nul_byte", "unsupported_type", "bad_html", "internal"
	Message string
}

func (e *Error) Error() string { return e.Message }

// Engine holds the loaded models. It is safe for concurrent use.
type Engine struct {
	tagger *tag.Model
	finder *attrib.Finder
	lex    *cue.Lexicon
	model  *learned.Model
	edges  *edges.Model
	srcs   *sources.Model
	names  *entity.Names
	cw     *checkworthy.Model
}

// New loads the embedded models (each once per process: later calls share
// them).
func New() (*Engine, error) {
	cw, err := checkworthy.Default()
	if err != nil {
		return nil, fmt.Errorf("loading the check-worthiness model: %w", err)
	}
	return NewWith(cw)
}

// NewWith is New with the given check-worthiness model; nil leaves the
// rules' scores on unattributed claims and none on attributed ones, unless
// Options.Checkworthy gives one. build/traincw uses it, so that a model
// file this build cannot read never stops its own retraining.
func NewWith(cw *checkworthy.Model) (*Engine, error) {
	tg, err := tag.Default()
	if err != nil {
		return nil, fmt.Errorf("loading the tagger: %w", err)
	}
	m, err := learned.Default()
	if err != nil {
		return nil, fmt.Errorf("loading the attribution model: %w", err)
	}
	em, err := edges.Default()
	if err != nil {
		return nil, fmt.Errorf("loading the edge model: %w", err)
	}
	sm, err := sources.Default()
	if err != nil {
		return nil, fmt.Errorf("loading the source model: %w", err)
	}
	lex := cue.Default()
	return &Engine{tagger: tg, finder: attrib.New(lex), lex: lex, model: m, edges: em, srcs: sm, names: entity.DefaultNames(), cw: cw}, nil
}

// ModelID names the models in use, for /api/health and reports: the rules'
// version and the trained model's checksum.
func (e *Engine) ModelID() string { return modelID(e.model.ID()) }

// extract is Extract and Run: it stops with ctx's error soon after that
// error is set. A panic inside the pipeline is recovered and reported as
// an *Error with code "internal", so one bad article never takes the
// caller down.
func (e *Engine) extract(ctx stopper, in Input, opt Options) (res *Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res = nil
			err = &Error{Code: "internal", Message: fmt.Sprintf("internal error: %v", r)}
			if debugPanics {
				err = fmt.Errorf("%w\n%s", err, debug.Stack())
			}
		}
	}()
	raw := in.Text
	switch strings.ToLower(strings.TrimSpace(in.Type)) {
	case "", TypePlain:
	case TypeHTML:
		if _, err := text.New(raw); err != nil { // report encoding errors against what was given
			return nil, inputError(err)
		}
		art, err := readable.Extract(raw, readable.Options{WholePage: opt.WholePage})
		if err != nil {
			return nil, &Error{Code: "bad_html", Message: err.Error()}
		}
		doc, err := text.New(art.Text)
		if err != nil {
			return nil, inputError(err)
		}
		res, err := e.analyze(ctx, doc, opt)
		if err != nil {
			return nil, err
		}
		withPage(res, &art)
		return res, nil
	default:
		return nil, &Error{Code: "unsupported_type", Message: fmt.Sprintf("unsupported input type %q: use text/plain or text/html", in.Type)}
	}
	doc, err := text.New(raw)
	if err != nil {
		return nil, inputError(err)
	}
	return e.analyze(ctx, doc, opt)
}

// debugPanics adds the stack to recovered panics; tests flip it.
const debugPanics = false

func inputError(err error) error {
	var te *text.Error
	if errors.As(err, &te) {
		return &Error{Code: te.Code, Message: te.Message}
	}
	return err
}
