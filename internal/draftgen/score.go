package draftgen

import (
	"fmt"

	"github.com/redline-diff/redline/diff"
)

// link is an aligned pair: old block index, new block index.
type link struct{ old, new int }

// Score counts, for one comparison, how the aligner's answer agrees with
// the ground truth. Counts add up across cases.
type Score struct {
	// Pairs: links between an old and a new block, of any op.
	PairsTrue, PairsFound, PairsRight int
	// Moves: links of moved blocks.
	MovesTrue, MovesFound, MovesRight int
	// Splits and merges: groups right only when they have the same blocks.
	SplitsTrue, SplitsFound, SplitsRight int
	MergesTrue, MergesFound, MergesRight int
}

// Add adds the counts of t to s.
func (s *Score) Add(t Score) {
	s.PairsTrue += t.PairsTrue
	s.PairsFound += t.PairsFound
	s.PairsRight += t.PairsRight
	s.MovesTrue += t.MovesTrue
	s.MovesFound += t.MovesFound
	s.MovesRight += t.MovesRight
	s.SplitsTrue += t.SplitsTrue
	s.SplitsFound += t.SplitsFound
	s.SplitsRight += t.SplitsRight
	s.MergesTrue += t.MergesTrue
	s.MergesFound += t.MergesFound
	s.MergesRight += t.MergesRight
}

// Ratio returns right/of, or 1 when of is 0 (nothing to find, nothing missed).
func Ratio(right, of int) float64 {
	if of == 0 {
		return 1
	}
	return float64(right) / float64(of)
}

// F1 returns the harmonic mean of precision and recall.
func F1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// block returns the index of paragraph k in the Markdown of a draft,
// whose block 0 is the title.
func block(k int) int { return k + 1 }

// truth is the ground truth of an edit as block links.
type truth struct {
	pairs  map[link]bool
	moved  map[link]bool
	splits map[string]bool // canonical "old>new+new" strings
	merges map[string]bool
}

// truth returns the ground truth of ed against the draft it was made from.
func (ed *Edited) truth(old *Draft) *truth {
	at := make(map[int]int) // old ID → old block
	for k, p := range old.Paras {
		at[p.ID] = block(k)
	}
	t := &truth{pairs: map[link]bool{}, moved: map[link]bool{}, splits: map[string]bool{}, merges: map[string]bool{}}
	t.pairs[link{0, 0}] = true // the title
	chain := []link{{0, 0}}    // one-to-one links, in new order, for the moves
	weight := []float64{1}
	textOf := make(map[int]int) // old ID → text length
	for _, p := range old.Paras {
		textOf[p.ID] = len(p.Text)
	}
	for k, o := range ed.Origins {
		j := block(k)
		switch o.Op {
		case Kept, Moved:
			l := link{at[o.From[0]], j}
			t.pairs[l] = true
			chain = append(chain, l)
			// As many links as possible stay in place; of two chains of as
			// many links, the one with the longer texts (diff's rule too).
			weight = append(weight, 1+1e-9*float64(textOf[o.From[0]]+len(ed.Paras[k].Text)))
		case Split:
			t.pairs[link{at[o.From[0]], j}] = true
			if k == 0 || ed.Origins[k-1].Op != Split || ed.Origins[k-1].From[0] != o.From[0] {
				// the group's first piece: one link in the chain, as diff counts it
				chain = append(chain, link{at[o.From[0]], j})
				weight = append(weight, 1)
			}
		case Merged:
			for _, id := range o.From {
				t.pairs[link{at[id], j}] = true
			}
			chain = append(chain, link{at[o.From[0]], j})
			weight = append(weight, 1)
		}
	}
	t.groups(ed, at)
	for _, l := range outsideChain(chain, weight) {
		t.moved[l] = true
	}
	return t
}

// groups records the true splits and merges.
func (t *truth) groups(ed *Edited, at map[int]int) {
	splits := map[int][]int{} // old block → new blocks
	for k, o := range ed.Origins {
		switch o.Op {
		case Split:
			splits[at[o.From[0]]] = append(splits[at[o.From[0]]], block(k))
		case Merged:
			var olds []int
			for _, id := range o.From {
				olds = append(olds, at[id])
			}
			t.merges[groupKey(olds, []int{block(k)})] = true
		}
	}
	for i, news := range splits {
		t.splits[groupKey([]int{i}, news)] = true
	}
}

func groupKey(old, new []int) string {
	return fmt.Sprint(old, ">", new)
}

// outsideChain returns the links not in the heaviest chain of links whose
// old blocks increase (links are in increasing new order): the blocks that
// a minimal description of the edit shows as moved. Which paragraphs
// "moved" is defined only up to such a description (a section moved up is
// the same edit as the sections it passed moved down), so the truth is the
// minimal one: fewest paragraphs moved, ties to the longer texts staying.
// O(n²), for harness-sized drafts.
func outsideChain(links []link, weight []float64) []link {
	n := len(links)
	best := make([]float64, n)
	prev := make([]int, n)
	end := -1
	for k := range links {
		best[k], prev[k] = weight[k], -1
		for m := 0; m < k; m++ {
			if links[m].old < links[k].old && best[m]+weight[k] > best[k] {
				best[k], prev[k] = best[m]+weight[k], m
			}
		}
		if end < 0 || best[k] > best[end] {
			end = k
		}
	}
	in := make([]bool, n)
	for k := end; k >= 0; k = prev[k] {
		in[k] = true
	}
	var out []link
	for k, l := range links {
		if !in[k] {
			out = append(out, l)
		}
	}
	return out
}

// ScoreResult scores r, the comparison of old's Markdown with ed's.
func ScoreResult(r *diff.Result, old *Draft, ed *Edited) Score {
	t := ed.truth(old)
	var s Score
	s.PairsTrue, s.MovesTrue = len(t.pairs), len(t.moved)
	s.SplitsTrue, s.MergesTrue = len(t.splits), len(t.merges)
	for _, st := range r.Steps {
		for _, i := range st.Old.All() {
			for _, j := range st.New.All() {
				s.PairsFound++
				if t.pairs[link{i, j}] {
					s.PairsRight++
				}
			}
		}
		switch st.Op {
		case diff.Moved:
			s.MovesFound++
			if t.moved[link{st.Old.First(), st.New.First()}] {
				s.MovesRight++
			}
		case diff.Split:
			s.SplitsFound++
			if t.splits[groupKey(st.Old.Indices(), st.New.Indices())] {
				s.SplitsRight++
			}
		case diff.Merged:
			s.MergesFound++
			if t.merges[groupKey(st.Old.Indices(), st.New.Indices())] {
				s.MergesRight++
			}
		}
	}
	return s
}
