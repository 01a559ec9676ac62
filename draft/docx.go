package draft

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode"
)

// This file reads Word documents (Office Open XML, .docx): the main
// document part, its styles and its numbering, found through the
// package's relationships. See the package documentation for what becomes
// a block.

// The namespaces of WordprocessingML: transitional (what Word writes) and
// strict.
const (
	wordNS       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	wordStrictNS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
)

// The relationship types that lead to the parts read, transitional and
// strict; a type is matched by its last path element.
const (
	relOfficeDocument = "officeDocument"
	relStyles         = "styles"
	relNumbering      = "numbering"
	relFootnotes      = "footnotes"
	relEndnotes       = "endnotes"
)

// maxDocxLevels is the number of list levels WordprocessingML has.
const maxDocxLevels = 9

// docxExpansion bounds the bytes read from the parts of a document: this
// many times the document's size, plus docxSlack (a variable for tests).
// Text compresses some ten times, XML more; a part that expands further is
// refused rather than read (a "zip bomb").
const docxExpansion = 64

var docxSlack int64 = 64 << 20

// Bounds on what is built from a document, not only on what is read: a
// small file can make much text of little XML (a long list level text
// repeated at every numbered paragraph). The text and labels of all
// blocks together may be docxBuiltExpansion times the file's size plus
// docxBuiltSlack (a variable for tests); a list level's text at most
// maxLevelText bytes; elements nest at most maxDocxDepth deep. A document
// over a bound is refused with an error naming the bound.
const (
	docxBuiltExpansion = 32
	maxLevelText       = 256
	maxDocxDepth       = 512
)

var docxBuiltSlack = 4 << 20

// errOverBound wraps the errors of a document over one of the bounds.
var errOverBound = errors.New("over a bound of the Word reader")

// errNotDocx wraps the problems that show a file is not a readable Word
// document.
var errNotDocx = errors.New("not a Word document (.docx)")

// readDocx reads a Word document's blocks, with its tracked changes
// accepted, or rejected if reject is set, and counts the changes.
func readDocx(data []byte, reject bool) (blocks []Block, inserted, deleted int, err error) {
	return readDocxWith(data, reject, nil)
}

// readDocxWith is readDocx, recording the source of each block in rec if
// it is not nil (see DocxSources).
func readDocxWith(data []byte, reject bool, rec *sourceRecorder) (blocks []Block, inserted, deleted int, err error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, 0, 0, fmt.Errorf("%w: %v", errNotDocx, err)
	}
	budget := int64(len(data))*docxExpansion + docxSlack
	pk := &docxPackage{zip: zr, budget: budget, left: budget}
	main, err := pk.mainPart()
	if err != nil {
		return nil, 0, 0, err
	}
	rels, err := pk.relationships(main)
	if err != nil {
		return nil, 0, 0, err
	}
	r := &docxReader{styles: map[string]*docxStyle{}, num: newNumbering(), reject: reject,
		notes: map[noteRef]string{}, numbered: map[bool]int{}, noted: map[noteRef]bool{},
		maxBuilt: len(data)*docxBuiltExpansion + docxBuiltSlack, rec: rec}
	if r.links, err = pk.hyperlinks(main); err != nil {
		return nil, 0, 0, err
	}
	if p := rels[relStyles]; p != "" {
		if err := pk.parse(p, r.readStyles); err != nil {
			return nil, 0, 0, err
		}
	}
	if p := rels[relNumbering]; p != "" {
		if err := pk.parse(p, r.num.read); err != nil {
			return nil, 0, 0, err
		}
	}
	for _, kind := range []string{relFootnotes, relEndnotes} {
		if p := rels[kind]; p != "" {
			if err := pk.parse(p, r.readNotes); err != nil {
				return nil, 0, 0, err
			}
		}
	}
	if err := pk.parse(main, r.readDocument); err != nil {
		return nil, 0, 0, err
	}
	return r.b.blocks, r.inserted, r.deleted, nil
}

// docxPackage is the zip archive of a document, with the bytes its parts
// may expand to, and may still.
type docxPackage struct {
	zip          *zip.Reader
	budget, left int64
	// notErr is the error that says the file is not of its kind:
	// errNotDocx if nil (errNotODT for an OpenDocument text).
	notErr error
}

