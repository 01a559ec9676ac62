package draft

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// docxParts are the parts of a test document: the body of document.xml,
// and the content of styles.xml and numbering.xml (left out when empty).
type docxParts struct {
	body, styles, numbering string
	footnotes, endnotes     string // the notes, without the separators
	ns                      string // the WordprocessingML namespace; wordNS if empty
	encoding                string // the encoding document.xml declares; UTF-8 if empty
}

// docxOf builds a Word document of the parts, as Word lays one out.
func docxOf(t testing.TB, p docxParts) []byte {
	ns := p.ns
	if ns == "" {
		ns = wordNS
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name, content string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	const rel = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`
	add("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`)
	add("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
		`<Relationship Id="rId1" Type="`+rel+`officeDocument" Target="word/document.xml"/></Relationships>`)
	rels := `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
	if p.styles != "" {
		rels += `<Relationship Id="rId2" Type="` + rel + `styles" Target="styles.xml"/>`
		add("word/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="`+ns+`">`+p.styles+`</w:styles>`)
	}
	if p.numbering != "" {
		rels += `<Relationship Id="rId3" Type="` + rel + `numbering" Target="/word/numbering.xml"/>`
		add("word/numbering.xml", `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="`+ns+`">`+p.numbering+`</w:numbering>`)
	}
	for _, n := range []struct{ kind, notes string }{{"footnote", p.footnotes}, {"endnote", p.endnotes}} {
		if n.notes == "" {
			continue
		}
		rels += `<Relationship Id="rId_` + n.kind + `" Type="` + rel + n.kind + `s" Target="` + n.kind + `s.xml"/>`
		add("word/"+n.kind+"s.xml", `<?xml version="1.0" encoding="UTF-8"?><w:`+n.kind+`s xmlns:w="`+ns+`">`+
			`<w:`+n.kind+` w:type="separator" w:id="-1">`+wp("", `<w:r><w:separator/></w:r>`)+`</w:`+n.kind+`>`+
			`<w:`+n.kind+` w:type="continuationSeparator" w:id="0">`+wp("", `<w:r><w:continuationSeparator/></w:r>`)+`</w:`+n.kind+`>`+
			n.notes+`</w:`+n.kind+`s>`)
	}
	rels += `<Relationship Id="rId9" Type="` + rel + `hyperlink" Target="https://example.org" TargetMode="External"/></Relationships>`
	add("word/_rels/document.xml.rels", rels)
	enc := p.encoding
	if enc == "" {
		enc = "UTF-8"
	}
	add("word/document.xml", `<?xml version="1.0" encoding="`+enc+`" standalone="yes"?>`+
		`<w:document xmlns:w="`+ns+`" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" `+
		`xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">`+
		`<w:body>`+p.body+`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// wp is a paragraph of runs with properties.
func wp(pPr string, runs ...string) string {
	if pPr != "" {
		pPr = "<w:pPr>" + pPr + "</w:pPr>"
	}
	return "<w:p>" + pPr + strings.Join(runs, "") + "</w:p>"
}

// wr is a run of text, with run properties that are no mark.
func wr(text string) string {
	return `<w:r><w:rPr><w:rFonts w:ascii="Arial"/><w:i w:val="0"/></w:rPr><w:t xml:space="preserve">` + text + `</w:t></w:r>`
}

// numPr numbers a paragraph.
func numPr(numID, ilvl string) string {
	return `<w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + numID + `"/></w:numPr>`
}

// level defines a level of a list.
func level(ilvl, start, format, text, extra string) string {
	return `<w:lvl w:ilvl="` + ilvl + `"><w:start w:val="` + start + `"/><w:numFmt w:val="` + format +
		`"/>` + extra + `<w:lvlText w:val="` + text + `"/><w:pPr><w:ind w:left="720"/></w:pPr></w:lvl>`
}

// headingStyles are "heading 1" and "heading 2", the latter based on a
// style with an outline level of its own, a custom heading style by
// outline level, and a numbered paragraph style.
var headingStyles = `<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="H2Base"><w:name w:val="H2 base"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="Heading 2"/><w:basedOn w:val="H2Base"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="UNH3"><w:name w:val="UN H3"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="NumPara"><w:name w:val="Numbered para"/><w:pPr>` + `<w:numPr><w:numId w:val="7"/></w:numPr>` + `</w:pPr></w:style>` +
	`<w:style w:type="character" w:styleId="Heading1"><w:name w:val="not a paragraph style"/></w:style>`

// paraList is a list whose levels are "1." (from 5 unless overridden),
// "(a)", "(i)" and "%1.%2.%3" legal, and its numbering instances: 1 and 2
// plain, 3 restarting at 1, 7 for the numbered style.
var paraList = `<w:abstractNum w:abstractNumId="10"><w:multiLevelType w:val="multilevel"/>` +
	level("0", "5", "decimal", "%1.", "") +
	level("1", "1", "lowerLetter", "(%2)", "") +
	level("2", "1", "lowerRoman", "(%3)", "") +
	level("3", "1", "upperRoman", "%1.%2.%4", `<w:isLgl/>`) +
	`</w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="11">` + level("0", "1", "bullet", "•", "") + level("1", "1", "upperLetter", "%2.", `<w:lvlRestart w:val="0"/>`) + `</w:abstractNum>` +
	`<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>` +
	`<w:num w:numId="2"><w:abstractNumId w:val="10"/></w:num>` +
	`<w:num w:numId="3"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>` +
	`<w:num w:numId="4"><w:abstractNumId w:val="11"/></w:num>` +
	`<w:num w:numId="7"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="40"/>` +
	level("0", "1", "upperLetter", "%1)", "") + `</w:lvlOverride></w:num>`

