package render

import (
	"net/url"
	"strings"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

// This file writes the formatting of a block's text (draft.Mark, carried
// over the spans by diff.Result.SpanMarks) as HTML: emphasis as <em>,
// strong as <strong>, a code span as <code>, strikethrough as <s>,
// super- and subscripts as <sup> and <sub>, a link as its text in <a> when
// its address is http, https or mailto (any other, javascript: above all,
// shows as text alone). Each run of text with one set of marks is written
// in its own tags, opened and closed inside the run, so that the markup
// nests whatever the marks and the <ins> and <del> around them do.

// formatChanged is the style of the pseudo-marks that withFormatChanges
// adds over the runs whose formatting changed (diff.Result.
// FormattingChanges): no style of draft's, shown as <span class="fmt">
// around the run's other tags, with a hidden "formatting changed: " for
// screen readers at its start.
const formatChanged draft.Style = 255

// withFormatChanges returns the marks over each of n spans (from
// diff.Result.SpanMarks, maybe nil) with a formatChanged mark over each
// run of changes (from diff.Result.FormattingChanges, maybe nil).
func withFormatChanges(marks [][]draft.Mark, changes [][][2]int32, n int) [][]draft.Mark {
	if changes == nil {
		return marks
	}
	out := make([][]draft.Mark, n)
	for k := range out {
		if k < len(marks) {
			out[k] = marks[k]
		}
		for _, c := range changes[k] {
			out[k] = append(out[k][:len(out[k]):len(out[k])], draft.Mark{Start: c[0], End: c[1], Style: formatChanged})
		}
	}
	return out
}

// markTags are the tags of the styles, outermost first.
var markTags = [...]struct {
	style       draft.Style
	open, close string
}{
	{draft.Strong, "<strong>", "</strong>"},
	{draft.Emphasis, "<em>", "</em>"},
	{draft.Strikethrough, "<s>", "</s>"},
	{draft.CodeSpan, "<code>", "</code>"},
	{draft.Superscript, "<sup>", "</sup>"},
	{draft.Subscript, "<sub>", "</sub>"},
}

// writeMarked writes text, which starts off bytes into a span, escaped,
// with the span's marks (offsets into the span) over it.
func writeMarked(b htmlWriter, text string, marks []draft.Mark, off int) {
	end := off + len(text)
	at := off // the start of the run being written
	for at < end {
		// The run from at reaches the next place a mark starts or ends.
		next := end
		var styles uint16
		href, linked := "", false
		fmtChanged, fmtStart := false, false
		for _, m := range marks {
			s, e := int(m.Start), int(m.End)
			switch {
			case s > at:
				next = min(next, s)
				continue
			case e <= at:
				continue
			}
			next = min(next, e)
			if m.Style == formatChanged {
				fmtChanged, fmtStart = true, fmtStart || s == at
				continue
			}
			if m.Style == draft.Link {
				if !linked {
					href, linked = safeHref(m.Value)
				}
				continue
			}
			styles |= 1 << m.Style
		}
		run := esc(text[at-off : next-off])
		if fmtChanged {
			b.WriteString(`<span class="fmt">`)
			if fmtStart {
				b.WriteString(`<span class="sr-only" dir="ltr">formatting changed: </span>`)
			}
		}
		if linked {
			writeAll(b, `<a href="`, esc(href), `" rel="noopener noreferrer">`)
		}
		for _, t := range markTags {
			if styles&(1<<t.style) != 0 {
				b.WriteString(t.open)
			}
		}
		b.WriteString(run)
		for k := len(markTags) - 1; k >= 0; k-- {
			if styles&(1<<markTags[k].style) != 0 {
				b.WriteString(markTags[k].close)
			}
		}
		if linked {
			b.WriteString("</a>")
		}
		if fmtChanged {
			b.WriteString("</span>")
		}
		at = next
	}
}

// safeHref returns a link's address as it may stand in a page, and
// whether it may: an absolute http, https or mailto address that parses.
// Anything else (javascript:, data:, a relative or malformed address)
// is no link.
func safeHref(addr string) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(addr))
	if err != nil {
		return "", false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return "", false
		}
	case "mailto":
	default:
		return "", false
	}
	return u.String(), true
}

// displayMarked is displaySpans and then invisibleAsEqual on spans whose
// marks (one list per span, from diff.Result.SpanMarks) go with them:
// joined spans join their marks, a layout-only pair keeps the insertion's
// (the new text it shows), a dropped span drops its own. The spans it
// returns are those of invisibleAsEqual(displaySpans(spans)).
func displayMarked(spans []diff.Span, marks [][]draft.Mark) ([]diff.Span, [][]draft.Mark) {
	spans, marks = carryDisplay(spans, marks)
	var outS []diff.Span
	var outM [][]draft.Mark
	for i, sp := range spans {
		if invisibleEdit(sp) {
			if sp.Op == diff.SpanDelete {
				continue
			}
			sp.Op = diff.SpanEqual
		}
		outS, outM = appendMarked(outS, outM, sp, marks[i])
	}
	return outS, outM
}

// carryDisplay is displaySpans carrying marks.
func carryDisplay(spans []diff.Span, marks [][]draft.Mark) ([]diff.Span, [][]draft.Mark) {
	var outS []diff.Span
	var outM [][]draft.Mark
	for i := 0; i < len(spans); i++ {
		sp, ms := spans[i], marks[i]
		if layoutPair(spans, i) {
			text := spans[i+1].Text
			if sp.Op == diff.SpanInsert {
				text = sp.Text
			} else {
				ms = marks[i+1]
			}
			sp = diff.Span{Op: diff.SpanEqual, Text: text}
			i++
		}
		outS, outM = appendMarked(outS, outM, sp, ms)
	}
	return outS, outM
}

// appendMarked is appendSpan carrying marks: those of a span joined to the
// one before are moved by the length of its text.
func appendMarked(spans []diff.Span, marks [][]draft.Mark, sp diff.Span, ms []draft.Mark) ([]diff.Span, [][]draft.Mark) {
	if sp.Text == "" {
		return spans, marks
	}
	if n := len(spans); n > 0 && joins(spans[n-1], sp) {
		shift := int32(len(spans[n-1].Text))
		joined := append([]draft.Mark(nil), marks[n-1]...)
		for _, m := range ms {
			m.Start, m.End = m.Start+shift, m.End+shift
			joined = append(joined, m)
		}
		spans[n-1].Text += sp.Text
		marks[n-1] = joined
		return spans, marks
	}
	return append(spans, sp), append(marks, ms)
}
