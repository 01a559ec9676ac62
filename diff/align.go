package diff

import (
	"hash/maphash"
	"slices"
	"sort"

	"github.com/redline-diff/redline/draft"
	"github.com/redline-diff/redline/internal/par"
)

// This file aligns the blocks of two drafts. The method (see doc.go for the
// whole picture):
//
//  1. Blocks whose normalized text is unique in both drafts anchor the
//     alignment; the longest increasing subsequence of those pairs (patience
//     diff) is kept, and each anchor is extended over equal neighbours.
//  2. In each gap between anchors the same is done once more with blocks
//     unique within the gap.
//  3. What is left in a gap is paired by similarity: a dynamic programme
//     over small gaps, pairs found through an index of shared words over
//     large ones.
//  4. Blocks still unpaired in both drafts are matched across the whole
//     document as moves, again through the index, never all pairs.

// side is one draft as the aligner sees it.
type side struct {
	blocks []draft.Block
	ids    []int32    // ids[i] names the normalized text of block i
	grams  []*gramSet // grams[i] is block i's, computed on first use (see gramsOf)
	keys   [][]string // normalized texts by chunk; nil where every text is normal (see key)
}

// aligner holds the state of one alignment.
type aligner struct {
	old, new  side
	threshold float64
	// Block indices are held as int32 (a draft has fewer than 2³¹
	// blocks): on a million paragraphs these arrays are the aligner's bulk.
	oldPair  []int32 // oldPair[i] is the new block paired in order with old block i, or -1
	newPair  []int32
	moved    []int32 // moved[j] is the old block moved to new block j, or -1
	oldMoved []int32 // oldMoved[i] is the new block old block i moved to, or -1
	oldPart  []int32 // oldPart[i] is the first old block of the merge block i is part of, or -1
	newPart  []int32 // newPart[j] is the first new block of the split block j is part of, or -1
	// numIDs is the number of distinct normalized texts; idCounts, made
	// on first use, counts them for uniqueIDs.
	numIDs   int
	idCounts []idCount
}

// dpCells is the largest gap (old blocks × new blocks) paired by dynamic
// programming; larger gaps are paired through the word index.
const dpCells = 1 << 16

// minSketchCells is the least gap (old blocks × new blocks) whose
// similarities are first bounded by sketches (see gramSketch).
const minSketchCells = 64

func newAligner(old, new *draft.Document, threshold float64) *aligner {
	al := &aligner{threshold: threshold}
	seed := maphash.MakeSeed()
	hash := func(k string) uint64 { return maphash.String(seed, k) }
	var oldHashes, newHashes []uint64
	al.old, oldHashes = newSide(old.Blocks, hash)
	al.new, newHashes = newSide(new.Blocks, hash)
	al.numIDs = assignIDs(&al.old, &al.new, oldHashes, newHashes)
	al.oldPair = filled(len(old.Blocks), -1)
	al.newPair = filled(len(new.Blocks), -1)
	al.moved = filled(len(new.Blocks), -1)
	al.oldMoved = filled(len(old.Blocks), -1)
	al.oldPart = filled(len(old.Blocks), -1)
	al.newPart = filled(len(new.Blocks), -1)
	return al
}

// newSide returns the side of blocks without ids yet (see assignIDs), and
// the hash of each block's normalized text. The normal forms and their
// hashes are computed on all cores, a chunk of blocks at a time, each
// into its own slot. Most texts are in normal form already: a chunk keeps
// its normal forms only if one differs from its text.
func newSide(blocks []draft.Block, hash func(string) uint64) (side, []uint64) {
	s := side{blocks: blocks}
	hashes := make([]uint64, len(blocks))
	chunks := (len(blocks) + keyChunk - 1) / keyChunk
	keys := make([][]string, chunks)
	par.For(chunks, func(c int) {
		lo, hi := c*keyChunk, min((c+1)*keyChunk, len(blocks))
		var ks []string
		for i := lo; i < hi; i++ {
			k := alignKey(&blocks[i])
			hashes[i] = hash(k)
			if k != blocks[i].Text && ks == nil {
				ks = make([]string, hi-lo)
				for n := lo; n < i; n++ {
					ks[n-lo] = blocks[n].Text
				}
			}
			if ks != nil {
				ks[i-lo] = k
			}
		}
		keys[c] = ks
	})
	if slices.ContainsFunc(keys, func(ks []string) bool { return ks != nil }) {
		s.keys = keys // else every key is its block's text (see key)
	}
	return s, hashes
}

