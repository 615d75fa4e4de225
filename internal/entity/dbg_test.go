package entity

import (
	"fmt"
	"os"
	"testing"

	"github.com/whosaid/whosaid/internal/segment"
	"github.com/whosaid/whosaid/internal/tag"
)

func TestDbg(t *testing.T) {
	s := os.Getenv("DBG")
	if s == "" {
		t.Skip()
	}
	seg := segment.Split(s)
	m, _ := tag.Default()
	words := make([]string, len(seg.Tokens))
	for i := range words {
		words[i] = seg.Word(i)
	}
	tags := make([]tag.Tag, len(words))
	m.Tag(words, tags)
	d := newDoc(seg, tags, DefaultNames())
	d.surnames = map[string]bool{}
	for i := range words {
		fmt.Print(words[i], "/", tags[i], "/", d.capName(i), " ")
	}
	fmt.Println(d.titled)
	for _, rn := range d.runs(make([]bool, len(words))) {
		var p np
		d.readName(rn[0], rn[1], &p)
		fmt.Printf("run %q name=%q class=%s\n", d.text(rn[0], rn[1]), d.text(p.nf, p.nl), p.class)
	}
}
