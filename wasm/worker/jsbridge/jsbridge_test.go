//go:build js && wasm

package jsbridge

import (
	"io"
	"strings"
	"syscall/js"
	"testing"

	http "github.com/whosaid/whosaid/internal/api/httpshim"
)

// bridge registers h as the glue would see it and returns a function that
// sends one request object through handle and waits for its answer.
func bridge(t *testing.T, h http.Handler) (do func(req map[string]any) js.Value, settings js.Value) {
	t.Helper()
	var handle js.Value
	ready := js.FuncOf(func(_ js.Value, args []js.Value) any {
		handle, settings = args[0], args[1]
		return nil
	})
	defer ready.Release()
	js.Global().Set(ReadyName, ready)
	defer js.Global().Delete(ReadyName)
	Register(h, Options{MaxBody: 10, Fallback: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusInternalServerError)
		io.WriteString(w, "fallback")
	})})
	if handle.Type() != js.TypeFunction {
		t.Fatal("Register did not call the ready function with a handle function")
	}
	return func(req map[string]any) js.Value {
		got := make(chan js.Value, 1)
		done := js.FuncOf(func(_ js.Value, args []js.Value) any {
			got <- args[0]
			return nil
		})
		defer done.Release()
		handle.Invoke(js.ValueOf(req), done)
		return <-got
	}, settings
}

func bodyOf(a js.Value) string {
	b := make([]byte, a.Get("body").Get("byteLength").Int())
	js.CopyBytesToGo(b, a.Get("body"))
	return string(b)
}

func uint8(s string) js.Value {
	a := js.Global().Get("Uint8Array").New(len(s))
	js.CopyBytesToJS(a, []byte(s))
	return a
}

func TestBridge(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/panic":
			panic("boom")
		case "/echo":
			b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 10))
			if err != nil {
				w.WriteHeader(http.StatusRequestEntityTooLarge)
				io.WriteString(w, err.Error())
				return
			}
			w.Header().Set("X-Method", r.Method)
			w.Header().Set("X-Accept", strings.Join(r.Header.Values("accept"), "|"))
			w.Header().Set("X-Query", r.URL.Query().Get("q"))
			w.WriteHeader(201)
			w.Write(b)
		}
	})
	do, settings := bridge(t, h)
	if settings.Get("maxBody").Int() != 10 || settings.Get("fallback").Get("status").Int() != 500 {
		t.Fatalf("settings: maxBody %v, fallback status %v", settings.Get("maxBody"), settings.Get("fallback").Get("status"))
	}
	headers := []any{[]any{"accept", "text/csv, text/markdown"}, []any{"content-type", "text/plain"}}

	a := do(map[string]any{"method": "POST", "url": "http://x/echo?q=1", "headers": headers, "body": uint8("hello"), "bodyError": ""})
	if a.Get("status").Int() != 201 || bodyOf(a) != "hello" {
		t.Errorf("echo: status %v body %q", a.Get("status"), bodyOf(a))
	}
	want := map[string]string{"X-Method": "POST", "X-Accept": "text/csv, text/markdown", "X-Query": "1"}
	hs := a.Get("headers")
	for i := 0; i < hs.Length(); i++ {
		k, v := hs.Index(i).Index(0).String(), hs.Index(i).Index(1).String()
		if w, ok := want[k]; ok && w != v {
			t.Errorf("header %s = %q, want %q", k, v, w)
		}
		delete(want, k)
	}
	if len(want) != 0 {
		t.Errorf("headers missing: %v", want)
	}

	// A panic in the handler gets the fallback, and the next request is served.
	a = do(map[string]any{"method": "GET", "url": "http://x/panic", "headers": []any{}, "body": nil, "bodyError": ""})
	if a.Get("status").Int() != 500 || bodyOf(a) != "fallback" {
		t.Errorf("panic: status %v body %q", a.Get("status"), bodyOf(a))
	}
	// Over MaxBody, as the glue sends it (limit + 1 bytes).
	a = do(map[string]any{"method": "POST", "url": "http://x/echo", "headers": []any{}, "body": uint8("01234567890"), "bodyError": ""})
	if a.Get("status").Int() != 413 {
		t.Errorf("oversize: status %v body %q", a.Get("status"), bodyOf(a))
	}
	// A body the glue could not read reaches the handler as a read error.
	a = do(map[string]any{"method": "POST", "url": "http://x/echo", "headers": []any{}, "body": nil, "bodyError": "client went away"})
	if a.Get("status").Int() != 413 || !strings.Contains(bodyOf(a), "client went away") {
		t.Errorf("body error: status %v body %q", a.Get("status"), bodyOf(a))
	}
	// A malformed request object gets the fallback too.
	a = do(map[string]any{"method": "GET", "url": "http://[::1", "headers": []any{}, "body": nil, "bodyError": ""})
	if a.Get("status").Int() != 500 {
		t.Errorf("bad url: status %v body %q", a.Get("status"), bodyOf(a))
	}
	a = do(map[string]any{"method": "POST", "url": "http://x/echo", "headers": []any{}, "body": uint8("again"), "bodyError": ""})
	if a.Get("status").Int() != 201 || bodyOf(a) != "again" {
		t.Errorf("after the errors: status %v body %q", a.Get("status"), bodyOf(a))
	}
}
