package engine

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// This file ports the matching of ../shared/bench/score.py to Go, so that
// the tests measure exactly what the scorer does: word-character overlap,
// one-to-one matching by Jaccard (largest first), source overlap.

type rng struct{ a, b int }

type goldAtt struct {
	content, source, cue []rng
	nosource             bool
}

type predAtt struct {
	content, source, cue []rng
}

var annLine = regexp.MustCompile(`^[TE]\d+$`)

// parseAnn reads a brat standoff file as score.py does.
func parseAnn(path string) ([]goldAtt, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	type tspan struct {
		label  string
		ranges []rng
	}
	spans := map[string]tspan{}
	var events []map[string]string
	var order [][2]string // first key of each event
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		parts := strings.Split(line, "\t")
		if len(parts) < 2 || !annLine.MatchString(parts[0]) {
			continue
		}
		if line[0] == 'T' {
			head := strings.SplitN(parts[1], " ", 2)
			if len(head) < 2 {
				continue
			}
			var rs []rng
			for _, r := range strings.Split(head[1], ";") {
				ab := strings.Fields(r)
				if len(ab) != 2 {
					continue
				}
				a, _ := strconv.Atoi(ab[0])
				b, _ := strconv.Atoi(ab[1])
				rs = append(rs, rng{a, b})
			}
			spans[parts[0]] = tspan{head[0], rs}
		} else {
			ev := map[string]string{}
			fields := strings.Fields(parts[1])
			for _, a := range fields {
				kv := strings.SplitN(a, ":", 2)
				if len(kv) == 2 {
					ev[kv[0]] = kv[1]
				}
			}
			first := ""
			if len(fields) > 0 {
				first = strings.SplitN(fields[0], ":", 2)[0]
			}
			events = append(events, ev)
			order = append(order, [2]string{first})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	var gold []goldAtt
	for i, ev := range events {
		content, ok := spans[ev["Content"]]
		if !ok {
			continue
		}
		g := goldAtt{content: content.ranges, nosource: strings.HasPrefix(order[i][0], "Attribution-no-source")}
		if s, ok := spans[ev["Source"]]; ok {
			g.source = s.ranges
		}
		if c, ok := spans[ev["Cue"]]; ok {
			g.cue = c.ranges
		}
		gold = append(gold, g)
	}
	return gold, nil
}

// isWordChar is Python's \w on str: alphanumeric or underscore.
func isWordChar(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) }

// charSet is the positions of word characters covered by ranges.
func charSet(text []rune, rs []rng) map[int]bool {
	out := map[int]bool{}
	for _, r := range rs {
		for i := max(r.a, 0); i < min(r.b, len(text)); i++ {
			if isWordChar(text[i]) {
				out[i] = true
			}
		}
	}
	return out
}

func overlap(a, b map[int]bool) int {
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return n
}

// tally accumulates score.py's attribution_e2e and direct-quote recall.
type tally struct {
	gold, pred, e2e, overlap int
	directGold, directFound  int
}

func (t *tally) add(text []rune, gold []goldAtt, preds []predAtt) {
	t.gold += len(gold)
	t.pred += len(preds)
	gch := make([]map[int]bool, len(gold))
	pch := make([]map[int]bool, len(preds))
	for i, g := range gold {
		gch[i] = charSet(text, g.content)
	}
	for j, p := range preds {
		pch[j] = charSet(text, p.content)
	}
	type pair struct {
		jac  float64
		i, j int
	}
	var pairs []pair
	for i := range gch {
		for j := range pch {
			ov := overlap(gch[i], pch[j])
			if ov > 0 {
				pairs = append(pairs, pair{float64(ov) / float64(len(gch[i])+len(pch[j])-ov), i, j})
			}
		}
	}
	// Python sorts tuples descending: by Jaccard, then i, then j
	sort.Slice(pairs, func(x, y int) bool {
		a, b := pairs[x], pairs[y]
		if a.jac != b.jac {
			return a.jac > b.jac
		}
		if a.i != b.i {
			return a.i > b.i
		}
		return a.j > b.j
	})
	usedG, usedP := map[int]bool{}, map[int]bool{}
	for _, p := range pairs {
		if usedG[p.i] || usedP[p.j] {
			continue
		}
		usedG[p.i], usedP[p.j] = true, true
		t.overlap++
		g, pr := gold[p.i], preds[p.j]
		var ok bool
		if g.source == nil {
			ok = pr.source == nil
		} else {
			ok = pr.source != nil && overlap(charSet(text, g.source), charSet(text, pr.source)) > 0
		}
		if ok {
			t.e2e++
		}
	}
	for i, g := range gold {
		a := g.content[0].a
		if a >= 0 && a < len(text) && strings.ContainsRune("\"“”'‘", text[a]) {
			t.directGold++
			if usedG[i] {
				t.directFound++
			}
		}
	}
}

func (t *tally) f1() float64 {
	if t.pred == 0 || t.gold == 0 || t.e2e == 0 {
		return 0
	}
	p := float64(t.e2e) / float64(t.pred)
	r := float64(t.e2e) / float64(t.gold)
	return 2 * p * r / (p + r)
}

func (t *tally) directRecall() float64 {
	if t.directGold == 0 {
		return 0
	}
	return float64(t.directFound) / float64(t.directGold)
}

// predsOf turns a Result into the scorer's predictions.
func predsOf(res *Result) []predAtt {
	var out []predAtt
	for _, c := range res.Claims {
		at := c.Attribution
		if at == nil {
			continue
		}
		p := predAtt{content: []rng{{c.Start, c.End}}}
		if len(c.Parts) > 0 {
			p.content = p.content[:0]
			for _, r := range c.Parts {
				p.content = append(p.content, rng{r.Start, r.End})
			}
		}
		if at.Source != nil {
			p.source = []rng{{at.Source.Start, at.Source.End}}
		}
		if at.Cue != nil {
			p.cue = []rng{{at.Cue.Start, at.Cue.End}}
		}
		out = append(out, p)
	}
	return out
}

// corpusDoc is one gold text.
type corpusDoc struct {
	name, text string
	gold       []goldAtt
}

// loadCorpus reads DIR/text/*.txt with the first annotation of each.
func loadCorpus(dir string) ([]corpusDoc, error) {
	txts, err := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	if err != nil {
		return nil, err
	}
	sort.Strings(txts)
	anns, err := os.ReadDir(filepath.Join(dir, "attributions"))
	if err != nil {
		return nil, err
	}
	var names []string
	for _, a := range anns {
		names = append(names, a.Name())
	}
	sort.Strings(names)
	var docs []corpusDoc
	for _, t := range txts {
		name := strings.TrimSuffix(filepath.Base(t), ".txt")
		ann := ""
		for _, a := range names {
			if strings.HasPrefix(a, name+"_") || a == name+".ann" {
				ann = a
				break
			}
		}
		if ann == "" {
			continue
		}
		b, err := os.ReadFile(t)
		if err != nil {
			return nil, err
		}
		g, err := parseAnn(filepath.Join(dir, "attributions", ann))
		if err != nil {
			return nil, err
		}
		docs = append(docs, corpusDoc{name, string(b), g})
	}
	return docs, nil
}
