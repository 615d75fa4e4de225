package engine

import "github.com/whosaid/whosaid/internal/learned"

// DefaultModelID is the ModelID of the Engine that New returns, without
// loading its models: the page's worker reports it when it gets ready and
// loads the models afterwards (wasm/browser).
func DefaultModelID() string { return modelID(learned.DefaultID()) }

func modelID(attrib string) string { return "rules-" + Version + "+" + attrib }
