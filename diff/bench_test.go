package diff_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
	"github.com/redline-diff/redline/internal/draftgen"
)

// BenchmarkCompareParagraphs aligns and diffs drafts of 1,000 and 10,000
// paragraphs in which 5% of the paragraphs moved and 2% of the words were
// edited; the cost should grow near-linearly (10× the paragraphs, at most
// 15× the time).
func BenchmarkCompareParagraphs(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		old, ed := draftgen.GenerateParas(1, n), (*draftgen.Edited)(nil)
		ed = draftgen.Edit(old, 2, draftgen.Edits{WordRate: 0.02, MoveRate: 0.05})
		a, err := draft.Read("old.md", old.Markdown(), draft.Markdown)
		if err != nil {
			b.Fatal(err)
		}
		c, err := draft.Read("new.md", ed.Markdown(), draft.Markdown)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := diff.Compare(a, c, diff.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWords diffs the words of one long edited paragraph.
func BenchmarkWords(b *testing.B) {
	old := draftgen.GenerateParas(3, 40)
	ed := draftgen.Edit(old, 4, draftgen.Edits{WordRate: 0.05})
	var x, y string
	for k := range old.Paras {
		x += old.Paras[k].Text + " "
		y += ed.Paras[k].Text + " "
	}
	b.SetBytes(int64(len(x) + len(y)))
	for b.Loop() {
		if _, err := diff.Words(x, y); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompareWorstCase compares 1 MB drafts in three ways:
//
//   - typical: 2% of words edited, 5% of paragraphs restructured (deleted,
//     inserted, moved, split or merged), one section moved;
//   - worst: every paragraph edited (2% of its words, at least one), 30% of
//     them moved on their own, two sections moved: no paragraph is left
//     whole to anchor the alignment, and every one is weighed by its words
//     against its neighbours or its candidate moves;
//   - heavy: worst with 8% of words edited, four times typical's edits.
//
// The worst case should cost at most three times the typical one. The
// heavy one has four times the edits to diff, and a word diff's cost grows
// with its edits (go-diff is O(N·D)): it shows how the cost follows them.
func BenchmarkCompareWorstCase(b *testing.B) {
	cases := []struct {
		name string
		e    draftgen.Edits
	}{
		{"typical", draftgen.Edits{WordRate: 0.02, ParaRate: 0.05, SectionMoves: 1}},
		{"worst", draftgen.Edits{WordRate: 0.02, EveryParagraph: true, MoveRate: 0.30, SectionMoves: 2}},
		{"heavy", draftgen.Edits{WordRate: 0.08, MoveRate: 0.30, SectionMoves: 2}},
	}
	old := draftgen.Generate(5, 1<<20)
	a, err := draft.Read("old.md", old.Markdown(), draft.Markdown)
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range cases {
		ed := draftgen.Edit(old, 6, c.e)
		n, err := draft.Read("new.md", ed.Markdown(), draft.Markdown)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := diff.Compare(a, n, diff.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWordsHuge diffs the words of one very long paragraph of
// sentences (draftgen's 1 MB paragraph kind, at 1 and 7 MB), 2% of its
// words edited: a third of those replaced, a third deleted, a third with a
// word inserted after them.
func BenchmarkWordsHuge(b *testing.B) {
	for _, size := range []int{1 << 20, 7 << 20} {
		d := draftgen.GenerateParas(9, 1)
		d.AddHuge(10, size)
		var x string
		for _, p := range d.Paras {
			if len(p.Text) > len(x) {
				x = p.Text
			}
		}
		y := editWordsForBench(x, 11, 0.02)
		b.Run(fmt.Sprintf("%dMB", size>>20), func(b *testing.B) {
			b.SetBytes(int64(len(x) + len(y)))
			for b.Loop() {
				if _, err := diff.Words(x, y); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// editWordsForBench edits a rate of the space-separated words of text, in
// one pass.
func editWordsForBench(text string, seed uint64, rate float64) string {
	rng := rand.New(rand.NewPCG(seed, 1))
	var out []string
	for _, w := range strings.Split(text, " ") {
		if rng.Float64() >= rate {
			out = append(out, w)
			continue
		}
		switch rng.IntN(3) {
		case 0:
			out = append(out, "amended")
		case 1:
		case 2:
			out = append(out, w, "inserted")
		}
	}
	return strings.Join(out, " ")
}
