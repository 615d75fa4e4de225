package heldout

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/whosaid/whosaid/internal/attrib"
	"github.com/whosaid/whosaid/internal/corpus"
	"github.com/whosaid/whosaid/internal/engine"
)

// Fingerprint runs the engine with its shipped models over the first n
// annotated articles of the corpus at data, with the options opts makes
// from a record hook (the trace hook a trainer reads claims from), and
// sums what the hook was given: each claim's content spans, cue and
// source. The edge and source models learn from those claims, so a
// change to the engine before them means make train would write other
// models than the repository holds. Their trainers' tests compare this
// line with a golden file and say so: once, the engine's tagger changed
// after the models were trained and nothing noticed.
func Fingerprint(data string, n int, opts func(record func([]attrib.Attribution)) engine.Options) (string, error) {
	c, err := corpus.Open(data)
	if err != nil {
		return "", fmt.Errorf("%w (is ../shared/ beside the project?)", err)
	}
	eng, err := engine.New()
	if err != nil {
		return "", err
	}
	h := sha256.New()
	claims, read := 0, 0
	for _, d := range c.Docs {
		if d.Ann == "" {
			continue
		}
		if read++; read > n {
			break
		}
		raw, err := d.Read()
		if err != nil {
			return "", err
		}
		record := func(atts []attrib.Attribution) {
			for _, a := range atts {
				fmt.Fprintf(h, "%s\t%v\t%v\t%v\n", d.Name, a.Content, a.Cue, a.Source)
			}
			claims += len(atts)
		}
		if _, err := eng.Run(engine.Input{Text: raw}, opts(record)); err != nil {
			return "", fmt.Errorf("%s: %w", d.Path, err)
		}
	}
	return fmt.Sprintf("articles %d claims %d sha256 %x\n", min(read, n), claims, h.Sum(nil)), nil
}

// CheckClaims is a trainer's test of the claims its model learns from:
// the Fingerprint of what opts's hook records on train's first 60
// articles against the golden testdata/claims.txt of the test's package,
// which update (go test -update) rewrites instead.
func CheckClaims(update bool, opts func(record func([]attrib.Attribution)) engine.Options) error {
	got, err := Fingerprint(filepath.Join("..", "..", "..", "shared", "polnear", "train"), 60, opts)
	if err != nil {
		return err
	}
	return golden(filepath.Join("testdata", "claims.txt"), got, update)
}

// golden compares got with the golden file at path, or writes it there
// when update is set; a difference is an error that shows both.
func golden(path, got string, update bool) error {
	if update {
		return os.WriteFile(path, []byte(got), 0o644)
	}
	want, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if string(want) != got {
		return fmt.Errorf("%s holds\n\t%s but the engine now gives\n\t%s", path, strings.TrimSpace(string(want)), strings.TrimSpace(got))
	}
	return nil
}
