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
func Text(w io.Writer, r *diff.Result) error { return TextWith(w, r, TextOptions{}) }

// TextOptions are the options of TextWith and ANSIWith.
type TextOptions struct {
	// Context is how many unchanged blocks to write before and after each
	// change (as diff -U counts lines), each under the hunk header
	// "@@ ¶ 12 unchanged @@" (a heading: `@@ heading "B. Rules" unchanged
	// @@`) and its text as it stands; 0 writes none, as Text does.
	Context int
}

// TextWith is Text with options: with o.Context, the unchanged blocks
// around each change are written too.
func TextWith(w io.Writer, r *diff.Result, o TextOptions) error {
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
	for _, h := range hunks(r, o.Context) {
		bw.WriteString(h.header + "\n")
		switch {
		case h.context:
			writeContext(bw, r, h.words, func(w *bufio.Writer, s string) { w.WriteString(s) })
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
	context bool // an unchanged block around a change (TextOptions.Context)
	words   *diff.Step
}

// nearChanges marks the unchanged steps within n steps of a changed one:
// the context of TextOptions.Context. It returns nil when n is 0.
func nearChanges(r *diff.Result, n int) []bool {
	if n <= 0 {
		return nil
	}
	near := make([]bool, len(r.Steps))
	last := -1 // the last changed step seen
	for i := range r.Steps {
		if changed(r, &r.Steps[i]) {
			last = i
			for j := i - 1; j >= 0 && j >= i-n && !changed(r, &r.Steps[j]); j-- {
				near[j] = true
			}
		} else if last >= 0 && i-last <= n {
			near[i] = true
		}
	}
	return near
}

// contextHunk is the hunk of unchanged step i written as context.
func contextHunk(r *diff.Result, i int) hunk {
	st := &r.Steps[i]
	return hunk{header: "@@ " + newPathRef(r, st) + " unchanged @@", context: true, words: st}
}

// writeContext writes an unchanged block's text as it stands in the new
// draft, through write: a block compared line by line a line at a time
// after lineIndent, as a changed one.
func writeContext(w *bufio.Writer, r *diff.Result, st *diff.Step, write func(*bufio.Writer, string)) {
	text := r.New.Blocks[st.New.First()].Text
	if !r.LineByLine(st) {
		write(w, text)
		w.WriteByte('\n')
		return
	}
	for _, line := range strings.Split(text, "\n") {
		if line != "" {
			w.WriteString(lineIndent)
			write(w, line)
		}
		w.WriteByte('\n')
	}
}

// hunks returns the hunks of the text formats in reading order, with up
// to context unchanged blocks before and after each change. A run of
// blocks whose only change is their label is one hunk, "@@ ¶ 13 … ¶ 16
// renumbered (was ¶ 10 … ¶ 13; 4 blocks) @@", so that an insertion near
// the top of a long draft does not bury the redline under a line for every
// paragraph after it.
func hunks(r *diff.Result, context int) []hunk {
	var out []hunk
	near := nearChanges(r, context)
	sections := r.MovedSections()
	for i := 0; i < len(r.Steps); i++ {
		if len(sections) > 0 && sections[0].Steps[0] == i {
			out = append(out, hunk{header: "@@@ " + textSection(r, sections[0]) + " @@@", section: true})
			sections = sections[1:]
		}
		st := &r.Steps[i]
		if !changed(r, st) {
			if near != nil && near[i] {
				out = append(out, contextHunk(r, i))
			}
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
	return newPathRef(r, first) + " … " + newPathRef(r, last) + " renumbered (was " +
		oldPathRef(r, first) + " … " + oldPathRef(r, last) + "; " + strconv.Itoa(end-i) + " blocks)"
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
		return newPathRef(r, st) + wasNote(r, st) + " renumbered, formatting changed"
	case st.Op == diff.Equal && st.Formatting:
		return newPathRef(r, st) + " formatting changed"
	}
	switch st.Op {
	case diff.Equal:
		return newPathRef(r, st) + wasNote(r, st) + " renumbered"
	case diff.Inserted:
		return newPathRef(r, st) + " inserted " + insertedAt(r, st)
	case diff.Deleted:
		return oldPathRef(r, st) + " deleted"
	case diff.Moved:
		return newPathRef(r, st) + " " + textMovedFrom(r, st)
	case diff.Split:
		return oldPathRef(r, st) + moved + " split into " + joinRefs(pathRefs(r.New, st.New))
	case diff.Merged:
		return joinRefs(pathRefs(r.Old, st.Old)) + moved + " merged into " + newPathRef(r, st)
	}
	if st.NumberingOnly() {
		return newPathRef(r, st) + wasNote(r, st) + " " + refsRenumbered(countRefs(st.Spans))
	}
	return newPathRef(r, st) + wasNote(r, st) + " " + st.Op.String()
}

// refsRenumbered says that n cross-references follow the renumbering.
func refsRenumbered(n int) string {
	if n == 1 {
		return "reference renumbered"
	}
	return "references renumbered"
}

// wasNote returns " (was 12)" when a step's label changed, or "": a
// sub-paragraph's old label by its full path, " (was 34 (b))".
func wasNote(r *diff.Result, st *diff.Step) string {
	if !r.Renumbered(st) {
		return ""
	}
	if r.OldLabel(st) != "" && st.Old.Len() > 0 {
		return " (was " + labelPath(r.Old, st.Old.First()) + ")"
	}
	return " (was unnumbered)"
}

// maxParentWalk bounds how far back labelPath looks for a sub-paragraph's
// parent, so that naming every block of a draft stays linear.
const maxParentWalk = 1000

// labelPath returns the full label path of block i of d, which has a
// label: its label cited in prose after those of the labelled blocks it
// is nested in, "34 (c)" for the sub-paragraph (c) of paragraph 34, "34
// (c) (ii)" below that. The parents are the nearest blocks before it at a
// lower nesting level (draft.Block.Level), up to a heading or an
// unlabelled block there.
func labelPath(d *draft.Document, i int) string {
	b := d.Blocks[i]
	path := shortLabel(b.Label)
	level := b.Level
	if b.Kind == draft.Heading {
		level = 0 // a heading's level is its rank, not a nesting
	}
	for j := i - 1; j >= 0 && i-j <= maxParentWalk && level > 0; j-- {
		p := d.Blocks[j]
		if p.Kind == draft.Heading || p.Level < level && p.Label == "" {
			break
		}
		if p.Level < level {
			path = shortLabel(p.Label) + " " + path
			level = p.Level
		}
	}
	return path
}

// pathRef names block i of d as blockRef does, a labelled paragraph by
// its full label path: "¶ 34 (c)", not "¶ (c)", whose (c) it is being
// unsaid.
func pathRef(d *draft.Document, i int) string {
	if b := d.Blocks[i]; b.Label != "" && b.Kind != draft.Heading {
		return "¶ " + labelPath(d, i)
	}
	return blockRef(d.Blocks[i])
}

// oldPathRef and newPathRef name a step's first old and new block by
// pathRef.
func oldPathRef(r *diff.Result, st *diff.Step) string { return pathRef(r.Old, st.Old.First()) }
func newPathRef(r *diff.Result, st *diff.Step) string {
	if b := r.New.Blocks[st.New.First()]; b.Label == "" || b.Kind == draft.Heading {
		return newRef(r, st)
	}
	return pathRef(r.New, st.New.First())
}

// pathRefs names the blocks idx of d by pathRef.
func pathRefs(d *draft.Document, idx diff.Blocks) []string {
	out := make([]string, idx.Len())
	for i, j := range idx.All() {
		out[i] = pathRef(d, j)
	}
	return out
}

// textMovedFrom is movedFrom with the old block named by pathRef.
func textMovedFrom(r *diff.Result, st *diff.Step) string {
	if r.OldLabel(st) != "" {
		return "moved from " + oldPathRef(r, st)
	}
	if i := st.Old.First(); i > 0 {
		return "moved from after " + pathRef(r.Old, i-1)
	}
	return "moved from the start"
}

// insertedAt places an inserted block by its neighbour in the new draft:
// "after ¶ 13", or "at the start".
func insertedAt(r *diff.Result, st *diff.Step) string {
	if i := st.New.First(); i > 0 {
		return "after " + pathRef(r.New, i-1)
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
