package draft

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file reads OpenDocument text (.odt, as LibreOffice and pandoc write
// it) with the standard library's zip and XML packages, as docx.go reads
// Word documents. See the package documentation for what becomes a block.

// The OpenDocument namespaces read.
const (
	odtText    = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	odtTable   = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
	odtStyleNS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
	odtFO      = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
	odtOffice  = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
	odtXLink   = "http://www.w3.org/1999/xlink"
)

// errNotODT wraps the problems that show a file is not a readable
// OpenDocument text.
var errNotODT = errors.New("not an OpenDocument text (.odt)")

// maxODTSpaces bounds the spaces one <text:s text:c="N"/> adds: a count
// of millions in a few bytes would build more text than the file holds.
const maxODTSpaces = 256

// maxODTDepth bounds the nesting of lists, tables, sections and spans the
// reader follows; deeper content is refused.
const maxODTDepth = 64

// readODT reads an OpenDocument text's blocks, with its tracked changes
// accepted, and counts the changes.
func readODT(data []byte) (blocks []Block, inserted, deleted int, err error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, 0, 0, fmt.Errorf("%w: %v", errNotODT, err)
	}
	budget := int64(len(data))*docxExpansion + docxSlack
	pk := &docxPackage{zip: zr, budget: budget, left: budget, notErr: errNotODT}
	if mt := pk.open("mimetype"); mt != nil {
		rc, err := mt.Open()
		if err == nil {
			var buf [64]byte
			n, _ := rc.Read(buf[:])
			rc.Close()
			if kind := string(buf[:n]); !strings.HasPrefix(kind, "application/vnd.oasis.opendocument.text") {
				return nil, 0, 0, fmt.Errorf("%w: an OpenDocument file of type %q", errNotODT, kind)
			}
		}
	}
	if pk.open("content.xml") == nil {
		return nil, 0, 0, fmt.Errorf("%w: no content.xml", errNotODT)
	}
	r := &odtReader{lists: map[string]*odtListStyle{}, styles: map[string]*odtStyle{},
		counters: map[string][]int{}, budget: budget, regions: map[string]string{}}
	if pk.open("styles.xml") != nil {
		if err := pk.parse("styles.xml", r.readStyles); err != nil {
			return nil, 0, 0, err
		}
	}
	if err := pk.parse("content.xml", r.readContent); err != nil {
		return nil, 0, 0, err
	}
	for _, kind := range r.regions {
		switch kind {
		case "insertion":
			inserted++
		case "deletion":
			deleted++
		}
	}
	return r.b.blocks, inserted, deleted, nil
}

// odtListLevel is one level of a list style: how its numbers are written.
type odtListLevel struct {
	format         string // style:num-format: "1", "a", "A", "i", "I", or "" for none
	prefix, suffix string
	start          int // text:start-value
	display        int // text:display-levels: how many levels the label shows
	bullet         bool
}

// odtListStyle is a list style (or the outline style of headings): its
// levels, from 1.
type odtListStyle struct {
	levels [11]odtListLevel
}

// odtStyle is a paragraph or text style: its parent, the formatting it
// sets, and for a paragraph style its list style and outline level.
type odtStyle struct {
	parent    string
	listStyle string
	outline   int // style:default-outline-level, 0 if none
	// set and on say which of the styles (Emphasis…Subscript, as bits)
	// the style sets, and whether on or off.
	set, on uint16
}

// odtReader reads the styles and body of an OpenDocument text.
type odtReader struct {
	b      builder
	lists  map[string]*odtListStyle
	styles map[string]*odtStyle
	// counters holds, per list style, the last number given at each level.
	counters map[string][]int
	// regions holds the kind of each tracked change ("insertion",
	// "deletion", "format-change") by id.
	regions map[string]string
	para    int   // the paragraphs and table rows read, for Block.Line
	notes   int   // the footnotes referred to so far
	endnote int   // the endnotes referred to so far
	budget  int64 // the text the reader may still build, in bytes

	// While styles are read: the style and list style being read.
	style *odtStyle
	list  *odtListStyle
}

// readStyles reads a part's styles: common and automatic styles, list
// styles and the outline style (styles.xml, and the automatic styles of
// content.xml, which readContent passes here).
func (r *odtReader) readStyles(dec *xml.Decoder) error {
	return walk(dec, true, func(tok xml.Token) (step, error) {
		r.styleToken(tok)
		return into, nil
	})
}

