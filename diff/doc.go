// Package diff compares drafts of a negotiated text: it aligns their
// blocks (paragraphs, headings, list items) and diffs the words of each
// aligned pair.
//
// # Alignment
//
// Compare pairs the blocks of the old and new draft in five passes, each
// near-linear in the number of blocks:
//
//  1. Anchors. Blocks whose normalized text (see Normalize; the text as
//     written for a block that keeps its line layout) occurs exactly
//     once in each draft are candidate pairs; the longest run of them in the
//     same order in both drafts (patience sorting, O(n log n)) is kept, and
//     each kept pair is extended over identical neighbours. Labels play no
//     part: a renumbered paragraph is still the same paragraph.
//  2. The same again inside each gap between anchors, with blocks unique
//     within the gap, so that text repeated elsewhere (boilerplate) is
//     still matched in order and never crosswise. A gap still too large
//     for step 3 is anchored on runs of four blocks whose texts in sequence
//     are unique (a draft of repeated short paragraphs), and failing that
//     on a shortest edit script of the block texts (Myers), when one with
//     few enough edits exists (at most 40 million steps of work); among
//     identical blocks its matches slide so that an edit among them is a
//     change in place.
//  3. Twins. A block left unpaired whose text, or its text with case,
//     hyphens and punctuation set aside, is held by exactly one unpaired
//     block of each draft is paired with that twin before any similarity
//     is weighed: in order when they share a gap, else as a move.
//  4. Edited blocks. In each remaining gap, blocks are paired in order so
//     that the sum of their similarities is greatest (a dynamic programme
//     over gaps of at most 65,536 cells; larger gaps are first cut by pairs
//     found through the word index below). Similarity is the Dice
//     coefficient of the two blocks' sets of lower-cased words and word
//     pairs, and two blocks pair only when it reaches
//     Options.MatchThreshold. Beyond it: a block found almost whole in
//     another (sentences added or taken away) pairs whatever the length
//     ratio; blocks under four words are also compared by their words in
//     order (case and hyphens aside) and their labels, and a short block
//     pairs with the block of its label in its place; a long block whose
//     words repeat is weighed by its words and pairs counted as multisets,
//     so that similarity does not fall with its size; a heading pairs with
//     a paragraph only when they are nearly the same (halfway between the
//     threshold and 1), as a block whose kind changed; blocks that keep
//     their line layout (code, a table of contents, front matter) pair
//     only with their own kind.
//  5. Moves. Blocks still unpaired in both drafts are matched across the
//     whole document, most similar first, among candidates drawn from an
//     index of rare words and word pairs (a gram held by more than 64
//     blocks is not indexed; each block weighs its 8 best candidates), so
//     that no pass compares all pairs; copies of one text are matched in
//     order, and a short block by its label. The heaviest chain of links
//     in order stays in place, the rest are moves; copies of one text are
//     then linked again in order, so that the fewest are shown moved.
//
// The steps of the Result follow the new draft's reading order; a deleted
// block stands where it stood in the old draft, ahead of what was inserted
// in its place; a moved block stands at its new place.
//
// # Word diff
//
// Words cuts both texts into tokens (words with inner apostrophes and
// hyphens, runs of white space, single punctuation marks, single CJK
// ideographs), gives each distinct token a rune of its own, and diffs the
// rune strings with go-diff's DiffMainRunes, without a time limit, so that
// the result never depends on machine speed. The token-level edit is then
// cleaned up so that it reads like a careful human's markup (see Words);
// in scripts written without spaces, one or two characters shared between
// two rewritten phrases are folded into one replacement, as "the" is.
// Texts of more than 3,000 tokens are first diffed sentence by sentence,
// and only the sentences that differ word by word. A stretch still too
// long (a 10 MB paragraph without a full stop) is anchored on runs of
// eight tokens that occur once in each text, in the same order (patience
// diff), and only the gaps between them reach go-diff; so every go-diff
// call stays small and the cost near-linear.
//
// # Line diff
//
// A step whose blocks all keep their line layout (draft.Kind.LineByLine:
// code, a table of contents, front matter; see Result.LineByLine) is
// diffed by Lines instead, as git diffs code: each line is a token,
// compared as written, so that a changed line, even one re-indented, is
// the old line deleted and the new one inserted. There is no cleanup. Its
// words in Stats are the words of its deleted and inserted lines.
//
// # Layout-only changes
//
// A word diff keeps both forms of text that differ only in layout (white
// space, line ends, invisible characters, Unicode normal form), as a
// delete and an insert, so that the spans stay lossless. Such a pair is
// decided once, here (layoutOnly, in layout.go), and both its spans carry
// Span.Layout: Step.Words, Stats, History's volumes and blame count them
// as no change of words, and renderers show them as the new text without
// deciding again. Steps compared line by line have none: there a
// re-indented line is a change.
//
// # Formatting
//
// A block's formatting (draft.Mark: emphasis, links and the like) is not
// words: it never changes the alignment or the spans. Once the spans are
// known, a step that pairs blocks of both drafts has Step.Formatting set
// when the text they share (its equal spans) carries different marks in
// the two; an equal step with it is a change of formatting alone, which
// counts no word but makes the drafts differ (Result.Differs). SpanMarks
// gives the marks over each span, for renderers to write.
//
// # Invariants
//
// Every block of each draft is in exactly one step, and the spans of each
// step are lossless: equal and deleted text rebuilds the old blocks' text,
// equal and inserted text the new. Result.Check verifies both. The same
// drafts give the same Result on any machine and with any number of cores.
package diff
