package diff

import (
	"strings"

	"github.com/redline-diff/redline/draft"
)

// Splits and merges. After the in-order pairing, a pair (i, j) is
// extended over unpaired neighbours: new block j+1 (or j-1) joins the pair
// as a piece of a split when most of its words and word pairs come from old
// block i (containment at least minContainment) and old block i is more
// like the joined pieces than like j alone; old blocks join the same way
// as pieces of a merge. One pair extends on one side only. An unpaired old
// block followed in the same gap by unpaired new blocks that together are
// like it is a split too (and the reverse a merge), for pieces each too
// small to pair alone.

// minContainment is the least share of a piece's grams that must come
// from the block it was split from or merged into.
const minContainment = 0.7

// findSplitsAndMerges extends the in-order pairs into splits and merges.
func (al *aligner) findSplitsAndMerges() {
	// The grams of the paired blocks that may grow, those beside a free
	// block (see hasFreeNeighbour), are made first on all cores; blocks
	// only stop being free below, so no others are needed.
	var jobs []gramJob
	for i, j := range al.oldPair {
		if j >= 0 && al.oldPart[i] < 0 {
			if hasFreeNeighbour(int(j), len(al.new.blocks), al.newFree) {
				jobs = append(jobs, gramJob{s: &al.old, i: i})
			}
			if hasFreeNeighbour(i, len(al.old.blocks), al.oldFree) {
				jobs = append(jobs, gramJob{s: &al.new, i: int(j)})
			}
		}
	}
	al.computeGrams(jobs)
	for i, j := range al.oldPair {
		if j >= 0 && al.oldPart[i] < 0 {
			if !al.extendNew(i, int(j)) {
				al.extendOld(i, int(j))
			}
		}
	}
	al.forEachGap(0, len(al.oldPair), 0, len(al.newPair), al.splitInGap)
}

// findSplitsAndMergesAgain runs once the order is settled: every link
// still one to one, in place or moved, is extended as before, so that a
// paragraph moved and split (or merged) is found too.
func (al *aligner) findSplitsAndMergesAgain() {
	for j := range al.newPair {
		i := max(int(al.newPair[j]), int(al.moved[j]))
		if i >= 0 && al.newPart[j] < 0 && al.oldGroupEnd(i) == i+1 && al.newGroupEnd(j) == j+1 {
			if !al.extendNew(i, j) {
				al.extendOld(i, j)
			}
		}
	}
}

// extendNew grows the pair (i, j) into a split over unpaired new blocks
// after and before j, and reports whether it did.
func (al *aligner) extendNew(i, j int) bool {
	if !hasFreeNeighbour(j, len(al.new.blocks), al.newFree) {
		return false
	}
	pieces := al.grow(al.old.gramsOf(i), al.old.blocks[i].Kind, j, &al.new, al.newFree)
	if len(pieces) > 1 {
		al.groupNew(i, pieces)
	}
	return len(pieces) > 1
}

// extendOld grows the pair (i, j) into a merge over unpaired old blocks.
func (al *aligner) extendOld(i, j int) {
	if !hasFreeNeighbour(i, len(al.old.blocks), al.oldFree) {
		return
	}
	if pieces := al.grow(al.new.gramsOf(j), al.new.blocks[j].Kind, i, &al.old, al.oldFree); len(pieces) > 1 {
		al.groupOld(pieces, j)
	}
}

// hasFreeNeighbour reports whether block k (of n) has a free block on
// either side: only then can it grow, and its grams are worth computing.
func hasFreeNeighbour(k, n int, free func(int) bool) bool {
	return k+1 < n && free(k+1) || k > 0 && free(k-1)
}

// grow returns the blocks of side s around block k, k among them, that
// together make up the block of kind kind whose grams are whole: free
// neighbours after k, then before, each joining while it may be a piece of
// such a block (see samePieceKind) and betterWith says it belongs.
func (al *aligner) grow(whole *gramSet, kind draft.Kind, k int, s *side, free func(int) bool) []int {
	pieces := []int{k}
	joins := func(n int) bool { return free(n) && samePieceKind(kind, s.blocks[n].Kind) }
	for n := k + 1; n < len(s.blocks) && joins(n) && al.betterWith(whole, pieces, n, s, true); n++ {
		pieces = append(pieces, n)
	}
	for n := k - 1; n >= 0 && joins(n) && al.betterWith(whole, pieces, n, s, false); n-- {
		pieces = append([]int{n}, pieces...)
	}
	return pieces
}

// betterWith reports whether block k of side s belongs with pieces as part
// of the block whose grams are whole: most of k's grams are in whole, and
// whole is more like the pieces joined with k (after them if after is set,
// before otherwise) than like the pieces alone.
func (al *aligner) betterWith(whole *gramSet, pieces []int, k int, s *side, after bool) bool {
	if containment(s.gramsOf(k), whole) < minContainment {
		return false
	}
	with := append([]int{k}, pieces...)
	if after {
		with = append(append([]int{}, pieces...), k)
	}
	return similarity(whole, s.joinedGrams(with)) > similarity(whole, s.joinedGrams(pieces))
}