// TestReadDocx reads small Word documents, each showing one thing the
// reader does.
func TestReadDocx(t *testing.T) {
	tests := []struct {
		name     string
		parts    docxParts
		want     []Block
		warnings []string
		original []Block // its tracked changes rejected, if any
	}{
		{
			name: "paragraphs with typed labels, runs, tabs and breaks",
			parts: docxParts{body: wp("", wr("12. States "), wr("agreed")) + wp("") + wp("", wr("(a)\tfoo;"), `<w:r><w:br/></w:r>`, wr("bar")) +
				wp("", wr("  "))},
			want: []Block{B(Paragraph, 0, "12.", "States agreed", 1), B(Paragraph, 1, "(a)", "foo;\nbar", 3)},
		},
		{
			name: "headings by style name, outline level and their chain of styles",
			parts: docxParts{styles: headingStyles, body: wp(`<w:pStyle w:val="Title"/>`, wr("Draft report")) +
				wp(`<w:pStyle w:val="Heading1"/>`, wr("I. Introduction")) +
				wp(`<w:pStyle w:val="Heading2"/>`, wr("A. Scope")) +
				wp(`<w:pStyle w:val="UNH3"/>`, wr("Sub-scope")) +
				wp(`<w:outlineLvl w:val="3"/>`, wr("Direct outline")) +
				wp(`<w:pStyle w:val="Heading2"/><w:outlineLvl w:val="9"/>`, wr("Body text after all")) +
				wp(`<w:pStyle w:val="Unknown"/>`, wr("Plain."))},
			want: []Block{
				B(Heading, 1, "", "Draft report", 1), B(Heading, 1, "I.", "Introduction", 2), B(Heading, 2, "A.", "Scope", 3),
				B(Heading, 3, "", "Sub-scope", 4), B(Heading, 4, "", "Direct outline", 5), B(Paragraph, 0, "", "Body text after all", 6),
				B(Paragraph, 0, "", "Plain.", 7),
			},
		},
		{
			name: "automatic numbers: levels, restarts, instances that continue or restart, legal numbers",
			parts: docxParts{styles: headingStyles, numbering: paraList, body: wp(numPr("1", "0"), wr("Five")) +
				wp(numPr("1", "1"), wr("a")) + wp(numPr("1", "1"), wr("b")) + wp(numPr("1", "2"), wr("i")) +
				wp(numPr("1", "0"), wr("Six")) + wp(numPr("1", "1"), wr("a again")) +
				wp(numPr("1", "3"), wr("legal")) +
				wp("", wr("Unnumbered.")) +
				wp(numPr("2", "0"), wr("Seven, the list goes on")) +
				wp(numPr("3", "0"), wr("One, restarted")) + wp(numPr("3", "0"), wr("Two")) +
				wp(numPr("9", "0"), wr("No such list.")) +
				wp(numPr("1", "12"), wr("No such level."))},
			want: []Block{
				B(ListItem, 0, "5.", "Five", 1), B(ListItem, 1, "(a)", "a", 2), B(ListItem, 1, "(b)", "b", 3),
				B(ListItem, 2, "(i)", "i", 4), B(ListItem, 0, "6.", "Six", 5), B(ListItem, 1, "(a)", "a again", 6),
				B(ListItem, 3, "6.1.1", "legal", 7), B(Paragraph, 0, "", "Unnumbered.", 8),
				B(ListItem, 0, "7.", "Seven, the list goes on", 9), B(ListItem, 0, "1.", "One, restarted", 10),
				B(ListItem, 0, "2.", "Two", 11), B(Paragraph, 0, "", "No such list.", 12), B(Paragraph, 0, "", "No such level.", 13),
			},
		},
		{
			name: "bullets, a level that never restarts, numbering from a style, numId 0",
			parts: docxParts{styles: headingStyles, numbering: paraList, body: wp(numPr("4", "0"), wr("12. Typed label in a bullet")) +
				wp(numPr("4", "1"), wr("A")) + wp(numPr("4", "0"), wr("bullet")) + wp(numPr("4", "1"), wr("B, not restarted")) +
				wp(`<w:pStyle w:val="NumPara"/>`, wr("Style numbered")) +
				wp(`<w:pStyle w:val="NumPara"/>`+numPr("0", "0"), wr("Numbering taken off"))},
			want: []Block{
				B(ListItem, 0, "12.", "Typed label in a bullet", 1), B(ListItem, 1, "A.", "A", 2), B(ListItem, 0, "", "bullet", 3),
				B(ListItem, 1, "B.", "B, not restarted", 4), B(ListItem, 0, "NN)", "Style numbered", 5),
				B(Paragraph, 0, "", "Numbering taken off", 6),
			},
		},
		{
			name: "tracked changes read as accepted (or rejected), a deleted paragraph mark joining two paragraphs, a change of style",
			parts: docxParts{styles: headingStyles, body: wp("", wr("States "), `<w:del w:id="1" w:author="A"><w:r><w:delText>agreed</w:delText></w:r></w:del>`,
				`<w:ins w:id="2" w:author="A">`+wr("concluded")+`</w:ins>`, wr(" that.")) +
				wp(`<w:rPr><w:del w:id="3" w:author="A"/></w:rPr>`, wr("First half ")) + wp("", wr("second half.")) +
				wp("", `<w:moveFrom w:id="4" w:author="A">`+wr("Moved away.")+`</w:moveFrom>`) +
				wp("", `<w:moveTo w:id="5" w:author="A">`+wr("Moved here.")+`</w:moveTo>`) +
				wp(`<w:rPr><w:ins w:id="10" w:author="A"/></w:rPr>`, wr("Split")) + wp("", wr(" here.")) +
				`<w:del w:id="6" w:author="A">` + wp("", wr("Deleted block")) + `</w:del>` +
				wp(`<w:rPr><w:del w:id="7" w:author="A"/></w:rPr><w:pPrChange w:id="8"><w:pPr><w:pStyle w:val="Heading1"/></w:pPr></w:pPrChange>`, wr("Last, its mark deleted."))},
			want: []Block{
				B(Paragraph, 0, "", "States concluded that.", 1), B(Paragraph, 0, "", "First half second half.", 2),
				B(Paragraph, 0, "", "Moved here.", 4), B(Paragraph, 0, "", "Split", 5), B(Paragraph, 0, "", "here.", 6),
				B(Paragraph, 0, "", "Last, its mark deleted.", 7),
			},
			warnings: []string{"d.docx: tracked changes read as accepted (3 insertions, 5 deletions)"},
			original: []Block{
				B(Paragraph, 0, "", "States agreed that.", 1), B(Paragraph, 0, "", "First half", 2), B(Paragraph, 0, "", "second half.", 3),
				B(Paragraph, 0, "", "Moved away.", 4), B(Paragraph, 0, "", "Split here.", 6), B(Paragraph, 0, "", "Deleted block", 7),
				B(Heading, 1, "", "Last, its mark deleted.", 8),
			},
		},
		{
			name: "field codes left out, their results kept; drawings, text boxes, notes and comments left out",
			parts: docxParts{body: wp("", wr("See "), `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r>`,
				`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:t>NESTED CODE</w:t></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`,
				`<w:r><w:fldChar w:fldCharType="end"/></w:r>`, `<w:r><w:t>CODE TEXT</w:t></w:r>`,
				`<w:r><w:fldChar w:fldCharType="separate"/></w:r>`, wr("paragraph 12"), `<w:r><w:fldChar w:fldCharType="end"/></w:r>`,
				wr(" above"), `<w:r><w:footnoteReference w:id="2"/></w:r>`, `<w:r><w:drawing><wp:inline><a:t>picture text</a:t></wp:inline></w:drawing></w:r>`,
				`<mc:AlternateContent><mc:Choice><w:r><w:t>box</w:t></w:r></mc:Choice></mc:AlternateContent>`,
				`<w:r><w:pict><w:txbxContent><w:p><w:r><w:t>text box</w:t></w:r></w:p></w:txbxContent></w:pict></w:r>`,
				`<w:commentRangeStart w:id="1"/>`, wr("."), `<w:r><w:commentReference w:id="1"/></w:r>`,
				`<w:hyperlink w:anchor="x">`+wr(" Linked")+`</w:hyperlink>`, `<w:fldSimple w:instr="PAGE">`+wr(" 3")+`</w:fldSimple>`,
				`<w:r><w:noBreakHyphen/><w:softHyphen/><w:sym w:font="Symbol" w:char="F0B7"/><w:tab/></w:r>`, wr("end"))},
			want: []Block{mk(B(Paragraph, 0, "", "See paragraph 12 above. Linked 3\u2011\tend", 1), Link, "Linked", "#x")},
		},
		{
			name: "tables: a row a block, cells joined (a deleted paragraph mark too), a deleted row left out, nested tables folded into their cell, content controls read",
			parts: docxParts{body: wp("", wr("Before")) +
				`<w:tbl><w:tblPr><w:tblW w:w="0"/></w:tblPr><w:tblGrid><w:gridCol/></w:tblGrid>` +
				`<w:tr><w:trPr/><w:tc><w:tcPr/>` + wp("", wr("Term")) + `</w:tc><w:tc>` + wp("", wr("Meaning")) + wp("", wr("more")) + `</w:tc></w:tr>` +
				`<w:tr><w:tc>` + wp("") + `</w:tc><w:tc>` + wp("") + `</w:tc></w:tr>` +
				`<w:tr><w:trPr><w:del w:id="9" w:author="A"/></w:trPr><w:tc>` + wp("", wr("Deleted row")) + `</w:tc></w:tr>` +
				`<w:tr><w:tc>` + wp(`<w:rPr><w:del w:id="1"/></w:rPr>`, wr("ICT")) + `<w:tbl><w:tr><w:tc>` + wp("", wr("inner")) + `</w:tc></w:tr></w:tbl></w:tc>` +
				`<w:sdt><w:sdtContent><w:tc>` + wp("", wr("in a control")) + `</w:tc></w:sdtContent></w:sdt></w:tr></w:tbl>` +
				`<w:sdt><w:sdtPr/><w:sdtContent>` + wp("", `<w:sdt><w:sdtContent>`+wr("After")+`</w:sdtContent></w:sdt>`) + `</w:sdtContent></w:sdt>`},
			want: []Block{
				B(Paragraph, 0, "", "Before", 1), B(TableRow, 0, "", "Term | Meaning more", 2),
				B(TableRow, 0, "", "ICT inner | in a control", 4), B(Paragraph, 0, "", "After", 5),
			},
			warnings: []string{"d.docx: tracked changes read as accepted (0 insertions, 2 deletions)"},
			original: []Block{
				B(Paragraph, 0, "", "Before", 1), B(TableRow, 0, "", "Term | Meaning more", 2), B(TableRow, 0, "", "Deleted row", 4),
				B(TableRow, 0, "", "ICT inner | in a control", 5), B(Paragraph, 0, "", "After", 6),
			},
		},
		{
			name: "footnotes and endnotes after the paragraph, heading or row that refers to them, numbered as Word numbers them",
			parts: docxParts{
				footnotes: `<w:footnote w:id="7">` + wp(`<w:pStyle w:val="FootnoteText"/>`, `<w:r><w:footnoteRef/></w:r>`, wr(" A/RES/73/27.")) + `</w:footnote>` +
					`<w:footnote w:id="3">` + wp("", `<w:r><w:footnoteRef/></w:r>`, wr(" A/70/174,")) + wp("", wr("para. 13.")) + `</w:footnote>` +
					`<w:footnote w:id="9">` + wp("", wr("Never referred to.")) + `</w:footnote>` +
					`<w:footnote w:id="4">` + wp("", wr("In a table.")) + `</w:footnote>` +
					`<w:footnote w:id="5">` + wp("", `<w:del w:id="1"><w:r><w:delText>Deleted</w:delText></w:r></w:del>`, wr("Kept.")) + `</w:footnote>`,
				endnotes: `<w:endnote w:id="2">` + wp("", `<w:r><w:endnoteRef/></w:r>`, wr(" An endnote.")) + `</w:endnote>`,
				body: wp("", wr("A. Scope"), `<w:r><w:footnoteReference w:id="3"/></w:r>`) +
					wp("", wr("1. States recalled resolution 73/27."), `<w:r><w:footnoteReference w:id="7"/></w:r>`, wr(" They noted"),
						`<w:r><w:endnoteReference w:id="2"/></w:r>`, `<w:del w:id="6"><w:r><w:footnoteReference w:id="9"/></w:r></w:del>`) +
					`<w:tbl><w:tr><w:tc>` + wp("", wr("Cell"), `<w:r><w:footnoteReference w:id="4"/></w:r>`) + `</w:tc></w:tr></w:tbl>` +
					wp("", wr("2. Last."), `<w:r><w:footnoteReference w:id="5"/></w:r>`, `<w:r><w:footnoteReference w:id="404"/></w:r>`)},
			want: []Block{
				B(Paragraph, 0, "A.", "Scope", 1), B(Paragraph, 1, "note 1", "A/70/174,\npara. 13.", 1),
				B(Paragraph, 0, "1.", "States recalled resolution 73/27. They noted", 2), B(Paragraph, 1, "note 2", "A/RES/73/27.", 2),
				B(Paragraph, 1, "endnote 1", "An endnote.", 2),
				B(TableRow, 0, "", "Cell", 3), B(Paragraph, 1, "note 3", "In a table.", 3),
				B(Paragraph, 0, "2.", "Last.", 4), B(Paragraph, 1, "note 4", "Kept.", 4),
			},
			warnings: []string{"d.docx: tracked changes read as accepted (0 insertions, 2 deletions)"},
			original: []Block{
				B(Paragraph, 0, "A.", "Scope", 1), B(Paragraph, 1, "note 1", "A/70/174,\npara. 13.", 1),
				B(Paragraph, 0, "1.", "States recalled resolution 73/27. They noted", 2), B(Paragraph, 1, "note 2", "A/RES/73/27.", 2),
				B(Paragraph, 1, "endnote 1", "An endnote.", 2), B(Paragraph, 1, "note 3", "Never referred to.", 2),
				B(TableRow, 0, "", "Cell", 3), B(Paragraph, 1, "note 4", "In a table.", 3),
				B(Paragraph, 0, "2.", "Last.", 4), B(Paragraph, 1, "note 5", "DeletedKept.", 4),
			},
		},
		{
			name: "headings numbered by a list whose levels name their styles",
			parts: docxParts{
				styles: `<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="20"/></w:numPr></w:pPr></w:style>` +
					`<w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:numId w:val="20"/></w:numPr></w:pPr></w:style>` +
					`<w:style w:type="paragraph" w:styleId="H2x"><w:name w:val="Annex heading"/><w:basedOn w:val="H2"/></w:style>`,
				numbering: `<w:abstractNum w:abstractNumId="30">` +
					level("0", "1", "upperRoman", "%1.", `<w:pStyle w:val="H1"/>`) + level("1", "1", "upperLetter", "%2.", `<w:pStyle w:val="H2"/>`) +
					`</w:abstractNum><w:num w:numId="20"><w:abstractNumId w:val="30"/></w:num>`,
				body: wp(`<w:pStyle w:val="H1"/>`, wr("Introduction")) + wp(`<w:pStyle w:val="H2"/>`, wr("Scope")) +
					wp(`<w:pStyle w:val="H2x"/>`, wr("Method")) + wp("", wr("1. Text.")) + wp(`<w:pStyle w:val="H1"/>`, wr("Findings")) +
					wp(`<w:pStyle w:val="H2"/>`, wr("Threats"))},
			want: []Block{
				B(Heading, 1, "I.", "Introduction", 1), B(Heading, 2, "A.", "Scope", 2), B(Heading, 2, "B.", "Method", 3),
				B(Paragraph, 0, "1.", "Text.", 4), B(Heading, 1, "II.", "Findings", 5), B(Heading, 2, "A.", "Threats", 6),
			},
		},
		{
			name:  "strict Office Open XML",
			parts: docxParts{ns: wordStrictNS, styles: headingStyles, body: wp(`<w:pStyle w:val="Heading1"/>`, wr("A. Title")) + wp("", wr("1. Text."))},
			want:  []Block{B(Heading, 1, "A.", "Title", 1), B(Paragraph, 0, "1.", "Text.", 2)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Read("d.docx", docxOf(t, tt.parts), Auto)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.EqualFunc(d.Blocks, tt.want, Block.Equal) {
				t.Errorf("got:%s\nwant:%s", formatBlocks(d.Blocks), formatBlocks(tt.want))
			}
			if !slices.Equal(d.Warnings, tt.warnings) {
				t.Errorf("warnings %q, want %q", d.Warnings, tt.warnings)
			}
			original, revised, err := ReadTracked("d.docx", docxOf(t, tt.parts))
			if err != nil {
				t.Fatal(err)
			}
			if tt.original == nil {
				tt.original = tt.want
			}
			if !slices.EqualFunc(original.Blocks, tt.original, Block.Equal) {
				t.Errorf("changes rejected:%s\nwant:%s", formatBlocks(original.Blocks), formatBlocks(tt.original))
			}
			if !slices.EqualFunc(revised.Blocks, d.Blocks, Block.Equal) || original.Warnings != nil || revised.Warnings != nil {
				t.Errorf("ReadTracked's revised reading differs from Read's, or warns: %q %q", original.Warnings, revised.Warnings)
			}
		})
	}
}

