package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/whosaid/whosaid/internal/engine"
	"github.com/whosaid/whosaid/internal/export"
)

func cmdExtract(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("extract")
	format := fs.String("format", "json", "output format")
	typ := fs.String("type", "", "input type: text/plain or text/html")
	wholePage := fs.Bool("whole-page", false, "HTML: analyse all the visible text, not just the article")
	pos, err := parseFlags(fs, args, usageExtract, stdout)
	if err != nil {
		return err
	}
	if err := checkFormat(*format); err != nil {
		return err
	}
	if len(pos) > 1 {
		return usagef("extract takes one FILE, got %d: %s", len(pos), strings.Join(pos, " "))
	}
	file := "-"
	if len(pos) == 1 {
		file = pos[0]
	}
	inType, err := inputType(*typ, file)
	if err != nil {
		return err
	}

	name, text, err := readInput(file, stdin, stderr)
	if err != nil {
		return err
	}
	e, err := engine.New()
	if err != nil {
		return err
	}
	res, err := e.Extract(context.Background(), engine.Input{Text: text, Type: inType}, engine.Options{WholePage: *wholePage})
	if err != nil {
		var ee *engine.Error
		if errors.As(err, &ee) {
			return fmt.Errorf("%s: %s", name, ee.Message)
		}
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := export.Write(stdout, res, *format); err != nil {
		return fmt.Errorf("writing the result: %w", err)
	}
	return nil
}

// checkFormat is a usage error for an unknown output format.
func checkFormat(format string) error {
	if _, ok := export.ContentType(format); !ok {
		return usagef("unknown format %q (want %s)", format, strings.Join(export.Formats(), ", "))
	}
	return nil
}

// inputType is the engine's media type from --type, or from the file's
// extension when --type is not given. The content is never sniffed: an
// article may well start with "<" and still be text.
func inputType(flagValue, file string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(flagValue)) {
	case "":
		switch strings.ToLower(filepath.Ext(file)) {
		case ".html", ".htm", ".xhtml":
			return engine.TypeHTML, nil
		}
		return engine.TypePlain, nil
	case engine.TypePlain, "plain", "text", "txt":
		return engine.TypePlain, nil
	case engine.TypeHTML, "html":
		return engine.TypeHTML, nil
	}
	return "", usagef("unknown type %q (want text/plain or text/html)", flagValue)
}

// readInput reads the article from file, or stdin for "-". A missing file
// or a directory is a usage error. name is how errors refer to the input.
func readInput(file string, stdin io.Reader, stderr io.Writer) (name, text string, err error) {
	if file == "-" {
		if isTerminal(stdin) {
			fmt.Fprintln(stderr, "whosaid: reading the article from the terminal; end it with Ctrl-D")
		}
		b, err := io.ReadAll(stdin)
		if err != nil {
			return "", "", fmt.Errorf("reading stdin: %w", err)
		}
		return "stdin", string(b), nil
	}
	st, err := os.Stat(file)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			return "", "", usagef("%s: %v", file, pe.Err)
		}
		return "", "", usagef("%v", err)
	}
	if st.IsDir() {
		return "", "", usagef("%s is a directory, not an article", file)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return "", "", err
	}
	return file, string(b), nil
}
