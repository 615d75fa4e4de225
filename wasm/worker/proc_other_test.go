//go:build !unix && !js

package main

import (
	"os/exec"
	"syscall"
	"time"
)

// Without process groups only wrangler itself can be stopped.
func ownGroup(*exec.Cmd) {}

func stopGroup(cmd *exec.Cmd, _ syscall.Signal) {
	if cmd.Process != nil {
		_ = cmd.Process.Kill()
	}
}

func waitGroupGone(*exec.Cmd, time.Duration) {}
