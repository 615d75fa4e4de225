package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/whosaid/whosaid/internal/corpus"
	"github.com/whosaid/whosaid/internal/engine"
	"github.com/whosaid/whosaid/internal/export"
)

func cmdEval(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("eval")
	scorerFlag := fs.String("scorer", "", "path of score.py")
	errorsK := fs.Int("errors", 0, "examples of each kind of error to show")
	workers := fs.Int("workers", runtime.NumCPU(), "articles analysed at once")
	keep := fs.Bool("keep", false, "keep the predictions")
	python := fs.String("python", "python3", "the Python interpreter")
	rulesOnly := fs.Bool("rules-only", false, "hand-written rules alone, without the trained model (for comparison)")
	pos, err := parseFlags(fs, args, usageEval, stdout)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("eval takes one corpus DIR, got %d (run 'whosaid help eval')", len(pos))
	}
	if *workers < 1 || *errorsK < 0 {
		return usagef("eval: --workers must be at least 1 and --errors at least 0")
	}
	dir := pos[0]
	c, err := corpus.Open(dir)
	if err != nil {
		return usagef("eval: %v", err)
	}
	if !c.Gold {
		return usagef("eval: %s: no attributions/ subdirectory: the scorer needs the gold annotations", dir)
	}
	// Find the scorer and its interpreter before the long part.
	scorer, err := findScorer(*scorerFlag, dir)
	if err != nil {
		return err
	}
	py, err := exec.LookPath(*python)
	if err != nil {
		return fmt.Errorf("eval: %s not found: the scorer needs it (install it or pass --python)", *python)
	}
	e, err := engine.New()
	if err != nil {
		return err
	}
	pred, err := os.MkdirTemp("", "whosaid-eval-")
	if err != nil {
		return err
	}
	if *keep {
		fmt.Fprintf(stderr, "whosaid: eval: predictions in %s\n", pred)
	} else {
		defer os.RemoveAll(pred)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	start := time.Now()
	failed, err := predictAll(ctx, e, engine.Options{RulesOnly: *rulesOnly}, c.Docs, pred, *workers, newProgress(stderr, len(c.Docs)))
	if err != nil {
		return err
	}
	el := time.Since(start)
	fmt.Fprintf(stderr, "whosaid: eval: %d documents in %.1fs (%.1f/s, %d workers), %d failed\n",
		len(c.Docs), el.Seconds(), float64(len(c.Docs))/el.Seconds(), *workers, failed)

	cmdArgs := []string{scorer, dir, "--pred", pred}
	if *errorsK > 0 {
		cmdArgs = append(cmdArgs, "--errors", strconv.Itoa(*errorsK))
	}
	cmd := exec.CommandContext(ctx, py, cmdArgs...)
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("eval: the scorer (%s %s) failed: %w", *python, scorer, err)
	}
	if failed > 0 {
		return fmt.Errorf("eval: %d of %d documents failed (they score as nothing found)", failed, len(c.Docs))
	}
	return nil
}

// findScorer returns the scorer to run: the --scorer path, else the first
// of the usual places that exists. Not finding it is a usage error.
func findScorer(flagPath, dir string) (string, error) {
	if flagPath != "" {
		if st, err := os.Stat(flagPath); err != nil || st.IsDir() {
			return "", usagef("eval: --scorer %s: no such file", flagPath)
		}
		return flagPath, nil
	}
	tried := []string{
		filepath.Join("..", "shared", "bench", "score.py"),
		filepath.Join(dir, "..", "..", "bench", "score.py"),
		filepath.Join(dir, "..", "bench", "score.py"),
	}
	for _, p := range tried {
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
	}
	return "", usagef("eval: scorer not found (tried %s); pass --scorer PATH", strings.Join(tried, ", "))
}

// predictAll analyses docs with a pool of workers, writing NAME.json into
// out. An article the engine rejects is reported on stderr (through p) and
// counted in failed; the scorer then counts it as nothing found. err is
// for what stops the whole run: an interrupt or a failing disk.
func predictAll(ctx context.Context, e *engine.Engine, opt engine.Options, docs []corpus.Doc, out string, workers int, p *progress) (failed int, err error) {
	type result struct {
		name string
		err  error
		io   bool // a write error: stop everything
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan corpus.Doc)
	results := make(chan result)
	var wg sync.WaitGroup
	for range min(workers, len(docs)) {
		wg.Go(func() {
			for d := range jobs {
				ioErr, err := predictOne(ctx, e, opt, d, out)
				results <- result{d.Name, err, ioErr}
			}
		})
	}
	go func() {
		defer close(jobs)
		for _, d := range docs {
			select {
			case jobs <- d:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	done := 0
	for r := range results {
		done++
		p.update(done)
		if r.err == nil || err != nil {
			continue
		}
		if r.io || ctx.Err() != nil {
			err = r.err
			cancel()
			continue
		}
		failed++
		p.printf("whosaid: eval: %s: %v\n", r.name, r.err)
	}
	p.finish()
	if err == nil {
		err = ctx.Err()
	}
	if errors.Is(err, context.Canceled) {
		err = errors.New("eval: interrupted")
	}
	return failed, err
}

// predictOne writes the engine's JSON for d into out/NAME.json. ioErr is
// true when the failure is the disk's, not the article's.
func predictOne(ctx context.Context, e *engine.Engine, opt engine.Options, d corpus.Doc, out string) (ioErr bool, err error) {
	text, err := d.Read()
	if err != nil {
		return true, err
	}
	res, err := e.Extract(ctx, engine.Input{Text: text, Type: engine.TypePlain}, opt)
	if err != nil {
		return false, err
	}
	f, err := os.Create(filepath.Join(out, d.Name+".json"))
	if err != nil {
		return true, err
	}
	if err := export.Write(f, res, "json"); err != nil {
		f.Close()
		return true, err
	}
	return true, f.Close()
}

// progress shows how far eval is: a bar redrawn in place on a terminal,
// a plain line at each quarter otherwise (logs and CI stay short).
type progress struct {
	w       io.Writer
	tty     bool
	total   int
	start   time.Time
	drawn   time.Time
	quarter int
	shown   bool             // a bar is on the current line
	now     func() time.Time // the clock; tests stop it
}

func newProgress(w io.Writer, total int) *progress {
	return &progress{w: w, tty: isTerminal(w), total: total, start: time.Now(), now: time.Now}
}

func (p *progress) update(done int) {
	if !p.tty {
		if q := done * 4 / p.total; q > p.quarter {
			p.quarter = q
			fmt.Fprintf(p.w, "whosaid: eval: %d/%d documents\n", done, p.total)
		}
		return
	}
	now := p.now()
	if done < p.total && now.Sub(p.drawn) < 100*time.Millisecond {
		return
	}
	p.drawn = now
	const width = 30
	fill := done * width / p.total
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d %.0fs", strings.Repeat("=", fill), strings.Repeat(" ", width-fill),
		done, p.total, now.Sub(p.start).Seconds())
	p.shown = true
}

// printf writes a message line, out of the bar's way.
func (p *progress) printf(format string, a ...any) {
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
	fmt.Fprintf(p.w, format, a...)
}

// finish ends the bar's line.
func (p *progress) finish() {
	if p.shown {
		fmt.Fprintln(p.w)
		p.shown = false
	}
}
