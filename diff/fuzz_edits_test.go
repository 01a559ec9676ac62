package diff_test

import (
	"testing"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
	"github.com/redline-diff/redline/internal/draftgen"
)

// FuzzCompareEdits checks the invariants of Compare (every block once,
// lossless spans, determinism) on generated drafts with seeded edits of
// every kind: word edits, insertions, deletions, moves, splits, merges and
// moved sections.
func FuzzCompareEdits(f *testing.F) {
	f.Add(uint64(1), uint8(25), uint8(5), uint8(1), uint16(4000))
	f.Add(uint64(2), uint8(100), uint8(50), uint8(3), uint16(2000))
	f.Add(uint64(3), uint8(0), uint8(0), uint8(0), uint16(500))
	f.Add(uint64(4), uint8(255), uint8(255), uint8(5), uint16(8000))
	f.Fuzz(func(t *testing.T, seed uint64, paraRate, wordRate, sections uint8, size uint16) {
		c := draftgen.Case{Seed: seed, Size: int(size % 16000), Edits: draftgen.Edits{
			ParaRate: float64(paraRate) / 255, WordRate: float64(wordRate) / 510,
			SectionMoves: int(sections % 6), MoveRate: float64(paraRate) / 1020,
		}}
		old, ed := c.Pair()
		a, err := draft.Read("old.md", old.Markdown(), draft.Markdown)
		if err != nil {
			t.Fatal(err)
		}
		b, err := draft.Read("new.md", ed.Markdown(), draft.Markdown)
		if err != nil {
			t.Fatal(err)
		}
		r, err := diff.Compare(a, b, diff.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := r.Check(); err != nil {
			t.Fatal(err)
		}
		again, _ := diff.Compare(a, b, diff.Options{})
		if len(again.Steps) != len(r.Steps) {
			t.Fatal("not deterministic")
		}
		for k := range r.Steps {
			if again.Steps[k].Op != r.Steps[k].Op || len(again.Steps[k].Spans) != len(r.Steps[k].Spans) {
				t.Fatalf("step %d not deterministic", k)
			}
		}
	})
}