// styleToken reads one token of styles.
func (r *odtReader) styleToken(tok xml.Token) {
	switch t := tok.(type) {
	case xml.StartElement:
		switch {
		case t.Name.Space == odtText && t.Name.Local == "list-style":
			r.list = &odtListStyle{}
			r.lists[attr(t, "name")] = r.list
		case t.Name.Space == odtText && t.Name.Local == "outline-style":
			r.list = &odtListStyle{}
			r.lists[odtOutline] = r.list
		case t.Name.Space == odtText && r.list != nil && (t.Name.Local == "list-level-style-number" ||
			t.Name.Local == "list-level-style-bullet" || t.Name.Local == "outline-level-style" ||
			t.Name.Local == "list-level-style-image"):
			level, _ := strconv.Atoi(attr(t, "level"))
			if level < 1 || level >= len(r.list.levels) {
				return
			}
			start, err := strconv.Atoi(attr(t, "start-value"))
			if err != nil || start < 0 {
				start = 1
			}
			display, _ := strconv.Atoi(attr(t, "display-levels"))
			r.list.levels[level] = odtListLevel{format: attr(t, "num-format"), prefix: attr(t, "num-prefix"),
				suffix: attr(t, "num-suffix"), start: min(start, 1<<20), display: max(display, 1),
				bullet: t.Name.Local != "list-level-style-number" && t.Name.Local != "outline-level-style"}
		case t.Name.Space == odtStyleNS && t.Name.Local == "style":
			r.style = &odtStyle{parent: attr(t, "parent-style-name"), listStyle: attr(t, "list-style-name")}
			r.style.outline, _ = strconv.Atoi(attr(t, "default-outline-level"))
			r.styles[attr(t, "name")] = r.style
		case t.Name.Space == odtStyleNS && t.Name.Local == "text-properties" && r.style != nil:
			r.style.textProperties(t)
		}
	case xml.EndElement:
		switch {
		case t.Name.Space == odtText && (t.Name.Local == "list-style" || t.Name.Local == "outline-style"):
			r.list = nil
		case t.Name.Space == odtStyleNS && t.Name.Local == "style":
			r.style = nil
		}
	}
}

// odtOutline names the outline style among the list styles.
const odtOutline = "\x00outline"

// styleBit is the bit of a style in odtStyle's set and on.
func styleBit(s Style) uint16 { return 1 << s }

// textProperties takes the formatting a style's text properties set.
func (st *odtStyle) textProperties(t xml.StartElement) {
	setTo := func(s Style, on bool) {
		st.set |= styleBit(s)
		if on {
			st.on |= styleBit(s)
		} else {
			st.on &^= styleBit(s)
		}
	}
	for _, a := range t.Attr {
		switch {
		case a.Name.Space == odtFO && a.Name.Local == "font-style":
			setTo(Emphasis, a.Value == "italic" || a.Value == "oblique")
		case a.Name.Space == odtFO && a.Name.Local == "font-weight":
			weight, err := strconv.Atoi(a.Value)
			setTo(Strong, a.Value == "bold" || err == nil && weight >= 600)
		case a.Name.Space == odtStyleNS && a.Name.Local == "text-line-through-style":
			setTo(Strikethrough, a.Value != "none" && a.Value != "")
		case a.Name.Space == odtStyleNS && a.Name.Local == "text-position":
			pos, _, _ := strings.Cut(a.Value, " ")
			super := pos == "super" || !strings.HasPrefix(pos, "-") && pos != "0%" && pos != "0" && pos != "sub"
			sub := pos == "sub" || strings.HasPrefix(pos, "-")
			setTo(Superscript, super && !sub)
			setTo(Subscript, sub)
		}
	}
}

// textStyles returns the formatting text style name sets, following its
// parents (a nearer setting wins).
func (r *odtReader) textStyles(name string) uint16 {
	var set, on uint16
	for depth := 0; name != "" && depth < 16; depth++ {
		st := r.styles[name]
		if st == nil {
			break
		}
		on |= st.on &^ set
		set |= st.set
		name = st.parent
	}
	return on
}

// paragraphStyle returns the outline level and list style a paragraph
// style gives, following its parents; a style named "Title" is a heading
// of level 1, as in the Word reader.
func (r *odtReader) paragraphStyle(name string) (outline int, listStyle string) {
	for depth := 0; name != "" && depth < 16; depth++ {
		st := r.styles[name]
		if name == "Title" && outline == 0 {
			outline = 1
		}
		if st == nil {
			break
		}
		if outline == 0 {
			outline = st.outline
		}
		if listStyle == "" {
			listStyle = st.listStyle
		}
		name = st.parent
	}
	return outline, listStyle
}

