package export

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/whosaid/whosaid/internal/engine"
)

// PageFormats are the formats the reader's page offers (json, csv, md),
// in Formats' order.
func PageFormats() []string { return []string{"json", "csv", "md"} }

// WritePage is Write for PageFormats only. A program that calls it and
// never Write links neither JSON-LD format: the page's wasm is smaller by
// their code (see the build's size table).
func WritePage(w io.Writer, res *engine.Result, format string) error {
	var buf bytes.Buffer
	ok, err := writePage(&buf, res, format)
	if !ok {
		return fmt.Errorf("export: the page has no format %q (want %s)", format, strings.Join(PageFormats(), ", "))
	}
	if err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// writePage renders res in one of PageFormats into buf; ok is false for
// any other format, nothing written. Errors are Write's.
func writePage(buf *bytes.Buffer, res *engine.Result, format string) (ok bool, err error) {
	switch format {
	case "json", "csv", "md":
	default:
		return false, nil
	}
	if res == nil {
		return true, ErrNilResult
	}
	switch format {
	case "json":
		err = writeResultJSON(buf, res)
	case "csv":
		err = writeCSV(buf, res)
	case "md":
		writeMarkdown(buf, res)
	}
	if err != nil {
		return true, fmt.Errorf("export %s: %w", format, err)
	}
	return true, nil
}
