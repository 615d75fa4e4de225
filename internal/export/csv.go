package export

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"

	"github.com/whosaid/whosaid/internal/engine"
)

// writeCSV writes one row per claim under a header row. Empty cells mean
// "not applicable": no source, no cue, or no score (the engine scores
// every claim; a result from elsewhere may not). parts is "start-end" pairs
// joined by ";" for a discontinuous claim, empty otherwise. source_role,
// last so that older readers' column positions hold, is the source's title
// or role.
func writeCSV(buf *bytes.Buffer, res *engine.Result) error {
	d := newDoc(res)
	cw := csv.NewWriter(buf)
	rows := [][]string{{
		"claim_start", "claim_end", "claim_text", "attributed", "source_name", "source_kind",
		"source_text", "cue", "kind", "checkworthiness", "reasons", "parts", "source_role",
	}}
	for i := range res.Claims {
		c := &res.Claims[i]
		row := []string{
			strconv.Itoa(c.Start), strconv.Itoa(c.End), cell(c.Text),
			strconv.FormatBool(c.Attribution != nil),
			cell(d.sourceName(c)), d.sourceKind(c), "", "", "", "", strings.Join(c.Reasons, ";"), "",
			cell(d.sourceRole(c)),
		}
		if a := c.Attribution; a != nil {
			row[6], row[7], row[8] = cell(spanText(a.Source)), cell(spanText(a.Cue)), a.Kind
		}
		if c.Checkworthiness != nil {
			row[9] = strconv.FormatFloat(*c.Checkworthiness, 'f', -1, 64)
		}
		if len(c.Parts) > 0 {
			ps := make([]string, len(c.Parts))
			for j, p := range c.Parts {
				ps[j] = strconv.Itoa(p.Start) + "-" + strconv.Itoa(p.End)
			}
			row[11] = strings.Join(ps, ";")
		}
		rows = append(rows, row)
	}
	return cw.WriteAll(rows) // flushes and reports the first error
}

// cell keeps a spreadsheet from reading article text as a formula: a cell
// starting with = + - @ or a tab/CR gets a leading apostrophe (OWASP's
// advice for CSV injection). Pasted articles are untrusted, and
// fact-checkers open this file in spreadsheets; the offsets in the row still
// locate the exact text.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
