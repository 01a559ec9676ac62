package render

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

// DOCX writes r as a Word document (Office Open XML) of the new draft with
// the changes from the old as Word's tracked changes, so that a reader can
// review them in Word, accept or reject each, and print them as Word
// does: accepting every change gives the new draft's paragraphs, labels
// and words, rejecting every one the old draft's (redline's own Word
// reader holds the output to both). Labels are written as text before a
// tab, a renumbering as the old label deleted and the new inserted.
// Deleted words are tracked deletions and inserted words tracked
// insertions; a split's new paragraph breaks are inserted paragraph marks
// and a merge's old ones deleted paragraph marks, each followed by the
// piece's label. A moved paragraph (a move, or a split or merge that
// moved) is one of Word's tracked moves: its old text moved from where it
// stood, its unchanged words moved to where it stands, with its inserted
// words and new labels inserted there; its deleted words stand only at
// the old place, since a move holds no deletion. Headings have Word's
// heading styles; other blocks are indented by their level; a block that
// keeps its line layout (code, a table of contents, front matter) is in a
// monospace font, each of its lines ending in a line break. Formatting
// (diff.Result.SpanMarks) is written as run properties: emphasis italic,
// strong bold, strikethrough struck, super- and subscripts raised and
// lowered, a code span monospace; a link is its text alone. The package
// is byte-identical for the same Result: parts in a fixed order, a fixed
// date. DOCX is DOCXWith without options: changes by "redline", undated.
func DOCX(w io.Writer, r *diff.Result) error { return DOCXWith(w, r, DOCXOptions{}) }

// DOCXOptions are the choices of a Word redline that the comparison does
// not make.
type DOCXOptions struct {
	// Author is the author of every tracked change; "" is "redline".
	Author string
	// Date is the date of every tracked change, and the document's
	// creation and modification dates; the zero time writes none. It is
	// never the time of writing, so that the same comparison gives the
	// same bytes.
	Date time.Time
	// Title and Summary go into the document's properties
	// (docProps/core.xml), never into its body; "" writes none.
	Title, Summary string
	// Formatting tracks changes of formatting alone between two Word
	// drafts (w:rPrChange) in a redline written into the new draft;
	// otherwise they are left out.
	Formatting bool
	// Source is the new draft's Word document, if it is one: the redline
	// is then that document with the changes tracked in it (see
	// DOCXWith). Nil, or a document that does not read as the new
	// draft, writes a document of redline's own.
	Source []byte
}

// DOCXWith writes r as DOCX does, with the options opt.
func DOCXWith(w io.Writer, r *diff.Result, opt DOCXOptions) error {
	if err := check(r); err != nil {
		return err
	}
	if opt.Source != nil {
		err := writeInPlace(w, r, opt)
		if !errors.Is(err, errInPlace) {
			return err
		}
	}
	dw := recordDocx(r, opt)
	return writeDocxPackage(w, opt, dw)
}

// writeDocxPackage writes a package of redline's own around the main
// document part body: its styles, numbering and notes.
func writeDocxPackage(w io.Writer, opt DOCXOptions, dw *docxWriter) error {
	lists, notes := dw.lists, dw.notes
	zw := zip.NewWriter(w)
	// The fastest compression: a redline of a 10 MB draft compressed with
	// the default level spends most of its time there.
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	types, rels := docxContentTypes, docxDocumentRels
	var extra [][2]string
	add := func(name, contentType, relType, content string) {
		types += `<Override PartName="/word/` + name + `" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.` + contentType + `+xml"/>`
		rels += `<Relationship Id="rId` + strconv.Itoa(len(extra)+2) + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/` + relType + `" Target="` + name + `"/>`
		extra = append(extra, [2]string{"word/" + name, content})
	}
	add("settings.xml", "settings", "settings", docxSettings(notes))
	if len(lists) > 0 {
		add("numbering.xml", "numbering", "numbering", docxNumbering(lists))
	}
	if len(notes[0]) > 0 {
		add("footnotes.xml", "footnotes", "footnotes", docxNotesPart("footnotes", notes[0]))
	}
	if len(notes[1]) > 0 {
		add("endnotes.xml", "endnotes", "endnotes", docxNotesPart("endnotes", notes[1]))
	}
	parts := append([][2]string{
		{"[Content_Types].xml", types + `</Types>`},
		{"_rels/.rels", docxPackageRels},
		{"docProps/core.xml", docxCoreProps(opt)},
		{"word/_rels/document.xml.rels", rels + `</Relationships>`},
		{"word/styles.xml", docxStyles},
	}, extra...)
	for _, part := range parts {
		if err := writeZipPart(zw, part[0], func(w io.Writer) error {
			_, err := io.WriteString(w, part[1])
			return err
		}); err != nil {
			return err
		}
	}
	if err := writeZipPart(zw, "word/document.xml", dw.writeBody); err != nil {
		return err
	}
	return zw.Close()
}

