// Package corpus lists the articles of a directory laid out like PolNeAR:
// DIR/text/NAME.txt, with the gold annotations in DIR/attributions/
// (NAME_XXXX.ann). It is what `whosaid eval` runs the engine over.
package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/whosaid/whosaid/internal/brat"
)

// Corpus is a checked corpus directory.
type Corpus struct {
	Dir  string
	Docs []Doc // sorted by name
	// Gold is true when DIR/attributions exists, so a scorer can run.
	Gold bool
}

// Doc is one article.
type Doc struct {
	Name string // the file name without .txt
	Path string
	// Ann is the article's gold annotation file: the first
	// attributions/NAME_*.ann in name order, as the scorer picks it; ""
	// when there is none.
	Ann string
}

// ReadGold returns the article's gold attributions (none when it has no
// annotation file).
func (d Doc) ReadGold() ([]brat.Attribution, error) {
	if d.Ann == "" {
		return nil, nil
	}
	f, err := os.Open(d.Ann)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	g, err := brat.Parse(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", d.Ann, err)
	}
	return g, nil
}

// Read returns the article's text.
func (d Doc) Read() (string, error) {
	b, err := os.ReadFile(d.Path)
	return string(b), err
}

// ErrLayout is wrapped by the errors for a directory of the wrong shape.
var ErrLayout = errors.New("not a corpus directory")

// Open checks dir's layout and lists its articles. The error says what is
// wrong and wraps ErrLayout (or the file system's error when dir is
// missing).
func Open(dir string) (*Corpus, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("%s: %w: it is a file; want a directory with text/*.txt", dir, ErrLayout)
	}
	textDir := filepath.Join(dir, "text")
	entries, err := os.ReadDir(textDir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w: no text/ subdirectory; want text/NAME.txt and attributions/NAME_*.ann", dir, ErrLayout)
	}
	if err != nil {
		return nil, err
	}
	c := &Corpus{Dir: dir}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".txt") || e.IsDir() || strings.HasPrefix(name, ".") {
			continue
		}
		c.Docs = append(c.Docs, Doc{Name: strings.TrimSuffix(name, ".txt"), Path: filepath.Join(textDir, name)})
	}
	if len(c.Docs) == 0 {
		return nil, fmt.Errorf("%s: %w: no .txt files in text/", dir, ErrLayout)
	}
	sort.Slice(c.Docs, func(i, j int) bool { return c.Docs[i].Name < c.Docs[j].Name })
	anns, err := os.ReadDir(filepath.Join(dir, "attributions"))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	c.Gold = err == nil
	// ReadDir sorts by name, so the first match is the scorer's choice.
	for i := range c.Docs {
		for _, a := range anns {
			if n := a.Name(); strings.HasPrefix(n, c.Docs[i].Name+"_") || n == c.Docs[i].Name+".ann" {
				c.Docs[i].Ann = filepath.Join(dir, "attributions", n)
				break
			}
		}
	}
	return c, nil
}