// splitInGap pairs, inside a gap, an unpaired old block with the run of
// unpaired new blocks that starts the gap when they are its pieces, and the
// reverse for a merge.
func (al *aligner) splitInGap(o0, o1, n0, n1 int) {
	if !al.allFree(o0, o1, n0, n1) {
		return // a twin moved from or to the gap is no piece
	}
	if o1-o0 == 1 && n1-n0 >= 2 && al.piecesOf(al.old.gramsOf(o0), al.old.blocks[o0].Kind, rangeOf(n0, n1), &al.new) {
		al.pair(o0, n0)
		al.groupNew(o0, rangeOf(n0, n1))
	} else if n1-n0 == 1 && o1-o0 >= 2 && al.piecesOf(al.new.gramsOf(n0), al.new.blocks[n0].Kind, rangeOf(o0, o1), &al.old) {
		al.pair(o0, n0)
		al.groupOld(rangeOf(o0, o1), n0)
	}
}

// piecesOf reports whether blocks pieces of side s, joined, are at least
// threshold like whole, a block of kind kind, and each may be a piece of
// it (see samePieceKind) and comes mostly from it.
func (al *aligner) piecesOf(whole *gramSet, kind draft.Kind, pieces []int, s *side) bool {
	for _, k := range pieces {
		if !samePieceKind(kind, s.blocks[k].Kind) || containment(s.gramsOf(k), whole) < minContainment {
			return false
		}
	}
	return similarityAtLeast(whole, s.joinedGrams(pieces), al.threshold) >= al.threshold
}

// samePieceKind reports whether a block of kind piece may be a piece of
// a split or merge of a block of kind whole: a block that keeps its line
// layout (code, a table of contents, front matter) only of one of its own
// kind, and such a block has only such pieces, so that a step is compared
// line by line or word by word as a whole (see Result.LineByLine).
func samePieceKind(whole, piece draft.Kind) bool {
	return whole == piece || !whole.LineByLine() && !piece.LineByLine()
}

// allFree reports whether old blocks o0:o1 and new blocks n0:n1 are all
// free (see newFree).
func (al *aligner) allFree(o0, o1, n0, n1 int) bool {
	for i := o0; i < o1; i++ {
		if !al.oldFree(i) {
			return false
		}
	}
	for j := n0; j < n1; j++ {
		if !al.newFree(j) {
			return false
		}
	}
	return true
}

// newFree and oldFree report whether a block is in no pair, group or move.
func (al *aligner) newFree(j int) bool {
	return al.newPair[j] < 0 && al.newPart[j] < 0 && al.moved[j] < 0
}

func (al *aligner) oldFree(i int) bool {
	return al.oldPair[i] < 0 && al.oldPart[i] < 0 && al.oldMoved[i] < 0
}

// groupNew makes new blocks pieces (sorted) the split of old block i,
// which stays in place or moved as it was.
func (al *aligner) groupNew(i int, pieces []int) {
	al.relink(i, pieces[0])
	for _, k := range pieces[1:] {
		al.newPart[k] = int32(pieces[0])
	}
}

// groupOld makes old blocks pieces (sorted) the merge into new block j.
func (al *aligner) groupOld(pieces []int, j int) {
	al.relink(pieces[0], j)
	for _, k := range pieces[1:] {
		al.oldPart[k] = int32(pieces[0])
	}
}

// relink links old block i with new block j as a pair if either was in a
// pair, else as a move, undoing their earlier links.
func (al *aligner) relink(i, j int) {
	moved := al.oldMoved[i] >= 0 || al.moved[j] >= 0
	for _, jj := range []int{int(al.oldPair[i]), int(al.oldMoved[i])} {
		if jj >= 0 {
			al.newPair[jj], al.moved[jj] = -1, -1
		}
	}
	for _, ii := range []int{int(al.newPair[j]), int(al.moved[j])} {
		if ii >= 0 {
			al.oldPair[ii], al.oldMoved[ii] = -1, -1
		}
	}
	if moved {
		al.oldPair[i], al.newPair[j] = -1, -1
		al.oldMoved[i], al.moved[j] = int32(j), int32(i)
		return
	}
	al.pair(i, j)
}

// joinedGrams returns the grams of blocks idx of s joined as one text.
func (s *side) joinedGrams(idx []int) *gramSet {
	if len(idx) == 1 {
		return s.gramsOf(idx[0])
	}
	parts := make([]string, len(idx))
	for n, k := range idx {
		parts[n] = s.key(k)
	}
	return grams(strings.Join(parts, " "))
}

// containment returns the share of a's grams that are also in b's.
func containment(a, b *gramSet) float64 {
	if len(a.all) == 0 {
		return 0
	}
	return dice(a.all, b.all) * float64(len(a.all)+len(b.all)) / float64(2*len(a.all))
}
