package draft

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unsafe"
)

// Format is the source format of a draft.
type Format uint8

// The formats Read understands.
const (
	Auto     Format = iota // choose by file name (see FormatOf)
	Text                   // plain text
	Markdown               // CommonMark with GitHub tables
	Docx                   // a Word document (Office Open XML)
	ODT                    // an OpenDocument text
	HTML                   // an HTML page
	PDF                    // a PDF, its text read by Poppler's pdftotext
)

// String returns the format's name as ParseFormat accepts it: "auto",
// "text", "markdown", "docx", "odt", "html" or "pdf".
func (f Format) String() string {
	switch f {
	case Auto:
		return "auto"
	case Text:
		return "text"
	case Markdown:
		return "markdown"
	case Docx:
		return "docx"
	case ODT:
		return "odt"
	case HTML:
		return "html"
	case PDF:
		return "pdf"
	}
	return fmt.Sprintf("Format(%d)", uint8(f))
}

// FormatOf returns Markdown for names ending in .md or .markdown, Docx for
// .docx and .docm (a Word document with macros, which are not read), ODT
// for .odt and .ott, HTML for .html and .htm, PDF for .pdf, in any case;
// Text otherwise (.txt, no extension, "-"
// for standard input).
func FormatOf(name string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		return Markdown
	case ".docx", ".docm":
		return Docx
	case ".odt", ".ott":
		return ODT
	case ".html", ".htm":
		return HTML
	case ".pdf":
		return PDF
	}
	return Text
}

// ParseFormat parses a format name: "markdown" or "md", "text" or "txt",
// "docx" or "word", "odt" or "opendocument", "html" or "htm", "pdf",
// "auto" or "" (in any case).
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "auto", "":
		return Auto, nil
	case "text", "txt":
		return Text, nil
	case "markdown", "md":
		return Markdown, nil
	case "docx", "word":
		return Docx, nil
	case "odt", "opendocument":
		return ODT, nil
	case "html", "htm":
		return HTML, nil
	case "pdf":
		return PDF, nil
	}
	return Auto, fmt.Errorf("unknown draft format %q (want auto, markdown, text, docx, odt, html or pdf)", s)
}

// ErrTooDeep is the error (wrapped in an *Error) for Markdown that nests
// block quotes and list items more than maxNesting levels deep.
var ErrTooDeep = fmt.Errorf("list items and block quotes nested more than %d levels deep", maxNesting)

// ErrBinary is the error (wrapped in an *Error) for data that holds a NUL
// byte, or UTF-16 data a NUL character, which no text draft does.
var ErrBinary = errors.New("binary file")

// Error is a problem reading the draft called Name.
type Error struct {
	Name string // the draft's name, as given to Read
	Err  error  // what went wrong, e.g. wrapping ErrBinary
}

// Error returns "NAME: message".
func (e *Error) Error() string {
	return e.Name + ": " + e.Err.Error()
}

// Unwrap returns the underlying error, for errors.Is and errors.As.
func (e *Error) Unwrap() error {
	return e.Err
}

