package sources

import (
	"testing"

	"github.com/whosaid/whosaid/internal/coref"
)

func TestKind(t *testing.T) {
	cases := []struct {
		in   coref.Info
		want string
	}{
		{coref.Info{Type: coref.Name, Core: []string{"Hillary", "Clinton"}, Head: "clinton", Person: true}, Person},
		{coref.Info{Type: coref.Name, Core: []string{"IS"}, Head: "is", Org: true}, Organisation},
		{coref.Info{Type: coref.Nominal, Core: []string{"the", "officials"}, Head: "officials", Plural: true}, Anonymous},
		{coref.Info{Type: coref.Nominal, Core: []string{"witnesses"}, Head: "witnesses", Plural: true}, Anonymous},
		{coref.Info{Type: coref.Nominal, Core: []string{"USA", "military", "and", "security", "experts"}, Head: "experts", Plural: true}, Group},
		{coref.Info{Type: coref.Nominal, Core: []string{"the", "minister"}, Head: "minister", Person: true}, Person},
		{coref.Info{Type: coref.Pronoun, Core: []string{"they"}, Head: "they", Plural: true}, Group},
	}
	for _, c := range cases {
		if got := Kind(c.in); got != c.want {
			t.Errorf("%v: %s, want %s", c.in.Core, got, c.want)
		}
	}
}

func TestBuild(t *testing.T) {
	src := Build([]coref.Entity{{Name: "Bali", Mentions: []int{0, 2}}, {Name: "the minister", Mentions: []int{1}}})
	if len(src) != 2 || src[0].ID != "s1" || src[1].ID != "s2" || len(src[0].Mentions) != 2 {
		t.Fatalf("%+v", src)
	}
}
