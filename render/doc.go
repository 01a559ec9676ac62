// Package render writes a diff.Result as an HTML redline page, as text in
// the style of git diff --word-diff=plain, as redline's JSON schema 1, as
// CriticMarkup, or as a Word document with tracked changes (DOCX).
//
// Every renderer is deterministic: the same Result gives byte-identical
// output on any machine (no maps iterated for output, no timestamps). Each
// checks the Result first (block indices in range) and returns an error
// rather than panic on a malformed one; write errors are returned too.
//
// # Layout-only differences
//
// A delete span next to an insert span (in either order) whose texts differ
// only in white space or Unicode form is not a change of words: package
// diff decides it, once, and marks both spans (diff.Span.Layout); no
// renderer decides it again. HTML, text, ANSI and CriticMarkup show such a
// pair as unchanged text, in the new draft's form; JSON is raw, keeps the
// spans as they are and marks them "layout"; every word count (the page
// header, the departures table, --stat, the JSON stats) leaves them out
// (diff.Step.Words).
//
// # HTML
//
// HTML writes one self-contained page: CSS and one script (page.js, for
// the views, keys and minimap) inlined, nothing fetched (a
// Content-Security-Policy forbids it and allows the script by its hash
// alone); without JavaScript everything is shown inline. A header names both drafts
// and summarises the changes (from diff.Result.Stats, the moved count with
// its moved sections, "8 moved (1 section)"); a collapsible numbering
// crosswalk follows (<details id="crosswalk">, from diff.Result.Crosswalk,
// shown when a label changed): old and new label and first words of every
// paired block with a label, changed rows with class "renumbered", an
// arrow and a bold new label, each new label linking to its block when that
// has an id. Then the new draft follows in reading order, one element per
// step, deleted blocks where they stood. Deletions are <del>, insertions
// <ins>, to which the style sheet gives a visually hidden "deleted: " or
// "inserted: " prefix for screen readers (generated content). Every changed block (any op
// but equal, or a renumbered equal block) has id "c1", "c2", … in reading
// order, so "#c3" links to the third change, and in data-k its kinds
// ("ins", "del", "chg", "mov", "sm", "ren" for a change of numbering
// alone, "fmt"), by which the page filters its stops; a heading that is
// no change has id "hN" (N its 1-based place in the new draft), for the
// outline. A page of more than 2,000 steps holds its elements in parts,
// <div class="part">, of 64 steps each. A departures table or crosswalk
// of more than 1,000 rows is data (<script type="application/json"
// id="departures-data">, "crosswalk-data") of which the script makes rows.
//
// A block that moved (diff.Step.Moved: a move, or a split or merge whose
// pieces stand elsewhere, with class "moved" beside its op) has a bar and
// tint in the moved colour and a note, "moved from ¶ 22" or "moved from
// ¶ 22, split into ¶ 17 and ¶ 18", which links to its old place: a
// marker with id "o-N", N its first old block's 0-based index ("¶ 22 moved
// to ¶ 17", double struck as in a legal blackline), which links back. Its
// unchanged text is plain on screen (in <span class="mv">, double
// underlined in print), so its own edits show as anywhere else. A moved
// section (diff.Result.MovedSections) gets a banner above its first step
// (<p class="moved-section" id="s1">, "s2", …: `Section “C. Rules …” (¶
// 17–24) moved before “D. International law”`, linking to its old place)
// and, at its old place, one marker for the whole section instead of one
// per block (class "marker section-marker", id "o-N" of its first block,
// holding empty elements with the "o-N" ids of its other blocks, so that
// each block's note still finds its old place), linking to the banner.
//
// A cross-reference that follows the renumbering (a diff.Span.Renumbered
// deletion and insertion) is no edit of words: <span
// class="ref-renumbered" title="reference renumbered"> holds the new
// number in <ins class="ref"> and the old one in <del class="ref">, shown
// quietly as "17 (was 22)" and read as "reference renumbered, now: 17,
// was: 22". A changed block whose only changes are such references
// (diff.Step.NumberingOnly) has class "numbering-only".
//
// A block compared line by line (diff.Result.LineByLine: code, a table of
// contents, front matter) is a <div> (class "code", "contents" or
// "front-matter") holding its text in <pre class="lines">, its spans as
// they are (a re-indented line is a change, not layout), in a monospace
// font wrapped only where the page is narrow. Formatting (the spans' marks,
// diff.Result.SpanMarks: the new text's over unchanged and inserted text,
// the old text's over deleted text) is written inside the <ins> and <del>
// as <em>, <strong>, <code>, <s>, <sup> and <sub>, each run of text in its
// own tags; a link is its text in <a href rel="noopener noreferrer"> when
// its address is http, https or mailto, and its text alone otherwise. A
// block whose formatting changed (diff.Step.Formatting) is a change (it
// has an id) with the note "formatting changed" ("formatting changed too"
// beside edited words), and the summary counts such blocks.
//
// # Text
//
// Text writes "--- OLD" and "+++ NEW", then one hunk per change: a header
// line such as "@@ ¶ 14 (was 12) changed @@", "@@ ¶ 3 inserted after ¶ 2 @@",
// "@@ ¶ 7 deleted @@", "@@ ¶ 20 moved from ¶ 15 @@", "@@ ¶ 9 split into ¶ 9
// and ¶ 10 @@", "@@ ¶ 22 moved and split into ¶ 17 and ¶ 18 @@", "@@ ¶ 31
// and ¶ 32 moved and merged into ¶ 36 @@", "@@ ¶ 14 (was 12) renumbered
// @@" or "@@ ¶ 50 reference renumbered @@" (a block whose only changes are
// cross-references that follow the renumbering; "references" for more
// than one), followed (except for a renumbering alone) by the block's text
// with deletions as [-…-], insertions as {+…+} and a renumbered
// cross-reference as {#OLD→NEW#} ("paragraph {#22→17#} above"), inner line
// breaks as written. A moved section's hunks are preceded by one line such
// as `@@@ section "C. Rules, norms and principles of…" (¶ 17–24) moved
// before heading "D. International law" @@@` (or "moved after …"; a
// section that does not start with a heading is named "section ¶ 17–24").
// Consecutive paragraphs whose only change is their label are one hunk,
// "@@ ¶ 13 … ¶ 16 renumbered (was ¶ 10 … ¶ 13; 4 blocks) @@" (a heading
// keeps its own). A block compared line by line is written a line at a
// time, each indented by four spaces, a changed line whole in its markers
// ("    [-  uint16 length;-]", "    {+  uint32 length;+}", a blank line
// deleted or inserted as "[--]" or "{++}"). A block whose formatting
// changed is followed by the line "~~ formatting changed ~~", and when
// that is its only change its header says so ("@@ ¶ 4 formatting changed
// @@") and its text follows without markers. Unchanged blocks are left
// out. A block without a label
// is named by its kind and first words, e.g. `heading "B. Existing and
// potential threats"`. When the drafts do not differ (diff.Result.Differs(false) is false), Text
// writes nothing.
//
// # JSON
//
// JSON writes schema 1 as described in the project's design notes and
// README: "schema", "old" and "new" (path and block count), "stats",
// "warnings" (only when a reader repaired something), "moved_sections"
// (always an array: {"old": [start, end], "new": [start, end], "up": bool,
// "steps": [first, end]}, block ranges of each draft and the range of its
// entries in "blocks", all 0-based and end-exclusive), "labels" (always an
// array, the numbering crosswalk: {"old": "10.", "new": "13.",
// "old_block": 14, "new_block": 17}, both labels always present, "" where
// a block has none) and "blocks", one entry per step with its op, old and
// new block indices, "moved": true when its blocks left their place (every
// "moved" entry, and a "split" or "merged" one that moved), labels,
// "formatting": true when its formatting changed (with op "equal", its only
// change; "stats" then counts such blocks as "formatted", a field left out
// when 0), and spans, a span of a renumbered cross-reference with
// "renumbered": true. The blocks' marks themselves are not written.
//
// # Successive drafts
//
// HistoryHTML, HistoryText and HistoryJSON write a diff.History: the
// drafts, the change volume of each revision and section, the redlines of
// each consecutive pair and of the first draft against the last, and the
// lineage of every block of the last draft. TraceHTML, TraceText and
// TraceJSON write phrase traces (diff.History.Trace); BlameHTML, BlameText
// and BlameJSON the blame of the last draft (diff.History.Blame). Their
// JSON has "schema": 1 and "drafts" ([{"name", "path", "blocks"}], draft
// numbers elsewhere being 0-based indices into it), then:
//
//   - history: "revisions" [{"from", "to", "paragraphs", "stats"}],
//     "sections" [{"heading", "draft", "block", "revisions": [{"paragraphs",
//     "words_inserted", "words_deleted"}]}], "lineage" (one per block of the
//     last draft) [{"block", "label", "origin": "first"|"inserted"|"split"|
//     "merged", "added" (only when inserted), "path": [{"draft", "block",
//     "label", "op", "moved"}] from the last draft back}], and "redlines"
//     [{"from", "to", "redline": schema 1 as JSON writes it}];
//   - trace: "phrases" [{"phrase", "counts", "lost_in_last", "struck",
//     "added"}], each change {"draft", "old_block", "old_label",
//     "new_block", "new_label", "text", "replacement"} (-1 for no block);
//   - blame: "blocks" [{"block", "kind", "label", "spans": [{"draft",
//     "text"}]}], the spans of a block concatenating to its text.
//
// The history page carries one inline script (choosing the redline to
// show), allowed by its hash in the Content-Security-Policy; without it
// every redline stays on the page under a menu of anchors. The trace and
// blame pages have no script.
package render
