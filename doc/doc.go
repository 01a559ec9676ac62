// Package doc is redline's document model and its readers.
//
// A Document is the sequence of Blocks a reader found in a draft: headings,
// paragraphs, list items, block quotes and table rows, in reading order. A
// leading paragraph label ("12.", "12 bis.", "(a)", "(iv)", "A.", "IV.",
// "OP 7", "PP3") is kept apart from the block's text, so that renumbering a
// paragraph is not a change of its words.
//
// Block text is taken from the source as written (inner line breaks kept,
// surrounding white space trimmed); comparison-time normalization (Unicode
// NFC, white space folding) belongs to package diff, not here.
package doc

// Kind is the kind of a Block.
type Kind uint8

// The kinds of block a reader produces.
const (
	Paragraph Kind = iota // running text, including a sub-paragraph "(a) …"
	Heading               // a section heading ("A. Introduction")
	ListItem              // one item of a Markdown list
	Quote                 // a paragraph inside a block quote
	TableRow              // one row of a table, cells separated by " | "
)

var kindNames = [...]string{"paragraph", "heading", "list item", "quote", "table row"}

// String returns the kind's name in lower case, e.g. "heading".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Block is one paragraph-level unit of a draft.
type Block struct {
	Kind Kind
	// Level is the heading level (1–6) for a heading; for other blocks the
	// nesting depth (0 at top level, 1 for a sub-paragraph "(a)" or a nested
	// list item, and so on).
	Level int
	// Label is the leading paragraph label exactly as written, without the
	// white space after it ("12.", "12 bis.", "(a)", "OP 7"); empty if none.
	Label string
	// Text is the block's text after the label, from the source as written:
	// inner line breaks kept, leading and trailing white space trimmed.
	Text string
	// Line is the 1-based source line on which the block starts.
	Line int
}

// Document is a draft read into blocks.
type Document struct {
	// Name identifies the draft in messages and output (a file name or "-").
	Name string
	// Blocks holds the draft's blocks in reading order.
	Blocks []Block
	// Warnings lists problems that were repaired while reading, such as
	// invalid UTF-8 replaced by U+FFFD. Each names the draft.
	Warnings []string
}