// assignIDs numbers the distinct normalized texts of both sides, the old
// draft's blocks then the new draft's, in order of first appearance,
// setting each side's ids, and returns how many there are. Which text
// came first decides an id, never a hash value, so ids are the same on
// every run whatever the hashes' seed; equal hashes of different texts
// (the texts are compared) get ids of their own all the same.
//
// The blocks are parted by their hashes' top bits into shards, each of
// which finds the first block with each of its texts on a core of its
// own (equal texts share a shard); one pass in order then numbers the
// blocks that came first. One map of all the texts, filled in order, made
// the one serial step of the alignment's start.
func assignIDs(old, new *side, oldHashes, newHashes []uint64) int {
	nOld := len(oldHashes)
	n := nOld + len(newHashes)
	hashOf := func(i int) uint64 {
		if i < nOld {
			return oldHashes[i]
		}
		return newHashes[i-nOld]
	}
	keyOf := func(i int) string {
		if i < nOld {
			return old.key(i)
		}
		return new.key(i - nOld)
	}
	// order holds the blocks shard by shard, in order within each.
	var starts [idShards + 1]int32
	for i := range n {
		starts[hashOf(i)>>(64-idShardBits)+1]++
	}
	for k := 1; k <= idShards; k++ {
		starts[k] += starts[k-1]
	}
	order := make([]int32, n)
	next := starts
	for i := range n {
		sh := hashOf(i) >> (64 - idShardBits)
		order[next[sh]] = int32(i)
		next[sh]++
	}
	first := make([]int32, n) // first[i]: the first block with block i's text
	par.For(idShards, func(sh int) {
		blocks := order[starts[sh]:starts[sh+1]]
		byHash := make(map[uint64]int32, len(blocks))
		var clash map[string]int32 // texts whose hash another text took first
		for _, i := range blocks {
			h := hashOf(int(i))
			f, ok := byHash[h]
			switch {
			case !ok:
				byHash[h] = i
				f = i
			case keyOf(int(f)) != keyOf(int(i)):
				if clash == nil {
					clash = make(map[string]int32)
				}
				if f, ok = clash[keyOf(int(i))]; !ok {
					clash[keyOf(int(i))] = i
					f = i
				}
			}
			first[i] = f
		}
	})
	ids := make([]int32, n)
	count := int32(0)
	for i, f := range first {
		if f == int32(i) {
			ids[i] = count
			count++
		} else {
			ids[i] = ids[f]
		}
	}
	old.ids, new.ids = ids[:nOld:nOld], ids[nOld:]
	return int(count)
}

// alignKey returns the text of a block as the aligner compares it: its
// normal form (see Normalize), or for a block that keeps its line layout
// (draft.Kind.LineByLine) its text as written, since there white space
// and line breaks are part of the text (an ASCII diagram re-indented has
// changed), and Lines compares it so.
func alignKey(b *draft.Block) string {
	if b.Kind.LineByLine() {
		return b.Text
	}
	return Normalize(b.Text)
}

// kindsComparable reports whether blocks of kinds a and b may be paired as one
// edited block: headings only with headings, and each kind that keeps its
// line layout (code, a table of contents, front matter) only with its own
// kind, so that a code block pairs with code, never with the paragraph
// that describes it; the other kinds (paragraphs, list items, quotes,
// table rows) with each other. Blocks of the same text pair whatever
// their kinds.
func kindsComparable(a, b draft.Kind) bool {
	if a.LineByLine() || b.LineByLine() || a == draft.Heading || b == draft.Heading {
		return a == b
	}
	return true
}

// idShards is the number of shards assignIDs parts the blocks into,
// several per core so that they even out (the ids do not depend on it).
const (
	idShardBits = 5
	idShards    = 1 << idShardBits
)

// keyChunk is the number of blocks whose normal forms are computed, and
// kept or not, together (see newSide).
const keyChunk = 1024

// key returns the normalized text of block i.
func (s *side) key(i int) string {
	if s.keys == nil || s.keys[i/keyChunk] == nil {
		return s.blocks[i].Text
	}
	return s.keys[i/keyChunk][i%keyChunk]
}

func filled(n int, v int32) []int32 {
	s := make([]int32, n)
	for i := range s {
		s[i] = v
	}
	return s
}

