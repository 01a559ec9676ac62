// Package hostile makes the binary inputs of the hostile-input suite
// (testdata/hostile, run by cmd/redline's TestHostile, and the Word
// reader's bound tests): Word documents built to amplify, nest or stall,
// which no txtar archive can hold.
package hostile

import (
	"archive/zip"
	"bytes"
	"strings"
)

const wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// Docx returns a Word document whose main part holds body (inside
// w:body), with a numbering part and a footnotes part when they are not
// empty. main, if not empty, replaces the whole main part.
func Docx(body, numbering, footnotes, main string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name, content string) {
		w, _ := zw.Create(name) // writes to a bytes.Buffer do not fail
		w.Write([]byte(content))
	}
	const rel = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`
	const relsNS = `http://schemas.openxmlformats.org/package/2006/relationships`
	add("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`)
	add("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="`+relsNS+`">`+
		`<Relationship Id="rId1" Type="`+rel+`officeDocument" Target="word/document.xml"/></Relationships>`)
	rels := `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="` + relsNS + `">`
	if numbering != "" {
		rels += `<Relationship Id="rId3" Type="` + rel + `numbering" Target="numbering.xml"/>`
		add("word/numbering.xml", `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="`+wordNS+`">`+numbering+`</w:numbering>`)
	}
	if footnotes != "" {
		rels += `<Relationship Id="rId4" Type="` + rel + `footnotes" Target="footnotes.xml"/>`
		add("word/footnotes.xml", `<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="`+wordNS+`">`+footnotes+`</w:footnotes>`)
	}
	add("word/_rels/document.xml.rels", rels+`</Relationships>`)
	if main == "" {
		main = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="` + wordNS + `"><w:body>` + body + `</w:body></w:document>`
	}
	add("word/document.xml", main)
	zw.Close()
	return buf.Bytes()
}

// P is a paragraph: properties (inside w:pPr, if any) and runs.
func P(pPr string, runs ...string) string {
	if pPr != "" {
		pPr = "<w:pPr>" + pPr + "</w:pPr>"
	}
	return "<w:p>" + pPr + strings.Join(runs, "") + "</w:p>"
}

// R is a run of text.
func R(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }

// Files makes the hostile Word documents by name.
var Files = map[string]func() []byte{
	// A list whose level text is 250 bytes (under the bound on one
	// level's text) on 100,000 numbered paragraphs: 25 MB of labels
	// from a file of some 30 KB. Over the bound on built text.
	"docx-label-amplified": func() []byte {
		return Docx(strings.Repeat(P(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>`, R("x")), 100_000),
			numbered(strings.Repeat("A", 248)+"%1."), "", "")
	},
	// A list level text of 100 KB: over the bound on one level's text.
	"docx-label-long": func() []byte {
		return Docx(P(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>`, R("x")),
			numbered(strings.Repeat("A", 100_000)+"%1."), "", "")
	},
	// A footnote of 100 KB referred to 20,000 times: 2 GB if copied at
	// each reference. It is added once.
	"docx-footnote-many": func() []byte {
		note := `<w:footnote w:id="1">` + P("", R(strings.Repeat("Footnote text. ", 7_000))) + `</w:footnote>`
		return Docx(P("", R("States agreed."), strings.Repeat(`<w:r><w:footnoteReference w:id="1"/></w:r>`, 20_000)), "", note, "")
	},
	// 200,000 paragraphs whose marks are deleted (tracked): one
	// paragraph, joined in linear time (it was quadratic: 31 s).
	"docx-deleted-marks": func() []byte { return DeletedMarks(200_000) },
	// 200,000 fields opened and never closed in one paragraph, each
	// followed by its result's text: linear (it was quadratic).
	"docx-open-fields": func() []byte { return OpenFields(200_000) },
	// A table cell of 200,000 paragraphs: joined in linear time.
	"docx-cell-paragraphs": func() []byte { return CellParagraphs(200_000) },
	// Content controls nested 100,000 deep: over the bound on nesting.
	"docx-deep": func() []byte {
		return Docx(strings.Repeat("<w:sdt><w:sdtContent>", 100_000)+P("", R("deep"))+strings.Repeat("</w:sdtContent></w:sdt>", 100_000), "", "", "")
	},
	// A main part that is HTML, not WordprocessingML.
	"docx-not-word": func() []byte {
		return Docx("", "", "", `<html><body><p>States agreed.</p></body></html>`)
	},
	// A main part that is not XML at all.
	"docx-not-xml": func() []byte {
		return Docx("", "", "", "States agreed, in plain text.")
	},
}

// DeletedMarks returns a document of n paragraphs whose marks are
// deleted (tracked), then one that is not: one paragraph of them all.
func DeletedMarks(n int) []byte {
	return Docx(strings.Repeat(P(`<w:rPr><w:del w:id="1" w:author="A"/></w:rPr>`, R("word ")), n)+P("", R("end.")), "", "", "")
}

// OpenFields returns a paragraph of n fields opened and never closed, the
// result of each a word of text.
func OpenFields(n int) []byte {
	return Docx(P("", strings.Repeat(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`+R("x "), n)), "", "", "")
}

// CellParagraphs returns a table of one cell of n paragraphs.
func CellParagraphs(n int) []byte {
	return Docx(`<w:tbl><w:tr><w:tc>`+strings.Repeat(P("", R("cell ")), n)+`</w:tc></w:tr></w:tbl>`, "", "", "")
}

// numbered is a numbering part with one list (instance 1) whose first
// level's text is text.
func numbered(text string) string {
	return `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>` +
		`<w:lvlText w:val="` + text + `"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`
}
