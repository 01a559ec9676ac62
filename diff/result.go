package diff

import "github.com/redline-diff/redline/draft"

// Op is what happened to the blocks of one alignment step.
type Op uint8

// The alignment ops. Their String forms are the JSON names.
const (
	Equal    Op = iota // same text (labels may differ: see Step.Renumbered)
	Changed            // same paragraph, words edited in place
	Inserted           // only in the new draft
	Deleted            // only in the old draft
	Moved              // left its place and reappears elsewhere, maybe edited
	Split              // one old block became two or more consecutive new blocks
	Merged             // two or more consecutive old blocks became one new block
)

var opNames = [...]string{"equal", "changed", "inserted", "deleted", "moved", "split", "merged"}

// String returns the op's JSON name, e.g. "changed".
func (o Op) String() string {
	if int(o) < len(opNames) {
		return opNames[o]
	}
	return "unknown"
}

// SpanOp says whether a span of text is in both blocks or only one.
type SpanOp uint8

// The span ops. Their String forms are the JSON names.
const (
	SpanEqual  SpanOp = iota // in both the old and the new text
	SpanInsert               // only in the new text
	SpanDelete               // only in the old text
)

var spanOpNames = [...]string{"equal", "insert", "delete"}

// String returns the span op's JSON name, e.g. "insert".
func (o SpanOp) String() string {
	if int(o) < len(spanOpNames) {
		return spanOpNames[o]
	}
	return "unknown"
}

// Span is a run of text of a word diff.
type Span struct {
	Text string
	Op   SpanOp
	// Renumbered marks a deleted and an inserted number that are a
	// cross-reference following the renumbering ("paragraph 22" become
	// "paragraph 25" where old paragraph 22 is new paragraph 25): a change
	// of numbering, not of words.
	Renumbered bool
	// Layout marks both spans of a delete and an insert, next to each
	// other in either order, that differ only in layout: white space,
	// line ends, invisible characters, Unicode normal form (see
	// layoutOnly). Their words are no change of words: Step.Words does
	// not count them, and renderers show the pair as the new text,
	// unchanged. Pairs are read from the first span on: span k and k+1,
	// then k+2 and k+3 if those are marked too. Compare sets it; never in
	// a step compared line by line (Result.LineByLine), where a
	// re-indented line is a change.
	Layout bool
	// Break marks a span whose text is the Sep that joins two blocks of
	// the side of a split (the new side) or a merge (the old side) that
	// has several: where one piece ends and the next begins. Its op is
	// SpanEqual or that side's (SpanInsert for a split, SpanDelete for a
	// merge). A Sep that is a block's own text (a Word paragraph with two
	// line breaks) is never marked: renderers find the pieces by this
	// mark, never by the text.
	Break bool
}

// Step is one step of the alignment of two drafts.
//
// Old and New are runs of the old and new document's blocks: one block on
// both sides for equal, changed and moved; one side empty for inserted and
// deleted; two or more blocks on one side for split and merged.
//
// Spans is the word diff of the step: the SpanEqual and SpanDelete texts, in
// order, concatenate to the old blocks' texts, and the SpanEqual and
// SpanInsert texts to the new blocks' texts (for a split or merge, the texts
// of the several blocks joined with Sep). For an inserted block Spans is one
// insert span, for a deleted block one delete span.
type Step struct {
	Op Op
	// Moved is set when the step's blocks left their place: always for
	// Op Moved, and for a split or merge whose pieces stand elsewhere than
	// the block they came from (a paragraph moved and split).
	Moved bool
	// Formatting is set when the step pairs blocks of both drafts and the
	// text they share (the equal spans) is formatted differently in the
	// two: emphasis, strong, a code span, strikethrough, super- or
	// subscript added, removed or moved, or a link's address changed (see
	// draft.Mark; the source's layout, Rejoined marks, does not count).
	// An Equal step with Formatting set is a change of formatting alone,
	// not of words.
	Formatting bool
	Old        Blocks
	New        Blocks
	Spans      []Span
}

// Sep joins the texts of several blocks on one side of a split or merge
// before they are diffed against the other side.
const Sep = "\n\n"

// Result is the comparison of two drafts.
type Result struct {
	Old, New *draft.Document
	// Steps in reading order of the new draft; deleted blocks stand where
	// they stood in the old draft.
	Steps []Step
}
