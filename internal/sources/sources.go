// Package sources re-chooses who each claim's source is among the noun
// phrases of its cue's sentence. The attribution model labels a source
// with its content, token by token, and now and then takes the wrong
// phrase: the noun phrase next to a participle ("tweets early Friday
// saying"), an object before the cue, a word that is no phrase at all
// ("to", "were"). A ranker that sees every candidate phrase at once, with
// where it stands against the cue (side, distance, the phrases, verbs,
// commas and relative words between), its words and tags, and which one
// the attribution model chose, picks one, or none; it changes the
// model's choice only where another candidate outscores it by a margin.
//
// The ranker is a log-linear model (internal/perceptron's TrainLogLinear,
// one class) trained by build/trainsources on the engine's own claims for
// articles its attribution model did not see (held-out folds of PolNeAR
// train), so it learns the mistakes the engine makes on new text.
//
// Work is bounded per claim: candidates come from at most Reach tokens
// either side of the cue, at most MaxCandidates of them, each a fixed
// number of features.
package sources

import (
	_ "embed"
	"errors"
	"fmt"
	"sync"

	"github.com/whosaid/whosaid/internal/attrib"
	"github.com/whosaid/whosaid/internal/perceptron"
	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
	"github.com/whosaid/whosaid/internal/text"
)

// Model is a trained ranker. It is immutable and safe for concurrent use.
// Another candidate must outscore the current source by the margin its
// file's header records ("margin").
type Model struct{ r *perceptron.Ranker }

//go:embed model.bin
var embedded []byte

// Default is the embedded model, loaded once.
var Default = sync.OnceValues(func() (*Model, error) { return Load(embedded) })

// ErrFormat is wrapped by every error about a malformed model file.
var ErrFormat = errors.New("not a whosaid source model")

// Load reads a model written by MarshalBinary. An empty file is the model
// that changes nothing: build/trainsources starts from it.
func Load(b []byte) (*Model, error) {
	r, err := perceptron.LoadRanker(b)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	return &Model{r: r}, nil
}

// MarshalBinary writes the model.
func (m *Model) MarshalBinary() ([]byte, error) { return m.r.MarshalBinary() }

// Doc is what the ranker reads of an article.
type Doc struct {
	Seg     *segment.Doc
	Tags    []tag.Tag
	InQuote []bool // per token, inside a quotation (learned.InQuote)
}

// Rerank re-chooses the source of every claim in atts, in place. A
// transcript's turns and sources taken from an earlier attribution
// ("…, adding that …") are left alone.
func (m *Model) Rerank(d *Doc, atts []attrib.Attribution) {
	if !m.r.Trained() {
		return
	}
	for i := range atts {
		a := &atts[i]
		cands, feats := d.Candidates(a)
		if len(cands) < 2 {
			continue
		}
		if bi := m.r.Pick(len(cands), m.r.Margin(), func(j int) []uint64 { return feats[j] }); bi > 0 {
			d.set(a, cands[bi])
		}
	}
}

// set makes c claim a's source.
func (d *Doc) set(a *attrib.Attribution, c Candidate) {
	if c.First < 0 {
		a.DropSource()
		return
	}
	toks := d.Seg.Tokens
	a.Source = text.Span{Start: int(toks[c.First].Start), End: int(toks[c.Last-1].End)}
	a.SrcFirst, a.SrcLast = c.First, c.Last
	a.RefFirst, a.RefLast = c.First, c.First
}