// docxDate is the modification time of every part: a fixed one, so that
// the same Result gives the same bytes.
var docxDate = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// writeZipPart writes one compressed part.
func writeZipPart(zw *zip.Writer, name string, write func(io.Writer) error) error {
	pw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: docxDate})
	if err != nil {
		return err
	}
	return write(pw)
}

const (
	docxContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
		`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>`
	docxPackageRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
		`</Relationships>`
	docxDocumentRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`
	docxNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
)

// docxStyles defines Normal, the six heading styles, List Number, Table
// Grid and the styles of notes, with Word's names.
var docxStyles = func() string {
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<w:styles " + docxNS + ">")
	sb.WriteString(`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>` +
		`<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>`)
	sb.WriteString(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>` +
		`<w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:sz w:val="22"/></w:rPr></w:style>`)
	for n := 1; n <= 6; n++ {
		k := strconv.Itoa(n)
		sb.WriteString(`<w:style w:type="paragraph" w:styleId="Heading` + k + `"><w:name w:val="heading ` + k + `"/>` +
			`<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240"/>` +
			`<w:outlineLvl w:val="` + strconv.Itoa(n-1) + `"/></w:pPr><w:rPr><w:b/><w:sz w:val="` + strconv.Itoa(32-2*n) + `"/></w:rPr></w:style>`)
	}
	sb.WriteString(`<w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:basedOn w:val="Normal"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/>` +
		`<w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="20"/></w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="EndnoteText"><w:name w:val="endnote text"/><w:basedOn w:val="Normal"/>` +
		`<w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="20"/></w:rPr></w:style>` +
		`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/></w:style>` +
		`<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>` +
		`<w:style w:type="character" w:styleId="EndnoteReference"><w:name w:val="endnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>` +
		`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>` +
		`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
		`<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>` +
		`<w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>` +
		`<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>` +
		`<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>` +
		`</w:tblBorders></w:tblPr></w:style>`)
	sb.WriteString(`</w:styles>`)
	return sb.String()
}()

// docxSettings returns the settings part: the separators of the notes,
// if any.
func docxSettings(notes [2][]string) string {
	s := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<w:settings " + docxNS + `><w:defaultTabStop w:val="720"/>`
	if len(notes[0]) > 0 {
		s += `<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>`
	}
	if len(notes[1]) > 0 {
		s += `<w:endnotePr><w:endnote w:id="-1"/><w:endnote w:id="0"/></w:endnotePr>`
	}
	return s + `<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`
}

// docxNotesPart returns a footnotes or endnotes part (kind) of notes.
func docxNotesPart(kind string, notes []string) string {
	tag := strings.TrimSuffix(kind, "s")
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<w:" + kind + " " + docxNS + ">")
	sb.WriteString(`<w:` + tag + ` w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr><w:r><w:separator/></w:r></w:p></w:` + tag + `>`)
	sb.WriteString(`<w:` + tag + ` w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:` + tag + `>`)
	for _, n := range notes {
		sb.WriteString(n)
	}
	sb.WriteString("</w:" + kind + ">")
	return sb.String()
}

// docxNumbering returns the numbering part: an abstract numbering and an
// instance of it for each list, numbering its one level.
func docxNumbering(lists []docxList) string {
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<w:numbering " + docxNS + ">")
	for i, l := range lists {
		id := strconv.Itoa(i + 1)
		sb.WriteString(`<w:abstractNum w:abstractNumId="` + id + `"><w:multiLevelType w:val="singleLevel"/>`)
		for lv := 0; lv <= max(l.level, 0); lv++ {
			k := strconv.Itoa(lv)
			if lv != l.level {
				sb.WriteString(`<w:lvl w:ilvl="` + k + `"><w:start w:val="1"/><w:numFmt w:val="none"/><w:lvlText w:val=""/><w:lvlJc w:val="left"/></w:lvl>`)
				continue
			}
			text := l.form.prefix + "%" + strconv.Itoa(lv+1) + l.form.suffix
			sb.WriteString(`<w:lvl w:ilvl="` + k + `"><w:start w:val="` + strconv.Itoa(l.start) + `"/><w:numFmt w:val="` + l.form.format + `"/>` +
				`<w:lvlText w:val="` + xmlAttr(text) + `"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="` + strconv.Itoa(567*(lv+1)) +
				`" w:hanging="567"/></w:pPr></w:lvl>`)
		}
		sb.WriteString(`</w:abstractNum>`)
	}
	for i := range lists {
		id := strconv.Itoa(i + 1)
		sb.WriteString(`<w:num w:numId="` + id + `"><w:abstractNumId w:val="` + id + `"/></w:num>`)
	}
	sb.WriteString(`</w:numbering>`)
	return sb.String()
}

