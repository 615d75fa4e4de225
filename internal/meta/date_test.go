package meta

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Published: Tue, February 12, 2019", "2019-02-12"},
		{"Feb. 12, 2019", "2019-02-12"},
		{"Feb 12 2019", "2019-02-12"},
		{"12 February 2019", "2019-02-12"},
		{"12th of February, 2019", "2019-02-12"},
		{"February 1st, 2019", "2019-02-01"},
		{"2019-02-12", "2019-02-12"},
		{"2019-02-12T10:00:00Z", "2019-02-12"},
		{"2019/2/12", "2019-02-12"},
		{"Updated 3:45 p.m. ET, Jan 5, 2020", "2020-01-05"},
		{"Posted on Sept. 30, 2021 at 9:00 am", "2021-09-30"},
		{"02/12/2019", "2019-02-12"},
		{"25/12/2019", "2019-12-25"},
		{"12.02.2019", "2019-02-12"},
		{"29 February 2020", "2020-02-29"},
		{"MAY 5, 2018", "2018-05-05"},
		{"29 February 2019", ""}, // not a leap year
		{"February 30, 2019", ""},
		{"2019-13-01", ""},
		{"February 2019", ""}, // no day
		{"12 monkeys in 2019", ""},
		{"1 March 1850", ""}, // out of range
		{"", ""},
		{"By Jane Doe", ""},
	}
	for _, tt := range tests {
		got, ok := ParseDate(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"Feb. 12, 2019", "2019-02-12", "12/31/1999", "12th of May 2000", "1.1.1", "-/-/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		iso, ok := ParseDate(s)
		if !ok {
			if iso != "" {
				t.Fatalf("not ok but %q", iso)
			}
			return
		}
		d, err := time.Parse("2006-01-02", iso)
		if err != nil || d.Format("2006-01-02") != iso || d.Year() < 1900 || d.Year() > 2100 {
			t.Fatalf("ParseDate(%q) = %q: not a valid date (%v)", s, iso, err)
		}
	})
}
