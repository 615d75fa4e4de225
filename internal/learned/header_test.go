package learned

import (
	"encoding/json"
	"testing"
)

// headerBias reads the bias json.Unmarshal into a *float32 reads.
func TestHeaderBias(t *testing.T) {
	m, err := Load(embedded)
	if err != nil {
		t.Fatal(err)
	}
	headers := []string{string(m.cue.Header()), `{}`, `not json`, `{"cue_bias":null}`, `{"cue_bias":"x"}`,
		`{"cue_bias":0.35}`, `{"cue_bias":-1.25,"other":[1,2]}`, `{"cue_bias":0.1}`, `{"cue_bias":3.4028235e+38}`, `{"cue_bias":1e39}`}
	for _, h := range headers {
		var v struct {
			CueBias *float32 `json:"cue_bias"`
		}
		want := float32(DefaultCueBias)
		if json.Unmarshal([]byte(h), &v) == nil && v.CueBias != nil {
			want = *v.CueBias
		}
		if got := headerBias([]byte(h)); got != want {
			t.Errorf("headerBias(%s) = %v, encoding/json %v", h, got, want)
		}
	}
}
