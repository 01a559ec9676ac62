package draft

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding/charmap"
)

// This file reads HTML drafts with golang.org/x/net/html, the HTML5
// parsing algorithm browsers use, into the blocks a reader of the page
// sees. See the package documentation for what becomes a block.

// maxHTMLDepth bounds the nesting of elements read; deeper content is left
// out, with a warning. (The parser itself refuses documents whose open
// elements nest more than 512 deep.)
const maxHTMLDepth = 512

// maxOpenFormatting bounds the formatting elements (<b>, <i>, <a>, <font>…)
// left open at once that the reader honours: the parser opens every one of
// them again in each new paragraph, so that a few bytes of unclosed tags
// would otherwise build a tree many times the size of the page. Formatting
// tags past the bound are dropped, their text kept.
const maxOpenFormatting = 16

// lineAttr is the attribute by which each element's source line reaches
// the parsed tree (the parser keeps no positions).
const lineAttr = "data-redline-line"

// readHTMLDocument is Read for an HTML draft: src is its prepared text,
// doc the Document to fill.
func readHTMLDocument(doc *Document, src string) (*Document, error) {
	root, err := html.Parse(strings.NewReader(withLines(src)))
	if err != nil {
		return nil, &Error{doc.Name, fmt.Errorf("not readable as HTML: %v", err)}
	}
	r := &htmlReader{}
	r.children(root, htmlContext{})
	r.flush(htmlContext{})
	doc.Blocks = r.b.blocks
	if r.tooDeep {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf(
			"%s: HTML nested more than %d elements deep; the deeper content left out", doc.Name, maxHTMLDepth))
	}
	return doc, nil
}

// readHTMLBlocks reads src, a fragment of HTML that starts on line first
// of a draft (a Markdown draft's raw HTML, say), into blocks as an HTML
// page is read, their lines those of the draft; false if the parser
// refuses it.
func readHTMLBlocks(src string, first int) ([]Block, bool) {
	d, err := readHTMLDocument(&Document{}, src)
	if err != nil {
		return nil, false
	}
	for i := range d.Blocks {
		d.Blocks[i].Line = int32(min(int64(d.Blocks[i].Line)+int64(first)-1, math.MaxInt32))
	}
	return d.Blocks, true
}

// legacyCharsets are the single-byte encodings, by the names a page's
// meta charset gives them (ISO-8859-1 and ASCII read as Windows-1252, as
// browsers read them), in which a page that is not UTF-8 is decoded.
var legacyCharsets = map[string]*charmap.Charmap{
	"windows-1252": charmap.Windows1252, "cp1252": charmap.Windows1252, "iso-8859-1": charmap.Windows1252,
	"iso8859-1": charmap.Windows1252, "latin1": charmap.Windows1252, "us-ascii": charmap.Windows1252,
	"windows-1250": charmap.Windows1250, "iso-8859-2": charmap.ISO8859_2, "windows-1251": charmap.Windows1251,
	"iso-8859-15": charmap.ISO8859_15,
}

// decodeHTML returns a page that is not valid UTF-8 decoded from the
// single-byte encoding its meta charset names (see legacyCharsets); other
// data as it is.
func decodeHTML(data []byte) []byte {
	if utf8.Valid(data) {
		return data
	}
	cm := legacyCharsets[metaCharset(data)]
	if cm == nil {
		return data
	}
	out, err := cm.NewDecoder().Bytes(data)
	if err != nil {
		return data
	}
	return out
}

// metaCharset returns the charset a page names in its first 1024 bytes
// ("<meta charset=…>" or a Content-Type's "charset=…"), in lower case, or
// "".
func metaCharset(data []byte) string {
	head := bytes.ToLower(data[:min(len(data), 1024)])
	for {
		i := bytes.Index(head, []byte("charset"))
		if i < 0 {
			return ""
		}
		rest := bytes.TrimLeft(head[i+len("charset"):], " \t\n\r\f")
		head = head[i+len("charset"):]
		if len(rest) == 0 || rest[0] != '=' {
			continue
		}
		rest = bytes.TrimLeft(rest[1:], " \t\n\r\f\"'")
		end := bytes.IndexAny(rest, " \t\n\r\f\"';/>")
		if end < 0 {
			return ""
		}
		return string(rest[:end])
	}
}