// notKind returns the error that says the file is not of its kind.
func (pk *docxPackage) notKind() error {
	if pk.notErr != nil {
		return pk.notErr
	}
	return errNotDocx
}

// open returns the part named name (a path in the archive, without a
// leading slash), or nil.
func (pk *docxPackage) open(name string) *zip.File {
	for _, f := range pk.zip.File {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// parse decodes the XML of part name with read, within the budget.
func (pk *docxPackage) parse(name string, read func(*xml.Decoder) error) error {
	f := pk.open(name)
	if f == nil {
		return fmt.Errorf("%w: no part %s", pk.notKind(), name)
	}
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("%w: %s: %v", pk.notKind(), name, err)
	}
	defer rc.Close()
	lr := &budgetReader{r: rc, left: pk.left}
	raw := xml.NewDecoder(lr)
	raw.CharsetReader = func(charset string, input io.Reader) (io.Reader, error) {
		return nil, errors.New("only UTF-8 is read")
	}
	err = read(xml.NewTokenDecoder(&depthLimiter{raw: raw}))
	pk.left = lr.left
	switch {
	case errors.Is(err, errOverBound):
		return fmt.Errorf("%s: %w", name, err)
	case lr.over:
		return fmt.Errorf("%w: %s expands past %d bytes, the most the parts of a file of %d bytes may hold",
			pk.notKind(), name, pk.budget, (pk.budget-docxSlack)/docxExpansion)
	case err != nil:
		return fmt.Errorf("%w: %s: %v", pk.notKind(), name, err)
	}
	return nil
}

// depthLimiter passes on the raw tokens of an XML part to an xml.Decoder
// (which checks and translates them), failing past maxDocxDepth nested
// elements.
type depthLimiter struct {
	raw   *xml.Decoder
	depth int
}

func (d *depthLimiter) Token() (xml.Token, error) {
	tok, err := d.raw.RawToken()
	switch tok.(type) {
	case xml.StartElement:
		if d.depth++; d.depth > maxDocxDepth {
			return nil, fmt.Errorf("%w: elements nested more than %d deep", errOverBound, maxDocxDepth)
		}
	case xml.EndElement:
		d.depth--
	}
	return tok, err
}

// budgetReader reads from r until left bytes have been read, then fails.
type budgetReader struct {
	r    io.Reader
	left int64
	over bool
}

func (b *budgetReader) Read(p []byte) (int, error) {
	if b.left <= 0 {
		b.over = true
		return 0, errors.New("part too large")
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.r.Read(p)
	b.left -= int64(n)
	return n, err
}

// mainPart returns the name of the main document part: the target of the
// package's officeDocument relationship, or word/document.xml.
func (pk *docxPackage) mainPart() (string, error) {
	rels, err := pk.relationships("")
	if err != nil {
		return "", err
	}
	if p := rels[relOfficeDocument]; p != "" && pk.open(p) != nil {
		return p, nil
	}
	if pk.open("word/document.xml") != nil {
		return "word/document.xml", nil
	}
	return "", fmt.Errorf("%w: no main document part", errNotDocx)
}

// relationships returns the targets of part's relationships (of the
// package when part is ""), by type (see relOfficeDocument), as part
// names; the first of each type counts. A part without relationships has
// none.
func (pk *docxPackage) relationships(part string) (map[string]string, error) {
	dir, file := path.Split(part)
	relsName := dir + "_rels/" + file + ".rels"
	rels := map[string]string{}
	if pk.open(relsName) == nil {
		return rels, nil
	}
	err := pk.parse(relsName, func(dec *xml.Decoder) error {
		return walk(dec, true, func(tok xml.Token) (step, error) {
			se, ok := tok.(xml.StartElement)
			if !ok || se.Name.Local != "Relationship" || attr(se, "TargetMode") == "External" {
				return into, nil
			}
			typ, target := attr(se, "Type"), attr(se, "Target")
			typ = typ[strings.LastIndexByte(typ, '/')+1:]
			if _, seen := rels[typ]; seen || target == "" {
				return into, nil
			}
			if strings.HasPrefix(target, "/") {
				target = target[1:]
			} else {
				target = path.Join(dir, target)
			}
			rels[typ] = path.Clean(target)
			return into, nil
		})
	})
	return rels, err
}

// hyperlinks returns the addresses of part's hyperlink relationships, by
// relationship id.
func (pk *docxPackage) hyperlinks(part string) (map[string]string, error) {
	dir, file := path.Split(part)
	relsName := dir + "_rels/" + file + ".rels"
	links := map[string]string{}
	if pk.open(relsName) == nil {
		return links, nil
	}
	err := pk.parse(relsName, func(dec *xml.Decoder) error {
		return walk(dec, true, func(tok xml.Token) (step, error) {
			se, ok := tok.(xml.StartElement)
			if ok && se.Name.Local == "Relationship" && strings.HasSuffix(attr(se, "Type"), "/hyperlink") {
				links[attr(se, "Id")] = attr(se, "Target")
			}
			return into, nil
		})
	})
	return links, err
}

// attr returns the value of the attribute of se with local name local.
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// step says how walk goes on after a start element.
type step uint8

const (
	into step = iota // read the element's content next
	over             // skip the element's content
	past             // the element was read to its end already
)

// walk reads the tokens of an element whose start was read last, up to its
// end (or of a whole part, up to its end, when part is set), calling f
// for each start element, end element and text inside: f says how to go
// on after a start element. The text of a CharData is valid only during
// the call.
func walk(dec *xml.Decoder, part bool, f func(xml.Token) (step, error)) error {
	depth := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF && part {
			return nil
		}
		if err != nil {
			return err
		}
		if _, ok := tok.(xml.EndElement); ok {
			if depth == 0 {
				return nil
			}
			depth--
		}
		s, err := f(tok)
		if err != nil {
			return err
		}
		if _, ok := tok.(xml.StartElement); ok {
			switch s {
			case into:
				depth++
			case over:
				if err := dec.Skip(); err != nil {
					return err
				}
			}
		}
	}
}

// isWord reports whether name is in a WordprocessingML namespace.
func isWord(name xml.Name) bool {
	return name.Space == wordNS || name.Space == wordStrictNS
}

// outlineNum is the outline level and numbering that paragraph
// properties, a paragraph's own or its style's, may set.
type outlineNum struct {
	outline int    // the outline level 0–8 (9 for body text), or -1 if not set
	numID   string // the numbering instance, "0" for none, "" if not set
	ilvl    int    // the list level, or -1 if not set
}

// unset is an outlineNum that sets nothing.
var unset = outlineNum{outline: -1, ilvl: -1}

// read takes the setting of a property element, if it is one of these.
func (o *outlineNum) read(t xml.StartElement) {
	switch t.Name.Local {
	case "outlineLvl":
		o.outline = atoiOr(attr(t, "val"), -1)
	case "numId":
		o.numID = attr(t, "val")
	case "ilvl":
		o.ilvl = atoiOr(attr(t, "val"), -1)
	}
}

// docxStyle is what the reader takes from a paragraph style.
type docxStyle struct {
	outlineNum
	name    string // lower case
	basedOn string
	run     runProps // a character style's formatting
}

// pProps is what the reader takes from a paragraph's properties.
type pProps struct {
	outlineNum
	style string
	notes []noteRef // the notes the paragraph refers to, in order
	marks []Mark    // the formatting of its text, at offsets in it
	// joinsNext is set when the paragraph mark is gone in this reading
	// (a deletion accepted, an insertion rejected): the paragraph runs on
	// into the next.
	joinsNext bool
}

// docxReader reads the parts of one document into blocks.
type docxReader struct {
	styles map[string]*docxStyle
	num    *numbering
	b      builder
	para   int // the paragraphs and table rows read, for Block.Line
	// reject reads the document as it was before its tracked changes;
	// otherwise it is read with them accepted.
	reject bool
	// inserted and deleted count the tracked changes.
	inserted, deleted int
	// pending holds the text of paragraphs whose mark was deleted, to
	// run on into the next paragraph, and the notes they referred to;
	// a builder, so that a run of n such paragraphs costs O(n), not
	// O(n²).
	pending      strings.Builder
	pendingNotes []noteRef
	pendingMarks []Mark
	// notes holds the text of each footnote and endnote; numbered counts
	// those referred to so far, which is how Word numbers them; noted
	// those added as blocks (a note is added once, however often it is
	// referred to).
	notes    map[noteRef]string
	numbered map[bool]int
	// charStyles are the character styles' formatting, by style id;
	// links the addresses of hyperlinks, by relationship id.
	charStyles map[string]*docxStyle
	links      map[string]string
	noted      map[noteRef]bool
	// built counts the bytes of text and labels of the blocks added, at
	// most maxBuilt (see docxBuiltExpansion); overBuilt is set once
	// that was passed.
	built, maxBuilt int
	overBuilt       error
	// rec, if set, records the source of each block (see DocxSources).
	rec *sourceRecorder
}

// spend counts text added to a block against maxBuilt.
func (r *docxReader) spend(n int) {
	r.built += n
	if r.built > r.maxBuilt && r.overBuilt == nil {
		r.overBuilt = fmt.Errorf("%w: more than %d bytes of text built from it, the most a file of %d bytes may give (%d times its size plus %d)",
			errOverBound, r.maxBuilt, (r.maxBuilt-docxBuiltSlack)/docxBuiltExpansion, docxBuiltExpansion, docxBuiltSlack)
	}
}

// noteRef names a footnote or an endnote by its id.
type noteRef struct {
	endnote bool
	id      string
}

// readStyles reads the paragraph styles of a styles part, and the
// numbering instances of its numbering styles.
func (r *docxReader) readStyles(dec *xml.Decoder) error {
	return walk(dec, true, func(tok xml.Token) (step, error) {
		se, ok := tok.(xml.StartElement)
		if !ok || !isWord(se.Name) || se.Name.Local != "style" {
			return into, nil
		}
		id := attr(se, "styleId")
		st := &docxStyle{outlineNum: unset}
		if err := r.readStyle(dec, st); err != nil {
			return past, err
		}
		switch attr(se, "type") {
		case "paragraph", "":
			if _, seen := r.styles[id]; !seen {
				r.styles[id] = st
			}
		case "numbering":
			if _, seen := r.num.styleNum[id]; !seen && st.numID != "" {
				r.num.styleNum[id] = st.numID
			}
		case "character":
			if r.charStyles == nil {
				r.charStyles = map[string]*docxStyle{}
			}
			if _, seen := r.charStyles[id]; !seen {
				r.charStyles[id] = st
			}
		}
		return past, nil
	})
}

// readStyle reads one style element's content.
func (r *docxReader) readStyle(dec *xml.Decoder, st *docxStyle) error {
	return walk(dec, false, func(tok xml.Token) (step, error) {
		t, ok := tok.(xml.StartElement)
		if !ok || !isWord(t.Name) {
			return into, nil
		}
		switch t.Name.Local {
		case "name":
			st.name = strings.ToLower(attr(t, "val"))
		case "basedOn":
			st.basedOn = attr(t, "val")
		case "rPr":
			var err error
			st.run, err = r.readRunProps(dec)
			return past, err
		case "tblPr", "trPr", "tcPr", "tblStylePr":
			return over, nil
		default:
			st.read(t)
		}
		return into, nil
	})
}

// atoiOr returns s as a number, or def if it is not one.
func atoiOr(s string, def int) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return def
	}
	return n
}

