package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/whosaid/whosaid/internal/api"
	"github.com/whosaid/whosaid/internal/engine"
	"github.com/whosaid/whosaid/internal/site"
)

// Server timeouts: short for headers (slow clients hold a connection
// open), long enough for the body and the answer of a large article.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 60 * time.Second
	idleTimeout       = 120 * time.Second
	shutdownTimeout   = 10 * time.Second
)

func cmdServe(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	dir := fs.String("dir", "dist", "the built site")
	withAPI := fs.Bool("api", true, "serve the HTTP API at /api/")
	embedAnc := fs.String("embed-ancestors", "", "sites allowed to frame embed.html, space-separated CSP sources (empty: any)")
	maxAnalyses := fs.Int("max-analyses", 2*runtime.NumCPU(), "API analyses run at once; the others wait (0: no limit)")
	queueTimeout := fs.Duration("queue-timeout", 5*time.Second, "how long an API request waits for an analysis slot before a 503")
	timeout := fs.Duration("timeout", 10*time.Second, "the longest an API analysis may run before a 503 (0: no limit)")
	pos, err := parseFlags(fs, args, usageServe, stdout)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("serve takes no arguments, got %q (run 'whosaid help serve')", pos[0])
	}
	if *maxAnalyses < 0 || *queueTimeout < 0 || *timeout < 0 {
		return usagef("serve: --max-analyses, --queue-timeout and --timeout may not be negative")
	}
	if st, err := os.Stat(*dir); err != nil || !st.IsDir() {
		return usagef("serve: %s: no such directory; build the site first or pass --dir", *dir)
	}
	siteHandler, err := site.NewWithOptions(*dir, site.Options{EmbedAncestors: strings.Fields(*embedAnc)})
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	mux := http.NewServeMux()
	mux.Handle("/", siteHandler)
	if *withAPI {
		e, err := engine.New()
		if err != nil {
			return err
		}
		mux.Handle("/api/", api.NewWithOptions(e, api.Options{
			MaxAnalyses: *maxAnalyses, QueueTimeout: *queueTimeout, Timeout: *timeout}))
	}

	// Listen before announcing, so the address printed is the real one
	// (with --addr 127.0.0.1:0, the port chosen).
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	srv := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          log.New(stderr, "whosaid: serve: ", 0),
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	apiNote := ", API at /api/"
	if !*withAPI {
		apiNote = ", no API"
	}
	fmt.Fprintf(stderr, "whosaid: serving %s at http://%s/%s\n", *dir, ln.Addr(), apiNote)

	select {
	case err := <-served:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	stop() // a second signal kills at once
	fmt.Fprintln(stderr, "whosaid: shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}
