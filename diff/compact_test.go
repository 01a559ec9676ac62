package diff_test

import (
	"reflect"
	"testing"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
	"github.com/redline-diff/redline/internal/draftgen"
)

// TestRevisionsAsCompared checks that a History's revisions, kept compact
// and made again on request, are the comparisons Compare makes, step by
// step and span by span: on the shipped drafts and on a generated series
// with moves, splits, merges and a moved section.
func TestRevisionsAsCompared(t *testing.T) {
	series, err := draftgen.Series(7, 3, 60<<10)
	if err != nil {
		t.Fatal(err)
	}
	for name, drafts := range map[string][]*draft.Document{"shipped": shipped(t).Drafts, "generated": series} {
		h, err := diff.NewHistory(drafts, diff.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for i := range drafts {
			for j := i + 1; j < len(drafts); j++ {
				want, err := diff.Compare(drafts[i], drafts[j], diff.Options{})
				if err != nil {
					t.Fatal(err)
				}
				for range 2 { // made, then made again from the compact form
					got, err := h.Compare(i, j)
					if err != nil {
						t.Fatal(err)
					}
					if !reflect.DeepEqual(got.Steps, want.Steps) {
						t.Errorf("%s: drafts %d, %d: the history's comparison differs from Compare's", name, i, j)
					}
					h.Compare(0, 1) // another pair in between
					if j > 1 {
						h.Compare(0, j)
					}
				}
			}
		}
	}
}