// readDocument reads the main document part: the paragraphs and tables of
// its body, in order.
func (r *docxReader) readDocument(dec *xml.Decoder) error {
	root := false
	err := walk(dec, true, func(tok xml.Token) (step, error) {
		se, ok := tok.(xml.StartElement)
		if ok && !root {
			root = true
			if !isWord(se.Name) || se.Name.Local != "document" {
				return past, fmt.Errorf("not a WordprocessingML document (its root element is <%s>)", se.Name.Local)
			}
		}
		if !ok || !isWord(se.Name) {
			return into, nil
		}
		switch se.Name.Local {
		case "p":
			p, text, err := r.paragraph(dec)
			if err != nil {
				return past, err
			}
			r.addParagraph(p, text)
			if r.rec != nil {
				r.rec.paragraphs++
			}
			return past, r.overBuilt
		case "tbl":
			r.flushPending()
			if err := r.table(dec); err != nil {
				return past, err
			}
			return past, r.overBuilt
		case "del", "moveFrom", "ins", "moveTo":
			return r.tracked(se.Name.Local), nil // paragraphs or tables
		case "sectPr", "background", "altChunk":
			return over, nil
		}
		// Anything else (the document, the body, content controls,
		// custom XML, bookmarks) is read into, for the paragraphs in it.
		return into, nil
	})
	r.flushPending()
	switch {
	case err != nil:
		return err
	case !root:
		return errors.New("not a WordprocessingML document (no root element)")
	}
	return r.overBuilt
}