// readContent reads content.xml: its automatic styles, its tracked
// changes and its body.
func (r *odtReader) readContent(dec *xml.Decoder) error {
	return walk(dec, true, func(tok xml.Token) (step, error) {
		se, ok := tok.(xml.StartElement)
		if !ok {
			return into, nil
		}
		switch {
		case se.Name.Space == odtOffice && (se.Name.Local == "automatic-styles" || se.Name.Local == "styles"):
			return past, walk(dec, false, func(tok xml.Token) (step, error) {
				r.styleToken(tok)
				return into, nil
			})
		case se.Name.Space == odtOffice && se.Name.Local == "text":
			return past, r.readFlow(dec, odtFlow{})
		}
		return into, nil
	})
}

// odtFlow is where body content stands: in which list, at which depth.
type odtFlow struct {
	depth     int    // nesting of lists, tables and sections, for maxODTDepth
	listDepth int    // the list level (1 in a top-level list), 0 outside lists
	listStyle string // the list style in force
	item      bool   // a list item's first paragraph is yet to come
	start     int    // a list item's text:start-value, or -1
	header    bool   // the item is a list header (no number)
	cell      *odtCell
}

// odtCell collects the paragraphs of a table cell.
type odtCell struct {
	texts []string
	notes []odtNote
}

// odtNote is a footnote or endnote met in a paragraph, to be added after
// it.
type odtNote struct {
	label, text string
}

// readFlow reads block content (paragraphs, headings, lists, tables,
// sections) up to the end of the element whose start was read last.
func (r *odtReader) readFlow(dec *xml.Decoder, fl odtFlow) error {
	if fl.depth > maxODTDepth {
		return fmt.Errorf("content nested more than %d levels deep", maxODTDepth)
	}
	return walk(dec, false, func(tok xml.Token) (step, error) {
		se, ok := tok.(xml.StartElement)
		if !ok {
			return into, nil
		}
		switch {
		case se.Name.Space == odtText && (se.Name.Local == "p" || se.Name.Local == "h"):
			return past, r.readParagraph(dec, se, &fl)
		case se.Name.Space == odtText && se.Name.Local == "list":
			return past, r.readList(dec, se, fl)
		case se.Name.Space == odtTable && se.Name.Local == "table":
			return past, r.readTable(dec, fl)
		case se.Name.Space == odtText && se.Name.Local == "tracked-changes":
			return past, r.readTrackedChanges(dec)
		case se.Name.Space == odtText && (se.Name.Local == "table-of-content" || se.Name.Local == "illustration-index" ||
			se.Name.Local == "table-index" || se.Name.Local == "alphabetical-index" || se.Name.Local == "bibliography" ||
			se.Name.Local == "user-index" || se.Name.Local == "object-index"):
			return past, r.readIndex(dec)
		case se.Name.Space == odtText && (se.Name.Local == "sequence-decls" || se.Name.Local == "variable-decls" ||
			se.Name.Local == "user-field-decls"), se.Name.Space == odtOffice && se.Name.Local == "forms":
			return over, nil
		}
		// Sections, soft page breaks and other containers: their content.
		fl.depth++
		if fl.depth > maxODTDepth {
			return over, fmt.Errorf("content nested more than %d levels deep", maxODTDepth)
		}
		return into, nil
	})
}

// readList reads a list: its items, each numbered by the list style.
func (r *odtReader) readList(dec *xml.Decoder, se xml.StartElement, fl odtFlow) error {
	fl.depth++
	fl.listDepth++
	if name := attr(se, "style-name"); name != "" {
		fl.listStyle = name
	}
	if fl.listDepth == 1 && attr(se, "continue-numbering") != "true" && attr(se, "continue-list") == "" {
		delete(r.counters, fl.listStyle) // a new list counts from its start
	}
	return walk(dec, false, func(tok xml.Token) (step, error) {
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Space != odtText || se.Name.Local != "list-item" && se.Name.Local != "list-header" {
			return into, nil
		}
		item := fl
		item.item, item.header, item.start = true, se.Name.Local == "list-header", -1
		if v, err := strconv.Atoi(attr(se, "start-value")); err == nil && v >= 0 {
			item.start = min(v, 1<<20)
		}
		return past, r.readFlow(dec, item)
	})
}

