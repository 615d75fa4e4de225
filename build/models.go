package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// defaultModels are the model files the engine embeds: they travel inside
// engine.wasm, so their weight is part of the page's; the report shows
// each on its own.
const defaultModels = "internal/tag/model.bin,internal/learned/model.bin,internal/edges/model.bin,internal/sources/model.bin,internal/checkworthy/model.bin"

// modelReport is one embedded model file: as is, and brotli-compressed on
// its own (inside the wasm it compresses with the rest).
type modelReport struct {
	Path   string `json:"path"`
	Raw    int64  `json:"raw"`
	Brotli int64  `json:"brotli"`
}

// measureModels weighs the model files listed, comma-separated; "" lists
// none.
func measureModels(list string, quality int) ([]modelReport, error) {
	var out []modelReport
	for _, p := range strings.Split(list, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("model file (-models): %w", err)
		}
		br, err := compressBrotli(b, quality)
		if err != nil {
			return nil, err
		}
		out = append(out, modelReport{Path: p, Raw: int64(len(b)), Brotli: int64(len(br))})
	}
	return out, nil
}

func printModels(w io.Writer, ms []modelReport) {
	for _, m := range ms {
		fmt.Fprintf(w, "model %s (in the wasm): %d bytes raw, %d brotli\n", m.Path, m.Raw, m.Brotli)
	}
}
