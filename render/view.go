package render

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

// check returns an error if r cannot be rendered: no result, a missing
// document, or a result that breaks diff's invariants (diff.Result.Check),
// which the renderers rely on.
func check(r *diff.Result) error {
	if r == nil || r.Old == nil || r.New == nil {
		return fmt.Errorf("render: result without both documents")
	}
	if err := r.Check(); err != nil {
		return fmt.Errorf("render: invalid result: %w", err)
	}
	for k, st := range r.Steps {
		if st.Moved && st.Op != diff.Moved && st.Op != diff.Split && st.Op != diff.Merged {
			return fmt.Errorf("render: invalid result: step %d: %s step marked moved", k, st.Op)
		}
	}
	return nil
}

// isMoved reports whether a step's blocks left their place: a move, or a
// split or merge that moved too (diff.Step.Moved). Op Moved counts even
// without the flag, so that hand-built results need not set both.
func isMoved(st *diff.Step) bool {
	return st.Moved || st.Op == diff.Moved
}

// changed reports whether a step is shown as a change: any op but equal,
// or an equal step whose label changed.
func changed(r *diff.Result, st *diff.Step) bool {
	return st.Op != diff.Equal || r.Renumbered(st) || st.Formatting
}

// displaySpans returns spans as people read them: a layout-only
// delete/insert pair (diff.Span.Layout) becomes one equal span of the new
// text, adjacent spans of the same op are joined, and empty spans are
// dropped.
func displaySpans(spans []diff.Span) []diff.Span {
	// Most steps' spans read as they are (an unchanged paragraph is one
	// equal span): those are returned as they are, not copied.
	k := 0
	for k < len(spans) && !displayChanges(spans, k) {
		k++
	}
	if k == len(spans) {
		return spans
	}
	out := make([]diff.Span, k, len(spans))
	copy(out, spans[:k])
	for i := k; i < len(spans); i++ {
		sp := spans[i]
		if layoutPair(spans, i) {
			text := spans[i+1].Text
			if sp.Op == diff.SpanInsert {
				text = sp.Text
			}
			sp = diff.Span{Op: diff.SpanEqual, Text: text}
			i++
		}
		out = appendSpan(out, sp)
	}
	return out
}

// textSpans returns spans as the text formats show them: displaySpans,
// with each break between the pieces of a split or merge joined to the
// text of its op around it, since text writes a break as the blank line
// it is and the hunk header names the pieces.
func textSpans(spans []diff.Span) []diff.Span {
	spans = displaySpans(spans)
	if !slices.ContainsFunc(spans, func(sp diff.Span) bool { return sp.Break }) {
		return spans
	}
	out := make([]diff.Span, 0, len(spans))
	for _, sp := range spans {
		if n := len(out); n > 0 && out[n-1].Op == sp.Op && !out[n-1].Renumbered && !sp.Renumbered {
			out[n-1].Text += sp.Text
			out[n-1].Break = false
			continue
		}
		out = append(out, sp)
	}
	return out
}

// displayChanges reports whether displaySpans changes span i of spans,
// given that it changed none before: it is empty, it would be joined to
// the span before, or it starts a layout-only pair.
func displayChanges(spans []diff.Span, i int) bool {
	return spans[i].Text == "" || i > 0 && joins(spans[i-1], spans[i]) || layoutPair(spans, i)
}

// layoutPair reports whether spans i and i+1 are a layout-only pair
// (diff.Span.Layout), which displaySpans shows as one equal span.
func layoutPair(spans []diff.Span, i int) bool {
	return spans[i].Layout && i+1 < len(spans)
}

// joins reports whether appendSpan joins span b to span a before it: of
// one op, and neither a renumbered reference nor the break between two
// pieces of a split or merge (diff.Span.Break), which stay spans of their
// own.
func joins(a, b diff.Span) bool {
	return a.Op == b.Op && !a.Renumbered && !b.Renumbered && !a.Break && !b.Break
}

// appendSpan appends sp to spans, joining it to the last span if joins
// says so, and dropping it if
// it is empty.
func appendSpan(spans []diff.Span, sp diff.Span) []diff.Span {
	if sp.Text == "" {
		return spans
	}
	if n := len(spans); n > 0 && joins(spans[n-1], sp) {
		spans[n-1].Text += sp.Text
		return spans
	}
	return append(spans, sp)
}

// refExcerptRunes bounds the excerpt of a block named by its words.
const refExcerptRunes = 40