// nextLabel returns the label of the next item at level (1-based) of list
// style name ("" for a bullet or a level without numbers), and whether
// the item is numbered; start, if not -1, restarts the count.
func (r *odtReader) nextLabel(name string, level, start int) (string, bool) {
	ls := r.lists[name]
	if ls == nil || level < 1 || level >= len(ls.levels) {
		return "", false
	}
	lv := ls.levels[level]
	counts := r.counters[name]
	for len(counts) <= level {
		counts = append(counts, 0)
	}
	switch {
	case start >= 0:
		counts[level] = start
	case counts[level] == 0:
		counts[level] = lv.start
	default:
		counts[level]++
	}
	for k := level + 1; k < len(counts); k++ {
		counts[k] = 0 // a deeper level counts again under this item
	}
	r.counters[name] = counts
	if lv.bullet || lv.format == "" {
		return "", false
	}
	var parts []string
	for k := max(1, level-lv.display+1); k <= level; k++ {
		n := counts[k]
		if k < level && n == 0 {
			n = max(ls.levels[k].start, 1)
		}
		parts = append(parts, odtNumber(n, ls.levels[k].format))
	}
	return lv.prefix + strings.Join(parts, ".") + lv.suffix, true
}

// odtNumber writes n in an OpenDocument number format ("1", "a", "A",
// "i", "I"), as formatNumber writes Word's of the same names.
func odtNumber(n int, format string) string {
	return formatNumber(n, odtWordFormats[format])
}

