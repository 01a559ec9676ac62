package draftgen

import (
	"fmt"

	"github.com/redline-diff/redline/draft"
)

// SeriesEdits is how much each draft of a Series changes from the one
// before: 2% of words, 5% of paragraphs, one section moved.
var SeriesEdits = Edits{WordRate: 0.02, ParaRate: 0.05, SectionMoves: 1}

// Series returns n successive drafts read as Markdown, named "draft-1.md"
// to "draft-n.md": the first generated from seed with about size bytes,
// each next one an edit of the one before (SeriesEdits).
func Series(seed uint64, n, size int) ([]*draft.Document, error) {
	d := Generate(seed, size)
	out := make([]*draft.Document, 0, n)
	for k := range n {
		if k > 0 {
			d = Edit(d, seed+uint64(k), SeriesEdits).Draft
		}
		name := fmt.Sprintf("draft-%d.md", k+1)
		r, err := draft.Read(name, d.Markdown(), draft.Markdown)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}
