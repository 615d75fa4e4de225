//go:build js && wasm

// Package jsbridge runs an HTTP handler for the Worker's JavaScript glue
// (wasm/worker/worker.mjs), one Go instance serving every request of an
// isolate. It is the only Go code of the Worker that touches syscall/js.
//
// The glue instantiates the wasm module once, and main calls Serve, which
// hands the glue one function:
//
//	handle({method, url, headers: [[name, value], ...], body: Uint8Array | null, bodyError: string}, done)
//
// handle returns at once; the request runs in a goroutine and ends with
// done({status, headers: [[name, value], ...], body: Uint8Array}). Nothing
// a request does ends the instance: a panic, in the handler or here,
// becomes the fallback answer (a JSON 500) and the next request is served.
package jsbridge

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log"
	"runtime/debug"
	"sort"
	"syscall/js"

	http "github.com/whosaid/whosaid/internal/api/httpshim"
)

// ReadyName is the global function worker.mjs defines for Serve to call,
// once, with the request function and the settings the glue needs.
const ReadyName = "__whosaidReady"

// Options are what the glue needs to know beyond the handler.
type Options struct {
	// MaxBody is the largest body the handler accepts: the glue reads at
	// most one byte more, enough for the handler to refuse it, and never
	// buffers a huge upload.
	MaxBody int64
	// Fallback answers when the handler cannot: a panic outside it here,
	// or, in the glue, a Go instance that died.
	Fallback http.Handler
}

// Serve registers h with the glue and blocks for the life of the instance.
func Serve(h http.Handler, opt Options) {
	Register(h, opt)
	select {}
}

// Register hands the glue the request function for h, by calling the
// global ReadyName function; Serve is Register and then waiting forever.
func Register(h http.Handler, opt Options) {
	fallback := record(opt.Fallback, &http.Request{Method: http.MethodGet, Header: http.Header{}})
	// One function for the life of the instance: it is never released, and
	// a request allocates no js.Func of its own.
	handle := js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 2 || args[1].Type() != js.TypeFunction {
			return js.ValueOf("jsbridge: handle wants (request, done)")
		}
		go serve(h, fallback, args[0], args[1])
		return js.Undefined()
	})
	js.Global().Call(ReadyName, handle, js.ValueOf(map[string]any{
		"maxBody":  opt.MaxBody,
		"fallback": fallback.toJS(),
	}))
}

// serve answers one request and always calls done once.
func serve(h http.Handler, fallback *answer, reqObj, done js.Value) {
	res := fallback
	defer func() {
		if v := recover(); v != nil {
			log.Printf("jsbridge: panic serving a request: %v\n%s", v, debug.Stack())
			res = fallback
		}
		done.Invoke(res.toJS())
	}()
	r, err := toRequest(reqObj)
	if err != nil {
		log.Printf("jsbridge: %v", err)
		return
	}
	res = record(h, r)
}

// toRequest reads the glue's request object.
func toRequest(o js.Value) (*http.Request, error) {
	if o.Type() != js.TypeObject {
		return nil, errors.New("the request is not an object")
	}
	var body io.Reader
	if b := o.Get("body"); b.Truthy() {
		buf := make([]byte, b.Get("byteLength").Int())
		js.CopyBytesToGo(buf, b)
		body = bytes.NewReader(buf)
	}
	if e := o.Get("bodyError"); e.Truthy() {
		body = errReader{errors.New(e.String())}
	}
	r, err := http.NewRequestWithContext(context.Background(), o.Get("method").String(), o.Get("url").String(), body)
	if err != nil {
		return nil, err
	}
	hs := o.Get("headers")
	for i, n := 0, hs.Length(); i < n; i++ {
		kv := hs.Index(i)
		r.Header.Add(kv.Index(0).String(), kv.Index(1).String())
	}
	return r, nil
}

// errReader is a body the glue could not read.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// answer is a whole response: the API writes every answer at once.
type answer struct {
	status int
	header http.Header
	body   bytes.Buffer
	wrote  bool
}

// record runs h on r into an answer.
func record(h http.Handler, r *http.Request) *answer {
	a := &answer{header: http.Header{}}
	h.ServeHTTP(a, r)
	if a.status == 0 {
		a.status = http.StatusOK
	}
	return a
}

func (a *answer) Header() http.Header { return a.header }

func (a *answer) WriteHeader(status int) {
	if a.wrote {
		return
	}
	a.wrote, a.status = true, status
}

func (a *answer) Write(b []byte) (int, error) {
	a.WriteHeader(http.StatusOK)
	return a.body.Write(b)
}

// toJS is the answer as the glue's response object, headers in a fixed
// order.
func (a *answer) toJS() js.Value {
	names := make([]string, 0, len(a.header))
	for k := range a.header {
		names = append(names, k)
	}
	sort.Strings(names)
	var hs []any
	for _, k := range names {
		for _, v := range a.header[k] {
			hs = append(hs, []any{k, v})
		}
	}
	body := js.Global().Get("Uint8Array").New(a.body.Len())
	js.CopyBytesToJS(body, a.body.Bytes())
	return js.ValueOf(map[string]any{"status": a.status, "headers": hs, "body": body})
}
