package heldout

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/internal/engine"
	"github.com/whosaid/whosaid/internal/learned"
)

// folds writes the embedded attribution model as the three fold models.
func folds(t *testing.T) string {
	b, err := os.ReadFile("../../../internal/learned/model.bin")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, k := range []string{"f0", "f1", "f2"} {
		if err := os.WriteFile(filepath.Join(dir, k+".bin"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestRun: every annotated article goes to fn once, grouped by its fold
// in the corpus's order; what is missing is an error.
func TestRun(t *testing.T) {
	data := "../../../internal/corpus/testdata/good"
	dir := folds(t)
	paths := func(eng *engine.Engine, m *learned.Model, a Article) ([]string, error) {
		if eng == nil || m == nil || a.Text == nil || a.Raw == "" {
			t.Errorf("%s: fn got an empty engine, model or article", a.Path)
		}
		return []string{fmt.Sprintf("%s %d", filepath.Base(a.Path), a.Fold)}, nil
	}
	got, err := Run(data, dir, paths)
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for k, f := range got {
		if !slices.IsSorted(f) {
			t.Errorf("fold %d: %v, want the corpus's order", k, f)
		}
		for _, p := range f {
			if !strings.HasSuffix(p, fmt.Sprintf(" %d", k)) {
				t.Errorf("fold %d holds %s: Article.Fold must say the fold it is grouped in", k, p)
			}
		}
		all = append(all, f...)
	}
	if len(all) == 0 {
		t.Fatal("no article reached fn")
	}
	fail := func(*engine.Engine, *learned.Model, Article) ([]string, error) { return nil, os.ErrInvalid }
	if _, err := Run(data, dir, fail); err == nil || !strings.Contains(err.Error(), "a.txt") {
		t.Errorf("fn's error: %v, want it with the article's path", err)
	}
	for _, tc := range []struct{ name, data, dir, want string }{
		{"no folds", data, "", "-folds is required"},
		{"no corpus", "testdata/none", dir, "beside the project"},
		{"no fold model", data, t.TempDir(), "f0.bin"},
	} {
		if _, err := Run(tc.data, tc.dir, paths); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err %v, want one saying %q", tc.name, err, tc.want)
		}
	}
}