// blockRef names a block for people: "¶ 12" for a numbered paragraph,
// otherwise its kind and first words, e.g. `heading "A. Introduction"`.
func blockRef(b draft.Block) string {
	if b.Label != "" && b.Kind != draft.Heading {
		return "¶ " + shortLabel(b.Label)
	}
	text := b.Text
	if b.Label != "" {
		text = b.Label + " " + text
	}
	return b.Kind.String() + ` "` + excerpt(text, refExcerptRunes) + `"`
}

// shortLabel returns a label as cited in prose: one line, without the
// full stop of "12." or "12 bis.".
func shortLabel(label string) string {
	return strings.TrimSuffix(diff.Normalize(label), ".")
}

// excerpt returns s on one line, cut at a word boundary to at most max
// runes (an ellipsis added when cut).
func excerpt(s string, max int) string {
	head, cut := excerptHead(s, max)
	if cut {
		return head + "…"
	}
	return head
}

// excerptHead is excerpt without the ellipsis: the excerpt, and whether
// it was cut (an ellipsis due after it). A table of thousands of rows
// writes the ellipsis after the head instead of making a string of both.
func excerptHead(s string, max int) (string, bool) {
	if e, cut, ok := excerptASCII(s, max); ok {
		return e, cut
	}
	// Only the head of a long text is normalized: well past max runes,
	// so that white space folded or characters composed at the cut
	// cannot change what is shown.
	head := 0
	for n := 0; head < len(s) && n < 2*max+32; n++ {
		_, size := utf8.DecodeRuneInString(s[head:])
		head += size
	}
	if p := diff.Normalize(s[:head]); head < len(s) && utf8.RuneCountInString(p) > max {
		s = p
	} else {
		s = diff.Normalize(s)
	}
	if utf8.RuneCountInString(s) <= max {
		return s, false
	}
	end, at, n := 0, 0, 0
	for i, r := range s {
		if n == max {
			end = i
			break
		}
		if r == ' ' {
			at = i
		}
		n++
	}
	if at == 0 {
		at = end
	}
	return s[:at], true
}

// excerptASCII is excerptHead for a text whose head (as excerpt reads it)
// is ASCII, where runes are bytes: most drafts' paragraphs, of which a
// page may excerpt tens of thousands. It reports false for any other text.
func excerptASCII(s string, max int) (head string, cut, ok bool) {
	n := min(len(s), 2*max+32)
	for i := range n {
		if s[i] >= utf8.RuneSelf {
			return "", false, false
		}
	}
	// A head cut after a space would not be in normal form for that
	// alone, and normalizing would copy it; Normalize drops the space.
	p := diff.Normalize(strings.TrimRight(s[:n], " "))
	if n < len(s) && len(p) <= max {
		return "", false, false // folded white space: the head may be too short
	}
	if len(p) <= max {
		return p, false, true
	}
	at := strings.LastIndexByte(p[:max], ' ')
	if at <= 0 {
		at = max
	}
	return p[:at], true, true
}

// joinRefs joins names as "A", "A and B", "A, B and C".
func joinRefs(refs []string) string {
	if len(refs) < 2 {
		return strings.Join(refs, "")
	}
	return strings.Join(refs[:len(refs)-1], ", ") + " and " + refs[len(refs)-1]
}

// refs names the blocks idx of d.
func refs(d *draft.Document, idx diff.Blocks) []string {
	out := make([]string, idx.Len())
	for i, j := range idx.All() {
		out[i] = blockRef(d.Blocks[j])
	}
	return out
}

// oldRef and newRef name a step's first old and new block.
func oldRef(r *diff.Result, st *diff.Step) string { return blockRef(r.Old.Blocks[st.Old.First()]) }
func newRef(r *diff.Result, st *diff.Step) string { return blockRef(r.New.Blocks[st.New.First()]) }

// movedFrom describes the old place of a moved step: "moved from ¶ 12"
// when the old block had a label, otherwise by its old neighbour, "moved
// from after heading "A. Introduction"" or "moved from the start".
func movedFrom(r *diff.Result, st *diff.Step) string {
	if r.OldLabel(st) != "" {
		return "moved from " + oldRef(r, st)
	}
	if i := st.Old.First(); i > 0 {
		return "moved from after " + blockRef(r.Old.Blocks[i-1])
	}
	return "moved from the start"
}