// docxWriter writes the body of the document: first as paragraph records
// (see docxPara), each held until the whole document is known (its mark
// may be a tracked change; its label may become automatic numbering, a
// note a footnote), then as WordprocessingML.
type docxWriter struct {
	w       *bufio.Writer
	id      int             // the last tracked change's (or move range's) id
	rangeID int             // the id of the move range open
	runs    strings.Builder // the current paragraph's runs
	ppr     string          // its properties, but the mark's
	rpr     string          // the properties of all its runs (a code block's font)
	who     string          // the author and date attributes of every change
	cur     docxPara        // the paragraph being written
	paras   []docxPara
	// pendingOld and pendingNew are the labels whose paragraph is not
	// known yet: the next one whose mark stands in that draft.
	pendingOld, pendingNew []*docxLabelRef
	// notes are the footnotes and endnotes written, by kind (the XML of
	// each), and notesAt where they stand.
	notes   [2][]string
	notesAt []docxNoteAt
	// lists are the numbering instances planned; typedElsewhere marks
	// the paragraphs whose labels are typed in another.
	lists          []docxList
	typedElsewhere []bool
}

// writeDocxDocument writes the main document part.
func writeDocxDocument(out io.Writer, r *diff.Result, opt DOCXOptions) error {
	dw := recordDocx(r, opt)
	return dw.writeBody(out)
}

// recordDocx records the paragraphs of r's redline and plans their
// numbering and notes.
func recordDocx(r *diff.Result, opt DOCXOptions) *docxWriter {
	dw := &docxWriter{who: changeAttrs(opt)}
	slots := markerSlots(r)
	name := func(step int32) string { return "move" + strconv.Itoa(int(step)+1) }
	for i := range r.Steps {
		for len(slots) > 0 && int(slots[0].slot) == i {
			dw.oldPlace(r, &r.Steps[slots[0].step], name(slots[0].step))
			slots = slots[1:]
		}
		dw.step(r, &r.Steps[i], name(int32(i)))
	}
	for _, s := range slots { // moved from after the last step
		dw.oldPlace(r, &r.Steps[s.step], name(s.step))
	}
	dw.plan()
	return dw
}

// writeBody writes the main document part of the paragraphs recorded.
func (dw *docxWriter) writeBody(out io.Writer) error {
	dw.w = bufio.NewWriterSize(out, 64<<10)
	dw.w.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<w:document " + docxNS + "><w:body>")
	dw.writeParas()
	dw.w.WriteString(`<w:sectPr><w:footnotePr><w:numFmt w:val="decimal"/></w:footnotePr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>`)
	dw.w.WriteString(`</w:body></w:document>`)
	return dw.w.Flush()
}

// oldPlace writes, where a moved step's old blocks stood, their text as
// moved from there: a range named after the step, which its new place's
// range names too. A step with table rows is no move in Word: its old
// rows are deleted there.
func (dw *docxWriter) oldPlace(r *diff.Result, st *diff.Step, name string) {
	if tabular(r, st) {
		for _, i := range st.Old.All() {
			dw.wholeBlock(r.Old.Blocks[i], "del", nil)
		}
		return
	}
	n := st.Old.Len()
	for k, i := range st.Old.All() {
		b := r.Old.Blocks[i]
		dw.start(b)
		if k == 0 {
			dw.rangeStart("moveFrom", name)
		}
		dw.labelAs(b.Label, "", "moveFrom")
		dw.text(b.Text, "moveFrom")
		if k == n-1 {
			dw.rangeEnd("moveFrom")
		}
		dw.end("moveFrom")
	}
}

