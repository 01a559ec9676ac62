package diff

import "github.com/redline-diff/redline/draft"

// This file makes the piece boundaries of splits and merges structural.
// The several blocks of one side of a split (the new side) or a merge (the
// old side) are diffed as one text, joined with Sep; a block's own text
// may hold Sep too (a Word paragraph with two line breaks, a code block
// with a blank line). markBreaks cuts the spans so that each joining Sep
// is a span of its own, marked Break, and a renderer knows where a piece
// ends from the mark, never from the text.

// markBreaks returns the spans of st with each Sep that joins two blocks
// of its several-block side in a span of its own, marked Break. The spans
// rebuild the same texts as before. A Sep whose two bytes the word diff
// put in two spans (one kept, one inserted, say) becomes one span: the
// kept byte is taken as deleted and inserted, and the run of changes
// around it is regrouped, its deletions first, then its insertions.
func (r *Result) markBreaks(st *Step) []Span {
	var bounds []int
	var side SpanOp // the op, besides SpanEqual, whose text is on the side with the boundaries
	switch {
	case st.New.Len() > 1:
		bounds, side = boundaries(r.New, st.New), SpanInsert
	case st.Old.Len() > 1:
		bounds, side = boundaries(r.Old, st.Old), SpanDelete
	default:
		return st.Spans
	}
	spans := cutAtBounds(st.Spans, bounds, side)
	if !breaksWhole(spans, bounds, side) {
		spans = regroupBreaks(spans, bounds, side)
	}
	return flagBreaks(spans, bounds, side)
}

// boundaries returns the offsets, in the blocks' texts joined with Sep,
// at which each joining Sep starts.
func boundaries(d *draft.Document, b Blocks) []int {
	var out []int
	off := 0
	for k, i := range b.All() {
		if k > 0 {
			out = append(out, off)
			off += len(Sep)
		}
		off += len(d.Blocks[i].Text)
	}
	return out
}

// onSide reports whether a span of op sp has text on the side whose other
// op is side.
func onSide(op, side SpanOp) bool { return op == SpanEqual || op == side }

// cutAtBounds cuts every span whose text on the side crosses the start or
// end of a boundary, so that each boundary is covered by whole spans.
func cutAtBounds(spans []Span, bounds []int, side SpanOp) []Span {
	edges := make([]int, 0, 2*len(bounds))
	for _, b := range bounds {
		edges = append(edges, b, b+len(Sep))
	}
	var out []Span
	off, e := 0, 0
	for _, sp := range spans {
		if !onSide(sp.Op, side) {
			out = append(out, sp)
			continue
		}
		end := off + len(sp.Text)
		for e < len(edges) && edges[e] <= off {
			e++
		}
		for e < len(edges) && edges[e] < end {
			cut := edges[e] - off
			out = append(out, Span{Op: sp.Op, Text: sp.Text[:cut]})
			sp.Text, off = sp.Text[cut:], edges[e]
			e++
		}
		out = append(out, sp)
		off = end
	}
	return out
}

// breaksWhole reports whether every boundary is the text of one span.
func breaksWhole(spans []Span, bounds []int, side SpanOp) bool {
	k := 0
	off := 0
	for _, sp := range spans {
		if !onSide(sp.Op, side) {
			continue
		}
		for k < len(bounds) && bounds[k] < off {
			return false // a boundary began inside an earlier span's range without being its start
		}
		if k < len(bounds) && bounds[k] == off {
			if len(sp.Text) != len(Sep) {
				return false
			}
			k++
		}
		off += len(sp.Text)
	}
	return k == len(bounds)
}

// regroupBreaks makes every boundary one span: each kept (equal) span
// that is part of a boundary becomes a deletion and an insertion of its
// text, and each run of changes that holds part of a boundary is written
// as its deletions, then its insertions, each side's text cut at the
// boundaries' edges again. Runs that hold no part of a boundary are left
// as they were.
func regroupBreaks(spans []Span, bounds []int, side SpanOp) []Span {
	partOf := func(a, b int) bool { // [a, b) a strict part of some boundary
		for _, x := range bounds {
			if a >= x && b <= x+len(Sep) && b-a < len(Sep) {
				return true
			}
		}
		return false
	}
	var out, run []Span
	touched := false
	flush := func() {
		if !touched {
			out = append(out, run...)
		} else {
			var del, ins []byte
			for _, sp := range run {
				if sp.Op != SpanInsert {
					del = append(del, sp.Text...)
				}
				if sp.Op != SpanDelete {
					ins = append(ins, sp.Text...)
				}
			}
			out = appendSpan(out, SpanDelete, string(del))
			out = appendSpan(out, SpanInsert, string(ins))
		}
		run, touched = run[:0], false
	}
	off := 0
	for _, sp := range spans {
		n := len(sp.Text)
		part := onSide(sp.Op, side) && partOf(off, off+n)
		switch {
		case sp.Op == SpanEqual && !part:
			flush()
			out = append(out, sp)
		default: // a change, or a kept piece of a boundary (taken as changed)
			run = append(run, sp)
			touched = touched || part
		}
		if onSide(sp.Op, side) {
			off += n
		}
	}
	flush()
	return cutAtBounds(out, bounds, side)
}

// flagBreaks marks the span that is each boundary.
func flagBreaks(spans []Span, bounds []int, side SpanOp) []Span {
	k, off := 0, 0
	for i := range spans {
		sp := &spans[i]
		if !onSide(sp.Op, side) {
			continue
		}
		if k < len(bounds) && bounds[k] == off && len(sp.Text) == len(Sep) {
			sp.Break = true
			k++
		}
		off += len(sp.Text)
	}
	return spans
}
