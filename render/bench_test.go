package render

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

// largeResult builds a result of about n blocks of some 100 bytes each
// (n = 10,000 gives two drafts of about 1 MB): mostly equal blocks, every
// fifth changed, every 50th deleted, inserted or moved, all renumbered
// past the first insertion.
func largeResult(n int) *diff.Result {
	r := &diff.Result{Old: &draft.Document{Name: "old.md"}, New: &draft.Document{Name: "new.md"}}
	base := strings.Repeat("States <take> into account & reaffirm the framework. ", 2)
	for i := range n {
		text := fmt.Sprintf("%d %s", i, base)
		switch {
		case i%50 == 7:
			r.Old.Blocks = append(r.Old.Blocks, draft.Block{Label: fmt.Sprintf("%d.", i), Text: text})
			r.Steps = append(r.Steps, step(diff.Deleted, one(len(r.Old.Blocks)-1), diff.Blocks{}, del(text)))
		case i%50 == 13:
			r.New.Blocks = append(r.New.Blocks, draft.Block{Label: fmt.Sprintf("%d.", i+1), Text: text})
			r.Steps = append(r.Steps, step(diff.Inserted, diff.Blocks{}, one(len(r.New.Blocks)-1), ins(text)))
		case i%5 == 1:
			r.Old.Blocks = append(r.Old.Blocks, draft.Block{Label: fmt.Sprintf("%d.", i), Text: text + "agreed"})
			r.New.Blocks = append(r.New.Blocks, draft.Block{Label: fmt.Sprintf("%d.", i+1), Text: text + "concluded"})
			r.Steps = append(r.Steps, step(diff.Changed, one(len(r.Old.Blocks)-1), one(len(r.New.Blocks)-1),
				eq(text), del("agreed"), ins("concluded")))
		default:
			r.Old.Blocks = append(r.Old.Blocks, draft.Block{Label: fmt.Sprintf("%d.", i), Text: text})
			r.New.Blocks = append(r.New.Blocks, draft.Block{Label: fmt.Sprintf("%d.", i), Text: text})
			r.Steps = append(r.Steps, step(diff.Equal, one(len(r.Old.Blocks)-1), one(len(r.New.Blocks)-1), eq(text)))
		}
	}
	moveEvery(r, 50)
	return r
}

// moveEvery turns every k-th equal step into a move of its block from the
// start of the old draft, keeping the indices valid.
func moveEvery(r *diff.Result, k int) {
	for i := 20; i+k < len(r.Steps); i += k {
		a, b := &r.Steps[i], &r.Steps[i+k/2]
		if a.Op != diff.Equal || b.Op != diff.Equal {
			continue
		}
		a.Old, b.Old = b.Old, a.Old
		r.Old.Blocks[a.Old.First()], r.Old.Blocks[b.Old.First()] = r.Old.Blocks[b.Old.First()], r.Old.Blocks[a.Old.First()]
		a.Op, b.Op = diff.Moved, diff.Moved
		a.Moved, b.Moved = true, true
	}
}

func BenchmarkHTML(b *testing.B) {
	r := largeResult(10000)
	for b.Loop() {
		if err := HTML(io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkText(b *testing.B) {
	r := largeResult(10000)
	for b.Loop() {
		if err := Text(io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkJSON(b *testing.B) {
	r := largeResult(10000)
	for b.Loop() {
		if err := JSON(io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
}
