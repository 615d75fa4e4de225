//go:build unix

package engine

import (
	"context"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the process's user and system CPU time: unlike the wall
// clock, it does not count the time other processes take on a shared
// machine.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkCheckworthyShare measures what scoring every claim with the
// check-worthiness model adds to the pipeline (target: under 5%): each
// iteration runs the 10k-word article with the model and without it (the
// rules' scores), side by side, and reports the CPU time added as a
// percentage.
func BenchmarkCheckworthyShare(b *testing.B) {
	text := article(b, 10000)
	e := newEngine(b)
	off := *e
	off.cw = nil
	var with, without time.Duration
	for b.Loop() {
		for _, x := range []*Engine{e, &off} {
			t0 := cpuTime(b)
			if _, err := x.Extract(context.Background(), Input{Text: text}, Options{}); err != nil {
				b.Fatal(err)
			}
			if d := cpuTime(b) - t0; x == e {
				with += d
			} else {
				without += d
			}
		}
	}
	if without > 0 {
		b.ReportMetric(100*float64(with-without)/float64(without), "scoring-%")
	}
}