// tracked counts an element of tracked change around content (ins, moveTo,
// del or moveFrom; others are not counted) and says whether its content is
// read: inserted content when the changes are accepted, deleted content
// when they are rejected.
func (r *docxReader) tracked(local string) step {
	if r.removes(local) {
		return over
	}
	return into
}

// removes counts an element of tracked change (ins, moveTo, del or
// moveFrom; others are not counted) and reports whether what it marks is
// gone in this reading: a deletion accepted, an insertion rejected.
func (r *docxReader) removes(local string) bool {
	switch local {
	case "ins", "moveTo":
		r.inserted++
		return r.reject
	case "del", "moveFrom":
		r.deleted++
		return !r.reject
	}
	return false
}

// flushPending adds the text of paragraphs whose mark was deleted that no
// later paragraph took up.
func (r *docxReader) flushPending() {
	if r.pending.Len() > 0 {
		r.para++
		r.spend(r.pending.Len())
		r.b.paragraph(Paragraph, topLevel, r.pending.String(), r.para, r.pendingMarks...)
	}
	r.addNotes(r.pendingNotes)
	r.pending.Reset()
	r.pendingNotes, r.pendingMarks = nil, nil
}

// addNotes numbers the notes a paragraph refers to, as Word does (in the
// order of their references, footnotes and endnotes apart), and adds each
// as a paragraph one level down, labelled "note N" or "endnote N", after
// the paragraph.
func (r *docxReader) addNotes(refs []noteRef) {
	for _, ref := range refs {
		r.numbered[ref.endnote]++
		label := "note "
		if ref.endnote {
			label = "endnote "
		}
		if text, ok := r.notes[ref]; ok && !r.noted[ref] {
			r.noted[ref] = true
			label += strconv.Itoa(r.numbered[ref.endnote])
			r.spend(len(label) + len(text))
			n := len(r.b.blocks)
			r.b.add(newBlock(Paragraph, 1, label, text, r.para))
			if r.rec != nil {
				src := Source{Kind: SourceFootnote, ID: ref.id}
				if ref.endnote {
					src.Kind = SourceEndnote
				}
				r.rec.added(n, len(r.b.blocks), src)
			}
		}
	}
}

