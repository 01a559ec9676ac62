package diff

import (
	"sort"

	"github.com/redline-diff/redline/draft"
)

// compactResult is a Result as a History keeps it between uses: its steps
// as segments, a run of plain equal steps held as one, and only the spans
// of the word-diffed steps, the others' spans being made again from the
// blocks' texts (see trivialSpans). On three drafts of 900,000 one-word
// paragraphs, the two revisions' steps and spans took 124 and 60 MB and
// their compact forms a few; a Result is made from it on request
// (expand), one at a time.
type compactResult struct {
	old, new *draft.Document
	segs     []segment
	spans    [][]Span // the spans of the word-diffed steps, in order
	steps    int      // the number of steps
}

// segment is a run of steps: run plain equal steps (one block each side,
// the same text, the same formatting, in place), their blocks consecutive
// from old.start and new.start; or, with run 0, one step of any kind.
type segment struct {
	step       int32 // the index of its first step
	run        int32
	old, new   Blocks
	op         Op
	moved      bool
	formatting bool
	words      bool // its spans are the next of compactResult.spans, not trivial
}

// compact returns r's compact form.
func compact(r *Result) *compactResult {
	c := &compactResult{old: r.Old, new: r.New, steps: len(r.Steps)}
	for s := range r.Steps {
		st := &r.Steps[s]
		_, trivial := trivialSpans(r, st)
		// A split or merge keeps its spans: even with the same text on both
		// sides, its breaks between pieces are spans of their own (markBreaks).
		trivial = trivial && st.Old.Len() <= 1 && st.New.Len() <= 1
		plain := st.Op == Equal && !st.Moved && !st.Formatting && trivial && st.Old.Len() == 1 && st.New.Len() == 1
		if plain && len(c.segs) > 0 {
			last := &c.segs[len(c.segs)-1]
			if last.run > 0 && int(last.old.end) == st.Old.First() && int(last.new.end) == st.New.First() {
				last.run++
				last.old.end++
				last.new.end++
				continue
			}
		}
		seg := segment{step: int32(s), old: st.Old, new: st.New, op: st.Op, moved: st.Moved, formatting: st.Formatting, words: !trivial}
		if plain {
			seg.run = 1
		}
		if !trivial {
			c.spans = append(c.spans, st.Spans)
		}
		c.segs = append(c.segs, seg)
	}
	return c
}

// expand makes the Result that c holds.
func (c *compactResult) expand() *Result {
	r := &Result{Old: c.old, New: c.new, Steps: make([]Step, c.steps)}
	// The trivial spans, one each at most, share one array.
	pool := make([]Span, 0, c.steps-len(c.spans))
	w := 0
	for _, seg := range c.segs {
		if seg.run > 0 {
			for m := range int(seg.run) {
				st := &r.Steps[int(seg.step)+m]
				st.Op, st.Old, st.New = Equal, OneBlock(int(seg.old.start)+m), OneBlock(int(seg.new.start)+m)
				pool = appendTrivial(r, st, pool)
			}
			continue
		}
		st := &r.Steps[seg.step]
		st.Op, st.Moved, st.Formatting, st.Old, st.New = seg.op, seg.moved, seg.formatting, seg.old, seg.new
		if seg.words {
			st.Spans = c.spans[w]
			w++
		} else {
			pool = appendTrivial(r, st, pool)
		}
	}
	return r
}

// appendTrivial sets the trivial spans of st (at most one) in pool's
// next place, and returns pool.
func appendTrivial(r *Result, st *Step, pool []Span) []Span {
	sp, _ := trivialSpans(r, st)
	if sp.Text == "" {
		return pool
	}
	pool = append(pool, sp)
	st.Spans = pool[len(pool)-1 : len(pool) : len(pool)]
	return pool
}

// stepAt returns step s without its spans.
func (c *compactResult) stepAt(s int) Step {
	n := sort.Search(len(c.segs), func(k int) bool { return int(c.segs[k].step) > s }) - 1
	seg := c.segs[n]
	if seg.run > 0 {
		m := s - int(seg.step)
		return Step{Op: Equal, Old: OneBlock(int(seg.old.start) + m), New: OneBlock(int(seg.new.start) + m)}
	}
	return Step{Op: seg.op, Moved: seg.moved, Formatting: seg.formatting, Old: seg.old, New: seg.new}
}

// each calls f with each step's index and the step, without its spans.
func (c *compactResult) each(f func(s int, st Step)) {
	for _, seg := range c.segs {
		if seg.run > 0 {
			for m := range int(seg.run) {
				f(int(seg.step)+m, Step{Op: Equal, Old: OneBlock(int(seg.old.start) + m), New: OneBlock(int(seg.new.start) + m)})
			}
			continue
		}
		f(int(seg.step), Step{Op: seg.op, Moved: seg.moved, Formatting: seg.formatting, Old: seg.old, New: seg.new})
	}
}