// TestReadDocxErrors checks that what is not a readable Word document is
// refused with an *Error naming the file and saying why.
func TestReadDocxErrors(t *testing.T) {
	var noDoc bytes.Buffer
	zw := zip.NewWriter(&noDoc)
	if _, err := zw.Create("hello.txt"); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"text", []byte("1. Not a zip"), "x.docx: not a Word document (.docx): zip: not a valid zip file"},
		{"empty", nil, "x.docx: not a Word document (.docx): zip: not a valid zip file"},
		{"zip without a document", noDoc.Bytes(), "x.docx: not a Word document (.docx): no main document part"},
		{"bad XML", docxOf(t, docxParts{body: "<w:p><w:r><w:t>open"}), "x.docx: not a Word document (.docx): word/document.xml: XML syntax error on line 1: element <t> closed by </body>"},
		{"XML in another encoding", docxOf(t, docxParts{encoding: "ISO-8859-1", body: wp("", wr("x"))}),
			`x.docx: not a Word document (.docx): word/document.xml: xml: opening charset "ISO-8859-1": only UTF-8 is read`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("x.docx", tt.data, Auto)
			var de *Error
			if !errors.As(err, &de) || de.Name != "x.docx" || !errors.Is(err, errNotDocx) {
				t.Fatalf("err = %v, want an *Error naming x.docx", err)
			}
			if err.Error() != tt.want {
				t.Errorf("err = %q\nwant  %q", err, tt.want)
			}
		})
	}
}