// htmlFormatting are the elements HTML's parser reopens in each new block
// while they are open (its "active formatting elements").
var htmlFormatting = map[string]bool{"a": true, "b": true, "big": true, "code": true, "em": true, "font": true,
	"i": true, "nobr": true, "s": true, "small": true, "strike": true, "strong": true, "tt": true, "u": true}

// withLines returns src with each start tag but formatting ones given the
// attribute lineAttr, its source line, and formatting start tags past
// maxOpenFormatting open ones (and their end tags) left out. It tokenizes
// as the parser does, CDATA sections read inside <svg> and <math>, but
// for the parser's finer changes of tokenizer state in foreign content:
// there a tag may go without its line.
func withLines(src string) string {
	z := html.NewTokenizer(strings.NewReader(src))
	var sb strings.Builder
	sb.Grow(len(src) + len(src)/8)
	pos, line, open, foreign := 0, 1, 0, 0
	opened, dropped := map[string]int{}, map[string]int{}
	for {
		z.AllowCDATA(foreign > 0) // as the parser does in SVG and MathML
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		start := pos
		pos += len(z.Raw())
		tok := src[start:pos]
		startLine := line
		line += strings.Count(tok, "\n")
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken && tt != html.EndTagToken {
			sb.WriteString(tok)
			continue
		}
		name, _ := z.TagName()
		tag := string(name)
		if tag == "svg" || tag == "math" {
			switch tt {
			case html.StartTagToken:
				foreign++
			case html.EndTagToken:
				foreign = max(foreign-1, 0)
			}
		}
		switch {
		case tt == html.EndTagToken && dropped[tag] > 0:
			dropped[tag]--
			continue
		case tt == html.EndTagToken:
			if opened[tag] > 0 {
				opened[tag]--
				open--
			}
		case htmlFormatting[tag] && open >= maxOpenFormatting:
			dropped[tag]++
			continue
		case htmlFormatting[tag]:
			opened[tag]++
			open++
		case tt != html.EndTagToken && len(tok) > len(name):
			// After the name, so that it is the first of its name,
			// which is the one the parser keeps.
			sb.WriteString(tok[:1+len(name)])
			sb.WriteString(" " + lineAttr + `="` + strconv.Itoa(startLine) + `"`)
			sb.WriteString(tok[1+len(name):])
			continue
		}
		sb.WriteString(tok)
	}
	sb.WriteString(src[pos:])
	return sb.String()
}

// htmlReader collects the blocks of a parsed page. The text of the block
// being read, with white space collapsed as a browser does, is in buf.
type htmlReader struct {
	b     builder
	buf   []byte
	marks []Mark // marks closed in buf
	// open are the marks of the inline elements being read, Start set:
	// a block boundary inside one closes it there and opens it again in
	// the next block.
	open []Mark
	// space is set when white space was read after buf's last character:
	// written as one space before the next word.
	space bool
	// line is the source line of the last element entered; blockLine the
	// line of buf's first character; lastLine that of the last block.
	line, blockLine, lastLine int
	// cells counts the cells of the table row being read.
	cells   int
	tooDeep bool
}

// htmlContext is where in the page an element stands.
type htmlContext struct {
	kind Kind      // Paragraph, or Quote inside a block quote
	sc   scope     // the nesting of running text (see builder)
	item *htmlItem // the list item whose first text is its own
	list *htmlList // the list whose items are read
	row  bool      // inside a table row: cells are joined by " | "
	// layout is set inside a table that lays out the page (see
	// layoutTable), whose cells hold blocks rather than cells of a row.
	layout bool
	cell   bool // inside a table cell: blocks run on, spaced
	pre    bool // inside <pre>: white space kept
	// sectioning is set inside article, aside, main or section, where
	// header and footer are the section's, not the page's furniture.
	sectioning bool
	depth      int
}