// movedHere writes a moved step at its new place, as moved there: its
// unchanged words moved, its inserted words and new labels inserted. Its
// deleted words stand, moved from, at the old place; Word's moves hold no
// deletion.
func (dw *docxWriter) movedHere(r *diff.Result, st *diff.Step, name string) {
	newBlocks := st.New
	piece := 0
	dw.start(r.New.Blocks[newBlocks.First()])
	dw.rangeStart("moveTo", name)
	switch old, new := r.Old.Blocks[st.Old.First()].Label, r.New.Blocks[newBlocks.First()].Label; {
	case new == old:
		dw.labelAs("", new, "moveTo")
	default:
		dw.labelAs("", new, "ins")
	}
	marks := r.SpanMarks(st)
	for n, sp := range st.Spans {
		if sp.Op == diff.SpanDelete {
			continue
		}
		change := "moveTo"
		if sp.Op == diff.SpanInsert {
			change = "ins"
		}
		if sp.Break && newBlocks.Len() > 1 { // the next new block
			piece++
			dw.end("moveTo")
			dw.start(r.New.Blocks[newBlocks.At(min(piece, newBlocks.Len()-1))])
			dw.labelAs("", pieceLabel(r.New, newBlocks, piece), "ins")
			continue
		}
		dw.markedText(sp.Text, change, marksAt(marks, n), 0)
	}
	dw.rangeEnd("moveTo")
	dw.end("moveTo")
}

// rangeStart opens the range of a move ("moveFrom" or "moveTo") named
// name; rangeEnd closes the range opened last.
func (dw *docxWriter) rangeStart(move, name string) {
	dw.id++
	dw.rangeID = dw.id
	dw.runs.WriteString(`<w:` + move + `RangeStart w:id="` + strconv.Itoa(dw.id) + `"` + dw.who + ` w:name="` + name + `"/>`)
}

func (dw *docxWriter) rangeEnd(move string) {
	dw.runs.WriteString(`<w:` + move + `RangeEnd w:id="` + strconv.Itoa(dw.rangeID) + `"/>`)
}

// step writes one step of the new draft in reading order; a moved step's
// range of moved text is called name.
func (dw *docxWriter) step(r *diff.Result, st *diff.Step, name string) {
	switch {
	case st.New.Len() == 0: // deleted
		for _, i := range st.Old.All() {
			dw.wholeBlock(r.Old.Blocks[i], "del", blockMarks(r, st))
		}
		return
	case st.Old.Len() == 0: // inserted
		for _, j := range st.New.All() {
			dw.wholeBlock(r.New.Blocks[j], "ins", blockMarks(r, st))
		}
		return
	case tabular(r, st):
		if dw.rowInPlace(r, st) {
			return
		}
		// Rows are no moves, splits or merges in Word: the old rows
		// deleted (at their old place, for a move), the new inserted.
		if !isMoved(st) {
			for _, i := range st.Old.All() {
				dw.wholeBlock(r.Old.Blocks[i], "del", nil)
			}
		}
		for _, j := range st.New.All() {
			dw.wholeBlock(r.New.Blocks[j], "ins", nil)
		}
		return
	case isMoved(st):
		dw.movedHere(r, st, name)
		return
	}
	// Paired in place: the new blocks, with the word changes. A break
	// between pieces (diff.Span.Break) inserted starts the next new block
	// (a split), deleted joins the next old block (a merge), kept does
	// both.
	oldBlocks, newBlocks := st.Old, st.New
	oldPiece, newPiece := 0, 0
	newBlock := func() draft.Block { return r.New.Blocks[newBlocks.At(min(newPiece, newBlocks.Len()-1))] }
	dw.start(newBlock())
	dw.label(r.Old.Blocks[oldBlocks.First()].Label, r.New.Blocks[newBlocks.First()].Label)
	marks := r.SpanMarks(st)
	for n, sp := range st.Spans {
		if sp.Break {
			switch {
			case sp.Op == diff.SpanInsert: // a split: an inserted paragraph mark
				newPiece++
				dw.end("ins")
				dw.start(newBlock())
				dw.label("", pieceLabel(r.New, newBlocks, newPiece))
			case sp.Op == diff.SpanDelete: // a merge: a deleted paragraph mark
				oldPiece++
				dw.end("del")
				dw.start(newBlock())
				dw.label(pieceLabel(r.Old, oldBlocks, oldPiece), "")
			case newBlocks.Len() > 1: // a split at a kept blank line: the old text's own break becomes a paragraph mark
				newPiece++
				dw.markedText(sp.Text, "del", nil, 0)
				dw.end("ins")
				dw.start(newBlock())
				dw.label("", pieceLabel(r.New, newBlocks, newPiece))
			default: // a merge at a kept blank line: the old paragraph mark gone, the new text's own break in its place
				oldPiece++
				dw.end("del")
				dw.start(newBlock())
				dw.label(pieceLabel(r.Old, oldBlocks, oldPiece), "")
				dw.markedText(sp.Text, "ins", nil, 0)
			}
			continue
		}
		switch sp.Op {
		case diff.SpanDelete:
			dw.markedText(sp.Text, "del", marksAt(marks, n), 0)
		case diff.SpanInsert:
			dw.markedText(sp.Text, "ins", marksAt(marks, n), 0)
		default:
			dw.markedText(sp.Text, "", marksAt(marks, n), 0)
		}
	}
	dw.end("")
}

