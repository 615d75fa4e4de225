package brat

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	f, err := os.Open("testdata/small.ann")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	want := []Attribution{
		{Content: []Range{{9, 14}, {20, 25}}, Source: []Range{{0, 3}}, Cue: []Range{{4, 8}}},
		{Content: []Range{{43, 50}}, Cue: []Range{{30, 42}}, NoSource: true},
		// E3 has no Content: skipped, as the scorer skips it.
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Parse = %+v\nwant %+v", got, want)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"T1\tSource\tBob\n", "line 1: span T1 has no offsets"},
		{"T1\tSource 0 x\tBob\n", `line 1: span T1: bad offsets "0 x"`},
		{"T1\tSource 5 3\tBob\n", `line 1: span T1: bad offsets "5 3"`},
		{"\nE1\tAttribution:T4 Content\n", `line 2: event E1: argument "Content" is not ROLE:ID`},
	}
	for _, tt := range tests {
		_, err := Parse(strings.NewReader(tt.in))
		if err == nil || err.Error() != tt.want {
			t.Errorf("Parse(%q) error = %v, want %q", tt.in, err, tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	b, _ := os.ReadFile("testdata/small.ann")
	f.Add(string(b))
	f.Add("T1\tContent 0 1;2 3\tx\nE1\tAttribution:T1 Content:T1\n")
	f.Fuzz(func(t *testing.T, s string) {
		atts, err := Parse(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, a := range atts {
			for _, r := range a.Content {
				if r.Start < 0 || r.End < r.Start {
					t.Fatalf("bad range %v", r)
				}
			}
		}
	})
}
