package diff

import (
	"fmt"
	"runtime"
	"sync"

	"github.com/redline-diff/redline/draft"
)

// History is a negotiation's series of drafts (zero draft, Rev.1, …,
// final) compared pair by pair, with the lineage of every block.
//
// NewHistory compares each draft with the next one, once; phrase tracking
// (Trace), blame (Blame), lineage (Lineage) and the change volumes
// (Sections) all read those comparisons, so nothing is compared twice.
//
// # Identities
//
// Every block of every draft has an identity (Identity), a number from 0
// to NumThreads()-1 that Thread describes. A block that is equal, changed or moved in the next draft
// keeps its identity there, whatever its new number or place. A block
// inserted by a revision starts a new identity, and so does each piece of
// a split and the block a merge makes: they are new paragraphs, each with
// the identities it came from as its sources (Thread.From). A paragraph's
// Lineage walks back through its own identity and then, past a split or
// merge, through its first source, to the draft where it first stood.
type History struct {
	// Drafts are the drafts in the order they were issued.
	Drafts []*draft.Document
	// Names name the drafts for people ("zero draft", "Rev.1"). NewHistory
	// sets them to the documents' names; callers may replace them.
	Names []string

	opt Options
	// revisions[k] compares Drafts[k] with Drafts[k+1], held compactly:
	// Revision makes the Result on request. A History of large drafts
	// thus holds one comparison whole at a time, not all.
	revisions []*compactResult
	// threads are the identities, in order of first appearance (draft by
	// draft, block by block), held compactly (see Thread for the whole
	// view): a draft of a million one-word paragraphs starts a million.
	threads []thread
	from    map[int32][]int // the sources of the threads that have some
	// identity[k][i]: the thread of block i of draft k
	identity [][]int32
	// stepOfNew[k][j]: the step of revision k that holds block j of
	// draft k+1.
	stepOfNew [][]int32

	blameOnce sync.Once
	blame     [][]BlameSpan

	mu    sync.Mutex
	pairs map[[2]int]*compactResult // comparisons of drafts further apart
	// last is the Result made last by Revision or Compare, for drafts
	// lastPair, kept for the next request of the same pair.
	last     *Result
	lastPair [2]int
}

// thread is an identity as History holds it: its first and last draft,
// its blocks there (the blocks between are found through the revisions'
// steps), and its origin. 20 bytes, where a Thread takes 80 and a slice.
type thread struct {
	first, last           int32
	firstBlock, lastBlock int32
	origin                Op
}

// Thread is one identity: a paragraph (or heading, or sub-paragraph)
// followed through the drafts.
type Thread struct {
	// Blocks[k] is the index of its block in draft k, or -1 where it is
	// absent. It stands in the drafts First to Last, without a gap.
	Blocks      []int
	First, Last int
	// Origin is how it began: Equal when it stands in the first draft,
	// otherwise the op of the step of Revisions[First-1] that made it:
	// Inserted, Split (a piece of a split) or Merged.
	Origin Op
	// From are the threads it was split or merged from, in order.
	From []int
}

// NewHistory compares each draft with the next (on all cores; the result
// does not depend on their number) and follows every block through the
// series. It needs at least two drafts.
func NewHistory(drafts []*draft.Document, opt Options) (*History, error) {
	if len(drafts) < 2 {
		return nil, fmt.Errorf("a history needs at least two drafts, got %d", len(drafts))
	}
	h := &History{Drafts: drafts, opt: opt, Names: make([]string, len(drafts))}
	for k, d := range drafts {
		h.Names[k] = d.Name
	}
	var err error
	if h.revisions, err = compareConsecutive(drafts, opt); err != nil {
		return nil, err
	}
	h.indexSteps()
	h.followThreads()
	return h, nil
}

// NumRevisions returns the number of revisions: one less than the drafts.
func (h *History) NumRevisions() int { return len(h.revisions) }

// Revision returns revision k, the comparison of Drafts[k] with
// Drafts[k+1] (0 ≤ k < NumRevisions). It is made on request from what
// the History keeps, without comparing again; the same pair asked for
// twice in a row gives the same Result. Callers that go through the
// revisions of large drafts should hold one at a time.
func (h *History) Revision(k int) *Result {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.expand([2]int{k, k + 1}, h.revisions[k])
}

