package main

import (
	"os"
	"runtime"
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

// spendOnInput raises the memory limit by ten times n input bytes, and
// sets how far the heap may grow between collections (see smallInput).
func spendOnInput(n int) {
	budget.Lock()
	defer budget.Unlock()
	budget.bytes += 10 * int64(n)
	debug.SetMemoryLimit((budgetBase + budget.bytes) / 20 * 17)
	if os.Getenv("GOGC") == "" {
		gc := 100
		if !largeDrafts() {
			gc = 200
		}
		debug.SetGCPercent(gc)
	}
}

// largeDrafts reports whether the drafts read so far (the budget holds
// ten times their size) reach smallInput; the caller holds budget.
func largeDrafts() bool { return budget.bytes/10 >= smallInput }

// smallInput is the size of drafts below which the heap may grow to three
// times what is live between collections (GOGC 200) rather than twice,
// unless GOGC says otherwise. A small run's heap is a few megabytes, which
// the collector would go over every few milliseconds, at a cost the
// memory saved does not repay: the 1 MB pair's page took 66 ms instead of
// 76, the 100 KB pair's 36 instead of 40, at the same peak memory. Larger
// drafts keep GOGC 100: at 10 MB each, GOGC 200 took the peak from 71 MB
// to 88, past four times the drafts' size, for 3% of the time.
const smallInput = 8 << 20

// collectBeforeOutput collects garbage once between comparing large
// drafts and writing the result. The last collection ran while the word
// diffs were being made, and lets the heap grow to twice what was live
// then before the next; collected once the comparison is done, the heap
// grows from what the result needs. On the 10 MB pair this took the peak
// RSS from 71–83 MB to 63–68 MB in every format, at about 1% of the time.
// Small drafts (see smallInput) are not collected for.
func collectBeforeOutput() {
	budget.Lock()
	large := largeDrafts()
	budget.Unlock()
	if large {
		runtime.GC()
	}
}
