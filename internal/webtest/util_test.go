package webtest

import (
	"strconv"
	"testing"
)

func itoa(i int) string { return strconv.Itoa(i) }

func atoi(t testing.TB, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("not a number: %q", s)
	}
	return n
}