// stepNote is the note a step carries beside its text, or "": "moved from
// ¶ 22", "moved from heading D", "split into ¶ 9 and ¶ 10", "merged from ¶ 31 and ¶ 32", and for
// a split or merge that moved, "moved from ¶ 22, split into ¶ 17 and
// ¶ 18" or "moved and merged from ¶ 31 and ¶ 32".
func stepNote(r *diff.Result, st *diff.Step) string {
	moved := isMoved(st)
	switch {
	case st.Op == diff.Split && moved:
		return movedFrom(r, st) + ", split into " + joinRefs(refs(r.New, st.New))
	case st.Op == diff.Merged && moved:
		return "moved and merged from " + joinRefs(refs(r.Old, st.Old))
	case moved && r.Old.Blocks[st.Old.First()].Kind == draft.Heading && r.OldLabel(st) != "":
		// the badge stands in the heading: its old label is enough
		return "moved from heading " + shortLabel(r.OldLabel(st))
	case moved:
		return movedFrom(r, st)
	case st.Op == diff.Split:
		return "split into " + joinRefs(refs(r.New, st.New))
	case st.Op == diff.Merged:
		return "merged from " + joinRefs(refs(r.Old, st.Old))
	case st.Formatting:
		return formattingNote(st)
	}
	return ""
}

// formattingNote is the note of a step whose formatting changed (see
// diff.Step.Formatting): "formatting changed" for an equal step, whose
// words did not, and "formatting changed too" beside edited words.
func formattingNote(st *diff.Step) string {
	if st.Op == diff.Equal {
		return "formatting changed"
	}
	return "formatting changed too"
}

// renumberedRef reports whether spans[i] and spans[i+1] are a cross-reference
// that follows the renumbering: a diff.Span.Renumbered deletion of the old
// number and insertion of the new. A Renumbered span outside such a pair is
// shown as an ordinary deletion or insertion.
func renumberedRef(spans []diff.Span, i int) bool {
	return i+1 < len(spans) &&
		spans[i].Op == diff.SpanDelete && spans[i].Renumbered &&
		spans[i+1].Op == diff.SpanInsert && spans[i+1].Renumbered
}

// countRefs returns the number of renumbered references among spans.
func countRefs(spans []diff.Span) int {
	n := 0
	for i := range spans {
		if renumberedRef(spans, i) {
			n++
		}
	}
	return n
}

// htmlNameRunes bounds a heading's excerpt in the page's section names,
// where there is room for more words than in a text hunk header.
const htmlNameRunes = 80

// sectionName names a moved section by the blocks [lo, hi) of d, with the
// blocks' words quoted by quote: its heading and paragraph range,
// `“C. Rules, norms …” (¶ 17–24)`; its paragraph range alone, "¶ 17–24",
// when it does not start with a heading; its first block and size,
// `paragraph "The Group met…" and 2 more blocks`, when nothing in it is
// numbered.
func sectionName(d *draft.Document, lo, hi int, quote func(string) string) string {
	first := d.Blocks[lo]
	paras := paraRange(d, lo, hi)
	switch {
	case first.Kind == draft.Heading && paras != "":
		return quote(labelled(first)) + " (" + paras + ")"
	case first.Kind == draft.Heading:
		return quote(labelled(first))
	case paras != "":
		return paras
	}
	more := " and " + strconv.Itoa(hi-lo-1) + " more block"
	if hi-lo-1 != 1 {
		more += "s"
	}
	return blockRef(first) + more
}

// paraRange returns the span of the numbered paragraphs among the blocks
// [lo, hi) of d, "¶ 17–24" or "¶ 17", or "" when none is numbered.
// Sub-paragraphs ("(a)") count only when no top-level block is numbered.
func paraRange(d *draft.Document, lo, hi int) string {
	var first, last string
	for _, top := range []bool{true, false} {
		for _, b := range d.Blocks[lo:hi] {
			if b.Kind == draft.Heading || b.Label == "" || top && b.Level > 0 {
				continue
			}
			if first == "" {
				first = shortLabel(b.Label)
			}
			last = shortLabel(b.Label)
		}
		if first != "" {
			break
		}
	}
	switch {
	case first == "":
		return ""
	case first == last:
		return "¶ " + first
	}
	return "¶ " + first + "–" + last
}

// labelled returns a block's label and text, "C. Rules, norms …".
func labelled(b draft.Block) string {
	if b.Label == "" {
		return b.Text
	}
	return b.Label + " " + b.Text
}

// sectionWhere says where a moved section went by its neighbour in the new
// draft, named by name: "moved before …" (the block now after it) when it
// moved up, "moved after …" (the block now before it) when it moved down.
func sectionWhere(r *diff.Result, sec diff.MovedSection, name func(draft.Block) string) string {
	if sec.Up {
		if j := sec.New[1]; j < len(r.New.Blocks) {
			return "moved before " + name(r.New.Blocks[j])
		}
		return "moved to the end"
	}
	if j := sec.New[0] - 1; j >= 0 {
		return "moved after " + name(r.New.Blocks[j])
	}
	return "moved to the start"
}
