// Command whosaid finds who said what in a news article.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/whosaid/whosaid/internal/engine"
)

// PLACEHOLDER: only `extract [FILE]` with JSON output, until the full CLI lands.
func main() {
	if len(os.Args) < 2 || os.Args[1] != "extract" {
		fmt.Fprintln(os.Stderr, "usage: whosaid extract [FILE]")
		os.Exit(2)
	}
	var in io.Reader = os.Stdin
	if len(os.Args) > 2 {
		f, err := os.Open(os.Args[2])
		if err != nil {
			fmt.Fprintln(os.Stderr, "whosaid:", err)
			os.Exit(2)
		}
		defer f.Close()
		in = f
	}
	b, err := io.ReadAll(in)
	if err != nil {
		fmt.Fprintln(os.Stderr, "whosaid:", err)
		os.Exit(1)
	}
	e, err := engine.New()
	if err != nil {
		fmt.Fprintln(os.Stderr, "whosaid:", err)
		os.Exit(1)
	}
	res, err := e.Extract(context.Background(), engine.Input{Text: string(b)}, engine.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, "whosaid:", err)
		os.Exit(1)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(res); err != nil {
		fmt.Fprintln(os.Stderr, "whosaid:", err)
		os.Exit(1)
	}
}
