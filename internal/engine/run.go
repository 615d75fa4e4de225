package engine

import "context"

// stopper is what the pipeline asks of a context: whether to stop, and
// with which error. Extract passes its context.Context; Run passes
// never, which is no context at all.
type stopper interface{ Err() error }

// Extract analyses one article. Errors are *Error for bad input,
// context.Canceled / DeadlineExceeded when ctx ends first. A panic inside
// the pipeline is recovered and reported as an *Error with code "internal",
// so one bad article never takes the caller down.
func (e *Engine) Extract(ctx context.Context, in Input, opt Options) (*Result, error) {
	return e.extract(ctx, in, opt)
}

// Run is Extract for a caller that stops a run otherwise: the page, whose
// worker is terminated to cancel. It takes no context.Context for the
// page's size: a context's type is reachable from its Deadline method's,
// time.Time, which then keeps time's formatting and parsing (the
// methods of a type put in an interface that other interfaces' methods
// match: String, MarshalJSON, ...) in the wasm: 32,445 bytes brotli.
func (e *Engine) Run(in Input, opt Options) (*Result, error) {
	return e.extract(never{}, in, opt)
}

// never is the stopper of a run that is never stopped.
type never struct{}

func (never) Err() error { return nil }
