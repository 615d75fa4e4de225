package meta

import "testing"

func TestMonthNumber(t *testing.T) {
	tests := []struct {
		w    string
		want int
	}{
		{"january", 1}, {"jan", 1}, {"february", 2}, {"feb", 2}, {"march", 3}, {"mar", 3},
		{"april", 4}, {"apr", 4}, {"may", 5}, {"june", 6}, {"jun", 6}, {"july", 7}, {"jul", 7},
		{"august", 8}, {"aug", 8}, {"september", 9}, {"sep", 9}, {"sept", 9}, {"october", 10},
		{"oct", 10}, {"november", 11}, {"nov", 11}, {"december", 12}, {"dec", 12},
		// lower case only, whole words only
		{"", -1}, {"ja", -1}, {"janu", -1}, {"Jan", -1}, {"jan.", -1}, {"mays", -1}, {"octo", -1},
		{"septe", -1}, {"decembers", -1}, {"monday", -1},
	}
	for _, tt := range tests {
		if got := MonthNumber(tt.w); got != tt.want {
			t.Errorf("MonthNumber(%q) = %d, want %d", tt.w, got, tt.want)
		}
	}
}
