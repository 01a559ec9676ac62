// Package render writes a diff.Result as an HTML redline page, as text in
// the style of git diff --word-diff=plain, or as redline's JSON schema 1.
//
// Every renderer is deterministic: the same Result gives byte-identical
// output on any machine (no maps iterated for output, no timestamps). Each
// checks the Result first (block indices in range) and returns an error
// rather than panic on a malformed one; write errors are returned too.
//
// # Layout-only differences
//
// A delete span next to an insert span (in either order) whose texts differ
// only in white space or Unicode form (same diff.Normalize, white space at
// the same ends, and diff.Sep in both or neither) is not a change of words.
// HTML and text show such a pair as unchanged text, in the new draft's
// form; JSON is raw and keeps the spans as they are.
//
// # HTML
//
// HTML writes one self-contained page: CSS inlined, no scripts, nothing
// fetched (a Content-Security-Policy forbids it). A header names both drafts
// and summarises the changes (from diff.Result.Stats); then the new draft
// follows in reading order, one element per step, deleted blocks where they
// stood. Deletions are <del>, insertions <ins>, each with a visually hidden
// "deleted: " or "inserted: " prefix (<span class="sr-only">) for screen
// readers. Every changed block (any op but equal, or a renumbered equal
// block) has id "c1", "c2", … in reading order, so "#c3" links to the
// third change. The old place of a moved block has a marker with id
// "o-N", N its 0-based index in the old draft; the moved block's note links
// there and the marker links back.
//
// # Text
//
// Text writes "--- OLD" and "+++ NEW", then one hunk per change: a header
// line such as "@@ ¶ 14 (was 12) changed @@", "@@ ¶ 3 inserted after ¶ 2 @@",
// "@@ ¶ 7 deleted @@", "@@ ¶ 20 moved from ¶ 15 @@", "@@ ¶ 9 split into ¶ 9
// and ¶ 10 @@" or "@@ ¶ 14 (was 12) renumbered @@", followed (except for a
// renumbering alone) by the block's text with deletions as [-…-] and
// insertions as {+…+}, inner line breaks as written. Unchanged blocks are
// left out. A block without a label is named by its kind and first words,
// e.g. `heading "B. Existing and potential threats"`. When the drafts do
// not differ (diff.Result.Differs(false) is false), Text writes nothing.
//
// # JSON
//
// JSON writes schema 1 as described in the project's design notes and
// README: "schema", "old" and "new" (path and block count), "stats",
// "warnings" (only when a reader repaired something) and "blocks", one
// entry per step with its op, old and new block indices, labels and spans.
package render
