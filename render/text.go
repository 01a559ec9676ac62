package render

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
	"github.com/redline-diff/redline/internal/visible"
)

// Text writes the redline as text in the style of git diff --word-diff=plain:
// a "--- OLD" / "+++ NEW" header, then for each changed block a hunk header
// "@@ … @@" naming the block and what happened to it, and the block's text
// with deletions as [-…-], insertions as {+…+} and cross-references that
// follow the renumbering as {#OLD→NEW#}; a moved section's hunks are
// preceded by a "@@@ section … moved before … @@@" line. Unchanged blocks
// are left out; a block that was only renumbered gets its hunk header
// alone. A block compared line by line (code, a table of contents, front
// matter: diff.Result.LineByLine) is written a line at a time, each line
// indented by four spaces and a changed one whole in its markers
// ("    [-old line-]", "    {+new line+}"). A block whose formatting
// changed (diff.Step.Formatting) is followed by the line
// "~~ formatting changed ~~"; when that is its only change, its hunk header
// says "formatting changed" and its text follows unmarked. When
// the drafts do not differ, Text writes nothing. Markers that occur in the
// drafts' own text are not escaped, as in git; control characters and
// bidirectional controls are written as visible marks (see
// internal/visible: ESC as ␛, U+202E as <U+202E>).
func Text(w io.Writer, r *diff.Result) error {
	if err := check(r); err != nil {
		return err
	}
	if !r.Differs(false) {
		return nil
	}
	vw := visible.NewWriter(w)
	bw := bufio.NewWriter(vw)
	bw.WriteString("--- " + fileName(r.Old.Name) + "\n")
	bw.WriteString("+++ " + fileName(r.New.Name) + "\n")
	for _, h := range hunks(r) {
		bw.WriteString(h.header + "\n")
		switch {
		case h.words == nil:
		case r.LineByLine(h.words):
			writeLineDiff(bw, h.words.Spans)
		default:
			writeWordDiff(bw, h.words.Spans)
		}
		if h.words != nil && h.words.Formatting {
			bw.WriteString(formattingLine + "\n")
		}
	}
	return flushVisible(bw, vw)
}

// flushVisible flushes bw, then the visible.Writer under it. The text
// formats write through a visible.Writer: they are read in terminals and
// logs, where a control character of a draft or a file name (an escape
// sequence that sets the window title or clears the screen, a
// right-to-left override) must not act but show.
func flushVisible(bw *bufio.Writer, vw *visible.Writer) error {
	if err := bw.Flush(); err != nil {
		return err
	}
	return vw.Flush()
}

// hunk is one header line of the text formats ("@@ … @@", or "@@@ … @@@"
// above a moved section) and the step whose word diff follows it, if any.
type hunk struct {
	header  string
	section bool
	words   *diff.Step
}

// hunks returns the hunks of the text formats in reading order. A run of
// blocks whose only change is their label is one hunk, "@@ ¶ 13 … ¶ 16
// renumbered (was ¶ 10 … ¶ 13; 4 blocks) @@", so that an insertion near
// the top of a long draft does not bury the redline under a line for every
// paragraph after it.
func hunks(r *diff.Result) []hunk {
	var out []hunk
	sections := r.MovedSections()
	for i := 0; i < len(r.Steps); i++ {
		if len(sections) > 0 && sections[0].Steps[0] == i {
			out = append(out, hunk{header: "@@@ " + textSection(r, sections[0]) + " @@@", section: true})
			sections = sections[1:]
		}
		st := &r.Steps[i]
		if !changed(r, st) {
			continue
		}
		if st.Op == diff.Equal && !st.Formatting {
			end := renumberedRun(r, i, sections)
			out = append(out, hunk{header: "@@ " + renumberedTitle(r, i, end) + " @@"})
			i = end - 1
			continue
		}
		out = append(out, hunk{header: "@@ " + hunkTitle(r, st) + " @@", words: st})
	}
	return out
}