// odtWordFormats names OpenDocument's number formats as Word does.
var odtWordFormats = map[string]string{"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}

// readParagraph reads a paragraph or heading and adds it as a block, or
// to the table cell being read.
func (r *odtReader) readParagraph(dec *xml.Decoder, se xml.StartElement, fl *odtFlow) error {
	in := odtInline{r: r}
	if err := in.read(dec, 0); err != nil {
		return err
	}
	text, marks := in.sb.String(), NormalizeMarks(in.marks)
	if fl.cell != nil {
		fl.cell.texts = append(fl.cell.texts, strings.TrimSpace(text))
		fl.cell.notes = append(fl.cell.notes, in.notes...)
		return nil
	}
	r.para++
	outline, styleList := r.paragraphStyle(attr(se, "style-name"))
	if se.Name.Local == "h" {
		outline = 1
		if v, err := strconv.Atoi(attr(se, "outline-level")); err == nil {
			outline = v
		}
	}
	first := fl.item
	fl.item = false
	switch {
	case outline > 0:
		level := min(max(outline, 1), 6)
		label, ok := "", false
		if fl.listDepth > 0 && first && !fl.header {
			label, ok = r.nextLabel(fl.listStyle, fl.listDepth, fl.start)
		} else if se.Name.Local == "h" {
			label, ok = r.nextLabel(odtOutline, min(outline, 10), -1)
		}
		if ok {
			r.b.outline.reset()
			r.b.add(withMarks(newBlock(Heading, level, label, strings.TrimSpace(text), r.para), text, marks))
		} else {
			r.b.heading(level, text, r.para, marks...)
		}
	case fl.listDepth > 0 && first:
		label := ""
		if !fl.header {
			label, _ = r.nextLabel(fl.listStyle, fl.listDepth, fl.start)
		}
		r.b.item(fl.listDepth-1, label, text, r.para, marks...)
	case fl.listDepth > 0:
		// A later paragraph of a list item: one level down.
		r.b.paragraph(Paragraph, scope{level: fl.listDepth, owner: fl.listDepth - 1}, text, r.para, marks...)
	case styleList != "":
		label, _ := r.nextLabel(styleList, 1, -1)
		r.b.item(0, label, text, r.para, marks...)
	default:
		r.b.paragraph(Paragraph, topLevel, text, r.para, marks...)
	}
	r.addNotes(in.notes)
	return nil
}

// addNotes adds the notes a paragraph or row referred to, after it, as
// paragraphs of level 1 labelled "note N" or "endnote N", as the Word
// reader does.
func (r *odtReader) addNotes(notes []odtNote) {
	for _, n := range notes {
		r.b.add(newBlock(Paragraph, 1, n.label, n.text, r.para))
	}
}

// readTable reads a table: a TableRow block per row (header rows
// included), its cells' texts joined by " | ", a cell's paragraphs (and
// nested tables') by spaces.
func (r *odtReader) readTable(dec *xml.Decoder, fl odtFlow) error {
	fl.depth++
	if fl.depth > maxODTDepth {
		return fmt.Errorf("content nested more than %d levels deep", maxODTDepth)
	}
	outer := fl.cell
	return walk(dec, false, func(tok xml.Token) (step, error) {
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Space != odtTable || se.Name.Local != "table-row" {
			return into, nil
		}
		var cells []string
		var notes []odtNote
		err := walk(dec, false, func(tok xml.Token) (step, error) {
			se, ok := tok.(xml.StartElement)
			if !ok || se.Name.Space != odtTable || se.Name.Local != "table-cell" {
				if ok && se.Name.Space == odtTable && se.Name.Local == "covered-table-cell" {
					return over, nil
				}
				return into, nil
			}
			cell := &odtCell{}
			inner := fl
			inner.cell = cell
			if err := r.readFlow(dec, inner); err != nil {
				return past, err
			}
			cells = append(cells, strings.Join(cell.texts, " "))
			notes = append(notes, cell.notes...)
			return past, nil
		})
		if err != nil {
			return past, err
		}
		text := strings.Join(cells, " | ")
		if outer != nil {
			// A table in a cell: its rows are part of the cell's text.
			outer.texts = append(outer.texts, text)
			outer.notes = append(outer.notes, notes...)
			return past, nil
		}
		if strings.Trim(text, " |") != "" {
			r.para++
			r.b.add(newBlock(TableRow, fl.listDepth, "", strings.TrimSpace(text), r.para))
			r.addNotes(notes)
		}
		return past, nil
	})
}

// readIndex reads a table of contents or another index as one Contents
// block of its entries' lines; its title is a heading.
func (r *odtReader) readIndex(dec *xml.Decoder) error {
	var lines []string
	return walk(dec, false, func(tok xml.Token) (step, error) {
		if end, ok := tok.(xml.EndElement); ok && end.Name.Space == odtText && end.Name.Local == "index-body" {
			if len(lines) > 0 {
				r.para++
				r.b.add(newBlock(Contents, 0, "", strings.Join(lines, "\n"), r.para))
				lines = nil
			}
			return into, nil
		}
		se, ok := tok.(xml.StartElement)
		switch {
		case !ok:
		case se.Name.Space == odtText && se.Name.Local == "index-source":
			return over, nil // the index's definition, not its text
		case se.Name.Space == odtText && se.Name.Local == "index-title":
			return past, r.readFlow(dec, odtFlow{})
		case se.Name.Space == odtText && (se.Name.Local == "p" || se.Name.Local == "h"):
			in := odtInline{r: r}
			if err := in.read(dec, 0); err != nil {
				return past, err
			}
			if line := strings.TrimSpace(in.sb.String()); line != "" {
				lines = append(lines, line)
			}
			return past, nil
		}
		return into, nil
	})
}

// readTrackedChanges reads the changed regions of the tracked changes,
// for their count; their content (deleted text) is not part of the
// document as it reads with its changes accepted.
func (r *odtReader) readTrackedChanges(dec *xml.Decoder) error {
	region := ""
	return walk(dec, false, func(tok xml.Token) (step, error) {
		se, ok := tok.(xml.StartElement)
		switch {
		case !ok:
		case se.Name.Space == odtText && se.Name.Local == "changed-region":
			region = attr(se, "id")
		case se.Name.Space == odtText && (se.Name.Local == "insertion" || se.Name.Local == "deletion" ||
			se.Name.Local == "format-change"):
			if region != "" {
				r.regions[region] = se.Name.Local
			}
			return over, nil
		}
		return into, nil
	})
}

// odtInline reads the content of a paragraph: its text as it shows, the
// marks of its formatting, and the notes it refers to.
type odtInline struct {
	r     *odtReader
	sb    strings.Builder
	marks []Mark
	notes []odtNote
	space bool // the text so far ends in collapsed white space
}

// read reads inline content up to the end of the element whose start was
// read last, depth elements deep in the paragraph.
func (in *odtInline) read(dec *xml.Decoder, depth int) error {
	if depth > maxODTDepth {
		return fmt.Errorf("text nested more than %d levels deep", maxODTDepth)
	}
	return walk(dec, false, func(tok xml.Token) (step, error) {
		switch t := tok.(type) {
		case xml.CharData:
			return into, in.text(t)
		case xml.StartElement:
			return in.element(dec, t, depth)
		}
		return into, nil
	})
}

// text adds character data, white space collapsed as OpenDocument says:
// a run of spaces, tabs and line ends is one space, and none at the start
// of the paragraph.
func (in *odtInline) text(t []byte) error {
	for len(t) > 0 {
		c := t[0]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			if !in.space && in.sb.Len() > 0 {
				in.sb.WriteByte(' ')
			}
			in.space = true
			t = t[1:]
			continue
		}
		n := bytes.IndexAny(t, " \t\n\r")
		if n < 0 {
			n = len(t)
		}
		if err := in.write(string(t[:n])); err != nil {
			return err
		}
		in.space = false
		t = t[n:]
	}
	return nil
}

