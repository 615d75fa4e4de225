package export

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/whosaid/whosaid/internal/engine"
)

// fill sets every field of v, recursively, to a value of its own (strings
// with characters JSON escapes), so that a field writeResultJSON misses or
// writes differently shows.
func fill(v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), n)
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), n)
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		fill(v.Index(0), n)
		fill(v.Index(1), n)
	case reflect.String:
		v.SetString("s<&>\"\\\n\u2028é" + string(rune('a'+*n%26)))
	case reflect.Int:
		v.SetInt(int64(*n))
	case reflect.Float64:
		v.SetFloat(float64(*n) / 7)
	case reflect.Bool:
		v.SetBool(true)
	default:
		panic("fill: a " + v.Kind().String() + " in engine.Result: writeResultJSON and fill need it")
	}
}

func stdJSON(t *testing.T, res *engine.Result) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(res); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestResultJSON(t *testing.T) {
	full := &engine.Result{}
	n := 0
	fill(reflect.ValueOf(full).Elem(), &n)
	tiny := 1e-9
	cases := map[string]*engine.Result{
		"every field set": full,
		"zero":            {},
		"empty slices":    {Sources: []engine.Source{{Aliases: []string{}, Mentions: []engine.Span{}, Claims: []int{}}}, Claims: []engine.Claim{{Reasons: []string{}, Parts: []engine.Range{}, Attribution: &engine.Attribution{}, Checkworthiness: new(float64)}}, Extraction: &engine.Extraction{}},
		"tiny score":      {Claims: []engine.Claim{{Checkworthiness: &tiny}}},
	}
	for name, res := range cases {
		var buf bytes.Buffer
		if err := writeResultJSON(&buf, res); err != nil {
			t.Fatal(name, err)
		}
		if got, want := buf.String(), stdJSON(t, res); got != want {
			t.Errorf("%s:\n got %s\nwant %s", name, got, want)
		}
	}
}
