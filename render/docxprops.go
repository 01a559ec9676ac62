package render

import (
	"encoding/xml"
	"strings"
	"time"
)

// docxAuthor is the author of tracked changes when none is given.
const docxAuthor = "redline"

// changeAttrs returns the attributes that every tracked change carries:
// its author, and its date if opt has one.
func changeAttrs(opt DOCXOptions) string {
	author := opt.Author
	if author == "" {
		author = docxAuthor
	}
	s := ` w:author="` + xmlAttr(author) + `"`
	if !opt.Date.IsZero() {
		s += ` w:date="` + docxTime(opt.Date) + `"`
	}
	return s
}

// docxTime writes t as the dates of WordprocessingML want it: UTC, to
// the second.
func docxTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }

// xmlAttr escapes s for an attribute value in double quotes; characters
// XML cannot hold become U+FFFD.
func xmlAttr(s string) string {
	var sb strings.Builder
	xml.EscapeText(&sb, []byte(s)) // escapes <, >, &, ', ", tabs and line ends
	return sb.String()
}

// docxCoreProps returns the package's core properties: the title and
// summary, the author as the creator, the date as created and modified.
func docxCoreProps(opt DOCXOptions) string {
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	elem := func(name, value string) {
		if value != "" {
			sb.WriteString("<" + name + ">" + xmlAttr(value) + "</" + name + ">")
		}
	}
	elem("dc:title", opt.Title)
	elem("dc:description", opt.Summary)
	author := opt.Author
	if author == "" {
		author = docxAuthor
	}
	elem("dc:creator", author)
	elem("cp:lastModifiedBy", author)
	if !opt.Date.IsZero() {
		for _, name := range []string{"dcterms:created", "dcterms:modified"} {
			sb.WriteString("<" + name + ` xsi:type="dcterms:W3CDTF">` + docxTime(opt.Date) + "</" + name + ">")
		}
	}
	sb.WriteString("</cp:coreProperties>")
	return sb.String()
}
