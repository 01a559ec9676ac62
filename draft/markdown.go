package draft

// This file, inline.go and table.go are the only ones that import goldmark.

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unsafe"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdownParser returns the shared goldmark parser: CommonMark plus
// GitHub tables and strikethrough, without link reference definitions, so
// that a line such as "[Alt 1]: States" stays text instead of vanishing
// into a definition. Paragraphs without inline markup become raw text
// blocks as they close, their text taken from the source by position (see
// rawTransformer); the others are parsed for inlines, and read as the
// text a reader sees (see visibleLines).
var markdownParser = sync.OnceValue(func() parser.Parser {
	return parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(append(parser.DefaultInlineParsers(),
			util.Prioritized(extension.NewStrikethroughParser(), 500))...),
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

// rawTransformer replaces each paragraph without inline markup (see
// hasInlineMarkup), as it closes, by a rawText holding the same lines.
// Even with no inline parsers, goldmark's inline
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
		if line := lines.At(i); hasInlineMarkup(line.Value(source)) {
			return // read for its inlines
		}
	}
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
	if fm := frontMatterEnd(src); fm > 0 {
		r.frontMatter(src[:fm])
		r.frontMatterRead = true
		if parts[0] = fm; len(parts) > 1 && parts[1] <= fm {
			parts = parts[1:] // never: markdownParts starts after it
		}
	}
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
	fm := frontMatterEnd(src)
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
		if at > fm && at-max(parts[len(parts)-1], fm) >= minPart && len(src)-at >= minPart && isATXHeading(src[at:]) {
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
	// frontMatterRead is set when the draft has front matter, as a
	// kramdown-rfc draft has (see kramdownSection).
	frontMatterRead bool
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

// node reads one block node. Code blocks (fenced and indented) are Code
// blocks; HTML blocks are read for what they show (see htmlBlock);
// thematic breaks hold no words and are skipped.
func (r *markdownReader) node(n ast.Node, sc scope, quoted bool) {
	switch n := n.(type) {
	case *ast.Heading:
		r.addHeading(n.Level, n)
	case *ast.Blockquote:
		r.children(n, sc, true)
	case *ast.List:
		r.list(n, sc, quoted)
	case *extast.Table:
		r.table(n, sc)
	case *ast.ThematicBreak:
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		r.code(n, sc)
	case *ast.HTMLBlock:
		r.htmlBlock(n, sc, quoted)
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
	case *rawText, *ast.Paragraph, *ast.TextBlock:
		return true
	}
	return false
}

// textPart is one paragraph of a block of running text: its text as a
// reader sees it, its source line and the marks of its formatting.
type textPart struct {
	text  string
	num   int
	marks []Mark
}

// textParts returns the paragraphs of a block of running text: one, or
// more when it holds sub-paragraph lines or blank lines (see
// splitRunningText). A raw text block's text is its source; another's is
// read from its inlines (see visibleLines).
func (r *markdownReader) textParts(n ast.Node) []textPart {
	var lines []sourceLine
	var marks []Mark
	if _, raw := n.(*rawText); raw {
		lines = r.sourceLines(n)
	} else {
		lines, marks = r.visibleLines(n)
	}
	groups := splitRunningText(lines)
	parts := make([]textPart, len(groups))
	slices.SortFunc(marks, func(a, b Mark) int { return int(a.Start) - int(b.Start) })
	var w markWindow
	at, line := 0, 0 // the offset of lines[line] in the lines joined
	for k, g := range groups {
		// Groups are runs of lines in order: the lines before this one
		// are counted once, not again for each group.
		for ; &lines[line] != &g[0]; line++ {
			at += len(lines[line].text) + 1
		}
		text := joinLines(g)
		parts[k] = textPart{text, g[0].num, w.in(marks, at, at+len(text))}
	}
	return parts
}

// addHeading adds a heading of the given level, its text read from its
// inlines.
func (r *markdownReader) addHeading(level int, n ast.Node) {
	lines, marks := r.visibleLines(n)
	r.heading(level, joinLines(lines), r.firstLine(n), marks...)
}

// runningText adds the paragraphs of a block of running text.
func (r *markdownReader) runningText(n ast.Node, sc scope, quoted bool) {
	for _, part := range r.textParts(n) {
		if r.frontMatterRead && sc == topLevel && !quoted {
			if title, ok := kramdownSection(part.text); ok {
				if title != "" {
					r.heading(1, title, part.num)
				}
				continue
			}
		}
		r.paragraph(quoteKind(quoted), sc, part.text, part.num, part.marks...)
	}
}

// code adds a code block as a Code block: its lines as written, each
// without trailing white space, blank lines at either end left out.
func (r *markdownReader) code(n ast.Node, sc scope) {
	r.addCode(r.sourceLines(n), sc)
}

// addCode adds lines as a Code block at the scope's level, unless they
// are all blank.
func (r *markdownReader) addCode(lines []sourceLine, sc scope) {
	for len(lines) > 0 && strings.TrimSpace(lines[0].text) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1].text) == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) > 0 {
		r.add(newBlock(Code, sc.level, "", joinLines(lines), lines[0].num))
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
		parts := r.textParts(first)
		text, marks := "", []Mark(nil)
		if len(parts) > 0 {
			text, marks = parts[0].text, parts[0].marks
			parts = parts[1:]
		}
		r.item(level, label, text, line, marks...)
		for _, part := range parts {
			r.paragraph(quoteKind(quoted), inner, part.text, part.num, part.marks...)
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
		text, marks, offset := r.tableRow(row)
		if offset < 0 {
			offset = t.Pos()
		}
		if strings.Trim(text, " |") != "" {
			r.add(withMarks(newBlock(TableRow, sc.level, "", strings.TrimSpace(text), r.line(offset)), text, marks))
		}
	}
}

