package readable

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestAuthorNames: one row per rule that turns a byline's text into the
// names a reader wants.
func TestAuthorNames(t *testing.T) {
	for _, tc := range []struct {
		rule  string
		lines []string
		site  string
		src   nameSource
		want  []string
	}{
		{"plain name", []string{"Jane Roe"}, "", fromByline, []string{"Jane Roe"}},
		{"By is not a name", []string{"By Jane Roe"}, "", fromByline, []string{"Jane Roe"}},
		{"By: label", []string{"BY: JANE ROE"}, "", fromByline, []string{"JANE ROE"}},
		{"author label", []string{"Author: Jane Roe"}, "", fromByline, []string{"Jane Roe"}},
		{"and", []string{"By Jane Roe and John Doe"}, "", fromByline, []string{"Jane Roe", "John Doe"}},
		{"commas and and", []string{"Ann Cole, Ben Lam and Cy Day"}, "", fromByline, []string{"Ann Cole", "Ben Lam", "Cy Day"}},
		{"ampersand and with", []string{"Ann Cole & Ben Lam with Cy Day"}, "", fromByline, []string{"Ann Cole", "Ben Lam", "Cy Day"}},
		{"written and edited by, one line", []string{"Written by Tom Vale Edited by Rita Ng"}, "", fromByline, []string{"Tom Vale", "Rita Ng"}},
		{"written and edited by, two lines", []string{"Written by Tom Vale", "Edited by Rita Ng"}, "", fromByline, []string{"Tom Vale", "Rita Ng"}},
		{"additional reporting by", []string{"By Jane Roe; additional reporting by John Doe"}, "", fromByline, []string{"Jane Roe", "John Doe"}},
		{"a reviewer is not an author", []string{"By Ann Cole", "Reviewed by Hana D. Bell, MD"}, "", fromByline, []string{"Ann Cole"}},
		{"photographs by", []string{"Words by Ann Cole, photographs by Ben Lam"}, "", fromByline, []string{"Ann Cole"}},
		{"lead before by", []string{"Posted on May 3, 2019 by Jane Roe"}, "", fromByline, []string{"Jane Roe"}},
		{"credential after a comma", []string{"By Brenda Goodman, MA"}, "", fromByline, []string{"Brenda Goodman"}},
		{"credentials glued", []string{"Hana D. Bell MD", "Carl Eng, Ph.D."}, "", fromByline, []string{"Hana D. Bell", "Carl Eng"}},
		{"desk line", []string{"By Kelli Miller", "WebMD Health News"}, "", fromByline, []string{"Kelli Miller"}},
		{"outlet alone stays", []string{"BBC News"}, "", fromByline, []string{"BBC News"}},
		{"job title line", []string{"Ben Lam", "Games Editor"}, "", fromByline, []string{"Ben Lam"}},
		{"job title alone", []string{"Staff Writer"}, "", fromByline, nil},
		{"agency after a name", []string{"By Jane Roe, Reuters"}, "", fromByline, []string{"Jane Roe"}},
		{"agency alone", []string{"By The Associated Press"}, "", fromByline, []string{"The Associated Press"}},
		{"site's own name", []string{"Jane Roe", "Coast Courier"}, "Coast Courier", fromByline, []string{"Jane Roe"}},
		{"lone word after a full name", []string{"By Jane Roe, CNN"}, "", fromByline, []string{"Jane Roe"}},
		{"place after the name", []string{"Eleanor Ainge Roy in Dunedin"}, "", fromByline, []string{"Eleanor Ainge Roy"}},
		{"outlet after for", []string{"By Jane Roe for CNN"}, "", fromByline, []string{"Jane Roe"}},
		{"job title at an outlet", []string{"Jane Roe", "Senior Editor at Wired"}, "", fromByline, []string{"Jane Roe"}},
		{"an outlet starts with The", []string{"By Jane Roe and John Doe, The New York Times"}, "", fromByline, []string{"Jane Roe", "John Doe"}},
		{"the site with or without The", []string{"Jane Roe", "The Coast Courier"}, "Coast Courier", fromByline, []string{"Jane Roe"}},
		{"follow button after the name", []string{"Jane Roe Follow"}, "", fromByline, []string{"Jane Roe"}},
		{"reviewer, writer and date", []string{"Medically reviewed by Dr. Hana Bell — Written by Jane Roe — Updated on May 3, 2021"}, "", fromByline, []string{"Jane Roe"}},
		{"date after the name", []string{"Jane Roe May 20, 2019"}, "", fromByline, []string{"Jane Roe"}},
		{"date glued to the name", []string{"by Lucas Nolan22 Dec 2016651"}, "", fromByline, []string{"Lucas Nolan"}},
		{"short weekday", []string{"Jane Roe Mon 3 May 2021 10.00 BST"}, "", fromByline, []string{"Jane Roe"}},
		{"agency glued to the names", []string{"By JANE ROE and JOHN DOE Associated Press"}, "", fromByline, []string{"JANE ROE", "JOHN DOE"}},
		{"about the author", []string{"About the Author: Jane Roe"}, "", fromByline, []string{"Jane Roe"}},
		{"weekday", []string{"Joe Wee Monday, February 29, 2016 @ 11:10 PM UTC"}, "", fromByline, []string{"Joe Wee"}},
		{"time and read length", []string{"Jane Roe | 10:30 a.m. ET | 5 min read"}, "", fromByline, []string{"Jane Roe"}},
		{"updated", []string{"Jane Roe Updated 3 hours ago"}, "", fromByline, []string{"Jane Roe"}},
		{"a date line", []string{"March 11, 2015 3:46 PM"}, "", fromByline, nil},
		{"label ending in a colon", []string{"Last Updated: January 7, 2025"}, "", fromByline, nil},
		{"other labels", []string{"Source: Reuters", "Photo: Ben Lam"}, "", fromByline, nil},
		{"follow button", []string{"Follow Author"}, "", fromByline, nil},
		{"a note from", []string{"A note from Kim Lee"}, "", fromByline, []string{"Kim Lee"}},
		{"generic word", []string{"admin"}, "", fromByline, nil},
		{"a sentence", []string{"This story was updated"}, "", fromByline, nil},
		{"url in parentheses", []string{"Bradley M. Kuhn (http://ebb.org/bkuhn/)"}, "", fromByline, []string{"Bradley M. Kuhn"}},
		{"a link alone", []string{"https://www.facebook.com/janeroe"}, "", fromByline, nil},
		{"mail then name", []string{"jane@example.org (Jane Roe)"}, "", fromByline, []string{"Jane Roe"}},
		{"handle", []string{"Jane Roe (@janeroe)", "@janeroe"}, "", fromByline, []string{"Jane Roe"}},
		{"handle then agency", []string{"By Jane Roe (@janeroe), Reuters"}, "", fromByline, []string{"Jane Roe"}},
		{"link then a name", []string{"Jane Roe http://x.org/jr, John Doe"}, "", fromByline, []string{"Jane Roe", "John Doe"}},
		{"bullet left", []string{"James Aki •"}, "", fromByline, []string{"James Aki"}},
		{"initial keeps its stop", []string{"John C."}, "", fromByline, []string{"John C."}},
		{"duplicates", []string{"Gina Roberts-Grey", "Gina Roberts-Grey"}, "", fromByline, []string{"Gina Roberts-Grey"}},
		{"particles", []string{"Contributors to Wikimedia projects", "Michiel de Jong"}, "", fromByline, []string{"Contributors to Wikimedia projects", "Michiel de Jong"}},
		{"surname first in metadata", []string{"Kooman, F.", "Jong, Michiel de"}, "", fromMeta, []string{"F. Kooman", "Michiel de Jong"}},
		{"surnames first, several", []string{"Roe, Jane; Doe, John"}, "", fromMeta, []string{"Jane Roe", "John Doe"}},
		{"two people in metadata", []string{"Stella Kim, Jennifer Jett"}, "", fromMeta, []string{"Stella Kim", "Jennifer Jett"}},
		{"a comma in a byline is two people", []string{"Roe, Jane"}, "", fromByline, []string{"Roe", "Jane"}},
		{"one organisation", []string{"Centers for Disease Control and Prevention"}, "", fromRecord, []string{"Centers for Disease Control and Prevention"}},
		{"a person's title after a comma", []string{"Jane Roe, Senior Correspondent", "Hana Bell, MD"}, "", fromRecord, []string{"Jane Roe", "Hana Bell"}},
		{"a catalogue's name", []string{"Roe, Jane"}, "", fromRecord, []string{"Jane Roe"}},
		{"a company's comma", []string{"Smith, Barney & Co."}, "", fromRecord, []string{"Smith, Barney & Co"}},
		{"names in a closing parenthesis", []string{"Par Martin Untersinger (avec Damien Leloup et Morgane Tual)"}, "", fromByline, []string{"Martin Untersinger", "Damien Leloup", "Morgane Tual"}},
		{"agency in a closing parenthesis", []string{"Jane Roe (AP)"}, "", fromByline, []string{"Jane Roe"}},
		{"a parenthesis inside a name", []string{"Richard (R.J.) Eskow"}, "", fromByline, []string{"Richard (R.J.) Eskow"}},
		{"one name with y", []string{"José Ortega y Gasset"}, "", fromByline, []string{"José Ortega y Gasset"}},
		{"metadata is not read as a sentence", []string{"Dublin Core property author"}, "", fromMeta, []string{"Dublin Core property author"}},
		{"another form of the name in metadata", []string{"史蒂文的家_藍天 (stevenhgm)"}, "", fromMeta, []string{"史蒂文的家_藍天 (stevenhgm)"}},
		{"username", []string{"mcupdate"}, "", fromByline, []string{"mcupdate"}},
	} {
		if got, _ := authorNames(tc.lines, tc.site, tc.src); !reflect.DeepEqual(got, tc.want) {
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

// FuzzAuthorNames: any byline text gives at most maxAuthors names, each
// valid UTF-8, non-empty, without digits and bounded, from every source.
func FuzzAuthorNames(f *testing.F) {
	for _, in := range []string{"By Jane Roe and John Doe", "Written by A B\nEdited by C D", "by Lucas Nolan22 Dec 2016651",
		"Bradley M. Kuhn (http://ebb.org/bkuhn/)", "Roe, Jane; Doe, John", "Last Updated: January 7, 2025",
		"By Brenda Goodman, MA\nWebMD Health News", "Par X (avec Y et Z)", "jane@x.org (Jane Roe)", "((((", "by by by"} {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lines := strings.Split(s, "\n")
		for _, src := range []nameSource{fromByline, fromMeta, fromRecord} {
			got, _ := authorNames(lines, "Site", src)
			if len(got) > maxAuthors {
				t.Fatalf("%d names", len(got))
			}
			for _, name := range got {
				if name == "" || len(name) > maxMetaValue || hasDigit(name) || (utf8.ValidString(s) && !utf8.ValidString(name)) {
					t.Fatalf("authorNames(%q) gave %q", s, name)
				}
			}
		}
	})
}
