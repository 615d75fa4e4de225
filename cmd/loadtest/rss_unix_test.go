//go:build unix

package main

import (
	"os"
	"syscall"
	"testing"
)

func TestReadRSSGroup(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("no /proc")
	}
	if r := readProcs("", syscall.Getpgrp()); r.bytes <= 0 || r.procs < 1 {
		t.Errorf("readProcs(own group) = %+v", r)
	}
	if r := readProcs("", 1<<30); r.procs != 0 {
		t.Errorf("a group nobody is in has %d processes", r.procs)
	}
}
