package checkworthy

import (
	"errors"
	"math"

	"github.com/whosaid/whosaid/internal/minijson"
)

// decodeHeader reads a model file's JSON header as json.Unmarshal reads
// it into a Header, with internal/minijson, which keeps encoding/json out
// of the page's wasm. TestDecodeHeader holds it to encoding/json.
func decodeHeader(data []byte) (Header, error) {
	var h Header
	v, err := minijson.Parse(data)
	if err != nil {
		return h, err
	}
	o, ok := v.(map[string]any)
	if !ok && v != nil {
		return h, errors.New("the header is not an object")
	}
	num := func(key string) float64 {
		f, ok := o[key].(float64)
		if !ok && o[key] != nil && err == nil {
			err = errors.New(key + " is not a number")
		}
		return f
	}
	bits := num("bits")
	if bits != math.Trunc(bits) || math.Abs(bits) > 1<<53 {
		return h, errors.New("bits is not an integer")
	}
	h.Bits, h.Scale, h.A, h.B = int(bits), num("scale"), num("a"), num("b")
	h.DataSHA256, _ = o["data_sha256"].(string)
	h.Settings, h.CV = stringMap(o["settings"]), stringMap(o["cv"])
	return h, err
}

// stringMap is an object of strings as a map; nil for anything else.
func stringMap(v any) map[string]string {
	o, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	m := make(map[string]string, len(o))
	for k, v := range o {
		m[k], _ = v.(string)
	}
	return m
}
