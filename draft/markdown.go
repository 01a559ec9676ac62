package draft

// This file and table.go are the only ones that import goldmark.

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unsafe"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdownParser returns the shared goldmark parser: CommonMark block
// structure plus GitHub tables. It has no inline parsers, as text is taken
// from the source by position, and no link reference definitions, so that a
// line such as "[Alt 1]: States" stays text instead of vanishing into a
// definition. Paragraphs become raw text blocks as they close (see
// rawTransformer).
var markdownParser = sync.OnceValue(func() parser.Parser {
	return parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithParagraphTransformers(
			util.Prioritized(tableTransformer{}, 200),
			util.Prioritized(rawTransformer{}, 300), // after tables: goldmark runs the lowest first
		),
	)
})

// rawText is a paragraph whose text is not parsed for inlines.
type rawText struct {
	ast.BaseBlock
}

var kindRawText = ast.NewNodeKind("RawText")

func (n *rawText) Kind() ast.NodeKind { return kindRawText }

// IsRaw tells goldmark not to parse the text for inlines.
func (n *rawText) IsRaw() bool { return true }

func (n *rawText) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// Pos is the start of the first line, as for a paragraph.
func (n *rawText) Pos() int {
	if n.Lines().Len() == 0 {
		return -1
	}
	return n.Lines().At(0).Start
}

// rawTransformer replaces each paragraph, as it closes, by a rawText
// holding the same lines. Even with no inline parsers, goldmark's inline
// pass walks every byte of every paragraph and makes a text node per line:
// three quarters of its time on a draft, for nodes the reader never looks
// at (it takes text from the source by position). It runs after
// tableTransformer, and does what the paragraph parser's Close would have
// done, which goldmark skips for a replaced paragraph: trim each line's
// leading space and the last line's trailing space, and drop a paragraph
// left without lines. A paragraph about to become a setext heading is left
// alone. A paragraph in a tight list stays a rawText instead of becoming a
// TextBlock; the reader reads both alike. The test holds the blocks read
// to those of goldmark's own paragraphs on every input FuzzReadMarkdown
// tries.
type rawTransformer struct{}

func (rawTransformer) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	if !slices.ContainsFunc(pc.OpenedBlocks(), func(b parser.Block) bool { return b.Node == node }) {
		// goldmark offers the paragraph before a setext heading's
		// underline, taken off the open blocks, to the transformers
		// first: the heading takes its lines unless one replaces it.
		return
	}
	parent := node.Parent()
	lines := node.Lines()
	if lines.Len() == 0 {
		parent.RemoveChild(parent, node)
		return
	}
	source := reader.Source()
	for i := range lines.Len() {
		line := lines.At(i)
		lines.Set(i, line.TrimLeftSpace(source))
	}
	last := lines.At(lines.Len() - 1)
	lines.Set(lines.Len()-1, last.TrimRightSpace(source))
	raw := &rawText{}
	raw.SetLines(lines)
	raw.SetBlankPreviousLines(node.HasBlankPreviousLines())
	parent.ReplaceChild(parent, node, raw)
}

// readMarkdown reads a Markdown draft (valid UTF-8, line ends already LF)
// into blocks, walking goldmark's syntax tree, a part of the draft at a
// time (see markdownParts).
func readMarkdown(src []byte) []Block {
	return readMarkdownParts(src, markdownParts(src, minMarkdownPart))
}

// readMarkdownParts reads src parsing each part alone: parts are the
// offsets at which they start, the first 0.
func readMarkdownParts(src []byte, parts []int) []Block {
	return readMarkdownWith(markdownParser(), src, parts, true)
}

// readMarkdownWith is readMarkdownParts with parser p, reading plain parts
// without it (see readPlain) if plain is set.
func readMarkdownWith(p parser.Parser, src []byte, parts []int, plain bool) []Block {
	r := &markdownReader{lines: lineCursor{index: newLineIndex(src)}}
	// Blocks are mostly parted by blank lines; making room for them at
	// once saves growing a large slice step by step.
	r.blocks = make([]Block, 0, bytes.Count(src, []byte("\n\n"))+1)
	for k, start := range parts {
		end := len(src)
		if k+1 < len(parts) {
			end = parts[k+1]
		}
		part := src[start:end]
		r.src, r.text, r.base = part, unsafe.String(unsafe.SliceData(part), len(part)), start
		if !plain || !r.readPlain() {
			r.children(p.Parse(text.NewReader(part)), topLevel, false)
		}
	}
	return r.blocks
}

// minMarkdownPart is the least size of a part of a Markdown draft parsed
// alone.
const minMarkdownPart = 64 << 10