// gramsOf returns the grams of block i, computing them on first use. It
// is not safe for concurrent use; warmGrams computes many at once.
func (s *side) gramsOf(i int) *gramSet {
	s.makeGramSlots()
	g := s.grams[i]
	if g == nil {
		g = grams(s.key(i))
		s.grams[i] = g
	}
	return g
}

// makeGramSlots makes the side's slots for grams, one per block, if it has
// none yet.
func (s *side) makeGramSlots() {
	if s.grams == nil {
		s.grams = make([]*gramSet, len(s.blocks))
	}
}

// similarityAtLeast returns how alike old block i and new block j are
// (0–1) when that is at least the threshold, and otherwise a value below
// it (see alike); blocks of kinds that are not comparable (code and a
// paragraph) are never alike, a heading is like a paragraph only when
// nearly the same (see kindChanged), and a block taken by its twin is
// like no other.
func (al *aligner) similarityAtLeast(i, j int) float64 {
	if al.taken(i, j) {
		return 0
	}
	if al.old.ids[i] == al.new.ids[j] {
		return 1
	}
	if ok, nk := al.old.blocks[i].Kind, al.new.blocks[j].Kind; !kindsComparable(ok, nk) {
		if !ok.LineByLine() && !nk.LineByLine() {
			return al.kindChanged(i, j) // a heading and a paragraph
		}
		return 0
	}
	return al.alike(i, j)
}

// align runs the whole alignment.
func (al *aligner) align() {
	al.anchorUnique(0, len(al.old.ids), 0, len(al.new.ids))
	al.forEachGap(0, len(al.old.ids), 0, len(al.new.ids), func(o0, o1, n0, n1 int) {
		al.anchorUnique(o0, o1, n0, n1)
	})
	al.forEachGap(0, len(al.old.ids), 0, len(al.new.ids), func(o0, o1, n0, n1 int) {
		if (o1-o0)*(n1-n0) > dpCells {
			al.anchorRuns(o0, o1, n0, n1)
		}
	})
	al.forEachGap(0, len(al.old.ids), 0, len(al.new.ids), func(o0, o1, n0, n1 int) {
		if (o1-o0)*(n1-n0) > dpCells {
			al.anchorMyers(o0, o1, n0, n1)
		}
	})
	al.pairTwins()
	al.forEachGap(0, len(al.old.ids), 0, len(al.new.ids), al.pairPlainlyEdited)
	al.warmGrams()
	al.pairGaps()
	al.findSplitsAndMerges()
	al.moveCopies()
	al.reorder()
	al.settleInPlace()
	al.moveLabelTwins()
	al.findMoves()
	al.reorder()
	al.reassignCopies()
	al.findSplitsAndMergesAgain()
}

// pair records old block i and new block j as aligned in order.
func (al *aligner) pair(i, j int) {
	al.oldPair[i], al.newPair[j] = int32(j), int32(i)
}

// anchorUnique pairs blocks whose text occurs once in old[o0:o1] and once
// in new[n0:n1], keeping the longest run in the same order, then extends
// each pair over identical neighbours.
func (al *aligner) anchorUnique(o0, o1, n0, n1 int) {
	al.matchEnds(&o0, &o1, &n0, &n1)
	if o0 >= o1 || n0 >= n1 {
		return
	}
	al.anchorOnRuns(o0, o1, n0, n1, 1)
}

// anchorOnRuns pairs the runs of k blocks that uniqueRuns finds in
// old[o0:o1] and new[n0:n1], then extends the pairs over identical
// neighbours.
func (al *aligner) anchorOnRuns(o0, o1, n0, n1, k int) {
	same := func(i, j int) bool {
		return slices.Equal(al.old.ids[o0+i:o0+i+k], al.new.ids[n0+j:n0+j+k])
	}
	var runs [][2]int
	if k == 1 {
		runs = al.uniqueIDs(al.old.ids[o0:o1], al.new.ids[n0:n1])
	} else {
		runs = uniqueHashedRuns(idRunHashes(al.old.ids[o0:o1], k), idRunHashes(al.new.ids[n0:n1], k), k, same)
	}
	for _, p := range runs {
		for m := range k {
			al.pair(o0+p[0]+m, n0+p[1]+m)
		}
	}
	al.extendAnchors(o0, o1, n0, n1)
}

