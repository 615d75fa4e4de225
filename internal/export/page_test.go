package export

import (
	"bytes"
	"errors"
	"slices"
	"testing"
)

// WritePage writes exactly what Write does for the page's formats, and
// refuses the others without writing.
func TestWritePage(t *testing.T) {
	for _, fx := range fixtures {
		res := loadFixture(t, fx)
		for _, format := range Formats() {
			t.Run(fx+"/"+format, func(t *testing.T) {
				var want, got bytes.Buffer
				if err := Write(&want, res, format); err != nil {
					t.Fatal(err)
				}
				err := WritePage(&got, res, format)
				if !slices.Contains(PageFormats(), format) {
					if err == nil || got.Len() > 0 {
						t.Errorf("WritePage(%s) = %v with %d bytes, want an error and nothing", format, err, got.Len())
					}
					return
				}
				if err != nil || !bytes.Equal(got.Bytes(), want.Bytes()) {
					t.Errorf("WritePage(%s) = %v\n%s\nwant Write's\n%s", format, err, got.Bytes(), want.Bytes())
				}
			})
		}
	}
	if err := WritePage(&bytes.Buffer{}, nil, "csv"); !errors.Is(err, ErrNilResult) {
		t.Errorf("WritePage(nil) = %v, want ErrNilResult", err)
	}
	for _, f := range PageFormats() {
		if !slices.Contains(Formats(), f) {
			t.Errorf("page format %q is not in Formats", f)
		}
	}
}