// markdownParts returns the offsets at which src can be parsed in parts,
// each at least minPart bytes: the starts of top-level headings ("#" at
// the start of a line, after a blank line). Such a line closes every
// block open before it (a paragraph, list, quote or table), so the parts
// parse as the whole does, unless a fenced code block or an HTML block,
// which may run on past blank lines, holds the line: a draft with a fence
// or any "<" is parsed whole. Parsing a part at a time lets the syntax
// tree of each go once its blocks are made: on a 10 MB draft goldmark's
// tree is twice the size of the draft.
func markdownParts(src []byte, minPart int) []int {
	parts := []int{0}
	if len(src) < 2*minPart || bytes.IndexByte(src, '<') >= 0 ||
		bytes.Contains(src, []byte("```")) || bytes.Contains(src, []byte("~~~")) {
		return parts
	}
	for i := 0; ; {
		j := bytes.Index(src[i:], []byte("\n\n#"))
		if j < 0 {
			return parts
		}
		at := i + j + 2 // the start of the line after the blank one
		if at-parts[len(parts)-1] >= minPart && len(src)-at >= minPart && isATXHeading(src[at:]) {
			parts = append(parts, at)
		}
		i = at
	}
}

// isATXHeading reports whether src starts with an ATX heading's opening:
// one to six "#" and then white space or the end of the line.
func isATXHeading(src []byte) bool {
	n := 0
	for n < len(src) && src[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && (n == len(src) || src[n] == ' ' || src[n] == '\t' || src[n] == '\n')
}

// markdownReader turns a goldmark syntax tree into blocks.
type markdownReader struct {
	builder
	src   []byte // the part being read (see readMarkdownParts)
	text  string // src as a string, sharing its memory (see Read)
	base  int    // the offset of src in the draft
	lines lineCursor
	// plainLines is readPlain's list of lines, kept for the next part.
	plainLines []plainLineInfo
}

// line returns the line number of offset off in the part being read.
func (r *markdownReader) line(off int) int { return r.lines.line(r.base + off) }

// children reads the blocks inside a container node, in the order they
// start in the source. goldmark's tree has them so but for one case: a
// paragraph whose last lines become a table, under a setext underline,
// leaves the table ahead of the heading its first lines make ("a\nb\n-|\n-"
// gives a table row "b" and then a heading "a"); such children are read
// sorted by where they start.
func (r *markdownReader) children(n ast.Node, sc scope, quoted bool) {
	inOrder, last := true, -1
	for c := n.FirstChild(); c != nil && inOrder; c = c.NextSibling() {
		start := nodeStart(c)
		inOrder = start < 0 || start >= last
		last = max(last, start)
	}
	if inOrder {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			r.node(c, sc, quoted)
		}
		return
	}
	type child struct {
		n     ast.Node
		start int
	}
	var kids []child
	last = -1
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if start := nodeStart(c); start >= 0 {
			last = start
		}
		kids = append(kids, child{c, last}) // an unknown start: the one before's
	}
	slices.SortStableFunc(kids, func(a, b child) int { return a.start - b.start })
	for _, k := range kids {
		r.node(k.n, sc, quoted)
	}
}

// nodeStart returns the offset in the part at which the text of block
// node n starts: its first line's, its first child's, or its position (a
// table made from a paragraph keeps the paragraph's); -1 if unknown.
func nodeStart(n ast.Node) int {
	if n.Type() != ast.TypeBlock {
		return -1
	}
	if n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if start := nodeStart(c); start >= 0 {
			return start
		}
	}
	return n.Pos()
}

// node reads one block node. Paragraphs, code blocks and HTML blocks are
// running text (in a draft an indented block is an indented sub-paragraph,
// not code); thematic breaks hold no words and are skipped.
func (r *markdownReader) node(n ast.Node, sc scope, quoted bool) {
	switch n := n.(type) {
	case *ast.Heading:
		r.heading(n.Level, joinLines(r.sourceLines(n)), r.firstLine(n))
	case *ast.Blockquote:
		r.children(n, sc, true)
	case *ast.List:
		r.list(n, sc, quoted)
	case *extast.Table:
		r.table(n, sc)
	case *ast.ThematicBreak:
	default:
		if isRunningText(n) {
			r.runningText(n, sc, quoted)
			return
		}
		r.children(n, sc, quoted)
	}
}

// isRunningText reports whether n is a block of running text.
func isRunningText(n ast.Node) bool {
	switch n.(type) {
	case *rawText, *ast.Paragraph, *ast.TextBlock, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
		return true
	}
	return false
}

