// Package negotiation reads a comparison of two drafts as a negotiator
// does: which bracketed passages were agreed, dropped, kept open or
// opened, and where the language was weakened or strengthened, or a
// watched reference removed or added. It sits between package diff and
// the renderers: it reads a *diff.Result (or a *diff.History) and returns
// facts about it, each pointing at a step and at byte offsets of a block's
// text. It never prints, never exits and knows nothing of files or flags:
// lexicons come in as an io.Reader or fs.FS, and the shipped ones are
// embedded. Nothing is computed before Analyze (or AnalyzeHistory) is
// called.
//
// # Brackets
//
// Square brackets mark text not yet agreed. Passages finds them in one
// block's text with a stack, so nesting is kept (Passage.Depth); a "["
// without its "]" in the same block opens nothing, so a passage never
// spans two blocks, though it may span sentences. Brackets nested deeper
// than MaxDepth are text of their parent. A passage may carry a
// tag before a colon ("[Alt 1: …]", "[Option A: …]", "[Proposal by Group
// X: …]", "[EU: …]"). Neighbouring passages are alternatives of one group
// (Passage.Group) when they are tagged as alternatives (Alt, Alternative,
// Option, Variant, Opción, Variante), joined by a connector ("[or]", the
// word "or") or touching ("[shall][should]").
//
// Left out, as not negotiation: Markdown links and images ("[text](url)",
// "![alt]"), link references and their definitions ("[label]: url" and
// "[label]" where the draft defines it), citations ("[1]", "[12]", "[1,
// 2]", "[RFC9000]", "[RFC 9000]", "[Smith 2020]", a document symbol such
// as "[General Assembly resolution 75/240]"), footnote marks ("[^1]"),
// ellipses ("[…]", "[...]"), editorial marks ("[sic]", "[emphasis added]",
// "[Note: …]", "[t]he", "State[s]"), page markers ("[Page 12]"), task-list
// boxes ("[ ]", "[x]"), an index ("a[i]"), and every bracket of code,
// table-of-contents and front-matter blocks. A four-digit number ("[2027]")
// is kept: a year may be negotiated.
//
// HasBracketStructure decides the Auto mode: a draft has bracket structure
// of the negotiation kind when it has a tagged passage or alternatives,
// two passages or more, or one of three words or more.
//
// # Fates
//
// For each step of a comparison, every old passage gets a Fate from the
// step's word diff: Dropped when fewer than half of the letters and digits
// of its text are kept (or its paragraph is deleted); Open when most of
// those kept stand inside a new passage; Agreed otherwise (Edited when its
// text changed; the tag, "Alt 2: ", may go without counting as an edit).
// In a group of alternatives of which exactly one was agreed and all the
// others dropped, the agreed one is Chosen. Every new passage that no old
// one continues is Opened (Existing when most of its text stood in the
// old draft, without brackets). A passage dropped from one paragraph and
// opened in another, in brackets both with the same words (for three
// words or more, mostly the same: Dice ≥ 0.8 over the word multisets),
// moved: it is one passage, Open and Moved. Text that moved and lost or
// gained its brackets on the way counts as dropped here and new there.
//
// # Signals
//
// A lexicon holds, per language, ordered scales of terms (operative verbs
// of resolutions: decides > demands > requests > calls upon > urges >
// encourages > invites > welcomes > takes note; obligation: shall > must >
// should > may; will > would; commitment verbs of reports: "States agreed"
// > "States concluded" > "States recommended" > "States take into
// account"), hedges ("where appropriate", "voluntary", "consider", …) and
// watched references ("international humanitarian law", "human rights",
// …). Every step with changes is read in the lexicon languages chosen by
// Options.Languages or, by default, by the drafts' common words:
//
//   - within one change (a run of deleted and inserted spans, joined with
//     the next when one term straddles both), the terms of a scale that
//     the change touches are paired in order, old with new; a pair of
//     different ranks is Weakened (the new term is lower) or Strengthened;
//     a term removed or added without a partner is no signal;
//   - a hedge is counted in the old and the new text of the step: one more
//     is Weakened (added), one fewer Strengthened (removed); a hedge
//     swapped for another in the same change is no signal; in a deleted
//     or inserted paragraph hedges are not read;
//   - a watched reference counted the same way is ReferenceAdded or
//     ReferenceDropped, in deleted and inserted paragraphs too; one removed
//     from a paragraph and added to another in a sentence of mostly the
//     same words (Dice ≥ 0.6) moved, and is no signal.
//
// A signal whose term stands inside a bracketed passage is marked
// Bracketed: a proposal, not agreed text. CountTerms counts every term of
// a lexicon in one draft, as the signals see them.
//
// # Series
//
// AnalyzeHistory analyses each revision of a diff.History and follows the
// bracketed passages through it: Series.Remaining is the convergence curve
// (passages per draft), Series.Lineages the path of each passage from the
// draft that opened it to the revision that settled it.
//
// Terms are whole words, compared in lower case after NFC normalisation,
// with typographic apostrophes made plain and French elisions split
// ("l'homme" is "l'" "homme"); matching is leftmost-longest, so "may wish
// to" is a hedge, not "may". A term does not count inside quotation marks
// (“…”, «…», "…"), inside a bracket that is not negotiation (a citation),
// inside an exception of the lexicon ("should the need arise" is a hedge;
// "should a dispute arise" an exception), after a word of its list's "not
// after" line ("the requests"), or capitalized inside a sentence though
// the lexicon writes it in lower case ("in May"); all capitals ("SHALL")
// count.
//
// # Lexicon files
//
// A lexicon file is UTF-8 text, one language per file. "#" starts a
// comment. Keyword lines start in column 1; member lines are indented:
//
//	language en
//	common the of and to that
//
//	scale obligation
//	    shall
//	    must
//	    should
//	    may
//	    not after: the | political | good
//
//	hedges
//	    where appropriate | where applicable
//	    voluntary | voluntarily | on a voluntary basis
//
//	references
//	    human rights
//
//	except
//	    should it be necessary
//
// "language CODE" comes first. "common" lists words frequent in the
// language and rare in others, used to tell a draft's language. "scale
// NAME" starts a scale: each member line is one rank, strongest first.
// "hedges", "references" and "except" start those lists: each member line
// is one entry. On every member line, "|" separates forms of one term (its
// inflections and variants), the first naming it in signals. "not after:"
// lists words after which the section's forms do not count. Merging files
// (MergeLexicons, LoadLexicons) adds to a language already read; a scale
// of the same name replaces the earlier one.
package negotiation
