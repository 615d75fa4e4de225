//go:build !unix

package main

import (
	"os"
	"time"
)

// peakMB is unknown where getrusage is not.
func peakMB(*os.ProcessState) float64 { return 0 }

// cpuTime is unknown too.
func cpuTime() time.Duration { return 0 }
