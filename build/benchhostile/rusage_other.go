//go:build !unix

package main

import "os"

// peakMB is unknown where getrusage is not.
func peakMB(*os.ProcessState) float64 { return 0 }