// runningText adds the paragraphs of a block of running text: one, or more
// when it holds sub-paragraph lines or blank lines (see splitRunningText).
func (r *markdownReader) runningText(n ast.Node, sc scope, quoted bool) {
	for _, part := range splitRunningText(r.sourceLines(n)) {
		r.paragraph(quoteKind(quoted), sc, joinLines(part), part[0].num)
	}
}

// list adds the items of a list, each at the list's level.
func (r *markdownReader) list(l *ast.List, sc scope, quoted bool) {
	for c := l.FirstChild(); c != nil; c = c.NextSibling() {
		item, ok := c.(*ast.ListItem)
		if !ok {
			r.node(c, sc, quoted)
			continue
		}
		label := ""
		if l.IsOrdered() {
			label = r.itemNumber(item, l.Marker)
		}
		r.listItem(item, sc.level, label, quoted)
	}
}

// listItem adds a list item of the given level: its first paragraph (or an
// empty text) with the label, then the rest of its content one level down,
// later paragraphs and sub-paragraphs as Paragraph (or Quote) blocks.
func (r *markdownReader) listItem(item *ast.ListItem, level int, label string, quoted bool) {
	inner := scope{level: level + 1, owner: level}
	line := r.itemLine(item)
	first := item.FirstChild()
	if first == nil || !isRunningText(first) {
		r.item(level, label, "", line)
	} else {
		parts := splitRunningText(r.sourceLines(first))
		text := ""
		if len(parts) > 0 {
			text = joinLines(parts[0])
			parts = parts[1:]
		}
		r.item(level, label, text, line)
		for _, part := range parts {
			r.paragraph(quoteKind(quoted), inner, joinLines(part), part[0].num)
		}
		first = first.NextSibling()
	}
	for c := first; c != nil; c = c.NextSibling() {
		r.node(c, inner, quoted)
	}
}

// quoteKind returns the kind of running text: Quote inside a block quote,
// Paragraph elsewhere.
func quoteKind(quoted bool) Kind {
	if quoted {
		return Quote
	}
	return Paragraph
}

// itemLine returns the line of a list item's marker.
func (r *markdownReader) itemLine(item *ast.ListItem) int {
	if item.Pos() >= 0 {
		return r.line(item.Pos())
	}
	return r.firstLine(item)
}

// itemNumber returns an ordered list item's number as written in the
// source ("12."), as goldmark keeps only the list's start number. The item's
// position points at its marker, or a little past it where tabs were
// expanded, so the marker nearest to that position on its line is taken:
// a run of digits followed by the list's marker character and white space,
// at the start of the line or after white space or ">". If there is none,
// the item has no label: a number the source does not show is never made
// up.
func (r *markdownReader) itemNumber(item *ast.ListItem, marker byte) string {
	pos := item.Pos()
	if pos < 0 || pos >= len(r.text) {
		return ""
	}
	lineStart := strings.LastIndexByte(r.text[:pos], '\n') + 1
	// Mostly the marker is right at the position: none is nearer.
	if number := markerAt(r.text, lineStart, pos, marker); number != "" {
		return number
	}
	best, bestDistance := "", len(r.text)
	for start := max(lineStart, pos-32); start <= pos+8 && start < len(r.text); start++ {
		if number := markerAt(r.text, lineStart, start, marker); number != "" && abs(start-pos) < bestDistance {
			best, bestDistance = number, abs(start-pos)
		}
	}
	return best
}

// markerAt returns the ordered list marker ("12.") starting at src[start],
// or "" if there is none there. It is a copy: labels are compared many
// times over (renumbering, the page's classes and tables), and copies,
// made one after another, lie together in memory, where views into a
// large draft are each a read far from the last (a render of a 10 MB
// pair took 8 ms more CPU with views).
func markerAt(src string, lineStart, start int, marker byte) string {
	if start > lineStart && !strings.ContainsRune(" \t>", rune(src[start-1])) {
		return ""
	}
	end := start
	for end < len(src) && end-start < 9 && src[end] >= '0' && src[end] <= '9' {
		end++
	}
	if end == start || end >= len(src) || src[end] != marker {
		return ""
	}
	if end+1 < len(src) && !strings.ContainsRune(" \t\n", rune(src[end+1])) {
		return ""
	}
	return strings.Clone(src[start : end+1])
}

// abs returns the absolute value of n.
func abs(n int) int {
	return max(n, -n)
}

// table adds one TableRow block per row, header included, its cells'
// texts joined by " | ". Rows whose cells are all empty are skipped.
func (r *markdownReader) table(t *extast.Table, sc scope) {
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		text, offset := r.tableRow(row)
		if offset < 0 {
			offset = t.Pos()
		}
		if strings.Trim(text, " |") != "" {
			r.add(newBlock(TableRow, sc.level, "", strings.TrimSpace(text), r.line(offset)))
		}
	}
}