// Read reads the draft called name from data, in format f; f == Auto
// chooses by FormatOf(name). A Word document (Docx) is read as the
// package documentation says, its tracked changes accepted with one
// warning. A PDF is read with Poppler's pdftotext, as the package
// documentation says ("PDF"): refused with an *Error wrapping
// ErrNoPdftotext where that is not installed, ErrNoTextLayer for a scan. An HTML page (HTML) that is not UTF-8 is first decoded from
// the single-byte encoding its meta charset names, if it names one of
// those known; then, after the checks and repairs below, it is parsed as
// a browser parses it, and refused with an *Error if its elements nest
// more than 512 deep. Other data starting with a UTF-16 byte-order mark is decoded
// from UTF-16 first. Data holding a NUL byte (or character) is refused
// with an *Error wrapping ErrBinary. Invalid UTF-8 or UTF-16 is repaired
// with one warning in Document.Warnings; a leading byte-order mark is
// dropped; CRLF and lone CR line ends count as LF. Empty or blank data
// gives a Document without blocks. Markdown nested absurdly deep (see
// maxNesting) is refused with an *Error wrapping ErrTooDeep: both drafts of
// a comparison are read by one reader, never one of them by another. Read never panics:
// should a reader fail unexpectedly, it returns an *Error saying so.
//
// The Document's texts may share memory with data, which is not copied
// (a draft can be large): the caller must not change data afterwards.
func Read(name string, data []byte, f Format) (doc *Document, err error) {
	if f == Auto {
		f = FormatOf(name)
	}
	if f == Docx {
		return readDocxDocument(name, data)
	}
	if f == ODT {
		return readODTDocument(name, data)
	}
	if f == PDF {
		return readPDFDocument(name, data)
	}
	if f != Text && f != Markdown && f != HTML {
		return nil, &Error{name, fmt.Errorf("unknown draft format %v", f)}
	}
	if f == HTML {
		data = decodeHTML(data)
	}
	src, warnings, err := prepare(name, data)
	if err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, &Error{name, fmt.Errorf("internal error reading %v: %v", f, r)}
		}
	}()
	doc = &Document{Name: name, Warnings: warnings}
	if f == HTML {
		return readHTMLDocument(doc, string(src))
	}
	if f == Markdown {
		if line, deep := nestedTooDeep(src); deep {
			return nil, &Error{name, fmt.Errorf("%w (line %d): read it as plain text with --from text", ErrTooDeep, line)}
		}
		doc.Blocks = readMarkdown(src)
		return doc, nil
	}
	// A view of the bytes, not a copy: data is the caller's to keep
	// unchanged, and prepare copies only what it repairs.
	var warned []string
	doc.Blocks, warned = readText(name, unsafe.String(unsafe.SliceData(src), len(src)))
	doc.Warnings = append(doc.Warnings, warned...)
	return doc, nil
}

// readDocxDocument is Read for a Word document.
func readDocxDocument(name string, data []byte) (*Document, error) {
	blocks, inserted, deleted, err := readDocxRecovered(name, data, false)
	if err != nil {
		return nil, err
	}
	d := &Document{Name: name, Blocks: blocks}
	if inserted+deleted > 0 {
		d.Warnings = append(d.Warnings, fmt.Sprintf("%s: tracked changes read as accepted (%d %s, %d %s)", name,
			inserted, plural(inserted, "insertion", "insertions"), deleted, plural(deleted, "deletion", "deletions")))
	}
	return d, nil
}

// readODTDocument is Read for an OpenDocument text.
func readODTDocument(name string, data []byte) (d *Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			d, err = nil, &Error{name, fmt.Errorf("internal error reading odt: %v", r)}
		}
	}()
	blocks, inserted, deleted, err := readODT(data)
	if err != nil {
		return nil, &Error{name, err}
	}
	d = &Document{Name: name, Blocks: blocks}
	if inserted+deleted > 0 {
		d.Warnings = append(d.Warnings, fmt.Sprintf("%s: tracked changes read as accepted (%d %s, %d %s)", name,
			inserted, plural(inserted, "insertion", "insertions"), deleted, plural(deleted, "deletion", "deletions")))
	}
	return d, nil
}

// readDocxRecovered is readDocx, its errors and panics turned into *Errors
// naming the draft.
func readDocxRecovered(name string, data []byte, reject bool) (blocks []Block, inserted, deleted int, err error) {
	defer func() {
		if r := recover(); r != nil {
			blocks, err = nil, &Error{name, fmt.Errorf("internal error reading docx: %v", r)}
		}
	}()
	blocks, inserted, deleted, err = readDocx(data, reject)
	if err != nil {
		return nil, 0, 0, &Error{name, err}
	}
	return blocks, inserted, deleted, nil
}

// ReadTracked reads the Word document called name from data twice: as it
// was before its tracked changes, every one rejected (original), and as it
// is with them, every one accepted (revised, the reading of Read), so that
// comparing the two shows the changes. Either Document is named name;
// neither carries a warning about the changes. Errors are as Read's.
func ReadTracked(name string, data []byte) (original, revised *Document, err error) {
	// The two readings are independent: the one runs while the other does.
	var before []Block
	var beforeErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		before, _, _, beforeErr = readDocxRecovered(name, data, true)
	}()
	after, _, _, err := readDocxRecovered(name, data, false)
	<-done
	if beforeErr != nil {
		return nil, nil, beforeErr
	}
	if err != nil {
		return nil, nil, err
	}
	return &Document{Name: name, Blocks: before}, &Document{Name: name, Blocks: after}, nil
}
