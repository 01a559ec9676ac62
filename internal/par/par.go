// Package par runs the independent pieces of a job on all cores. Each
// piece writes its result into a slot of its own, so that what a caller
// builds from the slots does not depend on scheduling or on the number of
// cores: redline's output is the same with one core or many.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls f(0), …, f(n-1), on as many goroutines as there are cores (or
// in this goroutine when there is one core or one piece), and returns when
// all have returned. The calls may run in any order and at once: f must
// only write what belongs to its own k.
func For(n int, f func(k int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for k := range n {
			f(k)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := int(next.Add(1) - 1); k < n; k = int(next.Add(1) - 1) {
				f(k)
			}
		}()
	}
	wg.Wait()
}
