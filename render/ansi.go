package render

import (
	"bufio"
	"io"
	"strings"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/internal/visible"
)

// SGR escape sequences of the ANSI format.
const (
	sgrReset   = "\x1b[m"
	sgrBold    = "\x1b[1m"
	sgrHunk    = "\x1b[36m"   // cyan
	sgrSection = "\x1b[1;36m" // bold cyan
	sgrDelete  = "\x1b[9;31m" // struck through, red
	sgrInsert  = "\x1b[4;32m" // underlined, green
	sgrRef     = "\x1b[33m"   // yellow
	ansiArrow  = "→"          // between the old and new number of a reference
)

// ANSI writes the redline for a terminal: the lines of Text, with
// deletions struck through in red and insertions underlined in green
// (SGR escape codes) instead of [-…-] and {+…+}, hunk headers in cyan, and
// a cross-reference that follows the renumbering in yellow as OLD→NEW.
// Struck and underlined text stays readable without colour vision.
//
// ANSI always writes escape codes: whether a terminal should get them
// (NO_COLOR, --color) is the caller's choice. Control characters of the
// drafts and their names (escape included) and bidirectional controls are
// written as visible marks (see internal/visible: ESC as ␛), so that a
// draft cannot send commands to the terminal; line breaks and tabs are
// kept. When the drafts do not differ, ANSI writes nothing.
func ANSI(w io.Writer, r *diff.Result) error { return ANSIWith(w, r, TextOptions{}) }

// ANSIWith is ANSI with options: with o.Context, the unchanged blocks
// around each change are written too, as TextWith writes them.
func ANSIWith(w io.Writer, r *diff.Result, o TextOptions) error {
	if err := check(r); err != nil {
		return err
	}
	if !r.Differs(false) {
		return nil
	}
	bw := bufio.NewWriter(w)
	ansiLine(bw, sgrBold, "--- "+fileName(r.Old.Name))
	ansiLine(bw, sgrBold, "+++ "+fileName(r.New.Name))
	for _, h := range hunks(r, o.Context) {
		if h.section {
			ansiLine(bw, sgrSection, h.header)
			continue
		}
		ansiLine(bw, sgrHunk, h.header)
		switch {
		case h.context:
			writeContext(bw, r, h.words, func(w *bufio.Writer, s string) { w.WriteString(safeForTerminal(s)) })
		case h.words == nil:
		case r.LineByLine(h.words):
			writeANSILineDiff(bw, h.words.Spans)
		default:
			writeANSIWordDiff(bw, h.words.Spans)
		}
		if h.words != nil && h.words.Formatting {
			ansiLine(bw, sgrHunk, formattingLine)
		}
	}
	return bw.Flush()
}

// ansiLine writes one line of text in the style sgr.
func ansiLine(w *bufio.Writer, sgr, text string) {
	ansiRun(w, sgr, text)
	w.WriteByte('\n')
}

// writeANSIWordDiff writes a step's spans (after displaySpans) like
// writeWordDiff, with styles instead of markers.
func writeANSIWordDiff(w *bufio.Writer, spans []diff.Span) {
	spans = textSpans(spans)
	for i := 0; i < len(spans); i++ {
		sp := spans[i]
		if renumberedRef(spans, i) {
			ansiRun(w, sgrRef, sp.Text+ansiArrow+spans[i+1].Text)
			i++
			continue
		}
		switch sp.Op {
		case diff.SpanDelete:
			ansiRun(w, sgrDelete, sp.Text)
		case diff.SpanInsert:
			ansiRun(w, sgrInsert, sp.Text)
		default:
			w.WriteString(safeForTerminal(sp.Text))
		}
	}
	w.WriteByte('\n')
}

// writeANSILineDiff writes the spans of a step compared line by line as
// writeLineDiff does, a changed line whole in its style: its spans as
// they are, for a change of indentation is a change there.
func writeANSILineDiff(w *bufio.Writer, spans []diff.Span) {
	writeLines(w, spans, func(w *bufio.Writer, op diff.SpanOp, line string) {
		switch op {
		case diff.SpanDelete:
			ansiRun(w, sgrDelete, line)
		case diff.SpanInsert:
			ansiRun(w, sgrInsert, line)
		default:
			w.WriteString(safeForTerminal(line))
		}
	})
}

// ansiRun writes text in the style sgr, closing the style before each
// line break and opening it again after, so that pagers such as less -R
// and terminals that scroll keep the colours on their lines.
func ansiRun(w *bufio.Writer, sgr, text string) {
	for i, line := range strings.Split(safeForTerminal(text), "\n") {
		if i > 0 {
			w.WriteByte('\n')
		}
		if line == "" {
			continue
		}
		w.WriteString(sgr + line + sgrReset)
	}
}

// safeForTerminal makes the control characters of s but line breaks and
// tabs (C0, DEL and C1, escape among them) and its bidirectional controls
// visible.
func safeForTerminal(s string) string { return visible.Text(s) }
