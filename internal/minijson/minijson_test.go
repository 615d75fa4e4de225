package minijson

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"testing"
)

// stdString is encoding/json's encoding of s, without the newline.
func stdString(t testing.TB, v any) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return string(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
}

var strings = []string{
	"", "plain", `"quoted" \ back`, "<a href='x'>&amp;</a>", "tab\tnew\nret\rbs\bff\f",
	"\x00\x01\x1f\x7f", "é “curly” 日本", "line\u2028para\u2029", "bad \xff utf8 \xe2\x80",
	"\U0001F600 emoji",
}

func TestAppendString(t *testing.T) {
	for _, s := range strings {
		if got, want := string(AppendString(nil, s)), stdString(t, s); got != want {
			t.Errorf("AppendString(%q) = %s, encoding/json %s", s, got, want)
		}
	}
}

func FuzzAppendString(f *testing.F) {
	for _, s := range strings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(AppendString(nil, s)), stdString(t, s); got != want {
			t.Errorf("AppendString(%q) = %s, encoding/json %s", s, got, want)
		}
	})
}

func TestAppendFloat(t *testing.T) {
	for _, f := range []float64{0, 1, -1, 0.5, 0.054, 0.1 + 0.2, 1e-6, 9.99e-7, 1e-7, 1e21, 1e20, 123456789.125, math.SmallestNonzeroFloat64, math.MaxFloat64, -2.5e-10} {
		got, err := AppendFloat(nil, f)
		if err != nil {
			t.Fatal(err)
		}
		if want := stdString(t, f); string(got) != want {
			t.Errorf("AppendFloat(%v) = %s, encoding/json %s", f, got, want)
		}
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if _, err := AppendFloat(nil, f); err == nil {
			t.Errorf("AppendFloat(%v): no error", f)
		}
	}
}

var docs = []string{
	`{}`, `[]`, `null`, `true`, ` false `, `"s"`, `0`, `-0.5e+3`, `1E2`,
	`{"a":1,"b":[true,false,null,"x"],"c":{"d":"e"},"a":2}`,
	`[{"@type":"NewsArticle","headline":"H \"q\" \u00e9 \ud83d\ude00 \ud800 x \udc00","author":[{"name":"A"}]}]`,
	`"\/\b\f\n\r\t\\"`, "\"bad \xff utf8\"", `"\ud800\u0041"`,
	// errors
	``, `{`, `[1,]`, `{"a"}`, `{"a":1,}`, `01`, `1.`, `.5`, `-`, `1e`, `tru`, `nul`, `"abc`, "\"ctl\x01\"", `"\x"`, `"\u12"`,
	`[1] x`, `{"a":1 "b":2}`, `1e400`, `{1:2}`,
}

func TestParse(t *testing.T) {
	for _, d := range docs {
		check(t, d)
	}
}

func FuzzParse(f *testing.F) {
	for _, d := range docs {
		f.Add(d)
	}
	f.Fuzz(func(t *testing.T, d string) { check(t, d) })
}

// check holds Parse to json.Unmarshal into an any: the same value, or an
// error from both.
func check(t *testing.T, d string) {
	got, err := Parse([]byte(d))
	var want any
	werr := json.Unmarshal([]byte(d), &want)
	if (err != nil) != (werr != nil) {
		t.Fatalf("Parse(%q): error %v, encoding/json's %v", d, err, werr)
	}
	if err == nil && !reflect.DeepEqual(got, want) {
		t.Errorf("Parse(%q) = %#v, encoding/json %#v", d, got, want)
	}
}
