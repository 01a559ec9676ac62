package draft

import "golang.org/x/sys/unix"

// limitMemory limits the address space of the process pid to n bytes. It
// is set as soon as the program starts, before it has read the PDF (which
// it is still being given on its standard input); failing to set it
// leaves the program bounded by time and output only.
func limitMemory(pid, n int) {
	lim := unix.Rlimit{Cur: uint64(n), Max: uint64(n)}
	_ = unix.Prlimit(pid, unix.RLIMIT_AS, &lim, nil)
}