// wrf is a run of text with run properties.
func wrf(rPr, text string) string {
	return `<w:r><w:rPr>` + rPr + `</w:rPr><w:t xml:space="preserve">` + text + `</w:t></w:r>`
}

// TestReadDocxMarks reads the formatting of runs as marks over the
// block's text: set on the run or by its character style, not by the
// paragraph's style; runs of one formatting joined; hyperlinks with
// their addresses.
func TestReadDocxMarks(t *testing.T) {
	charStyles := `<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>` +
		`<w:style w:type="character" w:styleId="StrongItalic"><w:name w:val="Strong italic"/><w:basedOn w:val="Strong"/><w:rPr><w:i/></w:rPr></w:style>` +
		`<w:style w:type="character" w:styleId="NotBold"><w:name w:val="Not bold"/><w:basedOn w:val="Strong"/><w:rPr><w:b w:val="false"/></w:rPr></w:style>`
	tests := []struct {
		name     string
		parts    docxParts
		want     []Block
		original []Block // its tracked changes rejected, if different
	}{
		{
			name: "italic split into runs is one mark; the label moved out",
			parts: docxParts{body: wp("", wr("12. "), wrf(`<w:i/>`, "Dec"), wrf(`<w:i/><w:lang w:val="en-GB"/>`, "ides"),
				wrf(`<w:i w:val="1"/>`, " "), wrf(`<w:i w:val="true"/>`, "further"), wr(" that"))},
			want: []Block{mk(B(Paragraph, 0, "12.", "Decides further that", 1), Emphasis, "Decides further")},
		},
		{
			name: "each formatting, turned off by a value",
			parts: docxParts{body: wp("", wrf(`<w:b/>`, "bold"), wr(" "), wrf(`<w:strike/>`, "struck"), wr(" "),
				wrf(`<w:dstrike/>`, "double"), wr(" x"), wrf(`<w:vertAlign w:val="superscript"/>`, "3"), wr(" H"),
				wrf(`<w:vertAlign w:val="subscript"/>`, "2"), wr("O "), wrf(`<w:b w:val="0"/><w:i w:val="off"/><w:strike w:val="false"/><w:vertAlign w:val="baseline"/>`, "plain"),
				wrf(`<w:strike/><w:dstrike w:val="0"/>`, " still"))},
			want: []Block{mk(mk(mk(mk(mk(mk(B(Paragraph, 0, "", "bold struck double x3 H2O plain still", 1),
				Strong, "bold"), Strikethrough, "struck"), Strikethrough, "double"), Superscript, "3"), Subscript, "2"), Strikethrough, "still")},
		},
		{
			name: "character styles, not paragraph styles",
			parts: docxParts{styles: headingStyles + charStyles, body: wp(`<w:pStyle w:val="Heading1"/>`, wr("Bold by its style")) +
				wp("", wrf(`<w:rStyle w:val="Strong"/>`, "strong"), wr(" "), wrf(`<w:rStyle w:val="StrongItalic"/>`, "both"), wr(" "),
					wrf(`<w:rStyle w:val="Strong"/><w:b w:val="0"/>`, "off"), wr(" "), wrf(`<w:rStyle w:val="NotBold"/>`, "derived"),
					wr(" "), wrf(`<w:rStyle w:val="Missing"/>`, "missing"))},
			want: []Block{B(Heading, 1, "", "Bold by its style", 1),
				mk(mk(mk(B(Paragraph, 0, "", "strong both off derived missing", 2), Strong, "strong"), Strong, "both"), Emphasis, "both")},
		},
		{
			name: "hyperlinks by relationship and anchor",
			parts: docxParts{body: wp("", wr("See "), `<w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`+
				wrf(`<w:rStyle w:val="Hyperlink"/>`, "the site")+`</w:hyperlink>`, wr(", "),
				`<w:hyperlink w:anchor="annex">`+wr("the ")+wrf(`<w:i/>`, "annex")+`</w:hyperlink>`, wr(" and "),
				`<w:hyperlink r:id="rId9" w:anchor="top" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`+wr("top")+`</w:hyperlink>`,
				`<w:hyperlink r:id="rId404" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`+wr(" nowhere")+`</w:hyperlink>`)},
			want: []Block{mk(mk(mk(mk(B(Paragraph, 0, "", "See the site, the annex and top nowhere", 1),
				Link, "the site", "https://example.org"), Link, "the annex", "#annex"), Emphasis, "annex"), Link, "top", "https://example.org#top")},
		},
		{
			name: "table cells",
			parts: docxParts{body: `<w:tbl><w:tr><w:tc>` + wp("", wrf(`<w:b/>`, " Kind")) + `</w:tc><w:tc>` + wp("", wr("a")) +
				wp("", wr(" "), wrf(`<w:i/>`, "b")) + `</w:tc></w:tr></w:tbl>`},
			want: []Block{mk(mk(B(TableRow, 0, "", "Kind | a b", 1), Strong, "Kind"), Emphasis, "b")},
		},
		{
			name: "tracked: formatting changed, a paragraph mark deleted",
			parts: docxParts{body: wp("", wrf(`<w:i/><w:rPrChange w:id="1" w:author="A"><w:rPr><w:b/></w:rPr></w:rPrChange>`, "was bold")) +
				wp(`<w:rPr><w:del w:id="3" w:author="A"/></w:rPr>`, wrf(`<w:b/>`, "First"), wr(" half ")) + wp("", wr("second "), wrf(`<w:i/>`, "half"))},
			want: []Block{mk(B(Paragraph, 0, "", "was bold", 1), Emphasis, "was bold"),
				mkLast(mk(B(Paragraph, 0, "", "First half second half", 2), Strong, "First"), Emphasis, "half")},
			original: []Block{mk(B(Paragraph, 0, "", "was bold", 1), Strong, "was bold"),
				mk(B(Paragraph, 0, "", "First half", 2), Strong, "First"), mk(B(Paragraph, 0, "", "second half", 3), Emphasis, "half")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			original, revised, err := ReadTracked("d.docx", docxOf(t, tt.parts))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.EqualFunc(revised.Blocks, tt.want, Block.Equal) {
				t.Errorf("got:%s\nwant:%s", formatMarkedBlocks(revised.Blocks), formatMarkedBlocks(tt.want))
			}
			if tt.original == nil {
				tt.original = tt.want
			}
			if !slices.EqualFunc(original.Blocks, tt.original, Block.Equal) {
				t.Errorf("changes rejected:%s\nwant:%s", formatMarkedBlocks(original.Blocks), formatMarkedBlocks(tt.original))
			}
		})
	}
}

