package render_test

import (
	"os"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
	"github.com/redline-diff/redline/render"
)

// exampleResult is paragraph 12 of a zero draft, renumbered 14 and edited
// in the revision, built by hand as diff.Compare would return it.
func exampleResult() *diff.Result {
	return &diff.Result{
		Old: &draft.Document{Name: "zero-draft.md", Blocks: []draft.Block{
			{Label: "12.", Text: "States agreed to refrain from such use."},
		}},
		New: &draft.Document{Name: "final.md", Blocks: []draft.Block{
			{Label: "14.", Text: "States concluded to avoid and refrain from such use."},
		}},
		Steps: []diff.Step{{
			Op: diff.Changed, Old: diff.OneBlock(0), New: diff.OneBlock(0),
			Spans: []diff.Span{
				{Op: diff.SpanEqual, Text: "States "},
				{Op: diff.SpanDelete, Text: "agreed"},
				{Op: diff.SpanInsert, Text: "concluded"},
				{Op: diff.SpanEqual, Text: " to "},
				{Op: diff.SpanInsert, Text: "avoid and "},
				{Op: diff.SpanEqual, Text: "refrain from such use."},
			},
		}},
	}
}

func ExampleText() {
	if err := render.Text(os.Stdout, exampleResult()); err != nil {
		panic(err)
	}
	// Output:
	// --- zero-draft.md
	// +++ final.md
	// @@ ¶ 14 (was 12) changed @@
	// States [-agreed-]{+concluded+} to {+avoid and +}refrain from such use.
}

func ExampleJSON() {
	r := exampleResult()
	r.Steps[0].Spans = r.Steps[0].Spans[:3] // keep the example short
	r.New.Blocks[0].Text = "States concluded"
	r.Old.Blocks[0].Text = "States agreed"
	if err := render.JSON(os.Stdout, r); err != nil {
		panic(err)
	}
	// Output:
	// {
	//   "schema": 1,
	//   "old": {
	//     "path": "zero-draft.md",
	//     "blocks": 1
	//   },
	//   "new": {
	//     "path": "final.md",
	//     "blocks": 1
	//   },
	//   "stats": {
	//     "equal": 0,
	//     "changed": 1,
	//     "inserted": 0,
	//     "deleted": 0,
	//     "moved": 0,
	//     "split": 0,
	//     "merged": 0,
	//     "renumbered": 1,
	//     "reformatted": 0,
	//     "words_inserted": 1,
	//     "words_deleted": 1
	//   },
	//   "moved_sections": [],
	//   "labels": [
	//     {
	//       "old": "12.",
	//       "new": "14.",
	//       "old_block": 0,
	//       "new_block": 0
	//     }
	//   ],
	//   "blocks": [
	//     {
	//       "op": "changed",
	//       "old": [
	//         0
	//       ],
	//       "new": [
	//         0
	//       ],
	//       "old_label": "12.",
	//       "new_label": "14.",
	//       "spans": [
	//         {
	//           "op": "equal",
	//           "text": "States "
	//         },
	//         {
	//           "op": "delete",
	//           "text": "agreed"
	//         },
	//         {
	//           "op": "insert",
	//           "text": "concluded"
	//         }
	//       ]
	//     }
	//   ]
	// }
}
