package draft

import (
	"errors"
	"fmt"
)

// SourceKind says which element of a Word document a block was read from.
type SourceKind uint8

// The elements blocks are read from.
const (
	SourceParagraph SourceKind = iota // a paragraph of the body (w:p)
	SourceRow                         // a row of a table of the body (w:tr)
	SourceFootnote                    // a footnote (w:footnote)
	SourceEndnote                     // an endnote (w:endnote)
)

// Source is where in a Word document one block was read from: the Index-th
// paragraph of the body (counting the paragraphs read as blocks or not, in
// document order, outside tables, not inside another paragraph's text
// box, not inside a section's properties), the Index-th row of the body's
// outermost tables, or the note whose id is ID.
type Source struct {
	Kind  SourceKind
	Index int
	ID    string
}

// ErrTrackedSource is the error of DocxSources for a document that holds
// tracked changes: its blocks are not its elements as they stand.
var ErrTrackedSource = errors.New("the document holds tracked changes")

// DocxSources reads a Word document as Read does, with the source of each
// block: blocks[i] was read from sources[i]. It is the side table a writer
// needs to change the document itself where its blocks changed. A
// document with tracked changes is refused (ErrTrackedSource).
func DocxSources(data []byte) (blocks []Block, sources []Source, err error) {
	defer func() {
		if r := recover(); r != nil {
			blocks, sources, err = nil, nil, fmt.Errorf("internal error reading docx: %v", r)
		}
	}()
	rec := &sourceRecorder{}
	blocks, inserted, deleted, err := readDocxWith(data, false, rec)
	if err != nil {
		return nil, nil, err
	}
	if inserted+deleted > 0 {
		return nil, nil, ErrTrackedSource
	}
	if len(rec.sources) != len(blocks) {
		return nil, nil, fmt.Errorf("internal error: %d sources for %d blocks", len(rec.sources), len(blocks))
	}
	return blocks, rec.sources, nil
}

// sourceRecorder keeps the source of each block as the Word reader adds
// it.
type sourceRecorder struct {
	paragraphs, rows int // read so far
	sources          []Source
}

// added records the source of the blocks added since there were n.
func (s *sourceRecorder) added(n, now int, src Source) {
	for range now - n {
		s.sources = append(s.sources, src)
	}
}
