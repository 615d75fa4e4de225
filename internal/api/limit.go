package api

import (
	"context"
	"math"
	"strconv"
	"time"

	http "github.com/whosaid/whosaid/internal/api/httpshim"
	"github.com/whosaid/whosaid/internal/engine"
)

// Options bound the work the handler takes on, for a server that must stay
// up under overload (`whosaid serve`). The zero value bounds nothing, which
// is what New gives: the Worker leaves bounds to the Workers runtime, whose
// clock stands still while a request runs, so deadlines could not fire there.
type Options struct {
	// MaxAnalyses is how many analyses may run at once; 0 means no limit.
	// A request beyond it waits for a slot.
	MaxAnalyses int
	// QueueTimeout is how long a request waits for a slot before it is
	// answered 503 "overloaded" with Retry-After; 0 answers at once.
	QueueTimeout time.Duration
	// Timeout ends an analysis that runs longer with a 503 "timeout"; 0
	// means none. The client leaving always ends its analysis.
	Timeout time.Duration
}

// NewWithOptions is New with bounds on concurrency and time.
func NewWithOptions(e *engine.Engine, opt Options) http.Handler {
	return newHandlerOptions(e.Extract, e.ModelID(), opt)
}

// limiter holds the analysis slots; nil when there is no limit.
type limiter struct {
	slots chan struct{}
	wait  time.Duration
}

func newLimiter(opt Options) *limiter {
	if opt.MaxAnalyses <= 0 {
		return nil
	}
	return &limiter{slots: make(chan struct{}, opt.MaxAnalyses), wait: max(opt.QueueTimeout, 0)}
}

// acquire takes a slot, waiting up to the queue timeout or until ctx ends;
// release must be called when it returns nil.
func (l *limiter) acquire(ctx context.Context) *apiError {
	if l == nil {
		return nil
	}
	select {
	case l.slots <- struct{}{}:
		return nil
	default:
	}
	if l.wait > 0 {
		t := time.NewTimer(l.wait)
		defer t.Stop()
		select {
		case l.slots <- struct{}{}:
			return nil
		case <-ctx.Done():
			return engineError(ctx.Err())
		case <-t.C:
		}
	}
	return &apiError{http.StatusServiceUnavailable, "overloaded",
		"the server is busy with other analyses; try again in a few seconds"}
}

func (l *limiter) release() {
	if l != nil {
		<-l.slots
	}
}

// analyse runs the engine under ctx — the request's, so a client that
// leaves cancels its analysis — once a slot is free, within the deadline.
func (h *handler) analyse(ctx context.Context, in engine.Input, opt engine.Options) (*engine.Result, error) {
	if aerr := h.limit.acquire(ctx); aerr != nil {
		return nil, &limitError{aerr}
	}
	defer h.limit.release()
	if h.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, h.timeout)
		defer cancel()
	}
	return h.extract(ctx, in, opt)
}

// limitError is a request refused before its analysis started.
type limitError struct{ *apiError }

func (e *limitError) Error() string { return e.message }

// bounded reports whether the handler limits analyses or their time: only
// then do its 503 answers say when to come back.
func (h *handler) bounded() bool { return h.limit != nil || h.timeout > 0 }

// retryAfter is the Retry-After of a 503: the queue timeout, at least a
// second, in whole seconds.
func (h *handler) retryAfter() string {
	s := 1.0
	if h.limit != nil {
		s = max(s, math.Ceil(h.limit.wait.Seconds()))
	}
	return strconv.Itoa(int(s))
}
