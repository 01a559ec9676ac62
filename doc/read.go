package doc

// Format is the source format of a draft.
type Format uint8

// The formats Read understands.
const (
	Auto     Format = iota // choose by file name (see FormatOf)
	Text                   // plain text
	Markdown               // CommonMark with GitHub tables
)

// (Read, FormatOf and ParseFormat are implemented in text.go, markdown.go
// and format.go.)