// TestRunFormatMarks checks that runs of one formatting, one after
// another, make one mark as they are read, not one a run (Word splits
// runs where it likes), and that other runs make at most a mark each.
func TestRunFormatMarks(t *testing.T) {
	italic, bold, both := runFormat(0).with(Emphasis), runFormat(0).with(Strong), runFormat(0).with(Strong).with(Emphasis)
	var marks []Mark
	for k := range 1000 {
		marks = italic.marks(marks, k, k+1)
	}
	if want := []Mark{{Start: 0, End: 1000, Style: Emphasis}}; !slices.Equal(marks, want) {
		t.Errorf("1000 italic runs: %d marks, starting %v", len(marks), marks[:min(len(marks), 4)])
	}
	marks = nil
	for k := range 1000 {
		f := bold
		if k%2 == 1 {
			f = both
		}
		marks = f.marks(marks, 2*k, 2*k+2)
	}
	if len(marks) > 1000 {
		t.Errorf("1000 runs of bold and bold italic: %d marks", len(marks))
	}
	if got := NormalizeMarks(marks); len(got) != 501 || got[0] != (Mark{Start: 0, End: 2000, Style: Strong}) {
		t.Errorf("normalised: %d marks, starting %v", len(got), got[:min(len(got), 4)])
	}
}

