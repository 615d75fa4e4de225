// Package export writes an engine Result in the formats readers and
// fact-checkers use: json (the engine's contract), csv (one row per claim),
// md (a readable report), annotation (W3C Web Annotation JSON-LD) and
// claimreview (schema.org Claim items, JSON-LD).
//
// Every format is rendered into memory and written with one Write call, so a
// failing writer's error always reaches the caller and a reader never gets
// half a document from a format that failed half-way.
package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/whosaid/whosaid/internal/engine"
)

// Formats lists the format names, in the order the CLI documents them.
func Formats() []string { return []string{"json", "csv", "md", "annotation", "claimreview"} }

// ContentType is the media type of a format; ok is false for an unknown one.
func ContentType(format string) (ct string, ok bool) {
	switch format {
	case "json":
		return "application/json; charset=utf-8", true
	case "csv":
		return "text/csv; charset=utf-8", true
	case "md":
		return "text/markdown; charset=utf-8", true
	case "annotation":
		// The media type the Web Annotation Protocol asks for.
		return `application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"`, true
	case "claimreview":
		return "application/ld+json; charset=utf-8", true
	}
	return "", false
}

// Extension is the file name extension (with the dot) for a format, for
// downloads; "" for an unknown one.
func Extension(format string) string {
	switch format {
	case "json", "csv", "md":
		return "." + format
	case "annotation", "claimreview":
		return ".jsonld"
	}
	return ""
}

// ErrNilResult is returned when Write is given no result.
var ErrNilResult = errors.New("export: nil result")

// Write writes res to w in format. json is compact, one line, with a
// trailing newline, and does not escape <, > and &: every surface (CLI, page,
// API) emits exactly these bytes. annotation and claimreview are indented
// JSON-LD documents, for people and tools alike.
func Write(w io.Writer, res *engine.Result, format string) error {
	if _, ok := ContentType(format); !ok {
		return fmt.Errorf("export: unknown format %q (want %s)", format, strings.Join(Formats(), ", "))
	}
	if res == nil {
		return ErrNilResult
	}
	var buf bytes.Buffer
	ok, err := writePage(&buf, res, format)
	if ok {
		if err != nil {
			return err
		}
		_, err = w.Write(buf.Bytes())
		return err
	}
	switch format {
	case "annotation":
		err = encodeJSON(&buf, annotations(res), true)
	case "claimreview":
		err = encodeJSON(&buf, claimItems(res), true)
	}
	if err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// encodeJSON writes v as JSON with a trailing newline, leaving <, > and &
// alone: the output is data, not HTML.
func encodeJSON(buf *bytes.Buffer, v any, indent bool) error {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(v)
}