// readNotes reads a footnotes or endnotes part: the text of each note, its
// paragraphs joined by line breaks. Separators are not notes.
func (r *docxReader) readNotes(dec *xml.Decoder) error {
	return walk(dec, true, func(tok xml.Token) (step, error) {
		se, ok := tok.(xml.StartElement)
		if !ok || !isWord(se.Name) || se.Name.Local != "footnote" && se.Name.Local != "endnote" {
			return into, nil
		}
		switch attr(se, "type") {
		case "separator", "continuationSeparator", "continuationNotice":
			return over, nil
		}
		var paras []string
		err := walk(dec, false, func(tok xml.Token) (step, error) {
			t, ok := tok.(xml.StartElement)
			if !ok || !isWord(t.Name) || t.Name.Local != "p" {
				return into, nil
			}
			_, text, err := r.paragraph(dec)
			if text = strings.TrimSpace(text); text != "" {
				paras = append(paras, text)
			}
			return past, err
		})
		ref := noteRef{se.Name.Local == "endnote", attr(se, "id")}
		if _, seen := r.notes[ref]; !seen {
			r.notes[ref] = strings.Join(paras, "\n")
		}
		return past, err
	})
}

// addParagraph adds a paragraph of the body as a block: a heading, a
// numbered or bulleted item, or running text.
func (r *docxReader) addParagraph(p pProps, text string) {
	if p.joinsNext {
		r.pendingMarks = append(r.pendingMarks, shiftMarks(p.marks, r.pending.Len())...)
		r.pending.WriteString(text)
		r.pendingNotes = append(r.pendingNotes, p.notes...)
		return
	}
	if r.pending.Len() > 0 || r.pendingNotes != nil {
		p.marks = append(r.pendingMarks, shiftMarks(p.marks, r.pending.Len())...)
		r.pending.WriteString(text)
		text = r.pending.String()
		p.notes = append(r.pendingNotes, p.notes...)
		r.pending.Reset()
		r.pendingNotes, r.pendingMarks = nil, nil
	}
	defer r.addNotes(p.notes)
	if r.rec != nil {
		n := len(r.b.blocks)
		defer func() { r.rec.added(n, len(r.b.blocks), Source{Kind: SourceParagraph, Index: r.rec.paragraphs}) }()
	}
	r.para++
	outline, numID, ilvl := r.resolve(p)
	label, numbered := "", false
	if numID != "" && numID != "0" {
		if ilvl < 0 {
			ilvl = r.styleLevel(p.style, numID)
		}
		label, numbered = r.num.next(numID, max(ilvl, 0))
	}
	r.spend(len(label) + len(text))
	switch {
	case outline >= 0 && outline < maxDocxLevels:
		level := min(outline+1, 6)
		if label != "" {
			r.b.outline.reset()
			r.b.add(withMarks(newBlock(Heading, level, label, strings.TrimSpace(text), r.para), text, p.marks))
		} else {
			r.b.heading(level, text, r.para, p.marks...)
		}
	case numbered && label == "" && r.num.blank(numID, max(ilvl, 0)):
		// A later paragraph of the item before it, one level down.
		level := max(ilvl, 0)
		r.b.paragraph(Paragraph, scope{level: level + 1, owner: level}, text, r.para, p.marks...)
	case numbered:
		r.b.item(max(ilvl, 0), label, text, r.para, p.marks...)
	default:
		r.b.paragraph(Paragraph, topLevel, text, r.para, p.marks...)
	}
}

