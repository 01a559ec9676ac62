package diff

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/redline-diff/redline/draft"
)

// This file carries the blocks' formatting (draft.Mark) through a result:
// whether a step's formatting changed (Step.Formatting), and which marks
// lie over each span (SpanMarks), so that renderers write formatting
// without mapping offsets themselves.

// SpanMarks returns the formatting over each of the step's spans: for span
// k, the marks of the text the span comes from (the new blocks' for an
// equal or inserted span, the old blocks' for a deleted one) that overlap
// it, clipped to it, with offsets into the span's Text, in order of
// Start. Rejoined marks, which record the source's layout rather than
// formatting, are left out. It returns nil when no block of the step has
// a mark to show.
func (r *Result) SpanMarks(st *Step) [][]draft.Mark {
	old, new := joinedMarks(r.Old, st.Old), joinedMarks(r.New, st.New)
	if len(old) == 0 && len(new) == 0 {
		return nil
	}
	out := make([][]draft.Mark, len(st.Spans))
	oc, nc := markCursor{marks: old}, markCursor{marks: new}
	o, n := 0, 0 // offsets of the span in the old and new texts
	for k, sp := range st.Spans {
		switch sp.Op {
		case SpanEqual:
			out[k] = nc.over(n, n+len(sp.Text), nil)
			o, n = o+len(sp.Text), n+len(sp.Text)
		case SpanInsert:
			out[k] = nc.over(n, n+len(sp.Text), nil)
			n += len(sp.Text)
		case SpanDelete:
			out[k] = oc.over(o, o+len(sp.Text), nil)
			o += len(sp.Text)
		}
	}
	return out
}

// FormattingChanges returns, for each span of the step, the runs of its
// text whose formatting differs between the drafts, as [start, end)
// offsets into the span's Text in order: only equal spans have any, and a
// run of white space alone is none. It returns nil when the step's
// formatting did not change (Step.Formatting).
func (r *Result) FormattingChanges(st *Step) [][][2]int32 {
	if !st.Formatting {
		return nil
	}
	out := make([][][2]int32, len(st.Spans))
	r.eachChangedRuns(st, func(k int, runs [][2]int32) bool {
		out[k] = runs
		return true
	})
	return out
}

// eachChangedRuns calls f with the index of each equal span of the step,
// in order, and the runs of its text whose formatting differs between the
// drafts (see changedRuns), until f returns false. It calls f for none
// when no block of the step has a mark.
func (r *Result) eachChangedRuns(st *Step, f func(k int, runs [][2]int32) bool) {
	old, new := joinedMarks(r.Old, st.Old), joinedMarks(r.New, st.New)
	if len(old) == 0 && len(new) == 0 {
		return
	}
	oc, nc := markCursor{marks: old}, markCursor{marks: new}
	var a, b []draft.Mark
	o, n := 0, 0
	for k, sp := range st.Spans {
		switch sp.Op {
		case SpanEqual:
			a, b = oc.over(o, o+len(sp.Text), a[:0]), nc.over(n, n+len(sp.Text), b[:0])
			if !f(k, changedRuns(sp.Text, a, b)) {
				return
			}
			o, n = o+len(sp.Text), n+len(sp.Text)
		case SpanInsert:
			n += len(sp.Text)
		case SpanDelete:
			o += len(sp.Text)
		}
	}
}

