package draftgen

import (
	"fmt"
	"os"
	"testing"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/doc"
)

func TestDebugHarness(t *testing.T) {
	if os.Getenv("HARNESS_DEBUG") == "" {
		t.Skip()
	}
	c := Case{Size: 20 << 10, Edits: Edits{WordRate: 0.02, ParaRate: 0.10, SectionMoves: 1}}
	for seed := uint64(1); seed <= 20; seed++ {
		c.Seed = seed
		old, ed := c.Pair()
		a, _ := doc.Read("old.md", old.Markdown(), doc.Markdown)
		b, _ := doc.Read("new.md", ed.Markdown(), doc.Markdown)
		r, _ := diff.Compare(a, b, diff.Options{})
		tr := ed.truth(old)
		found := map[link]bool{}
		for _, st := range r.Steps {
			if st.Op == diff.Moved {
				l := link{st.Old[0], st.New[0]}
				found[l] = true
				if !tr.moved[l] {
					fmt.Printf("seed %d: false move %v (true pair %v)\n", seed, l, tr.pairs[l])
				}
			}
			if st.Op == diff.Split && !tr.splits[groupKey(st.Old, st.New)] {
				fmt.Printf("seed %d: false split %v\n", seed, groupKey(st.Old, st.New))
			}
		}
		for l := range tr.moved {
			if !found[l] {
				fmt.Printf("seed %d: missed move %v\n", seed, l)
			}
		}
		foundG := map[string]bool{}
		for _, st := range r.Steps {
			foundG[groupKey(st.Old, st.New)] = true
			for _, i := range st.Old {
				for _, j := range st.New {
					if !tr.pairs[link{i, j}] {
						fmt.Printf("seed %d: false pair %s %v>%v\n", seed, st.Op, st.Old, st.New)
					}
				}
			}
		}
		for g := range tr.splits {
			if !foundG[g] {
				fmt.Printf("seed %d: missed split %s\n", seed, g)
			}
		}
		for g := range tr.merges {
			if !foundG[g] {
				fmt.Printf("seed %d: missed merge %s\n", seed, g)
			}
		}
		if seed == 9 {
			for _, st := range r.Steps {
				fmt.Printf("  %s %v>%v\n", st.Op, st.Old, st.New)
			}
		}
	}
}