// htmlItem is a list item being read.
type htmlItem struct {
	level int
	label string
	line  int  // the line of its start tag
	done  bool // its block was added
}

// htmlList is an ordered or bulleted list being read.
type htmlList struct {
	ordered bool
	next    int    // the number of the next item
	step    int    // 1, or -1 in a reversed list
	format  string // a numbering format, as formatNumber takes
	marker  bool   // the page shows the numbers
}

// children reads n's children in order.
func (r *htmlReader) children(n *html.Node, ctx htmlContext) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			r.text(c.Data, ctx)
		case html.ElementNode:
			r.element(c, ctx)
		}
	}
}

// blockElements are the HTML elements that start and end blocks of text.
var blockElements = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Body: true,
	atom.Caption: true, atom.Center: true, atom.Dd: true, atom.Details: true, atom.Dialog: true, atom.Dir: true,
	atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true,
	atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Header: true, atom.Hgroup: true, atom.Hr: true, atom.Html: true, atom.Legend: true,
	atom.Li: true, atom.Listing: true, atom.Main: true, atom.Menu: true, atom.Ol: true, atom.P: true,
	atom.Plaintext: true, atom.Pre: true, atom.Search: true, atom.Section: true, atom.Summary: true,
	atom.Table: true, atom.Tbody: true, atom.Td: true, atom.Tfoot: true, atom.Th: true, atom.Thead: true,
	atom.Tr: true, atom.Ul: true, atom.Xmp: true,
}

// ignoredElements hold nothing a reader of the page reads as the draft:
// the head, scripts and styles, navigation, controls and embedded media.
var ignoredElements = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Template: true, atom.Noscript: true,
	atom.Nav: true, atom.Title: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Canvas: true, atom.Audio: true, atom.Video: true, atom.Button: true, atom.Select: true,
	atom.Datalist: true, atom.Textarea: true, atom.Input: true, atom.Svg: true,
}

// markStyles are the inline elements read as formatting.
var markStyles = map[atom.Atom]Style{
	atom.Em: Emphasis, atom.I: Emphasis, atom.Strong: Strong, atom.B: Strong,
	atom.Code: CodeSpan, atom.Kbd: CodeSpan, atom.Samp: CodeSpan, atom.Tt: CodeSpan,
	atom.Del: Strikethrough, atom.S: Strikethrough, atom.Strike: Strikethrough,
	atom.Sup: Superscript, atom.Sub: Subscript,
}

// element reads one element and its content: one case for each way of
// reading one.
func (r *htmlReader) element(n *html.Node, ctx htmlContext) {
	if r.ignored(n, ctx) {
		return
	}
	if ctx.depth++; ctx.depth > maxHTMLDepth {
		r.tooDeep = true
		return
	}
	r.noteLine(n)
	if n.Namespace != "" { // MathML: its text, inline
		r.children(n, ctx)
		return
	}
	level := headingLevel(n)
	switch a := n.DataAtom; {
	case a == atom.Br && ctx.cell:
		r.space = true // a cell's text is one line
	case a == atom.Br:
		r.lineBreak()
	case a == atom.Img:
		r.text(attrOf(n, "alt"), ctx)
	case ctx.cell && (blockElements[a] || level > 0):
		// Within a cell, paragraphs, lists and nested tables run on.
		r.space = true
		r.children(n, ctx)
		r.space = true
	case level > 0:
		r.startBlock(ctx)
		r.children(n, ctx)
		r.addHeading(level)
	case a == atom.Li:
		r.listItem(n, ctx)
	case a == atom.Ol || a == atom.Ul || a == atom.Menu || a == atom.Dir:
		r.startBlock(ctx)
		ctx.list = newHTMLList(n)
		r.children(n, ctx)
		r.flush(ctx)
	case a == atom.Tr && !ctx.row && !ctx.layout:
		r.tableRow(n, ctx)
	case (a == atom.Td || a == atom.Th) && ctx.row:
		r.tableCell(n, ctx)
	case a == atom.Pre || a == atom.Listing || a == atom.Xmp || a == atom.Plaintext:
		r.startBlock(ctx)
		ctx.pre = true
		r.children(n, ctx)
		r.addCode(ctx)
	case blockElements[a]:
		if a == atom.Blockquote || a == atom.Dl || a == atom.Table || a == atom.Hr {
			r.startBlock(ctx)
		} else {
			r.flush(ctx) // a list item's first paragraph is its text
		}
		r.children(n, r.inside(n, ctx))
		r.flush(r.inside(n, ctx))
	default:
		r.inline(n, ctx)
	}
}