// TestReadDocxBlankLevels reads paragraphs in a list level that shows
// nothing (a blank bullet, as pandoc writes an item's later paragraphs,
// or format "none") as later paragraphs of the item, one level down; a
// real bullet stays a list item.
func TestReadDocxBlankLevels(t *testing.T) {
	numbering := `<w:abstractNum w:abstractNumId="1">` + level("0", "1", "decimal", "%1.", "") + `</w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="2">` + level("0", "1", "bullet", " ", "") + level("1", "1", "none", "", "") + `</w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="3">` + level("0", "1", "bullet", "•", "") + `</w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>` +
		`<w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>`
	body := wp(numPr("1", "0"), wr("States agreed:")) + wp(numPr("2", "0"), wr("(a) first;")) + wp(numPr("2", "0"), wr("Then more.")) +
		wp(numPr("2", "1"), wr("Deeper.")) + wp(numPr("3", "0"), wr("A bullet."))
	d, err := Read("d.docx", docxOf(t, docxParts{numbering: numbering, body: body}), Auto)
	if err != nil {
		t.Fatal(err)
	}
	want := []Block{B(ListItem, 0, "1.", "States agreed:", 1), B(Paragraph, 1, "(a)", "first;", 2), B(Paragraph, 1, "", "Then more.", 3),
		B(Paragraph, 2, "", "Deeper.", 4), B(ListItem, 0, "", "A bullet.", 5)}
	if !slices.EqualFunc(d.Blocks, want, Block.Equal) {
		t.Errorf("got:%s\nwant:%s", formatBlocks(d.Blocks), formatBlocks(want))
	}
}

