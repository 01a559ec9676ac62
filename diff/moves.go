package diff

import (
	"cmp"
	"slices"
)

// match is a candidate pairing of old block old with new block new.
type match struct {
	old, new int
	sim      float64
}

// Limits of the word index: a gram held by more than maxPosting blocks is
// too common to point anywhere, and each block weighs at most
// maxCandidates blocks that share the most grams with it.
const (
	maxPosting    = 64
	maxCandidates = 8
)

// findMoves matches the blocks left unpaired in both drafts across the
// whole document: each such pair at least threshold alike is a move.
func (al *aligner) findMoves() {
	var olds, news []int
	for i, j := range al.oldPair {
		if j < 0 && al.oldMoved[i] < 0 && al.oldPart[i] < 0 {
			olds = append(olds, i)
		}
	}
	for j, i := range al.newPair {
		if i < 0 && al.newPart[j] < 0 {
			news = append(news, j)
		}
	}
	if len(olds) == 0 || len(news) == 0 {
		return
	}
	for _, m := range al.bestMatches(olds, news) {
		al.moved[m.new] = int32(m.old)
		al.oldMoved[m.old] = int32(m.new)
	}
}

// bestMatches pairs blocks of olds with blocks of news, each at most once,
// most similar pairs first, among candidates found through an index of
// the news' rare grams and exact texts; it never compares all pairs.
// The result is sorted by new block.
func (al *aligner) bestMatches(olds, news []int) []match {
	index := make(map[uint64][]int)
	exact := make(map[int32][]int)
	for _, j := range news {
		for _, g := range al.new.gramsOf(j).all {
			index[g] = append(index[g], j)
		}
		exact[al.new.ids[j]] = append(exact[al.new.ids[j]], j)
	}
	var cands []match
	counts := make(map[int]int)
	for _, i := range olds {
		clear(counts)
		for _, g := range al.old.gramsOf(i).all {
			if post := index[g]; len(post) <= maxPosting {
				for _, j := range post {
					counts[j]++
				}
			}
		}
		for _, j := range exact[al.old.ids[i]][:min(len(exact[al.old.ids[i]]), maxPosting)] {
			counts[j] += 1 << 20
		}
		for _, j := range topCandidates(counts) {
			if s := al.similarity(i, j); s >= al.threshold {
				cands = append(cands, match{i, j, s})
			}
		}
	}
	return assignGreedy(cands)
}

// topCandidates returns the maxCandidates blocks with the highest counts,
// ties broken by block index.
func topCandidates(counts map[int]int) []int {
	type cand struct{ j, n int }
	cs := make([]cand, 0, len(counts))
	for j, n := range counts {
		cs = append(cs, cand{j, n})
	}
	slices.SortFunc(cs, func(a, b cand) int {
		if c := cmp.Compare(b.n, a.n); c != 0 {
			return c
		}
		return cmp.Compare(a.j, b.j)
	})
	js := make([]int, min(len(cs), maxCandidates))
	for k := range js {
		js[k] = cs[k].j
	}
	return js
}

// assignGreedy takes candidate pairs best first (ties by position) and
// keeps each whose blocks are both still free.
func assignGreedy(cands []match) []match {
	slices.SortFunc(cands, func(a, b match) int {
		if c := cmp.Compare(b.sim, a.sim); c != 0 {
			return c
		}
		if c := cmp.Compare(a.old, b.old); c != 0 {
			return c
		}
		return cmp.Compare(a.new, b.new)
	})
	usedOld, usedNew := map[int]bool{}, map[int]bool{}
	var out []match
	for _, m := range cands {
		if !usedOld[m.old] && !usedNew[m.new] {
			usedOld[m.old], usedNew[m.new] = true, true
			out = append(out, m)
		}
	}
	slices.SortFunc(out, func(a, b match) int { return cmp.Compare(a.new, b.new) })
	return out
}
