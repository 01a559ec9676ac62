package diff_test

import (
	"fmt"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

// Each step of a comparison names its old and new blocks as runs
// (diff.Blocks); its spans are the word diff.
func ExampleCompare() {
	old, _ := draft.Read("rev1.md", []byte("1. States agreed that international law applies.\n\n2. Norms reflect expectations. Capacity matters.\n"), draft.Markdown)
	new, _ := draft.Read("rev2.md", []byte("1. States reaffirmed that international law applies.\n\n2. Norms reflect expectations.\n\n3. Capacity matters.\n"), draft.Markdown)
	r, err := diff.Compare(old, new, diff.Options{})
	if err != nil {
		panic(err)
	}
	for _, st := range r.Steps {
		fmt.Printf("%s old %v new %v:", st.Op, st.Old, st.New)
		for _, sp := range st.Spans {
			if sp.Op != diff.SpanEqual {
				fmt.Printf(" %s %q", sp.Op, sp.Text)
			}
		}
		fmt.Println()
		for _, j := range st.New.All() {
			fmt.Printf("  new ¶ %s\n", new.Blocks[j].Label)
		}
	}
	// Output:
	// changed old [0] new [0]: delete "agreed" insert "reaffirmed"
	//   new ¶ 1.
	// split old [1] new [1 2]: delete " " insert "\n\n"
	//   new ¶ 2.
	//   new ¶ 3.
}