// tableRow returns the text of a table row (cells joined by " | ") and the
// offset at which it starts, or -1 if unknown.
func (r *markdownReader) tableRow(row ast.Node) (string, int) {
	var sb strings.Builder
	offset := row.Pos()
	for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
		if cell != row.FirstChild() {
			sb.WriteString(" | ")
		}
		segments := cell.Lines()
		for i := 0; i < segments.Len(); i++ {
			seg := segments.At(i)
			if seg.Start < 0 || seg.Start > seg.Stop || seg.Stop > len(r.src) {
				continue
			}
			if offset < 0 {
				offset = seg.Start
			}
			sb.Write(bytes.TrimSpace(seg.Value(r.src)))
		}
	}
	return sb.String(), offset
}

// sourceLines returns the source lines of a block node as its segments
// give them, trailing white space trimmed, with their line numbers; an
// HTML block's closing line is included.
func (r *markdownReader) sourceLines(n ast.Node) []sourceLine {
	segments := n.Lines()
	lines := make([]sourceLine, 0, segments.Len()+1)
	for i := 0; i < segments.Len(); i++ {
		lines = r.appendSegment(lines, segments.At(i))
	}
	if html, ok := n.(*ast.HTMLBlock); ok && html.HasClosure() {
		lines = r.appendSegment(lines, html.ClosureLine)
	}
	return lines
}

// appendSegment appends the source line of one segment, if it is sound.
func (r *markdownReader) appendSegment(lines []sourceLine, seg text.Segment) []sourceLine {
	if seg.Start < 0 || seg.Start > seg.Stop || seg.Stop > len(r.src) {
		return lines
	}
	var value string
	if seg.Padding == 0 {
		value = r.text[seg.Start:seg.Stop] // a view, not a copy
	} else {
		value = string(seg.Value(r.src))
	}
	value = strings.TrimRightFunc(value, unicode.IsSpace)
	return append(lines, sourceLine{value, r.line(seg.Start)})
}

// firstLine returns the line on which a block node starts.
func (r *markdownReader) firstLine(n ast.Node) int {
	if n.Lines().Len() > 0 {
		return r.line(n.Lines().At(0).Start)
	}
	return r.line(n.Pos())
}

// splitRunningText splits the lines of a block of running text into
// paragraphs: a blank line ends one, and a line starting with a label
// starts one where opensSubBlock says so.
func splitRunningText(lines []sourceLine) [][]sourceLine {
	return groupLines(lines, func(i int) bool {
		return opensSubBlock(lines[i-1].text, lines[i].text)
	})
}

// maxNesting is the deepest nesting of block quotes and list items the
// Markdown reader accepts. goldmark's work on a line grows with the depth
// of the blocks open there (quadratically for items nested by indentation),
// so deeper text, never seen in a real draft, is read as plain text.
const maxNesting = 32

// nestedTooDeep reports whether some line of src may nest block quotes and
// list items more than maxNesting deep (see nestingDepth).
func nestedTooDeep(src []byte) bool {
	for len(src) > 0 {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		if nestingDepth(line) > maxNesting {
			return true
		}
	}
	return false
}

// nestingDepth estimates from above how deeply a line nests block quotes
// and list items: the quote and list markers at its start, and, if there is
// a list marker, half the columns of white space among them, as items also
// nest by indentation.
func nestingDepth(line []byte) int {
	markers, columns, listed := 0, 0, false
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == ' ':
			columns++
			i++
		case c == '\t':
			columns += 4
			i++
		case c == '>':
			markers++
			i++
		case listMarkerLen(line[i:]) > 0:
			markers, listed = markers+1, true
			i += listMarkerLen(line[i:])
		default:
			i = len(line)
		}
	}
	if listed {
		return markers + columns/2
	}
	return markers
}

// listMarkerLen returns the length of a list marker ("-", "*", "+", "12."
// or "12)") at the start of b, followed by white space or the end of b, or 0.
func listMarkerLen(b []byte) int {
	n := 0
	for n < len(b) && n < 9 && b[n] >= '0' && b[n] <= '9' {
		n++
	}
	switch {
	case n > 0 && n < len(b) && (b[n] == '.' || b[n] == ')'):
		n++
	case n == 0 && len(b) > 0 && (b[0] == '-' || b[0] == '*' || b[0] == '+'):
		n = 1
	default:
		return 0
	}
	if n < len(b) && b[n] != ' ' && b[n] != '\t' {
		return 0
	}
	return n
}