// idCount counts the blocks with one text id in two ranges of blocks, up
// to two (more is as good as two: not unique), and holds where in the
// first range the last of them stands.
type idCount struct {
	at   int32
	a, b uint8
}

// uniqueIDs is uniqueRuns for runs of one block, by the blocks' text ids:
// the positions (i, j) of the ids that occur once in a and once in b, in
// the longest chain in the same order in both. The ids are dense, so they
// are counted in an array indexed by id rather than in a hash map; only
// the entries a and b touch are cleared after, so that a small gap costs
// no more than its size.
func (al *aligner) uniqueIDs(a, b []int32) [][2]int {
	if al.idCounts == nil {
		al.idCounts = make([]idCount, al.numIDs)
	}
	counts := al.idCounts
	for i, id := range a {
		c := &counts[id]
		c.a = min(c.a+1, 2)
		c.at = int32(i)
	}
	for _, id := range b {
		c := &counts[id]
		c.b = min(c.b+1, 2)
	}
	var cands [][2]int
	for j, id := range b {
		if c := counts[id]; c.a == 1 && c.b == 1 {
			cands = append(cands, [2]int{int(c.at), j})
		}
	}
	for _, id := range a {
		counts[id] = idCount{}
	}
	for _, id := range b {
		counts[id] = idCount{}
	}
	return longestIncreasing(cands)
}

// idHashes returns the blocks' text ids as hashes for uniqueRuns.
func idHashes(ids []int32) []uint64 {
	h := make([]uint64, len(ids))
	for k, id := range ids {
		h[k] = uint64(id) + 1
	}
	return h
}

// blockRun is the number of consecutive blocks whose texts together anchor
// a large gap in which no single block's text is unique (a draft of
// repeated one-word or boilerplate paragraphs).
const blockRun = 4

// anchorRuns pairs, in a large gap, runs of blockRun consecutive blocks
// whose sequence of texts occurs once in old[o0:o1] and once in
// new[n0:n1], keeping the longest chain of them in the same order, then
// extends the pairs over identical neighbours.
func (al *aligner) anchorRuns(o0, o1, n0, n1 int) {
	al.anchorOnRuns(o0, o1, n0, n1, blockRun)
}

// uniqueRuns returns the start positions (i, j) of runs of k elements that
// occur exactly once in a and once in b, given the elements' hashes, in the
// longest chain in the same order in both, without overlaps (patience diff
// over runs). same(i, j) confirms that the runs at i and j are equal, for
// hashes collide.
func uniqueRuns(a, b []uint64, k int, same func(i, j int) bool) [][2]int {
	if k == 1 {
		return uniqueHashedRuns(a, b, k, same) // a run of one is its element
	}
	return uniqueHashedRuns(runHashes(a, k), runHashes(b, k), k, same)
}

// uniqueHashedRuns is uniqueRuns given the hashes of the runs themselves
// (ha[i] of the run at i).
func uniqueHashedRuns(ha, hb []uint64, k int, same func(i, j int) bool) [][2]int {
	// Counts stop at 2 (more is as good as two: not unique), and sit in
	// the map by value, 8 bytes each: on a million blocks the map is the
	// largest thing the aligner makes.
	counts := make(map[uint64]idCount, len(ha))
	for i, h := range ha {
		c := counts[h]
		c.a = min(c.a+1, 2)
		c.at = int32(i)
		counts[h] = c
	}
	for _, h := range hb {
		if c, ok := counts[h]; ok && c.b < 2 {
			c.b++
			counts[h] = c
		}
	}
	var cands [][2]int
	for j, h := range hb {
		if c := counts[h]; c.a == 1 && c.b == 1 && same(int(c.at), j) {
			cands = append(cands, [2]int{int(c.at), j})
		}
	}
	var out [][2]int
	for _, p := range longestIncreasing(cands) {
		if n := len(out); n == 0 || p[0] >= out[n-1][0]+k && p[1] >= out[n-1][1]+k {
			out = append(out, p)
		}
	}
	return out
}

// runHashes returns a hash of every run of k consecutive elements.
func runHashes(hs []uint64, k int) []uint64 {
	return hashRuns(hs, k, func(h uint64) uint64 { return h })
}

// idRunHashes returns runHashes(idHashes(ids), k) without making the
// list of idHashes.
func idRunHashes(ids []int32, k int) []uint64 {
	return hashRuns(ids, k, func(id int32) uint64 { return uint64(id) + 1 })
}

