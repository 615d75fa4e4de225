package learned

// Stopper is what FindContext asks of a context.Context, whether to stop
// and with which error, so that a caller can pass something that is not
// one: the engine in the page, whose wasm must not link context (and,
// through its Deadline method, time's formatting and parsing).
type Stopper interface{ Err() error }
