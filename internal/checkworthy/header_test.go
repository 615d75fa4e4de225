package checkworthy

import (
	"encoding/json"
	"reflect"
	"testing"
)

// decodeHeader reads what json.Unmarshal reads into a Header.
func TestDecodeHeader(t *testing.T) {
	hj, err := json.Marshal(Header{Bits: Bits, Scale: 0.0123, A: 1.5, B: -0.25, DataSHA256: "ab", Settings: map[string]string{"c": "1"}, CV: map[string]string{"f1": "0.7"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range []string{string(hj), `{}`, `{"bits":24,"scale":1e-3,"a":2,"b":0}`, `{"bits":"x"}`, `{"bits":1.5}`, `{"scale":"x"}`, `[]`, `nope`} {
		got, gerr := decodeHeader([]byte(h))
		var want Header
		werr := json.Unmarshal([]byte(h), &want)
		if (gerr != nil) != (werr != nil) {
			t.Errorf("decodeHeader(%s): error %v, encoding/json's %v", h, gerr, werr)
			continue
		}
		if gerr == nil && !reflect.DeepEqual(got, want) {
			t.Errorf("decodeHeader(%s) = %+v, encoding/json %+v", h, got, want)
		}
	}
	if _, err := Default(); err != nil {
		t.Fatal(err)
	}
}
