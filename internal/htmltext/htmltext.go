// Package htmltext turns pasted HTML into the text a reader sees.
package htmltext

// Extract returns the visible text of an HTML fragment or document.
// PLACEHOLDER: returns the input; the real converter is being written.
func Extract(src string) (string, error) { return src, nil }