// renumberedRun returns the end of the run of steps from i that are equal
// and renumbered paragraphs, stopping before the next moved section; a
// heading stands alone.
func renumberedRun(r *diff.Result, i int, sections []diff.MovedSection) int {
	end := i + 1
	if isHeading(r, i) {
		return end
	}
	for end < len(r.Steps) && r.Steps[end].Op == diff.Equal && r.Renumbered(&r.Steps[end]) && !r.Steps[end].Formatting &&
		!isHeading(r, end) && (len(sections) == 0 || sections[0].Steps[0] != end) {
		end++
	}
	return end
}

// isHeading reports whether step i's new block is a heading.
func isHeading(r *diff.Result, i int) bool {
	st := &r.Steps[i]
	return st.New.Len() > 0 && r.New.Blocks[st.New.First()].Kind == draft.Heading
}

// renumberedTitle names a run of renumbered steps [i, end).
func renumberedTitle(r *diff.Result, i, end int) string {
	first := &r.Steps[i]
	if end-i == 1 {
		return hunkTitle(r, first)
	}
	last := &r.Steps[end-1]
	return newRef(r, first) + " … " + newRef(r, last) + " renumbered (was " +
		oldRef(r, first) + " … " + oldRef(r, last) + "; " + strconv.Itoa(end-i) + " blocks)"
}

// fileName returns a draft's name for the header, quoted as a Go string if
// it holds a character that does not print, such as a line break or a
// bidirectional control, or bytes that are not UTF-8.
func fileName(name string) string {
	if !utf8.ValidString(name) || strings.IndexFunc(name, func(r rune) bool { return r != ' ' && !unicode.IsPrint(r) }) >= 0 {
		return strconv.Quote(name)
	}
	return name
}

// textSection is the line above the hunks of a moved section, e.g.
// `section "C. Rules, norms and principles of…" (¶ 17–24) moved before
// heading "D. International law"`.
func textSection(r *diff.Result, sec diff.MovedSection) string {
	quote := func(s string) string { return `"` + excerpt(s, refExcerptRunes) + `"` }
	return "section " + sectionName(r.New, sec.New[0], sec.New[1], quote) + " " + sectionWhere(r, sec, blockRef)
}

// hunkTitle says which block a hunk is about and what happened to it, e.g.
// "¶ 14 (was 12) changed", "¶ 9 split into ¶ 9 and ¶ 10" or "¶ 22 moved
// and split into ¶ 17 and ¶ 18".
func hunkTitle(r *diff.Result, st *diff.Step) string {
	moved := ""
	if isMoved(st) {
		moved = " moved and"
	}
	switch {
	case st.Op == diff.Equal && st.Formatting && r.Renumbered(st):
		return newRef(r, st) + wasNote(r, st) + " renumbered, formatting changed"
	case st.Op == diff.Equal && st.Formatting:
		return newRef(r, st) + " formatting changed"
	}
	switch st.Op {
	case diff.Equal:
		return newRef(r, st) + wasNote(r, st) + " renumbered"
	case diff.Inserted:
		return newRef(r, st) + " inserted " + insertedAt(r, st)
	case diff.Deleted:
		return oldRef(r, st) + " deleted"
	case diff.Moved:
		return newRef(r, st) + " " + movedFrom(r, st)
	case diff.Split:
		return oldRef(r, st) + moved + " split into " + joinRefs(refs(r.New, st.New))
	case diff.Merged:
		return joinRefs(refs(r.Old, st.Old)) + moved + " merged into " + newRef(r, st)
	}
	if st.NumberingOnly() {
		return newRef(r, st) + wasNote(r, st) + " " + refsRenumbered(countRefs(st.Spans))
	}
	return newRef(r, st) + wasNote(r, st) + " " + st.Op.String()
}

// refsRenumbered says that n cross-references follow the renumbering.
func refsRenumbered(n int) string {
	if n == 1 {
		return "reference renumbered"
	}
	return "references renumbered"
}