// inside returns the context of the content of block element n.
func (r *htmlReader) inside(n *html.Node, ctx htmlContext) htmlContext {
	switch n.DataAtom {
	case atom.Blockquote:
		ctx.kind = Quote
	case atom.Dd:
		ctx.sc = scope{level: ctx.sc.level + 1, owner: ctx.sc.level}
		ctx.item = nil
	case atom.Article, atom.Aside, atom.Main, atom.Section:
		ctx.sectioning = true
	case atom.Table:
		ctx.list = nil
		ctx.layout = layoutTable(n)
	}
	return ctx
}

// layoutTable reports whether table element n lays out a page rather
// than holding data, as old pages and Word's exported HTML use tables:
// it says so by its role ("presentation", "none"), or it has no header
// cells, head or caption and one of its cells holds a heading, a list, a
// table, or more than one paragraph (or more elements than a table of
// data has, which bounds the look).
func layoutTable(n *html.Node) bool {
	switch strings.ToLower(strings.TrimSpace(attrOf(n, "role"))) {
	case "presentation", "none":
		return true
	}
	var cells []*html.Node
	for _, part := range tableParts(n) {
		switch part.DataAtom {
		case atom.Th, atom.Thead, atom.Caption:
			return false
		case atom.Td:
			cells = append(cells, part)
		}
	}
	budget := maxCellScan
	for _, cell := range cells {
		if holdsBlocks(cell, &budget) {
			return true
		}
	}
	return false
}

// maxCellScan is the number of elements layoutTable looks at in a table's
// cells before it takes the table for a layout.
const maxCellScan = 4096

// tableParts returns the parts of a table down to its cells: row groups,
// caption, rows and cells, not those of tables nested in it.
func tableParts(table *html.Node) []*html.Node {
	var parts []*html.Node
	for c := table.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		parts = append(parts, c)
		if c.DataAtom == atom.Tr || c.DataAtom == atom.Thead || c.DataAtom == atom.Tbody || c.DataAtom == atom.Tfoot {
			parts = append(parts, tableParts(c)...)
		}
	}
	return parts
}

// holdsBlocks reports whether a table cell holds a heading, a list, a
// table or more than one paragraph, at any depth, or more elements than
// budget, which it counts down.
func holdsBlocks(cell *html.Node, budget *int) bool {
	paragraphs := 0
	stack := []*html.Node{cell.FirstChild}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for ; n != nil; n = n.NextSibling {
			if n.Type != html.ElementNode {
				continue
			}
			if *budget--; *budget < 0 {
				return true
			}
			switch n.DataAtom {
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Ul, atom.Ol, atom.Table:
				return true
			case atom.P:
				if paragraphs++; paragraphs > 1 {
					return true
				}
			}
			stack = append(stack, n.FirstChild)
		}
	}
	return false
}

