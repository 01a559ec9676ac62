package render

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/doc"
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
	return nil
}

// changed reports whether a step is shown as a change: any op but equal,
// or an equal step whose label changed.
func changed(r *diff.Result, st *diff.Step) bool {
	return st.Op != diff.Equal || r.Renumbered(st)
}

// displaySpans returns spans as people read them: a layout-only
// delete/insert pair becomes one equal span of the new text, adjacent
// spans of the same op are joined, and empty spans are dropped.
func displaySpans(spans []diff.Span) []diff.Span {
	out := make([]diff.Span, 0, len(spans))
	for i := 0; i < len(spans); i++ {
		sp := spans[i]
		if i+1 < len(spans) && layoutOnly(sp, spans[i+1]) {
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

// appendSpan appends sp to spans, joining it to the last span if that has
// the same op, and dropping it if it is empty.
func appendSpan(spans []diff.Span, sp diff.Span) []diff.Span {
	if sp.Text == "" {
		return spans
	}
	if n := len(spans); n > 0 && spans[n-1].Op == sp.Op {
		spans[n-1].Text += sp.Text
		return spans
	}
	return append(spans, sp)
}

// layoutOnly reports whether a and b are a delete and an insert (in either
// order) that differ only in layout: the same diff.Normalize form, white
// space at the same ends (so that "a" + " b" does not pass for "a" + "b"),
// and diff.Sep in both or neither (a paragraph break between the pieces of
// a split or merge is a change).
func layoutOnly(a, b diff.Span) bool {
	if !(a.Op == diff.SpanDelete && b.Op == diff.SpanInsert) &&
		!(a.Op == diff.SpanInsert && b.Op == diff.SpanDelete) {
		return false
	}
	return edgeSpaces(a.Text) == edgeSpaces(b.Text) &&
		strings.Contains(a.Text, diff.Sep) == strings.Contains(b.Text, diff.Sep) &&
		diff.Normalize(a.Text) == diff.Normalize(b.Text)
}

// edgeSpaces reports whether s starts and whether it ends with white space.
func edgeSpaces(s string) [2]bool {
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return [2]bool{s != "" && isSpace(first), s != "" && isSpace(last)}
}

// isSpace reports the white space that diff.Normalize folds.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\u2060' || r == '\ufeff'
}

// refExcerptRunes bounds the excerpt of a block named by its words.
const refExcerptRunes = 40

// blockRef names a block for people: "¶ 12" for a numbered paragraph,
// otherwise its kind and first words, e.g. `heading "A. Introduction"`.
func blockRef(b doc.Block) string {
	if b.Label != "" && b.Kind != doc.Heading {
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
	s = diff.Normalize(s)
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	end, cut, n := 0, 0, 0
	for i, r := range s {
		if n == max {
			end = i
			break
		}
		if r == ' ' {
			cut = i
		}
		n++
	}
	if cut == 0 {
		cut = end
	}
	return s[:cut] + "…"
}

// joinRefs joins names as "A", "A and B", "A, B and C".
func joinRefs(refs []string) string {
	if len(refs) < 2 {
		return strings.Join(refs, "")
	}
	return strings.Join(refs[:len(refs)-1], ", ") + " and " + refs[len(refs)-1]
}

// refs names the blocks idx of d.
func refs(d *doc.Document, idx []int) []string {
	out := make([]string, len(idx))
	for i, j := range idx {
		out[i] = blockRef(d.Blocks[j])
	}
	return out
}

// oldRef and newRef name a step's first old and new block.
func oldRef(r *diff.Result, st *diff.Step) string { return blockRef(r.Old.Blocks[st.Old[0]]) }
func newRef(r *diff.Result, st *diff.Step) string { return blockRef(r.New.Blocks[st.New[0]]) }

// movedFrom describes the old place of a moved step: "moved from ¶ 12"
// when the old block had a label, otherwise by its old neighbour, "moved
// from after heading "A. Introduction"" or "moved from the start".
func movedFrom(r *diff.Result, st *diff.Step) string {
	if r.OldLabel(st) != "" {
		return "moved from " + oldRef(r, st)
	}
	if i := st.Old[0]; i > 0 {
		return "moved from after " + blockRef(r.Old.Blocks[i-1])
	}
	return "moved from the start"
}

// stepNote is the note a step carries beside its text, or "".
func stepNote(r *diff.Result, st *diff.Step) string {
	switch st.Op {
	case diff.Moved:
		return movedFrom(r, st)
	case diff.Split:
		return "split into " + joinRefs(refs(r.New, st.New))
	case diff.Merged:
		return "merged from " + joinRefs(refs(r.Old, st.Old))
	}
	return ""
}
