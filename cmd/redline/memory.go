package main

import (
	"runtime/debug"
	"sync"
)

// The memory budget of a run: ten times the size of the drafts read, plus
// 100 MB. 85% of it is given to the Go runtime as a soft memory
// limit, so that the garbage collector works harder as the heap nears it
// instead of letting the heap grow to twice what is live; a run whose live
// data needs more still completes. The 15% kept back is for what the
// limit does not see or cannot stop: the program's own code, and the heap
// a collection lets grow while it runs (a million-paragraph run peaked at
// the limit's own size, 305 MB, with the limit at the whole budget).
var budget struct {
	sync.Mutex
	bytes int64
}

const budgetBase = 100 << 20

// spendOnInput raises the memory limit by ten times n input bytes.
func spendOnInput(n int) {
	budget.Lock()
	defer budget.Unlock()
	budget.bytes += 10 * int64(n)
	debug.SetMemoryLimit((budgetBase + budget.bytes) / 20 * 17)
}
