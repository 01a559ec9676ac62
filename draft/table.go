package draft

// GitHub tables in Markdown drafts. goldmark's extension package has the
// table paragraph transformer, but importing it compiles a dozen regular
// expressions of other extensions at every start of the program (4 ms,
// a twentieth of comparing two 1 MB drafts); this is its transformer, the
// same rules without regular expressions. The test holds the two to the
// same blocks on every input FuzzReadMarkdown tries.

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// tableTransformer turns a paragraph whose lines hold a header row, a
// delimiter row and body rows into a table, as goldmark's
// extension.NewTableParagraphTransformer does; lines before the header
// stay a paragraph.
type tableTransformer struct{}

func (tableTransformer) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	if lines.Len() < 2 {
		return
	}
	source := reader.Source()
	for i := 1; i < lines.Len(); i++ {
		delim := lines.At(i)
		alignments := tableDelimiter(delim.Value(source))
		if alignments == nil {
			continue
		}
		header := tableRow(lines.At(i-1), alignments, true, source)
		if header == nil || len(alignments) != header.ChildCount() {
			return
		}
		table := extast.NewTable()
		table.Alignments = alignments
		table.SetPos(node.Pos())
		table.AppendChild(table, extast.NewTableHeader(header))
		for j := i + 1; j < lines.Len(); j++ {
			table.AppendChild(table, tableRow(lines.At(j), alignments, false, source))
		}
		node.Lines().SetSliced(0, i-1)
		node.Parent().InsertAfter(node.Parent(), node, table)
		if node.Lines().Len() == 0 {
			node.Parent().RemoveChild(node.Parent(), node)
		} else {
			last := node.Lines().At(i - 2)
			last.Stop-- // the header's line break
			node.Lines().Set(i-2, last)
		}
	}
}

// tableRow reads one row's cells from a line: cells are parted by "|"
// not preceded by a backslash, with an optional "|" at either end; a body
// row's cells past the header's are dropped, and missing ones are added
// empty.
func tableRow(segment text.Segment, alignments []extast.Alignment, isHeader bool, source []byte) *extast.TableRow {
	npos := segment
	segment = segment.TrimLeftSpace(source)
	segment = segment.TrimRightSpace(source)
	line := segment.Value(source)
	pos, limit := 0, len(line)
	row := extast.NewTableRow(alignments)
	row.SetPos(npos.Start)
	if len(line) > 0 && line[pos] == '|' {
		pos++
	}
	if len(line) > 0 && line[limit-1] == '|' {
		limit--
	}
	i := 0
	for ; pos < limit; i++ {
		alignment := extast.AlignNone
		if i >= len(alignments) {
			if !isHeader {
				return row
			}
		} else {
			alignment = alignments[i]
		}
		cell := extast.NewTableCell()
		cell.SetPos(npos.Start + pos - npos.Padding)
		cell.Alignment = alignment
		closure := pos
		for ; closure < limit; closure++ {
			if line[closure] == '|' && (closure == 0 || line[closure-1] != '\\') {
				break
			}
		}
		seg := text.NewSegment(segment.Start+pos, segment.Start+closure)
		seg = seg.TrimLeftSpace(source)
		seg = seg.TrimRightSpace(source)
		cell.Lines().Append(seg)
		row.AppendChild(row, cell)
		pos = closure + 1
	}
	for ; i < len(alignments); i++ {
		row.AppendChild(row, extast.NewTableCell())
	}
	return row
}

// tableDelimiter returns the columns' alignments if line is a delimiter
// row ("| :--- | ---: |"), else nil.
func tableDelimiter(line []byte) []extast.Alignment {
	if !isTableDelimiter(line) {
		return nil
	}
	cols := bytes.Split(line, []byte{'|'})
	if util.IsBlank(cols[0]) {
		cols = cols[1:]
	}
	if len(cols) > 0 && util.IsBlank(cols[len(cols)-1]) {
		cols = cols[:len(cols)-1]
	}
	var alignments []extast.Alignment
	for _, col := range cols {
		a, ok := columnAlignment(col)
		if !ok {
			return nil
		}
		alignments = append(alignments, a)
	}
	return alignments
}

// isTableDelimiter reports whether line, indented less than four columns,
// holds only white space, "-", "|" and ":", and not "-" alone.
func isTableDelimiter(line []byte) bool {
	if w, _ := util.IndentWidth(line, 0); w > 3 {
		return false
	}
	allDashes := true
	for _, b := range line {
		if b != '-' {
			allDashes = false
		}
		if !(util.IsSpace(b) || b == '-' || b == '|' || b == ':') {
			return false
		}
	}
	return !allDashes
}

// columnAlignment reads one column of a delimiter row: dashes, with a
// colon before for left, after for right, both for centre, between white
// space (of the regular expressions' \s: tab, line feed, form feed,
// carriage return, space).
func columnAlignment(col []byte) (extast.Alignment, bool) {
	core := bytes.Trim(col, "\t\n\f\r ")
	left := len(core) > 0 && core[0] == ':'
	right := len(core) > 1 && core[len(core)-1] == ':'
	dashes := core
	if left {
		dashes = dashes[1:]
	}
	if right {
		dashes = dashes[:len(dashes)-1]
	}
	if len(dashes) == 0 || len(bytes.Trim(dashes, "-")) > 0 {
		return extast.AlignNone, false
	}
	switch {
	case left && right:
		return extast.AlignCenter, true
	case left:
		return extast.AlignLeft, true
	case right:
		return extast.AlignRight, true
	}
	return extast.AlignNone, true
}
