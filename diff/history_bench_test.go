package diff_test

import (
	"fmt"
	"testing"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/internal/draftgen"
)

// BenchmarkHistory builds the history of 2, 5 and 10 successive drafts of
// about 1 MB each (draftgen.Series: 2% of words and 5% of paragraphs
// edited, a section moved, per draft), then its lineage of every block,
// its blame and the trace of two phrases. The cost should grow linearly
// with the number of revisions: 10 drafts (9 revisions) at most about 9×
// the cost of 2 drafts (1 revision).
func BenchmarkHistory(b *testing.B) {
	series, err := draftgen.Series(7, 10, 1<<20)
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{2, 5, 10} {
		drafts := series[:n]
		size := 0
		for _, d := range drafts {
			for _, bl := range d.Blocks {
				size += len(bl.Text)
			}
		}
		b.Run(fmt.Sprintf("drafts=%d", n), func(b *testing.B) {
			b.SetBytes(int64(size))
			for b.Loop() {
				h, err := diff.NewHistory(drafts, diff.Options{})
				if err != nil {
					b.Fatal(err)
				}
				for i := range h.Drafts[h.Last()].Blocks {
					h.Lineage(i)
				}
				h.Blame()
				if _, err := h.Trace("States agreed", "human rights"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