// hashRuns returns a hash of every run of k consecutive elements, each
// element hashed by hash.
func hashRuns[T any](xs []T, k int, hash func(T) uint64) []uint64 {
	if len(xs) < k {
		return nil
	}
	out := make([]uint64, len(xs)-k+1)
	for i := range out {
		var h uint64
		for _, x := range xs[i : i+k] {
			h = pairHash(h, hash(x))
		}
		out[i] = h
	}
	return out
}

// matchEnds pairs identical blocks at the start and end of a gap and
// narrows the gap past them.
func (al *aligner) matchEnds(o0, o1, n0, n1 *int) {
	for *o0 < *o1 && *n0 < *n1 && al.old.ids[*o0] == al.new.ids[*n0] {
		al.pair(*o0, *n0)
		*o0, *n0 = *o0+1, *n0+1
	}
	for *o0 < *o1 && *n0 < *n1 && al.old.ids[*o1-1] == al.new.ids[*n1-1] {
		al.pair(*o1-1, *n1-1)
		*o1, *n1 = *o1-1, *n1-1
	}
}

// extendAnchors grows every paired run over identical unpaired neighbours,
// forwards and backwards, within old[o0:o1] and new[n0:n1].
func (al *aligner) extendAnchors(o0, o1, n0, n1 int) {
	for i := o0; i < o1; i++ {
		j := int(al.oldPair[i])
		if j < 0 {
			continue
		}
		for i+1 < o1 && j+1 < n1 && al.oldPair[i+1] < 0 && al.newPair[j+1] < 0 &&
			al.old.ids[i+1] == al.new.ids[j+1] {
			i, j = i+1, j+1
			al.pair(i, j)
		}
	}
	for i := o1 - 1; i >= o0; i-- {
		j := int(al.oldPair[i])
		if j < 0 {
			continue
		}
		for i-1 >= o0 && j-1 >= n0 && al.oldPair[i-1] < 0 && al.newPair[j-1] < 0 &&
			al.old.ids[i-1] == al.new.ids[j-1] {
			i, j = i-1, j-1
			al.pair(i, j)
		}
	}
}

// forEachGap calls f for each maximal run of unpaired blocks between
// paired groups (a pair, or a split or merge): old[o0:o1] against
// new[n0:n1], both sides non-empty. Pairs must lie within the ranges.
func (al *aligner) forEachGap(o0, o1, n0, n1 int, f func(o0, o1, n0, n1 int)) {
	i, j := o0, n0
	for {
		ni := i
		for ni < o1 && al.oldPair[ni] < 0 {
			ni++
		}
		nj := n1
		if ni < o1 {
			nj = int(al.oldPair[ni])
		}
		if ni > i && nj > j {
			f(i, ni, j, nj)
		}
		if ni >= o1 {
			return
		}
		i, j = al.oldGroupEnd(ni), al.newGroupEnd(nj)
	}
}

// oldGroupEnd returns the old block after the group headed by old block i.
func (al *aligner) oldGroupEnd(i int) int {
	k := i + 1
	for k < len(al.oldPart) && int(al.oldPart[k]) == i {
		k++
	}
	return k
}

// newGroupEnd returns the new block after the group headed by new block j.
func (al *aligner) newGroupEnd(j int) int {
	k := j + 1
	for k < len(al.newPart) && int(al.newPart[k]) == j {
		k++
	}
	return k
}

// pairPlainlyEdited pairs, without computing grams, the paragraphs
// plainly edited in place at either end of a gap: the common case.
func (al *aligner) pairPlainlyEdited(o0, o1, n0, n1 int) {
	for o0 < o1 && n0 < n1 && al.plainlyEdited(o0, n0) {
		al.pair(o0, n0)
		o0, n0 = o0+1, n0+1
	}
	for o0 < o1 && n0 < n1 && al.plainlyEdited(o1-1, n1-1) {
		al.pair(o1-1, n1-1)
		o1, n1 = o1-1, n1-1
	}
}

// warmGrams computes, on all cores, the grams of every block still
// free (unpaired, not moved to a twin), which pairGap and the search for moves, splits and merges
// weigh.
func (al *aligner) warmGrams() {
	var jobs []gramJob
	for i := range al.oldPair {
		if al.oldFree(i) {
			jobs = append(jobs, gramJob{s: &al.old, i: i})
		}
	}
	for j := range al.newPair {
		if al.newFree(j) {
			jobs = append(jobs, gramJob{s: &al.new, i: j})
		}
	}
	al.computeGrams(jobs)
}