// TestDocxShippedDrafts reads each shipped draft as pandoc wrote it to
// Word (testdata/docx), Rev.1 as LibreOffice wrote it, and Rev.2 as
// LibreOffice marked up its changes from Rev.1 (tracked changes read as
// accepted), and holds each to the reading of its Markdown: the
// same blocks, levels and labels, the paragraph numbers coming from Word's
// automatic numbering. Emphasis differs (asterisks in the Markdown,
// italics in Word), and so may a kind: the sub-paragraphs "(a)" of a
// numbered paragraph are paragraphs in the Markdown (lines of its item)
// and list items in Word (numbered at the list's second level).
func TestDocxShippedDrafts(t *testing.T) {
	for _, name := range []string{"zero-draft", "rev1", "rev2", "final", "rev1-libreoffice", "rev2-tracked"} {
		md, err := os.ReadFile(filepath.Join("..", "testdata", "drafts", strings.TrimSuffix(strings.TrimSuffix(name, "-libreoffice"), "-tracked")+".md"))
		if err != nil {
			t.Fatal(err)
		}
		docx, err := os.ReadFile(filepath.Join("..", "testdata", "docx", name+".docx"))
		if err != nil {
			t.Fatal(err)
		}
		want, err := Read(name+".md", md, Auto)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Read(name+".docx", docx, Auto)
		if err != nil {
			t.Fatal(err)
		}
		var warnings []string
		if name == "rev2-tracked" {
			warnings = []string{"rev2-tracked.docx: tracked changes read as accepted (18 insertions, 28 deletions)"}
		}
		if !slices.Equal(got.Warnings, warnings) {
			t.Errorf("%s: warnings %q, want %q", name, got.Warnings, warnings)
		}
		strip := func(blocks []Block) []Block {
			out := slices.Clone(blocks)
			for i := range out {
				out[i].Line = 0
				if out[i].Kind == ListItem {
					out[i].Kind = Paragraph
				}
				if s, ok := strings.CutPrefix(out[i].Text, "*"); ok {
					out[i].Text, _ = strings.CutSuffix(s, "*")
				}
				out[i].SetMarks(nil) // held to the asterisks below
			}
			return out
		}
		numbered := 0
		for _, b := range got.Blocks {
			if b.Kind == ListItem && b.Label != "" {
				numbered++
			}
		}
		if numbered < 40 {
			t.Errorf("%s: %d numbered list items, want the draft's numbered paragraphs", name, numbered)
		}
		g, w := strip(got.Blocks), strip(want.Blocks)
		if name == "rev2-tracked" {
			// LibreOffice's comparison gives paragraph 48 the heading
			// style of the deleted heading before it (whose paragraph
			// mark it marks deleted); the reader follows the file, where
			// a joined paragraph has the properties of the mark that
			// remains, 48's.
			for i := range g {
				if g[i].Label == "48." && g[i].Kind == Heading {
					g[i].Kind, g[i].Level = Paragraph, 0
				}
			}
		}
		if !slices.EqualFunc(g, w, Block.Equal) {
			t.Errorf("%s: Word reads as:%s\nMarkdown as:%s", name, formatBlocks(g), formatBlocks(w))
			continue
		}
		// Word's italic paragraphs are the Markdown's "*…*" ones (read
		// with their asterisks, or as emphasis).
		for i, b := range got.Blocks {
			whole := []Mark{{Start: 0, End: int32(len(b.Text)), Style: Emphasis}}
			md := want.Blocks[i]
			starred := strings.HasPrefix(md.Text, "*") || slices.Equal(md.Marks(), whole)
			if italic := slices.Equal(b.Marks(), whole); italic != starred || !italic && b.Marks() != nil {
				t.Errorf("%s: block %d %q: marks %v, Markdown %q %v", name, i, b.Text, b.Marks(), md.Text, md.Marks())
			}
		}
	}
}

// TestReadDocxBudget checks that a part expanding beyond the budget is
// refused, not read.
func TestReadDocxBudget(t *testing.T) {
	defer func(s int64) { docxSlack = s }(docxSlack)
	body := strings.Repeat(wp("", wr(strings.Repeat("States agreed. ", 100))), 200)
	data := docxOf(t, docxParts{body: body})
	if _, err := Read("big.docx", data, Auto); err != nil {
		t.Fatalf("within the budget: %v", err)
	}
	docxSlack = 0 // the budget is now 64 times the zipped size, which this text exceeds
	_, err := Read("big.docx", data, Auto)
	want := fmt.Sprintf("big.docx: not a Word document (.docx): word/document.xml expands past %d bytes, the most the parts of a file of %d bytes may hold",
		64*len(data), len(data))
	if err == nil || err.Error() != want {
		t.Fatalf("over the budget: err = %v, want %s", err, want)
	}
}

