//go:build unix

package main

import (
	"os"
	"strconv"
	"syscall"
)

// setTestUmask sets the umask of a redline run by a test script to
// $REDLINE_TEST_UMASK (octal), if set: the scripts run in parallel in one
// process, whose umask they cannot each set.
func setTestUmask() {
	if s := os.Getenv("REDLINE_TEST_UMASK"); s != "" {
		if m, err := strconv.ParseUint(s, 8, 32); err == nil {
			syscall.Umask(int(m))
		}
	}
}
