package corpus

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpen(t *testing.T) {
	tests := []struct {
		dir     string
		names   string // the docs, comma-separated
		gold    bool
		wantErr string // a substring of the error; "" for success
		layout  bool   // the error wraps ErrLayout
	}{
		{dir: "good", names: "a,b", gold: true},
		{dir: "nogold", names: "c"},
		{dir: "notext", wantErr: "no text/ subdirectory", layout: true},
		{dir: "empty", wantErr: "no .txt files in text/", layout: true},
		{dir: "good/text/a.txt", wantErr: "it is a file", layout: true},
		{dir: "missing", wantErr: "no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			c, err := Open(filepath.Join("testdata", tt.dir))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				if errors.Is(err, ErrLayout) != tt.layout {
					t.Errorf("errors.Is(ErrLayout) = %v", !tt.layout)
				}
				if tt.dir == "missing" && !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("missing dir: %v does not wrap fs.ErrNotExist", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, d := range c.Docs {
				names = append(names, d.Name)
				if _, err := d.Read(); err != nil {
					t.Error(err)
				}
			}
			if got := strings.Join(names, ","); got != tt.names || c.Gold != tt.gold {
				t.Errorf("docs %q gold %v, want %q %v", got, c.Gold, tt.names, tt.gold)
			}
		})
	}
}
