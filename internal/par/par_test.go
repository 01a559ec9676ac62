package par

import (
	"runtime"
	"sync/atomic"
	"testing"
)

// TestFor checks that every piece runs exactly once, whatever the number
// of pieces and of cores.
func TestFor(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(procs)
		for _, n := range []int{0, 1, 2, 3, 100, 1000} {
			runs := make([]atomic.Int32, n)
			For(n, func(k int) { runs[k].Add(1) })
			for k := range runs {
				if got := runs[k].Load(); got != 1 {
					t.Fatalf("%d cores, %d pieces: piece %d ran %d times", procs, n, k, got)
				}
			}
		}
	}
}