// tableRow returns the text of a table row (the text each cell shows,
// cells joined by " | "), the marks of its formatting, and the offset at
// which it starts, or -1 if unknown.
func (r *markdownReader) tableRow(row ast.Node) (string, []Mark, int) {
	var sb strings.Builder
	var marks []Mark
	offset := row.Pos()
	for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
		if cell != row.FirstChild() {
			sb.WriteString(" | ")
		}
		segments := cell.Lines()
		for i := 0; i < segments.Len(); i++ {
			if seg := segments.At(i); offset < 0 && seg.Start >= 0 {
				offset = seg.Start
			}
		}
		lines, cellMarks := r.visibleLines(cell)
		text := joinLines(lines)
		trimmed := strings.TrimSpace(text)
		at := sb.Len() - (len(text) - len(strings.TrimLeftFunc(text, unicode.IsSpace)))
		for _, m := range cellMarks {
			m.Start, m.End = m.Start+int32(at), m.End+int32(at)
			marks = append(marks, m)
		}
		sb.WriteString(strings.ReplaceAll(trimmed, "\n", " "))
	}
	return sb.String(), marks, offset
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
// so deeper text, never seen in a real draft, is refused with an error
// that says to read it as plain text.
const maxNesting = 32

// nestedTooDeep reports whether some line of src, outside a fenced code
// block, may nest block quotes and list items more than maxNesting deep
// (see nestingDepth), and if so the number of the first such line.
func nestedTooDeep(src []byte) (int, bool) {
	var fence []byte // the fence of the code block open, if any
	for num := 1; len(src) > 0; num++ {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		if f := codeFence(line); f != nil {
			switch {
			case fence == nil:
				fence = f
			case f[0] == fence[0] && len(f) >= len(fence) && len(bytes.TrimSpace(line)) == len(f):
				fence = nil
			}
			continue
		}
		if fence == nil && nestingDepth(line) > maxNesting {
			return num, true
		}
	}
	return 0, false
}

// codeFence returns the fence ("```", "~~~~") that line, indented at most
// three spaces, starts with, or nil.
func codeFence(line []byte) []byte {
	i := 0
	for i < len(line) && i < 3 && line[i] == ' ' {
		i++
	}
	if i >= len(line) || line[i] != '`' && line[i] != '~' {
		return nil
	}
	j := i
	for j < len(line) && line[j] == line[i] {
		j++
	}
	if j-i < 3 || line[i] == '`' && bytes.IndexByte(line[j:], '`') >= 0 {
		return nil
	}
	return line[i:j]
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

// frontMatterEnd returns the end of the YAML or TOML front matter that
// starts src, after its closing line, or 0 if there is none. YAML front
// matter opens with a line "---" and closes with "---" or "...", and has
// a line "key: …" among the lines between; TOML front matter opens and
// closes with "+++". (A draft starting with a thematic break and a setext
// heading is no front matter: it has no "key:" line.)
func frontMatterEnd(src []byte) int {
	first, rest, ok := bytes.Cut(src, []byte("\n"))
	if !ok {
		return 0
	}
	fence := string(bytes.TrimRight(first, " \t"))
	if fence != "---" && fence != "+++" {
		return 0
	}
	keyed := fence == "+++"
	at := len(first) + 1
	for len(rest) > 0 {
		line, next, _ := bytes.Cut(rest, []byte("\n"))
		at += len(line) + 1
		trimmed := string(bytes.TrimRight(line, " \t"))
		if trimmed == fence || fence == "---" && trimmed == "..." {
			if !keyed {
				return 0
			}
			return min(at, len(src))
		}
		keyed = keyed || isYAMLKeyLine(line)
		rest = next
	}
	return 0
}

// isYAMLKeyLine reports whether line starts "key:" (a YAML mapping key at
// the left margin, followed by white space or the end of the line).
func isYAMLKeyLine(line []byte) bool {
	i := 0
	for i < len(line) && (line[i] == '_' || line[i] == '-' || '0' <= line[i] && line[i] <= '9' ||
		'a' <= line[i]|0x20 && line[i]|0x20 <= 'z') {
		i++
	}
	return i > 0 && i < len(line) && line[i] == ':' && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t')
}

// frontMatter adds the front matter fm (its fences included) as one
// FrontMatter block of its lines between the fences.
func (r *markdownReader) frontMatter(fm []byte) {
	text := string(fm)
	var lines []sourceLine
	for k, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		lines = append(lines, sourceLine{strings.TrimRightFunc(line, unicode.IsSpace), k + 1})
	}
	if len(lines) < 2 {
		return
	}
	lines = lines[1 : len(lines)-1]
	for len(lines) > 0 && strings.TrimSpace(lines[0].text) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1].text) == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) > 0 {
		r.add(newBlock(FrontMatter, 0, "", joinLines(lines), lines[0].num))
	}
}

// kramdownSection reads a kramdown-rfc section marker, a paragraph
// "--- abstract", "--- middle", "--- back" or "--- note_Title", as the
// draft shows it: the abstract and a note as a heading of that title
// ("Abstract"), the others as nothing. It reports false for other text.
func kramdownSection(text string) (string, bool) {
	name, ok := strings.CutPrefix(text, "--- ")
	switch {
	case !ok:
		return "", false
	case name == "abstract":
		return "Abstract", true
	case name == "middle" || name == "back":
		return "", true
	case strings.HasPrefix(name, "note_") && len(name) > 5 && !strings.ContainsAny(name, " \n"):
		return strings.ReplaceAll(name[5:], "_", " "), true
	}
	return "", false
}