// resolve returns a paragraph's outline level (-1 for none), numbering
// instance and list level, from its own properties or else its style's
// chain of styles, as Word does: the nearest setting wins, and a style
// named "heading N" or "title" is a heading.
func (r *docxReader) resolve(p pProps) (outline int, numID string, ilvl int) {
	outline, numID, ilvl = p.outline, p.numID, p.ilvl
	headingName := -1
	seen := 0
	for id := p.style; id != "" && seen < 32; seen++ {
		st := r.styles[id]
		if st == nil {
			break
		}
		if outline < 0 {
			outline = st.outline
		}
		if numID == "" {
			numID = st.numID
			if ilvl < 0 {
				ilvl = st.ilvl
			}
		}
		if headingName < 0 {
			headingName = styleHeadingLevel(st.name)
		}
		id = st.basedOn
	}
	if outline < 0 && headingName >= 0 {
		outline = headingName
	}
	if outline >= maxDocxLevels {
		outline = -1 // "body text"
	}
	return outline, numID, ilvl
}

// styleLevel returns the list level that a paragraph of style style (or
// of a style it is based on) takes in numbering instance numID, by the
// style a level of the list names; -1 if none.
func (r *docxReader) styleLevel(style, numID string) int {
	for seen := 0; style != "" && seen < 32; seen++ {
		if i := r.num.styleLevel(numID, style); i >= 0 {
			return i
		}
		st := r.styles[style]
		if st == nil {
			break
		}
		style = st.basedOn
	}
	return -1
}

// styleHeadingLevel returns the outline level (0-based) of a style named
// "heading N" or "title", or -1.
func styleHeadingLevel(name string) int {
	if name == "title" {
		return 0
	}
	if rest, ok := strings.CutPrefix(name, "heading "); ok {
		if n := atoiOr(rest, 0); n >= 1 && n <= maxDocxLevels {
			return n - 1
		}
	}
	return -1
}