// pieceLabel returns the label of piece k of blocks idx of d, or "".
func pieceLabel(d *draft.Document, idx diff.Blocks, k int) string {
	if k >= idx.Len() {
		return ""
	}
	return d.Blocks[idx.At(k)].Label
}

// wholeBlock writes a block as one paragraph wholly deleted or inserted
// (change "del" or "ins"), its mark too, so that rejecting the insertion
// or accepting the deletion leaves no paragraph.
func (dw *docxWriter) wholeBlock(b draft.Block, change string, marks []draft.Mark) {
	dw.start(b)
	if change == "del" {
		dw.label(b.Label, "")
	} else {
		dw.label("", b.Label)
	}
	if b.Kind == draft.TableRow {
		dw.rowCells(b.Text, change, marks)
	} else {
		dw.markedText(b.Text, change, marks, 0)
	}
	dw.end(change)
}

// blockMarks returns the marks over the one span of an inserted or
// deleted step of one block: its block's, offsets into its text.
func blockMarks(r *diff.Result, st *diff.Step) []draft.Mark {
	if len(st.Spans) != 1 {
		return nil
	}
	return marksAt(r.SpanMarks(st), 0)
}

// marksAt returns the marks of span n, from diff.Result.SpanMarks, or nil.
func marksAt(marks [][]draft.Mark, n int) []draft.Mark {
	if n < len(marks) {
		return marks[n]
	}
	return nil
}

// markedText adds text, which starts off bytes into a span, as runs
// within a tracked change (see text), each run of text with one set of the
// span's marks (offsets into the span) with their run properties.
func (dw *docxWriter) markedText(s, change string, marks []draft.Mark, off int) {
	if len(marks) == 0 {
		dw.text(s, change)
		return
	}
	end := off + len(s)
	for at := off; at < end; {
		next, rpr := end, ""
		var styles uint16
		for _, m := range marks {
			switch ms, me := int(m.Start), int(m.End); {
			case ms > at:
				next = min(next, ms)
			case me > at:
				next = min(next, me)
				styles |= 1 << m.Style
			}
		}
		for _, p := range docxMarkProps {
			// Each property once (a code span in a code block), one vertAlign.
			if styles&(1<<p.style) != 0 && !strings.Contains(dw.rpr+rpr, "<w:"+p.name) {
				rpr += p.prop
			}
		}
		dw.runText(s[at-off:next-off], change, dw.rpr+rpr)
		at = next
	}
}

// docxMarkProps are the run properties of the styles of marks, in the
// order Word's schema wants them.
var docxMarkProps = [...]struct {
	style      draft.Style
	name, prop string // the element's name, the element
}{
	{draft.CodeSpan, "rFonts", docxMono},
	{draft.Strong, "b/", "<w:b/>"},
	{draft.Emphasis, "i/", "<w:i/>"},
	{draft.Strikethrough, "strike", "<w:strike/>"},
	{draft.Superscript, "vertAlign", `<w:vertAlign w:val="superscript"/>`},
	{draft.Subscript, "vertAlign", `<w:vertAlign w:val="subscript"/>`},
}

// docxMono is the run property of a monospace font.
const docxMono = `<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas" w:cs="Courier New"/>`

// start begins a paragraph with the properties of block b: a heading
// style, or an indent by its level.
func (dw *docxWriter) start(b draft.Block) {
	dw.runs.Reset()
	dw.cur = docxPara{kind: b.Kind, level: int(b.Level)}
	if b.Kind == draft.TableRow {
		dw.cur.cells = make([]string, 0, 4)
	}
	dw.rpr = ""
	if b.Kind.LineByLine() {
		dw.rpr = docxMono
	}
	switch {
	case b.Kind == draft.Heading:
		dw.ppr = `<w:pStyle w:val="Heading` + strconv.Itoa(min(max(int(b.Level), 1), 6)) + `"/>`
	case b.Level > 0:
		dw.ppr = `<w:ind w:left="` + strconv.Itoa(567*int(min(b.Level, 8))) + `"/>`
	default:
		dw.ppr = ""
	}
}

