// Command whosaid finds who said what in a news article: for every claim,
// its source, the cue, and whether it is a direct, indirect or mixed quote;
// and the claims the article makes with no source at all.
//
//	whosaid extract [--format F] [--type T] [FILE]
//	whosaid eval [--scorer PATH] [--errors K] DIR
//	whosaid serve [--addr A] [--dir D] [--api=BOOL] [--embed-ancestors S]
//	whosaid version | help [COMMAND]
//
// Exit status: 0 on success; 1 when the article cannot be analysed (invalid
// UTF-8, a NUL byte, bad HTML) or writing, scoring or serving fails; 2 for
// a usage error: an unknown command, flag, format or type, a missing file,
// a directory of the wrong shape, a scorer that cannot be found.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/whosaid/whosaid/internal/engine"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// Exit statuses.
const (
	exitOK    = 0
	exitFail  = 1 // the work failed: bad article, I/O, scorer, server
	exitUsage = 2 // the command line is wrong
)

const usage = `whosaid finds who said what in a news article.

Usage:
  whosaid extract [--format F] [--type T] [FILE]
        analyse FILE (stdin when FILE is absent or "-") and print the result
  whosaid eval [--scorer PATH] [--errors K] [--workers N] [--keep] [--rules-only] DIR
        run the engine over DIR/text/*.txt and score it against DIR's gold
  whosaid serve [--addr 127.0.0.1:8080] [--dir dist] [--api=true]
        serve the reader's page and the HTTP API
  whosaid version
        print the version
  whosaid help [COMMAND]
        print this help, or a command's

Formats (--format): json (default), csv, md, annotation (W3C Web
Annotation JSON-LD), claimreview (schema.org Claim JSON-LD).

Exit status: 0 success; 1 the article could not be analysed (invalid UTF-8,
a NUL byte, bad HTML) or writing, scoring or serving failed; 2 usage error
(unknown command, flag, format or type; missing file; a corpus directory of
the wrong shape; scorer not found).
`

const usageExtract = `Usage: whosaid extract [--format F] [--type T] [FILE]

Analyse one article and print who said what. FILE is read from stdin when
absent or "-".

  --format F   json (default; the engine's JSON, one line), csv (one row per
               claim), md (a readable report), annotation (W3C Web
               Annotation JSON-LD), claimreview (schema.org Claim JSON-LD)
  --type T     text/plain or text/html (also: plain, html). Default: html
               when FILE ends in .html or .htm, plain otherwise (stdin is
               plain); the content is never sniffed, so an article that
               starts with "<" stays text.
`

const usageEval = `Usage: whosaid eval [--scorer PATH] [--errors K] [--workers N] [--keep] [--rules-only] DIR

Run the engine over DIR/text/*.txt (a corpus laid out like PolNeAR:
text/NAME.txt, attributions/NAME_XXXX.ann), write the predictions to a
temporary directory as NAME.json, and print the scorer's figures
(python3 score.py DIR --pred TMPDIR).

  --scorer PATH  the scorer; default: the first of ../shared/bench/score.py
                 (from the working directory), DIR/../../bench/score.py and
                 DIR/../bench/score.py that exists
  --errors K     show up to K examples of each kind of error (scorer flag)
  --workers N    articles analysed at once (default: the number of CPUs)
  --keep         keep the predictions and print where they are
  --python CMD   the Python interpreter (default python3)
  --rules-only   the hand-written rules alone, without the trained model
`

const usageServe = `Usage: whosaid serve [--addr 127.0.0.1:8080] [--dir dist] [--api=true]

Serve the built reader's page from --dir at / and, unless --api=false, the
HTTP API at /api/. Stops gracefully on SIGINT or SIGTERM.

  --addr A    the address to listen on (default 127.0.0.1:8080)
  --dir D     the built site (default dist)
  --api BOOL  serve the API too (default true)
  --embed-ancestors "S ..."
              the sites allowed to frame embed.html, as CSP sources
              (default: any; embed.html checks message origins itself)
  --max-analyses N
              API analyses run at once (default: twice the CPUs; 0: no
              limit); the others wait for a slot
  --queue-timeout D
              how long a request waits for a slot before a JSON 503
              "overloaded" with Retry-After (default 5s)
  --timeout D the longest an analysis may run before a JSON 503 "timeout"
              (default 10s; 0: none); a client that leaves cancels its own
`

// usageError is a problem with the command line: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return &usageError{fmt.Sprintf(format, a...)} }

// run is the whole command, given its arguments (without the program
// name) and its streams; it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	var err error
	switch cmd, rest := args[0], args[1:]; cmd {
	case "extract":
		err = cmdExtract(rest, stdin, stdout, stderr)
	case "eval":
		err = cmdEval(rest, stdout, stderr)
	case "serve":
		err = cmdServe(rest, stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintln(stdout, version())
	case "help", "-h", "-help", "--help":
		err = cmdHelp(rest, stdout)
	default:
		if strings.HasPrefix(cmd, "-") {
			err = usagef("flag provided but not defined: %s (run 'whosaid help')", cmd)
		} else {
			err = usagef("unknown command %q (run 'whosaid help')", cmd)
		}
	}
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errHelpShown):
		return exitOK
	}
	fmt.Fprintf(stderr, "whosaid: %v\n", err)
	var ue *usageError
	if errors.As(err, &ue) {
		return exitUsage
	}
	return exitFail
}

// errHelpShown ends a command that printed its help because of -h.
var errHelpShown = errors.New("help shown")

func cmdHelp(args []string, stdout io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stdout, usage)
		return nil
	}
	text, ok := map[string]string{"extract": usageExtract, "eval": usageEval, "serve": usageServe}[args[0]]
	switch {
	case args[0] == "version" || args[0] == "help":
		text, ok = usage, true
	case len(args) > 1:
		return usagef("help takes one command, got %d", len(args))
	}
	if !ok {
		return usagef("no help for unknown command %q (run 'whosaid help')", args[0])
	}
	fmt.Fprint(stdout, text)
	return nil
}

// newFlags makes a flag set that reports errors to run instead of
// printing them, so every error is the one "whosaid: …" line.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags parses fs from args, allowing flags after the positional
// arguments ("extract FILE --format md"), and returns the positional ones.
// -h prints help to stdout and returns errHelpShown. Everything after "--"
// is positional.
func parseFlags(fs *flag.FlagSet, args []string, help string, stdout io.Writer) ([]string, error) {
	var pos []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, help)
			return nil, errHelpShown
		}
		if err != nil {
			return nil, usagef("%s: %v (run 'whosaid help %s')", fs.Name(), err, fs.Name())
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// version is the one-line version: the engine's, the toolchain and, when
// the binary was built from a repository, the commit.
func version() string {
	s := fmt.Sprintf("whosaid %s (%s %s/%s", engine.Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	if bi, ok := debug.ReadBuildInfo(); ok {
		var rev, dirty string
		for _, kv := range bi.Settings {
			switch kv.Key {
			case "vcs.revision":
				rev = kv.Value
			case "vcs.modified":
				if kv.Value == "true" {
					dirty = "+dirty"
				}
			}
		}
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if rev != "" {
			s += ", commit " + rev + dirty
		}
	}
	return s + ")"
}

// isTerminal reports whether w is a terminal (a character device), for
// progress bars and prompts.
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
