package readable

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestAuthorNames: one row per rule that turns a byline's text into the
// names a reader wants.
func TestAuthorNames(t *testing.T) {
	for _, tc := range []struct {
		rule    string
		lines   []string
		site    string
		reorder bool
		want    []string
	}{
		{"plain name", []string{"Jane Roe"}, "", false, []string{"Jane Roe"}},
		{"By is not a name", []string{"By Jane Roe"}, "", false, []string{"Jane Roe"}},
		{"By: label", []string{"BY: JANE ROE"}, "", false, []string{"JANE ROE"}},
		{"author label", []string{"Author: Jane Roe"}, "", false, []string{"Jane Roe"}},
		{"and", []string{"By Jane Roe and John Doe"}, "", false, []string{"Jane Roe", "John Doe"}},
		{"commas and and", []string{"Ann Cole, Ben Lam and Cy Day"}, "", false, []string{"Ann Cole", "Ben Lam", "Cy Day"}},
		{"ampersand and with", []string{"Ann Cole & Ben Lam with Cy Day"}, "", false, []string{"Ann Cole", "Ben Lam", "Cy Day"}},
		{"written and edited by, one line", []string{"Written by Tom Vale Edited by Rita Ng"}, "", false, []string{"Tom Vale", "Rita Ng"}},
		{"written and edited by, two lines", []string{"Written by Tom Vale", "Edited by Rita Ng"}, "", false, []string{"Tom Vale", "Rita Ng"}},
		{"additional reporting by", []string{"By Jane Roe; additional reporting by John Doe"}, "", false, []string{"Jane Roe", "John Doe"}},
		{"a reviewer is not an author", []string{"By Ann Cole", "Reviewed by Hana D. Bell, MD"}, "", false, []string{"Ann Cole"}},
		{"photographs by", []string{"Words by Ann Cole, photographs by Ben Lam"}, "", false, []string{"Ann Cole"}},
		{"lead before by", []string{"Posted on May 3, 2019 by Jane Roe"}, "", false, []string{"Jane Roe"}},
		{"credential after a comma", []string{"By Brenda Goodman, MA"}, "", false, []string{"Brenda Goodman"}},
		{"credentials glued", []string{"Hana D. Bell MD", "Carl Eng, Ph.D."}, "", false, []string{"Hana D. Bell", "Carl Eng"}},
		{"desk line", []string{"By Kelli Miller", "WebMD Health News"}, "", false, []string{"Kelli Miller"}},
		{"outlet alone stays", []string{"BBC News"}, "", false, []string{"BBC News"}},
		{"job title line", []string{"Ben Lam", "Games Editor"}, "", false, []string{"Ben Lam"}},
		{"job title alone", []string{"Staff Writer"}, "", false, nil},
		{"agency after a name", []string{"By Jane Roe, Reuters"}, "", false, []string{"Jane Roe"}},
		{"agency alone", []string{"By The Associated Press"}, "", false, []string{"The Associated Press"}},
		{"site's own name", []string{"Jane Roe", "Coast Courier"}, "Coast Courier", false, []string{"Jane Roe"}},
		{"lone word after a full name", []string{"By Jane Roe, CNN"}, "", false, []string{"Jane Roe"}},
		{"date after the name", []string{"Jane Roe May 20, 2019"}, "", false, []string{"Jane Roe"}},
		{"date glued to the name", []string{"by Lucas Nolan22 Dec 2016651"}, "", false, []string{"Lucas Nolan"}},
		{"weekday", []string{"Joe Wee Monday, February 29, 2016 @ 11:10 PM UTC"}, "", false, []string{"Joe Wee"}},
		{"time and read length", []string{"Jane Roe | 10:30 a.m. ET | 5 min read"}, "", false, []string{"Jane Roe"}},
		{"updated", []string{"Jane Roe Updated 3 hours ago"}, "", false, []string{"Jane Roe"}},
		{"a date line", []string{"March 11, 2015 3:46 PM"}, "", false, nil},
		{"label ending in a colon", []string{"Last Updated: January 7, 2025"}, "", false, nil},
		{"other labels", []string{"Source: Reuters", "Photo: Ben Lam"}, "", false, nil},
		{"follow button", []string{"Follow Author"}, "", false, nil},
		{"a note from", []string{"A note from Kim Lee"}, "", false, []string{"Kim Lee"}},
		{"generic word", []string{"admin"}, "", false, nil},
		{"a sentence", []string{"This story was updated"}, "", false, nil},
		{"url in parentheses", []string{"Bradley M. Kuhn (http://ebb.org/bkuhn/)"}, "", false, []string{"Bradley M. Kuhn"}},
		{"a link alone", []string{"https://www.facebook.com/janeroe"}, "", false, nil},
		{"mail then name", []string{"jane@example.org (Jane Roe)"}, "", false, []string{"Jane Roe"}},
		{"handle", []string{"Jane Roe (@janeroe)", "@janeroe"}, "", false, []string{"Jane Roe"}},
		{"handle then agency", []string{"By Jane Roe (@janeroe), Reuters"}, "", false, []string{"Jane Roe"}},
		{"link then a name", []string{"Jane Roe http://x.org/jr, John Doe"}, "", false, []string{"Jane Roe", "John Doe"}},
		{"bullet left", []string{"James Aki •"}, "", false, []string{"James Aki"}},
		{"initial keeps its stop", []string{"John C."}, "", false, []string{"John C."}},
		{"duplicates", []string{"Gina Roberts-Grey", "Gina Roberts-Grey"}, "", false, []string{"Gina Roberts-Grey"}},
		{"particles", []string{"Contributors to Wikimedia projects", "Michiel de Jong"}, "", false, []string{"Contributors to Wikimedia projects", "Michiel de Jong"}},
		{"surname first in metadata", []string{"Kooman, F.", "Jong, Michiel de"}, "", true, []string{"F. Kooman", "Michiel de Jong"}},
		{"surnames first, several", []string{"Roe, Jane; Doe, John"}, "", true, []string{"Jane Roe", "John Doe"}},
		{"two people in metadata", []string{"Stella Kim, Jennifer Jett"}, "", true, []string{"Stella Kim", "Jennifer Jett"}},
		{"a comma in a byline is two people", []string{"Roe, Jane"}, "", false, []string{"Roe", "Jane"}},
		{"username", []string{"mcupdate"}, "", false, []string{"mcupdate"}},
	} {
		if got := authorNames(tc.lines, tc.site, tc.reorder); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: authorNames(%q) = %q, want %q", tc.rule, tc.lines, got, tc.want)
		}
	}
}

// TestBylines: each testdata/bylines/*.html page, a byline written one way
// sites write them, against the authors in testdata/bylines.json.
func TestBylines(t *testing.T) {
	ins, err := filepath.Glob("testdata/bylines/*.html")
	if err != nil || len(ins) == 0 {
		t.Fatalf("no fixtures in testdata/bylines/: %v", err)
	}
	got := map[string][]string{}
	for _, in := range ins {
		src, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		a, err := Extract(string(src), Options{})
		if err != nil {
			t.Fatal(err)
		}
		got[strings.TrimSuffix(filepath.Base(in), ".html")] = append([]string{}, a.Authors...)
	}
	const golden = "testdata/bylines.json"
	out, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(golden, append(out, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	src, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	var want map[string][]string
	if err := json.Unmarshal(src, &want); err != nil {
		t.Fatal(err)
	}
	for name := range want {
		if _, ok := got[name]; !ok {
			t.Errorf("%s.html is gone from testdata/bylines/", name)
		}
	}
	for name, g := range got {
		if w, ok := want[name]; !ok || !reflect.DeepEqual(g, w) {
			t.Errorf("%s.html: authors %q, want %q (go test ./internal/readable -update rewrites %s)", name, g, w, golden)
		}
	}
}