// inline reads an inline element: its text, marked with its formatting.
func (r *htmlReader) inline(n *html.Node, ctx htmlContext) {
	style, ok := markStyles[n.DataAtom]
	value := ""
	if n.DataAtom == atom.A {
		value = strings.TrimSpace(attrOf(n, "href"))
		style, ok = Link, value != ""
	}
	if style == CodeSpan && ctx.pre {
		ok = false // the block is code already
	}
	if !ok {
		r.children(n, ctx)
		return
	}
	r.writeSpace()
	r.open = append(r.open, Mark{Start: int32(len(r.buf)), Style: style, Value: value})
	r.children(n, ctx)
	m := r.open[len(r.open)-1]
	r.open = r.open[:len(r.open)-1]
	m.End = int32(len(r.buf))
	r.marks = append(r.marks, m)
}

// ignored reports whether element n is left out: hidden, one of
// ignoredElements, SVG, page navigation by its role, or the page's own
// header or footer (outside any article, aside, main or section).
func (r *htmlReader) ignored(n *html.Node, ctx htmlContext) bool {
	if n.Namespace == "svg" || n.Namespace == "" && ignoredElements[n.DataAtom] {
		return true
	}
	if n.Namespace == "" && (n.DataAtom == atom.Header || n.DataAtom == atom.Footer) && !ctx.sectioning {
		return true
	}
	for _, a := range n.Attr {
		v := strings.ToLower(strings.TrimSpace(a.Val))
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if v == "true" {
				return true
			}
		case "role":
			if v == "navigation" || v == "banner" || v == "contentinfo" || v == "search" {
				return true
			}
		case "style":
			v = strings.ReplaceAll(v, " ", "")
			if strings.Contains(v, "display:none") || strings.Contains(v, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// headingLevel returns the level of a heading element (h1–h6, or an
// element of role "heading" with its aria-level, 2 if none), or 0.
func headingLevel(n *html.Node) int {
	if n.Namespace != "" {
		return 0
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return int(n.Data[1] - '0')
	}
	if strings.EqualFold(strings.TrimSpace(attrOf(n, "role")), "heading") {
		return min(max(atoiOr(attrOf(n, "aria-level"), 2), 1), 6)
	}
	return 0
}

// attrOf returns the value of n's attribute key, or "".
func attrOf(n *html.Node, key string) string {
	v, _ := hasAttr(n, key)
	return v
}

// noteLine takes the source line of element n, if withLines gave it one.
func (r *htmlReader) noteLine(n *html.Node) {
	if line := atoiOr(attrOf(n, lineAttr), 0); line > 0 {
		r.line = line
	}
}

// newHTMLList returns the state of list element n: ordered for <ol>,
// counting from its start (or down from the number of its items if
// reversed), in the format of its type, showing numbers unless its style
// says list-style none.
func newHTMLList(n *html.Node) *htmlList {
	l := &htmlList{ordered: n.DataAtom == atom.Ol, step: 1, format: "decimal", marker: !hidesMarker(n)}
	if !l.ordered {
		return l
	}
	_, reversed := hasAttr(n, "reversed")
	if reversed {
		l.step = -1
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.Li {
				l.next++
			}
		}
	} else {
		l.next = 1
	}
	if s, ok := hasAttr(n, "start"); ok {
		l.next = clampCount(atoiOr(s, l.next))
	}
	switch attrOf(n, "type") {
	case "a":
		l.format = "lowerLetter"
	case "A":
		l.format = "upperLetter"
	case "i":
		l.format = "lowerRoman"
	case "I":
		l.format = "upperRoman"
	}
	return l
}

// clampCount keeps a list's count where counting on cannot overflow.
func clampCount(n int) int {
	return min(max(n, -1e9), 1e9)
}

// hasAttr returns n's attribute key and whether n has it.
func hasAttr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// hidesMarker reports whether n's style attribute hides list markers.
func hidesMarker(n *html.Node) bool {
	style := strings.ReplaceAll(strings.ToLower(attrOf(n, "style")), " ", "")
	return strings.Contains(style, "list-style:none") || strings.Contains(style, "list-style-type:none")
}

// label returns the marker the page shows for list item li of l ("12.",
// "b.", "iv."), or "" for a bullet or a hidden marker, and counts it.
func (l *htmlList) label(li *html.Node) string {
	if l == nil || !l.ordered {
		return ""
	}
	if v, ok := hasAttr(li, "value"); ok {
		l.next = clampCount(atoiOr(v, l.next))
	}
	n := l.next
	l.next = clampCount(l.next + l.step)
	if !l.marker || hidesMarker(li) {
		return ""
	}
	return formatNumber(n, l.format) + "."
}

// listItem reads a list item: its first text is a ListItem block at the
// list's level, labelled with the number the page shows; what follows in
// it is one level down.
func (r *htmlReader) listItem(n *html.Node, ctx htmlContext) {
	r.startBlock(ctx)
	item := &htmlItem{level: ctx.sc.level, label: ctx.list.label(n), line: r.line}
	inner := ctx
	inner.item, inner.list = item, nil
	inner.sc = scope{level: ctx.sc.level + 1, owner: ctx.sc.level}
	r.children(n, inner)
	r.flush(inner)
	r.addItem(item, "", nil, item.line)
}

// tableRow reads a table row as a TableRow block, its cells' texts
// joined by " | ". A row of empty cells is left out.
func (r *htmlReader) tableRow(n *html.Node, ctx htmlContext) {
	r.startBlock(ctx)
	inner := ctx
	inner.row, inner.item, inner.list = true, nil, nil
	r.cells = 0
	r.children(n, inner)
	line := r.lineOf()
	text, marks := r.take()
	if strings.Trim(text, " |\n") != "" {
		r.b.add(withMarks(newBlock(TableRow, ctx.sc.level, "", strings.TrimSpace(text), line), text, marks))
	}
}

// tableCell reads a cell of a table row, its text after a " | ".
func (r *htmlReader) tableCell(n *html.Node, ctx htmlContext) {
	if r.cells > 0 {
		r.trimEnd(true)
		r.write(" | ")
	}
	r.cells++
	r.space = false
	ctx.cell = true
	r.children(n, ctx)
	r.trimEnd(true)
	r.space = false
}

// startBlock ends the text before a block element: a paragraph, or the
// first text of the list item it is in. A list item without text of its
// own is added now, before what its block holds.
func (r *htmlReader) startBlock(ctx htmlContext) {
	r.flush(ctx)
	if ctx.item != nil {
		r.addItem(ctx.item, "", nil, ctx.item.line)
	}
}

// flush adds the text read since the last block as a block: the first
// text of a list item is the item's; other text is running text of the
// context's kind.
func (r *htmlReader) flush(ctx htmlContext) {
	if len(r.buf) == 0 {
		r.take()
		return
	}
	line := r.lineOf()
	text, marks := r.take()
	if ctx.item != nil && !ctx.item.done {
		r.addItem(ctx.item, text, marks, line)
		return
	}
	r.b.paragraph(ctx.kind, ctx.sc, text, line, marks...)
}

// addItem adds list item it with text, unless it was added already or
// has neither label nor text.
func (r *htmlReader) addItem(it *htmlItem, text string, marks []Mark, line int) {
	if it.done || it.label == "" && strings.TrimSpace(text) == "" {
		return
	}
	it.done = true
	r.b.item(it.level, it.label, text, r.lastLineOr(line), marks...)
}

// addHeading adds the text read as a heading of the level.
func (r *htmlReader) addHeading(level int) {
	if len(r.buf) == 0 {
		r.take()
		return
	}
	line := r.lineOf()
	text, marks := r.take()
	r.b.heading(level, text, line, marks...)
}

// addCode adds the text read in <pre> as a Code block.
func (r *htmlReader) addCode(ctx htmlContext) {
	r.trimEnd(false)
	if len(r.buf) == 0 {
		r.take()
		return
	}
	line := r.lineOf()
	text, marks := r.take()
	r.b.add(withMarks(newBlock(Code, ctx.sc.level, "", strings.TrimSpace(text), line), text, marks))
}

// lineOf returns the line of the block in buf: where its text starts, but
// not before the last block's.
func (r *htmlReader) lineOf() int {
	return r.lastLineOr(r.blockLine)
}

// lastLineOr returns line, or the last block's line if that is later, and
// makes it the last block's.
func (r *htmlReader) lastLineOr(line int) int {
	r.lastLine = max(r.lastLine, line, 1)
	return r.lastLine
}

// take returns buf's text and its marks, the open ones closed at its end
// (to go on in the next block), and empties it.
func (r *htmlReader) take() (string, []Mark) {
	for i := range r.open {
		m := r.open[i]
		m.End = int32(len(r.buf))
		r.marks = append(r.marks, m)
		r.open[i].Start = 0
	}
	text := string(r.buf)
	marks := trimMarks(text, r.marks)
	r.buf, r.marks, r.space = r.buf[:0], nil, false
	return text, marks
}

// text reads the text of a text node: white space kept in <pre>, else
// each run of it one space, none at the start of a line.
func (r *htmlReader) text(s string, ctx htmlContext) {
	if ctx.pre {
		r.writeSpace()
		for {
			i := strings.IndexByte(s, '\n')
			if i < 0 {
				r.write(s)
				return
			}
			r.write(s[:i])
			r.trimEnd(false) // a line's trailing white space shows nothing
			r.write("\n")
			s = s[i+1:]
		}
	}
	for i := 0; i < len(s); {
		if isHTMLSpace(s[i]) {
			r.space = true
			i++
			continue
		}
		j := i
		for j < len(s) && !isHTMLSpace(s[j]) {
			j++
		}
		r.writeSpace()
		r.write(s[i:j])
		i = j
	}
}

// trimMarks returns marks on text in their canonical form (see
// NormalizeMarks), each then without the white space at its ends: the
// same formatting of the same words whether a run of it takes in the
// spaces around them or not. Rejoined marks are kept as they are.
func trimMarks(text string, marks []Mark) []Mark {
	marks = NormalizeMarks(marks)
	out := marks[:0]
	for _, m := range marks {
		if m.Style == Rejoined {
			out = append(out, m)
			continue
		}
		m.Start, m.End = min(max(m.Start, 0), int32(len(text))), min(max(m.End, 0), int32(len(text)))
		for m.Start < m.End && isHTMLSpace(text[m.Start]) {
			m.Start++
		}
		for m.End > m.Start && isHTMLSpace(text[m.End-1]) {
			m.End--
		}
		if m.Start < m.End {
			out = append(out, m)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// isHTMLSpace reports whether c is white space to HTML.
func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// writeSpace writes the space due after white space, if a word precedes
// it on its line.
func (r *htmlReader) writeSpace() {
	if r.space && len(r.buf) > 0 && !isHTMLSpace(r.buf[len(r.buf)-1]) {
		r.buf = append(r.buf, ' ')
	}
	r.space = false
}

// write appends s to buf, noting the line where a block's text starts.
func (r *htmlReader) write(s string) {
	if len(r.buf) == 0 {
		r.blockLine = r.line
	}
	r.buf = append(r.buf, s...)
}

// lineBreak reads <br>: a line break, without white space around it.
func (r *htmlReader) lineBreak() {
	r.space = false
	r.trimEnd(false)
	if len(r.buf) > 0 {
		r.write("\n")
	}
}

// trimEnd drops spaces and tabs at the end of buf, and line breaks if
// newlines is set, keeping marks within it.
func (r *htmlReader) trimEnd(newlines bool) {
	n := len(r.buf)
	for n > 0 && (r.buf[n-1] == ' ' || r.buf[n-1] == '\t' || newlines && r.buf[n-1] == '\n') {
		n--
	}
	if n == len(r.buf) {
		return
	}
	r.buf = r.buf[:n]
	for i := range r.marks {
		r.marks[i].End = min(r.marks[i].End, int32(n))
		r.marks[i].Start = min(r.marks[i].Start, int32(n))
	}
	for i := range r.open {
		r.open[i].Start = min(r.open[i].Start, int32(n))
	}
}
