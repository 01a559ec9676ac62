package negotiation_test

import (
	"fmt"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
	"github.com/redline-diff/redline/negotiation"
)

// Analyze reads a comparison: the fate of each bracketed passage and each
// change of strength, with the rule that raised it.
func ExampleAnalyze() {
	old, _ := draft.Read("rev1.md", []byte("1. States agreed that norms apply [in their entirety].\n\n2. States shall designate points of contact.\n"), draft.Markdown)
	new, _ := draft.Read("rev2.md", []byte("1. States take into account that norms apply in their entirety.\n\n2. States should, where appropriate, designate points of contact.\n"), draft.Markdown)
	r, err := diff.Compare(old, new, diff.Options{})
	if err != nil {
		panic(err)
	}
	lex, err := negotiation.Shipped()
	if err != nil {
		panic(err)
	}
	a := negotiation.Analyze(r, lex, negotiation.Options{})
	for _, b := range a.Brackets {
		fmt.Printf("¶ %s %s: %s\n", b.Old.Label, b.Old.Text, b.Fate)
	}
	for _, s := range a.Signals {
		fmt.Printf("¶ %s %s\n", new.Blocks[s.New.Block].Label, s)
	}
	// Output:
	// ¶ 1. [in their entirety]: agreed
	// ¶ 1. weakened: States agreed → States take into account (en/commitment: States agreed > States concluded > States recommended > States take into account)
	// ¶ 2. weakened: shall → should (en/obligation: shall > must > should > may)
	// ¶ 2. weakened: "where appropriate" added (en/hedges: where appropriate)
}
