package diff_test

import (
	"fmt"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

// exampleDrafts reads three short drafts: Rev.1 inserts a paragraph ahead
// of the one on norms, which Rev.2 edits.
func exampleDrafts() []*draft.Document {
	texts := []string{
		"1. States agreed that international law applies.\n\n2. Norms reflect expectations.\n",
		"1. States agreed that international law applies.\n\n2. Healthcare facilities are critical infrastructure.\n\n3. Norms reflect expectations.\n",
		"1. States reaffirmed that international law applies.\n\n2. Healthcare facilities are critical infrastructure.\n\n3. Voluntary norms reflect expectations.\n",
	}
	var drafts []*draft.Document
	for k, t := range texts {
		d, err := draft.Read([]string{"zero.md", "rev1.md", "rev2.md"}[k], []byte(t), draft.Markdown)
		if err != nil {
			panic(err)
		}
		drafts = append(drafts, d)
	}
	return drafts
}

// The lineage of each paragraph of the last draft, back to where it was
// added.
func ExampleHistory() {
	h, err := diff.NewHistory(exampleDrafts(), diff.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for i := range h.Drafts[2].Blocks {
		l := h.Lineage(i)
		for n, a := range l.Path {
			if n > 0 {
				fmt.Print(" — ")
			}
			fmt.Printf("%s ¶ %s", h.Names[a.Draft], h.Drafts[a.Draft].Blocks[a.Block].Label)
		}
		if l.Added >= 0 {
			fmt.Printf(" (added in %s)", h.Names[l.Added])
		}
		fmt.Println()
	}
	// Output:
	// rev2.md ¶ 1. — rev1.md ¶ 1. — zero.md ¶ 1.
	// rev2.md ¶ 2. — rev1.md ¶ 2. (added in rev1.md)
	// rev2.md ¶ 3. — rev1.md ¶ 3. — zero.md ¶ 2.
}

// Counting a phrase in each draft, and finding where it was struck and
// what replaced it.
func ExampleHistory_Trace() {
	h, err := diff.NewHistory(exampleDrafts(), diff.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	traces, err := h.Trace("states AGREED")
	if err != nil {
		fmt.Println(err)
		return
	}
	t := traces[0]
	fmt.Println("counts:", t.Counts)
	for _, c := range t.Struck {
		fmt.Printf("struck in %s, ¶ %s: %q became %q\n", h.Names[c.Draft],
			h.Drafts[c.Draft].Blocks[c.NewBlock].Label, c.Text, c.Replacement)
	}
	// Output:
	// counts: [1 1 0]
	// struck in rev2.md, ¶ 1.: "States agreed" became "States reaffirmed"
}

// The draft that introduced each word of the last draft.
func ExampleHistory_Blame() {
	h, err := diff.NewHistory(exampleDrafts(), diff.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, spans := range h.Blame() {
		fmt.Print(h.Drafts[2].Blocks[i].Label)
		for _, sp := range spans {
			fmt.Printf(" [%s: %q]", h.Names[sp.Draft], sp.Text)
		}
		fmt.Println()
	}
	// Output:
	// 1. [zero.md: "States "] [rev2.md: "reaffirmed"] [zero.md: " that international law applies."]
	// 2. [rev1.md: "Healthcare facilities are critical infrastructure."]
	// 3. [rev2.md: "Voluntary norms"] [zero.md: " reflect expectations."]
}