// revisionOnce returns revision k for a caller that goes through the
// revisions once: made again unless it is the one kept, and not kept.
func (h *History) revisionOnce(k int) *Result {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.last != nil && h.lastPair == [2]int{k, k + 1} {
		return h.last
	}
	return h.revisions[k].expand()
}

// expand returns the Result of drafts pair that c holds, made again
// unless it was the last one made; the caller holds h.mu.
func (h *History) expand(pair [2]int, c *compactResult) *Result {
	if h.last != nil && h.lastPair == pair {
		return h.last
	}
	h.last, h.lastPair = c.expand(), pair
	return h.last
}

// NumThreads returns the number of identities.
func (h *History) NumThreads() int { return len(h.threads) }

// Thread returns identity t (0 ≤ t < NumThreads), made on request.
func (h *History) Thread(t int) Thread {
	th := h.threads[t]
	blocks := make([]int, len(h.Drafts))
	for k := range blocks {
		blocks[k] = -1
	}
	first, last := int(th.first), int(th.last)
	i := int(th.lastBlock)
	for k := last; k >= first; k-- {
		blocks[k] = i
		if k > first {
			i = h.oldBlock(k, i)
		}
	}
	return Thread{Blocks: blocks, First: first, Last: last, Origin: th.origin, From: h.from[int32(t)]}
}

// oldBlock returns the block of draft k-1 that block i of draft k was:
// the old block of the step that holds it, which must be equal, changed
// or moved.
func (h *History) oldBlock(k, i int) int {
	return h.revisions[k-1].stepAt(int(h.stepOfNew[k-1][i])).Old.First()
}

// compareConsecutive compares each draft with the next, a few pairs at a
// time; each result lands at its pair's index, in its compact form.
func compareConsecutive(drafts []*draft.Document, opt Options) ([]*compactResult, error) {
	n := len(drafts) - 1
	results, errs := make([]*compactResult, n), make([]error, n)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(n, max(1, runtime.GOMAXPROCS(0)/2)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range jobs {
				r, err := Compare(drafts[k], drafts[k+1], opt)
				if err == nil {
					results[k] = compact(r)
				}
				errs[k] = err
			}
		}()
	}
	for k := range n {
		jobs <- k
	}
	close(jobs)
	wg.Wait()
	for k, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("%s, %s: %w", drafts[k].Name, drafts[k+1].Name, err)
		}
	}
	return results, nil
}

// followThreads gives every block of every draft its identity: the first
// draft's blocks each a new one, then revision by revision.
func (h *History) followThreads() {
	n := len(h.Drafts[0].Blocks)
	for _, c := range h.revisions {
		for _, seg := range c.segs {
			if seg.op == Inserted || seg.op == Split || seg.op == Merged {
				n += seg.new.Len()
			}
		}
	}
	h.threads = make([]thread, 0, n)
	h.identity = make([][]int32, len(h.Drafts))
	h.identity[0] = make([]int32, len(h.Drafts[0].Blocks))
	for i := range h.identity[0] {
		h.identity[0][i] = h.newThread(0, i, Equal, nil)
	}
	for k, c := range h.revisions {
		next := make([]int32, len(c.new.Blocks))
		h.identity[k+1] = next
		c.each(func(_ int, st Step) { h.followStep(k, st, next) })
	}
}

// followStep carries the identities of one step of revision k into draft
// k+1, whose identities it sets in next.
func (h *History) followStep(k int, st Step, next []int32) {
	switch st.Op {
	case Deleted:
		return
	case Equal, Changed, Moved:
		t := h.identity[k][st.Old.First()]
		h.threads[t].last, h.threads[t].lastBlock = int32(k+1), int32(st.New.First())
		next[st.New.First()] = t
		return
	}
	var from []int
	for _, i := range st.Old.All() {
		from = append(from, int(h.identity[k][i]))
	}
	for _, j := range st.New.All() {
		next[j] = h.newThread(k+1, j, st.Op, from)
	}
}

// newThread starts an identity at block i of draft k.
func (h *History) newThread(k, i int, origin Op, from []int) int32 {
	t := int32(len(h.threads))
	h.threads = append(h.threads, thread{first: int32(k), last: int32(k), firstBlock: int32(i), lastBlock: int32(i), origin: origin})
	if len(from) > 0 {
		if h.from == nil {
			h.from = make(map[int32][]int)
		}
		h.from[t] = from
	}
	return t
}