// gramJob is a block whose grams are to be computed: block i of side s.
type gramJob struct {
	s *side
	i int
	g *gramSet
}

// computeGrams computes the grams of the jobs' blocks that have none yet,
// on all cores. Each block's grams land in its own slot, then are kept in
// order, so that the result does not depend on scheduling.
func (al *aligner) computeGrams(jobs []gramJob) {
	al.old.makeGramSlots()
	al.new.makeGramSlots()
	jobs = slices.DeleteFunc(jobs, func(jb gramJob) bool { return jb.s.grams[jb.i] != nil })
	par.For(len(jobs), func(k int) { jobs[k].g = grams(jobs[k].s.key(jobs[k].i)) })
	for _, jb := range jobs {
		if jb.s.grams[jb.i] != nil {
			continue // the same block twice among the jobs
		}
		jb.s.grams[jb.i] = jb.g
	}
}

// pairGaps pairs the unpaired blocks of every gap by similarity (see
// pairGap). Gaps are independent of each other: each pairs blocks of its
// own alone. The small ones, most of them, are paired on all cores, once
// every block in them has its grams, so that the workers only read grams.
func (al *aligner) pairGaps() {
	var small [][4]int
	var jobs []gramJob
	al.forEachGap(0, len(al.old.ids), 0, len(al.new.ids), func(o0, o1, n0, n1 int) {
		if (o1-o0)*(n1-n0) > dpCells {
			al.pairGap(o0, o1, n0, n1)
			return
		}
		small = append(small, [4]int{o0, o1, n0, n1})
		for i := o0; i < o1; i++ {
			if al.oldFree(i) {
				jobs = append(jobs, gramJob{s: &al.old, i: i})
			}
		}
		for j := n0; j < n1; j++ {
			if al.newFree(j) {
				jobs = append(jobs, gramJob{s: &al.new, i: j})
			}
		}
	})
	al.computeGrams(jobs)
	par.For(len(small), func(k int) {
		g := small[k]
		al.pairByDP(g[0], g[1], g[2], g[3])
	})
}

// pairGap pairs the unpaired blocks of one gap by similarity.
func (al *aligner) pairGap(o0, o1, n0, n1 int) {
	// Paragraphs plainly edited at the ends are paired already.
	if o0 == o1 || n0 == n1 {
		return
	}
	if (o1-o0)*(n1-n0) <= dpCells {
		al.pairByDP(o0, o1, n0, n1)
		return
	}
	var cands [][2]int
	for _, m := range al.bestMatches(freeIn(o0, o1, al.oldFree), freeIn(n0, n1, al.newFree)) {
		cands = append(cands, [2]int{m.old, m.new})
	}
	slices.SortFunc(cands, func(a, b [2]int) int { return a[1] - b[1] })
	for _, p := range longestIncreasing(cands) {
		al.pair(p[0], p[1])
	}
	al.forEachGap(o0, o1, n0, n1, func(o0, o1, n0, n1 int) {
		if (o1-o0)*(n1-n0) <= dpCells {
			al.pairByDP(o0, o1, n0, n1)
		}
	})
}

// plainlyEdited reports whether old block i and new block j share so much
// of their normalized texts at the start and end (four fifths of the
// longer) that they are the same paragraph edited whatever the similarity
// measure says: the changed middle is then at most a fifth of the text,
// and the Dice coefficient of their grams stays far above any sensible
// threshold. Only a shortcut: anything less is weighed by similarity.
func (al *aligner) plainlyEdited(i, j int) bool {
	if al.threshold > 0.6 || al.taken(i, j) || !kindsComparable(al.old.blocks[i].Kind, al.new.blocks[j].Kind) {
		return false
	}
	a, b := al.old.key(i), al.new.key(j)
	p := commonPrefixLen(a, b)
	s := commonSuffixLen(a[p:], b[p:])
	return 5*(p+s) >= 4*max(len(a), len(b)) && len(a) >= 40
}