// wasNote returns " (was 12)" when a step's label changed, or "".
func wasNote(r *diff.Result, st *diff.Step) string {
	if !r.Renumbered(st) {
		return ""
	}
	if old := r.OldLabel(st); old != "" {
		return " (was " + shortLabel(old) + ")"
	}
	return " (was unnumbered)"
}

// insertedAt places an inserted block by its neighbour in the new draft:
// "after ¶ 13", or "at the start".
func insertedAt(r *diff.Result, st *diff.Step) string {
	if i := st.New.First(); i > 0 {
		return "after " + blockRef(r.New.Blocks[i-1])
	}
	return "at the start"
}

// writeWordDiff writes a step's spans (after displaySpans) on one line,
// inner line breaks as written: unchanged text plain, deletions as [-…-],
// insertions as {+…+}, a cross-reference that follows the renumbering as
// {#OLD→NEW#}.
func writeWordDiff(w *bufio.Writer, spans []diff.Span) {
	spans = textSpans(spans)
	for i := 0; i < len(spans); i++ {
		sp := spans[i]
		if renumberedRef(spans, i) {
			w.WriteString("{#" + sp.Text + "→" + spans[i+1].Text + "#}")
			i++
			continue
		}
		switch sp.Op {
		case diff.SpanDelete:
			w.WriteString("[-" + sp.Text + "-]")
		case diff.SpanInsert:
			w.WriteString("{+" + sp.Text + "+}")
		default:
			w.WriteString(sp.Text)
		}
	}
	w.WriteByte('\n')
}

// formattingLine follows the text of a block whose formatting changed.
const formattingLine = "~~ formatting changed ~~"

// lineIndent starts each line of a block written a line at a time.
const lineIndent = "    "

// writeLineDiff writes the spans of a step compared line by line, a line
// of the block to a line of output after lineIndent, each changed piece of
// it in its markers (an unchanged blank line is left empty): as the spans of a line diff are whole lines, a
// changed line is "[-…-]" or "{+…+}" whole. A line break that alone was
// inserted or deleted (a line added after the last) shows as the line
// after it.
func writeLineDiff(w *bufio.Writer, spans []diff.Span) {
	writeLines(w, spans, func(w *bufio.Writer, op diff.SpanOp, line string) {
		switch op {
		case diff.SpanDelete:
			w.WriteString("[-" + line + "-]")
		case diff.SpanInsert:
			w.WriteString("{+" + line + "+}")
		default:
			w.WriteString(line)
		}
	})
}

// writeLines writes the spans of a step compared line by line a line at a
// time, each indented by lineIndent, writing each line's text (or the
// part of it in one span) with write; a deleted or inserted blank line is
// written too, and a replaced last line apart from its replacement (see
// lastLineReplaced).
func writeLines(w *bufio.Writer, spans []diff.Span, write func(w *bufio.Writer, op diff.SpanOp, line string)) {
	start := true // at the start of an output line: lineIndent not yet written
	for i, sp := range spans {
		for text := sp.Text; text != ""; {
			line, rest, broken := strings.Cut(text, "\n")
			blank := line == "" && broken && start && sp.Op != diff.SpanEqual // a blank line deleted or inserted
			if (line != "" || blank) && start {
				w.WriteString(lineIndent)
				start = false
			}
			if line != "" || blank {
				write(w, sp.Op, line)
			}
			if broken {
				w.WriteByte('\n')
				start = true
			}
			text = rest
		}
		if lastLineReplaced(spans, i) {
			w.WriteByte('\n') // the new line below the old, as a line of its own
			start = true
		}
	}
	w.WriteByte('\n')
}

// lastLineReplaced reports whether spans[i] deletes a last line (one
// without a line break, the end of its block) and the span after it
// inserts text: shown one after the other, the two would run together on
// one line, so a break is shown between them.
func lastLineReplaced(spans []diff.Span, i int) bool {
	return spans[i].Op == diff.SpanDelete && !strings.HasSuffix(spans[i].Text, "\n") &&
		i+1 < len(spans) && spans[i+1].Op == diff.SpanInsert
}
