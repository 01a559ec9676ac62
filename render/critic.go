package render

import (
	"bufio"
	"io"
	"strings"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
	"github.com/redline-diff/redline/internal/visible"
)

// Markdown writes the redline as Markdown with CriticMarkup: the whole new
// draft in reading order, one block per paragraph (blank lines between),
// deleted blocks where they stood. Within a block, deletions are
// {--deleted--}, insertions {++inserted++}, and a deletion directly
// followed by an insertion is one criticSubstitution {~~old~>new~~}; a
// cross-reference that follows the renumbering is a criticSubstitution too.
// Headings keep their level ("## B. Norms"), block quotes their "> ",
// labels stand before the text ("14. …", a changed one as {~~12.~>14.~~}),
// and the pieces of a split or merge keep their labels. A moved, split or
// merged block carries a comment saying so, {>>moved from ¶ 22<<}. Layout-
// only changes are shown as unchanged text, but in a block that keeps its
// line layout (code, a table of contents, front matter), which is fenced
// with backticks and whose re-indented line is a change. Markers that occur in the
// drafts' own text are not escaped.
func Markdown(w io.Writer, r *diff.Result) error {
	if err := check(r); err != nil {
		return err
	}
	vw := visible.NewWriter(w)
	bw := bufio.NewWriter(vw)
	for i := range r.Steps {
		if i > 0 {
			bw.WriteByte('\n')
		}
		writeCriticStep(bw, r, &r.Steps[i])
	}
	return flushVisible(bw, vw)
}

// writeCriticStep writes one step as a Markdown block and a line break.
func writeCriticStep(w *bufio.Writer, r *diff.Result, st *diff.Step) {
	b := criticBlock(r, st)
	fence := ""
	if b.Kind.LineByLine() {
		fence = codeFence(st.Spans)
		w.WriteString(fence + "\n")
	}
	w.WriteString(criticPrefix(b))
	switch st.Op {
	case diff.Inserted:
		w.WriteString("{++" + labelled(b) + "++}")
	case diff.Deleted:
		w.WriteString("{--" + labelled(b) + "--}")
	default:
		w.WriteString(criticLabel(r.OldLabel(st), r.NewLabel(st)))
		c := criticWriter{w: w, r: r, st: st}
		if r.LineByLine(st) {
			c.spans(st.Spans) // its lines as they are, not joined
		} else {
			c.spans(displaySpans(st.Spans))
		}
	}
	if fence != "" {
		w.WriteString("\n" + fence)
	}
	if note := stepNote(r, st); note != "" {
		w.WriteString(" {>>" + note + "<<}")
	}
	w.WriteByte('\n')
}

// codeFence returns the fence around a block that keeps its line layout
// (code, a table of contents, front matter), so that Markdown keeps its
// lines: three backticks, or one more than the longest run of backticks
// in its text.
func codeFence(spans []diff.Span) string {
	longest, run := 0, 0
	for _, sp := range spans {
		for i := 0; i < len(sp.Text); i++ {
			if sp.Text[i] == '`' {
				run++
				longest = max(longest, run)
			} else {
				run = 0
			}
		}
	}
	return strings.Repeat("`", max(3, longest+1))
}

// criticBlock is the block whose kind and level a step takes: its first
// new block, or for a deletion its first old block.
func criticBlock(r *diff.Result, st *diff.Step) draft.Block {
	if st.New.Len() > 0 {
		return r.New.Blocks[st.New.First()]
	}
	return r.Old.Blocks[st.Old.First()]
}

// criticPrefix is the Markdown that starts a block of b's kind: "## " for a
// heading of level 2, "> " for a block quote, "- " for a list item
// without a label, "" otherwise.
func criticPrefix(b draft.Block) string {
	switch {
	case b.Kind == draft.Heading:
		return strings.Repeat("#", max(1, min(int(b.Level), 6))) + " "
	case b.Kind == draft.Quote:
		return "> "
	case b.Kind == draft.ListItem && b.Label == "":
		return "- "
	}
	return ""
}

// criticLabel is the label of a paired step followed by a space: the new
// label, or a criticSubstitution, insertion or deletion when it changed; "" for
// a step without labels.
func criticLabel(old, new string) string {
	switch {
	case old == new && new == "":
		return ""
	case old == new:
		return new + " "
	case old == "":
		return "{++" + new + "++} "
	case new == "":
		return "{--" + old + "--} "
	}
	return "{~~" + old + "~>" + new + "~~} "
}

// criticWriter writes the spans of one step, following the pieces of a
// split or merge (the spans marked diff.Span.Break) to write each piece's
// label.
type criticWriter struct {
	w                  *bufio.Writer
	r                  *diff.Result
	st                 *diff.Step
	oldPiece, newPiece int
}

// spans writes spans as CriticMarkup. A run of deletions or insertions is
// one {--…--} or {++…++}; a break between pieces inside a deletion (a
// merge) is written " ¶ " and the next old piece's label, one on the new
// side (a split) ends the markup, starts a new paragraph with the next
// new piece's label, and opens the markup again.
func (c *criticWriter) spans(spans []diff.Span) {
	for i := 0; i < len(spans); i++ {
		sp := spans[i]
		if i+1 < len(spans) && criticSubstitution(sp, spans[i+1]) {
			c.w.WriteString("{~~" + sp.Text + "~>" + spans[i+1].Text + "~~}")
			i++
			continue
		}
		j := i + 1
		for j < len(spans) && spans[j].Op == sp.Op && !spans[j].Renumbered && !sp.Renumbered {
			j++
		}
		switch sp.Op {
		case diff.SpanDelete:
			c.w.WriteString("{--")
			for _, d := range spans[i:j] {
				if d.Break {
					c.oldPiece++
					c.w.WriteString(" ¶ " + c.pieceLabel(c.r.Old, c.st.Old, c.oldPiece))
				} else {
					c.w.WriteString(d.Text)
				}
			}
			c.w.WriteString("--}")
		case diff.SpanInsert:
			c.newPieces(spans[i:j], "{++", "++}")
		default:
			c.newPieces(spans[i:j], "", "")
		}
		i = j - 1
	}
}

// criticSubstitution reports whether a and b are a deletion directly followed
// by an insertion within one paragraph.
func criticSubstitution(a, b diff.Span) bool {
	return a.Op == diff.SpanDelete && b.Op == diff.SpanInsert && !a.Break && !b.Break
}

// newPieces writes a run of kept or inserted spans between open and close;
// a break between the new pieces of a split ends the run's markup and
// starts the next piece with its label. A kept break of a merge is text
// there, and ends an old piece.
func (c *criticWriter) newPieces(spans []diff.Span, open, close string) {
	var run strings.Builder
	flush := func() {
		if run.Len() > 0 {
			c.w.WriteString(open + run.String() + close)
			run.Reset()
		}
	}
	for _, sp := range spans {
		switch {
		case sp.Break && c.st.New.Len() > 1:
			flush()
			c.newPiece++
			c.w.WriteString(diff.Sep + c.pieceLabel(c.r.New, c.st.New, c.newPiece))
		case sp.Break:
			c.oldPiece++
			run.WriteString(sp.Text)
		default:
			run.WriteString(sp.Text)
		}
	}
	flush()
}

// pieceLabel returns the label of piece k of a step's blocks idx in d and
// a space, or "".
func (c *criticWriter) pieceLabel(d *draft.Document, idx diff.Blocks, k int) string {
	if k >= idx.Len() || d.Blocks[idx.At(k)].Label == "" {
		return ""
	}
	return d.Blocks[idx.At(k)].Label + " "
}