// label gives a paragraph the labels of its old and new blocks: the same
// as they are; else the old deleted and the new inserted.
func (dw *docxWriter) label(old, new string) {
	if old == new {
		dw.labelAs(old, new, "")
		return
	}
	dw.labelAs(old, "", "del")
	dw.labelAs("", new, "ins")
}

// labelAs gives a paragraph a label in the old draft, the new or both,
// typed as a tracked change (or none), unless numbering shows it (see
// docxPara): the label belongs to the next paragraph whose mark stands in
// its draft.
func (dw *docxWriter) labelAs(old, new, change string) {
	lr := docxLabelRun{change: change}
	if old != "" {
		lr.old = &docxLabelRef{label: old, para: -1}
		dw.pendingOld = append(dw.pendingOld, lr.old)
	}
	if new != "" {
		lr.new = &docxLabelRef{label: new, para: -1}
		dw.pendingNew = append(dw.pendingNew, lr.new)
	}
	if lr.old != nil || lr.new != nil {
		dw.cur.labels = append(dw.cur.labels, lr)
	}
}

// end takes the paragraph as written, its mark a tracked change if change
// is "ins", "del", "moveFrom" or "moveTo".
func (dw *docxWriter) end(change string) {
	p := dw.cur
	p.ppr, p.rpr, p.mark = dw.ppr, dw.rpr, change
	if p.cells == nil {
		p.runs = dw.runs.String()
	} else {
		p.cells = append(p.cells, dw.runs.String())
	}
	k := len(dw.paras)
	if p.inOld() {
		for _, ref := range dw.pendingOld {
			ref.para = k
			p.oldLabel, p.oldLabelled = ref.label, true
		}
		dw.pendingOld = dw.pendingOld[:0]
	}
	if p.inNew() {
		for _, ref := range dw.pendingNew {
			ref.para = k
			p.newLabel, p.newLabelled = ref.label, true
		}
		dw.pendingNew = dw.pendingNew[:0]
	}
	dw.paras = append(dw.paras, p)
	dw.runs.Reset()
}

// changeTag returns the start tag of a tracked change with the next id.
func (dw *docxWriter) changeTag(change string) string {
	dw.id++
	return `<w:` + change + ` w:id="` + strconv.Itoa(dw.id) + `"` + dw.who + `>`
}

// text adds text as runs, within a tracked change if change is "ins",
// "del", "moveFrom" or "moveTo": line breaks, tabs and page breaks (form feeds) as Word's, the
// rest escaped (a character XML cannot hold becomes U+FFFD).
func (dw *docxWriter) text(s, change string) { dw.runText(s, change, dw.rpr) }

// runText is text with run properties rpr (the inside of <w:rPr>) on its
// runs, if any.
func (dw *docxWriter) runText(s, change, rpr string) {
	if s == "" {
		return
	}
	if change != "" {
		dw.runs.WriteString(dw.changeTag(change))
	}
	dw.runs.WriteString("<w:r>")
	if rpr != "" {
		dw.runs.WriteString("<w:rPr>" + rpr + "</w:rPr>")
	}
	textTag := "t"
	if change == "del" {
		textTag = "delText"
	}
	for s != "" {
		i := strings.IndexAny(s, "\n\t\f\v")
		if i < 0 {
			i = len(s)
		}
		if i > 0 {
			dw.runs.WriteString(`<w:` + textTag + ` xml:space="preserve">`)
			xml.EscapeText(&dw.runs, []byte(s[:i]))
			dw.runs.WriteString(`</w:` + textTag + `>`)
		}
		if i < len(s) {
			switch s[i] {
			case '\t':
				dw.runs.WriteString("<w:tab/>")
			case '\f': // a page break in plain text, as from a PDF
				dw.runs.WriteString(`<w:br w:type="page"/>`)
			default: // \n, \v
				dw.runs.WriteString("<w:br/>")
			}
			i++
		}
		s = s[i:]
	}
	dw.runs.WriteString("</w:r>")
	if change != "" {
		dw.runs.WriteString("</w:" + change + ">")
	}
}
