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
	// Kinds scores the links of the paragraphs each edit kind made (by
	// Origin.Kind); nil until one is counted.
	Kinds map[string]KindScore
	// Verbatim: paragraphs of the edited draft whose text is their old
	// paragraph's, word for word, and of them those paired with it.
	VerbatimTrue, VerbatimRight int
}

// KindScore counts the links of one edit kind's paragraphs: true, found
// by the aligner, and found right.
type KindScore struct {
	True, Found, Right int
}

// count adds to kind k's counts.
func (s *Score) count(k string, truth, found, right int) {
	if k == "" {
		return
	}
	if s.Kinds == nil {
		s.Kinds = map[string]KindScore{}
	}
	ks := s.Kinds[k]
	ks.True, ks.Found, ks.Right = ks.True+truth, ks.Found+found, ks.Right+right
	s.Kinds[k] = ks
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
	for k, ks := range t.Kinds {
		s.count(k, ks.True, ks.Found, ks.Right)
	}
	s.VerbatimTrue += t.VerbatimTrue
	s.VerbatimRight += t.VerbatimRight
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
	// canon[i] is the first old block with old block i's text: copies of
	// one text cannot be told apart, so links are scored by the text
	// their old block has, not by which copy it is.
	canon  []int
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
	t.canon = make([]int, len(old.Paras)+1)
	first := map[string]int{}
	for k, p := range old.Paras {
		f, ok := first[p.Text]
		if !ok {
			f = block(k)
			first[p.Text] = f
		}
		t.canon[block(k)] = f
	}
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
			t.pairs[t.link(l.old, l.new)] = true
			chain = append(chain, l)
			// As many links as possible stay in place; of two chains of as
			// many links, the one with the longer texts (diff's rule too).
			weight = append(weight, 1+1e-9*float64(textOf[o.From[0]]+len(ed.Paras[k].Text)))
		case Split:
			t.pairs[t.link(at[o.From[0]], j)] = true
			if k == 0 || ed.Origins[k-1].Op != Split || ed.Origins[k-1].From[0] != o.From[0] {
				// the group's first piece: one link in the chain, as diff counts it
				chain = append(chain, link{at[o.From[0]], j})
				weight = append(weight, 1)
			}
		case Merged:
			for _, id := range o.From {
				t.pairs[t.link(at[id], j)] = true
			}
			chain = append(chain, link{at[o.From[0]], j})
			weight = append(weight, 1)
		}
	}
	t.groups(ed, at)
	for _, l := range outsideChain(chain, weight) {
		t.moved[t.link(l.old, l.new)] = true
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

// link returns the link of old block i and new block j as scored: by
// the first old block with i's text (see canon).
func (t *truth) link(i, j int) link {
	if i >= 0 && i < len(t.canon) {
		i = t.canon[i]
	}
	return link{i, j}
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
	kindOf := func(j int) string {
		if j < 1 || j > len(ed.Origins) {
			return ""
		}
		return ed.Origins[j-1].Kind
	}
	for l := range t.pairs {
		s.count(kindOf(l.new), 1, 0, 0)
	}
	found := map[link]bool{}
	for _, st := range r.Steps {
		for _, i := range st.Old.All() {
			for _, j := range st.New.All() {
				s.PairsFound++
				found[t.link(i, j)] = true
				right := 0
				if t.pairs[t.link(i, j)] {
					s.PairsRight++
					right = 1
				}
				s.count(kindOf(j), 0, 1, right)
			}
		}
		switch st.Op {
		case diff.Moved:
			s.MovesFound++
			if t.moved[t.link(st.Old.First(), st.New.First())] {
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
	s.VerbatimTrue, s.VerbatimRight = verbatim(old, ed, t, found)
	return s
}

// verbatim counts the paragraphs of ed whose text is their old
// paragraph's, and of them those found paired with it.
func verbatim(old *Draft, ed *Edited, t *truth, found map[link]bool) (n, paired int) {
	at, text := map[int]int{}, map[int]string{}
	for k, p := range old.Paras {
		at[p.ID], text[p.ID] = block(k), p.Text
	}
	for k, o := range ed.Origins {
		if (o.Op == Kept || o.Op == Moved) && ed.Paras[k].Text == text[o.From[0]] {
			n++
			if found[t.link(at[o.From[0]], block(k))] {
				paired++
			}
		}
	}
	return n, paired
}