// changedRuns returns the runs of text where marks a and b (offsets into
// text) do not give the same styles and addresses, joined where they
// touch, those of white space alone left out and the others without white
// space at their ends.
func changedRuns(text string, a, b []draft.Mark) [][2]int32 {
	if len(a) == 0 && len(b) == 0 {
		return nil
	}
	cuts := []int32{0, int32(len(text))}
	for _, m := range append(a[:len(a):len(a)], b...) {
		cuts = append(cuts, m.Start, m.End)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	var runs [][2]int32
	for k := 0; k+1 < len(cuts); k++ {
		lo, hi := cuts[k], cuts[k+1]
		if sameStyles(a, b, lo) || strings.TrimSpace(text[lo:hi]) == "" {
			continue
		}
		if n := len(runs); n > 0 && runs[n-1][1] == lo {
			runs[n-1][1] = hi
		} else {
			runs = append(runs, [2]int32{lo, hi})
		}
	}
	for k, run := range runs { // without white space at either end
		t := text[run[0]:run[1]]
		lead := len(t) - len(strings.TrimLeftFunc(t, unicode.IsSpace))
		runs[k] = [2]int32{run[0] + int32(lead), run[0] + int32(len(strings.TrimRightFunc(t, unicode.IsSpace)))}
	}
	return runs
}

// sameStyles reports whether marks a and b give the place at the same
// styles (and links the same addresses).
func sameStyles(a, b []draft.Mark, at int32) bool {
	covers := func(ms []draft.Mark, m draft.Mark) bool {
		return slices.ContainsFunc(ms, func(x draft.Mark) bool {
			return x.Start <= at && at < x.End && x.Style == m.Style && x.Value == m.Value
		})
	}
	for _, m := range a {
		if m.Start <= at && at < m.End && !covers(b, m) {
			return false
		}
	}
	for _, m := range b {
		if m.Start <= at && at < m.End && !covers(a, m) {
			return false
		}
	}
	return true
}

// formattingChanged reports whether a step that pairs blocks of both
// drafts shows the text the two share (its equal spans) with different
// formatting: a mark added, removed, restyled or given another address
// over some of it (see FormattingChanges). Rejoined marks, and white space
// alone formatted differently, do not count.
//
// (A shortcut for one block each with the same text and marks, or none,
// was taken out: on a 7 MB pair of 20,000 paragraphs with three marks
// each, compare -f json took 0.71 s of CPU with it and 0.69 s without,
// medians of seven, below the 10% a fast path must buy.)
func (r *Result) formattingChanged(st *Step) bool {
	if st.Old.Len() == 0 || st.New.Len() == 0 {
		return false
	}
	changed := false
	r.eachChangedRuns(st, func(_ int, runs [][2]int32) bool {
		changed = len(runs) > 0
		return !changed
	})
	return changed
}

// joinedMarks returns the marks of blocks b of d but Rejoined ones, with
// offsets into their texts joined with Sep (see Step), each within its
// block's text and on rune boundaries, in order of Start.
func joinedMarks(d *draft.Document, b Blocks) []draft.Mark {
	var out []draft.Mark
	off := 0
	for _, i := range b.All() {
		blk := &d.Blocks[i]
		for _, m := range blk.Marks() {
			if m.Style == draft.Rejoined {
				continue
			}
			start, end := runeFloor(blk.Text, int(m.Start)), runeCeil(blk.Text, int(m.End))
			if start >= end {
				continue
			}
			m.Start, m.End = int32(off+start), int32(off+end)
			out = append(out, m)
		}
		off += len(blk.Text) + len(Sep)
	}
	if !slices.IsSortedFunc(out, func(x, y draft.Mark) int { return int(x.Start - y.Start) }) {
		slices.SortStableFunc(out, func(x, y draft.Mark) int { return int(x.Start - y.Start) })
	}
	return out
}

// runeFloor returns k clamped to s and moved back to the start of a rune.
func runeFloor(s string, k int) int {
	k = max(0, min(k, len(s)))
	for k > 0 && k < len(s) && !utf8.RuneStart(s[k]) {
		k--
	}
	return k
}

// runeCeil returns k clamped to s and moved on to the start of a rune (or
// the end of s).
func runeCeil(s string, k int) int {
	k = max(0, min(k, len(s)))
	for k < len(s) && !utf8.RuneStart(s[k]) {
		k++
	}
	return k
}

// markCursor walks marks, sorted by Start, over ranges of text that come
// in order (each range's ends at or after the last one's).
type markCursor struct {
	marks  []draft.Mark
	next   int          // the first mark not yet started
	active []draft.Mark // marks started, not known to have ended
}

// over appends to dst the marks that overlap [lo, hi), clipped to it and
// with offsets from lo, and returns it (nil if none).
func (c *markCursor) over(lo, hi int, dst []draft.Mark) []draft.Mark {
	for c.next < len(c.marks) && int(c.marks[c.next].Start) < hi {
		c.active = append(c.active, c.marks[c.next])
		c.next++
	}
	c.active = slices.DeleteFunc(c.active, func(m draft.Mark) bool { return int(m.End) <= lo })
	for _, m := range c.active {
		s, e := max(int(m.Start), lo), min(int(m.End), hi)
		if s < e {
			dst = append(dst, draft.Mark{Start: int32(s - lo), End: int32(e - lo), Style: m.Style, Value: m.Value})
		}
	}
	return dst
}
