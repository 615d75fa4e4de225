package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/whosaid/whosaid/internal/wasmbin"
)

func TestCodeOwner(t *testing.T) {
	const main = "github.com/whosaid/whosaid"
	mods := []string{"golang.org/x/net/extra", "github.com/whosaid/whosaid", "golang.org/x/net"}
	for _, tc := range []struct{ fn, want string }{
		{"runtime.mallocgc", groupStd},
		{"internal_runtime_maps.__Map_.Get", groupStd},
		{"type_.eq.runtime._panic", groupStd},
		{"slices.SortFunc_go.shape.string_", groupStd},
		{"vendor_golang.org_x_net_dns.x", groupStd},
		{"main.main", main},
		{"github.com_whosaid_whosaid_internal_engine.__Engine_.Extract", main},
		{"type_.eq.github.com_whosaid_whosaid_internal_tag.entry", main},
		{"golang.org_x_net_html.__Tokenizer_.Next", "golang.org/x/net"},
		{"golang.org_x_net_extra.F", "golang.org/x/net/extra"},
		{"golang.org_x_networks.F", groupStd},
		{"", groupUnnamed},
	} {
		if got := codeOwner(tc.fn, main, mods); got != tc.want {
			t.Errorf("codeOwner(%q) = %q, want %q", tc.fn, got, tc.want)
		}
	}
}

// An embedded file split by the linker around a run of zeros is found,
// and the rest of the data is everything else.
func TestSplitData(t *testing.T) {
	dir := t.TempDir()
	model := filepath.Join(dir, "model.bin")
	if err := os.WriteFile(model, []byte("MODEL\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00DATA"), 0o644); err != nil {
		t.Fatal(err)
	}
	absent := filepath.Join(dir, "absent.txt")
	if err := os.WriteFile(absent, []byte("not linked"), 0o644); err != nil {
		t.Fatal(err)
	}
	segs := []wasmbin.Segment{
		{Addr: 100, Data: []byte("head")},
		{Addr: 200, Data: []byte("xxMODEL")},
		{Addr: 217, Data: []byte("DATAyy")},
	}
	found, rest, err := splitData(segs, []string{model, absent})
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 1 || len(found[model]) != 19 {
		t.Errorf("found %v, want the model alone", found)
	}
	if string(rest) != "headxxyy" {
		t.Errorf("rest = %q, want %q", rest, "headxxyy")
	}
}
