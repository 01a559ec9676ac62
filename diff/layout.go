package diff

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// markLayout sets Span.Layout on both spans of every layout-only pair of
// a word diff (see layoutOnly), scanning from the first span: a span
// paired once is not paired again, so that the pairs are the same for
// every reader that scans spans from the start. Spans of a step compared
// line by line are not marked: there a re-indented line is a change.
func markLayout(spans []Span) {
	for k := 0; k+1 < len(spans); k++ {
		if layoutOnly(spans[k], spans[k+1]) {
			spans[k].Layout, spans[k+1].Layout = true, true
			k++
		}
	}
}

// layoutOnly reports whether a and b are a delete and an insert (in
// either order) that differ only in layout: white space, line ends,
// invisible characters and Unicode normal form (the same Normalize form),
// with white space at the same ends (so that "a" + " b" does not pass for
// "a" + "b") and Sep in both or neither (a paragraph break between the
// pieces of a split or merge is a change). A cross-reference that follows
// the renumbering (Span.Renumbered) is never one.
//
// This is the one definition of a layout-only change: the word counts
// (Step.Words, Result.Stats) and the renderers read Span.Layout, which
// markLayout sets from it.
func layoutOnly(a, b Span) bool {
	if !(a.Op == SpanDelete && b.Op == SpanInsert) && !(a.Op == SpanInsert && b.Op == SpanDelete) {
		return false
	}
	return !a.Renumbered && !b.Renumbered &&
		edgeSpaces(a.Text) == edgeSpaces(b.Text) &&
		strings.Contains(a.Text, Sep) == strings.Contains(b.Text, Sep) &&
		Normalize(a.Text) == Normalize(b.Text)
}

// edgeSpaces reports whether s starts and whether it ends with white
// space.
func edgeSpaces(s string) [2]bool {
	// Invisible marks at an edge (a direction mark pasted after a space)
	// do not decide it: the white space next to them does.
	s = strings.TrimFunc(s, Ignorable)
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return [2]bool{s != "" && foldedSpace(first), s != "" && foldedSpace(last)}
}

// foldedSpace reports the white space that Normalize folds.
func foldedSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\u2060' || r == '\ufeff'
}

// Words returns the words the step inserts and deletes: the words of its
// insert and delete spans, but for cross-references that follow the
// renumbering (Span.Renumbered) and changes of layout alone (Span.Layout).
// In a step compared line by line (see Result.LineByLine) they are the
// words of its inserted and deleted lines: a changed line counts all its
// words on both sides, as a replaced line does in git's count. Stats,
// History's volumes and every renderer count with it.
func (st *Step) Words() (inserted, deleted int) {
	for _, sp := range st.Spans {
		switch {
		case sp.Renumbered || sp.Layout:
		case sp.Op == SpanInsert:
			inserted += CountWords(sp.Text)
		case sp.Op == SpanDelete:
			deleted += CountWords(sp.Text)
		}
	}
	return inserted, deleted
}