// similarities returns the similarity of every old block of o0:o1 with
// every new block of n0:n1, row by row, computed on all cores when there
// are many: the grams are made first, so that the workers only read them.
func (al *aligner) similarities(o0, o1, n0, n1 int) []float64 {
	p, q := o1-o0, n1-n0
	sim := make([]float64, p*q)
	// Blocks taken already (twins moved) are like no other: they get no
	// grams here, no sketch, and their cells stay 0.
	for i := o0; i < o1; i++ {
		if al.oldFree(i) {
			al.old.gramsOf(i)
		}
	}
	for j := n0; j < n1; j++ {
		if al.newFree(j) {
			al.new.gramsOf(j)
		}
	}
	row := func(i int) {
		for j := range q {
			sim[i*q+j] = al.similarityAtLeast(o0+i, n0+j)
		}
	}
	if p*q >= minSketchCells {
		// Most pairs of a gap are far apart: their sketches tell so
		// in a few operations, leaving only the rest to be counted.
		oldSk := make([]gramSketch, p)
		newSk := make([]gramSketch, q)
		par.For(p+q, func(k int) {
			if k < p && al.old.grams[o0+k] != nil {
				oldSk[k].fill(al.old.grams[o0+k])
			} else if k >= p && al.new.grams[n0+k-p] != nil {
				newSk[k-p].fill(al.new.grams[n0+k-p])
			}
		})
		row = func(i int) {
			a := al.old.grams[o0+i]
			if !al.oldFree(o0 + i) {
				return
			}
			for j := range q {
				if !al.newFree(n0 + j) {
					continue
				}
				if b := al.new.grams[n0+j]; al.old.ids[o0+i] != al.new.ids[n0+j] &&
					!mayBeAlike(a, b, &oldSk[i], &newSk[j], al.threshold) {
					continue // below the threshold, as similarityAtLeast would find
				}
				sim[i*q+j] = al.similarityAtLeast(o0+i, n0+j)
			}
		}
	}
	if p*q < 1024 {
		for i := range p {
			row(i)
		}
		return sim
	}
	par.For(p, row)
	return sim
}

// freeIn returns the blocks of k0:k1 that free says are free.
func freeIn(k0, k1 int, free func(int) bool) []int {
	var r []int
	for k := k0; k < k1; k++ {
		if free(k) {
			r = append(r, k)
		}
	}
	return r
}

func rangeOf(i, j int) []int {
	r := make([]int, 0, j-i)
	for ; i < j; i++ {
		r = append(r, i)
	}
	return r
}

// pairByDP pairs old[o0:o1] with new[n0:n1] in order so that the sum of
// the similarities of the pairs is greatest, pairing only blocks at least
// threshold alike (Needleman–Wunsch with zero gap cost).
func (al *aligner) pairByDP(o0, o1, n0, n1 int) {
	p, q := o1-o0, n1-n0
	sim := al.similarities(o0, o1, n0, n1)
	score := make([]float64, (p+1)*(q+1))
	at := func(i, j int) *float64 { return &score[i*(q+1)+j] }
	for i := p - 1; i >= 0; i-- {
		for j := q - 1; j >= 0; j-- {
			best := max(*at(i+1, j), *at(i, j+1))
			if s := sim[i*q+j]; s >= al.threshold {
				best = max(best, s+*at(i+1, j+1))
			}
			*at(i, j) = best
		}
	}
	for i, j := 0, 0; i < p && j < q; {
		s := sim[i*q+j]
		switch {
		case s >= al.threshold && *at(i, j) == s+*at(i+1, j+1):
			al.pair(o0+i, n0+j)
			i, j = i+1, j+1
		case *at(i, j) == *at(i+1, j):
			i++
		default:
			j++
		}
	}
}

// longestIncreasing returns the longest subsequence of pairs, given in
// increasing order of their second element, whose first elements also
// increase (patience sorting, O(n log n)).
func longestIncreasing(pairs [][2]int) [][2]int {
	var tails []int // tails[k]: index into pairs ending the best run of length k+1
	prev := make([]int, len(pairs))
	for k, p := range pairs {
		n := sort.Search(len(tails), func(t int) bool { return pairs[tails[t]][0] >= p[0] })
		prev[k] = -1
		if n > 0 {
			prev[k] = tails[n-1]
		}
		if n == len(tails) {
			tails = append(tails, k)
		} else {
			tails[n] = k
		}
	}
	out := make([][2]int, len(tails))
	for k, t := len(tails)-1, -1; k >= 0; k-- {
		if t < 0 {
			t = tails[len(tails)-1]
		}
		out[k] = pairs[t]
		t = prev[t]
	}
	return out
}
