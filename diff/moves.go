package diff

import (
	"cmp"
	"slices"
	"sync"

	"github.com/redline-diff/redline/internal/par"
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
		if i < 0 && al.newPart[j] < 0 && al.moved[j] < 0 {
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
	index := al.newGramIndex(news)
	exact := make(map[int32][]int, len(news))
	for _, j := range news {
		exact[al.new.ids[j]] = append(exact[al.new.ids[j]], j)
	}
	for _, i := range olds {
		al.old.gramsOf(i) // made now, so that the workers below only read grams
	}
	// Each old block's candidates are found on all cores, into its own
	// slot, then gathered in order: the result does not depend on
	// scheduling.
	found := make([][]match, len(olds))
	const chunk = 64
	par.For((len(olds)+chunk-1)/chunk, func(c int) {
		counts := getCounter(len(al.new.blocks))
		defer counters.Put(counts)
		for k := c * chunk; k < min((c+1)*chunk, len(olds)); k++ {
			i := olds[k]
			counts.reset()
			for _, g := range al.old.gramsOf(i).all {
				if post := index.blocks(g); len(post) <= maxPosting {
					for _, j := range post {
						counts.add(int(j), 1)
					}
				}
			}
			for _, j := range exact[al.old.ids[i]][:min(len(exact[al.old.ids[i]]), maxPosting)] {
				counts.add(j, 1<<20)
			}
			for _, j := range topCandidates(counts) {
				if s := al.similarityAtLeast(i, j); s >= al.threshold {
					found[k] = append(found[k], match{i, j, s})
				}
			}
		}
	})
	var cands []match
	for _, f := range found {
		cands = append(cands, f...)
	}
	return assignGreedy(cands)
}

// gramIndex holds, for each gram of some new blocks, the blocks that have
// it, in order: one list of blocks, gram after gram, rather than a slice
// per gram (as many allocations as grams).
type gramIndex struct {
	slot   map[uint64]int32 // the gram's place in starts
	starts []int32          // gram k's blocks are list[starts[k]:starts[k+1]]
	list   []int32
}

// newGramIndex indexes the grams of new blocks news.
func (al *aligner) newGramIndex(news []int) *gramIndex {
	grams := 0
	for _, j := range news {
		grams += len(al.new.gramsOf(j).all)
	}
	// The map is made at its size at most, not grown.
	x := &gramIndex{slot: make(map[uint64]int32, grams)}
	slots := make([]int32, 0, grams) // each gram's slot, block after block
	var counts []int32
	for _, j := range news {
		for _, g := range al.new.gramsOf(j).all {
			k, ok := x.slot[g]
			if !ok {
				k = int32(len(counts))
				x.slot[g] = k
				counts = append(counts, 0)
			}
			counts[k]++
			slots = append(slots, k)
		}
	}
	x.starts = make([]int32, len(counts)+1)
	for k, n := range counts {
		x.starts[k+1] = x.starts[k] + n
	}
	x.list = make([]int32, grams)
	next := counts // reused: where gram k's next block goes, less its start
	clear(next)
	at := 0
	for _, j := range news {
		for range al.new.gramsOf(j).all {
			k := slots[at]
			x.list[x.starts[k]+next[k]] = int32(j)
			next[k]++
			at++
		}
	}
	return x
}

// blocks returns the blocks that have gram g, in order.
func (x *gramIndex) blocks(g uint64) []int32 {
	k, ok := x.slot[g]
	if !ok {
		return nil
	}
	return x.list[x.starts[k]:x.starts[k+1]]
}

// counter counts, for one old block, the grams each new block shares
// with it: counts by block in an array, and the blocks counted in a list,
// so that clearing it costs only those.
type counter struct {
	n       []int32
	touched []int
}

// counters keeps counters for the next search.
var counters sync.Pool

// getCounter returns a cleared counter for n blocks.
func getCounter(n int) *counter {
	c, _ := counters.Get().(*counter)
	if c == nil || len(c.n) < n {
		return &counter{n: make([]int32, n)}
	}
	c.reset()
	return c
}

// add adds k ≥ 1 to block j's count.
func (c *counter) add(j, k int) {
	if c.n[j] == 0 {
		c.touched = append(c.touched, j)
	}
	c.n[j] += int32(k)
}

func (c *counter) reset() {
	for _, j := range c.touched {
		c.n[j] = 0
	}
	c.touched = c.touched[:0]
}

// topCandidates returns the maxCandidates blocks with the highest counts,
// ties broken by block index.
func topCandidates(counts *counter) []int {
	// The best maxCandidates are kept in order as the counts go by, an
	// insertion each: cheaper than sorting hundreds of counts for eight.
	type cand struct{ j, n int }
	better := func(a, b cand) bool { return a.n > b.n || a.n == b.n && a.j < b.j }
	top := make([]cand, 0, maxCandidates)
	for _, j := range counts.touched {
		c := cand{j, int(counts.n[j])}
		if len(top) == maxCandidates && !better(c, top[len(top)-1]) {
			continue
		}
		k := len(top)
		if k < maxCandidates {
			top = append(top, c)
		} else {
			k--
		}
		for ; k > 0 && better(c, top[k-1]); k-- {
			top[k] = top[k-1]
		}
		top[k] = c
	}
	js := make([]int, len(top))
	for k, c := range top {
		js[k] = c.j
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
