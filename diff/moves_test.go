package diff

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/redline-diff/redline/draft"
)

// TestTopCandidates checks the running selection against a full sort:
// highest counts first, ties by block index.
func TestTopCandidates(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for n := range 300 {
		counts := map[int]int{}
		for range n % 40 {
			counts[rng.IntN(100)] = 1 + rng.IntN(1+n%6) + rng.IntN(2)<<20
		}
		c := getCounter(100)
		for j, n := range counts {
			c.add(j, n)
		}
		type cand struct{ j, n int }
		var all []cand
		for j, c := range counts {
			all = append(all, cand{j, c})
		}
		slices.SortFunc(all, func(a, b cand) int {
			if c := cmp.Compare(b.n, a.n); c != 0 {
				return c
			}
			return cmp.Compare(a.j, b.j)
		})
		var want []int
		for _, c := range all[:min(len(all), maxCandidates)] {
			want = append(want, c.j)
		}
		if got := topCandidates(c); !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Fatalf("topCandidates(%v) = %v, want %v", counts, got, want)
		}
	}
}

// TestGramIndex checks that the flat index lists, for every gram of the
// indexed blocks, exactly the blocks that have it, in order, and nothing
// for a gram none has.
func TestGramIndex(t *testing.T) {
	texts := []string{"States agreed on the norms", "the norms apply", "", "States agreed", "norms norms apply apply", "other words entirely"}
	var blocks []draft.Block
	for _, s := range texts {
		blocks = append(blocks, draft.Block{Kind: draft.Paragraph, Text: s})
	}
	d := &draft.Document{Name: "x", Blocks: blocks}
	al := newAligner(d, d, DefaultMatchThreshold)
	news := []int{0, 1, 2, 4, 5} // block 3 left out
	x := al.newGramIndex(news)
	want := map[uint64][]int32{}
	for _, j := range news {
		for _, g := range al.new.gramsOf(j).all {
			want[g] = append(want[g], int32(j))
		}
	}
	for g, js := range want {
		if got := x.blocks(g); !slices.Equal(got, js) {
			t.Errorf("gram %x: blocks %v, want %v", g, got, js)
		}
	}
	for _, g := range al.new.gramsOf(3).all {
		if _, ok := want[g]; !ok && x.blocks(g) != nil {
			t.Errorf("gram %x of a block left out: blocks %v", g, x.blocks(g))
		}
	}
}