// FuzzReadDocx reads Word documents whose body is the fuzzer's XML, with
// heading styles and lists, with their tracked changes accepted and
// rejected: reading never panics or hangs, refuses only with an *Error
// saying the file is not a readable Word document, and gives blocks that
// hold a label or text, trimmed, in paragraph order, the same on a second
// reading.
func FuzzReadDocx(f *testing.F) {
	f.Add(wp(`<w:pStyle w:val="Heading1"/>`, wr("A. Title")) + wp(numPr("1", "0"), wr("Text")) + wp(numPr("1", "1"), wr("sub")))
	f.Add(wp("", wr("a"), `<w:del><w:r><w:delText>b</w:delText></w:r></w:del>`, `<w:ins>`+wr("c")+`</w:ins>`) +
		wp(`<w:rPr><w:del/></w:rPr>`, wr("joined")) + `<w:tbl><w:tr><w:tc>` + wp("", wr("x")) + `</w:tc></w:tr></w:tbl>`)
	f.Add(wp("", `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>REF</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`, wr("12"), `<w:r><w:fldChar w:fldCharType="end"/></w:r>`))
	f.Add(`<w:sdt><w:sdtContent>` + wp(`<w:pStyle w:val="NumPara"/>`, wr("(a) x")) + `</w:sdtContent></w:sdt><w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc>` + wp("", wr("y")) + `</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>`)
	f.Add(wp("", wr("a"), `<w:r><w:footnoteReference w:id="1"/></w:r>`, `<w:ins>`+`<w:r><w:footnoteReference w:id="2"/></w:r>`+`</w:ins>`) +
		wp(`<w:rPr><w:del/></w:rPr>`, `<w:r><w:endnoteReference w:id="1"/></w:r>`) + wp("", wr("b")))
	f.Add(wp("", wr("12. "), wrf(`<w:i/>`, "It"), wrf(`<w:i/><w:b/>`, "al"), `<w:hyperlink w:anchor="a">`+wrf(`<w:strike/>`, " é ")+`</w:hyperlink>`,
		wrf(`<w:vertAlign w:val="superscript"/><w:rPrChange><w:rPr><w:b w:val="0"/></w:rPr></w:rPrChange>`, "2")) +
		wp(`<w:rPr><w:del/></w:rPr>`, wrf(`<w:i/>`, "x ")) + `<w:tbl><w:tr><w:tc>` + wp("", wrf(`<w:b/>`, " y")) + `</w:tc></w:tr></w:tbl>`)
	f.Fuzz(func(t *testing.T, body string) {
		watchdog := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("Read hangs on %q", body)) })
		defer watchdog.Stop()
		data := docxOf(t, docxParts{body: body, styles: headingStyles, numbering: paraList, footnotes: fuzzNotes, endnotes: fuzzEndnotes})
		d, err := Read("f.docx", data, Auto)
		if err != nil {
			var de *Error
			if !errors.As(err, &de) || de.Name != "f.docx" || !errors.Is(err, errNotDocx) {
				t.Fatalf("err = %v, want an *Error saying f.docx is not a readable Word document", err)
			}
			return
		}
		checkDocxBlocks(t, d.Blocks)
		original, revised, err := ReadTracked("f.docx", data)
		if err != nil || !reflect.DeepEqual(revised.Blocks, d.Blocks) {
			t.Fatalf("ReadTracked: %v, or its revised reading differs from Read's", err)
		}
		checkDocxBlocks(t, original.Blocks)
		again, err := Read("f.docx", data, Auto)
		if err != nil || !reflect.DeepEqual(d, again) {
			t.Fatalf("second read differs: %v", err)
		}
	})
}

// TestReadTrackedLibreOffice reads Rev.2 with its changes from Rev.1
// tracked (testdata/docx/rev2-tracked.docx, by LibreOffice) both ways:
// with the changes rejected its paragraphs are Rev.1's, word for word and
// in order, and with them accepted Rev.2's (TestDocxShippedDrafts). The
// numbers are not compared: the lists carry Rev.2's starting numbers
// (startOverride), which no tracked change restores.
func TestReadTrackedLibreOffice(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "docx", "rev2-tracked.docx"))
	if err != nil {
		t.Fatal(err)
	}
	original, revised, err := ReadTracked("rev2-tracked.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	accepted, err := Read("rev2-tracked.docx", data, Auto)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.EqualFunc(revised.Blocks, accepted.Blocks, Block.Equal) {
		t.Errorf("ReadTracked's revised reading differs from Read's")
	}
	md, err := os.ReadFile(filepath.Join("..", "testdata", "drafts", "rev1.md"))
	if err != nil {
		t.Fatal(err)
	}
	rev1, err := Read("rev1.md", md, Auto)
	if err != nil {
		t.Fatal(err)
	}
	texts := func(blocks []Block) []string {
		var out []string
		for _, b := range blocks {
			out = append(out, strings.Trim(b.Text, "*"))
		}
		return out
	}
	if g, w := texts(original.Blocks), texts(rev1.Blocks); !slices.Equal(g, w) {
		t.Errorf("changes rejected, %d paragraphs:\n%s\nRev.1, %d:\n%s", len(g), strings.Join(g, "\n"), len(w), strings.Join(w, "\n"))
	}
}

// fuzzNotes and fuzzEndnotes are the notes of FuzzReadDocx's documents.
var (
	fuzzNotes = `<w:footnote w:id="1">` + wp("", `<w:r><w:footnoteRef/></w:r>`, wr(" Note one.")) + `</w:footnote>` +
		`<w:footnote w:id="2">` + wp("", `<w:del><w:r><w:delText>x</w:delText></w:r></w:del>`, wr("Two")) + wp("", wr("lines.")) + `</w:footnote>`
	fuzzEndnotes = `<w:endnote w:id="1">` + wp("", wr("End.")) + `</w:endnote>`
)

// checkDocxBlocks checks that blocks hold a label or text, trimmed, in
// paragraph order, with sensible levels.
func checkDocxBlocks(t *testing.T, blocks []Block) {
	t.Helper()
	line := int32(0)
	for i, b := range blocks {
		if b.Label == "" && b.Text == "" || b.Text != strings.TrimSpace(b.Text) {
			t.Fatalf("block %d: %+v", i, b)
		}
		if b.Line < line || b.Line < 1 {
			t.Fatalf("block %d on paragraph %d after %d", i, b.Line, line)
		}
		line = b.Line
		checkFormatMarks(t, i, b)
		if b.Kind == Heading && (b.Level < 1 || b.Level > 6) || b.Kind != Heading && (b.Level < 0 || b.Level > maxDocxLevels+8) {
			t.Fatalf("block %d: level %d", i, b.Level)
		}
	}
}