// write adds s to the text, within the reader's budget.
func (in *odtInline) write(s string) error {
	in.r.budget -= int64(len(s))
	if in.r.budget < 0 {
		return errors.New("builds more text than the file's size allows")
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	in.sb.WriteString(s)
	return nil
}

// element reads an inline element.
func (in *odtInline) element(dec *xml.Decoder, se xml.StartElement, depth int) (step, error) {
	switch se.Name.Space {
	case odtText:
	case odtOffice:
		return over, nil // annotations and the like
	default:
		return over, nil // drawings, frames, fields of other kinds
	}
	switch se.Name.Local {
	case "s":
		n, err := strconv.Atoi(attr(se, "c"))
		if err != nil || n < 1 {
			n = 1
		}
		in.space = false
		return into, in.write(strings.Repeat(" ", min(n, maxODTSpaces)))
	case "tab":
		in.space = false
		return into, in.write("\t")
	case "line-break":
		in.space = false
		return into, in.write("\n")
	case "span", "a":
		start := in.sb.Len()
		if err := in.read(dec, depth+1); err != nil {
			return past, err
		}
		if se.Name.Local == "a" {
			in.mark(start, Link, attrNS(se, odtXLink, "href"))
		}
		if on := in.r.textStyles(attr(se, "style-name")); on != 0 {
			for _, s := range []Style{Emphasis, Strong, Strikethrough, Superscript, Subscript} {
				if on&styleBit(s) != 0 {
					in.mark(start, s, "")
				}
			}
		}
		return past, nil
	case "note":
		return past, in.note(dec, se)
	case "tracked-changes", "bookmark", "bookmark-start", "bookmark-end", "reference-mark",
		"reference-mark-start", "reference-mark-end", "change", "change-start", "change-end",
		"soft-page-break", "alphabetical-index-mark", "toc-mark", "note-citation":
		return over, nil
	}
	// Fields (text:date, text:page-number, text:sequence, …) and other
	// inline containers show their text.
	return past, in.read(dec, depth+1)
}

// mark adds a mark of style from start to the end of the text so far.
func (in *odtInline) mark(start int, style Style, value string) {
	if end := in.sb.Len(); end > start {
		in.marks = append(in.marks, Mark{Start: int32(start), End: int32(end), Style: style, Value: value})
	}
}

// note reads a footnote or endnote: its body's paragraphs joined by line
// breaks, labelled "note N" or "endnote N" in the order of the references.
func (in *odtInline) note(dec *xml.Decoder, se xml.StartElement) error {
	r := in.r
	label := ""
	if attr(se, "note-class") == "endnote" {
		r.endnote++
		label = "endnote " + strconv.Itoa(r.endnote)
	} else {
		r.notes++
		label = "note " + strconv.Itoa(r.notes)
	}
	var paras []string
	err := walk(dec, false, func(tok xml.Token) (step, error) {
		se, ok := tok.(xml.StartElement)
		switch {
		case !ok:
		case se.Name.Space == odtText && se.Name.Local == "note-citation":
			return over, nil
		case se.Name.Space == odtText && (se.Name.Local == "p" || se.Name.Local == "h"):
			body := odtInline{r: r}
			if err := body.read(dec, 0); err != nil {
				return past, err
			}
			paras = append(paras, strings.TrimSpace(body.sb.String()))
			return past, nil
		}
		return into, nil
	})
	if text := strings.TrimSpace(strings.Join(paras, "\n")); text != "" {
		in.notes = append(in.notes, odtNote{label, text})
	}
	return err
}

// attrNS returns the value of the attribute of se in namespace space with
// local name local.
func attrNS(se xml.StartElement, space, local string) string {
	for _, a := range se.Attr {
		if a.Name.Space == space && a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