// paragraph reads a paragraph element's content: its properties and its
// text as it reads with tracked changes accepted, without field codes,
// deleted text, drawings, notes' reference marks or comments.
func (r *docxReader) paragraph(dec *xml.Decoder) (pProps, string, error) {
	p := pProps{outlineNum: unset}
	var text strings.Builder
	// The open fields, true while in their code (before "separate"), and
	// how many are: a count, so that n open fields cost O(n), not O(n²).
	var fields []bool
	inCodes := 0
	inCode := func() bool { return inCodes > 0 }
	var run runFormat // the formatting of the run being read
	var links []Mark  // the hyperlinks being read
	write := func(s string) {
		start := text.Len()
		text.WriteString(s)
		p.marks = run.marks(p.marks, start, text.Len())
	}
	err := walk(dec, false, func(tok xml.Token) (step, error) {
		t, ok := tok.(xml.StartElement)
		switch {
		case !ok:
			if e, ok := tok.(xml.EndElement); ok && isWord(e.Name) && e.Name.Local == "hyperlink" && len(links) > 0 {
				m := links[len(links)-1]
				links = links[:len(links)-1]
				if m.End = int32(text.Len()); m.Value != "" {
					p.marks = append(p.marks, m)
				}
			}
			return into, nil
		case !isWord(t.Name):
			// Drawings, VML shapes, alternate content, math: their text
			// (a text box's) is not the paragraph's.
			return over, nil
		}
		switch t.Name.Local {
		case "pPr":
			return past, r.paragraphProps(dec, &p)
		case "r":
			run = 0
			return into, nil
		case "rPr":
			var err error
			run, err = r.runFormat(dec)
			return past, err
		case "hyperlink":
			links = append(links, Mark{Start: int32(text.Len()), Style: Link, Value: r.linkAddress(t)})
			return into, nil
		case "t":
			s, err := charData(dec)
			if !inCode() {
				write(s)
			}
			return past, err
		case "tab", "ptab":
			write("\t")
		case "br", "cr":
			write("\n")
		case "noBreakHyphen":
			write("\u2011")
		case "fldChar":
			switch attr(t, "fldCharType") {
			case "begin":
				fields = append(fields, true)
				inCodes++
			case "separate":
				if len(fields) > 0 && fields[len(fields)-1] {
					fields[len(fields)-1] = false
					inCodes--
				}
			case "end":
				if len(fields) > 0 {
					if fields[len(fields)-1] {
						inCodes--
					}
					fields = fields[:len(fields)-1]
				}
			}
		case "del", "moveFrom", "ins", "moveTo":
			return r.tracked(t.Name.Local), nil
		case "footnoteReference", "endnoteReference":
			p.notes = append(p.notes, noteRef{t.Name.Local == "endnoteReference", attr(t, "id")})
		case "delText":
			if !r.reject {
				return over, nil
			}
			s, err := charData(dec) // text of a deleted run, kept when rejecting
			if !inCode() {
				write(s)
			}
			return past, err
		case "instrText", "delInstrText", "drawing", "pict", "object",
			"footnoteRef", "endnoteRef", "commentReference", "annotationRef",
			"fldData", "rt", "sym", "softHyphen", "lastRenderedPageBreak", "txbxContent":
		default:
			return into, nil // runs, hyperlinks, smart tags, content controls
		}
		return over, nil
	})
	p.marks = trimMarks(text.String(), p.marks)
	return p, text.String(), err
}

// charData reads the text of an element up to its end.
func charData(dec *xml.Decoder) (string, error) {
	var sb strings.Builder
	err := walk(dec, false, func(tok xml.Token) (step, error) {
		if cd, ok := tok.(xml.CharData); ok {
			sb.Write(cd)
		}
		return into, nil
	})
	return sb.String(), err
}

// paragraphProps reads a paragraph's properties up to their end.
func (r *docxReader) paragraphProps(dec *xml.Decoder, p *pProps) error {
	inRPr := false
	return walk(dec, false, func(tok xml.Token) (step, error) {
		switch t := tok.(type) {
		case xml.EndElement:
			if isWord(t.Name) && t.Name.Local == "rPr" {
				inRPr = false
			}
		case xml.StartElement:
			if !isWord(t.Name) {
				return into, nil
			}
			switch t.Name.Local {
			case "pStyle":
				p.style = attr(t, "val")
			case "rPr":
				inRPr = true
			case "del", "moveFrom", "ins", "moveTo":
				if inRPr && r.removes(t.Name.Local) {
					p.joinsNext = true
				}
			case "pPrChange":
				if !r.reject {
					return over, nil // the properties before a change
				}
				// Rejected, the change gives back the properties of its
				// pPr, which hold them all.
				old := pProps{outlineNum: unset}
				err := walk(dec, false, func(tok xml.Token) (step, error) {
					if t, ok := tok.(xml.StartElement); ok && isWord(t.Name) && t.Name.Local == "pPr" {
						return past, r.paragraphProps(dec, &old)
					}
					return into, nil
				})
				p.style, p.outlineNum = old.style, old.outlineNum
				return past, err
			case "sectPr":
				return over, nil // a section break's properties
			default:
				p.read(t)
			}
		}
		return into, nil
	})
}

