// Package export writes an engine Result in the formats readers and
// fact-checkers use: json, csv, md, annotation (W3C Web Annotation) and
// claimreview (schema.org Claim).
package export

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/whosaid/whosaid/internal/engine"
)

// Formats lists the format names, in the order the CLI documents them.
func Formats() []string { return []string{"json", "csv", "md", "annotation", "claimreview"} }

// ContentType is the media type of a format; ok is false for an unknown one.
func ContentType(format string) (ct string, ok bool) {
	switch format {
	case "json":
		return "application/json; charset=utf-8", true
	}
	return "", false
}

// Write writes res to w in format. json is compact, one line, with a
// trailing newline, and does not escape <, > and &: every surface (CLI, page,
// API) emits exactly these bytes. PLACEHOLDER: json only.
func Write(w io.Writer, res *engine.Result, format string) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	}
	return fmt.Errorf("unknown format %q", format)
}
