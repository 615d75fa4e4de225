//go:build unix

package main

import (
	"os/exec"
	"syscall"
	"time"
)

// ownGroup starts cmd in a process group of its own, so stopGroup ends
// wrangler together with the workerd and esbuild processes it spawns.
func ownGroup(cmd *exec.Cmd) { cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} }

func stopGroup(cmd *exec.Cmd, sig syscall.Signal) {
	if cmd.Process != nil {
		_ = syscall.Kill(-cmd.Process.Pid, sig) // the group may be gone already
	}
}

// waitGroupGone waits until no process of the group is left (or d passes),
// so the next test or run finds the ports and CPU free.
func waitGroupGone(cmd *exec.Cmd, d time.Duration) {
	if cmd.Process == nil {
		return
	}
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		if syscall.Kill(-cmd.Process.Pid, 0) != nil {
			return
		}
	}
}