// table reads a table, adding one TableRow block per row of the outermost
// table: its cells' texts joined by " | ", the paragraphs of a cell (and of
// any table nested in it) by spaces.
func (r *docxReader) table(dec *xml.Decoder) error {
	var cells [][]string // each cell's paragraphs, joined at the row's end
	var cellLen []int    // the length of each cell's paragraphs joined
	var marks [][]Mark   // each cell's marks, at offsets in its text
	var notes []noteRef
	rowGone := false
	nested := 0
	return walk(dec, false, func(tok xml.Token) (step, error) {
		switch t := tok.(type) {
		case xml.EndElement:
			switch {
			case !isWord(t.Name):
			case t.Name.Local == "tbl":
				nested--
			case t.Name.Local == "tr" && nested == 0:
				if !rowGone {
					n := len(r.b.blocks)
					r.addRow(cells, marks)
					if r.rec != nil {
						r.rec.added(n, len(r.b.blocks), Source{Kind: SourceRow, Index: r.rec.rows})
					}
					r.addNotes(notes)
					if r.overBuilt != nil {
						return into, r.overBuilt
					}
				}
				if r.rec != nil {
					r.rec.rows++
				}
				cells, cellLen, marks, notes, rowGone = nil, nil, nil, nil, false
			}
		case xml.StartElement:
			if !isWord(t.Name) {
				return over, nil
			}
			switch t.Name.Local {
			case "p":
				// A cell's paragraphs are joined anyway: a deleted
				// paragraph mark changes nothing there.
				p, text, err := r.paragraph(dec)
				notes = append(notes, p.notes...)
				lead := len(text) - len(strings.TrimLeftFunc(text, unicode.IsSpace))
				text = strings.TrimSpace(text)
				if err != nil || text == "" {
					return past, err
				}
				if len(cells) == 0 {
					cells, cellLen, marks = append(cells, nil), append(cellLen, 0), append(marks, nil)
				}
				k := len(cells) - 1
				if cellLen[k] > 0 {
					cellLen[k]++ // the space before this paragraph
				}
				marks[k] = append(marks[k], shiftMarks(p.marks, cellLen[k]-lead)...)
				cells[k] = append(cells[k], text)
				cellLen[k] += len(text)
				return past, nil
			case "trPr":
				if nested > 0 {
					return over, nil
				}
				return past, walk(dec, false, func(tok xml.Token) (step, error) {
					if t, ok := tok.(xml.StartElement); ok && isWord(t.Name) && r.removes(t.Name.Local) {
						rowGone = true // a row deleted or inserted, with its cells
					}
					return into, nil
				})
			case "tblPr", "tblGrid", "tcPr", "tblPrEx", "sectPr":
				return over, nil
			case "del", "moveFrom", "ins", "moveTo":
				return r.tracked(t.Name.Local), nil
			case "tbl":
				nested++
			case "tc":
				if nested == 0 {
					cells, cellLen, marks = append(cells, nil), append(cellLen, 0), append(marks, nil)
				}
			}
		}
		return into, nil
	})
}

// addRow adds a table row as a block, its cells' paragraphs joined by
// spaces, unless all its cells are empty, with the cells' marks (at
// offsets in each cell's text).
func (r *docxReader) addRow(cells [][]string, marks [][]Mark) {
	r.para++
	texts := make([]string, len(cells))
	empty := true
	for i, c := range cells {
		texts[i] = strings.Join(c, " ")
		empty = empty && texts[i] == ""
	}
	if !empty {
		text := strings.Join(texts, " | ")
		r.spend(len(text))
		r.b.add(withMarks(newBlock(TableRow, 0, "", text, r.para), text, rowMarks(texts, marks)))
	}
}