// Identity returns the thread (see Thread) of block i of
// draft k.
func (h *History) Identity(k, i int) int {
	return int(h.identity[k][i])
}

// Last returns the index of the last draft.
func (h *History) Last() int {
	return len(h.Drafts) - 1
}

// Appearance is a paragraph's block in one draft.
type Appearance struct {
	Draft, Block int
	// Op is what the revision into this draft did: the op of the step of
	// Revisions[Draft-1] that holds the block (Equal in the first draft).
	// Moved is set when the block left its place (Step.Moved).
	Op    Op
	Moved bool
	// Step is the index of that step in Revisions[Draft-1].Steps, or -1 in
	// the first draft.
	Step int
}

// Lineage is the history of one block of the last draft.
type Lineage struct {
	// Path holds the blocks it was, from the last draft back to the
	// first draft in which it, or the paragraph it was split or merged
	// from (the first source of a merge), stood.
	Path []Appearance
	// Added is the draft whose revision inserted the paragraph at the
	// start of Path, or -1 when Path reaches back to the first draft.
	Added int
}

// Lineage returns the lineage of block i of the last draft.
func (h *History) Lineage(i int) Lineage {
	l := Lineage{Added: -1}
	k, t := h.Last(), h.identity[h.Last()][i]
	for {
		th := &h.threads[t]
		// The thread's block in draft k, back to its first draft: the
		// old block of the step that holds its block in draft k+1.
		for ; k >= int(th.first); k-- {
			l.Path = append(l.Path, h.appearance(k, i))
			if k > int(th.first) {
				i = h.oldBlock(k, i)
			}
		}
		from := h.from[t]
		switch {
		case th.origin == Inserted:
			l.Added = int(th.first)
			return l
		case len(from) == 0:
			return l
		}
		t = int32(from[0])
		i = int(h.threads[t].lastBlock)
	}
}

// appearance returns the Appearance of block i of draft k.
func (h *History) appearance(k, i int) Appearance {
	if k == 0 {
		return Appearance{Draft: 0, Block: i, Op: Equal, Step: -1}
	}
	s := int(h.stepOfNew[k-1][i])
	st := h.revisions[k-1].stepAt(s)
	return Appearance{Draft: k, Block: i, Op: st.Op, Moved: st.Moved || st.Op == Moved, Step: s}
}

// indexSteps finds, for each block of each draft but the first, the step
// of the revision into it that holds it.
func (h *History) indexSteps() {
	h.stepOfNew = make([][]int32, len(h.revisions))
	for k, c := range h.revisions {
		of := make([]int32, len(c.new.Blocks))
		c.each(func(s int, st Step) {
			for _, j := range st.New.All() {
				of[j] = int32(s)
			}
		})
		h.stepOfNew[k] = of
	}
}

// Differs reports whether any draft differs from the next one (see
// Result.Differs).
func (h *History) Differs(ignoreNumbering bool) bool {
	for k := range h.revisions {
		if h.revisionOnce(k).Differs(ignoreNumbering) {
			return true
		}
	}
	return false
}

// Compare returns the comparison of draft i with a later draft j:
// Revision(i) for consecutive drafts, otherwise a comparison made on
// first request and kept (compactly, as the revisions are: see Revision).
func (h *History) Compare(i, j int) (*Result, error) {
	if i < 0 || j >= len(h.Drafts) || i >= j {
		return nil, fmt.Errorf("no drafts %d and %d to compare in a history of %d", i, j, len(h.Drafts))
	}
	if j == i+1 {
		return h.Revision(i), nil
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if c := h.pairs[[2]int{i, j}]; c != nil {
		return h.expand([2]int{i, j}, c), nil
	}
	h.last = nil // not held while the drafts are compared
	r, err := Compare(h.Drafts[i], h.Drafts[j], h.opt)
	if err != nil {
		return nil, fmt.Errorf("%s, %s: %w", h.Drafts[i].Name, h.Drafts[j].Name, err)
	}
	if h.pairs == nil {
		h.pairs = make(map[[2]int]*compactResult)
	}
	h.pairs[[2]int{i, j}] = compact(r)
	h.last, h.lastPair = r, [2]int{i, j}
	return r, nil
}
